//! `briques-app`: the Yew front end of Briques.
//!
//! - `app`: the root component (settings provider, router, page layout).
//! - `state/`: reducers and pure logic, no `html!`; tested natively.
//! - `hooks/`: custom hooks giving pages a handle with domain verbs.
//! - `pages/`: one module per route; `components/`: small leaf components.
//! - `services/`: browser services (local storage, document attributes).
//!
//! Business logic lives in `briques-core`; this crate draws and dispatches.
#![deny(clippy::unwrap_used)]

mod app;
mod components;
mod hooks;
mod pages;
pub mod route;
mod services;
pub mod state;

pub use app::{budget_pages, live_pages, main_pages, App};

/// Loads the catalogues, then mounts the app on the page's `#app` element (or `<body>`
/// if it is missing), replacing the static "loading" text that `index.html` shows until
/// then. The catalogues are data, not code (`/locales/<lang>.ftl`, precached by the
/// service worker): French, every text's fallback, and the saved language are loaded
/// before the first paint so that no raw key is ever shown.
pub fn run() {
    wasm_bindgen_futures::spawn_local(async {
        let saved = services::storage::load_settings().lang;
        services::api::load_catalogue(briques_core::i18n::Lang::Fr).await;
        if saved != briques_core::i18n::Lang::Fr {
            services::api::load_catalogue(saved).await;
        }
        mount();
    });
}

fn mount() {
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
