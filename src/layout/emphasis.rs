//! `_italics_` and `*emphasis*` as plain-text stories (Project Gutenberg's among them)
//! write them: which underscores and asterisks are markers, to be hidden and drawn as
//! italic or bold.
//!
//! Recognised conservatively, within one block: an opening marker stands before a word
//! (at the start of a line, after a space, or after an opening quote or bracket) and a
//! closing one after a word (before a space, the end, or closing punctuation), with the
//! same marker, and nothing else. So `snake_case`, `file_name.txt`, a lone `_`, a
//! `* * *` scene break, `2 * 3` and a doubled `__` are left as written. The text is never
//! changed: markers are byte offsets into it, and every offset stays an offset into the
//! text as the file has it.

use std::ops::Range;

/// What a pair of markers asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// `_words_`
    Italic,
    /// `*words*`
    Bold,
}

/// One marker: the byte at `at` (an ASCII `_` or `*`) opens or closes a `mark`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub at: usize,
    pub mark: Mark,
    pub open: bool,
}

/// The markers in `text[range]`, in order, always in pairs (open, close).
///
/// ```
/// use dogear::emphasis::markers;
/// let text = "It was _not_ a snake_case name, *really*.";
/// let at: Vec<usize> = markers(text, 0..text.len()).iter().map(|m| m.at).collect();
/// assert_eq!(at, [7, 11, 32, 39]);
/// ```
pub fn markers(text: &str, range: Range<usize>) -> Vec<Marker> {
    let Some(s) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // The opener waiting for its closer, for each mark.
    let mut open: [Option<usize>; 2] = [None, None];
    for (i, b) in s.bytes().enumerate() {
        let mark = match b {
            b'_' => Mark::Italic,
            b'*' => Mark::Bold,
            _ => continue,
        };
        let slot = usize::from(mark == Mark::Bold);
        let before = s[..i].chars().next_back();
        let after = s[i + 1..].chars().next();
        if let Some(start) = open[slot] {
            if closes(before, after, b) {
                out.push(Marker {
                    at: range.start + start,
                    mark,
                    open: true,
                });
                out.push(Marker {
                    at: range.start + i,
                    mark,
                    open: false,
                });
                open[slot] = None;
                continue;
            }
        }
        if opens(before, after, b) {
            // An earlier opener with no closer yet was not one.
            open[slot] = Some(i);
        }
    }
    out.sort_by_key(|m| m.at);
    out
}

fn opens(before: Option<char>, after: Option<char>, marker: u8) -> bool {
    let free_before = before.is_none_or(|c| c.is_whitespace() || "\"'“‘([{—–-".contains(c))
        && before != Some(char::from(marker));
    free_before && after.is_some_and(char::is_alphanumeric)
}

fn closes(before: Option<char>, after: Option<char>, marker: u8) -> bool {
    let word_before = before.is_some_and(|c| c.is_alphanumeric() || ".,;:!?'’\")]".contains(c));
    let free_after = after.is_none_or(|c| c.is_whitespace() || ".,;:!?\"'’”)]}—–-".contains(c))
        && after != Some(char::from(marker));
    word_before && free_after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<(usize, Mark, bool)> {
        markers(text, 0..text.len())
            .into_iter()
            .map(|m| (m.at, m.mark, m.open))
            .collect()
    }

    #[test]
    fn pairs_around_words_are_markers() {
        use Mark::*;
        assert_eq!(marked("_Emma_"), [(0, Italic, true), (5, Italic, false)]);
        assert_eq!(
            marked("He said \"_never_,\" and *meant* it."),
            [
                (9, Italic, true),
                (15, Italic, false),
                (23, Bold, true),
                (29, Bold, false)
            ]
        );
        // Across words and a soft line break of the paragraph.
        assert_eq!(
            marked("a _long\nphrase here_ ends"),
            [(2, Italic, true), (19, Italic, false)]
        );
        assert_eq!(
            marked("_Stop!_ she cried."),
            [(0, Italic, true), (6, Italic, false)]
        );
    }

    #[test]
    fn underscores_and_asterisks_that_are_not_markers_are_left_alone() {
        for text in [
            "snake_case and other_names",
            "a lone _ here",
            "* * *",
            "2 * 3 = 6",
            "__init__ and **bold**",
            "_unclosed opener and nothing more",
            "word_ then _word",
            "file_name.txt",
            "_ spaced _",
        ] {
            assert_eq!(marked(text), [], "{text:?}");
        }
    }

    #[test]
    fn an_opener_without_a_closer_does_not_swallow_the_next_pair() {
        let text = "_stray then _real_ words";
        let at: Vec<usize> = marked(text).iter().map(|m| m.0).collect();
        assert_eq!(at, [12, 17]);
    }
}
