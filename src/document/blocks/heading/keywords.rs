//! The words that number a division ("CHAPTER", "Act", "SURA"), and how a word is
//! matched with them cheaply: they are asked of most words of every short line.

/// Words that number a division: "CHAPTER IV", "Act 2", "SURA XCVI", "Fit the Third".
/// Latin (and old-spelling) names count as the English one: "Actus", "Scoena"; so do
/// the German, French, Italian, Spanish, Portuguese, Dutch and Norwegian ones ("Erstes
/// Kapitel", "ACTE II", "Capitolo 3", "ESCENA IV", "Tweede Bedrijf"), written in ASCII
/// and at most eight letters long (one integer each: see [`pack`]); the others are
/// [`OTHER_KEYWORDS`].
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
    // German.
    ("kapitel", "chapter"),
    ("buch", "book"),
    ("teil", "part"),
    ("akt", "act"),
    ("aufzug", "act"),
    ("szene", "scene"),
    ("auftritt", "scene"),
    ("gesang", "canto"),
    // French.
    ("chapitre", "chapter"),
    ("livre", "book"),
    ("partie", "part"),
    ("tome", "volume"),
    ("acte", "act"),
    ("lettre", "letter"),
    // Italian, Spanish and Portuguese.
    ("capitolo", "chapter"),
    ("capitulo", "chapter"),
    ("libro", "book"),
    ("livro", "book"),
    ("cena", "scene"),
    ("parte", "part"),
    ("atto", "act"),
    ("acto", "act"),
    ("escena", "scene"),
    // Dutch.
    ("boek", "book"),
    ("deel", "part"),
    ("bedrijf", "act"),
    ("tooneel", "scene"),
    ("toneel", "scene"),
    // Danish and Norwegian (their "Kapitel" is the German word).
    ("kapittel", "chapter"),
];

#[inline]
pub(super) fn keyword(w: &str) -> Option<&'static str> {
    // "SURA1": a footnote digit glued to the word (ASCII digits are whole characters, so
    // they are trimmed as bytes).
    let b = w.as_bytes();
    let letters = b.len() - b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let (word, w) = (&w[..letters], &b[..letters]);
    if may_be_keyword(w) {
        // The word in lower case packed into an integer (it has 3 to 8 bytes): one
        // integer compare per keyword rather than a string compare. Only ASCII letters
        // are lowered, as `eq_ignore_ascii_case` does, and every keyword is ASCII (a word
        // with bytes past ASCII matches none).
        let key = pack(w);
        let found = (KEYWORDS.iter().zip(KEYWORD_KEYS))
            .find(|&(_, k)| k == key)
            .map(|(&(_, kind), _)| kind);
        if found.is_some() {
            return found;
        }
    }
    match may_be_other(w) {
        true => other_keyword(word),
        false => None,
    }
}

/// Division words with letters past ASCII, or longer than eight letters: "CAPÍTULO",
/// "SCÈNE", "Hoofdstuk", "ГЛАВА". Few words are either, in a book in English.
const OTHER_KEYWORDS: &[(&str, &str)] = &[
    ("capítulo", "chapter"),
    ("scène", "scene"),
    ("hoofdstuk", "chapter"),
    ("abschnitt", "section"),
    // Russian: chapter, part, book, act, scene.
    ("глава", "chapter"),
    ("часть", "part"),
    ("книга", "book"),
    ("действие", "act"),
    ("явление", "scene"),
];

/// For each length in bytes, the first letters of the [`OTHER_KEYWORDS`] that long and
/// starting in ASCII.
const OTHER_STARTS: [u32; 17] = first_letters(OTHER_KEYWORDS);

/// The cheapest refusal for [`OTHER_KEYWORDS`], by length and first byte: a word asked of
/// nearly every short line must cost nothing more when it is none (the keyword stays a
/// few compares inline).
#[inline]
fn may_be_other(w: &[u8]) -> bool {
    (6..=16).contains(&w.len()) && (!w[0].is_ascii() || listed_start(&OTHER_STARTS, w))
}

/// `w` as one of [`OTHER_KEYWORDS`], in any case.
#[cold]
#[inline(never)]
fn other_keyword(w: &str) -> Option<&'static str> {
    if !(6..=16).contains(&w.len()) {
        return None;
    }
    let lower = || w.chars().map(|c| c.to_lowercase().next().unwrap_or(c));
    // Most words asked (“Well, a quoted word) are refused on their first letter.
    let first = lower().next()?;
    (OTHER_KEYWORDS.iter())
        .filter(|(k, _)| k.starts_with(first))
        .find(|(k, _)| lower().eq(k.chars()))
        .map(|&(_, kind)| kind)
}

/// The cheapest refusal of a word (its trailing digits left off): no keyword is as long
/// or starts with its letter. Most words of a line are refused here, with no packing
/// and no search.
#[inline]
fn may_be_keyword(w: &[u8]) -> bool {
    (3..=8).contains(&w.len()) && listed_start(&KEYWORD_STARTS, w)
}

/// `w` (at most eight bytes) with its ASCII letters in lower case, packed into an integer.
const fn pack(w: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = w.len();
    while i > 0 {
        i -= 1;
        key = key << 8 | w[i].to_ascii_lowercase() as u64;
    }
    key
}

/// [`KEYWORDS`]' words, packed as [`pack`] packs them.
const KEYWORD_KEYS: [u64; KEYWORDS.len()] = {
    let mut keys = [0u64; KEYWORDS.len()];
    let mut i = 0;
    while i < KEYWORDS.len() {
        keys[i] = pack(KEYWORDS[i].0.as_bytes());
        i += 1;
    }
    keys
};

/// For each length of word, the first letters of [`KEYWORDS`]' words that long: a bit
/// per letter, `a` the lowest.
const KEYWORD_STARTS: [u32; 9] = first_letters(KEYWORDS);

/// For each length in bytes (below `N`), the first letters of `words` that long, a bit
/// per letter, `a` the lowest (words starting past ASCII are left out).
const fn first_letters<const N: usize>(words: &[(&str, &str)]) -> [u32; N] {
    let mut starts = [0u32; N];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].0.as_bytes();
        if w[0].is_ascii_lowercase() {
            starts[w.len()] |= 1 << (w[0] - b'a');
        }
        i += 1;
    }
    starts
}

/// Whether `w`'s first byte, in lower case, is among `starts`' letters for its length.
#[inline]
fn listed_start(starts: &[u32], w: &[u8]) -> bool {
    let lower = w[0].to_ascii_lowercase();
    lower.is_ascii_lowercase() && starts[w.len()] & 1 << (lower - b'a') != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`keyword`] without its refusal on the first letter.
    fn plain_keyword(w: &str) -> Option<&'static str> {
        let w = w.trim_end_matches(|c: char| c.is_ascii_digit());
        if !(3..=8).contains(&w.len()) {
            return None;
        }
        let key = pack(w.as_bytes());
        KEYWORDS
            .iter()
            .zip(KEYWORD_KEYS)
            .find(|&(_, k)| k == key)
            .map(|(&(_, kind), _)| kind)
    }

    proptest! {
        /// The refusal on a word's length and first letter refuses no keyword: every
        /// keyword in any case, with digits glued on, and words that share their letters.
        /// (Checked to fail with `starts[w.len()]` made `starts[w.len() - 1]`.)
        #[test]
        fn a_keyword_is_found_as_without_the_refusal(
            w in "(chapter|book|part|volume|act|scene|canto|section|stave|letter|psalm|sura|surah|fit|actus|scena|scoena|scaena|liber|caput|kapitel|auftritt|chapitre|capitolo|bedrijf|tooneel|[a-zA-Z]{1,9}|[AaBbCcFfLlPpSsVvKkTtEe1é]{1,9})[0-9]{0,2}",
            upper in proptest::collection::vec(any::<bool>(), 8),
        ) {
            let w: String = w
                .chars()
                .zip(upper.iter().cycle())
                .map(|(c, &u)| if u { c.to_ascii_uppercase() } else { c })
                .collect();
            prop_assert_eq!(keyword(&w), plain_keyword(&w));
        }
    }

    #[test]
    fn keywords_are_found_in_any_case_and_with_a_glued_digit() {
        for (w, kind) in KEYWORDS {
            assert_eq!(keyword(w), Some(*kind));
            assert_eq!(keyword(&w.to_ascii_uppercase()), Some(*kind));
            assert_eq!(keyword(&format!("{w}1")), Some(*kind));
        }
        for w in ["the", "said", "nothing", "Chapters", "ac", "fi"] {
            assert_eq!(keyword(w), None, "{w}");
        }
    }

    #[test]
    fn keywords_past_ascii_or_eight_letters_are_found_in_any_case() {
        for (w, kind) in OTHER_KEYWORDS {
            assert_eq!(keyword(w), Some(*kind));
            assert_eq!(keyword(&w.to_uppercase()), Some(*kind));
            assert_eq!(keyword(&format!("{w}2")), Some(*kind));
        }
        for w in [
            "würden",
            "Fährmann",
            "capítulos",
            "hoofdstukken",
            "scénario",
        ] {
            assert_eq!(keyword(w), None, "{w}");
        }
    }
}
