//! `config.toml`'s `language` and the keys of lists and prompts in `[keys]`.

use dogear::config::Config;
use dogear::keymap::Keymap;
use dogear::layout::{Lang, Language};
use std::path::Path;

fn parse(text: &str) -> (Config, Vec<String>) {
    Config::parse(text, Path::new("/c/config.toml"), None)
}

#[test]
fn the_language_is_auto_unless_set() {
    assert_eq!(Config::default().language, Language::Auto);
    let (c, msgs) = parse("hyphenate = true\nlanguage = \"de\"\n");
    assert!(msgs.is_empty(), "{msgs:?}");
    assert_eq!(c.language, Language::Is(Lang::German));
    assert_eq!(c.typography().language, Language::Is(Lang::German));
    let (c, _) = parse("language = \"ru\"\n");
    assert_eq!(c.language, Language::Is(Lang::Russian));
}

#[test]
fn an_unknown_language_is_reported_with_its_line_and_auto_is_used() {
    let (c, msgs) = parse("justify = true\nlanguage = \"klingon\"\n");
    assert_eq!(c.language, Language::Auto);
    assert!(c.justify);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].starts_with(
            "/c/config.toml: line 2: unknown language \"klingon\"; auto or one of en-us"
        ),
        "{msgs:?}"
    );
}

#[test]
fn config_prints_the_language_in_effect_and_reads_it_back() {
    let (c, _) = parse("language = \"fr\"\n");
    let shown = c.effective(Keymap::standard());
    assert!(
        shown.contains("# the language: French\nlanguage = \"fr\"\n"),
        "{shown}"
    );
    let (again, msgs) = parse(&shown);
    assert!(msgs.is_empty(), "{msgs:?}");
    assert_eq!(again.language, Language::Is(Lang::French));
    let shown = Config::default().effective(Keymap::standard());
    assert!(shown.contains("guessed from each story"), "{shown}");
    assert!(shown.contains("\nlanguage = \"auto\"\n"), "{shown}");
}
