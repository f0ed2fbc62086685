//! Starting a live session — from `/direct` (the Duplo page's survey), a pack (its
//! activities as steps) or the budget page (its commune's "Si j'étais maire" by groups):
//! the session is created, its secret kept on this device (or, when it cannot be, in
//! the address's fragment, which the presenter view then asks to keep), and the
//! presenter view opens.

use briques_core::live::{CreateSession, Created};
use briques_core::site::storage_live_secret;

use crate::services::api;
use crate::services::storage::save;
use crate::state::live::Problem;

/// Creates the session and opens its presenter view; `Err` says why it could not.
pub async fn start(request: CreateSession) -> Result<(), Problem> {
    let created = api::call_json::<Created>("POST", "/api/live/sessions", &[], api::body(&request)).await?;
    let presenter = format!("/live/{}/projecteur", created.code);
    let target = match save(&storage_live_secret(&created.code), &created.secret) {
        Ok(()) => presenter,
        // Not kept on this device: the address carries the secret, and the presenter
        // view tells the facilitator to keep it.
        Err(_) => format!("{presenter}#cle={}", created.secret),
    };
    let _ = gloo::utils::window().location().assign(&target);
    Ok(())
}
