//! Pages: where each page of a story starts at one column width and page height.
//!
//! A page is what PageDown shows: page 1 starts at the story's first line, and page
//! `k + 1` starts where `k` PageDowns from the top land, so `123g` goes exactly where 122
//! PageDowns go. PageDown moves `height` lines but never past the top of the last full
//! page, so the tops are lines `0, h, 2h, ...` below the last page's top line, then that
//! line (the last page overlaps the one before it when the lines do not divide evenly).
//!
//! Counting wraps the whole story, which takes about a second for 10 MB: it is done off
//! the interactive path, a few blocks at a time ([`Counter::step`]), so the shell can run
//! it on a thread, hand over the tops found so far and give up when the width changes.
//! Once counted, the page at an offset ([`page_at`]) and the top of a page
//! ([`page_top`]) are a binary search and an index.

use crate::document::Document;
use crate::layout::{ScreenLine, Wrapper};
use std::collections::VecDeque;

/// Counts the pages of a story, a few blocks at a time.
#[derive(Debug)]
pub struct Counter {
    height: usize,
    width: u16,
    wrapper: Wrapper,
    scratch: Vec<ScreenLine>,
    next_block: usize,
    /// Lines wrapped so far.
    lines: usize,
    /// The start of every `height`-th line so far (line `k * height` at index `k`).
    every: Vec<usize>,
    /// The starts of the last `height` lines, for the last page's top.
    recent: VecDeque<usize>,
    /// How many of `every` were handed out by [`Counter::confirmed`].
    handed: usize,
    done: bool,
}

impl Counter {
    /// A count of `doc`'s pages `height` lines high at column width `width`.
    pub fn new(width: u16, height: usize) -> Self {
        Self {
            height: height.max(1),
            width: width.max(1),
            wrapper: Wrapper::default(),
            scratch: Vec::new(),
            next_block: 0,
            lines: 0,
            every: Vec::new(),
            recent: VecDeque::new(),
            handed: 0,
            done: false,
        }
    }

    /// Counts the lines as hyphenated and with paragraphs indented as `typography` says.
    pub fn set_typography(&mut self, typography: crate::layout::Typography) {
        self.wrapper.set_typography(typography);
    }

    /// Wraps up to `blocks` more blocks of `doc` (the same document every call); `true`
    /// once the whole story is counted.
    pub fn step(&mut self, doc: &Document, blocks: usize) -> bool {
        let end = self
            .next_block
            .saturating_add(blocks)
            .min(doc.blocks().len());
        for block in self.next_block..end {
            self.scratch.clear();
            self.wrapper
                .wrap_block(doc, block, self.width, &mut self.scratch);
            for line in &self.scratch {
                if self.lines.is_multiple_of(self.height) {
                    self.every.push(line.range.start);
                }
                if self.recent.len() == self.height {
                    self.recent.pop_front();
                }
                self.recent.push_back(line.range.start);
                self.lines += 1;
            }
        }
        self.next_block = end;
        self.done = end >= doc.blocks().len();
        self.done
    }

    /// Page tops known to be final that were not handed out before: those with a whole
    /// page of lines after them, and, once the count is done, the rest.
    pub fn confirmed(&mut self) -> Vec<usize> {
        let sure = if self.done {
            self.finish();
            self.every.len()
        } else {
            // Line `k * h` is a page top if it is above the last page's top, line
            // `lines - h` or later: so if `k * h + h < lines`.
            self.every
                .iter()
                .enumerate()
                .skip(self.handed)
                .take_while(|(k, _)| k * self.height + self.height < self.lines)
                .count()
                + self.handed
        };
        let out = self.every[self.handed..sure].to_vec();
        self.handed = sure;
        out
    }

    /// Replaces the tops at or below the last page's top with that top.
    fn finish(&mut self) {
        let Some(&last_top) = self.recent.front() else {
            return;
        };
        let last_index = self.lines.saturating_sub(self.height);
        let keep = self
            .every
            .iter()
            .enumerate()
            .take_while(|(k, _)| k * self.height < last_index)
            .count();
        if keep < self.every.len() || self.every.last() != Some(&last_top) {
            self.every.truncate(keep);
            self.every.push(last_top);
        }
        self.recent.clear();
        self.recent.push_back(last_top);
    }
}

/// The byte offsets where the pages of `doc` start, `height` lines high at `width`
/// columns, in order; empty for a story without text. The whole story is wrapped.
pub fn tops(doc: &Document, width: u16, height: usize) -> Vec<usize> {
    let mut counter = Counter::new(width, height);
    counter.step(doc, usize::MAX);
    counter.confirmed()
}

/// The page (from 1) that the place `offset` is on, given the page tops: the last page
/// starting at or before it (page 1 before the first).
pub fn page_at(tops: &[usize], offset: usize) -> usize {
    tops.partition_point(|&t| t <= offset).max(1)
}

/// Where page `page` (from 1) starts, clamped to the first and last pages; `None`
/// without pages.
pub fn page_top(tops: &[usize], page: usize) -> Option<usize> {
    let i = page.clamp(1, tops.len().max(1)) - 1;
    tops.get(i).copied()
}

/// `n` with thousands separated by commas: `1,480`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1480), "1,480");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn page_at_and_page_top_on_tops() {
        let tops = [0, 100, 250];
        assert_eq!(page_at(&tops, 0), 1);
        assert_eq!(page_at(&tops, 99), 1);
        assert_eq!(page_at(&tops, 100), 2);
        assert_eq!(page_at(&tops, 9999), 3);
        assert_eq!(page_top(&tops, 0), Some(0));
        assert_eq!(page_top(&tops, 2), Some(100));
        assert_eq!(page_top(&tops, 99), Some(250));
        assert_eq!(page_top(&[], 3), None);
    }
}
