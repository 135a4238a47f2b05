use super::{classify, detect_speculating, detect_with, Evidence, Stats};
use proptest::prelude::*;

proptest! {
    /// Statistics of evidence kept as a summary classify as the statistics gathered
    /// afresh do, and an evidence asked again (its summary kept) as a new one.
    #[test]
    fn statistics_kept_from_evidence_classify_as_fresh_ones(
        lines in proptest::collection::vec(proptest::sample::select(vec![
            "HAMLET", "HAMLET.", "CHAPTER I", "", "", "He stopped.", "* * *",
            "The lamp had burned low by the time the carrier reached the bridge,",
            "and the river below it ran loud with the rain of three whole days.",
            "    An indented line of verse", "A short line", "Of verse here",
        ]), 1..150),
        cut in 0usize..150,
    ) {
        let text = lines.join("\n") + "\n";
        let at = text.match_indices('\n').nth(cut).map_or(text.len(), |(i, _)| i + 1);
        let runs = [0..at, at..text.len()];
        let fresh = Stats::from_runs(&text, &runs);
        let summary = fresh.summary();
        let kept = Stats::from_summary(&summary);
        let body = 0..text.len();
        prop_assert_eq!(
            classify(&text, body.clone(), &kept, None).0,
            classify(&text, body.clone(), &fresh, None).0
        );
        // And as without recording the questions asked (see `Stats::unprobed`).
        prop_assert_eq!(
            classify(&text, body.clone(), &Stats::from_summary(&summary).unprobed(), None).0,
            classify(&text, body.clone(), &fresh, None).0
        );
        let mut evidence = Evidence::default();
        evidence.push(&text[runs[0].clone()]);
        evidence.push(&text[runs[1].clone()]);
        let first = detect_with(&text, body.clone(), &evidence);
        prop_assert_eq!(detect_with(&text, body.clone(), &evidence), first.clone());
        prop_assert_eq!(detect_with(&text, body, &evidence.clone()), first);
    }
}

/// A mixed text: prose, a play whose speaker names only repeat late, verse, breaks.
fn mixed(late_speakers: bool) -> String {
    let mut s = String::new();
    for i in 0..400 {
        s.push_str("The lamp had burned low by the time the carrier reached the bridge,\n");
        s.push_str("and the river below it ran loud with the rain of three whole days.\n");
        s.push_str("He stopped.\n\n");
        if i % 50 == 0 {
            s.push_str("CHAPTER THE NEXT\n\nA short line\nOf verse here\nAnd more\n\n* * *\n\n");
        }
        if late_speakers && i > 300 && i % 20 == 0 {
            s.push_str("HAMLET\n\nWords, words, words.\n\n");
        }
    }
    s
}

#[test]
fn speculation_gives_the_exact_result() {
    for late in [false, true] {
        let text = mixed(late);
        let body = 0..text.len();
        let exact = detect_speculating(&text, body.clone(), usize::MAX, (0, 0), usize::MAX);
        for sample in [(64, 65536), (4, 1024), (3, 100)] {
            let got = detect_speculating(&text, body.clone(), 0, sample, usize::MAX);
            assert_eq!(got, exact, "late {late} {sample:?}");
        }
    }
}

#[test]
fn a_sample_can_miss_late_speaker_names() {
    let text = mixed(true);
    let guess = Stats::sample(&text, 0..text.len(), 4, 1024);
    let real = Stats::gather(&text, 0..text.len());
    assert!(real.repeated_caps.contains("HAMLET"));
    assert!(!guess.repeated_caps.contains("HAMLET"));
}
