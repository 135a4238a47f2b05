//! Finding text: a literal phrase, smart case, across hard-wrapped line breaks.
//!
//! The query is taken literally (no regex syntax for the reader to trip over), but any run
//! of whitespace in it matches any run of whitespace in the text, so a phrase is found even
//! when the source wraps a line in the middle of it. Where the page joins a line break with
//! nothing (after a hyphen or dash inside a word, between CJK characters), the query
//! matches across that break too: `coat-pocket` finds `COAT-⏎POCKET`.

use crate::layout::is_cjk;
use regex::{Regex, RegexBuilder};
use std::ops::Range;

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    regex: Regex,
}

/// Where a search landed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub range: Range<usize>,
    /// The search ran off one end of the searched range and continued from the other.
    pub wrapped: bool,
}

impl Query {
    /// Compiles `text`; `None` for an empty or whitespace-only query. Smart case: the
    /// search ignores case unless the query has an upper-case letter.
    pub fn new(text: &str) -> Option<Self> {
        let words: Vec<String> = text.split_whitespace().map(word_pattern).collect();
        if words.is_empty() {
            return None;
        }
        let pattern = words.join(r"\s+");
        let ignore_case = !text.chars().any(char::is_uppercase);
        let regex = RegexBuilder::new(&pattern)
            .case_insensitive(ignore_case)
            .size_limit(1 << 24)
            .build()
            .ok()?;
        Some(Self {
            text: text.trim().to_owned(),
            regex,
        })
    }

    /// The query as typed, trimmed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The first match in `within` that starts at or after `from`; when there is none, the
    /// first match from the start of `within` (wrapped).
    pub fn next(&self, text: &str, within: Range<usize>, from: usize) -> Option<Hit> {
        let from = clamp_boundary(text, from, &within);
        let hay = &text[..within.end];
        if let Some(m) = self.regex.find_at(hay, from) {
            return Some(Hit {
                range: m.range(),
                wrapped: false,
            });
        }
        // Wrapped: a match may start before `from` and run past it.
        let m = self
            .regex
            .find_at(hay, within.start)
            .filter(|m| m.start() < from)?;
        Some(Hit {
            range: m.range(),
            wrapped: true,
        })
    }

    /// The last match in `within` that starts before `before`; when there is none, the
    /// last match in the whole range (wrapped).
    pub fn prev(&self, text: &str, within: Range<usize>, before: usize) -> Option<Hit> {
        let before = clamp_boundary(text, before, &within);
        if let Some(range) = self.last_match(text, within.start..before) {
            return Some(Hit {
                range,
                wrapped: false,
            });
        }
        let range = self.last_match(text, before..within.end)?;
        Some(Hit {
            range,
            wrapped: true,
        })
    }

    /// The last match starting inside `starts` (it may end after it).
    fn last_match(&self, text: &str, starts: Range<usize>) -> Option<Range<usize>> {
        let mut last = None;
        let mut at = starts.start;
        while let Some(m) = self.regex.find_at(text, at) {
            if m.start() >= starts.end {
                break;
            }
            last = Some(m.range());
            at = next_boundary(text, m.start());
        }
        last
    }
}

/// A line break the page joins with nothing, optional inside a word of the query.
const TIGHT_BREAK: &str = r"(?:[^\S\n]*\n\s*)?";

/// `word` literally, with [`TIGHT_BREAK`] allowed after a hyphen or dash followed by
/// something else, and between two CJK characters.
fn word_pattern(word: &str) -> String {
    let mut out = String::with_capacity(word.len() * 2);
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
        if let Some(&next) = chars.peek() {
            let dash = matches!(c, '-' | '\u{2014}') && !matches!(next, '-' | '\u{2014}');
            if dash || (is_cjk(c) && is_cjk(next)) {
                out.push_str(TIGHT_BREAK);
            }
        }
    }
    out
}

fn clamp_boundary(text: &str, at: usize, within: &Range<usize>) -> usize {
    crate::position::floor_char_boundary(text, at.clamp(within.start, within.end))
}

fn next_boundary(text: &str, at: usize) -> usize {
    let mut i = at + 1;
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The ferry left at dawn.\nThe harbour\nlights went out one by one, and the\nFerry's horn sounded twice.";

    fn all(text: &str) -> Range<usize> {
        0..text.len()
    }

    #[test]
    fn finds_a_phrase_across_a_hard_wrapped_line_break() {
        let q = Query::new("harbour lights").unwrap();
        let hit = q.next(TEXT, all(TEXT), 0).unwrap();
        assert_eq!(&TEXT[hit.range], "harbour\nlights");
        assert!(!hit.wrapped);
    }

    #[test]
    fn lower_case_query_ignores_case_and_upper_case_does_not() {
        let lower = Query::new("ferry").unwrap();
        let first = lower.next(TEXT, all(TEXT), 0).unwrap();
        let second = lower.next(TEXT, all(TEXT), first.range.end).unwrap();
        assert_eq!(&TEXT[second.range.clone()], "Ferry");
        let upper = Query::new("Ferry").unwrap();
        let only = upper.next(TEXT, all(TEXT), 0).unwrap();
        assert_eq!(only.range, second.range);
    }

    #[test]
    fn search_past_the_end_wraps_and_says_so() {
        let q = Query::new("ferry left").unwrap();
        let hit = q.next(TEXT, all(TEXT), 10).unwrap();
        assert_eq!(hit.range.start, 4);
        assert!(hit.wrapped);
    }

    #[test]
    fn previous_match_and_wrap_backwards() {
        let q = Query::new("ferry").unwrap();
        let last = TEXT.rfind("Ferry").unwrap();
        let back = q.prev(TEXT, all(TEXT), last).unwrap();
        assert_eq!(back.range.start, 4);
        let wrapped = q.prev(TEXT, all(TEXT), 4).unwrap();
        assert_eq!(wrapped.range.start, last);
        assert!(wrapped.wrapped);
    }

    #[test]
    fn not_found_is_none_and_empty_query_is_rejected() {
        assert!(Query::new("   ").is_none());
        assert!(Query::new("lighthouse")
            .unwrap()
            .next(TEXT, all(TEXT), 0)
            .is_none());
    }

    #[test]
    fn regex_metacharacters_are_literal() {
        let text = "cost: $5 (approx.) or a+b";
        let q = Query::new("$5 (approx.)").unwrap();
        assert_eq!(q.next(text, all(text), 0).unwrap().range.start, 6);
        assert!(Query::new("a+b")
            .unwrap()
            .next(text, all(text), 0)
            .is_some());
    }

    #[test]
    fn search_stays_inside_the_given_range() {
        let q = Query::new("the").unwrap();
        let body = 24..TEXT.len() - 10;
        let hit = q.next(TEXT, body.clone(), 0).unwrap();
        assert!(hit.range.start >= body.start);
    }

    #[test]
    fn a_hyphenated_word_is_found_across_a_line_end_hyphen() {
        let text = "He felt in his COAT-\nPOCKET by the lamp-\n   post, said he--\nand then";
        for (query, found) in [
            ("coat-pocket", "COAT-\nPOCKET"),
            ("lamp-post", "lamp-\n   post"),
            ("he--and", "he--\nand"),
            ("coat-\npocket", "COAT-\nPOCKET"),
        ] {
            let hit = Query::new(query).unwrap().next(text, all(text), 0).unwrap();
            assert_eq!(&text[hit.range], found);
        }
        assert!(Query::new("lamppost")
            .unwrap()
            .next(text, all(text), 0)
            .is_none());
    }

    #[test]
    fn cjk_is_found_across_a_line_break() {
        let text = "猫は庭を\n  歩いていた。";
        let hit = Query::new("庭を歩い")
            .unwrap()
            .next(text, all(text), 0)
            .unwrap();
        assert_eq!(&text[hit.range], "庭を\n  歩い");
    }

    #[test]
    fn multibyte_text_and_offsets_inside_a_character() {
        let text = "猫が好き。猫は眠る。";
        let q = Query::new("猫").unwrap();
        let hit = q.next(text, all(text), 1).unwrap();
        assert_eq!(
            hit.range.start, 0,
            "offset 1 is inside the first 猫 and floors to it"
        );
        let next = q.next(text, all(text), hit.range.end).unwrap();
        assert_eq!(&text[next.range], "猫");
    }
}
