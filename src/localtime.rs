//! The local time zone's offset from UTC, for dates shown to the reader (shell code: it
//! reads the system's time zone).
//!
//! Read once, at start-up, while the process has one thread: the `time` crate refuses to
//! read the local offset from a multi-threaded process on Unix (the C library's time zone
//! functions are not thread-safe there), and says UTC instead.

use std::sync::OnceLock;

static OFFSET: OnceLock<i64> = OnceLock::new();

/// Reads the local offset now; call first thing in `main`, before any thread starts.
pub fn init() {
    OFFSET.get_or_init(read);
}

/// Seconds to add to a UTC time to get local time (0 when unknown).
pub fn offset_secs() -> i64 {
    *OFFSET.get_or_init(read)
}

fn read() -> i64 {
    time::UtcOffset::current_local_offset().map_or(0, |o| i64::from(o.whole_seconds()))
}

/// A unix time in seconds, to be shown in local time (the view formats it).
pub fn stamp(unix_secs: i64) -> crate::calendar::Stamp {
    crate::calendar::Stamp {
        unix_secs,
        utc_offset: offset_secs(),
    }
}
