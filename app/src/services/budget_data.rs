//! Where the budget explorer's budgets come from: the demo commune shipped in
//! `/demo/` (cached by the service worker, so it works offline) or the national files
//! served by `briques serve --budgets` (`/api/budgets/…`); a file read on the device is
//! `state::budget::Loaded::from_file`. The official account labels come from
//! `/nomenclature/comptes.tsv` (precached too), loaded before budgets are shown. Every
//! failure is a message for the user, never a panic.

use std::future::Future;
use std::pin::Pin;

use briques_core::budget::{import, nomenclature, Budget, DgfipOptions};
use briques_core::i18n::Lang;
use serde::Deserialize;

use crate::services::api;
use crate::state::budget::{IndexEntry, Loaded};

#[derive(Deserialize)]
struct DemoFile {
    exercice: i32,
    fichier: String,
    population: Option<u64>,
}

#[derive(Deserialize)]
struct DemoManifest {
    nom: String,
    budgets: Vec<DemoFile>,
}

/// The text at `url`, or why not. Boxed, so that the request's state machine is
/// compiled once rather than into each of the six places that wait for it (a smaller
/// bundle).
fn get(url: &str) -> Pin<Box<dyn Future<Output = Result<String, String>> + '_>> {
    Box::pin(async move {
        let reply = api::send("GET", url, &[], None).await?;
        if reply.ok() {
            Ok(reply.text)
        } else {
            Err(format!("{url} : {} {}", reply.status, reply.error_message()))
        }
    })
}

/// Loads the official account labels once (without them, accounts show their codes).
pub async fn load_plans() {
    if !nomenclature::has_plans() {
        if let Ok(text) = get("/nomenclature/comptes.tsv").await {
            nomenclature::load_plans(&text);
        }
    }
}

/// The demo commune, every year.
pub async fn demo(lang: Lang) -> Result<Loaded, String> {
    load_plans().await;
    let manifest: DemoManifest =
        serde_json::from_str(&get("/demo/briqueville.json").await?).map_err(|e| e.to_string())?;
    let mut budgets = Vec::new();
    for file in manifest.budgets {
        let text = get(&format!("/demo/{}", file.fichier)).await?;
        let imported =
            import(text.as_bytes(), None, &DgfipOptions::default()).map_err(|e| e.message(lang))?;
        for mut budget in imported.budgets {
            budget.exercice = file.exercice;
            budget.collectivite.population = file.population;
            budget.collectivite.nom = manifest.nom.clone();
            budgets.push(budget);
        }
    }
    Ok(Loaded::of(budgets, None))
}

/// Whether the server has national files (`briques serve --budgets`).
pub async fn national_available() -> bool {
    match api::send("GET", "/api/budgets/statut", &[], None).await {
        Ok(reply) if reply.ok() => serde_json::from_str::<serde_json::Value>(&reply.text)
            .ok()
            .and_then(|v| v["communes"].as_u64())
            .is_some_and(|n| n > 0),
        _ => false,
    }
}

/// Communes of the national index matching `query` (name or INSEE code).
pub async fn search(query: &str) -> Result<Vec<IndexEntry>, String> {
    let encoded: String = js_sys::encode_uri_component(query).into();
    serde_json::from_str(&get(&format!("/api/budgets/recherche?q={encoded}")).await?)
        .map_err(|e| e.to_string())
}

/// A commune of the national files, with the strate statistics.
pub async fn national(insee: &str) -> Result<Loaded, String> {
    load_plans().await;
    let encoded: String = js_sys::encode_uri_component(insee).into();
    let budget: Budget = serde_json::from_str(&get(&format!("/api/budgets/communes/{encoded}")).await?)
        .map_err(|e| e.to_string())?;
    let strates = match get("/api/budgets/strates").await {
        Ok(text) => serde_json::from_str(&text).ok(),
        Err(_) => None,
    };
    Ok(Loaded::of(vec![budget], strates))
}
