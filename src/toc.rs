//! Chapters: the document's headings, in order.

use crate::document::{BlockKind, Document};

/// One entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    /// Where the heading starts in the text.
    pub offset: usize,
    /// The heading's words on one line.
    pub title: String,
}

/// The chapters of `doc`: one per heading block; consecutive headings with nothing
/// between them ("CHAPTER I" then "The Return") make one chapter titled with both.
pub fn chapters(doc: &Document) -> Vec<Chapter> {
    let text = doc.text();
    let mut out: Vec<Chapter> = Vec::new();
    let mut previous_was_heading = false;
    for block in doc.blocks() {
        if block.kind != BlockKind::Heading {
            previous_was_heading = false;
            continue;
        }
        let title = one_line(&text[block.range.clone()]);
        match out.last_mut() {
            Some(last) if previous_was_heading && last.title.chars().count() < 60 => {
                last.title.push_str(" — ");
                last.title.push_str(&title);
            }
            _ => out.push(Chapter {
                offset: block.range.start,
                title,
            }),
        }
        previous_was_heading = true;
    }
    out
}

/// Index of the chapter that contains `offset`: the last one starting at or before it.
pub fn current(chapters: &[Chapter], offset: usize) -> Option<usize> {
    chapters
        .partition_point(|c| c.offset <= offset)
        .checked_sub(1)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Block;

    fn doc() -> Document {
        let text = "CHAPTER I\n\nThe Return\n\nShe came back.\n\nCHAPTER II\n\nHe left.".to_owned();
        let b = |kind, s: &str| {
            let start = text.find(s).unwrap();
            Block {
                kind,
                range: start..start + s.len(),
            }
        };
        let blocks = vec![
            b(BlockKind::Heading, "CHAPTER I"),
            b(BlockKind::Heading, "The Return"),
            b(BlockKind::Paragraph, "She came back."),
            b(BlockKind::Heading, "CHAPTER II"),
            b(BlockKind::Paragraph, "He left."),
        ];
        let len = text.len();
        Document::from_parts(text, blocks, 0..len)
    }

    #[test]
    fn adjacent_headings_make_one_chapter() {
        let toc = chapters(&doc());
        let titles: Vec<_> = toc.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["CHAPTER I — The Return", "CHAPTER II"]);
        assert_eq!(toc[0].offset, 0);
    }

    #[test]
    fn current_chapter_by_offset() {
        let d = doc();
        let toc = chapters(&d);
        assert_eq!(current(&toc, 0), Some(0));
        assert_eq!(current(&toc, d.text().find("He left").unwrap()), Some(1));
        let late = vec![Chapter {
            offset: 5,
            title: "x".into(),
        }];
        assert_eq!(current(&late, 2), None);
    }
}
