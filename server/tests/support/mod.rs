//! Test helper: starts the real `briques` binary on a free loopback port and stops it
//! when dropped. The port is read from the line the server prints when it is ready, so
//! tests wait for that condition rather than for a fixed time.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A running server.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// Where its app files are.
    pub assets: PathBuf,
    _dirs: Vec<tempfile::TempDir>,
}

impl Server {
    /// Kills the server with SIGKILL, as a crash or `kill -9` would.
    pub fn kill_hard(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Writes a minimal app bundle (the real one needs a wasm build; these tests are about
/// the server's behaviour, not the app).
pub fn fake_assets(dir: &Path) {
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><html lang=\"fr\"><title>Briques</title></html>",
    )
    .unwrap();
    std::fs::write(dir.join("pkg/app-0123_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("pkg/app-0123_bg.wasm.gz"), b"pretend-gzip").unwrap();
    std::fs::write(dir.join("style.css"), "body { color: black; }\n".repeat(200)).unwrap();
    std::fs::write(dir.join("manifest.webmanifest"), "{\"name\": \"Briques\"}").unwrap();
}

/// Starts `briques serve` on 127.0.0.1 with a fresh data directory and fake assets.
pub fn start() -> Server {
    let assets = tempfile::tempdir().unwrap();
    fake_assets(assets.path());
    let data = tempfile::tempdir().unwrap();
    let (path, data_path) = (assets.path().to_path_buf(), data.path().to_path_buf());
    start_with(&path, &data_path, vec![assets, data])
}

/// The `briques` binary with a French environment, whatever the machine's locale.
pub fn briques_fr() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_briques"));
    command
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

/// Starts `briques serve` with the given directories.
pub fn start_with(assets: &Path, data: &Path, dirs: Vec<tempfile::TempDir>) -> Server {
    start_args(assets, data, &[], dirs)
}

/// The PostgreSQL server the live tests run against instead of SQLite, when
/// `BRIQUES_TEST_DATABASE` names one (`scripts/with-postgres` starts it on loopback):
/// `postgres://user@127.0.0.1:PORT` and an existing database to connect to first.
pub fn test_database() -> Option<String> {
    std::env::var("BRIQUES_TEST_DATABASE")
        .ok()
        .filter(|url| !url.is_empty())
}

/// A fresh database named `name` on the test PostgreSQL server (created if missing),
/// as an address for `--database`.
pub fn database_named(base: &str, name: &str) -> String {
    let mut admin = postgres::Client::connect(base, postgres::NoTls).expect("the test PostgreSQL answers");
    let exists = admin
        .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&name])
        .unwrap()
        .is_some();
    if !exists {
        admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    }
    let (server, _) = base.rsplit_once('/').expect("postgres://…/database");
    format!("{server}/{name}")
}

/// The database a server with this data directory uses in a PostgreSQL run: one per
/// data directory, so a server started again on the same directory finds its sessions.
fn database_for(base: &str, data: &Path) -> String {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data.hash(&mut hasher);
    database_named(base, &format!("t{:016x}", hasher.finish()))
}

/// Starts `briques serve` with the given directories and extra options; on a PostgreSQL
/// run (see [`test_database`]), with a database of its own unless `extra` names one.
pub fn start_args(assets: &Path, data: &Path, extra: &[&str], dirs: Vec<tempfile::TempDir>) -> Server {
    start_store(assets, data, extra, dirs, true)
}

/// Starts `briques serve` on the embedded SQLite store, even in a PostgreSQL run.
pub fn start_sqlite(assets: &Path, data: &Path, extra: &[&str], dirs: Vec<tempfile::TempDir>) -> Server {
    start_store(assets, data, extra, dirs, false)
}

fn start_store(
    assets: &Path,
    data: &Path,
    extra: &[&str],
    dirs: Vec<tempfile::TempDir>,
    shared: bool,
) -> Server {
    let mut database = Vec::new();
    if let Some(base) = test_database().filter(|_| shared) {
        if !extra.contains(&"--database") {
            database = vec!["--database".to_owned(), database_for(&base, data)];
        }
    }
    let mut child = briques_fr()
        .args(["serve", "--addr", "127.0.0.1:0", "--assets"])
        .arg(assets)
        .arg("--data")
        .arg(data)
        .args(extra)
        .args(&database)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the briques binary starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the server prints its address");
    let base = line
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches('/')
        .to_owned();
    Server {
        child,
        base,
        assets: assets.to_path_buf(),
        _dirs: dirs,
    }
}

/// A plain HTTP response: status, headers (lower-case names) and body.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// An address of the live API for session `code` on `server`.
pub fn live_api(server: &Server, code: &str, rest: &str) -> String {
    format!("{}/api/live/sessions/{code}{rest}", server.base)
}

/// Sends a facilitator's control (as JSON, in French) to session `code`.
pub fn control(server: &Server, code: &str, secret: &str, body: serde_json::Value) -> Reply {
    let bearer = format!("Bearer {secret}");
    send(
        "POST",
        &live_api(server, code, "/control"),
        &[("accept-language", "fr-FR,fr;q=0.9"), ("authorization", &bearer)],
        &body.to_string(),
    )
}

/// Sends a request and returns the response whatever its status.
pub fn request(method: &str, url: &str, headers: &[(&str, &str)]) -> Reply {
    send(method, url, headers, "")
}

/// Sends a request with a body (none when empty) and returns the response whatever
/// its status.
pub fn send(method: &str, url: &str, headers: &[(&str, &str)], body: &str) -> Reply {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut builder = ureq::http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let mut response = if body.is_empty() {
        agent.run(builder.body(()).unwrap())
    } else {
        agent.run(
            builder
                .header("content-type", "application/json")
                .body(body.to_owned())
                .unwrap(),
        )
    }
    .expect("the server answers");
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_ascii_lowercase(),
                v.to_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let body = response.body_mut().read_to_vec().unwrap_or_default();
    Reply {
        status,
        headers,
        body,
    }
}

pub fn get(url: &str) -> Reply {
    request("GET", url, &[])
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.text()))
    }
}

/// Reads a Server-Sent Events stream until an event's JSON data satisfies `done`
/// (the server sends the current view first, then one per change).
pub fn wait_for_event(url: &str, done: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    use std::io::{BufRead, BufReader, Write};
    let address = url.trim_start_matches("http://");
    let (host, path) = address.split_at(address.find('/').unwrap());
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    // HTTP/1.0: the body is not chunked, so each line read is a line of the stream.
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let reader = BufReader::new(stream);
    for line in reader.lines() {
        let line = line.expect("the event stream stays open until the condition holds");
        if let Some(data) = line.strip_prefix("data:") {
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(data.trim()) {
                if done(&value) {
                    return value;
                }
            }
        }
    }
    panic!("the event stream ended before the condition held");
}

/// Connects to `base` (`http://127.0.0.1:PORT`) from the loopback address `source`
/// (any of 127.0.0.0/8), so that tests can be several clients as limits count them.
pub fn connect_from(base: &str, source: &str) -> std::net::TcpStream {
    use socket2::{Domain, Socket, Type};
    let target: std::net::SocketAddr = base.trim_start_matches("http://").parse().unwrap();
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
    let local: std::net::SocketAddr = format!("{source}:0").parse().unwrap();
    socket.bind(&local.into()).unwrap();
    socket.connect(&target.into()).unwrap();
    let stream: std::net::TcpStream = socket.into();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    stream
}

/// Sends one raw HTTP/1.1 request from `source` (see [`connect_from`]) and reads the
/// response to the end (`Connection: close`).
pub fn send_from(
    base: &str,
    source: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Reply {
    use std::io::{Read, Write};
    let mut stream = connect_from(base, source);
    let host = base.trim_start_matches("http://");
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() || method != "GET" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    stream.write_all(format!("{head}\r\n{body}").as_bytes()).unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    parse_reply(&raw)
}

/// Reads a whole HTTP/1.1 response (body with `Content-Length`, or to the end).
pub fn parse_reply(raw: &[u8]) -> Reply {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if let Some(length) = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
    {
        body.truncate(length);
    }
    Reply {
        status,
        headers,
        body,
    }
}
