use proptest::prelude::*;

use super::*;
use crate::budget::{import, DgfipOptions};

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The demo commune's budget of `year`, with its population from the demo's manifest.
fn demo(year: i32) -> Budget {
    let bytes = std::fs::read(root().join(format!("www/demo/briqueville-ca-{year}.xml")))
        .expect("the demo commune is in www/demo");
    let mut budget = import(&bytes, None, &DgfipOptions::default())
        .expect("the demo commune imports")
        .budgets
        .remove(0);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("www/demo/briqueville.json")).unwrap())
            .unwrap();
    budget.collectivite.population = manifest["budgets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["exercice"] == year)
        .and_then(|b| b["population"].as_u64());
    budget
}

/// A real line of the demo XML: (compte, fonction, D/R, amount).
type XmlLine = (String, String, String, f64);

/// Real lines of the demo XML, read from its text without the importer.
fn xml_lines(year: i32) -> Vec<XmlLine> {
    let text = std::fs::read_to_string(root().join(format!("www/demo/briqueville-ca-{year}.xml"))).unwrap();
    let value = |line: &str, tag: &str| -> String {
        let start = line.find(&format!("<{tag} V=\"")).unwrap() + tag.len() + 5;
        line[start..].split('"').next().unwrap().to_owned()
    };
    text.split("<LigneBudget>")
        .skip(1)
        .filter(|l| value(l, "OpBudg") == "0")
        .map(|l| {
            (
                value(l, "Nature"),
                value(l, "Fonction"),
                value(l, "CodRD"),
                value(l, "MtReal").parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_tokens_are_the_operating_revenue_laid_by_purpose() {
    for year in 2019..=2024 {
        let base = MayorBase::from_budget(&demo(year));
        let lines = xml_lines(year);
        let sum =
            |keep: &dyn Fn(&XmlLine) -> bool| -> f64 { lines.iter().filter(|l| keep(l)).map(|l| l.3).sum() };
        let operating = |l: &XmlLine| l.0.starts_with('6') || l.0.starts_with('7');
        let rrf = sum(&|l| operating(l) && l.2 == "R");
        let drf = sum(&|l| operating(l) && l.2 == "D");
        let interest = sum(&|l| l.0.starts_with("66") && l.2 == "D");
        let school = sum(&|l| operating(l) && l.2 == "D" && l.1.starts_with('2') && !l.0.starts_with("66"));
        assert!((base.jeton - rrf / 100.0).abs() < 0.01, "{year}");
        let euros = |p: Poste| {
            base.postes
                .iter()
                .find(|(q, ..)| *q == p)
                .map_or(0.0, |(_, e, _)| *e)
        };
        let spent: f64 = base
            .postes
            .iter()
            .filter(|(p, ..)| *p != Poste::Autofinancement)
            .map(|(_, e, _)| e)
            .sum();
        assert!((spent - drf).abs() < 0.01, "{year}: {spent} vs {drf}");
        assert!(
            (euros(Poste::Autofinancement) - (rrf - drf)).abs() < 0.01,
            "{year}"
        );
        assert!((euros(Poste::Interets) - interest).abs() < 0.01, "{year}");
        assert!((euros(Poste::Ecole) - school).abs() < 0.01, "{year}");
        assert_eq!(base.postes.iter().map(|(.., t)| t).sum::<u32>(), TOKENS);
        for (poste, e, t) in &base.postes {
            assert!((e / base.jeton - f64::from(*t)).abs() < 1.0, "{year} {poste:?}");
        }
        assert!(
            base.postes.iter().all(|(p, ..)| *p != Poste::NonReparti),
            "every line of the demo has a fonction"
        );
        // The actual budget keeps every rule.
        assert_eq!(base.actual().problems, vec![], "{year}");
    }
}

#[test]
fn each_rule_is_checked() {
    let base = MayorBase::from_budget(&demo(2023));
    let actual = MayorChoices::actual(&base);
    let with = |changes: &[(Poste, i32)], impot: u32, imprevu: Option<Imprevu>| {
        let mut c = actual.clone();
        for (p, d) in changes {
            let t = c.jetons.get(p).copied().unwrap_or(0) as i32 + d;
            c.jetons.insert(*p, t.max(0) as u32);
        }
        c.impot = impot;
        c.imprevu = imprevu;
        base.evaluate(&c).problems
    };
    // Moving tokens between lines keeps the balance.
    assert_eq!(with(&[(Poste::Ecole, 2), (Poste::Culture, -2)], 0, None), vec![]);
    assert_eq!(
        with(&[(Poste::Ecole, 1)], 0, None),
        vec![Problem::Equilibre { ecart: 1 }]
    );
    assert_eq!(
        with(&[(Poste::Ecole, -1)], 0, None),
        vec![Problem::Equilibre { ecart: -1 }]
    );
    // A tax rise brings tokens to lay.
    assert_eq!(with(&[(Poste::Sport, 2)], 2, None), vec![]);
    let max = base.impot_max();
    assert!(max >= 1, "{max}");
    assert_eq!(
        with(&[(Poste::Sport, max as i32 + 1)], max + 1, None),
        vec![Problem::Impot { max }]
    );
    // The interest does not move.
    assert_eq!(
        with(&[(Poste::Interets, -1), (Poste::Ecole, 1)], 0, None),
        vec![Problem::Interets {
            jetons: base.reel(Poste::Interets)
        }]
    );
    // A cut of more than 3 tokens.
    assert_eq!(
        with(&[(Poste::Administration, -4), (Poste::Ecole, 4)], 0, None),
        vec![Problem::Baisse {
            poste: Poste::Administration,
            jetons: 4
        }]
    );
    // Savings below the capital repaid.
    let floor = base.autofinancement_min();
    let above = base.reel(Poste::Autofinancement) - floor;
    let drop = above as i32 + 1;
    let problems = with(&[(Poste::Autofinancement, -drop), (Poste::Ecole, drop)], 0, None);
    assert!(
        problems.contains(&Problem::Autofinancement { min: floor }),
        "{problems:?}"
    );
    // The cards.
    assert_eq!(
        with(&[], 0, Some(Imprevu::Dotation)),
        vec![Problem::Equilibre { ecart: 2 }]
    );
    assert_eq!(with(&[(Poste::Culture, -2)], 0, Some(Imprevu::Dotation)), vec![]);
    assert_eq!(
        with(&[], 0, Some(Imprevu::Energie)),
        vec![Problem::Imprevu {
            poste: Poste::Administration,
            manque: 3
        }]
    );
    assert_eq!(
        with(
            &[
                (Poste::Administration, 3),
                (Poste::Culture, -2),
                (Poste::Voirie, -1)
            ],
            0,
            Some(Imprevu::Energie)
        ),
        vec![]
    );
    assert_eq!(
        with(&[(Poste::Ecole, 2)], 2, Some(Imprevu::Classe)),
        vec![],
        "a new class paid by the tax"
    );
}

/// The pack's sheets print the game of the demo commune: its token sheet (06-exemple),
/// its rules and its cards (04-outil) are generated from the model. A stale sheet is
/// rewritten and the test fails saying so (run it again).
#[test]
fn the_budget_pack_prints_the_game_of_the_demo_commune() {
    let base = MayorBase::from_budget(&demo(2023));
    let fiches = root().join("workshops/budget-de-ma-commune/fiches");
    let sections = [
        (
            "06-exemple.md",
            "## La fiche de répartition",
            base.sheet_markdown("Briqueville", Lang::Fr),
        ),
        (
            "04-outil.md",
            "## Les règles du jeu",
            base.rules_markdown(Lang::Fr),
        ),
        ("04-outil.md", "## Cartes imprévu", cards_markdown(Lang::Fr)),
    ];
    let mut stale = Vec::new();
    for (file, heading, body) in sections {
        let path = fiches.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let start = text
            .find(heading)
            .unwrap_or_else(|| panic!("{file} has a section {heading}"));
        let body_start = start + text[start..].find('\n').unwrap() + 1;
        let end = text[body_start..]
            .find("\n## ")
            .map_or(text.len(), |i| body_start + i + 1);
        let wanted = format!("\n{body}\n");
        if text[body_start..end] != wanted {
            let rewritten = format!("{}{wanted}{}", &text[..body_start], &text[end..]);
            std::fs::write(&path, rewritten).unwrap();
            stale.push(format!("{file} {heading}"));
        }
    }
    assert!(
        stale.is_empty(),
        "the budget pack's sheets were stale and have been rewritten: {stale:?}; run the tests again"
    );
}

#[test]
fn the_sheet_reads_the_demo_figures() {
    let base = MayorBase::from_budget(&demo(2023));
    let sheet = base.sheet_markdown("Briqueville", Lang::Fr);
    assert!(sheet.contains("= **100 jetons**"), "{sheet}");
    for (poste, _, tokens) in &base.postes {
        let label = tr(Lang::Fr, &poste.key());
        assert!(
            sheet.contains(&format!("| {label} (")) && sheet.contains(&format!(") | {tokens} |")),
            "{label}: {sheet}"
        );
    }
    let english = base.sheet_markdown("Briqueville", Lang::En);
    assert!(english.contains("= **100 tokens**"), "{english}");
    for problem in base
        .evaluate(&MayorChoices {
            impot: 50,
            imprevu: Some(Imprevu::Classe),
            ..MayorChoices::default()
        })
        .problems
    {
        let text = problem.message(Lang::Fr);
        assert!(!text.contains("game-"), "{text}");
    }
}

proptest! {
    #[test]
    fn largest_remainder_adds_up_and_stays_within_one(values in proptest::collection::vec(0.0f64..1e7, 1..12), total in 1u32..200) {
        let out = largest_remainder(&values, total);
        let sum: f64 = values.iter().sum();
        if sum > 0.0 {
            prop_assert_eq!(out.iter().sum::<u32>(), total);
            for (v, t) in values.iter().zip(&out) {
                prop_assert!((v * f64::from(total) / sum - f64::from(*t)).abs() < 1.0);
            }
        } else {
            prop_assert!(out.iter().all(|t| *t == 0));
        }
    }

    #[test]
    fn any_choices_are_evaluated_without_panic(tokens in proptest::collection::vec(0u32..300, 11), impot in 0u32..2000, card in 0usize..4) {
        let base = MayorBase::from_budget(&demo(2023));
        let choices = MayorChoices {
            jetons: POSTES.iter().copied().zip(tokens).collect(),
            impot,
            imprevu: IMPREVUS.get(card).copied(),
        };
        let outcome = base.evaluate(&choices);
        prop_assert_eq!(outcome.jetons.len(), base.postes.len());
    }
}

/// The three groups of the example sheet (06-exemple, « Une partie jouée ») keep every
/// rule, as the sheet says.
#[test]
fn the_example_game_of_the_sheet_keeps_the_rules() {
    let base = MayorBase::from_budget(&demo(2023));
    let play = |changes: &[(Poste, i32)], impot: u32| {
        let mut c = MayorChoices::actual(&base);
        for (p, d) in changes {
            let t = c.jetons.get(p).copied().unwrap_or(0) as i32 + d;
            assert!(t >= 0, "{p:?} has fewer tokens than the example takes");
            c.jetons.insert(*p, t as u32);
        }
        c.impot = impot;
        c.imprevu = Some(Imprevu::Energie);
        base.evaluate(&c).problems
    };
    use Poste::*;
    let a = play(
        &[
            (Sport, 3),
            (Culture, 2),
            (Autofinancement, -3),
            (Voirie, -2),
            (Administration, 3),
            (Autofinancement, -2),
            (Securite, -1),
        ],
        0,
    );
    assert_eq!(a, vec![], "group A");
    let b = play(&[(Administration, 3), (Culture, -2), (Social, -1)], 0);
    assert_eq!(b, vec![], "group B");
    let c = play(
        &[
            (Autofinancement, 3),
            (Culture, -1),
            (Administration, 3),
            (Securite, -1),
            (Social, -2),
        ],
        2,
    );
    assert_eq!(c, vec![], "group C");
    // "environ 18 € par habitant et par an" for 2 tax tokens.
    let per = base.jeton_par_habitant().unwrap() * 2.0;
    assert!((per - 18.0).abs() < 1.0, "{per}");
}
