//! What one run leaves for the next, in whole sessions on one config folder: the place
//! (at the same size, at another, for a moved file, for an edited one, or none from a
//! corrupt state file), the column width and the encoding chosen (see tests/scripted).

mod scripted;

use dogear::{screen_text, Exit, Script};
use scripted::{page_rows, Setting};
use std::cell::RefCell;
use std::fs;
use std::rc::Rc;

/// The saved place's offset in the one state file in books/.
fn saved_offset(setting: &Setting) -> u64 {
    let text = fs::read_to_string(state_file(setting)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["place"]["anchor"]["offset"].as_u64().unwrap()
}

/// Pages forward three times, then keeps the page (its text rows) in `kept`.
fn three_pages_on(kept: &Rc<RefCell<Vec<String>>>) -> Script {
    let kept = Rc::clone(kept);
    Script::new()
        .keys("   ")
        .look(move |s| {
            let page = page_rows(s);
            assert!(!page[0].trim().is_empty(), "{}", screen_text(s));
            assert!(!page.iter().any(|r| r.contains("The Long Walk")));
            *kept.borrow_mut() = page;
        })
        .keys("q")
}

/// Checks the page is `kept`, and quits.
fn same_page(kept: &Rc<RefCell<Vec<String>>>, what: &'static str) -> Script {
    let kept = Rc::clone(kept);
    Script::new()
        .look(move |s| assert_eq!(page_rows(s), *kept.borrow(), "{what}"))
        .keys("q")
}

#[test]
fn quit_and_reopen_at_the_same_size_shows_the_same_page() {
    let setting = Setting::new();
    let page = Rc::default();
    let walk = setting.walk();
    assert_eq!(
        setting.read(&walk, (80, 24), three_pages_on(&page)),
        Exit::Quit
    );
    assert!(saved_offset(&setting) > 0);
    let again = same_page(&page, "reopened on the same page");
    assert_eq!(setting.read(&walk, (80, 24), again), Exit::Quit);
}

#[test]
fn reopen_at_another_width_keeps_the_top_line() {
    let setting = Setting::new();
    let page: Rc<RefCell<Vec<String>>> = Rc::default();
    let walk = setting.walk();
    assert_eq!(
        setting.read(&walk, (80, 24), three_pages_on(&page)),
        Exit::Quit
    );
    let old_top = page.borrow()[0].trim().to_owned();
    let script = Script::new()
        .look(move |s| {
            let rows = page_rows(s);
            let words: Vec<&str> = old_top.split_whitespace().take(3).collect();
            let head = words.join(" ");
            let first = rows[0].trim();
            let joined = format!("{} {}", first, rows[1].trim());
            assert!(
                first.starts_with(&head) || (first.contains(words[0]) && joined.contains(&head)),
                "the old top line {old_top:?} is not on top at 50x20:\n{}",
                screen_text(s)
            );
        })
        .keys("q");
    assert_eq!(setting.read(&walk, (50, 20), script), Exit::Quit);
}

#[test]
fn a_moved_file_keeps_its_place() {
    let setting = Setting::new();
    let page = Rc::default();
    let walk = setting.walk();
    assert_eq!(
        setting.read(&walk, (80, 24), three_pages_on(&page)),
        Exit::Quit
    );
    fs::create_dir(setting.path("elsewhere")).unwrap();
    let moved = setting.path("elsewhere/renamed story.txt");
    fs::rename(&walk, &moved).unwrap();
    let again = same_page(&page, "the moved file opens on the same page");
    assert_eq!(setting.read(&moved, (80, 24), again), Exit::Quit);
}

/// The first column of text on the page: where the centred column starts.
fn left_margin(screen: &ratatui::buffer::Buffer) -> usize {
    page_rows(screen)
        .iter()
        .filter(|r| r.trim().len() > 20)
        .map(|r| r.len() - r.trim_start().len())
        .min()
        .expect("a row of text")
}

#[test]
fn the_column_width_is_remembered_across_runs() {
    let setting = Setting::new();
    let walk = setting.walk();
    let margins = Rc::new(RefCell::new(Vec::new()));
    let (first, second) = (Rc::clone(&margins), Rc::clone(&margins));
    let script = Script::new()
        .look(move |s| first.borrow_mut().push(left_margin(s)))
        .keys("--")
        .look(move |s| {
            assert!(
                screen_text(s).contains("column 64 wide"),
                "{}",
                screen_text(s)
            );
            second.borrow_mut().push(left_margin(s));
        })
        .keys("q");
    assert_eq!(setting.read(&walk, (100, 24), script), Exit::Quit);
    let (default, narrow) = (margins.borrow()[0], margins.borrow()[1]);
    assert!(narrow > default, "{default} then {narrow}");

    let script = Script::new()
        .look(move |s| assert_eq!(left_margin(s), narrow, "{}", screen_text(s)))
        // One more step narrower from the remembered width, not from the default.
        .keys("-")
        .look(|s| {
            assert!(
                screen_text(s).contains("column 60 wide"),
                "{}",
                screen_text(s)
            )
        })
        .keys("q");
    assert_eq!(setting.read(&walk, (100, 24), script), Exit::Quit);
}

#[test]
fn two_pages_side_by_side_are_remembered_across_runs() {
    let setting = Setting::new();
    let walk = setting.walk();
    // Two pages: rows that hold two paragraphs' starts side by side.
    let spread = |s: &ratatui::buffer::Buffer| {
        page_rows(s)
            .iter()
            .any(|r| r.matches("Paragraph").count() == 2)
    };
    let script = Script::new()
        .look(move |s| assert!(!spread(s), "one page by default:\n{}", screen_text(s)))
        .keys("D")
        .look(move |s| assert!(spread(s), "two pages after D:\n{}", screen_text(s)))
        .keys("q");
    assert_eq!(setting.read(&walk, (160, 40), script), Exit::Quit);
    let script = Script::new()
        .look(move |s| assert!(spread(s), "still two pages:\n{}", screen_text(s)))
        .keys("q");
    assert_eq!(setting.read(&walk, (160, 40), script), Exit::Quit);
}

/// Our own Russian paragraphs, in Mac Cyrillic. As windows-1251 the capitals go wrong
/// ("Старый" becomes "‘тарый") while the small letters stay.
fn cyrillic() -> Vec<u8> {
    let text: String = (1..=30)
        .map(|i| {
            format!(
                "{i}. Старый кот сидел у окна и смотрел на дождь. Ему было скучно, но он \
                 не хотел уходить: на улице шли люди с зонтами.\n\n"
            )
        })
        .collect();
    encoding_rs::X_MAC_CYRILLIC.encode(&text).0.into_owned()
}

#[test]
fn the_picker_previews_escape_restores_enter_keeps_and_the_choice_is_remembered() {
    let setting = Setting::new();
    let file = setting.path("cat.txt");
    fs::write(&file, cyrillic()).unwrap();
    let shows = |want: &'static str, not: &'static [&'static str]| {
        move |s: &ratatui::buffer::Buffer| {
            let text = screen_text(s);
            assert!(text.contains(want), "{want:?} shown:\n{text}");
            assert!(
                !not.iter().any(|n| text.contains(n)),
                "{not:?} gone:\n{text}"
            );
        }
    };
    let script = Script::new()
        .look(shows("Старый кот", &[]))
        .keys("E")
        .look(shows("encoding: Enter Esc", &[]))
        .keys("j")
        .look(shows("‘тарый кот", &[]))
        .keys("\x1b")
        .look(shows("Старый кот", &["‘тарый", "Enter Esc"]))
        .keys("Ej\r")
        .look(shows("‘тарый кот", &["Enter Esc"]))
        .keys("q");
    assert_eq!(setting.read(&file, (70, 16), script), Exit::Quit);
    let state_file = fs::read_dir(setting.path("config/books"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("a state file");
    let state = fs::read_to_string(state_file).unwrap();
    assert!(state.contains("\"windows-1251\""), "{state}");

    let script = Script::new().look(shows("‘тарый кот", &[])).keys("q");
    assert_eq!(setting.read(&file, (70, 16), script), Exit::Quit);
}

/// The one state file in books/.
fn state_file(setting: &Setting) -> std::path::PathBuf {
    let books = fs::read_dir(setting.path("config/books")).unwrap();
    let mut files: Vec<_> = books
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(files.len(), 1, "one book, one state file: {files:?}");
    files.pop().unwrap()
}

/// The screen's words, one space between them (a long message wraps onto rows above
/// the status bar).
fn words(screen: &ratatui::buffer::Buffer) -> String {
    let text = screen_text(screen);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_corrupt_state_file_is_kept_aside() {
    let setting = Setting::new();
    let walk = setting.walk();
    let page = Rc::default();
    assert_eq!(
        setting.read(&walk, (80, 24), three_pages_on(&page)),
        Exit::Quit
    );
    let file = state_file(&setting);
    let garbage = b"{\"version\": 1, \"place\": \x00\xff garbage".to_vec();
    fs::write(&file, &garbage).unwrap();

    let script = Script::new()
        .look(|s| {
            let said = words(s);
            assert!(
                said.contains("The Long Walk Paragraph 1"),
                "the start: {said}"
            );
            assert!(
                said.contains("unreadable") && said.contains("kept aside"),
                "the status bar says the old state was kept aside: {said}"
            );
        })
        .keys("q");
    assert_eq!(setting.read(&walk, (80, 24), script), Exit::Quit);
    let kept: Vec<_> = fs::read_dir(setting.path("config/books"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(fs::read(&kept[0]).unwrap(), garbage);
}

#[test]
fn an_edited_story_is_reanchored() {
    let setting = Setting::new();
    let walk = setting.walk();
    let page: Rc<RefCell<Vec<String>>> = Rc::default();
    assert_eq!(
        setting.read(&walk, (80, 24), three_pages_on(&page)),
        Exit::Quit
    );
    let old_top = page.borrow()[0].clone();

    let text = fs::read_to_string(&walk).unwrap();
    let at = text.find("Paragraph 1 ").unwrap();
    let inserted = "A new paragraph the editor added near the start of the story, \
                    long enough to move every later line.\n\n"
        .repeat(3);
    fs::write(&walk, format!("{}{inserted}{}", &text[..at], &text[at..])).unwrap();

    let script = Script::new()
        .look(move |s| {
            assert!(
                words(s).contains("changed"),
                "the notice:\n{}",
                screen_text(s)
            );
            assert_eq!(page_rows(s)[0], old_top, "screen:\n{}", screen_text(s));
        })
        .keys("q");
    assert_eq!(setting.read(&walk, (80, 24), script), Exit::Quit);
}
