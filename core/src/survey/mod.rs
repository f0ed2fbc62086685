//! The Duplo survey: questions answered with coloured bricks, one response row per
//! participant, and a [`Session`] that holds both.
//!
//! - [`Survey`], [`Question`], [`Choice`], [`BrickColour`]: the model, with
//!   [`Survey::default_for`] reproducing the classic workshop.
//! - [`Session`]: the survey plus its responses, with the edits the app needs
//!   (add, replace, delete a response; change the survey without orphan answers).
//! - [`analysis`]: tallies, cross-tabulations, brick towers, re-identification.
//! - [`aloud`]: sentences to read aloud on "Qui est unique ?", about combinations, never a person.
//! - [`disclosure`]: attribute disclosure (ℓ-diversity): groups whose opinion is given away.
//! - [`generalise`]: a plan of merges, dropped questions and removed people, applied to a
//!   copy of a session, with what it cost.
//! - [`io`]: JSON session files and CSV response files.
//!
//! Answers refer to questions and choices by stable ids, so reordering or relabelling
//! never changes what someone answered.

pub mod aloud;
pub mod analysis;
pub mod disclosure;
pub mod generalise;
pub mod io;
pub mod linkage;
pub mod population;
#[cfg(test)]
mod test_support;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::{display_from_message, tr, tr_args, Lang};
use crate::vocabulary::codes;

/// Fewest and most choices a question may have.
pub const MIN_CHOICES: usize = 2;
/// See [`MIN_CHOICES`].
pub const MAX_CHOICES: usize = 8;
/// Most questions a survey may have: far more than a workshop asks, few enough that
/// every analysis and drawing stays bounded whatever a file says.
pub const MAX_QUESTIONS: usize = 30;
/// Most characters of a question's or a choice's label or id.
pub const MAX_LABEL: usize = 200;

/// The brick palette: the Okabe–Ito colours, told apart by people with the common
/// colour-vision deficiencies; every choice also shows its label, never colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum BrickColour {
    /// #E69F00
    Orange,
    /// #56B4E9
    SkyBlue,
    /// #009E73
    BluishGreen,
    /// #F0E442
    Yellow,
    /// #0072B2
    Blue,
    /// #D55E00
    Vermillion,
    /// #CC79A7
    ReddishPurple,
    /// #9E9E9E
    Grey,
}

impl BrickColour {
    /// The palette in order.
    pub const ALL: [BrickColour; 8] = [
        BrickColour::Orange,
        BrickColour::SkyBlue,
        BrickColour::BluishGreen,
        BrickColour::Yellow,
        BrickColour::Blue,
        BrickColour::Vermillion,
        BrickColour::ReddishPurple,
        BrickColour::Grey,
    ];

    /// The CSS hex colour.
    pub fn hex(self) -> &'static str {
        match self {
            BrickColour::Orange => "#E69F00",
            BrickColour::SkyBlue => "#56B4E9",
            BrickColour::BluishGreen => "#009E73",
            BrickColour::Yellow => "#F0E442",
            BrickColour::Blue => "#0072B2",
            BrickColour::Vermillion => "#D55E00",
            BrickColour::ReddishPurple => "#CC79A7",
            BrickColour::Grey => "#9E9E9E",
        }
    }

    /// Whether text drawn on this colour should be white rather than black.
    pub fn wants_light_text(self) -> bool {
        matches!(self, BrickColour::Blue)
    }

    /// The stable name used in files and CSS classes (`sky-blue`, …).
    pub fn name(self) -> &'static str {
        match self {
            BrickColour::Orange => "orange",
            BrickColour::SkyBlue => "sky-blue",
            BrickColour::BluishGreen => "bluish-green",
            BrickColour::Yellow => "yellow",
            BrickColour::Blue => "blue",
            BrickColour::Vermillion => "vermillion",
            BrickColour::ReddishPurple => "reddish-purple",
            BrickColour::Grey => "grey",
        }
    }

    /// The translation key of the colour's name.
    pub fn label_key(self) -> String {
        format!("colour-{}", self.name())
    }
}

/// What a question is for in the lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Role {
    /// A harmless opinion (cheese or dessert?).
    #[default]
    Opinion,
    /// An attribute that, crossed with others, can single someone out (gender, town, age).
    QuasiIdentifier,
}

codes!(Role {
    Opinion => "opinion",
    QuasiIdentifier => "quasi-identifier",
});

/// How a question's choices were made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum QuestionKind {
    /// Free choices written by the facilitator.
    #[default]
    Choice,
    /// Yes / no.
    YesNo,
    /// Age bands.
    AgeBand,
}

codes!(QuestionKind {
    Choice => "choice",
    YesNo => "yes-no",
    AgeBand => "age-band",
});

/// One possible answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Stable id, unique within its question.
    pub id: String,
    /// What people read.
    pub label: String,
    /// The brick's colour.
    pub colour: BrickColour,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id, unique within the survey.
    pub id: String,
    /// What people read.
    pub label: String,
    /// Opinion or quasi-identifier.
    #[serde(default)]
    pub role: Role,
    /// How the choices were made.
    #[serde(default)]
    pub kind: QuestionKind,
    /// The possible answers, in display order.
    pub choices: Vec<Choice>,
}

impl Question {
    /// The index of the choice with this id.
    pub fn choice_index(&self, id: &str) -> Option<usize> {
        self.choices.iter().position(|c| c.id == id)
    }

    /// A new question of `kind` with its preset choices, labelled in `lang`.
    pub fn preset(kind: QuestionKind, id: String, lang: Lang) -> Question {
        let choices: Vec<(&str, &str)> = match kind {
            QuestionKind::Choice => vec![("a", "survey-choice-a"), ("b", "survey-choice-b")],
            QuestionKind::YesNo => vec![("oui", "survey-yes"), ("non", "survey-no")],
            QuestionKind::AgeBand => vec![
                ("moins-de-18", "survey-age-under-18"),
                ("18-29", "survey-age-18-29"),
                ("30-44", "survey-age-30-44"),
                ("45-59", "survey-age-45-59"),
                ("60-74", "survey-age-60-74"),
                ("75-et-plus", "survey-age-75-plus"),
            ],
        };
        let (label_key, role) = match kind {
            QuestionKind::Choice => ("survey-new-question", Role::Opinion),
            QuestionKind::YesNo => ("survey-new-yes-no", Role::Opinion),
            QuestionKind::AgeBand => ("survey-age-question", Role::QuasiIdentifier),
        };
        Question {
            id,
            label: tr(lang, label_key),
            role,
            kind,
            choices: choices
                .into_iter()
                .zip(BrickColour::ALL)
                .map(|((id, key), colour)| Choice {
                    id: id.to_owned(),
                    label: tr(lang, key),
                    colour,
                })
                .collect(),
        }
    }
}

/// A survey: a title and its questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Survey {
    /// Shown above the entry panel.
    pub title: String,
    /// The questions, in the order people answer them.
    pub questions: Vec<Question>,
}

impl Survey {
    /// The classic Duplo survey: *Fromage ou dessert ?*, *Sucré ou salé ?*, *Genre*,
    /// *Habitez-vous {town} ?* — the first two are opinions, the last two
    /// quasi-identifiers. `town` defaults to "la commune" in French.
    pub fn default_for(lang: Lang, town: Option<&str>) -> Survey {
        let town = town.map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
        let town = town.unwrap_or_else(|| tr(lang, "survey-default-town"));
        let choice = |id: &str, key: &str, colour| Choice {
            id: id.to_owned(),
            label: tr(lang, key),
            colour,
        };
        Survey {
            title: tr(lang, "survey-default-title"),
            questions: vec![
                Question {
                    id: "fromage-dessert".to_owned(),
                    label: tr(lang, "survey-q-cheese"),
                    role: Role::Opinion,
                    kind: QuestionKind::Choice,
                    choices: vec![
                        choice("fromage", "survey-cheese", BrickColour::Yellow),
                        choice("dessert", "survey-dessert", BrickColour::ReddishPurple),
                    ],
                },
                Question {
                    id: "sucre-sale".to_owned(),
                    label: tr(lang, "survey-q-sweet"),
                    role: Role::Opinion,
                    kind: QuestionKind::Choice,
                    choices: vec![
                        choice("sucre", "survey-sweet", BrickColour::Orange),
                        choice("sale", "survey-salty", BrickColour::SkyBlue),
                    ],
                },
                Question {
                    id: "genre".to_owned(),
                    label: tr(lang, "survey-q-gender"),
                    role: Role::QuasiIdentifier,
                    kind: QuestionKind::Choice,
                    choices: vec![
                        choice("femme", "survey-woman", BrickColour::Vermillion),
                        choice("homme", "survey-man", BrickColour::Blue),
                        choice("autre", "survey-other-gender", BrickColour::BluishGreen),
                    ],
                },
                Question {
                    id: "commune".to_owned(),
                    label: tr_args(lang, "survey-q-town", &[("town", town.as_str().into())]),
                    role: Role::QuasiIdentifier,
                    kind: QuestionKind::YesNo,
                    choices: vec![
                        choice("oui", "survey-yes", BrickColour::BluishGreen),
                        choice("non", "survey-no", BrickColour::Grey),
                    ],
                },
            ],
        }
    }

    /// Whether this is the default survey, in any language, as [`Survey::default_for`]
    /// makes it without a town name: one the user has not edited.
    pub fn is_default(&self) -> bool {
        Lang::ALL
            .iter()
            .any(|lang| *self == Survey::default_for(*lang, None))
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The index of the question with this id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// Ids of the quasi-identifier questions, in survey order.
    pub fn quasi_identifiers(&self) -> Vec<String> {
        self.questions
            .iter()
            .filter(|q| q.role == Role::QuasiIdentifier)
            .map(|q| q.id.clone())
            .collect()
    }

    /// Every rule a survey edited by hand must respect; all problems, not just the first.
    pub fn validate(&self) -> Vec<SurveyError> {
        let mut problems = Vec::new();
        if self.questions.is_empty() {
            problems.push(SurveyError::NoQuestion);
        }
        if self.questions.len() > MAX_QUESTIONS {
            problems.push(SurveyError::TooManyQuestions {
                count: self.questions.len(),
            });
        }
        let too_long = |text: &str| text.chars().count() > MAX_LABEL;
        let mut seen_questions = std::collections::BTreeSet::new();
        for (qi, question) in self.questions.iter().enumerate() {
            let position = qi + 1;
            let long = std::iter::once((&question.label, &question.id))
                .chain(question.choices.iter().map(|c| (&c.label, &c.id)))
                .find(|(label, id)| too_long(label) || too_long(id));
            if let Some((label, _)) = long {
                problems.push(SurveyError::LabelTooLong {
                    start: crate::i18n::shorten(label, 40),
                });
            }
            if question.label.trim().is_empty() {
                problems.push(SurveyError::EmptyQuestionLabel { position });
            }
            if question.id.trim().is_empty() || !seen_questions.insert(question.id.as_str()) {
                problems.push(SurveyError::DuplicateQuestionId {
                    id: question.id.clone(),
                });
            }
            let n = question.choices.len();
            if !(MIN_CHOICES..=MAX_CHOICES).contains(&n) {
                problems.push(SurveyError::ChoiceCount {
                    question: question.label.clone(),
                    count: n,
                });
            }
            let mut seen_choices = std::collections::BTreeSet::new();
            for choice in &question.choices {
                if choice.label.trim().is_empty() {
                    problems.push(SurveyError::EmptyChoiceLabel {
                        question: question.label.clone(),
                    });
                }
                if choice.id.trim().is_empty() || !seen_choices.insert(choice.id.as_str()) {
                    problems.push(SurveyError::DuplicateChoiceId {
                        question: question.label.clone(),
                        id: choice.id.clone(),
                    });
                }
            }
        }
        problems
    }

    /// A fresh id for a new question or choice: `base`, `base-2`, `base-3`, … not in `taken`.
    pub fn fresh_id<'a>(base: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
        let base = slug(base);
        let base = if base.is_empty() { "q".to_owned() } else { base };
        let mut candidate = base.clone();
        let mut n = 1;
        while taken.clone().any(|t| t == candidate) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        candidate
    }
}

/// Lower-case ASCII letters, digits and dashes, from any label (accents dropped).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = crate::i18n::fold_accent(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(40).collect()
}

/// A participant's number in the session (1, 2, 3, … in order of entry).
pub type ParticipantId = u32;

/// One participant's answers: question id → choice id. A missing question means no
/// answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// The participant's number.
    pub participant: ParticipantId,
    /// Their answers.
    pub answers: BTreeMap<String, String>,
}

/// A survey and its responses: what the facilitator saves, exports and reloads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The survey.
    pub survey: Survey,
    /// One row per participant, in order of entry.
    pub responses: Vec<Response>,
}

impl Session {
    /// A session of `survey` with no response yet.
    pub fn new(survey: Survey) -> Session {
        Session {
            survey,
            responses: Vec::new(),
        }
    }

    /// The default survey in `lang`, when this session still holds the default survey of
    /// another language and no answer yet: the default follows the interface language,
    /// while a survey the user edited, or one that has answers, stays as written.
    pub fn default_survey_in(&self, lang: Lang) -> Option<Survey> {
        if !self.responses.is_empty() || !self.survey.is_default() {
            return None;
        }
        let survey = Survey::default_for(lang, None);
        (survey != self.survey).then_some(survey)
    }

    /// The number the next participant gets.
    pub fn next_participant(&self) -> ParticipantId {
        self.responses.iter().map(|r| r.participant).max().unwrap_or(0) + 1
    }

    /// Checks that an answer set only names questions and choices of the survey.
    pub fn check_answers(&self, answers: &BTreeMap<String, String>) -> Result<(), SurveyError> {
        for (question_id, choice_id) in answers {
            let question = self
                .survey
                .question(question_id)
                .ok_or_else(|| SurveyError::UnknownQuestion {
                    id: question_id.clone(),
                })?;
            if question.choice_index(choice_id).is_none() {
                return Err(SurveyError::UnknownChoice {
                    question: question.label.clone(),
                    choice: choice_id.clone(),
                });
            }
        }
        Ok(())
    }

    /// Adds a participant's answers and returns their number.
    pub fn add_response(&mut self, answers: BTreeMap<String, String>) -> Result<ParticipantId, SurveyError> {
        self.check_answers(&answers)?;
        let participant = self.next_participant();
        self.responses.push(Response { participant, answers });
        Ok(participant)
    }

    /// Replaces the answers of participant `id`.
    pub fn replace_response(
        &mut self,
        id: ParticipantId,
        answers: BTreeMap<String, String>,
    ) -> Result<(), SurveyError> {
        self.check_answers(&answers)?;
        let response = self
            .responses
            .iter_mut()
            .find(|r| r.participant == id)
            .ok_or(SurveyError::UnknownParticipant { participant: id })?;
        response.answers = answers;
        Ok(())
    }

    /// Removes participant `id`; returns whether they existed.
    pub fn delete_response(&mut self, id: ParticipantId) -> bool {
        let before = self.responses.len();
        self.responses.retain(|r| r.participant != id);
        self.responses.len() != before
    }

    /// Replaces the survey. Answers to questions or choices that no longer exist are
    /// dropped; the number of answers dropped is returned so the app can say so.
    pub fn set_survey(&mut self, survey: Survey) -> usize {
        let mut dropped = 0;
        for response in &mut self.responses {
            response.answers.retain(|question_id, choice_id| {
                let keep = survey
                    .question(question_id)
                    .is_some_and(|q| q.choice_index(choice_id).is_some());
                if !keep {
                    dropped += 1;
                }
                keep
            });
        }
        self.survey = survey;
        dropped
    }

    /// How many answers a survey change would drop (see [`Session::set_survey`]).
    pub fn answers_lost_by(&self, survey: &Survey) -> usize {
        self.responses
            .iter()
            .flat_map(|r| r.answers.iter())
            .filter(|(q, c)| survey.question(q).is_none_or(|q| q.choice_index(c).is_none()))
            .count()
    }
}

/// Something wrong with a survey, a response or a session file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SurveyError {
    /// The survey has no question.
    NoQuestion,
    /// More than [`MAX_QUESTIONS`] questions.
    TooManyQuestions {
        /// How many.
        count: usize,
    },
    /// A label or id longer than [`MAX_LABEL`] characters.
    LabelTooLong {
        /// Its start, shortened.
        start: String,
    },
    /// A question has no label.
    EmptyQuestionLabel {
        /// 1-based position.
        position: usize,
    },
    /// Two questions share an id.
    DuplicateQuestionId {
        /// The id.
        id: String,
    },
    /// A question has too few or too many choices.
    ChoiceCount {
        /// Its label.
        question: String,
        /// How many it has.
        count: usize,
    },
    /// A choice has no label.
    EmptyChoiceLabel {
        /// The question's label.
        question: String,
    },
    /// Two choices of one question share an id.
    DuplicateChoiceId {
        /// The question's label.
        question: String,
        /// The id.
        id: String,
    },
    /// An answer names a question the survey does not have.
    UnknownQuestion {
        /// The unknown id.
        id: String,
    },
    /// An answer names a choice its question does not have.
    UnknownChoice {
        /// The question's label.
        question: String,
        /// The unknown choice.
        choice: String,
    },
    /// No participant has this number.
    UnknownParticipant {
        /// The number.
        participant: ParticipantId,
    },
}

impl SurveyError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SurveyError::NoQuestion => tr(lang, "survey-error-no-question"),
            SurveyError::TooManyQuestions { count } => tr_args(
                lang,
                "survey-error-too-many-questions",
                &[("count", (*count).into()), ("max", MAX_QUESTIONS.into())],
            ),
            SurveyError::LabelTooLong { start } => tr_args(
                lang,
                "survey-error-label-too-long",
                &[("start", start.into()), ("max", MAX_LABEL.into())],
            ),
            SurveyError::EmptyQuestionLabel { position } => tr_args(
                lang,
                "survey-error-empty-question",
                &[("position", (*position).into())],
            ),
            SurveyError::DuplicateQuestionId { id } => {
                tr_args(lang, "survey-error-duplicate-question", &[("id", id.into())])
            }
            SurveyError::ChoiceCount { question, count } => tr_args(
                lang,
                "survey-error-choice-count",
                &[("question", question.into()), ("count", (*count).into())],
            ),
            SurveyError::EmptyChoiceLabel { question } => tr_args(
                lang,
                "survey-error-empty-choice",
                &[("question", question.into())],
            ),
            SurveyError::DuplicateChoiceId { question, id } => tr_args(
                lang,
                "survey-error-duplicate-choice",
                &[("question", question.into()), ("id", id.into())],
            ),
            SurveyError::UnknownQuestion { id } => {
                tr_args(lang, "survey-error-unknown-question", &[("id", id.into())])
            }
            SurveyError::UnknownChoice { question, choice } => tr_args(
                lang,
                "survey-error-unknown-choice",
                &[("question", question.into()), ("choice", choice.into())],
            ),
            SurveyError::UnknownParticipant { participant } => tr_args(
                lang,
                "survey-error-unknown-participant",
                &[("participant", (*participant as usize).into())],
            ),
        }
    }
}

display_from_message!(SurveyError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_survey_is_the_classic_one_and_valid() {
        let survey = Survey::default_for(Lang::Fr, Some("Briqueville"));
        let labels: Vec<&str> = survey.questions.iter().map(|q| q.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Fromage ou dessert ?",
                "Sucré ou salé ?",
                "Genre",
                "Habitez-vous Briqueville ?"
            ]
        );
        assert_eq!(survey.quasi_identifiers(), ["genre", "commune"]);
        assert!(survey.validate().is_empty(), "{:?}", survey.validate());
        let default_town = Survey::default_for(Lang::Fr, None);
        assert_eq!(default_town.questions[3].label, "Habitez-vous la commune ?");
        assert_eq!(
            Survey::default_for(Lang::En, None).questions[0].label,
            "Cheese or dessert?"
        );
    }

    #[test]
    fn the_default_survey_follows_the_language_until_edited_or_answered() {
        let french = Session::new(Survey::default_for(Lang::Fr, None));
        let english = french.default_survey_in(Lang::En).expect("relabelled");
        assert_eq!(english.questions[0].label, "Cheese or dessert?");
        assert_eq!(english.title, "Data in Duplo bricks");
        assert_eq!(french.default_survey_in(Lang::Fr), None, "already in French");
        let back = Session::new(english).default_survey_in(Lang::Fr);
        assert_eq!(back, Some(french.survey.clone()));

        let mut edited = french.clone();
        edited.survey.questions[0].label = "Fromage ou fruit ?".into();
        assert_eq!(edited.default_survey_in(Lang::En), None, "an edited survey stays");
        let town = Session::new(Survey::default_for(Lang::Fr, Some("Briqueville")));
        assert_eq!(town.default_survey_in(Lang::En), None, "a named town is an edit");
        let mut answered = french;
        answered
            .add_response(BTreeMap::from([("genre".to_owned(), "femme".to_owned())]))
            .unwrap();
        assert_eq!(
            answered.default_survey_in(Lang::En),
            None,
            "answers keep their survey"
        );
    }

    #[test]
    fn presets_are_valid_and_within_the_palette() {
        for kind in [QuestionKind::Choice, QuestionKind::YesNo, QuestionKind::AgeBand] {
            let survey = Survey {
                title: "t".into(),
                questions: vec![Question::preset(kind, "q".into(), Lang::Fr)],
            };
            assert!(survey.validate().is_empty(), "{kind:?}: {:?}", survey.validate());
        }
    }

    #[test]
    fn validation_lists_every_problem() {
        let mut survey = Survey::default_for(Lang::Fr, None);
        survey.questions[0].choices.truncate(1);
        survey.questions[1].id = "fromage-dessert".into();
        survey.questions[2].choices[0].label = " ".into();
        let problems = survey.validate();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(
            problems[0].message(Lang::Fr),
            "la question « Fromage ou dessert ? » a 1 choix ; il en faut entre 2 et 8"
        );
    }

    #[test]
    fn answers_must_name_existing_questions_and_choices() {
        let mut session = Session::new(Survey::default_for(Lang::Fr, None));
        let ok = BTreeMap::from([("genre".to_owned(), "femme".to_owned())]);
        assert_eq!(session.add_response(ok.clone()), Ok(1));
        assert_eq!(session.add_response(ok), Ok(2));
        let bad = BTreeMap::from([("genre".to_owned(), "licorne".to_owned())]);
        assert!(matches!(
            session.add_response(bad),
            Err(SurveyError::UnknownChoice { .. })
        ));
        assert!(session.delete_response(1));
        assert_eq!(
            session.next_participant(),
            3,
            "numbers are never reused after a deletion of an earlier one"
        );
    }

    #[test]
    fn changing_the_survey_drops_orphan_answers_and_counts_them() {
        let mut session = Session::new(Survey::default_for(Lang::Fr, None));
        let answers = BTreeMap::from([
            ("genre".to_owned(), "autre".to_owned()),
            ("commune".to_owned(), "oui".to_owned()),
        ]);
        session.add_response(answers).unwrap();
        let mut survey = session.survey.clone();
        survey.questions[2].choices.pop();
        survey.questions.remove(3);
        assert_eq!(session.answers_lost_by(&survey), 2);
        assert_eq!(session.set_survey(survey), 2);
        assert!(session.responses[0].answers.is_empty());
    }

    #[test]
    fn fresh_ids_and_slugs() {
        assert_eq!(slug("Âge (tranche) ?"), "age-tranche");
        let taken = ["age", "age-2"];
        assert_eq!(Survey::fresh_id("Âge", taken.iter().copied()), "age-3");
        assert_eq!(Survey::fresh_id("!!!", taken.iter().copied()), "q");
    }
}
