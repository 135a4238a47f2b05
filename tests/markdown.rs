//! Markdown-ish text outside fenced code: an ATX heading (`## Usage`) is one line even when
//! its text follows on the next line, a `#` line indented four or more columns is code,
//! and a run of `#` lines with no blank line between them is a block of comments (a
//! data file's header, a script's notes), not a row of headings with `#` breaks between.

mod common;
use common::{heading_texts, printed, titles};

#[test]
fn an_atx_heading_with_its_text_on_the_next_line_is_a_heading_of_its_own() {
    let text = "# The Keeper\n\n## Usage\n\
Run the keeper with the name of the log file and it prints the nights the\n\
lamp was lit late, one a line, with the hour beside each.\n\n\
## Notes\nShort ones only.\n\nThat is all.\n";
    assert_eq!(
        heading_texts(text),
        ["# The Keeper", "## Usage", "## Notes"]
    );
    assert_eq!(titles(text), ["The Keeper", "Usage", "Notes"]);
    let lines = printed(text, 70);
    assert!(
        lines.iter().any(|l| l.starts_with("Run the keeper")),
        "{}",
        lines.join("\n")
    );
}

#[test]
fn a_hash_line_indented_as_code_is_no_heading() {
    let text = "Build it like this:\n\n    # Build The Log\n    make log\n\n    # Read It\n\n\
That is all there is to it, and the keeper never needed more than that.\n";
    assert!(heading_texts(text).is_empty(), "{:?}", heading_texts(text));
}

#[test]
fn a_run_of_hash_comment_lines_holds_no_headings_and_no_breaks() {
    let text = "# keeper-log.txt\n\
# Date: 1911-08-12\n\
# For the lighthouse keepers of the northern coast\n\
#\n\
# The Keeper's Log: Nights Lit Late\n\
#\n\
# Format: date; hour # initials\n\
\n\
1911-08-01 ; 21:40 # lit late by jm\n\
1911-08-02 ; 21:38 # lit late by jm\n\
\n\
# North Coast subtotal:\t\t2\n\
# South Coast subtotal:\t\t0\tnone late\n\
\n\
#EOF\n";
    assert!(heading_texts(text).is_empty(), "{:?}", heading_texts(text));
    assert!(titles(text).is_empty(), "{:?}", titles(text));
    let lines = printed(text, 70);
    // A count after a gap in a short line is the line's own, not a verse line number
    // set in the right margin.
    for kept in [
        "#",
        "# The Keeper's Log: Nights Lit Late",
        "# North Coast subtotal:  2",
    ] {
        assert!(
            lines.iter().any(|l| l == kept
                || kept.contains("subtotal") && l.split_whitespace().eq(kept.split_whitespace())),
            "{kept:?} not kept in\n{}",
            lines.join("\n")
        );
    }
}

#[test]
fn a_heading_with_a_link_is_listed_by_the_links_words() {
    let prose = "The keeper climbed the stairs every evening at six. He counted them\n\
as he went, one hundred and twelve, and he never lost count of them.\n\n";
    let mut text = String::new();
    for h in [
        "# [The Keeper's Log](https://example.org/keepers/log/the-northern-coast/1911)",
        "## 灯台[[编辑](/w/index.php?title=%E7%81%AB%E6%98%9F&action=edit&section=1",
        "## Lamps and Lenses, and the Oil They Burn [(see the list)](#lamps-and-lenses-list)",
    ] {
        text.push_str(h);
        text.push_str("\n\n");
        text.push_str(prose);
    }
    assert_eq!(
        titles(&text),
        [
            "The Keeper's Log",
            "灯台编辑",
            "Lamps and Lenses, and the Oil They Burn (see the list)"
        ]
    );
}

#[test]
fn a_heading_whose_link_runs_onto_the_next_line_is_one_heading() {
    let text = "## 灯台[[编辑](/w/index.php?title=%E7%81%AB%E6%98%9F&action=edit&section=1\n\
\"编辑章节：灯台\")]\n\n\
The keeper climbed the stairs every evening at six. He counted them\n\
as he went, one hundred and twelve, and he never lost count of them.\n";
    assert_eq!(heading_texts(text).len(), 1, "{:?}", heading_texts(text));
    assert!(heading_texts(text)[0].ends_with("灯台\")]"));
    assert_eq!(titles(text), ["灯台编辑"]);
}

#[test]
fn setext_headings_are_marked_sections_not_a_title_page() {
    let text = "The Keeper's Log\n================\n\n\
A small tool for the lighthouse keeper. It reads the log and prints\n\
the nights the lamp was lit late.\n\n\
Installing\n----------\n\n\
Download the keeper and put it on your path, then run it once.\n";
    assert_eq!(titles(text), ["The Keeper's Log", "Installing"]);
}

#[test]
fn a_rule_under_a_paragraphs_last_line_or_a_broken_off_line_underlines_no_title() {
    // A rhyme quoted as an epigraph, closed by a rule: its last line is verse.
    let epigraph = "LAMPLIGHT\n\n\
                    \x20 Hey, the keeper\nThe lamp and the sleeper:\n\
                    The moon went over the bay--\n-------------------------\n\
                    \x20           _An old song._\n\n\
                    The keeper read the log again that night, and the lamp was late.\n";
    assert_eq!(heading_texts(epigraph), ["LAMPLIGHT"]);
    let lines = printed(epigraph, 60);
    assert!(
        lines.iter().any(|l| l == "The moon went over the bay--"),
        "{lines:#?}"
    );
    // A line of speech broken off, then a rule: a cry, not a title.
    let cry = "THE WRECK\n\n\
               \x20 Help us!--We sink, we sink------\n\
               ----------------------------------\n\
               \x20 And the sea came over the rail, and nobody answered.\n";
    assert_eq!(heading_texts(cry), ["THE WRECK"]);
}

#[test]
fn a_setext_headings_underline_is_drawn_right_under_it() {
    let text = "The Keeper's Log\n================\n\n\
A small tool for the lighthouse keeper.\n\n\
Installing\n----------\n\n\
Download the keeper and put it on your path.\n";
    let lines = printed(text, 40);
    let at = |t: &str| lines.iter().position(|l| l.trim() == t).unwrap();
    for (title, rule) in [
        ("The Keeper's Log", "================"),
        ("Installing", "----------"),
    ] {
        assert_eq!(at(rule), at(title) + 1, "{lines:#?}");
        // Centred alike, so the rule is under the title's letters.
        let indent = |t: &str| lines[at(t)].len() - lines[at(t)].trim_start().len();
        assert_eq!(indent(rule), indent(title), "{lines:#?}");
    }
    // A rule after a blank line is a scene break as ever, set apart.
    let lines = printed(
        "The end of one.\n\n----------\n\nThe start of another.\n",
        40,
    );
    assert_eq!(lines[1], "", "{lines:#?}");
}
