//! Every match of the current search, not just the one jumped to: those on the page are
//! all highlighted, and the status bar says which of how many the current one is
//! (`3/41`), counted a slice at a time like a search (the same number of bytes a step),
//! so a big book never blocks a key.

use super::Reader;
use crate::search::Query;
use std::ops::Range;

/// The count of the current search's matches, as far as it has got.
#[derive(Debug, Default)]
pub(super) struct Count {
    query: Option<Query>,
    /// Where the count goes on from, and where it stops.
    at: usize,
    end: usize,
    /// Matches counted so far, and how many of them start before the current one.
    total: usize,
    before: usize,
    /// Start of the current match.
    hit: usize,
    done: bool,
}

impl Reader {
    /// Which match of how many the current one is: `(3, Some(41))`, or `(.., None)` while
    /// they are still being counted. `None` without a current match.
    pub fn match_number(&self) -> Option<(usize, Option<usize>)> {
        self.hit.as_ref()?;
        let c = &self.tally;
        c.query.as_ref()?;
        Some(match c.done {
            true => (c.before + 1, Some(c.total)),
            false if c.at > c.hit => (c.before + 1, None),
            false => (0, None),
        })
    }

    /// Whether matches are still being counted (the shell then calls
    /// [`Reader::step_count`] between keys).
    pub fn counting(&self) -> bool {
        self.tally.query.is_some() && !self.tally.done
    }

    /// Counts the next slice of matches.
    pub fn step_count(&mut self) {
        let Some(query) = self.tally.query.clone() else {
            return;
        };
        let step = self.step_size();
        let text = self.doc.text();
        let c = &mut self.tally;
        let stop = (c.at + step).min(c.end);
        let within = c.at..c.end;
        let mut from = c.at;
        while let Some(m) = query.next(text, within.clone(), from) {
            if m.wrapped || m.range.start >= stop {
                break;
            }
            c.total += 1;
            if m.range.start < c.hit {
                c.before += 1;
            }
            from = next_char(text, m.range.start);
        }
        c.at = stop.max(from.min(c.end));
        if c.at >= c.end {
            c.done = true;
        }
    }

    /// Starts counting the matches of `query` around the current match (which starts at
    /// `hit`); the first slice is counted at once, so a small book's count is ready.
    pub(super) fn count_matches(&mut self, query: &Query, hit: usize) {
        // On a window of the story the count would be the window's: none until it is whole.
        if self.partial.is_some() {
            self.tally = Count::default();
            return;
        }
        let same = self
            .tally
            .query
            .as_ref()
            .is_some_and(|q| q.text() == query.text())
            && self.tally.done;
        if same {
            // The same search, another match: only its number changes.
            let before = self.count_before(query, hit);
            self.tally.before = before;
            self.tally.hit = hit;
            return;
        }
        let body = self.doc.body();
        self.tally = Count {
            query: Some(query.clone()),
            at: body.start,
            end: body.end,
            hit,
            ..Count::default()
        };
        self.step_count();
    }

    /// Matches of `query` that start before `hit` (a pass over the text before it; only
    /// asked for a book whose matches were counted in one step).
    fn count_before(&self, query: &Query, hit: usize) -> usize {
        let text = self.doc.text();
        let body = self.doc.body();
        let mut n = 0;
        let mut from = body.start;
        while let Some(m) = query.next(text, body.start..hit.min(body.end), from) {
            if m.wrapped {
                break;
            }
            n += 1;
            from = next_char(text, m.range.start);
        }
        n
    }

    /// The matches of the current search that start on the page, for highlighting.
    pub fn page_matches(&self) -> Vec<Range<usize>> {
        let Some(query) = &self.query else {
            return Vec::new();
        };
        if self.hit.is_none() {
            return Vec::new();
        }
        let text = self.doc.text();
        let start = self.place;
        let end = self
            .page
            .last()
            .map_or(start, |l| l.range.end)
            .min(text.len());
        let mut out = Vec::new();
        let mut from = start;
        while let Some(m) = query.next(text, start..end, from) {
            if m.wrapped || out.len() > 200 {
                break;
            }
            from = next_char(text, m.range.start);
            out.push(m.range);
        }
        out
    }
}

/// The char boundary after `at`.
fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len(), |c| at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{reader, type_text};
    use super::super::{Action, PromptKind, Reader};

    fn search(r: &mut Reader, query: &str) {
        r.update(Action::OpenPrompt(PromptKind::Search));
        type_text(r, query);
        r.update(Action::Submit);
    }

    #[test]
    fn the_status_says_which_match_of_how_many() {
        let mut r = reader();
        // "lamp-post" is in every one of the 72 paragraphs.
        search(&mut r, "lamp-post");
        assert_eq!(r.match_number(), Some((1, Some(72))));
        r.update(Action::SearchNext);
        assert_eq!(r.match_number(), Some((2, Some(72))));
        r.update(Action::SearchPrev);
        assert_eq!(r.match_number(), Some((1, Some(72))));
    }

    #[test]
    fn matches_are_counted_a_slice_at_a_time() {
        let mut r = reader();
        r.set_search_step(700);
        search(&mut r, "lamp-post");
        // The search itself may take steps too.
        while r.searching().is_some() {
            r.step_search();
        }
        assert!(r.counting(), "a small step leaves the count unfinished");
        assert_eq!(r.match_number().map(|m| m.1), Some(None));
        let mut steps = 0;
        while r.counting() {
            r.step_count();
            steps += 1;
        }
        assert!(steps > 3, "{steps}");
        assert_eq!(r.match_number(), Some((1, Some(72))));
    }

    #[test]
    fn every_match_on_the_page_is_found_for_highlighting() {
        let mut r = reader();
        search(&mut r, "gulls");
        let on_page = r.page_matches();
        let page_end = r.page().last().unwrap().range.end;
        let text = r.document().text();
        let want = text[r.place()..page_end].matches("gulls").count();
        assert!(want >= 2, "{want}");
        assert_eq!(on_page.len(), want);
        assert!(on_page.iter().all(|m| &text[m.clone()] == "gulls"));
    }

    #[test]
    fn after_moving_away_n_searches_from_the_page_not_from_the_last_match() {
        let mut r = reader();
        search(&mut r, "quay");
        let first = r.hit().unwrap();
        for _ in 0..10 {
            r.update(Action::PageDown);
        }
        let top = r.place();
        assert!(top > first.end);
        r.update(Action::SearchNext);
        let next = r.hit().unwrap();
        assert!(
            next.start >= top,
            "n went back to {next:?}, before the page at {top}"
        );
        // And N from a page far from the match finds the last one before the page.
        for _ in 0..10 {
            r.update(Action::PageDown);
        }
        let top = r.place();
        r.update(Action::SearchPrev);
        let prev = r.hit().unwrap();
        assert!(prev.start < top);
        let text = r.document().text();
        assert!(
            !text[prev.end..top].contains("quay"),
            "the nearest one before the page"
        );
    }
}
