//! The state's tests: merging two dogears' saves, and reading files of other versions.

use super::*;
use std::collections::BTreeSet;

fn anchor(offset: usize) -> Anchor {
    Anchor {
        file: None,
        offset,
        percent: offset as f64 / 10.0,
        before: String::new(),
        after: String::new(),
    }
}

fn book() -> BookState {
    BookState::new("fp".into(), "/s.txt".into(), "S".into())
}

#[test]
fn the_later_encoding_choice_wins_a_merge_and_old_files_load_without_one() {
    let choice = |name: &str, at| {
        Some(EncodingChoice {
            name: name.into(),
            chosen_at: at,
        })
    };
    let mut disk = book();
    let mut ours = book();
    assert_eq!(merge(&disk, &ours).encoding, None);
    disk.encoding = choice("KOI8-R", 5);
    assert_eq!(merge(&disk, &ours).encoding, disk.encoding);
    ours.encoding = choice("x-mac-cyrillic", 9);
    assert_eq!(merge(&disk, &ours).encoding, ours.encoding);
    assert_eq!(merge(&ours, &disk).encoding, ours.encoding);
    let old = r#"{"version":1,"fingerprint":"fp","path":"/s.txt","title":"S"}"#;
    let loaded: BookState = serde_json::from_str(old).unwrap();
    assert_eq!(loaded.encoding, None);
    let json = serde_json::to_string(&ours).unwrap();
    let back: BookState = serde_json::from_str(&json).unwrap();
    assert_eq!(back.encoding, ours.encoding);
}

#[test]
fn a_storys_statistics_are_kept_through_a_merge_and_old_files_load_without_them() {
    let stats = |wrap| {
        Some(TextStatistics {
            encoding: "UTF-8".into(),
            file: 9 << 20,
            summary: crate::document::blocks::Summary {
                wrap,
                capitalised: false,
                one_line_japanese: false,
                repeated_caps: vec!["HAMLET.".into()],
            },
        })
    };
    let mut disk = book();
    let mut ours = book();
    disk.statistics = stats(70);
    assert_eq!(merge(&disk, &ours).statistics, disk.statistics);
    ours.statistics = stats(66);
    assert_eq!(merge(&disk, &ours).statistics, ours.statistics);
    let json = serde_json::to_string(&ours).unwrap();
    assert!(json.contains(r#""wrap":66"#), "{json}");
    let back: BookState = serde_json::from_str(&json).unwrap();
    assert_eq!(back.statistics, ours.statistics);
    let old = r#"{"version":1,"fingerprint":"fp","path":"/s.txt","title":"S"}"#;
    let loaded: BookState = serde_json::from_str(old).unwrap();
    assert_eq!(loaded.statistics, None);
    // Statistics of another shape are dropped, the rest of the state kept.
    let other = r#"{"version":1,"fingerprint":"fp","path":"/s.txt","title":"S",
        "percent":40.0,"statistics":{"encoding":"UTF-8","length":9,"wrap":"wide"}}"#;
    let loaded: BookState = serde_json::from_str(other).unwrap();
    assert_eq!((loaded.statistics, loaded.percent), (None, 40.0));
}

#[test]
fn union_of_bookmarks_minus_tombstones() {
    let mut disk = book();
    disk.add_bookmark(Bookmark::new("a".into(), anchor(5), "A".into(), 1000));
    disk.add_bookmark(Bookmark::new("gone".into(), anchor(1), "G".into(), 1000));
    let mut ours = book();
    ours.add_bookmark(Bookmark::new("b".into(), anchor(3), "B".into(), 2000));
    ours.deleted.push("gone".into());
    let merged = merge(&disk, &ours);
    let ids: Vec<&str> = merged.bookmarks.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["b", "a"]);
    assert_eq!(merged.deleted, ["gone"]);
    // And the other way round: the older copy cannot resurrect it.
    let again = merge(&merged, &disk);
    assert!(again.bookmarks.iter().all(|b| b.id != "gone"));
}

#[test]
fn later_rename_wins_from_either_side() {
    let mut disk = book();
    disk.add_bookmark(Bookmark::new("a".into(), anchor(5), "old".into(), 1000));
    let mut ours = disk.clone();
    ours.bookmark_mut("a").unwrap().rename("new".into(), 5000);
    assert_eq!(merge(&disk, &ours).bookmarks[0].label, "new");
    assert_eq!(merge(&ours, &disk).bookmarks[0].label, "new");
}

#[test]
fn place_saved_last_wins() {
    let mut disk = book();
    disk.set_place(anchor(500), 9_000);
    let mut ours = book();
    ours.set_place(anchor(100), 8_000);
    let merged = merge(&disk, &ours);
    assert_eq!(merged.place.as_ref().unwrap().anchor.offset, 500);
    assert_eq!(merged.percent, 50.0);
    ours.set_place(anchor(200), 10_000);
    assert_eq!(merge(&disk, &ours).place.unwrap().anchor.offset, 200);
    assert_eq!(merge(&disk, &book()).place.unwrap().anchor.offset, 500);
}

/// A small book from generated parts: bookmark ids from a tiny alphabet so the two
/// sides of a merge share some, and tombstones that hit some of them.
fn arb_book() -> impl proptest::strategy::Strategy<Value = BookState> {
    use proptest::prelude::*;
    let mark = (0u8..6, 0usize..50, 0u64..4).prop_map(|(id, at, edited)| {
        let mut b = Bookmark::new(format!("m{id}"), anchor(at), format!("{id}/{edited}"), 0);
        b.edited = edited;
        b
    });
    (
        proptest::collection::vec(mark, 0..6),
        proptest::collection::vec(0u8..6, 0..3),
        proptest::option::of((0usize..50, 0u64..5)),
    )
        .prop_map(|(marks, dead, place)| {
            let mut s = book();
            for m in marks {
                if s.bookmarks.iter().all(|b| b.id != m.id) {
                    s.add_bookmark(m);
                }
            }
            for d in dead {
                s.remove_bookmark(&format!("m{d}"));
            }
            if let Some((at, t)) = place {
                s.set_place(anchor(at), t);
            }
            s
        })
}

proptest::proptest! {
    #[test]
    fn merge_keeps_everything_not_deleted(a in arb_book(), b in arb_book()) {
        let m = merge(&a, &b);
        for s in [&a, &b] {
            for bm in &s.bookmarks {
                let kept = m.bookmarks.iter().any(|x| x.id == bm.id);
                proptest::prop_assert_eq!(kept, !m.deleted.contains(&bm.id));
            }
        }
        // The same bookmarks whichever side is "ours", and merging again changes nothing.
        // (As sets: on an edit-time tie "ours" wins, and its copy may sit elsewhere.)
        let ids = |s: &BookState| {
            s.bookmarks.iter().map(|b| b.id.clone()).collect::<BTreeSet<_>>()
        };
        proptest::prop_assert_eq!(ids(&m), ids(&merge(&b, &a)));
        proptest::prop_assert_eq!(&merge(&m, &b), &m);
        proptest::prop_assert_eq!(&merge(&a, &m), &m);
    }
}

#[test]
fn a_later_move_wins_over_a_place_saved_while_the_clock_was_ahead() {
    let year_ms = 365 * 86_400_000;
    let mut disk = book();
    disk.set_place(anchor(0), 1_800_000_000_000 + year_ms);
    // Another dogear loaded that place, then the reader moved (the clock is right now).
    let mut ours = disk.clone();
    ours.set_place(anchor(1000), 1_800_000_000_000);
    let merged = merge(&disk, &ours);
    assert_eq!(merged.place.unwrap().anchor.offset, 1000);
    assert_eq!(merged.percent, 100.0);
    // An old file (no generation) from the future loses to any move too.
    let mut old = disk.clone();
    old.place.as_mut().unwrap().generation = 0;
    old.place.as_mut().unwrap().saved_at = u64::MAX;
    let mut moved = old.clone();
    moved.set_place(anchor(7), 5);
    assert_eq!(merge(&old, &moved).place.unwrap().anchor.offset, 7);
}

#[test]
fn times_from_the_future_are_clamped_to_now() {
    let mut s = book();
    s.set_place(anchor(3), u64::MAX);
    s.add_bookmark(Bookmark::new("a".into(), anchor(1), "A".into(), u64::MAX));
    s.clamp_future(2_000);
    assert_eq!(s.place.unwrap().saved_at, 2_000);
    assert_eq!((s.bookmarks[0].edited, s.bookmarks[0].created), (2_000, 2));
    assert_eq!(s.last_read, 2);
}

#[test]
fn a_bookmark_edited_at_u64_max_can_be_renamed() {
    let mut disk = book();
    let mut mark = Bookmark::new("a".into(), anchor(5), "old".into(), 1000);
    mark.edited = u64::MAX;
    disk.add_bookmark(mark);
    let mut ours = disk.clone();
    ours.bookmark_mut("a").unwrap().rename("new".into(), 5000);
    assert_eq!(ours.bookmarks[0].edited, u64::MAX, "saturates, never wraps");
    assert_eq!(merge(&disk, &ours).bookmarks[0].label, "new");
    assert_eq!(merge(&ours, &disk).bookmarks[0].label, "new");
}

#[test]
fn a_state_file_from_before_generations_and_lengths_still_loads() {
    let json = r#"{"version":1,"fingerprint":"fp","path":"/s.txt","title":"S",
        "place":{"anchor":{"offset":7,"percent":0.7,"before":"a","after":"b"},"saved_at":1234},
        "bookmarks":[{"id":"x","anchor":{"offset":9,"percent":0.9,"before":"","after":"c"},
        "label":"L","created":1,"edited":99000}],"deleted":[],"last_read":1,"percent":0.7}"#;
    let s: BookState = serde_json::from_str(json).unwrap();
    let place = s.place.unwrap();
    assert_eq!((place.generation, place.kept, s.length), (0, None, 0));
    assert_eq!(
        (s.bookmarks[0].revision, s.bookmarks[0].kept.is_none()),
        (0, true)
    );
}

#[test]
fn tombstones_are_forgotten_after_ninety_days() {
    let mut s = book();
    s.add_bookmark(Bookmark::new("a".into(), anchor(1), "A".into(), 0));
    s.remove_bookmark("a");
    s.remove_bookmark("b");
    let day = 86_400_000;
    s.prune_tombstones(10 * day); // stamped now
    assert_eq!(s.deleted, ["a", "b"]);
    s.deleted_at.insert("b".into(), 5 * day);
    s.prune_tombstones(96 * day);
    assert_eq!(s.deleted, ["a"], "b was deleted 91 days ago");
    assert!(!s.deleted_at.contains_key("b"));
    s.prune_tombstones(101 * day);
    assert!(s.deleted.is_empty() && s.deleted_at.is_empty());
}

#[test]
fn round_trips_through_json() {
    let mut s = book();
    s.set_place(anchor(7), 1234);
    s.add_bookmark(Bookmark::new("x".into(), anchor(9), "é ✓".into(), 99_000));
    let json = serde_json::to_string(&s).unwrap();
    assert!(json.contains("\"version\":1"));
    assert_eq!(serde_json::from_str::<BookState>(&json).unwrap(), s);
}

#[test]
fn a_story_piped_in_keeps_the_file_it_was_read_from() {
    let from_file = book();
    let mut piped = book();
    piped.path = "/dev/null/dogear-stdin/fp".into();
    piped.last_read = 7;
    let merged = merge(&from_file, &piped);
    assert_eq!(merged.path, std::path::PathBuf::from("/s.txt"));
    assert_eq!(merged.last_read, 7);
    assert!(merged.copies.is_empty(), "{:?}", merged.copies);
    // Read from a file again (here a copy elsewhere): that file is the book's.
    let mut moved = book();
    moved.path = "/t.txt".into();
    let merged = merge(&merged, &moved);
    assert_eq!(merged.path, std::path::PathBuf::from("/t.txt"));
    assert_eq!(merged.copies, [std::path::PathBuf::from("/s.txt")]);
    // Piped in and never read from a file: the pipe's own path, as before.
    assert_eq!(merge(&piped, &piped).path, piped.path);
}
