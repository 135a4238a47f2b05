//! Choosing an encoding in the picker through the session: saved for the book, used the
//! next time it opens, the place and bookmarks kept, the title re-read.

use dogear::{Action, Document, Effect, Host, Mode, Reader, Session, Store};
use std::fs;
use std::path::Path;

fn story() -> String {
    let mut text = String::from("Кошкин дом\n\n");
    for i in 1..=40 {
        text.push_str(&format!(
            "{i}. Старый кот сидел у окна и смотрел на дождь. Ему было скучно, но он не \
             хотел уходить: на улице шли люди с зонтами, и каждый куда-то спешил.\n\n"
        ));
    }
    text
}

fn open(path: &Path, store: &Store) -> (Reader, Session) {
    let bytes = fs::read(path).unwrap();
    let fingerprint = dogear::of_bytes(&bytes);
    // As the app does: a remembered choice is used; here the first open is misread.
    let forced = dogear::encoding_for(None, Some(store), &fingerprint)
        .or(Some(dogear::Charset::Web(encoding_rs::WINDOWS_1251)));
    let doc = Document::from_vec(bytes, forced).unwrap();
    let title = dogear::title_of(doc.text(), "cat.txt");
    let mut reader = Reader::new(doc, title, (60, 15), 72);
    let session = Session::resume(Some(store.clone()), path, fingerprint, &mut reader);
    (reader, session)
}

fn act(reader: &mut Reader, session: &mut Session, action: Action) -> Effect {
    let effect = reader.update(action);
    session.effect(reader, effect.clone());
    effect
}

#[test]
fn a_chosen_encoding_is_remembered_for_the_book_and_the_place_survives() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cat.txt");
    let text = story();
    let (bytes, _, _) = encoding_rs::X_MAC_CYRILLIC.encode(&text);
    fs::write(&path, &bytes).unwrap();
    let store = Store::at(dir.path().join("config"));

    let (mut reader, mut session) = open(&path, &store);
    assert_ne!(reader.title(), "Кошкин дом", "misread at first");
    for _ in 0..3 {
        act(&mut reader, &mut session, Action::PageDown);
    }
    act(&mut reader, &mut session, Action::AddBookmark);
    let n = reader.document().text()[..reader.place()].chars().count();

    assert_eq!(
        act(&mut reader, &mut session, Action::Encodings),
        Effect::ReadForEncodings
    );
    let want = reader
        .picker()
        .expect("the session handed the bytes over")
        .choices
        .iter()
        .position(|c| c.name() == "x-mac-cyrillic")
        .unwrap();
    let Mode::Encodings { selected } = *reader.mode() else {
        panic!("picker not open");
    };
    for _ in selected..want {
        act(&mut reader, &mut session, Action::Down);
    }
    for _ in want..selected {
        act(&mut reader, &mut session, Action::Up);
    }
    act(&mut reader, &mut session, Action::Submit);

    assert_eq!(reader.document().text(), story());
    assert_eq!(reader.title(), "Кошкин дом");
    assert_eq!(
        reader.document().text()[..reader.place()].chars().count(),
        n
    );
    let top = reader.page()[0]
        .display(reader.document().text())
        .into_owned();
    let mark = reader.marks()[0].offset;
    session.finish(&mut reader);

    let fingerprint = dogear::of_bytes(&bytes);
    assert_eq!(
        store.remembered_encoding(&fingerprint).as_deref(),
        Some("x-mac-cyrillic")
    );
    let (again, _) = open(&path, &store);
    assert_eq!(again.document().encoding(), "x-mac-cyrillic");
    assert_eq!(again.page()[0].display(again.document().text()), top);
    assert_eq!(again.marks()[0].offset, mark);
    assert_eq!(store.list()[0].title, "Кошкин дом");
}
