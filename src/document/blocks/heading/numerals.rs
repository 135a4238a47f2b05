//! Numbers written as words ("Fifth", "SECUNDA", "Erstes", "TROISIÈME"), as the
//! headings of divisions name them.

/// Numbers written as words, cardinal and ordinal: English and Latin, and the ordinals of
/// German, French, Italian and Spanish.
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "last",
    "primus",
    "prima",
    "secundus",
    "secunda",
    "tertius",
    "tertia",
    "quartus",
    "quarta",
    "quintus",
    "quinta",
    "sextus",
    "sexta",
    "septimus",
    "septima",
    "octavus",
    "octava",
    "ultimus",
    "ultima",
    // German ordinals, in their endings ("Erstes Kapitel", "ERSTER AUFZUG", "Zweite Szene").
    "erste",
    "erster",
    "erstes",
    "zweite",
    "zweiter",
    "zweites",
    "dritte",
    "dritter",
    "drittes",
    "vierte",
    "vierter",
    "viertes",
    "fünfte",
    "fünfter",
    "fünftes",
    "sechste",
    "sechster",
    "sechstes",
    "siebente",
    "siebenter",
    "siebentes",
    "siebte",
    "siebter",
    "siebtes",
    "achte",
    "achter",
    "achtes",
    "neunte",
    "neunter",
    "neuntes",
    "zehnte",
    "zehnter",
    "zehntes",
    "letzte",
    "letzter",
    "letztes",
    // French ("Premier Livre", "TROISIÈME PARTIE").
    "premier",
    "première",
    "deuxième",
    "seconde",
    "troisième",
    "quatrième",
    "cinquième",
    "sixième",
    "septième",
    "huitième",
    "neuvième",
    "dixième",
    "dernier",
    "dernière",
    // Italian and Spanish ("Parte Seconda", "Primera Parte").
    "primo",
    "secondo",
    "seconda",
    "terzo",
    "terza",
    "quarto",
    "quarta",
    "sesto",
    "sesta",
    "settimo",
    "settima",
    "ottavo",
    "ottava",
    "nono",
    "nona",
    "decimo",
    "decima",
    "ultimo",
    // Portuguese.
    "primeiro",
    "terceiro",
    "sétimo",
    "oitavo",
    // Russian, in the genders a chapter (глава, часть) and an act (действие) take.
    "первая",
    "вторая",
    "третья",
    "четвертая",
    "пятая",
    "первое",
    "второе",
    "третье",
    "первый",
    "второй",
    "третий",
    "primero",
    "primera",
    "segundo",
    "segunda",
    "tercero",
    "tercera",
    "cuarto",
    "cuarta",
    "quinto",
    "sexto",
    "séptimo",
    "séptima",
    "noveno",
    "novena",
    "décimo",
    "décima",
];

/// Whether `w` is one of [`NUMBER_WORDS`], in any case, its vowels marked long or not
/// (a Latin school text's "PRĪMA").
pub(super) fn is_number_word(w: &str) -> bool {
    NUMBER_WORDS.iter().any(|n| same_word(n, w))
}

/// Whether `w` is `word` (ASCII, in small letters) in any case, with or without long
/// marks on its vowels.
fn same_word(word: &str, w: &str) -> bool {
    if w.is_ascii() {
        return word.eq_ignore_ascii_case(w);
    }
    let plain = w.chars().map(|c| match c {
        'ā' | 'Ā' => 'a',
        'ē' | 'Ē' => 'e',
        'ī' | 'Ī' => 'i',
        'ō' | 'Ō' => 'o',
        'ū' | 'Ū' => 'u',
        // "FÜNFTE", "TROISIÈME".
        c => c.to_lowercase().next().unwrap_or(c),
    });
    plain.eq(word.chars())
}

/// Whether `w` is the number one, in figures or in words: a new book starts.
pub(super) fn is_one(w: &str) -> bool {
    [
        "i",
        "1",
        "one",
        "first",
        "primus",
        "prima",
        "erste",
        "erster",
        "erstes",
        "premier",
        "première",
        "primo",
        "primero",
        "primera",
        "primeiro",
        "первая",
        "первое",
        "первый",
    ]
    .iter()
    .any(|n| same_word(n, w))
}

/// The value of an ordinal or a number in words, by its stem (in English, Latin, German,
/// French, Italian and Spanish), up to ten: "Zweite" and "second" are both 2.
pub fn word_value(word: &str) -> Option<u32> {
    /// The stems of each number from one, in order (a longer stem before a shorter one it
    /// starts with: "sixth" before "six").
    const STEMS: [&[&str]; 10] = [
        &["first", "one", "prim", "erst", "premi"],
        &["second", "two", "secund", "zweit", "deuxi", "segund"],
        &[
            "third", "three", "terti", "dritt", "troisi", "terz", "tercer",
        ],
        &["fourth", "four", "quart", "viert", "quatri", "cuart"],
        &["fifth", "five", "quint", "fünft", "cinqui"],
        &["sixth", "six", "sext", "sechst", "sest"],
        &[
            "seventh", "seven", "septim", "sieb", "septi", "settim", "séptim",
        ],
        &["eighth", "eight", "octav", "acht", "huiti", "ottav"],
        &["ninth", "nine", "neunt", "neuvi", "non", "noven"],
        &["tenth", "ten", "zehnt", "dixi", "decim", "décim"],
    ];
    let word = word.to_lowercase();
    let at = STEMS
        .iter()
        .position(|stems| stems.iter().any(|s| word.starts_with(s)))?;
    u32::try_from(at + 1).ok()
}
