//! Local storage, and the document attributes of the display settings.
//!
//! Storage can be unavailable (disabled, some private modes) or full. What the user
//! would be sad to lose (answers, proposals, edited packs, a file's settings) is written
//! with [`save`], which says why it failed so that the page can tell the user and keep
//! the data on screen; only display preferences, whose loss is harmless, are written
//! with [`write_preference`], which drops a refusal.

use briques_core::i18n::Lang;
use briques_core::site::{STORAGE_LANG, STORAGE_PROJECTOR};
use wasm_bindgen::JsCast;

/// Why something could not be saved on this device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage is full (its quota is reached).
    Full,
    /// The browser gives no storage to this page (disabled, or a private mode).
    Unavailable,
}

impl SaveError {
    /// The translation key of the sentence that tells the user (it says the data is
    /// still on screen and how to keep it).
    pub fn message_key(self) -> &'static str {
        match self {
            SaveError::Full => "storage-error-full",
            SaveError::Unavailable => "storage-error-unavailable",
        }
    }
}

/// The page's local storage, when the browser gives one (reaching it can throw).
fn local() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// Reads a plain string (not JSON) so the stored values stay readable and editable.
pub fn read(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Writes a plain string, or says why it could not be.
pub fn save(key: &str, value: &str) -> Result<(), SaveError> {
    let storage = local().ok_or(SaveError::Unavailable)?;
    storage.set_item(key, value).map_err(|error| {
        // Browsers name the quota error `QuotaExceededError` (Firefox also
        // `NS_ERROR_DOM_QUOTA_REACHED`).
        let name = error
            .dyn_ref::<web_sys::DomException>()
            .map(web_sys::DomException::name)
            .unwrap_or_default();
        if name.contains("Quota") || name.contains("QUOTA") {
            SaveError::Full
        } else {
            SaveError::Unavailable
        }
    })
}

/// Writes `value` as JSON, or says why it could not be.
pub fn save_json<T: serde::Serialize + ?Sized>(key: &str, value: &T) -> Result<(), SaveError> {
    // Serialising our own types cannot fail; were it to, nothing is written.
    let text = serde_json::to_string(value).map_err(|_| SaveError::Unavailable)?;
    save(key, &text)
}

/// Removes a key (nothing to do when storage is unavailable).
pub fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

/// Writes a display preference; a refusal is dropped, since losing it is harmless.
pub fn write_preference(key: &str, value: &str) {
    let _ = save(key, value);
}

use crate::state::settings::Settings;

/// Reads the saved settings, or the defaults: on a first visit, the first of the
/// browser's preferred languages that Briques speaks (French when none is).
pub fn load_settings() -> Settings {
    let lang = read(STORAGE_LANG)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_else(|| {
            let preferred = gloo::utils::window().navigator().languages().join(",");
            Lang::from_accept_language(&String::from(preferred))
        });
    let projector = read(STORAGE_PROJECTOR).is_some_and(|v| v == "1");
    Settings {
        lang,
        projector,
        catalogues: 0,
    }
}

/// Saves the settings and reflects them on the document (`<html lang>`, projector class).
pub fn save_and_apply(settings: Settings) {
    write_preference(STORAGE_LANG, settings.lang.code());
    write_preference(STORAGE_PROJECTOR, if settings.projector { "1" } else { "0" });
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("lang", settings.lang.code());
        let classes = html.class_list();
        let _ = if settings.projector {
            classes.add_1("projector")
        } else {
            classes.remove_1("projector")
        };
    }
}
