//! Fenced code in Markdown-ish text (```` ``` ```` or `~~~` fences): inside a fence nothing
//! is a heading, nothing is joined, and the lines are kept as they are, blank lines and
//! all, so a shell comment (`# build it once`) is neither a chapter nor a scene break.

mod common;
use common::{heading_texts, printed, titles};

/// A README of our own: a title, prose, a fenced shell session whose comments look like
/// Markdown headings, a second section, and a `~~~` fence with code that reads on like
/// prose.
const README: &str = "# The Keeper's Log\n\
\n\
A small tool that keeps the lighthouse keeper's log. It reads the log and\n\
prints the nights the lamp was lit late, one a line.\n\
\n\
```sh\n\
# Build it once\n\
make log\n\
\n\
# Nights The Lamp Was Lit Late\n\
\n\
# Then read the winter's log with it\n\
./log winter.txt\n\
## Not a Heading Either\n\
```\n\
\n\
## Reading the Log\n\
\n\
Each night is a line of the log: the date, the hour the lamp was lit and\n\
the keeper's initials, set apart by spaces.\n\
\n\
~~~\n\
# The Lamp Room\n\
let keeper = Keeper::new(\"The keeper climbed the stairs every evening\");\n\
keeper.climb(112);\n\
\n\
\x20   keeper.light();\n\
~~~\n\
\n\
That is all there is to it.\n";

#[test]
fn hash_lines_inside_a_fence_are_no_headings_and_no_chapters() {
    assert_eq!(
        heading_texts(README),
        ["# The Keeper's Log", "## Reading the Log"]
    );
    assert_eq!(titles(README), ["The Keeper's Log", "Reading the Log"]);
}

#[test]
fn lines_inside_a_fence_are_kept_as_they_are() {
    let lines = printed(README, 80);
    let trimmed: Vec<&str> = lines.iter().map(|l| l.trim_end()).collect();
    for code in [
        "```sh",
        "# Build it once",
        "make log",
        "# Then read the winter's log with it",
        "./log winter.txt",
        "## Not a Heading Either",
        "~~~",
        "# The Lamp Room",
        "let keeper = Keeper::new(\"The keeper climbed the stairs every evening\");",
        "keeper.climb(112);",
        "    keeper.light();",
    ] {
        assert!(
            trimmed
                .iter()
                .any(|l| l.ends_with(code) && l[..l.len() - code.len()].chars().all(|c| c == ' ')),
            "{code:?} is not a line of its own in\n{}",
            lines.join("\n")
        );
    }
    // Each code line keeps its place relative to the fence: the indented call stays
    // four columns deeper than the line above it.
    let at = |s: &str| trimmed.iter().position(|l| l.ends_with(s)).unwrap();
    let margin = |i: usize| trimmed[i].len() - trimmed[i].trim_start().len();
    assert_eq!(
        margin(at("keeper.light();")),
        margin(at("keeper.climb(112);")) + 4
    );
}
