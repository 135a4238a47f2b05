//! Time left in the chapter and the book at the reader's pace, and the statistics screen.
//!
//! Words left are estimated from bytes left and the story's bytes per word, measured once
//! on samples spread over the text (a few KB, never a pass over the book), so the status
//! bar costs nothing per keypress whatever the story's size.

use super::{Action, Effect, Mode, Reader};
use crate::reading::{self, Summary, GUESS_WPM};
use std::cell::Cell;

/// How fast the reader reads, as the shell knows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Speed {
    /// Not measured yet: [`GUESS_WPM`] is assumed and the time is marked `~`.
    Guess,
    /// Measured words per minute.
    Known(f64),
}

/// The reader's pace and what is cached to turn it into time left.
#[derive(Debug, Default)]
pub(super) struct Pacing {
    /// `None`: no time left is shown (no reader's pace behind this model: `--print`, tests).
    speed: Option<Speed>,
    /// Bytes per word of the text, with the text's length it was measured on.
    per_word: Cell<Option<(usize, f64)>>,
}

/// Samples of the text taken to measure bytes per word.
const SAMPLES: usize = 16;
const SAMPLE_BYTES: usize = 4096;

impl Reader {
    /// Sets the reader's pace; `None` hides the time left.
    pub fn set_speed(&mut self, speed: Option<Speed>) {
        self.pacing.speed = speed;
    }

    /// `12 min left in chapter · 3 h 10 min in book` (compact: `12m · 3h10m`), marked
    /// `~` while the pace is a guess. Only the book's when there are no chapters, or the
    /// chapter ends with the book. `None` when no pace is set.
    pub fn time_left(&self, compact: bool) -> Option<String> {
        let speed = self.pacing.speed?;
        let (wpm, mark) = match speed {
            Speed::Known(wpm) if wpm > 0.0 => (wpm, ""),
            _ => (GUESS_WPM, "~"),
        };
        let per_word = self.bytes_per_word();
        let minutes =
            |bytes: usize| crate::saturating::u64_from_f64((bytes as f64 / per_word / wpm).round());
        let (book_left, chapter_left) = match &self.partial {
            Some(p) => (p.total.saturating_sub(self.whole_place()), None),
            None => {
                let end = self.doc.body().end.max(self.place);
                let chapter_end = self
                    .chapters
                    .iter()
                    .map(|c| c.offset)
                    .find(|&o| o > self.place)
                    .filter(|&o| o < end);
                (end - self.place, chapter_end.map(|e| e - self.place))
            }
        };
        let book = reading::minutes(minutes(book_left), compact);
        Some(match (chapter_left, compact) {
            (Some(c), false) => format!(
                "{mark}{} left in chapter · {book} in book",
                reading::minutes(minutes(c), false)
            ),
            (Some(c), true) => format!("{mark}{} · {book}", reading::minutes(minutes(c), true)),
            (None, false) => format!("{mark}{book} left in book"),
            (None, true) => format!("{mark}{book} left"),
        })
    }

    /// The text's bytes per word, measured once per text on [`SAMPLES`] stretches spread
    /// over it.
    fn bytes_per_word(&self) -> f64 {
        let text = self.doc.text();
        if let Some((len, per_word)) = self.pacing.per_word.get() {
            if len == text.len() {
                return per_word;
            }
        }
        let (mut bytes, mut words) = (0usize, 0usize);
        let step = (text.len() / SAMPLES).max(SAMPLE_BYTES);
        let mut at = 0;
        while at < text.len() {
            let start = floor_boundary(text, at);
            let end = floor_boundary(text, (at + SAMPLE_BYTES).min(text.len()));
            let sample = &text[start..end];
            bytes += sample.len();
            words += sample.split_whitespace().count();
            at += step;
        }
        // Text with no spaces (Chinese, Japanese) counts characters: about three bytes each.
        let per_word = if words == 0 || bytes / words > 40 {
            3.0
        } else {
            bytes as f64 / words as f64
        };
        self.pacing.per_word.set(Some((text.len(), per_word)));
        per_word
    }

    /// Opens the statistics screen on `summary` (made by the shell from the reading log).
    pub fn show_stats(&mut self, summary: Summary) {
        self.mode = Mode::Stats(Box::new(summary));
    }

    /// In the statistics screen: Esc, `q` or `s` close it.
    pub(super) fn stats(&mut self, summary: Box<Summary>, action: Action) -> Effect {
        if !matches!(action, Action::Cancel | Action::Quit | Action::Stats) {
            self.mode = Mode::Stats(summary);
        }
        Effect::None
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
