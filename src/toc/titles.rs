//! A chapter's title as listed: a numbered head and its title made one, on one line,
//! without footnote marks; dedications told apart.

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

/// "SURA1 LXXIV.-THE CLOAKED2" is "SURA LXXIV.-THE CLOAKED", and "SURA XCIII.1-THE
/// BRIGHTNESS" is "SURA XCIII.-THE BRIGHTNESS": in a heading in capitals, digits glued
/// to a word of two letters or more, or to the stop after a numeral ("I.1"), and ending
/// the word or followed by a dash, are footnote marks. Digits after a digit or a colon
/// ("1:1.", "2.1") are the heading's own.
pub(super) fn without_footnote_digits(title: &str) -> String {
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
pub(super) fn one_line(s: &str) -> String {
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
