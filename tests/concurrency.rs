//! Two dogears open on the same book lose nothing: two processes each add 100 bookmarks,
//! every add being a whole load, change, save; afterwards all 200 are there.
//!
//! A binary of its own (`harness = false`, see tests/plain): the writers are this
//! executable run again, and are not tests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

mod plain;

use dogear::{new_bookmark_id, now_ms, Anchor, Bookmark, Store};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::{env, fs};

/// Set (to `DIR,TAG`) when this executable runs as one of the writers.
const CHILD_ENV: &str = "DOGEAR_TEST_CONCURRENCY_CHILD";
const FP: &str = "sharedbook";
const PER_WRITER: usize = 100;

fn main() -> ExitCode {
    plain::main(
        CHILD_ENV,
        child_adds_bookmarks,
        &[(
            "two_processes_adding_bookmarks_keep_all_of_them",
            two_processes_adding_bookmarks_keep_all_of_them,
        )],
    )
}

/// The child: adds `PER_WRITER` bookmarks labelled `TAG-i`, reloading before each.
fn child_adds_bookmarks() {
    let arg = env::var(CHILD_ENV).expect("DIR,TAG");
    let (dir, tag) = arg.rsplit_once(',').expect("DIR,TAG");
    let store = Store::at(dir);
    for i in 0..PER_WRITER {
        let mut state = store.load(FP, Path::new("/story.txt")).state;
        let anchor = Anchor {
            file: None,
            offset: i,
            percent: i as f64,
            before: String::new(),
            after: String::new(),
        };
        let label = format!("{tag}-{i}");
        state.add_bookmark(Bookmark::new(new_bookmark_id(), anchor, label, now_ms()));
        state.set_place(state.bookmarks[0].anchor.clone(), now_ms());
        let saved = store.save(&state).expect("child save");
        assert!(saved.bookmarks.len() > i, "{tag}: lost its own bookmarks");
    }
}

fn two_processes_adding_bookmarks_keep_all_of_them() {
    let tmp = tempfile::tempdir().unwrap();
    let exe = env::current_exe().unwrap();
    let children: Vec<_> = ["a", "b"]
        .iter()
        .map(|tag| {
            Command::new(&exe)
                .env(CHILD_ENV, format!("{},{tag}", tmp.path().display()))
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a writer failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    let state = Store::at(tmp.path())
        .load(FP, Path::new("/story.txt"))
        .state;
    let labels: BTreeSet<&str> = state.bookmarks.iter().map(|b| b.label.as_str()).collect();
    let ids: BTreeSet<&str> = state.bookmarks.iter().map(|b| b.id.as_str()).collect();
    let missing: Vec<String> = ["a", "b"]
        .iter()
        .flat_map(|t| (0..PER_WRITER).map(move |i| format!("{t}-{i}")))
        .filter(|l| !labels.contains(l.as_str()))
        .collect();
    assert!(missing.is_empty(), "lost bookmarks: {missing:?}");
    assert_eq!(state.bookmarks.len(), 2 * PER_WRITER);
    assert_eq!(ids.len(), 2 * PER_WRITER, "bookmark ids collided");
    let names: Vec<_> = fs::read_dir(tmp.path().join("books"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}
