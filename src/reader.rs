//! The reader's model: a story, a place in it, and one mode at a time.
//!
//! Everything the reader does is an [`Action`] fed to [`Reader::update`], which changes the
//! model and returns an [`Effect`] for the shell to perform (quit, save, ...). No terminal,
//! disk or clock is involved, so every behaviour is tested by feeding actions. After each
//! update the visible lines are recomputed, at a cost proportional to the screen.

mod copy;
mod emphasis;
mod encodings;
mod growing;
mod indexed;
mod indexed_search;
mod jumps;
mod left;
mod question;
pub use question::Question;
mod matches;
mod on_file;
mod overlays;
mod pages;
mod partial;
mod prompt;
mod searching;
mod spread;
pub use spread::{spread_columns, SPREAD_FROM};
mod typography;
pub use typography::Setting;
mod theme;

use crate::document::Document;
use crate::layout::{self, Layout, ScreenLine};
use crate::position;
use crate::search::Query;
use crate::toc::{self, Chapter};
use std::ops::Range;
use std::sync::Arc;

pub use encodings::Picker;
pub use left::Speed;
pub use pages::{PageCount, PageInfo, PageKey};
pub use partial::Partial;
pub use prompt::{Edit, Prompt, PromptKind};

/// Below this size the reader shows "window too small" instead of a page.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// The column can be made no narrower or wider than this with `-` and `+`.
pub const COLUMN_LIMITS: (u16, u16) = (20, 240);
/// Lines scrolled per mouse-wheel notch.
pub const WHEEL_LINES: usize = 3;
/// The largest number typed before `%` or `g`.
const MAX_COUNT: u32 = 99_999_999;
/// Ticks (seconds) a status message stays up.
const MESSAGE_TICKS: u8 = 4;

/// Something the reader can be asked to do. Keys become actions in `keymap`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    LineDown,
    LineUp,
    WheelDown,
    WheelUp,
    Top,
    Bottom,
    Resize {
        width: u16,
        height: u16,
    },
    Narrower,
    Wider,
    /// A digit typed before `%` (as in less: `50%`).
    Digit(u8),
    Percent,
    OpenPrompt(PromptKind),
    /// A character typed into a prompt.
    Input(char),
    Backspace,
    /// An editing key in a prompt: cursor moves, Delete, Ctrl-U, Ctrl-W.
    Edit(Edit),
    /// Enter: submit a prompt, or choose in a list.
    Submit,
    /// Esc: close a prompt, list or help.
    Cancel,
    SearchNext,
    SearchPrev,
    Chapters,
    NextChapter,
    PrevChapter,
    /// Move the selection in a list.
    Up,
    Down,
    JumpBack,
    Help,
    AddBookmark,
    Bookmarks,
    Delete,
    Rename,
    /// `u` in the bookmark list: bring back the bookmark deleted last.
    Undo,
    /// Go to the bookmark with this id (`--bookmark NAME`); waits for a big story.
    OpenBookmark(String),
    /// Go to this byte of the whole story: a chapter chosen beyond the window while the
    /// story was still being read, done once it is.
    GoTo(usize),
    Library,
    /// Open the encoding picker.
    Encodings,
    /// Copy the paragraph at the top of the page to the terminal's clipboard (`y`).
    CopyParagraph,
    /// Show `_italics_` and `*emphasis*` markers as written, or hide them again (`i`).
    ToggleEmphasis,
    /// Justification (`J`), hyphenation (`H`) or indented paragraphs (`P`) on or off.
    Toggle(Setting),
    /// Open (or close) the reading statistics.
    Stats,
    /// The next theme (`T`).
    CycleTheme,
    /// Two pages side by side on a wide window, or one (`D`).
    ToggleSpread,
    Quit,
    /// About once a second, from the shell: expires messages.
    Tick,
    /// `y` or `n` to the pending `Question`.
    Answer(bool),
}

/// What the shell must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// The place moved: save it soon.
    PlaceChanged,
    AddBookmark {
        offset: usize,
        label: String,
    },
    DeleteBookmark {
        id: String,
    },
    RenameBookmark {
        id: String,
        label: String,
    },
    /// Bring back the bookmark with this id, deleted by an earlier `DeleteBookmark`.
    RestoreBookmark {
        id: String,
    },
    Library,
    Quit,
    /// Read the story's file and hand its bytes to [`Reader::open_encodings`].
    ReadForEncodings,
    /// The story was re-read in this encoding: remember it for the book.
    EncodingChosen(crate::document::Charset),
    /// Put this text on the terminal's clipboard (see `crate::clipboard`).
    Copy(String),
    /// Hand [`Reader::show_stats`] a summary of the reading log.
    Stats,
}

/// What the reader shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Reading,
    Help,
    Prompt(Prompt),
    Chapters {
        selected: usize,
    },
    Bookmarks {
        selected: usize,
    },
    /// The encoding picker (see [`Reader::picker`]).
    Encodings {
        selected: usize,
    },
    /// The reading statistics (`s`).
    Stats(Box<crate::reading::Summary>),
}

/// A bookmark as the reader shows it; storage keeps the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub id: String,
    pub offset: usize,
    pub label: String,
    /// When it was made, and the local offset to show it in (the view formats it).
    pub when: crate::calendar::Stamp,
}

/// The reader's state.
#[derive(Debug)]
pub struct Reader {
    /// Shared with the thread counting pages (see [`Reader::page_key`]).
    doc: Arc<Document>,
    title: String,
    chapters: Vec<Chapter>,
    layout: Layout,
    max_width: u16,
    size: (u16, u16),
    place: usize,
    back: Option<usize>,
    mode: Mode,
    count: Option<u32>,
    query: Option<Query>,
    hit: Option<Range<usize>>,
    message: Option<(String, u8)>,
    marks: Vec<Mark>,
    page: Vec<ScreenLine>,
    at_end: bool,
    /// Some change (the place, a bookmark) could not be saved: the status bar says so
    /// for as long as it is true.
    unsaved: bool,
    picker: Option<Picker>,
    /// Set while the reader is on a window of a story still being read (see [`Partial`]).
    partial: Option<Partial>,
    pacing: left::Pacing,
    /// Bookmarks deleted in this session, last deleted last, for `u`.
    deleted: Vec<Mark>,
    /// The pages counted so far, for the width and height they were counted at.
    pages: Option<PageCount>,
    /// A page asked for (`123g`) before the pages were counted.
    pending_page: Option<u32>,
    /// The current search's matches, counted (see `matches.rs`).
    tally: matches::Count,
    searching: searching::Searching,
    /// Blank rows above and below the page, as set (see [`Reader::margin`]).
    margin: u16,
    /// Asked by the shell, shown until answered (see [`Question`]).
    question: Option<Question>,
    /// The theme, and the colours the terminal shows (see [`crate::look`]).
    look: crate::look::Look,
    /// Two pages side by side when the window is wide enough (see [`Reader::is_spread`]).
    spread: bool,
    /// Bytes of text a page holds, pooled over the windows seen (see
    /// [`Reader::page_estimate`]).
    page_bytes: std::cell::Cell<growing::PageBytes>,
}

impl Reader {
    /// A reader on `doc` in a window `size` (columns, rows), at the start of the story.
    pub fn new(doc: Document, title: impl Into<String>, size: (u16, u16), max_width: u16) -> Self {
        let chapters = toc::chapters(&doc);
        let place = doc.blocks().first().map_or(doc.body().start, |b| b.start());
        let max_width = max_width.clamp(COLUMN_LIMITS.0, COLUMN_LIMITS.1);
        let mut reader = Self {
            doc: Arc::new(doc),
            title: title.into(),
            chapters,
            layout: Layout::new(layout::column(size.0, max_width).width),
            max_width,
            size,
            place,
            back: None,
            mode: Mode::Reading,
            count: None,
            query: None,
            hit: None,
            message: None,
            marks: Vec::new(),
            page: Vec::new(),
            at_end: false,
            unsaved: false,
            picker: None,
            partial: None,
            pacing: left::Pacing::default(),
            deleted: Vec::new(),
            pages: None,
            pending_page: None,
            tally: matches::Count::default(),
            question: None,
            searching: searching::Searching::default(),
            margin: 0,
            look: crate::look::Look::default(),
            spread: false,
            page_bytes: std::cell::Cell::default(),
        };
        reader.layout.set_emphasis(true);
        reader.refresh();
        reader
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }
    pub fn title(&self) -> &str {
        &self.title
    }
    /// Replaces the title (the story was re-read in another encoding).
    pub fn set_title(&mut self, title: impl Into<String>) {
        self.title = title.into();
    }
    /// The byte offset at the top of the page: the reader's place.
    pub fn place(&self) -> usize {
        self.place
    }
    pub fn mode(&self) -> &Mode {
        &self.mode
    }
    pub fn size(&self) -> (u16, u16) {
        self.size
    }
    pub fn max_width(&self) -> u16 {
        self.max_width
    }
    /// The lines on screen, top first.
    pub fn page(&self) -> &[ScreenLine] {
        &self.page
    }
    /// The text column in the current window (the left page's, in a spread).
    pub fn column(&self) -> layout::Column {
        self.page_column()
    }
    /// The current search match, to highlight.
    pub fn hit(&self) -> Option<Range<usize>> {
        self.hit.clone()
    }
    pub fn message(&self) -> Option<&str> {
        let question = self.question.as_ref().map(|q| q.text.as_str());
        question.or(self.message.as_ref().map(|(m, _)| m.as_str()))
    }
    /// The story's chapters; while it is still being read, those found so far (offsets
    /// into the whole text) once there are any.
    pub fn chapters(&self) -> &[Chapter] {
        self.found_chapters().unwrap_or(&self.chapters)
    }
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }
    /// The chapter the top of the page is in.
    pub fn current_chapter(&self) -> Option<&Chapter> {
        if let Some(found) = self.found_current() {
            return found;
        }
        toc::current(&self.chapters, self.place).map(|i| &self.chapters[i])
    }
    /// Percent read, 0 to 100, rounded; 100 only when the last line is on screen.
    pub fn percent(&self) -> u8 {
        if let Some(p) = &self.partial {
            // A story read whole and let go: its end is known (see `on_file.rs`).
            if self.at_end && p.progress == 100 && p.base + self.doc.text().len() >= p.total {
                return 100;
            }
            let pct = (p.base + self.place) as f64 * 100.0 / p.total.max(1) as f64;
            return position::shown_percent(pct).min(99);
        }
        if self.at_end {
            100
        } else {
            position::shown_percent(position::percent(&self.doc, self.place)).min(99)
        }
    }
    /// Whether the window is too small to show a page.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Moves to `offset` (the line containing it goes to the top) without recording a jump:
    /// for resuming a saved place.
    pub fn go_to(&mut self, offset: usize) {
        self.place = self.layout.line_start(&self.doc, offset);
        self.refresh();
    }

    /// Whether a change could not be saved (the status bar shows `unsaved`).
    pub fn unsaved(&self) -> bool {
        self.unsaved
    }
    /// Set by the shell after each save: whether changes are left unsaved.
    pub fn set_unsaved(&mut self, unsaved: bool) {
        self.unsaved = unsaved;
    }

    /// Shows `text` in the status bar for a few seconds.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), MESSAGE_TICKS));
    }

    /// Replaces the bookmarks shown (sorted by position).
    pub fn set_marks(&mut self, mut marks: Vec<Mark>) {
        marks.sort_by_key(|m| m.offset);
        if let Mode::Bookmarks { selected } = &mut self.mode {
            *selected = (*selected).min(marks.len().saturating_sub(1));
        }
        self.marks = marks;
    }

    /// Rows available for text: the window less the status bar.
    fn page_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(1 + 2 * self.margin())).max(1)
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Effect {
        if action == Action::Tick {
            if let Some((_, ticks)) = &mut self.message {
                *ticks = ticks.saturating_sub(1);
                if *ticks == 0 {
                    self.message = None;
                }
            }
            return Effect::None;
        }
        if let Action::Resize { width, height } = action {
            self.size = (width, height);
            if let Mode::Encodings { selected } = self.mode {
                self.preview_encoding(selected);
            }
            self.refresh();
            return Effect::None;
        }
        // Ctrl-C: quits from a prompt or a list too (`q` and Esc only close those).
        if action == Action::Quit {
            return Effect::Quit;
        }
        if let Action::Answer(yes) = action {
            let effect = self.answer(yes);
            self.refresh();
            return effect;
        }
        if self.cancel_search(&action) || self.must_wait(&action) {
            return Effect::None;
        }
        let before = self.place;
        let effect = match self.mode {
            Mode::Reading => self.reading(action),
            _ => self.overlay(action),
        };
        self.refresh();
        if effect == Effect::None && self.place != before {
            Effect::PlaceChanged
        } else {
            effect
        }
    }

    fn reading(&mut self, action: Action) -> Effect {
        let count = match action {
            Action::Digit(_) | Action::Percent => None,
            _ => self.count.take(),
        };
        self.pending_page = None;
        let h = self.view_height();
        match action {
            Action::PageDown => self.scroll(h as isize),
            Action::PageUp => self.scroll(-(h as isize)),
            Action::HalfPageDown => self.scroll((h / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll(-((h / 2).max(1) as isize)),
            Action::LineDown => self.scroll(1),
            Action::LineUp => self.scroll(-1),
            Action::WheelDown => self.scroll(WHEEL_LINES as isize),
            Action::WheelUp => self.scroll(-(WHEEL_LINES as isize)),
            Action::Top if count.is_some() => self.go_to_page(count.unwrap_or(1)),
            Action::Top => {
                let start = self.doc.blocks().first().map_or(0, |b| b.start());
                self.jump(start);
            }
            Action::Bottom => {
                let end = self.layout.last_page_top(&self.doc, h);
                self.jump(end);
            }
            Action::Narrower | Action::Wider => self.change_column(action == Action::Wider),
            Action::Digit(d) => {
                let n = self
                    .count
                    .unwrap_or(0)
                    .saturating_mul(10)
                    .saturating_add(u32::from(d));
                self.count = Some(n.min(MAX_COUNT));
            }
            Action::Percent => match self.count.take() {
                Some(pct) => self.go_to_percent(f64::from(pct.min(100))),
                None => self.say("type a number first, as in 50%"),
            },
            Action::OpenPrompt(kind) => self.mode = Mode::Prompt(Prompt::new(kind, "")),
            Action::SearchNext => self.search_again(true),
            Action::SearchPrev => self.search_again(false),
            Action::Chapters => self.open_chapters(),
            Action::NextChapter => self.next_chapter(true),
            Action::PrevChapter => self.next_chapter(false),
            Action::JumpBack => match self.back {
                Some(back) => {
                    self.back = Some(self.place);
                    self.place = self.layout.line_start(&self.doc, back);
                }
                None => self.say("no earlier place to go back to"),
            },
            Action::Help => self.mode = Mode::Help,
            Action::AddBookmark => return self.add_bookmark(),
            Action::Bookmarks => self.open_bookmarks(),
            Action::OpenBookmark(id) => self.open_mark(&id),
            Action::GoTo(offset) => self.go_to_chapter(offset),
            Action::Library => return Effect::Library,
            Action::Encodings => return Effect::ReadForEncodings,
            Action::CopyParagraph => return self.copy_paragraph(),
            Action::ToggleEmphasis => self.toggle_emphasis(),
            Action::Toggle(setting) => self.toggle(setting),
            Action::Stats => return Effect::Stats,
            Action::CycleTheme => self.cycle_theme(),
            Action::ToggleSpread => self.toggle_spread(),
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    fn scroll(&mut self, lines: isize) {
        let h = self.view_height();
        self.place = self.layout.scroll(&self.doc, self.place, lines, h);
    }

    /// Moves to the line containing `offset`, remembering where we were for `` ` ``.
    fn jump(&mut self, offset: usize) {
        let target = self.layout.line_start(&self.doc, offset);
        if target != self.place {
            self.back = Some(self.place);
            self.place = target;
        }
    }

    /// A layout of the document, which changed, from scratch: of the column's width, with
    /// the emphasis and typography in effect.
    fn fresh_layout(&mut self) {
        let (emphasis, typography) = (self.layout.emphasis(), self.layout.typography());
        self.layout = Layout::new(self.column().width);
        self.layout.set_emphasis(emphasis);
        self.layout.set_typography(typography);
    }

    /// Recomputes the visible lines: O(screen).
    fn refresh(&mut self) {
        let column = self.column();
        if self.layout.width() != column.width {
            self.layout.set_width(column.width);
        }
        if self.doc.blocks().is_empty() {
            self.page.clear();
            self.at_end = true;
            return;
        }
        let h = self.view_height();
        self.page = self.layout.page(&self.doc, self.place, h);
        let top = self.layout.line_start(&self.doc, self.place);
        self.at_end = top >= self.layout.last_page_top(&self.doc, h);
    }
}

#[cfg(test)]
mod tests;
