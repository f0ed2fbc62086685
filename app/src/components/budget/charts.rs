//! The budget explorer's smaller charts, drawn as SVG by Yew (which escapes all text):
//! the evolution of the key indicators over the years available, with the M14 → M57
//! change marked, and "what 100 € of spending funds".

use briques_core::chart::layout::nice_bounds;
use briques_core::i18n::shorten;
use yew::prelude::*;

use super::PALETTE;

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
}

/// A line chart of the indicators over the years.
#[function_component]
pub fn Evolution(props: &EvolutionProps) -> Html {
    let legend_rows = props.series.len() as f64;
    let (w, left, right, top) = (800.0, 110.0, 20.0, 20.0);
    let bottom = 40.0 + 24.0 * legend_rows;
    let h = 290.0 + bottom;
    let n = props.years.len().max(1);
    let values = || props.series.iter().flat_map(|s| s.values.iter().copied());
    let high = values().fold(0.0_f64, f64::max);
    let low = values().fold(0.0_f64, f64::min);
    let (min, max, step) = nice_bounds(low, high, 4, 1.0);
    let x = |i: usize| {
        if n == 1 {
            left + (w - left - right) / 2.0
        } else {
            left + (w - left - right) * i as f64 / (n - 1) as f64
        }
    };
    let y = |v: f64| top + (h - top - bottom) * (1.0 - (v - min) / (max - min));
    let count = ((max - min) / step).round() as i32;
    let ticks = (0..=count).map(|k| min + step * f64::from(k));
    html! {
        <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={props.label.clone()}
            font-family="system-ui, sans-serif" font-size="13">
            <rect x="0" y="0" width={w.to_string()} height={h.to_string()} fill="#ffffff" />
            { for ticks.map(|v| html! {
                <g>
                    <line x1={left.to_string()} x2={(w - right).to_string()} y1={format!("{:.1}", y(v))}
                        y2={format!("{:.1}", y(v))} stroke="#d0d0d0" />
                    <text x={(left - 8.0).to_string()} y={format!("{:.1}", y(v) + 4.0)} text-anchor="end"
                        fill="#1b1b1f">{ props.format.emit(v) }</text>
                </g>
            }) }
            { for props.years.iter().enumerate().map(|(i, year)| html! {
                <text x={format!("{:.1}", x(i))} y={(h - bottom + 20.0).to_string()} text-anchor="middle"
                    fill="#1b1b1f">{ year }</text>
            }) }
            if let Some(at) = props.change_at.filter(|at| *at > 0 && *at < n) {
                <g>
                    <line x1={format!("{:.1}", (x(at - 1) + x(at)) / 2.0)} x2={format!("{:.1}", (x(at - 1) + x(at)) / 2.0)}
                        y1={top.to_string()} y2={(h - bottom).to_string()} stroke="#1b1b1f" stroke-dasharray="6 4" />
                    <text x={format!("{:.1}", (x(at - 1) + x(at)) / 2.0 + 6.0)} y={(top + 14.0).to_string()}
                        fill="#1b1b1f">{ props.change_label.clone() }</text>
                </g>
            }
            { for props.series.iter().enumerate().map(|(k, series)| {
                let (colour, _) = PALETTE[k % PALETTE.len()];
                let points: Vec<String> = series.values.iter().enumerate()
                    .map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v))).collect();
                let ly = h - bottom + 44.0 + 24.0 * k as f64;
                html! {
                    <g>
                        <polyline points={points.join(" ")} fill="none" stroke={colour} stroke-width="3" />
                        { for series.values.iter().enumerate().map(|(i, v)| html! {
                            <circle cx={format!("{:.1}", x(i))} cy={format!("{:.1}", y(*v))} r="4" fill={colour} />
                        }) }
                        <rect x={left.to_string()} y={(ly - 11.0).to_string()} width="14" height="14" fill={colour} />
                        <text x={(left + 20.0).to_string()} y={(ly + 1.0).to_string()} fill="#1b1b1f">
                            { shorten(&series.label, 80) }</text>
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
}

/// Horizontal bars: what 100 € of spending funds.
#[function_component]
pub fn HundredEuros(props: &HundredProps) -> Html {
    let row = 34.0;
    let (w, left) = (800.0, 300.0);
    let h = row * props.shares.len().max(1) as f64 + 10.0;
    let max = props.shares.iter().map(|(_, v)| *v).fold(1.0_f64, f64::max);
    html! {
        <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={props.label.clone()}
            font-family="system-ui, sans-serif" font-size="14">
            <rect x="0" y="0" width={w.to_string()} height={h.to_string()} fill="#ffffff" />
            { for props.shares.iter().enumerate().map(|(i, (label, value))| {
                let y = 5.0 + row * i as f64;
                let bar = (w - left - 90.0) * value / max;
                html! {
                    <g>
                        <text x={(left - 10.0).to_string()} y={(y + 21.0).to_string()} text-anchor="end"
                            fill="#1b1b1f">{ shorten(label, 38) }</text>
                        <rect x={left.to_string()} y={(y + 4.0).to_string()} width={format!("{bar:.1}")} height="24"
                            fill={PALETTE[0].0} />
                        <text x={format!("{:.1}", left + bar + 8.0)} y={(y + 21.0).to_string()} fill="#1b1b1f">
                            { props.format.emit(*value) }</text>
                    </g>
                }
            }) }
        </svg>
    }
}
