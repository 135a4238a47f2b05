//! How lines are set: justified or ragged, hyphenated or not, paragraphs spaced or indented.
//!
//! Hyphenation and the paragraph style change where lines break, so the [`super::Wrapper`]
//! knows them. Justification does not: a justified line shows the same bytes of the text
//! as a ragged one, with wider spaces, so it is applied where a line is drawn
//! ([`spread`]), and whatever was placed on the drawn line (a search match, an italic
//! phrase) is moved with [`Spread::map`].

use crate::text_width::str_width;

/// The typographic settings of a layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Typography {
    /// Spaces stretched so that a paragraph's lines but its last fill the column.
    pub justify: bool,
    /// Words broken at dictionary hyphenation points, a hyphen drawn at the break.
    pub hyphenate: bool,
    /// Whose patterns hyphenate (`auto`: guessed from the story).
    pub language: super::Language,
    /// Paragraphs start with an indent and have no blank line between them, as in a
    /// printed book.
    pub indent: bool,
    /// Paragraphs broken where the whole paragraph is least ragged (textwrap's optimal
    /// fit) rather than line by line (first fit); see [`super::OPTIMAL_MAX_WORDS`].
    pub optimal: bool,
}

impl Typography {
    /// Whether lines break where they would with `other` (justification aside): the
    /// same hyphenation and language, paragraph style and line breaking.
    pub fn breaks_lines_as(self, other: Typography) -> bool {
        let breaks = |t: Typography| {
            let language = t.hyphenate.then_some(t.language);
            (t.hyphenate, language, t.indent, t.optimal)
        };
        breaks(self) == breaks(other)
    }
}

/// Columns of a paragraph's first-line indent when paragraphs are indented.
pub const PARAGRAPH_INDENT: usize = 2;

/// The widest a stretched space may get, in columns. A line that would need wider spaces
/// (one long word and a short one on a narrow column) is left ragged: a hole in the line
/// reads worse than a ragged edge.
pub const MAX_GAP: usize = 4;

/// How a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineEnd {
    /// Its paragraph (or heading, verse line, scene break) ends here: drawn ragged.
    Last,
    /// Its paragraph runs on to the next line, which starts with the next word.
    Soft,
    /// Its paragraph runs on inside a word: a hyphen is drawn after the text.
    Hyphen,
}

/// A line's drawn text with its spaces stretched to a width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spread {
    pub text: String,
    /// (byte of the unstretched text where spaces were added, spaces added), in order.
    inserts: Vec<(usize, usize)>,
}

impl Spread {
    /// Where byte `at` of the unstretched text is in the stretched one: a position at or
    /// after a widened space moves right by the spaces added there.
    pub fn map(&self, at: usize) -> usize {
        at + self
            .inserts
            .iter()
            .take_while(|(p, _)| *p <= at)
            .map(|(_, n)| n)
            .sum::<usize>()
    }
}

/// `shown` (a drawn prose line: words joined by single spaces) with its spaces widened so
/// that it is `width` columns wide. `None` when it is that wide already, has no space to
/// widen, or would need spaces wider than [`MAX_GAP`].
///
/// The extra columns are shared evenly; the odd ones go first to the spaces after
/// punctuation (where a reader expects a pause), then evenly along the line.
///
/// ```
/// use dogear::spread;
/// let s = spread("It was late, and dark.", 25).unwrap();
/// assert_eq!(s.text, "It  was late,  and  dark.");
/// assert_eq!(s.map(3), 4);
/// assert!(spread("supercalifragilistic x", 40).is_none());
/// ```
pub fn spread(shown: &str, width: usize) -> Option<Spread> {
    let gaps: Vec<usize> = shown
        .bytes()
        .enumerate()
        .filter(|&(i, b)| b == b' ' && i > 0 && shown.as_bytes()[i - 1] != b' ')
        .map(|(i, _)| i)
        .collect();
    let now = str_width(shown);
    if gaps.is_empty() || now >= width {
        return None;
    }
    let extra = width - now;
    if extra > (MAX_GAP - 1) * gaps.len() {
        return None;
    }
    let (base, mut odd) = (extra / gaps.len(), extra % gaps.len());
    let mut add = vec![base; gaps.len()];
    for (k, &at) in gaps.iter().enumerate() {
        if odd > 0 && shown[..at].ends_with(['.', ',', ';', ':', '!', '?']) {
            add[k] += 1;
            odd -= 1;
        }
    }
    let rest: Vec<usize> = (0..gaps.len()).filter(|&k| add[k] == base).collect();
    for j in 0..odd {
        // Evenly along the line: the middle of each of `odd` equal stretches.
        add[rest[(2 * j + 1) * rest.len() / (2 * odd)]] += 1;
    }
    let mut text = String::with_capacity(shown.len() + extra);
    let mut inserts = Vec::with_capacity(gaps.len());
    let mut from = 0;
    for (&at, &n) in gaps.iter().zip(&add) {
        text.push_str(&shown[from..=at]);
        text.extend(std::iter::repeat_n(' ', n));
        inserts.push((at + 1, n));
        from = at + 1;
    }
    text.push_str(&shown[from..]);
    Some(Spread { text, inserts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_after_punctuation_take_the_odd_columns() {
        let s = spread("a b, c d", 10).unwrap();
        assert_eq!(s.text, "a b,  c  d");
        assert_eq!(str_width(&s.text), 10);
    }

    #[test]
    fn wide_characters_are_measured_in_columns() {
        let s = spread("漢字 かな", 11).unwrap();
        assert_eq!(s.text, "漢字   かな");
    }

    #[test]
    fn a_hole_is_left_ragged() {
        assert!(spread("a b", 3 + (MAX_GAP - 1)).is_some());
        assert!(spread("a b", 4 + (MAX_GAP - 1)).is_none());
        assert!(spread("word", 10).is_none());
        assert!(spread("full line", 9).is_none());
    }

    #[test]
    fn positions_move_with_the_spaces_before_them() {
        let s = spread("ab cd ef", 10).unwrap();
        assert_eq!(s.text, "ab  cd  ef");
        assert_eq!(
            (s.map(0), s.map(2), s.map(3), s.map(5), s.map(6)),
            (0, 2, 4, 6, 8)
        );
        assert_eq!(&s.text[s.map(3)..s.map(5)], "cd");
    }
}
