//! "Qui est unique ?": how many people are alone in their combination of answers as
//! questions are added one by one, the dataset's k-anonymity, which question would
//! single out the most people, and sentences to read aloud (core's `aloud`: about
//! combinations, never a person). In large type for the back of the room.

use std::rc::Rc;

use briques_core::i18n::format_percent;
use briques_core::survey::{aloud, analysis};
use briques_core::survey::{Role, Session};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::short;
use crate::components::figure::Figure;
use crate::hooks::use_settings;
use crate::state::duplo::{DuploAction, ViewOptions};

const ROW_H: f64 = 34.0;
const LABEL_W: f64 = 230.0;
const BAR_W: f64 = 320.0;

/// Props of [`UniquePanel`].
#[derive(Properties, PartialEq)]
pub struct UniqueProps {
    /// The session.
    pub session: Rc<Session>,
    /// View settings (which questions are combined).
    pub view: ViewOptions,
    /// Where view changes go.
    pub on_action: Callback<DuploAction>,
    /// On the room's projected screen: the sentences without the facilitator's note.
    #[prop_or_default]
    pub projected: bool,
}

/// The re-identification panel.
#[function_component]
pub fn UniquePanel(props: &UniqueProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let survey = &props.session.survey;
    let questions = props.view.unique_questions(survey);
    let steps = analysis::progression(&props.session, &questions).unwrap_or_default();
    let respondents = props.session.responses.len();
    let last = steps.last();
    let unique = last.map_or(0, |s| s.unique);
    let k = last.map_or(0, |s| s.k_anonymity);
    let next = analysis::most_identifying_next(&props.session, &questions)
        .ok()
        .flatten();
    let label = |id: &str| survey.question(id).map(|q| q.label.clone()).unwrap_or_default();
    let sentences = aloud::sentences(&props.session, &questions).unwrap_or_default();

    let toggle = |id: String| {
        let on_action = props.on_action.clone();
        let view = props.view.clone();
        Callback::from(move |event: Event| {
            let checked = event
                .target_dyn_into::<HtmlInputElement>()
                .is_some_and(|i| i.checked());
            let mut view = view.clone();
            view.excluded.retain(|q| *q != id);
            if !checked {
                view.excluded.push(id.clone());
            }
            on_action.emit(DuploAction::SetView(view));
        })
    };

    let width = LABEL_W + BAR_W + 160.0;
    let height = 10.0 + steps.len().max(1) as f64 * ROW_H;
    let bars = steps.iter().enumerate().map(|(i, step)| {
        let y = 10.0 + i as f64 * ROW_H;
        let w = if respondents == 0 { 0.0 } else { BAR_W * step.unique as f64 / respondents as f64 };
        let added = label(&questions[i]);
        let name = if i == 0 { short(&added, 28) } else { format!("+ {}", short(&added, 26)) };
        html! {
            <g>
                <text x={(LABEL_W - 8.0).to_string()} y={(y + 18.0).to_string()} text-anchor="end" font-size="14" fill="currentColor">
                    <title>{ added }</title>{ name }
                </text>
                <rect x={LABEL_W.to_string()} y={y.to_string()} width={BAR_W.to_string()} height="24" fill="#eceff4" stroke="#767b85" />
                <rect x={LABEL_W.to_string()} y={y.to_string()} width={w.to_string()} height="24" fill="#D55E00" />
                <text x={(LABEL_W + BAR_W + 8.0).to_string()} y={(y + 18.0).to_string()} font-size="14" fill="currentColor">
                    { format!("{} / {} ({})", step.unique, step.respondents, format_percent(lang, step.unique_share(), 0)) }
                </text>
            </g>
        }
    });

    html! {
        <>
            <p class="explain">{ settings.t("duplo-unique-explain") }</p>
            <fieldset class="unique-questions">
                <legend>{ settings.t("duplo-unique-questions") }</legend>
                { for survey.questions.iter().map(|q| {
                    let id = format!("unique-q-{}", q.id);
                    html! {
                        <span class="check">
                            <input type="checkbox" id={id.clone()} checked={!props.view.excluded.contains(&q.id)}
                                onchange={toggle(q.id.clone())} />
                            <label for={id}>
                                { &q.label }
                                if q.role == Role::QuasiIdentifier {
                                    <span class="tag">{ settings.t("duplo-role-quasi-identifier") }</span>
                                }
                            </label>
                        </span>
                    }
                }) }
            </fieldset>
            <div class="unique-figures" aria-live="polite">
                <p class="unique-big" data-unique={unique.to_string()}>
                    <strong class="big-number">{ unique }</strong>
                    <span>{ settings.t_args("duplo-unique-sentence", &[("unique", unique.into()), ("respondents", respondents.into())]) }</span>
                </p>
                <p class="unique-big" data-k={k.to_string()}>
                    <strong class="big-number">{ k }</strong>
                    <span>{ settings.t("duplo-k-sentence") }</span>
                </p>
            </div>
            if !sentences.is_empty() {
                // On the facilitator's page in projector mode the sentences are for the
                // facilitator to read aloud, not to project: hidden there (style.css),
                // so the panel keeps to one 720p screen; the live screen shows them.
                <div class={classes!("aloud", (!props.projected).then_some("aloud-facilitator"))} aria-live="polite">
                    if !props.projected {
                        <h3 id="aloud-title">{ settings.t("duplo-aloud-title") }</h3>
                        <p class="hint">{ settings.t("duplo-aloud-hint") }</p>
                    }
                    <ul class="aloud-list" aria-labelledby={(!props.projected).then_some("aloud-title")}>
                        { for sentences.iter().map(|a| html! { <li>{ a.sentence(lang) }</li> }) }
                    </ul>
                </div>
            }
            if let Some((id, n)) = next {
                <p>{ settings.t_args("duplo-next-question", &[("question", label(&id).as_str().into()), ("unique", n.into())]) }</p>
            }
            <Figure id="duplo-progression" title={settings.t("duplo-progression")}>
                <svg viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                    role="img" aria-labelledby="progression-svg-title progression-svg-desc" class="chart-svg"
                    font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif">
                    <title id="progression-svg-title">{ settings.t("duplo-progression") }</title>
                    <desc id="progression-svg-desc">
                        { steps.iter().enumerate().map(|(i, s)| format!("{} : {}", label(&questions[i]), s.unique)).collect::<Vec<_>>().join(", ") }
                    </desc>
                    { for bars }
                </svg>
            </Figure>
            <ol class="progression-list visually-hidden">
                { for steps.iter().enumerate().map(|(i, s)| html! {
                    <li data-unique={s.unique.to_string()}>{ format!("{} : {} / {}", label(&questions[i]), s.unique, s.respondents) }</li>
                }) }
            </ol>
        </>
    }
}
