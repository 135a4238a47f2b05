//! Whole sessions run by the real loops on a test terminal with a script of events (see
//! `dogear::Script`): a config folder of their own, no process, no pseudo-terminal.
//! Shared by the session tests.
#![allow(dead_code)]

use dogear::{screen_text, Exit, Script, Setup, Signals, Start, Store};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use std::fs;
use std::path::{Path, PathBuf};

/// A story of numbered paragraphs, many pages long at any size.
pub fn story() -> String {
    let mut text = String::from("The Long Walk\n\n");
    for n in 1..=300 {
        text.push_str(&format!(
            "Paragraph {n} starts here, and the walkers went on along the coast road past \
             the harbour wall while the gulls argued overhead.\n\n"
        ));
    }
    text
}

/// A temporary folder with `config/` (the store) and `stories/` (stories: `walk.txt`).
pub struct Setting {
    pub dir: tempfile::TempDir,
}

impl Setting {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("stories")).unwrap();
        fs::create_dir_all(dir.path().join("config")).unwrap();
        fs::write(dir.path().join("stories/walk.txt"), story()).unwrap();
        Self { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn stories(&self) -> PathBuf {
        self.path("stories")
    }

    pub fn walk(&self) -> PathBuf {
        self.path("stories/walk.txt")
    }

    /// Runs a session (a run of dogear) from `start` on an 80 x 24 test terminal.
    pub fn run(&self, start: Start, script: Script) -> Exit {
        self.run_at((80, 24), start, script)
    }

    /// Runs a session from `start` on a test terminal of `size`.
    pub fn run_at(&self, (width, height): (u16, u16), start: Start, script: Script) -> Exit {
        let store = Store::at(self.path("config"));
        let mut setup = Setup::new(Some(store), None);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut script = script;
        let signals = Signals::default();
        dogear::navigate(
            &mut terminal,
            &mut script,
            &signals,
            &mut setup,
            start,
            None,
        )
        .expect("the session ends by its script")
    }

    /// Runs a session on the story `path`, from its saved place.
    pub fn read(&self, path: &Path, size: (u16, u16), script: Script) -> Exit {
        self.run_at(size, Start::Book(path.to_owned(), None), script)
    }
}

/// The screen's rows, trailing spaces trimmed.
pub fn rows(screen: &Buffer) -> Vec<String> {
    screen_text(screen).lines().map(str::to_owned).collect()
}

/// The page's rows: all but the status bar.
pub fn page_rows(screen: &Buffer) -> Vec<String> {
    let mut rows = rows(screen);
    rows.pop();
    rows
}

/// The library's story rows: everything between the title bar and the footer.
pub fn list_rows(screen: &Buffer) -> Vec<String> {
    let rows = rows(screen);
    rows[1..rows.len() - 1]
        .iter()
        .filter(|r| !r.trim().is_empty() && !r.starts_with('/'))
        .cloned()
        .collect()
}

pub fn is_library(screen: &Buffer) -> bool {
    screen_text(screen).contains("library")
}

/// The row naming `title` in the library.
pub fn row_of(screen: &Buffer, title: &str) -> String {
    let rows = rows(screen);
    let row = rows.iter().find(|r| r.contains(title));
    row.unwrap_or_else(|| panic!("{title} listed:\n{}", screen_text(screen)))
        .clone()
}

/// The first paragraph number on the page (`Paragraph 12`).
pub fn top_paragraph(screen: &Buffer) -> String {
    let text = screen_text(screen);
    let at = text.find("Paragraph ").expect("a paragraph on the page");
    text[at..]
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}
