//! Fenced code in Markdown-ish text: a line of three or more backticks or tildes (an
//! optional info string after it, ```` ```sh ````) opens a block that a line of the same
//! mark, at least as long and alone, closes. Inside, nothing is a heading or a scene break
//! and nothing is joined: the lines, blank ones included, are one verse block, kept as
//! they are (a shell comment `# Build it` is neither a chapter nor a `#` break).
//!
//! A fence counts only when it closes within [`REACH`] bytes of its opening line, so a
//! stray line of backticks in a story never turns the rest of the book into code, and
//! whether a line is inside a fence depends on the text at most `REACH` before it: a
//! pass that starts at a blank line with no fence mark in the `REACH` bytes before it
//! (see [`clear_before`]) sees every fence exactly as a pass over the whole text does.

use super::shape::SourceLine;
use super::split::MAX_BLOCK;

/// How far past the start of its opening line a fence must close: the block then fits in
/// one piece (see `split`).
const REACH: usize = MAX_BLOCK;

/// The mark (`` ` `` or `~`) and its length when `line` opens a fence.
fn opening(text: &str, line: &SourceLine) -> Option<(u8, usize)> {
    let t = line.text(text).as_bytes();
    let mark = *t.first()?;
    if line.indent > 3 || !matches!(mark, b'`' | b'~') {
        return None;
    }
    let len = t.iter().take_while(|&&b| b == mark).count();
    // A backtick fence's info string holds no backtick (that is inline code).
    (len >= 3 && !(mark == b'`' && t[len..].contains(&b'`'))).then_some((mark, len))
}

/// Whether `raw` (a line without its `\n`) closes a fence of `len` or more `mark`s.
fn closes(raw: &str, mark: u8, len: usize) -> bool {
    let t = raw.trim();
    let indent = raw.len() - raw.trim_start().len();
    indent <= 3 && t.len() >= len && t.bytes().all(|b| b == mark)
}

/// When `line` opens a fence that closes before `limit` (and within [`REACH`]): the start
/// of the closing line.
#[inline]
pub(super) fn closing(text: &str, line: &SourceLine, limit: usize) -> Option<usize> {
    // Cheapest refusal first, inlined: this is asked of every line, and a fence starts
    // with its mark.
    if !matches!(text.as_bytes().get(line.content), Some(b'`' | b'~')) {
        return None;
    }
    closing_fence(text, line, limit)
}

/// [`closing`] for a line that starts with a fence's mark.
#[inline(never)]
fn closing_fence(text: &str, line: &SourceLine, limit: usize) -> Option<usize> {
    let (mark, len) = opening(text, line)?;
    let bytes = text.as_bytes();
    let limit = limit.min(line.start + REACH).min(bytes.len());
    let mut at = line.end;
    while at < limit {
        let next = memchr::memchr(b'\n', &bytes[at..limit])?;
        let start = at + next + 1;
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        if end > limit {
            return None;
        }
        if closes(&text[start..end], mark, len) {
            return Some(start);
        }
        at = end;
    }
    None
}

/// Whether no fence mark (```` ``` ```` or `~~~`) lies in the [`REACH`] bytes before
/// `at`: then a pass starting at `at` (after a blank line) finds every fence from there on
/// as a pass from further back does.
pub(super) fn clear_before(bytes: &[u8], at: usize) -> bool {
    let from = at.saturating_sub(REACH);
    let hay = &bytes[from..at];
    memchr::memmem::find(hay, b"```").is_none() && memchr::memmem::find(hay, b"~~~").is_none()
}

#[cfg(test)]
mod tests {
    use super::super::shape::SourceLine;
    use super::{clear_before, closing};

    fn first_line(text: &str) -> SourceLine {
        let end = text.find('\n').unwrap_or(text.len());
        SourceLine::measure(text, 0, end, None).unwrap()
    }

    #[test]
    fn a_fence_closes_on_its_own_mark_at_least_as_long() {
        let text = "```sh\n# Build\n~~~\n``\n\n````\nafter\n";
        assert_eq!(
            closing(text, &first_line(text), text.len()),
            text.find("````")
        );
        let text = "~~~~\ncode\n~~~\n~~~~~\n";
        assert_eq!(
            closing(text, &first_line(text), text.len()),
            text.find("~~~~~")
        );
    }

    #[test]
    fn no_fence_without_a_close_or_from_inline_code() {
        for text in [
            "```\nno end here\n",
            "``` `inline` ```\nx\n```\n",
            "``\nx\n``\n",
            "    ```\nindented code\n```\n",
        ] {
            assert_eq!(closing(text, &first_line(text), text.len()), None, "{text}");
        }
        let text = "```\nx\n```\n";
        assert_eq!(closing(text, &first_line(text), 6), None, "past the limit");
    }

    #[test]
    fn a_cut_is_clear_only_far_from_any_fence_mark() {
        let text = "```\nx\n```\n\nmore\n";
        assert!(!clear_before(text.as_bytes(), text.len()));
        assert!(clear_before(text.as_bytes(), 0));
    }
}
