//! Headings that name one division twice, in two languages: a bilingual libretto sets
//! "ERSTE SCENE." right over "SCENE I.", and both name the first scene.

use super::{noise, number, Head};

/// Leaves out the second of two numbered headings in a row (blocks one after the other,
/// nothing between) that name the same division by the same number, as words or as
/// figures: "ERSTER AUFZUG." over "FIRST ACT.", "Zweite Szene" over "Scene 2". "BOOK I"
/// over "CHAPTER I" names two divisions, and a bare number ("I.") no kind at all: both
/// stay.
pub(super) fn drop_twins(heads: &mut Vec<Head>) {
    let mut drop = vec![false; heads.len()];
    for k in 1..heads.len() {
        let (a, b) = (&heads[k - 1], &heads[k]);
        drop[k] = !drop[k - 1] && b.block == a.block + 1 && same_division(a, b);
    }
    let mut k = 0;
    heads.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Whether `a` and `b` are numbered headings of the same named kind and number.
fn same_division(a: &Head, b: &Head) -> bool {
    let (Some((kind_a, n_a)), Some((kind_b, n_b))) = (number(a), number(b)) else {
        return false;
    };
    !kind_a.starts_with('#')
        && kind_a == kind_b
        && value_of(n_a).is_some_and(|v| value_of(n_b) == Some(v))
}

/// The number a numbered heading's words ("ERSTE SCENE", "SCENE II", "Act 3") give: the
/// first of them that is a number, in figures, roman numerals or an ordinal word.
fn value_of(words: &str) -> Option<u32> {
    (words.split([' ', '.', ':', '-']))
        .filter(|w| !w.is_empty())
        .find_map(|w| noise::value(w).or_else(|| ordinal(w)))
}

/// The value of an ordinal or a number in words, by its stem (in English, Latin, German,
/// French, Italian and Spanish), up to ten.
fn ordinal(word: &str) -> Option<u32> {
    const STEMS: &[(&str, u32)] = &[
        ("first", 1),
        ("one", 1),
        ("prim", 1),
        ("erst", 1),
        ("premi", 1),
        ("second", 2),
        ("two", 2),
        ("secund", 2),
        ("zweit", 2),
        ("deuxi", 2),
        ("segund", 2),
        ("third", 3),
        ("three", 3),
        ("terti", 3),
        ("dritt", 3),
        ("troisi", 3),
        ("terz", 3),
        ("tercer", 3),
        ("fourth", 4),
        ("four", 4),
        ("quart", 4),
        ("viert", 4),
        ("quatri", 4),
        ("cuart", 4),
        ("fifth", 5),
        ("five", 5),
        ("quint", 5),
        ("fünft", 5),
        ("cinqui", 5),
        ("sixth", 6),
        ("six", 6),
        ("sext", 6),
        ("sechst", 6),
        ("sest", 6),
        ("seventh", 7),
        ("seven", 7),
        ("septim", 7),
        ("sieb", 7),
        ("septi", 7),
        ("settim", 7),
        ("séptim", 7),
        ("eighth", 8),
        ("eight", 8),
        ("octav", 8),
        ("acht", 8),
        ("huiti", 8),
        ("ottav", 8),
        ("ninth", 9),
        ("nine", 9),
        ("neunt", 9),
        ("neuvi", 9),
        ("non", 9),
        ("noven", 9),
        ("tenth", 10),
        ("ten", 10),
        ("zehnt", 10),
        ("dixi", 10),
        ("decim", 10),
        ("décim", 10),
    ];
    let word = word.to_lowercase();
    (STEMS.iter())
        .find(|(stem, _)| word.starts_with(stem))
        .map(|&(_, n)| n)
}
