//! What a line's first and last words say about it: the first letter past any quotes, a
//! verse or list number, a speaker opening a speech, an attribution, a line ending in a
//! word or on a word that leads into the next line. Byte-level first, because these are
//! asked of nearly every line of a book.

use super::bytes::first_space;
use super::shape;

/// Display width of the first word of `t` (a line's text, so it starts with no space).
/// Plain ASCII words, the common case, are measured bytewise.
pub(super) fn first_word_width(t: &str) -> usize {
    // The first word's end and whether it is ASCII, in one look at its few bytes.
    let (space, wide) = first_space(t.as_bytes());
    let end = space.unwrap_or(t.len());
    if !wide {
        return end;
    }
    let word = &t[..end];
    // The word may end at another Unicode space (a no-break space too: a line glued with
    // them was not filled word by word); they all start with C2, E1, E2 or E3.
    if word.bytes().any(|c| matches!(c, 0xc2 | 0xe1 | 0xe2 | 0xe3)) {
        if let Some(first) = word.split(char::is_whitespace).find(|w| !w.is_empty()) {
            return shape::display_width(first);
        }
    }
    shape::display_width(word)
}

/// Whether `p` ends on a word that leads into what follows it (an article, a
/// preposition, a conjunction: a line ending on one breaks a phrase); only the last few
/// bytes are looked at.
pub(super) fn ends_on_leading_word(p: &str) -> bool {
    let b = p.as_bytes();
    let tail = &b[b.len().saturating_sub(6)..];
    let Some(space) = tail.iter().rposition(|&c| c == b' ') else {
        // The whole line is one short word, or the last word is long.
        return b.len() <= 5 && is_leading(b);
    };
    is_leading(&tail[space + 1..])
}

fn is_leading(word: &[u8]) -> bool {
    if word.is_empty() || word.len() > 5 {
        return false;
    }
    // The word in lower case packed into an integer, so the match below is a few integer
    // compares rather than a string compare per listed word.
    let key = word
        .iter()
        .rev()
        .fold(0u64, |k, &c| k << 8 | u64::from(c.to_ascii_lowercase()));
    LEADING.binary_search(&key).is_ok()
}

/// [`is_leading`]'s words, packed as it packs them, sorted.
const LEADING: [u64; 56] = sorted_keys([
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "and",
    "or", "but", "nor", "that", "which", "who", "whose", "as", "than", "his", "her", "its",
    "their", "my", "your", "our", "this", "these", "those", "is", "was", "were", "be", "had",
    "have", "has", "very", "so", "if", "when", "de", "la", "le", "el", "los", "las", "y", "en",
    "der", "die", "das", "und",
]);

const fn key(w: &str) -> u64 {
    let b = w.as_bytes();
    let mut k = 0u64;
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        k = k << 8 | b[i] as u64;
    }
    k
}

const fn sorted_keys<const N: usize>(words: [&str; N]) -> [u64; N] {
    let mut keys = [0u64; N];
    let mut i = 0;
    while i < N {
        keys[i] = key(words[i]);
        i += 1;
    }
    // Insertion sort: const fn has no sort.
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j - 1];
            keys[j - 1] = keys[j];
            keys[j] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
}

/// Whether `t` ends on a letter or digit (not on punctuation), cheaply: an ASCII last
/// byte, or a dash or quote, needs no Unicode table.
#[inline]
pub(crate) fn ends_in_word(t: &str) -> bool {
    // The common case, an ASCII last byte, inlined where it is asked (twice a line).
    match t.as_bytes().last() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => ends_in_wide_word(t),
    }
}

/// [`ends_in_word`] for a line whose last character is not ASCII.
#[inline(never)]
fn ends_in_wide_word(t: &str) -> bool {
    t.chars().next_back().is_some_and(|c| {
        !matches!(c, '\u{2000}'..='\u{206f}' | '\u{a0}'..='\u{bf}') && c.is_alphanumeric()
    })
}

/// The first letter or digit of `t`, past any opening quotes, brackets or dashes.
pub(crate) fn first_letter(t: &str) -> Option<char> {
    for &b in t.as_bytes().iter().take(4) {
        if b.is_ascii_alphanumeric() {
            return Some(char::from(b));
        }
        if !b.is_ascii() {
            // Dashes, quotes and other punctuation (U+2000 to U+206F, and Latin-1's
            // « » ¡ ¿) are passed over without a Unicode table lookup.
            return t
                .chars()
                .take(4)
                .filter(|&c| !matches!(c, '\u{2000}'..='\u{206f}' | '\u{a0}'..='\u{bf}'))
                .find(|c| c.is_alphanumeric());
        }
    }
    None
}

/// Whether `t` starts with a verse or list number: `2:4`, `12.`, `58, 59.`, `(3)`, `iv.`.
#[inline]
pub(super) fn starts_numbered(t: &str) -> bool {
    // Cheapest refusal first, inlined (this is asked of most lines, twice): a number
    // starts with a digit, a roman numeral's letter or a bracket.
    matches!(
        t.as_bytes().first(),
        Some(b'0'..=b'9' | b'I' | b'V' | b'X' | b'L' | b'C' | b'(')
    ) && starts_numbered_line(t)
}

/// [`starts_numbered`] for a line that starts with a digit, a roman numeral's letter or
/// a bracket.
#[inline(never)]
fn starts_numbered_line(t: &str) -> bool {
    let b = t.as_bytes();
    // `IV. The Start`: a roman numeral list item.
    let roman = b.iter().take_while(|c| b"IVXLC".contains(c)).count();
    if roman > 0 && t[roman..].starts_with(". ") {
        return t[roman + 2..].starts_with(|c: char| c.is_uppercase());
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 4 {
        return b.first() == Some(&b'(')
            && t[1..].find(')').is_some_and(|i| i > 0 && i <= 4)
            && t[1..].split(')').next().is_some_and(|n| {
                n.bytes()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
            });
    }
    let rest = &t[digits..];
    // `2:4`, `1:1.` : chapter and verse.
    if let Some(after) = rest.strip_prefix(':') {
        return after.starts_with(|c: char| c.is_ascii_digit());
    }
    // `12.` or `58, 59.` followed by a space.
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == ' ');
    rest.starts_with(". ") || rest.starts_with(") ")
}

/// The verse or list number at the start of `t`, with the spaces after it: a double
/// space there is a typist's habit, not a column.
pub(super) fn number_prefix(t: &str) -> usize {
    if !starts_numbered(t) {
        return 0;
    }
    // Everything up to the first word: `58, 59.` and the spaces after it.
    t.find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.' | ',' | '(' | ')' | ' ')))
        .unwrap_or(t.len())
}

/// An attribution under a quotation: `-- Name`, `— Name`, `-- from "The Songs"`: a dash,
/// a space, then words (a dash glued to a word is punctuation inside a sentence).
pub(super) fn is_attribution(t: &str) -> bool {
    // Cheapest refusal first: each dash starts with `-` or E2.
    if !matches!(t.as_bytes().first(), Some(b'-' | 0xe2)) {
        return false;
    }
    let rest = t
        .strip_prefix("--")
        .or_else(|| t.strip_prefix('—'))
        .or_else(|| t.strip_prefix('―'));
    rest.is_some_and(|r| {
        r.starts_with(' ') && r.trim_start().starts_with(|c: char| !c.is_whitespace())
    })
}

/// A speech that opens with its speaker: `HOLM. Thy voice ...`, `FIRST LORD   Then ...`
/// (the name before a tab stop): a name in capitals, then a full stop and a space, or a
/// run of spaces.
pub(super) fn starts_speech(t: &str) -> bool {
    speech_prefix(t) > 0
}

/// A speech whose speaker ends on a colon (`TOM: Is this`). Scripture and manuals
/// have such lines too (`SAY: It is not`, `NOTE: See`), so on its own this starts no
/// speech: ask whether the lines around have more (see `starts`).
pub(super) fn starts_colon_speech(t: &str) -> bool {
    let at = speech_prefix(t);
    at > 0 && t[..at].trim_end().ends_with(':')
}

/// A speech whose speaker's tab came down to one space: `SERVANT My lord` where the
/// tab after a seven-letter name reached the next stop at once. A name in capitals ends
/// one column short of a tab stop (every 8 columns, counted from the line's start at
/// `indent`), and a capital starts the speech. On its own this is weak: ask it only where
/// other speeches show the tab stops (see [`is_tabbed_speech`]).
pub(super) fn starts_speech_at_stop(t: &str, indent: usize) -> bool {
    // Cheapest refusal first: a name of two capitals or more starts the line.
    if !matches!(t.as_bytes(), [a, b, ..] if a.is_ascii_uppercase() && b.is_ascii_uppercase()) {
        return false;
    }
    let Some((name, rest)) = t.split_once(' ') else {
        return false;
    };
    name.len() >= 2
        && (indent + name.len() + 1).is_multiple_of(8)
        && name.bytes().all(|b| b.is_ascii_uppercase())
        && rest.starts_with(|c: char| c.is_uppercase())
}

/// A speech whose speaker is followed by a gap reaching a tab stop: `FIRST LORD      Then`.
pub(super) fn is_tabbed_speech(t: &str, indent: usize) -> bool {
    let at = speech_prefix(t);
    at > 0 && t[..at].ends_with("  ") && (indent + at).is_multiple_of(8)
}

/// The length of a speech's opening speaker and the spaces after it (see
/// [`starts_speech`]), or 0: the gap after a name is a tab stop, not a column.
pub(super) fn speech_prefix(t: &str) -> usize {
    // Most lines start with a small letter, a quote, or a capitalised word: no name.
    match t.as_bytes() {
        [b'_', ..] => {}
        [a, b, ..] if a.is_ascii_uppercase() && !b.is_ascii_lowercase() => {}
        // A name in another script starts with a capital letter; a dash or a quote is
        // no name.
        [a, ..] if !a.is_ascii() && t.chars().next().is_some_and(char::is_uppercase) => {}
        _ => return 0,
    }
    let spoken = |r: &str| r.starts_with(|c: char| c.is_alphabetic() && !c.is_lowercase());
    let after = |at: usize| at + t[at..].len() - t[at..].trim_start().len();
    // `_Ros._ Good shepherd`: an abbreviated speaker in italics.
    if let Some(rest) = t.strip_prefix('_') {
        let name = rest.split("._").next().unwrap_or("");
        let ok = name.len() < rest.len()
            && (2..=20).contains(&name.len())
            && name.starts_with(char::is_uppercase)
            && name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'))
            && rest[name.len() + 2..].starts_with(' ');
        return if ok { after(name.len() + 3) } else { 0 };
    }
    // The name: words in capitals (`MRS.`, `O'NEILL`), one space apart, ending where the
    // speech starts: after a full stop or a colon and a space, or a run of spaces. The first such
    // end counts, so that a speech's "I" is not taken into the name ("TAPP. I was").
    let mut name_end = 0;
    let mut letters = 0;
    for word in t.split(' ') {
        // `TOM: Is this`: a modern script's speaker ends on a colon.
        let colon = word.len() > 1 && word.ends_with(':');
        let caps = word.chars().any(char::is_alphabetic)
            && word
                .trim_end_matches(':')
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '-'));
        if !caps || name_end + word.len() > 24 {
            return 0;
        }
        letters += word.chars().filter(|c| c.is_alphabetic()).count();
        name_end += word.len();
        let rest = &t[name_end..];
        // "MR." and the like are the start of a name, not its end.
        let honorific = matches!(
            word,
            "MR."
                | "MRS."
                | "MS."
                | "DR."
                | "ST."
                | "REV."
                | "MME."
                | "MLLE."
                | "MESSRS."
                | "CAPT."
                | "COL."
                | "GEN."
                | "LT."
                | "SGT."
                | "PROF."
        );
        // One letter is a speaker only before a colon (`Q:` and `A:` of an interview);
        // `A. Lincoln` starts a sentence.
        if (letters >= 2 || colon)
            && ((word.ends_with('.') && !honorific || colon)
                && rest.strip_prefix(' ').is_some_and(spoken)
                || rest.starts_with("  ") && spoken(rest.trim_start()))
        {
            return after(name_end);
        }
        name_end += 1;
        if name_end >= t.len() {
            return 0;
        }
    }
    0
}

#[cfg(test)]
mod tests;
