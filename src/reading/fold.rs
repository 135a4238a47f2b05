//! Folding old sessions: `reading.json` gets a session for every opening of a book, and
//! after a year of daily reading every start-up would parse hundreds of them. Sessions
//! that began long enough ago are added up, day by day, into one folded session per
//! book, which keeps every statistic exact: the time, pages and words of each day (the
//! chart, the week, the streak, the totals) and of each book. Only the list of a book's
//! sessions shows the folded ones as one line.
//!
//! Two dogears may fold at once, or one may save sessions another has folded: the log
//! keeps the time before which every session is folded ([`Log::folded_before`]), and
//! [`super::merge`] leaves out a session that began before it, so no reading is counted
//! twice.

use super::{Log, Session};
use std::collections::BTreeMap;

/// Sessions that began more than this long ago (30 days, in milliseconds) are folded:
/// long past any dogear still open on them, while the recent sessions stay listed one by
/// one.
pub const FOLD_AFTER_MS: u64 = 30 * 86_400_000;

/// Folds every session of `log` that began before `before` (unix milliseconds) into its
/// book's folded session. The shell calls it with the time now less [`FOLD_AFTER_MS`].
///
/// ```
/// use dogear::reading::{fold, Log, Session};
/// let mut log = Log::default();
/// for (id, start) in [("a", 10), ("b", 20), ("c", 30)] {
///     log.sessions.push(Session::new(id.into(), "book".into(), String::new(), start));
/// }
/// fold(&mut log, 25);
/// assert_eq!(log.sessions.len(), 2); // the folded one and "c"
/// ```
pub fn fold(log: &mut Log, before: u64) {
    if before <= log.folded_before || !log.sessions.iter().any(|s| !s.folded && s.start < before) {
        return;
    }
    let mut folded: BTreeMap<String, Session> = BTreeMap::new();
    let mut kept = Vec::new();
    for s in std::mem::take(&mut log.sessions) {
        if !s.folded && s.start >= before {
            kept.push(s);
            continue;
        }
        match folded.get_mut(&s.book) {
            None => {
                let mut f = s;
                f.id = format!("folded:{}", f.book);
                f.folded = true;
                folded.insert(f.book.clone(), f);
            }
            Some(f) => {
                // Sessions come oldest first: the later title is the book's newest.
                if !s.title.is_empty() {
                    f.title = s.title;
                }
                f.start = f.start.min(s.start);
                for (day, tally) in &s.days {
                    f.days.entry(*day).or_default().add(tally);
                }
            }
        }
    }
    log.sessions = folded.into_values().chain(kept).collect();
    log.sessions
        .sort_by(|x, y| (x.start, &x.id).cmp(&(y.start, &y.id)));
    log.folded_before = before;
}

#[cfg(test)]
mod tests {
    use super::super::{merge, Log, Session, Tally};
    use super::fold;

    const DAY: u64 = 86_400_000;

    /// A year of daily reading: two books, one session a day (some days two), each a
    /// different length.
    fn year() -> Log {
        let mut log = Log::default();
        for day in 0..365_u64 {
            for k in 0..=(day % 3 / 2) {
                let book = if day < 200 { "a" } else { "b" };
                let mut s = Session::new(
                    format!("s{day}-{k}"),
                    book.into(),
                    format!("Book {book}"),
                    day * DAY + k * 3_600_000,
                );
                let t = Tally {
                    ms: (day % 7 + 1) * 60_000,
                    pages: day % 5 + 1,
                    words: (day % 5 + 1) * 240,
                };
                s.days.insert(day as i64, t);
                if day % 10 == 0 {
                    // A session read past midnight.
                    s.days.insert(day as i64 + 1, t);
                }
                log.sessions.push(s);
            }
        }
        log.finished.insert(
            "a".into(),
            super::super::Finished {
                title: "Book a".into(),
                at: 199 * DAY,
            },
        );
        log
    }

    #[test]
    fn a_year_of_sessions_folds_into_one_per_book_with_every_statistic_kept() {
        let log = year();
        let today = 365;
        let mut folded = log.clone();
        fold(&mut folded, (today - 30) * DAY);
        assert!(
            folded.sessions.len() <= 2 + 2 * 31,
            "{}",
            folded.sessions.len()
        );
        for book in [None, Some("a"), Some("b")] {
            let before = log.summary(today as i64, 0, book);
            let after = folded.summary(today as i64, 0, book);
            assert_eq!(after.days, before.days);
            assert_eq!(after.total, before.total);
            assert_eq!(after.week, before.week);
            assert_eq!(after.streak, before.streak);
            assert_eq!(after.books_finished, before.books_finished);
            assert_eq!(after.wpm, before.wpm);
            let (b, a) = (before.book.as_ref(), after.book.as_ref());
            assert_eq!(
                a.map(|x| (&x.title, x.total)),
                b.map(|x| (&x.title, x.total))
            );
        }
        // Every day's reading is kept, not just the totals.
        let by_day = |log: &Log| {
            let mut m = std::collections::BTreeMap::<i64, Tally>::new();
            for s in &log.sessions {
                for (d, t) in &s.days {
                    m.entry(*d).or_default().add(t);
                }
            }
            m
        };
        assert_eq!(by_day(&folded), by_day(&log));
        // Folding again, later, adds the next days to the same folded sessions.
        let mut again = folded.clone();
        fold(&mut again, (today - 10) * DAY);
        assert_eq!(by_day(&again), by_day(&log));
        assert!(again.sessions.len() < folded.sessions.len());
    }

    #[test]
    fn a_dogear_that_loaded_the_log_before_a_fold_does_not_count_old_sessions_twice() {
        let log = year();
        let total = log.summary(365, 0, None).total;
        // One dogear folds and saves; another, opened before, still holds every session
        // and saves after it, with a session of its own.
        let mut one = log.clone();
        fold(&mut one, 335 * DAY);
        let mut two = log.clone();
        let mut s = Session::new("new".into(), "b".into(), "Book b".into(), 365 * DAY);
        let t = Tally {
            ms: 60_000,
            pages: 1,
            words: 250,
        };
        s.days.insert(365, t);
        two.sessions.push(s);
        let mut expected = total;
        expected.add(&t);
        for merged in [merge(&one, &two), merge(&two, &one)] {
            assert_eq!(merged.summary(365, 0, None).total, expected);
            assert_eq!(merge(&merged, &merged), merged);
            assert_eq!(merge(&merged, &two), merged);
            assert_eq!(merge(&merged, &one), merged);
        }
        // Two dogears folding at different times agree once merged.
        let mut three = log.clone();
        fold(&mut three, 300 * DAY);
        let merged = merge(&merge(&three, &one), &log);
        assert_eq!(merged.summary(365, 0, None).total, total);
        // The later fold holds the earlier, so both orders give one log.
        assert_eq!(merge(&one, &three), merge(&three, &one));
        assert_eq!(merged.summary(365, 0, None).total, total);
    }
}
