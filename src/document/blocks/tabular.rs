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

/// How far apart (in columns) two rows' column edges may be and still line up: a column
/// of numbers set flush right starts one column later for a shorter number.
const SLACK: usize = 1;

/// Whether `group` is set as a table or code (see the module's docs): at least half of
/// its lines are so. Stops as soon as the answer is known: prose lines rarely hold two
/// spaces.
pub(super) fn is_tabular(text: &str, group: &[SourceLine]) -> bool {
    let need = group.len().div_ceil(2);
    let (mut columned, mut plain) = (0, 0);
    // Lines counted for their runs of spaces alone: their edges must line up.
    let mut spaced: Vec<Vec<usize>> = Vec::new();
    for l in group {
        let t = l.text(text);
        let drawn = t.ends_with(|c: char| c.is_ascii_digit()) && t.contains(" ...") || is_drawn(t);
        let edges = match drawn {
            true => None,
            false => column_edges(l, t),
        };
        if drawn || edges.is_some() {
            columned += 1;
            spaced.extend(edges);
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
    let stray = (0..spaced.len())
        .filter(|&i| {
            !(0..spaced.len()).any(|j| j != i && line_up(&spaced[i], &spaced[j]))
                && !line_up(&spaced[i], &labels)
        })
        .count();
    columned - stray >= need
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

/// Where the runs of spaces inside line `l` (whose text is `t`) start and end, in
/// columns, when it has any that may be a column's edge: three spaces or more, or two
/// not after a full stop, a colon or a closing quote (not counting those after a verse
/// number or a speaker's name at its start). `None` when it has none.
fn column_edges(l: &SourceLine, t: &str) -> Option<Vec<usize>> {
    if !has_double_space(t.as_bytes()) {
        return None;
    }
    let skip = cues::number_prefix(t);
    let skip = skip + cues::speech_prefix(&t[skip..]);
    let mut edges = Vec::new();
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
        edges.push(start_col);
        edges.push(start_col + (end - i));
        after = end;
    }
    // A column of numbers is set flush right (`Get off the Track      144`): its rows
    // meet at their ends.
    if let Some(&start) = edges.last() {
        let last = t.rsplit("  ").next().unwrap_or("");
        let numeric = last.len() <= 8
            && last
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | 'i' | 'v' | 'x'));
        if numeric {
            edges.push(start + str_width(last));
        }
    }
    (!edges.is_empty()).then_some(edges)
}

/// Whether two rows' column edges meet: one edge of each within [`SLACK`] of the other.
fn line_up(a: &[usize], b: &[usize]) -> bool {
    a.iter().any(|&x| b.iter().any(|&y| x.abs_diff(y) <= SLACK))
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
