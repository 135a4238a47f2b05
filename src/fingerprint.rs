//! A book's identity: KOReader's partial MD5 of the file's bytes.
//!
//! A story is keyed by its content rather than its path, so a renamed or moved file keeps
//! its place. Hashing the whole file would cost time proportional to its size on every
//! open; KOReader's scheme samples at most 12 KiB at exponentially spaced offsets
//! (0, 1 KiB, 4 KiB, 16 KiB, ... 1 GiB), which is cheap for any size and gives the same
//! key KOReader's progress sync uses, so the two can one day share places.
//!
//! Core code: it hashes bytes or reads from what it is given; the shell opens the file
//! ([`crate::storyfile::fingerprint`]).

use md5::{Digest, Md5};
use std::io::{self, Read, Seek, SeekFrom};

/// Bytes read at each sample offset.
const SAMPLE: usize = 1024;

/// The sample offsets, in hashing order: `1024 << 2i` for `i` in `-1..=10`, where `i = -1`
/// gives 0 (KOReader computes it with LuaJIT's wrapping `bit.lshift`).
fn offsets() -> impl Iterator<Item = u64> {
    (-1i32..=10).map(|i| if i < 0 { 0 } else { (SAMPLE as u64) << (2 * i) })
}

/// The fingerprint of an in-memory file.
///
/// ```
/// assert_eq!(dogear::of_bytes(b""), "d41d8cd98f00b204e9800998ecf8427e");
/// ```
pub fn of_bytes(bytes: &[u8]) -> String {
    let mut md5 = Md5::new();
    for offset in offsets() {
        // An offset that does not fit in usize is past the end of any slice.
        let Some(start) = usize::try_from(offset).ok().filter(|&s| s < bytes.len()) else {
            break;
        };
        let end = start.saturating_add(SAMPLE).min(bytes.len());
        md5.update(&bytes[start..end]);
    }
    hex(&md5.finalize())
}

/// The fingerprint of a file (or anything seekable), reading at most 12 KiB of it.
///
/// The reader's position afterwards is unspecified.
pub fn of_reader<R: Read + Seek>(reader: &mut R) -> io::Result<String> {
    let mut md5 = Md5::new();
    let mut buf = [0u8; SAMPLE];
    for offset in offsets() {
        reader.seek(SeekFrom::Start(offset))?;
        let n = read_up_to(reader, &mut buf)?;
        if n == 0 {
            // Like KOReader: the first sample that starts at or past the end stops the loop.
            break;
        }
        md5.update(&buf[..n]);
        if n < SAMPLE {
            break;
        }
    }
    Ok(hex(&md5.finalize()))
}

/// The fingerprint of an open file, read in place: [`of_reader`] with each sample taken
/// by one positioned read (`pread`) rather than a seek and a read, the file's own
/// position untouched. It runs before every story's first frame.
pub fn of_file(file: &std::fs::File) -> io::Result<String> {
    #[cfg(unix)]
    {
        of_reader(&mut At { file, at: 0 })
    }
    #[cfg(not(unix))]
    {
        of_reader(&mut &*file)
    }
}

/// A file read by positioned reads from `at`, which seeking only moves.
#[cfg(unix)]
struct At<'a> {
    file: &'a std::fs::File,
    at: u64,
}

#[cfg(unix)]
impl Read for At<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        use std::os::unix::fs::FileExt;
        let n = self.file.read_at(buf, self.at)?;
        self.at += n as u64;
        Ok(n)
    }
}

#[cfg(unix)]
impl Seek for At<'_> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let (base, by) = match to {
            SeekFrom::Start(at) => (0, i128::from(at)),
            SeekFrom::Current(by) => (self.at, i128::from(by)),
            SeekFrom::End(by) => (self.file.metadata()?.len(), i128::from(by)),
        };
        self.at = u64::try_from(i128::from(base) + by)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "seek before the start"))?;
        Ok(self.at)
    }
}

/// Reads until `buf` is full or the end; a plain `read` may return less on pipes or
/// network file systems, which would change the hash.
fn read_up_to<R: Read>(reader: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(32), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_and_slice_agree_around_sample_edges() {
        for len in [0, 1, 1023, 1024, 1025, 4096, 4097, 5120, 5121, 70000] {
            let bytes: Vec<u8> = (0..len).map(|i| (i % 253) as u8).collect();
            let from_reader = of_reader(&mut io::Cursor::new(&bytes)).unwrap();
            assert_eq!(of_bytes(&bytes), from_reader, "length {len}");
        }
    }

    #[test]
    fn a_file_read_in_place_agrees_with_its_bytes_and_keeps_its_position() {
        use std::io::Write;
        for len in [0, 1, 1023, 1024, 1025, 4097, 70000] {
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let mut file = tempfile::tempfile().unwrap();
            file.write_all(&bytes).unwrap();
            file.seek(SeekFrom::Start(7)).unwrap();
            assert_eq!(of_file(&file).unwrap(), of_bytes(&bytes), "length {len}");
            assert_eq!(file.stream_position().unwrap(), 7);
        }
    }

    #[test]
    fn offsets_follow_koreader() {
        let got: Vec<u64> = offsets().take(4).collect();
        assert_eq!(got, [0, 1024, 4096, 16384]);
        assert_eq!(offsets().last(), Some(1 << 30));
    }
}
