//! `briques survey stats` and `briques survey generalise` as a script would use them:
//! hand-checked figures on a CSV and a session file, and a clear message with a non-zero
//! exit for every kind of bad file or plan.

use std::path::Path;
use std::process::{Command, Output};

use briques_core::i18n::Lang;
use briques_core::survey::{io, Session, Survey};

mod support;

fn briques(args: &[&str]) -> Output {
    support::briques_fr().args(args).output().expect("briques runs")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// Eight people; hand-worked: on cheese/dessert and sweet/savoury nobody is alone; with
/// gender, participants 3 and 6 are; with town as well, 3, 6, 7 and 8.
const ROOM: &str = "Fromage ou dessert ?;Sucré ou salé ?;Genre;Commune\n\
Fromage;Sucré;Femme;Oui\nFromage;Sucré;Femme;Oui\nFromage;Sucré;Homme;Non\n\
Dessert;Salé;Femme;Oui\nDessert;Salé;Femme;Oui\nDessert;Salé;Autre;Oui\n\
Fromage;Salé;Homme;Oui\nFromage;Salé;Homme;Non\n";

fn json(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON object")
}

#[test]
fn csv_stats_in_json_match_the_hand_count() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "salle.csv", ROOM.as_bytes());
    let quasi = "Fromage ou dessert ?,Sucré ou salé ?,Genre,Commune";
    let v = json(&briques(&["survey", "stats", &file, "--quasi", quasi, "--json"]));
    assert_eq!(v["respondents"], 8);
    assert_eq!(v["unique_respondents"], 4);
    assert_eq!(v["k_anonymity"], 1);
    let unique: Vec<u64> = v["progression"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["unique"].as_u64().unwrap())
        .collect();
    assert_eq!(unique, vec![0, 0, 2, 4]);
    assert_eq!(
        v["progression"][1]["questions"],
        serde_json::json!(["Fromage ou dessert ?", "Sucré ou salé ?"])
    );
    assert_eq!(v["crosstab"]["counts"], serde_json::json!([[3, 2], [0, 3]]));
    assert_eq!(v["tallies"][2]["counts"], serde_json::json!([4, 3, 1]));
}

#[test]
fn comma_separated_latin1_with_crlf_works_too() {
    let dir = tempfile::tempdir().unwrap();
    let latin1: Vec<u8> = b"Genre,Ann\xe9e\r\nFemme,2\r\nHomme,2\r\nFemme,3\r\n".to_vec();
    let file = write(dir.path(), "latin1.csv", &latin1);
    let v = json(&briques(&["survey", "stats", &file, "--json"]));
    assert_eq!(v["respondents"], 3);
    assert_eq!(v["questions"], serde_json::json!(["Genre", "Année"]));
    // Every column is crossed when none is named: all three are alone.
    assert_eq!(v["unique_respondents"], 3);
    assert_eq!(v["k_anonymity"], 1);
}

#[test]
fn a_session_file_uses_its_own_quasi_identifiers() {
    let mut session = Session::new(Survey::default_for(Lang::Fr, Some("Briqueville")));
    for (gender, town) in [("femme", "oui"), ("femme", "oui"), ("homme", "non")] {
        session
            .add_response(
                [
                    ("genre".to_owned(), gender.to_owned()),
                    ("commune".to_owned(), town.to_owned()),
                ]
                .into(),
            )
            .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "session.json", io::to_json(&session).as_bytes());
    let v = json(&briques(&["survey", "stats", &file, "--json"]));
    assert_eq!(
        v["quasi_identifiers"],
        serde_json::json!(["Genre", "Habitez-vous Briqueville ?"])
    );
    assert_eq!(v["unique_respondents"], 1);
    assert_eq!(v["k_anonymity"], 1);
    // A session names its opinions by id; nobody answered them, so ℓ is undefined.
    assert_eq!(
        v["l_diversity"],
        serde_json::json!({"fromage-dessert": null, "sucre-sale": null})
    );
    assert_eq!(v["homogeneous_groups"], serde_json::json!([]));
    let text = briques(&["survey", "stats", &file]);
    assert!(text.status.success());
    let report = String::from_utf8(text.stdout).unwrap();
    assert!(report.contains("Qui est unique ?"), "{report}");
    assert!(report.contains("3 participants"), "{report}");
}

#[test]
fn bad_files_get_a_clear_message_and_a_failing_exit() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(String, &str)> = vec![
        (write(dir.path(), "vide.csv", b""), "le fichier est vide"),
        (
            write(dir.path(), "classeur.xlsx", b"PK\x03\x04\x14\x00rest"),
            "enregistrez-le au format CSV",
        ),
        (
            write(dir.path(), "image.bin", b"\x89PNG\r\n\x1a\n\x00\x00"),
            "n'est pas du texte",
        ),
        (
            // Windows-1251 (Cyrillic): refused with its likely encoding, never mojibake.
            write(
                dir.path(),
                "cyrillique.csv",
                "Пол\nМужчина\nЖенщина\n"
                    .chars()
                    .map(|c| match c {
                        'А'..='я' => (c as u32 - 0x410 + 0xC0) as u8,
                        _ => c as u8,
                    })
                    .collect::<Vec<u8>>()
                    .as_slice(),
            ),
            "cyrillique (encodage Windows-1251 ou KOI8-R)",
        ),
        (
            write(
                dir.path(),
                "session.json",
                b"{\"format\": \"briques-duplo\", \"survey\": ",
            ),
            "n'est pas du JSON valide",
        ),
        (
            write(dir.path(), "autre.json", b"{\"nom\": 1}"),
            "n'est pas une session Duplo",
        ),
        (
            dir.path().join("absent.csv").to_string_lossy().into_owned(),
            "impossible de lire",
        ),
    ];
    for (file, expected) in cases {
        let output = briques(&["survey", "stats", &file]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{file}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{file}: expected «{expected}» in {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let file = write(dir.path(), "salle.csv", ROOM.as_bytes());
    let output = briques(&["survey", "stats", &file, "--quasi", "Âge"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("« Âge » n'est ni une colonne"), "{stderr}");
}

#[test]
fn messages_follow_the_environment_language() {
    let output = Command::new(env!("CARGO_BIN_EXE_briques"))
        .args(["survey", "stats", "/nonexistent/x.csv"])
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("briques: error: cannot read"), "{stderr}");
}

/// On gender × town the ROOM's groups are Femme·Oui = 1, 2, 4, 5; Homme·Non = 3, 8;
/// Autre·Oui = 6; Homme·Oui = 7. Cheese/dessert: Femme·Oui said F, F, D, D (2 answers),
/// Homme·Non F, F (1): ℓ = 1. Sweet/savoury: Femme·Oui S, S, Sa, Sa (2), Homme·Non S, Sa
/// (2): ℓ = 2. One homogeneous group: the two Homme·Non, cheese.
#[test]
fn l_diversity_of_a_csv_names_its_columns() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "salle.csv", ROOM.as_bytes());
    let v = json(&briques(&[
        "survey",
        "stats",
        &file,
        "--quasi",
        "Genre,Commune",
        "--json",
    ]));
    assert_eq!(
        v["l_diversity"],
        serde_json::json!({"Fromage ou dessert ?": 1, "Sucré ou salé ?": 2})
    );
    assert_eq!(
        v["homogeneous_groups"],
        serde_json::json!([{
            "quasi": ["Homme", "Non"],
            "question": "Fromage ou dessert ?",
            "answer": "Fromage",
            "size": 2,
            "answered": 2
        }])
    );
    let text = briques(&["survey", "stats", &file, "--quasi", "Genre,Commune"]);
    let report = String::from_utf8(text.stdout).unwrap();
    assert!(report.contains("Qui est trahi par son groupe ?"), "{report}");
    assert!(
        report.contains("« Sucré ou salé ? » : ℓ = 2, chaque groupe a donné au moins 2 réponses différentes"),
        "{report}"
    );
    assert!(
        report.contains(
            "Les 2 personnes « Homme · Non » ont toutes répondu « Fromage » à « Fromage ou dessert ? »"
        ),
        "{report}"
    );
}

/// Merging Homme and Autre: Femme·Oui = 1, 2, 4, 5; (Homme ou autre)·Non = 3, 8;
/// (Homme ou autre)·Oui = 6, 7. Nobody is alone (k = 2) and nobody is removed; the 4
/// gender answers of 3, 6, 7, 8 are merged: 4 of 32 answers, 12.5 %. Cheese/dessert:
/// 3 and 8 both said cheese (ℓ 1); sweet/savoury: 6 and 7 both said savoury (ℓ 1).
#[test]
fn generalise_merges_then_reports_what_was_lost() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "salle.csv", ROOM.as_bytes());
    let plan = write(
        dir.path(),
        "plan.json",
        br#"{"merge": [{"question": "Genre", "choices": ["Homme", "Autre"], "label": "Homme ou autre"}],
             "remove_unique": true}"#,
    );
    let args = [
        "survey",
        "generalise",
        &file,
        "--plan",
        &plan,
        "--quasi",
        "Genre,Commune",
    ];
    let v = json(&briques(&[&args[..], &["--json"]].concat()));
    assert_eq!(
        (v["respondents"].as_u64(), v["k_anonymity"].as_u64()),
        (Some(8), Some(2))
    );
    assert_eq!(v["unique_respondents"], 0);
    assert_eq!(
        v["tallies"][2]["choices"],
        serde_json::json!(["Femme", "Homme ou autre"])
    );
    assert_eq!(
        v["lost"],
        serde_json::json!({"answers": 32, "merged": 4, "suppressed": 0, "removed": [], "information_loss": 0.125})
    );
    assert_eq!(
        v["l_diversity"],
        serde_json::json!({"Fromage ou dessert ?": 1, "Sucré ou salé ?": 1})
    );
    let groups: Vec<(String, String, String)> = v["homogeneous_groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["quasi"].to_string(),
                g["question"].to_string(),
                g["answer"].to_string(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        vec![
            (
                r#"["Homme ou autre","Non"]"#.to_owned(),
                r#""Fromage ou dessert ?""#.to_owned(),
                r#""Fromage""#.to_owned()
            ),
            (
                r#"["Homme ou autre","Oui"]"#.to_owned(),
                r#""Sucré ou salé ?""#.to_owned(),
                r#""Salé""#.to_owned()
            ),
        ]
    );
    let text = briques(&args);
    assert!(text.status.success());
    let report = String::from_utf8(text.stdout).unwrap();
    assert!(report.contains("Ce que la protection a coûté"), "{report}");
    assert!(
        report.contains(
            "4 réponses fondues dans un regroupement, aucune réponse effacée, aucun participant retiré"
        ),
        "{report}"
    );
    assert!(report.contains("des 32 réponses d'origine"), "{report}");
}

/// Without a merge, the people alone on gender × town are 6 (Autre·Oui) and 7
/// (Homme·Oui): both go with their 4 answers each, 8 of 32 (25 %), and k becomes 2.
#[test]
fn generalise_removes_the_people_still_unique() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "salle.csv", ROOM.as_bytes());
    let plan = write(dir.path(), "plan.json", br#"{"remove_unique": true}"#);
    let v = json(&briques(&[
        "survey",
        "generalise",
        &file,
        "--plan",
        &plan,
        "--quasi",
        "Genre,Commune",
        "--json",
    ]));
    assert_eq!(v["respondents"], 6);
    assert_eq!(v["k_anonymity"], 2);
    assert_eq!(v["lost"]["removed"], serde_json::json!([6, 7]));
    assert_eq!(v["lost"]["suppressed"], 8);
    assert_eq!(v["lost"]["information_loss"], 0.25);
}

#[test]
fn a_wrong_plan_says_where_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "salle.csv", ROOM.as_bytes());
    let cases: Vec<(&[u8], &str)> = vec![
        (
            br#"{"merge": [{"question": "Genre", "choices": ["Homme", "Licorne"], "label": "H"}]}"#,
            "regroupement n° 1 (« merge ») : « Licorne » n'est pas un choix de la question « Genre »",
        ),
        (
            r#"{"drop": ["Âge"]}"#.as_bytes(),
            "question retirée n° 1 (« drop ») : « Âge » n'est ni une question ni une colonne du fichier",
        ),
        (br#"{"merges": []}"#, "ce plan n'est pas du JSON attendu (ligne 1"),
    ];
    for (text, expected) in cases {
        let plan = write(dir.path(), "plan.json", text);
        let output = briques(&["survey", "generalise", &file, "--plan", &plan]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(expected), "expected «{expected}» in {stderr}");
    }
}
