//! Live sessions over HTTP: participants join and answer from their phones, the
//! projector follows with Server-Sent Events. The API is documented in
//! `docs/api-live.md`.
//!
//! Roles: facilitator requests carry the session's secret (`Authorization: Bearer …`;
//! `?secret=` for the projector's event stream, which a browser opens without headers;
//! `secret=` in the body of the projector's export form); participants carry their own token (`X-Briques-Participant`), which opens
//! nothing but their own answers. Participants only ever receive aggregates.
//!
//! What keeps a prankster on the Wi-Fi or another web page from misusing it: changes
//! need a JSON body and are refused when a browser says they come from another page;
//! every limit (requests, session creations, joins, event streams) counts per address
//! or per verified participant, never per raw header; every error, whoever produces it,
//! is `{"error": …}`, with `Retry-After` on `429` and `503`.

pub mod hub;
pub mod limits;
pub mod participant;
pub mod store;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{any, delete, get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use tokio_stream::wrappers::WatchStream;
use tokio_stream::StreamExt as _;

use briques_core::i18n::{tr, tr_args, Lang};
use briques_core::live::{
    normalise_code, Ack, AnswerBody, Control, CreateSession, Created, FacilitatorReply, InputBody, JoinBody,
    Joined, Refusal, Removed,
};
use briques_core::survey::{io, SurveyError, MAX_LABEL};

use crate::pages;
use hub::{Hub, LiveError};
use limits::{address_key, Caps, Full, Limiter, Rate};

/// Largest request body accepted by the live API.
pub const BODY_LIMIT: usize = 64 * 1024;

/// Time allowed to handle a request, reading its body included (event streams only
/// need to start within it).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The smallest and largest `mask_k`: below 2, no cell would ever be masked.
pub const MASK_K: std::ops::RangeInclusive<usize> = 2..=20;

/// Settings of live sessions (from `briques serve` options).
#[derive(Clone, Debug)]
pub struct LiveConfig {
    /// Sessions older than this are deleted.
    pub retention: Duration,
    /// Sessions nobody joined are deleted after this.
    pub unjoined_retention: Duration,
    /// Per network address.
    pub per_address: Rate,
    /// Per participant token.
    pub per_participant: Rate,
    /// Answers per session, all participants together.
    pub per_session: Rate,
    /// The address the server listens on (for join URLs).
    pub bound: SocketAddr,
    /// Live sessions the server holds at most.
    pub max_sessions: usize,
    /// Session creations per address.
    pub creations: Rate,
    /// Participants per session at most.
    pub max_participants: usize,
    /// New participants per address.
    pub joins: Rate,
    /// Event streams open at once, overall.
    pub max_streams: usize,
    /// Event streams open at once, per address.
    pub streams_per_address: usize,
}

impl LiveConfig {
    /// The defaults of `briques serve` (documented in `docs/api-live.md`), for `bound`.
    pub fn defaults(bound: SocketAddr) -> LiveConfig {
        LiveConfig {
            retention: Duration::from_secs(30 * 86_400),
            unjoined_retention: Duration::from_secs(7 * 86_400),
            per_address: Rate {
                per_second: 50.0,
                burst: 1000.0,
            },
            per_participant: Rate {
                per_second: 5.0,
                burst: 10.0,
            },
            per_session: Rate {
                per_second: 300.0,
                burst: 900.0,
            },
            bound,
            max_sessions: 200,
            creations: Rate {
                per_second: 20.0 / 3600.0,
                burst: 20.0,
            },
            max_participants: 300,
            joins: Rate {
                per_second: 1.0,
                burst: 300.0,
            },
            max_streams: 2048,
            streams_per_address: 400,
        }
    }
}

/// Shared state of the live API.
pub struct LiveApp {
    pub hub: Hub,
    config: LiveConfig,
    by_address: Limiter,
    by_participant: Limiter,
    by_session: Limiter,
    /// Failed look-ups of session codes, per address: guessing codes is slowed to a crawl.
    misses: Limiter,
    creations: Limiter,
    joins: Limiter,
    streams: Arc<Caps>,
    index: std::path::PathBuf,
    /// Opening the server to the local network from the presenter view (when it was
    /// started on this machine only): the serving loop takes new listeners here.
    network: std::sync::Mutex<Network>,
}

/// The addresses opened to the local network after start-up, and where to send their
/// listeners.
#[derive(Default)]
pub struct Network {
    /// The serving loop's channel for more listeners (`None`: no serving loop, as in
    /// tests of the router alone).
    pub listeners: Option<tokio::sync::mpsc::UnboundedSender<tokio::net::TcpListener>>,
    /// The addresses to offer instead of the machine's own network interfaces (tests,
    /// which must not listen beyond loopback).
    pub addresses: Option<Vec<IpAddr>>,
    /// Addresses opened so far.
    pub opened: Vec<SocketAddr>,
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
            by_session: Limiter::new(config.per_session),
            misses: Limiter::new(MISSES),
            creations: Limiter::new(config.creations),
            joins: Limiter::new(config.joins),
            streams: Caps::new(config.max_streams, config.streams_per_address),
            config,
            index,
            network: std::sync::Mutex::new(Network::default()),
        }
    }

    /// Where listeners opened to the local network go, and which addresses to open
    /// (`None`: the machine's network interfaces).
    pub fn set_network(
        &self,
        listeners: tokio::sync::mpsc::UnboundedSender<tokio::net::TcpListener>,
        addresses: Option<Vec<IpAddr>>,
    ) {
        let mut network = self.network.lock().unwrap_or_else(|p| p.into_inner());
        network.listeners = Some(listeners);
        network.addresses = addresses;
    }

    /// The machine's IPv4 addresses on its networks (not loopback).
    fn network_ips() -> Vec<IpAddr> {
        let mut ips: Vec<IpAddr> = if_addrs::get_if_addrs()
            .unwrap_or_default()
            .into_iter()
            .map(|i| i.ip())
            .filter(|ip| ip.is_ipv4() && !ip.is_loopback())
            .collect();
        ips.sort();
        ips.dedup();
        ips
    }

    /// Opens the server on the local network: a listener on each of the machine's
    /// network addresses, at the same port when free. Returns how many are open now.
    async fn open_network(&self) -> Result<usize, String> {
        if self.config.bound.ip().is_unspecified() {
            return Ok(usize::MAX);
        }
        let (sender, ips, opened) = {
            let network = self.network.lock().unwrap_or_else(|p| p.into_inner());
            let Some(sender) = network.listeners.clone() else {
                return Err(String::new());
            };
            let ips = network.addresses.clone().unwrap_or_else(Self::network_ips);
            (sender, ips, network.opened.clone())
        };
        let mut now = Vec::new();
        for ip in ips {
            if opened.iter().any(|a| a.ip() == ip) {
                continue;
            }
            let listener =
                match tokio::net::TcpListener::bind(SocketAddr::new(ip, self.config.bound.port())).await {
                    Ok(listener) => listener,
                    Err(_) => match tokio::net::TcpListener::bind(SocketAddr::new(ip, 0)).await {
                        Ok(listener) => listener,
                        Err(_) => continue,
                    },
                };
            let Ok(addr) = listener.local_addr() else { continue };
            if sender.send(listener).is_ok() {
                now.push(addr);
            }
        }
        let mut network = self.network.lock().unwrap_or_else(|p| p.into_inner());
        network.opened.extend(now);
        Ok(network.opened.len())
    }

    /// The participant address of `code` on each of the machine's network addresses.
    fn join_urls(&self, code: &str) -> Vec<String> {
        let port = self.config.bound.port();
        let opened = self
            .network
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .opened
            .clone();
        if !opened.is_empty() {
            return opened
                .iter()
                .chain(std::iter::once(&self.config.bound))
                .map(|addr| format!("http://{addr}/live/{code}"))
                .collect();
        }
        let ips: Vec<IpAddr> = if self.config.bound.ip().is_unspecified() {
            let mut ips = Self::network_ips();
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

/// Deletes old sessions, and those nobody joined after a shorter time, now and every hour.
pub fn spawn_purge(app: Arc<LiveApp>) {
    tokio::spawn(async move {
        loop {
            match app.hub.purge(app.config.retention).await {
                Ok(0) => {}
                Ok(n) => eprintln!("briques: {n} session(s) older than the retention period deleted"),
                Err(error) => eprintln!("briques: purge failed: {error:?}"),
            }
            let before = store::now() - app.config.unjoined_retention.as_secs() as i64;
            match app.hub.purge_unjoined_before(before).await {
                Ok(0) => {}
                Ok(n) => eprintln!("briques: {n} session(s) nobody joined deleted"),
                Err(error) => eprintln!("briques: purge failed: {error:?}"),
            }
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
    });
}

/// An error answered as `{"error": "…"}` in the requester's language (also by the
/// national budget files, `crate::budgets`), with `Retry-After` when waiting helps.
pub(crate) struct ApiError(pub(crate) StatusCode, pub(crate) String, Option<Duration>);

impl ApiError {
    /// `status` with `message`.
    pub(crate) fn new(status: StatusCode, message: String) -> ApiError {
        ApiError(status, message, None)
    }

    /// The same, saying when to try again.
    fn retry_after(self, wait: Duration) -> ApiError {
        ApiError(self.0, self.1, Some(wait))
    }

    /// A limit reached: `429` (this address) or `503` (the whole server).
    fn full(lang: Lang, full: Full, address_key: &str, wait: Duration) -> ApiError {
        match full {
            Full::Address => ApiError::new(StatusCode::TOO_MANY_REQUESTS, tr(lang, address_key)),
            Full::Server => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, tr(lang, "live-error-busy")),
        }
        .retry_after(wait)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.0, Json(serde_json::json!({ "error": self.1 }))).into_response();
        if let Some(wait) = self.2 {
            // Whole seconds, rounded up: "0" would invite an immediate retry.
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
        }
        response
    }
}

/// The client's address as limits count it ([`address_key`]).
fn client_key(request_extensions: &axum::http::Extensions) -> IpAddr {
    request_extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| address_key(c.0.ip()))
        .unwrap_or(IpAddr::from([0, 0, 0, 0]))
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
        LiveError::UnknownSession => ApiError::new(
            StatusCode::NOT_FOUND,
            tr_args(lang, "live-error-unknown-session", &[("code", code.into())]),
        ),
        LiveError::UnknownParticipant => {
            ApiError::new(StatusCode::FORBIDDEN, tr(lang, "live-error-unknown-participant"))
        }
        LiveError::Refused(refusal) => {
            let (status, key) = match refusal {
                Refusal::Ended => (StatusCode::GONE, "live-error-ended"),
                Refusal::Locked => (StatusCode::FORBIDDEN, "live-error-locked"),
                Refusal::UnknownQuestion => (StatusCode::UNPROCESSABLE_ENTITY, "live-error-unknown-question"),
                Refusal::UnknownChoice => (StatusCode::UNPROCESSABLE_ENTITY, "live-error-unknown-choice"),
                Refusal::Closed => (StatusCode::CONFLICT, "live-error-closed"),
                Refusal::UnknownStep => (StatusCode::UNPROCESSABLE_ENTITY, "live-error-unknown-step"),
                Refusal::InvalidInput => (StatusCode::UNPROCESSABLE_ENTITY, "live-error-invalid-input"),
            };
            ApiError::new(status, tr(lang, key))
        }
        LiveError::TooManyParticipants(max) => ApiError::new(
            StatusCode::FORBIDDEN,
            tr_args(lang, "live-error-too-many-participants", &[("max", max.into())]),
        ),
        LiveError::TooManySessions(max) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            tr_args(lang, "live-error-too-many-sessions", &[("max", max.into())]),
        )
        .retry_after(Duration::from_secs(600)),
        LiveError::Storage(detail) => ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            tr_args(lang, "live-error-storage", &[("detail", detail.as_str().into())]),
        ),
    }
}

/// Reads a JSON body. Only `application/json` is read: a web page can send a form or
/// plain text to another site without asking, but not JSON.
fn parse<T: serde::de::DeserializeOwned>(
    lang: Lang,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<T, ApiError> {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"));
    if !json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            tr(lang, "live-error-content-type"),
        ));
    }
    serde_json::from_slice(body).map_err(|e| {
        ApiError::new(
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
        ApiError::new(
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
async fn find(app: &LiveApp, lang: Lang, raw_code: &str) -> Result<Arc<hub::Live>, ApiError> {
    let code = code_of(lang, raw_code)?;
    app.hub
        .find(&code)
        .await
        .ok_or_else(|| live_error(lang, &code, LiveError::UnknownSession))
}

/// The credentials of an `Authorization` header (any case of `Bearer`, as RFC 9110 says).
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, credentials) = value.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| credentials.trim())
}

/// Finds the session and checks the facilitator's secret: from the header, or from
/// `query` where it is allowed (the event stream's query, the export form's body).
async fn facilitator(
    app: &LiveApp,
    lang: Lang,
    raw_code: &str,
    headers: &HeaderMap,
    query: Option<&SecretQuery>,
) -> Result<Arc<hub::Live>, ApiError> {
    let live = find(app, lang, raw_code).await?;
    let from_query = query.and_then(|q| q.secret.as_deref());
    let secret = bearer(headers).or(from_query).unwrap_or("");
    if live.is_facilitator(secret) {
        Ok(live)
    } else {
        Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            tr(lang, "live-error-not-facilitator"),
        ))
    }
}

/// The participant token, if the header holds one of the shape the server gives (32
/// lower-case hexadecimal digits): anything else is refused before it is looked up,
/// stored or counted.
fn participant_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get("x-briques-participant")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|t| is_token(t))
}

fn is_token(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
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
        .route("/api/live/sessions/{code}/input", put(input))
        .route("/api/live/sessions/{code}/events", get(public_events))
        .route("/api/live/sessions/{code}/qr.svg", get(qr))
        .route("/api/live/sessions/{code}/facilitator", get(facilitator_view))
        .route(
            "/api/live/sessions/{code}/facilitator/events",
            get(facilitator_events),
        )
        .route("/api/live/sessions/{code}/control", post(control))
        .route("/api/live/sessions/{code}/network", post(open_network))
        .route(
            "/api/live/sessions/{code}/participants/{number}",
            delete(remove_response),
        )
        .route(
            "/api/live/sessions/{code}/export/{format}",
            get(export).post(export_form),
        )
        .route("/api/live", any(unknown_api))
        .route("/api/live/{*rest}", any(unknown_api))
        .route("/live/{code}", get(participant_page))
        .route("/live/{code}/projecteur", get(projector_page))
        .route("/live/{code}/ecran", get(projector_page))
        .layer(middleware::from_fn_with_state(app.clone(), limit_by_address))
        .layer(middleware::from_fn(same_origin_changes))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(json_errors))
        .with_state(app)
}

async fn unknown_api(headers: HeaderMap) -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, tr(lang(&headers), "live-error-no-route"))
}

/// Every error of the API is `{"error": …}`, including those axum writes in plain text
/// (a body over the limit, a path or query that does not parse, a wrong method, a
/// request too slow): they get the message of their status, the original text quoted.
async fn json_errors(request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let lang = lang(request.headers());
    let response = next.run(request).await;
    let status = response.status();
    // JSON already, or a page written on purpose (the export form's refusals).
    let is_json = response.headers().get(header::CONTENT_TYPE).is_some_and(|v| {
        v.as_bytes().starts_with(b"application/json") || v.as_bytes().starts_with(b"text/html")
    });
    if !api || !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (parts, body) = response.into_parts();
    let detail = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let detail = String::from_utf8_lossy(&detail);
    let message = match status {
        StatusCode::PAYLOAD_TOO_LARGE => tr_args(
            lang,
            "live-error-too-large",
            &[("max", (BODY_LIMIT / 1024).into())],
        ),
        StatusCode::METHOD_NOT_ALLOWED => tr(lang, "live-error-method"),
        StatusCode::REQUEST_TIMEOUT => tr(lang, "live-error-timeout"),
        StatusCode::NOT_FOUND => tr(lang, "live-error-no-route"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => tr(lang, "live-error-content-type"),
        _ => tr_args(
            lang,
            "live-error-bad-request",
            &[("detail", detail.trim().into())],
        ),
    };
    let mut out = ApiError::new(status, message).into_response();
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(value) = parts.headers.get(&name) {
            out.headers_mut().insert(name, value.clone());
        }
    }
    out
}

/// Refuses a change (`POST`, `PUT`, `DELETE`) that a browser says comes from another
/// site: `Sec-Fetch-Site` other than `same-origin` or `none`, or an `Origin` that is not
/// this server's `Host`. Scripts and `curl` send neither and are not concerned.
async fn same_origin_changes(request: Request, next: Next) -> Response {
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if changes && is_cross_site(request.headers()) {
        let lang = lang(request.headers());
        return ApiError::new(StatusCode::FORBIDDEN, tr(lang, "live-error-cross-site")).into_response();
    }
    next.run(request).await
}

/// `Sec-Fetch-Site`, which no page can forge, decides when it is there: a same-origin
/// form sends `Origin: null` under the `no-referrer` policy. `Origin` decides otherwise.
fn is_cross_site(headers: &HeaderMap) -> bool {
    let text = |name| headers.get(name).map(|v: &HeaderValue| v.to_str().unwrap_or("?"));
    if let Some(site) = text("sec-fetch-site") {
        return !matches!(site, "same-origin" | "none");
    }
    match text(header::ORIGIN.as_str()) {
        None => false,
        Some(origin) => {
            let authority = origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"));
            let host = text(header::HOST.as_str());
            !matches!((authority, host), (Some(a), Some(h)) if a.eq_ignore_ascii_case(h))
        }
    }
}

/// Counts requests per address, except those carrying a participant's token or a
/// facilitator's secret: the handlers count those per participant and per session once
/// the credential is verified, so a room of 300 behind one NAT or reverse proxy is not
/// throttled as one device, and a prankster in that room cannot stop the others'
/// answers. Failures count as misses for the address (an unknown code, a false token or
/// secret); after ten, every request from it without a credential gets `429`, and so
/// does every failed one with a credential — the same answer either way, so a guesser
/// learns nothing from it.
async fn limit_by_address(State(app): State<Arc<LiveApp>>, request: Request, next: Next) -> Response {
    let key = client_key(request.extensions()).to_string();
    let lang = lang(request.headers());
    let credentialed = participant_token(request.headers()).is_some() || bearer(request.headers()).is_some();
    let too_many = |wait| {
        ApiError::new(StatusCode::TOO_MANY_REQUESTS, tr(lang, "live-error-rate"))
            .retry_after(wait)
            .into_response()
    };
    if !credentialed {
        let over = app
            .misses
            .exhausted(&key)
            .map_or_else(|| app.by_address.allow(&key), Err);
        if let Err(wait) = over {
            return too_many(wait);
        }
    }
    let response = next.run(request).await;
    let refused = matches!(
        response.status(),
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
    );
    if response.status() == StatusCode::NOT_FOUND || (credentialed && refused) {
        if credentialed {
            if let Some(wait) = app.misses.exhausted(&key) {
                return too_many(wait);
            }
        }
        let _ = app.misses.allow(&key);
    }
    response
}

async fn create(
    State(app): State<Arc<LiveApp>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let request: CreateSession = parse(lang, &headers, &body)?;
    let title_too_long =
        (request.survey.title.chars().count() > MAX_LABEL).then(|| SurveyError::LabelTooLong {
            start: briques_core::i18n::shorten(&request.survey.title, 40),
        });
    if let Some(problem) = title_too_long.into_iter().chain(request.survey.validate()).next() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            tr_args(
                lang,
                "live-error-bad-survey",
                &[("detail", problem.message(lang).as_str().into())],
            ),
        ));
    }
    match briques_core::live::steps::check_steps(&request.steps) {
        Ok(()) => {}
        Err(briques_core::live::steps::StepProblem::InvalidStep { step, reason }) => {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                tr_args(
                    lang,
                    "live-error-bad-steps",
                    &[
                        ("step", step.into()),
                        ("detail", tr(lang, reason).as_str().into()),
                    ],
                ),
            ))
        }
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                tr_args(
                    lang,
                    "live-error-too-many-steps",
                    &[("max", briques_core::live::steps::MAX_STEPS.into())],
                ),
            ))
        }
    }
    let mask_k = request.mask_k.unwrap_or(3);
    if !MASK_K.contains(&mask_k) {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            tr_args(
                lang,
                "live-error-mask-k",
                &[
                    ("value", mask_k.into()),
                    ("min", (*MASK_K.start()).into()),
                    ("max", (*MASK_K.end()).into()),
                ],
            ),
        ));
    }
    // Counted once the request is valid: a mistake in a survey costs no creation.
    if let Err(wait) = app.creations.allow(&address_key(peer.ip()).to_string()) {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            tr(lang, "live-error-creation-rate"),
        )
        .retry_after(wait));
    }
    let (code, secret) = app
        .hub
        .create(
            request.survey,
            briques_core::live::steps_or_duplo(request.steps),
            mask_k,
            app.config.max_sessions,
        )
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
    let live = find(&app, lang, &raw).await?;
    Ok(Json(live.public_view_now()).into_response())
}

async fn join(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let code = code_of(lang, &raw)?;
    let request: JoinBody = parse(lang, &headers, &body)?;
    let live = app
        .hub
        .find(&code)
        .await
        .ok_or_else(|| live_error(lang, &code, LiveError::UnknownSession))?;
    // Coming back with one's token is free; a new participant counts against the address.
    let known = match request.token.as_deref().filter(|t| is_token(t)) {
        Some(token) => app.hub.participant(&live, token).await,
        None => None,
    };
    if known.is_none() {
        if let Err(wait) = app.joins.allow(&address_key(peer.ip()).to_string()) {
            return Err(
                ApiError::new(StatusCode::TOO_MANY_REQUESTS, tr(lang, "live-error-join-rate"))
                    .retry_after(wait),
            );
        }
    }
    let token = request.token.as_deref().filter(|t| is_token(t));
    let (token, participant) = app
        .hub
        .join(&code, token, app.config.max_participants)
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
    let live = find(&app, lang, &raw).await?;
    let token = participant_token(&headers)
        .ok_or_else(|| live_error(lang, &live.code, LiveError::UnknownParticipant))?;
    // Heard of here (a phone that joined through another server sharing the store).
    let _ = app.hub.participant(&live, token).await;
    let me = live.me(token).map_err(|e| live_error(lang, &live.code, e))?;
    Ok(Json(me).into_response())
}

/// The token of a participant of `live` who may answer now: known to the session, and
/// within their rate (counted per verified participant: an invented token costs nothing
/// to keep).
async fn answering_participant<'h>(
    app: &LiveApp,
    lang: Lang,
    live: &hub::Live,
    headers: &'h HeaderMap,
) -> Result<&'h str, ApiError> {
    let unknown = || live_error(lang, &live.code, LiveError::UnknownParticipant);
    let token = participant_token(headers).ok_or_else(unknown)?;
    let number = app.hub.participant(live, token).await.ok_or_else(unknown)?;
    if let Err(wait) = app.by_participant.allow(&format!("{}/{number}", live.code)) {
        return Err(
            ApiError::new(StatusCode::TOO_MANY_REQUESTS, tr(lang, "live-error-rate")).retry_after(wait),
        );
    }
    // The whole room together: one session cannot take the server for itself.
    if let Err(wait) = app.by_session.allow(&live.code) {
        return Err(
            ApiError::new(StatusCode::TOO_MANY_REQUESTS, tr(lang, "live-error-session-rate"))
                .retry_after(wait),
        );
    }
    Ok(token)
}

async fn answer(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = find(&app, lang, &raw).await?;
    let token = answering_participant(&app, lang, &live, &headers).await?;
    let request: AnswerBody = parse(lang, &headers, &body)?;
    let revision = app
        .hub
        .answer(&live.code, token, &request.question, request.choice.as_deref())
        .await
        .map_err(|e| live_error(lang, &live.code, e))?;
    Ok(Json(Ack { revision }).into_response())
}

async fn input(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = find(&app, lang, &raw).await?;
    let token = answering_participant(&app, lang, &live, &headers).await?;
    let request: InputBody = parse(lang, &headers, &body)?;
    let revision = app
        .hub
        .input(&live.code, token, request.step, request.input)
        .await
        .map_err(|e| live_error(lang, &live.code, e))?;
    Ok(Json(Ack { revision }).into_response())
}

/// An event stream of `views`, holding `held` (its place under the stream caps) while
/// it is open.
fn sse(views: tokio::sync::watch::Receiver<Arc<str>>, held: limits::Held) -> Response {
    let stream = WatchStream::new(views)
        .filter(|view| !view.is_empty())
        .map(move |view| {
            let _held = &held;
            Ok::<_, std::convert::Infallible>(Event::default().event("view").data(&*view))
        });
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

/// A place for one more event stream from this address.
fn stream_place(app: &LiveApp, lang: Lang, peer: SocketAddr) -> Result<limits::Held, ApiError> {
    app.streams
        .take(peer.ip())
        .map_err(|full| ApiError::full(lang, full, "live-error-too-many-streams", Duration::from_secs(10)))
}

async fn public_events(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = find(&app, lang, &raw).await?;
    let held = stream_place(&app, lang, peer)?;
    Ok(sse(live.public_views(), held))
}

async fn facilitator_events(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    Query(query): Query<SecretQuery>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = facilitator(&app, lang, &raw, &headers, Some(&query)).await?;
    let held = stream_place(&app, lang, peer)?;
    Ok(sse(live.facilitator_views(), held))
}

async fn facilitator_view(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let live = facilitator(&app, lang(&headers), &raw, &headers, None).await?;
    Ok(Json(FacilitatorReply {
        join_urls: app.join_urls(&live.code),
        view: live.facilitator_view(),
    })
    .into_response())
}

#[derive(Deserialize)]
struct QrQuery {
    url: Option<String>,
}

/// The presenter view's "open to the Wi-Fi": for this session's facilitator, from this
/// machine only (someone on the network could not ask: it does not reach the server yet).
async fn open_network(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = facilitator(&app, lang, &raw, &headers, None).await?;
    if !peer.ip().is_loopback() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            tr(lang, "live-error-network-local"),
        ));
    }
    match app.open_network().await {
        Ok(0) => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                tr(lang, "live-error-network-none"),
            ))
        }
        Ok(_) => {}
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                tr(lang, "live-error-network-unavailable"),
            ))
        }
    }
    Ok(Json(FacilitatorReply {
        join_urls: app.join_urls(&live.code),
        view: live.facilitator_view(),
    })
    .into_response())
}

async fn qr(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    Query(query): Query<QrQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = find(&app, lang, &raw).await?;
    // Only this session's own join addresses are drawn.
    let url = query
        .url
        .filter(|url| app.join_urls(&live.code).contains(url))
        .ok_or_else(|| ApiError::new(StatusCode::BAD_REQUEST, tr(lang, "live-error-qr-url")))?;
    let svg = qrcode::QrCode::new(url.as_bytes())
        .map(|qr| {
            qr.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(240, 240)
                .dark_color(qrcode::render::svg::Color("#000000"))
                .light_color(qrcode::render::svg::Color("#ffffff"))
                .build()
        })
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, e.to_string()))?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

async fn control(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = facilitator(&app, lang, &raw, &headers, None).await?;
    let control: Control = parse(lang, &headers, &body)?;
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
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = facilitator(&app, lang, &raw, &headers, None).await?;
    let found = app
        .hub
        .remove_response(&live.code, number)
        .await
        .map_err(|e| live_error(lang, &live.code, e))?;
    Ok(Json(Removed { removed: found }).into_response())
}

/// An export, for the facilitator's secret in the `Authorization` header: never in an
/// address (the projected screen, the download history, a proxy's log).
async fn export(
    State(app): State<Arc<LiveApp>>,
    Path((raw, format)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = facilitator(&app, lang, &raw, &headers, None).await?;
    export_of(&live, lang, &format)
}

/// An export posted by the projector page's form (`secret=…` in the body, which a
/// browser downloads without leaving the page). Reading is all it does, so a form from
/// another page gains nothing; it is refused anyway, as every `POST` from elsewhere. A
/// refusal is a page (the browser shows it in place of the projector's), with the way back.
async fn export_form(
    State(app): State<Arc<LiveApp>>,
    Path((raw, format)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let lang = lang(&headers);
    let form: SecretQuery = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    match facilitator(&app, lang, &raw, &headers, Some(&form))
        .await
        .and_then(|live| export_of(&live, lang, &format))
    {
        Ok(response) => response,
        Err(ApiError(status, message, _)) => (
            status,
            Html(pages::message(&tr(lang, "live-page-title"), &message)),
        )
            .into_response(),
    }
}

fn export_of(live: &hub::Live, lang: Lang, format: &str) -> Result<Response, ApiError> {
    let session = live.session();
    let (steps, inputs, state) = live.steps_and_inputs();
    let unknown = || ApiError::new(StatusCode::NOT_FOUND, tr(lang, "live-error-export-format"));
    let (body, mime, name) = match format {
        // The session file, with the workshop's steps and answers (the Duplo page reads
        // it as a session file).
        "json" => (
            briques_core::live::export::workshop_json(&session, &steps, &inputs, &state),
            "application/json",
            format!("session-{}.json", live.code),
        ),
        "csv" => (
            io::to_csv(&session, ';', lang),
            "text/csv; charset=utf-8",
            format!("session-{}.csv", live.code),
        ),
        _ => {
            // `step-N.csv`: the answers to step N (from 1).
            let n: usize = format
                .strip_prefix("step-")
                .and_then(|rest| rest.strip_suffix(".csv"))
                .and_then(|n| n.parse().ok())
                .filter(|n| *n >= 1)
                .ok_or_else(unknown)?;
            let body = briques_core::live::export::step_csv(&steps, n - 1, &inputs, &state, ';', lang)
                .ok_or_else(unknown)?;
            (
                body,
                "text/csv; charset=utf-8",
                format!("session-{}-etape-{n}.csv", live.code),
            )
        }
    };
    let disposition = format!("attachment; filename=\"{name}\"");
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
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = lang(&headers);
    let live = facilitator(&app, lang, &raw, &headers, None).await?;
    app.hub
        .delete(&live.code)
        .await
        .map_err(|e| live_error(lang, &live.code, e))?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The language of the participant's page: `?lang=` when it names one, else the
/// browser's (`Accept-Language`), French by default.
#[derive(Deserialize, Default)]
struct PageQuery {
    lang: Option<String>,
}

/// `/live/{code}`: the participant's page (`participant`) for a running session, a French
/// page explaining what is wrong otherwise.
async fn participant_page(
    State(app): State<Arc<LiveApp>>,
    Path(raw): Path<String>,
    Query(query): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    match session_for_page(&app, &raw, false).await {
        Ok(live) => {
            let lang = query
                .lang
                .as_deref()
                .and_then(Lang::from_code)
                .unwrap_or_else(|| lang(&headers));
            participant::response(&live.public_view_now(), lang)
        }
        Err(refusal) => refusal,
    }
}

/// `/live/{code}/projecteur`: the app shell while the session exists (ended ones too,
/// for their exports); the app then asks for the secret.
async fn projector_page(State(app): State<Arc<LiveApp>>, Path(raw): Path<String>) -> Response {
    if let Err(refusal) = session_for_page(&app, &raw, true).await {
        return refusal;
    }
    match tokio::fs::read_to_string(&app.index).await {
        Ok(html) => Html(html).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The session a page is for, or the French page saying that the code is unknown (`404`)
/// or that the session has ended (`410`, unless `ended_ok`).
#[allow(clippy::result_large_err)]
async fn session_for_page(app: &LiveApp, raw: &str, ended_ok: bool) -> Result<Arc<hub::Live>, Response> {
    let lang = Lang::Fr;
    let live = match normalise_code(raw) {
        Some(code) => app.hub.find(&code).await,
        None => None,
    };
    let (status, text) = match live {
        Some(live) if ended_ok || !live.survey_and_ended().1 => return Ok(live),
        Some(_) => (StatusCode::GONE, tr(lang, "live-page-ended")),
        None => (
            StatusCode::NOT_FOUND,
            tr_args(lang, "live-page-unknown", &[("code", raw.into())]),
        ),
    };
    Err((status, Html(pages::message(&tr(lang, "live-page-title"), &text))).into_response())
}
