//! What dogear remembers about the reader (not a book): their pace, and when and how much
//! they read, for the time left in the status bar and the statistics screen (`s`,
//! `dogear --stats`).
//!
//! Pure data: no disk, no clock. Times and the local day come in as parameters.
//! `crate::store` keeps one [`Log`] in `reading.json`, written under a lock and merged,
//! so two dogears open at once lose none of each other's reading.
//!
//! Reading time is kept per session (one opening of one book, with its own id), split by
//! local day. A session only ever grows, so two copies of it merge by taking the larger
//! of each count, and sessions from different dogears are simply both kept: the merge
//! never adds the same minutes twice and never loses any.

mod fold;
mod pace;
pub use fold::{fold, FOLD_AFTER_MS};
pub use pace::{Pace, GUESS_WPM, IDLE};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format version of `reading.json`.
pub const READING_VERSION: u32 = 1;
/// Days the statistics screen charts.
pub const CHART_DAYS: usize = 28;

/// Time, pages and words read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Milliseconds spent reading (idle gaps left out).
    #[serde(default)]
    pub ms: u64,
    #[serde(default)]
    pub pages: u64,
    #[serde(default)]
    pub words: u64,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.ms += other.ms;
        self.pages += other.pages;
        self.words += other.words;
    }

    /// Each count at least as large as in either: how two copies of one session merge.
    fn max(&self, other: &Tally) -> Tally {
        Tally {
            ms: self.ms.max(other.ms),
            pages: self.pages.max(other.pages),
            words: self.words.max(other.words),
        }
    }
}

/// One opening of one book.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Unique across dogears (see [`crate::store::new_bookmark_id`]).
    pub id: String,
    /// The book's fingerprint.
    pub book: String,
    #[serde(default)]
    pub title: String,
    /// When it began, in unix milliseconds.
    pub start: u64,
    /// What was read, by local day (days since 1970-01-01 in the reader's time zone).
    #[serde(default)]
    pub days: BTreeMap<i64, Tally>,
    /// The book's sessions that began before [`Log::folded_before`], added up day by day
    /// (see [`fold`]): one record rather than one per opening.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub folded: bool,
}

impl Session {
    pub fn new(id: String, book: String, title: String, start: u64) -> Session {
        Session {
            id,
            book,
            title,
            start,
            days: BTreeMap::new(),
            folded: false,
        }
    }

    /// Everything read in this session.
    pub fn total(&self) -> Tally {
        let mut t = Tally::default();
        for day in self.days.values() {
            t.add(day);
        }
        t
    }
}

/// A book read to its end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finished {
    #[serde(default)]
    pub title: String,
    /// When its end was first reached, in unix milliseconds.
    pub at: u64,
}

/// Everything remembered about the reader's reading.
///
/// Written in this order, the sessions last: opening a book reads the rest and stops
/// where they start (see `Store::load_reading_head`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Log {
    pub version: u32,
    #[serde(default)]
    pub pace: Pace,
    /// Books reached to 100 %, by fingerprint.
    #[serde(default)]
    pub finished: BTreeMap<String, Finished>,
    /// Every session that began before this time (unix milliseconds) is in its book's
    /// folded session (see [`fold`]); 0 when none was folded.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub folded_before: u64,
    #[serde(default)]
    pub sessions: Vec<Session>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Default for Log {
    fn default() -> Self {
        Log {
            version: READING_VERSION,
            pace: Pace::default(),
            sessions: Vec::new(),
            finished: BTreeMap::new(),
            folded_before: 0,
        }
    }
}

/// Two copies of the log merged: every session of either (a session in both takes the
/// larger count of each day), the later pace, every finished book (first finished
/// first). A session that began before either's [`Log::folded_before`] is already in a
/// folded one, and is left out. Commutative, associative and idempotent, so the order
/// saves land in never matters.
pub fn merge(a: &Log, b: &Log) -> Log {
    let folded_before = a.folded_before.max(b.folded_before);
    let mut sessions: BTreeMap<&str, Session> = BTreeMap::new();
    let kept = |s: &&Session| s.folded || s.start >= folded_before;
    for s in a.sessions.iter().chain(&b.sessions).filter(kept) {
        match sessions.get_mut(s.id.as_str()) {
            None => {
                sessions.insert(&s.id, s.clone());
            }
            Some(kept) => {
                kept.start = kept.start.min(s.start);
                if kept.title.is_empty() {
                    kept.title.clone_from(&s.title);
                }
                // Two folds of one book: the later holds every session the earlier did
                // (it was folded from a log merged with it), so each day's larger count
                // is the whole.
                for (day, tally) in &s.days {
                    let merged = kept.days.get(day).map_or(*tally, |t| t.max(tally));
                    kept.days.insert(*day, merged);
                }
            }
        }
    }
    let mut sessions: Vec<Session> = sessions.into_values().collect();
    sessions.sort_by(|x, y| (x.start, &x.id).cmp(&(y.start, &y.id)));
    let mut finished = a.finished.clone();
    for (book, f) in &b.finished {
        match finished.get(book) {
            Some(kept) if kept.at <= f.at => {}
            _ => {
                finished.insert(book.clone(), f.clone());
            }
        }
    }
    Log {
        version: a.version.max(b.version),
        pace: Pace::merge(&a.pace, &b.pace),
        sessions,
        finished,
        folded_before,
    }
}

/// The local day (days since 1970-01-01) of a unix time in milliseconds, for a time zone
/// `offset_secs` east of UTC.
///
/// ```
/// // 23:30 UTC on 1 January 1970 is the 2nd in Tokyo (UTC+9).
/// assert_eq!(dogear::reading::day_of(84_600_000, 0), 0);
/// assert_eq!(dogear::reading::day_of(84_600_000, 9 * 3600), 1);
/// ```
pub fn day_of(unix_ms: u64, offset_secs: i32) -> i64 {
    (unix_ms as i64 / 1000 + i64::from(offset_secs)).div_euclid(86_400)
}

/// What the statistics screen and `--stats` show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Minutes read on each of the last [`CHART_DAYS`] days, oldest first, today last.
    pub days: Vec<DayRead>,
    /// Everything ever read.
    pub total: Tally,
    /// Read in the last 7 days (today included).
    pub week: Tally,
    pub books_finished: usize,
    /// Days in a row with some reading, up to today (or yesterday, while today is young).
    pub streak: u32,
    /// The measured pace in words per minute, once known.
    pub wpm: Option<u32>,
    /// The book asked about, if any: its title and sessions, newest first.
    pub book: Option<BookSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayRead {
    /// `YYYY-MM-DD`, local.
    pub date: String,
    pub minutes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BookSummary {
    pub title: String,
    pub total: Tally,
    pub sessions: Vec<SessionRead>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionRead {
    /// When it began, `YYYY-MM-DD HH:MM` local.
    pub start: String,
    pub minutes: u64,
    pub pages: u64,
    pub words: u64,
}

impl Log {
    /// The summary on local day `today`, in a time zone `offset_secs` east of UTC, with
    /// the sessions of the book with fingerprint `book` if given.
    pub fn summary(&self, today: i64, offset_secs: i32, book: Option<&str>) -> Summary {
        let mut by_day: BTreeMap<i64, Tally> = BTreeMap::new();
        let mut total = Tally::default();
        for s in &self.sessions {
            for (day, t) in &s.days {
                by_day.entry(*day).or_default().add(t);
                total.add(t);
            }
        }
        let mut week = Tally::default();
        for (_, t) in by_day.range(today - 6..=today) {
            week.add(t);
        }
        let read_on = |day: i64| by_day.get(&day).is_some_and(|t| t.ms > 0);
        let mut day = if read_on(today) { today } else { today - 1 };
        let mut streak = 0;
        while read_on(day) {
            streak += 1;
            day -= 1;
        }
        let days = (today - CHART_DAYS as i64 + 1..=today)
            .map(|d| DayRead {
                date: date(d),
                minutes: by_day.get(&d).map_or(0, |t| t.ms / 60_000),
            })
            .collect();
        let book = book.map(|fingerprint| {
            let mut sessions: Vec<&Session> = self
                .sessions
                .iter()
                .filter(|s| s.book == fingerprint)
                .collect();
            sessions.sort_by_key(|s| std::cmp::Reverse(s.start));
            let mut total = Tally::default();
            for s in &sessions {
                total.add(&s.total());
            }
            BookSummary {
                title: sessions
                    .first()
                    .map(|s| s.title.clone())
                    .unwrap_or_default(),
                total,
                sessions: sessions
                    .iter()
                    .filter(|s| s.total().ms > 0)
                    .map(|s| {
                        let t = s.total();
                        let local = |ms: u64| ms as i64 / 1000 + i64::from(offset_secs);
                        SessionRead {
                            start: if s.folded {
                                let until =
                                    crate::calendar::civil_date_time(local(self.folded_before));
                                format!("before {}", &until[..10])
                            } else {
                                crate::calendar::civil_date_time(local(s.start))
                            },
                            minutes: t.ms / 60_000,
                            pages: t.pages,
                            words: t.words,
                        }
                    })
                    .collect(),
            }
        });
        Summary {
            days,
            total,
            week,
            books_finished: self.finished.len(),
            streak,
            wpm: self
                .pace
                .known()
                .map(|w| crate::saturating::u32_from_f64(w.round())),
            book,
        }
    }
}

/// `YYYY-MM-DD` of a day number.
fn date(day: i64) -> String {
    crate::calendar::civil_date_time(day * 86_400)[..10].to_owned()
}

/// A duration in minutes for people: `12 min`, `3 h 10 min`, `<1 min`; compact:
/// `12m`, `3h10m`, `<1m`.
///
/// ```
/// use dogear::reading::minutes;
/// assert_eq!(minutes(190, false), "3 h 10 min");
/// assert_eq!(minutes(190, true), "3h10m");
/// assert_eq!(minutes(12, true), "12m");
/// assert_eq!(minutes(120, false), "2 h");
/// ```
pub fn minutes(total: u64, compact: bool) -> String {
    let (h, m) = (total / 60, total % 60);
    match (h, m, compact) {
        (0, 0, false) => "<1 min".to_owned(),
        (0, 0, true) => "<1m".to_owned(),
        (0, m, false) => format!("{m} min"),
        (0, m, true) => format!("{m}m"),
        (h, 0, false) => format!("{h} h"),
        (h, 0, true) => format!("{h}h"),
        (h, m, false) => format!("{h} h {m} min"),
        (h, m, true) => format!("{h}h{m}m"),
    }
}

/// `12,345`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Summary {
    /// The lines under the chart, shared by the `s` screen and `dogear --stats`.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![
            format!(
                "last 7 days {} · all time {}",
                minutes(self.week.ms / 60_000, false),
                minutes(self.total.ms / 60_000, false)
            ),
            format!(
                "pages read {} · words read {}",
                thousands(self.total.pages),
                thousands(self.total.words)
            ),
            format!(
                "books finished {} · streak {} {}",
                self.books_finished,
                self.streak,
                if self.streak == 1 { "day" } else { "days" }
            ),
            match self.wpm {
                Some(wpm) => format!("your pace {wpm} words a minute"),
                None => format!("your pace: being measured ({GUESS_WPM} words a minute assumed)"),
            },
        ];
        if let Some(book) = &self.book {
            let n = book.sessions.len();
            lines.push(String::new());
            lines.push(format!(
                "{}: {} in {n} {} · {} pages",
                if book.title.is_empty() {
                    "this book"
                } else {
                    &book.title
                },
                minutes(book.total.ms / 60_000, false),
                if n == 1 { "session" } else { "sessions" },
                thousands(book.total.pages)
            ));
            for s in &book.sessions {
                lines.push(format!(
                    "  {}  {:>9}  {} pages",
                    s.start,
                    minutes(s.minutes, false),
                    thousands(s.pages)
                ));
            }
        }
        lines
    }

    /// `dogear --stats`: a text chart of the days (one row a day with reading, a bar of
    /// `#` per 5 minutes), then [`Summary::lines`]. Not sanitised: the caller does.
    pub fn text(&self) -> String {
        let mut out = format!("reading, last {CHART_DAYS} days:\n");
        for d in &self.days {
            if d.minutes > 0 {
                let bar = "#".repeat(d.minutes.div_ceil(5).min(60) as usize);
                out.push_str(&format!(
                    "  {}  {:>9}  {bar}\n",
                    d.date,
                    minutes(d.minutes, false)
                ));
            }
        }
        if self.days.iter().all(|d| d.minutes == 0) {
            out.push_str("  nothing read yet\n");
        }
        out.push('\n');
        for line in self.lines() {
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// `dogear --stats --json`. Not sanitised: the caller does.
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned()) + "\n"
    }
}

#[cfg(test)]
mod tests;
