//! A big story's file mapped into memory, so that while it is indexed its text is the
//! file's own pages rather than a copy of them: shell code, and the only unsafe code in
//! dogear.
//!
//! A map is held safely by three rules:
//! - **Its pages are let go behind the reading.** A thread looks every [`LOOK_EVERY`]
//!   and drops them from the process once [`TRIM_FROM`] more are resident
//!   (`MADV_DONTNEED`: a read-only map of a file reads them again from the page cache
//!   when next touched), so the pages resident stay a few megabytes, whatever the
//!   story's size; the kernel keeps them as cache, for the next touch.
//! - **A file cut short under the map never kills the reader.** Touching a page past its
//!   new end raises SIGBUS. A handler maps a page of zeros over the page touched, marks
//!   the map torn ([`Mapped::torn`]), and the read goes on; the file's change is then
//!   seen (its size and time, as for every story: see `opening::watch`) and the story
//!   is read again as it now is.
//! - **Its bytes are text only where they were compared equal to text** the decoder made
//!   of them ([`Mapped::confirm`]): pieces of valid UTF-8 put end to end.
//!
//! What no map can help is a file rewritten in place, byte over byte, while it is read:
//! its text then changes under the reader (the bytes are still compared before each
//! piece is taken, and checked again by the watch). Editors write a new file and rename
//! it over the old, which leaves the map on the old one.

#![allow(unsafe_code)]

use crate::document::MappedText;
use std::fs::File;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Weak};

mod guard;
use std::time::Duration;

/// How often the pages resident are counted: the passes over a story's blocks, which
/// look at a few bytes of each, touch some gigabytes of the text a second.
const LOOK_EVERY: Duration = Duration::from_millis(1);

/// How many more bytes of the file resident than after the last trim make the pages
/// touched since let go (a trim costs some hundred microseconds).
const TRIM_FROM: usize = 4 << 20;

/// Where the pages resident cannot be counted: a trim every this many looks.
const TRIM_BLIND: u32 = 4;

/// A file's bytes, mapped (see the module's docs).
pub struct Mapped {
    map: memmap2::Mmap,
    /// Bytes before the text: a UTF-8 byte order mark, which the text leaves out.
    skip: usize,
    /// How many bytes after `skip` were compared equal to the text.
    valid: AtomicUsize,
    /// Which of the handler's slots holds the map's range.
    slot: usize,
}

impl std::fmt::Debug for Mapped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mapped")
            .field("len", &self.map.len())
            .field("valid", &self.valid.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl Mapped {
    /// `file` mapped, its pages let go as they are touched (see the module's docs) for as
    /// long as the map is held.
    ///
    /// # Errors
    /// It cannot be mapped (or is empty), or too many maps are held already.
    pub fn new(file: &File) -> io::Result<Arc<Self>> {
        guard::installed()?;
        // SAFETY: the map is read-only and private to this module, which hands out its
        // bytes only as `&[u8]` or, where compared equal to text, `&str`. A file cut short
        // under it is the handler's (see `on_sigbus`); a file rewritten in place is the
        // one risk left, as for every map (see the module's docs).
        let map = unsafe { memmap2::Mmap::map(file)? };
        if map.is_empty() {
            return Err(io::Error::other("an empty file is not mapped"));
        }
        // A touch maps its own page only, not the sixteen around it the kernel would map
        // too ("fault-around"): the chapters' titles, some bytes every few pages, would
        // otherwise map most of the file between two trims. (The file is read before its
        // map is touched, so the pages are cached and reading ahead is not missed.)
        map.advise(memmap2::Advice::Random)?;
        let range = (map.as_ptr() as usize, map.as_ptr() as usize + map.len());
        let slot = guard::take_slot(range).ok_or_else(|| io::Error::other("too many maps"))?;
        let skip = match map.starts_with(b"\xEF\xBB\xBF") {
            true => 3,
            false => 0,
        };
        let mapped = Arc::new(Self {
            map,
            skip,
            valid: AtomicUsize::new(0),
            slot,
        });
        let held = Arc::downgrade(&mapped);
        std::thread::Builder::new()
            .name("dogear-trim".into())
            .spawn(move || trim_while_held(&held))?;
        Ok(mapped)
    }

    /// Whether the file was cut short under the map, and a page past its end touched.
    pub fn torn(&self) -> bool {
        guard::torn(self.slot)
    }

    /// Lets go of the pages touched since the last time (see the module's docs).
    pub fn trim(&self) {
        // SAFETY: a read-only shared map of a file holds nothing that is not in the file:
        // a page let go is read again from it (from the page cache) when next touched.
        // The pages of zeros the handler put in are anonymous and read as zeros again.
        let _ = unsafe {
            self.map
                .unchecked_advise(memmap2::UncheckedAdvice::DontNeed)
        };
    }
}

impl MappedText for Mapped {
    fn confirm(&self, piece: &str) -> bool {
        let from = self.skip + self.valid.load(Ordering::Acquire);
        let same = from
            .checked_add(piece.len())
            .and_then(|to| self.map.get(from..to))
            .is_some_and(|bytes| bytes == piece.as_bytes());
        // Compared after the bytes were read: zeros read past a new end are not taken.
        let taken = same && !self.torn();
        if taken {
            self.valid.fetch_add(piece.len(), Ordering::Release);
        }
        taken
    }

    fn text(&self) -> &str {
        let valid = self.valid.load(Ordering::Acquire);
        let bytes = &self.map[self.skip..self.skip + valid];
        // SAFETY: these bytes are pieces of `str` put end to end (each compared equal to
        // one in `confirm`, in order, from `skip`), which is valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }

    fn file_len(&self) -> usize {
        self.map.len()
    }
}

impl Drop for Mapped {
    fn drop(&mut self) {
        // Before the map goes: a fault at its addresses is then no longer ours.
        guard::free(self.slot);
    }
}

fn trim_while_held(held: &Weak<Mapped>) {
    let mut looks = 0u32;
    let mut after_trim = resident_file_bytes();
    loop {
        std::thread::sleep(LOOK_EVERY);
        let Some(mapped) = held.upgrade() else {
            return;
        };
        looks += 1;
        // Without a count of the pages resident (no /proc), every few looks.
        let due = match (resident_file_bytes(), after_trim) {
            (Some(now), Some(then)) => now.saturating_sub(then) >= TRIM_FROM,
            _ => looks.is_multiple_of(TRIM_BLIND),
        };
        if due {
            mapped.trim();
            after_trim = resident_file_bytes();
        }
    }
}

/// How many bytes of files (and shared memory) the process has resident: the second of
/// `/proc/self/statm`'s pages, a read of some microseconds.
fn resident_file_bytes() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(2)?.parse().ok()?;
    Some(pages * guard::page())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file_of(bytes: &[u8]) -> (tempfile::NamedTempFile, File) {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(bytes).unwrap();
        f.flush().unwrap();
        let file = File::open(f.path()).unwrap();
        (f, file)
    }

    #[test]
    fn only_bytes_compared_equal_to_text_are_text() {
        let (_f, file) = file_of("\u{feff}Un café.\nDeux.\n".as_bytes());
        let mapped = Mapped::new(&file).unwrap();
        assert_eq!(mapped.text(), "", "nothing confirmed yet");
        assert!(mapped.confirm("Un café.\n"), "after the byte order mark");
        assert!(!mapped.confirm("Deux!\n"), "not the file's bytes");
        assert!(!mapped.confirm("Deux.\nTrois.\n"), "past the file's end");
        assert_eq!(mapped.text(), "Un café.\n");
        assert!(mapped.confirm("Deux.\n"));
        assert_eq!(mapped.text(), "Un café.\nDeux.\n");
        mapped.trim();
        assert_eq!(
            mapped.text(),
            "Un café.\nDeux.\n",
            "pages let go read again"
        );
        assert!(!mapped.torn());
    }

    #[test]
    fn a_file_cut_short_under_its_map_reads_as_zeros_and_is_told() {
        let page = 4096 * 4;
        let (f, file) = file_of(&vec![b'a'; page * 3]);
        let mapped = Mapped::new(&file).unwrap();
        assert!(mapped.confirm(&"a".repeat(page)));
        f.as_file().set_len(100).unwrap();
        // Past the new end: without the handler, SIGBUS ends the test binary here.
        let tail = &mapped.map[page * 2..];
        assert!(tail.iter().all(|&b| b == 0), "zeros past the new end");
        assert!(mapped.torn());
        assert!(
            !mapped.confirm(&"a".repeat(page)),
            "a torn map takes no more text"
        );
        assert_eq!(
            &mapped.map[..100],
            &[b'a'; 100][..],
            "the start is still there"
        );
    }

    #[test]
    fn a_fault_elsewhere_is_not_taken_for_a_map() {
        // Two maps at once, each its own slot; the second's drop frees only its own.
        let (_f1, one) = file_of(b"one\n");
        let (_f2, two) = file_of(b"two\n");
        let first = Mapped::new(&one).unwrap();
        let second = Mapped::new(&two).unwrap();
        assert_ne!(first.slot, second.slot);
        let slot = second.slot;
        drop(second);
        assert!(!guard::used(slot));
        assert!(guard::used(first.slot));
        assert!(first.confirm("one\n"));
    }
}
