//! Load benchmark of live sessions (ISSUE 4), loopback only, bounded, stops by itself.
//!
//! Starts `briques serve` (the binary next to this one) on 127.0.0.1 with a fresh data
//! directory, creates a session of the default Duplo survey, opens the projector's event
//! stream, then simulates N participants (default 1,000): each keeps the participants'
//! event stream open like a phone would, joins, and answers the 4 questions, the joins
//! spread over about 10 seconds. Reports the latency from an answer's submission to the
//! projector receiving a view that includes it (p50/p95/p99), the server's peak RSS,
//! errors, and answers lost (acknowledged but missing from the session afterwards).
//!
//! With `steps` as third argument, the session has three steps of different kinds (the
//! survey, a guess, a word): the room answers the survey, the facilitator moves it to
//! the guess, everybody guesses, then to the word; latencies and losses cover all of it.
//!
//! With `servers=N database=postgres://…`, N server processes share the session through
//! that PostgreSQL (`--database`): phone i joins, answers and follows through server
//! i mod N, the projector follows server 0 and the facilitator's controls go through the
//! last one. An answer's latency is then measured to the first projector view that
//! holds it (revisions are per process), the same way in both modes.
//!
//! Usage: briques-bench-live [participants=1000] [spread_seconds=10] [steps]
//!        [servers=N database=postgres://…]

use std::collections::HashMap;
use std::io::BufRead;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use briques_core::i18n::Lang;
use briques_core::survey::Survey;

/// One keep-alive HTTP/1.1 connection to the server.
struct Conn {
    reader: BufReader<TcpStream>,
    host: String,
}

impl Conn {
    async fn open(host: &str) -> std::io::Result<Conn> {
        let stream = TcpStream::connect(host).await?;
        stream.set_nodelay(true)?;
        Ok(Conn {
            reader: BufReader::new(stream),
            host: host.to_owned(),
        })
    }

    async fn request(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> std::io::Result<(u16, String)> {
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n",
            self.host,
            body.len()
        );
        if !body.is_empty() {
            head.push_str("Content-Type: application/json\r\n");
        }
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        head.push_str(body);
        self.reader.get_mut().write_all(head.as_bytes()).await?;
        let mut status_line = String::new();
        self.reader.read_line(&mut status_line).await?;
        let status = status_line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).await?;
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0u8; length];
        self.reader.read_exact(&mut body).await?;
        Ok((status, String::from_utf8_lossy(&body).into_owned()))
    }
}

/// Reads an event stream (HTTP/1.0: not chunked) and calls `on_data` for each data line.
async fn follow(host: String, path: String, mut on_data: impl FnMut(&str) + Send + 'static) {
    let Ok(mut stream) = TcpStream::connect(&host).await else {
        return;
    };
    let request = format!("GET {path} HTTP/1.0\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n");
    if stream.write_all(request.as_bytes()).await.is_err() {
        return;
    }
    let mut lines = BufReader::new(stream).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        if let Some(data) = line.strip_prefix("data:") {
            on_data(data.trim_start());
        }
    }
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let participants: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let spread = Duration::from_secs_f64(args.get(2).and_then(|a| a.parse().ok()).unwrap_or(10.0));

    // The server, next to this binary, with throw-away directories.
    let exe = std::env::current_exe()?;
    let server_bin: PathBuf = exe.with_file_name("briques");
    let work = std::env::temp_dir().join(format!("briques-bench-{}", std::process::id()));
    std::fs::create_dir_all(work.join("assets"))?;
    std::fs::write(
        work.join("assets/index.html"),
        "<!doctype html><title>Briques</title>",
    )?;
    let option = |name: &str| {
        args.iter()
            .find_map(|a| a.strip_prefix(name).and_then(|v| v.strip_prefix('=')))
            .map(str::to_owned)
    };
    let database = option("database");
    let count: usize = option("servers").and_then(|n| n.parse().ok()).unwrap_or(1).max(1);
    if count > 1 && database.is_none() {
        return Err("servers=N needs database=postgres://… (the servers share it)".into());
    }
    let mut servers = Vec::new();
    let mut hosts = Vec::new();
    for index in 0..count {
        let mut command = Command::new(&server_bin);
        command.args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--rate-per-address",
            "1000000",
            "--rate-per-participant",
            "1000",
            // A room of 1,000 (over the default 300 participants) answers faster than a
            // session's default budget: lifted too.
            "--rate-per-session",
            "1000000",
            // Every phone of the benchmark comes from 127.0.0.1: the per-address caps
            // that protect a real server are lifted to the room's size.
            "--max-participants",
            "100000",
            "--joins-per-address",
            "100000",
            "--max-connections-per-address",
            "100000",
            "--max-streams-per-address",
            "100000",
            "--max-streams",
            "100000",
            "--max-connections",
            "100000",
        ]);
        if let Some(url) = &database {
            command.args(["--database", url]);
        }
        let mut server = command
            .arg("--assets")
            .arg(work.join("assets"))
            .arg("--data")
            .arg(work.join(format!("data-{index}")))
            .stdout(Stdio::piped())
            .spawn()?;
        let mut ready = String::new();
        std::io::BufReader::new(server.stdout.take().ok_or("no stdout")?).read_line(&mut ready)?;
        let host = ready
            .split_whitespace()
            .find_map(|w| w.strip_prefix("http://"))
            .ok_or("the server did not print its address")?
            .trim_end_matches('/')
            .to_owned();
        servers.push(server);
        hosts.push(host);
    }

    // `steps`: a room going through a survey, a guess and a word (three kinds of step).
    let steps: &[&str] = match args.get(3).map(String::as_str) {
        Some("steps") => &["duplo", "guess", "words"],
        _ => &["duplo"],
    };
    let pids: Vec<u32> = servers.iter().map(|s| s.id()).collect();
    let store = if database.is_some() { "postgres" } else { "sqlite" };
    let result = run(&hosts, participants, spread, &pids, steps, store).await;
    for mut server in servers {
        let _ = server.kill();
        let _ = server.wait();
    }
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// A joined phone: its connection, its token and number, its place in the room.
struct Phone {
    conn: Conn,
    token: String,
    number: u64,
    index: usize,
}

/// The answers a projector view holds, as "question=choice" and "step=value" by
/// participant (the keys the phones record when acknowledged).
fn held_in(view: &serde_json::Value) -> Vec<(u64, String)> {
    let mut held = Vec::new();
    for response in view["session"]["responses"].as_array().into_iter().flatten() {
        let n = response["participant"].as_u64().unwrap_or(0);
        for (q, c) in response["answers"].as_object().into_iter().flatten() {
            held.push((n, format!("{q}={}", c.as_str().unwrap_or_default())));
        }
    }
    for (step, by) in view["inputs"].as_object().into_iter().flatten() {
        for (n, input) in by.as_object().into_iter().flatten() {
            held.push((n.parse().unwrap_or(0), format!("{step}={}", input_value(input))));
        }
    }
    held
}

/// A step input as the phones record it.
fn input_value(input: &serde_json::Value) -> String {
    match input["kind"].as_str() {
        Some("guess") => format!("{}", input["value"].as_f64().unwrap_or(f64::NAN) as i64),
        _ => input["text"].as_str().unwrap_or_default().to_owned(),
    }
}

async fn run(
    hosts: &[String],
    participants: usize,
    spread: Duration,
    pids: &[u32],
    steps: &[&'static str],
    store: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let host = hosts[0].as_str();
    let survey = Survey::default_for(Lang::Fr, None);
    let mut conn = Conn::open(host).await?;
    let step_defs: Vec<serde_json::Value> = steps
        .iter()
        .map(|kind| match *kind {
            "duplo" => serde_json::json!({ "kind": "duplo" }),
            "guess" => serde_json::json!({ "kind": "guess", "question": "Sur 100 € dépensés, combien pour les écoles ?",
                "unit": "€", "min": 0, "max": 100, "answer": 24 }),
            _ => serde_json::json!({ "kind": "words", "question": "En un mot ?" }),
        })
        .collect();
    let (status, created) = conn
        .request(
            "POST",
            "/api/live/sessions",
            &[],
            &serde_json::json!({ "survey": survey, "steps": step_defs }).to_string(),
        )
        .await?;
    if status != 201 {
        return Err(format!("creating the session failed: {status} {created}").into());
    }
    let created: serde_json::Value = serde_json::from_str(&created)?;
    let code = created["code"].as_str().ok_or("no code")?.to_owned();
    let secret = created["secret"].as_str().ok_or("no secret")?.to_owned();

    // The projector (following server 0): when each answer first appears in a view.
    let first_seen: Arc<Mutex<HashMap<(u64, String), Instant>>> = Arc::default();
    let views = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    {
        let (first_seen, views) = (first_seen.clone(), views.clone());
        tokio::spawn(follow(
            host.to_owned(),
            format!("/api/live/sessions/{code}/facilitator/events?secret={secret}"),
            move |data| {
                let at = Instant::now();
                views.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Ok(view) = serde_json::from_str::<serde_json::Value>(data) else {
                    return;
                };
                let mut first_seen = first_seen.lock().unwrap_or_else(|p| p.into_inner());
                for key in held_in(&view) {
                    first_seen.entry(key).or_insert(at);
                }
            },
        ));
    }
    let public_events = Arc::new(std::sync::atomic::AtomicUsize::new(0));

    let questions: Vec<(String, Vec<String>)> = survey
        .questions
        .iter()
        .map(|q| (q.id.clone(), q.choices.iter().map(|c| c.id.clone()).collect()))
        .collect();
    let started = Instant::now();
    // Joining, each phone with its event stream open for the whole run.
    let mut tasks = Vec::with_capacity(participants);
    for i in 0..participants {
        let host = hosts[i % hosts.len()].clone();
        let code = code.clone();
        let public_events = public_events.clone();
        let delay = spread.mul_f64(i as f64 / participants as f64);
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            let counter = public_events.clone();
            let stream = tokio::spawn(follow(
                host.clone(),
                format!("/api/live/sessions/{code}/events"),
                move |_| {
                    counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                },
            ));
            let Ok(mut conn) = Conn::open(&host).await else {
                return (None, stream);
            };
            let Ok((200, joined)) = conn
                .request("POST", &format!("/api/live/sessions/{code}/join"), &[], "{}")
                .await
            else {
                return (None, stream);
            };
            let joined: serde_json::Value = serde_json::from_str(&joined).unwrap_or_default();
            let token = joined["token"].as_str().unwrap_or_default().to_owned();
            let number = joined["participant"].as_u64().unwrap_or(0);
            (
                Some(Phone {
                    conn,
                    token,
                    number,
                    index: i,
                }),
                stream,
            )
        }));
    }
    let mut phones = Vec::new();
    let mut errors = 0;
    let mut streams = Vec::new();
    for task in tasks {
        let (phone, stream) = task.await?;
        match phone {
            Some(phone) => phones.push(phone),
            None => errors += 1,
        }
        streams.push(stream);
    }
    // Then each step: the facilitator moves the room on, every phone answers (spread).
    let mut acked = Vec::new();
    for (step, kind) in steps.iter().enumerate() {
        if step > 0 {
            // A fresh connection (the first one sat idle past the server's keep-alive), to
            // the last server: with several, the room follows a control made elsewhere.
            let mut control = Conn::open(&hosts[hosts.len() - 1]).await?;
            let (status, text) = control
                .request(
                    "POST",
                    &format!("/api/live/sessions/{code}/control"),
                    &[("Authorization", &format!("Bearer {secret}"))],
                    &serde_json::json!({ "action": "go-to", "step": step }).to_string(),
                )
                .await?;
            if status != 200 {
                return Err(format!("moving to step {step} failed: {status} {text}").into());
            }
        }
        let mut tasks = Vec::with_capacity(phones.len());
        for mut phone in phones.drain(..) {
            let code = code.clone();
            let questions = questions.clone();
            let kind = *kind;
            let delay = spread.mul_f64(phone.index as f64 / participants as f64);
            let host = hosts[phone.index % hosts.len()].clone();
            tasks.push(tokio::spawn(async move {
                tokio::time::sleep(delay).await;
                let mut acked = Vec::new();
                let mut errors = 0usize;
                let i = phone.index;
                // Between joining and each step a phone's connection may sit idle past
                // the server's keep-alive (10 s): like a browser, it opens a new one.
                match Conn::open(&host).await {
                    Ok(conn) => phone.conn = conn,
                    Err(_) => return (phone, acked, 1),
                }
                let answers: Vec<(String, String, String)> = match kind {
                    "duplo" => questions
                        .iter()
                        .enumerate()
                        .map(|(q, (question, choices))| {
                            let choice = &choices[(i + q) % choices.len()];
                            let body = serde_json::json!({ "question": question, "choice": choice });
                            (
                                "answer".to_owned(),
                                body.to_string(),
                                format!("{question}={choice}"),
                            )
                        })
                        .collect(),
                    "guess" => {
                        let value = (i * 7) % 101;
                        let body =
                            serde_json::json!({ "step": step, "input": { "kind": "guess", "value": value } });
                        vec![("input".to_owned(), body.to_string(), format!("{step}={value}"))]
                    }
                    _ => {
                        let text = ["confiance", "vie privée", "données", "anonymat", "traces"][i % 5];
                        let body =
                            serde_json::json!({ "step": step, "input": { "kind": "words", "text": text } });
                        vec![("input".to_owned(), body.to_string(), format!("{step}={text}"))]
                    }
                };
                for (path, body, key) in answers {
                    let sent = Instant::now();
                    match phone
                        .conn
                        .request(
                            "PUT",
                            &format!("/api/live/sessions/{code}/{path}"),
                            &[("X-Briques-Participant", &phone.token)],
                            &body,
                        )
                        .await
                    {
                        Ok((200, _)) => acked.push((phone.number, key, sent)),
                        _ => errors += 1,
                    }
                }
                (phone, acked, errors)
            }));
        }
        for task in tasks {
            let (phone, a, e) = task.await?;
            phones.push(phone);
            acked.extend(a);
            errors += e;
        }
    }
    let answering = started.elapsed();

    // Wait (bounded) for the projector to show every acknowledged answer.
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        let all_shown = {
            let first_seen = first_seen.lock().unwrap_or_else(|p| p.into_inner());
            acked
                .iter()
                .all(|(n, key, _)| first_seen.contains_key(&(*n, key.clone())))
        };
        if all_shown {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let first_seen = first_seen.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let mut latencies: Vec<f64> = acked
        .iter()
        .filter_map(|(n, key, sent)| {
            let at = first_seen.get(&(*n, key.clone()))?;
            Some(at.saturating_duration_since(*sent).as_secs_f64() * 1000.0)
        })
        .collect();
    latencies.sort_by(|a, b| a.total_cmp(b));
    let never_shown = acked.len() - latencies.len();

    // Every acknowledged answer must be in the session.
    let mut conn = Conn::open(host).await?;
    let (status, view) = conn
        .request(
            "GET",
            &format!("/api/live/sessions/{code}/export/json"),
            &[("Authorization", &format!("Bearer {secret}"))],
            "",
        )
        .await?;
    let session: serde_json::Value = serde_json::from_str(&view)?;
    // As "participant, question=choice" and "participant, step=value".
    let mut stored: std::collections::HashSet<(u64, String)> = Default::default();
    for response in session["responses"].as_array().cloned().unwrap_or_default() {
        let n = response["participant"].as_u64().unwrap_or(0);
        for (q, c) in response["answers"].as_object().cloned().unwrap_or_default() {
            stored.insert((n, format!("{q}={}", c.as_str().unwrap_or_default())));
        }
    }
    for answer in session["workshop"]["answers"]
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        let n = answer["participant"].as_u64().unwrap_or(0);
        let step = answer["step"].as_u64().unwrap_or(0);
        stored.insert((n, format!("{step}={}", input_value(&answer["input"]))));
    }
    let lost = acked
        .iter()
        .filter(|(n, key, _)| !stored.contains(&(*n, key.clone())))
        .count();
    let rss: Vec<Option<f64>> = pids
        .iter()
        .map(|pid| peak_rss_kib(*pid).map(|k| (k as f64 / 1024.0 * 10.0).round() / 10.0))
        .collect();
    for stream in streams {
        stream.abort();
    }

    let report = serde_json::json!({
        "participants": participants,
        "steps": steps,
        "store": store,
        "server_processes": hosts.len(),
        "answers_acknowledged": acked.len(),
        "request_errors": errors,
        "answering_seconds": (answering.as_secs_f64() * 100.0).round() / 100.0,
        "answer_to_projector_ms": {
            "p50": percentile(&latencies, 0.50),
            "p95": percentile(&latencies, 0.95),
            "p99": percentile(&latencies, 0.99),
            "max": latencies.last().copied().unwrap_or(f64::NAN),
        },
        "projector_views_received": views.load(std::sync::atomic::Ordering::Relaxed),
        "participant_views_received": public_events.load(std::sync::atomic::Ordering::Relaxed),
        "answers_never_shown": never_shown,
        "answers_lost": lost,
        "export_status": status,
        "server_peak_rss_mib": rss,
    });
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
