//! Taking the chart away and bringing one back: the chart's data as CSV, the chart
//! itself as a `briques-chart` JSON file, and opening such a file (which replaces the
//! chart, or says why it cannot). SVG and PNG are on each figure.

use std::rc::Rc;

use briques_core::chart::ChartSpec;
use yew::prelude::*;

use crate::hooks::use_settings;
use crate::services::{download, file_input};
use crate::state::data::{ChartFileError, DataAction};

/// Props of [`Exports`].
#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    /// The chart.
    pub spec: ChartSpec,
    /// The data of the chart drawn, when it could be drawn.
    pub csv: Option<Rc<str>>,
    /// Why the last chart file could not be opened.
    pub error: Option<ChartFileError>,
    /// Where actions go.
    pub on_action: Callback<DataAction>,
}

/// The export buttons and the chart file input.
#[function_component]
pub fn Exports(props: &ExportsProps) -> Html {
    let settings = use_settings();
    let export_csv = {
        let csv = props.csv.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(csv) = &csv {
                let _ = download::text("donnees-graphique.csv", "text/csv;charset=utf-8", csv);
            }
        })
    };
    let export_json = {
        let spec = props.spec.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = download::text("graphique.json", "application/json", &spec.to_json());
        })
    };
    let on_import = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let Some(file) = file_input::take_chosen(&e) else {
                return;
            };
            let on_action = on_action.clone();
            file_input::read_bytes(&file, move |result| {
                on_action.emit(match result {
                    Ok(bytes) => DataAction::ImportChart {
                        text: String::from_utf8_lossy(&bytes).into_owned(),
                    },
                    Err(_) => DataAction::ChartFileUnreadable,
                })
            });
        })
    };
    let error = props.error.as_ref().map(|error| match error {
        ChartFileError::Unreadable => settings.t("data-error-binary"),
        ChartFileError::Invalid(error) => error.message(settings.lang()),
    });
    html! {
        <>
            <div class="data-exports">
                <button type="button" onclick={export_csv}>{ settings.t("data-export-csv") }</button>
                <button type="button" onclick={export_json}>{ settings.t("data-export-spec") }</button>
                <label for="chart-import">{ settings.t("data-import-spec") }</label>
                <input id="chart-import" type="file" accept=".json,application/json" onchange={on_import} />
            </div>
            if let Some(message) = error {
                <p class="notice notice-error" role="alert">{ message }</p>
            }
        </>
    }
}
