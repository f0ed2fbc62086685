//! Fast entry: one tap or one key per answer. Keys act only while the entry panel has
//! the focus (no page-wide single-key shortcuts): 1–8 answer the current question and
//! move on, 0 skips it, Enter records the participant, Backspace clears, arrows move
//! between questions, Escape drops the draft, Ctrl+Z undoes.

use std::collections::BTreeMap;
use std::rc::Rc;

use briques_core::survey::{ParticipantId, Session};
use yew::prelude::*;

use super::swatch_class;
use crate::hooks::use_settings;
use crate::state::duplo::DuploAction;

/// Props of [`EntryPanel`].
#[derive(Properties, PartialEq)]
pub struct EntryProps {
    /// The session (its survey gives the questions).
    pub session: Rc<Session>,
    /// Answers typed so far for this participant.
    pub draft: BTreeMap<String, String>,
    /// The participant being edited, if any.
    pub editing: Option<ParticipantId>,
    /// Number the new participant will get.
    pub participant: ParticipantId,
    /// The question number keys answer.
    pub cursor: usize,
    /// Whether undo is possible.
    pub can_undo: bool,
    /// Where actions go.
    pub on_action: Callback<DuploAction>,
}

/// The entry panel.
#[function_component]
pub fn EntryPanel(props: &EntryProps) -> Html {
    let settings = use_settings();
    let panel = use_node_ref();
    // Starting to edit a response (from the list) brings the focus here, so that the
    // number keys change its answers straight away.
    {
        let panel = panel.clone();
        use_effect_with(props.editing, move |editing| {
            if editing.is_some() {
                if let Some(element) = panel.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                    element.scroll_into_view();
                }
            }
        });
    }
    let survey = &props.session.survey;
    let cursor = props.cursor;
    let onkeydown = {
        let on_action = props.on_action.clone();
        let counts: Vec<usize> = survey.questions.iter().map(|q| q.choices.len()).collect();
        Callback::from(move |event: KeyboardEvent| {
            let key = event.key();
            if event.ctrl_key() || event.meta_key() {
                if key.eq_ignore_ascii_case("z") {
                    event.prevent_default();
                    on_action.emit(DuploAction::Undo);
                }
                return;
            }
            if event.alt_key() {
                return;
            }
            let action = match key.as_str() {
                "Enter" => Some(DuploAction::Commit),
                "Escape" => Some(DuploAction::CancelDraft),
                "Backspace" | "Delete" => Some(DuploAction::ClearAnswer { question: cursor }),
                "ArrowDown" | "ArrowRight" => Some(DuploAction::Focus { question: cursor + 1 }),
                "ArrowUp" | "ArrowLeft" => cursor
                    .checked_sub(1)
                    .map(|question| DuploAction::Focus { question }),
                "0" => {
                    on_action.emit(DuploAction::ClearAnswer { question: cursor });
                    Some(DuploAction::Focus { question: cursor + 1 })
                }
                digit => digit
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=counts.get(cursor).copied().unwrap_or(0)).contains(n))
                    .map(|n| DuploAction::Answer {
                        question: cursor,
                        choice: n - 1,
                    }),
            };
            if let Some(action) = action {
                event.prevent_default();
                on_action.emit(action);
            }
        })
    };
    let action = |a: DuploAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(a.clone()))
    };
    let who = match props.editing {
        Some(n) => settings.t_args("duplo-editing", &[("participant", (n as usize).into())]),
        None => settings.t_args(
            "duplo-participant",
            &[("participant", (props.participant as usize).into())],
        ),
    };

    html! {
        <div class="entry-keys" tabindex="0" role="group" aria-labelledby="entry-who"
            aria-describedby="entry-hint" {onkeydown} ref={panel}>
            <p id="entry-who" class="entry-who">{ who }</p>
            <p id="entry-hint" class="hint">{ settings.t("duplo-keys-hint") }</p>
            { for survey.questions.iter().enumerate().map(|(qi, question)| {
                let chosen = props.draft.get(&question.id);
                let current = qi == cursor;
                html! {
                    <fieldset class={classes!("entry-question", current.then_some("current"))}>
                        <legend>
                            <button type="button" class="question-pick" aria-current={current.then_some("step")}
                                onclick={action(DuploAction::Focus { question: qi })}>
                                { format!("{}. {}", qi + 1, question.label) }
                            </button>
                        </legend>
                        <div class="choices">
                            { for question.choices.iter().enumerate().map(|(ci, choice)| {
                                let pressed = chosen == Some(&choice.id);
                                html! {
                                    <button type="button" class="choice" aria-pressed={pressed.to_string()}
                                        onclick={action(DuploAction::Answer { question: qi, choice: ci })}>
                                        <span class={swatch_class(choice.colour)} aria-hidden="true"></span>
                                        if current && ci < 9 {
                                            <kbd aria-hidden="true">{ ci + 1 }</kbd>
                                        }
                                        <span>{ &choice.label }</span>
                                    </button>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
            <div class="entry-actions">
                <button type="button" class="primary" onclick={action(DuploAction::Commit)}>
                    { if props.editing.is_some() { settings.t("duplo-save-edit") } else { settings.t("duplo-next") } }
                </button>
                <button type="button" onclick={action(DuploAction::Undo)} disabled={!props.can_undo}>
                    { settings.t("duplo-undo") }
                </button>
                if !props.draft.is_empty() || props.editing.is_some() {
                    <button type="button" onclick={action(DuploAction::CancelDraft)}>
                        { settings.t("duplo-cancel-draft") }
                    </button>
                }
            </div>
        </div>
    }
}
