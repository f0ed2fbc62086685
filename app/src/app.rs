//! The root component: settings provider, router, and the page layout (skip link,
//! header with navigation and display settings, main region, footer).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::header::SiteHeader;
use crate::hooks::{use_settings, SettingsProvider};
use crate::pages;
use crate::route::Route;

/// The whole app.
#[function_component]
pub fn App() -> Html {
    html! {
        <SettingsProvider>
            <BrowserRouter>
                <Layout />
            </BrowserRouter>
        </SettingsProvider>
    }
}

/// The pages of the main bundle: every page but the budget explorer, which is its own
/// bundle (`budget-page` feature, see `scripts/build-app`): going there loads it.
pub fn main_pages(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::home::Home /> },
        Route::Duplo => html! { <pages::duplo::DuploPage /> },
        Route::Direct => html! { <pages::live::DirectPage /> },
        Route::LiveProjector { .. } | Route::LiveScreen { .. } => html! { <OtherBundle /> },
        Route::Budget => html! { <OtherBundle /> },
        Route::Data => html! { <pages::data::DataPage /> },
        Route::Workshops => html! { <pages::workshops::WorkshopsPage /> },
        Route::NotFound => html! { <pages::not_found::NotFound /> },
    }
}

/// The pages of the budget bundle: the budget explorer; going anywhere else loads the
/// main bundle.
pub fn budget_pages(route: Route) -> Html {
    match route {
        Route::Budget => html! { <pages::budget::BudgetPage /> },
        _ => html! { <OtherBundle /> },
    }
}

/// The pages of the live bundle: the facilitator's presenter view and the projected
/// screen (feature `live-page`); going anywhere else loads the main bundle.
pub fn live_pages(route: Route) -> Html {
    match route {
        Route::LiveProjector { code } => html! { <pages::live::ProjectorPage {code} /> },
        Route::LiveScreen { code } => html! { <pages::live::ScreenPage {code} /> },
        _ => html! { <OtherBundle /> },
    }
}

/// What a page needs of its document: the bundle that has its code, and the
/// Content-Security-Policy the server sent with it (the Données page's may read any
/// address; the others only the open-data APIs).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Document {
    Main,
    Data,
    Budget,
    Live,
}

impl Document {
    fn of(route: &Route) -> Document {
        match route {
            Route::Budget => Document::Budget,
            Route::Data => Document::Data,
            Route::LiveProjector { .. } | Route::LiveScreen { .. } => Document::Live,
            _ => Document::Main,
        }
    }

    /// The document this page was loaded as.
    fn loaded() -> Document {
        let path = gloo::utils::window().location().pathname().unwrap_or_default();
        Route::recognize(&path).map_or(Document::Main, |route| Document::of(&route))
    }
}

thread_local! {
    static LOADED: Document = Document::loaded();
}

/// The page of `route`, or, when it needs another document, loading it.
fn pages(route: Route) -> Html {
    if LOADED.with(|loaded| *loaded != Document::of(&route)) {
        return html! { <OtherBundle /> };
    }
    #[cfg(not(any(feature = "budget-page", feature = "live-page")))]
    return main_pages(route);
    #[cfg(feature = "budget-page")]
    return budget_pages(route);
    #[cfg(all(feature = "live-page", not(feature = "budget-page")))]
    return live_pages(route);
}

/// Session-storage key: the next page load comes from a navigation in the app.
const FOCUS_MAIN: &str = "briques.focus-main";

/// A page of another document: the address is already the page's (the router changed
/// it), so loading it again starts the right bundle (`boot.js` chooses by address) with
/// the page's policy.
#[function_component]
fn OtherBundle() -> Html {
    let settings = use_settings();
    use_effect_with((), |_| {
        // The page loaded next is a navigation like any other: focus its main region.
        if let Ok(Some(session)) = gloo::utils::window().session_storage() {
            let _ = session.set_item(FOCUS_MAIN, "1");
        }
        let _ = gloo::utils::window().location().reload();
    });
    html! { <p class="notice" role="status">{ settings.t("page-loading") }</p> }
}

#[function_component]
fn Layout() -> Html {
    let settings = use_settings();
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let main_ref = use_node_ref();
    let first_render = use_mut_ref(|| true);

    // The page title follows the route and the language (also when a language's
    // catalogue arrives after the switch).
    {
        let settings = settings.clone();
        use_effect_with(
            (route.clone(), settings.lang(), settings.catalogues()),
            move |(route, ..)| {
                let page = settings.t(route.title_key());
                gloo::utils::document()
                    .set_title(&settings.t_args("page-title", &[("page", page.as_str().into())]));
            },
        );
    }
    // After a navigation (not on the first load) the new page shows from its top (a
    // button low on the previous page, such as "Lancer l'atelier", must not leave the view
    // in the middle of the next one) and focus moves to the main region so screen
    // readers start there.
    {
        let main_ref = main_ref.clone();
        use_effect_with((route.clone(), settings.lang()), move |_| {
            let mut first = first_render.borrow_mut();
            // A first render is a navigation too when the previous page loaded this one
            // to change bundles (`OtherBundle`).
            let moved_here = *first
                && gloo::utils::window()
                    .session_storage()
                    .ok()
                    .flatten()
                    .and_then(|session| {
                        let moved = session.get_item(FOCUS_MAIN).ok().flatten();
                        let _ = session.remove_item(FOCUS_MAIN);
                        moved
                    })
                    .is_some();
            if *first && !moved_here {
                *first = false;
            } else if let Some(main) = main_ref.cast::<web_sys::HtmlElement>() {
                *first = false;
                // Focusing scrolls the main region to the top edge: scroll after it.
                let _ = main.focus();
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        });
    }

    // Alt+P toggles projector mode from anywhere (a modifier key, so it never fires
    // while someone types, and screen-reader single-key commands stay free).
    {
        let settings = settings.clone();
        use_effect_with((), move |_| {
            let options = EventListenerOptions::enable_prevent_default();
            let window = gloo::utils::window();
            let listener = EventListener::new_with_options(&window, "keydown", options, move |event| {
                if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() {
                    if event.alt_key() && !event.ctrl_key() && !event.meta_key() && event.code() == "KeyP" {
                        event.prevent_default();
                        settings.toggle_projector();
                    }
                }
            });
            move || drop(listener)
        });
    }

    // The projected screen is the page alone: no header, no footer, nothing to reach.
    if matches!(route, Route::LiveScreen { .. }) {
        return html! {
            <main id="main" class="page screen-page" tabindex="-1" ref={main_ref}>
                <Switch<Route> render={pages} />
            </main>
        };
    }
    html! {
        <>
            <a class="skip-link" href="#main">{ settings.t("skip-to-content") }</a>
            <SiteHeader current={route} />
            <main id="main" class="page" tabindex="-1" ref={main_ref}>
                <Switch<Route> render={pages} />
            </main>
            <footer class="site-footer">
                <p>{ settings.t("footer-text") }</p>
            </footer>
        </>
    }
}
