//! The story's file watched while it is open: looked at every second, and read again in
//! the background when it grew, shrank or was replaced (see the parent module).

use super::{spawn, Listed, News};
use crate::document::Charset;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;

/// The story's file as it was read, looked at again every [`WATCH_EVERY`]: a file that
/// grew, shrank or was replaced is read again (in the background) and the reader stays
/// on the same text.
pub(super) struct Watch {
    path: PathBuf,
    seen: Option<(u64, Option<std::time::SystemTime>)>,
    checked: Instant,
    forced: Option<Charset>,
    pub(super) rereading: Option<Receiver<News>>,
}

/// How often the story's file is looked at for changes.
const WATCH_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// [`WATCH_EVERY`], or in debug builds `DOGEAR_TEST_WATCH_MS` when set: the end-to-end
/// tests of a changing file need not wait a second for each change to be seen.
fn watch_every() -> std::time::Duration {
    if cfg!(debug_assertions) {
        let set = std::env::var("DOGEAR_TEST_WATCH_MS").ok();
        if let Some(ms) = set.and_then(|v| v.parse().ok()) {
            return std::time::Duration::from_millis(ms);
        }
    }
    WATCH_EVERY
}

fn looked(path: &Path) -> Option<(u64, Option<std::time::SystemTime>)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

impl Watch {
    pub(super) fn new(path: &Path, forced: Option<Charset>) -> Self {
        Self {
            path: path.to_owned(),
            seen: looked(path),
            checked: Instant::now(),
            forced,
            rereading: None,
        }
    }

    /// The story read again after its file changed, once it is ready.
    pub(super) fn poll(&mut self, now: Instant) -> Option<Result<Listed, String>> {
        // Progress and chapters found on the way are of no use here: skipped.
        while let Some(news) = &self.rereading {
            return match news.try_recv() {
                Ok(News::Progress(_) | News::Arrived(..) | News::Found(..) | News::Window(_)) => {
                    continue
                }
                Ok(News::Done(doc)) => {
                    self.rereading = None;
                    Some(doc)
                }
                Ok(News::Stream(whole)) => {
                    self.rereading = None;
                    Some(whole.map(|(listed, _)| listed))
                }
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => {
                    self.rereading = None;
                    None
                }
            };
        }
        if now.duration_since(self.checked) < watch_every() {
            return None;
        }
        self.checked = now;
        let seen = looked(&self.path);
        if seen.is_none() || seen == self.seen {
            // Gone (moved or deleted while open): the text in memory is still good.
            return None;
        }
        self.seen = seen;
        let len = seen.map_or(0, |s| s.0);
        self.rereading = Some(spawn(self.path.clone(), len, self.forced, Default::default()).0);
        None
    }
}
