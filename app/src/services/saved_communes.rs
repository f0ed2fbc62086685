//! Communes fetched from the open-data APIs, kept on this device (the Cache API, which
//! holds far more than local storage) so that a workshop without internet shows them:
//! listed with the date they were fetched, opened with no network, removable. Each is
//! one entry whose address says what the list shows (`/enregistrees/<insee>/<date>/<name>`)
//! and whose body is its budgets and strate statistics as JSON. The cache's name does
//! not start with `briques-`, the prefix of the service worker's own caches, which it
//! deletes when a new version comes.

use std::collections::BTreeMap;

use briques_core::budget::explore::Strate;
use briques_core::budget::Budget;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::services::storage::SaveError;

const CACHE: &str = "communes-enregistrees";
const PREFIX: &str = "/enregistrees/";
const FORMAT: &str = "briques-commune-enregistree";

/// A commune as kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// `briques-commune-enregistree`.
    pub format: String,
    /// 1.
    pub version: u32,
    /// Its budgets, oldest first.
    pub budgets: Vec<Budget>,
    /// Its strate's statistics.
    pub strates: Option<BTreeMap<String, Strate>>,
}

impl Saved {
    /// A commune to keep.
    pub fn new(budgets: Vec<Budget>, strates: Option<BTreeMap<String, Strate>>) -> Saved {
        Saved {
            format: FORMAT.to_owned(),
            version: 1,
            budgets,
            strates,
        }
    }
}

/// A commune of the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    /// INSEE code.
    pub insee: String,
    /// Name.
    pub nom: String,
    /// When it was fetched (`2026-12-01`).
    pub date: String,
}

async fn open() -> Result<web_sys::Cache, JsValue> {
    let caches = gloo::utils::window().caches()?;
    JsFuture::from(caches.open(CACHE)).await?.dyn_into()
}

/// Addresses of the entries, and what they say.
async fn entries(cache: &web_sys::Cache) -> Result<Vec<(String, Listed)>, JsValue> {
    let keys: js_sys::Array = JsFuture::from(cache.keys()).await?.dyn_into()?;
    let mut found = Vec::new();
    for key in keys.iter() {
        let Ok(request) = key.dyn_into::<web_sys::Request>() else {
            continue;
        };
        let url = request.url();
        let Some(at) = url.find(PREFIX) else { continue };
        let mut parts = url[at + PREFIX.len()..].splitn(3, '/');
        if let (Some(insee), Some(date), Some(nom)) = (parts.next(), parts.next(), parts.next()) {
            let nom = js_sys::decode_uri_component(nom)
                .map(String::from)
                .unwrap_or_default();
            let listed = Listed {
                insee: insee.to_owned(),
                nom,
                date: date.to_owned(),
            };
            found.push((url, listed));
        }
    }
    Ok(found)
}

/// The communes kept, by name.
pub async fn list() -> Vec<Listed> {
    let Ok(cache) = open().await else {
        return Vec::new();
    };
    let mut listed: Vec<Listed> = entries(&cache)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    briques_core::sorting::sort_by(&mut listed, |a, b| a.nom.cmp(&b.nom));
    listed
}

/// The commune kept with this INSEE code, with the date it was fetched.
pub async fn load(insee: &str) -> Option<(Saved, String)> {
    let cache = open().await.ok()?;
    let (url, listed) = entries(&cache)
        .await
        .ok()?
        .into_iter()
        .find(|(_, l)| l.insee == insee)?;
    let response: web_sys::Response = JsFuture::from(cache.match_with_str(&url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    let saved: Saved = serde_json::from_str(&text).ok()?;
    (saved.format == FORMAT && saved.version == 1 && !saved.budgets.is_empty())
        .then_some((saved, listed.date))
}

/// Removes the commune kept with this INSEE code.
pub async fn remove(insee: &str) {
    if let Ok(cache) = open().await {
        for (url, listed) in entries(&cache).await.unwrap_or_default() {
            if listed.insee == insee {
                let _ = JsFuture::from(cache.delete_with_str(&url)).await;
            }
        }
    }
}

/// Keeps a commune (replacing an earlier copy), or says why it could not be.
pub async fn save(insee: &str, nom: &str, saved: &Saved) -> Result<(), SaveError> {
    let json = serde_json::to_string(saved).map_err(|_| SaveError::Unavailable)?;
    let cache = open().await.map_err(|_| SaveError::Unavailable)?;
    let date = String::from(js_sys::Date::new_0().to_iso_string());
    let name: String = js_sys::encode_uri_component(nom).into();
    let url = format!("{PREFIX}{insee}/{}/{name}", date.get(..10).unwrap_or(&date));
    let response = web_sys::Response::new_with_opt_str(Some(&json)).map_err(|_| SaveError::Unavailable)?;
    remove(insee).await;
    JsFuture::from(cache.put_with_str(&url, &response))
        .await
        .map(drop)
        .map_err(|error| {
            let name = error
                .dyn_ref::<web_sys::DomException>()
                .map(web_sys::DomException::name)
                .unwrap_or_default();
            if name.contains("Quota") {
                SaveError::Full
            } else {
                SaveError::Unavailable
            }
        })
}
