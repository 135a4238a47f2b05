//! Headings marked up as such: Markdown's `#` and underlined (setext) titles, Aozora
//! Bunko's heading notes, and the link targets a heading's words are read without.

use crate::document::{Block, BlockKind};
use crate::text_width::str_width;

/// A setext heading: a title, then a rule of `-` or `=` as long as it.
pub fn is_setext(title: &str, title_width: usize, rule: &str) -> bool {
    let Some(mark) = rule.bytes().next() else {
        return false;
    };
    (mark == b'-' || mark == b'=')
        && rule.len() >= 3
        && rule.len().abs_diff(title_width) <= (title_width / 4).max(2)
        && rule.bytes().all(|b| b == mark)
        && title_width <= 70
        && !title.starts_with(char::is_lowercase)
        && !title.ends_with([',', ';'])
        // A line broken off ("We split, we split------") is speech, not a title.
        && !title.ends_with("--")
}

/// Whether heading block `i` is underlined by the rule after it (a setext heading,
/// `Installing` over `----------`).
pub fn is_underlined(text: &str, blocks: &[Block], i: usize) -> bool {
    let Some(rule) = blocks
        .get(i + 1)
        .filter(|b| b.kind == BlockKind::SceneBreak)
    else {
        return false;
    };
    let title = text[blocks[i].range()].trim();
    let between = &text[blocks[i].end()..rule.start()];
    between.trim_matches([' ', '\t']) == "\n"
        && !title.contains('\n')
        && is_setext(title, str_width(title), text[rule.range()].trim())
}

/// A Markdown (ATX) heading, `## The Stairs`: one to six `#`, a space, then a title
/// (closing `#`s allowed). Its title, or `None`: a `#` alone is a scene break, `#2 pencils`
/// a word, and a line that reads on like a sentence is no heading.
pub fn atx_title(t: &str) -> Option<&str> {
    let depth = t.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&depth) {
        return None;
    }
    let title = t[depth..].strip_prefix(' ')?.trim();
    let title = title.trim_end_matches('#').trim_end();
    (title.chars().any(char::is_alphanumeric)
        && link_words(title).chars().count() <= 70
        && !title.starts_with(char::is_lowercase)
        && !title.ends_with([',', ';']))
    .then_some(title)
}

/// The title of a line that Aozora Bunko's markup calls a heading:
/// `［＃８字下げ］一［＃「一」は中見出し］` is the heading `一` (大見出し, 中見出し and
/// 小見出し: large, middle and small). `None` for any other line.
pub fn aozora_title(t: &str) -> Option<&str> {
    if t.len() > 300 {
        return None;
    }
    let note = t.rfind("［＃「")?;
    let rest = &t[note + "［＃「".len()..];
    let (title, after) = rest.split_once("」は")?;
    let kind = after.strip_suffix("見出し］")?;
    (matches!(kind, "大" | "中" | "小") && !title.trim().is_empty()).then_some(title.trim())
}

/// How many more `[` and `(` than `]` and `)` `t` holds: a Markdown heading that leaves a
/// link open goes on over the next line (as a converter wraps it).
pub fn open_brackets(t: &str) -> isize {
    t.bytes().fold(0, |n, b| match b {
        b'[' | b'(' => n + 1,
        b']' | b')' => n - 1,
        _ => n,
    })
}

/// `t` with its Markdown links read as their words: `[Installation](https://…)` is
/// `Installation`; a link's target cut off by the line's end is dropped too, and so is
/// a bracket left open.
pub fn link_words(t: &str) -> std::borrow::Cow<'_, str> {
    if !t.contains("](") {
        return t.into();
    }
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(at) = rest.find("](") {
        out.push_str(&rest[..=at]);
        let target = &rest[at + 2..];
        rest = target.find(')').map_or("", |end| &target[end + 1..]);
    }
    out.push_str(rest);
    // Brackets: those of links (and any left open) go; a pair around plain words stays
    // only when it is no link's, which the `](` test above has already told apart.
    out.retain(|c| c != '[' && c != ']');
    out.into()
}
