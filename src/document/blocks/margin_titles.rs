//! Titles set at the margin over indented verse: a collection of poems whose every poem
//! is named by a short line at column 0, set apart by a run of blank lines before it and
//! only one (or none) after, with the poem indented under it:
//!
//! ```text
//! ...the last line of the poem before.
//!
//!
//!
//! The Miller's Daughter
//!
//!      It was the miller's daughter fair,
//!      That sang beside the wheel;
//! ```
//!
//! One such line is no evidence: a prose book may set a one-line paragraph over a quoted
//! poem the same way. It is the book's habit, repeated [`REPEATS`] times or more, that
//! makes these lines headings. Read over the finished blocks, so that where the text was
//! cut for two threads cannot matter.

use super::heading;
use crate::document::{Block, BlockKind};

/// Lines so arranged, at least, for the arrangement to be the book's way of titling.
pub(crate) const REPEATS: usize = 3;
/// Lines set as titles at the verse's own margin, at least, for that to be the book's
/// way: each says less than a title outdented over its verse (a line of a stanza set
/// apart can look so), so it takes more of them.
const LEVEL_REPEATS: usize = 2 * REPEATS;
/// Blank lines before a title, at least: more than a paragraph's one.
const BLANKS_BEFORE: usize = 2;
/// Columns the verse under a title is indented past it, at least.
const OUTDENT: usize = 2;
/// A title longer than this (in bytes) is a line of prose.
pub(super) const TITLE_LEN: usize = 80;
/// Words in a title, at most.
const TITLE_WORDS: usize = 12;
/// Paragraphs led by a headword, at least, for a book to be a dictionary (see [`mark`]).
const ENTRIES: usize = 10;

/// How a title is set over its poem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Set {
    /// At the margin, the verse indented past it.
    Outdented,
    /// At the verse's own margin (or nearly): only its spacing sets it apart.
    Level,
}

/// The way of titling that is the book's habit, of the titles `sets` found: titles
/// outdented over their verse when there are [`REPEATS`] of them (then a line at the
/// verse's margin is a label inside a poem, "Recitativo" or a speaker's name, not a
/// title), else titles at the verse's margin when there are [`LEVEL_REPEATS`].
pub(crate) fn habit(sets: impl Iterator<Item = Set>) -> Option<Set> {
    let (mut outdented, mut level) = (0, 0);
    for set in sets {
        match set {
            Set::Outdented => outdented += 1,
            Set::Level => level += 1,
        }
    }
    match (outdented >= REPEATS, level >= LEVEL_REPEATS) {
        (true, _) => Some(Set::Outdented),
        (false, true) => Some(Set::Level),
        (false, false) => None,
    }
}

/// Marks as headings the one-line paragraphs that are titles set at the margin over
/// indented verse, when the book does so at least [`REPEATS`] times.
pub(super) fn mark(text: &str, blocks: &mut [Block]) {
    let mut found: Vec<(usize, Set)> = (0..blocks.len())
        .filter_map(|i| title_set(text, blocks, i).map(|set| (i, set)))
        .collect();
    // A dictionary's entries lead with their headword ("ABRIDGE, v.t.  To shorten."):
    // the few set over a quoted verse are entries as the many others are, not titles.
    let lead = |i: usize| headword(text[blocks[i].range()].trim_start());
    let headed = found.iter().filter(|&&(i, _)| lead(i)).count();
    if headed > 0 {
        let entries = (0..blocks.len())
            .filter(|&i| blocks[i].kind == BlockKind::Paragraph && lead(i))
            .count();
        if entries >= ENTRIES.max(headed * 3) {
            found.retain(|&(i, _)| !lead(i));
        }
    }
    let Some(habit) = habit(found.iter().map(|&(_, set)| set)) else {
        return;
    };
    found.retain(|&(_, set)| set == habit);
    for (i, _) in found {
        blocks[i].kind = BlockKind::Heading;
        if i > 0 && is_part_title(text, blocks, i - 1) {
            blocks[i - 1].kind = BlockKind::Heading;
        }
    }
}

/// Whether block `i`, just before a poem's title, is the heading of a part of the
/// collection ("Second Series (1896)" over "The Ford"): one line at the title's margin,
/// set apart by a run of blank lines on both sides.
fn is_part_title(text: &str, blocks: &[Block], i: usize) -> bool {
    let (Some(prev), block, title) = (
        i.checked_sub(1).and_then(|p| blocks.get(p)),
        &blocks[i],
        &blocks[i + 1],
    ) else {
        return false;
    };
    let line = &text[block.range()];
    let indent = |s: &str| s.len() - s.trim_start_matches([' ', '\t']).len();
    block.kind == BlockKind::Paragraph
        && line.len() <= TITLE_LEN
        && !line.contains('\n')
        && indent(line) == indent(&text[title.range()])
        && blank_lines(&text[prev.end()..block.start()]) >= BLANKS_BEFORE
        && blank_lines(&text[block.end()..title.start()]) >= BLANKS_BEFORE
        && reads_as_title(line.trim_start())
}

/// How block `i` is set as a title over the verse after it, if it is: one short line,
/// set apart from the block before by more blank lines than from the text after, which
/// is indented past it (or is verse at its margin: see [`Set::Level`]).
pub(crate) fn title_set(text: &str, blocks: &[Block], i: usize) -> Option<Set> {
    let (Some(prev), Some(block), Some(next)) = (
        i.checked_sub(1).and_then(|p| blocks.get(p)),
        blocks.get(i),
        blocks.get(i + 1),
    ) else {
        return None;
    };
    // What follows may be the poem, or first its tune, its date, a note, its first
    // part's number: any text indented past the title.
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading)
        || next.kind == BlockKind::SceneBreak
    {
        return None;
    }
    // The block's length before its text: most blocks are long, and this pass over every
    // block of a big window would otherwise read each one's first bytes (cache misses).
    // Likewise the room between the blocks: [`BLANKS_BEFORE`] blank lines take a line
    // end each, and one more ends the block before (most blocks follow one blank line).
    if block.range().len() > TITLE_LEN || block.start().saturating_sub(prev.end()) <= BLANKS_BEFORE
    {
        return None;
    }
    let line = &text[block.range()];
    if line.contains('\n') {
        return None;
    }
    let before = blank_lines(&text[prev.end()..block.start()]);
    let after = blank_lines(&text[block.end()..next.start()]);
    let title = line.trim_start();
    let indent = line.len() - title.len();
    let verse = &text[next.range()];
    let verse_indent = verse.len() - verse.trim_start_matches([' ', '\t']).len();
    // A title at the verse's own margin, or nearly (a book set wholly indented: "  Hod
    // Putt" over "  HERE I lie close to the grave") has only its spacing to tell it from
    // a line of verse: what follows must be verse, and the title no sentence.
    if before < BLANKS_BEFORE || after >= before || !reads_as_title(title) {
        return None;
    }
    if verse_indent >= indent + OUTDENT {
        return Some(Set::Outdented);
    }
    (verse_indent >= indent && next.kind == BlockKind::Verse && !title.ends_with(['.', '!', '?']))
        .then_some(Set::Level)
}

/// Whether `t` leads with a dictionary's headword: one word in capitals and a comma.
/// (Asked of every paragraph of a book with a few: the capitals are looked at first, as
/// a sentence's first lower-case letter ends the look.)
fn headword(t: &str) -> bool {
    t.split_once(',').is_some_and(|(word, _)| {
        word.chars()
            .all(|c| c.is_uppercase() || matches!(c, '-' | '\''))
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
    })
}

/// Lines with nothing but spaces in `between` (the text from one block's end to the
/// next one's start).
fn blank_lines(between: &str) -> usize {
    between
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        .saturating_sub(1)
}

/// Whether a short line reads as a title rather than as prose: it starts with a capital
/// or a number (in quotes or not: "'Snarleyow'"), does not stop on a comma, a colon or a dash (a sentence going on into
/// the verse: "And thus he sang:"), and is not two sentences.
pub(super) fn reads_as_title(t: &str) -> bool {
    // Cheapest tests first: counting the words costs most.
    !t.ends_with([',', ';', ':', '-', '—'])
        && t.trim_start_matches(['\'', '"', '‘', '“'])
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !heading::is_sentences(t)
        && !heading::is_stage_direction(t)
        && t.split_whitespace().count() <= TITLE_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::blocks::detect;

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        detect(text, 0..text.len())
            .into_iter()
            .map(|b| (b.kind, text[b.range()].trim().to_owned()))
            .collect()
    }

    fn poem(title: &str) -> String {
        format!(
            "\n\n\n\n{title}\n\n     The wind came down the valley road,\n     \
             And shook the rowan tree;\n     It rattled at the miller's door\n     \
             And would not let him be.\n"
        )
    }

    /// A few words of prose, then a poem under each of `titles`.
    fn collection(titles: &[&str]) -> String {
        let mut text = "A few words of introduction, set as prose.\n".to_owned();
        for t in titles {
            text.push_str(&poem(t));
        }
        text
    }

    fn headings(text: &str) -> Vec<String> {
        kinds(text)
            .into_iter()
            .filter(|(k, _)| *k == BlockKind::Heading)
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn titles_at_the_margin_over_indented_verse_are_headings() {
        let mut text = "A few words of introduction, set as prose.\n".to_owned();
        for t in [
            "Miller's Daughter, The",
            "Song--The Rowan^1",
            "Song",
            "Winter: A Lament",
        ] {
            text.push_str(&poem(t));
        }
        assert_eq!(
            headings(&text),
            [
                "Miller's Daughter, The",
                "Song--The Rowan^1",
                "Song",
                "Winter: A Lament"
            ]
        );
    }

    /// A poem under `title` with the title at the verse's own margin, the whole book
    /// set two columns in (as an anthology of epitaphs is).
    fn level_poem(title: &str) -> String {
        format!(
            "\n\n\n  {title}\n\n  HERE I lie beside the mill-race,\n  \
             Who ground the valley's corn for forty years,\n  And never once was paid in coin.\n"
        )
    }

    #[test]
    fn titles_at_the_verses_own_margin_are_headings_when_the_book_is_set_so_throughout() {
        let names = [
            "Hodge Tanner",
            "Ellen Marsh",
            "The Miller's Wife",
            "Judge Amos Reed",
            "\"Long\" Tom Pell",
            "Sarah Vane",
        ];
        let mut text = "  A few words of introduction, set as prose.\n".to_owned();
        for t in names {
            text.push_str(&level_poem(t));
        }
        assert_eq!(headings(&text), names);
        // Fewer than [`LEVEL_REPEATS`]: a line of a stanza set apart could look so.
        let mut text = "  A few words of introduction, set as prose.\n".to_owned();
        for t in &names[..LEVEL_REPEATS - 1] {
            text.push_str(&level_poem(t));
        }
        assert!(headings(&text).is_empty());
        // A sentence set so is a line of the verse.
        let mut text = "  A few words of introduction, set as prose.\n".to_owned();
        for t in ["All are sleeping on the hill."; LEVEL_REPEATS] {
            text.push_str(&level_poem(t));
        }
        assert!(headings(&text).is_empty());
    }

    #[test]
    fn labels_at_the_verses_margin_in_a_book_titling_at_the_margin_are_no_titles() {
        // A cantata's "Recitativo" and "Air", set apart as its poems' titles are but at
        // the verse's indent, inside a book whose titles stand outdented over the verse.
        let mut text = collection(&["The Rowan", "The Mill", "The Road"]);
        for label in [
            "Recitativo",
            "Air",
            "Recitativo",
            "Air",
            "Recitativo",
            "Air",
        ] {
            text.push_str(&format!(
                "\n\n\n     {label}\n\n     When lyart leaves bestrow the yird,\n     \
                 Or wavering like the bauckie-bird,\n     Bedim cauld Boreas' blast;\n"
            ));
        }
        assert_eq!(headings(&text), ["The Rowan", "The Mill", "The Road"]);
    }

    #[test]
    fn a_dictionarys_entries_over_a_quoted_verse_are_entries_not_titles() {
        // Entries lead with their headword; a few are set over a verse, after the last
        // one's attribution and two blank lines, as a poem's title would be.
        let mut text = String::new();
        for (i, word) in ["ANCHOR", "BELL", "CANDLE", "DOOR", "EMBER", "FENCE"]
            .iter()
            .enumerate()
        {
            for n in ["S", "ED", "ING"] {
                text.push_str(&format!(
                    "{word}{n}, n.  A thing that a household keeps for a while, and then\n\
                     loses in a way that nobody can explain to the neighbours.\n\n"
                ));
            }
            text.push_str(&format!("John Smith {i}\n"));
            text.push_str(&poem(&format!("{word}, v.t.  To do as a {word} does.")));
            text.push_str("\nAda Penhale\n\n\n");
        }
        assert_eq!(headings(&text), Vec::<String>::new());
        // Titles of that form in a book whose paragraphs are not so led stay titles.
        let titles = [
            "SONNET, ON THE MILL",
            "ELEGY, FOR A BELL",
            "ODE, TO THE ROAD",
        ];
        assert_eq!(headings(&collection(&titles)), titles);
    }

    #[test]
    fn a_title_over_its_tune_or_its_note_first() {
        let mut text = "A few words of introduction, set as prose.\n".to_owned();
        for t in ["The Rowan", "The Mill", "The Road"] {
            let noted = poem(t).replacen("\n\n     ", "\n\n     Tune--\"The Ford.\"\n\n\n     ", 1);
            text.push_str(&noted);
        }
        assert_eq!(headings(&text), ["The Rowan", "The Mill", "The Road"]);
    }

    #[test]
    fn a_part_heading_over_its_first_poem_title() {
        let mut text = "A few words of introduction, set as prose.\n".to_owned();
        for t in [
            "The Rowan",
            "The Mill",
            "Second Series\n\n\n\nThe Road",
            "The Ford",
        ] {
            text.push_str(&poem(t));
        }
        assert_eq!(
            headings(&text),
            [
                "The Rowan",
                "The Mill",
                "Second Series",
                "The Road",
                "The Ford"
            ]
        );
    }

    #[test]
    fn one_line_set_so_is_not_enough() {
        let mut text = "A few words of introduction, set as prose.\n".to_owned();
        text.push_str(&poem("The Rowan"));
        text.push_str(&poem("The Mill"));
        assert!(headings(&text).is_empty());
    }

    #[test]
    fn prose_leading_into_verse_is_no_title() {
        let text = collection(&[
            "And so he sang:",
            "He stopped. Then he sang again.",
            "then he sang",
            "The Rowan",
            "The Mill",
        ]);
        assert!(headings(&text).is_empty());
    }

    #[test]
    fn a_line_no_further_apart_from_before_than_after_is_no_title() {
        let mut text = "A few words of introduction, set as prose.\n".to_owned();
        for t in ["The Rowan", "The Mill", "The Road"] {
            let spaced = poem(t).replacen("\n\n     ", "\n\n\n\n\n     ", 1);
            text.push_str(&spaced);
        }
        assert!(headings(&text).is_empty());
    }
}
