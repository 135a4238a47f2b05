use super::*;

fn session(id: &str, book: &str, start: u64, days: &[(i64, u64, u64)]) -> Session {
    let mut s = Session::new(id.into(), book.into(), format!("Title {book}"), start);
    for &(day, minutes, pages) in days {
        s.days.insert(
            day,
            Tally {
                ms: minutes * 60_000,
                pages,
                words: pages * 250,
            },
        );
    }
    s
}

#[test]
fn two_dogears_open_at_once_keep_each_others_reading_time() {
    // Both loaded the same log; each then read for a while in its own session.
    let base = Log {
        sessions: vec![session("old", "a", 1, &[(100, 30, 10)])],
        ..Log::default()
    };
    let mut one = base.clone();
    one.sessions.push(session("one", "a", 5, &[(101, 20, 8)]));
    let mut two = base.clone();
    two.sessions.push(session("two", "b", 6, &[(101, 15, 5)]));
    let disk = merge(&base, &one); // the first saves
    let disk = merge(&disk, &two); // then the second, merged with it
    let total: u64 = disk.sessions.iter().map(|s| s.total().ms).sum();
    assert_eq!(total, (30 + 20 + 15) * 60_000);
    // The first saves again after reading more: its session grows, not doubles.
    one.sessions[1].days.get_mut(&101).unwrap().ms += 10 * 60_000;
    let disk = merge(&disk, &one);
    let total: u64 = disk.sessions.iter().map(|s| s.total().ms).sum();
    assert_eq!(total, (30 + 30 + 15) * 60_000);
    // Idempotent and commutative.
    assert_eq!(merge(&disk, &disk), disk);
    assert_eq!(merge(&one, &two), merge(&two, &one));
}

#[test]
fn finished_books_keep_the_first_time_their_end_was_reached() {
    let mut a = Log::default();
    a.finished.insert(
        "x".into(),
        Finished {
            title: "X".into(),
            at: 50,
        },
    );
    let mut b = Log::default();
    b.finished.insert(
        "x".into(),
        Finished {
            title: "X".into(),
            at: 20,
        },
    );
    b.finished.insert(
        "y".into(),
        Finished {
            title: "Y".into(),
            at: 70,
        },
    );
    let m = merge(&a, &b);
    assert_eq!(m.finished["x"].at, 20);
    assert_eq!(m.finished.len(), 2);
    assert_eq!(m, merge(&b, &a));
}

#[test]
fn summary_counts_the_week_the_streak_and_this_books_sessions() {
    let today = 20_000;
    let mut log = Log {
        sessions: vec![
            session("s1", "a", 1_000, &[(today - 10, 60, 20)]),
            session("s2", "a", 2_000, &[(today - 2, 10, 4), (today - 1, 5, 2)]),
            session("s3", "b", 3_000, &[(today, 25, 9)]),
        ],
        ..Log::default()
    };
    log.finished.insert(
        "b".into(),
        Finished {
            title: String::new(),
            at: 1,
        },
    );
    let s = log.summary(today, 0, Some("a"));
    assert_eq!(s.days.len(), CHART_DAYS);
    assert_eq!(s.days.last().unwrap().minutes, 25);
    assert_eq!(s.week.ms, 40 * 60_000);
    assert_eq!(s.total.pages, 35);
    assert_eq!(s.streak, 3);
    assert_eq!(s.books_finished, 1);
    let book = s.book.unwrap();
    assert_eq!(book.sessions.len(), 2);
    assert_eq!(book.sessions[0].minutes, 15, "newest first");
    // Nothing read today yet: yesterday's streak still counts.
    assert_eq!(log.summary(today + 1, 0, None).streak, 3);
    assert_eq!(log.summary(today + 2, 0, None).streak, 0);
}

#[test]
fn the_log_round_trips_through_json() {
    let log = Log {
        sessions: vec![session("s1", "a", 1_000, &[(-3, 60, 20), (4, 1, 1)])],
        ..Log::default()
    };
    let json = serde_json::to_string(&log).unwrap();
    assert_eq!(serde_json::from_str::<Log>(&json).unwrap(), log);
    assert_eq!(
        serde_json::from_str::<Log>("{\"version\":1}").unwrap(),
        Log::default()
    );
}
