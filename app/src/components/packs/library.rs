//! The pack library: filters (audience, duration) and one card per pack.

use std::rc::Rc;

use briques_core::pack::{self, AUDIENCES};
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_settings;
use crate::route::Route;
use crate::state::packs::{durations, language_note, minutes, Entry};

use super::PackQuery;

/// Props of [`Library`].
#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// Every pack.
    pub entries: Rc<Vec<Entry>>,
}

/// The filters and the cards.
#[function_component]
pub fn Library(props: &LibraryProps) -> Html {
    let settings = use_settings();
    let audience = use_state(String::new);
    let max = use_state(|| 0u32);
    let audience_filter = (!audience.is_empty()).then_some(audience.as_str());
    let max_filter = (*max > 0).then_some(*max);
    let shown: Vec<&Entry> = pack::filter(&props.entries, audience_filter, max_filter);
    let on_audience = {
        let audience = audience.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                audience.set(select.value());
            }
        })
    };
    let on_max = {
        let max = max.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                max.set(select.value().parse().unwrap_or(0));
            }
        })
    };
    let lang = settings.lang();
    html! {
        <section aria-labelledby="library-title">
            <h2 id="library-title">{ settings.t("ateliers-library-title") }</h2>
            <div class="controls pack-filters">
                <label>{ settings.t("ateliers-filter-audience") }
                    <select onchange={on_audience}>
                        <option value="" selected={audience.is_empty()}>{ settings.t("ateliers-filter-all") }</option>
                        { for AUDIENCES.iter().map(|a| html! {
                            <option value={*a} selected={*audience == *a}>{ settings.t(&format!("pack-audience-{a}")) }</option>
                        }) }
                    </select>
                </label>
                <label>{ settings.t("ateliers-filter-duration") }
                    <select onchange={on_max}>
                        <option value="0" selected={*max == 0}>{ settings.t("ateliers-filter-all") }</option>
                        { for [45u32, 60, 90, 120].iter().map(|m| html! {
                            <option value={m.to_string()} selected={*max == *m}>
                                { settings.t_args("ateliers-filter-at-most", &[("duration", minutes(lang, *m).as_str().into())]) }
                            </option>
                        }) }
                    </select>
                </label>
            </div>
            <p class="visually-hidden" role="status">
                { settings.t_args("ateliers-shown", &[("count", shown.len().into())]) }
            </p>
            if shown.is_empty() {
                <p>{ settings.t("ateliers-none") }</p>
            }
            <ul class="pack-cards">
                { for shown.iter().map(|entry| html! { <PackCard entry={(*entry).clone()} /> }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    entry: Entry,
}

#[function_component]
fn PackCard(props: &CardProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let pack = &props.entry.pack;
    let audience: Vec<String> = pack
        .audience
        .iter()
        .map(|a| settings.t(&format!("pack-audience-{a}")))
        .collect();
    let query = PackQuery {
        pack: Some(pack.slug.clone()),
    };
    html! {
        <li class="card pack-card">
            <h3 lang={pack.language.clone()}>
                <Link<Route, PackQuery> to={Route::Workshops} query={Some(query)}>{ &pack.title }</Link<Route, PackQuery>>
            </h3>
            if let Some(badge) = props.entry.origin.badge_key() {
                <p class="badge">{ settings.t(badge) }</p>
            }
            if let Some(note) = language_note(lang, &pack.language) {
                <p class="pack-language">{ note }</p>
            }
            <p lang={pack.language.clone()}>{ &pack.summary }</p>
            <dl class="pack-facts">
                <dt>{ settings.t("ateliers-duration") }</dt><dd>{ durations(lang, pack) }</dd>
                <dt>{ settings.t("ateliers-group") }</dt>
                <dd>{ settings.t_args("ateliers-group-range", &[("min", (pack.group_min as usize).into()), ("max", (pack.group_max as usize).into())]) }</dd>
                <dt>{ settings.t("ateliers-audience") }</dt><dd>{ audience.join(", ") }</dd>
            </dl>
        </li>
    }
}
