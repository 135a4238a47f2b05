//! What makes a line a chapter heading, and what only looks like one.
//!
//! Pure functions of the words of one line (or two), shared by block detection and the
//! table of contents (`crate::toc`): a numbered heading's kind ("chapter", "act",
//! "sura") is what the contents compares across the book, so both must read a heading
//! the same way.
//!
//! Block detection calls these on short lines only, and each starts with its cheapest
//! refusal: they run on every line of a 200 MB book.

/// Words that number a division: "CHAPTER IV", "Act 2", "SURA XCVI", "Fit the Third".
/// Latin (and old-spelling) names count as the English one: "Actus", "Scoena".
const KEYWORDS: &[(&str, &str)] = &[
    ("chapter", "chapter"),
    ("book", "book"),
    ("part", "part"),
    ("volume", "volume"),
    ("act", "act"),
    ("scene", "scene"),
    ("canto", "canto"),
    ("section", "section"),
    ("stave", "stave"),
    ("letter", "letter"),
    ("psalm", "psalm"),
    ("sura", "sura"),
    ("surah", "sura"),
    ("fit", "fit"),
    ("actus", "act"),
    ("scena", "scene"),
    ("scoena", "scene"),
    ("scaena", "scene"),
    ("liber", "book"),
    ("caput", "chapter"),
];

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

/// Numbers written as words, English and Latin, cardinal and ordinal.
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "last",
    "primus",
    "prima",
    "secundus",
    "secunda",
    "tertius",
    "tertia",
    "quartus",
    "quarta",
    "quintus",
    "quinta",
    "sextus",
    "sexta",
    "septimus",
    "septima",
    "octavus",
    "octava",
    "ultimus",
    "ultima",
];

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

fn keyword(w: &str) -> Option<&'static str> {
    // "SURA1": a footnote digit glued to the word.
    let w = w.trim_end_matches(|c: char| c.is_ascii_digit());
    if !(3..=7).contains(&w.len()) {
        return None;
    }
    KEYWORDS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(w))
        .map(|&(_, kind)| kind)
}

/// A roman numeral in its usual form, all in capitals or all in small letters: "XIV",
/// "xlii"; not "DID" or "MIMIC".
pub(crate) fn is_roman(w: &str) -> bool {
    // Cheapest refusal first: this is asked of every short line's first word.
    if w.is_empty() || w.len() > 15 || !w.bytes().all(|b| b"IVXLCDMivxlcdm".contains(&b)) {
        return false;
    }
    let upper = w.to_ascii_uppercase();
    if w != upper && w != w.to_ascii_lowercase() {
        return false;
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
        let Some(v) = digit(c) else {
            return false;
        };
        match bytes.get(i + 1).and_then(|&n| digit(n)) {
            Some(next) if next > v => value = value.wrapping_sub(v),
            _ => value = value.wrapping_add(v),
        }
    }
    (1..4000).contains(&value) && to_roman(value) == upper
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
        || NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(w))
}

fn is_one(w: &str) -> bool {
    ["i", "1", "one", "first", "primus", "prima"]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(w))
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
/// division and its number, alone on the line.
fn named_division(t: &str) -> Option<Numbered> {
    if t.len() > 50 {
        return None;
    }
    // Cheapest refusal first, with no words gathered: this is asked of most short lines
    // that start with a capital. The last two words must be a division and its number.
    let mut last = t.rsplit(is_separator).filter(|w| !w.is_empty());
    let (Some(number), Some(division)) = (last.next(), last.next()) else {
        return None;
    };
    if keyword(division).is_none() || !is_number(number) {
        return None;
    }
    let ws: Vec<(usize, &str)> = words(t).collect();
    let [name @ .., (_, division), (at, number)] = ws.as_slice() else {
        return None;
    };
    let title_case = |w: &str| {
        w.starts_with(char::is_uppercase) || SMALL.contains(&w) || matches!(w, "and" | "de")
    };
    if !(2..=5).contains(&name.len())
        || !name.iter().all(|(_, w)| title_case(w))
        || !is_number(number)
        || t[at + number.len()..]
            .trim_matches(SEPARATORS)
            .chars()
            .any(char::is_alphanumeric)
    {
        return None;
    }
    Some(Numbered {
        kind: keyword(division)?,
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
    let w0_end = head
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(head.len());
    if keyword(&head[..w0_end]).is_none() {
        if let Some(numbered) = named_division(t) {
            return Some(numbered);
        }
        // Only "Psalms Chapter 3" and "THE FIRST ACT": three words, a keyword among them.
        if t.len() > 40 {
            return None;
        }
        let mut ws = t.split_ascii_whitespace();
        let (Some(_), Some(w1), Some(w2), None) = (ws.next(), ws.next(), ws.next(), ws.next())
        else {
            return None;
        };
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

/// A setext heading: a title, then a rule of `-` or `=` as long as it.
pub fn is_setext(title: &str, title_width: usize, rule: &str) -> bool {
    let Some(mark) = rule.bytes().next() else {
        return false;
    };
    (mark == b'-' || mark == b'=')
        && rule.len() >= 3
        && rule.len().abs_diff(title_width) <= (title_width / 4).max(2)
        && rule.bytes().all(|b| b == mark)
        && title_width <= 70
        && !title.starts_with(char::is_lowercase)
        && !title.ends_with([',', ';'])
}

/// A Markdown (ATX) heading, `## The Stairs`: one to six `#`, a space, then a title
/// (closing `#`s allowed). Its title, or `None`: a `#` alone is a scene break, `#2 pencils`
/// a word, and a line that reads on like a sentence is no heading.
pub fn atx_title(t: &str) -> Option<&str> {
    let depth = t.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&depth) {
        return None;
    }
    let title = t[depth..].strip_prefix(' ')?.trim();
    let title = title.trim_end_matches('#').trim_end();
    (title.chars().any(char::is_alphanumeric)
        && link_words(title).chars().count() <= 70
        && !title.starts_with(char::is_lowercase)
        && !title.ends_with([',', ';']))
    .then_some(title)
}

/// Whether `t` reads as two sentences or more, "Describe the lamp.  Give three
/// examples.": a line of text, not a title's second line. A stop after a short word
/// ("Mr.", "St.", "No.") ends no sentence.
pub fn is_sentences(t: &str) -> bool {
    if !t.ends_with(['.', '?', '!']) {
        return false;
    }
    let inner = &t[..t.len() - 1];
    inner.match_indices(['.', '?', '!']).any(|(i, _)| {
        let word = inner[..i]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let next = inner[i + 1..].trim_start_matches(' ');
        (word.chars().count() >= 4 || inner[i..].starts_with(['?', '!']))
            && inner[i + 1..].starts_with(' ')
            && next.starts_with(char::is_uppercase)
    })
}

/// The title of a line that Aozora Bunko's markup calls a heading:
/// `［＃８字下げ］一［＃「一」は中見出し］` is the heading `一` (大見出し, 中見出し and
/// 小見出し: large, middle and small). `None` for any other line.
pub fn aozora_title(t: &str) -> Option<&str> {
    if t.len() > 300 {
        return None;
    }
    let note = t.rfind("［＃「")?;
    let rest = &t[note + "［＃「".len()..];
    let (title, after) = rest.split_once("」は")?;
    let kind = after.strip_suffix("見出し］")?;
    (matches!(kind, "大" | "中" | "小") && !title.trim().is_empty()).then_some(title.trim())
}

/// How many more `[` and `(` than `]` and `)` `t` holds: a Markdown heading that leaves a
/// link open goes on over the next line (as a converter wraps it).
pub fn open_brackets(t: &str) -> isize {
    t.bytes().fold(0, |n, b| match b {
        b'[' | b'(' => n + 1,
        b']' | b')' => n - 1,
        _ => n,
    })
}

/// `t` with its Markdown links read as their words: `[Installation](https://…)` is
/// `Installation`; a link's target cut off by the line's end is dropped too, and so is
/// a bracket left open.
pub fn link_words(t: &str) -> std::borrow::Cow<'_, str> {
    if !t.contains("](") {
        return t.into();
    }
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(at) = rest.find("](") {
        out.push_str(&rest[..=at]);
        let target = &rest[at + 2..];
        rest = target.find(')').map_or("", |end| &target[end + 1..]);
    }
    out.push_str(rest);
    // Brackets: those of links (and any left open) go; a pair around plain words stays
    // only when it is no link's, which the `](` test above has already told apart.
    out.retain(|c| c != '[' && c != ']');
    out.into()
}

/// Whether `t` names a month and a year and ends with a stop ("LONDON, JUNE 22, 1850."):
/// the place and date a preface or a letter is signed with, not a title.
pub fn is_dateline(t: &str) -> bool {
    if !t.ends_with('.') || t.len() > 60 {
        return false;
    }
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let mut month = false;
    let mut year = false;
    for (_, w) in words(t) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        month |= MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w));
        year |= w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    }
    month && year
}

/// Whether `t` is a stage direction by its first word (`Enter two Lords`, `[Exit.]`,
/// `_Exeunt._`).
pub fn is_stage_direction(t: &str) -> bool {
    let first = t
        .trim_start_matches(['[', '(', '_', '*'])
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .next()
        .unwrap_or("");
    DIRECTIONS.iter().any(|d| d.eq_ignore_ascii_case(first))
}

/// Words that open a stage direction.
const DIRECTIONS: &[&str] = &[
    "enter", "re-enter", "exit", "exeunt", "manet", "manent", "flourish", "alarum", "alarums",
    "sennet",
];

/// Closing words of a letter, before its signature.
const CLOSINGS: &[&str] = &[
    "yours",
    "your",
    "ever",
    "sincerely",
    "faithfully",
    "affectionately",
    "believe",
];

/// Labels inside songs, not sections of the book.
const LABELS: &[&str] = &["chorus", "refrain", "recitativo", "air", "burden"];

/// Words that may sit in lower case inside a title ("A Tale of Two Pantries").
const SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with", "upon",
];

/// Whether a short line that is set like a heading (in capitals, or centred) is really
/// part of the story's text: a letter's salutation ("DEAR SIR,--", "My dearest Lucy,--")
/// or signature ("MINA.", "Yours truly,"), a quoted line, a one-word name or a short
/// speech in a play ("NO.", "WHAT?", "BLAND AND ROPER."), a song's "CHORUS.", a stage
/// direction ("Enter the FRIARS."), a song's refrain cut short ("Sing hey, &c."), or a
/// sentence set in the middle of the line.
///
/// Numbered headings ("LETTER IV.") are not asked.
pub fn is_false_heading(t: &str) -> bool {
    let Some(first) = t.chars().next() else {
        return true;
    };
    if matches!(first, '[' | '(') {
        return true;
    }
    // A quotation: a signature or a speech ("MINA., "DRACULA.", 'MURDER.), unless it is
    // a quoted title, closed and unpunctuated ('NO, THANK YOU, JOHN').
    if matches!(first, '"' | '\'' | '“' | '‘' | '«') {
        let inner = t[first.len_utf8()..].trim_end_matches(['_', '*']);
        let closed = inner.strip_suffix(['"', '\'', '”', '’', '»']);
        return match closed {
            Some(quoted) => quoted.ends_with(['.', ',', '!', '?', ';']),
            None => true,
        };
    }
    // Without italics and a trailing footnote marker ("study.[7]").
    let mut bare = t.trim_matches(['_', '*']);
    if let Some(open) = bare.rfind('[') {
        if bare.ends_with(']')
            && bare[open + 1..bare.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            bare = bare[..open].trim_end();
        }
    }
    let bare = bare.trim_end_matches(['"', '\'', '”', '’', '_']);
    if bare.ends_with([',', ';'])
        || bare.ends_with(",--")
        || bare.ends_with(",—")
        || ends_in_page_number(bare)
    {
        return true;
    }
    let mut n_words = 0;
    let mut lower_words = 0;
    let mut first_word = "";
    let mut has_and = false;
    for (_, w) in words(bare) {
        if n_words == 0 {
            first_word = w;
        }
        n_words += 1;
        if w.starts_with(char::is_lowercase) && !SMALL.contains(&w) {
            lower_words += 1;
        }
        has_and |= w == "AND" || w == "&";
    }
    let is = |list: &[&str], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    let lower = bare.to_lowercase();
    if ["dear ", "dearest ", "my dear"]
        .iter()
        .any(|d| lower.starts_with(d))
    {
        return true;
    }
    if is(DIRECTIONS, first_word) || is(CLOSINGS, first_word) && n_words <= 4 {
        return true;
    }
    if n_words == 1 && is(LABELS, first_word) {
        return true;
    }
    let caps = !bare.chars().any(char::is_lowercase);
    // Initials: a signature ("R. B.").
    if bare.ends_with('.') && words(bare).all(|(_, w)| w.chars().count() == 1) {
        return true;
    }
    // A name and a period: a speaker, a signature, a one-word speech.
    if bare.ends_with('.') && (n_words == 1 || caps && has_and) {
        return true;
    }
    if bare.ends_with(['?', '!']) && n_words <= 2 {
        return true;
    }
    if is_dateline(bare) {
        return true;
    }
    // A refrain cut short ("For a' the joys, &c."), a sentence.
    bare.ends_with("&c.") || bare.ends_with('.') && lower_words >= 2
}

/// Whether `t`, a short line right after a numbered heading with no title of its own,
/// reads as that heading's title ("The Harbour.", "_Letter from the Mate._", "MINA'S
/// JOURNAL", "Beatus vir.") rather than the first sentence of the text.
pub fn is_subtitle(t: &str) -> bool {
    if t.len() > 90 || t.starts_with(char::is_lowercase) {
        return false;
    }
    let italic = t.len() > 2 && t.starts_with('_') && t.trim_end_matches(['.', ' ']).ends_with('_');
    if italic {
        return true;
    }
    // A diary's run-in date ("_4 May._--The wind..."), a verse, a quotation.
    if t.starts_with(|c: char| c.is_ascii_digit() || "\"'“‘[(*".contains(c))
        || t.ends_with([',', ';', ':', '?', '!', '-'])
        || t.contains(".--")
        || t.contains("._--")
        || t.contains(".—")
    {
        return false;
    }
    let (mut n, mut lower) = (0, 0);
    for (_, w) in words(t) {
        n += 1;
        if w.starts_with(char::is_lowercase) && !SMALL.contains(&w) {
            lower += 1;
        }
    }
    // "He left." is a sentence; "In which the Tide Turns" a title.
    n <= 12 && (lower == 0 || lower == 1 && n >= 4) && !is_false_heading(t)
}

/// Whether a heading marks an end ("THE END", "FINIS", "END OF THE FIRST ACT."), which
/// starts nothing.
pub fn is_ending(t: &str) -> bool {
    let t = t.trim_matches(['_', '*', ' ']).trim_end_matches(['.', '!']);
    let lower = t.to_lowercase();
    lower == "the end" || lower == "finis" || lower == "end" || lower.starts_with("end of ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(t: &str) -> Option<&'static str> {
        numbered(t).map(|n| n.kind)
    }

    #[test]
    fn a_page_number_after_a_multibyte_character_does_not_panic() {
        assert!(!ends_in_page_number("ÁE¡ÏW 12"));
        assert!(ends_in_page_number("CHAPTER II  Page 14"));
    }

    #[test]
    fn is_separator_is_the_list_of_separators() {
        for c in ('\0'..='\u{3000}').chain(SEPARATORS.iter().copied()) {
            assert_eq!(is_separator(c), SEPARATORS.contains(&c), "{c:?}");
        }
    }

    #[test]
    fn numbered_headings_in_many_spellings() {
        for (t, k) in [
            ("CHAPTER IV", "chapter"),
            ("Chapter 12: The Return", "chapter"),
            ("Chapter the Last", "chapter"),
            ("Fit the Third", "fit"),
            ("Actus Primus. Scoena Prima.", "act"),
            ("Scena Secunda.", "scene"),
            ("_Actus primus. Scena prima._", "act"),
            ("_Actus [Tertius]. Scena Prima._", "act"),
            ("ACT I. SCENE II.", "act"),
            ("SCENE III.", "scene"),
            ("Ferries Chapter 3", "chapter"),
            ("Psalm 40", "psalm"),
            ("SURA XCVI.-THICK BLOOD", "sura"),
            ("SURA2 LXX.-THE STEPS", "sura"),
            ("THE SECOND ACT", "act"),
            ("BOOK TWO", "book"),
        ] {
            assert_eq!(kind(t), Some(k), "{t}");
        }
    }

    #[test]
    fn every_roman_numeral_in_its_usual_form_and_no_word() {
        for n in 1..4000 {
            let r = to_roman(n);
            assert!(is_roman(&r) && is_roman(&r.to_lowercase()), "{r}");
        }
        for w in ["DID", "MIMIC", "CIVIL", "IIII", "VX", "Iv", ""] {
            assert!(!is_roman(w), "{w}");
        }
    }

    #[test]
    fn sentences_and_contents_lines_are_not_numbered_headings() {
        for t in [
            "Part of me knew.",
            "Act 1 was long and dull.",
            "Chapter and verse were quoted",
            "Book lovers",
            "CHAPTER I ....... 1",
            "CHAPTER II  Page 14",
            "CHAPTER III. THE MILL. . . . . 27",
            "chapter 3 again",
            "Fit the key into the lock.",
            "Some Chapter 3 pages",
            "The First Day",
        ] {
            assert_eq!(kind(t), None, "{t}");
        }
    }

    #[test]
    fn a_numbered_heading_knows_where_its_title_starts() {
        let t = "CHAPTER VI - THE LONG ROAD HOME";
        let n = numbered(t).unwrap();
        assert_eq!(&t[n.title_at..], "THE LONG ROAD HOME");
        let bare = numbered("CHAPTER 1").unwrap();
        assert!(!bare.has_title("CHAPTER 1"));
        assert_eq!(roman_led("VII. THE BLUE STONE").unwrap().title_at, 5);
        assert!(roman_led("I said so.").is_none());
    }

    #[test]
    fn book_titles_of_scripture_and_anthologies() {
        assert!(is_book_title("The Book of the Prophet Jonah"));
        assert!(is_book_title(
            "The Second Book of the Chronicles, Otherwise Called the Last Book of Days"
        ));
        assert!(is_book_title("The Gospel According to Saint Mark"));
        assert!(!is_book_title("The book of recipes was on the shelf."));
        assert!(!is_book_title("The Book of Kells is in Dublin"));
    }

    #[test]
    fn sentences_by_a_stop_inside_and_at_the_end() {
        assert!(is_sentences("Describe the lamp.  Give three examples."));
        assert!(is_sentences("Who lit it? Nobody knows."));
        for t in [
            "THE START OF IT.",
            "Mr. Pickwick Goes to Town.",
            "In Which the Keeper Climbs",
            "The Lamp. The Sea",
        ] {
            assert!(!is_sentences(t), "{t}");
        }
    }

    #[test]
    fn links_read_as_their_words() {
        assert_eq!(link_words("[Install](https://x.org/a)"), "Install");
        assert_eq!(link_words("Lamps [(see)](#l) here"), "Lamps (see) here");
        assert_eq!(link_words("灯台[[编辑](/w/index.php?a=1"), "灯台编辑");
        assert_eq!(link_words("[1] A note"), "[1] A note");
    }

    #[test]
    fn aozora_headings_by_their_markup() {
        assert_eq!(
            aozora_title("［＃８字下げ］一［＃「一」は中見出し］"),
            Some("一")
        );
        assert_eq!(aozora_title("［＃「第一章」は大見出し］"), Some("第一章"));
        for t in [
            "［＃ここから２字下げ］",
            "一",
            "［＃「言＋墟のつくり」、第4水準2-88-74］",
        ] {
            assert_eq!(aozora_title(t), None, "{t}");
        }
    }

    #[test]
    fn markdown_headings_by_their_hashes() {
        assert_eq!(atx_title("# The Lighthouse"), Some("The Lighthouse"));
        assert_eq!(atx_title("### A Visitor ###"), Some("A Visitor"));
        for t in [
            "#",
            "# # #",
            "#2 pencils",
            "####### Too deep",
            "# and so it went on,",
        ] {
            assert_eq!(atx_title(t), None, "{t}");
        }
    }

    #[test]
    fn setext_headings_need_a_rule_as_long_as_the_title() {
        assert!(is_setext("* Getting started", 17, "-----------------"));
        assert!(is_setext("Notes", 5, "====="));
        assert!(!is_setext("Notes", 5, "=================="));
        assert!(!is_setext("Notes", 5, "-=-=-"));
    }

    #[test]
    fn letters_speeches_and_directions_are_not_headings() {
        for t in [
            "DEAR SIR,--",
            "\"My dearest Lucy,--",
            "\"MINA.",
            "Yours truly,",
            "Your loving friend",
            "NO.",
            "WHAT?",
            "HOLD!",
            "CHORUS.",
            "Chorus",
            "GRIMBLE AND TOPP.",
            "Enter the GAOLER with a lamp.",
            "WARDEN discovered at his desk.[4]",
            "'OSWALD PENNYFEATHER.'",
            "\"HOLD FAST!\"",
            "[_Aside._]",
            "THE BELL . . . . 27",
            "Both. Sing hey the heather, &c.",
            "T. W.",
        ] {
            assert!(is_false_heading(t), "{t}");
        }
        for t in [
            "THE LOST LETTER",
            "The Harbour.",
            "A SHIPWRECK ON THE DOGGER BANK",
            "WHAT THE PILOT SAW?",
            "MINA MURRAY'S JOURNAL",
            "'NO, THANK YOU, SKIPPER'",
        ] {
            assert!(!is_false_heading(t), "{t}");
        }
    }

    #[test]
    fn subtitles_read_as_titles_not_sentences() {
        for t in [
            "The Harbour.",
            "_Letter from the Mate to his Sister._",
            "THE LONG ROAD HOME",
            "In which the Tide Turns",
        ] {
            assert!(is_subtitle(t), "{t}");
        }
        for t in [
            "It was late when we came in.",
            "\"Who is there?\"",
            "1:1. The first verse runs on here.",
            "He stopped. Then he ran.",
            "and then the rain came",
            "_The Mate's Log._--Wind in the north.",
            "He left.",
            "Ecce homo.",
        ] {
            assert!(!is_subtitle(t), "{t}");
        }
    }

    #[test]
    fn endings() {
        for t in ["THE END", "FINIS.", "END OF THE FIRST ACT.", "_The End._"] {
            assert!(is_ending(t), "{t}");
        }
        assert!(!is_ending("THE ENDLESS ROAD"));
    }
}
