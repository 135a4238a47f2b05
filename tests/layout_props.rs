//! Invariants of the layout and of quote anchors, over random texts and widths.

use dogear::{
    anchor, floor_char_boundary, is_joined, is_tight_join, refind, str_width, Block, BlockKind,
    Document, Found, Layout, LineEnd, LineStyle, ScreenLine,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Words with every kind of width trap.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-z]{1,10}",
        1 => "[a-z]{20,50}",
        1 => "[a-z]{1,5}[.,;:'\"()-]{1,2}[a-z]{0,5}",
        2 => "[漢字日本語中文、。]{1,8}",
        1 => Just("👩\u{200D}👩\u{200D}👧".to_owned()),
        1 => Just("🇫🇷🇯🇵".to_owned()),
        1 => Just("e\u{301}a\u{308}o\u{302}".to_owned()),
        1 => Just("well—known".to_owned()),
        1 => Just("naïve".to_owned()),
        1 => Just("👍🏽a👩\u{200D}👩\u{200D}👧b".to_owned()),
        1 => Just("ｆｕｌｌ한국어".to_owned()),
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![6 => Just(" "), 1 => Just("  "), 2 => Just("\n"), 1 => Just("\n   "), 1 => Just("\u{3000}")]
}

fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((word(), separator()), 1..max).prop_map(|parts| {
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

fn verse() -> impl Strategy<Value = String> {
    prop::collection::vec((0usize..8, words(12)), 1..6).prop_map(|lines| {
        let lines: Vec<String> = lines
            .into_iter()
            .map(|(indent, l)| format!("{}{}", " ".repeat(indent), l.replace('\n', " ")))
            .collect();
        lines.join("\n")
    })
}

fn block() -> impl Strategy<Value = (BlockKind, String)> {
    prop_oneof![
        4 => words(40).prop_map(|t| (BlockKind::Paragraph, t)),
        2 => verse().prop_map(|t| (BlockKind::Verse, t)),
        1 => words(6).prop_map(|t| (BlockKind::Heading, t)),
        1 => Just((BlockKind::SceneBreak, "   *   *   *".to_owned())),
    ]
}

/// Blocks separated by blank lines, or, now and then, by a space only: a long block that
/// the document split mid-line.
fn document() -> impl Strategy<Value = Document> {
    prop::collection::vec((block(), prop::bool::weighted(0.15)), 1..8).prop_map(|parts| {
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

fn all_lines(layout: &mut Layout, doc: &Document) -> Vec<(usize, ScreenLine)> {
    (0..doc.blocks().len())
        .flat_map(|b| {
            layout
                .block_lines(doc, b)
                .iter()
                .cloned()
                .map(move |l| (b, l))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn non_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn lines_fit_and_lose_no_words(doc in document(), width in 1u16..200) {
        let text = doc.text();
        let mut layout = Layout::new(width);
        let lines = all_lines(&mut layout, &doc);
        // A block cut from a long paragraph reads as one with the piece before it, so the
        // checks run over each run of joined blocks.
        let mut groups: Vec<(usize, usize)> = Vec::new();
        for b in 0..doc.blocks().len() {
            match groups.last_mut() {
                Some(g) if is_joined(&doc, b) => g.1 = b,
                _ => groups.push((b, b)),
            }
        }
        for (first, last) in groups {
            let block = Block::new(doc.blocks()[first].kind, doc.blocks()[first].start()..doc.blocks()[last].end());
            let mine: Vec<&ScreenLine> = lines.iter().filter(|(i, _)| (first..=last).contains(i)).map(|(_, l)| l).collect();
            let shown: String = mine.iter().map(|l| l.display(text)).collect();
            prop_assert_eq!(non_space(&shown), non_space(&text[block.range()]));
            let bounds: Vec<usize> = text[block.range()]
                .grapheme_indices(true)
                .map(|(i, _)| block.start() + i)
                .chain([block.end()])
                .collect();
            // The lines read as the whole block would on one endless line: no word split
            // or merged at a line break.
            let verse = block.kind == BlockKind::Verse;
            let whole = ScreenLine { range: block.range(), style: LineStyle::Text, indent: 0, width: 0, verbatim: verse, end: LineEnd::Last };
            let text_lines: Vec<&&ScreenLine> = mine.iter().filter(|l| l.style != LineStyle::Blank).collect();
            let mut joined = String::new();
            for (i, l) in text_lines.iter().enumerate() {
                if i > 0 {
                    let prev = &text_lines[i - 1];
                    let gap = &text[prev.range.end..l.range.start];
                    let tight = is_tight_join(&text[..prev.range.end], gap, &text[l.range.start..]);
                    if tight {
                        // Joined with nothing: CJK, or a line-end hyphen.
                    } else if verse {
                        joined.push_str(if gap.contains('\n') { " " } else { gap });
                    } else if !gap.is_empty() {
                        joined.push(' ');
                    }
                }
                joined.push_str(&l.display(text));
            }
            prop_assert_eq!(joined, whole.display(text).into_owned());
            for pair in mine.windows(2) {
                let between = &text[pair[0].range.end..pair[1].range.start];
                prop_assert!(between.chars().all(char::is_whitespace), "{:?}", between);
            }
            for l in &mine {
                let d = l.display(text);
                prop_assert!(text.is_char_boundary(l.range.start) && text.is_char_boundary(l.range.end));
                prop_assert!(bounds.contains(&l.range.start) && bounds.contains(&l.range.end),
                    "line {:?} cuts a grapheme", d);
                prop_assert_eq!(usize::from(l.width), str_width(&d), "width of {:?}", d);
                let fits = usize::from(l.indent + l.width) <= usize::from(width);
                prop_assert!(fits || d.graphemes(true).count() == 1,
                    "{:?} is {} + {} wide at {}", d, l.indent, l.width, width);
            }
        }
    }

    #[test]
    fn a_place_survives_a_trip_through_another_width(
        doc in document(), w1 in 1u16..200, w2 in 1u16..200, at in 0.0f64..1.0, height in 1usize..30,
    ) {
        let p = place(doc.text(), at);
        let mut layout = Layout::new(w1);
        let top = layout.line_start(&doc, p);
        let before = layout.page(&doc, top, height);
        layout.set_width(w2);
        let id = layout.line_at(&doc, p).unwrap();
        let line = layout.line(&doc, id);
        prop_assert!(line.range.start <= p || id.line == 0);
        prop_assert_eq!(layout.line_at(&doc, line.range.start), Some(id));
        let start = layout.line_start(&doc, p);
        prop_assert_eq!(layout.line_start(&doc, start), start);
        layout.set_width(w1);
        let again = layout.line_start(&doc, p);
        let after = layout.page(&doc, again, height);
        prop_assert_eq!(before.first(), after.first());
    }

    #[test]
    fn scrolling_down_then_up_comes_back(
        doc in document(), width in 1u16..120, at in 0.0f64..1.0, n in 0isize..40, height in 1usize..30,
    ) {
        let p = place(doc.text(), at);
        let mut layout = Layout::new(width);
        let top = layout.line_start(&doc, p);
        let last = layout.last_page_top(&doc, height);
        let down = layout.scroll(&doc, top, n, height);
        let page = layout.page(&doc, down, height);
        prop_assert!(!page.is_empty());
        if top < last && down < last {
            prop_assert_eq!(layout.scroll(&doc, down, -n, height), top);
        }
        prop_assert!(down <= last.max(top));
        prop_assert_eq!(layout.page(&doc, last, height).len(), height.min(
            all_lines(&mut layout, &doc).len()));
    }
}

/// Random prose unlikely to repeat itself, so a quote is unique.
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![4 => "[a-z]{2,9}", 1 => "[漢字日本語]{1,3}"],
        60..200,
    )
    .prop_map(|w| w.join(" "))
}

/// The place `at` (a fraction, 0 to 1) of the way through `text`.
#[allow(
    clippy::cast_possible_truncation,
    reason = "the product is at most the length, and `as` from a float saturates"
)]
fn place(text: &str, at: f64) -> usize {
    floor_char_boundary(text, (text.len() as f64 * at) as usize)
}

fn plain(text: String) -> Document {
    let len = text.len();
    Document::from_parts(text, Vec::new(), 0..len)
}

proptest! {
    #[test]
    fn an_unedited_text_finds_the_exact_place(text in prose(), at in 0.0f64..1.0) {
        let doc = plain(text);
        let p = place(doc.text(), at);
        prop_assert_eq!(refind(&anchor(&doc, p), &doc), (p, Found::Exact));
    }

    #[test]
    fn an_edit_elsewhere_moves_the_place_with_its_text(
        text in prose(), at in 0.0f64..1.0, edit_at in 0.0f64..1.0, inserted in "[A-Z ]{1,40}", delete in 0usize..30,
    ) {
        let doc = plain(text.clone());
        let p = place(&text, at);
        let saved = anchor(&doc, p);
        let e = place(&text, edit_at);
        let far = dogear::QUOTE_BYTES + 1;
        let (edited, expected) = if e + far <= p {
            // Delete before the place, then insert: the place shifts by the difference.
            let end = floor_char_boundary(&text, (e + delete).min(p - far + 1));
            let edited = format!("{}{}{}", &text[..e], inserted, &text[end..]);
            let moved = p + inserted.len() - (end - e);
            (edited, (moved, if moved == p { Found::Exact } else { Found::Moved }))
        } else if e >= p + far {
            let edited = format!("{}{}{}", &text[..e], inserted, &text[e..]);
            (edited, (p, Found::Exact))
        } else {
            return Ok(());
        };
        prop_assert_eq!(refind(&saved, &plain(edited)), expected);
    }
}
