//! `y`: the paragraph at the top of the page, as text to put on the clipboard.

use super::{Effect, Reader};
use crate::document::{BlockKind, Document};

impl Reader {
    pub(super) fn copy_paragraph(&mut self) -> Effect {
        match paragraph_at(&self.doc, self.place) {
            Some(text) => {
                let words = text.split_whitespace().count();
                let plural = if words == 1 { "" } else { "s" };
                self.say(format!(
                    "copied the paragraph at the top ({words} word{plural}); \
                     Shift-drag selects any text"
                ));
                Effect::Copy(text)
            }
            None => {
                self.say("nothing to copy here");
                Effect::None
            }
        }
    }
}

/// The text of the block holding `offset` (the pieces of a block too long for one joined
/// again), as a reader would paste it: a prose paragraph on one line, its soft line
/// breaks joined the way the page joins them; verse keeps its lines.
pub fn paragraph_at(doc: &Document, offset: usize) -> Option<String> {
    let blocks = doc.blocks();
    let at = doc.block_index_at(offset)?;
    // Pieces of one block touch: no `\n` between them.
    let mut first = at;
    while first > 0 && blocks[first - 1].end() == blocks[first].start() {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < blocks.len() && blocks[last].end() == blocks[last + 1].start() {
        last += 1;
    }
    let range = blocks[first].start()..blocks[last].end();
    let raw = doc.text().get(range)?;
    let text = match blocks[at].kind {
        BlockKind::Paragraph | BlockKind::Heading => join_lines(raw),
        BlockKind::Verse | BlockKind::SceneBreak => raw.trim_matches('\n').to_owned(),
    };
    (!text.trim().is_empty()).then_some(text)
}

/// Lines of one paragraph joined with a space, or with nothing between two wide (CJK)
/// characters, as the page joins them.
fn join_lines(raw: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    let wide = |c: Option<char>| c.and_then(UnicodeWidthChar::width).is_some_and(|w| w == 2);
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let cjk_join = wide(out.chars().next_back()) && wide(line.chars().next());
        if !out.is_empty() && !cjk_join {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hard_wrapped_paragraph_is_copied_on_one_line_and_verse_keeps_its_lines() {
        let prose = "The ferry left the quay at nine that evening, late as it always was,\n\
                     and the gulls that had waited all afternoon on the harbour wall rose\n\
                     together and followed it out past the lighthouse into the dark.";
        let doc = Document::from_text(&format!(
            "{prose}\n\n{prose}\n\n\
             Roses are red,\n  violets are blue,\nsugar is sweet,\n  and so are you.\n"
        ));
        let text = doc.text();
        assert_eq!(
            paragraph_at(&doc, text.find("and the gulls").unwrap()).unwrap(),
            prose.replace('\n', " ")
        );
        let verse = paragraph_at(&doc, text.find("Roses").unwrap()).unwrap();
        assert_eq!(verse.lines().count(), 4, "{verse:?}");
        assert_eq!(
            join_lines("吾輩は猫である。名前は\n  まだ無い。 A cat\nwith no name."),
            "吾輩は猫である。名前はまだ無い。 A cat with no name."
        );
    }

    #[test]
    fn y_copies_the_paragraph_at_the_top_of_the_page() {
        use crate::reader::Action;
        let paragraphs: String = (1..=30)
            .map(|i| {
                format!(
                    "Paragraph {i} begins here and goes on for a while, as prose does,\n\
                     until it reaches the end of its second line and stops at last.\n\n"
                )
            })
            .collect();
        let mut r = Reader::new(Document::from_text(&paragraphs), "T", (80, 10), 72);
        r.update(Action::PageDown);
        let top = r.place();
        let Effect::Copy(text) = r.update(Action::CopyParagraph) else {
            panic!("y copies");
        };
        let shown = r.document().text()[top..].lines().next().unwrap();
        assert!(
            text.contains(shown),
            "{text:?} holds the top line {shown:?}"
        );
        assert!(text.starts_with("Paragraph ") && text.ends_with("at last."));
        assert!(!text.contains('\n'));
        assert!(r.message().unwrap().starts_with("copied the paragraph"));
    }
}
