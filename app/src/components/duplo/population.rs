//! From the room to the population: "dans la salle, vous êtes 1 sur 1 ; et dans votre
//! commune ?". Choose the commune (directory) or type its population; for each
//! combination of the room's quasi-identifiers, how many of its inhabitants share it, and
//! how many of them are the only ones with their date of birth and sex (Sweeney's result
//! made local). Figures from `survey::population` (INSEE's age and sex structure).

use std::rc::Rc;

use briques_core::communes::Commune;
use briques_core::i18n::{format_number, format_percent};
use briques_core::survey::disclosure::choice_label;
use briques_core::survey::population::{estimates, total, unique_by_birth_date_and_sex};
use briques_core::survey::Session;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::commune_search::CommuneSearch;
use crate::hooks::use_settings;
use crate::state::duplo::ViewOptions;

/// How many combinations are listed.
const LISTED: usize = 12;

/// Props of [`PopulationPanel`].
#[derive(Properties, PartialEq)]
pub struct PopulationProps {
    /// The session.
    pub session: Rc<Session>,
    /// View settings (which questions are combined).
    pub view: ViewOptions,
}

/// The population panel.
#[function_component]
pub fn PopulationPanel(props: &PopulationProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    // The commune's name, and its population (from the directory or typed).
    let place = use_state(|| None::<(String, u64)>);
    let on_choose = {
        let place = place.clone();
        Callback::from(move |c: Commune| place.set(c.population.map(|p| (c.nom.clone(), u64::from(p)))))
    };
    let on_typed = {
        let place = place.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let digits: String = input.value().chars().filter(char::is_ascii_digit).collect();
                place.set(
                    digits
                        .parse::<u64>()
                        .ok()
                        .filter(|p| *p > 0)
                        .map(|p| (String::new(), p)),
                );
            }
        })
    };
    let survey = &props.session.survey;
    let quasi = props.view.quasi_identifiers(survey);

    let body = match &*place {
        None => html! {},
        Some((name, population)) => {
            let where_ = if name.is_empty() {
                settings.t("duplo-population-typed")
            } else {
                name.clone()
            };
            let count = |n: f64| format_number(lang, n, 0);
            let alone = unique_by_birth_date_and_sex(*population);
            let found = estimates(&props.session, &quasi, *population).unwrap_or_default();
            html! {
                <>
                    <p class="unique-big" data-population-alone={format!("{alone:.4}")}>
                        <strong class="big-number">{ format_percent(lang, alone, 0) }</strong>
                        <span>{ settings.t_args("duplo-population-sweeney", &[
                            ("place", where_.as_str().into()),
                            ("population", count(*population as f64).as_str().into()),
                        ]) }</span>
                    </p>
                    if !found.is_empty() {
                        <ul class="population-estimates">
                            { for found.iter().take(LISTED).map(|e| {
                                let answers = quasi.iter().zip(&e.answers)
                                    .map(|(q, a)| choice_label(survey, q, *a, lang))
                                    .collect::<Vec<_>>().join(" · ");
                                let text = match e.in_commune {
                                    Some(n) => settings.t_args("duplo-population-estimate", &[
                                        ("answers", answers.as_str().into()),
                                        ("room", e.in_room.into()),
                                        ("place", where_.as_str().into()),
                                        ("count", count(n).as_str().into()),
                                        ("france", count(e.share.unwrap_or(0.0) * total() as f64).as_str().into()),
                                        ("one_in", count(if n > 0.0 { *population as f64 / n } else { 0.0 }).as_str().into()),
                                    ]),
                                    None => settings.t_args("duplo-population-unknown", &[
                                        ("answers", answers.as_str().into()),
                                        ("room", e.in_room.into()),
                                    ]),
                                };
                                html! { <li data-in-commune={e.in_commune.map(|n| format!("{n:.2}")).unwrap_or_default()}>{ text }</li> }
                            }) }
                        </ul>
                    }
                    <p class="hint">{ settings.t("duplo-population-assumptions") }</p>
                </>
            }
        }
    };
    html! {
        <section class="panel population" aria-labelledby="population-title">
            <h2 id="population-title">{ settings.t("duplo-population-title") }</h2>
            <p class="explain">{ settings.t("duplo-population-explain") }</p>
            <div class="population-place">
                <CommuneSearch id="population-commune" label={settings.t("duplo-population-commune")} {on_choose} />
                <label for="population-typed">{ settings.t("duplo-population-or-typed") }</label>
                <input id="population-typed" type="text" inputmode="numeric" oninput={on_typed} />
            </div>
            { body }
        </section>
    }
}
