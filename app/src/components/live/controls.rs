//! The facilitator's controls: which questions are open, showing the results to
//! participants, locking, ending, the exports and deleting the session.

use std::rc::Rc;

use briques_core::live::{Control, LiveState, Step};
use briques_core::survey::Session;
use yew::prelude::*;

use crate::hooks::use_settings;

/// Props of [`FacilitatorControls`].
#[derive(Properties, PartialEq)]
pub struct FacilitatorControlsProps {
    /// The live session (its survey gives the questions).
    pub session: Rc<Session>,
    /// What participants may do now.
    pub state: LiveState,
    /// Join code, for the export addresses.
    pub code: AttrValue,
    /// The workshop's steps (a CSV export for each but Duplo's).
    pub steps: Rc<Vec<Step>>,
    /// The facilitator's secret, posted in a form to download the exports (never in a
    /// link: it would be on the projected screen, in the history and in proxy logs).
    pub secret: AttrValue,
    /// A control to send.
    pub on_control: Callback<Control>,
    /// Delete the session (the page asks first).
    pub on_delete: Callback<()>,
}

/// The "Animation" panel. Every button toggles: it sends the opposite of the state shown.
#[function_component]
pub fn FacilitatorControls(props: &FacilitatorControlsProps) -> Html {
    let settings = use_settings();
    let state = &props.state;
    let send = |control: Control| props.on_control.reform(move |_: MouseEvent| control.clone());
    // The exports are posted with the secret in the body: the browser downloads the
    // answer (an attachment) and stays on the page; no address holds the secret.
    let export = |format: &str| format!("/api/live/sessions/{}/export/{format}", props.code);
    let on_delete = props.on_delete.reform(|_: MouseEvent| ());
    html! {
        <section class="panel" aria-labelledby="controls-title">
            <h2 id="controls-title">{ settings.t("live-controls") }</h2>
            if state.ended {
                <p class="lead">{ settings.t("live-ended-facilitator") }</p>
            }
            if matches!(props.steps.get(state.step), Some(Step::Duplo) | None) {
            <fieldset class="unique-questions">
                <legend>{ settings.t("live-open-questions") }</legend>
                { for props.session.survey.questions.iter().map(|q| {
                    let open = state.open.contains(&q.id);
                    let question = q.id.clone();
                    let control = if open { Control::Close { question } } else { Control::Open { question } };
                    html! {
                        <button type="button" aria-pressed={open.to_string()} onclick={send(control)} disabled={state.ended}>
                            { &q.label }
                        </button>
                    }
                }) }
            </fieldset>
            }
            <div class="button-row">
                <button type="button" aria-pressed={state.revealed.to_string()} disabled={state.ended}
                    onclick={send(if state.revealed { Control::Hide } else { Control::Reveal })}>
                    { settings.t("live-reveal") }
                </button>
                <button type="button" aria-pressed={state.locked.to_string()} disabled={state.ended}
                    onclick={send(if state.locked { Control::Unlock } else { Control::Lock })}>
                    { settings.t("live-lock") }
                </button>
                <button type="button" class="danger" disabled={state.ended}
                    onclick={send(Control::End)}>{ settings.t("live-end") }</button>
                <form id="live-export" method="post" hidden=true>
                    <input type="hidden" name="secret" value={props.secret.clone()} />
                </form>
                <button type="submit" form="live-export" formaction={export("csv")}>{ settings.t("live-export-csv") }</button>
                <button type="submit" form="live-export" formaction={export("json")}>{ settings.t("live-export-json") }</button>
                { for props.steps.iter().enumerate().filter(|(_, s)| !matches!(s, Step::Duplo)).map(|(i, _)| html! {
                    <button type="submit" form="live-export" formaction={export(&format!("step-{}.csv", i + 1))}>
                        { settings.t_args("live-export-step", &[("n", (i + 1).into())]) }
                    </button>
                }) }
                <button type="button" class="danger" onclick={on_delete}>{ settings.t("live-delete") }</button>
            </div>
        </section>
    }
}
