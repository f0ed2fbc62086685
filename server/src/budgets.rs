//! National budget files for the explorer (`briques serve --budgets <dir>`): the folder
//! written by `briques budget prepare` (`index.json`, `strates.json`, and
//! `communes/<département>.jsonl`, one budget per line, located by the index; the format
//! is `briques_core::budget::prepared`'s, each file with its format name and version).
//! The index is held in memory for searching by name or INSEE code (accents and case
//! ignored), and the strates as the JSON sent to the app, both read (and the communes
//! files' first lines checked) when the folder is opened; a budget is read from disk, its
//! bytes only, when asked for.
//!
//! - `GET /api/budgets/recherche?q=…`: up to 20 communes, best matches first;
//! - `GET /api/budgets/communes/{insee}`: one commune's budget (a `Budget` as JSON);
//! - `GET /api/budgets/communes/{insee}/exercices`: all its budgets, oldest first (a
//!   folder written by `budget fetch` holds several years of a commune);
//! - `GET /api/budgets/strates`: quartiles per population strate;
//! - `GET /api/budgets/statut`: `{"communes": n}`, 0 without national files (always there,
//!   so the app can ask without an error).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use axum::body::Bytes;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use briques_core::budget::prepared::{
    check_communes_header, read_index, read_strates, IndexEntry as Entry, INDEX_FILE, STRATES_FILE,
};
use briques_core::i18n::{fold_accent, tr, tr_args};
use serde::Deserialize;

use crate::live::{lang, ApiError};

/// The national files, ready to serve.
pub struct National {
    dir: PathBuf,
    /// Each commune with its folded name, in the index's order.
    entries: Vec<(String, Entry)>,
    /// Where each INSEE code is in `entries` (every entry, in the index's order).
    by_insee: HashMap<String, Vec<usize>>,
    /// The strate statistics as the app reads them, `None` when `strates.json` is not there.
    strates: Option<Bytes>,
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
    /// Reads `dir/index.json`, checks the first line of each communes file it names,
    /// and reads `dir/strates.json` when it is there. A folder prepared by another
    /// version is refused with the reason (in the server's language).
    pub fn open(dir: &Path) -> anyhow::Result<National> {
        let lang = crate::env_lang();
        let path = dir.join(INDEX_FILE);
        let bytes = std::fs::read(&path).with_context(|| crate::cannot_read(lang, &path))?;
        let entries = read_index(&bytes).map_err(|e| anyhow::anyhow!(e.message(lang)))?;
        let mut checked = std::collections::HashSet::new();
        for entry in &entries {
            if !entry.file_is_inside() {
                anyhow::bail!(crate::cannot_read(lang, &dir.join(&entry.fichier)));
            }
            if checked.insert(entry.fichier.as_str()) {
                let path = dir.join(&entry.fichier);
                let first = first_line(&path).with_context(|| crate::cannot_read(lang, &path))?;
                check_communes_header(&entry.fichier, &first)
                    .map_err(|e| anyhow::anyhow!(e.message(lang)))?;
            }
        }
        let strates = match std::fs::read(dir.join(STRATES_FILE)) {
            Ok(bytes) => {
                let strates = read_strates(&bytes).map_err(|e| anyhow::anyhow!(e.message(lang)))?;
                Some(Bytes::from(serde_json::to_vec(&strates)?))
            }
            Err(_) => None,
        };
        Ok(National::new(dir.to_owned(), entries, strates))
    }

    fn new(dir: PathBuf, entries: Vec<Entry>, strates: Option<Bytes>) -> National {
        let mut by_insee = HashMap::with_capacity(entries.len());
        for (at, entry) in entries.iter().enumerate() {
            by_insee
                .entry(entry.insee.clone())
                .or_insert_with(Vec::new)
                .push(at);
        }
        National {
            dir,
            entries: entries.into_iter().map(|e| (fold(&e.nom), e)).collect(),
            by_insee,
            strates,
        }
    }

    /// The commune of this INSEE code.
    fn commune(&self, insee: &str) -> Option<&Entry> {
        self.years(insee).next()
    }

    /// Every entry of this INSEE code, in the index's order.
    fn years(&self, insee: &str) -> impl Iterator<Item = &Entry> {
        self.by_insee
            .get(insee)
            .into_iter()
            .flatten()
            .map(|at| &self.entries[*at].1)
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

/// The first line of a file (at most 4 KiB), without its newline.
fn first_line(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::{BufRead, Read};
    let mut line = Vec::new();
    std::io::BufReader::new(std::fs::File::open(path)?.take(4096)).read_until(b'\n', &mut line)?;
    Ok(line)
}

/// The JSON bytes of one prepared budget: `longueur` bytes at `debut` in its file (sent as
/// they are). The index was checked when the folder was opened: the file is inside it.
fn read_budget_bytes(dir: &Path, entry: &Entry) -> std::io::Result<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(dir.join(&entry.fichier))?;
    file.seek(SeekFrom::Start(entry.debut))?;
    // A longueur larger than the file stops at its end (and then fails to read whole).
    let length = entry.longueur.min(file.metadata()?.len());
    let mut bytes = vec![0; usize::try_from(length).map_err(std::io::Error::other)?];
    file.read_exact(&mut bytes)?;
    Ok(bytes)
}

/// JSON bytes sent as they are.
fn json(bytes: impl IntoResponse) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}

/// 404: no such commune (or no strates).
fn unknown(headers: &HeaderMap, code: &str) -> Response {
    ApiError::new(
        StatusCode::NOT_FOUND,
        tr_args(lang(headers), "budget-api-unknown", &[("code", code.into())]),
    )
    .into_response()
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
    let valid = code.len() == 5 && code.chars().all(|c| c.is_ascii_digit() || c == 'A' || c == 'B');
    if !valid {
        return ApiError::new(StatusCode::BAD_REQUEST, tr(lang(&headers), "budget-api-bad-code"))
            .into_response();
    }
    match national
        .commune(&code)
        .map(|e| read_budget_bytes(&national.dir, e))
    {
        Some(Ok(bytes)) => json(bytes),
        _ => unknown(&headers, &code),
    }
}

/// Every budget of the commune, oldest first, as one JSON array.
async fn commune_years(
    State(national): State<Arc<National>>,
    UrlPath(code): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let mut entries: Vec<&Entry> = national.years(&code).collect();
    if entries.is_empty() {
        return unknown(&headers, &code);
    }
    entries.sort_by_key(|e| e.exercice);
    let mut array = b"[".to_vec();
    for (i, entry) in entries.into_iter().enumerate() {
        match read_budget_bytes(&national.dir, entry) {
            Ok(bytes) => {
                if i > 0 {
                    array.push(b',');
                }
                array.extend_from_slice(&bytes);
            }
            Err(_) => return unknown(&headers, &code),
        }
    }
    array.push(b']');
    json(array)
}

async fn strates(State(national): State<Arc<National>>, headers: HeaderMap) -> Response {
    match &national.strates {
        Some(bytes) => json(bytes.clone()),
        None => unknown(&headers, "strates"),
    }
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
                .route("/api/budgets/communes/{code}/exercices", get(commune_years))
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
        let entries = names
            .iter()
            .map(|(insee, nom, population)| Entry {
                insee: (*insee).into(),
                siren: None,
                nom: (*nom).into(),
                population: Some(*population),
                strate: None,
                exercice: 2023,
                fichier: String::new(),
                debut: 0,
                longueur: 0,
            })
            .collect();
        National::new(PathBuf::new(), entries, None)
    }

    async fn body(response: Response) -> Bytes {
        axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn strates_are_read_at_opening_and_sent_as_the_app_reads_them_or_not_found() {
        use briques_core::budget::prepared::{write_index, write_strates};
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(INDEX_FILE), write_index(&[])).unwrap();
        let without = Arc::new(National::open(dir.path()).unwrap());
        let missing = strates(State(without), HeaderMap::new()).await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        let error: serde_json::Value = serde_json::from_slice(&body(missing).await).unwrap();
        assert!(error["error"].as_str().unwrap().contains("strates"));

        let stats: std::collections::BTreeMap<String, briques_core::budget::explore::Strate> =
            serde_json::from_str(
                r#"{"4": {"label": "2 000 à 3 499 habitants", "communes": 2, "per_inhabitant": {}}}"#,
            )
            .unwrap();
        std::fs::write(dir.path().join(STRATES_FILE), write_strates(&stats)).unwrap();
        let with = Arc::new(National::open(dir.path()).unwrap());
        std::fs::remove_file(dir.path().join(STRATES_FILE)).unwrap();
        let sent = strates(State(with), HeaderMap::new()).await;
        assert_eq!(sent.status(), StatusCode::OK);
        assert_eq!(sent.headers()[header::CONTENT_TYPE], "application/json");
        let sent: serde_json::Value = serde_json::from_slice(&body(sent).await).unwrap();
        assert_eq!(sent["4"]["communes"], 2);
    }

    #[test]
    fn a_folder_prepared_before_the_files_carried_their_format_is_refused_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(INDEX_FILE), "[]").unwrap();
        let message = National::open(dir.path()).err().unwrap().to_string();
        assert!(message.contains("budget prepare"), "{message}");
    }

    #[test]
    fn a_commune_is_found_by_its_code_first_entry_first() {
        let n = national(&[
            ("42218", "SAINT-ÉTIENNE", 1),
            ("42218", "DOUBLON", 2),
            ("2A004", "AJACCIO", 3),
        ]);
        assert_eq!(n.commune("42218").map(|e| e.nom.as_str()), Some("SAINT-ÉTIENNE"));
        assert_eq!(n.commune("2A004").map(|e| e.nom.as_str()), Some("AJACCIO"));
        assert!(n.commune("99999").is_none());
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
