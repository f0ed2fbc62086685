//! A participant's screen: one open question with big buttons.

use briques_core::live::AnswerBody;
use briques_core::survey::Question;
use yew::prelude::*;

use crate::components::duplo::swatch_class;
use crate::hooks::use_settings;

/// Props of [`QuestionCard`].
#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    /// The question on screen.
    pub question: Question,
    /// Its position among the open questions (from 0).
    pub position: usize,
    /// How many questions are open.
    pub total: usize,
    /// This participant's answer to it, if any.
    pub chosen: Option<AttrValue>,
    /// A choice was pressed: the answer to send.
    pub on_answer: Callback<AnswerBody>,
    /// Show the open question at this position.
    pub on_step: Callback<usize>,
}

/// One question, its choices as big buttons (the chosen one pressed), previous and skip.
#[function_component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let settings = use_settings();
    let q = &props.question;
    let position = props.position;
    let step = |to: usize| props.on_step.reform(move |_: MouseEvent| to);
    html! {
        <section class="panel participant-question" aria-labelledby="pq-title">
            <p class="hint">{ settings.t_args("live-question-of", &[("n", (position + 1).into()), ("total", props.total.into())]) }</p>
            <h2 id="pq-title">{ &q.label }</h2>
            <div class="big-choices">
                { for q.choices.iter().map(|c| {
                    let pressed = props.chosen.as_deref() == Some(c.id.as_str());
                    let answer = AnswerBody { question: q.id.clone(), choice: Some(c.id.clone()) };
                    let onclick = props.on_answer.reform(move |_: MouseEvent| answer.clone());
                    html! {
                        <button type="button" class="big-choice" aria-pressed={pressed.to_string()} {onclick}>
                            <span class={swatch_class(c.colour)} aria-hidden="true"></span>{ &c.label }
                        </button>
                    }
                }) }
            </div>
            <div class="button-row">
                <button type="button" onclick={step(position.saturating_sub(1))} disabled={position == 0}>{ settings.t("live-previous") }</button>
                <button type="button" onclick={step(position + 1)}>{ settings.t("live-skip") }</button>
            </div>
        </section>
    }
}
