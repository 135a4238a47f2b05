//! Rows of a table set with blank lines between them (a contents list with its page
//! numbers, a cast list with its players, speeches joined by a brace) keep their columns
//! rather than run together as one-line paragraphs.

mod common;
use common::printed;

/// Prose around a cast list and a contents list whose rows stand apart, CRLF or LF.
fn story(nl: &str) -> String {
    [
        "It was a dark night and the rain fell on the town, and nobody was out in it at",
        "all, which suited the man in the long coat very well, as he had come to steal",
        "the bell from the church tower and meant to be gone before the morning came.",
        "",
        "  THE PLAYERS",
        "",
        "  The Bellringer              Tom Hask.",
        "",
        "  His Daughter                Ada Penhale.",
        "",
        "  A Thief                     Walter Crane.",
        "",
        "  Townsfolk.",
        "",
        "CONTENTS",
        "",
        "  The Tower at Night                 3",
        "",
        "  The Missing Bell                  29",
        "",
        "So the bell was gone by dawn, and the town woke late for want of it, and the",
        "baker burned his bread, and the mayor missed his train to the county town.",
        "",
    ]
    .join(nl)
}

#[test]
fn rows_set_apart_by_blank_lines_keep_their_columns() {
    for nl in ["\n", "\r\n"] {
        let lines = printed(&story(nl), 60);
        let has = |want: &str| lines.iter().any(|l| l.trim_end() == want);
        assert!(has("The Bellringer              Tom Hask."), "{lines:#?}");
        assert!(
            has("His Daughter                Ada Penhale."),
            "{lines:#?}"
        );
        assert!(has("The Tower at Night                 3"), "{lines:#?}");
        assert!(has("The Missing Bell                  29"), "{lines:#?}");
        // A row of one column is a line like any other; prose around is reflowed.
        assert!(has("Townsfolk."), "{lines:#?}");
        assert!(
            lines.iter().any(|l| l.starts_with("nobody was out")),
            "{lines:#?}"
        );
    }
}
