//! How the page looks: the reader's theme and the colours the terminal can show.
//!
//! Core data only, no terminal: the shell detects the colour depth from the environment
//! ([`Colours::detect`] is handed the variables) and the choice of theme comes from the
//! keyboard (`T`) or the settings. The styles themselves are drawn from these in
//! [`crate::ui::theme`].

use serde::{Deserialize, Serialize};

/// A theme, by name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// The terminal's own colours, with bold, reverse and underline only.
    #[default]
    Terminal,
    Light,
    Dark,
    Sepia,
    HighContrast,
}

impl ThemeName {
    /// Every theme, in the order `T` goes through them.
    pub const ALL: [ThemeName; 5] = [
        ThemeName::Terminal,
        ThemeName::Light,
        ThemeName::Dark,
        ThemeName::Sepia,
        ThemeName::HighContrast,
    ];

    /// The name in `config.toml` and the status bar.
    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Terminal => "terminal",
            ThemeName::Light => "light",
            ThemeName::Dark => "dark",
            ThemeName::Sepia => "sepia",
            ThemeName::HighContrast => "high-contrast",
        }
    }

    /// The theme called `name` (case and `-`, `_` or a space between words do not
    /// matter: `high_contrast`, `High Contrast`).
    pub fn parse(name: &str) -> Option<ThemeName> {
        let wanted: String = name
            .trim()
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect();
        Self::ALL
            .into_iter()
            .find(|t| t.name().replace('-', "") == wanted)
    }

    /// The theme after this one, back to the first after the last.
    pub fn next(self) -> ThemeName {
        let i = Self::ALL.iter().position(|&t| t == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// The colours the terminal can show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Colours {
    /// 24-bit colour (`COLORTERM=truecolor` or `24bit`).
    TrueColor,
    /// The xterm 256-colour palette, which nearly every terminal has.
    #[default]
    Ansi256,
    /// None at all (`NO_COLOR`, or a dumb terminal): bold, italic, reverse and
    /// underline only.
    None,
}

impl Colours {
    /// The colour depth from the environment: `NO_COLOR` (set and not empty, as
    /// no-color.org asks), `COLORTERM` and `TERM`, each `None` when unset.
    pub fn detect(no_color: Option<&str>, colorterm: Option<&str>, term: Option<&str>) -> Self {
        if no_color.is_some_and(|v| !v.is_empty()) || term == Some("dumb") {
            return Colours::None;
        }
        match colorterm
            .map(str::trim)
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("truecolor" | "24bit") => Colours::TrueColor,
            _ => Colours::Ansi256,
        }
    }
}

/// A theme as the terminal can show it: what the view draws the page with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Look {
    pub theme: ThemeName,
    pub colours: Colours,
}

impl Look {
    /// What the status bar says after `T`: the theme's name, and why it shows no
    /// colours if it shows none.
    pub fn said(self) -> String {
        let name = self.theme.name();
        match (self.theme, self.colours) {
            (ThemeName::Terminal, _) => format!("theme: {name} (the terminal's own colours)"),
            (_, Colours::None) => format!("theme: {name} (no colours: NO_COLOR is set)"),
            _ => format!("theme: {name}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_goes_through_every_theme_and_back() {
        let mut t = ThemeName::default();
        let mut seen = vec![t];
        for _ in 0..ThemeName::ALL.len() {
            t = t.next();
            seen.push(t);
        }
        assert_eq!(&seen[..5], &ThemeName::ALL);
        assert_eq!(seen[5], ThemeName::Terminal);
    }

    #[test]
    fn names_parse_back_in_any_spelling() {
        for t in ThemeName::ALL {
            assert_eq!(ThemeName::parse(t.name()), Some(t));
        }
        assert_eq!(
            ThemeName::parse("High_Contrast"),
            Some(ThemeName::HighContrast)
        );
        assert_eq!(ThemeName::parse(" Sepia "), Some(ThemeName::Sepia));
        assert_eq!(ThemeName::parse("solarized"), None);
    }

    #[test]
    fn colour_depth_from_the_environment() {
        use Colours as C;
        assert_eq!(C::detect(None, Some("truecolor"), None), C::TrueColor);
        assert_eq!(C::detect(None, Some("24bit"), Some("xterm")), C::TrueColor);
        assert_eq!(C::detect(None, None, Some("xterm-256color")), C::Ansi256);
        assert_eq!(C::detect(None, Some("yes"), None), C::Ansi256);
        assert_eq!(C::detect(Some("1"), Some("truecolor"), None), C::None);
        // An empty NO_COLOR is no NO_COLOR (no-color.org).
        assert_eq!(C::detect(Some(""), Some("truecolor"), None), C::TrueColor);
        assert_eq!(C::detect(None, None, Some("dumb")), C::None);
    }
}
