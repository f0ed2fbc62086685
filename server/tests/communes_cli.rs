//! `briques communes search` as a script would use it: the JSON contract on the real
//! directory compiled into the binary, the plain lines in French, clear messages and a
//! failing exit for a missing text or a bad limit, and a reader that closes early.
//!
//! The expected communes were read from `www/communes/communes.tsv` with `grep`, not
//! from the search: Saint-Denis (93066, 149 077 inhabitants) also names a delegated
//! commune with the same code and three other communes (974, 11, 30); 01001 is
//! L'Abergement-Clémenciat; 75011 is the postal code of Paris 11e Arrondissement (75111)
//! and, among its 21, of Paris (75056).

mod support;

use std::io::Read as _;
use std::process::{Output, Stdio};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    support::briques_fr().args(args).output().unwrap()
}

/// The JSON list a search prints.
fn search(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["communes", "search"];
    all.extend_from_slice(args);
    all.push("--json");
    let output = run(&all);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    match serde_json::from_slice(&output.stdout).unwrap() {
        Value::Array(list) => list,
        other => panic!("not a list: {other}"),
    }
}

fn codes(list: &[Value]) -> Vec<&str> {
    list.iter().map(|c| c["insee"].as_str().unwrap()).collect()
}

#[test]
fn saint_denis_93_comes_first_with_every_field_of_the_contract() {
    let list = search(&["saint denis 93"]);
    let first = &list[0];
    assert_eq!(first["insee"], "93066");
    assert_eq!(first["nom"], "Saint-Denis");
    assert_eq!(first["type"], "COM");
    assert_eq!(first["departement"], "93");
    assert_eq!(first["departement_nom"], "Seine-Saint-Denis");
    assert_eq!(first["population"], 149077);
    assert_eq!(first["siren"], "929939411");
    assert_eq!(first["epci"], "200054781");
    assert_eq!(
        first["codes_postaux"],
        serde_json::json!(["93200", "93210", "93380"])
    );
    assert!(first["rattachement"].is_null());
    // The delegated commune of the same name and code is marked as such.
    let deleguee = list
        .iter()
        .find(|c| c["type"] == "COMD")
        .expect("the delegated commune is listed");
    assert_eq!(deleguee["insee"], "93066");
    assert_eq!(deleguee["rattachement"], "93066");
    assert!(deleguee["population"].is_null() && deleguee["siren"].is_null());
    // The same words unquoted.
    assert_eq!(codes(&search(&["saint", "denis", "93"]))[0], "93066");
    // Without the département, the four communes named Saint-Denis are all listed.
    let everywhere = search(&["saint-denis"]);
    for code in ["97411", "93066", "11339", "30247"] {
        assert!(codes(&everywhere).contains(&code), "{code}");
    }
}

#[test]
fn names_as_people_type_them_and_codes() {
    assert_eq!(codes(&search(&["l abergement clemenciat"]))[0], "01001");
    assert_eq!(codes(&search(&["L'ABERGEMENT-CLÉMENCIAT"]))[0], "01001");
    assert_eq!(codes(&search(&["01001"]))[0], "01001");
    assert_eq!(codes(&search(&["paris 11"]))[0], "75111");
    let by_postal = search(&["75011"]);
    assert!(codes(&by_postal).contains(&"75111"), "{by_postal:?}");
    assert!(codes(&by_postal).contains(&"75056"), "{by_postal:?}");
    let arrondissement = by_postal.iter().find(|c| c["insee"] == "75111").unwrap();
    assert_eq!(arrondissement["type"], "ARM");
    assert_eq!(arrondissement["rattachement"], "75056");
}

#[test]
fn the_limit_holds_and_nothing_found_is_an_empty_list() {
    assert_eq!(search(&["saint", "--limit", "3"]).len(), 3);
    assert_eq!(search(&["saint"]).len(), 10, "ten by default");
    assert!(search(&["zzqxw"]).is_empty());
    let output = run(&["communes", "search", "zzqxw"]);
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("Aucune commune ne correspond à « zzqxw »"),
        "{stderr}"
    );
}

#[test]
fn the_plain_lines_speak_french() {
    let output = run(&["communes", "search", "lyon 3"]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let first = stdout.lines().next().unwrap();
    assert!(
        first
            .starts_with("Lyon 3e Arrondissement (69383) · arrondissement municipal de Lyon · Rhône (69) · "),
        "{first}"
    );
    assert!(first.ends_with(" habitants"), "{first}");
    let english = support::briques_fr()
        .env("LANG", "en_GB.UTF-8")
        .args(["communes", "search", "bellegarde sur valserine", "--limit", "1"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&english.stdout),
        "Bellegarde-sur-Valserine (01033) · delegated commune of Valserhône · Ain (01)\n"
    );
}

#[test]
fn a_missing_text_or_a_bad_limit_fails_in_french_without_a_panic() {
    for (args, words) in [
        (&["communes", "search"][..], "écrivez un nom de commune"),
        (&["communes", "search", " -' "][..], "écrivez un nom de commune"),
        (
            &["communes", "search", "paris", "--limit", "0"][..],
            "--limit attend un nombre entier d'au moins 1, pas « 0 »",
        ),
        (
            &["communes", "search", "paris", "--limit", "-3"][..],
            "--limit attend un nombre entier d'au moins 1, pas « -3 »",
        ),
        (
            &["communes", "search", "paris", "--limit", "dix"][..],
            "--limit attend un nombre entier d'au moins 1, pas « dix »",
        ),
    ] {
        let output = run(args);
        assert!(!output.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.starts_with("briques : erreur : "), "{args:?}: {stderr}");
        assert!(stderr.contains(words), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn a_reader_that_closes_early_is_not_a_panic() {
    let mut child = support::briques_fr()
        .args(["communes", "search", "saint", "--limit", "40000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then close the pipe, as `| head -c 1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}
