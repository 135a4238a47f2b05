//! A bulleted list with no blank lines between its items: each item is a block of its
//! own, never run into the one before (`...the oars * the ladder...`).

mod common;

use dogear::Document;

const LIST: &str = concat!(
    "Some things to remember before the winter comes and the ferry stops:\n",
    "\n",
    "* the tins are in the shed behind the post office, next to the old nets and the oars\n",
    "* the ladder needs a new rung\n",
    "  before the winter\n",
    "* the cat eats sardines, and only sardines, whatever Dunne says about it\n",
);

#[test]
fn each_bullet_starts_an_item_of_its_own() {
    let mut out = Vec::new();
    dogear::print(&Document::from_text(LIST), 40, &mut out).unwrap();
    let printed = String::from_utf8(out).unwrap();
    let items = printed.lines().filter(|l| l.starts_with("* ")).count();
    assert_eq!(items, 3, "{printed}");
    assert!(!printed.contains(" * "), "{printed}");
}

/// Dialogue marked with dashes, as many translations set it, hard-wrapped with no blank
/// lines: each speech a paragraph of its own, reflowed (not kept line for line).
const DIALOGUE: &str = concat!(
    "- Where are you going at this hour? she asked, without looking up from the\n",
    "nets she was mending by the light of the one lamp left in the kitchen.\n",
    "- Home, he said, and stood a while at the door as if he meant to say more,\n",
    "but the wind took the words and he went out into the dark of the quay.\n",
    "- Then go, she said to nobody, and the needle went on through the knots.\n",
);

#[test]
fn dialogue_marked_with_dashes_in_wrapped_prose_is_reflowed_a_speech_a_paragraph() {
    let doc = Document::from_text(DIALOGUE);
    assert_eq!(doc.blocks().len(), 3, "{:?}", doc.blocks());
    assert!(
        doc.blocks()
            .iter()
            .all(|b| b.kind == dogear::BlockKind::Paragraph),
        "{:?}",
        doc.blocks()
    );
    let mut out = Vec::new();
    dogear::print(&doc, 100, &mut out).unwrap();
    let printed = String::from_utf8(out).unwrap();
    assert!(
        printed.contains("without looking up from the nets she was mending"),
        "{printed}"
    );
}

/// A list hard-wrapped at 80 columns, as Markdown files are: an item's second sentence
/// starts a line under its text.
const WRAPPED_ITEMS: &str = concat!(
    "* **Lamp**: The lamp is lit at dusk and trimmed every fourth hour, whatever the\n",
    "  weather and whoever is on watch. Every keeper keeps the log of the oil burned.\n",
    "  Logs are sent to the board at the end of each quarter, with the keeper's name\n",
    "  and the hours kept.\n",
    "* **Bell**: Rung in fog, once a minute, until the fog lifts.\n",
);

#[test]
fn an_items_next_sentence_under_its_text_goes_on_in_the_item() {
    let lines = common::printed(WRAPPED_ITEMS, 60);
    let logs = lines.iter().find(|l| l.contains("Logs are"));
    // Reflowed: the sentence runs on after the one before on its line.
    assert!(
        logs.is_some_and(|l| l.contains("burned. Logs are")),
        "{lines:#?}"
    );
    assert!(lines.iter().all(|l| l.chars().count() <= 60), "{lines:#?}");
    assert_eq!(lines.iter().filter(|l| l.starts_with("* ")).count(), 2);
}
