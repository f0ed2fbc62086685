//! The one drawing module: a [`ChartSpec`] and its [`ChartData`] drawn with plotters.
//! [`render_svg`] is what the app shows and the command line writes; the drawing is
//! generic over plotters' backends so that a native caller may draw on a bitmap too.
//! All text goes through plotters, whose SVG backend escapes it.
//!
//! Legends sit in a band above the plot, never over the data; the second axis of the
//! dual-axes lesson is drawn here rather than by plotters, whose secondary axes would
//! repeat the first axis' numbers on the right. Years read as years (`2012`), whole
//! numbers without decimals, dates in words (`janv. 2023`).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::dataset::values::{date_text, parse_date, DateForm};
use crate::dataset::{ColumnKind, Dataset, NumberStyle};
use crate::i18n::{format_number, format_percent, shorten, tr, tr_args, Lang};

use super::data::{compute, measure_label, ChartData};
use super::lessons::truncated_start;
use super::{ChartError, ChartKind, ChartSpec, Distortion};

/// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0xe6, 0x9f, 0x00),
    RGBColor(0x00, 0x9e, 0x73),
    RGBColor(0xd5, 0x5e, 0x00),
    RGBColor(0x56, 0xb4, 0xe9),
    RGBColor(0xcc, 0x79, 0xa7),
    RGBColor(0xf0, 0xe4, 0x42),
    RGBColor(0x00, 0x00, 0x00),
];

const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const MUTED: RGBColor = RGBColor(0x4d, 0x4d, 0x4d);
const GRID: RGBColor = RGBColor(0xe0, 0xe0, 0xe0);
const FONT: &str = "sans-serif";
/// Room for the numbers and the title of a vertical axis, in pixels.
const Y_LABELS: u32 = 78;

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;
type Area<DB> = DrawingArea<DB, Shift>;

/// The horizontal axis' title: the one written, or the column's name.
fn x_title(spec: &ChartSpec) -> String {
    spec.axis
        .x_label
        .clone()
        .or_else(|| spec.x.clone())
        .unwrap_or_default()
}

/// The vertical axis' title: the one written, or what the bars or lines measure (an
/// index when each series is divided by its first value).
fn y_title(spec: &ChartSpec, lang: Lang) -> String {
    match &spec.axis.y_label {
        Some(label) => label.clone(),
        None if spec.axis.index_base_100 => tr(lang, "chart-index"),
        None => measure_label(spec, lang),
    }
}

/// The legend of a chart with several series, in a band of its own above the plot (so
/// that it never hides data), its entries side by side and wrapping to further rows:
/// a colour sample (a bar, or a line's stroke when `line`) and the series' name.
/// Returns the area left for the plot.
fn legend<DB: DrawingBackend>(
    area: &Area<DB>,
    names: &[&str],
    line: bool,
) -> Result<Area<DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    if names.len() < 2 {
        return Ok(area.clone());
    }
    let style = text_style(13, &INK).pos(Pos::new(HPos::Left, VPos::Center));
    let width = area.dim_in_pixel().0 as i32 - 14;
    let half = if line { 2 } else { 6 };
    let (mut x, mut y) = (14, 12);
    for (i, name) in names.iter().enumerate() {
        let name = shorten(name, 40);
        let room = 22 + text_width(&name, 13);
        if x > 14 && x + room > width {
            (x, y) = (14, y + 20);
        }
        area.draw(&Rectangle::new(
            [(x, y - half), (x + 14, y + half)],
            colour(i).filled(),
        ))?;
        area.draw_text(&name, &style, (x + 22, y))?;
        x += room + 18;
    }
    // However many rows, the plot keeps at least half the height.
    let height = area.dim_in_pixel().1;
    Ok(area.split_vertically((y as u32 + 14).min(height / 2)).1)
}

/// About how wide a text is, in pixels: plotters would measure it in the browser with
/// an element styled by a `style` attribute, which the Content-Security-Policy blocks
/// (the element then spans the page), so Briques never asks plotters to measure.
fn text_width(text: &str, size: u32) -> i32 {
    (text.chars().count() as u32 * size * 3 / 5) as i32
}

fn colour(i: usize) -> RGBColor {
    PALETTE.get(i % PALETTE.len()).copied().unwrap_or(INK)
}

fn text_style(size: u32, colour: &'static RGBColor) -> TextStyle<'static> {
    TextStyle::from((FONT, size).into_font()).color(colour)
}

/// How the numbers of a value axis read: without decimals when every value drawn is
/// whole (then at most one label per unit, so that no label falls between two whole
/// numbers), otherwise with the decimals the range needs. Gives the number of labels
/// and the decimals.
fn value_labels(values: &[f64], lo: f64, hi: f64) -> (usize, usize) {
    let whole = values.iter().all(|v| v.fract() == 0.0);
    (
        labels(whole, lo, hi, 10),
        if whole { 0 } else { decimals_for(lo, hi) },
    )
}

/// At most `wanted` labels on an axis from `lo` to `hi`, and no more than one per unit
/// when it holds whole numbers (years).
fn labels(whole: bool, lo: f64, hi: f64, wanted: usize) -> usize {
    if whole {
        ((hi - lo).clamp(0.0, wanted as f64) as usize + 1).clamp(2, wanted)
    } else {
        wanted
    }
}

/// Draws `spec` from `ds` as an SVG document.
pub fn render_svg(spec: &ChartSpec, ds: &Dataset, lang: Lang) -> Result<String, ChartError> {
    let data = compute(spec, ds, lang)?;
    render_data_svg(spec, &data, lang)
}

/// Draws already computed data as an SVG document.
pub fn render_data_svg(spec: &ChartSpec, data: &ChartData, lang: Lang) -> Result<String, ChartError> {
    render_data_svg_titled(spec, data, lang, &title(spec, lang))
}

/// Draws already computed data as an SVG document under `title`, which replaces the
/// chart's own: in a live vote the room must not read which chart is the misleading one
/// (the step's answer key says it, once revealed).
pub fn render_data_svg_titled(
    spec: &ChartSpec,
    data: &ChartData,
    lang: Lang,
    title: &str,
) -> Result<String, ChartError> {
    let size = (spec.width.clamp(240, 4000), spec.height.clamp(180, 4000));
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw_titled(&root, spec, data, lang, title).map_err(|e| ChartError::Draw(e.to_string()))?;
        root.present().map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    Ok(out)
}

/// The title drawn: a misleading chart says so in its own title, so that it cannot be
/// taken for an honest one once exported.
pub fn title(spec: &ChartSpec, lang: Lang) -> String {
    match (spec.distortion.is_some(), spec.title.is_empty()) {
        (false, _) => spec.title.clone(),
        (true, true) => tr(lang, "chart-misleading"),
        (true, false) => tr_args(
            lang,
            "chart-misleading-title",
            &[("title", spec.title.as_str().into())],
        ),
    }
}

/// Category labels as drawn: dates in words (`janv. 2023` when all are firsts of
/// months), the rest as they are.
fn display_labels(labels: &[String], kind: ColumnKind, lang: Lang) -> Vec<String> {
    if !kind.is_temporal() {
        return labels.to_vec();
    }
    let dates: Vec<Option<i64>> = labels.iter().map(|l| parse_date(l).map(|d| d.0)).collect();
    let form = DateForm::of(
        dates.iter().flatten().map(|t| *t as f64),
        kind == ColumnKind::DateTime,
    );
    labels
        .iter()
        .zip(dates)
        .map(|(label, date)| date.map_or_else(|| label.clone(), |t| date_text(lang, t, form)))
        .collect()
}

/// Draws on any plotters drawing area (SVG, bitmap).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    data: &ChartData,
    lang: Lang,
) -> DrawResult<DB> {
    draw_titled(root, spec, data, lang, &title(spec, lang))
}

fn draw_titled<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    data: &ChartData,
    lang: Lang,
    title: &str,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let mut area = root.clone();
    if !title.is_empty() {
        let (top, rest) = area.split_vertically(36);
        top.draw_text(
            title,
            &TextStyle::from((FONT, 22).into_font().style(FontStyle::Bold)).color(&INK),
            (14, 10),
        )?;
        area = rest;
    }
    if !spec.subtitle.is_empty() {
        let (top, rest) = area.split_vertically(24);
        top.draw_text(&spec.subtitle, &text_style(15, &MUTED), (14, 2))?;
        area = rest;
    }
    let caption = match (spec.source.is_empty(), spec.licence.is_empty()) {
        (true, true) => String::new(),
        (false, true) => spec.source.clone(),
        (true, false) => spec.licence.clone(),
        (false, false) => format!("{} · {}", spec.source, spec.licence),
    };
    if !caption.is_empty() {
        let height = area.dim_in_pixel().1;
        let (rest, bottom) = area.split_vertically(height.saturating_sub(24));
        bottom.draw_text(&caption, &text_style(13, &MUTED), (14, 4))?;
        area = rest;
    }
    match data {
        ChartData::Categories {
            labels,
            series,
            x_kind,
        } => {
            let labels = display_labels(labels, *x_kind, lang);
            match spec.kind {
                ChartKind::Pie | ChartKind::Donut => pie(&area, spec, &labels, series, lang),
                ChartKind::Treemap => treemap(&area, &labels, series, lang),
                ChartKind::Line => {
                    let lines: Vec<(String, Vec<(f64, f64)>)> = series
                        .iter()
                        .map(|s| {
                            let points = s
                                .values
                                .iter()
                                .enumerate()
                                .filter_map(|(i, v)| Some((i as f64, (*v)?)))
                                .collect();
                            (s.name.clone(), points)
                        })
                        .collect();
                    let n = labels.len();
                    let x_range = (-0.3, n.saturating_sub(1) as f64 + 0.3);
                    let step = n.div_ceil(12).max(1);
                    let ticks: Vec<f64> = (0..n).step_by(step).map(|i| i as f64).collect();
                    let max_chars = label_room(&area, ticks.len());
                    let format_x = |v: f64| category_label(&labels, v, max_chars, 1);
                    lines_chart(&area, spec, &lines, x_range, &ticks, &format_x, lang)
                }
                _ => bars(&area, spec, &labels, series, lang),
            }
        }
        ChartData::Points {
            x_kind,
            x_style,
            series,
        } => {
            let all_x = series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
            let (lo, hi) = bounds(all_x).unwrap_or((0.0, 1.0));
            let pad = if hi > lo { (hi - lo) * 0.03 } else { 1.0 };
            let (kind, style) = (*x_kind, *x_style);
            let ticks = if kind.is_temporal() {
                date_ticks(lo, hi)
            } else {
                super::layout::ticks(lo, hi, 6)
                    .into_iter()
                    .filter(|t| style == NumberStyle::Decimal || t.fract() == 0.0)
                    .collect()
            };
            let form = if spec.kind == ChartKind::Scatter {
                DateForm::Day
            } else {
                DateForm::of(ticks.iter().copied(), kind == ColumnKind::DateTime)
            };
            let format_x = move |v: f64| match kind {
                ColumnKind::Date | ColumnKind::DateTime => date_text(lang, v as i64, form),
                _ => style.format(lang, v, decimals_for(lo, hi)),
            };
            if spec.kind == ChartKind::Scatter {
                scatter(&area, spec, data, (lo - pad, hi + pad), &format_x, lang)
            } else {
                let lines: Vec<(String, Vec<(f64, f64)>)> = series
                    .iter()
                    .map(|s| (s.name.clone(), s.points.clone()))
                    .collect();
                lines_chart(&area, spec, &lines, (lo - pad, hi + pad), &ticks, &format_x, lang)
            }
        }
        ChartData::Bins {
            edges,
            counts,
            x_style,
        } => histogram(&area, spec, edges, counts, *x_style, lang),
    }
}

/// Characters of a category label that fit under its bar (about 7 pixels each).
fn label_room<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, n: usize) -> usize {
    let width = area.dim_in_pixel().0.saturating_sub(120) as usize;
    (width / n.max(1) / 7).clamp(3, 30)
}

/// Ticks at the first of months (every 1, 2, 3, 6 or 12 months, or years), or at midnight
/// of days, or at round hours, at most about ten; values are seconds since 1970.
fn date_ticks(lo: f64, hi: f64) -> Vec<f64> {
    use crate::dataset::values::{civil_from_days, days_from_civil};
    const DAY: f64 = 86_400.0;
    let span_days = (hi - lo) / DAY;
    if !span_days.is_finite() || span_days <= 0.0 {
        return vec![lo];
    }
    if span_days >= 60.0 {
        let months = (span_days / 30.4).ceil() as i64;
        let step = [1, 2, 3, 6, 12, 24, 60, 120, 600]
            .into_iter()
            .find(|s| months / s <= 10)
            .unwrap_or(1200);
        let (y, m, _) = civil_from_days((lo / DAY).floor() as i64);
        let mut index = y * 12 + i64::from(m) - 1;
        let mut ticks = Vec::new();
        while ticks.len() < 40 {
            if index.rem_euclid(step) == 0 {
                let month = (index.rem_euclid(12) + 1) as u32;
                let Some(day) = days_from_civil(index.div_euclid(12), month, 1) else {
                    break;
                };
                let t = day as f64 * DAY;
                if t > hi {
                    break;
                }
                if t >= lo {
                    ticks.push(t);
                }
            }
            index += 1;
        }
        return ticks;
    }
    let unit = if span_days >= 2.0 { DAY } else { 3600.0 };
    let count = (hi - lo) / unit;
    let step = [1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 48.0]
        .into_iter()
        .find(|s| count / s <= 10.0)
        .unwrap_or(96.0)
        * unit;
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).take(40).map(|k| k as f64 * step).collect()
}

fn bounds(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

fn decimals_for(lo: f64, hi: f64) -> usize {
    if (hi - lo).abs() >= 20.0 {
        0
    } else if (hi - lo).abs() >= 2.0 {
        1
    } else {
        2
    }
}

/// The label of the category at `v`: every `every`-th one (so that long labels, such as
/// months, need not be cut to a few letters), shortened to `max_chars`.
fn category_label(labels: &[String], v: f64, max_chars: usize, every: usize) -> String {
    let i = v.round();
    if (v - i).abs() > 0.01 || i < 0.0 || (i as usize) % every.max(1) != 0 {
        return String::new();
    }
    labels
        .get(i as usize)
        .map(|l| shorten(l, max_chars))
        .unwrap_or_default()
}

/// The value axis: from zero unless the spec says otherwise; the truncated-axis lesson
/// starts it where it exaggerates ([`truncated_start`]).
fn value_range(spec: &ChartSpec, values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (min, max) = bounds(values).unwrap_or((0.0, 1.0));
    let span = if max > min { max - min } else { max.abs().max(1.0) };
    let truncated = (spec.distortion == Some(Distortion::TruncatedAxis))
        .then(|| truncated_start(min, max))
        .flatten();
    let (mut lo, mut hi) = if let Some(start) = truncated {
        (start, max + span * 0.04)
    } else if spec.axis.y_from_zero {
        (min.min(0.0), max.max(0.0) + span * 0.06)
    } else {
        (min - span * 0.06, max + span * 0.06)
    };
    if let Some(y) = spec.axis.y_min {
        lo = y;
    }
    if let Some(y) = spec.axis.y_max {
        hi = y;
    }
    if hi <= lo {
        hi = lo + 1.0;
    }
    (lo, hi)
}

fn bars<DB: DrawingBackend>(
    area: &Area<DB>,
    spec: &ChartSpec,
    labels: &[String],
    series: &[super::data::Series],
    lang: Lang,
) -> DrawResult<DB> {
    let n = labels.len().max(1);
    let stacked = spec.kind == ChartKind::StackedBar && series.len() > 1;
    let grouped = spec.kind == ChartKind::GroupedBar && series.len() > 1;
    let totals: Vec<f64> = if stacked {
        (0..n)
            .map(|i| {
                series
                    .iter()
                    .filter_map(|s| s.values.get(i).copied().flatten())
                    .sum()
            })
            .collect()
    } else {
        series
            .iter()
            .flat_map(|s| s.values.iter().flatten().copied())
            .collect()
    };
    let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
    let area = legend(area, &names, false)?;
    let (lo, hi) = value_range(spec, totals.iter().copied());
    let (y_labels, decimals) = value_labels(&totals, lo, hi);
    // Labels too long for their bar are shown whole under every k-th bar (about 7
    // pixels a character).
    let per_bar = (area.dim_in_pixel().0.saturating_sub(120) as usize / n).max(1);
    let longest = labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(1)
        .min(30);
    let every = (longest * 7 + 8).div_ceil(per_bar).max(1);
    let max_chars = (per_bar * every / 7).clamp(3, 30);
    let mut chart = ChartBuilder::on(&area)
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(Y_LABELS)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), lo..hi)?;
    let (x_desc, y_desc) = (x_title(spec), y_title(spec, lang));
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .x_labels(n.min(60))
        .x_label_formatter(&|v| category_label(labels, *v, max_chars, every))
        .x_label_style(text_style(12, &INK))
        .y_labels(y_labels)
        .y_label_style(text_style(12, &INK))
        .y_label_formatter(&|v| format_number(lang, *v, decimals))
        .x_desc(x_desc)
        .y_desc(y_desc)
        .axis_desc_style(text_style(14, &INK))
        .draw()?;
    let base = 0.0f64.clamp(lo, hi);
    let k = series.len().max(1) as f64;
    let mut stack_top = vec![base; n];
    for (si, s) in series.iter().enumerate() {
        let fill = colour(si).filled();
        let mut rects = Vec::new();
        for (i, v) in s.values.iter().enumerate() {
            let Some(v) = *v else { continue };
            let centre = i as f64;
            let (x0, x1, y0, y1) = if stacked {
                let bottom = stack_top.get(i).copied().unwrap_or(base);
                if let Some(t) = stack_top.get_mut(i) {
                    *t = bottom + v;
                }
                (centre - 0.38, centre + 0.38, bottom, bottom + v)
            } else if grouped {
                let width = 0.8 / k;
                let x0 = centre - 0.4 + width * si as f64;
                (x0, x0 + width * 0.92, base, v)
            } else {
                (centre - 0.38, centre + 0.38, base, v)
            };
            rects.push(Rectangle::new(
                [(x0, y0.clamp(lo, hi)), (x1, y1.clamp(lo, hi))],
                fill,
            ));
        }
        chart.draw_series(rects)?;
    }
    Ok(())
}

/// Lines over categories, numbers or time. In the dual-axes lesson the second series
/// gets its own scale, read on an axis drawn at the right (ticks, numbers and title, each
/// once), and is drawn in the first axis' coordinates.
fn lines_chart<DB: DrawingBackend>(
    area: &Area<DB>,
    spec: &ChartSpec,
    lines: &[(String, Vec<(f64, f64)>)],
    x_range: (f64, f64),
    ticks: &[f64],
    format_x: &dyn Fn(f64) -> String,
    lang: Lang,
) -> DrawResult<DB> {
    let dual = spec.distortion == Some(Distortion::DualAxes) && lines.len() >= 2;
    let names: Vec<&str> = lines.iter().map(|l| l.0.as_str()).collect();
    let area = legend(area, &names, true)?;
    let values = |i: usize| -> Vec<f64> {
        lines
            .get(i)
            .map(|l| l.1.iter().map(|p| p.1).collect())
            .unwrap_or_default()
    };
    let all: Vec<f64> = if dual {
        values(0)
    } else {
        lines.iter().flat_map(|l| l.1.iter().map(|p| p.1)).collect()
    };
    let mut line_spec = spec.clone();
    // A line chart need not start at zero; the dual-axes lesson fits each axis tightly.
    if dual {
        line_spec.axis.y_from_zero = false;
    }
    let (lo, hi) = value_range(&line_spec, all.iter().copied());
    let (y_labels, decimals) = value_labels(&all, lo, hi);
    // The second axis: its range, its round values and their labels, measured first so
    // that the right margin holds them and the title beside them.
    let second = values(1);
    let (lo2, hi2) = value_range(&line_spec, second.iter().copied());
    let (_, decimals2) = value_labels(&second, lo2, hi2);
    let right_labels: Vec<(f64, String)> = if dual {
        super::layout::ticks(lo2, hi2, 6)
            .into_iter()
            .filter(|t| decimals2 > 0 || t.fract() == 0.0)
            .map(|t| (t, format_number(lang, t, decimals2)))
            .collect()
    } else {
        Vec::new()
    };
    let label_style = text_style(12, &INK).pos(Pos::new(HPos::Left, VPos::Center));
    let widest = right_labels
        .iter()
        .map(|(_, l)| text_width(l, 12))
        .max()
        .unwrap_or(0);
    let right = if dual { widest as u32 + 14 + 40 } else { 14 };
    let mut chart = ChartBuilder::on(&area)
        .margin(14)
        .margin_right(right)
        .x_label_area_size(44)
        .y_label_area_size(Y_LABELS)
        .build_cartesian_2d(x_range.0..x_range.1, lo..hi)?;
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(y_labels)
        .y_label_style(text_style(12, &INK))
        .y_label_formatter(&|v| format_number(lang, *v, decimals))
        .x_desc(x_title(spec))
        .y_desc(if dual {
            names.first().copied().unwrap_or_default().to_owned()
        } else {
            y_title(spec, lang)
        })
        .axis_desc_style(text_style(14, &INK))
        .draw()?;
    // The horizontal axis is labelled at chosen ticks (first of months, round numbers)
    // rather than at plotters' round numbers of seconds.
    let base = area.get_base_pixel();
    let at = |x: f64, y: f64| {
        let (px, py) = chart.backend_coord(&(x, y));
        (px - base.0, py - base.1)
    };
    let centred = text_style(12, &INK).pos(Pos::new(HPos::Center, VPos::Top));
    for &t in ticks.iter().filter(|t| (x_range.0..=x_range.1).contains(*t)) {
        let (x, y) = at(t, lo);
        area.draw(&PathElement::new(vec![(x, at(t, hi).1), (x, y)], GRID))?;
        area.draw(&PathElement::new(vec![(x, y), (x, y + 5)], INK))?;
        area.draw_text(&format_x(t), &centred, (x, y + 8))?;
    }
    let mut drawn: Vec<Vec<(f64, f64)>> = lines.iter().map(|l| l.1.clone()).collect();
    if dual {
        let to_first = |v: f64| lo + (v - lo2) * (hi - lo) / (hi2 - lo2);
        let (x, bottom) = at(x_range.1, lo);
        let top = at(x_range.1, hi).1;
        area.draw(&PathElement::new(vec![(x, top), (x, bottom)], INK))?;
        for (t, label) in &right_labels {
            let y = at(x_range.1, to_first(*t)).1;
            area.draw(&PathElement::new(vec![(x, y), (x + 5, y)], INK))?;
            area.draw_text(label, &label_style, (x + 8, y))?;
        }
        let title = text_style(14, &INK)
            .transform(FontTransform::Rotate90)
            .pos(Pos::new(HPos::Center, VPos::Top));
        let name = names.get(1).copied().unwrap_or_default();
        area.draw_text(name, &title, (x + widest + 36, (top + bottom) / 2))?;
        drawn.truncate(2);
        if let Some(points) = drawn.get_mut(1) {
            for p in points.iter_mut() {
                p.1 = to_first(p.1);
            }
        }
    }
    for (si, points) in drawn.iter().enumerate() {
        chart.draw_series(LineSeries::new(
            points.iter().copied(),
            colour(si).stroke_width(3),
        ))?;
        if points.len() <= 60 {
            chart.draw_series(points.iter().map(|p| Circle::new(*p, 4, colour(si).filled())))?;
        }
    }
    Ok(())
}

fn scatter<DB: DrawingBackend>(
    area: &Area<DB>,
    spec: &ChartSpec,
    data: &ChartData,
    x_range: (f64, f64),
    format_x: &dyn Fn(f64) -> String,
    lang: Lang,
) -> DrawResult<DB> {
    let ChartData::Points { series, x_style, .. } = data else {
        return Ok(());
    };
    let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
    let area = legend(area, &names, false)?;
    let mut y_spec = spec.clone();
    y_spec.axis.y_from_zero = spec.axis.y_from_zero && spec.axis.y_min.is_some();
    let ys: Vec<f64> = series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).collect();
    let (lo, hi) = value_range(&y_spec, ys.iter().copied());
    let (y_labels, decimals) = value_labels(&ys, lo, hi);
    let mut chart = ChartBuilder::on(&area)
        .margin(14)
        .x_label_area_size(50)
        .y_label_area_size(Y_LABELS)
        .build_cartesian_2d(x_range.0..x_range.1, lo..hi)?;
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .x_labels(labels(*x_style != NumberStyle::Decimal, x_range.0, x_range.1, 6))
        .x_label_formatter(&|v| format_x(*v))
        .y_labels(y_labels)
        .label_style(text_style(12, &INK))
        .y_label_formatter(&|v| format_number(lang, *v, decimals))
        .x_desc(x_title(spec))
        .y_desc(
            spec.axis
                .y_label
                .clone()
                .or_else(|| spec.y.clone())
                .unwrap_or_default(),
        )
        .axis_desc_style(text_style(14, &INK))
        .draw()?;
    let max_size = series
        .iter()
        .flat_map(|s| s.sizes.iter().copied())
        .fold(0.0f64, |a, b| a.max(b.abs()));
    for (si, s) in series.iter().enumerate() {
        let fill = colour(si).mix(0.75).filled();
        let radius = |i: usize| -> i32 {
            match s.sizes.get(i) {
                Some(size) if max_size > 0.0 => (3.0 + 17.0 * (size.abs() / max_size).sqrt()) as i32,
                _ => 4,
            }
        };
        chart.draw_series(
            s.points
                .iter()
                .enumerate()
                .map(|(i, p)| Circle::new(*p, radius(i), fill)),
        )?;
    }
    Ok(())
}

fn histogram<DB: DrawingBackend>(
    area: &Area<DB>,
    spec: &ChartSpec,
    edges: &[f64],
    counts: &[f64],
    style: NumberStyle,
    lang: Lang,
) -> DrawResult<DB> {
    let (x0, x1) = (
        edges.first().copied().unwrap_or(0.0),
        edges.last().copied().unwrap_or(1.0),
    );
    let x1 = if x1 > x0 { x1 } else { x0 + 1.0 };
    let (lo, hi) = value_range(spec, counts.iter().copied());
    let (y_labels, _) = value_labels(counts, lo, hi);
    let mut chart = ChartBuilder::on(area)
        .margin(14)
        .x_label_area_size(50)
        .y_label_area_size(Y_LABELS)
        .build_cartesian_2d(x0..x1, lo..hi)?;
    let xd = decimals_for(x0, x1);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .label_style(text_style(12, &INK))
        .x_labels(labels(style != NumberStyle::Decimal, x0, x1, 10))
        .x_label_formatter(&|v| style.format(lang, *v, xd))
        .y_labels(y_labels)
        .y_label_formatter(&|v| format_number(lang, *v, 0))
        .x_desc(
            spec.axis
                .x_label
                .clone()
                .or_else(|| spec.x.clone().or_else(|| spec.y.clone()))
                .unwrap_or_default(),
        )
        .y_desc(
            spec.axis
                .y_label
                .clone()
                .unwrap_or_else(|| tr(lang, "chart-measure-count")),
        )
        .axis_desc_style(text_style(14, &INK))
        .draw()?;
    let base = 0.0f64.clamp(lo, hi);
    chart.draw_series(
        edges
            .windows(2)
            .zip(counts)
            .map(|(w, c)| Rectangle::new([(w[0], base), (w[1], c.clamp(lo, hi))], colour(0).filled())),
    )?;
    chart.draw_series(
        edges
            .windows(2)
            .zip(counts)
            .map(|(w, c)| Rectangle::new([(w[0], base), (w[1], c.clamp(lo, hi))], WHITE.stroke_width(1))),
    )?;
    Ok(())
}

fn pie<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    labels: &[String],
    series: &[super::data::Series],
    lang: Lang,
) -> DrawResult<DB> {
    let values: Vec<f64> = series
        .first()
        .map(|s| s.values.iter().map(|v| v.unwrap_or(0.0).max(0.0)).collect())
        .unwrap_or_default();
    let total: f64 = values.iter().sum();
    if total <= 0.0 {
        return Ok(());
    }
    let (w, h) = area.dim_in_pixel();
    let (cx, cy) = (w as f64 / 2.0, h as f64 / 2.0);
    let radius = (w.min(h) as f64 / 2.0 - 50.0).max(20.0);
    let hole = if spec.kind == ChartKind::Donut {
        radius * 0.55
    } else {
        0.0
    };
    let point = |angle: f64, r: f64| ((cx + r * angle.cos()) as i32, (cy + r * angle.sin()) as i32);
    let mut start = -std::f64::consts::FRAC_PI_2;
    for (i, (value, label)) in values.iter().zip(labels).enumerate() {
        let sweep = value / total * std::f64::consts::TAU;
        if sweep <= 0.0 {
            continue;
        }
        let steps = ((sweep / 0.03).ceil() as usize).max(2);
        let mut points: Vec<(i32, i32)> = (0..=steps)
            .map(|k| point(start + sweep * k as f64 / steps as f64, radius))
            .collect();
        if hole > 0.0 {
            points.extend(
                (0..=steps)
                    .rev()
                    .map(|k| point(start + sweep * k as f64 / steps as f64, hole)),
            );
        } else {
            points.push((cx as i32, cy as i32));
        }
        area.draw(&Polygon::new(points.clone(), colour(i).filled()))?;
        area.draw(&PathElement::new(
            points
                .into_iter()
                .chain(std::iter::once(point(start, radius)))
                .collect::<Vec<_>>(),
            WHITE.stroke_width(2),
        ))?;
        // Labels of slices thinner than about 2 % would overlap; the legend of the
        // lesson says so.
        if value / total >= 0.02 {
            let middle = start + sweep / 2.0;
            let (lx, ly) = point(middle, radius + 10.0);
            let anchor = if middle.cos() >= 0.0 {
                HPos::Left
            } else {
                HPos::Right
            };
            let text = format!(
                "{} ({})",
                shorten(label, 22),
                format_percent(lang, value / total, 0)
            );
            area.draw_text(
                &text,
                &text_style(12, &INK).pos(Pos::new(anchor, VPos::Center)),
                (lx, ly),
            )?;
        }
        start += sweep;
    }
    Ok(())
}

/// WCAG relative luminance of a colour.
fn luminance(c: RGBColor) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

fn treemap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    labels: &[String],
    series: &[super::data::Series],
    lang: Lang,
) -> DrawResult<DB> {
    let mut items: Vec<(f64, &String)> = series
        .first()
        .map(|s| {
            s.values
                .iter()
                .zip(labels)
                .filter_map(|(v, l)| v.filter(|v| *v > 0.0).map(|v| (v, l)))
                .collect()
        })
        .unwrap_or_default();
    crate::sorting::sort_by(&mut items, |a, b| b.0.total_cmp(&a.0));
    let (w, h) = area.dim_in_pixel();
    let values: Vec<f64> = items.iter().map(|i| i.0).collect();
    let tiles = super::layout::Rect {
        x: 10.0,
        y: 10.0,
        w: w as f64 - 20.0,
        h: h as f64 - 20.0,
    };
    let rects = super::layout::squarify(&values, tiles);
    let total: f64 = values.iter().sum();
    for (i, (rect, (value, label))) in rects.into_iter().zip(&items).enumerate() {
        let (x, y, rw, rh) = (rect.x, rect.y, rect.w, rect.h);
        let (x0, y0, x1, y1) = (x as i32, y as i32, (x + rw) as i32, (y + rh) as i32);
        area.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour(i).filled()))?;
        area.draw(&Rectangle::new([(x0, y0), (x1, y1)], WHITE.stroke_width(2)))?;
        if rw > 70.0 && rh > 36.0 {
            // Black or white text, whichever reads better on the fill.
            let fill = luminance(colour(i));
            let (on_white, on_ink) = (1.05 / (fill + 0.05), (fill + 0.05) / (luminance(INK) + 0.05));
            let ink: &'static RGBColor = if on_ink >= on_white { &INK } else { &WHITE };
            let max_chars = ((rw - 12.0) / 7.0).max(4.0) as usize;
            area.draw_text(&shorten(label, max_chars), &text_style(13, ink), (x0 + 6, y0 + 6))?;
            area.draw_text(
                &format_percent(lang, value / total, 0),
                &text_style(12, ink),
                (x0 + 6, y0 + 22),
            )?;
        }
    }
    Ok(())
}
