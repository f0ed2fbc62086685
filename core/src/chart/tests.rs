//! Chart tests on the library-loans fixture: every kind draws, specs round-trip through
//! JSON, each lesson's two versions differ in the intended way, user text is escaped.

use super::data::{compute, ChartData};
use super::draw::render_svg;
use super::lessons::{lesson, suggest};
use super::*;
use crate::dataset::transform::Aggregate;
use crate::dataset::{import, Dataset};
use crate::i18n::Lang;

fn loans() -> Dataset {
    let path = format!(
        "{}/fixtures/data/bibliotheque-prets-briqueville.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    import(&std::fs::read(path).unwrap()).unwrap()
}

fn spec(kind: ChartKind, x: &str, y: Option<&str>) -> ChartSpec {
    let mut spec = ChartSpec::new(kind);
    spec.x = Some(x.into());
    spec.y = y.map(Into::into);
    spec.aggregate = if y.is_some() {
        Aggregate::Sum
    } else {
        Aggregate::Count
    };
    spec.title = "Prêts <2024> & \"co\"".into();
    spec.source = "Ville de Briqueville".into();
    spec.licence = "Licence Ouverte 2.0".into();
    spec
}

#[test]
fn every_kind_draws_an_svg_with_escaped_text() {
    let ds = loans();
    let mut specs = vec![
        spec(ChartKind::Bar, "Bibliothèque", Some("Prêts")),
        spec(ChartKind::Pie, "Catégorie", Some("Prêts")),
        spec(ChartKind::Donut, "Catégorie", None),
        spec(ChartKind::Line, "Mois", Some("Prêts")),
        spec(ChartKind::Line, "Catégorie", Some("Prêts")),
        spec(ChartKind::Scatter, "Prêts", Some("Durée moyenne (jours)")),
        spec(ChartKind::Histogram, "Prêts", None),
        spec(ChartKind::Treemap, "Catégorie", Some("Prêts")),
    ];
    for kind in [ChartKind::GroupedBar, ChartKind::StackedBar] {
        let mut s = spec(kind, "Catégorie", Some("Prêts"));
        s.colour = Some("Bibliothèque".into());
        specs.push(s);
    }
    let mut scatter = spec(ChartKind::Scatter, "Prêts", Some("Taux de retour à temps"));
    scatter.colour = Some("Public".into());
    scatter.size = Some("Durée moyenne (jours)".into());
    specs.push(scatter);
    for s in specs {
        let svg = render_svg(&s, &ds, Lang::Fr).unwrap_or_else(|e| panic!("{:?}: {e}", s.kind));
        assert!(svg.starts_with("<svg"), "{:?}", s.kind);
        assert!(svg.contains("Prêts &lt;2024&gt; &amp;"), "{:?}", s.kind);
        assert!(!svg.contains("<2024>"), "{:?}", s.kind);
        assert!(svg.contains("Licence Ouverte 2.0"), "{:?}", s.kind);
    }
}

#[test]
fn specs_round_trip_and_reject_other_files() {
    let mut s = spec(ChartKind::StackedBar, "Catégorie", Some("Prêts"));
    s.colour = Some("Public".into());
    s.top = Some(4);
    s.distortion = Some(Distortion::TruncatedAxis);
    s.filters.push(crate::dataset::transform::Filter {
        column: "Mois".into(),
        op: crate::dataset::transform::FilterOp::Ge,
        value: "01/01/2024".into(),
    });
    assert_eq!(ChartSpec::from_json(&s.to_json()), Ok(s));
    let minimal = r#"{"format":"briques-chart","version":1,"kind":"bar","x":"Catégorie"}"#;
    assert_eq!(ChartSpec::from_json(minimal).unwrap().width, 800);
    assert_eq!(
        ChartSpec::from_json(r#"{"format":"briques-chart","version":9,"kind":"bar"}"#),
        Err(ChartError::UnsupportedVersion(9))
    );
    assert_eq!(
        ChartSpec::from_json(r#"{"format":"autre","version":1,"kind":"bar"}"#),
        Err(ChartError::NotASpec)
    );
    let bad = ChartSpec::from_json("{\n\"version\": 1,\n\"kind\": \"camembert\"}").unwrap_err();
    assert!(matches!(bad, ChartError::BadSpec { line: 3, .. }), "{bad:?}");
    assert!(bad.message(Lang::Fr).contains("ligne 3"));
}

#[test]
fn missing_columns_and_empty_results_are_errors_not_panics() {
    let ds = loans();
    let mut s = ChartSpec::new(ChartKind::Bar);
    assert_eq!(
        render_svg(&s, &ds, Lang::Fr),
        Err(ChartError::MissingEncoding("x"))
    );
    s.x = Some("Nulle part".into());
    assert!(render_svg(&s, &ds, Lang::Fr)
        .unwrap_err()
        .message(Lang::Fr)
        .contains("Nulle part"));
    let mut s = spec(ChartKind::Bar, "Catégorie", Some("Bibliothèque"));
    assert!(matches!(
        render_svg(&s, &ds, Lang::Fr),
        Err(ChartError::Transform(_))
    ));
    s.y = None;
    s.aggregate = Aggregate::Count;
    s.filters.push(crate::dataset::transform::Filter {
        column: "Bibliothèque".into(),
        op: crate::dataset::transform::FilterOp::Eq,
        value: "Aucune".into(),
    });
    assert_eq!(render_svg(&s, &ds, Lang::Fr), Err(ChartError::NoData));
}

#[test]
fn each_lesson_distorts_what_it_says() {
    let ds = loans();
    let base = spec(ChartKind::Bar, "Bibliothèque", Some("Prêts"));
    // Truncated axis: the honest bars start at zero, the misleading ones do not.
    let l = lesson(&base, Distortion::TruncatedAxis);
    assert!(l.honest.axis.y_from_zero && l.misleading.distortion == Some(Distortion::TruncatedAxis));
    assert_ne!(
        render_svg(&l.honest, &ds, Lang::Fr),
        render_svg(&l.misleading, &ds, Lang::Fr)
    );
    // Too many slices: a pie of every category against sorted bars.
    let mut many = spec(ChartKind::Bar, "Catégorie", None);
    many.x = Some("Mois".into());
    let l = lesson(&many, Distortion::TooManySlices);
    let ChartData::Categories { labels, .. } = compute(&l.misleading, &ds, Lang::Fr).unwrap() else {
        panic!()
    };
    assert_eq!(labels.len(), 24);
    let ChartData::Categories { labels, .. } = compute(&l.honest, &ds, Lang::Fr).unwrap() else {
        panic!()
    };
    assert_eq!(labels.len(), 8);
    assert_eq!(labels[7], "Autres");
    // Cherry-picking keeps a quarter of the months; uneven intervals keep growing gaps.
    let time = spec(ChartKind::Line, "Mois", Some("Prêts"));
    let l = lesson(&time, Distortion::CherryPicked);
    let ChartData::Points { series, .. } = compute(&l.honest, &ds, Lang::Fr).unwrap() else {
        panic!()
    };
    assert_eq!(series[0].points.len(), 24);
    let ChartData::Points { series, .. } = compute(&l.misleading, &ds, Lang::Fr).unwrap() else {
        panic!()
    };
    assert_eq!(series[0].points.len(), 6);
    assert!(series[0].points[5].1 > series[0].points[0].1);
    let l = lesson(&time, Distortion::UnevenIntervals);
    let ChartData::Categories { labels, .. } = compute(&l.misleading, &ds, Lang::Fr).unwrap() else {
        panic!()
    };
    assert_eq!(
        labels,
        [
            "2023-01-01",
            "2023-02-01",
            "2023-04-01",
            "2023-07-01",
            "2023-12-01",
            "2024-08-01",
            "2024-12-01"
        ]
    );
    // Dual axes: the honest version indexes both series to 100.
    let mut dual = time.clone();
    dual.y2 = Some("Durée moyenne (jours)".into());
    dual.aggregate = Aggregate::Mean;
    let l = lesson(&dual, Distortion::DualAxes);
    let ChartData::Points { series, .. } = compute(&l.honest, &ds, Lang::Fr).unwrap() else {
        panic!()
    };
    assert_eq!((series[0].points[0].1, series[1].points[0].1), (100.0, 100.0));
    let svg = render_svg(&l.misleading, &ds, Lang::Fr).unwrap();
    assert!(svg.contains("Durée moyenne (jours)"));
    for &d in Distortion::ALL {
        let l = lesson(&base, d);
        assert!(l.explanation(Lang::Fr).len() > 100, "{d:?}");
        assert_ne!(l.title(Lang::Fr), l.title(Lang::En));
    }
}

#[test]
fn the_suggested_chart_follows_the_column_types() {
    let s = suggest(&loans());
    assert_eq!(s.kind, ChartKind::Bar);
    assert_eq!(s.x.as_deref(), Some("Bibliothèque"));
    assert_eq!(s.y.as_deref(), Some("Prêts"));
}

#[test]
fn the_drawn_numbers_export_as_csv_that_reads_back() {
    let ds = loans();
    let mut s = spec(ChartKind::GroupedBar, "Catégorie", Some("Prêts"));
    s.colour = Some("Public".into());
    let data = compute(&s, &ds, Lang::Fr).unwrap();
    let csv = data.to_csv("Catégorie", Lang::Fr);
    let back = import(csv.as_bytes()).unwrap();
    assert_eq!(back.rows, 6);
    assert_eq!(back.columns.len(), 4);
    let ChartData::Categories { series, .. } = data else {
        panic!()
    };
    assert_eq!(back.columns[1].number(0), series[0].values[0]);
}

#[test]
fn time_axes_are_labelled_at_the_first_of_months() {
    let svg = render_svg(&spec(ChartKind::Line, "Mois", Some("Prêts")), &loans(), Lang::Fr).unwrap();
    for month in ["2023-01-01", "2023-04-01", "2024-10-01"] {
        assert!(svg.contains(&format!("\n{month}\n")), "{month}");
    }
    assert!(!svg.contains("2023-03-28"));
}

#[test]
fn a_chart_file_beyond_the_limits_is_refused_naming_the_field() {
    let base = spec(ChartKind::Histogram, "Prêts", None);
    let refused = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut json: serde_json::Value = serde_json::from_str(&base.to_json()).unwrap();
        edit(&mut json);
        ChartSpec::from_json(&json.to_string()).unwrap_err()
    };
    let width = refused(&|j| j["width"] = 4_000_000_000u32.into());
    assert_eq!(
        width,
        ChartError::BeyondLimit {
            field: "width",
            limit: "100–4000".into()
        }
    );
    assert!(
        width.message(Lang::Fr).contains("width"),
        "{}",
        width.message(Lang::Fr)
    );
    assert_ne!(width.message(Lang::Fr), width.message(Lang::En));
    assert!(matches!(
        refused(&|j| j["bins"] = 1_000_000_000u64.into()),
        ChartError::BeyondLimit { field: "bins", .. }
    ));
    assert!(matches!(
        refused(&|j| j["top"] = 0.into()),
        ChartError::BeyondLimit { field: "top", .. }
    ));
    let filters: Vec<serde_json::Value> = (0..10_000)
        .map(|i| serde_json::json!({ "column": "Prêts", "op": "ne", "value": i.to_string() }))
        .collect();
    assert!(matches!(
        refused(&|j| j["filters"] = filters.clone().into()),
        ChartError::BeyondLimit { field: "filters", .. }
    ));
    assert!(matches!(
        refused(&|j| j["title"] = "x".repeat(5000).into()),
        ChartError::BeyondLimit { field: "title", .. }
    ));
    // Within the limits, the same file reads.
    assert_eq!(ChartSpec::from_json(&base.to_json()), Ok(base));
}

#[test]
fn a_line_over_many_distinct_values_keeps_a_bounded_number_of_points() {
    let mut text = String::from("jour;a;b\n");
    for i in 0..20_000 {
        text.push_str(&format!("{i};{};{}\n", i % 7, i % 11));
    }
    let ds = import(text.as_bytes()).unwrap();
    let mut s = spec(ChartKind::Line, "jour", Some("a"));
    s.y2 = Some("b".into());
    match compute(&s, &ds, Lang::Fr).unwrap() {
        ChartData::Points { series, .. } => {
            assert_eq!(series.len(), 2);
            for serie in series {
                assert!(!serie.points.is_empty() && serie.points.len() <= super::data::MAX_POINTS);
            }
        }
        other => panic!("{other:?}"),
    }
}
