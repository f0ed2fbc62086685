//! The display-settings context: language and projector mode, and the translation
//! helpers every component uses (`settings.t("key")`).

use briques_core::i18n::{self, Lang, Value};
use yew::prelude::*;

use crate::services::{api, storage};
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

    /// How many catalogues arrived at run time (changes when one does).
    pub fn catalogues(&self) -> u32 {
        self.0.catalogues
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
    // Saved when the user changes something (not when a catalogue arrives, which would
    // overwrite a choice made meanwhile in another tab).
    {
        let current = *settings;
        use_effect_with((settings.lang, settings.projector), move |_| {
            storage::save_and_apply(current)
        });
    }
    // The catalogues are fetched (French and the saved language before the app mounts);
    // another language's when it is chosen (precached by the service worker, so it works
    // offline). Until it arrives the French text shows.
    {
        let dispatcher = settings.dispatcher();
        use_effect_with(settings.lang, move |lang| {
            let lang = *lang;
            if !i18n::has_catalogue(lang) {
                wasm_bindgen_futures::spawn_local(async move {
                    if api::load_catalogue(lang).await {
                        dispatcher.dispatch(SettingsAction::CatalogueLoaded);
                    }
                });
            }
        });
    }
    html! {
        <ContextProvider<SettingsHandle> context={SettingsHandle(settings)}>
            { props.children.clone() }
        </ContextProvider<SettingsHandle>>
    }
}
