//! Finding the story's blocks in one linear pass.
//!
//! Two steps over the lines, both linear and allocation-free per line:
//! 1. [`Stats`]: the document's own habits: how wide its hard-wrapped lines are, and which
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
//!    ([`evidence::soft_score`]: would the next word have fitted before the wrap column in
//!    force? line-start capitals, line-end punctuation), see [`prose_or_verse`].
//!
//! When the evidence is weak the author's line breaks are kept (verse): a wrongly joined
//! poem is unreadable, a wrongly kept prose line break is merely ragged. Which lines of a
//! verse block continue the line above (hanging lines) is decided in
//! [`crate::document::verse`]; `dogear::document::breaks` writes every decision out.
//!
//! Every block is a byte range from its first line's start (indentation included) to its
//! last line's end (trailing spaces and the `\n` excluded), except pieces of an over-long
//! block: see [`split`] for how blocks longer than [`MAX_BLOCK`] bytes are cut, and how the
//! layout recognises a continuation (no `\n` between two blocks).
//!
//! Speed: this runs on every line of a 200 MB file when it opens, so lines are found and
//! measured eight or sixteen bytes at a time (`scan_line`); a line without wide characters has
//! its width from that scan, and ASCII lines never see a Unicode table. A long body is
//! classified in two halves on two threads, cut at an empty line so that the result is
//! exactly the one-thread result (see [`halves`]).

pub(crate) mod evidence;
mod halves;
pub mod heading;
mod scan;
pub(crate) mod shape;
mod split;
mod stats;

pub use split::MAX_BLOCK;

use super::{Block, BlockKind};
use halves::{classify_halves, PARALLEL_FROM};
use scan::for_each_line;
use shape::Line;
use stats::{Gatherer, Stats, SAMPLES, SAMPLE_LEN};
use std::ops::Range;

/// Line width assumed when the document is not hard-wrapped (or too short to tell).
const DEFAULT_WRAP: usize = 72;

/// Bodies at least this long get their statistics guessed from a sample first, so the
/// text is usually read once, not twice (see [`detect`]).
const SPECULATE_FROM: usize = 8 << 20;

/// Finds the blocks of `text[body]`. `body` must lie on char boundaries.
///
/// Classifying needs the whole document's [`Stats`], which takes a pass of its own. On a
/// long text that pass is skipped in the usual case: the blocks are classified with
/// statistics guessed from samples while the real ones are gathered on the way; when the
/// two agree (as they do when the document is consistent) the result is exactly what the
/// real statistics give, and otherwise the classification is run again with them.
pub fn detect(text: &str, body: Range<usize>) -> Vec<Block> {
    detect_with(
        text,
        body,
        SPECULATE_FROM,
        (SAMPLES, SAMPLE_LEN),
        PARALLEL_FROM,
    )
}

/// [`detect`] on one thread: the reference the two-thread pass must equal.
pub fn detect_sequential(text: &str, body: Range<usize>) -> Vec<Block> {
    detect_with(
        text,
        body,
        SPECULATE_FROM,
        (SAMPLES, SAMPLE_LEN),
        usize::MAX,
    )
}

/// [`detect`], speculating from `speculate_from` bytes on with `sample` (how many, how
/// long) samples, on two threads from `parallel_from` bytes on.
fn detect_with(
    text: &str,
    body: Range<usize>,
    speculate_from: usize,
    sample: (usize, usize),
    parallel_from: usize,
) -> Vec<Block> {
    let mut out = classify_all(text, body, speculate_from, sample, parallel_from);
    attach_subtitles(text, &mut out);
    out
}

/// [`detect_with`] before the pass over the finished blocks.
fn classify_all(
    text: &str,
    body: Range<usize>,
    speculate_from: usize,
    sample: (usize, usize),
    parallel_from: usize,
) -> Vec<Block> {
    if body.len() < speculate_from {
        let stats = Stats::gather(text, body.clone());
        return classify(text, body, &stats, None).0;
    }
    let guess = Stats::sample(text, body.clone(), sample.0, sample.1);
    let mut real = Gatherer::new(text);
    let (mut out, redos) =
        classify_halves(text, body.clone(), &guess, Some(&mut real), parallel_from);
    let real = real.finish();
    if !guess.agrees(&real) {
        return classify_halves(text, body, &real, None, parallel_from).0;
    }
    // A sample cannot know which capital lines repeat: the groups that asked are
    // classified again where the real answer differs.
    let caps = &guess.probe.borrow().caps;
    for redo in redos.into_iter().rev() {
        let differs = caps[redo.asked].iter().any(|r| {
            let t = &text[r.clone()];
            guess.repeated_caps.contains(t) != real.repeated_caps.contains(t)
        });
        if differs {
            let again = classify(text, redo.lines, &real, None).0;
            out.splice(redo.blocks, again);
        }
    }
    out
}

/// A numbered heading with no title of its own ("CHAPTER 1") takes the short title line
/// that follows it after a blank line ("The Harbour.") as part of the heading. Done over
/// the finished blocks, so that where the text was cut for two threads cannot matter.
fn attach_subtitles(text: &str, blocks: &mut [Block]) {
    for i in 1..blocks.len() {
        let (before, rest) = blocks.split_at_mut(i);
        let (prev, block) = (&before[i - 1], &mut rest[0]);
        if prev.kind != BlockKind::Heading || block.kind != BlockKind::Paragraph {
            continue;
        }
        let t = text[block.range.clone()].trim_start();
        let heading = text[prev.range.clone()].trim();
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
    let mut group: Vec<Line> = Vec::new();
    let mut finish_group = |group: &mut Vec<Line>, out: &mut Vec<Block>| {
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
    for_each_line(text, body, |line| {
        if let Some(g) = gather.as_deref_mut() {
            g.line(line);
        }
        match line {
            Some(line) => group.push(line),
            None => finish_group(&mut group, &mut out),
        }
    });
    finish_group(&mut group, &mut out);
    (out, redos)
}

fn push(out: &mut Vec<Block>, text: &str, kind: BlockKind, lines: &[Line]) {
    if let (Some(first), Some(last)) = (lines.first(), lines.last()) {
        split::push_bounded(out, text, kind, first.start..last.end);
    }
}

/// Classifies one run of non-blank lines (between blank lines) into blocks.
fn classify_group(text: &str, stats: &Stats, group: &[Line], out: &mut Vec<Block>) {
    // A scene break inside a group (a quotation file's `%`) separates as a blank line does;
    // a rule right under a title underlines it (a setext heading).
    let mut group = group;
    if group.len() > 1 {
        while let Some(at) = group
            .iter()
            .position(|l| shape::is_scene_break(l.text(text)))
        {
            match at.checked_sub(1) {
                Some(title) if is_setext(text, &group[title], &group[at]) => {
                    classify_section(text, stats, &group[..title], out);
                    push(out, text, BlockKind::Heading, &group[title..at]);
                }
                _ => classify_section(text, stats, &group[..at], out),
            }
            push(out, text, BlockKind::SceneBreak, &group[at..=at]);
            group = &group[at + 1..];
        }
    }
    classify_section(text, stats, group, out);
}

/// Classifies lines with no blank line and no scene break among them into blocks.
fn classify_section(text: &str, stats: &Stats, group: &[Line], out: &mut Vec<Block>) {
    // A section number on the line above its first stanza or paragraph ("37").
    if let [number, rest @ ..] = group {
        if !rest.is_empty() && shape::is_section_number(number.text(text)) {
            push(out, text, BlockKind::Heading, &group[..1]);
            return classify_section(text, stats, rest, out);
        }
    }
    match group {
        [] => {}
        [line] => push(out, text, single_kind(text, stats, line, true), group),
        _ if is_heading_group(text, stats, group) => push(out, text, BlockKind::Heading, group),
        _ if is_tabular(text, group) => push(out, text, BlockKind::Verse, group),
        _ => {
            let base = group.iter().map(|l| l.indent).min().unwrap_or(0);
            let wrap = evidence::local_wrap(stats, group);
            let typewriter = is_typewriter(text, stats, group, base, wrap);
            let mut from = 0;
            for i in 1..=group.len() {
                if i == group.len()
                    || starts_paragraph(text, stats, group, i, wrap, typewriter.then_some(base))
                {
                    let piece = &group[from..i];
                    match piece {
                        [line] => push(out, text, single_kind(text, stats, line, false), piece),
                        _ => push(out, text, prose_or_verse(text, stats, piece, wrap), piece),
                    }
                    from = i;
                }
            }
        }
    }
}

/// The kind of a paragraph of one line. `alone` is true between blank lines, false at a
/// typewriter paragraph boundary (where an indent means a paragraph, not centring).
fn single_kind(text: &str, stats: &Stats, line: &Line, alone: bool) -> BlockKind {
    let t = line.text(text);
    if shape::is_scene_break(t) {
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
fn is_heading_line(text: &str, stats: &Stats, line: &Line) -> bool {
    let t = line.text(text);
    // Cheapest refusal first: most lines of a book are long.
    if t.len() > 100 {
        return false;
    }
    shape::is_titled_heading(t)
        || shape::is_caps_title(t)
            && !heading::is_false_heading(t)
            && !stats.is_repeated_caps(line, t)
        || heading::is_book_title(t)
}

/// "CHAPTER I." over "THE START OF IT": up to three short lines led by a heading line;
/// or a numbered heading whose title wraps onto more lines (see [`is_wrapped_heading`]).
fn is_heading_group(text: &str, stats: &Stats, group: &[Line]) -> bool {
    group.len() <= 6 && is_wrapped_heading(text, group)
        || group.len() <= 3
            && is_heading_line(text, stats, &group[0])
            && group
                .iter()
                .all(|l| l.width - l.indent <= 60 && stats.is_short(l.width))
            && group[1..].iter().all(|l| {
                let t = l.text(text);
                !t.ends_with([',', ';']) && !t.starts_with(char::is_lowercase)
            })
}

/// A numbered heading whose title runs on: in capitals over up to five more lines of
/// capitals ("CHAPTER VI - THE LONG ROAD HOME, AND WHAT" over "BEFELL THERE"), or in
/// mixed case over two short title-like lines.
// Not inlined: classify_group stays small enough for its hot paths to be inlined.
#[inline(never)]
fn is_wrapped_heading(text: &str, group: &[Line]) -> bool {
    let first = group[0].text(text);
    let Some(numbered) = heading::numbered(first) else {
        return false;
    };
    if !numbered.has_title(first) {
        return false;
    }
    // In capitals but for a "Mr." or "Messrs." here and there.
    let caps = |t: &str| {
        let lower = t.chars().filter(|c| c.is_lowercase()).count();
        lower * 5 <= t.chars().filter(|c| c.is_alphabetic()).count()
    };
    if caps(first) {
        group[1..].iter().all(|l| {
            let t = l.text(text);
            l.width <= 80 && !t.starts_with(char::is_lowercase) && caps(t)
        })
    } else {
        group.len() <= 3
            && group[1..]
                .iter()
                .all(|l| l.width - l.indent <= 60 && heading::is_subtitle(l.text(text)))
    }
}

/// "Getting started" over a rule of `-` or `=` as long as it (a setext heading).
#[inline(never)]
fn is_setext(text: &str, title: &Line, rule: &Line) -> bool {
    heading::is_setext(
        title.text(text),
        title.width - title.indent,
        rule.text(text),
    )
}

/// Tables and code: most lines have runs of spaces inside them (columns), are drawn with
/// box-drawing characters, or end on a page number after dot leaders; not counting the two spaces some typists put after a
/// full stop or after a verse number.
/// Stops as soon as the answer is known: prose lines rarely hold two spaces.
fn is_tabular(text: &str, group: &[Line]) -> bool {
    let need = group.len().div_ceil(2);
    let (mut columned, mut plain) = (0, 0);
    for l in group {
        let t = l.text(text);
        let is_columned = has_double_space(t.as_bytes()) && {
            let t = &t[evidence::number_prefix(t)..];
            let t = &t[evidence::speech_prefix(t)..];
            t.match_indices("  ").any(|(i, _)| {
                t[i..].starts_with("   ") || !t[..i].ends_with(['.', '!', '?', ':', '"', '”'])
            })
        } || t.ends_with(|c: char| c.is_ascii_digit()) && t.contains(" ...")
            || is_drawn(t);
        if is_columned {
            columned += 1;
            if columned >= need {
                return true;
            }
        } else {
            plain += 1;
            if group.len() - plain < need {
                return false;
            }
        }
    }
    columned >= need
}

/// A table's rule or row drawn with box-drawing characters (`├───┼───┤`, `│ a │`) or with
/// ASCII (`+----+----+`, `| a | b |`).
fn is_drawn(t: &str) -> bool {
    // Box-drawing characters are U+2500 to U+257F: E2 94 xx and E2 95 xx in UTF-8. A
    // drawn row or rule starts or ends with one.
    let boxed = |b: &[u8]| b.len() >= 2 && b[0] == 0xe2 && (b[1] == 0x94 || b[1] == 0x95);
    let b = t.as_bytes();
    b.starts_with(b"+-") && b.ends_with(b"+")
        || b.starts_with(b"|") && b.ends_with(b"|") && b.len() > 2
        || boxed(b)
        || b.len() >= 3 && boxed(&b[b.len() - 3..])
}

/// Whether `b` holds two spaces in a row: the cheap test before [`is_tabular`]'s exact
/// one, in fixed chunks without an early exit inside a chunk, so it vectorises.
fn has_double_space(b: &[u8]) -> bool {
    if b.len() < 2 {
        return false;
    }
    let (first, second) = (&b[..b.len() - 1], &b[1..]);
    first.chunks(64).zip(second.chunks(64)).any(|(x, y)| {
        x.iter()
            .zip(y)
            .fold(false, |acc, (&p, &q)| acc | (p == b' ' && q == b' '))
    })
}

/// Typewriter style: indented lines (deeper than the group's least indent) follow
/// finished sentences, and the lines between them read as prose (soft breaks, a third
/// of them or more going on in lower case). Hanging-indented verse
/// continues unfinished lines instead, and a poem's indented refrain or closing couplet
/// follows a finished line too, but its lines are not prose.
fn is_typewriter(
    text: &str,
    stats: &Stats,
    group: &[Line],
    base: usize,
    wrap: evidence::Wrap,
) -> bool {
    let (mut yes, mut no) = (0, 0);
    for pair in group.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        if next.indent > base && next.indent <= base + 12 {
            let t = prev.text(text);
            if shape::ends_sentence(t) || shape::is_titled_heading(t) {
                yes += 1;
            } else {
                no += 1;
            }
        }
    }
    if yes <= no {
        return false;
    }
    // The lines inside the paragraphs must read as prose: soft breaks, and sentences
    // going on in lower case (a ballad's long lines can look soft, but start capitals).
    let (mut prose, mut lower, mut counted) = (0, 0, 0);
    for pair in group.windows(2) {
        let next = pair[1].indent;
        if next <= pair[0].indent && !(next > base && next <= base + 12) {
            prose += evidence::soft_score(text, stats, &pair[0], &pair[1], wrap).signum();
            let first = evidence::first_letter(pair[1].text(text));
            lower += i32::from(first.is_some_and(char::is_lowercase));
            counted += 1;
        }
    }
    prose > 0 && lower * 3 >= counted
}

/// Whether `group[i]` starts a new paragraph although no blank line precedes it.
///
/// `typewriter` is the group's least indent when the group is in typewriter style.
fn starts_paragraph(
    text: &str,
    stats: &Stats,
    group: &[Line],
    i: usize,
    wrap: evidence::Wrap,
    typewriter: Option<usize>,
) -> bool {
    let (prev, line) = (&group[i - 1], &group[i]);
    if line.ideographic_indent(text) {
        return true;
    }
    let (p, t) = (prev.text(text), line.text(text));
    // One line per paragraph: a line too long to have been hard-wrapped ends its
    // paragraph, if it ends a sentence (a single over-long line in hard-wrapped prose
    // does not).
    if stats.is_too_long(prev.width) && shape::ends_sentence(p) {
        return true;
    }
    // A line that goes on in lower case, no deeper than the one before, starts nothing
    // but a typewriter paragraph: the common case, decided without the checks below.
    let goes_on =
        t.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && line.indent <= prev.indent + 4;
    // A section number alone on its line ("二" between paragraphs of one-line Japanese).
    // A number the line above had room for was put on a line of its own by the author
    // (one it had no room for may be a page reference wrapped to the next line).
    let fitted = || evidence::next_word_fitted(text, stats, prev, line, wrap);
    if shape::is_section_number(p)
        || !goes_on && shape::is_section_number(t) && ends_clause(p) && fitted()
    {
        return true;
    }
    if !goes_on && starts_by_its_look(text, stats, group, i, fitted) {
        return true;
    }
    let Some(base) = typewriter else {
        return false;
    };
    line.indent > base && shape::ends_sentence(p)
        || is_heading_line(text, stats, line)
        || is_heading_line(text, stats, prev)
}

/// Whether `group[i]`, a line that does not simply go on in lower case, starts a block by
/// its own look: Japanese dialogue, an attribution, a numbered verse, a signature, a
/// stage direction, a speaker.
fn starts_by_its_look(
    text: &str,
    stats: &Stats,
    group: &[Line],
    i: usize,
    fitted: impl Fn() -> bool,
) -> bool {
    let (prev, line) = (&group[i - 1], &group[i]);
    let (p, t) = (prev.text(text), line.text(text));
    if t.starts_with(['「', '『']) && (shape::ends_sentence(p) || stats.is_one_line_japanese()) {
        return true;
    }
    // A quotation's attribution, and the next numbered verse or list item.
    if evidence::is_attribution(t)
        && !evidence::is_attribution(p)
        && (line.indent > prev.indent || shape::ends_sentence(p))
    {
        return true;
    }
    // Chapter and verse (`2:4`) is never a page reference; a bare number (`616.`) may be
    // one wrapped to the next line, unless the line above had room for it.
    let chapter_and_verse = || t[..evidence::number_prefix(t)].contains(':');
    if evidence::starts_numbered(t) && shape::ends_sentence(p) && (chapter_and_verse() || fitted())
    {
        return true;
    }
    // A signature set far to the right under a letter's last line.
    if i + 1 == group.len()
        && line.indent >= 20
        && line.indent >= prev.indent + 16
        && !t.starts_with(char::is_lowercase)
        && ends_clause(p)
    {
        return true;
    }
    // A stage direction set in from the verse around it.
    if line.indent > prev.indent + 4 && heading::is_stage_direction(t) {
        return true;
    }
    // The next speech of a play whose speakers start their lines.
    evidence::starts_speech(t) && ends_clause(p)
}

/// Whether a line ends on punctuation that closes a clause or a speech, not in a word, a
/// hyphen (a word broken at the margin) or a comma.
fn ends_clause(p: &str) -> bool {
    !evidence::ends_in_word(p) && !p.ends_with(['-', ',', '(', '['])
}

/// A paragraph if its line breaks look soft (see [`evidence::soft_score`]); otherwise
/// verse.
///
/// Only breaks into a line at the piece's least indent vote: a deeper line is a hanging
/// continuation (verse), a stanza's alternating indent (verse), or a speech's or list
/// item's later lines (prose), and the other breaks tell which. When every line after the
/// first shares one deeper indent (a hanging paragraph), those breaks vote after all, and
/// when only the last line is deeper (a paragraph's last line on a tab) it is the only
/// evidence there is. Stepping back out of a deeper line onto a capital is verse evidence
/// at any level, and so are capitals on three lines in four of a capitalised document.
/// `wrap` is the column in force for the group the piece is part of.
fn prose_or_verse(text: &str, stats: &Stats, piece: &[Line], wrap: evidence::Wrap) -> BlockKind {
    let later = &piece[1..];
    let hanging_paragraph =
        later[0].indent > piece[0].indent + 1 && later.iter().all(|l| l.indent == later[0].indent);
    let base = if hanging_paragraph {
        later[0].indent
    } else {
        piece.iter().map(|l| l.indent).min().unwrap_or(0)
    };
    let (mut votes, mut counted, mut deeper, mut capitals) = (0, 0, 0, 0);
    for (i, pair) in piece.windows(2).enumerate() {
        let (prev, next) = (&pair[0], &pair[1]);
        // Poems start every line with a capital; prose continues mid-sentence.
        let starts_capital =
            evidence::first_letter(next.text(text)).is_some_and(char::is_uppercase);
        capitals += usize::from(starts_capital);
        // Back out from a deeper line on a capital: a hanging line or a refrain ended and
        // the next line of verse begins (a paragraph only goes deeper on its first line).
        if i > 0 && next.indent + 1 < prev.indent && starts_capital {
            votes -= 3;
            counted += 1;
        }
        let last = i + 2 == piece.len();
        if next.indent > base + 1 && !(last && counted == 0) {
            deeper += 1;
            continue;
        }
        votes += evidence::soft_score(text, stats, prev, next, wrap);
        counted += 1;
        // Four breaks in a row that each look like a wrapping tool's (the next word would
        // not have fitted, the sentence goes on in lower case) settle it: the rest of a
        // long paragraph need not be asked.
        if counted >= 4 && votes >= 5 * counted {
            return BlockKind::Paragraph;
        }
    }
    if deeper > 0 && counted == 0 {
        return BlockKind::Verse;
    }
    if later.len() >= 2 && capitals * 4 >= later.len() * 3 && stats.is_capitalised() {
        return BlockKind::Verse;
    }
    if votes > 0 {
        BlockKind::Paragraph
    } else {
        BlockKind::Verse
    }
}

#[cfg(test)]
mod tests {
    use super::{detect_with, Stats};

    /// A mixed text: prose, a play whose speaker names only repeat late, verse, breaks.
    fn mixed(late_speakers: bool) -> String {
        let mut s = String::new();
        for i in 0..400 {
            s.push_str("The lamp had burned low by the time the carrier reached the bridge,\n");
            s.push_str("and the river below it ran loud with the rain of three whole days.\n");
            s.push_str("He stopped.\n\n");
            if i % 50 == 0 {
                s.push_str(
                    "CHAPTER THE NEXT\n\nA short line\nOf verse here\nAnd more\n\n* * *\n\n",
                );
            }
            if late_speakers && i > 300 && i % 20 == 0 {
                s.push_str("HAMLET\n\nWords, words, words.\n\n");
            }
        }
        s
    }

    #[test]
    fn speculation_gives_the_exact_result() {
        for late in [false, true] {
            let text = mixed(late);
            let body = 0..text.len();
            let exact = detect_with(&text, body.clone(), usize::MAX, (0, 0), usize::MAX);
            for sample in [(64, 65536), (4, 1024), (3, 100)] {
                let got = detect_with(&text, body.clone(), 0, sample, usize::MAX);
                assert_eq!(got, exact, "late {late} {sample:?}");
            }
        }
    }

    #[test]
    fn a_sample_can_miss_late_speaker_names() {
        let text = mixed(true);
        let guess = Stats::sample(&text, 0..text.len(), 4, 1024);
        let real = Stats::gather(&text, 0..text.len());
        assert!(real.repeated_caps.contains("HAMLET"));
        assert!(!guess.repeated_caps.contains("HAMLET"));
    }
}
