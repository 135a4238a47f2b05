//! Drawing: ratatui widgets that read the model and change nothing.

mod cells;
mod emphasis;
pub mod help;
pub mod library;
mod lists;
mod progress;
mod prompt;
pub mod reader;
mod spread;
pub mod stats;
pub mod theme;
