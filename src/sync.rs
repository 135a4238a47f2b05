//! Progress sync with KOReader's sync server (shell code, beside the store).
//!
//! The core gives a place and takes one ([`xpointer`] is the pure part: KOReader's name
//! for a place). A [`Syncer`] runs for an open book: it pulls the place other devices
//! left when the book opens (and asks on the page before moving there), pushes ours at
//! most every [`PUSH_EVERY`] while reading and once on the way out. Every HTTP call is made
//! on its own thread with a short timeout ([`client::TIMEOUT`]); the way out waits for the
//! last push at most [`FINAL_WAIT`]. Nothing here can stop anyone reading: a failure is
//! one short message in the status bar, and the next push tries again.

pub mod account;
pub mod client;
pub mod command;
pub mod xpointer;

use crate::config::SyncConfig;
use crate::document::Charset;
use crate::reader::{Question, Reader};
use account::Account;
use client::{Client, Progress, Remote, SyncError};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use xpointer::{Map, Target};

/// Pushes while reading are at least this far apart.
pub const PUSH_EVERY: Duration = Duration::from_secs(180);
/// Stories up to this size keep their map between pushes; bigger ones read their file
/// again for each (a few seconds at most every [`PUSH_EVERY`]).
const KEEP_MAP_UP_TO: usize = 64 << 20;
/// The most the way out waits for the last push.
pub const FINAL_WAIT: Duration = Duration::from_secs(2);

/// The book as sync needs it: its file (read again to name places as KOReader does) and
/// identity, and what the document made of it, to check that the names are exact.
#[derive(Debug, Clone, PartialEq)]
struct BookFile {
    path: PathBuf,
    fingerprint: String,
    charset: Charset,
    text_len: usize,
}

enum Job {
    /// Pull; `ours`: our place and when we moved there (unix ms).
    Pull {
        book: BookFile,
        ours: usize,
        moved_ms: u64,
        our_device: String,
    },
    Push {
        book: BookFile,
        place: usize,
        percentage: f64,
        title: String,
    },
}

enum Outcome {
    /// A newer place from another device, to ask about; or none.
    Pulled(Result<Option<Question>, String>),
    Pushed(Result<(), String>),
}

/// Sync for one open book.
pub struct Syncer {
    jobs: Sender<Job>,
    outcomes: Receiver<Outcome>,
    /// The story's file; `None` once we know it cannot be named exactly.
    path: PathBuf,
    device_id: String,
    /// The pull on open is still to be made (it waits for the whole story).
    pull_due: bool,
    /// Waiting for the pull's answer (no push before it, which would overwrite the place
    /// we are about to ask about).
    pulling: bool,
    /// When the last pull was asked for, if it failed: it is asked again
    /// [`PUSH_EVERY`] later.
    pull_failed: Option<Instant>,
    /// When the last pull was asked for.
    asked: Option<Instant>,
    /// The place moved since the last push the server took (or the last run's failed).
    dirty: bool,
    /// Pushes in flight.
    pushing: usize,
    last_push: Option<Instant>,
    /// The last problem said, so a dead server is not announced at every retry.
    said: Option<String>,
    account: Account,
}

impl Syncer {
    /// Sync for the story at `path` (a regular file) when `[sync]` is set up and `auto`,
    /// and the user logged in; else `None`.
    pub fn start(config: &SyncConfig, dir: &Path, path: &Path, fingerprint: &str) -> Option<Self> {
        if !config.auto {
            return None;
        }
        let server = config.server.as_deref()?;
        let account = Account::new(dir);
        let credentials = account.credentials()?;
        if config
            .username
            .as_deref()
            .is_some_and(|u| u != credentials.username)
        {
            return None;
        }
        let state = account.state();
        let unpushed = state
            .books
            .get(fingerprint)
            .is_some_and(|b| b.problem.is_some());
        let (jobs, outcomes) = spawn(
            Client::new(
                server,
                config.insecure_http,
                &credentials.username,
                &credentials.key,
            ),
            account.clone(),
            config.device.clone(),
            state.device_id.clone(),
        );
        Some(Self {
            jobs,
            outcomes,
            path: path.to_owned(),
            device_id: state.device_id,
            pull_due: true,
            pulling: false,
            pull_failed: None,
            asked: None,
            dirty: unpushed,
            pushing: 0,
            last_push: None,
            said: None,
            account,
        })
    }

    fn book(&self, reader: &Reader, fingerprint: &str) -> BookFile {
        BookFile {
            path: self.path.clone(),
            fingerprint: fingerprint.to_owned(),
            charset: reader.document().charset(),
            text_len: reader.text_len(),
        }
    }

    /// The reader moved.
    pub fn moved(&mut self) {
        self.dirty = true;
    }

    /// Called every poll once the whole story is read: pulls on the first call, takes
    /// answers, and pushes when one is due. `moved_ms`: when the reader last moved (unix
    /// ms) as the saved place says.
    pub fn idle(&mut self, reader: &mut Reader, fingerprint: &str, moved_ms: u64, now: Instant) {
        if let Some(at) = self.pull_failed {
            if now.duration_since(at) >= PUSH_EVERY {
                self.pull_failed = None;
                self.pull_due = true;
            }
        }
        if self.pull_due {
            self.pull_due = false;
            self.asked = Some(now);
            self.pulling = true;
            let job = Job::Pull {
                book: self.book(reader, fingerprint),
                ours: reader.whole_place(),
                moved_ms,
                our_device: self.device_id.clone(),
            };
            let _ = self.jobs.send(job);
        }
        while let Ok(outcome) = self.outcomes.try_recv() {
            if matches!(outcome, Outcome::Pulled(Err(_))) {
                self.pull_failed = self.asked;
            }
            self.take(reader, outcome);
        }
        let due = self
            .last_push
            .is_none_or(|t| now.duration_since(t) >= PUSH_EVERY);
        if self.dirty && due && !self.pulling && self.pushing == 0 {
            self.last_push = Some(now);
            self.push(reader, fingerprint);
        }
    }

    fn take(&mut self, reader: &mut Reader, outcome: Outcome) {
        let problem = match outcome {
            Outcome::Pulled(result) => {
                self.pulling = false;
                match result {
                    Ok(Some(question)) => {
                        reader.ask(question);
                        None
                    }
                    Ok(None) => None,
                    Err(e) => Some(e),
                }
            }
            Outcome::Pushed(result) => {
                self.pushing = self.pushing.saturating_sub(1);
                match result {
                    Ok(()) => None,
                    Err(e) => {
                        self.dirty = true;
                        Some(e)
                    }
                }
            }
        };
        match problem {
            Some(p) if self.said.as_ref() != Some(&p) => {
                reader.say(format!("{p}; reading goes on, sync will try again"));
                self.said = Some(p);
            }
            Some(_) => {}
            None => self.said = None,
        }
    }

    fn push(&mut self, reader: &Reader, fingerprint: &str) {
        self.dirty = false;
        self.pushing += 1;
        let place = reader.whole_place();
        let len = reader.text_len().max(1);
        let percentage =
            ((place as f64 / len as f64).clamp(0.0, 1.0) * 10_000.0).floor() / 10_000.0;
        let job = Job::Push {
            book: self.book(reader, fingerprint),
            place,
            percentage,
            title: reader.title().to_owned(),
        };
        if self.jobs.send(job).is_err() {
            self.pushing -= 1;
        }
    }

    /// On the way out: pushes the place if it moved, and waits for it at most
    /// [`FINAL_WAIT`] (a dead server never holds the exit longer).
    pub fn finish(&mut self, reader: &mut Reader, fingerprint: &str) {
        if self.dirty && !self.pull_due {
            self.push(reader, fingerprint);
        }
        // A push already on its way is waited for too: leaving would cut it off.
        let deadline = Instant::now() + FINAL_WAIT;
        while self.pushing > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.outcomes.recv_timeout(left) {
                Ok(outcome) => self.take(reader, outcome),
                Err(_) => break,
            }
        }
        if self.pushing > 0 {
            // Not taken in time: the next start pushes.
            self.account.update_book(fingerprint, |b| {
                b.problem = Some("the last push did not finish".into());
            });
        }
    }
}

/// Why sync is set up but not running (not logged in, or as another user), for the
/// status bar; `None` when it is running or not wanted.
pub fn why_not(config: &SyncConfig, dir: &Path) -> Option<String> {
    if !config.auto || config.server.is_none() {
        return None;
    }
    match Account::new(dir).credentials() {
        None => Some("sync: not logged in (dogear sync login)".into()),
        Some(c) if config.username.as_deref().is_some_and(|u| u != c.username) => {
            Some("sync: logged in as another user (dogear sync login)".into())
        }
        Some(_) => None,
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The thread that makes the calls, one at a time, and keeps the story's map between
/// them.
fn spawn(
    client: Result<Client, SyncError>,
    account: Account,
    device: String,
    device_id: String,
) -> (Sender<Job>, Receiver<Outcome>) {
    let (jobs, job_rx) = mpsc::channel::<Job>();
    let (out_tx, outcomes) = mpsc::channel();
    std::thread::spawn(move || {
        let mut cache: Option<(BookFile, Map)> = None;
        for job in job_rx {
            let outcome = match job {
                Job::Pull {
                    book,
                    ours,
                    moved_ms,
                    our_device,
                } => Outcome::Pulled(match &client {
                    Err(e) => Err(e.to_string()),
                    Ok(client) => pull(
                        client,
                        &account,
                        &mut cache,
                        &book,
                        ours,
                        moved_ms,
                        &our_device,
                    ),
                }),
                Job::Push {
                    book,
                    place,
                    percentage,
                    title,
                } => {
                    let result = match &client {
                        Err(e) => Err(e.to_string()),
                        Ok(client) => map_for(&mut cache, &book).and_then(|map| {
                            let target = map
                                .target(place)
                                .ok_or_else(|| "sync: no line to name this place by".to_string())?;
                            let progress = Progress {
                                document: book.fingerprint.clone(),
                                progress: target.to_xpointer(),
                                percentage,
                                device: device.clone(),
                                device_id: device_id.clone(),
                            };
                            client.push(&progress).map_err(|e| e.to_string())
                        }),
                    };
                    account.update_book(&book.fingerprint, |b| {
                        b.title = title;
                        match &result {
                            Ok(()) => {
                                b.pushed_at = Some(now_secs());
                                b.pushed_percent = Some(percentage);
                                b.problem = None;
                            }
                            Err(e) => b.problem = Some(e.clone()),
                        }
                    });
                    Outcome::Pushed(result)
                }
            };
            forget_if_big(&mut cache);
            if out_tx.send(outcome).is_err() {
                break;
            }
        }
    });
    (jobs, outcomes)
}

/// The story's map, made (by reading its file again) unless the one kept is for it.
fn map_for<'c>(cache: &'c mut Option<(BookFile, Map)>, book: &BookFile) -> Result<&'c Map, String> {
    let kept = match cache.take() {
        Some((b, map)) if b == *book => (b, map),
        _ => (book.clone(), read_map(book)?),
    };
    Ok(&cache.insert(kept).1)
}

/// Forgets the map of a story too big to keep a second copy of in memory (it is made
/// again for the next push, on this thread).
fn forget_if_big(cache: &mut Option<(BookFile, Map)>) {
    if cache
        .as_ref()
        .is_some_and(|(b, _)| b.text_len > KEEP_MAP_UP_TO)
    {
        *cache = None;
    }
}

/// Reads the story's file as KOReader would (its encoding detected, never forced), and
/// checks that it is the story read (same fingerprint, encoding and text): only then are
/// the names exact. Otherwise says why no place is synced.
fn read_map(book: &BookFile) -> Result<Map, String> {
    let bytes = std::fs::read(&book.path).map_err(|e| {
        format!(
            "sync: cannot read the story again: {}",
            crate::store::reason(&e)
        )
    })?;
    if crate::fingerprint::of_bytes(&bytes) != book.fingerprint {
        return Err("sync: the story's file changed since it was opened".into());
    }
    let decoded =
        crate::document::decode::decode(&bytes, None).map_err(|e| format!("sync: {e}"))?;
    drop(bytes);
    if decoded.charset != book.charset {
        return Err(format!(
            "sync: not synced, read as {} where KOReader would read {}",
            book.charset.name(),
            decoded.charset.name()
        ));
    }
    let (map, text) = Map::new(decoded.text);
    if text.len() != book.text_len {
        return Err("sync: not synced, the text differs from what KOReader would read".into());
    }
    Ok(map)
}

fn pull(
    client: &Client,
    account: &Account,
    cache: &mut Option<(BookFile, Map)>,
    book: &BookFile,
    ours: usize,
    moved_ms: u64,
    our_device: &str,
) -> Result<Option<Question>, String> {
    let remote = client.pull(&book.fingerprint).map_err(|e| e.to_string())?;
    let Some(remote) = remote else {
        return Ok(None);
    };
    account.update_book(&book.fingerprint, |b| {
        b.pulled_at = Some(now_secs());
        b.pulled = Some(format!(
            "{} at {:.0}%",
            crate::sanitise::text(&remote.progress.device),
            remote.progress.percentage * 100.0
        ));
    });
    if remote.progress.device_id == our_device || remote.timestamp.saturating_mul(1000) <= moved_ms
    {
        return Ok(None);
    }
    let map = map_for(cache, book)?;
    let place = match Target::parse(&remote.progress.progress).and_then(|t| map.place(t)) {
        Some(place) => place,
        // A name we cannot read (KOReader's auto-detect mode): its percentage.
        None => {
            crate::saturating::usize_from_f64(remote.progress.percentage * book.text_len as f64)
        }
    };
    if map.target(place) == map.target(ours) {
        return Ok(None);
    }
    Ok(Some(Question {
        text: question_text(&remote, now_secs()),
        place,
    }))
}

/// "KOReader on Kobo is at 63 %, 2 hours ago: jump there? y/n"
fn question_text(remote: &Remote, now: u64) -> String {
    let device = crate::sanitise::text(remote.progress.device.trim()).into_owned();
    let who = match device.as_str() {
        "" => "Another device".to_string(),
        d if d.starts_with("dogear") => d.to_string(),
        d => format!("KOReader on {d}"),
    };
    let pct = crate::saturating::u32_from_f64((remote.progress.percentage * 100.0).floor());
    format!(
        "{who} is at {pct} %, {}: jump there? y/n",
        ago(now.saturating_sub(remote.timestamp))
    )
}

fn ago(secs: u64) -> String {
    let (n, unit) = match secs {
        0..60 => return "just now".into(),
        60..3600 => (secs / 60, "minute"),
        3600..86_400 => (secs / 3600, "hour"),
        _ => (secs / 86_400, "day"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_question_says_who_where_and_when() {
        let remote = Remote {
            progress: Progress {
                document: "d".into(),
                progress: String::new(),
                percentage: 0.6371,
                device: "Kobo".into(),
                device_id: "X".into(),
            },
            timestamp: 1000,
        };
        assert_eq!(
            question_text(&remote, 1000 + 2 * 3600 + 5),
            "KOReader on Kobo is at 63 %, 2 hours ago: jump there? y/n"
        );
        assert_eq!(ago(30), "just now");
        assert_eq!(ago(61), "1 minute ago");
        assert_eq!(ago(3 * 86_400), "3 days ago");
    }
}
