use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::*;
use crate::budget::explore::mayor::{MayorBase, Poste};

fn guess() -> Step {
    Step::Guess(Guess {
        question: "Sur 100 € dépensés, combien pour les écoles ?".into(),
        unit: "€".into(),
        min: 0.0,
        max: 100.0,
        answer: Some(24.0),
        source: "Compte administratif 2023".into(),
    })
}

fn vote() -> Step {
    Step::Vote(Vote {
        question: "Lequel est trompeur ?".into(),
        choices: vec!["Le graphique A".into(), "Le graphique B".into()],
        charts: vec![],
        data: String::new(),
        correct: Some(1),
        explanation: "L'axe du B commence à 14 000.".into(),
    })
}

/// A commune of 1,000,000 € of operating revenue: 10,000 € a token, 60,000 € of capital
/// repaid (6 tokens put aside at least), 400,000 € of local taxes (a 4-token rise at most).
fn base() -> MayorBase {
    MayorBase {
        exercice: 2023,
        population: Some(1000),
        jeton: 10_000.0,
        postes: vec![
            (Poste::Ecole, 300_000.0, 30),
            (Poste::Administration, 300_000.0, 30),
            (Poste::Culture, 200_000.0, 20),
            (Poste::Interets, 50_000.0, 5),
            (Poste::Autofinancement, 150_000.0, 15),
        ],
        remboursement: 60_000.0,
        impots_locaux: 400_000.0,
    }
}

fn inputs(list: &[(u32, Input)]) -> BTreeMap<u32, Input> {
    list.iter().cloned().collect()
}

#[test]
fn the_answer_key_stays_on_the_server_until_revealed() {
    for step in [guess(), vote()] {
        let hidden = serde_json::to_string(&step.public(false)).unwrap();
        assert!(
            !hidden.contains("24") && !hidden.contains("14 000") && !hidden.contains("correct"),
            "{hidden}"
        );
        assert_eq!(step.public(true), step);
    }
}

#[test]
fn definitions_are_checked_at_launch() {
    assert_eq!(check_steps(&[Step::Duplo, guess(), vote()]), Ok(()));
    let Step::Guess(mut g) = guess() else {
        unreachable!()
    };
    g.answer = Some(140.0);
    assert_eq!(
        check_steps(&[Step::Duplo, Step::Guess(g.clone())]),
        Err(StepProblem::InvalidStep {
            step: 2,
            reason: "step-error-guess-answer"
        })
    );
    g.answer = None;
    assert!(Step::Guess(g).check().is_err());
    let Step::Vote(mut v) = vote() else { unreachable!() };
    v.correct = Some(2);
    assert_eq!(Step::Vote(v.clone()).check(), Err("step-error-vote-correct"));
    v.correct = None;
    v.data = "pack/../../etc/passwd".into();
    assert_eq!(Step::Vote(v).check(), Err("step-error-vote-data"));
    assert_eq!(
        Step::Words(Words { question: " ".into() }).check(),
        Err("step-error-question")
    );
    assert_eq!(
        check_steps(&vec![Step::Duplo; MAX_STEPS + 1]),
        Err(StepProblem::TooManySteps)
    );
}

#[test]
fn inputs_must_fit_their_step() {
    assert_eq!(
        guess().accept(Input::Guess { value: 30.0 }),
        Ok(Input::Guess { value: 30.0 })
    );
    assert_eq!(
        guess().accept(Input::Guess { value: 101.0 }),
        Err(StepProblem::OutOfBounds)
    );
    assert_eq!(
        guess().accept(Input::Guess { value: f64::NAN }),
        Err(StepProblem::OutOfBounds)
    );
    assert_eq!(
        guess().accept(Input::Vote { choice: 0 }),
        Err(StepProblem::WrongKind)
    );
    assert_eq!(
        vote().accept(Input::Vote { choice: 2 }),
        Err(StepProblem::OutOfBounds)
    );
    let words = Step::Words(Words {
        question: "En un mot ?".into(),
    });
    assert_eq!(
        words.accept(Input::Words {
            text: "  vie \n privée ".into()
        }),
        Ok(Input::Words {
            text: "vie privée".into()
        })
    );
    assert!(words.accept(Input::Words { text: "   ".into() }).is_err());
    assert!(words
        .accept(Input::Words {
            text: "x".repeat(MAX_WORDS + 1)
        })
        .is_err());
    let mayor = Step::Mayor(MayorStep {
        commune: "Briqueville".into(),
        base: base(),
    });
    let mut choices = MayorChoices::default();
    choices.jetons.insert(Poste::Ecole, 2 * TOKENS + 1);
    assert!(mayor
        .accept(Input::Mayor {
            group: "A".into(),
            choices: choices.clone()
        })
        .is_err());
    choices.jetons.insert(Poste::Ecole, 33);
    assert!(mayor
        .accept(Input::Mayor {
            group: "".into(),
            choices: choices.clone()
        })
        .is_err());
    assert!(mayor
        .accept(Input::Mayor {
            group: "A".into(),
            choices: choices.clone()
        })
        .is_ok());
    choices.jetons.insert(Poste::Sport, 5);
    assert!(
        mayor
            .accept(Input::Mayor {
                group: "A".into(),
                choices
            })
            .is_err(),
        "a line the commune does not have"
    );
}

#[test]
fn words_group_french_forms() {
    assert_eq!(word_key("Vies privées !"), "vie privee");
    assert_eq!(word_key("VIE PRIVÉE"), "vie privee");
    assert_eq!(word_key("l’anonymat"), "l anonymat");
    assert_eq!(
        word_key("gras"),
        "gra",
        "a plural s is dropped from words over three letters"
    );
    assert_eq!(word_key("bus"), "bus");
    let words = group_words([
        "Confiance",
        "vie privée",
        "confiance",
        "Vies privées",
        "vie privée",
        "données",
        "?!",
    ]);
    assert_eq!(
        words,
        vec![
            WordCount {
                text: "vie privée".into(),
                count: 3
            },
            WordCount {
                text: "Confiance".into(),
                count: 2
            },
            WordCount {
                text: "données".into(),
                count: 1
            },
        ]
    );
}

#[test]
fn guesses_give_their_median_and_distribution() {
    let list: Vec<(u32, Input)> = [10.0, 20.0, 24.0, 35.0, 100.0]
        .iter()
        .enumerate()
        .map(|(i, v)| (i as u32 + 1, Input::Guess { value: *v }))
        .collect();
    let all = inputs(&list);
    let none = BTreeSet::new();
    let hidden = results(
        &guess(),
        StepInputs {
            inputs: &all,
            hidden: &none,
        },
        false,
    )
    .unwrap();
    let StepResults::Guess {
        count,
        median,
        bins,
        answer,
    } = hidden
    else {
        panic!()
    };
    assert_eq!((count, median, answer), (5, Some(24.0), None));
    let counts: Vec<usize> = bins.iter().map(|b| b.count).collect();
    assert_eq!(
        counts,
        [0, 1, 2, 1, 0, 0, 0, 0, 0, 1],
        "100 falls in the last bar"
    );
    assert_eq!((bins[2].from, bins[2].to), (20.0, 30.0));
    let shown = results(
        &guess(),
        StepInputs {
            inputs: &all,
            hidden: &none,
        },
        true,
    )
    .unwrap();
    assert!(matches!(
        shown,
        StepResults::Guess {
            answer: Some(24.0),
            ..
        }
    ));
}

#[test]
fn hidden_words_are_left_out_and_votes_counted() {
    let all = inputs(&[
        (
            1,
            Input::Words {
                text: "confiance".into(),
            },
        ),
        (
            2,
            Input::Words {
                text: "un gros mot".into(),
            },
        ),
        (
            3,
            Input::Words {
                text: "Confiance".into(),
            },
        ),
    ]);
    let hidden = BTreeSet::from([2]);
    let words = Step::Words(Words { question: "?".into() });
    assert_eq!(
        results(
            &words,
            StepInputs {
                inputs: &all,
                hidden: &hidden
            },
            false
        ),
        Some(StepResults::Words {
            words: vec![WordCount {
                text: "confiance".into(),
                count: 2
            }],
            count: 2
        })
    );
    let votes = inputs(&[
        (1, Input::Vote { choice: 1 }),
        (2, Input::Vote { choice: 1 }),
        (4, Input::Vote { choice: 0 }),
    ]);
    assert_eq!(
        results(
            &vote(),
            StepInputs {
                inputs: &votes,
                hidden: &BTreeSet::new()
            },
            true
        ),
        Some(StepResults::Vote {
            counts: vec![1, 2],
            correct: Some(1)
        })
    );
}

#[test]
fn groups_are_compared_with_the_actual_budget_and_their_average() {
    let step = Step::Mayor(MayorStep {
        commune: "Briqueville".into(),
        base: base(),
    });
    // "Les Écoles": 3 tokens from culture to the school, and a 2-token tax rise for the
    // school too: 35 + 30 + 17 + 5 + 15 = 102 = 100 + 2, nothing broken.
    let mut spend = MayorChoices::default();
    spend.jetons.insert(Poste::Ecole, 35);
    spend.jetons.insert(Poste::Culture, 17);
    spend.impot = 2;
    // "Vélo": 10 tokens from administration put aside: a cut of more than 3.
    let mut save = MayorChoices::default();
    save.jetons.insert(Poste::Administration, 20);
    save.jetons.insert(Poste::Autofinancement, 25);
    let all = inputs(&[
        (
            1,
            Input::Mayor {
                group: "Les Écoles".into(),
                choices: spend.clone(),
            },
        ),
        (
            2,
            Input::Mayor {
                group: "Vélo".into(),
                choices: save,
            },
        ),
        // The same group from another device: its latest proposal replaces the first.
        (
            3,
            Input::Mayor {
                group: "les écoles".into(),
                choices: spend,
            },
        ),
    ]);
    let Some(StepResults::Mayor {
        actual,
        average,
        groups,
    }) = results(
        &step,
        StepInputs {
            inputs: &all,
            hidden: &BTreeSet::new(),
        },
        false,
    )
    else {
        panic!()
    };
    let tokens = |a: &Allocation| a.jetons.iter().map(|(_, t)| *t).collect::<Vec<f64>>();
    assert_eq!(tokens(&actual), vec![30.0, 30.0, 20.0, 5.0, 15.0]);
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].group, "les écoles");
    assert_eq!(tokens(&groups[0].allocation), vec![35.0, 30.0, 17.0, 5.0, 15.0]);
    assert_eq!(groups[0].allocation.impot, 2.0);
    assert!(groups[0].problems.is_empty(), "{:?}", groups[0].problems);
    assert_eq!(groups[1].problems, vec!["baisse".to_owned()]);
    let average = average.unwrap();
    assert_eq!(tokens(&average), vec![32.5, 25.0, 18.5, 5.0, 20.0]);
    assert_eq!(average.impot, 1.0);
}

proptest! {
    #[test]
    fn every_guess_in_range_lands_in_exactly_one_bar(values in proptest::collection::vec(-50.0f64..150.0, 0..60)) {
        let bins = guess_bins(0.0, 100.0, &values);
        let inside = values.iter().filter(|v| (0.0..=100.0).contains(*v)).count();
        prop_assert_eq!(bins.iter().map(|b| b.count).sum::<usize>(), inside);
    }

    #[test]
    fn word_groups_count_every_answer_with_letters(answers in proptest::collection::vec("[a-zA-Zéè ]{0,12}", 0..30)) {
        let words = group_words(answers.iter().map(String::as_str));
        let with_letters = answers.iter().filter(|a| !word_key(a).is_empty()).count();
        prop_assert_eq!(words.iter().map(|w| w.count).sum::<usize>(), with_letters);
        for pair in words.windows(2) {
            prop_assert!(pair[0].count >= pair[1].count);
        }
    }
}
