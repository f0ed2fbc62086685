//! One pack: its facts, "Lancer l'atelier" for each activity, the timeline of each
//! méthode sheet, the sheets rendered, printing (all sheets, or the participant
//! handout alone), export as `.briques`, and the way into the editor.

use briques_core::pack::markdown::Block;
use briques_core::pack::sheet::{self, SheetKind};
use briques_core::pack::{bundle, Activity, Pack};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::{use_settings, SettingsHandle};
use crate::route::Route;
use crate::services::dialog::confirm;
use crate::services::{download, duplo_store};
use crate::state::packs::{durations, language_note, minutes, Entry};

use super::markdown;

/// Props of [`PackDetail`].
#[derive(Properties, PartialEq)]
pub struct DetailProps {
    /// The pack shown.
    pub entry: Entry,
    /// Opens the editor.
    pub on_edit: Callback<()>,
    /// Removes this device's version of the pack (imported or modified).
    pub on_remove: Callback<String>,
}

/// What a print button prints: the `data-print` value read by the print stylesheet.
fn print(container: &NodeRef, target: &str) {
    if let Some(element) = container.cast::<web_sys::Element>() {
        let _ = element.set_attribute("data-print", target);
    }
    let _ = gloo::utils::window().print();
}

/// "Lancer l'atelier", naming the activity when the pack has several, and a Duplo
/// questionnaire by its title when the pack has several (a variant for teenagers).
fn launch_label(settings: &SettingsHandle, pack: &Pack, activity: &Activity) -> String {
    if pack.activities.len() > 1 {
        let kind = activity.kind();
        let same_kind = pack.activities.iter().filter(|a| a.kind() == kind).count();
        let name = match activity {
            Activity::Duplo { survey, .. } if same_kind > 1 && !survey.title.trim().is_empty() => {
                survey.title.clone()
            }
            _ => settings.t(&kind.label_key()),
        };
        settings.t_args("ateliers-launch-named", &[("activity", name.as_str().into())])
    } else {
        settings.t("ateliers-launch")
    }
}

/// A pack's page.
#[function_component]
pub fn PackDetail(props: &DetailProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let navigator = use_navigator();
    let notice = use_state(|| None::<String>);
    let container = use_node_ref();
    let heading = use_node_ref();
    let pack = &props.entry.pack;
    // Each sheet's Markdown read once per pack, not on every render: its blocks, and
    // for a méthode sheet its timed steps.
    let parsed = use_memo(pack.clone(), |pack| {
        pack.sheets
            .iter()
            .map(|sheet| {
                let blocks = sheet.blocks();
                let steps = match sheet.kind {
                    SheetKind::Methode => sheet::steps_from(&blocks),
                    _ => Vec::new(),
                };
                (blocks, steps)
            })
            .collect::<Vec<_>>()
    });

    // Focus the pack's title when it opens, so screen readers start there.
    {
        let heading = heading.clone();
        use_effect_with(pack.slug.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }

    let launch = {
        let navigator = navigator.clone();
        let notice = notice.clone();
        let settings = settings.clone();
        let slug = pack.slug.clone();
        move |activity: Activity| {
            let notice = notice.clone();
            let settings = settings.clone();
            let navigator = navigator.clone();
            let slug = slug.clone();
            Callback::from(move |_: MouseEvent| {
                let Some(navigator) = navigator.clone() else {
                    return;
                };
                match &activity {
                    Activity::Duplo { survey, .. } => {
                        if duplo_store::has_answers() && !confirm(&settings.t("ateliers-confirm-duplo")) {
                            return;
                        }
                        if let Err(error) = duplo_store::start_with(survey.clone()) {
                            notice.set(Some(settings.t(error.message_key())));
                            return;
                        }
                        navigator.push(&Route::Duplo);
                    }
                    other => {
                        let (path, query) = other.launch_target(&slug);
                        let route = if path == "/budget" {
                            Route::Budget
                        } else {
                            Route::Data
                        };
                        if navigator.push_with_query(&route, &query).is_err() {
                            navigator.push(&route);
                        }
                    }
                }
            })
        }
    };
    // The whole pack live: its activities become the steps of one session (the budget
    // activities are played from the budget page, with the commune loaded there).
    let launch_live = {
        let pack = pack.clone();
        let notice = notice.clone();
        let settings = settings.clone();
        let navigator = navigator.clone();
        Callback::from(move |_: MouseEvent| {
            let lang = settings.lang();
            let plan = briques_core::live::plans::pack_steps(&pack, lang);
            if plan.plays_budget {
                let year = pack.activities.iter().find_map(|a| match a {
                    Activity::Maire { year, .. } | Activity::Budget { year, .. } => *year,
                    _ => None,
                });
                let mut query = vec![
                    ("commune", "demo".to_owned()),
                    ("onglet", "maire".to_owned()),
                    ("direct", "1".to_owned()),
                ];
                query.extend(year.map(|y| ("annee", y.to_string())));
                if let Some(navigator) = navigator.clone() {
                    if navigator.push_with_query(&Route::Budget, &query).is_err() {
                        navigator.push(&Route::Budget);
                    }
                }
                return;
            }
            let survey = plan.survey.unwrap_or_else(|| duplo_store::load(lang).0.survey);
            let request = briques_core::live::CreateSession {
                survey,
                mask_k: None,
                steps: plan.steps,
            };
            let (notice, settings) = (notice.clone(), settings.clone());
            notice.set(Some(settings.t("ateliers-live-starting")));
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(problem) = crate::services::live_start::start(request).await {
                    notice.set(Some(crate::components::live::problem_text(&settings, &problem)));
                }
            });
        })
    };
    let export = {
        let pack = pack.clone();
        let notice = notice.clone();
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| {
            let text = bundle::to_json(&pack);
            if download::text(&bundle::file_name(&pack), "application/json", &text).is_err() {
                notice.set(Some(settings.t("ateliers-export-failed")));
            }
        })
    };
    let print_sheets = {
        let container = container.clone();
        Callback::from(move |_: MouseEvent| print(&container, "sheets"))
    };
    let print_handout = {
        let container = container.clone();
        Callback::from(move |_: MouseEvent| print(&container, "participant"))
    };
    let print_easy_read = {
        let container = container.clone();
        Callback::from(move |_: MouseEvent| print(&container, "facile-a-lire"))
    };
    let on_edit = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(()))
    };
    let remove = {
        let on_remove = props.on_remove.clone();
        let slug = pack.slug.clone();
        let question = settings.t("ateliers-confirm-remove");
        Callback::from(move |_: MouseEvent| {
            if confirm(&question) {
                on_remove.emit(slug.clone());
            }
        })
    };

    let audience: Vec<String> = pack
        .audience
        .iter()
        .map(|a| settings.t(&format!("pack-audience-{a}")))
        .collect();
    let has_handout = pack.sheets.iter().any(|s| s.kind == SheetKind::Participant);
    let has_easy_read = pack.sheets.iter().any(|s| s.kind == SheetKind::FacileALire);
    let licence = match pack.licence_url() {
        Some(url) => html! { <a href={url}>{ &pack.licence }</a> },
        None => html! { { &pack.licence } },
    };

    html! {
        <div class="pack-detail" ref={container}>
            <p class="no-print">
                <Link<Route> to={Route::Workshops}>{ settings.t("ateliers-back") }</Link<Route>>
            </p>
            <h1 tabindex="-1" ref={heading} lang={pack.language.clone()}>{ &pack.title }</h1>
            if let Some(note) = language_note(lang, &pack.language) {
                <p class="pack-language">{ note }</p>
            }
            <p class="lead" lang={pack.language.clone()}>{ &pack.summary }</p>
            if let Some(badge) = props.entry.origin.badge_key() {
                <p class="badge">{ settings.t(badge) }</p>
            }
            <div class="pack-actions no-print">
                // A débat mouvant is played live only (« Lancer tout l'atelier en direct »).
                { for pack.activities.iter().filter(|a| !matches!(a, Activity::Debat { .. })).map(|a| html! {
                    <button type="button" class="primary" onclick={launch(a.clone())}>{ launch_label(&settings, pack, a) }</button>
                }) }
                <button type="button" onclick={launch_live}>{ settings.t("ateliers-launch-live") }</button>
                <button type="button" onclick={print_sheets}>{ settings.t("ateliers-print-sheets") }</button>
                if has_handout {
                    <button type="button" onclick={print_handout}>{ settings.t("ateliers-print-handout") }</button>
                }
                if has_easy_read {
                    <button type="button" onclick={print_easy_read}>{ settings.t("ateliers-print-easy-read") }</button>
                }
                <button type="button" onclick={export}>{ settings.t("ateliers-export") }</button>
                <button type="button" onclick={on_edit}>{ settings.t("ateliers-edit") }</button>
                if let Some(label) = props.entry.origin.remove_key() {
                    <button type="button" onclick={remove}>{ settings.t(label) }</button>
                }
            </div>
            <p class="notice no-print" role="status">{ (*notice).clone().unwrap_or_default() }</p>

            <section class="pack-about" aria-labelledby="pack-about-title">
                <h2 id="pack-about-title">{ settings.t("ateliers-about") }</h2>
                <dl class="pack-facts">
                    <dt>{ settings.t("ateliers-duration") }</dt><dd>{ durations(lang, pack) }</dd>
                    <dt>{ settings.t("ateliers-group") }</dt>
                    <dd>{ settings.t_args("ateliers-group-range", &[("min", (pack.group_min as usize).into()), ("max", (pack.group_max as usize).into())]) }</dd>
                    <dt>{ settings.t("ateliers-facilitators") }</dt><dd>{ pack.facilitators }</dd>
                    <dt>{ settings.t("ateliers-preparation") }</dt><dd>{ minutes(lang, pack.preparation) }</dd>
                    <dt>{ settings.t("ateliers-level") }</dt><dd>{ settings.t(&format!("pack-level-{}", pack.level.code())) }</dd>
                    <dt>{ settings.t("ateliers-audience") }</dt><dd>{ audience.join(", ") }</dd>
                    <dt>{ settings.t("ateliers-licence") }</dt><dd>{ licence }</dd>
                    <dt>{ settings.t("ateliers-authors") }</dt><dd>{ pack.authors.join(", ") }</dd>
                    <dt>{ settings.t("ateliers-version") }</dt><dd>{ &pack.version }</dd>
                </dl>
                <h3>{ settings.t("ateliers-objectives") }</h3>
                <ul>{ for pack.objectives.iter().map(|o| html! { <li>{ o }</li> }) }</ul>
                <h3>{ settings.t("ateliers-materials") }</h3>
                <ul>{ for pack.materials.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
            </section>

            <section class="pack-timelines" aria-labelledby="pack-timeline-title">
                <h2 id="pack-timeline-title">{ settings.t("ateliers-timeline") }</h2>
                { for pack.sheets.iter().zip(parsed.iter()).filter(|(s, _)| s.kind == SheetKind::Methode).map(|(sheet, (_, steps))| {
                    let total = sheet.duration.unwrap_or(0);
                    html! {
                        <div class="timeline">
                            <h3>{ &sheet.title }</h3>
                            <ol>
                                { for steps.iter().map(|step| html! {
                                    <li>
                                        <span class="timeline-time">{ settings.t_args("ateliers-step-time", &[
                                            ("start", minutes_clock(step.start).as_str().into()),
                                            ("end", minutes_clock(step.start.saturating_add(step.minutes)).as_str().into()),
                                        ]) }</span>
                                        <span class="timeline-title">{ &step.title }</span>
                                        <span class="timeline-length">{ minutes(lang, step.minutes) }</span>
                                    </li>
                                }) }
                            </ol>
                            if total > 0 {
                                <p class="timeline-total">{ settings.t_args("ateliers-total", &[("duration", minutes(lang, total).as_str().into())]) }</p>
                            }
                        </div>
                    }
                }) }
            </section>

            <nav class="sheet-index no-print" aria-label={settings.t("ateliers-sheets-nav")}>
                <h2>{ settings.t("ateliers-sheets") }</h2>
                <ol>
                    { for pack.sheets.iter().enumerate().map(|(n, sheet)| {
                        let kind = settings.t(sheet.kind.label_key());
                        // "Contexte — Contexte — pourquoi…" says it twice: a title that starts
                        // with its kind is shown alone.
                        let name = if sheet.title.to_lowercase().starts_with(&kind.to_lowercase()) {
                            sheet.title.clone()
                        } else {
                            format!("{kind} — {}", sheet.title)
                        };
                        html! { <li><a href={format!("#fiche-{}", n + 1)}>{ name }</a></li> }
                    }) }
                </ol>
            </nav>

            { for pack.sheets.iter().zip(parsed.iter()).enumerate().map(|(n, (sheet, (blocks, _)))| {
                let id = format!("fiche-{}", n + 1);
                // The sheet's own `# Title` repeats its title: the h2 below already says it.
                let body = match blocks.first() {
                    Some(Block::Heading { level: 1, .. }) => blocks.get(1..).unwrap_or(&[]),
                    _ => &blocks[..],
                };
                let class = classes!("sheet", format!("sheet-{}", sheet.kind.code()));
                html! {
                    <article class={class} id={id.clone()} aria-labelledby={format!("{id}-title")}>
                        // Printed above the sheet, where it can never be alone on a page.
                        <p class="sheet-credit">{ format!("{} — {} — {}", pack.title, pack.licence, pack.version) }</p>
                        <p class="sheet-kind">{ settings.t(sheet.kind.label_key()) }</p>
                        <h2 id={format!("{id}-title")} lang={pack.language.clone()}>{ &sheet.title }</h2>
                        <div lang={pack.language.clone()}>{ markdown::blocks(body, 1) }</div>
                    </article>
                }
            }) }
        </div>
    }
}

/// `75` → `1:15`.
fn minutes_clock(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}
