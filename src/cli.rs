//! Command-line arguments, the commands that need no terminal, and the wiring between
//! the library and the reader.

use crate::app;
use crate::config::Config;
use crate::document::{load, Charset, Document, LoadError};
use crate::library::{Entry, LibraryModel, Source};
use crate::opening::Book;
use crate::reader::Reader;
use crate::sanitise;
use crate::session::Session;
use crate::shelf;
use crate::store::Store;
use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod commands;
use commands::*;
pub use commands::{bookmarks_listing, stats_listing, toc_listing};

/// A terminal e-reader for plain-text stories that never loses your place.
#[derive(Debug, Parser)]
#[command(name = "dogear", version, about)]
#[command(group = clap::ArgGroup::new("listing").args(["bookmarks", "toc", "stats"]).multiple(true))]
pub struct Args {
    /// The story to read (`-` or a pipe: standard input; gzip, bzip2, xz and zstd files
    /// are decompressed), or a directory to open as a library. Without it, the library.
    pub path: Option<PathBuf>,
    /// Write the reflowed story to stdout instead of opening the reader.
    #[arg(long)]
    pub print: bool,
    /// Width in columns for --print.
    #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(1..))]
    pub width: u16,
    /// With --print (or --bookmark into a pipe): justified lines (spaces widened to fill the width).
    #[arg(long)]
    pub justify: bool,
    /// With --print: words hyphenated at line ends (the language guessed from the story).
    #[arg(long)]
    pub hyphenate: bool,
    /// With --print: paragraphs indented, with no blank line between them.
    #[arg(long)]
    pub indent: bool,
    /// Decode the file with this encoding instead of detecting it (e.g. windows-1252,
    /// latin3, cp1251, maccyrillic, cp437, sjis, koi8-r).
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<Charset>,
    /// Print FILE's bookmarks (percent, label, date) and exit; without FILE, the
    /// bookmarks of every book in the library.
    #[arg(long)]
    pub bookmarks: bool,
    /// Open the story at this bookmark: its label, or its number in the list (1 first).
    /// Into a pipe: the story reflowed from that bookmark on.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["bookmarks", "toc", "print"])]
    pub bookmark: Option<String>,
    /// With --bookmarks, --toc or --stats: print them as JSON, for scripts.
    #[arg(long, requires = "listing")]
    pub json: bool,
    /// Print FILE's chapters (percent and title, one a line) and exit.
    #[arg(long, conflicts_with_all = ["bookmarks", "print"])]
    pub toc: bool,
    /// Print your reading statistics (time read per day, pages, words, books finished,
    /// streak; with FILE, that book's sessions too) and exit.
    #[arg(long, conflicts_with_all = ["bookmarks", "toc", "print"])]
    pub stats: bool,
    /// Print where config.toml is and the settings in effect (keys included), as a
    /// config.toml would hold them, and exit; problems in the file go to stderr.
    #[arg(long, conflicts_with_all = ["bookmarks", "toc", "print", "stats", "path"])]
    pub config: bool,
}

impl Args {
    /// How `--print` sets the lines.
    fn typography(&self) -> crate::layout::Typography {
        crate::layout::Typography {
            justify: self.justify,
            hyphenate: self.hyphenate,
            indent: self.indent,
            ..Default::default()
        }
    }
}

fn parse_encoding(name: &str) -> Result<Charset, String> {
    Charset::parse(name).ok_or_else(|| {
        format!(
            "unknown encoding '{name}'; accepted: {}",
            crate::document::charset::ACCEPTED
        )
    })
}

/// An error for the user: what failed, on which path, and why.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot open {}: {}", .0.display(), crate::store::reason(.1))]
    Open(PathBuf, io::Error),
    #[error("{}: {}", .1, .0.display())]
    Load(PathBuf, LoadError),
    #[error("cannot write output: {}", crate::store::reason(.0))]
    Output(io::Error),
    #[error("terminal: {}", crate::store::reason(.0))]
    Terminal(io::Error),
    #[error(transparent)]
    Input(#[from] crate::input::Error),
    #[error("{0}")]
    Other(String),
}

/// Reads and decodes a story file.
pub fn load(path: &Path, encoding: Option<Charset>) -> Result<Document, Error> {
    let input = crate::input::classify(path);
    if !matches!(input, crate::input::Input::File(_)) {
        return Ok(crate::input::load(&input, encoding)?);
    }
    if in_binary(path).is_none() {
        // Streamed: one copy of the text in memory, never the file's bytes beside it.
        let mut file = crate::storyfile::open(path).map_err(|e| Error::Open(path.to_owned(), e))?;
        let len = file.metadata().map_or(0, |m| m.len());
        if len >= crate::opening::lazy_from() {
            return load::stream(&mut file, len, encoding, &mut ()).map_err(|e| match e {
                load::StreamError::Load(e) => Error::Load(path.to_owned(), e),
                load::StreamError::Io(e) => Error::Open(path.to_owned(), e),
            });
        }
    }
    let bytes = read_story(path, encoding)?;
    Document::from_vec(bytes, encoding).map_err(|e| Error::Load(path.to_owned(), e))
}

/// The folder named in the path of a bundled story read straight from the binary (when
/// the config folder cannot take a copy, or there is none): under `/dev/null`, so it can
/// never exist and nothing is ever written there or to any shared, predictable place.
const IN_BINARY: &str = "/dev/null/dogear-bundled";

/// The bytes of the bundled story `path` names under [`IN_BINARY`], if it does.
fn in_binary(path: &Path) -> Option<&'static [u8]> {
    let name = path.strip_prefix(IN_BINARY).ok()?;
    crate::stories::find(&name.to_string_lossy()).map(|story| story.bytes)
}

/// The bytes of a story file: a bundled story from the binary, or a regular file, refused
/// as binary after its first 8 KB (see [`crate::storyfile`]); a directory, a FIFO or a
/// device is refused before it is opened.
fn read_story(path: &Path, encoding: Option<Charset>) -> Result<Vec<u8>, Error> {
    if let Some(bytes) = in_binary(path) {
        return Ok(bytes.to_vec());
    }
    crate::storyfile::read(path, encoding).map_err(|e| match e {
        crate::storyfile::ReadError::Io(e) => Error::Open(path.to_owned(), e),
        crate::storyfile::ReadError::Load(e) => Error::Load(path.to_owned(), e),
    })
}

/// Runs dogear with the process's arguments and returns its exit status.
pub fn main() -> ExitCode {
    // Before any thread starts (see the module).
    crate::localtime::init();
    app::ignore_file_size_signal();
    // `dogear sync ...` (a story named `sync` opens as `./sync`).
    let argv: Vec<_> = std::env::args_os().collect();
    if argv.get(1).is_some_and(|a| a == "sync") && !Path::new("sync").exists() {
        return crate::sync::command::main(&argv[2..]);
    }
    let args = Args::parse();
    match run(&args) {
        Ok(code) => code,
        Err(Error::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            // Not eprintln!: it panics when stderr is gone (a closed terminal window).
            let _ = writeln!(io::stderr(), "{}", error_line(&err.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// Where the interactive part starts, and where it goes next.
enum Next {
    /// A story, and the bookmark to open it at, if one was asked for.
    Book(PathBuf, Option<Wanted>),
    Library(Option<PathBuf>),
}

/// A bookmark to open a story at.
#[derive(Debug, Clone)]
enum Wanted {
    /// As typed after `--bookmark`: a label or a number.
    Name(String),
    /// Chosen in the library's list of the book's bookmarks.
    Id(String),
}

fn run(args: &Args) -> Result<ExitCode, Error> {
    if args.config {
        return print_config().map(|()| ExitCode::SUCCESS);
    }
    if args.stats {
        return print_stats(args.path.as_deref(), args.json).map(|()| ExitCode::SUCCESS);
    }
    let stdout = io::stdout();
    let to_terminal = stdout.is_terminal() && !args.print;
    // No path and a story piped in (`cmd | dogear`): the story is standard input.
    let path =
        (args.path.clone()).or_else(|| crate::input::stdin_has_story().then(|| PathBuf::from("-")));
    if args.bookmarks {
        return match path.as_deref() {
            Some(path) => print_bookmarks(path, args.json),
            None => print_all_bookmarks(args.json),
        }
        .map(|()| ExitCode::SUCCESS);
    }
    if let (Some(name), false) = (&args.bookmark, to_terminal) {
        let path = path
            .as_deref()
            .ok_or_else(|| Error::Other("--bookmark needs a FILE".into()))?;
        return print_from_bookmark(path, args, name).map(|()| ExitCode::SUCCESS);
    }
    if args.toc {
        let path = path
            .as_deref()
            .ok_or_else(|| Error::Other("--toc needs a FILE".into()))?;
        return print_toc(path, args).map(|()| ExitCode::SUCCESS);
    }
    match &path {
        Some(path) if args.print || !path.is_dir() && !to_terminal => {
            print_story(path, args).map(|()| ExitCode::SUCCESS)
        }
        _ if !to_terminal => Err(Error::Other(
            "the library needs a terminal; give a FILE to print it".into(),
        )),
        Some(path) if path.is_dir() => interactive(args, Next::Library(Some(path.clone()))),
        Some(path) => {
            let at = args.bookmark.clone().map(Wanted::Name);
            interactive(args, Next::Book(path.clone(), at))
        }
        None => interactive(args, Next::Library(None)),
    }
}

/// Sends the reader to the bookmark `wanted` names (a big story still being read goes
/// there once it is whole); the place left goes on the back-jump list.
fn go_to_bookmark(reader: &mut Reader, book: &mut Book, wanted: &Wanted) -> Result<(), Error> {
    use crate::app::Host;
    let state = book
        .state()
        .ok_or_else(|| Error::Other("the story's bookmarks are not known yet".into()))?;
    let id = match wanted {
        Wanted::Name(name) => crate::state::find_bookmark(state, name)
            .map_err(Error::Other)?
            .id
            .clone(),
        Wanted::Id(id) => id.clone(),
    };
    let effect = reader.update(crate::reader::Action::OpenBookmark(id));
    book.effect(reader, effect);
    Ok(())
}

/// A message for stderr, on one line: `message` may name a file, and a file's name may
/// hold anything but `/` and NUL.
pub fn error_line(message: &str) -> String {
    format!("dogear: {}", sanitise::line(message))
}

/// The encoding to read a book in: `--encoding` if given, else the one chosen in the
/// picker for this book (by its `fingerprint`) before, else none (detect it).
pub fn encoding_for(
    flag: Option<Charset>,
    store: Option<&Store>,
    fingerprint: &str,
) -> Option<Charset> {
    flag.or_else(|| {
        let name = store?.remembered_encoding(fingerprint)?;
        Charset::parse(&name)
    })
}

/// A book ready to read: the reader on it and its saved state (or, for a big story, the
/// reader on its first window while the rest is read: see [`crate::opening`]).
fn open_book(
    path: &Path,
    args: &Args,
    store: Option<&Store>,
    config: &Config,
) -> Result<(Reader, Book), Error> {
    let input = crate::input::classify(path);
    if !matches!(input, crate::input::Input::File(_)) {
        let story = crate::input::open(&input, args.encoding, |fingerprint| {
            encoding_for(args.encoding, store, fingerprint)
        })?;
        let mut reader = Reader::new(story.doc, story.title, (80, 24), config.max_width);
        let session = Session::resume(store.cloned(), &story.path, story.fingerprint, &mut reader);
        if config.sync.auto && config.sync.server.is_some() {
            reader.say(
                "sync: not synced, KOReader cannot name places in a piped or compressed story",
            );
        }
        reader.set_typography(config.typography());
        reader.set_margin(config.margin);
        return Ok((reader, Book::open(session, None)));
    }
    let (mut reader, mut book) = open_file(path, args, store, config)?;
    reader.set_typography(config.typography());
    reader.set_margin(config.margin);
    let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    if let (Some(store), None) = (store, in_binary(&path)) {
        if let Some(fingerprint) = book.fingerprint() {
            let sync = crate::sync::Syncer::start(&config.sync, store.dir(), &path, &fingerprint);
            if let (None, Some(why)) = (&sync, crate::sync::why_not(&config.sync, store.dir())) {
                reader.say(why);
            }
            book.set_sync(sync);
        }
    }
    Ok((reader, book))
}

/// [`open_book`] for a story file.
fn open_file(
    path: &Path,
    args: &Args,
    store: Option<&Store>,
    config: &Config,
) -> Result<(Reader, Book), Error> {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    // The fingerprint first (its samples only), for the encoding remembered for this
    // book, which the story's first 8 KB are checked in before the rest is read.
    let (fingerprint, len) = match in_binary(&path) {
        Some(bytes) => (crate::fingerprint::of_bytes(bytes), 0),
        None => crate::storyfile::open(&path)
            .and_then(|mut file| {
                let len = file.metadata()?.len();
                Ok((crate::fingerprint::of_reader(&mut file)?, len))
            })
            .map_err(|e| Error::Open(path.clone(), e))?,
    };
    let forced = encoding_for(args.encoding, store, &fingerprint);
    if len >= crate::opening::lazy_from() {
        let loaded = Session::load(store.cloned(), &path, fingerprint);
        return crate::opening::open(&path, len, forced, loaded, (80, 24), config.max_width)
            .map_err(|e| match e {
                load::StreamError::Load(e) => Error::Load(path.clone(), e),
                load::StreamError::Io(e) => Error::Open(path.clone(), e),
            });
    }
    let bytes = read_story(&path, forced)?;
    let doc = Document::from_vec(bytes, forced).map_err(|e| Error::Load(path.clone(), e))?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let title = crate::library::title_of(doc.text(), &name);
    let mut reader = Reader::new(doc, title, (80, 24), config.max_width);
    let session = Session::resume(store.cloned(), &path, fingerprint, &mut reader);
    let watched = in_binary(&path)
        .is_none()
        .then_some((path.as_path(), forced));
    Ok((reader, Book::open(session, watched)))
}

/// The theme last chosen with `T` (unless `config.toml`'s changed since) or the
/// configured one, in the colours the terminal says it has.
fn starting_look(store: Option<&Store>, config: &Config) -> crate::look::Look {
    let var = |name: &str| std::env::var(name).ok();
    let colours = crate::look::Colours::detect(
        var("NO_COLOR").as_deref(),
        var("COLORTERM").as_deref(),
        var("TERM").as_deref(),
    );
    let theme = store
        .and_then(|s| s.remembered_theme(config.theme))
        .unwrap_or(config.theme);
    crate::look::Look { theme, colours }
}

fn interactive(args: &Args, start: Next) -> Result<ExitCode, Error> {
    let store = Store::open().ok();
    let (mut config, mut notices) = match &store {
        Some(store) => store.load_config(),
        None => (Config::default(), Vec::new()),
    };
    crate::keymap::Keymap::new(&config.keys).0.install();
    // The column width chosen with -/+ last time, unless config.toml changed since.
    let configured = config.max_width;
    if let Some(width) = store.as_ref().and_then(|s| s.remembered_width(configured)) {
        config.max_width = width;
    }
    // J, H and P as set last time, unless config.toml changed since.
    let typeset = config.typography();
    if let Some(t) = store
        .as_ref()
        .and_then(|s| s.remembered_typography(typeset))
    {
        (config.justify, config.hyphenate, config.indent) = (t.justify, t.hyphenate, t.indent);
    }
    let mut look = starting_look(store.as_ref(), &config);
    // A story that cannot be opened is an error before the screen is taken over.
    let mut first = match &start {
        Next::Book(path, at) => {
            let (mut reader, mut book) = open_book(path, args, store.as_ref(), &config)?;
            if let Some(at) = at {
                go_to_bookmark(&mut reader, &mut book, at)?;
            }
            Some((reader, book))
        }
        Next::Library(_) => None,
    };
    let folder = match &start {
        Next::Library(dir) => dir.clone(),
        Next::Book(..) => None,
    };
    let signals = app::Signals::install().map_err(Error::Terminal)?;
    let mut next = start;
    // Said after the terminal is given back: bookmarks that could not be saved.
    let mut farewell: Vec<String> = Vec::new();
    let code = app::with_terminal(|terminal| loop {
        match next {
            Next::Book(ref path, ref at) => {
                let (mut reader, mut session) = match first.take() {
                    Some(book) => book,
                    None => match open_book(path, args, store.as_ref(), &config) {
                        Ok((mut reader, mut book)) => {
                            if let Some(at) = at {
                                if let Err(err) = go_to_bookmark(&mut reader, &mut book, at) {
                                    notices.push(err.to_string());
                                }
                            }
                            (reader, book)
                        }
                        Err(err) => {
                            notices.push(err.to_string());
                            next = Next::Library(folder.clone());
                            continue;
                        }
                    },
                };
                if !notices.is_empty() {
                    // What the book's own state said (kept aside, not saved) comes first.
                    notices.splice(0..0, reader.message().map(str::to_owned));
                    reader.say(notices.join("; "));
                    notices.clear();
                }
                reader.set_look(look);
                let exit = app::run(terminal, &mut reader, &mut session, &signals);
                farewell.extend(session.farewell());
                // J, H and P hold for the next book of this run too, and the next run.
                let t = reader.typography();
                if t != config.typography() {
                    (config.justify, config.hyphenate, config.indent) =
                        (t.justify, t.hyphenate, t.indent);
                    if let Some(Err(err)) =
                        store.as_ref().map(|s| s.remember_typography(t, typeset))
                    {
                        farewell.push(format!("justification will not be remembered: {err}"));
                    }
                }
                if reader.look() != look {
                    look = reader.look();
                    if let Some(Err(err)) = store
                        .as_ref()
                        .map(|s| s.remember_theme(look.theme, config.theme))
                    {
                        farewell.push(format!("the theme will not be remembered: {err}"));
                    }
                }
                if reader.max_width() != config.max_width {
                    config.max_width = reader.max_width();
                    if let Some(Err(err)) = store
                        .as_ref()
                        .map(|s| s.remember_width(config.max_width, configured))
                    {
                        farewell.push(format!("the column width will not be remembered: {err}"));
                    }
                }
                match exit? {
                    app::Exit::Quit => return Ok(ExitCode::SUCCESS),
                    app::Exit::Signal(sig) => return Ok(ExitCode::from(128 + sig as u8)),
                    app::Exit::Library => next = Next::Library(folder.clone()),
                }
            }
            Next::Library(ref dir) => {
                let mut found = match dir {
                    Some(dir) => shelf::Shelf::folder(store.as_ref(), dir),
                    None => shelf::Shelf::library(store.as_ref(), &config.library, true),
                };
                found.settle(std::time::Duration::from_millis(250));
                let shelf = std::cell::RefCell::new(found);
                let mut model = LibraryModel::new(shelf.borrow().entries());
                model.look = look;
                model.searching = shelf.borrow().searching();
                model.message = (!notices.is_empty()).then(|| notices.join("; "));
                notices.clear();
                let forget = |model: &mut LibraryModel, i: usize| {
                    let entry = &model.entries[i];
                    if let (Some(store), Source::Recent { fingerprint }) = (&store, &entry.source) {
                        if let Err(err) = store.forget(fingerprint) {
                            model.message = Some(err.to_string());
                            return;
                        }
                    }
                    let mut shelf = shelf.borrow_mut();
                    shelf.reload(store.as_ref());
                    model.replace_entries(shelf.entries());
                };
                let refresh = |model: &mut LibraryModel| {
                    let mut shelf = shelf.borrow_mut();
                    if shelf.poll() {
                        model.replace_entries(shelf.entries());
                    }
                    model.searching = shelf.searching();
                };
                let bookmarks = |model: &mut LibraryModel, i: usize| {
                    let rows = entry_marks(&model.entries[i], store.as_ref());
                    model.show_marks(i, rows);
                };
                let exit =
                    app::run_library(terminal, &mut model, &signals, forget, refresh, bookmarks)?;
                // T on the library is T while reading: kept for the next book and start.
                if model.look != look {
                    look = model.look;
                    if let Some(Err(err)) = store
                        .as_ref()
                        .map(|s| s.remember_theme(look.theme, config.theme))
                    {
                        farewell.push(format!("the theme will not be remembered: {err}"));
                    }
                }
                let (i, at) = match exit {
                    app::LibraryExit::Quit => return Ok(ExitCode::SUCCESS),
                    app::LibraryExit::Signal(sig) => return Ok(ExitCode::from(128 + sig as u8)),
                    app::LibraryExit::Open(i) => (i, None),
                    app::LibraryExit::OpenAt(i, k) => {
                        let id = model.marks.as_ref().and_then(|m| m.rows.get(k));
                        (i, id.map(|r| Wanted::Id(r.id.clone())))
                    }
                };
                match entry_path(&model.entries[i], store.as_ref()) {
                    Ok(path) => next = Next::Book(path, at),
                    Err(err) => notices.push(err.to_string()),
                }
            }
        }
    });
    for line in farewell {
        // Not eprintln!: it panics when stderr is gone (a closed terminal window).
        let _ = writeln!(io::stderr(), "{}", error_line(&line));
    }
    code.map_err(Error::Terminal)
}

/// The bookmarks of a library entry, for its list (`B`): a book opened before by its
/// fingerprint, a story file by its content's; a bundled story never read has none.
fn entry_marks(entry: &Entry, store: Option<&Store>) -> Vec<crate::library::MarkRow> {
    let (Some(store), Some(path)) = (store, &entry.path) else {
        return Vec::new();
    };
    let fingerprint = match &entry.source {
        Source::Recent { fingerprint } => fingerprint.clone(),
        _ => match crate::fingerprint::of_path(path) {
            Ok(fingerprint) => fingerprint,
            Err(_) => return Vec::new(),
        },
    };
    let state = store.peek(&fingerprint, path).state;
    let mut marks: Vec<&crate::state::Bookmark> = state.bookmarks.iter().collect();
    marks.sort_by_key(|b| (b.anchor.offset, b.created));
    marks
        .into_iter()
        .map(|b| crate::library::MarkRow {
            id: b.id.clone(),
            label: match b.label.trim() {
                "" => b
                    .anchor
                    .after
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                label => label.to_owned(),
            },
            percent: b.anchor.percent,
            when: crate::localtime::date_time(b.created as i64),
        })
        .collect()
}

/// The file to open for a library entry; a bundled story is written out first.
fn entry_path(entry: &Entry, store: Option<&Store>) -> io::Result<PathBuf> {
    match (&entry.source, &entry.path) {
        (Source::Bundled(name), _) => {
            let bundled = crate::stories::find(name)
                .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, name.clone()))?;
            // A copy in the config folder gives the story a real path for the library; a
            // read-only or missing config folder reads it from the binary instead.
            match store {
                Some(store) => {
                    let dir = shelf::bundled_dir(store);
                    crate::stories::materialise(bundled, &dir)
                        .or_else(|_| Ok(Path::new(IN_BINARY).join(bundled.file_name)))
                }
                None => Ok(Path::new(IN_BINARY).join(bundled.file_name)),
            }
        }
        (_, Some(path)) => Ok(path.clone()),
        (_, None) => Err(io::Error::new(io::ErrorKind::NotFound, entry.title.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_errors_name_the_path_and_the_reason_without_the_os_error_number() {
        let denied = Error::Open("/books/locked.txt".into(), io::Error::from_raw_os_error(13));
        assert_eq!(
            denied.to_string(),
            "cannot open /books/locked.txt: Permission denied"
        );
        let missing = Error::Open("a.txt".into(), io::Error::from_raw_os_error(2));
        assert_eq!(
            missing.to_string(),
            "cannot open a.txt: No such file or directory"
        );
        let binary = Error::Load("x.bin".into(), LoadError::Binary);
        assert_eq!(binary.to_string(), "not a text file (looks binary): x.bin");
    }

    #[test]
    fn bundled_stories_open_from_the_binary_with_a_read_only_or_missing_config_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let blocker = tmp.path().join("a-file");
        std::fs::write(&blocker, "").unwrap();
        let read_only = Store::at(blocker.join("config"));
        let sample = crate::stories::all()[0];
        let entry = Entry {
            title: "Sample".into(),
            path: None,
            source: Source::Bundled(sample.file_name.into()),
            percent: None,
            last_read: None,
            missing: false,
        };
        let shared = std::env::temp_dir()
            .join("dogear-stories")
            .join(sample.file_name);
        let before = std::fs::metadata(&shared).ok().map(|m| m.modified().ok());
        for store in [Some(&read_only), None] {
            let path = entry_path(&entry, store).expect("the sample opens");
            assert_eq!(read_story(&path, None).unwrap(), sample.bytes);
            assert!(
                !path.starts_with(std::env::temp_dir()),
                "{}",
                path.display()
            );
        }
        assert_eq!(
            std::fs::metadata(&shared).ok().map(|m| m.modified().ok()),
            before,
            "nothing written to a shared path in the temp folder"
        );
    }

    #[test]
    fn encoding_flag_takes_common_spellings_and_lists_them_when_wrong() {
        let parsed = Args::try_parse_from(["dogear", "--encoding", "Mac_Cyrillic", "a.txt"]);
        assert_eq!(
            parsed.unwrap().encoding.map(Charset::name),
            Some("x-mac-cyrillic")
        );
        let err = parse_encoding("klingon").unwrap_err();
        for name in [
            "accepted",
            "cp437",
            "latin1",
            "x-mac-cyrillic",
            "shift_jis",
            "koi8-r",
        ] {
            assert!(err.contains(name), "{err}");
        }
    }
}
