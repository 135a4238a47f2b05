//! Whole sessions (library, reader, back, quit) run by the real loops on a test terminal
//! with a script of events (see tests/scripted): milliseconds each.

mod scripted;

use dogear::{screen_text, Exit, Script, Start};
use scripted::{is_library, row_of, rows, top_paragraph, Setting};
use std::cell::RefCell;
use std::fs;
use std::rc::Rc;

#[test]
fn library_open_page_back_shows_progress_and_opening_again_keeps_the_place() {
    let setting = Setting::new();
    let top = Rc::new(RefCell::new(String::new()));
    let (kept, again) = (Rc::clone(&top), Rc::clone(&top));
    let script = Script::new()
        .look(|s| {
            assert!(is_library(s), "{}", screen_text(s));
            assert!(
                !row_of(s, "The Long Walk").contains('%'),
                "unread: {}",
                row_of(s, "The Long Walk")
            );
        })
        .keys("\r")
        .look(|s| {
            assert!(!is_library(s), "{}", screen_text(s));
            assert_eq!(top_paragraph(s), "Paragraph 1");
        })
        .keys("   ")
        .look(move |s| {
            let now = top_paragraph(s);
            assert_ne!(now, "Paragraph 1", "{}", screen_text(s));
            *kept.borrow_mut() = now;
        })
        .keys("o")
        .look(|s| {
            assert!(is_library(s), "{}", screen_text(s));
            let row = row_of(s, "The Long Walk");
            assert!(row.contains('%') && !row.contains(" 0%"), "progress: {row}");
        })
        .keys("\r")
        .look(move |s| {
            assert_eq!(top_paragraph(s), *again.borrow(), "{}", screen_text(s));
        })
        .keys("q");
    assert_eq!(
        setting.run(Start::Library(Some(setting.stories())), script),
        Exit::Quit
    );
}

#[test]
fn a_story_gone_from_the_library_is_said_there_and_the_library_stays() {
    let setting = Setting::new();
    let story = setting.walk();
    let script = Script::new()
        .look(move |s| {
            assert!(row_of(s, "The Long Walk").contains("The Long Walk"));
            fs::remove_file(&story).unwrap();
        })
        .keys("\r")
        .look(|s| {
            let text = screen_text(s);
            assert!(is_library(s), "still the library:\n{text}");
            assert!(
                text.contains("cannot open") && text.contains("No such file"),
                "the error is said:\n{text}"
            );
        })
        .keys("q");
    assert_eq!(
        setting.run(Start::Library(Some(setting.stories())), script),
        Exit::Quit
    );
}

#[test]
fn a_resize_lays_the_page_out_again_at_the_new_size() {
    let setting = Setting::new();
    let script = Script::new()
        .keys("  ")
        .look(|s| {
            assert_eq!((s.area.width, s.area.height), (80, 24));
            assert!(
                rows(s).iter().any(|r| r.trim().len() > 60),
                "{}",
                screen_text(s)
            );
        })
        .resize(40, 12)
        .look(|s| {
            assert_eq!((s.area.width, s.area.height), (40, 12));
            let rows = rows(s);
            assert_eq!(rows.len(), 12);
            assert!(rows.iter().all(|r| r.chars().count() <= 40));
            let text = rows[..rows.len() - 1].join(" ");
            assert!(text.contains("walkers went on"), "{}", screen_text(s));
        })
        .keys("q");
    assert_eq!(setting.read(&setting.walk(), (80, 24), script), Exit::Quit);
}

#[test]
fn s_opens_the_statistics_and_esc_closes_them_and_the_time_is_kept() {
    let setting = Setting::new();
    let file = setting.path("harbour.txt");
    fs::write(&file, include_str!("fixtures/harbour.txt").repeat(8)).unwrap();
    let script = Script::new()
        .look(|s| {
            let text = screen_text(s);
            assert!(text.contains("THE HARBOUR CLOCK"), "{text}");
            assert!(
                text.contains("left in chapter") && text.contains('~'),
                "{text}"
            );
        })
        .keys(" ")
        .look(|s| assert!(!screen_text(s).contains("A story for testing dogear")))
        .keys("s")
        .look(|s| {
            let text = screen_text(s);
            assert!(text.contains("reading statistics"), "{text}");
            assert!(
                text.contains("pages read 1") && text.contains("streak 1 day"),
                "{text}"
            );
        })
        .keys("\x1b")
        .look(|s| {
            // The time left is still there (compact once the page number shares the bar).
            let text = screen_text(s);
            let status = text.lines().last().unwrap_or_default();
            assert!(!text.contains("reading statistics"), "{text}");
            assert!(status.contains('~') && status.contains(" · "), "{text}");
        })
        .keys("q");
    assert_eq!(setting.read(&file, (80, 24), script), Exit::Quit);
    let saved = fs::read_to_string(setting.path("config/reading.json")).unwrap();
    let log: dogear::reading::Log = serde_json::from_str(&saved).unwrap();
    assert_eq!(log.sessions.len(), 1);
    assert_eq!(log.sessions[0].total().pages, 1);
}

#[test]
fn the_help_shows_every_key_though_the_first_page_was_drawn_before_they_were_gathered() {
    let setting = Setting::new();
    let story = setting.walk();
    let script = Script::new()
        .look(|s| assert_eq!(top_paragraph(s), "Paragraph 1", "{}", screen_text(s)))
        .keys("?")
        .look(|s| {
            let shown = screen_text(s);
            for row in ["next page", "quit; ^C anywhere"] {
                assert!(shown.contains(row), "{row}: {shown}");
            }
        })
        .keys("qq");
    assert_eq!(setting.read(&story, (80, 24), script), Exit::Quit);
}
