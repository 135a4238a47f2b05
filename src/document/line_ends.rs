//! A UTF-8 file whose text differs from its bytes only by its CRLF line ends (each made
//! LF; LF ends kept, in any mix): what normalising a file's bytes changes, told as they
//! stream in (see [`Survey`]), and offsets moved between the file and the text of such a
//! file (see [`Offsets`]), so that a big story of that kind need not be held once it is
//! indexed, like one whose text is its bytes.
//!
//! In such a file every CR is the first half of a line end and is the only byte the text
//! leaves out, so the text's byte at an offset is the file's after as many more bytes as
//! there are CRs before it. Anything else normalising does (a lone CR, a tab made spaces
//! to the next stop, an escape or a control dropped, a BOM within) makes the file
//! [`Change::More`]: offsets there can only be moved by normalising what lies between,
//! which is done a stretch at a time (see [`super::stretches`]).

/// What normalising a file's bytes changes, as far as offsets go; ordered, the most
/// changed last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Change {
    /// Nothing: the text is the bytes.
    #[default]
    Nothing,
    /// CRLF line ends become LF, nothing else changes.
    LineEnds,
    /// More than that.
    More,
}

/// What normalising changes in a file's UTF-8 bytes fed in order, a stretch at a time. A
/// CR at the end of one stretch, or the start of a BOM's bytes, is judged with the next.
#[derive(Debug, Default)]
pub struct Survey {
    change: Change,
    /// The last bytes fed, when what they are depends on the bytes after them.
    held: Vec<u8>,
}

impl Survey {
    /// Takes the next `bytes` of the file: what normalising changes in all of it so far
    /// (bytes held back for the next stretch are not judged yet).
    pub fn feed(&mut self, bytes: &[u8]) -> Change {
        if self.change == Change::More || bytes.is_empty() {
            return self.change;
        }
        if !self.held.is_empty() {
            let seam = bytes.len().min(2);
            let mut joined = std::mem::take(&mut self.held);
            joined.extend_from_slice(&bytes[..seam]);
            let undecided = self.scan(&joined);
            // Bytes of this stretch are judged again below, with all that follows them.
            if undecided > seam {
                self.held = joined[joined.len() - undecided..].to_vec();
                return self.change;
            }
        }
        let undecided = self.scan(bytes);
        self.held = bytes[bytes.len() - undecided..].to_vec();
        self.change
    }

    /// The end of the file: what normalising changes in all of it.
    pub fn finish(mut self) -> Change {
        // A CR that ends the file is a lone one; the first bytes of a BOM that ends it
        // are none.
        if self.held.contains(&b'\r') {
            self.change = Change::More;
        }
        self.change
    }

    /// Judges `bytes` into `self.change`; returns how many of its last bytes cannot be
    /// judged without those after them.
    fn scan(&mut self, bytes: &[u8]) -> usize {
        if !super::normalise::has_special(bytes) {
            return 0;
        }
        if other_special(bytes) {
            self.change = Change::More;
            return 0;
        }
        let mut undecided = 0;
        for at in memchr::memchr_iter(b'\r', bytes) {
            match bytes.get(at + 1) {
                Some(b'\n') => self.change = self.change.max(Change::LineEnds),
                Some(_) => {
                    self.change = Change::More;
                    return 0;
                }
                None => undecided = 1,
            }
        }
        // EF starts U+FEFF (EF BB BF), which normalising drops, and many characters it
        // keeps (fullwidth forms among them).
        for at in memchr::memchr_iter(0xef, bytes) {
            let after = &bytes[at + 1..];
            if after.starts_with(&[0xbb, 0xbf]) {
                self.change = Change::More;
                return 0;
            }
            if after.len() < 2 && [0xbb, 0xbf].starts_with(after) {
                undecided = undecided.max(bytes.len() - at);
            }
        }
        undecided
    }
}

/// Whether any byte of `bytes` is one normalising changes other than CR and EF: a C0
/// control but LF and CR, or DEL. Folded over fixed chunks, which vectorises.
fn other_special(bytes: &[u8]) -> bool {
    bytes.chunks(1024).any(|chunk| {
        chunk.iter().fold(false, |any, &b| {
            any | ((b < 0x20) & (b != b'\n') & (b != b'\r')) | (b == 0x7f)
        })
    })
}

pub use super::stretches::Offsets;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::indexed::Anchor;
    use proptest::prelude::*;

    use crate::document::stretches::tests::Held;

    fn surveyed(bytes: &[u8], cuts: &[usize]) -> Change {
        let mut survey = Survey::default();
        let mut from = 0;
        for &cut in cuts.iter().chain([&bytes.len()]) {
            let cut = cut.clamp(from, bytes.len());
            survey.feed(&bytes[from..cut]);
            from = cut;
        }
        survey.finish()
    }

    /// What normalising changes, told by normalising.
    fn changed(bytes: &[u8]) -> Change {
        let text = std::str::from_utf8(bytes).unwrap();
        let normal = super::super::normalise::normalise(text);
        if normal == text {
            Change::Nothing
        } else if normal == text.replace("\r\n", "\n") {
            Change::LineEnds
        } else {
            Change::More
        }
    }

    #[test]
    fn line_ends_lone_crs_and_boms_are_told_wherever_the_stretches_are_cut() {
        for (text, want) in [
            ("plain\nlines\n", Change::Nothing),
            ("crlf\r\nlines\r\n", Change::LineEnds),
            ("mixed\r\nends\nhere\r\n", Change::LineEnds),
            ("a lone\rcr\n", Change::More),
            ("ends with a lone cr\r", Change::More),
            ("two crs\r\r\n", Change::More),
            ("a\ttab\r\n", Change::More),
            ("a bom\u{feff} within\r\n", Change::More),
            ("fullwidth\u{ff0c}comma\u{ffe5}\r\n", Change::LineEnds),
            ("ends with fullwidth\u{ffe5}", Change::Nothing),
        ] {
            let bytes = text.as_bytes();
            for cut in 0..=bytes.len() {
                for cut2 in cut..=bytes.len().min(cut + 3) {
                    assert_eq!(
                        surveyed(bytes, &[cut, cut2]),
                        want,
                        "{text:?} cut at {cut}, {cut2}"
                    );
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn the_survey_is_what_normalising_changes(
            words in prop::collection::vec(prop::sample::select(vec!["ab", "\r\n", "\n", "\r", "\u{feff}", "\u{ff0c}", "\t", " ", "é"]), 0..40),
            cuts in prop::collection::vec(0usize..200, 0..6),
        ) {
            let text: String = words.concat();
            let mut cuts = cuts;
            cuts.sort_unstable();
            prop_assert_eq!(surveyed(text.as_bytes(), &cuts), changed(text.as_bytes()));
        }

        #[test]
        fn offsets_go_to_the_file_and_back(
            lines in prop::collection::vec((0usize..40, any::<bool>()), 1..80),
            step in 1usize..6,
        ) {
            let mut raw = String::new();
            for (i, (len, crlf)) in lines.iter().enumerate() {
                raw.push_str(&"é".repeat(len % 3));
                raw.push_str(&"x".repeat(*len));
                raw.push_str(&i.to_string());
                raw.push_str(if *crlf { "\r\n" } else { "\n" });
            }
            let doc = crate::document::Document::from_vec(raw.clone().into_bytes(), None).unwrap();
            let text = doc.text();
            prop_assert_eq!(text, raw.replace("\r\n", "\n"));
            // Every `step`-th line start as an anchor.
            let mut anchors = vec![];
            let (mut r, mut t) = (0u64, 0u64);
            for (i, line) in raw.split_inclusive('\n').enumerate() {
                if i % step == 0 {
                    anchors.push(Anchor { raw: r, text: t });
                }
                r += line.len() as u64;
                t += line.replace("\r\n", "\n").len() as u64;
            }
            let offsets = Offsets::Anchored(anchors.into());
            let source = Held(raw.clone().into_bytes());
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                let r = offsets.to_raw(&source, at).unwrap();
                // The file from there is the text from there, its line ends made LF.
                prop_assert_eq!(raw[r..].replace("\r\n", "\n"), &text[at..]);
                prop_assert_eq!(offsets.to_text(&source, r).unwrap(), at);
            }
        }
    }
}
