//! Budget importers and indicators: project fixtures (the fictional Briqueville, the
//! same compte administratif in every format), the real files of `../shared/data/real`
//! when present, bad input, and properties of the indicators.

use std::path::PathBuf;

use proptest::prelude::*;

use super::*;
use crate::i18n::Lang;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/budget/", $name)).as_slice()
    };
}

fn one(bytes: &[u8]) -> Budget {
    let imported =
        import(bytes, None, &DgfipOptions::default()).unwrap_or_else(|e| panic!("{}", e.message(Lang::Fr)));
    assert_eq!(
        imported.budgets.len(),
        1,
        "{:?}",
        imported
            .budgets
            .iter()
            .map(|b| &b.collectivite.nom)
            .collect::<Vec<_>>()
    );
    imported.budgets.into_iter().next().unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.005
}

/// Hand-checked totals of Briqueville's 2023 compte administratif.
const EXPECTED: Totals = Totals {
    fonctionnement: Flow {
        depenses: 284_000.50,
        recettes: 428_500.25,
    },
    investissement: Flow {
        depenses: 78_000.00,
        recettes: 41_000.00,
    },
};

fn assert_totals(budget: &Budget, what: &str) {
    let t = budget.totals();
    for (got, want, part) in [
        (
            t.fonctionnement.depenses,
            EXPECTED.fonctionnement.depenses,
            "F dépenses",
        ),
        (
            t.fonctionnement.recettes,
            EXPECTED.fonctionnement.recettes,
            "F recettes",
        ),
        (
            t.investissement.depenses,
            EXPECTED.investissement.depenses,
            "I dépenses",
        ),
        (
            t.investissement.recettes,
            EXPECTED.investissement.recettes,
            "I recettes",
        ),
    ] {
        assert!(close(got, want), "{what}: {part} = {got}, expected {want}");
    }
}

#[test]
fn every_format_of_the_same_budget_gives_the_same_totals() {
    let files: [(&str, &[u8], Format); 6] = [
        ("TOTEM", fixture!("briqueville-ca-2023.xml"), Format::Totem),
        ("CFU", fixture!("briqueville-cfu-2023.xml"), Format::Totem),
        ("SCDL", fixture!("briqueville-ca-2023-scdl.csv"), Format::Scdl),
        (
            "DGFiP API",
            fixture!("briqueville-2023-dgfip-api.csv"),
            Format::Dgfip,
        ),
        (
            "DGFiP brut",
            fixture!("briqueville-2023-dgfip-brut.csv"),
            Format::Dgfip,
        ),
        ("OFGL", fixture!("briqueville-2023-ofgl.csv"), Format::Ofgl),
    ];
    for (what, bytes, format) in files {
        let text = match crate::csv::decode(bytes) {
            crate::csv::TextFile::Text { text, .. } => text,
            other => panic!("{what}: {other:?}"),
        };
        assert_eq!(detect(&text), Some(format), "{what}");
        let budget = one(bytes);
        assert_eq!(budget.exercice, 2023, "{what}");
        assert_totals(&budget, what);
        let i = budget.indicators();
        assert!(
            close(i.epargne_brute, 144_499.75),
            "{what}: épargne brute {}",
            i.epargne_brute
        );
        assert!(
            close(i.epargne_nette.unwrap(), 124_499.75),
            "{what}: épargne nette {:?}",
            i.epargne_nette
        );
        assert!(
            close(i.epargne_gestion.unwrap(), 148_499.75),
            "{what}: épargne de gestion {:?}",
            i.epargne_gestion
        );
        assert!(
            close(i.depenses_equipement.unwrap(), 55_000.0),
            "{what}: équipement {:?}",
            i.depenses_equipement
        );
    }
}

#[test]
fn spending_and_revenue_by_citizen_category() {
    let budget = one(fixture!("briqueville-ca-2023.xml"));
    let categories: BTreeMap<_, _> = budget.by_category().into_iter().collect();
    use nomenclature::Category::*;
    assert!(close(categories[&Personnel].depenses, 250_000.0));
    assert!(close(categories[&ImpotsLocaux].recettes, 300_000.0));
    assert!(close(categories[&DotationsEtat].recettes, 120_000.0));
    assert!(close(categories[&InteretsDette].depenses, 4_000.0));
    assert!(close(categories[&RemboursementDette].depenses, 20_000.0));
    assert!(close(categories[&Emprunts].recettes, 25_000.0));
    // Every real operation of the year lands in exactly one category.
    let spent: f64 = categories.values().map(|f| f.depenses).sum();
    let t = budget.totals();
    assert!(close(
        spent,
        t.fonctionnement.depenses + t.investissement.depenses
    ));
    assert_eq!(
        budget.by_category().first().map(|(c, _)| *c),
        Some(ImpotsLocaux),
        "largest first"
    );
}

#[test]
fn totem_reads_identity_and_the_cfu_skips_enrichment_totals() {
    let ca = import(
        fixture!("briqueville-ca-2023.xml"),
        None,
        &DgfipOptions::default(),
    )
    .unwrap();
    let budget = &ca.budgets[0];
    assert_eq!(budget.collectivite.nom, "BRIQUEVILLE");
    assert_eq!(budget.collectivite.siren.as_deref(), Some("219999999"));
    assert_eq!(budget.document, DocumentKind::CompteAdministratif);
    assert_eq!(budget.nomenclature, "M14-M14_COM_500_3500");
    assert_eq!(budget.budget_kind, BudgetKind::Principal);
    assert!(ca.warnings.is_empty(), "{:?}", ca.warnings);
    let cfu = import(
        fixture!("briqueville-cfu-2023.xml"),
        None,
        &DgfipOptions::default(),
    )
    .unwrap();
    assert_eq!(cfu.budgets[0].document, DocumentKind::CompteFinancierUnique);
    assert_eq!(
        cfu.warnings.len(),
        1,
        "the chapter-012 total is reported: {:?}",
        cfu.warnings
    );
}

#[test]
fn dgfip_rebuilds_insee_keeps_main_budgets_and_reads_debt() {
    let api = import(
        fixture!("briqueville-2023-dgfip-api.csv"),
        None,
        &DgfipOptions::default(),
    )
    .unwrap();
    assert_eq!(api.budgets.len(), 1, "the annex budget is left out by default");
    assert!(api.warnings[0].message(Lang::Fr).contains("budgets annexes"));
    let budget = &api.budgets[0];
    assert_eq!(budget.collectivite.insee.as_deref(), Some("99042"));
    assert_eq!(budget.indicators().encours_dette, Some(180_000.0));
    assert!(close(
        budget.indicators().capacite_desendettement.unwrap(),
        180_000.0 / 144_499.75
    ));
    let all = import(
        fixture!("briqueville-2023-dgfip-api.csv"),
        None,
        &DgfipOptions {
            include_annexes: true,
        },
    )
    .unwrap();
    assert_eq!(all.budgets.len(), 2);
    assert_eq!(
        all.budgets
            .iter()
            .filter(|b| b.budget_kind == BudgetKind::Annexe)
            .count(),
        1
    );
    assert_eq!(tabular::insee_code("093", "048").as_deref(), Some("93048"));
    assert_eq!(tabular::insee_code("02A", "004").as_deref(), Some("2A004"));
    assert_eq!(tabular::insee_code("971", "101").as_deref(), Some("97101"));
    assert_eq!(tabular::insee_code("001", "1").as_deref(), Some("01001"));
}

#[test]
fn ofgl_with_label_headers_is_read_by_meaning() {
    let labels = "\u{feff}Exercice;Code Insee 2024 Commune;Nom 2024 Commune;Code Siren Collectivité;Libellé Budget;Agrégat;Montant BP;Montant;Montant en millions;Population totale\n\
        2023;99042;Briqueville;219999999;BRIQUEVILLE;Recettes de fonctionnement;1;428500.25;0.43;3012\n\
        2023;99042;Briqueville;219999999;BRIQUEVILLE;Dépenses de fonctionnement;1;284000.5;0.28;3012\n";
    let budget = one(labels.as_bytes());
    assert_eq!(budget.collectivite.nom, "Briqueville");
    assert_eq!(budget.collectivite.insee.as_deref(), Some("99042"));
    assert_eq!(budget.collectivite.population, Some(3012));
    assert!(
        close(budget.totals().fonctionnement.recettes, 428_500.25),
        "« Montant », not « Montant BP »"
    );
    assert!(close(budget.per_inhabitant(3012.0).unwrap(), 1.0));
}

pub(crate) fn real(name: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/real")
        .join(name);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(_) => {
            eprintln!("skipped: {} is not there (real-data check)", path.display());
            None
        }
    }
}

#[test]
fn real_montreuil_2016_totals_match_the_published_figures() {
    let Some(bytes) = real("montreuil_CA_2016_totem.xml") else {
        return;
    };
    let budget = one(&bytes);
    assert_eq!(budget.collectivite.nom, "VILLE DE MONTREUIL");
    assert_eq!(
        (budget.exercice, budget.document),
        (2016, DocumentKind::CompteAdministratif)
    );
    assert_eq!(budget.lines.len(), 1461);
    let t = budget.totals();
    assert!(
        close(t.fonctionnement.depenses, 190_073_301.88),
        "{}",
        t.fonctionnement.depenses
    );
    assert!(
        close(t.fonctionnement.recettes, 208_091_177.90),
        "{}",
        t.fonctionnement.recettes
    );
    assert!(
        close(t.investissement.depenses, 46_510_122.64),
        "{}",
        t.investissement.depenses
    );
    assert!(
        close(t.investissement.recettes, 33_626_844.23),
        "{}",
        t.investissement.recettes
    );
}

#[test]
fn real_ofgl_cazeres_keeps_the_identities() {
    let Some(bytes) = real("ofgl-base-communes-consolidee_cazeres_2022-2023.csv") else {
        return;
    };
    let imported = import(&bytes, None, &DgfipOptions::default()).unwrap();
    assert_eq!(imported.budgets.len(), 2);
    for budget in &imported.budgets {
        assert_eq!(budget.collectivite.insee.as_deref(), Some("31135"));
        assert_eq!(budget.collectivite.siren.as_deref(), Some("213101355"));
        assert_eq!(budget.aggregates.len(), 50);
        let i = budget.indicators();
        assert!(close(
            i.recettes_reelles_fonctionnement - i.depenses_reelles_fonctionnement,
            i.epargne_brute
        ));
        assert!(close(
            i.epargne_brute - i.remboursement_emprunts.unwrap(),
            i.epargne_nette.unwrap()
        ));
        assert!(budget.per_inhabitant(i.epargne_brute).is_some());
    }
}

#[test]
fn bad_files_are_explained() {
    let options = DgfipOptions::default();
    let message = |bytes: &[u8]| import(bytes, None, &options).unwrap_err().message(Lang::Fr);

    let wrong_separator =
        String::from_utf8_lossy(fixture!("briqueville-2023-dgfip-api.csv")).replace(';', ":");
    assert_eq!(
        message(wrong_separator.as_bytes()),
        "colonne obligatoire absente : EXER (vérifiez le séparateur : ; ou ,)"
    );

    let scdl = String::from_utf8_lossy(fixture!("briqueville-ca-2023-scdl.csv")).into_owned();
    let mangled = scdl.replacen("250000,00", "2,5E+05", 1);
    assert!(
        message(mangled.as_bytes()).starts_with("ligne 3, champ BGT_MTREAL : montant illisible"),
        "{}",
        message(mangled.as_bytes())
    );
    let siret = scdl.replace("21999999900017", "2,19999E+13");
    let warned = import(siret.as_bytes(), None, &options).unwrap();
    assert!(warned.warnings[0]
        .message(Lang::Fr)
        .contains("n'a pas 14 chiffres"));
    // A required field the file can do without (the name, given the SIRET) is a warning
    // with its line; one it cannot (the nature account) refuses the file at its line.
    let no_name = scdl.replacen(";BRIQUEVILLE;011;", ";;011;", 1);
    let read = import(no_name.as_bytes(), None, &options).unwrap();
    assert!(
        read.warnings.iter().any(|w| w
            .message(Lang::Fr)
            .starts_with("BGT_NOM est vide sur 1 ligne (ligne 2)")),
        "{:?}",
        read.warnings
    );
    let missing = scdl.replacen(";60611;", ";;", 1);
    assert_eq!(
        message(missing.as_bytes()),
        "ligne 2, champ BGT_NATURE : valeur obligatoire absente"
    );
    let no_column = scdl.replacen("BGT_CODRD", "BGT_SENS", 1);
    assert!(message(no_column.as_bytes()).contains("BGT_CODRD"));

    let xml = String::from_utf8_lossy(fixture!("briqueville-ca-2023.xml")).into_owned();
    let truncated = &xml[..xml.len() / 2];
    assert!(
        message(truncated.as_bytes()).starts_with("XML illisible"),
        "{}",
        message(truncated.as_bytes())
    );
    let empty_doc = "<?xml version=\"1.0\"?><DocumentBudgetaire><Budget><BlocBudget><Exer V=\"2023\"/></BlocBudget></Budget></DocumentBudgetaire>";
    assert_eq!(
        message(empty_doc.as_bytes()),
        "le fichier ne contient aucune ligne budgétaire"
    );

    assert!(message(b"\x00\x01\x02binaire").contains("binaire"));
    assert!(message(b"PK\x03\x04xlsx").contains("enregistrez-le au format CSV"));
    assert!(
        message(b"nom;age\nAlice;3\n").contains("OFGL"),
        "unknown formats list the supported ones"
    );
    assert_eq!(message(b"  \n"), "le fichier est vide");
}

#[test]
fn amounts_accept_both_decimal_marks_but_not_scientific_notation() {
    assert_eq!(parse_amount("1234.56"), Some(1234.56));
    assert_eq!(parse_amount("1234,56"), Some(1234.56));
    assert_eq!(parse_amount("1 234,56"), Some(1234.56));
    assert_eq!(parse_amount("-12"), Some(-12.0));
    assert_eq!(parse_amount("2,00054E+13"), None);
    assert_eq!(parse_amount(""), None);
}

#[test]
fn every_indicator_is_found_by_its_name() {
    let i = Indicators {
        recettes_reelles_fonctionnement: 1.0,
        depenses_reelles_fonctionnement: 2.0,
        epargne_gestion: Some(3.0),
        epargne_brute: 4.0,
        remboursement_emprunts: Some(5.0),
        epargne_nette: Some(6.0),
        depenses_equipement: Some(7.0),
        encours_dette: Some(8.0),
        capacite_desendettement: Some(9.0),
    };
    let values: Vec<Option<f64>> = INDICATORS.iter().map(|(name, ..)| i.get(name)).collect();
    assert_eq!(values, (1..=9).map(|v| Some(f64::from(v))).collect::<Vec<_>>());
    assert_eq!(i.get("inconnu"), None);
    assert_eq!(Indicators::default().get("encours_dette"), None);
}

fn arbitrary_line() -> impl Strategy<Value = Line> {
    let compte = prop::sample::select(vec![
        "60611", "64111", "66111", "6811", "7311", "7411", "2183", "2313", "1641", "16449", "10222", "204",
        "001", "002", "4541", "4542", "023", "515",
    ]);
    (compte, any::<bool>(), any::<bool>(), 0u32..1_000_000).prop_map(|(compte, depense, reel, cents)| Line {
        compte: compte.to_owned(),
        chapitre: None,
        fonction: None,
        direction: if depense {
            Direction::Depense
        } else {
            Direction::Recette
        },
        reel,
        realise: Some(cents as f64 / 100.0),
        prevu: None,
        credits_ouverts: None,
    })
}

fn budget_of(lines: Vec<Line>) -> Budget {
    Budget {
        collectivite: Collectivite::default(),
        exercice: 2023,
        nomenclature: "M57".into(),
        document: DocumentKind::CompteAdministratif,
        budget_kind: BudgetKind::Principal,
        libelle: None,
        lines,
        aggregates: BTreeMap::new(),
        principal: BTreeMap::new(),
    }
}

proptest! {
    #[test]
    fn the_savings_identities_hold(lines in prop::collection::vec(arbitrary_line(), 0..60)) {
        let i = budget_of(lines).indicators();
        prop_assert!(close(i.recettes_reelles_fonctionnement - i.depenses_reelles_fonctionnement, i.epargne_brute));
        prop_assert!(close(i.epargne_brute - i.remboursement_emprunts.unwrap(), i.epargne_nette.unwrap()));
        prop_assert!(i.epargne_gestion.unwrap() >= i.epargne_brute - 0.005);
    }

    #[test]
    fn ordre_carried_over_and_third_party_lines_never_change_the_totals(
        lines in prop::collection::vec(arbitrary_line(), 0..40),
        extra in prop::collection::vec(arbitrary_line(), 0..20),
    ) {
        let before = budget_of(lines.clone()).totals();
        let noise: Vec<Line> = extra
            .into_iter()
            .map(|mut l| {
                if l.section().is_some() { l.reel = false; }
                l
            })
            .collect();
        let mut all = lines;
        all.extend(noise);
        let after = budget_of(all).totals();
        prop_assert!(close(before.fonctionnement.depenses, after.fonctionnement.depenses));
        prop_assert!(close(before.fonctionnement.recettes, after.fonctionnement.recettes));
        prop_assert!(close(before.investissement.depenses, after.investissement.depenses));
        prop_assert!(close(before.investissement.recettes, after.investissement.recettes));
    }
}

/// Real budget files as they come (`core/fixtures/real-budget/`: a real CFU with its
/// accounting part and anomaly report, TOTEM from other editors, SCDL files with empty
/// required cells, an EPCI's M43 budget): each reads, and its real operations of the year
/// by section equal, to the cent, what was computed outside Briques.
#[test]
fn real_budget_files_give_their_independent_totals() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/real-budget");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let cases = expected["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 7);
    let cents = |v: &serde_json::Value| (v.as_str().unwrap().parse::<f64>().unwrap() * 100.0).round() as i64;
    let ours = |v: f64| (v * 100.0).round() as i64;
    for case in cases {
        let file = case["file"].as_str().unwrap();
        let imported = import(
            &std::fs::read(dir.join(file)).unwrap(),
            None,
            &DgfipOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{file}: {}", e.message(Lang::Fr)));
        assert_eq!(imported.budgets.len(), 1, "{file}");
        let budget = &imported.budgets[0];
        let totals = budget.totals();
        for (section, flow) in [
            ("fonctionnement", totals.fonctionnement),
            ("investissement", totals.investissement),
        ] {
            assert_eq!(
                ours(flow.depenses),
                cents(&case[section]["depenses"]),
                "{file}: {section} dépenses"
            );
            assert_eq!(
                ours(flow.recettes),
                cents(&case[section]["recettes"]),
                "{file}: {section} recettes"
            );
        }
        if let Some(year) = case["exercice"].as_i64() {
            assert_eq!(i64::from(budget.exercice), year, "{file}");
        }
        if let Some(nomenclature) = case["nomenclature"].as_str() {
            assert_eq!(budget.nomenclature, nomenclature, "{file}");
        }
        if let Some(debt) = case.get("encours_dette") {
            assert_eq!(
                budget.aggregate("Encours de dette").map(ours),
                Some(cents(debt)),
                "{file}"
            );
        }
        // Nothing the format does not say: every warning is in the catalogue.
        for warning in &imported.warnings {
            assert!(!warning.message(Lang::En).contains("budget-warning"), "{file}");
        }
    }
    // The CFU is a compte financier unique; its anomaly report's `ano:Budget` is no budget.
    let cfu = import(
        &std::fs::read(dir.join("1-cfu/mohon-56-cfu-2023-m57a-trimmed.xml")).unwrap(),
        None,
        &DgfipOptions::default(),
    )
    .unwrap();
    assert_eq!(cfu.budgets[0].document, DocumentKind::CompteFinancierUnique);
    // The M43 budget of an EPCI is read with its nomenclature, no commune categories.
    let m43 = import(
        &std::fs::read(dir.join("4-hors-commune/saint-malo-agglo-transport-bp-2022-m43.xml")).unwrap(),
        None,
        &DgfipOptions::default(),
    )
    .unwrap();
    assert!(!m43.budgets[0].communal_nomenclature());
    assert!(m43.budgets[0].by_category().is_empty());
    assert_eq!(m43.budgets[0].document, DocumentKind::BudgetPrimitif);
}

#[test]
fn natdec_codes_are_the_schema_s_and_xml_messages_speak_of_xml() {
    assert_eq!(
        DocumentKind::from_code("02"),
        Some(DocumentKind::DecisionModificative)
    );
    assert_eq!(
        DocumentKind::from_code("03"),
        Some(DocumentKind::BudgetSupplementaire)
    );
    let no_year = "<?xml version=\"1.0\"?><DocumentBudgetaire><Budget><LigneBudget><Nature V=\"6061\"/></LigneBudget></Budget></DocumentBudgetaire>";
    let message = import(no_year.as_bytes(), None, &DgfipOptions::default())
        .unwrap_err()
        .message(Lang::Fr);
    assert!(
        message.contains("BlocBudget/Exer") && !message.contains("séparateur"),
        "{message}"
    );
    // Declared ISO-8859-1 whose bytes happen to be UTF-8 (C3 A9) is read as declared.
    let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><DocumentBudgetaire><EnTeteDocBudgetaire><LibelleColl V=\"CR\xc3\xa9\"/></EnTeteDocBudgetaire><Budget><BlocBudget><Exer V=\"2023\"/></BlocBudget><LigneBudget><Nature V=\"6061\"/><CodRD V=\"D\"/><OpBudg V=\"0\"/><MtReal V=\"10\"/></LigneBudget></Budget></DocumentBudgetaire>";
    let read = import(latin1, None, &DgfipOptions::default()).unwrap();
    assert_eq!(read.budgets[0].collectivite.nom, "CR\u{c3}\u{a9}");
}
