//! `dogear --config`: the settings in effect, written as a `config.toml` would be.

use super::Config;
use crate::keymap::Keymap;

impl Config {
    /// The settings as TOML, every one of them (defaults included), with `[keys]` listing
    /// every action's keys as `keymap` has them; comments say where each part comes from.
    pub fn effective(&self, keymap: &Keymap) -> String {
        let mut out = String::new();
        // Serialising a struct of plain values and tables cannot fail.
        let written = toml::to_string(self).unwrap_or_default();
        let mut unset = String::new();
        if self.sync.server.is_none() {
            unset.push_str("# server = \"https://sync.koreader.rocks\"   (none: no sync)\n");
        }
        if self.sync.username.is_none() {
            unset.push_str("# username = \"me\"\n");
        }
        let written = written.replacen("[sync]\n", &format!("[sync]\n{unset}"), 1);
        let language = format!("language = \"{}\"\n", self.language.code());
        let said = match self.language {
            crate::layout::Language::Auto => {
                "# the language: guessed from each story (its script, then its commonest words)"
                    .to_owned()
            }
            crate::layout::Language::Is(lang) => format!("# the language: {}", lang.name()),
        };
        out.push_str(&written.replacen(&language, &format!("{said}\n{language}"), 1));
        out.push_str("\n[keys]\n");
        for (name, keys) in keymap.names() {
            let keys: Vec<String> = keys
                .into_iter()
                .map(|k| toml::Value::String(k).to_string())
                .collect();
            out.push_str(&format!("{name} = [{}]\n", keys.join(", ")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_effective_settings_parse_back_to_the_same() {
        let text = "max_width = 60\n[keys]\nnext_page = [\"space\", \"l\"]\n";
        let (config, msgs) = Config::parse(text, Path::new("c.toml"), None);
        assert!(msgs.is_empty(), "{msgs:?}");
        let (keymap, _) = Keymap::new(&config.keys);
        let shown = config.effective(&keymap);
        assert!(shown.contains("max_width = 60\n"), "{shown}");
        assert!(
            shown.contains("next_page = [\"space\", \"l\"]\n"),
            "{shown}"
        );
        assert!(
            shown.contains("line_down = [\"j\", \"down\", \"enter\"]\n"),
            "{shown}"
        );
        let (again, msgs) = Config::parse(&shown, Path::new("c.toml"), None);
        assert!(msgs.is_empty(), "{msgs:?}");
        assert_eq!(Keymap::new(&again.keys).0, keymap);
        assert_eq!(again.max_width, 60);
    }
}
