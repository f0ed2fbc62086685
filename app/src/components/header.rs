//! The site header: brand, main navigation, language switch and projector toggle.

use briques_core::i18n::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_settings;
use crate::route::Route;

/// Props of [`SiteHeader`].
#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    /// The page shown, marked `aria-current` in the navigation.
    pub current: Route,
}

/// The banner landmark with navigation and display settings.
#[function_component]
pub fn SiteHeader(props: &SiteHeaderProps) -> Html {
    let settings = use_settings();
    let on_lang = {
        let settings = settings.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_dyn_into::<HtmlSelectElement>()
                .map(|select| select.value());
            if let Some(lang) = value.as_deref().and_then(Lang::from_code) {
                settings.set_lang(lang);
            }
        })
    };
    let on_projector = {
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| settings.toggle_projector())
    };
    let projector_label = settings.t("projector-toggle");
    let shortcut = settings.t("projector-shortcut");

    html! {
        <header class="site-header">
            <Link<Route> to={Route::Home} classes="brand">
                <img src="/icons/icon.svg" alt="" width="32" height="32" />
                <span>{ settings.t("app-name") }</span>
            </Link<Route>>
            <nav class="main-nav" aria-label={settings.t("nav-label")}>
                <ul>
                    { for Route::NAV.iter().map(|(route, key)| html! {
                        <li><NavLink to={route.clone()} current={props.current == *route} label={settings.t(key)} /></li>
                    }) }
                </ul>
            </nav>
            <div class="settings" role="group" aria-label={settings.t("settings-label")}>
                <label for="lang-select">{ settings.t("lang-label") }</label>
                <select id="lang-select" onchange={on_lang}>
                    { for Lang::ALL.iter().map(|lang| html! {
                        <option value={lang.code()} selected={*lang == settings.lang()}
                            lang={lang.code()}>
                            { settings.t(&format!("lang-{}", lang.code())) }
                        </option>
                    }) }
                </select>
                <button type="button" class="projector-toggle" aria-pressed={settings.projector().to_string()}
                    aria-keyshortcuts="Alt+P" title={shortcut} onclick={on_projector}>
                    { projector_label }
                </button>
            </div>
        </header>
    }
}

#[derive(Properties, PartialEq)]
struct NavLinkProps {
    to: Route,
    current: bool,
    label: String,
}

/// A navigation link that marks the current page for assistive technology.
#[function_component]
fn NavLink(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let to = props.to.clone();
    let onclick = Callback::from(move |event: MouseEvent| {
        // Let the browser handle new-tab and new-window clicks.
        if event.ctrl_key() || event.meta_key() || event.shift_key() || event.button() != 0 {
            return;
        }
        if let Some(navigator) = &navigator {
            event.prevent_default();
            navigator.push(&to);
        }
    });
    html! {
        <a href={props.to.to_path()} aria-current={props.current.then_some("page")} {onclick}>
            { &props.label }
        </a>
    }
}
