//! The budget explorer's smaller charts, drawn as SVG by Yew (which escapes all text):
//! the evolution of the key indicators over the years available, with the M14 → M57
//! change marked, and "what 100 € of spending funds". Every budget chart is drawn for
//! the width it is shown at (the page's, measured by the page): one unit of the drawing
//! is one pixel, so text keeps its size (14 pixels) on a phone instead of shrinking with
//! the drawing.

use briques_core::chart::layout::nice_bounds;
use briques_core::i18n::shorten;
use yew::prelude::*;

use super::PALETTE;

/// Average width of a character of 14-pixel text, to fit labels (digits are narrower).
const CHAR: f64 = 7.8;

/// One series of the evolution chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Legend.
    pub label: String,
    /// One value per year.
    pub values: Vec<f64>,
}

/// Props of [`Evolution`].
#[derive(Properties, PartialEq)]
pub struct EvolutionProps {
    /// The years, oldest first.
    pub years: Vec<i32>,
    /// The series.
    pub series: Vec<Series>,
    /// Index of the first year in M57 when the nomenclature changes within the years.
    pub change_at: Option<usize>,
    /// Label of the change mark.
    pub change_label: AttrValue,
    /// Accessible name of the drawing.
    pub label: AttrValue,
    /// Formats an axis value.
    pub format: Callback<f64, String>,
    /// The width the charts are drawn at, in CSS pixels (the page's).
    pub width: f64,
}

/// A line chart of the indicators over the years.
#[function_component]
pub fn Evolution(props: &EvolutionProps) -> Html {
    let w = props.width.max(240.0);
    let n = props.years.len().max(1);
    let values = || props.series.iter().flat_map(|s| s.values.iter().copied());
    let high = values().fold(0.0_f64, f64::max);
    let low = values().fold(0.0_f64, f64::min);
    let (min, max, step) = nice_bounds(low, high, 4, 1.0);
    let count = ((max - min) / step).round() as i32;
    let ticks: Vec<(f64, String)> = (0..=count)
        .map(|k| min + step * f64::from(k))
        .map(|v| (v, props.format.emit(v)))
        .collect();
    // Room on the left for the longest axis label, unit included.
    let widest = ticks.iter().map(|(_, t)| t.chars().count()).max().unwrap_or(0);
    let (left, right, top) = (widest as f64 * CHAR + 14.0, 24.0, 24.0);
    // On a narrow chart the legend starts at the edge and each label gets what is left.
    let legend_x = if w < 560.0 { 8.0 } else { left };
    let legend_chars = ((w - legend_x - 30.0) / CHAR).floor().max(8.0) as usize;
    let legend_rows = props.series.len() as f64;
    let bottom = 44.0 + 26.0 * legend_rows;
    let h = (w * 0.45).clamp(220.0, 290.0) + bottom;
    let x = |i: usize| {
        if n == 1 {
            left + (w - left - right) / 2.0
        } else {
            left + (w - left - right) * i as f64 / (n - 1) as f64
        }
    };
    let y = |v: f64| top + (h - top - bottom) * (1.0 - (v - min) / (max - min));
    // Where the nomenclature changes; its label stays inside the drawing (on the left of
    // the line past the middle).
    let mark = props
        .change_at
        .filter(|at| *at > 0 && *at < n)
        .map(|at| (x(at - 1) + x(at)) / 2.0);
    // Years are skipped when they would touch (about 5 characters each).
    let every = ((5.0 * CHAR + 8.0) / ((w - left - right) / n.max(2) as f64 - 1.0).max(1.0))
        .ceil()
        .max(1.0) as usize;
    html! {
        <svg viewBox={format!("0 0 {w:.0} {h:.0}")} role="img" aria-label={props.label.clone()}
            font-family="system-ui, sans-serif" font-size="14">
            <rect x="0" y="0" width={format!("{w:.0}")} height={format!("{h:.0}")} fill="#ffffff" />
            { for ticks.iter().map(|(v, text)| html! {
                <g>
                    <line x1={format!("{left:.1}")} x2={format!("{:.1}", w - right)} y1={format!("{:.1}", y(*v))}
                        y2={format!("{:.1}", y(*v))} stroke="#d0d0d0" />
                    <text x={format!("{:.1}", left - 8.0)} y={format!("{:.1}", y(*v) + 5.0)} text-anchor="end"
                        fill="#1b1b1f">{ text.clone() }</text>
                </g>
            }) }
            { for props.years.iter().enumerate().filter(|(i, _)| i % every == 0 || *i + 1 == n).map(|(i, year)| html! {
                <text x={format!("{:.1}", x(i))} y={(h - bottom + 22.0).to_string()} text-anchor="middle"
                    fill="#1b1b1f">{ year }</text>
            }) }
            if let Some(mx) = mark {
                <g>
                    <line x1={format!("{mx:.1}")} x2={format!("{mx:.1}")} y1={top.to_string()}
                        y2={(h - bottom).to_string()} stroke="#1b1b1f" stroke-dasharray="6 4" />
                    <text x={format!("{:.1}", if mx > w / 2.0 { mx - 6.0 } else { mx + 6.0 })} y={(top - 6.0).to_string()}
                        text-anchor={if mx > w / 2.0 { "end" } else { "start" }} fill="#1b1b1f">
                        { props.change_label.clone() }</text>
                </g>
            }
            { for props.series.iter().enumerate().map(|(k, series)| {
                let (colour, _) = PALETTE[k % PALETTE.len()];
                let points: Vec<String> = series.values.iter().enumerate()
                    .map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v))).collect();
                let ly = h - bottom + 48.0 + 26.0 * k as f64;
                html! {
                    <g>
                        <polyline points={points.join(" ")} fill="none" stroke={colour} stroke-width="3" />
                        { for series.values.iter().enumerate().map(|(i, v)| html! {
                            <circle cx={format!("{:.1}", x(i))} cy={format!("{:.1}", y(*v))} r="4" fill={colour} />
                        }) }
                        <rect x={legend_x.to_string()} y={(ly - 12.0).to_string()} width="14" height="14" fill={colour} />
                        <text x={(legend_x + 20.0).to_string()} y={(ly + 1.0).to_string()} fill="#1b1b1f">
                            { shorten(&series.label, legend_chars) }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

/// Props of [`HundredEuros`].
#[derive(Properties, PartialEq)]
pub struct HundredProps {
    /// Category label and euros out of 100, largest first.
    pub shares: Vec<(String, f64)>,
    /// Accessible name of the drawing.
    pub label: AttrValue,
    /// Formats a share in euros.
    pub format: Callback<f64, String>,
    /// The width the charts are drawn at, in CSS pixels (the page's).
    pub width: f64,
}

/// Horizontal bars: what 100 € of spending funds.
#[function_component]
pub fn HundredEuros(props: &HundredProps) -> Html {
    let w = props.width.max(240.0);
    let values: Vec<String> = props.shares.iter().map(|(_, v)| props.format.emit(*v)).collect();
    // Room on the right for the longest value, unit included: never cut.
    let value_w = values.iter().map(|v| v.chars().count()).max().unwrap_or(0) as f64 * CHAR + 16.0;
    // Wide: labels on the left of the bars; narrow: each label above its bar.
    let stacked = w < 560.0;
    let (left, row, bar_y, text_y) = if stacked {
        (0.0, 56.0, 26.0, 18.0)
    } else {
        ((w * 0.38).min(300.0), 34.0, 4.0, 21.0)
    };
    let label_chars = if stacked {
        (w / CHAR) as usize
    } else {
        ((left - 10.0) / CHAR) as usize
    };
    let h = row * props.shares.len().max(1) as f64 + 10.0;
    let max = props.shares.iter().map(|(_, v)| *v).fold(1.0_f64, f64::max);
    html! {
        <svg viewBox={format!("0 0 {w:.0} {h:.0}")} role="img" aria-label={props.label.clone()}
            font-family="system-ui, sans-serif" font-size="14">
            <rect x="0" y="0" width={format!("{w:.0}")} height={format!("{h:.0}")} fill="#ffffff" />
            { for props.shares.iter().zip(values).enumerate().map(|(i, ((label, value), shown))| {
                let y = 5.0 + row * i as f64;
                let bar = ((w - left - value_w) * value / max).max(0.0);
                html! {
                    <g>
                        <text x={if stacked { "0".to_owned() } else { (left - 10.0).to_string() }}
                            y={(y + text_y).to_string()} text-anchor={if stacked { "start" } else { "end" }}
                            fill="#1b1b1f">{ shorten(label, label_chars) }</text>
                        <rect x={left.to_string()} y={(y + bar_y).to_string()} width={format!("{bar:.1}")} height="24"
                            fill={PALETTE[0].0} />
                        <text x={format!("{:.1}", left + bar + 8.0)} y={(y + bar_y + 17.0).to_string()} fill="#1b1b1f">
                            { shown }</text>
                    </g>
                }
            }) }
        </svg>
    }
}
