//! The page shown for an unknown path reached inside the app.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_settings;
use crate::route::Route;

/// The in-app 404 page.
#[function_component]
pub fn NotFound() -> Html {
    let settings = use_settings();
    let path = gloo::utils::window().location().pathname().unwrap_or_default();
    html! {
        <>
            <h1>{ settings.t("not-found-title") }</h1>
            <p>{ settings.t_args("not-found-text", &[("path", path.as_str().into())]) }</p>
            <p><Link<Route> to={Route::Home}>{ settings.t("not-found-back") }</Link<Route>></p>
        </>
    }
}
