//! The whole story read on a background thread, its progress, the chapters found so far
//! and its end told as [`News`] (see the parent module).

use super::{Listed, News};
use crate::document::blocks::Evidence;
use crate::document::indexed::Indexed;
use crate::document::indexing::{self, Found};
use crate::document::{load, Charset};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How often at most the chapters found so far are listed and sent: listing them costs
/// a look at every block found (some milliseconds for a gigabyte's millions), so never
/// more often than ten times what the last listing took either, which keeps it under a
/// tenth of the indexing thread's time.
const CHAPTERS_EVERY: Duration = Duration::from_millis(200);

/// The background reading's nice value: it gives way to any thread with work to do.
#[cfg(target_os = "linux")]
const BACKGROUND_NICE: i32 = 10;

/// Reads the story at `path` (`len` bytes, `forced` or detected encoding) whole on a
/// thread of its own, finding its blocks with `evidence` from its samples as it goes;
/// the text read so far is kept in the [`Indexed`] returned.
pub(super) fn spawn(
    path: PathBuf,
    len: u64,
    forced: Option<Charset>,
    evidence: std::sync::Arc<Evidence>,
) -> (Receiver<News>, Arc<Indexed>) {
    let (tx, rx) = mpsc::channel();
    let shared = Indexed::new();
    let indexed = Arc::clone(&shared);
    std::thread::spawn(move || {
        let mut last = 0;
        let progress_tx = tx.clone();
        let mut progress = |done: u64, of: u64| {
            // Reading and finding blocks go together; the last bit is the check at the end.
            let pct = (done * 95 / of.max(1)).min(95) as u8;
            if pct != last {
                last = pct;
                let _ = progress_tx.send(News::Progress(pct));
            }
        };
        let found_tx = tx.clone();
        let mut listed: Option<(Instant, Duration)> = None;
        let mut found = |f: Found| {
            // Nothing found (the reading started again in another encoding) is told at
            // once; chapters at most so often.
            let soon =
                listed.is_some_and(|(at, took)| at.elapsed() < CHAPTERS_EVERY.max(took * 10));
            if soon && !f.blocks.is_empty() {
                return;
            }
            let at = Instant::now();
            let chapters = crate::toc::chapters_in(f.text, f.blocks);
            listed = Some((at, at.elapsed()));
            let reach = f.blocks.last().map_or(0, |b| b.end());
            let _ = found_tx.send(News::Found(chapters, reach));
        };
        let doc = crate::storyfile::open(&path)
            .map_err(load::StreamError::from)
            .and_then(|mut file| {
                // Its text is its bytes, while they are (see `crate::mapped`).
                #[cfg(unix)]
                if let Ok(mapped) = crate::mapped::Mapped::new(&file) {
                    indexed.map(mapped);
                }
                // Behind the reader's keys, and behind the thread just started that lets
                // go of the map's pages, which must keep up with the passes over them;
                // the threads this one starts take its priority (Linux's nice value is a
                // thread's).
                #[cfg(target_os = "linux")]
                let _ = rustix::process::setpriority_process(None, BACKGROUND_NICE);
                let shared = (&*evidence, &*indexed);
                // Held back, in tests, with all of the text searchable.
                let ready = &mut hold_if_asked;
                indexing::stream_shared(
                    &mut file,
                    len,
                    forced,
                    shared,
                    &mut progress,
                    &mut found,
                    ready,
                )
            })
            .map_err(|e| e.to_string());
        let _ = tx.send(News::Done(doc.map(Listed::new)));
    });
    (rx, shared)
}

/// Lets the end-to-end tests see the window before the whole story replaces it: debug
/// builds wait `DOGEAR_TEST_INDEX_DELAY_MS` before handing the whole story over.
fn hold_if_asked() {
    if !cfg!(debug_assertions) {
        return;
    }
    let delay = std::env::var("DOGEAR_TEST_INDEX_DELAY_MS").ok();
    if let Some(ms) = delay.and_then(|d| d.parse().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}
