//! Finding the blocks of a text while it is still arriving (a big story read in the
//! background), with exactly the result [`detect`] gives on the whole of it.
//!
//! Groups of lines end at blank lines and are classified one by one, and the statistics'
//! [`Gatherer`] forgets the previous line at a blank one (the argument `halves` makes for
//! two threads). So the text is classified stretch by stretch, each ending after an empty
//! line (`\n\n`), with statistics guessed from the file's samples ([`Evidence`]) while
//! the real ones are tallied on the way. At the end the guess is checked as [`detect`]
//! checks its own: when the real statistics answer every question the same way, the
//! stretches' blocks are the result (the groups that looked up repeated capital lines
//! classified again where the answer differs); otherwise the whole is classified again.
//!
//! The ends need care. The story proper starts after a Project Gutenberg header, which is
//! known once the first `gutenberg` window of text has arrived: nothing is classified
//! before. It ends before a footer, known only at the end: the last stretches (those that
//! could reach into the footer) are kept undone-able, with what each added to the tally,
//! so that the end is classified again up to the footer alone.

use super::fence;
use super::stats::{Gatherer, Stats};
use super::{attach_subtitles, classify, classify_halves, redo_caps, Evidence, Redo};
use super::{Block, Summary, PARALLEL_FROM};
use crate::document::gutenberg;
use std::collections::HashMap;
use std::ops::Range;

/// How far before the end of the text a footer can start (see [`gutenberg::body`]):
/// stretches ending further back than this from the end are never undone.
const FOOTER_REACH: usize = 64 << 10;

/// Blocks found so far in a text that grows at its end (see the module's docs).
pub struct Growing<'e> {
    guess: Stats<'e>,
    /// Where the story proper starts, once known.
    start: Option<usize>,
    /// Classified so far: up to here (a line start after a blank line).
    done: usize,
    /// Looked at for a blank line, in vain, up to this line end: the next look starts
    /// here rather than at `done` (a story with few blank lines is not searched again
    /// from the same place on every call).
    looked: usize,
    blocks: Vec<Block>,
    redos: Vec<Redo>,
    tally: Tally,
    /// The state before each recent stretch, oldest first, to undo the end with.
    marks: Vec<Mark>,
}

/// The state before a stretch starting at `at`, and what the stretch added to the tally.
struct Mark {
    at: usize,
    blocks: usize,
    redos: usize,
    asked: usize,
    added: Tally,
}

/// The real statistics' counts so far, owned (the text they were read from is only lent
/// one stretch at a time): what a [`Gatherer`] over all the stretches would hold.
struct Tally {
    hist: [u32; 257],
    caps: HashMap<String, u32>,
    continued: u64,
    capitals: u64,
    ideographic: u64,
    one_line: u64,
}

impl Tally {
    fn new() -> Self {
        Self {
            hist: [0; 257],
            caps: HashMap::new(),
            continued: 0,
            capitals: 0,
            ideographic: 0,
            one_line: 0,
        }
    }

    /// What `g` gathered over a stretch; `last`: the stretch ends the body (so its last
    /// line is the body's, as [`Gatherer::finish`] counts it).
    fn of(g: Gatherer, last: bool) -> Self {
        let end = u64::from(last && g.prev.is_some_and(|p| p.ideographic_indent(g.text)));
        Self {
            hist: g.hist,
            caps: g.caps.into_iter().map(|(t, n)| (t.to_owned(), n)).collect(),
            continued: g.continued,
            capitals: g.capitals,
            ideographic: g.ideographic + end,
            one_line: g.one_line + end,
        }
    }

    /// Adds `other`'s counts, or takes them away again (`undo`).
    fn add(&mut self, other: &Tally, undo: bool) {
        fn step<T: std::ops::AddAssign + std::ops::SubAssign>(a: &mut T, b: T, undo: bool) {
            match undo {
                false => *a += b,
                true => *a -= b,
            }
        }
        for (a, &b) in self.hist.iter_mut().zip(&other.hist) {
            step(a, b, undo);
        }
        for (t, &n) in &other.caps {
            let count = self.caps.entry(t.clone()).or_default();
            step(count, n, undo);
            if *count == 0 {
                self.caps.remove(t);
            }
        }
        step(&mut self.continued, other.continued, undo);
        step(&mut self.capitals, other.capitals, undo);
        step(&mut self.ideographic, other.ideographic, undo);
        step(&mut self.one_line, other.one_line, undo);
    }

    /// The statistics these counts make.
    fn stats(&self) -> Stats<'_> {
        let mut g = Gatherer::new("");
        g.hist = self.hist;
        g.caps = self.caps.iter().map(|(t, &n)| (t.as_str(), n)).collect();
        g.continued = self.continued;
        g.capitals = self.capitals;
        g.ideographic = self.ideographic;
        g.one_line = self.one_line;
        g.finish()
    }
}

/// Where the last blank line of `bytes[from..]` ends (after its `\n`): a line that is
/// empty, or spaces and tabs only (blank to the classifier too: see
/// `SourceLine::measure`), both its `\n`s at or after `from`. Lines are looked at from
/// the end, so the cost is the distance back to that line.
fn last_blank_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut after: Option<usize> = None;
    for at in memchr::memrchr_iter(b'\n', &bytes[from..]).map(|i| from + i) {
        if let Some(end) = after {
            if bytes[at + 1..end].iter().all(|&b| b == b' ' || b == b'\t') {
                return Some(end + 1);
            }
        }
        after = Some(at);
    }
    None
}

impl<'e> Growing<'e> {
    /// Nothing classified yet; stretches will be classified with `evidence` (from the
    /// whole file's samples; with none, the defaults, checked all the same).
    pub fn new(evidence: &'e Evidence) -> Self {
        let guess = match &evidence.known {
            Some(summary) => Stats::from_summary(summary),
            None => Stats::from_runs(&evidence.text, &evidence.runs),
        };
        Self {
            guess,
            start: None,
            done: 0,
            looked: 0,
            blocks: Vec::new(),
            redos: Vec::new(),
            tally: Tally::new(),
            marks: Vec::new(),
        }
    }

    /// `text` is the whole text so far (each call's starts with the last's): classifies
    /// it up to its last empty line. Returns how far the blocks now reach.
    pub fn grow(&mut self, text: &str) -> usize {
        let start = match self.start {
            Some(start) => start,
            None => match gutenberg::start_once_known(text, false) {
                Some(start) => *self.start.insert(start),
                None => return 0,
            },
        };
        let from = self.done.max(start);
        let bytes = text.as_bytes();
        let lo = from.max(self.looked).min(bytes.len());
        let Some(p) = last_blank_end(bytes, lo) else {
            self.looked = memchr::memrchr(b'\n', &bytes[lo..]).map_or(lo, |i| lo + i);
            return self.done;
        };
        // A stretch never ends where fenced code could reach across its end (see
        // `fence`): the next call, with more text, looks again.
        if !fence::clear_before(bytes, p) {
            return self.done;
        }
        self.stretch(text, from..p, false);
        self.done = p;
        // Marks older than the last one a footer could reach back past are not needed.
        let keep_from = self.marks.iter().rposition(|m| m.at + FOOTER_REACH <= p);
        if let Some(k) = keep_from {
            self.marks.drain(..k);
        }
        p
    }

    /// The blocks found so far (whole-text offsets, subtitles not yet attached).
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Classifies `text[range]` with the guess, tallying its lines.
    fn stretch(&mut self, text: &str, range: Range<usize>, last: bool) {
        let (at, asked) = (range.start, self.guess.probe.borrow().caps.len());
        let mut g = Gatherer::new(text);
        let (blocks, redos) = classify(text, range, &self.guess, Some(&mut g));
        let added = Tally::of(g, last);
        self.tally.add(&added, false);
        self.marks.push(Mark {
            at,
            blocks: self.blocks.len(),
            redos: self.redos.len(),
            asked,
            added,
        });
        let before = self.blocks.len();
        self.redos.extend(redos.into_iter().map(|r| Redo {
            blocks: r.blocks.start + before..r.blocks.end + before,
            ..r
        }));
        self.blocks.extend(blocks);
    }

    /// `text` is the whole text: the blocks of its body (see [`gutenberg::body`]),
    /// exactly as [`super::detect`] finds them, and the statistics they were classified
    /// by (as [`super::detect_summarised`] gives them).
    pub fn finish(mut self, text: &str) -> (Vec<Block>, Summary) {
        let body = gutenberg::body(text);
        if self.start.is_some_and(|s| s != body.start) {
            // Cannot happen (the start was decided on whole lines): the sure way anyway.
            return super::detect_summarised(text, body);
        }
        self.start = Some(body.start);
        if self.done > body.end {
            // Undo the stretches that reach past the body's end (into a footer).
            let Some(k) = self.marks.iter().rposition(|m| m.at <= body.end) else {
                return super::detect_summarised(text, body);
            };
            for undone in self.marks.drain(k + 1..) {
                self.tally.add(&undone.added, true);
            }
            let Some(mark) = self.marks.pop() else {
                return super::detect_summarised(text, body);
            };
            self.tally.add(&mark.added, true);
            self.blocks.truncate(mark.blocks);
            self.redos.truncate(mark.redos);
            self.guess.probe.borrow_mut().caps.truncate(mark.asked);
            self.done = mark.at;
        }
        let from = self.done.max(body.start);
        self.stretch(text, from..body.end, true);
        let real = self.tally.stats();
        let mut out = match self.guess.agrees(&real) {
            true => {
                let mut out = self.blocks;
                redo_caps(text, &self.guess, &real, self.redos, &mut out);
                out
            }
            false => {
                // The blocks found so far go before the whole is found again: a
                // gigabyte's two lists would not be held at once.
                drop(self.blocks);
                classify_halves(text, body, &real, None, PARALLEL_FROM).0
            }
        };
        attach_subtitles(text, &mut out);
        (out, real.summary())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{detect_summarised, Evidence};
    use super::{last_blank_end, Growing};
    use crate::document::gutenberg;
    use proptest::prelude::*;

    /// Pieces of every shape classification tells apart, the Project Gutenberg markers,
    /// and blank lines of every count.
    const PIECES: &[&str] = &[
        "The lamp had burned low by the time the carrier reached the bridge,\n\
         and the river below it ran loud with the rain of three whole days.\n\
         He stopped.\n",
        "A short line\nOf verse here\nAnd more\n",
        "CHAPTER IV\n",
        "The Harbour.\n",
        "HAMLET\n",
        "Words, words, words.\n",
        "* * *\n",
        "\u{3000}吾輩は猫である。名前はまだ無い。\n「どこで生れたか」\n",
        "    The first paragraph begins here with an indent and runs on to\n\
         the full width of the page before it finally comes to a stop.\n\
         \x20   And the next one starts at once, indented as the first was.\n",
        "Name      Age     Town\nAlice     31      Leeds\nBob       42      York\n",
        "A line far too long to have been wrapped by any tool that wraps lines at a column, \
         which goes on and on and on past any width a typist would have chosen for it.\n",
        "\n",
        "\n\n",
        "  \n",
        " \t \n",
        "%\n",
        "Getting started\n---------------\n",
        "37\n",
        "```sh\n# Build it\n\nmake\n```\n",
        "~~~\n",
    ];

    /// About 40 to 250 KB (past the first `gutenberg` window, which must arrive before
    /// anything is classified), with a Project Gutenberg header and footer, or not.
    fn text() -> impl Strategy<Value = String> {
        let picks = prop::collection::vec((0..PIECES.len(), any::<bool>()), 400..2500);
        let marker = prop::option::of(0usize..200);
        (picks, marker.clone(), marker).prop_map(|(picks, header, footer)| {
            let mut s = String::new();
            let n = picks.len();
            for (k, (i, blank)) in picks.into_iter().enumerate() {
                if header == Some(k) {
                    s.push_str("*** START OF THE PROJECT GUTENBERG EBOOK A TALE ***\n");
                }
                if footer.is_some_and(|f| f + 1 == n - k) {
                    s.push_str("*** END OF THE PROJECT GUTENBERG EBOOK A TALE ***\n");
                }
                s.push_str(PIECES[i]);
                if blank {
                    s.push('\n');
                }
            }
            s
        })
    }

    #[test]
    fn the_last_blank_line_may_hold_spaces_and_tabs_and_must_lie_past_from() {
        let text = b"one\n\ntwo\n \t \nthree\nfour \nfive\n";
        assert_eq!(
            last_blank_end(text, 0),
            Some(13),
            "after the line of spaces"
        );
        assert_eq!(last_blank_end(text, 8), Some(13));
        assert_eq!(
            last_blank_end(text, 9),
            None,
            "its first \\n is before `from`"
        );
        assert_eq!(last_blank_end(b"no blank\nline here\n", 0), None);
        assert_eq!(last_blank_end(b"", 0), None);
    }

    #[test]
    fn a_story_without_empty_lines_is_cut_at_its_lines_of_spaces() {
        let mut text = String::new();
        for n in 0..3000 {
            text.push_str(&format!(
                "Paragraph {n} of a story set with spaces between.\n   \n"
            ));
        }
        let evidence = Evidence::default();
        let mut growing = Growing::new(&evidence);
        let half = text[..text.len() / 2].rfind('\n').unwrap() + 1;
        assert!(growing.grow(&text[..half]) > 0, "classified before the end");
        growing.grow(&text);
        let body = gutenberg::body(&text);
        assert_eq!(growing.finish(&text), detect_summarised(&text, body));
    }

    fn floor(text: &str, mut at: usize) -> usize {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// Runs of whole lines of `text` at `picks` (fractions of its length), as samples.
    fn evidence(text: &str, picks: &[(u16, u16)]) -> Evidence {
        let mut evidence = Evidence::default();
        for &(at, len) in picks {
            let from = floor(text, usize::from(at) * text.len() / 65536);
            let Some(start) = text[from..].find('\n').map(|i| from + i + 1) else {
                continue;
            };
            let to = floor(text, (start + usize::from(len)).min(text.len()));
            if let Some(end) = text[to..].find('\n').map(|i| to + i + 1) {
                evidence.push(&text[start..end]);
            }
        }
        evidence
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Fed the text in any growing prefixes, with any evidence, the blocks are
        /// exactly those one pass over the whole text finds.
        #[test]
        fn blocks_found_as_the_text_grows_are_those_of_one_pass(
            text in text(),
            cuts in prop::collection::vec(any::<u16>(), 0..12),
            picks in prop::collection::vec((any::<u16>(), 0u16..4096), 0..8),
        ) {
            let evidence = evidence(&text, &picks);
            let mut growing = Growing::new(&evidence);
            let mut cuts: Vec<usize> =
                cuts.iter().map(|&c| floor(&text, usize::from(c) * text.len() / 65536)).collect();
            cuts.sort_unstable();
            for cut in cuts {
                growing.grow(&text[..cut]);
            }
            let want = detect_summarised(&text, gutenberg::body(&text));
            prop_assert_eq!(growing.finish(&text), want);
        }
    }

    /// A footer that starts inside the last stretch classified: the stretch is undone
    /// and classified again up to the footer.
    #[test]
    fn a_footer_inside_the_last_stretch_is_left_out() {
        let prose = PIECES[0].to_owned() + "\n";
        let text = prose.repeat(2000)
            + "The last words.\n*** END OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\nLicence.\n\n";
        let evidence = Evidence::default();
        let mut growing = Growing::new(&evidence);
        assert_eq!(growing.grow(&text), text.len());
        let want = detect_summarised(&text, gutenberg::body(&text));
        assert_eq!(growing.finish(&text), want);
    }
}
