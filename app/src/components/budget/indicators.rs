//! The key indicators of the budget shown, each with its definition and glossary entry,
//! and, when the server gives statistics of communes of the same size, how it compares.

use yew::prelude::*;

use super::glossary::Term;
use crate::hooks::use_settings;
use crate::state::budget::{comparison_missing, indicator_cards, Budgets, Money};

/// Props of [`Indicators`].
#[derive(Properties, PartialEq)]
pub struct IndicatorsProps {
    /// The budgets.
    pub loaded: Budgets,
    /// The year asked for (`None`: the latest).
    pub year: Option<i32>,
    /// The commune's population (the file's, else the one typed).
    pub population: Option<u64>,
    /// Amounts per inhabitant.
    pub per_inhabitant: bool,
}

/// The indicators section.
#[function_component]
pub fn Indicators(props: &IndicatorsProps) -> Html {
    let settings = use_settings();
    let Some(budget) = props.loaded.budget(props.year) else {
        return html! {};
    };
    let money = Money::new(settings.lang(), props.population, props.per_inhabitant);
    let cards = indicator_cards(&props.loaded, budget, props.population, money);
    // Without lines (aggregates only) the page says what else is missing instead.
    let no_lines = budget.lines.is_empty();
    html! {
        <section aria-labelledby="budget-indicators-title">
            <h2 id="budget-indicators-title">{ settings.t("budget-indicators") }</h2>
            if !no_lines && comparison_missing(&props.loaded, props.population) {
                <p class="hint">{ settings.t("budget-compare-none") }</p>
            }
            <dl class="indicators">
                { for cards.into_iter().map(|card| html! {
                    <div class="indicator">
                        <dt><Term id={card.term}>{ settings.t(card.label_key) }</Term></dt>
                        <dd class="indicator-value">{ card.shown }</dd>
                        <dd class="indicator-def">{ settings.t(card.definition_key) }</dd>
                        if let Some(text) = card.comparison {
                            <dd class="indicator-compare">{ text }</dd>
                        }
                    </div>
                }) }
            </dl>
            if no_lines {
                <p>{ settings.t("budget-no-lines") }</p>
            }
        </section>
    }
}
