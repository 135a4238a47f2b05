//! Stories that are not a plain file read as it is: standard input (`dogear -`, or
//! `cmd | dogear`) and files compressed with gzip, bzip2, xz or zstd. Shell code.
//!
//! Both are read into memory, decompressed (the reader shows the first window while the
//! rest arrives: see [`crate::opening::piped`]), with the same binary probe as a file
//! (see [`crate::storyfile`]): input that is not text is refused after its first 8 KB of
//! decompressed bytes, so a gigabyte of zeros squeezed into a kilobyte costs nothing.
//! A book's identity is the fingerprint of the decompressed bytes, so `story.txt`,
//! `story.txt.gz` and the same story piped in share one place.
//!
//! Formats are told by their magic bytes (a `.gz` renamed `.txt` still opens), and by
//! the extension only when the magic is not there, so that a damaged `.gz` is reported as
//! damaged gzip rather than as binary text.

mod stream;

pub use stream::{stream, Stream};

use crate::document::{Charset, Document, LoadError};
use crate::storyfile::{self, ReadError};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The most decompressed bytes a story may have (2 GiB): a bound on what a small
/// compressed file (or an endless pipe of text) can make dogear allocate. Far above any
/// book, and above the biggest file the reader is benchmarked on.
pub const LIMIT: u64 = 2 << 30;

/// The story's name for standard input, when the story has no title of its own.
pub const STDIN_NAME: &str = "standard input";

/// The folder named in the path that a piped story's saved state keeps: one per
/// fingerprint, under `/dev/null` so it never exists. A path shared by every piped story
/// would make the store take a new piped story for an edited version of the last one.
const PIPED: &str = "/dev/null/dogear-stdin";

/// A compression format dogear reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Gzip,
    Bzip2,
    Xz,
    Zstd,
}

impl Format {
    /// Every format, in the order their magic bytes are tried.
    pub const ALL: [Format; 4] = [Format::Gzip, Format::Bzip2, Format::Xz, Format::Zstd];

    /// The format's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Gzip => "gzip",
            Format::Bzip2 => "bzip2",
            Format::Xz => "xz",
            Format::Zstd => "zstd",
        }
    }

    /// The file name extension, without its dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Gzip => "gz",
            Format::Bzip2 => "bz2",
            Format::Xz => "xz",
            Format::Zstd => "zst",
        }
    }

    /// The format whose magic bytes `head` starts with. `head` needs `MAGIC_LEN` bytes
    /// for bzip2, whose three-letter signature alone (`BZh`) could start a story.
    pub fn sniff(head: &[u8]) -> Option<Format> {
        const BZIP2_BLOCK: [u8; 6] = [0x31, 0x41, 0x59, 0x26, 0x53, 0x59];
        const BZIP2_END: [u8; 6] = [0x17, 0x72, 0x45, 0x38, 0x50, 0x90];
        if head.starts_with(&[0x1f, 0x8b]) {
            Some(Format::Gzip)
        } else if head.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
            Some(Format::Xz)
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Some(Format::Zstd)
        } else if head.len() >= MAGIC_LEN
            && head.starts_with(b"BZh")
            && (b'1'..=b'9').contains(&head[3])
            && (head[4..10] == BZIP2_BLOCK || head[4..10] == BZIP2_END)
        {
            Some(Format::Bzip2)
        } else {
            None
        }
    }

    /// The format the name of `path` says, if any (`story.txt.gz`: gzip).
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?;
        Format::ALL
            .into_iter()
            .find(|f| ext.eq_ignore_ascii_case(f.extension()))
    }
}

/// Bytes enough to tell every format apart.
pub const MAGIC_LEN: usize = 10;

/// Where a story comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file read as it is (or anything that is not a readable regular file: the
    /// plain path reports why it cannot be opened).
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// A compressed regular file.
    Compressed(PathBuf, Format),
}

/// What `path` names: `-` is standard input; a regular file is compressed when its
/// first bytes are a format's magic, or when they cannot be read and its name ends in
/// a format's extension. Only a regular file is opened (never a FIFO), and only its
/// first [`MAGIC_LEN`] bytes are read.
pub fn classify(path: &Path) -> Input {
    if path.as_os_str() == "-" {
        return Input::Stdin;
    }
    let sniffed = storyfile::open(path).ok().map(|file| {
        let mut head = Vec::with_capacity(MAGIC_LEN);
        let _ = file.take(MAGIC_LEN as u64).read_to_end(&mut head);
        Format::sniff(&head)
    });
    let format = match sniffed {
        Some(found) => found.or_else(|| {
            // Too short or damaged to carry the magic, but named as compressed.
            Format::from_extension(path)
        }),
        // Missing or not a regular file: the plain path says why.
        None => None,
    };
    match format {
        Some(format) => Input::Compressed(path.to_owned(), format),
        None => Input::File(path.to_owned()),
    }
}

/// Whether standard input holds a story to read when no path is given: a pipe, a
/// socket or a redirected regular file, not a terminal nor a device such as
/// `/dev/null` (what scripts and CI give a program that reads nothing).
pub fn stdin_has_story() -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let Ok(fd) = io::stdin().as_fd().try_clone_to_owned() else {
            return false;
        };
        std::fs::File::from(fd)
            .metadata()
            .map(|m| {
                let kind = m.file_type();
                kind.is_fifo() || kind.is_file() || kind.is_socket()
            })
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        use std::io::IsTerminal;
        !io::stdin().is_terminal()
    }
}

/// Why a story could not be had from an [`Input`]; every message names the input.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot open {}: {}", .0, crate::store::reason(.1))]
    Open(String, io::Error),
    #[error("{1}: {0}")]
    Load(String, LoadError),
    #[error("cannot read {name} as {}: {}", .format.name(), corruption(.error))]
    Corrupt {
        name: String,
        format: Format,
        error: io::Error,
    },
    #[error("{} is larger than {} GiB once decompressed, more than dogear reads", .0, LIMIT >> 30)]
    TooBig(String),
}

/// What went wrong inside compressed data, in words.
fn corruption(error: &io::Error) -> String {
    if error.kind() == io::ErrorKind::UnexpectedEof {
        "the data ends too soon (a truncated file?)".into()
    } else {
        format!("the data is damaged ({})", crate::store::reason(error))
    }
}

/// How `input` is named in messages.
pub fn name(input: &Input) -> String {
    match input {
        Input::File(path) | Input::Compressed(path, _) => path.display().to_string(),
        Input::Stdin => STDIN_NAME.into(),
    }
}

/// The file name a story's title falls back to (see [`crate::library::title_of`]):
/// a compressed file's name without its compression extension.
pub fn file_name(input: &Input) -> String {
    let name = |path: &Path| {
        path.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    };
    match input {
        Input::File(path) => name(path),
        Input::Compressed(path, _) => name(&path.with_extension("")),
        Input::Stdin => STDIN_NAME.into(),
    }
}

/// The path a story's saved state records: the file, or for standard input a path of
/// its own made from its `fingerprint` (which never exists, so the library shows the
/// story as missing until it is piped in again).
pub fn state_path(input: &Input, fingerprint: &str) -> PathBuf {
    match input {
        Input::File(path) | Input::Compressed(path, _) => {
            path.canonicalize().unwrap_or_else(|_| path.clone())
        }
        Input::Stdin => Path::new(PIPED).join(fingerprint),
    }
}

/// Whether `path` is what [`state_path`] keeps for a story read from standard input
/// (which names no file).
pub fn is_piped_path(path: &Path) -> bool {
    path.starts_with(PIPED)
}

/// All the (decompressed) bytes of `input`, refused as binary after the first
/// [`storyfile::PROBE`] of them when they are not text in `forced` (or any detected
/// encoding), and refused past [`LIMIT`]. Standard input is decompressed too when it
/// starts with a format's magic (`curl .../story.txt.gz | dogear`).
pub fn read_all(input: &Input, forced: Option<Charset>) -> Result<Vec<u8>, Error> {
    let name = name(input);
    match input {
        Input::File(path) => storyfile::read(path, forced).map_err(|e| match e {
            ReadError::Io(e) => Error::Open(name, e),
            ReadError::Load(e) => Error::Load(name, e),
        }),
        Input::Stdin => read_stream(BufReader::new(io::stdin()), None, &name, forced),
        Input::Compressed(path, format) => {
            let file = storyfile::open(path).map_err(|e| Error::Open(name.clone(), e))?;
            read_stream(BufReader::new(file), Some(*format), &name, forced)
        }
    }
}

/// Reads `source` whole, decompressed as `format` (or as its magic bytes say when no
/// format is given).
pub fn read_stream(
    source: impl BufRead + Send,
    format: Option<Format>,
    name: &str,
    forced: Option<Charset>,
) -> Result<Vec<u8>, Error> {
    let (reader, format) = decompressed(source, format, name)?;
    let mut bytes = Vec::new();
    match storyfile::read_checked(reader.take(LIMIT + 1), forced, 0, &mut bytes) {
        Ok(()) => {}
        Err(e) => return Err(read_error(e, format, name)),
    }
    if bytes.len() as u64 > LIMIT {
        return Err(Error::TooBig(name.into()));
    }
    Ok(bytes)
}

/// The decompressed bytes of `source` (as `format`, or as its magic bytes say when no
/// format is given), and the format they were in.
pub(super) fn decompressed<'a>(
    mut source: impl BufRead + Send + 'a,
    format: Option<Format>,
    name: &str,
) -> Result<(Box<dyn Read + Send + 'a>, Option<Format>), Error> {
    // A pipe may hand over its first bytes a few at a time: read the whole magic.
    let mut head = Vec::with_capacity(MAGIC_LEN);
    (&mut source)
        .take(MAGIC_LEN as u64)
        .read_to_end(&mut head)
        .map_err(|e| Error::Open(name.into(), e))?;
    let format = format.or_else(|| Format::sniff(&head));
    let source = io::Cursor::new(head).chain(source);
    let reader: Box<dyn Read + Send + 'a> = match format {
        None => Box::new(source),
        Some(format) => decoder(source, format).map_err(|e| Error::Corrupt {
            name: name.into(),
            format,
            error: e,
        })?,
    };
    Ok((reader, format))
}

/// What a failed read of (decompressed) story bytes means, in words that name `name`.
pub(crate) fn read_error(e: ReadError, format: Option<Format>, name: &str) -> Error {
    match (e, format) {
        (ReadError::Load(e), _) => Error::Load(name.into(), e),
        (ReadError::Io(error), Some(format)) => Error::Corrupt {
            name: name.into(),
            format,
            error,
        },
        (ReadError::Io(e), None) => Error::Open(name.into(), e),
    }
}

/// A reader of the decompressed bytes of `source`. Concatenated members (gzip, bzip2),
/// streams (xz) and frames (zstd) are read one after the other, as their command-line
/// tools do.
fn decoder<'a>(
    source: impl BufRead + Send + 'a,
    format: Format,
) -> io::Result<Box<dyn Read + Send + 'a>> {
    Ok(match format {
        Format::Gzip => Box::new(flate2::bufread::MultiGzDecoder::new(source)),
        Format::Bzip2 => Box::new(bzip2::bufread::MultiBzDecoder::new(source)),
        // A memory limit for the dictionary a damaged or hostile header may ask for:
        // `xz -9` needs 64 MiB.
        Format::Xz => Box::new(lzma_rust2::XzReader::new_mem_limit(
            source,
            true,
            XZ_MEMORY_KB,
        )),
        Format::Zstd => Box::new(ZstdFrames::new(source)?),
    })
}

/// The most memory (KiB) an xz block may ask for: 256 MiB.
const XZ_MEMORY_KB: u32 = 256 * 1024;

/// The frames of a zstd stream one after another (ruzstd's decoder reads one frame).
struct ZstdFrames<R: BufRead> {
    frame: Option<ruzstd::decoding::StreamingDecoder<R, ruzstd::decoding::FrameDecoder>>,
}

impl<R: BufRead> ZstdFrames<R> {
    fn new(source: R) -> io::Result<Self> {
        let frame = ruzstd::decoding::StreamingDecoder::new(source).map_err(io::Error::other)?;
        Ok(Self { frame: Some(frame) })
    }
}

impl<R: BufRead> Read for ZstdFrames<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(frame) = &mut self.frame else {
                return Ok(0);
            };
            let n = frame.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            // Always a frame here (read from just above); none would mean the end.
            let Some(frame) = self.frame.take() else {
                return Ok(0);
            };
            let mut source = frame.into_inner();
            if source.fill_buf()?.is_empty() {
                return Ok(0);
            }
            self.frame =
                Some(ruzstd::decoding::StreamingDecoder::new(source).map_err(io::Error::other)?);
        }
    }
}

/// A story from a non-plain [`Input`], decoded, with what it is known by.
pub struct Story {
    pub doc: Document,
    /// The fingerprint of the decompressed bytes ([`crate::fingerprint::of_bytes`]).
    pub fingerprint: String,
    /// The path its saved state records ([`state_path`]).
    pub path: PathBuf,
}

/// Reads and decodes the story from `input`. `encoding` is the one to decode in
/// given the fingerprint (`--encoding`, else the one remembered for the book).
pub fn open(
    input: &Input,
    flag: Option<Charset>,
    encoding: impl FnOnce(&str) -> Option<Charset>,
) -> Result<Story, Error> {
    story(input, read_all(input, flag)?, encoding)
}

/// The story of `input` from all its (decompressed) `bytes`, decoded as `encoding` says
/// given their fingerprint.
pub fn story(
    input: &Input,
    bytes: Vec<u8>,
    encoding: impl FnOnce(&str) -> Option<Charset>,
) -> Result<Story, Error> {
    let fingerprint = crate::fingerprint::of_bytes(&bytes);
    let forced = encoding(&fingerprint);
    let doc = Document::from_vec(bytes, forced).map_err(|e| Error::Load(name(input), e))?;
    Ok(Story {
        path: state_path(input, &fingerprint),
        fingerprint,
        doc,
    })
}

/// Reads and decodes the story from `input` (for `--print` and `--toc`).
pub fn load(input: &Input, encoding: Option<Charset>) -> Result<Document, Error> {
    Ok(open(input, encoding, |_| encoding)?.doc)
}

#[cfg(test)]
mod tests;
