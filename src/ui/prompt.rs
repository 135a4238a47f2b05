//! The prompt in the status bar: its label, the input and a cursor (the cluster under
//! it shown reversed, a block at the end). The label always stays; when the input is too
//! long, what was typed before the cursor is cut from its start, so the cursor and the
//! last thing typed stay visible.

use crate::reader::Prompt;
use crate::sanitise;
use crate::text_width::{str_width, suffix};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_segmentation::UnicodeSegmentation;

pub fn draw(prompt: &Prompt, area: Rect, buf: &mut Buffer, style: Style) {
    let width = usize::from(area.width);
    let (before, after) = prompt.split();
    let label = format!(" {}", prompt.label());
    let before = sanitise::line(before);
    let after = sanitise::line(after);
    let under = after.graphemes(true).next().unwrap_or("█");
    let rest = after.get(under.len()..).unwrap_or("");
    // The label, then as much of the input before the cursor as leaves the cursor room;
    // on a window too narrow for the label, the label's end.
    let room = width.saturating_sub(str_width(under));
    let label = suffix(&label, room);
    let before = suffix(&before, room - str_width(label));
    let (x, _) = buf.set_stringn(area.x, area.y, label, room, style);
    let (x, _) = buf.set_stringn(x, area.y, before, room, style);
    let used = usize::from(x - area.x);
    let cursor = match after.is_empty() {
        true => style,
        false => style.add_modifier(Modifier::REVERSED),
    };
    let (x, _) = buf.set_stringn(x, area.y, under, width - used, cursor);
    let used = usize::from(x - area.x);
    buf.set_stringn(x, area.y, rest, width - used, style);
}
