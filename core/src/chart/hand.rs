//! Drawing a chart by hand: the scale to use on squared paper (from zero, a round step,
//! a round top) and a sheet of blank axes for it, printed by the Données page, on which
//! participants draw the bars or the line themselves.

use crate::dataset::values::{format_date, plain_number};
use crate::dataset::ColumnKind;
use crate::html::escape;

use super::data::{ChartData, MAX_CATEGORIES};
use crate::i18n::{format_number, Lang};

/// Steps on the value axis at most (a sheet of squared paper has room for ten large
/// squares up its side).
pub const HAND_STEPS: usize = 10;

/// A value axis to draw by hand: from zero to `top`, one line every `step`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HandScale {
    /// The value between two lines: 1, 2 or 5 times a power of ten.
    pub step: f64,
    /// The top of the axis: the first multiple of `step` at or above the largest value.
    pub top: f64,
}

impl HandScale {
    /// How many steps from zero to the top.
    pub fn steps(&self) -> usize {
        (self.top / self.step).round() as usize
    }
}

/// The scale for values up to `max`: the smallest round step (1, 2 or 5 times a power of
/// ten) that reaches `max` in at most `steps` steps from zero. `None` when `max` is
/// negative or not a number; a table of zeros gets an axis from 0 to 1.
pub fn hand_scale(max: f64, steps: usize) -> Option<HandScale> {
    if !max.is_finite() || max < 0.0 {
        return None;
    }
    if max == 0.0 {
        return Some(HandScale { step: 1.0, top: 1.0 });
    }
    let steps = steps.max(1) as f64;
    let raw = max / steps;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0, 20.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| (max / s - 1e-9).ceil() <= steps)?;
    // 0.1 × 3 is not 0.3 in binary: the top is rounded to the step's decimals.
    let decimals = (-step.log10().floor()).max(0.0) as i32;
    let unit = 10f64.powi(decimals);
    let top = (((max / step - 1e-9).ceil().max(1.0) * step) * unit).round() / unit;
    Some(HandScale { step, top })
}

/// What a chart's blank axes need from its data: the labels along the bottom (the
/// categories, the points' x values in order, or the bins' lower edges) and the
/// largest value, which the scale must reach (below zero counts as zero). At most
/// [`super::data::MAX_CATEGORIES`] labels; `None` when there is nothing to draw.
pub fn hand_axes(data: &ChartData) -> Option<(Vec<String>, f64)> {
    let largest =
        |values: &mut dyn Iterator<Item = f64>| values.filter(|v| v.is_finite()).fold(0.0f64, f64::max);
    let (labels, max) = match data {
        ChartData::Categories { labels, series, .. } => {
            let max = largest(&mut series.iter().flat_map(|s| s.values.iter().flatten().copied()));
            (labels.clone(), max)
        }
        ChartData::Points { x_kind, series, .. } => {
            let mut xs: Vec<f64> = series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).collect();
            xs.sort_by(f64::total_cmp);
            xs.dedup();
            let label = |x: f64| match x_kind {
                ColumnKind::Date => format_date(x as i64, false),
                ColumnKind::DateTime => format_date(x as i64, true),
                _ => plain_number(x),
            };
            let max = largest(&mut series.iter().flat_map(|s| s.points.iter().map(|p| p.1)));
            (xs.into_iter().map(label).collect(), max)
        }
        ChartData::Bins { edges, counts, .. } => {
            let labels = edges
                .iter()
                .take(counts.len())
                .map(|e| plain_number(*e))
                .collect();
            (labels, largest(&mut counts.iter().copied()))
        }
    };
    if labels.is_empty() {
        return None;
    }
    Some((labels.into_iter().take(MAX_CATEGORIES).collect(), max))
}

/// Width and height of the blank-axes drawing, in SVG units (an A4 page in landscape).
const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 680.0;

/// A sheet of blank axes as SVG: the value axis from zero to the scale's top with a line
/// at every step (labelled in `lang`), and one slot per category along the bottom,
/// labelled, with nothing drawn: the participant draws. `value` and `category` name
/// the axes.
pub fn blank_axes_svg(
    scale: HandScale,
    labels: &[String],
    value: &str,
    category: &str,
    lang: Lang,
) -> String {
    let (left, right, top, bottom) = (110.0, 30.0, 30.0, 110.0);
    let (w, h) = (WIDTH - left - right, HEIGHT - top - bottom);
    let steps = scale.steps().clamp(1, 100);
    let decimals = if scale.step.fract() == 0.0 {
        0
    } else {
        (-scale.step.log10().floor()).max(0.0) as usize
    };
    let mut out = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" font-family="sans-serif" font-size="16">"##
    );
    out.push_str(&format!(
        r##"<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>"##
    ));
    for k in 0..=steps {
        let y = top + h - h * k as f64 / steps as f64;
        let label = format_number(lang, scale.step * k as f64, decimals);
        let (stroke, width) = if k == 0 { ("#000000", 2) } else { ("#999999", 1) };
        out.push_str(&format!(
            r##"<line x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{stroke}" stroke-width="{width}"/><text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"##,
            left + w,
            left - 8.0,
            y + 5.0,
            escape(&label)
        ));
    }
    out.push_str(&format!(
        r##"<line x1="{left}" y1="{top}" x2="{left}" y2="{:.1}" stroke="#000000" stroke-width="2"/>"##,
        top + h
    ));
    let n = labels.len().max(1) as f64;
    for (i, label) in labels.iter().enumerate() {
        let x = left + w * (i as f64 + 0.5) / n;
        out.push_str(&format!(
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#000000" stroke-width="2"/><text x="{x:.1}" y="{:.1}" text-anchor="end" transform="rotate(-40 {x:.1} {:.1})">{}</text>"##,
            top + h,
            top + h + 8.0,
            top + h + 26.0,
            top + h + 26.0,
            escape(label)
        ));
    }
    out.push_str(&format!(
        r##"<text x="22" y="{:.1}" text-anchor="middle" transform="rotate(-90 22 {:.1})" font-weight="bold">{}</text>"##,
        top + h / 2.0,
        top + h / 2.0,
        escape(value)
    ));
    out.push_str(&format!(
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-weight="bold">{}</text></svg>"##,
        left + w / 2.0,
        HEIGHT - 8.0,
        escape(category)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The expected step, found by trying every 1, 2, 5 × 10^k from the smallest up:
    /// the first that reaches `max` in at most `steps` steps.
    fn by_trying(max: f64, steps: usize) -> f64 {
        let mut candidates: Vec<f64> = (-4..12)
            .flat_map(|e| [1.0, 2.0, 5.0].map(|m| m * 10f64.powi(e)))
            .collect();
        candidates.sort_by(f64::total_cmp);
        candidates
            .into_iter()
            .find(|s| s * steps as f64 >= max * (1.0 - 1e-12))
            .unwrap()
    }

    #[test]
    fn the_scale_is_round_from_zero_and_covers_the_data() {
        // The médiathèque's entries (16 900 at most): 0 to 18 000 by 2 000.
        assert_eq!(
            hand_scale(16_900.0, 10),
            Some(HandScale {
                step: 2_000.0,
                top: 18_000.0
            })
        );
        // Its loans (23 900 at most) and card holders (921 at most).
        let scale = |step, top| Some(HandScale { step, top });
        assert_eq!(hand_scale(23_900.0, 10), scale(5_000.0, 25_000.0));
        assert_eq!(hand_scale(921.0, 10), scale(100.0, 1_000.0));
        assert_eq!(
            hand_scale(19_500.0, 10),
            Some(HandScale {
                step: 2_000.0,
                top: 20_000.0
            })
        );
        assert_eq!(
            hand_scale(100.0, 10),
            Some(HandScale {
                step: 10.0,
                top: 100.0
            })
        );
        assert_eq!(
            hand_scale(101.0, 10),
            Some(HandScale {
                step: 20.0,
                top: 120.0
            })
        );
        assert_eq!(hand_scale(7.0, 10), Some(HandScale { step: 1.0, top: 7.0 }));
        assert_eq!(
            hand_scale(0.35, 10),
            Some(HandScale {
                step: 0.05,
                top: 0.35
            })
        );
        assert_eq!(hand_scale(0.0, 10), Some(HandScale { step: 1.0, top: 1.0 }));
        assert_eq!(hand_scale(-3.0, 10), None);
        assert_eq!(hand_scale(f64::NAN, 10), None);
        for max in [
            1.0, 3.0, 9.5, 42.0, 250.0, 999.0, 1_234.0, 16_900.0, 87_000.0, 3.2e6,
        ] {
            for steps in [5, 8, 10] {
                let scale = hand_scale(max, steps).unwrap();
                assert_eq!(scale.step, by_trying(max, steps), "{max} in {steps}");
                assert!(
                    scale.top >= max && scale.top - scale.step < max,
                    "{max}: {scale:?}"
                );
                assert!(scale.steps() <= steps);
            }
        }
    }

    #[test]
    fn the_axes_come_from_the_chart_data() {
        use crate::chart::data::{PointSeries, Series};
        use crate::dataset::NumberStyle;
        let bars = ChartData::Categories {
            labels: vec!["a".into(), "b".into()],
            series: vec![
                Series {
                    name: "n".into(),
                    values: vec![Some(3.0), None],
                },
                Series {
                    name: "m".into(),
                    values: vec![Some(-1.0), Some(41.5)],
                },
            ],
            x_kind: ColumnKind::Text,
        };
        assert_eq!(
            hand_axes(&bars),
            Some((vec!["a".to_owned(), "b".to_owned()], 41.5))
        );
        let line = ChartData::Points {
            x_kind: ColumnKind::Number,
            x_style: NumberStyle::default(),
            series: vec![PointSeries {
                name: "s".into(),
                points: vec![(2013.0, 5.0), (2012.0, 9.0)],
                sizes: vec![],
            }],
        };
        assert_eq!(
            hand_axes(&line),
            Some((vec!["2012".to_owned(), "2013".to_owned()], 9.0))
        );
        let empty = ChartData::Categories {
            labels: vec![],
            series: vec![],
            x_kind: ColumnKind::Text,
        };
        assert_eq!(hand_axes(&empty), None);
    }

    #[test]
    fn blank_axes_label_every_step_and_every_category() {
        let scale = hand_scale(16_900.0, 10).unwrap();
        let labels: Vec<String> = (2012..=2024).map(|y| y.to_string()).collect();
        let svg = blank_axes_svg(scale, &labels, "Entrées", "Année <x>", Lang::Fr);
        // 0, 2 000, … 18 000: ten lines, each labelled.
        assert_eq!(svg.matches("<line").count(), 10 + 1 + labels.len());
        assert!(svg.contains(">18\u{202f}000<") || svg.contains(">18 000<") || svg.contains(">18\u{a0}000<"));
        assert!(svg.contains(">2024<"));
        assert!(svg.contains("Année &lt;x&gt;"));
        // Nothing is drawn but axes, lines and words.
        assert!(!svg.contains("<path") && !svg.contains("<polyline"));
    }
}
