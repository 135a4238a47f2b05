//! Keeping the reading log of one open book: time read, pages and words, the reader's
//! pace from page turns, and books finished (see [`crate::reading`]).
//!
//! Shell code: it reads the clock and, through [`Store`], the disk. Time read is the time
//! between moves, less gaps over [`IDLE`]; a pace sample is the words passed over since
//! the last sample, once they make about a page, over the time taken; a jump or a move
//! back starts a new sample. `reading.json` is written every minute or so, and on the way
//! out, merged with what other dogears wrote.

use crate::reader::{Reader, Speed};
use crate::reading::{day_of, merge, Log, Session, Summary, IDLE};
use crate::store::{self, Store};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The least time between two writes of `reading.json`.
const SAVE_EVERY: Duration = Duration::from_secs(60);
/// The longest a session lasts (a day): reading after it goes in a new one, long before
/// the old one is folded.
const SESSION_SPAN_MS: u64 = 86_400_000;

/// The local time zone's offset from UTC in seconds, east positive; 0 (UTC) when it
/// cannot be found (see [`crate::localtime`]). Asked at each use rather than kept: the
/// zone is read on first use (not before the first frame), and a session can outlast a
/// change of summer time.
pub fn local_offset() -> i32 {
    i32::try_from(crate::localtime::offset_secs()).unwrap_or(0)
}

/// A reading log longer than this is read on a thread of its own while the story opens
/// (starting a thread costs about what reading this much does).
const READ_APART_FROM: u64 = 16 << 10;

/// The head of the reading log (see [`Store::load_reading_head`]), read on a thread of its
/// own while the story opens when the log is long: the first page waits for it (it shows
/// the time left at the reader's pace), not for both one after the other.
#[derive(Debug)]
pub struct Head(Option<JoinHandle<Log>>, Log);

impl Head {
    /// Starts reading the head of `store`'s log.
    pub fn read(store: Option<&Store>) -> Head {
        let Some(store) = store else {
            return Head(None, Log::default());
        };
        let long = std::fs::metadata(store.reading_path()).is_ok_and(|m| m.len() > READ_APART_FROM);
        let apart = long.then(|| {
            let store = store.clone();
            std::thread::Builder::new()
                .name("reading log".into())
                .spawn(move || store.load_reading_head())
                .ok()
        });
        match apart.flatten() {
            Some(thread) => Head(Some(thread), Log::default()),
            None => Head(None, store.load_reading_head()),
        }
    }

    /// The head, once read (an empty log if its thread failed).
    fn log(self) -> Log {
        match self.0 {
            Some(thread) => thread.join().unwrap_or_default(),
            None => self.1,
        }
    }
}

/// The reading log of the open book.
#[derive(Debug)]
pub struct Tracker {
    store: Option<Store>,
    /// The log as last loaded (without its sessions) or saved, with this session's
    /// reading in it.
    log: Log,
    /// This session's id in `log.sessions`.
    id: String,
    book: String,
    /// Where the current pace sample began, and when.
    from: Option<(usize, Instant)>,
    /// The place after the last move, the bytes its page spanned, and when the reader got
    /// there.
    last: (usize, usize, Instant),
    last_save: Instant,
    /// Something was read since the last save.
    dirty: bool,
}

impl Tracker {
    /// Starts a session on the book with this fingerprint, at the reader's place, with
    /// the log's `head` (the sessions of other days are merged in when it is written).
    pub fn start(
        store: Option<Store>,
        head: Head,
        fingerprint: &str,
        reader: &mut Reader,
    ) -> Tracker {
        let now = Instant::now();
        let mut log = head.log();
        let id = store::new_bookmark_id();
        log.sessions.push(Session::new(
            id.clone(),
            fingerprint.to_owned(),
            reader.title().to_owned(),
            store::now_ms(),
        ));
        let tracker = Tracker {
            store,
            log,
            id,
            book: fingerprint.to_owned(),
            from: Some((reader.place(), now)),
            last: (reader.place(), page_bytes(reader), now),
            last_save: now,
            dirty: false,
        };
        tracker.tell_speed(reader);
        tracker
    }

    fn tell_speed(&self, reader: &mut Reader) {
        reader.set_speed(Some(match self.log.pace.known() {
            Some(wpm) => Speed::Known(wpm),
            None => Speed::Guess,
        }));
    }

    fn session(&mut self) -> &mut Session {
        let now = store::now_ms();
        let i = self.log.sessions.iter().rposition(|s| s.id == self.id);
        if let Some(old) = i.filter(|&i| self.log.sessions[i].start + SESSION_SPAN_MS < now) {
            // A dogear left open for days reads on in a new session: an old one is
            // folded when the log is written (see `crate::reading::fold`), and reading
            // added to it afterwards would be left out of the fold.
            self.id = store::new_bookmark_id();
            let title = self.log.sessions[old].title.clone();
            self.log
                .sessions
                .push(Session::new(self.id.clone(), self.book.clone(), title, now));
            let last = self.log.sessions.len() - 1;
            return &mut self.log.sessions[last];
        }
        let i = i.unwrap_or_else(|| {
            self.log.sessions.push(Session::new(
                self.id.clone(),
                self.book.clone(),
                String::new(),
                store::now_ms(),
            ));
            self.log.sessions.len() - 1
        });
        &mut self.log.sessions[i]
    }

    /// Adds the time since the last move to today's reading, unless it was an idle gap.
    fn count_time(&mut self, now: Instant) -> bool {
        let gap = now.duration_since(self.last.2);
        if gap > IDLE {
            return false;
        }
        let ms = u64::try_from(gap.as_millis()).unwrap_or(u64::MAX);
        // No time, nothing to write (a story opened and closed at once leaves no session).
        if ms > 0 {
            let today = day_of(store::now_ms(), local_offset());
            self.session().days.entry(today).or_default().ms += ms;
            self.dirty = true;
        }
        true
    }

    /// The reader's place moved (at `now`).
    pub fn moved(&mut self, reader: &mut Reader, now: Instant) {
        let place = reader.place();
        let (last, page, _) = self.last;
        let active = self.count_time(now);
        let text = reader.document().text();
        // Reading on: forward by no more than two pages. Anything else (back, a jump, a
        // return from an idle gap) starts a new sample here.
        let reading_on = active && place > last && place - last <= 2 * page.max(1);
        match (reading_on, self.from) {
            (true, Some((from, since))) => {
                let words = words(text, last, place);
                let today = day_of(store::now_ms(), local_offset());
                self.session().days.entry(today).or_default().words += words as u64;
                if place - from >= page * 4 / 5 {
                    let sample = self::words(text, from, place);
                    self.log
                        .pace
                        .feed(sample, now.duration_since(since), store::now_ms());
                    self.session().days.entry(today).or_default().pages += 1;
                    self.from = Some((place, now));
                    self.tell_speed(reader);
                }
            }
            _ => self.from = Some((place, now)),
        }
        if reader.percent() == 100 && !self.log.finished.contains_key(&self.book) {
            self.log.finished.insert(
                self.book.clone(),
                crate::reading::Finished {
                    title: reader.title().to_owned(),
                    at: store::now_ms(),
                },
            );
            self.dirty = true;
        }
        self.last = (place, page_bytes(reader), now);
    }

    /// Every poll of the loop: writes the log if it is due.
    pub fn idle(&mut self, now: Instant) {
        if self.dirty && now.duration_since(self.last_save) >= SAVE_EVERY {
            self.save(now);
        }
    }

    /// On the way out: the last page's time counts, and the log is written.
    pub fn finish(&mut self) {
        let now = Instant::now();
        self.count_time(now);
        self.last.2 = now;
        if self.dirty {
            self.save(now);
        }
    }

    /// Writes the log, merged (best effort: the statistics are not worth a second warning
    /// beside the place's; they are kept in memory and written next time).
    fn save(&mut self, now: Instant) {
        self.last_save = now;
        if let Some(store) = &self.store {
            if let Ok(merged) = store.save_reading(&self.log) {
                // What was read here since the save began is already in `merged`.
                self.log = merge(&merged, &self.log);
                self.dirty = false;
            }
        }
    }

    /// The statistics as of now, for the `s` screen (the log merged with what other
    /// dogears saved).
    pub fn summary(&mut self) -> Summary {
        if let Some(store) = &self.store {
            let (disk, _) = store.load_reading();
            self.log = merge(&disk, &self.log);
        }
        let today = day_of(store::now_ms(), local_offset());
        self.log.summary(today, local_offset(), Some(&self.book))
    }
}

/// Words in `text[from..to]` (clamped to the text and to character boundaries).
fn words(text: &str, from: usize, to: usize) -> usize {
    let to = to.min(text.len());
    let from = from.min(to);
    text.get(from..to)
        .map_or(0, |s| s.split_whitespace().count())
}

/// The bytes the reader's page spans.
fn page_bytes(reader: &Reader) -> usize {
    match (reader.page().first(), reader.page().last()) {
        (Some(first), Some(last)) => last.range.end.saturating_sub(first.range.start),
        _ => 0,
    }
}

#[cfg(test)]
mod tests;
