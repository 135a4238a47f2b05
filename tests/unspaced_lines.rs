//! One paragraph per line with no blank line between them (a story pasted without its
//! spacing): every line is the author's paragraph, short dialogue and long narration
//! alike; none is set as verse with a hanging indent.

use dogear::{BlockKind, Document};

const STORY: &str = concat!(
    "Marta climbed the ladder to the lamp room with the tins of paint hooked over one arm and the brush between her teeth, because there was no other way to carry all of it at once.\n",
    "\"You'll fall,\" said Dunne from below.\n",
    "\"I won't.\"\n",
    "\"You will, and then who will feed the cat?\"\n",
    "She did not answer him. The wind was getting up, and the ladder shook under her as she went, but she had been climbing it for eleven years and it had never once let her down.\n",
    "\"Is that the ferry?\"\n",
    "Below, the harbour was emptying as the boats went out one after another on the tide, their engines coughing in the cold, the gulls wheeling after them.\n",
    "\"It is. Late again.\"\n",
);

#[test]
fn each_line_of_an_unspaced_story_is_a_paragraph() {
    let doc = Document::from_text(STORY);
    let blocks: Vec<(BlockKind, &str)> = doc
        .blocks()
        .iter()
        .map(|b| (b.kind, doc.text()[b.range()].trim()))
        .collect();
    assert_eq!(blocks.len(), STORY.lines().count(), "{blocks:#?}");
    assert!(
        blocks.iter().all(|(kind, _)| *kind == BlockKind::Paragraph),
        "{blocks:#?}"
    );
}

#[test]
fn no_line_of_an_unspaced_story_hangs_like_verse() {
    let mut out = Vec::new();
    dogear::print(&Document::from_text(STORY), 50, &mut out).unwrap();
    let printed = String::from_utf8(out).unwrap();
    assert!(!printed.lines().any(|l| l.starts_with(' ')), "{printed}");
}

/// One long line of ten that ends without a full stop (a dash, a broken-off thought) does
/// not make the whole story verse.
#[test]
fn one_long_line_in_ten_that_ends_open_keeps_the_lines_paragraphs() {
    let mut story = String::new();
    for n in 0..10 {
        let end = match n {
            4 => "and the ladder shook under her as she went, though it never once let her —",
            _ => "and the ladder shook under her as she went, though it never once let her down.",
        };
        story.push_str(&format!(
            "On the {n}th day Marta climbed to the lamp room with the tins of paint, {end}\n"
        ));
        story.push_str("\"You'll fall,\" said Dunne from below.\n");
    }
    let doc = Document::from_text(&story);
    let paragraphs = doc
        .blocks()
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .count();
    assert!(paragraphs >= 18, "{:#?}", doc.blocks());
    let mut out = Vec::new();
    dogear::print(&doc, 50, &mut out).unwrap();
    let printed = String::from_utf8(out).unwrap();
    assert!(!printed.lines().any(|l| l.starts_with(' ')), "{printed}");
}
