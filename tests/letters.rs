//! A letter's closing and signature set far to the right, as its writer placed them:
//! never run into the letter's last sentence.

mod common;
use common::printed;

use dogear::{BlockKind, Document};

/// A letter hard-wrapped near 65 columns that ends on a comma, signed far to the right.
const LETTER: &str = concat!(
    "\"DEAR MR. CARRIER:--I am very anxious to ask you whether I should\n",
    "or should not accept the place which has been offered to me at the\n",
    "mill. I shall call at half-past ten to-morrow if I do not trouble\n",
    "you. Yours faithfully,\n",
    "                                               \"ANNA MILLER.\"\n",
    "\n",
    "\"Do you know the young lady?\" I asked, and he said that he did not.\n",
);

#[test]
fn a_signature_under_a_closing_comma_is_not_run_into_the_letter() {
    let doc = Document::from_text(LETTER);
    let texts: Vec<&str> = doc
        .blocks()
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .map(|b| doc.text()[b.range()].trim())
        .collect();
    assert!(texts.contains(&"\"ANNA MILLER.\""), "{texts:#?}");
    let lines = printed(LETTER, 60);
    assert!(
        lines.iter().any(|l| l.trim() == "\"ANNA MILLER.\""),
        "{lines:#?}"
    );
}

#[test]
fn a_signature_set_far_to_the_right_stays_there_at_any_width() {
    let indent = |l: &str| l.len() - l.trim_start().len();
    for width in [40, 60, 80] {
        let lines = printed(LETTER, width);
        let signed = lines.iter().find(|l| l.contains("ANNA")).unwrap();
        // Its left edge as far across the column as across the source's 72.
        let room = usize::from(width) - 14;
        let tenths = indent(signed) * 10;
        assert!(
            tenths >= 8 * room && tenths <= 9 * room,
            "{width}: {lines:#?}"
        );
    }
}

#[test]
fn a_closing_of_two_lines_keeps_its_shape_far_to_the_right() {
    let text = concat!(
        "and I remain, dear Mr. Carrier, with every good wish for the mill,\n",
        "\n",
        "                                      \"Very truly yours,\n",
        "                                   \"ANNA MILLER, nee BROOK.\"\n",
        "\n",
        "\"What a woman!\" cried the carrier, when we had all three read it.\n",
    );
    let indent = |l: &str| l.len() - l.trim_start().len();
    for width in [40, 72] {
        let lines = printed(text, width);
        let yours = lines.iter().find(|l| l.contains("Very truly")).unwrap();
        let anna = lines.iter().find(|l| l.contains("ANNA")).unwrap();
        assert_eq!(indent(yours), indent(anna) + 3, "{lines:#?}");
        assert!(indent(anna) > usize::from(width) / 4, "{lines:#?}");
        assert!(anna.len() <= usize::from(width), "{lines:#?}");
    }
    let lines = printed(text, 72);
    let anna = lines.iter().find(|l| l.contains("ANNA")).unwrap();
    assert_eq!(
        indent(anna),
        35,
        "as written at the source's width: {lines:#?}"
    );
}
