//! State of the live pages, pure: requests, event streams and storage happen in
//! `pages/live.rs`, which dispatches what they bring.
//!
//! - [`DirectState`]: `/direct`, the join code being typed and starting a session.
//! - [`ProjectorState`]: the facilitator's screen: the secret, the join addresses, the
//!   live session for the Duplo views.
//!
//! Views and replies arrive as text and are read here into `briques_core::live` types:
//! a malformed one becomes a [`Problem`] on screen, never a panic. Reducers return the
//! same `Rc` when an action changes nothing, so nothing re-renders.

use std::rc::Rc;

use briques_core::live::{FacilitatorView, Inputs, LiveState, SessionParts, Step, StepResults};
use briques_core::survey::Session;
use serde::de::DeserializeOwned;
use yew::Reducible;

use crate::services::storage::SaveError;
use crate::state::duplo::ViewOptions;

/// What went wrong, kept as data; the page words it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The text typed on `/direct` cannot be a join code.
    BadCode,
    /// The server could not be reached (the browser's words).
    Unreachable { detail: String },
    /// The server refused: its status and its message, already in the user's language
    /// (requests carry `Accept-Language`).
    Refused { status: u16, message: String },
    /// A reply or an event that is not what this app expects (the parser's words).
    BadReply { detail: String },
}

/// Reads a reply or an event as `T`; a malformed one is a [`Problem::BadReply`].
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    serde_json::from_str(text).map_err(|error| Problem::BadReply {
        detail: error.to_string(),
    })
}

/// `/direct`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DirectState {
    /// The join code as typed.
    pub code: String,
    /// A session is being created: the start button waits.
    pub busy: bool,
    /// Why joining or starting failed.
    pub problem: Option<Problem>,
}

/// What `/direct` can do.
#[derive(Clone, Debug, PartialEq)]
pub enum DirectAction {
    /// The join code field changed.
    TypeCode { code: String },
    /// A session is being created.
    Start,
    /// Joining or starting failed.
    Fail { problem: Problem },
}

impl Reducible for DirectState {
    type Action = DirectAction;

    fn reduce(self: Rc<Self>, action: DirectAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            DirectAction::TypeCode { code } => {
                if code == self.code {
                    return self;
                }
                next.code = code;
            }
            DirectAction::Start => {
                if self.busy {
                    return self;
                }
                next.busy = true;
            }
            DirectAction::Fail { problem } => {
                next.busy = false;
                next.problem = Some(problem);
            }
        }
        Rc::new(next)
    }
}

/// The live session as the projector shows it: the facilitator's view, with the
/// session shared by `Rc` with the Duplo components (no copy per render).
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// Join code.
    pub code: String,
    /// Survey and responses.
    pub session: Rc<Session>,
    /// What participants may do now.
    pub state: LiveState,
    /// Participants who joined (some may not have answered yet).
    pub joined: usize,
    /// The workshop's steps (answer keys included).
    pub steps: Rc<Vec<Step>>,
    /// Answers to the steps other than Duplo.
    pub inputs: Rc<Inputs>,
    /// Increases with every change.
    pub revision: u64,
}

impl From<FacilitatorView> for Projection {
    fn from(view: FacilitatorView) -> Projection {
        Projection {
            code: view.code,
            session: Rc::new(view.session),
            state: view.state,
            joined: view.joined,
            steps: Rc::new(briques_core::live::steps_or_duplo(view.steps)),
            inputs: Rc::new(view.inputs),
            revision: view.revision,
        }
    }
}

impl Projection {
    /// The current step (`None` only for a step index the session does not have).
    pub fn step(&self) -> Option<&Step> {
        self.steps.get(self.state.step)
    }

    /// The current step's results as the facilitator sees them (the answer key only
    /// once revealed, as on the phones).
    pub fn step_results(&self) -> Option<StepResults> {
        SessionParts {
            code: &self.code,
            session: &self.session,
            state: &self.state,
            steps: &self.steps,
            inputs: &self.inputs,
        }
        .step_results(self.state.step, self.state.revealed)
    }
}

/// The facilitator's secret could not be kept on this device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecretNotSaved {
    /// Why.
    pub error: SaveError,
    /// The page's address still holds the secret (`#cle=…`), so keeping the address
    /// keeps the secret; otherwise the facilitator typed it and must keep it.
    pub in_address: bool,
}

/// The facilitator's screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectorState {
    /// The session's secret; `None` asks for it.
    pub secret: Option<String>,
    /// The secret as typed in the form.
    pub typed: String,
    /// The secret could not be saved on this device.
    pub secret_not_saved: Option<SecretNotSaved>,
    /// Participant address on each of the server's network addresses.
    pub join_urls: Vec<String>,
    /// The live session (`None` until the first view arrives).
    pub live: Option<Projection>,
    /// What the Duplo views show.
    pub view: ViewOptions,
    /// Why the last request failed.
    pub problem: Option<Problem>,
}

/// What happens on the facilitator's screen.
#[derive(Clone, Debug, PartialEq)]
pub enum ProjectorAction {
    /// The secret field changed.
    TypeSecret { text: String },
    /// Use the typed secret (ignored while blank).
    SubmitSecret,
    /// The secret could not be saved on this device.
    SecretNotSaved { not_saved: SecretNotSaved },
    /// The server confirmed the secret and gave the join addresses.
    Addresses { join_urls: Vec<String> },
    /// A view arrived on the facilitator's event stream, as sent.
    View { text: Rc<str> },
    /// A control or a deletion went through.
    Done,
    /// A request failed; a refused secret (401) is asked for again.
    Fail { problem: Problem },
    /// Change what the Duplo views show.
    SetView { view: ViewOptions },
}

impl ProjectorState {
    /// A screen that knows `secret` (from the address or this device), or asks for it.
    pub fn new(secret: Option<String>) -> ProjectorState {
        ProjectorState {
            secret,
            ..ProjectorState::default()
        }
    }

    /// Applies an action; `None` when nothing changed.
    fn apply(&self, action: ProjectorAction) -> Option<ProjectorState> {
        let mut next = self.clone();
        match action {
            ProjectorAction::TypeSecret { text } => {
                if text == self.typed {
                    return None;
                }
                next.typed = text;
            }
            ProjectorAction::SubmitSecret => {
                let secret = self.typed.trim();
                if secret.is_empty() {
                    return None;
                }
                next.secret = Some(secret.to_owned());
                // The page saves the new secret and says again if that fails.
                next.secret_not_saved = None;
            }
            ProjectorAction::SecretNotSaved { not_saved } => {
                if self.secret_not_saved == Some(not_saved) {
                    return None;
                }
                next.secret_not_saved = Some(not_saved);
            }
            ProjectorAction::Addresses { join_urls } => {
                if join_urls == self.join_urls && self.problem.is_none() {
                    return None;
                }
                next.join_urls = join_urls;
                next.problem = None;
            }
            ProjectorAction::View { text } => match read::<FacilitatorView>(&text) {
                Ok(view) => {
                    // A revision names one state of the session: nothing new to draw.
                    if self
                        .live
                        .as_ref()
                        .is_some_and(|live| live.code == view.code && live.revision == view.revision)
                    {
                        return None;
                    }
                    next.live = Some(Projection::from(view));
                }
                Err(problem) => next.problem = Some(problem),
            },
            ProjectorAction::Done => {
                self.problem.as_ref()?;
                next.problem = None;
            }
            ProjectorAction::Fail { problem } => {
                if matches!(problem, Problem::Refused { status: 401, .. }) {
                    // A wrong secret: ask for it again. What the last view showed stays
                    // ready for when the right one is typed.
                    next.secret = None;
                    next.secret_not_saved = None;
                }
                next.problem = Some(problem);
            }
            ProjectorAction::SetView { view } => {
                if view == self.view {
                    return None;
                }
                next.view = view;
            }
        }
        Some(next)
    }
}

impl Reducible for ProjectorState {
    type Action = ProjectorAction;

    fn reduce(self: Rc<Self>, action: ProjectorAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use briques_core::i18n::Lang;
    use briques_core::live::Joined;
    use briques_core::survey::Survey;

    use super::*;

    fn survey() -> Survey {
        Survey::default_for(Lang::Fr, None)
    }

    fn facilitator_event(revision: u64, joined: usize) -> Rc<str> {
        let survey = survey();
        let view = FacilitatorView {
            code: "ACDEFG".into(),
            session: Session::new(survey.clone()),
            state: LiveState::opening(&survey),
            joined,
            mask_k: 3,
            steps: vec![briques_core::live::Step::Duplo],
            inputs: Default::default(),
            revision,
        };
        Rc::from(serde_json::to_string(&view).expect("a view serialises"))
    }

    #[test]
    fn replies_are_read_into_core_types_and_anything_else_is_a_problem() {
        let joined: Joined = read(r#"{"participant":1,"token":"abc"}"#).expect("the documented join reply");
        assert_eq!(joined.participant, 1);
        let refused = read::<Joined>(r#"{"error":"Session verrouillée"}"#);
        assert!(matches!(refused, Err(Problem::BadReply { .. })), "{refused:?}");
        assert!(matches!(read::<Joined>(""), Err(Problem::BadReply { .. })));
    }

    #[test]
    fn direct_page_types_starts_once_and_fails_back_to_idle() {
        let state = Rc::new(DirectState::default()).reduce(DirectAction::TypeCode { code: "k7q".into() });
        let same = state
            .clone()
            .reduce(DirectAction::TypeCode { code: "k7q".into() });
        assert!(Rc::ptr_eq(&state, &same));
        let busy = state.reduce(DirectAction::Start);
        assert!(busy.busy);
        assert!(Rc::ptr_eq(&busy, &busy.clone().reduce(DirectAction::Start)));
        let failed = busy.reduce(DirectAction::Fail {
            problem: Problem::BadCode,
        });
        assert!(!failed.busy, "the start button can be pressed again");
        assert_eq!(failed.problem, Some(Problem::BadCode));
        assert_eq!(failed.code, "k7q", "what was typed stays");
    }

    #[test]
    fn the_projector_draws_each_revision_once() {
        let state = Rc::new(ProjectorState::new(Some("s".into()))).reduce(ProjectorAction::View {
            text: facilitator_event(1, 0),
        });
        let live = state.live.as_ref().expect("the view was read");
        assert_eq!((live.code.as_str(), live.revision), ("ACDEFG", 1));
        let same = state.clone().reduce(ProjectorAction::View {
            text: facilitator_event(1, 0),
        });
        assert!(Rc::ptr_eq(&state, &same));
        let next = state.reduce(ProjectorAction::View {
            text: facilitator_event(2, 1),
        });
        assert_eq!(next.live.as_ref().map(|l| l.joined), Some(1));
        let broken = next
            .clone()
            .reduce(ProjectorAction::View { text: Rc::from("[]") });
        assert!(matches!(broken.problem, Some(Problem::BadReply { .. })));
        assert_eq!(broken.live, next.live);
    }

    #[test]
    fn a_refused_secret_is_asked_for_again() {
        let state = Rc::new(ProjectorState::new(Some("wrong".into())))
            .reduce(ProjectorAction::SecretNotSaved {
                not_saved: SecretNotSaved {
                    error: SaveError::Full,
                    in_address: true,
                },
            })
            .reduce(ProjectorAction::View {
                text: facilitator_event(1, 0),
            })
            .reduce(ProjectorAction::Fail {
                problem: Problem::Refused {
                    status: 401,
                    message: "Action réservée à l'animateur".into(),
                },
            });
        assert_eq!(state.secret, None);
        assert_eq!(
            state.secret_not_saved, None,
            "the warning was about the wrong secret"
        );
        assert!(state.live.is_some(), "kept for when the right secret is typed");
        let blank = state
            .clone()
            .reduce(ProjectorAction::TypeSecret { text: "  ".into() });
        assert!(Rc::ptr_eq(
            &blank,
            &blank.clone().reduce(ProjectorAction::SubmitSecret)
        ));
        let state = blank
            .reduce(ProjectorAction::TypeSecret {
                text: " right ".into(),
            })
            .reduce(ProjectorAction::SubmitSecret);
        assert_eq!(state.secret.as_deref(), Some("right"));
        let state = state.reduce(ProjectorAction::Addresses {
            join_urls: vec!["http://127.0.0.1:8080/live/ACDEFG".into()],
        });
        assert_eq!(state.problem, None);
        assert_eq!(state.join_urls.len(), 1);
    }

    #[test]
    fn other_refusals_keep_the_secret_and_success_clears_them() {
        let state = Rc::new(ProjectorState::new(Some("s".into())));
        assert!(Rc::ptr_eq(&state, &state.clone().reduce(ProjectorAction::Done)));
        let refused = state.reduce(ProjectorAction::Fail {
            problem: Problem::Refused {
                status: 410,
                message: "Cette session est terminée".into(),
            },
        });
        assert_eq!(refused.secret.as_deref(), Some("s"));
        let done = refused.reduce(ProjectorAction::Done);
        assert_eq!(done.problem, None);
        let view = ViewOptions {
            mask_k: 5,
            ..ViewOptions::default()
        };
        let changed = done
            .clone()
            .reduce(ProjectorAction::SetView { view: view.clone() });
        assert_eq!(changed.view.mask_k, 5);
        assert!(Rc::ptr_eq(
            &changed,
            &changed.clone().reduce(ProjectorAction::SetView { view })
        ));
    }
}
