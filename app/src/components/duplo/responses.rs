//! The list of responses, newest first, with edit and delete for each. Only the latest
//! ones are drawn unless asked, so a session of a thousand stays quick. On a projected
//! screen the list stays closed until opened on purpose: each row is someone's whole
//! combination of answers, which the masked cross-tab beside it is there to protect.

use std::rc::Rc;

use briques_core::survey::Session;
use yew::prelude::*;

use crate::hooks::{use_settings, SettingsHandle};
use crate::state::duplo::DuploAction;

/// Rows drawn before "show all".
pub const RECENT: usize = 12;

/// Props of [`ResponsesSection`].
#[derive(Properties, PartialEq)]
pub struct ResponsesProps {
    /// The session.
    pub session: Rc<Session>,
    /// Where actions go.
    pub on_action: Callback<DuploAction>,
    /// Whether rows can be loaded back into the entry panel (not on the live projector).
    #[prop_or(true)]
    pub editable: bool,
    /// Closed until opened (on a projected screen).
    pub collapsed: bool,
}

/// The responses panel: its heading and the table in a `<details>`, closed when
/// `collapsed` (opened again when that changes; otherwise left as the user set it).
#[function_component]
pub fn ResponsesSection(props: &ResponsesProps) -> Html {
    let settings = use_settings();
    let show_all = use_state(|| false);
    html! {
        <section class="panel responses" aria-labelledby="responses-title">
            <details open={!props.collapsed}>
                <summary><h2 id="responses-title">{ settings.t("duplo-responses-title") }</h2>
                    if props.collapsed { <span class="hint">{ settings.t("duplo-responses-closed") }</span> }</summary>
                { responses_body(props, &show_all, &settings) }
            </details>
        </section>
    }
}

/// The table (or a sentence when there is no response yet) and its "show all" button.
fn responses_body(
    props: &ResponsesProps,
    show_all: &UseStateHandle<bool>,
    settings: &SettingsHandle,
) -> Html {
    let survey = &props.session.survey;
    let total = props.session.responses.len();
    if total == 0 {
        return html! { <p>{ settings.t("duplo-no-response") }</p> };
    }
    let shown = if **show_all { total } else { total.min(RECENT) };
    let toggle = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(!*show_all))
    };
    let action = |a: DuploAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(a.clone()))
    };
    let counts = [("shown", shown.into()), ("total", total.into())];
    let caption = if shown == total {
        settings.t_args("duplo-responses-caption-all", &counts)
    } else {
        settings.t_args("duplo-responses-caption", &counts)
    };
    html! {
        <>
            <div class="table-scroll">
                <table class="data-table responses-table">
                    <caption>{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{ settings.t("duplo-number") }</th>
                        { for survey.questions.iter().map(|q| html! { <th scope="col">{ &q.label }</th> }) }
                        <th scope="col">{ settings.t("duplo-actions") }</th>
                    </tr></thead>
                    <tbody>
                        { for props.session.responses.iter().rev().take(shown).map(|r| {
                            let n = r.participant as usize;
                            html! {
                                <tr>
                                    <th scope="row">{ n }</th>
                                    { for survey.questions.iter().map(|q| {
                                        let label = r.answers.get(&q.id).and_then(|c| q.choices.iter().find(|ch| &ch.id == c)).map(|c| c.label.clone());
                                        html! { <td>{ label.unwrap_or_else(|| "—".to_owned()) }</td> }
                                    }) }
                                    <td class="row-actions">
                                        if props.editable {
                                            <button type="button" onclick={action(DuploAction::Edit { participant: r.participant })}
                                                aria-label={settings.t_args("duplo-edit-n", &[("participant", n.into())])}>
                                                { settings.t("duplo-edit") }
                                            </button>
                                        }
                                        <button type="button" class="danger" onclick={action(DuploAction::Delete { participant: r.participant })}
                                            aria-label={settings.t_args("duplo-delete-n", &[("participant", n.into())])}>
                                            { settings.t("duplo-delete") }
                                        </button>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if total > RECENT {
                <button type="button" onclick={toggle} aria-expanded={show_all.to_string()}>
                    { if **show_all { settings.t("duplo-show-recent") } else { settings.t_args("duplo-show-all", &[("total", total.into())]) } }
                </button>
            }
        </>
    }
}
