//! Live sessions in the browser.
//!
//! - [`DirectPage`] (`/direct`): join with a code, or start a session with the Duplo
//!   page's survey.
//! - [`ParticipantPage`] (`/live/{code}`): one question per screen with big buttons;
//!   the participant's token stays in local storage so a reload keeps their identity.
//! - [`ProjectorPage`] (`/live/{code}/projecteur`): the join code, QR code and
//!   addresses, the facilitator's controls, and the Duplo views, updated live.
//!
//! The facilitator's secret arrives in the address's fragment (never sent to a server),
//! is kept in local storage, and is removed from the address bar at once.

use std::collections::BTreeMap;
use std::rc::Rc;

use briques_core::i18n::format_percent;
use briques_core::live::{normalise_code, FacilitatorView, PublicResults, PublicView};
use briques_core::site::{storage_live_secret, storage_live_token};
use briques_core::survey::Session;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::duplo::charts::{Bars, Towers};
use crate::components::duplo::crosstab::CrossTabView;
use crate::components::duplo::responses::ResponsesTable;
use crate::components::duplo::swatch_class;
use crate::components::duplo::unique::UniquePanel;
use crate::components::figure::Figure;
use crate::hooks::use_settings;
use crate::services::api::{self, use_event_stream};
use crate::services::duplo_store;
use crate::services::storage::{read, save};
use crate::state::duplo::{DuploAction, ViewOptions};

fn go(path: &str) {
    let _ = gloo::utils::window().location().assign(path);
}

/// `/direct`: join a session with its code, or start one.
#[function_component]
pub fn DirectPage() -> Html {
    let settings = use_settings();
    let code = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let on_code = {
        let code = code.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                code.set(input.value());
            }
        })
    };
    let on_join = {
        let code = code.clone();
        let problem = problem.clone();
        let settings = settings.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match normalise_code(&code) {
                // A full page load: the server explains an unknown or ended session.
                Some(code) => go(&format!("/live/{code}")),
                None => problem.set(Some(settings.t("live-bad-code"))),
            }
        })
    };
    let on_start = {
        let problem = problem.clone();
        let busy = busy.clone();
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| {
            let (session, _, _) = duplo_store::load(settings.lang());
            let body = serde_json::json!({ "survey": session.survey }).to_string();
            let problem = problem.clone();
            let busy = busy.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match api::send("POST", "/api/live/sessions", &[], Some(body)).await {
                    Ok(reply) if reply.ok() => {
                        let created: Result<briques_core::live::Created, _> =
                            serde_json::from_str(&reply.text);
                        match created {
                            Ok(created) => {
                                let _ = save(&storage_live_secret(&created.code), &created.secret);
                                go(&format!("/live/{}/projecteur", created.code));
                            }
                            Err(error) => problem.set(Some(error.to_string())),
                        }
                    }
                    Ok(reply) => problem.set(Some(reply.error_message())),
                    Err(error) => problem.set(Some(error)),
                }
                busy.set(false);
            });
        })
    };
    html! {
        <>
            <h1>{ settings.t("live-title") }</h1>
            <p class="lead">{ settings.t("live-intro") }</p>
            <section class="panel" aria-labelledby="join-title">
                <h2 id="join-title">{ settings.t("live-join-title") }</h2>
                <form onsubmit={on_join} class="join-form">
                    <label for="join-code">{ settings.t("live-code-label") }</label>
                    <input id="join-code" type="text" inputmode="text" autocomplete="off" autocapitalize="characters"
                        maxlength="9" value={(*code).clone()} oninput={on_code} class="code-input" />
                    <button type="submit" class="primary">{ settings.t("live-join") }</button>
                </form>
            </section>
            <section class="panel" aria-labelledby="start-title">
                <h2 id="start-title">{ settings.t("live-start-title") }</h2>
                <p>{ settings.t("live-start-text") }</p>
                <button type="button" class="primary" onclick={on_start} disabled={*busy}>{ settings.t("live-start") }</button>
            </section>
            if let Some(problem) = &*problem {
                <p role="alert" class="problems">{ problem }</p>
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
    let token = use_state(|| read(&storage_live_token(&code)));
    let number = use_state(|| None::<u32>);
    let mine = use_state(BTreeMap::<String, String>::new);
    // `None`: the first open question not answered yet (so a reload resumes there).
    let step = use_state(|| None::<usize>);
    let notice = use_state(|| None::<String>);
    let problem = use_state(|| None::<String>);
    let view: Option<PublicView> = use_event_stream(Some(format!("/api/live/sessions/{code}/events")))
        .and_then(|text| serde_json::from_str(&text).ok());

    // Join (or come back with the saved token), then read back our own answers.
    {
        let (code, token, number, mine, problem) = (
            code.clone(),
            token.clone(),
            number.clone(),
            mine.clone(),
            problem.clone(),
        );
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let body = serde_json::json!({ "token": *token }).to_string();
                match api::send(
                    "POST",
                    &format!("/api/live/sessions/{code}/join"),
                    &[],
                    Some(body),
                )
                .await
                {
                    Ok(reply) if reply.ok() => {
                        let v: serde_json::Value = serde_json::from_str(&reply.text).unwrap_or_default();
                        let new_token = v["token"].as_str().unwrap_or_default().to_owned();
                        let _ = save(&storage_live_token(&code), &new_token);
                        number.set(v["participant"].as_u64().map(|n| n as u32));
                        let headers = [("x-briques-participant", new_token.as_str())];
                        if let Ok(me) =
                            api::send("GET", &format!("/api/live/sessions/{code}/me"), &headers, None).await
                        {
                            if let Ok(me) = serde_json::from_str::<briques_core::live::Me>(&me.text) {
                                mine.set(me.answers);
                            }
                        }
                        token.set(Some(new_token));
                    }
                    Ok(reply) => problem.set(Some(reply.error_message())),
                    Err(_) => problem.set(None),
                }
            });
        });
    }

    let Some(view) = view else {
        return html! {
            <>
                <h1>{ settings.t("live-title") }</h1>
                if let Some(p) = &*problem { <p role="alert" class="problems">{ p }</p> }
                else { <p role="status">{ settings.t("live-connecting") }</p> }
            </>
        };
    };
    let open: Vec<_> = view
        .survey
        .questions
        .iter()
        .filter(|q| view.state.open.contains(&q.id))
        .collect();
    let first_unanswered = open
        .iter()
        .position(|q| !mine.contains_key(&q.id))
        .unwrap_or(open.len());
    let current = step.unwrap_or(first_unanswered).min(open.len());

    let answer = |question: String, choice: String| {
        let (code, token, mine, notice, problem, step) = (
            code.clone(),
            token.clone(),
            mine.clone(),
            notice.clone(),
            problem.clone(),
            step.clone(),
        );
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(token) = (*token).clone() else { return };
            let (code, question, choice) = (code.clone(), question.clone(), choice.clone());
            let (mine, notice, problem, step, settings) = (
                mine.clone(),
                notice.clone(),
                problem.clone(),
                step.clone(),
                settings.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let body = serde_json::json!({ "question": question, "choice": choice }).to_string();
                let headers = [("x-briques-participant", token.as_str())];
                match api::send(
                    "PUT",
                    &format!("/api/live/sessions/{code}/answer"),
                    &headers,
                    Some(body),
                )
                .await
                {
                    Ok(reply) if reply.ok() => {
                        let mut answers = (*mine).clone();
                        answers.insert(question, choice);
                        mine.set(answers);
                        problem.set(None);
                        notice.set(Some(settings.t("live-saved")));
                        step.set(Some(current + 1));
                    }
                    Ok(reply) => problem.set(Some(reply.error_message())),
                    Err(_) => problem.set(Some(settings.t("live-offline"))),
                }
            });
        })
    };
    let go_to = |n: usize| {
        let (step, notice) = (step.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            notice.set(None);
            step.set(Some(n));
        })
    };

    let body = if view.state.ended {
        html! { <p class="lead">{ settings.t("live-ended") }</p> }
    } else if current < open.len() {
        let q = open[current];
        html! {
            <section class="panel participant-question" aria-labelledby="pq-title">
                <p class="hint">{ settings.t_args("live-question-of", &[("n", (current + 1).into()), ("total", open.len().into())]) }</p>
                <h2 id="pq-title">{ &q.label }</h2>
                <div class="big-choices">
                    { for q.choices.iter().map(|c| {
                        let pressed = mine.get(&q.id) == Some(&c.id);
                        html! {
                            <button type="button" class="big-choice" aria-pressed={pressed.to_string()}
                                onclick={answer(q.id.clone(), c.id.clone())}>
                                <span class={swatch_class(c.colour)} aria-hidden="true"></span>{ &c.label }
                            </button>
                        }
                    }) }
                </div>
                <div class="button-row">
                    <button type="button" onclick={go_to(current.saturating_sub(1))} disabled={current == 0}>{ settings.t("live-previous") }</button>
                    <button type="button" onclick={go_to(current + 1)}>{ settings.t("live-skip") }</button>
                </div>
            </section>
        }
    } else {
        html! {
            <section class="panel" aria-labelledby="thanks-title">
                <h2 id="thanks-title">{ settings.t("live-thanks") }</h2>
                <p>{ settings.t_args("live-answered", &[("count", open.iter().filter(|q| mine.contains_key(&q.id)).count().into()), ("total", open.len().into())]) }</p>
                if !open.is_empty() {
                    <button type="button" onclick={go_to(0)}>{ settings.t("live-change") }</button>
                }
            </section>
        }
    };

    html! {
        <div class="live-participant">
            <h1>{ if view.survey.title.trim().is_empty() { settings.t("live-title") } else { view.survey.title.clone() } }</h1>
            <p class="hint">
                { settings.t_args("live-you-are", &[("code", view.code.as_str().into()), ("participant", number.map_or(0, |n| n as usize).into())]) }
            </p>
            <p role="status" class="notice">{ (*notice).clone().unwrap_or_default() }</p>
            if let Some(p) = &*problem { <p role="alert" class="problems">{ p }</p> }
            { body }
            if let Some(results) = &view.results {
                <PublicResultsView survey={view.survey.clone()} results={results.clone()} />
            } else if !view.state.ended {
                <p class="hint">{ settings.t("live-results-later") }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PublicResultsProps {
    survey: briques_core::survey::Survey,
    results: PublicResults,
}

/// The aggregated results a participant may see (masked cross-tab included).
#[function_component]
fn PublicResultsView(props: &PublicResultsProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let r = &props.results;
    let label = |id: &str| {
        props
            .survey
            .question(id)
            .map(|q| q.label.clone())
            .unwrap_or_default()
    };
    html! {
        <section class="panel" aria-labelledby="results-title">
            <h2 id="results-title">{ settings.t("live-results") }</h2>
            { for props.survey.questions.iter().zip(&r.tallies).map(|(q, t)| {
                let answered: usize = t.counts.iter().sum();
                html! {
                    <div class="result-question">
                        <h3>{ &q.label }</h3>
                        <ul class="result-bars">
                            { for q.choices.iter().zip(&t.counts).map(|(c, n)| {
                                let share = if answered == 0 { 0.0 } else { *n as f64 / answered as f64 };
                                html! {
                                    <li>
                                        <span class="result-label"><span class={swatch_class(c.colour)} aria-hidden="true"></span>{ &c.label }</span>
                                        <meter min="0" max="1" value={share.to_string()} aria-hidden="true"></meter>
                                        <span>{ format!("{n} ({})", format_percent(lang, share, 0)) }</span>
                                    </li>
                                }
                            }) }
                        </ul>
                    </div>
                }
            }) }
            if let Some(cross) = &r.crosstab {
                if let (Some(rows), Some(cols)) = (props.survey.question(&cross.row_question), props.survey.question(&cross.col_question)) {
                    <table class="data-table">
                        <caption>{ format!("{} × {}", label(&cross.row_question), label(&cross.col_question)) }</caption>
                        <thead><tr><th scope="col">{ "" }</th>{ for cols.choices.iter().map(|c| html! { <th scope="col">{ &c.label }</th> }) }</tr></thead>
                        <tbody>
                            { for rows.choices.iter().zip(&cross.cells).map(|(c, line)| html! {
                                <tr><th scope="row">{ &c.label }</th>
                                { for line.iter().map(|cell| html! {
                                    <td>{ cell.map(|n| n.to_string()).unwrap_or_else(|| settings.t_args("duplo-masked", &[("k", cross.k.into())])) }</td>
                                }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <p class="hint">{ settings.t_args("duplo-masked-note", &[("k", cross.k.into())]) }</p>
                }
            }
            <p class="unique-big"><strong class="big-number">{ r.unique }</strong>
                <span>{ settings.t_args("duplo-unique-sentence", &[("unique", r.unique.into()), ("respondents", r.respondents.into())]) }</span></p>
        </section>
    }
}

/// Sends a facilitator request; shows the server's message when it is refused.
/// Returns whether it succeeded.
async fn as_facilitator(
    method: &str,
    url: &str,
    key: &str,
    body: Option<String>,
    problem: &UseStateHandle<Option<String>>,
) -> bool {
    let auth = format!("Bearer {key}");
    match api::send(method, url, &[("authorization", &auth)], body).await {
        Ok(reply) if reply.ok() => {
            problem.set(None);
            true
        }
        Ok(reply) => {
            problem.set(Some(reply.error_message()));
            false
        }
        Err(error) => {
            problem.set(Some(error));
            false
        }
    }
}

/// `/live/{code}/projecteur`: the facilitator's screen.
#[function_component]
pub fn ProjectorPage(props: &LiveProps) -> Html {
    let settings = use_settings();
    let code = normalise_code(&props.code).unwrap_or_else(|| props.code.to_string());
    let secret = use_state(|| {
        // A secret in the fragment (#cle=…) is saved, then wiped from the address bar.
        let location = gloo::utils::window().location();
        let from_hash = location
            .hash()
            .ok()
            .and_then(|h| h.strip_prefix("#cle=").map(str::to_owned));
        if let Some(secret) = &from_hash {
            let _ = save(&storage_live_secret(&code), secret);
            if let Ok(history) = gloo::utils::window().history() {
                let path = location.pathname().unwrap_or_default();
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
            }
        }
        from_hash.or_else(|| read(&storage_live_secret(&code)))
    });
    let join_urls = use_state(Vec::<String>::new);
    let problem = use_state(|| None::<String>);
    let view_options = use_state(ViewOptions::default);
    let typed = use_state(String::new);

    {
        let (code, secret, join_urls, problem) =
            (code.clone(), secret.clone(), join_urls.clone(), problem.clone());
        use_effect_with((*secret).clone(), move |current| {
            if let Some(key) = current.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let auth = format!("Bearer {key}");
                    match api::send(
                        "GET",
                        &format!("/api/live/sessions/{code}/facilitator"),
                        &[("authorization", &auth)],
                        None,
                    )
                    .await
                    {
                        Ok(reply) if reply.ok() => {
                            let v: serde_json::Value = serde_json::from_str(&reply.text).unwrap_or_default();
                            join_urls.set(serde_json::from_value(v["join_urls"].clone()).unwrap_or_default());
                            problem.set(None);
                        }
                        Ok(reply) => {
                            problem.set(Some(reply.error_message()));
                            if reply.status == 401 {
                                secret.set(None);
                            }
                        }
                        Err(error) => problem.set(Some(error)),
                    }
                });
            }
        });
    }
    let stream = (*secret)
        .as_ref()
        .map(|key| format!("/api/live/sessions/{code}/facilitator/events?secret={key}"));
    let view: Option<FacilitatorView> =
        use_event_stream(stream).and_then(|text| serde_json::from_str(&text).ok());

    let Some(key) = (*secret).clone() else {
        let on_typed = {
            let typed = typed.clone();
            Callback::from(move |event: InputEvent| {
                if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                    typed.set(input.value());
                }
            })
        };
        let on_submit = {
            let (secret, typed, code) = (secret.clone(), typed.clone(), code.clone());
            Callback::from(move |event: SubmitEvent| {
                event.prevent_default();
                let key = typed.trim().to_owned();
                if !key.is_empty() {
                    let _ = save(&storage_live_secret(&code), &key);
                    secret.set(Some(key));
                }
            })
        };
        return html! {
            <>
                <h1>{ settings.t("live-projector-title") }</h1>
                if let Some(p) = &*problem { <p role="alert" class="problems">{ p }</p> }
                <form onsubmit={on_submit} class="join-form">
                    <label for="secret-input">{ settings.t("live-secret-label") }</label>
                    <input id="secret-input" type="password" autocomplete="off" value={(*typed).clone()} oninput={on_typed} />
                    <button type="submit" class="primary">{ settings.t("live-secret-submit") }</button>
                </form>
            </>
        };
    };

    let send_control = |body: serde_json::Value| {
        let (code, key, problem) = (code.clone(), key.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let (code, key, problem, body) = (code.clone(), key.clone(), problem.clone(), body.to_string());
            wasm_bindgen_futures::spawn_local(async move {
                let url = format!("/api/live/sessions/{code}/control");
                as_facilitator("POST", &url, &key, Some(body), &problem).await;
            });
        })
    };
    let on_view_action = {
        let (view_options, code, key, problem) =
            (view_options.clone(), code.clone(), key.clone(), problem.clone());
        let settings = settings.clone();
        Callback::from(move |action: DuploAction| match action {
            DuploAction::SetView(v) => view_options.set(v),
            DuploAction::Delete { participant } => {
                let (code, key, problem) = (code.clone(), key.clone(), problem.clone());
                let question = settings.t_args(
                    "live-confirm-remove",
                    &[("participant", (participant as usize).into())],
                );
                if !gloo::utils::window()
                    .confirm_with_message(&question)
                    .unwrap_or(false)
                {
                    return;
                }
                wasm_bindgen_futures::spawn_local(async move {
                    let url = format!("/api/live/sessions/{code}/participants/{participant}");
                    as_facilitator("DELETE", &url, &key, None, &problem).await;
                });
            }
            _ => {}
        })
    };
    let on_delete = {
        let (code, key, problem) = (code.clone(), key.clone(), problem.clone());
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| {
            if !gloo::utils::window()
                .confirm_with_message(&settings.t("live-confirm-delete"))
                .unwrap_or(false)
            {
                return;
            }
            let (code, key, problem) = (code.clone(), key.clone(), problem.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if as_facilitator(
                    "DELETE",
                    &format!("/api/live/sessions/{code}"),
                    &key,
                    None,
                    &problem,
                )
                .await
                {
                    go("/direct");
                }
            });
        })
    };

    let Some(view) = view else {
        return html! {
            <>
                <h1>{ settings.t("live-projector-title") }</h1>
                if let Some(p) = &*problem { <p role="alert" class="problems">{ p }</p> }
                else { <p role="status">{ settings.t("live-connecting") }</p> }
            </>
        };
    };
    let session: Rc<Session> = Rc::new(view.session.clone());
    let state = &view.state;
    let export = |format: &str| format!("/api/live/sessions/{code}/export/{format}?secret={key}");
    let first_question = session.survey.questions.first().map(|q| q.id.clone());

    html! {
        <div class="live-projector">
            <h1>{ settings.t("live-projector-title") }</h1>
            if let Some(p) = &*problem { <p role="alert" class="problems">{ p }</p> }
            <section class="panel join-panel" aria-labelledby="join-info-title">
                <h2 id="join-info-title">{ settings.t("live-how-to-join") }</h2>
                <div class="join-info">
                    <p class="join-code" aria-label={settings.t_args("live-code-is", &[("code", view.code.as_str().into())])}>
                        { view.code.clone() }
                    </p>
                    <ul class="join-urls">
                        { for join_urls.iter().map(|url| html! {
                            <li>
                                <img src={format!("/api/live/sessions/{code}/qr.svg?url={}", js_sys::encode_uri_component(url))}
                                    alt={settings.t_args("live-qr-alt", &[("url", url.as_str().into())])} width="180" height="180" />
                                <span class="join-url">{ url }</span>
                            </li>
                        }) }
                    </ul>
                </div>
                <p class="big-count"><strong class="big-number" id="live-count">{ view.session.responses.len() }</strong>
                    <span>{ settings.t_args("live-joined", &[("answered", view.session.responses.len().into()), ("joined", view.joined.into())]) }</span></p>
            </section>
            <section class="panel" aria-labelledby="controls-title">
                <h2 id="controls-title">{ settings.t("live-controls") }</h2>
                if state.ended {
                    <p class="lead">{ settings.t("live-ended-facilitator") }</p>
                }
                <fieldset class="unique-questions">
                    <legend>{ settings.t("live-open-questions") }</legend>
                    { for session.survey.questions.iter().map(|q| {
                        let open = state.open.contains(&q.id);
                        let body = serde_json::json!({ "action": if open { "close" } else { "open" }, "question": q.id });
                        html! {
                            <button type="button" aria-pressed={open.to_string()} onclick={send_control(body)} disabled={state.ended}>
                                { &q.label }
                            </button>
                        }
                    }) }
                </fieldset>
                <div class="button-row">
                    <button type="button" aria-pressed={state.revealed.to_string()} disabled={state.ended}
                        onclick={send_control(serde_json::json!({ "action": if state.revealed { "hide" } else { "reveal" } }))}>
                        { settings.t("live-reveal") }
                    </button>
                    <button type="button" aria-pressed={state.locked.to_string()} disabled={state.ended}
                        onclick={send_control(serde_json::json!({ "action": if state.locked { "unlock" } else { "lock" } }))}>
                        { settings.t("live-lock") }
                    </button>
                    <button type="button" class="danger" disabled={state.ended}
                        onclick={send_control(serde_json::json!({ "action": "end" }))}>{ settings.t("live-end") }</button>
                    <a class="button" href={export("csv")} download="">{ settings.t("live-export-csv") }</a>
                    <a class="button" href={export("json")} download="">{ settings.t("live-export-json") }</a>
                    <button type="button" class="danger" onclick={on_delete}>{ settings.t("live-delete") }</button>
                </div>
            </section>
            <section class="panel" aria-labelledby="live-views-title">
                <h2 id="live-views-title">{ settings.t("duplo-views-title") }</h2>
                if let Some(question) = view_options.towers_question(&session.survey).map(str::to_owned).or(first_question) {
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
                <CrossTabView session={session.clone()} view={(*view_options).clone()} on_action={on_view_action.clone()} />
            </section>
            <section class="panel unique" aria-labelledby="live-unique-title">
                <h2 id="live-unique-title">{ settings.t("duplo-unique-title") }</h2>
                <UniquePanel session={session.clone()} view={(*view_options).clone()} on_action={on_view_action.clone()} />
            </section>
            <section class="panel" aria-labelledby="live-responses-title">
                <h2 id="live-responses-title">{ settings.t("duplo-responses-title") }</h2>
                <ResponsesTable session={session} on_action={on_view_action} editable=false />
            </section>
        </div>
    }
}
