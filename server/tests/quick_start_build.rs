//! The Quick start's build (`scripts/run`: `cargo build -p briques --no-default-features`)
//! leaves out polars, the PNG renderer, HTTPS and PostgreSQL. Each command that needs one
//! of them says, in the user's language, which build has it, and writes nothing; what
//! does not need them still works. `scripts/test` runs this file on that build; in a
//! build with the features the tests that do not apply are not compiled.

// In a build with every feature, none of the tests below is compiled, nor needed.
#![cfg_attr(
    all(
        feature = "national",
        feature = "png",
        feature = "fetch",
        feature = "postgres"
    ),
    allow(dead_code)
)]

mod support;

use std::path::PathBuf;
use std::process::Output;

fn fixture(area: &str, name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/fixtures")
        .join(area)
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Exit code 1, and a French message naming the build to make.
fn says_what_to_build(output: &Output, missing: &str, build: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(missing) && stderr.contains(build), "{stderr}");
}

#[cfg(not(feature = "national"))]
#[test]
fn prepare_without_the_national_build_says_what_to_build() {
    let output = support::briques_fr()
        .args([
            "budget",
            "prepare",
            &fixture("budget", "briqueville-2023-dgfip-api.csv"),
        ])
        .args(["--out", "/nonexistent"])
        .output()
        .unwrap();
    says_what_to_build(&output, "polars", "scripts/build-national");
}

#[cfg(not(feature = "png"))]
#[test]
fn a_png_chart_says_which_build_has_it_and_an_svg_one_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("prets.json");
    std::fs::write(
        &spec,
        r#"{"format":"briques-chart","version":1,"kind":"bar","x":"Bibliothèque","y":"Prêts","aggregate":"sum","title":"Prêts"}"#,
    )
    .unwrap();
    let data = fixture("data", "bibliotheque-prets-briqueville.csv");
    let render = |out: &PathBuf| {
        support::briques_fr()
            .args(["chart", "render"])
            .arg(&spec)
            .args(["--data", &data, "--out"])
            .arg(out)
            .output()
            .unwrap()
    };
    let png = dir.path().join("prets.png");
    says_what_to_build(
        &render(&png),
        "sans l'export PNG",
        "cargo build --release -p briques",
    );
    assert!(!png.exists());
    let svg = dir.path().join("prets.svg");
    let output = render(&svg);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
}

#[cfg(not(feature = "fetch"))]
#[test]
fn fetching_from_the_https_portals_says_which_build_has_it_before_any_request() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("budgets");
    // The default addresses are the real portals (https): refused before any request,
    // so this test never reaches the internet.
    let output = support::briques_fr()
        .args(["budget", "fetch", "75056", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    says_what_to_build(&output, "sans HTTPS", "cargo build --release -p briques");
    assert!(!out.exists());
}

#[cfg(not(feature = "postgres"))]
#[test]
fn postgresql_says_which_build_has_it_for_serve_and_migrate_store() {
    let dir = tempfile::tempdir().unwrap();
    let url = "postgres://briques:secret@127.0.0.1:9/briques";
    let serve = support::briques_fr()
        .args(["serve", "--addr", "127.0.0.1:0", "--database", url, "--data"])
        .arg(dir.path().join("data"))
        .env("BRIQUES_NO_BROWSER", "1")
        .output()
        .unwrap();
    says_what_to_build(&serve, "sans PostgreSQL", "cargo build --release -p briques");
    // The password is never printed.
    assert!(!String::from_utf8_lossy(&serve.stderr).contains("secret"));
    let migrate = support::briques_fr()
        .args(["migrate-store", "--from"])
        .arg(format!("sqlite:{}", dir.path().join("sessions").display()))
        .args(["--to", url])
        .output()
        .unwrap();
    says_what_to_build(&migrate, "sans PostgreSQL", "cargo build --release -p briques");
    assert!(!String::from_utf8_lossy(&migrate.stderr).contains("secret"));
}
