use super::*;

/// A story of `n` short paragraphs, CRLF line ends.
fn story(n: usize) -> String {
    (0..n)
        .map(|i| format!("Paragraph {i} of a story that goes on for a long while.\r\n\r\n"))
        .collect()
}

/// `raw` written to a file of its own and opened on a window in a terminal of `size`, at
/// the place `at` (a byte of its whole text) saved before, or at its start.
fn open_story(
    raw: &[u8],
    at: Option<usize>,
    size: (u16, u16),
) -> (tempfile::TempDir, Reader, Book) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, raw).unwrap();
    let mut loaded = Session::load(None, &path, "fp".into());
    if let Some(offset) = at {
        let whole = Document::from_vec(raw.to_vec(), None).unwrap();
        let anchor = crate::position::anchor(&whole, offset);
        loaded.state.set_place(anchor, 1);
    }
    let (reader, book) = open(&path, raw.len() as u64, None, loaded, size, 72).unwrap();
    (dir, reader, book)
}

/// Where a reader on the whole of `raw` at 80x24 shows `offset` (the line it starts).
fn place_on_whole(raw: &[u8], offset: usize) -> usize {
    let whole = Document::from_vec(raw.to_vec(), None).unwrap();
    let mut reader = Reader::new(whole, "", (80, 24), 72);
    reader.go_to(offset);
    reader.place()
}

#[test]
fn the_first_frame_is_made_of_a_short_window_and_the_rest_of_it_follows() {
    let raw = story(4000);
    let (_dir, mut reader, mut book) = open_story(raw.as_bytes(), None, (80, 24));
    let short = reader.document().text().len();
    assert!((4 << 10..=8 << 10).contains(&short), "{short}");
    reader.update(crate::reader::Action::PageDown);
    let at = reader.whole_place();
    assert!(at > 0);
    // After the first frame: the whole window, the reader where it was.
    book.poll(&mut reader, false);
    assert!(reader.document().text().len() > 50_000);
    assert_eq!(reader.whole_place(), at);
    book.settle(&mut reader);
    // All read (and let go: CRLF line ends are all normalising changed, see
    // `tests_on_file.rs`): the whole text's length known, the reader where it was.
    assert_eq!(reader.text_len(), raw.len() - 4000 * 2);
    assert_eq!(reader.whole_place(), at);
}

#[test]
fn a_terminal_too_big_for_a_short_window_gets_the_whole_window_at_once() {
    let raw = story(4000);
    let (_dir, reader, _book) = open_story(raw.as_bytes(), None, (300, 100));
    assert!(reader.document().text().len() > 50_000);
}

#[test]
fn a_first_window_at_a_saved_place_holds_the_place_and_is_short() {
    let raw = story(8000);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    for percent in [30.0, 73.0, 99.0] {
        let offset = crate::position::offset_at_percent(&whole, percent);
        let (_dir, reader, _book) = open_story(raw.as_bytes(), Some(offset), (80, 24));
        let want = place_on_whole(raw.as_bytes(), offset);
        assert_eq!(reader.whole_place(), want, "at {percent} %");
        let shown = reader.document().text().len();
        assert!(shown < 50_000, "a window of {shown} bytes at {percent} %");
    }
}

#[test]
fn a_utf16_story_opened_at_its_place_shows_the_place_though_its_file_is_twice_its_text() {
    let text = story(3000);
    let mut raw = vec![0xFF, 0xFE];
    raw.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let whole = Document::from_vec(raw.clone(), None).unwrap();
    let offset = crate::position::offset_at_percent(&whole, 73.0);
    let (_dir, reader, _book) = open_story(&raw, Some(offset), (80, 24));
    assert_eq!(reader.whole_place(), place_on_whole(&raw, offset));
    assert!(
        reader.document().text().len() > 16 << 10,
        "a screen after the place"
    );
}

#[test]
fn a_window_between_two_joined_etexts_shows_the_markers_between_as_the_whole_story_does() {
    let etext = |n: usize| {
        let mut s = format!("*** START OF THE PROJECT GUTENBERG EBOOK BOOK {n} ***\r\n\r\n");
        s.push_str(&story(3000));
        s.push_str(&format!(
            "*** END OF THE PROJECT GUTENBERG EBOOK BOOK {n} ***\r\n\r\n"
        ));
        s.push_str("The licence of the first book, which goes on a while.\r\n\r\n");
        s
    };
    let raw = format!("{}{}", etext(1), etext(2));
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    // A place a little before the first book's footer: its window holds the markers.
    let end_one = whole
        .text()
        .find("*** END OF THE PROJECT GUTENBERG EBOOK BOOK 1")
        .unwrap();
    let offset = whole.text()[..end_one - 2000].rfind("\n\n").unwrap() + 2;
    let (_dir, mut reader, mut book) = open_story(raw.as_bytes(), Some(offset), (80, 24));
    book.poll(&mut reader, false);
    assert_eq!(
        reader.whole_place(),
        place_on_whole(raw.as_bytes(), offset),
        "the place, in the first book"
    );
    let base = reader.whole_place() - reader.place();
    let window = reader.document();
    assert!(window.blocks()[0].start() + base <= offset);
    assert!(window
        .text()
        .contains("START OF THE PROJECT GUTENBERG EBOOK BOOK 2"));
    let shown: Vec<_> = window.blocks()[1..window.blocks().len() - 1]
        .iter()
        .map(|b| (b.kind, b.start() + base))
        .collect();
    let want: Vec<_> = whole
        .blocks()
        .iter()
        .map(|b| (b.kind, b.start()))
        .filter(|(_, s)| {
            shown.first().is_some_and(|f| *s >= f.1) && shown.last().is_some_and(|l| *s <= l.1)
        })
        .collect();
    assert_eq!(shown, want);
}

#[test]
fn a_legacy_story_read_whole_before_opens_in_its_encoding_without_a_guess() {
    // Windows-1252 bytes (é, curly quotes) that the guess reads as windows-1252.
    let para = b"Caf\xe9 au lait, \x93the harbour\x94 said, and went on for a long while.\r\n\r\n";
    let raw: Vec<u8> = para.repeat(3000);
    let open_with = |encoding: &str, file: u64| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, &raw).unwrap();
        let mut loaded = Session::load(None, &path, "fp".into());
        loaded.state.statistics = Some(crate::state::TextStatistics {
            encoding: encoding.into(),
            file,
            summary: crate::document::blocks::Summary {
                wrap: 72,
                capitalised: true,
                one_line_japanese: false,
                repeated_caps: Vec::new(),
            },
        });
        let (mut reader, mut book) =
            open(&path, raw.len() as u64, None, loaded, (80, 24), 72).unwrap();
        let first = reader.document().text()[..40].to_owned();
        // The whole story is read in the window's encoding too.
        book.settle(&mut reader);
        assert!(reader.partial().is_none(), "held whole (not UTF-8)");
        let whole: String = reader.document().text().chars().take(20).collect();
        assert!(
            first.starts_with(&whole),
            "{first:?} but the whole story {whole:?}"
        );
        first
    };
    let len = raw.len() as u64;
    assert!(open_with("windows-1252", len).starts_with("Café au lait, “the harbour”"));
    // Read before as Cyrillic (chosen, say): so it is again, with no guess.
    assert!(open_with("windows-1251", len).starts_with("Caf\u{439} au lait, “the"));
    // Statistics of a file of another size say nothing: the guess.
    assert!(open_with("windows-1251", len + 1).starts_with("Café au lait"));
}

/// A UTF-8 story whose statistics say windows-1252 (it was read once with
/// `--encoding windows-1252`): its head is UTF-8, which costs nothing to tell, so it is
/// read as UTF-8, window and whole alike, and the place saved names its own words.
#[test]
fn a_utf8_story_once_read_as_windows_1252_opens_as_utf8_window_and_whole() {
    let para = "Café au lait, “the harbour” said, and went on for a long while.\r\n\r\n";
    let raw: Vec<u8> = para.repeat(3000).into_bytes();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, &raw).unwrap();
    let mut loaded = Session::load(None, &path, "fp".into());
    loaded.state.statistics = Some(crate::state::TextStatistics {
        encoding: "windows-1252".into(),
        file: raw.len() as u64,
        summary: crate::document::blocks::Summary {
            wrap: 72,
            capitalised: true,
            one_line_japanese: false,
            repeated_caps: Vec::new(),
        },
    });
    let (mut reader, mut book) = open(&path, raw.len() as u64, None, loaded, (80, 24), 72).unwrap();
    assert!(reader.document().text().starts_with("Café au lait, “the"));
    for _ in 0..20 {
        let effect = reader.update(crate::reader::Action::PageDown);
        book.effect(&mut reader, effect);
        book.poll(&mut reader, false);
    }
    book.settle(&mut reader);
    book.finish(&mut reader);
    let saved = book.state().unwrap().place.clone().unwrap().anchor;
    let text = String::from_utf8(raw).unwrap().replace("\r\n", "\n");
    assert!(saved.offset > 0);
    assert!(text[saved.offset..].starts_with(&saved.after), "{saved:?}");
}

/// Paragraphs of `n` words each, hard-wrapped at `width` columns, LF line ends.
fn wrapped(paragraphs: usize, words: usize, width: usize) -> String {
    let vocabulary = [
        "the", "harbour", "lamp", "was", "lit", "before", "evening", "and",
    ];
    let mut out = String::new();
    for p in 0..paragraphs {
        let mut line = String::new();
        for w in 0..words {
            let word = vocabulary[(p + w) % vocabulary.len()];
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push_str(".\n\n");
    }
    out
}

#[test]
fn a_story_never_read_whole_shows_its_first_window_by_its_own_looks_then_by_its_files() {
    // A line of capitals heads its start, and comes back twice within its first 8 KB
    // (past the first sample's 4 KB): alone, the start repeats it (a play's speaker, a
    // running head), which is no heading. Samples of the whole file find it once: a
    // title.
    let keeper = "THE KEEPER\n\n";
    let raw = [
        keeper,
        &wrapped(20, 40, 70),
        keeper,
        &wrapped(8, 40, 70),
        keeper,
    ]
    .concat()
        + &wrapped(3000, 40, 70);
    let (_dir, mut reader, mut book) = open_story(raw.as_bytes(), None, (80, 24));
    // The loop does it right after the first frame, before it waits for a key.
    assert!(crate::app::Host::due(&book));
    let first = |reader: &Reader| reader.document().blocks()[0].kind;
    assert_eq!(first(&reader), crate::document::BlockKind::Paragraph);
    reader.update(crate::reader::Action::PageDown);
    let at = reader.whole_place();
    assert!(at > 0);
    // After the first frame the file's samples are read and the window classified again,
    // as the background reading will classify the whole story.
    book.poll(&mut reader, false);
    assert!(!crate::app::Host::due(&book));
    assert_eq!(first(&reader), crate::document::BlockKind::Heading);
    assert_eq!(reader.whole_place(), at);
    book.settle(&mut reader);
    assert_eq!(first(&reader), crate::document::BlockKind::Heading);
}

#[test]
fn a_place_deep_in_a_line_longer_than_a_window_is_shown_by_the_first_frame() {
    // A line of 420 KB (a story kept whole for it): the saved place is 300 KB into it,
    // and its line starts 300 KB before the place.
    let long_line = "the keeper walked the harbour wall ".repeat(12_000);
    let raw = [story(2000), long_line, "\r\n\r\n".into(), story(2000)].concat();
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let line = whole.text().find("the keeper walked").unwrap();
    let offset = line + 300_000;
    let (_dir, reader, _book) = open_story(raw.as_bytes(), Some(offset), (80, 24));
    assert_eq!(reader.whole_place(), place_on_whole(raw.as_bytes(), offset));
}

/// `text` written in `encoding`, a paragraph repeated to about 300 KB.
fn written_in(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let story = format!("{text}\n\n").repeat(300_000 / text.len());
    let (bytes, _, unmappable) = encoding.encode(&story);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn a_legacy_story_never_read_shows_chardetngs_guess_first_then_the_ranked_choice() {
    let esperanto = "Ĉiu ĵaŭdo la knabo iris al la ĝardeno de sia avo. Tie ŝi manĝis \
        ĉerizojn, kaj la hundo ĉasis la ŝafojn ĝis la vespero venis.";
    // Its title, on a line of its own, is read in the same encoding.
    let title = "La Ĝardeno de Avo";
    let mut raw = encoding_rs::ISO_8859_3
        .encode(&format!("{title}\n\n\n"))
        .0
        .into_owned();
    raw.extend(written_in(esperanto, encoding_rs::ISO_8859_3));
    let len = raw.len();
    let head = &raw[..WINDOW];
    // chardetng alone and the ranking disagree on it: the case this is about.
    use crate::document::decode;
    let (quick, unranked) = decode::choose_unranked(head, len, None).unwrap();
    let ranked = decode::choose(head, len, None).unwrap();
    assert!(
        unranked && quick.charset != ranked.charset,
        "{quick:?} {ranked:?}"
    );
    let (_dir, mut reader, mut book) = open_story(&raw, None, (80, 24));
    assert!(!reader.document().text().contains("ĵaŭdo"));
    assert_ne!(reader.title(), title);
    // After the first frame, before a key: read again in the ranked choice, as the
    // whole story will be.
    book.poll(&mut reader, false);
    assert!(reader.document().text().contains(esperanto));
    assert_eq!(reader.title(), title);
    book.settle(&mut reader);
    assert!(reader.document().text().contains(esperanto));
    assert_eq!(reader.title(), title);
}

/// A legacy story whose first frame is all ASCII (an English preface to a Russian text):
/// the frame reads the same in any encoding, so none is guessed before it; the ranking
/// right after it chooses, and the window is made again in its choice.
#[test]
fn a_first_frame_of_ascii_is_shown_before_any_encoding_is_guessed() {
    let preface = "An English preface, in plain letters, runs on for some pages first.\n\n";
    let russian = "Вечером старый лодочник ждал у реки, и фонарь горел над тёмной водой, \
        пока не пришла телега.";
    let mut raw = preface.repeat(200).into_bytes();
    raw.extend(written_in(russian, encoding_rs::KOI8_R));
    let (len, head) = (raw.len(), &raw[..WINDOW]);
    use crate::document::decode;
    let (quick, unranked) = decode::choose_for_frame(head, len, None, 8 << 10).unwrap();
    assert!(unranked);
    assert_eq!(
        quick.charset.name(),
        "windows-1252",
        "a stand-in, not a guess"
    );
    // A frame showing a byte past ASCII is guessed for, as before.
    let (guessed, _) = decode::choose_for_frame(head, len, None, WINDOW - 1).unwrap();
    let (unranked_guess, _) = decode::choose_unranked(head, len, None).unwrap();
    assert_eq!(guessed, unranked_guess);
    let (_dir, mut reader, mut book) = open_story(&raw, None, (80, 24));
    assert!(reader.document().text().starts_with("An English preface"));
    book.poll(&mut reader, false);
    assert!(
        reader.document().text().contains(russian),
        "read again as KOI8-R"
    );
    book.settle(&mut reader);
    assert!(reader.document().text().contains(russian));
}
