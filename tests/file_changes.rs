//! The story's file changing while it is open: text appended appears, a file cut short
//! is read as it now is (never a crash), and a replaced file keeps the reader on the same
//! sentence.

mod common;

use common::Term;
use std::path::Path;

/// dogear looking at its file every 50 ms rather than every second.
fn start(args: &[&str], cols: u16, rows: u16, config: &Path, cwd: &Path) -> Term {
    let env = [("DOGEAR_TEST_WATCH_MS", "50")];
    Term::start_with_env(args, cols, rows, config, cwd, &env)
}

fn paragraphs(from: usize, to: usize) -> String {
    (from..to)
        .map(|i| {
            format!("Paragraph number {i} says something about the harbour and the boats.\n\n")
        })
        .collect()
}

#[test]
fn text_appended_to_the_open_story_appears() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("growing.txt");
    std::fs::write(&path, paragraphs(0, 30)).unwrap();
    let mut t = start(
        &[path.to_str().unwrap()],
        80,
        24,
        &dir.path().join("c"),
        dir.path(),
    );
    t.wait_for("the story", |s| s.contains("Paragraph number 0 "));
    let mut more = paragraphs(0, 30);
    more.push_str("A brand new ending was written while the story was open.\n");
    std::fs::write(&path, more).unwrap();
    t.wait_for("the file read again", |s| {
        s.contains("changed and was read again")
    });
    t.send("G");
    t.wait_for("the new ending", |s| s.contains("A brand new ending"));
    t.send("q");
    t.wait_exit();
}

#[test]
fn a_story_cut_short_while_open_is_read_as_it_is_now() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shrinking.txt");
    std::fs::write(&path, paragraphs(0, 400)).unwrap();
    let mut t = start(
        &[path.to_str().unwrap()],
        80,
        24,
        &dir.path().join("c"),
        dir.path(),
    );
    t.wait_for("the story", |s| s.contains("Paragraph number 0 "));
    t.send("90%");
    t.wait_for("90 %", |s| s.contains("Paragraph number 36"));
    std::fs::write(&path, paragraphs(0, 5)).unwrap();
    let screen = t.wait_for("the file read again", |s| {
        s.contains("changed and was read again")
    });
    assert!(screen.contains("Paragraph number"), "{screen}");
    t.send("gG");
    t.wait_for("the short story's end", |s| {
        s.contains("Paragraph number 4 ")
    });
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

/// A big story's text is its file mapped while it is indexed (see `src/mapped.rs`): cut
/// short then, the passes over the whole text touch pages past its new end, which would
/// kill the reader with SIGBUS. It reads them as zeros, and the story is read again as it
/// now is.
#[test]
fn a_story_cut_short_while_its_map_is_indexed_is_read_as_it_is_now() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mapped.txt");
    std::fs::write(&path, paragraphs(0, 2000)).unwrap();
    // Opened lazily (a debug-build setting, so the story can be small), and its whole
    // text held back before its last passes, with the map held.
    let env = [
        ("DOGEAR_TEST_WATCH_MS", "50"),
        ("DOGEAR_TEST_LAZY_FROM", "65536"),
        ("DOGEAR_TEST_INDEX_DELAY_MS", "1500"),
    ];
    let mut t = Term::start_with_env(
        &[path.to_str().unwrap()],
        80,
        24,
        &dir.path().join("c"),
        dir.path(),
        &env,
    );
    t.wait_for("the story, still indexing", |s| {
        s.contains("Paragraph number 0 ") && s.contains("indexing")
    });
    // Cut short in place (the same file, as `>` in a shell does), not replaced.
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(0).unwrap();
    std::io::Write::write_all(&mut &file, paragraphs(0, 5).as_bytes()).unwrap();
    drop(file);
    t.wait_for("the file read again", |s| {
        s.contains("changed and was read again")
    });
    t.send("G");
    t.wait_for("the short story's end", |s| {
        s.contains("Paragraph number 4 ") && !s.contains("Paragraph number 5 ")
    });
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_replaced_story_keeps_the_reader_on_the_same_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replaced.txt");
    std::fs::write(&path, paragraphs(0, 200)).unwrap();
    let mut t = start(
        &[path.to_str().unwrap()],
        80,
        24,
        &dir.path().join("c"),
        dir.path(),
    );
    t.wait_for("the story", |s| s.contains("Paragraph number 0 "));
    t.send("50%");
    let screen = t.wait_for("half-way", |s| !s.contains("Paragraph number 0 "));
    let top = screen.lines().next().unwrap().trim().to_owned();
    assert!(top.starts_with("Paragraph number"), "{screen}");
    // A new version, written aside and renamed over the old (as editors and downloads
    // do), with a preface that moves every offset.
    let new = dir.path().join("replaced.txt.new");
    let mut text = "A PREFACE ADDED LATER\n\n".repeat(30);
    text.push_str(&paragraphs(0, 200));
    std::fs::write(&new, text).unwrap();
    std::fs::rename(&new, &path).unwrap();
    t.wait_for("the file read again", |s| {
        s.contains("changed and was read again")
    });
    assert_eq!(t.rows()[0].trim(), top, "the same sentence at the top");
    t.send("q");
    t.wait_exit();
}
