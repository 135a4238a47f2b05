//! `reading.json` on disk: two dogears saving their reading at once lose none of it.

use dogear::{reading::Log, reading::Session, reading::Tally, Store};
use std::thread;

fn with_session(id: &str, minutes: u64) -> Log {
    // Begun now, as a running dogear's session is (an old one would be folded).
    let now = dogear::now_ms();
    let mut s = Session::new(id.into(), "book".into(), "Book".into(), now);
    s.days.insert(
        7,
        Tally {
            ms: minutes * 60_000,
            pages: minutes,
            words: minutes * 250,
        },
    );
    Log {
        sessions: vec![s],
        ..Log::default()
    }
}

#[test]
fn two_dogears_saving_at_once_keep_both_reading_times() {
    let dir = tempfile::tempdir().unwrap();
    let writers: Vec<_> = ["one", "two"]
        .into_iter()
        .map(|id| {
            let store = Store::at(dir.path());
            thread::spawn(move || {
                // Each saves its growing session again and again, as the autosave does.
                for minutes in 1..=30 {
                    store.save_reading(&with_session(id, minutes)).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let (log, notice) = Store::at(dir.path()).load_reading();
    assert_eq!(notice, None);
    let total: u64 = log.sessions.iter().map(|s| s.total().ms).sum();
    assert_eq!(
        total,
        60 * 60_000,
        "30 minutes each, neither lost nor doubled"
    );
}

#[test]
fn a_corrupt_reading_file_is_kept_aside_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    std::fs::write(store.reading_path(), "{ not json").unwrap();
    let (log, notice) = store.load_reading();
    assert_eq!(log, Log::default());
    assert!(notice.unwrap().contains("unreadable"));
    let saved = store.save_reading(&with_session("s", 5)).unwrap();
    assert_eq!(saved.sessions.len(), 1);
    let kept = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().starts_with("reading.json.corrupt-")
        })
        .count();
    assert_eq!(kept, 1);
    assert_eq!(store.load_reading().0, saved);
}

/// A year of daily openings, one session each, is written as one folded session for
/// the old ones plus the last month's, and reads back with the same statistics.
#[test]
fn a_year_of_sessions_is_written_folded_with_the_same_statistics() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let day = 86_400_000_u64;
    let now = dogear::now_ms();
    let today = (now / day) as i64;
    let mut log = Log::default();
    for n in 0..365_u64 {
        let mut s = Session::new(format!("s{n}"), "book".into(), "Book".into(), now - n * day);
        s.days.insert(
            today - n as i64,
            Tally {
                ms: (n % 4 + 1) * 60_000,
                pages: n % 3,
                words: n * 10,
            },
        );
        log.sessions.push(s);
    }
    let saved = store.save_reading(&log).unwrap();
    let (loaded, _) = store.load_reading();
    assert_eq!(loaded, saved);
    assert!(loaded.sessions.len() <= 32, "{}", loaded.sessions.len());
    let (a, b) = (
        log.summary(today, 0, Some("book")),
        loaded.summary(today, 0, Some("book")),
    );
    assert_eq!(
        (b.days, b.total, b.week, b.streak),
        (a.days, a.total, a.week, a.streak)
    );
    assert_eq!(b.book.unwrap().total, a.book.unwrap().total);
}

#[test]
fn a_fold_made_while_the_clock_was_ahead_does_not_drop_the_sessions_begun_since() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let day = 86_400_000_u64;
    let now = dogear::now_ms();
    // Written by a dogear whose clock was a year ahead when it folded.
    let ahead = Log {
        folded_before: now + 300 * day,
        ..Log::default()
    };
    let json = serde_json::to_string(&ahead).unwrap();
    std::fs::write(dir.path().join("reading.json"), json).unwrap();
    // The clock is right again: a session begun now is kept, and counted.
    let mut log = Log::default();
    let mut s = Session::new("now".into(), "book".into(), "Book".into(), now);
    let today = (now / day) as i64;
    s.days.insert(
        today,
        Tally {
            ms: 60_000,
            pages: 2,
            words: 500,
        },
    );
    log.sessions.push(s);
    store.save_reading(&log).unwrap();
    let (loaded, _) = store.load_reading();
    assert_eq!(
        loaded.summary(today, 0, Some("book")).total,
        log.summary(today, 0, Some("book")).total
    );
    assert!(loaded.sessions.iter().any(|s| s.id == "now"), "{loaded:?}");
}
