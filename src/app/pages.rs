//! Counting pages on a thread, off the interactive path (see [`crate::pages`]).
//!
//! The loop asks the reader what the pages should be counted for ([`Reader::page_key`])
//! after each frame. A new key (another width or height, another text) cancels the count
//! under way and starts one for it; the tops found are handed to the reader as they come,
//! so the page number shows as soon as the count has gone past the place.

use crate::document::Document;
use crate::pages::Counter;
use crate::reader::{Effect, PageKey, Reader};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;

/// Blocks wrapped between two looks at the cancel flag: a few milliseconds of work.
const BLOCKS_PER_STEP: usize = 512;

/// Tops found, and whether they are the last.
type Found = (Vec<usize>, bool);

/// The count under way, or the last one finished.
#[derive(Default)]
pub struct PageCounting {
    job: Option<Job>,
}

struct Job {
    key: PageKey,
    cancel: Arc<AtomicBool>,
    found: Option<Receiver<Found>>,
}

impl Drop for Job {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl PageCounting {
    /// Starts a count when the reader needs one, and hands it what was found since the
    /// last call. Costs nothing on the interactive path but a channel look. Returns the
    /// reader's effect (a page asked for before the count was gone to).
    pub fn poll(&mut self, reader: &mut Reader) -> Effect {
        let Some(key) = reader.page_key() else {
            // Nothing to count (a story still being read): any count under way is stale.
            self.job = None;
            return Effect::None;
        };
        if self.job.as_ref().is_none_or(|job| job.key != key) {
            // Dropping the old job cancels its thread.
            self.job = Some(start(reader.shared_document(), key));
        }
        let Some(job) = &mut self.job else {
            return Effect::None;
        };
        let Some(found) = &job.found else {
            return Effect::None;
        };
        loop {
            match found.try_recv() {
                Ok((tops, complete)) => {
                    let effect = reader.add_pages(&job.key, &tops, complete);
                    if complete {
                        job.found = None;
                        return effect;
                    }
                }
                Err(TryRecvError::Empty) => return Effect::None,
                Err(TryRecvError::Disconnected) => {
                    job.found = None;
                    return Effect::None;
                }
            }
        }
    }

    /// Whether a count is under way (the loop looks for its results more often).
    pub fn busy(&self) -> bool {
        self.job.as_ref().is_some_and(|job| job.found.is_some())
    }
}

fn start(doc: Arc<Document>, key: PageKey) -> Job {
    let cancel = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel();
    let stop = Arc::clone(&cancel);
    let (width, height) = (key.width, key.height);
    std::thread::spawn(move || {
        let mut counter = Counter::new(width, height);
        counter.set_typography(key.typography);
        // The first news, even with no page found yet, tells the reader the count began.
        let mut first = true;
        loop {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            let done = counter.step(&doc, BLOCKS_PER_STEP);
            let tops = counter.confirmed();
            if (first || done || !tops.is_empty()) && tx.send((tops, done)).is_err() {
                return;
            }
            first = false;
            if done {
                return;
            }
        }
    });
    Job {
        key,
        cancel,
        found: Some(rx),
    }
}
