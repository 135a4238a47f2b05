//! What each key does on the library screen: `update(action) -> effect`.
//!
//! The model never opens or deletes anything itself; it answers with a
//! [`LibraryEffect`] and the shell performs it, so the whole screen's behaviour is
//! testable without a terminal or a disk.

use super::{filter, sort_key, Entry, Source};

/// Everything the reader can do on the library screen. The keymap turns keys into
/// these: Enter → `Open`, `/` → `StartFilter`, `d` → `Forget`, `y`/`n` →
/// `Confirm`, `o` → `CycleOrder`, `q` → `Quit`, j/k and arrows → `Down`/`Up`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryAction {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Open,
    StartFilter,
    FilterChar(char),
    FilterBackspace,
    /// Stop typing but keep the filter, so j/k move again (Tab while filtering).
    FilterDone,
    /// Drop the filter and show everything again (Esc).
    FilterCancel,
    Forget,
    Confirm(bool),
    /// The next [`Order`]: last read → title → progress → last read.
    CycleOrder,
    Quit,
    /// `B`: list the highlighted book's bookmarks.
    Bookmarks,
    /// Esc in the bookmark list: back to the library.
    CloseMarks,
    /// `T`: the next theme, as while reading (the shell keeps it for the next start).
    CycleTheme,
}

/// The order of the list. The filter keeps working with each: it narrows, the order sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Most recently read first, then stories never opened (the order [`super::build`]
    /// gives).
    #[default]
    LastRead,
    /// Alphabetical, as a bookshop shelves titles ("The" and "A" ignored).
    Title,
    /// Furthest through first; stories never opened last.
    Progress,
}

impl Order {
    pub fn next(self) -> Order {
        match self {
            Order::LastRead => Order::Title,
            Order::Title => Order::Progress,
            Order::Progress => Order::LastRead,
        }
    }

    /// How the header names it: "by last read".
    pub fn name(self) -> &'static str {
        match self {
            Order::LastRead => "by last read",
            Order::Title => "by title",
            Order::Progress => "by progress",
        }
    }
}

/// What the shell must do after an update. Indices are into `model.entries`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryEffect {
    None,
    Open(usize),
    Forget(usize),
    Quit,
    /// Read this entry's bookmarks and hand them to [`LibraryModel::show_marks`].
    ListBookmarks(usize),
    /// Open this entry at the bookmark in this row of `model.marks`.
    OpenAt(usize, usize),
}

/// The library screen's state.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryModel {
    pub entries: Vec<Entry>,
    /// Indices into `entries` of the rows shown, in order.
    pub filtered: Vec<usize>,
    /// Position in `filtered` of the highlighted row.
    pub selected: usize,
    pub filter: String,
    /// The filter line has the keyboard.
    pub filtering: bool,
    /// Waiting for y/n after `Forget`.
    pub confirm_forget: bool,
    /// One line for the footer: a question, or why something did not happen.
    pub message: Option<String>,
    /// Rows moved by PageUp/PageDown; the shell sets it from the screen height.
    pub page_size: usize,
    /// While folders are still being looked through: how many entries so far.
    pub searching: Option<usize>,
    /// The bookmark list of one book, while it is open over the library (`B`).
    pub marks: Option<super::marks::MarkList>,
    /// How the shown rows are sorted.
    pub order: Order,
    /// The theme the screen is drawn in (the reader's, set by the shell).
    pub look: crate::look::Look,
}

impl LibraryModel {
    pub fn new(entries: Vec<Entry>) -> Self {
        let filtered = (0..entries.len()).collect();
        LibraryModel {
            entries,
            filtered,
            selected: 0,
            filter: String::new(),
            filtering: false,
            confirm_forget: false,
            message: None,
            page_size: 10,
            searching: None,
            marks: None,
            order: Order::default(),
            look: crate::look::Look::default(),
        }
    }

    /// The index into `entries` of the highlighted row, if any row is shown.
    pub fn selected_entry(&self) -> Option<usize> {
        self.filtered.get(self.selected).copied()
    }

    /// Swaps in a freshly built list (after a forget, say), keeping the filter and
    /// keeping the highlight on the same story when it is still there.
    pub fn replace_entries(&mut self, entries: Vec<Entry>) {
        let keep = self
            .selected_entry()
            .and_then(|i| self.entries.get(i))
            .map(identity);
        self.entries = entries;
        self.refilter(keep);
    }

    pub fn update(&mut self, action: LibraryAction) -> LibraryEffect {
        use LibraryAction as A;
        if self.confirm_forget {
            // Only an explicit yes forgets; any other key is a no.
            self.confirm_forget = false;
            self.message = None;
            return match (action, self.selected_entry()) {
                (A::Confirm(true), Some(i)) => LibraryEffect::Forget(i),
                _ => LibraryEffect::None,
            };
        }
        self.message = None;
        if self.marks.is_some() {
            return self.in_marks(action);
        }
        match action {
            A::Up => self.move_by(-1),
            A::Down => self.move_by(1),
            A::PageUp => self.move_by(-(self.page_size.max(1) as isize)),
            A::PageDown => self.move_by(self.page_size.max(1) as isize),
            A::Home => self.selected = 0,
            A::End => self.selected = self.filtered.len().saturating_sub(1),
            A::Open => return self.open(),
            A::StartFilter => self.filtering = true,
            A::FilterChar(c) => {
                self.filtering = true;
                self.filter.push(c);
                self.refilter(None);
            }
            A::FilterBackspace => {
                self.filter.pop();
                self.refilter(None);
            }
            A::FilterDone => self.filtering = false,
            A::FilterCancel => {
                let keep = self
                    .selected_entry()
                    .and_then(|i| self.entries.get(i))
                    .map(identity);
                self.filtering = false;
                self.filter.clear();
                self.refilter(keep);
            }
            A::Forget => self.ask_forget(),
            A::Confirm(_) => {}
            A::CycleOrder => {
                let keep = self
                    .selected_entry()
                    .and_then(|i| self.entries.get(i))
                    .map(identity);
                self.order = self.order.next();
                self.message = Some(format!("sorted {}", self.order.name()));
                self.refilter(keep);
            }
            A::Quit => return LibraryEffect::Quit,
            A::Bookmarks => return self.ask_marks(),
            A::CloseMarks => {}
            A::CycleTheme => self.cycle_theme(),
        }
        LibraryEffect::None
    }

    fn cycle_theme(&mut self) {
        self.look.theme = self.look.theme.next();
        self.message = Some(self.look.said());
    }

    fn move_by(&mut self, delta: isize) {
        let last = self.filtered.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    fn open(&mut self) -> LibraryEffect {
        self.filtering = false;
        // `entries` and `filtered` are public, so don't trust them to agree.
        let Some((i, entry)) = self
            .selected_entry()
            .and_then(|i| Some((i, self.entries.get(i)?)))
        else {
            return LibraryEffect::None;
        };
        if entry.missing {
            let path = entry
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            self.message = Some(format!("Can't find {path} (d to forget it)"));
            return LibraryEffect::None;
        }
        LibraryEffect::Open(i)
    }

    fn ask_forget(&mut self) {
        let Some(entry) = self.selected_entry().and_then(|i| self.entries.get(i)) else {
            return;
        };
        if matches!(entry.source, Source::Recent { .. }) {
            self.message = Some(format!("Forget {}? y/n", entry.title));
            self.confirm_forget = true;
        } else {
            self.message = Some("Nothing to forget: not opened yet".to_string());
        }
    }

    /// Recomputes the shown rows. With `keep`, the highlight follows that story;
    /// otherwise it goes to the best match, the first row.
    fn refilter(&mut self, keep: Option<(String, Option<std::path::PathBuf>)>) {
        self.filtered = filter(&self.entries, &self.filter);
        self.sort();
        // Indexing is safe: `filtered` was just computed from `entries`.
        self.selected = keep
            .and_then(|k| {
                self.filtered
                    .iter()
                    .position(|&i| identity(&self.entries[i]) == k)
            })
            .unwrap_or(0);
    }
}

impl LibraryModel {
    /// Sorts `filtered` by [`LibraryModel::order`]; ties keep the library's own order
    /// (the sort is stable), so equal titles stay most recent first.
    fn sort(&mut self) {
        // Indexing is safe: `filtered` was just computed from `entries`.
        let entries = &self.entries;
        match self.order {
            Order::LastRead => self.filtered.sort_unstable(),
            Order::Title => self
                .filtered
                .sort_by_cached_key(|&i| (sort_key(&entries[i].title), i)),
            Order::Progress => self.filtered.sort_by(|&a, &b| {
                let key = |i: usize| entries[i].percent.map(|p| -p.clamp(0.0, 100.0));
                match (key(a), key(b)) {
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                }
                .then(a.cmp(&b))
            }),
        }
    }
}

/// What makes two entries the same story across a rebuild of the list.
fn identity(e: &Entry) -> (String, Option<std::path::PathBuf>) {
    (e.title.clone(), e.path.clone())
}
