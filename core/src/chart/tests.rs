//! Chart tests on the library-loans fixture: every kind draws, specs round-trip through
//! JSON, each lesson's two versions differ in the intended way, user text is escaped.

use super::data::{compute, measure_of, ChartData};
use super::draw::{render_data_svg, render_svg};
use super::lessons::{lesson, suggest, truncated_start, weak_effect};
use super::*;
use crate::dataset::profile::profile;
use crate::dataset::transform::{Aggregate, SortOrder};
use crate::dataset::{import, Dataset, NumberStyle};
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

// ---------------------------------------------------------------------------
// A first workshop without a stumble: years, dates and measures as people read them,
// the dual-axes chart drawn once per axis, and lessons whose trick shows (or says why
// not), measured on the loans fixture and on the chart pack's own dataset.

/// The chart pack's dataset (`workshops/lire-un-graphique`), as the page opens it.
fn library() -> Dataset {
    let path = format!(
        "{}/../workshops/lire-un-graphique/donnees/mediatheque-briqueville.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    import(&std::fs::read(path).unwrap()).unwrap()
}

fn by(kind: ChartKind, x: &str, y: &str) -> ChartSpec {
    let mut s = ChartSpec::new(kind);
    s.x = Some(x.into());
    s.y = Some(y.into());
    s.aggregate = Aggregate::Sum;
    s
}

/// The texts of an SVG drawn by plotters: anchor point, text, whether rotated.
fn texts(svg: &str) -> Vec<(f64, f64, String, bool)> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|t| {
            let (attrs, rest) = t.split_once('>')?;
            let attrs = format!(" {attrs}");
            let attr = |name: &str| -> Option<f64> {
                attrs
                    .split(&format!(" {name}=\""))
                    .nth(1)?
                    .split('"')
                    .next()?
                    .parse()
                    .ok()
            };
            let text = rest.split("</text>").next()?.trim().to_owned();
            Some((attr("x")?, attr("y")?, text, attrs.contains("rotate(")))
        })
        .collect()
}

fn labels(svg: &str) -> Vec<String> {
    texts(svg).into_iter().map(|t| t.2).collect()
}

fn values(data: &ChartData) -> Vec<f64> {
    match data {
        ChartData::Categories { series, .. } => series[0].values.iter().flatten().copied().collect(),
        ChartData::Points { series, .. } => series[0].points.iter().map(|p| p.1).collect(),
        ChartData::Bins { counts, .. } => counts.clone(),
    }
}

fn min_max(values: &[f64]) -> (f64, f64) {
    values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(*v), b.max(*v))
        })
}

#[test]
fn year_columns_read_as_years_and_whole_numbers_without_decimals() {
    let ds = library();
    assert_eq!(ds.column("Année").unwrap().number_style(), NumberStyle::Year);
    assert_eq!(ds.column("Entrées").unwrap().number_style(), NumberStyle::Whole);
    assert_eq!(
        loans().column("Durée moyenne (jours)").unwrap().number_style(),
        NumberStyle::Decimal
    );
    // A year needs a name that says so and plausible values.
    assert_eq!(
        NumberStyle::of("Population", [1850.0, 1990.0].into_iter()),
        NumberStyle::Whole
    );
    assert_eq!(
        NumberStyle::of("exer", [2019.0, 2024.0].into_iter()),
        NumberStyle::Year
    );
    assert_eq!(
        NumberStyle::of("Year", [19.0, 24.0].into_iter()),
        NumberStyle::Whole
    );
    assert_eq!(NumberStyle::Year.format(Lang::Fr, 2012.0, 1), "2012");
    assert_eq!(NumberStyle::Whole.format(Lang::Fr, 16900.0, 1), "16\u{202f}900");

    // The profile: years as years, whole numbers without decimals.
    let p = profile(&ds);
    assert_eq!(
        p.columns[0].sentence(Lang::Fr, ds.rows),
        "Des années (13 différentes), de 2012 à 2024."
    );
    assert_eq!(
        p.columns[0].sentence(Lang::En, ds.rows),
        "Years (13 different), from 2012 to 2024."
    );
    let entries = p.columns[1].sentence(Lang::Fr, ds.rows);
    assert!(entries.contains("de 8\u{202f}900 à 16\u{202f}900"), "{entries}");
    assert!(entries.contains("médiane 15\u{202f}200"), "{entries}");
    // A median between two whole numbers gets one decimal, never two.
    let loans = loans();
    let loans_profile = profile(&loans);
    let prets = loans_profile.columns[4].sentence(Lang::Fr, loans.rows);
    assert!(!prets.contains(",00") && prets.contains("de 6 à 513"), "{prets}");

    // A line by year: ticks 2012, 2014… without separator nor decimals.
    let svg = render_svg(&by(ChartKind::Line, "Année", "Entrées"), &ds, Lang::Fr).unwrap();
    let drawn = labels(&svg);
    for year in ["2012", "2014", "2024"] {
        assert!(drawn.iter().any(|t| t == year), "{year} in {drawn:?}");
    }
    let spaced_year = |t: &String| t.starts_with("2\u{202f}01") || t.starts_with("2\u{202f}02");
    assert!(
        !drawn.iter().any(|t| spaced_year(t) || t.contains("2012,")),
        "{drawn:?}"
    );
    // Bars by year, a histogram and a scatter plot of years.
    let svg = render_svg(&by(ChartKind::Bar, "Année", "Entrées"), &ds, Lang::Fr).unwrap();
    assert!(labels(&svg).iter().any(|t| t == "2020"));
    let mut histogram = ChartSpec::new(ChartKind::Histogram);
    histogram.x = Some("Année".into());
    let svg = render_svg(&histogram, &ds, Lang::Fr).unwrap();
    assert!(!labels(&svg).iter().any(|t| spaced_year(t) || t.contains(',')));
    let svg = render_svg(&by(ChartKind::Scatter, "Année", "Animations"), &ds, Lang::Fr).unwrap();
    assert!(!labels(&svg).iter().any(|t| spaced_year(t) || t.contains('.')));
}

#[test]
fn whole_values_get_whole_axis_labels_and_whole_bins() {
    // Three libraries counted: 144 rows each; a filter leaves tiny counts.
    let text = "Commune;Enfants\nA;0\nA;1\nB;2\nC;3\nC;1\n";
    let ds = import(text.as_bytes()).unwrap();
    let mut count = ChartSpec::new(ChartKind::Bar);
    count.x = Some("Commune".into());
    let drawn = labels(&render_svg(&count, &ds, Lang::Fr).unwrap());
    assert!(drawn.iter().any(|t| t == "2"), "{drawn:?}");
    assert!(!drawn.iter().any(|t| t.contains(',')), "no decimals: {drawn:?}");
    let mut histogram = ChartSpec::new(ChartKind::Histogram);
    histogram.x = Some("Enfants".into());
    let ChartData::Bins { edges, counts, .. } = compute(&histogram, &ds, Lang::Fr).unwrap() else {
        panic!()
    };
    assert!(edges.iter().all(|e| e.fract() == 0.0), "{edges:?}");
    assert_eq!(counts.iter().sum::<f64>(), 5.0);
    let drawn = labels(&render_svg(&histogram, &ds, Lang::Fr).unwrap());
    assert!(!drawn.iter().any(|t| t.contains(',')), "{drawn:?}");
}

#[test]
fn dates_read_in_words_in_profiles_and_on_axes() {
    let ds = loans();
    let p = profile(&ds);
    assert_eq!(
        p.columns[0].sentence(Lang::Fr, ds.rows),
        "Des dates (24 différentes), de janv. 2023 à déc. 2024."
    );
    assert_eq!(
        p.columns[0].sentence(Lang::En, ds.rows),
        "Dates (24 different), from Jan 2023 to Dec 2024."
    );
    let days = import("Jour;n\n03/01/2024;1\n05/02/2024;2\n".as_bytes()).unwrap();
    assert_eq!(
        profile(&days).columns[0].sentence(Lang::Fr, 2),
        "Des dates (2 différentes), du 3 janv. 2024 au 5 févr. 2024."
    );
    assert_eq!(
        profile(&days).columns[0].sentence(Lang::En, 2),
        "Dates (2 different), from Jan 3, 2024 to Feb 5, 2024."
    );
    // A time axis and bars by month: months in words, never ISO dates.
    for kind in [ChartKind::Line, ChartKind::Bar] {
        let drawn = labels(&render_svg(&by(kind, "Mois", "Prêts"), &ds, Lang::Fr).unwrap());
        assert!(drawn.iter().any(|t| t == "janv. 2023"), "{kind:?}: {drawn:?}");
        assert!(
            !drawn.iter().any(|t| t.starts_with("2023-")),
            "{kind:?}: {drawn:?}"
        );
    }
    let drawn = labels(&render_svg(&by(ChartKind::Line, "Mois", "Prêts"), &ds, Lang::En).unwrap());
    assert!(drawn.iter().any(|t| t == "Apr 2023"), "{drawn:?}");
}

#[test]
fn measures_are_named_with_the_column_and_the_right_article() {
    for (agg, column, fr, en) in [
        (Aggregate::Sum, "Entrées", "Somme des entrées", "Sum of entrées"),
        (Aggregate::Sum, "entrees", "Somme des entrees", "Sum of entrees"),
        (Aggregate::Mean, "Âge", "Moyenne d'âge", "Mean of âge"),
        (
            Aggregate::Median,
            "Durée moyenne (jours)",
            "Médiane de durée moyenne (jours)",
            "Median of durée moyenne (jours)",
        ),
        (
            Aggregate::Mean,
            "Taux de retour à temps",
            "Moyenne des taux de retour à temps",
            "Mean of taux de retour à temps",
        ),
        (Aggregate::Sum, "INSEE", "Somme d'INSEE", "Sum of INSEE"),
        (Aggregate::Sum, "montant", "Somme de montant", "Sum of montant"),
    ] {
        assert_eq!(measure_of(agg, column, Lang::Fr), fr);
        assert_eq!(measure_of(agg, column, Lang::En), en);
    }
    let svg = render_svg(&by(ChartKind::Line, "Année", "Entrées"), &library(), Lang::Fr).unwrap();
    assert!(labels(&svg).iter().any(|t| t == "Somme des entrées"));
}

#[test]
fn a_misleading_chart_says_so_in_its_title_and_file_name() {
    let ds = loans();
    let mut s = spec(ChartKind::Bar, "Bibliothèque", Some("Prêts"));
    s.title = "Prêts par bibliothèque".into();
    let l = lesson(&s, Distortion::TruncatedAxis, &ds);
    let honest = labels(&render_svg(&l.honest, &ds, Lang::Fr).unwrap());
    assert!(honest.iter().any(|t| t == "Prêts par bibliothèque"));
    let misleading = labels(&render_svg(&l.misleading, &ds, Lang::Fr).unwrap());
    assert!(misleading
        .iter()
        .any(|t| t == "Prêts par bibliothèque — trompeur"));
    let misleading = labels(&render_svg(&l.misleading, &ds, Lang::En).unwrap());
    assert!(misleading
        .iter()
        .any(|t| t == "Prêts par bibliothèque — misleading"));
    s.title.clear();
    let l = lesson(&s, Distortion::TruncatedAxis, &ds);
    let untitled = labels(&render_svg(&l.misleading, &ds, Lang::Fr).unwrap());
    assert!(untitled.iter().any(|t| t == "Graphique trompeur"));
    assert_eq!(
        file_stem(&["Prêts par bibliothèque", "Trompeur"]),
        "prets-par-bibliotheque-trompeur"
    );
    assert_eq!(
        file_stem(&["« La fréquentation explose ! » (axe tronqué)", "Honnête"]),
        "la-frequentation-explose-axe-tronque-honnete"
    );
    assert_eq!(file_stem(&["", "graphique"]), "graphique");
    assert!(file_stem(&[&"très long titre ".repeat(20)]).len() <= 80);
}

/// The dual-axes chart at every size a chart is drawn (a small figure, the page's
/// 800 × 500, a projector or an export at 1600 × 1000, the largest a chart file allows):
/// the right axis shows the second measure's numbers and title once, the first axis'
/// numbers only on the left, and the legend sits above the plot.
#[test]
fn the_dual_axes_chart_draws_each_axis_once_with_the_legend_above_the_plot() {
    let ds = library();
    let mut base = by(ChartKind::Line, "Année", "Entrées");
    base.y2 = Some("Animations".into());
    base.title = "« Les animations font venir le public » (double axe)".into();
    let l = lesson(&base, Distortion::DualAxes, &ds);
    let data = compute(&l.misleading, &ds, Lang::Fr).unwrap();
    for (w, h) in [(400, 300), (800, 500), (1600, 1000), (4000, 2500)] {
        let mut s = l.misleading.clone();
        (s.width, s.height) = (w, h);
        let svg = render_data_svg(&s, &data, Lang::Fr).unwrap();
        let all = texts(&svg);
        let find = |text: &str| all.iter().filter(|t| t.2 == text).collect::<Vec<_>>();
        // Left: the entries' numbers; right: the animations' numbers, each once.
        let left = find("16\u{202f}000");
        let right = find("60");
        assert_eq!((left.len(), right.len()), (1, 1), "{w}×{h}");
        assert!(left[0].0 < right[0].0, "{w}×{h}");
        let plot_right = right[0].0;
        assert!(
            !all.iter().any(|t| t.0 > plot_right && t.2.contains('\u{202f}')),
            "{w}×{h}: no number of the first axis on the right"
        );
        // Two axis titles, rotated, one on each side.
        let titles: Vec<_> = all.iter().filter(|t| t.3).collect();
        assert_eq!(titles.len(), 2, "{w}×{h}");
        assert_eq!(titles[0].2, "Somme des entrées");
        assert_eq!(titles[1].2, "Somme des animations");
        assert!(
            titles[0].0 < left[0].0 && titles[1].0 > right[0].0 + 10.0,
            "{w}×{h}"
        );
        // The legend is above every number of the axes.
        let legend = find("Somme des animations").into_iter().find(|t| !t.3).unwrap();
        let top_tick = all
            .iter()
            .filter(|t| t.2.chars().all(|c| c.is_ascii_digit() || c == '\u{202f}'))
            .map(|t| t.1)
            .fold(f64::INFINITY, f64::min);
        assert!(
            legend.1 < top_tick,
            "{w}×{h}: legend at {} over the plot at {top_tick}",
            legend.1
        );
    }
    // Both lines fill their own axis: the trick makes them overlap.
    let ChartData::Points { series, .. } = data else {
        panic!()
    };
    assert_eq!(series.len(), 2);
    // The honest version indexes both series to 100 on one axis, and says so.
    let ChartData::Points { series, .. } = compute(&l.honest, &ds, Lang::Fr).unwrap() else {
        panic!()
    };
    assert_eq!((series[0].points[0].1, series[1].points[0].1), (100.0, 100.0));
    let honest = labels(&render_svg(&l.honest, &ds, Lang::Fr).unwrap());
    assert!(honest.iter().any(|t| t == "Indice (première valeur = 100)"));
    // Without a second measure the lesson picks one that is not the years.
    let l = lesson(
        &by(ChartKind::Line, "Année", "Entrées"),
        Distortion::DualAxes,
        &ds,
    );
    assert_eq!(l.misleading.y2.as_deref(), Some("Prêts"));
}

/// How much a truncated axis multiplies the impression: the ratio of the tallest to the
/// smallest bar as drawn, over the ratio of their values.
fn exaggeration(values: &[f64]) -> (f64, f64) {
    let (min, max) = min_max(values);
    let start = truncated_start(min, max).unwrap();
    ((max - start) / (min - start) / (max / min), start / min)
}

#[test]
fn each_lesson_shows_its_trick_on_the_workshop_data_or_says_why_not() {
    let loans = loans();
    let library = library();
    let month = by(ChartKind::Line, "Mois", "Prêts");
    let year = by(ChartKind::Line, "Année", "Entrées");
    let suggested = suggest(&loans);
    let both = |base: &ChartSpec, d: Distortion, ds: &Dataset| {
        let l = lesson(base, d, ds);
        let honest = compute(&l.honest, ds, Lang::Fr).unwrap();
        let misleading = compute(&l.misleading, ds, Lang::Fr).unwrap();
        let weak = weak_effect(d, &honest, &misleading, Lang::Fr);
        (l, honest, misleading, weak)
    };

    // Truncated axis: on a series over time the axis starts above 80 % of the smallest
    // value and the bars exaggerate at least threefold; in time order.
    for (base, ds) in [(&month, &loans), (&year, &library)] {
        let (l, honest, misleading, weak) = both(base, Distortion::TruncatedAxis, ds);
        assert_eq!(
            (l.honest.kind, l.honest.sort, l.honest.top),
            (ChartKind::Bar, SortOrder::Key, None)
        );
        assert_eq!(honest, misleading, "the data are the same, only the axis changes");
        let (factor, start) = exaggeration(&values(&misleading));
        assert!(
            factor >= 3.0 && start >= 0.8,
            "×{factor:.1}, start at {start:.2} of the smallest"
        );
        assert_eq!(weak, None);
        // The axis drawn starts there: its lowest number is above 80 % of the smallest.
        let svg = render_svg(&l.misleading, ds, Lang::Fr).unwrap();
        let lowest = texts(&svg)
            .iter()
            .filter_map(|t| {
                t.2.replace('\u{202f}', "")
                    .parse::<f64>()
                    .ok()
                    .filter(|_| t.0 < 100.0)
            })
            .fold(f64::INFINITY, f64::min);
        assert!(lowest >= 0.8 * min_max(&values(&misleading)).0, "{lowest}");
    }
    // Libraries far apart: the lesson says why the trick barely shows.
    let (_, _, _, weak) = both(&suggested, Distortion::TruncatedAxis, &loans);
    assert!(weak
        .unwrap()
        .contains("la plus petite est loin de la plus grande"));

    // Too many slices: a series over time stays a line in time order, no "Autres".
    for (base, ds, n) in [(&month, &loans, 24), (&year, &library, 13)] {
        let (l, honest, misleading, weak) = both(base, Distortion::TooManySlices, ds);
        assert_eq!(
            (l.honest.kind, l.misleading.kind),
            (ChartKind::Line, ChartKind::Pie)
        );
        let ChartData::Points { series, .. } = honest else {
            panic!()
        };
        assert_eq!(series[0].points.len(), n);
        assert!(series[0].points.windows(2).all(|w| w[0].0 < w[1].0));
        let ChartData::Categories { labels, .. } = misleading else {
            panic!()
        };
        assert_eq!(labels.len(), n);
        assert!(!labels.iter().any(|l| l == "Autres"));
        assert_eq!(weak, None);
    }
    // Categories: sorted bars and "Autres" against a pie of all of them.
    let mut months_as_text = spec(ChartKind::Bar, "Catégorie", None);
    months_as_text.title.clear();
    let (l, _, _, weak) = both(&months_as_text, Distortion::TooManySlices, &loans);
    assert_eq!(
        (l.honest.sort, l.honest.top),
        (SortOrder::ValueDescending, Some(8))
    );
    assert!(weak.unwrap().contains("6 parts"));

    // Cherry-picked: from bars by library, the lesson takes the months; the stretch it
    // keeps rises at least three times as fast, per point, as the whole period.
    for (base, ds) in [(&suggested, &loans), (&year, &library)] {
        let (l, honest, misleading, weak) = both(base, Distortion::CherryPicked, ds);
        assert!(l.honest.x.as_deref() == Some("Mois") || l.honest.x.as_deref() == Some("Année"));
        let slope = |v: &[f64]| (v[v.len() - 1] - v[0]) / (v.len() - 1) as f64;
        let (all, kept) = (values(&honest), values(&misleading));
        assert!(
            kept.len() < all.len() && slope(&kept) >= 3.0 * slope(&all).max(0.0),
            "{kept:?}"
        );
        assert!(slope(&kept) > 0.0);
        assert_eq!(weak, None);
    }
    // Uneven intervals: the points kept are further and further apart in time.
    for (base, ds) in [(&suggested, &loans), (&year, &library)] {
        let (_, _, misleading, weak) = both(base, Distortion::UnevenIntervals, ds);
        let ChartData::Categories { labels, .. } = misleading else {
            panic!()
        };
        assert!(labels.len() >= 5, "{labels:?}");
        assert_eq!(weak, None);
    }
    let (_, _, misleading, _) = both(&year, Distortion::UnevenIntervals, &library);
    let ChartData::Categories { labels, .. } = misleading else {
        panic!()
    };
    assert_eq!(labels, ["2012", "2013", "2015", "2018", "2023", "2024"]);
    // Without a time column there is nothing to cherry-pick: the lesson says so.
    let flat = import("Commune;Population\nA;3\nB;5\nC;4\n".as_bytes()).unwrap();
    let (_, _, _, weak) = both(
        &by(ChartKind::Bar, "Commune", "Population"),
        Distortion::CherryPicked,
        &flat,
    );
    assert!(weak.unwrap().contains("3 valeurs"));

    // Dual axes: both lines fill their axis, so that they seem to move together.
    let (_, _, misleading, weak) = both(&year, Distortion::DualAxes, &library);
    let ChartData::Points { series, .. } = misleading else {
        panic!()
    };
    assert_eq!(series.len(), 2);
    assert_eq!(weak, None);
    for &d in Distortion::ALL {
        let l = lesson(&suggested, d, &loans);
        assert!(l.explanation(Lang::Fr).len() > 100, "{d:?}");
        assert_ne!(l.title(Lang::Fr), l.title(Lang::En));
    }
}

#[test]
fn a_truncated_axis_starts_at_a_round_value_below_the_smallest() {
    assert_eq!(truncated_start(14_200.0, 16_400.0), Some(13_800.0));
    assert_eq!(truncated_start(8_900.0, 16_900.0), Some(7_500.0));
    assert_eq!(truncated_start(0.0, 10.0), None);
    assert_eq!(truncated_start(-5.0, 10.0), None);
    assert_eq!(truncated_start(3.0, 3.0), None);
    let start = truncated_start(5_800.0, 31_000.0).unwrap();
    assert!(start > 0.0 && start < 5_800.0, "{start}");
}

#[test]
fn huge_ranges_and_many_long_series_draw_without_panic() {
    let mut text = String::from("Année;Série;Valeur\n");
    for (i, v) in ["1e300", "-1e300", "0", "3"].iter().enumerate() {
        for s in 0..8 {
            text.push_str(&format!(
                "{};une série au nom très long numéro {s};{v}\n",
                2000 + i
            ));
        }
    }
    let ds = import(text.as_bytes()).unwrap();
    for kind in [ChartKind::Line, ChartKind::GroupedBar, ChartKind::Histogram] {
        let mut s = by(kind, "Année", "Valeur");
        s.colour = Some("Série".into());
        (s.width, s.height) = (240, 180);
        let _ = render_svg(&s, &ds, Lang::Fr);
        for &d in Distortion::ALL {
            let l = lesson(&s, d, &ds);
            let _ = render_svg(&l.misleading, &ds, Lang::Fr);
        }
    }
}

#[test]
fn counts_of_people_are_masked_in_the_drawing_and_the_table_alike() {
    let csv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../workshops/donnees-ouvertes-territoire/donnees/ecole-musique-briqueville.csv"
    ))
    .unwrap();
    let ds = import(csv.as_bytes()).unwrap();
    // By quartier: 92, 39, 56 and 7 (the hamlet), 194 in all. The 7 is small; alone it
    // would be 194 − 92 − 39 − 56, so the smallest other count (39) is secret too.
    let mut by_quartier = spec(ChartKind::Bar, "Quartier", Some("Inscrits"));
    by_quartier.aggregate = Aggregate::Sum;
    let mut data = compute(&by_quartier, &ds, Lang::Fr).unwrap();
    let table = data.mask_people("Quartier", 11.0, Lang::Fr).unwrap();
    let ChartData::Categories { labels, series, .. } = &data else {
        panic!("categories")
    };
    let shown: Vec<(String, Option<f64>)> = labels
        .iter()
        .cloned()
        .zip(series[0].values.iter().copied())
        .collect();
    let value = |name: &str| shown.iter().find(|(l, _)| l == name).unwrap().1;
    assert_eq!(value("Centre"), Some(92.0));
    assert_eq!(value("La Gare"), Some(56.0));
    assert_eq!(value("Hameau de Montbrique"), None);
    assert_eq!(value("Les Tilleuls"), None);
    let row = |name: &str| table.rows.iter().find(|r| r[0] == name).unwrap()[1].clone();
    assert_eq!(row("Hameau de Montbrique"), "< 11");
    assert_eq!(row("Les Tilleuls"), "secret");
    assert_eq!(row("Total"), "194");
    let csv = table.to_csv();
    assert!(csv.contains("Hameau de Montbrique;< 11") && !csv.contains(";7\r") && !csv.contains(";39"));
    // Crossed with the age band, each band is a row with its total: 4 alone in its row
    // takes the 15 with it, 8 alone takes the 12; 9 and 2, 7, 3 and 1 protect each other.
    let mut crossed = by_quartier.clone();
    crossed.kind = ChartKind::GroupedBar;
    crossed.x = Some("Tranche d'âge".into());
    crossed.colour = Some("Quartier".into());
    let mut data = compute(&crossed, &ds, Lang::Fr).unwrap();
    let table = data.mask_people("Tranche d'âge", 11.0, Lang::Fr).unwrap();
    assert_eq!((table.masking.primary, table.masking.secondary), (7, 2));
    assert_eq!(table.header.last().unwrap(), "Total");
    // No masked chart for points.
    let mut line = spec(ChartKind::Scatter, "Inscrits", Some("Inscrits"));
    line.aggregate = Aggregate::Sum;
    if let Ok(mut points) = compute(&line, &ds, Lang::Fr) {
        assert!(points.mask_people("Inscrits", 11.0, Lang::Fr).is_none());
    }
}
