//! End to end: the saved place and bookmarks, through the real binary in a pseudo-terminal.
//! Each test has its own config directory; saves are waited for by polling the state file.

mod common;

use common::{eventually, Term};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const HARBOUR: &str = include_str!("fixtures/harbour.txt");

/// The harbour story eight times over, every paragraph numbered, so that no two pages
/// look alike.
fn story() -> String {
    let (head, body) = HARBOUR.split_once("\n\n\n").unwrap();
    let mut out = format!("{head}\n\n\n");
    let mut n = 0;
    for part in 1..=8 {
        for block in body.split("\n\n") {
            let block = block.trim_matches('\n');
            if block.is_empty() {
                continue;
            }
            if let Some(rest) = block.strip_prefix("CHAPTER ") {
                out.push_str(&format!("\nCHAPTER {part}.{rest}\n\n"));
            } else {
                n += 1;
                out.push_str(&format!("P{n} {block}\n\n"));
            }
        }
    }
    out
}

struct Setup {
    dir: tempfile::TempDir,
    file: PathBuf,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("config")).unwrap();
        let file = dir.path().join("harbour.txt");
        fs::write(&file, story()).unwrap();
        Self { dir, file }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    fn open(&self, cols: u16, rows: u16) -> Term {
        self.open_file(&self.file, cols, rows)
    }

    fn open_file(&self, file: &Path, cols: u16, rows: u16) -> Term {
        let term = Term::start(
            &[file.to_str().unwrap()],
            cols,
            rows,
            &self.config(),
            self.dir.path(),
        );
        term.wait_for("the story", |s| s.contains('%'));
        term
    }

    /// The one state file in books/, if there is one.
    fn state_file(&self) -> Option<PathBuf> {
        let books = self.config().join("books");
        let mut files: Vec<PathBuf> = fs::read_dir(books)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        assert!(files.len() <= 1, "one book, one state file: {files:?}");
        files.pop()
    }

    /// The saved place's offset, if the state file holds one.
    fn saved_offset(&self) -> Option<u64> {
        let text = fs::read_to_string(self.state_file()?).ok()?;
        let json: serde_json::Value = serde_json::from_str(&text).ok()?;
        json["place"]["anchor"]["offset"].as_u64()
    }

    /// The saved bookmarks in the state file.
    fn saved_bookmarks(&self) -> usize {
        let Some(text) = self.state_file().and_then(|f| fs::read_to_string(f).ok()) else {
            return 0;
        };
        serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|j| j["bookmarks"].as_array().map(Vec::len))
            .unwrap_or(0)
    }

    fn bookmarks(&self, json: bool) -> String {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dogear"));
        cmd.arg("--bookmarks");
        if json {
            cmd.arg("--json");
        }
        let out = cmd
            .arg(&self.file)
            .env("DOGEAR_CONFIG_DIR", self.config())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    }
}

/// The page's text rows: every row but the status bar.
fn text_rows(term: &Term) -> Vec<String> {
    let mut rows = term.rows();
    rows.pop();
    rows
}

/// The status bar with any long message wrapped onto the rows above it, as one line.
fn status(term: &Term) -> String {
    let rows = term.rows();
    let bottom = &rows[rows.len().saturating_sub(6)..];
    bottom
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn top(term: &Term) -> String {
    term.rows()[0].trim().to_owned()
}

/// Pages forward `pages` times, then moves down line by line until the top row is text,
/// and returns the settled page.
fn page_to(term: &mut Term, pages: usize) -> Vec<String> {
    for _ in 0..pages {
        let before = term.settle();
        term.send(" ");
        term.wait_for("the next page", |s| s != before);
    }
    term.settle();
    for _ in 0..6 {
        if !top(term).is_empty() {
            break;
        }
        term.send("j");
        term.settle();
    }
    assert!(
        !top(term).is_empty(),
        "a text line on top:\n{}",
        term.screen()
    );
    text_rows(term)
}

fn quit(term: &mut Term) {
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    assert!(term.restored(), "terminal not restored:\n{}", term.screen());
}

fn wait_page(term: &Term, want: &[String], what: &str) {
    let deadline = std::time::Instant::now() + common::WAIT;
    while text_rows(term) != want {
        if std::time::Instant::now() > deadline {
            assert_eq!(
                text_rows(term),
                want,
                "{what}; the screen was:\n{}",
                term.screen()
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn kill_9_after_the_autosave_keeps_the_page() {
    let setup = Setup::new();
    let mut term = setup.open(80, 24);
    page_to(&mut term, 2);
    eventually("the first autosave", || setup.saved_offset().is_some());
    let first = setup.saved_offset().unwrap();
    let page = page_to(&mut term, 2);
    eventually("the autosave of the new page", || {
        setup.saved_offset().is_some_and(|o| o > first)
    });
    term.signal("KILL");
    term.wait_exit();

    let mut term = setup.open(80, 24);
    wait_page(&term, &page, "reopened after kill -9 on the autosaved page");
    quit(&mut term);
}

#[test]
fn a_bookmark_survives_and_is_listed() {
    let setup = Setup::new();
    let mut term = setup.open(80, 24);
    let page = page_to(&mut term, 3);
    term.send("m");
    eventually("the bookmark saved", || setup.saved_bookmarks() == 1);
    term.send("g");
    term.wait_for("the start", |s| s.contains("THE HARBOUR CLOCK"));
    quit(&mut term);

    let mut term = setup.open(80, 24);
    term.wait_for("the start", |s| s.contains("THE HARBOUR CLOCK"));
    let before = term.settle();
    term.send("B");
    term.wait_for("the bookmark list", |s| s != before);
    term.send("\r");
    wait_page(&term, &page, "Enter on the bookmark goes back to its page");
    quit(&mut term);

    let text = setup.bookmarks(false);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains('%'), "{text}");
    let json: serde_json::Value = serde_json::from_str(&setup.bookmarks(true)).unwrap();
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), 1, "{json}");
    assert!(list[0]["offset"].as_u64().unwrap() > 0);
}

/// The reader on the setup's story, its config folder under a plain file (so it can
/// never be created).
fn start_with_an_unwritable_config_dir(setup: &Setup) -> Term {
    let blocker = setup.dir.path().join("a-file");
    fs::write(&blocker, "not a directory").unwrap();
    let config = blocker.join("dogear");
    Term::start(
        &[setup.file.to_str().unwrap()],
        80,
        24,
        &config,
        setup.dir.path(),
    )
}

#[test]
fn an_unwritable_config_dir_still_reads() {
    let setup = Setup::new();
    let mut term = start_with_an_unwritable_config_dir(&setup);
    term.wait_for("the start", |s| s.contains("THE HARBOUR CLOCK"));
    term.wait_for("the warning, as the story opens", |_| {
        status(&term).contains("will not be saved")
    });
    page_to(&mut term, 2);
    page_to(&mut term, 1);
    quit(&mut term);
}

#[test]
fn an_unwritable_config_dir_marks_a_bookmark_unsaved_and_says_so_on_quitting() {
    let setup = Setup::new();
    let mut term = start_with_an_unwritable_config_dir(&setup);
    term.wait_for("the start", |s| s.contains("THE HARBOUR CLOCK"));
    page_to(&mut term, 2);
    term.send("m");
    // Long after the warning at open is gone, the marker stays.
    term.wait_for("the marker", |_| {
        let rows = term.rows();
        rows.last().is_some_and(|r| r.contains("unsaved"))
    });
    quit(&mut term);
    let said = term.screen();
    assert!(
        said.contains("1 bookmark change could not be saved") && said.contains("a-file"),
        "quitting says what was lost and where it tried:\n{said}"
    );
}

#[test]
fn two_readers_at_once_keep_both_bookmarks() {
    let setup = Setup::new();
    let mut a = setup.open(80, 24);
    let mut b = setup.open(80, 24);
    page_to(&mut a, 2);
    a.send("m");
    eventually("a's bookmark saved", || setup.saved_bookmarks() == 1);
    page_to(&mut b, 5);
    b.send("m");
    eventually("both bookmarks saved", || setup.saved_bookmarks() == 2);
    quit(&mut a);
    quit(&mut b);
    let json: serde_json::Value = serde_json::from_str(&setup.bookmarks(true)).unwrap();
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), 2, "{json}");
    assert_ne!(list[0]["offset"], list[1]["offset"]);
}

#[test]
fn sighup_saves_the_place_and_restores_the_terminal() {
    let setup = Setup::new();
    let mut term = setup.open(80, 24);
    let page = page_to(&mut term, 3);
    term.signal("HUP");
    term.wait_exit();
    assert!(term.restored(), "terminal not restored:\n{}", term.screen());

    let mut term = setup.open(80, 24);
    wait_page(&term, &page, "reopened after SIGHUP on the same page");
    quit(&mut term);
}
