//! The reader's own pace, in words per minute, learnt from page turns.
//!
//! Pure: fed `(words, duration)` samples by the shell, which has the clock. A sample is
//! the words on the page(s) left behind over the time spent on them; samples that cannot
//! be reading are dropped (an idle gap, a skim), and the rest are smoothed so one slow or
//! fast page moves the estimate only a little.

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// A page longer than this without a key is an idle gap, not reading (5 minutes).
pub const IDLE: Duration = Duration::from_secs(5 * 60);
/// Faster than this nobody reads: the page was skimmed or paged past.
pub const MAX_WPM: f64 = 1200.0;
/// Slower than this the reader was doing something else for most of the page.
pub const MIN_WPM: f64 = 40.0;
/// Fewer words than this (a heading, a scene break) say nothing about a pace.
pub const MIN_WORDS: usize = 20;
/// The pace assumed until enough pages were measured.
pub const GUESS_WPM: f64 = 250.0;
/// Pages measured before the estimate is trusted (and shown without `~`).
pub const KNOWN_AFTER: u32 = 3;
/// Weight of a new page in the moving average, once past the first few pages (which are
/// averaged plainly, so the estimate settles fast).
const ALPHA: f64 = 0.2;

/// A smoothed words-per-minute estimate (an exponential moving average).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Pace {
    /// The smoothed pace; `None` before the first sample.
    #[serde(default)]
    pub wpm: Option<f64>,
    /// Samples taken in (dropped ones not counted).
    #[serde(default)]
    pub samples: u32,
    /// When the last sample was taken, in unix milliseconds: of two paces, the later wins
    /// a merge.
    #[serde(default)]
    pub updated: u64,
}

impl Pace {
    /// Takes in `words` read in `duration`, at `now_ms`. Returns whether the sample was
    /// kept: idle gaps (over [`IDLE`]), skims (over `MAX_WPM`), distracted pages (under
    /// `MIN_WPM`) and near-empty pages (under `MIN_WORDS`) are not.
    pub fn feed(&mut self, words: usize, duration: Duration, now_ms: u64) -> bool {
        let Some(wpm) = sample_wpm(words, duration) else {
            return false;
        };
        self.samples = self.samples.saturating_add(1);
        let alpha = (1.0 / f64::from(self.samples)).max(ALPHA);
        self.wpm = Some(match self.wpm {
            Some(old) => old + alpha * (wpm - old),
            None => wpm,
        });
        self.updated = now_ms;
        true
    }

    /// The measured pace, once `KNOWN_AFTER` pages were.
    pub fn known(&self) -> Option<f64> {
        self.wpm.filter(|_| self.samples >= KNOWN_AFTER)
    }

    /// Of two paces (two dogears open at once), the one measured last: a pace is one
    /// smoothed number, and the latest is the best guess of the reader's pace now. Equal
    /// times: the one with more samples.
    pub fn merge(a: &Pace, b: &Pace) -> Pace {
        if (b.updated, b.samples) >= (a.updated, a.samples) {
            b.clone()
        } else {
            a.clone()
        }
    }
}

/// The pace of one sample, if it can be reading.
pub fn sample_wpm(words: usize, duration: Duration) -> Option<f64> {
    if words < MIN_WORDS || duration > IDLE || duration.is_zero() {
        return None;
    }
    let wpm = words as f64 * 60.0 / duration.as_secs_f64();
    (MIN_WPM..=MAX_WPM).contains(&wpm).then_some(wpm)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn three_steady_pages_make_a_known_pace() {
        let mut pace = Pace::default();
        assert!(pace.feed(250, secs(60), 1));
        assert!(pace.feed(250, secs(60), 2));
        assert_eq!(pace.known(), None, "two pages are not enough");
        assert!(pace.feed(250, secs(60), 3));
        assert_eq!(pace.known(), Some(250.0));
        assert_eq!(pace.updated, 3);
    }

    #[test]
    fn idle_gaps_skims_and_empty_pages_are_ignored() {
        let mut pace = Pace::default();
        assert!(!pace.feed(300, secs(6 * 60), 1), "idle for six minutes");
        assert!(!pace.feed(300, secs(5), 1), "3,600 wpm is a skim");
        assert!(
            !pace.feed(300, Duration::ZERO, 1),
            "repeated turns with no time between"
        );
        assert!(!pace.feed(5, secs(2), 1), "a heading alone");
        assert!(!pace.feed(100, secs(200), 1), "30 wpm: away from the page");
        assert_eq!(pace, Pace::default());
    }

    #[test]
    fn the_later_pace_wins_a_merge() {
        let old = Pace {
            wpm: Some(200.0),
            samples: 50,
            updated: 10,
        };
        let new = Pace {
            wpm: Some(300.0),
            samples: 4,
            updated: 20,
        };
        assert_eq!(Pace::merge(&old, &new), new);
        assert_eq!(Pace::merge(&new, &old), new);
    }

    proptest! {
        /// Whatever came before, steady reading at one pace brings the estimate to it.
        #[test]
        fn smoothing_converges_on_a_steady_pace(
            start in prop::collection::vec((20usize..600, 1u64..300), 0..20),
            wpm in 100u32..900,
        ) {
            let mut pace = Pace::default();
            for (words, s) in start {
                pace.feed(words, secs(s), 0);
            }
            for _ in 0..60 {
                // 300 words at `wpm`.
                let ms = 300.0 * 60_000.0 / f64::from(wpm);
                pace.feed(300, Duration::from_millis(crate::saturating::u64_from_f64(ms)), 1);
            }
            let got = pace.known().unwrap();
            prop_assert!((got - f64::from(wpm)).abs() < f64::from(wpm) * 0.01, "{got} vs {wpm}");
        }

        /// Skims and idle gaps mixed into steady reading change nothing.
        #[test]
        fn skims_and_idle_gaps_never_move_the_estimate(
            noise in prop::collection::vec(
                prop_oneof![
                    (20usize..2000, 0u64..1).prop_map(|(w, _)| (w, Duration::from_millis(500))),
                    (20usize..2000, 301u64..100_000).prop_map(|(w, s)| (w, secs(s))),
                ],
                1..30,
            ),
        ) {
            let mut pace = Pace::default();
            for _ in 0..5 {
                pace.feed(250, secs(60), 0);
            }
            let before = pace.clone();
            for (words, d) in noise {
                // 20 words in half a second is 2,400 wpm: always a skim.
                prop_assert!(!pace.feed(words, d, 99));
            }
            prop_assert_eq!(pace, before);
        }
    }
}
