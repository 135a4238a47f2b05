//! Reading statistics and time left: the `s` screen and the status bar drawn at fixed
//! sizes, and `dogear --stats [--json]` on a config directory filled by the test.

mod drawn;
use dogear::{
    reading::Finished, reading::Log, reading::Session, reading::Tally, Action, Document, Reader,
    Speed,
};
use drawn::screen;

const HARBOUR: &str = include_str!("fixtures/harbour.txt");
const TODAY: i64 = 20_787; // 2026-11-30

fn reader(width: u16, height: u16) -> Reader {
    Reader::new(
        Document::from_text(HARBOUR),
        "The Harbour Clock",
        (width, height),
        72,
    )
}

/// Two books, read on and off over three weeks; the harbour finished.
fn log(title: &str) -> Log {
    let mut sessions = Vec::new();
    for (i, (ago, minutes)) in [(20, 45), (9, 12), (3, 30), (2, 75), (1, 20), (0, 40)]
        .into_iter()
        .enumerate()
    {
        let book = if i % 2 == 0 { "harbour" } else { "ferry" };
        let start = ((TODAY - ago) as u64 * 86_400 + 20 * 3600) * 1000;
        let mut s = Session::new(format!("s{i}"), book.into(), title.into(), start);
        s.days.insert(
            TODAY - ago,
            Tally {
                ms: minutes * 60_000,
                pages: minutes / 2,
                words: minutes * 240,
            },
        );
        sessions.push(s);
    }
    let mut log = Log {
        sessions,
        ..Log::default()
    };
    log.pace.wpm = Some(238.4);
    log.pace.samples = 40;
    log.finished.insert(
        "harbour".into(),
        Finished {
            title: title.into(),
            at: 1,
        },
    );
    log
}

#[test]
fn stats_screen_80x24() {
    let mut r = reader(80, 24);
    assert_eq!(r.update(Action::Stats), dogear::Effect::Stats);
    r.show_stats(log("The Harbour Clock").summary(TODAY, 0, Some("harbour")));
    insta::assert_snapshot!(screen(&r));
    r.update(Action::Cancel);
    assert_eq!(r.mode(), &dogear::Mode::Reading);
}

#[test]
fn status_bar_shows_time_left_estimated_then_measured_and_compact_when_narrow() {
    let mut r = reader(80, 24);
    assert!(r.time_left(false).is_none(), "no pace, no time left");
    r.set_speed(Some(Speed::Guess));
    let status = screen(&r).lines().nth(23).unwrap().to_owned();
    assert!(
        status.contains("~") && status.contains("in book"),
        "{status}"
    );
    r.set_speed(Some(Speed::Known(250.0)));
    let long = r.time_left(false).unwrap();
    assert!(!long.contains('~'), "{long}");
    let status = screen(&r).lines().nth(23).unwrap().to_owned();
    assert!(status.contains(&long), "{status}");
    // A slower reader has more time left.
    r.set_speed(Some(Speed::Known(60.0)));
    assert_ne!(r.time_left(false).unwrap(), long);
    let mut narrow = reader(50, 12);
    narrow.set_speed(Some(Speed::Guess));
    let compact = narrow.time_left(true).unwrap();
    let status = screen(&narrow).lines().nth(11).unwrap().to_owned();
    assert!(status.contains(&compact), "{status}");
    assert!(!status.contains("in book"), "{status}");
}

#[test]
fn time_left_counts_the_chapter_and_the_book_from_the_place() {
    let mut r = reader(80, 24);
    r.set_speed(Some(Speed::Known(20.0)));
    let at_start = r.time_left(true).unwrap();
    r.update(Action::Bottom);
    let at_end = r.time_left(true).unwrap();
    // The harbour is about 300 words: 15 minutes at 20 words a minute; at the end, what
    // is left is the last page.
    let book = |s: &str| {
        s.rsplit(' ')
            .next()
            .unwrap()
            .trim_end_matches('m')
            .to_owned()
    };
    let (start, end): (u32, u32) = (
        book(&at_start).parse().unwrap(),
        book(&at_end).parse().unwrap(),
    );
    assert!(start >= 12 && end <= start / 2, "{at_start} then {at_end}");
}

mod cli {
    use super::*;
    use assert_cmd::Command;

    fn stats(config: &std::path::Path, args: &[&str]) -> String {
        let out = Command::cargo_bin("dogear")
            .unwrap()
            .env("DOGEAR_CONFIG_DIR", config)
            .arg("--stats")
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    #[test]
    fn stats_json_on_a_filled_config_dir() {
        let dir = tempfile::tempdir().unwrap();
        // A story title with a terminal escape in it never reaches the output raw.
        let log = log("The Harbour\u{1b}[2J Clock");
        dogear::Store::at(dir.path()).save_reading(&log).unwrap();
        let story = dir.path().join("harbour.txt");
        std::fs::write(&story, HARBOUR).unwrap();
        let json = stats(dir.path(), &["--json"]);
        assert!(!json.contains('\u{1b}'));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let minutes: u64 = v["days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["minutes"].as_u64().unwrap())
            .sum();
        // Everything but the session three weeks ago is in the chart, if today is today;
        // the totals do not depend on the day.
        assert!(minutes <= 222);
        assert_eq!(v["total"]["ms"], 222 * 60_000);
        assert_eq!(v["books_finished"], 1);
        assert_eq!(v["wpm"], 238);
        assert!(v["book"].is_null());

        let text = stats(dir.path(), &[]);
        assert!(text.contains("all time 3 h 42 min"), "{text}");
        assert!(text.contains("books finished 1"), "{text}");
        assert!(text.contains("your pace 238 words a minute"), "{text}");

        // With a story: its sessions (none, for a story never read), sanitised title.
        let json = stats(dir.path(), &["--json", story.to_str().unwrap()]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["book"]["sessions"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn stats_of_a_new_reader_say_nothing_read_yet() {
        let dir = tempfile::tempdir().unwrap();
        let text = stats(dir.path(), &[]);
        assert!(text.contains("nothing read yet"), "{text}");
        assert!(text.contains("250 words a minute assumed"), "{text}");
        assert!(
            !dir.path().join("reading.json").exists(),
            "--stats only reads"
        );
    }
}
