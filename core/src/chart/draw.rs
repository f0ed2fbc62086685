//! The one drawing module: a [`ChartSpec`] and its [`ChartData`] drawn with plotters.
//! [`render_svg`] is what the app shows and the command line writes; the drawing is
//! generic over plotters' backends so that a native caller may draw on a bitmap too.
//! All text goes through plotters, whose SVG backend escapes it.

use plotters::coord::{CoordTranslate, Shift};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::dataset::values::format_date;
use crate::dataset::{ColumnKind, Dataset};
use crate::i18n::{format_number, format_percent, shorten, Lang};

use super::data::{compute, measure_label, ChartData};
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

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The horizontal axis' title: the one written, or the column's name.
fn x_title(spec: &ChartSpec) -> String {
    spec.axis
        .x_label
        .clone()
        .or_else(|| spec.x.clone())
        .unwrap_or_default()
}

/// The vertical axis' title: the one written, or what the bars or lines measure.
fn y_title(spec: &ChartSpec, lang: Lang) -> String {
    spec.axis
        .y_label
        .clone()
        .unwrap_or_else(|| measure_label(spec, lang))
}

/// The legend box of a chart with several series.
fn draw_legend<'a, DB: DrawingBackend + 'a, CT: CoordTranslate>(
    chart: &mut ChartContext<'a, DB, CT>,
    position: SeriesLabelPosition,
) -> DrawResult<DB> {
    chart
        .configure_series_labels()
        .label_font(text_style(13, &INK))
        .background_style(WHITE.mix(0.9))
        .border_style(MUTED)
        .position(position)
        .draw()
}

fn colour(i: usize) -> RGBColor {
    PALETTE.get(i % PALETTE.len()).copied().unwrap_or(INK)
}

fn text_style(size: u32, colour: &'static RGBColor) -> TextStyle<'static> {
    TextStyle::from((FONT, size).into_font()).color(colour)
}

/// Draws `spec` from `ds` as an SVG document.
pub fn render_svg(spec: &ChartSpec, ds: &Dataset, lang: Lang) -> Result<String, ChartError> {
    let data = compute(spec, ds, lang)?;
    render_data_svg(spec, &data, lang)
}

/// Draws already computed data as an SVG document.
pub fn render_data_svg(spec: &ChartSpec, data: &ChartData, lang: Lang) -> Result<String, ChartError> {
    let size = (spec.width.clamp(240, 4000), spec.height.clamp(180, 4000));
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&root, spec, data, lang).map_err(|e| ChartError::Draw(e.to_string()))?;
        root.present().map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    Ok(out)
}

/// Draws on any plotters drawing area (SVG, bitmap).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    data: &ChartData,
    lang: Lang,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let mut area = root.clone();
    if !spec.title.is_empty() {
        let (top, rest) = area.split_vertically(36);
        top.draw_text(
            &spec.title,
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
        ChartData::Categories { labels, series } => match spec.kind {
            ChartKind::Pie | ChartKind::Donut => pie(&area, spec, labels, series, lang),
            ChartKind::Treemap => treemap(&area, labels, series, lang),
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
                let format_x = |v: f64| category_label(labels, v, max_chars);
                lines_chart(&area, spec, &lines, x_range, &ticks, &format_x, lang)
            }
            _ => bars(&area, spec, labels, series, lang),
        },
        ChartData::Points { x_kind, series } => {
            let all_x = series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
            let (lo, hi) = bounds(all_x).unwrap_or((0.0, 1.0));
            let pad = if hi > lo { (hi - lo) * 0.03 } else { 1.0 };
            let kind = *x_kind;
            let format_x = move |v: f64| match kind {
                ColumnKind::Date => format_date(v as i64, false),
                ColumnKind::DateTime => format_date(v as i64, true),
                _ => format_number(lang, v, decimals_for(lo, hi)),
            };
            if spec.kind == ChartKind::Scatter {
                scatter(&area, spec, data, (lo - pad, hi + pad), &format_x, lang)
            } else {
                let lines: Vec<(String, Vec<(f64, f64)>)> = series
                    .iter()
                    .map(|s| (s.name.clone(), s.points.clone()))
                    .collect();
                let ticks = if kind.is_temporal() {
                    date_ticks(lo, hi)
                } else {
                    super::layout::ticks(lo, hi, 6)
                };
                lines_chart(&area, spec, &lines, (lo - pad, hi + pad), &ticks, &format_x, lang)
            }
        }
        ChartData::Bins { edges, counts } => histogram(&area, spec, edges, counts, lang),
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

fn category_label(labels: &[String], v: f64, max_chars: usize) -> String {
    let i = v.round();
    if (v - i).abs() > 0.01 || i < 0.0 {
        return String::new();
    }
    labels
        .get(i as usize)
        .map(|l| shorten(l, max_chars))
        .unwrap_or_default()
}

/// The value axis: from zero unless the spec says otherwise; the truncated-axis lesson
/// starts it just below the smallest value.
fn value_range(spec: &ChartSpec, values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (min, max) = bounds(values).unwrap_or((0.0, 1.0));
    let span = if max > min { max - min } else { max.abs().max(1.0) };
    let (mut lo, mut hi) = if spec.distortion == Some(Distortion::TruncatedAxis) {
        (min - span * 0.08, max + span * 0.04)
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
    area: &DrawingArea<DB, Shift>,
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
    let (lo, hi) = value_range(spec, totals.into_iter());
    let max_chars = label_room(area, n);
    let mut chart = ChartBuilder::on(area)
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(78)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), lo..hi)?;
    let (x_desc, y_desc) = (x_title(spec), y_title(spec, lang));
    let decimals = decimals_for(lo, hi);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .x_labels(n.min(60))
        .x_label_formatter(&|v| category_label(labels, *v, max_chars))
        .x_label_style(text_style(12, &INK))
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
        let drawn = chart.draw_series(rects)?;
        if series.len() > 1 {
            drawn
                .label(s.name.as_str())
                .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], colour(si).filled()));
        }
    }
    if series.len() > 1 {
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight)?;
    }
    Ok(())
}

fn lines_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    lines: &[(String, Vec<(f64, f64)>)],
    x_range: (f64, f64),
    ticks: &[f64],
    format_x: &dyn Fn(f64) -> String,
    lang: Lang,
) -> DrawResult<DB> {
    let (x_desc, y_desc) = (x_title(spec), y_title(spec, lang));
    let dual = spec.distortion == Some(Distortion::DualAxes) && lines.len() >= 2;
    let first: Vec<f64> = lines
        .first()
        .map(|l| l.1.iter().map(|p| p.1).collect())
        .unwrap_or_default();
    let all: Vec<f64> = if dual {
        first.clone()
    } else {
        lines.iter().flat_map(|l| l.1.iter().map(|p| p.1)).collect()
    };
    let mut line_spec = spec.clone();
    // A line chart need not start at zero; the dual-axes lesson fits each axis tightly.
    if dual {
        line_spec.axis.y_from_zero = false;
    }
    let (lo, hi) = value_range(&line_spec, all.into_iter());
    let mut chart = ChartBuilder::on(area)
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(78)
        .right_y_label_area_size(if dual { 78 } else { 0 })
        .build_cartesian_2d(x_range.0..x_range.1, lo..hi)?;
    let decimals = decimals_for(lo, hi);
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .disable_x_mesh()
        .x_labels(0)
        .y_label_style(text_style(12, &INK))
        .y_label_formatter(&|v| format_number(lang, *v, decimals))
        .x_desc(x_desc)
        .y_desc(if dual {
            lines.first().map(|l| l.0.clone()).unwrap_or_default()
        } else {
            y_desc
        })
        .axis_desc_style(text_style(14, &INK))
        .draw()?;
    // The horizontal axis is labelled at chosen ticks (first of months, round numbers)
    // rather than at plotters' round numbers of seconds.
    let base = area.get_base_pixel();
    let centred = text_style(12, &INK).pos(Pos::new(HPos::Center, VPos::Top));
    for &t in ticks.iter().filter(|t| (x_range.0..=x_range.1).contains(*t)) {
        chart.draw_series(std::iter::once(PathElement::new(vec![(t, lo), (t, hi)], GRID)))?;
        let (px, py) = chart.backend_coord(&(t, lo));
        let (x, y) = (px - base.0, py - base.1);
        area.draw(&PathElement::new(vec![(x, y), (x, y + 5)], INK))?;
        area.draw_text(&format_x(t), &centred, (x, y + 8))?;
    }
    if dual {
        let second: Vec<f64> = lines
            .get(1)
            .map(|l| l.1.iter().map(|p| p.1).collect())
            .unwrap_or_default();
        let (lo2, hi2) = value_range(&line_spec, second.into_iter());
        let decimals2 = decimals_for(lo2, hi2);
        let mut chart = chart.set_secondary_coord(x_range.0..x_range.1, lo2..hi2);
        chart
            .configure_secondary_axes()
            .label_style(text_style(12, &INK))
            .y_label_formatter(&|v| format_number(lang, *v, decimals2))
            .y_desc(lines.get(1).map(|l| l.0.clone()).unwrap_or_default())
            .axis_desc_style(text_style(14, &INK))
            .draw()?;
        for (si, (name, points)) in lines.iter().enumerate().take(2) {
            let style = colour(si).stroke_width(3);
            let series = LineSeries::new(points.iter().copied(), style);
            let drawn = if si == 0 {
                chart.draw_series(series)?
            } else {
                chart.draw_secondary_series(series)?
            };
            drawn.label(name.as_str()).legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], colour(si).stroke_width(3))
            });
        }
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        return Ok(());
    }
    for (si, (name, points)) in lines.iter().enumerate() {
        let style = colour(si).stroke_width(3);
        let drawn = chart.draw_series(LineSeries::new(points.iter().copied(), style))?;
        if lines.len() > 1 {
            drawn.label(name.as_str()).legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], colour(si).stroke_width(3))
            });
        }
        if points.len() <= 60 {
            chart.draw_series(points.iter().map(|p| Circle::new(*p, 4, colour(si).filled())))?;
        }
    }
    if lines.len() > 1 {
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
    }
    Ok(())
}

fn scatter<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    data: &ChartData,
    x_range: (f64, f64),
    format_x: &dyn Fn(f64) -> String,
    lang: Lang,
) -> DrawResult<DB> {
    let ChartData::Points { series, .. } = data else {
        return Ok(());
    };
    let mut y_spec = spec.clone();
    y_spec.axis.y_from_zero = spec.axis.y_from_zero && spec.axis.y_min.is_some();
    let (lo, hi) = value_range(&y_spec, series.iter().flat_map(|s| s.points.iter().map(|p| p.1)));
    let mut chart = ChartBuilder::on(area)
        .margin(14)
        .x_label_area_size(50)
        .y_label_area_size(78)
        .build_cartesian_2d(x_range.0..x_range.1, lo..hi)?;
    let decimals = decimals_for(lo, hi);
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .x_labels(6)
        .x_label_formatter(&|v| format_x(*v))
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
        let drawn = chart.draw_series(
            s.points
                .iter()
                .enumerate()
                .map(|(i, p)| Circle::new(*p, radius(i), fill)),
        )?;
        if series.len() > 1 {
            drawn
                .label(s.name.as_str())
                .legend(move |(x, y)| Circle::new((x + 6, y), 5, colour(si).filled()));
        }
    }
    if series.len() > 1 {
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
    }
    Ok(())
}

fn histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    edges: &[f64],
    counts: &[f64],
    lang: Lang,
) -> DrawResult<DB> {
    let (x0, x1) = (
        edges.first().copied().unwrap_or(0.0),
        edges.last().copied().unwrap_or(1.0),
    );
    let x1 = if x1 > x0 { x1 } else { x0 + 1.0 };
    let (lo, hi) = value_range(spec, counts.iter().copied());
    let mut chart = ChartBuilder::on(area)
        .margin(14)
        .x_label_area_size(50)
        .y_label_area_size(78)
        .build_cartesian_2d(x0..x1, lo..hi)?;
    let xd = decimals_for(x0, x1);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .label_style(text_style(12, &INK))
        .x_label_formatter(&|v| format_number(lang, *v, xd))
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
                .unwrap_or_else(|| crate::i18n::tr(lang, "chart-measure-count")),
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
    items.sort_by(|a, b| b.0.total_cmp(&a.0));
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
