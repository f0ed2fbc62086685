//! Where the budget explorer's budgets come from: the demo commune shipped in
//! `/demo/` (cached by the service worker, so it works offline; with the statistics of its
//! strate when `strates.json` is shipped), any commune from the
//! national files served by `briques serve --budgets` (`/api/budgets/…`), this device
//! (`services::saved_communes`) or the open-data APIs (`services::opendata`); a file read
//! on the device is `state::budget::Loaded::from_file`. The official account labels come from
//! `/nomenclature/comptes.tsv` (precached too), loaded before budgets are shown. Every
//! failure is a message for the user, never a panic.

use std::future::Future;
use std::pin::Pin;

use briques_core::budget::prepared::read_strates;
use briques_core::budget::{import, nomenclature, Budget, DgfipOptions};
use briques_core::i18n::Lang;
use serde::Deserialize;

use crate::services::saved_communes::{self, Saved};
use crate::services::{api, opendata};
use crate::state::budget::{Loaded, Origin};

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
    /// The statistics of the demo's strate (`strates.json`, the national preparation's
    /// format), when they are shipped: listed in the manifest so that the page asks only
    /// for a file that is there.
    #[serde(default)]
    strates: Option<String>,
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
    // Without them the page compares nothing, as for a file read on the device.
    let strates = match &manifest.strates {
        Some(file) => get(&format!("/demo/{file}"))
            .await
            .ok()
            .and_then(|text| read_strates(text.as_bytes()).ok()),
        None => None,
    };
    Ok(Loaded::of(budgets, strates))
}

/// A commune's budgets: from the server's prepared files when it has them (`briques
/// serve --budgets`, every year it holds), else from this device when it was kept there
/// (unless `refresh`), else from the open-data APIs, then kept on this device. When the
/// APIs cannot be reached, a copy kept on the device is shown instead (and the message
/// says why it is not fresh). The error is a sentence for the user.
pub async fn commune(insee: &str, lang: Lang, refresh: bool) -> Result<Loaded, String> {
    load_plans().await;
    let encoded: String = js_sys::encode_uri_component(insee).into();
    if let Ok(text) = get(&format!("/api/budgets/communes/{encoded}/exercices")).await {
        if let Ok(budgets) = serde_json::from_str::<Vec<Budget>>(&text) {
            let strates = match get("/api/budgets/strates").await {
                Ok(text) => serde_json::from_str(&text).ok(),
                Err(_) => None,
            };
            return Ok(Loaded::of(budgets, strates));
        }
    }
    let from_device = |(saved, date): (Saved, String), warnings: Vec<String>| {
        let mut loaded = Loaded::of(saved.budgets, saved.strates);
        loaded.origin = Origin::Device { date };
        loaded.warnings = warnings;
        loaded
    };
    if !refresh {
        if let Some(saved) = saved_communes::load(insee).await {
            return Ok(from_device(saved, Vec::new()));
        }
    }
    match opendata::commune(insee, lang).await {
        Ok((budgets, strates, warnings)) => {
            let saved = Saved::new(budgets, strates);
            let name = saved
                .budgets
                .last()
                .map(|b| b.collectivite.nom.clone())
                .unwrap_or_default();
            let not_saved = saved_communes::save(insee, &name, &saved).await.err();
            let mut loaded = Loaded::of(saved.budgets, saved.strates);
            loaded.origin = Origin::Apis { not_saved };
            loaded.warnings = warnings;
            Ok(loaded)
        }
        Err(error) => match saved_communes::load(insee).await {
            Some(saved) => Ok(from_device(saved, vec![error.message(lang)])),
            None => Err(error.message(lang)),
        },
    }
}
