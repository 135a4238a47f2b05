//! `T`: the next theme, named in the status bar.

use super::Reader;
use crate::look::Look;

impl Reader {
    /// The theme and the colours the page is drawn with.
    pub fn look(&self) -> Look {
        self.look
    }

    /// Sets the theme and colours (the shell's: from the settings and the terminal).
    pub fn set_look(&mut self, look: Look) {
        self.look = look;
    }

    pub(super) fn cycle_theme(&mut self) {
        self.look.theme = self.look.theme.next();
        self.say(self.look.said());
    }
}
