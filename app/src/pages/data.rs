//! `/donnees`, "Lire et construire un graphique": open a CSV (file picker, drag and drop,
//! or an address), see what each column holds, build a chart step by step, compare the
//! honest and misleading versions, and take everything away (SVG, PNG, CSV, JSON).
//! The file never leaves the device; large files are read in slices between which the
//! browser paints the progress bar.

use std::cell::RefCell;
use std::rc::Rc;

use briques_core::chart::data::compute;
use briques_core::chart::draw::render_data_svg;
use briques_core::chart::lessons::{lesson, suggest};
use briques_core::chart::{ChartKind, ChartSpec, Distortion};
use briques_core::dataset::profile::{profile_column, Profile};
use briques_core::dataset::transform::{Aggregate, Filter, FilterOp, SortOrder};
use briques_core::dataset::{ColumnKind, Dataset, DatasetError, Importer};
use briques_core::i18n::Lang;
use briques_core::pack::Activity;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::figure::Figure;
use crate::components::preview::PreviewTable;
use crate::hooks::{use_settings, SettingsHandle};
use crate::services::{download, file_input, pack_store, tasks};

/// Rows read between two paints of the progress bar.
const ROWS_PER_SLICE: usize = 25_000;

/// A file read and profiled.
pub struct Loaded {
    /// File name (or address).
    pub name: String,
    /// The table (shared with the preview).
    pub dataset: Rc<Dataset>,
    /// What each column holds.
    pub profile: Profile,
    /// Changes with each file, so that memoised charts are redrawn.
    pub generation: u32,
}

/// Where the loading of a file is.
#[derive(Clone, PartialEq)]
enum LoadState {
    Idle,
    Reading {
        name: String,
        percent: usize,
    },
    /// Typing then profiling the columns: `done` of `total` steps.
    Analysing {
        name: String,
        done: usize,
        total: usize,
    },
    Failed(String),
}

fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .or_else(|| {
            e.target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                .map(|s| s.value())
        })
        .unwrap_or_default()
}

/// Where an import reports its progress, as long as it is the latest one: a file chosen
/// since makes it stop at its next step, without touching the page.
struct Report {
    state: UseStateHandle<LoadState>,
    latest: Rc<RefCell<u32>>,
    mine: u32,
}

impl Report {
    /// Shows `state` and returns `true`, or `false` when a newer import has started.
    fn set(&self, state: LoadState) -> bool {
        let current = *self.latest.borrow() == self.mine;
        if current {
            self.state.set(state);
        }
        current
    }
}

/// Reads `bytes` in slices, yielding to the browser between them, then types and
/// profiles the columns one per step. `None` when the file cannot be read (the page says
/// why) or when a newer import has started.
async fn import_in_slices(bytes: Vec<u8>, name: String, lang: Lang, report: Report) -> Option<Loaded> {
    let reading = |percent| LoadState::Reading {
        name: name.clone(),
        percent,
    };
    let analysing = |done, total| LoadState::Analysing {
        name: name.clone(),
        done,
        total,
    };
    let failed = |e: DatasetError| {
        report.set(LoadState::Failed(e.message(lang)));
        None
    };
    if !report.set(reading(0)) {
        return None;
    }
    tasks::yield_to_browser().await;
    let mut importer = match Importer::new(bytes) {
        Ok(importer) => importer,
        Err(e) => return failed(e),
    };
    loop {
        match importer.step(ROWS_PER_SLICE) {
            Ok(true) => break,
            Ok(false) => {}
            Err(e) => return failed(e),
        }
        let progress = importer.progress();
        if !report.set(reading(progress.done * 100 / progress.total.max(1))) {
            return None;
        }
        tasks::yield_to_browser().await;
    }
    // Each column is typed, then profiled, in a step of its own.
    let mut typing = match importer.into_typing() {
        Ok(typing) => typing,
        Err(e) => return failed(e),
    };
    let total = typing.progress().total * 2;
    loop {
        if !report.set(analysing(typing.progress().done, total)) {
            return None;
        }
        tasks::yield_to_browser().await;
        if typing.step() {
            break;
        }
    }
    let dataset = typing.finish();
    let mut columns = Vec::with_capacity(dataset.columns.len());
    for column in &dataset.columns {
        if !report.set(analysing(dataset.columns.len() + columns.len(), total)) {
            return None;
        }
        tasks::yield_to_browser().await;
        columns.push(profile_column(column));
    }
    let profile = Profile {
        encoding: dataset.encoding,
        delimiter: dataset.delimiter,
        rows: dataset.rows,
        columns,
    };
    if !report.set(LoadState::Idle) {
        return None;
    }
    Some(Loaded {
        name,
        dataset: Rc::new(dataset),
        profile,
        generation: report.mine,
    })
}

/// A workshop pack's dataset and chart presets (`/donnees?pack=<slug>`).
#[derive(Clone, PartialEq)]
struct PackData {
    /// The pack's title.
    pack: String,
    /// The dataset's title and source.
    title: String,
    source: String,
    /// Each preset: its chart and what to say about it.
    presets: Vec<(ChartSpec, String)>,
}

/// The `pack` parameter of the page's address, when it is a plain slug.
fn pack_slug() -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("pack="))
        .filter(|slug| !slug.is_empty() && slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(str::to_owned)
}

/// The pack's data activity: this device's copy first, else the bundled one.
async fn pack_data(slug: &str) -> Result<(PackData, String, String), String> {
    let local = pack_store::load_local().into_iter().find(|p| p.slug == slug);
    let pack = match local {
        Some(pack) => pack,
        None => pack_store::fetch_bundled()
            .await?
            .into_iter()
            .find(|p| p.slug == slug)
            .ok_or_else(|| slug.to_owned())?,
    };
    pack.activities
        .iter()
        .find_map(|a| match a {
            Activity::Donnees {
                file,
                title,
                source,
                csv,
                charts,
            } => Some((
                PackData {
                    pack: pack.title.clone(),
                    title: title.clone(),
                    source: source.clone(),
                    presets: charts
                        .iter()
                        .map(|c| (c.to_spec(source), c.note.clone()))
                        .collect(),
                },
                file.rsplit('/').next().unwrap_or(file).to_owned(),
                csv.clone(),
            )),
            _ => None,
        })
        .ok_or_else(|| slug.to_owned())
}

/// The Données page.
#[function_component]
pub fn DataPage() -> Html {
    let settings = use_settings();
    let loaded = use_state(|| None::<Rc<Loaded>>);
    let state = use_state(|| LoadState::Idle);
    let spec = use_state(|| None::<ChartSpec>);
    let pack = use_state(|| None::<PackData>);
    let preset = use_mut_ref(|| None::<ChartSpec>);
    let view_key = use_state(|| 0u32);
    let generation = use_mut_ref(|| 0u32);
    let dragging = use_state(|| false);

    // Starts importing bytes; a newer file makes an older import's result ignored.
    let start = {
        let loaded = loaded.clone();
        let state = state.clone();
        let spec = spec.clone();
        let generation = generation.clone();
        let preset = preset.clone();
        let lang = settings.lang();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            let report = Report {
                state: state.clone(),
                latest: generation.clone(),
                mine: file_input::next(&generation),
            };
            let (loaded, spec, preset) = (loaded.clone(), spec.clone(), preset.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // `Some` only for the latest import (it checked as it finished).
                if let Some(result) = import_in_slices(bytes, name, lang, report).await {
                    let chosen = preset.borrow_mut().take();
                    spec.set(Some(chosen.unwrap_or_else(|| suggest(&result.dataset))));
                    loaded.set(Some(Rc::new(result)));
                }
            });
        })
    };
    let read_file = {
        let start = start.clone();
        let generation = generation.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let start = start.clone();
            file_input::read_latest(&generation, &file, move |result| {
                if let Ok(bytes) = result {
                    start.emit((name, bytes));
                }
            });
        })
    };
    let on_pick = {
        let read_file = read_file.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = file_input::take_chosen(&e) {
                read_file.emit(file);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        let read_file = read_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                read_file.emit(file);
            }
        })
    };
    let url = use_state(String::new);
    let on_url_input = {
        let url = url.clone();
        Callback::from(move |e: InputEvent| url.set(input_value(&e)))
    };
    let on_url_submit = {
        let url = url.clone();
        let state = state.clone();
        let start = start.clone();
        let settings = settings.clone();
        let generation = generation.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let address = url.trim().to_owned();
            if address.is_empty() {
                return;
            }
            // Only web addresses, resolved against the page (`/donnees/x.csv` works).
            let base = gloo::utils::window().location().href().unwrap_or_default();
            let address = match web_sys::Url::new_with_base(&address, &base) {
                Ok(parsed) if matches!(parsed.protocol().as_str(), "http:" | "https:") => parsed.href(),
                _ => {
                    let message =
                        settings.t_args("data-url-invalid", &[("address", address.as_str().into())]);
                    state.set(LoadState::Failed(message));
                    return;
                }
            };
            if !gloo::utils::window().navigator().on_line() {
                state.set(LoadState::Failed(settings.t("data-url-offline")));
                return;
            }
            let (state, start, settings, latest) =
                (state.clone(), start.clone(), settings.clone(), generation.clone());
            let mine = file_input::next(&latest);
            wasm_bindgen_futures::spawn_local(async move {
                let fetched = tasks::fetch_bytes(&address).await;
                if *latest.borrow() != mine {
                    return;
                }
                match fetched {
                    Ok(bytes) => start.emit((address, bytes)),
                    Err(status) => {
                        let message = match status {
                            Some(code) => {
                                settings.t_args("data-url-status", &[("status", usize::from(code).into())])
                            }
                            None => settings.t("data-url-blocked"),
                        };
                        state.set(LoadState::Failed(message));
                    }
                }
            });
        })
    };

    // Launched from a workshop pack: its dataset, opened with its first chart.
    {
        let (pack, preset, start, state, settings) = (
            pack.clone(),
            preset.clone(),
            start.clone(),
            state.clone(),
            settings.clone(),
        );
        use_effect_with((), move |_| {
            if let Some(slug) = pack_slug() {
                wasm_bindgen_futures::spawn_local(async move {
                    match pack_data(&slug).await {
                        Ok((data, file, csv)) => {
                            *preset.borrow_mut() = data.presets.first().map(|(spec, _)| spec.clone());
                            pack.set(Some(data));
                            start.emit((file, csv.into_bytes()));
                        }
                        Err(_) => state.set(LoadState::Failed(
                            settings.t_args("data-pack-missing", &[("pack", slug.as_str().into())]),
                        )),
                    }
                });
            }
        });
    }
    let pack_panel = pack.as_ref().map(|data| {
        let buttons = data.presets.iter().map(|(preset, note)| {
            let (spec, view_key, chosen) = (spec.clone(), view_key.clone(), preset.clone());
            let onclick = Callback::from(move |_: MouseEvent| {
                spec.set(Some(chosen.clone()));
                view_key.set(*view_key + 1);
            });
            html! {
                <li>
                    <button type="button" {onclick}>{ preset.title.clone() }</button>
                    if !note.is_empty() { <p class="hint">{ note.clone() }</p> }
                </li>
            }
        });
        html! {
            <section class="data-pack" aria-labelledby="data-pack-title">
                <h2 id="data-pack-title">{ settings.t_args("data-pack-title", &[("pack", data.pack.as_str().into())]) }</h2>
                <p>{ format!("{} — {}", data.title, data.source) }</p>
                <p>{ settings.t("data-pack-presets") }</p>
                <ul class="data-presets">{ for buttons }</ul>
            </section>
        }
    });

    let status = match &*state {
        LoadState::Idle => html! {},
        LoadState::Reading { name, percent } => html! {
            <div class="data-progress">
                <p id="data-progress-label" role="status">{ settings.t_args("data-reading", &[("name", name.as_str().into())]) }</p>
                <progress aria-labelledby="data-progress-label" max="100" value={percent.to_string()}>{ format!("{percent} %") }</progress>
            </div>
        },
        LoadState::Analysing { name, done, total } => html! {
            <div class="data-progress">
                <p id="data-progress-label" role="status">{ settings.t_args("data-analysing", &[("name", name.as_str().into())]) }</p>
                <progress aria-labelledby="data-progress-label" max={total.to_string()} value={done.to_string()}>{ format!("{done} / {total}") }</progress>
            </div>
        },
        LoadState::Failed(message) => html! {
            <p class="notice notice-error" role="alert">{ message.clone() }</p>
        },
    };

    html! {
        <>
            <h1>{ settings.t("data-title") }</h1>
            <p class="lead">{ settings.t("data-lead") }</p>
            <section class="data-open" aria-labelledby="data-open-title">
                <h2 id="data-open-title">{ settings.t("data-open-title") }</h2>
                <div class={classes!("data-drop", dragging.then_some("data-drop-active"))}
                    ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                    <label for="data-file">{ settings.t("data-pick-file") }</label>
                    <input id="data-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onchange={on_pick} />
                    <p class="hint">{ settings.t("data-drop-hint") }</p>
                </div>
                <form class="data-url" novalidate=true onsubmit={on_url_submit}>
                    <label for="data-url">{ settings.t("data-url-label") }</label>
                    <input id="data-url" type="url" inputmode="url" placeholder="https://" value={(*url).clone()} oninput={on_url_input} />
                    <button type="submit">{ settings.t("data-url-open") }</button>
                    <p class="hint">{ settings.t("data-url-hint") }</p>
                </form>
                { status }
            </section>
            { pack_panel.unwrap_or_default() }
            if let Some(loaded) = &*loaded {
                <DatasetView key={*view_key} loaded={loaded.clone()} spec={spec.clone()} />
            }
        </>
    }
}

/// Props of [`DatasetView`].
#[derive(Properties, Clone)]
struct DatasetViewProps {
    loaded: Rc<Loaded>,
    spec: UseStateHandle<Option<ChartSpec>>,
}

impl PartialEq for DatasetViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded) && self.spec == other.spec
    }
}

#[function_component]
fn DatasetView(props: &DatasetViewProps) -> Html {
    let settings = use_settings();
    let loaded = &props.loaded;
    let ds = &loaded.dataset;
    let warnings: Vec<String> = ds.warnings.iter().map(|w| w.message(settings.lang())).collect();
    html! {
        <>
            <section aria-labelledby="data-summary-title">
                <h2 id="data-summary-title">{ loaded.name.clone() }</h2>
                <p id="data-summary">{ ds.summary(settings.lang()) }</p>
                if !warnings.is_empty() {
                    <details class="data-warnings">
                        <summary>{ settings.t_args("data-warnings", &[("count", ds.ragged_rows.max(warnings.len()).into())]) }</summary>
                        <ul>{ for warnings.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul>
                    </details>
                }
            </section>
            <ProfileCards loaded={loaded.clone()} />
            <PreviewTable key={loaded.generation} dataset={loaded.dataset.clone()} />
            if let Some(spec) = &*props.spec {
                <ChartBuilder loaded={loaded.clone()} spec={spec.clone()} on_change={
                    let handle = props.spec.clone();
                    Callback::from(move |s: ChartSpec| handle.set(Some(s)))
                } />
            }
        </>
    }
}

/// Props of the components that only need the file.
#[derive(Properties, Clone)]
struct LoadedProps {
    loaded: Rc<Loaded>,
}

impl PartialEq for LoadedProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
    }
}

fn kind_label(settings: &SettingsHandle, kind: ColumnKind) -> String {
    kind.label(settings.lang())
}

#[function_component]
fn ProfileCards(props: &LoadedProps) -> Html {
    let settings = use_settings();
    let profile = &props.loaded.profile;
    html! {
        <section aria-labelledby="data-profile-title">
            <h2 id="data-profile-title">{ settings.t("data-profile-title") }</h2>
            <ul class="data-cards">
                { for profile.columns.iter().map(|c| html! {
                    <li class="data-card">
                        <h3>{ c.name.clone() }</h3>
                        <p class={classes!("data-type", format!("data-type-{}", c.kind.code()))}>{ kind_label(&settings, c.kind) }</p>
                        <dl>
                            <dt>{ settings.t("data-missing") }</dt><dd>{ c.missing }</dd>
                            <dt>{ settings.t("data-distinct") }</dt><dd>{ c.distinct }</dd>
                        </dl>
                        <p>{ c.sentence(settings.lang(), profile.rows) }</p>
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// Props of [`ChartBuilder`].
#[derive(Properties, Clone)]
struct BuilderProps {
    loaded: Rc<Loaded>,
    spec: ChartSpec,
    on_change: Callback<ChartSpec>,
}

impl PartialEq for BuilderProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded) && self.spec == other.spec
    }
}

/// A chart drawn from the spec, or the reason it cannot be.
fn draw(spec: &ChartSpec, ds: &Dataset, lang: Lang) -> Result<(String, String), String> {
    let data = compute(spec, ds, lang).map_err(|e| e.message(lang))?;
    let svg = render_data_svg(spec, &data, lang).map_err(|e| e.message(lang))?;
    let csv = data.to_csv(spec.x.as_deref().unwrap_or(""), lang);
    Ok((svg, csv))
}

fn option(value: &str, label: String, selected: bool) -> Html {
    html! { <option value={value.to_owned()} {selected}>{ label }</option> }
}

#[function_component]
fn ChartBuilder(props: &BuilderProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let spec = &props.spec;
    let ds = &props.loaded.dataset;
    let lesson_choice = use_state(|| None::<Distortion>);
    let import_error = use_state(|| None::<String>);
    // Re-created after a spec is imported: a select the user has touched no longer
    // follows its options' `selected` attributes.
    let form_key = use_state(|| 0u32);

    let charts = {
        let loaded = props.loaded.clone();
        use_memo(
            (spec.clone(), *lesson_choice, lang, props.loaded.generation),
            move |(spec, choice, lang, _)| match choice {
                None => vec![draw(spec, &loaded.dataset, *lang)],
                Some(d) => {
                    let l = lesson(spec, *d);
                    vec![
                        draw(&l.honest, &loaded.dataset, *lang),
                        draw(&l.misleading, &loaded.dataset, *lang),
                    ]
                }
            },
        )
    };

    let set = |apply: fn(&mut ChartSpec, String)| {
        let spec = spec.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let mut next = spec.clone();
            apply(&mut next, input_value(&e));
            on_change.emit(next);
        })
    };
    let on_lesson = {
        let lesson_choice = lesson_choice.clone();
        Callback::from(move |e: Event| lesson_choice.set(Distortion::from_code(&input_value(&e))))
    };
    let export_json = {
        let spec = spec.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = download::text("graphique.json", "application/json", &spec.to_json());
        })
    };
    let export_csv = {
        let charts = charts.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(Ok((_, csv))) = charts.last() {
                let _ = download::text("donnees-graphique.csv", "text/csv;charset=utf-8", csv);
            }
        })
    };
    let on_import = {
        let on_change = props.on_change.clone();
        let import_error = import_error.clone();
        let form_key = form_key.clone();
        Callback::from(move |e: Event| {
            let Some(file) = file_input::take_chosen(&e) else {
                return;
            };
            let (on_change, import_error, form_key) =
                (on_change.clone(), import_error.clone(), form_key.clone());
            file_input::read_bytes(&file, move |result| {
                match result.map(|bytes| ChartSpec::from_json(&String::from_utf8_lossy(&bytes))) {
                    Ok(Ok(spec)) => {
                        import_error.set(None);
                        form_key.set(*form_key + 1);
                        on_change.emit(spec);
                    }
                    Ok(Err(e)) => import_error.set(Some(e.message(lang))),
                    Err(_) => import_error.set(Some(briques_core::i18n::tr(lang, "data-error-binary"))),
                }
            });
        })
    };

    let columns: Vec<(String, ColumnKind)> = ds.columns.iter().map(|c| (c.name.clone(), c.kind)).collect();
    let numeric: Vec<&(String, ColumnKind)> = columns.iter().filter(|c| c.1.is_numeric()).collect();
    let categorical: Vec<&(String, ColumnKind)> = columns
        .iter()
        .filter(|c| !c.1.is_numeric() && c.1 != ColumnKind::Empty)
        .collect();
    let needs_colour = matches!(
        spec.kind,
        ChartKind::GroupedBar | ChartKind::StackedBar | ChartKind::Line | ChartKind::Scatter
    );
    let figure = |id: &str, title: String, result: &Result<(String, String), String>| match result {
        Ok((svg, _)) => html! {
            <Figure id={id.to_owned()} title={title.clone()}>
                <div role="img" aria-label={title}>{ Html::from_html_unchecked(AttrValue::from(svg.clone())) }</div>
            </Figure>
        },
        Err(message) => html! { <p class="notice" role="status">{ message.clone() }</p> },
    };
    let title = if spec.title.is_empty() {
        settings.t("data-chart-preview")
    } else {
        spec.title.clone()
    };

    html! {
        <section aria-labelledby="data-builder-title" class="data-builder">
            <h2 id="data-builder-title">{ settings.t("data-builder-title") }</h2>
            <form key={form_key.to_string()} class="data-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset>
                    <legend>{ settings.t("data-step-what") }</legend>
                    <label for="chart-kind">{ settings.t("data-chart-kind") }</label>
                    <select id="chart-kind" onchange={set(|s, v| if let Some(k) = ChartKind::from_code(&v) { s.kind = k })}>
                        { for ChartKind::ALL.iter().map(|k| option(k.code(), settings.t(&format!("chart-kind-{}", k.code())), spec.kind == *k)) }
                    </select>
                    <label for="chart-x">{ settings.t("data-chart-x") }</label>
                    <select id="chart-x" onchange={set(|s, v| s.x = if v.is_empty() { None } else { Some(v) })}>
                        { option("", settings.t("data-choose"), spec.x.is_none()) }
                        { for columns.iter().map(|(name, kind)| option(name, format!("{name} ({})", kind_label(&settings, *kind)), spec.x.as_deref() == Some(name))) }
                    </select>
                    <label for="chart-y">{ settings.t("data-chart-y") }</label>
                    <select id="chart-y" onchange={set(|s, v| {
                        if v.is_empty() { s.y = None; s.aggregate = Aggregate::Count; } else {
                            s.y = Some(v);
                            if s.aggregate == Aggregate::Count { s.aggregate = Aggregate::Sum; }
                        }
                    })}>
                        { option("", settings.t("data-count-rows"), spec.y.is_none()) }
                        { for numeric.iter().map(|(name, _)| option(name, name.clone(), spec.y.as_deref() == Some(name))) }
                    </select>
                    if spec.y.is_some() {
                        <label for="chart-aggregate">{ settings.t("data-chart-aggregate") }</label>
                        <select id="chart-aggregate" onchange={set(|s, v| if let Some(a) = Aggregate::from_code(&v) { s.aggregate = a })}>
                            { for Aggregate::OF_VALUES.iter().map(|a| option(a.code(), settings.t(&format!("data-agg-{}", a.code())), spec.aggregate == *a)) }
                        </select>
                    }
                    if needs_colour {
                        <label for="chart-colour">{ settings.t("data-chart-colour") }</label>
                        <select id="chart-colour" onchange={set(|s, v| s.colour = if v.is_empty() { None } else { Some(v) })}>
                            { option("", settings.t("data-none"), spec.colour.is_none()) }
                            { for categorical.iter().map(|(name, _)| option(name, name.clone(), spec.colour.as_deref() == Some(name))) }
                        </select>
                    }
                </fieldset>
                <fieldset>
                    <legend>{ settings.t("data-step-order") }</legend>
                    <label for="chart-sort">{ settings.t("data-chart-sort") }</label>
                    <select id="chart-sort" onchange={set(|s, v| if let Some(o) = SortOrder::from_code(&v) { s.sort = o })}>
                        { for SortOrder::ALL.iter().map(|o| option(o.code(), settings.t(&format!("data-sort-{}", o.code())), spec.sort == *o)) }
                    </select>
                    <label for="chart-top">{ settings.t("data-chart-top") }</label>
                    <input id="chart-top" type="number" min="1" max="40" value={spec.top.map(|t| t.to_string()).unwrap_or_default()}
                        onchange={set(|s, v| s.top = v.trim().parse().ok().filter(|n: &usize| *n > 0))} />
                </fieldset>
                <Filters spec={spec.clone()} columns={columns.iter().map(|c| c.0.clone()).collect::<Vec<_>>()}
                    on_change={props.on_change.clone()} />
                <fieldset>
                    <legend>{ settings.t("data-step-words") }</legend>
                    <label for="chart-title">{ settings.t("data-chart-title") }</label>
                    <input id="chart-title" type="text" value={spec.title.clone()} onchange={set(|s, v| s.title = v)} />
                    <label for="chart-subtitle">{ settings.t("data-chart-subtitle") }</label>
                    <input id="chart-subtitle" type="text" value={spec.subtitle.clone()} onchange={set(|s, v| s.subtitle = v)} />
                    <label for="chart-source">{ settings.t("data-chart-source") }</label>
                    <input id="chart-source" type="text" value={spec.source.clone()} onchange={set(|s, v| s.source = v)} />
                    <label for="chart-licence">{ settings.t("data-chart-licence") }</label>
                    <input id="chart-licence" type="text" value={spec.licence.clone()} onchange={set(|s, v| s.licence = v)} />
                </fieldset>
                <fieldset>
                    <legend>{ settings.t("data-step-lesson") }</legend>
                    <label for="chart-lesson">{ settings.t("data-chart-lesson") }</label>
                    <select id="chart-lesson" onchange={on_lesson}>
                        { option("", settings.t("data-lesson-none"), lesson_choice.is_none()) }
                        { for Distortion::ALL.iter().map(|d| option(d.code(), settings.t(&format!("chart-lesson-{}-title", d.code())), *lesson_choice == Some(*d))) }
                    </select>
                    if *lesson_choice == Some(Distortion::DualAxes) {
                        <label for="chart-y2">{ settings.t("data-chart-y2") }</label>
                        <select id="chart-y2" onchange={set(|s, v| s.y2 = if v.is_empty() { None } else { Some(v) })}>
                            { option("", settings.t("data-choose"), spec.y2.is_none()) }
                            { for numeric.iter().map(|(name, _)| option(name, name.clone(), spec.y2.as_deref() == Some(name))) }
                        </select>
                    }
                </fieldset>
            </form>
            if let Some(d) = *lesson_choice {
                <div class="data-lesson">
                    <p class="data-lesson-text">{ settings.t(&format!("chart-lesson-{}-text", d.code())) }</p>
                    <div class="data-side-by-side">
                        <div class="data-honest">
                            <h3>{ settings.t("data-honest") }</h3>
                            { charts.first().map(|r| figure("data-chart-honest", format!("{title} ({})", settings.t("data-honest")), r)).unwrap_or_default() }
                        </div>
                        <div class="data-misleading">
                            <h3>{ settings.t("data-misleading") }</h3>
                            { charts.get(1).map(|r| figure("data-chart-misleading", format!("{title} ({})", settings.t("data-misleading")), r)).unwrap_or_default() }
                        </div>
                    </div>
                </div>
            } else {
                { charts.first().map(|r| figure("data-chart", title.clone(), r)).unwrap_or_default() }
            }
            <div class="data-exports">
                <button type="button" onclick={export_csv}>{ settings.t("data-export-csv") }</button>
                <button type="button" onclick={export_json}>{ settings.t("data-export-spec") }</button>
                <label for="chart-import">{ settings.t("data-import-spec") }</label>
                <input id="chart-import" type="file" accept=".json,application/json" onchange={on_import} />
            </div>
            if let Some(message) = &*import_error {
                <p class="notice notice-error" role="alert">{ message.clone() }</p>
            }
        </section>
    }
}

/// Props of [`Filters`].
#[derive(Properties, PartialEq)]
struct FiltersProps {
    spec: ChartSpec,
    columns: Vec<String>,
    on_change: Callback<ChartSpec>,
}

/// Rows kept by the chart: the list of filters and a line to add one.
#[function_component]
fn Filters(props: &FiltersProps) -> Html {
    let settings = use_settings();
    let column = use_state(|| props.columns.first().cloned().unwrap_or_default());
    let op = use_state(|| FilterOp::Eq);
    let value = use_state(String::new);
    let on_column = {
        let column = column.clone();
        Callback::from(move |e: Event| column.set(input_value(&e)))
    };
    let on_op = {
        let op = op.clone();
        Callback::from(move |e: Event| {
            if let Some(chosen) = FilterOp::from_code(&input_value(&e)) {
                op.set(chosen);
            }
        })
    };
    let on_value = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| value.set(input_value(&e)))
    };
    let add = {
        let (spec, on_change) = (props.spec.clone(), props.on_change.clone());
        let (column, op, value) = (column.clone(), op.clone(), value.clone());
        Callback::from(move |_: MouseEvent| {
            if column.is_empty() {
                return;
            }
            let mut next = spec.clone();
            next.filters.push(Filter {
                column: (*column).clone(),
                op: *op,
                value: (*value).clone(),
            });
            on_change.emit(next);
            value.set(String::new());
        })
    };
    let describe = |f: &Filter| {
        let op = settings.t(&format!("data-op-{}", f.op.code()));
        if f.op.needs_value() {
            format!("{} {op} « {} »", f.column, f.value)
        } else {
            format!("{} {op}", f.column)
        }
    };
    let needs_value = op.needs_value();
    html! {
        <fieldset>
            <legend>{ settings.t("data-step-filter") }</legend>
            if !props.spec.filters.is_empty() {
                <ul class="data-filters">
                    { for props.spec.filters.iter().enumerate().map(|(i, f)| {
                        let text = describe(f);
                        let remove = {
                            let (spec, on_change) = (props.spec.clone(), props.on_change.clone());
                            Callback::from(move |_: MouseEvent| {
                                let mut next = spec.clone();
                                if i < next.filters.len() {
                                    next.filters.remove(i);
                                }
                                on_change.emit(next);
                            })
                        };
                        html! {
                            <li>
                                <span>{ text.clone() }</span>
                                <button type="button" onclick={remove}
                                    aria-label={settings.t_args("data-filter-remove-of", &[("filter", text.as_str().into())])}>
                                    { settings.t("data-filter-remove") }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <label for="filter-column">{ settings.t("data-filter-column") }</label>
            <select id="filter-column" onchange={on_column}>
                { for props.columns.iter().map(|c| option(c, c.clone(), *column == *c)) }
            </select>
            <label for="filter-op">{ settings.t("data-filter-op") }</label>
            <select id="filter-op" onchange={on_op}>
                { for FilterOp::ALL.iter().map(|o| option(o.code(), settings.t(&format!("data-op-{}", o.code())), *op == *o)) }
            </select>
            if needs_value {
                <label for="filter-value">{ settings.t("data-filter-value") }</label>
                <input id="filter-value" type="text" value={(*value).clone()} oninput={on_value} />
            }
            <button type="button" onclick={add}>{ settings.t("data-filter-add") }</button>
        </fieldset>
    }
}
