//! A workshop in steps over real HTTP on 127.0.0.1: a pack-like sequence (Duplo, a
//! guess, a vote, Si j'étais maire by groups, a word to finish) run with three phones,
//! the answer keys kept until revealed, moderation, the exports, and `kill -9` in the
//! middle of a step. Expected figures are computed here, by hand, not by the core.

mod support;

use briques_core::i18n::Lang;
use briques_core::survey::Survey;
use serde_json::{json, Value};
use support::{control, live_api as api, request, send, Reply, Server};

const FR: (&str, &str) = ("accept-language", "fr-FR,fr;q=0.9");

fn steps() -> Value {
    json!([
        { "kind": "duplo" },
        { "kind": "guess", "question": "Sur 100 € dépensés, combien pour les écoles ?", "unit": "€",
          "min": 0, "max": 100, "answer": 24, "source": "Compte administratif 2023" },
        { "kind": "vote", "question": "Lequel est trompeur ?", "choices": ["Le graphique A", "Le graphique B"],
          "correct": 1, "explanation": "L'axe du B commence à 14 000." },
        // 10,000 € a token; 60,000 € repaid (6 tokens put aside at least); a 4-token tax
        // rise at most.
        { "kind": "mayor", "commune": "Briqueville (démo), 2023", "base": {
            "exercice": 2023, "population": 1000, "jeton": 10000.0,
            "postes": [["ecole", 300000.0, 30], ["administration", 300000.0, 30], ["culture", 200000.0, 20],
                       ["interets", 50000.0, 5], ["autofinancement", 150000.0, 15]],
            "remboursement": 60000.0, "impots_locaux": 400000.0 } },
        { "kind": "words", "question": "En un mot : qu'emportez-vous ?" }
    ])
}

fn create(server: &Server, steps: Value) -> Reply {
    let body = json!({ "survey": Survey::default_for(Lang::Fr, None), "steps": steps }).to_string();
    send(
        "POST",
        &format!("{}/api/live/sessions", server.base),
        &[FR],
        &body,
    )
}

fn join(server: &Server, code: &str) -> String {
    let v = send("POST", &api(server, code, "/join"), &[FR], "{}").json();
    v["token"].as_str().unwrap().to_owned()
}

fn input(server: &Server, code: &str, token: &str, step: usize, input: Value) -> Reply {
    let body = json!({ "step": step, "input": input }).to_string();
    send(
        "PUT",
        &api(server, code, "/input"),
        &[FR, ("x-briques-participant", token)],
        &body,
    )
}

fn facilitator(server: &Server, code: &str, secret: &str) -> Value {
    let reply = request(
        "GET",
        &api(server, code, "/facilitator"),
        &[("authorization", &format!("Bearer {secret}"))],
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    reply.json()["view"].clone()
}

fn public(server: &Server, code: &str) -> Value {
    request("GET", &api(server, code, ""), &[]).json()
}

fn ok(reply: Reply) {
    assert_eq!(reply.status, 200, "{}", reply.text());
}

#[test]
fn a_workshop_runs_through_its_steps_and_survives_kill_9() {
    let assets = tempfile::tempdir().unwrap();
    support::fake_assets(assets.path());
    let data = tempfile::tempdir().unwrap();
    let server = support::start_args(assets.path(), data.path(), &[], vec![]);
    let created = create(&server, steps());
    assert_eq!(created.status, 201, "{}", created.text());
    let created = created.json();
    let (code, secret) = (
        created["code"].as_str().unwrap().to_owned(),
        created["secret"].as_str().unwrap().to_owned(),
    );
    let phones: Vec<String> = (0..3).map(|_| join(&server, &code)).collect();

    // Step 1 is the survey: answering step 2 now is refused, as closed.
    let early = input(
        &server,
        &code,
        &phones[0],
        1,
        json!({ "kind": "guess", "value": 20 }),
    );
    assert_eq!(early.status, 409, "{}", early.text());
    assert!(early.json()["error"].as_str().unwrap().contains("fermée"));

    // The guess: three phones, the answer key hidden until revealed.
    ok(control(
        &server,
        &code,
        &secret,
        json!({ "action": "go-to", "step": 1 }),
    ));
    for (phone, value) in phones.iter().zip([10.0, 30.0, 35.0]) {
        ok(input(
            &server,
            &code,
            phone,
            1,
            json!({ "kind": "guess", "value": value }),
        ));
    }
    let out_of_range = input(
        &server,
        &code,
        &phones[0],
        1,
        json!({ "kind": "guess", "value": 140 }),
    );
    assert_eq!(out_of_range.status, 422);
    let wrong_kind = input(
        &server,
        &code,
        &phones[0],
        1,
        json!({ "kind": "vote", "choice": 0 }),
    );
    assert_eq!(wrong_kind.status, 422);
    let view = public(&server, &code);
    assert_eq!(view["state"]["step"], 1);
    assert!(view["steps"][1].get("answer").is_none(), "{}", view["steps"][1]);
    assert!(view["step_results"].is_null());
    ok(control(&server, &code, &secret, json!({ "action": "reveal" })));
    let view = public(&server, &code);
    assert_eq!(view["steps"][1]["answer"], 24.0);
    let results = &view["step_results"];
    assert_eq!(results["count"], 3);
    assert_eq!(results["median"], 30.0);
    assert_eq!(results["answer"], 24.0);
    let counts: Vec<u64> = results["bins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [0, 1, 0, 2, 0, 0, 0, 0, 0, 0]);

    // The vote: moving on hides the results again.
    ok(control(
        &server,
        &code,
        &secret,
        json!({ "action": "go-to", "step": 2 }),
    ));
    let view = public(&server, &code);
    assert_eq!(view["state"]["revealed"], false);
    assert!(view["steps"][2].get("correct").is_none() && view["steps"][2].get("explanation").is_none());
    for (phone, choice) in phones.iter().zip([1, 1, 0]) {
        ok(input(
            &server,
            &code,
            phone,
            2,
            json!({ "kind": "vote", "choice": choice }),
        ));
    }
    ok(control(&server, &code, &secret, json!({ "action": "reveal" })));
    let view = public(&server, &code);
    assert_eq!(view["step_results"]["counts"], json!([1, 2]));
    assert_eq!(view["step_results"]["correct"], 1);
    assert_eq!(view["steps"][2]["explanation"], "L'axe du B commence à 14 000.");

    // Si j'étais maire: two groups, one resubmits; then the step closes and kill -9.
    ok(control(
        &server,
        &code,
        &secret,
        json!({ "action": "go-to", "step": 3 }),
    ));
    // Five tokens more for the school, paid by a 2-token tax rise and 3 from culture.
    let spend = json!({ "jetons": { "ecole": 35, "culture": 17 }, "impot": 2 });
    let first = json!({ "jetons": { "ecole": 31, "culture": 19 } });
    ok(input(
        &server,
        &code,
        &phones[0],
        3,
        json!({ "kind": "mayor", "group": "Les Écoles", "choices": first }),
    ));
    ok(input(
        &server,
        &code,
        &phones[0],
        3,
        json!({ "kind": "mayor", "group": "Les Écoles", "choices": spend }),
    ));
    // Ten tokens from administration put aside: a cut of more than 3, and a card.
    let save = json!({ "jetons": { "administration": 20, "autofinancement": 25 }, "imprevu": "dotation" });
    ok(input(
        &server,
        &code,
        &phones[1],
        3,
        json!({ "kind": "mayor", "group": "Vélo", "choices": save }),
    ));
    let too_far = json!({ "kind": "mayor", "group": "X", "choices": { "jetons": { "sport": 3 } } });
    assert_eq!(input(&server, &code, &phones[2], 3, too_far).status, 422);
    ok(control(
        &server,
        &code,
        &secret,
        json!({ "action": "close-step", "step": 3 }),
    ));
    let late = input(
        &server,
        &code,
        &phones[1],
        3,
        json!({ "kind": "mayor", "group": "Vélo", "choices": {} }),
    );
    assert_eq!(late.status, 409);
    server.kill_hard();

    let server = support::start_args(assets.path(), data.path(), &[], vec![]);
    let view = facilitator(&server, &code, &secret);
    assert_eq!(view["state"]["step"], 3);
    assert_eq!(view["steps"].as_array().unwrap().len(), 5);
    assert_eq!(
        view["inputs"]["1"].as_object().unwrap().len(),
        3,
        "every acknowledged guess is back"
    );
    assert_eq!(
        view["inputs"]["3"]["1"]["choices"]["jetons"]["ecole"], 35,
        "the resubmission is the one kept"
    );
    ok(control(&server, &code, &secret, json!({ "action": "reveal" })));
    let view = public(&server, &code);
    let groups = view["step_results"]["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    let tokens = |a: &Value| -> Vec<f64> {
        a["jetons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p[1].as_f64().unwrap())
            .collect()
    };
    assert_eq!(
        tokens(&view["step_results"]["actual"]),
        vec![30.0, 30.0, 20.0, 5.0, 15.0]
    );
    // By hand: 35 + 30 + 17 + 5 + 15 = 102 = 100 + 2 of tax: balanced.
    assert_eq!(
        tokens(&groups[0]["allocation"]),
        vec![35.0, 30.0, 17.0, 5.0, 15.0]
    );
    assert_eq!(groups[0]["problems"], json!([]));
    // 30 + 20 + 20 + 5 + 25 = 100 laid for 98 available (the card), and a cut of 10.
    assert_eq!(groups[1]["problems"], json!(["equilibre", "baisse"]));
    assert_eq!(groups[1]["allocation"]["imprevu"], "dotation");
    assert_eq!(
        tokens(&view["step_results"]["average"]),
        vec![32.5, 25.0, 18.5, 5.0, 20.0]
    );

    // The word to finish, with moderation.
    ok(control(
        &server,
        &code,
        &secret,
        json!({ "action": "go-to", "step": 4 }),
    ));
    for (phone, text) in phones
        .iter()
        .zip(["Vie privée", "vies privées", "=cmd|' /C calc'!A0"])
    {
        ok(input(
            &server,
            &code,
            phone,
            4,
            json!({ "kind": "words", "text": text }),
        ));
    }
    ok(control(
        &server,
        &code,
        &secret,
        json!({ "action": "hide-answer", "step": 4, "participant": 3 }),
    ));
    // kill -9 again, the word step open: every acknowledged word is back, and so is the
    // facilitator's moderation; the room carries on.
    server.kill_hard();
    let server = support::start_args(assets.path(), data.path(), &[], vec![]);
    let view = facilitator(&server, &code, &secret);
    assert_eq!(view["state"]["step"], 4);
    assert_eq!(
        view["inputs"]["4"].as_object().unwrap().len(),
        3,
        "every acknowledged word is back"
    );
    assert_eq!(view["inputs"]["4"]["2"]["text"], "vies privées");
    assert_eq!(view["state"]["hidden"], json!([[4, 3]]));
    ok(control(&server, &code, &secret, json!({ "action": "reveal" })));
    let view = public(&server, &code);
    assert_eq!(
        view["step_results"]["words"],
        json!([{ "text": "Vie privée", "count": 2 }])
    );
    assert!(
        view["state"].get("hidden").is_none(),
        "phones never learn who was hidden"
    );
    let me = request(
        "GET",
        &api(&server, &code, "/me"),
        &[("x-briques-participant", &phones[0])],
    )
    .json();
    assert_eq!(me["inputs"]["4"]["text"], "Vie privée");
    assert_eq!(me["inputs"]["1"]["value"], 10.0);

    // Exports: the session file with every step and answer, the hidden one marked; a CSV per step.
    let bearer = format!("Bearer {secret}");
    let json_export = request(
        "GET",
        &api(&server, &code, "/export/json"),
        &[("authorization", &bearer)],
    );
    let file = json_export.json();
    assert_eq!(file["format"], "briques-duplo");
    let answers = file["workshop"]["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 3 + 3 + 2 + 3);
    let hidden: Vec<&Value> = answers.iter().filter(|a| a["hidden"] == true).collect();
    assert_eq!(hidden.len(), 1);
    assert_eq!(hidden[0]["participant"], 3);
    let csv = request(
        "GET",
        &api(&server, &code, "/export/step-5.csv"),
        &[("authorization", &bearer)],
    );
    assert_eq!(csv.status, 200);
    let text = csv.text();
    assert!(text.contains("3;\"'=cmd|' /C calc'!A0\";oui"), "{text}");
    let csv = request(
        "GET",
        &api(&server, &code, "/export/step-4.csv"),
        &[("authorization", &bearer)],
    )
    .text();
    assert!(
        csv.contains("Groupe;École et périscolaire (jetons);")
            && csv.contains("\r\n1;Les Écoles;35;30;17;5;15;2;;;non\r\n")
            && csv.contains("\r\n2;Vélo;30;20;20;5;25;0;L'État baisse sa dotation;2 jetons posés de trop"),
        "{csv}"
    );
    assert_eq!(
        request(
            "GET",
            &api(&server, &code, "/export/step-1.csv"),
            &[("authorization", &bearer)]
        )
        .status,
        404
    );
    assert_eq!(
        request(
            "GET",
            &api(&server, &code, "/export/step-9.csv"),
            &[("authorization", &bearer)]
        )
        .status,
        404
    );
}

#[test]
fn broken_steps_are_refused_at_launch_with_their_place() {
    let assets = tempfile::tempdir().unwrap();
    support::fake_assets(assets.path());
    let data = tempfile::tempdir().unwrap();
    let server = support::start_args(assets.path(), data.path(), &[], vec![]);
    let mut broken = steps();
    broken[1]["answer"] = json!(140);
    let reply = create(&server, broken);
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.json()["error"],
        "Étape 2 invalide : l'estimation n'a pas de vrai chiffre, ou il sort des bornes"
    );
    let mut tokens = steps();
    tokens[3]["base"]["postes"][0][2] = json!(31);
    let reply = create(&server, tokens);
    assert_eq!(reply.status, 422, "101 tokens: {}", reply.text());
    assert!(reply.json()["error"]
        .as_str()
        .unwrap()
        .starts_with("Étape 4 invalide"));
    let many = Value::Array(vec![json!({ "kind": "duplo" }); 31]);
    assert_eq!(create(&server, many).status, 422);
    let unknown = create(&server, json!([{ "kind": "karaoke" }]));
    assert_eq!(unknown.status, 400, "{}", unknown.text());
    // A session without steps is the survey alone.
    let plain = create(&server, json!([]));
    assert_eq!(plain.status, 201);
    let code = plain.json()["code"].as_str().unwrap().to_owned();
    assert_eq!(public(&server, &code)["steps"], json!([{ "kind": "duplo" }]));
}

#[test]
fn the_presenter_opens_the_server_to_the_network_without_a_restart() {
    let assets = tempfile::tempdir().unwrap();
    support::fake_assets(assets.path());
    let data = tempfile::tempdir().unwrap();
    // Tests listen on loopback only: 127.0.0.2 stands for the Wi-Fi's address.
    let server = support::start_args(
        assets.path(),
        data.path(),
        &["--network-address", "127.0.0.2"],
        vec![],
    );
    let created = create(&server, json!([])).json();
    let (code, secret) = (
        created["code"].as_str().unwrap().to_owned(),
        created["secret"].as_str().unwrap().to_owned(),
    );
    let port = server.base.rsplit(':').next().unwrap().to_owned();
    let before = facilitator(&server, &code, &secret);
    assert!(before.is_object());
    let url = api(&server, &code, "/network");
    assert_eq!(
        send("POST", &url, &[FR], "{}").status,
        401,
        "the facilitator's only"
    );
    let opened = send(
        "POST",
        &url,
        &[FR, ("authorization", &format!("Bearer {secret}"))],
        "{}",
    );
    assert_eq!(opened.status, 200, "{}", opened.text());
    let urls: Vec<String> = serde_json::from_value(opened.json()["join_urls"].clone()).unwrap();
    let lan = format!("http://127.0.0.2:{port}/live/{code}");
    assert_eq!(urls[0], lan, "{urls:?}");
    // The same server answers there, sessions and limits shared.
    let there = request(
        "GET",
        &format!("http://127.0.0.2:{port}/api/live/sessions/{code}"),
        &[],
    );
    assert_eq!(there.status, 200, "{}", there.text());
    assert_eq!(there.json()["code"], code);
    // Asking again opens nothing more.
    let again = send(
        "POST",
        &url,
        &[FR, ("authorization", &format!("Bearer {secret}"))],
        "{}",
    );
    let urls_again: Vec<String> = serde_json::from_value(again.json()["join_urls"].clone()).unwrap();
    assert_eq!(urls_again, urls);
    let reply = request(
        "GET",
        &api(&server, &code, "/facilitator"),
        &[("authorization", &format!("Bearer {secret}"))],
    );
    assert_eq!(reply.json()["join_urls"][0], lan);
}
