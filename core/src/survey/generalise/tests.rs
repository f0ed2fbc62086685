use proptest::prelude::*;

use super::*;
use crate::survey::analysis::uniqueness;
use crate::survey::disclosure::attribute_disclosure;
use crate::survey::test_support::{arbitrary_session, ids, questions_at, session};
use crate::survey::BrickColour;

/// Six people; on gender × town: femme·oui = 1, 2; homme·oui = 3; autre·oui = 4;
/// homme·non = 5; femme·non = 6 (who skipped sweet/salty). k = 1, four alone.
fn room() -> Session {
    session(&[
        ["fromage", "sucre", "femme", "oui"],
        ["fromage", "sucre", "femme", "oui"],
        ["dessert", "sale", "homme", "oui"],
        ["dessert", "sale", "autre", "oui"],
        ["dessert", "sucre", "homme", "non"],
        ["fromage", "", "femme", "non"],
    ])
}

fn merge(question: &str, choices: &[&str], label: &str) -> Merge {
    Merge {
        question: question.into(),
        choices: ids(choices),
        label: label.into(),
    }
}

#[test]
fn merging_then_removing_the_unique_by_hand() {
    let original = room();
    let kept = original.clone();
    let quasi = ids(&["genre", "commune"]);
    let plan = Plan {
        merge: vec![merge("genre", &["homme", "autre"], "Homme ou autre")],
        remove_unique: true,
        ..Plan::default()
    };
    let g = apply(&original, &plan, &quasi).unwrap();
    assert_eq!(original, kept, "the original is never altered");
    let genre = g.session.survey.question("genre").unwrap();
    let choices: Vec<(&str, &str, BrickColour)> = genre
        .choices
        .iter()
        .map(|c| (c.id.as_str(), c.label.as_str(), c.colour))
        .collect();
    assert_eq!(
        choices,
        vec![
            ("femme", "Femme", BrickColour::Vermillion),
            ("homme-ou-autre", "Homme ou autre", BrickColour::Blue),
        ]
    );
    // After the merge: femme·oui = 1, 2; (homme ou autre)·oui = 3, 4; (homme ou
    // autre)·non = 5 alone; femme·non = 6 alone. 5 and 6 go.
    assert_eq!(g.loss.removed, vec![5, 6]);
    let participants: Vec<u32> = g.session.responses.iter().map(|r| r.participant).collect();
    assert_eq!(participants, vec![1, 2, 3, 4]);
    assert_eq!(g.session.responses[3].answers["genre"], "homme-ou-autre");
    let u = uniqueness(&g.session, &g.quasi).unwrap();
    assert_eq!((u.unique, u.k_anonymity), (0, 2));
    // Answers: 5 people × 4 + 3 (6 skipped one) = 23. Merged among those kept: the
    // gender of 3 and 4 = 2. Suppressed: every answer of 5 (4) and 6 (3) = 7.
    // Loss: 9 / 23 = 39.1 %.
    assert_eq!((g.loss.answers, g.loss.merged, g.loss.suppressed), (23, 2, 7));
    assert!((g.loss.information_loss() - 9.0 / 23.0).abs() < 1e-12);
    assert_eq!(
        g.loss.figure(Lang::Fr),
        "Perte d'information : 39\u{202f}% des 23 réponses d'origine ne disent plus ce qu'elles disaient"
    );
    assert_eq!(
        g.loss.summary(Lang::Fr),
        "2 réponses fondues dans un regroupement, 7 réponses effacées, 2 participants retirés"
    );
    // ℓ afterwards: femme·oui both said cheese, the other pair both dessert.
    let d = attribute_disclosure(&g.session, &g.quasi, &ids(&["fromage-dessert"])).unwrap();
    assert_eq!(d.diversity[0].l, Some(1));
    assert_eq!(d.homogeneous.len(), 2);
    assert_eq!(
        d.homogeneous[1].sentence(&g.session.survey, &g.quasi, Lang::Fr),
        "Les 2 personnes « Homme ou autre · Oui » ont toutes répondu « Dessert » à « Fromage ou dessert ? »"
    );
}

#[test]
fn dropping_a_question_by_its_label() {
    let plan = Plan {
        drop: ids(&["  habitez-vous la commune ? "]),
        ..Plan::default()
    };
    let g = apply(&room(), &plan, &ids(&["genre", "commune"])).unwrap();
    assert_eq!(g.quasi, ["genre"]);
    assert!(g.session.survey.question("commune").is_none());
    assert!(g
        .session
        .responses
        .iter()
        .all(|r| !r.answers.contains_key("commune")));
    // Everyone answered the town question: 6 answers of 23 gone, nobody removed.
    assert_eq!(
        (g.loss.merged, g.loss.suppressed, g.loss.removed.len()),
        (0, 6, 0)
    );
    assert_eq!(
        g.loss.summary(Lang::En),
        "no answer merged, 6 answers suppressed, nobody removed"
    );
}

#[test]
fn every_problem_of_a_plan_says_where() {
    let plan = Plan {
        merge: vec![
            merge("genre", &["femme", "licorne"], "F"),
            merge("Genre", &["autre"], "Autre"),
            merge("commune", &["oui", "non"], "Peu importe"),
            merge("sucre-sale", &["sucre", "Sucré"], " "),
        ],
        drop: ids(&["commune", "âge"]),
        remove_unique: false,
    };
    let problems = plan.check(&room());
    let messages: Vec<String> = problems.iter().map(|p| p.message(Lang::Fr)).collect();
    assert_eq!(
        messages,
        vec![
            "question retirée n° 2 (« drop ») : « âge » n'est ni une question ni une colonne du fichier",
            "regroupement n° 1 (« merge ») : « licorne » n'est pas un choix de la question « Genre »",
            "regroupement n° 2 (« merge ») : il faut au moins 2 choix à regrouper",
            "regroupement n° 3 (« merge ») : la question « Habitez-vous la commune ? » est aussi retirée par le \
             plan",
            "regroupement n° 3 (« merge ») : regrouper tous les choix de « Habitez-vous la commune ? » n'en \
             laisserait qu'un ; retirez plutôt la question (« drop »)",
            "regroupement n° 4 (« merge ») : le nouveau choix n'a pas d'intitulé (« label »)",
            "regroupement n° 4 (« merge ») : le choix « Sucré » de la question « Sucré ou salé ? » est déjà \
             regroupé",
        ]
    );
    assert_eq!(apply(&room(), &plan, &[]).unwrap_err(), problems);
    let taken = Plan {
        merge: vec![merge("genre", &["homme", "autre"], " femme")],
        ..Plan::default()
    };
    assert_eq!(
        taken.check(&room())[0].message(Lang::En),
        "merge no. 1 (“merge”): “femme” is already the label of another choice of the question “Genre”"
    );
    let everything = Plan {
        drop: ids(&["fromage-dessert", "sucre-sale", "genre", "commune"]),
        ..Plan::default()
    };
    assert_eq!(everything.check(&room()), vec![PlanError::DropsEverything]);
}

#[test]
fn a_plan_file_is_read_strictly() {
    let plan = Plan::from_json(
        "\u{feff}{\"merge\": [{\"question\": \"genre\", \"choices\": [\"homme\", \"autre\"], \"label\": \"H/A\"}], \
         \"remove_unique\": true}",
    )
    .unwrap();
    assert_eq!(plan.merge.len(), 1);
    assert!(plan.drop.is_empty() && plan.remove_unique);
    let typo = Plan::from_json("{\"merges\": []}").unwrap_err();
    assert!(matches!(typo, PlanError::Json { line: 1, .. }), "{typo:?}");
    assert!(typo
        .message(Lang::Fr)
        .starts_with("ce plan n'est pas du JSON attendu (ligne 1"));
    let long = Plan {
        drop: vec!["genre".into(); MAX_STEPS + 1],
        ..Plan::default()
    };
    assert_eq!(
        long.check(&room()),
        vec![PlanError::TooLarge { count: MAX_STEPS + 1 }]
    );
}

proptest! {
    #[test]
    fn merging_choices_never_lowers_k(
        s in arbitrary_session(),
        pair in prop::sample::subsequence(vec!["femme", "homme", "autre"], 2),
        quasi in prop::sample::subsequence(vec![0usize, 1, 2, 3], 1..=4),
    ) {
        let quasi = questions_at(&s, &quasi);
        let plan = Plan { merge: vec![merge("genre", &pair, "Regroupés")], ..Plan::default() };
        let before = uniqueness(&s, &quasi).unwrap();
        let g = apply(&s, &plan, &quasi).unwrap();
        let after = uniqueness(&g.session, &g.quasi).unwrap();
        prop_assert!(after.k_anonymity >= before.k_anonymity);
        prop_assert!(after.unique <= before.unique);
        prop_assert_eq!(g.session.responses.len(), s.responses.len());
    }

    #[test]
    fn removing_the_unique_leaves_k_of_two_or_nobody(
        s in arbitrary_session(),
        quasi in prop::sample::subsequence(vec![0usize, 1, 2, 3], 0..=4),
        drop in prop::sample::subsequence(vec![0usize, 1, 2, 3], 0..=3),
    ) {
        let quasi = questions_at(&s, &quasi);
        let original = s.clone();
        let plan = Plan { drop: questions_at(&s, &drop), remove_unique: true, ..Plan::default() };
        let g = apply(&s, &plan, &quasi).unwrap();
        prop_assert_eq!(&s, &original);
        let u = uniqueness(&g.session, &g.quasi).unwrap();
        prop_assert!(g.session.responses.is_empty() || u.k_anonymity >= 2, "{:?}", u);
        prop_assert_eq!(g.session.responses.len() + g.loss.removed.len(), s.responses.len());
        let loss = g.loss.information_loss();
        prop_assert!((0.0..=1.0).contains(&loss));
    }
}
