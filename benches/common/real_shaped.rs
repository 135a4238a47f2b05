//! Real-shaped text for the benchmarks that time reading and printing (`open`, `print`):
//! the words of a Victorian novel, curly quotes and accents, generated here so nothing
//! is committed. `engine` keeps its own LF text, so that its figures stay comparable
//! with its history.

pub const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "was",
    "he",
    "her",
    "it",
    "his",
    "with",
    "as",
    "had",
    "for",
    "she",
    "not",
    "but",
    "at",
    "on",
    "be",
    "him",
    "they",
    "which",
    "said",
    "you",
    "would",
    "from",
    "this",
    "all",
    "been",
    "were",
    "there",
    "could",
    "little",
    "before",
    "himself",
    "gentleman",
    "morning",
    "remarkable",
    "Elizabeth",
    "café",
    "naïve",
    "“Indeed,”",
    "‘perhaps’",
    "house;",
    "again.",
    "thought",
    "towards",
    "nothing",
    "everything",
    "replied",
    "conversation",
    "immediately",
    "window",
    "garden,",
    "well-known",
    "however,",
    "understand",
    "letter",
    "Zoë",
    "army—",
    "(so",
    "he!",
];

pub struct Rng(pub u64);

impl Rng {
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n as u64).unwrap_or(0)
    }
}

/// Words to `columns` or just past, then `nl`.
pub fn push_line(text: &mut String, rng: &mut Rng, columns: usize, nl: &str) {
    let mut line = 0;
    while line < columns {
        let word = WORDS[rng.below(WORDS.len())];
        if line > 0 {
            text.push(' ');
            line += 1;
        }
        text.push_str(word);
        line += word.chars().count();
    }
    text.push_str(nl);
}
