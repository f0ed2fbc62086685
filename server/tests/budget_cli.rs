//! `briques budget import` as a script would use it: the JSON contract on project
//! fixtures and on the real Montreuil file when present, several budgets as an array,
//! and a clear message with a failing exit for bad files.

mod support;

use std::path::PathBuf;

use serde_json::Value;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/fixtures/budget")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn json(args: &[&str]) -> Value {
    let output = support::briques_fr().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_json_contract_on_a_totem_compte_administratif() {
    let v = json(&["budget", "import", &fixture("briqueville-ca-2023.xml"), "--json"]);
    assert_eq!(v["collectivite"]["nom"], "BRIQUEVILLE");
    assert_eq!(v["exercice"], 2023);
    assert_eq!(v["nomenclature"], "M14-M14_COM_500_3500");
    assert_eq!(v["fonctionnement"]["depenses"], 284000.5);
    assert_eq!(v["fonctionnement"]["recettes"], 428500.25);
    assert_eq!(v["investissement"]["depenses"], 78000.0);
    assert_eq!(v["investissement"]["recettes"], 41000.0);
    assert_eq!(v["epargne_brute"], 144499.75);
}

#[test]
fn several_budgets_come_as_an_array_and_warnings_go_to_stderr() {
    let file = fixture("briqueville-2023-dgfip-api.csv");
    let main_only = support::briques_fr()
        .args(["budget", "import", &file, "--json"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&main_only.stderr).contains("budgets annexes ignorée"));
    let v: Value = serde_json::from_slice(&main_only.stdout).unwrap();
    assert_eq!(v["collectivite"]["insee"], "99042");
    let all = json(&[
        "budget",
        "import",
        &file,
        "--format",
        "dgfip",
        "--annexes",
        "--json",
    ]);
    assert_eq!(all.as_array().map(Vec::len), Some(2));
}

#[test]
fn the_real_montreuil_compte_administratif() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/real/montreuil_CA_2016_totem.xml");
    if !path.exists() {
        eprintln!("skipped: {} is not there (real-data check)", path.display());
        return;
    }
    let v = json(&["budget", "import", &path.to_string_lossy(), "--json"]);
    assert_eq!(v["fonctionnement"]["depenses"], 190073301.88);
    assert_eq!(v["fonctionnement"]["recettes"], 208091177.9);
    assert_eq!(v["investissement"]["depenses"], 46510122.64);
    assert_eq!(v["investissement"]["recettes"], 33626844.23);
    assert_eq!(v["epargne_brute"], 18017876.02);
}

#[test]
fn bad_files_fail_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_string_lossy().into_owned()
    };
    let xml = std::fs::read_to_string(fixture("briqueville-ca-2023.xml")).unwrap();
    let cases = [
        (
            write("coupe.xml", &xml.as_bytes()[..xml.len() / 3]),
            "document XML tronqué : l'élément <LigneBudget> n'est jamais fermé",
        ),
        (write("image.png", b"\x89PNG\r\n\x1a\n\x00\x00"), "binaire"),
        (write("autre.csv", b"nom;age\nAlice;3\n"), "format non reconnu"),
        (write("vide.csv", b""), "le fichier est vide"),
    ];
    for (file, expected) in cases {
        let output = support::briques_fr()
            .args(["budget", "import", &file])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{file}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{file}: expected «{expected}» in {stderr}"
        );
        assert!(!stderr.contains("panicked"));
    }
    let output = support::briques_fr()
        .args([
            "budget",
            "import",
            &fixture("briqueville-ca-2023.xml"),
            "--format",
            "pdf",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("format « pdf » inconnu"));
}

/// Prepares the project's DGFiP fixture (with a populations file) into `dir/prepared`;
/// returns that folder and the command's output.
#[cfg(feature = "national")]
fn prepare_fixture(dir: &std::path::Path) -> (PathBuf, std::process::Output) {
    let pops = dir.join("populations.csv");
    std::fs::write(
        &pops,
        "REG;DEP;COM;Commune;PMUN;PCAP;PTOT\r\n99;099;99042;Briqueville;3000;12;3012\r\n",
    )
    .unwrap();
    let out = dir.join("prepared");
    let output = support::briques_fr()
        .args([
            "budget",
            "prepare",
            &fixture("briqueville-2023-dgfip-api.csv"),
            "--out",
        ])
        .arg(&out)
        .arg("--populations")
        .arg(&pops)
        .output()
        .unwrap();
    (out, output)
}

#[cfg(feature = "national")]
#[test]
fn prepare_writes_communes_an_index_and_strates_that_load_without_polars() {
    let dir = tempfile::tempdir().unwrap();
    let (out, output) = prepare_fixture(dir.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("1 communes préparées"));
    // The per-commune file is a plain core `Budget`: the browser reads it with serde alone.
    use briques_core::budget::prepared::{read_budget, read_index};
    let index = read_index(&std::fs::read(out.join("index.json")).unwrap()).unwrap();
    let file = std::fs::read(out.join(&index[0].fichier)).unwrap();
    let at = index[0].debut as usize;
    let budget = read_budget(&index[0].fichier, &file[at..at + index[0].longueur as usize]).unwrap();
    assert_eq!(budget.collectivite.population, Some(3012));
    let direct = json(&[
        "budget",
        "import",
        &fixture("briqueville-2023-dgfip-api.csv"),
        "--json",
    ]);
    assert_eq!(
        direct["epargne_brute"].as_f64().unwrap(),
        (budget.indicators().epargne_brute * 100.0).round() / 100.0
    );
    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    assert_eq!(index["format"], "briques-budgets-index");
    assert_eq!(index["version"], 1);
    assert_eq!(index["communes"][0]["nom"], "BRIQUEVILLE");
    assert!(out.join("strates.json").exists());

    let missing = support::briques_fr()
        .args([
            "budget",
            "prepare",
            &fixture("briqueville-2023-ofgl.csv"),
            "--out",
        ])
        .arg(dir.path().join("nothing"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("colonne obligatoire absente"));
}

#[cfg(feature = "national")]
#[test]
fn serve_budgets_searches_the_index_and_serves_communes_and_strates() {
    let dir = tempfile::tempdir().unwrap();
    let (out, output) = prepare_fixture(dir.path());
    assert!(output.status.success());
    let assets = tempfile::tempdir().unwrap();
    support::fake_assets(assets.path());
    let data = tempfile::tempdir().unwrap();
    let (assets_path, data_path) = (assets.path().to_owned(), data.path().to_owned());
    let server = support::start_args(
        &assets_path,
        &data_path,
        &["--budgets", out.to_str().unwrap()],
        vec![assets, data, dir],
    );
    let status = support::get(&format!("{}/api/budgets/statut", server.base)).json();
    assert_eq!(status["communes"], 1);
    let found = support::get(&format!("{}/api/budgets/recherche?q=briquev", server.base)).json();
    assert_eq!(found[0]["insee"], "99042");
    assert_eq!(found[0]["population"], 3012);
    let accents = support::get(&format!("{}/api/budgets/recherche?q=BRÏQUEVILLE", server.base)).json();
    assert_eq!(accents.as_array().unwrap().len(), 1);
    let budget: briques_core::budget::Budget =
        serde_json::from_slice(&support::get(&format!("{}/api/budgets/communes/99042", server.base)).body)
            .unwrap();
    assert_eq!(budget.exercice, 2023);
    let strates = support::get(&format!("{}/api/budgets/strates", server.base)).json();
    assert!(strates["4"]["per_inhabitant"]["depenses_reelles_fonctionnement"]["median"].is_number());
    let missing = support::get(&format!("{}/api/budgets/communes/12345", server.base));
    assert_eq!(missing.status, 404);
    assert!(missing.json()["error"].as_str().unwrap().contains("12345"));
    let bad = support::get(&format!("{}/api/budgets/communes/..%2F..", server.base));
    assert_eq!(bad.status, 400);
}
