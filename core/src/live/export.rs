//! A whole workshop's export: one JSON file that is also a Duplo session file (the
//! single-device Duplo page imports it as such; the steps ride along under
//! `workshop`), and one CSV per step (formulas neutralised by [`crate::csv`]).

use serde::Serialize;

use super::steps::{Input, Step};
use super::{Inputs, LiveState};
use crate::csv;
use crate::i18n::{tr, tr_args, Lang};
use crate::survey::io::{FORMAT, VERSION};
use crate::survey::{ParticipantId, Response, Session, Survey};

#[derive(Serialize)]
struct WorkshopFile<'a> {
    format: &'static str,
    version: u32,
    survey: &'a Survey,
    responses: &'a [Response],
    workshop: Workshop<'a>,
}

#[derive(Serialize)]
struct Workshop<'a> {
    steps: &'a [Step],
    answers: Vec<StepAnswer<'a>>,
}

#[derive(Serialize)]
struct StepAnswer<'a> {
    step: usize,
    participant: ParticipantId,
    input: &'a Input,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    hidden: bool,
}

/// The session file of a workshop: a `briques-duplo` file (survey and responses) with
/// its steps and every answer to them (`hidden: true` on those the facilitator hid).
pub fn workshop_json(session: &Session, steps: &[Step], inputs: &Inputs, state: &LiveState) -> String {
    let answers = inputs
        .iter()
        .flat_map(|(step, by)| {
            by.iter().map(move |(participant, input)| StepAnswer {
                step: *step,
                participant: *participant,
                input,
                hidden: state.hidden.contains(&(*step, *participant)),
            })
        })
        .collect();
    let file = WorkshopFile {
        format: FORMAT,
        version: VERSION,
        survey: &session.survey,
        responses: &session.responses,
        workshop: Workshop { steps, answers },
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

fn number(value: f64) -> String {
    // Whole numbers without ".0"; others as written by Rust (a point, which spreadsheets
    // in French read with the separator `;`... as text: keep it exact).
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        value.to_string()
    }
}

/// One step's answers as CSV (UTF-8 with BOM, `separator`), one row per participant:
/// the participant's number, the answer, and whether it was hidden. `None` for a Duplo
/// step (its export is the survey's) or an unknown one.
pub fn step_csv(
    steps: &[Step],
    index: usize,
    inputs: &Inputs,
    state: &LiveState,
    separator: char,
    lang: Lang,
) -> Option<String> {
    let step = steps.get(index)?;
    let mut out = String::from('\u{feff}');
    let mut header = vec![tr(lang, "csv-participant")];
    match step {
        Step::Duplo => return None,
        Step::Guess(_) | Step::Vote(_) | Step::Words(_) => header.push(tr(lang, "step-csv-answer")),
        Step::Mayor(m) => {
            header.push(tr(lang, "step-csv-group"));
            header.extend(m.base.postes.iter().map(|(p, ..)| {
                tr_args(
                    lang,
                    "step-csv-tokens",
                    &[("poste", tr(lang, &p.key()).as_str().into())],
                )
            }));
            header.push(tr(lang, "step-csv-impots"));
            header.push(tr(lang, "step-csv-imprevu"));
            header.push(tr(lang, "step-csv-rules"));
        }
        Step::Debate(_) => {
            header.push(tr(lang, "step-csv-before"));
            header.push(tr(lang, "step-csv-after"));
        }
    }
    header.push(tr(lang, "step-csv-hidden"));
    csv::write_record(&mut out, &header, separator);
    let empty = Default::default();
    for (participant, input) in inputs.get(&index).unwrap_or(&empty) {
        let mut row = vec![participant.to_string()];
        match (step, input) {
            (_, Input::Guess { value }) => row.push(number(*value)),
            (Step::Vote(v), Input::Vote { choice }) => {
                row.push(v.choices.get(*choice).cloned().unwrap_or_default())
            }
            (_, Input::Words { text }) => row.push(text.clone()),
            (Step::Mayor(m), Input::Mayor { group, choices }) => {
                row.push(group.clone());
                let outcome = m.base.evaluate(choices);
                row.extend(outcome.jetons.iter().map(|(_, t)| t.to_string()));
                row.push(outcome.impot.to_string());
                row.push(choices.imprevu.map(|c| tr(lang, &c.key())).unwrap_or_default());
                row.push(
                    outcome
                        .problems
                        .iter()
                        .map(|p| p.message(lang))
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
            (_, Input::Debate { before, after }) => {
                for stance in [before, after] {
                    row.push(
                        stance
                            .map(|s| tr(lang, &format!("debate-stance-{}", s.code())))
                            .unwrap_or_default(),
                    );
                }
            }
            _ => continue,
        }
        let hidden = state.hidden.contains(&(index, *participant));
        row.push(tr(lang, if hidden { "step-csv-yes" } else { "step-csv-no" }));
        csv::write_record(&mut out, &row, separator);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::live::steps::Words;
    use crate::survey::io;

    #[test]
    fn the_workshop_file_is_a_duplo_file_and_step_csvs_are_neutralised() {
        let survey = Survey::default_for(Lang::Fr, None);
        let mut session = Session::new(survey.clone());
        session
            .add_response(BTreeMap::from([("genre".to_owned(), "femme".to_owned())]))
            .unwrap();
        let steps = vec![
            Step::Duplo,
            Step::Words(Words {
                question: "Un mot ?".into(),
            }),
        ];
        let mut inputs = Inputs::new();
        let by = inputs.entry(1).or_default();
        by.insert(
            1,
            Input::Words {
                text: "=HYPERLINK(\"x\")".into(),
            },
        );
        by.insert(
            2,
            Input::Words {
                text: "confiance".into(),
            },
        );
        let mut state = LiveState::opening(&survey);
        state.hidden.insert((1, 1));
        let json = workshop_json(&session, &steps, &inputs, &state);
        let back = io::from_json(&json).expect("the Duplo page reads it");
        assert_eq!(back, session);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["workshop"]["answers"][0]["hidden"], true);
        assert!(value["workshop"]["answers"][1].get("hidden").is_none());
        let csv = step_csv(&steps, 1, &inputs, &state, ';', Lang::Fr).unwrap();
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "Participant;Réponse;Masquée");
        assert_eq!(lines[1], "1;\"'=HYPERLINK(\"\"x\"\")\";oui");
        assert_eq!(lines[2], "2;confiance;non");
        assert_eq!(step_csv(&steps, 0, &inputs, &state, ';', Lang::Fr), None);
        assert_eq!(step_csv(&steps, 5, &inputs, &state, ';', Lang::Fr), None);
    }
}
