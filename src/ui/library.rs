//! The library screen: a title bar, one row per story, a filter line, a footer.
//!
//! Drawn straight from [`LibraryModel`] and the current time, changing nothing, so
//! the same model always draws the same screen, in the reader's theme (the terminal's
//! own colours with reverse video, bold and dim, by default).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::help::KeyHelp;
use super::theme::Theme;
use crate::library::{ago, distinctions, place_name, Entry, LibraryModel, Source};
use crate::sanitise;
use crate::saturating::u16_from;
use crate::text_width::{pad, str_width};

/// The whole library screen. `now` is Unix seconds, for "2 days ago"; `keys` are the
/// keys the footer shows, handed in by the shell.
#[derive(Debug, Clone, Copy)]
pub struct LibraryScreen<'a> {
    pub model: &'a LibraryModel,
    pub now: u64,
    pub keys: &'a KeyHelp,
}

/// The footer: each of the library's own keys and what it does.
fn hint(keys: &KeyHelp) -> String {
    keys.library
        .iter()
        .map(|(key, what)| format!("{key} {what}"))
        .collect::<Vec<_>>()
        .join("  ")
}
/// Wide enough for "10 months ago" and "59 minutes ago".
const WHEN_WIDTH: usize = 14;
const PERCENT_WIDTH: usize = 4;
const STATUS_WIDTH: usize = 7;
/// From this width on, each row shows where its file is, dim, in a column of its own.
const WIDE: usize = 100;
/// The width of that column.
const PLACE_WIDTH: usize = 26;

impl LibraryScreen<'_> {
    /// How many story rows fit in `area`: what the shell should use as the page
    /// size, and what the list scrolls by.
    pub fn list_height(&self, area: Rect) -> u16 {
        let chrome = u16::from(area.height >= 3)
            + 1
            + u16::from(self.shows_filter_line() && area.height >= 4);
        area.height.saturating_sub(chrome)
    }

    fn shows_filter_line(&self) -> bool {
        self.model.filtering || !self.model.filter.is_empty()
    }
}

impl Widget for LibraryScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = Theme::new(self.model.look);
        buf.set_style(area, theme.page);
        self.draw(area, buf, &theme);
        if let Some(marks) = &self.model.marks {
            let title = (self.model.entries.get(marks.entry)).map_or("", |e| e.title.as_str());
            let title = sanitise::line(title);
            let keys = &self.keys.library_marks;
            super::lists::library_marks(marks, &title, keys, (area, buf), &theme);
        }
    }
}

impl LibraryScreen<'_> {
    fn draw(self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let model = self.model;
        let width = usize::from(area.width);
        let mut top = area.y;
        let mut bottom = area.bottom();

        // The footer wins the last row even on a one-line screen: a question such
        // as "Forget X? y/n" must never be hidden.
        bottom -= 1;
        let hint;
        let footer = match &model.message {
            Some(m) => (m.as_str(), Style::new().add_modifier(Modifier::BOLD)),
            None if model.filtering => (self.keys.filter.as_str(), theme.dimmed(Style::new())),
            None => {
                hint = self::hint(self.keys);
                (hint.as_str(), theme.dimmed(Style::new()))
            }
        };
        put(buf, area.x, bottom, width, footer.0, footer.1);

        if area.height >= 3 {
            let mut count = match (model.filtered.len(), model.entries.len()) {
                (shown, total) if shown != total => format!("{shown} of {total}"),
                (1, _) => "1 story".to_string(),
                (n, _) => format!("{n} stories"),
            };
            if !model.entries.is_empty() {
                count.push_str(&format!(" · {}", model.order.name()));
            }
            if let Some(looked) = model.searching {
                count.push_str(&format!(" · looking… {looked} seen"));
            }
            let count_width = str_width(&count);
            let bar = theme.title_bar;
            buf.set_style(Rect::new(area.x, top, area.width, 1), bar);
            put(buf, area.x, top, width, " dogear — library", bar);
            if width >= 17 + count_width + 3 {
                let x = area.x + u16_from(width - count_width - 1);
                put(buf, x, top, count_width, &count, bar);
            }
            top += 1;
        }

        if self.shows_filter_line() && area.height >= 4 {
            bottom -= 1;
            let style = if model.filtering {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            let cursor = if model.filtering { "_" } else { "" };
            put(
                buf,
                area.x,
                bottom,
                width,
                &format!("/ {}{cursor}", model.filter),
                style,
            );
        }

        let rows = usize::from(bottom.saturating_sub(top));
        if rows == 0 {
            return;
        }
        if model.filtered.is_empty() {
            let empty = if model.entries.is_empty() && model.searching.is_some() {
                "Looking for stories…".to_string()
            } else if model.entries.is_empty() {
                "No stories yet. Open one with: dogear FILE".to_string()
            } else {
                format!("No titles match \"{}\"", model.filter)
            };
            put(
                buf,
                area.x + 1,
                top,
                width.saturating_sub(1),
                &empty,
                theme.dimmed(Style::new()),
            );
            return;
        }
        let told_apart = distinctions(&model.entries);
        // Scroll just enough to keep the highlight on screen.
        let offset = (model.selected + 1).saturating_sub(rows);
        for (row, (pos, &index)) in model
            .filtered
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .enumerate()
        {
            let Some(entry) = model.entries.get(index) else {
                continue;
            };
            let y = top + u16_from(row);
            let mut style = Style::new();
            if pos == model.selected {
                style = theme.selected;
                buf.set_style(Rect::new(area.x, y, area.width, 1), style);
            }
            if entry.missing {
                style = theme.dimmed(style);
            }
            let hint = told_apart.get(index).cloned().flatten();
            let row = row_parts(entry, hint, width, self.now);
            let dim = theme.dimmed(style);
            let mut x = area.x;
            for (text, style) in [(row.title, style), (row.place, dim), (row.right, style)] {
                let w = str_width(&text);
                put(buf, x, y, w, &text, style);
                x = x.saturating_add(u16_from(w));
            }
        }
    }
}

/// One row in three parts that together fill `width`: the title, where the file is
/// (dim), and the status, percent and "when" columns.
struct Row {
    title: String,
    place: String,
    right: String,
}

/// One row: the title, then as many of the status, percent and "when" columns as fit,
/// each at a fixed width so they line up down the list. Two books of one title are told
/// apart by `hint` (see [`distinctions`]): after the title, or in a column of file names
/// when the window is [`WIDE`].
fn row_parts(entry: &Entry, hint: Option<String>, width: usize, now: u64) -> Row {
    let status = if entry.missing {
        "missing"
    } else if matches!(entry.source, Source::Bundled(_)) {
        "bundled"
    } else {
        ""
    };
    let percent = entry
        .percent
        .map(|p| format!("{:.0}%", p.clamp(0.0, 100.0)))
        .unwrap_or_default();
    let when = entry.last_read.map(|t| ago(t, now)).unwrap_or_default();

    let mut right = String::new();
    if width >= 30 {
        right.push_str(&format!(
            " {status:>STATUS_WIDTH$} {percent:>PERCENT_WIDTH$}"
        ));
    }
    if width >= 56 {
        right.push_str(&format!("  {when:>WHEN_WIDTH$}"));
    }
    if width >= 30 {
        right.push(' ');
    }
    let left = width.saturating_sub(1 + str_width(&right));
    let title = sanitise::line(&entry.title);
    if width >= WIDE {
        let place = hint.or_else(|| place_name(entry, 1)).unwrap_or_default();
        let title_width = left.saturating_sub(PLACE_WIDTH + 2);
        return Row {
            title: format!(" {}  ", pad(&title, title_width)),
            place: pad(&sanitise::line(&place), PLACE_WIDTH),
            right,
        };
    }
    let Some(hint) = hint else {
        return Row {
            title: format!(" {}", pad(&title, left)),
            place: String::new(),
            right,
        };
    };
    // The title keeps at least half the room; the hint has the rest it needs.
    let hint = format!(" · {}", sanitise::line(&hint));
    let hint_width = str_width(&hint).min(left / 2);
    let title = pad(&title, left - hint_width);
    let title = title.trim_end();
    let place_width = left - str_width(title);
    Row {
        title: format!(" {title}"),
        place: pad(&hint, place_width),
        right,
    }
}

/// Writes `text` at (x, y), clipped to `width` columns and to the buffer.
fn put(buf: &mut Buffer, x: u16, y: u16, width: usize, text: &str, style: Style) {
    let area = buf.area;
    if y < area.y || y >= area.bottom() || x >= area.right() {
        return;
    }
    let width = width.min(usize::from(area.right() - x));
    buf.set_stringn(x, y, sanitise::line(text), width, style);
}
