//! A byline (`BY ELIZA LEE FOLLEN.`, `Words by Charlotte Elizabeth`, `By O. Henry`)
//! under a short line credits the piece that line names: the line is the piece's title
//! even when nothing else would say so (`The Slave Boy's Wish.` in mixed case), and the
//! byline is no chapter of its own, though in capitals it looks like one. A line that
//! starts so with no title over it is left alone: a poem may be called "By the Waters of
//! Babylon".
//!
//! Done over the finished blocks (beside `attach_subtitles`), so that where the text
//! was cut for two threads cannot matter.

use super::margin_titles::{self, TITLE_LEN};
use super::speakers;
use super::{Block, BlockKind};

/// What a byline starts with, in any case, before the name.
const CREDITS: &[&str] = &[
    "by ",
    "words by ",
    "music by ",
    "translated by ",
    "written by ",
    "composed by ",
];

/// Makes headings of the titles over bylines, and paragraphs of the bylines.
pub(super) fn credit(text: &str, blocks: &mut [Block]) {
    for i in 1..blocks.len() {
        let line = text[blocks[i].range()].trim();
        let whole = is_byline(line);
        // A title page may set its credit's words on a line of their own, over the name
        // ("The Raven", "by", "Edgar Allan Poe").
        let split = !whole
            && is_credit(line)
            && (blocks.get(i + 1))
                .is_some_and(|b| is_byline(&format!("{line} {}", text[b.range()].trim())));
        if !whole && !split {
            continue;
        }
        // Only under a title is it a byline: a poem may be called "By the Waters". A
        // note between the two (`[Illustration]`) is passed over.
        let Some(t) = (0..i)
            .rev()
            .find(|&j| !speakers::is_note(&text[blocks[j].range()]))
        else {
            continue;
        };
        let title = text[blocks[t].range()].trim();
        let over = matches!(blocks[t].kind, BlockKind::Paragraph | BlockKind::Heading);
        let one_line = title.len() <= TITLE_LEN && !title.contains('\n');
        if over && one_line && margin_titles::reads_as_title(title) {
            blocks[t].kind = BlockKind::Heading;
            // A title page's lines keep their setting (a name centred in capitals).
            if !split {
                blocks[i].kind = BlockKind::Paragraph;
            }
        }
    }
}

/// Whether `t` is a credit's words alone ("by", "Translated by").
fn is_credit(t: &str) -> bool {
    t.len() <= 20 && CREDITS.iter().any(|c| c.trim_end().eq_ignore_ascii_case(t))
}

/// Whether `t` (one line) credits a name: a credit's words, then a name whose words
/// start with capitals (`By the time he came home` is prose).
fn is_byline(t: &str) -> bool {
    // Cheapest refusal first: a credit starts with one of these letters.
    let first = t.as_bytes().first().map(u8::to_ascii_lowercase);
    if t.len() > 60 || !matches!(first, Some(b'b' | b'w' | b'm' | b't' | b'c')) || t.contains('\n')
    {
        return false;
    }
    let lower = t.to_lowercase();
    let Some(credit) = CREDITS.iter().find(|c| lower.starts_with(*c)) else {
        return false;
    };
    let name = &t[credit.len()..];
    let mut words = name.split_whitespace();
    words
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.all(|w| !w.starts_with(char::is_lowercase) || SMALL.contains(&w))
}

/// Words that may sit in lower case inside a name ("Charles de Gaulle").
const SMALL: &[&str] = &[
    "de", "la", "van", "von", "and", "of", "the", "le", "da", "du",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds of the blocks of `text` (split at its empty lines, first read as
    /// `kinds`) once bylines are credited.
    fn credited(text: &str, kinds: &[BlockKind]) -> Vec<BlockKind> {
        let mut at = 0;
        let mut blocks: Vec<Block> = text
            .split("\n\n")
            .zip(kinds)
            .map(|(part, &kind)| {
                let range = at..at + part.len();
                at += part.len() + 2;
                Block::new(kind, range)
            })
            .collect();
        credit(text, &mut blocks);
        blocks.into_iter().map(|b| b.kind).collect()
    }

    use BlockKind::{Heading as H, Paragraph as P, Verse as V};

    #[test]
    fn a_byline_is_no_chapter_and_makes_the_line_over_it_a_title() {
        let text = "The Slave Boy's Wish.\n\nBY ELIZA LEE FOLLEN.\n\nI wish I was a bird.";
        assert_eq!(credited(text, &[P, H, P]), [H, P, P]);
        let text = "THE LAMP\n\nWords by Ada Penhale\n\nThe lamp was lit.";
        assert_eq!(credited(text, &[H, P, P]), [H, P, P]);
    }

    #[test]
    fn a_title_pages_credit_may_set_by_on_a_line_of_its_own() {
        let text = "The Carrier\n\nby\n\nADA PENHALE\n\nThe lamp was lit.";
        assert_eq!(credited(text, &[P, P, H, P]), [H, P, H, P]);
        // Not over a sentence, nor a word "by" before prose.
        let text = "The Carrier\n\nby\n\nand by the lamp he sat.";
        assert_eq!(credited(text, &[P, P, P]), [P, P, P]);
    }

    #[test]
    fn prose_that_starts_with_by_and_a_title_that_does_are_left_alone() {
        assert!(!is_byline("By the time he came home it was dark."));
        assert!(!is_byline("by and by"));
        assert!(is_byline("By O. Henry"));
        assert!(is_byline("Translated by Charles de Vere"));
        // The line over a byline that goes on into it, or is a sentence, is no title.
        let text = "He said it was written,\n\nBy Ada Penhale\n\nand so it was.";
        assert_eq!(credited(text, &[P, P, P]), [P, P, P]);
        // A poem's title of that form, after the last poem's lines: still a title.
        let text = "And all the night was still,\nAnd all the sea.\n\n\
                    BY THE WATERS OF BABYLON\n\nThe wind came down.";
        assert_eq!(credited(text, &[V, H, V]), [V, H, V]);
    }
}
