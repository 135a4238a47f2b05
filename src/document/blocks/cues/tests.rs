use super::*;
use proptest::prelude::*;

proptest! {
    /// The first word's width found in one look at its bytes, as the split at its
    /// first space and a width measured after it find it.
    #[test]
    fn first_word_width_as_measured_whole(t in "[a-z.,]{0,6}[ \u{e9}\u{a0}\u{2014}あa]{0,6}") {
        let end = t.find(' ').unwrap_or(t.len());
        let word = &t[..end];
        let want = if word.is_ascii() {
            end
        } else if word.bytes().any(|c| matches!(c, 0xc2 | 0xe1 | 0xe2 | 0xe3)) {
            word.split(char::is_whitespace)
                .find(|w| !w.is_empty())
                .map_or_else(|| shape::display_width(word), shape::display_width)
        } else {
            shape::display_width(word)
        };
        prop_assert_eq!(first_word_width(&t), want);
    }
}

#[test]
fn numbered_starts() {
    for t in [
        "2:4  And so",
        "1:1. Blessed",
        "12. All that",
        "58, 59. As on",
        "(3) item",
    ] {
        assert!(starts_numbered(t), "{t}");
    }
    for t in [
        "1850 was a year",
        "12 men came",
        "2nd of May",
        "(and so)",
        "3.5 miles",
    ] {
        assert!(!starts_numbered(t), "{t}");
    }
    assert_eq!(number_prefix("2:4  And so"), 5);
    assert_eq!(number_prefix("58, 59. As"), 8);
}

#[test]
fn speeches() {
    for t in [
        "HOLM. Thy voice I know",
        "FIRST LORD      Then let us go",
        "MRS. GREEN. Then stay.",
        "TOM: Is this the last one?",
        "FIRST LORD: Then let us go",
        "_Ros._ Good shepherd",
        "_Mrs. Coaxer._ If any woman",
        "_Crook-finger'd Jack._ Not I.",
        "Q: Can I visit the lighthouse?",
        "A: Yes, on Sundays.",
    ] {
        assert!(starts_speech(t), "{t}");
    }
    assert!(starts_colon_speech("Q: Can I visit?"));
    assert!(is_tabbed_speech("FIRST LORD      Then let us go", 0));
    assert!(starts_speech_at_stop("SERVANT My lord", 0));
    assert!(!starts_speech_at_stop("SERVANT my lord", 0));
    assert!(!starts_speech_at_stop("SERVANT My lord", 2));
    for t in [
        "I. The start",
        "CHAPTER IV.",
        "O, what a night",
        "NO. we said",
        "A table for two",
        "A. Lincoln said so",
        "Q. was the letter",
    ] {
        assert!(!starts_speech(t), "{t}");
    }
}

#[test]
fn leading_words() {
    for w in ["the", "The", "of", "and", "und", "y", "whose"] {
        assert!(is_leading(w.as_bytes()), "{w}");
    }
    for w in ["", "thee", "off", "sea", "theatre", "x"] {
        assert!(!is_leading(w.as_bytes()), "{w}");
    }
}

#[test]
fn attributions() {
    assert!(is_attribution("-- G. B. Shaw"));
    assert!(is_attribution("— Anonymous"));
    assert!(!is_attribution("--and then he left"));
    assert!(is_attribution("-- old surveyors' saying"));
    assert!(!is_attribution("-"));
}
