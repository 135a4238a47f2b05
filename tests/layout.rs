//! Layout of the awkward cases: wide and zero-width characters, verse, headings, narrow
//! columns, and the navigation rules the reader relies on.

use dogear::{Block, BlockKind, Document, Layout, LineStyle, ScreenLine};

/// A document of `parts` separated by blank lines, each block of the given kind.
fn doc(parts: &[(BlockKind, &str)]) -> Document {
    let mut text = String::new();
    let mut blocks = Vec::new();
    for (kind, part) in parts {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(part);
        blocks.push(Block::new(*kind, start..text.len()));
    }
    text.push('\n');
    let len = text.len();
    Document::from_parts(text, blocks, 0..len)
}

fn para(text: &str) -> Document {
    doc(&[(BlockKind::Paragraph, text)])
}

/// Every line of block 0 at `width`, as drawn.
fn shown(doc: &Document, width: u16) -> Vec<String> {
    lines(doc, width)
        .iter()
        .map(|l| l.display(doc.text()).into_owned())
        .collect()
}

fn lines(doc: &Document, width: u16) -> Vec<ScreenLine> {
    Layout::new(width).block_lines(doc, 0).to_vec()
}

#[test]
fn cjk_is_two_columns_and_breaks_between_characters() {
    let d = para("漢字漢字漢字");
    let ls = lines(&d, 5);
    assert_eq!(shown(&d, 5), ["漢字", "漢字", "漢字"]);
    assert!(ls.iter().all(|l| l.width == 4));
}

#[test]
fn emoji_zwj_sequence_is_one_grapheme_two_wide() {
    let family = "👩\u{200D}👩\u{200D}👧";
    let d = para(&family.repeat(3));
    assert_eq!(shown(&d, 3), [family, family, family]);
    assert!(lines(&d, 3).iter().all(|l| l.width == 2));
}

#[test]
fn combining_marks_take_no_column_and_stay_with_their_letter() {
    let d = para("e\u{301}e\u{301}e\u{301}e\u{301}");
    assert_eq!(shown(&d, 2), ["e\u{301}e\u{301}", "e\u{301}e\u{301}"]);
    assert!(lines(&d, 2).iter().all(|l| l.width == 2));
}

#[test]
fn hard_wrapped_cjk_joins_without_space_and_latin_with_one() {
    let d = para("漢字\n漢字\nabc\n  def");
    assert_eq!(shown(&d, 80), ["漢字漢字 abc def"]);
    assert_eq!(lines(&d, 80)[0].width, 16);
}

#[test]
fn unchanged_prose_is_borrowed() {
    let d = para("one two three");
    let l = &lines(&d, 80)[0];
    assert!(matches!(
        l.display(d.text()),
        std::borrow::Cow::Borrowed("one two three")
    ));
}

#[test]
fn verse_hanging_continuation_joins_its_long_line() {
    let verse = "I celebrate myself, and sing myself, and what I assume you shall\n        assume, for every atom belonging to me as good belongs\nto you.\nI loafe and invite my soul,";
    let d = doc(&[(BlockKind::Verse, verse)]);
    let out = shown(&d, 200);
    assert_eq!(out[0], "I celebrate myself, and sing myself, and what I assume you shall assume, for every atom belonging to me as good belongs");
    assert_eq!(out[1..3], ["to you.", "I loafe and invite my soul,"]);
}

/// From Leaves of Grass: the margin broke "the" from "distillation," though the line
/// before it is well short of the stanza's longest.
#[test]
fn verse_hanging_continuation_after_a_shorter_line_whose_next_word_did_not_fit() {
    let verse = "  The atmosphere is not a perfume, it has no taste of the\n      distillation, it is odorless,\n  I will go to the bank by the wood and become undisguised and naked,";
    let d = doc(&[(BlockKind::Verse, verse)]);
    let out = shown(&d, 200);
    assert_eq!(out.len(), 2);
    assert!(out[0].ends_with("of the distillation, it is odorless,"));
}

#[test]
fn short_verse_keeps_its_indentation_and_line_breaks() {
    let d = doc(&[(
        BlockKind::Verse,
        "Whose woods these are\n   I think I know,\nhis   house",
    )]);
    let ls = lines(&d, 40);
    assert_eq!(
        shown(&d, 40),
        ["Whose woods these are", "I think I know,", "his   house"]
    );
    assert_eq!(ls.iter().map(|l| l.indent).collect::<Vec<_>>(), [0, 3, 0]);
}

#[test]
fn long_verse_line_wraps_with_deeper_continuation() {
    let d = doc(&[(BlockKind::Verse, "  alpha beta gamma delta epsilon")]);
    let ls = lines(&d, 16);
    assert_eq!(shown(&d, 16), ["alpha beta gamma", "delta epsilon"]);
    assert_eq!(ls.iter().map(|l| l.indent).collect::<Vec<_>>(), [0, 2]);
    assert!(ls.iter().all(|l| l.indent + l.width <= 16));
}

#[test]
fn scene_break_is_its_trimmed_marker() {
    let d = doc(&[
        (BlockKind::Paragraph, "Before."),
        (BlockKind::SceneBreak, "      *       *       *"),
        (BlockKind::Paragraph, "After."),
    ]);
    let l = Layout::new(40).block_lines(&d, 1)[0].clone();
    assert_eq!(l.style, LineStyle::SceneBreak);
    assert_eq!(l.display(d.text()), "* * *");
}

#[test]
fn heading_wraps_in_heading_style() {
    let d = doc(&[(BlockKind::Heading, "CHAPTER ONE\nIn Which We Begin")]);
    let ls = lines(&d, 12);
    assert!(ls.iter().all(|l| l.style == LineStyle::Heading));
    assert_eq!(shown(&d, 12), ["CHAPTER ONE", "In Which We", "Begin"]);
}

#[test]
fn width_one_puts_each_grapheme_on_its_own_line() {
    let d = para("ab 漢");
    assert_eq!(shown(&d, 1), ["a", "b", "漢"]);
    assert_eq!(lines(&d, 1)[2].width, 2);
}

#[test]
fn blocks_are_followed_by_a_spacer_except_the_last() {
    let d = doc(&[(BlockKind::Paragraph, "one"), (BlockKind::Paragraph, "two")]);
    let mut layout = Layout::new(20);
    let first = layout.block_lines(&d, 0);
    assert_eq!(first.len(), 2);
    assert_eq!(first[1].style, LineStyle::Blank);
    assert_eq!(first[1].range, 3..3);
    assert_eq!(layout.block_lines(&d, 1).len(), 1);
}

#[test]
fn split_block_continuation_has_no_spacer() {
    let text = "a long paragraph split here and going on\n".to_owned();
    let blocks = vec![
        Block::new(BlockKind::Paragraph, 0..22),
        Block::new(BlockKind::Paragraph, 23..40),
    ];
    let d = Document::from_parts(text, blocks, 0..41);
    let mut layout = Layout::new(80);
    let first = layout.block_lines(&d, 0);
    assert!(first.iter().all(|l| l.style == LineStyle::Text));
    // An offset in the space between the halves belongs to the first half's last line.
    let id = layout.line_at(&d, 22).unwrap();
    assert_eq!(id.block, 0);
}

#[test]
fn offsets_map_to_lines_consistently() {
    let d = doc(&[
        (BlockKind::Paragraph, "aaa bbb ccc"),
        (BlockKind::Paragraph, "ddd"),
    ]);
    let mut layout = Layout::new(3);
    // In the space between two wrapped lines: the earlier line.
    assert_eq!(layout.line_start(&d, 3), 0);
    assert_eq!(layout.line_start(&d, 5), 4);
    // Between blocks: the spacer, which starts at the block's end.
    assert_eq!(layout.line_start(&d, 12), 11);
    for offset in 0..d.text().len() {
        let start = layout.line_start(&d, offset);
        assert_eq!(layout.line_start(&d, start), start, "offset {offset}");
    }
}

#[test]
fn page_and_scroll_stay_inside_the_document() {
    let d = doc(&[
        (BlockKind::Paragraph, "a b c d e f"),
        (BlockKind::Paragraph, "g h"),
    ]);
    let mut layout = Layout::new(1);
    // Lines: a b c d e f (blank) g h: nine lines.
    let page = layout.page(&d, 0, 4);
    assert_eq!(page.len(), 4);
    let last_top = layout.last_page_top(&d, 4);
    assert_eq!(layout.page(&d, last_top, 4).len(), 4);
    assert_eq!(layout.scroll(&d, 0, 100, 4), last_top);
    assert_eq!(layout.scroll(&d, last_top, -100, 4), 0);
    assert_eq!(layout.scroll(&d, 0, isize::MAX, 4), last_top);
    assert_eq!(layout.scroll(&d, last_top, isize::MIN, 4), 0);
    let first = layout.line_at(&d, 0).unwrap();
    let end = layout.step(&d, first, isize::MAX);
    assert_eq!(layout.line(&d, end).display(d.text()), "h");
    let two = layout.scroll(&d, 0, 2, 4);
    assert_eq!(two, 4);
    assert_eq!(layout.scroll(&d, two, -2, 4), 0);
}

#[test]
fn printed_fixture() {
    let d = doc(&[
        (BlockKind::Heading, "CHAPTER I"),
        (BlockKind::Paragraph, "It was a bright cold day in April,\nand the clocks were striking thirteen. 漢字\n漢字。"),
        (BlockKind::SceneBreak, "* * *"),
        (BlockKind::Verse, "Tyger Tyger, burning bright,\n    In the forests of the night;"),
    ]);
    let mut out = Vec::new();
    dogear::print(&d, 24, &mut out).unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}

#[test]
fn scrolling_down_below_the_last_page_top_does_not_move_up() {
    let d = doc(&[(BlockKind::Paragraph, "a b c d e f g h")]);
    let mut layout = Layout::new(1);
    let last_top = layout.last_page_top(&d, 4);
    assert_eq!(last_top, 8);
    // After a jump to the last line, "down" keeps the place rather than jumping back.
    assert_eq!(layout.scroll(&d, 14, 1, 4), 14);
    assert_eq!(layout.scroll(&d, 14, -1, 4), 12);
}

#[test]
fn one_layout_handed_another_document_does_not_show_stale_lines() {
    let first = para("first document");
    let second = para("second");
    let mut layout = Layout::new(80);
    assert_eq!(
        layout.page(&first, 0, 1)[0].display(first.text()),
        "first document"
    );
    assert_eq!(
        layout.page(&second, 0, 1)[0].display(second.text()),
        "second"
    );
}

#[test]
fn line_end_hyphens_and_dashes_join_without_a_space() {
    let d = para("He kept it in his COAT-\nPOCKET under the lamp-\n  post, said he--\nand left\u{2014}\nquietly. A spaced dash -\nstays.");
    let out = shown(&d, 200);
    assert_eq!(
        out,
        ["He kept it in his COAT-POCKET under the lamp-post, said he--and left\u{2014}quietly. A spaced dash - stays."]
    );
    let l = &lines(&d, 200)[0];
    assert_eq!(usize::from(l.width), dogear::str_width(&out[0]));
}

#[test]
fn line_end_hyphen_wraps_as_a_break_opportunity() {
    let d = para("the lamp-\npost stood");
    assert_eq!(shown(&d, 9), ["the lamp-", "post", "stood"]);
    assert_eq!(shown(&d, 14), ["the lamp-post", "stood"]);
}

#[test]
fn hanging_verse_line_joins_a_line_end_hyphen_and_cjk_without_a_space() {
    let long = "So the ferryman rowed and the river ran on under the black-";
    let verse = format!("{long}\n        hulled boats,\nand night came.");
    let d = doc(&[(BlockKind::Verse, &verse)]);
    assert_eq!(
        shown(&d, 200)[0],
        "So the ferryman rowed and the river ran on under the black-hulled boats,"
    );
    let head = "春の夜に川の水はゆっくりと流れて舟は静かに岸を離れてゆき遠い";
    let verse = format!("{head}\n      山の影へと消えた\n朝が来た");
    let d = doc(&[(BlockKind::Verse, &verse)]);
    assert_eq!(shown(&d, 200)[0], format!("{head}山の影へと消えた"));
}

#[test]
fn cjk_line_break_inside_a_paragraph_joins_with_nothing_whatever_the_indent() {
    let d = para("雨が降っていた\n  けれども私は\n\u{3000}出かけた。");
    assert_eq!(shown(&d, 80), ["雨が降っていたけれども私は出かけた。"]);
}

/// Kinsoku: the source broke the line just before a comma, so the wrapper saw a space there.
#[test]
fn cjk_stop_after_a_source_line_break_does_not_start_a_line() {
    let d = para("今日は朝から雨が降っていた\n、それでも私は出かけた。");
    for width in 4..40 {
        for line in shown(&d, width) {
            assert!(!line.starts_with('、'), "{line:?} at {width}");
        }
    }
    assert_eq!(
        shown(&d, 26),
        ["今日は朝から雨が降ってい", "た、それでも私は出かけた。"]
    );
}

#[test]
fn opening_bracket_before_a_break_does_not_end_a_line() {
    let d = para("彼はこう言った「\n明日は晴れる」と。名前は「 タマ 」という猫だ。");
    for width in 8..50 {
        for line in shown(&d, width) {
            assert!(!line.ends_with('「'), "{line:?} at {width}");
            assert!(!line.starts_with('」'), "{line:?} at {width}");
        }
    }
}

/// A word wider than the line is cut by graphemes; the cut moves back rather than start
/// a line with a stop (an address glued to a closing bracket did that).
#[test]
fn an_over_wide_word_is_not_cut_before_a_stop_or_a_closing_bracket() {
    assert_eq!(shown(&para("abcdefgh."), 8), ["abcdefg", "h."]);
    let d = para("（www.example.org/）で作られました。");
    for width in 6..30 {
        for line in shown(&d, width) {
            assert!(!line.starts_with('）'), "{line:?} at {width}");
            assert!(!line.starts_with('.'), "{line:?} at {width}");
        }
    }
}

/// Kinsoku gluing ran a table row's wide column gap into one unbreakable piece.
#[test]
fn a_verse_column_gap_before_a_stop_is_still_a_break() {
    let d = doc(&[(
        BlockKind::Verse,
        "1F481 1F3FF                                  ; fully-qualified",
    )]);
    assert_eq!(shown(&d, 30), ["1F481 1F3FF", "; fully-qualified"]);
}

/// A source with its quotation marks the wrong way round (’like this‘): gluing them to
/// the words beside them left a short line.
#[test]
fn latin_quotation_marks_after_a_space_do_not_glue_words() {
    let d =
        para("right-wing politicians backing repressive \u{2019}anti-terror\u{2018} legislation");
    assert_eq!(
        shown(&d, 50),
        [
            "right-wing politicians backing repressive",
            "\u{2019}anti-terror\u{2018} legislation"
        ]
    );
}

/// The ideographic space that starts a Japanese paragraph is its indent: it was dropped.
#[test]
fn an_ideographic_space_starting_a_paragraph_is_its_first_line_indent() {
    let d = para("\u{3000}吾輩は猫である。名前はまだ無い。\n\u{3000}どこで生れたか");
    let ls = lines(&d, 20);
    assert_eq!(ls.iter().map(|l| l.indent).collect::<Vec<_>>(), [2, 0, 0]);
    assert_eq!(
        shown(&d, 20),
        ["吾輩は猫である。名", "前はまだ無い。どこで", "生れたか"]
    );
    assert!(ls.iter().all(|l| l.indent + l.width <= 20));
}
