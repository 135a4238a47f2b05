//! A chapter's title as listed: a numbered head and the title on the line under it
//! made one, on one line, without footnote marks; dedications told apart.

use super::Head;
use crate::document::blocks::heading;
use crate::document::{Block, BlockKind};
use std::collections::HashMap;

/// A chapter's title on the line after its number is at most this long...
const SUBTITLE_LINE: usize = 70;
/// ...and at most this many lines in capitals.
const SUBTITLE_LINES: usize = 3;

/// "CHAPTER 1" and "The Harbour." make "CHAPTER 1. The Harbour.": the title keeps its
/// own punctuation.
pub(super) fn with_title(head: &str, title: &str) -> String {
    let title = one_line(title);
    if head.ends_with(['.', ':', '—', '-']) {
        format!("{head} {title}")
    } else {
        format!("{head}. {title}")
    }
}

/// "TO — MY OLD FRIEND": a dedication, which names no part of the book.
pub(super) fn is_dedication(title: &str) -> bool {
    title == "TO" || title.starts_with("TO ")
}

/// The words of `title` in lower case, without the punctuation around them.
pub(super) fn lower_words(title: &str) -> Vec<String> {
    title
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// "DRAMATIS PERSONÆ", "Persons of the Play", "CHARACTERS": a play's list of its
/// people, which comes between the play's title and its first act as a preface does.
pub(super) fn is_cast_list(title: &str) -> bool {
    let words = lower_words(title);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["dramatis", ..] | ["characters"] | ["cast"] => true,
        ["the", rest @ ..] | rest => matches!(
            rest,
            [
                "persons" | "characters",
                "of" | "in",
                "the",
                "play" | "drama" | "piece" | "comedy" | "tragedy"
            ] | ["persons" | "characters", "represented"]
                | ["cast", "of", "characters"]
        ),
    }
}

/// "SURA1 LXXIV.-THE CLOAKED2" is "SURA LXXIV.-THE CLOAKED", and "SURA XCIII.1-THE
/// BRIGHTNESS" is "SURA XCIII.-THE BRIGHTNESS": in a heading in capitals, digits glued
/// to a word of two letters or more, or to the stop after a numeral ("I.1"), and ending
/// the word or followed by a dash, are footnote marks. Digits after a digit or a colon
/// ("1:1.", "2.1") are the heading's own.
pub(super) fn without_footnote_digits(title: &str) -> String {
    let title = &without_angle_marks(&without_caret_marks(title));
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

/// "Song--Handsome Nell^1" is "Song--Handsome Nell": a caret and digits glued to a word
/// are plain text's way of setting a footnote mark up high.
fn without_caret_marks(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(at) = rest.find('^') {
        let digits = rest[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let glued = rest[..at].ends_with(|c: char| c.is_alphanumeric() || ".,;:!?'\"".contains(c));
        out.push_str(&rest[..at]);
        if digits == 0 || !glued {
            out.push('^');
        }
        rest = &rest[at + 1 + if glued { digits } else { 0 }..];
    }
    out.push_str(rest);
    out
}

/// "THE KNIGHT'S TALE <1>" is "THE KNIGHT'S TALE": a number of one to three digits in
/// angle brackets is a footnote's mark, with the spaces before it.
fn without_angle_marks(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(at) = rest.find('<') {
        let digits = rest[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let mark = (1..=3).contains(&digits) && rest[at + 1 + digits..].starts_with('>');
        if mark {
            out.push_str(rest[..at].trim_end());
            rest = &rest[at + digits + 2..];
        } else {
            out.push_str(&rest[..=at]);
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// The words of `s` on one line, without the underscores of `_italics_`.
pub(super) fn one_line(s: &str) -> String {
    let words = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = words.chars().collect();
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let (before, after) = (
                i.checked_sub(1).and_then(|j| chars.get(j)),
                chars.get(i + 1),
            );
            match c {
                '_' => word(before) && word(after),
                // Bold marks (`=READING.=`); an equals sign between words stays.
                '=' => word(before) && word(after) || before == Some(&' ') && after == Some(&' '),
                _ => true,
            }
        })
        .map(|(_, &c)| c)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// For each numbered heading without a title of its own, the line that follows it when
/// that line is its title (by [`heading::is_subtitle`]). A short line that reads like a
/// sentence still counts when such a line follows nearly every untitled heading of the
/// book: then it is the book's habit ("Psalm 3" over its Latin first words, "Domine,
/// quid multiplicati.").
pub(super) fn subtitles(text: &str, blocks: &[Block], heads: &[Head]) -> HashMap<usize, String> {
    let mut strong = HashMap::new();
    let mut weak = HashMap::new();
    let mut untitled = 0;
    for h in heads {
        let Some((_, n)) = h.division.as_deref() else {
            continue;
        };
        if n.has_title(&h.title) {
            continue;
        }
        untitled += 1;
        let Some(next) = blocks.get(h.block + 1) else {
            continue;
        };
        let line = text[next.range()].trim();
        if next.kind == BlockKind::Heading {
            continue;
        }
        // A long title in capitals, maybe wrapped onto a second line ("WHICH TREATS OF
        // THE CHARACTER AND PURSUITS OF THE FAMOUS GENTLEMAN DON" / "QUIXOTE OF LA
        // MANCHA").
        if is_long_caps_title(line) {
            strong.insert(h.block, one_line(line));
            continue;
        }
        if line.contains('\n') || line.len() > SUBTITLE_LINE {
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

/// A title in capitals longer than most (see [`subtitles`]): up to three lines, wrapped
/// (the last no longer than the first).
fn is_long_caps_title(t: &str) -> bool {
    let lines: Vec<&str> = t.lines().map(str::trim).collect();
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return false;
    };
    lines.len() <= SUBTITLE_LINES
        && t.len() <= SUBTITLE_LINES * SUBTITLE_LINE
        && first.len() >= last.len()
        && t.chars().any(char::is_alphabetic)
        && !t.chars().any(char::is_lowercase)
        && !t.ends_with([',', ';', ':', '-'])
        && !heading::is_false_heading(first)
}

#[cfg(test)]
mod tests {
    use super::without_footnote_digits;

    #[test]
    fn italic_and_bold_marks_are_no_part_of_a_title() {
        assert_eq!(
            super::one_line("=1. READING.= (BY THE TEACHER)"),
            "1. READING. (BY THE TEACHER)"
        );
        assert_eq!(super::one_line("_The_ Mill"), "The Mill");
        assert_eq!(super::one_line("E=MC2 and A = B"), "E=MC2 and A = B");
        assert_eq!(
            super::one_line("=== ALL PLEASE NOTE ==="),
            "ALL PLEASE NOTE"
        );
    }

    #[test]
    fn a_caret_footnote_mark_is_no_part_of_a_title() {
        assert_eq!(
            without_footnote_digits("Song--The Rowan^1"),
            "Song--The Rowan"
        );
        assert_eq!(
            without_footnote_digits("The Ford^12, A Ballad"),
            "The Ford, A Ballad"
        );
        assert_eq!(without_footnote_digits("x ^ 2 and 2^"), "x ^ 2 and 2^");
    }

    #[test]
    fn a_footnote_mark_in_angle_brackets_is_no_part_of_a_title() {
        assert_eq!(
            without_footnote_digits("THE KEEPER'S TALE <1>"),
            "THE KEEPER'S TALE"
        );
        assert_eq!(
            without_footnote_digits("THE LAMP <1> CALLED THE BEACON <12>"),
            "THE LAMP CALLED THE BEACON"
        );
        assert_eq!(without_footnote_digits("THE TALE.<1>"), "THE TALE.");
        // Not a mark: no digits, too many, or no closing bracket.
        for t in ["A <B> C", "ONE <1234>", "X <1 Y", "a < 2 > b"] {
            assert_eq!(without_footnote_digits(t), t);
        }
    }
}
