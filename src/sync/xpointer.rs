//! KOReader's name for a place in a plain-text story, both ways (pure core code).
//!
//! KOReader (crengine, with its text auto-detection off, the default) reads a `.txt` as
//! one `<pre>` element per line that holds any character other than a space or a tab,
//! and one `<empty-line/>` per other line, and names a place as
//! `/FictionBook/body/pre[N]/text().K` (newer builds: `/FictionBook[1]/body[1]/pre[N]/
//! text()[1].K`): the Nth such line, the Kth code point in it. Its lines are not ours:
//! they end at LF, CR, CRLF and LFCR (so `\n\r` is one line end where we see two); a line
//! is cut once it holds [`MAX_LINE`] characters and the one just read is a space or tab;
//! tabs, escapes and stray U+FEFF are characters it keeps and we rewrite (see
//! [`crate::document::normalise`]); a line of only `-`, `*` or `=` becomes `* * *`.
//!
//! So the name is computed on the decoded text as KOReader sees it, and a place in our
//! normalised text is carried there and back through the [`Mark`]s normalising leaves.

use crate::document::normalise::{normalise_mapped, Mark};

/// crengine's `TXT_MAX_LINE` cut: a line this long is cut after its next space or tab.
pub const MAX_LINE: usize = 2000;

/// One line as KOReader reads it: bytes of the decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KoLine {
    start: usize,
    /// Where its characters end (before the line end, if any).
    end: usize,
    /// Where the next line starts.
    next: usize,
    /// It holds a character other than space and tab: a `pre`, else an `empty-line`.
    text: bool,
    /// Only `-`, `*` or `=` (one of them) and blanks: KOReader shows `* * *` instead.
    separator: bool,
}

/// KOReader's lines of `raw` (the decoded text; a leading BOM is skipped).
fn ko_lines(raw: &str) -> impl Iterator<Item = KoLine> + '_ {
    let bytes = raw.as_bytes();
    let mut pos = if raw.starts_with('\u{feff}') { 3 } else { 0 };
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let mut count = 0;
        let mut first: Option<char> = None;
        let mut same = true;
        let (end, next) = loop {
            let Some(c) = raw[pos..].chars().next() else {
                break (pos, pos);
            };
            if c == '\n' || c == '\r' {
                let end = pos;
                pos += 1;
                let other = if c == '\n' { b'\r' } else { b'\n' };
                if bytes.get(pos) == Some(&other) {
                    pos += 1;
                }
                break (end, pos);
            }
            pos += c.len_utf8();
            count += 1;
            if c == ' ' || c == '\t' {
                if count >= MAX_LINE {
                    break (pos, pos);
                }
            } else {
                match first {
                    None => first = Some(c),
                    Some(f) => same &= f == c,
                }
            }
        };
        Some(KoLine {
            start,
            end,
            next,
            text: first.is_some(),
            separator: same && matches!(first, Some('-' | '*' | '=')),
        })
    })
}

/// Where KOReader's place names: the Nth `pre` and a code point in it, or the Mth
/// `empty-line` (both from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Pre { n: usize, k: usize },
    EmptyLine { m: usize },
}

impl Target {
    /// The name KOReader writes for this place (the short form).
    pub fn to_xpointer(self) -> String {
        match self {
            Target::Pre { n, k } => format!("/FictionBook/body/pre[{n}]/text().{k}"),
            Target::EmptyLine { m } => format!("/FictionBook/body/empty-line[{m}]"),
        }
    }

    /// Reads either form of the name (`/FictionBook/body/pre[3]/text().5` or
    /// `/FictionBook[1]/body[1]/pre[3]/text()[1].5`); `None` for any other, such as the
    /// ones KOReader's text auto-detection builds (`/FictionBook/body/p[12]/...`).
    pub fn parse(xp: &str) -> Option<Target> {
        let rest = xp.trim().strip_prefix("/FictionBook")?;
        let rest = strip_first(rest)?.strip_prefix("/body")?;
        let rest = strip_first(rest)?.strip_prefix('/')?;
        let (name, rest) = match rest.find(['[', '/', '.']) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        let (index, rest) = index(rest)?;
        let k = match rest {
            "" => 0,
            _ => {
                let rest = rest.strip_prefix("/text()").unwrap_or(rest);
                let rest = strip_first(rest)?;
                match rest {
                    "" => 0,
                    _ => rest.strip_prefix('.')?.parse().ok()?,
                }
            }
        };
        match name {
            "pre" => Some(Target::Pre { n: index, k }),
            "empty-line" => Some(Target::EmptyLine { m: index }),
            _ => None,
        }
    }
}

/// `s` without a leading `[1]`; `None` for another index (a second body or text node,
/// which a `.txt` never has).
fn strip_first(s: &str) -> Option<&str> {
    match index(s)? {
        (1, rest) => Some(rest),
        _ => None,
    }
}

/// A leading `[N]` (N ≥ 1) and what follows; no brackets is index 1.
fn index(s: &str) -> Option<(usize, &str)> {
    let Some(rest) = s.strip_prefix('[') else {
        return Some((1, s));
    };
    let close = rest.find(']')?;
    let n: usize = rest[..close].parse().ok()?;
    (n >= 1).then_some((n, &rest[close + 1..]))
}

/// A story's decoded text with the way back and forth between KOReader's places and
/// ours (byte offsets into the normalised text).
pub struct Map {
    raw: String,
    marks: Vec<Mark>,
    /// The normalised text's length.
    len: usize,
}

impl Map {
    /// `raw`: the story's text as decoded (before normalising). Also returns the
    /// normalised text, which a caller checks against the document's: only when they
    /// agree are the places exact.
    pub fn new(raw: String) -> (Self, String) {
        let (text, marks) = normalise_mapped(&raw);
        let len = text.len();
        (Self { raw, marks, len }, text)
    }

    /// The byte of the decoded text that became byte `at` of the normalised text (or,
    /// for text a rewrite made, where that rewrite started).
    fn to_raw(&self, at: usize) -> usize {
        let i = self.marks.partition_point(|m| m.out <= at).max(1) - 1;
        let m = self.marks[i];
        let next_raw = self.marks.get(i + 1).map_or(self.raw.len(), |n| n.raw);
        match m.copied {
            true => (m.raw + (at - m.out)).min(next_raw),
            false => m.raw,
        }
    }

    /// The byte of the normalised text that byte `raw` of the decoded text became.
    fn to_text(&self, raw: usize) -> usize {
        let i = self.marks.partition_point(|m| m.raw <= raw).max(1) - 1;
        let m = self.marks[i];
        let next_out = self.marks.get(i + 1).map_or(self.len, |n| n.out);
        match m.copied {
            true => (m.out + (raw - m.raw)).min(next_out),
            false => m.out,
        }
    }

    /// KOReader's place for byte `at` of the normalised text: the line holding it and
    /// the code point in that line. A place on a blank line or a line end is the start
    /// of the next line with text;
    /// `None` when no line with text is left (an empty story, or blank lines at its end).
    pub fn target(&self, at: usize) -> Option<Target> {
        let p = self.to_raw(at.min(self.len));
        let mut n = 0;
        let mut found = false;
        for line in ko_lines(&self.raw) {
            if line.text {
                n += 1;
            }
            if p < line.next || found {
                // A blank line, or the line end of this one (which may be a blank line
                // of ours: LFCR): the next line with text.
                if !line.text || (!found && p >= line.end && line.end < line.next) {
                    found = true;
                    continue;
                }
                let k = match found || line.separator {
                    true => 0,
                    false => self.raw[line.start..p.clamp(line.start, line.end)]
                        .chars()
                        .count(),
                };
                return Some(Target::Pre { n, k });
            }
        }
        None
    }

    /// Our place (a byte of the normalised text) for KOReader's; `None` when the story
    /// has no such line.
    pub fn place(&self, target: Target) -> Option<usize> {
        let (mut pres, mut empties) = (0, 0);
        for line in ko_lines(&self.raw) {
            match (line.text, target) {
                (true, Target::Pre { n, k }) => {
                    pres += 1;
                    if pres == n {
                        let k = if line.separator { 0 } else { k };
                        let p = self.raw[line.start..line.end]
                            .char_indices()
                            .nth(k)
                            .map_or(line.end, |(i, _)| line.start + i);
                        return Some(self.to_text(p));
                    }
                }
                (false, Target::EmptyLine { m }) => {
                    empties += 1;
                    if empties == m {
                        return Some(self.to_text(line.start));
                    }
                }
                _ => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    /// The xpointer for each of `places` (byte offsets of the normalised text).
    fn names(raw: &str, places: &[usize]) -> Vec<String> {
        let (map, _) = Map::new(raw.to_owned());
        places
            .iter()
            .map(|&p| map.target(p).map(Target::to_xpointer).unwrap_or_default())
            .collect()
    }

    fn pre(n: usize, k: usize) -> String {
        Target::Pre { n, k }.to_xpointer()
    }

    /// Our place for an xpointer.
    fn back(raw: &str, xp: &str) -> Option<usize> {
        let (map, _) = Map::new(raw.to_owned());
        map.place(Target::parse(xp)?)
    }

    /// Every line start of `raw`'s normalised text that holds text goes to an xpointer
    /// and comes back to itself.
    fn round_trips(raw: &str) {
        let (map, text) = Map::new(raw.to_owned());
        assert_eq!(text, crate::document::normalise::normalise(raw));
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checked = 0;
        for start in starts {
            let line = &text[start..text[start..].find('\n').map_or(text.len(), |e| start + e)];
            if line.trim_matches(' ').is_empty() {
                continue;
            }
            let target = map.target(start).expect("a line with text has a name");
            let xp = target.to_xpointer();
            assert_eq!(Target::parse(&xp), Some(target));
            assert_eq!(map.place(target), Some(start), "{xp} for {line:?}");
            checked += 1;
        }
        assert!(checked > 0);
    }

    #[test]
    fn lf_lines_count_only_lines_with_text() {
        let raw = "Title\n\nOne two.\n   \n\t\nThree.\n";
        assert_eq!(
            names(raw, &[0, 7, 11, 16, 29]),
            [pre(1, 0), pre(2, 0), pre(2, 4), pre(3, 0), pre(3, 0)]
        );
        assert_eq!(back(raw, &pre(2, 4)), Some(11));
        round_trips(raw);
    }

    #[test]
    fn cr_only_line_ends() {
        let raw = "one\rtwo\r\rthree";
        assert_eq!(names(raw, &[4, 9]), [pre(2, 0), pre(3, 0)]);
        assert_eq!(back(raw, &pre(3, 2)), Some(11));
        round_trips(raw);
    }

    #[test]
    fn lfcr_is_one_line_end_for_koreader_and_two_for_us() {
        // We see "a\n\nb\n\nc": a blank line KOReader does not have.
        let raw = "a\n\rb\n\rc";
        assert_eq!(crate::document::normalise::normalise(raw), "a\n\nb\n\nc");
        assert_eq!(names(raw, &[3, 6]), [pre(2, 0), pre(3, 0)]);
        assert_eq!(back(raw, "/FictionBook/body/empty-line[1]"), None);
        round_trips(raw);
    }

    #[test]
    fn crlf_and_mixed_line_ends() {
        let raw = "first line\r\nsecond\n\r\nthird\r\n";
        round_trips(raw);
        assert_eq!(names(raw, &[18]), [pre(3, 0)]);
    }

    #[test]
    fn a_leading_bom_is_not_a_character() {
        let raw = "\u{feff}Hello there\nworld";
        // The normalised text has no BOM: "Hello there\nworld".
        assert_eq!(names(raw, &[6, 12]), [pre(1, 6), pre(2, 0)]);
        assert_eq!(back(raw, &pre(1, 6)), Some(6));
        round_trips(raw);
    }

    #[test]
    fn a_stray_bom_inside_a_line_is_a_character_for_koreader() {
        let raw = "ab\u{feff}cd\nx";
        // Ours: "abcd": c is at 2, KOReader's c is its fourth character.
        assert_eq!(names(raw, &[2]), [pre(1, 3)]);
        assert_eq!(back(raw, &pre(1, 3)), Some(2));
    }

    #[test]
    fn blank_lines_with_spaces_and_tabs_are_empty_lines() {
        let raw = "one\n  \t \n\t\ntwo\n \nthree";
        assert_eq!(names(raw, &[4]), [pre(2, 0)]);
        assert_eq!(back(raw, "/FictionBook/body/empty-line[2]"), Some(14));
        assert_eq!(back(raw, "/FictionBook[1]/body[1]/empty-line[3]"), Some(27));
        round_trips(raw);
    }

    #[test]
    fn tabs_are_one_character_for_koreader() {
        let raw = "\tIndented\tword\n";
        let (map, text) = Map::new(raw.to_owned());
        let word = text.find("word").unwrap();
        assert_eq!(map.target(word), Some(Target::Pre { n: 1, k: 10 }));
        assert_eq!(map.place(Target::Pre { n: 1, k: 10 }), Some(word));
        assert_eq!(map.place(Target::Pre { n: 1, k: 1 }), Some(8));
    }

    #[test]
    fn escapes_and_overstrikes_are_characters_for_koreader() {
        let raw = "\x1b[1mBold\x1b[0m and _\x08u end\n";
        let (map, text) = Map::new(raw.to_owned());
        assert_eq!(text, "Bold and u end\n");
        let and = text.find("and").unwrap();
        assert_eq!(map.target(and), Some(Target::Pre { n: 1, k: 13 }));
        assert_eq!(map.place(Target::Pre { n: 1, k: 13 }), Some(and));
        let end = text.find("end").unwrap();
        let k = raw.find("end").unwrap();
        assert_eq!(map.target(end), Some(Target::Pre { n: 1, k }));
        assert_eq!(map.place(Target::Pre { n: 1, k }), Some(end));
    }

    #[test]
    fn a_5000_character_line_is_cut_after_a_space_at_2000() {
        // 1999 letters and a space: the 2000th character is the space, the cut.
        let first = format!("{} ", "a".repeat(1999));
        let second = format!("{}  ", "b".repeat(1500));
        let rest = "c".repeat(5000 - first.len() - second.len());
        let raw = format!("{first}{second}{rest}\nnext");
        let (map, _) = Map::new(raw.clone());
        assert_eq!(map.target(0), Some(Target::Pre { n: 1, k: 0 }));
        assert_eq!(map.target(2000), Some(Target::Pre { n: 2, k: 0 }));
        assert_eq!(map.target(2010), Some(Target::Pre { n: 2, k: 10 }));
        // The second piece reaches 2000 characters only in the "c"s, which have no
        // space: it runs to the line end.
        assert_eq!(map.target(3600), Some(Target::Pre { n: 2, k: 1600 }));
        assert_eq!(map.target(5001), Some(Target::Pre { n: 3, k: 0 }));
        assert_eq!(map.place(Target::Pre { n: 2, k: 1600 }), Some(3600));
    }

    #[test]
    fn a_long_line_of_spaces_ending_at_the_cut_makes_an_empty_line() {
        // Cut right after the 2000th character, a space; the line end then ends an
        // empty line of its own.
        let raw = format!("{} \nnext", "x".repeat(1999));
        let (map, _) = Map::new(raw.clone());
        assert_eq!(map.target(2001), Some(Target::Pre { n: 2, k: 0 }));
        assert_eq!(map.place(Target::EmptyLine { m: 1 }), Some(2000));
    }

    #[test]
    fn separator_lines_count_and_point_at_their_start() {
        let raw = "One.\n-----\n* * *\n===\n--x--\nTwo.";
        let (map, text) = Map::new(raw.to_owned());
        assert_eq!(
            map.target(text.find("Two").unwrap()),
            Some(Target::Pre { n: 6, k: 0 })
        );
        assert_eq!(map.target(7), Some(Target::Pre { n: 2, k: 0 }));
        assert_eq!(map.target(22), Some(Target::Pre { n: 5, k: 1 }));
        assert_eq!(map.place(Target::Pre { n: 2, k: 3 }), Some(5));
        round_trips(raw);
    }

    #[test]
    fn legacy_encodings_count_decoded_characters() {
        // "Café élan\nNaïve" in windows-1252: one byte a character, two in UTF-8.
        let bytes = b"Caf\xe9 \xe9lan\nNa\xefve et \xe0 la";
        let doc = Document::from_bytes(bytes, None).unwrap();
        let decoded = crate::document::decode::decode(bytes, None).unwrap();
        let (map, text) = Map::new(decoded.text.clone());
        assert_eq!(text, doc.text());
        let at = text.rfind("la").unwrap();
        assert_eq!(map.target(at), Some(Target::Pre { n: 2, k: 11 }));
        assert_eq!(map.place(Target::Pre { n: 2, k: 11 }), Some(at));
        round_trips(&decoded.text);
    }

    #[test]
    fn both_forms_of_the_name_are_read() {
        let want = Some(Target::Pre { n: 3, k: 7 });
        assert_eq!(Target::parse("/FictionBook/body/pre[3]/text().7"), want);
        assert_eq!(
            Target::parse("/FictionBook[1]/body[1]/pre[3]/text()[1].7"),
            want
        );
        assert_eq!(
            Target::parse("/FictionBook/body/pre/text().0"),
            Some(Target::Pre { n: 1, k: 0 })
        );
        assert_eq!(
            Target::parse("/FictionBook/body/pre[2]"),
            Some(Target::Pre { n: 2, k: 0 })
        );
        assert_eq!(
            Target::parse("/FictionBook/body/empty-line[4]"),
            Some(Target::EmptyLine { m: 4 })
        );
        for other in [
            "",
            "/FictionBook/body/p[12]/text().3",
            "/FictionBook/body/section/p[1]/text().0",
            "/FictionBook/body[2]/pre[1]/text().0",
            "/FictionBook/body/pre[0]/text().0",
            "/FictionBook/body/pre[1]/text()[2].0",
            "/FictionBook/body/pre[x]/text().0",
            "/FictionBook/body/pre[1]/text().-1",
            "#_doc_fragment_3",
        ] {
            assert_eq!(Target::parse(other), None, "{other}");
        }
    }

    #[test]
    fn a_name_past_the_end_has_no_place() {
        assert_eq!(back("one\ntwo", &pre(3, 0)), None);
        // A character offset past the line's end is its end.
        assert_eq!(back("one\ntwo", &pre(1, 99)), Some(3));
    }

    #[test]
    fn every_line_start_of_a_story_round_trips() {
        for name in [
            "the-night-ferry.txt",
            "creme-brulee-windows-1252.txt",
            "the-clockmaker-of-saltmarket-lane.txt",
            "the-lighthouse-keepers-cat.txt",
            "the-lost-property-office.txt",
            "zoe-at-the-kissaten.txt",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("stories")
                .join(name);
            let bytes = std::fs::read(path).unwrap();
            let decoded = crate::document::decode::decode(&bytes, None).unwrap();
            round_trips(&decoded.text);
            // And the same story with every kind of line end, tabs and a BOM.
            let mangled = format!(
                "\u{feff}{}",
                decoded
                    .text
                    .replace("\n\n", "\r\n \t\r\n")
                    .replace('\n', "\n\r")
                    .replace(". ", ".\t")
            );
            round_trips(&mangled);
        }
    }
}
