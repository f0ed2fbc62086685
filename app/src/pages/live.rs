//! Live sessions in the browser: the effects (requests, event streams, local storage)
//! and the layout of three pages whose state is in `state::live` and whose pieces are
//! in `components::live`.
//!
//! - [`DirectPage`] (`/direct`): join with a code, or start a session with the Duplo
//!   page's survey.
//! - The participant's page (`/live/{code}`) is not the app's: the server renders it
//!   (`server/src/live/participant.rs`), light enough for old phones.
//! - [`ProjectorPage`] (`/live/{code}/projecteur`): the join code, QR codes and
//!   addresses, the facilitator's controls, and the Duplo views, updated live.
//!
//! Requests and replies are `briques_core::live` types, never JSON written by hand.
//! The facilitator's secret arrives in the address's fragment (never sent to a server)
//! and is kept in local storage; it leaves the address bar once kept. When it cannot
//! be kept, the address keeps it and the page tells the facilitator to keep the address.

use std::rc::Rc;

use briques_core::live::steps::Phase;
use briques_core::live::steps::Vote;
use briques_core::live::{
    normalise_code, Ack, Control, CreateSession, FacilitatorReply, Input, Removed, Screen, Step,
};
use briques_core::site::storage_live_secret;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::duplo::charts::{Bars, Towers};
use crate::components::duplo::crosstab::CrossTabView;
use crate::components::duplo::linkage::LinkagePanel;
use crate::components::duplo::population::PopulationPanel;
use crate::components::duplo::protect::ProtectPanel;
use crate::components::duplo::responses::ResponsesSection;
use crate::components::duplo::unique::UniquePanel;
use crate::components::figure::Figure;
use crate::components::live::controls::FacilitatorControls;
use crate::components::live::join::JoinForm;
use crate::components::live::join_info::JoinInfo;
use crate::components::live::steps::{StepView, VoteCharts};
use crate::components::live::{problem_text, secret_not_saved_text};
use crate::hooks::use_settings;
use crate::services::api::{self, use_event_stream};
use crate::services::dialog::confirm;
use crate::services::storage::{read, save};
use crate::services::{duplo_store, live_start};
use crate::state::duplo::{DuploAction, ViewOptions};
use crate::state::live::{
    DirectAction, DirectState, Problem, ProjectorAction, ProjectorState, SecretNotSaved,
};

/// A full page load (the server explains an unknown or ended session).
fn go(path: &str) {
    let _ = gloo::utils::window().location().assign(path);
}

/// An address of the live API for the session `code`.
fn api_url(code: &str, rest: &str) -> String {
    format!("/api/live/sessions/{code}{rest}")
}

/// The secret in the address's fragment (`#cle=…`), if any.
fn secret_in_address() -> Option<String> {
    gloo::utils::window()
        .location()
        .hash()
        .ok()
        .and_then(|hash| hash.strip_prefix("#cle=").map(str::to_owned))
        .filter(|secret| !secret.is_empty())
}

/// Removes a `#cle=…` fragment from the address bar; the history entry is replaced, so
/// going back does not show it again.
fn forget_secret_in_address() {
    let window = gloo::utils::window();
    let location = window.location();
    if location.hash().is_ok_and(|hash| hash.starts_with("#cle=")) {
        if let Ok(history) = window.history() {
            let path = location.pathname().unwrap_or_default();
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

/// `/direct`: join a session with its code, or start one.
#[function_component]
pub fn DirectPage() -> Html {
    let settings = use_settings();
    let state = use_reducer(DirectState::default);
    let on_input = {
        let dispatcher = state.dispatcher();
        Callback::from(move |code| dispatcher.dispatch(DirectAction::TypeCode { code }))
    };
    let on_join = {
        let (dispatcher, code) = (state.dispatcher(), state.code.clone());
        Callback::from(move |()| match normalise_code(&code) {
            Some(code) => go(&format!("/live/{code}")),
            None => dispatcher.dispatch(DirectAction::Fail {
                problem: Problem::BadCode,
            }),
        })
    };
    let on_start = {
        let dispatcher = state.dispatcher();
        let lang = settings.lang();
        Callback::from(move |_: MouseEvent| {
            let (session, _, _) = duplo_store::load(lang);
            let request = CreateSession {
                survey: session.survey,
                mask_k: None,
                steps: Vec::new(),
            };
            dispatcher.dispatch(DirectAction::Start);
            let dispatcher = dispatcher.clone();
            spawn_local(async move {
                if let Err(problem) = live_start::start(request).await {
                    dispatcher.dispatch(DirectAction::Fail { problem });
                }
            });
        })
    };
    html! {
        <>
            <h1>{ settings.t("live-title") }</h1>
            <p class="lead">{ settings.t("live-intro") }</p>
            <JoinForm code={state.code.clone()} {on_input} on_submit={on_join} />
            <section class="panel" aria-labelledby="start-title">
                <h2 id="start-title">{ settings.t("live-start-title") }</h2>
                <p>{ settings.t("live-start-text") }</p>
                <button type="button" class="primary" onclick={on_start} disabled={state.busy}>{ settings.t("live-start") }</button>
            </section>
            if let Some(problem) = &state.problem {
                <p role="alert" class="problems">{ problem_text(&settings, problem) }</p>
            }
        </>
    }
}

/// Props of the live pages.
#[derive(Properties, PartialEq)]
pub struct LiveProps {
    /// Join code from the address.
    pub code: AttrValue,
}

/// What a facilitator request's outcome does to the page.
fn outcome<T>(result: Result<T, Problem>) -> ProjectorAction {
    match result {
        Ok(_) => ProjectorAction::Done,
        Err(problem) => ProjectorAction::Fail { problem },
    }
}

/// The facilitator's connection to a session, shared by the presenter and the screen:
/// the secret (from the address's fragment or this device, else typed), its check and
/// the join addresses, and the facilitator's event stream.
#[hook]
fn use_facilitator(code: &str) -> UseReducerHandle<ProjectorState> {
    let state = {
        let code = code.to_owned();
        use_reducer(move || {
            ProjectorState::new(secret_in_address().or_else(|| read(&storage_live_secret(&code))))
        })
    };

    // The secret is kept on this device, and only then leaves the address bar.
    {
        let (dispatcher, code) = (state.dispatcher(), code.to_owned());
        use_effect_with(state.secret.clone(), move |secret| {
            if let Some(secret) = secret {
                match save(&storage_live_secret(&code), secret) {
                    Ok(()) => forget_secret_in_address(),
                    Err(error) => dispatcher.dispatch(ProjectorAction::SecretNotSaved {
                        not_saved: SecretNotSaved {
                            error,
                            in_address: secret_in_address().as_ref() == Some(secret),
                        },
                    }),
                }
            }
        });
    }
    // Checks the secret and gets the join addresses.
    {
        let (dispatcher, code) = (state.dispatcher(), code.to_owned());
        use_effect_with(state.secret.clone(), move |secret| {
            if let Some(secret) = secret.clone() {
                spawn_local(async move {
                    let auth = format!("Bearer {secret}");
                    let url = api_url(&code, "/facilitator");
                    match api::call_json::<FacilitatorReply>("GET", &url, &[("authorization", &auth)], None)
                        .await
                    {
                        Ok(reply) => dispatcher.dispatch(ProjectorAction::Addresses {
                            join_urls: reply.join_urls,
                        }),
                        Err(problem) => dispatcher.dispatch(ProjectorAction::Fail { problem }),
                    }
                });
            }
        });
    }
    // An event stream cannot carry a header: the secret goes in the query.
    let stream = state
        .secret
        .as_ref()
        .map(|secret| api_url(code, &format!("/facilitator/events?secret={secret}")));
    let event = use_event_stream(stream);
    {
        let dispatcher = state.dispatcher();
        use_effect_with(event, move |event| {
            if let Some(text) = event.clone() {
                dispatcher.dispatch(ProjectorAction::View { text });
            }
        });
    }
    state
}

/// The form that asks for the secret when this device does not know it.
fn secret_form(
    settings: &crate::hooks::SettingsHandle,
    state: &UseReducerHandle<ProjectorState>,
    title: String,
    problem: Option<&String>,
) -> Html {
    let oninput = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                dispatcher.dispatch(ProjectorAction::TypeSecret { text: input.value() });
            }
        })
    };
    let onsubmit = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            dispatcher.dispatch(ProjectorAction::SubmitSecret);
        })
    };
    html! {
        <>
            <h1>{ title }</h1>
            if let Some(problem) = problem { <p role="alert" class="problems">{ problem }</p> }
            <form {onsubmit} class="join-form">
                <label for="secret-input">{ settings.t("live-secret-label") }</label>
                <input id="secret-input" type="password" autocomplete="off" value={state.typed.clone()} {oninput} />
                <button type="submit" class="primary">{ settings.t("live-secret-submit") }</button>
            </form>
        </>
    }
}

/// The charts of the current step when it is a vote: drawn from its pack's data (this
/// device's copy of the pack, else the bundled one), or why they cannot be.
#[hook]
fn use_vote_charts(step: Option<Step>) -> VoteCharts {
    let settings = use_settings();
    let drawn = use_state(|| None::<Result<Rc<Vec<AttrValue>>, String>>);
    {
        let drawn = drawn.clone();
        let lang = settings.lang();
        use_effect_with(step, move |step| {
            drawn.set(None);
            if let Some(Step::Vote(vote)) = step.clone() {
                if !vote.charts.is_empty() {
                    spawn_local(async move {
                        drawn.set(Some(draw_vote(&vote, lang).await.map(Rc::new)));
                    });
                }
            }
        });
    }
    (*drawn).clone()
}

async fn draw_vote(vote: &Vote, lang: briques_core::i18n::Lang) -> Result<Vec<AttrValue>, String> {
    use briques_core::chart::data::compute;
    use briques_core::chart::draw::render_data_svg_titled;
    use briques_core::pack::model::Activity;
    let (slug, file) = vote.data.split_once('/').ok_or_else(|| vote.data.clone())?;
    let pack = crate::services::pack_store::find(slug)
        .await
        .ok_or_else(|| slug.to_owned())?;
    let csv = pack
        .activities
        .iter()
        .find_map(|a| match a {
            Activity::Donnees { file: f, csv, .. } if f == file => Some(csv.clone()),
            _ => None,
        })
        .ok_or_else(|| vote.data.clone())?;
    let ds = briques_core::dataset::import(csv.as_bytes()).map_err(|e| e.message(lang))?;
    // Neutral titles: "Graphique A", "Graphique B" (never "trompeur").
    vote.charts
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let data = compute(spec, &ds, lang).map_err(|e| e.message(lang))?;
            let letter = char::from(b'A' + i as u8).to_string();
            let title =
                briques_core::i18n::tr_args(lang, "step-chart", &[("letter", letter.as_str().into())]);
            render_data_svg_titled(spec, &data, lang, &title)
                .map(AttrValue::from)
                .map_err(|e| e.message(lang))
        })
        .collect()
}

/// The label of a step in the presenter's list.
fn step_label(settings: &crate::hooks::SettingsHandle, step: &Step, survey_title: &str) -> String {
    let kind = settings.t(&format!("step-kind-{}", step.kind()));
    let question = if matches!(step, Step::Duplo) {
        survey_title
    } else {
        step.question()
    };
    if question.trim().is_empty() {
        kind
    } else {
        format!("{kind} · {question}")
    }
}

/// `/live/{code}/projecteur`: the presenter view, on the facilitator's laptop — the
/// steps and the controls, with keyboard shortcuts, and a small live preview of the
/// projected screen.
#[function_component]
pub fn ProjectorPage(props: &LiveProps) -> Html {
    let settings = use_settings();
    let code = normalise_code(&props.code).unwrap_or_else(|| props.code.to_string());
    let state = use_facilitator(&code);
    let current_step = state.live.as_ref().and_then(|l| l.step().cloned());
    let charts = use_vote_charts(current_step.clone());

    let problem = state
        .problem
        .as_ref()
        .map(|problem| problem_text(&settings, problem));
    let auth = state.secret.as_ref().map(|secret| format!("Bearer {secret}"));
    let on_control = {
        let (dispatcher, url, auth) = (state.dispatcher(), api_url(&code, "/control"), auth.clone());
        Callback::from(move |control: Control| {
            let Some(auth) = auth.clone() else { return };
            let (dispatcher, url) = (dispatcher.clone(), url.clone());
            spawn_local(async move {
                let headers = [("authorization", auth.as_str())];
                let result = api::call_json::<Ack>("POST", &url, &headers, api::body(&control)).await;
                dispatcher.dispatch(outcome(result));
            });
        })
    };
    // Shortcuts: Page Down / Alt+→ next step, Page Up / Alt+← previous (what a
    // presentation remote sends), Alt+R shows or hides the results. Never while typing.
    {
        let on_control = on_control.clone();
        let at = state
            .live
            .as_ref()
            .map(|l| (l.state.step, l.steps.len(), l.state.revealed, l.state.ended));
        use_effect_with(at, move |at| {
            let at = *at;
            let listener = at.map(|(step, count, revealed, ended)| {
                EventListener::new(&gloo::utils::window(), "keydown", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let typing = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
                    if typing || ended || event.ctrl_key() || event.meta_key() {
                        return;
                    }
                    let key = event.key();
                    let control = match (key.as_str(), event.alt_key()) {
                        ("PageDown", _) | ("ArrowRight", true) if step + 1 < count => {
                            Some(Control::GoTo { step: step + 1 })
                        }
                        ("PageUp", _) | ("ArrowLeft", true) if step > 0 => {
                            Some(Control::GoTo { step: step - 1 })
                        }
                        ("r" | "R", true) | ("®", _) => {
                            Some(if revealed { Control::Hide } else { Control::Reveal })
                        }
                        _ => None,
                    };
                    if let Some(control) = control {
                        event.prevent_default();
                        on_control.emit(control);
                    }
                })
            });
            move || drop(listener)
        });
    }

    let Some(secret) = state.secret.clone() else {
        return secret_form(
            &settings,
            &state,
            settings.t("live-projector-title"),
            problem.as_ref(),
        );
    };
    let alerts = html! {
        <>
            if let Some(problem) = &problem { <p role="alert" class="problems">{ problem }</p> }
            if let Some(not_saved) = state.secret_not_saved {
                <p role="alert" class="problems">{ secret_not_saved_text(&settings, not_saved) }</p>
            }
        </>
    };
    let Some(live) = &state.live else {
        return html! {
            <>
                <h1>{ settings.t("live-projector-title") }</h1>
                { alerts }
                if problem.is_none() { <p role="status">{ settings.t("live-connecting") }</p> }
            </>
        };
    };

    let auth = format!("Bearer {secret}");
    let on_view_action = {
        let (dispatcher, code, auth) = (state.dispatcher(), code.clone(), auth.clone());
        let settings = settings.clone();
        Callback::from(move |action: DuploAction| match action {
            DuploAction::SetView(view) => dispatcher.dispatch(ProjectorAction::SetView { view }),
            DuploAction::Delete { participant } => {
                let question = settings.t_args(
                    "live-confirm-remove",
                    &[("participant", (participant as usize).into())],
                );
                if !confirm(&question) {
                    return;
                }
                let (dispatcher, auth) = (dispatcher.clone(), auth.clone());
                let url = api_url(&code, &format!("/participants/{participant}"));
                spawn_local(async move {
                    let headers = [("authorization", auth.as_str())];
                    let result = api::call_json::<Removed>("DELETE", &url, &headers, None).await;
                    dispatcher.dispatch(outcome(result));
                });
            }
            // Answers are entered on the phones: the projector edits nothing else.
            _ => {}
        })
    };
    let on_delete = {
        let (dispatcher, url) = (state.dispatcher(), api_url(&code, ""));
        let settings = settings.clone();
        Callback::from(move |()| {
            if !confirm(&settings.t("live-confirm-delete")) {
                return;
            }
            let (dispatcher, url, auth) = (dispatcher.clone(), url.clone(), auth.clone());
            spawn_local(async move {
                // `204 No Content`: nothing to read.
                match api::call("DELETE", &url, &[("authorization", &auth)], None).await {
                    Ok(_) => go("/direct"),
                    Err(problem) => dispatcher.dispatch(ProjectorAction::Fail { problem }),
                }
            });
        })
    };

    // The projected screen shows the Duplo views as the presenter sets them (questions
    // crossed, masking, questions combined): the two windows share this device's storage.
    {
        let key = screen_view_key(&code);
        use_effect_with(state.view.clone(), move |view| {
            if let Ok(json) = serde_json::to_string(view) {
                let _ = save(&key, &json);
            }
        });
    }
    // Listening on this machine only: one button opens the server to the Wi-Fi (the
    // server accepts it from this machine and for this session's facilitator only), then
    // the addresses phones can use replace this machine's own.
    let on_open_network = {
        let (dispatcher, url, auth) = (
            state.dispatcher(),
            api_url(&code, "/network"),
            format!("Bearer {secret}"),
        );
        Callback::from(move |()| {
            let (dispatcher, url, auth) = (dispatcher.clone(), url.clone(), auth.clone());
            spawn_local(async move {
                let headers = [("authorization", auth.as_str())];
                match api::call_json::<FacilitatorReply>("POST", &url, &headers, Some("{}".to_owned())).await
                {
                    Ok(reply) => dispatcher.dispatch(ProjectorAction::Addresses {
                        join_urls: reply.join_urls,
                    }),
                    Err(problem) => dispatcher.dispatch(ProjectorAction::Fail { problem }),
                }
            });
        })
    };
    let session = live.session.clone();
    let view = &state.view;
    let current = live.state.step;
    let count = live.steps.len();
    let send = |control: Control| on_control.reform(move |_: MouseEvent| control.clone());
    let step = current_step.clone().unwrap_or(Step::Duplo);
    let is_duplo = matches!(step, Step::Duplo);
    let ended = live.state.ended;
    let closed = live.state.closed_steps.contains(&current);
    let screen_url = format!("/live/{code}/ecran");
    let moderation = match &step {
        Step::Words(_) => live.inputs.get(&current).map(|by| {
            html! {
                <fieldset class="moderation">
                    <legend>{ settings.t("presenter-moderation") }</legend>
                    <ul>
                        { for by.iter().filter_map(|(n, input)| match input {
                            Input::Words { text } => Some((*n, text.clone())),
                            _ => None,
                        }).map(|(participant, text)| {
                            let hidden = live.state.hidden.contains(&(current, participant));
                            let control = if hidden {
                                Control::ShowAnswer { step: current, participant }
                            } else {
                                Control::HideAnswer { step: current, participant }
                            };
                            let label = settings.t_args("presenter-hide-answer", &[
                                ("participant", (participant as usize).into()),
                            ]);
                            html! {
                                <li class={classes!(hidden.then_some("hidden-answer"))}>
                                    <span>{ text }</span>
                                    <button type="button" aria-pressed={hidden.to_string()} aria-label={label}
                                        onclick={send(control)} disabled={ended}>{ settings.t("presenter-hide") }</button>
                                </li>
                            }
                        }) }
                    </ul>
                </fieldset>
            }
        }),
        _ => None,
    };

    html! {
        <div class="live-projector presenter">
            <h1>{ settings.t("live-projector-title") }</h1>
            { alerts }
            <div class="presenter-top">
                <JoinInfo code={live.code.clone()} join_urls={state.join_urls.clone()} {on_open_network}
                    answered={session.responses.len()} joined={live.joined} />
                <section class="panel preview-panel" aria-labelledby="preview-title">
                    <h2 id="preview-title">{ settings.t("presenter-preview") }</h2>
                    <iframe class="screen-preview" src={screen_url.clone()} title={settings.t("presenter-preview-frame")} tabindex="-1"></iframe>
                    <p><a href={screen_url} target="_blank" rel="noopener">{ settings.t("presenter-open-screen") }</a></p>
                </section>
            </div>
            <section class="panel steps-panel" aria-labelledby="steps-title">
                <h2 id="steps-title">{ settings.t("presenter-steps") }</h2>
                <ol class="step-list">
                    { for live.steps.iter().enumerate().map(|(i, s)| {
                        let here = i == current;
                        html! {
                            <li class={classes!(here.then_some("current"))}>
                                <button type="button" aria-current={here.then_some("step")} onclick={send(Control::GoTo { step: i })}
                                    disabled={ended}>
                                    { step_label(&settings, s, &session.survey.title) }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
                <div class="button-row">
                    <button type="button" onclick={send(Control::GoTo { step: current.saturating_sub(1) })}
                        disabled={ended || current == 0}>{ settings.t("presenter-previous") }</button>
                    <button type="button" class="primary" onclick={send(Control::GoTo { step: current + 1 })}
                        disabled={ended || current + 1 >= count}>{ settings.t("presenter-next") }</button>
                    if !is_duplo {
                        <button type="button" aria-pressed={closed.to_string()} disabled={ended}
                            onclick={send(if closed { Control::OpenStep { step: current } } else { Control::CloseStep { step: current } })}>
                            { settings.t("presenter-close-step") }
                        </button>
                    }
                </div>
                if matches!(step, Step::Debate(_)) {
                    // Débat mouvant: which answer phones give now, « avant » or « après ».
                    <fieldset class="screen-choice debate-phase">
                        <legend>{ settings.t("debate-phase") }</legend>
                        { for [(Phase::Before, "debate-phase-before"), (Phase::After, "debate-phase-after")].into_iter().map(|(phase, key)| {
                            let on = live.state.phase(current) == phase;
                            html! {
                                <button type="button" aria-pressed={on.to_string()} disabled={ended}
                                    onclick={send(Control::Phase { step: current, phase })}>{ settings.t(key) }</button>
                            }
                        }) }
                    </fieldset>
                }
                <p class="hint">{ settings.t("presenter-shortcuts") }</p>
                <fieldset class="screen-choice">
                    <legend>{ settings.t("presenter-screen") }</legend>
                    { for Screen::ALL.iter().filter(|s| s.fits(Some(&step))).map(|s| {
                        let on = live.state.screen == *s;
                        html! {
                            <button type="button" aria-pressed={on.to_string()} onclick={send(Control::Show { screen: *s })} disabled={ended}>
                                { settings.t(&format!("screen-{}", screen_code(*s))) }
                            </button>
                        }
                    }) }
                </fieldset>
            </section>
            <FacilitatorControls session={session.clone()} state={live.state.clone()} code={code.clone()}
                steps={live.steps.clone()} {secret} on_control={on_control.clone()} {on_delete} />
            if is_duplo {
                <section class="panel" aria-labelledby="live-views-title">
                    <h2 id="live-views-title">{ settings.t("duplo-views-title") }</h2>
                    if let Some(question) = view.towers_question(&session.survey).map(str::to_owned) {
                        <Figure id="direct-tours" title={settings.t("duplo-towers")}>
                            <Towers session={session.clone()} question={question} />
                        </Figure>
                    }
                    <Figure id="direct-barres" title={settings.t("duplo-bars")}>
                        <Bars session={session.clone()} />
                    </Figure>
                </section>
                <section class="panel" aria-labelledby="live-cross-title">
                    <h2 id="live-cross-title">{ settings.t("duplo-cross-section") }</h2>
                    <CrossTabView session={session.clone()} view={view.clone()} on_action={on_view_action.clone()} />
                </section>
                <section class="panel unique" aria-labelledby="live-unique-title">
                    <h2 id="live-unique-title">{ settings.t("duplo-unique-title") }</h2>
                    <UniquePanel session={session.clone()} view={view.clone()} on_action={on_view_action.clone()} />
                </section>
                // What the groups give away, protecting live, the commune, the linkage round:
                // the same panels as the Duplo page, on the room's live answers.
                <ProtectPanel session={session.clone()} view={view.clone()} />
                <PopulationPanel session={session.clone()} view={view.clone()} />
                <LinkagePanel session={session.clone()} view={view.clone()} />
                // The room sees this page: each person's combination only when asked for.
                <ResponsesSection {session} on_action={on_view_action} editable=false collapsed=true />
            } else {
                <section class="panel" aria-labelledby="step-results-title">
                    <h2 id="step-results-title">{ settings.t_args("step-of", &[("n", (current + 1).into()), ("total", count.into())]) }</h2>
                    <StepView id="presenter-step" step={step.clone()} results={live.step_results()} {charts} />
                    { moderation.unwrap_or_default() }
                </section>
            }
        </div>
    }
}

/// The code of a screen in the catalogue (`screen-join`, …).
fn screen_code(screen: Screen) -> &'static str {
    match screen {
        Screen::Join => "join",
        Screen::Step => "step",
        Screen::Towers => "towers",
        Screen::Crosstab => "crosstab",
        Screen::Unique => "unique",
    }
}

/// `/live/{code}/ecran`: the projected screen. One thing at a time at full size, in
/// 16:9, without the site's header or any control: how to join, or the current step's
/// live view, as the presenter chooses. It follows the session through the
/// facilitator's stream (the secret kept on this device by the presenter view).
#[function_component]
pub fn ScreenPage(props: &LiveProps) -> Html {
    let settings = use_settings();
    let code = normalise_code(&props.code).unwrap_or_else(|| props.code.to_string());
    let state = use_facilitator(&code);
    let current_step = state.live.as_ref().and_then(|l| l.step().cloned());
    let charts = use_vote_charts(current_step.clone());
    let problem = state.problem.as_ref().map(|p| problem_text(&settings, p));
    // The Duplo views as the presenter view sets them, followed as they change.
    let key = screen_view_key(&code);
    let presenter_view = {
        let key = key.clone();
        use_state(move || read(&key).and_then(|json| serde_json::from_str::<ViewOptions>(&json).ok()))
    };
    {
        let presenter_view = presenter_view.clone();
        use_effect_with(key, move |key| {
            let key = key.clone();
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() == Some(key.as_str()) {
                    let view = event
                        .new_value()
                        .and_then(|json| serde_json::from_str::<ViewOptions>(&json).ok());
                    presenter_view.set(view);
                }
            });
            move || drop(listener)
        });
    }
    let view = (*presenter_view).clone().unwrap_or_else(|| state.view.clone());
    if state.secret.is_none() {
        return html! {
            <div class="screen screen-form">
                { secret_form(&settings, &state, settings.t("screen-title"), problem.as_ref()) }
            </div>
        };
    }
    let Some(live) = &state.live else {
        return html! {
            <div class="screen">
                <h1 class="visually-hidden">{ settings.t("screen-title") }</h1>
                if let Some(problem) = &problem { <p role="alert" class="problems">{ problem }</p> }
                else { <p role="status">{ settings.t("live-connecting") }</p> }
            </div>
        };
    };
    let session = live.session.clone();
    let step = current_step.unwrap_or(Step::Duplo);
    let screen = if live.state.screen.fits(Some(&step)) {
        live.state.screen
    } else {
        Screen::Step
    };
    // The addresses phones can use: those of the network; this machine's own only when
    // there is no other (then the presenter view says what to do).
    let usable: Vec<String> = {
        let network: Vec<String> = state
            .join_urls
            .iter()
            .filter(|u| !is_loopback_url(u))
            .cloned()
            .collect();
        if network.is_empty() {
            state.join_urls.clone()
        } else {
            network
        }
    };
    let body = match screen {
        Screen::Join => html! {
            <div class="screen-join">
                <p class="screen-lead">{ settings.t("screen-join-lead") }</p>
                <p class="join-code screen-code" aria-label={settings.t_args("live-code-is", &[("code", live.code.as_str().into())])}>{ &live.code }</p>
                if let Some(url) = usable.first() {
                    <img class="screen-qr" src={format!("/api/live/sessions/{}/qr.svg?url={}", live.code, js_sys::encode_uri_component(url))}
                        alt={settings.t_args("live-qr-alt", &[("url", url.as_str().into())])} width="360" height="360" />
                    <p class="join-url screen-url">{ url }</p>
                }
                <p class="screen-count">{ settings.t_args("live-joined", &[("answered", session.responses.len().into()), ("joined", live.joined.into())]) }
                    { format!(" ({})", live.joined) }</p>
            </div>
        },
        Screen::Step if !matches!(step, Step::Duplo) => html! {
            <StepView id="screen-step" step={step.clone()} results={live.step_results()} {charts} />
        },
        Screen::Step => html! {
            <Figure id="ecran-barres" title={settings.t("duplo-bars")}>
                <Bars session={session.clone()} />
            </Figure>
        },
        Screen::Towers => match view.towers_question(&session.survey).map(str::to_owned) {
            Some(question) => html! {
                <Figure id="ecran-tours" title={settings.t("duplo-towers")}>
                    <Towers session={session.clone()} {question} />
                </Figure>
            },
            None => Html::default(),
        },
        Screen::Crosstab => html! {
            <CrossTabView session={session.clone()} view={view.clone()} on_action={Callback::noop()} />
        },
        Screen::Unique => html! {
            <UniquePanel session={session.clone()} view={view.clone()} on_action={Callback::noop()} projected=true />
        },
    };
    html! {
        <div class={classes!("screen", format!("screen-{}", screen_code(screen)))}>
            <h1 class="screen-title">{ settings.t_args("screen-heading", &[
                ("code", live.code.as_str().into()),
                ("n", (live.state.step + 1).into()),
                ("total", live.steps.len().into()),
            ]) }</h1>
            { body }
        </div>
    }
}

/// Local-storage key of the Duplo view options the presenter view shares with the
/// projected screen of session `code` (same device, two windows).
fn screen_view_key(code: &str) -> String {
    format!("briques.live.view.{code}")
}

/// Whether a join address is this machine's own (phones cannot use it).
pub fn is_loopback_url(url: &str) -> bool {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['/', ':'])
        .next()
        .unwrap_or("");
    host.starts_with("127.") || host == "localhost" || host == "[" || url.contains("://[::1]")
}
