//! Pages: counted off the interactive path, they must agree with paging. Page `k`'s top
//! is where `k - 1` PageDowns from the top go, at any width and height, on any text; the
//! reader shows `page 1 of N`, goes to a page with `123g` or `:123`, and comes back with
//! `` ` ``.

use dogear::{
    Action, Block, BlockKind, Counter, Document, Effect, Layout, PageInfo, PromptKind, Reader,
};
use proptest::prelude::*;

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z]{1,10}",
        1 => "[a-z]{20,50}",
        2 => "[漢字日本語中文、。]{1,8}",
        1 => Just("👩\u{200D}👩\u{200D}👧".to_owned()),
        1 => Just("e\u{301}a\u{308}o\u{302}".to_owned()),
    ]
}

fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        (word(), prop_oneof![5 => Just(" "), 1 => Just("\n")]),
        1..max,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for (i, (w, sep)) in parts.iter().enumerate() {
            if i > 0 {
                s.push_str(sep);
            }
            s.push_str(w);
        }
        s
    })
}

fn block() -> impl Strategy<Value = (BlockKind, String)> {
    prop_oneof![
        5 => words(60).prop_map(|t| (BlockKind::Paragraph, t)),
        2 => words(20).prop_map(|t| (BlockKind::Verse, t)),
        1 => words(5).prop_map(|t| (BlockKind::Heading, t.replace('\n', " "))),
        1 => Just((BlockKind::SceneBreak, "*   *   *".to_owned())),
    ]
}

/// Blocks apart by blank lines, or now and then by a space: a long paragraph the
/// document cut into pieces, which read as one.
fn document() -> impl Strategy<Value = Document> {
    prop::collection::vec((block(), prop::bool::weighted(0.15)), 0..30).prop_map(|parts| {
        let mut text = String::new();
        let mut blocks = Vec::new();
        for (i, ((kind, body), split)) in parts.into_iter().enumerate() {
            if i > 0 {
                text.push_str(if split { " " } else { "\n\n" });
            }
            let start = text.len();
            text.push_str(&body);
            blocks.push(Block::new(kind, start..text.len()));
        }
        text.push('\n');
        let len = text.len();
        Document::from_parts(text, blocks, 0..len)
    })
}

/// The tops PageDown visits from the top of the story, as the reader pages.
fn paged(doc: &Document, width: u16, height: usize) -> Vec<usize> {
    let mut layout = Layout::new(width);
    let Some(first) = doc.blocks().first() else {
        return Vec::new();
    };
    let mut top = layout.line_start(doc, first.start());
    let mut tops = vec![top];
    loop {
        let next = layout.scroll(doc, top, height as isize, height);
        if next == top {
            return tops;
        }
        tops.push(next);
        top = next;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn page_k_starts_where_k_minus_1_page_downs_go(
        doc in document(), width in 1u16..120, height in 1usize..40,
    ) {
        let tops = dogear::tops(&doc, width, height);
        prop_assert_eq!(&tops, &paged(&doc, width, height));
        for (k, &top) in tops.iter().enumerate() {
            prop_assert_eq!(dogear::page_at(&tops, top), k + 1);
            prop_assert_eq!(dogear::page_top(&tops, k + 1), Some(top));
        }
    }

    #[test]
    fn a_count_in_steps_hands_out_the_same_tops_in_order(
        doc in document(), width in 1u16..120, height in 1usize..40, step in 1usize..6,
    ) {
        let mut counter = Counter::new(width, height);
        let mut streamed = Vec::new();
        loop {
            let done = counter.step(&doc, step);
            streamed.extend(counter.confirmed());
            if done {
                break;
            }
        }
        prop_assert_eq!(streamed, dogear::tops(&doc, width, height));
    }

    #[test]
    fn the_reader_goes_to_page_k_as_k_minus_1_page_downs_do(
        doc in document(), width in 20u16..100, height in 5u16..30, k in 1usize..12,
    ) {
        let mut paging = Reader::new(doc.clone(), "T", (width, height), width);
        let mut jumping = Reader::new(doc, "T", (width, height), width);
        count(&mut jumping);
        for _ in 1..k {
            paging.update(Action::PageDown);
        }
        for d in k.to_string().bytes() {
            jumping.update(Action::Digit(d - b'0'));
        }
        jumping.update(Action::Top);
        prop_assert_eq!(jumping.place(), paging.place());
    }
}

/// Counts the reader's pages as the shell's thread would, all at once.
fn count(r: &mut Reader) {
    if let Some(key) = r.page_key() {
        let tops = dogear::tops(r.document(), key.width, key.height);
        r.add_pages(&key, &tops, true);
    }
}

#[test]
fn a_page_gone_to_when_the_count_ends_is_a_place_to_save() {
    let mut r = Reader::new(story(200), "T", (60, 20), 72);
    r.update(Action::Digit(2));
    r.update(Action::Top);
    let key = r.page_key().unwrap();
    let tops = dogear::tops(r.document(), key.width, key.height);
    // The first news of the count comes before it is done.
    assert_eq!(r.add_pages(&key, &tops[..1], false), Effect::None);
    assert_eq!(r.add_pages(&key, &tops[1..], true), Effect::PlaceChanged);
    assert_eq!(r.page_info().unwrap().current, Some(2));
    assert_eq!(
        r.message(),
        None,
        "the counting message is gone with the count"
    );
}

fn story(paragraphs: usize) -> Document {
    let text: String = (0..paragraphs)
        .map(|i| format!("Paragraph {i} of the long night crossing, told at length.\n\n"))
        .collect();
    Document::from_text(&text)
}

#[test]
fn pages_are_unknown_until_counted_then_known_for_that_size_only() {
    let mut r = Reader::new(story(200), "T", (60, 20), 72);
    assert_eq!(r.page_info(), None);
    count(&mut r);
    let info = r.page_info().expect("counted");
    assert_eq!(info.current, Some(1));
    let total = info.total.expect("complete");
    assert!(total > 10, "{total}");
    r.update(Action::Resize {
        width: 60,
        height: 12,
    });
    assert_eq!(r.page_info(), None, "another height: counted again");
}

#[test]
fn tops_handed_over_in_part_give_the_page_once_past_the_place() {
    let mut r = Reader::new(story(200), "T", (60, 20), 72);
    let key = r.page_key().unwrap();
    let tops = dogear::tops(r.document(), key.width, key.height);
    r.add_pages(&key, &tops[..3], false);
    assert_eq!(
        r.page_info(),
        Some(PageInfo {
            current: Some(1),
            total: None
        })
    );
    for _ in 0..5 {
        r.update(Action::PageDown);
    }
    assert_eq!(
        r.page_info().unwrap().current,
        None,
        "page 6 not counted yet"
    );
    r.add_pages(&key, &tops[3..], true);
    assert_eq!(r.page_info().unwrap().current, Some(6));
}

#[test]
fn a_count_for_a_stale_size_is_dropped() {
    let mut r = Reader::new(story(200), "T", (60, 20), 72);
    let stale = r.page_key().unwrap();
    r.update(Action::Resize {
        width: 50,
        height: 20,
    });
    r.add_pages(&stale, &[0, 10, 20], true);
    assert_eq!(r.page_info(), None);
}

#[test]
fn three_g_goes_to_page_three_and_back_quote_comes_back() {
    let mut r = Reader::new(story(200), "T", (60, 20), 72);
    count(&mut r);
    r.update(Action::PageDown);
    let before = r.place();
    r.update(Action::Digit(3));
    assert_eq!(r.update(Action::Top), Effect::PlaceChanged);
    assert_eq!(r.page_info().unwrap().current, Some(3));
    r.update(Action::JumpBack);
    assert_eq!(r.place(), before);
}

#[test]
fn colon_prompt_goes_to_a_page_and_a_page_past_the_end_to_the_last() {
    let mut r = Reader::new(story(200), "T", (60, 20), 72);
    count(&mut r);
    let total = r.page_info().unwrap().total.unwrap();
    r.update(Action::OpenPrompt(PromptKind::Page));
    r.update(Action::Input('x')); // not a digit: ignored
    r.update(Action::Input('4'));
    r.update(Action::Submit);
    assert_eq!(r.page_info().unwrap().current, Some(4));
    for d in [9, 9, 9] {
        r.update(Action::Digit(d));
    }
    r.update(Action::Top);
    assert_eq!(r.page_info().unwrap().current, Some(total));
    assert_eq!(
        r.message().map(str::to_owned),
        Some(format!("the last page is {total}"))
    );
}

#[test]
fn a_page_asked_for_before_the_count_is_gone_to_when_it_is_done() {
    let mut r = Reader::new(story(200), "T", (60, 20), 72);
    r.update(Action::Digit(5));
    r.update(Action::Top);
    assert_eq!(r.place(), 0, "not counted yet: stays");
    count(&mut r);
    assert_eq!(r.page_info().unwrap().current, Some(5));
}

#[test]
fn g_alone_still_goes_to_the_top_and_a_count_still_makes_a_percent() {
    let mut r = Reader::new(story(200), "T", (60, 20), 72);
    count(&mut r);
    r.update(Action::PageDown);
    r.update(Action::Top);
    assert_eq!(r.page_info().unwrap().current, Some(1));
    for d in [1, 5, 0] {
        r.update(Action::Digit(d));
    }
    r.update(Action::Percent);
    assert_eq!(r.percent(), 100, "150% is the end, as before");
}

#[test]
fn percent_keeps_a_decimal_only_where_pages_are_many() {
    let mut few = Reader::new(story(200), "T", (60, 20), 72);
    count(&mut few);
    assert_eq!(few.precise_percent(), None);
    let mut many = Reader::new(story(3000), "T", (60, 20), 72);
    count(&mut many);
    assert!(many.page_info().unwrap().total.unwrap() > 200);
    assert_eq!(many.precise_percent(), Some(0));
    many.update(Action::PageDown);
    let one = many.precise_percent().unwrap();
    assert!(
        (1..10).contains(&one),
        "a page is a fraction of a percent: {one}"
    );
    many.update(Action::Bottom);
    assert_eq!(many.precise_percent(), Some(1000));
}

#[test]
fn a_page_asked_for_while_a_big_story_is_read_waits_for_it_and_its_count() {
    let whole = story(200);
    let window = Document::from_text(&whole.text()[..2000]);
    let mut r = Reader::new(window, "T", (60, 20), 72);
    r.set_partial(0, whole.text().len());
    count(&mut r);
    assert!(
        r.page_info().is_none(),
        "a window's pages are not the story's"
    );
    r.update(Action::Digit(4));
    r.update(Action::Top);
    assert_eq!(r.place(), 0);
    let waiting = r.whole(whole);
    // The count waits with it, as the digits typed (a key pressed meanwhile would take it).
    assert_eq!(waiting, [Action::Digit(4), Action::Top]);
    for action in waiting {
        r.apply_waiting(action);
    }
    count(&mut r);
    assert_eq!(r.page_info().unwrap().current, Some(4));
}
