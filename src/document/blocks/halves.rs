//! Using both cores: classifying (and gathering statistics over) two halves of a long
//! body at once.
//!
//! Groups of lines end at blank lines and are classified one by one with the same
//! statistics, and the [`Gatherer`] forgets the previous line at a blank one. So when the
//! body is cut at an empty line (`\n\n`), each half sees exactly the lines, blank ones
//! included, that the whole pass sees there, in the same order: the two block lists,
//! concatenated, are the whole pass's list, and the statistics gathered per half add up
//! to the whole pass's. Where no empty line is found near the middle (typewriter text
//! with no blank lines at all), one thread does it all.

use super::fence;
use super::stats::{Gatherer, Stats};
use super::{classify, Redo};
use crate::document::Block;
use std::ops::Range;

/// Bodies at least this long are classified in two halves on two threads.
pub(super) const PARALLEL_FROM: usize = 4 << 20;
/// How far past the middle an empty line is looked for.
const SPLIT_REACH: usize = 1 << 20;

/// Where to cut `bytes[body]`: the index `p` of the first `\n` of an empty line's
/// `\n\n` at or after the middle (and clear of fenced code: see `fence`), so the halves are `start..p + 1` (ending with that
/// empty line) and `p + 2..end`. `None` when there is none within [`SPLIT_REACH`].
pub(super) fn split_point(bytes: &[u8], body: Range<usize>) -> Option<usize> {
    let mid = body.start + body.len() / 2;
    let reach = body.end.min(mid + SPLIT_REACH);
    let window = bytes.get(mid..reach)?;
    let mut at = 0;
    while let Some(nl) = window[at..].iter().position(|&b| b == b'\n') {
        let p = at + nl;
        // Not inside fenced code, nor where a fence could reach across the cut.
        if window.get(p + 1) == Some(&b'\n') && fence::clear_before(bytes, mid + p + 2) {
            let p = mid + p;
            return (p > body.start && p + 2 < body.end).then_some(p);
        }
        at = p + 1;
    }
    None
}

/// [`classify`] over `text[body]`, on two threads when the body is at least
/// `parallel_from` bytes long and has an empty line near its middle. `stats.probe`
/// records every question of both halves; `gather`, when given (fresh), every line.
pub(super) fn classify_halves<'t>(
    text: &'t str,
    body: Range<usize>,
    stats: &Stats<'t>,
    mut gather: Option<&mut Gatherer<'t>>,
    parallel_from: usize,
) -> (Vec<Block>, Vec<Redo>) {
    let split = if body.len() >= parallel_from {
        split_point(text.as_bytes(), body.clone())
    } else {
        None
    };
    let Some(p) = split else {
        return classify(text, body, stats, gather);
    };
    let gathering = gather.is_some();
    let fork = stats.fork();
    let ((mut out, mut redos), (more, more_redos, probe, more_gathered)) =
        std::thread::scope(|s| {
            let second = s.spawn(move || {
                let mut g = gathering.then(|| Gatherer::new(text));
                let (blocks, redos) = classify(text, p + 2..body.end, &fork, g.as_mut());
                (blocks, redos, fork.probe.into_inner(), g)
            });
            let first = classify(text, body.start..p + 1, stats, gather.as_deref_mut());
            (
                first,
                second
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            )
        });
    let (blocks_before, caps_before) = (out.len(), stats.probe.borrow().caps.len());
    redos.extend(more_redos.into_iter().map(|r| Redo {
        lines: r.lines,
        blocks: r.blocks.start + blocks_before..r.blocks.end + blocks_before,
        asked: r.asked.start + caps_before..r.asked.end + caps_before,
    }));
    append_freeing(&mut out, more);
    stats.probe.borrow_mut().absorb(probe);
    if let (Some(g), Some(more)) = (gather, more_gathered) {
        g.absorb(more);
    }
    (out, redos)
}

/// Blocks moved from the end of the second half at a time (6 MB of them).
const MOVED: usize = 1 << 18;

/// `more` appended to `out`, its memory given back as it is moved: a gigabyte's halves
/// hold some 80 MB of blocks each, and the second would otherwise be held whole beside
/// the first's copy of it. (Shrunk, a vector that large is given back to the system from
/// its end, so the blocks are moved from its end: reversed first.)
fn append_freeing(out: &mut Vec<Block>, mut more: Vec<Block>) {
    out.reserve_exact(more.len());
    more.reverse();
    while !more.is_empty() {
        let from = more.len().saturating_sub(MOVED);
        out.extend(more.drain(from..).rev());
        more.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::super::detect_speculating;
    use super::{append_freeing, split_point, MOVED};
    use crate::document::{Block, BlockKind};

    #[test]
    fn the_second_half_is_appended_in_order_however_many_moves_it_takes() {
        let blocks = |range: std::ops::Range<usize>| -> Vec<Block> {
            range
                .map(|i| Block::new([BlockKind::Paragraph, BlockKind::Verse][i % 2], i..i + 1))
                .collect()
        };
        for n in [0, 1, MOVED - 1, MOVED, MOVED + 1, 2 * MOVED + 3] {
            let mut out = blocks(0..5);
            append_freeing(&mut out, blocks(5..5 + n));
            assert_eq!(out, blocks(0..5 + n), "{n} blocks");
        }
    }

    const PROSE: &str = "The lamp had burned low by the time the carrier reached the bridge,\n\
                         and the river below it ran loud with the rain of three whole days.\n\
                         He stopped.\n";
    const VERSE: &str = "A short line\nOf verse here\nAnd more\n";
    const TYPEWRITER: &str = "    The first paragraph begins here with an indent and runs on to\n\
                              the full width of the page before it finally comes to a stop.\n";
    const JAPANESE: &str = "\u{3000}吾輩は猫である。名前はまだ無い。\n「どこで生れたか」\n";

    /// Texts with the tricky spots at (and around) the middle, where the cut falls.
    fn texts() -> Vec<String> {
        let mut out = Vec::new();
        for middle in [
            format!("{VERSE}\n{VERSE}\n{VERSE}"),
            format!("CHAPTER IV\n\n{VERSE}\n\n* * *\n\n"),
            format!("{JAPANESE}\n{JAPANESE}"),
            "HAMLET\n\nWords.\n\nHAMLET\n\nMore.\n\nHAMLET\n\n".to_string(),
            format!("{}\n", "x".repeat(40_000)),
            "   \n\n\n\n".to_string(),
            // Fenced code across the middle, blank lines inside it.
            format!("```sh\n# Build it\n\n{VERSE}\n\n# Run it\n\n```\n\n"),
            // Headings of every new shape, and lines that only look like headings.
            "CHAPTER VI - THE LONG ROAD HOME, AND WHAT\nBEFELL THERE\n\nNotes\n-----\n\n\
             _Actus primus. Scena prima._\n\nDEAR SIR,--\n\n\"MINA.\n\nWHAT?\n\n\
             \x20                Enter the GAOLER.\n\nThe Book of the Prophet Jonah\n\n"
                .to_string(),
        ] {
            for n in [1, 7, 40, 300] {
                let half = format!("{PROSE}\n").repeat(n);
                out.push(format!("THE LOST LETTER\n\n{half}{middle}\n{half}"));
                out.push(format!("{half}{middle}{}", PROSE.repeat(n)));
            }
        }
        // Typewriter paragraphs with no blank line at all: no place to cut.
        out.push(TYPEWRITER.repeat(500));
        out.push(format!("{}\n\n", TYPEWRITER.repeat(500)));
        out.push(String::new());
        out.push("\n\n".to_string());
        out
    }

    #[test]
    fn two_halves_give_the_one_pass_result() {
        for text in texts() {
            for body in [
                0..text.len(),
                text.find('\n').map_or(0, |i| i + 1)..text.len(),
            ] {
                let exact = detect_speculating(&text, body.clone(), usize::MAX, (0, 0), usize::MAX);
                for sample in [(64, 65536), (3, 100)] {
                    let one = detect_speculating(&text, body.clone(), 0, sample, usize::MAX);
                    let two = detect_speculating(&text, body.clone(), 0, sample, 0);
                    assert_eq!(one, exact, "{sample:?}");
                    assert_eq!(two, exact, "{sample:?}");
                }
            }
        }
    }

    #[test]
    fn the_cut_is_an_empty_line_or_nothing() {
        let text = TYPEWRITER.repeat(500);
        assert_eq!(split_point(text.as_bytes(), 0..text.len()), None);
        for text in texts() {
            if let Some(p) = split_point(text.as_bytes(), 0..text.len()) {
                assert_eq!(&text[p..p + 2], "\n\n");
                assert!(p + 2 < text.len());
            }
        }
    }
}
