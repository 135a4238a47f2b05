//! Drawing: ratatui widgets that read the model and change nothing.

mod emphasis;
pub mod library;
mod lists;
mod progress;
mod prompt;
mod spread;
pub mod reader;
pub mod stats;
pub mod theme;
