use super::*;
use proptest::prelude::*;

proptest! {
    /// A line's indent, content and end as a look at each character finds them
    /// (spaces and ideographic spaces before it, any space after it), with its
    /// width from the line scan's char count or measured.
    #[test]
    fn a_line_is_measured_as_by_its_characters(
        t in "[ \u{3000}]{0,3}[a \u{3000}\u{e9}\u{732b}.]{0,12}[ \t]{0,2}",
    ) {
        let trimmed = t.trim_end();
        let body = trimmed.trim_start_matches([' ', '\u{3000}']);
        let lead = &trimmed[..trimmed.len() - body.len()];
        let indent: usize = lead.chars().map(|c| if c == ' ' { 1 } else { 2 }).sum();
        let narrow = (!t.bytes().any(|b| b >= 0xe3)).then(|| t.chars().count());
        for chars in [None, narrow] {
            let got = SourceLine::measure(&t, 0, t.len(), chars)
                .map(|l| (l.content, l.end, l.indent, l.width));
            let want = (!body.is_empty()).then(|| {
                (lead.len(), trimmed.len(), indent, indent + display_width(body))
            });
            prop_assert_eq!(got, want);
        }
    }

    /// The refusal on a line's first bytes refuses no scene break: lines of marks,
    /// curly quotes and other characters that share their first bytes.
    #[test]
    fn a_scene_break_is_found_as_without_the_refusal(
        t in "[-*#~&=_+.%•·§“”‘—¶© a]{1,8}",
    ) {
        prop_assert_eq!(is_scene_break(&t), is_scene_break_line(&t));
    }
}

/// The byte-first section number test against the char-counting one it replaced, on
/// every short mix of digits, numerals, stops and letters.
#[test]
fn section_numbers_by_bytes_as_by_chars() {
    let by_chars = |t: &str| {
        let bare = t.strip_suffix('.').unwrap_or(t);
        let n = bare.chars().count();
        n > 0
            && (n <= 3 && bare.bytes().all(|b| b.is_ascii_digit())
                || n <= 4 && bare.chars().all(|c| "〇一二三四五六七八九十百".contains(c))
                || n <= 8
                    && (n >= 2 || bare.len() < t.len())
                    && bare.bytes().all(|b| b"IVXLC".contains(&b)))
    };
    let alphabet = ["1", "I", "X", ".", "二", "a", "é", " "];
    let n = alphabet.len();
    for len in 0..=5u32 {
        for code in 0..n.pow(len) {
            let t: String = (0..len).map(|k| alphabet[code / n.pow(k) % n]).collect();
            if t.len() <= 13 {
                assert_eq!(is_section_number(&t), by_chars(&t), "{t:?}");
            }
        }
    }
}

#[test]
fn scene_breaks() {
    for t in [
        "* * *",
        "***",
        "---",
        "#",
        "~~~",
        "&&&",
        "*       *       *",
        "* * * * *",
        "+ + +",
        "+-+-+-+",
    ] {
        assert!(is_scene_break(t), "{t}");
    }
    // The edges of boxes drawn in ASCII are no breaks.
    for t in [
        "-",
        "* item",
        "a",
        "--x",
        "+--------+",
        "+----+    +=====+----+",
    ] {
        assert!(!is_scene_break(t), "{t}");
    }
}

#[test]
fn titled_headings() {
    for t in [
        "CHAPTER IV",
        "Chapter 12: The Return",
        "BOOK II",
        "PART ONE",
        "Prologue",
        "Epilogue.",
        "IV.",
        "XII",
        "12",
        "Chapter the Last",
    ] {
        assert!(is_titled_heading(t), "{t}");
    }
    for t in [
        "Part of me knew.",
        "I said so.",
        "Chapter and verse were quoted",
        "Book lovers",
    ] {
        assert!(!is_titled_heading(t), "{t}");
    }
}

#[test]
fn section_numbers() {
    for t in ["37", "12.", "IV", "XII.", "I.", "二", "十二"] {
        assert!(is_section_number(t), "{t}");
    }
    for t in ["I", "1850", "A", "Ah.", "", "一本"] {
        assert!(!is_section_number(t), "{t}");
    }
}

#[test]
fn caps_titles() {
    assert!(is_caps_title("THE LOST LETTER"));
    assert!(!is_caps_title("The Lost Letter"));
    assert!(!is_caps_title("A"));
}

#[test]
fn motif_breaks() {
    for t in [
        "oOoOo",
        "-x-x-x-",
        "xXx",
        "o0o",
        "<><><>",
        "/ / / / /",
        "~o~o~",
        "^^^^^",
    ] {
        assert!(is_motif_break(t), "{t}");
    }
    // Words, numerals, numbers and prose are not breaks.
    for t in [
        "hahaha",
        "lolol",
        "XXX",
        "III",
        "Zzz",
        "1212",
        "Oh.",
        "No!",
        "yes",
        "mama",
        "ab",
        "a line of prose that happens to be short",
        // A headword or a face, not a motif repeated.
        ":h:",
        ":0:",
        "<><>",
        "^^^",
    ] {
        assert!(!is_motif_break(t), "{t}");
    }
}

#[test]
fn a_motif_alone_between_paragraphs_is_a_scene_break_and_inside_one_is_not() {
    use crate::document::BlockKind;
    let text = "Marta did not want a cat.\n\noOoOo\n\nThe cat did not want Marta.\n\n\
                She said it twice:\nxXx\nand then once more.\n";
    let blocks = super::super::detect(text, 0..text.len());
    let kinds: Vec<BlockKind> = blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds[1], BlockKind::SceneBreak, "{blocks:?}");
    assert_eq!(
        kinds
            .iter()
            .filter(|&&k| k == BlockKind::SceneBreak)
            .count(),
        1
    );
}
