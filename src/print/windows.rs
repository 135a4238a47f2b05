//! `--print` of a big story on every core: windows taken in turn, printed in order.

use super::print_into;
use crate::document::blocks::Evidence;
use crate::document::windows::{Piece, Windows};
use crate::layout::Typography;
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::sync::{mpsc, Condvar, Mutex};

/// Windows a worker may be ahead of the one being written: enough that no worker waits
/// for another's slow window, few enough that memory stays at a few windows.
const AHEAD: usize = 3;

/// Workers at most: more cores than this only hold more windows, since the writing
/// thread (one) then sets the pace.
const MOST_WORKERS: usize = 4;

/// A window's printed text (`None` for a window with no block), or why it could not be
/// read.
type Printed = io::Result<Option<String>>;

/// A failure to read the story, as [`print_windows`] returns it (inside an
/// [`io::Error`] of the same kind), told apart from a failure to write the output.
///
/// Tagged here, where the windows are taken, rather than by a wrapper round the reader:
/// a wrapper implements only `read`, and `read_to_end` then zeroes each window's room
/// before reading into it (1.7 % of the instructions `--print` took).
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct ReadFailed(pub io::Error);

/// [`super::print()`] for a story read as consecutive windows (see [`Windows`]): the
/// first lines are written before the rest of the file is read, and memory stays at a
/// few windows.
///
/// Each worker takes the next window's bytes, then decodes, classifies and wraps it on
/// its own; this thread writes what they print in the order of the windows. Every stage
/// is done for a whole window by one worker, so the cores stay equally busy (two stages
/// on two threads were as slow as the slower stage, which was rarely half the work).
pub fn print_windows<R: Read + Send>(
    mut windows: Windows<R>,
    width: u16,
    typography: Typography,
    out: &mut impl Write,
) -> io::Result<()> {
    let evidence = windows.take_evidence();
    let source = Mutex::new(Source {
        windows,
        taken: 0,
        done: false,
    });
    let gate = Gate::default();
    // Strings written, emptied for the next windows' text: a few live for the whole
    // book, rather than one fresh for each window (fresh memory is paged in again).
    let spare = Mutex::new(Vec::new());
    let returned = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, MOST_WORKERS);
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::channel();
        for _ in 0..workers {
            let send = send.clone();
            let work = Work {
                source: &source,
                gate: &gate,
                spare: &spare,
                returned: &returned,
                evidence: &evidence,
                width,
                typography,
            };
            scope.spawn(move || work.run(&send));
        }
        drop(send);
        let written = write_in_order(&receive, &gate, &spare, out);
        // Workers waiting for their turn are woken to stop (after an error: before the
        // end).
        gate.stop();
        written
    })
}

/// The windows, handed out one at a time and numbered.
struct Source<R> {
    windows: Windows<R>,
    taken: usize,
    /// The file has ended or could not be read: no more windows.
    done: bool,
}

impl<R: Read> Source<R> {
    fn next(&mut self) -> Option<(usize, io::Result<Piece>)> {
        if self.done {
            return None;
        }
        let piece = (self.windows.next_piece())
            .map(|p| p.map_err(|e| io::Error::new(e.kind(), ReadFailed(e))));
        self.done = matches!(piece, None | Some(Err(_)));
        let n = self.taken;
        self.taken += 1;
        piece.map(|p| (n, p))
    }
}

/// How far the writing has come, which keeps workers from running ahead of it.
#[derive(Default)]
struct Gate {
    /// Windows written, and whether the writing has stopped.
    state: Mutex<(usize, bool)>,
    moved: Condvar,
}

impl Gate {
    /// Waits until window `n` may be printed; false if the writing has stopped.
    fn wait_for(&self, n: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while !state.1 && n >= state.0 + AHEAD {
            state = self.moved.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        !state.1
    }

    fn written(&self, n: usize) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).0 = n;
        self.moved.notify_all();
    }

    fn stop(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).1 = true;
        self.moved.notify_all();
    }
}

/// What a worker shares with the others.
struct Work<'a, R> {
    source: &'a Mutex<Source<R>>,
    gate: &'a Gate,
    spare: &'a Mutex<Vec<String>>,
    /// Pieces made into documents, whose buffers take the next windows' bytes.
    returned: &'a Mutex<Vec<Piece>>,
    evidence: &'a Evidence,
    width: u16,
    typography: Typography,
}

impl<R: Read> Work<'_, R> {
    fn run(&self, send: &mpsc::Sender<(usize, Printed)>) {
        loop {
            let taken = {
                let mut source = self.source.lock().unwrap_or_else(|e| e.into_inner());
                let returned = self
                    .returned
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .pop();
                if let Some(piece) = returned {
                    source.windows.give_back(piece);
                }
                source.next()
            };
            let Some((n, piece)) = taken else {
                return;
            };
            if !self.gate.wait_for(n) {
                return;
            }
            let printed = piece.and_then(|p| self.print(p));
            // The writer has stopped (an output error): stop too.
            if send.send((n, printed)).is_err() {
                return;
            }
        }
    }

    fn print(&self, piece: Piece) -> Printed {
        let doc = piece.document(self.evidence);
        // Handed back through a lock of its own: the windows' may be held for a long
        // while by a worker waiting for a pipe's next bytes.
        self.returned
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(piece);
        if doc.blocks().is_empty() {
            return Ok(None);
        }
        let mut text = self
            .spare
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop()
            .unwrap_or_default();
        print_into(&doc, self.width, self.typography, &mut text);
        Ok(Some(text))
    }
}

/// Writes the windows' printed text as it comes, in the windows' order, with one blank
/// line between the last block of one window and the first of the next. Each is flushed
/// once written: the first window's text is shorter than a buffer, and would otherwise
/// wait for the next window's (measured: the first line of `--print` came after 170-250
/// ms on 10 MB to 1 GB, the first window's printing takes under 10).
fn write_in_order(
    receive: &mpsc::Receiver<(usize, Printed)>,
    gate: &Gate,
    spare: &Mutex<Vec<String>>,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    let mut any = false;
    for (n, printed) in receive {
        waiting.insert(n, printed);
        while let Some(printed) = waiting.remove(&next) {
            if let Some(text) = printed? {
                if any {
                    out.write_all(b"\n")?;
                }
                any = true;
                out.write_all(text.as_bytes())?;
                out.flush()?;
                spare.lock().unwrap_or_else(|e| e.into_inner()).push(text);
            }
            next += 1;
            gate.written(next);
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests;
