//! End to end: the encoding picker in the real binary, and the choice remembered.

mod common;

use common::Term;
use std::fs;

/// Our own Russian paragraphs, in Mac Cyrillic. As windows-1251 the capitals go wrong
/// ("Старый" becomes "‘тарый") while the small letters stay.
fn story() -> Vec<u8> {
    let text: String = (1..=30)
        .map(|i| {
            format!(
                "{i}. Старый кот сидел у окна и смотрел на дождь. Ему было скучно, но он \
                 не хотел уходить: на улице шли люди с зонтами.\n\n"
            )
        })
        .collect();
    encoding_rs::X_MAC_CYRILLIC.encode(&text).0.into_owned()
}

#[test]
fn the_picker_previews_escape_restores_enter_keeps_and_the_choice_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    fs::create_dir(&config).unwrap();
    let file = dir.path().join("cat.txt");
    fs::write(&file, story()).unwrap();
    let args = [file.to_str().unwrap()];

    let mut term = Term::start(&args, 70, 16, &config, dir.path());
    term.wait_for("the story", |s| s.contains("Старый кот") && s.contains('%'));
    term.send("E");
    term.wait_for("the picker", |s| s.contains("encoding: Enter Esc"));
    term.send("j");
    term.wait_for("a preview as windows-1251", |s| s.contains("‘тарый кот"));
    term.send("\x1b");
    term.wait_for("the story restored", |s| {
        s.contains("Старый кот") && !s.contains("‘тарый") && !s.contains("Enter Esc")
    });
    term.send("Ej\r");
    term.wait_for("the story re-read", |s| {
        s.contains("‘тарый кот") && !s.contains("Enter Esc")
    });
    term.send("q");
    term.wait_exit();
    let state_file = fs::read_dir(config.join("books"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("a state file");
    let state = fs::read_to_string(state_file).unwrap();
    assert!(state.contains("\"windows-1251\""), "{state}");

    let term = Term::start(&args, 70, 16, &config, dir.path());
    term.wait_for("the remembered encoding", |s| {
        s.contains("‘тарый кот") && s.contains('%')
    });
}
