//! `briques-standin`: a local stand-in for the official open-data APIs, for tests that
//! may not reach the internet. One loopback process answers for three hosts, each under
//! a prefix: `/ofgl` (data.ofgl.fr), `/dgfip` (data.economie.gouv.fr), both Opendatasoft
//! Explore v2.1, and `/datagouv` (www.data.gouv.fr API v1), plus `/files/…` (resources).
//! It follows the documented URL shapes, parameters, paging, bodies and errors (see
//! `/work/corpus/apis/README.md` §5), serves synthetic rows from `tests/standin/` and the
//! real Cazères OFGL export when present, and fails on demand (`POST /_standin/fail`).
//!
//! Usage: `briques-standin [--port N] [--data DIR] [--real DIR]`. It prints one first
//! line, `http://127.0.0.1:PORT`, once ready, and exits when its stdin closes or on
//! SIGTERM.

#[path = "standin/datagouv.rs"]
mod datagouv;
#[path = "standin/odsql.rs"]
mod odsql;
#[path = "standin/tables.rs"]
mod tables;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::{to_bytes, Body};
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use odsql::{Cell, Filter, OdsError, Order, Select};
use tables::{Dataset, Tables, DGFIP_PREFIX, OFGL_DATASET};

/// The most requests kept in the log (oldest dropped), so a long test cannot grow it
/// without bound.
const LOG_LIMIT: usize = 10_000;
/// `records`: `limit` default and maximum, and the cap of `offset + limit`.
const RECORDS_DEFAULT_LIMIT: i64 = 10;
const RECORDS_MAX_LIMIT: i64 = 100;
const RECORDS_WINDOW: i64 = 10_000;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    ServerError,
    TooMany,
    Slow,
    Garbage,
    Truncated,
    NoCors,
}

impl Mode {
    fn parse(text: &str) -> Option<Mode> {
        Some(match text {
            "500" => Mode::ServerError,
            "429" => Mode::TooMany,
            "slow" => Mode::Slow,
            "garbage" => Mode::Garbage,
            "truncated" => Mode::Truncated,
            "nocors" => Mode::NoCors,
            _ => return None,
        })
    }
}

/// A failure armed for a host: how, how many more times (`None`: until reset), delay.
#[derive(Clone, Debug)]
struct Failure {
    mode: Mode,
    remaining: Option<u32>,
    delay: Duration,
}

const HOSTS: [&str; 4] = ["ofgl", "dgfip", "datagouv", "files"];

struct Standin {
    base: String,
    data: PathBuf,
    tables: Tables,
    datasets: Vec<Value>,
    failures: Mutex<HashMap<String, Failure>>,
    log: Mutex<Vec<Value>>,
}

type Shared = Arc<Standin>;

fn main() {
    let mut port: u16 = 0;
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut data = manifest.join("../tests/standin");
    let mut real = manifest.join("../../shared/data/real");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next().unwrap_or_else(|| {
                eprintln!("briques-standin: {arg} needs a value");
                std::process::exit(2)
            })
        };
        match arg.as_str() {
            "--port" => {
                port = value().parse().unwrap_or_else(|_| {
                    eprintln!("briques-standin: --port needs a number");
                    std::process::exit(2)
                })
            }
            "--data" => data = PathBuf::from(value()),
            "--real" => real = PathBuf::from(value()),
            _ => {
                eprintln!("usage: briques-standin [--port N] [--data DIR] [--real DIR]");
                std::process::exit(2)
            }
        }
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    if let Err(e) = runtime.block_on(run(port, data, real)) {
        eprintln!("briques-standin: {e}");
        std::process::exit(1);
    }
}

async fn run(port: u16, data: PathBuf, real: PathBuf) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let base = format!("http://{address}");
    let mut notes = Vec::new();
    let tables = tables::load(&data, &real, &mut notes)?;
    for note in notes {
        eprintln!("briques-standin: {note}");
    }
    let catalogue = std::fs::read_to_string(data.join("datagouv-datasets.json"))
        .map_err(|e| format!("{}: {e}", data.join("datagouv-datasets.json").display()))?
        .replace("{standin}", &base);
    let datasets: Vec<Value> =
        serde_json::from_str(&catalogue).map_err(|e| format!("datagouv-datasets.json: {e}"))?;
    let state = Arc::new(Standin {
        base: base.clone(),
        data,
        tables,
        datasets,
        failures: Mutex::new(HashMap::new()),
        log: Mutex::new(Vec::new()),
    });

    // Tests read this line to know the server is ready; it must be the first.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "{base}")
        .and_then(|()| stdout.flush())
        .map_err(|e| e.to_string())?;
    // Exit when stdin closes: the test that started us is gone (SIGTERM and SIGKILL
    // end the process by their default action).
    std::thread::spawn(|| {
        let mut buffer = [0u8; 256];
        let mut stdin = std::io::stdin();
        while matches!(stdin.read(&mut buffer), Ok(n) if n > 0) {}
        std::process::exit(0);
    });

    let ods = "/api/explore/v2.1/catalog/datasets";
    let app = Router::new()
        .route(&format!("/{{portal}}{ods}/{{id}}/records"), get(records))
        .route(
            &format!("/{{portal}}{ods}/{{id}}/exports/{{format}}"),
            get(export),
        )
        .route(&format!("/{{portal}}{ods}/{{id}}"), get(metadata))
        .route("/datagouv/api/1/datasets/", get(datagouv_search))
        .route("/datagouv/api/1/datasets", get(datagouv_search))
        .route("/datagouv/api/1/datasets/{id}/", get(datagouv_one))
        .route("/datagouv/api/1/datasets/{id}", get(datagouv_one))
        .route("/files/{name}", get(file))
        .route("/files-nocors/{name}", get(file))
        .route("/_standin/fail", post(arm_failure))
        .route("/_standin/reset", post(reset))
        .route("/_standin/log", get(read_log))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), gate))
        .with_state(state);
    axum::serve(listener, app).await.map_err(|e| e.to_string())
}

/// Which stand-in host a path belongs to.
fn host_of(path: &str) -> &'static str {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    match first {
        "ofgl" => "ofgl",
        "dgfip" => "dgfip",
        "datagouv" => "datagouv",
        "files" | "files-nocors" => "files",
        _ => "",
    }
}

fn with_cors(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

/// Every request passes here: it is logged, an armed failure for its host is applied,
/// preflights are answered, and CORS is added (except where a host is meant to lack it).
async fn gate(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if path.starts_with("/_standin/") {
        return with_cors(next.run(request).await);
    }
    {
        let mut log = state.log.lock().unwrap_or_else(|e| e.into_inner());
        if log.len() >= LOG_LIMIT {
            log.remove(0);
        }
        log.push(json!({
            "method": request.method().as_str(),
            "path": path,
            "query": request.uri().query(),
        }));
    }
    let host = host_of(&path);
    let failure = {
        let mut failures = state.failures.lock().unwrap_or_else(|e| e.into_inner());
        let key = if failures.contains_key(host) { host } else { "all" };
        let armed = failures.get_mut(key).map(|f| {
            if let Some(n) = f.remaining.as_mut() {
                *n -= 1;
            }
            f.clone()
        });
        if armed.as_ref().is_some_and(|f| f.remaining == Some(0)) {
            failures.remove(key);
        }
        armed
    };
    let cors = !path.starts_with("/files-nocors/");
    let preflight = request.method() == Method::OPTIONS;
    let answer = |request: Request, next: Next| async move {
        if preflight {
            let mut response = StatusCode::NO_CONTENT.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("GET, POST, OPTIONS"),
            );
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static("*"),
            );
            headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
            response
        } else {
            next.run(request).await
        }
    };
    let Some(failure) = failure else {
        let response = answer(request, next).await;
        return if cors { with_cors(response) } else { response };
    };
    match failure.mode {
        Mode::ServerError => with_cors(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
        Mode::TooMany => with_cors(too_many()),
        Mode::Slow => {
            // Only this request waits: the runtime keeps serving the others.
            tokio::time::sleep(failure.delay).await;
            let response = answer(request, next).await;
            if cors {
                with_cors(response)
            } else {
                response
            }
        }
        Mode::Garbage => with_cors(
            (
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                "<!DOCTYPE html><html><head><title>Maintenance</title></head>\
                 <body><h1>Service temporairement indisponible</h1></body></html>\n",
            )
                .into_response(),
        ),
        Mode::Truncated => {
            let response = answer(request, next).await;
            let (mut parts, body) = response.into_parts();
            let bytes = to_bytes(body, 64 * 1024 * 1024).await.unwrap_or_default();
            let cut = bytes.slice(..bytes.len() / 2);
            parts.headers.remove(header::CONTENT_LENGTH);
            with_cors(Response::from_parts(parts, Body::from(cut)))
        }
        Mode::NoCors => answer(request, next).await,
    }
}

/// The documented 429 of Opendatasoft for anonymous users, with its quota headers; the
/// quota resets at the next midnight UTC.
fn too_many() -> Response {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let reset = (now / 86_400 + 1) * 86_400;
    let body = json!({
        "errorcode": 10005,
        "reset_time": iso_midnight(reset),
        "limit_time_unit": "day",
        "call_limit": 1000,
        "error": "You have exceeded the requests limit for anonymous users.",
    });
    let mut response = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
    let headers = response.headers_mut();
    headers.insert("x-ratelimit-limit", HeaderValue::from_static("1000"));
    headers.insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
    if let Ok(value) = HeaderValue::from_str(&reset.to_string()) {
        headers.insert("x-ratelimit-reset", value);
    }
    response
}

/// `YYYY-MM-DDT00:00:00Z` of a Unix time at midnight (civil-from-days, Howard Hinnant).
fn iso_midnight(epoch: u64) -> String {
    let z = (epoch / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T00:00:00Z")
}

fn ods_error(error: OdsError) -> Response {
    let status = StatusCode::from_u16(error.status).unwrap_or(StatusCode::BAD_REQUEST);
    (
        status,
        Json(json!({"error_code": error.code, "message": error.message})),
    )
        .into_response()
}

/// The dataset a portal serves under this id, or the 404 (its body is undocumented:
/// a neutral code; clients key on the status).
fn dataset<'a>(state: &'a Standin, portal: &str, id: &str) -> Result<&'a Dataset, OdsError> {
    let found = match portal {
        "ofgl" if id == OFGL_DATASET => Some(&state.tables.ofgl),
        "dgfip" => id
            .strip_prefix(DGFIP_PREFIX)
            .and_then(|year| year.parse::<i32>().ok())
            .and_then(|year| state.tables.dgfip.get(&year)),
        _ => None,
    };
    found.ok_or_else(|| OdsError {
        status: 404,
        code: "DatasetNotFound",
        message: format!("The dataset '{id}' does not exist or is not published on this portal."),
    })
}

fn params(uri: &Uri) -> Vec<(String, String)> {
    Query::<Vec<(String, String)>>::try_from_uri(uri).map_or_else(|_| Vec::new(), |q| q.0)
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .rev()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The query's rows (filtered and ordered) and its select.
fn query<'a>(
    data: &'a Dataset,
    params: &[(String, String)],
) -> Result<(Vec<&'a Vec<Cell>>, Select), OdsError> {
    let mut filter = Filter::default();
    for (_, text) in params.iter().filter(|(n, _)| n == "where") {
        filter.add(text, data.fields)?;
    }
    let select = match param(params, "select").filter(|s| !s.trim().is_empty()) {
        Some(text) => Select::parse(text, data.fields)?,
        None => Select::all(data.fields),
    };
    if param(params, "group_by").is_some_and(|g| !g.is_empty()) {
        return Err(OdsError::malformed(
            "group_by is not supported by the stand-in",
            "group_by",
        ));
    }
    let mut rows: Vec<&Vec<Cell>> = data.rows.iter().filter(|r| filter.matches(r)).collect();
    if let Some(text) = param(params, "order_by").filter(|s| !s.trim().is_empty()) {
        let order = Order::parse(text, data.fields)?;
        rows.sort_by(|a, b| order.compare(a, b));
    }
    Ok((rows, select))
}

fn integer(params: &[(String, String)], name: &str, default: i64) -> Result<i64, OdsError> {
    match param(params, name) {
        None | Some("") => Ok(default),
        Some(text) => text.trim().parse().map_err(|_| {
            OdsError::rest(format!(
                "Invalid value for {name} API parameter: {text} was found but an integer is expected."
            ))
        }),
    }
}

async fn records(
    State(state): State<Shared>,
    Path((portal, id)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    let params = params(&uri);
    let result = (|| {
        let data = dataset(&state, &portal, &id)?;
        let limit = integer(&params, "limit", RECORDS_DEFAULT_LIMIT)?;
        if !(-1..=RECORDS_MAX_LIMIT).contains(&limit) {
            return Err(OdsError::rest(format!(
                "Invalid value for limit API parameter: {limit} was found but -1 <= limit <= 100 is expected."
            )));
        }
        // -1 is accepted by the portal; the stand-in reads it as the largest page.
        let limit = if limit == -1 { RECORDS_MAX_LIMIT } else { limit };
        let offset = integer(&params, "offset", 0)?;
        if offset < 0 {
            return Err(OdsError::rest(format!(
                "Invalid value for offset API parameter: {offset} was found but >= 0 is expected."
            )));
        }
        if offset + limit > RECORDS_WINDOW {
            return Err(OdsError::rest(format!(
                "Invalid value for sum of offset + limit API parameter: {} was found but <= 10000 is expected.",
                offset + limit
            )));
        }
        let (rows, select) = query(data, &params)?;
        if select.is_aggregate() {
            return Ok(json!({"total_count": 1, "results": [select.to_object(select.aggregate(&rows))]}));
        }
        let results: Vec<Value> = rows
            .iter()
            .skip(offset as usize)
            .take(limit as usize)
            .map(|r| select.to_object(select.project(r)))
            .collect();
        Ok(json!({"total_count": rows.len(), "results": results}))
    })();
    match result {
        Ok(body) => Json(body).into_response(),
        Err(e) => ods_error(e),
    }
}

async fn export(
    State(state): State<Shared>,
    Path((portal, id, format)): Path<(String, String, String)>,
    uri: Uri,
) -> Response {
    let params = params(&uri);
    let result = (|| {
        let data = dataset(&state, &portal, &id)?;
        if format != "json" && format != "csv" {
            return Err(OdsError::rest(format!(
                "Invalid value for format API parameter: {format} was found but one of csv, json is expected (stand-in)."
            )));
        }
        // Exports have no limit by default (-1) and no window cap.
        let limit = integer(&params, "limit", -1)?;
        let offset = integer(&params, "offset", 0)?.max(0) as usize;
        let (rows, select) = query(data, &params)?;
        let table: Vec<Vec<Cell>> = if select.is_aggregate() {
            vec![select.aggregate(&rows)]
        } else {
            rows.iter()
                .skip(offset)
                .take(if limit < 0 { usize::MAX } else { limit as usize })
                .map(|r| select.project(r))
                .collect()
        };
        Ok((data, select, table))
    })();
    let (data, select, table) = match result {
        Ok(found) => found,
        Err(e) => return ods_error(e),
    };
    if format == "json" {
        let body: Vec<Value> = table.into_iter().map(|cells| select.to_object(cells)).collect();
        return Json(body).into_response();
    }
    // CSV: UTF-8 with a BOM, `;`, LF, field names (labels with use_labels=true).
    let labels = param(&params, "use_labels") == Some("true");
    let delimiter = param(&params, "delimiter")
        .and_then(|d| d.chars().next())
        .unwrap_or(';');
    let quote = |text: &str| {
        if text.contains([delimiter, '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_owned()
        }
    };
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = select
        .items
        .iter()
        .map(|item| {
            let label = data.fields.iter().find(|f| f.name == item.key).filter(|_| labels);
            quote(label.map_or(item.key.as_str(), |f| f.label))
        })
        .collect();
    out.push_str(&header.join(&delimiter.to_string()));
    out.push('\n');
    for cells in table {
        let line: Vec<String> = cells.iter().map(|c| quote(&c.to_csv())).collect();
        out.push_str(&line.join(&delimiter.to_string()));
        out.push('\n');
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{id}.csv\""),
            ),
        ],
        out,
    )
        .into_response()
}

async fn metadata(State(state): State<Shared>, Path((portal, id)): Path<(String, String)>) -> Response {
    match dataset(&state, &portal, &id) {
        Ok(data) => {
            let fields: Vec<Value> = data
                .fields
                .iter()
                .map(|f| json!({"name": f.name, "label": f.label, "type": f.ty.name(), "annotations": {}, "description": null}))
                .collect();
            Json(json!({
                "dataset_id": data.id,
                "dataset_uid": format!("da_{}", data.id.len()),
                "has_records": !data.rows.is_empty(),
                "data_visible": true,
                "features": ["analyze"],
                "fields": fields,
                "metas": {"default": {"title": data.id, "records_count": data.rows.len(), "modified": "2026-07-13T08:00:00+00:00"}},
            }))
            .into_response()
        }
        Err(e) => ods_error(e),
    }
}

fn datagouv_error(status: StatusCode, message: &str) -> Response {
    (
        status,
        Json(json!({"message": message, "status": status.as_u16()})),
    )
        .into_response()
}

async fn datagouv_search(State(state): State<Shared>, uri: Uri) -> Response {
    match datagouv::search(&state.datasets, &params(&uri), &state.base) {
        Ok(page) => Json(page).into_response(),
        Err(message) => datagouv_error(StatusCode::BAD_REQUEST, &message),
    }
}

async fn datagouv_one(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    match datagouv::one(&state.datasets, &id) {
        Some(dataset) => Json(dataset.clone()).into_response(),
        None => datagouv_error(StatusCode::NOT_FOUND, "Dataset not found"),
    }
}

/// A resource file of `tests/standin/files/` (plain names only).
async fn file(State(state): State<Shared>, Path(name): Path<String>) -> Response {
    let plain = !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    let bytes = if plain {
        std::fs::read(state.data.join("files").join(&name)).ok()
    } else {
        None
    };
    let Some(bytes) = bytes else {
        return (StatusCode::NOT_FOUND, "Not Found\n").into_response();
    };
    let kind = match name.rsplit('.').next() {
        Some("csv") => "text/csv; charset=utf-8",
        Some("json") => "application/json",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    };
    ([(header::CONTENT_TYPE, kind)], bytes).into_response()
}

async fn not_found(uri: Uri) -> Response {
    if host_of(uri.path()) == "datagouv" {
        return datagouv_error(StatusCode::NOT_FOUND, "Not found");
    }
    ods_error(OdsError {
        status: 404,
        code: "NotFound",
        message: format!("No route for {} on the stand-in.", uri.path()),
    })
}

/// `POST /_standin/fail?host=ofgl|dgfip|datagouv|files|all&mode=500|429|slow|garbage|truncated|nocors[&times=N][&delay_ms=D]`
async fn arm_failure(State(state): State<Shared>, uri: Uri) -> Response {
    let params = params(&uri);
    let host = param(&params, "host").unwrap_or("all");
    if host != "all" && !HOSTS.contains(&host) {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": format!("unknown host {host:?}")})),
        )
            .into_response();
    }
    let Some(mode) = param(&params, "mode").and_then(Mode::parse) else {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "mode must be one of 500, 429, slow, garbage, truncated, nocors"})),
        )
            .into_response();
    };
    let times = match param(&params, "times").map(str::parse::<u32>) {
        None => None,
        Some(Ok(n)) if n > 0 => Some(n),
        Some(_) => {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({"error": "times must be a positive integer"})),
            )
                .into_response()
        }
    };
    let delay = param(&params, "delay_ms")
        .and_then(|d| d.parse().ok())
        .unwrap_or(30_000);
    state.failures.lock().unwrap_or_else(|e| e.into_inner()).insert(
        host.to_owned(),
        Failure {
            mode,
            remaining: times,
            delay: Duration::from_millis(delay),
        },
    );
    Json(json!({"host": host, "mode": param(&params, "mode"), "times": times, "delay_ms": delay}))
        .into_response()
}

/// `POST /_standin/reset`: disarms every failure and empties the log.
async fn reset(State(state): State<Shared>) -> Response {
    state.failures.lock().unwrap_or_else(|e| e.into_inner()).clear();
    state.log.lock().unwrap_or_else(|e| e.into_inner()).clear();
    Json(json!({"reset": true})).into_response()
}

/// `GET /_standin/log`: every request received (but `/_standin/…`), oldest first.
async fn read_log(State(state): State<Shared>) -> Response {
    Json(Value::Array(
        state.log.lock().unwrap_or_else(|e| e.into_inner()).clone(),
    ))
    .into_response()
}
