//! The list of responses, newest first, with edit and delete for each. Only the latest
//! ones are drawn unless asked, so a session of a thousand stays quick.

use std::rc::Rc;

use briques_core::survey::Session;
use yew::prelude::*;

use crate::hooks::use_settings;
use crate::state::duplo::DuploAction;

/// Rows drawn before "show all".
pub const RECENT: usize = 12;

/// Props of [`ResponsesTable`].
#[derive(Properties, PartialEq)]
pub struct ResponsesProps {
    /// The session.
    pub session: Rc<Session>,
    /// Where actions go.
    pub on_action: Callback<DuploAction>,
    /// Whether rows can be loaded back into the entry panel (not on the live projector).
    #[prop_or(true)]
    pub editable: bool,
}

/// The responses table.
#[function_component]
pub fn ResponsesTable(props: &ResponsesProps) -> Html {
    let settings = use_settings();
    let show_all = use_state(|| false);
    let survey = &props.session.survey;
    let total = props.session.responses.len();
    if total == 0 {
        return html! { <p>{ settings.t("duplo-no-response") }</p> };
    }
    let shown = if *show_all { total } else { total.min(RECENT) };
    let toggle = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(!*show_all))
    };
    let action = |a: DuploAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(a.clone()))
    };
    html! {
        <>
            <div class="table-scroll">
                <table class="data-table responses-table">
                    <caption>{ settings.t_args("duplo-responses-caption", &[("shown", shown.into()), ("total", total.into())]) }</caption>
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
                    { if *show_all { settings.t("duplo-show-recent") } else { settings.t_args("duplo-show-all", &[("total", total.into())]) } }
                </button>
            }
        </>
    }
}
