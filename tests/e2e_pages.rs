//! End to end: the real binary counts pages in the background and goes to one.

mod common;

use common::Term;
use std::fs;

const STORY: &str = include_str!("fixtures/harbour.txt");

/// The number after `page ` and before ` of` in the status bar.
fn page_shown(screen: &str) -> Option<(String, String)> {
    let status = screen.lines().last()?;
    if let Some(at) = status.find("page ") {
        let (current, rest) = status[at + 5..].split_once(" of ")?;
        let total = rest.split_whitespace().next()?;
        return Some((current.to_owned(), total.to_owned()));
    }
    // The compact form where the time left shares the bar: `2/14` before the percent.
    let words: Vec<&str> = status.split_whitespace().collect();
    let pct = words.iter().rposition(|w| w.ends_with('%'))?;
    let (current, total) = words.get(pct.checked_sub(1)?)?.split_once('/')?;
    Some((current.to_owned(), total.to_owned()))
}

#[test]
fn the_status_bar_shows_page_1_of_n_and_3g_goes_to_page_3() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("config")).unwrap();
    fs::write(dir.path().join("harbour.txt"), STORY.repeat(4)).unwrap();
    let path = dir.path();
    let mut term = Term::start(&["harbour.txt"], 80, 24, &path.join("config"), path);
    let screen = term.wait_for("page 1 of N", |s| {
        page_shown(s).is_some_and(|(c, t)| c == "1" && t != "…")
    });
    let (_, total) = page_shown(&screen).unwrap();
    let total: usize = total.replace(',', "").parse().expect("a page count");
    assert!(total > 3, "{screen}");

    // Where two PageDowns go is where 3g goes.
    term.send("  ");
    let paged = term.wait_for("page 3", |s| page_shown(s).is_some_and(|(c, _)| c == "3"));
    term.send("g");
    term.wait_for("the top", |s| page_shown(s).is_some_and(|(c, _)| c == "1"));
    term.send("3g");
    let jumped = term.wait_for("page 3 again", |s| {
        page_shown(s).is_some_and(|(c, _)| c == "3")
    });
    assert_eq!(jumped, paged);

    // `:` asks for a page; a resize counts them again.
    term.send(":2\r");
    term.wait_for("page 2", |s| page_shown(s).is_some_and(|(c, _)| c == "2"));
    term.resize(60, 16);
    term.wait_for("more pages at a smaller size", |s| {
        page_shown(s)
            .is_some_and(|(_, t)| t.replace(',', "").parse::<usize>().is_ok_and(|n| n > total))
    });
    term.send("q");
    term.wait_exit();
}
