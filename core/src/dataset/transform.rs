//! Transformations that turn a table into what a chart draws: filter rows, group by a
//! column with count / sum / mean / median, pivot on two columns, sort, keep the top N
//! with an "Autres" bucket. Missing keys form their own group (shown as "(vide)").
//! A native test checks the results against polars on the same file.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::i18n::{display_from_message, tr, tr_args, Lang};
use crate::vocabulary::codes;

use super::profile::median_sorted;
use super::values::{parse_date, parse_number, DecimalMark};
use super::{Column, ColumnData, Dataset};

/// A transformation that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransformError {
    /// No column has this name.
    UnknownColumn(String),
    /// A filter value does not fit the column's type.
    BadValue {
        /// The column.
        column: String,
        /// The value given.
        value: String,
    },
    /// Sum, mean or median of a column that holds no numbers.
    NotNumeric(String),
}

impl TransformError {
    /// The message shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TransformError::UnknownColumn(column) => tr_args(
                lang,
                "data-error-unknown-column",
                &[("column", column.as_str().into())],
            ),
            TransformError::BadValue { column, value } => tr_args(
                lang,
                "data-error-bad-filter",
                &[
                    ("column", column.as_str().into()),
                    ("value", value.as_str().into()),
                ],
            ),
            TransformError::NotNumeric(column) => tr_args(
                lang,
                "data-error-not-numeric",
                &[("column", column.as_str().into())],
            ),
        }
    }
}

display_from_message!(TransformError);

/// How a filter compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterOp {
    /// Equal.
    Eq,
    /// Not equal.
    Ne,
    /// Less than.
    Lt,
    /// Less than or equal.
    Le,
    /// Greater than.
    Gt,
    /// Greater than or equal.
    Ge,
    /// Text containing the value (case-insensitive).
    Contains,
    /// Missing value.
    Missing,
    /// Any value present.
    Present,
}

codes!(FilterOp {
    Eq => "eq",
    Ne => "ne",
    Gt => "gt",
    Ge => "ge",
    Lt => "lt",
    Le => "le",
    Contains => "contains",
    Missing => "missing",
    Present => "present",
});

impl FilterOp {
    /// Whether the comparison needs a value (all but missing / present).
    pub fn needs_value(self) -> bool {
        !matches!(self, FilterOp::Missing | FilterOp::Present)
    }
}

/// Keep the rows whose `column` compares to `value` with `op`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Column name.
    pub column: String,
    /// Comparison.
    pub op: FilterOp,
    /// Value, as a user would type it (`12,5`, `01/03/2024`, `Nantes`).
    #[serde(default)]
    pub value: String,
}

impl Filter {
    /// The filter in words (`Bibliothèque est différent de « Bibliobus »`), without the
    /// value when the comparison needs none.
    pub fn describe(&self, lang: Lang) -> String {
        let op = tr(lang, &format!("data-op-{}", self.op.code()));
        let column = self.column.as_str().into();
        if self.op.needs_value() {
            tr_args(
                lang,
                "data-filter-describe",
                &[
                    ("column", column),
                    ("op", op.as_str().into()),
                    ("value", self.value.as_str().into()),
                ],
            )
        } else {
            tr_args(
                lang,
                "data-filter-describe-no-value",
                &[("column", column), ("op", op.as_str().into())],
            )
        }
    }
}

/// How the rows of a group become one number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Aggregate {
    /// Number of rows.
    #[default]
    Count,
    /// Sum of the values present.
    Sum,
    /// Mean of the values present.
    Mean,
    /// Median of the values present.
    Median,
}

codes!(Aggregate {
    Count => "count",
    Sum => "sum",
    Mean => "mean",
    Median => "median",
});

impl Aggregate {
    /// The aggregates of a measured column (all but counting rows).
    pub const OF_VALUES: [Aggregate; 3] = [Aggregate::Sum, Aggregate::Mean, Aggregate::Median];
}

/// Order of groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// By key: numbers and dates in order, text alphabetically; missing last.
    #[default]
    Key,
    /// Smallest value first.
    ValueAscending,
    /// Largest value first.
    ValueDescending,
}

codes!(SortOrder {
    Key => "key",
    ValueDescending => "value_descending",
    ValueAscending => "value_ascending",
});

/// One group: its key, its number and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The key as text (`None` for missing keys), or the "Autres" label.
    pub key: Option<String>,
    /// The aggregate (`None` when there is no value to average).
    pub value: Option<f64>,
    /// The rows of the group.
    pub rows: Vec<usize>,
    /// Key for ordering: numbers and dates by value.
    order: KeyOrder,
}

#[derive(Debug, Clone, PartialEq)]
enum KeyOrder {
    Number(f64),
    Text(String),
    Missing,
    Others,
}

fn compare_keys(a: &KeyOrder, b: &KeyOrder) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    use KeyOrder::*;
    match (a, b) {
        (Number(x), Number(y)) => x.total_cmp(y),
        (Text(x), Text(y)) => x.cmp(y),
        (Number(_), Text(_)) => Ordering::Less,
        (Text(_), Number(_)) => Ordering::Greater,
        (Others, Others) | (Missing, Missing) => Ordering::Equal,
        (Others, _) => Ordering::Greater,
        (_, Others) => Ordering::Less,
        (Missing, _) => Ordering::Greater,
        (_, Missing) => Ordering::Less,
    }
}

/// The column named `name`, or an error.
pub fn column<'a>(dataset: &'a Dataset, name: &str) -> Result<&'a Column, TransformError> {
    dataset
        .column(name)
        .ok_or_else(|| TransformError::UnknownColumn(name.to_owned()))
}

fn parse_filter_number(value: &str) -> Option<f64> {
    parse_number(value, DecimalMark::Comma)
        .or_else(|| parse_number(value, DecimalMark::Point))
        .map(|(n, _)| n)
}

/// The rows (indices) that pass every filter, in order.
pub fn filter_rows(dataset: &Dataset, filters: &[Filter]) -> Result<Vec<usize>, TransformError> {
    let mut rows: Vec<usize> = (0..dataset.rows).collect();
    for filter in filters {
        let col = column(dataset, &filter.column)?;
        let bad = || TransformError::BadValue {
            column: filter.column.clone(),
            value: filter.value.clone(),
        };
        let op = filter.op;
        match op {
            FilterOp::Missing => rows.retain(|r| col.is_missing(*r)),
            FilterOp::Present => rows.retain(|r| !col.is_missing(*r)),
            _ => match &col.data {
                ColumnData::Number(_) | ColumnData::Date(_) => {
                    let target = if matches!(col.data, ColumnData::Date(_)) {
                        parse_date(&filter.value).map(|(s, _)| s as f64)
                    } else {
                        parse_filter_number(&filter.value)
                    };
                    if op == FilterOp::Contains {
                        let needle = filter.value.to_lowercase();
                        rows.retain(|r| col.text(*r).is_some_and(|t| t.to_lowercase().contains(&needle)));
                        continue;
                    }
                    let target = target.ok_or_else(bad)?;
                    rows.retain(|r| col.number(*r).is_some_and(|v| compare(op, v.total_cmp(&target))));
                }
                ColumnData::Text { codes, labels } => {
                    let needle = filter.value.to_lowercase();
                    let pass: Vec<bool> = labels
                        .iter()
                        .map(|label| match op {
                            FilterOp::Contains => label.to_lowercase().contains(&needle),
                            _ => compare(op, label.as_str().cmp(filter.value.as_str())),
                        })
                        .collect();
                    rows.retain(|r| {
                        codes
                            .get(*r)
                            .copied()
                            .flatten()
                            .is_some_and(|c| pass.get(c as usize).copied().unwrap_or(false))
                    });
                }
            },
        }
    }
    Ok(rows)
}

fn compare(op: FilterOp, ordering: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        FilterOp::Eq => ordering == Equal,
        FilterOp::Ne => ordering != Equal,
        FilterOp::Lt => ordering == Less,
        FilterOp::Le => ordering != Greater,
        FilterOp::Gt => ordering == Greater,
        FilterOp::Ge => ordering != Less,
        FilterOp::Contains | FilterOp::Missing | FilterOp::Present => false,
    }
}

/// The aggregate of `rows`: their count, or the sum / mean / median of `value`'s numbers.
pub fn aggregate(rows: &[usize], value: Option<&Column>, agg: Aggregate) -> Option<f64> {
    let numbers = || rows.iter().filter_map(|r| value.and_then(|c| c.number(*r)));
    match agg {
        Aggregate::Count => Some(rows.len() as f64),
        Aggregate::Sum => Some(numbers().sum()),
        Aggregate::Mean => {
            let (sum, n) = numbers().fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
            (n > 0).then(|| sum / n as f64)
        }
        Aggregate::Median => {
            let mut sorted: Vec<f64> = numbers().collect();
            sorted.sort_unstable_by(f64::total_cmp);
            median_sorted(&sorted)
        }
    }
}

fn value_column<'a>(
    dataset: &'a Dataset,
    value: Option<&str>,
    agg: Aggregate,
) -> Result<Option<&'a Column>, TransformError> {
    match (agg, value) {
        (Aggregate::Count, _) => Ok(None),
        (_, None) => Err(TransformError::NotNumeric(String::new())),
        (_, Some(name)) => {
            let col = column(dataset, name)?;
            if matches!(col.data, ColumnData::Text { .. }) {
                return Err(TransformError::NotNumeric(name.to_owned()));
            }
            Ok(Some(col))
        }
    }
}

/// Splits `rows` by the value of `key`; groups in key order.
fn split(key: &Column, rows: &[usize]) -> Vec<(KeyOrder, Option<String>, Vec<usize>)> {
    let mut groups: Vec<(KeyOrder, Option<String>, Vec<usize>)> = Vec::new();
    match &key.data {
        ColumnData::Text { codes, labels } => {
            let mut by_code: Vec<Option<usize>> = vec![None; labels.len()];
            let mut missing: Option<usize> = None;
            for &r in rows {
                let code = codes.get(r).copied().flatten();
                let slot = match code {
                    Some(c) => by_code.get_mut(c as usize),
                    None => Some(&mut missing),
                };
                let Some(slot) = slot else { continue };
                let index = *slot.get_or_insert_with(|| {
                    let label = code.and_then(|c| labels.get(c as usize).cloned());
                    let order = label.clone().map_or(KeyOrder::Missing, KeyOrder::Text);
                    groups.push((order, label, Vec::new()));
                    groups.len() - 1
                });
                if let Some(g) = groups.get_mut(index) {
                    g.2.push(r);
                }
            }
        }
        ColumnData::Number(_) | ColumnData::Date(_) => {
            let mut index: HashMap<u64, usize> = HashMap::new();
            let mut missing: Option<usize> = None;
            for &r in rows {
                let number = key.number(r);
                let slot = match number {
                    // -0.0 and 0.0 are one key.
                    Some(n) => index.entry((n + 0.0).to_bits()).or_insert(usize::MAX),
                    None => missing.get_or_insert(usize::MAX),
                };
                if *slot == usize::MAX {
                    let order = number.map_or(KeyOrder::Missing, KeyOrder::Number);
                    groups.push((order, key.text(r), Vec::new()));
                    *slot = groups.len() - 1;
                }
                if let Some(g) = groups.get_mut(*slot) {
                    g.2.push(r);
                }
            }
        }
    }
    crate::sorting::sort_by(&mut groups, |a, b| compare_keys(&a.0, &b.0));
    groups
}

/// Groups `rows` by `key` and aggregates `value` (ignored for a count).
pub fn group_by(
    dataset: &Dataset,
    rows: &[usize],
    key: &str,
    value: Option<&str>,
    agg: Aggregate,
) -> Result<Vec<Group>, TransformError> {
    let key = column(dataset, key)?;
    let value = value_column(dataset, value, agg)?;
    Ok(split(key, rows)
        .into_iter()
        .map(|(order, key, rows)| Group {
            key,
            value: aggregate(&rows, value, agg),
            rows,
            order,
        })
        .collect())
}

/// Sorts groups; ties keep key order. "Autres" stays last.
pub fn sort_groups(groups: &mut [Group], order: SortOrder) {
    let by_value = |a: &Group, b: &Group| {
        let (x, y) = (
            a.value.unwrap_or(f64::NEG_INFINITY),
            b.value.unwrap_or(f64::NEG_INFINITY),
        );
        x.total_cmp(&y)
    };
    crate::sorting::sort_by(groups, |a, b| {
        let others = (a.order == KeyOrder::Others).cmp(&(b.order == KeyOrder::Others));
        others.then_with(|| match order {
            SortOrder::Key => compare_keys(&a.order, &b.order),
            SortOrder::ValueAscending => by_value(a, b).then_with(|| compare_keys(&a.order, &b.order)),
            SortOrder::ValueDescending => by_value(b, a).then_with(|| compare_keys(&a.order, &b.order)),
        })
    });
}

/// Keeps the `n` groups with the largest values and merges the rest into one group
/// labelled `others`, whose value is recomputed from its rows (so a mean of "Autres" is
/// the mean of its rows, not a mean of means). The kept groups stay in their order.
pub fn top_n(
    dataset: &Dataset,
    groups: Vec<Group>,
    n: usize,
    value: Option<&str>,
    agg: Aggregate,
    others: &str,
) -> Result<Vec<Group>, TransformError> {
    if groups.len() <= n {
        return Ok(groups);
    }
    let value = value_column(dataset, value, agg)?;
    let mut ranked: Vec<usize> = (0..groups.len()).collect();
    crate::sorting::sort_by(&mut ranked, |a, b| {
        let value = |i: &usize| groups.get(*i).and_then(|g| g.value).unwrap_or(f64::NEG_INFINITY);
        value(b).total_cmp(&value(a)).then(a.cmp(b))
    });
    let mut keep = vec![false; groups.len()];
    for i in ranked.into_iter().take(n) {
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
    }
    let mut kept = Vec::with_capacity(n + 1);
    let mut rest_rows = Vec::new();
    for (group, keep) in groups.into_iter().zip(keep) {
        if keep {
            kept.push(group);
        } else {
            rest_rows.extend(group.rows);
        }
    }
    // Row numbers, possibly many: the standard sort (one copy for `usize`).
    rest_rows.sort_unstable();
    kept.push(Group {
        key: Some(others.to_owned()),
        value: aggregate(&rest_rows, value, agg),
        rows: rest_rows,
        order: KeyOrder::Others,
    });
    Ok(kept)
}

/// A two-way table: one row per value of the first key, one column per value of the
/// second, the aggregate in each cell (`None` when no row falls there).
#[derive(Debug, Clone, PartialEq)]
pub struct Pivot {
    /// Row keys, in key order.
    pub rows: Vec<Option<String>>,
    /// Column keys, in key order.
    pub columns: Vec<Option<String>>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<Option<f64>>>,
}

/// Pivots `rows` on two columns.
pub fn pivot(
    dataset: &Dataset,
    rows: &[usize],
    row_key: &str,
    column_key: &str,
    value: Option<&str>,
    agg: Aggregate,
) -> Result<Pivot, TransformError> {
    let row_col = column(dataset, row_key)?;
    let col_col = column(dataset, column_key)?;
    let value = value_column(dataset, value, agg)?;
    let columns = split(col_col, rows);
    let mut column_of_row: HashMap<usize, usize> = HashMap::new();
    for (j, (_, _, members)) in columns.iter().enumerate() {
        for r in members {
            column_of_row.insert(*r, j);
        }
    }
    let row_groups = split(row_col, rows);
    let mut cells = Vec::with_capacity(row_groups.len());
    for (_, _, members) in &row_groups {
        let mut per_column: Vec<Vec<usize>> = vec![Vec::new(); columns.len()];
        for r in members {
            if let Some(bucket) = column_of_row.get(r).and_then(|j| per_column.get_mut(*j)) {
                bucket.push(*r);
            }
        }
        cells.push(
            per_column
                .iter()
                .map(|rs| (!rs.is_empty()).then(|| aggregate(rs, value, agg)).flatten())
                .collect(),
        );
    }
    Ok(Pivot {
        rows: row_groups.into_iter().map(|g| g.1).collect(),
        columns: columns.into_iter().map(|g| g.1).collect(),
        cells,
    })
}
