//! Generalise and suppress: what a facilitator does to protect the room, and what it
//! costs. A [`Plan`] (read from a small JSON file) merges choices of a question into one
//! wider choice, drops questions, and removes the people still unique on the
//! quasi-identifiers; [`apply`] returns a new [`Session`] (the original is never
//! altered) and the [`Loss`].
//!
//! ```json
//! { "merge": [{ "question": "genre", "choices": ["homme", "autre"], "label": "Homme ou autre" }],
//!   "drop": ["commune"],
//!   "remove_unique": true }
//! ```
//!
//! Questions and choices are named by id or by label (case and surrounding spaces
//! ignored), so a plan for a CSV names its columns and values as written. The steps run
//! in this order: merges, drops, then removal of the people alone in their combination of
//! the quasi-identifiers left. Removing people alone never makes anyone else alone (a
//! group of one goes whole), so one pass leaves k ≥ 2, or nobody.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::analysis::equivalence_classes;
use super::{Choice, ParticipantId, Question, Response, Session, Survey, MAX_LABEL};
use crate::i18n::{display_from_message, format_percent, tr, tr_args, Lang};

/// Most names a plan may hold (each merge's question and choices, each dropped question):
/// more than a workshop's survey could use, so a file cannot make the checks run long.
pub const MAX_STEPS: usize = 1000;

/// Choices of one question merged into one new choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// The question, by id or label.
    pub question: String,
    /// At least two of its choices, by id or label; the new choice takes the place and
    /// the colour of the first in the survey's order.
    pub choices: Vec<String>,
    /// The new choice's label.
    pub label: String,
}

/// A generalisation and suppression plan (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Choices merged, question by question.
    #[serde(default)]
    pub merge: Vec<Merge>,
    /// Questions dropped, by id or label.
    #[serde(default)]
    pub drop: Vec<String>,
    /// Whether to remove the people still alone in their combination afterwards.
    #[serde(default)]
    pub remove_unique: bool,
}

/// Where in a plan a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The n-th dropped question (1-based).
    Drop(usize),
    /// The n-th merge (1-based).
    Merge(usize),
}

impl Place {
    fn text(self, lang: Lang) -> String {
        match self {
            Place::Merge(n) => tr_args(lang, "plan-place-merge", &[("n", n.into())]),
            Place::Drop(n) => tr_args(lang, "plan-place-drop", &[("n", n.into())]),
        }
    }
}

/// Something wrong with a plan, or with a plan for this session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    /// The file is not JSON, or not a plan.
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde said.
        detail: String,
    },
    /// More than [`MAX_STEPS`] names.
    TooLarge {
        /// How many.
        count: usize,
    },
    /// A question named that the session does not have.
    UnknownQuestion {
        /// Where.
        place: Place,
        /// The name given.
        name: String,
    },
    /// A choice named that its question does not have.
    UnknownChoice {
        /// Where.
        place: Place,
        /// The question's label.
        question: String,
        /// The name given.
        name: String,
    },
    /// A merge of fewer than two choices.
    TooFewChoices {
        /// Where.
        place: Place,
    },
    /// A choice already merged by this or an earlier merge.
    ChoiceTwice {
        /// Where.
        place: Place,
        /// The question's label.
        question: String,
        /// The choice's label.
        choice: String,
    },
    /// A merge without a label.
    EmptyLabel {
        /// Where.
        place: Place,
    },
    /// A label longer than [`MAX_LABEL`].
    LabelTooLong {
        /// Where.
        place: Place,
    },
    /// The new label is another choice's, kept beside it.
    LabelTaken {
        /// Where.
        place: Place,
        /// The question's label.
        question: String,
        /// The label.
        label: String,
    },
    /// The merges would leave the question a single choice.
    WholeQuestion {
        /// Where.
        place: Place,
        /// The question's label.
        question: String,
    },
    /// A merge on a question the plan also drops.
    MergedAndDropped {
        /// Where.
        place: Place,
        /// The question's label.
        question: String,
    },
    /// Every question would go.
    DropsEverything,
}

impl PlanError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let at = |place: &Place| place.text(lang);
        match self {
            PlanError::Json { line, column, detail } => tr_args(
                lang,
                "plan-error-json",
                &[
                    ("line", (*line).into()),
                    ("column", (*column).into()),
                    ("detail", detail.into()),
                ],
            ),
            PlanError::TooLarge { count } => tr_args(
                lang,
                "plan-error-too-large",
                &[("count", (*count).into()), ("max", MAX_STEPS.into())],
            ),
            PlanError::UnknownQuestion { place, name } => tr_args(
                lang,
                "plan-error-unknown-question",
                &[("place", at(place).as_str().into()), ("name", name.into())],
            ),
            PlanError::UnknownChoice {
                place,
                question,
                name,
            } => tr_args(
                lang,
                "plan-error-unknown-choice",
                &[
                    ("place", at(place).as_str().into()),
                    ("question", question.into()),
                    ("name", name.into()),
                ],
            ),
            PlanError::TooFewChoices { place } => tr_args(
                lang,
                "plan-error-too-few-choices",
                &[("place", at(place).as_str().into())],
            ),
            PlanError::ChoiceTwice {
                place,
                question,
                choice,
            } => tr_args(
                lang,
                "plan-error-choice-twice",
                &[
                    ("place", at(place).as_str().into()),
                    ("question", question.into()),
                    ("choice", choice.into()),
                ],
            ),
            PlanError::EmptyLabel { place } => tr_args(
                lang,
                "plan-error-empty-label",
                &[("place", at(place).as_str().into())],
            ),
            PlanError::LabelTooLong { place } => tr_args(
                lang,
                "plan-error-label-too-long",
                &[("place", at(place).as_str().into()), ("max", MAX_LABEL.into())],
            ),
            PlanError::LabelTaken {
                place,
                question,
                label,
            } => tr_args(
                lang,
                "plan-error-label-taken",
                &[
                    ("place", at(place).as_str().into()),
                    ("question", question.into()),
                    ("label", label.into()),
                ],
            ),
            PlanError::WholeQuestion { place, question } => tr_args(
                lang,
                "plan-error-whole-question",
                &[
                    ("place", at(place).as_str().into()),
                    ("question", question.into()),
                ],
            ),
            PlanError::MergedAndDropped { place, question } => tr_args(
                lang,
                "plan-error-merged-and-dropped",
                &[
                    ("place", at(place).as_str().into()),
                    ("question", question.into()),
                ],
            ),
            PlanError::DropsEverything => tr(lang, "plan-error-drops-everything"),
        }
    }
}

display_from_message!(PlanError);

/// The question named `name`: its id, or its label (case and surrounding spaces ignored).
pub fn find_question<'a>(survey: &'a Survey, name: &str) -> Option<(usize, &'a Question)> {
    let wanted = name.trim().to_lowercase();
    survey
        .questions
        .iter()
        .enumerate()
        .find(|(_, q)| q.id == name)
        .or_else(|| {
            survey
                .questions
                .iter()
                .enumerate()
                .find(|(_, q)| q.id.to_lowercase() == wanted || q.label.trim().to_lowercase() == wanted)
        })
}

fn find_choice(question: &Question, name: &str) -> Option<usize> {
    let wanted = name.trim().to_lowercase();
    question.choice_index(name).or_else(|| {
        question
            .choices
            .iter()
            .position(|c| c.id.to_lowercase() == wanted || c.label.trim().to_lowercase() == wanted)
    })
}

/// A merge once its names are resolved.
struct Resolved {
    question: usize,
    /// Choice indexes, in the survey's order.
    choices: Vec<usize>,
    label: String,
}

impl Plan {
    /// Reads a plan from its JSON text.
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        serde_json::from_str(crate::csv::strip_bom(text)).map_err(|e| PlanError::Json {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })
    }

    /// Every problem of this plan for `session`; none means [`apply`] will succeed.
    pub fn check(&self, session: &Session) -> Vec<PlanError> {
        self.resolve(&session.survey).err().unwrap_or_default()
    }

    fn resolve(&self, survey: &Survey) -> Result<(Vec<Resolved>, BTreeSet<usize>), Vec<PlanError>> {
        let steps = self.drop.len() + self.merge.iter().map(|m| 1 + m.choices.len()).sum::<usize>();
        if steps > MAX_STEPS {
            return Err(vec![PlanError::TooLarge { count: steps }]);
        }
        // Each problem with its place, so that they can be listed in the file's order.
        let mut problems: Vec<(Option<Place>, PlanError)> = Vec::new();
        let mut dropped = BTreeSet::new();
        for (i, name) in self.drop.iter().enumerate() {
            let place = Place::Drop(i + 1);
            match find_question(survey, name) {
                Some((q, _)) => {
                    dropped.insert(q);
                }
                None => problems.push((
                    Some(place),
                    PlanError::UnknownQuestion {
                        place,
                        name: name.clone(),
                    },
                )),
            }
        }
        if !survey.questions.is_empty() && dropped.len() == survey.questions.len() {
            problems.push((None, PlanError::DropsEverything));
        }
        // First pass: each merge on its own; choices merged per question, valid or not.
        let mut merged: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        let mut resolved: Vec<(Place, bool, Resolved)> = Vec::new();
        for (i, merge) in self.merge.iter().enumerate() {
            let place = Place::Merge(i + 1);
            let Some((qi, question)) = find_question(survey, &merge.question) else {
                let name = merge.question.clone();
                problems.push((Some(place), PlanError::UnknownQuestion { place, name }));
                continue;
            };
            let before = problems.len();
            let mut problem = |p: PlanError| problems.push((Some(place), p));
            if dropped.contains(&qi) {
                problem(PlanError::MergedAndDropped {
                    place,
                    question: question.label.clone(),
                });
            }
            let label = merge.label.trim();
            if label.is_empty() {
                problem(PlanError::EmptyLabel { place });
            } else if label.chars().count() > MAX_LABEL {
                problem(PlanError::LabelTooLong { place });
            }
            let taken = merged.entry(qi).or_default();
            let mut choices = Vec::new();
            for name in &merge.choices {
                match find_choice(question, name) {
                    None => problem(PlanError::UnknownChoice {
                        place,
                        question: question.label.clone(),
                        name: name.clone(),
                    }),
                    Some(c) if !taken.insert(c) => problem(PlanError::ChoiceTwice {
                        place,
                        question: question.label.clone(),
                        choice: question.choices[c].label.clone(),
                    }),
                    Some(c) => choices.push(c),
                }
            }
            if merge.choices.len() < 2 {
                problem(PlanError::TooFewChoices { place });
            }
            choices.sort_unstable();
            let ok = problems.len() == before;
            let label = label.to_owned();
            resolved.push((
                place,
                ok,
                Resolved {
                    question: qi,
                    choices,
                    label,
                },
            ));
        }
        // Second pass, on what each question keeps once every merge is done.
        for (qi, taken) in &merged {
            let question = &survey.questions[*qi];
            let here: Vec<&(Place, bool, Resolved)> =
                resolved.iter().filter(|m| m.2.question == *qi).collect();
            if question.choices.len() - taken.len() + here.len() < 2 {
                if let Some((place, _, _)) = here.last() {
                    let question = question.label.clone();
                    problems.push((
                        Some(*place),
                        PlanError::WholeQuestion {
                            place: *place,
                            question,
                        },
                    ));
                }
            }
            for (n, (place, _, merge)) in here.iter().enumerate() {
                let same = |other: &str| other.trim().eq_ignore_ascii_case(&merge.label);
                let kept = question
                    .choices
                    .iter()
                    .enumerate()
                    .any(|(c, choice)| !taken.contains(&c) && same(&choice.label));
                let earlier = here[..n].iter().any(|m| same(&m.2.label));
                if !merge.label.is_empty() && (kept || earlier) {
                    problems.push((
                        Some(*place),
                        PlanError::LabelTaken {
                            place: *place,
                            question: question.label.clone(),
                            label: merge.label.clone(),
                        },
                    ));
                }
            }
        }
        if problems.is_empty() {
            let merges = resolved.into_iter().filter(|m| m.1).map(|m| m.2).collect();
            Ok((merges, dropped))
        } else {
            crate::sorting::sort_by_key(&mut problems, |(place, _)| *place);
            Err(problems.into_iter().map(|(_, p)| p).collect())
        }
    }
}

/// What a plan cost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Loss {
    /// Answers in the original session.
    pub answers: usize,
    /// Answers of the people kept that now say a merged choice.
    pub merged: usize,
    /// Answers gone: those to a dropped question, and every answer of a removed person.
    pub suppressed: usize,
    /// The people removed, by participant number.
    pub removed: Vec<ParticipantId>,
}

impl Loss {
    /// The information-loss figure: the share of the original answers that no longer say
    /// what they said (merged or suppressed), 0 when there was no answer.
    pub fn information_loss(&self) -> f64 {
        if self.answers == 0 {
            0.0
        } else {
            (self.merged + self.suppressed) as f64 / self.answers as f64
        }
    }

    /// The counts in one line: merged, suppressed, people removed.
    pub fn summary(&self, lang: Lang) -> String {
        tr_args(
            lang,
            "survey-loss-summary",
            &[
                ("merged", self.merged.into()),
                ("suppressed", self.suppressed.into()),
                ("removed", self.removed.len().into()),
            ],
        )
    }

    /// The figure, as a sentence.
    pub fn figure(&self, lang: Lang) -> String {
        tr_args(
            lang,
            "survey-loss-figure",
            &[
                (
                    "share",
                    format_percent(lang, self.information_loss(), 0).as_str().into(),
                ),
                ("answers", self.answers.into()),
            ],
        )
    }

    /// What the figure means, in one sentence.
    pub fn explanation(lang: Lang) -> String {
        tr(lang, "survey-loss-explain")
    }
}

/// A plan applied: the new session, the quasi-identifiers it still has, what was lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generalised {
    /// The new session.
    pub session: Session,
    /// The quasi-identifiers given to [`apply`], less those dropped.
    pub quasi: Vec<String>,
    /// What was lost.
    pub loss: Loss,
}

/// Applies `plan` to a copy of `session`; `quasi` (question ids) says on which questions
/// people are "still unique". Every problem of the plan is returned, none applied.
pub fn apply(session: &Session, plan: &Plan, quasi: &[String]) -> Result<Generalised, Vec<PlanError>> {
    let (merges, dropped) = plan.resolve(&session.survey)?;
    let survey = &session.survey;

    // The new survey, and for each question kept the old choice id → new id of merged ones.
    let mut recode: BTreeMap<&str, BTreeMap<&str, String>> = BTreeMap::new();
    let mut questions = Vec::with_capacity(survey.questions.len());
    for (qi, question) in survey.questions.iter().enumerate() {
        if dropped.contains(&qi) {
            continue;
        }
        let here: Vec<&Resolved> = merges.iter().filter(|m| m.question == qi).collect();
        let in_merge = |c: usize| here.iter().position(|m| m.choices.contains(&c));
        let kept_ids: Vec<&str> = (0..question.choices.len())
            .filter(|c| in_merge(*c).is_none())
            .map(|c| question.choices[c].id.as_str())
            .collect();
        let mut new_ids: Vec<String> = kept_ids.iter().map(|id| (*id).to_owned()).collect();
        let mut choices = Vec::with_capacity(question.choices.len());
        // The id of the choice each merge of this question makes.
        let mut merge_ids = vec![String::new(); here.len()];
        for (c, choice) in question.choices.iter().enumerate() {
            let Some(m) = in_merge(c) else {
                choices.push(choice.clone());
                continue;
            };
            if here[m].choices[0] == c {
                let id = Survey::fresh_id(&here[m].label, new_ids.iter().map(String::as_str));
                new_ids.push(id.clone());
                merge_ids[m] = id.clone();
                choices.push(Choice {
                    id,
                    label: here[m].label.clone(),
                    colour: choice.colour,
                });
            }
        }
        let map = recode.entry(question.id.as_str()).or_default();
        for (merge, new_id) in here.iter().zip(&merge_ids) {
            for &c in &merge.choices {
                map.insert(question.choices[c].id.as_str(), new_id.clone());
            }
        }
        questions.push(Question {
            choices,
            ..question.clone()
        });
    }
    let new_survey = Survey {
        title: survey.title.clone(),
        questions,
    };

    let mut loss = Loss::default();
    // Per response: (answers, merged, dropped), counted before removal is decided.
    let mut counts = Vec::with_capacity(session.responses.len());
    let mut responses = Vec::with_capacity(session.responses.len());
    for response in &session.responses {
        let (mut merged, mut suppressed) = (0, 0);
        let mut answers = BTreeMap::new();
        for (question, choice) in &response.answers {
            match recode.get(question.as_str()) {
                None => suppressed += 1,
                Some(map) => match map.get(choice.as_str()) {
                    Some(new_id) => {
                        merged += 1;
                        answers.insert(question.clone(), new_id.clone());
                    }
                    None => {
                        answers.insert(question.clone(), choice.clone());
                    }
                },
            }
        }
        counts.push((response.answers.len(), merged, suppressed));
        responses.push(Response {
            participant: response.participant,
            answers,
        });
    }
    let mut new_session = Session {
        survey: new_survey,
        responses,
    };
    let quasi: Vec<String> = quasi
        .iter()
        .filter(|id| new_session.survey.question(id).is_some())
        .cloned()
        .collect();
    if plan.remove_unique {
        // `quasi` holds only questions of the new survey, so this cannot fail.
        let classes = equivalence_classes(&new_session, &quasi).unwrap_or_default();
        loss.removed = classes
            .iter()
            .filter(|c| c.participants.len() == 1)
            .flat_map(|c| c.participants.iter().copied())
            .collect();
        crate::sorting::sort(&mut loss.removed);
    }
    for (response, (answers, merged, suppressed)) in new_session.responses.iter().zip(counts) {
        loss.answers += answers;
        if loss.removed.binary_search(&response.participant).is_ok() {
            loss.suppressed += answers;
        } else {
            loss.merged += merged;
            loss.suppressed += suppressed;
        }
    }
    let removed = &loss.removed;
    new_session
        .responses
        .retain(|r| removed.binary_search(&r.participant).is_err());
    Ok(Generalised {
        session: new_session,
        quasi,
        loss,
    })
}

#[cfg(test)]
mod tests;
