//! The whole story read on a background thread, its progress and its end told as
//! [`News`] (see the parent module).

use super::News;
use crate::document::{load, Charset};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

/// Reads the story at `path` (`len` bytes, `forced` or detected encoding) whole on a
/// thread of its own.
pub(super) fn spawn(path: PathBuf, len: u64, forced: Option<Charset>) -> Receiver<News> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut last = 0;
        let mut progress = |done: u64, of: u64| {
            // Reading is about two thirds of the work; finding the blocks the rest.
            let pct = (done * 66 / of.max(1)).min(66) as u8;
            if pct != last {
                last = pct;
                let _ = tx.send(News::Progress(pct));
            }
        };
        let doc = crate::storyfile::open(&path)
            .map_err(load::StreamError::from)
            .and_then(|mut file| load::stream(&mut file, len, forced, &mut progress))
            .map_err(|e| e.to_string());
        hold_if_asked();
        let _ = tx.send(News::Done(doc));
    });
    rx
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
