//! Optimal-fit line breaking (`optimal_fit = true`): a paragraph's lines evenly full, its
//! words all kept, verse untouched, and a paragraph too long for it broken first-fit.

use dogear::{Block, BlockKind, Document, Layout, LineStyle, Typography, OPTIMAL_MAX_WORDS};

const OPTIMAL: Typography = Typography {
    justify: false,
    hyphenate: false,
    indent: false,
    optimal: true,
    language: dogear::Language::Auto,
};

/// Every line of `doc` at `width` as drawn, text lines only.
fn lines(doc: &Document, width: u16, typography: Typography) -> Vec<String> {
    let mut layout = Layout::new(width);
    layout.set_typography(typography);
    (0..doc.blocks().len())
        .flat_map(|b| layout.block_lines(doc, b).to_vec())
        .filter(|l| l.style != LineStyle::Blank)
        .map(|l| l.display(doc.text()).into_owned())
        .collect()
}

fn words(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .flat_map(|l| l.split_whitespace().map(str::to_owned))
        .collect()
}

/// The sum of the squares of the unused columns of every line but the last.
fn raggedness(lines: &[String], width: usize) -> usize {
    let n = lines.len().saturating_sub(1);
    lines[..n]
        .iter()
        .map(|l| width.saturating_sub(l.chars().count()).pow(2))
        .sum()
}

#[test]
fn optimal_fit_evens_out_the_lines_first_fit_leaves_ragged() {
    let text = "aaa bb cc ddddd eee fff ggg hhhh ii jjj kk lllllll mm nnn ooo pppp qq \
                rrrrr ss ttt uuuu vv wwwww xx yyyy zzz, and then the end of it all.\n";
    let doc = Document::from_text(text);
    for width in [12, 16, 20, 24, 30] {
        let first = lines(&doc, width, Typography::default());
        let optimal = lines(&doc, width, OPTIMAL);
        assert_eq!(words(&first), words(&optimal), "no word lost at {width}");
        assert!(
            optimal
                .iter()
                .all(|l| l.chars().count() <= usize::from(width)),
            "{optimal:#?}"
        );
        let w = usize::from(width);
        assert!(
            raggedness(&optimal, w) <= raggedness(&first, w),
            "at {width}: {optimal:#?} is more ragged than {first:#?}"
        );
    }
    // textwrap's own example: first fit leaves "the" alone on a line.
    let hamlet = Document::from_text("To be, or not to be: that is the question\n");
    assert_eq!(
        lines(&hamlet, 10, Typography::default()),
        ["To be, or", "not to be:", "that is", "the", "question"]
    );
    assert_eq!(
        lines(&hamlet, 10, OPTIMAL),
        ["To be,", "or not to", "be: that", "is the", "question"]
    );
}

#[test]
fn verse_and_headings_keep_their_lines() {
    let text = "THE SONG OF THE LONG ROAD HOME TO THE SEA\n\n\
                The road goes ever on and on,\n\
                Down from the door where it began.\n\
                Now far ahead the road has gone,\n\
                And I must follow, if I can.\n";
    let doc = Document::from_text(text);
    for width in [20, 30, 72] {
        assert_eq!(
            lines(&doc, width, Typography::default()),
            lines(&doc, width, OPTIMAL)
        );
    }
}

#[test]
fn a_paragraph_of_more_words_than_the_cap_is_broken_first_fit() {
    // One block of its own (not cut into pieces), with more words than the cap.
    let text: String = (0..OPTIMAL_MAX_WORDS + 50)
        .map(|i| ["a", "bb", "ccc", "dddd", "eeeee"][i % 5])
        .collect::<Vec<_>>()
        .join(" ");
    let body = 0..text.len();
    let block = Block::new(BlockKind::Paragraph, body.clone());
    let doc = Document::from_parts(text, vec![block], body);
    assert_eq!(
        lines(&doc, 21, OPTIMAL),
        lines(&doc, 21, Typography::default())
    );
    // Below the cap the same words break otherwise: the cap is what chose first fit.
    let short: String = doc.text()[..doc.text().len() / 2].to_owned();
    let short = Document::from_text(&short);
    assert_ne!(
        lines(&short, 21, OPTIMAL),
        lines(&short, 21, Typography::default())
    );
}

#[test]
fn a_ten_megabyte_line_with_optimal_fit_shows_its_middle_at_once() {
    let sentence = "The lamp by the window burned low all night, and nobody could say why. ";
    let text = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    let doc = Document::from_text(&text);
    let mut layout = Layout::new(72);
    layout.set_typography(OPTIMAL);
    let page = layout.page(&doc, text.len() / 2, 40);
    assert_eq!(page.len(), 40);
    assert!(page.iter().all(|l| l.width <= 72));
}
