//! `i`: emphasis markers hidden (the words drawn italic or bold) or shown as written.

use super::Reader;

impl Reader {
    /// Whether `_italics_` and `*emphasis*` markers are hidden and drawn as styles.
    pub fn emphasis(&self) -> bool {
        self.layout.emphasis()
    }

    pub(super) fn toggle_emphasis(&mut self) {
        let on = !self.layout.emphasis();
        self.layout.set_emphasis(on);
        // The place is a byte offset: the same sentence stays on top, rewrapped.
        self.refresh();
        self.say(if on {
            "_italics_ and *emphasis* shown as styles (i shows the marks)"
        } else {
            "_italics_ and *emphasis* marks shown as written"
        });
    }
}
