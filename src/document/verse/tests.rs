//! Which lines of a verse block hang from the line above, and what is shown of each.

use super::lines;
use crate::text_width::{narrow_chars, str_width};
use proptest::prelude::*;

/// Whether each line of `block` goes on the one above (hangs from it).
fn continues(block: &str) -> Vec<bool> {
    lines(block, 0..block.len())
        .iter()
        .map(|l| l.continues)
        .collect()
}

fn shown(block: &str) -> Vec<&str> {
    lines(block, 0..block.len())
        .into_iter()
        .map(|l| &block[l.start..l.end])
        .collect()
}

#[test]
fn a_count_of_lines_in_the_margin_goes_and_a_column_of_pages_stays() {
    let poem = concat!(
        "Or if the world were wide enough to hold the lantern and the light   10\n",
        "And all the keepers of the lamps went walking through the night\n",
        "Then would the valley answer them with bells from every height\n",
        "And every hill would take it up and pass it on in sight",
    );
    assert_eq!(
        shown(poem)[0],
        "Or if the world were wide enough to hold the lantern and the light"
    );
    let contents = concat!(
        "1.  Introduction . . . . . . . . . . . . . . . . . . . . . .   2\n",
        "2.  Terminology  . . . . . . . . . . . . . . . . . . . . . .   9\n",
        "3.  The Signal . . . . . . . . . . . . . . . . . . . . . . .  14",
    );
    assert_eq!(shown(contents), contents.lines().collect::<Vec<_>>());
}

#[test]
fn a_poem_shaped_in_short_lines_keeps_its_shape() {
    // A tail of words, each line deeper than the last and carried on in lower case:
    // no margin cut these lines (they are too short for any), the poem set them so.
    let tail = concat!(
        "     'Said the cat\n",
        "     to the rat, As\n",
        "      they sat\n",
        "       in the\n",
        "        hall,\n",
        "             I'll have no denial;\n",
        "     \"Let us\n",
        "      go to\n",
        "       court: I will\n",
        "        summons\n",
        "         you.\"",
    );
    let continues = continues(tail);
    assert_eq!(continues, [false; 11]);
}

/// A speech of hard-wrapped prose under its speaker's name goes on past a comma or a
/// quote the margin cut it at, as past a word; verse under a name keeps its lines.
#[test]
fn prose_under_a_speakers_name_goes_on_whatever_its_margin_cut_it_at() {
    let speech = concat!(
        "WARDEN\n",
        "You agree to keep the keepers of the lantern, its carters, ferrymen,\n",
        "wardens and guests free of every claim, cost and expense, lawyers'\n",
        "fees among them, that come of anything at all that you do to this\n",
        "story or cause to it. Nothing more is asked of you at the gate.",
    );
    assert_eq!(continues(speech), [false, false, true, true, true]);
    let verse = concat!(
        "WARDEN\n",
        "The lantern burns above the gate, and the ferryman waits below,\n",
        "And the carters come in from the road, with the wind and the snow;\n",
        "But the keepers sleep, and the gate is shut, and the river runs slow.",
    );
    assert_eq!(continues(verse), [false, false, false, false]);
}

#[test]
fn a_line_under_a_drawn_box_does_not_hang_from_its_edge() {
    let block = concat!(
        "+--------------------------------------------------------+\n",
        "|   the lantern                           the window      |\n",
        "+--------------------------------------------------------+\n",
        "             \"A Lantern at the Window\"",
    );
    let continues = continues(block);
    assert_eq!(continues, [false, false, false, false]);
}

proptest! {
    /// Each line's indent is as wide as the whitespace before its text, measured
    /// whole: spaces, tabs and ideographic spaces. (Checked to fail with an indent
    /// that is not ASCII taken for its length.)
    #[test]
    fn a_verse_line_knows_its_indent(
        block in "[ \t\u{3000}\u{a0}]{0,3}[a-z\u{e9}]{1,3}(\n[ \t\u{3000}]{0,3}[a-z ]{0,3}){0,4}",
    ) {
        for l in lines(&block, 0..block.len()) {
            let line_start = block[..l.start].rfind('\n').map_or(0, |i| i + 1);
            prop_assert_eq!(l.indent, str_width(&block[line_start..l.start]));
        }
    }

    /// Each line's width is its text's, and it is narrow exactly when every
    /// character of it is (as the print path's fast check had it).
    #[test]
    fn a_verse_line_knows_its_width_and_whether_it_is_narrow(
        block in "[a-z \u{e9}\u{2019}\u{2014}\u{3042}\u{301}\n]{1,60}",
    ) {
        for l in lines(&block, 0..block.len()) {
            let t = &block[l.start..l.end];
            prop_assert_eq!(l.width, str_width(t));
            prop_assert_eq!(l.narrow, t.is_ascii() || narrow_chars(t).is_some());
        }
    }
}
