//! Command-line arguments and the commands that need no terminal.

use crate::app;
use crate::document::{Document, LoadError};
use crate::reader::Reader;
use clap::Parser;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A terminal e-reader for plain-text stories that never loses your place.
#[derive(Debug, Parser)]
#[command(name = "dogear", version, about)]
pub struct Args {
    /// The story to read, or a directory to open as a library. Without it, the library.
    pub path: Option<PathBuf>,
    /// Write the reflowed story to stdout instead of opening the reader.
    #[arg(long)]
    pub print: bool,
    /// Width in columns for --print.
    #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(1..))]
    pub width: u16,
    /// Decode the file with this encoding instead of detecting it (e.g. windows-1252,
    /// iso-8859-3, shift_jis, koi8-r).
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

fn parse_encoding(name: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(name.trim().as_bytes())
        .ok_or_else(|| format!("unknown encoding '{name}' (try utf-8, windows-1252, shift_jis)"))
}

/// An error for the user: what failed, on which path, and why.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot open {}: {}", .0.display(), io_reason(.1))]
    Open(PathBuf, io::Error),
    #[error("{}: {}", .1, .0.display())]
    Load(PathBuf, LoadError),
    #[error("cannot write output: {}", io_reason(.0))]
    Output(io::Error),
    #[error("terminal: {}", io_reason(.0))]
    Terminal(io::Error),
    #[error("{0}")]
    Other(String),
}

/// The OS's reason without Rust's " (os error N)" suffix.
fn io_reason(err: &io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Reads and decodes a story file.
pub fn load(
    path: &Path,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<Document, Error> {
    if path.is_dir() {
        return Err(Error::Open(
            path.to_owned(),
            io::Error::from_raw_os_error(21),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::Open(path.to_owned(), e))?;
    Document::from_bytes(&bytes, encoding).map_err(|e| Error::Load(path.to_owned(), e))
}

/// Runs dogear with the process's arguments and returns its exit status.
pub fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dogear: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), Error> {
    let Some(path) = &args.path else {
        return Err(Error::Other(
            "no story given (the library is not built yet)".into(),
        ));
    };
    let doc = load(path, args.encoding)?;
    let stdout = io::stdout();
    if args.print || !stdout.is_terminal() {
        let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
        return crate::print::print(&doc, args.width, &mut out).map_err(Error::Output);
    }
    let title = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let mut reader = Reader::new(doc, title, (80, 24), crate::layout::DEFAULT_MAX_WIDTH);
    let signals = app::Signals::install().map_err(Error::Terminal)?;
    let mut host = NoSave;
    app::with_terminal(|terminal| app::run(terminal, &mut reader, &mut host, &signals))
        .map_err(Error::Terminal)?;
    Ok(())
}

struct NoSave;
impl app::Host for NoSave {
    fn effect(&mut self, _: &mut Reader, _: crate::reader::Effect) {}
    fn idle(&mut self, _: &mut Reader, _: std::time::Instant) {}
    fn finish(&mut self, _: &mut Reader) {}
}
