//! A workshop pack's panel: its dataset, a button per prepared chart (the first is open
//! when the file is) and, in workshop mode (on when a pack opens the page), neutral
//! titles (« Graphique 2 »), each explanation behind a « Voir l'explication » button,
//! the answer key apart, and prints: every prepared chart (two per A4 page, neutral
//! titles) and the answer key. The printed pages are direct children of the page's
//! wrapper (`.data-page`), which the print stylesheet reads (`data-print`).

use std::collections::HashSet;
use std::rc::Rc;

use briques_core::i18n::Lang;
use yew::prelude::*;

use crate::components::data::chart::draw;
use crate::hooks::use_settings;
use crate::state::data::{DataAction, Loaded, PackData, Shown};

/// Prints `target` (`charts`, `key`, `axes`): the page's wrapper says which, for the
/// print stylesheet, then the browser's print dialog opens.
pub fn print(target: &str) {
    if let Some(page) = gloo::utils::document()
        .query_selector(".data-page")
        .ok()
        .flatten()
    {
        let _ = page.set_attribute("data-print", target);
    }
    let _ = gloo::utils::window().print();
}

/// Props of [`PackPanel`].
#[derive(Properties, PartialEq)]
pub struct PackProps {
    /// The pack's data activity.
    pub pack: Rc<PackData>,
    /// Workshop mode.
    pub workshop: bool,
    /// Where actions go.
    pub on_action: Callback<DataAction>,
}

/// The "Atelier « … »" section.
#[function_component]
pub fn PackPanel(props: &PackProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let data = &props.pack;
    let workshop = props.workshop;
    // The explanations opened, by chart; the answer key open.
    let opened = use_state(HashSet::<usize>::new);
    let key_open = use_state(|| false);
    let buttons = data.presets.iter().enumerate().map(|(index, preset)| {
        let onclick = props
            .on_action
            .reform(move |_: MouseEvent| DataAction::ChoosePreset { index });
        let title = preset.shown(index, workshop, lang).title;
        let note = if preset.note.is_empty() {
            html! {}
        } else if workshop {
            let open = opened.contains(&index);
            let toggle = {
                let opened = opened.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut next = (*opened).clone();
                    if !next.remove(&index) {
                        next.insert(index);
                    }
                    opened.set(next);
                })
            };
            let id = format!("data-preset-note-{index}");
            html! {
                <>
                    <button type="button" aria-expanded={open.to_string()} aria-controls={id.clone()}
                        aria-label={format!("{} ({})", settings.t("data-workshop-show-note"), title)} onclick={toggle}>
                        { settings.t("data-workshop-show-note") }
                    </button>
                    <p class="hint" id={id} hidden={!open}>{ preset.note.clone() }</p>
                </>
            }
        } else {
            html! { <p class="hint">{ preset.note.clone() }</p> }
        };
        html! {
            <li>
                <button type="button" {onclick}>{ title }</button>
                { note }
            </li>
        }
    });
    let on_mode = props.on_action.reform(|e: Event| DataAction::SetWorkshop {
        on: e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|input| input.checked()),
    });
    let toggle_key = {
        let key_open = key_open.clone();
        Callback::from(move |_: MouseEvent| key_open.set(!*key_open))
    };
    html! {
        <section class="data-pack" aria-labelledby="data-pack-title">
            <h2 id="data-pack-title">{ settings.t_args("data-pack-title", &[("pack", data.pack.as_str().into())]) }</h2>
            <p>{ settings.t_args("data-pack-dataset", &[("title", data.title.as_str().into()), ("source", data.source.as_str().into())]) }</p>
            <p class="data-workshop-mode">
                <input type="checkbox" id="data-workshop-mode" checked={workshop} onchange={on_mode} />
                <label for="data-workshop-mode">{ settings.t("data-workshop-mode") }</label>
            </p>
            <p>{ settings.t("data-pack-presets") }</p>
            <ul class="data-presets">{ for buttons }</ul>
            <div class="data-pack-actions">
                <button type="button" onclick={Callback::from(|_: MouseEvent| print("charts"))}>{ settings.t("data-workshop-print") }</button>
                <button type="button" aria-expanded={key_open.to_string()} aria-controls="data-key" onclick={toggle_key}>
                    { settings.t("data-workshop-key") }
                </button>
            </div>
            <p class="hint">{ settings.t("data-workshop-print-hint") }</p>
            <div id="data-key" hidden={!*key_open}>
                <AnswerKey pack={data.clone()} />
                <button type="button" onclick={Callback::from(|_: MouseEvent| print("key"))}>{ settings.t("data-workshop-key-print") }</button>
            </div>
        </section>
    }
}

/// Props of [`AnswerKey`].
#[derive(Properties, PartialEq)]
pub struct KeyProps {
    /// The pack's data activity.
    pub pack: Rc<PackData>,
}

/// The answer key: each chart's number, original title, trick and explanation.
#[function_component]
pub fn AnswerKey(props: &KeyProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let rows = props.pack.presets.iter().enumerate().map(|(index, preset)| {
        let trick = match preset.spec.distortion {
            Some(d) => settings.t(&format!("chart-lesson-{}-title", d.code())),
            None => settings.t("data-workshop-key-honest"),
        };
        html! {
            <tr>
                <th scope="row">{ preset.shown(index, true, lang).title }</th>
                <td>{ preset.spec.title.clone() }</td>
                <td>{ trick }</td>
                <td>{ preset.note.clone() }</td>
            </tr>
        }
    });
    html! {
        <div class="data-key">
            <h3>{ settings.t("data-workshop-key-title") }</h3>
            <p>{ settings.t("data-workshop-key-intro") }</p>
            <div class="table-wrap">
                <table>
                    <caption class="visually-hidden">{ settings.t("data-workshop-key-title") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ settings.t("data-workshop-key-number") }</th>
                            <th scope="col">{ settings.t("data-workshop-key-original") }</th>
                            <th scope="col">{ settings.t("data-workshop-key-trick") }</th>
                            <th scope="col">{ settings.t("data-workshop-key-note") }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </div>
    }
}

/// Props of [`PackPrints`].
#[derive(Properties, PartialEq)]
pub struct PrintsProps {
    /// The pack's data activity.
    pub pack: Rc<PackData>,
    /// The pack's file, once read.
    pub loaded: Option<Rc<Loaded>>,
}

/// What prints for the pack (hidden on screen): every prepared chart under its neutral
/// title, two per page, and the answer key on its own.
#[function_component]
pub fn PackPrints(props: &PrintsProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let charts = {
        let (pack, loaded) = (props.pack.clone(), props.loaded.clone());
        let generation = loaded.as_ref().map(|l| l.generation);
        use_memo(
            (Rc::as_ptr(&pack) as usize, generation, lang),
            move |(_, _, lang)| draw_presets(&pack, loaded.as_deref(), *lang),
        )
    };
    let figures = charts.iter().map(|(title, svg)| match svg {
        Some(svg) => html! {
            <figure class="data-print-chart" aria-label={title.clone()}>
                { Html::from_html_unchecked(svg.clone()) }
            </figure>
        },
        None => html! {},
    });
    html! {
        <>
            <section class="data-print-charts" aria-label={settings.t("data-workshop-print")}>
                <h2>{ settings.t_args("data-workshop-print-title", &[("pack", props.pack.pack.as_str().into())]) }</h2>
                { for figures }
            </section>
            <section class="data-print-key" aria-label={settings.t("data-workshop-key-title")}>
                <AnswerKey pack={props.pack.clone()} />
            </section>
        </>
    }
}

/// Each prepared chart drawn under its neutral title (`None` when it cannot be drawn).
fn draw_presets(pack: &PackData, loaded: Option<&Loaded>, lang: Lang) -> Vec<(String, Option<AttrValue>)> {
    let Some(loaded) = loaded else {
        return Vec::new();
    };
    pack.presets
        .iter()
        .enumerate()
        .map(|(index, preset)| {
            let spec = preset.shown(index, true, lang);
            let charts = draw(&Shown::Chart(spec.clone()), &loaded.dataset, lang, true, false);
            let svg = match charts.drawings {
                Shown::Chart(Ok(drawn)) => Some(drawn.svg),
                _ => None,
            };
            (spec.title, svg)
        })
        .collect()
}
