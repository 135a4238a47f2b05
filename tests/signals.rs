//! Signals that used to kill dogear or leave it stuck.

#![cfg(unix)]

use assert_cmd::Command;
use predicates::prelude::*;
use std::time::Duration;

/// `ulimit -f` makes the kernel send SIGXFSZ on a write past the limit, which killed
/// dogear (leaving the terminal raw when it was saving a state file from the reader):
/// the write must fail with an error that is reported instead.
#[test]
fn a_write_past_ulimit_f_is_an_error_not_a_kill_by_sigxfsz() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    std::fs::write(&story, "Many words in a row. ".repeat(20_000)).unwrap();
    let out = dir.path().join("out.txt");
    Command::new("sh")
        .args(["-c", "ulimit -f 8 && exec \"$0\" --print \"$1\" > \"$2\""])
        .arg(assert_cmd::cargo::cargo_bin("dogear"))
        .arg(&story)
        .arg(&out)
        .env("DOGEAR_CONFIG_DIR", dir.path().join("config"))
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot write output: File too large",
        ));
}
