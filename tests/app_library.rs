//! The library screen in whole sessions: the bundled stories, a folder, the folders
//! config.toml names, the filter, a book's bookmarks, and opening a story from each (see
//! tests/scripted).

mod scripted;

use dogear::{screen_text, Exit, Script, Start};
use scripted::{is_library, list_rows, Setting};
use std::fs;
use std::path::Path;

const HARBOUR: &str = include_str!("fixtures/harbour.txt");

/// Some of the bundled stories' titles (see stories/).
const BUNDLED: &[&str] = &[
    "The Lighthouse Keeper's Cat",
    "The Night Ferry",
    "The Lost Property Office",
    "Zoë at the Kissaten",
];

fn write_story(dir: &Path, name: &str, text: &str) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join(name), text).unwrap();
}

/// The whole library (bundled stories and config.toml's folders) at 100 x 30.
fn library(setting: &Setting, script: Script) -> Exit {
    setting.run_at((100, 30), Start::Library(None), script)
}

#[test]
fn bundled_stories_open_and_come_back_first_with_progress() {
    let setting = Setting::new();
    let title = "The Lighthouse Keeper's Cat";
    let script = Script::new()
        .then(move |s| {
            let text = screen_text(s);
            assert!(is_library(s), "{text}");
            let shown = BUNDLED.iter().filter(|t| text.contains(*t)).count();
            assert!(shown >= 3, "bundled stories listed:\n{text}");
            // Open one that is not first in the list.
            let at = list_rows(s).iter().position(|r| r.contains(title)).unwrap();
            assert!(at > 0, "{text}");
            Script::new().keys(&"j".repeat(at))
        })
        .keys("\r")
        .look(move |s| {
            let text = screen_text(s);
            assert!(
                !is_library(s) && text.contains("A light is only a promise"),
                "{text}"
            );
            assert!(text.lines().last().unwrap().contains(title), "{text}");
        })
        .keys(" o")
        .look(move |s| {
            assert!(is_library(s), "{}", screen_text(s));
            let first = &list_rows(s)[0];
            assert!(
                first.contains(title) && first.contains('%'),
                "the story just read is first, with a percent:\n{}",
                screen_text(s)
            );
        })
        .keys("q");
    assert_eq!(library(&setting, script), Exit::Quit);
}

#[test]
fn the_filter_keeps_only_matching_titles() {
    let setting = Setting::new();
    let all = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = std::rc::Rc::clone(&all);
    let script = Script::new()
        .look(move |s| {
            assert!(screen_text(s).contains("Night Ferry"), "{}", screen_text(s));
            seen.set(list_rows(s).len());
        })
        .keys("/ferr")
        .look(move |s| {
            let rows = list_rows(s);
            assert!(all.get() >= 4 && rows.len() == 1, "{}", screen_text(s));
            assert!(rows[0].contains("The Night Ferry"));
        })
        .keys("\r")
        .look(|s| {
            let text = screen_text(s);
            assert!(!is_library(s) && text.contains("Night Ferry"), "{text}");
            assert!(text.lines().last().unwrap().contains('%'), "{text}");
        })
        .keys("q");
    assert_eq!(library(&setting, script), Exit::Quit);
}

#[test]
fn a_directory_lists_its_stories() {
    let setting = Setting::new();
    let books = setting.path("books");
    write_story(&books, "harbour.txt", HARBOUR);
    let gutenberg = "The Project Gutenberg eBook of Something Else\n\n\
        Title: The Quiet Orchard\n\nAuthor: Nobody\n\n\
        *** START OF THE PROJECT GUTENBERG EBOOK THE QUIET ORCHARD ***\n\n\
        The apples fell all night in the quiet orchard, and nobody came.\n\n\
        *** END OF THE PROJECT GUTENBERG EBOOK THE QUIET ORCHARD ***\n";
    write_story(&books, "pg123.txt", gutenberg);
    fs::write(books.join("notes.md"), "not a story").unwrap();

    let script = Script::new()
        .then(|s| {
            let text = screen_text(s);
            let rows = list_rows(s);
            assert!(is_library(s) && rows.len() == 2, "{text}");
            assert!(text.contains("The Harbour Clock"), "{text}");
            assert!(text.contains("The Quiet Orchard"), "{text}");
            assert!(!BUNDLED.iter().any(|t| text.contains(t)), "{text}");
            let orchard = rows.iter().position(|r| r.contains("Quiet Orchard"));
            Script::new().keys(&"j".repeat(orchard.unwrap()))
        })
        .keys("\r")
        .look(|s| {
            let text = screen_text(s);
            assert!(!is_library(s), "{text}");
            assert!(text.contains("The apples fell all night"), "{text}");
        })
        .keys("q");
    let start = Start::Library(Some(books));
    assert_eq!(setting.run_at((100, 30), start, script), Exit::Quit);
}

#[test]
fn config_folders_join_the_bundled_stories() {
    let setting = Setting::new();
    let books = setting.path("books");
    write_story(&books, "harbour.txt", HARBOUR);
    let config = format!("library = [{:?}]\n", books.to_str().unwrap());
    fs::write(setting.path("config/config.toml"), config).unwrap();
    let script = Script::new()
        .look(|s| {
            let text = screen_text(s);
            assert!(is_library(s), "{text}");
            assert!(text.contains("The Harbour Clock"), "{text}");
            assert!(text.contains("The Night Ferry"), "{text}");
        })
        .keys("q");
    assert_eq!(library(&setting, script), Exit::Quit);
}

#[test]
fn a_malformed_config_still_opens_the_library_and_names_the_line() {
    let setting = Setting::new();
    let config = "# settings\nmax_width = 60\nlibrary = [\"unclosed\n";
    fs::write(setting.path("config/config.toml"), config).unwrap();
    let script = Script::new()
        .look(|s| {
            let text = screen_text(s);
            assert!(text.contains("The Night Ferry"), "{text}");
            assert!(
                text.contains("line 3"),
                "the message names the line:\n{text}"
            );
        })
        .keys("q");
    assert_eq!(library(&setting, script), Exit::Quit);
}

#[test]
fn a_bookmark_chosen_in_the_library_opens_the_story_there() {
    let setting = Setting::new();
    let marked = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    let (kept, again) = (std::rc::Rc::clone(&marked), std::rc::Rc::clone(&marked));
    let script = Script::new()
        .keys("\r   ")
        .look(move |s| *kept.borrow_mut() = scripted::top_paragraph(s))
        .keys("mgo")
        .look(|s| assert!(is_library(s), "{}", screen_text(s)))
        .keys("B")
        .look(|s| {
            let text = screen_text(s);
            let row = text.lines().find(|r| r.contains("1. ")).unwrap_or_default();
            let story = ["Paragraph", "walkers", "harbour", "gulls"];
            assert!(row.contains('%'), "{text}");
            assert!(story.iter().any(|w| row.contains(w)), "its words: {text}");
        })
        .keys("\r")
        .look(move |s| {
            assert!(!is_library(s), "{}", screen_text(s));
            assert_eq!(scripted::top_paragraph(s), *again.borrow());
        })
        .keys("q");
    let start = Start::Library(Some(setting.stories()));
    assert_eq!(setting.run(start, script), Exit::Quit);
}
