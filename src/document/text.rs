//! A story's whole text: made by decoding and normalising its bytes, or, for a UTF-8
//! file that needed neither, the file's own bytes mapped into memory (see
//! `crate::mapped`, the shell's), so that a gigabyte is not held twice over while it is
//! indexed.

use std::sync::Arc;

/// A story's file mapped into memory: its bytes are taken as the text piece by piece,
/// each where it is the same as the text made of it.
pub trait MappedText: Send + Sync + std::fmt::Debug {
    /// Takes `piece` as the next of the text when the file's bytes there are the same;
    /// `false`, and nothing taken, when they are not.
    fn confirm(&self, piece: &str) -> bool;

    /// The text taken so far.
    fn text(&self) -> &str;

    /// The file's length.
    fn file_len(&self) -> usize;
}

/// A story's text (see the module's docs).
#[derive(Debug, Clone)]
pub enum Text {
    Made(String),
    Mapped(Arc<dyn MappedText>),
}

impl Text {
    pub fn as_str(&self) -> &str {
        match self {
            Self::Made(text) => text,
            Self::Mapped(mapped) => mapped.text(),
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Self::Made(String::new())
    }
}
