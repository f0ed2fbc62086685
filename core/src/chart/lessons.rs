//! Misleading-chart lessons: for each classic distortion, the same data drawn honestly
//! and misleadingly, with a paragraph explaining the trick (translation keys
//! `chart-lesson-<code>-title` and `chart-lesson-<code>-text`). A lesson picks what makes
//! its trick visible on the table given: time stays in time order (never sorted by size
//! nor cut into "Autres"), the lessons on time take the table's time column, the
//! truncated axis starts where it exaggerates; and [`weak_effect`] says why the trick
//! barely shows when the data cannot show it. Also the default chart a table suggests
//! from its column types.

use crate::dataset::profile::profile_column;
use crate::dataset::transform::{Aggregate, SortOrder};
use crate::dataset::{Column, ColumnKind, Dataset, NumberStyle};
use crate::i18n::{format_number, tr, tr_args, Lang};

use super::data::ChartData;
use super::{ChartKind, ChartSpec, Distortion};

/// One lesson: the honest chart, the misleading one, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// The trick shown.
    pub distortion: Distortion,
    /// The honest version.
    pub honest: ChartSpec,
    /// The misleading version.
    pub misleading: ChartSpec,
}

impl Lesson {
    /// A short name of the trick.
    pub fn title(&self, lang: Lang) -> String {
        tr(lang, &format!("chart-lesson-{}-title", self.distortion.code()))
    }

    /// One paragraph: what the misleading chart does and how to read it.
    pub fn explanation(&self, lang: Lang) -> String {
        tr(lang, &format!("chart-lesson-{}-text", self.distortion.code()))
    }
}

/// Whether a column reads as time: dates, or years.
fn is_time(column: &Column) -> bool {
    column.kind.is_temporal() || column.number_style() == NumberStyle::Year
}

/// The table's time column: its first column of dates, else its first of years.
pub fn time_column(ds: &Dataset) -> Option<&Column> {
    ds.columns
        .iter()
        .find(|c| c.kind.is_temporal())
        .or_else(|| ds.columns.iter().find(|c| is_time(c)))
}

/// Where a truncated value axis starts for values from `min` to `max`: a round value
/// below the smallest at which the smallest bar is about an eighth of the tallest (at
/// least half the smallest value is cut away). `None` when the values reach zero:
/// there is nothing to cut.
pub fn truncated_start(min: f64, max: f64) -> Option<f64> {
    if !(min > 0.0 && max > min && max.is_finite()) {
        return None;
    }
    let target = ((8.0 * min - max) / 7.0).max(min / 2.0);
    let step = super::layout::nice_step(max - target, 20)?;
    Some((target / step).floor() * step)
}

/// The honest and misleading versions of `base` for `distortion`, on the table `ds`.
pub fn lesson(base: &ChartSpec, distortion: Distortion, ds: &Dataset) -> Lesson {
    let mut honest = base.clone();
    honest.distortion = None;
    let x = base.x.as_deref().and_then(|x| ds.column(x));
    let time = x.is_some_and(is_time);
    if time {
        // Time keeps its order and all its points.
        honest.sort = SortOrder::Key;
        honest.top = None;
    }
    let on_time = matches!(
        distortion,
        Distortion::UnevenIntervals | Distortion::CherryPicked | Distortion::DualAxes
    );
    if on_time {
        honest.kind = ChartKind::Line;
        // These tricks play on a line over time (or numbers): categories are replaced
        // by the table's time column, if it has one, and the title that named them goes.
        let ordered = x.is_some_and(|c| is_time(c) || c.kind.is_numeric());
        if let (false, Some(column)) = (ordered, time_column(ds)) {
            honest.x = Some(column.name.clone());
            honest.colour = None;
            honest.sort = SortOrder::Key;
            honest.top = None;
            honest.title.clear();
            honest.subtitle.clear();
        }
    }
    match distortion {
        Distortion::TruncatedAxis => {
            if !matches!(
                base.kind,
                ChartKind::Bar | ChartKind::GroupedBar | ChartKind::StackedBar
            ) {
                honest.kind = ChartKind::Bar;
            }
            honest.axis.y_from_zero = true;
            honest.axis.y_min = None;
        }
        Distortion::TooManySlices => {
            honest.kind = if time { ChartKind::Line } else { ChartKind::Bar };
            if !time {
                honest.sort = SortOrder::ValueDescending;
                honest.top = Some(8);
            }
        }
        Distortion::DualAxes => {
            if honest.y2.is_none() {
                // A second measure: the first other numeric column that is not years.
                honest.y2 = ds
                    .columns
                    .iter()
                    .find(|c| {
                        c.kind.is_numeric()
                            && Some(&c.name) != honest.x.as_ref()
                            && Some(&c.name) != honest.y.as_ref()
                            && !is_time(c)
                    })
                    .map(|c| c.name.clone());
            }
            honest.axis.y_from_zero = false;
        }
        Distortion::UnevenIntervals | Distortion::CherryPicked => {}
    }
    let mut misleading = honest.clone();
    misleading.distortion = Some(distortion);
    match distortion {
        Distortion::TooManySlices => {
            misleading.kind = ChartKind::Pie;
            misleading.top = None;
        }
        Distortion::DualAxes => honest.axis.index_base_100 = true,
        _ => {}
    }
    Lesson {
        distortion,
        honest,
        misleading,
    }
}

/// What a chart shows along its axis: categories, points of its longest line, bins.
fn points(data: &ChartData) -> usize {
    match data {
        ChartData::Categories { labels, .. } => labels.len(),
        ChartData::Points { series, .. } => series.iter().map(|s| s.points.len()).max().unwrap_or(0),
        ChartData::Bins { counts, .. } => counts.len(),
    }
}

/// Why the trick of `distortion` barely shows on this data, when it does not: the
/// honest and misleading versions as computed. `None` when the trick shows.
pub fn weak_effect(
    distortion: Distortion,
    honest: &ChartData,
    misleading: &ChartData,
    lang: Lang,
) -> Option<String> {
    let needs = |needed: usize| {
        let count = points(honest);
        (count < needed).then(|| {
            tr_args(
                lang,
                "chart-weak-points",
                &[("count", count.into()), ("needed", needed.into())],
            )
        })
    };
    match distortion {
        Distortion::TruncatedAxis => {
            let ChartData::Categories { series, .. } = misleading else {
                return None;
            };
            let values = series.iter().flat_map(|s| s.values.iter().flatten().copied());
            let (min, max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
            // The smallest bar an eighth of the tallest multiplies the impression by
            // 8 × min / max: under 3 when the smallest is under 40 % of the largest (or
            // when the values reach zero, where there is nothing to cut).
            (min / max < 0.4).then(|| {
                let number = |v: f64| format_number(lang, v, if v.fract() == 0.0 { 0 } else { 1 });
                tr_args(
                    lang,
                    "chart-weak-apart",
                    &[
                        ("min", number(min).as_str().into()),
                        ("max", number(max).as_str().into()),
                    ],
                )
            })
        }
        Distortion::CherryPicked => needs(6),
        Distortion::UnevenIntervals => needs(4),
        Distortion::TooManySlices => {
            let count = points(misleading);
            (count < 8).then(|| tr_args(lang, "chart-weak-slices", &[("count", count.into())]))
        }
        Distortion::DualAxes => match misleading {
            ChartData::Points { series, .. } if series.len() >= 2 => None,
            ChartData::Categories { series, .. } if series.len() >= 2 => None,
            _ => Some(tr(lang, "chart-weak-second")),
        },
    }
}

/// A sensible first chart for a table, from its column types: a measure (the first
/// numeric column that is not years, summed; otherwise a count) by the first text
/// column with few distinct values (bars, largest first) or by the time column (a line).
pub fn suggest(ds: &Dataset) -> ChartSpec {
    let measure = ds
        .columns
        .iter()
        .find(|c| c.kind.is_numeric() && !is_time(c))
        .map(|c| c.name.clone());
    let date = time_column(ds);
    let category = ds
        .columns
        .iter()
        .filter(|c| c.kind == ColumnKind::Text)
        .map(profile_column)
        .filter(|p| p.distinct >= 2)
        .min_by_key(|p| (p.distinct > 40, p.distinct < 3, p.missing))
        .map(|p| p.name);
    let mut spec = match (category, date) {
        (Some(x), _) => {
            let mut spec = ChartSpec::new(ChartKind::Bar);
            spec.x = Some(x);
            spec.sort = SortOrder::ValueDescending;
            spec.top = Some(12);
            spec
        }
        (None, Some(d)) => {
            let mut spec = ChartSpec::new(ChartKind::Line);
            spec.x = Some(d.name.clone());
            spec
        }
        (None, None) => {
            let mut spec = ChartSpec::new(ChartKind::Histogram);
            spec.x = measure.clone();
            return spec;
        }
    };
    if let Some(y) = measure {
        spec.y = Some(y);
        spec.aggregate = Aggregate::Sum;
    }
    spec
}
