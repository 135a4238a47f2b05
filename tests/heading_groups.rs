//! What a short line under a heading line may be: its title's second line ("THE START OF
//! IT"), but not a line of two sentences, which is the text the heading stands over.

mod common;
use common::titles;

#[test]
fn a_line_of_two_sentences_under_a_capital_label_is_not_part_of_its_title() {
    let text = "Questions for the keepers' examination, set in the spring.\n%\n\
LIGHTS AND LAMPS\n\
Describe the lamp.  Give three examples.\n\
%\n\
The sea is wide and the boat is small.\n";
    let t = titles(text);
    assert!(t.iter().all(|t| !t.contains("Describe")), "{t:?}");
}

#[test]
fn a_signature_and_a_place_and_date_under_a_preface_are_no_chapters() {
    let para = "I have kept this light for thirty years, and I have written down what\n\
I saw from it, which is not much, but it is true.\n\n";
    let text = format!(
        "PREFACE\n\n{para}                    JAMES MORROW.\n\nPLYMOUTH, MAY 3, 1911.\n\n\n\nCHAPTER I\n\n{para}{para}\
Falmouth, 12th June 1911.\n\nCHAPTER II\n\n{para}"
    );
    assert_eq!(titles(&text), ["PREFACE", "CHAPTER I", "CHAPTER II"]);
}
