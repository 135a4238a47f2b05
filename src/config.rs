//! Settings from `config.toml`.
//!
//! A settings file must never stop anyone reading: a missing file means the defaults, and
//! a malformed one means the defaults plus a message naming the line. Unknown keys (a typo,
//! or a setting from a newer dogear) are ignored and reported, so the rest still applies.
//! `[keys]` rebinds keys (see [`crate::keymap::table`]); a rebinding that names an
//! unknown action or key, or takes a key another action has, is reported with its line
//! and that action keeps its default keys.
//! Parsing is pure; [`crate::store::Store::load_config`] reads the file.

mod effective;

use crate::keymap::{Keymap, Rebinding};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The format version of `config.toml`, so later versions can migrate it.
pub const CONFIG_VERSION: u32 = 1;

/// Narrowest accepted column width; anything less is unreadable.
const MIN_WIDTH: u16 = 20;

/// dogear's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    pub version: u32,
    /// The widest the text column gets, in terminal columns; wider windows centre it.
    pub max_width: u16,
    /// Directories (or files) of stories shown in the library. `~` is expanded.
    pub library: Vec<PathBuf>,
    /// Justified lines (`J`).
    pub justify: bool,
    /// Words hyphenated at line ends (`H`).
    pub hyphenate: bool,
    /// Paragraphs indented with no blank line between them (`P`).
    pub indent: bool,
    /// Whose hyphenation patterns (`language = "de"`), or `auto`: guessed from each
    /// story. Read by hand, like the theme.
    #[serde(skip_deserializing)]
    pub language: crate::layout::Language,
    /// Blank rows above and below the page.
    pub margin: u16,
    /// Paragraphs broken with optimal fit, their lines evenly full (no key: a setting
    /// chosen once).
    pub optimal_fit: bool,
    /// Two pages side by side on a window 160 columns wide or more (`D`).
    pub spread: bool,
    /// Progress sync with a KOReader sync server (`[sync]`).
    pub sync: SyncConfig,
    /// The theme (`theme = "sepia"`), unless another was chosen with `T` since it was
    /// set. Read by hand, so that a misspelt name costs only itself.
    #[serde(skip_deserializing)]
    pub theme: crate::look::ThemeName,
    /// `[keys]`: actions given other keys than the defaults, as written (read apart from
    /// the rest, with their lines; see [`Keymap::new`]).
    #[serde(skip)]
    pub keys: Vec<Rebinding>,
}

/// `[sync]`: where the reading place is synced with KOReader (see [`crate::sync`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncConfig {
    /// The server's address, e.g. `https://sync.koreader.rocks`; none: no sync.
    pub server: Option<String>,
    pub username: Option<String>,
    /// Push and pull while reading (else only `dogear sync` commands talk to it).
    pub auto: bool,
    /// The name other devices show for this one.
    pub device: String,
    /// Allow `http://` to another machine (the password's hash crosses the network).
    pub insecure_http: bool,
}

impl Default for SyncConfig {
    fn default() -> Self {
        SyncConfig {
            server: None,
            username: None,
            auto: true,
            device: "dogear".into(),
            insecure_http: false,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            version: CONFIG_VERSION,
            max_width: 72,
            library: Vec::new(),
            justify: false,
            hyphenate: false,
            indent: false,
            language: crate::layout::Language::Auto,
            margin: 0,
            optimal_fit: false,
            spread: false,
            sync: SyncConfig::default(),
            theme: crate::look::ThemeName::Terminal,
            keys: Vec::new(),
        }
    }
}

/// Top-level keys `Config` understands; kept in step with the struct by a test.
const KNOWN_KEYS: &[&str] = &[
    "version",
    "max_width",
    "library",
    "justify",
    "hyphenate",
    "indent",
    "language",
    "margin",
    "optimal_fit",
    "spread",
    "sync",
    "theme",
    "keys",
];
/// The keys of `[sync]`; kept in step with [`SyncConfig`] by a test.
const SYNC_KEYS: &[&str] = &["server", "username", "auto", "device", "insecure_http"];

/// The names in the file, with where they are: for messages about unknown settings.
#[derive(Deserialize)]
struct Sections {
    #[serde(default)]
    sync: BTreeMap<Spanned<String>, IgnoredAny>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

impl Config {
    /// How lines are set, as these settings say.
    pub fn typography(&self) -> crate::layout::Typography {
        crate::layout::Typography {
            justify: self.justify,
            hyphenate: self.hyphenate,
            indent: self.indent,
            language: self.language,
            optimal: self.optimal_fit,
        }
    }

    /// Parses `text`, the contents of the file at `path` (named in messages); `home`
    /// replaces a leading `~` in library paths. Returns the settings and messages for the
    /// reader about anything ignored.
    pub fn parse(text: &str, path: &Path, home: Option<&Path>) -> (Config, Vec<String>) {
        let mut messages = Vec::new();
        let mut config = match toml::from_str::<Config>(text) {
            Ok(config) => config,
            Err(e) => {
                let at = e
                    .span()
                    .map(|span| format!(": line {}", line_of(text, span.start)))
                    .unwrap_or_default();
                // toml's messages may run over several lines ("invalid array\nexpected `]`"):
                // a message here is one line in the status bar.
                let message = e
                    .message()
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join(": ");
                messages.push(format!(
                    "{}{at}: {message}; using default settings",
                    path.display(),
                ));
                return (Config::default(), messages);
            }
        };
        // (line, message), sorted by line once all are found.
        let mut found: Vec<(usize, String)> = Vec::new();
        let unknown = |found: &mut Vec<(usize, String)>, key: &Spanned<String>, prefix: &str| {
            found.push((
                line_of(text, key.span().start),
                format!("unknown setting '{prefix}{}' ignored", key.get_ref()),
            ));
        };
        if let Ok(top) = toml::from_str::<BTreeMap<Spanned<String>, toml::Value>>(text) {
            if let Some((key, value)) = top.iter().find(|(k, _)| k.get_ref() == "theme") {
                let theme = value.as_str().and_then(crate::look::ThemeName::parse);
                config.theme = theme.unwrap_or_default();
                if theme.is_none() {
                    let names: Vec<&str> = crate::look::ThemeName::ALL
                        .iter()
                        .map(|t| t.name())
                        .collect();
                    found.push((
                        line_of(text, key.span().start),
                        format!("unknown theme {value}; one of {}", names.join(", ")),
                    ));
                }
            }
            if let Some((key, value)) = top.iter().find(|(k, _)| k.get_ref() == "language") {
                let language = value.as_str().and_then(crate::layout::Language::parse);
                config.language = language.unwrap_or_default();
                if language.is_none() {
                    let codes: Vec<&str> = crate::layout::Lang::all().map(|l| l.code()).collect();
                    found.push((
                        line_of(text, key.span().start),
                        format!(
                            "unknown language {value}; auto or one of {}",
                            codes.join(", ")
                        ),
                    ));
                }
            }
            for key in top
                .keys()
                .filter(|k| !KNOWN_KEYS.contains(&k.get_ref().as_str()))
            {
                unknown(&mut found, key, "");
            }
        }
        match toml::from_str::<Sections>(text) {
            Ok(sections) => {
                for key in sections.sync.keys() {
                    if !SYNC_KEYS.contains(&key.get_ref().as_str()) {
                        unknown(&mut found, key, "sync.");
                    }
                }
                let (keys, problems) = rebindings(text, &sections.keys);
                found.extend(problems);
                let (_, problems) = Keymap::new(&keys);
                found.extend(problems.into_iter().map(|p| (p.line, p.message)));
                config.keys = keys;
            }
            Err(e) => {
                let line = e.span().map_or(1, |span| line_of(text, span.start));
                let message = e
                    .message()
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                found.push((line, format!("{message}; using the default keys")));
            }
        }
        found.sort_by_key(|(line, _)| *line);
        for (line, message) in found {
            messages.push(format!("{}: line {line}: {message}", path.display()));
        }
        if config.max_width < MIN_WIDTH {
            messages.push(format!(
                "{}: max_width {} is too narrow (at least {MIN_WIDTH}); using {}",
                path.display(),
                config.max_width,
                Config::default().max_width
            ));
            config.max_width = Config::default().max_width;
        }
        if let Some(home) = home {
            for dir in &mut config.library {
                *dir = expand_tilde(dir, home);
            }
        }
        (config, messages)
    }
}

/// `~` or `~/x` becomes the home directory (or `home/x`); `~user` is left alone.
fn expand_tilde(path: &Path, home: &Path) -> PathBuf {
    match path.strip_prefix("~") {
        Ok(rest) if rest.as_os_str().is_empty() => home.to_owned(),
        Ok(rest) => home.join(rest),
        Err(_) => path.to_owned(),
    }
}

/// The 1-based line holding byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// `[keys]` as rebindings, each key name with its line (found in the value's own text,
/// as toml gives no place for an array's items); values that are not a key name or a
/// list of them are reported.
fn rebindings(
    text: &str,
    keys: &BTreeMap<Spanned<String>, Spanned<toml::Value>>,
) -> (Vec<Rebinding>, Vec<(usize, String)>) {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for (action, value) in keys {
        let line = line_of(text, action.span().start);
        let span = value.span();
        let written = text.get(span.clone()).unwrap_or_default();
        let names: Option<Vec<&str>> = match value.get_ref() {
            toml::Value::String(name) => Some(vec![name.as_str()]),
            toml::Value::Array(items) => items.iter().map(toml::Value::as_str).collect(),
            _ => None,
        };
        let Some(names) = names else {
            problems.push((
                line,
                format!(
                    "{} = ? wants a list of key names, like [\"space\", \"l\"]",
                    action.get_ref()
                ),
            ));
            continue;
        };
        let mut from = 0;
        let keys = names
            .into_iter()
            .map(|name| {
                let quoted = [format!("\"{name}\""), format!("'{name}'")];
                let at = quoted
                    .iter()
                    .filter_map(|q| written[from..].find(q.as_str()))
                    .min()
                    .map_or(from, |i| from + i);
                from = (at + 1).min(written.len());
                (name.to_owned(), line_of(text, span.start + at))
            })
            .collect();
        out.push(Rebinding {
            action: action.get_ref().clone(),
            line,
            keys,
        });
    }
    // In the file's order, so that a later line is the one said to conflict.
    out.sort_by_key(|r| r.line);
    (out, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Config, Vec<String>) {
        Config::parse(
            text,
            Path::new("/c/config.toml"),
            Some(Path::new("/home/r")),
        )
    }

    #[test]
    fn empty_file_is_the_defaults() {
        assert_eq!(parse(""), (Config::default(), vec![]));
    }

    #[test]
    fn settings_and_tilde_expansion() {
        let (c, msgs) = parse("max_width = 60\nlibrary = [\"~/books\", \"/srv/s\", \"~\"]\n");
        assert!(msgs.is_empty(), "{msgs:?}");
        assert_eq!(c.max_width, 60);
        let want: Vec<PathBuf> = vec!["/home/r/books".into(), "/srv/s".into(), "/home/r".into()];
        assert_eq!(c.library, want);
    }

    #[test]
    fn malformed_file_names_the_line() {
        let (c, msgs) = parse("# settings\nlibrary = []\nmax_width = \"wide\"\n");
        assert_eq!(c, Config::default());
        assert_eq!(msgs.len(), 1);
        assert!(
            msgs[0].starts_with("/c/config.toml: line 3: "),
            "{}",
            msgs[0]
        );
        let (_, msgs) = parse("max_width = 60\n\n[oops\n");
        assert!(msgs[0].contains("line 3"), "{}", msgs[0]);
    }

    #[test]
    fn unknown_keys_are_reported_and_the_rest_applies() {
        let (c, msgs) = parse("max_width = 50\nmax_widht = 90\n");
        assert_eq!(c.max_width, 50);
        assert_eq!(
            msgs,
            ["/c/config.toml: line 2: unknown setting 'max_widht' ignored"]
        );
    }

    #[test]
    fn typography_settings() {
        let (c, msgs) = parse("justify = true\nhyphenate = true\nindent = true\n");
        assert!(msgs.is_empty(), "{msgs:?}");
        let t = c.typography();
        assert!(t.justify && t.hyphenate && t.indent);
        assert_eq!(
            Config::default().typography(),
            crate::layout::Typography::default()
        );
    }

    #[test]
    fn too_narrow_width_falls_back() {
        let (c, msgs) = parse("max_width = 0");
        assert_eq!(c.max_width, 72);
        assert_eq!(msgs.len(), 1);
    }

    #[test]
    fn known_keys_match_the_struct() {
        let table = toml::Table::try_from(Config::default()).unwrap();
        // `keys` is read apart from the rest (with its lines), so not serialised.
        let mut keys: Vec<&str> = table.keys().map(String::as_str).chain(["keys"]).collect();
        keys.sort_unstable();
        let mut known = KNOWN_KEYS.to_vec();
        known.sort_unstable();
        assert_eq!(keys, known);
    }

    #[test]
    fn a_theme_by_name_and_a_misspelt_one_named_with_its_line() {
        use crate::look::ThemeName;
        let (c, msgs) = parse("theme = \"sepia\"\n");
        assert!(msgs.is_empty(), "{msgs:?}");
        assert_eq!(c.theme, ThemeName::Sepia);
        let (c, msgs) = parse("max_width = 60\ntheme = \"solarised\"\n");
        assert_eq!((c.max_width, c.theme), (60, ThemeName::Terminal));
        assert_eq!(
            msgs,
            ["/c/config.toml: line 2: unknown theme \"solarised\"; one of terminal, light, dark, sepia, high-contrast"]
        );
    }

    #[test]
    fn an_unknown_table_has_no_double_colon() {
        let (_, msgs) = parse("max_width = 60\n[colours]\nx = 1\n");
        assert_eq!(
            msgs,
            ["/c/config.toml: line 2: unknown setting 'colours' ignored"]
        );
    }

    #[test]
    fn a_toml_error_over_two_lines_is_one_line() {
        let (_, msgs) = parse("library = [1, \"x\"\n");
        assert_eq!(msgs.len(), 1);
        assert!(!msgs[0].contains('\n'), "{:?}", msgs[0]);
        assert!(
            msgs[0].starts_with("/c/config.toml: line "),
            "{:?}",
            msgs[0]
        );
        assert!(!msgs[0].contains("::"), "{:?}", msgs[0]);
    }

    #[test]
    fn keys_are_rebound_and_every_problem_names_its_line() {
        let text = "max_width = 60\n\
                    [keys]\n\
                    next_page = [\"space\", \"l\"]\n\
                    jump = [\"x\"]\n\
                    quit = [\"Q\",\n  \"spacebar\"]\n\
                    top = \"j\"\n\
                    help = 3\n";
        let (c, msgs) = parse(text);
        assert_eq!(c.max_width, 60);
        assert_eq!(
            msgs,
            [
                "/c/config.toml: line 4: unknown action 'jump' in [keys]",
                "/c/config.toml: line 6: unknown key 'spacebar' for quit (keys are named like j, G, ?, space, enter, pgdn, f1, ctrl-f)",
                "/c/config.toml: line 7: key 'j' is bound to both top and line_down; top keeps its default keys",
                "/c/config.toml: line 8: help = ? wants a list of key names, like [\"space\", \"l\"]",
            ]
        );
        let (keymap, _) = Keymap::new(&c.keys);
        let l = crate::keymap::Key::parse("l").unwrap();
        assert_eq!(keymap.reading(l), Some(crate::reader::Action::PageDown));
    }

    #[test]
    fn unknown_sync_settings_and_a_bad_keys_table_name_their_line() {
        let (c, msgs) = parse("[sync]\nserver = \"http://localhost:1\"\nusrname = \"me\"\n");
        assert_eq!(c.sync.server.as_deref(), Some("http://localhost:1"));
        assert_eq!(
            msgs,
            ["/c/config.toml: line 3: unknown setting 'sync.usrname' ignored"]
        );
        let (c, msgs) = parse("max_width = 50\nkeys = 3\n");
        assert_eq!(c.max_width, 50);
        assert_eq!(msgs.len(), 1, "{msgs:?}");
        assert!(msgs[0].starts_with("/c/config.toml: line 2: "), "{msgs:?}");
        assert!(msgs[0].ends_with("using the default keys"), "{msgs:?}");
    }

    #[test]
    fn sync_keys_match_the_struct() {
        let sync = SyncConfig {
            server: Some(String::new()),
            username: Some(String::new()),
            ..SyncConfig::default()
        };
        let table = toml::Table::try_from(sync).unwrap();
        let mut keys: Vec<&str> = table.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut known = SYNC_KEYS.to_vec();
        known.sort_unstable();
        assert_eq!(keys, known);
    }
}
