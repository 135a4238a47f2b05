//! Opening a story file without trusting it to end: shell code.
//!
//! Only regular files are stories. A FIFO would block `open` until a writer comes (for
//! ever, if none does), and `/dev/zero` or `/dev/urandom` never end, so their type is
//! checked (with `stat`, which never blocks) before they are opened. A regular file is
//! read in two steps: its first [`PROBE`] bytes, which decide whether it is text at all,
//! then the rest, so a gigabyte of NULs is refused after 8 KB rather than after a
//! gigabyte.

use crate::document::decode::{self, LoadError};
use std::fs::{File, FileType};
use std::io::{self, Read};
use std::path::Path;

/// Bytes looked at before deciding the file is text (the decoder's binary probe).
pub const PROBE: usize = 8 * 1024;

/// Why a story's bytes could not be had.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    Load(LoadError),
}

/// Opens `path` for reading if it is a regular file; refuses directories, FIFOs,
/// devices and sockets with an error that says which it is.
pub fn open(path: &Path) -> io::Result<File> {
    check_type(std::fs::metadata(path)?.file_type())?;
    let file = File::open(path)?;
    // The path may have been replaced between the two looks.
    check_type(file.metadata()?.file_type())?;
    Ok(file)
}

/// The fingerprint of the story file at `path` (see [`crate::fingerprint`]), reading
/// only its samples; refused like `open` refuses it when it is not a regular file.
pub fn fingerprint(path: &Path) -> io::Result<String> {
    crate::fingerprint::of_file(&open(path)?)
}

fn check_type(kind: FileType) -> io::Result<()> {
    if kind.is_file() {
        return Ok(());
    }
    if kind.is_dir() {
        // The kind a directory's read fails with, worded as the system words it.
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "Is a directory",
        ));
    }
    let what = kind_name(kind);
    Err(io::Error::other(format!(
        "not a regular file ({what}); dogear reads story files, so save it to a file first"
    )))
}

#[cfg(unix)]
fn kind_name(kind: FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn kind_name(_: FileType) -> &'static str {
    "not a file"
}

/// All the bytes of the story at `path`, refused as binary after its first [`PROBE`]
/// bytes when they are not text in `forced` (or any detected encoding).
pub fn read(path: &Path, forced: Option<crate::document::Charset>) -> Result<Vec<u8>, ReadError> {
    let file = open(path).map_err(ReadError::Io)?;
    let size = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::with_capacity(PROBE);
    read_checked(file, forced, usize::try_from(size).unwrap_or(0), &mut bytes)?;
    Ok(bytes)
}

/// Reads `source` into `bytes`, stopping after [`PROBE`] bytes if those are binary.
/// `expected` is the size the source claims: memory for it is only reserved once the
/// probe has passed. Generic so that a source that never ends can be tested without a
/// device.
pub fn read_checked(
    mut source: impl Read,
    forced: Option<crate::document::Charset>,
    expected: usize,
    bytes: &mut Vec<u8>,
) -> Result<(), ReadError> {
    (&mut source)
        .take(PROBE as u64)
        .read_to_end(bytes)
        .map_err(ReadError::Io)?;
    if let Err(LoadError::Binary) = decode::decode(bytes, forced) {
        return Err(ReadError::Load(LoadError::Binary));
    }
    // One allocation of the right size (+1 so read_to_end sees the end without growing).
    bytes.reserve(expected.saturating_sub(bytes.len()).saturating_add(1));
    source.read_to_end(bytes).map_err(ReadError::Io)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_stream_of_nuls_is_refused_after_the_probe() {
        // Counted: the refusal comes after PROBE bytes, not at the end (there is none).
        struct Counted(usize);
        impl Read for Counted {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                buf.fill(0);
                self.0 += buf.len();
                Ok(buf.len())
            }
        }
        let mut source = Counted(0);
        let mut bytes = Vec::new();
        let result = read_checked(&mut source, None, 0, &mut bytes);
        assert!(matches!(result, Err(ReadError::Load(LoadError::Binary))));
        assert!(source.0 <= PROBE, "read {} bytes", source.0);
    }

    #[test]
    fn text_is_read_to_its_end() {
        let text = "word ".repeat(10_000);
        let mut bytes = Vec::new();
        read_checked(text.as_bytes(), None, text.len(), &mut bytes).unwrap();
        assert_eq!(bytes, text.as_bytes());
    }
}
