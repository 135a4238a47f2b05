//! The reader as a story of actions: start here, press this, see that.

use super::*;
use crate::document::{Block, BlockKind};

mod marks;

/// A story of `chapters` chapters, each a heading and `paras` paragraphs of prose,
/// with blocks given explicitly so these tests do not depend on paragraph detection.
pub(super) fn story(chapters: usize, paras: usize) -> Document {
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut push = |text: &mut String, kind, s: &str| {
        let start = text.len();
        text.push_str(s);
        blocks.push(Block::new(kind, start..text.len()));
        text.push_str("\n\n");
    };
    for c in 1..=chapters {
        push(&mut text, BlockKind::Heading, &format!("CHAPTER {c}"));
        for p in 1..=paras {
            let para = format!(
                "Paragraph {p} of chapter {c} walks along the quay where the nets dry \
                 and the gulls argue over the morning catch, and then it rests a while \
                 beside the old lamp-post number{c}x{p} before it goes home."
            );
            push(&mut text, BlockKind::Paragraph, &para);
        }
    }
    let len = text.len();
    Document::from_parts(text, blocks, 0..len)
}

pub(super) fn reader() -> Reader {
    Reader::new(story(6, 12), "Quay", (80, 24), 72)
}

fn press(r: &mut Reader, actions: &[Action]) -> Vec<Effect> {
    actions.iter().cloned().map(|a| r.update(a)).collect()
}

pub(super) fn type_text(r: &mut Reader, text: &str) {
    for c in text.chars() {
        r.update(Action::Input(c));
    }
}

/// The first line on screen contains `offset`.
fn top_contains(r: &Reader, offset: usize) -> bool {
    let first = &r.page()[0];
    first.range.start <= offset && (offset < first.range.end || first.range.is_empty())
        || first.range.start == offset
}

#[test]
fn paging_down_and_back_up_returns_to_the_start() {
    let mut r = reader();
    let start = r.place();
    let effects = press(&mut r, &[Action::PageDown, Action::PageDown]);
    assert_eq!(effects, [Effect::PlaceChanged, Effect::PlaceChanged]);
    assert!(r.place() > start);
    press(&mut r, &[Action::PageUp, Action::PageUp]);
    assert_eq!(r.place(), start);
    assert_eq!(
        r.update(Action::PageUp),
        Effect::None,
        "nothing moves above the start"
    );
}

#[test]
fn a_page_down_moves_exactly_one_screen_of_lines() {
    // As in less: the line after the last one on screen becomes the first.
    let mut by_page = reader();
    by_page.update(Action::PageDown);
    let mut by_line = reader();
    press(&mut by_line, &vec![Action::LineDown; 23]);
    assert_eq!(by_page.place(), by_line.place());
    let mut half = reader();
    half.update(Action::HalfPageDown);
    let mut lines = reader();
    press(&mut lines, &vec![Action::LineDown; 11]);
    assert_eq!(half.place(), lines.place());
}

#[test]
fn resize_keeps_the_top_line_and_comes_back_to_the_same_page() {
    let mut r = reader();
    press(
        &mut r,
        &[
            Action::PageDown,
            Action::PageDown,
            Action::LineDown,
            Action::LineDown,
        ],
    );
    let place = r.place();
    let page_at_80 = r.page().to_vec();
    for (w, h) in [(50, 24), (140, 30), (33, 10), (80, 24)] {
        r.update(Action::Resize {
            width: w,
            height: h,
        });
        assert_eq!(r.place(), place, "the place is not touched by a resize");
        assert!(
            top_contains(&r, place),
            "at {w}x{h} the top line holds the place"
        );
    }
    assert_eq!(r.page(), page_at_80.as_slice());
}

#[test]
fn narrower_and_wider_columns_keep_the_place() {
    let mut r = reader();
    press(&mut r, &[Action::PageDown, Action::LineDown]);
    let place = r.place();
    press(&mut r, &[Action::Narrower, Action::Narrower]);
    assert_eq!(r.column().width, 64);
    assert!(top_contains(&r, place));
    press(&mut r, &[Action::Wider, Action::Wider]);
    assert_eq!(r.column().width, 72);
    assert!(r.message().unwrap().contains("column"));
}

#[test]
fn wider_never_says_a_width_the_window_cannot_show() {
    let mut r = reader();
    for _ in 0..6 {
        r.update(Action::Wider);
        let said = r.message().unwrap().to_owned();
        assert!(r.column().width <= 80);
        assert!(
            said.contains(&format!("column {} wide", r.column().width)),
            "{said}"
        );
    }
    assert_eq!(r.message(), Some("column 80 wide: the window's full width"));
    // One step narrower from the full width, not from a width beyond it.
    r.update(Action::Narrower);
    assert_eq!(r.column().width, 76);
}

#[test]
fn search_finds_highlights_and_places_the_match_in_the_upper_third() {
    let mut r = reader();
    r.update(Action::OpenPrompt(PromptKind::Search));
    type_text(&mut r, "number4x7");
    r.update(Action::Submit);
    let hit = r.hit().expect("a match");
    assert_eq!(&r.document().text()[hit.clone()], "number4x7");
    let row = r
        .page()
        .iter()
        .position(|l| l.range.contains(&hit.start))
        .unwrap();
    assert!(
        row <= 23 / 3 + 1,
        "match on row {row}, not in the upper third"
    );
    assert_eq!(*r.mode(), Mode::Reading);
}

#[test]
fn search_next_previous_wrap_and_not_found() {
    let mut r = reader();
    r.update(Action::OpenPrompt(PromptKind::Search));
    type_text(&mut r, "CHAPTER 6");
    r.update(Action::Submit);
    let first = r.hit().unwrap();
    r.update(Action::OpenPrompt(PromptKind::Search));
    type_text(&mut r, "chapter 1 walks");
    r.update(Action::Submit);
    assert!(
        r.message().unwrap().contains("wrapped"),
        "{:?}",
        r.message()
    );
    assert!(r.hit().unwrap().start < first.start);
    let h1 = r.hit().unwrap();
    r.update(Action::SearchNext);
    assert!(r.hit().unwrap().start > h1.start);
    r.update(Action::SearchPrev);
    assert_eq!(r.hit().unwrap(), h1);
    r.update(Action::OpenPrompt(PromptKind::Search));
    type_text(&mut r, "lighthouse");
    let before = r.place();
    r.update(Action::Submit);
    assert_eq!(r.message(), Some("not found: lighthouse"));
    assert_eq!(r.place(), before);
}

#[test]
fn percent_jump_and_jump_back() {
    let mut r = reader();
    let start = r.place();
    press(
        &mut r,
        &[Action::Digit(5), Action::Digit(0), Action::Percent],
    );
    let pct = position::percent(r.document(), r.place());
    assert!((49.0..=51.0).contains(&pct), "at {pct}%");
    assert_eq!(r.percent(), 50, "the status bar says what was asked for");
    let middle = r.place();
    r.update(Action::JumpBack);
    assert_eq!(r.place(), start);
    r.update(Action::JumpBack);
    assert_eq!(r.place(), middle, "pressing ` again goes back again");
}

#[test]
fn percent_prompt_accepts_digits_only() {
    let mut r = reader();
    r.update(Action::OpenPrompt(PromptKind::Percent));
    type_text(&mut r, "2x5");
    assert_eq!(
        r.mode(),
        &Mode::Prompt(Prompt::new(PromptKind::Percent, "25"))
    );
    r.update(Action::Submit);
    let pct = position::percent(r.document(), r.place());
    assert!((24.0..=26.0).contains(&pct), "at {pct}%");
}

#[test]
fn chapters_next_previous_and_the_list() {
    let mut r = reader();
    r.update(Action::NextChapter);
    let second = r.chapters()[1].offset;
    assert_eq!(r.place(), second);
    assert_eq!(r.current_chapter().unwrap().title, "CHAPTER 2");
    r.update(Action::PrevChapter);
    assert_eq!(r.place(), r.chapters()[0].offset);
    r.update(Action::Chapters);
    assert_eq!(*r.mode(), Mode::Chapters { selected: 0 });
    press(
        &mut r,
        &[Action::Down, Action::Down, Action::Down, Action::Submit],
    );
    assert_eq!(r.place(), r.chapters()[3].offset);
    assert_eq!(*r.mode(), Mode::Reading);
    r.update(Action::JumpBack);
    assert_eq!(r.place(), r.chapters()[0].offset);
}

#[test]
fn next_chapter_does_not_stop_at_a_letter_or_a_headline_inside_a_chapter() {
    let p = "The tide was out and the boats lay on their sides in the mud, and\n\
             the keeper walked between them with his lamp, counting hulls and\n\
             muttering the names of the ones that had not yet come home again.\n";
    let chapter = |n: &str| {
        format!(
            "CHAPTER {n}\n\n{p}\n\"MY DEAR TOM,--\n\n{p}\n\"NELL.\n\n{p}\n\
             A NOTICE ON THE HARBOUR DOOR\n\n{p}\nWHAT?\n\n{p}\n"
        )
    };
    let text = format!("{}{}{}", chapter("I"), chapter("II"), chapter("III"));
    let mut r = Reader::new(Document::from_text(&text), "Tides", (80, 24), 72);
    let titles: Vec<&str> = r.chapters().iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["CHAPTER I", "CHAPTER II", "CHAPTER III"]);
    r.update(Action::NextChapter);
    assert_eq!(r.place(), text.find("CHAPTER II").unwrap());
    r.update(Action::NextChapter);
    assert_eq!(r.place(), text.find("CHAPTER III").unwrap());
    r.update(Action::PrevChapter);
    assert_eq!(r.place(), text.find("CHAPTER II").unwrap());
}

#[test]
fn start_and_end_and_percent_at_the_end() {
    let mut r = reader();
    r.update(Action::Bottom);
    assert_eq!(r.percent(), 100);
    assert_eq!(
        r.update(Action::PageDown),
        Effect::None,
        "nothing after the end"
    );
    let last = r.page().last().unwrap().clone();
    assert_eq!(last.range.end, r.document().blocks().last().unwrap().end());
    r.update(Action::Top);
    assert_eq!(r.percent(), 0);
}

#[test]
fn help_opens_and_closes_and_keys_underneath_do_nothing() {
    let mut r = reader();
    let place = r.place();
    r.update(Action::Help);
    assert_eq!(*r.mode(), Mode::Help);
    r.update(Action::PageDown);
    assert_eq!((r.mode(), r.place()), (&Mode::Help, place));
    r.update(Action::Cancel);
    assert_eq!(*r.mode(), Mode::Reading);
}

#[test]
fn bookmarks_add_list_jump_delete_and_rename() {
    let mut r = reader();
    r.update(Action::PageDown);
    let marked = r.place();
    let Effect::AddBookmark { offset, label } = r.update(Action::AddBookmark) else {
        panic!("m adds a bookmark");
    };
    assert_eq!(offset, marked);
    assert!(
        label.split_whitespace().count() >= 4,
        "label from the page: {label}"
    );
    r.set_marks(vec![Mark {
        id: "a1".into(),
        offset,
        label,
        when: Default::default(),
    }]);
    r.update(Action::Top);
    r.update(Action::Bookmarks);
    assert_eq!(*r.mode(), Mode::Bookmarks { selected: 0 });
    r.update(Action::Submit);
    assert_eq!(r.place(), marked);
    r.update(Action::Bookmarks);
    r.update(Action::Rename);
    let Mode::Prompt(prompt) = r.mode().clone() else {
        panic!("r opens a prompt")
    };
    assert_eq!(
        prompt.input,
        r.marks()[0].label,
        "the prompt starts with the old label"
    );
    press(
        &mut r,
        &vec![Action::Backspace; prompt.input.chars().count()],
    );
    r.update(Action::OpenPrompt(PromptKind::Search)); // ignored inside a prompt
    type_text(&mut r, "harbour");
    let renamed = r.update(Action::Submit);
    assert_eq!(
        renamed,
        Effect::RenameBookmark {
            id: "a1".into(),
            label: "harbour".into()
        }
    );
    assert_eq!(
        r.update(Action::Delete),
        Effect::DeleteBookmark { id: "a1".into() }
    );
}

#[test]
fn tiny_windows_do_not_crash_and_say_so() {
    let mut r = reader();
    for (w, h) in [(1, 1), (8, 3), (19, 4), (3, 2), (0, 0)] {
        r.update(Action::Resize {
            width: w,
            height: h,
        });
        assert!(r.too_small());
        press(
            &mut r,
            &[
                Action::PageDown,
                Action::Bottom,
                Action::LineUp,
                Action::Help,
            ],
        );
        r.update(Action::Cancel);
    }
    r.update(Action::Resize {
        width: 20,
        height: 5,
    });
    assert!(!r.too_small());
    assert_eq!(r.update(Action::Quit), Effect::Quit);
}

#[test]
fn messages_expire_after_a_few_ticks() {
    let mut r = reader();
    r.say("saved");
    press(&mut r, &[Action::Tick, Action::Tick, Action::Tick]);
    assert_eq!(r.message(), Some("saved"));
    r.update(Action::Tick);
    assert_eq!(r.message(), None);
}

#[test]
fn an_empty_story_opens_and_pages_without_trouble() {
    let mut r = Reader::new(Document::from_text(""), "empty", (80, 24), 72);
    press(
        &mut r,
        &[
            Action::PageDown,
            Action::Bottom,
            Action::Chapters,
            Action::Bookmarks,
        ],
    );
    assert!(r.page().is_empty());
    assert_eq!(r.percent(), 100);
}
