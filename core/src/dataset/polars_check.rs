//! The transformations checked against polars on the same file (native only, with the
//! `national` feature that the server enables, so `cargo test --workspace` runs it):
//! import, filter, group by with count / sum / mean / median, sort, top N + "Autres",
//! and the two-way pivot.

use std::io::Cursor;

use polars::prelude::*;

use super::transform::{
    filter_rows, group_by, pivot, sort_groups, top_n, Aggregate, Filter, FilterOp, SortOrder,
};
use super::{import, Dataset};

const FILE: &str = "bibliotheque-prets-briqueville.csv";

fn bytes() -> Vec<u8> {
    std::fs::read(format!("{}/fixtures/data/{FILE}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The same file read by polars: numbers with a decimal comma, `NA` as null.
fn frame() -> DataFrame {
    let bytes = bytes();
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes).to_vec();
    let overwrite = Schema::from_iter([
        Field::new("Prêts".into(), DataType::Float64),
        Field::new("Durée moyenne (jours)".into(), DataType::Float64),
    ]);
    CsvReadOptions::default()
        .with_has_header(true)
        .with_schema_overwrite(Some(Arc::new(overwrite)))
        .with_parse_options(
            CsvParseOptions::default()
                .with_separator(b';')
                .with_decimal_comma(true)
                .with_null_values(Some(NullValues::AllColumnsSingle("NA".into()))),
        )
        .into_reader_with_file_handle(Cursor::new(bytes))
        .finish()
        .unwrap()
}

fn ours() -> Dataset {
    import(&bytes()).unwrap()
}

fn floats(df: &DataFrame, name: &str) -> Vec<Option<f64>> {
    df.column(name).unwrap().f64().unwrap().iter().collect()
}

fn strings(df: &DataFrame, name: &str) -> Vec<Option<String>> {
    df.column(name)
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|s| s.map(str::to_owned))
        .collect()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

fn assert_close(ours: &[Option<f64>], theirs: &[Option<f64>], what: &str) {
    assert_eq!(ours.len(), theirs.len(), "{what}");
    for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
        assert!(close(*a, *b), "{what}[{i}]: {a:?} vs polars {b:?}");
    }
}

#[test]
fn the_import_reads_the_same_numbers_as_polars() {
    let (df, ds) = (frame(), ours());
    assert_eq!(df.height(), ds.rows);
    for name in ["Prêts", "Durée moyenne (jours)"] {
        let column = ds.column(name).unwrap();
        let mine: Vec<Option<f64>> = (0..ds.rows).map(|r| column.number(r)).collect();
        assert_close(&mine, &floats(&df, name), name);
    }
    let mine: Vec<Option<String>> = (0..ds.rows)
        .map(|r| ds.column("Bibliothèque").unwrap().text(r))
        .collect();
    assert_eq!(mine, strings(&df, "Bibliothèque"));
}

#[test]
fn group_by_with_every_aggregate_equals_polars() {
    let (df, ds) = (frame(), ours());
    let rows: Vec<usize> = (0..ds.rows).collect();
    for (agg, value, expr) in [
        (Aggregate::Count, None, len().cast(DataType::Float64)),
        (Aggregate::Sum, Some("Prêts"), col("Prêts").sum()),
        (
            Aggregate::Mean,
            Some("Durée moyenne (jours)"),
            col("Durée moyenne (jours)").mean(),
        ),
        (
            Aggregate::Median,
            Some("Durée moyenne (jours)"),
            col("Durée moyenne (jours)").median(),
        ),
    ] {
        for key in ["Catégorie", "Bibliothèque", "Public"] {
            let theirs = df
                .clone()
                .lazy()
                .group_by([col(key)])
                .agg([expr.clone().alias("v")])
                .sort([key], Default::default())
                .collect()
                .unwrap();
            let groups = group_by(&ds, &rows, key, value, agg).unwrap();
            let keys: Vec<Option<String>> = groups.iter().map(|g| g.key.clone()).collect();
            assert_eq!(keys, strings(&theirs, key), "{key} {agg:?}");
            let values: Vec<Option<f64>> = groups.iter().map(|g| g.value).collect();
            assert_close(&values, &floats(&theirs, "v"), &format!("{key} {agg:?}"));
        }
    }
}

#[test]
fn filter_sort_and_top_n_equal_polars() {
    let (df, ds) = (frame(), ours());
    let rows = filter_rows(
        &ds,
        &[
            Filter {
                column: "Prêts".into(),
                op: FilterOp::Gt,
                value: "100".into(),
            },
            Filter {
                column: "Public".into(),
                op: FilterOp::Ne,
                value: "Jeunesse".into(),
            },
        ],
    )
    .unwrap();
    let filtered = df
        .clone()
        .lazy()
        .filter(
            col("Prêts")
                .gt(lit(100.0))
                .and(col("Public").neq(lit("Jeunesse"))),
        )
        .collect()
        .unwrap();
    assert_eq!(rows.len(), filtered.height());
    let mut groups = group_by(&ds, &rows, "Catégorie", Some("Prêts"), Aggregate::Sum).unwrap();
    sort_groups(&mut groups, SortOrder::ValueDescending);
    let theirs = filtered
        .clone()
        .lazy()
        .group_by([col("Catégorie")])
        .agg([col("Prêts").sum().alias("v")])
        .sort(["v"], SortMultipleOptions::default().with_order_descending(true))
        .collect()
        .unwrap();
    let keys: Vec<Option<String>> = groups.iter().map(|g| g.key.clone()).collect();
    assert_eq!(keys, strings(&theirs, "Catégorie"));
    // Top 2 + "Autres": the rest's mean is the mean of its rows, as polars computes it.
    let mut means = group_by(
        &ds,
        &rows,
        "Catégorie",
        Some("Durée moyenne (jours)"),
        Aggregate::Mean,
    )
    .unwrap();
    sort_groups(&mut means, SortOrder::ValueDescending);
    let kept: Vec<String> = means.iter().take(2).filter_map(|g| g.key.clone()).collect();
    let top = top_n(
        &ds,
        means,
        2,
        Some("Durée moyenne (jours)"),
        Aggregate::Mean,
        "Autres",
    )
    .unwrap();
    let rest = filtered
        .lazy()
        .filter(
            col("Catégorie")
                .neq(lit(kept[0].as_str()))
                .and(col("Catégorie").neq(lit(kept[1].as_str()))),
        )
        .select([col("Durée moyenne (jours)").mean().alias("v")])
        .collect()
        .unwrap();
    assert_eq!(top.len(), 3);
    assert_close(&[top[2].value], &floats(&rest, "v"), "Autres");
}

#[test]
fn the_pivot_equals_polars_grouped_on_two_keys() {
    let (df, ds) = (frame(), ours());
    let rows: Vec<usize> = (0..ds.rows).collect();
    let p = pivot(
        &ds,
        &rows,
        "Catégorie",
        "Bibliothèque",
        Some("Prêts"),
        Aggregate::Median,
    )
    .unwrap();
    let theirs = df
        .lazy()
        .group_by([col("Catégorie"), col("Bibliothèque")])
        .agg([col("Prêts").median().alias("v")])
        .collect()
        .unwrap();
    let (a, b, v) = (
        strings(&theirs, "Catégorie"),
        strings(&theirs, "Bibliothèque"),
        floats(&theirs, "v"),
    );
    let mut cells = 0;
    for (i, row) in p.rows.iter().enumerate() {
        for (j, column) in p.columns.iter().enumerate() {
            let found = (0..a.len()).find(|k| a[*k] == *row && b[*k] == *column);
            let mine = p.cells[i][j];
            assert_eq!(found.is_some(), mine.is_some(), "{row:?} × {column:?}");
            if let Some(k) = found {
                assert_close(&[mine], &[v[k]], "pivot");
                cells += 1;
            }
        }
    }
    assert_eq!(cells, theirs.height());
}
