//! Windows cut from a file or a stream, joined, are the whole story.

use super::*;
use crate::document::BlockKind;
use std::io::Cursor;

fn windows(bytes: &[u8]) -> Vec<Document> {
    let head = bytes[..bytes.len().min(8192)].to_vec();
    let rest = Cursor::new(bytes[head.len()..].to_vec());
    Windows::new(rest, bytes.len() as u64, head, None)
        .unwrap()
        .collect::<io::Result<Vec<_>>>()
        .unwrap()
}

#[test]
fn windows_are_cut_after_blank_lines_and_join_to_the_whole_text() {
    let para = "A line of a paragraph that wraps at about seventy columns or so,\r\n\
                and its second line, which ends it.\r\n\r\n";
    let raw = para.repeat(3000);
    let docs = windows(raw.as_bytes());
    assert!(docs.len() >= 2, "{} windows", docs.len());
    let joined: String = docs.iter().map(Document::text).collect();
    assert_eq!(joined, super::super::normalise::normalise(&raw));
    for doc in &docs[..docs.len() - 1] {
        assert!(doc.text().ends_with("\n\n"), "cut inside a paragraph");
    }
}

#[test]
fn a_late_byte_that_is_not_utf8_switches_the_rest_to_a_legacy_encoding() {
    let mut raw = "Plain English prose, line after line.\n\n"
        .repeat(5000)
        .into_bytes();
    raw.extend_from_slice(b"Un caf\xe9 cr\xe8me.\n");
    let docs = windows(&raw);
    let last = docs.last().unwrap().text();
    assert!(
        last.ends_with("Un café crème.\n"),
        "{:?}",
        &last[last.len() - 30..]
    );
}

/// A line longer than the first window and than a later one (of 256 KB here rather
/// than [`READ`], so the text need not be megabytes long).
#[test]
fn a_line_longer_than_a_window_is_never_cut() {
    let line = "all work and no play ".repeat(50_000);
    let docs = windows(line.as_bytes());
    let joined: String = docs.iter().map(Document::text).collect();
    assert_eq!(joined, line);
    assert_eq!(docs.len(), 1, "one line, one window");

    let text = format!("A first paragraph.\n\n{line}");
    let bytes = text.as_bytes();
    let head = bytes[..8192].to_vec();
    let rest = Cursor::new(bytes[head.len()..].to_vec());
    let mut later = Windows::new(rest, bytes.len() as u64, head, None).unwrap();
    later.later = 256 << 10;
    assert!(line.len() > 2 * later.later);
    let docs = later.collect::<io::Result<Vec<_>>>().unwrap();
    let texts: Vec<&str> = docs.iter().map(Document::text).collect();
    assert_eq!(texts, ["A first paragraph.\n\n", line.as_str()]);
}
/// Two etexts joined in one file, as the Silesia `dickens` file joins fourteen: the
/// markers between them are text, as in the whole story (see `gutenberg`); only the
/// first header and the last footer bound what is shown.
#[test]
fn markers_between_two_joined_etexts_are_shown_as_the_whole_story_shows_them() {
    let etext = |n: usize| {
        let mut s = format!("The Project Gutenberg EBook of Book {n}\n\n*** START OF THE PROJECT GUTENBERG EBOOK BOOK {n} ***\n\n");
        for p in 0..5000 {
            s.push_str(&format!(
                "Paragraph {p} of book {n}, a line of prose that runs on.\n\n"
            ));
        }
        s.push_str(&format!(
            "*** END OF THE PROJECT GUTENBERG EBOOK BOOK {n} ***\n\nThe licence, at length.\n\n"
        ));
        s
    };
    let raw = format!("{}{}", etext(1), etext(2));
    let bytes = raw.as_bytes();
    let head = bytes[..8192].to_vec();
    let rest = Cursor::new(bytes[head.len()..].to_vec());
    let mut windows = Windows::new(rest, bytes.len() as u64, head, None).unwrap();
    windows.later = 16 << 10;
    let (blocks, lens) = shown(windows);
    assert!(lens.len() > 4, "several windows");
    assert_eq!(blocks, whole_blocks(&raw));
}

/// The blocks of `windows` at their offsets in the whole text, and the windows'
/// lengths.
fn shown<R: Read>(windows: Windows<R>) -> (Vec<(BlockKind, usize, usize)>, Vec<usize>) {
    let (mut shown, mut lens) = (Vec::new(), Vec::new());
    let mut at = 0;
    for doc in windows {
        let doc = doc.unwrap();
        shown.extend(
            doc.blocks()
                .iter()
                .map(|b| (b.kind, b.start() + at, b.end() + at)),
        );
        at += doc.text().len();
        lens.push(doc.text().len());
    }
    (shown, lens)
}

fn whole_blocks(raw: &str) -> Vec<(BlockKind, usize, usize)> {
    let whole = Document::from_text(raw);
    let blocks = whole.blocks().iter();
    blocks.map(|b| (b.kind, b.start(), b.end())).collect()
}

/// A stream (standard input, a decompressed file) has no length to tell its last
/// window by: it is cut as a file is, but always [`KEPT`] bytes short of what has
/// been read, so that its last window still holds the stretch its footer is looked
/// for in.
#[test]
fn a_stream_is_shown_as_the_whole_story_though_its_end_is_not_known_in_advance() {
    let mut raw = "The Project Gutenberg EBook of A Tale\r\n\r\n\
                   *** START OF THE PROJECT GUTENBERG EBOOK A TALE ***\r\n\r\n"
        .to_owned();
    for p in 0..6000 {
        raw.push_str(&format!(
            "Paragraph {p}, a line of prose that wraps at about seventy columns,\r\n\
             and a second line to end it.\r\n\r\n"
        ));
    }
    raw.push_str("*** END OF THE PROJECT GUTENBERG EBOOK A TALE ***\r\n\r\nThe licence.\r\n");
    let bytes = raw.as_bytes();
    let head = bytes[..8192].to_vec();
    let rest = Cursor::new(bytes[head.len()..].to_vec());
    let mut stream = Windows::of_stream(rest, head, None).unwrap();
    stream.later = 16 << 10;
    let (blocks, lens) = shown(stream);
    assert!(lens.len() > 4, "several windows: {lens:?}");
    let last = lens[lens.len() - 1];
    assert!(
        last >= FIRST_WINDOW,
        "the last window holds the footer's stretch: {lens:?}"
    );
    let want = whole_blocks(&raw);
    let first = blocks.iter().zip(&want).position(|(a, b)| a != b);
    assert_eq!(
        (blocks.len(), first),
        (want.len(), None),
        "{:?}",
        first.map(|i| (blocks[i], want[i]))
    );
    // One shorter than that is one window.
    let short = &bytes[..100_000];
    let stream = Windows::of_stream(
        Cursor::new(short[8192..].to_vec()),
        short[..8192].to_vec(),
        None,
    );
    let (_, lens) = shown(stream.unwrap());
    assert_eq!(lens.len(), 1, "{lens:?}");
}
