//! What 100 € of the commune's spending fund, by citizen category, with each category's
//! definition.

use briques_core::budget::explore::hundred_euros;
use briques_core::i18n::format_number;
use yew::prelude::*;

use super::charts::HundredEuros;
use crate::components::figure::Figure;
use crate::hooks::use_settings;
use crate::state::budget::Budgets;

/// Props of [`Hundred`].
#[derive(Properties, PartialEq)]
pub struct HundredProps {
    /// The budgets.
    pub loaded: Budgets,
    /// The year asked for (`None`: the latest).
    pub year: Option<i32>,
    /// The width the charts are drawn at, in CSS pixels (the page's).
    pub width: f64,
}

/// The "100 €" section (nothing when the budget has no spending lines).
#[function_component]
pub fn Hundred(props: &HundredProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let shares = props
        .loaded
        .budget(props.year)
        .map(hundred_euros)
        .unwrap_or_default();
    if shares.is_empty() {
        return html! {};
    }
    let chart: Vec<(String, f64)> = shares.iter().map(|(c, v)| (settings.t(c.key()), *v)).collect();
    let format = Callback::from(move |v: f64| format!("{}\u{a0}€", format_number(lang, v, 1)));
    html! {
        <section aria-labelledby="budget-hundred-title">
            <h2 id="budget-hundred-title">{ settings.t("budget-hundred") }</h2>
            <Figure id="budget-cent-euros" title={settings.t("budget-hundred-chart")}>
                <HundredEuros width={props.width} shares={chart} label={settings.t("budget-hundred-chart")} format={format} />
            </Figure>
            <dl class="category-defs">
                { for shares.iter().map(|(category, v)| html! {
                    <div>
                        <dt>{ settings.t_args("budget-hundred-item", &[
                            ("category", settings.t(category.key()).as_str().into()),
                            ("amount", format_number(lang, *v, 1).as_str().into()),
                        ]) }</dt>
                        <dd>{ settings.t(&format!("{}-def", category.key())) }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
