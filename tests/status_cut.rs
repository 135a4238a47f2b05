//! A status bar too narrow for the book's title and chapter cuts them with an ellipsis,
//! never mid-word without a mark.

use dogear::{Action, Document, Reader};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// The status bar, the last row of the screen.
fn status(reader: &Reader) -> String {
    let (w, h) = reader.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| f.render_widget(reader, f.area()))
        .unwrap();
    let screen = terminal.backend().to_string();
    screen.lines().last().unwrap_or_default().to_owned()
}

#[test]
fn a_chapter_title_too_long_for_the_status_bar_ends_in_an_ellipsis() {
    let mut text = String::from("CHAPTER I. THE YOUNG SOLDIER WHO WALKED TO THE SEA\n\n");
    for _ in 0..30 {
        text.push_str("The lamp had burned low by the time the carrier reached the bridge,\n");
        text.push_str("and the river below it ran loud with the rain of three whole days.\n\n");
    }
    let mut r = Reader::new(
        Document::from_text(&text),
        "Ballads of the Road",
        (50, 10),
        72,
    );
    r.update(Action::PageDown);
    let bar = status(&r);
    assert!(bar.contains(" · CHAPTER I"), "{bar}");
    assert!(bar.contains('…'), "the cut chapter is marked: {bar:?}");
    assert!(!bar.contains("SEA"), "{bar:?}");
}
