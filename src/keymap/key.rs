//! Key names: how `config.toml` and the help name a key, and the key of a terminal event.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as bindings see it: the key and whether Ctrl was held. Shift is in the
/// character (`G`), and Ctrl with a letter is the lower-case letter (`ctrl-f`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

/// Named keys: the name in `config.toml` (the first of its spellings) and in the help.
const NAMED: &[(&[&str], KeyCode, &str)] = &[
    (&["space"], KeyCode::Char(' '), "Space"),
    (&["enter", "return"], KeyCode::Enter, "Enter"),
    (&["esc", "escape"], KeyCode::Esc, "Esc"),
    (&["tab"], KeyCode::Tab, "Tab"),
    (&["backspace"], KeyCode::Backspace, "Backspace"),
    (&["del", "delete"], KeyCode::Delete, "Del"),
    (&["ins", "insert"], KeyCode::Insert, "Ins"),
    (&["up"], KeyCode::Up, "Up"),
    (&["down"], KeyCode::Down, "Down"),
    (&["left"], KeyCode::Left, "Left"),
    (&["right"], KeyCode::Right, "Right"),
    (&["home"], KeyCode::Home, "Home"),
    (&["end"], KeyCode::End, "End"),
    (&["pgup", "pageup"], KeyCode::PageUp, "PgUp"),
    (&["pgdn", "pagedown"], KeyCode::PageDown, "PgDn"),
];

impl Key {
    /// A key from its name: a character (`j`, `G`, `?`), a named key (`space`, `enter`,
    /// `esc`, `tab`, `backspace`, `del`, `up`, `down`, `left`, `right`, `home`, `end`,
    /// `pgup`, `pgdn`, `f1` to `f12`; any case), or `ctrl-` and a letter (`ctrl-f`).
    pub fn parse(name: &str) -> Option<Key> {
        let plain = |code| Key { code, ctrl: false };
        let mut chars = name.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (!c.is_control() && !c.is_whitespace()).then(|| plain(KeyCode::Char(c)));
        }
        let lower = name.to_ascii_lowercase();
        if let Some(rest) = lower.strip_prefix("ctrl-") {
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_graphic() => Some(Key {
                    code: KeyCode::Char(c),
                    ctrl: true,
                }),
                _ => None,
            };
        }
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            return (1..=12).contains(&n).then(|| plain(KeyCode::F(n)));
        }
        NAMED
            .iter()
            .find(|(names, ..)| names.contains(&lower.as_str()))
            .map(|&(_, code, _)| plain(code))
    }

    /// The key of a terminal key event.
    pub fn of(event: &KeyEvent) -> Key {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            code => code,
        };
        Key { code, ctrl }
    }

    /// Its name in `config.toml`: `space`, `ctrl-f`, `G`, `pgdn`.
    pub fn name(self) -> String {
        match self.code {
            KeyCode::Char(c) if self.ctrl => format!("ctrl-{c}"),
            KeyCode::F(n) => format!("f{n}"),
            code => match NAMED.iter().find(|(_, named, _)| *named == code) {
                Some((names, ..)) => names[0].to_owned(),
                None => match code {
                    KeyCode::Char(c) => c.to_string(),
                    other => format!("{other:?}").to_lowercase(),
                },
            },
        }
    }

    /// How the help shows it: `Space`, `^F`, `G`, `PgDn`, `F1`.
    pub fn label(self) -> String {
        match self.code {
            KeyCode::Char(c) if self.ctrl => format!("^{}", c.to_ascii_uppercase()),
            KeyCode::F(n) => format!("F{n}"),
            code => match NAMED.iter().find(|(_, named, _)| *named == code) {
                Some(&(.., label)) => label.to_owned(),
                None => self.name(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_round_trip() {
        for name in ["space", "ctrl-f", "G", "?", "pgdn", "f1", "enter", "`", "%"] {
            let key = Key::parse(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(key.name(), name);
        }
        assert_eq!(Key::parse("PageDown"), Key::parse("pgdn"));
        assert_eq!(Key::parse("Ctrl-F"), Key::parse("ctrl-f"));
        assert_eq!(Key::parse("ctrl-f").unwrap().label(), "^F");
        for bad in ["", "spacebar", "ctrl-", "f13", "ctrl-pgdn", "\t"] {
            assert_eq!(Key::parse(bad), None, "{bad:?}");
        }
    }
}
