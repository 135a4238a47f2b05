//! Overlays drawn over the page: help, the chapter list, the bookmark list.

use super::theme::Theme;
use crate::keymap::table::Group;
use crate::keymap::Keymap;
use crate::position;
use crate::reader::Reader;
use crate::sanitise;
use crate::text_width::{pad, str_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Clear, List, ListItem, ListState, Paragraph, StatefulWidget, Widget,
};

/// A centred box at most `width` x `height` inside `area`, with a border and a title,
/// in the theme's overlay colours.
pub(super) fn frame(
    area: Rect,
    (width, height): (u16, u16),
    title: &str,
    buf: &mut Buffer,
    theme: &Theme,
) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    boxed(rect, title, buf, theme)
}

/// A box with a border and a title over `rect`, in the theme's overlay colours; the
/// room inside.
fn boxed(rect: Rect, title: &str, buf: &mut Buffer, theme: &Theme) -> Rect {
    Clear.render(rect, buf);
    buf.set_style(rect, theme.overlay);
    let block = Block::bordered()
        .border_style(theme.border)
        .title(format!(" {title} "));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// The help: the key table in its groups, in as many columns as the height needs (two in
/// an 80x24 window), with the keys in effect (as rebound in `config.toml`).
pub fn help(area: Rect, buf: &mut Buffer, theme: &Theme) {
    enum Entry {
        Heading(Group),
        Row(String, &'static str),
    }
    let keymap = Keymap::current();
    let mut entries = Vec::new();
    for group in Group::READER {
        entries.push(Entry::Heading(group));
        for (row, keys) in keymap.rows().filter(|(row, _)| row.group == group) {
            entries.push(Entry::Row(keys, row.help));
        }
    }
    // Column-major, as few columns as the height allows, as even as they go, a heading
    // never last in its column.
    let room = usize::from(area.height.saturating_sub(2)).max(2);
    let fill = |limit: usize| {
        let mut columns: Vec<Vec<&Entry>> = vec![Vec::new()];
        for entry in &entries {
            let column = columns.last_mut().expect("one column at least");
            let full = column.len() >= limit
                || matches!(entry, Entry::Heading(_)) && column.len() + 1 >= limit;
            if full && !column.is_empty() {
                columns.push(Vec::new());
            }
            columns.last_mut().expect("a column").push(entry);
        }
        columns
    };
    let fewest = entries.len().div_ceil(room);
    let even = entries.len().div_ceil(fewest.max(1));
    let columns = (even..room)
        .map(fill)
        .find(|columns| columns.len() <= fewest)
        .unwrap_or_else(|| fill(room));
    let drawn: Vec<Vec<Line>> = columns
        .iter()
        .map(|column| {
            let keys = column
                .iter()
                .map(|e| match e {
                    Entry::Row(keys, _) => str_width(keys),
                    Entry::Heading(_) => 0,
                })
                .max()
                .unwrap_or(0);
            column
                .iter()
                .map(|e| match e {
                    Entry::Heading(g) => Line::styled(g.name(), theme.heading),
                    Entry::Row(k, what) => Line::from(format!(" {}  {what}", pad(k, keys))),
                })
                .collect()
        })
        .collect();
    let widths: Vec<u16> = drawn
        .iter()
        .map(|lines| lines.iter().map(Line::width).max().unwrap_or(0) as u16)
        .collect();
    let gap = 2;
    let width = widths.iter().sum::<u16>() + gap * (widths.len() as u16 - 1) + 4;
    let height = drawn.iter().map(Vec::len).max().unwrap_or(0) as u16 + 2;
    let inner = frame(
        area,
        (width, height),
        "dogear keys (Esc closes)",
        buf,
        theme,
    );
    let mut x = inner.x + 1;
    for (lines, w) in drawn.into_iter().zip(widths) {
        let rect = Rect {
            x,
            width: w,
            ..inner
        }
        .intersection(inner);
        Paragraph::new(lines).render(rect, buf);
        x = x.saturating_add(w + gap);
    }
}

pub fn chapters(reader: &Reader, selected: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
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
    list(items, selected, "chapters", (area, buf), theme);
}

/// The bookmark list: each bookmark on two lines, its number and label, then its page
/// (once the pages are counted), percent, date (local time), chapter and the start of
/// the text it marks.
pub fn bookmarks(reader: &Reader, selected: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let doc = reader.document();
    let width = usize::from(area.width.saturating_sub(4).clamp(20, 76).saturating_sub(2));
    let digits = reader.marks().len().to_string().len();
    let items: Vec<ListItem> = reader
        .marks()
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let pct = position::shown_percent(position::percent(doc, m.offset));
            let chapter = crate::toc::current(reader.chapters(), m.offset)
                .map(|c| sanitise::line(&reader.chapters()[c].title).into_owned())
                .unwrap_or_default();
            // No label: the start of the marked text stands in for it.
            let label = match m.label.trim() {
                "" => snippet(doc.text(), m.offset, width),
                label => sanitise::line(label).into_owned(),
            };
            let head = format!("{:>digits$}. {label}", i + 1);
            let page = reader.page_of(m.offset).map_or_else(String::new, |p| {
                format!("p. {}  ", crate::pages::thousands(p))
            });
            let mut detail = format!("{:>digits$}  {page}{pct:>3}%  {}", "", m.when.date_time());
            if !chapter.is_empty() {
                detail.push_str("  ");
                detail.push_str(&chapter);
            }
            let room = width.saturating_sub(str_width(&detail) + 4);
            if room >= 8 {
                detail.push_str("  “");
                detail.push_str(&snippet(doc.text(), m.offset, room));
                detail.push('”');
            }
            ListItem::new(vec![
                Line::from(truncate(&head, width).into_owned()),
                Line::styled(
                    truncate(&detail, width).into_owned(),
                    theme.dimmed(theme.overlay),
                ),
            ])
        })
        .collect();
    let height = items.len() as u16 * 2 + 2;
    let width = area.width.saturating_sub(4).clamp(20, 76);
    let inner = frame(area, (width, height), "bookmarks: Enter d u r", buf, theme);
    selectable(items, selected, inner, buf, theme);
}

/// The text from `offset` on, on one line, at most `columns` wide (with `…` if cut).
fn snippet(text: &str, offset: usize, columns: usize) -> String {
    let start = position::floor_char_boundary(text, offset);
    let end = position::floor_char_boundary(text, start.saturating_add(columns * 4 + 8));
    let words = text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    truncate(&sanitise::line(&words), columns).into_owned()
}

fn list(
    items: Vec<ListItem>,
    selected: usize,
    title: &str,
    (area, buf): (Rect, &mut Buffer),
    theme: &Theme,
) {
    let height = items.len() as u16 + 2;
    let width = area.width.saturating_sub(4).clamp(20, 76);
    let inner = frame(area, (width, height), title, buf, theme);
    selectable(items, selected, inner, buf, theme);
}

/// `items` drawn in `inner` with the `selected` one highlighted (and scrolled to).
fn selectable(items: Vec<ListItem>, selected: usize, inner: Rect, buf: &mut Buffer, theme: &Theme) {
    let mut state = ListState::default().with_selected(Some(selected));
    StatefulWidget::render(
        List::new(items).highlight_style(theme.selected),
        inner,
        buf,
        &mut state,
    );
}

/// The encoding picker: a narrow list at the right, so the preview shows beside it.
pub fn encodings(reader: &Reader, selected: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
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
    let inner = boxed(rect, "encoding: Enter Esc", buf, theme);
    selectable(items, selected, inner, buf, theme);
}

/// A book's bookmarks over the library (`B` there): number, label, percent and date.
pub fn library_marks(
    marks: &crate::library::MarkList,
    title: &str,
    (area, buf): (Rect, &mut Buffer),
    theme: &Theme,
) {
    let width = usize::from(area.width.saturating_sub(4).clamp(20, 76).saturating_sub(2));
    let digits = marks.rows.len().to_string().len();
    let items: Vec<ListItem> = marks
        .rows
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let pct = position::shown_percent(m.percent);
            let tail = format!("  {pct:>3}%  {}", m.when.date_time());
            let head = format!("{:>digits$}. ", i + 1);
            let room = width.saturating_sub(str_width(&head) + str_width(&tail));
            let label = pad(&sanitise::line(&m.label), room);
            ListItem::new(format!("{head}{label}{tail}"))
        })
        .collect();
    let title = truncate(
        &format!("{title}: Enter opens, Esc"),
        width.saturating_sub(2),
    )
    .into_owned();
    list(items, marks.selected, &title, (area, buf), theme);
}
