//! Themes: `T` goes through them and names each; every theme draws the page, the status
//! bar, headings and search matches legibly, in 24-bit or 256 colours; without colours
//! (`NO_COLOR`) the attributes stay.
//!
//! TestBackend's text drops colours, so beside the snapshots the colours of a few cells
//! are checked directly: the page's background, the status bar's, the current match's.

use dogear::{Action, Colours, Document, Look, PromptKind, Reader, ReaderScreen, Theme, ThemeName};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

const STORY: &str = "A STORY OF LIGHT\n\n\nCHAPTER ONE\n\n\
The lamp by the _window_ burned low all night. The lamp was old, and\n\
nobody in the street could say who had lit it first, only that the lamp\n\
was *brass* and the wick was always trimmed.\n\n\
Every evening a man came with a ladder and a long pole, and every\n\
morning the street was swept before anyone woke.\n";

fn reader(size: (u16, u16), look: Look) -> Reader {
    let mut r = Reader::new(Document::from_text(STORY), "The Lamplighter", size, 72);
    r.set_look(look);
    r
}

fn search(r: &mut Reader, query: &str) {
    r.update(Action::OpenPrompt(PromptKind::Search));
    for c in query.chars() {
        r.update(Action::Input(c));
    }
    r.update(Action::Submit);
}

fn draw(r: &Reader) -> (Buffer, String) {
    let (w, h) = r.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let keys = dogear::Keymap::standard().help();
    let screen = ReaderScreen {
        reader: r,
        keys: &keys,
    };
    terminal
        .draw(|f| f.render_widget(screen, f.area()))
        .unwrap();
    let text = terminal.backend().to_string();
    (terminal.backend().buffer().clone(), text)
}

/// A reader on the story searched for "lamp", then switched to `theme` with `T` (at
/// least once), the way a reader would: the status bar names it.
fn themed(theme: ThemeName, colours: Colours, size: (u16, u16)) -> Reader {
    let mut r = reader(size, Look::default().with(colours));
    search(&mut r, "lamp");
    loop {
        r.update(Action::CycleTheme);
        if r.look().theme == theme {
            return r;
        }
    }
}

trait With {
    fn with(self, colours: Colours) -> Look;
}

impl With for Look {
    fn with(self, colours: Colours) -> Look {
        Look { colours, ..self }
    }
}

/// The text of the cells whose background is `bg`, row by row.
fn cells_with_bg(buf: &Buffer, bg: Color) -> String {
    let area = buf.area;
    (area.top()..area.bottom())
        .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
        .filter(|&p| buf[p].bg == bg)
        .map(|p| buf[p].symbol().to_owned())
        .collect()
}

fn snapshot_name(theme: ThemeName, size: (u16, u16)) -> String {
    format!(
        "theme_{}_{}x{}",
        theme.name().replace('-', "_"),
        size.0,
        size.1
    )
}

#[test]
fn every_theme_at_80x24() {
    for theme in ThemeName::ALL {
        let r = themed(theme, Colours::TrueColor, (80, 24));
        let (_, text) = draw(&r);
        assert!(text.contains(&format!("theme: {}", theme.name())), "{text}");
        insta::assert_snapshot!(snapshot_name(theme, (80, 24)), text);
    }
}

#[test]
fn the_help_over_a_dark_page_at_160x40() {
    let mut r = themed(ThemeName::Dark, Colours::TrueColor, (160, 40));
    r.update(Action::Help);
    let (buf, text) = draw(&r);
    insta::assert_snapshot!(snapshot_name(ThemeName::Dark, (160, 40)), text);
    let theme = Theme::new(r.look());
    // The page fills the wide window; the help's box has the overlay's colours.
    assert_eq!(buf[(0, 0)].bg, theme.page.bg.unwrap());
    assert_eq!(buf[(159, 20)].bg, theme.page.bg.unwrap());
    let boxed = cells_with_bg(&buf, theme.overlay.bg.unwrap());
    assert!(boxed.contains("dogear keys"), "{boxed}");
}

#[test]
fn each_coloured_theme_colours_the_page_the_status_bar_and_the_match() {
    for colours in [Colours::TrueColor, Colours::Ansi256] {
        for theme in ThemeName::ALL.into_iter().skip(1) {
            let r = themed(theme, colours, (80, 24));
            let (buf, _) = draw(&r);
            let styles = Theme::new(r.look());
            let page = styles.page.bg.expect("a page colour");
            let status = styles.status.bg.expect("a status bar colour");
            let hit = styles.hit.bg.expect("a match colour");
            let what = format!("{theme:?} in {colours:?}");
            assert!(page != status && page != hit && status != hit, "{what}");
            if colours == Colours::TrueColor {
                assert!(matches!(page, Color::Rgb(..)), "{what}");
            } else {
                assert!(matches!(page, Color::Indexed(16..)), "{what}");
            }
            // The margin, and the blank rows under the text.
            assert_eq!(buf[(0, 0)].bg, page, "{what}");
            assert_eq!(buf[(79, 20)].bg, page, "{what}");
            assert_eq!(buf[(0, 0)].fg, styles.page.fg.unwrap(), "{what}");
            // The whole last row.
            assert!((0..80).all(|x| buf[(x, 23)].bg == status), "{what}");
            // The current match, and only it, on the match colour.
            assert_eq!(cells_with_bg(&buf, hit), "lamp", "{what}");
            // The other matches underlined, on the page.
            let underlined: String = (0..23)
                .flat_map(|y| (0..80).map(move |x| (x, y)))
                .filter(|&p| buf[p].modifier.contains(Modifier::UNDERLINED))
                .map(|p| buf[p].symbol().to_owned())
                .collect();
            assert_eq!(underlined, "lamplamp", "{what}");
            // The heading in the heading's colour.
            let heading: String = (0..23)
                .flat_map(|y| (0..80).map(move |x| (x, y)))
                .filter(|&p| buf[p].fg == styles.heading.fg.unwrap())
                .map(|p| buf[p].symbol().to_owned())
                .filter(|s| s != " ")
                .collect();
            assert!(heading.contains("CHAPTERONE"), "{what}: {heading}");
        }
    }
}

#[test]
fn sepia_is_cream_in_24_bit_and_its_nearest_in_256_colours() {
    let r = themed(ThemeName::Sepia, Colours::TrueColor, (80, 24));
    assert_eq!(draw(&r).0[(0, 0)].bg, Color::Rgb(0xf4, 0xec, 0xd8));
    let r = themed(ThemeName::Sepia, Colours::Ansi256, (80, 24));
    assert_eq!(draw(&r).0[(0, 0)].bg, Color::Indexed(230));
}

#[test]
fn no_color_gives_no_colours_but_keeps_the_attributes() {
    for theme in ThemeName::ALL {
        let r = themed(theme, Colours::None, (80, 24));
        let (buf, text) = draw(&r);
        let area = buf.area;
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let cell = &buf[(x, y)];
                assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{x},{y}");
            }
        }
        if theme != ThemeName::Terminal {
            assert!(text.contains("no colours: NO_COLOR"), "{text}");
        }
        let with = |m: Modifier| -> String {
            (0..24)
                .flat_map(|y| (0..80).map(move |x| (x, y)))
                .filter(|&p| buf[p].modifier.contains(m))
                .map(|p| buf[p].symbol().to_owned())
                .collect()
        };
        // The status bar and the current match reversed, the other matches underlined,
        // the heading bold, the emphasis italic and bold.
        let reversed = with(Modifier::REVERSED);
        assert!(reversed.starts_with("lamp"), "{reversed}");
        assert!(reversed.contains("The Lamplighter"), "{reversed}");
        assert_eq!(with(Modifier::UNDERLINED), "lamplamp");
        assert!(with(Modifier::BOLD).contains("CHAPTER ONE"));
        assert_eq!(with(Modifier::ITALIC), "window");
        assert!(with(Modifier::BOLD).contains("brass"));
    }
}

#[test]
fn capital_t_cycles_the_themes_and_says_each_name() {
    let mut r = reader((80, 24), Look::default().with(Colours::TrueColor));
    let t = Event::Key(KeyEvent::new(KeyCode::Char('T'), KeyModifiers::SHIFT));
    let mut said = Vec::new();
    for _ in 0..ThemeName::ALL.len() {
        let action = dogear::action(r.mode(), &t).expect("T is a key");
        r.update(action);
        said.push(r.message().unwrap_or_default().to_owned());
        let (_, text) = draw(&r);
        assert!(text.contains(&said[said.len() - 1]), "{text}");
    }
    assert_eq!(
        said,
        [
            "theme: light",
            "theme: dark",
            "theme: sepia",
            "theme: high-contrast",
            "theme: terminal (the terminal's own colours)",
        ]
    );
    assert_eq!(r.look().theme, ThemeName::Terminal);
    // The place is the same sentence whatever the theme.
    assert_eq!(r.percent(), reader((80, 24), Look::default()).percent());
}

#[test]
fn lists_keep_their_selection_legible_in_every_theme() {
    for theme in ThemeName::ALL {
        let mut r = themed(theme, Colours::TrueColor, (80, 24));
        r.update(Action::Cancel);
        r.update(Action::Chapters);
        let (buf, text) = draw(&r);
        let styles = Theme::new(r.look());
        assert!(text.contains("CHAPTER ONE"), "{text}");
        // The first chapter (the title) is the one the page is in: selected.
        let selected: String = (0..24)
            .flat_map(|y| (0..80).map(move |x| (x, y)))
            .filter(|&p| {
                let cell = &buf[p];
                match styles.selected.bg {
                    Some(bg) => cell.bg == bg && cell.fg == styles.selected.fg.unwrap(),
                    None => cell.modifier.contains(Modifier::REVERSED),
                }
            })
            .map(|p| buf[p].symbol().to_owned())
            .collect();
        assert!(
            selected.contains("A STORY OF LIGHT"),
            "{theme:?}: {selected:?}"
        );
    }
}

#[test]
fn the_library_is_drawn_in_the_readers_theme() {
    use dogear::LibraryModel;
    use dogear::LibraryScreen;
    for theme in ThemeName::ALL {
        let mut model = LibraryModel::new(Vec::new());
        model.look = Look {
            theme,
            colours: Colours::TrueColor,
        };
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| {
                f.render_widget(
                    LibraryScreen {
                        model: &model,
                        now: 0,
                        keys: &dogear::Keymap::standard().help(),
                    },
                    f.area(),
                )
            })
            .unwrap();
        let buf = terminal.backend().buffer();
        let styles = Theme::new(model.look);
        let bar = styles.title_bar;
        assert_eq!(buf[(3, 0)].bg, bar.bg.unwrap_or(Color::Reset), "{theme:?}");
        assert!(buf[(3, 0)].modifier.contains(Modifier::BOLD), "{theme:?}");
        assert_eq!(buf[(40, 12)].bg, styles.page.bg.unwrap_or(Color::Reset));
        if theme == ThemeName::Terminal {
            assert!(buf[(3, 0)].modifier.contains(Modifier::REVERSED));
        }
    }
}
