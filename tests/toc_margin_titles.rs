//! The chapter list of a collection of poems whose titles stand at the margin, set apart
//! by blank lines before them, over their indented stanzas; and the prose that is set
//! the same way only once.

mod common;
use common::titles;

/// A collection: its title, a contents list indented under no heading, a preface in
/// prose, then each poem's title at the margin after four blank lines and one blank
/// line before its indented stanzas.
fn collection(poems: &[&str]) -> String {
    let mut s = "SONGS OF THE RIVER VALLEY\n\n\nby A. N. Other\n\n\n\n".to_owned();
    for p in poems {
        s.push_str("     ");
        s.push_str(p);
        s.push('\n');
    }
    s.push_str("\n\n\n\nPreface\n\n");
    s.push_str(
        "These songs were gathered over many years from the people of the valley,\n\
         who sang them at the mill, at the forge and at the fair, and who were\n\
         kind enough to sing them again, slowly, for someone writing them down.\n",
    );
    for p in poems {
        s.push_str("\n\n\n\n");
        s.push_str(p);
        s.push_str(
            "\n\n     The wind came down the valley road,\n     \
             And shook the rowan tree;\n     \
             It rattled at the miller's door\n     \
             And would not let him be.\n\n     \
             So up he rose and out he went,\n     \
             To see what it would say;\n     \
             It only sang the song it sang\n     \
             And blew the night away.\n",
        );
    }
    s
}

#[test]
fn poem_titles_at_the_margin_are_the_chapters_of_a_collection() {
    let text = collection(&[
        "Miller's Daughter, The",
        "Song--The Rowan Tree^1",
        "Song",
        "Winter: A Lament",
        "Ballad of the Ford",
    ]);
    let got = titles(&text);
    assert_eq!(
        got[got.len() - 5..],
        [
            "Miller's Daughter, The",
            "Song--The Rowan Tree",
            "Song",
            "Winter: A Lament",
            "Ballad of the Ford",
        ]
    );
    assert!(got.iter().any(|t| t == "Preface"), "{got:?}");
}

#[test]
fn prose_over_one_quoted_poem_is_no_chapter() {
    let text = "CHAPTER I\n\n\
        The carrier had a song for every mile of the road, and he sang this one\n\
        when the bridge came in sight, loud enough to wake the dogs.\n\n\n\n\
        He sang it twice\n\n     \
        The wind came down the valley road,\n     \
        And shook the rowan tree;\n\n\
        Then he was quiet again, and the horses went on without a word from\n\
        him until they reached the yard and the lamp over its gate.\n\n\
        CHAPTER II\n\n\
        Morning came grey and late, and nobody in the house was glad of it.\n";
    assert_eq!(titles(text), ["CHAPTER I", "CHAPTER II"]);
}

#[test]
fn poems_titled_at_the_margin_are_listed_under_their_book() {
    let mut text = "SONGS OF THE RIVER VALLEY\n".to_owned();
    for (book, poems) in [
        ("BOOK I. MILL SONGS", ["The Wheel", "The Race"]),
        ("BOOK II. ROAD SONGS", ["The Ford", "The Bridge"]),
        ("BOOK III. LAST SONGS", ["The Lamp", "The Gate"]),
    ] {
        text.push_str("\n\n\n\n");
        text.push_str(book);
        text.push('\n');
        for p in poems {
            text.push_str("\n\n\n\n");
            text.push_str(p);
            text.push_str(
                "\n\n     The wind came down the valley road,\n     \
                 And shook the rowan tree;\n",
            );
        }
    }
    let listed: Vec<(String, u8)> = dogear::chapters(&dogear::Document::from_text(&text))
        .into_iter()
        .map(|c| (c.title, c.level))
        .collect();
    let want = [
        ("SONGS OF THE RIVER VALLEY", 1),
        ("BOOK I. MILL SONGS", 1),
        ("The Wheel", 2),
        ("The Race", 2),
        ("BOOK II. ROAD SONGS", 1),
        ("The Ford", 2),
        ("The Bridge", 2),
        ("BOOK III. LAST SONGS", 1),
        ("The Lamp", 2),
        ("The Gate", 2),
    ];
    let want: Vec<(String, u8)> = want.iter().map(|&(t, l)| (t.to_owned(), l)).collect();
    assert_eq!(listed, want);
}
