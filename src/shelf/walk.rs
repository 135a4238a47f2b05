//! Finding story files under folders on a background thread, so the library draws at
//! once and fills in, and every key and signal keeps working while a big tree is walked
//! (`dogear /`, a folder with a link to `/`, `library = ["/"]`).
//!
//! The walk is bounded: [`MAX_DEPTH`] levels, [`MAX_LOOKED`] entries looked at,
//! [`MAX_FOUND`] stories found, and it never enters a virtual file system (`/proc`,
//! `/sys`, `/dev`), by a link or otherwise. It stops as soon as its [`Walk`] is dropped.

use crate::document::Charset;
use crate::library::FolderFile;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;

/// Folders deeper than this below a library folder are not looked in.
pub const MAX_DEPTH: usize = 8;
/// Entries (files and folders) looked at before the walk gives up.
pub const MAX_LOOKED: usize = 200_000;
/// At most this many story files are listed (a home directory by mistake must not make
/// the library unusable).
pub const MAX_FOUND: usize = 5000;
/// Trees that hold no stories and never end: kernel and device views of the machine.
const VIRTUAL: &[&str] = &["/proc", "/sys", "/dev"];

/// A walk under way. Dropping it stops the thread at its next entry.
#[derive(Debug)]
pub struct Walk {
    found: Receiver<FolderFile>,
    looked: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
}

impl Walk {
    /// Starts walking `folders` for story files (`.txt`), titling each as it is found
    /// (in the encoding `remembered` for it, by fingerprint, if one was chosen).
    pub fn start(folders: Vec<PathBuf>, remembered: HashMap<String, Charset>) -> Walk {
        let (tx, found) = mpsc::channel();
        let looked = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (l, c) = (Arc::clone(&looked), Arc::clone(&cancel));
        std::thread::Builder::new()
            .name("dogear-library-walk".into())
            .spawn(move || {
                walk(&folders, &remembered, &l, &c, |file| tx.send(file).is_ok());
            })
            .map(|_| ())
            // No thread, no walk: the library shows what it has without folder stories.
            .unwrap_or(());
        Walk {
            found,
            looked,
            cancel,
        }
    }

    /// Moves what was found since the last call into `into`. `false` once the walk has
    /// ended (and everything it found has been taken).
    pub fn take(&self, into: &mut Vec<FolderFile>) -> bool {
        loop {
            match self.found.try_recv() {
                Ok(file) => into.push(file),
                Err(TryRecvError::Empty) => return true,
                Err(TryRecvError::Disconnected) => return false,
            }
        }
    }

    /// Entries looked at so far: the visible sign that the walk is moving.
    pub fn looked(&self) -> usize {
        self.looked.load(Ordering::Relaxed)
    }
}

impl Drop for Walk {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Walks `folders`, calling `found` for each story file until it returns `false`, the
/// walk is cancelled, or a bound is reached.
pub fn walk(
    folders: &[PathBuf],
    remembered: &HashMap<String, Charset>,
    looked: &AtomicUsize,
    cancel: &AtomicBool,
    mut found: impl FnMut(FolderFile) -> bool,
) {
    // Fingerprinting reads a few samples of each file: only when there is a choice to find.
    let chosen = |path: &Path| {
        if remembered.is_empty() {
            return None;
        }
        let fingerprint = crate::storyfile::fingerprint(path).ok()?;
        remembered.get(&fingerprint).copied()
    };
    let mut count = 0;
    let slow = slow_disk();
    for dir in folders {
        let root = dir.canonicalize().unwrap_or_else(|_| dir.clone());
        let entries = walkdir::WalkDir::new(&root)
            .follow_links(true)
            .max_depth(MAX_DEPTH)
            .into_iter()
            .filter_entry(|e| !is_virtual(e));
        for entry in entries {
            if cancel.load(Ordering::Relaxed)
                || looked.fetch_add(1, Ordering::Relaxed) >= MAX_LOOKED
            {
                return;
            }
            if let Some(pause) = slow {
                std::thread::sleep(pause);
            }
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() || !is_story(entry.path()) {
                continue;
            }
            let path = entry
                .path()
                .canonicalize()
                .unwrap_or_else(|_| entry.path().to_owned());
            let title = super::title_of_file(&path, chosen(&path));
            count += 1;
            if !found(FolderFile { title, path }) || count >= MAX_FOUND {
                return;
            }
        }
    }
}

/// Lets the end-to-end tests see keys and signals work during a walk however fast the
/// disk: debug builds pause a millisecond an entry when `DOGEAR_TEST_SLOW_WALK` is set.
/// Release builds never do.
fn slow_disk() -> Option<std::time::Duration> {
    (cfg!(debug_assertions) && std::env::var_os("DOGEAR_TEST_SLOW_WALK").is_some())
        .then_some(std::time::Duration::from_millis(1))
}

pub fn is_story(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("txt"))
}

/// Whether `entry` is a folder in a virtual file system, itself or through a link.
fn is_virtual(entry: &walkdir::DirEntry) -> bool {
    if !entry.file_type().is_dir() {
        return false;
    }
    let real = if entry.path_is_symlink() {
        match entry.path().canonicalize() {
            Ok(real) => real,
            Err(_) => return true,
        }
    } else {
        entry.path().to_owned()
    };
    VIRTUAL.iter().any(|v| real.starts_with(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found_in(dir: &Path) -> (Vec<FolderFile>, usize) {
        let looked = AtomicUsize::new(0);
        let mut files = Vec::new();
        let none = HashMap::new();
        walk(
            &[dir.to_owned()],
            &none,
            &looked,
            &AtomicBool::new(false),
            |f| {
                files.push(f);
                true
            },
        );
        (files, looked.into_inner())
    }

    #[cfg(unix)]
    #[test]
    fn links_into_proc_sys_and_dev_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("story.txt"), "A story.\n").unwrap();
        for target in ["/proc", "/sys", "/dev", "/proc/self"] {
            let name = target.replace('/', "_");
            std::os::unix::fs::symlink(target, dir.path().join(name)).unwrap();
        }
        let (files, looked) = found_in(dir.path());
        assert_eq!(files.len(), 1);
        // The folder and the story: the links are pruned before anything behind them.
        assert_eq!(looked, 2);
    }

    #[test]
    fn the_walk_is_bounded_in_depth() {
        let dir = tempfile::tempdir().unwrap();
        let mut deep = dir.path().to_owned();
        for level in 0..MAX_DEPTH + 2 {
            deep.push(format!("d{level}"));
            std::fs::create_dir(&deep).unwrap();
            std::fs::write(deep.join("s.txt"), "Words.\n").unwrap();
        }
        let (files, _) = found_in(dir.path());
        assert_eq!(files.len(), MAX_DEPTH - 1);
    }

    #[test]
    fn a_cancelled_walk_stops() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..10 {
            std::fs::write(dir.path().join(format!("{i}.txt")), "Words.\n").unwrap();
        }
        let looked = AtomicUsize::new(0);
        let cancel = AtomicBool::new(false);
        let mut n = 0;
        walk(
            &[dir.path().to_owned()],
            &HashMap::new(),
            &looked,
            &cancel,
            |_| {
                n += 1;
                cancel.store(true, Ordering::Relaxed);
                true
            },
        );
        assert_eq!(n, 1);
    }
}
