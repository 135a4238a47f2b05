//! Overlays drawn over the page: help, the chapter list, the bookmark list.

use crate::keymap::HELP;
use crate::position;
use crate::reader::Reader;
use crate::sanitise;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Clear, List, ListItem, ListState, Paragraph, StatefulWidget, Widget,
};

const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);

/// A centred box at most `width` x `height` inside `area`, with a border and a title.
pub(super) fn frame(area: Rect, width: u16, height: u16, title: &str, buf: &mut Buffer) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(rect, buf);
    let block = Block::bordered().title(format!(" {title} "));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

pub fn help(area: Rect, buf: &mut Buffer) {
    let keys = HELP.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let lines: Vec<Line> = HELP
        .iter()
        .map(|(k, what)| Line::from(format!(" {k:<keys$}  {what}")))
        .collect();
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 3;
    let inner = frame(
        area,
        width,
        lines.len() as u16 + 2,
        "dogear keys (Esc closes)",
        buf,
    );
    Paragraph::new(lines).render(inner, buf);
}

pub fn chapters(reader: &Reader, selected: usize, area: Rect, buf: &mut Buffer) {
    let current = reader.current_chapter().map(|c| c.offset);
    let items: Vec<ListItem> = reader
        .chapters()
        .iter()
        .map(|c| {
            let mark = if Some(c.offset) == current {
                "•"
            } else {
                " "
            };
            ListItem::new(format!("{mark} {}", sanitise::line(&c.title)))
        })
        .collect();
    list(items, selected, "chapters", area, buf);
}

pub fn bookmarks(reader: &Reader, selected: usize, area: Rect, buf: &mut Buffer) {
    let doc = reader.document();
    let items: Vec<ListItem> = reader
        .marks()
        .iter()
        .map(|m| {
            let pct = position::shown_percent(position::percent(doc, m.offset));
            ListItem::new(format!(
                "{pct:>3}%  {}  {}",
                sanitise::line(&m.when),
                sanitise::line(&m.label)
            ))
        })
        .collect();
    list(items, selected, "bookmarks: Enter d r", area, buf);
}

fn list(items: Vec<ListItem>, selected: usize, title: &str, area: Rect, buf: &mut Buffer) {
    let height = items.len() as u16 + 2;
    let width = area.width.saturating_sub(4).clamp(20, 76);
    let inner = frame(area, width, height, title, buf);
    selectable(items, selected, inner, buf);
}

/// `items` drawn in `inner` with the `selected` one highlighted (and scrolled to).
fn selectable(items: Vec<ListItem>, selected: usize, inner: Rect, buf: &mut Buffer) {
    let mut state = ListState::default().with_selected(Some(selected));
    StatefulWidget::render(
        List::new(items).highlight_style(SELECTED),
        inner,
        buf,
        &mut state,
    );
}

/// The encoding picker: a narrow list at the right, so the preview shows beside it.
pub fn encodings(reader: &Reader, selected: usize, area: Rect, buf: &mut Buffer) {
    let Some(picker) = reader.picker() else {
        return;
    };
    let current = reader.document().charset();
    let items: Vec<ListItem> = picker
        .choices
        .iter()
        .enumerate()
        .map(|(i, cs)| {
            let mark = if *cs == current { "•" } else { " " };
            let likely = if i < picker.likely { "" } else { "  " };
            ListItem::new(format!("{mark} {likely}{}", cs.name()))
        })
        .collect();
    let width = 24.min(area.width);
    let height = (items.len() as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + area.width - width,
        y: area.y,
        width,
        height,
    };
    Clear.render(rect, buf);
    let block = Block::bordered().title(" encoding: Enter Esc ");
    let inner = block.inner(rect);
    block.render(rect, buf);
    selectable(items, selected, inner, buf);
}
