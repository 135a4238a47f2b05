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

/// `YYYY-MM-DD HH:MM` in local time for a unix time in seconds.
pub fn date_time(unix_secs: i64) -> String {
    crate::state::civil_date_time(unix_secs + offset_secs())
}
