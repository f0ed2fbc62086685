//! From a spec and a table to the numbers a chart draws: categories with one or more
//! series, points along a numeric or time axis, or histogram bins. Distortions that
//! change the data (cherry-picked range, uneven intervals) are applied here; those that
//! change the drawing (truncated axis, dual axes) in [`super::draw`].

use crate::dataset::transform::{filter_rows, group_by, sort_groups, top_n, Aggregate, Group, SortOrder};
use crate::dataset::{ColumnKind, Dataset, NumberStyle};
use crate::i18n::{tr, tr_args, Lang};

use super::{ChartError, ChartKind, ChartSpec, Distortion};

/// Categories drawn at most before the rest become "Autres" (unless the spec says).
pub const MAX_CATEGORIES: usize = 40;
/// Slices of a pie before the rest become "Autres" (the lesson on too many slices
/// draws them all, up to [`MAX_CATEGORIES`]).
pub const MAX_SERIES: usize = 8;
/// Points of a scatter plot drawn at most (evenly sampled beyond).
pub const MAX_POINTS: usize = 5_000;

/// One named series of values, one per category.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Legend label.
    pub name: String,
    /// One value per category (`None`: nothing there).
    pub values: Vec<Option<f64>>,
}

/// One named series of points.
#[derive(Debug, Clone, PartialEq)]
pub struct PointSeries {
    /// Legend label.
    pub name: String,
    /// (x, y) pairs, sorted by x for lines.
    pub points: Vec<(f64, f64)>,
    /// Sizes of the points (scatter with a `size` column), same length or empty.
    pub sizes: Vec<f64>,
}

/// What a chart draws.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartData {
    /// Categories along the horizontal axis (or the slices, or the rectangles).
    Categories {
        /// Category labels, in drawing order.
        labels: Vec<String>,
        /// One or more series.
        series: Vec<Series>,
        /// What the labels are (dates are written in ISO form, and in words when drawn).
        x_kind: ColumnKind,
    },
    /// Points along a numeric or time axis.
    Points {
        /// What the horizontal axis holds.
        x_kind: ColumnKind,
        /// How its numbers read (years, whole numbers).
        x_style: NumberStyle,
        /// The series.
        series: Vec<PointSeries>,
    },
    /// Histogram bins: `edges` has one more element than `counts`.
    Bins {
        /// Bin edges.
        edges: Vec<f64>,
        /// Rows per bin.
        counts: Vec<f64>,
        /// How the edges read (years, whole numbers).
        x_style: NumberStyle,
    },
}

fn need<'a>(value: &'a Option<String>, which: &'static str) -> Result<&'a str, ChartError> {
    value.as_deref().ok_or(ChartError::MissingEncoding(which))
}

/// What the x column holds (text when there is none).
fn x_kind(spec: &ChartSpec, ds: &Dataset) -> ColumnKind {
    spec.x
        .as_deref()
        .and_then(|x| ds.column(x))
        .map_or(ColumnKind::Text, |c| c.kind)
}

fn key_label(group: &Group, lang: Lang) -> String {
    group.key.clone().unwrap_or_else(|| tr(lang, "chart-missing-key"))
}

/// The groups of the x column, sorted and cut to the top N as the spec says.
fn categories(
    spec: &ChartSpec,
    ds: &Dataset,
    rows: &[usize],
    lang: Lang,
    limit: usize,
) -> Result<Vec<Group>, ChartError> {
    let x = need(&spec.x, "x")?;
    let mut groups = group_by(ds, rows, x, spec.y.as_deref(), spec.aggregate)?;
    sort_groups(&mut groups, spec.sort);
    let top = spec.top.unwrap_or(limit).min(limit).max(1);
    if groups.len() > top {
        groups = top_n(
            ds,
            groups,
            top.saturating_sub(1).max(1),
            spec.y.as_deref(),
            spec.aggregate,
            &tr(lang, "chart-others"),
        )?;
        sort_groups(&mut groups, spec.sort);
    }
    Ok(groups)
}

/// The values of the colour column that become series: the most frequent ones.
fn colour_keys(
    spec: &ChartSpec,
    ds: &Dataset,
    rows: &[usize],
) -> Result<Option<Vec<Option<String>>>, ChartError> {
    let Some(colour) = spec.colour.as_deref() else {
        return Ok(None);
    };
    let mut groups = group_by(ds, rows, colour, None, Aggregate::Count)?;
    sort_groups(&mut groups, SortOrder::ValueDescending);
    groups.truncate(MAX_SERIES);
    let mut keys: Vec<(Option<String>, usize)> = groups.into_iter().map(|g| (g.key, g.rows.len())).collect();
    crate::sorting::sort_by(&mut keys, |a, b| a.0.cmp(&b.0));
    Ok(Some(keys.into_iter().map(|k| k.0).collect()))
}

/// Splits each category's rows by the colour column and aggregates.
fn split_by_colour(
    spec: &ChartSpec,
    ds: &Dataset,
    groups: &[Group],
    keys: &[Option<String>],
    lang: Lang,
) -> Result<Vec<Series>, ChartError> {
    let colour = need(&spec.colour, "colour")?;
    let mut series: Vec<Series> = keys
        .iter()
        .map(|k| Series {
            name: k.clone().unwrap_or_else(|| tr(lang, "chart-missing-key")),
            values: vec![None; groups.len()],
        })
        .collect();
    for (i, group) in groups.iter().enumerate() {
        for sub in group_by(ds, &group.rows, colour, spec.y.as_deref(), spec.aggregate)? {
            if let Some(j) = keys.iter().position(|k| *k == sub.key) {
                if let Some(slot) = series.get_mut(j).and_then(|s| s.values.get_mut(i)) {
                    *slot = sub.value;
                }
            }
        }
    }
    Ok(series)
}

/// Computes what `spec` draws from `ds`.
pub fn compute(spec: &ChartSpec, ds: &Dataset, lang: Lang) -> Result<ChartData, ChartError> {
    let rows = filter_rows(ds, &spec.filters)?;
    if rows.is_empty() {
        return Err(ChartError::NoData);
    }
    let data = match spec.kind {
        ChartKind::Histogram => histogram(spec, ds, &rows)?,
        ChartKind::Scatter => scatter(spec, ds, &rows, lang)?,
        ChartKind::Line => line(spec, ds, &rows, lang)?,
        ChartKind::Bar | ChartKind::Pie | ChartKind::Donut | ChartKind::Treemap => {
            let limit = match (spec.kind, spec.distortion) {
                (ChartKind::Pie | ChartKind::Donut, Some(Distortion::TooManySlices)) => MAX_CATEGORIES,
                (ChartKind::Pie | ChartKind::Donut, _) => MAX_SERIES,
                _ => MAX_CATEGORIES,
            };
            let groups = categories(spec, ds, &rows, lang, limit)?;
            ChartData::Categories {
                labels: groups.iter().map(|g| key_label(g, lang)).collect(),
                series: vec![Series {
                    name: measure_label(spec, lang),
                    values: groups.iter().map(|g| g.value).collect(),
                }],
                x_kind: x_kind(spec, ds),
            }
        }
        ChartKind::GroupedBar | ChartKind::StackedBar => {
            let groups = categories(spec, ds, &rows, lang, MAX_CATEGORIES)?;
            let series = match colour_keys(spec, ds, &rows)? {
                Some(keys) => split_by_colour(spec, ds, &groups, &keys, lang)?,
                None => vec![Series {
                    name: measure_label(spec, lang),
                    values: groups.iter().map(|g| g.value).collect(),
                }],
            };
            ChartData::Categories {
                labels: groups.iter().map(|g| key_label(g, lang)).collect(),
                series,
                x_kind: x_kind(spec, ds),
            }
        }
    };
    let data = if spec.axis.index_base_100 {
        index_base_100(data)
    } else {
        data
    };
    let empty = match &data {
        ChartData::Categories { series, .. } => series.iter().all(|s| s.values.iter().all(Option::is_none)),
        ChartData::Points { series, .. } => series.iter().all(|s| s.points.is_empty()),
        ChartData::Bins { counts, .. } => counts.is_empty(),
    };
    if empty {
        return Err(ChartError::NoData);
    }
    Ok(data)
}

/// "Nombre de lignes", or "Somme des prêts": what the bars or lines measure.
pub fn measure_label(spec: &ChartSpec, lang: Lang) -> String {
    match (spec.aggregate, spec.y.as_deref()) {
        (Aggregate::Count, _) | (_, None) => tr(lang, "chart-measure-count"),
        (agg, Some(y)) => measure_of(agg, y, lang),
    }
}

/// "Somme des entrées", "Moyenne d'âge", "Sum of loans": the column's name in lower
/// case when it is a capitalised word ("INSEE" stays), with the article the catalogue
/// chooses from the form of its first word (plural in `s` or `x`, or starting with a
/// vowel or a mute `h`).
pub fn measure_of(agg: Aggregate, column: &str, lang: Lang) -> String {
    // A capital followed by a small letter (ASCII, or Latin-1 from `ß`) is lowered.
    let mut chars = column.chars();
    let column = match (chars.next(), chars.next(), column.char_indices().nth(1)) {
        (Some(_), Some(next), Some((at, _))) if next.is_ascii_lowercase() || next >= 'ß' => {
            column.get(..at).unwrap_or_default().to_lowercase() + column.get(at..).unwrap_or_default()
        }
        _ => column.to_owned(),
    };
    let word = column.split(' ').next().unwrap_or_default();
    let form = if word.len() > 1 && matches!(word.as_bytes().last(), Some(b's' | b'x')) {
        "plural"
    } else if word.starts_with(|c| "aeiouyhàâéèêîôûAEIOUYHÀÂÉÈÊÎÔÛ".contains(c)) {
        "vowel"
    } else {
        "other"
    };
    tr_args(
        lang,
        &format!("chart-measure-{}", agg.code()),
        &[("column", column.as_str().into()), ("form", form.into())],
    )
}

fn histogram(spec: &ChartSpec, ds: &Dataset, rows: &[usize]) -> Result<ChartData, ChartError> {
    let name = spec
        .x
        .as_deref()
        .or(spec.y.as_deref())
        .ok_or(ChartError::MissingEncoding("x"))?;
    let column = crate::dataset::transform::column(ds, name)?;
    if !(column.kind.is_numeric() || column.kind.is_temporal()) {
        return Err(crate::dataset::transform::TransformError::NotNumeric(name.to_owned()).into());
    }
    let values: Vec<f64> = rows.iter().filter_map(|r| column.number(*r)).collect();
    let (Some(min), Some(max)) = (
        values.iter().copied().reduce(f64::min),
        values.iter().copied().reduce(f64::max),
    ) else {
        return Err(ChartError::NoData);
    };
    // Sturges' rule unless the spec says.
    let bins = spec
        .bins
        .unwrap_or_else(|| ((values.len() as f64).log2().ceil() as usize + 1).clamp(5, 30))
        .clamp(1, 200);
    let x_style = NumberStyle::of(&column.name, values.iter().copied());
    // Whole numbers get bins of a whole width, the last one holding the largest value:
    // no edge falls between two possible values.
    let whole = x_style != NumberStyle::Decimal;
    let width = match (whole, max > min) {
        (true, _) => ((max - min + 1.0) / bins as f64).ceil(),
        (false, true) => (max - min) / bins as f64,
        (false, false) => 1.0,
    };
    let bins = if whole {
        (((max - min + 1.0) / width).ceil() as usize).clamp(1, 200)
    } else {
        bins
    };
    let edges: Vec<f64> = (0..=bins).map(|i| min + width * i as f64).collect();
    let mut counts = vec![0.0; bins];
    for v in values {
        let i = (((v - min) / width) as usize).min(bins - 1);
        if let Some(c) = counts.get_mut(i) {
            *c += 1.0;
        }
    }
    Ok(ChartData::Bins {
        edges,
        counts,
        x_style,
    })
}

fn scatter(spec: &ChartSpec, ds: &Dataset, rows: &[usize], lang: Lang) -> Result<ChartData, ChartError> {
    use crate::dataset::transform::{column, TransformError};
    let x_name = need(&spec.x, "x")?;
    let y_name = need(&spec.y, "y")?;
    let x = column(ds, x_name)?;
    let y = column(ds, y_name)?;
    for (c, name) in [(x, x_name), (y, y_name)] {
        if !(c.kind.is_numeric() || c.kind.is_temporal()) {
            return Err(TransformError::NotNumeric(name.to_owned()).into());
        }
    }
    let size = spec.size.as_deref().map(|s| column(ds, s)).transpose()?;
    let colour = spec.colour.as_deref().map(|c| column(ds, c)).transpose()?;
    let step = rows.len().div_ceil(MAX_POINTS).max(1);
    let mut series: Vec<PointSeries> = Vec::new();
    for &r in rows.iter().step_by(step) {
        let (Some(px), Some(py)) = (x.number(r), y.number(r)) else {
            continue;
        };
        let name = match colour {
            Some(c) => c.text(r).unwrap_or_else(|| tr(lang, "chart-missing-key")),
            None => measure_label(spec, lang),
        };
        let index = match series.iter().position(|s| s.name == name) {
            Some(i) => i,
            None if series.len() < MAX_SERIES => {
                series.push(PointSeries {
                    name,
                    points: Vec::new(),
                    sizes: Vec::new(),
                });
                series.len() - 1
            }
            None => series.len() - 1,
        };
        if let Some(s) = series.get_mut(index) {
            s.points.push((px, py));
            if let Some(size) = size {
                s.sizes.push(size.number(r).unwrap_or(0.0));
            }
        }
    }
    crate::sorting::sort_by(&mut series, |a, b| a.name.cmp(&b.name));
    Ok(ChartData::Points {
        x_kind: x.kind,
        x_style: x.number_style(),
        series,
    })
}

fn line(spec: &ChartSpec, ds: &Dataset, rows: &[usize], lang: Lang) -> Result<ChartData, ChartError> {
    let x_name = need(&spec.x, "x")?;
    let x = crate::dataset::transform::column(ds, x_name)?;
    let numeric_x = x.kind.is_numeric() || x.kind.is_temporal();
    let mut groups = group_by(ds, rows, x_name, spec.y.as_deref(), spec.aggregate)?;
    sort_groups(&mut groups, SortOrder::Key);
    // A line of more points than a chart has pixels shows nothing more: beyond
    // MAX_POINTS, evenly spaced points are kept (whatever the file holds).
    if groups.len() > MAX_POINTS {
        let step = groups.len().div_ceil(MAX_POINTS);
        groups = groups.into_iter().step_by(step).collect();
    }
    let mut series: Vec<(String, Vec<Option<f64>>)> = match (&spec.y2, colour_keys(spec, ds, rows)?) {
        (Some(y2), _) => {
            let aggregate = if spec.aggregate == Aggregate::Count {
                Aggregate::Sum
            } else {
                spec.aggregate
            };
            let second = group_by(ds, rows, x_name, Some(y2), aggregate)?;
            let at: std::collections::HashMap<&Option<String>, usize> =
                groups.iter().enumerate().map(|(i, g)| (&g.key, i)).collect();
            let mut second_values = vec![None; groups.len()];
            for g in second {
                if let Some(slot) = at.get(&g.key).and_then(|i| second_values.get_mut(*i)) {
                    *slot = g.value;
                }
            }
            vec![
                (
                    measure_label(spec, lang),
                    groups.iter().map(|g| g.value).collect(),
                ),
                (measure_of(aggregate, y2, lang), second_values),
            ]
        }
        (None, Some(keys)) => split_by_colour(spec, ds, &groups, &keys, lang)?
            .into_iter()
            .map(|s| (s.name, s.values))
            .collect(),
        (None, None) => vec![(
            measure_label(spec, lang),
            groups.iter().map(|g| g.value).collect(),
        )],
    };
    let mut positions: Vec<f64> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| g.rows.first().and_then(|r| x.number(*r)).unwrap_or(i as f64))
        .collect();
    let mut labels: Vec<String> = groups.iter().map(|g| key_label(g, lang)).collect();
    // Missing x values cannot be placed on a numeric axis.
    if numeric_x {
        let keep: Vec<bool> = groups.iter().map(|g| g.key.is_some()).collect();
        positions = keep_where(positions, &keep);
        labels = keep_where(labels, &keep);
        for s in &mut series {
            s.1 = keep_where(std::mem::take(&mut s.1), &keep);
        }
    }
    let n = positions.len();
    match spec.distortion {
        Some(Distortion::CherryPicked) if n >= 6 => {
            // The stretch of at most a quarter of the points (three at least) over which
            // the first series rises most: from a trough to a peak.
            let most = (n / 4).max(3);
            let first = series.first().map(|s| s.1.clone()).unwrap_or_default();
            let mut best = (0, most, f64::NEG_INFINITY);
            for start in 0..n {
                for end in start + 2..(start + most).min(n) {
                    if let (Some(Some(a)), Some(Some(b))) = (first.get(start), first.get(end)) {
                        if b - a > best.2 {
                            best = (start, end + 1, b - a);
                        }
                    }
                }
            }
            let (start, end, _) = best;
            positions = positions.get(start..end).map(<[f64]>::to_vec).unwrap_or_default();
            labels = labels.get(start..end).map(<[String]>::to_vec).unwrap_or_default();
            for s in &mut series {
                s.1 =
                    s.1.get(start..end)
                        .map(<[Option<f64>]>::to_vec)
                        .unwrap_or_default();
            }
        }
        Some(Distortion::UnevenIntervals) => {
            // Keep points at growing gaps (1, 2, 3, 5, 8… apart) and draw them evenly spaced.
            let mut picked = vec![0usize];
            let (mut a, mut b) = (1usize, 2usize);
            while let Some(&last) = picked.last() {
                let next = last + a;
                if next >= n {
                    break;
                }
                picked.push(next);
                (a, b) = (b, a + b);
            }
            if picked.last() != Some(&(n.saturating_sub(1))) && n > 1 {
                picked.push(n - 1);
            }
            let labels: Vec<String> = picked.iter().filter_map(|i| labels.get(*i).cloned()).collect();
            let series = series
                .into_iter()
                .map(|(name, values)| Series {
                    name,
                    values: picked.iter().map(|i| values.get(*i).copied().flatten()).collect(),
                })
                .collect();
            return Ok(ChartData::Categories {
                labels,
                series,
                x_kind: x.kind,
            });
        }
        _ => {}
    }
    if numeric_x {
        let series = series
            .into_iter()
            .map(|(name, values)| PointSeries {
                name,
                points: positions
                    .iter()
                    .zip(values)
                    .filter_map(|(x, v)| Some((*x, v?)))
                    .collect(),
                sizes: Vec::new(),
            })
            .collect();
        Ok(ChartData::Points {
            x_kind: x.kind,
            x_style: x.number_style(),
            series,
        })
    } else {
        Ok(ChartData::Categories {
            x_kind: x.kind,
            labels,
            series: series
                .into_iter()
                .map(|(name, values)| Series { name, values })
                .collect(),
        })
    }
}

fn keep_where<T>(values: Vec<T>, keep: &[bool]) -> Vec<T> {
    values
        .into_iter()
        .zip(keep)
        .filter_map(|(v, k)| k.then_some(v))
        .collect()
}

/// Each series divided by its first non-zero value, times 100.
fn index_base_100(data: ChartData) -> ChartData {
    match data {
        ChartData::Categories {
            labels,
            series,
            x_kind,
        } => ChartData::Categories {
            labels,
            x_kind,
            series: series
                .into_iter()
                .map(|s| {
                    let b = s.values.iter().flatten().copied().find(|v| *v != 0.0);
                    Series {
                        name: s.name,
                        values: s.values.iter().map(|v| Some(*v.as_ref()? / b? * 100.0)).collect(),
                    }
                })
                .collect(),
        },
        ChartData::Points {
            x_kind,
            x_style,
            series,
        } => ChartData::Points {
            x_kind,
            x_style,
            series: series
                .into_iter()
                .map(|s| {
                    let b = s.points.iter().map(|p| p.1).find(|v| *v != 0.0).unwrap_or(1.0);
                    PointSeries {
                        name: s.name,
                        points: s.points.iter().map(|(x, y)| (*x, y / b * 100.0)).collect(),
                        sizes: s.sizes,
                    }
                })
                .collect(),
        },
        other => other,
    }
}

fn csv_number(value: f64) -> String {
    crate::dataset::values::plain_number(value).replace('.', ",")
}

impl ChartData {
    /// The numbers drawn, as a CSV for French spreadsheets: one row per category (one
    /// column per series), per point (series, x, y) or per bin (from, to, rows).
    pub fn to_csv(&self, x_name: &str, lang: Lang) -> String {
        use crate::dataset::table_to_csv;
        match self {
            ChartData::Categories { labels, series, .. } => {
                let mut header = vec![x_name.to_owned()];
                header.extend(series.iter().map(|s| s.name.clone()));
                let rows = labels.iter().enumerate().map(|(i, label)| {
                    let mut row = vec![label.clone()];
                    row.extend(series.iter().map(|s| {
                        s.values
                            .get(i)
                            .copied()
                            .flatten()
                            .map(csv_number)
                            .unwrap_or_default()
                    }));
                    row
                });
                table_to_csv(&header, rows)
            }
            ChartData::Points { x_kind, series, .. } => {
                let header = [
                    tr(lang, "chart-csv-series"),
                    x_name.to_owned(),
                    tr(lang, "chart-csv-value"),
                ];
                let x_text = |x: f64| match x_kind {
                    ColumnKind::Date => crate::dataset::values::format_date(x as i64, false),
                    ColumnKind::DateTime => crate::dataset::values::format_date(x as i64, true),
                    _ => csv_number(x),
                };
                let rows = series.iter().flat_map(|s| {
                    s.points
                        .iter()
                        .map(move |(x, y)| vec![s.name.clone(), x_text(*x), csv_number(*y)])
                });
                table_to_csv(&header, rows)
            }
            ChartData::Bins { edges, counts, .. } => {
                let header = [
                    tr(lang, "chart-csv-from"),
                    tr(lang, "chart-csv-to"),
                    tr(lang, "chart-measure-count"),
                ];
                let rows = edges
                    .windows(2)
                    .zip(counts)
                    .map(|(w, c)| vec![csv_number(w[0]), csv_number(w[1]), csv_number(*c)]);
                table_to_csv(&header, rows)
            }
        }
    }
}

/// A chart's counts of people with statistical secrecy applied
/// ([`crate::dataset::secrecy`]): the chart draws nothing where a count is hidden, and
/// its table (on the page and in the CSV) says « < 11 » for a small count, « secret »
/// for one hidden so that a small one cannot be recomputed, with the totals that are
/// published.
#[derive(Debug, Clone, PartialEq)]
pub struct PeopleTable {
    /// The header: the categories' column, the series, and « Total » for several series.
    pub header: Vec<String>,
    /// One row per category (and a « Total » row for one series), as written.
    pub rows: Vec<Vec<String>>,
    /// Which numbers are hidden.
    pub masking: crate::dataset::secrecy::Masking,
}

impl PeopleTable {
    /// The table as a CSV for French spreadsheets.
    pub fn to_csv(&self) -> String {
        crate::dataset::table_to_csv(&self.header, self.rows.iter().cloned())
    }
}

impl ChartData {
    /// Masks the counts of a chart of categories (each series a column) for `threshold`:
    /// hidden counts become `None` (not drawn) and the table says which. `None` for
    /// points and bins, which this rule does not cover (the page says so).
    pub fn mask_people(&mut self, x_name: &str, threshold: f64, lang: Lang) -> Option<PeopleTable> {
        use crate::dataset::secrecy::{mask_counts, Total};
        let ChartData::Categories { labels, series, .. } = self else {
            return None;
        };
        let table: Vec<Vec<Option<f64>>> = (0..labels.len())
            .map(|i| {
                series
                    .iter()
                    .map(|s| s.values.get(i).copied().flatten())
                    .collect()
            })
            .collect();
        let masking = mask_counts(&table, threshold);
        let small = tr_args(
            lang,
            "data-secret-small",
            &[("k", (&csv_number(threshold)).into())],
        );
        let secret = tr(lang, "data-secret-hidden");
        let total_text = |t: &Total| {
            if t.hidden {
                small.clone()
            } else {
                csv_number(t.value)
            }
        };
        let mut header = vec![x_name.to_owned()];
        header.extend(series.iter().map(|s| s.name.clone()));
        let several = series.len() > 1;
        if several {
            header.push(tr(lang, "data-secret-total"));
        }
        let mut rows: Vec<Vec<String>> = Vec::with_capacity(labels.len() + 1);
        for (i, label) in labels.iter().enumerate() {
            let mut row = vec![label.clone()];
            for (j, s) in series.iter_mut().enumerate() {
                let value = s.values.get_mut(i);
                let text = match value {
                    Some(v) if masking.hidden(i, j) => {
                        *v = None;
                        if masking.is_small(i, j) {
                            small.clone()
                        } else {
                            secret.clone()
                        }
                    }
                    Some(Some(v)) => csv_number(*v),
                    _ => String::new(),
                };
                row.push(text);
            }
            if let Some(total) = masking.row_totals.get(i).filter(|_| several) {
                row.push(total_text(total));
            }
            rows.push(row);
        }
        if let Some(total) = &masking.column_total {
            rows.push(vec![tr(lang, "data-secret-total"), total_text(total)]);
        }
        Some(PeopleTable {
            header,
            rows,
            masking,
        })
    }
}
