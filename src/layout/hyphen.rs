//! Where a word may be broken at a line end: after its own hyphens, or at the hyphenation
//! points of its language's dictionary (TeX's patterns, embedded in the binary through
//! the `hyphenation` crate, which textwrap's `hyphenation` feature uses too; which
//! language is [`super::language`]'s business).
//!
//! Only words a dictionary can speak for are broken: letters of the language's script,
//! lower case after an optional capital, at least [`MIN_WORD`] letters. Never a URL, an
//! address, a number, an all-caps word (an acronym, a shout) or one with inner capitals (a
//! name like `McAdam`, code like `camelCase`), and never a word in another script than
//! the patterns'. A word that has hyphens of its own breaks only there, as TeX does it.

use super::language::{Lang, Script};
use hyphenation::Hyphenator;

/// Shorter words are never broken: a two-letter piece on either side reads badly and
/// saves little.
const MIN_WORD: usize = 5;

/// Where `token` (a run of text without spaces) may break with the patterns of `lang`, as
/// byte offsets into it, in order, each with whether a hyphen is drawn there (`false`:
/// after the token's own hyphen).
///
/// ```
/// use dogear::{hyphen_points_in, Lang};
/// let en = |token| hyphen_points_in(token, Lang::EnglishUs);
/// assert_eq!(en("hyphenation,"), [(2, true), (6, true), (7, true)]);
/// assert_eq!(en("lamp-post"), [(5, false)]);
/// assert!(en("https://example.com/hyphenation").is_empty());
/// assert!(en("HYPHENATION").is_empty());
/// assert_eq!(hyphen_points_in("Geschwindigkeit", Lang::German), [(2, true), (8, true), (11, true)]);
/// assert!(hyphen_points_in("hyphenation", Lang::Russian).is_empty());
/// ```
pub fn hyphen_points_in(token: &str, lang: Lang) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    if token.contains("://") || token.contains('@') || token.contains("www.") {
        return out;
    }
    let letter = |c: char| c.is_alphabetic();
    let (Some(first), Some(last)) = (token.find(letter), token.rfind(letter)) else {
        return out;
    };
    let end = last + token[last..].chars().next().map_or(1, char::len_utf8);
    let core = &token[first..end];
    // Its own hyphens: between two letters, not a dash (`--`) or a spaced hyphen.
    let own: Vec<usize> = core
        .char_indices()
        .filter(|&(i, c)| {
            c == '-'
                && core[..i].chars().next_back().is_some_and(letter)
                && core[i + 1..].chars().next().is_some_and(letter)
        })
        .map(|(i, _)| first + i + 1)
        .collect();
    if !own.is_empty() {
        out.extend(own.into_iter().map(|at| (at, false)));
        return out;
    }
    if !is_hyphenable(core, lang.script()) {
        return out;
    }
    let Some(dictionary) = lang.dictionary() else {
        return out;
    };
    let lower = core.to_lowercase();
    if lower.len() != core.len() {
        return out;
    }
    out.extend(
        dictionary
            .hyphenate(&lower)
            .breaks
            .into_iter()
            .filter(|&at| at > 0 && at < core.len() && core.is_char_boundary(at))
            .map(|at| (first + at, true)),
    );
    out
}

/// Letters of `script` only, at least [`MIN_WORD`], lower case after the first.
fn is_hyphenable(word: &str, script: Script) -> bool {
    let ours = |c: char| {
        c.is_alphabetic()
            && match script {
                Script::Latin => {
                    c.is_ascii_alphabetic()
                        || ('\u{C0}'..='\u{24F}').contains(&c)
                        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
                }
                Script::Cyrillic => ('\u{400}'..='\u{52F}').contains(&c),
                Script::Greek => {
                    ('\u{370}'..='\u{3FF}').contains(&c) || ('\u{1F00}'..='\u{1FFF}').contains(&c)
                }
            }
    };
    let mut chars = word.chars();
    let Some(head) = chars.next() else {
        return false;
    };
    ours(head) && chars.all(|c| ours(c) && !c.is_uppercase()) && word.chars().count() >= MIN_WORD
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where `token` may break in English (US).
    fn hyphen_points(token: &str) -> Vec<(usize, bool)> {
        hyphen_points_in(token, Lang::EnglishUs)
    }

    fn pieces(word: &str) -> Vec<&str> {
        let mut from = 0;
        let mut out = Vec::new();
        for (at, _) in hyphen_points(word) {
            out.push(&word[from..at]);
            from = at;
        }
        out.push(&word[from..]);
        out
    }

    #[test]
    fn english_words_break_at_the_dictionary_points() {
        assert_eq!(pieces("extraordinary"), ["ex", "tra", "or", "di", "nary"]);
        assert_eq!(pieces("Hyphenation"), ["Hy", "phen", "a", "tion"]);
        assert_eq!(
            pieces("\u{201C}wonderful,\u{201D}"),
            ["\u{201C}won", "der", "ful,\u{201D}"]
        );
    }

    #[test]
    fn words_a_dictionary_cannot_speak_for_are_kept_whole() {
        for word in [
            "NASA-approved",
            "HYPHENATION",
            "McAdamson",
            "camelCaseName",
            "1234567",
            "abc123def",
            "user@example.com",
            "www.example.com",
            "http://hyphenation.org",
            "ябълката",
            "短い",
            "word",
            "don't-care",
        ] {
            let found = hyphen_points(word);
            let own_only = found.iter().all(|&(_, drawn)| !drawn);
            assert!(own_only, "{word}: {found:?}");
        }
        assert!(hyphen_points("HYPHENATION").is_empty());
        assert!(hyphen_points("ябълката").is_empty());
    }

    #[test]
    fn a_hyphenated_word_breaks_at_its_own_hyphen() {
        assert_eq!(pieces("mother-in-law"), ["mother-", "in-", "law"]);
        assert_eq!(pieces("said--and"), ["said--and"]);
    }
}
