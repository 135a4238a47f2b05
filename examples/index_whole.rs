//! How long reading a big story whole takes: the text made then its blocks found
//! (`load::stream`), next to the two at once as the background reading does them
//! (`indexing::stream`), on the same file in the same run; and that both find the same
//! blocks.
//!
//! `cargo run --release --example index_whole -- FILE`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "measurement set-up: a panic is a failed run"
)]

use dogear::indexing::{self, Found};
use dogear::{blocks::Evidence, load, Charset};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let len = std::fs::metadata(&path).unwrap().len();
    let mut file = std::fs::File::open(&path).unwrap();
    let t = Instant::now();
    let then = load::stream(&mut file, len, None, &mut ()).unwrap();
    let apart = t.elapsed();

    let mut file = std::fs::File::open(&path).unwrap();
    let utf8 = Charset::Web(encoding_rs::UTF_8);
    let t = Instant::now();
    let evidence: Evidence = load::evidence(&mut file, len, utf8, 0).unwrap();
    let (mut stretches, mut first) = (0, None);
    let mut found = |f: Found| {
        stretches += 1;
        if !f.blocks.is_empty() {
            first.get_or_insert(t.elapsed());
        }
    };
    let at_once = indexing::stream(&mut file, len, None, &evidence, &mut (), &mut found).unwrap();
    let together = t.elapsed();
    assert!(
        at_once.blocks() == then.blocks(),
        "the same blocks either way"
    );
    assert!(
        at_once.summary() == then.summary(),
        "the same statistics either way"
    );
    drop(then);
    println!(
        "{path}: {} MB; apart {:.2} s; together {:.2} s ({stretches} stretches, first blocks after {:.0} ms), {} blocks",
        len >> 20,
        apart.as_secs_f64(),
        together.as_secs_f64(),
        first.unwrap_or_default().as_secs_f64() * 1000.0,
        at_once.blocks().len()
    );
}
