//! What each column holds, in the spirit of DataBasic's WTFcsv: detected type, missing
//! and distinct counts, min/max/mean/median for numbers, the most frequent values for
//! text, the range for dates, and one plain-language sentence per column.

use crate::i18n::{tr, tr_args, Lang};

use super::values::{date_text, format_date, DateForm};
use super::{Column, ColumnData, ColumnKind, Dataset, NumberStyle};

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
    /// Years, whole numbers or any.
    pub style: NumberStyle,
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
    /// For dates: the first and last (seconds) and how much of them to say.
    pub dates: Option<(i64, i64, DateForm)>,
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
        dates: None,
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
                    style: NumberStyle::of(&column.name, sorted.iter().copied()),
                });
            }
        }
        ColumnData::Date(values) => {
            let mut sorted: Vec<i64> = values.iter().flatten().copied().collect();
            p.missing = values.len() - sorted.len();
            // A whole column: the standard sort (one copy for `i64`), not `sorting`.
            sorted.sort_unstable();
            p.distinct = distinct_sorted(&sorted);
            let with_time = column.kind == ColumnKind::DateTime;
            if let (Some(&first), Some(&last)) = (sorted.first(), sorted.last()) {
                p.range = Some((format_date(first, with_time), format_date(last, with_time)));
                let form = DateForm::of(sorted.iter().map(|t| *t as f64), with_time);
                p.dates = Some((first, last, form));
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
            crate::sorting::sort_by(&mut order, |a, b| {
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
        let main = match (self.kind, &self.numbers, &self.dates) {
            (ColumnKind::Empty, _, _) => tr(lang, "data-sentence-empty"),
            (ColumnKind::Number, Some(n), _) if n.style == NumberStyle::Year => tr_args(
                lang,
                "data-sentence-year",
                &[
                    ("distinct", self.distinct.into()),
                    ("min", NumberStyle::Year.format(lang, n.min, 0).as_str().into()),
                    ("max", NumberStyle::Year.format(lang, n.max, 0).as_str().into()),
                ],
            ),
            (ColumnKind::Number | ColumnKind::Percent, Some(n), _) => {
                // Whole numbers stay whole (a median between two of them gets one
                // decimal); the mean gets one decimal so that it is not mistaken for a
                // value of the column, unless it is whole.
                let decimals = if n.style != NumberStyle::Decimal || n.max.abs() >= 1000.0 {
                    0
                } else {
                    2
                };
                let at_least_one = decimals.max(1);
                let format = |v: f64, d: usize| n.style.format(lang, v, d);
                tr_args(
                    lang,
                    if self.kind == ColumnKind::Percent {
                        "data-sentence-percent"
                    } else {
                        "data-sentence-number"
                    },
                    &[
                        ("distinct", self.distinct.into()),
                        ("min", format(n.min, decimals).as_str().into()),
                        ("max", format(n.max, decimals).as_str().into()),
                        ("mean", format(n.mean, at_least_one).as_str().into()),
                        ("median", format(n.median, at_least_one).as_str().into()),
                    ],
                )
            }
            (ColumnKind::Date | ColumnKind::DateTime, _, Some((first, last, form))) => tr_args(
                lang,
                "data-sentence-date",
                &[
                    ("distinct", self.distinct.into()),
                    ("first", date_text(lang, *first, *form).as_str().into()),
                    ("last", date_text(lang, *last, *form).as_str().into()),
                    (
                        "form",
                        if *form == DateForm::Month { "month" } else { "day" }.into(),
                    ),
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
