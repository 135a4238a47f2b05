//! `B` on a book in the library: its bookmarks in a list over the library, and Enter
//! opens the book at one. The shell fills the list in (it reads the book's state).

use super::model::{LibraryAction, LibraryEffect, LibraryModel};

/// The bookmarks of one library entry, as the list shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkList {
    /// The entry (an index into `model.entries`) the bookmarks are of.
    pub entry: usize,
    pub rows: Vec<MarkRow>,
    pub selected: usize,
}

/// One bookmark in the library's list.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkRow {
    pub id: String,
    /// The label, or the start of the marked text when it has none.
    pub label: String,
    pub percent: f64,
    /// When it was made, and the local offset to show it in (the view formats it).
    pub when: crate::calendar::Stamp,
}

impl LibraryModel {
    /// Shows the bookmarks of entry `entry` (from the shell, after
    /// [`LibraryEffect::ListBookmarks`]); none: says so instead.
    pub fn show_marks(&mut self, entry: usize, rows: Vec<MarkRow>) {
        if rows.is_empty() {
            self.message = Some("no bookmarks in this story yet".into());
            return;
        }
        self.marks = Some(MarkList {
            entry,
            rows,
            selected: 0,
        });
    }

    /// `B`: asks the shell for the highlighted book's bookmarks.
    pub(super) fn ask_marks(&mut self) -> LibraryEffect {
        match self.selected_entry().filter(|&i| i < self.entries.len()) {
            Some(i) if self.entries[i].missing => {
                self.message = Some("that story's file is missing".into());
                LibraryEffect::None
            }
            Some(i) => LibraryEffect::ListBookmarks(i),
            None => LibraryEffect::None,
        }
    }

    /// An action while the bookmark list is open: it moves, opens, or closes the list.
    pub(super) fn in_marks(&mut self, action: LibraryAction) -> LibraryEffect {
        use LibraryAction as A;
        let Some(list) = &mut self.marks else {
            return LibraryEffect::None;
        };
        let last = list.rows.len().saturating_sub(1);
        let page = self.page_size.max(1);
        match action {
            A::Up => list.selected = list.selected.saturating_sub(1),
            A::Down => list.selected = (list.selected + 1).min(last),
            A::PageUp => list.selected = list.selected.saturating_sub(page),
            A::PageDown => list.selected = (list.selected + page).min(last),
            A::Home => list.selected = 0,
            A::End => list.selected = last,
            A::Open => return LibraryEffect::OpenAt(list.entry, list.selected.min(last)),
            A::Quit => return LibraryEffect::Quit,
            A::CloseMarks | A::FilterCancel | A::Bookmarks => self.marks = None,
            _ => {}
        }
        LibraryEffect::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Entry, Source};

    fn entry(title: &str) -> Entry {
        Entry {
            title: title.into(),
            path: Some(format!("/books/{title}.txt").into()),
            source: Source::Recent {
                fingerprint: title.into(),
            },
            percent: Some(10.0),
            last_read: Some(1),
            missing: false,
        }
    }

    fn row(id: &str) -> MarkRow {
        MarkRow {
            id: id.into(),
            label: id.to_uppercase(),
            percent: 12.0,
            when: crate::calendar::Stamp {
                unix_secs: 1_795_536_300, // 2026-11-24 16:05
                utc_offset: 0,
            },
        }
    }

    #[test]
    fn b_lists_the_bookmarks_and_enter_opens_the_book_at_one() {
        let mut m = LibraryModel::new(vec![entry("a"), entry("b")]);
        m.update(LibraryAction::Down);
        assert_eq!(
            m.update(LibraryAction::Bookmarks),
            LibraryEffect::ListBookmarks(1)
        );
        m.show_marks(1, vec![row("x"), row("y")]);
        m.update(LibraryAction::Down);
        m.update(LibraryAction::Down);
        assert_eq!(m.update(LibraryAction::Open), LibraryEffect::OpenAt(1, 1));
    }

    #[test]
    fn escape_closes_the_bookmark_list_and_a_book_without_any_says_so() {
        let mut m = LibraryModel::new(vec![entry("a")]);
        m.show_marks(0, vec![row("x")]);
        assert_eq!(m.update(LibraryAction::CloseMarks), LibraryEffect::None);
        assert!(m.marks.is_none());
        assert_eq!(m.update(LibraryAction::Open), LibraryEffect::Open(0));
        m.show_marks(0, Vec::new());
        assert!(m.marks.is_none());
        assert!(m.message.as_deref().unwrap().contains("no bookmarks"));
    }
}
