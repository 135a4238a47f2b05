//! Headings that name one division twice, in two languages: a bilingual libretto sets
//! "ERSTE SCENE." right over "SCENE I.", and both name the first scene.

use super::{noise, number, Head};
use crate::document::blocks::heading::word_value;

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
        .find_map(|w| noise::value(w).or_else(|| word_value(w)))
}

#[cfg(test)]
mod tests {
    use super::{value_of, word_value};

    #[test]
    fn numbers_in_words_and_figures_have_their_values() {
        for (words, n) in [
            ("ERSTE SCENE", 1),
            ("SCENE I", 1),
            ("Zweiter Aufzug", 2),
            ("ACT 2", 2),
            ("TROISIÈME PARTIE", 3),
            ("Parte quarta", 4),
            ("FÜNFTES KAPITEL", 5),
            ("Sixth Book", 6),
            ("CHAPTER X", 10),
        ] {
            assert_eq!(value_of(words), Some(n), "{words}");
        }
        assert_eq!(word_value("letzte"), None);
        assert_eq!(value_of("SCENE"), None);
    }
}
