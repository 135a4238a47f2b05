//! The reading statistics screen (`s`), and the time left in the status bar.

use super::lists::frame;
use super::theme::Theme;
use crate::reading::Summary;
use crate::sanitise;
use crate::saturating::u16_from;
use crate::text_width::str_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Paragraph, Widget};

/// The statistics over the page: the minutes read on each of the last weeks as a bar
/// chart, then the totals and this book's sessions.
pub fn stats(summary: &Summary, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines: Vec<Line> = summary
        .lines()
        .iter()
        .map(|l| Line::from(format!(" {}", sanitise::line(l))))
        .collect();
    let inner = frame(
        area,
        (74, area.height),
        "reading statistics (Esc closes)",
        buf,
        theme,
    );
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let days = u16_from(summary.days.len());
    // The chart takes what the lines leave, at least 3 rows (with the dates under it).
    let chart_rows = inner
        .height
        .saturating_sub(u16_from(lines.len()).saturating_add(2))
        .clamp(3.min(inner.height), 10);
    let gap = u16::from(inner.width > days * 2);
    let bar_width = ((inner.width.saturating_sub(2) + gap) / days.max(1))
        .saturating_sub(gap)
        .max(1);
    let bars: Vec<Bar> = summary
        .days
        .iter()
        .map(|d| Bar::new(d.minutes).text_value(String::new()))
        .collect();
    let chart = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        height: chart_rows.saturating_sub(1),
        ..inner
    };
    BarChart::new(bars)
        .bar_width(bar_width)
        .bar_gap(gap)
        .bar_style(theme.chart)
        .render(chart, buf);
    // Dates under the chart: the first day at the left, today at the right.
    if let (Some(first), Some(_)) = (summary.days.first(), summary.days.last()) {
        let used = (days * (bar_width + gap)).saturating_sub(gap);
        let under = format!("{}  minutes a day", first.date);
        let today = "today";
        let y = chart.y + chart.height;
        if y < inner.y + inner.height {
            buf.set_stringn(chart.x, y, &under, usize::from(chart.width), Style::new());
            let right = chart.x + used.min(chart.width).saturating_sub(u16_from(today.len()));
            if usize::from(right - chart.x) > str_width(&under) {
                buf.set_string(right, y, today, Style::new());
            }
        }
    }
    let text = Rect {
        y: inner.y + chart_rows + 1,
        height: inner.height.saturating_sub(chart_rows + 1),
        ..inner
    };
    Paragraph::new(lines).render(text, buf);
}
