//! The encoding picker: the likely encodings first, then every other, with the page at
//! the reader's place decoded by the one selected. Enter re-reads the story that way
//! and keeps the place; Esc leaves everything as it was.

use super::{Action, Effect, Mode, Reader};
use crate::document::{charset, Charset, Document};
use crate::layout::{Layout, ScreenLine};
use crate::position;
use std::ops::Range;

/// Bytes of the file shown in the preview: a few screens' worth.
const PREVIEW_BYTES: usize = 6 * 1024;

/// The open picker. The shell read the file's bytes; nothing here touches the disk.
#[derive(Debug)]
pub struct Picker {
    bytes: Vec<u8>,
    /// Likely encodings first (as detection ranked them), then every other one.
    pub choices: Vec<Charset>,
    /// How many of `choices` detection found likely.
    pub likely: usize,
    /// The bytes around the reader's place, decoded for the preview.
    window: Range<usize>,
    preview: Document,
    lines: Vec<ScreenLine>,
}

impl Picker {
    /// The preview's text and its lines on screen.
    pub fn preview(&self) -> (&str, &[ScreenLine]) {
        (self.preview.text(), &self.lines)
    }
}

impl Reader {
    /// Opens the picker on the story's `bytes` (read by the shell after
    /// [`Effect::ReadForEncodings`]), the current encoding selected.
    pub fn open_encodings(&mut self, bytes: Vec<u8>) {
        let current = self.doc.charset();
        let mut choices: Vec<Charset> = Vec::new();
        let detected = &self.doc.guess().candidates;
        // A forced or remembered encoding skipped detection: ask it now (a sample only).
        let likely = match detected.is_empty() {
            true => crate::document::decode::likely(&bytes),
            false => detected.clone(),
        };
        for &cs in likely.iter().take(6) {
            if !choices.contains(&cs) {
                choices.push(cs);
            }
        }
        if !choices.contains(&current) {
            choices.insert(0, current);
        }
        let likely = choices.len();
        let rest: Vec<Charset> = charset::ALL
            .iter()
            .copied()
            .filter(|cs| !choices.contains(cs))
            .collect();
        choices.extend(rest);
        let selected = choices.iter().position(|&c| c == current).unwrap_or(0);
        let mut window = window(&bytes, raw_offset(&self.doc, self.place, &bytes));
        if self.doc.encoding().starts_with("UTF-16") {
            // Whole code units: a line starts after the NUL of LF's two bytes (LE).
            window.start += window.start % 2;
            window.end -= (window.end - window.start) % 2;
        }
        self.picker = Some(Picker {
            bytes,
            choices,
            likely,
            window,
            preview: Document::from_text(""),
            lines: Vec::new(),
        });
        self.mode = Mode::Encodings { selected };
        self.preview_encoding(selected);
    }

    /// The open picker, if any.
    pub fn picker(&self) -> Option<&Picker> {
        self.picker.as_ref()
    }

    /// Decodes the preview window with choice `selected` and lays out a page of it.
    pub(super) fn preview_encoding(&mut self, selected: usize) {
        let width = self.column().width;
        let height = self.page_height();
        let Some(picker) = &mut self.picker else {
            return;
        };
        let cs = picker.choices[selected];
        let bytes = &picker.bytes[picker.window.clone()];
        picker.preview = Document::from_bytes(bytes, Some(cs))
            .unwrap_or_else(|_| Document::from_text("(this encoding cannot read these bytes)"));
        let top = picker.preview.blocks().first().map_or(0, |b| b.start());
        picker.lines = Layout::new(width).page(&picker.preview, top, height);
    }

    pub(super) fn encodings(&mut self, selected: usize, action: Action) -> Effect {
        let Some(len) = self.picker.as_ref().map(|p| p.choices.len()) else {
            return Effect::None;
        };
        match self.list(selected, len, &action) {
            Ok(now) => {
                self.mode = Mode::Encodings { selected: now };
                if now != selected {
                    self.preview_encoding(now);
                }
                Effect::None
            }
            Err(Some(chosen)) => match self.picker.take() {
                Some(picker) => self.reread(picker.bytes, picker.choices[chosen]),
                None => Effect::None,
            },
            Err(None) => {
                self.picker = None;
                Effect::None
            }
        }
    }

    /// Re-reads the story from `bytes` as `cs`, keeping the place and the bookmarks on
    /// the same text.
    fn reread(&mut self, bytes: Vec<u8>, cs: Charset) -> Effect {
        if cs == self.doc.charset() && !self.doc.guess().unsure {
            return Effect::None;
        }
        let doc = match Document::from_vec(bytes, Some(cs)) {
            Ok(doc) => doc,
            Err(err) => {
                self.say(format!("cannot read it as {}: {err}", cs.name()));
                return Effect::None;
            }
        };
        let old = std::mem::replace(&mut self.doc, std::sync::Arc::new(doc));
        self.place = remap(&old, &self.doc, self.place);
        for mark in &mut self.marks {
            mark.offset = remap(&old, &self.doc, mark.offset);
        }
        self.chapters = crate::toc::chapters(&self.doc);
        self.fresh_layout();
        self.place = self.layout.line_start(&self.doc, self.place);
        self.back = None;
        self.hit = None;
        self.tally = Default::default();
        self.say(format!("encoding: {}", cs.name()));
        Effect::EncodingChosen(cs)
    }
}

/// `offset` in `old` moved to the same place in `new`, the same bytes decoded another
/// way. Between single-byte encodings a character is a byte, so the place is exact;
/// otherwise it is kept by percent.
pub fn remap(old: &Document, new: &Document, offset: usize) -> usize {
    if old.charset().is_single_byte() && new.charset().is_single_byte() {
        let n = old.text()[..offset.min(old.text().len())].chars().count();
        new.text()
            .char_indices()
            .nth(n)
            .map_or(new.text().len(), |(i, _)| i)
    } else {
        position::offset_at_percent(new, position::percent(old, offset))
    }
}

/// About where in the file's bytes the text at `offset` came from.
fn raw_offset(doc: &Document, offset: usize, bytes: &[u8]) -> usize {
    let text = &doc.text()[..offset.min(doc.text().len())];
    let cs = doc.charset();
    let at = if cs.is_single_byte() {
        text.chars().count()
    } else if cs == charset::UTF_8 {
        offset
    } else {
        let share = offset as f64 / doc.text().len().max(1) as f64;
        crate::saturating::usize_from_f64(share * bytes.len() as f64)
    };
    // Normalising turned each CRLF into one LF.
    let crlf = bytes[..bytes.len().min(64 * 1024)]
        .windows(2)
        .any(|w| w == b"\r\n");
    let lines = if crlf && (cs.is_single_byte() || cs == charset::UTF_8) {
        text.matches('\n').count()
    } else {
        0
    };
    (at + lines).min(bytes.len())
}

/// The bytes to preview: from the start of the line holding `at`, a few screens' worth.
fn window(bytes: &[u8], at: usize) -> Range<usize> {
    let floor = at.saturating_sub(2048);
    let start = bytes[floor..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(floor, |p| floor + p + 1);
    let end = (start + PREVIEW_BYTES).min(bytes.len());
    let end = bytes[end..]
        .iter()
        .take(1024)
        .position(|&b| b == b'\n')
        .map_or(end, |p| end + p);
    start..end
}
