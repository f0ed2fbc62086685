//! The survey editor: add, remove and reorder questions and choices, relabel them,
//! pick brick colours and roles, or start again from the classic survey with the
//! town's name. Works on a copy; "Enregistrer" checks it and says what answers a
//! change would drop before applying it.

use std::rc::Rc;

use briques_core::survey::{BrickColour, Choice, Question, QuestionKind, Role, Session, Survey, MAX_CHOICES};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::hooks::use_settings;
use crate::state::duplo::DuploAction;

/// Props of [`SurveyEditor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The session (its survey is the starting point).
    pub session: Rc<Session>,
    /// Where the new survey goes.
    pub on_action: Callback<DuploAction>,
}

/// One edit of the copy.
#[derive(Clone, Debug)]
enum Edit {
    Title(String),
    QuestionLabel(usize, String),
    QuestionRole(usize, Role),
    MoveQuestion(usize, isize),
    RemoveQuestion(usize),
    AddQuestion(QuestionKind),
    ChoiceLabel(usize, usize, String),
    ChoiceColour(usize, usize, BrickColour),
    MoveChoice(usize, usize, isize),
    RemoveChoice(usize, usize),
    AddChoice(usize),
}

fn apply(survey: &mut Survey, edit: Edit, lang: briques_core::i18n::Lang) {
    let swap = |len: usize, i: usize, by: isize| -> Option<usize> {
        let j = i as isize + by;
        (j >= 0 && (j as usize) < len).then_some(j as usize)
    };
    match edit {
        Edit::Title(t) => survey.title = t,
        Edit::QuestionLabel(q, l) => {
            if let Some(q) = survey.questions.get_mut(q) {
                q.label = l;
            }
        }
        Edit::QuestionRole(q, r) => {
            if let Some(q) = survey.questions.get_mut(q) {
                q.role = r;
            }
        }
        Edit::MoveQuestion(q, by) => {
            if let Some(j) = swap(survey.questions.len(), q, by) {
                survey.questions.swap(q, j);
            }
        }
        Edit::RemoveQuestion(q) => {
            if q < survey.questions.len() {
                survey.questions.remove(q);
            }
        }
        Edit::AddQuestion(kind) => {
            // Ids are built from a short base per kind: "age", "oui-non", "question".
            let base = if kind == QuestionKind::AgeBand {
                "age"
            } else if kind == QuestionKind::YesNo {
                "oui-non"
            } else {
                "question"
            };
            let id = Survey::fresh_id(base, survey.questions.iter().map(|q| q.id.as_str()));
            survey.questions.push(Question::preset(kind, id, lang));
        }
        Edit::ChoiceLabel(q, c, l) => {
            if let Some(choice) = survey.questions.get_mut(q).and_then(|q| q.choices.get_mut(c)) {
                choice.label = l;
            }
        }
        Edit::ChoiceColour(q, c, colour) => {
            if let Some(choice) = survey.questions.get_mut(q).and_then(|q| q.choices.get_mut(c)) {
                choice.colour = colour;
            }
        }
        Edit::MoveChoice(q, c, by) => {
            if let Some(question) = survey.questions.get_mut(q) {
                if let Some(j) = swap(question.choices.len(), c, by) {
                    question.choices.swap(c, j);
                }
            }
        }
        Edit::RemoveChoice(q, c) => {
            if let Some(question) = survey.questions.get_mut(q) {
                if c < question.choices.len() {
                    question.choices.remove(c);
                }
            }
        }
        Edit::AddChoice(q) => {
            if let Some(question) = survey.questions.get_mut(q) {
                if question.choices.len() < MAX_CHOICES {
                    let id = Survey::fresh_id("choix", question.choices.iter().map(|c| c.id.as_str()));
                    let used: Vec<BrickColour> = question.choices.iter().map(|c| c.colour).collect();
                    let colour = BrickColour::ALL
                        .into_iter()
                        .find(|c| !used.contains(c))
                        .unwrap_or(BrickColour::Grey);
                    let label = briques_core::i18n::tr(lang, "survey-new-choice");
                    question.choices.push(Choice { id, label, colour });
                }
            }
        }
    }
}

/// The editor, inside a disclosure.
#[function_component]
pub fn SurveyEditor(props: &EditorProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let copy = use_state(|| props.session.survey.clone());
    let town = use_state(String::new);
    let problems = use_state(Vec::<String>::new);
    // When the session's survey changes elsewhere (undo, import), start from it again.
    {
        let copy = copy.clone();
        use_effect_with(props.session.survey.clone(), move |survey| {
            copy.set(survey.clone())
        });
    }
    let edit = |make: Rc<dyn Fn(String) -> Option<Edit>>| {
        let copy = copy.clone();
        Callback::from(move |value: String| {
            if let Some(e) = make(value) {
                let mut next = (*copy).clone();
                apply(&mut next, e, lang);
                copy.set(next);
            }
        })
    };
    let click = |e: Edit| {
        let copy = copy.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*copy).clone();
            apply(&mut next, e.clone(), lang);
            copy.set(next);
        })
    };
    let input_value = |cb: Callback<String>| {
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                cb.emit(input.value());
            }
        })
    };
    let select_value = |cb: Callback<String>| {
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                cb.emit(select.value());
            }
        })
    };
    let save = {
        let copy = copy.clone();
        let problems = problems.clone();
        let session = props.session.clone();
        let on_action = props.on_action.clone();
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| {
            let found = copy.validate();
            if !found.is_empty() {
                problems.set(found.iter().map(|p| p.message(settings.lang())).collect());
                return;
            }
            problems.set(Vec::new());
            let lost = session.answers_lost_by(&copy);
            let message = settings.t_args("duplo-confirm-survey", &[("lost", lost.into())]);
            if lost == 0
                || gloo::utils::window()
                    .confirm_with_message(&message)
                    .unwrap_or(false)
            {
                on_action.emit(DuploAction::SetSurvey((*copy).clone()));
            }
        })
    };
    let reset = {
        let copy = copy.clone();
        let problems = problems.clone();
        let survey = props.session.survey.clone();
        Callback::from(move |_: MouseEvent| {
            copy.set(survey.clone());
            problems.set(Vec::new());
        })
    };
    let classic = {
        let copy = copy.clone();
        let town = town.clone();
        Callback::from(move |_: MouseEvent| copy.set(Survey::default_for(lang, Some(town.as_str()))))
    };
    let on_town = {
        let town = town.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                town.set(input.value());
            }
        })
    };
    let add_kind = use_state(|| QuestionKind::Choice);
    let on_kind = {
        let add_kind = add_kind.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                if let Some(kind) = QuestionKind::from_code(&select.value()) {
                    add_kind.set(kind);
                }
            }
        })
    };
    let changed = *copy != props.session.survey;
    let n_questions = copy.questions.len();

    html! {
        <div class="editor">
            <div class="editor-classic">
                <label for="editor-town">{ settings.t("duplo-town") }</label>
                <input id="editor-town" type="text" value={(*town).clone()} oninput={on_town}
                    placeholder={settings.t("survey-default-town")} />
                <button type="button" onclick={classic}>{ settings.t("duplo-classic-survey") }</button>
            </div>
            <p>
                <label for="editor-title">{ settings.t("duplo-survey-title") }</label>
                <input id="editor-title" type="text" value={copy.title.clone()}
                    oninput={input_value(edit(Rc::new(|v| Some(Edit::Title(v)))))} />
            </p>
            { for copy.questions.iter().enumerate().map(|(qi, q)| {
                let n = qi + 1;
                let qid = format!("editor-q{qi}");
                let n_choices = q.choices.len();
                html! {
                    <fieldset class="editor-question">
                        <legend>{ settings.t_args("duplo-question-n", &[("n", n.into())]) }</legend>
                        <div class="editor-row">
                            <label for={format!("{qid}-label")}>{ settings.t("duplo-question-label") }</label>
                            <input id={format!("{qid}-label")} type="text" value={q.label.clone()}
                                oninput={input_value(edit(Rc::new(move |v| Some(Edit::QuestionLabel(qi, v)))))} />
                            <label for={format!("{qid}-role")}>{ settings.t("duplo-question-role") }</label>
                            <select id={format!("{qid}-role")}
                                onchange={select_value(edit(Rc::new(move |v| Role::from_code(&v).map(|role| Edit::QuestionRole(qi, role)))))}>
                                { for Role::ALL.iter().map(|r| html! {
                                    <option value={r.code()} selected={q.role == *r}>{ settings.t(&format!("duplo-role-{}", r.code())) }</option>
                                }) }
                            </select>
                            <button type="button" onclick={click(Edit::MoveQuestion(qi, -1))} disabled={qi == 0}
                                aria-label={settings.t_args("duplo-question-up", &[("n", n.into())])}>{ "↑" }</button>
                            <button type="button" onclick={click(Edit::MoveQuestion(qi, 1))} disabled={qi + 1 == n_questions}
                                aria-label={settings.t_args("duplo-question-down", &[("n", n.into())])}>{ "↓" }</button>
                            <button type="button" class="danger" onclick={click(Edit::RemoveQuestion(qi))}
                                aria-label={settings.t_args("duplo-question-remove", &[("n", n.into())])}>{ "✕" }</button>
                        </div>
                        <ol class="editor-choices">
                            { for q.choices.iter().enumerate().map(|(ci, c)| {
                                let m = ci + 1;
                                let cid = format!("{qid}-c{ci}");
                                html! {
                                    <li class="editor-row">
                                        <span class={super::swatch_class(c.colour)} aria-hidden="true"></span>
                                        <label for={format!("{cid}-label")} class="visually-hidden">
                                            { settings.t_args("duplo-choice-label", &[("n", m.into()), ("question", n.into())]) }
                                        </label>
                                        <input id={format!("{cid}-label")} type="text" value={c.label.clone()}
                                            oninput={input_value(edit(Rc::new(move |v| Some(Edit::ChoiceLabel(qi, ci, v)))))} />
                                        <label for={format!("{cid}-colour")} class="visually-hidden">
                                            { settings.t_args("duplo-choice-colour", &[("n", m.into()), ("question", n.into())]) }
                                        </label>
                                        <select id={format!("{cid}-colour")}
                                            onchange={select_value(edit(Rc::new(move |v| BrickColour::ALL.into_iter().find(|b| b.name() == v).map(|b| Edit::ChoiceColour(qi, ci, b)))))}>
                                            { for BrickColour::ALL.iter().map(|b| html! {
                                                <option value={b.name()} selected={*b == c.colour}>{ settings.t(&b.label_key()) }</option>
                                            }) }
                                        </select>
                                        <button type="button" onclick={click(Edit::MoveChoice(qi, ci, -1))} disabled={ci == 0}
                                            aria-label={settings.t_args("duplo-choice-up", &[("n", m.into()), ("question", n.into())])}>{ "↑" }</button>
                                        <button type="button" onclick={click(Edit::MoveChoice(qi, ci, 1))} disabled={ci + 1 == n_choices}
                                            aria-label={settings.t_args("duplo-choice-down", &[("n", m.into()), ("question", n.into())])}>{ "↓" }</button>
                                        <button type="button" class="danger" onclick={click(Edit::RemoveChoice(qi, ci))}
                                            aria-label={settings.t_args("duplo-choice-remove", &[("n", m.into()), ("question", n.into())])}>{ "✕" }</button>
                                    </li>
                                }
                            }) }
                        </ol>
                        <button type="button" onclick={click(Edit::AddChoice(qi))} disabled={n_choices >= MAX_CHOICES}>
                            { settings.t("duplo-add-choice") }
                        </button>
                    </fieldset>
                }
            }) }
            <div class="editor-row">
                <label for="editor-kind">{ settings.t("duplo-add-kind") }</label>
                <select id="editor-kind" onchange={on_kind}>
                    { for QuestionKind::ALL.iter().map(|k| html! {
                        <option value={k.code()} selected={*add_kind == *k}>{ settings.t(&format!("duplo-kind-{}", k.code())) }</option>
                    }) }
                </select>
                <button type="button" onclick={click(Edit::AddQuestion(*add_kind))}>{ settings.t("duplo-add-question") }</button>
            </div>
            if !problems.is_empty() {
                <div role="alert" class="problems">
                    <p>{ settings.t("duplo-survey-problems") }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                </div>
            }
            <div class="button-row">
                <button type="button" class="primary" onclick={save} disabled={!changed}>{ settings.t("duplo-save-survey") }</button>
                <button type="button" onclick={reset} disabled={!changed}>{ settings.t("duplo-discard-survey") }</button>
            </div>
        </div>
    }
}
