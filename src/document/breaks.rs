//! What block detection decided about every line break of the story, written out line by
//! line: the reading-quality scorer compares this with labelled fixtures, and
//! `dogear --breaks FILE` shows it for tuning.
//!
//! Each line of the story proper becomes one line of the labelled text: a mark, a space,
//! and the line as it is in the text (indentation included). Blank lines stay blank.
//!
//! | mark | the line ... |
//! |---|---|
//! | `>` | starts a block: a paragraph, a stanza, a table, a scene break |
//! | `~` | continues the line before it (a soft break: joined with a space) |
//! | `\|` | is a line of its own inside the block (a hard break: kept) |
//! | `#` | is (part of) a heading |

use super::{BlockKind, Document};

/// How a line relates to the line before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Break {
    /// The line starts a block.
    Paragraph,
    /// The line continues the previous one (the break is the wrapping tool's).
    Soft,
    /// The line is kept as its own line inside a block (the break is the author's).
    Hard,
    /// The line belongs to a heading.
    Heading,
}

impl Break {
    /// The mark used in labelled text.
    pub fn mark(self) -> char {
        match self {
            Break::Paragraph => '>',
            Break::Soft => '~',
            Break::Hard => '|',
            Break::Heading => '#',
        }
    }

    /// The break a mark stands for.
    pub fn from_mark(mark: char) -> Option<Break> {
        Some(match mark {
            '>' => Break::Paragraph,
            '~' => Break::Soft,
            '|' => Break::Hard,
            '#' => Break::Heading,
            _ => return None,
        })
    }
}

/// Every non-blank line of the story proper, as (an offset inside the line, decision),
/// in order. A line that a long block was cut inside belongs to the piece it starts in.
pub fn decisions(doc: &Document) -> Vec<(usize, Break)> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut after_heading = false;
    let mut prev_end = None;
    for block in doc.blocks() {
        // A piece of a long block cut by detection: no line end lies between the two.
        let piece = prev_end.is_some_and(|end: usize| !text[end..block.start()].contains('\n'));
        prev_end = Some(block.end());
        // A rule right under a heading (a setext underline) is part of the heading.
        let underline = block.kind == BlockKind::SceneBreak
            && after_heading
            && out
                .last()
                .is_some_and(|&(at, _): &(usize, Break)| !text[at..block.start()].contains("\n\n"));
        after_heading = block.kind == BlockKind::Heading;
        if underline {
            out.push((block.start(), Break::Heading));
            continue;
        }
        let range = block.range();
        // A piece that continues the block before it starts mid-line.
        let at_line_start = range.start == 0 || text[..range.start].ends_with('\n');
        let mut first = at_line_start && !piece;
        let first_kind = |first: bool| match block.kind {
            BlockKind::Heading => Break::Heading,
            _ if first => Break::Paragraph,
            BlockKind::Paragraph | BlockKind::SceneBreak => Break::Soft,
            BlockKind::Verse => Break::Hard,
        };
        if block.kind == BlockKind::Verse {
            let lines = super::verse::lines(text, range.clone());
            for (i, line) in lines.iter().enumerate() {
                if (i > 0 || at_line_start) && line.start < line.end {
                    let kind = if first {
                        Break::Paragraph
                    } else if line.continues {
                        Break::Soft
                    } else {
                        Break::Hard
                    };
                    out.push((line.start, kind));
                    first = false;
                }
            }
            continue;
        }
        let mut line_start = range.start;
        for (i, line) in text[range.clone()].split('\n').enumerate() {
            if (i > 0 || at_line_start) && !line.trim().is_empty() {
                out.push((line_start, first_kind(first)));
                first = false;
            }
            line_start += line.len() + 1;
        }
    }
    out
}

/// The story proper as labelled text (see the module docs).
pub fn labelled(doc: &Document) -> String {
    let text = doc.text();
    let body = doc.body();
    let mut marks = decisions(doc).into_iter().peekable();
    let mut out = String::new();
    let mut pos = body.start;
    for line in text[body.clone()].split_inclusive('\n') {
        let shown = line.trim_end_matches('\n');
        let mut mark = None;
        while let Some(&(at, kind)) = marks.peek() {
            if at >= pos + line.len() {
                break;
            }
            mark = Some(kind);
            marks.next();
        }
        match mark {
            _ if shown.trim().is_empty() => {}
            Some(kind) => {
                out.push(kind.mark());
                out.push(' ');
                out.push_str(shown);
            }
            // A line no block holds (it should not happen): say so rather than guess.
            None => {
                out.push_str("? ");
                out.push_str(shown);
            }
        }
        out.push('\n');
        pos += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_verse_and_headings_are_labelled() {
        let text = "CHAPTER I\n\nThe ferry left the harbour at dawn, and nobody on the quay looked\n\
                    up from the nets to watch it go. The gulls followed it for a while\n\
                    and then gave up.\n\nRoses are red,\nViolets are blue,\nSugar is sweet,\nAnd so are you.\n";
        let doc = Document::from_text(text);
        let got = labelled(&doc);
        let want = "# CHAPTER I\n\n> The ferry left the harbour at dawn, and nobody on the quay looked\n\
                    ~ up from the nets to watch it go. The gulls followed it for a while\n\
                    ~ and then gave up.\n\n> Roses are red,\n| Violets are blue,\n| Sugar is sweet,\n| And so are you.\n";
        assert_eq!(got, want);
    }

    #[test]
    fn marks_round_trip() {
        for b in [Break::Paragraph, Break::Soft, Break::Hard, Break::Heading] {
            assert_eq!(Break::from_mark(b.mark()), Some(b));
        }
        assert_eq!(Break::from_mark('x'), None);
    }
}
