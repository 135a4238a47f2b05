//! The real binary in a real pseudo-terminal: keys typed, the window resized, the screen
//! read back through a terminal emulator (vt100). Shared by the end-to-end tests.
#![allow(dead_code)]

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

pub const WAIT: Duration = Duration::from_secs(10);

/// How long the program must have written nothing for its screen to count as drawn (a
/// frame is written at once, so a pause this long means it is whole): the 60 ms the
/// screen once had to stay the same between two polls.
const QUIET: Duration = Duration::from_millis(60);

/// What the reader thread has seen of the program's output: bytes so far, and whether
/// the terminal was hung up; tests wait on it rather than poll.
#[derive(Default)]
struct Output {
    bytes: usize,
    closed: bool,
}

#[derive(Default)]
struct Watch {
    output: Mutex<Output>,
    changed: Condvar,
}

impl Watch {
    /// Waits up to `timeout` for output beyond `seen` bytes (or the hang-up); returns the
    /// bytes written so far and whether the terminal was hung up.
    fn wait_past(&self, seen: usize, timeout: Duration) -> (usize, bool) {
        let out = self.output.lock().unwrap();
        let (out, _) = self
            .changed
            .wait_timeout_while(out, timeout, |o| o.bytes == seen && !o.closed)
            .unwrap();
        (out.bytes, out.closed)
    }
}

pub struct Term {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Bytes the program has written to the terminal so far.
    received: Arc<AtomicUsize>,
    watch: Arc<Watch>,
}

impl Term {
    /// Starts `dogear ARGS` in a `cols` x `rows` terminal with its own config directory.
    pub fn start(args: &[&str], cols: u16, rows: u16, config: &Path, cwd: &Path) -> Self {
        Self::start_with_env(args, cols, rows, config, cwd, &[])
    }

    /// Like [`Term::start`], with extra environment variables.
    pub fn start_with_env(
        args: &[&str],
        cols: u16,
        rows: u16,
        config: &Path,
        cwd: &Path,
        env: &[(&str, &str)],
    ) -> Self {
        let dogear = env!("CARGO_BIN_EXE_dogear");
        Self::start_program(dogear, args, (cols, rows), config, cwd, env)
    }

    /// dogear at 80x24 on `text`, written to a file of its own in `dir`, opened lazily
    /// from 64 KB on and its whole story held back `delay_ms` (debug-build settings): a
    /// big story's first window, from a small file. The config is `dir/config`.
    pub fn lazy(dir: &Path, text: &str, delay_ms: u32) -> Self {
        let path = dir.join("big.txt");
        std::fs::write(&path, text).unwrap();
        let delay = delay_ms.to_string();
        let env = [
            ("DOGEAR_TEST_LAZY_FROM", "65536"),
            ("DOGEAR_TEST_INDEX_DELAY_MS", delay.as_str()),
        ];
        let args = [path.to_str().unwrap()];
        Self::start_with_env(&args, 80, 24, &dir.join("config"), dir, &env)
    }

    /// Starts `program ARGS` (a shell that runs dogear, say) in a `cols` x `rows`
    /// terminal, with dogear's config directory set to `config`.
    pub fn start_program(
        program: &str,
        args: &[&str],
        (cols, rows): (u16, u16),
        config: &Path,
        cwd: &Path,
        env: &[(&str, &str)],
    ) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env("DOGEAR_CONFIG_DIR", config);
        cmd.env_remove("NO_COLOR");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn dogear");
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&parser);
        let received = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&received);
        let watch = Arc::new(Watch::default());
        let tell = Arc::clone(&watch);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
                count.fetch_add(n, Ordering::Relaxed);
                tell.output.lock().unwrap().bytes += n;
                tell.changed.notify_all();
            }
            tell.output.lock().unwrap().closed = true;
            tell.changed.notify_all();
        });
        let writer = pty.master.take_writer().expect("pty writer");
        Self {
            master: pty.master,
            writer,
            child,
            parser,
            received,
            watch,
        }
    }

    /// Bytes the program has written to the terminal so far.
    pub fn received(&self) -> usize {
        self.received.load(Ordering::Relaxed)
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The screen's rows, trailing spaces trimmed.
    pub fn rows(&self) -> Vec<String> {
        let parser = self.parser.lock().unwrap();
        let (_, cols) = parser.screen().size();
        parser
            .screen()
            .rows(0, cols)
            .map(|r| r.trim_end().to_owned())
            .collect()
    }

    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits until `pred` holds on a whole frame (the program has written nothing for
    /// [`QUIET`]); wakes on each write rather than polling. Panics with the screen when
    /// it does not within [`WAIT`].
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        let mut seen = self.watch.output.lock().unwrap().bytes;
        loop {
            let (bytes, closed) = self.watch.wait_past(seen, QUIET);
            if bytes == seen || closed {
                // Quiet (or hung up): what is on the screen is a whole frame.
                let now = self.screen();
                if pred(&now) {
                    return now;
                }
                if closed {
                    // Nothing more will come: no use waiting out the deadline.
                    panic!("the program hung up before {what}; the screen was:\n{now}");
                }
            }
            if Instant::now() > deadline {
                panic!(
                    "timed out waiting for {what}; the screen was:\n{}",
                    self.screen()
                );
            }
            seen = bytes;
        }
    }

    /// Waits for the screen to stop changing, then returns it.
    pub fn settle(&self) -> String {
        self.wait_for("the screen to settle", |_| true)
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// The terminal's device (`/dev/pts/N`), for `stty -F`.
    pub fn tty_name(&self) -> std::path::PathBuf {
        self.master.tty_name().expect("the pty's name")
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Waits for the process to end and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread drain the last bytes the program wrote: until the
                // hang-up, or a quiet moment when something else still holds the
                // terminal (a shell that ran the program).
                let mut seen = self.watch.output.lock().unwrap().bytes;
                loop {
                    let (bytes, closed) = self.watch.wait_past(seen, Duration::from_millis(150));
                    if closed || bytes == seen {
                        break;
                    }
                    seen = bytes;
                }
                return status.exit_code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("dogear did not exit; the screen was:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Sends a signal to the process (SIGTERM, SIGHUP, SIGKILL...).
    pub fn signal(&self, sig: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{sig}"), &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
    }

    /// Whether the terminal was given back: main screen, cursor shown, no mouse reporting.
    pub fn restored(&self) -> bool {
        self.with_screen(|s| {
            !s.alternate_screen()
                && !s.hide_cursor()
                && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
        })
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Polls `cond` until it holds; panics naming `what` when it does not within [`WAIT`].
pub fn eventually(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !cond() {
        if Instant::now() > deadline {
            panic!("timed out waiting for {what}");
        }
        thread::sleep(Duration::from_millis(10));
    }
}

/// A story of `chapters` numbered chapters (`CHAPTER 3`) of twelve hard-wrapped
/// paragraphs each, its lines ended with `nl` (CRLF makes the text and the file differ in
/// length, so that every offset must come through an anchor).
pub fn chaptered_story(chapters: usize, nl: &str) -> String {
    let mut s = String::new();
    for c in 1..=chapters {
        s.push_str(&format!("CHAPTER {c}{nl}{nl}"));
        for p in 0..12 {
            for l in 0..4 {
                s.push_str(&format!(
                    "Paragraph {p} line {l} of chapter {c}, hard-wrapped near seventy cols{nl}"
                ));
            }
            s.push_str(nl);
        }
    }
    s
}

/// `text` as `dogear --print` sets it at `width` columns, a line each.
pub fn printed(text: &str, width: u16) -> Vec<String> {
    let mut out = Vec::new();
    dogear::print(&dogear::Document::from_text(text), width, &mut out).unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The titles of the chapters found in `text`.
pub fn titles(text: &str) -> Vec<String> {
    dogear::chapters(&dogear::Document::from_text(text))
        .into_iter()
        .map(|c| c.title)
        .collect()
}

/// The text of every block of `text` read as a heading.
pub fn heading_texts(text: &str) -> Vec<String> {
    let doc = dogear::Document::from_text(text);
    doc.blocks()
        .iter()
        .filter(|b| b.kind == dogear::BlockKind::Heading)
        .map(|b| doc.text()[b.range()].to_string())
        .collect()
}
