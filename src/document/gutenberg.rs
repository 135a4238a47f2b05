//! Project Gutenberg header and footer: kept in the text, hidden from the page.
//!
//! Only the first and last `WINDOW` bytes are searched, so this costs the same for a
//! 10 KB story and a 200 MB one. For a file of several etexts joined together (the
//! Silesia `dickens` file holds fourteen), the body runs from the end of the *first*
//! header to the start of the *last* footer: the boilerplate between the books stays
//! visible, which is honest (it is in the file) and never hides a book.

use std::ops::Range;

/// How far from each end of the text the markers are looked for. The old "small print"
/// header is about 12 KB; modern licence footers about 19 KB.
const WINDOW: usize = 64 * 1024;

/// Lines whose end marks the end of the header (case-insensitive prefixes of the trimmed
/// line). `*** START OF THE PROJECT GUTENBERG EBOOK ... ***` is checked separately.
const HEADER_ENDS: &[&str] = &[
    "*end*the small print",
    "*end the small print",
    "***end*the small print",
];

/// Lines that start the footer.
const FOOTER_STARTS: &[&str] = &[
    "end of the project gutenberg",
    "end of project gutenberg",
    "end of this project gutenberg",
];

/// The byte range of the story proper: after the header line and before the footer.
/// Without markers, the whole text. Always starts and ends on a line boundary.
///
/// ```
/// let text = "Title page\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\nStory.\n\
///             *** END OF THE PROJECT GUTENBERG EBOOK X ***\nLicence.\n";
/// let body = dogear::gutenberg::body(text);
/// assert_eq!(&text[body], "Story.\n");
/// ```
pub fn body(text: &str) -> Range<usize> {
    let start = header_end(text).unwrap_or(0);
    let end = footer_start(text, start).unwrap_or(text.len());
    start..end.max(start)
}

/// Where the story proper starts ([`body`]'s start), once `text` is known to be the
/// start of the whole text far enough for it to be decided: every line starting in the
/// first `WINDOW` bytes is whole. `ended`: `text` is the whole text. `None` until then.
pub fn start_once_known(text: &str, ended: bool) -> Option<usize> {
    let known = ended || memchr::memchr(b'\n', text.as_bytes().get(WINDOW..)?).is_some();
    known.then(|| header_end(text).unwrap_or(0))
}

/// [`body`] for a window of a file's text: a header is looked for only in a window that
/// starts the file, a footer only in one that ends it, as the whole text's are looked
/// for only at its ends (a window in the middle of several etexts joined in one file
/// must not take the markers between two of them for its own).
pub fn window_body(text: &str, starts_file: bool, ends_file: bool) -> Range<usize> {
    let start = match starts_file {
        true => header_end(text).unwrap_or(0),
        false => 0,
    };
    let end = match ends_file {
        true => footer_start(text, start).unwrap_or(text.len()),
        false => text.len(),
    };
    start..end.max(start)
}

/// The lines starting in `text[from..to]`, as (line start, line without its `\n`).
fn lines_in(text: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, &str)> {
    // Begin at a line start so a marker is never seen from its middle.
    let mut from = from.min(text.len());
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let from = if from == 0 {
        0
    } else {
        text[..from].rfind('\n').map_or(0, |i| i + 1)
    };
    let mut pos = from;
    text[from..].split_inclusive('\n').map_while(move |line| {
        if pos >= to {
            return None;
        }
        let start = pos;
        pos += line.len();
        Some((start, line.strip_suffix('\n').unwrap_or(line)))
    })
}

fn starts_with_ignore_case(line: &str, prefix: &str) -> bool {
    line.len() >= prefix.len()
        && line.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn is_start_marker(line: &str) -> bool {
    let t = line.trim();
    if !t.starts_with("***") {
        return HEADER_ENDS.iter().any(|p| starts_with_ignore_case(t, p));
    }
    let rest = t.trim_start_matches('*').trim_start();
    starts_with_ignore_case(rest, "start of th") && contains_ignore_case(rest, "project gutenberg")
        || HEADER_ENDS.iter().any(|p| starts_with_ignore_case(t, p))
}

fn is_end_marker(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with("***") {
        let rest = t.trim_start_matches('*').trim_start();
        return starts_with_ignore_case(rest, "end of th")
            && contains_ignore_case(rest, "project gutenberg");
    }
    FOOTER_STARTS.iter().any(|p| starts_with_ignore_case(t, p))
}

fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Offset just after the first header-ending line in the first `WINDOW` bytes.
///
/// A marker opened with `***` and too long for its line goes on to the line that closes
/// it (`***START OF THE PROJECT GUTENBERG EBOOK INFANTRY DRILL REGULATIONS, UNITED` over
/// `STATES ARMY, 1911***`): the header ends after that line.
fn header_end(text: &str) -> Option<usize> {
    let mut lines = lines_in(text, 0, WINDOW.min(text.len()));
    let (start, line) = lines.find(|(_, line)| is_start_marker(line))?;
    let mut end = start + line.len();
    let open = |l: &str| l.trim_start().starts_with("***") && !l.trim_end().ends_with('*');
    if open(line) {
        if let Some((at, closing)) = lines
            .take(2)
            .take_while(|(_, l)| !l.trim().is_empty())
            .find(|(_, l)| l.trim_end().ends_with("***"))
        {
            end = at + closing.len();
        }
    }
    Some((end + 1).min(text.len()))
}

/// Start of the earliest footer line in the last `WINDOW` bytes, after `body_start`.
fn footer_start(text: &str, body_start: usize) -> Option<usize> {
    let from = text.len().saturating_sub(WINDOW).max(body_start);
    lines_in(text, from, text.len())
        .filter(|&(start, _)| start >= body_start)
        .find(|(_, line)| is_end_marker(line))
        .map(|(start, _)| start)
}

#[cfg(test)]
mod tests {
    use super::body;

    #[test]
    fn a_start_marker_wrapped_onto_the_next_line_ends_the_header_after_it() {
        let text = "Title\n***START OF THE PROJECT GUTENBERG EBOOK LAMP REGULATIONS, HARBOUR\n\
                    BOARD, 1911***\n\nCHAPTER I\n";
        assert_eq!(&text[body(text)], "\nCHAPTER I\n");
        // A marker closed on its own line, and one never closed: the line after is the
        // story's.
        let text = "*** START OF THE PROJECT GUTENBERG EBOOK LAMP ***\nBOARD, 1911***\n";
        assert_eq!(&text[body(text)], "BOARD, 1911***\n");
        let text = "***START OF THE PROJECT GUTENBERG EBOOK LAMP\nThe story.\n";
        assert_eq!(&text[body(text)], "The story.\n");
    }

    #[test]
    fn window_start_inside_a_multibyte_char_does_not_panic() {
        let text = "猫".repeat(30_000);
        assert_eq!(body(&text), 0..text.len());
    }

    #[test]
    fn no_markers_means_everything() {
        assert_eq!(body("Just a story.\n"), 0..14);
    }

    #[test]
    fn old_small_print_header_and_etext_footer() {
        let text = "The Project Gutenberg Etext of Something\n\
                    legal words\n\
                    *END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\
                    \n\
                    The real story.\n\
                    \n\
                    End of the Project Gutenberg Etext of Something\n";
        let b = body(text);
        assert_eq!(text[b].trim(), "The real story.");
    }

    #[test]
    fn modern_footer_starts_at_the_end_of_line_before_the_marker() {
        let text = "*** START OF THIS PROJECT GUTENBERG EBOOK A TALE ***\n\
                    Story text.\n\
                    End of the Project Gutenberg EBook of A Tale\n\
                    \n\
                    *** END OF THIS PROJECT GUTENBERG EBOOK A TALE ***\nLicence\n";
        assert_eq!(text[body(text)].trim(), "Story text.");
    }

    #[test]
    fn a_story_mentioning_the_end_is_not_cut() {
        let text = "It was the end of the project, he said.\n";
        assert_eq!(body(text), 0..text.len());
    }
}
