use super::*;

fn misread(text: &str, written: &'static encoding_rs::Encoding, read: Charset) -> String {
    read.decode(&written.encode(text).0)
}

#[test]
fn right_letters_outscore_each_kind_of_mojibake() {
    use encoding_rs as e;
    let russian = "Вечером хозяйка принесла коту молока, а потом села читать.";
    for (written, read) in [
        (e::KOI8_R, e::WINDOWS_1251),
        (e::X_MAC_CYRILLIC, e::WINDOWS_1252),
        (e::IBM866, e::WINDOWS_1251),
        (e::WINDOWS_1251, e::X_MAC_CYRILLIC),
    ] {
        let wrong = misread(russian, written, Charset::Web(read));
        assert!(score(russian) > score(&wrong), "{wrong}");
    }
    let esperanto = "Ĉiu ĵaŭdo ŝi manĝis ĉerizojn en la ĝardeno.";
    let wrong = misread(esperanto, e::ISO_8859_3, Charset::Web(e::ISO_8859_2));
    assert!(score(esperanto) > score(&wrong), "{wrong}");
}

#[test]
fn no_break_spaces_between_english_words_are_not_read_as_a_dos_letter() {
    // Latin-1 English set with a no-break space after "I" and "a", as typeset books
    // on Gutenberg are: code page 437 reads each as "á", a Spanish letter.
    let mut story = Vec::new();
    for _ in 0..12 {
        story.extend_from_slice(
            b"I\xa0had not thought of it, and a\xa0few of them said I was a fool to go \
              so far from home for a\xa0word of praise. I\xa0know it now; we had a few \
              hours, and not a word to say, and all we know is that.\n",
        );
    }
    let ranking = rank(&story, Charset::Web(encoding_rs::WINDOWS_1252));
    assert_eq!(
        ranking.candidates[0].charset,
        Charset::Web(encoding_rs::WINDOWS_1252)
    );
    // Spanish in code page 437 is still read as such: no half of its words is a
    // word of its own.
    let spanish = "Él también está aquí, así que la canción comenzó después del día.\n";
    let mut dos = Vec::new();
    for _ in 0..12 {
        for c in spanish.chars() {
            let byte = oem_cp::code_table::ENCODING_TABLE_CP437
                .get(&c)
                .copied()
                .unwrap_or(c as u8);
            dos.push(byte);
        }
    }
    assert_eq!(
        rank(&dos, Charset::Web(encoding_rs::WINDOWS_1252)).candidates[0].charset,
        Charset::Cp437
    );
}

#[test]
fn box_drawing_read_as_letters_scores_below_nothing() {
    let bytes = b"\xda\xc4\xc4\xc4\xc4\xc4\xbf\n\xb3 disk \xb3\n\xc0\xc4\xc4\xc4\xc4\xc4\xd9\n";
    let as_dos = score(&Charset::Cp437.decode(bytes));
    assert_eq!(as_dos, 0);
    for enc in [encoding_rs::WINDOWS_1252, encoding_rs::WINDOWS_1251] {
        assert!(
            score(&Charset::Web(enc).decode(bytes)) < 0,
            "{}",
            enc.name()
        );
    }
}

proptest::proptest! {
    #[test]
    fn rank_offers_every_single_byte_encoding_once_and_never_panics(
        bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)
    ) {
        let ranking = rank(&bytes, Charset::Web(encoding_rs::WINDOWS_1252));
        let single = ALL.iter().filter(|c| c.is_single_byte()).count();
        proptest::prop_assert_eq!(ranking.candidates.len(), single);
        for (i, c) in ranking.candidates.iter().enumerate() {
            proptest::prop_assert!(c.charset.is_single_byte());
            proptest::prop_assert!(
                ranking.candidates[..i].iter().all(|d| d.charset != c.charset)
            );
        }
    }
}
