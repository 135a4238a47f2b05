//! Headings that are not chapters, told by the other headings of the book: a series
//! number on a title page, and a line of section names run together (a web page's menu,
//! flattened into the text).

use super::Head;
use crate::document::blocks::heading;
use crate::document::{Block, BlockKind};
use std::collections::HashSet;

/// Whether `title` names several sections at once ("Introduction Preface Index"): a
/// list of them (the links at the top of a page), not one section's heading.
pub(super) fn is_menu(title: &str) -> bool {
    /// The back matter a page links to beside the named sections.
    const BACK: [&str; 6] = [
        "index",
        "notes",
        "glossary",
        "bibliography",
        "footnotes",
        "appendices",
    ];
    let section =
        |w: &&str| heading::is_named_section(w) || BACK.iter().any(|b| b.eq_ignore_ascii_case(w));
    let words: Vec<&str> = title.split_whitespace().collect();
    words.len() >= 2 && words.iter().all(section)
}

/// Whether `title` is a title page's or a colophon's line rather than a section's: a
/// word that only joins two others ("BY" between a title and its author, "AND"), or a
/// printer's imprint ("PRINTED FOR THE PUBLISHERS BY ...", "Printed in England").
pub(super) fn is_imprint(title: &str) -> bool {
    const JOINING: [&str; 6] = ["by", "and", "or", "of", "with", "to"];
    const PRINTED: [&str; 4] = ["by", "for", "in", "at"];
    let words = super::titles::lower_words(title);
    match words.as_slice() {
        [word] => JOINING.contains(&word.as_str()),
        [printed, how, ..] => printed == "printed" && PRINTED.contains(&how.as_str()),
        [] => false,
    }
}

/// Whether heading `h` signs what is above it: an unnumbered line right over the place
/// and date a preface or a letter is signed with ("CHARLES DICKENS." over "MAY, 1868.").
///
/// Or a name in capitals with a stop that signs off the piece above it ("CHARLES
/// DICKENS." after the last paragraph, then the footnotes): see [`is_sign_off`].
pub(super) fn is_signature(text: &str, blocks: &[Block], h: &Head) -> bool {
    h.division.is_none()
        && !heading::is_named_section(&h.title)
        && (blocks
            .get(h.block + 1)
            .is_some_and(|b| heading::is_dateline(text[b.range()].trim()))
            || is_sign_off(text, blocks, h))
}

/// Whether heading `h` is a display the prose right above it introduces, ending on a
/// colon ("This was the paragraph:" over a newspaper's headline, "he announced:" over a
/// recited poem's title): a part of the story's text, not a division of the book. A
/// numbered heading, a named section and a Markdown heading are divisions whatever
/// comes before them; a line in capitals ending on a colon is no prose (a screenplay's
/// `CUT TO:` closes the scene above the next heading).
pub(super) fn is_introduced(text: &str, blocks: &[Block], h: &Head) -> bool {
    let Some(prev) = h.block.checked_sub(1).map(|p| &blocks[p]) else {
        return false;
    };
    h.division.is_none()
        && !h.marked
        && !heading::is_named_section(&h.title)
        && prev.kind == BlockKind::Paragraph
        && text[prev.range()].trim_end().ends_with(':')
        && text[prev.range()].chars().any(char::is_lowercase)
}

/// Whether heading `h` is a name signing the piece above it: in capitals with a stop,
/// right under a paragraph of prose that ends a sentence (no further from it than from
/// what follows), and with no body of its own: after it come only the footnotes, an
/// ending ("End of the Project"), or nothing. A title in capitals with a stop
/// ("DRAMATIS PERSONAE.") heads a text of its own.
fn is_sign_off(text: &str, blocks: &[Block], h: &Head) -> bool {
    let t = h.title.as_str();
    let Some(prev) = h.block.checked_sub(1).map(|p| &blocks[p]) else {
        return false;
    };
    let block = &blocks[h.block];
    if !t.ends_with('.') || t.chars().any(char::is_lowercase) || prev.kind != BlockKind::Paragraph {
        return false;
    }
    let blank = |between: &str| between.bytes().filter(|&b| b == b'\n').count();
    let before = blank(&text[prev.end()..block.start()]);
    let signed = crate::document::blocks::shape::ends_sentence(text[prev.range()].trim_end());
    let no_body = match blocks.get(h.block + 1) {
        None => true,
        Some(next) => {
            let after = blank(&text[block.end()..next.start()]);
            let first = text[next.range()].trim_start();
            let first = first.lines().next().unwrap_or("");
            before <= after && (is_notes_heading(first) || heading::is_ending(first))
        }
    };
    signed && no_body
}

/// "Footnotes:", "NOTES.", "Footnote": the start of a piece's notes.
fn is_notes_heading(line: &str) -> bool {
    let word = line.trim_end_matches([':', '.', ' ']);
    ["footnotes", "footnote", "notes"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Leaves out the bare numbers ("CLXXXIV", "7.") that no other bare number of the book
/// comes before or after: parts are numbered in a row (I, II, III), while a lone number
/// is a series number or the like.
pub(super) fn drop_lone_numbers(heads: &mut Vec<Head>) {
    let bare = |h: &Head| {
        h.division
            .as_deref()
            .filter(|(kind, _)| kind == "#")
            .and_then(|(_, n)| value(&h.title[..n.title_at]))
    };
    let values: HashSet<u32> = heads.iter().filter_map(bare).collect();
    heads.retain(|h| {
        bare(h).is_none_or(|v| values.contains(&(v + 1)) || v > 0 && values.contains(&(v - 1)))
    });
}

/// Blocks looked at on each side of a numbered heading for the paragraph numbered next
/// to it.
const PARAGRAPH_REACH: usize = 4;

/// Leaves out the headings numbered as the paragraphs around them are: in a manual whose
/// paragraphs run "141. The rifle may be used...", "143. The sight is set...", a short
/// "142. _UNLOAD._" is its paragraph 142 (a command), not a section.
pub(super) fn drop_paragraph_numbers(text: &str, blocks: &[Block], heads: &mut Vec<Head>) {
    let leading = |t: &str| -> Option<u32> {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        (1..=4).contains(&digits).then_some(())?;
        t[digits..]
            .starts_with(". ")
            .then(|| t[..digits].parse().ok())?
    };
    // A paragraph of prose, words in lower case: a line in capitals may be a section's
    // title that was not read as one ("7.  WHAT THE FIRST COMPOSERS SAY OF THE MUSIC").
    let numbered_paragraph = |b: &Block, want: u32| {
        let t = text[b.range()].trim_start();
        let lower = t
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_lowercase))
            .take(3)
            .count();
        matches!(b.kind, BlockKind::Paragraph | BlockKind::Verse)
            && lower == 3
            && leading(t) == Some(want)
    };
    heads.retain(|h| {
        let Some(v) = leading(&h.title).filter(|&v| v > 1) else {
            return true;
        };
        let i = h.block;
        let before = blocks[i.saturating_sub(PARAGRAPH_REACH)..i]
            .iter()
            .rev()
            .find(|b| leading(text[b.range()].trim_start()).is_some());
        let after = blocks[(i + 1).min(blocks.len())..(i + 1 + PARAGRAPH_REACH).min(blocks.len())]
            .iter()
            .find(|b| leading(text[b.range()].trim_start()).is_some());
        !(before.is_some_and(|b| numbered_paragraph(b, v - 1))
            || after.is_some_and(|b| numbered_paragraph(b, v + 1)))
    });
}

/// Lines of text under a number, at most, for it to number a stanza rather than a part.
const STANZA_LINES: usize = 12;

/// Leaves out the stanza numbers of a hymn or a ballad ("1." over each stanza): bare
/// numbers in a row, each over nothing but verse, and no more than a stanza's lines
/// (and perhaps a chorus) before the next heading. A poem's parts run longer, at least
/// one of them, and a book's numbered parts hold prose.
pub(super) fn drop_stanza_numbers(text: &str, blocks: &[Block], heads: &mut Vec<Head>) {
    let is_bare = |h: &Head| h.division.as_deref().is_some_and(|(kind, _)| kind == "#");
    let mut drop = vec![false; heads.len()];
    let mut i = 0;
    while i < heads.len() {
        let run = heads[i..].iter().take_while(|h| is_bare(h)).count();
        if run >= 2 {
            let stanzas = (i..i + run).all(|k| {
                let next = heads.get(k + 1).map_or(blocks.len(), |n| n.block);
                let under = &blocks[heads[k].block + 1..next.max(heads[k].block + 1)];
                let lines: usize = under.iter().map(|b| text[b.range()].lines().count()).sum();
                !under.is_empty()
                    && under.iter().all(|b| b.kind == BlockKind::Verse)
                    && lines <= STANZA_LINES
            });
            drop[i..i + run].fill(stanzas);
        }
        i += run.max(1);
    }
    let mut k = 0;
    heads.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// The value of a bare number, in digits or roman numerals, with its stop ("XIV.", "7").
pub(super) fn value(number: &str) -> Option<u32> {
    let w = number.trim().trim_end_matches(['.', ':']);
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    let digit = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Vec<u32> = w.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            total -= i64::from(d);
        } else {
            total += i64::from(d);
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::{is_menu, value};
    use crate::document::Document;
    use crate::toc::chapters;

    #[test]
    fn numbers_and_menus() {
        assert_eq!(value("CLXXXIV"), Some(184));
        assert_eq!(value("XIV."), Some(14));
        assert_eq!(value("7"), Some(7));
        assert!(is_menu("Introduction Preface Index"));
        assert!(!is_menu("Preface"));
        assert!(!is_menu("Introduction to the Second Edition"));
    }

    fn titles(text: &str) -> Vec<String> {
        chapters(&Document::from_text(text))
            .into_iter()
            .map(|c| c.title)
            .collect()
    }

    /// A series number alone on a title page ("The Pocket Classics", "CCXII") is no
    /// chapter; numbered parts in a row are.
    #[test]
    fn a_lone_series_number_is_not_a_chapter() {
        let part = "The wind came off the water and the boats turned on their ropes, \
                    one after another,\nall the way down the harbour wall.\n\n";
        let text = format!(
            "The Pocket Classics\n\nCCXII\n\nA HARBOUR BOOK\n\n{part}I.\n\n{part}II.\n\n\
             {part}III.\n\n{part}"
        );
        let toc = titles(&text);
        assert!(!toc.iter().any(|t| t == "CCXII"), "{toc:?}");
        assert!(toc.iter().any(|t| t == "II."), "{toc:?}");
    }

    /// "Introduction Preface Index" on a line of its own, before the introduction: the
    /// links of a page, not a chapter.
    #[test]
    fn a_line_of_section_names_is_not_a_chapter() {
        let body = "The tides here are the highest on the coast, and the harbour dries \
                    at low water\nso that the boats sit on the mud.\n\n";
        let text = format!(
            "Introduction Preface Index\n\n{body}INTRODUCTION\n\n{body}PREFACE\n\n{body}\
             INDEX\n\n{body}"
        );
        let toc = titles(&text);
        assert!(
            !toc.iter()
                .any(|t| t.contains("Index") && t.contains("Preface")),
            "{toc:?}"
        );
        assert!(toc.iter().any(|t| t == "PREFACE"), "{toc:?}");
    }
}
