//! The reader drawn into ratatui's `TestBackend`, as the text of its cells: shared by the
//! screen tests.
#![allow(dead_code)]

use dogear::{Keymap, Reader, ReaderScreen};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// The reader drawn at its own size as the app draws it (with the help's keys, the
/// table's defaults), one quoted row a line (insta snapshots compare it).
pub fn screen(reader: &Reader) -> String {
    let (w, h) = reader.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let keys = Keymap::standard().help();
    let screen = ReaderScreen {
        reader,
        keys: &keys,
    };
    terminal
        .draw(|f| f.render_widget(screen, f.area()))
        .unwrap();
    terminal.backend().to_string()
}
