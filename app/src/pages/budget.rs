//! The budget explorer: choose a commune (the demo commune, a file read on the device,
//! or the national files when the server has them), see where its money comes from and
//! goes (treemap with drill-down, indicators with their definitions, evolution over the
//! years, what 100 € fund, comparison with communes of the same size), play "Si j'étais
//! maire", and look up any term in the glossary.
//!
//! The state lives in `state::budget` (the view, which is also the URL, the budgets, the
//! notices); the effects below fetch what the view names, write the URL, and read the
//! files the user chooses, and dispatch what they got. The sections are
//! `components::budget`.

use std::rc::Rc;

use briques_core::budget::explore::MayorBase;
use wasm_bindgen::JsValue;
use web_sys::File;
use yew::prelude::*;

use crate::components::budget::aggregates::Aggregates;
use crate::components::budget::drill::DrillDown;
use crate::components::budget::evolution::Evolution;
use crate::components::budget::glossary::Glossary;
use crate::components::budget::heading::BudgetHeading;
use crate::components::budget::hundred::Hundred;
use crate::components::budget::indicators::Indicators;
use crate::components::budget::mayor::{LiveGroups, Mayor};
use crate::components::budget::source::SourcePanel;
use crate::hooks::use_settings;
use crate::hooks::SettingsHandle;
use crate::services::{budget_data, file_input, saved_communes};
use crate::state::budget::{
    fits, population, BudgetAction, BudgetState, BudgetView, Data, Loaded, Origin, Source, Tab,
};

/// Where a commune's budgets come from, when not from here: the public APIs (and
/// whether they could be kept on this device), or this device (with the date and a
/// button to fetch them again); and which figures are OFGL's when a balance is there too.
fn origin_note(
    settings: &SettingsHandle,
    origin: &Origin,
    budget: &briques_core::budget::Budget,
    refreshing: bool,
    on_action: &Callback<BudgetAction>,
) -> Html {
    let said = match origin {
        Origin::Here => return html! {},
        Origin::Apis { not_saved: None } => settings.t("budget-origin-apis"),
        Origin::Apis { not_saved: Some(e) } => settings.t(e.message_key()),
        Origin::Device { date } => settings.t_args("budget-origin-device", &[("date", date.as_str().into())]),
    };
    let both = budget.has_published_aggregates() && !budget.lines.is_empty();
    html! {
        <div class="budget-origin">
            <p>
                { said }
                if matches!(origin, Origin::Device { .. }) {
                    { " " }
                    <button type="button" disabled={refreshing}
                        onclick={on_action.reform(|_: MouseEvent| BudgetAction::Refresh)}>
                        { settings.t("budget-origin-refresh") }
                    </button>
                }
            </p>
            if both {
                <p class="hint">{ settings.t("budget-origin-consolidated") }</p>
            }
        </div>
    }
}

fn location_query() -> String {
    gloo::utils::window().location().search().unwrap_or_default()
}

/// The budget page.
#[function_component]
pub fn BudgetPage() -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let state = use_reducer(|| BudgetState::new(BudgetView::from_query(&location_query())));
    // Numbers the file reads, so that only the latest one is analysed.
    let reads = use_mut_ref(|| 0u32);
    let on_action = state.dispatcher().to_callback();

    // The communes kept on this device; how wide the page is, now and whenever the window
    // changes (the charts are drawn for it).
    let page_ref = use_node_ref();
    {
        let on_action = on_action.clone();
        let page_ref = page_ref.clone();
        use_effect_with((), move |_| {
            let measure = {
                let on_action = on_action.clone();
                move || {
                    if let Some(page) = page_ref.cast::<web_sys::Element>() {
                        on_action.emit(BudgetAction::Width {
                            px: f64::from(page.client_width()),
                        });
                    }
                }
            };
            measure();
            let resized =
                gloo::events::EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            wasm_bindgen_futures::spawn_local(async move {
                let list = saved_communes::list().await;
                on_action.emit(BudgetAction::SavedList { list });
            });
            move || drop(resized)
        });
    }
    // Fetch the commune the view names (a file is already here), again when asked; a
    // commune fetched from the APIs is then in the list of those kept on this device.
    {
        let on_action = on_action.clone();
        let refresh = state.refresh;
        use_effect_with((state.view.source.clone(), state.reloads), move |(source, _)| {
            let source = source.clone();
            if source != Source::File {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match &source {
                        Source::Insee(code) => budget_data::commune(code, lang, refresh).await,
                        _ => budget_data::demo(lang).await,
                    };
                    let fetched = matches!(&result, Ok(l) if l.origin != Origin::Here);
                    on_action.emit(BudgetAction::Loaded { source, result });
                    if fetched {
                        let list = saved_communes::list().await;
                        on_action.emit(BudgetAction::SavedList { list });
                    }
                });
            }
        });
    }
    // The view lives in the URL.
    use_effect_with(state.view.clone(), |view| {
        let url = format!("/budget{}", view.to_query());
        if let Ok(history) = gloo::utils::window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    });

    let on_file = {
        let on_action = on_action.clone();
        Callback::from(move |file: File| {
            let (name, size) = (file.name(), file.size());
            if !fits(size) {
                on_action.emit(BudgetAction::TooBig { file: name, size });
                return;
            }
            let read = file_input::next(&reads);
            on_action.emit(BudgetAction::Reading {
                read,
                file: name.clone(),
                size,
            });
            let on_action = on_action.clone();
            let reads = reads.clone();
            file_input::read_bytes(&file, move |result| {
                // A file chosen since wins: this one is not analysed at all.
                if *reads.borrow() != read {
                    return;
                }
                let bytes = match result {
                    Ok(bytes) => bytes,
                    Err(message) => {
                        on_action.emit(BudgetAction::ReadFailed {
                            read,
                            file: name,
                            message,
                        });
                        return;
                    }
                };
                on_action.emit(BudgetAction::Analysing {
                    read,
                    file: name.clone(),
                });
                // Let the browser paint the message before the work starts.
                // (The account labels were fetched with the first budgets the page showed.)
                gloo::timers::callback::Timeout::new(0, move || {
                    let result = Loaded::from_file(&bytes, lang);
                    on_action.emit(BudgetAction::Imported {
                        read,
                        file: name,
                        result,
                    });
                })
                .forget();
            });
        })
    };
    let on_remove = {
        let on_action = on_action.clone();
        Callback::from(move |insee: String| {
            let on_action = on_action.clone();
            wasm_bindgen_futures::spawn_local(async move {
                saved_communes::remove(&insee).await;
                let list = saved_communes::list().await;
                on_action.emit(BudgetAction::SavedList { list });
            });
        })
    };

    let body = match (&state.data, state.shown()) {
        (Data::Loading, _) => html! { <p class="notice" role="status">{ settings.t("budget-loading") }</p> },
        (Data::Failed(message), _) => html! {
            <p class="error" role="alert">{ settings.t_args("budget-load-failed", &[("message", message.as_str().into())]) }</p>
        },
        (Data::Ready(_), None) => html! {},
        (Data::Ready(_), Some((loaded, budget))) => {
            let view = &state.view;
            let population = population(budget, state.population);
            let per_inhabitant = view.per_inhabitant && population.is_some_and(|p| p > 0);
            let heading = html! {
                <>
                    { origin_note(&settings, &loaded.origin, budget, state.refresh, &on_action) }
                    <BudgetHeading loaded={loaded.clone()} year={view.year} typed_population={state.population}
                        tab={view.tab} on_action={on_action.clone()} />
                </>
            };
            match view.tab {
                // Not a commune's budget (M4x services, syndicates…): its totals, and why
                // no chapter label or citizen category is shown.
                _ if !budget.communal_nomenclature() => html! {
                    <>
                        { heading }
                        <p class="notice" role="status">{ settings.t_args("budget-other-nomenclature",
                            &[("nomenclature", budget.nomenclature.as_str().into())]) }</p>
                        <Indicators loaded={loaded.clone()} year={view.year} {population}
                            per_inhabitant={view.per_inhabitant} />
                    </>
                },
                Tab::Maire if budget.lines.is_empty() => html! {
                    <>{ heading }<p>{ settings.t("budget-no-lines") }</p></>
                },
                Tab::Maire => html! {
                    <>
                        { heading }
                        <LiveGroups steps={Rc::new(briques_core::live::plans::budget_steps(budget, &loaded.name, settings.lang()))} />
                        <Mayor base={Rc::new(MayorBase::from_budget(budget))} commune={loaded.name.clone()}
                            exercice={budget.exercice} />
                    </>
                },
                Tab::Explorer if budget.lines.is_empty() => html! {
                    <>
                        { heading }
                        <Indicators loaded={loaded.clone()} year={view.year} {population}
                            per_inhabitant={view.per_inhabitant} />
                        <Evolution loaded={loaded.clone()} {per_inhabitant} width={state.width} />
                        <Aggregates loaded={loaded.clone()} year={view.year} {population} />
                    </>
                },
                Tab::Explorer => html! {
                    <>
                        { heading }
                        <Indicators loaded={loaded.clone()} year={view.year} {population}
                            per_inhabitant={view.per_inhabitant} />
                        <DrillDown loaded={loaded.clone()} view={view.clone()} {population} width={state.width}
                            on_action={on_action.clone()} />
                        <Hundred loaded={loaded.clone()} year={view.year} width={state.width} />
                        <Evolution loaded={loaded.clone()} {per_inhabitant} width={state.width} />
                        <Aggregates loaded={loaded.clone()} year={view.year} {population} />
                    </>
                },
            }
        }
    };

    html! {
        <div class="budget-page" ref={page_ref} data-budget-loads={state.loads.to_string()}>
            <h1>{ settings.t("budget-title") }</h1>
            <p class="lead">{ settings.t("budget-lead") }</p>
            <SourcePanel saved={state.saved.clone()} notice={state.notice.clone()} busy={state.busy}
                on_action={on_action.clone()} {on_file} {on_remove} />
            { body }
            <Glossary />
        </div>
    }
}
