//! Finding the place and the bookmarks again in a story whose text changed (see the
//! parent module).

use crate::document::Document;
use crate::position::{self, Found};
use crate::state::BookState;

/// Re-finds the place and every bookmark by their quotes when the story's text changed
/// since it was last read (`changed`), or when an earlier re-finding only guessed by
/// percent. Returns what to tell the reader, if anything.
///
/// A guess by percent never replaces a quote: the last confirmed anchor is kept beside
/// the guess (`kept`) and tried first next time, so a file that is briefly cut short
/// (a partial download, an editor's non-atomic save) finds the place again when it is
/// whole.
pub(super) fn refind_all(state: &mut BookState, doc: &Document, changed: bool) -> Option<String> {
    let guessed = state.place.as_ref().is_some_and(|p| p.kept.is_some())
        || state.bookmarks.iter().any(|b| b.kept.is_some());
    if !changed && !guessed {
        return None;
    }
    let mut said = Vec::new();
    if let Some(place) = &mut state.place {
        if refind_kept(&mut place.anchor, &mut place.kept, doc) {
            if changed {
                said.push("the story changed since you last read it: your place was found".into());
            }
        } else {
            said.push(format!(
                "the story changed; your place could not be found exactly, showing about {:.0} %",
                place.anchor.percent
            ));
        }
        state.percent = place.anchor.percent;
    } else if changed {
        said.push("the story changed since you last read it".into());
    }
    if !state.bookmarks.is_empty() {
        let found = state
            .bookmarks
            .iter_mut()
            .map(|b| refind_kept(&mut b.anchor, &mut b.kept, doc))
            .filter(|&f| f)
            .count();
        if changed || found < state.bookmarks.len() {
            said.push(format!(
                "{found} of {} bookmarks found",
                state.bookmarks.len()
            ));
        }
    }
    (!said.is_empty()).then(|| said.join("; "))
}

/// Re-finds one anchor: by the confirmed quote (`kept`, else the anchor itself). Found,
/// the anchor moves there and is confirmed; not found, the anchor becomes a guess by
/// percent and the confirmed one stays in `kept`. Returns whether the quote was found.
fn refind_kept(
    anchor: &mut position::Anchor,
    kept: &mut Option<position::Anchor>,
    doc: &Document,
) -> bool {
    let confirmed = kept.take().unwrap_or_else(|| anchor.clone());
    let (offset, found) = position::refind(&confirmed, doc);
    if found == Found::ByPercent {
        // The guess keeps the confirmed percent, so guesses never drift.
        *anchor = position::anchor(doc, offset);
        anchor.percent = confirmed.percent;
        *kept = Some(confirmed);
        false
    } else {
        *anchor = position::anchor(doc, offset);
        true
    }
}
