//! The Duplo exercise on one device: fast entry, brick towers, bars, cross-tab,
//! "Qui est unique ?", the responses, the survey editor and files. The state lives in
//! `state::duplo`; every change is saved to local storage by the effects below.

use briques_core::survey::analysis;
use yew::prelude::*;

use crate::components::duplo::charts::{Bars, StackedBars, Towers};
use crate::components::duplo::crosstab::CrossTabView;
use crate::components::duplo::editor::SurveyEditor;
use crate::components::duplo::entry::EntryPanel;
use crate::components::duplo::files::FilesPanel;
use crate::components::duplo::linkage::LinkagePanel;
use crate::components::duplo::population::PopulationPanel;
use crate::components::duplo::protect::ProtectPanel;
use crate::components::duplo::responses::ResponsesSection;
use crate::components::duplo::unique::UniquePanel;
use crate::components::duplo::view_select;
use crate::components::figure::Figure;
use crate::hooks::{use_settings, SettingsHandle};
use crate::services::duplo_store;
use crate::state::duplo::{DuploAction, DuploState, Notice, ViewOptions};

fn notice_text(settings: &SettingsHandle, notice: &Notice) -> String {
    let n = |p: u32| (p as usize).into();
    match notice {
        Notice::Saved(p) => settings.t_args("duplo-notice-saved", &[("participant", n(*p))]),
        Notice::Updated(p) => settings.t_args("duplo-notice-updated", &[("participant", n(*p))]),
        Notice::Deleted(p) => settings.t_args("duplo-notice-deleted", &[("participant", n(*p))]),
        Notice::Undone => settings.t("duplo-notice-undone"),
        Notice::NothingToUndo => settings.t("duplo-notice-nothing-to-undo"),
        Notice::Imported(count) => settings.t_args("duplo-notice-imported", &[("count", (*count).into())]),
        Notice::SurveyChanged(lost) => settings.t_args("duplo-notice-survey", &[("lost", (*lost).into())]),
        Notice::NewSession => settings.t("duplo-notice-new"),
        Notice::Error(message) => {
            settings.t_args("duplo-notice-error", &[("message", message.as_str().into())])
        }
    }
}

/// The Duplo page.
#[function_component]
pub fn DuploPage() -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let state = use_reducer(move || {
        let (session, draft, view) = duplo_store::load(lang);
        DuploState::new(session, draft, view)
    });

    // Nothing lost: each change is written as soon as it is made.
    {
        let dispatcher = state.dispatcher();
        let settings = settings.clone();
        use_effect_with(state.session.clone(), move |session| {
            if let Err(error) = duplo_store::save_session(session) {
                dispatcher.dispatch(DuploAction::Fail(settings.t(error.message_key())));
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        let settings = settings.clone();
        use_effect_with(state.draft.clone(), move |draft| {
            if let Err(error) = duplo_store::save_draft(draft) {
                dispatcher.dispatch(DuploAction::Fail(settings.t(error.message_key())));
            }
        });
    }
    use_effect_with(state.view.clone(), duplo_store::save_view);
    // The default survey speaks the interface language (also once its catalogue arrives).
    {
        let dispatcher = state.dispatcher();
        use_effect_with((lang, settings.catalogues()), move |&(lang, _)| {
            dispatcher.dispatch(DuploAction::FollowLanguage { lang })
        });
    }

    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: DuploAction| dispatcher.dispatch(action))
    };
    let session = state.session.clone();
    let survey = &session.survey;
    let count = session.responses.len();

    let on_page_keys = {
        let (view, on_action) = (state.view.clone(), on_action.clone());
        Callback::from(move |_: Event| {
            on_action.emit(DuploAction::SetView(ViewOptions {
                page_keys: !view.page_keys,
                ..view.clone()
            }))
        })
    };
    let towers_q = state.view.towers_question(survey).map(str::to_owned);
    let set_view = |change: fn(&mut ViewOptions, String)| view_select(&state.view, &on_action, change);
    let towers_controls = html! {
        <div class="controls">
            <label>{ settings.t("duplo-towers-question") }
                <select onchange={set_view(|v, id| v.towers_question = Some(id))}>
                    { for survey.questions.iter().map(|q| html! {
                        <option value={q.id.clone()} selected={Some(&q.id) == towers_q.as_ref()}>{ &q.label }</option>
                    }) }
                </select>
            </label>
            <label>{ settings.t("duplo-colour-by") }
                <select onchange={set_view(|v, id| v.colour_by = (!id.is_empty()).then_some(id))}>
                    <option value="" selected={state.view.colour_by.is_none()}>{ settings.t("duplo-colour-none") }</option>
                    { for survey.questions.iter().filter(|q| Some(&q.id) != towers_q.as_ref()).map(|q| html! {
                        <option value={q.id.clone()} selected={state.view.colour_by.as_ref() == Some(&q.id)}>{ &q.label }</option>
                    }) }
                </select>
            </label>
        </div>
    };
    let colour_by = state
        .view
        .colour_by
        .clone()
        .filter(|id| Some(id) != towers_q.as_ref());
    let answered = analysis::tallies(&session)
        .iter()
        .map(|t| t.answered())
        .sum::<usize>();

    html! {
        <div class="duplo">
            <h1>{ settings.t("home-duplo-title") }</h1>
            <p class="lead">{ settings.t("duplo-intro") }</p>
            if !survey.title.trim().is_empty() && survey.title != settings.t("survey-default-title") {
                <p class="survey-title">{ &survey.title }</p>
            }
            <div class="duplo-top">
                <section class="panel entry" aria-labelledby="entry-title">
                    <h2 id="entry-title">{ settings.t("duplo-entry-title") }</h2>
                    <EntryPanel session={session.clone()} draft={state.draft.clone()} editing={state.editing}
                        participant={state.draft_participant()} cursor={state.cursor} can_undo={state.can_undo()}
                        page_keys={state.view.page_keys} on_action={on_action.clone()} />
                    <label class="check"><input type="checkbox" checked={state.view.page_keys} onchange={on_page_keys} />
                        { settings.t("duplo-page-keys") }</label>
                    <p class="notice" role="status">
                        { state.notice.as_ref().map(|n| notice_text(&settings, n)).unwrap_or_default() }
                    </p>
                </section>
                <section class="panel count" aria-labelledby="count-title">
                    <h2 id="count-title" class="visually-hidden">{ settings.t("duplo-count-title") }</h2>
                    <p class="big-count"><strong class="big-number" id="participant-count">{ count }</strong>
                        <span>{ settings.t_args("duplo-participants", &[("count", count.into())]) }</span></p>
                    <p class="hint">{ settings.t_args("duplo-answers", &[("count", answered.into())]) }</p>
                </section>
            </div>
            <section class="panel" aria-labelledby="views-title">
                <h2 id="views-title">{ settings.t("duplo-views-title") }</h2>
                if let Some(question) = towers_q.clone() {
                    <Figure id="duplo-tours" title={settings.t("duplo-towers")}  controls={towers_controls}>
                        <Towers session={session.clone()} question={question} colour_by={colour_by.map(AttrValue::from)} />
                    </Figure>
                }
                <div class="two-columns">
                    <Figure id="duplo-barres" title={settings.t("duplo-bars")}>
                        <Bars session={session.clone()} />
                    </Figure>
                    <Figure id="duplo-barres-empilees" title={settings.t("duplo-stacked")}>
                        <StackedBars session={session.clone()} />
                    </Figure>
                </div>
            </section>
            <section class="panel" aria-labelledby="cross-title">
                <h2 id="cross-title">{ settings.t("duplo-cross-section") }</h2>
                <CrossTabView session={session.clone()} view={state.view.clone()} on_action={on_action.clone()} />
            </section>
            <section class="panel unique" aria-labelledby="unique-title">
                <h2 id="unique-title">{ settings.t("duplo-unique-title") }</h2>
                <UniquePanel session={session.clone()} view={state.view.clone()} on_action={on_action.clone()} />
            </section>
            <ProtectPanel session={session.clone()} view={state.view.clone()} />
            <PopulationPanel session={session.clone()} view={state.view.clone()} />
            <LinkagePanel session={session.clone()} view={state.view.clone()} />
            <ResponsesSection session={session.clone()} on_action={on_action.clone()} collapsed={settings.projector()} />
            <section class="panel" aria-labelledby="survey-title">
                <details>
                    <summary><h2 id="survey-title">{ settings.t("duplo-survey-section") }</h2></summary>
                    <SurveyEditor session={session.clone()} on_action={on_action.clone()} />
                </details>
            </section>
            <section class="panel" aria-labelledby="files-title">
                <h2 id="files-title">{ settings.t("duplo-files-title") }</h2>
                <FilesPanel session={session.clone()} on_action={on_action.clone()} />
            </section>
        </div>
    }
}
