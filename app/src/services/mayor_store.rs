//! The proposals of "Si j'étais maire" in local storage (every commune and year in one
//! list), read when the game opens and written after each change.

use briques_core::site::STORAGE_MAYOR_GROUPS;

use crate::services::storage::{self, SaveError};
use crate::state::mayor::Proposal;

/// The saved proposals (none when the stored list is missing or unreadable).
pub fn load() -> Vec<Proposal> {
    storage::read(STORAGE_MAYOR_GROUPS)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Writes the proposals, or says why they could not be.
pub fn save(proposals: &[Proposal]) -> Result<(), SaveError> {
    storage::save_json(STORAGE_MAYOR_GROUPS, proposals)
}
