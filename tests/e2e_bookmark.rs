//! `dogear story.txt --bookmark NAME` in a real terminal: the story opens at the
//! bookmark, by label or by number, and `` ` `` goes back to the place last read.

mod common;

use common::Term;
use dogear::{BookState, Bookmark, Store};

/// Sixty numbered paragraphs, so the top line says where the reader is.
fn story() -> String {
    let mut out = String::from("NUMBERED\n\n\n");
    for n in 1..=60 {
        out.push_str(&format!(
            "P{n} is a paragraph that says its number first and then goes on for a \
             while so that it wraps onto a second line.\n\n"
        ));
    }
    out
}

/// The first text row of the page (the title row skipped when it is blank).
fn top(term: &Term) -> String {
    term.rows()
        .into_iter()
        .map(|r| r.trim().to_owned())
        .find(|r| !r.is_empty())
        .unwrap_or_default()
}

#[test]
fn bookmark_flag_opens_at_the_bookmark_and_backquote_returns_to_the_last_place() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config");
    let file = tmp.path().join("numbered.txt");
    std::fs::write(&file, story()).unwrap();
    let file = file.canonicalize().unwrap();
    let doc = dogear::load_story(&file, None).unwrap();
    let at = |p: &str| dogear::anchor(&doc, doc.text().find(p).expect(p));
    let fp = dogear::fingerprint(&file).unwrap();
    let mut state = BookState::new(fp, file.clone(), "Numbered".into());
    state.set_place(at("P5 "), 1_000);
    state.add_bookmark(Bookmark::new(
        "d".into(),
        at("P40 "),
        "the dock".into(),
        1_000,
    ));
    state.add_bookmark(Bookmark::new("s".into(), at("P20 "), "start".into(), 1_000));
    Store::at(&config).save(&state).unwrap();
    let path = file.to_str().unwrap();

    let mut term = Term::start(
        &[path, "--bookmark", "the dock"],
        80,
        24,
        &config,
        tmp.path(),
    );
    term.wait_for("the page at P40", |_| top(&term).starts_with("P40 "));
    let screen = term.wait_for("the message", |s| s.contains("at bookmark: the dock"));
    assert!(screen.contains("at bookmark"), "{screen}");
    term.send("`");
    term.wait_for("back at the last place, P5", |_| {
        top(&term).starts_with("P5 ")
    });
    term.send("`");
    term.wait_for("P40 again", |_| top(&term).starts_with("P40 "));
    term.send("q");
    term.wait_exit();

    // By number, as the list shows it: 1 is the first in reading order.
    let mut term = Term::start(&[path, "--bookmark", "1"], 80, 24, &config, tmp.path());
    term.wait_for("the page at P20", |_| top(&term).starts_with("P20 "));
    term.send("q");
    term.wait_exit();
}
