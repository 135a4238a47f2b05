//! A search under way: it goes a slice at a time, so that a long one never blocks a key.
//!
//! `/`, `n` and `N` start a [`Search`] and take its first step at once: a small book is
//! searched in that one step, as if search were instant. A longer search stays pending; the
//! shell calls [`Reader::step_search`] between polls for keys, the status bar says
//! `searching… 37 %`, and any key (Esc, say) cancels it with the place unchanged. Nothing
//! here needs a thread or a clock: a step is a number of bytes.

use super::indexed_search::Scope;
use super::{Action, Effect, Reader};
use crate::search::{FileSearch, Hit, Query, Search, Step};

/// Bytes a search reads per step. At memory speed that is a few milliseconds, so a key is
/// noticed at once; on a slow machine it is still well under a frame.
pub const SEARCH_STEP: usize = 32 << 20;

/// The reader's search in progress, if any.
#[derive(Debug)]
pub(super) struct Searching {
    pending: Option<Search>,
    /// Where the searched text is in memory, and its length: another document swapped in
    /// meanwhile (the file changed, say) ends the search, whose offsets are not its own.
    text: (usize, usize),
    step: usize,
    /// The search reads the text indexed so far rather than the window (see `indexed.rs`).
    indexed: Option<Scope>,
    /// The search reads the story from its file (see `on_file.rs`).
    on_file: Option<FileSearch>,
}

impl Default for Searching {
    fn default() -> Self {
        Self {
            pending: None,
            text: (0, 0),
            step: SEARCH_STEP,
            indexed: None,
            on_file: None,
        }
    }
}

impl Searching {
    /// Starts `search`, of the text indexed so far.
    pub(super) fn start_indexed(&mut self, search: Search, scope: Scope) {
        self.pending = Some(search);
        self.indexed = Some(scope);
    }

    /// Starts `search`, of the story read from its file.
    pub(super) fn start_on_file(&mut self, search: FileSearch) {
        self.stop();
        self.on_file = Some(search);
    }

    pub(super) fn on_file_mut(&mut self) -> Option<&mut FileSearch> {
        self.on_file.as_mut()
    }

    /// Ends the search under way.
    pub(super) fn stop(&mut self) {
        self.pending = None;
        self.indexed = None;
        self.on_file = None;
    }

    /// Ends a search of the text indexed so far, if one is under way: whether it was going
    /// forward.
    pub(super) fn take_indexed(&mut self) -> Option<bool> {
        self.indexed.take()?;
        self.pending.take().map(|s| s.forward())
    }

    pub(super) fn pending_mut(&mut self) -> Option<&mut Search> {
        self.pending.as_mut()
    }
}

impl Reader {
    /// Whether a search is under way, and how far it has got (0 to 99).
    pub fn searching(&self) -> Option<u8> {
        let progress = match (&self.searching.pending, &self.searching.on_file) {
            (Some(search), _) => search.progress(),
            (None, Some(search)) => search.progress(),
            (None, None) => return None,
        };
        Some(crate::saturating::u8_from_f64(
            (progress * 100.0).clamp(0.0, 99.0),
        ))
    }

    /// Bytes a search (or a count of matches) reads per step.
    pub(super) fn step_size(&self) -> usize {
        self.searching.step
    }

    /// Sets the bytes a search reads per step (`SEARCH_STEP` unless changed).
    pub fn set_search_step(&mut self, bytes: usize) {
        self.searching.step = bytes.max(1);
    }

    /// Takes the next step of the search under way, if there is one: the shell calls this
    /// while [`Reader::searching`] says one is, looking for keys between calls.
    pub fn step_search(&mut self) -> Effect {
        let before = self.place;
        self.search_step();
        self.refresh();
        if self.place == before {
            Effect::None
        } else {
            Effect::PlaceChanged
        }
    }

    /// Starts a search from `from` and takes its first step.
    pub(super) fn search(&mut self, query: &Query, from: usize, forward: bool) {
        // On a window of a big story, a match beyond it is looked for in the text indexed
        // so far.
        if self.partial.is_some()
            && !self.hit_in_window(query, from, forward)
            && (self.search_on_file(query, from, forward)
                || self.search_index(query, from, forward))
        {
            self.search_step();
            return;
        }
        self.searching.indexed = None;
        let search = query.search(self.doc.text(), self.doc.body(), from, forward);
        self.searching.pending = Some(search);
        self.searching.text = text_id(self.doc.text());
        self.search_step();
    }

    /// A key pressed while a search is under way cancels it and does nothing else: `true`
    /// when it did. Ticks and resizes let it go on; Ctrl-C still quits.
    pub(super) fn cancel_search(&mut self, action: &Action) -> bool {
        if self.searching().is_none()
            || matches!(action, Action::Tick | Action::Resize { .. } | Action::Quit)
        {
            return false;
        }
        self.searching.stop();
        self.say("search cancelled");
        true
    }

    fn search_step(&mut self) {
        if self.searching.on_file.is_some() {
            self.step_on_file();
            return;
        }
        if let Some(scope) = self.searching.indexed {
            self.step_indexed(scope);
            return;
        }
        if self.searching.pending.is_some() && self.searching.text != text_id(self.doc.text()) {
            self.searching.pending = None;
            self.say("search cancelled: the story changed");
        }
        let Some(search) = &mut self.searching.pending else {
            return;
        };
        match search.step(self.doc.text(), self.searching.step) {
            Step::Pending => {
                let pct = self.searching().unwrap_or(0);
                self.say(format!("searching… {pct} %"));
            }
            Step::Done(hit) => {
                let (query, forward) = (search.query().clone(), search.forward());
                self.searching.pending = None;
                // Found in a window, near its edge: shown on a window read around it.
                let base = self.partial.as_ref().map_or(0, |p| p.base);
                match hit {
                    Some(Hit { range, wrapped })
                        if !self.room_around(&(range.start + base..range.end + base)) =>
                    {
                        let range = range.start + base..range.end + base;
                        self.show_whole_hit(&query, forward, Hit { range, wrapped });
                    }
                    hit => self.show_hit(&query, forward, hit),
                }
            }
        }
    }

    /// Shows a finished search's match in the upper third of the page.
    pub(super) fn show_hit(&mut self, query: &Query, forward: bool, found: Option<Hit>) {
        let Some(hit) = found else {
            self.hit = None;
            self.say(format!("not found: {}", query.text()));
            return;
        };
        let h = self.page_height();
        let line = self.layout.line_start(&self.doc, hit.range.start);
        let top = self.layout.scroll(&self.doc, line, -((h / 3) as isize), h);
        // Near the end the page cannot scroll that far; the match is still on it.
        self.jump(top);
        if hit.wrapped {
            let end = if forward { "top" } else { "bottom" };
            self.say(format!("search wrapped to the {end}: {}", query.text()));
        } else {
            self.message = None;
        }
        self.count_matches(query, hit.range.start);
        self.hit = Some(hit.range);
    }
}

fn text_id(text: &str) -> (usize, usize) {
    (text.as_ptr() as usize, text.len())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{reader, type_text};
    use super::*;
    use crate::reader::PromptKind;

    /// A reader whose searches read `step` bytes a step, searching for `query`.
    fn searching_for(query: &str, step: usize) -> Reader {
        let mut r = reader();
        r.set_search_step(step);
        r.update(Action::OpenPrompt(PromptKind::Search));
        type_text(&mut r, query);
        r.update(Action::Submit);
        r
    }

    #[test]
    fn a_long_search_shows_its_progress_and_esc_cancels_it_with_the_place_unchanged() {
        let start = reader().place();
        let mut r = searching_for("number6x12", 500);
        let pct = r.searching().expect("still searching after one small step");
        assert_eq!(r.message(), Some(format!("searching… {pct} %").as_str()));
        assert_eq!(r.place(), start);
        r.step_search();
        assert!(r.searching().unwrap() > pct, "progress moves on");
        assert_eq!(r.update(Action::Cancel), Effect::None);
        assert_eq!(r.searching(), None);
        assert_eq!(r.place(), start);
        assert_eq!(r.hit(), None);
        assert_eq!(r.message(), Some("search cancelled"));
        assert_eq!(r.step_search(), Effect::None, "nothing left to step");
        assert_eq!(r.place(), start);
    }

    #[test]
    fn any_key_cancels_a_pending_search_and_does_nothing_else() {
        let start = reader().place();
        let mut r = searching_for("number6x12", 500);
        r.update(Action::Tick);
        r.update(Action::Resize {
            width: 70,
            height: 20,
        });
        assert!(r.searching().is_some(), "ticks and resizes let it go on");
        assert_eq!(r.update(Action::PageDown), Effect::None);
        assert_eq!(r.searching(), None);
        assert_eq!(r.place(), start, "the key only cancelled");
        assert_eq!(r.update(Action::Quit), Effect::Quit);
    }

    #[test]
    fn a_story_swapped_in_during_a_search_ends_it() {
        let mut r = searching_for("number6x12", 500);
        let start = r.place();
        r.replace_document(super::super::tests::story(6, 12));
        assert_eq!(r.step_search(), Effect::None);
        assert_eq!(r.searching(), None);
        assert_eq!(r.place(), start);
        assert_eq!(r.message(), Some("search cancelled: the story changed"));
    }

    #[test]
    fn a_search_in_small_steps_lands_where_one_step_does() {
        let mut whole = searching_for("number6x12", SEARCH_STEP);
        assert_eq!(
            whole.searching(),
            None,
            "a small book is searched in one step"
        );
        let mut r = searching_for("number6x12", 500);
        let mut effects = Vec::new();
        while r.searching().is_some() {
            effects.push(r.step_search());
        }
        assert_eq!(r.hit(), whole.hit());
        assert_eq!(r.place(), whole.place());
        assert_eq!(effects.last(), Some(&Effect::PlaceChanged));
        assert_eq!(r.message(), None);
        // `N` goes back the same way.
        whole.update(Action::SearchPrev);
        r.update(Action::SearchPrev);
        while r.searching().is_some() {
            r.step_search();
        }
        assert_eq!(r.hit(), whole.hit());
        assert_eq!(r.message(), whole.message());
    }
}
