//! End to end: the library screen, through the real binary in a pseudo-terminal.

mod common;

use common::Term;
use std::fs;
use std::path::{Path, PathBuf};

const HARBOUR: &str = include_str!("fixtures/harbour.txt");

/// Some of the bundled stories' titles (see stories/).
const BUNDLED: &[&str] = &[
    "The Lighthouse Keeper's Cat",
    "The Night Ferry",
    "The Lost Property Office",
    "Zoë at the Kissaten",
];

struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("config")).unwrap();
        fs::create_dir(dir.path().join("cwd")).unwrap();
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn start(&self, args: &[&str]) -> Term {
        Term::start(args, 100, 30, &self.path("config"), &self.path("cwd"))
    }
}

/// The story rows: everything between the title bar and the footer.
fn list_rows(term: &Term) -> Vec<String> {
    let rows = term.rows();
    rows[1..rows.len() - 1]
        .iter()
        .filter(|r| !r.trim().is_empty() && !r.starts_with('/'))
        .cloned()
        .collect()
}

fn quit(term: &mut Term) {
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    assert!(term.restored(), "terminal not restored:\n{}", term.screen());
}

fn write_story(dir: &Path, name: &str, text: &str) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join(name), text).unwrap();
}

#[test]
fn bundled_stories_open_and_come_back_first_with_progress() {
    let setup = Setup::new();
    let mut term = setup.start(&[]);
    let screen = term.wait_for("the library", |s| s.contains("library"));
    let shown = BUNDLED.iter().filter(|t| screen.contains(*t)).count();
    assert!(shown >= 3, "bundled stories listed:\n{screen}");

    // Open one that is not first in the list.
    let title = "The Lighthouse Keeper's Cat";
    let at = list_rows(&term)
        .iter()
        .position(|r| r.contains(title))
        .unwrap();
    assert!(at > 0, "{screen}");
    term.send(&"j".repeat(at));
    term.send("\r");
    term.wait_for("the story", |s| {
        !s.contains("library") && s.contains("A light is only a promise")
    });
    let status = term.rows().last().cloned().unwrap();
    assert!(status.contains(title), "{status}");
    term.send(" ");
    term.settle();

    term.send("o");
    term.wait_for("the library again", |s| s.contains("library"));
    let first = list_rows(&term)[0].clone();
    assert!(
        first.contains(title) && first.contains('%'),
        "the story just read is first, with a percent:\n{}",
        term.screen()
    );
    quit(&mut term);
}

#[test]
fn the_filter_keeps_only_matching_titles() {
    let setup = Setup::new();
    let mut term = setup.start(&[]);
    term.wait_for("the library", |s| s.contains("Night Ferry"));
    let all = list_rows(&term).len();
    assert!(all >= 4);
    term.send("/ferr");
    term.wait_for("the filtered list", |_| list_rows(&term).len() < all);
    let rows = list_rows(&term);
    assert_eq!(rows.len(), 1, "{}", term.screen());
    assert!(rows[0].contains("The Night Ferry"));
    term.send("\r");
    term.wait_for("the story", |s| {
        s.contains("Night Ferry") && s.contains('%')
    });
    quit(&mut term);
}

#[test]
fn a_directory_lists_its_stories() {
    let setup = Setup::new();
    let shelf = setup.path("shelf");
    write_story(&shelf, "harbour.txt", HARBOUR);
    let gutenberg = "The Project Gutenberg eBook of Something Else\n\n\
        Title: The Quiet Orchard\n\nAuthor: Nobody\n\n\
        *** START OF THE PROJECT GUTENBERG EBOOK THE QUIET ORCHARD ***\n\n\
        The apples fell all night in the quiet orchard, and nobody came.\n\n\
        *** END OF THE PROJECT GUTENBERG EBOOK THE QUIET ORCHARD ***\n";
    write_story(&shelf, "pg123.txt", gutenberg);
    fs::write(shelf.join("notes.md"), "not a story").unwrap();

    let mut term = setup.start(&[shelf.to_str().unwrap()]);
    term.wait_for("the library", |s| s.contains("library"));
    let rows = list_rows(&term);
    assert_eq!(rows.len(), 2, "{}", term.screen());
    let screen = term.screen();
    assert!(screen.contains("The Harbour Clock"), "{screen}");
    assert!(screen.contains("The Quiet Orchard"), "{screen}");
    assert!(!BUNDLED.iter().any(|t| screen.contains(t)), "{screen}");

    let orchard = rows
        .iter()
        .position(|r| r.contains("Quiet Orchard"))
        .unwrap();
    term.send(&"j".repeat(orchard));
    term.send("\r");
    term.wait_for("the orchard story", |s| {
        s.contains("The apples fell all night") && !s.contains("library")
    });
    quit(&mut term);
}

#[test]
fn config_folders_join_the_bundled_stories() {
    let setup = Setup::new();
    let shelf = setup.path("shelf");
    write_story(&shelf, "harbour.txt", HARBOUR);
    fs::write(
        setup.path("config").join("config.toml"),
        format!("library = [{:?}]\n", shelf.to_str().unwrap()),
    )
    .unwrap();
    let mut term = setup.start(&[]);
    let screen = term.wait_for("the library", |s| s.contains("library"));
    assert!(screen.contains("The Harbour Clock"), "{screen}");
    assert!(screen.contains("The Night Ferry"), "{screen}");
    quit(&mut term);
}

#[test]
fn a_malformed_config_still_opens_the_library_and_names_the_line() {
    let setup = Setup::new();
    fs::write(
        setup.path("config").join("config.toml"),
        "# settings\nmax_width = 60\nlibrary = [\"unclosed\n",
    )
    .unwrap();
    let mut term = setup.start(&[]);
    let screen = term.wait_for("the library", |s| s.contains("The Night Ferry"));
    assert!(
        screen.contains("line 3"),
        "the message names the line:\n{screen}"
    );
    quit(&mut term);
}
