//! A non-plain story's decompressed bytes as a stream another thread reads, with how far
//! along it is (see [`crate::opening::piped`]).

use super::{decompressed, name, Error, Format, Input};
use crate::storyfile;
use std::io::{self, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The decompressed bytes of a non-plain `input`, to be read on another thread, with
/// what is known of how far along they are (see [`Stream`]).
pub fn stream(input: &Input) -> Result<Stream, Error> {
    let name = name(input);
    let consumed = Arc::new(AtomicU64::new(0));
    let (source, len, endless): (Box<dyn Read + Send>, _, _) = match input {
        Input::File(path) | Input::Compressed(path, _) => {
            let file = storyfile::open(path).map_err(|e| Error::Open(name.clone(), e))?;
            let len = file.metadata().map(|m| m.len()).ok();
            (Box::new(file), len, false)
        }
        Input::Stdin => {
            // A redirected file has a size and an end; a pipe may have neither.
            let len = stdin_file_len();
            (Box::new(io::stdin()), len, len.is_none())
        }
    };
    let counted = Counted {
        inner: source,
        consumed: Arc::clone(&consumed),
    };
    let format = match input {
        Input::Compressed(_, format) => Some(*format),
        _ => None,
    };
    let (reader, format) = decompressed(BufReader::new(counted), format, &name)?;
    Ok(Stream {
        reader,
        format,
        name,
        consumed,
        len,
        endless,
    })
}

/// A story's decompressed bytes being read (see `stream`).
pub struct Stream {
    pub reader: Box<dyn Read + Send>,
    /// The compression it is in, if any (for messages).
    pub format: Option<Format>,
    /// How the input is named in messages.
    pub name: String,
    /// Bytes of the source (compressed) read so far...
    pub consumed: Arc<AtomicU64>,
    /// ...of this many, when the source is a file.
    pub len: Option<u64>,
    /// A pipe, which may never end: nothing waits for all of it.
    pub endless: bool,
}

/// The size of standard input when it is a redirected regular file.
fn stdin_file_len() -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
        let meta = std::fs::File::from(fd).metadata().ok()?;
        meta.is_file().then_some(meta.len())
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    consumed: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
