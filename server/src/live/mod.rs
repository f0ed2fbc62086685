//! Live sessions over HTTP: participants join and answer from their phones, the
//! projector follows with Server-Sent Events. The API is documented in
//! `docs/api-live.md`.
//!
//! Roles: facilitator requests carry the session's secret (`Authorization: Bearer …`,
//! or `?secret=` where a browser cannot set headers: event streams and downloads);
//! participants carry their own token (`X-Briques-Participant`), which opens nothing
//! but their own answers. Participants only ever receive aggregates.

pub mod hub;
pub mod limits;
pub mod store;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use tokio_stream::wrappers::WatchStream;
use tokio_stream::StreamExt as _;

use briques_core::i18n::{tr, tr_args, Lang};
use briques_core::live::{
    normalise_code, Ack, AnswerBody, Control, CreateSession, Created, FacilitatorReply, JoinBody, Joined,
    Refusal, Removed,
};
use briques_core::survey::io;

use crate::pages;
use hub::{Hub, LiveError};
use limits::{Limiter, Rate};

/// Largest request body accepted by the live API.
pub const BODY_LIMIT: usize = 64 * 1024;

/// Settings of live sessions (from `briques serve` options).
#[derive(Clone, Debug)]
pub struct LiveConfig {
    /// Sessions older than this are deleted.
    pub retention: Duration,
    /// Per network address.
    pub per_address: Rate,
    /// Per participant token.
    pub per_participant: Rate,
    /// The address the server listens on (for join URLs).
    pub bound: SocketAddr,
}

/// Shared state of the live API.
pub struct LiveApp {
    pub hub: Hub,
    config: LiveConfig,
    by_address: Limiter,
    by_participant: Limiter,
    /// Failed look-ups of session codes, per address: guessing codes is slowed to a crawl.
    misses: Limiter,
    index: std::path::PathBuf,
}

/// Failed code look-ups allowed per address: 10 at once, then one every 5 seconds.
/// With 25^6 codes, finding one of ten running sessions would take years.
const MISSES: Rate = Rate {
    per_second: 0.2,
    burst: 10.0,
};

impl LiveApp {
    /// The live API around a hub.
    pub fn new(hub: Hub, config: LiveConfig, index: std::path::PathBuf) -> LiveApp {
        LiveApp {
            hub,
            by_address: Limiter::new(config.per_address),
            by_participant: Limiter::new(config.per_participant),
            misses: Limiter::new(MISSES),
            config,
            index,
        }
    }

    /// The participant address of `code` on each of the machine's network addresses.
    fn join_urls(&self, code: &str) -> Vec<String> {
        let port = self.config.bound.port();
        let ips: Vec<IpAddr> = if self.config.bound.ip().is_unspecified() {
            let mut ips: Vec<IpAddr> = if_addrs::get_if_addrs()
                .unwrap_or_default()
                .into_iter()
                .map(|i| i.ip())
                .filter(|ip| ip.is_ipv4() && !ip.is_loopback())
                .collect();
            ips.sort();
            ips.dedup();
            ips.push(IpAddr::from([127, 0, 0, 1]));
            ips
        } else {
            vec![self.config.bound.ip()]
        };
        ips.into_iter()
            .map(|ip| format!("http://{}/live/{code}", SocketAddr::new(ip, port)))
            .collect()
    }
}

/// Deletes old sessions now and every hour.
pub fn spawn_purge(app: Arc<LiveApp>) {
    tokio::spawn(async move {
        loop {
            match app.hub.purge(app.config.retention).await {
                Ok(0) => {}
                Ok(n) => eprintln!("briques: {n} session(s) older than the retention period deleted"),
                Err(error) => eprintln!("briques: purge failed: {error:?}"),
            }
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
    });
}

/// An error answered as `{"error": "…"}` in the requester's language (also by the
/// national budget files, `crate::budgets`).
pub(crate) struct ApiError(pub(crate) StatusCode, pub(crate) String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

/// The requester's language, from `Accept-Language`.
pub(crate) fn lang(headers: &HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

fn live_error(lang: Lang, code: &str, error: LiveError) -> ApiError {
    match error {
        LiveError::UnknownSession => ApiError(
            StatusCode::NOT_FOUND,
            tr_args(lang, "live-error-unknown-session", &[("code", code.into())]),
        ),
        LiveError::UnknownParticipant => {
            ApiError(StatusCode::FORBIDDEN, tr(lang, "live-error-unknown-participant"))
        }
        LiveError::Refused(refusal) => {
            let (status, key) = match refusal {
                Refusal::Ended => (StatusCode::GONE, "live-error-ended"),
                Refusal::Locked => (StatusCode::FORBIDDEN, "live-error-locked"),
                Refusal::UnknownQuestion => (StatusCode::UNPROCESSABLE_ENTITY, "live-error-unknown-question"),
                Refusal::UnknownChoice => (StatusCode::UNPROCESSABLE_ENTITY, "live-error-unknown-choice"),
                Refusal::Closed => (StatusCode::CONFLICT, "live-error-closed"),
            };
            ApiError(status, tr(lang, key))
        }
        LiveError::Storage(detail) => ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            tr_args(lang, "live-error-storage", &[("detail", detail.as_str().into())]),
        ),
    }
}

fn parse<T: serde::de::DeserializeOwned>(lang: Lang, body: &Bytes) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError(
            StatusCode::BAD_REQUEST,
            tr_args(
                lang,
                "live-error-bad-json",
                &[("detail", e.to_string().as_str().into())],
            ),
        )
    })
}

fn code_of(lang: Lang, raw: &str) -> Result<String, ApiError> {
    normalise_code(raw).ok_or_else(|| {
        ApiError(
            StatusCode::NOT_FOUND,
            tr_args(lang, "live-error-bad-code", &[("code", raw.into())]),
        )
    })
}

#[derive(Deserialize, Default)]
struct SecretQuery {
    secret: Option<String>,
}

/// The running session with this code, or a 404 saying the code is unknown.
fn find(app: &LiveApp, lang: Lang, raw_code: &str) -> Result<Arc<hub::Live>, ApiError> {
    let code = code_of(lang, raw_code)?;
    app.hub
        .get(&code)
        .ok_or_else(|| live_error(lang, &code, LiveError::UnknownSession))
}

/// Finds the session and checks the facilitator's secret.
fn facilitator(
    app: &LiveApp,
    lang: Lang,
    raw_code: &str,
    headers: &HeaderMap,
    query: &SecretQuery,
) -> Result<Arc<hub::Live>, ApiError> {
    let live = find(app, lang, raw_code)?;
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let secret = bearer.or(query.secret.as_deref()).unwrap_or("");
    if live.is_facilitator(secret) {
        Ok(live)
    } else {
        Err(ApiError(
            StatusCode::UNAUTHORIZED,
            tr(lang, "live-error-not-facilitator"),
        ))
    }
}

fn participant_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get("x-briques-participant")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// The live routes (API and the `/live/…` pages).
pub fn router(app: Arc<LiveApp>) -> Router {
    Router::new()
        .route("/api/live/sessions", post(create))
        .route(
            "/api/live/sessions/{code}",
            get(public_view).delete(delete_session),
        )
        .route("/api/live/sessions/{code}/join", post(join))
        .route("/api/live/sessions/{code}/me", get(me))
        .route("/api/live/sessions/{code}/answer", put(answer))
        .route("/api/live/sessions/{code}/events", get(public_events))
        .route("/api/live/sessions/{code}/qr.svg", get(qr))
        .route("/api/live/sessions/{code}/facilitator", get(facilitator_view))
        .route(
            "/api/live/sessions/{code}/facilitator/events",
            get(facilitator_events),
        )
        .route("/api/live/sessions/{code}/control", post(control))
        .route(
            "/api/live/sessions/{code}/participants/{number}",
            delete(remove_response),
        )
        .route("/api/live/sessions/{code}/export/{format}", get(export))
        .route("/live/{code}", get(participant_page))
        .route("/live/{code}/projecteur", get(projector_page))
        .layer(middleware::from_fn_with_state(app.clone(), limit_by_address))
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(app)
}

async fn limit_by_address(State(app): State<Arc<LiveApp>>, request: Request, next: Next) -> Response {
    let key = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_default();
    let lang = lang(request.headers());
    if app.misses.exhausted(&key) || !app.by_address.allow(&key) {
        return ApiError(StatusCode::TOO_MANY_REQUESTS, tr(lang, "live-error-rate")).into_response();
    }
    let response = next.run(request).await;
    if response.status() == StatusCode::NOT_FOUND {
        app.misses.allow(&key);
    }
    response
}

async fn create(
    State(app): State<Arc<LiveApp>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let request: CreateSession = parse(lang, &body)?;
    if let Some(problem) = request.survey.validate().into_iter().next() {
        return Err(ApiError(
            StatusCode::UNPROCESSABLE_ENTITY,
            tr_args(
                lang,
                "live-error-bad-survey",
                &[("detail", problem.message(lang).as_str().into())],
            ),
        ));
    }
    let mask_k = request.mask_k.unwrap_or(3).clamp(1, 20);
    let (code, secret) = app
        .hub
        .create(request.survey, mask_k)
        .await
        .map_err(|e| live_error(lang, "", e))?;
    let join_urls = app.join_urls(&code);
    Ok((
        StatusCode::CREATED,
        Json(Created {
            code,
            secret,
            join_urls,
        }),
    )
        .into_response())
}

async fn public_view(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = find(&app, lang, &raw)?;
    let view = live.public_views().borrow().clone();
    Ok(([(header::CONTENT_TYPE, "application/json")], view.to_string()).into_response())
}

async fn join(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let code = code_of(lang, &raw)?;
    let request: JoinBody = if body.is_empty() {
        JoinBody::default()
    } else {
        parse(lang, &body)?
    };
    let (token, participant) = app
        .hub
        .join(&code, request.token.as_deref())
        .await
        .map_err(|e| live_error(lang, &code, e))?;
    Ok(Json(Joined { participant, token }).into_response())
}

async fn me(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = find(&app, lang, &raw)?;
    let token = participant_token(&headers).unwrap_or("");
    let me = live.me(token).map_err(|e| live_error(lang, &live.code, e))?;
    Ok(Json(me).into_response())
}

async fn answer(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let code = code_of(lang, &raw)?;
    let token = participant_token(&headers)
        .ok_or_else(|| ApiError(StatusCode::FORBIDDEN, tr(lang, "live-error-unknown-participant")))?;
    if !app.by_participant.allow(token) {
        return Err(ApiError(
            StatusCode::TOO_MANY_REQUESTS,
            tr(lang, "live-error-rate"),
        ));
    }
    let request: AnswerBody = parse(lang, &body)?;
    let revision = app
        .hub
        .answer(&code, token, &request.question, request.choice.as_deref())
        .await
        .map_err(|e| live_error(lang, &code, e))?;
    Ok(Json(Ack { revision }).into_response())
}

fn sse(views: tokio::sync::watch::Receiver<Arc<str>>) -> Response {
    let stream = WatchStream::new(views)
        .map(|view| Ok::<_, std::convert::Infallible>(Event::default().event("view").data(&*view)));
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

async fn public_events(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = find(&app, lang, &raw)?;
    Ok(sse(live.public_views()))
}

async fn facilitator_events(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    Query(query): Query<SecretQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let live = facilitator(&app, lang(&headers), &raw, &headers, &query)?;
    Ok(sse(live.facilitator_views()))
}

async fn facilitator_view(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    Query(query): Query<SecretQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let live = facilitator(&app, lang(&headers), &raw, &headers, &query)?;
    Ok(Json(FacilitatorReply {
        join_urls: app.join_urls(&live.code),
        view: live.facilitator_view(),
    })
    .into_response())
}

#[derive(Deserialize)]
struct QrQuery {
    url: String,
}

async fn qr(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    Query(query): Query<QrQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = find(&app, lang, &raw)?;
    // Only this session's own join addresses are drawn.
    if !app.join_urls(&live.code).contains(&query.url) {
        return Err(ApiError(StatusCode::BAD_REQUEST, tr(lang, "live-error-qr-url")));
    }
    let svg = qrcode::QrCode::new(query.url.as_bytes())
        .map(|qr| {
            qr.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(240, 240)
                .dark_color(qrcode::render::svg::Color("#000000"))
                .light_color(qrcode::render::svg::Color("#ffffff"))
                .build()
        })
        .map_err(|e| ApiError(StatusCode::BAD_REQUEST, e.to_string()))?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

async fn control(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    Query(query): Query<SecretQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = facilitator(&app, lang, &raw, &headers, &query)?;
    let control: Control = parse(lang, &body)?;
    let revision = app
        .hub
        .control(&live.code, &control)
        .await
        .map_err(|e| live_error(lang, &live.code, e))?;
    Ok(Json(Ack { revision }).into_response())
}

async fn remove_response(
    State(app): State<Arc<LiveApp>>,
    Path((raw, number)): Path<(String, u32)>,
    Query(query): Query<SecretQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = facilitator(&app, lang, &raw, &headers, &query)?;
    let found = app
        .hub
        .remove_response(&live.code, number)
        .await
        .map_err(|e| live_error(lang, &live.code, e))?;
    Ok(Json(Removed { removed: found }).into_response())
}

async fn export(
    State(app): State<Arc<LiveApp>>,
    Path((raw, format)): Path<(String, String)>,
    Query(query): Query<SecretQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = facilitator(&app, lang, &raw, &headers, &query)?;
    let session = live.session();
    let (body, mime, ext) = match format.as_str() {
        "json" => (io::to_json(&session), "application/json", "json"),
        "csv" => (io::to_csv(&session, ';', lang), "text/csv; charset=utf-8", "csv"),
        _ => {
            return Err(ApiError(
                StatusCode::NOT_FOUND,
                tr(lang, "live-error-export-format"),
            ))
        }
    };
    let disposition = format!("attachment; filename=\"session-{}.{ext}\"", live.code);
    Ok((
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

async fn delete_session(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    Query(query): Query<SecretQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = facilitator(&app, lang, &raw, &headers, &query)?;
    app.hub
        .delete(&live.code)
        .await
        .map_err(|e| live_error(lang, &live.code, e))?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `/live/{code}`: the app shell for a running session, a French page explaining
/// what is wrong otherwise.
async fn participant_page(State(app): State<Arc<LiveApp>>, Path(raw): Path<String>) -> Response {
    page(&app, &raw, false).await
}

/// `/live/{code}/projecteur`: the app shell while the session exists (ended ones too,
/// for their exports); the app then asks for the secret.
async fn projector_page(State(app): State<Arc<LiveApp>>, Path(raw): Path<String>) -> Response {
    page(&app, &raw, true).await
}

async fn page(app: &LiveApp, raw: &str, ended_ok: bool) -> Response {
    let lang = Lang::Fr;
    let reason = match normalise_code(raw).and_then(|code| app.hub.get(&code)) {
        Some(live) if ended_ok || !live.survey_and_ended().1 => None,
        Some(_) => Some((StatusCode::GONE, tr(lang, "live-page-ended"))),
        None => Some((
            StatusCode::NOT_FOUND,
            tr_args(lang, "live-page-unknown", &[("code", raw.into())]),
        )),
    };
    match reason {
        None => match tokio::fs::read_to_string(&app.index).await {
            Ok(html) => Html(html).into_response(),
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        },
        Some((status, text)) => {
            (status, Html(pages::message(&tr(lang, "live-page-title"), &text))).into_response()
        }
    }
}
