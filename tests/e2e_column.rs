//! End to end: the column width chosen with `-` / `+` is the same on the next run.

mod common;

use common::Term;
use std::fs;

const HARBOUR: &str = include_str!("fixtures/harbour.txt");

/// The first column of text on the page: where the centred column starts.
fn left_margin(term: &Term) -> usize {
    let rows = term.rows();
    rows[..rows.len() - 1]
        .iter()
        .filter(|r| r.trim().len() > 20)
        .map(|r| r.len() - r.trim_start().len())
        .min()
        .expect("a row of text")
}

#[test]
fn the_column_width_is_remembered_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    fs::create_dir(&config).unwrap();
    let file = dir.path().join("harbour.txt");
    fs::write(&file, HARBOUR).unwrap();
    let args = [file.to_str().unwrap()];

    let mut term = Term::start(&args, 100, 24, &config, dir.path());
    term.wait_for("the story", |s| s.contains('%'));
    let default_margin = left_margin(&term);
    term.send("--");
    term.wait_for("the narrower column", |s| s.contains("column 64 wide"));
    let narrow_margin = left_margin(&term);
    assert!(narrow_margin > default_margin);
    term.send("q");
    assert_eq!(term.wait_exit(), 0);

    let mut term = Term::start(&args, 100, 24, &config, dir.path());
    term.wait_for("the story", |s| s.contains('%'));
    assert_eq!(left_margin(&term), narrow_margin, "{}", term.screen());
    // One more step narrower from the remembered width, not from the default.
    term.send("-");
    term.wait_for("a step from 64", |s| s.contains("column 60 wide"));
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
}
