//! Choosing a commune as people type it (name without accents, postal code, INSEE code,
//! "saint denis 93"), from the directory on board: the ARIA combobox pattern (the list
//! follows the arrow keys, Enter chooses, Escape closes; the number of matches is
//! announced). The directory is fetched on first use.

use std::rc::Rc;

use briques_core::communes::{Commune, Directory};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_settings;
use crate::services::communes;

/// How many communes the list shows.
const SHOWN: usize = 8;

/// Props of [`CommuneSearch`].
#[derive(Properties, PartialEq)]
pub struct CommuneSearchProps {
    /// The field's id (the list's ids derive from it).
    pub id: AttrValue,
    /// The field's label, translated.
    pub label: AttrValue,
    /// A commune was chosen.
    pub on_choose: Callback<Commune>,
}

/// What the list shows.
#[derive(Clone, PartialEq, Default)]
struct Found {
    communes: Vec<Commune>,
    /// Descriptions shown, one per commune.
    labels: Vec<String>,
    /// The one the arrows are on.
    active: Option<usize>,
    /// The list is open.
    open: bool,
}

fn find(directory: &Directory, query: &str, lang: briques_core::i18n::Lang) -> Found {
    let communes: Vec<Commune> = directory.search(query, SHOWN).into_iter().cloned().collect();
    let labels = communes.iter().map(|c| directory.describe(c, lang)).collect();
    Found {
        open: !query.trim().is_empty(),
        active: None,
        communes,
        labels,
    }
}

/// The commune field.
#[function_component]
pub fn CommuneSearch(props: &CommuneSearchProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let query = use_state(String::new);
    let found = use_state(Found::default);
    let directory = use_state(|| None::<Rc<Directory>>);
    let problem = use_state(|| None::<String>);
    let list_id = format!("{}-liste", props.id);
    let option_id = |i: usize| format!("{}-option-{i}", props.id);

    let on_input = {
        let (query, found, directory, problem) =
            (query.clone(), found.clone(), directory.clone(), problem.clone());
        Callback::from(move |event: InputEvent| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let typed = input.value();
            query.set(typed.clone());
            match &*directory {
                Some(loaded) => found.set(find(loaded, &typed, lang)),
                None => {
                    let (found, directory, problem) = (found.clone(), directory.clone(), problem.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        match communes::directory(lang).await {
                            Ok(loaded) => {
                                // What is typed now, not what was typed when the fetch began.
                                let typed = input.value();
                                found.set(find(&loaded, &typed, lang));
                                directory.set(Some(loaded));
                                problem.set(None);
                            }
                            Err(message) => problem.set(Some(message)),
                        }
                    });
                }
            }
        })
    };
    let choose = {
        let (query, found, on_choose) = (query.clone(), found.clone(), props.on_choose.clone());
        move |commune: Commune| {
            query.set(commune.nom.clone());
            found.set(Found::default());
            on_choose.emit(commune);
        }
    };
    let on_key = {
        let (found, choose) = (found.clone(), choose.clone());
        Callback::from(move |event: KeyboardEvent| {
            let count = found.communes.len();
            let mut next = (*found).clone();
            match event.key().as_str() {
                "ArrowDown" if count > 0 => {
                    next.open = true;
                    next.active = Some(found.active.map_or(0, |i| (i + 1) % count));
                }
                "ArrowUp" if count > 0 => {
                    next.open = true;
                    next.active = Some(found.active.map_or(count - 1, |i| (i + count - 1) % count));
                }
                "Enter" if found.open && count > 0 => {
                    event.prevent_default();
                    choose(found.communes[found.active.unwrap_or(0)].clone());
                    return;
                }
                "Escape" if found.open => next.open = false,
                _ => return,
            }
            event.prevent_default();
            found.set(next);
        })
    };

    let expanded = found.open && !found.communes.is_empty();
    let status = if let Some(problem) = &*problem {
        problem.clone()
    } else if found.open && directory.is_some() {
        settings.t_args("communes-found", &[("count", found.communes.len().into())])
    } else if !query.is_empty() && directory.is_none() {
        settings.t("communes-loading")
    } else {
        String::new()
    };
    html! {
        <div class="commune-search">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input id={props.id.clone()} type="text" role="combobox" autocomplete="off" spellcheck="false"
                aria-autocomplete="list" aria-expanded={expanded.to_string()} aria-controls={list_id.clone()}
                aria-activedescendant={found.active.filter(|_| expanded).map(option_id)}
                value={(*query).clone()} oninput={on_input} onkeydown={on_key} />
            <ul id={list_id} role="listbox" aria-label={props.label.clone()} hidden={!expanded}>
                { for found.communes.iter().zip(&found.labels).enumerate().map(|(i, (commune, label))| {
                    let onclick = {
                        let (choose, commune) = (choose.clone(), commune.clone());
                        Callback::from(move |_: MouseEvent| choose(commune.clone()))
                    };
                    let active = found.active == Some(i);
                    html! {
                        <li id={option_id(i)} role="option" aria-selected={active.to_string()}
                            class={classes!(active.then_some("active"))} {onclick}>{ label.clone() }</li>
                    }
                }) }
            </ul>
            <p class="hint" role="status" aria-live="polite">{ status }</p>
        </div>
    }
}
