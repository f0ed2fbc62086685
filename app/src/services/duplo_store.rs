//! Keeps the Duplo session in local storage so that a reload, a crash or a closed
//! laptop loses nothing: the session (in the same JSON format as the exported file),
//! the participant being entered, and the view settings.

use std::collections::BTreeMap;

use crate::services::storage::{self, SaveError};
use crate::state::duplo::ViewOptions;
use briques_core::i18n::Lang;
use briques_core::survey::{io, Session, Survey};

const SESSION: &str = "briques.duplo.session";
const DRAFT: &str = "briques.duplo.draft";
const VIEW: &str = "briques.duplo.view";

/// What was saved, or a new session of the default survey (an untouched default with
/// no answer yet comes back in `lang`). A saved session that no longer reads is kept
/// aside under another key rather than overwritten.
pub fn load(lang: Lang) -> (Session, BTreeMap<String, String>, ViewOptions) {
    let session = match storage::read(SESSION) {
        Some(text) => match io::from_json(&text) {
            Ok(session) => session,
            Err(_) => {
                // Best effort: the unreadable text stays under its own key too.
                let _ = storage::save(&format!("{SESSION}.unreadable"), &text);
                Session::new(Survey::default_for(lang, None))
            }
        },
        None => Session::new(Survey::default_for(lang, None)),
    };
    let mut session = session;
    if let Some(survey) = session.default_survey_in(lang) {
        session.survey = survey;
    }
    let draft: BTreeMap<String, String> = read_json(DRAFT).unwrap_or_default();
    let view = read_json::<ViewOptions>(VIEW)
        .unwrap_or_default()
        .fit(&session.survey);
    (session, draft, view)
}

fn read_json<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    storage::read(key).and_then(|text| serde_json::from_str(&text).ok())
}

/// Saves the session, or says why it could not be.
pub fn save_session(session: &Session) -> Result<(), SaveError> {
    storage::save(SESSION, &io::to_json_compact(session))
}

/// Saves the participant being entered (their answers so far).
pub fn save_draft(draft: &BTreeMap<String, String>) -> Result<(), SaveError> {
    storage::save_json(DRAFT, draft)
}

/// Saves the view settings (a display preference: a refusal is dropped).
pub fn save_view(view: &ViewOptions) {
    if let Ok(text) = serde_json::to_string(view) {
        storage::write_preference(VIEW, &text);
    }
}

/// Whether the saved session holds answers (launching a pack's survey would replace them).
pub fn has_answers() -> bool {
    storage::read(SESSION)
        .and_then(|text| io::from_json(&text).ok())
        .is_some_and(|session| !session.responses.is_empty())
}

/// Starts a new session of `survey` (a workshop pack's), with no answer yet.
pub fn start_with(survey: Survey) -> Result<(), SaveError> {
    save_session(&Session::new(survey))?;
    storage::remove(DRAFT);
    Ok(())
}
