//! Finding the story's blocks in one linear pass.
//!
//! Two steps over the lines, both linear and allocation-free per line:
//! 1. `Stats`: the document's own habits: how wide its hard-wrapped lines are, and which
//!    short capital lines repeat (a play's speaker names, not titles). On a long text
//!    these are first guessed from samples and checked afterwards, so the text is
//!    usually read once (see [`detect`]).
//! 2. Groups of non-blank lines (between blank lines, or scene-break lines such as a
//!    quotation file's `%`) are classified one by one: scene break, heading, table,
//!    paragraph (reflowable) or verse (line breaks kept). A group is first split where a
//!    block visibly starts without a blank line: an indented line after a finished
//!    sentence in typewriter prose, an ideographic-space indent (Japanese), a line after
//!    one too long to have been hard-wrapped that ended a sentence, an attribution, the
//!    next numbered verse, a speaker opening a speech, a stage direction, a section number.
//!    Then each piece is prose or verse by the evidence of its line breaks
//!    (`evidence::soft_score`: would the next word have fitted before the wrap column in
//!    force? line-start capitals, line-end punctuation), see `evidence::prose_or_verse`.
//!    Where a block starts inside a group is decided in `starts`; what a line's first
//!    and last words say, in `cues`.
//!
//! When the evidence is weak the author's line breaks are kept (verse): a wrongly joined
//! poem is unreadable, a wrongly kept prose line break is merely ragged. Which lines of a
//! verse block continue the line above (hanging lines) is decided in
//! `crate::document::verse`; `dogear::breaks` writes every decision out.
//!
//! Every block is a byte range from its first line's start (indentation included) to its
//! last line's end (trailing spaces and the `\n` excluded), except pieces of an over-long
//! block: see `split` for how blocks longer than [`MAX_BLOCK`] bytes are cut, and how the
//! layout recognises a continuation (no `\n` between two blocks).
//!
//! Speed: this runs on every line of a 200 MB file when it opens, so lines are found and
//! measured eight or sixteen bytes at a time (`scan_line`); a line without wide characters has
//! its width from that scan, and ASCII lines never see a Unicode table. A long body is
//! classified in two halves on two threads, cut at an empty line so that the result is
//! exactly the one-thread result (see `halves`).

mod bylines;
mod bytes;
mod cast;
mod columns;
pub(crate) mod cues;
pub(crate) mod evidence;
mod fence;
mod growing;
mod halves;
mod headed;
pub mod heading;
pub(crate) mod margin_titles;
mod numbered_titles;
mod scan;
pub(crate) mod shape;
mod speakers;
mod split;
mod stamps;
mod starts;
mod stats;
mod tabular;

pub use growing::Growing;
pub use split::MAX_BLOCK;

use super::quote;
use super::{Block, BlockKind};
use halves::{classify_halves, PARALLEL_FROM};
use headed::{is_heading_group, is_margin_heading, is_setext, UNDER_TITLE, UNDER_TITLE_MAX};
use scan::for_each_line;
use shape::SourceLine;
pub use stats::Summary;
use stats::{Gatherer, Stats, SAMPLES, SAMPLE_LEN};
use std::ops::Range;
use tabular::is_tabular;

/// Line width assumed when the document is not hard-wrapped (or too short to tell).
const DEFAULT_WRAP: usize = 72;

/// Bodies at least this long get their statistics guessed from a sample first, so the
/// text is usually read once, not twice (see [`detect`]).
const SPECULATE_FROM: usize = 8 << 20;

/// Finds the blocks of `text[body]`. `body` must lie on char boundaries.
///
/// Classifying needs the whole document's `Stats`, which takes a pass of its own. On a
/// long text that pass is skipped in the usual case: the blocks are classified with
/// statistics guessed from samples while the real ones are gathered on the way; when the
/// two agree (as they do when the document is consistent) the result is exactly what the
/// real statistics give, and otherwise the classification is run again with them.
pub fn detect(text: &str, body: Range<usize>) -> Vec<Block> {
    detect_summarised(text, body).0
}

/// [`detect`], and the statistics the blocks were classified by (see [`Summary`]).
pub fn detect_summarised(text: &str, body: Range<usize>) -> (Vec<Block>, Summary) {
    let (mut out, summary) = classify_all(
        text,
        body,
        SPECULATE_FROM,
        (SAMPLES, SAMPLE_LEN),
        PARALLEL_FROM,
    );
    attach_subtitles(text, &mut out);
    (out, summary)
}

/// What a whole document says about its own layout, gathered from runs of whole lines of
/// its text found elsewhere: samples spread over a file, read before the file is. A
/// window of a big story is classified with this evidence (see [`detect_with`]), as the
/// whole story will be, rather than with the window's own.
///
/// Or, for a story classified whole before, the statistics it was classified by
/// ([`Evidence::known`]): then a window looks exactly as the whole story will.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    text: String,
    runs: Vec<Range<usize>>,
    known: Option<Summary>,
    /// The statistics of `runs`, gathered for the first window classified with them and
    /// kept for the next (`--print` classifies hundreds of windows of a big story).
    gathered: std::sync::OnceLock<Summary>,
}

impl Evidence {
    /// Adds a run of whole lines (normalised text, ending with a line end).
    pub fn push(&mut self, run: &str) {
        self.gathered = std::sync::OnceLock::new();
        let start = self.text.len();
        self.text.push_str(run);
        self.runs.push(start..self.text.len());
    }

    /// The statistics a story was classified by when it was read whole (see
    /// [`detect_summarised`]).
    pub fn known(summary: Summary) -> Self {
        Self {
            known: Some(summary),
            ..Self::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.known.is_none()
    }
}

/// The blocks of `text[body]` classified with `evidence` gathered elsewhere (see
/// [`Evidence`]); with none, [`detect`].
pub fn detect_with(text: &str, body: Range<usize>, evidence: &Evidence) -> Vec<Block> {
    if evidence.is_empty() {
        return detect(text, body);
    }
    let summary = evidence.known.as_ref().unwrap_or_else(|| {
        evidence
            .gathered
            .get_or_init(|| Stats::from_runs(&evidence.text, &evidence.runs).summary())
    });
    // Nothing speculates here: no question needs recording.
    let stats = Stats::from_summary(summary).unprobed();
    let mut out = classify(text, body, &stats, None).0;
    attach_subtitles(text, &mut out);
    out
}

/// [`detect`] on one thread: the reference the two-thread pass must equal.
pub fn detect_sequential(text: &str, body: Range<usize>) -> Vec<Block> {
    detect_speculating(
        text,
        body,
        SPECULATE_FROM,
        (SAMPLES, SAMPLE_LEN),
        usize::MAX,
    )
}

/// [`detect`] with its size thresholds given: texts at least `speculate_from` bytes
/// long are classified with statistics guessed from `sample` (how many, how long bytes),
/// on two threads from `parallel_from` bytes on. Tests take the long-text paths on short
/// texts with it.
#[doc(hidden)]
pub fn detect_with_thresholds(
    text: &str,
    body: Range<usize>,
    speculate_from: usize,
    sample: (usize, usize),
    parallel_from: usize,
) -> Vec<Block> {
    detect_speculating(text, body, speculate_from, sample, parallel_from)
}

/// [`detect`], speculating from `speculate_from` bytes on with `sample` (how many, how
/// long) samples, on two threads from `parallel_from` bytes on.
fn detect_speculating(
    text: &str,
    body: Range<usize>,
    speculate_from: usize,
    sample: (usize, usize),
    parallel_from: usize,
) -> Vec<Block> {
    let mut out = classify_all(text, body, speculate_from, sample, parallel_from).0;
    attach_subtitles(text, &mut out);
    out
}

/// [`detect_speculating`] before the pass over the finished blocks; and the statistics
/// the blocks were classified by.
fn classify_all(
    text: &str,
    body: Range<usize>,
    speculate_from: usize,
    sample: (usize, usize),
    parallel_from: usize,
) -> (Vec<Block>, Summary) {
    if body.len() < speculate_from {
        let stats = Stats::gather(text, body.clone());
        return (classify(text, body, &stats, None).0, stats.summary());
    }
    let guess = Stats::sample(text, body.clone(), sample.0, sample.1);
    let mut real = Gatherer::new(text);
    let (mut out, redos) =
        classify_halves(text, body.clone(), &guess, Some(&mut real), parallel_from);
    let real = real.finish();
    let summary = real.summary();
    if !guess.agrees(&real) {
        return (
            classify_halves(text, body, &real, None, parallel_from).0,
            summary,
        );
    }
    redo_caps(text, &guess, &real, redos, &mut out);
    (out, summary)
}

/// A sample cannot know which capital lines repeat: the groups that asked (`redos`) are
/// classified again where the `real` answer differs from the `guess`'s.
fn redo_caps(text: &str, guess: &Stats, real: &Stats, redos: Vec<Redo>, out: &mut Vec<Block>) {
    let caps = &guess.probe.borrow().caps;
    for redo in redos.into_iter().rev() {
        let differs = caps[redo.asked].iter().any(|r| {
            let t = stats::cue(&text[r.clone()]);
            guess.repeated_caps.contains(t) != real.repeated_caps.contains(t)
        });
        if differs {
            let again = classify(text, redo.lines, real, None).0;
            out.splice(redo.blocks, again);
        }
    }
}

/// A numbered heading with no title of its own ("CHAPTER 1") takes the short title line
/// that follows it after a blank line ("The Harbour.") as part of the heading. Done over
/// the finished blocks, so that where the text was cut for two threads cannot matter.
/// A list's entries are put back in it first (see [`cast`]), and a play's speakers
/// among its speeches (see [`speakers`]); a collection's titles set at the margin over
/// its poems are made headings (see [`margin_titles`]).
fn attach_subtitles(text: &str, blocks: &mut Vec<Block>) {
    cast::keep_entries(text, blocks);
    speakers::keep_speakers(text, blocks);
    speakers::keep_speeches(text, blocks);
    margin_titles::mark(text, blocks);
    numbered_titles::mark(text, blocks);
    bylines::credit(text, blocks);
    // Last: the passes above know a play's one-line speeches as paragraphs.
    columns::keep_rows(text, blocks);
    for i in 1..blocks.len() {
        let (before, rest) = blocks.split_at_mut(i);
        let (prev, block) = (&before[i - 1], &mut rest[0]);
        if prev.kind != BlockKind::Heading || block.kind != BlockKind::Paragraph {
            continue;
        }
        let t = text[block.range()].trim_start();
        let heading = text[prev.range()].trim();
        if !t.contains('\n')
            && heading::numbered(heading).is_some_and(|n| !n.has_title(heading))
            && heading::is_subtitle(t)
            && !heading::is_false_heading(t)
        {
            block.kind = BlockKind::Heading;
        }
    }
}

/// A group of lines whose classification looked up repeated capital lines.
struct Redo {
    /// The group, from its first line's start to its last line's end.
    lines: Range<usize>,
    /// The blocks it became.
    blocks: Range<usize>,
    /// Its lookups, as indices into the probe's `caps`.
    asked: Range<usize>,
}

/// Classifies every group of lines of `text[body]`, feeding the lines to `gather` too
/// (and then noting the groups that looked up repeated capital lines).
fn classify<'t>(
    text: &'t str,
    body: Range<usize>,
    stats: &Stats,
    mut gather: Option<&mut Gatherer<'t>>,
) -> (Vec<Block>, Vec<Redo>) {
    let speculating = gather.is_some();
    let mut out = Vec::new();
    let mut redos = Vec::new();
    let mut group: Vec<SourceLine> = Vec::new();
    let mut finish_group = |group: &mut Vec<SourceLine>, out: &mut Vec<Block>| {
        let (blocks, asked) = (out.len(), stats.probe.borrow().caps.len());
        classify_group(text, stats, group, out);
        let now_asked = stats.probe.borrow().caps.len();
        if speculating && now_asked > asked {
            if let (Some(first), Some(last)) = (group.first(), group.last()) {
                redos.push(Redo {
                    lines: first.start..last.end,
                    blocks: blocks..out.len(),
                    asked: asked..now_asked,
                });
            }
        }
        group.clear();
    };
    // Inside fenced code: where the block started, and where its closing line starts.
    let mut fenced: Option<(usize, usize)> = None;
    let limit = body.end;
    for_each_line(text, body, |line| {
        if let Some(g) = gather.as_deref_mut() {
            g.line(line);
        }
        match (line, fenced) {
            (Some(line), Some((start, close))) if line.start == close => {
                split::push_bounded(&mut out, text, BlockKind::Verse, start..line.end);
                fenced = None;
            }
            (_, Some(_)) => {}
            (Some(line), None) => match fence::closing(text, &line, limit) {
                Some(close) => {
                    finish_group(&mut group, &mut out);
                    fenced = Some((line.start, close));
                }
                None => group.push(line),
            },
            (None, None) => finish_group(&mut group, &mut out),
        }
    });
    finish_group(&mut group, &mut out);
    (out, redos)
}

fn push(out: &mut Vec<Block>, text: &str, kind: BlockKind, lines: &[SourceLine]) {
    if let (Some(first), Some(last)) = (lines.first(), lines.last()) {
        split::push_bounded(out, text, kind, first.start..last.end);
    }
}

/// Classifies one run of non-blank lines (between blank lines) into blocks.
fn classify_group(text: &str, stats: &Stats, group: &[SourceLine], out: &mut Vec<Block>) {
    // A scene break inside a group (a quotation file's `%`) separates as a blank line does;
    // a rule right under a title underlines it (a setext heading). A title stands apart:
    // a rule under the last line of a paragraph or a stanza closes it (an epigraph's
    // rule), and that line stays in it.
    let mut group = group;
    if group.len() > 1 {
        while let Some(at) = (0..group.len()).position(|i| {
            shape::is_scene_break(group[i].text(text)) && !in_mark_run(text, group, i)
        }) {
            match at.checked_sub(1) {
                Some(0) if is_setext(text, &group[0], &group[at]) => {
                    push(out, text, BlockKind::Heading, &group[..at]);
                }
                _ => classify_section(text, stats, &group[..at], out),
            }
            push(out, text, BlockKind::SceneBreak, &group[at..=at]);
            group = &group[at + 1..];
        }
    }
    classify_section(text, stats, group, out);
}

/// Whether the break-like line `group[i]` (`#`, `%`) only continues a run of lines of
/// text that start with its mark: every neighbour it has in the group is one (the empty
/// line of a block of `#` comments), so it separates nothing. (A row of breaks, `* * *`
/// over `* * * *`, is breaks.)
fn in_mark_run(text: &str, group: &[SourceLine], i: usize) -> bool {
    let Some(&mark) = group[i].text(text).as_bytes().first() else {
        return false;
    };
    let starts = |l: &SourceLine| {
        let t = l.text(text);
        t.as_bytes().first() == Some(&mark) && !shape::is_scene_break(t)
    };
    let (before, after) = (i.checked_sub(1).map(|j| &group[j]), group.get(i + 1));
    (before.is_some() || after.is_some()) && before.is_none_or(starts) && after.is_none_or(starts)
}

/// In a group never hard-wrapped (see [`starts::is_unwrapped`]), whether `line` ends
/// its paragraph: it ends a sentence, or it is too long to be anything but a paragraph
/// of its own (one that stops on a dash still ends there). Shorter lines that stop
/// mid-phrase are kept with the next, as verse.
fn ends_paragraph(text: &str, stats: &Stats, line: &SourceLine) -> bool {
    shape::ends_sentence(line.text(text)) || stats.is_too_long(line.width)
}

/// Classifies lines with no blank line and no scene break among them into blocks.
fn classify_section(text: &str, stats: &Stats, group: &[SourceLine], out: &mut Vec<Block>) {
    // A section number on the line above its first stanza or paragraph ("37").
    if let [number, rest @ ..] = group {
        if !rest.is_empty() && shape::is_section_number(number.text(text)) {
            push(out, text, BlockKind::Heading, &group[..1]);
            return classify_section(text, stats, rest, out);
        }
    }
    // A speaker's name alone above the speech: the name keeps its line, and the speech
    // under it is read line by line as verse is (hard-wrapped prose there goes on as a
    // hanging line, see `crate::document::verse`).
    if let [name, rest @ ..] = group {
        if !rest.is_empty() && is_speaker_line(text, stats, name) {
            return push(out, text, BlockKind::Verse, group);
        }
    }
    // A title at the margin over text indented under it, no blank line between (a
    // manual's "NAME" over "       bash - GNU Bourne-Again SHell"): the title is a
    // heading, and the text under it is read on its own.
    if let [title, rest @ ..] = group {
        if !rest.is_empty()
            && title.indent <= 2
            && rest.iter().all(|l| {
                (UNDER_TITLE..=UNDER_TITLE_MAX).contains(&(l.indent - title.indent.min(l.indent)))
            })
            && is_margin_heading(text, stats, title, rest)
        {
            push(out, text, BlockKind::Heading, &group[..1]);
            return classify_section(text, stats, rest, out);
        }
    }
    match group {
        [] => {}
        [line] => push(out, text, single_kind(text, stats, line, true), group),
        _ if is_heading_group(text, stats, group) => push(out, text, BlockKind::Heading, group),
        _ if is_tabular(text, group)
            || starts::is_bulleted_list(text, group)
            || stamps::is_records(text, group) =>
        {
            push(out, text, BlockKind::Verse, group);
        }
        _ => {
            let base = group.iter().map(|l| l.indent).min().unwrap_or(0);
            let wrap = evidence::local_wrap(stats, group);
            let typewriter = starts::is_typewriter(text, stats, group, base, wrap);
            let unwrapped = starts::is_unwrapped(text, stats, group);
            // A label over hard-wrapped prose, no blank line between ("Method" over a
            // recipe's steps): the label is a line of its own.
            let labelled = starts::is_label_over_prose(text, stats, &group[0], &group[1..]);
            let mut from = 0;
            for i in 1..=group.len() {
                if i == group.len()
                    || labelled && i == 1
                    || unwrapped && ends_paragraph(text, stats, &group[i - 1])
                    || starts::starts_paragraph(
                        text,
                        stats,
                        group,
                        i,
                        wrap,
                        typewriter.then_some(base),
                    )
                {
                    let piece = &group[from..i];
                    match piece {
                        [line] => push(out, text, single_kind(text, stats, line, false), piece),
                        // Quoted lines keep their quote marks at their starts, and the
                        // lines of a group never hard-wrapped are the author's.
                        [line, ..] if unwrapped || quote::depth(line.text(text)) > 0 => {
                            push(out, text, BlockKind::Verse, piece);
                        }
                        _ => push(
                            out,
                            text,
                            evidence::prose_or_verse(text, stats, piece, wrap),
                            piece,
                        ),
                    }
                    from = i;
                }
            }
        }
    }
}

/// The kind of a paragraph of one line. `alone` is true between blank lines, false at a
/// typewriter paragraph boundary (where an indent means a paragraph, not centring).
fn single_kind(text: &str, stats: &Stats, line: &SourceLine, alone: bool) -> BlockKind {
    let t = line.text(text);
    if shape::is_scene_break(t) || alone && shape::is_motif_break(t) {
        BlockKind::SceneBreak
    } else if is_heading_line(text, stats, line)
        || alone && stats.is_centred(line, t) && !heading::is_false_heading(t)
    {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

/// A heading by its words ("CHAPTER IV", "Actus Primus.", "The Book of Ruth") or a
/// line in capitals that is neither a play's repeated speaker name nor a letter's
/// signature, a short speech or a song's label (see [`heading::is_false_heading`]).
fn is_heading_line(text: &str, stats: &Stats, line: &SourceLine) -> bool {
    let t = line.text(text);
    // Cheapest refusal first: most lines of a book are long.
    if t.len() > 100 && !t.starts_with(['［', '#']) {
        return false;
    }
    // Four columns in, a `#` line is indented code (Markdown's rule), not a heading.
    if line.indent > 3 && t.starts_with('#') {
        return false;
    }
    shape::is_titled_heading(t)
        || shape::is_caps_title(t)
            && !heading::is_false_heading(t)
            && !stats.is_repeated_caps(line, t)
        || heading::is_book_title(t)
}

/// A play's speaker alone on a line: a short name in capitals (words, no numbers or
/// brackets) that repeats through the story; in a screenplay, maybe with its extension
/// (`TOBIEL (O.S.)`).
fn is_speaker_line(text: &str, stats: &Stats, line: &SourceLine) -> bool {
    let t = stats::cue(line.text(text));
    t.len() <= 30
        && shape::is_caps_title(t)
        && t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'))
        && stats.is_repeated_caps(line, t)
}

#[cfg(test)]
mod tests;
