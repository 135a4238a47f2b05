//! A terminal of more than 65,535 cells (500x200 is 100,000) draws every cell where it
//! belongs: ratatui 0.29 turned a cell's index into its position through a `u16`, so
//! everything past the 65,535th cell landed somewhere near the top.

use dogear::{Action, Document, Entry, LibraryModel, LibraryScreen, Reader, Source};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui::Terminal;

const WIDTH: u16 = 500;
const HEIGHT: u16 = 200;

fn story() -> String {
    (1..=400)
        .map(|i| format!("Paragraph {i} of a story long enough to fill a very tall window.\n\n"))
        .collect()
}

/// Draws `widget` through a terminal (as the app does, diffing against the last frame)
/// and checks the terminal shows exactly what the widget drew into a plain buffer.
fn assert_drawn_in_place(terminal: &mut Terminal<TestBackend>, widget: impl Widget + Copy) {
    let mut expected = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    widget.render(expected.area, &mut expected);
    terminal
        .draw(|f| f.render_widget(widget, f.area()))
        .unwrap();
    let shown = terminal.backend().buffer();
    for y in 0..HEIGHT {
        for x in 0..WIDTH {
            assert_eq!(
                shown[(x, y)].symbol(),
                expected[(x, y)].symbol(),
                "cell ({x}, {y}) of a {WIDTH}x{HEIGHT} terminal"
            );
        }
    }
}

#[test]
fn a_500x200_terminal_draws_the_reader_and_the_library_in_place() {
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    let mut reader = Reader::new(Document::from_text(&story()), "Tall", (WIDTH, HEIGHT), 72);
    reader.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    assert_drawn_in_place(&mut terminal, &reader);
    // The second frame is drawn as a diff against the first: the status bar on the last
    // row (cell 99,500 and on) changes.
    reader.update(Action::PageDown);
    assert_drawn_in_place(&mut terminal, &reader);

    let entries = (0..300)
        .map(|i| Entry {
            title: format!("Story number {i}"),
            path: None,
            source: Source::Folder,
            percent: Some(f64::from(i % 100)),
            last_read: None,
            missing: false,
        })
        .collect();
    let mut model = LibraryModel::new(entries);
    model.selected = 190;
    assert_drawn_in_place(
        &mut terminal,
        LibraryScreen {
            model: &model,
            now: 0,
            keys: &dogear::Keymap::standard().help(),
        },
    );
}
