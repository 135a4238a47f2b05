//! How fast a search goes over a big story read from its file once indexed (see
//! `dogear::FileSearch`), on a real file as the reader opens it: indexed as the shell
//! indexes it, let go, then searched on the file for a few literals; each match checked
//! against the search of the whole text held in memory (same offsets).
//!
//! `cargo run --release --example search_on_file -- FILE [QUERY...]`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "measurement set-up: a panic is a failed run"
)]

use dogear::indexed::{Indexed, Source};
use dogear::{FileSearch, FileStep, Query};
use std::sync::Arc;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE");
    let mut queries: Vec<String> = args.collect();
    if queries.is_empty() {
        queries = vec!["no such words anywhere".into(), "schachl't feet".into()];
    }
    let len = std::fs::metadata(&path).unwrap().len();
    let mut file = std::fs::File::open(&path).unwrap();
    let shared = Indexed::new();
    let t = Instant::now();
    let whole = dogear::indexing::stream_shared(
        &mut file,
        len,
        None,
        (&dogear::blocks::Evidence::default(), &shared),
        &mut (),
        &mut |_| {},
        &mut || {},
    )
    .unwrap();
    println!("indexed in {:.2} s", t.elapsed().as_secs_f64());
    let source: Arc<dyn Source> = Arc::new(dogear::FileSource::new(path.as_ref()).unwrap());
    let text_len = whole.text().len();
    assert!(
        shared.let_go(text_len, whole.body(), Arc::clone(&source)),
        "let go"
    );
    let f = shared.read().on_file.clone().unwrap();
    if let dogear::line_ends::Offsets::Anchored(s) = &f.offsets {
        println!(
            "{} stretches, {} irregular",
            s.anchors().len(),
            s.irregular_count()
        );
    }
    for query in &queries {
        let q = Query::new(query).unwrap();
        for from in [0, text_len / 100 * 99] {
            let want = q
                .search(whole.text(), f.body.clone(), from, true)
                .finish(whole.text());
            let t = Instant::now();
            let mut s = FileSearch::new(
                &q,
                (Arc::clone(&source), text_len),
                f.body.clone(),
                from,
                true,
            )
            .with_offsets(f.offsets.clone());
            let got = loop {
                match s.step(32 << 20) {
                    FileStep::Pending => {}
                    FileStep::Done(hit) => break hit,
                    FileStep::Failed(why) => panic!("{why}"),
                }
            };
            let took = t.elapsed().as_secs_f64();
            assert_eq!(got, want, "{query:?} from {from}");
            let read = match &got {
                Some(h) if !h.wrapped => h.range.start - from,
                Some(h) => text_len - from + h.range.start,
                None => f.body.len(),
            };
            println!(
                "{query:?} from {from}: {:?} in {:.0} ms ({:.2} GB/s over {} MB), as held",
                got.map(|h| h.range.start),
                took * 1000.0,
                read as f64 / took / 1e9,
                read >> 20
            );
        }
    }
}
