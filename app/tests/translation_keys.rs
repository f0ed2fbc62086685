//! Every translation key written in the app's source exists in the catalogue, so no
//! user ever sees a raw key. Keys are the string literals passed to `t(…)`,
//! `t_args(…)`, and to props ending in `_key`.

use std::path::Path;

fn rust_files(dir: &Path, into: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// String literals following one of the markers, e.g. `t("nav-home")`.
fn keys_in(source: &str) -> Vec<String> {
    let markers = [".t(\"", ".t_args(\"", "_key=\"", "_key: \"", "=> \""];
    let mut keys = Vec::new();
    for marker in markers {
        for (at, _) in source.match_indices(marker) {
            let rest = &source[at + marker.len()..];
            if let Some(end) = rest.find('"') {
                let key = &rest[..end];
                let looks_like_key = !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if looks_like_key && key.contains('-') {
                    keys.push(key.to_owned());
                }
            }
        }
    }
    keys
}

#[test]
fn every_key_used_by_the_app_is_in_the_catalogue() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut checked = 0;
    let mut missing = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("readable source file");
        for key in keys_in(&source) {
            checked += 1;
            if !briques_core::i18n::has_key(&key) {
                missing.push(format!("{}: {key}", file.display()));
            }
        }
    }
    assert!(
        checked > 20,
        "the scan found only {checked} keys: is the marker list still right?"
    );
    assert!(
        missing.is_empty(),
        "keys missing from the French catalogue (core/locales/fr*.ftl):\n{}",
        missing.join("\n")
    );
}
