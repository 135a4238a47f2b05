//! Opening real-shaped stories of 10 MB, 200 MB and 1 GB: what the reader waits for
//! (the first window at the start, the window at a saved place 73 % in, `--print`'s first
//! lines) and what happens in the background (reading the whole story). The first three
//! must cost the same at every size; the last is a throughput.
//!
//! The text is generated (never committed) in the shapes real files have: chapters of
//! hard-wrapped paragraphs with CRLF line ends, some chapters with LF (files joined
//! together), curly quotes and accented words, and a windows-1252 copy of the same text.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmark set-up: a panic is a failed run"
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dogear::{decode, indexing, load, Charset, Document, Layout, Windows};
use std::fs::File;
use std::hint::black_box;
use std::time::Duration;

const HEIGHT: usize = 40;
/// What `opening` reads for a first window.
const WINDOW: usize = 64 << 10;

#[path = "common/real_shaped.rs"]
mod real_shaped;

use real_shaped::{push_line, Rng};

/// About `bytes` of prose; every third chapter has LF line ends, the rest CRLF.
fn story(bytes: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = String::with_capacity(bytes + 4096);
    let mut chapter = 0;
    while text.len() < bytes {
        chapter += 1;
        let nl = if chapter % 3 == 0 { "\n" } else { "\r\n" };
        text.push_str(&format!("CHAPTER {chapter}.{nl}{nl}"));
        for _ in 0..(20 + rng.below(30)) {
            for _ in 0..(5 + rng.below(11)) {
                push_line(&mut text, &mut rng, 62, nl);
            }
            text.push_str(nl);
        }
    }
    text
}

fn file_of(bytes: &[u8]) -> tempfile::NamedTempFile {
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(file.path(), bytes).expect("write the story");
    file
}

/// The first page of a window read from `at` (a line start), as the reader shows it.
/// Reads the window, then samples spread over the file for its evidence.
fn first_page(file: &mut File, at: u64, charset: Option<Charset>, len: u64) -> usize {
    let head = load::read_at(file, at, WINDOW).expect("read");
    let (cs, skip) = match charset {
        Some(cs) => (cs, 0),
        None => {
            let choice = decode::choose(&head, usize::try_from(len).unwrap(), None).expect("text");
            (choice.charset, choice.bom)
        }
    };
    // As `opening` does: the whole file's evidence first, from samples spread over it.
    let evidence = load::evidence(file, len, cs, skip as u64).expect("read");
    let doc = load::window_with(&head[skip..], cs, at + head.len() as u64 >= len, &evidence);
    let mut layout = Layout::new(72);
    layout.page(&doc, 0, HEIGHT).len()
}

fn bench_size(c: &mut Criterion, name: &str, text: &str, legacy: bool) {
    let bytes = match legacy {
        false => text.as_bytes().to_vec(),
        true => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    };
    let len = bytes.len() as u64;
    let tmp = file_of(&bytes);
    drop(bytes);
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(1));

    let mut file = File::open(tmp.path()).expect("open");
    group.bench_function("first window at the start", |b| {
        b.iter(|| first_page(&mut file, 0, None, len))
    });
    // Where a saved place 73 % in would say its window starts: the whole story, read
    // once here, gives the anchor (as the saved place carries it).
    let whole = load::stream(&mut file, len, None, &mut ()).expect("stream");
    let at_73 = dogear::offset_at_percent(&whole, 73.0);
    let anchor = whole.anchor_before(at_73);
    let charset = whole.charset();
    drop(whole);
    group.bench_function("window at a saved place 73%", |b| {
        b.iter(|| first_page(&mut file, anchor.raw, Some(charset), len))
    });
    group.bench_function("--print: first window", |b| {
        b.iter(|| {
            let mut f = File::open(tmp.path()).expect("open");
            let head = load::read_at(&mut f, 0, 8192).expect("read");
            let mut windows = Windows::new(f, len, head, None).expect("text");
            let doc: Document = windows.next().expect("a window").expect("read");
            black_box(doc.blocks().len())
        })
    });
    group.throughput(Throughput::Bytes(len));
    group.bench_function("read the whole story (background)", |b| {
        b.iter(|| {
            let doc = load::stream(&mut file, len, None, &mut ()).expect("stream");
            black_box(doc.blocks().len())
        })
    });
    // As the reader does it: the text made on one thread while its blocks are found on
    // another, the chapters found so far listed now and then.
    group.bench_function("read and index the whole story at once (background)", |b| {
        b.iter(|| {
            let evidence = dogear::blocks::Evidence::default();
            let (mut stretches, mut chapters) = (0, 0);
            let mut found = |f: indexing::Found| {
                stretches += 1;
                if stretches % 16 == 1 {
                    chapters = dogear::chapters_in(f.text, f.blocks).len();
                }
            };
            let doc = indexing::stream(&mut file, len, None, &evidence, &mut (), &mut found)
                .expect("stream");
            black_box((doc.blocks().len(), chapters))
        })
    });
    group.finish();
}

fn open(c: &mut Criterion) {
    let mut text = story(1 << 30);
    for (name, size) in [("10MB", 10 << 20), ("200MB", 200 << 20), ("1GB", 1 << 30)] {
        let mut cut = size.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let part = &text[..cut];
        bench_size(c, &format!("real-shaped {name}"), part, false);
        if size <= 200 << 20 {
            bench_size(c, &format!("real-shaped {name} windows-1252"), part, true);
        }
    }
    text.clear();
}

criterion_group!(benches, open);
criterion_main!(benches);
