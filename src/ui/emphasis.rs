//! A page line with its emphasis markers hidden: the text to draw, and where it is
//! italic or bold (see [`crate::layout::emphasis`]).

use crate::document::Document;
use crate::layout::emphasis::{markers, Mark, Marker};
use crate::layout::ScreenLine;
use ratatui::style::Modifier;
use std::ops::Range;

/// Stands in for a marker while the line's whitespace is collapsed, then is dropped:
/// `BASE + 2 * bold + open`. From the Private Use Area; a line holding one of these itself
/// is drawn as written.
const BASE: u32 = 0xE000;

/// The markers of the blocks a page's lines come from, found once a frame.
#[derive(Debug, Default)]
pub struct Marks {
    blocks: Vec<(usize, Vec<Marker>)>,
}

impl Marks {
    /// The markers of the blocks `line` shows (a line of a long paragraph's piece can
    /// start in the piece before), in order.
    fn of(&mut self, doc: &Document, line: &ScreenLine) -> Vec<Marker> {
        let last = line.range.end.saturating_sub(1).max(line.range.start);
        let (Some(a), Some(b)) = (
            doc.block_index_at(line.range.start),
            doc.block_index_at(last),
        ) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for index in a..=b {
            if !self.blocks.iter().any(|(i, _)| *i == index) {
                let found = doc
                    .blocks()
                    .get(index)
                    .map(|block| markers(doc.text(), block.range()))
                    .unwrap_or_default();
                self.blocks.push((index, found));
            }
            if let Some((_, found)) = self.blocks.iter().find(|(i, _)| *i == index) {
                out.extend_from_slice(found);
            }
        }
        out
    }
}

/// A line's text as drawn, where it is italic or bold (byte ranges of the text), and the
/// offsets in the document's text of the markers left out.
pub type Styled = (String, Vec<(Range<usize>, Modifier)>, Vec<usize>);

/// The text of `line` as drawn with its markers hidden, the byte ranges of it that are
/// italic or bold, and the offsets of the hidden markers in the document's text. `None`
/// when the line has nothing to hide and starts in no emphasis.
pub fn styled(doc: &Document, line: &ScreenLine, marks: &mut Marks) -> Option<Styled> {
    let text = doc.text();
    let source = text.get(line.range.clone())?;
    let all = marks.of(doc, line);
    // What is open where the line starts: a phrase in italics may wrap.
    let mut active = [false, false];
    for m in all.iter().take_while(|m| m.at < line.range.start) {
        active[usize::from(slot(m.mark))] = m.open;
    }
    let inside: Vec<&Marker> = all.iter().filter(|m| line.range.contains(&m.at)).collect();
    if inside.is_empty() && active == [false, false] {
        return None;
    }
    if source
        .chars()
        .any(|c| (BASE..BASE + 4).contains(&u32::from(c)))
    {
        return None;
    }
    let mut marked = String::with_capacity(source.len() + 3 * inside.len());
    let mut from = line.range.start;
    for m in &inside {
        marked.push_str(&text[from..m.at]);
        let code = BASE + 2 * u32::from(slot(m.mark)) + u32::from(m.open);
        marked.extend(char::from_u32(code));
        from = m.at + 1;
    }
    marked.push_str(&text[from..line.range.end]);
    let shown = ScreenLine {
        range: 0..marked.len(),
        ..line.clone()
    }
    .display(&marked)
    .into_owned();

    let mut out = String::with_capacity(shown.len());
    let mut spans: Vec<(Range<usize>, Modifier)> = Vec::new();
    let mut started = [0usize; 2];
    for c in shown.chars() {
        let code = u32::from(c);
        if (BASE..BASE + 4).contains(&code) {
            let (s, open) = (((code - BASE) / 2) as usize, (code - BASE) % 2 == 1);
            if active[s] && !open {
                spans.push((started[s]..out.len(), modifier(s)));
            }
            if open {
                started[s] = out.len();
            }
            active[s] = open;
            continue;
        }
        out.push(c);
    }
    for (s, on) in active.iter().enumerate() {
        if *on {
            spans.push((started[s]..out.len(), modifier(s)));
        }
    }
    spans.retain(|(r, _)| !r.is_empty());
    Some((out, spans, inside.iter().map(|m| m.at).collect()))
}

fn slot(mark: Mark) -> u8 {
    u8::from(mark == Mark::Bold)
}

fn modifier(slot: usize) -> Modifier {
    if slot == 1 {
        Modifier::BOLD
    } else {
        Modifier::ITALIC
    }
}
