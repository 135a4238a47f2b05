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
