//! Where the loops' events come from, and what they write besides frames: the real
//! terminal (crossterm) in dogear, a script of events and a [`TestBackend`] in tests, so
//! a whole session runs in milliseconds with no terminal.

use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::collections::VecDeque;
use std::io::{self, Write};
use std::time::Duration;

/// A source of terminal events for the loops.
pub trait Events<B: Backend> {
    /// The next event, waiting at most `timeout` for it; `None` when none came. It may
    /// look at the `terminal` the loop draws on (a script checks the screen, or resizes a
    /// test terminal before saying so).
    fn next(&mut self, terminal: &mut Terminal<B>, timeout: Duration) -> io::Result<Option<Event>>;
}

/// The keyboard, mouse and window of the terminal dogear runs in.
pub struct Keyboard;

impl<B: Backend> Events<B> for Keyboard {
    fn next(&mut self, _: &mut Terminal<B>, timeout: Duration) -> io::Result<Option<Event>> {
        if event::poll(timeout)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// A backend that can also take bytes other than frames (the clipboard's OSC 52).
/// Its errors are I/O errors.
pub trait Output: Backend {
    fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()>;
    fn io_error(err: Self::Error) -> io::Error;
}

impl<W: Write> Output for CrosstermBackend<W> {
    fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.write_all(bytes)?;
        Write::flush(self)
    }

    fn io_error(err: io::Error) -> io::Error {
        err
    }
}

/// A test terminal has no clipboard: the bytes go nowhere.
impl Output for TestBackend {
    fn write_raw(&mut self, _: &[u8]) -> io::Result<()> {
        Ok(())
    }

    fn io_error(err: std::convert::Infallible) -> io::Error {
        match err {}
    }
}

/// A check of the screen as last drawn.
type Look = Box<dyn FnMut(&Buffer)>;

/// One step of a [`Script`].
enum Step {
    Event(Event),
    /// A turn of the loop with no event (as when the wait times out).
    Idle,
    Look(Look),
    /// Steps decided by the screen (which row to go down to, say).
    Then(Box<dyn FnMut(&Buffer) -> Script>),
}

/// Events for tests, in order, on a [`TestBackend`]: keys, resizes (the test terminal
/// is resized first, as a window would be), idle turns, and checks of the screen. A
/// wait that would not wait (the loop stepping a search) gets no event, as when a person
/// types slower than the machine works. When the script runs out, the loop ends with an
/// error: a script ends its session itself (with `q`).
#[derive(Default)]
pub struct Script {
    steps: VecDeque<Step>,
}

impl Script {
    pub fn new() -> Self {
        Self::default()
    }

    /// Typed characters, one key each (`\r` is Enter, `\x1b` Escape).
    pub fn keys(mut self, text: &str) -> Self {
        for c in text.chars() {
            let code = match c {
                '\r' | '\n' => KeyCode::Enter,
                '\x1b' => KeyCode::Esc,
                c => KeyCode::Char(c),
            };
            self = self.key(code);
        }
        self
    }

    /// One key with no modifier.
    pub fn key(self, code: KeyCode) -> Self {
        self.event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    pub fn event(mut self, event: Event) -> Self {
        self.steps.push_back(Step::Event(event));
        self
    }

    /// The window resized to `width` x `height`.
    pub fn resize(self, width: u16, height: u16) -> Self {
        self.event(Event::Resize(width, height))
    }

    /// A turn of the loop with no event.
    pub fn idle(mut self) -> Self {
        self.steps.push_back(Step::Idle);
        self
    }

    /// Steps that depend on the screen as drawn after the steps before, run next.
    pub fn then(mut self, steps: impl FnMut(&Buffer) -> Script + 'static) -> Self {
        self.steps.push_back(Step::Then(Box::new(steps)));
        self
    }

    /// Checks the screen as drawn after the steps before.
    pub fn look(mut self, check: impl FnMut(&Buffer) + 'static) -> Self {
        self.steps.push_back(Step::Look(Box::new(check)));
        self
    }
}

impl Events<TestBackend> for Script {
    fn next(
        &mut self,
        terminal: &mut Terminal<TestBackend>,
        timeout: Duration,
    ) -> io::Result<Option<Event>> {
        if timeout.is_zero() {
            return Ok(None);
        }
        loop {
            let screen = terminal.backend().buffer();
            match self.steps.pop_front() {
                None => return Err(io::Error::other("the script ran out of events")),
                Some(Step::Look(mut check)) => check(screen),
                Some(Step::Then(mut steps)) => {
                    let mut more = steps(screen).steps;
                    more.append(&mut self.steps);
                    self.steps = more;
                }
                Some(Step::Idle) => return Ok(None),
                Some(Step::Event(event)) => {
                    if let Event::Resize(width, height) = event {
                        terminal.backend_mut().resize(width, height);
                    }
                    return Ok(Some(event));
                }
            }
        }
    }
}

/// A screen's text, one line a row (for test messages).
pub fn screen_text(screen: &Buffer) -> String {
    let width = usize::from(screen.area.width.max(1));
    let symbols: Vec<&str> = screen.content().iter().map(|c| c.symbol()).collect();
    symbols
        .chunks(width)
        .map(|row| row.concat().trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}
