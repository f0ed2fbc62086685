//! National budget files for the explorer (`briques serve --budgets <dir>`): the folder
//! written by `briques budget prepare` (`index.json`, `strates.json`, and
//! `communes/<département>.jsonl`, one budget per line, located by the index). The index
//! is held in memory for searching by name or INSEE code (accents and case ignored); a
//! budget is read from disk, its bytes only, when asked for.
//!
//! - `GET /api/budgets/recherche?q=…`: up to 20 communes, best matches first;
//! - `GET /api/budgets/communes/{insee}`: one commune's budget (a `Budget` as JSON);
//! - `GET /api/budgets/strates`: quartiles per population strate;
//! - `GET /api/budgets/statut`: `{"communes": n}`, 0 without national files (always there,
//!   so the app can ask without an error).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use briques_core::budget::national::read_commune_bytes;
use briques_core::i18n::{fold_accent, tr, tr_args, Lang};
use serde::{Deserialize, Serialize};

/// One commune of the index, as `briques budget prepare` writes it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    /// INSEE code (also the budget's file name).
    pub insee: String,
    /// Name.
    pub nom: String,
    /// Population when known.
    #[serde(default)]
    pub population: Option<u64>,
    /// Population strate.
    #[serde(default)]
    pub strate: Option<u8>,
    /// Exercice.
    pub exercice: i32,
    /// The JSON-lines file holding the budget, relative to the folder.
    #[serde(default)]
    pub fichier: String,
    /// Byte offset of the budget in that file.
    #[serde(default)]
    pub debut: u64,
    /// Length of the budget's JSON.
    #[serde(default)]
    pub longueur: u64,
}

/// The national files, ready to serve.
pub struct National {
    dir: PathBuf,
    entries: Vec<(String, Entry)>,
}

/// Lower case, accents folded, punctuation as spaces: "Saint-Étienne" → "saint etienne".
fn fold(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(fold_accent)
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl National {
    /// Reads `dir/index.json`.
    pub fn open(dir: &Path) -> anyhow::Result<National> {
        let path = dir.join("index.json");
        let text = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
        let entries: Vec<Entry> = serde_json::from_str(&text).with_context(|| path.display().to_string())?;
        Ok(National {
            dir: dir.to_owned(),
            entries: entries.into_iter().map(|e| (fold(&e.nom), e)).collect(),
        })
    }

    /// How many communes the index holds.
    pub fn communes(&self) -> usize {
        self.entries.len()
    }

    /// Communes matching `query`: an INSEE code prefix, or every word of the query in the
    /// name. Exact names first, then names starting with the query, then the most populous.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Entry> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        let code = query.trim().to_ascii_uppercase();
        let words: Vec<&str> = q.split(' ').collect();
        let mut found: Vec<(u8, &Entry)> = self
            .entries
            .iter()
            .filter_map(|(name, e)| {
                let rank = if e.insee == code {
                    0
                } else if *name == q {
                    1
                } else if name.starts_with(&q) {
                    2
                } else if words
                    .iter()
                    .all(|w| name.split(' ').any(|part| part.starts_with(w)))
                {
                    3
                } else if code.len() >= 2 && e.insee.starts_with(&code) {
                    4
                } else {
                    return None;
                };
                Some((rank, e))
            })
            .collect();
        found.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| b.1.population.unwrap_or(0).cmp(&a.1.population.unwrap_or(0)))
                .then_with(|| a.1.nom.cmp(&b.1.nom))
        });
        found.into_iter().take(limit).map(|(_, e)| e).collect()
    }
}

fn lang(headers: &HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

fn error(status: StatusCode, message: String) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

fn json_file(path: &Path, lang: Lang, code: &str) -> Response {
    match std::fs::read(path) {
        Ok(bytes) => ([(header::CONTENT_TYPE, "application/json")], bytes).into_response(),
        Err(_) => error(
            StatusCode::NOT_FOUND,
            tr_args(lang, "budget-api-unknown", &[("code", code.into())]),
        ),
    }
}

#[derive(Deserialize)]
struct SearchQuery {
    #[serde(default)]
    q: String,
}

async fn search(State(national): State<Arc<National>>, Query(query): Query<SearchQuery>) -> Response {
    let found: Vec<&Entry> = national.search(&query.q.chars().take(100).collect::<String>(), 20);
    Json(found).into_response()
}

async fn commune(
    State(national): State<Arc<National>>,
    UrlPath(code): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let lang = lang(&headers);
    let valid = code.len() == 5 && code.chars().all(|c| c.is_ascii_digit() || c == 'A' || c == 'B');
    if !valid {
        return error(StatusCode::BAD_REQUEST, tr(lang, "budget-api-bad-code"));
    }
    let found = national.entries.iter().find(|(_, e)| e.insee == code);
    match found.map(|(_, e)| read_commune_bytes(&national.dir, &e.fichier, e.debut, e.longueur)) {
        Some(Ok(bytes)) => ([(header::CONTENT_TYPE, "application/json")], bytes).into_response(),
        _ => error(
            StatusCode::NOT_FOUND,
            tr_args(lang, "budget-api-unknown", &[("code", code.as_str().into())]),
        ),
    }
}

async fn strates(State(national): State<Arc<National>>, headers: HeaderMap) -> Response {
    json_file(&national.dir.join("strates.json"), lang(&headers), "strates")
}

/// The routes of the national files; without them, only the status, which says so.
pub fn router(national: Option<Arc<National>>) -> Router {
    let communes = national.as_ref().map_or(0, |n| n.communes());
    let status = Router::new().route(
        "/api/budgets/statut",
        get(move || async move { Json(serde_json::json!({ "communes": communes })) }),
    );
    match national {
        Some(national) => status.merge(
            Router::new()
                .route("/api/budgets/recherche", get(search))
                .route("/api/budgets/communes/{code}", get(commune))
                .route("/api/budgets/strates", get(strates))
                .with_state(national),
        ),
        None => status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn national(names: &[(&str, &str, u64)]) -> National {
        National {
            dir: PathBuf::new(),
            entries: names
                .iter()
                .map(|(insee, nom, population)| {
                    let e = Entry {
                        insee: (*insee).into(),
                        nom: (*nom).into(),
                        population: Some(*population),
                        strate: None,
                        exercice: 2023,
                        fichier: String::new(),
                        debut: 0,
                        longueur: 0,
                    };
                    (fold(nom), e)
                })
                .collect(),
        }
    }

    #[test]
    fn search_ignores_accents_and_case_and_ranks_exact_names_first() {
        let n = national(&[
            ("42218", "SAINT-ÉTIENNE", 173_000),
            ("42219", "SAINT-ÉTIENNE-LE-MOLARD", 1_000),
            ("76000", "ÉTIENNEVILLE", 300),
            ("2A004", "AJACCIO", 70_000),
        ]);
        let names = |q: &str| {
            n.search(q, 20)
                .iter()
                .map(|e| e.insee.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("saint etienne"), ["42218", "42219"]);
        assert_eq!(names("St"), Vec::<String>::new());
        assert_eq!(names("etienne"), ["76000", "42218", "42219"]);
        assert_eq!(names("2a004"), ["2A004"]);
        assert_eq!(names("42"), ["42218", "42219"]);
        assert!(names("   ").is_empty());
    }
}
