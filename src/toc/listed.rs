//! A contents list's titles found again standing alone: the chapters of a book whose
//! headings carry no chapter word, such as a book of poems ("Danny Deever" at the margin
//! over its stanzas, as the contents list named it).
//!
//! The list is the lines after a "Contents" heading up to the first of its titles that
//! stands alone on a line of its own (the first chapter). From there each line alone
//! that is the list's next title (in the list's order, skipping titles not found) is a
//! chapter. Numbers before a title and page numbers after it are not compared.

use super::{one_line, Chapter};
use crate::document::blocks::heading;
use crate::document::{Block, BlockKind};
use std::collections::BTreeMap;

/// Lines read for the list before giving up on finding its first title again.
const LIST_LINES: usize = 300;
/// A title longer than this is a sentence, not a contents entry.
const TITLE_CHARS: usize = 60;
/// Titles found again, at least, for the list to be believed.
const FOUND: usize = 3;

/// `list` (the chapters found by their headings, in order) with the titles every
/// contents list among them names added (see the module's docs).
pub(super) fn add_chapters(text: &str, blocks: &[Block], list: Vec<Chapter>) -> Vec<Chapter> {
    let lists: Vec<usize> = (list.iter())
        .filter(|c| super::is_contents_heading(&c.title))
        .map(|c| blocks.partition_point(|b| b.start() < c.offset))
        .collect();
    // Each list's titles are looked for up to the next list: a title that is never
    // found again (one that does not stand alone) would otherwise be looked for through
    // all the rest of the story, for every list, and an omnibus of a gigabyte has
    // hundreds (measured: 2.4 s of the 4.4 s its chapters took to list).
    let ends = lists.iter().skip(1).copied().chain([blocks.len()]);
    // The titles found go into a list of their own, ordered as inserting each into the
    // list would place it (after the entries at its offset and the titles found before
    // it), and are merged in at the end: a gigabyte omnibus lists a quarter of a million
    // entries, which thousands of inserts moved each time (1.4 s of its listing).
    let mut added: BTreeMap<(usize, usize), Chapter> = BTreeMap::new();
    for (block, until) in lists.iter().copied().zip(ends) {
        for found in chapters(text, blocks, block, until) {
            let at = found.offset;
            // Listed already: the heading itself, or the title of the entry before it
            // ("CHAPTER I — THE START" over "The Start").
            let named = |c: &Chapter| {
                c.offset == at
                    || key(&c.title)
                        .zip(key(&found.title))
                        .is_some_and(|(before, k)| before.contains(&k))
            };
            let listed_before = list[..list.partition_point(|c| c.offset <= at)].last();
            let added_before = added.range(..=(at, usize::MAX)).next_back().map(|e| e.1);
            let before = match (listed_before, added_before) {
                (Some(l), Some(a)) if l.offset > a.offset => Some(l),
                (l, a) => a.or(l),
            };
            if !before.is_some_and(named) {
                let n = added.len();
                added.insert((at, n), found);
            }
        }
    }
    merged(list, added.into_values())
}

/// `list` and `added` (each in order of offset) as one list in that order, the entries
/// of `list` first at an offset both have.
pub(super) fn merged(list: Vec<Chapter>, added: impl Iterator<Item = Chapter>) -> Vec<Chapter> {
    let mut added = added.peekable();
    if added.peek().is_none() {
        return list;
    }
    let mut out = Vec::with_capacity(list.len() + added.size_hint().0);
    for c in list {
        while let Some(a) = added.next_if(|a| a.offset < c.offset) {
            out.push(a);
        }
        out.push(c);
    }
    out.extend(added);
    out
}

/// The chapters named by the contents list under the heading block `contents`, found
/// before block `until` (the next contents list's heading, or the end).
pub(super) fn chapters(
    text: &str,
    blocks: &[Block],
    contents: usize,
    until: usize,
) -> Vec<Chapter> {
    let blocks = &blocks[..until.min(blocks.len())];
    let mut titles: Vec<String> = Vec::new();
    let mut lines = 0;
    let mut first = None;
    for (i, b) in blocks.iter().enumerate().skip(contents + 1) {
        let s = &text[b.range()];
        if alone(b, s).is_some_and(|k| titles.contains(&k)) {
            first = Some(i);
            break;
        }
        // The list ends at a heading, or at prose (a paragraph of lines run on).
        let prose = b.kind == BlockKind::Paragraph && s.contains('\n');
        if b.kind == BlockKind::Heading || prose || lines > LIST_LINES {
            break;
        }
        lines += s.lines().count();
        titles.extend(s.lines().filter_map(listed));
    }
    let Some(first) = first else {
        return Vec::new();
    };
    let mut next = 0;
    let mut found = Vec::new();
    for b in &blocks[first..] {
        if next == titles.len() {
            break;
        }
        let s = &text[b.range()];
        let Some(k) = alone(b, s) else {
            continue;
        };
        if let Some(j) = titles[next..].iter().position(|t| *t == k) {
            next += j + 1;
            found.push(Chapter {
                offset: b.start(),
                title: one_line(s),
                level: 1,
            });
        }
    }
    if found.len() >= FOUND {
        found
    } else {
        Vec::new()
    }
}

/// A block of one short line, as its title is compared.
fn alone(b: &Block, s: &str) -> Option<String> {
    if b.kind == BlockKind::SceneBreak || s.contains('\n') {
        return None;
    }
    key(s)
}

/// A contents line's title, without its number ("12 Belts", "XII. Belts") or its page
/// number ("Belts ........ 31", "Belts     31").
fn listed(line: &str) -> Option<String> {
    let t = line.trim();
    let t = match t.split_once(' ') {
        Some((n, rest)) if is_number(n) => rest,
        _ => t,
    };
    let bare = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let t = if bare.len() < t.len() && (bare.ends_with("  ") || bare.ends_with(". ")) {
        bare.trim_end_matches([' ', '.'])
    } else {
        t
    };
    key(t)
}

/// "12", "12." or "XII." (a roman numeral only with its stop: "I Went Walking" is a title).
fn is_number(w: &str) -> bool {
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    digits(w.trim_end_matches(['.', ':', ')']))
        || w.strip_suffix('.').is_some_and(heading::is_roman)
}

/// How titles are compared: their words in any case, whatever the punctuation between
/// them (the list's `'Fuzzy-Wuzzy'` is the page's `Fuzzy-Wuzzy`).
pub(super) fn key(s: &str) -> Option<String> {
    if s.chars().count() > TITLE_CHARS || !s.chars().any(char::is_alphabetic) {
        return None;
    }
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    Some(words.join(" ").to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::listed;

    #[test]
    fn a_contents_line_without_its_numbers() {
        assert_eq!(listed("     12 Belts").as_deref(), Some("belts"));
        assert_eq!(
            listed("XII. The Widow at Windsor").as_deref(),
            Some("the widow at windsor")
        );
        assert_eq!(listed("Belts ........ 31").as_deref(), Some("belts"));
        assert_eq!(listed("Belts        131").as_deref(), Some("belts"));
        assert_eq!(listed("Part 2").as_deref(), Some("part 2"));
        assert_eq!(listed("I Went Walking").as_deref(), Some("i went walking"));
        assert_eq!(listed("'Fuzzy-Wuzzy'"), listed("Fuzzy-Wuzzy"));
        assert_eq!(listed("   1842"), None);
    }
}
