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

mod choose;
mod listed;
mod listing;
mod noise;
mod runs;
mod titles;
mod twins;

use choose::choose;
pub use listing::{current, listing_json, listing_text};
use titles::{one_line, subtitles, with_title, without_footnote_digits};

use crate::document::blocks::heading::{self, Numbered};
use crate::document::blocks::margin_titles;
use crate::document::{Block, BlockKind, Document};
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
    /// Boxed: few headings are numbered, and a gigabyte of stories has a hundred
    /// thousand headings, all held while the chapters are listed.
    division: Option<Box<(String, Numbered)>>,
    /// Whether it is a Markdown heading (`## Usage`): its level is marked, so it is
    /// neither a title page's line nor joined to the heading before it.
    marked: bool,
    /// How it is set over a poem as its title, if it is (see
    /// [`margin_titles`](crate::document::blocks::margin_titles)).
    set: Option<margin_titles::Set>,
    /// Whether it is a poem's title set so, as the book's habit is.
    margin: bool,
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
    /// Whether it is a poem's title set at the margin: listed under a book's divisions.
    margin: bool,
}

/// The chapters of `doc`, in order.
pub fn chapters(doc: &Document) -> Vec<Chapter> {
    chapters_in(doc.text(), doc.blocks())
}

/// The chapters of a text whose blocks are `blocks` (those of a story still being read,
/// say), in order.
pub fn chapters_in(text: &str, blocks: &[Block]) -> Vec<Chapter> {
    let mut list = choose(entries(text, blocks), text.len());
    // Left out once the title pages are read as such (their "BY" and "TO" join the
    // lines around them): what stands alone is no chapter either.
    list.retain(|c| !noise::is_imprint(&c.title));
    // A contents list's titles, where they stand alone, are chapters: every chapter of
    // a book of poems whose titles carry no chapter word (nothing is listed after the
    // list), and the parts a book sets as plain lines among its headings ("First
    // Edition" over the numbered quatrains, as its contents named it).
    listed::add_chapters(text, blocks, list)
}

/// The entries the headings among `blocks` make, every one, in order: the heading blocks
/// read are let go before the entries are chosen from. A gigabyte of stories has a
/// couple of hundred thousand of them: the lists are made at their size at once, as one
/// that grows leaves the room it grew out of behind, resident (measured: tens of MB).
fn entries(text: &str, blocks: &[Block]) -> Vec<Entry> {
    let headings = blocks.iter().filter(|b| b.kind == BlockKind::Heading);
    let mut heads: Vec<Head> = Vec::with_capacity(headings.count());
    let read = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Heading && !lists_divisions(&text[b.range()]))
        .map(|(i, b)| {
            let line = one_line(&text[b.range()]);
            // A Markdown heading is listed by its words, without its `#` marks; an Aozora
            // Bunko heading without its markup.
            let atx = heading::atx_title(&line);
            let marked = atx.is_some() || heading::is_underlined(text, blocks, i);
            let line = match atx {
                Some(title) => heading::link_words(title).into_owned(),
                None => heading::aozora_title(&line).map_or_else(|| line.clone(), str::to_owned),
            };
            let title = without_footnote_digits(&line);
            let division = heading::division(&title).map(Box::new);
            Head {
                block: i,
                offset: b.start(),
                title,
                division,
                marked,
                set: margin_titles::title_set(text, blocks, i),
                margin: false,
            }
        })
        .filter(|h| {
            !heading::is_ending(&h.title)
                && !noise::is_menu(&h.title)
                && !noise::is_signature(text, blocks, h)
                && !noise::is_introduced(text, blocks, h)
        });
    heads.extend(read);
    // One title set so is no evidence of the book's habit (see `margin_titles`).
    if let Some(habit) = margin_titles::habit(heads.iter().filter_map(|h| h.set)) {
        heads
            .iter_mut()
            .for_each(|h| h.margin = h.set == Some(habit));
    }
    noise::drop_lone_numbers(&mut heads);
    noise::drop_stanza_numbers(text, blocks, &mut heads);
    noise::drop_paragraph_numbers(text, blocks, &mut heads);
    twins::drop_twins(&mut heads);
    let mut runs = Vec::new();
    let mut run_start = 0;
    for i in 1..=heads.len() {
        let ends_run = i == heads.len() || runs::ends(text, blocks, &heads[run_start..=i]);
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
    let mut entries = Vec::with_capacity(heads.len());
    for run in runs {
        read_run(run, (text, blocks), &seen, &subtitles, &mut entries);
    }
    entries
}

/// Where a contents list runs straight into the first chapter ("CHAPTER XXVII" and its
/// page number, the book's title, "CHAPTER I", its title): the index of the book's title
/// or of "CHAPTER I" when the run ends with them.
fn first_chapter_after_contents(run: &[Head]) -> Option<usize> {
    let k = run.iter().rposition(|h| h.division.is_some())?;
    let first = run[k].division.as_deref().is_some_and(|(_, n)| n.first);
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

/// Whether a heading block is a list of one kind of division, a line each ("Scene the
/// first: The Betrothal", "Scene the second: The Wedding" under a play's title): the
/// play's scenes named ahead, not one heading. Lines of two kinds ("BOOK I" over
/// "CHAPTER I") are one heading.
fn lists_divisions(block: &str) -> bool {
    let mut kinds = block
        .lines()
        .map(|l| heading::division(l.trim()).map(|(k, _)| k));
    match kinds.next() {
        Some(Some(first)) => {
            let mut rest = kinds.peekable();
            rest.peek().is_some() && rest.all(|k| k.as_deref() == Some(first.as_str()))
        }
        _ => false,
    }
}

fn is_contents_heading(t: &str) -> bool {
    /// "Contents" in the languages of Europe's books (and Japanese and Chinese), as a
    /// heading's only word.
    const ONE_WORD: &[&str] = &[
        "inhoud",
        "inhalt",
        "inhaltsverzeichnis",
        "sommaire",
        "índice",
        "indice",
        "sumario",
        "sumário",
        "innehåll",
        "indhold",
        "innhold",
        "sisällys",
        "sisällysluettelo",
        "obsah",
        "содержание",
        "оглавление",
        "目次",
        "目录",
        "目錄",
    ];
    if t.to_lowercase().contains("contents") {
        return true;
    }
    let words = titles::lower_words(t);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words.as_slice() {
        [word] => ONE_WORD.contains(word),
        ["table", "des", "matières"] | ["spis", "treści"] => true,
        _ => false,
    }
}

/// A numbered heading's kind and number ("chapter", "CHAPTER IV"), to find it again.
fn number(h: &Head) -> Option<(&str, &str)> {
    let (kind, n) = h.division.as_deref()?;
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
    (text, blocks): (&str, &[Block]),
    seen: &HashMap<(&str, &str), usize>,
    subtitles: &HashMap<usize, String>,
    out: &mut Vec<Entry>,
) {
    let Some(first) = run.first() else {
        return;
    };
    let title_page = out.is_empty();
    // The book's title, as its title page names it (this run's first line, when this
    // run is the title page).
    let book = match out.first() {
        Some(e) => (e.role == Role::Other).then(|| e.chapter.title.clone()),
        None => Some(first.title.clone()),
    };
    let book = book.as_deref();
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
    for (i, h) in run.iter().enumerate() {
        if let Some((e, untitled)) = open.as_mut() {
            // A poem's title at the margin starts an entry of its own, however short the
            // poem before it.
            let plain = h.division.is_none()
                && !heading::is_named_section(&h.title)
                && !h.marked
                && !h.margin;
            // The book's title again (a half-title: "DUBLINERS" over "THE SISTERS")
            // over its first piece, whose prose starts under it: the piece is an entry
            // of its own, under its own title. Over a subtitle the title heads a work
            // of its own ("GHOSTS" over "A FAMILY-DRAMA IN THREE ACTS.", then a date
            // and the cast; a play's title over "FROM THE QUARTO OF 1604.", then
            // "Enter CHORUS.") and is joined to it as before.
            let after_half_title = plain
                && i > usize::from(title_page)
                && is_half_title(&run[i - 1].title, book)
                && starts_prose(text, blocks.get(h.block + 1));
            if after_half_title {
                // The half-title alone names nothing the title page does not.
                if !title_page && e.chapter.title == run[i - 1].title {
                    open = None;
                }
                close(open.take(), out);
                open = Some((entry(h, h.title.clone(), Role::Other), None));
                continue;
            }
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
            .as_deref()
            .is_some_and(|(_, n)| !n.has_title(&h.title))
            .then_some(h.block);
        open = Some((entry(h, h.title.clone(), role), untitled));
    }
    close(open, out);
}

/// Whether `block` is prose of some length (more than a line of a book): a story's
/// start, not a date or a stage direction under a title.
fn starts_prose(text: &str, block: Option<&Block>) -> bool {
    /// A line of a book set at 70 columns, near enough.
    const LINE: usize = 60;
    block.is_some_and(|b| {
        b.kind == BlockKind::Paragraph && (b.range().len() > LINE || text[b.range()].contains('\n'))
    })
}

/// Whether a heading `title` is the title page's `book` again: the same words, or those
/// words at its end after the author's name ("THE BROTHERS GRIMM FAIRY TALES" on a book
/// whose title page says "FAIRY TALES"), when they are more than one word.
fn is_half_title(title: &str, book: Option<&str>) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let Some(book) = book.map(words).filter(|b| !b.is_empty()) else {
        return false;
    };
    let title = words(title);
    title == book || book.len() > 1 && title.ends_with(&book)
}

fn entry(h: &Head, title: String, role: Role) -> Entry {
    let (kind, outer, first) = match h.division.as_deref() {
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
        margin: h.margin,
    }
}

#[cfg(test)]
mod tests;
