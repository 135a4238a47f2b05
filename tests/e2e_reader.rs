//! End to end: the real binary in a pseudo-terminal.

mod common;

use common::Term;
use std::fs;

const STORY: &str = include_str!("fixtures/harbour.txt");

struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("config")).unwrap();
        fs::write(dir.path().join("harbour.txt"), STORY.repeat(8)).unwrap();
        Self { dir }
    }

    fn open(&self, cols: u16, rows: u16) -> Term {
        let path = self.dir.path();
        Term::start(&["harbour.txt"], cols, rows, &path.join("config"), path)
    }
}

fn first_row(term: &Term) -> String {
    term.rows()[0].trim().to_owned()
}

#[test]
fn read_page_search_resize_and_quit() {
    let setup = Setup::new();
    let mut term = setup.open(80, 24);
    term.wait_for("the first page", |s| {
        s.contains("THE HARBOUR CLOCK") && s.contains("0%")
    });
    assert!(
        term.with_screen(|s| s.alternate_screen()),
        "the reader uses the alternate screen"
    );

    term.send(" ");
    term.wait_for("the next page", |s| {
        !s.contains("A story for testing dogear")
    });
    term.send("/tin whistle\r");
    let found = term.wait_for("the match", |s| s.contains("tin whistle"));
    assert!(found.contains("tin whistle"));

    term.send("jj");
    term.settle();
    for _ in 0..4 {
        if !first_row(&term).is_empty() {
            break;
        }
        term.send("j"); // a blank line between paragraphs is no test of the place
        term.settle();
    }
    let top = first_row(&term);
    assert!(!top.is_empty());
    for (cols, rows) in [(50, 20), (140, 30), (80, 24)] {
        term.resize(cols, rows);
        term.wait_for("the page at the new size", |_| true);
        let now = term.settle();
        let first = now.lines().next().unwrap_or("").trim().to_owned();
        let words: Vec<&str> = top.split_whitespace().take(2).collect();
        assert!(
            first.starts_with(&words.join(" ")),
            "at {cols}x{rows} the top line changed from {top:?} to {first:?}"
        );
    }
    assert_eq!(
        first_row(&term),
        top,
        "80 → 50 → 140 → 80 returns to the same page"
    );

    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    assert!(term.restored(), "terminal not restored:\n{}", term.screen());
}

#[test]
fn sigterm_restores_the_terminal() {
    let setup = Setup::new();
    let mut term = setup.open(80, 24);
    term.wait_for("the first page", |s| s.contains("THE HARBOUR CLOCK"));
    term.signal("TERM");
    term.wait_exit();
    assert!(
        term.restored(),
        "terminal not restored after SIGTERM:\n{}",
        term.screen()
    );
}

#[test]
fn a_panic_restores_the_terminal_and_then_prints_its_message() {
    let setup = Setup::new();
    let path = setup.dir.path();
    let env = [("DOGEAR_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")];
    let mut term = Term::start_with_env(&["harbour.txt"], 80, 24, &path.join("config"), path, &env);
    assert_eq!(
        term.wait_exit(),
        101,
        "a panic exits with Rust's panic status"
    );
    let screen = term.settle();
    assert!(
        term.restored(),
        "terminal not restored after a panic:\n{screen}"
    );
    assert!(
        screen.contains("dogear test panic"),
        "the message is shown:\n{screen}"
    );
}

#[test]
fn sighup_restores_the_terminal() {
    let setup = Setup::new();
    let mut term = setup.open(80, 24);
    term.wait_for("the first page", |s| s.contains("THE HARBOUR CLOCK"));
    term.signal("HUP");
    term.wait_exit();
    assert!(
        term.restored(),
        "terminal not restored after SIGHUP:\n{}",
        term.screen()
    );
}

#[test]
fn closing_the_window_ends_dogear_and_saves_the_place() {
    // Regression: crossterm's default event source spun forever on a hung-up terminal, so
    // a closed window left dogear running at full CPU with its last page unsaved. Every
    // copy of the pty's master is held here and dropped at once, as a terminal emulator
    // does when its window closes.
    use portable_pty::{native_pty_system, CommandBuilder, PtySize};
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};
    let setup = Setup::new();
    let size = PtySize {
        rows: 24,
        cols: 80,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pty = native_pty_system().openpty(size).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dogear"));
    cmd.arg("harbour.txt");
    cmd.cwd(setup.dir.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env("DOGEAR_CONFIG_DIR", setup.dir.path().join("config"));
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut writer = pty.master.take_writer().unwrap();
    let mut screen = vt100::Parser::new(24, 80, 0);
    let mut buf = [0u8; 4096];
    while !screen.screen().contents().contains("THE HARBOUR CLOCK") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "the pty closed before the first page");
        screen.process(&buf[..n]);
    }
    writer.write_all(b"   ").unwrap();
    writer.flush().unwrap();
    let n = reader.read(&mut buf).unwrap(); // the page turns
    assert!(n > 0);
    std::thread::sleep(Duration::from_millis(200));
    drop((reader, writer, pty.master));

    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("dogear kept running after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_ne!(status.exit_code(), 101, "dogear panicked on the way out");
    let books = setup.dir.path().join("config").join("books");
    let state = fs::read_dir(&books)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("a state file");
    let json: serde_json::Value = serde_json::from_slice(&fs::read(state).unwrap()).unwrap();
    let offset = json["place"]["anchor"]["offset"].as_u64().unwrap();
    assert!(
        offset > 0,
        "the page turned to before the window closed was saved: {json}"
    );
}

#[test]
fn ctrl_c_quits_cleanly_and_a_tiny_window_says_so() {
    let setup = Setup::new();
    let mut term = setup.open(8, 3);
    term.wait_for("the small-window notice", |s| s.contains("small"));
    term.resize(1, 1);
    term.settle();
    term.send("\x03");
    assert_eq!(term.wait_exit(), 0);
    assert!(term.restored());
}

#[test]
fn piping_prints_instead_of_starting_the_reader() {
    let setup = Setup::new();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dogear"))
        .arg(setup.dir.path().join("harbour.txt"))
        .env("DOGEAR_CONFIG_DIR", setup.dir.path().join("config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("THE HARBOUR CLOCK"));
    assert!(
        !text.contains("\x1b["),
        "no escape sequences when stdout is a pipe"
    );
}
