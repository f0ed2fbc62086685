//! `briques pack check|build|jsonld` as an author or a script uses them: the bundled
//! packs pass, each broken fixture prints its `file:line: field: message` and exits
//! non-zero, a built `.briques` checks and round-trips, and nothing ever panics.

use std::path::{Path, PathBuf};
use std::process::Output;

mod support;

fn briques(args: &[&str]) -> Output {
    support::briques_fr().args(args).output().expect("briques runs")
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn path(rel: &str) -> String {
    root().join(rel).to_string_lossy().into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn no_panic(output: &Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(output.status.code(), Some(101), "{stderr}");
}

#[test]
fn the_bundled_packs_pass_one_by_one_and_together() {
    for slug in [
        "donnees-en-duplo",
        "budget-de-ma-commune",
        "lire-un-graphique",
        "donnees-ouvertes-territoire",
    ] {
        let out = briques(&["pack", "check", &path(&format!("workshops/{slug}"))]);
        assert!(out.status.success(), "{slug}: {}", stdout(&out));
        assert!(stdout(&out).starts_with("pack valide : "), "{}", stdout(&out));
    }
    let out = briques(&["pack", "check", &path("workshops")]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(stdout(&out).lines().count(), 5);
}

#[test]
fn each_broken_fixture_prints_where_and_what() {
    let cases = [
        (
            "broken-missing-field",
            "pack.toml:1: titre: champ obligatoire absent",
        ),
        (
            "broken-wrong-type",
            "pack.toml:6: duree: mauvais type : écrivez un nombre entier positif",
        ),
        (
            "broken-unknown-licence",
            "pack.toml:15: licence: licence inconnue « WTFPL »",
        ),
        (
            "broken-unknown-activity",
            "pack.toml:20: activites[1].type: activité inconnue « quiz »",
        ),
        (
            "broken-front-matter",
            "fiches/06-notes.md:1: l'en-tête de la fiche n'est pas fermé",
        ),
        (
            "broken-steps",
            "fiches/02-methode.md: duree: les étapes durent 50 min au total",
        ),
        ("broken-syntax", "pack.toml:3: erreur de syntaxe TOML"),
        (
            "broken-undeclared-activity",
            "fiches/03-outil.md:8: la fiche parle de « page Duplo » mais pack.toml ne lance pas cette activité",
        ),
        (
            "broken-periode",
            "pack.toml:31: activites[1].graphiques[1].periode: année 0 improbable",
        ),
        (
            "broken-duplicate-slug",
            "b/pack.toml: identifiant: l'identifiant « meme-atelier » est déjà celui du pack a",
        ),
    ];
    for (name, expected) in cases {
        let out = briques(&["pack", "check", &path(&format!("core/fixtures/packs/{name}"))]);
        no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let text = stdout(&out);
        assert!(text.lines().any(|l| l.starts_with(expected)), "{name}: {text}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("1 problème à corriger"), "{name}: {stderr}");
    }
}

#[test]
fn build_then_check_and_jsonld() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("duplo.briques");
    let file = file.to_string_lossy();
    let out = briques(&["pack", "build", &path("workshops/donnees-en-duplo"), "-o", &file]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = briques(&["pack", "check", &file]);
    assert!(out.status.success(), "{}", stdout(&out));
    let out = briques(&["pack", "jsonld", &file]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON-LD on stdout");
    assert_eq!(doc["@type"], "LearningResource");
    assert_eq!(doc["timeRequired"], "PT1H30M");
    let out = briques(&["pack", "jsonld", &path("workshops/lire-un-graphique")]);
    assert!(out.status.success());
}

#[test]
fn odd_inputs_give_messages_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.briques");
    std::fs::write(&junk, b"\x00\xff not json").unwrap();
    let empty = dir.path().join("vide");
    std::fs::create_dir(&empty).unwrap();
    let bad_toml = dir.path().join("bad");
    std::fs::create_dir(&bad_toml).unwrap();
    std::fs::write(bad_toml.join("pack.toml"), b"\xff\xfe").unwrap();
    for target in [
        junk.to_string_lossy().into_owned(),
        empty.to_string_lossy().into_owned(),
        bad_toml.to_string_lossy().into_owned(),
        dir.path().join("absent").to_string_lossy().into_owned(),
    ] {
        for command in ["check", "jsonld"] {
            let out = briques(&["pack", command, &target]);
            no_panic(&out);
            assert_eq!(out.status.code(), Some(1), "{command} {target}");
        }
        let out = briques(&[
            "pack",
            "build",
            &target,
            "-o",
            &dir.path().join("x").to_string_lossy(),
        ]);
        no_panic(&out);
        assert_eq!(out.status.code(), Some(1));
    }
}
