//! What the whole document tells about its own layout: the statistics blocks are
//! decided by, gathered in one pass or guessed from samples and checked.

use super::scan::for_each_line;
use super::shape::SourceLine;
use super::*;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What the whole document tells about its own layout.
#[derive(Debug)]
pub(super) struct Stats<'t> {
    /// Width of a full hard-wrapped line, or [`DEFAULT_WRAP`].
    pub(super) wrap: usize,
    /// Short capital lines that occur several times (speaker names, running heads).
    pub(super) repeated_caps: HashSet<&'t str>,
    /// Whether most continued lines start with a capital, as in poetry. In prose only
    /// names and "I" do, so a few capitals in a row there prove nothing.
    pub(super) capitalised: bool,
    /// Japanese with one line per paragraph (Aozora Bunko style): lines indented with an
    /// ideographic space are followed by another such line, a dialogue line (`「`, `『`)
    /// or a blank, not by continuation lines. Each dialogue line is then a paragraph.
    pub(super) one_line_japanese: bool,
    /// What classification asked of these statistics (see [`Stats::agrees`]).
    pub(super) probe: RefCell<Probe>,
    /// Whether the questions are recorded in `probe`: not where no answer will be
    /// checked (see [`Stats::unprobed`]).
    probed: bool,
}

/// `Stats` owned, to be kept with a book once its whole story has been classified: a
/// window of the story opened later is classified with them, and so looks exactly as the
/// whole story did, without samples of the file read first (see `Evidence::known`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub wrap: usize,
    pub capitalised: bool,
    pub one_line_japanese: bool,
    /// Sorted, so that the same story always gives the same summary.
    pub repeated_caps: Vec<String>,
}

/// The questions classification asked of a guessed [`Stats`]: the answers are all that
/// the result depends on, so the guess was as good as the real statistics when those
/// give the same answers.
#[derive(Debug, Default)]
pub(super) struct Probe {
    /// Widths (capped at 255) compared with the "full line" and "too long" thresholds.
    pub(super) vs_full: [u64; 4],
    pub(super) vs_too_long: [u64; 4],
    /// Whether centring was judged for an indented line (which depends on the wrap).
    pub(super) centred: bool,
    /// Line widths compared with the column (a group's own column near the document's?).
    pub(super) vs_column: [u64; 4],
    /// Widths used up by a line and the next word, measured against the column.
    pub(super) vs_room: [u64; 4],
    /// Whether a decision turned on `capitalised`, on `one_line_japanese`.
    pub(super) capitalised: bool,
    pub(super) japanese: bool,
    /// Capital lines looked up in `repeated_caps`, as byte ranges of the text.
    pub(super) caps: Vec<Range<usize>>,
}

impl Probe {
    /// Adds the questions recorded in `other` (asked after those in `self`).
    pub(super) fn absorb(&mut self, other: Probe) {
        for (a, b) in self.vs_full.iter_mut().zip(other.vs_full) {
            *a |= b;
        }
        for (a, b) in self.vs_too_long.iter_mut().zip(other.vs_too_long) {
            *a |= b;
        }
        self.centred |= other.centred;
        for (a, b) in self.vs_column.iter_mut().zip(other.vs_column) {
            *a |= b;
        }
        for (a, b) in self.vs_room.iter_mut().zip(other.vs_room) {
            *a |= b;
        }
        self.capitalised |= other.capitalised;
        self.japanese |= other.japanese;
        self.caps.extend(other.caps);
    }
}

pub(super) fn set_bit(set: &mut [u64; 4], w: usize) {
    let w = w.min(255);
    set[w / 64] |= 1 << (w % 64);
}

pub(super) fn bits(set: &[u64; 4]) -> impl Iterator<Item = usize> + '_ {
    (0..256).filter(|&w| set[w / 64] >> (w % 64) & 1 == 1)
}

/// Number and size of the samples [`Stats::sample`] reads.
pub(super) const SAMPLES: usize = 64;
pub(super) const SAMPLE_LEN: usize = 64 * 1024;
/// How far a sample looks for a line end before giving up on its place.
pub(super) const SAMPLE_REACH: usize = 1 << 20;

impl<'t> Stats<'t> {
    /// The statistics of all of `text[body]`.
    pub(super) fn gather(text: &'t str, body: Range<usize>) -> Self {
        let mut g = Gatherer::new(text);
        for_each_line(text, body, |line| g.line(line));
        g.finish()
    }

    /// The statistics of `runs` of whole lines of `text`, each read on its own (runs of a
    /// document's lines gathered elsewhere: see `Evidence`).
    pub(super) fn from_runs(text: &'t str, runs: &[Range<usize>]) -> Self {
        let mut g = Gatherer::new(text);
        for run in runs {
            for_each_line(text, run.clone(), |line| g.line(line));
            g.prev = None;
        }
        g.finish()
    }

    /// A guess at [`Stats::gather`] from `samples` runs of whole lines (about `len`
    /// bytes each) spread evenly over `text[body]`.
    pub(super) fn sample(text: &'t str, body: Range<usize>, samples: usize, len: usize) -> Self {
        let bytes = &text.as_bytes()[..body.end];
        let line_end_after = |at: usize| {
            let reach = bytes.len().min(at + SAMPLE_REACH);
            bytes[at..reach]
                .iter()
                .position(|&b| b == b'\n')
                .map(|i| at + i)
        };
        let mut g = Gatherer::new(text);
        let step = body.len() / samples;
        for i in 0..samples {
            let at = body.start + i * step;
            let start = if i == 0 {
                Some(at)
            } else {
                line_end_after(at).map(|nl| nl + 1)
            };
            let Some(start) = start.filter(|&s| s < body.end) else {
                continue;
            };
            let end = if start + len >= body.end {
                body.end
            } else {
                let Some(end) = line_end_after(start + len) else {
                    continue;
                };
                end
            };
            for_each_line(text, start..end, |line| g.line(line));
            g.prev = None;
        }
        g.finish()
    }

    /// The statistics `summary` holds (see [`Summary`]).
    pub(super) fn from_summary(summary: &'t Summary) -> Self {
        Self {
            wrap: summary.wrap,
            repeated_caps: summary.repeated_caps.iter().map(String::as_str).collect(),
            capitalised: summary.capitalised,
            one_line_japanese: summary.one_line_japanese,
            probe: RefCell::default(),
            probed: true,
        }
    }

    /// These statistics, asking which records nothing: for a classification whose
    /// questions are never checked against other statistics (`--print`'s windows), so
    /// that each costs no more than its answer.
    pub(super) fn unprobed(self) -> Self {
        Self {
            probed: false,
            ..self
        }
    }

    /// Records a question asked (see [`Probe`]), unless nothing is recorded.
    #[inline]
    fn ask(&self, record: impl FnOnce(&mut Probe)) {
        if self.probed {
            record(&mut self.probe.borrow_mut());
        }
    }

    /// These statistics, owned (see [`Summary`]).
    pub(super) fn summary(&self) -> Summary {
        let mut repeated_caps: Vec<String> =
            self.repeated_caps.iter().map(|&t| t.to_owned()).collect();
        repeated_caps.sort_unstable();
        Summary {
            wrap: self.wrap,
            capitalised: self.capitalised,
            one_line_japanese: self.one_line_japanese,
            repeated_caps,
        }
    }

    /// The same statistics with nothing asked yet, for another thread.
    pub(super) fn fork(&self) -> Self {
        Self {
            wrap: self.wrap,
            repeated_caps: self.repeated_caps.clone(),
            capitalised: self.capitalised,
            one_line_japanese: self.one_line_japanese,
            probe: RefCell::default(),
            probed: true,
        }
    }

    /// Lines at least this wide are "full": a hard wrap, not an author's line break.
    pub(super) fn full(&self) -> usize {
        self.wrap * 3 / 4
    }

    /// Lines wider than this cannot have been hard-wrapped: the break after them is real.
    pub(super) fn too_long(&self) -> usize {
        self.wrap * 5 / 4 + 5
    }

    /// Whether a line of `width` columns is short of [`Stats::full`].
    pub(super) fn is_short(&self, width: usize) -> bool {
        self.ask(|p| set_bit(&mut p.vs_full, width));
        width < self.full()
    }

    /// Whether a line of `width` columns is wider than [`Stats::too_long`].
    pub(super) fn is_too_long(&self, width: usize) -> bool {
        self.ask(|p| set_bit(&mut p.vs_too_long, width));
        width > self.too_long()
    }

    pub(super) fn is_centred(&self, line: &SourceLine, t: &str) -> bool {
        if line.indent >= 8 {
            self.ask(|p| p.centred = true);
        }
        shape::is_centred(line, t, self.wrap)
    }

    /// Whether a group whose lines reach `width` columns is near the document's column
    /// (within 15%), so that its own column can be trusted.
    pub(super) fn reaches_column(&self, width: usize) -> bool {
        self.ask(|p| set_bit(&mut p.vs_column, width));
        width * 20 >= self.wrap * 17
    }

    /// The fit test against the document's column: a line and the next word take `used`
    /// columns. Returns the score of the room left (see `evidence::room_score`) and the
    /// room itself.
    pub(super) fn room_for(&self, used: usize) -> (i32, i64) {
        self.ask(|p| set_bit(&mut p.vs_room, used));
        let room = self.wrap as i64 - used as i64;
        (super::evidence::room_score(room), room)
    }

    /// A line in capitals met three times or more: a play's speaker, a song's refrain, a
    /// running head. Not a numbered title of some words ("I. THE BURIAL OF THE DEAD"),
    /// which a poem's contents, its text and its notes may each give: no speaker is
    /// named so.
    pub(super) fn is_repeated_caps(&self, line: &SourceLine, t: &str) -> bool {
        self.ask(|p| p.caps.push(line.content..line.end));
        self.repeated_caps.contains(cue(t)) && !is_numbered_title(t)
    }

    pub(super) fn is_capitalised(&self) -> bool {
        self.ask(|p| p.capitalised = true);
        self.capitalised
    }

    pub(super) fn is_one_line_japanese(&self) -> bool {
        self.ask(|p| p.japanese = true);
        self.one_line_japanese
    }

    /// Whether `real` answers every question classification asked of `self` the same
    /// way, so that classifying with `real` would give the same blocks; all but which
    /// capital lines repeat, which the caller checks group by group.
    pub(super) fn agrees(&self, real: &Stats) -> bool {
        let p = self.probe.borrow();
        bits(&p.vs_full).all(|w| (w < self.full()) == (w < real.full()))
            && bits(&p.vs_too_long).all(|w| (w > self.too_long()) == (w > real.too_long()))
            && (!p.centred || self.wrap == real.wrap)
            && bits(&p.vs_column).all(|w| (w * 20 >= self.wrap * 17) == (w * 20 >= real.wrap * 17))
            && bits(&p.vs_room).all(|u| {
                let room = |wrap: usize| evidence::room_score(wrap as i64 - u as i64);
                // A width of 255 stands for every width from 255 up: far past any column.
                u >= 255 || room(self.wrap) == room(real.wrap)
            })
            && (!p.capitalised || self.capitalised == real.capitalised)
            && (!p.japanese || self.one_line_japanese == real.one_line_japanese)
    }
}

/// Gathers [`Stats`] one line at a time.
pub(super) struct Gatherer<'t> {
    pub(super) text: &'t str,
    /// Widths of lines followed by another non-blank line: in hard-wrapped prose these
    /// crowd just under the wrap width.
    pub(super) hist: [u32; 257],
    pub(super) caps: HashMap<&'t str, u32>,
    pub(super) prev: Option<SourceLine>,
    pub(super) continued: u64,
    pub(super) capitals: u64,
    /// Lines with an ideographic indent, and how many of them end their paragraph.
    pub(super) ideographic: u64,
    pub(super) one_line: u64,
}

impl<'t> Gatherer<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Self {
            text,
            hist: [0; 257],
            caps: HashMap::new(),
            prev: None,
            continued: 0,
            capitals: 0,
            ideographic: 0,
            one_line: 0,
        }
    }

    /// The next line (`None` when blank).
    #[inline]
    pub(super) fn line(&mut self, line: Option<SourceLine>) {
        let text = self.text;
        if let Some(p) = self.prev {
            if p.ideographic_indent(text) {
                self.ideographic += 1;
                self.one_line += u64::from(line.is_none_or(|l| l.starts_japanese_paragraph(text)));
            }
            if let Some(l) = line {
                self.hist[p.width.min(256)] += 1;
                self.continued += 1;
                let first = super::cues::first_letter(l.text(text));
                self.capitals += u64::from(first.is_some_and(char::is_uppercase));
            }
        }
        if let Some(l) = line {
            let t = l.text(text);
            if t.len() <= 60 && shape::is_caps_title(t) {
                *self.caps.entry(cue(t)).or_default() += 1;
            }
        }
        self.prev = line;
    }

    /// Adds the lines `other` saw, which came after an empty line ending `self`'s.
    pub(super) fn absorb(&mut self, other: Gatherer<'t>) {
        for (a, b) in self.hist.iter_mut().zip(other.hist) {
            *a += b;
        }
        for (t, n) in other.caps {
            *self.caps.entry(t).or_default() += n;
        }
        self.prev = other.prev;
        self.continued += other.continued;
        self.capitals += other.capitals;
        self.ideographic += other.ideographic;
        self.one_line += other.one_line;
    }

    pub(super) fn finish(mut self) -> Stats<'t> {
        if self.prev.is_some_and(|p| p.ideographic_indent(self.text)) {
            self.ideographic += 1;
            self.one_line += 1;
        }
        Stats {
            wrap: dominant_width(&self.hist),
            repeated_caps: self
                .caps
                .into_iter()
                .filter_map(|(t, n)| (n >= 3).then_some(t))
                .collect(),
            capitalised: self.capitals * 2 >= self.continued.max(1),
            one_line_japanese: self.ideographic >= 2 && self.one_line * 10 >= self.ideographic * 8,
            probe: RefCell::default(),
            probed: true,
        }
    }
}

/// A number and a title after it: "V. WHAT THE THUNDER SAID", "II. THE CARRIER". A
/// play numbers its speakers in figures ("1. CITIZEN", "2. GENTLEMAN OF VERONA"), so
/// after figures a title has three words or more.
fn is_numbered_title(t: &str) -> bool {
    let Some(n) = heading::roman_led(t) else {
        return false;
    };
    let least = if t.starts_with(|c: char| c.is_ascii_digit()) {
        3
    } else {
        2
    };
    t[n.title_at..].split_whitespace().count() >= least
}

/// A line in capitals as it counts for repeating: without a screenplay's extension after
/// a speaker's name (`TOBIEL (O.S.)`, `AMMIEL (CONT'D)` are `TOBIEL`, `AMMIEL`).
pub(super) fn cue(t: &str) -> &str {
    match t.strip_suffix(')').and_then(|t| t.rfind(" (")) {
        Some(at) if at > 0 => t[..at].trim_end(),
        _ => t,
    }
}

/// The width under which 90% of continued lines fall, if that looks like a hard wrap
/// (40 to 120 columns, with enough lines to tell, and 40% of them within five columns
/// under it); otherwise [`DEFAULT_WRAP`].
pub(super) fn dominant_width(hist: &[u32; 257]) -> usize {
    let total: u64 = hist.iter().map(|&n| u64::from(n)).sum();
    if total < 8 {
        return DEFAULT_WRAP;
    }
    let mut seen = 0u64;
    for (w, &n) in hist.iter().enumerate() {
        seen += u64::from(n);
        if seen * 10 >= total * 9 {
            // A wrapping tool fills lines to its column: most end within a short word of
            // it (80-90% in novels). Verse of even lengths crowds under a width too, but
            // loosely (10-30% within five columns), and a cast list not at all.
            let crowd: u64 = hist[w.saturating_sub(5)..=w]
                .iter()
                .map(|&n| u64::from(n))
                .sum();
            return if (40..=120).contains(&w) && crowd * 5 >= total * 2 {
                w
            } else {
                DEFAULT_WRAP
            };
        }
    }
    DEFAULT_WRAP
}
