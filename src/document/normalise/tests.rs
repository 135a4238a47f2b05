use super::{has_special, has_special_from, is_special, normalise, push_normalised};

#[test]
fn has_special_finds_each_special_byte() {
    for b in 0..=255u8 {
        let mut bytes = vec![b'a'; 3000];
        bytes[2047] = b;
        assert_eq!(has_special(&bytes), is_special(b), "{b:#x}");
    }
}

#[test]
fn has_special_is_whether_normalise_changes_the_text() {
    // 60 KB, scanned in halves from 16 KB on: the two-thread path on a short text.
    let long = "plain words ".repeat(5_000);
    for s in [
        "",
        "plain",
        "café",
        "a\r\nb",
        "\x1b$B",
        "\u{feff}x",
        "\u{ef}",
        "tab\there",
        &long,
        &format!("{long}\x1b"),
        &format!("é{long}"),
        &format!("{long}\r"),
        &format!("é{long}\r"),
        &format!("{long}é\r{long}"),
    ] {
        assert_eq!(has_special(s.as_bytes()), normalise(s) != s, "{s:.20}");
        let halved = has_special_from(s.as_bytes(), 16 << 10);
        assert_eq!(halved, normalise(s) != s, "{s:.20}");
    }
}

#[test]
fn mapped_normalising_gives_the_same_text_and_marks_that_go_up() {
    for s in [
        "",
        "plain",
        "a\r\nb\rc\n\r\nd",
        "\u{feff}one\n\u{feff}two",
        "abc\tx\ty",
        "\x1b[1;31mred\x1b[0m ok",
        "B\x08Bo\x08ol\x08ld\x08d",
        "ab\x1b[m\x08\x08c",
        "_\x08h_\x08i\x0cnext\x00",
    ] {
        let (text, marks) = super::normalise_mapped(s);
        assert_eq!(text, normalise(s), "{s:?}");
        assert_eq!((marks[0].raw, marks[0].out), (0, 0));
        for w in marks.windows(2) {
            assert!(
                w[0].raw < w[1].raw && w[0].out <= w[1].out,
                "{s:?}: {marks:?}"
            );
        }
        assert!(marks.iter().all(|m| m.out <= text.len()));
    }
}

/// Appended after text that does or does not end a line, a line's tab stops, form
/// feeds and backspaces come out as they do on their own.
#[test]
fn pushing_normalised_text_onto_some_is_normalising_it_alone() {
    let raws = [
        "a\tb\r\nc",
        "\x0cpage",
        "\x08x_\x08y\tz",
        "\u{feff}\x1b[1mq\x1b[0m\r",
        "plain\n",
        "",
    ];
    for before in ["", "done\n", "part"] {
        for raw in raws {
            let mut out = before.to_owned();
            push_normalised(&mut out, raw);
            assert_eq!(
                out,
                format!("{before}{}", normalise(raw)),
                "{before:?} {raw:?}"
            );
        }
    }
}

#[test]
fn clean_text_is_unchanged() {
    let s = "Plain words.\nCafé — ünïcode and 😀 and \u{ef}.\n";
    assert_eq!(normalise(s), s);
}

#[test]
fn line_ends() {
    assert_eq!(normalise("a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd");
}

#[test]
fn boms_anywhere_disappear() {
    assert_eq!(normalise("\u{feff}one\n\u{feff}two"), "one\ntwo");
}

#[test]
fn tabs_go_to_the_next_stop_of_eight() {
    assert_eq!(normalise("\tx"), "        x");
    assert_eq!(normalise("abc\tx\ty"), "abc     x       y");
    assert_eq!(normalise("12345678\tx"), "12345678        x");
    assert_eq!(normalise("a\n\tb"), "a\n        b");
    // Wide characters take two columns.
    assert_eq!(normalise("猫\tx"), "猫      x");
    // A backspace takes back one of a tab's spaces: the next tab counts from there.
    assert_eq!(normalise("ab\t\x08\tc"), "ab      c");
    assert_eq!(normalise("猫\x08\tc"), "        c");
    assert_eq!(normalise("a猫\x08\tc"), "a       c");
}

/// Tabs expanded by counting columns from each line's start, the plain way.
fn expand_tabs(text: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let spaces = 8 - col % 8;
                out.extend(std::iter::repeat_n(' ', spaces));
                col += spaces;
            }
            '\n' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

proptest::proptest! {
    /// Tab stops are found from the line's start wherever the line ends were written
    /// (copied runs, CRLFs made LF, lines of any length with many tabs), and after a
    /// backspace took back a character looked at.
    #[test]
    fn tabs_land_on_the_stops_counted_from_each_line_start(
        words in proptest::collection::vec(proptest::sample::select(vec![
            "a", "bc", "\t", "\t\t", "\n", "\r\n", "word ", "x\ty",
        ]), 0..300),
        erased in 0usize..300,
    ) {
        let text: String = words.concat();
        proptest::prop_assert_eq!(normalise(&text), expand_tabs(&text.replace("\r\n", "\n")));
        // A letter struck out by a backspace (erased) is gone before the next tab.
        let at = words.iter().take(erased).map(|w| w.len()).sum::<usize>();
        let struck = format!("{}q\x08{}", &text[..at], &text[at..]);
        proptest::prop_assert_eq!(normalise(&struck), normalise(&text));
    }
}

#[test]
fn ansi_sequences_are_removed() {
    assert_eq!(normalise("\x1b[1;31mred\x1b[0m ok"), "red ok");
    assert_eq!(normalise("\x1b]0;title\x07text"), "text");
    assert_eq!(normalise("\x1b]8;;http://x\x1b\\link"), "link");
    assert_eq!(normalise("\x1b(Bplain\x1b="), "plain");
    assert_eq!(normalise("cut\x1b["), "cut");
}

#[test]
fn overstrikes_leave_the_character() {
    assert_eq!(normalise("_\x08h_\x08i"), "hi");
    assert_eq!(normalise("B\x08Bo\x08ol\x08ld\x08d"), "Bold");
    assert_eq!(normalise("x\x08_"), "x");
    assert_eq!(normalise("\x08start"), "start");
}

#[test]
fn form_feed_is_a_blank_line() {
    assert_eq!(normalise("end\n\x0cnext"), "end\n\nnext");
    assert_eq!(normalise("end\n\x0c\nnext"), "end\n\n\nnext");
}

/// A page that turns in mid-line (`...the\x0cdoor`) or at the end of a line
/// (`...the\x0c\r\ndoor`) turns in mid-paragraph as often as not: the line ends there,
/// and no blank line splits the paragraph.
#[test]
fn form_feed_after_text_ends_the_line_without_a_blank_line() {
    assert_eq!(normalise("she opened the\x0cdoor"), "she opened the\ndoor");
    assert_eq!(
        normalise("she opened the\x0c\r\ndoor"),
        "she opened the\ndoor"
    );
    assert_eq!(
        normalise("she opened the\x0c\ndoor"),
        "she opened the\ndoor"
    );
    assert_eq!(normalise("the\x0c\x0cdoor"), "the\n\ndoor");
}

/// After a finished sentence the page turns between paragraphs, or before a chapter.
#[test]
fn form_feed_after_a_finished_sentence_is_a_blank_line() {
    assert_eq!(
        normalise("the end of it.\x0c\nCHAPTER II"),
        "the end of it.\n\nCHAPTER II"
    );
    assert_eq!(normalise("\"Go!\"\x0cShe went."), "\"Go!\"\n\nShe went.");
}

#[test]
fn other_controls_are_dropped() {
    assert_eq!(normalise("a\x00b\x07c\x7fd"), "abcd");
}
