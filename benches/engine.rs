//! Engine benchmarks on generated stories of 1 MB, 10 MB and 200 MB: opening, the page
//! operations a reader does on every keypress, `--print` throughput, and counting pages.
//!
//! The texts are generated here (never committed) as realistic prose: chapters of
//! paragraphs of 5 to 15 lines hard-wrapped at 70 columns. Every page operation should
//! cost under 1 ms at 200 MB and stay within 2x of its cost at 1 MB, since a keypress
//! must cost work proportional to the screen, not to the book.
//!
//! Search is measured apart, in GB/s over 200 MB (`cargo bench --bench engine -- search`):
//! a phrase placed only at 0.5 % and 99.5 % of the text, found forward (`n`) from 1 % and
//! backward (`N`) from the one near the end, so each search reads about 99 % of the book.
//! Lower-case queries ignore case (smart case); the others match case. The target is
//! 2 GB/s or better. `N "the"` is one press of `N` with the previous match a line back.
//!
//! `one 16MB line of tabs` opens a story with no line end at all, full of tabs and
//! overstrikes: its cost must stay linear in its size.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmark set-up: a panic is a failed run"
)]

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use dogear::{offset_at_percent, Document, Layout, Query};
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
        usize::try_from(self.0 % n as u64).unwrap()
    }
}

/// Words for the real-shaped variant: accented letters, curly quotes and dashes, which
/// make search leave its ASCII fast paths.
const UNICODE_WORDS: &[&str] = &[
    "café",
    "naïve",
    "—",
    "“Indeed,”",
    "déjà",
    "vu",
    "façade",
    "Zoë",
    "señor",
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
    "with",
    "said",
    "morning",
    "Straße",
    "über",
    "œuvre",
    "mañana",
    "évidemment",
    "…",
    "‘quite’",
    "garden,",
    "window",
];

/// About `bytes` of prose: chapters with headings, paragraphs hard-wrapped at 70 columns.
fn story(bytes: usize) -> String {
    story_of(bytes, WORDS)
}

fn story_of(bytes: usize, words: &[&str]) -> String {
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
                    let word = words[rng.below(words.len())];
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
            b.iter(|| dogear::print(&doc, 80, &mut std::io::sink()))
        });
        // Counting pages wraps the whole story: it runs on a background thread after the
        // first frame (and again on a resize), never on a keypress.
        group.bench_function("count pages (background)", |b| {
            b.iter(|| dogear::tops(&doc, 80, HEIGHT))
        });
    }
    group.throughput(Throughput::Elements(1));
    if bytes <= 10 << 20 {
        // What a frame pays for its page number once they are counted: a binary search.
        let tops = dogear::tops(&doc, 80, HEIGHT);
        let at_73 = offset_at_percent(&doc, 73.0);
        group.bench_function("page of the place", |b| {
            b.iter(|| dogear::page_at(black_box(&tops), black_box(at_73)))
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
    // The same with justification and hyphenation on: the lines are hyphenated when
    // wrapped, and each drawn line has its spaces widened (what a frame pays).
    let typeset = dogear::Typography {
        justify: true,
        hyphenate: true,
        indent: false,
        language: dogear::Language::Auto,
        optimal: false,
    };
    // And with optimal fit too: every setting that costs time per page, on together.
    let optimal = dogear::Typography {
        optimal: true,
        ..typeset
    };
    for (label, typeset) in [
        ("next page (justified, hyphenated)", typeset),
        ("next page (justified, hyphenated, optimal fit)", optimal),
    ] {
        let reading_typeset = || {
            let mut layout = Layout::new(80);
            layout.set_typography(typeset);
            let top = layout.line_start(&doc, at_73);
            layout.page(&doc, top, HEIGHT);
            (layout, top)
        };
        group.bench_function(label, |b| {
            b.iter_batched(
                reading_typeset,
                |(mut layout, top)| {
                    let top = layout.scroll(&doc, top, HEIGHT as isize - 1, HEIGHT);
                    let page = layout.page(&doc, top, HEIGHT);
                    let drawn: Vec<_> = page
                        .iter()
                        .map(|l| {
                            let room = usize::from(80 - l.indent);
                            l.display_in(doc.text(), room, typeset).into_owned()
                        })
                        .collect();
                    black_box(drawn)
                },
                BatchSize::SmallInput,
            )
        });
    }
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

/// `text` with `phrase` written over the start of the lines nearest 0.5 % and 99.5 %.
fn with_phrase(mut text: String, phrase: &str) -> (String, [usize; 2]) {
    let mut at = [0; 2];
    for (i, pct) in [5, 995].into_iter().enumerate() {
        let mut start = text.len() / 1000 * pct;
        while !text.is_char_boundary(start) || !text[..start].ends_with('\n') {
            start += 1;
        }
        let mut end = start + phrase.len();
        while !text.is_char_boundary(end) {
            end += 1;
        }
        text.replace_range(start..end, phrase);
        at[i] = start;
    }
    (text, at)
}

fn bench_search(c: &mut Criterion, name: &str, words: &[&str]) {
    // The phrase is broken across a line, as a hard-wrapped story breaks it.
    let (text, [near_start, near_end]) =
        with_phrase(story_of(200 << 20, words), "the Lighthouse\nKeeper ");
    let all = 0..text.len();
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    // "the lighthouse keeper" starts with the commonest word: a search that tries every
    // "the" is slow; "Keeper" alone is found after "the Lighthouse\n".
    let queries = [
        ("lighthouse keeper", 4),
        ("Lighthouse Keeper", 4),
        ("the lighthouse keeper", 0),
        ("keeper", 15),
    ];
    let from = text.len() / 100;
    group.throughput(Throughput::Bytes((near_end - from) as u64));
    for (query, skip) in queries {
        let q = Query::new(query).expect("a query");
        group.bench_function(format!("n {query:?}"), |b| {
            b.iter(|| {
                let hit = q.next(&text, all.clone(), from).expect("found");
                assert_eq!(hit.range.start, near_end + skip);
            })
        });
    }
    group.throughput(Throughput::Bytes((near_end - near_start) as u64));
    for (query, skip) in queries {
        let q = Query::new(query).expect("a query");
        group.bench_function(format!("N {query:?}"), |b| {
            b.iter(|| {
                let hit = q.prev(&text, all.clone(), near_end).expect("found");
                assert_eq!(hit.range.start, near_start + skip);
            })
        });
    }
    // A press of `N` when the previous match is a few lines back must not read the book.
    group.throughput(Throughput::Elements(1));
    let at_73 = text.len() / 100 * 73;
    let the = Query::new("the").expect("a query");
    group.bench_function("N \"the\" at 73%", |b| {
        b.iter(|| the.prev(&text, all.clone(), at_73).expect("found"))
    });
    group.finish();
}

fn search(c: &mut Criterion) {
    bench_search(c, "search 200MB prose", WORDS);
    bench_search(c, "search 200MB unicode prose", UNICODE_WORDS);
}

fn engine(c: &mut Criterion) {
    bench_size(c, "1MB", 1 << 20);
    bench_size(c, "10MB", 10 << 20);
    bench_size(c, "200MB", 200 << 20);
}

/// A story of one 16 MB line with a tab every 40 bytes and an overstrike every 400 (a
/// log, a table dumped without line ends): opened, its tabs expanded from its line's
/// start. Each tab looked back over the whole line once, which took minutes.
fn one_line(c: &mut Criterion) {
    let mut raw = String::with_capacity(16 << 20);
    let mut i = 0usize;
    while raw.len() < 16 << 20 {
        raw.push_str(match i % 10 {
            9 => "lamp_\x08l\t",
            _ => "keeper harbour lamp evening light tide\t",
        });
        i += 1;
    }
    let mut group = c.benchmark_group("one 16MB line of tabs");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    group.throughput(Throughput::Bytes(raw.len() as u64));
    group.bench_function("open (read + decode + blocks)", |b| {
        b.iter(|| Document::from_bytes(black_box(raw.as_bytes()), None).expect("decodes"))
    });
    group.finish();
}

criterion_group!(benches, search, engine, one_line);
criterion_main!(benches);
