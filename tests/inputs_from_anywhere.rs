//! Stories from anywhere: standard input (`dogear -`, `cmd | dogear`) and compressed
//! files (`.gz`, `.bz2`, `.xz`, `.zst`), printed without a terminal and read in one, with
//! the place kept by content: the same story piped again, or compressed, resumes it.

mod common;

use assert_cmd::Command;
use common::{eventually, Term};
use predicates::prelude::*;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

const HARBOUR: &str = include_str!("fixtures/harbour.txt");

fn dogear(config: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dogear").unwrap();
    cmd.env("DOGEAR_CONFIG_DIR", config)
        .timeout(Duration::from_secs(20));
    cmd
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// What `--print --width 60` makes of the harbour story read from its file.
fn printed_from_file(dir: &Path) -> String {
    let path = dir.join("harbour.txt");
    fs::write(&path, HARBOUR).unwrap();
    let out = dogear(&dir.join("config"))
        .args(["--print", "--width", "60"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn print_reads_standard_input_named_dash_and_a_pipe_with_no_path() {
    let dir = tempfile::tempdir().unwrap();
    let want = printed_from_file(dir.path());
    assert_eq!(words(&want), words(HARBOUR));
    for args in [
        &["--print", "--width", "60", "-"][..],
        &["--print", "--width", "60"],
        // No --print and no terminal on stdout: printed all the same, as for a file.
        &["--width", "60"],
    ] {
        let out = dogear(&dir.path().join("config"))
            .args(args)
            .write_stdin(HARBOUR)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want, "{args:?}");
    }
}

#[test]
fn toc_and_bookmarks_read_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    for args in [&["--toc"][..], &["--toc", "-"]] {
        dogear(&config)
            .args(args)
            .write_stdin(HARBOUR)
            .assert()
            .success()
            .stdout(predicate::str::contains("CHAPTER II"));
    }
    for args in [
        &["--bookmarks"][..],
        &["--bookmarks", "-"],
        &["--bookmarks", "--json"],
    ] {
        dogear(&config)
            .args(args)
            .write_stdin(HARBOUR)
            .assert()
            .success();
    }
}

#[test]
fn with_nothing_piped_in_no_path_still_means_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dogear"))
        .env("DOGEAR_CONFIG_DIR", dir.path().join("config"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("the library needs a terminal"), "{err}");
}

#[test]
fn a_dash_with_the_terminal_as_standard_input_says_so_rather_than_wait() {
    // In a pty, standard input is the terminal: nothing is piped in, and typing a story
    // at the keyboard is not what anyone means by `dogear -`.
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::start(&["-"], 80, 24, &dir.path().join("config"), dir.path());
    assert_eq!(term.wait_exit(), 1);
    let screen = term.screen();
    assert!(
        screen.contains("standard input is the terminal") && screen.contains("dogear -"),
        "{screen}"
    );
}

#[test]
fn binary_on_standard_input_is_refused_like_a_binary_file() {
    let dir = tempfile::tempdir().unwrap();
    dogear(&dir.path().join("config"))
        .args(["--print", "-"])
        .write_stdin(vec![0u8; 6000])
        .assert()
        .code(1)
        .stderr("dogear: not a text file (looks binary): standard input\n");
}

#[cfg(unix)]
#[test]
fn an_endless_pipe_of_nuls_is_refused_after_its_first_8_kb() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("sh")
        .args(["-c", "cat /dev/zero | \"$0\" --print"])
        .arg(env!("CARGO_BIN_EXE_dogear"))
        .env("DOGEAR_CONFIG_DIR", dir.path().join("config"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("looks binary"), "{err}");
}

#[test]
fn print_and_toc_open_compressed_files_told_by_their_magic() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let want = printed_from_file(dir.path());
    let packed = gzip(HARBOUR.as_bytes());
    // Named for what it is, and misnamed: the magic decides.
    for name in ["harbour.txt.gz", "harbour-gz.txt"] {
        let path = dir.path().join(name);
        fs::write(&path, &packed).unwrap();
        let out = dogear(&config)
            .args(["--print", "--width", "60"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {out:?}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want, "{name}");
        dogear(&config)
            .arg("--toc")
            .arg(&path)
            .assert()
            .success()
            .stdout(predicate::str::contains("CHAPTER II"));
    }
    // A compressed story piped in.
    let out = dogear(&config)
        .args(["--print", "--width", "60"])
        .write_stdin(packed)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
}

#[test]
fn print_opens_bzip2_xz_and_zstd_files() {
    let dir = tempfile::tempdir().unwrap();
    let want = printed_from_file(dir.path());
    let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
    bz.write_all(HARBOUR.as_bytes()).unwrap();
    let mut xz =
        lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::with_preset(1)).unwrap();
    xz.write_all(HARBOUR.as_bytes()).unwrap();
    let zst = ruzstd::encoding::compress_to_vec(
        HARBOUR.as_bytes(),
        ruzstd::encoding::CompressionLevel::Fastest,
    );
    for (name, bytes) in [
        ("harbour.txt.bz2", bz.finish().unwrap()),
        ("harbour.txt.xz", xz.finish().unwrap()),
        ("harbour.txt.zst", zst),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        let out = dogear(&dir.path().join("config"))
            .args(["--print", "--width", "60"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {out:?}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want, "{name}");
    }
}

#[test]
fn a_corrupt_gz_is_one_clear_line_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut packed = gzip(HARBOUR.repeat(4).as_bytes());
    let truncated = dir.path().join("truncated.txt.gz");
    fs::write(&truncated, &packed[..packed.len() / 2]).unwrap();
    let middle = packed.len() / 2;
    for byte in &mut packed[middle..middle + 64] {
        *byte ^= 0xa5;
    }
    let damaged = dir.path().join("damaged.txt.gz");
    fs::write(&damaged, &packed).unwrap();
    for (path, why) in [(&truncated, "ends too soon"), (&damaged, "damaged")] {
        let out = dogear(&dir.path().join("config"))
            .arg("--print")
            .arg(path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("dogear: cannot read "), "{err}");
        assert!(err.contains(" as gzip: "), "{err}");
        assert!(err.contains(why), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// A temporary folder with the harbour story and a config folder.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("config")).unwrap();
        // Long enough to page through: the story four times, paragraphs numbered.
        let mut story = String::new();
        for (n, block) in HARBOUR.repeat(4).split("\n\n").enumerate() {
            story.push_str(&format!("{n} {block}\n\n"));
        }
        fs::write(dir.path().join("story.txt"), &story).unwrap();
        fs::write(dir.path().join("story.txt.gz"), gzip(story.as_bytes())).unwrap();
        Self { dir }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    /// `sh -c SCRIPT` in a pty, with dogear as `$0`.
    fn shell(&self, script: &str) -> Term {
        let dogear = env!("CARGO_BIN_EXE_dogear");
        let term = Term::start_program(
            "sh",
            &["-c", script, dogear],
            (80, 24),
            &self.config(),
            self.dir.path(),
            &[],
        );
        term.wait_for("the story", |s| s.contains('%'));
        term
    }

    /// The state files in the config folder.
    fn states(&self) -> Vec<PathBuf> {
        fs::read_dir(self.config().join("books"))
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "json"))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn saved_offset(&self) -> Option<u64> {
        let states = self.states();
        assert!(states.len() <= 1, "one story, one state: {states:?}");
        let text = fs::read_to_string(states.first()?).ok()?;
        let json: serde_json::Value = serde_json::from_str(&text).ok()?;
        json["place"]["anchor"]["offset"].as_u64()
    }
}

/// The page without its status bar.
fn page(term: &Term) -> Vec<String> {
    let mut rows = term.rows();
    rows.pop();
    rows
}

/// Moves on a few pages and lines with the keys, and returns the page it settles on.
fn read_on(term: &mut Term) -> Vec<String> {
    let first = term.settle();
    for _ in 0..3 {
        let before = term.settle();
        term.send(" ");
        term.wait_for("the next page", |s| s != before);
    }
    let before = term.settle();
    term.send("j");
    term.wait_for("a line on", |s| s != before);
    let now = term.settle();
    assert_ne!(now, first, "the keys moved the page");
    page(term)
}

fn quit(term: &mut Term) {
    term.send("q");
    assert_eq!(term.wait_exit(), 0, "{}", term.screen());
    assert!(term.restored(), "terminal not restored:\n{}", term.screen());
}

fn wait_page(term: &Term, want: &[String], what: &str) {
    eventually(what, || page(term) == want);
}

#[test]
fn a_piped_story_takes_keys_from_the_terminal_and_resumes_when_piped_again() {
    let setup = Setup::new();
    let mut term = setup.shell("cat story.txt | \"$0\"");
    assert!(
        term.screen().contains("THE HARBOUR CLOCK"),
        "{}",
        term.screen()
    );
    let place = read_on(&mut term);
    quit(&mut term);
    assert!(setup.saved_offset().unwrap() > 0);

    let mut term = setup.shell("cat story.txt | \"$0\"");
    wait_page(
        &term,
        &place,
        "the same page when the same story is piped again",
    );
    quit(&mut term);
    // `dogear -` is the same story, and so is its file: one place for all three.
    let mut term = setup.shell("\"$0\" - < story.txt");
    wait_page(&term, &place, "the same page for `dogear -`");
    quit(&mut term);
    let mut term = setup.shell("exec \"$0\" story.txt");
    wait_page(&term, &place, "the same page for the file itself");
    quit(&mut term);
}

#[test]
fn a_compressed_story_resumes_the_place_of_its_text() {
    let setup = Setup::new();
    let mut term = setup.shell("exec \"$0\" story.txt");
    let place = read_on(&mut term);
    quit(&mut term);
    let mut term = setup.shell("exec \"$0\" story.txt.gz");
    wait_page(&term, &place, "the place read in story.txt");
    quit(&mut term);
    let mut term = setup.shell("gzip -dc story.txt.gz | \"$0\"");
    wait_page(&term, &place, "the place, with the story piped in");
    quit(&mut term);
}

#[test]
fn a_different_piped_story_starts_at_its_beginning() {
    let setup = Setup::new();
    let mut term = setup.shell("cat story.txt | \"$0\"");
    read_on(&mut term);
    quit(&mut term);
    let other = "THE OTHER STORY\n\n".to_string() + &"Another line of words.\n\n".repeat(400);
    fs::write(setup.dir.path().join("other.txt"), other).unwrap();
    let mut term = setup.shell("cat other.txt | \"$0\"");
    assert!(
        page(&term)[0].contains("THE OTHER STORY"),
        "{}",
        term.screen()
    );
    quit(&mut term);
    assert_eq!(setup.states().len(), 2, "two stories, two states");
}

#[test]
fn a_pipe_that_has_not_ended_shows_its_first_page_and_q_still_quits_at_once() {
    let setup = Setup::new();
    // Over the first window (64 KB), and a pipe held open after it: nothing ends it but
    // dogear going away (the next `echo` then dies of SIGPIPE).
    let big: String = (0..2000)
        .map(|n| format!("Paragraph {n}, in which the harbour waits for the ferry.\n\n"))
        .collect();
    fs::write(setup.dir.path().join("big.txt"), big).unwrap();
    let mut term = setup.shell("(cat big.txt; while :; do sleep 0.1; echo; done) | \"$0\"");
    term.wait_for("the first page and `reading`", |s| {
        s.contains("Paragraph 0,") && s.contains("reading")
    });
    let before = term.settle();
    term.send(" ");
    term.wait_for("the next page, on the window", |s| s != before);
    quit(&mut term);
}
