//! The reading-quality scorer: labelled fixtures of the shapes real stories come in, and
//! how many of their line-break decisions block detection gets right.
//!
//! Each fixture, `tests/shapes/<shape>/<name>.txt`, is a story in the labelled format of
//! `dogear::breaks` (a mark, a space, the line; blank lines blank), marked the
//! way a demanding reader wants it read, not the way the program reads it today. The
//! input is the fixture with the first two characters of each non-blank line dropped.
//!
//! A shape fails when its share of right decisions falls below its line in
//! `tests/shapes/thresholds.txt`. Any line no block holds (`?`), a line-count mismatch, or
//! a decision that changes when the same story has CRLF line ends fails outright.
//! `cargo test --locked --test all shapes:: -- --nocapture` prints the table even when
//! everything passes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dogear::{breaks, Document};

/// Mismatches shown per shape, and per fixture (so one bad fixture does not hide the rest).
const SHOWN: usize = 9;
const SHOWN_PER_FIXTURE: usize = 3;
/// Characters of a line shown in a mismatch.
const SHOWN_WIDTH: usize = 64;

/// One labelled story.
struct Fixture {
    /// `shape/name.txt`, for messages.
    name: String,
    /// The story, marks dropped.
    input: String,
    /// The expected mark of each line (`None` for a blank line).
    marks: Vec<Option<char>>,
}

fn shapes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shapes")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses a labelled fixture; a malformed line is a mistake in the fixture, not in the
/// program, so it panics with where it is.
fn parse(name: String, labelled: &str) -> Fixture {
    let mut input = String::new();
    let mut marks = Vec::new();
    for (i, line) in labelled.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            marks.push(None);
            input.push('\n');
            continue;
        }
        let mut chars = line.chars();
        let mark = chars
            .next()
            .filter(|&m| breaks::Break::from_mark(m).is_some());
        let (Some(mark), Some(' ')) = (mark, chars.next()) else {
            panic!(
                "{name}:{}: a line must start with one of `> ~ | #` and a space: {line:?}",
                i + 1
            );
        };
        marks.push(Some(mark));
        input.push_str(chars.as_str());
        input.push('\n');
    }
    Fixture { name, input, marks }
}

/// Every fixture, by shape (the folder's name), in a stable order.
fn fixtures() -> BTreeMap<String, Vec<Fixture>> {
    let mut shapes = BTreeMap::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(shapes_dir())
        .expect("tests/shapes exists")
        .map(|e| e.expect("readable tests/shapes").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let shape = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("readable shape folder").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let list: Vec<Fixture> = files
            .iter()
            .map(|f| {
                let name = format!("{shape}/{}", f.file_name().unwrap().to_string_lossy());
                parse(name, &read(f))
            })
            .collect();
        assert!(!list.is_empty(), "tests/shapes/{shape} holds no fixture");
        shapes.insert(shape, list);
    }
    shapes
}

/// `shape percent` lines; `#` starts a comment.
fn thresholds() -> BTreeMap<String, u32> {
    let path = shapes_dir().join("thresholds.txt");
    let mut out = BTreeMap::new();
    for (i, line) in read(&path).lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut words = line.split_whitespace();
        let parsed = match (words.next(), words.next(), words.next()) {
            (Some(shape), Some(share), None) => share
                .strip_suffix('%')
                .and_then(|p| p.parse::<u32>().ok())
                .filter(|&p| p <= 100)
                .map(|p| (shape.to_string(), p)),
            _ => None,
        };
        let Some((shape, percent)) = parsed else {
            panic!(
                "thresholds.txt:{}: expected `shape NN%`, got {line:?}",
                i + 1
            );
        };
        out.insert(shape, percent);
    }
    out
}

/// One wrong decision.
struct Miss {
    fixture: String,
    line_no: usize,
    want: char,
    got: char,
    line: String,
}

/// How one shape scored.
#[derive(Default)]
struct Score {
    right: usize,
    total: usize,
    /// (expected, got) -> count, mismatches only.
    confusion: BTreeMap<(char, char), usize>,
    /// Per fixture: (name, right, total, its misses).
    fixtures: Vec<(String, usize, usize, Vec<Miss>)>,
    /// Mistakes that fail the test whatever the threshold.
    broken: Vec<String>,
}

impl Score {
    fn percent(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            self.right as f64 * 100.0 / self.total as f64
        }
    }
}

/// What block detection made of one story.
struct Reading {
    /// Each line's mark, `None` for a blank line.
    marks: Vec<Option<char>>,
    /// Each line as the document holds it (tabs expanded), for messages.
    lines: Vec<String>,
    decisions: Vec<(usize, breaks::Break)>,
}

fn read_story(input: &str) -> Reading {
    let doc = Document::from_text(input);
    let labelled = breaks::labelled(&doc);
    let mut marks = Vec::new();
    let mut lines = Vec::new();
    for line in labelled.lines() {
        let mut chars = line.chars();
        marks.push(chars.next());
        chars.next();
        lines.push(chars.as_str().to_string());
    }
    Reading {
        marks,
        lines,
        decisions: breaks::decisions(&doc),
    }
}

fn shorten(line: &str) -> String {
    let mut s: String = line.chars().take(SHOWN_WIDTH).collect();
    if s.len() < line.len() {
        s.push('…');
    }
    s
}

fn score(fixtures: &[Fixture]) -> Score {
    let mut score = Score::default();
    for fx in fixtures {
        let Reading {
            marks: got,
            lines,
            decisions,
        } = read_story(&fx.input);
        let crlf = read_story(&fx.input.replace('\n', "\r\n"));
        if crlf.decisions != decisions || crlf.marks != got {
            score
                .broken
                .push(format!("{}: the CRLF copy is read differently", fx.name));
        }
        if got.len() != fx.marks.len() {
            score.broken.push(format!(
                "{}: {} lines labelled, the fixture has {}",
                fx.name,
                got.len(),
                fx.marks.len()
            ));
            continue;
        }
        let (mut right, mut total, mut misses) = (0, 0, Vec::new());
        for (i, (&want, &got)) in fx.marks.iter().zip(&got).enumerate() {
            let Some(want) = want else {
                if got.is_some() {
                    score
                        .broken
                        .push(format!("{}:{}: a blank line was labelled", fx.name, i + 1));
                }
                continue;
            };
            total += 1;
            let got = got.unwrap_or(' ');
            if got == '?' {
                score.broken.push(format!(
                    "{}:{}: no block holds this line: {}",
                    fx.name,
                    i + 1,
                    shorten(&lines[i])
                ));
            }
            if got == want {
                right += 1;
            } else {
                *score.confusion.entry((want, got)).or_default() += 1;
                misses.push(Miss {
                    fixture: fx.name.clone(),
                    line_no: i + 1,
                    want,
                    got,
                    line: lines[i].clone(),
                });
            }
        }
        score.right += right;
        score.total += total;
        score.fixtures.push((fx.name.clone(), right, total, misses));
    }
    score
}

/// The table: one row per shape, then its confusions and its worst mismatches (from the
/// fixtures it reads worst).
fn report(scores: &BTreeMap<String, Score>, thresholds: &BTreeMap<String, u32>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<16} {:>9} {:>7} {:>6}  confusions (expected read as got)",
        "shape", "right", "share", "min"
    );
    for (shape, s) in scores {
        let min = thresholds
            .get(shape)
            .map_or("-".to_string(), |p| format!("{p}%"));
        let mut conf: Vec<_> = s.confusion.iter().collect();
        conf.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let conf: Vec<String> = conf
            .iter()
            .map(|((w, g), n)| format!("{w} read as {g}: {n}"))
            .collect();
        let _ = writeln!(
            out,
            "{:<16} {:>9} {:>6.1}% {:>6}  {}",
            shape,
            format!("{}/{}", s.right, s.total),
            s.percent(),
            min,
            conf.join(", ")
        );
    }
    for (shape, s) in scores {
        let mut by_worst: Vec<_> = s.fixtures.iter().filter(|f| !f.3.is_empty()).collect();
        if by_worst.is_empty() {
            continue;
        }
        // Lowest share first; a fixture read badly says more than one read nearly right.
        by_worst.sort_by(|a, b| (a.1 * b.2).cmp(&(b.1 * a.2)).then(a.0.cmp(&b.0)));
        let _ = writeln!(out, "\n{shape}: worst mismatches");
        for (name, right, total, _) in &by_worst {
            let _ = writeln!(out, "  {name}: {right}/{total}");
        }
        let shown = by_worst
            .iter()
            .flat_map(|f| f.3.iter().take(SHOWN_PER_FIXTURE))
            .take(SHOWN);
        for m in shown {
            let _ = writeln!(
                out,
                "  {}:{}  want {} got {}  {}",
                m.fixture,
                m.line_no,
                m.want,
                m.got,
                shorten(&m.line)
            );
        }
    }
    out
}

#[test]
fn reading_quality_stays_at_or_above_each_shapes_threshold() {
    let thresholds = thresholds();
    let scores: BTreeMap<String, Score> = fixtures()
        .iter()
        .map(|(shape, list)| (shape.clone(), score(list)))
        .collect();
    eprintln!("{}", report(&scores, &thresholds));

    let mut failures = Vec::new();
    for (shape, s) in &scores {
        failures.extend(s.broken.iter().cloned());
        match thresholds.get(shape) {
            None => failures.push(format!("{shape}: no line in thresholds.txt")),
            // Integer arithmetic: the share is compared exactly, not through a float.
            Some(&p) if s.right * 100 < p as usize * s.total => failures.push(format!(
                "{shape}: {}/{} right ({:.1}%) is below its threshold {p}%",
                s.right,
                s.total,
                s.percent()
            )),
            Some(_) => {}
        }
    }
    for shape in thresholds.keys() {
        if !scores.contains_key(shape) {
            failures.push(format!(
                "thresholds.txt names {shape}, which has no fixtures"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn fixture_lines_parse_into_marks_and_input() {
    let fx = parse(
        "t".into(),
        "# TITLE\n\n> The first line\n~ goes on.\n| \tkept\n",
    );
    assert_eq!(fx.input, "TITLE\n\nThe first line\ngoes on.\n\tkept\n");
    assert_eq!(fx.marks, [Some('#'), None, Some('>'), Some('~'), Some('|')]);
}
