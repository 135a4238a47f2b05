//! The encoding picker: `E` lists the likely encodings, then all; the page previews the
//! selected one; Enter re-reads the story that way and keeps the place; Esc restores.

mod drawn;
use dogear::{Action, Charset, Document, Effect, Mode, Reader};
use drawn::screen;

/// Our own Russian paragraphs, numbered so a place can be recognised.
fn story() -> String {
    (1..=30)
        .map(|i| {
            format!(
                "{i}. Старый кот сидел у окна и смотрел на дождь. Ему было скучно, но он \
                 не хотел уходить: на улице шли люди с зонтами.\n\n"
            )
        })
        .collect()
}

fn mac_bytes() -> Vec<u8> {
    let text = story();
    let (bytes, _, bad) = encoding_rs::X_MAC_CYRILLIC.encode(&text);
    assert!(!bad);
    bytes.into_owned()
}

fn select(reader: &mut Reader, name: &str) {
    let picker = reader.picker().expect("picker open");
    let want = picker
        .choices
        .iter()
        .position(|c| c.name() == name)
        .unwrap();
    let Mode::Encodings { selected } = *reader.mode() else {
        panic!("not in the picker");
    };
    for _ in selected..want {
        reader.update(Action::Down);
    }
    for _ in want..selected {
        reader.update(Action::Up);
    }
}

fn windows_1251() -> Option<Charset> {
    Some(Charset::Web(encoding_rs::WINDOWS_1251))
}

#[test]
fn e_asks_the_shell_for_the_bytes_and_lists_the_likely_encodings_first() {
    let doc = Document::from_bytes(&mac_bytes(), None).unwrap();
    assert_eq!(doc.encoding(), "x-mac-cyrillic");
    let mut r = Reader::new(doc, "Кот", (60, 16), 72);
    assert_eq!(r.update(Action::Encodings), Effect::ReadForEncodings);
    r.open_encodings(mac_bytes());
    let picker = r.picker().unwrap();
    assert_eq!(picker.choices[0].name(), "x-mac-cyrillic");
    assert!(picker.likely >= 2 && picker.choices.len() > 30);
}

#[test]
fn escape_restores_the_story_as_it_was() {
    let doc = Document::from_bytes(&mac_bytes(), windows_1251()).unwrap();
    let before = doc.text().to_owned();
    let mut r = Reader::new(doc, "Кот", (60, 16), 72);
    r.update(Action::PageDown);
    let place = r.place();
    r.open_encodings(mac_bytes());
    select(&mut r, "x-mac-cyrillic");
    assert_eq!(r.update(Action::Cancel), Effect::None);
    assert_eq!(r.document().text(), before);
    assert_eq!(r.place(), place);
    assert!(r.picker().is_none());
    assert_eq!(*r.mode(), Mode::Reading);
}

#[test]
fn enter_rereads_the_story_and_keeps_the_place() {
    let doc = Document::from_bytes(&mac_bytes(), windows_1251()).unwrap();
    let mut r = Reader::new(doc, "Кот", (60, 16), 72);
    r.update(Action::PageDown);
    r.update(Action::PageDown);
    let n = r.document().text()[..r.place()].chars().count();
    r.open_encodings(mac_bytes());
    select(&mut r, "x-mac-cyrillic");
    let effect = r.update(Action::Submit);
    assert_eq!(
        effect,
        Effect::EncodingChosen(Charset::Web(encoding_rs::X_MAC_CYRILLIC))
    );
    assert_eq!(r.document().text(), story());
    // The same character of the file is at the top of the page.
    assert_eq!(r.document().text()[..r.place()].chars().count(), n);
    assert!(r.page()[0]
        .display(r.document().text())
        .starts_with("11. Старый"));
}

#[test]
fn picker_previews_the_page_decoded_the_selected_way_60x16() {
    let doc = Document::from_bytes(&mac_bytes(), windows_1251()).unwrap();
    let mut r = Reader::new(doc, "Кот", (60, 16), 72);
    r.update(Action::PageDown);
    r.open_encodings(mac_bytes());
    select(&mut r, "x-mac-cyrillic");
    insta::assert_snapshot!(screen(&r));
}

#[test]
fn an_unsure_guess_is_named_in_the_status_bar_60x6() {
    // Maltese (ISO-8859-3) with French words in it: ISO-8859-13 reads it almost as well.
    let text = "Il-kelb żgħir ċkejken, Franċiż, ma jiġix. Café, crème, été.\n";
    let (bytes, _, _) = encoding_rs::ISO_8859_3.encode(text);
    let doc = Document::from_bytes(&bytes, None).unwrap();
    assert!(doc.guess().unsure);
    assert_eq!(doc.encoding(), "ISO-8859-3");
    let r = Reader::new(doc, "Il-kelb", (60, 6), 72);
    let shown = screen(&r);
    assert!(shown.contains("ISO-8859-3?"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn a_utf16_story_previews_whole_characters() {
    let text = story();
    let bytes: Vec<u8> = std::iter::once(0xfeff_u16)
        .chain(text.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let doc = Document::from_bytes(&bytes, None).unwrap();
    let mut r = Reader::new(doc, "Кот", (60, 16), 72);
    r.update(Action::PageDown);
    r.open_encodings(bytes);
    let (preview, lines) = r.picker().unwrap().preview();
    assert!(
        lines[0].display(preview).contains("Старый кот"),
        "{preview}"
    );
    r.update(Action::Resize {
        width: 40,
        height: 10,
    });
    let (preview, lines) = r.picker().unwrap().preview();
    assert!(lines.len() <= 9 && lines[0].display(preview).chars().count() <= 40);
}
