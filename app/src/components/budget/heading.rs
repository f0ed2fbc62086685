//! The heading of the budgets shown: commune, document and year, nomenclature and
//! population; the choice of year, of collectivité (a file with several) and the
//! population to type when the file lacks it; the file's warnings; the two activities.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::glossary::Term;
use crate::hooks::use_settings;
use crate::state::budget::{
    document_term, heading_title, nomenclature_name, population, BudgetAction, Budgets, Tab,
};

/// Props of [`BudgetHeading`].
#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// The budgets.
    pub loaded: Budgets,
    /// The year asked for (`None`: the latest).
    pub year: Option<i32>,
    /// The population typed, for a file that does not give it.
    pub typed_population: Option<u64>,
    /// The activity shown.
    pub tab: Tab,
    /// Changes the year, the collectivité, the population or the activity.
    pub on_action: Callback<BudgetAction>,
}

/// The heading with the year and the activity tabs.
#[function_component]
pub fn BudgetHeading(props: &HeadingProps) -> Html {
    let settings = use_settings();
    let loaded = &props.loaded;
    let Some(budget) = loaded.budget(props.year) else {
        return html! {};
    };
    let select = |make: fn(String) -> BudgetAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                on_action.emit(make(select.value()));
            }
        })
    };
    let on_year = select(|value| BudgetAction::ChooseYear {
        year: value.parse().ok(),
    });
    let on_collectivite = select(|name| BudgetAction::ChooseCollectivite { name });
    let on_population = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                on_action.emit(BudgetAction::PopulationTyped { text: input.value() });
            }
        })
    };
    let tab = |tab: Tab, label: String| {
        let onclick = props
            .on_action
            .reform(move |_: MouseEvent| BudgetAction::ChooseTab { tab });
        html! {
            <button type="button" aria-pressed={(props.tab == tab).to_string()} {onclick}>{ label }</button>
        }
    };
    let population = population(budget, props.typed_population);
    html! {
        <div class="budget-heading">
            <h2 id="budget-commune">{ heading_title(settings.lang(), &loaded.name, budget) }</h2>
            <p>
                if let Some(term) = document_term(budget.document) {
                    <Term id={term} />{ " · " }
                }
                <Term id="exercice" />{ " " }{ budget.exercice }{ " · " }
                { settings.t_args("budget-nomenclature", &[("name", nomenclature_name(budget).into())]) }{" "}
                <Term id="nomenclature">{ settings.t("budget-what-is-it") }</Term>
                if let Some(p) = population {
                    { " · " }{ settings.t_args("budget-inhabitants", &[("count", (p as usize).into())]) }
                }
            </p>
            <div class="budget-controls">
                if loaded.budgets.len() > 1 {
                    <div class="field">
                        <label for="budget-year">{ settings.t("budget-year") }</label>
                        <select id="budget-year" onchange={on_year}>
                            { for loaded.budgets.iter().map(|b| html! {
                                <option value={b.exercice.to_string()} selected={b.exercice == budget.exercice}>{ b.exercice }</option>
                            }) }
                        </select>
                    </div>
                }
                if !loaded.collectivites.is_empty() {
                    <div class="field">
                        <label for="budget-collectivite">{ settings.t("budget-collectivite") }</label>
                        <select id="budget-collectivite" onchange={on_collectivite}>
                            { for loaded.collectivites.iter().map(|n| html! {
                                <option value={n.clone()} selected={*n == loaded.name}>{ n.clone() }</option>
                            }) }
                        </select>
                    </div>
                }
                if budget.collectivite.population.is_none() {
                    <div class="field">
                        <label for="budget-population">{ settings.t("budget-population") }</label>
                        <input id="budget-population" type="text" inputmode="numeric" oninput={on_population}
                            value={props.typed_population.map(|p| p.to_string()).unwrap_or_default()} />
                    </div>
                }
            </div>
            if !loaded.warnings.is_empty() {
                <details class="budget-warnings">
                    <summary>{ settings.t_args("budget-warnings", &[("count", loaded.warnings.len().into())]) }</summary>
                    <ul>{ for loaded.warnings.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul>
                </details>
            }
            <div class="tabs" role="group" aria-label={settings.t("budget-tabs")}>
                { tab(Tab::Explorer, settings.t("budget-tab-explorer")) }
                { tab(Tab::Maire, settings.t("budget-tab-maire")) }
            </div>
        </div>
    }
}
