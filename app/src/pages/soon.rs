//! An honest "coming soon" page for activities not built yet.

use yew::prelude::*;

use crate::hooks::use_settings;

/// Props of [`ComingSoon`].
#[derive(Properties, PartialEq)]
pub struct ComingSoonProps {
    /// Translation key of the page title.
    pub title_key: AttrValue,
    /// Translation key of the paragraph saying what will come.
    pub text_key: AttrValue,
}

/// A page whose activity is not available yet.
#[function_component]
pub fn ComingSoon(props: &ComingSoonProps) -> Html {
    let settings = use_settings();
    html! {
        <>
            <h1>{ settings.t(&props.title_key) }</h1>
            <p class="lead">{ settings.t("coming-soon") }</p>
            <p>{ settings.t(&props.text_key) }</p>
        </>
    }
}
