//! Workshop packs in the browser: the bundled packs, fetched from `/packs/` (files
//! copied into `dist/` and precached by the service worker, so they work offline), and
//! the packs imported or edited on this device, kept in local storage.

use crate::services::api;
use crate::services::storage::{self, SaveError};
use briques_core::pack::{bundle, Pack};

/// Local-storage key of the packs imported or edited on this device.
const LOCAL: &str = "briques.packs.local";

/// The packs shipped with Briques. `Err` when the list itself cannot be fetched; a
/// pack file that does not read is skipped (the command-line check guards them).
pub async fn fetch_bundled() -> Result<Vec<Pack>, String> {
    let index = api::send("GET", "/packs/index.json", &[], None).await?;
    if !index.ok() {
        return Err(format!("/packs/index.json: {}", index.status));
    }
    let names: Vec<String> = serde_json::from_str(&index.text).map_err(|e| e.to_string())?;
    let mut packs = Vec::new();
    for name in names {
        // Only plain file names from our own index are fetched.
        if name.contains('/') || name.contains("..") {
            continue;
        }
        let reply = api::send("GET", &format!("/packs/{name}"), &[], None).await?;
        if let Ok(pack) = bundle::from_json(&name, &reply.text) {
            packs.push(pack);
        }
    }
    Ok(packs)
}

/// The pack with this slug: this device's copy first (it may have been edited here),
/// else the bundled one.
pub async fn find(slug: &str) -> Option<Pack> {
    if let Some(pack) = load_local().into_iter().find(|p| p.slug == slug) {
        return Some(pack);
    }
    fetch_bundled().await.ok()?.into_iter().find(|p| p.slug == slug)
}

/// The packs of this device. Stored text that no longer reads is kept aside under
/// another key rather than lost.
pub fn load_local() -> Vec<Pack> {
    let Some(text) = storage::read(LOCAL) else {
        return Vec::new();
    };
    match serde_json::from_str::<Vec<Pack>>(&text) {
        Ok(packs) => packs,
        Err(_) => {
            // Best effort: the unreadable text stays under its own key too.
            let _ = storage::save(&format!("{LOCAL}.unreadable"), &text);
            Vec::new()
        }
    }
}

/// Saves the packs of this device, or says why it could not.
pub fn save_local(packs: &[Pack]) -> Result<(), SaveError> {
    storage::save_json(LOCAL, packs)
}
