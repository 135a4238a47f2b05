//! Which language's patterns hyphenate a story: `language` in `config.toml`, or guessed
//! from the story itself.
//!
//! The guess goes by principle, from cheap evidence: first the script most of the letters
//! are in (Cyrillic is Russian, or Ukrainian when the letters only Ukrainian has among
//! them are common; Greek is modern Greek; a script with no patterns here, such as CJK,
//! Thai, Arabic or Hebrew, turns hyphenation off), then, for Latin letters, the short
//! function words every sentence is made of. Those are a fifth to a half of any running
//! text in their own language and rare in another, so a few kilobytes tell German from
//! English; a German phrase in an English story does not. Latin text is English unless
//! another language's words clearly outnumber English's: hyphenating with the wrong
//! patterns reads worse than hyphenating with none, and most stories read here are
//! English.
//!
//! The patterns themselves (TeX's, through the `hyphenation` crate, embedded in the
//! binary) are read only when a paragraph is first hyphenated in that language, once per
//! run: nothing of this is on the way to the first frame unless hyphenation is on.

use crate::document::{BlockKind, Document};
use hyphenation::{Language as Patterns, Load, Standard};
use std::sync::OnceLock;

/// The `language` setting: a language, or `auto` (guessed from each story).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    Auto,
    Is(Lang),
}

/// The alphabets of the languages with patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
}

/// A language dogear can hyphenate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    EnglishUs,
    EnglishGb,
    German,
    French,
    Spanish,
    Italian,
    Dutch,
    Portuguese,
    Swedish,
    Danish,
    Norwegian,
    Finnish,
    Polish,
    Czech,
    Slovak,
    Hungarian,
    Romanian,
    Catalan,
    Latin,
    Turkish,
    Russian,
    Ukrainian,
    Bulgarian,
    Greek,
}

/// Each language: its code in `config.toml` (and other spellings accepted), its name,
/// its patterns, its script.
#[rustfmt::skip]
const LANGS: &[(Lang, &[&str], &str, Patterns, Script)] = &[
    (Lang::EnglishUs, &["en-us", "en"], "English (US)", Patterns::EnglishUS, Script::Latin),
    (Lang::EnglishGb, &["en-gb"], "English (GB)", Patterns::EnglishGB, Script::Latin),
    (Lang::German, &["de", "de-de", "de-1996"], "German", Patterns::German1996, Script::Latin),
    (Lang::French, &["fr"], "French", Patterns::French, Script::Latin),
    (Lang::Spanish, &["es"], "Spanish", Patterns::Spanish, Script::Latin),
    (Lang::Italian, &["it"], "Italian", Patterns::Italian, Script::Latin),
    (Lang::Dutch, &["nl"], "Dutch", Patterns::Dutch, Script::Latin),
    (Lang::Portuguese, &["pt"], "Portuguese", Patterns::Portuguese, Script::Latin),
    (Lang::Swedish, &["sv"], "Swedish", Patterns::Swedish, Script::Latin),
    (Lang::Danish, &["da"], "Danish", Patterns::Danish, Script::Latin),
    (Lang::Norwegian, &["nb", "no"], "Norwegian", Patterns::NorwegianBokmal, Script::Latin),
    (Lang::Finnish, &["fi"], "Finnish", Patterns::Finnish, Script::Latin),
    (Lang::Polish, &["pl"], "Polish", Patterns::Polish, Script::Latin),
    (Lang::Czech, &["cs"], "Czech", Patterns::Czech, Script::Latin),
    (Lang::Slovak, &["sk"], "Slovak", Patterns::Slovak, Script::Latin),
    (Lang::Hungarian, &["hu"], "Hungarian", Patterns::Hungarian, Script::Latin),
    (Lang::Romanian, &["ro"], "Romanian", Patterns::Romanian, Script::Latin),
    (Lang::Catalan, &["ca"], "Catalan", Patterns::Catalan, Script::Latin),
    (Lang::Latin, &["la"], "Latin", Patterns::Latin, Script::Latin),
    (Lang::Turkish, &["tr"], "Turkish", Patterns::Turkish, Script::Latin),
    (Lang::Russian, &["ru"], "Russian", Patterns::Russian, Script::Cyrillic),
    (Lang::Ukrainian, &["uk"], "Ukrainian", Patterns::Ukrainian, Script::Cyrillic),
    (Lang::Bulgarian, &["bg"], "Bulgarian", Patterns::Bulgarian, Script::Cyrillic),
    (Lang::Greek, &["el"], "Greek", Patterns::GreekMono, Script::Greek),
];

/// The most frequent short words of the Latin-script languages the guess tells apart.
#[rustfmt::skip]
const FUNCTION_WORDS: &[(Lang, &[&str])] = &[
    (Lang::EnglishUs, &["the", "and", "of", "to", "in", "that", "is", "was", "he", "it", "with", "his", "her", "you", "for", "had", "not", "but", "she", "as"]),
    (Lang::German, &["der", "die", "und", "das", "ist", "nicht", "ich", "sie", "ein", "eine", "zu", "den", "mit", "sich", "des", "auf", "dem", "er", "es", "war"]),
    (Lang::French, &["le", "la", "les", "et", "des", "un", "une", "est", "que", "il", "elle", "pas", "qui", "dans", "du", "au", "ne", "je", "vous", "sur"]),
    (Lang::Spanish, &["el", "la", "los", "las", "y", "que", "en", "un", "una", "es", "por", "con", "no", "se", "del", "lo", "su", "al", "como", "pero"]),
    (Lang::Italian, &["il", "di", "che", "non", "un", "una", "per", "è", "del", "della", "si", "mi", "gli", "le", "io", "ma", "con", "lo", "sono", "era"]),
    (Lang::Dutch, &["de", "het", "een", "en", "van", "ik", "niet", "dat", "zijn", "op", "te", "met", "hij", "ze", "was", "aan", "er", "maar", "voor", "om"]),
    (Lang::Portuguese, &["o", "os", "as", "que", "não", "um", "uma", "do", "da", "em", "com", "para", "se", "é", "no", "na", "ao", "dos", "mas", "ele"]),
    (Lang::Swedish, &["och", "att", "det", "som", "en", "är", "på", "av", "för", "med", "jag", "inte", "han", "hon", "den", "till", "var", "har", "om", "så"]),
    (Lang::Polish, &["i", "w", "nie", "się", "na", "z", "że", "to", "do", "jest", "jak", "co", "ale", "ja", "już", "tak", "od", "po", "go", "jego"]),
];

/// Letters of the Ukrainian alphabet that Russian has not.
const UKRAINIAN_ONLY: &[char] = &['і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ'];

impl Lang {
    fn entry(
        self,
    ) -> &'static (
        Lang,
        &'static [&'static str],
        &'static str,
        Patterns,
        Script,
    ) {
        // Every variant has its row (a test checks it).
        LANGS.iter().find(|row| row.0 == self).unwrap_or(&LANGS[0])
    }

    /// Its code in `config.toml`: `en-us`, `de`.
    pub fn code(self) -> &'static str {
        self.entry().1[0]
    }

    /// Its name, as the status bar says it: `German`.
    pub fn name(self) -> &'static str {
        self.entry().2
    }

    pub fn script(self) -> Script {
        self.entry().4
    }

    /// Every language with patterns, in the order `config.toml`'s messages list them.
    pub fn all() -> impl Iterator<Item = Lang> {
        LANGS.iter().map(|row| row.0)
    }

    /// Its patterns, read from the binary on the first call for this language.
    pub(crate) fn dictionary(self) -> Option<&'static Standard> {
        static LOADED: [OnceLock<Option<Standard>>; LANGS.len()] =
            [const { OnceLock::new() }; LANGS.len()];
        let i = LANGS.iter().position(|row| row.0 == self)?;
        LOADED[i]
            .get_or_init(|| Standard::from_embedded(LANGS[i].3).ok())
            .as_ref()
    }
}

impl Language {
    /// The setting from its name in `config.toml` (any case): `auto`, or a language's
    /// code.
    ///
    /// ```
    /// use dogear::{Lang, Language};
    /// assert_eq!(Language::parse("auto"), Some(Language::Auto));
    /// assert_eq!(Language::parse("DE"), Some(Language::Is(Lang::German)));
    /// assert_eq!(Language::parse("klingon"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Language> {
        let name = name.trim().to_ascii_lowercase().replace('_', "-");
        if name == "auto" {
            return Some(Language::Auto);
        }
        LANGS
            .iter()
            .find(|row| row.1.contains(&name.as_str()))
            .map(|row| Language::Is(row.0))
    }

    /// Its name in `config.toml`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Auto => "auto",
            Language::Is(lang) => lang.code(),
        }
    }

    /// The language `doc` is hyphenated in: this one, or for `auto` the guess from the
    /// story ([`guess`]); `None` when no patterns fit.
    pub fn for_document(self, doc: &Document) -> Option<Lang> {
        match self {
            Language::Is(lang) => Some(lang),
            Language::Auto => guess(&sample(doc)),
        }
    }
}

impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Bytes of text the guess reads, from paragraphs spread over the whole story (so that
/// an English licence before a German novel does not decide it).
const SAMPLE: usize = 16 * 1024;
/// Paragraphs the sample is taken from.
const SAMPLE_BLOCKS: usize = 32;

fn sample(doc: &Document) -> String {
    let text = doc.text();
    let prose: Vec<_> = doc
        .blocks()
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .collect();
    let step = prose.len().div_ceil(SAMPLE_BLOCKS).max(1);
    let each = SAMPLE / SAMPLE_BLOCKS;
    let mut out = String::with_capacity(SAMPLE + SAMPLE_BLOCKS);
    for block in prose.iter().step_by(step) {
        let Some(piece) = text.get(block.range()) else {
            continue;
        };
        let mut end = piece.len().min(each);
        while !piece.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&piece[..end]);
        out.push('\n');
    }
    out
}

/// The language of `text` (a sample of a story), by its script and then its most
/// frequent words (see the module's notes); `None` when its letters are mostly in a
/// script with no patterns here, or it has no letters.
///
/// ```
/// use dogear::{guess, Lang};
/// assert_eq!(guess("Es war einmal ein König, der hatte drei Töchter."), Some(Lang::German));
/// assert_eq!(guess("It was a dark and stormy night."), Some(Lang::EnglishUs));
/// assert_eq!(guess("Жили-были дед да баба."), Some(Lang::Russian));
/// assert_eq!(guess("むかしむかし、あるところに"), None);
/// ```
pub fn guess(text: &str) -> Option<Lang> {
    let (mut latin, mut cyrillic, mut greek, mut other, mut ukrainian) = (0, 0, 0, 0, 0);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c {
            'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => latin += 1,
            '\u{400}'..='\u{52F}' => {
                cyrillic += 1;
                ukrainian += usize::from(UKRAINIAN_ONLY.contains(&c));
            }
            '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => greek += 1,
            _ => other += 1,
        }
    }
    let most = latin.max(cyrillic).max(greek).max(other);
    if most == 0 || most == other {
        return None;
    }
    if most == cyrillic {
        // About one letter in twenty of Ukrainian text is one of them.
        return Some(if ukrainian * 100 >= cyrillic {
            Lang::Ukrainian
        } else {
            Lang::Russian
        });
    }
    if most == greek {
        return Some(Lang::Greek);
    }
    Some(by_words(text))
}

/// A share of the words, in per mille, the best language's function words must make up
/// to be taken over English: a real text in any of them scores 200 or more.
const CLEAR_SHARE: usize = 80;

/// Latin-script text: the language whose function words make up most of it, if they
/// make up a clear share and at least twice English's; else English.
fn by_words(text: &str) -> Lang {
    let mut hits = [0usize; FUNCTION_WORDS.len()];
    let mut words = 0usize;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let lower = word.to_lowercase();
        for (i, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
            hits[i] += usize::from(list.contains(&lower.as_str()));
        }
    }
    let english = hits[0];
    let best = (1..hits.len()).max_by_key(|&i| hits[i]).unwrap_or(0);
    if hits[best] * 1000 >= words * CLEAR_SHARE && hits[best] >= 2 * english.max(1) {
        FUNCTION_WORDS[best].0
    } else {
        Lang::EnglishUs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_of_the_table_loads_its_patterns_and_its_code_parses_back() {
        for lang in Lang::all() {
            assert_eq!(lang.entry().0, lang);
            assert!(lang.dictionary().is_some(), "{lang:?}");
            assert_eq!(Language::parse(lang.code()), Some(Language::Is(lang)));
        }
        for (lang, _) in FUNCTION_WORDS {
            assert!(Lang::all().any(|l| l == *lang), "{lang:?}");
        }
    }
}
