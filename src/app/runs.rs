//! The backend frames are written with: ratatui's crossterm backend, handed a frame's
//! changed cells a run at a time.
//!
//! The crossterm backend writes each cell as a command of its own, through the formatting
//! machinery: a third of the cost of a first frame. Cells side by side in one look (the
//! same colours and modifiers) are handed to it here as one cell holding their text, so
//! it writes the same commands (a cursor move where the cells are not side by side, a
//! change of look where it changes) and the same text in one go. The bytes are the same
//! as the crossterm backend's own for the same cells (a property test below).

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use std::io::{self, Write};
use std::ops::Range;

/// A [`CrosstermBackend`] that draws run by run (see the module's docs).
pub struct Runs<W: Write>(pub CrosstermBackend<W>);

/// Whether two cells look the same: what the backend writes before a cell's text.
fn same_look(a: &Cell, b: &Cell) -> bool {
    a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
}

impl<W: Write> Backend for Runs<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // Each run: where the backend is told it is, its first cell, and where its text
        // is in `text` (all the runs' text, one after another).
        let mut runs: Vec<(u16, u16, &Cell, Range<usize>)> = Vec::new();
        let mut text = String::with_capacity(4096);
        let mut last: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            let beside = last.is_some_and(|(px, py)| y == py && px.checked_add(1) == Some(x));
            last = Some((x, y));
            text.push_str(cell.symbol());
            match runs.last_mut() {
                Some((_, _, first, range)) if beside && same_look(first, cell) => {
                    range.end = text.len();
                }
                previous => {
                    // The backend moves the cursor unless told the cell is beside the one
                    // before: one written just after the run before is put beside that
                    // run's first cell (no move either way), any other where it is.
                    let told = match previous {
                        Some((rx, _, _, _)) if beside => *rx + 1,
                        _ => x,
                    };
                    let start = text.len() - cell.symbol().len();
                    runs.push((told, y, cell, start..text.len()));
                }
            }
        }
        let cells: Vec<(u16, u16, Cell)> = runs
            .into_iter()
            .map(|(x, y, first, range)| {
                let mut cell = first.clone();
                cell.set_symbol(&text[range]);
                (x, y, cell)
            })
            .collect();
        self.0.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.0.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.0.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.0)
    }
}

impl<W: Write> super::Output for Runs<W> {
    fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.0.write_all(bytes)?;
        Write::flush(&mut self.0)
    }

    fn io_error(err: io::Error) -> io::Error {
        err
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::saturating::u16_from;
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};

    /// A frame of a few looks and symbols (wide ones too), made from `seed`'s choices.
    fn frame(area: Rect, choices: &[(u8, u8)]) -> Buffer {
        let mut buf = Buffer::empty(area);
        let looks = [
            Style::new(),
            Style::new().add_modifier(Modifier::BOLD),
            Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::REVERSED),
            Style::new()
                .bg(Color::Rgb(1, 2, 3))
                .add_modifier(Modifier::DIM | Modifier::ITALIC),
        ];
        let symbols = ["a", "b", " ", "あ", "é", "🙂"];
        let cells = usize::from(area.width) * usize::from(area.height);
        for (i, &(look, symbol)) in choices.iter().enumerate().take(cells) {
            let (x, y) = (i % usize::from(area.width), i / usize::from(area.width));
            let (x, y) = (area.x + u16_from(x), area.y + u16_from(y));
            let style = looks[usize::from(look) % looks.len()];
            buf.set_string(x, y, symbols[usize::from(symbol) % symbols.len()], style);
        }
        buf
    }

    proptest! {
        #[test]
        fn writes_the_bytes_the_crossterm_backend_writes(
            before in proptest::collection::vec((0u8..4, 0u8..6), 0..60),
            after in proptest::collection::vec((0u8..4, 0u8..6), 0..60),
        ) {
            let area = Rect::new(0, 0, 12, 5);
            let (old, new) = (frame(area, &before), frame(area, &after));
            let (mut theirs, mut ours) = (Vec::new(), Vec::new());
            CrosstermBackend::new(&mut theirs).draw(old.diff(&new).into_iter()).unwrap();
            Runs(CrosstermBackend::new(&mut ours)).draw(old.diff(&new).into_iter()).unwrap();
            prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }
    }
}
