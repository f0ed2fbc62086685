//! Test helper: starts `briques-standin` (the local stand-in for the official open-data
//! APIs) on a free loopback port, sends it requests, arms its failures and reads its
//! request log. The address is read from the first line the stand-in prints once ready,
//! so tests wait for that condition, never for a time. Dropping the handle kills it.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running stand-in.
pub struct Standin {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
}

impl Drop for Standin {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The project fixtures the stand-in serves by default (`tests/standin/`).
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/standin")
}

/// Where the real data files are when the machine has them (`../shared/data/real`).
pub fn real_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/real")
}

/// Starts the stand-in with its default data (fixtures, and real rows when present).
pub fn start() -> Standin {
    start_with(&[])
}

/// Starts the stand-in with extra arguments (`--data DIR`, `--real DIR`).
pub fn start_with(args: &[&str]) -> Standin {
    let mut child = Command::new(env!("CARGO_BIN_EXE_briques-standin"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the briques-standin binary starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the stand-in prints its address");
    let base = line.trim().to_owned();
    assert!(
        base.starts_with("http://127.0.0.1:"),
        "unexpected first line {line:?}"
    );
    Standin { child, base }
}

impl Standin {
    /// The base URL a connector is given for data.ofgl.fr.
    pub fn ofgl(&self) -> String {
        format!("{}/ofgl", self.base)
    }
    /// The base URL a connector is given for data.economie.gouv.fr.
    pub fn dgfip(&self) -> String {
        format!("{}/dgfip", self.base)
    }
    /// The base URL a connector is given for www.data.gouv.fr.
    pub fn datagouv(&self) -> String {
        format!("{}/datagouv", self.base)
    }
    /// `base` + `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
    /// Makes requests to `host` (`ofgl`, `dgfip`, `datagouv`, `files` or `all`) fail
    /// in `mode` (`500`, `429`, `slow`, `garbage`, `truncated`, `nocors`), `times`
    /// times or until [`Standin::reset`].
    pub fn fail(&self, host: &str, mode: &str, times: Option<u32>) {
        let mut url = self.url(&format!("/_standin/fail?host={host}&mode={mode}"));
        if let Some(n) = times {
            url.push_str(&format!("&times={n}"));
        }
        let reply = post(&url);
        assert_eq!(reply.status, 200, "{}", reply.text());
    }
    /// Makes requests to `host` wait `delay_ms` before their normal answer.
    pub fn fail_slow(&self, host: &str, delay_ms: u64, times: Option<u32>) {
        let mut url = self.url(&format!(
            "/_standin/fail?host={host}&mode=slow&delay_ms={delay_ms}"
        ));
        if let Some(n) = times {
            url.push_str(&format!("&times={n}"));
        }
        assert_eq!(post(&url).status, 200);
    }
    /// Disarms every failure and empties the log.
    pub fn reset(&self) {
        assert_eq!(post(&self.url("/_standin/reset")).status, 200);
    }
    /// The requests received since the start or the last reset: `{method, path, query}`
    /// with the query as sent (still URL-encoded), or null.
    pub fn log(&self) -> Vec<serde_json::Value> {
        match get(&self.url("/_standin/log")).json() {
            serde_json::Value::Array(entries) => entries,
            other => panic!("the log is not a list: {other}"),
        }
    }
    /// Closes the stand-in's stdin and waits (bounded) for it to exit.
    pub fn close_stdin_and_wait(mut self) -> std::process::ExitStatus {
        drop(self.child.stdin.take());
        for _ in 0..200 {
            if let Some(status) = self.child.try_wait().expect("the process can be polled") {
                return status;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the stand-in did not exit within 10 s of its stdin closing");
    }
}

/// Percent-encodes a query value (`select`, `where`…), as a client would.
pub fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

// Requests go through the server tests' own client (`support`): the same `Reply`.
pub use crate::support::{get, request, Reply};

pub fn post(url: &str) -> Reply {
    request("POST", url, &[])
}
