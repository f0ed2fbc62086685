//! What the file holds: its name, a one-line summary and the reader's remarks (ragged
//! rows, renamed columns), then a card per column with its type, missing and distinct
//! counts and a plain-language sentence.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_settings;
use crate::state::data::Loaded;

/// Props of [`FileProfile`].
#[derive(Properties, PartialEq)]
pub struct LoadedProps {
    /// The file shown.
    pub loaded: Rc<Loaded>,
}

/// The file's name, summary and remarks, then one card per column.
#[function_component]
pub fn FileProfile(props: &LoadedProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let ds = &props.loaded.dataset;
    let profile = &props.loaded.profile;
    html! {
        <>
            <section aria-labelledby="data-summary-title">
                <h2 id="data-summary-title" tabindex="-1">{ props.loaded.name.clone() }</h2>
                <p id="data-summary">{ ds.summary(lang) }</p>
                if !ds.warnings.is_empty() {
                    <details class="data-warnings">
                        <summary>{ settings.t_args("data-warnings", &[("count", ds.ragged_rows.max(ds.warnings.len()).into())]) }</summary>
                        <ul>{ for ds.warnings.iter().map(|w| html! { <li>{ w.message(lang) }</li> }) }</ul>
                    </details>
                }
            </section>
            <section aria-labelledby="data-profile-title">
                <h2 id="data-profile-title">{ settings.t("data-profile-title") }</h2>
                <ul class="data-cards">
                    { for profile.columns.iter().map(|c| html! {
                        <li class="data-card">
                            <h3>{ c.name.clone() }</h3>
                            <p class={classes!("data-type", format!("data-type-{}", c.kind.code()))}>{ c.kind.label(lang) }</p>
                            <dl>
                                <dt>{ settings.t("data-missing") }</dt><dd>{ c.missing }</dd>
                                <dt>{ settings.t("data-distinct") }</dt><dd>{ c.distinct }</dd>
                            </dl>
                            <p>{ c.sentence(lang, profile.rows) }</p>
                        </li>
                    }) }
                </ul>
            </section>
        </>
    }
}
