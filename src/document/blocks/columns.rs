//! Rows of a table set with blank lines between them keep their columns: a contents list
//! whose page numbers stand at the right (`II.  The Red-headed League      29`), a cast
//! list with its players in a second column (`Queen          Allison Walton.`).
//!
//! Rows set line after line are a group of their own, kept line for line (see
//! `shape.rs`). Set apart by blank lines, each is a paragraph of one line, and a
//! paragraph's spaces are one space once reflowed: the columns ran together
//! (`II. The Red-headed League 29`). What tells a row from a line of prose is a wide gap
//! inside it (three spaces or more: typists put two after a full stop) and the company
//! it keeps: the row next to it has a gap too, and the two line up, a column starting or
//! ending at the same place in both. A lone line with a gap in it is left as it is.
//!
//! Done over the finished blocks (beside `attach_subtitles`), so that where the text
//! was cut for two threads cannot matter.

use super::{Block, BlockKind};
use memchr::memmem::Finder;

/// The least run of spaces inside a line that parts two columns.
const GAP: usize = 3;

/// Where a row's columns lie: the column each part after a gap starts at, and the
/// column its last part ends at (in characters).
#[derive(Debug, PartialEq, Eq)]
struct Row {
    starts: Vec<usize>,
    end: usize,
}

impl Row {
    /// The columns of `line`, when it has a gap inside it.
    #[cfg(test)]
    fn of(line: &str) -> Option<Row> {
        Row::found(line, &gap_finder())
    }

    /// [`Row::of`] with the search for a gap (see [`gap_finder`]) made once for every
    /// line rather than once a line.
    fn found(line: &str, gap: &Finder) -> Option<Row> {
        let line = line.trim_end();
        // Most lines have no gap: told without counting their characters.
        gap.find(line.trim_start().as_bytes())?;
        Row::counted(line)
    }

    /// [`Row::of`] past its search for a gap: the columns of `line` (trailing spaces trimmed),
    /// counted character by character.
    fn counted(line: &str) -> Option<Row> {
        let mut starts = Vec::new();
        let (mut column, mut spaces, mut seen_text) = (0, 0, false);
        for c in line.chars() {
            if c == ' ' {
                spaces += 1;
            } else {
                if seen_text && spaces >= GAP {
                    starts.push(column);
                }
                spaces = 0;
                seen_text = true;
            }
            column += 1;
        }
        (!starts.is_empty()).then_some(Row {
            starts,
            end: column,
        })
    }

    /// Whether the two rows share a column: one starting, or the last ending, in the
    /// same place (give or take one: a page number of one more digit).
    fn lines_up(&self, other: &Row) -> bool {
        let near = |a: usize, b: usize| a.abs_diff(b) <= 1;
        near(self.end, other.end)
            || self
                .starts
                .iter()
                .any(|&a| other.starts.iter().any(|&b| near(a, b)))
    }
}

/// The search for a gap ([`GAP`] spaces in a row), vectorised: a paragraph set as one
/// long line is read fast.
fn gap_finder() -> Finder<'static> {
    Finder::new(&[b' '; GAP])
}

/// Keeps line for line the one-line paragraphs that are rows of a table set with blank
/// lines between them (see the module's docs).
///
/// One pass, the blocks joined in place, holding the rows of three blocks at a time: a
/// gigabyte's millions of blocks need no list beside them.
pub(super) fn keep_rows(text: &str, blocks: &mut Vec<Block>) {
    let gap = gap_finder();
    let row_of = |b: &Block| {
        let line = &text[b.range()];
        // (The line end searched for with `memchr`'s vectors: a paragraph set as one
        // long line is read whole.)
        let one_line =
            b.kind == BlockKind::Paragraph && memchr::memchr(b'\n', line.as_bytes()).is_none();
        one_line.then(|| Row::found(line, &gap)).flatten()
    };
    let (mut before, mut row) = (None, blocks.first().and_then(row_of));
    // Blocks `..kept` are done; whether the last of them is a kept row.
    let (mut kept, mut last_kept) = (0, false);
    for i in 0..blocks.len() {
        let after = blocks.get(i + 1).and_then(row_of);
        let is_kept = row.as_ref().is_some_and(|r: &Row| {
            [&before, &after]
                .into_iter()
                .flatten()
                .any(|other| r.lines_up(other))
        });
        let mut block = blocks[i].clone();
        // (Up to a block's greatest length: a table of gigabytes goes on in a second.)
        let fits = |into: &Block| block.end() - into.start() <= Block::MAX_LEN;
        if is_kept && last_kept && fits(&blocks[kept - 1]) {
            // Rows next to each other are one table: one block, blank lines and all, so
            // that each keeps its indent beside the others' (`  I.` over ` II.` over
            // `III.`).
            blocks[kept - 1].set_end(block.end());
        } else {
            if is_kept {
                block.kind = BlockKind::Verse;
            }
            blocks[kept] = block;
            kept += 1;
        }
        last_kept = is_kept;
        (before, row) = (row, after);
    }
    blocks.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<BlockKind> {
        let mut blocks: Vec<Block> = text
            .split("\n\n")
            .scan(0, |at, part| {
                let range = *at..*at + part.len();
                *at += part.len() + 2;
                Some(Block::new(BlockKind::Paragraph, range))
            })
            .collect();
        keep_rows(text, &mut blocks);
        blocks.into_iter().map(|b| b.kind).collect()
    }

    use BlockKind::{Paragraph as P, Verse as V};

    #[test]
    fn rows_set_apart_by_blank_lines_whose_columns_line_up_are_kept() {
        let contents = "     I.  A Scandal in Bohemia                      3\n\n    \
                        II.  The Red-headed League                    29\n\n   \
                        III.  A Case of Identity                       57";
        // One table: the rows' indents stay beside each other's.
        assert_eq!(kinds(contents), [V]);
        let cast = "  King                        Rob Moore.\n\n  \
                    Queen                       Allison Walton.\n\n  \
                    Chorus of Fairies.";
        assert_eq!(kinds(cast), [V, P]);
    }

    #[test]
    fn prose_spaced_by_a_typist_and_a_lone_gap_are_left_as_they_are() {
        // Two spaces after a full stop are no gap.
        let typed = "It rained.  Then it stopped.\n\nShe went out.  Nobody saw.";
        assert_eq!(kinds(typed), [P, P]);
        // A gap in one line alone, and gaps that do not line up.
        let lone = "The end.\n\nSigned,        the Author\n\nA postscript follows.";
        assert_eq!(kinds(lone), [P, P, P]);
        let apart = "one   two\n\nthree four five six seven        eight nine ten";
        assert_eq!(kinds(apart), [P, P]);
    }

    /// [`Row::of`] with a search of its own for each line.
    fn plain_row(line: &str) -> Option<Row> {
        let line = line.trim_end();
        memchr::memmem::find(line.trim_start().as_bytes(), b"   ")?;
        Row::counted(line)
    }

    proptest::proptest! {
        /// The search made once finds what a search made for each line finds: lines of
        /// words and runs of one to four spaces, indented or not, short and long.
        /// (Checked to fail with the search made for four spaces.)
        #[test]
        fn a_row_is_found_as_by_a_search_of_its_own(
            line in "( {0,4}[a-z\u{e9}.]{0,3}){0,6}|([a-z]{1,9} ){10,40}( {2,3}[a-z]{1,9}){0,2}",
        ) {
            proptest::prop_assert_eq!(Row::found(&line, &gap_finder()), plain_row(&line));
        }
    }

    #[test]
    fn a_row_knows_its_columns() {
        assert_eq!(
            Row::of("  King      Rob Moore.  "),
            Some(Row {
                starts: vec![12],
                end: 22
            })
        );
        assert_eq!(Row::of("   indented only"), None);
        assert_eq!(Row::of("ends in spaces      "), None);
    }
}
