//! Two `briques serve` processes sharing one PostgreSQL (`--database`), over real HTTP on
//! 127.0.0.1: a phone answering through server A is shown on the projector following
//! server B; participant numbers never collide; `kill -9` of A mid-session loses no
//! acknowledged answer and the phones carry on through B with the same identity;
//! `migrate-store` moves SQLite sessions into PostgreSQL.
//!
//! Runs only when `BRIQUES_TEST_DATABASE` names a PostgreSQL server (`scripts/test`
//! starts one with `scripts/with-postgres`); otherwise each test says it skips.

mod support;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use briques_core::i18n::Lang;
use briques_core::survey::Survey;
use serde_json::{json, Value};
use support::{live_api as api, request, send, wait_for_event, Server};

const FR: (&str, &str) = ("accept-language", "fr-FR,fr;q=0.9");

/// The test database, or `None` after saying why the test skips.
fn database(test: &str) -> Option<String> {
    let base = support::test_database();
    if base.is_none() {
        eprintln!("{test} : ignoré, BRIQUES_TEST_DATABASE absent (lancé par scripts/with-postgres)");
    }
    base
}

/// A fresh database of its own for this test.
fn fresh(base: &str, name: &str) -> String {
    let url = support::database_named(base, name);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .batch_execute("DROP TABLE IF EXISTS live_inputs, live_answers, live_participants, live_sessions")
        .unwrap();
    url
}

/// A server on the shared database (its own data folder and assets).
fn server_on(url: &str, extra: &[&str]) -> Server {
    let assets = tempfile::tempdir().unwrap();
    support::fake_assets(assets.path());
    let data = tempfile::tempdir().unwrap();
    let mut args = vec![
        "--database",
        url,
        "--rate-per-address",
        "100000",
        "--joins-per-address",
        "1000",
    ];
    args.extend_from_slice(extra);
    let (a, d) = (assets.path().to_path_buf(), data.path().to_path_buf());
    support::start_args(&a, &d, &args, vec![assets, data])
}

fn create(server: &Server) -> (String, String) {
    let body = json!({ "survey": Survey::default_for(Lang::Fr, Some("Briqueville")) }).to_string();
    let reply = send(
        "POST",
        &format!("{}/api/live/sessions", server.base),
        &[FR],
        &body,
    );
    assert_eq!(reply.status, 201, "{}", reply.text());
    let v = reply.json();
    (
        v["code"].as_str().unwrap().to_owned(),
        v["secret"].as_str().unwrap().to_owned(),
    )
}

fn join(server: &Server, code: &str, token: Option<&str>) -> (String, u64) {
    let body = match token {
        Some(token) => json!({ "token": token }).to_string(),
        None => "{}".to_owned(),
    };
    let reply = send("POST", &api(server, code, "/join"), &[FR], &body);
    assert_eq!(reply.status, 200, "{}", reply.text());
    let v = reply.json();
    (
        v["token"].as_str().unwrap().to_owned(),
        v["participant"].as_u64().unwrap(),
    )
}

/// A phone's answer: the status, or `None` when the server did not answer at all (killed
/// mid-request: nothing was acknowledged).
fn answer(base: &str, code: &str, token: &str, question: &str, choice: &str) -> Option<u16> {
    let body = json!({ "question": question, "choice": choice }).to_string();
    let url = format!("{base}/api/live/sessions/{code}/answer");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let reply = agent
        .put(&url)
        .header(FR.0, FR.1)
        .header("x-briques-participant", token)
        .content_type("application/json")
        .send(body.as_str());
    reply.ok().map(|r| r.status().as_u16())
}

type Answers = BTreeMap<u64, BTreeMap<String, String>>;

/// Whether `held` has each wanted answer, or for a phone and question, the answer that
/// was in flight (sent, never acknowledged) when its server was killed.
fn holds(want: &Answers, in_flight: &BTreeMap<(u64, String), String>, held: &Answers) -> bool {
    want.iter().all(|(n, answers)| {
        answers.iter().all(|(q, c)| {
            let got = held.get(n).and_then(|a| a.get(q));
            got == Some(c) || got == in_flight.get(&(*n, q.clone()))
        })
    })
}

/// What the phones' answers came to: for each phone and question, the last choice the
/// server acknowledged.
type Acknowledged = Arc<Mutex<BTreeMap<(u64, String), String>>>;

/// An answer sent and never acknowledged: (question, choice).
type InFlight = (&'static str, &'static str);

/// One thread per phone answering through `base` without a pause until `stop` (the
/// questions in turn, the choice changing every round), each acknowledged answer kept in
/// `acknowledged`. A thread ends with how many answers it sent and, if the server stopped
/// answering, the one it had in flight (never acknowledged, perhaps committed).
fn answering(
    base: &str,
    code: &str,
    phones: &[(String, u64)],
    acknowledged: &Acknowledged,
    stop: &Arc<AtomicBool>,
) -> Vec<std::thread::JoinHandle<(usize, Option<InFlight>)>> {
    phones
        .iter()
        .cloned()
        .map(|(token, number)| {
            let (base, code, acknowledged, stop) = (
                base.to_owned(),
                code.to_owned(),
                acknowledged.clone(),
                stop.clone(),
            );
            std::thread::spawn(move || {
                let mut round = 0usize;
                while !stop.load(Ordering::SeqCst) {
                    let (question, choice) = nth_answer(number, round);
                    match answer(&base, &code, &token, question, choice) {
                        Some(200) => {
                            acknowledged
                                .lock()
                                .unwrap()
                                .insert((number, question.to_owned()), choice.to_owned());
                        }
                        Some(status) => panic!("answer refused: {status}"),
                        None => return (round, Some((question, choice))),
                    }
                    round += 1;
                }
                (round, None)
            })
        })
        .collect()
}

/// A phone's `round`-th answer: the three questions in turn, the choice changing every
/// round.
fn nth_answer(number: u64, round: usize) -> (&'static str, &'static str) {
    let questions = [
        ("fromage-dessert", ["fromage", "dessert"]),
        ("sucre-sale", ["sucre", "sale"]),
        ("commune", ["oui", "non"]),
    ];
    let (question, choices) = questions[round % 3];
    (question, choices[(round / 3 + number as usize) % 2])
}

fn facilitator_view(server: &Server, code: &str, secret: &str) -> Value {
    let reply = request(
        "GET",
        &api(server, code, "/facilitator"),
        &[("authorization", &format!("Bearer {secret}"))],
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    reply.json()["view"].clone()
}

/// The answers of a facilitator's view: participant → question → choice.
fn answers_of(view: &Value) -> BTreeMap<u64, BTreeMap<String, String>> {
    view["session"]["responses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let answers = r["answers"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(q, c)| (q.clone(), c.as_str().unwrap().to_owned()))
                .collect();
            (r["participant"].as_u64().unwrap(), answers)
        })
        .collect()
}

#[test]
fn two_servers_share_a_session_and_survive_kill_9_of_one() {
    let Some(base) = database("two_servers_share_a_session_and_survive_kill_9_of_one") else {
        return;
    };
    let url = fresh(&base, "shared_kill");
    let a = server_on(&url, &[]);
    let b = server_on(&url, &[]);
    let (code, secret) = create(&a);

    // Phones join through both servers: numbers are the session's, never given twice.
    let mut phones = Vec::new();
    for i in 0..12 {
        let server = if i % 2 == 0 { &a } else { &b };
        let (token, number) = join(server, &code, None);
        phones.push((token, number));
    }
    let mut numbers: Vec<u64> = phones.iter().map(|(_, n)| *n).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=12).collect::<Vec<u64>>());

    // A phone answering through A is on the projector following B.
    let events = format!("{}?secret={secret}", api(&b, &code, "/facilitator/events"));
    assert_eq!(answer(&a.base, &code, &phones[0].0, "genre", "femme"), Some(200));
    let seen = wait_for_event(&events, |v| {
        answers_of(v)
            .get(&phones[0].1)
            .is_some_and(|a| a.get("genre").map(String::as_str) == Some("femme"))
    });
    assert_eq!(seen["joined"], 12);

    // The facilitator's control through B reaches phones following A.
    let reveal = send(
        "POST",
        &api(&b, &code, "/control"),
        &[FR, ("authorization", &format!("Bearer {secret}"))],
        &json!({ "action": "reveal" }).to_string(),
    );
    assert_eq!(reveal.status, 200, "{}", reveal.text());
    wait_for_event(&api(&a, &code, "/events"), |v| v["state"]["revealed"] == true);

    // Every phone answers again and again through A while A is killed: the answers A
    // acknowledged are all kept; then the phones carry on through B.
    let acknowledged = Acknowledged::default();
    let stop = Arc::new(AtomicBool::new(false));
    // A dying mid-request: that answer may or may not have been committed.
    let workers = answering(&a.base, &code, &phones, &acknowledged, &stop);
    // Kill once every phone has had answers acknowledged.
    while acknowledged.lock().unwrap().len() < phones.len() * 3 {
        std::thread::yield_now();
    }
    a.kill_hard();
    stop.store(true, Ordering::SeqCst);
    let mut rounds = 0;
    let mut in_flight = BTreeMap::new();
    for (worker, (_, number)) in workers.into_iter().zip(&phones) {
        let (sent, unacknowledged) = worker.join().unwrap();
        rounds += sent;
        if let Some((question, choice)) = unacknowledged {
            in_flight.insert((*number, question.to_owned()), choice.to_owned());
        }
    }
    assert!(
        rounds >= phones.len() * 3,
        "{rounds} answers sent before the kill"
    );
    let acknowledged = acknowledged.lock().unwrap().clone();

    // B holds every acknowledged answer: for each phone and question, the last one A
    // acknowledged — or the one in flight when A died, if A committed it before dying.
    let mut want: BTreeMap<u64, BTreeMap<String, String>> = BTreeMap::new();
    for ((number, question), choice) in &acknowledged {
        want.entry(*number)
            .or_default()
            .insert(question.clone(), choice.clone());
    }
    want.entry(phones[0].1)
        .or_default()
        .insert("genre".into(), "femme".into());
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut held = answers_of(&facilitator_view(&b, &code, &secret));
    while !holds(&want, &in_flight, &held) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        held = answers_of(&facilitator_view(&b, &code, &secret));
    }
    assert!(
        holds(&want, &in_flight, &held),
        "acknowledged {want:?}\nin flight {in_flight:?}\non B {held:?}"
    );
    assert_eq!(facilitator_view(&b, &code, &secret)["joined"], 12);

    // The phones carry on through B: same identity, new answers kept.
    for (token, number) in &phones {
        assert_eq!(
            join(&b, &code, Some(token)).1,
            *number,
            "same participant through B"
        );
        assert_eq!(answer(&b.base, &code, token, "genre", "homme"), Some(200));
        want.entry(*number)
            .or_default()
            .insert("genre".into(), "homme".into());
    }
    let held = answers_of(&facilitator_view(&b, &code, &secret));
    assert!(
        holds(&want, &in_flight, &held),
        "after the phones moved to B: {held:?}"
    );

    // A server started afterwards on the same database reads everything back.
    let c = server_on(&url, &[]);
    assert_eq!(answers_of(&facilitator_view(&c, &code, &secret)), held);

    // Deleting through C removes the session from B too.
    let deleted = send(
        "DELETE",
        &api(&c, &code, ""),
        &[FR, ("authorization", &format!("Bearer {secret}"))],
        "",
    );
    assert!(
        deleted.status == 200 || deleted.status == 204,
        "{}",
        deleted.text()
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    let gone = || {
        request(
            "GET",
            &api(&b, &code, "/facilitator"),
            &[("authorization", &format!("Bearer {secret}"))],
        )
        .status
            == 404
    };
    while !gone() {
        assert!(Instant::now() < deadline, "the session is still on B");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn migrate_store_moves_sqlite_sessions_into_postgres() {
    let Some(base) = database("migrate_store_moves_sqlite_sessions_into_postgres") else {
        return;
    };
    let url = fresh(&base, "shared_migrate");
    // A session on the embedded store: three phones, the second removed by the facilitator.
    let assets = tempfile::tempdir().unwrap();
    support::fake_assets(assets.path());
    let data = tempfile::tempdir().unwrap();
    let sqlite = support::start_sqlite(
        assets.path(),
        data.path(),
        &["--rate-per-address", "100000"],
        vec![],
    );
    let (code, secret) = create(&sqlite);
    let phones: Vec<(String, u64)> = (0..3).map(|_| join(&sqlite, &code, None)).collect();
    for (i, (token, _)) in phones.iter().enumerate() {
        let choice = ["fromage", "dessert"][i % 2];
        assert_eq!(
            answer(&sqlite.base, &code, token, "fromage-dessert", choice),
            Some(200)
        );
    }
    let removed = request(
        "DELETE",
        &api(&sqlite, &code, "/participants/2"),
        &[("authorization", &format!("Bearer {secret}"))],
    );
    assert_eq!(removed.json()["removed"], true);
    let before = facilitator_view(&sqlite, &code, &secret);
    sqlite.kill_hard();

    let output = support::briques_fr()
        .args(["migrate-store", "--from"])
        .arg(format!("sqlite:{}", data.path().display()))
        .args(["--to", &url])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        said.contains("1 session(s) copiée(s)") && said.contains("2 participant(s), 2 réponse(s)"),
        "{said}"
    );

    // On PostgreSQL: the same answers and participants; the third phone is still n° 3,
    // and the next one to join is n° 4 (n° 2 is not handed out again).
    let shared = server_on(&url, &[]);
    let after = facilitator_view(&shared, &code, &secret);
    assert_eq!(answers_of(&after), answers_of(&before));
    assert_eq!(after["joined"], 2);
    assert_eq!(join(&shared, &code, Some(&phones[2].0)).1, 3);
    assert_eq!(join(&shared, &code, None).1, 4);

    // The same source and destination is refused with a message.
    let same = support::briques_fr()
        .args(["migrate-store", "--from", &url, "--to", &url])
        .output()
        .unwrap();
    assert!(!same.status.success());
    assert!(String::from_utf8_lossy(&same.stderr).contains("la même base"));
}

#[test]
fn a_server_reading_a_session_again_keeps_the_answers_it_has_not_committed_yet() {
    let Some(base) = database("a_server_reading_a_session_again_keeps_the_answers_it_has_not_committed_yet")
    else {
        return;
    };
    let url = fresh(&base, "shared_reload");
    let a = server_on(
        &url,
        &["--rate-per-participant", "100000", "--rate-per-session", "100000"],
    );
    let (code, secret) = create(&a);
    let phones: Vec<(String, u64)> = (0..12).map(|_| join(&a, &code, None)).collect();
    // Phones answer without a pause while invented tokens make A read the session again
    // from PostgreSQL (at most every 2 s): what A acknowledged must stay in its memory.
    let acknowledged = Acknowledged::default();
    let stop = Arc::new(AtomicBool::new(false));
    let workers = answering(&a.base, &code, &phones, &acknowledged, &stop);
    let started = Instant::now();
    let mut invented = 0u32;
    while started.elapsed() < Duration::from_secs(5) {
        let token = format!("{invented:032x}");
        let status = answer(&a.base, &code, &token, "genre", "femme");
        assert!(matches!(status, Some(403) | Some(429)), "{status:?}");
        invented += 1;
        std::thread::sleep(Duration::from_millis(100));
    }
    stop.store(true, Ordering::SeqCst);
    for worker in workers {
        assert_eq!(worker.join().unwrap().1, None, "A answered every request");
    }
    let mut want: Answers = BTreeMap::new();
    for ((number, question), choice) in acknowledged.lock().unwrap().iter() {
        want.entry(*number)
            .or_default()
            .insert(question.clone(), choice.clone());
    }
    let held = answers_of(&facilitator_view(&a, &code, &secret));
    assert!(
        holds(&want, &BTreeMap::new(), &held),
        "acknowledged {want:?}\non A {held:?}"
    );
}
