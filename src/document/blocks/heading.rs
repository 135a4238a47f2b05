//! What makes a line a chapter heading, and what only looks like one.
//!
//! Pure functions of the words of one line (or two), shared by block detection and the
//! table of contents (`crate::toc`): a numbered heading's kind ("chapter", "act",
//! "sura") is what the contents compares across the book, so both must read a heading
//! the same way.
//!
//! Block detection calls these on short lines only, and each starts with its cheapest
//! refusal: they run on every line of a 200 MB book.

/// Sections named by one word: "Prologue", "CONTENTS", "Preface: Why This Book".
const NAMED: &[&str] = &[
    "prologue",
    "epilogue",
    "preface",
    "introduction",
    "contents",
    "afterword",
    "foreword",
    "interlude",
    "conclusion",
    "appendix",
];

/// Every division [`numbered`] knows, by its English name.
pub const KINDS: &[&str] = &[
    "chapter", "book", "part", "volume", "act", "scene", "canto", "section", "stave", "letter",
    "psalm", "sura", "fit",
];

/// Divisions that hold the others: an act holds scenes, a book holds chapters.
const OUTER: &[&str] = &["book", "part", "volume", "act"];

/// Characters that separate the words of a heading. `_` and `[`, `]` are markup
/// ("_Actus \[Secundus\]. Scena Prima._"), not part of a word.
const SEPARATORS: &[char] = &[
    ' ', '\u{a0}', ':', '.', '-', '—', '–', ',', '_', '[', ']', '(', ')', '*',
];

/// Whether `c` is one of [`SEPARATORS`], as one `match` (a search through the list is a
/// comparison a separator, for every character of every short line).
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | ':' | '.' | '-' | '—' | '–' | ',' | '_' | '[' | ']' | '(' | ')' | '*'
    )
}

/// The last two words of `t` (split at [`SEPARATORS`]), the last first. An ASCII line is
/// split on its bytes (its separators are ASCII), with no character decoded.
fn last_two_words(t: &str) -> Option<(&str, &str)> {
    if !t.is_ascii() {
        let mut last = t.rsplit(is_separator).filter(|w| !w.is_empty());
        return last.next().zip(last.next());
    }
    // From the end, byte by byte (a split's iterators cost more on these few bytes).
    let mut end = t.len();
    let last = ascii_word_before(t, &mut end)?;
    Some((last, ascii_word_before(t, &mut end)?))
}

/// The last word of the ASCII `t[..*end]` split at [`SEPARATORS`] (the ASCII ones),
/// `*end` moved to its start.
#[inline]
fn ascii_word_before<'t>(t: &'t str, end: &mut usize) -> Option<&'t str> {
    let separator = |c: u8| {
        matches!(
            c,
            b' ' | b':' | b'.' | b'-' | b',' | b'_' | b'[' | b']' | b'(' | b')' | b'*'
        )
    };
    let b = t.as_bytes();
    while *end > 0 && separator(b[*end - 1]) {
        *end -= 1;
    }
    let stop = *end;
    while *end > 0 && !separator(b[*end - 1]) {
        *end -= 1;
    }
    (*end < stop).then(|| &t[*end..stop])
}

/// The second and third words of `t` split at ASCII whitespace, when it has exactly
/// three (as `split_ascii_whitespace` finds them, byte by byte with no iterator, and no
/// further than a fourth word's first byte).
fn three_words(t: &str) -> Option<(&str, &str)> {
    let b = t.as_bytes();
    let mut words = [(0, 0); 3];
    let (mut n, mut i) = (0, 0);
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        if n == 3 {
            return None;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        words[n] = (start, i);
        n += 1;
    }
    let [_, (a, b), (c, d)] = words;
    (n == 3).then(|| (&t[a..b], &t[c..d]))
}

/// A numbered heading: its kind and where the title after the number starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbered {
    /// The division, in English: "chapter", "act", "scene", "sura", ...
    pub kind: &'static str,
    /// Byte offset in the line of the words after the number ("The Return" in
    /// "Chapter 12: The Return"); the line's length when there are none.
    pub title_at: usize,
    /// Whether the number is one ("I", "1", "First", "Primus"): a new book starts.
    pub first: bool,
}

impl Numbered {
    /// Whether the heading carries its own title after the number.
    pub fn has_title(&self, line: &str) -> bool {
        line[self.title_at..].chars().any(char::is_alphabetic)
    }

    /// Whether this division holds others (an act holds scenes).
    pub fn is_outer(&self) -> bool {
        OUTER.contains(&self.kind)
    }
}

/// The words of `t` with their byte offsets.
fn words(t: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = t.as_ptr() as usize;
    t.split(is_separator)
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - base, w))
}

/// A roman numeral in its usual form, all in capitals or all in small letters: "XIV",
/// "xlii"; not "DID" or "MIMIC".
pub(crate) fn is_roman(w: &str) -> bool {
    roman_value(w).is_some()
}

/// The value of a roman numeral in its usual form (see [`is_roman`]): 14 for "XIV".
pub(crate) fn roman_value(w: &str) -> Option<u32> {
    // Cheapest refusal first: this is asked of every short line's first word.
    if w.is_empty() || w.len() > 15 || !w.bytes().all(|b| b"IVXLCDMivxlcdm".contains(&b)) {
        return None;
    }
    let upper = w.to_ascii_uppercase();
    if w != upper && w != w.to_ascii_lowercase() {
        return None;
    }
    let digit = |c: u8| match c {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let mut value = 0u32;
    let bytes = upper.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        let v = digit(c)?;
        match bytes.get(i + 1).and_then(|&n| digit(n)) {
            Some(next) if next > v => value = value.wrapping_sub(v),
            _ => value = value.wrapping_add(v),
        }
    }
    ((1..4000).contains(&value) && to_roman(value) == upper).then_some(value)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A number: digits (with a glued footnote digit too), a roman numeral, a number word.
fn is_number(w: &str) -> bool {
    (w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        || is_roman(w.trim_end_matches(|c: char| c.is_ascii_digit()))
        || is_number_word(w)
}

/// "SECUNDA SCAENA", "Second Part": an ordinal in words before its division, alone on
/// the line.
fn ordinal_first(t: &str) -> Option<Numbered> {
    // Its two words are the line's last two, found from the end with no iterator over
    // words (this is asked of most short lines that start with a capital).
    let (division, number) = last_two_words(t)?;
    let kind = keyword(division)?;
    let at = number.as_ptr() as usize - t.as_ptr() as usize;
    (t[..at].chars().all(is_separator) && is_number_word(number)).then(|| Numbered {
        kind,
        title_at: t.len(),
        first: is_one(number),
    })
}

/// Contents lines end in a page number: "CHAPTER I ....... 1", "CHAPTER II  Page 14".
fn ends_in_page_number(t: &str) -> bool {
    let digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() == t.len() {
        return false;
    }
    let before = digits.trim_end();
    digits.ends_with("  ")
        || digits.ends_with("..")
        || before.ends_with("..")
        || before.ends_with(". .")
        || before
            .get(before.len().saturating_sub(4)..)
            .is_some_and(|w| w.len() == 4 && w.eq_ignore_ascii_case("page"))
}

/// "Songs of the Road Chapter 2": a book's name in title case (up to five words), then a
/// division and its number, alone on the line. A series' name and a number ("FEDERALIST
/// No. 10", "The Rambler No. 4") are its numbered pieces: of the kind "number", listed
/// as chapters when the book has enough of them (see `crate::toc`).
fn named_division(t: &str) -> Option<Numbered> {
    if t.len() > 50 {
        return None;
    }
    // Cheapest refusal first, with no words gathered: this is asked of most short lines
    // that start with a capital. The last two words must be a division and its number.
    let (number, division) = last_two_words(t)?;
    let kind = match keyword(division) {
        Some(kind) => kind,
        None if division.eq_ignore_ascii_case("no") => "number",
        None => return None,
    };
    if !is_number(number) {
        return None;
    }
    // A division's word says what it is; "No." needs the series' name before it.
    let least = if kind == "number" { 1 } else { 2 };
    let ws: Vec<(usize, &str)> = words(t).collect();
    let [name @ .., _, (at, number)] = ws.as_slice() else {
        return None;
    };
    let title_case = |w: &str| {
        w.starts_with(char::is_uppercase) || SMALL.contains(&w) || matches!(w, "and" | "de")
    };
    // The series' name is words alone ("FEDERALIST." at most ends on a stop): a line
    // pointing to a numbered recipe ("CHICKEN SALAD.--(See No. 931.)") is no heading.
    let plain_name = || {
        let (no, _) = ws[ws.len() - 2];
        t[..no]
            .trim_end_matches([' ', '.'])
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\''))
    };
    if !(least..=5).contains(&name.len())
        || !name.iter().all(|(_, w)| title_case(w))
        || kind == "number" && !plain_name()
        || !is_number(number)
        || t[at + number.len()..]
            .trim_matches(SEPARATORS)
            .chars()
            .any(char::is_alphanumeric)
    {
        return None;
    }
    Some(Numbered {
        kind,
        title_at: t.len(),
        first: is_one(number),
    })
}

/// Reads a numbered heading: "CHAPTER IV", "Chapter 12: The Return", "SURA1 XCVI.-THICK
/// BLOOD", "_Actus \[Secundus\]. Scena Prima._", "Fit the Third", "Psalms Chapter 3" (a
/// book's name before the division), "THE FIRST ACT". `None` for anything else, and for
/// a contents line ("CHAPTER I ...... 1") or a sentence ("Part of me knew.").
pub fn numbered(t: &str) -> Option<Numbered> {
    // Cheapest refusals first: length, then the first letter.
    if t.len() > 80 {
        return None;
    }
    let head = t.trim_start_matches(['_', '*']);
    if !head.starts_with(char::is_uppercase) {
        return None;
    }
    // Next cheapest: a keyword first, or at most three short words ("Psalms Chapter 3").
    let mut w0_end = head
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(head.len());
    let rest = &head[w0_end..];
    let past_ascii = rest.as_bytes().first().is_some_and(|b| !b.is_ascii());
    if past_ascii && rest.chars().next().is_some_and(char::is_alphabetic) {
        // A word with letters past ASCII ("CAPÍTULO"; not "I’m", most often met here).
        w0_end += rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
    }
    if keyword(&head[..w0_end]).is_none() {
        if let Some(numbered) = named_division(t).or_else(|| ordinal_first(t)) {
            return Some(numbered);
        }
        // Only "Psalms Chapter 3" and "THE FIRST ACT": three words, a keyword among them.
        if t.len() > 40 {
            return None;
        }
        let (w1, w2) = three_words(t)?;
        if keyword(w1.trim_end_matches(['.', ':'])).is_none()
            && keyword(w2.trim_end_matches(['.', ':'])).is_none()
        {
            return None;
        }
    }
    let mut ws = words(t);
    let (_, w0) = ws.next()?;
    let (kind, number, number_end) = if let Some(kind) = keyword(w0) {
        let (at, mut w1) = ws.next()?;
        let mut end = at + w1.len();
        // "Chapter the Last", "Fit the Third".
        if w1.eq_ignore_ascii_case("the") {
            let (at, next) = ws.next()?;
            w1 = next;
            end = at + w1.len();
        }
        if !is_number(w1) || w1.eq_ignore_ascii_case("the") {
            return None;
        }
        (kind, w1, end)
    } else {
        let (_, w1) = ws.next()?;
        let (at, w2) = ws.next()?;
        let (kind, number) = match (keyword(w1), keyword(w2)) {
            // "Psalms Chapter 3", alone on its line.
            (Some(kind), None) if is_number(w2) => (kind, w2),
            // "THE FIRST ACT".
            (None, Some(kind)) if w0.eq_ignore_ascii_case("the") && is_number(w1) => (kind, w1),
            _ => return None,
        };
        if ws.next().is_some() {
            return None;
        }
        (kind, number, at + w2.len())
    };
    let rest = &t[number_end..];
    // A sentence goes on in lower case ("Act 1 was long."); a title does not.
    let next = rest.trim_start_matches(SEPARATORS);
    if next.starts_with(char::is_lowercase) || ends_in_page_number(rest) {
        return None;
    }
    Some(Numbered {
        kind,
        title_at: t.len() - next.len(),
        first: is_one(number),
    })
}

/// "Prologue", "CONTENTS", "Preface: Why This Book": a section named by one word.
pub fn is_named_section(t: &str) -> bool {
    // Cheapest refusal first: every name starts with one of these letters.
    if !matches!(
        t.as_bytes().first().map(u8::to_ascii_lowercase),
        Some(b'p' | b'e' | b'i' | b'c' | b'a' | b'f')
    ) {
        return false;
    }
    let end = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    let (first, rest) = t.split_at(end);
    NAMED.iter().any(|x| x.eq_ignore_ascii_case(first))
        && (rest.is_empty() || rest.starts_with([':', '.', ' ', '-', '—']) && t.len() <= 60)
}

/// A numbered heading whose number starts the line: "IV.", "12", "VII. THE ADVENTURE OF
/// THE BLUE CARBUNCLE". Its kind is "#" when bare, "#title" with a title.
pub fn roman_led(t: &str) -> Option<Numbered> {
    let end = t.find(SEPARATORS).unwrap_or(t.len());
    let w = &t[..end];
    let is_num = (w.len() <= 3 && !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
        || w.bytes().all(|c| c.is_ascii_uppercase()) && is_roman(w);
    // "14 Whoever you are": a numbered line of verse; a title follows a stop.
    if !is_num || end < t.len() && !t[end..].starts_with(['.', ':']) {
        return None;
    }
    let next = t[end..].trim_start_matches(SEPARATORS);
    if next.starts_with(char::is_lowercase) {
        return None;
    }
    Some(Numbered {
        kind: if next.is_empty() { "#" } else { "#title" },
        title_at: t.len() - next.len(),
        first: is_one(w),
    })
}

/// A heading's division for the table of contents: [`numbered`] ("chapter"),
/// [`roman_led`] ("#"), or any word in capitals followed by a number, which the book's
/// own repetition may prove a division ("ADVENTURE IV. THE FIVE PIPS": "adventure").
pub fn division(t: &str) -> Option<(String, Numbered)> {
    if let Some(n) = numbered(t).or_else(|| roman_led(t)) {
        return Some((n.kind.to_string(), n));
    }
    let mut ws = words(t);
    let (_, w0) = ws.next()?;
    let (at, w1) = ws.next()?;
    let name = w0.trim_end_matches(|c: char| c.is_ascii_digit());
    // "THE FIRST SPRING DAY" is a title: the number must be a numeral.
    let numeral = is_roman(w1) || w1.len() <= 4 && w1.bytes().all(|b| b.is_ascii_digit());
    // "TOPS-10", "B-52": a hyphenated name, not a division and its number.
    let hyphenated = t[..at].ends_with('-');
    if name.len() < 2
        || hyphenated
        || !name.chars().all(char::is_uppercase)
        || !numeral
        || SMALL.iter().any(|w| w.eq_ignore_ascii_case(name))
    {
        return None;
    }
    let next = t[at + w1.len()..].trim_start_matches(SEPARATORS);
    if next.starts_with(char::is_lowercase) {
        return None;
    }
    let n = Numbered {
        kind: "",
        title_at: t.len() - next.len(),
        first: is_one(w1),
    };
    Some((name.to_lowercase(), n))
}

/// The title of a book of scripture or of an anthology: "The Book of the Prophet Jonah",
/// "The First Book of the Kings, Commonly Called the Third Book of the Kings",
/// "The Gospel According to Saint John", "The Epistle of Paul to the Romans". Longer than
/// a chapter heading may be.
pub fn is_book_title(t: &str) -> bool {
    if t.len() > 100 || !t.starts_with("The ") && !t.starts_with("THE ") {
        return false;
    }
    let has = |needle: &str| {
        t.as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    };
    !t.ends_with(['.', ',', ';', '?', '!', ':'])
        && (has(" book of ") || has(" books of ") || has(" epistle ") || has(" gospel "))
        && !has(" was ")
        && !has(" is ")
}

/// Words that may sit in lower case inside a title ("A Tale of Two Pantries").
const SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with", "upon",
];

mod keywords;
mod lookalikes;
mod markup;
mod numerals;
use keywords::keyword;
pub use lookalikes::{
    is_dateline, is_ending, is_false_heading, is_sentences, is_stage_direction, is_subtitle,
};
pub use markup::{aozora_title, atx_title, is_setext, is_underlined, link_words, open_brackets};
pub use numerals::word_value;
use numerals::{is_number_word, is_one};

#[cfg(test)]
mod tests;
