//! Every agrégat OFGL publishes for the year shown (about fifty), for the budget
//! principal alone and with the annex budgets, and per inhabitant: the figures behind the
//! indicators, for whoever wants them all. Shown only for a commune from the open-data
//! APIs (or an OFGL file).

use yew::prelude::*;

use crate::hooks::use_settings;
use crate::state::budget::{Budgets, Money};

/// Props of [`Aggregates`].
#[derive(Properties, PartialEq)]
pub struct AggregatesProps {
    /// The budgets.
    pub loaded: Budgets,
    /// The year asked for (`None`: the latest).
    pub year: Option<i32>,
    /// The commune's population.
    pub population: Option<u64>,
}

/// The agrégats section.
#[function_component]
pub fn Aggregates(props: &AggregatesProps) -> Html {
    let settings = use_settings();
    let Some(budget) = props.loaded.budget(props.year) else {
        return html! {};
    };
    if !budget.has_published_aggregates() {
        return html! {};
    }
    let lang = settings.lang();
    let total = Money::new(lang, props.population, false);
    let per_head = Money::new(lang, props.population, true);
    let per_inhabitant = props.population.is_some_and(|p| p > 0);
    html! {
        <section aria-labelledby="budget-aggregates-title">
            <h2 id="budget-aggregates-title">{ settings.t_args("budget-aggregates-title",
                &[("count", budget.aggregates.len().into()), ("year", budget.exercice.to_string().as_str().into())]) }</h2>
            <details class="budget-aggregates">
                <summary>{ settings.t("budget-aggregates-show") }</summary>
                <div class="table-scroll">
                    <table>
                        <thead><tr>
                            <th scope="col">{ settings.t("budget-aggregates-name") }</th>
                            <th scope="col">{ settings.t("budget-aggregates-principal") }</th>
                            <th scope="col">{ settings.t("budget-aggregates-consolidated") }</th>
                            if per_inhabitant {
                                <th scope="col">{ settings.t("budget-aggregates-per-inhabitant") }</th>
                            }
                        </tr></thead>
                        <tbody>
                            { for budget.aggregates.iter().map(|(name, amount)| html! {
                                <tr>
                                    <th scope="row">{ name }</th>
                                    <td>{ budget.principal.get(name).map(|bp| total.show(*bp)).unwrap_or_default() }</td>
                                    <td>{ total.show(*amount) }</td>
                                    if per_inhabitant {
                                        <td>{ per_head.show(*amount) }</td>
                                    }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <p class="hint">{ settings.t("budget-aggregates-source") }</p>
            </details>
        </section>
    }
}
