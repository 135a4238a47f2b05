//! `--bookmark NAME` and `--bookmarks` with no file, on a config folder prepared here.

use dogear::{BookState, Bookmark, Store};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// 2026-11-24 16:05 UTC, in unix milliseconds.
const CREATED_MS: u64 = 1_795_536_300_000;

struct Library {
    _tmp: tempfile::TempDir,
    config: PathBuf,
    story: PathBuf,
}

/// A config folder where the harbour story has two bookmarks ("lamp" in its first
/// chapter, then "The clock" at its third), a second book one, and a third none.
fn library() -> Library {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config");
    let story = tmp.path().join("harbour.txt");
    std::fs::write(&story, include_str!("fixtures/harbour.txt")).unwrap();
    let story = story.canonicalize().unwrap();
    let store = Store::at(&config);
    let doc = dogear::load_story(&story, None).unwrap();
    let at = |needle: &str| dogear::anchor(&doc, doc.text().find(needle).expect(needle));
    let fp = dogear::fingerprint(&story).unwrap();
    let mut state = BookState::new(fp, story.clone(), "The Harbour Clock".into());
    state.last_read = 2_000_000_000;
    state.add_bookmark(Bookmark::new(
        "m1".into(),
        at("CHAPTER III"),
        "The clock".into(),
        CREATED_MS,
    ));
    state.add_bookmark(Bookmark::new(
        "m2".into(),
        at("It stopped the night"),
        "lamp".into(),
        CREATED_MS,
    ));
    store.save(&state).unwrap();
    let mut other = BookState::new("fp2".into(), "/books/other.txt".into(), String::new());
    other.add_bookmark(Bookmark::new(
        "o1".into(),
        dogear::Anchor {
            file: None,
            offset: 5,
            percent: 50.0,
            before: String::new(),
            after: "x".into(),
        },
        "Halfway".into(),
        CREATED_MS,
    ));
    store.save(&other).unwrap();
    store
        .save(&BookState::new(
            "fp3".into(),
            "/books/none.txt".into(),
            "None".into(),
        ))
        .unwrap();
    Library {
        _tmp: tmp,
        config,
        story,
    }
}

fn run(config: &Path, args: &[&str], tz: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dogear"))
        .args(args)
        .env("DOGEAR_CONFIG_DIR", config)
        .env("TZ", tz)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn bookmark_by_name_or_number_prints_the_story_from_there_into_a_pipe() {
    let lib = library();
    let story = lib.story.to_str().unwrap();
    let by_name = text(&run(&lib.config, &[story, "--bookmark", "lamp"], "UTC"));
    assert!(
        by_name.trim_start().starts_with("\"It stopped the night"),
        "{by_name}"
    );
    let by_number = text(&run(&lib.config, &[story, "--bookmark", "1"], "UTC"));
    assert_eq!(by_number, by_name);
    let first = text(&run(
        &lib.config,
        &["--bookmark", "the CLOCK ", story],
        "UTC",
    ));
    assert!(first.trim_start().starts_with("CHAPTER III"), "{first}");
}

#[test]
fn an_unknown_bookmark_is_a_one_line_error_listing_the_labels() {
    let lib = library();
    let story = lib.story.to_str().unwrap();
    for wanted in ["harbour", "3", "0"] {
        // Numbers past the list are not labels either.
        let out = run(&lib.config, &[story, "--bookmark", wanted], "UTC");
        assert!(!out.status.success());
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(&format!("no bookmark '{wanted}'")), "{err}");
        assert!(err.contains("1 lamp, 2 The clock"), "{err}");
    }
}

#[test]
fn bookmarks_without_a_file_lists_every_book_in_local_time() {
    let lib = library();
    // POSIX TZ: "XXX-02" is two hours east of UTC.
    let listed = text(&run(&lib.config, &["--bookmarks"], "XXX-02"));
    let want = "The Harbour Clock\n  \
                  34%  lamp       2026-11-24 18:05\n  \
                  95%  The clock  2026-11-24 18:05\n\
                \n\
                other.txt\n  \
                  50%  Halfway  2026-11-24 18:05\n";
    assert_eq!(listed, want, "{listed}");
    assert!(!listed.contains("None"), "books without bookmarks left out");

    let json = text(&run(&lib.config, &["--bookmarks", "--json"], "UTC"));
    let books: serde_json::Value = serde_json::from_str(&json).unwrap();
    let books = books.as_array().unwrap();
    assert_eq!(books.len(), 2);
    assert_eq!(books[0]["title"], "The Harbour Clock");
    assert_eq!(books[0]["path"], lib.story.to_str().unwrap());
    assert_eq!(books[0]["bookmarks"][0]["label"], "lamp");
    assert_eq!(books[0]["bookmarks"][1]["date"], "2026-11-24 16:05");
    assert_eq!(books[1]["title"], "other.txt");
    assert_eq!(books[1]["bookmarks"][0]["id"], "o1");

    // With a file, that file's only (unchanged).
    let one = text(&run(
        &lib.config,
        &["--bookmarks", lib.story.to_str().unwrap()],
        "UTC",
    ));
    assert!(
        one.ends_with("  95%  The clock  2026-11-24 16:05\n"),
        "{one}"
    );
}
