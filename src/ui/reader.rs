//! The reading screen: the page in its column, the status bar, and whatever overlay the
//! mode calls for. A pure function of the [`Reader`]: it reads the model, changes nothing.

use super::lists;
use crate::layout::{Line, LineStyle};
use crate::reader::{Mode, Reader};
use crate::sanitise;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// Only modifiers, never colours: the terminal's own palette is used, so light and dark
/// themes both work and `NO_COLOR` is honoured by construction.
const HEADING: Style = Style::new().add_modifier(Modifier::BOLD);
const HIGHLIGHT: Style = Style::new().add_modifier(Modifier::REVERSED);
/// The other matches of the search on the page.
const OTHER_MATCH: Style = Style::new().add_modifier(Modifier::UNDERLINED);
const STATUS: Style = Style::new().add_modifier(Modifier::REVERSED);

impl Widget for &Reader {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        if self.too_small() {
            too_small(area, buf);
            return;
        }
        let text_area = Rect {
            height: area.height - 1,
            ..area
        };
        let status_area = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        draw_page(self, text_area, buf);
        draw_status(self, status_area, buf);
        match self.mode() {
            Mode::Help => lists::help(area, buf),
            Mode::Chapters { selected } => lists::chapters(self, *selected, text_area, buf),
            Mode::Bookmarks { selected } => lists::bookmarks(self, *selected, text_area, buf),
            Mode::Encodings { selected } => lists::encodings(self, *selected, text_area, buf),
            Mode::Stats(summary) => super::stats::stats(summary, text_area, buf),
            Mode::Reading | Mode::Prompt(_) => {}
        }
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let words = ["window too small", "too small", "small"];
    let msg = words
        .iter()
        .find(|w| w.len() <= usize::from(area.width))
        .unwrap_or(&"");
    let x = area.x + (area.width - msg.len() as u16) / 2;
    buf.set_string(x, area.y + area.height / 2, msg, Style::new());
}

fn draw_page(reader: &Reader, area: Rect, buf: &mut Buffer) {
    // The encoding picker previews the page decoded the selected way.
    let (text, page, hit, others) = match reader.picker() {
        Some(picker) => {
            let (text, lines) = picker.preview();
            (text, lines, None, Vec::new())
        }
        None => (
            reader.document().text(),
            reader.page(),
            reader.hit(),
            reader.page_matches(),
        ),
    };
    let column = reader.column();
    for (row, line) in page.iter().take(usize::from(area.height)).enumerate() {
        if line.style == LineStyle::Blank {
            continue;
        }
        let shown = line.display(text);
        let width = column.width;
        let offset = match line.style {
            LineStyle::Heading | LineStyle::SceneBreak => width.saturating_sub(line.width) / 2,
            _ => line.indent.min(width.saturating_sub(1)),
        };
        let x = area.x + column.left + offset;
        let y = area.y + row as u16;
        let room = usize::from(width - offset.min(width));
        let style = if line.style == LineStyle::Heading {
            HEADING
        } else {
            Style::new()
        };
        // The current match reversed, the other matches on the page underlined.
        let mut marks: Vec<(Range<usize>, Style)> = others
            .iter()
            .filter(|m| Some(*m) != hit.as_ref())
            .filter_map(|m| highlight(text, line, m, &shown).map(|r| (r, OTHER_MATCH)))
            .collect();
        if let Some(r) = hit.as_ref().and_then(|h| highlight(text, line, h, &shown)) {
            marks.retain(|(m, _)| m.end <= r.start || m.start >= r.end);
            marks.push((r, HIGHLIGHT));
        }
        marks.sort_by_key(|(r, _)| r.start);
        let mut x = x;
        let mut room = room;
        let mut at = 0;
        let mut parts = Vec::new();
        for (r, mark) in marks {
            if r.start < at {
                continue;
            }
            parts.push((&shown[at..r.start], style));
            parts.push((&shown[r.clone()], style.patch(mark)));
            at = r.end;
        }
        parts.push((&shown[at..], style));
        for (part, part_style) in parts {
            if part.is_empty() {
                continue;
            }
            let part = sanitise::line(part);
            let (end, _) = buf.set_stringn(x, y, part, room, part_style);
            room = room.saturating_sub(usize::from(end - x));
            x = end;
        }
    }
}

/// Where, in the displayed `shown` text of `line`, the part of the match `hit` on this
/// line is. The display collapses whitespace, so the matched words are looked up in it
/// near the place the source text puts them.
fn highlight(text: &str, line: &Line, hit: &Range<usize>, shown: &str) -> Option<Range<usize>> {
    let start = hit.start.max(line.range.start);
    let end = hit.end.min(line.range.end);
    if start >= end {
        return None;
    }
    let needle = collapse(&text[start..end]);
    if needle.is_empty() {
        return None;
    }
    let expected = collapse(&text[line.range.start..start]).len();
    shown
        .match_indices(needle.as_str())
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(expected))
        .map(|i| i..i + needle.len())
}

fn collapse(s: &str) -> String {
    let mut out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.ends_with(char::is_whitespace) && !out.is_empty() {
        out.push(' ');
    }
    out
}

fn draw_status(reader: &Reader, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, STATUS);
    let width = usize::from(area.width);
    if let Mode::Prompt(prompt) = reader.mode() {
        super::prompt::draw(prompt, area, buf, STATUS);
        return;
    }
    // An encoding detection was unsure of is named, with a question mark (E picks another).
    let doc = reader.document();
    let unsaved = match (reader.unsaved(), reader.partial()) {
        (true, _) => " unsaved ·".to_owned(),
        // The rest of a big story is still being read in the background.
        (false, Some(p)) => format!(" indexing {} % ·", p.progress),
        (false, None) => String::new(),
    };
    let matches = match reader.match_number() {
        Some((n, Some(total))) => format!(" {n}/{total} ·"),
        Some((0, None)) => " …/… ·".to_owned(),
        Some((n, None)) => format!(" {n}/… ·"),
        None => String::new(),
    };
    let unsaved = format!("{matches}{unsaved}");
    let unsaved = unsaved + &super::stats::time_left(reader, width);
    let right = match doc.guess().unsure {
        true => format!("{unsaved} {}? {:>3}% ", doc.encoding(), reader.percent()),
        false => format!("{unsaved} {:>3}% ", reader.percent()),
    };
    let mut left = format!(" {}", sanitise::line(reader.title()));
    let room = width.saturating_sub(right.width());
    match (
        reader.message().map(sanitise::line),
        reader.current_chapter(),
    ) {
        (Some(message), _) => {
            let line = format!("{left} · {message}");
            if line.width() <= room {
                left = line;
            } else {
                long_message(&message, area, buf);
            }
        }
        (None, Some(chapter)) => {
            left.push_str(" · ");
            left.push_str(&sanitise::line(&chapter.title));
        }
        (None, None) => {}
    }
    buf.set_stringn(area.x, area.y, &left, room, STATUS);
    if right.width() <= width {
        let x = area.x + (width - right.width()) as u16;
        buf.set_string(x, area.y, right, STATUS);
    }
}

/// A message too long for the status bar is wrapped onto rows just above it (over the
/// bottom of the page, for as long as it is shown), so that nothing in it is cut off:
/// a path the reader must know, say. At most half the window.
fn long_message(message: &str, status: Rect, buf: &mut Buffer) {
    let width = usize::from(status.width.saturating_sub(2)).max(1);
    let lines = textwrap::wrap(message, width);
    let rows = lines.len().min(usize::from(status.y / 2).max(1));
    for (i, line) in lines.iter().take(rows).enumerate() {
        let y = status.y - (rows - i) as u16;
        let blank = " ".repeat(usize::from(status.width));
        buf.set_string(status.x, y, blank, STATUS);
        buf.set_stringn(status.x + 1, y, line, width, STATUS);
    }
}
