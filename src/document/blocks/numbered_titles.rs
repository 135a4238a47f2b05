//! Titles numbered without a division's word: a book of daily readings whose every
//! reading opens on its number and name, set apart by a run of blank lines before it and
//! only one after:
//!
//! ```text
//! ...to follow Him day by day.
//!
//!
//!
//! 1. First Day.
//!
//! Christ's Childhood.
//! ```
//!
//! One such line says nothing: "1. Preheat the oven." is a list's first item. What
//! makes these titles is the book's habit: their numbers run on one after another through
//! the book ([`RUN`] of them at least), each set apart so, with text between them (a
//! list's items follow each other closely). Read over the finished blocks, as
//! `margin_titles` is.

use super::heading;
use super::margin_titles::reads_as_title;
use crate::document::{Block, BlockKind};

/// Numbered titles in a row, at least, for numbering to be the book's way of titling.
const RUN: usize = 3;
/// Blank lines before a title, at least: more than a paragraph's one.
const BLANKS_BEFORE: usize = 2;
/// Blocks between two titles, at least: a list's items stand closer.
const BLOCKS_BETWEEN: usize = 3;
/// A title's length, at most, in bytes.
const TITLE_LEN: usize = 60;

/// Marks as headings the one-line paragraphs that are numbered titles (see the module's
/// docs).
pub(super) fn mark(text: &str, blocks: &mut [Block]) {
    let found: Vec<(usize, u32)> = (0..blocks.len())
        .filter_map(|i| numbered_title(text, blocks, i).map(|n| (i, n)))
        .collect();
    let mut from = 0;
    for k in 1..=found.len() {
        let goes_on = k < found.len()
            && found[k].1 == found[k - 1].1 + 1
            && found[k].0 >= found[k - 1].0 + BLOCKS_BETWEEN;
        if goes_on {
            continue;
        }
        if k - from >= RUN {
            for &(i, _) in &found[from..k] {
                blocks[i].kind = BlockKind::Heading;
            }
        }
        from = k;
    }
}

/// The number of block `i` when it is a one-line paragraph set as a numbered title: a
/// number, a stop and a title ("1. First Day."), more blank lines before it than after.
fn numbered_title(text: &str, blocks: &[Block], i: usize) -> Option<u32> {
    let (prev, block, next) = (
        blocks.get(i.checked_sub(1)?)?,
        &blocks[i],
        blocks.get(i + 1)?,
    );
    // Cheapest refusals first: most blocks are long, or follow one blank line.
    if block.kind != BlockKind::Paragraph
        || block.range().len() > TITLE_LEN
        || block.start() - prev.end() <= BLANKS_BEFORE
    {
        return None;
    }
    let t = text[block.range()].trim();
    if t.contains('\n') {
        return None;
    }
    // In figures ("12. A Title") or in capital roman numerals ("XII. A Title").
    let (number, title) = t.split_once(". ")?;
    let value = if (1..=3).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()) {
        number.parse().ok()?
    } else if number.bytes().all(|b| b.is_ascii_uppercase()) {
        heading::roman_value(number)?
    } else {
        return None;
    };
    let blank = |between: &str| between.bytes().filter(|&b| b == b'\n').count() - 1;
    let before = blank(&text[prev.end()..block.start()]);
    let after = blank(&text[block.end()..next.start()]);
    (before >= BLANKS_BEFORE && after < before && reads_as_title(title)).then_some(value)
}

#[cfg(test)]
mod tests {
    use crate::document::blocks::detect;
    use crate::document::BlockKind;

    fn headings(text: &str) -> Vec<String> {
        detect(text, 0..text.len())
            .into_iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| text[b.range()].trim().to_owned())
            .collect()
    }

    /// A reading under `title`: its name, a verse, and prose.
    fn reading(title: &str) -> String {
        format!(
            "\n\n\n\n{title}\n\nThe Lamp at Dusk.\n\n\n   \"Trim thy lamp.\"--Keepers ii. 3.\n\n\n\
             If I asked you when the lamp is lit, you would say at dusk, and you would\n\
             be right, but you would not have said who climbs the stair to light it.\n\n\
             The keeper does, every evening, whatever the weather.\n"
        )
    }

    #[test]
    fn titles_numbered_in_a_row_and_set_apart_are_headings() {
        let mut text = "A few words first.\n".to_owned();
        for t in [
            "1. First Day.",
            "2. Second Day.",
            "3. Third Day.",
            "4. Fourth Day.",
        ] {
            text.push_str(&reading(t));
        }
        let got = headings(&text);
        assert_eq!(
            got,
            [
                "1. First Day.",
                "2. Second Day.",
                "3. Third Day.",
                "4. Fourth Day."
            ]
        );
    }

    #[test]
    fn titles_numbered_in_capital_roman_numerals_are_headings_too() {
        let mut text = "A few words first.\n".to_owned();
        let titles = ["I. The Lamp", "II. The Stair.", "III. The Keeper"];
        for t in titles {
            text.push_str(&reading(t));
        }
        assert_eq!(headings(&text), titles);
        // Not in small letters, nor out of order.
        for titles in [
            ["i. The Lamp", "ii. The Stair.", "iii. The Keeper"],
            ["I. The Lamp", "III. The Keeper", "II. The Stair."],
        ] {
            let mut text = "A few words first.\n".to_owned();
            for t in titles {
                text.push_str(&reading(t));
            }
            assert!(headings(&text).is_empty(), "{titles:?}");
        }
    }

    #[test]
    fn a_list_or_numbers_out_of_order_are_not_titles() {
        // Too few, out of order, or items close together: a list.
        for titles in [
            &["1. First Day.", "2. Second Day."][..],
            &["1. First Day.", "3. Third Day.", "2. Second Day."],
        ] {
            let mut text = "A few words first.\n".to_owned();
            for t in titles {
                text.push_str(&reading(t));
            }
            assert!(headings(&text).is_empty(), "{titles:?}");
        }
        let list = "To do:\n\n\n1. Buy oil.\n\n\n2. Trim the wick.\n\n\n3. Light the lamp.\n\n\n\
                    4. Write the hour in the log.\n";
        assert!(headings(list).is_empty());
    }
}
