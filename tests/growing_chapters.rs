//! While a big story is still being read, the chapters found so far reach the reader
//! (`Reader::set_found`): the list opens at once and grows, a chapter in the window is
//! gone to at once, one beyond it once the whole story is in.

mod common;

use common::Term;
use dogear::{load, Action, Charset, Document, Mode, Reader};
use ratatui::{backend::TestBackend, Terminal};

/// A story of numbered chapters of hard-wrapped paragraphs, LF line ends.
fn story(chapters: usize) -> String {
    common::chaptered_story(chapters, "\n")
}

/// A reader on the first 30 KB of `raw` (whose whole text is `whole`), as a big story
/// opens, told of the chapters in the first `found` bytes of the whole text.
fn on_window(raw: &str, whole: &Document, found: usize) -> Reader {
    let window = load::window(
        &raw.as_bytes()[..30_000],
        Charset::Web(encoding_rs::UTF_8),
        false,
    );
    let mut r = Reader::new(window, "story", (80, 24), 72);
    r.set_partial(0, whole.text().len());
    r.set_progress(37);
    tell(&mut r, whole, found);
    r
}

fn tell(r: &mut Reader, whole: &Document, found: usize) {
    let chapters = dogear::chapters(whole)
        .into_iter()
        .filter(|c| c.offset < found)
        .collect();
    r.set_found(chapters, found);
}

fn screen(r: &Reader) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(r, f.area())).unwrap();
    let buf = terminal.backend().buffer();
    (0..24)
        .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn the_chapter_list_opens_at_once_with_the_chapters_found_so_far_and_grows() {
    let raw = story(60);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let mut r = on_window(&raw, &whole, whole.text().len() / 3);
    r.update(Action::Chapters);
    assert!(matches!(r.mode(), Mode::Chapters { selected: 0 }));
    let shown = r.chapters().len();
    assert!((15..=25).contains(&shown), "{shown} chapters found so far");
    let drawn = screen(&r);
    assert!(drawn.contains("chapters so far · indexing 37 %"), "{drawn}");
    assert!(drawn.contains("CHAPTER 1"), "{drawn}");

    // More are found while the list is open: it keeps its selection.
    r.update(Action::Down);
    r.update(Action::Down);
    tell(&mut r, &whole, whole.text().len() * 2 / 3);
    assert!(r.chapters().len() > shown);
    assert!(matches!(r.mode(), Mode::Chapters { selected: 2 }));
}

#[test]
fn a_chapter_in_the_window_is_gone_to_at_once_and_one_beyond_once_the_story_is_in() {
    let raw = story(60);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let mut r = on_window(&raw, &whole, whole.text().len() / 2);
    let chapters = dogear::chapters(&whole);
    let window = r.document().text().len();

    // The second chapter is in the window.
    r.update(Action::Chapters);
    r.update(Action::Down);
    r.update(Action::Submit);
    assert_eq!(r.mode(), &Mode::Reading);
    assert_eq!(r.whole_place(), chapters[1].offset);
    assert_eq!(r.current_chapter().unwrap().title, "CHAPTER 2");
    assert!(r.partial().unwrap().waiting.is_empty());

    // The twentieth is not: the reader is told, and goes there once the story is in.
    let far = &chapters[19];
    assert!(far.offset > window);
    r.update(Action::Chapters);
    for _ in 0..18 {
        r.update(Action::Down);
    }
    r.update(Action::Submit);
    assert_eq!(r.whole_place(), chapters[1].offset, "no move yet");
    let said = r.message().unwrap_or_default();
    assert!(said.starts_with("reading the whole story (37 %)"), "{said}");
    let waiting = r.whole(whole.clone());
    assert_eq!(waiting, vec![Action::GoTo(far.offset)]);
    for action in waiting {
        r.apply_waiting(action);
    }
    assert_eq!(r.place(), far.offset);
    assert_eq!(r.current_chapter().unwrap().title, "CHAPTER 20");
}

#[test]
fn the_list_open_when_the_whole_story_comes_in_stays_on_the_chapter_selected() {
    let raw = story(60);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let chapters = dogear::chapters(&whole);
    let mut r = on_window(&raw, &whole, whole.text().len() / 2);
    r.update(Action::Chapters);
    for _ in 0..7 {
        r.update(Action::Down);
    }
    r.whole(whole.clone());
    let Mode::Chapters { selected } = *r.mode() else {
        panic!("the list closed: {:?}", r.mode());
    };
    assert_eq!(r.chapters()[selected].offset, chapters[7].offset);
    r.update(Action::Submit);
    assert_eq!(r.place(), chapters[7].offset);
}

#[test]
fn next_chapter_goes_through_the_chapters_found_and_waits_past_them() {
    let raw = story(60);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let chapters = dogear::chapters(&whole);
    // Found up to just past the start of the third chapter.
    let mut r = on_window(&raw, &whole, chapters[2].offset + 20);
    r.update(Action::NextChapter);
    assert_eq!(r.whole_place(), chapters[1].offset);
    r.update(Action::NextChapter);
    assert_eq!(r.whole_place(), chapters[2].offset);
    r.update(Action::PrevChapter);
    assert_eq!(r.whole_place(), chapters[1].offset);
    r.update(Action::NextChapter);
    // No chapter found after the third yet: more may be, so it waits.
    r.update(Action::NextChapter);
    assert_eq!(r.whole_place(), chapters[2].offset);
    assert_eq!(r.partial().unwrap().waiting, vec![Action::NextChapter]);
    for action in r.whole(whole.clone()) {
        r.apply_waiting(action);
    }
    assert_eq!(r.place(), chapters[3].offset);
}

#[test]
fn with_no_chapter_found_yet_the_list_waits_and_opens_when_some_are() {
    let raw = story(60);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let mut r = on_window(&raw, &whole, 0);
    r.update(Action::Chapters);
    assert_eq!(r.mode(), &Mode::Reading);
    assert_eq!(r.partial().unwrap().waiting, vec![Action::Chapters]);
    tell(&mut r, &whole, whole.text().len() / 4);
    assert!(matches!(r.mode(), Mode::Chapters { selected: 0 }));
    assert!(r.partial().unwrap().waiting.is_empty());
    assert_eq!(r.message(), None);
}

#[test]
fn the_status_bar_names_the_chapter_from_those_found_once_they_reach_the_place() {
    let raw = story(60);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let chapters = dogear::chapters(&whole);
    let mut r = on_window(&raw, &whole, chapters[3].offset);
    r.update(Action::NextChapter);
    r.update(Action::NextChapter);
    r.update(Action::PageDown);
    assert_eq!(r.current_chapter().unwrap().title, "CHAPTER 3");
    assert!(screen(&r).lines().last().unwrap().contains("CHAPTER 3"));
}

#[test]
fn while_the_story_is_read_the_page_count_is_an_estimate_that_says_so() {
    let raw = story(60);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let mut r = on_window(&raw, &whole, 0);
    assert_eq!(r.page_estimate(), None, "nothing counted yet");
    // The shell counts the window's pages in the background, as it does the story's.
    let key = r.page_key().expect("a window's pages are counted");
    let tops = dogear::tops(r.document(), key.width, key.height);
    r.add_pages(&key, &tops, true);
    assert_eq!(r.page_info(), None, "a window's pages are not the story's");
    let (here, total) = r.page_estimate().unwrap();
    assert_eq!(here, 1);
    let exact = dogear::tops(&whole, key.width, key.height).len();
    assert!(
        total * 10 >= exact * 9 && total * 10 <= exact * 11,
        "~{total} for {exact}"
    );
    let status = screen(&r).lines().last().unwrap().to_owned();
    assert!(status.contains(&format!("page ~1 of ~{total}")), "{status}");
    for _ in 0..5 {
        r.update(Action::PageDown);
    }
    assert_eq!(r.page_estimate().unwrap().0, 6);

    // Once the story is in, the count replaces the estimate.
    r.whole(whole.clone());
    let key = r.page_key().unwrap();
    let tops = dogear::tops(r.document(), key.width, key.height);
    r.add_pages(&key, &tops, true);
    assert_eq!(r.page_estimate(), None);
    assert_eq!(r.page_info().unwrap().total, Some(exact));
    let status = screen(&r).lines().last().unwrap().to_owned();
    assert!(status.contains(&format!("page 6 of {exact}")), "{status}");
}

/// The real binary on a story opened lazily whose whole is held back: the chapter list
/// shows the chapters found while the story is still being indexed, and one in the
/// window is gone to at once.
#[test]
fn the_chapter_list_shows_chapters_before_the_whole_story_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::lazy(dir.path(), &story(300), 4000);
    t.wait_for("the first page, indexing", |s| {
        s.contains("CHAPTER 1") && s.contains("indexing")
    });
    // Pressed before any chapter is found, the list opens once some are.
    t.send("t");
    t.wait_for("the chapters found so far", |s| {
        s.contains("chapters so far · indexing") && s.contains("CHAPTER 3")
    });
    t.send("jj\r");
    let screen = t.wait_for("chapter 3 at the top, still indexing", |s| {
        s.lines().next().is_some_and(|l| l.contains("CHAPTER 3")) && s.contains("indexing")
    });
    assert!(!screen.contains("chapters so far"), "{screen}");
    t.send("q");
    t.wait_exit();
}
