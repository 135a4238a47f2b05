//! Titles in the library come from the start of each file, decoded as the reader would
//! decode it: never mojibake for a legacy file that was not opened yet.

use dogear::{catalogue, BookState, EncodingChoice, Store};
use std::fs;

fn body(i: usize) -> String {
    format!(
        "{i}. Старый кот сидел у окна и смотрел на дождь. Ему было скучно, но он не \
         хотел уходить: на улице шли люди с зонтами.\n\n"
    )
}

fn titles(dir: &std::path::Path, store: Option<&Store>) -> Vec<String> {
    let mut t: Vec<String> = catalogue::folder_entries(store, dir)
        .into_iter()
        .map(|e| e.title)
        .collect();
    t.sort();
    t
}

#[test]
fn a_mac_cyrillic_title_is_decoded_before_the_book_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let text: String = std::iter::once("Кошкин дом\n\n".to_owned())
        .chain((1..=20).map(body))
        .collect();
    let (bytes, _, _) = encoding_rs::X_MAC_CYRILLIC.encode(&text);
    fs::write(dir.path().join("cat.txt"), &bytes).unwrap();
    assert_eq!(titles(dir.path(), None), ["Кошкин дом"]);
}

#[test]
fn a_utf8_title_survives_the_title_bytes_ending_inside_a_character() {
    // 16 KiB is read for a title; these bytes put a two-byte letter across that line.
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Кошкин дом\n\n");
    let mut i = 1;
    while text.len() < 40_000 {
        text.push_str(&body(i));
        i += 1;
    }
    for pad in 0..2 {
        let padded = format!("{}{text}", " ".repeat(pad));
        fs::write(dir.path().join(format!("cat{pad}.txt")), padded).unwrap();
    }
    assert_eq!(titles(dir.path(), None), ["Кошкин дом", "Кошкин дом"]);
}

#[test]
fn a_remembered_encoding_decodes_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cat.txt");
    // The title starts with a Latin capital so that its windows-1252 reading still
    // looks like a title (a line starting with a small letter is not one).
    let text = "Kot Кошкин дом\n\nСтарый кот сидел у окна.\n";
    let (bytes, _, _) = encoding_rs::KOI8_U.encode(text);
    fs::write(&path, &bytes).unwrap();
    let store = Store::at(dir.path().join("config"));
    // The same book read elsewhere, where windows-1252 was chosen for it: this copy's
    // title is shown as that encoding reads it.
    let fingerprint = dogear::of_bytes(&bytes);
    let mut state = BookState::new(fingerprint, "/elsewhere/cat.txt".into(), "T".into());
    state.encoding = Some(EncodingChoice {
        name: "windows-1252".into(),
        chosen_at: 1,
    });
    store.save(&state).unwrap();
    let mojibake = encoding_rs::WINDOWS_1252.decode(&bytes).0;
    let want = mojibake.lines().next().unwrap().to_owned();
    let got = catalogue::folder_entries(Some(&store), dir.path());
    assert!(got.iter().any(|e| e.title == want), "{got:?}");
}

#[test]
fn a_shift_jis_title_is_decoded_before_the_book_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("吾輩は猫である\n\n夏目漱石\n\n");
    for i in 1..=40 {
        text.push_str(&format!(
            "　{i}。吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。\
             何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。\n\n"
        ));
    }
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    fs::write(dir.path().join("neko.txt"), &bytes).unwrap();
    // A short one too: a title and one line, detection with little to go on.
    let (short, _, _) = encoding_rs::SHIFT_JIS
        .encode("坊っちゃん\n\n親譲りの無鉄砲で小供の時から損ばかりしている。\n");
    fs::write(dir.path().join("botchan.txt"), &short).unwrap();
    // An English Gutenberg-style header before the Japanese text.
    let mut long = String::from(
        "The Project Gutenberg eBook of Rashomon\n\nTitle: 羅生門\n\nAuthor: 芥川龍之介\n\n",
    );
    long.push_str(&"Some English boilerplate about the licence of this file. ".repeat(40));
    long.push_str("\n\n");
    long.push_str(&text);
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&long);
    fs::write(dir.path().join("rashomon.txt"), &bytes).unwrap();
    assert_eq!(
        titles(dir.path(), None),
        ["吾輩は猫である", "坊っちゃん", "羅生門"]
    );
}
