use super::*;
use crate::budget::tests::real;

/// Decodes a query string's value (the test's own decoder, not the module's encoder).
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&value[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The path and the decoded parameters of an address.
fn parts(url: &str) -> (String, Vec<(String, String)>) {
    let (path, query) = url.split_once('?').unwrap();
    let params = query
        .split('&')
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            (k.to_owned(), decode(v))
        })
        .collect();
    (path.to_owned(), params)
}

fn param(url: &str, name: &str) -> String {
    parts(url)
        .1
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("{name} missing from {url}"))
}

#[test]
fn the_requests_follow_the_documented_shapes() {
    let apis = Apis::default();
    let url = aggregates_url(&apis, "31135");
    assert_eq!(
        parts(&url).0,
        "https://data.ofgl.fr/api/explore/v2.1/catalog/datasets/ofgl-base-communes-consolidee/exports/json"
    );
    assert_eq!(param(&url, "where"), r#"insee="31135""#);
    assert_eq!(
        param(&url, "select"),
        "exer,insee,com_name,siren,categ,agregat,montant,montant_bp,ptot"
    );
    // Nothing but unreserved characters is left unencoded.
    assert!(!url.contains('"') && !url.contains(' '), "{url}");

    let url = quartiles_url(&apis, 2023, "Dépenses d'équipement", 4);
    assert!(url.ends_with(&format!(
        "where={}",
        encode(r#"year(exer)=2023 and agregat="Dépenses d'équipement" and categ="Commune" and ptot>=2000 and ptot<3500"#)
    )));
    assert!(param(&url, "select").contains("percentile(euros_par_habitant, 25) as q1"));
    // The last strate has no upper bound; the first starts at 0.
    assert!(param(&quartiles_url(&apis, 2023, "Epargne brute", 10), "where").ends_with("ptot>=100000"));
    assert!(param(&quartiles_url(&apis, 2023, "Epargne brute", 1), "where").ends_with("ptot>=0 and ptot<250"));

    let url = balance_url(&apis, 2023, "213101355");
    assert_eq!(
        parts(&url).0,
        "https://data.economie.gouv.fr/api/explore/v2.1/catalog/datasets/balances-comptables-des-communes-en-2023/exports/csv"
    );
    assert_eq!(param(&url, "where"), r#"siren="213101355" and cbudg="1""#);

    let url = datagouv_search_url(&apis, " budget  ", Some(&Zone::Commune("56046".into())));
    assert_eq!(parts(&url).0, "https://www.data.gouv.fr/api/1/datasets/");
    assert_eq!(param(&url, "q"), "budget");
    assert_eq!(param(&url, "geozone"), "fr:commune:56046");
    let url = datagouv_search_url(&apis, "écoles", Some(&Zone::Departement("2A".into())));
    assert_eq!(param(&url, "geozone"), "fr:departement:2A");
    assert_eq!(param(&url, "q"), "écoles");
}

#[test]
fn quotes_in_a_value_cannot_change_the_filter() {
    let url = aggregates_url(&Apis::default(), r#"31135" or insee!="x"#);
    assert_eq!(param(&url, "where"), r#"insee="31135\" or insee!=\"x""#);
}

#[test]
fn addresses_are_settings_and_give_the_origins_to_allow() {
    let apis = Apis {
        ofgl: "http://127.0.0.1:9000/ofgl/".into(),
        dgfip: " http://127.0.0.1:9000/dgfip".into(),
        datagouv: "https://mirror.example/datagouv".into(),
    }
    .trimmed();
    assert!(aggregates_url(&apis, "56046").starts_with("http://127.0.0.1:9000/ofgl/api/explore/v2.1/"));
    assert!(balance_url(&apis, 2022, "215600461").starts_with("http://127.0.0.1:9000/dgfip/api/"));
    assert_eq!(
        apis.origins(),
        ["http://127.0.0.1:9000", "https://mirror.example"]
    );
    assert_eq!(
        Apis::default().origins(),
        [
            "https://data.ofgl.fr",
            "https://data.economie.gouv.fr",
            "https://www.data.gouv.fr"
        ]
    );
    for bad in [
        "ftp://x",
        "javascript:alert(1)",
        "https://a b",
        "https://x;script-src *",
        "https://",
    ] {
        assert_eq!(origin(bad), None, "{bad}");
    }
}

#[test]
fn encoding_matches_encode_uri_component() {
    // Values from JavaScript: encodeURIComponent('a b"=é\'(x)*~!_-.%&+/')
    assert_eq!(
        encode("a b\"=é'(x)*~!_-.%&+/"),
        "a%20b%22%3D%C3%A9'(x)*~!_-.%25%26%2B%2F"
    );
}

/// The real OFGL export of Cazères (label headers) as the JSON export would give it,
/// built here with a plain split (the file has no quoted field).
fn cazeres_json(text: &str) -> (String, BTreeMap<(i32, String), f64>) {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    let col = |label: &str| header.iter().position(|h| *h == label).unwrap();
    let bp = col("Montant BP");
    let (exer, insee, nom, siren, categ, agregat, montant, ptot) = (
        col("Exercice"),
        col("Code Insee Collectivité"),
        col("Nom 2024 Commune"),
        col("Code Siren Collectivité"),
        col("Catégorie"),
        col("Agrégat"),
        col("Montant"),
        col("Population totale"),
    );
    let mut rows = Vec::new();
    let mut expected = BTreeMap::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split(';').collect();
        let amount: f64 = f[montant].parse().unwrap();
        expected.insert((f[exer].parse().unwrap(), f[agregat].to_owned()), amount);
        rows.push(serde_json::json!({
            "exer": f[exer], "insee": f[insee], "com_name": f[nom], "siren": f[siren],
            "categ": f[categ], "agregat": f[agregat], "montant": amount,
            "montant_bp": f[bp].parse::<f64>().unwrap(),
            "ptot": f[ptot].parse::<u64>().unwrap(),
        }));
    }
    (serde_json::to_string(&rows).unwrap(), expected)
}

#[test]
fn real_ofgl_rows_become_one_budget_per_year_like_the_file_reader_gives() {
    let Some(bytes) = real("ofgl-base-communes-consolidee_cazeres_2022-2023.csv") else {
        return;
    };
    let text = String::from_utf8(bytes).unwrap();
    let (json, expected) = cazeres_json(&text);
    let budgets = read_aggregates(json.as_bytes()).unwrap();
    assert_eq!(
        budgets.iter().map(|b| b.exercice).collect::<Vec<_>>(),
        [2022, 2023]
    );
    let got: BTreeMap<(i32, String), f64> = budgets
        .iter()
        .flat_map(|b| b.aggregates.iter().map(|(k, v)| ((b.exercice, k.clone()), *v)))
        .collect();
    assert_eq!(got, expected);
    let b2022 = &budgets[0];
    assert_eq!(b2022.collectivite.nom, "Cazères");
    assert_eq!(b2022.collectivite.insee.as_deref(), Some("31135"));
    assert_eq!(b2022.collectivite.siren.as_deref(), Some("213101355"));
    assert_eq!(b2022.collectivite.population, Some(4871));
    // The CSV export read by the file reader gives the same agrégats.
    let from_file = crate::budget::read_ofgl(&text).unwrap().budgets;
    for (api, file) in budgets.iter().zip(&from_file) {
        assert_eq!(api.aggregates, file.aggregates);
        assert_eq!(api.principal, file.principal);
        assert_eq!(api.principal.len(), api.aggregates.len());
        assert_eq!(api.collectivite.population, file.collectivite.population);
    }
    // Indicators come from the published agrégats: épargne brute as published.
    let brute = expected[&(2022, "Epargne brute".to_owned())];
    assert_eq!(b2022.indicators().epargne_brute, brute);
}

#[test]
fn years_come_as_the_platform_writes_date_fields() {
    for (exer, year) in [
        ("\"2023\"", Some(2023)),
        ("\"2023-01-01\"", Some(2023)),
        ("\"2023-01-01T00:00:00+00:00\"", Some(2023)),
        ("2021", Some(2021)),
        ("\"x\"", None),
        ("null", None),
        ("99999", None),
    ] {
        let body = format!(r#"[{{"exer": {exer}, "agregat": "Epargne brute", "montant": 1.0}}]"#);
        match (read_aggregates(body.as_bytes()), year) {
            (Ok(budgets), Some(year)) => assert_eq!(budgets[0].exercice, year, "{exer}"),
            (Err(OpenDataError::Unexpected { .. }), None) => {}
            (other, _) => panic!("{exer}: {other:?}"),
        }
    }
}

#[test]
fn answers_that_are_not_documented_are_refused_with_the_reason() {
    assert!(matches!(
        read_aggregates(b"[]"),
        Err(OpenDataError::NoData { source: Source::Ofgl })
    ));
    for body in [
        &b"<html>maintenance</html>"[..],
        b"[{\"exer\": \"2023\"",
        b"{\"total_count\": 3}",
    ] {
        let e = read_aggregates(body).unwrap_err();
        assert!(matches!(e, OpenDataError::Unexpected { .. }), "{e:?}");
        assert!(
            e.message(Lang::Fr).contains("documentation"),
            "{}",
            e.message(Lang::Fr)
        );
    }
    let bad_year = br#"[{"exer": "vingt", "agregat": "Epargne brute", "montant": 1.0}]"#;
    assert!(matches!(
        read_aggregates(bad_year),
        Err(OpenDataError::Unexpected { .. })
    ));
    assert!(read_quartiles(b"not json").is_err());
    assert!(read_search(b"{}").is_err());
}

#[test]
fn quartiles_are_read_and_empty_strates_give_none() {
    let body = br#"{"total_count": 1, "results": [{"n": 412, "q1": 701.5, "q2": 812.25, "q3": 950.0}]}"#;
    let (n, q) = read_quartiles(body).unwrap().unwrap();
    assert_eq!(n, 412);
    assert_eq!((q.q1, q.median, q.q3), (701.5, 812.25, 950.0));
    for empty in [
        &br#"{"total_count": 0, "results": []}"#[..],
        br#"{"total_count": 1, "results": [{"n": 0, "q1": null, "q2": null, "q3": null}]}"#,
    ] {
        assert_eq!(read_quartiles(empty).unwrap(), None);
    }
    let strate = strate_from(4, vec![("epargne_brute", (412, q)), ("encours_dette", (398, q))]).unwrap();
    assert_eq!(strate.communes, 412);
    assert_eq!(strate.label, crate::budget::prepared::strate_label(Lang::Fr, 4));
    assert_eq!(strate.per_inhabitant["epargne_brute"], q);
    assert_eq!(strate_from(4, Vec::new()), None);
}

#[test]
fn statuses_become_messages_that_say_what_to_do() {
    assert_eq!(check_status(Source::Ofgl, 200, b"", None), Ok(()));
    let quota = br#"{"errorcode": 10005, "reset_time": "2026-12-02T00:00:00Z", "limit_time_unit": "day", "call_limit": 1000, "error": "You have exceeded the requests limit for anonymous users."}"#;
    let e = check_status(Source::Ofgl, 429, quota, None).unwrap_err();
    assert_eq!(e, OpenDataError::RateLimited { source: Source::Ofgl });
    assert!(e.is_transient());
    let e = check_status(Source::Dgfip, 404, b"{}", Some(2025)).unwrap_err();
    assert_eq!(
        e,
        OpenDataError::NotPublished {
            source: Source::Dgfip,
            year: 2025
        }
    );
    assert!(
        e.message(Lang::Fr).contains("2025") && e.message(Lang::Fr).contains("data.economie.gouv.fr"),
        "{}",
        e.message(Lang::Fr)
    );
    let malformed =
        br#"{"message": "ODSQL query is malformed: invalid_function()", "error_code": "ODSQLError"}"#;
    match check_status(Source::Ofgl, 400, malformed, None).unwrap_err() {
        OpenDataError::Status { status, detail, .. } => {
            assert_eq!(status, 400);
            assert!(detail.starts_with("ODSQL query is malformed"));
        }
        other => panic!("{other:?}"),
    }
    let e = check_status(Source::Datagouv, 502, b"<html>Bad gateway</html>", None).unwrap_err();
    assert!(matches!(e, OpenDataError::Status { status: 502, ref detail, .. } if detail.is_empty()));
    assert!(!e.is_transient());
    for e in [
        OpenDataError::Unreachable { source: Source::Ofgl },
        OpenDataError::Timeout {
            source: Source::Dgfip,
        },
        OpenDataError::NoData { source: Source::Ofgl },
    ] {
        assert_ne!(e.message(Lang::Fr), e.message(Lang::En));
        assert!(
            !e.message(Lang::Fr).contains("opendata-"),
            "{}",
            e.message(Lang::Fr)
        );
    }
}

/// A DGFiP balance as the API's CSV export writes it: BOM, `;`, lower-case names, `.`
/// decimals; a budget principal (cbudg 1) and an annex (3).
const BALANCE: &str = "\u{feff}exer;ident;ndept;lbudg;insee;cbudg;ctype;cstyp;nomen;siren;cregi;cacti;secteur;finess;codbud1;categ;bal;compte;bedeb;becre;obnetdeb;obnetcre;onbdeb;onbcre;oobdeb;oobcre;sd;sc
2023;21560046100013;056;CRACH;046;1;101;00;M57;215600461;053;;;;;Commune;DEF;64111;0;0;400000.5;0;0;0;0;0;400000.5;0
2023;21560046100013;056;CRACH;046;1;101;00;M57;215600461;053;;;;;Commune;DEF;60611;0;0;20000;0;0;0;0;0;20000;0
2023;21560046100013;056;CRACH;046;1;101;00;M57;215600461;053;;;;;Commune;DEF;73111;0;0;0;700000;0;0;0;0;0;700000
2023;21560046100013;056;CRACH;046;1;101;00;M57;215600461;053;;;;;Commune;DEF;2313;0;0;150000;0;0;0;0;0;150000;0
2023;21560046100021;056;CRACH - PORT;046;3;410;00;M4;215600461;053;;;;;Commune;DEF;6061;0;0;999;0;0;0;0;0;999;0
";

#[test]
fn a_balance_export_gives_the_budget_principal_with_its_accounts() {
    let budget = read_balance(BALANCE.as_bytes(), Lang::Fr).unwrap().unwrap();
    assert_eq!(budget.exercice, 2023);
    assert_eq!(budget.budget_kind, BudgetKind::Principal);
    assert_eq!(budget.lines.len(), 4);
    let totals = budget.totals();
    assert_eq!(totals.fonctionnement.depenses, 420_000.5);
    assert_eq!(totals.fonctionnement.recettes, 700_000.0);
    assert_eq!(totals.investissement.depenses, 150_000.0);
    assert_eq!(budget.collectivite.insee.as_deref(), Some("56046"));
    // No row: the commune has no balance that year.
    let header_only = BALANCE.lines().next().unwrap().to_owned() + "\n";
    assert_eq!(read_balance(header_only.as_bytes(), Lang::Fr).unwrap(), None);
    assert_eq!(read_balance(b"", Lang::Fr).unwrap(), None);
    assert!(matches!(
        read_balance(b"<html>\n<body>erreur</body>\n</html>\n", Lang::Fr),
        Err(OpenDataError::Unexpected {
            source: Source::Dgfip,
            ..
        })
    ));

    // Merged with OFGL's agrégats: lines for the drill-down, published indicators.
    let ofgl = r#"[
        {"exer": "2022", "insee": "56046", "com_name": "Crach", "siren": "215600461", "agregat": "Recettes de fonctionnement", "montant": 650000, "ptot": 3300},
        {"exer": "2023", "insee": "56046", "com_name": "Crach", "siren": "215600461", "agregat": "Recettes de fonctionnement", "montant": 710000, "ptot": 3320},
        {"exer": "2023", "insee": "56046", "com_name": "Crach", "siren": "215600461", "agregat": "Dépenses de fonctionnement", "montant": 430000, "ptot": 3320},
        {"exer": "2023", "insee": "56046", "com_name": "Crach", "siren": "215600461", "agregat": "Epargne brute", "montant": 280000, "ptot": 3320}
    ]"#;
    let merged = merge(read_aggregates(ofgl.as_bytes()).unwrap(), vec![budget]);
    assert_eq!(merged.len(), 2);
    assert!(merged[0].lines.is_empty());
    assert_eq!(merged[1].lines.len(), 4);
    assert_eq!(merged[1].nomenclature, "M57");
    assert_eq!(merged[1].collectivite.nom, "Crach");
    assert_eq!(merged[1].collectivite.population, Some(3320));
    let indicators = merged[1].indicators();
    assert_eq!(indicators.recettes_reelles_fonctionnement, 710_000.0);
    assert_eq!(indicators.epargne_brute, 280_000.0);
    // The drill-down's totals are the balance's.
    assert_eq!(merged[1].totals().fonctionnement.recettes, 700_000.0);
}

#[test]
fn datagouv_answers_give_producer_date_and_csv_resources() {
    let body = r#"{"data": [{"id": "5f1", "title": "Budget primitif de Crach", "slug": "bp-crach",
        "page": "https://www.data.gouv.fr/fr/datasets/bp-crach/", "organization": {"name": "Commune de Crach", "id": "x"},
        "last_modified": "2024-03-05T10:11:12.000000+00:00", "license": "lov2",
        "resources": [
          {"id": "r1", "title": "bp-2024.csv", "format": "csv", "url": "https://static.data.gouv.fr/r/bp-2024.csv", "filesize": 20480},
          {"id": "r2", "title": "Délibération", "format": "pdf", "url": "https://static.data.gouv.fr/r/delib.pdf"},
          {"id": "r3", "title": "export", "format": "", "url": "https://example.org/export.CSV?x=1"}
        ]}],
        "page": 1, "page_size": 20, "total": 1, "next_page": null, "previous_page": null}"#;
    let page = read_search(body.as_bytes()).unwrap();
    assert_eq!(page.total, 1);
    let dataset = &page.data[0];
    assert_eq!(dataset.producer(), Some("Commune de Crach"));
    assert_eq!(dataset.date(), Some("2024-03-05"));
    let csv: Vec<&str> = dataset.csv_resources().map(|r| r.url.as_str()).collect();
    assert_eq!(
        csv,
        [
            "https://static.data.gouv.fr/r/bp-2024.csv",
            "https://example.org/export.CSV?x=1"
        ]
    );
}
