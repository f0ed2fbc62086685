//! The open-data stand-in (`briques-standin`) over real HTTP on loopback: the shapes of
//! each endpoint, the ODSQL subset and its errors, paging limits, quartiles checked
//! against values computed here from the fixture file, the DGFiP CSV read by
//! `briques budget import`, every failure mode and the request log.

mod common;
mod support;

use std::collections::BTreeMap;
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use common::standin::{self, encode, get, request, Standin};
use serde_json::Value;

const OFGL: &str = "/api/explore/v2.1/catalog/datasets/ofgl-base-communes-consolidee";

fn dgfip_path(year: i32) -> String {
    format!("/api/explore/v2.1/catalog/datasets/balances-comptables-des-communes-en-{year}")
}

fn ofgl_get(s: &Standin, endpoint: &str, params: &[(&str, &str)]) -> standin::Reply {
    let query: Vec<String> = params.iter().map(|(n, v)| format!("{n}={}", encode(v))).collect();
    get(&format!("{}{OFGL}/{endpoint}?{}", s.ofgl(), query.join("&")))
}

/// Reads a `;` fixture file (BOM, no quoting) as maps of header → cell.
fn fixture_rows(name: &str) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(standin::fixtures_dir().join(name)).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let header: Vec<String> = lines.next().unwrap().split(';').map(str::to_owned).collect();
    lines
        .map(|l| {
            header
                .iter()
                .cloned()
                .zip(l.split(';').map(str::to_owned))
                .collect()
        })
        .collect()
}

/// Type-7 percentile, written again here so the test does not trust the server's.
fn quantile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let h = (v.len() - 1) as f64 * p;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    v[lo] + (h - lo as f64) * (v[hi] - v[lo])
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn ofgl_exports_json_is_a_bare_array_with_the_api_field_names_and_types() {
    let s = standin::start();
    let reply = ofgl_get(
        &s,
        "exports/json",
        &[
            ("where", "insee=\"56046\""),
            (
                "select",
                "exer,insee,com_name,siren,tranche_population,agregat,montant,euros_par_habitant,ptot",
            ),
        ],
    );
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    let rows = reply.json();
    let rows = rows.as_array().expect("a bare array");
    assert_eq!(
        rows.len(),
        7 * 49,
        "7 years of 49 agrégats (no Crédits de trésorerie row)"
    );
    let row = rows[0].as_object().unwrap();
    let keys: Vec<&str> = row.keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 9, "select limits the fields: {keys:?}");
    assert!(row["exer"].is_string() && row["tranche_population"] == "4" && row["ptot"].is_u64());
    assert_eq!(row["siren"], "215600461");
    assert_eq!(row["com_name"], "Crach");
    for r in rows {
        let (m, p, e) = (
            r["montant"].as_f64().unwrap(),
            r["ptot"].as_f64().unwrap(),
            r["euros_par_habitant"].as_f64().unwrap(),
        );
        assert!(close(e, m / p), "euros_par_habitant = montant / ptot: {r}");
    }
    // The agrégats of a year hold OFGL's identities.
    let year = |y: &str| -> BTreeMap<String, f64> {
        rows.iter()
            .filter(|r| r["exer"] == y)
            .map(|r| {
                (
                    r["agregat"].as_str().unwrap().to_owned(),
                    r["montant"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    let a = year("2023");
    let cents = |x: f64, y: f64| (x - y).abs() < 0.02;
    assert!(cents(
        a["Epargne brute"],
        a["Recettes de fonctionnement"] - a["Dépenses de fonctionnement"]
    ));
    assert!(cents(
        a["Epargne nette"],
        a["Epargne brute"] - a["Remboursements d'emprunts hors GAD"]
    ));
    assert!(cents(
        a["Dépenses totales"],
        a["Dépenses de fonctionnement"] + a["Dépenses d'investissement"]
    ));
}

#[test]
fn ofgl_records_pages_with_the_documented_limits() {
    let s = standin::start();
    let first = ofgl_get(
        &s,
        "records",
        &[("where", "insee='56046'"), ("order_by", "exer, agregat")],
    )
    .json();
    assert_eq!(first["total_count"], 343);
    assert_eq!(
        first["results"].as_array().unwrap().len(),
        10,
        "limit defaults to 10"
    );
    assert_eq!(first["results"][0]["exer"], "2017");

    let mut seen = Vec::new();
    for offset in (0..400).step_by(100) {
        let page = ofgl_get(
            &s,
            "records",
            &[
                ("where", "insee=\"56046\""),
                ("order_by", "exer,agregat"),
                ("limit", "100"),
                ("offset", &offset.to_string()),
            ],
        )
        .json();
        seen.extend(page["results"].as_array().unwrap().iter().map(|r| {
            (
                r["exer"].as_str().unwrap().to_owned(),
                r["agregat"].as_str().unwrap().to_owned(),
            )
        }));
    }
    assert_eq!(seen.len(), 343);
    assert!(
        seen.windows(2).all(|w| w[0] < w[1]),
        "pages follow order_by without repeats"
    );

    let too_big = ofgl_get(&s, "records", &[("limit", "101")]);
    assert_eq!(too_big.status, 400);
    assert_eq!(too_big.json()["error_code"], "InvalidRESTParameterError");
    assert_eq!(
        too_big.json()["message"],
        "Invalid value for limit API parameter: 101 was found but -1 <= limit <= 100 is expected."
    );
    let window = ofgl_get(&s, "records", &[("limit", "100"), ("offset", "9950")]);
    assert_eq!(window.status, 400);
    assert_eq!(
        window.json()["message"],
        "Invalid value for sum of offset + limit API parameter: 10050 was found but <= 10000 is expected."
    );
    assert_eq!(
        ofgl_get(&s, "records", &[("limit", "100"), ("offset", "9900")]).status,
        200
    );
    let empty = ofgl_get(&s, "records", &[("where", "insee=\"00000\"")]).json();
    assert_eq!(empty, serde_json::json!({"total_count": 0, "results": []}));
}

#[test]
fn the_where_subset_is_parsed_and_its_errors_are_the_portals() {
    let s = standin::start();
    let count =
        |w: &str| ofgl_get(&s, "records", &[("where", w), ("limit", "0")]).json()["total_count"].clone();
    assert_eq!(count("insee = \"56046\" AND year(exer) = 2023"), 49);
    assert_eq!(
        count("insee='56046' and year(exer)>=2022 and year(exer)<2023"),
        49
    );
    assert_eq!(
        count("insee=\"56046\" and agregat=\"Remboursements d'emprunts hors GAD\""),
        7
    );
    assert_eq!(
        count("insee=\"56046\" and agregat='Remboursements d\\'emprunts hors GAD'"),
        7,
        "backslash escape"
    );
    assert_eq!(
        count(
            "tranche_population=\"10\" and year(exer)=2023 and ptot >= 100000 and agregat=\"Epargne brute\""
        ),
        40
    );
    assert_eq!(count("insee=\"56046\" and montant > 1000000000"), 0);

    // `+` and `%20` for spaces, `%3D` and `%22`, as clients send them.
    let raw = get(&format!(
        "{}{OFGL}/records?limit=0&where=insee%3D%2256046%22+and%20year(exer)%3D2023",
        s.ofgl()
    ));
    assert_eq!(raw.json()["total_count"], 49);

    for (w, code) in [
        ("exer=\"2023\"", "IncompatibleTypesInComparisonFilter"),
        ("exer=2023", "IncompatibleTypesInComparisonFilter"),
        ("ptot=\"3423\"", "IncompatibleTypesInComparisonFilter"),
        ("year(exer)='2023'", "IncompatibleTypesInComparisonFilter"),
        ("anzahl=\"1\"", "ODSQLError"),
        ("insee=", "ODSQLError"),
        ("insee=\"56046", "ODSQLError"),
        ("insee=\"56046\" insee=\"1\"", "ODSQLError"),
    ] {
        let reply = ofgl_get(&s, "records", &[("where", w)]);
        assert_eq!(reply.status, 400, "{w}");
        let body = reply.json();
        assert_eq!(body["error_code"], code, "{w}: {body}");
        if code == "ODSQLError" {
            assert!(
                body["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("ODSQL query is malformed: "),
                "{body}"
            );
        }
    }
    let unknown = ofgl_get(&s, "records", &[("where", "anzahl=\"1\"")]).json();
    assert!(unknown["message"]
        .as_str()
        .unwrap()
        .contains("Unknown field: anzahl"));
    let bad_select = ofgl_get(&s, "records", &[("select", "invalid_function(montant)")]);
    assert_eq!(bad_select.json()["error_code"], "ODSQLError");
}

#[test]
fn quartiles_per_strate_match_values_computed_from_the_fixture() {
    let s = standin::start();
    let rows = fixture_rows("ofgl-strates.csv");
    for (tranche, agregat) in [
        ("7", "Dépenses de fonctionnement"),
        ("3", "Epargne brute"),
        ("10", "Encours de dette"),
    ] {
        let values: Vec<f64> = rows
            .iter()
            .filter(|r| r["exer"] == "2023" && r["tranche_population"] == tranche)
            .map(|r| r[agregat].parse::<f64>().unwrap() / r["ptot"].parse::<f64>().unwrap())
            .collect();
        assert!(values.len() >= 20, "enough communes in tranche {tranche}");
        let reply = ofgl_get(
            &s,
            "records",
            &[
                (
                    "select",
                    "count(*) as n, percentile(euros_par_habitant, 25) as q1, median(euros_par_habitant) as q2, \
                     percentile(euros_par_habitant, 75) as q3, min(euros_par_habitant) as mini, \
                     max(euros_par_habitant) as maxi, avg(euros_par_habitant) as moyenne",
                ),
                (
                    "where",
                    &format!("year(exer)=2023 and agregat=\"{agregat}\" and tranche_population=\"{tranche}\" and categ=\"Commune\""),
                ),
            ],
        )
        .json();
        assert_eq!(reply["total_count"], 1);
        let r = &reply["results"][0];
        assert_eq!(r["n"], values.len());
        for (key, expected) in [
            ("q1", quantile(values.clone(), 0.25)),
            ("q2", quantile(values.clone(), 0.5)),
            ("q3", quantile(values.clone(), 0.75)),
            ("mini", quantile(values.clone(), 0.0)),
            ("maxi", quantile(values.clone(), 1.0)),
            ("moyenne", values.iter().sum::<f64>() / values.len() as f64),
        ] {
            assert!(
                close(r[key].as_f64().unwrap(), expected),
                "{tranche} {agregat} {key}: {r} vs {expected}"
            );
        }
        assert!(r["q1"].as_f64() < r["q3"].as_f64(), "a real spread");
    }
    let none = ofgl_get(
        &s,
        "records",
        &[
            (
                "select",
                "count(*) as n, percentile(euros_par_habitant, 25) as q1, median(euros_par_habitant) as q2",
            ),
            ("where", "year(exer)=2030"),
        ],
    )
    .json();
    assert_eq!(
        none,
        serde_json::json!({"total_count": 1, "results": [{"n": 0, "q1": null, "q2": null}]})
    );
    let out_of_range = ofgl_get(
        &s,
        "records",
        &[("select", "percentile(euros_par_habitant, 101) as x")],
    );
    assert_eq!(out_of_range.json()["error_code"], "ODSQLError");
}

/// Real flows of a fixture's balance rows by section, computed as the DGFiP defines them.
fn balance_totals(siren: &str, year: &str) -> [f64; 4] {
    let mut t = [0.0; 4];
    for r in fixture_rows("dgfip-balances.csv")
        .iter()
        .filter(|r| r["siren"] == siren && r["exer"] == year && r["cbudg"] == "1")
    {
        let n = |k: &str| r[k].parse::<f64>().unwrap();
        let section = match r["compte"].chars().next().unwrap() {
            '6' | '7' => 0,
            '1' | '2' => 2,
            _ => continue,
        };
        t[section] += n("obnetdeb") - n("oobdeb");
        t[section + 1] += n("obnetcre") - n("oobcre");
    }
    t
}

#[test]
fn the_dgfip_csv_of_crach_is_read_by_briques_budget_with_the_expected_totals() {
    let s = standin::start();
    let url = format!(
        "{}{}/exports/csv?where={}",
        s.dgfip(),
        dgfip_path(2023),
        encode("siren=\"215600461\" and cbudg=\"1\"")
    );
    let reply = get(&url);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(reply.body.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with a BOM");
    let text = reply.text();
    let header = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(
        header,
        "exer;ident;ndept;lbudg;insee;cbudg;ctype;cstyp;nomen;siren;cregi;cacti;secteur;finess;codbud1;categ;bal;compte;bedeb;becre;obnetdeb;obnetcre;onbdeb;onbcre;oobdeb;oobcre;sd;sc"
    );
    assert!(!text.contains('\r'), "LF line ends");
    let first = text.lines().nth(1).unwrap();
    assert!(
        first.contains(";056;CRACH;046;1;"),
        "ndept on 3 characters, insee its last 3 digits: {first}"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crach-2023.csv");
    std::fs::write(&file, &reply.body).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_briques"))
        .env("LANG", "fr_FR.UTF-8")
        .args(["budget", "import"])
        .arg(&file)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let budget: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(budget["exercice"], 2023);
    assert_eq!(budget["collectivite"]["siren"], "215600461");
    let [fd, fr, id, ir] = balance_totals("215600461", "2023");
    let cents = |v: &Value, x: f64| (v.as_f64().unwrap() - x).abs() < 0.01;
    assert!(cents(&budget["fonctionnement"]["depenses"], fd), "{budget}");
    assert!(cents(&budget["fonctionnement"]["recettes"], fr), "{budget}");
    assert!(cents(&budget["investissement"]["depenses"], id), "{budget}");
    assert!(cents(&budget["investissement"]["recettes"], ir), "{budget}");

    // Consistent with Crach's OFGL agrégats (the balance is the main budget only).
    let ofgl = ofgl_get(
        &s,
        "exports/json",
        &[(
            "where",
            "insee=\"56046\" and year(exer)=2023 and agregat=\"Recettes de fonctionnement\"",
        )],
    )
    .json();
    let rrf = ofgl[0]["montant"].as_f64().unwrap();
    assert!((fr - rrf).abs() / rrf < 0.02, "balance {fr} vs OFGL {rrf}");
}

#[test]
fn dgfip_json_records_and_unpublished_years() {
    let s = standin::start();
    let json = get(&format!(
        "{}{}/exports/json?where={}&select=compte,obnetdeb",
        s.dgfip(),
        dgfip_path(2021),
        encode("siren=\"213101355\" and compte=\"64111\"")
    ))
    .json();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert!(json[0]["obnetdeb"].as_f64().unwrap() > 100_000.0);
    let records = get(&format!(
        "{}{}/records?where={}&limit=100",
        s.dgfip(),
        dgfip_path(2019),
        encode("siren=\"215600461\"")
    ))
    .json();
    assert!(records["total_count"].as_u64().unwrap() > 30);
    assert_eq!(records["results"][0]["ndept"], "056");
    assert_eq!(records["results"][0]["exer"], "2019");
    for missing in [
        format!("{}{}/records", s.dgfip(), dgfip_path(2024)),
        format!("{}{}/exports/csv", s.dgfip(), dgfip_path(2018)),
        format!("{}/api/explore/v2.1/catalog/datasets/nope/records", s.ofgl()),
    ] {
        let reply = get(&missing);
        assert_eq!(reply.status, 404, "{missing}");
        assert_eq!(reply.json()["error_code"], "DatasetNotFound");
    }
    let meta = get(&format!("{}{}", s.dgfip(), dgfip_path(2023))).json();
    assert_eq!(
        meta["fields"][0],
        serde_json::json!({"name": "exer", "label": "EXER", "type": "date", "annotations": {}, "description": null})
    );
}

#[test]
fn datagouv_search_by_words_and_zone_with_paging() {
    let s = standin::start();
    let search = |q: &str| get(&format!("{}/api/1/datasets/?{q}", s.datagouv())).json();
    let all = search("page_size=4");
    assert_eq!(all["total"], 9);
    assert_eq!(all["page"], 1);
    assert_eq!(all["page_size"], 4);
    assert_eq!(all["previous_page"], Value::Null);
    let next = all["next_page"].as_str().unwrap().to_owned();
    assert!(
        next.starts_with(&s.datagouv()) && next.contains("page=2"),
        "{next}"
    );
    let second = get(&next).json();
    assert_eq!(second["data"].as_array().unwrap().len(), 4);
    assert!(second["previous_page"].is_string());
    let third = search("page_size=4&page=3");
    assert_eq!(third["data"].as_array().unwrap().len(), 1);
    assert_eq!(third["next_page"], Value::Null);

    let titles = |v: &Value| -> Vec<String> {
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["title"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        titles(&search("q=CAZERES+equipements")),
        ["Équipements sportifs de Cazères"]
    );
    assert_eq!(
        search("q=budget&geozone=fr:commune:56046")["total"],
        2,
        "the budget and the subsidies"
    );
    assert_eq!(search("geozone=fr%3Adepartement%3A56")["total"], 1);
    assert_eq!(
        search("q=crach")["total"],
        3,
        "the Morbihan beaches name Crach in their description"
    );
    assert_eq!(search("q=nothing-like-this")["data"], serde_json::json!([]));
    assert_eq!(
        request("GET", &s.url("/datagouv/api/1/datasets/?page=0"), &[]).status,
        400
    );

    let crach = &search("q=budget+primitif+crach")["data"][0];
    for key in [
        "id",
        "title",
        "slug",
        "page",
        "description",
        "last_modified",
        "license",
    ] {
        assert!(crach[key].is_string(), "{key}");
    }
    assert_eq!(crach["organization"]["name"], "Commune de Crach");
    let resources = crach["resources"].as_array().unwrap();
    let formats: Vec<&str> = resources.iter().map(|r| r["format"].as_str().unwrap()).collect();
    assert_eq!(formats, ["csv", "pdf"]);
    let csv_url = resources[0]["url"].as_str().unwrap();
    assert!(csv_url.starts_with(&s.base));
    let file = get(csv_url);
    assert_eq!(file.status, 200);
    assert_eq!(file.header("access-control-allow-origin"), Some("*"));
    assert_eq!(file.body.len() as u64, resources[0]["filesize"].as_u64().unwrap());

    let everything = search("page_size=50");
    let resources: Vec<&Value> = everything["data"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["resources"].as_array().unwrap())
        .collect();
    assert!(
        resources
            .iter()
            .any(|r| r["filesize"].as_u64().unwrap() > 50_000_000),
        "a large resource"
    );
    let nocors = resources
        .iter()
        .find(|r| r["url"].as_str().unwrap().contains("/files-nocors/"))
        .unwrap();
    let reply = get(nocors["url"].as_str().unwrap());
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("access-control-allow-origin"), None);
    let one = get(&format!(
        "{}/api/1/datasets/{}/",
        s.datagouv(),
        crach["slug"].as_str().unwrap()
    ))
    .json();
    assert_eq!(one["id"], crach["id"]);
    let missing = get(&format!("{}/api/1/datasets/nope/", s.datagouv()));
    assert_eq!(
        (missing.status, missing.json()["status"].clone()),
        (404, Value::from(404))
    );
}

#[test]
fn every_response_allows_any_origin_and_preflights_are_answered() {
    let s = standin::start();
    for path in [
        format!("/ofgl{OFGL}/records"),
        format!("/dgfip{}/records", dgfip_path(2024)),
        "/datagouv/api/1/datasets/".to_owned(),
        "/nowhere".to_owned(),
    ] {
        assert_eq!(
            get(&s.url(&path)).header("access-control-allow-origin"),
            Some("*"),
            "{path}"
        );
        let preflight = request(
            "OPTIONS",
            &s.url(&path),
            &[
                ("origin", "http://localhost:8080"),
                ("access-control-request-method", "GET"),
            ],
        );
        assert!(preflight.status == 204 || preflight.status == 200, "{path}");
        assert_eq!(preflight.header("access-control-allow-origin"), Some("*"));
        assert!(preflight
            .header("access-control-allow-methods")
            .unwrap()
            .contains("GET"));
    }
}

#[test]
fn each_failure_mode_behaves_as_documented() {
    let s = standin::start();
    let records = format!("{}{OFGL}/records?limit=1", s.ofgl());

    s.fail("ofgl", "500", Some(1));
    let reply = get(&records);
    assert_eq!((reply.status, reply.body.len()), (500, 0));
    assert_eq!(get(&records).status, 200, "times=1 fails once");

    s.fail("all", "429", None);
    for url in [&records, &format!("{}/api/1/datasets/", s.datagouv())] {
        let reply = get(url);
        assert_eq!(reply.status, 429);
        let body = reply.json();
        assert_eq!(body["errorcode"], 10005);
        assert_eq!(body["limit_time_unit"], "day");
        assert_eq!(body["call_limit"], 1000);
        assert_eq!(
            body["error"],
            "You have exceeded the requests limit for anonymous users."
        );
        assert!(body["reset_time"].as_str().unwrap().ends_with("T00:00:00Z"));
        assert_eq!(reply.header("x-ratelimit-remaining"), Some("0"));
        assert_eq!(reply.header("x-ratelimit-limit"), Some("1000"));
        assert!(reply.header("x-ratelimit-reset").unwrap().parse::<u64>().is_ok());
    }
    s.reset();
    assert_eq!(get(&records).status, 200, "reset disarms");

    s.fail("dgfip", "garbage", None);
    let reply = get(&format!("{}{}/exports/csv", s.dgfip(), dgfip_path(2023)));
    assert_eq!(reply.status, 200);
    assert!(reply.header("content-type").unwrap().starts_with("text/html"));
    assert!(serde_json::from_slice::<Value>(&reply.body).is_err());
    assert_eq!(get(&records).status, 200, "other hosts are unaffected");

    s.fail("ofgl", "truncated", Some(1));
    let reply = get(&format!(
        "{}{OFGL}/exports/json?where={}",
        s.ofgl(),
        encode("insee=\"56046\"")
    ));
    assert_eq!(reply.status, 200);
    assert!(reply.body.starts_with(b"[{"));
    assert!(
        serde_json::from_slice::<Value>(&reply.body).is_err(),
        "the JSON is cut"
    );

    s.fail("datagouv", "nocors", Some(1));
    let reply = get(&format!("{}/api/1/datasets/", s.datagouv()));
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("access-control-allow-origin"), None);
    assert_eq!(reply.json()["total"], 9, "the body is normal");

    // slow: the slow request waits while another is answered at once.
    let limit_one = || s.log().iter().filter(|e| e["query"] == "limit=1").count();
    let before = limit_one();
    s.fail_slow("ofgl", 1500, Some(1));
    let (done, finished) = mpsc::channel();
    let slow_url = records.clone();
    let waiter = std::thread::spawn(move || {
        let status = get(&slow_url).status;
        done.send(status).unwrap();
    });
    // Wait until the slow request has reached the stand-in (it is logged on arrival).
    let arrived = (0..400).any(|_| {
        limit_one() > before || {
            std::thread::sleep(Duration::from_millis(10));
            false
        }
    });
    assert!(arrived, "the slow request reached the stand-in");
    assert_eq!(get(&format!("{}/api/1/datasets/", s.datagouv())).status, 200);
    assert!(
        finished.try_recv().is_err(),
        "the slow answer is still pending while another request was served"
    );
    assert_eq!(finished.recv_timeout(Duration::from_secs(20)).unwrap(), 200);
    waiter.join().unwrap();

    let refused = request("POST", &s.url("/_standin/fail?host=ofgl&mode=teapot"), &[]);
    assert_eq!(refused.status, 400);
}

#[test]
fn the_log_lists_exactly_the_urls_received() {
    let s = standin::start();
    s.reset();
    let query = format!(
        "where={}&select=exer,montant",
        encode("insee=\"56046\" and year(exer)=2023")
    );
    get(&format!("{}{OFGL}/exports/json?{query}", s.ofgl()));
    get(&format!(
        "{}/api/1/datasets/?q=crach&geozone=fr:commune:56046",
        s.datagouv()
    ));
    s.fail("ofgl", "500", Some(1));
    get(&format!("{}{OFGL}/records", s.ofgl()));
    let log = s.log();
    assert_eq!(
        log,
        vec![
            serde_json::json!({"method": "GET", "path": format!("/ofgl{OFGL}/exports/json"), "query": query}),
            serde_json::json!({"method": "GET", "path": "/datagouv/api/1/datasets/", "query": "q=crach&geozone=fr:commune:56046"}),
            serde_json::json!({"method": "GET", "path": format!("/ofgl{OFGL}/records"), "query": null}),
        ]
    );
}

#[test]
fn real_rows_of_cazeres_are_served_when_the_real_file_is_there() {
    let real = standin::real_dir().join("ofgl-base-communes-consolidee_cazeres_2022-2023.csv");
    if !real.exists() {
        println!("skipped: {} is absent", real.display());
        return;
    }
    let s = standin::start();
    let rows = ofgl_get(
        &s,
        "exports/json",
        &[
            ("where", "siren=\"213101355\" and agregat=\"Epargne brute\""),
            ("order_by", "exer"),
        ],
    )
    .json();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert_eq!(rows[0]["exer"], "2022");
    assert_eq!(rows[0]["insee"], "31135");
    assert_eq!(rows[0]["com_name"], "Cazères");
    assert_eq!(rows[0]["tranche_population"], "5");
    assert_eq!(rows[0]["ptot"], 4871);
    assert_eq!(rows[0]["montant"], 921485.95);
    assert_eq!(rows[0]["montant_ba"], -176777.7);
    assert_eq!(rows[0]["euros_par_habitant"], 189.17798193389447);
    let total = ofgl_get(&s, "records", &[("where", "insee=\"31135\""), ("limit", "0")]).json();
    assert_eq!(total["total_count"], 100);

    // Without the real folder, the stand-in says so and serves the fixtures only.
    let empty = tempfile::tempdir().unwrap();
    let bare = standin::start_with(&["--real", empty.path().to_str().unwrap()]);
    let none = get(&format!(
        "{}{OFGL}/records?where={}",
        bare.ofgl(),
        encode("insee=\"31135\"")
    ))
    .json();
    assert_eq!(none["total_count"], 0);
}

#[test]
fn the_standin_exits_when_its_stdin_closes() {
    let s = standin::start();
    assert!(s.close_stdin_and_wait().success());
}
