//! Chapters a plain text marks in ways other than a chapter word: Markdown's `#` lines,
//! and a contents list whose titles stand alone again further on (a book of poems).

mod common;
use common::{heading_texts, titles};

use dogear::{chapters, Document};

/// A few stanzas of our own, kept line for line.
const STANZAS: &str = "   The wind went over the hill and the grass lay down,\n\
   The wind went over the mill and into the town;\n\
     It knocked on every door, it rattled every pane,\n\
     And then it went away and did not come again.\n\
\n\
   The rain came after the wind and it stayed all night,\n\
   It filled the ruts of the road and put out the light;\n\
     It sang in every gutter, it drummed on every roof,\n\
     And in the morning it was gone without a proof.\n";

/// A paragraph hard-wrapped near 70 columns.
const PROSE: &str = "The keeper climbed the stairs every evening at six. He counted them\n\
as he went, one hundred and twelve, and he never lost count of them\n\
in all the years he kept the light, not even on the night of the gale.\n";

/// A book of ballads: a title, a numbered contents list, then each poem under its
/// title alone at the margin, with nothing else to say it is a title.
fn ballads() -> String {
    let mut s = String::from("COUNTRY BALLADS\n\nBy Nobody in Particular\n\n\nContents:\n\n");
    for (i, t) in ["The Hill", "Over the Mill", "'Rain at Night'", "The Town"]
        .iter()
        .enumerate()
    {
        s.push_str(&format!("     {} {t}\n", i + 1));
    }
    s.push_str("\n\n\n");
    for t in ["The Hill", "Over the Mill", "'Rain at Night'", "The Town"] {
        s.push_str(t);
        s.push_str("\n\n");
        s.push_str(STANZAS);
        s.push_str("\n\n\n");
    }
    s
}

#[test]
fn markdown_hash_lines_are_headings_listed_without_their_marks() {
    let mut text = String::new();
    for h in [
        "# The Lighthouse",
        "## The Stairs",
        "## A Visitor",
        "# The Winter",
    ] {
        text.push_str(h);
        text.push_str("\n\n");
        text.push_str(PROSE);
        text.push('\n');
    }
    assert_eq!(
        heading_texts(&text),
        [
            "# The Lighthouse",
            "## The Stairs",
            "## A Visitor",
            "# The Winter"
        ]
    );
    assert_eq!(
        titles(&text),
        ["The Lighthouse", "The Stairs", "A Visitor", "The Winter"]
    );
}

#[test]
fn hash_lines_that_are_not_markdown_headings_stay_as_they_are() {
    let text = format!(
        "{PROSE}\n#\n\n{PROSE}\n#2 pencils and a rubber were all he had left.\n\n\
# it was late, and he said so to nobody at all, twice, and then went up the stairs again.\n\n{PROSE}"
    );
    assert!(
        heading_texts(&text).is_empty(),
        "{:?}",
        heading_texts(&text)
    );
}

#[test]
fn a_contents_lists_titles_standing_alone_later_are_its_chapters() {
    assert_eq!(
        titles(&ballads()),
        [
            "COUNTRY BALLADS",
            "Contents:",
            "The Hill",
            "Over the Mill",
            "'Rain at Night'",
            "The Town"
        ]
    );
}

#[test]
fn the_chapter_named_inside_a_poem_is_its_title_not_the_contents() {
    let text = ballads();
    let doc = Document::from_text(&text);
    let list = chapters(&doc);
    // The third poem's own "put out the light".
    let inside = text.match_indices("put out the light").nth(2).unwrap().0;
    let at = list.iter().rposition(|c| c.offset <= inside).unwrap();
    assert_eq!(list[at].title, "'Rain at Night'");
}

#[test]
fn a_contents_line_found_again_only_inside_a_sentence_is_no_chapter() {
    let mut s = String::from("Contents:\n\n     1 The Hill\n     2 The Mill\n     3 The Town\n\n");
    s.push_str("The Hill was where they met, and they talked of the mill and of the\n");
    s.push_str("town below it until the light went, which was late in the summer.\n\n");
    s.push_str(PROSE);
    assert_eq!(titles(&s), ["Contents:"]);
}

#[test]
fn a_contents_list_in_another_language_with_section_lines_and_pages_is_one_entry() {
    // Dutch "Inhoud": two sections of the book, each over its pieces and their pages,
    // with a column head ("Bladz.") over the numbers.
    let prose = "De boot slingerde een weinig, en mijn neef stond op het achterdek \
                 alsof hij nooit iets anders had gedaan dan varen.\n\n"
        .repeat(8);
    let pieces = [
        "HET AFSCHEID",
        "EEN EERSTE STORM",
        "DE HAVEN",
        "EEN BRIEF",
        "DE TERUGKEER",
    ];
    let body: String = pieces
        .iter()
        .map(|t| format!("\n\n\n{t}.\n\n{prose}"))
        .collect();
    let text = format!(
        "AAN ZIJN BROEDER.\n\n{prose}\n\n\nINHOUD\n\n\nOP ZEE.\n\n\
         \x20                                     Bladz.\n\
         HET AFSCHEID                            3.\n\
         EEN EERSTE STORM                       17.\n\
         DE HAVEN                               25.\n\n\n\
         AAN WAL.\n\n\
         \x20                                     Bladz.\n\n\
         EEN BRIEF                              41.\n\
         DE TERUGKEER                           52.\n\n\n\n{body}"
    );
    let mut want = vec!["AAN ZIJN BROEDER.".to_owned(), "INHOUD".to_owned()];
    want.extend(pieces.iter().map(|t| format!("{t}.")));
    assert_eq!(titles(&text), want);
}

#[test]
fn a_contents_list_names_chapters_only_up_to_the_next_books_list() {
    // Two books of ballads in one file. The first book's contents name a last poem,
    // "Amen", that never stands alone in it; the second book ends a poem on a line
    // "Amen" of its own. That line is the second book's, whose own list does not name
    // it: no chapter.
    let mut s = String::new();
    for (book, titles) in [
        (
            "COUNTRY BALLADS",
            &["The Hill", "Over the Mill", "The Town", "Amen"][..],
        ),
        ("TOWN BALLADS", &["The Well", "The Lane", "The Ford"][..]),
    ] {
        s.push_str(&format!(
            "{book}\n\nBy Nobody in Particular\n\n\nContents:\n\n"
        ));
        for (i, t) in titles.iter().enumerate() {
            s.push_str(&format!("     {} {t}\n", i + 1));
        }
        s.push_str("\n\n\n");
        for t in titles.iter().filter(|&&t| t != "Amen") {
            s.push_str(t);
            s.push_str("\n\n");
            s.push_str(STANZAS);
            if t == &"The Lane" {
                s.push_str("\nAmen\n");
            }
            s.push_str("\n\n\n");
        }
    }
    let listed = titles(&s);
    assert!(!listed.iter().any(|t| t == "Amen"), "{listed:?}");
    // Each book's own titles are its chapters all the same.
    for t in [
        "The Hill",
        "Over the Mill",
        "The Town",
        "The Well",
        "The Lane",
        "The Ford",
    ] {
        assert!(listed.iter().any(|l| l == t), "{t}: {listed:?}");
    }
}
