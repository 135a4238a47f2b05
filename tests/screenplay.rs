//! A screenplay set as plain text: scene headings (`INT. LIGHTHOUSE - NIGHT`) are its
//! chapters; a speaker's cue, with or without its extension (`TOBIEL (O.S.)`), stays over
//! the speech it leads, however short; transitions (`CUT TO:`) are directions, not titles.

mod common;
use common::{heading_texts, printed, titles};

/// Three scenes of our own, in the usual screenplay columns, LF or CRLF: each speaker's
/// cue comes with another extension, and each scene ends on another transition, so that
/// neither repeats word for word.
fn script(nl: &str) -> String {
    let scene = |place: &str, cue: &str, line: &str, transition: &str| {
        format!(
            "{place}\n\n\
             The lamp turns slowly. AMMIEL, a keeper with a lame leg, climbs the\n\
             iron stairs with a can of oil.\n\n\
             \x20                        AMMIEL\n\
             \x20              The oil is low again. Third time this\n\
             \x20              week, and the supply boat is late.\n\n\
             \x20                        {cue}\n\
             \x20              {line}\n\n\
             \x20                        TOBIEL\n\
             \x20              Did she see us?\n\n\
             \x20                                                  {transition}\n\n"
        )
    };
    [
        scene(
            "INT. LIGHTHOUSE - NIGHT",
            "TOBIEL (O.S.)",
            "Then we trim the wick and hope.",
            "CUT TO:",
        ),
        scene(
            "EXT. THE ROCKS - CONTINUOUS",
            "TOBIEL (V.O.)",
            "She is too close.",
            "DISSOLVE TO:",
        ),
        scene(
            "INT. LAMP ROOM - LATER",
            "TOBIEL (CONT'D)",
            "Then ring the bell.",
            "FADE OUT.",
        ),
    ]
    .concat()
    .replace('\n', nl)
}

#[test]
fn scene_headings_are_the_chapters_and_transitions_are_not() {
    for nl in ["\n", "\r\n"] {
        assert_eq!(
            titles(&script(nl)),
            [
                "INT. LIGHTHOUSE - NIGHT",
                "EXT. THE ROCKS - CONTINUOUS",
                "INT. LAMP ROOM - LATER"
            ]
        );
    }
}

#[test]
fn a_cue_with_its_extension_stays_over_a_one_line_speech() {
    let text = script("\n");
    let headings = heading_texts(&text);
    assert!(
        headings.iter().all(|h| !h.contains("TOBIEL")),
        "{headings:#?}"
    );
    let lines = printed(&text, 70);
    let at = lines
        .iter()
        .position(|l| l.trim() == "TOBIEL (O.S.)")
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert_eq!(lines[at + 1].trim(), "Then we trim the wick and hope.");
}
