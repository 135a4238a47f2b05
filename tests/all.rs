//! Every integration test file, each a module of this one binary (written by
//! .ci/merge-tests; run it again after adding a file to tests/). The runners with a
//! `main` of their own (tests/crash.rs, tests/concurrency.rs) are binaries of their own.
//! One test: `cargo test --locked --test all screen::`.

// Each file keeps its own `mod common;` (or drawn, scripted), as when it was a binary of
// its own, so the files need no change to be gathered here.
#![allow(clippy::duplicate_mod)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

#[path = "aozora.rs"]
mod aozora;
#[path = "app_library.rs"]
mod app_library;
#[path = "app_places.rs"]
mod app_places;
#[path = "app_session.rs"]
mod app_session;
#[path = "big_terminal.rs"]
mod big_terminal;
#[path = "bookmark_undo.rs"]
mod bookmark_undo;
#[path = "bullets.rs"]
mod bullets;
#[path = "cli.rs"]
mod cli;
#[path = "cli_bookmarks.rs"]
mod cli_bookmarks;
#[path = "cli_errors.rs"]
mod cli_errors;
#[path = "config_language_keys.rs"]
mod config_language_keys;
#[path = "document.rs"]
mod document;
#[path = "e2e_bookmark.rs"]
mod e2e_bookmark;
#[path = "e2e_pages.rs"]
mod e2e_pages;
#[path = "e2e_reader.rs"]
mod e2e_reader;
#[path = "e2e_state.rs"]
mod e2e_state;
#[path = "e2e_terminal.rs"]
mod e2e_terminal;
#[path = "e2e_theme.rs"]
mod e2e_theme;
#[path = "e2e_walk.rs"]
mod e2e_walk;
#[path = "emphasis.rs"]
mod emphasis;
#[path = "encoding_picker.rs"]
mod encoding_picker;
#[path = "encoding_session.rs"]
mod encoding_session;
#[path = "fenced_code.rs"]
mod fenced_code;
#[path = "file_changes.rs"]
mod file_changes;
#[path = "growing_chapters.rs"]
mod growing_chapters;
#[path = "hanging_lists.rs"]
mod hanging_lists;
#[path = "heading_groups.rs"]
mod heading_groups;
#[path = "indexed_moves.rs"]
mod indexed_moves;
#[path = "inputs.rs"]
mod inputs;
#[path = "inputs_from_anywhere.rs"]
mod inputs_from_anywhere;
#[path = "key_settings.rs"]
mod key_settings;
#[path = "keys.rs"]
mod keys;
#[path = "languages.rs"]
mod languages;
#[path = "layout.rs"]
mod layout;
#[path = "layout_pieces.rs"]
mod layout_pieces;
#[path = "layout_props.rs"]
mod layout_props;
#[path = "lazy_open.rs"]
mod lazy_open;
#[path = "letters.rs"]
mod letters;
#[path = "library.rs"]
mod library;
#[path = "library_marks.rs"]
mod library_marks;
#[path = "library_titles.rs"]
mod library_titles;
#[path = "markdown.rs"]
mod markdown;
#[path = "on_file_moves.rs"]
mod on_file_moves;
#[path = "optimal_fit.rs"]
mod optimal_fit;
#[path = "pages.rs"]
mod pages;
#[path = "piped_window.rs"]
mod piped_window;
#[path = "print_streams.rs"]
mod print_streams;
#[path = "prompt_keys.rs"]
mod prompt_keys;
#[path = "quoted_mail.rs"]
mod quoted_mail;
#[path = "reading_store.rs"]
mod reading_store;
#[path = "readme_keys.rs"]
mod readme_keys;
#[path = "sanitise.rs"]
mod sanitise;
#[path = "screen.rs"]
mod screen;
#[path = "screen_bookmarks.rs"]
mod screen_bookmarks;
#[path = "screen_pages.rs"]
mod screen_pages;
#[path = "screenplay.rs"]
mod screenplay;
#[path = "session.rs"]
mod session;
#[path = "shapes.rs"]
mod shapes;
#[path = "signals.rs"]
mod signals;
#[path = "spaced_rows.rs"]
mod spaced_rows;
#[path = "spread.rs"]
mod spread;
#[path = "stats.rs"]
mod stats;
#[path = "status_cut.rs"]
mod status_cut;
#[path = "store.rs"]
mod store;
#[path = "sync.rs"]
mod sync;
#[path = "themes.rs"]
mod themes;
#[path = "toc.rs"]
mod toc;
#[path = "toc_displays.rs"]
mod toc_displays;
#[path = "toc_languages.rs"]
mod toc_languages;
#[path = "toc_listed.rs"]
mod toc_listed;
#[path = "toc_margin_titles.rs"]
mod toc_margin_titles;
#[path = "toc_plays.rs"]
mod toc_plays;
#[path = "toc_signatures.rs"]
mod toc_signatures;
#[path = "typography.rs"]
mod typography;
#[path = "unspaced_lines.rs"]
mod unspaced_lines;
#[path = "widths.rs"]
mod widths;

/// A file in tests/ that is neither a module here nor a binary of its own would never be
/// built (Cargo.toml has `autotests = false`).
#[test]
fn every_test_file_is_in_a_binary() {
    let listed = include_str!("all.rs");
    let own = ["crash.rs", "concurrency.rs", "panic_hook.rs", "all.rs"];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".rs") else {
            continue;
        };
        assert!(
            own.contains(&name.as_str()) || listed.contains(&format!("mod {stem};")),
            "tests/{name} is in no test binary: run .ci/merge-tests"
        );
    }
}
