//! The bundled stories written out into the config directory, so a story from the binary
//! has a real path like any other (shell code: the stories themselves are
//! [`crate::stories`]).

use super::files::replace;
use super::StoreError;
use crate::stories::Bundled;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Writes `b` into `dir` (created if needed) and returns its path.
///
/// Writes only when the file is missing or its bytes differ, so a story the user has
/// already opened keeps its modification time, and a newer dogear quietly refreshes an
/// older copy. The write is the store's one atomic write (temporary file,
/// fsync, rename, fsync of the directory), so a crash never leaves half a story behind.
pub fn materialise(b: &Bundled, dir: &Path) -> Result<PathBuf, StoreError> {
    let path = dir.join(b.file_name);
    match fs::read(&path) {
        Ok(existing) if existing == b.bytes => return Ok(path),
        Ok(_) => {}
        // No folder (or a file in its place): creating it says what is wrong.
        Err(e) if e.kind() == io::ErrorKind::NotFound || !dir.is_dir() => {}
        Err(source) => return Err(StoreError::Read { path, source }),
    }
    fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
        path: dir.to_owned(),
        source,
    })?;
    replace(&path, b.bytes)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> &'static Bundled {
        &crate::stories::all()[0]
    }

    #[test]
    fn the_atomic_write_replaces_a_copy_and_leaves_no_temporary_file() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("story.txt");
        fs::write(&file, "old").unwrap();
        replace(&file, b"new bytes").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"new bytes");
        let names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["story.txt"]);
    }

    #[test]
    fn the_atomic_write_names_the_path_and_the_reason_when_it_cannot_write() {
        let tmp = tempfile::tempdir().unwrap();
        // A directory where the story's file should go: the rename is refused.
        let file = tmp.path().join("story.txt");
        fs::create_dir(&file).unwrap();
        fs::write(file.join("inside"), "x").unwrap();
        let err = replace(&file, b"bytes").unwrap_err();
        assert!(
            matches!(&err, StoreError::Write { path, .. } if *path == file),
            "{err:?}"
        );
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("cannot write {}: ", file.display())),
            "{message}"
        );
        assert!(!message.contains("os error"), "{message}");
        // Nothing left beside it.
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn materialise_creates_the_folder_and_says_which_folder_it_could_not_create() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("config").join("stories");
        let path = materialise(sample(), &dir).unwrap();
        assert_eq!(fs::read(&path).unwrap(), sample().bytes);

        let blocker = tmp.path().join("a-file");
        fs::write(&blocker, "").unwrap();
        let under_a_file = blocker.join("stories");
        let err = materialise(sample(), &under_a_file).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "cannot create the state directory {}: Not a directory",
                under_a_file.display()
            )
        );
    }
}
