//! Tests of the pack format: the bundled packs under `workshops/` pass, each broken
//! fixture under `core/fixtures/packs/` gives its documented error, bundles round-trip,
//! and the JSON-LD has the fields resource libraries read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::bundle::{self, ImportPlan, Resolution};
use super::sheet::SheetKind;
use super::*;
use crate::i18n::Lang;

pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A pack folder's files, as the command line reads them.
pub(crate) fn read_pack(dir: &Path) -> PackFiles {
    fn walk(base: &Path, dir: &Path, into: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(base, &path, into);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                into.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    PackFiles {
        dir_name: dir.file_name().unwrap().to_string_lossy().into_owned(),
        files,
    }
}

fn bundled() -> Vec<(PathBuf, Pack)> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("workshops"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join(MANIFEST).is_file())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let (pack, problems) = load(&read_pack(&dir));
            let report: Vec<String> = problems.iter().map(|p| p.message(Lang::Fr)).collect();
            assert!(report.is_empty(), "{}:\n{}", dir.display(), report.join("\n"));
            (dir, pack.unwrap())
        })
        .collect()
}

#[test]
fn every_bundled_pack_passes_the_check_and_is_complete() {
    let packs = bundled();
    assert_eq!(packs.len(), 5, "the five packs of the project");
    let named: Vec<(String, &Pack)> = packs.iter().map(|(d, p)| (d.display().to_string(), p)).collect();
    assert!(check_library(&named).is_empty());
    for (dir, pack) in &packs {
        for kind in SheetKind::ALL {
            assert!(
                pack.sheets.iter().any(|s| s.kind == kind),
                "{}: no {kind:?} sheet",
                dir.display()
            );
        }
        assert!(
            pack.variants().contains(&90) && pack.variants().contains(&45),
            "{}",
            dir.display()
        );
        assert_eq!(pack.licence, "Etalab-2.0");
        assert_eq!(pack.language, "fr");
        assert!(!pack.activities.is_empty());
    }
}

/// The app loads the bundled packs from `www/packs/` (copied into `dist/` and precached
/// by the service worker). This test writes them from `workshops/` and fails when they
/// were stale, so that a change to a pack cannot be forgotten there.
#[test]
fn bundled_packs_in_www_are_up_to_date() {
    let out = root().join("www/packs");
    let mut stale = Vec::new();
    let mut index = Vec::new();
    for (_, pack) in bundled() {
        let name = bundle::file_name(&pack);
        let text = bundle::to_json(&pack);
        let path = out.join(&name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::create_dir_all(&out).unwrap();
            std::fs::write(&path, &text).unwrap();
            stale.push(name.clone());
        }
        index.push(name);
    }
    let index = serde_json::to_string_pretty(&index).unwrap() + "\n";
    let index_path = out.join("index.json");
    if std::fs::read_to_string(&index_path).ok().as_deref() != Some(index.as_str()) {
        std::fs::write(&index_path, &index).unwrap();
        stale.push("index.json".to_owned());
    }
    assert!(
        stale.is_empty(),
        "www/packs was stale and has been rewritten: {stale:?}; run the tests again"
    );
}

/// Each broken fixture and the error it must give (documented in workshops/README.md).
#[test]
fn broken_packs_give_their_documented_error() {
    type Case = (
        &'static str,
        &'static str,
        Option<usize>,
        &'static str,
        fn(&ProblemKind) -> bool,
    );
    let cases: [Case; 9] = [
        ("broken-missing-field", "pack.toml", Some(1), "titre", |k| {
            *k == ProblemKind::MissingField
        }),
        ("broken-wrong-type", "pack.toml", Some(6), "duree", |k| {
            *k == ProblemKind::WrongType { expected: "number" }
        }),
        (
            "broken-unknown-licence",
            "pack.toml",
            Some(15),
            "licence",
            |k| matches!(k, ProblemKind::UnknownLicence { value } if value == "WTFPL"),
        ),
        (
            "broken-unknown-activity",
            "pack.toml",
            Some(20),
            "activites[1].type",
            |k| matches!(k, ProblemKind::UnknownActivity { value } if value == "quiz"),
        ),
        ("broken-front-matter", "fiches/06-notes.md", Some(1), "", |k| {
            *k == ProblemKind::FrontMatterUnclosed
        }),
        ("broken-steps", "fiches/02-methode.md", None, "duree", |k| {
            *k == ProblemKind::StepsDuration {
                total: 50,
                declared: 60,
            }
        }),
        ("broken-syntax", "pack.toml", Some(3), "", |k| {
            matches!(k, ProblemKind::Syntax { .. })
        }),
        (
            "broken-undeclared-activity",
            "fiches/03-outil.md",
            Some(8),
            "",
            |k| {
                *k == ProblemKind::UndeclaredActivity {
                    mention: "page Duplo".into(),
                    activity: ActivityKind::Duplo,
                }
            },
        ),
        (
            "broken-periode",
            "pack.toml",
            Some(31),
            "activites[1].graphiques[1].periode",
            |k| *k == ProblemKind::BadPeriod(PeriodError::Implausible { year: 0 }),
        ),
    ];
    for (name, file, line, field, expected) in cases {
        let dir = root().join("core/fixtures/packs").join(name);
        let (_, problems) = load(&read_pack(&dir));
        assert_eq!(problems.len(), 1, "{name}: {problems:#?}");
        let p = &problems[0];
        assert_eq!(
            (p.file.as_str(), p.line, p.field.as_str()),
            (file, line, field),
            "{name}: {p:?}"
        );
        assert!(expected(&p.kind), "{name}: {p:?}");
        assert!(
            !p.kind.message(Lang::En).starts_with("pack-"),
            "{name}: untranslated"
        );
    }
}

/// Symbols every font used to print has: the graphics of the DOS code page 437 and the
/// geometric shapes of Windows Glyph List 4, which Arial, Times, Courier New, DejaVu,
/// Liberation and Noto all cover. Emoji and newer symbols (✓, ⚠) are drawn differently, in colour or not at all,
/// from one device to another.
const WGL4_SYMBOLS: &str =
    "☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼⌂░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀≡±≥≤÷≈°∙√ⁿ²■□▪▫◊●◦×€¯";

#[test]
fn easy_read_sheets_follow_the_easy_to_read_rules() {
    // Inclusion Europe's European standards (2009): short sentences, one idea each,
    // no italics; pictures next to the words, here symbols every font can print.
    let typographic = "’«»…–—“”‘\u{a0}\u{202f}";
    for (dir, pack) in bundled() {
        let easy: Vec<_> = pack
            .sheets
            .iter()
            .filter(|s| s.kind == SheetKind::FacileALire)
            .collect();
        assert!(
            easy.len() >= 2,
            "{}: an easy-read handout and a picture glossary",
            dir.display()
        );
        for sheet in easy {
            for c in sheet.body.chars() {
                let latin = c.is_ascii() || (c.is_alphabetic() && (c as u32) < 0x250);
                assert!(
                    latin || typographic.contains(c) || WGL4_SYMBOLS.contains(c),
                    "{}: « {c} » (U+{:04X}) may not print everywhere",
                    sheet.file,
                    c as u32
                );
            }
            // The text for the participants: up to the facilitator's note after a rule.
            let text = sheet.body.split("\n---\n").next().unwrap_or("");
            for line in text.lines() {
                let line = line.trim();
                let italic = line.replace("**", "");
                assert!(
                    !italic.contains('*'),
                    "{}: no italics in easy-read text: {line}",
                    sheet.file
                );
                if line.starts_with('|') || line.starts_with('#') {
                    continue;
                }
                for sentence in line.split(['.', '?', '!', ':']) {
                    let words = sentence
                        .split_whitespace()
                        .filter(|w| w.chars().any(char::is_alphanumeric))
                        .count();
                    assert!(
                        words <= 15,
                        "{}: a sentence of {words} words: {sentence}",
                        sheet.file
                    );
                }
            }
        }
    }
}

#[test]
fn the_minimal_fixture_is_valid() {
    let (pack, problems) = load(&read_pack(&root().join("core/fixtures/packs/valid-minimal")));
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(pack.map(|p| p.slug), Some("atelier-test".to_owned()));
}

#[test]
fn a_duplicate_slug_across_packs_is_reported() {
    let dir = root().join("core/fixtures/packs/broken-duplicate-slug");
    let mut packs = Vec::new();
    for name in ["a", "b"] {
        let (pack, problems) = load(&read_pack(&dir.join(name)));
        assert!(problems.is_empty(), "{problems:?}");
        packs.push((name.to_owned(), pack.unwrap()));
    }
    let named: Vec<(String, &Pack)> = packs.iter().map(|(n, p)| (n.clone(), p)).collect();
    let problems = check_library(&named);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].file, "b/pack.toml");
    assert_eq!(
        problems[0].kind,
        ProblemKind::DuplicateSlug {
            slug: "meme-atelier".into(),
            other: "a".into()
        }
    );
}

#[test]
fn all_problems_are_reported_not_just_the_first() {
    let mut files = PackFiles {
        dir_name: "x".into(),
        ..Default::default()
    };
    files.files.insert(
        "pack.toml".into(),
        b"titre = 3\nniveau = \"expert\"\nlicence = \"MIT\"\ncouleur = \"bleu\"\n".to_vec(),
    );
    let (_, problems) = load(&files);
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    for field in [
        "titre",
        "niveau",
        "licence",
        "couleur",
        "resume",
        "public",
        "activites",
        "type",
    ] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    assert!(problems.len() >= 12, "{problems:#?}");
}

#[test]
fn bundle_round_trip_and_refusals() {
    for (_, pack) in bundled() {
        let text = bundle::to_json(&pack);
        assert_eq!(bundle::from_json("x.briques", &text), Ok(pack));
    }
    let kind = |text: &str| bundle::from_json("x.briques", text).unwrap_err()[0].kind.clone();
    assert!(matches!(
        kind("pas du json"),
        ProblemKind::BundleJson { line: 1, .. }
    ));
    assert_eq!(kind("{\"format\": \"autre\"}"), ProblemKind::NotABundle);
    assert_eq!(
        kind("{\"format\": \"briques-pack\", \"version\": 9, \"pack\": {}}"),
        ProblemKind::NewerBundle { version: 9 }
    );
    assert!(matches!(
        kind("{\"format\": \"briques-pack\", \"version\": 1, \"pack\": {\"slug\": 3}}"),
        ProblemKind::BundleJson { .. }
    ));
}

#[test]
fn import_never_overwrites_silently() {
    let packs: Vec<Pack> = bundled().into_iter().map(|(_, p)| p).collect();
    let mut library = vec![packs[0].clone()];
    let ImportPlan::Conflict(conflict) = bundle::prepare_import(&library, packs[0].clone()) else {
        panic!("same slug must be a conflict");
    };
    assert!(conflict.identical);
    let mut edited = packs[0].clone();
    edited.title = "Ma version".into();
    let plan = bundle::prepare_import(&library, edited.clone());
    let ImportPlan::Conflict(conflict) = plan.clone() else {
        panic!()
    };
    assert!(!conflict.identical);
    assert_eq!(
        bundle::apply_import(&mut library, plan.clone(), Resolution::Cancel),
        None
    );
    assert_eq!(library[0], packs[0]);
    let slug = bundle::apply_import(&mut library, plan.clone(), Resolution::KeepBoth).unwrap();
    assert_eq!(slug, format!("{}-2", packs[0].slug));
    assert_eq!(library.len(), 2);
    assert_eq!(library[0], packs[0]);
    bundle::apply_import(&mut library, plan, Resolution::Replace);
    assert_eq!(library[0].title, "Ma version");
    assert!(matches!(
        bundle::prepare_import(&library, packs[1].clone()),
        ImportPlan::New(_)
    ));
}

#[test]
fn jsonld_has_the_learning_resource_fields() {
    assert_eq!(jsonld::iso_duration(90), "PT1H30M");
    assert_eq!(jsonld::iso_duration(45), "PT45M");
    assert_eq!(jsonld::iso_duration(120), "PT2H");
    let (_, pack) = bundled().into_iter().next().unwrap();
    let doc = jsonld::to_jsonld(&pack);
    assert_eq!(doc["@context"], "https://schema.org");
    assert_eq!(doc["@type"], "LearningResource");
    assert_eq!(doc["timeRequired"], "PT1H30M");
    assert_eq!(doc["inLanguage"], "fr");
    assert_eq!(
        doc["license"],
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
    );
    assert_eq!(doc["educationalLevel"], "Débutant");
    assert_eq!(doc["audience"][0]["@type"], "EducationalAudience");
    assert!(doc["learningResourceType"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
    assert_eq!(doc["name"], pack.title.as_str());
}

/// [`Activity::launch_target`] as one address (`/budget?commune=demo&annee=2023…`).
fn launch_path(activity: &Activity, slug: &str) -> String {
    let (path, query) = activity.launch_target(slug);
    let query: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

#[test]
fn launch_paths_carry_the_settings() {
    let budget = Activity::Budget {
        commune: "demo".into(),
        year: Some(2023),
        view: crate::budget::explore::Side::Depenses,
        per_inhabitant: true,
    };
    assert_eq!(
        launch_path(&budget, "x"),
        "/budget?commune=demo&annee=2023&onglet=explorer&vue=depenses&hab=1"
    );
    let maire = Activity::Maire {
        commune: "75056\"&x".into(),
        year: None,
        constraints: vec![],
    };
    assert_eq!(launch_path(&maire, "x"), "/budget?commune=75056x&onglet=maire");
}

#[test]
fn filters_by_audience_and_duration() {
    let packs: Vec<Pack> = bundled().into_iter().map(|(_, p)| p).collect();
    assert_eq!(filter(&packs, None, None).len(), 5);
    assert_eq!(filter(&packs, None, Some(30)).len(), 0);
    assert_eq!(filter(&packs, None, Some(45)).len(), 5);
    let elected = filter(&packs, Some("elus"), None);
    assert!(elected.len() < 4);
    assert!(elected.iter().all(|p| p.audience.iter().any(|a| a == "elus")));
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Zéèàç0-9 ,.'!?«»\\-]{0,40}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any edit of a pack's metadata and sheets survives export then import.
    #[test]
    fn export_import_is_lossless(
        title in text(), summary in text(), body in "[a-zA-Z0-9 #*_\\-\\[\\]()\n|`>]{0,200}",
        minutes in 5u32..600, materials in prop::collection::vec(text(), 0..5),
    ) {
        let (_, mut pack) = bundled().into_iter().next().unwrap();
        pack.title = title;
        pack.summary = summary;
        pack.duration = minutes;
        pack.materials = materials;
        if let Some(sheet) = pack.sheets.iter_mut().find(|s| s.kind == SheetKind::Exemple) {
            sheet.body = body;
        }
        let back: Pack = serde_json::from_str::<serde_json::Value>(&bundle::to_json(&pack))
            .ok()
            .and_then(|v| serde_json::from_value(v["pack"].clone()).ok())
            .unwrap();
        prop_assert_eq!(back, pack);
    }

    /// Whatever a sheet holds, reading it never panics.
    #[test]
    fn markdown_and_sheets_never_panic(input in "\\PC{0,300}") {
        let _ = markdown::to_html(&markdown::parse(&input));
        let _ = sheet::parse_sheet("x.md", &format!("---\ntype: methode\ntitre: t\n---\n{input}"));
        let _ = sheet::parse_sheet("x.md", &input);
    }
}

#[test]
fn activity_files_are_checked_and_explained_in_each_language() {
    let mut files = read_pack(&root().join("core/fixtures/packs/valid-minimal"));
    let manifest = String::from_utf8(files.files["pack.toml"].clone()).unwrap()
        + "\n[[activites]]\ntype = \"duplo\"\nquestionnaire = \"q.json\"\n\n[[activites]]\ntype = \"donnees\"\njeu = \"absent.csv\"\ntitre = \"t\"\nsource = \"s\"\n";
    files.files.insert("pack.toml".into(), manifest.into_bytes());
    files.files.insert(
        "q.json".into(),
        br#"{"format": "briques-duplo", "version": 1, "survey": {"title": "t", "questions": []}, "responses": []}"#
            .to_vec(),
    );
    let (_, problems) = load(&files);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_eq!(problems[0].file, "q.json");
    assert!(matches!(problems[0].kind, ProblemKind::SurveyFile(_)));
    let fr = problems[0].message(Lang::Fr);
    let en = problems[0].message(Lang::En);
    assert!(fr.starts_with("q.json: questionnaire Duplo invalide"), "{fr}");
    assert!(en.starts_with("q.json: invalid Duplo survey"), "{en}");
    assert_ne!(fr, en);
    assert_eq!(
        (problems[1].line, problems[1].field.as_str()),
        (Some(30), "activites[3].jeu")
    );
    assert_eq!(
        problems[1].kind,
        ProblemKind::MissingFile {
            path: "absent.csv".into()
        }
    );
}

#[test]
fn chart_presets_become_explorer_charts_with_their_trick() {
    use crate::chart::{ChartKind, Distortion};
    use crate::dataset::transform::FilterOp;
    let preset = |kind: &str, trick: Option<&str>, range: Option<&str>, y_min: Option<i64>| ChartPreset {
        title: "Entrées".into(),
        kind: ChartKind::from_pack_code(kind).unwrap(),
        x: "annee".into(),
        y: vec!["entrees".into()],
        trick: trick.map(|t| Distortion::from_pack_code(t).unwrap()),
        y_min,
        range: range.map(|r| Period::parse(r).unwrap()),
        note: String::new(),
    };
    let honest = preset("lignes", None, None, None).to_spec("Briques");
    assert_eq!(honest.kind, ChartKind::Line);
    assert_eq!(honest.y.as_deref(), Some("entrees"));
    assert!(honest.distortion.is_none() && honest.filters.is_empty() && honest.axis.y_from_zero);
    let truncated = preset("barres", Some("axe-tronque"), Some("2012-2019"), Some(14000)).to_spec("");
    assert_eq!(truncated.distortion, Some(Distortion::TruncatedAxis));
    assert_eq!(truncated.axis.y_min, Some(14000.0));
    let ops: Vec<(FilterOp, &str)> = truncated
        .filters
        .iter()
        .map(|f| (f.op, f.value.as_str()))
        .collect();
    assert_eq!(ops, [(FilterOp::Ge, "2012"), (FilterOp::Le, "2019")]);
    let uneven = preset(
        "barres",
        Some("intervalles-irreguliers"),
        Some("2012,2016,2020"),
        None,
    )
    .to_spec("");
    let dropped: Vec<&str> = uneven
        .filters
        .iter()
        .filter(|f| f.op == FilterOp::Ne)
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(dropped, ["2013", "2014", "2015", "2017", "2018", "2019"]);
}

#[test]
fn periods_are_years_in_order_and_bounded() {
    let ok = |text: &str| Period::parse(text).map(|p| (p.bounds(), p.code()));
    assert_eq!(ok("2012-2019"), Ok(((2012, 2019), "2012-2019".to_owned())));
    assert_eq!(
        ok(" 2012 , 2016,2020 "),
        Ok(((2012, 2020), "2012,2016,2020".to_owned()))
    );
    assert_eq!(ok("1900-2199"), Ok(((1900, 2199), "1900-2199".to_owned())));
    assert_eq!(ok("0-2000000000"), Err(PeriodError::Implausible { year: 0 }));
    assert_eq!(
        ok("2012-2000000000"),
        Err(PeriodError::Implausible { year: 2_000_000_000 })
    );
    assert_eq!(
        ok("2012-99999999999999999999999"),
        Err(PeriodError::Implausible { year: i64::MAX })
    );
    assert_eq!(ok("1000,2200"), Err(PeriodError::TooLong { years: 1201 }));
    assert_eq!(ok("1800-2200"), Err(PeriodError::TooLong { years: 401 }));
    assert_eq!(ok("2019-2012"), Err(PeriodError::NotIncreasing));
    assert_eq!(ok("2012,2012"), Err(PeriodError::NotIncreasing));
    for bad in [
        "",
        "2012",
        "2012-",
        "-2012",
        "douze-treize",
        "2012;2013",
        "2012,,2013",
        "2012-13-14",
    ] {
        assert!(ok(bad).is_err(), "{bad}");
    }
    let fr = PeriodError::Implausible { year: 0 }.message(Lang::Fr);
    assert!(
        fr.contains("1000") && fr.contains("2200") && !fr.contains("1 000"),
        "{fr}"
    );
    assert_ne!(fr, PeriodError::Implausible { year: 0 }.message(Lang::En));
}

#[test]
fn a_bundle_with_a_wrong_period_or_kind_is_refused_with_the_field() {
    let (pack, problems) = load(&read_pack(&root().join("workshops/lire-un-graphique")));
    assert!(problems.is_empty(), "{problems:?}");
    let good = bundle::to_json(&pack.unwrap());
    for (from, to, field, words) in [
        (
            "\"range\": \"2012-2019\"",
            "\"range\": \"0-2000000000\"",
            "periode",
            "année 0 improbable",
        ),
        ("\"kind\": \"barres\"", "\"kind\": \"aires\"", "type", "« aires »"),
        (
            "\"trick\": \"axe-tronque\"",
            "\"trick\": \"tricherie\"",
            "trompeur",
            "« tricherie »",
        ),
    ] {
        assert!(good.contains(from), "{from}");
        let bad = good.replacen(from, to, 1);
        let problems = bundle::from_json("x.briques", &bad).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        let message = problems[0].message(Lang::Fr);
        assert!(
            message.starts_with("x.briques (pack.toml): activites[1].graphiques["),
            "{message}"
        );
        assert!(
            problems[0].field.ends_with(field) && message.contains(words),
            "{message}"
        );
    }
}

proptest! {
    /// Whatever a period says, the chart it makes has a bounded number of filters.
    #[test]
    fn a_preset_never_makes_more_than_a_bounded_number_of_filters(text in "[0-9,\\-]{0,40}") {
        if let Ok(period) = Period::parse(&text) {
            let preset = ChartPreset {
                title: String::new(),
                kind: crate::chart::ChartKind::Bar,
                x: "annee".into(),
                y: vec![],
                trick: None,
                y_min: None,
                range: Some(period),
                note: String::new(),
            };
            prop_assert!(preset.to_spec("").filters.len() <= preset::PERIOD_MAX_SPAN as usize + 2);
        }
    }
}

#[test]
fn activity_tags_in_bundles_are_the_activity_codes() {
    for (dir, pack) in bundled() {
        let json = serde_json::to_value(&pack).unwrap();
        for (activity, value) in pack.activities.iter().zip(json["activities"].as_array().unwrap()) {
            let tag = value.as_object().unwrap().keys().next().unwrap().clone();
            assert_eq!(tag, activity.kind().code(), "{}", dir.display());
        }
    }
    // Bundles written before the tag was the code still read.
    let old = r#"{"maire": {"commune": "demo", "year": null, "constraints": []}}"#;
    let activity: Activity = serde_json::from_str(old).unwrap();
    assert_eq!(activity.kind(), ActivityKind::Maire);
}

#[test]
fn debate_statements_are_read_with_their_lines_and_checked() {
    let mut files = read_pack(&root().join("core/fixtures/packs/valid-minimal"));
    let base = String::from_utf8(files.files["pack.toml"].clone()).unwrap();
    let first = base.lines().count() + 1;
    let long = "x".repeat(301);
    let manifest = format!(
        "{base}\n[[activites]]\ntype = \"debat-mouvant\"\n\n[[activites.affirmations]]\ntexte = \"Je n'ai rien à cacher.\"\npour = [\"Rien d'illégal\"]\ncontre = [\"Demain\", \"Les autres\"]\nrepere = \"RGPD, art. 4\"\n\n[[activites.affirmations]]\ntexte = \"{long}\"\nsource = \"?\"\n"
    );
    files.files.insert("pack.toml".into(), manifest.into_bytes());
    let (pack, problems) = load(&files);
    let fields: Vec<(Option<usize>, &str)> = problems.iter().map(|p| (p.line, p.field.as_str())).collect();
    let n = pack.as_ref().unwrap().activities.len();
    // The base's activities, then ours: line of `source` and of the long `texte`,
    // counted from the end of the base (a blank line, then the lines written above).
    let path = |f: &str| format!("activites[{n}].affirmations[2].{f}");
    assert_eq!(
        fields,
        vec![
            (Some(first + 12), path("source").as_str()),
            (Some(first + 11), path("texte").as_str()),
        ],
        "{problems:#?}"
    );
    assert_eq!(problems[1].kind, ProblemKind::TooLong { max: 300 });
    assert!(problems[1].message(Lang::Fr).contains("300 caractères au plus"));
    let Some(Activity::Debat { statements }) = pack.unwrap().activities.pop() else {
        panic!("a debate")
    };
    assert_eq!(
        statements[0],
        Statement {
            text: "Je n'ai rien à cacher.".into(),
            agree: vec!["Rien d'illégal".into()],
            disagree: vec!["Demain".into(), "Les autres".into()],
            landmark: "RGPD, art. 4".into(),
        }
    );
}
