//! Keeps the Duplo session in local storage so that a reload, a crash or a closed
//! laptop loses nothing: the session (in the same JSON format as the exported file),
//! the participant being entered, and the view settings.

use std::collections::BTreeMap;

use briques_core::i18n::Lang;
use briques_core::survey::{io, Session, Survey};
use gloo::storage::{LocalStorage, Storage};

use crate::state::duplo::ViewOptions;

const SESSION: &str = "briques.duplo.session";
const DRAFT: &str = "briques.duplo.draft";
const VIEW: &str = "briques.duplo.view";

/// What was saved, or a new session of the default survey. A saved session that no
/// longer reads is kept aside under another key rather than overwritten.
pub fn load(lang: Lang) -> (Session, BTreeMap<String, String>, ViewOptions) {
    let raw = LocalStorage::raw();
    let session = match raw.get_item(SESSION).ok().flatten() {
        Some(text) => match io::from_json(&text) {
            Ok(session) => session,
            Err(_) => {
                let _ = raw.set_item(&format!("{SESSION}.unreadable"), &text);
                Session::new(Survey::default_for(lang, None))
            }
        },
        None => Session::new(Survey::default_for(lang, None)),
    };
    let draft = LocalStorage::get::<BTreeMap<String, String>>(DRAFT).unwrap_or_default();
    let view = LocalStorage::get::<ViewOptions>(VIEW)
        .unwrap_or_default()
        .fit(&session.survey);
    (session, draft, view)
}

/// Saves the session. Returns false when storage refused (full or disabled).
pub fn save_session(session: &Session) -> bool {
    LocalStorage::raw()
        .set_item(SESSION, &io::to_json_compact(session))
        .is_ok()
}

/// Saves the participant being entered.
pub fn save_draft(draft: &BTreeMap<String, String>) {
    let _ = LocalStorage::set(DRAFT, draft);
}

/// Saves the view settings.
pub fn save_view(view: &ViewOptions) {
    let _ = LocalStorage::set(VIEW, view);
}

/// Whether the saved session holds answers (launching a pack's survey would replace them).
pub fn has_answers() -> bool {
    LocalStorage::raw()
        .get_item(SESSION)
        .ok()
        .flatten()
        .and_then(|text| io::from_json(&text).ok())
        .is_some_and(|session| !session.responses.is_empty())
}

/// Starts a new session of `survey` (a workshop pack's), with no answer yet.
pub fn start_with(survey: Survey) -> bool {
    let _ = LocalStorage::raw().remove_item(DRAFT);
    save_session(&Session::new(survey))
}
