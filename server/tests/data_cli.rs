//! `briques csv profile` and `briques chart render` as a script would use them: the JSON
//! contract on the project's fixtures, clear French messages with a failing exit for bad
//! files, and charts written as SVG and PNG.

mod support;

use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/fixtures/data")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> Output {
    support::briques_fr().args(args).output().unwrap()
}

fn json(args: &[&str]) -> Value {
    let output = run(args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_profile_json_contract() {
    let v = json(&[
        "csv",
        "profile",
        &fixture("bibliotheque-prets-briqueville.csv"),
        "--json",
    ]);
    assert_eq!(v["encoding"], "UTF-8");
    assert_eq!(v["delimiter"], ";");
    assert_eq!(v["rows"], 408);
    let columns = v["columns"].as_array().unwrap();
    assert_eq!(columns.len(), 8);
    assert_eq!(columns[1]["name"], "Bibliothèque");
    assert_eq!(columns[1]["type"], "text");
    assert_eq!(columns[1]["distinct"], 3);
    assert_eq!(columns[5]["type"], "number");
    assert_eq!(columns[5]["missing"], 1);
    assert_eq!(columns[6]["type"], "percent");
    assert_eq!(columns[0]["type"], "date");
    assert_eq!(columns[0]["first"], "2023-01-01");
    for c in columns {
        for key in ["name", "type", "missing", "distinct", "sentence"] {
            assert!(!c[key].is_null(), "{key} in {c}");
        }
    }
    let latin = json(&["csv", "profile", &fixture("latin1-tab.tsv"), "--json"]);
    assert_eq!(
        (latin["encoding"].as_str(), latin["delimiter"].as_str()),
        (Some("windows-1252"), Some("\t"))
    );
    assert_eq!(latin["rows"], 3);
}

#[test]
fn the_plain_profile_speaks_french() {
    let output = run(&["csv", "profile", &fixture("ragged.csv")]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("4 lignes de données"), "{stdout}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Ligne 3 : 2 cellules au lieu de 3"), "{stderr}");
}

#[test]
fn bad_files_fail_with_a_clear_message_and_no_panic() {
    for (name, words) in [
        ("empty.csv", "vide"),
        ("no-header.csv", "noms de colonnes"),
        ("classeur.xlsx", "classeur"),
        ("image.png", "pas du texte"),
        ("header-only.csv", "en-tête"),
        ("absent.csv", "impossible de lire"),
    ] {
        let output = run(&["csv", "profile", &fixture(name), "--json"]);
        assert_eq!(output.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(words), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert!(output.stdout.is_empty(), "{name}");
    }
}

#[test]
fn charts_render_to_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("prets.json");
    std::fs::write(
        &spec,
        r#"{"format":"briques-chart","version":1,"kind":"bar","x":"Bibliothèque","y":"Prêts",
            "aggregate":"sum","title":"Prêts par bibliothèque","source":"Briqueville","licence":"Licence Ouverte 2.0"}"#,
    )
    .unwrap();
    let data = fixture("bibliotheque-prets-briqueville.csv");
    let svg = dir.path().join("prets.svg");
    let png = dir.path().join("prets.png");
    for out in [&svg, &png] {
        let output = support::briques_fr()
            .args(["chart", "render"])
            .arg(&spec)
            .args(["--data", &data, "--out"])
            .arg(out)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg") && text.contains("Prêts par bibliothèque"));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG\r\n\x1a\n"));
    // A spec naming a column the file does not have.
    std::fs::write(
        &spec,
        r#"{"format":"briques-chart","version":1,"kind":"bar","x":"Quartier"}"#,
    )
    .unwrap();
    let output = support::briques_fr()
        .args(["chart", "render"])
        .arg(&spec)
        .args(["--data", &data, "--out"])
        .arg(&svg)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("« Quartier » n'existe pas"));
}

/// A script that reads only the first line closes the pipe while the profile is still
/// printed: the command stops quietly (exit 0), without a panic on standard error.
#[test]
fn a_closed_pipe_stops_the_command_quietly() {
    let mut child = support::briques_fr()
        .args(["csv", "profile", &fixture("bibliotheque-prets-briqueville.csv")])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the command prints (as `| head -0` would).
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.status.success(), "{:?} {stderr}", output.status);
}

/// Every file of the real corpora (`core/fixtures/real-csv`, `core/fixtures/real-budget`,
/// and `../shared/data/real` when it is there), given to `csv profile` and to `budget
/// import`, whatever its kind: each command either reads it or exits with a message on
/// standard error; none panics, none fails silently.
#[test]
fn no_real_file_makes_a_command_fail_silently_or_panic() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in [
        "core/fixtures/real-csv",
        "core/fixtures/real-budget",
        "../shared/data/real",
    ] {
        let Ok(classes) = std::fs::read_dir(root.join(dir)) else {
            eprintln!("{dir}: absent, skipped");
            continue;
        };
        for entry in classes.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().flatten().map(|e| e.path()));
            } else {
                files.push(path);
            }
        }
    }
    files.retain(|p| p.extension().is_some_and(|e| e != "md" && e != "json"));
    assert!(files.len() >= 28, "{} files", files.len());
    for file in &files {
        let path = file.to_string_lossy();
        for command in [&["csv", "profile"][..], &["budget", "import"][..]] {
            let output = run(&[command, &[path.as_ref()]].concat());
            let stderr = String::from_utf8_lossy(&output.stderr);
            let context = format!("{} {path}: {stderr}", command.join(" "));
            assert!(!stderr.contains("panicked"), "{context}");
            if output.status.success() {
                assert!(!output.stdout.is_empty(), "{context}");
            } else {
                assert!(!stderr.trim().is_empty(), "{context}");
                assert_eq!(output.status.code(), Some(1), "{context}");
            }
        }
    }
}
