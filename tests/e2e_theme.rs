//! End to end: the theme chosen with `T` is the one the next run opens in, drawn in
//! 24-bit colour where the terminal says it has it, in 256 colours where it does not.

mod common;

use common::Term;
use std::fs;

const HARBOUR: &str = include_str!("fixtures/harbour.txt");

/// The background of the top-left cell: the page's.
fn page_colour(term: &Term) -> vt100::Color {
    term.with_screen(|s| s.cell(0, 0).map(vt100::Cell::bgcolor))
        .expect("a cell")
}

#[test]
fn the_theme_is_restored_on_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    fs::create_dir(&config).unwrap();
    let file = dir.path().join("harbour.txt");
    fs::write(&file, HARBOUR).unwrap();
    let args = [file.to_str().unwrap()];
    let truecolor = [("COLORTERM", "truecolor")];

    let mut term = Term::start_with_env(&args, 80, 24, &config, dir.path(), &truecolor);
    term.wait_for("the story", |s| s.contains('%'));
    assert_eq!(
        page_colour(&term),
        vt100::Color::Default,
        "terminal by default"
    );
    // terminal -> light -> dark -> sepia
    term.send("TTT");
    term.wait_for("sepia named", |s| s.contains("theme: sepia"));
    assert_eq!(page_colour(&term), vt100::Color::Rgb(0xf4, 0xec, 0xd8));
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    let saved = fs::read_to_string(config.join("theme.json")).unwrap();
    assert!(saved.contains("\"sepia\""), "{saved}");

    // The next run: sepia again, here in the 256-colour palette (no COLORTERM).
    let mut term = Term::start_with_env(&args, 80, 24, &config, dir.path(), &[("COLORTERM", "")]);
    term.wait_for("the story", |s| s.contains('%'));
    assert_eq!(
        page_colour(&term),
        vt100::Color::Idx(230),
        "{}",
        term.screen()
    );
    term.send("q");
    assert_eq!(term.wait_exit(), 0);

    // With NO_COLOR, the same theme draws no colours at all.
    let no_color = [("COLORTERM", "truecolor"), ("NO_COLOR", "1")];
    let mut term = Term::start_with_env(&args, 80, 24, &config, dir.path(), &no_color);
    term.wait_for("the story", |s| s.contains('%'));
    assert_eq!(page_colour(&term), vt100::Color::Default);
    let status_reversed = term.with_screen(|s| s.cell(23, 1).is_some_and(vt100::Cell::inverse));
    assert!(status_reversed, "the status bar keeps reverse video");
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn t_on_the_library_screen_changes_the_theme_and_it_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    fs::create_dir(&config).unwrap();
    let truecolor = [("COLORTERM", "truecolor")];
    let mut term = Term::start_with_env(&[], 80, 24, &config, dir.path(), &truecolor);
    term.wait_for("the library", |s| s.contains("library"));
    term.send("T");
    term.wait_for("light named", |s| s.contains("theme: light"));
    assert_ne!(
        page_colour(&term),
        vt100::Color::Default,
        "{}",
        term.screen()
    );
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    let saved = fs::read_to_string(config.join("theme.json")).unwrap();
    assert!(saved.contains("\"light\""), "{saved}");
}
