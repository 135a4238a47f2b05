//! A piece signed at its end in capitals ("JOHN CARRIER.") is not a chapter: what
//! follows the name is its footnotes or the end, not a body of its own; while a title
//! set the same way, in capitals with a stop, heads the text after it.

mod common;
use common::titles;

/// A paragraph hard-wrapped near 70 columns.
const PROSE: &str = "The lamp had burned low by the time the carrier reached the bridge,\n\
and the river below it ran loud with the rain of three whole days. He\n\
stopped to listen, then went on, because there was nothing else to do\n\
and nobody at all to tell him otherwise on such a night as this one.\n";

fn piece(title: &str) -> String {
    format!("{title}\n\n{PROSE}\n{PROSE}\n{PROSE}\n")
}

#[test]
fn a_signature_over_the_footnotes_is_no_chapter() {
    let text = format!(
        "{}{}{}JOHN CARRIER.\n\n\n\nFootnotes:\n\n{{1}}  The Mill Road: a History, \
         by the same hand, 2 vols.\n\n\n\n\n{}",
        piece("THE FIRST CROSSING"),
        piece("THE SECOND CROSSING"),
        piece("THE THIRD CROSSING"),
        piece("THE LAST CROSSING"),
    );
    assert_eq!(
        titles(&text),
        [
            "THE FIRST CROSSING",
            "THE SECOND CROSSING",
            "THE THIRD CROSSING",
            "THE LAST CROSSING"
        ]
    );
}

#[test]
fn a_signature_at_the_end_is_no_chapter() {
    let text = format!(
        "{}{}JOHN CARRIER.\n",
        piece("THE FIRST CROSSING"),
        piece("THE SECOND CROSSING"),
    );
    assert_eq!(titles(&text), ["THE FIRST CROSSING", "THE SECOND CROSSING"]);
}

#[test]
fn a_title_in_capitals_with_a_stop_over_its_text_is_a_chapter() {
    let text = format!(
        "{}{}THE MILL AT NIGHT.\n\n{PROSE}\n{PROSE}",
        piece("THE FIRST CROSSING"),
        piece("THE SECOND CROSSING"),
    );
    assert_eq!(
        titles(&text),
        [
            "THE FIRST CROSSING",
            "THE SECOND CROSSING",
            "THE MILL AT NIGHT."
        ]
    );
}
