//! End to end: a library folder that leads to a whole machine's files. The library draws at once and
//! fills in from a background walk; keys and signals work while it walks; links into
//! virtual file systems are not followed.
#![cfg(unix)]

mod common;

use common::Term;
use std::fs;
use std::os::unix::fs::symlink;

/// A walk that takes a millisecond an entry (debug builds only; see `catalogue::walk`).
const SLOW: &[(&str, &str)] = &[("DOGEAR_TEST_SLOW_WALK", "1")];

struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    /// A library folder with one story and links to `targets`.
    fn new(targets: &[&str]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["config", "cwd", "books"] {
            fs::create_dir(dir.path().join(sub)).unwrap();
        }
        let books = dir.path().join("books");
        fs::write(
            books.join("lantern.txt"),
            "The Lantern Maker\n\nShe trimmed the wick and waited for the tide.\n",
        )
        .unwrap();
        for (i, target) in targets.iter().enumerate() {
            symlink(target, books.join(format!("link{i}"))).unwrap();
        }
        Self { dir }
    }

    fn start(&self, env: &[(&str, &str)]) -> Term {
        let books = self.dir.path().join("books");
        Term::start_with_env(
            &[books.to_str().unwrap()],
            100,
            30,
            &self.dir.path().join("config"),
            &self.dir.path().join("cwd"),
            env,
        )
    }
}

#[test]
fn a_link_into_proc_is_not_walked_and_the_library_finishes() {
    // /proc/self/root leads back to / and /proc is as good as endless: this walk used
    // to run for minutes before the first frame.
    let setup = Setup::new(&["/proc", "/sys"]);
    let mut term = setup.start(&[]);
    term.wait_for("the finished library", |s| {
        s.contains("The Lantern Maker") && s.contains("1 story") && !s.contains("looking")
    });
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    assert!(term.restored(), "{}", term.screen());
}

#[test]
fn q_quits_while_a_big_tree_is_being_walked() {
    // Not a link to `/`: the walk sees it leads back above its own folder (a loop) and
    // skips it. /usr, a millisecond an entry, is walking still whatever the disk.
    let setup = Setup::new(&["/usr"]);
    let mut term = setup.start(SLOW);
    // Drawn at once, with the count of the walk moving (not after the walk).
    common::eventually("the library while it walks", || {
        term.screen().contains("looking")
    });
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    assert!(term.restored(), "{}", term.screen());
}

#[test]
fn sigterm_ends_a_library_that_is_walking_a_big_tree() {
    let setup = Setup::new(&["/usr"]);
    let mut term = setup.start(SLOW);
    common::eventually("the library while it walks", || {
        term.screen().contains("looking")
    });
    term.signal("TERM");
    assert_eq!(term.wait_exit(), 128 + 15);
    assert!(term.restored(), "{}", term.screen());
}
