//! The event loops (the reader's and the library's, and [`navigate`] between them):
//! draw, read an event, update the model, perform its effect. They are generic over the
//! ratatui backend and the source of events ([`Events`]): dogear runs them on the real
//! terminal ([`Keyboard`]), tests on a `TestBackend` with a [`Script`].
//!
//! This is the only module that owns the terminal. Raw mode, the alternate screen, mouse
//! capture and the hidden cursor are undone on every way out: `q`, Ctrl-C, an error, a
//! panic (ratatui's hook restores, then the panic message is printed), and SIGTERM or
//! SIGHUP (noticed between events, after which the place is saved). Ctrl-Z gives the
//! terminal back until `fg`.
//!
//! A frame is written only when it differs from the last one, or the terminal needs it
//! whole (after an event, or `fg`): an idle dogear writes nothing to the terminal.

use crate::keymap;
use crate::library::{LibraryEffect, LibraryModel};
use crate::reader::{Action, Effect, Mode, Reader};
use crate::ui::help::{KeyHelp, ReaderScreen};
use crate::ui::library::LibraryScreen;

mod books;
pub mod events;
mod navigate;
mod pages;
mod runs;
mod signals;
#[cfg(test)]
mod tests;
mod tty;

pub use events::{screen_text, Events, Keyboard, Output, Script};
pub use navigate::{navigate, Setup, Start, Wanted};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui::Terminal;
use signals::ending;
pub use signals::{ignore_file_size_signal, Signals};
use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How often the loop wakes without input: to notice signals, expire messages and save.
const POLL: Duration = Duration::from_millis(200);
const TICK: Duration = Duration::from_secs(1);
/// How often it wakes while the host is busy (see [`Host::busy`]).
const BUSY_POLL: Duration = Duration::from_millis(25);
/// How often it wakes while pages are being counted, to show them soon after.
const PAGES_POLL: Duration = Duration::from_millis(100);
/// How often the library redraws while a background walk is finding stories.
const WALK_POLL: Duration = Duration::from_millis(100);

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Library,
    /// A signal (its number) asked us to stop.
    Signal(i32),
}

/// What the loop asks of the world outside the reader: saving, mostly.
pub trait Host {
    /// Performs an effect that is not about the loop itself (bookmarks, place changes).
    fn effect(&mut self, reader: &mut Reader, effect: Effect);
    /// Called every poll: save the place if it is due. `now` comes from the loop's clock.
    fn idle(&mut self, reader: &mut Reader, now: Instant);
    /// Called once on the way out, whatever the way.
    fn finish(&mut self, reader: &mut Reader);
    /// Work is going on in the background that the page should show soon (a big story
    /// still being read): the loop wakes more often.
    fn busy(&self) -> bool {
        false
    }
    /// Work the page is waiting on can be done now (the first frame's window made whole
    /// and classified by the file's samples): the loop only looks at keys, without
    /// waiting, before [`Host::idle`] does it.
    fn due(&self) -> bool {
        false
    }
}

/// Runs `body` with `on_panic` called on a panic before the panic hook in place now
/// (the default, or one the program embedding dogear set), which is put back when `body`
/// returns. (After a panic it stays chained: a hook cannot be set while panicking.)
pub fn with_panic_hook<T>(
    on_panic: impl Fn() + Send + Sync + 'static,
    body: impl FnOnce() -> T,
) -> T {
    type Hook = dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send + 'static;
    let previous: Arc<Hook> = Arc::from(std::panic::take_hook());
    let chained = Arc::clone(&previous);
    std::panic::set_hook(Box::new(move |info| {
        on_panic();
        chained(info);
    }));
    let value = body();
    std::panic::set_hook(Box::new(move |info| previous(info)));
    value
}

/// Sets up the terminal, runs `body`, and gives the terminal back whatever happens.
pub fn with_terminal<T>(body: impl FnOnce(&mut tty::Screen) -> io::Result<T>) -> io::Result<T> {
    // On panic too: raw mode and the alternate screen first (as ratatui's own hook does),
    // then mouse capture and the rest of ours.
    let on_panic = || {
        let _ = ratatui::try_restore();
        tty::leave();
    };
    with_panic_hook(on_panic, || {
        let mut terminal = tty::screen()?;
        let result = tty::enter().and_then(|()| body(&mut terminal));
        tty::leave();
        if terminal.show_cursor().is_err() {
            // The terminal is gone (its window was closed). ratatui's Drop would try again
            // and eprintln! the failure, and eprintln! panics when stderr is that same dead
            // terminal.
            std::mem::forget(terminal);
        }
        let restored = ratatui::try_restore();
        let value = result?;
        restored?;
        Ok(value)
    })
}

/// Runs the reader until it quits, asks for the library, or a signal arrives.
pub fn run<B: Output>(
    terminal: &mut Terminal<B>,
    events: &mut impl Events<B>,
    reader: &mut Reader,
    host: &mut impl Host,
    signals: &Signals,
) -> io::Result<Exit> {
    let exit = event_loop(terminal, events, reader, host, signals);
    // Whatever ended the loop, an error included (a terminal that hung up), the place is
    // saved on the way out.
    host.finish(reader);
    exit
}

fn event_loop<B: Output>(
    terminal: &mut Terminal<B>,
    events: &mut impl Events<B>,
    reader: &mut Reader,
    host: &mut impl Host,
    signals: &Signals,
) -> io::Result<Exit> {
    let size = terminal.size().map_err(B::io_error)?;
    reader.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut last_tick = Instant::now();
    let mut dirty = true;
    let mut shown = Buffer::empty(Rect::ZERO);
    let mut pages = pages::PageCounting::default();
    // The help's rows, from the key table with the keys in effect: built after the first
    // frame unless that frame shows them (a reader opens on its page).
    let mut keys: Option<KeyHelp> = None;
    let no_keys = KeyHelp::default();
    loop {
        if let Some(sig) = signals.caught() {
            return Ok(ending(sig));
        }
        dirty |= signals.job_control(terminal)?;
        // Whatever changed the model (a key, a tick expiring a message, a save marking
        // the place unsaved, bookmarks merged from another window) shows as a different
        // frame: drawn into a buffer first (a page of cells, cheap), and only a frame that
        // differs, or a terminal that needs it whole, is written.
        if keys.is_none() && *reader.mode() != Mode::Reading {
            keys = Some(keymap::Keymap::current().help());
        }
        let mut next = Buffer::empty(shown.area);
        let screen = ReaderScreen {
            reader,
            keys: keys.as_ref().unwrap_or(&no_keys),
        };
        screen.render(next.area, &mut next);
        if dirty || next != shown {
            let drawn = terminal
                .draw(|frame| {
                    let area = frame.area();
                    frame.render_widget(screen, area);
                })
                .map_err(B::io_error)?;
            // Kept once the frame is out: on the first frame this copy is fresh memory,
            // its pages faulted in one by one (about 0.04 ms), after the frame rather
            // than before it.
            shown.clone_from(drawn.buffer);
            dirty = false;
        }
        if keys.is_none() {
            keys = Some(keymap::Keymap::current().help());
        }
        panic_if_asked();
        // After the frame is out: counting pages never delays one.
        match pages.poll(reader) {
            Effect::None => {}
            effect => host.effect(reader, effect),
        }
        // While a search is under way it goes on between keys, a slice a turn: keys are
        // looked at (without waiting) before every slice, so any key can cancel it.
        let searching = reader.searching().is_some();
        let wait = if searching || reader.counting() || host.due() {
            Duration::ZERO
        } else if host.busy() {
            BUSY_POLL
        } else if pages.busy() {
            PAGES_POLL
        } else {
            POLL
        };
        if let Some(ev) = events.next(terminal, wait)? {
            dirty = true;
            let actions = match &ev {
                Event::Paste(text) => keymap::paste(reader.mode(), text),
                _ => (reader.question())
                    .and_then(|_| keymap::answer(reader.mode(), &ev))
                    .or_else(|| keymap::action(reader.mode(), &ev))
                    .into_iter()
                    .collect(),
            };
            for action in actions {
                match reader.update(action) {
                    Effect::Quit => return Ok(Exit::Quit),
                    Effect::Library => return Ok(Exit::Library),
                    Effect::None => {}
                    Effect::Copy(text) => copy(terminal, reader, &text),
                    other => host.effect(reader, other),
                }
            }
        } else if searching {
            match reader.step_search() {
                Effect::None => {}
                other => host.effect(reader, other),
            }
        } else if reader.counting() {
            // Matches are counted between keys too, with no hurry.
            reader.step_count();
            dirty = true;
        }
        let now = Instant::now();
        if now.duration_since(last_tick) >= TICK {
            last_tick = now;
            reader.update(Action::Tick);
        }
        host.idle(reader, now);
    }
}

/// Puts `text` on the clipboard with OSC 52, written to the terminal the page is drawn
/// on (so it travels wherever the page does: ssh, tmux with `set-clipboard`).
fn copy<B: Output>(terminal: &mut Terminal<B>, reader: &mut Reader, text: &str) {
    let written = (terminal.backend_mut()).write_raw(crate::clipboard::osc52(text).as_bytes());
    if let Err(err) = written {
        reader.say(format!("cannot copy: {err}"));
    }
}

/// Lets the end-to-end tests check the terminal is given back on a panic: debug builds
/// panic after the first frame when `DOGEAR_TEST_PANIC` is set. Release builds never do.
fn panic_if_asked() {
    if cfg!(debug_assertions) && std::env::var_os("DOGEAR_TEST_PANIC").is_some() {
        panic!("dogear test panic (DOGEAR_TEST_PANIC is set)");
    }
}

/// Why the library screen ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryExit {
    /// Open this entry (an index into the model's entries).
    Open(usize),
    /// Open this entry at the bookmark in this row of `model.marks`.
    OpenAt(usize, usize),
    Quit,
    Signal(i32),
}

/// Runs the library screen until a story is chosen, it quits, or a signal arrives.
/// `forget` performs a confirmed "forget this story" and refreshes the model; `refresh`
/// is called every turn of the loop to fill in what a background walk found (and to set
/// `model.searching` while it goes on); `bookmarks` reads an entry's bookmarks into
/// [`LibraryModel::show_marks`].
pub fn run_library<B: Output>(
    terminal: &mut Terminal<B>,
    events: &mut impl Events<B>,
    model: &mut LibraryModel,
    signals: &Signals,
    mut forget: impl FnMut(&mut LibraryModel, usize),
    mut refresh: impl FnMut(&mut LibraryModel),
    mut bookmarks: impl FnMut(&mut LibraryModel, usize),
) -> io::Result<LibraryExit> {
    let mut dirty = true;
    let mut minute = None;
    // The footer's keys, from the key table with the keys in effect.
    let keys = keymap::Keymap::current().help();
    let keys = &keys;
    loop {
        if let Some(sig) = signals.caught() {
            return Ok(match ending(sig) {
                Exit::Signal(sig) => LibraryExit::Signal(sig),
                _ => LibraryExit::Quit,
            });
        }
        dirty |= signals.job_control(terminal)?;
        let before = (model.searching, model.entries.len());
        refresh(model);
        dirty |= (model.searching, model.entries.len()) != before;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        // "5 minutes ago" moves on by itself.
        dirty |= minute.replace(now / 60) != Some(now / 60);
        if dirty {
            terminal
                .draw(|frame| {
                    let area = frame.area();
                    model.page_size =
                        usize::from(LibraryScreen { model, now, keys }.list_height(area)).max(1);
                    frame.render_widget(LibraryScreen { model, now, keys }, area);
                })
                .map_err(B::io_error)?;
            dirty = false;
        }
        // While a walk fills the list in, the count moves: look more often.
        let wait = if model.searching.is_some() {
            WALK_POLL
        } else {
            POLL
        };
        let Some(ev) = events.next(terminal, wait)? else {
            continue;
        };
        dirty = true;
        let actions = match &ev {
            Event::Paste(text) => keymap::library_paste(model, text),
            _ => keymap::library_action(model, &ev).into_iter().collect(),
        };
        for action in actions {
            match model.update(action) {
                LibraryEffect::Open(i) => return Ok(LibraryExit::Open(i)),
                LibraryEffect::Forget(i) => forget(model, i),
                LibraryEffect::ListBookmarks(i) => bookmarks(model, i),
                LibraryEffect::OpenAt(i, k) => return Ok(LibraryExit::OpenAt(i, k)),
                LibraryEffect::Quit => return Ok(LibraryExit::Quit),
                LibraryEffect::None => {}
            }
        }
    }
}
