//! The Duplo exercise page.

use yew::prelude::*;

use super::soon::ComingSoon;

/// The Duplo page.
#[function_component]
pub fn DuploPage() -> Html {
    html! { <ComingSoon title_key="home-duplo-title" text_key="coming-soon" /> }
}
