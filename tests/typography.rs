//! Typography: justified lines, dictionary hyphenation, indented paragraphs; on screen
//! and in `--print`.

mod drawn;
use dogear::{
    str_width, Action, BlockKind, Document, Language, Layout, LineEnd, LineStyle, PromptKind,
    Reader, ScreenLine, Setting, Typography, MAX_GAP,
};
use drawn::screen;
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::Terminal;

const HARBOUR: &str = include_str!("fixtures/harbour.txt");

const ALL: Typography = Typography {
    justify: true,
    hyphenate: true,
    indent: false,
    language: Language::Auto,
    optimal: false,
};

fn reader(text: &str, width: u16, height: u16, typography: Typography) -> Reader {
    let mut r = Reader::new(
        Document::from_text(text),
        "The Harbour Clock",
        (width, height),
        72,
    );
    r.set_typography(typography);
    r
}

fn draw(r: &Reader) -> Buffer {
    let (w, h) = r.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(r, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// The text of the cells drawn with `m`, row by row, runs joined by `|`.
fn with_modifier(buf: &Buffer, m: Modifier) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height.saturating_sub(1) {
        let mut run = String::new();
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if cell.modifier.contains(m) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                out.push_str(&run);
                out.push('|');
                run.clear();
            }
        }
        if !run.is_empty() {
            out.push_str(&run);
            out.push('|');
        }
    }
    out
}

fn all_lines(layout: &mut Layout, doc: &Document) -> Vec<(usize, ScreenLine)> {
    (0..doc.blocks().len())
        .flat_map(|b| {
            layout
                .block_lines(doc, b)
                .iter()
                .cloned()
                .map(move |l| (b, l))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_justified_page_80x24() {
    let r = reader(HARBOUR, 80, 24, ALL);
    insta::assert_snapshot!(screen(&r));
}

#[test]
fn an_indented_page_80x24() {
    let t = Typography {
        indent: true,
        ..Typography::default()
    };
    let r = reader(HARBOUR, 80, 24, t);
    insta::assert_snapshot!(screen(&r));
}

#[test]
fn justified_lines_fill_the_column_but_a_paragraphs_last() {
    let r = reader(HARBOUR, 80, 24, ALL);
    let buf = draw(&r);
    let column = r.column();
    let rows = rows(&buf);
    // The first chapter's first paragraph: full lines, then a ragged last one.
    let start = rows
        .iter()
        .position(|l| l.contains("The clock above"))
        .unwrap();
    let left = usize::from(column.left);
    let right = left + usize::from(column.width);
    let full = rows[start..]
        .iter()
        .take_while(|row| row.trim_end().len() == right)
        .count();
    assert!(full >= 3, "{rows:#?}");
    let last = &rows[start + full];
    assert!(last.trim_end().len() < right, "{last:?}");
    assert!(rows[start + full + 1].trim().is_empty());
}

#[test]
fn the_search_highlight_stays_on_its_words_when_spaces_widen() {
    let mut r = reader(HARBOUR, 60, 24, ALL);
    r.update(Action::OpenPrompt(PromptKind::Search));
    for c in "harbour office".chars() {
        r.update(Action::Input(c));
    }
    r.update(Action::Submit);
    let buf = draw(&r);
    let lit = with_modifier(&buf, Modifier::REVERSED);
    // The status bar is reversed too; only the page's rows are looked at.
    let words: Vec<&str> = lit.split(['|', ' ']).filter(|w| !w.is_empty()).collect();
    assert_eq!(words, ["harbour", "office"], "{lit:?}");
}

#[test]
fn italics_stay_on_their_words_when_spaces_widen() {
    let text = "A heading\n\nShe said it was _really quite impossible to mend_ a clock like that, \
                and then she mended it anyway, over three long days and nights.\n";
    let r = reader(text, 40, 12, ALL);
    let buf = draw(&r);
    let italic = with_modifier(&buf, Modifier::ITALIC);
    let words: Vec<&str> = italic.split(['|', ' ']).filter(|w| !w.is_empty()).collect();
    assert_eq!(
        words,
        ["really", "quite", "impossible", "to", "mend"],
        "{italic:?} in {:#?}",
        rows(&buf)
    );
}

#[test]
fn verse_and_headings_are_never_justified() {
    let story = include_str!("../stories/the-night-ferry.txt");
    let r = reader(story, 80, 24, ALL);
    let plain = reader(story, 80, 24, Typography::default());
    assert_eq!(screen(&r), screen(&plain));
}

#[test]
fn keys_toggle_and_keep_the_place() {
    let mut r = reader(HARBOUR, 80, 24, Typography::default());
    r.update(Action::NextChapter);
    let top = r.page()[0].range.start;
    for (setting, said) in [
        (Setting::Justify, "lines justified"),
        (Setting::Hyphenate, "words hyphenated (English (US))"),
        (Setting::Indent, "paragraphs indented"),
    ] {
        r.update(Action::Toggle(setting));
        assert_eq!(r.message(), Some(said));
        let first = &r.page()[0].range;
        assert!(first.start <= top && top <= first.end, "{first:?} {top}");
    }
    assert_eq!(
        r.typography(),
        Typography {
            justify: true,
            hyphenate: true,
            indent: true,
            language: Language::Auto,
            optimal: false,
        }
    );
    r.update(Action::Toggle(Setting::Justify));
    assert_eq!(r.message(), Some("lines ragged"));
    assert!(!r.typography().justify);
}

#[test]
fn indented_paragraphs_have_no_blank_line_between_them() {
    let text = "CHAPTER I\n\nFirst paragraph, flush.\n\nSecond paragraph, indented.\n\n* * *\n\nAfter the break, flush.\n";
    let doc = Document::from_text(text);
    let mut layout = Layout::new(40);
    layout.set_typography(Typography {
        indent: true,
        ..Typography::default()
    });
    let lines = all_lines(&mut layout, &doc);
    let shown: Vec<(u16, String)> = lines
        .iter()
        .map(|(_, l)| (l.indent, l.display(text).into_owned()))
        .collect();
    let want: Vec<(u16, String)> = [
        (0, "CHAPTER I"),
        (0, ""),
        (0, "First paragraph, flush."),
        (2, "Second paragraph, indented."),
        (0, ""),
        (0, "* * *"),
        (0, ""),
        (0, "After the break, flush."),
    ]
    .iter()
    .map(|(i, s)| (*i, (*s).to_owned()))
    .collect();
    assert_eq!(shown, want);
}

#[test]
fn print_honours_justify_hyphenate_and_indent() {
    let doc = Document::from_text(HARBOUR);
    let mut out = Vec::new();
    let all = Typography {
        indent: true,
        ..ALL
    };
    dogear::print_from(&doc, 0, 40, all, &mut out).unwrap();
    let printed = String::from_utf8(out).unwrap();
    let full = printed.lines().filter(|l| l.chars().count() == 40).count();
    assert!(full > 20, "{printed}");
    assert!(printed
        .lines()
        .any(|l| l.ends_with(|c: char| c.is_alphabetic()) && l.len() == 40));
    assert!(printed.lines().any(|l| l.starts_with("  \"")), "{printed}");
    assert!(
        printed
            .lines()
            .any(|l| l.ends_with('-') && !l.ends_with("--")),
        "no word hyphenated: {printed}"
    );
}

/// Prose paragraphs of English words of every length, with URLs, numbers, acronyms and
/// hyphenated words among them.
fn paragraphs() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        6 => "[a-z]{1,7}",
        3 => prop::sample::select(vec![
            "extraordinary", "hyphenation", "particularly", "information", "wonderful",
            "understanding", "characteristically", "Constantinople", "harbour",
            "mother-in-law", "NASA", "McAdamson", "https://example.com/hyphenation",
            "1234567890", "incomprehensibilities", "said,", "\"quietly\"", "été", "漢字かな",
        ]).prop_map(str::to_owned),
    ];
    let paragraph = prop::collection::vec(word, 1..40).prop_map(|w| w.join(" "));
    prop::collection::vec(paragraph, 1..5).prop_map(|p| p.join("\n\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn a_justified_line_is_the_column_width_unless_its_paragraph_ends(
        text in paragraphs(), width in 8u16..90, hyphenate: bool, indent: bool,
    ) {
        let doc = Document::from_text(&text);
        let typography = Typography { justify: true, hyphenate, indent, language: Language::Auto, optimal: false };
        let mut layout = Layout::new(width);
        layout.set_typography(typography);
        let lines = all_lines(&mut layout, &doc);
        for (b, line) in &lines {
            if line.style == LineStyle::Blank {
                continue;
            }
            let room = usize::from(width - line.indent);
            let drawn = line.display_in(&text, room, typography);
            let shown = line.display(&text);
            let gaps = shown.matches(' ').count();
            let kind = doc.blocks()[*b].kind;
            if line.end == LineEnd::Last || kind != BlockKind::Paragraph || gaps == 0 {
                prop_assert_eq!(&drawn, &shown);
            } else if usize::from(line.width) <= room && room - usize::from(line.width) <= (MAX_GAP - 1) * gaps {
                prop_assert_eq!(str_width(&drawn), room, "{:?} at {}", drawn, width);
                // Only spaces were added.
                let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
                prop_assert_eq!(words(&drawn), words(&shown));
            } else {
                prop_assert_eq!(&drawn, &shown);
            }
        }
        // The last line of each paragraph says so.
        for b in 0..doc.blocks().len() {
            let last = lines.iter().rfind(|(i, l)| *i == b && l.style != LineStyle::Blank);
            prop_assert_eq!(last.map(|(_, l)| l.end), Some(LineEnd::Last));
        }
    }

    #[test]
    fn hyphenation_adds_only_soft_breaks(text in paragraphs(), width in 6u16..90) {
        let doc = Document::from_text(&text);
        let mut layout = Layout::new(width);
        layout.set_typography(Typography { hyphenate: true, ..Typography::default() });
        let lines = all_lines(&mut layout, &doc);
        let mut joined = String::new();
        for (k, (_, line)) in lines.iter().enumerate() {
            let shown = line.display(&text);
            // Broken inside a token (at its own hyphen, between CJK characters, a word
            // wider than the line): nothing between the two lines.
            let inside = lines
                .get(k + 1)
                .is_some_and(|(_, next)| next.range.start == line.range.end && line.style != LineStyle::Blank);
            prop_assert_eq!(usize::from(line.width), str_width(&shown));
            let fits = line.indent + line.width <= width;
            prop_assert!(fits || line.range.len() <= 4, "{:?} at {}", shown, width);
            match line.end {
                LineEnd::Hyphen => {
                    prop_assert!(shown.ends_with('-'));
                    joined.push_str(&shown[..shown.len() - 1]);
                }
                _ => {
                    joined.push_str(&shown);
                    if !inside {
                        joined.push(' ');
                    }
                }
            }
        }
        let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        prop_assert_eq!(words(&joined), words(&text));
    }
}

#[test]
fn margins_leave_blank_rows_above_and_below_the_page() {
    let mut r = reader(HARBOUR, 80, 24, Typography::default());
    let full = r.page().len();
    r.set_margin(2);
    assert_eq!(r.margin(), 2);
    assert_eq!(r.page().len(), full - 4);
    let rows = rows(&draw(&r));
    assert!(rows[0].trim().is_empty() && rows[1].trim().is_empty());
    assert!(rows[2].contains("THE HARBOUR CLOCK"), "{rows:#?}");
    assert!(
        rows[20].trim().is_empty() && rows[21].trim().is_empty(),
        "{rows:#?}"
    );
    // A short window keeps ten rows of text.
    r.set_margin(50);
    assert!((10..=11).contains(&r.page().len()));
}
