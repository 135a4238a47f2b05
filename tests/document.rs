//! The document layer on small fixtures with the traps of real files.

use dogear::{BlockKind, Document, LoadError};
use proptest::prelude::*;
use BlockKind::*;

fn kinds(text: &str) -> Vec<(BlockKind, String)> {
    let doc = Document::from_text(text);
    doc.blocks()
        .iter()
        .map(|b| (b.kind, doc.text()[b.range()].to_string()))
        .collect()
}

fn only_kinds(text: &str) -> Vec<BlockKind> {
    kinds(text).into_iter().map(|(k, _)| k).collect()
}

/// A paragraph hard-wrapped near 70 columns, in the style of a Gutenberg novel.
const WRAPPED: &str = "The lamp had burned low by the time the carrier reached the bridge,\n\
and the river below it ran loud with the rain of three whole days. He\n\
stopped to listen, then went on, because there was nothing else to do\n\
and nobody at all to tell him otherwise on such a night as this one.\n";

fn novel(middle: &str) -> String {
    let mut s = String::new();
    for _ in 0..6 {
        s.push_str(WRAPPED);
        s.push('\n');
    }
    s.push_str(middle);
    s.push('\n');
    s.push_str(WRAPPED);
    s
}

#[test]
fn crlf_hard_wrapped_prose_is_one_paragraph() {
    let text = novel("").replace('\n', "\r\n");
    let doc = Document::from_bytes(text.as_bytes(), None).unwrap();
    assert!(!doc.text().contains('\r'));
    assert!(doc.blocks().iter().all(|b| b.kind == Paragraph));
    assert_eq!(doc.blocks().len(), 7);
}

#[test]
fn one_line_paragraphs_with_blank_lines() {
    let line = "She said it would rain, and of course it did, all afternoon and into the evening. "
        .repeat(4);
    let text = format!("{line}\n\n\"No,\" he said.   \n\n{line}\n");
    assert_eq!(only_kinds(&text), [Paragraph, Paragraph, Paragraph]);
}

#[test]
fn typewriter_indented_paragraphs_without_blank_lines() {
    let text = concat!(
        "    The first paragraph begins here with an indent and runs on to\n",
        "the full width of the page before it finally comes to a stop.\n",
        "    A second paragraph starts on this indented line and it also runs\n",
        "across the page for a while until it ends here.\n",
        "    Third.\n",
    );
    let blocks = kinds(text);
    assert_eq!(blocks.len(), 3, "{blocks:?}");
    assert!(blocks.iter().all(|(k, _)| *k == Paragraph));
    assert!(blocks[1].1.starts_with("    A second"));
}

#[test]
fn japanese_paragraphs_each_on_one_line_with_ideographic_indent() {
    let text = "\u{3000}吾輩はここで静かに考えた。\n\u{3000}それから外へ出て、庭を歩いた。\n「どこへ行くの」\n";
    assert_eq!(only_kinds(text), [Paragraph, Paragraph, Paragraph]);
}

#[test]
fn japanese_dialogue_lines_in_one_line_paragraphs_are_paragraphs_not_verse() {
    // Aozora Bunko layout: narration paragraphs on one line with an ideographic indent,
    // dialogue lines with none, several in a row, not all ending with a full stop.
    let text = "\u{3000}雨が朝から降り続いていたので、私たちは駅の待合室で長いあいだ列車を待っていた。\r\n\
「まだ来ないのかしら」\r\n\
「もう少しだよ」と兄が時計を見ながら答えた。\r\n\
『遅れます』\r\n\
「そうか」\r\n\
\u{3000}窓の外では、傘を持たない子供たちが水たまりを跳び越えて笑っていた。\r\n\
「ほら、あれだ」\r\n\
「やっと来た」\r\n\
\u{3000}私たちは荷物を持って立ち上がり、冷たいホームへ出ていった。\r\n";
    let got = kinds(text);
    assert_eq!(got.len(), 9, "{got:?}");
    assert!(got.iter().all(|(k, _)| *k == Paragraph), "{got:?}");
    assert_eq!(got[1].1, "「まだ来ないのかしら」");
    assert_eq!(got[4].1, "「そうか」");
}

#[test]
fn verse_with_hanging_indent_stays_verse() {
    let poem = "  I walk along the shore where the gulls are calling and the water\n      keeps its own slow count,\n  I hear the boats, the bells, the workers going home at evening,\n  And every one of them singing what is theirs,\n";
    let text = novel(poem);
    let found = kinds(&text);
    let verse: Vec<_> = found.iter().filter(|(k, _)| *k == Verse).collect();
    assert_eq!(verse.len(), 1, "{found:?}");
    assert!(verse[0].1.contains("keeps its own slow count"));
}

#[test]
fn short_lined_poem_in_a_novel_is_verse() {
    let poem = "Over the hill and under the tree\nThe little brown wren sang on to me\nOf summer gone and winter near\nAnd all the things I hold most dear\n";
    let found = kinds(&novel(poem));
    assert!(found
        .iter()
        .any(|(k, t)| *k == Verse && t.starts_with("Over the hill")));
}

#[test]
fn letter_address_block_is_verse() {
    let address = "14 Gable Row,\nLower Marsh,\nNorthfield.\n";
    let found = kinds(&novel(address));
    assert!(found
        .iter()
        .any(|(k, t)| *k == Verse && t.starts_with("14 Gable")));
}

#[test]
fn a_table_is_verse() {
    let table = "Name        Age    Town\nAlice        31    Leeds\nBartholomew  47    York\n";
    let found = kinds(&novel(table));
    assert!(found
        .iter()
        .any(|(k, t)| *k == Verse && t.starts_with("Name")));
}

#[test]
fn scene_break_variants() {
    for mark in [
        "* * *",
        "***",
        "---",
        "#",
        "~~~",
        "&&&",
        "*       *       *",
        "        * * * * *",
    ] {
        let text = format!("{WRAPPED}\n{mark}\n\n{WRAPPED}");
        assert_eq!(
            only_kinds(&text),
            [Paragraph, SceneBreak, Paragraph],
            "{mark}"
        );
    }
}

#[test]
fn headings_of_each_shape() {
    for heading in [
        "CHAPTER IV",
        "Chapter 12: The Return",
        "BOOK II",
        "PART ONE",
        "Prologue",
        "Epilogue",
        "IV.",
        "XII",
        "THE HOUSE ON THE HILL",
        "                         The Long Road",
    ] {
        let text = novel(&format!("{heading}\n"));
        let found = kinds(&text);
        assert!(
            found
                .iter()
                .any(|(k, t)| *k == Heading && t.trim() == heading.trim()),
            "{heading}: {found:?}"
        );
    }
}

#[test]
fn heading_at_a_typewriter_paragraph_boundary() {
    let text = concat!(
        "    The night was over at last and nobody had slept much at all,\n",
        "but the morning came anyway.\n",
        "CHAPTER II\n",
        "    In the morning the road was dry and the horses were rested well\n",
        "enough to start.\n",
    );
    let found = kinds(text);
    assert!(
        found
            .iter()
            .any(|(k, t)| *k == Heading && t == "CHAPTER II"),
        "{found:?}"
    );
}

#[test]
fn repeated_speaker_names_are_not_headings() {
    let mut text = String::new();
    for _ in 0..4 {
        text.push_str(
            "HOBBS.\n\nI will not go, and that is the end of it.\n\nMRS. GREEN.\n\nThen stay.\n\n",
        );
    }
    assert!(!only_kinds(&text).contains(&Heading));
}

#[test]
fn gutenberg_header_and_footer_are_outside_the_body() {
    let text = format!(
        "The Project Gutenberg EBook of A Test\r\n\r\n*** START OF THIS PROJECT GUTENBERG EBOOK A TEST ***\r\n\r\n{}\r\nEnd of the Project Gutenberg EBook of A Test\r\n\r\n*** END OF THIS PROJECT GUTENBERG EBOOK A TEST ***\r\nLicence words.\r\n",
        WRAPPED
    );
    let doc = Document::from_text(&text);
    let body = &doc.text()[doc.body()];
    assert!(body.trim().starts_with("The lamp"));
    assert!(body.trim().ends_with("this one."));
    assert_eq!(doc.blocks().len(), 1);
}

#[test]
fn old_small_print_header() {
    let text = format!(
        "**The Project Gutenberg Etext of A Test**\n\nsmall print words\n\n*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n{WRAPPED}\nEnd of Project Gutenberg's A Test\n"
    );
    let doc = Document::from_text(&text);
    assert!(doc.text()[doc.body()].trim().starts_with("The lamp"));
    assert!(!doc.text()[doc.body()].contains("End of Project"));
}

/// One line of 1 MB, read as a whole document and with the two-thread and speculating
/// thresholds (4 and 8 MB for real) scaled down below it, as a 10 MB line once had to be
/// to take those paths.
#[test]
fn a_single_line_past_every_threshold_is_split_into_bounded_blocks() {
    use dogear::Block;
    use dogear::{blocks::detect_with_thresholds, blocks::MAX_BLOCK};
    let line = "endless words without a single break ".repeat((1 << 20) / 37);
    let check = |blocks: &[Block]| {
        assert!(blocks.len() > line.len() / MAX_BLOCK);
        for pair in blocks.windows(2) {
            assert!(pair[0].range().len() <= MAX_BLOCK);
            assert_eq!(pair[0].kind, pair[1].kind);
            assert!(!line[pair[0].end()..pair[1].start()].contains('\n'));
        }
    };
    let doc = Document::from_text(&line);
    check(doc.blocks());
    assert!(line.len() > SPECULATE_FROM.max(PARALLEL_FROM));
    let body = 0..line.len();
    let fast = detect_with_thresholds(&line, body, SPECULATE_FROM, SAMPLE, PARALLEL_FROM);
    check(&fast);
    assert_eq!(fast, doc.blocks());
}

#[test]
fn hard_wrapped_cjk_and_emoji_zwj() {
    let text = "火星は太陽系の四番目の惑星であり、地球の外側を回っている。その表面は赤く\n見えることから、昔から多くの人々の関心を集めてきたと言われている。\n\n👨\u{200d}👩\u{200d}👧 family\n";
    let doc = Document::from_text(text);
    assert_eq!(doc.blocks().len(), 2);
    assert!(doc.text()[doc.blocks()[1].range()].starts_with("👨\u{200d}👩"));
}

#[test]
fn tabs_overstrikes_ansi_and_form_feed() {
    let doc =
        Document::from_text("\tIndented\n_\x08u_\x08n\x08nder \x1b[31mred\x1b[0m\x0cnext page\n");
    // A form feed after text on its line ends the line (a page turned mid-paragraph),
    // with no blank line to split the paragraph.
    assert_eq!(doc.text(), "        Indented\nunder red\nnext page\n");
}

#[test]
fn latin1_bytes_are_decoded() {
    let bytes = b"The caf\xe9 was na\xefve and the r\xf4le was clich\xe9.\r\n";
    let doc = Document::from_bytes(bytes, None).unwrap();
    assert_eq!(doc.encoding(), "windows-1252");
    assert_eq!(doc.text(), "The café was naïve and the rôle was cliché.\n");
}

#[test]
fn utf16_with_boms() {
    let text = "火星 and words\r\n";
    let mut le = vec![0xff, 0xfe];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xfe, 0xff];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
        let doc = Document::from_bytes(&bytes, None).unwrap();
        assert_eq!(doc.encoding(), name);
        assert_eq!(doc.text(), "火星 and words\n");
    }
}

#[test]
fn utf8_bom_is_dropped() {
    let doc = Document::from_bytes(b"\xef\xbb\xbfHello\n", None).unwrap();
    assert_eq!((doc.text(), doc.encoding()), ("Hello\n", "UTF-8"));
}

#[test]
fn shift_jis_is_detected() {
    let original = "\u{3000}吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。\r\n\u{3000}何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。\r\n";
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(original);
    let doc = Document::from_bytes(&bytes, None).unwrap();
    assert_eq!(doc.encoding(), "Shift_JIS");
    assert_eq!(doc.blocks().len(), 2);
    assert!(doc.text().starts_with("\u{3000}吾輩は猫"));
}

#[test]
fn iso_2022_jp_is_not_ascii() {
    let (bytes, _, _) = encoding_rs::ISO_2022_JP.encode("猫の話です。\n");
    assert!(bytes.is_ascii());
    let doc = Document::from_bytes(&bytes, None).unwrap();
    assert_eq!(doc.encoding(), "ISO-2022-JP");
    assert_eq!(doc.text(), "猫の話です。\n");
}

#[test]
fn forced_encoding_overrides_detection() {
    let doc = Document::from_bytes(
        "café".as_bytes(),
        Some(dogear::Charset::Web(encoding_rs::WINDOWS_1252)),
    )
    .unwrap();
    assert_eq!(doc.text(), "cafÃ©");
}

#[test]
fn binary_and_empty_files() {
    let err = Document::from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None).unwrap_err();
    assert_eq!(err, LoadError::Binary);
    assert_eq!(err.to_string(), "not a text file (looks binary)");
    let empty = Document::from_bytes(b"", None).unwrap();
    assert!(empty.blocks().is_empty() && empty.text().is_empty());
}

#[test]
fn leading_space_after_a_closing_quote_does_not_make_verse() {
    // Some Gutenberg texts put a space at the start of a line after a quote mark.
    let text = novel("\"If only the weather holds until the market day, my dear,\"\n said the miller to his wife, \"we shall sell every sack we\nhave, and the mill will pay for itself at last.\"\n");
    assert!(!only_kinds(&text).contains(&Verse));
}

#[test]
fn three_capitalised_lines_of_prose_are_not_verse() {
    let text = novel("\"Excuse me, but I know the whole story. You are tracing the\nLetters which went from Mrs. Hale, of Brook Street, to a man\nNamed Carver, and from him to the club.\"\n");
    assert!(!only_kinds(&text).contains(&Verse));
}

/// A long generated story: `cut` decides what sits at the middle, where the two-thread
/// detection cuts the body.
fn long_story(bytes: usize, middle: &str) -> String {
    let chapter = format!(
        "CHAPTER IX\n\n{}",
        novel("A short line\nOf verse here\nAnd more\n")
    );
    let mut s = chapter.repeat(bytes / 2 / chapter.len() + 1);
    s.push_str(middle);
    s.push_str(&"HAMLET\n\nWords, words, words.\n\n".repeat(3));
    s.push_str(&chapter.repeat(bytes / 2 / chapter.len() + 1));
    s
}

/// The thresholds the two-thread and speculating paths start from, scaled down so that
/// a story of a few hundred kilobytes takes them (the real ones are 4 and 8 MB): both
/// from 256 KB, with 64 samples of 4 KB (of 64 KB for real) to guess the statistics.
const SPECULATE_FROM: usize = 256 << 10;
const PARALLEL_FROM: usize = 256 << 10;
const SAMPLE: (usize, usize) = (64, 4 << 10);

#[test]
fn two_threads_find_the_same_blocks_as_one() {
    use dogear::blocks::detect_with_thresholds as with;
    let detect = |text: &str, body| with(text, body, SPECULATE_FROM, SAMPLE, PARALLEL_FROM);
    let sequential = |text: &str, body| with(text, body, SPECULATE_FROM, SAMPLE, usize::MAX);
    let typewriter = "    The first paragraph begins here with an indent and runs on to\n\
                      the full width of the page before it finally comes to a stop.\n";
    for (bytes, middle) in [
        (10_000, String::new()),
        (
            600 << 10,
            "Verse\nwith\n\na blank line\ninside it\n".repeat(3),
        ),
        // No empty line within a megabyte (how far the cut is looked for) of the middle.
        (600 << 10, format!("{}\n", typewriter.repeat(20_000))),
    ] {
        let text = long_story(bytes, &middle);
        assert!(bytes < SPECULATE_FROM || text.len() >= SPECULATE_FROM);
        let body = 0..text.len();
        assert_eq!(detect(&text, body.clone()), sequential(&text, body));
    }
    // No blank line anywhere: nowhere to cut, one thread.
    let text = typewriter.repeat((600 << 10) / typewriter.len());
    let body = 0..text.len();
    assert_eq!(detect(&text, body.clone()), sequential(&text, body));
}

/// [`detect`](dogear::blocks::detect) at its real thresholds is the same
/// function: a short text and the one-pass reference agree through it too.
#[test]
fn detect_is_detect_with_the_real_thresholds() {
    use dogear::{blocks::detect, blocks::detect_sequential};
    let text = long_story(10_000, "Verse\nwith\n\na blank line\ninside it\n");
    let body = 0..text.len();
    assert_eq!(detect(&text, body.clone()), detect_sequential(&text, body));
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic_and_blocks_are_well_formed(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(doc) = Document::from_bytes(&bytes, None) {
            check(&doc);
        }
    }

    #[test]
    fn structured_text_is_fully_covered(lines in proptest::collection::vec("[ \t\u{3000}]{0,3}[A-Za-z*#\\-猫 .\"]{0,90}\r?", 0..60)) {
        let doc = Document::from_text(&lines.join("\n"));
        check(&doc);
    }
}

fn check(doc: &Document) {
    let text = doc.text();
    let body = doc.body();
    let mut covered = body.start;
    for b in doc.blocks() {
        assert!(b.start() >= covered && b.start() < b.end() && b.end() <= body.end);
        assert!(text.is_char_boundary(b.start()) && text.is_char_boundary(b.end()));
        assert!(
            text[covered..b.start()].trim().is_empty(),
            "uncovered text {:?}",
            &text[covered..b.start()]
        );
        covered = b.end();
    }
    assert!(text[covered..body.end].trim().is_empty());
}

/// The marks `breaks::labelled` gives each non-blank line of `text`, in order.
fn marks(text: &str) -> String {
    let doc = Document::from_text(text);
    dogear::breaks::labelled(&doc)
        .lines()
        .filter_map(|l| l.chars().next())
        .collect()
}

#[test]
fn quotations_wrapped_wider_than_the_column_are_prose_with_their_attribution_apart() {
    let text = "The harbourmaster said a tide table is a promise the moon never signed, and\n\
                that every skipper who trusts it too far learns to row in the dark.\n\
                \t\t-- overheard at the quay\n\
                %\n\
                Anyone can row a boat.  The skill is in knowing when to leave it tied up and\n\
                go home to supper instead.\n\
                \t\t-- Old Mother Quill\n\
                %\n";
    assert_eq!(marks(text), ">~>>>~>>");
}

#[test]
fn numbered_verses_without_blank_lines_are_one_paragraph_each() {
    let text = "2:3  And the lamps were carried up into the hill country, and the people\n\
                followed them by night, singing.\n\
                2:4  And so they went up, every one, and none of them looked back at the\n\
                valley where the river was.\n\
                2:5  And it was evening.\n";
    assert_eq!(marks(text), ">~>~>");
}

#[test]
fn one_overlong_line_in_the_middle_of_a_sentence_does_not_split_the_paragraph() {
    let line = "The mill stood at the bottom of the lane where the stream ran fast\n";
    let long = "and loud over the stones, and nobody in the village could remember a time when it had not stood there\n";
    let mut text = String::new();
    for _ in 0..3 {
        text.push_str(&format!("{line}{long}{line}and the miller said so.\n\n"));
    }
    assert_eq!(marks(&text), ">~~~>~~~>~~~");
}

#[test]
fn a_speech_whose_later_lines_are_indented_deeper_is_one_paragraph() {
    let text = "MRS. HALE. I never said that I would go, and I never will, not if the\n\
                \x20   whole town comes to ask me on its knees, and you may tell them so\n\
                \x20   from me, Mr. Penrose, with my compliments.\n";
    assert_eq!(marks(text), ">~~");
}

#[test]
fn long_lined_stanzas_with_alternating_indents_stay_verse() {
    let stanza = "   She went down to the water with a basket on her arm and a song,\n\
                  \x20    And never once looked back at the house upon the hill;\n\
                  \x20  The miller called from the doorway that the day would not be long,\n\
                  \x20    But she walked on by the river, and she may be walking still.\n\n";
    assert_eq!(marks(&stanza.repeat(3)), ">|||>|||>|||");
}

#[test]
fn a_couplet_of_long_lines_between_paragraphs_is_verse() {
    let couplet = "Upon the hill the shepherd stands and counts his sheep,\n\
                   And every one he counts is one the wolf will never keep.\n";
    let labels = marks(&novel(couplet));
    assert!(labels.contains(">|"), "{labels}");
}

#[test]
fn a_sonnets_indented_closing_couplet_stays_in_the_poem() {
    let text = "When all the boats are in and all the nets are dry,\n\
                And gulls have settled on the harbour wall to sleep,\n\
                I count the lamps along the shore against the sky.\n\
                \x20 So long as one still burns, the town is mine to keep,\n\
                \x20 And I will sing it home, though no one hears me sing.\n";
    assert_eq!(marks(text), ">||||");
}

#[test]
fn an_indented_refrain_after_a_finished_line_is_not_a_new_paragraph() {
    let text = "O who will row the ferry when the ferryman is gone?\n\
                And who will light the lantern when the night comes on?\n\
                \x20   Not I, said the farmer's son.\n\
                \x20   Not I, said the miller's one.\n";
    assert_eq!(marks(text), ">|||");
}

#[test]
fn a_verse_speech_with_the_speaker_before_a_tab_stop_stays_verse() {
    let text = "FIRST LORD\tThen let us go before the light is gone,\n\
                \tAnd see the gate made fast against the night.\n\
                SECOND LORD\tOld, and yet first to mount. I'll follow you\n\
                \tAs far as the ford, and no step further on.\n";
    assert_eq!(marks(text), ">|>|");
}

#[test]
fn a_box_drawn_table_keeps_its_lines() {
    let text = "┌──────┬──────────┐\n│ tide │ hour     │\n├──────┼──────────┤\n│ high │ six      │\n└──────┴──────────┘\n";
    assert_eq!(marks(text), ">||||");
}

#[test]
fn a_title_page_centred_line_by_line_is_kept() {
    let text = "                    THE FERRY AT DUSK\n\
                \x20                 a tale in three tides\n\
                \x20                          by\n\
                \x20                      A. N. Other\n";
    assert_eq!(marks(text), ">|||");
}

#[test]
fn a_stanza_with_a_refrain_and_far_in_continuations_stays_verse() {
    // Three levels: the stanza at 3, a refrain at 7, and long lines carried on far in,
    // in lower case, after a comma. The long lines look soft to the fit test; the
    // capitals after unfinished lines and the returns from the deep lines say verse.
    let text = "   Rowin' down the river with the barrels an' the rope,\n\
                \x20  I sees my Sally waitin' where the willows meet the slope,\n\
                \x20  With a basket on 'er elbow an' a bonnet on 'er 'ead,\n\
                \x20  An' the tide a-runnin' out\n\
                \x20             as fast as anything that's fled!\n\
                \x20      For it's row, boys, row, an' the river takes us down,\n\
                \x20      So we'll pull a little 'arder,\n\
                \x20                an' we'll all be back in town!\n";
    assert_eq!(marks(text), ">|||~||~");
}

#[test]
fn a_page_number_wrapped_to_the_next_line_is_not_a_numbered_verse() {
    // "pp. 11-" then "44." and "A.D." then "616. Hence": the line above had no room for
    // the number, so the break is the wrapping tool's, not a new numbered item.
    let text = "The scholar gives the date as later than the others, and cites pp. 11-\n\
                44. His reasons are set out at length in the second volume, and they\n\
                were much disputed when they first appeared in print, about A.D.\n\
                616. Hence the long quarrel that followed, which nobody has settled.\n";
    assert_eq!(marks(text), ">~~~");
}

#[test]
fn a_bare_number_between_one_line_paragraphs_is_a_heading() {
    let text = "\u{3000}雨がやっと上がった。\n「よかったね」\n二\n\u{3000}九月になった。\n";
    assert_eq!(marks(text), ">>#>");
}

#[test]
fn a_ballad_in_sentence_case_is_verse_not_prose() {
    // Only each stanza's first line has a capital, the lines run on mid-sentence, and
    // their even lengths crowd under one width, which is no wrap column: nobody filled
    // the lines to it (the next word would often have fitted).
    let stanza = "The lamps were lit along the quay\n\
                  and the tide was on the turn,\n\
                  when the baker's boy came down the steps\n\
                  with a loaf he meant to burn.\n\n\
                  He sat upon the coping stone\n\
                  and watched the water rise,\n\
                  and nobody could tell him then\n\
                  the colour of her eyes.\n\n";
    let labels = marks(&stanza.repeat(6));
    assert_eq!(labels, ">|||>|||".repeat(6));
}
