//! Tests of choosing an encoding and decoding with it.

use super::*;

#[test]
fn utf16_le_without_bom_is_detected() {
    let bytes: Vec<u8> = "Hello there, reader.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let d = decode(&bytes, None).unwrap();
    assert_eq!(d.charset.name(), "UTF-16LE");
    assert_eq!(d.text, "Hello there, reader.\n");
}

#[test]
fn utf16_be_without_bom_is_detected() {
    let bytes: Vec<u8> = "Big end first.\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    assert_eq!(decode(&bytes, None).unwrap().charset.name(), "UTF-16BE");
}

#[test]
fn scattered_nuls_are_binary() {
    let mut bytes = b"\x7fELF some header text".to_vec();
    bytes.extend([0, 0, 0, 1, 2, 3, 0, 0x41, 0x42, 0x43, 0x44]);
    assert_eq!(decode(&bytes, None).unwrap_err(), LoadError::Binary);
}

#[test]
fn ansi_colours_are_not_iso_2022_jp() {
    let d = decode(b"\x1b[1mbold\x1b[0m", None).unwrap();
    assert_eq!(d.charset.name(), "UTF-8");
}

#[test]
fn a_few_dos_bytes_in_english_are_not_big5() {
    let mut bytes = b"Plain English words go on and on here. ".repeat(300);
    bytes.extend(b"At Ch\x83lons and Alen\x87on the road went on. ");
    bytes.extend(b"More plain words follow them. ".repeat(300));
    assert_eq!(decode(&bytes, None).unwrap().charset.name(), "windows-1252");
}

#[test]
fn a_whole_file_loads_as_decoding_then_normalising_it() {
    let cases: [&[u8]; 7] = [
        b"",
        "plain café\n".as_bytes(),
        b"\xef\xbb\xbfwith bom",
        b"Ch\x83lons latin",
        b"\x1b$B$3$s\x1b(B",
        b"\x1b[1mbold\x1b[0m",
        b"bin\0ary",
    ];
    for bytes in cases {
        for forced in [
            None,
            Some(Charset::Web(UTF_8)),
            Some(Charset::Web(encoding_rs::WINDOWS_1252)),
        ] {
            let a = decode(bytes, forced)
                .map(|d| (super::super::normalise::normalise(&d.text), d.charset));
            let b = super::super::load::whole(bytes.to_vec(), forced)
                .map(|d| (d.text().to_owned(), d.charset()));
            assert_eq!(a, b, "{bytes:?} {forced:?}");
        }
    }
}

#[test]
fn forced_encoding_wins() {
    let d = decode(
        "é".as_bytes(),
        Some(Charset::Web(encoding_rs::WINDOWS_1252)),
    )
    .unwrap();
    assert_eq!(d.text, "Ã©");
    assert_eq!(d.charset.name(), "windows-1252");
}

/// Our own sentences, in the languages the legacy encodings below were made for.
const RUSSIAN: &str = "Старый кот сидел у окна и смотрел на дождь. Ему было скучно, \
    но он не хотел уходить: там, на улице, шли люди с зонтами, и каждый куда-то спешил. \
    Вечером хозяйка принесла ему молока, а потом села читать книгу.\n";
const ESPERANTO: &str = "Ĉiu ĵaŭdo la knabo iris al la ĝardeno de sia avo. Tie ŝi \
    montris al li la ĥoran kanton, kaj ili manĝis ĉerizojn ĝis la suno subiris. \
    Poste ŝi diris: ankaŭ morgaŭ ni venos.\n";

fn round_trip(text: &str, enc: &'static Encoding) -> Decoded {
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{} cannot encode the fixture", enc.name());
    let d = decode(&bytes, None).unwrap();
    assert_eq!(d.text, text, "read as {}", d.charset.name());
    d
}

#[test]
fn mac_cyrillic_russian_is_not_read_as_windows_1252() {
    let d = round_trip(RUSSIAN, encoding_rs::X_MAC_CYRILLIC);
    assert_eq!(d.charset.name(), "x-mac-cyrillic");
}

#[test]
fn russian_in_koi8_r_ibm866_and_windows_1251_is_read_right() {
    for enc in [
        encoding_rs::KOI8_R,
        encoding_rs::IBM866,
        encoding_rs::WINDOWS_1251,
    ] {
        round_trip(RUSSIAN, enc);
    }
}

#[test]
fn esperanto_in_latin_3_is_not_read_as_latin_2() {
    let d = round_trip(ESPERANTO, encoding_rs::ISO_8859_3);
    assert_eq!(d.charset.name(), "ISO-8859-3");
    assert!(!d.guess.unsure);
}

#[test]
fn czech_in_mac_central_european_is_read_right() {
    // "Žluťoučký kůň pěl ďábelské ódy" and more, in Mac Central European.
    let text = "Žluťoučký kůň úpěl ďábelské ódy, když šel přes louku. Řekl jsem mu, \
        že večer přijde déšť a že musí domů. Kůň se otočil a běžel zpátky ke stáji.\n";
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| match c {
            c if c.is_ascii() => c as u8,
            c => super::super::charset::Charset::MacCe
                .decode(&(0x80..=0xff).collect::<Vec<u8>>())
                .chars()
                .position(|d| d == c)
                .map(|i| u8::try_from(0x80 + i).unwrap())
                .expect("in Mac CE"),
        })
        .collect();
    let d = decode(&bytes, None).unwrap();
    assert_eq!(d.charset, Charset::MacCe);
    assert_eq!(d.text, text);
}

#[test]
fn dos_box_drawing_is_code_page_437_and_its_control_bytes_are_dropped() {
    let mut bytes = b"\x0f The cache holds one entry per drive:\r\n".to_vec();
    bytes.extend(b"\t\xda\xc4\xc4\xc4\xc4\xc4\xc4\xc4\xc4\xbf\r\n");
    bytes.extend(b"\t\xb3 drive \xb3\r\n\t\xc3\xc4\xc4\xc4\xc4\xc4\xc4\xc4\xc4\xb4\r\n");
    bytes.extend(b"\t\xb3 names \xb3\r\n\t\xc0\xc4\xc4\xc4\xc4\xc4\xc4\xc4\xc4\xd9\r\n");
    bytes.extend(b"\x0f It is kept in memory for the whole session.\r\n");
    let d = decode(&bytes, None).unwrap();
    assert_eq!(d.charset, Charset::Cp437);
    assert!(d.text.contains("┌────────┐"), "{}", d.text);
    let doc = crate::document::Document::from_bytes(&bytes, None).unwrap();
    assert!(!doc.text().contains('\x0f'));
    assert!(doc.text().contains("│ names │"));
    assert_eq!(doc.encoding(), "IBM437");
}

#[test]
fn a_latin_1_novel_stays_windows_1252_and_sure() {
    let mut bytes = b"The carriage stopped before the inn. ".repeat(200);
    bytes.extend(b"Madame de Rochefort, n\xe9e Duval, stepped down in a caf\xe9-coloured ");
    bytes.extend(b"gown, and the ma\xeetre d'h\xf4tel bowed to her. ");
    bytes.extend(b"More of the story goes on in plain words. ".repeat(200));
    let d = decode(&bytes, None).unwrap();
    assert_eq!(d.charset.name(), "windows-1252");
    assert!(!d.guess.unsure);
    assert_eq!(d.guess.candidates[0], d.charset);
}

#[test]
fn a_forced_encoding_still_knows_what_detection_would_have_liked() {
    let (bytes, _, _) = encoding_rs::X_MAC_CYRILLIC.encode(RUSSIAN);
    let forced = decode(&bytes, Some(Charset::Web(encoding_rs::WINDOWS_1252))).unwrap();
    assert!(forced.guess.candidates.is_empty());
    assert_eq!(likely(&bytes)[0].name(), "x-mac-cyrillic");
    assert_eq!(likely("café".as_bytes()), [Charset::Web(UTF_8)]);
}

#[test]
fn korean_with_old_style_jamo_compositions_is_not_euc_jp() {
    let text = "고양이는 창가에 앉아 비를 바라보았다. 우산을 쓴 사람들이 지나갔다. \
        저녁에는 주인이 우유를 가져다 주었고, 고양이는 조용히 잠들었다.\n옛글: ";
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(text);
    let mut bytes = bytes.into_owned();
    // KS X 1001 eight-byte syllables (filler, initial, medial, filler): the A4 row
    // is hiragana in EUC-JP, which is what chardetng sees.
    for (initial, medial) in [(0xa1, 0xbf), (0xb7, 0xc7), (0xba, 0xcc), (0xa4, 0xd3)] {
        bytes.extend([0xa4, 0xd4, 0xa4, initial, 0xa4, medial, 0xa4, 0xd4]);
    }
    let d = decode(&bytes, None).unwrap();
    assert_eq!(d.charset.name(), "EUC-KR");
    assert!(d.text.starts_with(text));
}

#[test]
fn utf8_and_bom_files_have_no_candidates_to_offer() {
    let d = decode("Plain café\n".as_bytes(), None).unwrap();
    assert_eq!(d.guess, Guess::default());
}

#[test]
fn a_head_cut_inside_a_utf8_character_is_still_utf8() {
    let text = "Кошкин дом\n".repeat(50);
    let head = &text.as_bytes()[..text.len() / 2 + 1];
    assert!(std::str::from_utf8(head).is_err());
    let d = decode_head(head, text.len(), None).unwrap();
    assert_eq!(d.charset.name(), "UTF-8");
    assert!(text.starts_with(&d.text) && d.text.len() + 1 == head.len());
}

#[test]
fn a_head_of_sniff_end_bytes_is_decoded_as_the_whole_file_is() {
    let text = RUSSIAN.repeat(400);
    let (bytes, _, _) = encoding_rs::X_MAC_CYRILLIC.encode(&text);
    let end = sniff_end(&bytes[..4096]).min(bytes.len());
    assert!(end > 4096);
    let whole = decode(&bytes, None).unwrap();
    let head = decode_head(&bytes[..end], bytes.len(), None).unwrap();
    assert_eq!(head.charset, whole.charset);
    assert!(whole.text.starts_with(&head.text));
}

proptest::proptest! {
    /// The lines fed to chardetng are those the plain way picks: split at every `\n`,
    /// kept when they hold a byte from 0x80 up or an escape.
    #[test]
    fn the_lines_fed_are_the_lines_with_a_high_byte_or_an_escape(
        bytes in proptest::collection::vec(proptest::sample::select(vec![
            b'a', b' ', b'\n', 0x1b, 0x80, 0xe9, 0xff, b'\r',
        ]), 0..400),
    ) {
        let plain: Vec<&[u8]> = bytes
            .split_inclusive(|&b| b == b'\n')
            .filter(|line| line.iter().any(|&b| b >= 0x80 || b == 0x1b))
            .collect();
        let fed: Vec<&[u8]> = super::lines_to_feed(&bytes).collect();
        proptest::prop_assert_eq!(fed, plain);
    }
}

#[test]
fn english_with_nordic_names_in_latin_1_is_not_read_as_dos() {
    // A story in English whose people are Norwegian: their names carry its only letters
    // past ASCII (Æ, Ø, ø), none of them French or German. Code page 437 reads them as
    // "PERSON╞" and "Bj°rg", symbols that cost less than letters of no alphabet quoted.
    let prose = "The kitchen of the house stood dark at that hour, and the stove gave the \
        only light. She sat by it with her hands in her lap and listened to the wind over \
        the harbour. ";
    let mut text = String::from("DRAMATIS PERSONÆ\n\nBJØRG, a widow.\nHALVARD, her brother.\n\n");
    for _ in 0..4 {
        text.push_str(&prose.repeat(3));
        text.push_str("\n\n");
    }
    text.push_str("Bjørg said nothing.\n\n");
    text.push_str(&prose.repeat(2));
    text.push('\n');
    let bytes = encoding_rs::WINDOWS_1252.encode(&text).0;
    let d = decode(&bytes, None).unwrap();
    assert_eq!(d.text, text, "read as {}", d.charset.name());
}
