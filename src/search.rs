//! Finding text: a literal phrase, smart case, across hard-wrapped line breaks.
//!
//! The query is taken literally (no regex syntax for the reader to trip over), but any run
//! of whitespace in it matches any run of whitespace in the text, so a phrase is found even
//! when the source wraps a line in the middle of it. Where the page joins a line break with
//! nothing (after a hyphen or dash inside a word, between CJK characters), the query
//! matches across that break too: `coat-pocket` finds `COAT-⏎POCKET`.
//!
//! Speed: every match contains each unbroken piece of the query as it is, up to case. The
//! rarest-looking piece (the *needle*, see `rarity`) is looked for first (the regex
//! crate's literal search runs at memory speed) and the whole query is tried only where a
//! needle was found. Each query character takes exactly one character of text and a gap is
//! a whole run of whitespace, so from a needle the one place its match can start is found
//! by stepping back over the characters before it (`walk_back`); an anchored regex
//! confirms it there. Searching backwards reads windows stepping back from the place, so a
//! near match costs little whatever the size of the book. A [`Search`] goes a slice at a
//! time, so a long one can show its progress and be cancelled between slices.

use crate::layout::is_cjk;
pub use on_file::{FileSearch, FileStep};
use regex::{Regex, RegexBuilder};
use std::ops::Range;

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    /// The whole query, anchored at the start of the haystack: confirms a candidate start.
    anchored: Regex,
    /// The query's longest piece that every match contains as it is (up to case).
    needle: Regex,
    /// The most bytes a needle match can take (4 per character).
    needle_len: usize,
    /// Characters of the query before the needle.
    lead: usize,
}

/// Where a search landed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub range: Range<usize>,
    /// The search ran off one end of the searched range and continued from the other.
    pub wrapped: bool,
}

/// Backward search reads windows of this size at first, doubling up to [`MAX_WINDOW`]:
/// a match a page away costs a window, one at the other end of the book a few dozen.
const FIRST_WINDOW: usize = 64 << 10;
const MAX_WINDOW: usize = 16 << 20;

impl Query {
    /// Compiles `text`; `None` for an empty or whitespace-only query. Smart case: the
    /// search ignores case unless the query has an upper-case letter.
    pub fn new(text: &str) -> Option<Self> {
        let words: Vec<Vec<String>> = text.split_whitespace().map(pieces).collect();
        if words.is_empty() {
            return None;
        }
        let pattern = words
            .iter()
            .map(|word| {
                let escaped: Vec<String> = word.iter().map(|p| regex::escape(p)).collect();
                escaped.join(TIGHT_BREAK)
            })
            .collect::<Vec<_>>()
            .join(r"\s+");
        let ignore_case = !text.chars().any(char::is_uppercase);
        let build = |pattern: &str| {
            RegexBuilder::new(pattern)
                .case_insensitive(ignore_case)
                .size_limit(1 << 24)
                .build()
                .ok()
        };
        let all: Vec<&String> = words.iter().flatten().collect();
        // The rarest piece (the first of equals): the literal search stops at fewer places.
        let rarest = (0..all.len())
            .rev()
            .max_by(|&a, &b| rarity(all[a], ignore_case).total_cmp(&rarity(all[b], ignore_case)))?;
        let lead = all[..rarest].iter().map(|p| p.chars().count()).sum();
        Some(Self {
            text: text.trim().to_owned(),
            anchored: build(&format!(r"\A(?:{pattern})"))?,
            needle: build(&regex::escape(all[rarest]))?,
            needle_len: all[rarest].chars().count() * 4,
            lead,
        })
    }

    /// The query as typed, trimmed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The first match in `within` that starts at or after `from`; when there is none, the
    /// first match from the start of `within` (wrapped).
    pub fn next(&self, text: &str, within: Range<usize>, from: usize) -> Option<Hit> {
        self.search(text, within, from, true).finish(text)
    }

    /// The last match in `within` that starts before `before`; when there is none, the
    /// last match in the whole range (wrapped). A match may end after `within`.
    pub fn prev(&self, text: &str, within: Range<usize>, before: usize) -> Option<Hit> {
        self.search(text, within, before, false).finish(text)
    }

    /// A search from `at`, forward as [`Query::next`] or backward as [`Query::prev`], to be
    /// done a slice at a time with `Search::step`.
    pub fn search(&self, text: &str, within: Range<usize>, at: usize, forward: bool) -> Search {
        let at = clamp_boundary(text, at, &within);
        // A needle lies after its match's start: the last needle worth reading is the one
        // a match starting just before `end` would have.
        let reach = |end: usize| next_boundary(text, walk_forward(text, end, self.lead));
        let mut passes = if forward {
            vec![
                Pass {
                    starts: at..within.end,
                    todo: at..within.end,
                    wrapped: false,
                },
                Pass {
                    starts: within.start..at,
                    todo: within.start..reach(at).min(within.end),
                    wrapped: true,
                },
            ]
        } else {
            vec![
                Pass {
                    starts: within.start..at,
                    todo: within.start..reach(at),
                    wrapped: false,
                },
                Pass {
                    starts: at..within.end,
                    todo: at..reach(within.end),
                    wrapped: true,
                },
            ]
        };
        let total = passes.iter().map(|p| p.todo.len()).sum();
        passes.reverse();
        Search {
            query: self.clone(),
            forward,
            end: if forward { within.end } else { text.len() },
            passes,
            done: 0,
            total,
            window: FIRST_WINDOW,
            len: text.len(),
        }
    }

    /// The match starting at `start`, if one does, in `text[..end]`.
    fn confirm(&self, text: &str, start: usize, end: usize) -> Option<Range<usize>> {
        let m = self.anchored.find(&text[start..end])?;
        Some(start + m.start()..start + m.end())
    }
}

/// A search under way (see [`Query::search`]). It keeps offsets into the text it was
/// started on: every step must be given that same text.
#[derive(Debug, Clone)]
pub struct Search {
    query: Query,
    forward: bool,
    /// Matches end by here: the end of the range forward, of the text backward.
    end: usize,
    /// Passes still to do, the next last: the range from the place, then the wrapped one.
    passes: Vec<Pass>,
    /// Bytes read so far, and at most.
    done: usize,
    total: usize,
    /// The next backward window's size.
    window: usize,
    /// The length of the text searched.
    len: usize,
}

/// One pass: find the first (forward) or last (backward) match starting in `starts`.
#[derive(Debug, Clone)]
struct Pass {
    starts: Range<usize>,
    /// Where needles are still to be looked for.
    todo: Range<usize>,
    wrapped: bool,
}

/// Where a search is after a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Still going: call [`Search::step`] again.
    Pending,
    /// Finished, with the match if there is one.
    Done(Option<Hit>),
}

/// What a slice of a pass came to.
enum Slice {
    Found(Range<usize>),
    /// The pass is over, with nothing found.
    Over,
    More,
}

impl Search {
    /// Reads about `budget` more bytes of the text (at least one slice). A text of another
    /// length than the one the search started on ends it, with nothing found.
    pub fn step(&mut self, text: &str, budget: usize) -> Step {
        if text.len() != self.len {
            self.passes.clear();
            return Step::Done(None);
        }
        let mut spent = 0;
        while let Some(pass) = self.passes.last_mut() {
            if spent >= budget.max(1) {
                return Step::Pending;
            }
            let room = budget.max(1) - spent;
            let before = pass.todo.len();
            let slice = if self.forward {
                self.query.forward_slice(text, pass, room, self.end)
            } else {
                self.query
                    .backward_slice(text, pass, room, self.end, &mut self.window)
            };
            let read = before - pass.todo.len();
            spent += read;
            self.done += read;
            match slice {
                Slice::Found(range) => {
                    let wrapped = pass.wrapped;
                    self.passes.clear();
                    return Step::Done(Some(Hit { range, wrapped }));
                }
                Slice::Over => {
                    self.passes.pop();
                    // A pass that ends early leaves its unread bytes out of the total.
                    self.total =
                        self.done + self.passes.iter().map(|p| p.todo.len()).sum::<usize>();
                }
                Slice::More => {}
            }
        }
        Step::Done(None)
    }

    /// Runs the search to its end.
    pub fn finish(mut self, text: &str) -> Option<Hit> {
        loop {
            if let Step::Done(hit) = self.step(text, usize::MAX) {
                return hit;
            }
        }
    }

    /// How far the search has gone, 0.0 to 1.0.
    pub fn progress(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.done as f64 / self.total as f64
        }
    }

    /// Whether the search is going forward (`n`, or `/`) rather than backward (`N`).
    pub fn forward(&self) -> bool {
        self.forward
    }

    /// The query being searched for.
    pub fn query(&self) -> &Query {
        &self.query
    }
}

impl Query {
    /// Looks for needles in up to `room` bytes from the start of `pass.todo`.
    fn forward_slice(&self, text: &str, pass: &mut Pass, room: usize, end: usize) -> Slice {
        let stop = ceil_boundary(
            text,
            pass.todo.start.saturating_add(room).min(pass.todo.end),
        );
        // A needle starting before `stop` ends by `limit`.
        let hay = &text[..ceil_boundary(text, stop.saturating_add(self.needle_len).min(end))];
        let mut at = pass.todo.start;
        while let Some(m) = self.needle.find_at(hay, at) {
            if m.start() >= stop {
                break;
            }
            if let Some(start) = walk_back(text, m.start(), self.lead) {
                // Later needles start their matches no earlier.
                if start >= pass.starts.end {
                    pass.todo.start = pass.todo.end;
                    return Slice::Over;
                }
                if start >= pass.starts.start {
                    if let Some(range) = self.confirm(text, start, end) {
                        pass.todo.start = stop;
                        return Slice::Found(range);
                    }
                }
            }
            // Needles may overlap (`aa` in `aaa`).
            at = next_boundary(text, m.start());
        }
        pass.todo.start = stop;
        if stop >= pass.todo.end {
            Slice::Over
        } else {
            Slice::More
        }
    }

    /// Reads one window (at most `room` bytes) back from the end of `pass.todo`, last
    /// needle first.
    fn backward_slice(
        &self,
        text: &str,
        pass: &mut Pass,
        room: usize,
        end: usize,
        window: &mut usize,
    ) -> Slice {
        let hi = pass.todo.end;
        let mut lo = crate::position::floor_char_boundary(
            text,
            hi.saturating_sub((*window).min(room)).max(pass.todo.start),
        );
        if lo == hi && lo > pass.todo.start {
            lo = prev_boundary(text, hi);
        }
        *window = (*window * 2).min(MAX_WINDOW);
        let hay = &text[..ceil_boundary(text, hi.saturating_add(self.needle_len).min(end))];
        let mut needles = Vec::new();
        let mut at = lo;
        while let Some(m) = self.needle.find_at(hay, at) {
            if m.start() >= hi {
                break;
            }
            needles.push(m.start());
            at = next_boundary(text, m.start());
        }
        pass.todo.end = lo;
        for &needle in needles.iter().rev() {
            // Earlier needles start their matches no later, and have no more text before them.
            let Some(start) = walk_back(text, needle, self.lead) else {
                return Slice::Over;
            };
            if start < pass.starts.start {
                return Slice::Over;
            }
            if start < pass.starts.end {
                if let Some(range) = self.confirm(text, start, end) {
                    return Slice::Found(range);
                }
            }
        }
        if lo <= pass.todo.start {
            Slice::Over
        } else {
            Slice::More
        }
    }
}

/// How rare `piece` is likely to be in prose: mostly how rare its rarest byte is (that is
/// what a literal search skips by), a little how long it is. `e q` is looked for by its
/// `q`, `the lighthouse` by its `lighthouse`.
fn rarity(piece: &str, ignore_case: bool) -> f64 {
    // Letters by how often they come in English prose, commonest first.
    const LETTERS: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";
    let byte = |b: u8| match LETTERS.iter().position(|&l| l == b.to_ascii_lowercase()) {
        Some(i) if b.is_ascii_uppercase() && !ignore_case => i as f64 / 5.0 + 2.0,
        Some(i) => i as f64 / 5.0,
        None if b.is_ascii_digit() => 4.0,
        None if b.is_ascii() => 3.0,
        // A byte of a character outside ASCII: rare in English, everywhere in other scripts.
        None => 2.0,
    };
    let rarest = piece.bytes().map(byte).fold(0.0, f64::max);
    rarest + 0.5 * piece.len().saturating_sub(1) as f64
}

/// Where a match whose needle starts at `at` must start: `lead` characters back, each
/// after any whitespace just before it. `None` when the text begins too soon.
fn walk_back(text: &str, mut at: usize, lead: usize) -> Option<usize> {
    for _ in 0..lead {
        let before = &text[..at];
        at = before.trim_end_matches(char::is_whitespace).len();
        at -= text[..at].chars().next_back()?.len_utf8();
    }
    Some(at)
}

/// The furthest a needle can be from a match starting at `at`: `lead` characters on,
/// each followed by any whitespace.
fn walk_forward(text: &str, mut at: usize, lead: usize) -> usize {
    for _ in 0..lead {
        let Some(c) = text[at..].chars().next() else {
            return at;
        };
        at += c.len_utf8();
        at = text.len() - text[at..].trim_start_matches(char::is_whitespace).len();
    }
    at
}

/// A line break the page joins with nothing, optional inside a word of the query.
const TIGHT_BREAK: &str = r"(?:[^\S\n]*\n\s*)?";

/// `word` cut into the pieces [`TIGHT_BREAK`] may come between: after a hyphen or dash
/// followed by something else, and between two CJK characters.
fn pieces(word: &str) -> Vec<String> {
    let (mut out, mut piece) = (Vec::new(), String::new());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        piece.push(c);
        if let Some(&next) = chars.peek() {
            let dash = matches!(c, '-' | '\u{2014}') && !matches!(next, '-' | '\u{2014}');
            if dash || (is_cjk(c) && is_cjk(next)) {
                out.push(std::mem::take(&mut piece));
            }
        }
    }
    out.push(piece);
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

fn prev_boundary(text: &str, at: usize) -> usize {
    crate::position::floor_char_boundary(text, at.saturating_sub(1))
}

fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

mod on_file;

#[cfg(test)]
mod tests;
