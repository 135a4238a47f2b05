//! A whole session: the library and the reader in turn, until one of them quits or a
//! signal ends dogear. Generic over the terminal and the source of events, like the two
//! loops it runs, so tests drive it with a script on a test terminal.

pub use super::books::Wanted;
use super::books::{self, entry_marks, entry_path};
use super::{Events, Exit, LibraryExit, Output, Signals};
use crate::catalogue::Catalogue;
use crate::cli::Error;
use crate::config::Config;
use crate::document::Charset;
use crate::layout::Typography;
use crate::library::{LibraryModel, Source};
use crate::look::Look;
use crate::opening::Book;
use crate::reader::Reader;
use crate::store::Store;
use ratatui::Terminal;
use std::cell::RefCell;
use std::io;
use std::path::{Path, PathBuf};

/// Where a session starts.
#[derive(Debug, Clone)]
pub enum Start {
    /// A story, and the bookmark to open it at, if one was asked for.
    Book(PathBuf, Option<Wanted>),
    /// The library: of one folder, or the whole of it.
    Library(Option<PathBuf>),
}

/// What holds across the books of a session: the store, the settings (with the choices
/// remembered from last time), and what is to be said.
pub struct Setup {
    store: Option<Store>,
    /// `--encoding`, if given.
    encoding: Option<Charset>,
    config: Config,
    /// The column width and typography `config.toml` sets (a remembered choice holds
    /// until the file changes them).
    configured: u16,
    typeset: Typography,
    /// Two pages or one, as `config.toml` sets it.
    spread: bool,
    look: Look,
    /// Said on the next screen (the library's, or the next book's).
    notices: Vec<String>,
    /// Said after the terminal is given back: what could not be saved.
    farewell: Vec<String>,
}

impl Setup {
    /// The settings in `store`'s `config.toml` (or the defaults without a store), with
    /// the keys it sets installed, and the column width, typography and theme chosen last
    /// time (unless `config.toml` changed them since).
    pub fn new(store: Option<Store>, encoding: Option<Charset>) -> Self {
        let (mut config, notices) = match &store {
            Some(store) => store.load_config(),
            None => (Config::default(), Vec::new()),
        };
        crate::keymap::Keymap::install(config.keys.clone());
        // view.json, read once for the three.
        let view = store.as_ref().map(Store::remembered).unwrap_or_default();
        let configured = config.max_width;
        if let Some(width) = view.width(configured) {
            config.max_width = width;
        }
        let typeset = config.typography();
        if let Some(t) = view.typography(typeset) {
            (config.justify, config.hyphenate, config.indent) = (t.justify, t.hyphenate, t.indent);
        }
        // Two pages or one (D) as set last time, unless config.toml changed since.
        let spread = config.spread;
        if let Some(on) = view.spread(spread) {
            config.spread = on;
        }
        let look = starting_look(store.as_ref(), &config);
        Self {
            store,
            encoding,
            config,
            configured,
            typeset,
            spread,
            look,
            notices,
            farewell: Vec::new(),
        }
    }

    /// Opens the story at `path` (at the bookmark `at`, if given).
    pub fn open(&self, path: &Path, at: Option<&Wanted>) -> Result<(Reader, Book), Error> {
        let (mut reader, mut book) =
            books::open_book(path, self.encoding, self.store.as_ref(), &self.config)?;
        if let Some(at) = at {
            books::go_to_bookmark(&mut reader, &mut book, at)?;
        }
        Ok((reader, book))
    }

    /// What is to be said once the terminal is given back (taken: said once).
    pub fn farewell(&mut self) -> Vec<String> {
        std::mem::take(&mut self.farewell)
    }

    /// Keeps the choices made in a book (J, H and P, the theme, the column width) for
    /// the next book of this session and the next run.
    fn remember(&mut self, reader: &Reader) {
        let store = self.store.as_ref();
        let config = &mut self.config;
        let t = reader.typography();
        if t != config.typography() {
            (config.justify, config.hyphenate, config.indent) = (t.justify, t.hyphenate, t.indent);
            if let Some(Err(err)) = store.map(|s| s.remember_typography(t, self.typeset)) {
                (self.farewell).push(format!("justification will not be remembered: {err}"));
            }
        }
        if reader.spread_setting() != config.spread {
            config.spread = reader.spread_setting();
            if let Some(Err(err)) = store.map(|s| s.remember_spread(config.spread, self.spread)) {
                (self.farewell).push(format!("two pages or one will not be remembered: {err}"));
            }
        }
        if reader.max_width() != config.max_width {
            config.max_width = reader.max_width();
            let width = config.max_width;
            if let Some(Err(err)) = store.map(|s| s.remember_width(width, self.configured)) {
                (self.farewell).push(format!("the column width will not be remembered: {err}"));
            }
        }
        self.remember_look(reader.look());
    }

    /// Keeps the theme chosen with `T`, in a book or the library, for the rest of the
    /// session and the next run.
    fn remember_look(&mut self, look: Look) {
        if look != self.look {
            self.look = look;
            let store = self.store.as_ref();
            let configured = self.config.theme;
            if let Some(Err(err)) = store.map(|s| s.remember_theme(look.theme, configured)) {
                (self.farewell).push(format!("the theme will not be remembered: {err}"));
            }
        }
    }
}

/// The theme last chosen with `T` (unless `config.toml`'s changed since) or the
/// configured one, in the colours the terminal says it has.
fn starting_look(store: Option<&Store>, config: &Config) -> Look {
    let var = |name: &str| std::env::var(name).ok();
    let colours = crate::look::Colours::detect(
        var("NO_COLOR").as_deref(),
        var("COLORTERM").as_deref(),
        var("TERM").as_deref(),
    );
    let theme = store
        .and_then(|s| s.remembered_theme(config.theme))
        .unwrap_or(config.theme);
    Look { theme, colours }
}

/// Runs the library and the reader in turn from `start` until one quits ([`Exit::Quit`])
/// or a signal ends the session ([`Exit::Signal`]). `first` is the story `start` names,
/// when it was opened already (so that a story that cannot be opened is an error before
/// the screen is taken over); a story that cannot be opened later is said in the library.
pub fn navigate<B: Output>(
    terminal: &mut Terminal<B>,
    events: &mut impl Events<B>,
    signals: &Signals,
    setup: &mut Setup,
    start: Start,
    mut first: Option<(Reader, Book)>,
) -> io::Result<Exit> {
    let folder = match &start {
        Start::Library(dir) => dir.clone(),
        Start::Book(..) => None,
    };
    let mut next = start;
    loop {
        next = match next {
            Start::Book(path, at) => {
                let Some((mut reader, mut book)) =
                    first.take().or_else(|| open(setup, &path, at.as_ref()))
                else {
                    next = Start::Library(folder.clone());
                    continue;
                };
                if !setup.notices.is_empty() {
                    // What the book's own state said (kept aside, not saved) comes first.
                    let notices = &mut setup.notices;
                    notices.splice(0..0, reader.message().map(str::to_owned));
                    reader.say(notices.join("; "));
                    notices.clear();
                }
                reader.set_look(setup.look);
                let exit = super::run(terminal, events, &mut reader, &mut book, signals);
                setup.farewell.extend(book.farewell());
                setup.remember(&reader);
                match exit? {
                    Exit::Library => Start::Library(folder.clone()),
                    ending => return Ok(ending),
                }
            }
            Start::Library(dir) => match library(terminal, events, signals, setup, dir)? {
                Ok(next) => next,
                Err(ending) => return Ok(ending),
            },
        }
    }
}

/// Opens a story chosen in the library; what goes wrong is said there, and a bookmark
/// that cannot be found is said on the story's page.
fn open(setup: &mut Setup, path: &Path, at: Option<&Wanted>) -> Option<(Reader, Book)> {
    let store = setup.store.as_ref();
    match books::open_book(path, setup.encoding, store, &setup.config) {
        Ok((mut reader, mut book)) => {
            if let Some(at) = at {
                if let Err(err) = books::go_to_bookmark(&mut reader, &mut book, at) {
                    setup.notices.push(err.to_string());
                }
            }
            Some((reader, book))
        }
        Err(err) => {
            setup.notices.push(err.to_string());
            None
        }
    }
}

/// The library of `dir` (or the whole library) until a story is chosen (`Ok`) or the
/// session ends (`Err`).
fn library<B: Output>(
    terminal: &mut Terminal<B>,
    events: &mut impl Events<B>,
    signals: &Signals,
    setup: &mut Setup,
    dir: Option<PathBuf>,
) -> io::Result<Result<Start, Exit>> {
    let store = setup.store.as_ref();
    let mut found = match &dir {
        Some(dir) => Catalogue::folder(store, dir),
        None => Catalogue::library(store, &setup.config.library, true),
    };
    found.settle(std::time::Duration::from_millis(250));
    let catalogue = RefCell::new(found);
    let mut model = LibraryModel::new(catalogue.borrow().entries());
    model.look = setup.look;
    model.searching = catalogue.borrow().searching();
    model.message = (!setup.notices.is_empty()).then(|| setup.notices.join("; "));
    setup.notices.clear();
    let forget = |model: &mut LibraryModel, i: usize| {
        let entry = &model.entries[i];
        if let (Some(store), Source::Recent { fingerprint }) = (store, &entry.source) {
            if let Err(err) = store.forget(fingerprint) {
                model.message = Some(err.to_string());
                return;
            }
        }
        let mut catalogue = catalogue.borrow_mut();
        catalogue.reload(store);
        model.replace_entries(catalogue.entries());
    };
    let refresh = |model: &mut LibraryModel| {
        let mut catalogue = catalogue.borrow_mut();
        if catalogue.poll() {
            model.replace_entries(catalogue.entries());
        }
        model.searching = catalogue.searching();
    };
    let bookmarks = |model: &mut LibraryModel, i: usize| {
        let rows = entry_marks(&model.entries[i], store);
        model.show_marks(i, rows);
    };
    let exit = super::run_library(
        terminal, events, &mut model, signals, forget, refresh, bookmarks,
    )?;
    setup.remember_look(model.look);
    let (i, at) = match exit {
        LibraryExit::Quit => return Ok(Err(Exit::Quit)),
        LibraryExit::Signal(sig) => return Ok(Err(Exit::Signal(sig))),
        LibraryExit::Open(i) => (i, None),
        LibraryExit::OpenAt(i, k) => {
            let id = model.marks.as_ref().and_then(|m| m.rows.get(k));
            (i, id.map(|r| Wanted::Id(r.id.clone())))
        }
    };
    Ok(match entry_path(&model.entries[i], setup.store.as_ref()) {
        Ok(path) => Ok(Start::Book(path, at)),
        Err(err) => {
            setup.notices.push(err.to_string());
            Ok(Start::Library(dir))
        }
    })
}
