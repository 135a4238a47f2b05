//! The prompt in the status bar: its label, the input and a cursor (the character under
//! it shown reversed, a block at the end), scrolled so the cursor stays visible.

use crate::reader::Prompt;
use crate::sanitise;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

pub fn draw(prompt: &Prompt, area: Rect, buf: &mut Buffer, style: Style) {
    let width = usize::from(area.width);
    let (before, after) = prompt.split();
    let before = format!(" {}{}", prompt.label(), sanitise::line(before));
    let after = sanitise::line(after);
    let mut chars = after.chars();
    let at_end = after.is_empty();
    let under = chars.next().map_or_else(|| "█".to_owned(), String::from);
    let rest: String = chars.collect();
    // Keep the cursor on screen: drop characters from the start while it is not.
    let mut shown: &str = &before;
    while shown.width() + under.width() > width && !shown.is_empty() {
        let first = shown.chars().next().map_or(0, char::len_utf8);
        shown = &shown[first..];
    }
    let (x, _) = buf.set_stringn(area.x, area.y, shown, width, style);
    let used = usize::from(x - area.x);
    if used >= width {
        return;
    }
    let cursor = match at_end {
        true => style,
        false => style.add_modifier(Modifier::REVERSED),
    };
    let (x, _) = buf.set_stringn(x, area.y, &under, width - used, cursor);
    let used = usize::from(x - area.x);
    if used < width {
        buf.set_stringn(x, area.y, &rest, width - used, style);
    }
}
