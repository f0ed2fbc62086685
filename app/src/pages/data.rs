//! `/donnees`, "Lire et construire un graphique": open a CSV (file picker, drag and drop,
//! or an address), see what each column holds, build a chart step by step, compare the
//! honest and misleading versions, and take everything away (SVG, PNG, CSV, JSON).
//! The file never leaves the device; large files are read in slices between which the
//! browser paints the progress bar (`services::data_import`).
//!
//! The state lives in `state::data`; this page reads files and addresses, opens a
//! workshop pack's dataset (`?pack=<slug>`), draws the charts, and dispatches. What an
//! action brings on screen (a file opened, a prepared chart chosen), often far below the
//! button, is scrolled to, focused and announced.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::File;
use yew::prelude::*;

use crate::components::data::builder::ChartForm;
use crate::components::data::chart::{draw, ChartView};
use crate::components::data::exports::Exports;
use crate::components::data::open::OpenPanel;
use crate::components::data::pack::{PackPanel, PackPrints};
use crate::components::data::people::{HandPanel, HandSheet, PeoplePanel};
use crate::components::data::profile::FileProfile;
use crate::components::data::search::DataSearch;
use crate::components::preview::PreviewTable;
use crate::hooks::use_settings;
use crate::services::{data_import, file_input, pack_store, tasks};
use crate::state::data::{shown, DataAction, DataState, Loaded, OpenError, PackData, Reveal};

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

/// Opens files for the page, the last one chosen winning: each file chosen (picked,
/// dropped, fetched, or a pack's) takes the next number of `latest`, and a read, fetch or
/// import that is no longer the latest gives up, even when an earlier, larger file would
/// finish later.
#[derive(Clone)]
struct Opener {
    dispatcher: UseReducerDispatcher<DataState>,
    latest: Rc<RefCell<u32>>,
}

impl Opener {
    fn fail(&self, error: OpenError) {
        self.dispatcher.dispatch(DataAction::Fail { error });
    }

    /// Imports bytes in slices; only the latest import's steps and result are shown,
    /// brought on screen when `reveal`.
    fn open_bytes(&self, name: String, bytes: Vec<u8>, reveal: bool) {
        let mine = file_input::next(&self.latest);
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let current = || *this.latest.borrow() == mine;
            let report = |action| {
                let wanted = current();
                if wanted {
                    this.dispatcher.dispatch(action);
                }
                wanted
            };
            match data_import::import(bytes, &name, report).await {
                Ok(Some((dataset, profile))) if current() => this.dispatcher.dispatch(DataAction::Open {
                    loaded: Rc::new(Loaded::new(name, dataset, profile, mine)),
                    reveal,
                }),
                Err(error) if current() => this.fail(OpenError::File(error)),
                _ => {}
            }
        });
    }

    /// Reads a file picked or dropped, then imports it.
    fn open_file(&self, file: File) {
        let (name, this) = (file.name(), self.clone());
        file_input::read_latest(&self.latest, &file, move |result| {
            if let Ok(bytes) = result {
                this.open_bytes(name, bytes, true);
            }
        });
    }

    /// Fetches an address (only web addresses, resolved against the page, so that
    /// `/donnees/x.csv` works), then imports it.
    fn open_address(&self, typed: &str) {
        let address = typed.trim();
        if address.is_empty() {
            return;
        }
        let base = gloo::utils::window().location().href().unwrap_or_default();
        let address = match web_sys::Url::new_with_base(address, &base) {
            Ok(parsed) if matches!(parsed.protocol().as_str(), "http:" | "https:") => parsed.href(),
            _ => {
                return self.fail(OpenError::NotAnAddress {
                    address: address.to_owned(),
                })
            }
        };
        if !gloo::utils::window().navigator().on_line() {
            return self.fail(OpenError::Offline);
        }
        let mine = file_input::next(&self.latest);
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let fetched = tasks::fetch_bytes(&address).await;
            if *this.latest.borrow() != mine {
                return;
            }
            match fetched {
                Ok(bytes) => this.open_bytes(address, bytes, true),
                Err(Some(status)) => this.fail(OpenError::Status { status }),
                Err(None) => this.fail(OpenError::Blocked),
            }
        });
    }

    /// Opens a workshop pack's dataset, which opens with the pack's first chart (where
    /// the page is: the pack's prepared charts stay in view).
    async fn open_pack(self, slug: String) {
        match pack_store::find(&slug).await.and_then(PackData::from_pack) {
            Some((pack, file)) => {
                self.dispatcher
                    .dispatch(DataAction::OpenPack { pack: Rc::new(pack) });
                self.open_bytes(file.name, file.csv.into_bytes(), false);
            }
            None => self.fail(OpenError::PackMissing { slug }),
        }
    }
}

/// The Données page.
#[function_component]
pub fn DataPage() -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let state = use_reducer(DataState::default);
    let opener = Opener {
        dispatcher: state.dispatcher(),
        latest: use_mut_ref(|| 0u32),
    };
    // Made once: they capture only what never changes, so the components that receive
    // them are not redrawn for nothing.
    let on_action = use_callback(state.dispatcher(), |action, dispatcher| {
        dispatcher.dispatch(action)
    });
    let on_file = {
        let opener = opener.clone();
        use_callback((), move |file, _| opener.open_file(file))
    };
    let on_address = {
        let opener = opener.clone();
        use_callback((), move |typed: String, _| opener.open_address(&typed))
    };
    // Launched from a workshop pack (`?pack=<slug>`).
    use_effect_with((), move |_| {
        if let Some(slug) = pack_slug() {
            wasm_bindgen_futures::spawn_local(opener.open_pack(slug));
        }
    });

    // Neutral titles are in the page's language.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(lang, move |lang| {
            dispatcher.dispatch(DataAction::SetLang { lang: *lang })
        });
    }

    // The charts are drawn again only when the chart, the lesson, the language, the file,
    // the workshop mode or statistical secrecy changes. In workshop mode, the pack's
    // charts are drawn under their neutral titles.
    let workshop = state.workshop && state.pack.is_some();
    let drawn = {
        let loaded = state.loaded.clone();
        let generation = loaded.as_ref().map(|l| l.generation);
        use_memo(
            (
                state.spec.clone(),
                state.lesson,
                lang,
                generation,
                workshop,
                state.people,
            ),
            move |(spec, lesson, lang, _, workshop, people)| {
                let (Some(loaded), Some(spec)) = (loaded, spec) else {
                    return None;
                };
                Some(Rc::new(draw(
                    &shown(spec, *lesson, &loaded.dataset),
                    &loaded.dataset,
                    *lang,
                    *workshop,
                    *people,
                )))
            },
        )
    };

    // The result of the last action: scrolled to and focused (announced below).
    use_effect_with(state.reveal, |reveal| {
        // The file's name (`FileProfile`), the chart or lesson (`ChartView`).
        let (file, chart) = ("data-summary-title", "data-result");
        let id = match reveal {
            Some((Reveal::File, _)) => file,
            Some((Reveal::Chart, _)) => chart,
            None => return,
        };
        let found = gloo::utils::document().get_element_by_id(id);
        if let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            element.scroll_into_view();
            let _ = element.focus();
        }
    });

    let builder = match (&state.loaded, &state.spec, &*drawn) {
        (Some(loaded), Some(spec), Some(drawn)) => {
            let (title, file) = if spec.title.is_empty() {
                (settings.t("data-chart-preview"), settings.t("data-chart-file"))
            } else {
                (spec.title.clone(), spec.title.clone())
            };
            html! {
                <section aria-labelledby="data-builder-title" class="data-builder">
                    <h2 id="data-builder-title">{ settings.t("data-builder-title") }</h2>
                    <ChartForm key={state.form} loaded={loaded.clone()} spec={spec.clone()} lesson={state.lesson}
                        filter={state.filter.clone()} on_action={on_action.clone()} />
                    <ChartView title={title.clone()} file={file} misleading={spec.distortion.is_some() && !workshop} charts={drawn.clone()} />
                    <PeoplePanel people={state.people} charts={drawn.clone()} on_action={on_action.clone()} />
                    <HandPanel hand={drawn.hand.clone()} title={title} />
                    <Exports spec={spec.clone()} csv={drawn.drawings.exported().as_ref().ok().map(|d| d.csv.clone())}
                        error={state.chart_file_error.clone()} on_action={on_action.clone()} />
                </section>
            }
        }
        _ => html! {},
    };

    let announced = match (state.reveal, &state.loaded, &state.spec) {
        (Some((Reveal::File, _)), Some(loaded), _) => format!(
            "{} {}",
            settings.t_args("data-opened", &[("name", loaded.name.as_str().into())]),
            loaded.dataset.summary(lang)
        ),
        (Some((Reveal::Chart, _)), _, Some(spec)) => {
            settings.t_args("data-chart-shown", &[("title", spec.title.as_str().into())])
        }
        _ => String::new(),
    };

    let hand_sheet = match (&*drawn, &state.spec) {
        (Some(drawn), Some(spec)) => {
            html! { <HandSheet hand={drawn.hand.clone()} title={spec.title.clone()} /> }
        }
        _ => html! {},
    };
    let prints = match &state.pack {
        Some(pack) => {
            let loaded = state.loaded.clone().filter(|l| l.name == pack.file);
            html! { <PackPrints pack={pack.clone()} {loaded} /> }
        }
        None => html! {},
    };

    html! {
        <div class="data-page">
            <p class="visually-hidden" role="status">{ announced }</p>
            <h1>{ settings.t("data-title") }</h1>
            <p class="lead">{ settings.t("data-lead") }</p>
            <OpenPanel load={state.load.clone()} {on_file} on_address={on_address.clone()} />
            <DataSearch on_open={on_address} />
            if let Some(pack) = &state.pack {
                <PackPanel pack={pack.clone()} workshop={state.workshop} on_action={on_action.clone()} />
            }
            if let Some(loaded) = &state.loaded {
                <FileProfile loaded={loaded.clone()} />
                <PreviewTable key={loaded.generation} dataset={loaded.dataset.clone()} />
                { builder }
            }
            { prints }
            { hand_sheet }
        </div>
    }
}
