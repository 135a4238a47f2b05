//! End to end: the ways out and the ways in that are about the terminal itself: Ctrl-C
//! from a prompt and through a paste that never ends, pasted text, Ctrl-Z and `fg`, and
//! an idle reader that writes nothing.
#![cfg(unix)]

mod common;

use common::Term;
use std::fs;
use std::time::{Duration, Instant};

const STORY: &str = "THE LANTERN MAKER\n\n\
She trimmed the wick and waited for the tide to turn. The harbour was quiet and\n\
the gulls had gone to roost along the breakwater.\n\n\
In the morning the boats came back with empty nets and full stories.\n";

struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("config")).unwrap();
        fs::write(dir.path().join("lantern.txt"), STORY.repeat(40)).unwrap();
        Self { dir }
    }

    fn open(&self) -> Term {
        let path = self.dir.path();
        let term = Term::start(&["lantern.txt"], 80, 24, &path.join("config"), path);
        term.wait_for("the first page", |s| s.contains("THE LANTERN MAKER"));
        term
    }
}

fn assert_quit_cleanly(term: &mut Term) {
    assert_eq!(term.wait_exit(), 0, "{}", term.screen());
    assert!(term.restored(), "terminal not restored:\n{}", term.screen());
}

#[test]
fn ctrl_c_quits_from_the_search_prompt() {
    let setup = Setup::new();
    let mut term = setup.open();
    term.send("/lant");
    term.wait_for("the prompt", |s| s.contains("/lant"));
    term.send("\x03");
    assert_quit_cleanly(&mut term);
}

#[test]
fn an_unterminated_paste_does_not_swallow_ctrl_c() {
    let setup = Setup::new();
    let mut term = setup.open();
    // A paste start with no end: the input parser waits for the end for ever, and every
    // key typed after it (Ctrl-C included) used to go into that paste.
    term.send("\x1b[200~half a paste");
    std::thread::sleep(Duration::from_millis(300));
    term.send("\x03");
    assert_quit_cleanly(&mut term);
}

#[test]
fn pasted_text_goes_into_the_prompt_and_a_paste_is_not_commands() {
    let setup = Setup::new();
    let mut term = setup.open();
    assert!(
        term.with_screen(|s| s.bracketed_paste()),
        "bracketed paste is on"
    );
    // Outside a prompt, a pasted "q" is not a key.
    term.send("\x1b[200~q\x1b[201~");
    term.send("/");
    term.wait_for("the prompt", |s| s.contains("/"));
    term.send("\x1b[200~empty\nnets\x1b[201~");
    term.wait_for("the pasted text in the prompt", |s| {
        s.contains("/empty nets")
    });
    term.send("\r");
    term.wait_for("the match", |s| !s.contains("/empty nets"));
    term.send("q");
    assert_quit_cleanly(&mut term);
}

#[test]
fn an_idle_reader_writes_nothing_to_the_terminal() {
    let setup = Setup::new();
    let mut term = setup.open();
    term.settle();
    // Idle for a second and a half (so at least one tick of the clock passes) with not a
    // byte written. A message from opening may still be up, to expire with a redraw
    // within four ticks: windows are watched one after another until one is quiet, for
    // as long as the old fixed wait (six seconds, then a window) took.
    let deadline = Instant::now() + Duration::from_millis(7500);
    loop {
        let before = term.received();
        std::thread::sleep(Duration::from_millis(1500));
        let written = term.received() - before;
        if written == 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{written} bytes written while idle (the loop used to redraw five times a second)"
        );
    }
    term.send("q");
    assert_quit_cleanly(&mut term);
}

/// Under a shell with job control: Ctrl-Z gives the terminal back in cooked mode (the
/// shell goes on to record the modes), and `fg` takes it again and draws the page.
#[test]
fn ctrl_z_suspends_and_fg_restores_raw_mode_and_redraws() {
    let setup = Setup::new();
    let path = setup.dir.path();
    let modes = path.join("modes.txt");
    let script = format!(
        "set -m; \"$0\" lantern.txt; stty -a > '{}'; fg; echo done-$?",
        modes.display()
    );
    let dogear = env!("CARGO_BIN_EXE_dogear");
    let mut term = Term::start_program(
        "bash",
        &["-c", &script, dogear],
        (80, 24),
        &path.join("config"),
        path,
        &[],
    );
    term.wait_for("the first page", |s| s.contains("THE LANTERN MAKER"));
    term.send("\x1a");
    common::eventually("the shell to run while dogear is stopped", || {
        fs::read_to_string(&modes).is_ok_and(|m| m.contains("icanon"))
    });
    let stty = fs::read_to_string(&modes).unwrap();
    assert!(
        stty.contains(" icanon") && stty.contains(" echo"),
        "cooked mode while stopped:\n{stty}"
    );
    // After fg: the page again, in raw mode (a key is read at once, without Enter).
    term.wait_for("the page after fg", |s| s.contains("THE LANTERN MAKER"));
    assert!(term.with_screen(|s| s.alternate_screen()));
    term.send("q");
    term.wait_for("dogear to quit under the shell", |s| s.contains("done-0"));
    assert!(term.restored(), "{}", term.screen());
}

/// Stopped by SIGSTOP (which cannot be caught) while something else put the terminal
/// back in cooked mode with echo: on SIGCONT dogear takes raw mode again and redraws.
#[test]
fn sigcont_after_sigstop_takes_raw_mode_again_and_redraws() {
    let setup = Setup::new();
    let mut term = setup.open();
    let stty = |args: &[&str]| {
        let out = std::process::Command::new("stty")
            .arg("-F")
            .arg(term.tty_name())
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    term.signal("STOP");
    stty(&["sane"]);
    assert!(stty(&["-a"]).contains(" icanon"));
    // Another program writes over the screen meanwhile.
    let mut tty = fs::OpenOptions::new()
        .write(true)
        .open(term.tty_name())
        .unwrap();
    std::io::Write::write_all(&mut tty, b"\x1b[2J\x1b[HSOMEONE ELSE WAS HERE").unwrap();
    term.wait_for("the other program's text", |s| s.contains("SOMEONE ELSE"));
    term.signal("CONT");
    common::eventually("raw mode again", || stty(&["-a"]).contains("-icanon"));
    term.wait_for("the page drawn again", |s| {
        s.contains("THE LANTERN MAKER") && !s.contains("SOMEONE ELSE")
    });
    term.send("q");
    assert_quit_cleanly(&mut term);
}
