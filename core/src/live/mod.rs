//! Live sessions: participants answer a Duplo survey from their phones while the
//! projector updates. This module holds the rules and the messages; the server keeps
//! the sessions and the app shows them. Answers are stored in the same
//! [`Session`](crate::survey::Session) as on a single device, so every analysis of
//! [`crate::survey::analysis`] applies unchanged.
//!
//! Architecture invariant: what participants receive ([`PublicView`]) holds
//! aggregates only — never anybody's row — and cross-tab cells under the session's
//! threshold are masked.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub mod export;
pub mod plans;
pub mod steps;

pub use steps::{Input, Step, StepResults};

use crate::survey::analysis::{self, CrossTab, Tally};
use crate::survey::{ParticipantId, Session, Survey};

/// Characters of join codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, so a code read aloud or
/// from a projector is typed right.
pub const CODE_ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";
/// Length of join codes: 25^6 ≈ 244 million codes.
pub const CODE_LENGTH: usize = 6;

/// Normalises a code typed by someone: upper case, spaces and dashes removed.
/// `None` when it cannot be a join code.
pub fn normalise_code(text: &str) -> Option<String> {
    let code: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == CODE_LENGTH && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

/// Builds a join code from random bytes (one byte per character, rejection-free bias is
/// negligible for this use: 256 = 10 × 25 + 6).
pub fn code_from_bytes(bytes: &[u8; CODE_LENGTH]) -> String {
    bytes
        .iter()
        .map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char)
        .collect()
}

/// What the facilitator controls.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveState {
    /// Questions participants may answer (or change) now.
    pub open: BTreeSet<String>,
    /// Participants see the aggregated results.
    pub revealed: bool,
    /// No new participant may join.
    pub locked: bool,
    /// The session is over: nothing changes any more; exports still work.
    pub ended: bool,
    /// The step the room is on (index in the session's steps).
    #[serde(default)]
    pub step: usize,
    /// What the projected screen shows.
    #[serde(default)]
    pub screen: Screen,
    /// Steps whose answers are closed (a Duplo step's questions close one by one).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub closed_steps: BTreeSet<usize>,
    /// Answers the facilitator hid (step, participant): left out of the results, kept
    /// and marked in the export. Never sent to phones.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub hidden: BTreeSet<(usize, ParticipantId)>,
    /// Débat mouvant steps in their « après » phase (the others are « avant »).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub after_phase: BTreeSet<usize>,
}

/// What the projected screen shows, one thing at a time, full size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Screen {
    /// How to join: the code and a QR code readable from the back of the room.
    #[default]
    Join,
    /// The current step's live view (a Duplo step: the answers question by question).
    Step,
    /// Duplo: the towers of bricks.
    Towers,
    /// Duplo: the cross-tab.
    Crosstab,
    /// Duplo: "Qui est unique ?".
    Unique,
}

impl Screen {
    /// Every screen, in the presenter's order.
    pub const ALL: [Screen; 5] = [
        Screen::Join,
        Screen::Step,
        Screen::Towers,
        Screen::Crosstab,
        Screen::Unique,
    ];

    /// The screens a step can show (the Duplo views only on a Duplo step).
    pub fn fits(self, step: Option<&Step>) -> bool {
        match self {
            Screen::Join | Screen::Step => true,
            _ => matches!(step, Some(Step::Duplo)),
        }
    }
}

/// Every input of a session: step → participant → input.
pub type Inputs = BTreeMap<usize, BTreeMap<ParticipantId, Input>>;

impl LiveState {
    /// A new session: every question open, results hidden.
    pub fn opening(survey: &Survey) -> LiveState {
        LiveState {
            open: survey.questions.iter().map(|q| q.id.clone()).collect(),
            ..LiveState::default()
        }
    }
}

/// A facilitator action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum Control {
    /// Let participants answer this question.
    Open {
        /// Question id.
        question: String,
    },
    /// Stop answers to this question.
    Close {
        /// Question id.
        question: String,
    },
    /// Show the aggregated results on participants' screens.
    Reveal,
    /// Hide them again.
    Hide,
    /// Refuse new participants.
    Lock,
    /// Accept new participants again.
    Unlock,
    /// End the session for good.
    End,
    /// Move the room to this step (its results are hidden again until revealed).
    GoTo {
        /// Index in the session's steps.
        step: usize,
    },
    /// Let phones answer this step again.
    OpenStep {
        /// Index in the session's steps.
        step: usize,
    },
    /// Stop answers to this step (a group can no longer resubmit).
    CloseStep {
        /// Index in the session's steps.
        step: usize,
    },
    /// Hide a participant's answer to a step (moderation): left out of the results.
    HideAnswer {
        /// Index in the session's steps.
        step: usize,
        /// The participant's number.
        participant: ParticipantId,
    },
    /// Show a hidden answer again.
    ShowAnswer {
        /// Index in the session's steps.
        step: usize,
        /// The participant's number.
        participant: ParticipantId,
    },
    /// Choose what the projected screen shows.
    Show {
        /// The screen.
        screen: Screen,
    },
    /// Move a débat mouvant step to a phase (its results are hidden again until
    /// revealed).
    Phase {
        /// Index in the session's steps.
        step: usize,
        /// The phase phones answer now.
        phase: steps::Phase,
    },
}

/// Why a live action is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The session has ended.
    Ended,
    /// The session is locked to newcomers.
    Locked,
    /// The survey has no such question.
    UnknownQuestion,
    /// The question has no such choice.
    UnknownChoice,
    /// The question is closed.
    Closed,
    /// The session has no such step.
    UnknownStep,
    /// The answer does not fit the step (wrong kind, out of bounds, too long).
    InvalidInput,
}

impl LiveState {
    /// Applies a control; `Err` when it names an unknown question or step, or the
    /// session ended. `steps` is the number of the session's steps.
    pub fn apply(&mut self, control: &Control, survey: &Survey, steps: usize) -> Result<(), Refusal> {
        if self.ended {
            return Err(Refusal::Ended);
        }
        match control {
            Control::GoTo { step }
            | Control::OpenStep { step }
            | Control::CloseStep { step }
            | Control::HideAnswer { step, .. }
            | Control::ShowAnswer { step, .. }
            | Control::Phase { step, .. }
                if *step >= steps =>
            {
                return Err(Refusal::UnknownStep)
            }
            Control::GoTo { step } => {
                if self.step != *step {
                    self.step = *step;
                    self.revealed = false;
                    // The new step's view (a Duplo view does not fit another step).
                    if self.screen != Screen::Join {
                        self.screen = Screen::Step;
                    }
                }
            }
            Control::Show { screen } => self.screen = *screen,
            Control::OpenStep { step } => {
                self.closed_steps.remove(step);
            }
            Control::CloseStep { step } => {
                self.closed_steps.insert(*step);
            }
            Control::HideAnswer { step, participant } => {
                self.hidden.insert((*step, *participant));
            }
            Control::ShowAnswer { step, participant } => {
                self.hidden.remove(&(*step, *participant));
            }
            Control::Phase { step, phase } => {
                let changed = match phase {
                    steps::Phase::Before => self.after_phase.remove(step),
                    steps::Phase::After => self.after_phase.insert(*step),
                };
                if changed && self.step == *step {
                    self.revealed = false;
                }
            }
            Control::Open { question } | Control::Close { question } => {
                if survey.question(question).is_none() {
                    return Err(Refusal::UnknownQuestion);
                }
                if matches!(control, Control::Open { .. }) {
                    self.open.insert(question.clone());
                } else {
                    self.open.remove(question);
                }
            }
            Control::Reveal => self.revealed = true,
            Control::Hide => self.revealed = false,
            Control::Lock => self.locked = true,
            Control::Unlock => self.locked = false,
            Control::End => {
                self.ended = true;
                self.open.clear();
            }
        }
        Ok(())
    }

    /// Checks that an answer (or clearing it, with `choice = None`) is allowed now.
    pub fn check_answer(&self, survey: &Survey, question: &str, choice: Option<&str>) -> Result<(), Refusal> {
        if self.ended {
            return Err(Refusal::Ended);
        }
        let q = survey.question(question).ok_or(Refusal::UnknownQuestion)?;
        if let Some(choice) = choice {
            q.choice_index(choice).ok_or(Refusal::UnknownChoice)?;
        }
        if !self.open.contains(question) {
            return Err(Refusal::Closed);
        }
        Ok(())
    }

    /// Checks an answer to a step other than Duplo: the session goes on, the step is
    /// the current one and open, and the input fits it. Returns the input normalised.
    pub fn check_input(&self, steps: &[Step], step: usize, input: Input) -> Result<Input, Refusal> {
        if self.ended {
            return Err(Refusal::Ended);
        }
        let definition = steps.get(step).ok_or(Refusal::UnknownStep)?;
        if step != self.step || self.closed_steps.contains(&step) {
            return Err(Refusal::Closed);
        }
        let input = definition.accept(input).map_err(|_| Refusal::InvalidInput)?;
        // A débat mouvant takes the open phase's answer only.
        if steps::debate::answers_phase(&input, self.phase(step)) == Some(false) {
            return Err(Refusal::Closed);
        }
        Ok(input)
    }

    /// The phase of step `step` (« avant » unless moved; meaningful for débats mouvants).
    pub fn phase(&self, step: usize) -> steps::Phase {
        if self.after_phase.contains(&step) {
            steps::Phase::After
        } else {
            steps::Phase::Before
        }
    }
}

/// The steps a session runs: those given at launch, or its survey alone.
pub fn steps_or_duplo(steps: Vec<Step>) -> Vec<Step> {
    if steps.is_empty() {
        vec![Step::Duplo]
    } else {
        steps
    }
}

/// Results participants may see: aggregates, masked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicResults {
    /// Number of participants.
    pub respondents: usize,
    /// One tally per question, in survey order.
    pub tallies: Vec<Tally>,
    /// The cross-tab of the first two quasi-identifiers (or questions), with masked
    /// cells set to `None`.
    pub crosstab: Option<MaskedCrossTab>,
    /// People alone in their combination of all answers.
    pub unique: usize,
    /// Smallest group of identical answers.
    pub k_anonymity: usize,
}

/// A cross-tab whose small cells are hidden.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaskedCrossTab {
    /// Question in rows.
    pub row_question: String,
    /// Question in columns.
    pub col_question: String,
    /// Counts; `None` where masked.
    pub cells: Vec<Vec<Option<usize>>>,
    /// The most people a masked cell can hold, where that may be said: `k - 1` for a
    /// cell masked because fewer than `k` people are in it; `None` for one masked only
    /// so that totals do not give a small neighbour away (secondary suppression: it may
    /// hold any number), and for shown cells. Empty from a server that did not say:
    /// every masked cell is then shown as masked, never as "fewer than k". (The same
    /// type as `cells`, so that reading it adds no code to the app.)
    #[serde(default)]
    pub at_most: Vec<Vec<Option<usize>>>,
    /// The threshold used.
    pub k: usize,
}

/// What one cell of a [`MaskedCrossTab`] shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaskedCell {
    /// The number of people.
    Count(usize),
    /// Fewer than `k` people: "< k".
    Small,
    /// Hidden to protect a small neighbour: it may hold any number.
    Hidden,
}

impl MaskedCrossTab {
    /// Masks `table` with threshold `k` (`k <= 1` masks nothing).
    pub fn new(table: &CrossTab, k: usize) -> MaskedCrossTab {
        let hidden = table.small_cells(k);
        let cells = table
            .counts
            .iter()
            .zip(&hidden)
            .map(|(row, mask)| row.iter().zip(mask).map(|(n, h)| (!h).then_some(*n)).collect())
            .collect();
        let at_most = table
            .counts
            .iter()
            .map(|row| row.iter().map(|&n| (n > 0 && n < k).then(|| k - 1)).collect())
            .collect();
        MaskedCrossTab {
            row_question: table.row_question.clone(),
            col_question: table.col_question.clone(),
            cells,
            at_most,
            k,
        }
    }

    /// What the cell at `row`, `col` shows (`Hidden` outside the table).
    pub fn cell(&self, row: usize, col: usize) -> MaskedCell {
        match self.cells.get(row).and_then(|line| line.get(col)) {
            Some(Some(n)) => MaskedCell::Count(*n),
            _ if matches!(
                self.at_most.get(row).and_then(|line| line.get(col)),
                Some(Some(_))
            ) =>
            {
                MaskedCell::Small
            }
            _ => MaskedCell::Hidden,
        }
    }
}

/// What every participant's screen receives: the survey, what is open, and the
/// results when revealed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicView {
    /// Join code.
    pub code: String,
    /// Title and questions (labels, choices, colours).
    pub survey: Survey,
    /// What the facilitator allows now.
    pub state: LiveState,
    /// Aggregated results, only when revealed (so, until then, this view does not
    /// change as people answer, and phones receive nothing new).
    pub results: Option<PublicResults>,
    /// The workshop's steps as phones may see them (the current step's answer key once
    /// revealed, no other). A view without steps is a Duplo session.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    /// The current step's results, when revealed and the step is not Duplo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_results: Option<StepResults>,
    /// Increases with every change.
    pub revision: u64,
}

/// Everything a session holds, borrowed, to build views from.
#[derive(Clone, Copy)]
pub struct SessionParts<'a> {
    /// Join code.
    pub code: &'a str,
    /// Survey and its responses.
    pub session: &'a Session,
    /// What the facilitator allows.
    pub state: &'a LiveState,
    /// The workshop's steps.
    pub steps: &'a [Step],
    /// Answers to the steps other than Duplo.
    pub inputs: &'a Inputs,
}

impl SessionParts<'_> {
    /// The results of step `index` (`None` for Duplo or an unknown step), with the
    /// answer key when `revealed`.
    pub fn step_results(&self, index: usize, revealed: bool) -> Option<StepResults> {
        let empty = BTreeMap::new();
        let hidden: BTreeSet<ParticipantId> = self
            .state
            .hidden
            .iter()
            .filter(|(s, _)| *s == index)
            .map(|(_, p)| *p)
            .collect();
        steps::results(
            self.steps.get(index)?,
            steps::StepInputs {
                inputs: self.inputs.get(&index).unwrap_or(&empty),
                hidden: &hidden,
            },
            revealed,
        )
    }

    /// The participants' view. Small cells are masked with `k`.
    pub fn public_view(&self, k: usize, revision: u64) -> PublicView {
        let mut view = public_view(self.code, self.session, self.state, k, revision);
        let current = self.state.step;
        let revealed = self.state.revealed;
        view.state.hidden.clear();
        // What the projector shows is no news for a phone.
        view.state.screen = Screen::default();
        view.steps = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| s.public(revealed && i == current))
            .collect();
        view.step_results = if revealed {
            self.step_results(current, true)
        } else {
            None
        };
        if !matches!(self.steps.get(current), None | Some(Step::Duplo)) {
            view.results = None;
        }
        view
    }
}

/// Builds the participants' view of a Duplo session. Small cells are masked with `k`.
pub fn public_view(code: &str, session: &Session, state: &LiveState, k: usize, revision: u64) -> PublicView {
    let results = state.revealed.then(|| {
        let all: Vec<String> = session.survey.questions.iter().map(|q| q.id.clone()).collect();
        let uniqueness = analysis::uniqueness(session, &all).ok();
        let pair = default_cross_pair(&session.survey);
        PublicResults {
            respondents: session.responses.len(),
            tallies: analysis::tallies(session),
            crosstab: pair
                .and_then(|(a, b)| analysis::crosstab(session, &a, &b).ok())
                .map(|table| MaskedCrossTab::new(&table, k)),
            unique: uniqueness.as_ref().map_or(0, |u| u.unique),
            k_anonymity: uniqueness.as_ref().map_or(0, |u| u.k_anonymity),
        }
    });
    PublicView {
        code: code.to_owned(),
        survey: session.survey.clone(),
        state: state.clone(),
        results,
        steps: Vec::new(),
        step_results: None,
        revision,
    }
}

/// The first two quasi-identifiers, or the first two questions.
pub fn default_cross_pair(survey: &Survey) -> Option<(String, String)> {
    let quasi = survey.quasi_identifiers();
    let ids: Vec<String> = if quasi.len() >= 2 {
        quasi
    } else {
        survey.questions.iter().map(|q| q.id.clone()).collect()
    };
    Some((ids.first()?.clone(), ids.get(1)?.clone()))
}

/// What the facilitator's projector receives: the whole session (the facilitator may
/// see rows, to remove one), the state and the participants' count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacilitatorView {
    /// Join code.
    pub code: String,
    /// Survey and responses (one row per participant who answered anything).
    pub session: Session,
    /// What participants may do now.
    pub state: LiveState,
    /// Participants who joined (some may not have answered yet).
    pub joined: usize,
    /// Masking threshold on participants' screens.
    pub mask_k: usize,
    /// The workshop's steps, answer keys included.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Every answer to the steps other than Duplo (hidden ones included: `state.hidden`
    /// says which).
    #[serde(default)]
    pub inputs: Inputs,
    /// Increases with every change.
    pub revision: u64,
}

/// A participant's own answers, for their phone after a reload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    /// Their number in the session.
    pub participant: ParticipantId,
    /// question id → choice id.
    pub answers: BTreeMap<String, String>,
    /// Their answers to the other steps: step → input.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inputs: BTreeMap<usize, Input>,
}

// Wire bodies of the live API (`docs/api-live.md`): the server reads and writes them,
// the app writes and reads them; neither spells the JSON by hand. Field order follows
// the documented shapes.

/// Body of a request that creates a session: `{"survey": Survey, "mask_k": 3}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreateSession {
    /// The survey to run.
    pub survey: Survey,
    /// Masking threshold for participants' screens (default 3); left out when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mask_k: Option<usize>,
    /// The workshop's steps; none means the survey alone (one Duplo step).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

/// What the server answers when a session is created.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Created {
    /// Join code.
    pub code: String,
    /// The facilitator's secret: never shown to participants.
    pub secret: String,
    /// Participant address on each of the machine's network addresses.
    pub join_urls: Vec<String>,
}

/// Body of a join request: `{}` for a newcomer, `{"token": "…"}` for a phone coming
/// back with the token it saved (an empty body counts as `{}`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinBody {
    /// The token this phone received when it first joined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

/// What the server answers to a join: `{"participant": n, "token": "…"}`. A known
/// token gets its own number back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Joined {
    /// The participant's number in the session (shown on their phone).
    pub participant: ParticipantId,
    /// Proves the participant's identity (`X-Briques-Participant`); the phone keeps it.
    pub token: String,
}

/// Body of an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerBody {
    /// Question id.
    pub question: String,
    /// Choice id; `null` clears the answer.
    pub choice: Option<String>,
}

/// Body of an answer to a step other than Duplo: `{"step": 2, "input": Input}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InputBody {
    /// Index of the step.
    pub step: usize,
    /// The answer.
    pub input: Input,
}

/// Acknowledgement of an answer or a control: once received, the change is on disk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ack {
    /// The session revision that includes this change.
    pub revision: u64,
}

/// What the facilitator's `GET …/facilitator` answers: the projector's view and the
/// participant addresses (for the QR codes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacilitatorReply {
    /// Participant address on each of the machine's network addresses.
    pub join_urls: Vec<String>,
    /// The whole session, as the facilitator's event stream sends it.
    pub view: FacilitatorView,
}

/// What removing a participant's answers answers: whether there were any.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// `false` when that participant had no answers (nothing changed).
    pub removed: bool,
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::i18n::Lang;

    /// Serialises `value` to exactly `documented` (the shape in `docs/api-live.md`) and
    /// reads `documented` back to `value`.
    fn check<T>(value: T, documented: serde_json::Value)
    where
        T: Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        assert_eq!(serde_json::to_value(&value).unwrap(), documented);
        assert_eq!(serde_json::from_value::<T>(documented).unwrap(), value);
    }

    #[test]
    fn wire_bodies_have_the_documented_shapes() {
        use serde_json::json;
        let survey = Survey::default_for(Lang::Fr, None);
        check(
            CreateSession {
                survey: survey.clone(),
                mask_k: None,
                steps: vec![],
            },
            json!({ "survey": survey }),
        );
        check(
            CreateSession {
                survey: survey.clone(),
                mask_k: Some(3),
                steps: vec![],
            },
            json!({ "survey": survey, "mask_k": 3 }),
        );
        check(
            Created {
                code: "K7QDXA".into(),
                secret: "s".into(),
                join_urls: vec!["http://127.0.0.1:8080/live/K7QDXA".into()],
            },
            json!({ "code": "K7QDXA", "secret": "s", "join_urls": ["http://127.0.0.1:8080/live/K7QDXA"] }),
        );
        check(JoinBody::default(), json!({}));
        check(
            JoinBody {
                token: Some("abc".into()),
            },
            json!({ "token": "abc" }),
        );
        // Earlier apps sent `{"token": null}` for a newcomer.
        assert_eq!(
            serde_json::from_str::<JoinBody>(r#"{"token": null}"#).unwrap(),
            JoinBody::default()
        );
        let joined = Joined {
            participant: 4,
            token: "abc".into(),
        };
        // Byte for byte what the server wrote before this type (keys in order).
        assert_eq!(
            serde_json::to_string(&joined).unwrap(),
            json!({ "token": "abc", "participant": 4 }).to_string()
        );
        check(joined, json!({ "token": "abc", "participant": 4 }));
        check(
            Me {
                participant: 4,
                answers: BTreeMap::from([("genre".to_owned(), "femme".to_owned())]),
                inputs: BTreeMap::new(),
            },
            json!({ "participant": 4, "answers": { "genre": "femme" } }),
        );
        check(
            AnswerBody {
                question: "genre".into(),
                choice: Some("femme".into()),
            },
            json!({ "question": "genre", "choice": "femme" }),
        );
        check(
            AnswerBody {
                question: "genre".into(),
                choice: None,
            },
            json!({ "question": "genre", "choice": null }),
        );
        check(Ack { revision: 7 }, json!({ "revision": 7 }));
        check(Removed { removed: true }, json!({ "removed": true }));
        check(
            Control::Open {
                question: "genre".into(),
            },
            json!({ "action": "open", "question": "genre" }),
        );
        check(
            Control::Close {
                question: "genre".into(),
            },
            json!({ "action": "close", "question": "genre" }),
        );
        for (control, action) in [
            (Control::Reveal, "reveal"),
            (Control::Hide, "hide"),
            (Control::Lock, "lock"),
            (Control::Unlock, "unlock"),
            (Control::End, "end"),
        ] {
            check(control, json!({ "action": action }));
        }
        let session = Session::new(survey.clone());
        let view = FacilitatorView {
            code: "K7QDXA".into(),
            session: session.clone(),
            state: LiveState::opening(&survey),
            joined: 0,
            mask_k: 3,
            steps: vec![Step::Duplo],
            inputs: Inputs::new(),
            revision: 1,
        };
        check(
            FacilitatorReply {
                join_urls: vec![],
                view: view.clone(),
            },
            json!({ "join_urls": [], "view": view }),
        );
    }

    #[test]
    fn steps_move_hide_and_reveal_only_the_current_answer_key() {
        use steps::{Guess, Words};
        let survey = Survey::default_for(Lang::Fr, None);
        let guess = Step::Guess(Guess {
            question: "Combien ?".into(),
            unit: "€".into(),
            min: 0.0,
            max: 100.0,
            answer: Some(24.0),
            source: "CA 2023".into(),
        });
        let words = Step::Words(Words {
            question: "Un mot ?".into(),
        });
        let steps = vec![Step::Duplo, guess, words];
        let mut state = LiveState::opening(&survey);
        let input = Input::Guess { value: 30.0 };
        assert_eq!(
            state.check_input(&steps, 1, input.clone()),
            Err(Refusal::Closed),
            "not the current step"
        );
        assert_eq!(
            state.check_input(&steps, 9, input.clone()),
            Err(Refusal::UnknownStep)
        );
        assert_eq!(
            state.apply(&Control::GoTo { step: 3 }, &survey, 3),
            Err(Refusal::UnknownStep)
        );
        state.revealed = true;
        state.apply(&Control::GoTo { step: 1 }, &survey, 3).unwrap();
        assert!(!state.revealed, "a new step starts hidden");
        assert_eq!(state.check_input(&steps, 1, input.clone()), Ok(input.clone()));
        assert_eq!(
            state.check_input(&steps, 1, Input::Vote { choice: 0 }),
            Err(Refusal::InvalidInput)
        );
        state.apply(&Control::CloseStep { step: 1 }, &survey, 3).unwrap();
        assert_eq!(state.check_input(&steps, 1, input.clone()), Err(Refusal::Closed));
        state.apply(&Control::OpenStep { step: 1 }, &survey, 3).unwrap();

        let mut inputs = Inputs::new();
        inputs.entry(1).or_default().insert(4, input);
        inputs.entry(2).or_default().insert(
            4,
            Input::Words {
                text: "secret".into(),
            },
        );
        state
            .apply(
                &Control::HideAnswer {
                    step: 2,
                    participant: 4,
                },
                &survey,
                3,
            )
            .unwrap();
        let session = Session::new(survey.clone());
        let parts = SessionParts {
            code: "ACDEFG",
            session: &session,
            state: &state,
            steps: &steps,
            inputs: &inputs,
        };
        let hidden = serde_json::to_string(&parts.public_view(3, 1)).unwrap();
        assert!(
            !hidden.contains("24.0") && !hidden.contains("CA 2023") && !hidden.contains("\"hidden\""),
            "{hidden}"
        );
        assert!(parts.public_view(3, 1).step_results.is_none());
        let mut revealed = state.clone();
        revealed.revealed = true;
        let parts = SessionParts {
            state: &revealed,
            ..parts
        };
        let view = parts.public_view(3, 2);
        assert!(view.results.is_none(), "no Duplo results on a guess step");
        assert!(matches!(
            view.step_results,
            Some(StepResults::Guess {
                count: 1,
                answer: Some(24.0),
                ..
            })
        ));
        assert!(matches!(&view.steps[1], Step::Guess(g) if g.answer == Some(24.0)));
        assert_eq!(
            parts.step_results(2, true),
            Some(StepResults::Words {
                words: vec![],
                count: 0
            }),
            "the hidden word is left out"
        );
    }

    #[test]
    fn codes_are_unambiguous_and_normalised() {
        let code = code_from_bytes(&[0, 24, 25, 255, 100, 7]);
        assert_eq!(code.len(), CODE_LENGTH);
        assert_eq!(normalise_code(&code.to_lowercase()), Some(code.clone()));
        assert_eq!(normalise_code("ac-d e fg"), Some("ACDEFG".to_owned()));
        assert_eq!(normalise_code("ACDEF0"), None, "0 is not in the alphabet");
        assert_eq!(normalise_code("ACDEF"), None);
        for c in "0O1IL2Z5S8B".chars() {
            assert!(!CODE_ALPHABET.contains(&(c as u8)), "{c}");
        }
    }

    #[test]
    fn controls_and_answers_follow_the_state() {
        let survey = Survey::default_for(Lang::Fr, None);
        let mut state = LiveState::opening(&survey);
        assert_eq!(state.check_answer(&survey, "genre", Some("femme")), Ok(()));
        assert_eq!(
            state.check_answer(&survey, "genre", Some("licorne")),
            Err(Refusal::UnknownChoice)
        );
        assert_eq!(
            state.check_answer(&survey, "age", Some("x")),
            Err(Refusal::UnknownQuestion)
        );
        state
            .apply(
                &Control::Close {
                    question: "genre".into(),
                },
                &survey,
                1,
            )
            .unwrap();
        assert_eq!(state.check_answer(&survey, "genre", None), Err(Refusal::Closed));
        assert_eq!(
            state.apply(
                &Control::Open {
                    question: "nope".into()
                },
                &survey,
                1
            ),
            Err(Refusal::UnknownQuestion)
        );
        state.apply(&Control::End, &survey, 1).unwrap();
        assert_eq!(
            state.check_answer(&survey, "commune", Some("oui")),
            Err(Refusal::Ended)
        );
        assert_eq!(state.apply(&Control::Reveal, &survey, 1), Err(Refusal::Ended));
    }

    #[test]
    fn participants_get_masked_aggregates_only_when_revealed() {
        let survey = Survey::default_for(Lang::Fr, None);
        let mut session = Session::new(survey.clone());
        for (g, t) in [
            ("femme", "oui"),
            ("femme", "oui"),
            ("femme", "oui"),
            ("homme", "non"),
        ] {
            session
                .add_response(BTreeMap::from([
                    ("genre".to_owned(), g.to_owned()),
                    ("commune".to_owned(), t.to_owned()),
                ]))
                .unwrap();
        }
        let mut state = LiveState::opening(&survey);
        let hidden = public_view("ACDEFG", &session, &state, 3, 7);
        assert!(hidden.results.is_none());
        state.revealed = true;
        let view = public_view("ACDEFG", &session, &state, 3, 8);
        let text = serde_json::to_string(&view).unwrap();
        assert!(
            !text.contains("\"responses\""),
            "no rows in the participants' view"
        );
        let results = view.results.unwrap();
        let cross = results.crosstab.unwrap();
        // Homme×Non = 1 is masked, and no row or column is left with a lone masked cell.
        assert_eq!(cross.cells[1][1], None);
        for row in &cross.cells {
            assert_ne!(row.iter().filter(|c| c.is_none()).count(), 1, "{:?}", cross.cells);
        }
        for c in 0..2 {
            assert_ne!(
                cross.cells.iter().filter(|row| row[c].is_none()).count(),
                1,
                "{:?}",
                cross.cells
            );
        }
        assert_eq!(results.unique, 1);
    }

    #[test]
    fn masked_cells_say_whether_they_are_small_or_protect_a_neighbour() {
        // 5 people in Femme × Non are hidden only because Femme × Oui holds 1: they must
        // not read "< 3" beside a row total of 6.
        let table = CrossTab {
            row_question: "genre".into(),
            col_question: "commune".into(),
            counts: vec![vec![1, 5], vec![4, 6]],
            row_totals: vec![6, 10],
            col_totals: vec![5, 11],
            total: 16,
        };
        let masked = MaskedCrossTab::new(&table, 3);
        assert_eq!(masked.cell(0, 0), MaskedCell::Small);
        for (r, c) in [(0, 1), (1, 0)] {
            assert_eq!(masked.cell(r, c), MaskedCell::Hidden, "({r}, {c})");
        }
        assert_eq!(masked.cell(1, 1), MaskedCell::Hidden, "the square closes");
        assert_eq!(masked.cell(9, 9), MaskedCell::Hidden);
        assert_eq!(masked.at_most, [[Some(2), None], [None, None]]);
        let open = MaskedCrossTab::new(&table, 1);
        assert_eq!(open.cell(0, 0), MaskedCell::Count(1));
        // A view from a server that does not send `at_most` shows every masked cell as masked.
        let mut json = serde_json::to_value(&masked).unwrap();
        json.as_object_mut().unwrap().remove("at_most");
        let older: MaskedCrossTab = serde_json::from_value(json).unwrap();
        assert_eq!(older.cell(0, 0), MaskedCell::Hidden);
    }

    #[test]
    fn counts_read_well_in_the_singular_and_the_plural() {
        use crate::i18n::tr_args;
        let joined = |lang, answered: usize, joined: usize| {
            tr_args(
                lang,
                "live-joined",
                &[("answered", answered.into()), ("joined", joined.into())],
            )
        };
        assert_eq!(joined(Lang::Fr, 1, 1), "a répondu, sur 1 connecté");
        assert_eq!(joined(Lang::Fr, 1, 3), "a répondu, sur 3 connectés");
        assert_eq!(joined(Lang::Fr, 2, 3), "ont répondu, sur 3 connectés");
        let answered = |lang, count: usize| {
            tr_args(
                lang,
                "live-answered",
                &[("count", count.into()), ("total", 4usize.into())],
            )
        };
        assert_eq!(
            answered(Lang::Fr, 1),
            "Vous avez répondu à 1 question sur 4. Votre réponse est enregistrée."
        );
        assert_eq!(answered(Lang::En, 0), "You have not answered any question yet.");
        let caption = |lang, total: usize| {
            tr_args(
                lang,
                "duplo-responses-caption-all",
                &[("shown", total.into()), ("total", total.into())],
            )
        };
        assert_eq!(caption(Lang::Fr, 1), "La seule réponse");
        assert_eq!(caption(Lang::En, 2), "The 2 answers, newest first");
    }
}
