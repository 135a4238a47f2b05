//! Places in a story: byte offsets, percents, and quote anchors that survive edits.

use crate::document::Document;
use serde::{Deserialize, Serialize};

/// Bytes of context kept on each side of an anchored offset.
pub const QUOTE_BYTES: usize = 64;

/// Percent of the story proper (the document's body) that lies before `offset`, 0.0..=100.0.
pub fn percent(doc: &Document, offset: usize) -> f64 {
    let body = doc.body();
    if body.is_empty() {
        return 0.0;
    }
    let at = offset.clamp(body.start, body.end) - body.start;
    at as f64 * 100.0 / body.len() as f64
}

/// A percent as the reader is shown it everywhere (status bar, bookmark lists,
/// `--bookmarks`): rounded to a whole number, and 100 only at the very end, so 99.6 % of
/// the way with lines left to read shows 99.
///
/// ```
/// use dogear::shown_percent;
/// assert_eq!((shown_percent(12.5), shown_percent(99.6), shown_percent(100.0)), (13, 99, 100));
/// ```
pub fn shown_percent(pct: f64) -> u8 {
    if pct >= 100.0 {
        100
    } else {
        crate::saturating::u8_from_f64(pct.round().clamp(0.0, 99.0))
    }
}

/// The offset at `pct` percent of the body, on a char boundary.
pub fn offset_at_percent(doc: &Document, pct: f64) -> usize {
    let body = doc.body();
    let pct = pct.clamp(0.0, 100.0);
    let raw = body.start + crate::saturating::usize_from_f64((body.len() as f64) * pct / 100.0);
    floor_char_boundary(doc.text(), raw.min(body.end))
}

/// The largest char boundary of `text` at or before `offset` (clamped to the text).
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A place that can be found again in an edited text: the offset, the percent it was at,
/// and a short quote on each side of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Anchor {
    pub offset: usize,
    pub percent: f64,
    pub before: String,
    pub after: String,
    /// Where in the file a window holding the place starts (see
    /// [`crate::document::load::window`]): lets a big story open at the place without
    /// reading what comes before it. Absent in state saved by older versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<FilePlace>,
}

/// A line start before a place, as a byte of the file and of the text, and the encoding
/// the text was read in: a window of the file read from `raw` in that encoding is the
/// text from `text` on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilePlace {
    pub raw: u64,
    pub text: u64,
    pub encoding: String,
}

/// How [`refind`] found a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// The quote still matches at the saved offset.
    Exact,
    /// The quote matches elsewhere; the nearest match was taken.
    Moved,
    /// The quote matches nowhere; the place is at the saved percent.
    ByPercent,
}

/// Makes an anchor for `offset` in `doc` (clamped, moved to a char boundary).
pub fn anchor(doc: &Document, offset: usize) -> Anchor {
    let text = doc.text();
    let offset = floor_char_boundary(text, offset);
    let before = floor_char_boundary(text, offset.saturating_sub(QUOTE_BYTES));
    let mut after = (offset + QUOTE_BYTES).min(text.len());
    while !text.is_char_boundary(after) {
        after += 1;
    }
    let file = doc.anchor_before(offset);
    Anchor {
        file: Some(FilePlace {
            raw: file.raw,
            text: file.text,
            encoding: doc.encoding().to_owned(),
        }),
        offset,
        percent: percent(doc, offset),
        before: text[before..offset].to_owned(),
        after: text[offset..after].to_owned(),
    }
}

/// Finds `anchor` in `doc`: the same offset when the quote still matches there, else the
/// nearest place where the quote matches, else the nearest place by percent.
///
/// The whole quote is tried first, then `after` alone (the text the reader was looking
/// at), then `before` alone, so a small edit next to the place still finds it. Searching
/// is `str::find` (two-way, linear), never a regex: quotes are literal text.
pub fn refind(anchor: &Anchor, doc: &Document) -> (usize, Found) {
    let text = doc.text();
    let at = anchor.offset;
    let start = at.checked_sub(anchor.before.len());
    let matches_here = start.is_some_and(|s| text.get(s..at) == Some(anchor.before.as_str()))
        && text.get(at..at + anchor.after.len()) == Some(anchor.after.as_str());
    if matches_here && text.is_char_boundary(at) {
        return (at, Found::Exact);
    }
    let whole = format!("{}{}", anchor.before, anchor.after);
    let tries = [
        (whole.as_str(), anchor.before.len()),
        (anchor.after.as_str(), 0),
        (anchor.before.as_str(), anchor.before.len()),
    ];
    for (quote, shift) in tries {
        if let Some(found) = nearest(text, quote, at, shift) {
            return (found, Found::Moved);
        }
    }
    (offset_at_percent(doc, anchor.percent), Found::ByPercent)
}

/// The occurrence of `quote` in `text` whose position plus `shift` is closest to `near`,
/// as that position plus `shift`. `None` for an empty quote, which would match anywhere.
fn nearest(text: &str, quote: &str, near: usize, shift: usize) -> Option<usize> {
    if quote.is_empty() {
        return None;
    }
    let mut best: Option<usize> = None;
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|rest| rest.find(quote)) {
        let place = from + i + shift;
        if best.is_none_or(|b| place.abs_diff(near) < b.abs_diff(near)) {
            best = Some(place);
        }
        if place > near {
            // Later matches are only farther away.
            break;
        }
        // Step one char so overlapping matches are seen too.
        let step = text[from + i..].chars().next().map_or(1, char::len_utf8);
        from += i + step;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::from_parts(text.to_owned(), Vec::new(), 0..text.len())
    }

    fn saved(before: &str, after: &str, offset: usize, percent: f64) -> Anchor {
        Anchor {
            file: None,
            offset,
            percent,
            before: before.to_owned(),
            after: after.to_owned(),
        }
    }

    #[test]
    fn whole_quote_takes_the_nearest_match() {
        let d = doc("xx ab cd xx ab cd xx");
        assert_eq!(refind(&saved("ab ", "cd", 0, 0.0), &d), (6, Found::Moved));
        assert_eq!(refind(&saved("ab ", "cd", 20, 0.0), &d), (15, Found::Moved));
        assert_eq!(refind(&saved("ab ", "cd", 6, 0.0), &d), (6, Found::Exact));
    }

    #[test]
    fn falls_back_to_after_then_before_then_percent() {
        let d = doc("one two three four");
        assert_eq!(
            refind(&saved("zzz", "three", 0, 0.0), &d),
            (8, Found::Moved)
        );
        assert_eq!(refind(&saved("two ", "zzz", 0, 0.0), &d), (8, Found::Moved));
        assert_eq!(
            refind(&saved("qq", "zz", 3, 50.0), &d),
            (9, Found::ByPercent)
        );
    }

    #[test]
    fn percent_fallback_lands_on_a_char_boundary() {
        let d = doc("漢字漢字");
        let (at, how) = refind(&saved("q", "z", 0, 40.0), &d);
        assert_eq!(how, Found::ByPercent);
        assert!(d.text().is_char_boundary(at));
    }
}
