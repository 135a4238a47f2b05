//! First fit, as the one-pass print path places its pieces.

use super::Set;
use std::ops::Range;

/// First fit, one unbreakable piece at a time, as `wrap::first_fit` does it over
/// fragments. Pieces that follow each other in the source with what is drawn between
/// them (most words of a line, one space apart) are copied as one run.
pub(super) struct Liner<'a> {
    s: &'a str,
    set: Set,
    /// Columns taken on the current line.
    used: usize,
    limit: usize,
    /// Whether a piece is on the current line.
    started: bool,
    /// Where the current line starts in the output (to centre it).
    from: usize,
    /// The bytes of `s` placed on the line but not yet copied to the output.
    run: Range<usize>,
}

impl<'a> Liner<'a> {
    pub(super) fn new(s: &'a str, set: Set, out: &mut String) -> Self {
        let from = out.len();
        if !set.centre {
            out.extend(std::iter::repeat_n(' ', set.indent));
        }
        Self {
            s,
            set,
            used: 0,
            limit: set.width - set.indent,
            started: false,
            from,
            run: 0..0,
        }
    }

    /// Places the piece `s[at]`, `w` columns wide, after `gap` columns drawn as `sep` on
    /// the current line, or first on a new line when it does not fit. `false` for a piece
    /// wider than the narrowest line, which the general path cuts.
    #[inline(always)]
    pub(super) fn place(
        &mut self,
        at: Range<usize>,
        w: usize,
        gap: usize,
        sep: &str,
        out: &mut String,
    ) -> bool {
        if w > self.set.max {
            return false;
        }
        if self.started {
            self.used += gap;
            if self.used + w > self.limit {
                self.used -= gap;
                self.end(out);
                self.from = out.len();
                if !self.set.centre {
                    out.extend(std::iter::repeat_n(' ', self.set.cont));
                }
                self.used = 0;
                self.limit = self.set.width - self.set.cont;
                self.run = at.start..at.start;
            } else if !self.drawn_between(at.start, sep) {
                self.flush(out);
                out.push_str(sep);
                self.run = at.start..at.start;
            }
        } else {
            self.run = at.start..at.start;
        }
        self.started = true;
        self.run.end = at.end;
        self.used += w;
        true
    }

    /// Places the words of `s[from + 1..to]`, plain ASCII one space apart (see
    /// `spaced_run`), after the piece that ends at `from`, as [`Liner::place`] one by
    /// one with a one-column gap drawn as a space would. `false` for a word wider than the
    /// narrowest line.
    pub(super) fn place_spaced(&mut self, mut from: usize, to: usize, out: &mut String) -> bool {
        let bytes = self.s.as_bytes();
        debug_assert!(self.started && self.run.end == from);
        loop {
            let room = self.limit.saturating_sub(self.used);
            if to - from <= room {
                self.run.end = to;
                self.used += to - from;
                return true;
            }
            // The words that fit end at the last space within reach (a word back or so:
            // plain loops here and below find their space sooner than a call does).
            if let Some(p) = bytes[from + 1..=from + room]
                .iter()
                .rposition(|&b| b == b' ')
            {
                let space = from + 1 + p;
                self.run.end = space;
                self.used += space - from;
                from = space;
            }
            // The next word starts a line.
            self.end(out);
            self.from = out.len();
            if !self.set.centre {
                out.extend(std::iter::repeat_n(' ', self.set.cont));
            }
            self.limit = self.set.width - self.set.cont;
            let start = from + 1;
            let end = bytes[start..to]
                .iter()
                .position(|&b| b == b' ')
                .map_or(to, |p| start + p);
            if end - start > self.set.max {
                return false;
            }
            self.run = start..end;
            self.used = end - start;
            from = end;
        }
    }

    /// Whether `sep` is what the source holds between the pending run and byte `to`
    /// (byte by byte for the usual one space: a call to `memcmp` costs more).
    #[inline(always)]
    fn drawn_between(&self, to: usize, sep: &str) -> bool {
        let (b, from) = (self.s.as_bytes(), self.run.end);
        to - from == sep.len()
            && match sep.len() {
                0 => true,
                1 => b[from] == sep.as_bytes()[0],
                _ => b[from..to] == *sep.as_bytes(),
            }
    }

    /// Copies the pending run to the output.
    #[inline]
    fn flush(&mut self, out: &mut String) {
        out.push_str(&self.s[self.run.clone()]);
        self.run.start = self.run.end;
    }

    /// Ends the current line (`used` columns wide), centring it when lines are centred.
    pub(super) fn end(&mut self, out: &mut String) {
        self.flush(out);
        if self.set.centre {
            let pad = self.set.width.saturating_sub(self.used) / 2;
            out.insert_str(self.from, &" ".repeat(pad));
        }
        out.push('\n');
    }
}
