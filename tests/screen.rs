//! The reader drawn into ratatui's TestBackend at fixed sizes, compared with snapshots.
//! A screen test reads like a story: open here, press this, see that.

mod drawn;
use dogear::{Action, Document, PromptKind, Reader};
use drawn::screen;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const HARBOUR: &str = include_str!("fixtures/harbour.txt");

fn reader(width: u16, height: u16) -> Reader {
    Reader::new(
        Document::from_text(HARBOUR),
        "The Harbour Clock",
        (width, height),
        72,
    )
}

fn press(r: &mut Reader, actions: &[Action]) {
    for a in actions {
        r.update(a.clone());
    }
}

fn search(r: &mut Reader, query: &str) {
    r.update(Action::OpenPrompt(PromptKind::Search));
    for c in query.chars() {
        r.update(Action::Input(c));
    }
    r.update(Action::Submit);
}

#[test]
fn first_page_80x24() {
    insta::assert_snapshot!(screen(&reader(80, 24)));
}

#[test]
fn first_page_40x12() {
    insta::assert_snapshot!(screen(&reader(40, 12)));
}

#[test]
fn middle_page_with_a_heading_80x24() {
    let mut r = reader(80, 24);
    r.update(Action::NextChapter);
    r.update(Action::NextChapter);
    insta::assert_snapshot!(screen(&r));
}

#[test]
fn help_80x24() {
    let mut r = reader(80, 24);
    r.update(Action::Help);
    let text = screen(&r);
    // Every entry fits in 80x24: the last one and the frame's bottom are on screen.
    let reader_keys = dogear::Group::READER;
    let rows = dogear::Keymap::standard().rows();
    for (row, keys) in rows.filter(|(row, _)| reader_keys.contains(&row.group)) {
        let what = row.help;
        assert!(
            text.contains(&format!(" {keys} ")) && text.contains(what),
            "{keys} {what} cut off"
        );
    }
    assert!(text.contains('└'), "the help's frame is cut off");
    insta::assert_snapshot!(text);
}

#[test]
fn search_with_a_highlighted_match_80x24() {
    let mut r = reader(80, 24);
    search(&mut r, "tin whistle");
    let text = screen(&r);
    assert!(text.contains("tin whistle"), "the match is on screen");
    insta::assert_snapshot!(text);
}

#[test]
fn search_highlight_is_reverse_video_on_the_matched_cells() {
    let mut r = reader(80, 24);
    search(&mut r, "tin whistle");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(&r, f.area())).unwrap();
    let buf = terminal.backend().buffer();
    let reversed: String = (0..23)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let cell = &buf[(x, y)];
            cell.modifier.contains(ratatui::style::Modifier::REVERSED)
        })
        .map(|(x, y)| buf[(x, y)].symbol().to_owned())
        .collect();
    assert_eq!(reversed, "tin whistle");
}

#[test]
fn the_other_matches_on_the_page_are_underlined() {
    let mut r = reader(80, 24);
    search(&mut r, "clock");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(&r, f.area())).unwrap();
    let buf = terminal.backend().buffer();
    let marked = |m: ratatui::style::Modifier| -> Vec<String> {
        let mut words = Vec::new();
        for y in 0..23 {
            let mut word = String::new();
            for x in 0..80 {
                let cell = &buf[(x, y)];
                if cell.modifier.contains(m) {
                    word.push_str(cell.symbol());
                } else if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            if !word.is_empty() {
                words.push(word);
            }
        }
        words
    };
    let current = marked(ratatui::style::Modifier::REVERSED);
    let others = marked(ratatui::style::Modifier::UNDERLINED);
    assert_eq!(current.len(), 1, "{current:?}");
    assert!(!others.is_empty(), "the page has other matches");
    assert!(
        others.iter().all(|w| w.eq_ignore_ascii_case("clock")),
        "{others:?}"
    );
}

#[test]
fn chapter_list_40x12() {
    let mut r = reader(40, 12);
    press(&mut r, &[Action::NextChapter, Action::Chapters]);
    insta::assert_snapshot!(screen(&r));
}

#[test]
fn search_prompt_in_the_status_bar_40x12() {
    let mut r = reader(40, 12);
    r.update(Action::OpenPrompt(PromptKind::Search));
    for c in "clock".chars() {
        r.update(Action::Input(c));
    }
    insta::assert_snapshot!(screen(&r));
}

#[test]
fn a_long_search_says_how_far_it_got_and_a_key_cancels_it_80x24() {
    let mut r = reader(80, 24);
    let start = r.place();
    r.set_search_step(400); // a fixture of 1.7 KB is a long search at 400 bytes a step
    search(&mut r, "lighthouse");
    let pct = r.searching().expect("still searching");
    let status = screen(&r).lines().last().unwrap().to_owned();
    assert!(status.contains(&format!("searching… {pct} %")), "{status}");
    r.step_search();
    assert!(r.searching().expect("still searching") > pct);
    r.update(Action::Cancel);
    assert_eq!(r.searching(), None);
    assert_eq!(r.place(), start);
    let status = screen(&r).lines().last().unwrap().to_owned();
    assert!(status.contains("search cancelled"), "{status}");
}

#[test]
fn too_small_window() {
    let mut r = reader(80, 24);
    r.update(Action::Resize {
        width: 18,
        height: 4,
    });
    insta::assert_snapshot!(screen(&r));
    for (w, h) in [(1, 1), (8, 3), (3, 2)] {
        r.update(Action::Resize {
            width: w,
            height: h,
        });
        let _ = screen(&r); // must not panic
    }
}

/// Every window too small for a page says so, in as many of its cells as the words
/// need: never a blank screen that looks like a hang.
#[test]
fn a_window_too_small_for_the_message_still_says_so() {
    let mut r = reader(80, 24);
    for (w, h) in [(3, 2), (4, 3), (5, 2), (9, 1), (2, 2), (1, 1)] {
        r.update(Action::Resize {
            width: w,
            height: h,
        });
        let text = screen(&r);
        assert!(
            text.chars().any(|c| !c.is_whitespace()),
            "{w}x{h} is blank:\n{text}"
        );
    }
    r.update(Action::Resize {
        width: 3,
        height: 2,
    });
    insta::assert_snapshot!(screen(&r));
}

#[test]
fn a_long_message_wraps_above_the_status_bar_40x12() {
    let mut r = reader(40, 12);
    r.say(
        "your saved place for this story could not be read; the old file was kept as \
         /home/reader/.config/dogear/books/0f3c.json.corrupt-1795538330",
    );
    let text = screen(&r);
    assert!(
        text.contains("0f3c.json.corrupt-1795538330"),
        "the path is not cut off:\n{text}"
    );
    insta::assert_snapshot!(text);
}

/// A play of three acts of four scenes each: fifteen entries, more than a 12-line
/// screen's list shows.
fn play() -> Reader {
    let mut s = String::from("THE LAMP-KEEPER\n\nA Play in Three Acts\n\n\n");
    for act in ["I", "II", "III"] {
        s.push_str(&format!("ACT {act}\n\n"));
        for scene in 1..=4 {
            s.push_str(&format!("SCENE {scene}. The tower.\n\n"));
            for _ in 0..3 {
                s.push_str("MARA. The lamp is lit, and nobody has come up the stair.\n\n");
                s.push_str("TOBIAS. Then we wait, as we always have.\n\n");
            }
        }
    }
    Reader::new(Document::from_text(&s), "The Lamp-Keeper", (40, 12), 72)
}

#[test]
fn chapter_list_indents_scenes_under_their_act_and_scrolls_to_the_selected_40x12() {
    let mut r = play();
    r.update(Action::Chapters);
    let top = screen(&r);
    assert!(top.contains("│  ACT I "), "{top}");
    assert!(top.contains("│    SCENE 1. The tower."), "{top}");
    // Down to the last entry: the list scrolls, the entry selected on its last line.
    for _ in 0..20 {
        r.update(Action::Down);
    }
    insta::assert_snapshot!(screen(&r));
}
