//! Key names and the key map: which key does what while reading, in the library, in a
//! list, a prompt or a question, from the table's defaults and `config.toml`'s `[keys]`.

use super::table::{Context, Does, Group, Row, ROWS};
use super::Key;
use crate::library::LibraryAction;
use crate::reader::Action;
use crate::ui::help::{HelpGroup, KeyHelp};
use ratatui::crossterm::event::KeyCode;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One line of `config.toml`'s `[keys]`: an action's name and its keys, with the lines
/// they are on (for messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebinding {
    pub action: String,
    pub line: usize,
    /// Key names and their lines.
    pub keys: Vec<(String, usize)>,
}

/// Something wrong in `[keys]`, on a line of `config.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// Which key does what, while reading and in the library: the table's defaults with the
/// reader's rebindings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The keys of each row of [`ROWS`], in order (none for a note).
    keys: Vec<Vec<Key>>,
    /// Each bound key's row, in its context (a key may do one thing while reading,
    /// another in the library, another in a list).
    by_key: HashMap<(Context, Key), usize>,
}

/// Where a row's keys are looked up (none for a note or a summary).
fn context(row: usize) -> Option<Context> {
    ROWS[row].does.context()
}

/// A key that types a character: in a prompt it is the character's, never an action's.
fn types(key: Key) -> bool {
    matches!(key.code, KeyCode::Char(_)) && !key.ctrl
}

static CURRENT: OnceLock<Keymap> = OnceLock::new();
static STANDARD: OnceLock<Keymap> = OnceLock::new();
/// The rebindings [`Keymap::install`] was given.
static REBINDINGS: OnceLock<Vec<Rebinding>> = OnceLock::new();

impl Keymap {
    /// The table's defaults.
    pub fn standard() -> &'static Keymap {
        STANDARD.get_or_init(|| Keymap::new(&[]).0)
    }

    /// The key map in effect: the defaults with the rebindings [`Keymap::install`]ed,
    /// else the defaults. Set once for the process: the key handling reads it (the view
    /// is handed [`Keymap::help`]).
    pub fn current() -> &'static Keymap {
        match REBINDINGS.get() {
            Some(rebindings) => CURRENT.get_or_init(|| Keymap::new(rebindings).0),
            None => Keymap::standard(),
        }
    }

    /// Makes the defaults with `rebindings` applied the key map in effect (once; a second
    /// call changes nothing). It is made when first asked for: the first key comes after
    /// the first frame, which need not wait for the table to be read.
    pub fn install(rebindings: Vec<Rebinding>) {
        let _ = REBINDINGS.set(rebindings);
    }

    /// The defaults with `rebindings` applied: each replaces its action's keys. A
    /// rebinding with an unknown action or key name, or taking a key another action
    /// keeps, is left out (that action keeps its default keys) and reported.
    pub fn new(rebindings: &[Rebinding]) -> (Keymap, Vec<Problem>) {
        let mut problems = Vec::new();
        let defaults: Vec<Vec<Key>> = ROWS
            .iter()
            .map(|row| match row.does.context() {
                None => Vec::new(),
                Some(_) => row.keys.iter().map(|k| parse_default(row, k)).collect(),
            })
            .collect();
        // (row, its keys, the rebinding's line), for the rebindings that make sense.
        let mut wanted: Vec<(usize, Vec<Key>, usize)> = Vec::new();
        for r in rebindings {
            let Some(row) = ROWS
                .iter()
                .position(|row| row.name == r.action && !row.name.is_empty())
            else {
                problems.push(Problem {
                    line: r.line,
                    message: format!("unknown action '{}' in [keys]", r.action),
                });
                continue;
            };
            let mut keys = Vec::new();
            let mut bad = false;
            for (name, line) in &r.keys {
                match Key::parse(name) {
                    Some(key) if context(row) == Some(Context::Prompt) && types(key) => {
                        bad = true;
                        problems.push(Problem {
                            line: *line,
                            message: format!(
                                "key '{name}' for {} would type no more: a prompt's keys are named keys or ctrl- ones",
                                r.action
                            ),
                        });
                    }
                    Some(key) if !keys.contains(&key) => keys.push(key),
                    Some(_) => {}
                    None => {
                        bad = true;
                        problems.push(Problem {
                            line: *line,
                            message: format!(
                                "unknown key '{name}' for {} (keys are named like j, G, ?, space, enter, pgdn, f1, ctrl-f)",
                                r.action
                            ),
                        });
                    }
                }
            }
            if !bad {
                wanted.retain(|(w, ..)| *w != row);
                wanted.push((row, keys, r.line));
            }
        }
        // A key claimed by two actions is a conflict: the rebindings involved are left
        // out, which gives their actions back their defaults, which may conflict in turn
        // with another rebinding; until none does. The defaults alone never conflict.
        loop {
            let mut keys = defaults.clone();
            for (row, k, _) in &wanted {
                keys[*row].clone_from(k);
            }
            let mut owner: HashMap<(Context, Key), usize> = HashMap::new();
            let mut clash: Option<(Key, usize, usize)> = None;
            for (row, ks) in keys.iter().enumerate() {
                let Some(context) = context(row) else {
                    continue;
                };
                for key in ks {
                    match owner.insert((context, *key), row) {
                        Some(other) if other != row => {
                            clash.get_or_insert((*key, other, row));
                        }
                        _ => {}
                    }
                }
            }
            let Some((key, a, b)) = clash else {
                return (
                    Keymap {
                        keys,
                        by_key: owner,
                    },
                    problems,
                );
            };
            for (row, other) in [(a, b), (b, a)] {
                if let Some(i) = wanted.iter().position(|(w, ..)| *w == row) {
                    let (_, _, line) = wanted.remove(i);
                    problems.push(Problem {
                        line,
                        message: format!(
                            "key '{}' is bound to both {} and {}; {} keeps its default keys",
                            key.name(),
                            ROWS[row].name,
                            ROWS[other].name,
                            ROWS[row].name,
                        ),
                    });
                }
            }
        }
    }

    fn does(&self, context: Context, key: Key) -> Option<&'static Does> {
        Some(&ROWS[*self.by_key.get(&(context, key))?].does)
    }

    /// What `key` does while reading.
    pub fn reading(&self, key: Key) -> Option<Action> {
        match self.does(Context::Reading, key)? {
            Does::Read(action) => Some(action.clone()),
            _ => None,
        }
    }

    /// What `key` does in the library, by its own rows (see [`Keymap::moving`] too).
    pub fn library(&self, key: Key) -> Option<LibraryAction> {
        match self.does(Context::Library, key)? {
            Does::Library(action) => Some(*action),
            _ => None,
        }
    }

    /// What `key` does in a list.
    pub fn list(&self, key: Key) -> Option<Action> {
        match self.does(Context::List, key)? {
            Does::List(action) => Some(action.clone()),
            _ => None,
        }
    }

    /// What `key` does in a prompt, by the table (a key it does not bind may type).
    pub fn prompt(&self, key: Key) -> Option<Action> {
        match self.does(Context::Prompt, key)? {
            Does::Prompt(action) => Some(action.clone()),
            _ => None,
        }
    }

    /// The answer `key` gives to a question, if it is one.
    pub fn answer(&self, key: Key) -> Option<bool> {
        match self.does(Context::Question, key)? {
            Does::Answer(yes) => Some(*yes),
            _ => None,
        }
    }

    /// The keys of the row doing `does` (`Does::List(Action::Cancel)`, say).
    pub fn keys_for(&self, does: &Does) -> &[Key] {
        self.row_keys(does)
    }

    /// How `key` moves in a list of the library: as it moves while reading.
    pub fn moving(&self, key: Key) -> Option<LibraryAction> {
        Some(match self.reading(key)? {
            Action::LineDown => LibraryAction::Down,
            Action::LineUp => LibraryAction::Up,
            Action::PageDown => LibraryAction::PageDown,
            Action::PageUp => LibraryAction::PageUp,
            Action::Top => LibraryAction::Home,
            Action::Bottom => LibraryAction::End,
            _ => return None,
        })
    }

    /// The keys bound to `action` while reading.
    pub fn keys_of(&self, action: &Action) -> &[Key] {
        self.row_keys(&Does::Read(action.clone()))
    }

    /// The keys bound to `action` in the library.
    pub fn library_keys_of(&self, action: LibraryAction) -> &[Key] {
        self.row_keys(&Does::Library(action))
    }

    fn row_keys(&self, does: &Does) -> &[Key] {
        ROWS.iter()
            .position(|row| row.does == *does)
            .map_or(&[], |row| &self.keys[row])
    }

    /// Each row of the table with its keys as the help shows them (`Space f PgDn ^F`).
    pub fn rows(&self) -> impl Iterator<Item = (&'static Row, String)> + '_ {
        ROWS.iter().zip(&self.keys).map(|(row, keys)| {
            let shown = match row.does {
                Does::Note => row.keys.iter().map(|k| (*k).to_owned()).collect(),
                Does::Sum(names) => names
                    .iter()
                    .filter_map(|name| {
                        let at = ROWS.iter().position(|r| r.name == *name)?;
                        Some(self.keys[at].first()?.label())
                    })
                    .collect(),
                _ => keys.iter().map(|k| k.label()).collect::<Vec<_>>(),
            };
            (row, shown.join(" "))
        })
    }

    /// What the view shows of the keys: the reader's help, its groups' rows as
    /// [`Keymap::rows`] shows them, and the library's footer, each of its own keys by its
    /// first key. The view is handed this and never reads the key map.
    pub fn help(&self) -> KeyHelp {
        let reader = Group::READER
            .into_iter()
            .map(|group| HelpGroup {
                heading: group.name(),
                rows: self
                    .rows()
                    .filter(|(row, _)| row.group == group)
                    .map(|(row, keys)| (keys, row.help))
                    .collect(),
            })
            .collect();
        let library = self
            .rows()
            // The keep-the-filter key only means something while filtering, which the
            // footer does not show.
            .filter(|(row, _)| {
                matches!(row.does, Does::Library(_))
                    && row.does != Does::Library(LibraryAction::FilterDone)
            })
            .filter_map(|(row, keys)| {
                let first = keys.split(' ').next().filter(|k| !k.is_empty())?;
                Some((first.to_owned(), row.help))
            })
            .collect();
        // The first key of the row named `name`, as shown (none when it is unbound).
        let first = |name: &str| {
            let at = ROWS.iter().position(|r| r.name == name)?;
            Some(self.keys[at].first()?.label())
        };
        let marks = ["list_open", "list_delete", "list_undo", "list_rename"]
            .iter()
            .filter_map(|name| first(name))
            .collect::<Vec<_>>()
            .join(" ");
        let said = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .filter_map(|(name, what)| Some(format!("{} {what}", first(name)?)))
                .collect::<Vec<_>>()
        };
        let filter = said(&[
            ("prompt_accept", "open"),
            ("library_filter_keep", "done"),
            ("prompt_cancel", "clear"),
        ])
        .join("  ");
        let library_marks = said(&[("library_open", "opens"), ("list_close", "closes")]).join(", ");
        KeyHelp {
            reader,
            library,
            marks,
            filter,
            library_marks,
        }
    }

    /// Each action's `config.toml` name and its key names, for `dogear --config`.
    pub fn names(&self) -> impl Iterator<Item = (&'static str, Vec<String>)> + '_ {
        ROWS.iter()
            .zip(&self.keys)
            .filter(|(row, _)| row.does.context().is_some())
            .map(|(row, keys)| (row.name, keys.iter().map(|k| k.name()).collect()))
    }
}

fn parse_default(row: &Row, name: &str) -> Key {
    Key::parse(name).unwrap_or_else(|| panic!("bad default key '{name}' for {}", row.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebind(action: &str, line: usize, keys: &[&str]) -> Rebinding {
        Rebinding {
            action: action.into(),
            line,
            keys: keys.iter().map(|k| ((*k).to_owned(), line)).collect(),
        }
    }

    fn plain(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
        }
    }

    #[test]
    fn the_defaults_do_not_conflict() {
        let (map, problems) = Keymap::new(&[]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(map.reading(plain(' ')), Some(Action::PageDown));
        assert_eq!(map.reading(plain('G')), Some(Action::Bottom));
    }

    #[test]
    fn the_help_handed_to_the_view_shows_the_keys_as_rebound() {
        let rebound = [
            rebind("library_order", 2, &["s", "O"]),
            rebind("help", 3, &["h"]),
        ];
        let help = Keymap::new(&rebound).0.help();
        let headings: Vec<&str> = help.reader.iter().map(|g| g.heading).collect();
        assert_eq!(headings, ["moving", "finding", "marks", "view", "other"]);
        let rows = help.reader.iter().flat_map(|g| &g.rows);
        assert!(rows.clone().any(|(keys, _)| keys == "h"), "{help:?}");
        assert!(!rows.clone().any(|(keys, _)| keys == "?"), "{help:?}");
        assert!(
            help.library.contains(&("s".to_owned(), "order")),
            "{help:?}"
        );
        assert_eq!(help.library.first(), Some(&("Enter".to_owned(), "open")));
    }

    #[test]
    fn the_bookmark_lists_keys_are_handed_to_the_view_as_rebound() {
        assert_eq!(Keymap::standard().help().marks, "Enter d u r");
        let help = Keymap::new(&[rebind("list_delete", 2, &["x", "d"])])
            .0
            .help();
        assert_eq!(help.marks, "Enter x u r");
    }

    #[test]
    fn the_librarys_filter_line_and_bookmark_list_name_their_keys_as_rebound() {
        let standard = Keymap::standard().help();
        assert_eq!(standard.filter, "Enter open  Tab done  Esc clear");
        assert_eq!(standard.library_marks, "Enter opens, Esc closes");
        let help = Keymap::new(&[
            rebind("library_filter_keep", 2, &["f2"]),
            rebind("prompt_cancel", 3, &["ctrl-g"]),
            rebind("list_close", 4, &["x"]),
        ])
        .0
        .help();
        assert_eq!(help.filter, "Enter open  F2 done  ^G clear");
        assert_eq!(help.library_marks, "Enter opens, x closes");
    }

    #[test]
    fn a_key_may_do_one_thing_while_reading_and_another_in_the_library() {
        let (map, problems) = Keymap::new(&[rebind("library_order", 2, &["s"])]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(map.reading(plain('s')), Some(Action::Stats));
        assert_eq!(map.library(plain('s')), Some(LibraryAction::CycleOrder));
        assert_eq!(map.library(plain('o')), None);
        let (_, problems) = Keymap::new(&[rebind("library_order", 2, &["q"])]);
        assert!(problems[0].message.contains("library_quit"), "{problems:?}");
    }

    #[test]
    fn a_rebinding_replaces_the_defaults_of_its_action() {
        let (map, problems) = Keymap::new(&[rebind("next_page", 3, &["space", "l"])]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(map.reading(plain('l')), Some(Action::PageDown));
        assert_eq!(map.reading(plain('f')), None);
        assert_eq!(map.keys_of(&Action::PageDown), [plain(' '), plain('l')]);
    }

    #[test]
    fn keys_can_be_swapped_by_rebinding_both() {
        let (map, problems) =
            Keymap::new(&[rebind("line_down", 2, &["k"]), rebind("line_up", 3, &["j"])]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(map.reading(plain('k')), Some(Action::LineDown));
        assert_eq!(map.reading(plain('j')), Some(Action::LineUp));
    }

    #[test]
    fn conflicts_and_unknown_names_are_reported_and_the_defaults_stay() {
        let (map, problems) = Keymap::new(&[
            rebind("next_page", 2, &["j"]),
            rebind("jump", 3, &["x"]),
            rebind("quit", 4, &["Q", "spacebar"]),
        ]);
        assert_eq!(map, *Keymap::standard());
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3, 4, 2], "{problems:?}");
        assert!(problems[2].message.contains("'j'"), "{problems:?}");
        assert!(problems[2].message.contains("line_down"), "{problems:?}");
    }
}
