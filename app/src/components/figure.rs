//! A chart with its title and export buttons (SVG and PNG). The chart itself is an
//! `<svg>` drawn by Yew (which escapes every text), exported as it is on screen.

use yew::prelude::*;

use crate::hooks::use_settings;
use crate::services::download;

/// Props of [`Figure`].
#[derive(Properties, PartialEq)]
pub struct FigureProps {
    /// Unique id of the figure (also the exported file's name, unless `file` says).
    pub id: AttrValue,
    /// The exported files' name without extension, when the id does not say which
    /// chart it is.
    #[prop_or_default]
    pub file: Option<AttrValue>,
    /// Heading shown above the chart.
    pub title: AttrValue,
    /// Controls shown between the title and the chart.
    #[prop_or_default]
    pub controls: Html,
    /// The chart.
    pub children: Html,
}

/// A titled chart that can be saved as SVG or PNG.
#[function_component]
pub fn Figure(props: &FigureProps) -> Html {
    let settings = use_settings();
    let id = props.id.clone();
    let file = props.file.clone().unwrap_or_else(|| id.clone());
    let on_svg = {
        let (id, file) = (id.clone(), file.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(chart) = download::svg_chart(&id) {
                let _ = download::text(&format!("{file}.svg"), "image/svg+xml", &chart.markup);
            }
        })
    };
    let on_png = {
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(chart) = download::svg_chart(&id) {
                let _ = download::svg_to_png(
                    chart.markup,
                    chart.width,
                    chart.height,
                    2.0,
                    format!("{file}.png"),
                );
            }
        })
    };
    let heading = format!("{id}-title");
    html! {
        <figure class="figure" aria-labelledby={heading.clone()}>
            <div class="figure-head">
                <h3 id={heading}>{ &props.title }</h3>
                <div class="figure-actions">
                    <button type="button" onclick={on_svg}
                        aria-label={settings.t_args("export-svg-of", &[("chart", props.title.as_str().into())])}>
                        { settings.t("export-svg") }
                    </button>
                    <button type="button" onclick={on_png}
                        aria-label={settings.t_args("export-png-of", &[("chart", props.title.as_str().into())])}>
                        { settings.t("export-png") }
                    </button>
                </div>
            </div>
            { props.controls.clone() }
            <div id={id.to_string()} class="chart">{ props.children.clone() }</div>
        </figure>
    }
}
