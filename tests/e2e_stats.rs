//! End to end: the reading statistics screen and the time left in the real binary.

mod common;

use common::Term;
use std::fs;

const STORY: &str = include_str!("fixtures/harbour.txt");

#[test]
fn s_opens_the_statistics_and_esc_closes_them_and_the_time_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    fs::create_dir(&config).unwrap();
    fs::write(dir.path().join("harbour.txt"), STORY.repeat(8)).unwrap();
    let mut term = Term::start(&["harbour.txt"], 80, 24, &config, dir.path());
    term.wait_for("the first page with an estimated time left", |s| {
        s.contains("THE HARBOUR CLOCK") && s.contains("left in chapter") && s.contains('~')
    });
    term.send(" ");
    term.wait_for("the next page", |s| {
        !s.contains("A story for testing dogear")
    });
    term.send("s");
    term.wait_for("the statistics", |s| {
        s.contains("reading statistics") && s.contains("pages read 1") && s.contains("streak 1 day")
    });
    term.send("\x1b");
    term.wait_for("the page again", |s| {
        !s.contains("reading statistics") && s.contains("left in chapter")
    });
    term.send("q");
    term.wait_exit();
    let saved = fs::read_to_string(config.join("reading.json")).unwrap();
    let log: dogear::reading::Log = serde_json::from_str(&saved).unwrap();
    assert_eq!(log.sessions.len(), 1);
    assert_eq!(log.sessions[0].total().pages, 1);
}
