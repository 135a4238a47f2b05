//! Text put into a frame's cells: [`Buffer::set_stringn`] with a short way for the text
//! most pages are made of.
//!
//! `set_stringn` splits any text into graphemes and measures each one: about half of what
//! drawing a page costs, and a page of English prose is all printable ASCII, one byte one
//! cell. Such text goes straight into the cells; anything else goes through `set_stringn`,
//! and the two fill a buffer alike (a property test below).

use ratatui::buffer::Buffer;
use ratatui::style::Style;

/// Puts `text` in row `y` from column `x`, at most `room` columns and never past the
/// buffer's right edge, in `style`; the column after the last one written.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, room: usize, style: Style) -> u16 {
    if !text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return buf.set_stringn(x, y, text, room, style).0;
    }
    let room = u16::try_from(room).unwrap_or(u16::MAX);
    let end = buf.area.right().saturating_sub(x).min(room);
    let mut x = x;
    for &b in text.as_bytes().iter().take(usize::from(end)) {
        buf[(x, y)].set_char(char::from(b)).set_style(style);
        x += 1;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};

    fn style(n: u8) -> Style {
        match n % 3 {
            0 => Style::new(),
            1 => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::REVERSED),
        }
    }

    proptest! {
        #[test]
        fn fills_a_buffer_as_set_stringn_does(
            text in "[ -~]{0,40}|[ -~éあ🙂\u{301}\t]{0,40}",
            x in 0u16..30,
            room in 0usize..50,
            n in 0u8..3,
        ) {
            let area = Rect::new(2, 1, 24, 3);
            let (mut ours, mut theirs) = (Buffer::empty(area), Buffer::empty(area));
            // Something under the text, for the style to be laid over.
            ours.set_string(2, 2, "under the text here", style(2));
            theirs.set_string(2, 2, "under the text here", style(2));
            let x = area.x + x % area.width;
            let end = put(&mut ours, x, 2, &text, room, style(n));
            let (their_end, _) = theirs.set_stringn(x, 2, &text, room, style(n));
            prop_assert_eq!(end, their_end);
            prop_assert_eq!(ours, theirs);
        }
    }
}
