//! The reader's keypresses end to end: Action → model update → draw into a TestBackend.
//! Every keypress must cost O(screen): the 200 MB numbers should match the 1 MB ones.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use dogear::{Action, Document, PromptKind, Reader};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::hint::black_box;

/// A hard-wrapped novel of about `bytes` bytes, with a chapter heading every 40 paragraphs.
fn novel(bytes: usize) -> String {
    let words = [
        "the", "harbour", "clock", "kept", "its", "own", "time", "and", "nobody", "minded",
        "except", "Mara", "who", "climbed", "tower", "with", "a", "toolbox", "salt", "wind",
    ];
    let mut text = String::with_capacity(bytes + 1024);
    let (mut chapter, mut para, mut seed) = (1, 0, 7u32);
    while text.len() < bytes {
        if para % 40 == 0 {
            text.push_str(&format!("CHAPTER {chapter}\n\n"));
            chapter += 1;
        }
        let mut col = 0;
        for _ in 0..(60 + seed % 80) {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let w = words[(seed >> 16) as usize % words.len()];
            if col + w.len() + 1 > 70 {
                text.push('\n');
                col = 0;
            } else if col > 0 {
                text.push(' ');
                col += 1;
            }
            text.push_str(w);
            col += w.len();
        }
        text.push_str(".\n\n");
        para += 1;
    }
    text
}

fn keypresses(c: &mut Criterion) {
    let mut group = c.benchmark_group("keypress");
    group.sample_size(30);
    for (name, mb) in [("1MB", 1), ("200MB", 200)] {
        let doc = Document::from_text(&novel(mb << 20));
        let mut reader = Reader::new(doc, "bench", (100, 40), 72);
        reader.update(Action::Digit(7));
        reader.update(Action::Digit(3));
        reader.update(Action::Percent);
        let mut term = Terminal::new(TestBackend::new(100, 40)).unwrap();
        let mut step = |reader: &mut Reader, action: Action| {
            black_box(reader.update(action));
            term.draw(|f| f.render_widget(&*reader, f.area())).unwrap();
        };
        group.bench_function(BenchmarkId::new("page_down_up", name), |b| {
            b.iter(|| {
                step(&mut reader, Action::PageDown);
                step(&mut reader, Action::PageUp);
            })
        });
        group.bench_function(BenchmarkId::new("line_down_up", name), |b| {
            b.iter(|| {
                step(&mut reader, Action::LineDown);
                step(&mut reader, Action::LineUp);
            })
        });
        group.bench_function(BenchmarkId::new("resize_100_60_100", name), |b| {
            b.iter(|| {
                step(
                    &mut reader,
                    Action::Resize {
                        width: 60,
                        height: 40,
                    },
                );
                step(
                    &mut reader,
                    Action::Resize {
                        width: 100,
                        height: 40,
                    },
                );
            })
        });
        group.bench_function(BenchmarkId::new("jump_40_and_back", name), |b| {
            b.iter(|| {
                step(&mut reader, Action::OpenPrompt(PromptKind::Percent));
                step(&mut reader, Action::Input('4'));
                step(&mut reader, Action::Input('0'));
                step(&mut reader, Action::Submit);
                step(&mut reader, Action::JumpBack);
            })
        });
        group.bench_function(BenchmarkId::new("next_chapter_and_back", name), |b| {
            b.iter(|| {
                step(&mut reader, Action::NextChapter);
                step(&mut reader, Action::JumpBack);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, keypresses);
criterion_main!(benches);
