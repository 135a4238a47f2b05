//! The terminal modes dogear sets beyond ratatui's (mouse capture, bracketed paste, the
//! signal keys), and giving the terminal back for a while on Ctrl-Z.

use super::runs::Runs;
use super::Output;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode, EnterAlternateScreen};
use ratatui::layout::Rect;
use ratatui::Terminal;
use std::io;

/// The terminal dogear draws on: standard output behind a buffer as big as a large frame,
/// so that each frame leaves in one write (standard output's own buffer writes a
/// kilobyte at a time: over a slow SSH link a frame arrived in pieces).
pub type Screen = Terminal<Runs<io::BufWriter<io::Stdout>>>;

/// Raw mode and the alternate screen, as `ratatui::try_init` sets them, on a [`Screen`].
/// (ratatui's panic hook is not installed: `super::with_terminal` restores on panic.)
pub fn screen() -> io::Result<Screen> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    let out = io::BufWriter::with_capacity(1 << 16, io::stdout());
    Terminal::new(Runs(CrosstermBackend::new(out)))
}

/// Mouse capture, bracketed paste, and the signal keys, on top of ratatui's raw mode.
pub fn enter() -> io::Result<()> {
    execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    keep_signal_keys();
    Ok(())
}

/// Undoes [`enter`] (raw mode itself is ratatui's to undo).
pub fn leave() {
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
}

/// Raw mode turns the terminal's ISIG off, so Ctrl-C, Ctrl-Z and Ctrl-\ arrive as bytes
/// in the input, where a paste that never ends (`ESC [200~` with no `ESC [201~`) swallows
/// them, and nothing would quit. With ISIG on again the terminal turns them into SIGINT,
/// SIGTSTP and SIGQUIT, which the loop notices between polls, in every mode and prompt.
///
/// And reads must not block: crossterm reads again after bytes that do not finish an
/// event (that same paste start), expecting the read to return at once when nothing is
/// there, but the terminal (stdin) is a blocking file, so it waited there for more input,
/// signals or not. `VMIN = 0, VTIME = 0` makes such a read return at once; `poll` still
/// waits for input, so this costs nothing while idle. It is the terminal's setting, so
/// giving the terminal back (raw mode off) undoes it, and the shell's stdin is untouched.
fn keep_signal_keys() {
    #[cfg(unix)]
    {
        use rustix::termios::{
            tcgetattr, tcsetattr, LocalModes, OptionalActions, SpecialCodeIndex,
        };
        let tty = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty");
        let Ok(tty) = tty else { return };
        if let Ok(mut modes) = tcgetattr(&tty) {
            modes.local_modes.insert(LocalModes::ISIG);
            modes.special_codes[SpecialCodeIndex::VMIN] = 0;
            modes.special_codes[SpecialCodeIndex::VTIME] = 0;
            let _ = tcsetattr(&tty, OptionalActions::Now, &modes);
        }
    }
}

/// Gives the terminal back and stops (as Ctrl-Z does to any program); after `fg`, takes
/// the terminal again and has the next frame drawn whole.
pub fn suspend<B: Output>(terminal: &mut Terminal<B>) -> io::Result<()> {
    leave();
    let _ = execute!(io::stdout(), Show);
    ratatui::try_restore()?;
    #[cfg(unix)]
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    resume(terminal)
}

/// Takes the terminal again after the process was stopped and continued (by `fg`, or
/// `kill -CONT` after `kill -STOP`): whoever had the terminal meanwhile may have left it
/// in cooked mode with anything on the screen.
pub fn resume<B: Output>(terminal: &mut Terminal<B>) -> io::Result<()> {
    // crossterm remembers it set raw mode and would do nothing: undo its bookkeeping
    // (restoring the modes from before dogear), then set raw mode for real.
    disable_raw_mode()?;
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    enter()?;
    // Not `terminal.clear()`: it asks the terminal where the cursor is, and waits for the
    // answer. A resize to the same size clears the screen and has every cell drawn again.
    let size = terminal.size().map_err(B::io_error)?;
    (terminal.resize(Rect::new(0, 0, size.width, size.height))).map_err(B::io_error)
}
