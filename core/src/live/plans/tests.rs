use super::*;
use crate::budget::{import, DgfipOptions, Direction};
use crate::live::steps::check_steps;
use crate::pack::load::load;
use crate::pack::tests::{read_pack, root};

fn pack(slug: &str) -> Pack {
    let (pack, problems) = load(&read_pack(&root().join("workshops").join(slug)));
    assert!(problems.is_empty(), "{problems:?}");
    pack.unwrap()
}

#[test]
fn the_chart_pack_becomes_votes_with_neutral_titles_and_a_closing_word() {
    let pack = pack("lire-un-graphique");
    let plan = pack_steps(&pack, Lang::Fr);
    assert_eq!(check_steps(&plan.steps), Ok(()));
    let tricks = pack
        .activities
        .iter()
        .map(|a| match a {
            Activity::Donnees { charts, .. } => charts.iter().filter(|c| c.trick.is_some()).count(),
            _ => 0,
        })
        .sum::<usize>();
    assert_eq!(tricks, 5, "the pack's five misleading charts");
    assert_eq!(plan.steps.len(), tricks + 1);
    for (i, step) in plan.steps[..tricks].iter().enumerate() {
        let Step::Vote(vote) = step else {
            panic!("{step:?}")
        };
        assert_eq!(vote.charts.len(), 2);
        assert!(
            vote.charts.iter().all(|c| c.title.is_empty()),
            "no title names the trick"
        );
        let misleading = vote.charts.iter().position(|c| c.distortion.is_some()).unwrap();
        assert_eq!(vote.correct, Some(misleading));
        assert_eq!(misleading, if i % 2 == 0 { 1 } else { 0 }, "alternately B then A");
        assert!(vote.charts[1 - misleading].distortion.is_none());
        assert_eq!(vote.data, "lire-un-graphique/donnees/mediatheque-briqueville.csv");
        assert!(!vote.explanation.is_empty());
        // Drawn as the projector draws them: nothing on either chart names the trick.
        let Some(Activity::Donnees { csv, .. }) = pack
            .activities
            .iter()
            .find(|a| matches!(a, Activity::Donnees { .. }))
        else {
            panic!()
        };
        let ds = dataset::import(csv.as_bytes()).unwrap();
        for (letter, spec) in ["A", "B"].iter().zip(&vote.charts) {
            let data = crate::chart::data::compute(spec, &ds, Lang::Fr).unwrap();
            let title = format!("Graphique {letter}");
            let svg = crate::chart::draw::render_data_svg_titled(spec, &data, Lang::Fr, &title).unwrap();
            assert!(svg.contains(&title));
            assert!(
                !svg.to_lowercase().contains("trompeur") && !svg.contains("tronqué"),
                "{svg}"
            );
        }
    }
    assert!(matches!(plan.steps.last(), Some(Step::Words(_))));
    assert!(!plan.plays_budget && plan.survey.is_none());
}

#[test]
fn the_duplo_pack_keeps_its_survey_and_the_budget_pack_asks_for_a_commune() {
    let duplo_pack = pack("donnees-en-duplo");
    let duplo = pack_steps(&duplo_pack, Lang::Fr);
    assert_eq!(duplo.steps[0], Step::Duplo);
    // Two questionnaires (everyone, teenagers), one session: the first only.
    let surveys: Vec<&Survey> = duplo_pack
        .activities
        .iter()
        .filter_map(|a| match a {
            Activity::Duplo { survey, .. } => Some(survey),
            _ => None,
        })
        .collect();
    assert_eq!(surveys.len(), 2);
    assert_ne!(surveys[0], surveys[1]);
    assert_eq!(duplo.survey.as_ref(), Some(surveys[0]));
    assert_eq!(duplo.steps.iter().filter(|s| **s == Step::Duplo).count(), 1);
    let budget = pack_steps(&pack("budget-de-ma-commune"), Lang::Fr);
    assert!(budget.plays_budget);
    assert_eq!(
        budget.steps.len(),
        1,
        "the closing word; the commune's steps come from the budget page"
    );
}

#[test]
fn a_budget_becomes_a_guess_on_schools_and_the_mayor_game() {
    let bytes = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/budget/briqueville-ca-2023.xml"
    ));
    let imported = import(bytes, None, &DgfipOptions::default()).unwrap();
    let budget = &imported.budgets[0];
    // Independently of the explorer's tree: real spending lines, by the first digit of
    // their fonction.
    let (mut schools, mut with_fonction) = (0.0, 0.0);
    for line in budget
        .lines
        .iter()
        .filter(|l| l.reel && l.direction == Direction::Depense)
    {
        if let Some(f) = line.fonction.as_deref().filter(|f| !f.is_empty()) {
            let amount = budget.amount(line);
            with_fonction += amount;
            if f.starts_with('2') {
                schools += amount;
            }
        }
    }
    assert!(with_fonction > 0.0);
    let expected = schools * 100.0 / with_fonction;
    let share = schools_per_hundred(budget).expect("the demo's lines carry their fonction");
    assert!((share - expected).abs() < 1e-9, "{share} vs {expected}");
    let steps = budget_steps(budget, "Briqueville", Lang::Fr);
    assert_eq!(check_steps(&steps), Ok(()));
    let Step::Guess(guess) = &steps[0] else { panic!() };
    assert_eq!(guess.answer, Some((expected * 10.0).round() / 10.0));
    assert_eq!(guess.source, "Briqueville, compte administratif 2023");
    let Step::Mayor(mayor) = &steps[1] else { panic!() };
    assert_eq!(mayor.base, MayorBase::from_budget(budget));
    assert_eq!(mayor.commune, "Briqueville, budget 2023");
}

#[test]
fn the_debate_pack_becomes_one_debate_step_per_statement() {
    let pack = pack("rien-a-cacher");
    let plan = pack_steps(&pack, Lang::Fr);
    assert_eq!(check_steps(&plan.steps), Ok(()));
    assert!(plan.survey.is_none() && !plan.plays_budget);
    let Some(Activity::Debat { statements }) = pack.activities.first() else {
        panic!("the pack's debate")
    };
    assert_eq!(statements.len(), 5);
    assert_eq!(plan.steps.len(), statements.len() + 1, "and a closing word");
    for (step, statement) in plan.steps.iter().zip(statements) {
        let Step::Debate(d) = step else { panic!("{step:?}") };
        assert_eq!(d.statement, statement.text);
        assert_eq!(d.note, statement.landmark);
        assert!(!statement.agree.is_empty() && !statement.disagree.is_empty());
    }
    assert_eq!(plan.steps.last(), Some(&closing_words(Lang::Fr)));
}
