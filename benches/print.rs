//! `--print` of a real-shaped story of 10 MB, the way the command line runs it: read as
//! windows, made into documents on one thread and wrapped and written on another, to a
//! sink. The target (issue 10) is to stream at least as fast as `fold -s -w 80`.
//!
//! The text is generated here (never committed) in the shapes real files have: chapters
//! of paragraphs hard-wrapped at about 70 columns, runs of short dialogue lines, curly
//! quotes and accented words, CRLF line ends with every third chapter in LF.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmark set-up: a panic is a failed run"
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dogear::{load, Typography, Windows};
use std::fs::File;
use std::io;
use std::time::Duration;

#[path = "common/real_shaped.rs"]
mod real_shaped;

use real_shaped::{push_line, Rng};

/// About `bytes` of prose; every third chapter has LF line ends, the rest CRLF.
fn story(bytes: usize) -> String {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut text = String::with_capacity(bytes + 4096);
    let mut chapter = 0;
    while text.len() < bytes {
        chapter += 1;
        let nl = if chapter % 3 == 0 { "\n" } else { "\r\n" };
        text.push_str(&format!("CHAPTER {chapter}.{nl}{nl}"));
        for _ in 0..(20 + rng.below(30)) {
            if rng.below(4) == 0 {
                // Dialogue: short lines of their own, kept as written.
                for _ in 0..(2 + rng.below(4)) {
                    text.push('“');
                    let columns = 10 + rng.below(30);
                    push_line(&mut text, &mut rng, columns, "”");
                    text.push_str(nl);
                }
            } else {
                for _ in 0..(3 + rng.below(10)) {
                    push_line(&mut text, &mut rng, 62, nl);
                }
            }
            text.push_str(nl);
        }
    }
    text
}

fn print(c: &mut Criterion) {
    let text = story(10 << 20);
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(file.path(), text.as_bytes()).expect("write the story");
    let len = text.len() as u64;
    drop(text);
    let mut group = c.benchmark_group("real-shaped 10MB");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(len));
    group.bench_function("--print --width 80", |b| {
        b.iter(|| {
            let mut f = File::open(file.path()).expect("open");
            let head = load::read_at(&mut f, 0, 8192).expect("read");
            let windows = Windows::new(f, len, head, None).expect("text");
            let mut evidence = File::open(file.path()).expect("open");
            let evidence = load::evidence(&mut evidence, len, windows.charset(), 0).expect("read");
            let windows = windows.with_evidence(evidence);
            let mut out = io::sink();
            dogear::print_windows(windows, 80, Typography::default(), &mut out).expect("print")
        })
    });
    group.finish();
}

criterion_group!(benches, print);
criterion_main!(benches);
