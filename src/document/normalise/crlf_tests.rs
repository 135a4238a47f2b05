//! The one-step CRLF path of [`super::Normaliser::run_mut`] against the plain steps.

use super::Normaliser;
use proptest::prelude::*;

/// `raw` normalised with or without the one-step CRLF path (`plain`), with its marks.
fn normalised(raw: &str, plain: bool) -> (String, Option<Vec<super::Mark>>) {
    let mut n = Normaliser {
        plain,
        marks: Some(Vec::new()),
        ..Normaliser::default()
    };
    n.run_mut(raw);
    let with_marks = (n.out, n.marks);
    let mut n = Normaliser {
        plain,
        ..Normaliser::default()
    };
    n.run_mut(raw);
    assert_eq!(n.out, with_marks.0, "marks kept or not, the same text");
    with_marks
}

proptest! {
    /// CRLF lines copied in one step give the text, and the marks, the plain steps give:
    /// with tabs, lone CRs, form feeds, backspaces, escapes and BOMs in or between them,
    /// and lines longer than a step of sixteen bytes.
    #[test]
    fn crlf_lines_in_one_step_are_the_plain_steps(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "word ", "é", "\r\n", "\r", "\n", "\t", "\x0c", "\x08", "_",
            "\x1b[1m", "\u{feff}", "\u{ef}", "Done. ", "\r\n\r\n", "0123456789abcdef",
        ]), 0..200),
    ) {
        let raw: String = pieces.concat();
        prop_assert_eq!(normalised(&raw, false), normalised(&raw, true));
    }
}
