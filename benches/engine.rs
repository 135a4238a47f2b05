//! Engine benchmarks on generated stories of 1 MB, 10 MB and 200 MB: opening, the page
//! operations a reader does on every keypress, `--print` throughput, and counting pages.
//!
//! The texts are generated here (never committed) as realistic prose: chapters of
//! paragraphs of 5 to 15 lines hard-wrapped at 70 columns. Every page operation should
//! cost under 1 ms at 200 MB and stay within 2x of its cost at 1 MB, since a keypress
//! must cost work proportional to the screen, not to the book.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use dogear::document::Document;
use dogear::layout::Layout;
use dogear::position::offset_at_percent;
use std::hint::black_box;
use std::time::Duration;

const HEIGHT: usize = 40;

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "was",
    "he",
    "her",
    "it",
    "his",
    "with",
    "as",
    "had",
    "for",
    "she",
    "not",
    "but",
    "at",
    "on",
    "be",
    "him",
    "they",
    "which",
    "said",
    "you",
    "would",
    "from",
    "this",
    "all",
    "been",
    "were",
    "there",
    "could",
    "little",
    "before",
    "himself",
    "gentleman",
    "morning",
    "remarkable",
    "Elizabeth",
    "Mr.",
    "Darcy,",
    "house;",
    "again.",
    "thought",
    "towards",
    "nothing",
    "everything",
    "\"Indeed,\"",
    "replied",
    "conversation",
    "immediately",
    "window",
    "garden,",
    "well-known",
    "however,",
    "perhaps",
    "understand",
    "letter",
    "Jerusalem",
    "army",
];

/// A small deterministic generator (xorshift), so every run benchmarks the same text.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// About `bytes` of prose: chapters with headings, paragraphs hard-wrapped at 70 columns.
fn story(bytes: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = String::with_capacity(bytes + 4096);
    let mut chapter = 0;
    while text.len() < bytes {
        chapter += 1;
        text.push_str(&format!("CHAPTER {chapter}.\n\n"));
        for _ in 0..(20 + rng.below(30)) {
            let lines = 5 + rng.below(11);
            let mut line_len = 0;
            for _ in 0..lines {
                while line_len < 62 {
                    let word = WORDS[rng.below(WORDS.len())];
                    if line_len > 0 {
                        text.push(' ');
                        line_len += 1;
                    }
                    text.push_str(word);
                    line_len += word.len();
                }
                text.push('\n');
                line_len = 0;
            }
            text.push('\n');
        }
    }
    text
}

fn bench_size(c: &mut Criterion, name: &str, bytes: usize) {
    let raw = story(bytes);
    let doc = Document::from_bytes(raw.as_bytes(), None).expect("generated text decodes");
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));

    // Open is compared with plain `fs::read` of the same file (the target: within 3x).
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(file.path(), &raw).expect("write the generated story");
    group.throughput(Throughput::Bytes(raw.len() as u64));
    group.bench_function("fs::read", |b| {
        b.iter(|| std::fs::read(black_box(file.path())).expect("read"))
    });
    group.bench_function("open (read + decode + blocks)", |b| {
        b.iter(|| {
            let bytes = std::fs::read(black_box(file.path())).expect("read");
            Document::from_vec(bytes, None).expect("decodes")
        })
    });
    if bytes <= 10 << 20 {
        group.bench_function("print", |b| {
            b.iter(|| dogear::print::print(&doc, 80, &mut std::io::sink()))
        });
        // Counting pages wraps the whole story: it runs on a background thread after the
        // first frame (and again on a resize), never on a keypress.
        group.bench_function("count pages (background)", |b| {
            b.iter(|| dogear::pages::tops(&doc, 80, HEIGHT))
        });
    }
    group.throughput(Throughput::Elements(1));
    if bytes <= 10 << 20 {
        // What a frame pays for its page number once they are counted: a binary search.
        let tops = dogear::pages::tops(&doc, 80, HEIGHT);
        let at_73 = offset_at_percent(&doc, 73.0);
        group.bench_function("page of the place", |b| {
            b.iter(|| dogear::pages::page_at(black_box(&tops), black_box(at_73)))
        });
    }

    let at_73 = offset_at_percent(&doc, 73.0);
    for (label, offset) in [("first page 0%", 0), ("first page 73%", at_73)] {
        group.bench_function(label, |b| {
            b.iter(|| {
                let mut layout = Layout::new(80);
                let top = layout.line_start(&doc, offset);
                black_box(layout.page(&doc, top, HEIGHT))
            })
        });
    }

    // A layout showing the page at 73%, as the reader has it before a keypress.
    let reading = || {
        let mut layout = Layout::new(80);
        let top = layout.line_start(&doc, at_73);
        layout.page(&doc, top, HEIGHT);
        (layout, top)
    };
    group.bench_function("next page", |b| {
        b.iter_batched(
            reading,
            |(mut layout, top)| {
                let top = layout.scroll(&doc, top, HEIGHT as isize - 1, HEIGHT);
                layout.page(&doc, top, HEIGHT)
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("resize 80 to 50", |b| {
        b.iter_batched(
            reading,
            |(mut layout, top)| {
                layout.set_width(50);
                let top = layout.line_start(&doc, top);
                layout.page(&doc, top, HEIGHT)
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("jump to 40%", |b| {
        b.iter_batched(
            reading,
            |(mut layout, _)| {
                let top = layout.line_start(&doc, offset_at_percent(&doc, 40.0));
                layout.page(&doc, top, HEIGHT)
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

fn engine(c: &mut Criterion) {
    bench_size(c, "1MB", 1 << 20);
    bench_size(c, "10MB", 10 << 20);
    bench_size(c, "200MB", 200 << 20);
}

criterion_group!(benches, engine);
criterion_main!(benches);
