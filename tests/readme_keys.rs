//! The README's key table lists exactly the key table's rows (`src/keymap/table.rs`),
//! in its order and groups: a `| **group** | |` row before each group's rows, then one row
//! per table row, its keys as the help shows them (each in backticks, separated by
//! spaces) and a description starting with the table's help text (backticks aside); the
//! README may say more after it.

use dogear::{Group, Keymap};

fn code(label: &str) -> String {
    if label.contains('`') {
        format!("`` {label} ``")
    } else {
        format!("`{label}`")
    }
}

#[test]
fn the_readme_key_table_matches_the_key_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let section = readme
        .split("\n## Keys\n")
        .nth(1)
        .expect("a '## Keys' section");
    let rows: Vec<(String, String)> = section
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2) // the header and its rule
        .map(|line| {
            let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
            // The keys cell never holds a `|`; the description may.
            let (keys, what) = inner.split_once(" | ").unwrap_or((inner, ""));
            (keys.trim().to_owned(), what.trim().to_owned())
        })
        .collect();
    let mut want: Vec<(String, String)> = Vec::new();
    for group in Group::ALL {
        want.push((format!("**{}**", group.name()), String::new()));
        for (row, keys) in Keymap::standard().rows().filter(|(r, _)| r.group == group) {
            let keys = keys.split(' ').map(code).collect::<Vec<_>>().join(" ");
            want.push((keys, row.help.to_owned()));
        }
    }
    let mut problems = Vec::new();
    for i in 0..rows.len().max(want.len()) {
        match (rows.get(i), want.get(i)) {
            (Some((keys, what)), Some((want_keys, want_what))) => {
                let plain = what.replace('`', "");
                if keys != want_keys || !plain.starts_with(want_what.as_str()) {
                    problems.push(format!(
                        "row {}: README has `| {keys} | {what} |`, the table wants `| {want_keys} | {want_what}... |`",
                        i + 1
                    ));
                }
            }
            (Some((keys, _)), None) => {
                problems.push(format!("README row {keys} is not in the table"))
            }
            (None, Some((keys, what))) => {
                problems.push(format!("README lacks `| {keys} | {what} |`"));
            }
            (None, None) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The README's `config.toml` example is a valid file with every setting (and every
/// action's name somewhere in the section).
#[test]
fn the_readme_documents_every_setting() {
    use dogear::Config;
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let section = readme
        .split("\n## Settings: `config.toml`\n")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("a settings section");
    let example = section
        .split("```toml\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("a toml example");
    let (config, messages) = Config::parse(example, std::path::Path::new("README"), None);
    assert!(messages.is_empty(), "{messages:?}");
    let (keymap, problems) = Keymap::new(&config.keys);
    assert!(problems.is_empty(), "{problems:?}");
    let shown = Config::default().effective(&keymap);
    // Outside [keys], the example's values are the defaults.
    for line in example.lines().take_while(|l| !l.starts_with("[keys]")) {
        let setting = line.split(" #").next().unwrap_or_default().trim();
        if setting.contains(" = ") && !line.starts_with('#') {
            assert!(
                shown.lines().any(|l| l == setting),
                "README says `{setting}`, not the default"
            );
        }
    }
    for line in shown.lines().filter(|l| !l.starts_with('[')) {
        let Some((name, _)) = line.trim_start_matches("# ").split_once(" = ") else {
            continue;
        };
        assert!(
            section.contains(&format!("{name} = ")) || section.contains(&format!("`{name}`")),
            "the README's settings do not mention {name}"
        );
    }
}
