//! Fast entry: one tap or one key per answer. The keys work as soon as the page is
//! shown, wherever the focus is except in a field or a dialog (and can be kept to the
//! panel): 1–8 answer the current question and move on, 0 skips it, Enter records the
//! participant, Backspace clears, Escape drops the draft, Ctrl+Z undoes; arrows move
//! between questions inside the panel. What each key does is `state::duplo::entry_key`.

use std::collections::BTreeMap;
use std::rc::Rc;

use briques_core::survey::{ParticipantId, Session};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::swatch_class;
use crate::hooks::use_settings;
use crate::state::duplo::{entry_key, DuploAction, KeyFocus, KeyPress};

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
    /// Whether the keys work anywhere on the page, not only in the panel.
    pub page_keys: bool,
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
    // One listener on the window, so that the keys work before anything is clicked.
    {
        let on_action = props.on_action.clone();
        let choices = survey.questions.get(cursor).map_or(0, |q| q.choices.len());
        use_effect_with(
            (cursor, choices, props.page_keys),
            move |&(cursor, choices, page_keys)| {
                let options = EventListenerOptions::enable_prevent_default();
                let listener = EventListener::new_with_options(
                    &gloo::utils::window(),
                    "keydown",
                    options,
                    move |event| {
                        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                            return;
                        };
                        let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                        let within = |selector: &str| {
                            target
                                .as_ref()
                                .is_some_and(|t| t.closest(selector).ok().flatten().is_some())
                        };
                        let focus =
                            if within("input, select, textarea, dialog, [role=dialog], [contenteditable]") {
                                KeyFocus::Field
                            } else if within("button, a, summary") {
                                KeyFocus::Control
                            } else {
                                KeyFocus::Other
                            };
                        let key = event.key();
                        let press = KeyPress {
                            key: &key,
                            command: event.ctrl_key() || event.meta_key(),
                            alt: event.alt_key(),
                            focus,
                            in_panel: within(".entry-keys"),
                        };
                        if let Some(action) = entry_key(&press, cursor, choices, page_keys) {
                            event.prevent_default();
                            on_action.emit(action);
                        }
                    },
                );
                move || drop(listener)
            },
        );
    }
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
            aria-describedby="entry-hint" ref={panel}>
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
