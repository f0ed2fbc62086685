//! Accueil: what Briques offers, one card per activity.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_settings;
use crate::route::Route;

/// The home page.
#[function_component]
pub fn Home() -> Html {
    let settings = use_settings();
    let cards = [
        (Route::Duplo, "home-duplo-title", "home-duplo-text", "card-duplo"),
        (Route::Direct, "home-live-title", "home-live-text", "card-live"),
        (
            Route::Budget,
            "home-budget-title",
            "home-budget-text",
            "card-budget",
        ),
        (Route::Data, "home-data-title", "home-data-text", "card-data"),
        (
            Route::Workshops,
            "home-workshops-title",
            "home-workshops-text",
            "card-workshops",
        ),
    ];
    html! {
        <>
            <h1>{ settings.t("home-title") }</h1>
            <p class="lead">{ settings.t("home-intro") }</p>
            <ul class="cards">
                { for cards.into_iter().map(|(route, title, text, class)| html! {
                    <li class={classes!("card", class)}>
                        <h2><Link<Route> to={route}>{ settings.t(title) }</Link<Route>></h2>
                        <p>{ settings.t(text) }</p>
                    </li>
                }) }
            </ul>
        </>
    }
}
