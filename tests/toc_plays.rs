//! The chapter list of plays and poems: cast lists, speakers, stage directions and
//! stanza numbers are read as what they are, never listed as chapters.

mod common;
use common::{heading_texts, titles};

/// A scene of verse with a speaker and a stage direction.
const SCENE: &str = "          Enter CHORUS.\n\n\
     CHORUS. Not riding now where once the border burned,\n\
     Nor feasting in the long hall of the north,\n\
     We come to tell a tale of water and of stone:\n\
     Of one who kept a ford and lost his name.\n\
          [Exit.]\n";

#[test]
fn a_name_set_apart_inside_a_cast_list_is_an_entry_not_a_chapter() {
    let text = format!(
        "THE PERSONS.\n\n\
         \x20    THE WARDEN OF THE MARCHES.\n\
         \x20    SIR OSWY, his brother.\n\
         \x20    HOB, a carter.\n\
         \x20    A Pedlar.\n\n\
         \x20    THE GREY LADY\n\n\
         \x20    A GHOST.\n\
         \x20    Echo.\n\n\
         \x20    CHORUS.\n\n\n\
         THE FORD\n\n{SCENE}"
    );
    assert_eq!(titles(&text), ["THE PERSONS.", "THE FORD"]);
}

#[test]
fn a_crowd_or_a_speaker_heard_once_among_the_speeches_is_no_heading() {
    let text = "THE SECOND ACT\n\n\
                HARDY.\n\nFriends! A word, if you'll allow me.\n\n\
                THE GUESTS.\n\nHear, hear!\n\n\
                HARDY.\n\nTo Nell, who kept the lamp lit.\n\n\
                SOME OF THE GUESTS.\n\nTo Nell!\n\n\
                OTHER GUESTS.            }\n\nThe lamp!               }\n\n\
                NELL.\n\nOh, stop it, all of you.\n\n\
                END OF THE SECOND ACT.\n";
    assert_eq!(
        heading_texts(text),
        ["THE SECOND ACT", "END OF THE SECOND ACT."]
    );
}

#[test]
fn a_poems_numbered_parts_are_listed_under_its_title() {
    let stanza = "The tide goes out across the sand,\nThe gulls go out to sea;\n\
                  And all the boats are on the land,\nAnd none come home to me.\n\n";
    // Each part is longer than a stanza: a sonnet's fourteen lines and more.
    let part = stanza.repeat(4);
    let text = format!(
        "THE HARBOUR WALL\n\n{stanza}A PORTRAIT\n\nI\n\n{part}II\n\n{part}THE LAMP\n\n{stanza}"
    );
    let levels: Vec<(String, u8)> = dogear::chapters(&dogear::Document::from_text(&text))
        .into_iter()
        .map(|c| (c.title, c.level))
        .collect();
    let want = [
        ("THE HARBOUR WALL", 1),
        ("A PORTRAIT", 1),
        ("I", 2),
        ("II", 2),
        ("THE LAMP", 1),
    ];
    assert_eq!(levels, want.map(|(t, l)| (t.to_string(), l)).to_vec());
}

#[test]
fn a_hymns_stanza_numbers_are_not_chapters() {
    let stanza = "Awake, my soul, the lark is high,\nThe dew is on the thorn;\n\
                  Put off the darkness of the night\nAnd greet the early morn.\n\n\
                  Chorus:\nSing, sing, the day is here,\nSing, for the night is done!\n\n";
    let text = format!("MORNING HYMN\n\n1.\n{stanza}2.\n{stanza}3.\n{stanza}");
    assert_eq!(titles(&text), ["MORNING HYMN"]);
}

#[test]
fn each_plays_title_is_listed_over_its_cast_and_acts() {
    // Two plays in one book, after its introduction: each play's title comes before its
    // cast list as a book's title comes before its preface.
    let speech = "HALDOR. The sheep are down from the fell, and the snow is close behind \
                  them; we shall have no road to the church before the thaw.\n\n\
                  ASA. Then we shall keep the feast here, as my mother did.\n\n";
    let act = speech.repeat(12);
    let play = |title: &str, cast: &str| {
        format!(
            "{title}\n\nA PLAY IN THREE ACTS\n\n1913\n\n\n\n{cast}\n\n\
             \x20 HALDOR, a farmer.\n  ASA, his wife.\n  A Shepherd.\n\n\n\n\
             ACT I\n\n{act}ACT II\n\n{act}ACT III\n\n{act}"
        )
    };
    let intro = "These two plays were written in a valley where the road closes every \
                 winter, and they keep its silences.\n\n"
        .repeat(6);
    let text = format!(
        "TWO PLAYS OF THE FELLS\n\n\n\nINTRODUCTION\n\n{intro}\n{}\n\n{}",
        play("THE FELL FARM", "DRAMATIS PERSONÆ"),
        play("THE WINTER ROAD", "PERSONS OF THE PLAY")
    );
    assert_eq!(
        titles(&text),
        [
            "TWO PLAYS OF THE FELLS",
            "INTRODUCTION",
            "THE FELL FARM — A PLAY IN THREE ACTS",
            "DRAMATIS PERSONÆ",
            "ACT I",
            "ACT II",
            "ACT III",
            "THE WINTER ROAD — A PLAY IN THREE ACTS",
            "PERSONS OF THE PLAY",
            "ACT I",
            "ACT II",
            "ACT III",
        ]
    );
}

#[test]
fn a_plays_scenes_named_ahead_in_one_block_are_no_chapter() {
    let speech = "TULLIA. The lamps are lit along the street, and the flute player is \
                  already at the door; my father is late again.\n\n"
        .repeat(10);
    let text = format!(
        "THE WEDDING\n\n\n\
         \x20 SCENE I:   The Betrothal\n  SCENE II:  The Wedding\n  SCENE III: The Procession\n\n\n\
         SCENE I. THE BETROTHAL\n\n{speech}\n\
         SCENE II. THE WEDDING\n\n{speech}\n\
         SCENE III. THE PROCESSION\n\n{speech}"
    );
    assert_eq!(
        titles(&text),
        [
            "THE WEDDING",
            "SCENE I. THE BETROTHAL",
            "SCENE II. THE WEDDING",
            "SCENE III. THE PROCESSION"
        ]
    );
    // Two kinds of division over each other are one heading.
    let text =
        format!("BOOK I\nCHAPTER I\n\n{speech}\nCHAPTER II\n\n{speech}\nCHAPTER III\n\n{speech}");
    assert_eq!(titles(&text)[0], "BOOK I CHAPTER I");
}
