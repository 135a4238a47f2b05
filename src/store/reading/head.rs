//! The head of `reading.json` (its version, the reader's pace, the books finished), read
//! without the sessions that most of a long log is: a log is written with its sessions
//! last, so the reading stops where they start. A log written with them before the books
//! finished (by an older dogear) is read through them, skipping them.

use crate::reading::{Finished, Log, Pace};
use serde::de::{DeserializeSeed, Deserializer, Error, IgnoredAny, MapAccess, Visitor};
use std::collections::BTreeMap;

/// What is read of the head so far.
#[derive(Default)]
struct Fields {
    version: Option<u32>,
    pace: Pace,
    finished: Option<BTreeMap<String, Finished>>,
    folded_before: u64,
    /// The reading stopped at the sessions, all of the head read.
    stopped: bool,
}

/// The head of the log whose JSON is `bytes` (its sessions left empty); `None` when it
/// is not a log.
pub(super) fn head_of(bytes: &[u8]) -> Option<Log> {
    let mut fields = Fields::default();
    let mut json = serde_json::Deserializer::from_slice(bytes);
    let read = Head(&mut fields).deserialize(&mut json);
    if read.is_err() && !fields.stopped {
        return None;
    }
    Some(Log {
        version: fields.version?,
        pace: fields.pace,
        sessions: Vec::new(),
        finished: fields.finished.unwrap_or_default(),
        folded_before: fields.folded_before,
    })
}

struct Head<'a>(&'a mut Fields);

impl<'de> DeserializeSeed<'de> for Head<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Head<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a reading log")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let fields = self.0;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match &*key {
                "version" => fields.version = Some(map.next_value()?),
                "pace" => fields.pace = map.next_value()?,
                "finished" => fields.finished = Some(map.next_value()?),
                "folded_before" => fields.folded_before = map.next_value()?,
                // The sessions come last: the head is all read. An error is the one way
                // to stop a reading half way.
                "sessions" if fields.finished.is_some() => {
                    fields.stopped = true;
                    return Err(A::Error::custom("the head is read"));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::head_of;
    use crate::reading::{Log, Session};

    fn log() -> Log {
        let mut log = Log::default();
        log.pace
            .feed(300, std::time::Duration::from_secs(60), 1_000);
        log.finished.insert(
            "fp".into(),
            crate::reading::Finished {
                title: "The Keeper".into(),
                at: 5,
            },
        );
        log.folded_before = 7;
        for i in 0..3 {
            log.sessions
                .push(Session::new(format!("s{i}"), "fp".into(), "t".into(), i));
        }
        log
    }

    /// A part of a log written as JSON (for a log put together by hand).
    fn json<T: serde::Serialize>(part: &T) -> String {
        serde_json::to_string(part).unwrap()
    }

    fn without_sessions(mut log: Log) -> Log {
        log.sessions.clear();
        log
    }

    #[test]
    fn the_head_of_a_log_as_written_is_the_log_without_its_sessions() {
        let json = serde_json::to_vec_pretty(&log()).unwrap();
        assert_eq!(head_of(&json), Some(without_sessions(log())));
    }

    #[test]
    fn the_reading_stops_where_the_sessions_start() {
        // What follows the sessions' key is not even looked at.
        let json = serde_json::to_string(&log()).unwrap();
        let at = json.find("\"sessions\"").unwrap();
        let cut = format!("{}\"sessions\": [ not json at all", &json[..at]);
        assert_eq!(head_of(cut.as_bytes()), Some(without_sessions(log())));
    }

    #[test]
    fn a_log_with_its_sessions_first_is_read_through_them() {
        // As an older dogear wrote it: the books finished after the sessions.
        let whole = log();
        let json = format!(
            "{{\"version\": {}, \"pace\": {}, \"sessions\": {}, \"finished\": {}, \"folded_before\": 7}}",
            whole.version,
            json(&whole.pace),
            json(&whole.sessions),
            json(&whole.finished),
        );
        assert!(json.find("\"sessions\"") < json.find("\"finished\""));
        assert_eq!(head_of(json.as_bytes()), Some(without_sessions(whole)));
    }

    #[test]
    fn what_is_no_log_has_no_head() {
        assert_eq!(head_of(b"{ not json"), None);
        assert_eq!(head_of(b"[1, 2]"), None);
        assert_eq!(head_of(b"{\"pace\": {}}"), None, "no version");
    }
}
