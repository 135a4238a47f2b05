//! While a big story is still being indexed, a search, a chapter or a percent that lands
//! in the part indexed so far goes there at once, on a new window of the file read at an
//! anchor before the place; the place is the byte a full pass gives.

mod common;

use common::Term;
use dogear::indexed::{Anchor, Indexed};
use dogear::{load, Action, Charset, Document, PromptKind, Reader};
use std::sync::Arc;

/// A story of numbered chapters of hard-wrapped paragraphs, CRLF line ends.
fn story(chapters: usize) -> String {
    common::chaptered_story(chapters, "\r\n")
}

const UTF_8: Charset = Charset::Web(encoding_rs::UTF_8);

/// The whole text's first `upto` bytes, as the indexing thread shares them, with their
/// anchors; `complete`: that is all of it.
fn indexed(whole: &Document, upto: usize, complete: bool) -> Arc<Indexed> {
    let mut anchors: Vec<Anchor> = Vec::new();
    for at in (0..upto).step_by(1024) {
        let a = whole.anchor_before(at);
        if anchors.last() != Some(&a) {
            anchors.push(a);
        }
    }
    let shared = Indexed::new();
    shared.push(&whole.text()[..upto], Some((anchors, UTF_8)));
    if complete {
        shared.complete();
    }
    shared
}

/// A reader on the first 30 KB of `raw`, as a big story opens, able to use `shared`.
fn on_first_window(raw: &str, whole: &Document, shared: &Arc<Indexed>) -> Reader {
    let window = load::window(&raw.as_bytes()[..30_000], UTF_8, false);
    let mut r = Reader::new(window, "story", (80, 24), 72);
    r.set_partial(0, whole.text().len());
    r.set_index(Arc::clone(shared));
    r
}

/// Does what the shell does for a reader that wants a new window: reads it from the
/// file's bytes at the anchor before the place. `false` when none is wanted.
fn serve(r: &mut Reader, raw: &str, shared: &Indexed) -> bool {
    let Some(at) = r.wanted_window() else {
        return false;
    };
    let anchor = shared
        .read()
        .anchor_before(at.saturating_sub(dogear::indexed::LEAD));
    let from = usize::try_from(anchor.raw).unwrap();
    let lead = at - usize::try_from(anchor.text).unwrap();
    let bytes = &raw.as_bytes()[from..(from + 2 * lead + 65_536).min(raw.len())];
    let ends = from + bytes.len() == raw.len();
    let doc = load::window(bytes, UTF_8, ends);
    r.rewindow(doc, usize::try_from(anchor.text).unwrap());
    true
}

fn search(r: &mut Reader, what: &str) {
    r.update(Action::OpenPrompt(PromptKind::Search));
    for c in what.chars() {
        r.update(Action::Input(c));
    }
    r.update(Action::Submit);
}

fn top_line(r: &Reader) -> String {
    r.document().text()[r.page()[0].range.clone()].to_owned()
}

/// The match shown, as a byte range of the whole text.
fn whole_hit(r: &Reader) -> Option<std::ops::Range<usize>> {
    let base = r.partial().map_or(0, |p| p.base);
    r.hit().map(|h| h.start + base..h.end + base)
}

#[test]
fn a_search_beyond_the_window_lands_on_the_byte_a_full_pass_gives_and_n_goes_on_from_there() {
    let raw = story(400);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let shared = indexed(&whole, whole.text().len() * 3 / 4, false);
    let mut r = on_first_window(&raw, &whole, &shared);
    let mut eager = Reader::new(whole.clone(), "story", (80, 24), 72);

    // Chapter 25 is past the first window (30 KB hold about eight chapters).
    search(&mut r, "CHAPTER 25");
    search(&mut eager, "CHAPTER 25");
    assert!(r.partial().unwrap().waiting.is_empty(), "{:?}", r.message());
    assert!(serve(&mut r, &raw, &shared), "a new window is wanted");
    assert!(r.partial().unwrap().base > 0, "on a new window");
    assert_eq!(r.whole_place(), eager.place(), "the byte a full pass gives");
    assert_eq!(whole_hit(&r), eager.hit());
    assert_eq!(top_line(&r), top_line(&eager));

    // `n` goes on from the match: to chapter 250 (another window), then 251 (in it).
    let mut served = Vec::new();
    for _ in 0..2 {
        r.update(Action::SearchNext);
        eager.update(Action::SearchNext);
        served.push(serve(&mut r, &raw, &shared));
        assert_eq!(r.whole_place(), eager.place());
        assert_eq!(whole_hit(&r), eager.hit());
    }
    assert_eq!(served, [true, false]);
    assert!(r.message().is_none(), "{:?}", r.message());

    // `N` goes back: to 250 in this window, then to 25 on another.
    for _ in 0..2 {
        r.update(Action::SearchPrev);
        eager.update(Action::SearchPrev);
        serve(&mut r, &raw, &shared);
        assert_eq!(whole_hit(&r), eager.hit());
        assert_eq!(r.whole_place(), eager.place());
    }
    let text = &whole.text()[eager.hit().unwrap()];
    assert_eq!(text, "CHAPTER 25");

    // Paging on from there, and back, reads on as the whole story does.
    for action in [Action::PageDown, Action::PageDown, Action::PageUp] {
        r.update(action.clone());
        eager.update(action);
        serve(&mut r, &raw, &shared);
        assert_eq!(r.whole_place(), eager.place());
    }

    // `` ` `` goes back to where the last jump left (chapter 250's page, another window);
    // paging since did not change that.
    r.update(Action::JumpBack);
    eager.update(Action::JumpBack);
    serve(&mut r, &raw, &shared);
    assert_eq!(r.whole_place(), eager.place());

    // Once the whole story is in, the reader is on the same place.
    let place = r.whole_place();
    let waiting = r.whole(whole.clone());
    assert!(waiting.is_empty());
    assert_eq!(r.place(), place);
}

#[test]
fn a_search_with_no_match_in_the_part_indexed_so_far_waits_for_the_whole_story_and_says_so() {
    let raw = story(400);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let shared = indexed(&whole, whole.text().len() / 4, false);
    let mut r = on_first_window(&raw, &whole, &shared);
    search(&mut r, "CHAPTER 350 ");
    assert_eq!(r.wanted_window(), None);
    assert_eq!(r.partial().unwrap().waiting, vec![Action::SearchNext]);
    let said = r.message().unwrap();
    assert!(said.contains("no match in the part read so far"), "{said}");
    for action in r.whole(whole.clone()) {
        r.apply_waiting(action);
    }
    assert!(top_line(&r).contains("CHAPTER 350") || r.hit().is_some());
    let mut eager = Reader::new(whole.clone(), "story", (80, 24), 72);
    search(&mut eager, "CHAPTER 350 ");
    assert_eq!(r.place(), eager.place());

    // `n` from a match shown goes on from it, also when it waited for the whole story.
    let mut r = on_first_window(&raw, &whole, &shared);
    search(&mut r, "CHAPTER 25");
    serve(&mut r, &raw, &shared);
    r.update(Action::SearchNext);
    assert_eq!(r.partial().unwrap().waiting, vec![Action::SearchNext]);
    for action in r.whole(whole.clone()) {
        r.apply_waiting(action);
    }
    assert_eq!(&whole.text()[r.hit().unwrap()], "CHAPTER 25");
    assert!(
        r.hit().unwrap().start > whole.text().len() / 2,
        "chapter 250's"
    );
}

#[test]
fn a_long_search_of_the_indexed_part_goes_in_slices_and_a_key_cancels_it() {
    let raw = story(400);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let shared = indexed(&whole, whole.text().len(), true);
    let mut r = on_first_window(&raw, &whole, &shared);
    r.set_search_step(64 << 10);
    search(&mut r, "CHAPTER 390 ");
    let pct = r.searching().expect("still searching after one slice");
    assert_eq!(r.message(), Some(format!("searching… {pct} %").as_str()));
    r.update(Action::Cancel);
    assert_eq!(r.searching(), None);
    assert_eq!(r.wanted_window(), None);
    assert_eq!(r.message(), Some("search cancelled"));
    // Let go on, it lands.
    r.update(Action::SearchNext);
    while r.searching().is_some() {
        r.step_search();
    }
    assert!(serve(&mut r, &raw, &shared));
    let mut eager = Reader::new(whole, "story", (80, 24), 72);
    search(&mut eager, "CHAPTER 390 ");
    assert_eq!(r.whole_place(), eager.place());
}

#[test]
fn a_chapter_found_so_far_and_a_percent_in_the_indexed_part_are_gone_to_at_once() {
    let raw = story(400);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let shared = indexed(&whole, whole.text().len(), true);
    let mut r = on_first_window(&raw, &whole, &shared);
    let chapters = dogear::chapters(&whole);
    r.set_found(chapters.clone(), whole.text().len());
    let mut eager = Reader::new(whole.clone(), "story", (80, 24), 72);

    let ch = &chapters[200];
    r.update(Action::GoTo(ch.offset));
    eager.update(Action::GoTo(ch.offset));
    assert!(serve(&mut r, &raw, &shared));
    assert_eq!(r.whole_place(), eager.place());
    assert!(top_line(&r).contains("CHAPTER 201"), "{}", top_line(&r));
    // `` ` `` goes back to the first window's place, on a window again.
    r.update(Action::JumpBack);
    assert!(serve(&mut r, &raw, &shared));
    assert_eq!(r.whole_place(), 0);

    // All of the text is in: a percent is the one the whole story gives.
    for action in [Action::Digit(3), Action::Digit(7), Action::Percent] {
        r.update(action.clone());
        eager.update(action);
    }
    assert!(serve(&mut r, &raw, &shared));
    assert_eq!(r.whole_place(), eager.place());
    assert_eq!(r.message(), Some("37%"));
}

/// The real binary, the whole story held back: a search finds its match far past the
/// first window while the story is still being indexed, and `n` the next one.
#[test]
fn a_search_finds_its_match_beyond_the_window_before_the_whole_story_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::lazy(dir.path(), &story(300), 5000);
    // All of the text is read (and held back from becoming the whole story).
    t.wait_for("the first page, all of it indexed", |s| {
        s.contains("CHAPTER 1") && s.contains("indexing 95 %")
    });
    let chapter = |n: u32| move |s: &str| s.lines().any(|l| l.trim() == format!("CHAPTER {n}"));
    t.send("/CHAPTER 25\r");
    t.wait_for("chapter 25, still indexing", |s| {
        chapter(25)(s) && s.contains("indexing")
    });
    t.send("n");
    t.wait_for("chapter 250, still indexing", |s| {
        chapter(250)(s) && s.contains("indexing")
    });
    t.send("q");
    t.wait_exit();
}

#[test]
fn a_search_waiting_for_more_of_the_story_goes_on_by_itself_as_more_is_indexed() {
    let raw = story(400);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let quarter = whole.text().len() / 4;
    let shared = indexed(&whole, quarter, false);
    let mut r = on_first_window(&raw, &whole, &shared);
    search(&mut r, "CHAPTER 350 ");
    assert_eq!(r.partial().unwrap().waiting, vec![Action::SearchNext]);
    // Nothing new: nothing found, nothing wanted.
    r.index_grew();
    assert_eq!(r.wanted_window(), None);

    // The rest of the story is indexed (not handed over yet).
    let rest = &whole.text()[quarter..];
    let anchors = (quarter..whole.text().len())
        .step_by(1024)
        .map(|at| whole.anchor_before(at))
        .filter(|a| usize::try_from(a.text).unwrap() >= quarter)
        .collect::<Vec<_>>();
    let mut anchors = anchors;
    anchors.dedup();
    shared.push(rest, Some((anchors, UTF_8)));
    r.index_grew();
    assert!(serve(&mut r, &raw, &shared), "the match is gone to");
    assert!(r.partial().unwrap().waiting.is_empty(), "it waits no more");
    let mut eager = Reader::new(whole.clone(), "story", (80, 24), 72);
    search(&mut eager, "CHAPTER 350 ");
    assert_eq!(r.whole_place(), eager.place());
    assert_eq!(whole_hit(&r), eager.hit());

    // Typed before any of the story is indexed, `/` waits with its prompt open, and goes
    // once the text is there.
    let empty = Indexed::new();
    let mut r = on_first_window(&raw, &whole, &empty);
    search(&mut r, "CHAPTER 350 ");
    assert_eq!(r.partial().unwrap().waiting, vec![Action::Submit]);
    empty.push(
        whole.text(),
        Some((vec![Anchor { raw: 0, text: 0 }], UTF_8)),
    );
    empty.complete();
    r.index_grew();
    assert_eq!(r.mode(), &dogear::Mode::Reading);
    assert!(r.partial().unwrap().waiting.is_empty());
    assert!(r.wanted_window().is_some());
}

#[test]
fn a_move_made_at_once_supersedes_moves_still_waiting_and_gg_goes_to_the_start() {
    let raw = story(400);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let shared = indexed(&whole, whole.text().len() / 4, false);
    let mut r = on_first_window(&raw, &whole, &shared);
    // `G` waits (the end is not indexed); a bookmark waits too.
    r.update(Action::Bottom);
    r.update(Action::AddBookmark);
    assert_eq!(
        r.partial().unwrap().waiting,
        vec![Action::Bottom, Action::AddBookmark]
    );
    // A chapter found so far is gone to at once: `G` waits no more, the bookmark does.
    let chapters = dogear::chapters(&whole);
    r.set_found(chapters.clone(), whole.text().len() / 4);
    r.update(Action::GoTo(chapters[50].offset));
    assert!(serve(&mut r, &raw, &shared));
    assert_eq!(r.partial().unwrap().waiting, vec![Action::AddBookmark]);
    assert!(top_line(&r).contains("CHAPTER 51"), "{}", top_line(&r));

    // `gg` goes to the start of the story on a window read there.
    r.update(Action::Top);
    r.update(Action::Top);
    assert!(serve(&mut r, &raw, &shared));
    assert_eq!(r.partial().unwrap().base, 0);
    assert_eq!(r.whole_place(), 0);
}

#[test]
fn paging_past_either_end_of_a_window_reads_on_as_the_whole_story_does() {
    let raw = story(400);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let shared = indexed(&whole, whole.text().len(), false);
    let mut r = on_first_window(&raw, &whole, &shared);
    let chapters = dogear::chapters(&whole);
    r.set_found(chapters.clone(), whole.text().len());
    let mut eager = Reader::new(whole.clone(), "story", (80, 24), 72);
    r.update(Action::GoTo(chapters[100].offset));
    eager.update(Action::GoTo(chapters[100].offset));
    serve(&mut r, &raw, &shared);
    let mut windows = 0;
    for action in [Action::PageDown, Action::PageUp] {
        for _ in 0..120 {
            r.update(action.clone());
            eager.update(action.clone());
            windows += usize::from(serve(&mut r, &raw, &shared));
            assert_eq!(r.whole_place(), eager.place(), "{action:?}");
            assert!(r.partial().unwrap().waiting.is_empty());
        }
    }
    assert!(windows >= 4, "{windows} windows read");
}

#[test]
fn a_backward_match_that_starts_before_the_window_and_ends_in_it_is_read_at_its_start() {
    let raw = story(400);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let shared = indexed(&whole, whole.text().len() * 3 / 4, false);
    let mut r = on_first_window(&raw, &whole, &shared);
    search(&mut r, "CHAPTER 25");
    assert!(serve(&mut r, &raw, &shared));
    // A phrase across the window's first line start: its last words before the window,
    // its first after.
    let base = r.partial().unwrap().base;
    let t = whole.text();
    let mut words: Vec<&str> = t[..base].split_whitespace().rev().take(8).collect();
    words.reverse();
    words.extend(t[base..].split_whitespace().take(7));
    let phrase = words.join(" ");
    let mut eager = Reader::new(whole.clone(), "story", (80, 24), 72);
    search(&mut eager, "CHAPTER 25");
    search(&mut r, &phrase);
    search(&mut eager, &phrase);
    // Back from chapter 25 to the phrase: the match the whole story gives, on a window
    // read at its start.
    r.update(Action::SearchPrev);
    eager.update(Action::SearchPrev);
    for _ in 0..50 {
        serve(&mut r, &raw, &shared);
        if r.searching().is_none() && r.wanted_window().is_none() {
            break;
        }
        r.update(Action::Tick);
    }
    assert_eq!(whole_hit(&r), eager.hit());
}
