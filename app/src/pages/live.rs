//! Live sessions in the browser: the effects (requests, event streams, local storage)
//! and the layout of three pages whose state is in `state::live` and whose pieces are
//! in `components::live`.
//!
//! - [`DirectPage`] (`/direct`): join with a code, or start a session with the Duplo
//!   page's survey.
//! - [`ParticipantPage`] (`/live/{code}`): one question per screen with big buttons;
//!   the participant's token stays in local storage so a reload keeps their identity.
//! - [`ProjectorPage`] (`/live/{code}/projecteur`): the join code, QR codes and
//!   addresses, the facilitator's controls, and the Duplo views, updated live.
//!
//! Requests and replies are `briques_core::live` types, never JSON written by hand.
//! The facilitator's secret arrives in the address's fragment (never sent to a server)
//! and is kept in local storage; it leaves the address bar once kept. When it cannot
//! be kept, the address keeps it and the page tells the facilitator to keep the address.

use briques_core::live::{
    normalise_code, Ack, AnswerBody, Control, CreateSession, Created, FacilitatorReply, JoinBody, Joined, Me,
    Removed,
};
use briques_core::site::{storage_live_secret, storage_live_token};
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
use crate::components::live::question::QuestionCard;
use crate::components::live::results::PublicResultsView;
use crate::components::live::{problem_text, secret_not_saved_text, token_not_saved_text};
use crate::hooks::use_settings;
use crate::services::api::{self, use_event_stream};
use crate::services::dialog::confirm;
use crate::services::duplo_store;
use crate::services::storage::{read, save};
use crate::state::duplo::DuploAction;
use crate::state::live::{
    DirectAction, DirectState, ParticipantAction, ParticipantState, Problem, ProjectorAction, ProjectorState,
    SecretNotSaved,
};

/// The header that carries a participant's token.
const PARTICIPANT: &str = "x-briques-participant";

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
            let body = api::body(&CreateSession {
                survey: session.survey,
                mask_k: None,
                steps: Vec::new(),
            });
            dispatcher.dispatch(DirectAction::Start);
            let dispatcher = dispatcher.clone();
            spawn_local(async move {
                match api::call_json::<Created>("POST", "/api/live/sessions", &[], body).await {
                    Ok(created) => {
                        let projector = format!("/live/{}/projecteur", created.code);
                        match save(&storage_live_secret(&created.code), &created.secret) {
                            Ok(()) => go(&projector),
                            // Not kept on this device: the address carries the secret, and
                            // the projector page tells the facilitator to keep it.
                            Err(_) => go(&format!("{projector}#cle={}", created.secret)),
                        }
                    }
                    Err(problem) => dispatcher.dispatch(DirectAction::Fail { problem }),
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

/// `/live/{code}`: a participant's phone.
#[function_component]
pub fn ParticipantPage(props: &LiveProps) -> Html {
    let settings = use_settings();
    let code = normalise_code(&props.code).unwrap_or_else(|| props.code.to_string());
    let state = {
        let code = code.clone();
        use_reducer(move || ParticipantState::new(read(&storage_live_token(&code))))
    };
    let event = use_event_stream(Some(api_url(&code, "/events")));
    {
        let dispatcher = state.dispatcher();
        use_effect_with(event, move |event| {
            if let Some(text) = event.clone() {
                dispatcher.dispatch(ParticipantAction::View { text });
            }
        });
    }

    // Join (or come back with the saved token), then read back our own answers.
    {
        let (dispatcher, code, token) = (state.dispatcher(), code.clone(), state.token.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                let body = api::body(&JoinBody { token });
                match api::call_json::<Joined>("POST", &api_url(&code, "/join"), &[], body).await {
                    Ok(Joined { participant, token }) => {
                        let headers = [(PARTICIPANT, token.as_str())];
                        let me = api::call_json::<Me>("GET", &api_url(&code, "/me"), &headers, None).await;
                        dispatcher.dispatch(ParticipantAction::Joined { token, participant });
                        match me {
                            Ok(me) => dispatcher.dispatch(ParticipantAction::Mine { answers: me.answers }),
                            Err(problem @ Problem::BadReply { .. }) => {
                                dispatcher.dispatch(ParticipantAction::Fail { problem })
                            }
                            // Not fatal: earlier answers are only left unmarked.
                            Err(_) => {}
                        }
                    }
                    // The page keeps saying that it is connecting.
                    Err(Problem::Unreachable { .. }) => {}
                    Err(problem) => dispatcher.dispatch(ParticipantAction::Fail { problem }),
                }
            });
        });
    }

    // The token makes a reload the same participant: kept as soon as it is known.
    {
        let (dispatcher, code) = (state.dispatcher(), code.clone());
        use_effect_with(state.token.clone(), move |token| {
            if let Some(token) = token {
                if let Err(error) = save(&storage_live_token(&code), token) {
                    dispatcher.dispatch(ParticipantAction::TokenNotSaved { error });
                }
            }
        });
    }

    let on_answer = {
        let (dispatcher, code, token) = (state.dispatcher(), code.clone(), state.token.clone());
        Callback::from(move |answer: AnswerBody| {
            // Not joined yet: there is no one to answer as.
            let Some(token) = token.clone() else { return };
            let (dispatcher, url) = (dispatcher.clone(), api_url(&code, "/answer"));
            spawn_local(async move {
                let headers = [(PARTICIPANT, token.as_str())];
                match api::call_json::<Ack>("PUT", &url, &headers, api::body(&answer)).await {
                    Ok(_) => dispatcher.dispatch(ParticipantAction::Answered {
                        question: answer.question,
                        choice: answer.choice,
                    }),
                    Err(problem) => dispatcher.dispatch(ParticipantAction::Fail { problem }),
                }
            });
        })
    };
    let on_step = {
        let dispatcher = state.dispatcher();
        Callback::from(move |step| dispatcher.dispatch(ParticipantAction::GoTo { step }))
    };

    let problem = state.problem.as_ref().map(|problem| match problem {
        // Only an answer reports an unreachable server (joining keeps saying "connecting").
        Problem::Unreachable { .. } => settings.t("live-offline"),
        problem => problem_text(&settings, problem),
    });
    let alerts = html! {
        <>
            if let Some(problem) = &problem { <p role="alert" class="problems">{ problem }</p> }
            if let Some(error) = state.token_not_saved {
                <p role="alert" class="problems">{ token_not_saved_text(&settings, error) }</p>
            }
        </>
    };
    let Some(view) = state.view.clone() else {
        return html! {
            <>
                <h1>{ settings.t("live-title") }</h1>
                { alerts }
                if problem.is_none() { <p role="status">{ settings.t("live-connecting") }</p> }
            </>
        };
    };
    let open = state.open_questions();
    let current = state.current();
    let body = if view.state.ended {
        html! { <p class="lead">{ settings.t("live-ended") }</p> }
    } else if let Some(question) = open.get(current) {
        let chosen = state
            .mine
            .get(&question.id)
            .map(|choice| AttrValue::from(choice.clone()));
        html! {
            <QuestionCard question={(*question).clone()} position={current} total={open.len()} {chosen}
                {on_answer} on_step={on_step.clone()} />
        }
    } else {
        html! {
            <section class="panel" aria-labelledby="thanks-title">
                <h2 id="thanks-title">{ settings.t("live-thanks") }</h2>
                <p>{ settings.t_args("live-answered", &[("count", state.answered().into()), ("total", open.len().into())]) }</p>
                if !open.is_empty() {
                    <button type="button" onclick={on_step.reform(|_: MouseEvent| 0)}>{ settings.t("live-change") }</button>
                }
            </section>
        }
    };
    let participant = state.participant.map_or(0, |n| n as usize);

    html! {
        <div class="live-participant">
            <h1>{ if view.survey.title.trim().is_empty() { settings.t("live-title") } else { view.survey.title.clone() } }</h1>
            <p class="hint">
                { settings.t_args("live-you-are", &[("code", view.code.as_str().into()), ("participant", participant.into())]) }
            </p>
            <p role="status" class="notice">{ if state.saved { settings.t("live-saved") } else { String::new() } }</p>
            { alerts }
            { body }
            if view.results.is_some() {
                <PublicResultsView view={view.clone()} />
            } else if !view.state.ended {
                <p class="hint">{ settings.t("live-results-later") }</p>
            }
        </div>
    }
}

/// What a facilitator request's outcome does to the page.
fn outcome<T>(result: Result<T, Problem>) -> ProjectorAction {
    match result {
        Ok(_) => ProjectorAction::Done,
        Err(problem) => ProjectorAction::Fail { problem },
    }
}

/// `/live/{code}/projecteur`: the facilitator's screen.
#[function_component]
pub fn ProjectorPage(props: &LiveProps) -> Html {
    let settings = use_settings();
    let code = normalise_code(&props.code).unwrap_or_else(|| props.code.to_string());
    let state = {
        let code = code.clone();
        use_reducer(move || {
            ProjectorState::new(secret_in_address().or_else(|| read(&storage_live_secret(&code))))
        })
    };

    // The secret is kept on this device, and only then leaves the address bar.
    {
        let (dispatcher, code) = (state.dispatcher(), code.clone());
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
        let (dispatcher, code) = (state.dispatcher(), code.clone());
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
        .map(|secret| api_url(&code, &format!("/facilitator/events?secret={secret}")));
    let event = use_event_stream(stream);
    {
        let dispatcher = state.dispatcher();
        use_effect_with(event, move |event| {
            if let Some(text) = event.clone() {
                dispatcher.dispatch(ProjectorAction::View { text });
            }
        });
    }

    let problem = state
        .problem
        .as_ref()
        .map(|problem| problem_text(&settings, problem));
    let Some(secret) = state.secret.clone() else {
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
        // This device does not know the secret (another device, or a wrong one).
        return html! {
            <>
                <h1>{ settings.t("live-projector-title") }</h1>
                if let Some(problem) = &problem { <p role="alert" class="problems">{ problem }</p> }
                <form {onsubmit} class="join-form">
                    <label for="secret-input">{ settings.t("live-secret-label") }</label>
                    <input id="secret-input" type="password" autocomplete="off" value={state.typed.clone()} {oninput} />
                    <button type="submit" class="primary">{ settings.t("live-secret-submit") }</button>
                </form>
            </>
        };
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
    let on_control = {
        let (dispatcher, url, auth) = (state.dispatcher(), api_url(&code, "/control"), auth.clone());
        Callback::from(move |control: Control| {
            let (dispatcher, url, auth) = (dispatcher.clone(), url.clone(), auth.clone());
            spawn_local(async move {
                let headers = [("authorization", auth.as_str())];
                let result = api::call_json::<Ack>("POST", &url, &headers, api::body(&control)).await;
                dispatcher.dispatch(outcome(result));
            });
        })
    };
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

    let session = live.session.clone();
    let view = &state.view;
    html! {
        <div class="live-projector">
            <h1>{ settings.t("live-projector-title") }</h1>
            { alerts }
            <JoinInfo code={live.code.clone()} join_urls={state.join_urls.clone()}
                answered={session.responses.len()} joined={live.joined} />
            <FacilitatorControls session={session.clone()} state={live.state.clone()} code={code.clone()}
                {secret} {on_control} {on_delete} />
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
        </div>
    }
}
