//! The pieces of the live pages, by what they show: the join form of `/direct`
//! (`join`), the join code with QR codes and addresses (`join_info`), the facilitator's
//! controls (`controls`) and the steps' views (`steps`). (A participant's phone is the
//! server's own page, not the app's.) They draw and emit callbacks; the pages send
//! the requests and hold the state.

pub mod controls;
pub mod debate;
pub mod join;
pub mod join_info;
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

fn reason(settings: &SettingsHandle, error: SaveError) -> String {
    settings.t(error.message_key())
}
