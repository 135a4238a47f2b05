//! Bookmarks without traps: the prompt's editing keys, Backspace and Esc that close one
//! thing at a time, undoing a deletion, and opening at a bookmark.

use super::{press, reader, type_text};
use crate::reader::*;

fn mark(id: &str, offset: usize, label: &str) -> Mark {
    Mark {
        id: id.into(),
        offset,
        label: label.into(),
        when: crate::calendar::Stamp {
            unix_secs: 1_795_536_300, // 2026-11-24 16:05
            utc_offset: 0,
        },
    }
}

/// A reader with two bookmarks, their list open on the first.
fn with_list() -> Reader {
    let mut r = reader();
    let far = r.document().text().len() / 2;
    r.set_marks(vec![mark("a", 0, "harbour"), mark("b", far, "lamp")]);
    r.update(Action::Bookmarks);
    r.update(Action::Top);
    assert_eq!(*r.mode(), Mode::Bookmarks { selected: 0 });
    r
}

fn prompt(r: &Reader) -> Prompt {
    match r.mode() {
        Mode::Prompt(p) => p.clone(),
        other => panic!("a prompt, not {other:?}"),
    }
}

#[test]
fn rename_prefills_the_label_and_the_cursor_edits_it() {
    let mut r = with_list();
    r.update(Action::Rename);
    assert_eq!(prompt(&r).input, "harbour");
    type_text(&mut r, " at dawn");
    assert_eq!(prompt(&r).input, "harbour at dawn", "typing appends");
    press(&mut r, &[Action::Edit(Edit::DeleteWord)]);
    assert_eq!(prompt(&r).input, "harbour at ");
    press(
        &mut r,
        &[Action::Edit(Edit::Home), Action::Edit(Edit::Right)],
    );
    type_text(&mut r, "H");
    press(&mut r, &[Action::Edit(Edit::Left), Action::Backspace]);
    assert_eq!(prompt(&r).input, "Harbour at ");
    press(&mut r, &[Action::Edit(Edit::End)]);
    type_text(&mut r, "noon");
    press(
        &mut r,
        &[Action::Edit(Edit::Home), Action::Edit(Edit::DeleteForward)],
    );
    type_text(&mut r, "The h");
    assert_eq!(prompt(&r).input, "The harbour at noon");
    let effect = r.update(Action::Submit);
    assert_eq!(
        effect,
        Effect::RenameBookmark {
            id: "a".into(),
            label: "The harbour at noon".into()
        }
    );
    assert_eq!(
        *r.mode(),
        Mode::Bookmarks { selected: 0 },
        "back to the list"
    );
}

#[test]
fn ctrl_u_clears_to_the_start_in_every_prompt() {
    let mut r = reader();
    r.update(Action::OpenPrompt(PromptKind::Search));
    type_text(&mut r, "gulls argue");
    press(&mut r, &vec![Action::Edit(Edit::Left); 5]);
    press(&mut r, &[Action::Edit(Edit::ClearToStart)]);
    assert_eq!((prompt(&r).input.as_str(), prompt(&r).cursor), ("argue", 0));
    r.update(Action::Cancel);
    r.update(Action::OpenPrompt(PromptKind::Percent));
    type_text(&mut r, "5x0");
    press(
        &mut r,
        &[Action::Edit(Edit::Left), Action::Edit(Edit::ClearToStart)],
    );
    assert_eq!(
        prompt(&r).input,
        "0",
        "digits only, and ^U before the cursor"
    );
}

#[test]
fn backspace_on_an_empty_prompt_does_nothing_and_keys_stay_in_the_prompt() {
    let mut r = with_list();
    r.update(Action::Rename);
    let len = prompt(&r).input.chars().count();
    press(&mut r, &vec![Action::Backspace; len + 3]);
    assert_eq!(
        prompt(&r).input,
        "",
        "still the prompt after Backspaces too many"
    );
    let place = r.place();
    type_text(&mut r, "G");
    assert_eq!(r.place(), place, "G is typed, not a jump to the end");
    assert_eq!(prompt(&r).input, "G");

    let mut r = reader();
    r.update(Action::OpenPrompt(PromptKind::Search));
    press(&mut r, &[Action::Backspace, Action::Backspace]);
    assert!(matches!(r.mode(), Mode::Prompt(_)));
}

#[test]
fn escape_closes_one_layer_at_a_time() {
    let mut r = with_list();
    r.update(Action::Down);
    r.update(Action::Rename);
    r.update(Action::Cancel);
    assert_eq!(
        *r.mode(),
        Mode::Bookmarks { selected: 1 },
        "Esc in the rename prompt goes back to the list, on the same bookmark"
    );
    assert!(
        r.marks().iter().any(|m| m.label == "lamp"),
        "nothing renamed"
    );
    r.update(Action::Cancel);
    assert_eq!(*r.mode(), Mode::Reading, "the next Esc closes the list");
    r.update(Action::OpenPrompt(PromptKind::Search));
    r.update(Action::Cancel);
    assert_eq!(*r.mode(), Mode::Reading);
}

#[test]
fn u_undoes_the_last_deletion_in_the_list() {
    let mut r = with_list();
    let effect = r.update(Action::Delete);
    assert_eq!(effect, Effect::DeleteBookmark { id: "a".into() });
    // The shell removes it and hands the reader the new list.
    let left: Vec<Mark> = r.marks().iter().filter(|m| m.id != "a").cloned().collect();
    r.set_marks(left);
    let effect = r.update(Action::Delete);
    assert_eq!(effect, Effect::DeleteBookmark { id: "b".into() });
    r.set_marks(Vec::new());
    assert!(
        matches!(r.mode(), Mode::Bookmarks { .. }),
        "the empty list stays up for u"
    );
    assert_eq!(
        r.update(Action::Undo),
        Effect::RestoreBookmark { id: "b".into() }
    );
    assert_eq!(
        r.update(Action::Undo),
        Effect::RestoreBookmark { id: "a".into() }
    );
    assert_eq!(r.marks().len(), 2);
    assert_eq!(
        *r.mode(),
        Mode::Bookmarks { selected: 0 },
        "the restored one selected"
    );
    assert_eq!(r.update(Action::Undo), Effect::None);
    assert!(r.message().unwrap().contains("no deleted bookmark"));
}

#[test]
fn opening_at_a_bookmark_puts_the_last_place_on_the_back_jump_list() {
    let mut r = reader();
    r.update(Action::PageDown);
    let last = r.place();
    let far = r.document().text().len() / 2;
    r.set_marks(vec![mark("a", far, "lamp")]);
    assert_eq!(
        r.update(Action::OpenBookmark("a".into())),
        Effect::PlaceChanged
    );
    assert!(r.place() > last && r.place() <= far);
    r.update(Action::JumpBack);
    assert_eq!(r.place(), last);
}

#[test]
fn opening_at_a_bookmark_waits_for_the_whole_of_a_big_story() {
    let whole = super::story(6, 12);
    let far = whole.text().len() / 2;
    let window = crate::document::Document::from_parts(
        whole.text()[..200].to_owned(),
        whole.blocks()[..1].to_vec(),
        0..200,
    );
    let mut r = Reader::new(window, "Quay", (80, 24), 72);
    r.set_partial(0, whole.text().len());
    assert_eq!(r.update(Action::OpenBookmark("a".into())), Effect::None);
    let waiting = r.whole(whole);
    r.set_marks(vec![mark("a", far, "lamp")]);
    for action in waiting {
        r.apply_waiting(action);
    }
    assert!(super::top_contains(&r, far) || r.place() <= far && r.place() + 200 > far);
    r.update(Action::JumpBack);
    assert_eq!(r.place(), 0);
}

/// A reader on the first third of `whole` (several pages: a page down can be done in it
/// at once) while the rest is still being read.
fn on_first_third(whole: &crate::document::Document) -> Reader {
    let cut = whole.blocks()[whole.blocks().len() / 3].start();
    let window = crate::document::Document::from_text(&whole.text()[..cut]);
    let mut r = Reader::new(window, "Quay", (80, 24), 72);
    r.set_partial(0, whole.text().len());
    r
}

/// `73%`, typed.
const SEVENTY_THREE: [Action; 3] = [Action::Digit(7), Action::Digit(3), Action::Percent];

/// `73%` typed while a big story is still being read waits for it, and the count waits
/// with it: a key pressed meanwhile and done at once (here `-`, a narrower column) took
/// the count, and the jump, done once the story was in, went nowhere ("type a number
/// first"). An Enter did so too before moves waited behind the jump.
#[test]
fn a_percent_waiting_for_the_whole_story_keeps_its_number_whatever_is_pressed_meanwhile() {
    let whole = super::story(6, 12);
    let mut r = on_first_third(&whole);
    for action in SEVENTY_THREE {
        r.update(action);
    }
    r.update(Action::Narrower);
    let len = whole.text().len();
    for action in r.whole(whole) {
        r.apply_waiting(action);
    }
    let at = r.place() as f64 / len as f64;
    assert!(
        (0.65..0.8).contains(&at),
        "at {at} of the story, {:?}",
        r.message()
    );
}

/// A move pressed after an action that waits for the whole story waits behind it, so the
/// two happen in the order pressed: the page after the 73 % jump, not the window's.
#[test]
fn moves_pressed_after_a_waiting_jump_happen_after_it() {
    let whole = super::story(6, 12);
    let jumped = {
        let mut r = Reader::new(whole.clone(), "Quay", (80, 24), 72);
        for action in SEVENTY_THREE {
            r.update(action);
        }
        r.place()
    };
    let mut r = on_first_third(&whole);
    for action in SEVENTY_THREE.into_iter().chain([Action::PageDown]) {
        r.update(action);
    }
    assert_eq!(r.place(), 0, "the page down waits too");
    for action in r.whole(whole) {
        r.apply_waiting(action);
    }
    assert!(
        r.place() > jumped,
        "{} after the jump to {jumped}",
        r.place()
    );
}

/// In a pipe, whose end may never come, a move pressed after `G` (waiting for the end) is
/// made at once in what has arrived; and once reading the story fails, nothing waits.
#[test]
fn moves_after_a_wait_in_a_pipe_or_after_a_failed_read_are_made_at_once() {
    let whole = super::story(6, 12);
    let mut piped = on_first_third(&whole);
    let arrived = piped.document().text().len();
    piped.set_partial(0, arrived);
    piped.set_estimate(arrived, false);
    piped.update(Action::Bottom);
    piped.update(Action::PageDown);
    assert!(piped.place() > 0, "paged in what has arrived");
    let mut failed = on_first_third(&whole);
    failed.update(Action::Bottom);
    assert_eq!(failed.drop_waiting(), 1);
    failed.update(Action::PageDown);
    assert!(failed.place() > 0, "paged, nothing waiting");
}
