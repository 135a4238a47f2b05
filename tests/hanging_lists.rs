//! A list item whose later lines the author hung under its text (`1. Two pairs of...` over
//! `   drawer, not...`) keeps the hang when reflowed, so that its number stands out; one
//! written flush keeps flush lines.

mod common;
use common::printed;

const PACKING: &str = "Before we leave for the mountains, remember what we said last time:\n\
\n\
1. Two pairs of wool socks, the thick ones from the bottom drawer, not the\n   \
thin ones that wear through at the heel after a day on the stones.\n\
2. The small stove.\n\
10. A map of the pass, the one with the huts marked on it in red, folded\n    \
so that the north side is outermost.\n\
- a rope, the long one, coiled and tied so that it does not catch on the\n  \
branches by the path.\n";

#[test]
fn a_list_item_hung_under_its_text_keeps_its_hang_when_reflowed() {
    let lines = printed(PACKING, 40);
    let socks = lines.iter().position(|l| l.starts_with("1. Two")).unwrap();
    assert!(
        lines[socks + 1].starts_with("   ") && !lines[socks + 1].starts_with("    "),
        "{lines:#?}"
    );
    let map = lines
        .iter()
        .position(|l| l.starts_with("10. A map"))
        .unwrap();
    assert!(
        lines[map + 1].starts_with("    ") && !lines[map + 1].starts_with("     "),
        "{lines:#?}"
    );
    let rope = lines
        .iter()
        .position(|l| l.starts_with("- a rope"))
        .unwrap();
    assert!(
        lines[rope + 1].starts_with("  ") && !lines[rope + 1].starts_with("   "),
        "{lines:#?}"
    );
    // No word lost: the hung lines hold the rest of the item.
    let socks_item: String = lines[socks..]
        .iter()
        .take_while(|l| !l.is_empty())
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        socks_item.ends_with("after a day on the stones."),
        "{socks_item}"
    );
}

#[test]
fn a_numbered_paragraph_written_flush_stays_flush() {
    let text = "1. All that we are is the result of what we have thought: it is founded\n\
on our thoughts, it is made up of our thoughts, and the wheel follows it.\n\
\n\
2. All that we are is the result of what we have thought: it is founded\n\
on our thoughts, and happiness follows him like a shadow that never leaves.\n";
    let lines = printed(text, 40);
    assert!(lines.iter().all(|l| !l.starts_with(' ')), "{lines:#?}");
}

#[test]
fn in_the_indented_paragraph_style_a_hung_line_starts_under_the_items_text() {
    let typography = dogear::Typography {
        indent: true,
        ..Default::default()
    };
    let mut out = Vec::new();
    let doc = dogear::Document::from_text(PACKING);
    dogear::print_from(&doc, 0, 40, typography, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let socks = lines
        .iter()
        .position(|l| l.trim_start().starts_with("1. Two"))
        .unwrap();
    let text_at = lines[socks].find("Two").unwrap();
    let next = lines[socks + 1];
    let hung_at = next.len() - next.trim_start().len();
    assert_eq!(hung_at, text_at, "{lines:#?}");
}
