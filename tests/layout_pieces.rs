//! A block longer than `MAX_BLOCK` is cut into pieces by the document; the cut must never
//! show on the page. Each text here is laid out twice, as the document cuts it and as one
//! uncut block. Verse must read exactly the same at every width. Prose reads the same
//! where the first-fit runs from the two sides of a cut have met before it (most cuts at
//! reading widths, on real text); where they have not, the lines before the cut are
//! evened out, so that no line is left short: every line is still as full as first-fit
//! would leave it, give or take a few columns.

use dogear::{
    blocks::MAX_BLOCK, is_cjk, is_joined, str_width, Block, BlockKind, Document, Layout, LineStyle,
};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

/// The document as detected, and the same text with each run of pieces as one block.
fn capped_and_whole(text: &str) -> (Document, Document) {
    let capped = Document::from_text(text);
    let mut blocks: Vec<Block> = Vec::new();
    for (i, b) in capped.blocks().iter().enumerate() {
        let continues =
            i > 0 && !capped.text()[capped.blocks()[i - 1].end()..b.start()].contains('\n');
        match blocks.last_mut() {
            Some(last) if continues => last.set_end(b.end()),
            _ => blocks.push(b.clone()),
        }
    }
    assert!(
        blocks.len() < capped.blocks().len(),
        "the text was not cut: make it longer"
    );
    let whole = Document::from_parts(capped.text().to_owned(), blocks, capped.body());
    (capped, whole)
}

/// Every text line as drawn: indentation and text.
fn drawn(doc: &Document, width: u16) -> Vec<(u16, String)> {
    let mut layout = Layout::new(width);
    (0..doc.blocks().len())
        .flat_map(|b| layout.block_lines(doc, b).to_vec())
        .filter(|l| l.style != LineStyle::Blank)
        .map(|l| (l.indent, l.display(doc.text()).into_owned()))
        .collect()
}

/// `Err` with the first line that differs, and its neighbours.
fn same(mine: &[(u16, String)], whole: &[(u16, String)]) -> Result<(), String> {
    let Some(i) = (0..mine.len().max(whole.len())).find(|&i| mine.get(i) != whole.get(i)) else {
        return Ok(());
    };
    let around = |v: &[(u16, String)]| v[i.saturating_sub(2)..(i + 2).min(v.len())].to_vec();
    Err(format!(
        "line {i} of {}/{}: cut {:?}\nwhole {:?}",
        mine.len(),
        whole.len(),
        around(mine),
        around(whole)
    ))
}

/// Offsets map to lines and back on the cut document, and every line fits.
fn check_places(doc: &Document, width: u16) {
    let mut layout = Layout::new(width);
    for b in 0..doc.blocks().len() {
        let lines = layout.block_lines(doc, b);
        for (n, l) in lines.iter().enumerate() {
            assert!(l.indent + l.width <= width || l.display(doc.text()).chars().count() == 1);
            if l.style != LineStyle::Blank || n == 0 {
                let id = layout.line_at(doc, l.range.start).unwrap();
                assert_eq!((id.block, id.line), (b, n), "line {:?}", l.range);
            }
        }
    }
}

/// The most columns a line leaves unused beyond what the next line's first word needed
/// (first-fit never leaves any); the last line excepted.
fn excess(lines: &[(u16, String)], width: u16) -> i64 {
    lines
        .windows(2)
        .map(|pair| {
            let unused = i64::from(width) - i64::from(pair[0].0) - str_width(&pair[0].1) as i64;
            let first = pair[1].1.split(' ').next().unwrap_or("");
            let need = if first.chars().next().is_some_and(is_cjk) {
                2
            } else {
                str_width(first)
            };
            unused - need as i64 - 1
        })
        .max()
        .unwrap_or(0)
}

fn non_space(lines: &[(u16, String)]) -> String {
    lines
        .iter()
        .flat_map(|(_, s)| s.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn prose_words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => "[a-z]{1,11}",
            1 => "[A-Z][a-z]{2,8}[.,;]",
            1 => "[漢字日本語]{1,4}",
            1 => Just("well\u{2014}known".to_owned()),
        ],
        5_000..7_000,
    )
    .prop_map(|w| w.join(" "))
}

fn verse_lines() -> impl Strategy<Value = String> {
    prop::collection::vec((0usize..3, "[a-z]{1,8}( [a-z]{1,8}){1,5}"), 1_500..2_000).prop_map(
        |lines| {
            let lines: Vec<String> = lines
                .into_iter()
                .map(|(indent, l)| format!("{}{l}", "  ".repeat(indent)))
                .collect();
            lines.join("\n")
        },
    )
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 12,
        rng_seed: RngSeed::Fixed(0x5EA4),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_long_paragraph_has_no_short_line_at_a_cut(text in prose_words(), w in 8u16..120) {
        let (capped, whole) = capped_and_whole(&text);
        for width in [w, w / 2 + 4, 72, 37] {
            let mine = drawn(&capped, width);
            let theirs = drawn(&whole, width);
            prop_assert_eq!(non_space(&mine), non_space(&theirs));
            prop_assert!(excess(&theirs, width) < 0);
            let e = excess(&mine, width);
            prop_assert!(e <= i64::from(width / 4 + 4), "{} columns too many at {}", e, width);
            check_places(&capped, width);
        }
    }

    #[test]
    fn long_verse_reads_as_if_it_were_not_cut(text in verse_lines(), w in 10u16..120) {
        let (capped, whole) = capped_and_whole(&text);
        prop_assert!(capped.blocks().iter().all(|b| b.kind == BlockKind::Verse));
        for width in [w, 72, 20] {
            let r = same(&drawn(&capped, width), &drawn(&whole, width));
            prop_assert!(r.is_ok(), "width {}: {}", width, r.unwrap_err());
            check_places(&capped, width);
        }
    }
}

/// Unbroken CJK: every line of a run of ideographs holds the same number of characters,
/// so two wraps from different starts may never meet. Nothing is lost, no line starts
/// with a stop, and none is left short.
#[test]
fn a_long_cjk_line_has_no_short_line_at_a_cut() {
    let sentence = "吾輩はここで始めて人間というものを見た、しかもあとで聞くとそれは書生という人間中で一番悪い種族であったそうだ。";
    let text = format!("\u{3000}{}", sentence.repeat(400));
    let (capped, whole) = capped_and_whole(&text);
    for width in [20u16, 31, 40, 61, 80] {
        let mine = drawn(&capped, width);
        let theirs = drawn(&whole, width);
        assert_eq!(non_space(&mine), non_space(&theirs), "width {width}");
        let e = excess(&mine, width);
        assert!(
            e <= i64::from(width / 4 + 4),
            "{e} columns too many at {width}"
        );
        for (_, line) in &mine {
            assert!(
                !line.starts_with('、') && !line.starts_with('。'),
                "{line:?}"
            );
        }
        check_places(&capped, width);
    }
}

/// Made-up prose of a natural rhythm: words of many lengths, no repeating pattern.
fn rambling(words: usize) -> String {
    let pool = [
        "the",
        "river",
        "ran",
        "quietly",
        "past",
        "an",
        "old",
        "mill",
        "where",
        "nobody",
        "had",
        "worked",
        "for",
        "years,",
        "and",
        "children",
        "sometimes",
        "threw",
        "stones",
        "at",
        "its",
        "broken",
        "windows;",
        "evening",
        "came",
        "slowly",
        "over",
        "fields.",
    ];
    let mut seed: u64 = 7;
    (0..words)
        .map(|_| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            pool[(seed >> 33) as usize % pool.len()]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Before: each piece of a long paragraph started a new line, leaving the line before the
/// cut short. Here the first-fit runs meet before each cut, so the page is exactly the
/// uncut one.
#[test]
fn the_line_before_a_cut_is_full() {
    let text = rambling(9_000);
    assert!(text.len() > 2 * MAX_BLOCK);
    let (capped, whole) = capped_and_whole(&text);
    assert!(is_joined(&capped, 1));
    for width in [30u16, 40, 72] {
        if let Err(e) = same(&drawn(&capped, width), &drawn(&whole, width)) {
            panic!("width {width}: {e}");
        }
    }
}
