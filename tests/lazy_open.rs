//! A big story opens on a window at once and is read whole in the background: the
//! reader model on a window, and the real binary on a 6 MB file in a pty.

mod common;

use common::Term;
use dogear::{blocks, load, Action, Charset, Document, Mode, Reader};
use std::path::Path;
use std::time::Duration;

/// A story of numbered chapters of hard-wrapped paragraphs, CRLF line ends.
fn story(chapters: usize) -> String {
    common::chaptered_story(chapters, "\r\n")
}

#[test]
fn a_window_reads_at_once_waits_for_the_rest_and_moves_onto_it_at_the_same_place() {
    let raw = story(400);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    // The window from an anchor about half-way through, as a saved place would give.
    let anchor = whole.anchor_before(whole.text().len() / 2);
    let bytes = &raw.as_bytes()[usize::try_from(anchor.raw).unwrap()..][..200_000];
    let window = load::window(bytes, Charset::Web(encoding_rs::UTF_8), false);
    let base = usize::try_from(anchor.text).unwrap();
    assert!(whole.text()[base..].starts_with(window.text()));

    let mut r = Reader::new(window, "story", (80, 24), 72);
    r.set_partial(base, whole.text().len());
    r.go_to(1000);
    let want = dogear::percent(&whole, base + 1000);
    assert_eq!(
        r.percent(),
        dogear::shown_percent(want),
        "percent of the whole"
    );
    // Reading moves work on the window.
    r.update(Action::PageDown);
    let moved = r.whole_place();
    assert!(moved > base + 1000);
    // Chapters need the whole story: they wait, and the reader is told.
    r.update(Action::Chapters);
    assert_eq!(r.mode(), &Mode::Reading);
    assert!(
        r.message().unwrap().contains("whole story"),
        "{:?}",
        r.message()
    );

    let waiting = r.whole(whole.clone());
    assert_eq!(r.place(), moved, "the same place in the whole story");
    assert_eq!(r.partial(), None);
    assert_eq!(waiting, vec![Action::Chapters]);
    for action in waiting {
        r.apply_waiting(action);
    }
    assert!(matches!(r.mode(), Mode::Chapters { .. }));
}

/// A reader on the first 30 KB of `raw` (whose whole text is `whole`), as a big story
/// opens before it is read whole.
fn on_first_window(raw: &str, whole: &Document) -> Reader {
    let window = load::window(
        &raw.as_bytes()[..30_000],
        Charset::Web(encoding_rs::UTF_8),
        false,
    );
    let mut r = Reader::new(window, "story", (80, 24), 72);
    r.set_partial(0, whole.text().len());
    r
}

#[test]
fn going_past_the_end_of_the_window_waits_for_the_whole_story() {
    let raw = story(60);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let mut r = on_first_window(&raw, &whole);
    for _ in 0..200 {
        r.update(Action::PageDown);
    }
    let waiting = r.partial().unwrap().waiting.len();
    assert!(waiting > 0, "page down at the window's end must wait");
    assert!(r.percent() < 100, "a window's end is not the story's end");
    let at = r.place();
    let waiting = r.whole(whole);
    assert_eq!(r.place(), at);
    for action in waiting {
        r.apply_waiting(action);
    }
    assert!(r.place() > at, "the waiting page turns happen");
}

#[test]
fn a_search_found_in_the_window_goes_there_at_once_and_one_that_is_not_waits() {
    let raw = story(60);
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let mut r = on_first_window(&raw, &whole);
    let search = |r: &mut Reader, what: &str| {
        r.update(Action::OpenPrompt(dogear::PromptKind::Search));
        for c in what.chars() {
            r.update(Action::Input(c));
        }
        r.update(Action::Submit);
    };
    // Chapter 3 is in the window (30 KB hold about six chapters): found at once.
    search(&mut r, "CHAPTER 3 ");
    assert!(r.partial().unwrap().waiting.is_empty(), "{:?}", r.message());
    let top = &r.document().text()[r.page()[0].range.clone()];
    let on_page = r
        .page()
        .iter()
        .any(|l| r.document().text()[l.range.clone()].contains("CHAPTER 3"));
    assert!(on_page, "top: {top}");
    // `n` finds chapter 3 nowhere else in the window: that waits for the whole story
    // (wrapping round the window would find this one again, which is not the next).
    r.update(Action::SearchNext);
    assert_eq!(r.partial().unwrap().waiting, vec![Action::SearchNext]);
    // Chapter 50 is far past the window: the search waits, then finds it in the whole.
    let mut w = on_first_window(&raw, &whole);
    search(&mut w, "CHAPTER 50 ");
    assert_eq!(w.partial().unwrap().waiting, vec![Action::Submit]);
    for action in w.whole(whole) {
        w.apply_waiting(action);
    }
    let found = w
        .page()
        .iter()
        .any(|l| w.document().text()[l.range.clone()].contains("CHAPTER 50"));
    assert!(found, "{:?}", w.message());
}

#[test]
fn a_lazily_opened_story_opens_at_its_saved_place_before_it_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let path = dir.path().join("big.txt");
    // Opened lazily from 64 KB on (a debug-build setting), so the story can be small.
    let raw = story(400);
    let lazy = [("DOGEAR_TEST_LAZY_FROM", "65536")];
    std::fs::write(&path, &raw).unwrap();
    let path = path.to_str().unwrap();

    let mut t = Term::start_with_env(&[path], 80, 24, &config, dir.path(), &lazy);
    t.wait_for("the first page", |s| s.contains("CHAPTER 1"));
    t.send("73%");
    let screen = t.wait_for("73 %", |s| s.contains("73%") && !s.contains("indexing"));
    let top = screen.lines().next().unwrap().to_owned();
    assert!(top.contains("chapter"), "{screen}");
    t.send("q");
    t.wait_exit();
    // The statistics its blocks were classified by are kept with the book: the next
    // window is classified with them rather than with samples of the file.
    let books = std::fs::read_dir(config.join("books")).unwrap();
    let kept = books
        .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
        .any(|json| json.contains("\"statistics\"") && json.contains("\"repeated_caps\""));
    assert!(kept, "the book's statistics are saved");

    // Again: the saved place shows while the rest is still being read (held back for
    // a second, so that the window is surely seen first).
    let delay = [lazy[0], ("DOGEAR_TEST_INDEX_DELAY_MS", "1000")];
    let mut t = Term::start_with_env(&[path], 80, 24, &config, dir.path(), &delay);
    t.wait_for("the saved place while indexing", |s| {
        s.lines().next() == Some(top.as_str()) && s.contains("indexing")
    });
    t.wait_for("the whole story", |s| !s.contains("indexing"));
    assert_eq!(t.rows()[0], top.trim_end(), "the same line once read whole");
    t.send("q");
    t.wait_exit();
    std::thread::sleep(Duration::from_millis(10));
}

/// A story opened lazily and held back for a minute before it is all read (far longer
/// than [`common::WAIT`], within which every step here must happen), moved three pages
/// on from where it opens: returns the terminal and the top line reached.
fn moved_while_held(dir: &Path, config: &Path, path: &str) -> (Term, String) {
    let env = [
        ("DOGEAR_TEST_LAZY_FROM", "65536"),
        ("DOGEAR_TEST_INDEX_DELAY_MS", "60000"),
    ];
    let mut t = Term::start_with_env(&[path], 80, 24, config, dir, &env);
    let first = t.wait_for("a first page, still indexing", |s| s.contains("indexing"));
    let first = first.lines().next().unwrap().to_owned();
    t.send("   ");
    let screen = t.wait_for("three pages on", |s| {
        s.contains("indexing") && s.lines().next() != Some(first.as_str())
    });
    // (Trimmed: a space written over a longer line's last character stays in the row.)
    let top = screen.lines().next().unwrap().trim_end().to_owned();
    (t, top)
}

/// Opens the story again, its whole text held back a while: the place `top` must show
/// while it is still being read (it was saved with where it lies in the file).
fn reopens_at(dir: &Path, config: &Path, path: &str, top: &str) {
    let env = [
        ("DOGEAR_TEST_LAZY_FROM", "65536"),
        ("DOGEAR_TEST_INDEX_DELAY_MS", "3000"),
    ];
    let mut t = Term::start_with_env(&[path], 80, 24, config, dir, &env);
    t.wait_for("the place reached before, while indexing", |s| {
        s.lines().next().map(str::trim_end) == Some(top) && s.contains("indexing")
    });
    t.wait_for("the whole story", |s| !s.contains("indexing"));
    assert_eq!(t.rows()[0].trim_end(), top, "the same line once read whole");
    t.send("q");
    t.wait_exit();
}

/// A story written to a folder of its own, with a config folder beside it: the folder,
/// the config folder and the story's path.
fn written_story() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let path = dir.path().join("story.txt");
    std::fs::write(&path, story(400)).unwrap();
    let path = path.to_str().unwrap().to_owned();
    (dir, config, path)
}

#[test]
fn a_place_reached_before_the_story_is_read_whole_is_saved_on_quit_without_waiting() {
    let (dir, config, path) = written_story();
    let path = path.as_str();
    let (mut t, top) = moved_while_held(dir.path(), &config, path);
    // Quit at once: the place is saved from the window, the whole story not waited for
    // (it is held back for a minute; `wait_exit` gives up long before).
    t.send("q");
    t.wait_exit();
    reopens_at(dir.path(), &config, path, &top);

    // A hang-up (the terminal closed) saves it as `q` does.
    let (mut t, top) = moved_while_held(dir.path(), &config, path);
    t.signal("HUP");
    t.wait_exit();
    drop(t);
    reopens_at(dir.path(), &config, path, &top);
}

#[test]
fn a_place_reached_before_the_story_is_read_whole_survives_the_terminal_dying() {
    let (dir, config, path) = written_story();
    let path = path.as_str();
    let (t, top) = moved_while_held(dir.path(), &config, path);
    // Saved about a second after the reader stops moving, as on the whole story.
    // (The book's own file, `<fingerprint>.json`: the store writes a temporary file
    // first, which a look at the folder may catch before it takes the book's name.)
    common::eventually("the place saved while indexing", || {
        std::fs::read_dir(config.join("books")).is_ok_and(|books| {
            books
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .any(|json| json.contains("\"saved_at\""))
        })
    });
    t.signal("KILL");
    drop(t);
    reopens_at(dir.path(), &config, path, &top);
}

/// Blocks of `doc` as (kind, range shifted by `base`), up to byte `end` of the whole text.
fn blocks_from(doc: &Document, base: usize, end: usize) -> Vec<(dogear::BlockKind, usize, usize)> {
    doc.blocks()
        .iter()
        .map(|b| (b.kind, b.start() + base, b.end() + base))
        .filter(|&(_, _, e)| e <= end)
        .collect()
}

#[test]
fn a_window_classified_with_the_files_evidence_looks_as_the_whole_story_will() {
    // Prose wrapped at 70 columns, and in the middle a long run of short-lined verse: a
    // window of the verse alone would take its own short lines for the wrap column.
    let mut raw = story(150);
    let verse_at = raw.len();
    for s in 0..400 {
        raw.push_str(&format!(
            "The tide came in at {s}\r\nand the gulls went quiet,\r\n"
        ));
        raw.push_str("the lamps were lit along the quay,\r\nand nobody said a word.\r\n\r\n");
    }
    raw.push_str(&story(150));
    let bytes = raw.as_bytes();
    let whole = Document::from_vec(bytes.to_vec(), None).unwrap();
    let utf8 = Charset::Web(encoding_rs::UTF_8);
    let len = bytes.len() as u64;
    let evidence = load::evidence(&mut std::io::Cursor::new(bytes.to_vec()), len, utf8, 0).unwrap();
    assert!(!evidence.is_empty());
    let anchor = whole.anchor_before(verse_at + 2000);
    let from = &bytes[usize::try_from(anchor.raw).unwrap()..];
    let window = load::window_with(&from[..60_000], utf8, false, &evidence);
    let base = usize::try_from(anchor.text).unwrap();
    // Everything but the window's first and last blocks (which it may cut).
    let start = base + window.blocks()[1].start();
    let end = base + window.blocks().last().unwrap().start();
    let inside =
        |blocks: Vec<_>| -> Vec<_> { blocks.into_iter().filter(|&(_, s, _)| s >= start).collect() };
    let shown = inside(blocks_from(&window, base, end));
    assert!(shown.len() > 20, "{}", shown.len());
    assert_eq!(shown, inside(blocks_from(&whole, 0, end)));
    // Its own lines alone would not do: without the evidence the window differs.
    let alone = load::window(&from[..60_000], utf8, false);
    assert_ne!(inside(blocks_from(&alone, base, end)), shown);
}

/// A short scene of a play whose speakers' names, each a capital line of its own before
/// its speech, appear nowhere else.
fn scene() -> String {
    let mut s = String::new();
    for turn in 0..4 {
        for (who, says) in [
            ("THE HARBOUR MASTER", "The boats are late again tonight"),
            ("THE NIGHT WATCH", "Then we wait, as we always have"),
        ] {
            s.push_str(&format!(
                "{who}\r\n\r\n{says}, and turn {turn} of it is ours.\r\n\r\n"
            ));
        }
    }
    s
}

#[test]
fn a_window_classified_with_the_statistics_of_the_whole_story_looks_exactly_as_it_will() {
    // Prose, then a scene whose speakers repeat only there, between two of the samples
    // the file's evidence is read from: the samples cannot know the names repeat.
    let mut raw = story(60);
    raw.push_str(
        &"Filler paragraph of the same prose, hard-wrapped near seventy cols.\r\n\r\n".repeat(190),
    );
    let scene_at = raw.len();
    raw.push_str(&scene());
    let scene_end = raw.len();
    raw.push_str(&story(60));
    let bytes = raw.as_bytes();
    let len = bytes.len() as u64;
    let step = usize::try_from(len / 32).unwrap();
    let sampled = |at: usize| (0..32).any(|i| (i * step..i * step + 4096).contains(&at));
    assert!(
        !(scene_at..scene_end).any(sampled),
        "the scene must fall between samples"
    );

    let whole = Document::from_vec(bytes.to_vec(), None).unwrap();
    let summary = whole
        .summary()
        .expect("a whole story has its statistics")
        .clone();
    assert!(
        summary
            .repeated_caps
            .iter()
            .any(|c| c == "THE HARBOUR MASTER"),
        "{summary:?}"
    );
    let utf8 = Charset::Web(encoding_rs::UTF_8);
    let anchor = whole.anchor_before(scene_at);
    let from = &bytes[usize::try_from(anchor.raw).unwrap()..];
    let base = usize::try_from(anchor.text).unwrap();
    let known = blocks::Evidence::known(summary);
    let window = load::window_with(&from[..60_000], utf8, false, &known);
    assert!(
        window.summary().is_none(),
        "a window's statistics are not its own"
    );
    // Everything but the window's first and last blocks (which it may cut).
    let start = base + window.blocks()[1].start();
    let end = base + window.blocks().last().unwrap().start();
    assert!(end > scene_end, "the window holds the scene");
    let inside = |doc: &Document| -> Vec<_> {
        blocks_from(doc, base, end)
            .into_iter()
            .filter(|&(_, s, _)| s >= start)
            .collect()
    };
    let whole_base = |doc: &Document| -> Vec<_> {
        blocks_from(doc, 0, end)
            .into_iter()
            .filter(|&(_, s, _)| s >= start)
            .collect()
    };
    assert_eq!(inside(&window), whole_base(&whole));
    // The file's samples alone do not know the speakers: that window differs.
    let sampled = load::evidence(&mut std::io::Cursor::new(bytes.to_vec()), len, utf8, 0).unwrap();
    let guessed = load::window_with(&from[..60_000], utf8, false, &sampled);
    assert_ne!(inside(&guessed), inside(&window));
}
