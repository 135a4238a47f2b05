//! The reader drawn into ratatui's `TestBackend`, as the text of its cells: shared by the
//! screen tests.
#![allow(dead_code)]

use dogear::reader::Reader;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// The reader drawn at its own size, one quoted row a line (insta snapshots compare it).
pub fn screen(reader: &Reader) -> String {
    let (w, h) = reader.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| f.render_widget(reader, f.area()))
        .unwrap();
    terminal.backend().to_string()
}
