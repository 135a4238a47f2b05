//! Settings from `config.toml`.
//!
//! A settings file must never stop anyone reading: a missing file means the defaults, and
//! a malformed one means the defaults plus a message naming the line. Unknown keys (a typo,
//! or a setting from a newer dogear) are ignored and reported, so the rest still applies.
//! Parsing is pure; [`crate::store::Store::load_config`] reads the file.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

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
    /// Blank rows above and below the page.
    pub margin: u16,
    /// Progress sync with a KOReader sync server (`[sync]`).
    pub sync: SyncConfig,
    /// The theme (`theme = "sepia"`), unless another was chosen with `T` since it was
    /// set. Read by hand, so that a misspelt name costs only itself.
    #[serde(skip_deserializing)]
    pub theme: crate::look::ThemeName,
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
            margin: 0,
            sync: SyncConfig::default(),
            theme: crate::look::ThemeName::Terminal,
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
    "margin",
    "sync",
    "theme",
];

impl Config {
    /// How lines are set, as these settings say.
    pub fn typography(&self) -> crate::layout::Typography {
        crate::layout::Typography {
            justify: self.justify,
            hyphenate: self.hyphenate,
            indent: self.indent,
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
        if let Ok(table) = text.parse::<toml::Table>() {
            if let Some(value) = table.get("theme") {
                let theme = value.as_str().and_then(crate::look::ThemeName::parse);
                config.theme = theme.unwrap_or_default();
                if theme.is_none() {
                    let at = find_key_line(text, "theme")
                        .map(|n| format!(": line {n}"))
                        .unwrap_or_default();
                    let names: Vec<&str> = crate::look::ThemeName::ALL
                        .iter()
                        .map(|t| t.name())
                        .collect();
                    messages.push(format!(
                        "{}{at}: unknown theme {value}; one of {}",
                        path.display(),
                        names.join(", ")
                    ));
                }
            }
            for key in table.keys().filter(|k| !KNOWN_KEYS.contains(&k.as_str())) {
                let at = find_key_line(text, key)
                    .map(|n| format!(": line {n}"))
                    .unwrap_or_default();
                messages.push(format!(
                    "{}{at}: unknown setting '{key}' ignored",
                    path.display()
                ));
            }
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

/// The 1-based line where top-level `key` is set, if it can be spotted.
fn find_key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            let line = line
                .strip_prefix(key)
                .or_else(|| line.strip_prefix(&format!("\"{key}\"")));
            line.is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.starts_with('=') || rest.starts_with('.')
            })
        })
        .map(|i| i + 1)
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
        let mut keys: Vec<&str> = table.keys().map(String::as_str).collect();
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
        let (_, msgs) = parse("[colours]\nx = 1\n");
        assert_eq!(msgs, ["/c/config.toml: unknown setting 'colours' ignored"]);
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
}
