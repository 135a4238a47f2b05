//! The encodings dogear can decode: every one of encoding_rs's, plus two it lacks that
//! real old stories use, DOS code page 437 (through `oem_cp`) and Mac Central European.
//!
//! [`Charset`] is what `--encoding`, the encoding picker and a book's saved state name;
//! [`Charset::parse`] accepts the spellings people type (`cp1251`, `latin-3`, `sjis`, ...).

use encoding_rs::Encoding;

/// An encoding a story can be decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Charset {
    /// One of encoding_rs's (the WHATWG Encoding Standard's) encodings.
    Web(&'static Encoding),
    /// IBM PC / MS-DOS code page 437 (box drawing, `é` at 0x82).
    Cp437,
    /// Mac OS Central European (Czech, Polish, Hungarian... on classic Macs).
    MacCe,
}

pub const UTF_8: Charset = Charset::Web(encoding_rs::UTF_8);

/// Every encoding offered in the picker, in the order listed after the likely ones.
pub const ALL: &[Charset] = &{
    use encoding_rs as e;
    use Charset::{Cp437, MacCe, Web};
    [
        Web(e::UTF_8),
        Web(e::WINDOWS_1252),
        Web(e::ISO_8859_15),
        Web(e::WINDOWS_1250),
        Web(e::ISO_8859_2),
        Web(e::ISO_8859_3),
        Web(e::ISO_8859_4),
        Web(e::ISO_8859_10),
        Web(e::ISO_8859_13),
        Web(e::ISO_8859_14),
        Web(e::ISO_8859_16),
        Web(e::WINDOWS_1254),
        Web(e::WINDOWS_1257),
        Web(e::WINDOWS_1258),
        Web(e::MACINTOSH),
        MacCe,
        Cp437,
        Web(e::WINDOWS_1251),
        Web(e::KOI8_R),
        Web(e::KOI8_U),
        Web(e::IBM866),
        Web(e::X_MAC_CYRILLIC),
        Web(e::ISO_8859_5),
        Web(e::WINDOWS_1253),
        Web(e::ISO_8859_7),
        Web(e::WINDOWS_1255),
        Web(e::ISO_8859_8),
        Web(e::WINDOWS_1256),
        Web(e::ISO_8859_6),
        Web(e::WINDOWS_874),
        Web(e::SHIFT_JIS),
        Web(e::EUC_JP),
        Web(e::ISO_2022_JP),
        Web(e::GBK),
        Web(e::GB18030),
        Web(e::BIG5),
        Web(e::EUC_KR),
        Web(e::UTF_16LE),
        Web(e::UTF_16BE),
    ]
};

/// What `--encoding` accepts, for its error message.
pub const ACCEPTED: &str = "utf-8 (utf8), utf-16le, utf-16be, windows-1250 to windows-1258 \
    (cp1251, win1251), iso-8859-1 to iso-8859-16 (iso8859-3, latin1 to latin10), koi8-r, \
    koi8-u, ibm866 (cp866, dos866), x-mac-cyrillic (maccyrillic), macintosh (mac-roman), \
    x-mac-ce (mac-centraleurope, maclatin2), cp437 (ibm437, dos), shift_jis (sjis, cp932), \
    euc-jp, iso-2022-jp, gbk (gb2312, cp936), gb18030, big5, euc-kr (cp949), windows-874; \
    case, '-', '_' and spaces do not matter";

impl Charset {
    /// The name shown to the reader and stored in a book's state (`"windows-1251"`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Web(enc) => enc.name(),
            Self::Cp437 => "IBM437",
            Self::MacCe => "x-mac-ce",
        }
    }

    /// Whether every byte is one character (so offsets map across such encodings).
    pub fn is_single_byte(self) -> bool {
        match self {
            Self::Web(enc) => enc.is_single_byte(),
            Self::Cp437 | Self::MacCe => true,
        }
    }

    /// `bytes` decoded, unmapped bytes as U+FFFD, without BOM sniffing.
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            Self::Web(enc) => enc.decode_without_bom_handling(bytes).0.into_owned(),
            Self::Cp437 => by_table(bytes, &oem_cp::code_table::DECODING_TABLE_CP437),
            Self::MacCe => by_table(bytes, &MAC_CE),
        }
    }

    /// The charset for a name as people type it: case, `-`, `_`, `.` and spaces are
    /// ignored, and the common aliases (`cp1251`, `latin3`, `sjis`, `maccyrillic`,
    /// `dos`...) are known. Labels of the Encoding Standard work too.
    pub fn parse(name: &str) -> Option<Self> {
        use encoding_rs as e;
        let key: String = name
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' ' | '.'))
            .flat_map(char::to_lowercase)
            .collect();
        let web = |enc| Some(Self::Web(enc));
        let found = match key.as_str() {
            "utf8" => web(e::UTF_8),
            "utf16" | "utf16le" => web(e::UTF_16LE),
            "utf16be" => web(e::UTF_16BE),
            "cp437" | "ibm437" | "437" | "dos" | "oem" | "oemus" | "pc8" | "dos437" => {
                Some(Self::Cp437)
            }
            "macce" | "xmacce" | "maccentraleurope" | "maccentraleuropean" | "maclatin2"
            | "xmaccentraleurope" | "cp10029" => Some(Self::MacCe),
            "maccyrillic" | "xmaccyrillic" | "macukrainian" | "cp10007" => web(e::X_MAC_CYRILLIC),
            "mac" | "macroman" | "macintosh" | "xmacroman" | "cp10000" => web(e::MACINTOSH),
            "sjis" | "shiftjis" | "mskanji" | "cp932" | "windows31j" => web(e::SHIFT_JIS),
            "eucjp" => web(e::EUC_JP),
            "iso2022jp" | "jis" => web(e::ISO_2022_JP),
            "gbk" | "gb2312" | "cp936" | "euccn" => web(e::GBK),
            "euckr" | "cp949" | "uhc" => web(e::EUC_KR),
            "big5" | "cp950" => web(e::BIG5),
            "koi8" | "koi8r" => web(e::KOI8_R),
            "koi8u" => web(e::KOI8_U),
            "cp866" | "ibm866" | "866" | "dos866" => web(e::IBM866),
            _ => numbered(&key),
        };
        found.or_else(|| Encoding::for_label(name.trim().as_bytes()).map(Self::Web))
    }
}

/// `cp1251`, `win1251`, `windows1251`, `1251`, `iso88593`, `8859-3`, `latin3`...
fn numbered(key: &str) -> Option<Charset> {
    let digits = key.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let prefix = &key[..key.len() - digits.len()];
    let n: u32 = digits.parse().ok()?;
    let label = match (prefix, n) {
        ("cp" | "win" | "windows" | "ms" | "", 1250..=1258) => format!("windows-{n}"),
        ("cp" | "win" | "windows" | "", 874) => "windows-874".to_owned(),
        ("iso" | "", 88591..=885916) if digits.starts_with("8859") => {
            format!("iso-8859-{}", &digits[4..])
        }
        ("latin" | "l", 1..=10) => {
            let part = [1, 2, 3, 4, 9, 10, 13, 14, 15, 16][n as usize - 1];
            format!("iso-8859-{part}")
        }
        _ => return None,
    };
    Encoding::for_label(label.as_bytes()).map(Charset::Web)
}

fn by_table(bytes: &[u8], table: &[char; 128]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut rest = bytes;
    while !rest.is_empty() {
        let ascii = rest.iter().position(|&b| b >= 0x80).unwrap_or(rest.len());
        // An ASCII run is valid UTF-8 as it is.
        out.push_str(std::str::from_utf8(&rest[..ascii]).unwrap_or_default());
        rest = &rest[ascii..];
        if let Some((&b, tail)) = rest.split_first() {
            out.push(table[usize::from(b - 0x80)]);
            rest = tail;
        }
    }
    out
}

/// Mac OS Central European, bytes 0x80 to 0xFF (Apple's CENTEURO.TXT).
static MAC_CE: [char; 128] = [
    '\u{00C4}', '\u{0100}', '\u{0101}', '\u{00C9}', '\u{0104}', '\u{00D6}', '\u{00DC}', '\u{00E1}',
    '\u{0105}', '\u{010C}', '\u{00E4}', '\u{010D}', '\u{0106}', '\u{0107}', '\u{00E9}', '\u{0179}',
    '\u{017A}', '\u{010E}', '\u{00ED}', '\u{010F}', '\u{0112}', '\u{0113}', '\u{0116}', '\u{00F3}',
    '\u{0117}', '\u{00F4}', '\u{00F6}', '\u{00F5}', '\u{00FA}', '\u{011A}', '\u{011B}', '\u{00FC}',
    '\u{2020}', '\u{00B0}', '\u{0118}', '\u{00A3}', '\u{00A7}', '\u{2022}', '\u{00B6}', '\u{00DF}',
    '\u{00AE}', '\u{00A9}', '\u{2122}', '\u{0119}', '\u{00A8}', '\u{2260}', '\u{0123}', '\u{012E}',
    '\u{012F}', '\u{012A}', '\u{2264}', '\u{2265}', '\u{012B}', '\u{0136}', '\u{2202}', '\u{2211}',
    '\u{0142}', '\u{013B}', '\u{013C}', '\u{013D}', '\u{013E}', '\u{0139}', '\u{013A}', '\u{0145}',
    '\u{0146}', '\u{0143}', '\u{00AC}', '\u{221A}', '\u{0144}', '\u{0147}', '\u{2206}', '\u{00AB}',
    '\u{00BB}', '\u{2026}', '\u{00A0}', '\u{0148}', '\u{0150}', '\u{00D5}', '\u{0151}', '\u{014C}',
    '\u{2013}', '\u{2014}', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{00F7}', '\u{25CA}',
    '\u{014D}', '\u{0154}', '\u{0155}', '\u{0158}', '\u{2039}', '\u{203A}', '\u{0159}', '\u{0156}',
    '\u{0157}', '\u{0160}', '\u{201A}', '\u{201E}', '\u{0161}', '\u{015A}', '\u{015B}', '\u{00C1}',
    '\u{0164}', '\u{0165}', '\u{00CD}', '\u{017D}', '\u{017E}', '\u{016A}', '\u{00D3}', '\u{00D4}',
    '\u{016B}', '\u{016E}', '\u{00DA}', '\u{016F}', '\u{0170}', '\u{0171}', '\u{0172}', '\u{0173}',
    '\u{00DD}', '\u{00FD}', '\u{0137}', '\u{017B}', '\u{0141}', '\u{017C}', '\u{0122}', '\u{02C7}',
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_spellings_are_accepted() {
        use encoding_rs as e;
        let table = [
            ("maccyrillic", Charset::Web(e::X_MAC_CYRILLIC)),
            ("mac-cyrillic", Charset::Web(e::X_MAC_CYRILLIC)),
            ("x-mac-cyrillic", Charset::Web(e::X_MAC_CYRILLIC)),
            ("latin3", Charset::Web(e::ISO_8859_3)),
            ("Latin-3", Charset::Web(e::ISO_8859_3)),
            ("iso8859-3", Charset::Web(e::ISO_8859_3)),
            ("ISO_8859_3", Charset::Web(e::ISO_8859_3)),
            ("latin9", Charset::Web(e::ISO_8859_15)),
            ("cp437", Charset::Cp437),
            ("IBM437", Charset::Cp437),
            ("dos", Charset::Cp437),
            ("cp1251", Charset::Web(e::WINDOWS_1251)),
            ("windows1251", Charset::Web(e::WINDOWS_1251)),
            ("Windows 1251", Charset::Web(e::WINDOWS_1251)),
            ("sjis", Charset::Web(e::SHIFT_JIS)),
            ("shift-jis", Charset::Web(e::SHIFT_JIS)),
            ("utf8", Charset::Web(e::UTF_8)),
            ("UTF-16LE", Charset::Web(e::UTF_16LE)),
            ("koi8r", Charset::Web(e::KOI8_R)),
            ("mac-centraleurope", Charset::MacCe),
            ("cp866", Charset::Web(e::IBM866)),
            ("iso-8859-10", Charset::Web(e::ISO_8859_10)),
            ("csISOLatin2", Charset::Web(e::ISO_8859_2)),
        ];
        for (name, want) in table {
            assert_eq!(Charset::parse(name), Some(want), "{name}");
        }
        assert_eq!(Charset::parse("klingon"), None);
        assert_eq!(Charset::parse("cp9999"), None);
    }

    #[test]
    fn every_listed_charset_is_found_by_its_own_name() {
        for &cs in ALL {
            assert_eq!(Charset::parse(cs.name()), Some(cs), "{}", cs.name());
        }
    }

    #[test]
    fn dos_and_mac_tables_decode_their_letters() {
        assert_eq!(
            Charset::Cp437.decode(b"\xda\xc4\xbf Ch\x83lons \x0f"),
            "┌─┐ Châlons \x0f"
        );
        // "Žluťoučký kůň" in Mac Central European.
        let bytes = b"\xeblu\xe9ou\x8bk\xf9 k\xf3\xcb";
        assert_eq!(Charset::MacCe.decode(bytes), "Žluťoučký kůň");
    }
}
