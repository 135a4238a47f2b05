//! The status bar with pages: counting, counted, at wide and narrow sizes.

use dogear::{Action, Document, Reader};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const HARBOUR: &str = include_str!("fixtures/harbour.txt");

fn reader(width: u16, height: u16) -> Reader {
    Reader::new(
        Document::from_text(HARBOUR),
        "The Harbour Clock",
        (width, height),
        72,
    )
}

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

/// Hands the reader its pages as the shell's thread would: the first `part` of them, or
/// all of them.
fn count(r: &mut Reader, part: Option<usize>) {
    let key = r.page_key().expect("pages to count");
    let tops = dogear::tops(r.document(), key.width, key.height);
    match part {
        Some(n) => r.add_pages(&key, &tops[..n.min(tops.len())], false),
        None => r.add_pages(&key, &tops, true),
    };
}

#[test]
fn status_bar_with_pages_known_80x24() {
    let text = HARBOUR.repeat(3);
    let mut r = Reader::new(
        Document::from_text(&text),
        "The Harbour Clock",
        (80, 24),
        72,
    );
    count(&mut r, None);
    r.update(Action::PageDown);
    r.update(Action::PageDown);
    insta::assert_snapshot!(status(&r));
}

#[test]
fn status_bar_while_pages_are_counted_80x24() {
    let mut r = reader(80, 24);
    count(&mut r, Some(0));
    let nothing_yet = status(&r);
    count(&mut r, Some(3));
    insta::assert_snapshot!(format!("{nothing_yet}\n{}", status(&r)));
}

#[test]
fn status_bar_with_pages_known_40x12_is_compact() {
    let mut r = reader(40, 12);
    count(&mut r, None);
    r.update(Action::PageDown);
    let with_chapter = status(&r);
    r.update(Action::Resize {
        width: 30,
        height: 12,
    });
    count(&mut r, None);
    insta::assert_snapshot!(format!("{with_chapter}\n{}", status(&r)));
}

#[test]
fn status_bar_with_many_pages_keeps_a_decimal_80x6() {
    let text = HARBOUR.repeat(40);
    let mut r = Reader::new(Document::from_text(&text), "The Harbour Clock", (80, 6), 72);
    count(&mut r, None);
    for _ in 0..40 {
        r.update(Action::PageDown);
    }
    insta::assert_snapshot!(status(&r));
}
