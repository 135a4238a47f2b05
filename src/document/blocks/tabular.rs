//! Tables and code set line by line: most lines have runs of spaces inside them
//! (columns), are drawn with box-drawing characters, or end on a page number after dot
//! leaders.
//!
//! A run of spaces inside a line is a column's edge only where the rows agree: a table's
//! columns start (or end) at the same place from row to row. Some typists also put two
//! spaces where one would do, after a full stop, after a verse number, or anywhere at all
//! to fill out a line of prose (`by  "Moral`, `(3)  Earth;`); those fall anywhere, and a
//! paragraph of such lines is prose to reflow, not a table.

use super::bytes::has_double_space;
use super::cues;
use super::shape::SourceLine;
use crate::text_width::str_width;

/// Spaces before a row's last column, at least, for it to be set flush right whatever
/// it holds: more than a justified line of prose ever widens a space.
const FAR: usize = 6;

/// Spaces in a run, at least, for it to be a column's edge even a column off the others.
const WIDE: usize = 3;

/// Whether `group` is set as a table or code (see the module's docs): at least half of
/// its lines are so. Stops as soon as the answer is known: prose lines rarely hold two
/// spaces.
pub(super) fn is_tabular(text: &str, group: &[SourceLine]) -> bool {
    let need = group.len().div_ceil(2);
    let (mut columned, mut plain) = (0, 0);
    // Lines counted for their runs of spaces alone: their edges must line up.
    let mut spaced: Vec<Row> = Vec::new();
    for l in group {
        let t = l.text(text);
        let drawn = t.ends_with(|c: char| c.is_ascii_digit()) && t.contains(" ...") || is_drawn(t);
        let row = match drawn {
            true => None,
            false => Row::of(l, t),
        };
        if drawn || row.is_some() {
            columned += 1;
            spaced.extend(row);
            if columned >= need && spaced.is_empty() {
                return true;
            }
        } else {
            plain += 1;
            if group.len() - plain < need {
                return false;
            }
        }
    }
    if columned < need {
        return false;
    }
    // A name padded out to where the next line's speech starts (`Reporter:   "How`
    // over `Yogi Berra: "Closed."`) lines up with that speech.
    let labels: Vec<usize> = group
        .iter()
        .filter_map(|l| label_end(l.text(text)).map(|at| l.indent + at))
        .collect();
    // A row whose first cells are empty starts at a column of the rows above or below.
    let starts: Vec<usize> = group.iter().map(|l| l.indent).collect();
    let partners: Vec<Vec<usize>> = spaced.iter().map(|r| r.edges(&starts)).collect();
    let stray = (0..spaced.len())
        .filter(|&i| {
            !(0..spaced.len()).any(|j| j != i && spaced[i].lines_up(&partners[j]))
                && !spaced[i].lines_up(&labels)
        })
        .count();
    columned - stray >= need
}

/// A row's runs of spaces that may be a column's edge, in columns.
struct Row {
    /// Where each run starts and ends.
    gaps: Vec<(usize, usize)>,
    /// Where its last column ends, when that column is set flush right.
    flush_end: Option<usize>,
}

impl Row {
    /// The runs of spaces inside line `l` (whose text is `t`) that may be a column's
    /// edge: three spaces or more, or two not after a full stop, a colon or a closing
    /// quote (not counting those after a verse number or a speaker's name at its start).
    /// `None` when it has none.
    fn of(l: &SourceLine, t: &str) -> Option<Row> {
        if !has_double_space(t.as_bytes()) {
            return None;
        }
        let skip = cues::number_prefix(t);
        let skip = skip + cues::speech_prefix(&t[skip..]);
        let mut gaps = Vec::new();
        let mut after = skip;
        for (i, _) in t[skip..].match_indices("  ").map(|(i, s)| (skip + i, s)) {
            if i < after {
                // Inside the run already seen.
                continue;
            }
            let wide = t[i..].starts_with("   ");
            if !wide && t[..i].ends_with(['.', '!', '?', ':', '"', '”']) {
                after = i + 2;
                continue;
            }
            let end = i + t[i..].len() - t[i..].trim_start_matches(' ').len();
            let start_col = l.indent + str_width(&t[..i]);
            gaps.push((start_col, start_col + (end - i)));
            after = end;
        }
        let &(gap_start, start) = gaps.last()?;
        // A column of numbers is set flush right (`Get off the Track      144`), and so
        // is a last column set far out (`Network Working Group          A. Writer`).
        let last = t.rsplit("  ").next().unwrap_or("");
        let numeric = last.len() <= 8
            && last
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | 'i' | 'v' | 'x'));
        let flush_end = (numeric || start - gap_start >= FAR).then(|| start + str_width(last));
        Some(Row { gaps, flush_end })
    }

    /// Every column this row's cells start or end at, and the rows' `starts`.
    fn edges(&self, starts: &[usize]) -> Vec<usize> {
        let gaps = self.gaps.iter().flat_map(|&(a, b)| [a, b]);
        gaps.chain(self.flush_end)
            .chain(starts.iter().copied())
            .collect()
    }

    /// Whether this row lines up with a row whose cells start or end at `edges`: at
    /// least half of its runs of spaces start or end at one of them (or its flush-right
    /// column ends at one). A table's columns start at one place from row to row; a
    /// justified line's widened spaces fall where its words happen to end, and only one
    /// now and then meets the next line's.
    fn lines_up(&self, edges: &[usize]) -> bool {
        // A wide run may be a column's edge a column off (a cell centred in its column,
        // a shorter number set flush right); a justified line's two spaces must meet
        // exactly.
        let near = |x: usize, slack: usize| edges.iter().any(|&e| e.abs_diff(x) <= slack);
        let met = self
            .gaps
            .iter()
            .filter(|&&(a, b)| {
                let slack = usize::from(b - a >= WIDE);
                near(a, slack) || near(b, slack)
            })
            .count()
            + usize::from(self.flush_end.is_some_and(|e| edges.contains(&e)));
        met > 0 && met * 2 >= self.gaps.len()
    }
}

/// Where the text after a speaker's name and its colon starts (`Yogi Berra: "Closed."`),
/// in columns: a short name of a word or two at the line's start.
fn label_end(t: &str) -> Option<usize> {
    let colon = t.get(..24.min(t.len())).and_then(|head| head.find(": "))?;
    let name = &t[..colon];
    let words = name.split(' ').count();
    let after = colon + 1 + t[colon + 1..].len() - t[colon + 1..].trim_start().len();
    (words <= 3 && name.starts_with(char::is_uppercase) && !name.contains(['.', ',', ';']))
        .then(|| str_width(&t[..after]))
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
