//! The chart, drawn by the core's plotters module, or a lesson's honest and misleading
//! versions side by side with the paragraph that explains the trick. Each drawing is an
//! SVG figure that exports as SVG and PNG, or the reason it cannot be drawn.

use std::rc::Rc;

use briques_core::chart::data::compute;
use briques_core::chart::draw::render_data_svg;
use briques_core::chart::ChartSpec;
use briques_core::dataset::Dataset;
use briques_core::i18n::Lang;
use yew::prelude::*;

use crate::components::figure::Figure;
use crate::hooks::use_settings;
use crate::state::data::Shown;

/// A chart drawn: its SVG and the data it draws, as CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawn {
    /// The SVG markup (plotters escapes every text).
    pub svg: AttrValue,
    /// The chart's data.
    pub csv: Rc<str>,
}

/// A chart drawn, or why it cannot be (translated).
pub type Drawing = Result<Drawn, String>;

/// Draws `spec` from the table. On wasm32 plotters measures text with the page's canvas,
/// so this runs on the main thread, in the page's memo, never in a reducer.
pub fn draw(spec: &ChartSpec, ds: &Dataset, lang: Lang) -> Drawing {
    let data = compute(spec, ds, lang).map_err(|e| e.message(lang))?;
    let svg = render_data_svg(spec, &data, lang).map_err(|e| e.message(lang))?;
    let csv = data.to_csv(spec.x.as_deref().unwrap_or(""), lang);
    Ok(Drawn {
        svg: svg.into(),
        csv: csv.into(),
    })
}

/// Props of [`ChartView`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The chart's title (or a placeholder).
    pub title: AttrValue,
    /// The drawings shown.
    pub shown: Rc<Shown<Drawing>>,
}

fn figure(id: &'static str, title: String, drawing: &Drawing) -> Html {
    match drawing {
        Ok(drawn) => html! {
            <Figure id={id} title={title.clone()}>
                <div role="img" aria-label={title}>{ Html::from_html_unchecked(drawn.svg.clone()) }</div>
            </Figure>
        },
        Err(message) => html! { <p class="notice" role="status">{ message.clone() }</p> },
    }
}

/// The chart, or the lesson.
#[function_component]
pub fn ChartView(props: &ChartProps) -> Html {
    let settings = use_settings();
    let title = props.title.as_str();
    let version = |key: &str| {
        settings.t_args(
            "data-chart-version",
            &[
                ("title", title.into()),
                ("version", settings.t(key).as_str().into()),
            ],
        )
    };
    match &*props.shown {
        Shown::Chart(drawing) => figure("data-chart", title.to_owned(), drawing),
        Shown::Lesson {
            distortion,
            honest,
            misleading,
        } => html! {
            <div class="data-lesson">
                <p class="data-lesson-text">{ settings.t(&format!("chart-lesson-{}-text", distortion.code())) }</p>
                <div class="data-side-by-side">
                    <div class="data-honest">
                        <h3>{ settings.t("data-honest") }</h3>
                        { figure("data-chart-honest", version("data-honest"), honest) }
                    </div>
                    <div class="data-misleading">
                        <h3>{ settings.t("data-misleading") }</h3>
                        { figure("data-chart-misleading", version("data-misleading"), misleading) }
                    </div>
                </div>
            </div>
        },
    }
}
