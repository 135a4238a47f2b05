//! The help over the page: the reader's keys, as the shell hands them to the view.
//!
//! The key table and the keys in effect (as rebound in `config.toml`) are the shell's
//! (`crate::keymap`); the view only draws the rows it is given in a [`KeyHelp`], so it
//! never reads the key map, and a test draws the help with whichever keys it likes.

use super::theme::Theme;
use crate::reader::{Mode, Reader};
use crate::saturating::u16_from;
use crate::text_width::{pad, str_width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// The keys as the view shows them: built by the shell from the key table with the keys
/// in effect (`crate::keymap::Keymap::help`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyHelp {
    /// The reader's help: its groups, in order.
    pub reader: Vec<HelpGroup>,
    /// The library's footer: each of the library's own keys (its first key, as rebound)
    /// and what it does.
    pub library: Vec<(String, &'static str)>,
    /// The bookmark list's own keys (open, delete, undo, rename), as rebound: its title
    /// names them.
    pub marks: String,
    /// The library's footer while its filter is typed: accept, keep, clear.
    pub filter: String,
    /// The library's bookmark list's title after the book's: open, close.
    pub library_marks: String,
}

/// One group of the reader's help: its heading and its rows (the keys as shown, such as
/// `Space f PgDn ^F`, and what they do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpGroup {
    pub heading: &'static str,
    pub rows: Vec<(String, &'static str)>,
}

/// The whole reading screen: the reader (see `impl Widget for &Reader`), with the help
/// over it in [`Mode::Help`].
#[derive(Debug, Clone, Copy)]
pub struct ReaderScreen<'a> {
    pub reader: &'a Reader,
    pub keys: &'a KeyHelp,
}

impl Widget for ReaderScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.reader.render(area, buf);
        let room = area.width > 0 && area.height > 0 && !self.reader.too_small();
        if !room {
            return;
        }
        let theme = Theme::new(self.reader.look());
        match self.reader.mode() {
            Mode::Help => help(self.keys, area, buf, &theme),
            // Drawn again with its title naming the keys in effect, which only the shell
            // knows (the reader alone draws it with a plain title).
            Mode::Bookmarks { selected } => {
                let text_area = Rect {
                    height: area.height - 1,
                    ..area
                };
                let hint = &self.keys.marks;
                super::lists::bookmarks(self.reader, *selected, text_area, buf, &theme, hint);
            }
            _ => {}
        }
    }
}

/// The help: the reader's keys in their groups, in as many columns as the height needs
/// (two in an 80x24 window), as `keys` shows them.
fn help(keys: &KeyHelp, area: Rect, buf: &mut Buffer, theme: &Theme) {
    enum Entry<'a> {
        Heading(&'a str),
        Row(&'a str, &'a str),
    }
    let mut entries = Vec::new();
    for group in &keys.reader {
        entries.push(Entry::Heading(group.heading));
        for (keys, what) in &group.rows {
            entries.push(Entry::Row(keys, what));
        }
    }
    // Column-major, as few columns as the height allows, as even as they go, a heading
    // never last in its column.
    let room = usize::from(area.height.saturating_sub(2)).max(2);
    let fill = |limit: usize| {
        let (mut columns, mut column): (Vec<Vec<&Entry>>, _) = (Vec::new(), Vec::new());
        for entry in &entries {
            let full = column.len() >= limit
                || matches!(entry, Entry::Heading(_)) && column.len() + 1 >= limit;
            if full && !column.is_empty() {
                columns.push(std::mem::take(&mut column));
            }
            column.push(entry);
        }
        columns.push(column);
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
                    Entry::Heading(g) => Line::styled(*g, theme.heading),
                    Entry::Row(k, what) => Line::from(format!(" {}  {what}", pad(k, keys))),
                })
                .collect()
        })
        .collect();
    let widths: Vec<u16> = drawn
        .iter()
        .map(|lines| u16_from(lines.iter().map(Line::width).max().unwrap_or(0)))
        .collect();
    let gap = 2;
    let width = widths.iter().sum::<u16>() + gap * (u16_from(widths.len()) - 1) + 4;
    let height = u16_from(drawn.iter().map(Vec::len).max().unwrap_or(0)).saturating_add(2);
    // A box as tall as the screen covers the status line but for a column or two at its
    // sides: what showed there (the end of `42%`) is blanked, not left as a stray mark.
    if height >= area.height {
        let status = area.bottom() - 1;
        for x in area.left()..area.right() {
            buf[(x, status)].set_symbol(" ");
        }
    }
    let inner = super::lists::frame(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::reader::Action;

    fn drawn(reader: &Reader, keys: &KeyHelp) -> String {
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
        ReaderScreen { reader, keys }.render(buf.area, &mut buf);
        (0..24)
            .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
            .collect()
    }

    #[test]
    fn the_help_shows_the_keys_it_is_handed_and_only_in_help() {
        let keys = KeyHelp {
            reader: vec![HelpGroup {
                heading: "moving",
                rows: vec![("Z ^Q".to_owned(), "zoom along")],
            }],
            library: Vec::new(),
            ..KeyHelp::default()
        };
        let doc = Document::from_text("A quiet harbour at dawn.\n");
        let mut reader = Reader::new(doc, "Quay", (80, 24), 72);
        assert!(!drawn(&reader, &keys).contains("zoom along"));
        reader.update(Action::Help);
        let text = drawn(&reader, &keys);
        assert!(text.contains("moving"), "{text}");
        assert!(text.contains(" Z ^Q  zoom along"), "{text}");
        assert!(text.contains("dogear keys"), "{text}");
    }

    #[test]
    fn a_help_as_tall_as_the_screen_leaves_no_stray_mark_of_the_status_line() {
        let rows = (0..43)
            .map(|i| (format!("K{i}"), "a key"))
            .collect::<Vec<_>>();
        let keys = KeyHelp {
            reader: vec![HelpGroup {
                heading: "moving",
                rows: rows.iter().map(|(k, w)| (k.clone(), *w)).collect(),
            }],
            ..KeyHelp::default()
        };
        let doc = Document::from_text("A quiet harbour at dawn.\n");
        let mut reader = Reader::new(doc, "Quay", (80, 24), 72);
        let last = |text: &str| text.lines().last().unwrap_or_default().to_owned();
        assert!(last(&drawn(&reader, &keys)).contains('%'));
        reader.update(Action::Help);
        let bottom = last(&drawn(&reader, &keys));
        assert!(bottom.contains('└'), "{bottom}");
        assert!(!bottom.contains('%'), "{bottom}");
    }

    #[test]
    fn the_bookmark_list_names_the_keys_it_is_handed() {
        let doc = Document::from_text("A quiet harbour at dawn.\n");
        let mut reader = Reader::new(doc, "Quay", (80, 24), 72);
        reader.set_marks(vec![crate::reader::Mark {
            id: "1".into(),
            offset: 0,
            label: "dawn".into(),
            when: crate::calendar::Stamp::default(),
        }]);
        reader.update(Action::Bookmarks);
        let keys = KeyHelp {
            marks: "Enter x u r".into(),
            ..KeyHelp::default()
        };
        let text = drawn(&reader, &keys);
        assert!(text.contains("bookmarks: Enter x u r"), "{text}");
        // Drawn alone, the reader names no keys it cannot know.
        let plain = drawn(&reader, &KeyHelp::default());
        assert!(plain.contains("┌ bookmarks ─"), "{plain}");
    }
}
