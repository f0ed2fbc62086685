//! Misleading-chart lessons: for each classic distortion, the same data drawn honestly
//! and misleadingly, with a paragraph explaining the trick (translation keys
//! `chart-lesson-<code>-title` and `chart-lesson-<code>-text`). Also the default chart a
//! table suggests from its column types.

use crate::dataset::profile::profile_column;
use crate::dataset::transform::{Aggregate, SortOrder};
use crate::dataset::{ColumnKind, Dataset};
use crate::i18n::{tr, Lang};

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

/// The honest and misleading versions of `base` for `distortion`.
pub fn lesson(base: &ChartSpec, distortion: Distortion) -> Lesson {
    let mut honest = base.clone();
    honest.distortion = None;
    let mut misleading = base.clone();
    misleading.distortion = Some(distortion);
    match distortion {
        Distortion::TruncatedAxis => {
            if !matches!(
                base.kind,
                ChartKind::Bar | ChartKind::GroupedBar | ChartKind::StackedBar
            ) {
                honest.kind = ChartKind::Bar;
                misleading.kind = ChartKind::Bar;
            }
            honest.axis.y_from_zero = true;
            honest.axis.y_min = None;
            misleading.axis.y_min = None;
        }
        Distortion::UnevenIntervals | Distortion::CherryPicked => {
            honest.kind = ChartKind::Line;
            misleading.kind = ChartKind::Line;
        }
        Distortion::TooManySlices => {
            misleading.kind = ChartKind::Pie;
            misleading.top = None;
            honest.kind = ChartKind::Bar;
            honest.sort = SortOrder::ValueDescending;
            honest.top = Some(8);
        }
        Distortion::DualAxes => {
            honest.kind = ChartKind::Line;
            misleading.kind = ChartKind::Line;
            honest.axis.index_base_100 = true;
            honest.axis.y_from_zero = false;
        }
    }
    Lesson {
        distortion,
        honest,
        misleading,
    }
}

/// A sensible first chart for a table, from its column types: a measure (the first
/// numeric column, summed; otherwise a count) by the first date column (a line) or by
/// the first text column with few distinct values (bars, largest first).
pub fn suggest(ds: &Dataset) -> ChartSpec {
    let measure = ds
        .columns
        .iter()
        .find(|c| c.kind.is_numeric())
        .map(|c| c.name.clone());
    let date = ds.columns.iter().find(|c| c.kind.is_temporal());
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
