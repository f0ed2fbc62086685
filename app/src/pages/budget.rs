//! The budget explorer: choose a commune (the demo commune, a file read on the device,
//! or the national files when the server has them), see where its money comes from and
//! goes (treemap with drill-down, indicators with their definitions, evolution over the
//! years, what 100 € fund, comparison with communes of the same size), play "Si j'étais
//! maire", and look up any term in the glossary. The view lives in the URL.

use std::rc::Rc;

use briques_core::budget::explore::{
    self, descend, hundred_euros, lines_under, share_above, strate, tree, Axis, Level, MayorBase, Node, Side,
};
use briques_core::budget::{nomenclature, Budget, Indicators, INDICATORS};
use briques_core::csv::{protect_cell, write_record};
use briques_core::i18n::{format_number, Lang};
use briques_core::survey::slug;
use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::budget::charts::{Evolution, HundredEuros, Series};
use crate::components::budget::euros;
use crate::components::budget::glossary::{Glossary, Term};
use crate::components::budget::mayor::Mayor;
use crate::components::budget::treemap::{Part, Treemap};
use crate::components::figure::Figure;
use crate::hooks::{use_settings, SettingsHandle};
use crate::services::budget_data::{self, IndexEntry, Loaded};
use crate::services::{download, file_input};
use crate::state::budget::{BudgetView, Source, Tab};

/// Larger files are national or regional files: `briques budget prepare` is for them.
const MAX_FILE_BYTES: f64 = 200.0 * 1024.0 * 1024.0;

/// What the page holds.
#[derive(Clone, PartialEq)]
enum Data {
    /// Loading, with what is being loaded.
    Loading,
    /// Budgets to explore.
    Ready(Rc<Loaded>),
    /// Nothing could be loaded (the message says why).
    Failed(String),
}

fn location_query() -> String {
    gloo::utils::window().location().search().unwrap_or_default()
}

/// The glossary entry of each indicator.
const INDICATOR_TERMS: [(&str, &str); 9] = [
    ("recettes_reelles_fonctionnement", "operations-reelles"),
    ("depenses_reelles_fonctionnement", "operations-reelles"),
    ("epargne_gestion", "epargne-gestion"),
    ("epargne_brute", "epargne-brute"),
    ("remboursement_emprunts", "emprunt"),
    ("epargne_nette", "epargne-nette"),
    ("depenses_equipement", "depenses-equipement"),
    ("encours_dette", "encours-dette"),
    ("capacite_desendettement", "capacite-desendettement"),
];

fn indicator_term(name: &str) -> &'static str {
    INDICATOR_TERMS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("operations-reelles", |(_, term)| term)
}

fn node_label(settings: &SettingsHandle, side: Side, node: &Node) -> String {
    match node.level {
        Level::Root => settings.t(match side {
            Side::Depenses => "budget-side-depenses",
            Side::Recettes => "budget-side-recettes",
        }),
        Level::Section => settings.t(if node.key == "F" {
            "budget-section-fonctionnement"
        } else {
            "budget-section-investissement"
        }),
        Level::Fonction if node.key == "f-" => settings.t("budget-fonction-none"),
        Level::Fonction => format!(
            "{} · {}",
            node.key.trim_start_matches('f'),
            node.label.unwrap_or_default()
        ),
        Level::Chapitre | Level::Compte => match node.label {
            Some(label) => format!("{} · {label}", node.key),
            None => node.key.clone(),
        },
    }
}

fn csv_of(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| protect_cell(c)).collect();
        write_record(&mut out, &cells, ';');
    }
    out
}

/// Imports a file read on the device, or says why it cannot be.
#[allow(clippy::too_many_arguments)]
fn import_file(
    bytes: &[u8],
    lang: Lang,
    name: &str,
    settings: &SettingsHandle,
    notice: &UseStateHandle<String>,
    population: &UseStateHandle<Option<u64>>,
    data: &UseStateHandle<Data>,
    view: &UseStateHandle<BudgetView>,
    loads: &UseStateHandle<u32>,
) {
    match budget_data::from_file(bytes, lang) {
        Ok((loaded, left_out)) if !loaded.budgets.is_empty() => {
            let mut message = settings.t_args(
                "budget-imported",
                &[
                    ("file", name.into()),
                    ("name", loaded.name.as_str().into()),
                    ("count", loaded.budgets.len().into()),
                ],
            );
            if left_out > 0 {
                message.push(' ');
                message.push_str(&settings.t_args("budget-left-out", &[("count", left_out.into())]));
            }
            notice.set(message);
            population.set(None);
            data.set(Data::Ready(Rc::new(loaded)));
            view.set(BudgetView {
                source: Source::File,
                ..BudgetView::default()
            });
            loads.set(**loads + 1);
        }
        Ok(_) => notice.set(settings.t_args(
            "budget-import-failed",
            &[
                ("file", name.into()),
                ("message", settings.t("budget-error-no-line").as_str().into()),
            ],
        )),
        Err(message) => notice.set(settings.t_args(
            "budget-import-failed",
            &[("file", name.into()), ("message", message.as_str().into())],
        )),
    }
}

/// The budget page.
#[function_component]
pub fn BudgetPage() -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let view = use_state(|| BudgetView::from_query(&location_query()));
    let data = use_state(|| Data::Loading);
    let notice = use_state(String::new);
    let national = use_state(|| false);
    let results = use_state(Vec::<IndexEntry>::new);
    let query = use_state(String::new);
    let population = use_state(|| None::<u64>);
    let loads = use_state(|| 0u32);
    let busy = use_state(|| false);
    let latest_read = use_mut_ref(|| 0u32);

    // Whether the server has national files (briques serve --budgets).
    {
        let national = national.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                national.set(budget_data::national_available().await);
            });
        });
    }
    // Load the commune the URL names.
    {
        let data = data.clone();
        let loads = loads.clone();
        use_effect_with(view.source.clone(), move |source| {
            let source = source.clone();
            if source != Source::File {
                data.set(Data::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match &source {
                        Source::Insee(code) => budget_data::national(code).await,
                        _ => budget_data::demo(lang).await,
                    };
                    data.set(match result {
                        Ok(loaded) if !loaded.budgets.is_empty() => Data::Ready(Rc::new(loaded)),
                        Ok(_) => Data::Failed(String::new()),
                        Err(message) => Data::Failed(message),
                    });
                    loads.set(*loads + 1);
                });
            }
        });
    }
    // The view lives in the URL.
    use_effect_with((*view).clone(), |view| {
        let url = format!("/budget{}", view.to_query());
        if let Ok(history) = gloo::utils::window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    });

    let update = |edit: fn(&mut BudgetView)| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*view).clone();
            edit(&mut next);
            view.set(next);
        })
    };
    let go_path = {
        let view = view.clone();
        Callback::from(move |path: Vec<String>| {
            let mut next = (*view).clone();
            next.path = path;
            view.set(next);
        })
    };
    let on_demo = {
        let view = view.clone();
        let data = data.clone();
        let loads = loads.clone();
        Callback::from(move |_: MouseEvent| {
            if view.source == Source::Demo {
                // Already the demo: reload it (after a file, the source effect would not run).
                let data = data.clone();
                let loads = loads.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(loaded) = budget_data::demo(lang).await {
                        data.set(Data::Ready(Rc::new(loaded)));
                        loads.set(*loads + 1);
                    }
                });
            }
            view.set(BudgetView::default());
        })
    };
    let on_file = {
        let view = view.clone();
        let data = data.clone();
        let notice = notice.clone();
        let settings = settings.clone();
        let loads = loads.clone();
        let population = population.clone();
        let busy = busy.clone();
        let latest_read = latest_read.clone();
        Callback::from(move |event: Event| {
            let Some(file) = file_input::take_chosen(&event) else {
                return;
            };
            let name = file.name();
            if file.size() > MAX_FILE_BYTES {
                notice.set(settings.t_args(
                    "budget-too-big",
                    &[
                        ("file", name.as_str().into()),
                        ("size", format_number(lang, file.size() / 1e6, 0).as_str().into()),
                    ],
                ));
                return;
            }
            busy.set(true);
            notice.set(settings.t_args(
                "budget-reading",
                &[
                    ("file", name.as_str().into()),
                    (
                        "size",
                        format_number(lang, file.size() / 1024.0, 0).as_str().into(),
                    ),
                ],
            ));
            let view = view.clone();
            let data = data.clone();
            let notice = notice.clone();
            let settings = settings.clone();
            let loads = loads.clone();
            let population = population.clone();
            let busy = busy.clone();
            file_input::read_latest(&latest_read, &file, move |result| {
                let bytes = match result {
                    Ok(bytes) => bytes,
                    Err(error) => {
                        busy.set(false);
                        notice.set(settings.t_args(
                            "budget-import-failed",
                            &[("file", name.as_str().into()), ("message", error.as_str().into())],
                        ));
                        return;
                    }
                };
                notice.set(settings.t_args("budget-analysing", &[("file", name.as_str().into())]));
                // Let the browser paint the message before the work starts.
                gloo::timers::callback::Timeout::new(0, move || {
                    busy.set(false);
                    import_file(
                        &bytes,
                        lang,
                        &name,
                        &settings,
                        &notice,
                        &population,
                        &data,
                        &view,
                        &loads,
                    )
                })
                .forget();
            });
        })
    };
    let on_query = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    let on_search = {
        let query = query.clone();
        let results = results.clone();
        let notice = notice.clone();
        let settings = settings.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let q = query.trim().to_owned();
            if q.is_empty() {
                return;
            }
            let results = results.clone();
            let notice = notice.clone();
            let settings = settings.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match budget_data::search(&q).await {
                    Ok(found) => {
                        notice.set(settings.t_args("budget-search-found", &[("count", found.len().into())]));
                        results.set(found);
                    }
                    Err(message) => notice.set(message),
                }
            });
        })
    };
    let on_population = {
        let population = population.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                let digits: String = input.value().chars().filter(|c| c.is_ascii_digit()).collect();
                population.set(digits.parse().ok().filter(|p: &u64| *p > 0));
            }
        })
    };

    let source_panel = html! {
        <section class="budget-source" aria-labelledby="budget-source-title">
            <h2 id="budget-source-title">{ settings.t("budget-choose") }</h2>
            <div class="budget-source-options">
                <button type="button" onclick={on_demo}>{ settings.t("budget-demo") }</button>
                <div class="field">
                    <label for="budget-file">{ settings.t("budget-file") }</label>
                    <input id="budget-file" type="file" accept=".csv,.xml,.txt,text/csv,text/xml,application/xml"
                        onchange={on_file} aria-describedby="budget-file-hint" />
                    <p id="budget-file-hint" class="hint">{ settings.t("budget-file-hint") }</p>
                </div>
                if *national {
                    <form role="search" class="budget-search" onsubmit={on_search}>
                        <label for="budget-search">{ settings.t("budget-search") }</label>
                        <input id="budget-search" type="search" value={(*query).clone()} oninput={on_query}
                            autocomplete="off" />
                        <button type="submit">{ settings.t("budget-search-button") }</button>
                    </form>
                    if !results.is_empty() {
                        <ul class="budget-results">
                            { for results.iter().map(|entry| {
                                let view = view.clone();
                                let code = entry.insee.clone();
                                let onclick = Callback::from(move |_: MouseEvent| {
                                    view.set(BudgetView { source: Source::Insee(code.clone()), ..BudgetView::default() });
                                });
                                html! {
                                    <li><button type="button" {onclick}>
                                        { format!("{} ({}) · {}", entry.nom, entry.insee, entry.exercice) }
                                        if let Some(p) = entry.population {
                                            { format!(" · {}", settings.t_args("budget-inhabitants", &[("count", (p as usize).into())])) }
                                        }
                                    </button></li>
                                }
                            }) }
                        </ul>
                    }
                }
            </div>
            <p class="notice" role="status" aria-live="polite">{ (*notice).clone() }</p>
            if *busy {
                <progress class="budget-progress" aria-label={settings.t("budget-progress")}></progress>
            }
        </section>
    };

    let body = match &*data {
        Data::Loading => html! { <p class="notice" role="status">{ settings.t("budget-loading") }</p> },
        Data::Failed(message) => html! {
            <p class="error" role="alert">{ settings.t_args("budget-load-failed", &[("message", message.as_str().into())]) }</p>
        },
        Data::Ready(loaded) => match loaded.budget(view.year) {
            None => html! {},
            Some(budget) => explorer(
                &settings,
                lang,
                &view,
                &data,
                loaded,
                budget,
                *population,
                &update,
                &go_path,
                on_population,
            ),
        },
    };

    html! {
        <div class="budget-page" data-budget-loads={loads.to_string()}>
            <h1>{ settings.t("budget-title") }</h1>
            <p class="lead">{ settings.t("budget-lead") }</p>
            { source_panel }
            { body }
            <Glossary />
        </div>
    }
}

#[allow(clippy::too_many_arguments)]
fn explorer(
    settings: &SettingsHandle,
    lang: Lang,
    view: &UseStateHandle<BudgetView>,
    data: &UseStateHandle<Data>,
    loaded: &Rc<Loaded>,
    budget: &Budget,
    population_override: Option<u64>,
    update: &dyn Fn(fn(&mut BudgetView)) -> Callback<MouseEvent>,
    go_path: &Callback<Vec<String>>,
    on_population: Callback<InputEvent>,
) -> Html {
    let population = budget.collectivite.population.or(population_override);
    let per_head = view.per_inhabitant && population.is_some();
    let show = move |amount: f64| -> String {
        match population.filter(|_| per_head) {
            Some(p) => settings.t_args(
                "budget-per-inhabitant",
                &[("amount", euros(lang, amount / p as f64).as_str().into())],
            ),
            None => euros(lang, amount),
        }
    };
    let family = explore::family(budget);
    let nomenclature_name = match family {
        nomenclature::Family::M14 => "M14",
        nomenclature::Family::M57 => "M57",
    };
    // The years: for the choice of year here, then for the evolution chart.
    let years: Vec<i32> = loaded.budgets.iter().map(|b| b.exercice).collect();
    let on_year = {
        let view = view.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let mut next = (*view).clone();
                next.year = select.value().parse().ok();
                view.set(next);
            }
        })
    };
    let on_collectivite = {
        let data = data.clone();
        let loaded = loaded.clone();
        let view = view.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                data.set(Data::Ready(Rc::new(budget_data::choose(
                    &loaded,
                    &select.value(),
                ))));
                let mut next = (*view).clone();
                next.year = None;
                next.path.clear();
                view.set(next);
            }
        })
    };
    let heading = html! {
        <div class="budget-heading">
            <h2 id="budget-commune">{ format!("{} · {} {}", loaded.name, settings.t(budget.document.key()), budget.exercice) }</h2>
            <p>
                { settings.t_args("budget-nomenclature", &[("name", nomenclature_name.into())]) }{" "}
                <Term id="nomenclature">{ settings.t("budget-what-is-it") }</Term>
                if let Some(p) = population {
                    { " · " }{ settings.t_args("budget-inhabitants", &[("count", (p as usize).into())]) }
                }
            </p>
            <div class="budget-controls">
                if years.len() > 1 {
                    <div class="field">
                        <label for="budget-year">{ settings.t("budget-year") }</label>
                        <select id="budget-year" onchange={on_year}>
                            { for years.iter().map(|y| html! {
                                <option value={y.to_string()} selected={*y == budget.exercice}>{ y }</option>
                            }) }
                        </select>
                    </div>
                }
                if !loaded.collectivites.is_empty() {
                    <div class="field">
                        <label for="budget-collectivite">{ settings.t("budget-collectivite") }</label>
                        <select id="budget-collectivite" onchange={on_collectivite}>
                            { for loaded.collectivites.iter().map(|n| html! {
                                <option value={n.clone()} selected={*n == loaded.name}>{ n.clone() }</option>
                            }) }
                        </select>
                    </div>
                }
                if budget.collectivite.population.is_none() {
                    <div class="field">
                        <label for="budget-population">{ settings.t("budget-population") }</label>
                        <input id="budget-population" type="text" inputmode="numeric" oninput={on_population}
                            value={population_override.map(|p| p.to_string()).unwrap_or_default()} />
                    </div>
                }
            </div>
            if !loaded.warnings.is_empty() {
                <details class="budget-warnings">
                    <summary>{ settings.t_args("budget-warnings", &[("count", loaded.warnings.len().into())]) }</summary>
                    <ul>{ for loaded.warnings.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul>
                </details>
            }
            <div class="tabs" role="group" aria-label={settings.t("budget-tabs")}>
                <button type="button" aria-pressed={(view.tab == Tab::Explorer).to_string()}
                    onclick={update(|v| v.tab = Tab::Explorer)}>{ settings.t("budget-tab-explorer") }</button>
                <button type="button" aria-pressed={(view.tab == Tab::Maire).to_string()}
                    onclick={update(|v| v.tab = Tab::Maire)}>{ settings.t("budget-tab-maire") }</button>
            </div>
        </div>
    };
    if view.tab == Tab::Maire {
        if budget.lines.is_empty() {
            return html! { <>{ heading }<p>{ settings.t("budget-no-lines") }</p></> };
        }
        let base = Rc::new(MayorBase::from_budget(budget));
        return html! {
            <>
                { heading }
                <Mayor base={base} commune={loaded.name.clone()} exercice={budget.exercice} />
            </>
        };
    }

    // Indicators, with a comparison when statistics of the same strate are served; those
    // of every year for the evolution.
    let all: Vec<Indicators> = loaded.budgets.iter().map(Budget::indicators).collect();
    let indicators = loaded
        .budgets
        .iter()
        .position(|b| std::ptr::eq(b, budget))
        .map_or_else(|| budget.indicators(), |at| all[at]);
    let strate_stats = population.and_then(|p| {
        let s = strate(p);
        loaded
            .strates
            .as_ref()
            .and_then(|all| all.get(&s.to_string()).cloned())
    });
    let cards = INDICATORS.iter().filter_map(|(name, label_key, def_key)| {
        let value = indicators.get(name)?;
        let shown = if *name == "capacite_desendettement" {
            settings.t_args(
                "budget-years",
                &[("years", format_number(lang, value, 1).as_str().into())],
            )
        } else {
            show(value)
        };
        let comparison = strate_stats.as_ref().zip(population).and_then(|(stats, p)| {
            let q = stats.per_inhabitant.get(*name)?;
            let mine = value / p as f64;
            let above = share_above(q, mine);
            Some(settings.t_args(
                "budget-compare",
                &[
                    ("share", format_number(lang, above.round(), 0).as_str().into()),
                    ("strate", stats.label.as_str().into()),
                    ("median", euros(lang, q.median).as_str().into()),
                    ("q1", euros(lang, q.q1).as_str().into()),
                    ("q3", euros(lang, q.q3).as_str().into()),
                ],
            ))
        });
        Some(html! {
            <div class="indicator">
                <dt><Term id={indicator_term(name)}>{ settings.t(label_key) }</Term></dt>
                <dd class="indicator-value">{ shown }</dd>
                <dd class="indicator-def">{ settings.t(def_key) }</dd>
                if let Some(text) = comparison {
                    <dd class="indicator-compare">{ text }</dd>
                }
            </div>
        })
    });

    if budget.lines.is_empty() {
        return html! {
            <>
                { heading }
                <section aria-labelledby="budget-indicators-title">
                    <h2 id="budget-indicators-title">{ settings.t("budget-indicators") }</h2>
                    <dl class="indicators">{ for cards }</dl>
                    <p>{ settings.t("budget-no-lines") }</p>
                </section>
            </>
        };
    }

    // Drill-down.
    let root = tree(budget, view.side, view.axis);
    let chain = descend(&root, &view.path);
    let current = chain.last().copied().unwrap_or(&root);
    let depth = chain.len() - 1;
    let path: Vec<String> = chain.iter().skip(1).map(|n| n.key.clone()).collect();
    let crumbs = chain.iter().enumerate().map(|(i, node)| {
        let label = node_label(settings, view.side, node);
        if i == depth {
            html! { <li><span aria-current="location">{ label }</span></li> }
        } else {
            let target: Vec<String> = path[..i].to_vec();
            let go = go_path.clone();
            html! { <li><button type="button" class="link" onclick={Callback::from(move |_: MouseEvent| go.emit(target.clone()))}>{ label }</button></li> }
        }
    });
    let current_label = node_label(settings, view.side, current);
    let labels: Vec<String> = current
        .children
        .iter()
        .map(|child| node_label(settings, view.side, child))
        .collect();
    let parts: Vec<Part> = current
        .children
        .iter()
        .zip(&labels)
        .map(|(child, label)| Part {
            key: child.key.clone(),
            label: label.clone(),
            shown: show(child.amount),
            amount: child.amount,
        })
        .collect();
    let on_open = {
        let go = go_path.clone();
        let path = path.clone();
        Callback::from(move |key: String| {
            let mut next = path.clone();
            next.push(key);
            go.emit(next);
        })
    };
    let total = current.amount;
    let mut table_rows: Vec<Vec<String>> = Vec::new();
    let table = if current.level == Level::Compte {
        let keys: Vec<&str> = path.iter().map(String::as_str).collect();
        let lines = lines_under(budget, view.side, view.axis, &keys);
        table_rows.push(vec![
            settings.t("budget-col-compte"),
            settings.t("budget-col-label"),
            settings.t("budget-col-chapitre"),
            settings.t("budget-col-fonction"),
            settings.t("budget-col-prevu"),
            settings.t("budget-col-amount"),
        ]);
        for line in &lines {
            table_rows.push(vec![
                line.compte.clone(),
                nomenclature::compte_label(&line.compte)
                    .map(|(_, l)| l.to_owned())
                    .unwrap_or_default(),
                explore::chapitre_of(line),
                line.fonction.clone().unwrap_or_default(),
                line.prevu.map(&show).unwrap_or_default(),
                show(budget.amount(line)),
            ]);
        }
        html! {
            <table class="budget-table" aria-describedby="budget-drill-title">
                <caption>{ settings.t_args("budget-lines-of", &[("name", current_label.as_str().into())]) }</caption>
                <thead><tr>{ for table_rows[0].iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                <tbody>
                    { for table_rows[1..].iter().map(|row| html! {
                        <tr>{ for row.iter().enumerate().map(|(i, c)| if i == 0 {
                            html! { <th scope="row">{ c.clone() }</th> }
                        } else {
                            html! { <td>{ c.clone() }</td> }
                        }) }</tr>
                    }) }
                </tbody>
            </table>
        }
    } else {
        table_rows.push(vec![
            settings.t("budget-col-part"),
            settings.t("budget-col-amount"),
            settings.t("budget-col-share"),
        ]);
        let share = |a: f64| {
            if total > 0.0 {
                briques_core::i18n::format_percent(lang, a / total, 1)
            } else {
                String::new()
            }
        };
        for (child, label) in current.children.iter().zip(&labels) {
            table_rows.push(vec![label.clone(), show(child.amount), share(child.amount)]);
        }
        html! {
            <table class="budget-table">
                <caption>{ settings.t_args("budget-parts-of", &[("name", current_label.as_str().into())]) }</caption>
                <thead><tr>{ for table_rows[0].iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                <tbody>
                    { for current.children.iter().zip(labels).map(|(child, label)| {
                        let open = on_open.clone();
                        let key = child.key.clone();
                        html! {
                            <tr>
                                <th scope="row"><button type="button" class="link"
                                    onclick={Callback::from(move |_: MouseEvent| open.emit(key.clone()))}>{ label }</button></th>
                                <td>{ show(child.amount) }</td>
                                <td>{ share(child.amount) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        }
    };
    let csv_name = format!(
        "budget-{}-{}-{}.csv",
        slug(&loaded.name),
        budget.exercice,
        slug(&current_label)
    );
    let on_csv = Callback::from(move |_: MouseEvent| {
        let _ = download::text(&csv_name, "text/csv;charset=utf-8", &csv_of(&table_rows));
    });
    let controls = html! {
        <div class="budget-controls" role="group" aria-label={settings.t("budget-view-options")}>
            <div class="segmented" role="group" aria-label={settings.t("budget-side")}>
                <button type="button" aria-pressed={(view.side == Side::Depenses).to_string()}
                    onclick={update(|v| { v.side = Side::Depenses; v.path.clear(); })}>{ settings.t("budget-side-depenses") }</button>
                <button type="button" aria-pressed={(view.side == Side::Recettes).to_string()}
                    onclick={update(|v| { v.side = Side::Recettes; v.path.clear(); })}>{ settings.t("budget-side-recettes") }</button>
            </div>
            <div class="segmented" role="group" aria-label={settings.t("budget-axis")}>
                <button type="button" aria-pressed={(view.axis == Axis::Nature).to_string()}
                    onclick={update(|v| { v.axis = Axis::Nature; v.path.truncate(1); })}>{ settings.t("budget-axis-nature") }</button>
                <button type="button" aria-pressed={(view.axis == Axis::Fonction).to_string()}
                    onclick={update(|v| { v.axis = Axis::Fonction; v.path.truncate(1); })}>{ settings.t("budget-axis-fonction") }</button>
            </div>
            <button type="button" aria-pressed={view.per_inhabitant.to_string()} disabled={population.is_none()}
                onclick={update(|v| v.per_inhabitant = !v.per_inhabitant)}>{ settings.t("budget-per-head") }</button>
        </div>
    };

    // Evolution over the years, with the M14 → M57 change marked.
    let evolution = (loaded.budgets.len() > 1).then(move || {
        let scale = |b: &Budget, v: f64| match b.collectivite.population.filter(|_| per_head) {
            Some(p) => v / p as f64,
            None => v,
        };
        let series = |key: &str, get: fn(&Indicators) -> f64| Series {
            label: settings.t(key),
            values: loaded
                .budgets
                .iter()
                .zip(&all)
                .map(|(b, i)| scale(b, get(i)))
                .collect(),
        };
        let change_at = loaded
            .budgets
            .windows(2)
            .position(|w| explore::family(&w[0]) != explore::family(&w[1]))
            .map(|i| i + 1);
        let format = Callback::from(move |v: f64| euros(lang, v));
        html! {
            <Figure id="budget-evolution" title={settings.t("budget-evolution")}>
                <Evolution years={years} change_at={change_at} change_label={settings.t("budget-m57-change")}
                    label={settings.t("budget-evolution-label")} format={format}
                    series={vec![
                        series("indicator-rrf", |i| i.recettes_reelles_fonctionnement),
                        series("indicator-drf", |i| i.depenses_reelles_fonctionnement),
                        series("indicator-epargne-brute", |i| i.epargne_brute),
                    ]} />
                if change_at.is_some() {
                    <p class="hint">{ settings.t("budget-m57-note") }{" "}<Term id="nomenclature" /></p>
                }
            </Figure>
        }
    });
    let shares = hundred_euros(budget);
    let hundred: Vec<(String, f64)> = shares.iter().map(|(c, v)| (settings.t(c.key()), *v)).collect();
    let hundred_defs: Vec<(String, String, f64)> = shares
        .iter()
        .map(|(c, v)| (settings.t(c.key()), settings.t(&format!("{}-def", c.key())), *v))
        .collect();
    let format_share = Callback::from(move |v: f64| format!("{}\u{a0}€", format_number(lang, v, 1)));

    html! {
        <>
            { heading }
            <section aria-labelledby="budget-indicators-title">
                <h2 id="budget-indicators-title">{ settings.t("budget-indicators") }</h2>
                if loaded.strates.is_some() && strate_stats.is_none() {
                    <p class="hint">{ settings.t("budget-compare-none") }</p>
                }
                <dl class="indicators">{ for cards }</dl>
            </section>
            <section aria-labelledby="budget-drill-title" data-budget-depth={depth.to_string()}>
                <h2 id="budget-drill-title">{ settings.t(match view.side { Side::Depenses => "budget-where-goes", Side::Recettes => "budget-where-comes" }) }</h2>
                { controls }
                <nav class="breadcrumb" aria-label={settings.t("budget-breadcrumb")}>
                    <ol>{ for crumbs }</ol>
                </nav>
                if current.level == Level::Compte {
                    <p>{ settings.t("budget-last-level") }</p>
                } else {
                    <Figure id="budget-treemap" title={current_label.clone()}>
                        <Treemap parts={parts} label={settings.t_args("budget-treemap-label", &[("name", current_label.as_str().into())])} on_open={on_open} />
                    </Figure>
                }
                <div class="table-scroll">{ table }</div>
                <button type="button" onclick={on_csv}>{ settings.t("budget-export-csv") }</button>
                <p class="hint">
                    <Term id="section-fonctionnement" />{ " · " }<Term id="section-investissement" />{ " · " }
                    <Term id="chapitre" />{ " · " }<Term id="fonction" />{ " · " }<Term id="operations-reelles" />
                </p>
            </section>
            if !hundred.is_empty() {
                <section aria-labelledby="budget-hundred-title">
                    <h2 id="budget-hundred-title">{ settings.t("budget-hundred") }</h2>
                    <Figure id="budget-cent-euros" title={settings.t("budget-hundred-chart")}>
                        <HundredEuros shares={hundred} label={settings.t("budget-hundred-chart")} format={format_share} />
                    </Figure>
                    <dl class="category-defs">
                        { for hundred_defs.into_iter().map(|(label, def, v)| html! {
                            <div><dt>{ settings.t_args("budget-hundred-item", &[("category", label.as_str().into()), ("amount", format_number(lang, v, 1).as_str().into())]) }</dt><dd>{ def }</dd></div>
                        }) }
                    </dl>
                </section>
            }
            { evolution.unwrap_or_default() }
        </>
    }
}
