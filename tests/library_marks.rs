//! `B` in the library: a book's bookmarks over the list, drawn at a fixed size.

use dogear::{Entry, LibraryAction, LibraryEffect, LibraryModel, LibraryScreen, MarkRow, Source};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn entry(title: &str, percent: f64) -> Entry {
    Entry {
        title: title.into(),
        path: Some(format!("/books/{title}.txt").into()),
        source: Source::Recent {
            fingerprint: format!("fp-{title}"),
        },
        percent: Some(percent),
        last_read: Some(1_799_990_000),
        missing: false,
    }
}

#[test]
fn library_bookmark_list_80x24() {
    let mut m = LibraryModel::new(vec![entry("The Night Ferry", 40.0), entry("Harbour", 3.0)]);
    assert_eq!(
        m.update(LibraryAction::Bookmarks),
        LibraryEffect::ListBookmarks(0)
    );
    let row = |id: &str, label: &str, percent| MarkRow {
        id: id.into(),
        label: label.into(),
        percent,
        when: dogear::Stamp {
            unix_secs: 1_795_536_300, // 2026-11-24 16:05
            utc_offset: 0,
        },
    };
    m.show_marks(
        0,
        vec![
            row("a", "The ferry leaves", 2.0),
            row(
                "b",
                "Midnight on deck, with the lights of the far shore",
                47.6,
            ),
        ],
    );
    m.update(LibraryAction::Down);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| {
            f.render_widget(
                LibraryScreen {
                    model: &m,
                    now: 1_800_000_000,
                    keys: &dogear::Keymap::standard().help(),
                },
                f.area(),
            )
        })
        .unwrap();
    insta::assert_snapshot!(terminal.backend());
    assert_eq!(m.update(LibraryAction::Open), LibraryEffect::OpenAt(0, 1));
}
