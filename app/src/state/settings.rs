//! Display settings: interface language and projector mode. Persisted in local
//! storage by `services::storage`, never inside the reducer.

use std::rc::Rc;

use briques_core::i18n::Lang;
use yew::Reducible;

/// What the user chose for the whole app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// Interface language (French by default).
    pub lang: Lang,
    /// Large type, high contrast and minimal chrome for a projected screen.
    pub projector: bool,
    /// Counts the catalogues loaded at run time (English is fetched when chosen), so
    /// that the app re-renders with them. Not saved.
    pub catalogues: u32,
}

/// A change of settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsAction {
    /// Switch the interface language.
    SetLang(Lang),
    /// Turn projector mode on or off.
    ToggleProjector,
    /// A language's catalogue has arrived.
    CatalogueLoaded,
}

impl Reducible for Settings {
    type Action = SettingsAction;

    fn reduce(self: Rc<Self>, action: SettingsAction) -> Rc<Self> {
        let next = match action {
            SettingsAction::SetLang(lang) => Settings { lang, ..*self },
            SettingsAction::ToggleProjector => Settings {
                projector: !self.projector,
                ..*self
            },
            SettingsAction::CatalogueLoaded => Settings {
                catalogues: self.catalogues + 1,
                ..*self
            },
        };
        // Returning the same Rc tells Yew nothing changed, so nothing re-renders.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setting_the_same_language_keeps_the_same_state() {
        let state = Rc::new(Settings::default());
        let same = state.clone().reduce(SettingsAction::SetLang(Lang::Fr));
        assert!(Rc::ptr_eq(&state, &same));
        let english = state.reduce(SettingsAction::SetLang(Lang::En));
        assert_eq!(english.lang, Lang::En);
    }

    #[test]
    fn projector_toggles() {
        let state = Rc::new(Settings::default());
        let on = state.reduce(SettingsAction::ToggleProjector);
        assert!(on.projector);
        assert!(!on.reduce(SettingsAction::ToggleProjector).projector);
    }
}
