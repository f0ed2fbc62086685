//! Where the budgets come from: any commune of France (chosen from the directory on
//! board; its budgets come from the server's prepared files, this device, or the public
//! APIs), the demo commune, a file read on the device; the communes kept on this device;
//! the notice about the source and the progress of a file being read.

use web_sys::File;
use yew::prelude::*;

use crate::components::commune_search::CommuneSearch;
use crate::hooks::use_settings;
use crate::services::file_input;
use crate::services::saved_communes::Listed;
use crate::state::budget::{notice_text, BudgetAction, Notice, Shared};

/// Props of [`SourcePanel`].
#[derive(Properties, PartialEq)]
pub struct SourceProps {
    /// The communes kept on this device.
    pub saved: Shared<Vec<Listed>>,
    /// The last notice about the source.
    pub notice: Option<Notice>,
    /// A file is being read.
    pub busy: bool,
    /// Opens the demo or a commune found, and records the search typed.
    pub on_action: Callback<BudgetAction>,
    /// Reads a chosen file.
    pub on_file: Callback<File>,
    /// Removes a commune kept on this device (by INSEE code).
    pub on_remove: Callback<String>,
}

/// The source chooser.
#[function_component]
pub fn SourcePanel(props: &SourceProps) -> Html {
    let settings = use_settings();
    let open = |insee: &String| {
        let insee = insee.clone();
        props
            .on_action
            .reform(move |_: MouseEvent| BudgetAction::OpenCommune { insee: insee.clone() })
    };
    let on_file = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: Event| {
            if let Some(file) = file_input::take_chosen(&event) {
                on_file.emit(file);
            }
        })
    };
    let on_choose =
        props.on_action.reform(
            |commune: briques_core::communes::Commune| BudgetAction::OpenCommune { insee: commune.insee },
        );
    let notice = props.notice.as_ref().map(|n| notice_text(settings.lang(), n));
    html! {
        <section class="budget-source" aria-labelledby="budget-source-title">
            <h2 id="budget-source-title">{ settings.t("budget-choose") }</h2>
            <CommuneSearch id="budget-commune-search" label={settings.t("budget-commune-label")} {on_choose} />
            <p class="hint">{ settings.t("budget-commune-hint") }</p>
            <div class="budget-source-options">
                <button type="button" onclick={props.on_action.reform(|_: MouseEvent| BudgetAction::OpenDemo)}>{ settings.t("budget-demo") }</button>
                <div class="field">
                    <label for="budget-file">{ settings.t("budget-file") }</label>
                    <input id="budget-file" type="file" accept=".csv,.xml,.txt,text/csv,text/xml,application/xml"
                        onchange={on_file} aria-describedby="budget-file-hint" />
                    <p id="budget-file-hint" class="hint">{ settings.t("budget-file-hint") }</p>
                </div>
            </div>
            if !props.saved.is_empty() {
                <h3 id="budget-saved-title">{ settings.t("budget-saved-title") }</h3>
                <ul class="budget-saved" aria-labelledby="budget-saved-title">
                    { for props.saved.iter().map(|c| {
                        let remove = {
                            let insee = c.insee.clone();
                            props.on_remove.reform(move |_: MouseEvent| insee.clone())
                        };
                        html! {
                            <li>
                                <button type="button" onclick={open(&c.insee)}>{ &c.nom }</button>
                                { " " }{ settings.t_args("budget-saved-on", &[("date", c.date.as_str().into())]) }{ " " }
                                <button type="button" class="link" onclick={remove}
                                    aria-label={settings.t_args("budget-saved-remove-label", &[("name", c.nom.as_str().into())])}>
                                    { settings.t("budget-saved-remove") }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <p class="notice" role="status" aria-live="polite">{ notice }</p>
            if props.busy {
                <progress class="budget-progress" aria-label={settings.t("budget-progress")}></progress>
            }
        </section>
    }
}
