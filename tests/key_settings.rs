//! Keys rebound in `config.toml`: config → key map → action, the help showing the keys in
//! effect, `dogear --config`, and the same in a real terminal.

mod common;

use assert_cmd::Command;
use common::Term;
use dogear::{Action, Config, Keymap, Mode};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::fs;
use std::path::Path;

fn press(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn a_key_rebound_in_config_toml_does_its_action() {
    let text = "[keys]\nnext_page = [\"space\", \"l\"]\nhelp = [\"h\"]\n";
    let (config, messages) = Config::parse(text, Path::new("config.toml"), None);
    assert!(messages.is_empty(), "{messages:?}");
    let (keymap, problems) = Keymap::new(&config.keys);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        keymap.action(&Mode::Reading, &press('l')),
        Some(Action::PageDown)
    );
    assert_eq!(
        keymap.action(&Mode::Reading, &press(' ')),
        Some(Action::PageDown)
    );
    assert_eq!(
        keymap.action(&Mode::Reading, &press('f')),
        None,
        "f is next_page's no more"
    );
    assert_eq!(
        keymap.action(&Mode::Reading, &press('h')),
        Some(Action::Help)
    );
    // The help closes with the key that opens it, as rebound.
    assert_eq!(
        keymap.action(&Mode::Help, &press('h')),
        Some(Action::Cancel)
    );
    let shown: Vec<String> = keymap
        .rows()
        .filter(|(row, _)| row.name == "next_page")
        .map(|(_, keys)| keys)
        .collect();
    assert_eq!(shown, ["Space l"]);
}

#[test]
fn a_conflict_keeps_the_defaults_and_names_the_line() {
    let text = "max_width = 60\n\n[keys]\nquit = [\"j\"]\n";
    let (config, messages) = Config::parse(text, Path::new("/c/config.toml"), None);
    assert_eq!(config.max_width, 60, "the rest applies");
    assert_eq!(
        messages,
        ["/c/config.toml: line 4: key 'j' is bound to both quit and line_down; quit keeps its default keys"]
    );
    let (keymap, _) = Keymap::new(&config.keys);
    assert_eq!(keymap, *Keymap::standard());
}

fn dogear(config: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dogear").unwrap();
    cmd.env("DOGEAR_CONFIG_DIR", config);
    cmd
}

#[test]
fn dogear_config_prints_where_it_is_and_the_settings_in_effect() {
    let dir = tempfile::tempdir().unwrap();
    let out = dogear(dir.path()).arg("--config").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let path = dir.path().join("config.toml");
    assert_eq!(
        text.lines().next(),
        Some(format!("# {} (not there: the defaults)", path.display()).as_str())
    );
    assert!(text.contains("\nmax_width = 72\n"), "{text}");
    assert!(
        text.contains("\nnext_page = [\"space\", \"f\", \"pgdn\", \"ctrl-f\"]\n"),
        "{text}"
    );

    fs::write(
        &path,
        "max_width = 60\ncolour = \"sepia\"\n[keys]\nnext_page = [\"space\", \"l\"]\nbogus = [\"x\"]\n",
    )
    .unwrap();
    let out = dogear(dir.path()).arg("--config").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().next(),
        Some(format!("# {}", path.display()).as_str())
    );
    assert!(text.contains("\nmax_width = 60\n"), "{text}");
    assert!(
        text.contains("\nnext_page = [\"space\", \"l\"]\n"),
        "{text}"
    );
    assert!(text.contains("\nquit = [\"q\"]\n"), "{text}");
    let errors = String::from_utf8(out.stderr).unwrap();
    let p = path.display();
    assert_eq!(
        errors,
        format!(
            "dogear: {p}: line 2: unknown setting 'colour' ignored\n\
             dogear: {p}: line 5: unknown action 'bogus' in [keys]\n"
        )
    );
}

#[test]
fn a_rebound_key_pages_in_a_real_terminal_and_the_help_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    fs::create_dir(&config).unwrap();
    fs::write(config.join("config.toml"), "[keys]\nnext_page = [\"l\"]\n").unwrap();
    let file = dir.path().join("harbour.txt");
    fs::write(&file, include_str!("fixtures/harbour.txt")).unwrap();
    let mut term = Term::start(&[file.to_str().unwrap()], 80, 24, &config, dir.path());
    let first = term.wait_for("the story", |s| s.contains('%'));
    // Space is next_page's no more: the page stays (the status bar may fill in).
    let page = |screen: &str| screen.lines().take(22).collect::<Vec<_>>().join("\n");
    term.send(" ");
    assert_eq!(page(&term.settle()), page(&first));
    term.send("l");
    term.wait_for("the next page", |s| page(s) != page(&first));
    term.send("?");
    term.wait_for("the help with the rebound key", |s| {
        s.lines()
            .any(|l| l.contains(" l ") && l.contains("next page"))
    });
    term.send("q");
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn the_library_keys_are_rebound_too_and_it_moves_with_the_reading_keys() {
    use dogear::{LibraryAction, LibraryModel};
    let text = "[keys]\nlibrary_order = [\"s\"]\nline_down = [\"n\"]\nnext_match = [\"j\"]\n";
    let (config, messages) = Config::parse(text, Path::new("config.toml"), None);
    assert!(messages.is_empty(), "{messages:?}");
    let (keymap, _) = Keymap::new(&config.keys);
    let model = LibraryModel::new(Vec::new());
    assert_eq!(
        keymap.library_action(&model, &press('s')),
        Some(LibraryAction::CycleOrder)
    );
    assert_eq!(keymap.library_action(&model, &press('o')), None);
    assert_eq!(
        keymap.library_action(&model, &press('n')),
        Some(LibraryAction::Down)
    );
    assert_eq!(keymap.library_action(&model, &press('j')), None);
    let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(
        keymap.library_action(&model, &enter),
        Some(LibraryAction::Open)
    );
}

#[test]
fn justification_set_with_j_is_kept_for_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    fs::create_dir(&config).unwrap();
    let file = dir.path().join("harbour.txt");
    fs::write(&file, include_str!("fixtures/harbour.txt")).unwrap();
    let args = [file.to_str().unwrap()];
    let mut term = Term::start(&args, 80, 24, &config, dir.path());
    let first = term.wait_for("the story", |s| s.contains('%'));
    term.send("J");
    term.wait_for("a justified page", |s| s != first);
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    let out = dogear(&config).arg("--config").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("# justify true, hyphenate false, indent false, as last set with J H P"),
        "{text}"
    );
    // The next run starts justified: J now makes it ragged again, and that is kept.
    let mut term = Term::start(&args, 80, 24, &config, dir.path());
    let first = term.wait_for("the story", |s| s.contains('%'));
    term.send("J");
    term.wait_for("a ragged page", |s| s != first);
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    let out = dogear(&config).arg("--config").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("# justify false, hyphenate false"), "{text}");
}
