//! Killing a dogear in the middle of saving never loses or mangles the saved place.
//!
//! The test re-runs its own executable as a child that saves in a tight loop (each save
//! moves the place one step and rewrites a bookmark whose label records the same step, so
//! a torn or mixed write would show), kills it with SIGKILL in the middle of a save, and
//! checks the file on disk. 100 rounds.
//!
//! Each round waits for the child to report a random number (1 to 4) of saves past the
//! last round's, then kills it a random 0 to 2 ms later, while it is in its next save. So
//! every round proves something, however slow the machine (the test once killed at a
//! random moment and needed a quarter of 200 children to have saved at all), and the
//! random choices come from a seed that is printed and can be given back:
//! `DOGEAR_TEST_CRASH_SEED=N cargo test --test crash`.
//!
//! A binary of its own (`harness = false`, see tests/plain): the saving child is not a test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a failed test"
)]

mod plain;

use dogear::{Anchor, BookState, Bookmark, Store};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use std::{env, fs, thread};

/// Set (to the state directory) when this executable runs as the saving child.
const CHILD_ENV: &str = "DOGEAR_TEST_CRASH_CHILD";
const FP: &str = "crashbook";
const ROUNDS: usize = 100;
/// Set to a number to replay the random choices of an earlier run (it prints its seed).
const SEED_ENV: &str = "DOGEAR_TEST_CRASH_SEED";

fn main() -> ExitCode {
    plain::main(
        CHILD_ENV,
        child_saves_in_a_loop,
        &[(
            "killed_while_saving_leaves_the_old_or_the_new_place",
            killed_while_saving_leaves_the_old_or_the_new_place,
        )],
    )
}

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
fn child_saves_in_a_loop() {
    let dir = env::var_os(CHILD_ENV).expect("the state directory");
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

fn killed_while_saving_leaves_the_old_or_the_new_place() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("books").join(format!("{FP}.json"));
    let exe = env::current_exe().unwrap();
    let seed = env::var(SEED_ENV).ok().and_then(|s| s.parse().ok());
    let mut rng = Rng::seeded(seed);
    eprintln!("crash test seed {} (replay: {SEED_ENV}={})", rng.0, rng.0);
    let started = Instant::now();
    let (mut on_disk, mut rounds_with_progress) = (0usize, 0usize);

    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .env(CHILD_ENV, tmp.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait for `saves` reports (the child's stdout is a pipe: each line comes as the
        // save before it returned), then kill the child a moment into its next save.
        let saves = 1 + usize::try_from(rng.below(4)).unwrap();
        let pause = Duration::from_micros(rng.below(2_000));
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut printed = Vec::new();
        while printed.len() < saves {
            let line = lines.next().expect("the child ended").unwrap();
            printed.push(line);
        }
        thread::sleep(pause);
        child.kill().unwrap(); // SIGKILL on unix: no destructors, no flushing.
                               // Whatever it reported before it died.
        printed.extend(lines.map_while(Result::ok));
        child.wait().unwrap();
        let out = printed.join("\n");
        let printed = printed
            .iter()
            .filter_map(|l| l.strip_prefix("saved ")?.trim().parse::<usize>().ok())
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
            "round {round}: on disk {on_disk}, last confirmed save {lower}; child said:\n{out}"
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

    // Each round waited for a save past the last: none can have been lost.
    assert_eq!(
        rounds_with_progress, ROUNDS,
        "a round's reported saves were not on disk"
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
    /// From `seed`, or from the clock.
    fn seeded(seed: Option<u64>) -> Rng {
        let nanos = || {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(1, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
        };
        Rng(seed.unwrap_or_else(nanos) | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}
