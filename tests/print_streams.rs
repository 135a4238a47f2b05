//! `--print` of a big story from standard input or a compressed file: printed a window at
//! a time as it arrives (memory does not grow with the story, and the first lines come
//! before the rest has), laid out as the same story's file is; and of a big file the
//! reader has read whole: laid out as the reader showed it.

mod common;

use assert_cmd::Command;
use common::Term;
use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

/// Debug builds open stories lazily (and stream them) from this size on, rather than
/// from megabytes (see `opening::lazy_from`).
const LAZY_FROM: &str = "65536";

/// About 640 KB of a Project Gutenberg etext with CRLF line ends: chapters of
/// hard-wrapped prose, a song kept as verse in each, a header and a footer (which must
/// not be printed, though a stream's end is not known until it comes).
fn story() -> String {
    let mut s = String::from(
        "The Project Gutenberg eBook of The Lantern Road\r\n\r\n\
         *** START OF THE PROJECT GUTENBERG EBOOK THE LANTERN ROAD ***\r\n\r\n\
         THE LANTERN ROAD\r\n\r\n",
    );
    for chapter in 1..=120 {
        s.push_str(&format!("CHAPTER {chapter}\r\n\r\n"));
        for p in 0..24 {
            s.push_str(&format!(
                "The carrier's cart came down the lantern road at dusk on day {p}, its\r\n\
                 wheels loud on the stones, and the ferryman of chapter {chapter} waited\r\n\
                 with his pole across his knees until the light had gone from the water.\r\n\r\n"
            ));
        }
        s.push_str(
            "    Row, and the river runs,\r\n\
             \x20     Row, and the night comes on;\r\n\
             \x20   The lantern burns for the ones\r\n\
             \x20     Who will not wait for the dawn.\r\n\r\n",
        );
    }
    s.push_str(
        "*** END OF THE PROJECT GUTENBERG EBOOK THE LANTERN ROAD ***\r\n\r\n\
         Updated editions will replace the previous one.\r\n",
    );
    s
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn dogear(config: &Path, lazy_from: &str) -> Command {
    let mut cmd = Command::cargo_bin("dogear").unwrap();
    cmd.env("DOGEAR_CONFIG_DIR", config)
        .env("DOGEAR_TEST_LAZY_FROM", lazy_from)
        .args(["--print", "--width", "60"])
        .timeout(Duration::from_secs(60));
    cmd
}

fn printed(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn a_big_story_piped_in_or_compressed_prints_as_its_file_does() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let story = story();
    let file = dir.path().join("road.txt");
    fs::write(&file, &story).unwrap();
    let gz = dir.path().join("road.txt.gz");
    fs::write(&gz, gzip(story.as_bytes())).unwrap();
    // Read whole (a threshold past its size), and a window at a time from its file.
    let whole = printed(&dogear(&config, "100000000").arg(&file).output().unwrap());
    let windowed = printed(&dogear(&config, LAZY_FROM).arg(&file).output().unwrap());
    assert_eq!(windowed, whole);
    assert!(
        whole.contains("CHAPTER 120"),
        "{}",
        &whole[whole.len() - 400..]
    );
    assert!(!whole.contains("PROJECT GUTENBERG"), "no header, no footer");
    let verse = "\nRow, and the river runs,\n  Row, and the night comes on;\n";
    assert!(whole.contains(verse), "the song is kept as verse");
    let piped = dogear(&config, LAZY_FROM)
        .arg("-")
        .write_stdin(story.clone())
        .output()
        .unwrap();
    assert_eq!(printed(&piped), whole, "standard input");
    let compressed = dogear(&config, LAZY_FROM).arg(&gz).output().unwrap();
    assert_eq!(printed(&compressed), whole, "a .gz file");
}

/// The first lines of a story piped in are written while the rest is still to come: the
/// story is not read whole first (which took all of it in memory, and a gigabyte's
/// first line came after seconds).
#[test]
fn a_piped_story_is_printed_before_its_pipe_ends() {
    let dir = tempfile::tempdir().unwrap();
    let story = story();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dogear"))
        .env("DOGEAR_CONFIG_DIR", dir.path().join("config"))
        .env("DOGEAR_TEST_LAZY_FROM", LAZY_FROM)
        .args(["--print", "--width", "60", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    // Most of the story, the pipe left open.
    let (first, rest) = story.split_at(story.len() * 3 / 4);
    stdin.write_all(first.as_bytes()).unwrap();
    stdin.flush().unwrap();
    let (tell, told) = std::sync::mpsc::channel();
    let reading = std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0; 4096];
        loop {
            match stdout.read(&mut buf) {
                Ok(0) | Err(_) => return out,
                Ok(n) => {
                    out.extend_from_slice(&buf[..n]);
                    let _ = tell.send(());
                }
            }
        }
    });
    let early = told.recv_timeout(Duration::from_secs(30));
    stdin.write_all(rest.as_bytes()).unwrap();
    drop(stdin);
    let out = String::from_utf8(reading.join().unwrap()).unwrap();
    assert!(child.wait().unwrap().success());
    assert!(early.is_ok(), "nothing was printed before the pipe ended");
    assert!(
        out.trim_start().starts_with("THE LANTERN ROAD"),
        "{}",
        &out[..200]
    );
    assert!(out.contains("CHAPTER 120"));
}

/// A compressed story damaged past its first windows: what was read is printed, and the
/// error names the story and its compression, not the output.
#[test]
fn a_big_gz_damaged_midway_says_so_after_what_could_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let packed = gzip(story().as_bytes());
    let truncated = dir.path().join("road.txt.gz");
    fs::write(&truncated, &packed[..packed.len() * 2 / 3]).unwrap();
    let out = dogear(&dir.path().join("config"), LAZY_FROM)
        .arg(&truncated)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("road.txt.gz") && err.contains(" as gzip: "),
        "{err}"
    );
    assert!(!err.contains("write"), "{err}");
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.contains("CHAPTER 1\n"),
        "{}",
        &printed[..printed.len().min(200)]
    );
}

/// A story whose samples cannot tell that a capital line comes again and again, far
/// apart: read whole, the line counts as a repeated one (a speaker's name, a running
/// head), and what follows it is set otherwise than in windows classified by samples.
fn repeated_far_apart() -> String {
    let notice = "WARRANTY\n\
        You agree to keep the keepers of the lantern, its carters, ferrymen,\n\
        wardens and guests free of every claim, cost and expense, lawyers'\n\
        fees among them, that come of anything at all that you do to this\n\
        story or cause to it: [1] copying this story, [2] changing it, cutting\n\
        it, or adding to it, or [3] any flaw in it.\n\n";
    let mut s = String::from("The Lantern Road\n\n");
    for part in 0..4 {
        s.push_str(notice);
        for chapter in 1..=30 {
            s.push_str(&format!("CHAPTER {}\n\n", chapter + 30 * part));
            for p in 0..24 {
                s.push_str(&format!(
                    "The carrier's cart came down the lantern road at dusk on day {p}, its\n\
                     wheels loud on the stones, and the ferryman of chapter {chapter} waited\n\
                     with his pole across his knees until the light had gone from the water.\n\n"
                ));
            }
        }
    }
    s
}

/// Once the reader has read a big story whole, `--print` lays every window out with the
/// statistics the reader classified it by (kept with the book), so it prints what the
/// reader showed, not what the file's samples say.
#[test]
fn a_big_story_read_whole_before_prints_as_the_reader_showed_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let path = dir.path().join("road.txt");
    fs::write(&path, repeated_far_apart()).unwrap();
    let print = |lazy_from: &str| printed(&dogear(&config, lazy_from).arg(&path).output().unwrap());
    let whole = print("100000000");
    let sampled = print(LAZY_FROM);
    assert_ne!(
        sampled, whole,
        "the case this is about: samples and the whole differ"
    );
    // Its whole text held back half a second, so that the indexing is surely seen.
    let lazy = [
        ("DOGEAR_TEST_LAZY_FROM", LAZY_FROM),
        ("DOGEAR_TEST_INDEX_DELAY_MS", "500"),
    ];
    let name = path.to_str().unwrap();
    let mut t = Term::start_with_env(&[name], 80, 24, &config, dir.path(), &lazy);
    t.wait_for("the story being read", |s| s.contains("indexing"));
    t.wait_for("the story read whole", |s| !s.contains("indexing"));
    t.send("q");
    t.wait_exit();
    assert_eq!(print(LAZY_FROM), whole);
}
