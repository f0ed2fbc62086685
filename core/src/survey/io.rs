//! Session files: the whole session as JSON, the responses as CSV for spreadsheets.
//!
//! - JSON: `{"format": "briques-duplo", "version": 1, "survey": …, "responses": […]}`;
//!   importing checks the survey and every answer, and names the participant at fault.
//! - CSV: UTF-8 with a byte-order mark (so spreadsheets detect the encoding), `;` or `,`,
//!   a `Participant` column then one column per question (its label), one row per
//!   participant with the labels of the choices. Cells that look like formulas are
//!   neutralised (see [`crate::csv`]). Import matches columns and cells by label or id,
//!   case-insensitively; an empty cell is no answer.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{
    slug, BrickColour, Choice, ParticipantId, Question, QuestionKind, Response, Role, Session, Survey,
    SurveyError,
};
use crate::csv;
use crate::i18n::{display_from_message, tr, tr_args, Lang};

/// The `format` field of session files.
pub const FORMAT: &str = "briques-duplo";
/// The version written, and the newest read.
pub const VERSION: u32 = 1;

/// Why a session or response file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is not JSON.
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde said.
        detail: String,
    },
    /// JSON, but not a Briques session.
    NotASession,
    /// A session from a newer Briques.
    NewerVersion {
        /// The file's version.
        version: u32,
    },
    /// The survey in the file breaks a rule.
    Survey(SurveyError),
    /// A response in the file is wrong.
    Response {
        /// Their number.
        participant: ParticipantId,
        /// What is wrong.
        error: SurveyError,
    },
    /// Two responses share a participant number.
    DuplicateParticipant {
        /// The number.
        participant: ParticipantId,
    },
    /// The file is empty.
    Empty,
    /// A CSV column matches no question.
    UnknownColumn {
        /// 1-based column.
        column: usize,
        /// The header text.
        name: String,
    },
    /// Two CSV columns are the same question.
    DuplicateColumn {
        /// 1-based column.
        column: usize,
        /// The header text.
        name: String,
    },
    /// A CSV cell matches no choice of its question.
    UnknownValue {
        /// 1-based line.
        line: usize,
        /// The question's label.
        question: String,
        /// The cell.
        value: String,
        /// The choices, comma-separated.
        expected: String,
    },
    /// A participant number is not a number.
    BadParticipant {
        /// 1-based line.
        line: usize,
        /// The cell.
        value: String,
    },
    /// A CSV column has too many distinct values to be a question.
    TooManyValues {
        /// The header text.
        name: String,
        /// Distinct values.
        count: usize,
    },
    /// A row has more cells than the header.
    RaggedRow {
        /// 1-based line.
        line: usize,
        /// Cells found.
        found: usize,
        /// Header columns.
        expected: usize,
    },
}

impl ImportError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::Json { line, column, detail } => tr_args(
                lang,
                "import-error-json",
                &[
                    ("line", (*line).into()),
                    ("column", (*column).into()),
                    ("detail", detail.into()),
                ],
            ),
            ImportError::NotASession => tr(lang, "import-error-not-session"),
            ImportError::NewerVersion { version } => tr_args(
                lang,
                "import-error-newer",
                &[("version", (*version as usize).into())],
            ),
            ImportError::Survey(error) => tr_args(
                lang,
                "import-error-survey",
                &[("detail", error.message(lang).as_str().into())],
            ),
            ImportError::Response { participant, error } => tr_args(
                lang,
                "import-error-response",
                &[
                    ("participant", (*participant as usize).into()),
                    ("detail", error.message(lang).as_str().into()),
                ],
            ),
            ImportError::DuplicateParticipant { participant } => tr_args(
                lang,
                "import-error-duplicate-participant",
                &[("participant", (*participant as usize).into())],
            ),
            ImportError::Empty => tr(lang, "import-error-empty"),
            ImportError::UnknownColumn { column, name } => tr_args(
                lang,
                "import-error-unknown-column",
                &[("column", (*column).into()), ("name", name.into())],
            ),
            ImportError::DuplicateColumn { column, name } => tr_args(
                lang,
                "import-error-duplicate-column",
                &[("column", (*column).into()), ("name", name.into())],
            ),
            ImportError::UnknownValue {
                line,
                question,
                value,
                expected,
            } => tr_args(
                lang,
                "import-error-unknown-value",
                &[
                    ("line", (*line).into()),
                    ("question", question.into()),
                    ("value", value.into()),
                    ("expected", expected.into()),
                ],
            ),
            ImportError::BadParticipant { line, value } => tr_args(
                lang,
                "import-error-bad-participant",
                &[("line", (*line).into()), ("value", value.into())],
            ),
            ImportError::TooManyValues { name, count } => tr_args(
                lang,
                "import-error-too-many-values",
                &[("name", name.into()), ("count", (*count).into())],
            ),
            ImportError::RaggedRow {
                line,
                found,
                expected,
            } => tr_args(
                lang,
                "import-error-ragged",
                &[
                    ("line", (*line).into()),
                    ("found", (*found).into()),
                    ("expected", (*expected).into()),
                ],
            ),
        }
    }
}

display_from_message!(ImportError);

#[derive(Serialize)]
struct SessionFileOut<'a> {
    format: &'static str,
    version: u32,
    survey: &'a Survey,
    responses: &'a [Response],
}

#[derive(Deserialize)]
struct SessionFileIn {
    format: Option<String>,
    version: Option<u32>,
    survey: Option<Survey>,
    responses: Option<Vec<Response>>,
}

/// The session as a JSON document.
pub fn to_json(session: &Session) -> String {
    let file = SessionFileOut {
        format: FORMAT,
        version: VERSION,
        survey: &session.survey,
        responses: &session.responses,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The session as compact JSON (for storage; same format as [`to_json`]).
pub fn to_json_compact(session: &Session) -> String {
    let file = SessionFileOut {
        format: FORMAT,
        version: VERSION,
        survey: &session.survey,
        responses: &session.responses,
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads a session written by [`to_json`], checking everything in it.
pub fn from_json(text: &str) -> Result<Session, ImportError> {
    let text = csv::strip_bom(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let file: SessionFileIn = serde_json::from_str(text).map_err(|e| ImportError::Json {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    if file.format.as_deref() != Some(FORMAT) {
        return Err(ImportError::NotASession);
    }
    let version = file.version.unwrap_or(VERSION);
    if version > VERSION {
        return Err(ImportError::NewerVersion { version });
    }
    let (Some(survey), Some(responses)) = (file.survey, file.responses) else {
        return Err(ImportError::NotASession);
    };
    if let Some(problem) = survey.validate().into_iter().next() {
        return Err(ImportError::Survey(problem));
    }
    let session = Session { survey, responses };
    let mut seen = BTreeSet::new();
    for response in &session.responses {
        if !seen.insert(response.participant) {
            return Err(ImportError::DuplicateParticipant {
                participant: response.participant,
            });
        }
        session
            .check_answers(&response.answers)
            .map_err(|error| ImportError::Response {
                participant: response.participant,
                error,
            })?;
    }
    Ok(session)
}

/// The responses as CSV (see the module documentation), headed in `lang`.
pub fn to_csv(session: &Session, separator: char, lang: Lang) -> String {
    let mut out = String::from('\u{feff}');
    let mut header = vec![tr(lang, "csv-participant")];
    header.extend(session.survey.questions.iter().map(|q| q.label.clone()));
    csv::write_record(&mut out, &header, separator);
    for response in &session.responses {
        let mut row = vec![response.participant.to_string()];
        for question in &session.survey.questions {
            let label = response
                .answers
                .get(&question.id)
                .and_then(|c| question.choices.iter().find(|choice| &choice.id == c))
                .map(|choice| choice.label.clone())
                .unwrap_or_default();
            row.push(label);
        }
        csv::write_record(&mut out, &row, separator);
    }
    out
}

pub(crate) fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Whether a header names the participant column, in any supported language.
fn is_participant_header(name: &str) -> bool {
    Lang::ALL
        .iter()
        .any(|lang| same(name, &tr(*lang, "csv-participant")))
        || same(name, "participant")
}

/// A CSV table: header and data rows, each row with its line number.
pub(crate) struct Table {
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<(usize, Vec<String>)>,
}

pub(crate) fn read_table(text: &str) -> Result<Table, ImportError> {
    let text = csv::strip_bom(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let separator = csv::detect_separator(text);
    let mut records = csv::read_records(text, separator).into_iter();
    let header_record = records.next().ok_or(ImportError::Empty)?;
    let header: Vec<String> = header_record
        .fields
        .iter()
        .map(|h| csv::unprotect_cell(h).trim().to_owned())
        .collect();
    let mut rows = Vec::new();
    for record in records {
        if record.fields.len() > header.len()
            && record.fields[header.len()..].iter().any(|f| !f.trim().is_empty())
        {
            return Err(ImportError::RaggedRow {
                line: record.line,
                found: record.fields.len(),
                expected: header.len(),
            });
        }
        let mut cells: Vec<String> = record
            .fields
            .iter()
            .map(|f| csv::unprotect_cell(f).trim().to_owned())
            .collect();
        cells.resize(header.len(), String::new());
        rows.push((record.line, cells));
    }
    Ok(Table { header, rows })
}

fn participant_numbers(table: &Table, column: Option<usize>) -> Result<Vec<ParticipantId>, ImportError> {
    let mut numbers = Vec::with_capacity(table.rows.len());
    let mut seen = BTreeSet::new();
    for (i, (line, cells)) in table.rows.iter().enumerate() {
        let number = match column {
            Some(c) if !cells[c].is_empty() => {
                cells[c]
                    .parse::<ParticipantId>()
                    .map_err(|_| ImportError::BadParticipant {
                        line: *line,
                        value: cells[c].clone(),
                    })?
            }
            _ => i as ParticipantId + 1,
        };
        if !seen.insert(number) {
            return Err(ImportError::DuplicateParticipant { participant: number });
        }
        numbers.push(number);
    }
    Ok(numbers)
}

/// Reads responses to `survey` from CSV: columns are matched to questions by label or
/// id; cells to choices by label or id.
pub fn responses_from_csv(survey: &Survey, text: &str) -> Result<Vec<Response>, ImportError> {
    let table = read_table(text)?;
    let mut participant_column = None;
    let mut columns: Vec<(usize, &Question)> = Vec::new();
    for (c, name) in table.header.iter().enumerate() {
        if participant_column.is_none() && is_participant_header(name) {
            participant_column = Some(c);
            continue;
        }
        let question = survey
            .questions
            .iter()
            .find(|q| same(&q.label, name) || same(&q.id, name))
            .ok_or_else(|| ImportError::UnknownColumn {
                column: c + 1,
                name: name.clone(),
            })?;
        if columns.iter().any(|(_, q)| q.id == question.id) {
            return Err(ImportError::DuplicateColumn {
                column: c + 1,
                name: name.clone(),
            });
        }
        columns.push((c, question));
    }
    let numbers = participant_numbers(&table, participant_column)?;
    let mut responses = Vec::with_capacity(table.rows.len());
    for ((line, cells), participant) in table.rows.iter().zip(numbers) {
        let mut answers = BTreeMap::new();
        for (c, question) in &columns {
            let value = &cells[*c];
            if value.is_empty() {
                continue;
            }
            let choice = question
                .choices
                .iter()
                .find(|ch| same(&ch.label, value) || same(&ch.id, value))
                .ok_or_else(|| ImportError::UnknownValue {
                    line: *line,
                    question: question.label.clone(),
                    value: value.clone(),
                    expected: question
                        .choices
                        .iter()
                        .map(|ch| ch.label.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
            answers.insert(question.id.clone(), choice.id.clone());
        }
        responses.push(Response { participant, answers });
    }
    Ok(responses)
}

/// Builds a session from any CSV of answers: each column becomes a question (a
/// quasi-identifier, since the file does not say) whose choices are the column's
/// distinct values in order of appearance. Used by `briques survey stats`.
pub fn session_from_any_csv(text: &str) -> Result<Session, ImportError> {
    let table = read_table(text)?;
    let participant_column = table.header.iter().position(|h| is_participant_header(h));
    let mut questions: Vec<(usize, Question)> = Vec::new();
    for (c, name) in table.header.iter().enumerate() {
        if Some(c) == participant_column {
            continue;
        }
        let mut values: Vec<&str> = Vec::new();
        for (_, cells) in &table.rows {
            let v = cells[c].as_str();
            if !v.is_empty() && !values.contains(&v) {
                values.push(v);
            }
        }
        if values.len() > 254 {
            return Err(ImportError::TooManyValues {
                name: name.clone(),
                count: values.len(),
            });
        }
        let taken: Vec<String> = questions.iter().map(|(_, q)| q.id.clone()).collect();
        let id = Survey::fresh_id(
            if name.is_empty() { "colonne" } else { name },
            taken.iter().map(String::as_str),
        );
        let mut choice_ids: Vec<String> = Vec::new();
        let choices = values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let cid = Survey::fresh_id(&slug(v), choice_ids.iter().map(String::as_str));
                choice_ids.push(cid.clone());
                Choice {
                    id: cid,
                    label: (*v).to_owned(),
                    colour: BrickColour::ALL[i % BrickColour::ALL.len()],
                }
            })
            .collect();
        let label = if name.is_empty() {
            format!("{}", c + 1)
        } else {
            name.clone()
        };
        questions.push((
            c,
            Question {
                id,
                label,
                role: Role::QuasiIdentifier,
                kind: QuestionKind::Choice,
                choices,
            },
        ));
    }
    let numbers = participant_numbers(&table, participant_column)?;
    let responses = table
        .rows
        .iter()
        .zip(numbers)
        .map(|((_, cells), participant)| {
            let answers = questions
                .iter()
                .filter(|(c, _)| !cells[*c].is_empty())
                .filter_map(|(c, q)| {
                    q.choices
                        .iter()
                        .find(|ch| ch.label == cells[*c])
                        .map(|ch| (q.id.clone(), ch.id.clone()))
                })
                .collect();
            Response { participant, answers }
        })
        .collect();
    let survey = Survey {
        title: String::new(),
        questions: questions.into_iter().map(|(_, q)| q).collect(),
    };
    Ok(Session { survey, responses })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn sample() -> Session {
        let mut session = Session::new(Survey::default_for(Lang::Fr, Some("Briqueville")));
        let rows = [
            [("fromage-dessert", "fromage"), ("genre", "femme")],
            [("fromage-dessert", "dessert"), ("commune", "non")],
        ];
        for row in rows {
            session
                .add_response(row.iter().map(|(q, c)| (q.to_string(), c.to_string())).collect())
                .unwrap();
        }
        session
    }

    #[test]
    fn json_round_trip_and_checks() {
        let session = sample();
        let text = to_json(&session);
        assert!(text.contains("\"format\": \"briques-duplo\""));
        assert_eq!(from_json(&text), Ok(session));
        assert!(matches!(
            from_json("{\"a\": 1"),
            Err(ImportError::Json { line: 1, .. })
        ));
        assert_eq!(
            from_json("{\"format\": \"autre\"}"),
            Err(ImportError::NotASession)
        );
        assert_eq!(from_json("   "), Err(ImportError::Empty));
        let newer = text.replace("\"version\": 1", "\"version\": 99");
        assert_eq!(from_json(&newer), Err(ImportError::NewerVersion { version: 99 }));
        let bad = text.replace("\"genre\": \"femme\"", "\"genre\": \"licorne\"");
        let error = from_json(&bad).unwrap_err();
        assert!(
            matches!(error, ImportError::Response { participant: 1, .. }),
            "{error:?}"
        );
        assert_eq!(
            error.message(Lang::Fr),
            "participant n° 1 : « licorne » n'est pas un choix de la question « Genre »"
        );
    }

    #[test]
    fn csv_export_is_spreadsheet_friendly() {
        let mut session = sample();
        session.survey.questions[0].choices[0].label = "=FROMAGE()".into();
        let text = to_csv(&session, ';', Lang::Fr);
        assert!(text.starts_with('\u{feff}'));
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("\u{feff}Participant;Fromage ou dessert ?;Sucré ou salé ?;Genre;Habitez-vous Briqueville ?")
        );
        assert_eq!(lines.next(), Some("1;'=FROMAGE();;Femme;"));
        assert_eq!(lines.next(), Some("2;Dessert;;;Non"));
        let back = responses_from_csv(&session.survey, &text).unwrap();
        assert_eq!(back, session.responses);
    }

    #[test]
    fn csv_import_explains_what_is_wrong_and_where() {
        let survey = Survey::default_for(Lang::Fr, None);
        let error = responses_from_csv(&survey, "Participant,Genre\n1,Femme\n2,Licorne\n").unwrap_err();
        assert_eq!(
            error.message(Lang::Fr),
            "ligne 3, colonne « Genre » : « Licorne » n'est pas un choix possible (Femme, Homme, Autre ou ne se prononce pas)"
        );
        let error = responses_from_csv(&survey, "Genre;Couleur\nFemme;bleu\n").unwrap_err();
        assert_eq!(
            error,
            ImportError::UnknownColumn {
                column: 2,
                name: "Couleur".into()
            }
        );
        let error = responses_from_csv(&survey, "Genre;genre\n").unwrap_err();
        assert!(matches!(error, ImportError::DuplicateColumn { column: 2, .. }));
        let error = responses_from_csv(&survey, "Participant;Genre\nun;Femme\n").unwrap_err();
        assert_eq!(
            error,
            ImportError::BadParticipant {
                line: 2,
                value: "un".into()
            }
        );
        assert_eq!(responses_from_csv(&survey, ""), Err(ImportError::Empty));
        let error = responses_from_csv(&survey, "Participant;Genre\n1;Femme;x\n").unwrap_err();
        assert_eq!(
            error,
            ImportError::RaggedRow {
                line: 2,
                found: 3,
                expected: 2
            }
        );
        // Ids work as well as labels, case does not matter, blanks are no answer.
        let ok = responses_from_csv(&survey, "genre;COMMUNE\nfemme;\n;oui\n").unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[1].participant, 2);
        assert_eq!(ok[1].answers.get("commune").map(String::as_str), Some("oui"));
    }

    #[test]
    fn any_csv_becomes_a_session() {
        let session =
            session_from_any_csv("Âge;Ville;Participant\n30-44;Nantes;7\n;Brest;8\n30-44;Nantes;9\n")
                .unwrap();
        let labels: Vec<&str> = session
            .survey
            .questions
            .iter()
            .map(|q| q.label.as_str())
            .collect();
        assert_eq!(labels, ["Âge", "Ville"]);
        assert_eq!(session.survey.questions[0].id, "age");
        assert_eq!(session.survey.questions[1].choices.len(), 2);
        assert_eq!(
            session
                .responses
                .iter()
                .map(|r| r.participant)
                .collect::<Vec<_>>(),
            vec![7, 8, 9]
        );
        assert!(!session.responses[1].answers.contains_key("age"));
    }

    fn arbitrary_session() -> impl Strategy<Value = Session> {
        let label = "[A-Za-zéè=+@\\- ;,\"']{1,12}";
        let choices = prop::collection::vec(label, 2..5);
        let questions = prop::collection::vec((label, choices), 1..5);
        (
            questions,
            prop::collection::vec(prop::collection::vec(0usize..6, 5), 0..20),
        )
            .prop_map(|(questions, rows)| {
                let mut qs: Vec<Question> = Vec::new();
                for (i, (label, choices)) in questions.into_iter().enumerate() {
                    // Labels must be told apart, as the survey editor requires.
                    let label = format!("{} {i}", label.trim());
                    let choices = choices
                        .into_iter()
                        .enumerate()
                        .map(|(j, l)| Choice {
                            id: format!("c{j}"),
                            label: format!("{} {j}", l.trim()),
                            colour: BrickColour::ALL[j],
                        })
                        .collect();
                    qs.push(Question {
                        id: format!("q{i}"),
                        label,
                        role: Role::Opinion,
                        kind: QuestionKind::Choice,
                        choices,
                    });
                }
                let survey = Survey {
                    title: "t".into(),
                    questions: qs,
                };
                let responses = rows
                    .into_iter()
                    .enumerate()
                    .map(|(i, codes)| Response {
                        participant: i as u32 + 1,
                        answers: survey
                            .questions
                            .iter()
                            .zip(codes)
                            .filter_map(|(q, code)| q.choices.get(code).map(|c| (q.id.clone(), c.id.clone())))
                            .collect(),
                    })
                    .collect();
                Session { survey, responses }
            })
    }

    proptest! {
        #[test]
        fn json_export_then_import_is_lossless(session in arbitrary_session()) {
            prop_assert_eq!(from_json(&to_json(&session)), Ok(session));
        }

        #[test]
        fn csv_export_then_import_is_lossless(session in arbitrary_session(), comma in any::<bool>()) {
            let text = to_csv(&session, if comma { ',' } else { ';' }, Lang::Fr);
            prop_assert_eq!(responses_from_csv(&session.survey, &text), Ok(session.responses.clone()));
        }
    }
}
