use super::*;
use crate::document::Block;
use listed::merged;

#[test]
fn contents_is_known_in_other_languages_as_a_headings_only_word() {
    for t in [
        "CONTENTS.",
        "Table of Contents",
        "INHOUD.",
        "Inhaltsverzeichnis",
        "TABLE DES MATIÈRES",
        "Índice",
        "СОДЕРЖАНИЕ",
        "目次",
    ] {
        assert!(is_contents_heading(t), "{t}");
    }
    // Not the word alone: a title that holds it.
    for t in [
        "DER INHALT DES BRIEFES",
        "La table",
        "Indice of the Stars",
        "Index",
    ] {
        assert!(!is_contents_heading(t), "{t}");
    }
}

fn doc() -> Document {
    let text = "CHAPTER I\n\nThe Return\n\nShe came back.\n\nCHAPTER II\n\nHe left.".to_owned();
    let b = |kind, s: &str| {
        let start = text.find(s).unwrap();
        Block::new(kind, start..start + s.len())
    };
    let blocks = vec![
        b(BlockKind::Heading, "CHAPTER I"),
        b(BlockKind::Heading, "The Return"),
        b(BlockKind::Paragraph, "She came back."),
        b(BlockKind::Heading, "CHAPTER II"),
        b(BlockKind::Paragraph, "He left."),
    ];
    let len = text.len();
    Document::from_parts(text, blocks, 0..len)
}

#[test]
fn adjacent_headings_make_one_chapter() {
    let toc = chapters(&doc());
    let titles: Vec<_> = toc.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["CHAPTER I. The Return", "CHAPTER II"]);
    assert_eq!(toc[0].offset, 0);
}

#[test]
fn current_chapter_by_offset() {
    let d = doc();
    let toc = chapters(&d);
    assert_eq!(current(&toc, 0), Some(0));
    assert_eq!(current(&toc, d.text().find("He left").unwrap()), Some(1));
    let late = vec![Chapter {
        offset: 5,
        title: "x".into(),
        level: 1,
    }];
    assert_eq!(current(&late, 2), None);
}

#[test]
fn titles_found_are_merged_where_inserting_each_would_put_it() {
    let c = |offset: usize, title: &str| Chapter {
        offset,
        title: title.to_owned(),
        level: 1,
    };
    let list = vec![c(0, "a"), c(10, "b"), c(20, "c")];
    // Found at an entry's offset: after it; two found at one offset: in the order found.
    let added = vec![c(10, "x"), c(15, "y"), c(15, "y2"), c(30, "z")];
    let titles: Vec<String> = merged(list.clone(), added.into_iter())
        .into_iter()
        .map(|c| c.title)
        .collect();
    assert_eq!(titles, ["a", "b", "x", "y", "y2", "c", "z"]);
    assert_eq!(merged(list.clone(), std::iter::empty()), list);
}
