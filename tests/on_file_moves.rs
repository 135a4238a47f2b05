//! A big UTF-8 story whose text is its file's bytes (LF line ends, nothing normalised),
//! or those bytes but for CRLF line ends (all CRLF, or mixed with LF), or normalised more
//! in a few stretches (tabs, stray BOMs, escapes), is let go once indexed: the reader
//! stays on windows of the file read at the index's anchors, and pages, searches and
//! jumps as a reader of the whole text does.

mod common;

use dogear::indexed::{Indexed, Source};
use dogear::{load, Action, Charset, Document, PromptKind, Reader};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

const UTF_8: Charset = Charset::Web(encoding_rs::UTF_8);

/// The story's file, read as the shell reads it; `changed`: it changed since it was
/// indexed, and nothing is read.
#[derive(Debug)]
struct File {
    bytes: Vec<u8>,
    changed: AtomicBool,
}

impl Source for File {
    fn read_at(&self, at: u64, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.changed.load(Ordering::Relaxed) {
            return Err(std::io::Error::other("the story's file changed"));
        }
        let at = usize::try_from(at).unwrap().min(self.bytes.len());
        let n = buf.len().min(self.bytes.len() - at);
        buf[..n].copy_from_slice(&self.bytes[at..at + n]);
        Ok(n)
    }
}

/// A story of numbered chapters of hard-wrapped paragraphs, LF line ends: its text is its
/// bytes.
fn story(chapters: usize) -> String {
    common::chaptered_story(chapters, "\n")
}

/// Its line ends as a file may have them: LF, CRLF, or CRLF in every other chapter (files
/// joined); or mixed, with tabs, stray BOMs and escapes in a few chapters (what joined
/// files have as well).
const ENDS: [&str; 4] = ["\n", "\r\n", "mixed", "irregular"];

/// [`story`] with `ends` (see [`ENDS`]).
fn story_with(chapters: usize, ends: &str) -> String {
    match ends {
        "mixed" => story(chapters)
            .split_inclusive("CHAPTER ")
            .enumerate()
            .map(|(i, part)| match i % 2 {
                0 => part.replace('\n', "\r\n"),
                _ => part.to_owned(),
            })
            .collect(),
        "irregular" => story_with(chapters, "mixed")
            .split_inclusive("CHAPTER ")
            .enumerate()
            .map(|(c, part)| match (c % 61, c % 67, c % 71, c % 73) {
                (3, ..) => part.replacen("Paragraph 3 line 1", "\tParagraph 3 line 1", 1),
                (_, 5, ..) => format!("\u{feff}{part}"),
                (_, _, 7, _) => part.replacen("Paragraph 4", "\x1b[1mParagraph\x1b[0m 4", 1),
                (.., 11) => part.replace("hard-wrapped near", "hard-wrapped\tnear"),
                _ => part.to_owned(),
            })
            .collect(),
        nl => common::chaptered_story(chapters, nl),
    }
}

/// The whole story indexed as the shell indexes it (streamed, its anchors and what
/// normalising changed kept in the index) and let go, and a reader on a window of it at
/// its start, with its chapters (as the shell leaves it once the story is read).
fn let_go(raw: &str) -> (Reader, Arc<Indexed>, Arc<File>, Document) {
    let shared = Indexed::new();
    let whole = dogear::indexing::stream_shared(
        &mut std::io::Cursor::new(raw.as_bytes()),
        raw.len() as u64,
        None,
        (&dogear::blocks::Evidence::default(), &shared),
        &mut (),
        &mut |_| {},
        &mut || {},
    )
    .unwrap();
    assert_eq!(whole.text(), dogear::normalise::normalise(raw));
    let file = Arc::new(File {
        bytes: raw.as_bytes().to_vec(),
        changed: AtomicBool::new(false),
    });
    let len = whole.text().len();
    assert!(shared.let_go(len, whole.body(), Arc::clone(&file) as Arc<dyn Source>));
    let file_len = shared.read().on_file.clone().unwrap().file_len;
    assert_eq!(file_len, raw.len() as u64);
    let offsets = shared.read().on_file.clone().unwrap().offsets;
    let anchored = matches!(offsets, dogear::line_ends::Offsets::Anchored(_));
    assert_eq!(
        anchored,
        raw != whole.text(),
        "offsets moved where the text is not the bytes"
    );
    if let dogear::line_ends::Offsets::Anchored(s) = &offsets {
        // Tabs and BOMs in some stretches: those, and only those, are normalised again.
        let irregular = s.irregular_count();
        assert_eq!(irregular > 0, raw.contains('\t'));
        assert!(irregular < s.anchors().len() / 2, "{irregular}");
    }
    assert!(shared.read().text().is_empty(), "no text is held");
    let window = load::window(&raw.as_bytes()[..30_000], UTF_8, false);
    let mut r = Reader::new(window, "story", (80, 24), 72);
    r.set_partial(0, len);
    r.set_index(Arc::clone(&shared));
    let waiting = r.stay_on_windows(dogear::chapters(&whole));
    assert!(waiting.is_empty());
    (r, shared, file, whole)
}

/// Does what the shell does for a reader that wants a new window: reads it through the
/// source at the anchor before the place. `false` when none is wanted.
fn serve(r: &mut Reader, shared: &Indexed) -> bool {
    let Some(at) = r.wanted_window() else {
        return false;
    };
    let (anchor, f) = {
        let part = shared.read();
        let anchor = part.anchor_before(at.saturating_sub(dogear::indexed::LEAD));
        (anchor, part.on_file.clone().unwrap())
    };
    let lead = at - usize::try_from(anchor.text).unwrap();
    let mut bytes = vec![0; 2 * lead + 65_536];
    match f.source.read_at(anchor.raw, &mut bytes) {
        Ok(n) => {
            bytes.truncate(n);
            let ends = anchor.raw + n as u64 >= f.file_len;
            let doc = load::window(&bytes, UTF_8, ends);
            r.rewindow(doc, usize::try_from(anchor.text).unwrap());
        }
        Err(e) => r.window_failed(&format!("cannot read the story there: {e}")),
    }
    true
}

/// Runs a search to its end, serving the window its match is on.
fn settle(r: &mut Reader, shared: &Indexed) {
    for _ in 0..1000 {
        serve(r, shared);
        if r.searching().is_none() && r.wanted_window().is_none() {
            return;
        }
        r.step_search();
    }
    panic!("the search never ended");
}

fn search(r: &mut Reader, what: &str) {
    r.update(Action::OpenPrompt(PromptKind::Search));
    for c in what.chars() {
        r.update(Action::Input(c));
    }
    r.update(Action::Submit);
}

/// The match shown, as a byte range of the whole text.
fn whole_hit(r: &Reader) -> Option<std::ops::Range<usize>> {
    let base = r.partial().map_or(0, |p| p.base);
    r.hit().map(|h| h.start + base..h.end + base)
}

/// Runs `test` on a story with each of the line ends of [`ENDS`] (named on failure).
fn each_ending(test: fn(&str)) {
    for ends in ENDS {
        eprintln!("line ends {ends:?}");
        test(ends);
    }
}

#[test]
fn paging_across_windows_with_no_text_held_reads_on_as_the_whole_story_does() {
    each_ending(paging);
}

fn paging(ends: &str) {
    let raw = story_with(400, ends);
    let (mut r, shared, _file, whole) = let_go(&raw);
    let mut eager = Reader::new(whole.clone(), "story", (80, 24), 72);
    let chapters = dogear::chapters(&whole);
    r.update(Action::GoTo(chapters[100].offset));
    eager.update(Action::GoTo(chapters[100].offset));
    serve(&mut r, &shared);
    let mut windows = 0;
    // Down and back, then from the end back, and down to the end from a little before
    // it (windows near the end of a file longer than its text by its CRs).
    let near_end = chapters[chapters.len() - 6].offset;
    let moves = [
        (Action::PageDown, 120),
        (Action::PageUp, 120),
        (Action::Bottom, 1),
        (Action::PageUp, 120),
        (Action::GoTo(near_end), 1),
        (Action::PageDown, 160),
    ];
    for (action, times) in moves {
        for _ in 0..times {
            r.update(action.clone());
            eager.update(action.clone());
            windows += usize::from(serve(&mut r, &shared));
            assert_eq!(r.whole_place(), eager.place(), "{action:?}");
            let shown = |r: &Reader| -> Vec<String> {
                let t = r.document().text();
                r.page()
                    .iter()
                    .map(|l| t[l.range.clone()].to_owned())
                    .collect()
            };
            assert_eq!(shown(&r), shown(&eager), "{action:?}");
            // The place's quote, for a bookmark or the place saved, is the whole's.
            let (anchor, want) = (r.anchor_of(r.place()), eager.anchor_of(eager.place()));
            assert_eq!(
                (anchor.offset, &anchor.before, &anchor.after),
                (want.offset, &want.before, &want.after),
                "{action:?}"
            );
            assert!(r.partial().unwrap().waiting.is_empty());
        }
    }
    assert!(windows >= 4, "{windows} windows read");
    assert!(shared.read().text().is_empty());
}

#[test]
fn a_search_on_file_goes_both_ways_and_wraps_round_as_the_whole_storys_does() {
    each_ending(searching);
}

fn searching(ends: &str) {
    let raw = story_with(400, ends);
    let (mut r, shared, _file, whole) = let_go(&raw);
    let mut eager = Reader::new(whole, "story", (80, 24), 72);
    search(&mut r, "chapter 390,");
    search(&mut eager, "chapter 390,");
    settle(&mut r, &shared);
    assert_eq!(whole_hit(&r), eager.hit());
    assert_eq!(r.whole_place(), eager.place());
    // On past the last match, round to the first; back again across the end.
    let actions = std::iter::repeat_n(Action::SearchNext, 60);
    both_search(
        &mut r,
        &mut eager,
        &shared,
        actions.chain(std::iter::repeat_n(Action::SearchPrev, 3)),
    );
    // A match across line ends (CRLF in the file): both ways, and round.
    let across = "cols paragraph 5 line 2 of chapter 39";
    find_then_step(
        &mut r,
        &mut eager,
        &shared,
        across,
        (Action::SearchPrev, Action::SearchNext),
        13,
    );
    // A match across an irregular stretch's tab (spaces in the text) and a CRLF.
    let tabbed = "seventy cols paragraph 3 line 1 of chapter";
    find_then_step(
        &mut r,
        &mut eager,
        &shared,
        tabbed,
        (Action::SearchNext, Action::SearchPrev),
        30,
    );
    search(&mut r, "no such words");
    settle(&mut r, &shared);
    assert_eq!(r.message(), Some("not found: no such words"));
}

/// Takes each of `actions` on the reader from the file and on the whole story's, and
/// checks they show the same match at the same place and say the same.
/// Searches for `query` on the file and in the whole story, checks they land alike, then
/// steps `n` matches one way and `n` back the other (see [`both_search`]).
fn find_then_step(
    r: &mut Reader,
    eager: &mut Reader,
    shared: &Indexed,
    query: &str,
    (there, back): (Action, Action),
    n: usize,
) {
    search(r, query);
    search(eager, query);
    settle(r, shared);
    assert_eq!(whole_hit(r), eager.hit());
    let actions = std::iter::repeat_n(there, n);
    both_search(
        r,
        eager,
        shared,
        actions.chain(std::iter::repeat_n(back, n)),
    );
}

fn both_search(
    r: &mut Reader,
    eager: &mut Reader,
    shared: &Indexed,
    actions: impl Iterator<Item = Action>,
) {
    for action in actions {
        r.update(action.clone());
        eager.update(action.clone());
        settle(r, shared);
        assert_eq!(whole_hit(r), eager.hit(), "{action:?}");
        assert_eq!(r.whole_place(), eager.place(), "{action:?}");
        assert_eq!(r.message(), eager.message(), "{action:?}");
    }
}

#[test]
fn g_a_percent_and_a_chapter_go_where_the_whole_storys_do_and_nothing_waits() {
    each_ending(jumping);
}

fn jumping(ends: &str) {
    let raw = story_with(400, ends);
    let (mut r, shared, _file, whole) = let_go(&raw);
    let mut eager = Reader::new(whole, "story", (80, 24), 72);
    r.update(Action::Bottom);
    eager.update(Action::Bottom);
    assert!(serve(&mut r, &shared));
    assert_eq!(r.whole_place(), eager.place());
    assert_eq!(r.percent(), 100);
    r.update(Action::NextChapter);
    r.update(Action::Top);
    eager.update(Action::Top);
    serve(&mut r, &shared);
    assert_eq!(r.whole_place(), eager.place());
    for digit in [5, 0] {
        r.update(Action::Digit(digit));
        eager.update(Action::Digit(digit));
    }
    r.update(Action::Percent);
    eager.update(Action::Percent);
    assert!(serve(&mut r, &shared));
    let half = dogear::normalise::normalise(&raw).len() / 2;
    let at = r.whole_place();
    assert!(at <= half && half - at < 400, "{at} near {half}");
    assert_eq!(r.message(), Some("50%"));
    r.update(Action::NextChapter);
    eager.update(Action::NextChapter);
    serve(&mut r, &shared);
    assert_eq!(r.whole_place(), eager.place());
    assert_eq!(r.current_chapter(), eager.current_chapter());
    assert!(r.partial().unwrap().waiting.is_empty());
}

#[test]
fn a_page_turn_after_the_file_changed_reads_nothing_and_says_so() {
    each_ending(file_changed);
}

fn file_changed(ends: &str) {
    let raw = story_with(400, ends);
    let (mut r, shared, file, _whole) = let_go(&raw);
    let (place, top) = (r.whole_place(), r.page()[0].clone());
    file.changed.store(true, Ordering::Relaxed);
    // Far beyond the window: a new one is wanted, and cannot be read.
    for _ in 0..40 {
        r.update(Action::PageDown);
        if serve(&mut r, &shared) {
            break;
        }
    }
    assert_eq!(
        r.message(),
        Some("cannot read the story there: the story's file changed")
    );
    assert!(r.whole_place() > place, "paged within the window");
    assert_eq!(r.wanted_window(), None);
    // A search says so too, and moves nothing.
    let at = r.whole_place();
    search(&mut r, "chapter 390,");
    settle(&mut r, &shared);
    assert_eq!(
        r.message(),
        Some("cannot search the story: the story's file changed")
    );
    assert_eq!(r.whole_place(), at);
    assert_ne!(r.page()[0], top);
}

#[test]
fn a_long_search_on_file_goes_in_slices_says_so_and_a_key_cancels_it() {
    each_ending(long_search);
}

fn long_search(ends: &str) {
    // More than two of the chunks a search reads a slice at a time (4 MB).
    let raw = story_with(3000, ends);
    let (mut r, _shared, _file, _whole) = let_go(&raw);
    r.set_search_step(1);
    let place = r.whole_place();
    search(&mut r, "no such words");
    let pct = r.searching().expect("still searching after a slice");
    assert_eq!(r.message(), Some(format!("searching… {pct} %").as_str()));
    r.step_search();
    assert!(r.searching().is_some());
    r.update(Action::PageDown);
    assert_eq!(r.searching(), None);
    assert_eq!(r.message(), Some("search cancelled"));
    assert_eq!(r.whole_place(), place, "the key only cancelled");
}

/// Counts the window's pages as the shell does in the background.
fn count_pages(r: &mut Reader) {
    let key = r.page_key().expect("a window's pages are counted");
    let tops = dogear::tops(r.document(), key.width, key.height);
    r.add_pages(&key, &tops, true);
}

#[test]
fn the_page_estimate_pools_the_windows_seen_and_settles_rather_than_jumping_with_each() {
    // Prose, then as much text again in short lines of verse (a few words a page).
    let mut raw = story(40);
    let prose = raw.len();
    while raw.len() < 2 * prose {
        raw.push_str("The tide goes out,\nthe tide comes in,\nand no one minds.\n\n");
    }
    let (mut r, shared, _file, _whole) = let_go(&raw);
    count_pages(&mut r);
    let (_, on_prose) = r.page_estimate().unwrap();
    for digit in [9, 0] {
        r.update(Action::Digit(digit));
    }
    r.update(Action::Percent);
    while serve(&mut r, &shared) {}
    count_pages(&mut r);
    let (here, pooled) = r.page_estimate().unwrap();
    // What the verse window alone would say: a page count for a story of verse.
    let verse_only = {
        let base = r.whole_place() - r.place();
        let mut alone = Reader::new(r.document().clone(), "story", (80, 24), 72);
        alone.set_partial(base, raw.len());
        count_pages(&mut alone);
        alone.page_estimate().unwrap().1
    };
    assert!(
        on_prose < pooled && pooled < verse_only,
        "prose ~{on_prose}, pooled ~{pooled}, verse alone ~{verse_only}"
    );
    assert!(here <= pooled);
    // The same window counted again changes nothing.
    count_pages(&mut r);
    assert_eq!(r.page_estimate().unwrap().1, pooled);
}

/// The place's percent, saved from a window, is of the story's body, as the whole
/// story's, the bookmark list's and the re-finding by percent are (not of the whole
/// text, header and licence included).
#[test]
fn a_place_saved_on_a_window_has_the_whole_storys_percent() {
    let body = story(400);
    let licence =
        "The licence of this etext goes on for a long while, line after line.\n\n".repeat(600);
    let raw = format!(
        "The Project Gutenberg eBook of A Story\n\n*** START OF THE PROJECT GUTENBERG EBOOK A STORY ***\n\n{body}*** END OF THE PROJECT GUTENBERG EBOOK A STORY ***\n\n{licence}"
    );
    let (mut r, shared, _file, whole) = let_go(&raw);
    let at = whole.text().find("CHAPTER 300\n").unwrap();
    r.update(Action::GoTo(at));
    serve(&mut r, &shared);
    let mut eager = Reader::new(whole.clone(), "story", (80, 24), 72);
    eager.update(Action::GoTo(at));
    assert_eq!(r.whole_place(), eager.place());
    let on_window = r.anchor_of(r.place());
    let on_whole = dogear::anchor(&whole, eager.place());
    assert_eq!(on_window.offset, on_whole.offset);
    assert!(
        (on_window.percent - on_whole.percent).abs() < 0.01,
        "saved {} %, the whole story says {} %, the bookmark list {} %",
        on_window.percent,
        on_whole.percent,
        r.percent_of(on_window.offset)
    );
}

/// `:` and a page number on a story let go go, as `123g` does, to the page the
/// windows' pages put it on (rather than saying "counting pages…" for ever).
#[test]
fn the_page_prompt_goes_to_a_page_on_a_story_let_go() {
    let raw = story(400);
    let (mut r, _shared, _file, _whole) = let_go(&raw);
    let key = r.page_key().expect("a window's pages are counted");
    let tops = dogear::tops(r.document(), key.width, key.height);
    r.add_pages(&key, &tops, true);
    assert!(
        r.page_estimate().is_some(),
        "the window's pages are counted"
    );
    r.update(Action::OpenPrompt(PromptKind::Page));
    for c in "50".chars() {
        r.update(Action::Input(c));
    }
    r.update(Action::Submit);
    // The window's count comes again (as the shell's background count would).
    r.add_pages(&key, &tops, true);
    assert!(
        r.wanted_window().is_some() || r.whole_place() > 0,
        "went nowhere; the reader says {:?}",
        r.message()
    );
}

/// A window read at an anchor inside fenced code: paging back into the fence's end
/// shows its lines as the whole story's page there does.
#[test]
fn a_window_starting_inside_fenced_code_shows_it_as_the_whole_story_does() {
    let mut code = String::from("```sh\n");
    let mut i = 0;
    while code.len() < 15 << 10 {
        code.push_str(&format!("# Build it, step {i}\nmake all install\n\n"));
        i += 1;
    }
    code.push_str("```\n\n");
    let mut mismatches = Vec::new();
    for shift in [0usize, 4 << 10, 8 << 10, 12 << 10] {
        let head = story(20);
        let pad =
            "Words before the code, a paragraph of them to shift it along.\n\n".repeat(shift / 64);
        let raw = format!("{head}{pad}{code}{}", story(20));
        let (mut r, shared, _file, whole) = let_go(&raw);
        let mut eager = Reader::new(whole.clone(), "story", (80, 24), 72);
        let end = raw.find("```\n\n").unwrap() + 5;
        r.update(Action::GoTo(end + 800));
        eager.update(Action::GoTo(end + 800));
        serve(&mut r, &shared);
        for _ in 0..6 {
            r.update(Action::PageUp);
            eager.update(Action::PageUp);
            serve(&mut r, &shared);
            let shown = |r: &Reader| -> Vec<String> {
                let t = r.document().text();
                r.page()
                    .iter()
                    .map(|l| t[l.range.clone()].to_owned())
                    .collect()
            };
            if shown(&r) != shown(&eager) {
                mismatches.push((shift, r.whole_place(), shown(&r), shown(&eager)));
                break;
            }
        }
    }
    assert!(mismatches.is_empty(), "{:#?}", mismatches.first());
}
