//! The one-pass path for plain blocks prints exactly what the general path prints.

use super::*;
use crate::document::{Block, BlockKind};
use proptest::prelude::*;

fn printed(doc: &Document, width: u16, typography: Typography, fast: bool) -> String {
    let mut out = Vec::new();
    print_blocks(doc, 0, width, typography, fast, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn typography(bits: u8) -> Typography {
    Typography {
        justify: bits & 1 != 0,
        hyphenate: bits & 2 != 0,
        indent: bits & 4 != 0,
        optimal: bits & 8 != 0,
        ..Typography::default()
    }
}

/// Every typography at each of `widths`: the fast path and the general one agree.
fn assert_same_everywhere(doc: &Document, widths: impl Iterator<Item = u16> + Clone) {
    for width in widths {
        for bits in 0..16 {
            let t = typography(bits);
            assert_eq!(
                printed(doc, width, t, true),
                printed(doc, width, t, false),
                "at {width} columns, {t:?}"
            );
        }
    }
}

fn doc_of(parts: &[(BlockKind, String, &str)]) -> Document {
    let mut text = String::new();
    let mut blocks = Vec::new();
    for (kind, part, after) in parts {
        let start = text.len();
        text.push_str(part);
        blocks.push(Block::new(*kind, start..text.len()));
        text.push_str(after);
    }
    text.push('\n');
    let len = text.len();
    Document::from_parts(text, blocks, 0..len)
}

#[test]
fn a_plain_paragraph_and_fitting_verse_take_the_fast_path() {
    let doc = doc_of(&[
        (
            BlockKind::Paragraph,
            "It was a “bright” cold day in April, and the clocks were striking thirteen.".into(),
            "\n\n",
        ),
        (
            BlockKind::Verse,
            "Tyger Tyger, burning bright,\n    In the forests of the night;".into(),
            "\n\n",
        ),
    ]);
    let mut buf = String::new();
    for block in 0..2 {
        assert!(push_plain_block(
            &doc,
            block,
            40,
            Typography::default(),
            &mut buf
        ));
    }
    assert_eq!(
        buf,
        "It was a “bright” cold day in April, and\nthe clocks were striking thirteen.\n\n\
         Tyger Tyger, burning bright,\n    In the forests of the night;\n"
    );
}

#[test]
fn a_dash_at_a_line_end_after_a_word_cut_in_pieces_joins_as_the_general_path_does() {
    // Found by the property test below: "army—" is cut before its dash at 9 columns, and
    // the word after the source line break follows the dash.
    let doc = doc_of(&[(
        BlockKind::Heading,
        "AA aa AaaAAaaAA \"_?] 漢字。 army—\na".into(),
        "\n\n",
    )]);
    assert_same_everywhere(&doc, 1..=20);
}

#[test]
fn every_story_and_every_block_kind_prints_the_same_on_both_paths() {
    let stories = [
        include_str!("../../stories/the-clockmaker-of-saltmarket-lane.txt"),
        include_str!("../../stories/the-lighthouse-keepers-cat.txt"),
        include_str!("../../stories/the-lost-property-office.txt"),
        include_str!("../../stories/the-night-ferry.txt"),
        include_str!("../../stories/zoe-at-the-kissaten.txt"),
        include_str!("../../tests/fixtures/harbour.txt"),
    ];
    // A story a thread: the general path is slow in a debug build, and this test would
    // otherwise be the longest of the suite.
    std::thread::scope(|s| {
        for story in stories {
            s.spawn(move || {
                let widths = [1, 2, 7, 20, 33, 40, 60, 72, 80, 100, 120];
                assert_same_everywhere(&Document::from_text(story), widths.into_iter());
            });
        }
    });
    // Every block kind by hand, a long paragraph cut into pieces among them.
    let long = "word and another, ".repeat(40);
    let doc = doc_of(&[
        (BlockKind::Heading, "CHAPTER I".into(), "\n\n"),
        (BlockKind::Paragraph, "It was a bright cold day in April,\r\nand the clocks were striking thirteen. 漢字\n漢字。".into(), "\n\n"),
        (BlockKind::SceneBreak, "* * *".into(), "\n\n"),
        (BlockKind::Verse, "Tyger Tyger, burning bright,\n    In the forests of the night;\n\n  What immortal hand or eye".into(), "\n\n"),
        (BlockKind::Paragraph, long.trim_end().into(), " "),
        (BlockKind::Paragraph, long.trim_end().into(), "\n\n"),
        (BlockKind::Paragraph, "\u{3000}\u{3000}春の夜の夢の話、lamp-\npost and he--\nsaid (so) ... !".into(), "\n\n"),
        (BlockKind::Paragraph, "A verylongwordthatisfarwiderthananynarrowcolumnwouldlet through.".into(), "\n"),
        (BlockKind::Verse, "Short line\nA line of verse long enough that it runs well past the margin of a narrow column and on\n      and carries on a hanging indent".into(), "\n"),
    ]);
    assert_same_everywhere(&doc, 1..=120);
}

/// A word of a paragraph: plain ASCII mostly, now and then punctuation that breaks or
/// glues, a word longer than the column, or characters that are not one column wide.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-zA-Z]{1,9}[.,;:'\"]?",
        2 => "[a-z0-9.,;:'\"()!?/_*\\[\\]&-]{1,8}",
        1 => "[a-z]{20,130}",
        1 => prop::sample::select(vec![
            "--", "-", "lamp-", "he--", "“Indeed,”", "‘perhaps’", "café", "naïve", "army—",
            "漢字", "漢字。", "e\u{301}", "a\u{A0}b", "ｶﾞ", "👍", "…", "(", ")", ".", "\u{3000}",
            "\u{1b}[1m", "x\u{200b}y",
        ])
        .prop_map(String::from),
    ]
}

/// What comes between two words: spaces, tabs, line breaks (LF or CRLF), indentation.
fn gap() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", " ", " ", " ", " ", " ", "  ", "\n", "\r\n", "\t", " \n ", "\n    ", "\r\n  ", "\n",
        "\u{3000}",
    ])
}

/// What comes between two words of a paragraph the fast path takes.
fn plain_gap() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", " ", " ", " ", " ", " ", "  ", "\n", "\r\n", "\t", " \n ", "\n    ", "\n",
    ])
}

/// A word the fast path takes: letters, a stop or quote after them, curly quotes, and
/// now and then a word longer than a narrow column.
fn plain_word() -> impl Strategy<Value = String> {
    prop_oneof![
        30 => "[a-zA-Z]{1,12}[.,;:'\"]?",
        3 => "[“‘]?[a-zé]{1,8}[’”]?",
        2 => "[a-zA-Z0-9]{1,8}[!?]{1,2}[\"')]{0,2}",
        2 => "[(\\[]{0,2}[_*&]?[a-zA-Z]{1,8}[_*\\]>^#&]{0,2}[.,)]?",
        1 => "[a-z]{13,40}",
        2 => prop::sample::select(vec!["army—", "(so", "he!", "and/or", "well-known", "Zoë", "na\u{ef}ve"])
            .prop_map(String::from),
    ]
}

/// Mostly paragraphs the fast path takes whole; some with a word that sends them back.
fn block_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => words_text(plain_word().boxed(), plain_gap().boxed()),
        1 => words_text(word().boxed(), gap().boxed()),
    ]
}

fn words_text(
    word: BoxedStrategy<String>,
    gap: BoxedStrategy<&'static str>,
) -> impl Strategy<Value = String> {
    prop::collection::vec((word, gap), 1..40).prop_map(|words| {
        let mut s = String::new();
        for (i, (w, g)) in words.iter().enumerate() {
            if i > 0 {
                s.push_str(g);
            }
            s.push_str(w);
        }
        s
    })
}

fn kind() -> impl Strategy<Value = BlockKind> {
    prop_oneof![
        6 => Just(BlockKind::Paragraph),
        3 => Just(BlockKind::Verse),
        1 => Just(BlockKind::Heading),
        1 => Just(BlockKind::SceneBreak),
    ]
}

proptest! {
    #[test]
    fn the_fast_path_prints_what_the_general_path_prints(
        blocks in prop::collection::vec(
            (kind(), block_text(), prop::sample::select(vec!["\n\n", "\r\n\r\n", "\n", " "])),
            1..5,
        ),
        width in prop_oneof![1u16..=30, 1u16..=120],
        bits in 0u8..16,
    ) {
        let parts: Vec<(BlockKind, String, &str)> = blocks;
        let doc = doc_of(&parts);
        let t = typography(bits);
        prop_assert_eq!(printed(&doc, width, t, true), printed(&doc, width, t, false));
    }
}
