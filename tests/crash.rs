//! Killing a dogear in the middle of saving never loses or mangles the saved place.
//!
//! The test re-runs its own executable as a child that saves in a tight loop (each save
//! moves the place one step and rewrites a bookmark whose label records the same step, so
//! a torn or mixed write would show), kills it with SIGKILL at a random moment, and checks
//! the file on disk. 200 rounds.

use dogear::position::Anchor;
use dogear::state::{BookState, Bookmark};
use dogear::store::Store;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use std::{env, fs, thread};

/// Set (to the state directory) when this executable runs as the saving child.
const CHILD_ENV: &str = "DOGEAR_TEST_CRASH_CHILD";
const FP: &str = "crashbook";
const ROUNDS: usize = 200;

fn anchor(offset: usize) -> Anchor {
    Anchor {
        file: None,
        offset,
        percent: 0.0,
        before: "before the place".into(),
        after: "after the place".into(),
    }
}

/// The child: saves forever, printing each step once its save has returned.
#[test]
fn crash_child_saves_in_a_loop() {
    let Some(dir) = env::var_os(CHILD_ENV) else {
        return;
    };
    let store = Store::at(dir);
    let mut state = store.load(FP, Path::new("/story.txt")).state;
    let mut step = state.place.as_ref().map_or(0, |p| p.anchor.offset);
    loop {
        step += 1;
        state.set_place(anchor(step), step as u64);
        // The label's length varies so the file's size changes from save to save.
        let label = format!("{step}:{}", "x".repeat(step * 37 % 4000));
        state.bookmarks.clear();
        state.add_bookmark(Bookmark::new("b".into(), anchor(step), label, step as u64));
        state = store.save(&state).expect("child save");
        println!("saved {step}");
    }
}

#[test]
fn killed_while_saving_leaves_the_old_or_the_new_place() {
    if env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("books").join(format!("{FP}.json"));
    let exe = env::current_exe().unwrap();
    let mut rng = Rng::seeded();
    let started = Instant::now();
    let (mut on_disk, mut rounds_with_progress) = (0usize, 0usize);

    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args(["--exact", "crash_child_saves_in_a_loop", "--nocapture"])
            .args(["--test-threads", "1"])
            .env(CHILD_ENV, tmp.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        thread::sleep(Duration::from_micros(rng.below(30_000)));
        child.kill().unwrap(); // SIGKILL on unix: no destructors, no flushing.
        let out = child.wait_with_output().unwrap();
        let printed = String::from_utf8_lossy(&out.stdout)
            .lines()
            // The harness's "test NAME ... " precedes the first line, so search within it.
            .filter_map(|l| l.split("saved ").nth(1)?.trim().parse::<usize>().ok())
            .max();

        let before = on_disk;
        let lower = printed.unwrap_or(before);
        if !file.exists() {
            assert_eq!(
                lower, 0,
                "round {round}: saves were reported but no file exists"
            );
            continue;
        }
        let bytes = fs::read(&file).unwrap();
        let state: BookState = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            panic!(
                "round {round}: the file does not parse ({e}):\n{}",
                String::from_utf8_lossy(&bytes)
            )
        });
        on_disk = state.place.as_ref().expect("a place").anchor.offset;
        assert!(
            on_disk == lower || on_disk == lower + 1,
            "round {round}: on disk {on_disk}, last confirmed save {lower}; child said:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        let label = &state.bookmarks[0].label;
        assert!(
            label.starts_with(&format!("{on_disk}:")),
            "round {round}: the bookmark is from another save than the place: {label:.20}"
        );
        if on_disk > before {
            rounds_with_progress += 1;
        }
    }

    assert!(
        rounds_with_progress >= ROUNDS / 4,
        "only {rounds_with_progress} of {ROUNDS} children got a save in; the test proved little"
    );
    // A killed writer may leave its temp file; the next save sweeps it.
    let store = Store::at(tmp.path());
    store
        .save(&store.load(FP, Path::new("/story.txt")).state)
        .unwrap();
    let leftovers: Vec<String> = fs::read_dir(tmp.path().join("books"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    eprintln!(
        "{ROUNDS} kills in {:?}, {rounds_with_progress} with progress, last step {on_disk}",
        started.elapsed()
    );
}

/// xorshift64*: enough randomness for kill timings without a crate.
struct Rng(u64);

impl Rng {
    fn seeded() -> Rng {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64);
        Rng(nanos | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}
