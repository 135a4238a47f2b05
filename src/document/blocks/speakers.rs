//! A play's speaker who speaks once, or as a crowd ("THE GUESTS.", "SOME OF THE
//! LADIES."), is a speaker like the rest, not a heading.
//!
//! Block detection knows a speaker set alone on a line by its name coming back through
//! the play; a name heard once or twice looks like a title in capitals. What tells them
//! apart is the company: a speaker stands among speeches, a few blocks after another
//! speaker's name, with no heading between; a title stands after the end of something.
//! Only a line in the speakers' own form is taken: short, in capitals, ending on a stop
//! as their names do, and no numbered or named division ("ACT II.", "EPILOGUE.").
//!
//! The same holds for a name set over its speech with no blank line between (`OSWY` over
//! `Which am I?`): two short lines read as a title and its subtitle, unless the second
//! stands where the speeches before it stand.
//!
//! Done over the finished blocks, looking back only (as `attach_subtitles` does), so a
//! window and the whole story agree wherever a speaker is seen with what comes before.

use super::heading;
use super::{Block, BlockKind};

/// Blocks looked back over for another speaker: the speech, stage directions, a speech
/// said at the same time.
const LOOK_BACK: usize = 4;

/// A speaker's name is short.
const NAME_LEN: usize = 30;

/// Turns into speakers' lines (paragraphs) the headings in a speaker's form that stand
/// among a play's speeches.
pub(super) fn keep_speakers(text: &str, blocks: &mut [Block]) {
    for i in 2..blocks.len() {
        if blocks[i].kind != BlockKind::Heading || !is_speaker_form(&text[blocks[i].range()]) {
            continue;
        }
        // The speaker before, and a speech between: names in a row with only a note
        // between them ("ROMANCE.", "FOR VIOLIN AND PIANOFORTE.", "[Music]") are a
        // piece's titles, and so is the heading after them.
        let mut spoken = false;
        let after_speaker = blocks[i.saturating_sub(LOOK_BACK)..i]
            .iter()
            .rev()
            .take_while(|b| b.kind == BlockKind::Paragraph)
            .any(|b| {
                let t = &text[b.range()];
                let speaker = is_speaker_form(t);
                spoken |= !speaker && !is_note(t);
                speaker && spoken
            });
        if after_speaker {
            blocks[i].kind = BlockKind::Paragraph;
        }
    }
}

/// Whether `block` is a note in brackets (`[Music]`, `(Aside.)`), not a speech.
pub(super) fn is_note(block: &str) -> bool {
    let t = block.trim();
    t.starts_with('[') && t.ends_with(']') || t.starts_with('(') && t.ends_with(')')
}

/// Turns back into speeches (kept line for line) the short headings made of a name in
/// capitals over a line or two set where the speeches just before stand: `OSWY` over
/// `Which am I?`, after `WARDEN` over his speech at the same indent. A title over its
/// subtitle is set as a title is (centred), not in the speeches' column.
pub(super) fn keep_speeches(text: &str, blocks: &mut [Block]) {
    for i in 1..blocks.len() {
        if blocks[i].kind != BlockKind::Heading {
            continue;
        }
        let Some(at) = speech_indent(&text[blocks[i].range()]) else {
            continue;
        };
        let among_speeches = blocks[i.saturating_sub(LOOK_BACK)..i]
            .iter()
            .rev()
            .take_while(|b| b.kind != BlockKind::Heading)
            .any(|b| speech_indent(&text[b.range()]) == Some(at));
        if among_speeches {
            blocks[i].kind = BlockKind::Verse;
        }
    }
}

/// Where the speech stands in a block made of a name alone in capitals on its first
/// line and the speech under it; `None` for any other block.
fn speech_indent(block: &str) -> Option<usize> {
    let mut lines = block.lines();
    let name = lines.next()?.trim();
    let first = lines.next()?;
    let is_name = name.len() <= NAME_LEN
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && name
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
        && heading::numbered(name).is_none()
        && !heading::is_named_section(name);
    let speech = first.trim_start();
    (is_name && speech.chars().any(char::is_lowercase)).then(|| first.len() - speech.len())
}

/// A name in capitals on a line of its own, ending on a stop: "ROPER.", "THE GUESTS.",
/// or "JIMMIE.   }" (a brace joining the speeches said at once).
fn is_speaker_form(block: &str) -> bool {
    let t = block.trim().trim_end_matches([' ', '}']);
    t.len() <= NAME_LEN
        && !t.contains('\n')
        && t.ends_with('.')
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && t.chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
        && heading::numbered(t).is_none()
        && heading::roman_led(t).is_none()
        && !heading::is_named_section(t)
        && !heading::is_ending(t)
}

#[cfg(test)]
mod tests {
    use super::is_speaker_form;

    #[test]
    fn speakers_names_and_crowds_have_the_form() {
        for t in [
            "ROPER.",
            "THE GUESTS.",
            "SOME OF THE LADIES.",
            "MRS. O'NEILL.",
            "JIMMIE.          }",
        ] {
            assert!(is_speaker_form(t), "{t}");
        }
    }

    #[test]
    fn divisions_and_titles_do_not() {
        for t in [
            "ACT II.",
            "THE SECOND ACT.",
            "SCENE III.",
            "EPILOGUE.",
            "THE END.",
            "THE HARBOUR",
            "IV.",
            "Roper.",
        ] {
            assert!(!is_speaker_form(t), "{t}");
        }
    }
}
