//! The binary without a terminal: `--print`, `--help`, `--version`, and every error.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn dogear() -> Command {
    let mut cmd = Command::cargo_bin("dogear").unwrap();
    cmd.env(
        "DOGEAR_CONFIG_DIR",
        std::env::temp_dir().join("dogear-cli-tests-config"),
    );
    cmd
}

#[test]
fn print_reflows_a_hard_wrapped_story_and_keeps_every_word() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    let source = include_str!("fixtures/harbour.txt");
    fs::write(&path, source).unwrap();
    let out = dogear()
        .args(["--print", "--width", "50"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().all(|l| l.chars().count() <= 50),
        "a line is wider than 50:\n{text}"
    );
    let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(words(&text), words(source), "every word kept, in order");
    // Joined: a sentence the source wraps after "Fishermen set out by the tide, not".
    assert!(text.contains("Fishermen set out by the tide, not by the"));
}

#[test]
fn print_width_defaults_to_80() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    fs::write(&path, "word ".repeat(400)).unwrap();
    let out = dogear().arg("--print").arg(&path).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
    assert!((75..=80).contains(&widest), "widest line {widest}");
}

#[test]
fn print_decodes_latin1_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.txt");
    let mut bytes =
        b"Le caf\xe9 \xe9tait ferm\xe9,\r\net la na\xefve Zo\xeb attendait.\r\n".to_vec();
    bytes.extend(b"\r\nUne autre ligne pour que la d\xe9tection ait de quoi lire.\r\n".repeat(3));
    fs::write(&path, bytes).unwrap();
    dogear()
        .arg("--print")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Le café était fermé,"))
        .stdout(predicate::str::contains("la naïve Zoë attendait."))
        .stdout(predicate::str::contains("la détection ait de quoi lire."))
        .stdout(predicate::str::contains("\r").not());
}

#[test]
fn encoding_flag_overrides_detection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("koi8.txt");
    let (bytes, _, _) = encoding_rs::KOI8_R.encode("Привет, мир");
    fs::write(&path, &bytes).unwrap();
    dogear()
        .args(["--print", "--encoding", "koi8-r"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Привет, мир"));
    dogear()
        .args(["--print", "--encoding", "no-such-thing"])
        .arg(&path)
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown encoding"));
}

#[test]
fn missing_file_says_so_and_exits_1() {
    dogear()
        .args(["--print", "/no/such/story.txt"])
        .assert()
        .code(1)
        .stderr("dogear: cannot open /no/such/story.txt: No such file or directory\n");
}

#[test]
fn a_directory_is_not_a_story_for_print() {
    let dir = tempfile::tempdir().unwrap();
    dogear()
        .arg("--print")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("cannot open").and(predicate::str::contains("Is a directory")),
        );
}

#[test]
fn a_binary_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.png");
    fs::write(
        &path,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0",
    )
    .unwrap();
    let expected = format!(
        "dogear: not a text file (looks binary): {}\n",
        path.display()
    );
    dogear()
        .arg("--print")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(expected);
}

#[test]
fn a_path_through_a_regular_file_says_not_a_directory() {
    // Any OS error reaches the user as "cannot open PATH: reason" (the permission-denied
    // wording is checked in cli.rs's unit tests: root, as in CI, may read any file).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain.txt");
    fs::write(&file, "text").unwrap();
    let path = file.join("story.txt");
    let expected = format!("dogear: cannot open {}: Not a directory\n", path.display());
    dogear()
        .arg("--print")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(expected);
}

#[test]
fn an_empty_file_is_an_empty_story() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.txt");
    fs::write(&path, "").unwrap();
    dogear()
        .arg("--print")
        .arg(&path)
        .assert()
        .success()
        .stdout("");
}

#[test]
fn a_ten_megabyte_single_line_prints_without_trouble() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-line.txt");
    let line = "all work and no play ".repeat(500_000);
    fs::write(&path, &line).unwrap();
    let out = dogear()
        .args(["--print", "--width", "72"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.chars().count() <= 72));
    assert_eq!(
        text.split_whitespace().count(),
        line.split_whitespace().count()
    );
}

#[test]
fn help_and_version() {
    dogear()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("--print").and(predicate::str::contains("--encoding")));
    dogear().arg("--version").assert().success().stdout(
        predicate::str::starts_with("dogear ")
            .and(predicate::str::contains(env!("CARGO_PKG_VERSION"))),
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    fs::write(&path, "a few words here\n\n".repeat(200_000)).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dogear"))
        .arg("--print")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe closes
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "like `dogear --print story | head`: {out:?}"
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn toc_lists_the_chapters_with_their_percents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ferry.txt");
    let prose = "The ferry left at dawn and came back at dusk, and in between the\n\
                 keeper mended nets on the slip and watched the weather come in.\n\n";
    let mut story = String::new();
    for (n, title) in [
        ("1", "The Slip."),
        ("2", "The Weather."),
        ("3", "The Dusk."),
    ] {
        story.push_str(&format!("CHAPTER {n}\n\n{title}\n\n{}", prose.repeat(4)));
    }
    fs::write(&path, story).unwrap();
    let out = dogear().arg("--toc").arg(&path).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[0], "  0.0%  CHAPTER 1. The Slip.");
    assert!(lines[2].ends_with("%  CHAPTER 3. The Dusk."), "{text}");

    let out = dogear()
        .args(["--toc", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[1]["title"], "CHAPTER 2. The Weather.");
    assert_eq!(json.as_array().unwrap().len(), 3);
}

#[test]
fn json_needs_bookmarks_or_toc() {
    dogear()
        .args(["--json", "story.txt"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--bookmarks"));
}

#[test]
fn sync_status_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dogear"))
        .args(["sync", "status"])
        .env("DOGEAR_CONFIG_DIR", dir.path())
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before anything is written
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}
