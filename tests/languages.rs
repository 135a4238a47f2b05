//! Hyphenation languages: the guess from a story's script and words, and a German story
//! hyphenated with German patterns. The passages are written for these tests.

use dogear::{guess, hyphen_points_in, Document, Lang, Language, Layout, LineEnd, Typography};

const GERMAN: &str = "Am Abend ging der alte Fährmann noch einmal hinunter zum Fluss. \
Die Dunkelheit kam schnell, und er wusste, dass er sich beeilen musste, denn das Boot \
war nicht festgebunden. Er hatte es am Mittag vergessen, weil seine Tochter mit einer \
Nachricht aus der Stadt gekommen war. Nun lag es schief im Schilf, und das Wasser stieg \
mit jeder Stunde. Geschwindigkeit war jetzt wichtiger als Vorsicht.";

const FRENCH: &str = "Le soir venu, la vieille femme descendit encore une fois vers la \
rivière. Elle savait que la barque n'était pas attachée, et il fallait se dépêcher avant \
la nuit. Dans le village, personne ne pensait à elle; les fenêtres étaient déjà fermées \
et les chiens dormaient sur le seuil des maisons.";

const SPANISH: &str = "Al caer la tarde, el viejo barquero bajó otra vez hasta el río. \
Sabía que la barca no estaba atada y que el agua subía con cada hora. En el pueblo nadie \
pensaba en él; las ventanas estaban cerradas y los perros dormían en las puertas de las \
casas, como todas las noches del verano.";

const ITALIAN: &str = "Quando venne la sera, il vecchio barcaiolo scese ancora una volta \
al fiume. Sapeva che la barca non era legata e che l'acqua saliva di ora in ora. Nel \
paese nessuno pensava a lui; le finestre della piazza erano già chiuse e i cani \
dormivano sulle soglie delle case, come ogni notte d'estate.";

const DUTCH: &str = "Toen de avond viel, ging de oude veerman nog een keer naar de \
rivier. Hij wist dat de boot niet vastgebonden was en dat het water met elk uur steeg. \
In het dorp dacht niemand aan hem; de ramen waren al dicht en de honden sliepen op de \
drempels van de huizen, zoals elke zomernacht.";

const PORTUGUESE: &str = "Quando a noite chegou, o velho barqueiro desceu mais uma vez \
até o rio. Ele sabia que o barco não estava amarrado e que a água subia a cada hora. Na \
aldeia ninguém pensava nele; as janelas já estavam fechadas e os cães dormiam nas \
portas das casas, como em todas as noites do verão.";

const SWEDISH: &str = "När kvällen kom gick den gamle färjkarlen ner till floden en gång \
till. Han visste att båten inte var fastbunden och att vattnet steg för varje timme. I \
byn tänkte ingen på honom; fönstren var redan stängda och hundarna sov på trappan, som \
de gjorde varje sommarnatt.";

const POLISH: &str = "Kiedy zapadł wieczór, stary przewoźnik jeszcze raz zszedł nad \
rzekę. Wiedział, że łódź nie jest przywiązana i że woda podnosi się z każdą godziną. We \
wsi nikt o nim nie myślał; okna były już zamknięte, a psy spały na progach domów, jak \
co noc tego lata.";

const ENGLISH_WITH_GERMAN: &str = "The ferryman went down to the river once more as the \
evening came. He knew that the boat was not tied, and that the water was rising with every \
hour. \"Das Boot ist nicht festgebunden,\" his daughter had said, but he had not listened \
to her. In the village nobody thought of him; the windows were shut and the dogs slept \
on the steps of the houses, as they did on every summer night.";

const RUSSIAN: &str = "Когда наступил вечер, старый перевозчик ещё раз спустился к реке. \
Он знал, что лодка не привязана и что вода поднимается с каждым часом.";

const UKRAINIAN: &str = "Коли настав вечір, старий перевізник ще раз спустився до річки. \
Він знав, що човен не прив'язаний і що вода піднімається щогодини; їхнє село вже спало.";

const GREEK: &str = "Όταν ήρθε το βράδυ, ο γέρος βαρκάρης κατέβηκε άλλη μια φορά στο \
ποτάμι. Ήξερε ότι η βάρκα δεν ήταν δεμένη.";

const CHINESE: &str = "傍晚的时候，老船夫又一次走到河边。他知道船没有系好，水每个小时都在上涨。";

const THAI: &str = "เมื่อถึงเวลาเย็น คนแจวเรือแก่ก็เดินลงไปที่แม่น้ำอีกครั้ง";

#[test]
fn latin_text_is_told_apart_by_its_function_words() {
    for (text, want) in [
        (GERMAN, Lang::German),
        (FRENCH, Lang::French),
        (SPANISH, Lang::Spanish),
        (ITALIAN, Lang::Italian),
        (DUTCH, Lang::Dutch),
        (PORTUGUESE, Lang::Portuguese),
        (SWEDISH, Lang::Swedish),
        (POLISH, Lang::Polish),
    ] {
        assert_eq!(guess(text), Some(want), "{text}");
    }
}

#[test]
fn english_with_a_german_sentence_stays_english() {
    assert_eq!(guess(ENGLISH_WITH_GERMAN), Some(Lang::EnglishUs));
}

#[test]
fn latin_text_without_clear_evidence_is_english() {
    assert_eq!(guess("Xylophone zebra quartz."), Some(Lang::EnglishUs));
    assert_eq!(guess("Ruritania, 1887."), Some(Lang::EnglishUs));
}

#[test]
fn other_scripts_go_by_their_letters() {
    assert_eq!(guess(RUSSIAN), Some(Lang::Russian));
    assert_eq!(guess(UKRAINIAN), Some(Lang::Ukrainian));
    assert_eq!(guess(GREEK), Some(Lang::Greek));
}

#[test]
fn scripts_without_patterns_are_not_hyphenated() {
    assert_eq!(guess(CHINESE), None);
    assert_eq!(guess(THAI), None);
    assert_eq!(guess("مرحبا بالعالم"), None);
    assert_eq!(guess("1234 5678 — !!"), None);
    assert_eq!(guess(""), None);
}

#[test]
fn a_story_is_guessed_from_its_paragraphs_not_from_a_licence_before_them() {
    let licence = "The Project Gutenberg eBook of the story. This eBook is for the use of \
        anyone anywhere in the United States and most other parts of the world at no cost.";
    let text = format!("{licence}\n\n{GERMAN}\n\n{GERMAN}\n\n{GERMAN}\n");
    let doc = Document::from_text(&text);
    assert_eq!(Language::Auto.for_document(&doc), Some(Lang::German));
    let set = Language::Is(Lang::French);
    assert_eq!(set.for_document(&doc), Some(Lang::French));
}

#[test]
fn words_break_at_their_own_languages_points() {
    let at = |word: &str, lang| -> Vec<usize> {
        hyphen_points_in(word, lang)
            .into_iter()
            .map(|(i, _)| i)
            .collect()
    };
    assert_eq!(at("Geschwindigkeit", Lang::German), [2, 8, 11]); // Ge-schwin-dig-keit
    assert_ne!(
        at("Geschwindigkeit", Lang::German),
        at("Geschwindigkeit", Lang::EnglishUs)
    );
    assert!(!at("перевозчик", Lang::Russian).is_empty());
    // Patterns never break a word of another script, nor an all-caps one.
    assert!(at("перевозчик", Lang::German).is_empty());
    assert!(at("GESCHWINDIGKEIT", Lang::German).is_empty());
}

/// Every hyphenated line end of `text` laid out at `width` with `typography`: the piece
/// of the word before the break.
fn breaks(text: &str, width: u16, typography: Typography) -> Vec<String> {
    let doc = Document::from_text(text);
    let mut layout = Layout::new(width);
    layout.set_typography(typography);
    let mut out = Vec::new();
    for block in 0..doc.blocks().len() {
        for line in layout.block_lines(&doc, block).iter() {
            if line.end == LineEnd::Hyphen {
                let shown = line.display(doc.text());
                out.push(shown.rsplit(' ').next().unwrap_or("").to_owned());
            }
        }
    }
    out
}

#[test]
fn a_german_story_is_hyphenated_with_german_patterns_at_a_narrow_width() {
    let on = |language| Typography {
        hyphenate: true,
        language,
        ..Typography::default()
    };
    let guessed = breaks(GERMAN, 18, on(Language::Auto));
    assert!(!guessed.is_empty(), "no word was broken at 18 columns");
    assert_eq!(guessed, breaks(GERMAN, 18, on(Language::Is(Lang::German))));
    assert_ne!(
        guessed,
        breaks(GERMAN, 18, on(Language::Is(Lang::EnglishUs)))
    );
    // Each break is one the German patterns allow.
    let doc = Document::from_text(GERMAN);
    let mut layout = Layout::new(18);
    layout.set_typography(on(Language::Auto));
    assert_eq!(layout.hyphenation(&doc), Some(Lang::German));
    for piece in &guessed {
        let piece = piece.trim_end_matches('-');
        let word = GERMAN
            .split(|c: char| !c.is_alphabetic())
            .find(|w| w.starts_with(piece) && w.len() > piece.len())
            .unwrap_or_else(|| panic!("no word starts with {piece}"));
        let points = hyphen_points_in(word, Lang::German);
        assert!(
            points.iter().any(|&(at, _)| at == piece.len()),
            "{word} broken after {piece}: {points:?}"
        );
    }
}

#[test]
fn hyphenation_is_off_for_a_story_in_a_script_without_patterns() {
    let t = Typography {
        hyphenate: true,
        ..Typography::default()
    };
    let doc = Document::from_text(CHINESE);
    let mut layout = Layout::new(12);
    layout.set_typography(t);
    assert_eq!(layout.hyphenation(&doc), None);
    assert!(breaks(CHINESE, 12, t).is_empty());
}

#[test]
fn print_takes_the_hyphenation_language_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("fluss.txt");
    std::fs::write(&story, GERMAN).unwrap();
    let print = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dogear"))
            .args(["--print", "--width", "18", "--hyphenate"])
            .args(extra)
            .arg(&story)
            .env("DOGEAR_CONFIG_DIR", dir.path().join("config"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let guessed = print(&[]);
    assert!(guessed.lines().any(|l| l.ends_with('-')), "{guessed}");
    assert_eq!(print(&["--language", "de"]), guessed, "guessed German");
    assert_ne!(
        print(&["--language", "en-us"]),
        guessed,
        "English patterns differ"
    );
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_dogear"))
        .args(["--print", "--language", "klingon"])
        .arg(&story)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(
        said.contains("unknown language 'klingon'") && said.contains("en-us"),
        "{said}"
    );
}
