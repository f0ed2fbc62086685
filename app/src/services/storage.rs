//! Local storage and document attributes for the display settings.
//!
//! Storage can be unavailable (private mode, quota): reads then give the defaults and
//! writes are dropped silently, since losing a display preference is harmless.

use briques_core::i18n::Lang;
use briques_core::site::{STORAGE_LANG, STORAGE_PROJECTOR};
use gloo::storage::{LocalStorage, Storage};

/// Reads a plain string (not JSON) so the stored values stay readable and editable.
pub fn read(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Writes a plain string; a refusal (storage full or disabled) is dropped.
pub fn write(key: &str, value: &str) {
    let _ = LocalStorage::raw().set_item(key, value);
}

use crate::state::settings::Settings;

/// Reads the saved settings, or the defaults.
pub fn load_settings() -> Settings {
    let lang = read(STORAGE_LANG)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let projector = read(STORAGE_PROJECTOR).is_some_and(|v| v == "1");
    Settings {
        lang,
        projector,
        catalogues: 0,
    }
}

/// Saves the settings and reflects them on the document (`<html lang>`, projector class).
pub fn save_and_apply(settings: Settings) {
    write(STORAGE_LANG, settings.lang.code());
    write(STORAGE_PROJECTOR, if settings.projector { "1" } else { "0" });
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
