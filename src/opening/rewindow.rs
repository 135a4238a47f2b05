//! A new window for the reader, read from the file, when it moves beyond its window into
//! the text indexed so far (see [`crate::document::indexed`]): from the anchor before the
//! place, with the same evidence the first window was classified with, so that it looks
//! as the whole story will and its offsets are the whole text's.

use super::{Opening, WINDOW};
use crate::document::indexed::LEAD;
use crate::document::load;
use crate::reader::Reader;
use crate::saturating::usize_from;

/// Reads the window the reader wants, if it wants one, and puts it on it: `true` when it
/// moved. Once the indexed text is handed on to the whole story, which is a moment away,
/// the wanted place is left for it (see `Reader::whole`).
pub(super) fn serve(opening: &Opening, reader: &mut Reader) -> bool {
    let (Some(at), Some(index)) = (reader.wanted_window(), &opening.index) else {
        return false;
    };
    let (anchor, charset, on_file) = {
        let part = index.read();
        match (part.gone, part.charset) {
            (false, Some(charset)) => (
                part.anchor_before(at.saturating_sub(LEAD)),
                charset,
                part.on_file.clone(),
            ),
            _ => return false,
        }
    };
    // Twice the way to the place, for encodings of two bytes a character (UTF-16).
    let lead = at.saturating_sub(usize_from(anchor.text));
    // Where the file ends: as it was indexed, when its text was let go.
    let file_len = on_file.as_ref().map_or(opening.len, |f| f.file_len);
    let read = match on_file {
        // The story's text let go: read where the file is known to be the one indexed.
        Some(f) => {
            let mut bytes = vec![0; 2 * lead + WINDOW];
            f.source.read_at(anchor.raw, &mut bytes).map(|n| {
                bytes.truncate(n);
                bytes
            })
        }
        None => crate::storyfile::open(&opening.path)
            .and_then(|mut file| load::read_at(&mut file, anchor.raw, 2 * lead + WINDOW)),
    };
    match read {
        Ok(bytes) => {
            let ends = anchor.raw + bytes.len() as u64 >= file_len;
            let edges = load::Edges {
                starts_file: anchor.text == 0,
                ends_file: ends,
                whole_lines: false,
            };
            let doc = load::window_at(&bytes, charset, edges, &opening.evidence);
            reader.rewindow(doc, usize_from(anchor.text));
            reader.window_read_at(anchor.raw);
            true
        }
        Err(err) => {
            reader.window_failed(&format!("cannot read the story there: {err}"));
            false
        }
    }
}
