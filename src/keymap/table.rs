//! The one table of keys: every binding of the reader, with its default keys, the text the
//! help screen and the README show, and the group it is listed under.
//!
//! This table drives the key handling ([`super::Keymap`]), the help screen and the
//! library's footer (through [`super::Keymap::help`]), `dogear --config`, rebinding in `config.toml`'s `[keys]`,
//! and a test that checks the README's key table against it (`tests/readme_keys.rs`).
//!
//! **Adding a key is one line here**: a `bind` row (its `config.toml` name, the
//! [`Action`], the default key names as [`super::Key::parse`] reads them, a short help
//! text and its [`Group`]) put among its group's rows; then the same row in the README's
//! key table (the test says what it expects). A `key` row binds a key in a list, a prompt
//! or a question ([`Does::List`], [`Does::Prompt`], [`Does::Answer`]); each such context
//! has its own keys, so conflicts are per context (see [`Context`]), and a key a prompt
//! does not bind types itself. A `sum` row shows, in the reader's help, the first keys of
//! other rows (the lists and prompts have no room of their own there). A `note` row is
//! shown in the help and README but handled elsewhere (the mouse, the digits of a count,
//! the library's filter line); its keys are shown as written. A `library` row is a key of
//! the library screen (its moving keys are the reader's: `line_down` moves down a story,
//! `next_page` a page, and so on, but the library's own rows win).
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
//! has room for one more row: the help's box is the whole window's height).

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
    /// The keys of the chapter, bookmark and encoding lists (the reader's help sums
    /// them up in `Other`'s rows).
    Lists,
    /// The keys of the search, percent, page and rename prompts.
    Prompts,
    /// The answers to a question (`y`/`n`).
    Questions,
    /// The library screen's keys (not in the reader's help: its footer shows them).
    Library,
}

impl Group {
    /// Every group, in the order they are listed (in the README).
    pub const ALL: [Group; 9] = [
        Group::Moving,
        Group::Finding,
        Group::Marks,
        Group::View,
        Group::Other,
        Group::Lists,
        Group::Prompts,
        Group::Questions,
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
            Group::Lists => "lists",
            Group::Prompts => "prompts",
            Group::Questions => "questions",
            Group::Library => "library",
        }
    }
}

/// Where a key is looked up: a key does one thing in each (and conflicts are per
/// context).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Reading,
    Library,
    /// The chapter, bookmark and encoding lists (and closing the help and statistics).
    List,
    /// A prompt: keys not bound here type themselves.
    Prompt,
    /// A question of the status bar or the library.
    Question,
}

/// What a row's keys do.
#[derive(Debug, Clone, PartialEq)]
pub enum Does {
    /// This, while reading.
    Read(Action),
    /// This, on the library screen.
    Library(LibraryAction),
    /// This, in a list.
    List(Action),
    /// This, in a prompt.
    Prompt(Action),
    /// This answer to a question: yes or no.
    Answer(bool),
    /// A summary for the help: the first key of each of these rows (by name).
    Sum(&'static [&'static str]),
    /// Nothing the table handles: a note for the help and the README.
    Note,
}

impl Does {
    /// Where its keys are looked up; none for a note or a summary.
    pub fn context(&self) -> Option<Context> {
        Some(match self {
            Does::Read(_) => Context::Reading,
            Does::Library(_) => Context::Library,
            Does::List(_) => Context::List,
            Does::Prompt(_) => Context::Prompt,
            Does::Answer(_) => Context::Question,
            Does::Sum(_) | Does::Note => return None,
        })
    }
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
const fn library(
    name: &'static str,
    action: LibraryAction,
    keys: &'static [&'static str],
    help: &'static str,
) -> Row {
    Row {
        name,
        does: Does::Library(action),
        keys,
        help,
        group: Group::Library,
    }
}

/// A rebindable key of a context of its own (a list, a prompt, a question).
const fn key(
    group: Group,
    name: &'static str,
    does: Does,
    keys: &'static [&'static str],
    help: &'static str,
) -> Row {
    Row {
        name,
        does,
        keys,
        help,
        group,
    }
}

/// A row of the help summing up other rows: their first keys, as rebound.
const fn sum(group: Group, rows: &'static [&'static str], help: &'static str) -> Row {
    Row {
        name: "",
        does: Does::Sum(rows),
        keys: &[],
        help,
        group,
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

use crate::reader::Edit as Ed;
use Action as A;
use Does::{Answer, List as Li, Prompt as Pr};
use Group::{Finding, Library, Lists, Marks, Moving, Other, Prompts, Questions, View};
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
    bind(Marks, "bookmarks", A::Bookmarks, &["B"], "bookmarks"),
    bind(View, "narrower", A::Narrower, &["-"], "narrower column"),
    bind(View, "wider", A::Wider, &["+", "="], "wider column"),
    bind(View, "encodings", A::Encodings, &["E"], "pick the encoding"),
    bind(View, "emphasis", A::ToggleEmphasis, &["i"], "_italics_ as styles"),
    bind(View, "justify", A::Toggle(Setting::Justify), &["J"], "justified / ragged"),
    bind(View, "hyphenate", A::Toggle(Setting::Hyphenate), &["H"], "hyphenated / whole"),
    bind(View, "indent", A::Toggle(Setting::Indent), &["P"], "indent / blank line"),
    bind(View, "theme", A::CycleTheme, &["T"], "next theme"),
    bind(View, "spread", A::ToggleSpread, &["D"], "two pages / one"),
    bind(Other, "copy", A::CopyParagraph, &["y"], "copy top paragraph"),
    note(Other, &["Shift-drag"], "select text"),
    bind(Other, "stats", A::Stats, &["s"], "reading statistics"),
    bind(Other, "library", A::Library, &["o"], "the library"),
    sum(Other, &["answer_yes", "answer_no"], "answer a question"),
    sum(Other, &["prompt_clear", "prompt_delete_word", "prompt_delete"], "edit in a prompt"),
    bind(Other, "help", A::Help, &["?", "f1"], "this help"),
    bind(Other, "quit", A::Quit, &["q"], "quit; ^C anywhere"),
    key(Lists, "list_down", Li(A::Down), &["j", "down"], "next row"),
    key(Lists, "list_up", Li(A::Up), &["k", "up"], "previous row"),
    key(Lists, "list_page_down", Li(A::PageDown), &["space", "pgdn", "ctrl-f"], "a page down"),
    key(Lists, "list_page_up", Li(A::PageUp), &["pgup", "ctrl-b"], "a page up"),
    key(Lists, "list_top", Li(A::Top), &["g", "home"], "first row"),
    key(Lists, "list_bottom", Li(A::Bottom), &["G", "end"], "last row"),
    key(Lists, "list_open", Li(A::Submit), &["enter"], "jump there, or keep the encoding"),
    key(Lists, "list_close", Li(A::Cancel), &["esc", "q"], "close"),
    key(Lists, "list_delete", Li(A::Delete), &["d"], "delete a bookmark"),
    key(Lists, "list_undo", Li(A::Undo), &["u"], "undo the deletion"),
    key(Lists, "list_rename", Li(A::Rename), &["r"], "rename a bookmark"),
    key(Prompts, "prompt_accept", Pr(A::Submit), &["enter"], "search, go, or rename"),
    key(Prompts, "prompt_cancel", Pr(A::Cancel), &["esc"], "close the prompt"),
    key(Prompts, "prompt_backspace", Pr(A::Backspace), &["backspace"], "delete before the cursor"),
    key(Prompts, "prompt_delete", Pr(A::Edit(Ed::DeleteForward)), &["del"], "delete under the cursor"),
    key(Prompts, "prompt_clear", Pr(A::Edit(Ed::ClearToStart)), &["ctrl-u"], "clear to the start"),
    key(Prompts, "prompt_delete_word", Pr(A::Edit(Ed::DeleteWord)), &["ctrl-w"], "delete a word"),
    key(Prompts, "prompt_left", Pr(A::Edit(Ed::Left)), &["left"], "cursor left"),
    key(Prompts, "prompt_right", Pr(A::Edit(Ed::Right)), &["right"], "cursor right"),
    key(Prompts, "prompt_home", Pr(A::Edit(Ed::Home)), &["home", "ctrl-a"], "cursor to the start"),
    key(Prompts, "prompt_end", Pr(A::Edit(Ed::End)), &["end", "ctrl-e"], "cursor to the end"),
    key(Questions, "answer_yes", Answer(true), &["y", "Y"], "yes"),
    key(Questions, "answer_no", Answer(false), &["n", "N", "esc"], "no"),
    library("library_open", L::Open, &["enter"], "open"),
    library("library_bookmarks", L::Bookmarks, &["B"], "marks"),
    library("library_filter", L::StartFilter, &["/"], "filter"),
    library("library_order", L::CycleOrder, &["o"], "order"),
    library("library_forget", L::Forget, &["d", "del"], "forget"),
    library("library_quit", L::Quit, &["q"], "quit"),
    library("library_theme", L::CycleTheme, &["T"], "theme"),
    note(Library, &["j", "k", "Space", "b", "g", "G"], "move as while reading"),
    library("library_filter_keep", L::FilterDone, &["tab"], "filter: keep it, move again"),
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
            assert_eq!(row.name.is_empty(), row.does.context().is_none(), "{row:?}");
            match row.does {
                Does::Read(_) => assert!(Group::READER.contains(&row.group), "{row:?}"),
                Does::Library(_) => assert_eq!(row.group, Group::Library, "{row:?}"),
                Does::List(_) => assert_eq!(row.group, Group::Lists, "{row:?}"),
                Does::Prompt(_) => assert_eq!(row.group, Group::Prompts, "{row:?}"),
                Does::Answer(_) => assert_eq!(row.group, Group::Questions, "{row:?}"),
                Does::Sum(rows) => {
                    for name in rows {
                        assert!(ROWS.iter().any(|r| r.name == *name), "{name}");
                    }
                }
                Does::Note => {}
            }
        }
    }
}
