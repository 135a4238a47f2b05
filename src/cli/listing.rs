//! `dogear --bookmarks [FILE]`: a book's bookmarks (or every book's) as text lines or as
//! JSON, and finding one bookmark by its label or number (`--bookmark NAME`).
//!
//! Shell-side formatting of the state's plain data (offsets, percents, unix times):
//! dates are shown in local time, `utc_offset` (seconds east of UTC) read by the caller.

use crate::calendar::Stamp;
use crate::state::{BookState, Bookmark};
use crate::text_width::{str_width, truncate};
use serde::Serialize;

/// Labels longer than this (in columns) are cut so the dates stay in one column.
const LABEL_COLUMNS: usize = 48;

/// One line per bookmark in reading order: percent, label, date and time, e.g.
/// `  12%  The harbour at dawn  2026-11-24 16:05` (the percent rounded as the status bar
/// rounds it). A bookmark without a label shows the
/// start of the text it marks. Empty when there are no bookmarks.
pub fn bookmarks_text(state: &BookState, utc_offset: i64) -> String {
    let rows: Vec<(String, String, String)> = sorted(state)
        .into_iter()
        .map(|b| {
            (
                format!("{:>4}%", crate::position::shown_percent(b.anchor.percent)),
                shown_label(b),
                date(b, utc_offset),
            )
        })
        .collect();
    let width = rows.iter().map(|r| str_width(&r.1)).max().unwrap_or(0);
    rows.into_iter()
        .map(|(pct, label, date)| {
            let pad = " ".repeat(width - str_width(&label));
            format!("{pct}  {label}{pad}  {date}\n")
        })
        .collect()
}

/// The bookmarks in reading order as a pretty JSON array, for scripts.
pub fn bookmarks_json(state: &BookState, utc_offset: i64) -> String {
    let rows = json_rows(state, utc_offset);
    // Serialising plain strings and numbers cannot fail; fall back to an empty array
    // rather than panic if it ever did.
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned())
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    label: &'a str,
    percent: f64,
    offset: usize,
    created: u64,
    date: String,
}

fn json_rows(state: &BookState, utc_offset: i64) -> Vec<Row<'_>> {
    sorted(state)
        .into_iter()
        .map(|b| Row {
            id: &b.id,
            label: &b.label,
            percent: b.anchor.percent,
            offset: b.anchor.offset,
            created: b.created,
            date: date(b, utc_offset),
        })
        .collect()
}

/// `dogear --bookmarks` with no file: every book with bookmarks, most recently read
/// first, its title on a line of its own and its bookmarks under it as
/// [`bookmarks_text`] writes them. Empty when no book has any.
pub fn library_bookmarks_text(books: &[BookState], utc_offset: i64) -> String {
    with_bookmarks(books)
        .map(|book| {
            let title = book_title(book);
            let rows = bookmarks_text(book, utc_offset);
            format!("{title}\n{rows}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The same as JSON: an array of books (title, path, fingerprint, bookmarks).
pub fn library_bookmarks_json(books: &[BookState], utc_offset: i64) -> String {
    #[derive(Serialize)]
    struct Book<'a> {
        title: String,
        path: String,
        fingerprint: &'a str,
        bookmarks: Vec<Row<'a>>,
    }
    let rows: Vec<Book> = with_bookmarks(books)
        .map(|b| Book {
            title: book_title(b),
            path: b.path.to_string_lossy().into_owned(),
            fingerprint: &b.fingerprint,
            bookmarks: json_rows(b, utc_offset),
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned())
}

fn with_bookmarks(books: &[BookState]) -> impl Iterator<Item = &BookState> {
    let mut v: Vec<&BookState> = books.iter().filter(|b| !b.bookmarks.is_empty()).collect();
    v.sort_by(|a, b| b.last_read.cmp(&a.last_read).then(a.title.cmp(&b.title)));
    v.into_iter()
}

/// The book's title, else its file's name.
fn book_title(book: &BookState) -> String {
    match book.title.trim() {
        "" => book.path.file_name().map_or_else(
            || book.fingerprint.clone(),
            |n| n.to_string_lossy().into_owned(),
        ),
        title => title.to_owned(),
    }
}

/// The bookmark `name` names, for `--bookmark NAME`: its label (exactly, else ignoring
/// case and spaces at the ends), else its number in reading order, 1 first, as the lists
/// show them. `Err` says what the bookmarks are, on one line.
pub fn find_bookmark<'a>(state: &'a BookState, name: &str) -> Result<&'a Bookmark, String> {
    let marks = sorted(state);
    let wanted = name.trim();
    let found = (marks.iter().find(|b| b.label == name))
        .or_else(|| {
            marks
                .iter()
                .find(|b| b.label.trim().eq_ignore_ascii_case(wanted))
        })
        .or_else(|| {
            let n: usize = wanted.parse().ok()?;
            marks.get(n.checked_sub(1)?)
        });
    if let Some(b) = found {
        return Ok(b);
    }
    if marks.is_empty() {
        return Err(format!("no bookmark '{name}': this story has no bookmarks"));
    }
    let labels: Vec<String> = marks
        .iter()
        .enumerate()
        .map(|(i, b)| format!("{} {}", i + 1, shown_label(b)))
        .collect();
    Err(format!(
        "no bookmark '{name}'; this story's bookmarks: {}",
        labels.join(", ")
    ))
}

/// When `b` was made, in the offset given.
fn date(b: &Bookmark, utc_offset: i64) -> String {
    Stamp {
        unix_secs: b.created as i64,
        utc_offset,
    }
    .date_time()
}

fn sorted(state: &BookState) -> Vec<&Bookmark> {
    let mut v: Vec<&Bookmark> = state.bookmarks.iter().collect();
    v.sort_by_key(|b| (b.anchor.offset, b.created));
    v
}

/// The label, or the start of the marked text, on one line and at most
/// [`LABEL_COLUMNS`] wide.
fn shown_label(b: &Bookmark) -> String {
    let source = if b.label.trim().is_empty() {
        &b.anchor.after
    } else {
        &b.label
    };
    let words = source.split_whitespace().collect::<Vec<_>>().join(" ");
    truncate(&words, LABEL_COLUMNS).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::position::Anchor;

    fn at(offset: usize, percent: f64, after: &str) -> Anchor {
        Anchor {
            file: None,
            offset,
            percent,
            before: String::new(),
            after: after.into(),
        }
    }

    #[test]
    fn lines_in_reading_order_with_aligned_dates() {
        let mut s = BookState::new("fp".into(), "/s".into(), "S".into());
        s.bookmarks.push(Bookmark::new(
            "2".into(),
            at(900, 90.4, ""),
            "Home".into(),
            1_795_536_300_000,
        ));
        s.bookmarks.push(Bookmark::new(
            "1".into(),
            at(120, 12.9, "It was\na dark night"),
            String::new(),
            0,
        ));
        assert_eq!(
            bookmarks_text(&s, 0),
            "  13%  It was a dark night  1970-01-01 00:00\n  \
             90%  Home                 2026-11-24 16:05\n"
        );
        let json: serde_json::Value = serde_json::from_str(&bookmarks_json(&s, 0)).unwrap();
        assert_eq!(json[0]["id"], "1");
        assert_eq!(json[1]["label"], "Home");
    }

    #[test]
    fn dates_in_the_offset_given_in_text_and_json() {
        let mut s = BookState::new("fp".into(), "/s".into(), "S".into());
        // 2026-11-24 23:30 UTC: the next day two hours east.
        let made = 1_795_563_000_000;
        s.bookmarks.push(Bookmark::new(
            "1".into(),
            at(5, 50.0, ""),
            "Late".into(),
            made,
        ));
        assert_eq!(bookmarks_text(&s, 0), "  50%  Late  2026-11-24 23:30\n");
        assert_eq!(bookmarks_text(&s, 7200), "  50%  Late  2026-11-25 01:30\n");
        let json: serde_json::Value = serde_json::from_str(&bookmarks_json(&s, -3600)).unwrap();
        assert_eq!(json[0]["date"], "2026-11-24 22:30");
        assert_eq!(json[0]["created"], 1_795_563_000);
    }

    #[test]
    fn every_book_with_bookmarks_most_recent_first_under_its_title_or_file_name() {
        let mut older = BookState::new("fp1".into(), "/books/older.txt".into(), String::new());
        older.last_read = 1;
        older
            .bookmarks
            .push(Bookmark::new("a".into(), at(1, 10.0, ""), "One".into(), 0));
        let mut newer = BookState::new("fp2".into(), "/books/n.txt".into(), "Newer".into());
        newer.last_read = 2;
        newer
            .bookmarks
            .push(Bookmark::new("b".into(), at(1, 20.0, ""), "Two".into(), 0));
        let none = BookState::new("fp3".into(), "/books/none.txt".into(), "None".into());
        assert_eq!(
            library_bookmarks_text(&[older, none, newer], 3600),
            "Newer\n  20%  Two  1970-01-01 01:00\n\n\
             older.txt\n  10%  One  1970-01-01 01:00\n"
        );
    }
}
