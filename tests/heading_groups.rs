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
