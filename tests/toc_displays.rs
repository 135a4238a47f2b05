//! Headings that are a part of the story's text rather than divisions of the book: a
//! display the prose introduces with a colon (a newspaper's headline, a recited poem's
//! title), and the book's title again over its first story (a half-title).

mod common;
use common::titles;

/// A paragraph hard-wrapped near 70 columns.
const PROSE: &str = "The lamp had burned low by the time the carrier reached the bridge,\n\
and the river below it ran loud with the rain of three whole days. He\n\
stopped to listen, then went on, because there was nothing else to do\n\
and nobody at all to tell him otherwise on such a night as this one.\n";

fn piece(title: &str) -> String {
    format!("\n\n\n{title}\n\n{PROSE}\n{PROSE}\n{PROSE}\n")
}

#[test]
fn a_headline_the_prose_introduces_is_no_chapter() {
    let text = format!(
        "{}He unfolded the paper by the lamp. This was the notice:\n\n\
         {:>20}THE MILL ROAD FLOODED\n{:>24}A CARRIER MISSING\n\n{PROSE}\n{}",
        piece("THE FIRST CROSSING"),
        "",
        "",
        piece("THE SECOND CROSSING"),
    );
    assert_eq!(titles(&text), ["THE FIRST CROSSING", "THE SECOND CROSSING"]);
}

#[test]
fn a_headline_with_no_colon_before_it_is_still_listed() {
    // The same headline after a sentence that ends: it may head a piece, as before.
    let text = format!(
        "{}He unfolded the paper by the lamp and read.\n\n\
         {:>20}THE MILL ROAD FLOODED\n\n{PROSE}\n{}",
        piece("THE FIRST CROSSING"),
        "",
        piece("THE SECOND CROSSING"),
    );
    assert_eq!(
        titles(&text),
        [
            "THE FIRST CROSSING",
            "THE MILL ROAD FLOODED",
            "THE SECOND CROSSING"
        ]
    );
}

#[test]
fn a_numbered_heading_after_a_colon_is_still_a_chapter() {
    let text = format!(
        "CHAPTER I\n\n{PROSE}\nAnd so it began:\n\nCHAPTER II\n\n{PROSE}\n\nCHAPTER III\n\n{PROSE}"
    );
    assert_eq!(titles(&text), ["CHAPTER I", "CHAPTER II", "CHAPTER III"]);
}

#[test]
fn the_books_title_again_over_its_first_story_is_not_joined_to_it() {
    let text = format!(
        "\n\nHARBOUR LIGHTS\n\nBy A. N. Writer\n\n\n\n\nHARBOUR LIGHTS\n\n\n\nTHE FIRST CROSSING\n\n{PROSE}\n{PROSE}\n{}",
        piece("THE SECOND CROSSING") + &piece("THE THIRD CROSSING"),
    );
    assert_eq!(
        titles(&text),
        [
            "HARBOUR LIGHTS",
            "THE FIRST CROSSING",
            "THE SECOND CROSSING",
            "THE THIRD CROSSING"
        ]
    );
}

#[test]
fn the_title_after_the_authors_name_is_the_books_title_too() {
    let text = format!(
        "\n\nHARBOUR LIGHTS\n\n\n\n\nA. N. WRITER'S HARBOUR LIGHTS\n\n\n\nTHE FIRST CROSSING\n\n{PROSE}\n{PROSE}\n{}",
        piece("THE SECOND CROSSING"),
    );
    assert_eq!(
        titles(&text),
        [
            "HARBOUR LIGHTS",
            "THE FIRST CROSSING",
            "THE SECOND CROSSING"
        ]
    );
}

#[test]
fn the_books_title_over_a_subtitle_keeps_both() {
    // A play's own title page inside the book: its subtitle, then a date and the cast.
    let text = format!(
        "\n\nHARBOUR LIGHTS\n\n\n\n\nINTRODUCTION\n\n{PROSE}\n{PROSE}\n\n\n\n\
         HARBOUR LIGHTS\n\nA COMEDY IN TWO ACTS.\n\n(1901)\n\n\nCHARACTERS.\n\n\
         MARTA, a keeper.\nDUNNE, a carrier.\n\n\n\nACT I\n\n{PROSE}\n\n\nACT II\n\n{PROSE}"
    );
    let listed = titles(&text);
    assert!(
        listed
            .iter()
            .any(|t| t == "HARBOUR LIGHTS — A COMEDY IN TWO ACTS."),
        "{listed:?}"
    );
}
