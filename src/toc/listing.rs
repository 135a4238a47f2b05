//! The chapter list for the shell and for scripts: the chapter holding a place, and
//! `dogear --toc` as text or JSON.

use super::Chapter;
use crate::document::Document;
use crate::position;
use serde::Serialize;

/// Index of the chapter that contains `offset`: the last one starting at or before it.
pub fn current(chapters: &[Chapter], offset: usize) -> Option<usize> {
    chapters
        .partition_point(|c| c.offset <= offset)
        .checked_sub(1)
}

/// `dogear --toc`: one chapter a line, its percent then its title, e.g.
/// ` 12.3%  CHAPTER II. The First Day's Journey`. Empty when there are none.
pub fn listing_text(doc: &Document, chapters: &[Chapter]) -> String {
    chapters
        .iter()
        .map(|c| {
            let indent = "  ".repeat(usize::from(c.level.saturating_sub(1)));
            let pct = position::percent(doc, c.offset);
            format!("{pct:>5.1}%  {indent}{}\n", c.title)
        })
        .collect()
}

/// `dogear --toc --json`: the chapters as a pretty JSON array, for scripts.
pub fn listing_json(doc: &Document, chapters: &[Chapter]) -> String {
    #[derive(Serialize)]
    struct Row<'a> {
        offset: usize,
        percent: f64,
        title: &'a str,
        level: u8,
    }
    let rows: Vec<Row> = chapters
        .iter()
        .map(|c| Row {
            offset: c.offset,
            percent: (position::percent(doc, c.offset) * 10.0).round() / 10.0,
            title: &c.title,
            level: c.level,
        })
        .collect();
    // Plain strings and numbers cannot fail to serialise.
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned()) + "\n"
}
