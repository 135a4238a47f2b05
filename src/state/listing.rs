//! `dogear --bookmarks [FILE]`: a book's bookmarks (or every book's) as text lines or as
//! JSON, and finding one bookmark by its label or number (`--bookmark NAME`).
//!
//! Dates are shown in local time: `utc_offset` (seconds east of UTC) comes from the shell.

use super::{BookState, Bookmark};
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
                civil_date_time(b.created as i64 + utc_offset),
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
            date: civil_date_time(b.created as i64 + utc_offset),
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

/// `YYYY-MM-DD HH:MM` for a unix time in seconds (UTC; add the local offset first for
/// local time).
///
/// ```
/// assert_eq!(dogear::state::civil_date_time(1795536300), "2026-11-24 16:05");
/// ```
pub fn civil_date_time(unix_secs: i64) -> String {
    let days = unix_secs.div_euclid(86_400);
    let secs = unix_secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        secs / 3600,
        secs % 3600 / 60
    )
}

/// Howard Hinnant's `civil_from_days`: the proleptic Gregorian date `days` after
/// 1970-01-01. Written out rather than pulling in a date crate for one line of output.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of era, 0..=146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // 0..=365, from March 1st
    let mp = (5 * doy + 2) / 153; // month from March, 0..=11
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::position::Anchor;

    #[test]
    fn dates_across_leap_days_and_before_1970() {
        assert_eq!(civil_date_time(0), "1970-01-01 00:00");
        assert_eq!(civil_date_time(951_868_740), "2000-02-29 23:59");
        assert_eq!(civil_date_time(-86_400), "1969-12-31 00:00");
    }

    #[test]
    fn lines_in_reading_order_with_aligned_dates() {
        let mut s = BookState::new("fp".into(), "/s".into(), "S".into());
        let at = |offset, percent: f64, after: &str| Anchor {
            file: None,
            offset,
            percent,
            before: String::new(),
            after: after.into(),
        };
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
}
