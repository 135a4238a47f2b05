//! Tests of [`super`]: a search of a text read on demand lands where the held one does.

use super::*;
use proptest::prelude::*;

use crate::document::stretches::tests::Held;

fn on_file(text: &str, query: &str, within: Range<usize>, at: usize, fwd: bool) -> Option<Hit> {
    let q = Query::new(query).unwrap();
    let source: Arc<dyn Source> = Arc::new(Held(text.as_bytes().to_vec()));
    let s = FileSearch::new(&q, (source, text.len()), within, at, fwd);
    run(s)
}

/// A search for `query` in `text` from the place `at` picks, within the range `cut`
/// picks, `fwd` or back: on the file `raw` (whose text `text` is, by `offsets`) read
/// `chunk` bytes at a time, and in the held text.
fn both(
    text: &str,
    raw: String,
    offsets: Offsets,
    (query, at, cut, fwd): (
        &str,
        prop::sample::Index,
        (prop::sample::Index, prop::sample::Index),
        bool,
    ),
    chunk: usize,
) -> (Option<Hit>, Option<Hit>) {
    let floor = |i: usize| crate::position::floor_char_boundary(text, i);
    let at = floor(at.index(text.len() + 1));
    let (a, b) = (
        floor(cut.0.index(text.len() + 1)),
        floor(cut.1.index(text.len() + 1)),
    );
    let within = a.min(b)..a.max(b);
    let q = Query::new(query).unwrap();
    let want = q.search(text, within.clone(), at, fwd).finish(text);
    let source: Arc<dyn Source> = Arc::new(Held(raw.into_bytes()));
    let mut s = FileSearch::new(&q, (source, text.len()), within, at, fwd).with_offsets(offsets);
    s.chunk = chunk;
    (run(s), want)
}

fn run(mut s: FileSearch) -> Option<Hit> {
    loop {
        match s.step(1) {
            FileStep::Pending => {}
            FileStep::Done(hit) => return hit,
            FileStep::Failed(e) => panic!("{e}"),
        }
    }
}

#[test]
fn matches_across_chunks_and_wrapping_round_are_those_of_the_held_search() {
    // About 13 MB: more than three chunks, with matches on either side of each cut.
    let line = "The lamp burned low by the bridge, café and river — éclair.\n";
    let mut text = line.repeat((13 << 20) / line.len());
    for (i, at) in [CHUNK - 3, 2 * CHUNK + 1, 3 * CHUNK - 20]
        .into_iter()
        .enumerate()
    {
        let at = crate::position::floor_char_boundary(&text, at);
        text.insert_str(at, &format!(" Lighthouse{i} keeper "));
    }
    let body = 100..text.len() - 50;
    let q = |s: &str| Query::new(s).unwrap();
    for query in [
        "lighthouse0 keeper",
        "lighthouse1",
        "Lighthouse2 keeper",
        "nowhere",
    ] {
        for at in [0, CHUNK, 2 * CHUNK + 7, text.len()] {
            let at = crate::position::floor_char_boundary(&text, at);
            for fwd in [true, false] {
                let want = q(query).search(&text, body.clone(), at, fwd).finish(&text);
                let got = on_file(&text, query, body.clone(), at, fwd);
                assert_eq!(got, want, "{query} from {at}, forward {fwd}");
            }
        }
    }
}

#[test]
fn a_file_that_cannot_be_read_ends_the_search_and_says_why() {
    #[derive(Debug)]
    struct Changed;
    impl Source for Changed {
        fn read_at(&self, _: u64, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("the story's file changed"))
        }
    }
    let q = Query::new("x").unwrap();
    let mut s = FileSearch::new(&q, (Arc::new(Changed), 100), 0..100, 0, true);
    assert_eq!(
        s.step(usize::MAX),
        FileStep::Failed("the story's file changed".into())
    );
    assert_eq!(s.step(usize::MAX), FileStep::Done(None));
}

/// Going back, a match whose first character straddles a chunk's start is found:
/// the later chunk skips the character's continuation bytes, the earlier one takes
/// matches starting on it.
#[test]
fn a_match_starting_on_a_character_cut_by_a_backward_chunk_is_found() {
    let line = "plain words on a line of their own, nothing to find here\n";
    let mut text = line.repeat((CHUNK + (1 << 20)) / line.len());
    let at = text.len();
    // The match's é takes the two bytes either side of `at - CHUNK`.
    let p = at - CHUNK - 1;
    let p = crate::position::floor_char_boundary(&text, p);
    text.replace_range(p..p + 6, "éclai");
    assert_eq!(&text.as_bytes()[p..p + 2], "é".as_bytes());
    let within = 0..text.len();
    let want = Query::new("éclai")
        .unwrap()
        .search(&text, within.clone(), at, false)
        .finish(&text);
    assert_eq!(want.as_ref().map(|h| h.range.start), Some(p));
    assert_eq!(on_file(&text, "éclai", within, at, false), want);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// On short texts (one chunk), wherever the search starts and whatever it looks
    /// for, it lands where the search of the held text does.
    #[test]
    fn a_search_on_file_lands_where_the_held_one_does(
        words in prop::collection::vec(prop::sample::select(vec!["ab", "b", "é", "a\n", " ", "ba b", "\n\n"]), 0..200),
        query in prop::sample::select(vec!["a", "b a", "ab", "é", "bé"]),
        at in any::<prop::sample::Index>(),
        cut in any::<(prop::sample::Index, prop::sample::Index)>(),
        fwd in any::<bool>(),
    ) {
        let text: String = words.concat();
        let floor = |i: usize| crate::position::floor_char_boundary(&text, i);
        let at = floor(at.index(text.len() + 1));
        let (a, b) = (floor(cut.0.index(text.len() + 1)), floor(cut.1.index(text.len() + 1)));
        let within = a.min(b)..a.max(b);
        let want = Query::new(query).unwrap().search(&text, within.clone(), at, fwd).finish(&text);
        prop_assert_eq!(on_file(&text, query, within, at, fwd), want);
    }

    /// The same on a file whose line ends are a mix of CRLF and LF (the text's all
    /// LF), read in chunks of a few bytes: the file's CRLFs cut between their CR and
    /// LF, matches running across chunks and across line ends (`\s+`, a hyphen's
    /// line break), anchors every few lines to count CRs from.
    #[test]
    fn a_search_of_a_crlf_file_lands_where_the_held_one_does(
        words in prop::collection::vec(prop::sample::select(vec!["ab", "b", "é", "a\n", " ", "ba b", "\n\n", "a-\n", "b-", " \n "]), 0..200),
        crlf in prop::collection::vec(any::<bool>(), 1..16),
        query in prop::sample::select(vec!["a", "b a", "ab", "é", "bé", "a-b", "b-a", "a b", "B A", "b- a"]),
        at in any::<prop::sample::Index>(),
        cut in any::<(prop::sample::Index, prop::sample::Index)>(),
        fwd in any::<bool>(),
        (chunk, step) in (1usize..40, 1usize..5),
    ) {
        let text: String = words.concat();
        let mut raw = String::new();
        let mut anchors = Vec::new();
        for (i, line) in text.split_inclusive('\n').enumerate() {
            if i % step == 0 {
                let raw = raw.len() as u64;
                anchors.push(crate::document::indexed::Anchor { raw, text: 0 });
            }
            match (line.strip_suffix('\n'), crlf[i % crlf.len()]) {
                (Some(body), true) => {
                    raw.push_str(body);
                    raw.push_str("\r\n");
                }
                _ => raw.push_str(line),
            }
        }
        // Each anchor's text offset: its file offset less the CRs before it.
        for a in &mut anchors {
            let r = usize::try_from(a.raw).unwrap();
            a.text = (r - raw[..r].matches('\r').count()) as u64;
        }
        prop_assert_eq!(raw.replace("\r\n", "\n"), text.clone());
        let offsets = Offsets::Anchored(anchors.into());
        let (got, want) = both(&text, raw, offsets, (query, at, cut, fwd), chunk);
        prop_assert_eq!(got, want);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The same on a file with irregular stretches (tabs made spaces, stray BOMs,
    /// control characters and escapes dropped, lone CRs), among regular ones of CRLF and
    /// LF, read in chunks of a few bytes: chunks cut inside irregular stretches, matches
    /// running across chunks and across an irregular stretch's edges (the spaces of a
    /// tab taken by a query's `\s+`), both ways, wrapping round.
    #[test]
    fn a_search_of_a_file_with_irregular_stretches_lands_where_the_held_one_does(
        words in prop::collection::vec(prop::sample::select(vec![
            "ab", "b", "é", "a\n", " ", "ba b", "\n\n", "a-\n", "b-", " \n ", "a\r\n", "\r\n",
            "\t", "a\tb", "\u{feff}", "\x07", "\x1b[1m", "b\x08b", "\r", "\u{feff}a",
        ]), 0..200),
        query in prop::sample::select(vec!["a", "b a", "ab", "é", "bé", "a-b", "b-a", "a b", "B A", "b- a", "a   b"]),
        at in any::<prop::sample::Index>(),
        cut in any::<(prop::sample::Index, prop::sample::Index)>(),
        fwd in any::<bool>(),
        (chunk, piece, feed) in (1usize..40, 1usize..30, 1usize..50),
    ) {
        let raw: String = words.concat();
        let (text, stretches) = crate::document::stretches::tests::built(raw.as_bytes(), piece, feed);
        let offsets = Offsets::Anchored(stretches);
        let (got, want) = both(&text, raw, offsets, (query, at, cut, fwd), chunk);
        prop_assert_eq!(got, want);
    }
}
