//! A list of names set in a column, a play's cast list above all, reads as a list: a
//! name set apart by blank lines inside it ("DUCHESS OF VANHOLT" between two runs of the
//! Dramatis Personae) is one more entry, never a chapter.
//!
//! A line in capitals alone between blank lines looks like a title wherever it stands;
//! what tells an entry from a title is the company it keeps. A title stands apart from
//! what comes before it, while an entry stands in the column of the list just above
//! (the same indent) and has the list's form: short lines, several of them names in
//! capitals like itself. A stanza above a poem's title has the indent but not the form
//! (its lines are not names in capitals), so the title stays a title.
//!
//! Done over the finished blocks (beside `attach_subtitles`), so that where the text
//! was cut for two threads cannot matter.

use super::heading;
use super::{Block, BlockKind};

/// Lines of a list entry are short: a name and a few words about who the person is.
const ENTRY_WIDTH: usize = 48;

/// How many of the list's lines must be names in capitals (and at least a third).
const CAPS_NAMES: usize = 2;

/// Blocks of the list looked back over: a cast list comes in a few runs.
const LOOK_BACK: usize = 8;

/// Turns into list entries the lone capital lines, or short groups led by one, that
/// stand in the column of the list of names just above them (kept line for line, or
/// one entry a paragraph where the list is set with blank lines between).
pub(super) fn keep_entries(text: &str, blocks: &mut [Block]) {
    for i in 1..blocks.len() {
        if blocks[i].kind != BlockKind::Heading {
            continue;
        }
        let entry = &text[blocks[i].range()];
        let indent = indent_of(entry);
        // The runs of the list just above: each holds a name in the entry's column.
        let list = blocks[..i]
            .iter()
            .rev()
            .take(LOOK_BACK)
            .map(|b| (b.kind, &text[b.range()]))
            .take_while(|&(kind, run)| {
                (kind == BlockKind::Verse || kind == BlockKind::Paragraph && !run.contains('\n'))
                    && run
                        .lines()
                        .any(|l| indent_of(l) == indent && is_caps_name(l.trim()))
            })
            .map(|(_, run)| run);
        if is_entry_of(entry, list) {
            // Kept as the entry above it is: its own line, or a paragraph of one line.
            blocks[i].kind = blocks[i - 1].kind;
        }
    }
}

/// Whether `entry` (a heading block as it is in the text, indentation included) is more
/// entries of the list whose blocks (kept line for line) are `list`, last first.
fn is_entry_of<'t>(entry: &str, list: impl Iterator<Item = &'t str>) -> bool {
    let name = entry.lines().next().unwrap_or_default().trim();
    if !is_caps_name(name)
        || heading::is_named_section(name)
        || heading::is_book_title(name)
        || heading::is_ending(name)
    {
        return false;
    }
    let indent = indent_of(entry);
    if entry.lines().any(|l| indent_of(l) != indent) {
        return false;
    }
    let mut lines = 0;
    let mut names = 0;
    // A hanging continuation of an entry ("and of HELEN.") is deeper; a line less
    // indented is no part of the column.
    for l in list.flat_map(str::lines) {
        match indent_of(l).cmp(&indent) {
            std::cmp::Ordering::Less => return false,
            std::cmp::Ordering::Equal => {
                lines += 1;
                names += usize::from(is_caps_name(l.trim()));
            }
            std::cmp::Ordering::Greater => {}
        }
    }
    lines >= 3 && names >= CAPS_NAMES && names * 3 >= lines
}

/// A short line whose words before any comma are in capitals: "THE POPE.", "GILES,
/// watchmen at the ford.", "DUCHESS OF VANHOLT". No digit: a contents line in capitals
/// ("CHAPTER I. THE HARBOUR  1") is no name, and a heading after it stays one.
fn is_caps_name(t: &str) -> bool {
    let name = t.split([',', ']', '(']).next().unwrap_or(t);
    t.chars().count() <= ENTRY_WIDTH
        && !t.chars().any(|c| c.is_ascii_digit())
        && heading::numbered(name).is_none()
        && heading::roman_led(name).is_none()
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !name.chars().any(char::is_lowercase)
}

/// Leading spaces of a line (tabs count as a column each: only equality matters here).
fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::is_caps_name;

    fn is_entry_of(entry: &str, list: &str) -> bool {
        super::is_entry_of(entry, [list].into_iter())
    }

    const CAST: &str =
        "     THE WARDEN.\n     SIR OSWY, his brother.\n     HOB, a carter.\n     A Pedlar.";

    #[test]
    fn a_name_in_the_column_of_a_cast_list_is_an_entry() {
        assert!(is_entry_of("     THE GREY LADY", CAST));
    }

    #[test]
    fn a_title_at_another_indent_or_numbered_is_not() {
        assert!(!is_entry_of("THE GREY LADY", CAST));
        assert!(!is_entry_of("     ACT II.", CAST));
    }

    #[test]
    fn a_title_after_a_stanza_at_the_same_indent_stays_a_title() {
        let stanza = "     The wind is in the willow,\n     The rain is on the weir,\n     \
                      And all the roads run homeward\n     For all that I am here.";
        assert!(!is_entry_of("     THE MILLER'S SONG", stanza));
    }

    #[test]
    fn caps_names_may_be_followed_by_who_they_are() {
        assert!(is_caps_name("GILES,   ] watchmen at the ford."));
        assert!(is_caps_name("DUCHESS OF VANHOLT"));
        assert!(!is_caps_name("Echo."));
    }
}
