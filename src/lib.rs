//! dogear: a terminal e-reader for plain-text stories.
//!
//! Data flows one way: bytes → [`Document`] → [`Layout`] → screen.
//! The reader's place is always a byte offset into the document's normalised text;
//! screen lines are derived from it and can be thrown away at any time.
//!
//! The core (document, layout, position, search, toc, state, reader, [`reading`], library,
//! look, fingerprint, calendar) never touches a terminal, the file system or the clock: time
//! and the local offset come in as numbers. The shell (keymap, store, storyfile, app, session,
//! tracker, localtime, [`catalogue`], cli) does, and stays small; what a user sees go wrong is
//! an error (`error::Error`).
//!
//! The modules are private, so the compiler reports what nothing uses; the crate root
//! re-exports what the binary, the benches, the integration tests, the examples and the
//! doctests use. Five modules stay public: [`reading`] (its `Session` would clash with the
//! open book's [`Session`]), and [`sync`], [`bundled`], [`catalogue`] and [`sanitise`], whose
//! items read well only behind the module's name (`sync::client::Client`,
//! `bundled::find`, `catalogue::walk`, `sanitise::line`).

mod app;
pub mod bundled;
mod calendar;
pub mod catalogue;
mod cli;
mod clipboard;
mod config;
mod document;
mod error;
mod fingerprint;
mod input;
mod keymap;
mod layout;
mod library;
mod localtime;
mod look;
#[cfg(unix)]
mod mapped;
mod opening;
mod pages;
mod position;
mod print;
mod reader;
pub mod reading;
pub mod sanitise;
mod saturating;
mod search;
mod session;
mod state;
mod store;
mod storyfile;
pub mod sync;
mod text_width;
mod toc;
mod tracker;
mod ui;

// The engine: bytes to a document, a document to screen lines, a place in it. (Each group
// is kept apart by a blank line so rustfmt leaves the order; plain comments, since a doc
// comment on a `pub use` is copied into every item it names.)

// The document: decoding, normalising and block detection.
pub use document::{
    blocks, breaks, decode, gutenberg, indexed, indexing, line_ends, load, normalise, stretches,
    windows::Windows, Block, BlockKind, Charset, Document, LoadError,
};

// Layout: a document wrapped to a width.
pub use layout::{
    emphasis, guess, hyphen_points_in, is_cjk, is_joined, is_tight_join, spread, str_width, Lang,
    Language, Layout, LineEnd, LineStyle, ScreenLine, Typography, MAX_GAP, OPTIMAL_MAX_WORDS,
};

// Places: anchors, percentages and finding a place again.
pub use position::{
    anchor, floor_char_boundary, offset_at_percent, percent, refind, shown_percent, Anchor, Found,
    QUOTE_BYTES,
};

// Pages: where each page of a layout starts.
pub use pages::{page_at, page_top, tops, Counter};

// Search and the table of contents.
pub use search::{FileSearch, FileStep, Query};

pub use toc::{chapters, chapters_in, listing_json, listing_text};

// The reader's model: actions in, effects out.
pub use reader::{
    spread_columns, Action, Edit, Effect, Mark, Mode, PageInfo, Prompt, PromptKind, Reader,
    Setting, Speed, SPREAD_FROM,
};

// A book's saved state: place, bookmarks, chosen encoding.
pub use state::{merge, BookState, Bookmark, EncodingChoice};

// The library's model.
pub use library::{
    ago, build, distinctions, filter, title_of, BundledInfo, Entry, FolderFile, LibraryAction,
    LibraryEffect, LibraryModel, MarkList, MarkRow, Order, Recent, Source,
};

// Colours and themes as settings.
pub use look::{Colours, Look, ThemeName};

// Fingerprints of a story's bytes, dates from unix time.
pub use fingerprint::{of_bytes, of_reader};

pub use calendar::{civil_date_time, Stamp};

// Plain-text output (`--print`).
pub use print::{print, print_from, print_windows};

// The shell pieces the binary and the tests drive.

// The command line (`main` is the binary's), its listings, and its loading of a story
// (`load_story`, as `load` is the document's module of that name).
pub use cli::{
    bookmarks_listing, encoding_for, error_line, listing::bookmarks_text, load as load_story, main,
    toc_listing,
};

// The event loop and its scripted runs.
pub use app::{navigate, screen_text, with_panic_hook, Exit, Host, Script, Setup, Signals, Start};

// The screens.
pub use ui::{help::ReaderScreen, library::LibraryScreen, theme::Theme};

// The key table and key handling, the configuration file, terminal input.
pub use keymap::{action, library_action, library_paste, paste, table::Group, Key, Keymap};

pub use config::Config;

pub use input::{Format, Input, Stream};

// Opening a story (from a pipe too) and an open book's session.
pub use opening::{piped, Book, FileSource};

pub use session::Session;

// The state directory, and a story file's fingerprint as it keys it.
pub use store::{materialise, new_bookmark_id, now_ms, Store, StoreError, DIR_ENV};

pub use storyfile::fingerprint;

// The clipboard's escape sequence.
pub use clipboard::osc52;

/// The README's examples are doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
