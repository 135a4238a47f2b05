//! Regressions for text measured or cut the wrong way on screen: widths are counted by
//! grapheme cluster, as ratatui draws them, and text is cut only between clusters.

mod drawn;
use dogear::{
    build, str_width, Action, Document, Layout, LibraryModel, LibraryScreen, LineStyle, PromptKind,
    Reader, Recent,
};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::Terminal;
use std::path::PathBuf;
use unicode_segmentation::UnicodeSegmentation;

const FAMILY: &str = "👨\u{200D}👩\u{200D}👧";
const THAI: &str = "\u{E17}\u{E35}\u{E48}";
const FLAG: &str = "🇯🇵";

/// One row of a buffer as the symbols of its cells, a wide symbol's hidden cells empty.
fn row(buf: &Buffer, y: u16) -> Vec<String> {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect()
}

/// The search prompt subtracted the input's width from a count of its characters: a
/// long CJK query pushed the `/` off the left and lost characters typed.
#[test]
fn a_long_cjk_search_prompt_keeps_the_slash_and_shows_the_tail_typed() {
    let text = "漢字の物語。\n\nそれから長い話が続く。\n".repeat(20);
    let mut r = Reader::new(Document::from_text(&text), "物語", (40, 12), 72);
    r.update(Action::OpenPrompt(PromptKind::Search));
    // 30 characters, 60 columns: more than the 40-column status bar.
    let typed: String = "一二三四五六七八九十".repeat(3);
    for c in typed.chars() {
        r.update(Action::Input(c));
    }
    let screen = drawn::screen(&r);
    let status = screen.lines().nth(11).unwrap_or_default();
    assert!(status.starts_with("\" /"), "{status}");
    // The end of what was typed, up to the cursor block, with nothing dropped between.
    let shown: String = status
        .trim_start_matches("\" /")
        .chars()
        .take_while(|&c| c != '█')
        .filter(|&c| c != ' ')
        .collect();
    assert!(shown.chars().count() >= 17, "{status}");
    assert!(
        typed.ends_with(&shown),
        "{shown} is not the tail of {typed}"
    );
    assert!(status.contains('█'), "{status}");
}

fn recent(title: &str, percent: f64) -> Recent {
    Recent {
        title: title.to_string(),
        path: PathBuf::from(format!("/books/{}.txt", title.len())),
        fingerprint: format!("fp-{title}"),
        percent: Some(percent),
        last_read: Some(1_000),
        exists: true,
    }
}

/// Library rows measured a title by summing its characters' widths: a family emoji
/// (three emoji joined by ZWJs, drawn in two columns) counted six, and a long title could
/// be cut inside it.
#[test]
fn a_family_emoji_title_keeps_the_library_percent_column_aligned() {
    let titles = [
        format!("Our {FAMILY} holiday"),
        "Plain title".to_owned(),
        format!("{FLAG} and {THAI} with e\u{301}"),
        format!("A very long title that goes on {FAMILY} and on and on and on to be cut"),
    ];
    let entries = build(
        titles.iter().map(|t| recent(t, 42.0)).collect(),
        Vec::new(),
        &[],
    );
    let model = LibraryModel::new(entries);
    // Every width, so that the long title is cut just before, inside and after the family.
    for width in 30..=130 {
        let mut terminal = Terminal::new(TestBackend::new(width, 8)).unwrap();
        terminal
            .draw(|f| {
                f.render_widget(
                    LibraryScreen {
                        model: &model,
                        now: 2_000,
                        keys: &dogear::Keymap::standard().help(),
                    },
                    f.area(),
                )
            })
            .unwrap();
        let buf = terminal.backend().buffer();
        let columns: Vec<Option<usize>> = (1..5)
            .map(|y| row(buf, y).iter().position(|s| s == "%"))
            .collect();
        assert!(columns[0].is_some(), "{:?}", terminal.backend());
        assert!(
            columns.iter().all(|c| *c == columns[0]),
            "{columns:?} at {width}\n{:?}",
            terminal.backend()
        );
        // No cluster is left in pieces (a ZWJ or a lone regional indicator at a cut).
        for y in 1..5 {
            let cells = row(buf, y);
            assert!(
                !cells
                    .iter()
                    .any(|s| s.ends_with('\u{200D}') || s == "\u{1F1EF}"),
                "{cells:?}"
            );
        }
    }
}

/// Every line boundary of `text` laid out at `width` is a cluster boundary, and no line
/// is wider than `width` unless it is one cluster.
fn cut_on_clusters(text: &str, width: u16) {
    let doc = Document::from_text(text);
    let mut layout = Layout::new(width);
    let mut starts = Vec::new();
    for b in 0..doc.blocks().len() {
        for line in layout.block_lines(&doc, b).iter() {
            if line.style == LineStyle::Blank {
                continue;
            }
            let shown = &doc.text()[line.range.clone()];
            assert!(
                str_width(shown) <= usize::from(width) || shown.graphemes(true).count() == 1,
                "{shown:?} at {width}"
            );
            starts.extend([line.range.start, line.range.end]);
        }
        starts.extend([doc.blocks()[b].start(), doc.blocks()[b].end()]);
    }
    let bounds: Vec<usize> = doc
        .text()
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([doc.text().len()])
        .collect();
    for at in starts {
        assert!(
            bounds.binary_search(&at).is_ok(),
            "cut inside a cluster at {at}"
        );
    }
}

/// A long unbroken run of Thai or of flags is cut, by the document (into blocks) and by
/// the layout (into lines), only between clusters: never a syllable from its vowel and
/// tone mark, never a flag between its two letters.
#[test]
fn a_long_unbroken_thai_run_or_run_of_flags_is_cut_on_cluster_boundaries() {
    let thai = THAI.repeat(6_000);
    let flags = format!("a{}", FLAG.repeat(6_000));
    let families = format!("ab{}", FAMILY.repeat(2_000));
    for text in [thai, flags, families] {
        for width in [1, 3, 7, 40] {
            cut_on_clusters(&text, width);
        }
    }
}

proptest! {
    /// Our width of a string is where ratatui's buffer puts what follows it.
    #[test]
    fn str_width_is_where_ratatui_draws_the_next_thing(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "a", " ", "漢", "e\u{301}", FAMILY, FLAG, "\u{1F1EB}", THAI, "กำ",
            "❤\u{FE0F}", "👍🏽", "ﾊﾟ", "\u{200D}", "\u{300}", "…", "\u{0915}\u{094D}\u{0937}\u{093F}",
        ]), 0..10)
    ) {
        let s = pieces.concat();
        let mut buf = Buffer::empty(Rect::new(0, 0, 200, 1));
        let (x, _) = buf.set_stringn(0, 0, &s, 200, Style::new());
        prop_assert_eq!(usize::from(x), str_width(&s), "{:?}", s);
    }
}
