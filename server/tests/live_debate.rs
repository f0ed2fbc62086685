//! A débat mouvant over real HTTP on 127.0.0.1: four phones take sides before the
//! discussion, the facilitator moves the phase, the server is killed (`kill -9`) and
//! restarted, the phones answer after; a phase that is not open refuses answers, the
//! moves wait for the reveal, and the step's CSV export has both answers. Expected
//! figures are computed here, by hand.

mod support;

use briques_core::i18n::Lang;
use briques_core::survey::Survey;
use serde_json::{json, Value};
use support::{control, live_api as api, request, send, Reply, Server};

const FR: (&str, &str) = ("accept-language", "fr-FR,fr;q=0.9");

fn create(server: &Server) -> (String, String) {
    let steps = json!([
        { "kind": "debate", "statement": "Je n'ai rien à cacher, donc la surveillance ne me concerne pas.",
          "note": "Art. 4 RGPD : toute information se rapportant à une personne identifiable." },
        { "kind": "words", "question": "En un mot ?" }
    ]);
    let body = json!({ "survey": Survey::default_for(Lang::Fr, None), "steps": steps }).to_string();
    let created = send(
        "POST",
        &format!("{}/api/live/sessions", server.base),
        &[FR],
        &body,
    );
    assert_eq!(created.status, 201, "{}", created.text());
    let created = created.json();
    (
        created["code"].as_str().unwrap().to_owned(),
        created["secret"].as_str().unwrap().to_owned(),
    )
}

fn join(server: &Server, code: &str) -> String {
    let v = send("POST", &api(server, code, "/join"), &[FR], "{}").json();
    v["token"].as_str().unwrap().to_owned()
}

fn side(server: &Server, code: &str, token: &str, phase: &str, stance: &str) -> Reply {
    let body = json!({ "step": 0, "input": { "kind": "debate", phase: stance } }).to_string();
    send(
        "PUT",
        &api(server, code, "/input"),
        &[FR, ("x-briques-participant", token)],
        &body,
    )
}

fn ok(reply: Reply) {
    assert_eq!(reply.status, 200, "{}", reply.text());
}

fn public(server: &Server, code: &str) -> Value {
    request("GET", &api(server, code, ""), &[]).json()
}

#[test]
fn a_moving_debate_counts_who_changed_sides_and_survives_kill_9() {
    let assets = tempfile::tempdir().unwrap();
    support::fake_assets(assets.path());
    let data = tempfile::tempdir().unwrap();
    let server = support::start_args(assets.path(), data.path(), &[], vec![]);
    let (code, secret) = create(&server);
    let phones: Vec<String> = (0..4).map(|_| join(&server, &code)).collect();

    // « Avant »: the fourth phone changes its mind once while the phase is open.
    for (phone, stance) in phones.iter().zip(["agree", "agree", "disagree", "disagree"]) {
        ok(side(&server, &code, phone, "before", stance));
    }
    ok(side(&server, &code, &phones[3], "before", "undecided"));
    let early = side(&server, &code, &phones[0], "after", "disagree");
    assert_eq!(early.status, 409, "« après » is not open: {}", early.text());
    let both = send(
        "PUT",
        &api(&server, &code, "/input"),
        &[FR, ("x-briques-participant", &phones[0])],
        &json!({ "step": 0, "input": { "kind": "debate", "before": "agree", "after": "agree" } }).to_string(),
    );
    assert_eq!(both.status, 422, "one phase at a time: {}", both.text());
    let view = public(&server, &code);
    assert!(view.get("step_results").is_none(), "nothing before the reveal");
    assert!(view["steps"][0].get("note").is_none(), "the landmark waits too");

    ok(control(
        &server,
        &code,
        &secret,
        json!({ "action": "phase", "step": 0, "phase": "after" }),
    ));
    // Everything acknowledged is on disk: a hard kill loses nothing.
    server.kill_hard();
    let server = support::start_args(assets.path(), data.path(), &[], vec![]);
    assert_eq!(public(&server, &code)["state"]["after_phase"], json!([0]));

    let late = side(&server, &code, &phones[0], "before", "disagree");
    assert_eq!(late.status, 409, "« avant » is closed: {}", late.text());
    for (phone, stance) in phones.iter().zip(["disagree", "agree", "undecided"]) {
        ok(side(&server, &code, phone, "after", stance));
    }
    // The first phone reads both of its answers back.
    let me = request(
        "GET",
        &api(&server, &code, "/me"),
        &[("x-briques-participant", &phones[0])],
    )
    .json();
    assert_eq!(
        me["inputs"]["0"],
        json!({ "kind": "debate", "before": "agree", "after": "disagree" })
    );

    // By hand. Before: agree 1, 2; disagree 3; undecided 4 → [2, 1, 1].
    // After: disagree 1; agree 2; undecided 3 → [1, 1, 1]. Both times: 1, 2, 3.
    // Moves: agree→disagree 1, agree→agree 1, disagree→undecided 1.
    ok(control(&server, &code, &secret, json!({ "action": "reveal" })));
    let view = public(&server, &code);
    assert_eq!(
        view["step_results"],
        json!({
            "kind": "debate",
            "before": [2, 1, 1],
            "after": [1, 1, 1],
            "both": 3,
            "moves": [[1, 1, 0], [0, 0, 1], [0, 0, 0]]
        })
    );
    assert!(view["steps"][0]["note"]
        .as_str()
        .unwrap()
        .starts_with("Art. 4 RGPD"));
    let text = view.to_string();
    assert!(!text.contains("\"participant\""), "counts only, never who");

    // The step's CSV: one row per phone, both answers, formulas neutralised by the writer.
    let bearer = format!("Bearer {secret}");
    let csv = request(
        "GET",
        &api(&server, &code, "/export/step-1.csv"),
        &[("authorization", &bearer)],
    );
    assert_eq!(csv.status, 200);
    let csv = csv.text();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines,
        [
            "Participant;Avant le débat;Après le débat;Masquée",
            "1;D'accord;Pas d'accord;non",
            "2;D'accord;D'accord;non",
            "3;Pas d'accord;Sans avis;non",
            "4;Sans avis;;non",
        ]
    );
}
