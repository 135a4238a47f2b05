//! The local time zone's offset from UTC, for dates shown to the reader (shell code: it
//! reads the system's time zone).
//!
//! The zone is read when a date is first wanted, from whichever thread wants it (jiff's
//! system zone is thread-safe, unlike the C library's), so start-up does not pay for it;
//! each date takes the offset in force at its own time (summer time or not).

use jiff::tz::TimeZone;
use jiff::Timestamp;
use std::sync::OnceLock;

/// The system's time zone (`TZ`, else `/etc/localtime`), read once; UTC when it cannot be.
fn zone() -> &'static TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    ZONE.get_or_init(read_zone)
}

/// Without `TZ`, the rules in `/etc/localtime` themselves: jiff's own lookup first indexes
/// the whole zoneinfo directory to name the zone (0.6 ms here), which dates do not need.
/// With `TZ` (a name, a path or POSIX rules), jiff's lookup.
fn read_zone() -> TimeZone {
    if std::env::var_os("TZ").is_none() {
        let local = std::fs::read("/etc/localtime").ok();
        if let Some(zone) = local.and_then(|rules| TimeZone::tzif("localtime", &rules).ok()) {
            return zone;
        }
    }
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

/// Seconds to add to a UTC time to get local time at `unix_secs` (0 when unknown).
pub fn offset_at(unix_secs: i64) -> i64 {
    offset_in(zone(), unix_secs)
}

fn offset_in(zone: &TimeZone, unix_secs: i64) -> i64 {
    Timestamp::from_second(unix_secs).map_or(0, |t| i64::from(zone.to_offset(t).seconds()))
}

/// Seconds to add to a UTC time to get local time now (0 when unknown).
pub fn offset_secs() -> i64 {
    i64::from(zone().to_offset(Timestamp::now()).seconds())
}

/// A unix time in seconds, to be shown in local time (the view formats it).
pub fn stamp(unix_secs: i64) -> crate::calendar::Stamp {
    crate::calendar::Stamp {
        unix_secs,
        utc_offset: offset_at(unix_secs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_takes_the_offset_in_force_at_its_own_time() {
        // Central European time: an hour east in winter, two in summer.
        let cet = TimeZone::posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        assert_eq!(offset_in(&cet, 1_704_067_200), 3600, "1 January 2024");
        assert_eq!(offset_in(&cet, 1_719_792_000), 7200, "1 July 2024");
        assert_eq!(offset_in(&TimeZone::UTC, 1_719_792_000), 0);
        assert!(offset_secs().abs() <= 14 * 3600);
        assert_eq!(stamp(1_719_792_000).utc_offset, offset_at(1_719_792_000));
    }

    #[test]
    fn the_zone_read_from_localtime_is_the_one_jiff_finds() {
        let ours = read_zone();
        let theirs = TimeZone::try_system().unwrap_or(TimeZone::UTC);
        for secs in [0, 1_704_067_200, 1_719_792_000, 1_800_000_000] {
            assert_eq!(
                offset_in(&ours, secs),
                offset_in(&theirs, secs),
                "at {secs}"
            );
        }
    }
}
