//! An email's quote marks: `> ` starts each line of a quoted passage, `>> ` each line
//! of one quoted within it (also written `> > `). They are the writer's line starts,
//! never text to run into the middle of a line.

/// The quote marks that start `line` (its indent already left out): how many levels
/// deep it is quoted, and the bytes (columns: they are ASCII) of the marks with the
/// spaces after them. `None` for a line that is not quoted.
pub fn marks(line: &str) -> Option<(usize, usize)> {
    if !line.starts_with('>') {
        return None;
    }
    let (mut depth, mut width) = (0, 0);
    for (i, b) in line.bytes().enumerate() {
        match b {
            b'>' => {
                depth += 1;
                width = i + 1;
            }
            b' ' => width = i + 1,
            // `>>>, etc.` in a sentence about quote marks: marks then punctuation are
            // the sentence's words, not a quotation's start.
            b',' | b'.' | b';' | b':' | b'!' | b'?' | b')' | b'-' | b'=' | b'<' => return None,
            // Marks run straight into a word: a prompt's (`>take lamp` in a game's
            // transcript), not a mailer's, which puts a space after them.
            _ if line.as_bytes()[i - 1] == b'>' => return None,
            _ => break,
        }
    }
    Some((depth, width))
}

/// How many levels deep `line` is quoted: 0 when it is not.
pub fn depth(line: &str) -> usize {
    marks(line).map_or(0, |(depth, _)| depth)
}

#[cfg(test)]
mod tests {
    use super::{depth, marks};

    #[test]
    fn quote_marks_and_what_only_starts_like_them() {
        assert_eq!(marks("> The lamp room"), Some((1, 2)));
        assert_eq!(marks(">> And the cat"), Some((2, 3)));
        assert_eq!(marks("> > And the cat"), Some((2, 4)));
        assert_eq!(marks(">"), Some((1, 1)));
        assert_eq!(marks("->"), None);
        assert_eq!(marks(">>>, etc., depending on line length"), None);
        assert_eq!(marks(">take rod"), None, "a game's prompt");
        assert_eq!(marks(">> >go north"), None);
        assert_eq!(depth("plain"), 0);
    }
}
