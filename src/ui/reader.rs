//! The reading screen: the page in its column, the status bar, and whatever overlay the
//! mode calls for. A pure function of the [`Reader`]: it reads the model, changes nothing.
//! The help over it is drawn from the keys the shell hands in ([`super::help::ReaderScreen`]).

use super::theme::Theme;
use super::{cells, emphasis, lists};
use crate::layout::{LineStyle, ScreenLine};
use crate::reader::{Mode, Reader};
use crate::sanitise;
use crate::saturating::u16_from;
use crate::text_width::{str_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use std::borrow::Cow;
use std::ops::Range;

impl Widget for &Reader {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        // The styles are the theme's (see `super::theme`); its page fills the window.
        let theme = Theme::new(self.look());
        buf.set_style(area, theme.page);
        if self.too_small() {
            too_small(area, buf);
            return;
        }
        let text_area = Rect {
            height: area.height - 1,
            ..area
        };
        // Margins above and below the page; overlays still use the whole text area.
        let margin = self.margin();
        let page_area = Rect {
            y: text_area.y + margin,
            height: text_area.height.saturating_sub(2 * margin),
            ..text_area
        };
        let status_area = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        draw_page(self, page_area, buf);
        draw_status(self, status_area, buf);
        match self.mode() {
            Mode::Chapters { selected } => lists::chapters(self, *selected, text_area, buf, &theme),
            Mode::Bookmarks { selected } => {
                lists::bookmarks(self, *selected, text_area, buf, &theme, "")
            }
            Mode::Encodings { selected } => {
                lists::encodings(self, *selected, text_area, buf, &theme)
            }
            Mode::Stats(summary) => super::stats::stats(summary, text_area, buf, &theme),
            // The help is the shell's key table: [`super::help::ReaderScreen`] draws it.
            Mode::Help | Mode::Reading | Mode::Prompt(_) => {}
        }
    }
}

/// Says the window is too small in the longest words that fit, on as many rows as
/// there are; in a window too small for any word, a `+` asks for more room.
fn too_small(area: Rect, buf: &mut Buffer) {
    const SAYINGS: [&[&str]; 7] = [
        &["window too small"],
        &["window", "too small"],
        &["too small"],
        &["too", "small"],
        &["small"],
        &["too", "sm."],
        &["+"],
    ];
    let fits = |lines: &&&[&str]| {
        lines.len() <= usize::from(area.height)
            && lines.iter().all(|l| l.len() <= usize::from(area.width))
    };
    let Some(lines) = SAYINGS.iter().find(fits) else {
        return;
    };
    let top = area.y + (area.height - u16_from(lines.len())).div_ceil(2);
    for (row, line) in (top..).zip(lines.iter()) {
        let x = area.x + (area.width - u16_from(line.len())) / 2;
        buf.set_string(x, row, line, Style::new());
    }
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
    // One page, or two side by side: the lines run on from the left page to the right.
    let columns = super::spread::columns(reader);
    let height = usize::from(area.height).max(1);
    let theme = Theme::new(reader.look());
    let mut marks = emphasis::Marks::default();
    for (n, line) in page.iter().take(height * columns.len()).enumerate() {
        let (column, row) = (columns[n / height], n % height);
        if line.style == LineStyle::Blank {
            continue;
        }
        // Emphasis markers hidden: the words drawn italic or bold instead. (Not in the
        // encoding picker's preview, which shows another decoding of the bytes.)
        let emphasised = (reader.emphasis() && reader.picker().is_none())
            .then(|| emphasis::styled(reader.document(), line, &mut marks))
            .flatten();
        let (shown, spans, hidden) = match emphasised {
            Some((shown, spans, hidden)) => (Cow::Owned(shown), spans, hidden),
            None => (line.display(text), Vec::new(), Vec::new()),
        };
        let width = column.width;
        let offset = match line.style {
            LineStyle::Heading | LineStyle::SceneBreak => width.saturating_sub(line.width) / 2,
            _ => line.indent.min(width.saturating_sub(1)),
        };
        let x = area.x + column.left + offset;
        let y = area.y + u16_from(row);
        let room = usize::from(width - offset.min(width));
        let style = if line.style == LineStyle::Heading {
            theme.heading
        } else {
            Style::new()
        };
        // The current match reversed, the other matches on the page underlined.
        let mut found: Vec<(Range<usize>, Style)> = others
            .iter()
            .filter(|m| Some(*m) != hit.as_ref())
            .filter_map(|m| {
                highlight(text, line, m, &shown, &hidden).map(|r| (r, theme.other_match))
            })
            .collect();
        if let Some(r) = hit
            .as_ref()
            .and_then(|h| highlight(text, line, h, &shown, &hidden))
        {
            found.retain(|(m, _)| m.end <= r.start || m.start >= r.end);
            found.push((r, theme.hit));
        }
        // Justified: the spaces widened, and what was placed on the line moved with them.
        let typography = reader.typography();
        if let Some(spread) = line.spread(&shown, room, typography) {
            let map = |r: &Range<usize>| spread.map(r.start)..spread.map(r.end);
            let spans: Vec<_> = spans.iter().map(|(r, m)| (map(r), *m)).collect();
            let found: Vec<_> = found.iter().map(|(r, s)| (map(r), *s)).collect();
            draw_parts(buf, (x, y), room, &spread.text, style, &spans, &found);
            continue;
        }
        draw_parts(buf, (x, y), room, &shown, style, &spans, &found);
    }
}

/// Draws `shown` from (x, y), at most `room` columns, in `style`, with the `spans` in
/// italic or bold and the `found` parts (search matches) in their own styles on top.
fn draw_parts(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    room: usize,
    shown: &str,
    style: Style,
    spans: &[(Range<usize>, Modifier)],
    found: &[(Range<usize>, Style)],
) {
    let mut cuts = vec![0, shown.len()];
    for range in spans
        .iter()
        .map(|(r, _)| r)
        .chain(found.iter().map(|(r, _)| r))
    {
        cuts.extend([range.start.min(shown.len()), range.end.min(shown.len())]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let (mut x, mut room) = (x, room);
    for part in cuts.windows(2) {
        let (a, b) = (part[0], part[1]);
        let Some(text) = shown.get(a..b) else {
            continue;
        };
        let mut part_style = style;
        for (range, modifier) in spans {
            if range.start <= a && b <= range.end {
                part_style = part_style.add_modifier(*modifier);
            }
        }
        for (range, mark) in found {
            if range.start <= a && b <= range.end {
                part_style = part_style.patch(*mark);
            }
        }
        let end = cells::put(buf, x, y, &sanitise::line(text), room, part_style);
        room = room.saturating_sub(usize::from(end - x));
        x = end;
    }
}

/// Where, in the displayed `shown` text of `line`, the part of the match `hit` on this
/// line is. The display collapses whitespace, so the matched words are looked up in it
/// near the place the source text puts them.
/// `hidden` are the offsets of emphasis markers left out of `shown`.
fn highlight(
    text: &str,
    line: &ScreenLine,
    hit: &Range<usize>,
    shown: &str,
    hidden: &[usize],
) -> Option<Range<usize>> {
    let start = hit.start.max(line.range.start);
    let end = hit.end.min(line.range.end);
    if start >= end {
        return None;
    }
    let visible = |range: Range<usize>| -> Cow<'_, str> {
        if !hidden.iter().any(|at| range.contains(at)) {
            return Cow::Borrowed(&text[range]);
        }
        let mut out = String::with_capacity(range.len());
        let mut from = range.start;
        for &at in hidden.iter().filter(|at| range.contains(at)) {
            out.push_str(&text[from..at]);
            from = at + 1;
        }
        out.push_str(&text[from..range.end]);
        Cow::Owned(out)
    };
    let needle = collapse(&visible(start..end));
    if needle.is_empty() {
        return None;
    }
    let expected = collapse(&visible(line.range.start..start)).len();
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

/// What the right side of the status bar starts with, whatever the room: the current
/// match's number, `unsaved` or `indexing N %`, and an encoding detection was unsure of,
/// with a question mark (E picks another).
fn status_prefix(reader: &Reader) -> String {
    let mut prefix = match reader.match_number() {
        Some((n, Some(total))) => format!(" {n}/{total} ·"),
        Some((0, None)) => " …/… ·".to_owned(),
        Some((n, None)) => format!(" {n}/… ·"),
        None => String::new(),
    };
    match (reader.unsaved(), reader.partial()) {
        (true, _) => prefix.push_str(" unsaved ·"),
        // The rest of a big story is still being read in the background.
        (false, Some(p)) if !p.sized => prefix.push_str(" reading ·"),
        // Read whole, and read from its file on windows (see `reader/on_file.rs`).
        (false, Some(p)) if p.progress >= 100 => {}
        (false, Some(p)) => prefix.push_str(&format!(" indexing {} % ·", p.progress)),
        (false, None) => {}
    }
    let doc = reader.document();
    if doc.guess().unsure {
        prefix.push_str(&format!(" {}?", doc.encoding()));
    }
    prefix
}

/// Columns a cut chapter name needs to say anything: " · " and a few letters and "…".
const CHAPTER_ROOM: usize = 8;

fn draw_status(reader: &Reader, area: Rect, buf: &mut Buffer) {
    let status = Theme::new(reader.look()).status;
    buf.set_style(area, status);
    let width = usize::from(area.width);
    if let Mode::Prompt(prompt) = reader.mode() {
        super::prompt::draw(prompt, area, buf, status);
        return;
    }
    let prefix = status_prefix(reader);
    let mut left = format!(" {}", sanitise::line(reader.title()));
    let title = left.clone();
    let chapter = reader
        .current_chapter()
        .map_or(0, |c| str_width(&sanitise::line(&c.title)) + 3);
    let widths = (str_width(&left), str_width(&left) + chapter);
    let right = super::progress::right_side(reader, &prefix, width, widths);
    let room = width.saturating_sub(str_width(&right));
    match (
        reader.message().map(sanitise::line),
        reader.current_chapter(),
    ) {
        (Some(message), _) => {
            let line = format!("{left} · {message}");
            if str_width(&line) <= room {
                left = line;
            } else {
                long_message(&message, area, buf, status);
            }
        }
        (None, Some(chapter)) => {
            left.push_str(" · ");
            left.push_str(&sanitise::line(&chapter.title));
        }
        (None, None) => {}
    }
    // Cut where the right side begins, and marked as cut; a chapter with no room for a
    // word of it is left out rather than shown as a dangling " · …".
    let left = if str_width(&left) <= room || str_width(&title) + CHAPTER_ROOM <= room {
        truncate(&left, room)
    } else {
        truncate(&title, room)
    };
    cells::put(buf, area.x, area.y, &left, room, status);
    if str_width(&right) <= width {
        let x = area.x + u16_from(width - str_width(&right));
        cells::put(buf, x, area.y, &right, usize::MAX, status);
    }
}

/// A message too long for the status bar is wrapped onto rows just above it (over the
/// bottom of the page, for as long as it is shown), so that nothing in it is cut off:
/// a path the reader must know, say. At most half the window.
fn long_message(message: &str, status: Rect, buf: &mut Buffer, style: Style) {
    let width = usize::from(status.width.saturating_sub(2)).max(1);
    // First fit, as textwrap's default was before its optimal fit was built in (for
    // `optimal_fit`): a message reads the same either way, and is wrapped every frame.
    let first_fit = textwrap::WrapAlgorithm::FirstFit;
    let lines = textwrap::wrap(
        message,
        textwrap::Options::new(width).wrap_algorithm(first_fit),
    );
    let rows = lines.len().min(usize::from(status.y / 2).max(1));
    for (i, line) in lines.iter().take(rows).enumerate() {
        let y = status.y - u16_from(rows - i);
        let blank = " ".repeat(usize::from(status.width));
        buf.set_string(status.x, y, blank, style);
        buf.set_stringn(status.x + 1, y, line, width, style);
    }
}
