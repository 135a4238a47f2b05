//! How long a program takes to show its first screen in a real pseudo-terminal: the
//! end-to-end measurement behind the open-time figures (dogear next to `less`).
//!
//! `cargo run --release --example first_frame -- [--runs N] [--rows R] PROGRAM ARGS...`
//! starts `PROGRAM ARGS` in an 80x24 pty (with `DOGEAR_CONFIG_DIR` passed through), reads
//! the screen through a terminal emulator, and prints the milliseconds until `R` rows
//! (default 12) show text, best and median of `N` runs. Then it types `q`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmark set-up: a panic is a failed run"
)]

use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut runs = 5;
    let mut rows_wanted = 12;
    loop {
        match args.first().map(String::as_str) {
            Some("--runs") => {
                runs = args[1].parse().expect("--runs N");
                args.drain(..2);
            }
            Some("--rows") => {
                rows_wanted = args[1].parse().expect("--rows R");
                args.drain(..2);
            }
            _ => break,
        }
    }
    assert!(
        !args.is_empty(),
        "usage: first_frame [--runs N] [--rows R] PROGRAM ARGS..."
    );
    let mut times: Vec<f64> = (0..runs).map(|_| once(&args, rows_wanted)).collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{:>8.1} ms best {:>8.1} ms median  {}",
        times[0],
        times[times.len() / 2],
        args.join(" ")
    );
}

fn once(args: &[String], rows_wanted: usize) -> f64 {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(&args[0]);
    cmd.args(&args[1..]);
    cmd.env("TERM", "xterm-256color");
    if let Ok(dir) = std::env::var("DOGEAR_CONFIG_DIR") {
        cmd.env("DOGEAR_CONFIG_DIR", dir);
    }
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("spawn");
    drop(pty.slave);
    // The screen is looked at as each read of the pty's output is taken in, so the time
    // is that of the output that completed the screen (polling every half millisecond
    // rounded every time up to the next poll).
    let shown: Arc<(Mutex<Option<Duration>>, Condvar)> = Arc::default();
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let seen = Arc::clone(&shown);
    std::thread::spawn(move || {
        let mut parser = vt100::Parser::new(24, 80, 0);
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            parser.process(&buf[..n]);
            let rows = parser
                .screen()
                .rows(0, 80)
                .filter(|r| !r.trim().is_empty())
                .count();
            if rows >= rows_wanted {
                let at = start.elapsed();
                let (lock, ready) = &*seen;
                lock.lock().unwrap().get_or_insert(at);
                ready.notify_all();
            }
        }
    });
    let shown = {
        let (lock, ready) = &*shown;
        let (at, waited) = ready
            .wait_timeout_while(lock.lock().unwrap(), Duration::from_secs(120), |at| {
                at.is_none()
            })
            .unwrap();
        assert!(!waited.timed_out(), "no screen after 120 s");
        at.expect("a screen")
    };
    let mut writer = pty.master.take_writer().expect("pty writer");
    let _ = writer.write_all(b"q");
    let _ = writer.flush();
    let deadline = Instant::now() + Duration::from_secs(5);
    while child.try_wait().ok().flatten().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    shown.as_secs_f64() * 1000.0
}
