//! Tests of searching the text held in memory.

use super::*;
use proptest::prelude::*;

/// The search as it was before needles and slices: one unanchored regex, run from the
/// start for every backward search. The fast search must agree with it everywhere.
mod plain {
    use super::*;

    pub fn regex(text: &str) -> Option<Regex> {
        let words: Vec<String> = text.split_whitespace().map(word_pattern).collect();
        if words.is_empty() {
            return None;
        }
        RegexBuilder::new(&words.join(r"\s+"))
            .case_insensitive(!text.chars().any(char::is_uppercase))
            .build()
            .ok()
    }

    fn word_pattern(word: &str) -> String {
        let mut out = String::new();
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

    pub fn next(re: &Regex, text: &str, within: Range<usize>, from: usize) -> Option<Hit> {
        let from = clamp_boundary(text, from, &within);
        let hay = &text[..within.end];
        if let Some(m) = re.find_at(hay, from) {
            return Some(Hit {
                range: m.range(),
                wrapped: false,
            });
        }
        let m = re.find_at(hay, within.start).filter(|m| m.start() < from)?;
        Some(Hit {
            range: m.range(),
            wrapped: true,
        })
    }

    pub fn prev(re: &Regex, text: &str, within: Range<usize>, before: usize) -> Option<Hit> {
        let before = clamp_boundary(text, before, &within);
        if let Some(range) = last_match(re, text, within.start..before) {
            return Some(Hit {
                range,
                wrapped: false,
            });
        }
        let range = last_match(re, text, before..within.end)?;
        Some(Hit {
            range,
            wrapped: true,
        })
    }

    fn last_match(re: &Regex, text: &str, starts: Range<usize>) -> Option<Range<usize>> {
        let mut last = None;
        let mut at = starts.start;
        while let Some(m) = re.find_at(text, at) {
            if m.start() >= starts.end {
                break;
            }
            last = Some(m.range());
            at = next_boundary(text, m.start());
        }
        last
    }
}

/// Runs `search` in slices of `budget` bytes.
fn stepped(mut search: Search, text: &str, budget: usize) -> Option<Hit> {
    let mut last = 0.0;
    loop {
        match search.step(text, budget) {
            Step::Done(hit) => return hit,
            Step::Pending => {
                let now = search.progress();
                assert!((last..=1.0).contains(&now), "progress went {last} -> {now}");
                last = now;
            }
        }
    }
}

/// Pieces of text where the shortcuts could go wrong: case pairs whose other case is
/// not ASCII (the Kelvin sign, long s), multibyte letters, dashes, CJK, runs of
/// whitespace with and without line breaks.
const BITS: &[&str] = &[
    "a", "A", "b", "k", "K", "\u{212A}", "s", "S", "\u{17F}", "é", "É", "-", "—", "猫", "庭", " ",
    "\n", "  \n ", " \t", "ab", "a-b", "猫庭",
];
const QUERY_BITS: &[&str] = &[
    "a", "A", "b", "k", "K", "s", "S", "é", "-", "—", "猫", "庭", " ", "ab",
];

fn texts(bits: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(bits), 0..max).prop_map(|v| v.concat())
}

proptest! {
    // proptest's default count: each case compiles a regex, slow in a debug build.
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn fast_search_agrees_with_the_plain_regex(
        text in texts(BITS, 40),
        query in texts(QUERY_BITS, 5),
        cuts in (any::<prop::sample::Index>(), any::<prop::sample::Index>(), any::<prop::sample::Index>()),
        budget in 1usize..24,
    ) {
        let (Some(q), Some(re)) = (Query::new(&query), plain::regex(&query)) else {
            return Ok(());
        };
        let n = text.len() + 1;
        let (a, b) = (cuts.0.index(n), cuts.1.index(n));
        let within = crate::position::floor_char_boundary(&text, a.min(b))
            ..crate::position::floor_char_boundary(&text, a.max(b));
        let at = cuts.2.index(n);
        let want_next = plain::next(&re, &text, within.clone(), at);
        prop_assert_eq!(q.next(&text, within.clone(), at), want_next.clone());
        prop_assert_eq!(stepped(q.search(&text, within.clone(), at, true), &text, budget), want_next);
        let want_prev = plain::prev(&re, &text, within.clone(), at);
        prop_assert_eq!(q.prev(&text, within.clone(), at), want_prev.clone());
        prop_assert_eq!(stepped(q.search(&text, within, at, false), &text, budget), want_prev);
    }
}

#[test]
fn case_pairs_outside_ascii_are_found_as_the_plain_regex_finds_them() {
    // K is the Kelvin sign, ſ a long s: each folds to an ASCII letter.
    let text = "the \u{212A}EEPER of the ligh\u{17F}ter";
    for query in ["keeper", "lighſter", "of the lighster"] {
        let want = plain::next(&plain::regex(query).unwrap(), text, all(text), 0);
        assert!(want.is_some(), "{query}");
        assert_eq!(Query::new(query).unwrap().next(text, all(text), 0), want);
    }
}

#[test]
fn the_needle_is_the_rarest_looking_piece() {
    for (query, needle, lead) in [
        ("e q", "q", 1),
        ("the lighthouse keeper", "lighthouse", 3),
        ("coat-pocket", "pocket", 5),
        ("he he", "he", 0),
        ("The end", "The", 0),
    ] {
        let q = Query::new(query).unwrap();
        assert_eq!((q.needle.as_str(), q.lead), (needle, lead), "{query}");
    }
}

#[test]
fn backward_search_finds_the_nearest_previous_match_without_reading_the_book() {
    let mut text = "the harbour at dawn, ".repeat(200_000); // 4 MB
    let place = text.len() - 1000;
    text.insert_str(place - 500, "Keeper ");
    let q = Query::new("keeper").unwrap();
    let mut search = q.search(&text, all(&text), place, false);
    let hit = match search.step(&text, 64 << 10) {
        Step::Done(hit) => hit.expect("the match just before the place"),
        Step::Pending => panic!("a match 500 bytes back needs more than one 64 KiB slice"),
    };
    assert_eq!(hit.range.start, place - 500);
    assert!(!hit.wrapped);
    assert!(
        search.progress() < 0.05,
        "read {:.0} %",
        search.progress() * 100.0
    );
}

#[test]
fn a_long_search_goes_in_slices_and_says_how_far_it_got() {
    let text = format!("{}the keeper", "sea and sky. ".repeat(100_000));
    let q = Query::new("keeper").unwrap();
    let mut search = q.search(&text, all(&text), 0, true);
    assert_eq!(search.step(&text, 1 << 20), Step::Pending);
    assert!(
        (0.5..0.9).contains(&search.progress()),
        "{}",
        search.progress()
    );
    let Step::Done(Some(hit)) = search.step(&text, 1 << 20) else {
        panic!("found in the second slice");
    };
    assert_eq!(&text[hit.range], "keeper");
}

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
