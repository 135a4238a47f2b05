//! The signals the event loops act on: those that end dogear (noticed between events, so
//! that the place is saved first), Ctrl-Z and `fg`, and SIGXFSZ ignored.

use super::{tty, Exit, Output};
use ratatui::Terminal;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// Signals the loops act on: the first one that ends them is stored here, and Ctrl-Z
/// (SIGTSTP) and `fg` (SIGCONT) are flagged.
#[derive(Clone, Default)]
pub struct Signals {
    end: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    cont: Arc<AtomicBool>,
}

impl Signals {
    /// Catches SIGTERM, SIGHUP, SIGINT and SIGQUIT (instead of dying at once), SIGTSTP
    /// (instead of stopping with the terminal raw) and SIGCONT, from now on.
    pub fn install() -> io::Result<Self> {
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
        let caught = Self::default();
        for sig in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal_hook::flag::register_usize(sig, Arc::clone(&caught.end), sig as usize)?;
        }
        signal_hook::flag::register(SIGTSTP, Arc::clone(&caught.stop))?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&caught.cont))?;
        Ok(caught)
    }

    pub fn caught(&self) -> Option<i32> {
        match self.end.load(Ordering::Relaxed) {
            0 => None,
            // Only the signal numbers registered above are ever stored.
            sig => i32::try_from(sig).ok(),
        }
    }

    /// Suspends on Ctrl-Z and takes the terminal back after `fg`; `true` when the screen
    /// must be drawn again.
    pub(super) fn job_control<B: Output>(&self, terminal: &mut Terminal<B>) -> io::Result<bool> {
        let mut redraw = false;
        if self.stop.swap(false, Ordering::Relaxed) {
            tty::suspend(terminal)?;
            self.cont.store(false, Ordering::Relaxed);
            redraw = true;
        }
        if self.cont.swap(false, Ordering::Relaxed) {
            tty::resume(terminal)?;
            redraw = true;
        }
        Ok(redraw)
    }
}

/// Ctrl-C (SIGINT, with the terminal's signal keys on) is the reader's own way out, like
/// `q`; any other signal ends dogear as that signal.
pub(super) fn ending(sig: i32) -> Exit {
    if sig == signal_hook::consts::SIGINT {
        Exit::Quit
    } else {
        Exit::Signal(sig)
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
