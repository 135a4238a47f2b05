//! The one table of keys: every binding of the reader, with its default keys, the text the
//! help screen and the README show, and the group it is listed under.
//!
//! This table drives the key handling ([`super::Keymap`]), the help screen
//! (`crate::ui::lists::help`), `dogear --config`, rebinding in `config.toml`'s `[keys]`,
//! and a test that checks the README's key table against it (`tests/readme_keys.rs`).
//!
//! **Adding a key is one line here**: a `bind` row (its `config.toml` name, the
//! [`Action`], the default key names as [`super::Key::parse`] reads them, a short help
//! text and its [`Group`]) put among its group's rows; then the same row in the README's
//! key table (the test says what it expects). A `note` row is shown in the help and
//! README but handled elsewhere (the mouse, the digits of a count, a question's
//! y/n, a prompt's editing keys); its keys are shown as written. A `shelf` row is a
//! key of the library screen (its moving keys are the reader's: `line_down` moves down a
//! story, `next_page` a page, and so on, but the library's own rows win).
//!
//! For example, a justification key is this row in [`ROWS`], among the `View` rows:
//!
//! ```text
//! bind(View, "justify", A::ToggleJustify, &["J"], "justified / ragged"),
//! ```
//!
//! and this row in the README's table, under `| **view** | |`:
//!
//! ```text
//! | `J` | justified / ragged: spaces spread to the column's edge, or not |
//! ```
//!
//! Help texts are short: the help is two columns in an 80x24 window
//! (`tests/screen.rs` `help_80x24` checks that every row is on screen; its second column
//! has room for two more rows: the help's box is the whole window's height).

use crate::library::LibraryAction;
use crate::reader::{Action, PromptKind, Setting};

/// Where a row is listed, in the help screen and the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Moving,
    Finding,
    Marks,
    View,
    Other,
    /// The library screen's keys (not in the reader's help: its footer shows them).
    Library,
}

impl Group {
    /// Every group, in the order they are listed (in the README).
    pub const ALL: [Group; 6] = [
        Group::Moving,
        Group::Finding,
        Group::Marks,
        Group::View,
        Group::Other,
        Group::Library,
    ];

    /// The groups of the reader's keys, in its help.
    pub const READER: [Group; 5] = [
        Group::Moving,
        Group::Finding,
        Group::Marks,
        Group::View,
        Group::Other,
    ];

    /// The heading shown above the group's rows.
    pub fn name(self) -> &'static str {
        match self {
            Group::Moving => "moving",
            Group::Finding => "finding",
            Group::Marks => "marks",
            Group::View => "view",
            Group::Other => "other",
            Group::Library => "library",
        }
    }
}

/// What a row's keys do.
#[derive(Debug, Clone, PartialEq)]
pub enum Does {
    /// This, while reading.
    Read(Action),
    /// This, on the library screen.
    Shelf(LibraryAction),
    /// Nothing the table handles: a note for the help and the README.
    Note,
}

/// One row of the table.
#[derive(Debug)]
pub struct Row {
    /// The action's name in `config.toml`'s `[keys]`; empty for a note.
    pub name: &'static str,
    pub does: Does,
    /// The default keys: key names (`space`, `ctrl-f`, `pgdn`, `G`), or for a note the
    /// keys as shown.
    pub keys: &'static [&'static str],
    /// What the help screen says; the README's description starts with it.
    pub help: &'static str,
    pub group: Group,
}

/// A rebindable row: `name = [keys]` in `config.toml`'s `[keys]`.
const fn bind(
    group: Group,
    name: &'static str,
    action: Action,
    keys: &'static [&'static str],
    help: &'static str,
) -> Row {
    Row {
        name,
        does: Does::Read(action),
        keys,
        help,
        group,
    }
}

/// A rebindable key of the library screen.
const fn shelf(
    name: &'static str,
    action: LibraryAction,
    keys: &'static [&'static str],
    help: &'static str,
) -> Row {
    Row {
        name,
        does: Does::Shelf(action),
        keys,
        help,
        group: Group::Library,
    }
}

/// A row shown in the help and README only: keys handled outside the table.
const fn note(group: Group, keys: &'static [&'static str], help: &'static str) -> Row {
    Row {
        name: "",
        does: Does::Note,
        keys,
        help,
        group,
    }
}

use Action as A;
use Group::{Finding, Library, Marks, Moving, Other, View};
use LibraryAction as L;

/// The table, in the order shown (grouped: each group's rows together, groups in
/// [`Group::ALL`]'s order).
#[rustfmt::skip]
pub static ROWS: &[Row] = &[
    bind(Moving, "next_page", A::PageDown, &["space", "f", "pgdn", "ctrl-f"], "next page"),
    bind(Moving, "previous_page", A::PageUp, &["b", "pgup", "ctrl-b"], "previous page"),
    bind(Moving, "half_page_down", A::HalfPageDown, &["d", "ctrl-d"], "half a page down"),
    bind(Moving, "half_page_up", A::HalfPageUp, &["u", "ctrl-u"], "half a page up"),
    bind(Moving, "line_down", A::LineDown, &["j", "down", "enter"], "one line down"),
    bind(Moving, "line_up", A::LineUp, &["k", "up"], "one line up"),
    note(Moving, &["wheel"], "three lines"),
    bind(Moving, "top", A::Top, &["g", "home"], "start; 123g: page 123"),
    bind(Moving, "bottom", A::Bottom, &["G", "end"], "end of the story"),
    bind(Finding, "search", A::OpenPrompt(PromptKind::Search), &["/"], "search"),
    bind(Finding, "next_match", A::SearchNext, &["n"], "next match"),
    bind(Finding, "previous_match", A::SearchPrev, &["N"], "previous match"),
    bind(Finding, "go_to_percent", A::OpenPrompt(PromptKind::Percent), &["p"], "go to a percent"),
    bind(Finding, "percent", A::Percent, &["%"], "after a number: 50%"),
    bind(Finding, "go_to_page", A::OpenPrompt(PromptKind::Page), &[":"], "go to a page"),
    bind(Finding, "chapters", A::Chapters, &["t"], "chapters"),
    bind(Finding, "next_chapter", A::NextChapter, &["]"], "next chapter"),
    bind(Finding, "previous_chapter", A::PrevChapter, &["["], "previous chapter"),
    bind(Finding, "jump_back", A::JumpBack, &["`"], "back before the jump"),
    bind(Marks, "add_bookmark", A::AddBookmark, &["m"], "add a bookmark"),
    bind(Marks, "bookmarks", A::Bookmarks, &["B"], "bookmarks (d u r)"),
    bind(View, "narrower", A::Narrower, &["-"], "narrower column"),
    bind(View, "wider", A::Wider, &["+", "="], "wider column"),
    bind(View, "encodings", A::Encodings, &["E"], "pick the encoding"),
    bind(View, "emphasis", A::ToggleEmphasis, &["i"], "_italics_ as styles"),
    bind(View, "justify", A::Toggle(Setting::Justify), &["J"], "justified / ragged"),
    bind(View, "hyphenate", A::Toggle(Setting::Hyphenate), &["H"], "hyphenated / whole"),
    bind(View, "indent", A::Toggle(Setting::Indent), &["P"], "indent / blank line"),
    bind(View, "theme", A::CycleTheme, &["T"], "next theme"),
    bind(Other, "copy", A::CopyParagraph, &["y"], "copy top paragraph"),
    note(Other, &["Shift-drag"], "select text"),
    bind(Other, "stats", A::Stats, &["s"], "reading statistics"),
    bind(Other, "library", A::Library, &["o"], "the library"),
    note(Other, &["y", "n"], "answer a question"),
    note(Other, &["^U", "^W", "Del"], "edit in a prompt"),
    bind(Other, "help", A::Help, &["?", "f1"], "this help"),
    bind(Other, "quit", A::Quit, &["q"], "quit; ^C anywhere"),
    shelf("library_open", L::Open, &["enter"], "open"),
    shelf("library_bookmarks", L::Bookmarks, &["B"], "marks"),
    shelf("library_filter", L::StartFilter, &["/"], "filter"),
    shelf("library_order", L::CycleOrder, &["o"], "order"),
    shelf("library_forget", L::Forget, &["d", "del"], "forget"),
    shelf("library_quit", L::Quit, &["q"], "quit"),
    shelf("library_theme", L::CycleTheme, &["T"], "theme"),
    note(Library, &["j", "k", "Space", "b", "g", "G"], "move as while reading"),
    note(Library, &["Tab", "Esc"], "filter: keep / clear"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_grouped_in_order_and_names_are_unique() {
        let order: Vec<usize> = ROWS
            .iter()
            .map(|r| Group::ALL.iter().position(|g| *g == r.group).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
        let mut names: Vec<&str> = ROWS
            .iter()
            .map(|r| r.name)
            .filter(|n| !n.is_empty())
            .collect();
        let all = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all, "a name is used twice");
        for row in ROWS {
            assert_eq!(row.name.is_empty(), row.does == Does::Note, "{row:?}");
            match row.does {
                Does::Read(_) => assert_ne!(row.group, Group::Library, "{row:?}"),
                Does::Shelf(_) => assert_eq!(row.group, Group::Library, "{row:?}"),
                Does::Note => {}
            }
        }
    }
}
