//! Overlays drawn over the page: the chapter list, the bookmark list (the help is
//! [`super::help`]'s).

use super::theme::Theme;
use crate::position;
use crate::reader::Reader;
use crate::sanitise;
use crate::saturating::u16_from;
use crate::text_width::{pad, str_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, StatefulWidget, Widget};

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

/// The chapter list, an entry inside another (a scene in an act) indented under it as
/// `--toc` indents it. Only the entries on screen are made: a gigabyte of stories lists
/// a couple of hundred thousand, and a key pressed in the list costs what the screen does.
pub fn chapters(reader: &Reader, selected: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let current = reader.current_chapter().map(|c| c.offset);
    let all = reader.chapters();
    let title = chapters_title(reader);
    let height = u16_from(all.len()).saturating_add(2);
    let width = area.width.saturating_sub(4).clamp(20, 76);
    let inner = frame(area, (width, height), &title, buf, theme);
    // Where a list drawn whole scrolls to: the selected entry on its last line once it is
    // past the first screen.
    let shown = usize::from(inner.height);
    let first = (selected + 1).saturating_sub(shown);
    let items: Vec<ListItem> = (all.iter().skip(first).take(shown))
        .map(|c| {
            let mark = if Some(c.offset) == current {
                "•"
            } else {
                " "
            };
            let indent = "  ".repeat(usize::from(c.level.saturating_sub(1)));
            ListItem::new(format!("{mark} {indent}{}", sanitise::line(&c.title)))
        })
        .collect();
    selectable(items, selected.saturating_sub(first), inner, buf, theme);
}

/// The chapter list's title: while the story is still being read, it says the chapters
/// are those found so far (the list grows).
fn chapters_title(reader: &Reader) -> String {
    match reader.partial() {
        Some(p) if p.progress >= 100 => "chapters".to_owned(),
        Some(p) if !p.found.is_empty() && p.sized => {
            format!("chapters so far · indexing {} %", p.progress)
        }
        Some(p) if !p.found.is_empty() => "chapters so far · reading".to_owned(),
        _ => "chapters".to_owned(),
    }
}

/// The bookmark list: each bookmark on two lines, its number and label, then its page
/// (once the pages are counted), percent, date (local time), chapter and the start of
/// the text it marks.
/// The bookmark list; its title names `keys` (the list's keys as bound) when given.
pub fn bookmarks(
    reader: &Reader,
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    keys: &str,
) {
    let doc = reader.document();
    let width = usize::from(area.width.saturating_sub(4).clamp(20, 76).saturating_sub(2));
    let digits = reader.marks().len().to_string().len();
    let items: Vec<ListItem> = reader
        .marks()
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let pct = position::shown_percent(reader.percent_of(m.offset));
            let chapters = reader.whole_chapters();
            let chapter = crate::toc::current(chapters, m.offset)
                .map(|c| sanitise::line(&chapters[c].title).into_owned())
                .unwrap_or_default();
            // No label: the start of the marked text stands in for it.
            let label = match m.label.trim() {
                // (On a window of a big story, one of the window's only.)
                "" => (reader.text_at(m.offset))
                    .map_or_else(String::new, |(text, at)| snippet(text, at, width)),
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
    let height = u16_from(items.len()).saturating_mul(2).saturating_add(2);
    let width = area.width.saturating_sub(4).clamp(20, 76);
    let title = match keys {
        "" => "bookmarks".to_owned(),
        keys => format!("bookmarks: {keys}"),
    };
    let inner = frame(area, (width, height), &title, buf, theme);
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
    let height = u16_from(items.len()).saturating_add(2);
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
    let height = u16_from(items.len()).saturating_add(2).min(area.height);
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
    keys: &str,
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
        &match keys {
            "" => title.to_owned(),
            keys => format!("{title}: {keys}"),
        },
        width.saturating_sub(2),
    )
    .into_owned();
    list(items, marks.selected, &title, (area, buf), theme);
}
