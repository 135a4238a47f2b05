//! The background writer of autosaves (see the parent module).

use crate::state::BookState;
use crate::store::{Store, StoreError};
use std::sync::{mpsc, Arc};

/// The background writer of autosaves: a thread that saves each state it is sent and
/// sends back the result, with the count of changes that state held.
#[derive(Debug)]
pub(super) struct Saver {
    pub(super) jobs: mpsc::Sender<(Arc<BookState>, u64)>,
    pub(super) done: mpsc::Receiver<(u64, Result<BookState, StoreError>)>,
    /// A state was sent and its result has not been taken in.
    pub(super) busy: bool,
}

impl Saver {
    /// `None` if no thread can be started (then saves are made on the spot).
    pub(super) fn spawn(store: Store) -> Option<Saver> {
        let (jobs, todo) = mpsc::channel::<(Arc<BookState>, u64)>();
        let (report, done) = mpsc::channel();
        std::thread::Builder::new()
            .name("dogear-save".into())
            .spawn(move || {
                for (state, upto) in todo {
                    if report.send((upto, store.save(&state))).is_err() {
                        break;
                    }
                }
            })
            .ok()?;
        Some(Saver {
            jobs,
            done,
            busy: false,
        })
    }
}
