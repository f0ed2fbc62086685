//! Two aids under the chart: statistical secrecy when the chart counts people (the
//! switch, what it does, how many counts it hides and the masked table, which is also
//! what the CSV export holds), and drawing the chart by hand (the suggested scale, the
//! values to place, and a printable sheet of blank axes).

use yew::prelude::*;

use crate::components::data::chart::{Charts, Hand, Secrecy};
use crate::components::data::pack::print;
use crate::hooks::use_settings;
use crate::state::data::DataAction;

/// Props of [`PeoplePanel`].
#[derive(Properties, PartialEq)]
pub struct PeopleProps {
    /// Whether the chart is said to count people.
    pub people: bool,
    /// The charts drawn.
    pub charts: std::rc::Rc<Charts>,
    /// Where actions go.
    pub on_action: Callback<DataAction>,
}

/// A table of texts with a caption.
fn table(caption: String, header: &[String], rows: &[Vec<String>]) -> Html {
    html! {
        <div class="table-wrap">
            <table class="data-small-table">
                <caption>{ caption }</caption>
                <thead><tr>{ for header.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr>
                            { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                html! { <th scope="row">{ cell.clone() }</th> }
                            } else {
                                html! { <td>{ cell.clone() }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The statistical secrecy switch and its result.
#[function_component]
pub fn PeoplePanel(props: &PeopleProps) -> Html {
    let settings = use_settings();
    let on_change = props.on_action.reform(|e: Event| DataAction::SetPeople {
        on: e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|input| input.checked()),
    });
    let result = match &props.charts.secrecy {
        Secrecy::Off => html! {},
        Secrecy::NotApplicable => {
            html! { <p class="notice" role="status">{ settings.t("data-secret-not-applicable") }</p> }
        }
        Secrecy::Masked(people) => {
            let m = &people.masking;
            html! {
                <>
                    <p role="status">{ settings.t_args("data-secret-summary", &[("primary", m.primary.into()), ("secondary", m.secondary.into())]) }</p>
                    { table(settings.t("data-secret-table"), &people.header, &people.rows) }
                </>
            }
        }
    };
    html! {
        <div class="data-people">
            <p>
                <input type="checkbox" id="data-people" checked={props.people} onchange={on_change} aria-describedby="data-people-explain" />
                <label for="data-people">{ settings.t("data-secret-toggle") }</label>
            </p>
            <p class="hint" id="data-people-explain">{ settings.t("data-secret-explain") }</p>
            { result }
        </div>
    }
}

/// Props of [`HandPanel`] and [`HandSheet`].
#[derive(Properties, PartialEq)]
pub struct HandProps {
    /// What drawing the chart by hand needs, when it has something to draw.
    pub hand: Option<Hand>,
    /// The chart's title.
    pub title: AttrValue,
}

fn scale_sentence(hand: &Hand, lang: briques_core::i18n::Lang) -> String {
    let number = |v: f64| briques_core::i18n::format_number(lang, v, if v.fract() == 0.0 { 0 } else { 2 });
    briques_core::i18n::tr_args(
        lang,
        "data-hand-scale",
        &[
            ("top", number(hand.scale.top).as_str().into()),
            ("step", number(hand.scale.step).as_str().into()),
            ("steps", hand.scale.steps().into()),
        ],
    )
}

/// "Dessiner ce graphique à la main": the scale, how to, the print button.
#[function_component]
pub fn HandPanel(props: &HandProps) -> Html {
    let settings = use_settings();
    let body = match &props.hand {
        Some(hand) => html! {
            <>
                <p id="data-hand-scale">{ scale_sentence(hand, settings.lang()) }</p>
                <p class="hint">{ settings.t("data-hand-how") }</p>
                <button type="button" onclick={Callback::from(|_: MouseEvent| print("axes"))}>{ settings.t("data-hand-button") }</button>
            </>
        },
        None => html! { <p class="hint">{ settings.t("data-hand-none") }</p> },
    };
    html! {
        <section class="data-hand" aria-labelledby="data-hand-title">
            <h3 id="data-hand-title">{ settings.t("data-hand-title") }</h3>
            { body }
        </section>
    }
}

/// The printed sheet of blank axes (hidden on screen).
#[function_component]
pub fn HandSheet(props: &HandProps) -> Html {
    let settings = use_settings();
    let Some(hand) = &props.hand else {
        return html! {};
    };
    let title = settings.t_args("data-hand-sheet-title", &[("title", props.title.as_str().into())]);
    html! {
        <section class="data-print-axes" aria-label={title.clone()}>
            <h2>{ title }</h2>
            <p>{ scale_sentence(hand, settings.lang()) }</p>
            <p>{ settings.t("data-hand-how") }</p>
            <div class="data-axes" role="img" aria-label={settings.t("data-hand-button")}>{ Html::from_html_unchecked(hand.svg.clone()) }</div>
            { table(settings.t("data-hand-values"), &hand.values.0, &hand.values.1) }
        </section>
    }
}
