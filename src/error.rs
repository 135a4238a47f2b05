//! The errors a user sees, and the one way they reach stderr.
//!
//! Each says what failed, on which path, and why, once: the path and the operating
//! system's reason (without Rust's "(os error N)") come from the variant's fields, and
//! a store error keeps its own [`StoreError`] (which names its path and reason) rather
//! than being flattened into a string.

use crate::document::LoadError;
use crate::sanitise;
use crate::store::{reason, StoreError};
use std::io::{self, Write};
use std::path::PathBuf;

/// An error for the user: what failed, on which path, and why.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot open {}: {}", .0.display(), reason(.1))]
    Open(PathBuf, io::Error),
    #[error("{}: {}", .1, .0.display())]
    Load(PathBuf, LoadError),
    #[error("cannot write output: {}", reason(.0))]
    Output(io::Error),
    #[error("terminal: {}", reason(.0))]
    Terminal(io::Error),
    #[error(transparent)]
    Input(#[from] crate::input::Error),
    /// The config directory: it names its own path and reason.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A mistake in what was asked (a missing FILE, an unknown bookmark): no path, no
    /// operating system reason.
    #[error("{0}")]
    Other(String),
}

/// A message for stderr, on one line: `message` may name a file, and a file's name may
/// hold anything but `/` and NUL.
pub fn error_line(message: &str) -> String {
    format!("dogear: {}", sanitise::line(message))
}

/// Writes `message` to stderr as [`error_line`] words it. Not `eprintln!`: that panics
/// when stderr is gone (a closed terminal window), and a message is never worth a panic.
pub fn warn(message: &str) {
    let _ = writeln!(io::stderr(), "{}", error_line(message));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_errors_name_the_path_and_the_reason_without_the_os_error_number() {
        let denied = Error::Open("/books/locked.txt".into(), io::Error::from_raw_os_error(13));
        assert_eq!(
            denied.to_string(),
            "cannot open /books/locked.txt: Permission denied"
        );
        let missing = Error::Open("a.txt".into(), io::Error::from_raw_os_error(2));
        assert_eq!(
            missing.to_string(),
            "cannot open a.txt: No such file or directory"
        );
        let binary = Error::Load("x.bin".into(), LoadError::Binary);
        assert_eq!(binary.to_string(), "not a text file (looks binary): x.bin");
    }

    #[test]
    fn a_store_error_keeps_its_path_and_reason_and_says_them_once() {
        let err = Error::from(StoreError::CreateDir {
            path: "/ro/dogear".into(),
            source: io::Error::from_raw_os_error(30),
        });
        assert!(matches!(err, Error::Store(StoreError::CreateDir { .. })));
        assert_eq!(
            err.to_string(),
            "cannot create the state directory /ro/dogear: Read-only file system"
        );
        assert_eq!(
            Error::from(StoreError::NoConfigDir).to_string(),
            "cannot find a directory for dogear's state (set DOGEAR_CONFIG_DIR or HOME)"
        );
    }
}
