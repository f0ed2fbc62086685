//! `briques budget fetch` against the local stand-in of the official APIs (no test
//! reaches the internet): the requests it sends, the prepared folder it writes, that
//! `briques serve --budgets` serves that folder, that a second commune is added to it,
//! and a clear French message with a failing exit when an API fails.

mod common;
mod support;

use std::path::Path;
use std::process::Output;

use common::standin::{self, Standin};
use serde_json::Value;

fn fetch(standin: &Standin, out: &Path, extra: &[&str]) -> Output {
    support::briques_fr()
        .args(["budget", "fetch"])
        .args(extra)
        .arg("--out")
        .arg(out)
        .args(["--ofgl-url", &standin.ofgl(), "--dgfip-url", &standin.dgfip()])
        .output()
        .expect("briques runs")
}

fn read(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The decoded `where` of a logged request.
fn filter(entry: &Value) -> String {
    let query = entry["query"].as_str().unwrap_or("");
    let raw = query
        .split('&')
        .find_map(|p| p.strip_prefix("where="))
        .unwrap_or("");
    let bytes = raw.replace('+', " ");
    let mut out = Vec::new();
    let b = bytes.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&bytes[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn a_commune_by_name_becomes_a_prepared_folder_that_serve_serves() {
    let standin = standin::start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("budgets");
    let output = fetch(&standin, &out, &["crach", "--years", "2017-2024"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    // 2024 is in no dataset of the stand-in (like a year not published yet): said, skipped.
    assert!(
        stderr.contains("Les comptes 2024 ne sont pas encore publiés"),
        "{stderr}"
    );

    // The requests: one OFGL export by INSEE code, one balance per year by SIREN, six
    // quartile queries on the commune's strate (3 423 inhabitants: 2 000 to 3 499).
    let log = standin.log();
    let paths: Vec<&str> = log.iter().map(|e| e["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths[0],
        "/ofgl/api/explore/v2.1/catalog/datasets/ofgl-base-communes-consolidee/exports/json"
    );
    assert_eq!(filter(&log[0]), r#"insee="56046""#);
    let balances: Vec<String> = log
        .iter()
        .filter(|e| e["path"].as_str().unwrap().starts_with("/dgfip/"))
        .map(|e| format!("{} {}", e["path"].as_str().unwrap(), filter(e)))
        .collect();
    assert_eq!(balances.len(), 8, "{balances:#?}");
    assert!(balances[0].ends_with(
        r#"balances-comptables-des-communes-en-2017/exports/csv siren="215600461" and cbudg="1""#
    ));
    let quartiles: Vec<String> = log
        .iter()
        .filter(|e| e["path"].as_str().unwrap().ends_with("/records"))
        .map(filter)
        .collect();
    assert_eq!(quartiles.len(), 6, "{quartiles:#?}");
    assert!(quartiles
        .iter()
        .all(|w| w.starts_with("year(exer)=2023 and agregat=")
            && w.ends_with(r#"and categ="Commune" and ptot>=2000 and ptot<3500"#)));

    // The folder: the index (one entry per year), the budgets, the strate.
    let index = read(&out.join("index.json"));
    assert_eq!(index["format"], "briques-budgets-index");
    let entries = index["communes"].as_array().unwrap();
    let years: Vec<i64> = entries.iter().map(|e| e["exercice"].as_i64().unwrap()).collect();
    assert_eq!(years, (2017..=2023).collect::<Vec<_>>());
    assert!(entries.iter().all(|e| e["insee"] == "56046" && e["strate"] == 4));
    let strates = read(&out.join("strates.json"));
    let stats = &strates["strates"]["4"];
    // The quartiles are the stand-in's own answer to the same question, asked here.
    let asked = standin::get(&format!(
        "{}/api/explore/v2.1/catalog/datasets/ofgl-base-communes-consolidee/records?select={}&where={}",
        standin.ofgl(),
        standin::encode("count(*) as n, percentile(euros_par_habitant, 25) as q1, median(euros_par_habitant) as q2, percentile(euros_par_habitant, 75) as q3"),
        standin::encode(r#"year(exer)=2023 and agregat="Epargne brute" and categ="Commune" and ptot>=2000 and ptot<3500"#),
    ))
    .json();
    let expected = &asked["results"][0];
    let got = &stats["per_inhabitant"]["epargne_brute"];
    for (field, key) in [("q1", "q1"), ("median", "q2"), ("q3", "q3")] {
        assert_eq!(got[field].as_f64(), expected[key].as_f64(), "{field}");
    }
    assert!(stats["communes"].as_u64().unwrap() >= expected["n"].as_u64().unwrap());

    // Served by `briques serve --budgets`: every year, oldest first, with its lines for
    // the years the DGFiP publishes (2019-2023 in the stand-in) and OFGL's agrégats.
    let assets = tempfile::tempdir().unwrap();
    support::fake_assets(assets.path());
    let data = tempfile::tempdir().unwrap();
    let server = support::start_args(
        assets.path(),
        data.path(),
        &["--budgets", out.to_str().unwrap()],
        vec![],
    );
    let budgets = support::get(&format!("{}/api/budgets/communes/56046/exercices", server.base)).json();
    let budgets = budgets.as_array().unwrap();
    assert_eq!(budgets.len(), 7);
    for budget in budgets {
        let year = budget["exercice"].as_i64().unwrap();
        let lines = budget["lines"].as_array().unwrap().len();
        assert_eq!(lines > 0, year >= 2019, "{year}: {lines} lines");
        assert!(budget["aggregates"]["Epargne brute"].is_number(), "{year}");
        assert_eq!(budget["collectivite"]["nom"], "Crach");
    }
    let served = support::get(&format!("{}/api/budgets/strates", server.base)).json();
    assert_eq!(served["4"]["per_inhabitant"]["epargne_brute"], *got);

    // A second commune joins the folder; the first stays.
    let output = fetch(&standin, &out, &["31135"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let index = read(&out.join("index.json"));
    let communes: std::collections::BTreeSet<&str> = index["communes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["insee"].as_str().unwrap())
        .collect();
    assert_eq!(communes, ["31135", "56046"].into());
}

#[test]
fn a_failing_api_is_a_french_message_and_a_failing_exit_that_leaves_the_folder() {
    let standin = standin::start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("budgets");
    assert!(fetch(&standin, &out, &["56046", "--years", "2023"])
        .status
        .success());
    let before = std::fs::read(out.join("index.json")).unwrap();

    for (mode, said) in [
        ("429", "le nombre de demandes autorisées est atteint"),
        ("500", "a répondu par une erreur (HTTP 500)"),
        ("garbage", "n'est pas celle que sa documentation décrit"),
        ("truncated", "n'est pas celle que sa documentation décrit"),
    ] {
        standin.reset();
        standin.fail("ofgl", mode, None);
        let output = fetch(&standin, &out, &["Cazères"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{mode}: {stderr}");
        assert!(
            stderr.contains("l'OFGL (data.ofgl.fr)") && stderr.contains(said),
            "{mode}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(std::fs::read(out.join("index.json")).unwrap(), before, "{mode}");
    }

    standin.reset();
    standin.fail_slow("dgfip", 10_000, None);
    let output = fetch(&standin, &out, &["31135", "--years", "2023", "--timeout", "1"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("ne répond pas à temps"), "{stderr}");

    // Nothing listens there: unreachable.
    let output = support::briques_fr()
        .args(["budget", "fetch", "56046", "--out"])
        .arg(&out)
        .args(["--ofgl-url", "http://127.0.0.1:9/ofgl", "--timeout", "5"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("Impossible de joindre l'OFGL"), "{stderr}");

    let output = fetch(&standin, &out, &["56046", "--years", "2024-2019"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("« 2024-2019 » illisibles"));
}
