//! `D`: two pages side by side on a window 160 columns wide or more. Paging moves by two
//! pages, the place is the top of the left page (so a toggle, a resize or a narrower
//! window shows the same sentence at the top), and search matches are marked on both
//! pages. Screen snapshots of every theme and style at 80x24 and 160x40.

mod drawn;
use dogear::{
    spread_columns, Action, Colours, Document, Look, PromptKind, Reader, Theme, ThemeName,
    Typography, SPREAD_FROM,
};
use drawn::screen;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

const STORY: &str = include_str!("../stories/the-lighthouse-keepers-cat.txt");

fn reader(size: (u16, u16), spread: bool) -> Reader {
    let mut r = Reader::new(
        Document::from_text(&STORY.repeat(4)),
        "The Lighthouse Keeper's Cat",
        size,
        72,
    );
    r.set_spread(spread);
    r
}

fn starts(r: &Reader) -> Vec<usize> {
    r.page().iter().map(|l| l.range.start).collect()
}

fn search(r: &mut Reader, query: &str) {
    r.update(Action::OpenPrompt(PromptKind::Search));
    for c in query.chars() {
        r.update(Action::Input(c));
    }
    r.update(Action::Submit);
}

fn buffer(r: &Reader) -> Buffer {
    let (w, h) = r.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(r, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn a_spread_is_the_page_and_the_next_side_by_side_and_pages_by_two() {
    let mut two = reader((160, 40), true);
    // One page of the same width and height: 72 columns, 39 rows.
    let mut one = reader((100, 40), false);
    assert!(two.is_spread() && !one.is_spread());
    assert_eq!(two.column().width, one.column().width);
    let first = starts(&one);
    one.update(Action::PageDown);
    let second = starts(&one);
    assert_eq!(starts(&two), [first, second].concat());
    one.update(Action::PageUp);
    for _ in 0..3 {
        assert_eq!(two.update(Action::PageDown), dogear::Effect::PlaceChanged);
        one.update(Action::PageDown);
        one.update(Action::PageDown);
        assert_eq!(two.place(), one.place(), "paging by two");
    }
    two.update(Action::PageUp);
    one.update(Action::PageUp);
    one.update(Action::PageUp);
    assert_eq!(two.place(), one.place());
}

#[test]
fn the_place_is_kept_across_the_toggle_and_a_resize() {
    let mut r = reader((160, 40), false);
    assert!(!r.is_spread());
    for _ in 0..3 {
        r.update(Action::PageDown);
    }
    let place = r.place();
    r.update(Action::ToggleSpread);
    assert_eq!(r.message(), Some("two pages side by side"));
    assert!(r.is_spread());
    assert_eq!(r.place(), place);
    assert_eq!(r.page()[0].range.start, place);
    // Narrower than 160 columns: one page, the same sentence at the top.
    r.update(Action::Resize {
        width: SPREAD_FROM - 1,
        height: 40,
    });
    assert!(!r.is_spread() && r.spread_setting());
    assert_eq!(r.page().len(), 39);
    assert_eq!(r.page()[0].range.start, place);
    r.update(Action::Resize {
        width: 200,
        height: 50,
    });
    assert!(r.is_spread());
    assert_eq!(r.page().len(), 2 * 49);
    assert_eq!(r.page()[0].range.start, place);
    r.update(Action::ToggleSpread);
    assert_eq!(r.message(), Some("one page"));
    assert_eq!(r.page()[0].range.start, place);
    // Asked for on a narrow window: said when it would show.
    let mut narrow = reader((80, 24), false);
    narrow.update(Action::ToggleSpread);
    assert!(narrow.spread_setting() && !narrow.is_spread());
    assert!(narrow.message().unwrap().contains("160 columns"));
}

#[test]
fn resuming_at_80_columns_shows_the_left_pages_top() {
    let mut r = reader((160, 40), true);
    for _ in 0..2 {
        r.update(Action::PageDown);
    }
    let mut narrow = reader((80, 24), false);
    narrow.go_to(r.place());
    assert_eq!(narrow.page()[0].range.start, r.page()[0].range.start);
}

#[test]
fn the_pages_are_as_wide_as_the_window_allows_and_centred() {
    let (left, right) = spread_columns(160, 72);
    assert_eq!((left.width, right.width), (72, 72));
    assert_eq!(left.left, (160 - 2 * 72 - 6) / 2);
    assert_eq!(right.left, left.left + 72 + 6);
    // A wide column asked for: each page gets half the window, less the gutter.
    let (left, right) = spread_columns(160, 100);
    assert_eq!((left.width, right.left + right.width), (77, 160));
    // `+` stops at the widest a page can be.
    let mut r = reader((160, 40), true);
    for _ in 0..3 {
        r.update(Action::Wider);
    }
    assert_eq!(r.column().width, 77);
    assert!(
        r.message().unwrap().contains("full width"),
        "{:?}",
        r.message()
    );
}

#[test]
fn search_matches_are_marked_on_both_pages() {
    let mut r = reader((160, 40), true);
    for _ in 0..2 {
        r.update(Action::PageDown);
    }
    search(&mut r, "the");
    let theme = Theme::new(r.look());
    let (_, right) = spread_columns(160, 72);
    let in_right = |buf: &Buffer, style: ratatui::style::Style| {
        (0..39).any(|y| {
            (right.left..right.left + right.width).any(|x| {
                let cell = &buf[(x, y)];
                style.add_modifier.iter().all(|m| cell.modifier.contains(m))
                    && !style.add_modifier.is_empty()
            })
        })
    };
    assert!(in_right(&buffer(&r), theme.other_match), "{}", screen(&r));
    // One page back, the current match is on the right page.
    let hit = r.hit().unwrap();
    for _ in 0..39 {
        r.update(Action::LineUp);
    }
    assert_eq!(r.hit(), Some(hit.clone()));
    let right_starts = &r.page()[39..];
    assert!(right_starts.iter().any(|l| l.range.contains(&hit.start)));
    assert!(in_right(&buffer(&r), theme.hit), "{}", screen(&r));
}

#[test]
fn the_status_bar_names_both_pages() {
    let mut r = reader((160, 40), true);
    let key = r.page_key().unwrap();
    assert_eq!(key.height, 39, "pages are counted one by one");
    let mut tops = vec![r.place()];
    let mut one = reader((100, 40), false);
    for _ in 0..6 {
        one.update(Action::PageDown);
        tops.push(one.place());
    }
    tops.dedup();
    r.add_pages(&key, &tops, true);
    r.update(Action::PageDown);
    let shown = screen(&r);
    assert!(
        shown.contains(&format!("pages 3–4 of {}", tops.len())),
        "{shown}"
    );
}

/// A reader searched for "lamp", then switched to `theme` with `T`, as a reader would:
/// the status bar names it.
fn themed(theme: ThemeName, size: (u16, u16), spread: bool) -> Reader {
    let mut r = reader(size, spread);
    r.set_look(Look {
        theme: ThemeName::Terminal,
        colours: Colours::TrueColor,
    });
    search(&mut r, "lamp");
    loop {
        r.update(Action::CycleTheme);
        if r.look().theme == theme {
            return r;
        }
    }
}

#[test]
fn every_theme_at_160x40_in_two_pages_and_one() {
    for theme in ThemeName::ALL {
        for (spread, name) in [(true, "two_pages"), (false, "one_page")] {
            let r = themed(theme, (160, 40), spread);
            // The page's colour fills the window, the gutter included.
            let page = Theme::new(r.look()).page.bg;
            let buf = buffer(&r);
            assert!((0..160).all(|x| buf[(x, 20)].bg == page.unwrap_or_default()));
            let snapshot = format!("{}_160x40_{name}", theme.name().replace('-', "_"));
            insta::assert_snapshot!(snapshot, screen(&r));
        }
    }
}

#[test]
fn every_style_at_80x24_and_160x40() {
    let plain = Typography::default();
    let styles = [
        (
            "justified",
            Typography {
                justify: true,
                ..plain
            },
        ),
        (
            "hyphenated",
            Typography {
                hyphenate: true,
                ..plain
            },
        ),
        (
            "indented",
            Typography {
                indent: true,
                ..plain
            },
        ),
        (
            "optimal_fit",
            Typography {
                optimal: true,
                ..plain
            },
        ),
        (
            "set_like_a_book",
            Typography {
                justify: true,
                hyphenate: true,
                indent: true,
                optimal: true,
                ..plain
            },
        ),
    ];
    for (name, typography) in styles {
        for size in [(80, 24), (160, 40)] {
            let mut r = reader(size, true);
            r.set_typography(typography);
            r.update(Action::PageDown);
            let snapshot = format!("style_{name}_{}x{}", size.0, size.1);
            insta::assert_snapshot!(snapshot, screen(&r));
        }
    }
}
