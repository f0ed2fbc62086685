//! The app's routes. Their paths must equal `briques_core::site::APP_ROUTES`, which the
//! server uses to answer them with the app shell (a test checks both lists agree).

use yew_router::prelude::*;

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    /// Accueil.
    #[at("/")]
    Home,
    /// The Duplo exercise.
    #[at("/duplo")]
    Duplo,
    /// Live sessions: join with a code, or start one.
    #[at("/direct")]
    Direct,
    /// The facilitator's projector screen of a live session.
    #[at("/live/:code/projecteur")]
    LiveProjector {
        /// Join code.
        code: String,
    },
    /// The projected screen of a live session (no site header: full size, 16:9).
    #[at("/live/:code/ecran")]
    LiveScreen {
        /// Join code.
        code: String,
    },
    /// The commune budget explorer.
    #[at("/budget")]
    Budget,
    /// The open-data CSV explorer and chart builder.
    #[at("/donnees")]
    Data,
    /// The workshop pack library.
    #[at("/ateliers")]
    Workshops,
    /// Any other path.
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The routes shown in the main navigation, in order, with their label keys.
    pub const NAV: [(Route, &'static str); 6] = [
        (Route::Home, "nav-home"),
        (Route::Duplo, "nav-duplo"),
        (Route::Direct, "nav-live"),
        (Route::Budget, "nav-budget"),
        (Route::Data, "nav-data"),
        (Route::Workshops, "nav-workshops"),
    ];

    /// The translation key of the page's title, used for `document.title`.
    pub fn title_key(&self) -> &'static str {
        match self {
            Route::Home => "nav-home",
            Route::Duplo => "home-duplo-title",
            Route::Direct | Route::LiveProjector { .. } | Route::LiveScreen { .. } => "live-title",
            Route::Budget => "budget-title",
            Route::Data => "data-title",
            Route::Workshops => "workshops-title",
            Route::NotFound => "not-found-title",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_match_the_servers_list() {
        let mut ours: Vec<String> = Route::NAV.iter().map(|(route, _)| route.to_path()).collect();
        ours.sort();
        let mut theirs: Vec<String> = briques_core::site::APP_ROUTES
            .iter()
            .map(|p| p.to_string())
            .collect();
        theirs.sort();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn every_label_is_translated() {
        for (route, key) in Route::NAV {
            assert!(briques_core::i18n::has_key(key), "{key}");
            assert!(briques_core::i18n::has_key(route.clone().title_key()));
        }
    }
}
