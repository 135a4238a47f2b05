//! Command-line arguments, the commands that need no terminal, and the start of the
//! interactive session (the library and the reader: see [`crate::app::navigate`]).

use crate::app::{self, Setup, Start, Wanted};
use crate::document::{load, Charset, Document};
pub use crate::error::{error_line, Error};
use crate::sanitise;
use crate::store::Store;
use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod commands;
pub mod listing;
use commands::*;
pub use commands::{bookmarks_listing, toc_listing};

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
    #[arg(long, default_value_t = PRINT_WIDTH, value_parser = clap::value_parser!(u16).range(1..))]
    pub width: u16,
    /// With --print (or --bookmark into a pipe): justified lines (spaces widened to fill the width).
    #[arg(long)]
    pub justify: bool,
    /// With --print: words hyphenated at line ends (in the language guessed from the
    /// story, or given with --language).
    #[arg(long)]
    pub hyphenate: bool,
    /// With --print --hyphenate: the language whose hyphenation patterns are used (auto,
    /// en-us, en-gb, de, fr, es, it, nl, pt, sv, ru, ...; as `language` in config.toml).
    #[arg(long, value_name = "NAME", value_parser = parse_language, default_value = "auto")]
    pub language: crate::layout::Language,
    /// With --print: paragraphs indented, with no blank line between them.
    #[arg(long)]
    pub indent: bool,
    /// With --print: paragraphs broken with optimal fit (evenly full lines).
    #[arg(long)]
    pub optimal: bool,
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

/// `--width` when none is given.
const PRINT_WIDTH: u16 = 80;

impl Args {
    /// The arguments of the commonest start, `dogear FILE` (one argument, not an
    /// option), without clap: building clap's command and matching it is about 0.1 ms of
    /// a first frame that `less` shows in 2-3 ms (and clap's code is pages faulted in on
    /// the way). Anything else is clap's (`None`), and a test checks that clap reads
    /// these arguments the same.
    fn of_one_story(argv: &[std::ffi::OsString]) -> Option<Self> {
        let [_, path] = argv else {
            return None;
        };
        if path.is_empty() || path.as_encoded_bytes().starts_with(b"-") {
            return None;
        }
        Some(Self {
            path: Some(PathBuf::from(path)),
            print: false,
            width: PRINT_WIDTH,
            justify: false,
            hyphenate: false,
            language: crate::layout::Language::Auto,
            indent: false,
            optimal: false,
            encoding: None,
            bookmarks: false,
            bookmark: None,
            json: false,
            toc: false,
            stats: false,
            config: false,
        })
    }

    /// How `--print` sets the lines.
    fn typography(&self) -> crate::layout::Typography {
        crate::layout::Typography {
            justify: self.justify,
            hyphenate: self.hyphenate,
            indent: self.indent,
            optimal: self.optimal,
            language: self.language,
        }
    }
}

fn parse_language(name: &str) -> Result<crate::layout::Language, String> {
    crate::layout::Language::parse(name).ok_or_else(|| {
        let codes: Vec<_> = crate::layout::Lang::all().map(|l| l.code()).collect();
        format!(
            "unknown language '{name}'; auto or one of {}",
            codes.join(", ")
        )
    })
}

fn parse_encoding(name: &str) -> Result<Charset, String> {
    Charset::parse(name).ok_or_else(|| {
        format!(
            "unknown encoding '{name}'; accepted: {}",
            crate::document::charset::ACCEPTED
        )
    })
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
            let evidence = Default::default();
            let mut found = |_: crate::document::indexing::Found| {};
            let read = crate::document::indexing::stream(
                &mut file,
                len,
                encoding,
                &evidence,
                &mut (),
                &mut found,
            );
            return read.map_err(|e| match e {
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
pub(crate) const IN_BINARY: &str = "/dev/null/dogear-bundled";

/// The bytes of the bundled story `path` names under [`IN_BINARY`], if it does.
pub(crate) fn in_binary(path: &Path) -> Option<&'static [u8]> {
    let name = path.strip_prefix(IN_BINARY).ok()?;
    crate::bundled::find(&name.to_string_lossy()).map(|story| story.bytes)
}

/// The bytes of a story file: a bundled story from the binary, or a regular file, refused
/// as binary after its first 8 KB (see [`crate::storyfile`]); a directory, a FIFO or a
/// device is refused before it is opened.
pub(crate) fn read_story(path: &Path, encoding: Option<Charset>) -> Result<Vec<u8>, Error> {
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
    app::ignore_file_size_signal();
    // `dogear sync ...` (a story named `sync` opens as `./sync`).
    let argv: Vec<_> = std::env::args_os().collect();
    if argv.get(1).is_some_and(|a| a == "sync") && !Path::new("sync").exists() {
        return crate::sync::command::main(&argv[2..]);
    }
    let args = Args::of_one_story(&argv).unwrap_or_else(Args::parse);
    match run(&args) {
        Ok(code) => code,
        Err(Error::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            crate::error::warn(&err.to_string());
            ExitCode::FAILURE
        }
    }
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
    // `dogear -` typed with nothing piped in would wait for a story typed at the keyboard.
    if path.as_deref() == Some(Path::new("-")) && io::stdin().is_terminal() {
        return Err(Error::Other(
            "standard input is the terminal, not a story: pipe one in (cat story.txt | dogear -) \
             or name a file"
                .into(),
        ));
    }
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
        Some(path) if path.is_dir() => interactive(args, Start::Library(Some(path.clone()))),
        Some(path) => {
            let at = args.bookmark.clone().map(Wanted::Name);
            interactive(args, Start::Book(path.clone(), at))
        }
        None => interactive(args, Start::Library(None)),
    }
}

/// The library and the reader, on the terminal; a story that cannot be opened is an
/// error before the screen is taken over.
fn interactive(args: &Args, start: Start) -> Result<ExitCode, Error> {
    let mut setup = Setup::new(Store::open().ok(), args.encoding);
    let first = match &start {
        Start::Book(path, at) => Some(setup.open(path, at.as_ref())?),
        Start::Library(_) => None,
    };
    let signals = app::Signals::install().map_err(Error::Terminal)?;
    let exit = app::with_terminal(|terminal| {
        app::navigate(
            terminal,
            &mut app::Keyboard,
            &signals,
            &mut setup,
            start,
            first,
        )
    });
    for line in setup.farewell() {
        crate::error::warn(&line);
    }
    match exit.map_err(Error::Terminal)? {
        app::Exit::Signal(sig) => Ok(ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX))),
        _ => Ok(ExitCode::SUCCESS),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_story_is_read_as_clap_reads_it_and_anything_else_is_left_to_clap() {
        for path in ["story.txt", "a b/c.txt.gz", "sync.txt", "./-x", "notes"] {
            let argv: Vec<std::ffi::OsString> = ["dogear", path].map(Into::into).to_vec();
            let quick = Args::of_one_story(&argv).expect("one story");
            let clap = Args::try_parse_from(&argv).unwrap();
            assert_eq!(format!("{quick:?}"), format!("{clap:?}"), "{path}");
        }
        for argv in [
            vec!["dogear"],
            vec!["dogear", "-"],
            vec!["dogear", "--print"],
            vec!["dogear", "-h"],
            vec!["dogear", ""],
            vec!["dogear", "--print", "a.txt"],
            vec!["dogear", "a.txt", "b.txt"],
        ] {
            let argv: Vec<std::ffi::OsString> = argv.into_iter().map(Into::into).collect();
            assert!(Args::of_one_story(&argv).is_none(), "{argv:?}");
        }
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
