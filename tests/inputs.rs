//! Inputs that never end: a FIFO with no writer, endless devices, a gigabyte of NULs.
//! Each is refused at once with a message that says what it is, never read to the end
//! of memory nor waited on for ever.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;
use std::time::Duration;

/// Long enough for a slow machine to start the binary; a hang is killed well before
/// the test harness would notice it.
const AT_ONCE: Duration = Duration::from_secs(20);

fn dogear(config: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dogear").unwrap();
    cmd.env("DOGEAR_CONFIG_DIR", config).timeout(AT_ONCE);
    cmd
}

#[cfg(unix)]
#[test]
fn a_fifo_with_no_writer_is_refused_without_blocking_in_open() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("story.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for args in [
        &["--print"][..],
        &["--bookmarks"],
        &["--bookmarks", "--json"],
    ] {
        dogear(&dir.path().join("config"))
            .args(args)
            .arg(&fifo)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("not a regular file (a FIFO)"));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn endless_devices_are_refused_before_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    for device in ["/dev/zero", "/dev/urandom"] {
        for args in [&["--print"][..], &["--bookmarks"]] {
            dogear(&dir.path().join("config"))
                .args(args)
                .arg(device)
                .assert()
                .code(1)
                .stderr(predicate::str::contains(
                    "not a regular file (a character device)",
                ));
        }
    }
}

#[cfg(unix)]
#[test]
fn a_gigabyte_of_nuls_is_refused_after_its_first_8_kb() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zeros.txt");
    // Sparse: a gigabyte that costs no disk, and no time unless somebody reads it all.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    // Under a 256 MB address-space limit: reading the whole file before looking at its
    // first 8 KB used to need a gigabyte, and died of it.
    let limited = |flag: &str| {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "ulimit -v 262144 && exec \"$0\" \"$@\""])
            .arg(assert_cmd::cargo::cargo_bin("dogear"))
            .arg(flag)
            .arg(&path)
            .env("DOGEAR_CONFIG_DIR", dir.path().join("config"))
            .timeout(AT_ONCE);
        cmd
    };
    limited("--print")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("looks binary"));
    // --bookmarks needs the fingerprint's 12 KB of samples, not the file.
    limited("--bookmarks").assert().success();
}
