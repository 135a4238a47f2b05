//! The loop's contract with its [`Host`].

use super::*;
use crate::document::Document;
use ratatui::backend::TestBackend;
use std::cell::Cell;
use std::rc::Rc;

/// A host with work due until its first idle turn, which it counts.
struct Due(Rc<Cell<usize>>);

impl Host for Due {
    fn effect(&mut self, _: &mut Reader, _: Effect) {}
    fn idle(&mut self, _: &mut Reader, _: Instant) {
        self.0.set(self.0.get() + 1);
    }
    fn finish(&mut self, _: &mut Reader) {}
    fn due(&self) -> bool {
        self.0.get() == 0
    }
}

#[test]
fn work_due_after_the_first_frame_is_done_before_a_key_is_waited_for() {
    let doc = Document::from_vec(b"The lamp was lit.\n".to_vec(), None).unwrap();
    let mut reader = Reader::new(doc, "lamp", (40, 10), 72);
    let idle = Rc::new(Cell::new(0));
    let seen = Rc::clone(&idle);
    let mut terminal = Terminal::new(TestBackend::new(40, 10)).unwrap();
    // The script's first step is taken by the first wait for a key: the host's idle turn
    // came before it.
    let mut script = Script::new()
        .look(move |_| assert_eq!(seen.get(), 1, "idle turns before the first key"))
        .keys("q");
    let mut host = Due(Rc::clone(&idle));
    let exit = run(
        &mut terminal,
        &mut script,
        &mut reader,
        &mut host,
        &Signals::default(),
    );
    assert_eq!(exit.unwrap(), Exit::Quit);
}
