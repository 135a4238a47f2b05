//! Groups of lines that are headings: a numbered heading over its title or wrapping onto
//! more lines, a title at the margin over text set in under it, a setext title over its
//! rule.

use super::heading;
use super::is_heading_line;
use super::shape::{self, SourceLine};
use super::stats::Stats;

/// Columns the text under a title at the margin is indented past it, at least and at
/// most (see `classify_section`): further in, it is a column's header ("Page").
pub(super) const UNDER_TITLE: usize = 3;
pub(super) const UNDER_TITLE_MAX: usize = 16;

/// Whether `title`, at the margin over text indented `under` it, is a title: words in
/// capitals (a term of a list, "X", or a line of code is not), one that does not go on
/// into the line under it in capitals too (a wrapped title hangs). A line in capitals
/// that has its own text set in under it is a term over its definition, not the rest of
/// the title (`ENVIRONMENT` over `LAMP_OIL` over what it is).
pub(super) fn is_margin_heading(
    text: &str,
    stats: &Stats,
    title: &SourceLine,
    under: &[SourceLine],
) -> bool {
    let t = title.text(text);
    let term = |l: &SourceLine| {
        under
            .get(1)
            .is_some_and(|next| next.indent >= l.indent + UNDER_TITLE)
    };
    t.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '&' | '\''))
        && (!shape::is_caps_title(under[0].text(text)) || term(&under[0]))
        && is_heading_line(text, stats, title)
}

/// "CHAPTER I." over "THE START OF IT": up to three short lines led by a heading line;
/// or a numbered heading whose title wraps onto more lines (see [`is_wrapped_heading`]).
pub(super) fn is_heading_group(text: &str, stats: &Stats, group: &[SourceLine]) -> bool {
    // A Markdown heading is one line: the lines under it are its text, or more `#` lines
    // (comments); unless it leaves a link open, which the next lines close.
    if heading::atx_title(group[0].text(text)).is_some() {
        let open = |lines: &[SourceLine]| -> isize {
            lines
                .iter()
                .map(|l| heading::open_brackets(l.text(text)))
                .sum()
        };
        return (2..=3).contains(&group.len())
            && open(&group[..1]) > 0
            && open(group) == 0
            && group[1..].iter().all(|l| !l.text(text).starts_with('#'));
    }
    group.len() <= 6 && is_wrapped_heading(text, group)
        || group.len() <= 3
            // Widths first: they refuse most groups without a look at their words.
            && group
                .iter()
                .all(|l| l.width - l.indent <= 60 && stats.is_short(l.width))
            && is_heading_line(text, stats, &group[0])
            && group[1..].iter().all(|l| {
                let t = l.text(text);
                !t.ends_with([',', ';'])
                    && !t.starts_with(char::is_lowercase)
                    && !heading::is_sentences(t)
                    && !defines(text, &group[0], l)
            })
}

/// Whether `line` is the definition of the term `head`: set in deeper, neither at its
/// indent nor centred on it (`TAR_MODE` over `File mode, an octal number.` seven columns
/// in). A heading's lines stand at one margin or are centred on one another, or hang
/// when a title in capitals wraps, its next line in capitals too.
fn defines(text: &str, head: &SourceLine, line: &SourceLine) -> bool {
    // Centres doubled, to stay in whole columns.
    let centre = |l: &SourceLine| l.indent + l.width;
    line.indent >= head.indent + UNDER_TITLE
        && centre(line).abs_diff(centre(head)) > 2
        && !(shape::is_caps_title(head.text(text)) && shape::is_caps_title(line.text(text)))
}

/// A numbered heading whose title runs on: in capitals over up to five more lines of
/// capitals ("CHAPTER VI - THE LONG ROAD HOME, AND WHAT" over "BEFELL THERE"), or in
/// mixed case over two short title-like lines.
// Not inlined: classify_group stays small enough for its hot paths to be inlined.
#[inline(never)]
fn is_wrapped_heading(text: &str, group: &[SourceLine]) -> bool {
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
pub(super) fn is_setext(text: &str, title: &SourceLine, rule: &SourceLine) -> bool {
    heading::is_setext(
        title.text(text),
        title.width - title.indent,
        rule.text(text),
    )
}
