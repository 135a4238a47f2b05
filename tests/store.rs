//! The state directory on a real disk: atomic writes, merging writers, recovery from
//! corrupt files and unwritable directories, and book identity by fingerprint.

use dogear::{fingerprint, of_bytes, of_reader, Anchor, BookState, Bookmark, Store, StoreError};
use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

fn anchor(offset: usize) -> Anchor {
    Anchor {
        file: None,
        offset,
        percent: offset as f64 / 100.0,
        before: "before".into(),
        after: "after".into(),
    }
}

fn book(fp: &str) -> BookState {
    BookState::new(fp.into(), "/stories/s.txt".into(), "S".into())
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn save_round_trips_and_leaves_no_temp_files() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let mut s = book("abc123");
    s.set_place(anchor(4200), 1_000);
    s.add_bookmark(Bookmark::new("b1".into(), anchor(10), "Dawn".into(), 2_000));
    for _ in 0..3 {
        store.save(&s).unwrap();
    }
    let loaded = store.load("abc123", Path::new("/stories/s.txt"));
    assert_eq!(loaded.notice, None);
    assert_eq!(loaded.state, s);
    assert_eq!(
        names(&tmp.path().join("books")),
        ["abc123.json", "abc123.json.lock"]
    );
}

#[test]
fn every_book_file_carries_a_format_version() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    store.save(&book("v1")).unwrap();
    let text = fs::read_to_string(tmp.path().join("books/v1.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["version"], 1);
}

#[test]
fn two_writers_merge_and_deletions_stay_deleted() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (Store::at(tmp.path()), Store::at(tmp.path()));
    let p = Path::new("/stories/s.txt");
    let mut mine = a.load("fp", p).state;
    let mut theirs = b.load("fp", p).state;

    mine.add_bookmark(Bookmark::new("a1".into(), anchor(1), "A1".into(), 10));
    mine.add_bookmark(Bookmark::new("a2".into(), anchor(2), "A2".into(), 10));
    mine = a.save(&mine).unwrap();
    theirs.add_bookmark(Bookmark::new("b1".into(), anchor(3), "B1".into(), 20));
    theirs = b.save(&theirs).unwrap();
    assert_eq!(ids(&theirs), ["a1", "a2", "b1"]);

    // A deletes a2; B still holds it in memory and saves again: it must not come back.
    mine.remove_bookmark("a2");
    a.save(&mine).unwrap();
    theirs.set_place(anchor(99), 30);
    let after = b.save(&theirs).unwrap();
    assert_eq!(ids(&after), ["a1", "b1"]);
    assert_eq!(ids(&a.load("fp", p).state), ["a1", "b1"]);
    assert_eq!(after.place.unwrap().anchor.offset, 99);
}

fn ids(s: &BookState) -> Vec<&str> {
    s.bookmarks.iter().map(|b| b.id.as_str()).collect()
}

#[test]
fn corrupt_file_is_kept_aside_with_its_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let books = tmp.path().join("books");
    fs::create_dir_all(&books).unwrap();
    let garbage = b"{\"version\": 1, \"fingerprint\": \"dead\", \"place\": {trunc";
    fs::write(books.join("dead.json"), garbage).unwrap();

    let loaded = store.load("dead", Path::new("/s.txt"));
    assert_eq!(loaded.state.place, None);
    let notice = loaded.notice.expect("the reader is told");
    let kept: Vec<String> = names(&books)
        .into_iter()
        .filter(|n| n.starts_with("dead.json.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", names(&books));
    assert!(notice.contains(&kept[0]), "{notice}");
    assert_eq!(fs::read(books.join(&kept[0])).unwrap(), garbage);
    assert!(!books.join("dead.json").exists());

    // A second corrupt file in the same second gets its own name; nothing is overwritten.
    fs::write(books.join("dead.json"), b"also bad").unwrap();
    store.load("dead", Path::new("/s.txt"));
    let kept: Vec<String> = names(&books)
        .into_iter()
        .filter(|n| n.starts_with("dead.json.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
}

#[test]
fn unwritable_directory_is_an_error_and_loading_still_works() {
    // A path under a regular file cannot be created, even by root.
    let tmp = tempfile::tempdir().unwrap();
    let blocker = tmp.path().join("not-a-dir");
    fs::write(&blocker, b"x").unwrap();
    let store = Store::at(blocker.join("dogear"));

    let loaded = store.load("fp", Path::new("/s.txt"));
    assert_eq!(loaded.state.fingerprint, "fp");
    assert_eq!(loaded.notice, None);
    let err = store.save(&loaded.state).unwrap_err();
    assert!(matches!(err, StoreError::CreateDir { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("not-a-dir"), "{msg}");
    assert!(!msg.contains("os error"), "{msg}");
    assert!(store.list().is_empty());
}

#[test]
fn bad_fingerprint_cannot_escape_the_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("d"));
    let err = store.save(&book("../../etc/x")).unwrap_err();
    assert!(matches!(err, StoreError::BadFingerprint(_)), "{err:?}");
}

#[test]
fn edited_story_is_found_by_path_and_moves_to_its_new_fingerprint() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("state"));
    let story = tmp.path().join("story.txt");
    fs::write(&story, "Once upon a time.").unwrap();
    let old_fp = fingerprint(&story).unwrap();
    let mut s = store.load(&old_fp, &story).state;
    s.set_place(anchor(5), 100);
    s.add_bookmark(Bookmark::new("m".into(), anchor(7), "Mark".into(), 100));
    store.save(&s).unwrap();

    fs::write(&story, "Once upon a time, edited.").unwrap();
    let new_fp = fingerprint(&story).unwrap();
    assert_ne!(old_fp, new_fp);
    let loaded = store.load(&new_fp, &story);
    assert_eq!(loaded.changed_from.as_deref(), Some(old_fp.as_str()));
    assert_eq!(loaded.state.fingerprint, new_fp);
    assert_eq!(loaded.state.place.as_ref().unwrap().anchor.offset, 5);
    assert_eq!(ids(&loaded.state), ["m"]);

    let saved = store.save(&loaded.state).unwrap();
    assert_eq!(saved.replaces, None);
    let listed = store.list();
    assert_eq!(listed.len(), 1, "the story is listed once");
    assert_eq!(listed[0].fingerprint, new_fp);
    assert_eq!(ids(&listed[0]), ["m"]);
    // Found by fingerprint now, not by path.
    assert_eq!(store.load(&new_fp, &story).changed_from, None);
}

/// A copy of a book opened from another folder and then edited took the original's
/// place and bookmarks; the original, still there unchanged, then opened at 0 %.
#[test]
fn an_edited_copy_beside_the_original_is_a_second_book() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("state"));
    let original = tmp.path().join("story.txt");
    fs::write(&original, "Once upon a time.").unwrap();
    let old_fp = fingerprint(&original).unwrap();
    let mut s = store.load(&old_fp, &original).state;
    s.set_place(anchor(5), 100);
    s.add_bookmark(Bookmark::new("m".into(), anchor(7), "Mark".into(), 100));
    store.save(&s).unwrap();

    // The copy is the same content: the same book, read from another folder.
    fs::create_dir(tmp.path().join("drafts")).unwrap();
    let copy = tmp.path().join("drafts/story.txt");
    fs::copy(&original, &copy).unwrap();
    let opened = store.load(&old_fp, &copy).state;
    assert_eq!(opened.place.as_ref().unwrap().anchor.offset, 5);
    store.save(&opened).unwrap();

    fs::write(&copy, "Once upon a time, edited in the copy.").unwrap();
    let new_fp = fingerprint(&copy).unwrap();
    let edited = store.load(&new_fp, &copy);
    assert_eq!(edited.changed_from, None, "the copy does not take over");
    assert!(edited.state.place.is_none());
    assert!(edited.state.bookmarks.is_empty());
    store.save(&edited.state).unwrap();

    let back = store.load(&old_fp, &original);
    assert_eq!(back.state.place.as_ref().unwrap().anchor.offset, 5);
    assert_eq!(ids(&back.state), ["m"]);
    assert_eq!(store.list().len(), 2, "two books");
}

/// The other side of the rule: a file moved (the old path gone) and then edited is
/// still found by its path and keeps its place.
#[test]
fn a_moved_then_edited_story_keeps_its_place() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("state"));
    let first = tmp.path().join("story.txt");
    fs::write(&first, "Once upon a time.").unwrap();
    let old_fp = fingerprint(&first).unwrap();
    let mut s = store.load(&old_fp, &first).state;
    s.set_place(anchor(5), 100);
    store.save(&s).unwrap();

    let moved = tmp.path().join("renamed.txt");
    fs::rename(&first, &moved).unwrap();
    store.save(&store.load(&old_fp, &moved).state).unwrap();
    fs::write(&moved, "Once upon a time, edited.").unwrap();
    let new_fp = fingerprint(&moved).unwrap();
    let edited = store.load(&new_fp, &moved);
    assert_eq!(edited.changed_from.as_deref(), Some(old_fp.as_str()));
    assert_eq!(edited.state.place.as_ref().unwrap().anchor.offset, 5);
}

#[test]
fn moved_story_keeps_its_place_by_fingerprint() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let mut s = book("same");
    s.set_place(anchor(77), 5);
    store.save(&s).unwrap();
    let loaded = store.load("same", Path::new("/elsewhere/renamed.txt"));
    assert_eq!(loaded.state.place.unwrap().anchor.offset, 77);
    assert_eq!(loaded.state.path, Path::new("/elsewhere/renamed.txt"));
}

#[test]
fn list_is_most_recent_first_and_forget_removes() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    for (fp, t) in [("old", 1_000), ("new", 9_000), ("mid", 5_000)] {
        let mut s = book(fp);
        s.set_place(anchor(1), t * 1000);
        store.save(&s).unwrap();
    }
    fs::write(tmp.path().join("books/junk.json"), "nope").unwrap();
    let fps: Vec<String> = store.list().into_iter().map(|s| s.fingerprint).collect();
    assert_eq!(fps, ["new", "mid", "old"]);
    assert!(store.forget("mid").unwrap());
    assert!(!store.forget("mid").unwrap());
    assert_eq!(store.list().len(), 2);
}

/// `Store::open` as the program calls it, with `DOGEAR_CONFIG_DIR` set for that process
/// only (`dogear --config` prints where config.toml is and the settings read from it):
/// setting it in this multi-threaded test process would race the other tests.
#[test]
fn open_honours_the_environment_override() {
    let tmp = tempfile::tempdir().unwrap();
    let config = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dogear"))
            .arg("--config")
            .env(dogear::DIR_ENV, tmp.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert!(out.stderr.is_empty(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let path = Store::at(tmp.path()).config_path();
    let first = config();
    assert!(
        first.starts_with(&format!("# {} (not there", path.display())),
        "{first}"
    );
    assert!(first.contains("\nmax_width = 72\n"), "{first}");
    fs::write(&path, "max_width = 64\n").unwrap();
    let second = config();
    assert!(
        second.starts_with(&format!("# {}\n", path.display())),
        "{second}"
    );
    assert!(second.contains("\nmax_width = 64\n"), "{second}");
}

// --- fingerprints -------------------------------------------------------------------

fn fp_both(bytes: &[u8]) -> String {
    let from_slice = of_bytes(bytes);
    let from_reader = of_reader(&mut std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(from_slice, from_reader);
    from_slice
}

#[test]
fn fingerprint_vectors_match_koreader() {
    assert_eq!(fp_both(b""), "d41d8cd98f00b204e9800998ecf8427e");
    assert_eq!(fp_both(&[b'a'; 1000]), "cabe45dcc9ae5b66ba86600cca6b8ba8");
    assert_eq!(fp_both(&[b'a'; 1024]), "c9a34cfc85d982698c6ac89f76071abd");
    assert_eq!(fp_both(&[b'a'; 1025]), "ae187e1febee2a150b64849c32d566ca");
    let mod256: Vec<u8> = (0..100_000u32)
        .map(|i| u8::try_from(i % 256).unwrap())
        .collect();
    assert_eq!(fp_both(&mod256), "cdf42aa40dd5d52b504e8a068136b905");
    let mod251: Vec<u8> = (0..2_097_152u32).map(|i| (i % 251) as u8).collect();
    assert_eq!(fp_both(&mod251), "da96d9df9e3ed2a4e922f3641ba40600");
}

#[test]
fn fingerprint_of_a_file_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.txt");
    fs::write(&path, [b'a'; 1025]).unwrap();
    assert_eq!(
        fingerprint(&path).unwrap(),
        "ae187e1febee2a150b64849c32d566ca"
    );
}

#[test]
fn fingerprint_of_a_sparse_2_gib_file_reads_only_samples() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("huge.txt");
    let mut f = fs::File::create(&path).unwrap();
    f.write_all(b"hello").unwrap();
    f.set_len(2 << 30).unwrap();
    drop(f);
    let start = Instant::now();
    let got = fingerprint(&path).unwrap();
    assert!(start.elapsed().as_secs_f64() < 1.0, "{:?}", start.elapsed());
    // The samples: "hello" plus zeros in the first KiB, then eleven KiB of zeros (the
    // last at 1 GiB, well inside the file).
    let mut expected = Vec::with_capacity(12 * 1024);
    expected.extend_from_slice(b"hello");
    expected.resize(12 * 1024, 0);
    use md5::Digest;
    let digest = md5::Md5::digest(&expected);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(got, hex);
}

#[test]
fn load_moves_a_corrupt_file_aside_only_under_the_lock_and_only_if_still_corrupt() {
    use fs4::fs_std::FileExt;
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let books = tmp.path().join("books");
    fs::create_dir_all(&books).unwrap();
    fs::write(books.join("beef.json"), b"{ torn").unwrap();
    // Another dogear is saving this book: it holds the lock and is about to replace the file.
    let lock = fs::File::create(books.join("beef.json.lock")).unwrap();
    FileExt::lock_exclusive(&lock).unwrap();
    let loading = {
        let store = store.clone();
        std::thread::spawn(move || store.load("beef", Path::new("/stories/s.txt")))
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    let mut fresh = book("beef");
    fresh.set_place(anchor(42), 1000);
    let json = serde_json::to_vec(&fresh).unwrap();
    fs::write(books.join(".beef.tmp"), json).unwrap();
    fs::rename(books.join(".beef.tmp"), books.join("beef.json")).unwrap();
    FileExt::unlock(&lock).unwrap();
    let loaded = loading.join().unwrap();
    assert_eq!(loaded.state.place.map(|p| p.anchor.offset), Some(42));
    assert!(
        names(&books).iter().all(|n| !n.contains(".corrupt-")),
        "the fresh file was not moved aside: {:?}",
        names(&books)
    );
}

/// Each round the two threads start their saves together (a barrier), so the two locks
/// are taken at the same moment in every round: 40 such rounds try the lock order harder
/// than the 300 unsynchronised saves a thread this test once made (9 s of fsyncs).
#[test]
fn two_saves_that_replace_each_other_do_not_deadlock() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (done, finished) = std::sync::mpsc::channel();
    let together = std::sync::Arc::new(std::sync::Barrier::new(2));
    for (new, old) in [("aaaa", "bbbb"), ("bbbb", "aaaa")] {
        let store = store.clone();
        let done = done.clone();
        let together = together.clone();
        std::thread::spawn(move || {
            for _ in 0..40 {
                let mut state = book(new);
                state.replaces = Some(old.into());
                together.wait();
                store.save(&state).unwrap();
            }
            done.send(()).unwrap();
        });
    }
    for _ in 0..2 {
        finished
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("both saves finish (no deadlock)");
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_planted_as_a_lock_file_is_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("config"));
    let books = tmp.path().join("config").join("books");
    fs::create_dir_all(&books).unwrap();
    let target = tmp.path().join("victim");
    std::os::unix::fs::symlink(&target, books.join("cafe.json.lock")).unwrap();
    let result = store.save(&book("cafe"));
    assert!(matches!(result, Err(StoreError::Lock { .. })), "{result:?}");
    assert!(!target.exists(), "no file created through the link");
}

#[test]
fn bookmarks_listing_does_not_move_a_corrupt_file_aside() {
    let tmp = tempfile::tempdir().unwrap();
    let story = tmp.path().join("s.txt");
    fs::write(&story, "A small story.\n").unwrap();
    let fp = fingerprint(&story).unwrap();
    let books = tmp.path().join("config").join("books");
    fs::create_dir_all(&books).unwrap();
    fs::write(books.join(format!("{fp}.json")), b"{ torn").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dogear"))
        .arg("--bookmarks")
        .arg(&story)
        .env("DOGEAR_CONFIG_DIR", tmp.path().join("config"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("unreadable"));
    assert_eq!(
        names(&books),
        [format!("{fp}.json")],
        "only read, nothing moved"
    );
    // Nor does peeking from the library API.
    let loaded = Store::at(tmp.path().join("config")).peek(&fp, &story);
    assert!(loaded.notice.is_some());
    assert_eq!(names(&books), [format!("{fp}.json")]);
}
