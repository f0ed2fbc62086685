//! State of the Duplo page: the session, the participant being entered, what the views
//! show, and an undo history. Pure: persistence happens in the page's effects.
//!
//! Undo keeps inverse operations, not snapshots, so that adding one answer to a session
//! of a thousand never copies the session.

use std::collections::BTreeMap;
use std::rc::Rc;

use briques_core::i18n::Lang;
use briques_core::survey::{ParticipantId, Response, Session, Survey};
use yew::Reducible;

/// How many steps can be undone.
pub const UNDO_DEPTH: usize = 200;

/// What the views show; kept across reloads with the session.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ViewOptions {
    /// Question of the towers and the bars.
    pub towers_question: Option<String>,
    /// Question whose answers colour the tower bricks (the crossing), if any.
    pub colour_by: Option<String>,
    /// Cross-tab rows.
    pub cross_rows: Option<String>,
    /// Cross-tab columns.
    pub cross_cols: Option<String>,
    /// Cells with fewer people than this are masked (1 = no masking).
    pub mask_k: usize,
    /// The facilitator revealed the masked cells on purpose.
    pub reveal: bool,
    /// Questions left out of "Qui est unique ?".
    pub excluded: Vec<String>,
    /// The fast-entry keys work anywhere on the page (outside fields and dialogs), not
    /// only inside the entry panel. Can be turned off: single-key shortcuts may get in
    /// the way of speech input or other assistive technology (WCAG 2.1.4).
    pub page_keys: bool,
}

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions {
            towers_question: None,
            colour_by: None,
            cross_rows: None,
            cross_cols: None,
            mask_k: 3,
            reveal: false,
            excluded: Vec::new(),
            page_keys: true,
        }
    }
}

/// The inverse of a change, for undo.
#[derive(Clone, Debug, PartialEq)]
enum Undo {
    /// A response was added: remove it.
    Added(ParticipantId),
    /// A response was deleted from this position: put it back.
    Deleted(usize, Response),
    /// A response's answers were replaced: restore them.
    Replaced(ParticipantId, BTreeMap<String, String>),
    /// The whole session was replaced (survey edit, import, new session): restore it.
    Session(Rc<Session>),
}

/// A message for the user after an action, shown in a live region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Participant n was recorded.
    Saved(ParticipantId),
    /// Participant n was changed.
    Updated(ParticipantId),
    /// Participant n was deleted.
    Deleted(ParticipantId),
    /// The last change was undone.
    Undone,
    /// Nothing to undo.
    NothingToUndo,
    /// A file was imported: number of responses.
    Imported(usize),
    /// The survey was changed; number of answers dropped.
    SurveyChanged(usize),
    /// A new empty session was started.
    NewSession,
    /// Something went wrong (already translated).
    Error(String),
}

/// The Duplo page state.
#[derive(Clone, Debug, PartialEq)]
pub struct DuploState {
    /// The survey and its responses.
    pub session: Rc<Session>,
    /// Answers of the participant being entered (or edited).
    pub draft: BTreeMap<String, String>,
    /// The participant being edited, or `None` for a new one.
    pub editing: Option<ParticipantId>,
    /// Index of the question that number keys answer.
    pub cursor: usize,
    /// View settings.
    pub view: ViewOptions,
    /// The last notice.
    pub notice: Option<Notice>,
    /// Bumped on every change of the session, so effects can save cheaply.
    pub revision: u64,
    undo: Vec<Undo>,
}

/// Everything the Duplo page can do.
#[derive(Clone, Debug, PartialEq)]
pub enum DuploAction {
    /// Answer the question at `question` with the choice at `choice` (indexes), then move on.
    Answer { question: usize, choice: usize },
    /// Remove the draft's answer to the question at this index.
    ClearAnswer { question: usize },
    /// Leave the question at this index unanswered and move on.
    Skip { question: usize },
    /// Make this question the one number keys answer.
    Focus { question: usize },
    /// Record the draft as a new response (or the edited one) and start the next.
    Commit,
    /// Load a response into the draft to change it.
    Edit { participant: ParticipantId },
    /// Drop the draft and stop editing.
    CancelDraft,
    /// Delete a response.
    Delete { participant: ParticipantId },
    /// Undo the last change of the session.
    Undo,
    /// Replace the survey (answers to removed questions or choices are dropped).
    SetSurvey(Survey),
    /// Replace the whole session (import, or a new session).
    ReplaceSession { session: Session, notice: Notice },
    /// Replace the responses (CSV import into the current survey).
    ReplaceResponses(Vec<Response>),
    /// Change what the views show.
    SetView(ViewOptions),
    /// Show an error message.
    Fail(String),
    /// The interface language is `lang`: an untouched default survey with no answer
    /// yet is relabelled in it (not an edit: nothing to undo).
    FollowLanguage { lang: Lang },
}

/// Where the focus is when a key is pressed on the Duplo page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFocus {
    /// A text field, a select, a textarea, or anything in a dialog: keys are theirs.
    Field,
    /// A button, a link or a summary: Enter and Space activate it.
    Control,
    /// Anything else: the page itself, the entry panel.
    Other,
}

/// A key pressed on the Duplo page, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyPress<'a> {
    /// The key's value (`KeyboardEvent.key`: "1", "Enter", "ArrowDown"…).
    pub key: &'a str,
    /// Ctrl (or Cmd) is held.
    pub command: bool,
    /// Alt is held.
    pub alt: bool,
    /// What has the focus.
    pub focus: KeyFocus,
    /// The focus is inside the entry panel.
    pub in_panel: bool,
}

/// What a key does to the fast entry, if anything: 1–8 answer the question at `cursor`
/// (which has `choices` choices) and move on, 0 skips it, Enter records the participant,
/// Backspace clears, Escape drops the draft, Ctrl+Z undoes; arrows change question
/// inside the panel only (elsewhere they scroll). Enter on a focused button is the
/// button's, and nothing happens in a field or a dialog. Outside the panel, keys act
/// only when `page_keys` is on.
pub fn entry_key(
    press: &KeyPress<'_>,
    cursor: usize,
    choices: usize,
    page_keys: bool,
) -> Option<DuploAction> {
    if press.focus == KeyFocus::Field || press.alt || !(press.in_panel || page_keys) {
        return None;
    }
    if press.command {
        return press.key.eq_ignore_ascii_case("z").then_some(DuploAction::Undo);
    }
    match press.key {
        "Enter" if press.focus == KeyFocus::Other => Some(DuploAction::Commit),
        "Escape" => Some(DuploAction::CancelDraft),
        "Backspace" | "Delete" => Some(DuploAction::ClearAnswer { question: cursor }),
        "ArrowDown" | "ArrowRight" if press.in_panel => Some(DuploAction::Focus { question: cursor + 1 }),
        "ArrowUp" | "ArrowLeft" if press.in_panel => cursor
            .checked_sub(1)
            .map(|question| DuploAction::Focus { question }),
        "0" => Some(DuploAction::Skip { question: cursor }),
        digit => digit
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=choices).contains(n))
            .map(|n| DuploAction::Answer {
                question: cursor,
                choice: n - 1,
            }),
    }
}

impl DuploState {
    /// A state around a session loaded from storage (or a fresh one).
    pub fn new(session: Session, draft: BTreeMap<String, String>, view: ViewOptions) -> DuploState {
        let draft = if session.check_answers(&draft).is_ok() {
            draft
        } else {
            BTreeMap::new()
        };
        DuploState {
            session: Rc::new(session),
            draft,
            editing: None,
            cursor: 0,
            view,
            notice: None,
            revision: 0,
            undo: Vec::new(),
        }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// The participant number the draft will get.
    pub fn draft_participant(&self) -> ParticipantId {
        self.editing.unwrap_or_else(|| self.session.next_participant())
    }

    fn push_undo(&mut self, undo: Undo) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(undo);
        self.revision += 1;
    }

    fn replace_session(&mut self, session: Session) {
        let old = std::mem::replace(&mut self.session, Rc::new(session));
        self.push_undo(Undo::Session(old));
        self.draft.clear();
        self.editing = None;
        self.cursor = 0;
    }

    /// Applies an action; returns `None` when nothing changed.
    fn apply(&self, action: DuploAction) -> Option<DuploState> {
        let mut next = self.clone();
        let questions = self.session.survey.questions.len();
        match action {
            DuploAction::Answer { question, choice } => {
                let q = self.session.survey.questions.get(question)?;
                let c = q.choices.get(choice)?;
                next.draft.insert(q.id.clone(), c.id.clone());
                next.cursor = (question + 1).min(questions.saturating_sub(1));
                next.notice = None;
            }
            DuploAction::ClearAnswer { question } => {
                let q = self.session.survey.questions.get(question)?;
                next.draft.remove(&q.id)?;
                next.cursor = question;
            }
            DuploAction::Skip { question } => {
                let q = self.session.survey.questions.get(question)?;
                next.draft.remove(&q.id);
                next.cursor = (question + 1).min(questions - 1);
                if next.draft == self.draft && next.cursor == self.cursor {
                    return None;
                }
            }
            DuploAction::Focus { question } => {
                if question >= questions || question == self.cursor {
                    return None;
                }
                next.cursor = question;
            }
            DuploAction::Commit => {
                let answers = std::mem::take(&mut next.draft);
                match self.editing {
                    Some(participant) => {
                        let old = self
                            .session
                            .responses
                            .iter()
                            .find(|r| r.participant == participant)?
                            .answers
                            .clone();
                        if let Err(error) =
                            Rc::make_mut(&mut next.session).replace_response(participant, answers)
                        {
                            next.notice = Some(Notice::Error(format!("{error}")));
                            return Some(next);
                        }
                        next.push_undo(Undo::Replaced(participant, old));
                        next.notice = Some(Notice::Updated(participant));
                    }
                    None => {
                        if answers.is_empty() {
                            return None;
                        }
                        match Rc::make_mut(&mut next.session).add_response(answers) {
                            Ok(participant) => {
                                next.push_undo(Undo::Added(participant));
                                next.notice = Some(Notice::Saved(participant));
                            }
                            Err(error) => next.notice = Some(Notice::Error(format!("{error}"))),
                        }
                    }
                }
                next.editing = None;
                next.cursor = 0;
            }
            DuploAction::Edit { participant } => {
                let response = self
                    .session
                    .responses
                    .iter()
                    .find(|r| r.participant == participant)?;
                next.draft = response.answers.clone();
                next.editing = Some(participant);
                next.cursor = 0;
                next.notice = None;
            }
            DuploAction::CancelDraft => {
                if self.draft.is_empty() && self.editing.is_none() {
                    return None;
                }
                next.draft.clear();
                next.editing = None;
                next.cursor = 0;
            }
            DuploAction::Delete { participant } => {
                let index = self
                    .session
                    .responses
                    .iter()
                    .position(|r| r.participant == participant)?;
                let removed = Rc::make_mut(&mut next.session).responses.remove(index);
                next.push_undo(Undo::Deleted(index, removed));
                if self.editing == Some(participant) {
                    next.editing = None;
                    next.draft.clear();
                }
                next.notice = Some(Notice::Deleted(participant));
            }
            DuploAction::Undo => {
                let Some(undo) = next.undo.pop() else {
                    next.notice = Some(Notice::NothingToUndo);
                    return Some(next);
                };
                let session = Rc::make_mut(&mut next.session);
                match undo {
                    Undo::Added(participant) => {
                        session.delete_response(participant);
                    }
                    Undo::Deleted(index, response) => {
                        let index = index.min(session.responses.len());
                        session.responses.insert(index, response);
                    }
                    Undo::Replaced(participant, answers) => {
                        if let Some(r) = session
                            .responses
                            .iter_mut()
                            .find(|r| r.participant == participant)
                        {
                            r.answers = answers;
                        }
                    }
                    Undo::Session(old) => next.session = old,
                }
                next.revision += 1;
                next.editing = None;
                next.draft.clear();
                next.cursor = 0;
                next.notice = Some(Notice::Undone);
            }
            DuploAction::SetSurvey(survey) => {
                let mut session = (*self.session).clone();
                let dropped = session.set_survey(survey);
                next.replace_session(session);
                next.view = next.view.clone().fit(&next.session.survey);
                next.notice = Some(Notice::SurveyChanged(dropped));
            }
            DuploAction::ReplaceSession { session, notice } => {
                next.replace_session(session);
                next.view = next.view.clone().fit(&next.session.survey);
                next.notice = Some(notice);
            }
            DuploAction::ReplaceResponses(responses) => {
                let count = responses.len();
                let session = Session {
                    survey: self.session.survey.clone(),
                    responses,
                };
                next.replace_session(session);
                next.notice = Some(Notice::Imported(count));
            }
            DuploAction::SetView(view) => {
                if view == self.view {
                    return None;
                }
                next.view = view;
            }
            DuploAction::Fail(message) => next.notice = Some(Notice::Error(message)),
            DuploAction::FollowLanguage { lang } => {
                let survey = self.session.default_survey_in(lang)?;
                Rc::make_mut(&mut next.session).survey = survey;
                next.revision += 1;
            }
        }
        Some(next)
    }
}

impl ViewOptions {
    /// Forgets questions that the survey no longer has.
    pub fn fit(mut self, survey: &Survey) -> ViewOptions {
        let keep = |id: &mut Option<String>| {
            if id.as_ref().is_some_and(|id| survey.question(id).is_none()) {
                *id = None;
            }
        };
        keep(&mut self.towers_question);
        keep(&mut self.colour_by);
        keep(&mut self.cross_rows);
        keep(&mut self.cross_cols);
        self.excluded.retain(|id| survey.question(id).is_some());
        self
    }

    /// The towers' question: the chosen one, or the survey's first.
    pub fn towers_question<'a>(&'a self, survey: &'a Survey) -> Option<&'a str> {
        self.towers_question
            .as_deref()
            .or_else(|| survey.questions.first().map(|q| q.id.as_str()))
    }

    /// The cross-tab's questions: the chosen ones, or by default the first two
    /// quasi-identifiers (or the first two questions).
    pub fn cross_questions(&self, survey: &Survey) -> Option<(String, String)> {
        let quasi = survey.quasi_identifiers();
        let fallback: Vec<String> = if quasi.len() >= 2 {
            quasi
        } else {
            survey.questions.iter().map(|q| q.id.clone()).collect()
        };
        let rows = self.cross_rows.clone().or_else(|| fallback.first().cloned())?;
        let cols = self
            .cross_cols
            .clone()
            .or_else(|| fallback.iter().find(|q| **q != rows).cloned())?;
        Some((rows, cols))
    }

    /// The questions combined in "Qui est unique ?", in survey order.
    pub fn unique_questions(&self, survey: &Survey) -> Vec<String> {
        survey
            .questions
            .iter()
            .map(|q| q.id.clone())
            .filter(|id| !self.excluded.contains(id))
            .collect()
    }

    /// The questions combined that are quasi-identifiers (what the protection, the
    /// population estimate and the linkage round work on).
    pub fn quasi_identifiers(&self, survey: &Survey) -> Vec<String> {
        survey
            .questions
            .iter()
            .filter(|q| {
                q.role == briques_core::survey::Role::QuasiIdentifier && !self.excluded.contains(&q.id)
            })
            .map(|q| q.id.clone())
            .collect()
    }
}

impl Reducible for DuploState {
    type Action = DuploAction;

    fn reduce(self: Rc<Self>, action: DuploAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            // Same Rc: Yew skips the re-render.
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use briques_core::i18n::Lang;

    use super::*;

    fn fresh() -> Rc<DuploState> {
        Rc::new(DuploState::new(
            Session::new(Survey::default_for(Lang::Fr, None)),
            BTreeMap::new(),
            ViewOptions::default(),
        ))
    }

    fn answer_all(state: Rc<DuploState>, choices: [usize; 4]) -> Rc<DuploState> {
        let mut state = state;
        for (question, choice) in choices.into_iter().enumerate() {
            state = state.reduce(DuploAction::Answer { question, choice });
        }
        state.reduce(DuploAction::Commit)
    }

    #[test]
    fn one_key_per_answer_then_commit() {
        let state = fresh().reduce(DuploAction::Answer {
            question: 0,
            choice: 1,
        });
        assert_eq!(state.cursor, 1, "the cursor moves to the next question");
        assert_eq!(
            state.draft.get("fromage-dessert").map(String::as_str),
            Some("dessert")
        );
        let state = state.reduce(DuploAction::Commit);
        assert_eq!(state.session.responses.len(), 1);
        assert_eq!(state.notice, Some(Notice::Saved(1)));
        assert!(state.draft.is_empty());
        assert_eq!(state.cursor, 0);
        let same = state.clone().reduce(DuploAction::Commit);
        assert!(Rc::ptr_eq(&state, &same), "an empty draft records nothing");
    }

    #[test]
    fn undo_reverts_add_delete_edit_and_survey_changes() {
        let state = answer_all(fresh(), [0, 0, 0, 0]);
        let state = answer_all(state, [1, 1, 1, 1]);
        assert_eq!(state.session.responses.len(), 2);

        let state = state.reduce(DuploAction::Delete { participant: 1 });
        assert_eq!(state.session.responses.len(), 1);
        let state = state.reduce(DuploAction::Undo);
        assert_eq!(state.session.responses[0].participant, 1, "put back where it was");

        let state = state.reduce(DuploAction::Edit { participant: 2 });
        let state = state.reduce(DuploAction::Answer {
            question: 2,
            choice: 2,
        });
        let state = state.reduce(DuploAction::Commit);
        assert_eq!(state.session.responses[1].answers["genre"], "autre");
        assert_eq!(state.notice, Some(Notice::Updated(2)));
        let state = state.reduce(DuploAction::Undo);
        assert_eq!(state.session.responses[1].answers["genre"], "homme");

        let mut survey = state.session.survey.clone();
        survey.questions.remove(3);
        let state = state.reduce(DuploAction::SetSurvey(survey));
        assert_eq!(state.notice, Some(Notice::SurveyChanged(2)));
        let state = state.reduce(DuploAction::Undo);
        assert_eq!(state.session.survey.questions.len(), 4);
        assert_eq!(state.session.responses[0].answers.len(), 4);

        let state = state.reduce(DuploAction::Undo).reduce(DuploAction::Undo);
        assert!(state.session.responses.is_empty());
        let state = state.reduce(DuploAction::Undo);
        assert_eq!(state.notice, Some(Notice::NothingToUndo));
    }

    #[test]
    fn the_undo_history_of_answers_holds_no_copy_of_the_session() {
        let mut state = fresh();
        for _ in 0..50 {
            state = answer_all(state, [0, 1, 0, 1]);
        }
        assert_eq!(state.undo.len(), 50);
        assert!(state.undo.iter().all(|u| matches!(u, Undo::Added(_))));
    }

    #[test]
    fn view_options_follow_survey_changes() {
        let survey = Survey::default_for(Lang::Fr, None);
        let view = ViewOptions::default();
        assert_eq!(
            view.cross_questions(&survey),
            Some(("genre".into(), "commune".into()))
        );
        assert_eq!(view.towers_question(&survey), Some("fromage-dessert"));
        let view = ViewOptions {
            cross_rows: Some("supprimee".into()),
            excluded: vec!["genre".into()],
            ..view
        };
        let fitted = view.fit(&survey);
        assert_eq!(fitted.cross_rows, None);
        assert_eq!(
            fitted.unique_questions(&survey),
            vec!["fromage-dessert", "sucre-sale", "commune"]
        );
    }

    #[test]
    fn out_of_range_actions_change_nothing() {
        let state = fresh();
        let same = state.clone().reduce(DuploAction::Answer {
            question: 9,
            choice: 0,
        });
        assert!(Rc::ptr_eq(&state, &same));
        let same = state.clone().reduce(DuploAction::Delete { participant: 42 });
        assert!(Rc::ptr_eq(&state, &same));
        let same = state.clone().reduce(DuploAction::Edit { participant: 42 });
        assert!(Rc::ptr_eq(&state, &same));
    }

    fn press(key: &str, focus: KeyFocus, in_panel: bool) -> KeyPress<'_> {
        KeyPress {
            key,
            command: false,
            alt: false,
            focus,
            in_panel,
        }
    }

    #[test]
    fn keys_work_on_the_page_without_clicking_the_panel_first() {
        let page = |key| entry_key(&press(key, KeyFocus::Other, false), 1, 2, true);
        assert_eq!(
            page("2"),
            Some(DuploAction::Answer {
                question: 1,
                choice: 1
            })
        );
        assert_eq!(page("3"), None, "question 2 has two choices");
        assert_eq!(page("0"), Some(DuploAction::Skip { question: 1 }));
        assert_eq!(page("Enter"), Some(DuploAction::Commit));
        assert_eq!(page("Escape"), Some(DuploAction::CancelDraft));
        assert_eq!(
            page("ArrowDown"),
            None,
            "arrows scroll the page outside the panel"
        );
        assert_eq!(
            entry_key(&press("ArrowDown", KeyFocus::Other, true), 1, 2, true),
            Some(DuploAction::Focus { question: 2 })
        );
        let undo = KeyPress {
            command: true,
            ..press("z", KeyFocus::Control, false)
        };
        assert_eq!(entry_key(&undo, 1, 2, true), Some(DuploAction::Undo));
        let alt = KeyPress {
            alt: true,
            ..press("1", KeyFocus::Other, false)
        };
        assert_eq!(
            entry_key(&alt, 1, 2, true),
            None,
            "Alt+P and friends are not answers"
        );
    }

    #[test]
    fn fields_dialogs_and_focused_buttons_keep_their_keys() {
        for key in ["1", "Enter", "Backspace", "Escape"] {
            assert_eq!(
                entry_key(&press(key, KeyFocus::Field, true), 0, 2, true),
                None,
                "{key}"
            );
        }
        // Enter on a focused choice chooses it (the button's own click), never records.
        for in_panel in [true, false] {
            assert_eq!(
                entry_key(&press("Enter", KeyFocus::Control, in_panel), 0, 2, true),
                None
            );
            assert_eq!(
                entry_key(&press(" ", KeyFocus::Control, in_panel), 0, 2, true),
                None
            );
        }
        assert_eq!(
            entry_key(&press("1", KeyFocus::Control, false), 0, 2, true),
            Some(DuploAction::Answer {
                question: 0,
                choice: 0
            })
        );
        // Page-wide keys turned off: only the panel listens.
        assert_eq!(entry_key(&press("1", KeyFocus::Other, false), 0, 2, false), None);
        assert_eq!(
            entry_key(&press("Enter", KeyFocus::Other, true), 0, 2, false),
            Some(DuploAction::Commit)
        );
    }

    #[test]
    fn skipping_clears_and_moves_on() {
        let state = fresh().reduce(DuploAction::Answer {
            question: 0,
            choice: 0,
        });
        let state = state.reduce(DuploAction::Focus { question: 0 });
        let state = state.reduce(DuploAction::Skip { question: 0 });
        assert!(state.draft.is_empty());
        assert_eq!(state.cursor, 1);
        let last = state.reduce(DuploAction::Focus { question: 3 });
        let same = last.clone().reduce(DuploAction::Skip { question: 3 });
        assert!(Rc::ptr_eq(&last, &same), "nothing to clear on the last question");
    }

    #[test]
    fn the_untouched_default_survey_follows_the_language() {
        let state = fresh().reduce(DuploAction::Answer {
            question: 2,
            choice: 0,
        });
        let english = state.reduce(DuploAction::FollowLanguage { lang: Lang::En });
        assert_eq!(english.session.survey.questions[0].label, "Cheese or dessert?");
        assert_eq!(english.draft.len(), 1, "the draft's answers keep their ids");
        assert!(!english.can_undo(), "relabelling is not an edit");
        let same = english
            .clone()
            .reduce(DuploAction::FollowLanguage { lang: Lang::En });
        assert!(Rc::ptr_eq(&english, &same));
        let answered = answer_all(english, [0, 0, 0, 0]);
        let same = answered
            .clone()
            .reduce(DuploAction::FollowLanguage { lang: Lang::Fr });
        assert!(
            Rc::ptr_eq(&answered, &same),
            "a survey with answers stays as written"
        );
    }
}
