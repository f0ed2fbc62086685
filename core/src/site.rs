//! Facts about the web app shared by the app (routing) and the server (which paths
//! serve the app shell and which get the 404 page).

/// The app's client-side routes. The server answers each with the app shell
/// (`index.html`); any other path without a file behind it gets the 404 page.
pub const APP_ROUTES: &[&str] = &["/", "/duplo", "/direct", "/budget", "/donnees", "/ateliers"];

/// Local-storage key of a participant's token in the live session `code`.
pub fn storage_live_token(code: &str) -> String {
    format!("briques.live.token.{code}")
}

/// Local-storage key of the facilitator's secret for the live session `code`.
pub fn storage_live_secret(code: &str) -> String {
    format!("briques.live.secret.{code}")
}

/// Local-storage key holding the chosen interface language (`fr` or `en`).
pub const STORAGE_LANG: &str = "briques.lang";
/// Local-storage key holding whether projector mode is on (`1` or `0`).
pub const STORAGE_PROJECTOR: &str = "briques.projector";
/// Local-storage key holding the groups' proposals of "Si j'étais maire" in tokens (JSON;
/// the percentage game of earlier versions was under `briques.budget.groupes`).
pub const STORAGE_MAYOR_GROUPS: &str = "briques.budget.jetons";

/// Whether `path` (without query string) is one of the app's routes.
pub fn is_app_route(path: &str) -> bool {
    let trimmed = if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    };
    APP_ROUTES.contains(&trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_recognised_with_or_without_trailing_slash() {
        assert!(is_app_route("/"));
        assert!(is_app_route("/duplo"));
        assert!(is_app_route("/duplo/"));
        assert!(!is_app_route("/duplox"));
        assert!(!is_app_route("/pkg/app.wasm"));
    }
}
