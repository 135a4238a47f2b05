//! Searching the part of a big story indexed so far (see `indexed.rs`): a search whose
//! match lies beyond the window is looked for there, a slice at a time like any other, and
//! its match gone to on a new window. One that finds nothing there waits for the whole
//! story, and meanwhile goes on by itself as more of the story is indexed: a bounded slice
//! of the newly indexed text each time the shell polls (never on a key).

use super::indexed::{Sought, Then, Wanted};
use super::{Action, Mode, PromptKind, Reader};
use crate::document::indexed::{LEAD, MARGIN};
use crate::search::{Hit, Query, Step};
use std::ops::Range;

/// What an indexed search was started on: the length of the text it reads and the
/// reading's generation (a restart in another encoding ends it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scope {
    len: usize,
    generation: u64,
    /// Where the search started (a byte of the whole text).
    from: usize,
}

/// A forward search that found nothing in the text indexed so far, waiting for the whole
/// story, which goes on by itself as more of it is indexed (see [`Reader::index_grew`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Retry {
    query: Sought,
    /// Where its match may start, at the earliest (a byte of the whole text).
    from: usize,
    /// Matches ending by here are known not to be there...
    searched: usize,
    /// ...in the text of this reading (a restart in another encoding starts it again).
    generation: u64,
}

/// Bytes of newly indexed text a waiting search reads per poll of the shell: a few
/// milliseconds (the indexing adds about as much between two polls).
const RETRY_STEP: usize = 16 << 20;

impl Reader {
    /// Shows `hit` (offsets of the whole text): in the window when it holds the whole
    /// match with room around it (see [`Reader::room_around`]), with no other read (a
    /// match that starts before the window's first line and ends in it is read at its
    /// start), else on a window read at its start.
    pub(super) fn show_whole_hit(&mut self, query: &Query, forward: bool, hit: Hit) {
        let room = self.room_around(&hit.range);
        let Some(p) = &mut self.partial else {
            return;
        };
        if room {
            super::indexed::supersede_moves(p);
            let base = p.base;
            let range = hit.range.start - base..hit.range.end - base;
            let wrapped = hit.wrapped;
            return self.show_hit(query, forward, Some(Hit { range, wrapped }));
        }
        p.wanted = Some(Wanted {
            at: hit.range.start,
            then: Then::Hit {
                query: Sought(query.clone()),
                range: hit.range,
                forward,
                wrapped: hit.wrapped,
            },
        });
    }

    /// Whether the window holds `range` of the whole text and the text a window read for
    /// it would hold either side of it, so that the page shown around it is the whole
    /// story's: a match near the window's start would be shown lower on the page, the
    /// lines above it cut off. (Not on a window, the whole story holds everything; on a
    /// window with no index to read another from, a piped story's, holding it will do.)
    pub(super) fn room_around(&self, range: &Range<usize>) -> bool {
        let Some(p) = &self.partial else {
            return true;
        };
        let (base, end) = (p.base, p.base + self.doc.text().len());
        let inside = base <= range.start && range.end <= end;
        if self.index().is_none() {
            return inside;
        }
        let before = base == 0 || range.start >= base + LEAD;
        let after = end >= self.text_len() || range.end + LEAD <= end;
        inside && before && after
    }

    /// Whether a search from byte `from` of the window (forward, or back) can be answered
    /// from the text indexed so far.
    pub(super) fn index_answers(&self, from: usize) -> bool {
        let Some(index) = self.index() else {
            return false;
        };
        let from = self.partial.as_ref().map_or(0, |p| p.base) + from;
        let part = index.read();
        part.searchable().is_some_and(|s| from <= s.end)
    }

    /// Starts a search of the text indexed so far from byte `from` of the window, when it
    /// can be answered there: `true` when it was started.
    pub(super) fn search_index(&mut self, query: &Query, from: usize, forward: bool) -> bool {
        let Some(index) = self.index() else {
            return false;
        };
        let from = self.partial.as_ref().map_or(0, |p| p.base) + from;
        let part = index.read();
        let Some(within) = part.searchable().filter(|s| from <= s.end) else {
            return false;
        };
        let hay = &part.text()[..within.end];
        // A match found by wrapping round is not the whole story's: forward, the text
        // before the place is not read at all.
        let within = match forward {
            true => from.max(within.start)..within.end,
            false => within,
        };
        let search = query.search(hay, within.clone(), from, forward);
        self.searching.start_indexed(
            search,
            Scope {
                len: within.end,
                generation: part.generation,
                from,
            },
        );
        true
    }

    /// The next step of a search of the text indexed so far.
    pub(super) fn step_indexed(&mut self, scope: Scope) {
        let Some(index) = self.index() else {
            self.searching.stop();
            return;
        };
        let part = index.read();
        let budget = self.step_size();
        let Some(search) = self.searching.pending_mut() else {
            return;
        };
        let (forward, query) = (search.forward(), search.query().clone());
        let gone =
            part.gone || part.generation != scope.generation || part.text().len() < scope.len;
        let step = match gone {
            true => Step::Done(None),
            false => search.step(&part.text()[..scope.len], budget),
        };
        drop(part);
        match step {
            Step::Pending => {
                let pct = self.searching().unwrap_or(0);
                self.say(format!("searching… {pct} %"));
            }
            // The text was handed on to the whole story, which comes at once.
            Step::Done(_) if gone => {
                self.searching.stop();
                self.wait_for_whole(match forward {
                    true => Action::SearchNext,
                    false => Action::SearchPrev,
                });
            }
            Step::Done(hit) => {
                self.searching.stop();
                self.indexed_hit(&query, (forward, scope), hit);
            }
        }
    }

    /// A search of the text indexed so far is done: its match is gone to, on a new window
    /// if need be; none (or only one found by wrapping round) waits for the whole story.
    fn indexed_hit(&mut self, query: &Query, (forward, scope): (bool, Scope), hit: Option<Hit>) {
        let Some(p) = &mut self.partial else {
            return;
        };
        match hit.filter(|h| !h.wrapped) {
            Some(hit) => self.show_whole_hit(query, forward, hit),
            None => {
                let action = match forward {
                    true => Action::SearchNext,
                    false => Action::SearchPrev,
                };
                let progress = match p.sized {
                    true => format!(" ({} %)", p.progress),
                    false => String::new(),
                };
                p.waiting.push(action);
                p.retry = forward.then(|| Retry {
                    query: Sought(query.clone()),
                    from: scope.from,
                    searched: scope.len,
                    generation: scope.generation,
                });
                self.say(format!(
                    "reading the whole story{progress}: no match in the part read so far…"
                ));
            }
        }
    }

    /// The query and start of `action` when it is a forward search (`n`, or `/` submitted).
    pub(super) fn forward_search(&self, action: &Action) -> Option<(Query, usize)> {
        match (action, &self.mode) {
            (Action::SearchNext, Mode::Reading) => {
                Some((self.query.clone()?, self.search_from(true)))
            }
            (Action::Submit, Mode::Prompt(p)) if p.kind == PromptKind::Search => {
                Some((Query::new(&p.input)?, self.place))
            }
            _ => None,
        }
    }

    /// A forward search (`/`, `n`) from byte `from` of the window waits for more of the
    /// story: it goes on by itself as more is indexed.
    pub(super) fn retry_later(&mut self, query: Query, from: usize) {
        let generation = self.index().map_or(0, |i| i.read().generation);
        if let Some(p) = &mut self.partial {
            let from = p.base + from;
            p.retry = Some(Retry {
                query: Sought(query),
                from,
                searched: from,
                generation,
            });
        }
    }

    /// More of the story may have been indexed (the shell calls this as it polls): a
    /// forward search waiting for it reads a slice of the new text, and on a match goes
    /// there (on a new window: see [`Reader::wanted_window`]) and waits no more.
    pub fn index_grew(&mut self) {
        let retry = match &self.partial {
            Some(p) if p.wanted.is_none() && self.searching().is_none() => p.retry.clone(),
            _ => None,
        };
        let (Some(mut retry), Some(index)) = (retry, self.index()) else {
            return;
        };
        let part = index.read();
        if part.generation != retry.generation {
            (retry.searched, retry.generation) = (retry.from, part.generation);
        }
        let Some(within) = part.searchable().filter(|s| s.end > retry.searched) else {
            return;
        };
        let text = part.text();
        let resume = retry.searched.saturating_sub(MARGIN).max(retry.from);
        let resume = crate::position::floor_char_boundary(text, resume.max(within.start));
        let end = crate::position::floor_char_boundary(text, within.end.min(resume + RETRY_STEP));
        let query = &retry.query.0;
        let hit = query
            .search(&text[..end], resume..end, resume, true)
            .finish(&text[..end]);
        drop(part);
        let Some(p) = &mut self.partial else {
            return;
        };
        let Some(hit) = hit.filter(|h| !h.wrapped) else {
            p.retry = Some(Retry {
                searched: end,
                ..retry
            });
            return;
        };
        p.retry = None;
        // It waits no more: the search waiting (the last) is taken back, and its prompt
        // closed if it stayed open.
        let waited = p
            .waiting
            .iter()
            .rposition(|a| matches!(a, Action::SearchNext | Action::Submit));
        if let Some(at) = waited {
            p.waiting.remove(at);
        }
        if matches!(&self.mode, Mode::Prompt(p) if p.kind == PromptKind::Search) {
            self.mode = Mode::Reading;
        }
        self.query = Some(retry.query.0.clone());
        let scope = Scope {
            len: end,
            generation: retry.generation,
            from: retry.from,
        };
        self.indexed_hit(&retry.query.0, (true, scope), Some(hit));
        self.refresh();
    }
}
