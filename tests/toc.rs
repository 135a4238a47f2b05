//! The table of contents on small stories of our own with the traps of real books:
//! headings that wrap, scripture and Latin acts, titles on the next line, and the
//! letters, speeches and contents lists that only look like chapters.

mod common;
use common::{heading_texts, titles};

use dogear::{chapters, listing_json, listing_text, BlockKind, Document};

/// A paragraph hard-wrapped near 70 columns.
const PROSE: &str = "The lamp had burned low by the time the carrier reached the bridge,\n\
and the river below it ran loud with the rain of three whole days. He\n\
stopped to listen, then went on, because there was nothing else to do\n\
and nobody at all to tell him otherwise on such a night as this one.\n";

/// `headings`, each followed by a few paragraphs of prose.
fn book(headings: &[&str]) -> String {
    let mut s = String::new();
    for h in headings {
        s.push_str(h);
        s.push_str("\n\n");
        for _ in 0..3 {
            s.push_str(PROSE);
            s.push('\n');
        }
    }
    s
}

// ---- headings that were missed ----

#[test]
fn a_chapter_title_that_wraps_onto_a_second_line_is_one_heading() {
    let text = book(&[
        "CHAPTER V - THE SHORT CROSSING",
        "CHAPTER VI - THE LONG ROAD HOME, AND WHAT BEFELL THE CARRIER ON IT\nWITH HIS TWO HORSES",
        "CHAPTER VII - THE LAST",
    ]);
    assert_eq!(
        titles(&text),
        [
            "CHAPTER V - THE SHORT CROSSING",
            "CHAPTER VI - THE LONG ROAD HOME, AND WHAT BEFELL THE CARRIER ON IT WITH HIS TWO HORSES",
            "CHAPTER VII - THE LAST",
        ]
    );
}

#[test]
fn a_wrapped_title_in_mixed_case_is_one_heading_too() {
    let text = book(&[
        "Chapter 6: The Long Road Home, and What\nBefell There",
        "Chapter 7: Morning",
    ]);
    assert_eq!(
        titles(&text),
        [
            "Chapter 6: The Long Road Home, and What Befell There",
            "Chapter 7: Morning"
        ]
    );
}

#[test]
fn a_contents_line_followed_by_prose_is_not_a_wrapped_heading() {
    let text =
        format!("Chapter 6: The Weir\nit was cold that year and nobody went out.\n\n{PROSE}");
    assert!(heading_texts(&text).is_empty());
}

#[test]
fn scripture_books_and_their_chapters_before_numbered_verses() {
    let verses = "1:1. In the first days the keepers of the ferry wrote down all\n\
                  that crossed the water, both beast and man.\n\n\
                  1:2. And they kept the book in a dry place under the stair.\n";
    let text = format!(
        "The First Book of the Ferrymen, Commonly Called the Ledger\n\n\
         Ferries Chapter 1\n\n{verses}\n\
         Ferries Chapter 2\n\n{verses}\n\
         Ferries Chapter 3\n\n{verses}"
    );
    assert_eq!(
        titles(&text),
        [
            "The First Book of the Ferrymen, Commonly Called the Ledger",
            "Ferries Chapter 1",
            "Ferries Chapter 2",
            "Ferries Chapter 3",
        ]
    );
}

#[test]
fn an_anthology_chapter_with_its_title_before_numbered_sayings() {
    let sayings = "1. The net that is mended in the morning catches fish at night.\n\n\
                   2. A calm sea teaches nobody to steer.\n";
    let text = format!(
        "Chapter I. The Mended Nets\n\n{sayings}\nChapter II. The Calm Sea\n\n{sayings}\n\
         Chapter III. The Harbour Wall\n\n{sayings}"
    );
    assert_eq!(
        titles(&text),
        [
            "Chapter I. The Mended Nets",
            "Chapter II. The Calm Sea",
            "Chapter III. The Harbour Wall"
        ]
    );
}

#[test]
fn acts_and_scenes_in_old_spelling_latin_and_italics() {
    for heading in [
        "Actus Primus. Scoena Prima.",
        "Scena Secunda.",
        "_Actus primus. Scena prima._",
        "_Actus [Tertius]. Scena Prima._",
        "ACT I. SCENE II.",
        "THE SECOND ACT",
    ] {
        let text = book(&[heading]);
        assert_eq!(heading_texts(&text), [heading], "{heading}");
    }
    let play = book(&[
        "_Actus primus. Scena prima._",
        "_Actus Secundus. Scena prima._",
        "_Actus Tertius. Scena prima._",
    ]);
    assert_eq!(
        titles(&play),
        [
            "Actus primus. Scena prima.",
            "Actus Secundus. Scena prima.",
            "Actus Tertius. Scena prima."
        ]
    );
}

#[test]
fn a_setext_heading_underlined_with_dashes_or_equals() {
    let text = format!(
        "* Getting Aboard\n----------------\n\n{PROSE}\nThe Crossing\n============\n\n{PROSE}"
    );
    assert_eq!(heading_texts(&text), ["* Getting Aboard", "The Crossing"]);
    assert_eq!(titles(&text), ["* Getting Aboard", "The Crossing"]);
    // The rule stays in the text, as a break under the heading.
    let doc = Document::from_text(&text);
    assert_eq!(doc.blocks()[1].kind, BlockKind::SceneBreak);
}

#[test]
fn a_rule_of_another_length_is_no_underline() {
    let text = format!("Notes\n--------------------------\n\n{PROSE}");
    assert!(heading_texts(&text).is_empty());
}

#[test]
fn sura_headings_with_a_dash_and_a_glued_footnote_digit() {
    let text = book(&[
        "SURA1 XCVI.-THE CLOT",
        "SURA LXXIV.-THE CLOAKED2",
        "Sura XCIII.-The Morning",
    ]);
    assert_eq!(
        titles(&text),
        [
            "SURA XCVI.-THE CLOT",
            "SURA LXXIV.-THE CLOAKED",
            "Sura XCIII.-The Morning"
        ]
    );
}

#[test]
fn a_footnote_digit_glued_after_a_headings_numeral_is_no_part_of_its_title() {
    let text = book(&[
        "SURA XCIII.1-THE DAWN",
        "SURA I.1 [VIII.]",
        "SURA1-LIII. THE STARS",
        "SURA XX.3-TA. HA.",
        "SURA XV.-THE ROCK1",
    ]);
    assert_eq!(
        titles(&text),
        [
            "SURA XCIII.-THE DAWN",
            "SURA I. [VIII.]",
            "SURA-LIII. THE STARS",
            "SURA XX.-TA. HA.",
            "SURA XV.-THE ROCK"
        ]
    );
}

#[test]
fn numbers_of_a_heading_in_capitals_are_kept() {
    let text = book(&[
        "PSALM 1:1. THE TWO WAYS",
        "B.C. 570",
        "CHAPTER 2.1 THE LOCKS",
    ]);
    let t = titles(&text);
    for kept in ["1:1.", "570", "2.1"] {
        assert!(t.iter().any(|t| t.contains(kept)), "{kept} in {t:?}");
    }
}

#[test]
fn a_hyphenated_name_with_a_number_is_no_numbered_heading() {
    // A glossary's headwords listed at the front and again over their entries.
    let words = "LAMP-10\n\nLAMP-20\n\nLENS\n\nLIGHT\n\n";
    let mut text = book(&["CHAPTER I", "CHAPTER II", "CHAPTER III"]);
    text.push_str(words);
    text.push_str(&book(&["LAMP-10", "LAMP-20", "LENS", "LIGHT"]));
    assert_eq!(titles(&text), ["CHAPTER I", "CHAPTER II", "CHAPTER III"]);
}

// ---- titles attached to their chapter ----

#[test]
fn a_short_title_line_after_a_bare_chapter_number_joins_it() {
    let text = book(&["CHAPTER 1\n\nThe Harbour.", "CHAPTER 2\n\nTHE WEIR"]);
    assert_eq!(
        titles(&text),
        ["CHAPTER 1. The Harbour.", "CHAPTER 2. THE WEIR"]
    );
}

#[test]
fn an_italic_subheading_is_the_chapter_title_without_its_underscores() {
    let text = format!(
        "CHAPTER IV\n\n_Letter from the Mate to his Sister._\n\n{PROSE}\n\
         CHAPTER V\n\n_The Mate's Log._--Wind in the north.\n\n{PROSE}"
    );
    assert_eq!(
        titles(&text),
        [
            "CHAPTER IV. Letter from the Mate to his Sister.",
            "CHAPTER V"
        ]
    );
}

#[test]
fn the_first_sentence_of_a_chapter_is_not_its_title() {
    let text = book(&["CHAPTER 1\n\nIt was late.", "CHAPTER 2\n\nHe left."]);
    assert_eq!(titles(&text), ["CHAPTER 1", "CHAPTER 2"]);
}

#[test]
fn a_chapter_number_already_followed_by_a_stop_joins_with_a_space() {
    let text = book(&["CHAPTER I.\n\nTHE HARBOUR"]);
    assert_eq!(titles(&text), ["CHAPTER I. THE HARBOUR"]);
}

// ---- false headings ----

#[test]
fn a_letters_salutation_and_signature_are_not_headings() {
    let letter = format!(
        "DEAR SIR,--\n\n{PROSE}\n\"My dearest Lucy,--\n\n{PROSE}\n\
         Yours truly,\n\n\"TOBIAS.\n\n\"WREN.\"\n\n"
    );
    assert!(
        heading_texts(&letter).is_empty(),
        "{:?}",
        heading_texts(&letter)
    );
}

#[test]
fn short_speeches_and_centred_stage_directions_are_not_headings() {
    let text = format!(
        "NO.\n\n{PROSE}\nWHAT?\n\n{PROSE}\nCHORUS.\n\n{PROSE}\n\
         \x20                 Enter the GAOLER with a lamp.\n\n{PROSE}\n\
         \x20                 WARDEN discovered at his desk.\n\n{PROSE}"
    );
    assert!(
        heading_texts(&text).is_empty(),
        "{:?}",
        heading_texts(&text)
    );
}

#[test]
fn a_contents_list_is_one_entry_not_a_run_of_chapters() {
    let mut text = String::from("CONTENTS\n\n");
    for (n, name) in [
        ("I", "The Harbour"),
        ("II", "The Weir"),
        ("III", "The Bell"),
    ] {
        text.push_str(&format!(
            "CHAPTER {n}\n\n{name}                            {n}\n\n"
        ));
    }
    text.push_str("\n\nCHAPTER I\n\nThe Harbour.\n\n");
    text.push_str(&book(&["CHAPTER II", "CHAPTER III"]));
    let doc = Document::from_text(&text);
    let toc = chapters(&doc);
    let titles: Vec<_> = toc.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "CONTENTS",
            "CHAPTER I. The Harbour.",
            "CHAPTER II",
            "CHAPTER III"
        ]
    );
    assert_eq!(toc[0].offset, 0);
}

#[test]
fn contents_lines_with_page_numbers_are_not_headings() {
    let text = format!(
        "CHAPTER I ....... 1\n\nCHAPTER II  Page 14\n\nCHAPTER III. THE BELL . . . . 27\n\n{PROSE}"
    );
    assert!(
        heading_texts(&text).is_empty(),
        "{:?}",
        heading_texts(&text)
    );
}

#[test]
fn headings_among_the_chapters_are_not_listed_when_chapters_repeat() {
    // A newspaper headline and a letter's title inside chapters: headings on the page,
    // but not chapters.
    let text = book(&[
        "THE SEA ROAD",
        "CHAPTER I",
        "THE WRECK OF THE HOPE",
        "CHAPTER II",
        "CHAPTER III",
        "A LETTER FROM THE ISLAND",
        "CHAPTER IV",
    ]);
    assert_eq!(
        titles(&text),
        [
            "THE SEA ROAD",
            "CHAPTER I",
            "CHAPTER II",
            "CHAPTER III",
            "CHAPTER IV"
        ]
    );
}

#[test]
fn a_title_page_is_listed_by_its_first_line() {
    let text = format!(
        "THE SALT ROAD\n\nby\n\nAda Quill\n\nLONDON: THE HARBOUR PRESS\n\n{PROSE}\n{}",
        book(&["CHAPTER I", "CHAPTER II", "CHAPTER III"])
    );
    assert_eq!(
        titles(&text),
        ["THE SALT ROAD", "CHAPTER I", "CHAPTER II", "CHAPTER III"]
    );
}

#[test]
fn a_dedication_before_the_first_chapter_is_not_listed() {
    let text = format!(
        "THE SALT ROAD\n\n{PROSE}\nTO\n\nMY OLD SKIPPER\n\n{PROSE}\n{}",
        book(&["CHAPTER I", "CHAPTER II", "CHAPTER III"])
    );
    assert_eq!(
        titles(&text),
        ["THE SALT ROAD", "CHAPTER I", "CHAPTER II", "CHAPTER III"]
    );
}

#[test]
fn without_a_repeated_chapter_kind_every_heading_is_listed() {
    let text = book(&["THE WEIR", "THE BELL", "THE LANTERN"]);
    assert_eq!(titles(&text), ["THE WEIR", "THE BELL", "THE LANTERN"]);
}

#[test]
fn endings_start_nothing() {
    let text = book(&["CHAPTER I", "CHAPTER II", "CHAPTER III", "THE END"]);
    assert_eq!(titles(&text), ["CHAPTER I", "CHAPTER II", "CHAPTER III"]);
}

#[test]
fn scenes_inside_acts_are_the_second_level() {
    let text = book(&[
        "ACT I", "SCENE I", "SCENE II", "ACT II", "SCENE I", "SCENE II",
    ]);
    let levels: Vec<u8> = chapters(&Document::from_text(&text))
        .iter()
        .map(|c| c.level)
        .collect();
    assert_eq!(levels, [1, 2, 2, 1, 2, 2]);
}

// ---- listings ----

#[test]
fn the_text_listing_has_a_percent_and_a_title_per_line() {
    let doc = Document::from_text(&book(&["CHAPTER 1\n\nThe Harbour.", "CHAPTER 2"]));
    let listing = listing_text(&doc, &chapters(&doc));
    let lines: Vec<_> = listing.lines().collect();
    assert_eq!(lines[0], "  0.0%  CHAPTER 1. The Harbour.");
    assert!(lines[1].ends_with("%  CHAPTER 2"), "{listing}");
    assert_eq!(lines.len(), 2);
}

#[test]
fn the_json_listing_has_offset_percent_title_and_level() {
    let doc = Document::from_text(&book(&["CHAPTER 1", "CHAPTER 2"]));
    let json: serde_json::Value =
        serde_json::from_str(&listing_json(&doc, &chapters(&doc))).unwrap();
    let second = &json[1];
    assert_eq!(second["title"], "CHAPTER 2");
    assert_eq!(second["level"], 1);
    assert!(second["offset"].as_u64().unwrap() > 0);
    assert!(second["percent"].as_f64().unwrap() > 40.0);
}

#[test]
fn a_series_numbered_pieces_are_its_chapters() {
    // Essays of a periodical, each under the series' name and its number, its title after
    // two blank lines, then where it first appeared and who wrote it.
    let mut text = String::new();
    for (n, title, by) in [
        ("No. 1", "General Introduction", "HALE"),
        ("No. 2", "Concerning the Lamps of the Harbour", "PENROSE"),
        ("No. 3", "The Same Subject Continued", "PENROSE"),
        ("No. 4", "Of the Keepers and Their Wages", "HALE"),
    ] {
        text.push_str(&format!(
            "\n\n\n\nTHE LAMPLIGHTER {n}\n\n\n{title}\n\nFor the Harbour Gazette.\n\n{by}\n\n\n\n"
        ));
        text.push_str(&book(&["To the People of the Town:"]));
    }
    assert_eq!(
        titles(&text),
        [
            "THE LAMPLIGHTER No. 1. General Introduction",
            "THE LAMPLIGHTER No. 2. Concerning the Lamps of the Harbour",
            "THE LAMPLIGHTER No. 3. The Same Subject Continued",
            "THE LAMPLIGHTER No. 4. Of the Keepers and Their Wages",
        ]
    );
}

#[test]
fn a_command_numbered_as_the_paragraphs_around_it_is_no_chapter() {
    // A drill manual: its paragraphs are numbered, and a paragraph that is only a
    // command in capitals stands alone like a heading.
    let text = "PART I.--DRILL.\n\n\
        11. The squad is formed in one rank, the tallest man on the right, and each\n\
        man takes his place at arm's length from the man beside him.\n\n\
        _To Halt._\n\n\
        12. _HALT._\n\n\
        The squad stops where it stands, and nobody moves until the next command is\n\
        given, whatever the weather and whoever is watching from the road.\n\n\
        13. To march again, the command is given as before, and the squad steps off\n\
        with the left foot, as it did the first time.\n\n\
        PART II.--COMBAT.\n\n\
        14. The line is formed as the squad was, but further apart, and it waits.\n\
        It waits a long time, as lines do, before anything at all happens to it.\n";
    assert_eq!(titles(text), ["PART I.--DRILL.", "PART II.--COMBAT."]);
    // Numbered sections over unnumbered prose, or next to a numbered title that was
    // not read as a heading, are sections.
    let text = book(&[
        "1. THE HARBOUR",
        "2. THE LAMP",
        "3. WHAT THE KEEPER SAW FROM THE GALLERY,",
        "4. THE STORM",
    ]);
    assert_eq!(
        titles(&text),
        ["1. THE HARBOUR", "2. THE LAMP", "4. THE STORM"]
    );
}

/// A manual page as `man lamp | col -b` sets it: section names at the margin, each over
/// its text set in seven columns, some sections a line long; a term over its
/// definition, set in further still.
const MANUAL: &str = "LAMP(1)                    Keeper's Commands                    LAMP(1)

NAME
       lamp - light, trim and log the harbour lamp

SYNOPSIS
       lamp [-t] [-l file] [hours]

COPYRIGHT
       Lamp is free to copy, mend and pass on.

DESCRIPTION
       Lamp  lights the harbour lamp for the hours given, trims the wick every
       fourth hour and writes the oil burned to the keeper's log.  With no
       hours it burns until the morning boat is sighted.

       The keepers' names are changed by a file of lines in two fields:

              OLDKEEPER NEWKEEPER[:NEWWATCH]

       the old name, then the new and its watch.

ENVIRONMENT
       LAMP_OIL
              Where the oil level is read from, a file of one number.

       LAMP_LOG
              The keeper's log, written line by line.

NOTES
       The lamp cannot be lit in a gale without its glass.

BUGS
       Gulls.

SEE ALSO
       tide(1), bell(1)
";

#[test]
fn a_manuals_sections_are_each_listed_however_short() {
    assert_eq!(
        titles(MANUAL),
        [
            "NAME",
            "SYNOPSIS",
            "COPYRIGHT",
            "DESCRIPTION",
            "ENVIRONMENT",
            "NOTES",
            "BUGS",
            "SEE ALSO"
        ]
    );
}

#[test]
fn a_term_over_its_definition_set_in_further_is_no_heading() {
    let headings = heading_texts(MANUAL);
    assert!(
        headings.iter().all(|h| !h.contains("LAMP_")),
        "{headings:?}"
    );
    // A heading's second line centred under its first, or at its margin, is still its
    // title's.
    for title in [
        "                    CHAPTER IV\n              THE RETURN OF THE CARRIER",
        "CHAPTER IV\nTHE RETURN OF THE CARRIER",
    ] {
        let text = book(&[title, "CHAPTER V"]);
        assert_eq!(heading_texts(&text)[0], title);
    }
}

#[test]
fn a_lone_by_and_a_printers_imprint_are_no_chapters() {
    let mut text = String::from(
        "The Harbour Lamp\n\n                                   BY\n\n\
         \x20                            J.H. MORROW\n\n\n\n",
    );
    text.push_str(&book(&["CHAPTER I", "CHAPTER II"]));
    text.push_str(
        "\n\n\n                THE END\n\n\n\n\
         \x20     PRINTED FOR THE PUBLISHERS BY W. & J. LAMPLIGHT, FALMOUTH.\n",
    );
    // The title over its credit is the title page's entry (as one in capitals is); the
    // credit, the name and the imprint are none.
    assert_eq!(
        titles(&text),
        ["The Harbour Lamp", "CHAPTER I", "CHAPTER II"]
    );
}

/// A magazine's last pages: a piece of music under its titles, the letters page after
/// it, set further apart, and a poem with a picture between its title and its byline.
const MAGAZINE: &str = "The lamp had burned low by the time the carrier reached the bridge,
and the river below it ran loud with the rain of three whole days.

M. R. TALLIS.




NOCTURNE.

FOR FLUTE AND HARP.

MADAME R. T. ALLARD.

[Music]




LETTERS FROM READERS.


GARDENING.

P. Q.--The river below it ran loud with the rain of three whole days, and
the lamp had burned low by the time the carrier reached the bridge.

SKIPPER.--Nobody at all was there to tell him otherwise on such a night,
so he stopped to listen, then went on, because there was nothing to do.




WINTER.

[Illustration]

BY MARTHA LANE.


            The lamp is low and the harbour still,
              The boats are in for the night;
            The snow lies deep on the lighthouse hill,
              And the keeper trims the light.
";

#[test]
fn a_section_set_apart_after_a_pieces_titles_is_listed_on_its_own() {
    let t = titles(MAGAZINE);
    assert!(t.contains(&"LETTERS FROM READERS.".to_owned()), "{t:?}");
    // The poem is listed by its title, its byline read as one over a picture.
    assert_eq!(t.last().map(String::as_str), Some("WINTER."), "{t:?}");
    assert!(t.iter().all(|t| !t.contains("MARTHA")), "{t:?}");
}

/// A poem in parts of verse, each part's numbered title in its contents, over the part
/// and again over the part's notes: three times each.
#[test]
fn a_numbered_part_named_in_contents_text_and_notes_is_a_heading_each_time() {
    let parts = [
        "I. THE LAMP BY THE WATER",
        "II. THE CARRIER",
        "III. WHAT THE RIVER SAID",
    ];
    let verse = "The lamp burned low beside the bridge,\nThe river ran with three days' rain,\nAnd no one came to tell him so,\nAnd no one came again.\n";
    let mut text = String::from("THE CROSSING\n\n\nCONTENTS\n\n");
    for p in parts {
        text.push_str(&format!("   {p}\n\n"));
    }
    text.push_str("   NOTES\n\n\n");
    for p in parts {
        text.push_str(&format!("   {p}\n\n"));
        for _ in 0..4 {
            text.push_str(verse);
            text.push('\n');
        }
    }
    text.push_str("\nNOTES\n\n");
    for p in parts {
        text.push_str(&format!("   {p}\n\n{PROSE}\n"));
    }
    let headings = heading_texts(&text);
    for p in parts {
        let times = headings.iter().filter(|h| h.trim() == p).count();
        assert_eq!(times, 3, "{p} in {headings:?}");
    }
    // The contents is one entry; the parts are listed, and again under the notes.
    let mut listed = vec!["THE CROSSING", "CONTENTS"];
    listed.extend(parts);
    listed.push("NOTES");
    listed.extend(parts);
    assert_eq!(titles(&text), listed);
}

/// A contents list naming parts the book sets as plain lines, among numbered headings
/// of its own (an edition's title over its numbered quatrains).
#[test]
fn a_part_named_by_the_contents_is_listed_among_the_numbered_headings() {
    let quatrain = " The lamp burned low beside the bridge,\n The river ran with three days' rain,\n   And no one came to tell him so,\n And no one came again.\n";
    let mut text = String::from(
        "THE CARRIER'S SONGS\n\n\nContents:\n\n  Introduction.\n  Early Songs.\n  Late Songs.\n  Notes.\n\n\n\nIntroduction\n\n",
    );
    text.push_str(PROSE);
    for part in ["Early Songs", "Late Songs"] {
        text.push_str(&format!("\n\n\n\n{part}\n\n\n"));
        for n in ["I.", "II.", "III.", "IV."] {
            text.push_str(&format!("{n}\n\n{quatrain}\n\n"));
        }
    }
    text.push_str(&format!("\n\n\nNotes:\n\n{PROSE}"));
    let listed = titles(&text);
    let at = |t: &str| listed.iter().position(|l| l == t);
    let (early, late) = (at("Early Songs"), at("Late Songs"));
    assert!(early.is_some() && late.is_some(), "{listed:?}");
    // Each part before its own quatrains.
    assert_eq!(listed[early.unwrap() + 1], "I.", "{listed:?}");
    assert_eq!(listed[late.unwrap() + 1], "I.", "{listed:?}");
    assert_eq!(late.unwrap() - early.unwrap(), 5, "{listed:?}");
    assert_eq!(listed.last().map(String::as_str), Some("Notes:"));
}

/// Chapter numbers over long titles in capitals: one line past seventy columns, or
/// wrapped onto a second and a third line.
#[test]
fn a_long_title_in_capitals_under_a_chapters_number_is_its_title() {
    let titles_under = [
        "WHICH TELLS OF THE CARRIER AND OF THE LAMP HE CARRIED OVER THE WATER",
        "OF THE GREAT RAIN THAT FELL FOR THREE WHOLE DAYS UPON THE BRIDGE AND\nTHE RIVER BELOW IT",
        "IN WHICH ARE TOLD THE MANY TROUBLES THE CARRIER MET ON THE LONG ROAD\nHOME, AND HOW HE BORE THEM ALL WITH PATIENCE UNTIL AT LAST HE CAME TO\nTHE HARBOUR",
    ];
    let mut text = String::new();
    for (n, t) in ["I", "II", "III"].iter().zip(titles_under) {
        text.push_str(&format!("\n\n\nCHAPTER {n}.\n\n{t}\n\n\n"));
        for _ in 0..3 {
            text.push_str(PROSE);
            text.push('\n');
        }
    }
    let want: Vec<String> = ["I", "II", "III"]
        .iter()
        .zip(titles_under)
        .map(|(n, t)| format!("CHAPTER {n}. {}", t.replace('\n', " ")))
        .collect();
    assert_eq!(titles(&text), want);
}

/// A collection whose last piece alone comes in numbered books: its pieces' titles are
/// listed, not only the last piece's books.
#[test]
fn numbered_books_in_a_collections_last_piece_leave_its_other_titles_listed() {
    let mut heads: Vec<String> = [
        "THE CARRIER'S TALE.",
        "THE KEEPER'S TALE.",
        "THE MILLER'S TALE.",
        "THE FERRYMAN'S TALE.",
        "THE LAMP",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    heads.extend(["THE FIRST BOOK.", "THE SECOND BOOK.", "THE THIRD BOOK."].map(String::from));
    let text = book(&heads.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(titles(&text), heads);
    // Books that start in the first half are the chapter level, as ever: a heading among
    // them is not listed (the one before the first is the book's title).
    let heads = [
        "THE PREAMBLE",
        "THE FIRST BOOK.",
        "A SONG",
        "THE SECOND BOOK.",
        "THE THIRD BOOK.",
    ];
    assert_eq!(
        titles(&book(&heads)),
        [
            "THE PREAMBLE",
            "THE FIRST BOOK.",
            "THE SECOND BOOK.",
            "THE THIRD BOOK."
        ]
    );
}

#[test]
fn a_bare_first_number_is_the_first_chapter_of_titled_ones() {
    // "I." with its title only in the picture under it, then chapters numbered and
    // titled; the vocabulary at the end numbers its lists barely, chapter by chapter.
    let para = "Le petit chat est monté sur la table, et sa patte est dans le lait \
                de la tasse bleue.\n\n"
        .repeat(5);
    let mut text = format!("I.\n\n\n[Illustration: LE CHAT ET LA TASSE.]\n\n{para}\n\n");
    for (n, title) in [
        ("II", "Maman se fâche."),
        ("III", "Le chat part."),
        ("IV", "La pluie."),
    ] {
        text.push_str(&format!("{n}. {title}\n\n\n{para}\n\n"));
    }
    text.push_str("MOTS ET EXPRESSIONS.\n\n\n");
    for n in ["I", "II", "III", "IV"] {
        text.push_str(&format!(
            "{n}.\n\nle chat,        de kat.\nla tasse,       het kopje.\n\n\n"
        ));
    }
    assert_eq!(
        titles(&text),
        [
            "I.",
            "II. Maman se fâche.",
            "III. Le chat part.",
            "IV. La pluie.",
        ]
    );
}
