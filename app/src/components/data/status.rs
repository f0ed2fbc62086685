//! Where the opening of a file is: a progress bar while it is read, then while its
//! columns are analysed, or why it could not be opened.

use yew::prelude::*;

use crate::hooks::SettingsHandle;
use crate::state::data::{LoadState, OpenError};

/// Why a file could not be opened, in the interface language.
fn message(settings: &SettingsHandle, error: &OpenError) -> String {
    match error {
        OpenError::File(error) => error.message(settings.lang()),
        OpenError::NotAnAddress { address } => {
            settings.t_args("data-url-invalid", &[("address", address.as_str().into())])
        }
        OpenError::Offline => settings.t("data-url-offline"),
        OpenError::Status { status } => {
            settings.t_args("data-url-status", &[("status", usize::from(*status).into())])
        }
        OpenError::Blocked => settings.t("data-url-blocked"),
        OpenError::PackMissing { slug } => {
            settings.t_args("data-pack-missing", &[("pack", slug.as_str().into())])
        }
    }
}

/// The progress bar, or the reason a file did not open. A plain function rather than a
/// component: it is drawn by the open panel only, which changes with it anyway.
pub fn load_status(settings: &SettingsHandle, load: &LoadState) -> Html {
    match load {
        LoadState::Idle => html! {},
        LoadState::Reading { name, percent } => html! {
            <div class="data-progress">
                <p id="data-progress-label" role="status">{ settings.t_args("data-reading", &[("name", name.as_str().into())]) }</p>
                <progress aria-labelledby="data-progress-label" max="100" value={percent.to_string()}>
                    { settings.t_args("data-progress-percent", &[("percent", (*percent).into())]) }
                </progress>
            </div>
        },
        LoadState::Analysing { name, done, total } => html! {
            <div class="data-progress">
                <p id="data-progress-label" role="status">{ settings.t_args("data-analysing", &[("name", name.as_str().into())]) }</p>
                <progress aria-labelledby="data-progress-label" max={total.to_string()} value={done.to_string()}>
                    { settings.t_args("data-progress-steps", &[("done", (*done).into()), ("total", (*total).into())]) }
                </progress>
            </div>
        },
        LoadState::Failed { error } => html! {
            <p class="notice notice-error" role="alert">{ message(settings, error) }</p>
        },
    }
}
