//! Dataset tests: one per fixture of `core/fixtures/data/` (made by
//! `scripts/make-data-fixtures.py`), the transformations on the library-loans dataset,
//! and property tests (any table written with any separator and encoding reads back).

use proptest::prelude::*;

use super::profile::profile;
use super::transform::*;
use super::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/fixtures/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn open(name: &str) -> Dataset {
    import(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn kinds(ds: &Dataset) -> Vec<&'static str> {
    ds.columns.iter().map(|c| c.kind.code()).collect()
}

fn texts(ds: &Dataset, column: &str) -> Vec<Option<String>> {
    let c = ds.column(column).unwrap();
    (0..ds.rows).map(|r| c.text(r)).collect()
}

#[test]
fn every_encoding_and_separator_reads_the_same_table() {
    for (name, encoding, delimiter) in [
        ("utf8-bom-semicolon.csv", "UTF-8", ';'),
        ("utf8-semicolon.csv", "UTF-8", ';'),
        ("windows1252-semicolon.csv", "windows-1252", ';'),
        ("latin1-tab.tsv", "windows-1252", '\t'),
        ("utf8-pipe.csv", "UTF-8", '|'),
    ] {
        let ds = open(name);
        assert_eq!(
            (ds.encoding, ds.delimiter, ds.rows),
            (encoding, delimiter, 3),
            "{name}"
        );
        assert_eq!(kinds(&ds), ["text", "number", "percent", "date"], "{name}");
        assert_eq!(ds.columns[0].name, "Commune");
        assert_eq!(texts(&ds, "Commune")[1].as_deref(), Some("Saint-Étienne-du-Lac"));
        assert_eq!(
            texts(&ds, "Population"),
            [Some("1234".into()), Some("987".into()), Some("12456".into())]
        );
        assert_eq!(
            ds.column("Part des moins de 25 ans").unwrap().number(0),
            Some(28.5)
        );
        assert_eq!(
            texts(&ds, "Date du recensement")[2].as_deref(),
            Some("2022-01-01")
        );
    }
    assert_eq!(
        texts(&open("windows1252-semicolon.csv"), "Commune")[2].as_deref(),
        Some("Mœurs-Vérité")
    );
}

#[test]
fn comma_separated_files_with_decimal_points_and_times() {
    let ds = open("utf8-comma-point.csv");
    assert_eq!(ds.delimiter, ',');
    assert_eq!(kinds(&ds), ["text", "text", "number", "datetime"]);
    let valeur = ds.column("valeur").unwrap();
    assert_eq!(
        (0..4).map(|r| valeur.number(r)).collect::<Vec<_>>(),
        [Some(1234.5), Some(12.25), Some(-3.5), Some(100.0)]
    );
    assert_eq!(texts(&ds, "horodatage")[1].as_deref(), Some("2024-03-01 09:30"));
}

#[test]
fn thousands_separators_of_every_kind() {
    let ds = open("thousands.csv");
    let montant = ds.column("montant").unwrap();
    assert_eq!(montant.kind, ColumnKind::Number);
    let values: Vec<Option<f64>> = (0..5).map(|r| montant.number(r)).collect();
    assert_eq!(
        values,
        [
            Some(1234567.89),
            Some(1234.5),
            Some(2000.0),
            Some(1234567.0),
            Some(-12.5)
        ]
    );
}

#[test]
fn dates_with_and_without_times() {
    let ds = open("dates.csv");
    assert_eq!(kinds(&ds), ["date", "date", "datetime"]);
    assert_eq!(texts(&ds, "jour"), texts(&ds, "iso"));
    assert_eq!(texts(&ds, "horaire")[1].as_deref(), Some("2024-02-29 23:59:59"));
}

#[test]
fn missing_markers_and_codes_with_leading_zeros() {
    let ds = open("missing-markers.csv");
    // `01`, `2A`: codes stay text.
    assert_eq!(kinds(&ds), ["text", "text", "number"]);
    let p = profile(&ds);
    assert_eq!((p.columns[1].missing, p.columns[2].missing), (1, 4));
    assert_eq!(texts(&ds, "code")[0].as_deref(), Some("01"));
}

#[test]
fn quoted_fields_keep_separators_quotes_and_newlines() {
    let ds = open("quoted-newlines.csv");
    assert_eq!(ds.rows, 2);
    assert_eq!(texts(&ds, "titre")[0].as_deref(), Some("Le \"grand\" livre"));
    assert_eq!(
        texts(&ds, "résumé")[0].as_deref(),
        Some("Une histoire\r\nsur deux lignes")
    );
    assert_eq!(texts(&ds, "titre")[1].as_deref(), Some("Atlas; édition 2024"));
    assert_eq!(ds.column("prêts").unwrap().kind, ColumnKind::Number);
}

#[test]
fn ragged_rows_are_reported_with_their_lines_not_fatal() {
    let ds = open("ragged.csv");
    assert_eq!(ds.rows, 4);
    assert_eq!(
        ds.warnings,
        [
            ImportWarning::RaggedRow {
                line: 3,
                found: 2,
                expected: 3
            },
            ImportWarning::RaggedRow {
                line: 4,
                found: 4,
                expected: 3
            },
        ]
    );
    assert_eq!(texts(&ds, "c")[1], None);
    assert!(ds.warnings[0].message(Lang::Fr).contains("Ligne 3"));
}

#[test]
fn bad_files_get_a_clear_french_message() {
    for (name, error, words) in [
        ("empty.csv", DatasetError::Empty, "vide"),
        ("blank-lines.csv", DatasetError::Empty, "vide"),
        ("no-header.csv", DatasetError::NoHeader, "noms de colonnes"),
        ("header-only.csv", DatasetError::NoRows, "en-tête"),
        ("classeur.xlsx", DatasetError::Spreadsheet, "CSV"),
        ("image.png", DatasetError::Binary, "texte"),
    ] {
        let got = import(&fixture(name)).unwrap_err();
        assert_eq!(got, error, "{name}");
        let message = got.message(Lang::Fr);
        assert!(message.contains(words), "{name}: {message}");
        assert_ne!(message, got.message(Lang::En), "{name}");
    }
}

#[test]
fn the_profile_of_the_library_loans() {
    let ds = open("bibliotheque-prets-briqueville.csv");
    assert_eq!(ds.rows, 408);
    assert_eq!(
        kinds(&ds),
        ["date", "text", "text", "text", "number", "number", "percent", "text"]
    );
    let p = profile(&ds);
    let library = &p.columns[1];
    assert_eq!(library.distinct, 3);
    // Ties are broken alphabetically.
    assert_eq!(library.top[0], ("Bibliothèque des Tilleuls".to_owned(), 144));
    let sentence = library.sentence(Lang::Fr, ds.rows);
    assert!(sentence.contains("3 valeurs différentes"), "{sentence}");
    assert!(sentence.contains("« Médiathèque centrale » (144)"), "{sentence}");
    let duration = &p.columns[5];
    assert_eq!(duration.missing, 1);
    let n = duration.numbers.unwrap();
    assert!(n.min >= 14.0 && n.max <= 24.0 && n.min <= n.median && n.median <= n.max);
    assert!(duration
        .sentence(Lang::Fr, ds.rows)
        .contains("1 valeur manquante"));
    assert_eq!(
        p.columns[0].range,
        Some(("2023-01-01".into(), "2024-12-01".into()))
    );
    assert_eq!(p.columns[7].missing, 408 - 16);
}

#[test]
fn transformations_on_the_library_loans() {
    let ds = open("bibliotheque-prets-briqueville.csv");
    let filter = |column: &str, op, value: &str| Filter {
        column: column.into(),
        op,
        value: value.into(),
    };
    let rows = filter_rows(&ds, &[filter("Mois", FilterOp::Ge, "01/01/2024")]).unwrap();
    assert_eq!(rows.len(), 204);
    let groups = group_by(&ds, &rows, "Bibliothèque", Some("Prêts"), Aggregate::Sum).unwrap();
    let keys: Vec<_> = groups.iter().map(|g| g.key.clone().unwrap()).collect();
    assert_eq!(
        keys,
        ["Bibliobus", "Bibliothèque des Tilleuls", "Médiathèque centrale"]
    );
    let total: f64 = groups.iter().filter_map(|g| g.value).sum();
    let direct: f64 = rows
        .iter()
        .filter_map(|r| ds.column("Prêts").unwrap().number(*r))
        .sum();
    assert_eq!(total, direct);
    let mut by_category = group_by(&ds, &rows, "Catégorie", Some("Prêts"), Aggregate::Mean).unwrap();
    sort_groups(&mut by_category, SortOrder::ValueDescending);
    assert_eq!(by_category[0].key.as_deref(), Some("Romans"));
    let top = top_n(&ds, by_category, 2, Some("Prêts"), Aggregate::Mean, "Autres").unwrap();
    assert_eq!(top.len(), 3);
    assert_eq!(top[2].key.as_deref(), Some("Autres"));
    let rest_rows = top[2].rows.len() as f64;
    let rest_mean = top[2]
        .rows
        .iter()
        .filter_map(|r| ds.column("Prêts").unwrap().number(*r))
        .sum::<f64>()
        / rest_rows;
    assert_eq!(top[2].value, Some(rest_mean));
    let p = pivot(&ds, &rows, "Catégorie", "Bibliothèque", None, Aggregate::Count).unwrap();
    assert_eq!(p.columns.len(), 3);
    let dvd = p.rows.iter().position(|k| k.as_deref() == Some("DVD")).unwrap();
    assert_eq!(p.cells[dvd], [None, Some(12.0), Some(12.0)]);
    assert_eq!(
        filter_rows(&ds, &[filter("Prêts", FilterOp::Gt, "douze")]),
        Err(TransformError::BadValue {
            column: "Prêts".into(),
            value: "douze".into()
        })
    );
    assert!(matches!(
        group_by(&ds, &rows, "Inconnue", None, Aggregate::Count),
        Err(TransformError::UnknownColumn(_))
    ));
    assert_eq!(
        filter_rows(&ds, &[filter("Note", FilterOp::Contains, "TRAVAUX")])
            .unwrap()
            .len(),
        6
    );
}

#[test]
fn exported_csv_reads_back_the_same_table() {
    let ds = open("bibliotheque-prets-briqueville.csv");
    let back = import(ds.to_csv().as_bytes()).unwrap();
    assert_eq!(back.columns, ds.columns);
}

/// Cells a French open-data file may hold, with the value they must read back as.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-zéèàçÉœ' ;,|\"-]{1,10}",
        (-1_000_000i64..1_000_000).prop_map(|n| n.to_string()),
        (-100_000i64..100_000).prop_map(|n| format!("{},{:02}", n / 100, (n % 100).abs())),
        Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, max_global_rejects: 1_000_000, ..ProptestConfig::default() })]

    #[test]
    fn any_table_with_any_separator_and_encoding_reads_back_the_same(
        columns in 1usize..5,
        cells in prop::collection::vec(cell(), 1..40),
        sep_index in 0usize..4,
        latin1 in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let separator = crate::csv::SEPARATORS[sep_index];
        let header: Vec<String> = (0..columns).map(|i| format!("Colonne {i}")).collect();
        let rows: Vec<Vec<String>> = cells.chunks(columns).map(|c| {
            let mut row = c.to_vec();
            row.resize(columns, String::new());
            row
        }).collect();
        let mut text = String::new();
        crate::csv::write_record(&mut text, &header, separator);
        for row in &rows {
            crate::csv::write_record(&mut text, row, separator);
        }
        let mut bytes: Vec<u8> = if latin1 {
            // Every character above is in Windows-1252 ("œ" is 0x9c).
            text.chars().map(|c| if c == 'œ' { 0x9c } else { c as u32 as u8 }).collect()
        } else {
            text.clone().into_bytes()
        };
        if bom && !latin1 {
            bytes.splice(0..0, [0xef, 0xbb, 0xbf]);
        }
        // A file whose cells are all blank has no data rows; a single column of
        // only-blank rows has blank lines, which readers skip.
        let all_blank = rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty()));
        prop_assume!(!(all_blank || columns == 1 && rows.iter().any(|r| r[0].is_empty())));
        // A row of blank cells (`;;;`) is a blank line: it is no data row.
        let rows: Vec<Vec<String>> = rows.into_iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).collect();
        let ds = import(&bytes).unwrap();
        if columns > 1 {
            prop_assert_eq!(ds.delimiter, separator);
        }
        prop_assert_eq!(ds.rows, rows.len());
        let names: Vec<&str> = ds.columns.iter().map(|c| c.name.as_str()).collect();
        prop_assert_eq!(names, header.iter().map(String::as_str).collect::<Vec<_>>());
        for (j, column) in ds.columns.iter().enumerate() {
            for (r, row) in rows.iter().enumerate() {
                let written = row[j].trim();
                match column.kind {
                    ColumnKind::Number => {
                        let expected = values::parse_number(written, values::DecimalMark::Comma).map(|v| v.0);
                        prop_assert_eq!(column.number(r), expected);
                    }
                    _ => {
                        // What the importer sees: the writer's protected cell, trimmed.
                        let protected = crate::csv::protect_cell(&row[j]);
                        let seen = protected.trim();
                        let expected = if values::is_missing(seen) { "" } else { crate::csv::unprotect_cell(seen) };
                        prop_assert_eq!(column.text(r).unwrap_or_default(), expected);
                    }
                }
            }
        }
    }

    #[test]
    fn no_input_makes_the_importer_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(ds) = import(&bytes) {
            let _ = profile(&ds);
        }
    }
}

#[test]
fn cells_are_trimmed_of_every_white_space() {
    let ds = import("nom;valeur\r\n x\u{b};\u{a0}12,5\u{202f}\r\n\u{b};\t3\r\n".as_bytes()).unwrap();
    assert_eq!(texts(&ds, "nom"), [Some("x".into()), None]);
    assert_eq!(ds.column("valeur").unwrap().number(0), Some(12.5));
}

#[test]
fn a_filter_is_described_in_words_in_each_language() {
    let filter = |op, value: &str| Filter {
        column: "Bibliothèque".into(),
        op,
        value: value.into(),
    };
    assert_eq!(
        filter(FilterOp::Ne, "Bibliobus").describe(Lang::Fr),
        "Bibliothèque est différent de « Bibliobus »"
    );
    assert_eq!(
        filter(FilterOp::Ne, "Bibliobus").describe(Lang::En),
        "Bibliothèque differs from “Bibliobus”"
    );
    assert_eq!(
        filter(FilterOp::Missing, "").describe(Lang::Fr),
        "Bibliothèque est vide"
    );
}

/// Regression: one quote never closed made the whole file fail ("erreur ligne 2"); it is
/// read as a character and the line is listed in the warnings.
#[test]
fn an_unclosed_quote_is_read_as_a_character_and_reported() {
    let ds = import(&fixture("unclosed-quote.csv")).unwrap();
    assert_eq!(ds.rows, 2);
    assert_eq!(
        ds.warnings,
        [ImportWarning::Irregular(crate::csv::CsvWarning {
            line: 2,
            kind: crate::csv::Irregularity::UnclosedQuote
        })]
    );
    let b = ds.column("b").unwrap();
    assert_eq!(b.text(0).as_deref(), Some("\"pas fermé"));
    assert!(ds.warnings[0]
        .message(Lang::Fr)
        .starts_with("ligne 2 : guillemet jamais refermé"));
}

#[test]
fn title_lines_and_repeated_headers_are_left_out_and_counted() {
    let text = "Populations légales 2021, par commune\nSource : Insee\n\nCOM\tNom\tPopulation\n01001\tL'Abergement-Clémenciat\t832\n01002\tL'Abergement-de-Varey\t267\nCOM\tNom\tPopulation\n01004\tAmbérieu-en-Bugey\t14 514\n";
    let ds = import(text.as_bytes()).unwrap();
    assert_eq!(
        (ds.delimiter, ds.header_line, ds.skipped_lines, ds.rows),
        ('\t', 4, 2, 3)
    );
    let names: Vec<&str> = ds.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["COM", "Nom", "Population"]);
    assert!(ds.warnings.contains(&ImportWarning::TitleLines { count: 2 }));
    assert!(ds.warnings.contains(&ImportWarning::RepeatedHeaders { count: 1 }));
}

/// The corpus of real (or reproduced) messy files, `core/fixtures/real-csv/`: each is read
/// as its `expected.json` says, figures computed outside Briques (see its SOURCES.md).
#[test]
fn real_files_are_read_as_a_careful_reader_reads_them() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/real-csv");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let cases = expected["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for case in cases {
        let file = case["file"].as_str().unwrap();
        let bytes = std::fs::read(dir.join(file)).unwrap();
        if let Some(script) = case["refused"].as_str() {
            match import(&bytes) {
                Err(DatasetError::OtherEncoding(found)) => assert_eq!(found.code(), script, "{file}"),
                other => panic!("{file}: {other:?}"),
            }
            continue;
        }
        let ds = import(&bytes).unwrap_or_else(|e| panic!("{file}: {}", e.message(Lang::Fr)));
        let number = |key: &str| case[key].as_u64().unwrap() as usize;
        assert_eq!(ds.encoding, case["encoding"].as_str().unwrap(), "{file}");
        assert_eq!(
            ds.delimiter.to_string(),
            case["separator"].as_str().unwrap(),
            "{file}"
        );
        assert_eq!(ds.header_line, number("header_line"), "{file}");
        assert_eq!(ds.skipped_lines, number("skipped_lines"), "{file}");
        // A note line after the table is read as a row (with its first cell only).
        assert_eq!(ds.rows, number("rows") + number("footer_lines"), "{file}");
        let names: Vec<String> = case["columns"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, c)| match c.as_str().unwrap() {
                "" => format!("colonne {}", i + 1),
                name => name.to_owned(),
            })
            .collect();
        let got: Vec<&str> = ds.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(got, names, "{file}");
        let repeated = number("repeated_headers");
        assert_eq!(
            ds.warnings.iter().find_map(|w| match w {
                ImportWarning::RepeatedHeaders { count } => Some(*count),
                _ => None,
            }),
            (repeated > 0).then_some(repeated),
            "{file}"
        );
        let irregular: Vec<usize> = ds
            .warnings
            .iter()
            .filter_map(|w| match w {
                ImportWarning::Irregular(w) => Some(w.line),
                _ => None,
            })
            .collect();
        let wanted: Vec<usize> = case["irregular_lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_u64().unwrap() as usize)
            .collect();
        for line in &wanted {
            assert!(
                irregular.contains(line),
                "{file}: line {line} not reported in {irregular:?}"
            );
        }
    }
}
