//! The styles every widget draws with, one [`Theme`] per [`Look`]: the page, headings,
//! search matches, the status bar, overlays and lists.
//!
//! The terminal theme (and any theme without colours, under `NO_COLOR`) uses attributes
//! only: bold headings, the current match and the status bar reversed, the other matches
//! underlined. The coloured themes are given in 24-bit colour and drawn as the nearest
//! colour of the xterm 256-colour palette where the terminal has no more.

use crate::look::{Colours, Look, ThemeName};
use ratatui::style::{Color, Modifier, Style};

/// The styles of one theme, as the terminal can show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The page: its background (the whole window) and text.
    pub page: Style,
    pub heading: Style,
    /// The current search match.
    pub hit: Style,
    /// The other matches of the search on the page.
    pub other_match: Style,
    pub status: Style,
    /// Inside an overlay's box (help, lists, statistics).
    pub overlay: Style,
    /// An overlay's border and title.
    pub border: Style,
    /// The selected row of a list.
    pub selected: Style,
    /// Details that step back: a bookmark's date, a file's folder, a hint.
    pub dim: Style,
    /// The library's title bar.
    pub title_bar: Style,
    /// The bars of the statistics chart.
    pub chart: Style,
    /// Whether any style here has a colour.
    coloured: bool,
}

/// A coloured theme's colours, 24-bit.
struct Palette {
    bg: u32,
    fg: u32,
    heading: u32,
    status_bg: u32,
    status_fg: u32,
    hit_bg: u32,
    hit_fg: u32,
    other: u32,
    dim: u32,
    selected_bg: u32,
    selected_fg: u32,
    border: u32,
    overlay_bg: u32,
}

const LIGHT: Palette = Palette {
    bg: 0xfbfbf7,
    fg: 0x1c1c1c,
    heading: 0x1f4e79,
    status_bg: 0xdedbd2,
    status_fg: 0x1c1c1c,
    hit_bg: 0xffd54f,
    hit_fg: 0x1c1c1c,
    other: 0x8a4b00,
    dim: 0x6b6b6b,
    selected_bg: 0x1f4e79,
    selected_fg: 0xffffff,
    border: 0x8f8f8f,
    overlay_bg: 0xf0efe9,
};

const DARK: Palette = Palette {
    bg: 0x1e1f22,
    fg: 0xd7d7d2,
    heading: 0x8fbcdb,
    status_bg: 0x3a3d44,
    status_fg: 0xe8e8e3,
    hit_bg: 0xe5c07b,
    hit_fg: 0x1e1f22,
    other: 0xe5c07b,
    dim: 0x8c8c8c,
    selected_bg: 0x4f6f8f,
    selected_fg: 0xffffff,
    border: 0x6b6f78,
    overlay_bg: 0x27292e,
};

const SEPIA: Palette = Palette {
    bg: 0xf4ecd8,
    fg: 0x433422,
    heading: 0x7a3e12,
    status_bg: 0xe2d4b2,
    status_fg: 0x433422,
    hit_bg: 0x7a3e12,
    hit_fg: 0xf4ecd8,
    other: 0x9c4a10,
    dim: 0x76624a,
    selected_bg: 0x5b4636,
    selected_fg: 0xf4ecd8,
    border: 0xa08a68,
    overlay_bg: 0xede2c8,
};

const HIGH_CONTRAST: Palette = Palette {
    bg: 0x000000,
    fg: 0xffffff,
    heading: 0xffff00,
    status_bg: 0xffffff,
    status_fg: 0x000000,
    hit_bg: 0xffff00,
    hit_fg: 0x000000,
    other: 0x00ffff,
    dim: 0xc8c8c8,
    selected_bg: 0xffffff,
    selected_fg: 0x000000,
    border: 0xffffff,
    overlay_bg: 0x000000,
};

impl Theme {
    /// The styles for `look`: the theme's colours as deep as the terminal shows them,
    /// or attributes alone.
    pub fn new(look: Look) -> Theme {
        let palette = match look.theme {
            ThemeName::Terminal => return Theme::plain(),
            ThemeName::Light => &LIGHT,
            ThemeName::Dark => &DARK,
            ThemeName::Sepia => &SEPIA,
            ThemeName::HighContrast => &HIGH_CONTRAST,
        };
        match look.colours {
            Colours::None => Theme::plain(),
            depth => Theme::coloured(palette, depth),
        }
    }

    /// Attributes only, the terminal's own colours: what `NO_COLOR` gets.
    pub const fn plain() -> Theme {
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Theme {
            page: Style::new(),
            heading: Style::new().add_modifier(Modifier::BOLD),
            hit: reversed,
            other_match: Style::new().add_modifier(Modifier::UNDERLINED),
            status: reversed,
            overlay: Style::new(),
            border: Style::new(),
            selected: reversed,
            dim: Style::new().add_modifier(Modifier::DIM),
            title_bar: reversed.add_modifier(Modifier::BOLD),
            chart: Style::new(),
            coloured: false,
        }
    }

    fn coloured(p: &Palette, depth: Colours) -> Theme {
        let c = |rgb: u32| colour(rgb, depth);
        let on = |fg: u32, bg: u32| Style::new().fg(c(fg)).bg(c(bg));
        let status = on(p.status_fg, p.status_bg);
        Theme {
            page: on(p.fg, p.bg),
            heading: Style::new().fg(c(p.heading)).add_modifier(Modifier::BOLD),
            hit: on(p.hit_fg, p.hit_bg),
            other_match: Style::new()
                .fg(c(p.other))
                .add_modifier(Modifier::UNDERLINED),
            status,
            overlay: on(p.fg, p.overlay_bg),
            border: on(p.border, p.overlay_bg),
            selected: on(p.selected_fg, p.selected_bg),
            dim: Style::new().fg(c(p.dim)),
            title_bar: status.add_modifier(Modifier::BOLD),
            chart: Style::new().fg(c(p.heading)),
            coloured: true,
        }
    }

    /// `base` with its text stepping back: dim in the terminal's colours, the theme's
    /// dim colour on its page; a selected row keeps its own colours, so it stays legible.
    pub fn dimmed(&self, base: Style) -> Style {
        if !self.coloured {
            base.add_modifier(Modifier::DIM)
        } else if base.bg.is_some() && base.bg != self.page.bg {
            base
        } else {
            base.patch(self.dim)
        }
    }
}

/// `rgb` (0xRRGGBB) as the terminal shows it.
fn colour(rgb: u32, depth: Colours) -> Color {
    let [_, r, g, b] = rgb.to_be_bytes();
    match depth {
        Colours::TrueColor => Color::Rgb(r, g, b),
        _ => Color::Indexed(xterm256(r, g, b)),
    }
}

/// The nearest colour of the xterm palette's 6x6x6 cube and grey ramp (16 to 255; the
/// first 16 are left out, since every terminal redefines them). A tinted colour keeps
/// its tint: a grey is taken only for a colour near grey, or sepia's cream turns grey.
pub fn xterm256(r: u8, g: u8, b: u8) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let nearest_level = |v: u8| {
        (0u8..6)
            .min_by_key(|&i| LEVELS[usize::from(i)].abs_diff(v))
            .unwrap_or(0)
    };
    let distance = |(x, y, z): (u8, u8, u8)| {
        let d = |a: u8, b: u8| u32::from(a.abs_diff(b)).pow(2);
        d(x, r) + d(y, g) + d(z, b)
    };
    let (ri, gi, bi) = (nearest_level(r), nearest_level(g), nearest_level(b));
    let cube = (
        LEVELS[usize::from(ri)],
        LEVELS[usize::from(gi)],
        LEVELS[usize::from(bi)],
    );
    let cube_index = 16 + 36 * ri + 6 * gi + bi; // at most 231
                                                 // Greys: 8, 18, ..., 238.
    let mean = (u32::from(r) + u32::from(g) + u32::from(b)) / 3;
    let step = (mean.saturating_sub(3) / 10).min(23) as u8;
    let grey = 8 + 10 * step;
    let tint = r.max(g).max(b) - r.min(g).min(b);
    if tint <= 16 && distance((grey, grey, grey)) < distance(cube) {
        232 + step
    } else {
        cube_index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_256_colour_palette_is_matched_by_nearness() {
        assert_eq!(xterm256(0, 0, 0), 16);
        assert_eq!(xterm256(255, 255, 255), 231);
        assert_eq!(xterm256(255, 0, 0), 196);
        assert_eq!(xterm256(0x80, 0x80, 0x80), 244);
        assert_eq!(xterm256(0xff, 0xff, 0x00), 226);
        // Sepia's page: a warm off-white, not a grey.
        assert_eq!(xterm256(0xf4, 0xec, 0xd8), 230);
    }

    #[test]
    fn no_colours_keeps_the_attributes() {
        for theme in ThemeName::ALL {
            let t = Theme::new(Look {
                theme,
                colours: Colours::None,
            });
            assert_eq!(t, Theme::plain());
        }
        let plain = Theme::plain();
        assert!(plain.hit.add_modifier.contains(Modifier::REVERSED));
        assert!(plain.status.add_modifier.contains(Modifier::REVERSED));
        assert!(plain.heading.add_modifier.contains(Modifier::BOLD));
        assert!(plain
            .other_match
            .add_modifier
            .contains(Modifier::UNDERLINED));
    }

    /// The 256-colour palette's colour nearest to `rgb`, as 0xRRGGBB.
    fn xterm256_rgb(rgb: u32) -> u32 {
        let [_, r, g, b] = rgb.to_be_bytes();
        let i = xterm256(r, g, b);
        let level = |n: u8| [0u8, 95, 135, 175, 215, 255][usize::from(n)];
        let (r, g, b) = if i >= 232 {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        } else {
            let n = i - 16;
            (level(n / 36), level(n / 6 % 6), level(n % 6))
        };
        u32::from_be_bytes([0, r, g, b])
    }

    #[test]
    fn every_coloured_theme_reads_with_enough_contrast() {
        // WCAG's contrast ratio: 4.5 for text, on the page, the status bar, a match and
        // a selected row.
        fn luminance(rgb: u32) -> f64 {
            let [_, r, g, b] = rgb.to_be_bytes();
            let lin = |c: u8| {
                let c = f64::from(c) / 255.0;
                if c <= 0.03928 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
        }
        fn ratio(a: u32, b: u32) -> f64 {
            let (x, y) = (luminance(a), luminance(b));
            (x.max(y) + 0.05) / (x.min(y) + 0.05)
        }
        for (name, p) in [
            ("light", &LIGHT),
            ("dark", &DARK),
            ("sepia", &SEPIA),
            ("high-contrast", &HIGH_CONTRAST),
        ] {
            for (what, fg, bg) in [
                ("text", p.fg, p.bg),
                ("heading", p.heading, p.bg),
                ("status", p.status_fg, p.status_bg),
                ("match", p.hit_fg, p.hit_bg),
                ("other match", p.other, p.bg),
                ("selected", p.selected_fg, p.selected_bg),
                ("overlay", p.fg, p.overlay_bg),
                ("dim", p.dim, p.bg),
            ] {
                let r = ratio(fg, bg);
                assert!(r >= 4.5, "{name}: {what} {r:.2}");
                // And as the nearest colours of the 256-colour palette.
                let r = ratio(xterm256_rgb(fg), xterm256_rgb(bg));
                assert!(r >= 4.5, "{name} in 256 colours: {what} {r:.2}");
            }
        }
    }
}
