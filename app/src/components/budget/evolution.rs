//! The key indicators over the years available, with the M14 → M57 change marked.

use yew::prelude::*;

use super::charts::{Evolution as Chart, Series};
use super::euros;
use super::glossary::Term;
use crate::components::figure::Figure;
use crate::hooks::use_settings;
use crate::state::budget::{evolution, Budgets};

/// Props of [`Evolution`].
#[derive(Properties, PartialEq)]
pub struct EvolutionProps {
    /// The budgets.
    pub loaded: Budgets,
    /// Amounts per inhabitant (each year's population).
    pub per_inhabitant: bool,
    /// The width the charts are drawn at, in CSS pixels (the page's).
    pub width: f64,
}

/// The evolution figure (nothing for a single year).
#[function_component]
pub fn Evolution(props: &EvolutionProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let Some(data) = evolution(&props.loaded, props.per_inhabitant) else {
        return html! {};
    };
    let series: Vec<Series> = data
        .series
        .into_iter()
        .map(|(key, values)| Series {
            label: settings.t(key),
            values,
        })
        .collect();
    let format = Callback::from(move |v: f64| euros(lang, v));
    html! {
        <Figure id="budget-evolution" title={settings.t("budget-evolution")}>
            <Chart width={props.width} years={data.years} change_at={data.change_at} change_label={settings.t("budget-m57-change")}
                label={settings.t("budget-evolution-label")} format={format} series={series} />
            if data.change_at.is_some() {
                <p class="hint">{ settings.t("budget-m57-note") }{" "}<Term id="nomenclature" /></p>
            }
        </Figure>
    }
}
