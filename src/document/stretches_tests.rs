//! Tests of [`super`]: offsets moved stretch by stretch land where normalising puts them.

use super::*;
use crate::document::build::Builder;
use crate::document::charset::UTF_8;
use proptest::prelude::*;

/// A text held in memory, read as a file would be.
#[derive(Debug)]
pub(crate) struct Held(pub(crate) Vec<u8>);

impl Source for Held {
    fn read_at(&self, at: u64, buf: &mut [u8]) -> io::Result<usize> {
        let at = usize::try_from(at).unwrap_or(usize::MAX).min(self.0.len());
        let n = buf.len().min(self.0.len() - at);
        buf[..n].copy_from_slice(&self.0[at..at + n]);
        Ok(n)
    }
}

/// The text of UTF-8 `raw` built as a streamed reading builds it (pieces of about
/// `piece` bytes, fed `feed` bytes at a time), and its stretches.
pub(crate) fn built(raw: &[u8], piece: usize, feed: usize) -> (String, Stretches) {
    let mut b = Builder::new(UTF_8, 0, true).with_piece(piece).surveyed();
    for bytes in raw.chunks(feed.max(1)) {
        b.feed(bytes).unwrap();
    }
    b.flush().unwrap();
    let irregular = b.survey().unwrap().irregular.clone();
    let (text, anchors) = b.finish().unwrap();
    (text, Stretches::new(anchors.into(), irregular))
}

/// Lines of words, some with what normalising changes (a tab, a stray BOM, a control
/// character, an escape, a lone CR, CRLF).
fn lines() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "ab", "é", " ", "\t", "a\tb", "\u{feff}", "\x07", "\x1b[1m", "\r", "\r\n", "\n", "x\x08x",
    ]);
    prop::collection::vec(piece, 0..120).prop_map(|p| p.concat())
}

#[test]
fn a_regular_stretch_is_found_as_one_and_an_irregular_one_as_one() {
    let raw = "plain line\nanother\r\n".repeat(40) + "a\ttab\n" + &"plain\n".repeat(40);
    let (text, s) = built(raw.as_bytes(), 64, 7);
    assert_eq!(text, normalise::normalise(&raw));
    assert_eq!(s.irregular_count(), 1);
    let at = text.find("a      ").unwrap();
    assert!(s.at_text(at).irregular);
    assert!(!s.at_text(0).irregular);
    assert!(!s.at_text(text.len() - 1).irregular);
    let offsets = Offsets::Anchored(s);
    let source = Held(raw.clone().into_bytes());
    // Each of the tab's spaces is the tab.
    let tab = raw.find('\t').unwrap();
    for i in 1..8 {
        assert_eq!(offsets.to_raw(&source, at + i).unwrap(), tab);
    }
    assert_eq!(offsets.to_text(&source, tab).unwrap(), at + 1);
    assert_eq!(offsets.file_len(&source, text.len()).unwrap(), raw.len());
}

use super::super::normalise;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Every anchor is where its stretch starts in both, the text's end is the file's,
    /// and offsets go up together; in a regular stretch they go to the file and back.
    #[test]
    fn offsets_go_stretch_by_stretch(raw in lines(), piece in 1usize..40, feed in 1usize..50) {
        let (text, s) = built(raw.as_bytes(), piece, feed);
        prop_assert_eq!(&text, &normalise::normalise(&raw));
        let source = Held(raw.clone().into_bytes());
        let offsets = Offsets::Anchored(s.clone());
        for a in s.anchors() {
            let (r, t) = (usize_of(a.raw), usize_of(a.text));
            prop_assert_eq!(offsets.to_raw(&source, t).unwrap(), r);
            prop_assert_eq!(&normalise::normalise(&raw[r..]), &text[t..]);
        }
        prop_assert_eq!(offsets.file_len(&source, text.len()).unwrap(), raw.len());
        let mut last = 0;
        for t in (0..=text.len()).filter(|&t| text.is_char_boundary(t)) {
            let r = offsets.to_raw(&source, t).unwrap();
            prop_assert!(r >= last, "{} at {} before {}", r, t, last);
            last = r;
            if !s.at_text(t).irregular {
                prop_assert_eq!(offsets.to_text(&source, r).unwrap(), t);
            }
        }
    }
}

/// A file that starts with a BOM is built from after it (see `load::stream_as`): its
/// first anchor is at byte 3 of the file and 0 of the text. The BOM's bytes are no
/// bytes of the text: each is the text's first.
#[test]
fn the_bytes_of_a_bom_at_the_files_start_are_the_texts_first() {
    let raw = "\u{feff}plain line\r\nanother\n".to_owned() + &"more\r\n".repeat(50);
    let mut b = Builder::new(UTF_8, 3, false).with_piece(64).surveyed();
    b.feed(&raw.as_bytes()[3..]).unwrap();
    b.flush().unwrap();
    let irregular = b.survey().unwrap().irregular.clone();
    let (text, anchors) = b.finish().unwrap();
    assert_eq!(text, normalise::normalise(&raw));
    let offsets = Offsets::Anchored(Stretches::new(anchors.into(), irregular));
    let source = Held(raw.clone().into_bytes());
    assert_eq!(offsets.to_raw(&source, 0).unwrap(), 3);
    for at in 0..=3 {
        assert_eq!(offsets.to_text(&source, at).unwrap(), 0, "byte {at}");
    }
    assert_eq!(offsets.file_len(&source, text.len()).unwrap(), raw.len());
}
