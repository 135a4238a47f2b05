//! Chapters: the document's headings, sorted by what the book itself shows.
//!
//! Block detection marks headings one at a time; this module reads them together, so it
//! can use evidence a single line cannot give:
//! - a heading kind that repeats through the book in the same shape ("CHAPTER N",
//!   "Psalm N", "SURA N") is the chapter level, and the other headings among the chapters
//!   (a letter's signature, a newspaper's headline, a song's title) are not listed;
//! - headings in a run with no text between them (each at most a short line or two apart)
//!   that holds several numbered headings are a contents list: one "Contents" entry;
//! - a numbered heading with no title of its own takes the short title line after it
//!   ("CHAPTER 1" then "The Harbour." is `CHAPTER 1. The Harbour.`).
//!
//! It looks at headings and their neighbours only, so its cost follows the number of
//! blocks, not the length of the text.

mod listed;
mod noise;

use crate::document::blocks::heading::{self, Numbered};
use crate::document::{Block, BlockKind, Document};
use crate::position;
use serde::Serialize;
use std::collections::HashMap;

/// One entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    /// Where the heading starts in the text.
    pub offset: usize,
    /// The heading's words on one line.
    pub title: String,
    /// 1 for a top division, 2 for one inside it (a scene in an act, a chapter in a book).
    pub level: u8,
}

/// Blocks between two headings that still leave them "with nothing between": at most
/// this many, each of at most two lines and [`GAP_BYTES`] long (a contents list's
/// page numbers and chapter names).
const GAP_BLOCKS: usize = 3;
const GAP_BYTES: usize = 120;
/// A run of headings holding at least this many numbered ones is a contents list.
const CONTENTS_NUMBERED: usize = 3;
/// Unnumbered headings in a row are joined while shorter than this.
const JOINED_CHARS: usize = 60;
/// A kind of numbered heading that occurs this often is the book's chapter level.
const CHAPTER_LEVEL: usize = 3;

/// A heading block, read.
struct Head {
    /// Index of its block.
    block: usize,
    offset: usize,
    title: String,
    division: Option<(String, Numbered)>,
    /// Whether it is a Markdown heading (`## Usage`): its level is marked, so it is
    /// neither a title page's line nor joined to the heading before it.
    marked: bool,
}

/// What an entry is, which decides whether it is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A contents list, folded into one entry.
    Contents,
    /// A numbered heading ("CHAPTER IV", "SURA XC.").
    Numbered,
    /// "Preface", "Epilogue", "Contents": always listed.
    Named,
    Other,
}

struct Entry {
    chapter: Chapter,
    role: Role,
    kind: String,
    outer: bool,
    /// Whether the number is one: a new book starts here.
    first: bool,
}

/// The chapters of `doc`, in order.
pub fn chapters(doc: &Document) -> Vec<Chapter> {
    chapters_in(doc.text(), doc.blocks())
}

/// The chapters of a text whose blocks are `blocks` (those of a story still being read,
/// say), in order.
pub fn chapters_in(text: &str, blocks: &[Block]) -> Vec<Chapter> {
    let heads: Vec<Head> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Heading)
        .map(|(i, b)| {
            let line = one_line(&text[b.range.clone()]);
            // A Markdown heading is listed by its words, without its `#` marks; an Aozora
            // Bunko heading without its markup.
            let atx = heading::atx_title(&line);
            let marked = atx.is_some() || is_underlined(text, blocks, i);
            let line = match atx {
                Some(title) => heading::link_words(title).into_owned(),
                None => heading::aozora_title(&line).map_or_else(|| line.clone(), str::to_owned),
            };
            let title = without_footnote_digits(&line);
            let division = heading::division(&title);
            Head {
                block: i,
                offset: b.range.start,
                title,
                division,
                marked,
            }
        })
        .filter(|h| {
            !heading::is_ending(&h.title)
                && !noise::is_menu(&h.title)
                && !noise::is_signature(text, blocks, h)
        })
        .collect();
    let mut heads = heads;
    noise::drop_lone_numbers(&mut heads);
    noise::drop_stanza_numbers(text, blocks, &mut heads);
    let mut runs = Vec::new();
    let mut run_start = 0;
    for i in 1..=heads.len() {
        let ends_run = i == heads.len()
            || !close(text, blocks, heads[i - 1].block, heads[i].block)
            || is_contents_heading(&heads[i].title)
            || repeats_in_run(&heads[run_start..i], &heads[i]);
        if ends_run {
            let run = &heads[run_start..i];
            match first_chapter_after_contents(run) {
                Some(k) => runs.extend([&run[..k], &run[k..]]),
                None => runs.push(run),
            }
            run_start = i;
        }
    }
    let subtitles = subtitles(text, blocks, &heads);
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    for h in &heads {
        if let Some(key) = number(h) {
            *seen.entry(key).or_default() += 1;
        }
    }
    let mut entries = Vec::new();
    for run in runs {
        read_run(run, &seen, &subtitles, &mut entries);
    }
    let mut list = choose(entries);
    // A contents list with no heading after it: its titles, where they stand alone, are
    // the chapters (a book of poems whose titles carry no chapter word).
    if let Some(last) = list.last().filter(|c| is_contents_heading(&c.title)) {
        let block = blocks.partition_point(|b| b.range.start < last.offset);
        list.extend(listed::chapters(text, blocks, block));
    }
    list
}

/// Where a contents list runs straight into the first chapter ("CHAPTER XXVII" and its
/// page number, the book's title, "CHAPTER I", its title): the index of the book's title
/// or of "CHAPTER I" when the run ends with them.
fn first_chapter_after_contents(run: &[Head]) -> Option<usize> {
    let k = run.iter().rposition(|h| h.division.is_some())?;
    let first = run[k].division.as_ref().is_some_and(|(_, n)| n.first);
    let numbered_before = run[..k].iter().filter(|h| h.division.is_some()).count();
    if !first || numbered_before < CONTENTS_NUMBERED {
        return None;
    }
    let titles = run[..k]
        .iter()
        .rev()
        .take_while(|h| h.division.is_none() && !is_contents_heading(&h.title))
        .count();
    Some(k - titles)
}

/// For each numbered heading without a title of its own, the line that follows it when
/// that line is its title (by [`heading::is_subtitle`]). A short line that reads like a
/// sentence still counts when such a line follows nearly every untitled heading of the
/// book: then it is the book's habit ("Psalm 3" over its Latin first words, "Domine,
/// quid multiplicati.").
fn subtitles(text: &str, blocks: &[Block], heads: &[Head]) -> HashMap<usize, String> {
    let mut strong = HashMap::new();
    let mut weak = HashMap::new();
    let mut untitled = 0;
    for h in heads {
        let Some((_, n)) = &h.division else {
            continue;
        };
        if n.has_title(&h.title) {
            continue;
        }
        untitled += 1;
        let Some(next) = blocks.get(h.block + 1) else {
            continue;
        };
        let line = text[next.range.clone()].trim();
        if next.kind == BlockKind::Heading || line.contains('\n') || line.len() > 70 {
            continue;
        }
        if heading::is_subtitle(line) {
            strong.insert(h.block, line.to_owned());
        } else if line.ends_with('.')
            && line.starts_with(char::is_uppercase)
            && line.split_whitespace().count() <= 8
        {
            weak.insert(h.block, line.to_owned());
        }
    }
    if untitled >= 3 && (strong.len() + weak.len()) * 10 >= untitled * 8 {
        strong.extend(weak);
    }
    strong
}

/// Whether heading block `i` is underlined by the rule after it (a setext heading,
/// `Installing` over `----------`).
fn is_underlined(text: &str, blocks: &[Block], i: usize) -> bool {
    let Some(rule) = blocks
        .get(i + 1)
        .filter(|b| b.kind == BlockKind::SceneBreak)
    else {
        return false;
    };
    let title = text[blocks[i].range.clone()].trim();
    let between = &text[blocks[i].range.end..rule.range.start];
    between.trim_matches([' ', '\t']) == "\n"
        && !title.contains('\n')
        && heading::is_setext(
            title,
            crate::text_width::str_width(title),
            text[rule.range.clone()].trim(),
        )
}

/// Whether only a few short blocks lie between blocks `a` and `b`.
fn close(text: &str, blocks: &[Block], a: usize, b: usize) -> bool {
    let between = &blocks[a + 1..b];
    between.len() <= GAP_BLOCKS
        && between.iter().all(|x| {
            let s = &text[x.range.clone()];
            s.len() <= GAP_BYTES && s.bytes().filter(|&c| c == b'\n').count() <= 1
        })
}

fn is_contents_heading(t: &str) -> bool {
    t.to_lowercase().contains("contents")
}

/// A contents list ends where the chapters it lists begin: at a heading it already holds.
fn repeats_in_run(run: &[Head], head: &Head) -> bool {
    number(head).is_some_and(|k| run.iter().any(|h| number(h) == Some(k)))
}

/// A numbered heading's kind and number ("chapter", "CHAPTER IV"), to find it again.
fn number(h: &Head) -> Option<(&str, &str)> {
    let (kind, n) = h.division.as_ref()?;
    let number = h.title[..n.title_at].trim_end_matches(['.', ' ', ':', '-', '—']);
    Some((kind.as_str(), number))
}

/// The entries of one run of headings with nothing between them.
///
/// The run is a contents list when it is headed "Contents", or when it holds several
/// numbered headings that the book has again elsewhere (the chapters it lists): a book
/// of short chapters has runs of numbered headings too, each only once.
fn read_run(
    run: &[Head],
    seen: &HashMap<(&str, &str), usize>,
    subtitles: &HashMap<usize, String>,
    out: &mut Vec<Entry>,
) {
    let Some(first) = run.first() else {
        return;
    };
    let title_page = out.is_empty();
    let numbered = run.iter().filter(|h| h.division.is_some()).count();
    let listed_again = run
        .iter()
        .filter_map(number)
        .filter(|k| seen.get(k).is_some_and(|&n| n > 1))
        .count();
    let contents = is_contents_heading(&first.title)
        || numbered >= CONTENTS_NUMBERED && listed_again * 2 >= numbered;
    if run.len() >= 3 && contents {
        let title = if is_contents_heading(&first.title) {
            first.title.clone()
        } else {
            "Contents".to_owned()
        };
        out.push(entry(first, title, Role::Contents));
        return;
    }
    // The entry being read, and the heading block whose title it may still take.
    let mut open: Option<(Entry, Option<usize>)> = None;
    let close = |open: Option<(Entry, Option<usize>)>, out: &mut Vec<Entry>| {
        if let Some((mut e, untitled)) = open {
            if let Some(title) = untitled.and_then(|b| subtitles.get(&b)) {
                e.chapter.title = with_title(&e.chapter.title, title);
            }
            out.push(e);
        }
    };
    for h in run {
        if let Some((e, untitled)) = open.as_mut() {
            let plain = h.division.is_none() && !heading::is_named_section(&h.title) && !h.marked;
            match e.role {
                Role::Numbered if untitled.is_some() && plain => {
                    e.chapter.title = with_title(&e.chapter.title, &h.title);
                    *untitled = None;
                    continue;
                }
                // A title page ("DRACULA", "by", "Bram Stoker", the publisher): its
                // first line names it.
                Role::Other if plain && title_page => continue,
                // A part's heading over its first poem's: both names.
                Role::Other if plain && e.chapter.title.chars().count() < JOINED_CHARS => {
                    e.chapter.title.push_str(" — ");
                    e.chapter.title.push_str(&h.title);
                    continue;
                }
                _ => {}
            }
        }
        close(open.take(), out);
        let role = if h.division.is_some() {
            Role::Numbered
        } else if heading::is_named_section(&h.title) {
            Role::Named
        } else {
            Role::Other
        };
        let untitled = h
            .division
            .as_ref()
            .is_some_and(|(_, n)| !n.has_title(&h.title))
            .then_some(h.block);
        open = Some((entry(h, h.title.clone(), role), untitled));
    }
    close(open, out);
}

fn entry(h: &Head, title: String, role: Role) -> Entry {
    let (kind, outer, first) = match &h.division {
        Some((k, n)) => (k.clone(), n.is_outer(), n.first),
        None => (String::new(), false, false),
    };
    Entry {
        chapter: Chapter {
            offset: h.offset,
            title,
            level: 1,
        },
        role,
        kind,
        outer,
        first,
    }
}

/// "CHAPTER 1" and "The Harbour." make "CHAPTER 1. The Harbour.": the title keeps its
/// own punctuation.
fn with_title(head: &str, title: &str) -> String {
    let title = one_line(title);
    if head.ends_with(['.', ':', '—', '-']) {
        format!("{head} {title}")
    } else {
        format!("{head}. {title}")
    }
}

/// Which entries to list. When a kind of numbered heading repeats through the book, it
/// is the chapter level: then the numbered headings, named sections and contents are
/// listed, and of the other headings only the title just before a book's first chapter
/// (and the book's own title, if first); otherwise everything.
fn choose(entries: Vec<Entry>) -> Vec<Chapter> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in entries.iter().filter(|e| e.role == Role::Numbered) {
        *counts.entry(e.kind.as_str()).or_default() += 1;
    }
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
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let keep = match e.role {
            Role::Contents | Role::Named => true,
            Role::Numbered => listed_kind(e),
            // The book's title, or a book's in a collection: the last heading before
            // its preface, contents and first chapter.
            Role::Other => {
                i == 0
                    || !is_dedication(&e.chapter.title)
                        && entries[i + 1..]
                            .iter()
                            .find(|n| !matches!(n.role, Role::Named | Role::Contents))
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

/// Index of the chapter that contains `offset`: the last one starting at or before it.
pub fn current(chapters: &[Chapter], offset: usize) -> Option<usize> {
    chapters
        .partition_point(|c| c.offset <= offset)
        .checked_sub(1)
}

/// `dogear --toc`: one chapter a line, its percent then its title, e.g.
/// ` 12.3%  CHAPTER II. The First Day's Journey`. Empty when there are none.
pub fn listing_text(doc: &Document, chapters: &[Chapter]) -> String {
    chapters
        .iter()
        .map(|c| {
            let indent = "  ".repeat(usize::from(c.level.saturating_sub(1)));
            let pct = position::percent(doc, c.offset);
            format!("{pct:>5.1}%  {indent}{}\n", c.title)
        })
        .collect()
}

/// `dogear --toc --json`: the chapters as a pretty JSON array, for scripts.
pub fn listing_json(doc: &Document, chapters: &[Chapter]) -> String {
    #[derive(Serialize)]
    struct Row<'a> {
        offset: usize,
        percent: f64,
        title: &'a str,
        level: u8,
    }
    let rows: Vec<Row> = chapters
        .iter()
        .map(|c| Row {
            offset: c.offset,
            percent: (position::percent(doc, c.offset) * 10.0).round() / 10.0,
            title: &c.title,
            level: c.level,
        })
        .collect();
    // Plain strings and numbers cannot fail to serialise.
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned()) + "\n"
}

/// "TO — MY OLD FRIEND": a dedication, which names no part of the book.
fn is_dedication(title: &str) -> bool {
    title == "TO" || title.starts_with("TO ")
}

/// "SURA1 LXXIV.-THE CLOAKED2" is "SURA LXXIV.-THE CLOAKED", and "SURA XCIII.1-THE
/// BRIGHTNESS" is "SURA XCIII.-THE BRIGHTNESS": in a heading in capitals, digits glued
/// to a word of two letters or more, or to the stop after a numeral ("I.1"), and ending
/// the word or followed by a dash, are footnote marks. Digits after a digit or a colon
/// ("1:1.", "2.1") are the heading's own.
fn without_footnote_digits(title: &str) -> String {
    if title.chars().any(char::is_lowercase) {
        return title.to_owned();
    }
    title
        .split(' ')
        .map(|w| {
            let Some(at) = w.find(|c: char| c.is_ascii_digit()) else {
                return w.to_owned();
            };
            let (head, rest) = w.split_at(at);
            let tail = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            let stopped = head.strip_suffix('.');
            let letters = stopped
                .unwrap_or(head)
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .count();
            let glued = (letters >= 2 || stopped.is_some() && letters >= 1)
                && (tail.is_empty() || tail.starts_with(['-', '—']));
            if glued {
                format!("{head}{tail}")
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of `s` on one line, without the underscores of `_italics_`.
fn one_line(s: &str) -> String {
    let words = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = words.chars().collect();
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            c != '_' || word(i.checked_sub(1).and_then(|j| chars.get(j))) && word(chars.get(i + 1))
        })
        .map(|(_, &c)| c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Block;

    fn doc() -> Document {
        let text = "CHAPTER I\n\nThe Return\n\nShe came back.\n\nCHAPTER II\n\nHe left.".to_owned();
        let b = |kind, s: &str| {
            let start = text.find(s).unwrap();
            Block {
                kind,
                range: start..start + s.len(),
            }
        };
        let blocks = vec![
            b(BlockKind::Heading, "CHAPTER I"),
            b(BlockKind::Heading, "The Return"),
            b(BlockKind::Paragraph, "She came back."),
            b(BlockKind::Heading, "CHAPTER II"),
            b(BlockKind::Paragraph, "He left."),
        ];
        let len = text.len();
        Document::from_parts(text, blocks, 0..len)
    }

    #[test]
    fn adjacent_headings_make_one_chapter() {
        let toc = chapters(&doc());
        let titles: Vec<_> = toc.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["CHAPTER I. The Return", "CHAPTER II"]);
        assert_eq!(toc[0].offset, 0);
    }

    #[test]
    fn current_chapter_by_offset() {
        let d = doc();
        let toc = chapters(&d);
        assert_eq!(current(&toc, 0), Some(0));
        assert_eq!(current(&toc, d.text().find("He left").unwrap()), Some(1));
        let late = vec![Chapter {
            offset: 5,
            title: "x".into(),
            level: 1,
        }];
        assert_eq!(current(&late, 2), None);
    }
}
