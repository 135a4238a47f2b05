//! A stretch of a text read from its file for a search (see [`super::FileSearch`]): the
//! file's bytes as they are where the text is those bytes but for CRLF line ends (a
//! regular stretch), and the text itself where normalising changed more (an irregular
//! one, read whole and normalised again: see [`crate::document::stretches`]). What is
//! read so is the text but for CRs before some of its LFs, which a query matches as it
//! matches the text (see [`super::on_file`]'s docs), and each byte of it is known as a
//! byte of the whole text.

use crate::document::indexed::Source;
use crate::document::normalise;
use crate::document::stretches::{self, Offsets, Stretch};
use std::io;

/// The bytes read, and where they are in the whole text.
#[derive(Debug, Default)]
pub(super) struct FileText {
    pub(super) buf: Vec<u8>,
    /// Where each piece of `buf` starts, in it and in the whole text, in order.
    segs: Vec<Seg>,
    /// An irregular stretch as read, before it is normalised.
    raw: Vec<u8>,
    /// An irregular stretch normalised.
    normal: String,
}

/// A piece of what was read: from byte `buf` of it, which is byte `text` of the whole
/// text, to the next piece; `crs`: its CRs are no bytes of the text (a regular stretch
/// whose offsets differ), else its offsets are the text's.
#[derive(Debug, Clone, Copy)]
struct Seg {
    buf: usize,
    text: usize,
    crs: bool,
}

impl FileText {
    /// Reads the text from byte `from` to byte `to` of the whole text (a little more at
    /// either end where they fall in an irregular stretch, which is read whole).
    pub(super) fn fill(
        &mut self,
        source: &dyn Source,
        offsets: &Offsets,
        from: usize,
        to: usize,
    ) -> io::Result<()> {
        self.buf.clear();
        self.segs.clear();
        let mut at = from;
        while at < to {
            let s = offsets.at_text(at);
            at = match s.irregular {
                true => self.irregular(source, &s)?,
                false => self.regular(source, offsets, &s, at, to)?,
            };
        }
        Ok(())
    }

    /// Appends irregular stretch `s`, normalised: returns where it ends in the text.
    fn irregular(&mut self, source: &dyn Source, s: &Stretch) -> io::Result<usize> {
        self.raw.clear();
        stretches::read_stretch(source, s, &mut self.raw)?;
        let raw = simdutf8::basic::from_utf8(&self.raw).map_err(|_| stretches::not_utf8())?;
        self.normal.clear();
        normalise::push_normalised(&mut self.normal, raw);
        let text = crate::saturating::usize_from(s.from.text);
        let end = text + self.normal.len();
        // Normalised again, it is the text indexed there, or the file changed.
        if s.next
            .is_some_and(|n| crate::saturating::usize_from(n.text) != end)
        {
            return Err(io::Error::other("the story's file changed"));
        }
        self.segs.push(Seg {
            buf: self.buf.len(),
            text,
            crs: false,
        });
        self.buf.extend_from_slice(self.normal.as_bytes());
        // An empty last stretch (a BOM alone, say) ends the text.
        Ok(if s.next.is_none() { usize::MAX } else { end })
    }

    /// Appends the file's bytes from byte `at` of the text, in regular stretch `s`, up to
    /// `to` or the next irregular stretch: returns where they end in the text.
    fn regular(
        &mut self,
        source: &dyn Source,
        offsets: &Offsets,
        s: &Stretch,
        at: usize,
        to: usize,
    ) -> io::Result<usize> {
        // Where the next irregular stretch starts, in the text and in the file.
        let next = match offsets {
            Offsets::Same => None,
            Offsets::Anchored(all) => all.next_irregular(s.index).map(|n| n.from),
        };
        let next = next.map(|n| {
            let at = |x| crate::saturating::usize_from(x);
            (at(n.text), at(n.raw))
        });
        let raw_at = offsets.to_raw(source, at)?;
        let (stop, raw_stop) = match next {
            Some((text, raw)) if text <= to => (text, raw),
            _ => (to, offsets.to_raw(source, to)?),
        };
        let start = self.buf.len();
        self.buf.resize(start + (raw_stop - raw_at), 0);
        let mut got = 0;
        while start + got < self.buf.len() {
            let n = source.read_at((raw_at + got) as u64, &mut self.buf[start + got..])?;
            if n == 0 {
                return Err(stretches::shorter());
            }
            got += n;
        }
        let crs = matches!(offsets, Offsets::Anchored(_));
        self.segs.push(Seg {
            buf: start,
            text: at,
            crs,
        });
        // A piece at each anchor on the way, so that an offset is counted from the
        // anchor before it (a few KB) rather than from where the reading started.
        if let Offsets::Anchored(all) = offsets {
            let anchors = all.anchors();
            let first = anchors.partition_point(|a| a.text <= at as u64);
            for a in &anchors[first..] {
                let text = crate::saturating::usize_from(a.text);
                if text >= stop {
                    break;
                }
                self.segs.push(Seg {
                    buf: start + (crate::saturating::usize_from(a.raw) - raw_at),
                    text,
                    crs,
                });
            }
        }
        Ok(stop)
    }

    /// Byte `b` of what was read as a byte of the whole text.
    pub(super) fn to_text(&self, b: usize) -> usize {
        let i = self.segs.partition_point(|s| s.buf <= b).saturating_sub(1);
        let Some(seg) = self.segs.get(i) else {
            return b;
        };
        let crs = match seg.crs {
            true => memchr::memchr_iter(b'\r', &self.buf[seg.buf..b]).count(),
            false => 0,
        };
        seg.text + (b - seg.buf) - crs
    }

    /// Byte `text` of the whole text as the first byte of what was read that is it (a
    /// CR before an LF for the LF).
    pub(super) fn to_buf(&self, text: usize) -> usize {
        let i = self
            .segs
            .partition_point(|s| s.text <= text)
            .saturating_sub(1);
        let Some(seg) = self.segs.get(i) else {
            return 0;
        };
        let end = self.segs.get(i + 1).map_or(self.buf.len(), |n| n.buf);
        let mut left = text - seg.text;
        if !seg.crs {
            return (seg.buf + left).min(end);
        }
        let mut at = seg.buf;
        loop {
            let cr = memchr::memchr(b'\r', &self.buf[at..end]).map_or(end, |c| at + c);
            if left <= cr - at || cr == end {
                return (at + left).min(end);
            }
            left -= cr - at;
            at = cr + 1;
        }
    }
}
