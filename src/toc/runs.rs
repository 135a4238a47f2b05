//! Which headings stand together, "with nothing between them": a title page's lines, a
//! contents list, a chapter's number over its title. A run is read as one (see
//! `read_run`); these say where one ends.

use super::{is_contents_heading, number, Head};
use crate::document::Block;

/// Blocks between two headings that still leave them "with nothing between": at most
/// this many, each of at most two lines and [`GAP_BYTES`] long (a contents list's
/// page numbers and chapter names).
const GAP_BLOCKS: usize = 3;
const GAP_BYTES: usize = 120;
/// Columns a heading's text is set in under it, at least, to be its text (see
/// [`heads_text`]): a paragraph's indent is less.
const UNDER_HEADING: usize = 3;
/// Blank lines that set a heading apart from a run of them, at least (see [`set_apart`]).
const SET_APART: usize = 3;

/// Whether the last heading of `run` starts a run of its own rather than going on with
/// the headings before it.
pub(super) fn ends(text: &str, blocks: &[Block], run: &[Head]) -> bool {
    let [.., prev, head] = run else {
        return false;
    };
    let listing = run.first().is_some_and(|h| is_contents_heading(&h.title))
        && lists_pages(text, &blocks[prev.block + 1..head.block]);
    !(close(text, blocks, prev.block, head.block) || listing)
        || is_contents_heading(&head.title)
        || repeats_in_run(&run[..run.len() - 1], head)
        || set_apart(text, blocks, run)
}

/// Whether only a few short blocks lie between blocks `a` and `b`, and `a` has no text
/// of its own under it (see [`heads_text`]).
fn close(text: &str, blocks: &[Block], a: usize, b: usize) -> bool {
    let between = &blocks[a + 1..b];
    !heads_text(text, &blocks[a], between.first())
        && between.len() <= GAP_BLOCKS
        && between.iter().all(|x| {
            let s = &text[x.range()];
            s.len() <= GAP_BYTES && s.bytes().filter(|&c| c == b'\n').count() <= 1
        })
}

/// Whether `between` holds only the lines of a contents list: each block ends on a page
/// number ("EEN EERSTE STORM        25.") or is one short word over the numbers
/// ("Bladz.", "Page"). A contents list's section headings ("OP ZEE.", then its pieces
/// with their pages, "DE SLAMAT.", then its own) are one run under it.
fn lists_pages(text: &str, between: &[Block]) -> bool {
    !between.is_empty()
        && between.iter().all(|b| {
            let s = text[b.range()].trim();
            let last = s.lines().last().unwrap_or("").trim_end_matches('.');
            let before = last.trim_end_matches(|c: char| c.is_ascii_digit());
            let paged = before.len() < last.len() && before.ends_with([' ', '.']);
            let column = s.len() <= 8 && s.chars().all(|c| c.is_alphabetic() || c == '.');
            paged || column
        })
}

/// Whether heading `head`, at the margin, has `next` for its text: on the line under it,
/// set in (a manual's `NAME` over `       bash - GNU Bourne-Again SHell`, then
/// `SYNOPSIS` over its one line). However short, the text makes the heading a section of
/// its own, not a line of a title page nor a part's heading over a poem's.
fn heads_text(text: &str, head: &Block, next: Option<&Block>) -> bool {
    let indent = |at: usize| text[at..].bytes().take_while(|&c| c == b' ').count();
    next.is_some_and(|next| {
        indent(head.start()) == 0
            && text[head.end()..next.start()] == *"\n"
            && indent(next.start()) >= UNDER_HEADING
    })
}

/// Whether the last heading of `run` is set further apart from the one before it than
/// the run's headings are from each other: more blank lines before it, and three or
/// more. A title page's or a piece's lines keep one spacing; a new section's title after
/// them is set off as sections are ("[Music]", then four blank lines, then "ANSWERS TO
/// CORRESPONDENTS.").
fn set_apart(text: &str, blocks: &[Block], run: &[Head]) -> bool {
    // Blank lines between the end of the block before heading `h` and its start.
    let blanks = |h: &Head| {
        let before = blocks[h.block - 1].end();
        text[before..h.offset]
            .matches('\n')
            .count()
            .saturating_sub(1)
    };
    let [inner @ .., last] = run else {
        return false;
    };
    let widest = inner[1..].iter().map(blanks).max();
    widest.is_some_and(|w| blanks(last) > w && blanks(last) >= SET_APART)
}

/// A contents list ends where the chapters it lists begin: at a heading it already holds.
fn repeats_in_run(run: &[Head], head: &Head) -> bool {
    number(head).is_some_and(|k| run.iter().any(|h| number(h) == Some(k)))
}
