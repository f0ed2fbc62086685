//! The room's results on a participant's phone, once the facilitator reveals them:
//! aggregates only (tallies, the masked cross-tab, how many are unique), never a row.

use std::rc::Rc;

use briques_core::i18n::format_percent;
use briques_core::live::PublicView;
use yew::prelude::*;

use crate::components::duplo::crosstab::cell_words;
use crate::components::duplo::swatch_class;
use crate::hooks::use_settings;

/// Props of [`PublicResultsView`].
#[derive(Properties, PartialEq)]
pub struct PublicResultsProps {
    /// The participants' view; nothing is drawn while it has no results.
    pub view: Rc<PublicView>,
}

/// The aggregated results a participant may see (masked cross-tab included).
#[function_component]
pub fn PublicResultsView(props: &PublicResultsProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let survey = &props.view.survey;
    let Some(r) = &props.view.results else {
        return Html::default();
    };
    html! {
        <section class="panel" aria-labelledby="results-title">
            <h2 id="results-title">{ settings.t("live-results") }</h2>
            { for survey.questions.iter().zip(&r.tallies).map(|(q, t)| {
                let answered: usize = t.counts.iter().sum();
                html! {
                    <div class="result-question">
                        <h3>{ &q.label }</h3>
                        <ul class="result-bars">
                            { for q.choices.iter().zip(&t.counts).map(|(c, n)| {
                                let share = if answered == 0 { 0.0 } else { *n as f64 / answered as f64 };
                                html! {
                                    <li>
                                        <span class="result-label"><span class={swatch_class(c.colour)} aria-hidden="true"></span>{ &c.label }</span>
                                        <meter min="0" max="1" value={share.to_string()} aria-hidden="true"></meter>
                                        <span>{ format!("{n} ({})", format_percent(lang, share, 0)) }</span>
                                    </li>
                                }
                            }) }
                        </ul>
                    </div>
                }
            }) }
            if let Some(cross) = &r.crosstab {
                if let (Some(rows), Some(cols)) = (survey.question(&cross.row_question), survey.question(&cross.col_question)) {
                    <table class="data-table">
                        <caption>{ format!("{} × {}", rows.label, cols.label) }</caption>
                        <thead><tr><th scope="col">{ "" }</th>{ for cols.choices.iter().map(|c| html! { <th scope="col">{ &c.label }</th> }) }</tr></thead>
                        <tbody>
                            { for rows.choices.iter().enumerate().map(|(r, c)| html! {
                                <tr><th scope="row">{ &c.label }</th>
                                { for (0..cols.choices.len()).map(|col| html! {
                                    <td>{ cell_words(&settings, cross.cell(r, col), cross.k, true) }</td>
                                }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <p class="hint">{ settings.t_args("duplo-masked-note", &[("k", cross.k.into())]) }</p>
                }
            }
            <p class="unique-big"><strong class="big-number">{ r.unique }</strong>
                <span>{ settings.t_args("duplo-unique-sentence", &[("unique", r.unique.into()), ("respondents", r.respondents.into())]) }</span></p>
        </section>
    }
}
