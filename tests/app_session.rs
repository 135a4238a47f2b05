//! Whole sessions (library, reader, back, quit) run by the real loops on a test terminal
//! with a script of events (see tests/scripted): milliseconds each.

mod scripted;

use dogear::app::{screen_text, Exit, Script, Start};
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
        setting.run(Start::Library(Some(setting.shelf())), script),
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
        setting.run(Start::Library(Some(setting.shelf())), script),
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
