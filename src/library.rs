//! The library: every story the reader has, with progress, most recent first.
//!
//! Pure on purpose: the shell gathers the inputs (recent books from the store,
//! story files in a folder, the bundled stories) and the current time, and this
//! module decides the order, the titles, the filtering and what each key does.
//! Nothing here reads the disk or the clock, so every rule is a plain unit test.

use std::path::PathBuf;

/// Where a library entry came from; it decides what "forget" means for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A book the reader has opened; its state is keyed by this fingerprint.
    Recent { fingerprint: String },
    /// A story file found in the stories folder, never opened yet.
    Folder,
    /// A story bundled in the binary, by file name (see [`crate::bundled`]).
    Bundled(String),
}

/// One row of the library.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub title: String,
    /// `None` for a bundled story that has not been written to disk yet.
    pub path: Option<PathBuf>,
    pub source: Source,
    /// How far through, 0.0 to 100.0, when known.
    pub percent: Option<f64>,
    /// When last read, in Unix seconds.
    pub last_read: Option<u64>,
    /// The file was not there when the library was listed.
    pub missing: bool,
}

/// A book from the reader's saved state.
#[derive(Debug, Clone, PartialEq)]
pub struct Recent {
    pub title: String,
    pub path: PathBuf,
    pub fingerprint: String,
    pub percent: Option<f64>,
    pub last_read: Option<u64>,
    /// Whether `path` existed when the shell looked.
    pub exists: bool,
}

/// A story file found in the stories folder.
#[derive(Debug, Clone, PartialEq)]
pub struct FolderFile {
    pub path: PathBuf,
    pub title: String,
}

/// A bundled story, already given a title by [`title_of`].
#[derive(Debug, Clone, PartialEq)]
pub struct BundledInfo {
    pub name: String,
    pub title: String,
}

/// Lists recent books first, most recently read first, then folder stories, then
/// bundled stories, each of those two groups in alphabetical order of title.
///
/// A story appears once: folder files already listed as recent (same path) are
/// dropped, and so is a bundled story whose file name ends a listed path, because
/// once opened it lives on disk under that name and shows up as a recent book.
pub fn build(
    recent: Vec<Recent>,
    folder_files: Vec<FolderFile>,
    bundled: &[BundledInfo],
) -> Vec<Entry> {
    let mut recent = recent;
    // Stable sort: books never read (no time) go last, in the order given.
    recent.sort_by_key(|r| std::cmp::Reverse(r.last_read));

    let mut entries: Vec<Entry> = Vec::new();
    for r in recent {
        if entries.iter().any(|e| e.path.as_ref() == Some(&r.path)) {
            continue;
        }
        entries.push(Entry {
            title: r.title,
            path: Some(r.path),
            source: Source::Recent {
                fingerprint: r.fingerprint,
            },
            percent: r.percent,
            last_read: r.last_read,
            missing: !r.exists,
        });
    }

    let mut folder: Vec<FolderFile> = folder_files
        .into_iter()
        .filter(|f| !entries.iter().any(|e| e.path.as_ref() == Some(&f.path)))
        .collect();
    folder.sort_by(|a, b| {
        sort_key(&a.title)
            .cmp(&sort_key(&b.title))
            .then_with(|| a.path.cmp(&b.path))
    });
    let mut seen_paths: Vec<PathBuf> = Vec::new();
    for f in folder {
        if seen_paths.contains(&f.path) {
            continue;
        }
        seen_paths.push(f.path.clone());
        entries.push(Entry {
            title: f.title,
            path: Some(f.path),
            source: Source::Folder,
            percent: None,
            last_read: None,
            missing: false,
        });
    }

    let mut extra: Vec<&BundledInfo> = bundled
        .iter()
        .filter(|b| {
            !entries.iter().any(|e| {
                e.path
                    .as_ref()
                    .is_some_and(|p| p.file_name().is_some_and(|n| n == b.name.as_str()))
            })
        })
        .collect();
    extra.sort_by(|a, b| {
        sort_key(&a.title)
            .cmp(&sort_key(&b.title))
            .then_with(|| a.name.cmp(&b.name))
    });
    extra.dedup_by(|a, b| a.name == b.name);
    for b in extra {
        entries.push(Entry {
            title: b.title.clone(),
            path: None,
            source: Source::Bundled(b.name.clone()),
            percent: None,
            last_read: None,
            missing: false,
        });
    }
    entries
}

/// Alphabetical order a reader expects: case-insensitive, ignoring a leading
/// "The " or "A " the way a bookshop shelves titles.
pub(crate) fn sort_key(title: &str) -> String {
    let lower = title.trim().to_lowercase();
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = lower.strip_prefix(article) {
            return rest.to_string();
        }
    }
    lower
}

/// A story's title: a Project Gutenberg `Title:` line near the top, else the first
/// title-like line of the story (short, not a byline "by ...", not Gutenberg's
/// boilerplate, not a "Contents" or "Chapter I" heading, not a sentence), else the file
/// name. The search stops at the first paragraph of prose: a title comes before it.
///
/// ```
/// use dogear::title_of;
/// assert_eq!(title_of("Title: Emma\n\nAuthor: J.", "x.txt"), "Emma");
/// assert_eq!(title_of("\n  The Night Ferry\n\nverse...", "x.txt"), "The Night Ferry");
/// assert_eq!(title_of("By A. Writer\n\nThe Quay\n\nIt rained.", "x.txt"), "The Quay");
/// assert_eq!(title_of("", "notes.txt"), "notes");
/// ```
pub fn title_of(text: &str, file_name: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(title) = gutenberg_title(text) {
        return title;
    }
    // After a Project Gutenberg header when there is one: the header's lines are not the
    // story's. Both ends are searched in a fixed window, so this is cheap on any size.
    let body = crate::document::gutenberg::body(text);
    let story = text.get(body.start..).unwrap_or(text);
    if let Some(title) = first_title_line(story) {
        return tidy_caps(title);
    }
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    match name.len().checked_sub(4) {
        Some(cut) if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(".txt") => {
            name[..cut].to_string()
        }
        _ => name.to_string(),
    }
}

/// How many non-empty lines [`first_title_line`] reads before giving up.
const TITLE_SEARCH_LINES: usize = 40;

fn first_title_line(story: &str) -> Option<&str> {
    for line in story
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(TITLE_SEARCH_LINES)
    {
        if is_boilerplate(line) || is_byline(line) {
            continue;
        }
        if line.chars().count() > MAX_TITLE_CHARS {
            // A paragraph: the story has begun without a title.
            return None;
        }
        if is_title_line(line) {
            return Some(without_byline(line));
        }
    }
    None
}

/// "by Some Author", "BY THE SAME HAND", "_by_", "Translated by ...": who wrote it.
fn is_byline(line: &str) -> bool {
    let lower = line.trim_matches(['_', '*']).to_lowercase();
    lower == "by"
        || lower.starts_with("by ")
        || [
            "written",
            "translated",
            "edited",
            "illustrated",
            "compiled",
            "selected",
            "retold",
        ]
        .iter()
        .any(|verb| lower.starts_with(verb) && lower[verb.len()..].trim_start().starts_with("by"))
}

/// "A Child's History of England by Charles Dickens": the title without its author.
fn without_byline(line: &str) -> &str {
    let Some(at) = line.rfind(" by ") else {
        return line;
    };
    let author = &line[at + 4..];
    let words = author.split_whitespace().count();
    let named = author
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase));
    if at > 0 && (1..=4).contains(&words) && named {
        line[..at].trim_end_matches([',', ' '])
    } else {
        line
    }
}

/// Project Gutenberg's and transcribers' lines around a story.
fn is_boilerplate(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "gutenberg",
        "produced by",
        "prepared by",
        "transcribed",
        "e-text",
        "etext",
        "http",
        "www.",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || line.starts_with(['[', '*'])
}

/// A line that could be a title: it starts with a capital (or a quote or a digit), does
/// not end mid-sentence, and is neither a section heading nor a sentence of the story.
fn is_title_line(line: &str) -> bool {
    use crate::document::blocks::heading;
    if !line.chars().any(char::is_alphabetic)
        || !line.starts_with(|c: char| c.is_alphanumeric() || "\"'“‘«".contains(c))
        || line.starts_with(char::is_lowercase)
        || line.ends_with([',', ';', ':'])
        || line.to_lowercase().contains("contents")
        || heading::is_named_section(line)
        || heading::numbered(line).is_some()
        || heading::roman_led(line).is_some()
    {
        return false;
    }
    // "It was a dark night." is the story speaking; "The Night Ferry" is its name.
    const SMALL: [&str; 14] = [
        "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from",
    ];
    let lower_words = line
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_lowercase) && !SMALL.contains(w))
        .count();
    !(line.ends_with(['.', '!', '?']) && lower_words >= 1) && lower_words <= 3
}

/// Longer than this, a first line is the start of a paragraph, not a title.
const MAX_TITLE_CHARS: usize = 60;

/// Project Gutenberg puts `Title:` within the first few dozen lines; a long title
/// continues on indented lines below it.
fn gutenberg_title(text: &str) -> Option<String> {
    let mut lines = text.lines().take(100);
    while let Some(line) = lines.next() {
        let Some(rest) = line.trim_start().strip_prefix("Title:") else {
            continue;
        };
        let mut title = rest.trim().to_string();
        for more in lines.by_ref() {
            if more.trim().is_empty() || !more.starts_with(char::is_whitespace) {
                break;
            }
            title.push(' ');
            title.push_str(more.trim());
        }
        if !title.is_empty() {
            return Some(title);
        }
        return None;
    }
    None
}

/// "THE NIGHT FERRY" shouts in a list of quieter titles; shelve it as
/// "The Night Ferry". Titles with any lower case are left as the author wrote them.
fn tidy_caps(line: &str) -> String {
    if line.chars().any(char::is_lowercase) || !line.chars().any(char::is_uppercase) {
        return line.to_string();
    }
    const SMALL: [&str; 12] = [
        "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to",
    ];
    line.split(' ')
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            let mut chars = lower.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => lower,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How long ago `then` was, in the words a person would use.
///
/// Days are counted as elapsed 24-hour spans, not calendar days: the core has no
/// time zone, and "yesterday" for something read 30 hours ago is close enough.
///
/// ```
/// use dogear::ago;
/// assert_eq!(ago(1_000, 1_030), "just now");
/// assert_eq!(ago(0, 2 * 86_400), "2 days ago");
/// ```
pub fn ago(then: u64, now: u64) -> String {
    const MINUTE: u64 = 60;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    let secs = now.saturating_sub(then);
    let (n, unit) = match secs {
        s if s < MINUTE => return "just now".to_string(),
        s if s < HOUR => (s / MINUTE, "minute"),
        s if s < DAY => (s / HOUR, "hour"),
        s if s < 2 * DAY => return "yesterday".to_string(),
        s if s < 7 * DAY => (s / DAY, "day"),
        s if s < 30 * DAY => (s / (7 * DAY), "week"),
        s if s < 365 * DAY => (s / (30 * DAY), "month"),
        s => (s / (365 * DAY), "year"),
    };
    let plural = if n == 1 { "" } else { "s" };
    format!("{n} {unit}{plural} ago")
}

/// What tells each entry apart from others of the same title (ignoring case), in
/// `entries`' order: `None` for a title no other entry has; else the file name, the
/// folder and the file name when the file names are the same too, the whole path when
/// even those are, or "bundled" for a bundled story.
///
/// ```
/// use dogear::{distinctions, Entry, Source};
/// let book = |title: &str, path: &str| Entry {
///     title: title.into(), path: Some(path.into()), source: Source::Folder,
///     percent: None, last_read: None, missing: false,
/// };
/// let entries = [
///     book("Emma", "/b/emma.txt"), book("Emma", "/drafts/emma.txt"),
///     book("Emma", "/b/emma-2.txt"), book("Persuasion", "/b/p.txt"),
/// ];
/// assert_eq!(
///     distinctions(&entries),
///     [Some("b/emma.txt".into()), Some("drafts/emma.txt".into()),
///      Some("emma-2.txt".into()), None],
/// );
/// ```
pub fn distinctions(entries: &[Entry]) -> Vec<Option<String>> {
    use std::collections::HashMap;
    let key = |e: &Entry| e.title.trim().to_lowercase();
    let mut by_title: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        by_title.entry(key(e)).or_default().push(i);
    }
    let mut out = vec![None; entries.len()];
    for group in by_title.values().filter(|g| g.len() > 1) {
        for &i in group {
            // The fewest parts of the path that no other book of this title shares.
            let name = [1, 2]
                .into_iter()
                .map(|depth| (depth, place_name(&entries[i], depth)))
                .find(|(depth, name)| {
                    name.is_some()
                        && group
                            .iter()
                            .all(|&j| j == i || place_name(&entries[j], *depth) != *name)
                })
                .and_then(|(_, name)| name)
                .or_else(|| place_name(&entries[i], usize::MAX));
            out[i] = Some(name.unwrap_or_else(|| "bundled".to_string()));
        }
    }
    out
}

/// The last `depth` parts of an entry's path ("folder/file.txt" at 2), or `None` for a
/// bundled story not yet written out.
pub fn place_name(entry: &Entry, depth: usize) -> Option<String> {
    let path = entry.path.as_ref()?;
    let parts: Vec<String> = path
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if depth > parts.len() {
        return Some(path.display().to_string());
    }
    Some(parts[parts.len() - depth..].join("/"))
}

/// Indices of the entries whose title matches `query`, in library order.
///
/// A title matches when it contains the query (ignoring case), or when it contains
/// each of the query's words in order, so "night fer" and "keeper cat" both find
/// what the reader means. An empty query matches everything.
pub fn filter(entries: &[Entry], query: &str) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    entries
        .iter()
        .enumerate()
        .filter(|(_, e)| matches(&e.title.to_lowercase(), &query))
        .map(|(i, _)| i)
        .collect()
}

fn matches(title: &str, query: &str) -> bool {
    if title.contains(query) {
        return true;
    }
    let mut rest = title;
    for word in query.split_whitespace() {
        match rest.find(word) {
            Some(at) => rest = &rest[at + word.len()..],
            None => return false,
        }
    }
    true
}

mod marks;
mod model;
pub use marks::{MarkList, MarkRow};
pub use model::{LibraryAction, LibraryEffect, LibraryModel, Order};
