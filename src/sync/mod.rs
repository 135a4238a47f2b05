//! Progress sync with KOReader's sync server.

pub mod xpointer;
