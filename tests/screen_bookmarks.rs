//! The bookmark list drawn at fixed sizes: number and label, then percent, date (as the
//! shell formats it, in local time), chapter and a snippet of the marked text.

mod drawn;
use dogear::{Action, Document, Edit, Mark, Reader, Stamp};
use drawn::screen;

const HARBOUR: &str = include_str!("fixtures/harbour.txt");

fn with_marks(width: u16, height: u16) -> Reader {
    let mut r = Reader::new(
        Document::from_text(HARBOUR),
        "The Harbour Clock",
        (width, height),
        72,
    );
    let text = r.document().text().to_owned();
    let at = |needle: &str| text.find(needle).expect(needle);
    let mark = |id: &str, offset, label: &str, unix_secs| Mark {
        id: id.into(),
        offset,
        label: label.into(),
        when: Stamp {
            unix_secs,
            utc_offset: 0,
        },
    };
    let chapters: Vec<usize> = r.chapters().iter().map(|c| c.offset).collect();
    r.set_marks(vec![
        mark("a", chapters[0], "The start", 1_795_536_300), // 2026-11-24 16:05
        mark("b", at("The clock above"), "the clock", 1_795_595_400), // 2026-11-25 08:30
        mark("c", *chapters.last().unwrap(), "", 1_796_083_140), // 2026-11-30 23:59
    ]);
    r
}

#[test]
fn bookmark_list_with_chapter_percent_date_and_snippet_80x24() {
    let mut r = with_marks(80, 24);
    r.update(Action::Bookmarks);
    r.update(Action::Top);
    r.update(Action::Down);
    insta::assert_snapshot!(screen(&r));
}

#[test]
fn bookmark_list_narrow_40x12() {
    let mut r = with_marks(40, 12);
    r.update(Action::Bookmarks);
    insta::assert_snapshot!(screen(&r));
}

#[test]
fn rename_prompt_with_the_cursor_inside_the_label_80x24() {
    let mut r = with_marks(80, 24);
    r.update(Action::Bookmarks);
    r.update(Action::Top);
    r.update(Action::Rename);
    for _ in 0..5 {
        r.update(Action::Edit(Edit::Left));
    }
    r.update(Action::Input('X'));
    let screen = screen(&r);
    let status = screen.lines().last().unwrap().to_owned();
    assert!(status.contains("rename bookmark: The Xstart"), "{status}");
    assert!(
        !status.contains('█'),
        "the cursor is on a character: {status}"
    );
}

#[test]
fn bookmark_list_shows_each_marks_page_once_pages_are_counted() {
    let mut r = with_marks(80, 24);
    r.update(Action::Bookmarks);
    assert!(!screen(&r).contains("p. "), "no page before the count");
    let key = r.page_key().expect("a page size");
    let tops = dogear::tops(r.document(), key.width, key.height);
    r.add_pages(&key, &tops, true);
    let last = *r
        .chapters()
        .iter()
        .map(|c| c.offset)
        .collect::<Vec<_>>()
        .last()
        .unwrap();
    let want = dogear::page_at(&tops, last);
    assert!(want > 1);
    let text = screen(&r);
    assert!(text.contains("p. 1 "), "{text}");
    assert!(text.contains(&format!("p. {want} ")), "{text}");
}
