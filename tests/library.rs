//! The library: listing, titles, "ago", filtering, the key model, the bundled
//! stories, and the screen drawn at fixed sizes.

use std::path::PathBuf;

use dogear::{
    ago, build, filter, title_of, BundledInfo, Entry, FolderFile, LibraryAction as A,
    LibraryEffect, LibraryModel, Order, Recent, Source,
};
use dogear::{bundled, LibraryScreen};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const NOW: u64 = 1_800_000_000;
const DAY: u64 = 86_400;

fn recent(title: &str, path: &str, last_read: Option<u64>, percent: Option<f64>) -> Recent {
    Recent {
        title: title.to_string(),
        path: PathBuf::from(path),
        fingerprint: format!("fp-{title}"),
        percent,
        last_read,
        exists: true,
    }
}

fn folder(title: &str, path: &str) -> FolderFile {
    FolderFile {
        path: PathBuf::from(path),
        title: title.to_string(),
    }
}

fn bundled(name: &str, title: &str) -> BundledInfo {
    BundledInfo {
        name: name.to_string(),
        title: title.to_string(),
    }
}

fn titles(entries: &[Entry]) -> Vec<&str> {
    entries.iter().map(|e| e.title.as_str()).collect()
}

/// A library like a reader's after a few weeks: two books in progress, one of them
/// deleted from disk, a folder story and two bundled stories not yet opened.
fn sample_library() -> Vec<Entry> {
    let mut gone = recent(
        "The Clockmaker of Saltmarket Lane",
        "/home/z/old/clock.txt",
        Some(NOW - 40 * DAY),
        Some(12.0),
    );
    gone.exists = false;
    build(
        vec![
            recent(
                "Moby-Dick; or, The Whale",
                "/home/z/books/moby.txt",
                Some(NOW - 2 * DAY),
                Some(42.3),
            ),
            gone,
            recent(
                "The Lighthouse Keeper's Cat",
                "/cfg/stories/the-lighthouse-keepers-cat.txt",
                Some(NOW - 300),
                Some(100.0),
            ),
        ],
        vec![folder(
            "Letters from a Lighthouse",
            "/home/z/stories/letters.txt",
        )],
        &[
            bundled(
                "the-lighthouse-keepers-cat.txt",
                "The Lighthouse Keeper's Cat",
            ),
            bundled("the-night-ferry.txt", "The Night Ferry"),
            bundled("zoe-at-the-kissaten.txt", "Zoë at the Kissaten"),
        ],
    )
}

// ---- build ----

#[test]
fn recent_books_come_first_most_recent_first() {
    let entries = sample_library();
    assert_eq!(
        titles(&entries),
        [
            "The Lighthouse Keeper's Cat",
            "Moby-Dick; or, The Whale",
            "The Clockmaker of Saltmarket Lane",
            "Letters from a Lighthouse",
            "The Night Ferry",
            "Zoë at the Kissaten",
        ]
    );
    assert!(
        matches!(entries[0].source, Source::Recent { ref fingerprint } if fingerprint == "fp-The Lighthouse Keeper's Cat")
    );
    assert_eq!(entries[3].source, Source::Folder);
    assert_eq!(
        entries[4].source,
        Source::Bundled("the-night-ferry.txt".into())
    );
    assert_eq!(entries[4].path, None);
}

#[test]
fn a_recent_book_whose_file_is_gone_is_listed_as_missing() {
    let entries = sample_library();
    let clock = &entries[2];
    assert!(clock.missing);
    assert_eq!(clock.percent, Some(12.0));
    assert!(entries.iter().filter(|e| e.missing).count() == 1);
}

#[test]
fn a_folder_story_already_opened_is_listed_once_as_recent() {
    let entries = build(
        vec![recent("Mine", "/s/mine.txt", Some(5), Some(3.0))],
        vec![
            folder("Mine", "/s/mine.txt"),
            folder("Other", "/s/other.txt"),
        ],
        &[],
    );
    assert_eq!(titles(&entries), ["Mine", "Other"]);
    assert!(matches!(entries[0].source, Source::Recent { .. }));
}

#[test]
fn folder_and_bundled_stories_are_alphabetical_ignoring_case_and_articles() {
    let entries = build(
        vec![],
        vec![
            folder("zebra", "/s/z.txt"),
            folder("The Apple", "/s/a.txt"),
            folder("banana", "/s/b.txt"),
        ],
        &[bundled("y.txt", "Yak"), bundled("c.txt", "A Cat")],
    );
    assert_eq!(
        titles(&entries),
        ["The Apple", "banana", "zebra", "A Cat", "Yak"]
    );
}

#[test]
fn books_never_read_sort_after_books_with_a_time() {
    let entries = build(
        vec![
            recent("Never", "/a", None, None),
            recent("Old", "/b", Some(1), None),
            recent("New", "/c", Some(2), None),
        ],
        vec![],
        &[],
    );
    assert_eq!(titles(&entries), ["New", "Old", "Never"]);
}

#[test]
fn the_same_path_twice_in_recents_keeps_the_most_recent() {
    let entries = build(
        vec![
            recent("Edited", "/a.txt", Some(10), Some(5.0)),
            recent("Edited again", "/a.txt", Some(20), Some(9.0)),
        ],
        vec![],
        &[],
    );
    assert_eq!(titles(&entries), ["Edited again"]);
}

#[test]
fn an_empty_library_is_empty() {
    assert!(build(vec![], vec![], &[]).is_empty());
}

// ---- ago ----

#[test]
fn ago_speaks_like_a_person() {
    let cases = [
        (0, "just now"),
        (59, "just now"),
        (60, "1 minute ago"),
        (5 * 60, "5 minutes ago"),
        (3_599, "59 minutes ago"),
        (3_600, "1 hour ago"),
        (2 * 3_600, "2 hours ago"),
        (DAY - 1, "23 hours ago"),
        (DAY, "yesterday"),
        (2 * DAY - 1, "yesterday"),
        (2 * DAY, "2 days ago"),
        (6 * DAY, "6 days ago"),
        (7 * DAY, "1 week ago"),
        (3 * 7 * DAY, "3 weeks ago"),
        (29 * DAY, "4 weeks ago"),
        (30 * DAY, "1 month ago"),
        (4 * 30 * DAY, "4 months ago"),
        (364 * DAY, "12 months ago"),
        (365 * DAY, "1 year ago"),
        (2 * 365 * DAY, "2 years ago"),
    ];
    for (secs, want) in cases {
        assert_eq!(ago(NOW - secs, NOW), want, "{secs} seconds");
    }
}

#[test]
fn ago_with_a_clock_set_backwards_says_just_now() {
    assert_eq!(ago(NOW + 500, NOW), "just now");
}

// ---- filter ----

#[test]
fn filter_is_a_case_insensitive_substring_of_the_title() {
    let entries = sample_library();
    assert_eq!(filter(&entries, "LIGHTHOUSE"), [0, 3]);
    assert_eq!(filter(&entries, "whale"), [1]);
    assert_eq!(filter(&entries, "zoë"), [5]);
    assert_eq!(filter(&entries, "ZOË"), [5]);
}

#[test]
fn filter_matches_words_in_order() {
    let entries = sample_library();
    assert_eq!(filter(&entries, "keeper cat"), [0]);
    assert_eq!(filter(&entries, "cat keeper"), Vec::<usize>::new());
    assert_eq!(filter(&entries, "night fer"), [4]);
}

#[test]
fn an_empty_filter_matches_everything_and_nonsense_matches_nothing() {
    let entries = sample_library();
    assert_eq!(filter(&entries, ""), [0, 1, 2, 3, 4, 5]);
    assert_eq!(filter(&entries, "  "), [0, 1, 2, 3, 4, 5]);
    assert!(filter(&entries, "qqq").is_empty());
}

// ---- title_of ----

#[test]
fn title_of_reads_a_gutenberg_title_line() {
    let text = "The Project Gutenberg eBook of Something Long And Not The Title, by Somebody\n\n\
                This eBook is for the use of anyone anywhere.\n\nTitle: A Tale of Two Pantries\n\nAuthor: Nobody\n";
    assert_eq!(title_of(text, "pg1234.txt"), "A Tale of Two Pantries");
}

#[test]
fn title_of_joins_a_gutenberg_title_continued_on_an_indented_line() {
    let text = "Header line that is long enough to be skipped by nothing at all\n\nTitle: The Voyage\n       of the Small Boat\n\nAuthor: X\n";
    assert_eq!(title_of(text, "x.txt"), "The Voyage of the Small Boat");
}

#[test]
fn title_of_takes_a_short_first_line_as_the_heading() {
    assert_eq!(
        title_of(
            "\u{feff}\n\n   The Night Ferry  \n\nThe last boat...",
            "f.txt"
        ),
        "The Night Ferry"
    );
    assert_eq!(
        title_of("Zoë at the Kissaten\r\n\r\nThe sign...", "z.txt"),
        "Zoë at the Kissaten"
    );
}

#[test]
fn title_of_tames_an_all_caps_heading() {
    assert_eq!(
        title_of("THE CLOCKMAKER OF SALTMARKET LANE\n\nCHAPTER I\n", "c.txt"),
        "The Clockmaker of Saltmarket Lane"
    );
}

#[test]
fn title_of_falls_back_to_the_file_name_when_the_text_starts_with_prose() {
    let prose = "It was a dark and windy evening on the quay, and nobody at all had come down to see the boats.\n";
    assert_eq!(title_of(prose, "quay-story.txt"), "quay-story");
    assert_eq!(title_of(prose, "/some/dir/Notes.TXT"), "Notes");
    assert_eq!(title_of("", "readme"), "readme");
    assert_eq!(title_of("   \n\n", "é.txt"), "é");
}

#[test]
fn title_of_never_takes_a_byline() {
    assert_eq!(
        title_of(
            "By Some Author\n\nTHE HARBOUR LIGHTS\n\nIt rained.",
            "h.txt"
        ),
        "The Harbour Lights"
    );
    assert_eq!(
        title_of(
            "BY THE SAME HAND\n\nWinter on the Quay\n\nSnow fell.",
            "w.txt"
        ),
        "Winter on the Quay"
    );
    assert_eq!(
        title_of("by Some Author\n", "only-a-byline.txt"),
        "only-a-byline"
    );
    assert_eq!(
        title_of(
            "_by_\n\nTranslated by A. Friend\n\nThe Salt Road\n",
            "s.txt"
        ),
        "The Salt Road"
    );
}

#[test]
fn title_of_drops_an_author_named_on_the_title_line() {
    assert_eq!(
        title_of(
            "A Short History of Ferries by Ada Quill\n\nCHAPTER I\n",
            "f.txt"
        ),
        "A Short History of Ferries"
    );
}

#[test]
fn title_of_skips_gutenberg_boilerplate_contents_and_chapter_headings() {
    let old_style = "The Project Gutenberg Etext of Somewhere, by Nobody\n\
                     *END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n\
                     Produced by a Volunteer\n\n[Illustration: a boat]\n\n\
                     The Lamplighter's Daughter\n\nCHAPTER I\n";
    assert_eq!(
        title_of(old_style, "pg99.txt"),
        "The Lamplighter's Daughter"
    );
    assert_eq!(
        title_of("CONTENTS\n\nCHAPTER I\n\nCHAPTER II\n\nIt rained.", "c.txt"),
        "c"
    );
    assert_eq!(title_of("Chapter 1\n\nThe rain came in.", "ch.txt"), "ch");
}

#[test]
fn title_of_does_not_take_a_short_first_sentence() {
    assert_eq!(
        title_of("It was very late.\n\nThe boats were in.", "late.txt"),
        "late"
    );
}

#[test]
fn title_of_finds_every_bundled_story_a_real_title() {
    for b in bundled::all() {
        // Latin-1 is enough to read the Windows-1252 bundled story's title line.
        let text = match std::str::from_utf8(b.bytes) {
            Ok(t) => t.to_string(),
            Err(_) => b.bytes.iter().map(|&c| c as char).collect(),
        };
        let title = title_of(&text, b.file_name);
        assert!(
            !title.ends_with(".txt") && title.chars().next().is_some_and(char::is_uppercase),
            "{title}"
        );
        assert!(
            !title.contains('-'),
            "{} fell back to its file name",
            b.file_name
        );
    }
}

// ---- the model: keys in, effects out ----

fn model() -> LibraryModel {
    LibraryModel::new(sample_library())
}

#[test]
fn up_and_down_stop_at_the_ends() {
    let mut m = model();
    assert_eq!(m.update(A::Up), LibraryEffect::None);
    assert_eq!(m.selected, 0);
    for _ in 0..10 {
        m.update(A::Down);
    }
    assert_eq!(m.selected, 5);
    m.update(A::Home);
    assert_eq!(m.selected, 0);
    m.update(A::End);
    assert_eq!(m.selected, 5);
}

#[test]
fn page_keys_move_by_the_page_size_and_clamp() {
    let mut m = model();
    m.page_size = 4;
    m.update(A::PageDown);
    assert_eq!(m.selected, 4);
    m.update(A::PageDown);
    assert_eq!(m.selected, 5);
    m.update(A::PageUp);
    assert_eq!(m.selected, 1);
    m.update(A::PageUp);
    assert_eq!(m.selected, 0);
}

#[test]
fn enter_opens_the_highlighted_entry() {
    let mut m = model();
    m.update(A::Down);
    assert_eq!(m.update(A::Open), LibraryEffect::Open(1));
}

#[test]
fn opening_a_missing_book_explains_instead_of_opening() {
    let mut m = model();
    m.update(A::Down);
    m.update(A::Down);
    assert_eq!(m.update(A::Open), LibraryEffect::None);
    let message = m.message.clone().unwrap_or_default();
    assert!(message.contains("/home/z/old/clock.txt"), "{message}");
    // The next key clears it.
    m.update(A::Up);
    assert_eq!(m.message, None);
}

#[test]
fn typing_a_filter_narrows_the_list_as_you_type() {
    let mut m = model();
    m.update(A::End);
    m.update(A::StartFilter);
    assert!(m.filtering);
    for c in "light".chars() {
        m.update(A::FilterChar(c));
    }
    assert_eq!(m.filtered, [0, 3]);
    assert_eq!(m.selected, 0, "the best match is highlighted");
    m.update(A::Down);
    assert_eq!(m.update(A::Open), LibraryEffect::Open(3));
    assert!(!m.filtering);
}

#[test]
fn backspace_widens_the_filter_again() {
    let mut m = model();
    m.update(A::StartFilter);
    for c in "whalex".chars() {
        m.update(A::FilterChar(c));
    }
    assert!(m.filtered.is_empty());
    assert_eq!(m.update(A::Open), LibraryEffect::None);
    m.update(A::FilterBackspace);
    assert_eq!(m.filtered, [1]);
}

#[test]
fn filter_done_keeps_the_filter_and_cancel_drops_it_keeping_the_highlight() {
    let mut m = model();
    m.update(A::StartFilter);
    m.update(A::FilterChar('n'));
    m.update(A::FilterChar('i'));
    m.update(A::FilterChar('g'));
    m.update(A::FilterDone);
    assert!(!m.filtering);
    assert_eq!(m.filter, "nig");
    assert_eq!(m.filtered, [4]);
    m.update(A::FilterCancel);
    assert_eq!(m.filter, "");
    assert_eq!(m.filtered.len(), 6);
    assert_eq!(m.selected_entry(), Some(4), "still on The Night Ferry");
}

#[test]
fn forget_asks_first_and_only_yes_forgets() {
    let mut m = model();
    m.update(A::Down);
    assert_eq!(m.update(A::Forget), LibraryEffect::None);
    assert!(m.confirm_forget);
    assert_eq!(
        m.message.as_deref(),
        Some("Forget Moby-Dick; or, The Whale? y/n")
    );
    assert_eq!(m.update(A::Confirm(false)), LibraryEffect::None);
    assert!(!m.confirm_forget);
    assert_eq!(m.message, None);

    m.update(A::Forget);
    assert_eq!(
        m.update(A::Quit),
        LibraryEffect::None,
        "any other key is a no"
    );
    assert!(!m.confirm_forget);

    m.update(A::Forget);
    assert_eq!(m.update(A::Confirm(true)), LibraryEffect::Forget(1));
}

#[test]
fn stories_never_opened_have_nothing_to_forget() {
    let mut m = model();
    m.update(A::End);
    assert_eq!(m.update(A::Forget), LibraryEffect::None);
    assert!(!m.confirm_forget);
    assert!(m.message.is_some());
}

#[test]
fn replacing_the_entries_after_a_forget_keeps_a_sensible_highlight() {
    let mut m = model();
    m.update(A::End);
    let mut entries = sample_library();
    entries.remove(1);
    m.replace_entries(entries);
    assert_eq!(m.filtered.len(), 5);
    assert_eq!(
        m.entries[m.selected_entry().unwrap_or(0)].title,
        "Zoë at the Kissaten"
    );
}

#[test]
fn q_quits_and_keys_on_an_empty_library_do_nothing() {
    let mut m = LibraryModel::new(vec![]);
    for a in [A::Up, A::Down, A::PageDown, A::End, A::Open, A::Forget] {
        assert_eq!(m.update(a), LibraryEffect::None);
    }
    assert_eq!(m.selected, 0);
    assert_eq!(m.update(A::Quit), LibraryEffect::Quit);
}

// ---- bundled stories ----

#[test]
fn there_are_bundled_stories_and_find_finds_them() {
    assert!(bundled::all().len() >= 5);
    for b in bundled::all() {
        assert!(b.file_name.ends_with(".txt"));
        assert!(
            b.bytes.len() > 1_000,
            "{} is suspiciously short",
            b.file_name
        );
        assert_eq!(bundled::find(b.file_name), Some(b));
    }
    assert_eq!(bundled::find("no-such-story.txt"), None);
}

#[test]
fn the_crlf_bundled_story_keeps_its_line_endings_and_is_utf8() {
    let zoe = bundled::find("zoe-at-the-kissaten.txt")
        .map(|b| b.bytes)
        .unwrap_or_default();
    let text = std::str::from_utf8(zoe).unwrap_or_default();
    assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'));
    assert!(text.contains("喫茶店") && text.contains("naïve") && text.contains("façade"));
}

#[test]
fn the_windows_1252_bundled_story_is_not_utf8() {
    let b = bundled::all().iter().find(|b| b.file_name.contains("1252"));
    assert!(b.is_some_and(|b| std::str::from_utf8(b.bytes).is_err()));
}

#[test]
fn materialise_writes_once_and_repairs_a_changed_copy() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let b = &bundled::all()[0];
    let stories_dir = dir.path().join("stories");
    let path = dogear::materialise(b, &stories_dir)?;
    assert_eq!(path, stories_dir.join(b.file_name));
    assert_eq!(std::fs::read(&path)?, b.bytes);

    let again = dogear::materialise(b, &stories_dir)?;
    assert_eq!(again, path);

    std::fs::write(&path, b"scribbled over")?;
    dogear::materialise(b, &stories_dir)?;
    assert_eq!(std::fs::read(&path)?, b.bytes);
    assert_eq!(
        std::fs::read_dir(&stories_dir)?.count(),
        1,
        "no temporary files left behind"
    );
    Ok(())
}

// ---- the screen ----

fn draw(model: &LibraryModel, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
        Ok(t) => t,
        Err(e) => panic!("test backend: {e}"),
    };
    let drawn = terminal.draw(|frame| {
        let keys = &dogear::Keymap::standard().help();
        frame.render_widget(
            LibraryScreen {
                model,
                now: NOW,
                keys,
            },
            frame.area(),
        );
    });
    assert!(drawn.is_ok());
    terminal
}

#[test]
fn screen_lists_progress_and_a_missing_story() {
    let mut m = model();
    m.update(A::Down);
    insta::assert_snapshot!(draw(&m, 80, 24).backend());
}

#[test]
fn screen_with_an_active_filter() {
    let mut m = model();
    m.update(A::StartFilter);
    for c in "light".chars() {
        m.update(A::FilterChar(c));
    }
    insta::assert_snapshot!(draw(&m, 80, 24).backend());
}

#[test]
fn screen_asks_before_forgetting() {
    let mut m = model();
    m.update(A::Forget);
    insta::assert_snapshot!(draw(&m, 80, 24).backend());
}

#[test]
fn screen_when_nothing_matches_and_when_empty() {
    let mut m = model();
    m.update(A::StartFilter);
    m.update(A::FilterChar('q'));
    insta::assert_snapshot!("no_match", draw(&m, 60, 6).backend());
    insta::assert_snapshot!("empty", draw(&LibraryModel::new(vec![]), 60, 5).backend());
}

#[test]
fn screen_scrolls_to_keep_the_highlight_visible() {
    let mut m = model();
    m.update(A::End);
    insta::assert_snapshot!(draw(&m, 50, 5).backend());
}

#[test]
fn screen_at_tiny_sizes_does_not_panic() {
    let mut m = model();
    m.update(A::StartFilter);
    m.update(A::FilterChar('a'));
    for (w, h) in [
        (1, 1),
        (3, 2),
        (2, 3),
        (10, 1),
        (1, 10),
        (20, 4),
        (29, 3),
        (0, 0),
    ] {
        draw(&m, w, h);
    }
    insta::assert_snapshot!(draw(&model(), 3, 2).backend());
}

#[test]
fn screen_highlights_only_the_selected_row_and_dims_missing_ones() {
    use ratatui::style::Modifier;
    let mut m = model();
    m.update(A::Down);
    let terminal = draw(&m, 80, 24);
    let buf = terminal.backend().buffer();
    let reversed = |y: u16| buf[(40, y)].modifier.contains(Modifier::REVERSED);
    assert!(reversed(0), "the title bar");
    assert!(!reversed(1));
    assert!(reversed(2), "Moby-Dick is selected");
    assert!(!reversed(3));
    assert!(
        buf[(5, 3)].modifier.contains(Modifier::DIM),
        "the missing story is dimmed"
    );
    assert!(!buf[(5, 1)].modifier.contains(Modifier::DIM));
}

/// Each bundled story exists to show off one format; these guard the format against a
/// well-meaning edit that would quietly turn it into another.
#[test]
fn each_bundled_story_keeps_the_format_it_shows_off() {
    let text = |name: &str| {
        let bytes = bundled::find(name).map(|b| b.bytes).unwrap_or_default();
        String::from_utf8_lossy(bytes).into_owned()
    };
    let cat = text("the-lighthouse-keepers-cat.txt");
    assert!(
        cat.lines().any(|l| l == "* * *")
            && cat.contains(" -- ")
            && cat.lines().any(|l| l.len() > 300)
    );

    let clock = text("the-clockmaker-of-saltmarket-lane.txt");
    assert!(clock.lines().all(|l| l.chars().count() <= 70));
    assert!(clock.contains("\n\nCHAPTER I\n\n") && clock.contains("\n\nCHAPTER III\n\n"));

    let ferry = text("the-night-ferry.txt");
    assert!(
        ferry.lines().any(|l| l.starts_with("      ")),
        "a hanging-indented continuation"
    );

    let office = text("the-lost-property-office.txt");
    let body: Vec<&str> = office.lines().skip(4).collect();
    assert!(
        body.iter().all(|l| !l.trim().is_empty()),
        "no blank lines between paragraphs"
    );
    assert!(body.iter().filter(|l| l.starts_with("     ")).count() > 20);
    assert!(
        office.starts_with("   ")
            && office
                .lines()
                .next()
                .is_some_and(|l| l.trim() == "The Lost Property Office")
    );
}

// ---- the order, and books of one title told apart ----

/// Two books called "Emma" (the novel and a reader's edited copy in another folder), one
/// in two folders under the same file name, and two other books.
fn library_of_namesakes() -> LibraryModel {
    let mut emma_copy = recent(
        "Emma",
        "/home/z/drafts/emma.txt",
        Some(NOW - DAY),
        Some(3.0),
    );
    emma_copy.fingerprint = "fp-emma-copy".into();
    LibraryModel::new(build(
        vec![
            recent(
                "Emma",
                "/home/z/books/emma.txt",
                Some(NOW - 3 * DAY),
                Some(61.0),
            ),
            emma_copy,
            recent(
                "Persuasion",
                "/home/z/books/persuasion.txt",
                Some(NOW - 60),
                Some(100.0),
            ),
        ],
        vec![
            folder("Emma", "/home/z/books/emma-illustrated.txt"),
            folder("A Tale of Two Cities", "/home/z/books/two-cities.txt"),
        ],
        &[],
    ))
}

fn shown_titles(m: &LibraryModel) -> Vec<(String, Option<f64>)> {
    m.filtered
        .iter()
        .map(|&i| (m.entries[i].title.clone(), m.entries[i].percent))
        .collect()
}

#[test]
fn o_cycles_the_order_last_read_title_progress_and_keeps_the_highlight() {
    let mut m = library_of_namesakes();
    assert_eq!(m.order, Order::LastRead);
    m.update(A::Down); // the copy of Emma, read yesterday
    let highlighted = m.selected_entry();

    m.update(A::CycleOrder);
    assert_eq!(m.order, Order::Title);
    assert_eq!(m.message.as_deref(), Some("sorted by title"));
    let titles: Vec<String> = shown_titles(&m).into_iter().map(|t| t.0).collect();
    assert_eq!(
        titles,
        ["Emma", "Emma", "Emma", "Persuasion", "A Tale of Two Cities"]
    );
    assert_eq!(
        m.selected_entry(),
        highlighted,
        "the highlight follows the book"
    );

    m.update(A::CycleOrder);
    assert_eq!(m.order, Order::Progress);
    let percents: Vec<Option<f64>> = shown_titles(&m).into_iter().map(|t| t.1).collect();
    assert_eq!(percents, [Some(100.0), Some(61.0), Some(3.0), None, None]);

    m.update(A::CycleOrder);
    assert_eq!(m.order, Order::LastRead);
    assert_eq!(m.filtered, [0, 1, 2, 3, 4]);
}

#[test]
fn the_filter_keeps_working_in_every_order() {
    let mut m = library_of_namesakes();
    for _ in 0..3 {
        m.update(A::StartFilter);
        for c in "emma".chars() {
            m.update(A::FilterChar(c));
        }
        assert_eq!(m.filtered.len(), 3, "{:?}", m.order);
        assert!(m.filtered.iter().all(|&i| m.entries[i].title == "Emma"));
        m.update(A::FilterCancel);
        assert_eq!(m.filtered.len(), 5);
        m.update(A::CycleOrder);
    }
    // Filtering by progress sorts what is left.
    m.update(A::CycleOrder);
    m.update(A::CycleOrder);
    assert_eq!(m.order, Order::Progress);
    m.update(A::FilterChar('e'));
    m.update(A::FilterChar('m'));
    let percents: Vec<Option<f64>> = shown_titles(&m).into_iter().map(|t| t.1).collect();
    assert_eq!(percents, [Some(61.0), Some(3.0), None]);
}

#[test]
fn screen_sorted_by_title_tells_namesakes_apart_by_file() {
    let mut m = library_of_namesakes();
    m.update(A::CycleOrder);
    insta::assert_snapshot!(draw(&m, 80, 9).backend());
}

#[test]
fn screen_sorted_by_progress_on_a_narrow_window() {
    let mut m = library_of_namesakes();
    m.update(A::CycleOrder);
    m.update(A::CycleOrder);
    insta::assert_snapshot!(draw(&m, 44, 8).backend());
}

#[test]
fn screen_on_a_wide_window_shows_each_file_in_a_dim_column() {
    use ratatui::style::Modifier;
    let m = library_of_namesakes();
    let terminal = draw(&m, 120, 8);
    insta::assert_snapshot!(terminal.backend());
    let buf = terminal.backend().buffer();
    let row = (0..120).map(|x| buf[(x, 2)].symbol()).collect::<String>();
    let at = row
        .find("drafts/emma.txt")
        .expect("the copy's folder is named");
    let at = u16::try_from(at).unwrap();
    assert!(buf[(at, 2)].modifier.contains(Modifier::DIM));
    let title = u16::try_from(row.find("Emma").unwrap()).unwrap();
    assert!(!buf[(title, 2)].modifier.contains(Modifier::DIM));
}

#[test]
fn t_cycles_the_theme_on_the_library_screen_as_while_reading() {
    use dogear::ThemeName;
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut m = model();
    let t = Event::Key(KeyEvent::new(KeyCode::Char('T'), KeyModifiers::SHIFT));
    let action = dogear::library_action(&m, &t);
    assert_eq!(action, Some(A::CycleTheme));
    assert_eq!(m.look.theme, ThemeName::Terminal);
    assert_eq!(m.update(A::CycleTheme), LibraryEffect::None);
    assert_eq!(m.look.theme, ThemeName::Terminal.next());
    let said = m.message.clone().unwrap_or_default();
    assert!(said.starts_with("theme: "), "{said}");
    // Typed into the filter, T is a letter.
    m.update(A::StartFilter);
    assert_eq!(dogear::library_action(&m, &t), Some(A::FilterChar('T')));
}
