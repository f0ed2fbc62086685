//! Where the budgets come from: the demo commune, a file read on the device, or a
//! commune of the national files (the search shows only when the server has them); the
//! notice about the source and the progress of a file being read.

use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::hooks::use_settings;
use crate::services::file_input;
use crate::state::budget::{notice_text, result_label, BudgetAction, IndexEntry, Notice, Shared};

/// Props of [`SourcePanel`].
#[derive(Properties, PartialEq)]
pub struct SourceProps {
    /// Whether the server has national files to search.
    pub national: bool,
    /// The search as typed.
    pub query: AttrValue,
    /// Communes the last search found.
    pub results: Shared<Vec<IndexEntry>>,
    /// The last notice about the source.
    pub notice: Option<Notice>,
    /// A file is being read.
    pub busy: bool,
    /// Opens the demo or a commune found, and records the search typed.
    pub on_action: Callback<BudgetAction>,
    /// Reads a chosen file.
    pub on_file: Callback<File>,
    /// Sends the search.
    pub on_search: Callback<()>,
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
    let on_query = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                on_action.emit(BudgetAction::QueryChanged { query: input.value() });
            }
        })
    };
    let on_search = props
        .on_search
        .reform(|event: SubmitEvent| event.prevent_default());
    let notice = props.notice.as_ref().map(|n| notice_text(settings.lang(), n));
    html! {
        <section class="budget-source" aria-labelledby="budget-source-title">
            <h2 id="budget-source-title">{ settings.t("budget-choose") }</h2>
            <div class="budget-source-options">
                <button type="button" onclick={props.on_action.reform(|_: MouseEvent| BudgetAction::OpenDemo)}>{ settings.t("budget-demo") }</button>
                <div class="field">
                    <label for="budget-file">{ settings.t("budget-file") }</label>
                    <input id="budget-file" type="file" accept=".csv,.xml,.txt,text/csv,text/xml,application/xml"
                        onchange={on_file} aria-describedby="budget-file-hint" />
                    <p id="budget-file-hint" class="hint">{ settings.t("budget-file-hint") }</p>
                </div>
                if props.national {
                    <form role="search" class="budget-search" onsubmit={on_search}>
                        <label for="budget-search">{ settings.t("budget-search") }</label>
                        <input id="budget-search" type="search" value={props.query.clone()} oninput={on_query}
                            autocomplete="off" />
                        <button type="submit">{ settings.t("budget-search-button") }</button>
                    </form>
                    if !props.results.is_empty() {
                        <ul class="budget-results">
                            { for props.results.iter().map(|entry| html! {
                                <li><button type="button"
                                    onclick={open(&entry.insee)}>
                                    { result_label(settings.lang(), entry) }
                                </button></li>
                            }) }
                        </ul>
                    }
                }
            </div>
            <p class="notice" role="status" aria-live="polite">{ notice }</p>
            if props.busy {
                <progress class="budget-progress" aria-label={settings.t("budget-progress")}></progress>
            }
        </section>
    }
}
