//! Dates for people: calendar arithmetic on unix times, and a moment as the view shows it.
//!
//! Pure: no clock and no time zone database. The shell reads the clock and the local
//! offset (`localtime`) and hands both in as numbers; the view and the
//! command-line listings turn them into text here.

/// A moment to show the reader: a unix time and the offset from UTC it is shown in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stamp {
    /// Seconds since 1970-01-01 UTC.
    pub unix_secs: i64,
    /// Seconds to add to get local time (east of UTC positive; 0 for UTC).
    pub utc_offset: i64,
}

impl Stamp {
    /// `YYYY-MM-DD HH:MM` in the stamp's local time.
    ///
    /// ```
    /// use dogear::Stamp;
    /// let stamp = Stamp { unix_secs: 1_795_536_300, utc_offset: 3600 };
    /// assert_eq!(stamp.date_time(), "2026-11-24 17:05");
    /// ```
    pub fn date_time(self) -> String {
        civil_date_time(self.unix_secs.saturating_add(self.utc_offset))
    }
}

/// `YYYY-MM-DD HH:MM` for a unix time in seconds (UTC; add the local offset first for
/// local time).
///
/// ```
/// assert_eq!(dogear::civil_date_time(1795536300), "2026-11-24 16:05");
/// ```
pub fn civil_date_time(unix_secs: i64) -> String {
    let days = unix_secs.div_euclid(86_400);
    let secs = unix_secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        secs / 3600,
        secs % 3600 / 60
    )
}

/// Howard Hinnant's `civil_from_days`: the proleptic Gregorian date `days` after
/// 1970-01-01. Written out rather than pulling in a date crate for one line of output.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of era, 0..=146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // 0..=365, from March 1st
    let mp = (5 * doy + 2) / 153; // month from March, 0..=11
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_across_leap_days_and_before_1970() {
        assert_eq!(civil_date_time(0), "1970-01-01 00:00");
        assert_eq!(civil_date_time(951_868_740), "2000-02-29 23:59");
        assert_eq!(civil_date_time(-86_400), "1969-12-31 00:00");
    }

    #[test]
    fn a_stamp_is_shown_in_its_own_offset_across_midnight() {
        let midnight = Stamp {
            unix_secs: 1_795_564_800, // 2026-11-25 00:00 UTC
            utc_offset: 0,
        };
        assert_eq!(midnight.date_time(), "2026-11-25 00:00");
        let west = Stamp {
            utc_offset: -5 * 3600,
            ..midnight
        };
        assert_eq!(west.date_time(), "2026-11-24 19:00");
        let east = Stamp {
            utc_offset: 5 * 3600 + 1800,
            ..midnight
        };
        assert_eq!(east.date_time(), "2026-11-25 05:30");
    }
}
