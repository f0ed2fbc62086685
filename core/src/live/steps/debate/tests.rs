//! The débat mouvant step: answers per phase, phase changes, the moves counted from
//! hand-computed cases, refusals, and what phones see before and after the reveal.

use std::collections::BTreeSet;

use serde_json::json;

use super::*;
use crate::i18n::Lang;
use crate::live::export::step_csv;
use crate::live::steps::{Step, StepResults, Words};
use crate::live::{Control, Inputs, LiveState, Refusal, SessionParts};
use crate::survey::{Session, Survey};

use Stance::{Agree as A, Disagree as D, Undecided as U};

fn debate() -> Step {
    Step::Debate(Debate {
        statement: "Je n'ai rien à cacher.".into(),
        note: "Art. 4 RGPD : une donnée personnelle…".into(),
    })
}

fn before(s: Stance) -> Input {
    Input::Debate {
        before: Some(s),
        after: None,
    }
}

fn after(s: Stance) -> Input {
    Input::Debate {
        before: None,
        after: Some(s),
    }
}

/// Records an answer as the server does: checked against the state, then merged with
/// the participant's previous one.
fn answer(
    state: &LiveState,
    steps: &[Step],
    inputs: &mut Inputs,
    who: u32,
    input: Input,
) -> Result<(), Refusal> {
    let input = state.check_input(steps, 1, input)?;
    let by = inputs.entry(1).or_default();
    let merged = merge(by.get(&who), input);
    by.insert(who, merged);
    Ok(())
}

#[test]
fn the_wire_shapes_are_the_documented_ones() {
    assert_eq!(
        serde_json::to_value(before(A)).unwrap(),
        json!({ "kind": "debate", "before": "agree" })
    );
    assert_eq!(
        serde_json::from_value::<Input>(json!({ "kind": "debate", "after": "undecided" })).unwrap(),
        after(U)
    );
    assert_eq!(
        serde_json::to_value(Control::Phase {
            step: 2,
            phase: Phase::After
        })
        .unwrap(),
        json!({ "action": "phase", "step": 2, "phase": "after" })
    );
    assert_eq!(
        serde_json::to_value(debate()).unwrap(),
        json!({ "kind": "debate", "statement": "Je n'ai rien à cacher.", "note": "Art. 4 RGPD : une donnée personnelle…" })
    );
}

#[test]
fn a_phone_answers_one_phase_at_a_time() {
    let step = debate();
    assert_eq!(step.accept(before(D)), Ok(before(D)));
    assert_eq!(step.accept(after(U)), Ok(after(U)));
    for both_or_none in [
        Input::Debate {
            before: Some(A),
            after: Some(D),
        },
        Input::Debate {
            before: None,
            after: None,
        },
    ] {
        assert_eq!(step.accept(both_or_none), Err(StepProblem::OutOfBounds));
    }
    assert_eq!(
        step.accept(Input::Vote { choice: 0 }),
        Err(StepProblem::WrongKind)
    );
    assert_eq!(
        Step::Words(Words {
            question: "Un mot ?".into()
        })
        .accept(before(A)),
        Err(StepProblem::WrongKind)
    );
    let Step::Debate(mut d) = debate() else {
        unreachable!()
    };
    d.note = "x".repeat(601);
    assert_eq!(Step::Debate(d.clone()).check(), Err("step-error-text"));
    d.note.clear();
    d.statement = "  ".into();
    assert_eq!(Step::Debate(d).check(), Err("step-error-question"));
}

#[test]
fn the_phase_decides_which_answer_is_taken_and_the_other_is_kept() {
    let survey = Survey::default_for(Lang::Fr, None);
    let steps = vec![Step::Duplo, debate()];
    let mut state = LiveState::opening(&survey);
    let mut inputs = Inputs::new();
    state.apply(&Control::GoTo { step: 1 }, &survey, 2).unwrap();
    assert_eq!(state.phase(1), Phase::Before, "a debate starts « avant »");

    answer(&state, &steps, &mut inputs, 1, before(A)).unwrap();
    answer(&state, &steps, &mut inputs, 1, before(D)).unwrap();
    assert_eq!(inputs[&1][&1], before(D), "changed while the phase is open");
    assert_eq!(
        answer(&state, &steps, &mut inputs, 1, after(A)),
        Err(Refusal::Closed),
        "« après » is not open yet"
    );

    state.revealed = true;
    state
        .apply(
            &Control::Phase {
                step: 1,
                phase: Phase::After,
            },
            &survey,
            2,
        )
        .unwrap();
    assert_eq!(state.phase(1), Phase::After);
    assert!(!state.revealed, "a new phase starts hidden");
    assert_eq!(
        answer(&state, &steps, &mut inputs, 1, before(A)),
        Err(Refusal::Closed),
        "« avant » is closed"
    );
    answer(&state, &steps, &mut inputs, 1, after(U)).unwrap();
    assert_eq!(
        inputs[&1][&1],
        Input::Debate {
            before: Some(D),
            after: Some(U)
        },
        "the « avant » answer is kept"
    );

    state.apply(&Control::CloseStep { step: 1 }, &survey, 2).unwrap();
    assert_eq!(
        answer(&state, &steps, &mut inputs, 1, after(A)),
        Err(Refusal::Closed)
    );
    assert_eq!(
        state.apply(
            &Control::Phase {
                step: 2,
                phase: Phase::After
            },
            &survey,
            2
        ),
        Err(Refusal::UnknownStep)
    );
    state
        .apply(
            &Control::Phase {
                step: 1,
                phase: Phase::Before,
            },
            &survey,
            2,
        )
        .unwrap();
    assert_eq!(state.phase(1), Phase::Before);
    // The state as saved: no phase field while every debate is « avant ».
    assert!(!serde_json::to_string(&state).unwrap().contains("after_phase"));
}

#[test]
fn moves_are_counted_as_by_hand() {
    // Seven participants (hand-computed):
    //   1: agree → disagree      2: agree → agree        3: disagree → undecided
    //   4: undecided → (none)    5: (none) → disagree    6: agree → disagree
    //   7: agree → agree, hidden by the facilitator: left out.
    // Before: agree 1, 2, 6 = 3; disagree 3 = 1; undecided 4 = 1.
    // After: agree 2 = 1; disagree 1, 5, 6 = 3; undecided 3 = 1.
    // Both times: 1, 2, 3, 6 = 4. Moves: agree→disagree 2, agree→agree 1,
    // disagree→undecided 1; changed sides: 3.
    let pairs = [
        (1, Some(A), Some(D)),
        (2, Some(A), Some(A)),
        (3, Some(D), Some(U)),
        (4, Some(U), None),
        (5, None, Some(D)),
        (6, Some(A), Some(D)),
        (7, Some(A), Some(A)),
    ];
    let mut inputs = Inputs::new();
    for (who, b, a) in pairs {
        inputs
            .entry(1)
            .or_default()
            .insert(who, Input::Debate { before: b, after: a });
    }
    let survey = Survey::default_for(Lang::Fr, None);
    let session = Session::new(survey.clone());
    let steps = vec![Step::Duplo, debate()];
    let mut state = LiveState::opening(&survey);
    state.step = 1;
    state.hidden.insert((1, 7));
    let parts = SessionParts {
        code: "ACDEFG",
        session: &session,
        state: &state,
        steps: &steps,
        inputs: &inputs,
    };
    let mut moves = [[0; 3]; 3];
    moves[0][1] = 2;
    moves[0][0] = 1;
    moves[1][2] = 1;
    let expected = DebateResults {
        before: [3, 1, 1],
        after: [1, 3, 1],
        both: 4,
        moves: Some(moves),
    };
    let Some(StepResults::Debate(revealed)) = parts.step_results(1, true) else {
        panic!("debate results")
    };
    assert_eq!(revealed, expected);
    assert_eq!(revealed.changed(), Some(3));
    let Some(StepResults::Debate(hidden)) = parts.step_results(1, false) else {
        panic!("debate results")
    };
    assert_eq!(hidden.moves, None, "the moves wait for the reveal");
    assert_eq!(
        (hidden.before, hidden.after, hidden.changed()),
        (expected.before, expected.after, None)
    );

    // Phones: nothing (results, note) before the reveal; then the counts, the moves
    // and the landmark, never who.
    let view = serde_json::to_string(&parts.public_view(3, 1)).unwrap();
    assert!(
        !view.contains("Art. 4") && !view.contains("step_results"),
        "{view}"
    );
    let mut shown = state.clone();
    shown.revealed = true;
    let parts = SessionParts {
        state: &shown,
        ..parts
    };
    let view = parts.public_view(3, 2);
    assert_eq!(view.step_results, Some(StepResults::Debate(expected)));
    assert!(matches!(&view.steps[1], Step::Debate(d) if d.note.starts_with("Art. 4")));
    assert_eq!(view.state.hidden, BTreeSet::new());

    let csv = step_csv(&steps, 1, &inputs, &state, ';', Lang::Fr).unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Participant;Avant le débat;Après le débat;Masquée");
    assert_eq!(lines[1], "1;D'accord;Pas d'accord;non");
    assert_eq!(lines[4], "4;Sans avis;;non");
    assert_eq!(lines[5], "5;;Pas d'accord;non");
    assert_eq!(lines[7], "7;D'accord;D'accord;oui");
}
