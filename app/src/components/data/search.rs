//! Finding open data about a territory: a search of the data.gouv.fr catalogue (its
//! public API, asked from this device only when the user searches) by words and,
//! optionally, a commune or its département; each dataset with its producer, date and
//! CSV files, which open through the page's importer like an address typed.

use briques_core::budget::opendata::{Dataset, Zone};
use briques_core::communes::Commune;
use briques_core::i18n::format_number;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::commune_search::CommuneSearch;
use crate::hooks::use_settings;
use crate::services::opendata;

/// Props of [`DataSearch`].
#[derive(Properties, PartialEq)]
pub struct DataSearchProps {
    /// Opens the address of a CSV file.
    pub on_open: Callback<String>,
}

/// Where the search is.
#[derive(Clone, PartialEq)]
enum Searched {
    Not,
    Busy,
    Found { total: u64, datasets: Vec<Dataset> },
    Failed(String),
}

/// The "Chercher des données ouvertes" section.
#[function_component]
pub fn DataSearch(props: &DataSearchProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let words = use_state(String::new);
    let commune = use_state(|| None::<Commune>);
    let whole_departement = use_state(|| false);
    let searched = use_state(|| Searched::Not);

    let on_words = {
        let words = words.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                words.set(input.value());
            }
        })
    };
    let on_choose = {
        let commune = commune.clone();
        Callback::from(move |c: Commune| commune.set(Some(c)))
    };
    let on_departement = {
        let whole = whole_departement.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                whole.set(input.checked());
            }
        })
    };
    let on_submit = {
        let (words, commune, whole, searched) = (
            words.clone(),
            commune.clone(),
            whole_departement.clone(),
            searched.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // The commune chosen, unless its name was changed or cleared since.
            let typed = gloo::utils::document()
                .get_element_by_id("data-search-commune")
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                .map(|input| input.value())
                .unwrap_or_default();
            let zone = commune.as_ref().filter(|c| typed.trim() == c.nom).map(|c| {
                if *whole {
                    Zone::Departement(c.departement.clone())
                } else {
                    Zone::Commune(c.insee.clone())
                }
            });
            if words.trim().is_empty() && zone.is_none() {
                return;
            }
            let (words, searched) = ((*words).clone(), searched.clone());
            searched.set(Searched::Busy);
            wasm_bindgen_futures::spawn_local(async move {
                searched.set(match opendata::search(&words, zone.as_ref()).await {
                    Ok(page) => Searched::Found {
                        total: page.total,
                        datasets: page.data,
                    },
                    Err(e) => Searched::Failed(e.message(lang)),
                });
            });
        })
    };

    let status = match &*searched {
        Searched::Not => String::new(),
        Searched::Busy => settings.t("data-search-busy"),
        Searched::Found { total, datasets } => settings.t_args(
            "data-search-found",
            &[
                ("count", (*total as usize).into()),
                ("shown", datasets.len().into()),
            ],
        ),
        Searched::Failed(message) => message.clone(),
    };
    let size = |bytes: u64| format_number(lang, bytes as f64 / 1e6, 1);
    let dataset = |d: &Dataset| {
        let mut about = Vec::new();
        if let Some(producer) = d.producer() {
            about.push(producer.to_owned());
        }
        if let Some(date) = d.date() {
            about.push(settings.t_args("data-search-updated", &[("date", date.into())]));
        }
        let others = d.resources.len() - d.csv_resources().count();
        html! {
            <li>
                <h3>
                    if let Some(page) = &d.page {
                        <a href={page.clone()} rel="noopener noreferrer" target="_blank">{ &d.title }</a>
                    } else {
                        { &d.title }
                    }
                </h3>
                <p class="hint">{ about.join(" · ") }</p>
                <ul class="data-search-files">
                    { for d.csv_resources().map(|r| {
                        let title = r.title.clone().unwrap_or_else(|| r.url.clone());
                        if r.too_large() {
                            html! { <li>{ settings.t_args("data-search-too-large", &[("title", title.as_str().into()),
                                ("size", size(r.filesize.unwrap_or(0)).as_str().into())]) }</li> }
                        } else {
                            let url = r.url.clone();
                            let onclick = props.on_open.reform(move |_: MouseEvent| url.clone());
                            html! { <li><button type="button" {onclick}>{ settings.t_args("data-search-open",
                                &[("title", title.as_str().into())]) }</button></li> }
                        }
                    }) }
                    if others > 0 {
                        <li class="hint">{ settings.t_args("data-search-not-csv", &[("count", others.into())]) }</li>
                    }
                </ul>
            </li>
        }
    };
    html! {
        <section class="data-search" aria-labelledby="data-search-title">
            <h2 id="data-search-title">{ settings.t("data-search-title") }</h2>
            <p class="hint">{ settings.t("data-search-hint") }</p>
            <form role="search" onsubmit={on_submit}>
                <label for="data-search-words">{ settings.t("data-search-words") }</label>
                <input id="data-search-words" type="search" value={(*words).clone()} oninput={on_words} />
                <CommuneSearch id="data-search-commune" label={settings.t("data-search-commune")} {on_choose} />
                <label class="check">
                    <input type="checkbox" checked={*whole_departement} onchange={on_departement} />
                    { settings.t("data-search-departement") }
                </label>
                <button type="submit" disabled={*searched == Searched::Busy}>{ settings.t("data-search-button") }</button>
            </form>
            <p role="status" aria-live="polite">{ status }</p>
            if let Searched::Found { datasets, .. } = &*searched {
                <ul class="data-search-results">{ for datasets.iter().map(dataset) }</ul>
            }
        </section>
    }
}
