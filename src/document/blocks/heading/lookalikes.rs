//! Lines that only look like headings: sentences, date lines, stage directions, closings
//! and labels, subtitles and endings.

use super::{ends_in_page_number, words, SMALL};

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

/// Prepositions, which a title has ("GENERAL OBSERVATIONS ON BIRDS.") and a speaker's
/// name has not.
const PREPOSITIONS: &[&str] = &[
    "of", "on", "in", "into", "for", "to", "with", "from", "upon", "at", "by", "about",
];

/// What a figure's or a table's caption starts with, before its number.
const CAPTIONED: &[&str] = &[
    "figure", "fig", "table", "plate", "diagram", "chart", "map", "exhibit",
];

/// A caption: "Figure 1: The lantern path", "Fig. 3.", "TABLE II. Tides", "Plate 4".
fn is_caption(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let (Some(label), Some(number)) = (words.next(), words.next()) else {
        return false;
    };
    let label = label.trim_end_matches('.');
    let number = number.trim_end_matches([':', '.', ',']);
    let arabic = number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    let roman = (1..=6).contains(&number.len()) && number.bytes().all(|b| b"IVXLC".contains(&b));
    CAPTIONED.iter().any(|c| c.eq_ignore_ascii_case(label)) && (arabic || roman)
}

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
    // A path or a prompt (`D:\DISTS\SLINK\`, `C:\WINDOWS>D:`): code, not a title.
    if t.contains(":\\")
        || t.as_bytes()
            .windows(3)
            .any(|w| w[1] == b'\\' && w[0].is_ascii_alphanumeric() && w[2].is_ascii_alphanumeric())
    {
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
    // The end of a bracketed note begun above ("[Illustration: PLATE II" over a blank
    // line and "VIOLONCELLO--(VICTOR HERBERT)]"): no title. Nor is a command's syntax,
    // an option in brackets glued to a word (`OLDGRP NEWGRP[:NEWGID]`; a footnote's
    // `[7]` was taken off above).
    if bare.ends_with(']') && !bare.contains('[')
        || bare
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_alphanumeric() && w[1] == b'[')
    {
        return true;
    }
    // A sentence going on, or broken off ("We split, we split------"): no title.
    if bare.ends_with([',', ';'])
        || bare.ends_with("--")
        || bare.ends_with([',', '—'])
        || ends_in_page_number(bare)
    {
        return true;
    }
    let mut n_words = 0;
    let mut lower_words = 0;
    let mut first_word = "";
    let mut has_and = false;
    // A preposition: a title's ("ARRANGEMENT AND ECONOMY OF THE KITCHEN."), not in
    // speakers' names ("MARY AND ALL THE GIRLS.").
    let mut preposition = false;
    for (_, w) in words(bare) {
        if n_words == 0 {
            first_word = w;
        }
        n_words += 1;
        if w.starts_with(char::is_lowercase) && !SMALL.contains(&w) {
            lower_words += 1;
        }
        has_and |= w == "AND" || w == "&";
        preposition |= PREPOSITIONS.iter().any(|s| s.eq_ignore_ascii_case(w));
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
    if n_words == 1 && is(LABELS, first_word) || is_caption(bare) {
        return true;
    }
    let caps = !bare.chars().any(char::is_lowercase);
    // A screenplay's transition: `CUT TO:`, `DISSOLVE TO:`, `FADE IN:`, `FADE OUT.`
    if caps && (bare.ends_with(" TO:") || first_word == "FADE") {
        return true;
    }
    // Initials, and maybe a surname after them: a signature ("R. B.", "B. C. SAWARD.").
    let initial = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.as_str() == "."
    };
    let tokens: Vec<&str> = bare.split_whitespace().collect();
    let signed = match tokens.as_slice() {
        [init @ .., _] if !init.is_empty() => init.iter().all(|w| initial(w)),
        _ => false,
    };
    if bare.ends_with('.') && (signed || words(bare).all(|(_, w)| w.chars().count() == 1)) {
        return true;
    }
    // A name and a period: a speaker, a signature, a one-word speech; speakers speaking
    // together ("MR. AND MRS. PEACHUM.").
    if bare.ends_with('.') && (n_words == 1 || caps && has_and && !preposition) {
        return true;
    }
    if bare.ends_with(['?', '!']) && n_words <= 2 {
        return true;
    }
    if is_dateline(bare) {
        return true;
    }
    // A refrain cut short ("For a' the joys, &c."), a sentence (a question or a cry
    // too: a line of a song or a dialogue in verse set out on its own).
    bare.ends_with("&c.") || bare.ends_with(['.', '?', '!']) && lower_words >= 2
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
