//! What a user reads on stderr when a command fails: one line that names the path and
//! the reason once, asserted exactly.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `dogear ARGS` run in `dir` with the config folder `config`.
fn run(dir: &Path, config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dogear"))
        .args(args)
        .current_dir(dir)
        .env("DOGEAR_CONFIG_DIR", config)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Stderr of a run that failed and wrote nothing to stdout.
fn failure(out: &Output) -> String {
    assert!(!out.status.success(), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[test]
fn bookmarks_with_a_state_folder_that_cannot_be_read_names_the_folder_and_why() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("story.txt"), "A story.\n").unwrap();
    // The config folder under a regular file: nothing in it can be read.
    let blocker = tmp.path().join("a-file");
    std::fs::write(&blocker, "").unwrap();
    let config = blocker.join("config");
    let want = format!(
        "dogear: cannot read {}: Not a directory\n",
        config.join("books").display()
    );
    for args in [&["--bookmarks"][..], &["--bookmarks", "story.txt"]] {
        assert_eq!(failure(&run(tmp.path(), &config, args)), want, "{args:?}");
    }
}

#[test]
fn a_missing_story_names_the_path_and_the_reason_once() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config");
    for args in [
        &["--print", "missing.txt"][..],
        &["--bookmarks", "missing.txt"],
        &["--toc", "missing.txt"],
    ] {
        assert_eq!(
            failure(&run(tmp.path(), &config, args)),
            "dogear: cannot open missing.txt: No such file or directory\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_directory_given_as_a_story_is_refused_by_name() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config");
    std::fs::create_dir(tmp.path().join("shelf")).unwrap();
    for args in [
        &["--print", "shelf"][..],
        &["--bookmarks", "shelf"],
        &["--toc", "shelf"],
    ] {
        assert_eq!(
            failure(&run(tmp.path(), &config, args)),
            "dogear: cannot open shelf: Is a directory\n",
            "{args:?}"
        );
    }
}
