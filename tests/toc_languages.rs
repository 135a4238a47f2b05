//! Chapters named in other languages than English ("Erstes Kapitel", "CHAPITRE II",
//! "Parte prima", "Tweede Bedrijf") are headings and listed, and a bilingual libretto's
//! twin headings ("ERSTE SCENE." over "SCENE I.") are one entry. The stories are ours.

mod common;
use common::{heading_texts, titles};

/// A paragraph of `words` repeated: enough prose under a heading for it to be a chapter.
fn prose(words: &str) -> String {
    format!("{}\n\n", words.repeat(6).trim_end())
}

const GERMAN: &str = "Der Wind hatte sich gedreht, und die Segel waren voll; sie \
würden vor der Nacht zu Hause sein, wenn das Meer es erlaubte. ";
const FRENCH: &str = "Le vent avait tourné, et les voiles étaient pleines; ils seraient \
rentrés avant la nuit, si la mer le permettait. ";

#[test]
fn german_chapters_in_figures_and_in_ordinal_words_are_listed() {
    let mut text = String::from("Die Laterne am Hafen\n\n\n");
    for n in 1..=3 {
        text.push_str(&format!("Kapitel {n}\n\n{}\n", prose(GERMAN)));
    }
    assert_eq!(titles(&text), ["Kapitel 1", "Kapitel 2", "Kapitel 3"]);
    assert!(heading_texts(&text).contains(&"Kapitel 2".to_owned()));
    let mut text = String::from("Die Laterne am Hafen\n\n\n");
    for (n, name) in [
        ("Erstes", "Die Ankunft."),
        ("Zweites", "Der Sturm."),
        ("FÜNFTES", "Die Heimkehr."),
    ] {
        text.push_str(&format!("{n} Kapitel.\n\n{name}\n\n{}\n", prose(GERMAN)));
    }
    assert_eq!(
        titles(&text),
        [
            "Erstes Kapitel. Die Ankunft.",
            "Zweites Kapitel. Der Sturm.",
            "FÜNFTES Kapitel. Die Heimkehr."
        ]
    );
}

#[test]
fn french_and_italian_divisions_are_listed() {
    let mut text = String::from("LA LANTERNE\n\n\n");
    for n in ["PREMIER", "II", "III"] {
        text.push_str(&format!("CHAPITRE {n}\n\n{}\n", prose(FRENCH)));
    }
    assert_eq!(
        titles(&text),
        [
            "LA LANTERNE",
            "CHAPITRE PREMIER",
            "CHAPITRE II",
            "CHAPITRE III"
        ]
    );
    let mut text = String::from("LA LANTERNA\n\n\n");
    for n in ["Parte prima", "Parte seconda"] {
        text.push_str(&format!("{n}\n\n{}\n", prose(FRENCH)));
    }
    assert_eq!(
        titles(&text),
        ["LA LANTERNA", "Parte prima", "Parte seconda"]
    );
}

#[test]
fn a_librettos_twin_headings_are_one_entry_each() {
    let speech = "DALAND. The wind has turned, and the sails are full; we shall be home \
                  before the night.\n\nSTEERSMAN. Aye, captain, if the sea allows it.\n\n";
    let mut text = String::from("DER LEUCHTTURM\n\nTHE LIGHTHOUSE\n\n\n");
    for (act, english) in [
        ("ERSTER AUFZUG.", "FIRST ACT."),
        ("ZWEITER AUFZUG.", "SECOND ACT."),
    ] {
        text.push_str(&format!("{act}\n\n{english}\n\n\n"));
        for (scene, scena) in [("ERSTE SCENE.", "SCENE I."), ("ZWEITE SCENE.", "SCENE 2.")] {
            text.push_str(&format!("{scene}\n\n{scena}\n\n{}", speech.repeat(3)));
        }
    }
    assert_eq!(
        titles(&text),
        [
            "DER LEUCHTTURM",
            "ERSTER AUFZUG.",
            "ERSTE SCENE.",
            "ZWEITE SCENE.",
            "ZWEITER AUFZUG.",
            "ERSTE SCENE.",
            "ZWEITE SCENE."
        ]
    );
    // A book's first chapter under its first book names two divisions: both stay.
    let chapter = prose(
        "The wind had turned, and the sails were full; they would be home before the \
         night, if the sea allowed it. ",
    )
    .repeat(3);
    let mut text = String::from("THE LAMP\n\n\n");
    for book in ["BOOK I", "BOOK II"] {
        text.push_str(&format!(
            "{book}\n\nCHAPTER I\n\n{chapter}CHAPTER II\n\n{chapter}"
        ));
    }
    assert_eq!(
        titles(&text),
        [
            "THE LAMP",
            "BOOK I",
            "CHAPTER I",
            "CHAPTER II",
            "BOOK II",
            "CHAPTER I",
            "CHAPTER II"
        ]
    );
}

#[test]
fn division_words_with_accents_or_nine_letters_are_listed() {
    let mut text = String::from("LA LINTERNA\n\n\n");
    for n in ["PRIMERO", "SEGUNDO"] {
        text.push_str(&format!("CAPÍTULO {n}\n\n{}\n", prose(FRENCH)));
    }
    assert_eq!(
        titles(&text),
        ["LA LINTERNA", "CAPÍTULO PRIMERO", "CAPÍTULO SEGUNDO"]
    );
    let mut text = String::from("De Lantaarn\n\n\n");
    for n in 1..=3 {
        text.push_str(&format!("Hoofdstuk {n}\n\n{}\n", prose(GERMAN)));
    }
    assert_eq!(titles(&text), ["Hoofdstuk 1", "Hoofdstuk 2", "Hoofdstuk 3"]);
}

#[test]
fn russian_and_portuguese_divisions_are_listed() {
    let russian = "Ветер переменился, и паруса наполнились; они будут дома до ночи, если \
                   море позволит. ";
    let mut text = String::from("Фонарь у гавани\n\n\n");
    for n in ["ГЛАВА I", "ГЛАВА II", "Глава третья"] {
        text.push_str(&format!("{n}\n\n{}\n", prose(russian)));
    }
    assert_eq!(titles(&text), ["ГЛАВА I", "ГЛАВА II", "Глава третья"]);
    let mut text = String::from("A LANTERNA\n\n\n");
    for n in ["CAPÍTULO PRIMEIRO", "CAPÍTULO II"] {
        text.push_str(&format!("{n}\n\n{}\n", prose(FRENCH)));
    }
    assert_eq!(
        titles(&text),
        ["A LANTERNA", "CAPÍTULO PRIMEIRO", "CAPÍTULO II"]
    );
}
