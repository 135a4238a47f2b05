//! The event loop: draw, read an event, update the model, perform its effect.
//!
//! This is the only module that owns the terminal. Raw mode, the alternate screen, mouse
//! capture and the hidden cursor are undone on every way out: `q`, Ctrl-C, an error, a
//! panic (ratatui's hook restores, then the panic message is printed), and SIGTERM or
//! SIGHUP (noticed between events, after which the place is saved).

use crate::keymap;
use crate::library::{LibraryEffect, LibraryModel};
use crate::reader::{Action, Effect, Reader};
use crate::ui::library::LibraryScreen;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::DefaultTerminal;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How often the loop wakes without input: to notice signals, expire messages and save.
const POLL: Duration = Duration::from_millis(200);
const TICK: Duration = Duration::from_secs(1);
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
}

/// Signals that end the loop: the first one caught is stored here.
#[derive(Clone, Default)]
pub struct Signals(Arc<AtomicUsize>);

impl Signals {
    /// Catches SIGTERM, SIGHUP and SIGINT from now on (instead of dying at once).
    pub fn install() -> io::Result<Self> {
        let caught = Self::default();
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register_usize(sig, Arc::clone(&caught.0), sig as usize)?;
        }
        Ok(caught)
    }

    pub fn caught(&self) -> Option<i32> {
        match self.0.load(Ordering::Relaxed) {
            0 => None,
            sig => Some(sig as i32),
        }
    }
}

/// Ignores SIGXFSZ, so that a write past `ulimit -f` fails with an error dogear reports
/// (and the terminal is given back) instead of killing it with the terminal left raw.
pub fn ignore_file_size_signal() {
    #[cfg(unix)]
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
}

/// Sets up the terminal, runs `body`, and gives the terminal back whatever happens.
pub fn with_terminal<T>(body: impl FnOnce(&mut DefaultTerminal) -> io::Result<T>) -> io::Result<T> {
    // Mouse capture is ours to undo, also on panic; ratatui's hook (installed by try_init,
    // and run first) restores raw mode and the alternate screen, then calls this one.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    let result = execute!(io::stdout(), EnableMouseCapture).and_then(|()| body(&mut terminal));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    if terminal.show_cursor().is_err() {
        // The terminal is gone (its window was closed). ratatui's Drop would try again and
        // eprintln! the failure, and eprintln! panics when stderr is that same dead terminal.
        std::mem::forget(terminal);
    }
    let restored = ratatui::try_restore();
    let _ = std::panic::take_hook(); // back to the default hook once the terminal is ours no more
    let value = result?;
    restored?;
    Ok(value)
}

/// Runs the reader until it quits, asks for the library, or a signal arrives.
pub fn run(
    terminal: &mut DefaultTerminal,
    reader: &mut Reader,
    host: &mut impl Host,
    signals: &Signals,
) -> io::Result<Exit> {
    let exit = event_loop(terminal, reader, host, signals);
    // Whatever ended the loop, an error included (a terminal that hung up), the place is
    // saved on the way out.
    host.finish(reader);
    exit
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    reader: &mut Reader,
    host: &mut impl Host,
    signals: &Signals,
) -> io::Result<Exit> {
    let size = terminal.size()?;
    reader.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut last_tick = Instant::now();
    loop {
        if let Some(sig) = signals.caught() {
            return Ok(Exit::Signal(sig));
        }
        terminal.draw(|frame| frame.render_widget(&*reader, frame.area()))?;
        panic_if_asked();
        if event::poll(POLL)? {
            let ev = event::read()?;
            if let Some(action) = keymap::action(reader.mode(), &ev) {
                match reader.update(action) {
                    Effect::Quit => return Ok(Exit::Quit),
                    Effect::Library => return Ok(Exit::Library),
                    Effect::None => {}
                    other => host.effect(reader, other),
                }
            }
        }
        let now = Instant::now();
        if now.duration_since(last_tick) >= TICK {
            last_tick = now;
            reader.update(Action::Tick);
        }
        host.idle(reader, now);
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
    Quit,
    Signal(i32),
}

/// Runs the library screen until a story is chosen, it quits, or a signal arrives.
/// `forget` performs a confirmed "forget this story" and refreshes the model; `refresh`
/// is called every turn of the loop to fill in what a background walk found (and to set
/// `model.searching` while it goes on).
pub fn run_library(
    terminal: &mut DefaultTerminal,
    model: &mut LibraryModel,
    signals: &Signals,
    mut forget: impl FnMut(&mut LibraryModel, usize),
    mut refresh: impl FnMut(&mut LibraryModel),
) -> io::Result<LibraryExit> {
    loop {
        if let Some(sig) = signals.caught() {
            return Ok(LibraryExit::Signal(sig));
        }
        refresh(model);
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let size = terminal.size()?;
        let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
        model.page_size = usize::from(LibraryScreen { model, now }.list_height(area)).max(1);
        terminal.draw(|frame| frame.render_widget(LibraryScreen { model, now }, frame.area()))?;
        // While a walk fills the list in, the count moves: redraw it more often.
        let wait = if model.searching.is_some() {
            WALK_POLL
        } else {
            POLL
        };
        if !event::poll(wait)? {
            continue;
        }
        let ev = event::read()?;
        let Some(action) = keymap::library_action(model, &ev) else {
            continue;
        };
        match model.update(action) {
            LibraryEffect::Open(i) => return Ok(LibraryExit::Open(i)),
            LibraryEffect::Forget(i) => forget(model, i),
            LibraryEffect::Quit => return Ok(LibraryExit::Quit),
            LibraryEffect::None => {}
        }
    }
}
