//! An email's quoted lines (`> `, `>> `): the quote marks start each of the writer's
//! lines, so a quoted passage is never run together with them inside it, nor with the
//! reply around it, and a quoted line too long for the column goes on under its text.

mod common;
use common::printed;

use dogear::{BlockKind, Document};

const MAIL: &str = concat!(
    "Thanks for the note about the harbour. I have some thoughts below, inline\n",
    "with what you wrote last week, and a question about the ferry.\n",
    "\n",
    "On Tuesday, Marta wrote:\n",
    "> The lamp room needs a new coat of paint before the winter storms come\n",
    "> in from the north and the ferry stops running for the season.\n",
    ">\n",
    ">> And the cat? Somebody has to feed the cat while I am on the mainland for the whole of the second week.\n",
    "I can bring the tins on Thursday. They are in the shed behind the post\n",
    "office, next to the old nets.\n",
);

#[test]
fn quote_marks_are_never_run_into_the_middle_of_a_line() {
    for width in [40, 60, 100] {
        let lines = printed(MAIL, width);
        for l in &lines {
            let body = l.trim_start().trim_start_matches(['>', ' ']);
            assert!(!body.contains(" >"), "{width}: {l:?} in {lines:#?}");
        }
    }
}

#[test]
fn a_quoted_passage_is_a_block_apart_from_the_reply_around_it() {
    let doc = Document::from_text(MAIL);
    let texts: Vec<&str> = doc
        .blocks()
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .map(|b| doc.text()[b.range()].trim())
        .collect();
    assert!(texts.contains(&"On Tuesday, Marta wrote:"), "{texts:#?}");
    assert!(
        texts.iter().any(|t| t.starts_with("I can bring the tins")),
        "{texts:#?}"
    );
}

#[test]
fn a_long_quoted_line_goes_on_under_its_text() {
    let lines = printed(MAIL, 40);
    let at = lines
        .iter()
        .position(|l| l.starts_with(">> And the cat"))
        .unwrap();
    let next = &lines[at + 1];
    assert!(
        next.starts_with("   ") && !next.starts_with("    "),
        "{lines:#?}"
    );
    assert!(!lines.iter().any(|l| l.starts_with("the ")), "{lines:#?}");
}

/// A game's transcript: `>command` prompts are the player's, not quoted mail, and what
/// answers them keeps its lines as in the story around (here, kept as verse).
#[test]
fn a_prompt_run_into_its_command_is_no_quotation() {
    let transcript = " >take rod\n Taken.\n\n >w\n At Top of Small Pit\n At your feet is a small pit breathing traces of white mist. A west passage ends\n here except for a small crack leading on.\n";
    let doc = dogear::Document::from_text(transcript);
    let text = doc.text();
    let starts: Vec<&str> = doc
        .blocks()
        .iter()
        .map(|b| text[b.range()].trim_start())
        .collect();
    assert!(
        starts.iter().all(|b| !b.starts_with("At Top")),
        "the room's name is not cut from its prompt: {starts:?}"
    );
}
