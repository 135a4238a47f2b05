use super::*;
use crate::document::Document;
use crate::reader::Action;

fn story() -> Reader {
    let para = "The ferry left at nine and the harbour lights went out one by one. ";
    let text: String = (0..200).map(|_| para.repeat(4) + "\n\n").collect();
    Reader::new(Document::from_text(&text), "Ferry", (80, 24), 72)
}

fn turn(tracker: &mut Tracker, reader: &mut Reader, action: Action, at: Instant) {
    reader.update(action);
    tracker.moved(reader, at);
}

#[test]
fn no_time_read_is_nothing_to_write() {
    // A story opened and closed in the same instant leaves no session in the log.
    let mut r = story();
    let mut t = Tracker::start(None, Head::read(None), "fp", &mut r);
    let t0 = t.last.2;
    t.moved(&mut r, t0);
    assert!(!t.dirty);
    t.moved(&mut r, t0 + Duration::from_millis(5));
    assert!(t.dirty);
}

#[test]
fn page_turns_measure_the_pace_and_idle_gaps_skims_and_jumps_do_not() {
    let mut r = story();
    let mut t = Tracker::start(None, Head::read(None), "fp", &mut r);
    let t0 = t.last.2;
    let minute = Duration::from_secs(60);
    for i in 1..=4 {
        turn(&mut t, &mut r, Action::PageDown, t0 + minute * i);
    }
    let wpm = t.log.pace.known().expect("four pages read at an even pace");
    assert!((100.0..400.0).contains(&wpm), "{wpm}");
    let read = |t: &Tracker| t.log.sessions[0].total();
    assert_eq!(read(&t).ms, 4 * 60_000);
    assert_eq!(read(&t).pages, 4);

    // Twenty minutes away: neither time read nor a sample.
    let back = t0 + minute * 24;
    turn(&mut t, &mut r, Action::PageDown, back);
    assert_eq!(read(&t).ms, 4 * 60_000);
    assert_eq!(t.log.pace.samples, 4);
    // Pages flicked through a second apart: a skim, no sample.
    turn(
        &mut t,
        &mut r,
        Action::PageDown,
        back + Duration::from_secs(1),
    );
    turn(
        &mut t,
        &mut r,
        Action::PageDown,
        back + Duration::from_secs(2),
    );
    assert_eq!(t.log.pace.samples, 4);
    // A jump to the end, a minute later: not reading on, no sample.
    turn(&mut t, &mut r, Action::Bottom, back + minute * 3);
    assert_eq!(t.log.pace.samples, 4);
    assert!(t.log.finished.contains_key("fp"), "the end was reached");
    assert_eq!(r.time_left(false).map(|s| s.starts_with('~')), Some(false));
}

#[test]
fn a_book_opens_on_the_logs_pace_and_its_other_sessions_are_kept_when_it_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path().to_owned());
    // Another day's reading, at a pace measured over many pages.
    let mut before = Tracker::start(
        Some(store.clone()),
        Head::read(Some(&store)),
        "fp",
        &mut story(),
    );
    before.log.pace.wpm = Some(123.0);
    before.log.pace.samples = 40;
    before.log.finished.insert(
        "other".into(),
        crate::reading::Finished {
            title: "Other".into(),
            at: 5,
        },
    );
    before.session().days.entry(1).or_default().ms = 60_000;
    before.save(Instant::now());
    let first = before.id.clone();

    let mut r = story();
    let mut t = Tracker::start(Some(store.clone()), Head::read(Some(&store)), "fp", &mut r);
    assert!(t.log.sessions.iter().all(|s| s.id != first), "not read");
    assert_eq!(t.log.pace.samples, 40);
    assert_eq!(r.time_left(false).map(|s| s.starts_with('~')), Some(false));
    let t0 = t.last.2;
    turn(
        &mut t,
        &mut r,
        Action::PageDown,
        t0 + Duration::from_secs(30),
    );
    t.finish();
    let (disk, _) = store.load_reading();
    let ids: Vec<&str> = disk.sessions.iter().map(|s| s.id.as_str()).collect();
    assert!(ids.contains(&first.as_str()) && ids.contains(&t.id.as_str()));
    assert_eq!(
        disk.sessions.iter().map(|s| s.total().ms).sum::<u64>(),
        90_000
    );
    assert!(disk.finished.contains_key("other"));
}

#[test]
fn a_long_log_is_read_on_a_thread_of_its_own_and_gives_the_same_head() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path().to_owned());
    let mut log = Log::default();
    log.pace.wpm = Some(211.0);
    log.pace.samples = 7;
    for n in 0..400 {
        let start = store::now_ms() + n;
        let mut session = Session::new(format!("s{n}"), "fp".into(), "Ferry".into(), start);
        session.days.entry(20_000).or_default().ms = 1000;
        log.sessions.push(session);
    }
    store.save_reading(&log).unwrap();
    assert!(std::fs::metadata(store.reading_path()).unwrap().len() > READ_APART_FROM);
    let head = Head::read(Some(&store));
    assert!(head.0.is_some(), "read apart");
    let read = head.log();
    assert_eq!((read.pace, read.sessions.len()), (log.pace, 0));
}
