//! `_italics_` and `*emphasis*`: the markers hidden on the page and the words drawn
//! italic or bold, lines measured without them, `i` showing them as written, and
//! `--print` keeping the text as it was.

use dogear::{Action, Document, Reader};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::Terminal;

const STORY: &str = "THE QUAY\n\n\
It was _not_ the ferry she had meant to take, and the snake_case sign on the\n\
pier said so twice; but the captain, who was _very sure of himself indeed_,\n\
had *insisted*, and a lone _ was chalked on the rail beside the gangway.\n\n\
The second paragraph is _plain_ enough to fill a line or two at this width\n\
without any of the first one's trouble, and it ends here.\n";

fn reader(width: u16, height: u16) -> Reader {
    Reader::new(Document::from_text(STORY), "Quay", (width, height), 72)
}

fn draw(r: &Reader) -> Buffer {
    let (w, h) = r.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(r, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// The cells of the first occurrence of `word` on the screen and whether each has `m`.
fn styled(buf: &Buffer, word: &str, m: Modifier) -> Vec<bool> {
    for (y, row) in rows(buf).iter().enumerate() {
        if let Some(at) = row.find(word) {
            let x0 = row[..at].chars().count();
            return (0..word.chars().count())
                .map(|i| {
                    buf[(u16::try_from(x0 + i).unwrap(), u16::try_from(y).unwrap())]
                        .modifier
                        .contains(m)
                })
                .collect();
        }
    }
    panic!("{word:?} is not on the screen:\n{}", rows(buf).join("\n"));
}

#[test]
fn markers_are_hidden_and_the_words_drawn_italic_or_bold() {
    let r = reader(50, 14);
    let buf = draw(&r);
    let page = rows(&buf).join("\n");
    insta::assert_snapshot!(page);
    assert!(page.contains("It was not the ferry"), "{page}");
    assert!(!page.contains("_not_") && !page.contains("*insisted*"));
    assert!(
        page.contains("snake_case"),
        "an underscore inside a word stays"
    );
    assert!(page.contains("lone _ was"), "a lone underscore stays");
    assert_eq!(styled(&buf, "not", Modifier::ITALIC), [true; 3]);
    assert_eq!(styled(&buf, "insisted", Modifier::BOLD), [true; 8]);
    assert_eq!(styled(&buf, "ferry", Modifier::ITALIC), [false; 5]);
    // A phrase in italics wrapped over two lines is italic on both.
    let narrow = draw(&reader(30, 20));
    let screen = rows(&narrow);
    let (a, b) = (
        screen.iter().position(|r| r.contains("very")).unwrap(),
        screen.iter().position(|r| r.contains("indeed")).unwrap(),
    );
    assert!(b > a, "the phrase wraps:\n{}", screen.join("\n"));
    for word in ["very", "sure", "indeed"] {
        let cells = styled(&narrow, word, Modifier::ITALIC);
        assert!(cells.iter().all(|&c| c), "{word}");
    }
    assert_eq!(styled(&narrow, "captain", Modifier::ITALIC), [false; 7]);
}

#[test]
fn lines_are_measured_without_the_hidden_markers() {
    let r = reader(50, 14);
    // Each drawn line is exactly as wide as the layout says.
    let buf = draw(&r);
    let screen = rows(&buf);
    for (row, line) in r.page().iter().enumerate() {
        if line.width == 0 {
            continue;
        }
        let drawn = screen[row].trim_end().trim_start().chars().count();
        assert_eq!(
            drawn,
            usize::from(line.width),
            "row {row}: {:?}",
            screen[row]
        );
    }
}

#[test]
fn i_shows_the_markers_as_written_and_keeps_the_place() {
    let mut r = reader(50, 8);
    r.update(Action::LineDown);
    r.update(Action::LineDown);
    let place = r.place();
    let top = r.document().text()[place..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    r.update(Action::ToggleEmphasis);
    assert!(!r.emphasis());
    let page = rows(&draw(&r)).join("\n");
    assert!(
        page.contains("_very") || page.contains("*insisted*"),
        "{page}"
    );
    let first = rows(&draw(&r))[0].clone();
    assert!(
        first.contains(top.trim_matches('_')),
        "{top:?} still on top: {first:?}"
    );
    r.update(Action::ToggleEmphasis);
    assert!(r.emphasis());
    assert!(!rows(&draw(&r)).join("\n").contains("*insisted*"));
}

#[test]
fn print_keeps_the_text_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("quay.txt");
    std::fs::write(&file, STORY).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dogear"))
        .args(["--print", "--width", "50"])
        .arg(&file)
        .output()
        .unwrap();
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(
        printed.contains("_not_") && printed.contains("*insisted*"),
        "{printed}"
    );
}
