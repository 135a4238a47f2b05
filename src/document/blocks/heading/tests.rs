//! Tests of what makes a line a heading, and what only looks like one.

use super::*;
use proptest::prelude::*;

proptest! {
    /// The last two words of a line split on its bytes when it is ASCII, as a split on
    /// its characters finds them.
    #[test]
    fn last_two_words_as_a_split_on_characters(
        t in "[a-zA-Z0-9 .:,_()*\\[\\]\\-]{0,30}|[aI1 .:\u{a0}\u{2014}\u{2013}\u{e9}-]{0,12}",
    ) {
        let mut last = t.rsplit(is_separator).filter(|w| !w.is_empty());
        prop_assert_eq!(last_two_words(&t), last.next().zip(last.next()));
    }
}

/// [`is_named_section`] without its refusal on the first letter.
fn plain_named_section(t: &str) -> bool {
    let end = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    let (first, rest) = t.split_at(end);
    NAMED.iter().any(|x| x.eq_ignore_ascii_case(first))
        && (rest.is_empty() || rest.starts_with([':', '.', ' ', '-', '—']) && t.len() <= 60)
}

proptest! {
    /// The refusal on the first letter refuses no named section: every name in any
    /// case, before separators and words, and lines that start otherwise. (Checked to
    /// fail with `b'f'` left out of the refusal.)
    #[test]
    fn a_named_section_is_found_as_without_the_refusal(
        name in "(prologue|epilogue|preface|introduction|contents|afterword|foreword|interlude|conclusion|appendix|[a-zA-Z\u{e9}]{0,9})",
        upper in proptest::collection::vec(any::<bool>(), 12),
        rest in "[:. \u{2014}a-z-]{0,8}",
    ) {
        let name: String = name
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, &u)| if u { c.to_ascii_uppercase() } else { c })
            .collect();
        let t = format!("{name}{rest}");
        prop_assert_eq!(is_named_section(&t), plain_named_section(&t));
    }
}

proptest! {
    /// Three words split at ASCII whitespace, byte by byte, as `split_ascii_whitespace`
    /// finds them: lines of fewer, three and more words, with every kind of ASCII space
    /// and with spaces that are not ASCII. (Checked to fail with `n == 3` made `n >= 2`.)
    #[test]
    fn three_words_as_split_at_ascii_whitespace(
        t in "[ \t\r\u{c}a-z\u{a0}\u{e9}.]{0,24}",
    ) {
        let mut ws = t.split_ascii_whitespace();
        let want = match (ws.next(), ws.next(), ws.next(), ws.next()) {
            (Some(_), Some(w1), Some(w2), None) => Some((w1, w2)),
            _ => None,
        };
        prop_assert_eq!(three_words(&t), want);
    }
}

fn kind(t: &str) -> Option<&'static str> {
    numbered(t).map(|n| n.kind)
}

#[test]
fn a_page_number_after_a_multibyte_character_does_not_panic() {
    assert!(!ends_in_page_number("ÁE¡ÏW 12"));
    assert!(ends_in_page_number("CHAPTER II  Page 14"));
}

#[test]
fn is_separator_is_the_list_of_separators() {
    for c in ('\0'..='\u{3000}').chain(SEPARATORS.iter().copied()) {
        assert_eq!(is_separator(c), SEPARATORS.contains(&c), "{c:?}");
    }
}

#[test]
fn numbered_headings_in_many_spellings() {
    for (t, k) in [
        ("CHAPTER IV", "chapter"),
        ("Chapter 12: The Return", "chapter"),
        ("Chapter the Last", "chapter"),
        ("Fit the Third", "fit"),
        ("Actus Primus. Scoena Prima.", "act"),
        ("Scena Secunda.", "scene"),
        ("_Actus primus. Scena prima._", "act"),
        ("_Actus [Tertius]. Scena Prima._", "act"),
        ("ACT I. SCENE II.", "act"),
        ("SCENE III.", "scene"),
        ("Ferries Chapter 3", "chapter"),
        ("Psalm 40", "psalm"),
        ("SURA XCVI.-THICK BLOOD", "sura"),
        ("SURA2 LXX.-THE STEPS", "sura"),
        ("THE SECOND ACT", "act"),
        ("BOOK TWO", "book"),
        ("FEDERALIST No. 10", "number"),
        ("FEDERALIST. No. 1", "number"),
        ("The Rambler No. 4.", "number"),
        ("SCAENA PRĪMA", "scene"),
        ("SECUNDA SCAENA", "scene"),
        ("Second Part", "part"),
    ] {
        assert_eq!(kind(t), Some(k), "{t}");
    }
}

#[test]
fn every_roman_numeral_in_its_usual_form_and_no_word() {
    for n in 1..4000 {
        let r = to_roman(n);
        assert!(is_roman(&r) && is_roman(&r.to_lowercase()), "{r}");
    }
    for w in ["DID", "MIMIC", "CIVIL", "IIII", "VX", "Iv", ""] {
        assert!(!is_roman(w), "{w}");
    }
}

#[test]
fn sentences_and_contents_lines_are_not_numbered_headings() {
    for t in [
        "Part of me knew.",
        "Act 1 was long and dull.",
        "Chapter and verse were quoted",
        "Book lovers",
        "CHAPTER I ....... 1",
        "CHAPTER II  Page 14",
        "CHAPTER III. THE MILL. . . . . 27",
        "chapter 3 again",
        "Fit the key into the lock.",
        "Some Chapter 3 pages",
        "The First Day",
        "No. 4",
        "He said No. 4",
        "FEDERALIST No. 10 was his",
        "CHICKEN SALAD.--(See No. 931.)",
        "TO GLAZE HAM.--(See Recipe No. 430.)",
    ] {
        assert_eq!(kind(t), None, "{t}");
    }
}

#[test]
fn a_numbered_heading_knows_where_its_title_starts() {
    let t = "CHAPTER VI - THE LONG ROAD HOME";
    let n = numbered(t).unwrap();
    assert_eq!(&t[n.title_at..], "THE LONG ROAD HOME");
    let bare = numbered("CHAPTER 1").unwrap();
    assert!(!bare.has_title("CHAPTER 1"));
    assert_eq!(roman_led("VII. THE BLUE STONE").unwrap().title_at, 5);
    assert!(roman_led("I said so.").is_none());
}

#[test]
fn book_titles_of_scripture_and_anthologies() {
    assert!(is_book_title("The Book of the Prophet Jonah"));
    assert!(is_book_title(
        "The Second Book of the Chronicles, Otherwise Called the Last Book of Days"
    ));
    assert!(is_book_title("The Gospel According to Saint Mark"));
    assert!(!is_book_title("The book of recipes was on the shelf."));
    assert!(!is_book_title("The Book of Kells is in Dublin"));
}

#[test]
fn sentences_by_a_stop_inside_and_at_the_end() {
    assert!(is_sentences("Describe the lamp.  Give three examples."));
    assert!(is_sentences("Who lit it? Nobody knows."));
    for t in [
        "THE START OF IT.",
        "Mr. Pickwick Goes to Town.",
        "In Which the Keeper Climbs",
        "The Lamp. The Sea",
    ] {
        assert!(!is_sentences(t), "{t}");
    }
}

#[test]
fn links_read_as_their_words() {
    assert_eq!(link_words("[Install](https://x.org/a)"), "Install");
    assert_eq!(link_words("Lamps [(see)](#l) here"), "Lamps (see) here");
    assert_eq!(link_words("灯台[[编辑](/w/index.php?a=1"), "灯台编辑");
    assert_eq!(link_words("[1] A note"), "[1] A note");
}

#[test]
fn aozora_headings_by_their_markup() {
    assert_eq!(
        aozora_title("［＃８字下げ］一［＃「一」は中見出し］"),
        Some("一")
    );
    assert_eq!(aozora_title("［＃「第一章」は大見出し］"), Some("第一章"));
    for t in [
        "［＃ここから２字下げ］",
        "一",
        "［＃「言＋墟のつくり」、第4水準2-88-74］",
    ] {
        assert_eq!(aozora_title(t), None, "{t}");
    }
}

#[test]
fn markdown_headings_by_their_hashes() {
    assert_eq!(atx_title("# The Lighthouse"), Some("The Lighthouse"));
    assert_eq!(atx_title("### A Visitor ###"), Some("A Visitor"));
    for t in [
        "#",
        "# # #",
        "#2 pencils",
        "####### Too deep",
        "# and so it went on,",
    ] {
        assert_eq!(atx_title(t), None, "{t}");
    }
}

#[test]
fn setext_headings_need_a_rule_as_long_as_the_title() {
    assert!(is_setext("* Getting started", 17, "-----------------"));
    assert!(is_setext("Notes", 5, "====="));
    assert!(!is_setext("Notes", 5, "=================="));
    assert!(!is_setext("Notes", 5, "-=-=-"));
}

#[test]
fn letters_speeches_and_directions_are_not_headings() {
    for t in [
        "DEAR SIR,--",
        "\"My dearest Lucy,--",
        "\"MINA.",
        "Yours truly,",
        "Your loving friend",
        "NO.",
        "WHAT?",
        "HOLD!",
        "CHORUS.",
        "Chorus",
        "GRIMBLE AND TOPP.",
        "MARY AND ALL THE GIRLS.",
        "D:\\>CD",
        "D:\\DISTS\\SLINK\\MAIN\\DISKS-I386\\",
        "\\DISTS\\SLINK\\MAIN",
        "Enter the GAOLER with a lamp.",
        "WARDEN discovered at his desk.[4]",
        "'OSWALD PENNYFEATHER.'",
        "\"HOLD FAST!\"",
        "[_Aside._]",
        "THE BELL . . . . 27",
        "Both. Sing hey the heather, &c.",
        "T. W.",
        "B. C. SAWARD.",
        "VIOLONCELLO--(VICTOR HERBERT)]",
        "Figure 1: The lantern path",
        "FIG. 12.",
        "Table II. Tides at Gullhaven",
        "Plate 4",
        "CUT TO:",
        "FADE IN:",
        "FADE OUT.",
        "MATCH CUT TO:",
        "Pray what did bad Mendicant do?",
        "Leaving old England behind us, Boys!",
    ] {
        assert!(is_false_heading(t), "{t}");
    }
    for t in [
        "TABLE OF CONTENTS",
        "The Map of the Harbour",
        "THE LOST LETTER",
        "The Harbour.",
        "A SHIPWRECK ON THE DOGGER BANK",
        "WHAT THE PILOT SAW?",
        "MINA MURRAY'S JOURNAL",
        "A DREAM.",
        "'NO, THANK YOU, SKIPPER'",
        "ARRANGEMENT AND ECONOMY OF THE KITCHEN.",
        "GENERAL OBSERVATIONS ON THE SHEEP AND LAMB.",
    ] {
        assert!(!is_false_heading(t), "{t}");
    }
}

#[test]
fn subtitles_read_as_titles_not_sentences() {
    for t in [
        "The Harbour.",
        "_Letter from the Mate to his Sister._",
        "THE LONG ROAD HOME",
        "In which the Tide Turns",
    ] {
        assert!(is_subtitle(t), "{t}");
    }
    for t in [
        "It was late when we came in.",
        "\"Who is there?\"",
        "1:1. The first verse runs on here.",
        "He stopped. Then he ran.",
        "and then the rain came",
        "_The Mate's Log._--Wind in the north.",
        "He left.",
        "Ecce homo.",
    ] {
        assert!(!is_subtitle(t), "{t}");
    }
}

#[test]
fn endings() {
    for t in ["THE END", "FINIS.", "END OF THE FIRST ACT.", "_The End._"] {
        assert!(is_ending(t), "{t}");
    }
    assert!(!is_ending("THE ENDLESS ROAD"));
}
