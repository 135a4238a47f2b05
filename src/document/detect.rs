//! Choosing among single-byte encodings by the letters each one would produce.
//!
//! chardetng knows the common encodings of the Web but not x-mac-cyrillic, ISO-8859-3,
//! -10, -16, Mac Central European or DOS code page 437, and a Russian story from a Mac
//! comes out as windows-1252 mojibake. So, once chardetng has guessed a single-byte
//! encoding, every single-byte candidate decodes the sniffed bytes and is scored by how
//! plausible its non-ASCII characters are: letters of one language's alphabet, in words
//! of one script, capitals only where capitals go, no symbols inside words, no C1
//! controls or unmapped bytes. Only the non-ASCII characters are judged, so the cost is
//! one pass over at most the sniffed bytes per candidate, and none for UTF-8.

use super::charset::{Charset, ALL};
use std::collections::HashSet;

/// A candidate decoding and how plausible it looked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub charset: Charset,
    pub score: i64,
}

/// The outcome of [`rank`]: the chosen encoding first, and whether the evidence was thin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking {
    /// Every single-byte candidate, most plausible first; the first is the choice.
    pub candidates: Vec<Candidate>,
    /// The runner-up (a candidate whose text differs) came close, or there was little to
    /// judge by: the reader is told, and offered the picker.
    pub unsure: bool,
}

/// Encodings that are rarely right for a text: they must win clearly, not by a letter.
fn rare(cs: Charset) -> bool {
    use encoding_rs as e;
    match cs {
        Charset::Cp437 | Charset::MacCe => true,
        Charset::Web(enc) => [
            e::MACINTOSH,
            e::X_MAC_CYRILLIC,
            e::ISO_8859_3,
            e::ISO_8859_10,
            e::ISO_8859_14,
            e::ISO_8859_16,
            e::KOI8_U,
        ]
        .contains(&enc),
    }
}

/// At most this many bytes of words are judged: plenty for a verdict, and a Cyrillic
/// story is all words.
const JUDGED: usize = 4 * 1024;

/// Points a challenger must score above chardetng's `guess` to replace it.
const SWITCH_MARGIN: i64 = 4;
const RARE_MARGIN: i64 = 10;
/// The non-ASCII bytes a sample needs before a rare encoding can be chosen.
const RARE_EVIDENCE: usize = 5;
/// How many characters a close rival must change to make the choice doubtful.
const RIVAL_CHANGES: usize = 5;

/// Ranks the single-byte candidates for `sample` (the sniffed bytes), starting from
/// chardetng's `guess`, which wins ties and small leads.
pub fn rank(sample: &[u8], guess: Charset) -> Ranking {
    // Only the words around non-ASCII bytes are judged: a Latin-1 novel has a few
    // hundred, so thirty decodings of them cost less than chardetng's one look.
    // A story with a non-ASCII byte in two hundred is in a language written in ASCII
    // (English): its accents are quoted French or German, not Lithuanian.
    let high_in_sample = sample.iter().filter(|&&b| b >= 0x80).count();
    let quoting = high_in_sample * 200 < sample.len();
    let words = around_high_bytes(sample);
    let judged = &words[..words.len().min(JUDGED)];
    let alone = ascii_words(sample, judged);
    let sample = judged;
    let mut order: Vec<Charset> = vec![guess];
    order.extend(
        ALL.iter()
            .copied()
            .filter(|&cs| cs != guess && cs.is_single_byte()),
    );
    let decoded: Vec<(Charset, String)> = order
        .into_iter()
        .map(|cs| (cs, cs.decode(sample)))
        .collect();
    // Many encodings read a sample alike (windows-1250 to 1258 all read a curly quote
    // the same): each reading is scored once.
    let mut scores: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
    let scored: Vec<Candidate> = decoded
        .iter()
        .map(|(cs, text)| Candidate {
            charset: *cs,
            score: *scores
                .entry(text.as_str())
                .or_insert_with(|| score_as(text, quoting, &alone)),
        })
        .collect();
    let guess_score = scored[0].score;
    let high = sample.iter().filter(|&&b| b >= 0x80).count();
    let mut best = 0;
    for (i, c) in scored.iter().enumerate().skip(1) {
        let margin = match rare(c.charset) {
            // Two stray DOS bytes in an English novel are no reason to read it as DOS.
            true if high < RARE_EVIDENCE => continue,
            true => RARE_MARGIN,
            false => SWITCH_MARGIN,
        };
        if c.score >= guess_score + margin && c.score > scored[best].score {
            best = i;
        }
    }
    // A rival is a candidate that scored about as well and would show the reader a
    // different text; one that changes a character or two is not worth asking about.
    // A rare encoding needs the same lead to be a rival as to win.
    let prior = |c: &Candidate| {
        c.score
            - if rare(c.charset) {
                RARE_MARGIN - SWITCH_MARGIN
            } else {
                0
            }
    };
    // When chardetng and the letters agree, a rival must do as well to cast doubt.
    let slack = if best == 0 { 1 } else { SWITCH_MARGIN };
    let winner = (prior(&scored[best]), &decoded[best].1);
    let unsure = scored.iter().zip(&decoded).any(|(c, (_, text))| {
        prior(c) > winner.0 - slack && differing(text, winner.1) >= RIVAL_CHANGES
    });
    let mut candidates = scored;
    candidates.swap(0, best);
    candidates[1..].sort_by_key(|c| std::cmp::Reverse(c.score));
    Ranking { candidates, unsure }
}

/// The words around each non-ASCII byte of `bytes` (cut at ASCII spaces and line
/// ends, which are the same byte in every candidate), one run a line.
fn around_high_bytes(bytes: &[u8]) -> Vec<u8> {
    const REACH: usize = 48;
    let mut out = Vec::new();
    let mut done = 0;
    let mut i = 0;
    while let Some(p) = bytes[i..].iter().position(|&b| b >= 0x80) {
        let at = i + p;
        let mut start = at.saturating_sub(REACH).max(done);
        while start > done && !matches!(bytes[start - 1], b' ' | b'\n') {
            start -= 1;
        }
        let mut end = (at + REACH).min(bytes.len());
        while end < bytes.len() && !matches!(bytes[end], b' ' | b'\n') {
            end += 1;
        }
        if start > done && !out.is_empty() {
            out.push(b'\n');
        }
        out.extend_from_slice(&bytes[start..end]);
        done = end;
        i = end.max(at + 1);
    }
    out
}

/// The words of `bytes` made only of ASCII letters, in lower case (the words the story
/// uses on their own), that [`is_misread_space`] may ask about: the ASCII letters on
/// either side of a byte past ASCII in the `judged` words ("I\xa0had": "i", "had").
/// Most samples have none, and the rest a few: the sample's thousands of words are not
/// all kept, and most are refused by their first letter and length before any hashing
/// (building the whole set cost about a millisecond, half of a first frame).
fn ascii_words(bytes: &[u8], judged: &[u8]) -> HashSet<Vec<u8>> {
    let letters =
        |run: &mut dyn Iterator<Item = &u8>| run.take_while(|c| c.is_ascii_alphabetic()).count();
    let mut wanted = HashSet::new();
    for (i, _) in judged.iter().enumerate().filter(|&(_, &b)| b >= 0x80) {
        let left = letters(&mut judged[..i].iter().rev());
        let right = letters(&mut judged[i + 1..].iter());
        if left > 0 && right > 0 {
            wanted.insert(judged[i - left..i].to_ascii_lowercase());
            wanted.insert(judged[i + 1..i + 1 + right].to_ascii_lowercase());
        }
    }
    // Which first letters and lengths the wanted words have: a bit each.
    let (mut firsts, mut lengths) = (0u32, 0u64);
    for w in &wanted {
        firsts |= 1 << (w[0] - b'a');
        lengths |= 1 << w.len().min(63);
    }
    let mut alone = HashSet::new();
    let mut lower = Vec::new();
    let words = bytes.split(|b| !b.is_ascii_alphanumeric() && *b < 0x80);
    for w in words.filter(|w| !w.is_empty() && w.iter().all(u8::is_ascii_alphabetic)) {
        let first = w[0].to_ascii_lowercase() - b'a';
        if firsts & 1 << first == 0 || lengths & 1 << w.len().min(63) == 0 {
            continue;
        }
        lower.clear();
        lower.extend(w.iter().map(u8::to_ascii_lowercase));
        if wanted.contains(lower.as_slice()) && !alone.contains(lower.as_slice()) {
            alone.insert(lower.clone());
        }
    }
    alone
}

/// Whether `word` is two words the story uses on their own (`alone`) joined by one
/// character that is not ASCII: a decoding that reads a no-break space as a letter
/// ("I\u{a0}had" as "Iáhad" in code page 437) makes such words, a right one hardly
/// ever (no half of "für" or "déjà" is an English word on its own).
fn is_misread_space(word: &[char], alone: &HashSet<Vec<u8>>) -> bool {
    let Some(at) = word.iter().position(|c| !c.is_ascii()) else {
        return false;
    };
    let half = |chars: &[char]| -> Option<Vec<u8>> {
        (!chars.is_empty() && chars.iter().all(char::is_ascii_alphabetic))
            .then(|| chars.iter().map(|c| c.to_ascii_lowercase() as u8).collect())
    };
    match (half(&word[..at]), half(&word[at + 1..])) {
        (Some(a), Some(b)) => alone.contains(&a) && alone.contains(&b),
        _ => false,
    }
}

/// How many characters two decodings of the same bytes by single-byte encodings differ in.
fn differing(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).filter(|(x, y)| x != y).count()
}

/// The non-ASCII letters of some languages written in single-byte encodings, lower case.
/// A right decoding yields letters of one of them; a wrong one, a mixture.
const ALPHABETS: &[&str] = &[
    "àâæçéèêëîïôœùûüÿ",                     // French
    "äöüß",                                 // German
    "áéíñóúü",                              // Spanish
    "áâãàçéêíóôõú",                         // Portuguese
    "àèéìíîòóù",                            // Italian
    "àçèéíïòóúü",                           // Catalan
    "éëïóöü",                               // Dutch
    "åäöé",                                 // Swedish, Finnish
    "æøåé",                                 // Danish, Norwegian
    "áðéíóúýþæö",                           // Icelandic
    "äõöüšž",                               // Estonian
    "áčďéěíňóřšťúůýž",                      // Czech
    "áäčďéíĺľňóôŕšťúýž",                    // Slovak
    "ąćęłńóśźż",                            // Polish
    "áéíóöőúüű",                            // Hungarian
    "čćđšž",                                // Croatian, Slovene, Bosnian
    "ăâîșțşţ",                              // Romanian
    "çğıöşüâî",                             // Turkish
    "ċġħżàèìòù",                            // Maltese
    "ĉĝĥĵŝŭ",                               // Esperanto
    "āčēģīķļņšūž",                          // Latvian
    "ąčęėįšųūž",                            // Lithuanian
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",    // Russian
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",    // Ukrainian
    "абвгдеёжзійклмнопрстуўфхцчшыьэюя",     // Belarusian
    "абвгдежзийклмнопрстуфхцчшщъьюя",       // Bulgarian
    "абвгдђежзијклљмнњопрстћуфхцчџш",       // Serbian
    "абвгдѓежзѕијклљмнњопрстќуфхцчџш",      // Macedonian
    "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς", // Greek
];

/// The letters of French, German, Spanish, Italian and Portuguese: words in those are
/// quoted in any language's stories, so they are the second alphabet anywhere.
const QUOTED: &str = "àáâãäçèéêëìíîïñòóôõöùúûüÿœß";

/// The most frequent letters of the Cyrillic languages: a wrong Cyrillic decoding
/// (KOI8-R read as windows-1251) still yields Cyrillic letters, but the wrong ones.
const COMMON_CYRILLIC: &str = "оеаинтсрвл";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Other,
}

fn script(c: char) -> Script {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => Script::Latin,
        '\u{370}'..='\u{3ff}' => Script::Greek,
        '\u{400}'..='\u{52f}' => Script::Cyrillic,
        _ => Script::Other,
    }
}

/// Characters that may stand inside a word: apostrophes, Catalan's middle dot, hyphens.
fn joins_words(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '·' | '-' | '\u{ad}' | '\u{2010}' | '\u{2011}'
    )
}

/// Punctuation that stands next to letters in any text: quotes, dashes, the ellipsis.
fn touches_words(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '‘'
            | '’'
            | '‚'
            | '“'
            | '”'
            | '„'
            | '–'
            | '—'
            | '…'
            | '¡'
            | '¿'
            | '†'
            | '‡'
            | '°'
            | '·'
            | '\u{ad}'
    )
}

/// How plausible `text` is as the decoding of a story, judged by its non-ASCII
/// characters: positive points for letters of the best-fitting alphabet (or, fewer, of
/// the `QUOTED` ones), negative for everything a wrong decoding produces.
#[cfg(test)]
pub fn score(text: &str) -> i64 {
    score_as(text, false, &HashSet::new())
}

/// `score`, with `QUOTED` as the alphabet when `quoting` (the text is mostly ASCII), and
/// then the alphabet holding most of its letters as the second: an English story's
/// Norwegian names ("Bjørg", "PERSONÆ") are letters of one language, while a wrong
/// decoding's are of none or of many. A word that is two of the words in `alone` joined
/// by a letter scores as a symbol inside a word (see [`is_misread_space`]).
fn score_as(text: &str, quoting: bool, alone: &HashSet<Vec<u8>>) -> i64 {
    let best = best_alphabet(text);
    let (first, second) = if quoting {
        (QUOTED, best)
    } else {
        (best, QUOTED)
    };
    let alphabets = (
        Letters::of(first),
        Letters::of(second),
        Letters::of(COMMON_CYRILLIC),
    );
    let judge = |word: &[char]| match is_misread_space(word, alone) {
        true => -3,
        false => score_word(word, &alphabets),
    };
    let mut points = 0i64;
    let mut word: Vec<char> = Vec::new();
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphabetic() {
            word.push(c);
            prev = c;
            continue;
        }
        let next = chars.peek().copied().unwrap_or(' ');
        if joins_words(c) && prev.is_alphabetic() && next.is_alphabetic() {
            prev = c;
            continue;
        }
        points += judge(&word);
        word.clear();
        if c.is_ascii() {
        } else if c == '\u{fffd}' || c.is_control() {
            points -= 6;
        } else if prev.is_alphabetic() && next.is_alphabetic() {
            // A symbol inside a word: "Ch‚lons", "Å¾ivot".
            points -= 3;
        } else if (prev.is_alphabetic() || next.is_alphabetic()) && !touches_words(c) {
            // A symbol glued to a word: "††THE" (no-break spaces read as Mac Roman).
            points -= 2;
        }
        prev = c;
    }
    points + judge(&word)
}

/// A set of letters below U+0500 (every alphabet above is), asked in constant time.
struct Letters([u64; 20]);

impl Letters {
    fn of(alphabet: &str) -> Self {
        let mut bits = [0u64; 20];
        for c in alphabet.chars() {
            let i = c as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
        Self(bits)
    }

    fn contains(&self, c: char) -> bool {
        let i = c as usize;
        i < 20 * 64 && self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// The points of one word's non-ASCII letters.
fn score_word(word: &[char], (first, second, common): &(Letters, Letters, Letters)) -> i64 {
    let foreign = word.iter().filter(|c| !c.is_ascii()).count() as i64;
    if foreign == 0 {
        return 0;
    }
    let script0 = script(word[0]);
    if word.iter().any(|&c| script(c) != script0) {
        // Letters of two scripts in one word: "ааTHE" (no-break spaces read as IBM866).
        return -4 * foreign;
    }
    if script0 == Script::Latin && word.len() >= 3 && word.iter().all(|c| !c.is_ascii()) {
        // No Latin word is made only of accented letters: "ÚÄÄÄÄ¿" is box drawing.
        return -3 * foreign;
    }
    if script0 != Script::Latin && word.len() == 1 {
        // A lone Cyrillic or Greek letter in an English text proves nothing.
        return 0;
    }
    let mut points = 0;
    for (i, &c) in word.iter().enumerate() {
        let prev = if i > 0 { word[i - 1] } else { ' ' };
        if c.is_uppercase() && prev.is_lowercase() {
            // “The read as ôThe, a KOI8-R word read as windows-1251.
            points -= 6;
        }
        if c.is_ascii() {
            continue;
        }
        let lower = lower(c);
        points += if first.contains(lower) {
            2 + i64::from(common.contains(lower))
        } else if second.contains(lower) {
            1
        } else {
            -4
        };
        if i >= 2 && c == prev && c == word[i - 2] {
            // No word repeats a letter thrice: "ДДДД" is a box's edge read as windows-1251.
            points -= 6;
        }
    }
    points
}

/// The alphabet that holds the most of `text`'s non-ASCII letters.
fn best_alphabet(text: &str) -> &'static str {
    let mut counts = [0u32; 20 * 64];
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if let Some(n) = counts.get_mut(lower(c) as usize) {
            *n += 1;
        }
    }
    let held = |alphabet: &str| -> u32 { alphabet.chars().map(|c| counts[c as usize]).sum() };
    let mut best = (0, ALPHABETS[0]);
    for &alphabet in ALPHABETS {
        let n = held(alphabet);
        if n > best.0 {
            best = (n, alphabet);
        }
    }
    best.1
}

/// `c` in lower case (the first char of it, which is all for the letters judged here).
fn lower(c: char) -> char {
    if c.is_uppercase() {
        c.to_lowercase().next().unwrap_or(c)
    } else {
        c
    }
}

#[cfg(test)]
mod tests;
