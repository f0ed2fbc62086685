//! After "Qui est unique ?": what the groups give away without anyone being unique
//! (ℓ-diversity, with the sentences of the groups whose members all gave the same
//! opinion), and protecting the answers live — merge choices of a quasi-identifier, stop
//! publishing one, remove the people still unique — with, at each step, k, the people
//! unique, ℓ and what was lost. Steps can be undone; the answers themselves are never
//! changed (`survey::generalise::apply` works on a copy).

use std::rc::Rc;

use briques_core::survey::analysis;
use briques_core::survey::disclosure::{attribute_disclosure, sensitive_questions, Disclosure};
use briques_core::survey::generalise::{apply, Loss, Merge, Plan};
use briques_core::survey::Session;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::hooks::use_settings;
use crate::state::duplo::ViewOptions;

/// How many group sentences are listed (the count says how many more there are).
const SENTENCES: usize = 6;

/// Props of [`ProtectPanel`].
#[derive(Properties, PartialEq)]
pub struct ProtectProps {
    /// The session.
    pub session: Rc<Session>,
    /// View settings (which questions are combined).
    pub view: ViewOptions,
}

/// One step of the protection, in the order taken.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Merge(Merge),
    Drop(String),
    RemoveUnique,
}

fn plan(steps: &[Step]) -> Plan {
    let mut plan = Plan::default();
    for step in steps {
        match step {
            Step::Merge(merge) => plan.merge.push(merge.clone()),
            Step::Drop(question) => plan.drop.push(question.clone()),
            Step::RemoveUnique => plan.remove_unique = true,
        }
    }
    plan
}

/// k, the people unique, the disclosure: on `quasi` of `session`.
fn figures(session: &Session, quasi: &[String]) -> (usize, usize, Option<Disclosure>) {
    let uniqueness = analysis::uniqueness(session, quasi).ok();
    let sensitive = sensitive_questions(&session.survey, quasi);
    let disclosure = attribute_disclosure(session, quasi, &sensitive).ok();
    (
        uniqueness.as_ref().map_or(0, |u| u.k_anonymity),
        uniqueness.as_ref().map_or(0, |u| u.unique),
        disclosure,
    )
}

/// The protection panel.
#[function_component]
pub fn ProtectPanel(props: &ProtectProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let steps = use_state(Vec::<Step>::new);
    let merge_question = use_state(String::new);
    let merge_label = use_state(String::new);
    let survey = &props.session.survey;
    let quasi = props.view.quasi_identifiers(survey);

    let applied = apply(&props.session, &plan(&steps), &quasi);
    let (session, quasi_now, loss, problems) = match &applied {
        Ok(g) => (&g.session, g.quasi.clone(), g.loss.clone(), Vec::new()),
        Err(problems) => (
            &*props.session,
            quasi.clone(),
            Loss::default(),
            problems.iter().map(|p| p.message(lang)).collect(),
        ),
    };
    let (k, unique, disclosure) = figures(session, &quasi_now);
    let survey_now = &session.survey;

    let push = {
        let steps = steps.clone();
        move |step: Step| {
            let mut next = (*steps).clone();
            next.push(step);
            steps.set(next);
        }
    };
    let undo = {
        let steps = steps.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*steps).clone();
            next.pop();
            steps.set(next);
        })
    };
    let on_question = {
        let merge_question = merge_question.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                merge_question.set(select.value());
            }
        })
    };
    let on_label = {
        let merge_label = merge_label.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                merge_label.set(input.value());
            }
        })
    };
    let on_merge = {
        let (push, merge_question, merge_label) = (push.clone(), merge_question.clone(), merge_label.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // The choices ticked in the form.
            let choices: Vec<String> = gloo::utils::document()
                .query_selector_all(".protect-merge input[type=checkbox]:checked")
                .map(|list| {
                    (0..list.length())
                        .filter_map(|i| list.item(i))
                        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(n).ok())
                        .map(|input| input.value())
                        .collect()
                })
                .unwrap_or_default();
            if merge_question.is_empty() || choices.len() < 2 || merge_label.trim().is_empty() {
                return;
            }
            push(Step::Merge(Merge {
                question: (*merge_question).clone(),
                choices,
                label: merge_label.trim().to_owned(),
            }));
            merge_label.set(String::new());
        })
    };

    let question_label = |id: &str| survey.question(id).map(|q| q.label.clone()).unwrap_or_default();
    let step_text = |step: &Step| match step {
        Step::Merge(m) => settings.t_args(
            "duplo-protect-step-merge",
            &[
                ("question", question_label(&m.question).as_str().into()),
                ("label", m.label.as_str().into()),
                ("count", m.choices.len().into()),
            ],
        ),
        Step::Drop(q) => settings.t_args(
            "duplo-protect-step-drop",
            &[("question", question_label(q).as_str().into())],
        ),
        Step::RemoveUnique => settings.t("duplo-protect-step-remove"),
    };
    let chosen = survey_now
        .question(&merge_question)
        .filter(|q| quasi_now.contains(&q.id));
    let min_l = disclosure
        .as_ref()
        .and_then(|d| d.diversity.iter().filter_map(|d| d.l).min());
    let homogeneous = disclosure.as_ref().map_or(0, |d| d.homogeneous.len());

    html! {
        <section class="panel protect" aria-labelledby="protect-title">
            <h2 id="protect-title">{ settings.t("survey-l-diversity-title") }</h2>
            <p class="explain">{ settings.t("survey-l-diversity-explain") }</p>
            if quasi.is_empty() {
                <p>{ settings.t("duplo-protect-no-quasi") }</p>
            }
            if let Some(d) = &disclosure {
                <ul class="protect-diversity">
                    { for d.diversity.iter().map(|v| html! { <li>{ v.sentence(survey_now, lang) }</li> }) }
                </ul>
                if !d.homogeneous.is_empty() {
                    <ul class="protect-groups" data-homogeneous={homogeneous.to_string()}>
                        { for d.homogeneous.iter().take(SENTENCES).map(|g| html! {
                            <li>{ g.sentence(survey_now, &d.quasi, lang) }</li>
                        }) }
                    </ul>
                    if homogeneous > SENTENCES {
                        <p class="hint">{ settings.t_args("duplo-protect-more", &[("count", (homogeneous - SENTENCES).into())]) }</p>
                    }
                }
            }

            <h3 id="protect-steps-title">{ settings.t("duplo-protect-title") }</h3>
            <p class="explain">{ settings.t("duplo-protect-explain") }</p>
            <div class="unique-figures" aria-live="polite">
                <p class="unique-big" data-protect-k={k.to_string()}>
                    <strong class="big-number">{ k }</strong><span>{ settings.t("duplo-k-sentence") }</span>
                </p>
                <p class="unique-big" data-protect-unique={unique.to_string()}>
                    <strong class="big-number">{ unique }</strong>
                    <span>{ settings.t_args("duplo-unique-sentence", &[("unique", unique.into()), ("respondents", session.responses.len().into())]) }</span>
                </p>
                <p class="unique-big" data-protect-l={min_l.map(|l| l.to_string()).unwrap_or_default()}>
                    <strong class="big-number">{ min_l.map_or("–".to_owned(), |l| l.to_string()) }</strong>
                    <span>{ settings.t("duplo-protect-l") }</span>
                </p>
            </div>
            if !steps.is_empty() {
                <ol class="protect-steps" aria-labelledby="protect-steps-title">
                    { for steps.iter().map(|s| html! { <li>{ step_text(s) }</li> }) }
                </ol>
                <p data-protect-loss={format!("{:.4}", loss.information_loss())}>{ loss.summary(lang) }{ " " }{ loss.figure(lang) }</p>
                <p class="hint">{ Loss::explanation(lang) }</p>
                <button type="button" onclick={undo}>{ settings.t("duplo-protect-undo") }</button>
            }
            for problem in problems.iter() {
                <p class="error" role="alert">{ problem.clone() }</p>
            }
            if !quasi_now.is_empty() {
                <form class="protect-merge" onsubmit={on_merge}>
                    <label for="protect-question">{ settings.t("duplo-protect-question") }</label>
                    <select id="protect-question" onchange={on_question}>
                        <option value="" selected={chosen.is_none()}>{ settings.t("duplo-protect-choose") }</option>
                        { for quasi_now.iter().filter_map(|id| survey_now.question(id)).map(|q| html! {
                            <option value={q.id.clone()} selected={chosen.is_some_and(|c| c.id == q.id)}>{ &q.label }</option>
                        }) }
                    </select>
                    if let Some(q) = chosen {
                        <fieldset>
                            <legend>{ settings.t("duplo-protect-choices") }</legend>
                            { for q.choices.iter().map(|c| {
                                let id = format!("protect-choice-{}", c.id);
                                html! {
                                    <span class="check">
                                        <input type="checkbox" id={id.clone()} value={c.id.clone()} />
                                        <label for={id}>{ &c.label }</label>
                                    </span>
                                }
                            }) }
                        </fieldset>
                        <label for="protect-label">{ settings.t("duplo-protect-label") }</label>
                        <input id="protect-label" type="text" value={(*merge_label).clone()} oninput={on_label} />
                        <button type="submit">{ settings.t("duplo-protect-merge") }</button>
                    }
                </form>
                <div class="protect-actions">
                    { for quasi_now.iter().filter_map(|id| survey_now.question(id)).map(|q| {
                        let push = push.clone();
                        let id = q.id.clone();
                        html! {
                            <button type="button" onclick={Callback::from(move |_: MouseEvent| push(Step::Drop(id.clone())))}>
                                { settings.t_args("duplo-protect-drop", &[("question", q.label.as_str().into())]) }
                            </button>
                        }
                    }) }
                    if unique > 0 && !steps.contains(&Step::RemoveUnique) {
                        <button type="button" onclick={{
                            let push = push.clone();
                            Callback::from(move |_: MouseEvent| push(Step::RemoveUnique))
                        }}>{ settings.t("duplo-protect-remove") }</button>
                    }
                </div>
            }
        </section>
    }
}
