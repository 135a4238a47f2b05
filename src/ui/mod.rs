//! Drawing: ratatui widgets that read the model and change nothing.

pub mod library;
mod lists;
mod prompt;
pub mod reader;
pub mod stats;
