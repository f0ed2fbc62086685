//! The display-settings context: language and projector mode, and the translation
//! helpers every component uses (`settings.t("key")`).

use briques_core::i18n::{self, Lang, Value};
use yew::prelude::*;

use crate::services::storage;
use crate::state::settings::{Settings, SettingsAction};

/// What components get from [`use_settings`].
#[derive(Clone, PartialEq)]
pub struct SettingsHandle(UseReducerHandle<Settings>);

impl SettingsHandle {
    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.0.lang
    }

    /// Whether projector mode is on.
    pub fn projector(&self) -> bool {
        self.0.projector
    }

    /// Translates `key` in the interface language.
    pub fn t(&self, key: &str) -> String {
        i18n::tr(self.0.lang, key)
    }

    /// Translates `key` with placeholder values.
    pub fn t_args(&self, key: &str, args: &[(&str, Value<'_>)]) -> String {
        i18n::tr_args(self.0.lang, key, args)
    }

    /// Switches the interface language.
    pub fn set_lang(&self, lang: Lang) {
        self.0.dispatch(SettingsAction::SetLang(lang));
    }

    /// Turns projector mode on or off.
    pub fn toggle_projector(&self) {
        self.0.dispatch(SettingsAction::ToggleProjector);
    }
}

/// Gives the display settings to every component below it.
#[hook]
pub fn use_settings() -> SettingsHandle {
    use_context::<SettingsHandle>()
        .expect("use_settings() needs a <SettingsProvider> above the component (see app.rs)")
}

/// Props of [`SettingsProvider`].
#[derive(Properties, PartialEq)]
pub struct SettingsProviderProps {
    /// The app.
    pub children: Html,
}

/// Loads the saved settings, provides them, and saves and applies every change.
#[function_component]
pub fn SettingsProvider(props: &SettingsProviderProps) -> Html {
    let settings = use_reducer(storage::load_settings);
    use_effect_with(*settings, |settings| storage::save_and_apply(*settings));
    html! {
        <ContextProvider<SettingsHandle> context={SettingsHandle(settings)}>
            { props.children.clone() }
        </ContextProvider<SettingsHandle>>
    }
}
