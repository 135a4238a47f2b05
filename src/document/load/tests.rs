//! Tests of loading a story: whole, streamed, and in windows read at anchors.

use super::*;
use proptest::prelude::*;

/// Every text of up to eight line ends and letters: the forward search finds the
/// last match the reverse one does, overlapping ones too.
#[test]
fn rfind_forwards_finds_the_last_match() {
    let alphabet = [b'\n', b'\r', b'a'];
    for len in 0..=8u32 {
        for code in 0..3usize.pow(len) {
            let hay: Vec<u8> = (0..len)
                .map(|k| alphabet[code / 3usize.pow(k) % 3])
                .collect();
            for needle in [&b"\n\n"[..], b"\n\r\n"] {
                let want = memchr::memmem::rfind(&hay, needle);
                assert_eq!(rfind(&hay, needle), want, "{hay:?} {needle:?}");
            }
        }
    }
}

/// A long stretch is searched in its last 64 KB first: matches on either side of where
/// that starts, across it, and none at all, are found as the reverse search finds them.
#[test]
fn rfind_in_a_long_stretch_finds_the_last_match() {
    let len = (64 << 10) + 20;
    let from = len - (64 << 10);
    for needle in [&b"\n\n"[..], b"\n\r\n"] {
        for at in [
            None,
            Some(0),
            Some(from - 3),
            Some(from - 2),
            Some(from - 1),
        ]
        .into_iter()
        .chain([
            Some(from),
            Some(from + 1),
            Some(len - 3),
            Some(len - needle.len()),
        ]) {
            let mut hay = vec![b'a'; len];
            if let Some(at) = at {
                hay[at..at + needle.len()].copy_from_slice(needle);
            }
            let want = memchr::memmem::rfind(&hay, needle);
            assert_eq!(rfind(&hay, needle), want, "{at:?} {needle:?}");
        }
    }
}

use std::io::Cursor;

/// The text before pieces: decoded whole, then normalised whole.
fn reference(bytes: &[u8], forced: Option<Charset>) -> (String, Charset) {
    let d = decode::decode(bytes, forced).unwrap();
    (normalise::normalise(&d.text), d.charset)
}

fn story() -> impl Strategy<Value = String> {
    let line = prop::collection::vec(
        prop_oneof![
            Just("word".to_owned()),
            Just(" ".to_owned()),
            Just("\t".to_owned()),
            Just("é".to_owned()),
            Just("日本".to_owned()),
            Just("\x1b[1m".to_owned()),
            Just("\u{feff}".to_owned()),
            Just("\x0c".to_owned()),
            Just("a\x08_".to_owned()),
            Just("\r".to_owned()),
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat());
    let end = prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n")];
    prop::collection::vec((line, end), 0..60)
        .prop_map(|lines| lines.into_iter().map(|(l, e)| l + e).collect::<String>())
}

fn encoded(text: &str, how: u8) -> (Vec<u8>, Option<Charset>) {
    match how % 5 {
        0 => (text.as_bytes().to_vec(), None),
        1 => ([b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(), None),
        2 => {
            let (b, _, _) = encoding_rs::WINDOWS_1252.encode(text);
            (
                b.into_owned(),
                Some(Charset::Web(encoding_rs::WINDOWS_1252)),
            )
        }
        3 => {
            let (b, _, _) = encoding_rs::SHIFT_JIS.encode(text);
            (b.into_owned(), Some(Charset::Web(encoding_rs::SHIFT_JIS)))
        }
        _ => {
            let mut b = vec![0xff, 0xfe];
            for u in text.encode_utf16() {
                b.extend_from_slice(&u.to_le_bytes());
            }
            (b, None)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Streamed in any read and piece sizes, the text is the one decoding and
    /// normalising the whole file give; and a window read from any anchor is exactly
    /// the whole text from that anchor on.
    #[test]
    fn pieces_streams_and_windows_agree_with_one_pass(
        text in story(),
        how in 0u8..5,
        read in 1usize..300,
        piece in 1usize..200,
    ) {
        let (bytes, forced) = encoded(&text, how);
        let (want, charset) = reference(&bytes, forced);
        let whole = whole(bytes.clone(), forced).unwrap();
        prop_assert_eq!(whole.text(), want.as_str());
        prop_assert_eq!(whole.charset(), charset);
        let mut file = Cursor::new(bytes.clone());
        let len = bytes.len() as u64;
        let streamed = stream_in(&mut file, len, forced, &mut (), (read, piece)).unwrap();
        prop_assert_eq!(streamed.text(), want.as_str());
        for a in &streamed.anchors {
            let (raw_at, text_at) = (usize::try_from(a.raw).unwrap(), usize::try_from(a.text).unwrap());
            let from = &bytes[raw_at..];
            let w = window(from, charset, true);
            prop_assert_eq!(w.text(), &want[text_at..]);
            // A window cut short holds whole lines of the same text, when it holds a
            // line end at all (one long line cut anywhere is tested on its own).
            let half = &from[..from.len() / 2];
            if build::cut(charset, half, half.len()).is_some() {
                let cut = window(half, charset, false);
                prop_assert!(want[text_at..].starts_with(cut.text()));
            }
        }
    }
}

#[test]
fn a_window_with_no_line_end_in_reach_still_shows_its_text() {
    let line = "é and more words ".repeat(40_000);
    let bytes = line.as_bytes();
    let cut = &bytes[..100_001]; // inside an é
    let w = window(cut, Charset::Web(encoding_rs::UTF_8), false);
    assert!(w.text().len() > 99_000, "{}", w.text().len());
    assert!(line.starts_with(w.text()));
}

#[test]
fn a_late_byte_that_is_not_utf8_restarts_the_stream_in_a_legacy_encoding() {
    let mut bytes = "plain English line\r\n".repeat(5000).into_bytes();
    bytes.extend_from_slice(b"caf\xe9 cr\xe8me br\xfbl\xe9e\r\n");
    let want = whole(bytes.clone(), None).unwrap();
    let len = bytes.len() as u64;
    let got = stream_in(&mut Cursor::new(bytes), len, None, &mut (), (4096, 1000)).unwrap();
    assert_eq!(got.charset(), want.charset());
    assert_eq!(got.text(), want.text());
    assert!(got.text().ends_with("café crème brûlée\n"));
}
