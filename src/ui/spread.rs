//! Where the pages are drawn: one column, or two side by side (a spread, `D`), the
//! page's lines running on from the left page to the right one.

use crate::layout::Column;
use crate::reader::Reader;

/// The columns the page's lines fill, in order, a page's height each.
pub(super) fn columns(reader: &Reader) -> Vec<Column> {
    // The encoding picker's preview is one page.
    let right = reader.right_page().filter(|_| reader.picker().is_none());
    std::iter::once(reader.column()).chain(right).collect()
}
