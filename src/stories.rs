//! The sample stories that ship inside the binary.
//!
//! A new user runs `dogear` with nothing to read, so the library is never empty:
//! these stories are embedded with `include_bytes!` and each one shows off a text
//! format the reader handles (blank-line paragraphs, hard-wrapped chapters, verse,
//! typewriter indents, CRLF with CJK and emoji, a legacy encoding). The bytes are
//! embedded untouched, line endings and encodings included, because the point is to
//! exercise the same decoding path a user's own files take.
//!
//! The reader wants a real path for every book (state is keyed by content but the
//! path is kept as a hint), so the shell writes a bundled story out into the config
//! directory the first time it is opened ([`crate::store::materialise`]). This module
//! only holds the bytes.

/// One story embedded in the binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bundled {
    /// The file name it is written under, e.g. `the-night-ferry.txt`.
    pub file_name: &'static str,
    /// The file's bytes exactly as committed in `stories/`.
    pub bytes: &'static [u8],
}

macro_rules! bundled {
    ($($name:literal),* $(,)?) => {
        &[$(Bundled {
            file_name: $name,
            bytes: include_bytes!(concat!("../stories/", $name)),
        }),*]
    };
}

/// Ordered as a newcomer should meet them: the friendliest format first.
static ALL: &[Bundled] = bundled![
    "the-lighthouse-keepers-cat.txt",
    "the-clockmaker-of-saltmarket-lane.txt",
    "the-night-ferry.txt",
    "the-lost-property-office.txt",
    "zoe-at-the-kissaten.txt",
    "creme-brulee-windows-1252.txt",
];

/// Every bundled story.
pub fn all() -> &'static [Bundled] {
    ALL
}

/// The bundled story with this file name, if there is one.
pub fn find(file_name: &str) -> Option<&'static Bundled> {
    ALL.iter().find(|b| b.file_name == file_name)
}
