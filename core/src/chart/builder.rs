//! What the chart builder offers and how a choice changes a spec: which columns each
//! field accepts ([`ColumnChoices`]: any column along the horizontal axis or in a filter,
//! numbers as measures, categories as colours) and choosing a measure together with an
//! aggregate that fits it ([`ChartSpec::set_measure`]). The app's form and the checks of
//! its reducer both ask here, so they cannot disagree.

use crate::dataset::transform::Aggregate;
use crate::dataset::{ColumnKind, Dataset};

use super::ChartSpec;

/// The columns of a table each field of the chart builder offers, in the table's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ColumnChoices {
    /// Every column with its kind: the horizontal axis and the filters.
    pub all: Vec<(String, ColumnKind)>,
    /// Columns that can be measured (summed, averaged): the numeric ones.
    pub measures: Vec<String>,
    /// Columns whose values can name series (colours): text and dates, not empty ones.
    pub series: Vec<String>,
}

impl ColumnChoices {
    /// The choices a table offers.
    pub fn of(dataset: &Dataset) -> ColumnChoices {
        let mut choices = ColumnChoices::default();
        for column in &dataset.columns {
            choices.all.push((column.name.clone(), column.kind));
            if column.kind.is_numeric() {
                choices.measures.push(column.name.clone());
            } else if column.kind != ColumnKind::Empty {
                choices.series.push(column.name.clone());
            }
        }
        choices
    }

    /// Whether the table has a column of this name.
    pub fn has(&self, name: &str) -> bool {
        self.all.iter().any(|(n, _)| n == name)
    }

    /// Whether this column can be a measure.
    pub fn is_measure(&self, name: &str) -> bool {
        self.measures.iter().any(|n| n == name)
    }

    /// Whether this column can colour series.
    pub fn is_series(&self, name: &str) -> bool {
        self.series.iter().any(|n| n == name)
    }

    /// The first column, which a new filter starts on.
    pub fn first(&self) -> Option<&str> {
        self.all.first().map(|(n, _)| n.as_str())
    }
}

impl ChartSpec {
    /// Measures `column`, or counts rows when `None`. Counting has no other aggregate, and
    /// a measure cannot be counted: choosing a measure turns counting into a sum, and a
    /// sum, mean or median already chosen is kept.
    pub fn set_measure(&mut self, column: Option<String>) {
        match column {
            None => self.aggregate = Aggregate::Count,
            Some(_) if self.aggregate == Aggregate::Count => self.aggregate = Aggregate::Sum,
            Some(_) => {}
        }
        self.y = column;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{ChartKind, Distortion};
    use crate::dataset::import;

    fn table() -> Dataset {
        import("Commune;Population;Part;Date;Vide\nA;12;5 %;01/02/2024;\nB;3;7 %;02/02/2024;\n".as_bytes())
            .expect("a small table")
    }

    #[test]
    fn numbers_are_measures_and_text_or_dates_colour_series() {
        let choices = ColumnChoices::of(&table());
        let names: Vec<&str> = choices.all.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Commune", "Population", "Part", "Date", "Vide"]);
        assert_eq!(choices.measures, ["Population", "Part"]);
        assert_eq!(
            choices.series,
            ["Commune", "Date"],
            "an empty column colours nothing"
        );
        assert!(choices.has("Vide") && !choices.has("Absente"));
        assert!(choices.is_measure("Part") && !choices.is_measure("Commune"));
        assert!(choices.is_series("Date") && !choices.is_series("Population"));
        assert_eq!(choices.first(), Some("Commune"));
        assert_eq!(ColumnChoices::default().first(), None);
    }

    #[test]
    fn choosing_a_measure_sets_an_aggregate_that_fits() {
        let mut spec = ChartSpec::new(ChartKind::Bar);
        assert_eq!(spec.aggregate, Aggregate::Count);
        spec.set_measure(Some("Population".into()));
        assert_eq!(
            (spec.y.as_deref(), spec.aggregate),
            (Some("Population"), Aggregate::Sum)
        );
        spec.aggregate = Aggregate::Median;
        spec.set_measure(Some("Part".into()));
        assert_eq!(
            (spec.y.as_deref(), spec.aggregate),
            (Some("Part"), Aggregate::Median),
            "kept"
        );
        spec.set_measure(None);
        assert_eq!((spec.y, spec.aggregate), (None, Aggregate::Count));
    }

    #[test]
    fn only_kinds_that_split_series_use_a_colour_column() {
        let coloured: Vec<&str> = ChartKind::ALL
            .iter()
            .filter(|k| k.uses_colour())
            .map(|k| k.code())
            .collect();
        assert_eq!(coloured, ["grouped_bar", "stacked_bar", "line", "scatter"]);
        let second: Vec<&str> = Distortion::ALL
            .iter()
            .filter(|d| d.uses_second_measure())
            .map(|d| d.code())
            .collect();
        assert_eq!(second, ["dual_axes"]);
    }
}
