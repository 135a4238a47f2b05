//! The right of the status bar: where the reader is (page, a thin gauge, percent), as
//! much of it as fits beside the title.

use crate::pages::thousands;
use crate::reader::{PageInfo, Reader};
use crate::text_width::str_width;

/// Cells of the progress gauge.
const GAUGE_CELLS: usize = 8;
/// Columns the title keeps, at least, before the right side gives up the page number.
const TITLE_ROOM: usize = 20;
/// Columns the title and chapter keep, at least, before the gauge and the long page
/// number go.
const LEFT_ROOM: usize = 40;
/// Columns the title keeps, at least, before the time left in words goes.
const TIME_ROOM: usize = 30;

/// The right side of the status bar for a bar `width` wide whose left is a title
/// `title_width` wide then a chapter, `left_width` in all. `prefix` (unsaved, indexing,
/// an unsure encoding) is kept whatever the room.
///
/// What else fits is chosen in order, most first: the time left in words, the long page
/// number and the gauge; then without the gauge; the time left compact with the long
/// page number (and the gauge); the time left in words with the page number compact;
/// both compact; the compact page number; the percent alone. Each part keeps some of the left side for itself: the long
/// page number and the gauge give way before the chapter's name does, the time left in
/// words before the title is cut below 30 columns, the compact forms before it is cut
/// below 20.
pub(super) fn right_side(
    reader: &Reader,
    prefix: &str,
    width: usize,
    (title_width, left_width): (usize, usize),
) -> String {
    let pct = percent(reader);
    let tenths = tenths(reader);
    let pages = reader.page_info();
    let pair = reader.is_spread();
    // While the story is still being read, an estimate that says it is one.
    let estimate = reader.page_estimate().filter(|_| pages.is_none());
    let long = pages.map(|p| long_pages(&p, pair)).or_else(|| {
        estimate.map(|(here, total)| format!("page ~{} of ~{}", thousands(here), thousands(total)))
    });
    let short = pages
        .map(|p| short_pages(&p, pair))
        .or_else(|| estimate.map(|(here, total)| format!("~{here}/~{total}")));
    let gauge = gauge(tenths);
    let time_long = reader.time_left(false).map(|t| format!("{t} ·"));
    let time_short = reader.time_left(true).map(|t| format!("{t} ·"));
    let nicety = left_width.min(LEFT_ROOM);
    let words = title_width.min(TIME_ROOM);
    let compact = title_width.min(TITLE_ROOM);
    // Each part with the room it keeps for the left side.
    let time_long = time_long.as_deref().map(|t| (t, words));
    let time_short = time_short.as_deref().map(|t| (t, compact));
    let long = long.as_deref().map(|p| (p, nicety));
    let short = short.as_deref().map(|p| (p, compact));
    let gauge = Some((gauge.as_str(), nicety));
    let candidates = [
        [time_long, long, gauge],
        [time_long, long, None],
        [time_short, long, gauge],
        [time_short, long, None],
        [time_long, short, None],
        [time_short, short, None],
        [None, short, None],
        [None, None, None],
    ];
    let mut last = String::new();
    for parts in candidates {
        let keep = parts.iter().flatten().map(|&(_, k)| k).max().unwrap_or(0);
        let shown: Vec<&str> = parts.iter().flatten().map(|&(p, _)| p).collect();
        last = match shown.is_empty() {
            true => format!("{prefix} {pct} "),
            false => format!("{prefix} {} {pct} ", shown.join(" ")),
        };
        if str_width(&last) + keep < width {
            break;
        }
    }
    last
}

/// `page 212 of 1,480`, with `…` for what is not counted yet; for the two pages of a
/// spread (`pair`), `pages 212–213 of 1,480`.
fn long_pages(p: &PageInfo, pair: bool) -> String {
    let total = p.total.map_or("…".to_owned(), thousands);
    match (p.current, second_page(p, pair)) {
        (Some(left), Some(right)) => {
            format!("pages {}–{} of {total}", thousands(left), thousands(right))
        }
        (current, _) => {
            let current = current.map_or("…".to_owned(), thousands);
            format!("page {current} of {total}")
        }
    }
}

/// `212/1480`, or `212–213/1480` for a spread.
fn short_pages(p: &PageInfo, pair: bool) -> String {
    let current = p.current.map_or("…".to_owned(), |n| n.to_string());
    let total = p.total.map_or("…".to_owned(), |n| n.to_string());
    match second_page(p, pair) {
        Some(right) => format!("{current}–{right}/{total}"),
        None => format!("{current}/{total}"),
    }
}

/// The right page's number in a spread, when there is one (not past the last page).
fn second_page(p: &PageInfo, pair: bool) -> Option<usize> {
    let right = p.current? + 1;
    (pair && p.total.is_none_or(|total| right <= total)).then_some(right)
}

/// `14%`, or `14.3%` where pages are many.
fn percent(reader: &Reader) -> String {
    match reader.precise_percent() {
        Some(t) => format!("{}.{}%", t / 10, t % 10),
        None => format!("{:>3}%", reader.percent()),
    }
}

fn tenths(reader: &Reader) -> u16 {
    reader
        .precise_percent()
        .unwrap_or(u16::from(reader.percent()) * 10)
}

/// `▰▰▱▱▱▱▱▱`: the part read, full only at the end.
fn gauge(tenths: u16) -> String {
    let filled = usize::from(tenths.min(1000)) * GAUGE_CELLS / 1000;
    let mut out = "▰".repeat(filled);
    out.push_str(&"▱".repeat(GAUGE_CELLS - filled));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gauge_is_full_only_at_the_end() {
        assert_eq!(gauge(0), "▱▱▱▱▱▱▱▱");
        assert_eq!(gauge(500), "▰▰▰▰▱▱▱▱");
        assert_eq!(gauge(999), "▰▰▰▰▰▰▰▱");
        assert_eq!(gauge(1000), "▰▰▰▰▰▰▰▰");
        assert_eq!(str_width(&gauge(1000)), GAUGE_CELLS);
    }

    #[test]
    fn pages_long_and_short() {
        let known = PageInfo {
            current: Some(212),
            total: Some(1480),
        };
        assert_eq!(long_pages(&known, false), "page 212 of 1,480");
        assert_eq!(short_pages(&known, false), "212/1480");
        let counting = PageInfo {
            current: Some(3),
            total: None,
        };
        assert_eq!(long_pages(&counting, false), "page 3 of …");
        assert_eq!(short_pages(&counting, false), "3/…");
    }

    #[test]
    fn a_spread_names_both_pages_but_none_past_the_last() {
        let known = PageInfo {
            current: Some(1479),
            total: Some(1480),
        };
        assert_eq!(long_pages(&known, true), "pages 1,479–1,480 of 1,480");
        assert_eq!(short_pages(&known, true), "1479–1480/1480");
        let last = PageInfo {
            current: Some(1480),
            total: Some(1480),
        };
        assert_eq!(long_pages(&last, true), "page 1,480 of 1,480");
        let counting = PageInfo {
            current: Some(3),
            total: None,
        };
        assert_eq!(long_pages(&counting, true), "pages 3–4 of …");
    }
}
