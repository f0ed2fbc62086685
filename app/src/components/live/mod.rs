//! The pieces of the live pages, by what they show: the join form of `/direct`
//! (`join`), a participant's question with big buttons (`question`), the room's results
//! on phones (`results`), the join code with QR codes and addresses (`join_info`), and
//! the facilitator's controls (`controls`). They draw and emit callbacks; the pages send
//! the requests and hold the state.

pub mod controls;
pub mod join;
pub mod join_info;
pub mod question;
pub mod results;
pub mod steps;

use crate::hooks::SettingsHandle;
use crate::services::storage::SaveError;
use crate::state::live::{Problem, SecretNotSaved};

/// The sentence that tells the user about `problem`, in their language.
pub fn problem_text(settings: &SettingsHandle, problem: &Problem) -> String {
    match problem {
        Problem::BadCode => settings.t("live-bad-code"),
        Problem::Unreachable { detail } => {
            settings.t_args("live-unreachable", &[("detail", detail.as_str().into())])
        }
        // The server words its refusals in the language the request asked for.
        Problem::Refused { message, .. } => message.clone(),
        Problem::BadReply { detail } => {
            settings.t_args("live-bad-reply", &[("detail", detail.as_str().into())])
        }
    }
}

/// Tells the facilitator that the secret is not kept on this device, and how to keep it.
pub fn secret_not_saved_text(settings: &SettingsHandle, not_saved: SecretNotSaved) -> String {
    let key = match not_saved.in_address {
        true => "live-secret-not-saved-address",
        false => "live-secret-not-saved-typed",
    };
    settings.t_args(
        key,
        &[("reason", reason(settings, not_saved.error).as_str().into())],
    )
}

/// Tells a participant that a reload would make them a new participant.
pub fn token_not_saved_text(settings: &SettingsHandle, error: SaveError) -> String {
    settings.t_args(
        "live-token-not-saved",
        &[("reason", reason(settings, error).as_str().into())],
    )
}

fn reason(settings: &SettingsHandle, error: SaveError) -> String {
    settings.t(error.message_key())
}
