//! Which of the headings found make the chapter list.

use super::titles::{is_cast_list, is_dedication};
use super::{heading, Chapter, Entry, Role, CHAPTER_LEVEL};
use crate::document::blocks::margin_titles;
use std::collections::HashMap;

/// Which entries to list. When a kind of numbered heading repeats through the book, it
/// is the chapter level: then the numbered headings, named sections and contents are
/// listed, and of the other headings only the title just before a book's first chapter
/// (and the book's own title, if first); otherwise everything. `len`: the text's length.
///
/// Through the book: the kind starts in its first half. A collection whose last piece
/// alone is in numbered books (Chaucer's tales, then Troilus in five books) lists its
/// pieces' titles.
pub(super) fn choose(entries: Vec<Entry>, len: usize) -> Vec<Chapter> {
    // How many headings of each numbered kind, and where the first is.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut first_at: HashMap<&str, usize> = HashMap::new();
    for e in entries.iter().filter(|e| e.role == Role::Numbered) {
        *counts.entry(e.kind.as_str()).or_default() += 1;
        first_at.entry(e.kind.as_str()).or_insert(e.chapter.offset);
    }
    counts.retain(|kind, _| first_at[kind].saturating_mul(2) < len);
    // Bare numbers ("I.", "2") number a poem's parts as often as a book's chapters:
    // they are the chapter level only where they are most of the headings.
    if counts.get("#").is_some_and(|&n| n * 2 < entries.len()) {
        counts.remove("#");
    }
    let chaptered = counts.values().any(|&n| n >= CHAPTER_LEVEL);
    if !chaptered {
        return with_parts_under_titles(entries);
    }
    let listed_kind = |e: &Entry| {
        counts
            .get(e.kind.as_str())
            .is_some_and(|&n| n >= CHAPTER_LEVEL)
            || heading::KINDS.contains(&e.kind.as_str())
    };
    // Levels when the book opens with its outer division ("BOOK I", then "CHAPTER I"); a
    // "PART THE FIRST" inside a chapter is no outer division.
    let has_outer = entries
        .iter()
        .find(|e| e.role == Role::Numbered && listed_kind(e))
        .is_some_and(|e| e.outer);
    // A collection's poems titled at the margin, when that is the book's habit: listed
    // under the division they stand in ("BOOK I. INSCRIPTIONS", then its poems).
    let poems = entries.iter().filter(|e| e.margin).count() >= margin_titles::REPEATS;
    // The level of the last numbered entry listed.
    let mut division_level = None;
    let mut out = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        let keep = match e.role {
            Role::Contents | Role::Named => true,
            // A bare "I." whose chapters go on as "II. Papa se fâche." (its own title
            // is in the picture under it) is the first of them.
            Role::Numbered => {
                listed_kind(e)
                    || e.kind == "#" && e.first && {
                        let next = entries[i + 1..].iter().find(|n| n.role == Role::Numbered);
                        next.is_some_and(|n| n.kind == "#title" && !n.first && listed_kind(n))
                    }
            }
            Role::Other if poems && e.margin => true,
            // The book's title, or a book's in a collection (a play's): the last
            // heading before its preface, contents, cast and first chapter.
            Role::Other => {
                i == 0
                    || !is_dedication(&e.chapter.title)
                        && entries[i + 1..]
                            .iter()
                            .find(|n| {
                                !matches!(n.role, Role::Named | Role::Contents)
                                    && !is_cast_list(&n.chapter.title)
                            })
                            .is_some_and(|n| n.role == Role::Numbered && n.first && listed_kind(n))
            }
        };
        if keep {
            let mut c = e.chapter.clone();
            c.level = if has_outer && e.role == Role::Numbered && !e.outer {
                2
            } else {
                1
            };
            if e.role == Role::Numbered {
                division_level = Some(c.level);
            } else if poems && e.margin {
                c.level = division_level.map_or(1, |l| l + 1);
            }
            out.push(c);
        }
    }
    out
}

/// Every entry, the bare numbers right after a title ("A PORTRAIT", then "I", "II")
/// listed under it: the parts of that poem, not pieces of their own.
fn with_parts_under_titles(entries: Vec<Entry>) -> Vec<Chapter> {
    let mut under_title = false;
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let part = e.role == Role::Numbered && e.kind.starts_with('#');
        let mut c = e.chapter;
        if part && under_title {
            c.level = 2;
        } else {
            under_title = e.role == Role::Other;
        }
        out.push(c);
    }
    out
}
