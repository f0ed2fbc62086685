//! What each column holds, in the spirit of DataBasic's WTFcsv: detected type, missing
//! and distinct counts, min/max/mean/median for numbers, the most frequent values for
//! text, the range for dates, and one plain-language sentence per column.

use crate::i18n::{format_number, tr, tr_args, Lang};

use super::values::format_date;
use super::{Column, ColumnData, ColumnKind, Dataset};

/// Most frequent values kept for a text column.
pub const TOP_VALUES: usize = 5;

/// Summary of a numeric column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberSummary {
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// Arithmetic mean.
    pub mean: f64,
    /// Median (mean of the two middle values for an even count).
    pub median: f64,
    /// Sum.
    pub sum: f64,
}

/// The profile of one column.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnProfile {
    /// Column name.
    pub name: String,
    /// Detected kind.
    pub kind: ColumnKind,
    /// Missing values.
    pub missing: usize,
    /// Distinct values (missing excluded).
    pub distinct: usize,
    /// For numbers.
    pub numbers: Option<NumberSummary>,
    /// For text: the most frequent values with their counts, most frequent first.
    pub top: Vec<(String, usize)>,
    /// For dates: the first and last, in ISO form.
    pub range: Option<(String, String)>,
}

/// The profile of a whole table.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// `UTF-8` or `windows-1252`.
    pub encoding: &'static str,
    /// The separator.
    pub delimiter: char,
    /// Data rows.
    pub rows: usize,
    /// One per column, in file order.
    pub columns: Vec<ColumnProfile>,
}

/// Profiles every column of a table.
pub fn profile(dataset: &Dataset) -> Profile {
    Profile {
        encoding: dataset.encoding,
        delimiter: dataset.delimiter,
        rows: dataset.rows,
        columns: dataset.columns.iter().map(profile_column).collect(),
    }
}

/// Median of sorted values.
pub(crate) fn median_sorted(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let upper = *sorted.get(n / 2)?;
    if n % 2 == 1 {
        Some(upper)
    } else {
        Some((*sorted.get(n / 2 - 1)? + upper) / 2.0)
    }
}

/// Number of distinct values in a sorted slice.
fn distinct_sorted<T: PartialEq>(sorted: &[T]) -> usize {
    if sorted.is_empty() {
        0
    } else {
        1 + sorted.windows(2).filter(|w| w[0] != w[1]).count()
    }
}

/// Profiles one column.
pub fn profile_column(column: &Column) -> ColumnProfile {
    let mut p = ColumnProfile {
        name: column.name.clone(),
        kind: column.kind,
        missing: 0,
        distinct: 0,
        numbers: None,
        top: Vec::new(),
        range: None,
    };
    match &column.data {
        ColumnData::Number(values) => {
            let mut sorted: Vec<f64> = values.iter().flatten().copied().collect();
            p.missing = values.len() - sorted.len();
            // Values equal under `total_cmp` have the same bits: an unstable sort is enough.
            sorted.sort_unstable_by(f64::total_cmp);
            p.distinct = distinct_sorted(&sorted);
            if let (Some(&min), Some(&max), Some(median)) =
                (sorted.first(), sorted.last(), median_sorted(&sorted))
            {
                let sum: f64 = sorted.iter().sum();
                p.numbers = Some(NumberSummary {
                    min,
                    max,
                    mean: sum / sorted.len() as f64,
                    median,
                    sum,
                });
            }
        }
        ColumnData::Date(values) => {
            let mut sorted: Vec<i64> = values.iter().flatten().copied().collect();
            p.missing = values.len() - sorted.len();
            sorted.sort_unstable();
            p.distinct = distinct_sorted(&sorted);
            let with_time = column.kind == ColumnKind::DateTime;
            if let (Some(&first), Some(&last)) = (sorted.first(), sorted.last()) {
                p.range = Some((format_date(first, with_time), format_date(last, with_time)));
            }
        }
        ColumnData::Text { codes, labels } => {
            let mut counts = vec![0usize; labels.len()];
            for code in codes {
                match code {
                    Some(c) => {
                        if let Some(n) = counts.get_mut(*c as usize) {
                            *n += 1;
                        }
                    }
                    None => p.missing += 1,
                }
            }
            p.distinct = counts.iter().filter(|n| **n > 0).count();
            let mut order: Vec<usize> = (0..labels.len()).collect();
            order.sort_by(|a, b| {
                counts[*b]
                    .cmp(&counts[*a])
                    .then_with(|| labels[*a].cmp(&labels[*b]))
            });
            p.top = order
                .into_iter()
                .take(TOP_VALUES)
                .filter_map(|i| Some((labels.get(i)?.clone(), *counts.get(i)?)))
                .collect();
        }
    }
    p
}

impl ColumnProfile {
    /// One or two sentences saying what the column holds, for a participant.
    pub fn sentence(&self, lang: Lang, rows: usize) -> String {
        let main = match (self.kind, &self.numbers, &self.range) {
            (ColumnKind::Empty, _, _) => tr(lang, "data-sentence-empty"),
            (ColumnKind::Number | ColumnKind::Percent, Some(n), _) => {
                // Whole numbers stay whole; the mean gets one decimal so that it is not
                // mistaken for a value of the column.
                let whole = n.min.fract() == 0.0 && n.max.fract() == 0.0 && n.median.fract() == 0.0;
                let decimals = if whole || n.max.abs() >= 1000.0 { 0 } else { 2 };
                let mean_decimals = if whole { 1 } else { decimals };
                tr_args(
                    lang,
                    if self.kind == ColumnKind::Percent {
                        "data-sentence-percent"
                    } else {
                        "data-sentence-number"
                    },
                    &[
                        ("distinct", self.distinct.into()),
                        ("min", format_number(lang, n.min, decimals).as_str().into()),
                        ("max", format_number(lang, n.max, decimals).as_str().into()),
                        ("mean", format_number(lang, n.mean, mean_decimals).as_str().into()),
                        ("median", format_number(lang, n.median, decimals).as_str().into()),
                    ],
                )
            }
            (ColumnKind::Date | ColumnKind::DateTime, _, Some((first, last))) => tr_args(
                lang,
                "data-sentence-date",
                &[
                    ("distinct", self.distinct.into()),
                    ("first", first.as_str().into()),
                    ("last", last.as_str().into()),
                ],
            ),
            _ => {
                let top = self
                    .top
                    .iter()
                    .take(3)
                    .map(|(value, count)| format!("« {value} » ({count})"))
                    .collect::<Vec<_>>()
                    .join(", ");
                tr_args(
                    lang,
                    "data-sentence-text",
                    &[("distinct", self.distinct.into()), ("top", top.as_str().into())],
                )
            }
        };
        if self.missing == 0 || self.kind == ColumnKind::Empty {
            main
        } else {
            let missing = tr_args(
                lang,
                "data-sentence-missing",
                &[("missing", self.missing.into()), ("rows", rows.into())],
            );
            format!("{main} {missing}")
        }
    }
}
