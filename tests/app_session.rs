//! Whole sessions (library, reader, back, quit) run by the real loops on a test terminal
//! with a script of events: no pseudo-terminal, no process, milliseconds each.

use dogear::app::{self, screen_text, Exit, Script, Setup, Signals, Start};
use dogear::store::Store;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use std::cell::RefCell;
use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// A story of numbered paragraphs, many pages long at any size.
fn story() -> String {
    let mut text = String::from("The Long Walk\n\n");
    for n in 1..=300 {
        text.push_str(&format!(
            "Paragraph {n} starts here, and the walkers went on along the coast road past \
             the harbour wall while the gulls argued overhead.\n\n"
        ));
    }
    text
}

struct Setting {
    dir: tempfile::TempDir,
}

impl Setting {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("shelf")).unwrap();
        fs::write(dir.path().join("shelf/walk.txt"), story()).unwrap();
        Self { dir }
    }

    fn shelf(&self) -> PathBuf {
        self.dir.path().join("shelf")
    }

    /// Runs a session from `start` on an 80 x 24 test terminal, with its state in a
    /// config folder of its own.
    fn run(&self, start: Start, script: Script) -> Exit {
        let store = Store::at(self.dir.path().join("config"));
        let mut setup = Setup::new(Some(store), None);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let mut script = script;
        let signals = Signals::default();
        app::navigate(
            &mut terminal,
            &mut script,
            &signals,
            &mut setup,
            start,
            None,
        )
        .expect("the session ends by its script")
    }
}

fn rows(screen: &Buffer) -> Vec<String> {
    screen_text(screen).lines().map(str::to_owned).collect()
}

/// The first paragraph number on the page.
fn top_paragraph(screen: &Buffer) -> String {
    let text = screen_text(screen);
    let at = text.find("Paragraph ").expect("a paragraph on the page");
    text[at..]
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The library row of the walk story.
fn walk_row(screen: &Buffer) -> String {
    let rows = rows(screen);
    let row = rows.iter().find(|r| r.contains("The Long Walk"));
    row.unwrap_or_else(|| panic!("the story listed:\n{}", screen_text(screen)))
        .clone()
}

fn is_library(screen: &Buffer) -> bool {
    screen_text(screen).contains("library")
}

#[test]
fn library_open_page_back_shows_progress_and_opening_again_keeps_the_place() {
    let setting = Setting::new();
    let top = Rc::new(RefCell::new(String::new()));
    let (kept, again) = (Rc::clone(&top), Rc::clone(&top));
    let script = Script::new()
        .look(|s| {
            assert!(is_library(s), "{}", screen_text(s));
            assert!(!walk_row(s).contains('%'), "unread: {}", walk_row(s));
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
            let row = walk_row(s);
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
    let story = setting.shelf().join("walk.txt");
    let script = Script::new()
        .look(move |s| {
            assert!(walk_row(s).contains("The Long Walk"));
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
    let story: &Path = &setting.shelf().join("walk.txt");
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
    let start = Start::Book(story.to_owned(), None);
    assert_eq!(setting.run(start, script), Exit::Quit);
}
