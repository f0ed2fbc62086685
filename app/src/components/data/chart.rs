//! The chart, drawn by the core's plotters module, or a lesson's honest and misleading
//! versions side by side with the paragraph that explains the trick (and, when the
//! trick barely shows on this table, why). Each drawing is an SVG figure that exports
//! as SVG and PNG under a name that says which chart it is, or the reason it cannot be
//! drawn. The whole is the place the page brings on screen when a chart is chosen.

use std::rc::Rc;

use briques_core::chart::data::compute;
use briques_core::chart::draw::render_data_svg;
use briques_core::chart::file_stem;
use briques_core::chart::lessons::weak_effect;
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

/// The charts shown, drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Charts {
    /// Each chart drawn.
    pub drawings: Shown<Drawing>,
    /// For a lesson whose trick barely shows on this table: why.
    pub weak: Option<String>,
}

/// Draws the charts shown from the table. On wasm32 plotters measures text with the
/// page's canvas, so this runs on the main thread, in the page's memo, never in a
/// reducer.
pub fn draw(shown: &Shown<ChartSpec>, ds: &Dataset, lang: Lang) -> Charts {
    let computed = shown.map(|spec| {
        compute(spec, ds, lang)
            .map(|data| (spec.clone(), data))
            .map_err(|e| e.message(lang))
    });
    let weak = match &computed {
        Shown::Lesson {
            distortion,
            honest: Ok((_, honest)),
            misleading: Ok((_, misleading)),
        } => weak_effect(*distortion, honest, misleading, lang),
        _ => None,
    };
    let drawings = computed.map(|result| {
        let (spec, data) = result.as_ref().map_err(Clone::clone)?;
        let svg = render_data_svg(spec, data, lang).map_err(|e| e.message(lang))?;
        Ok(Drawn {
            svg: svg.into(),
            csv: data.to_csv(spec.x.as_deref().unwrap_or(""), lang).into(),
        })
    });
    Charts { drawings, weak }
}

/// Props of [`ChartView`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The chart's title (or a placeholder).
    pub title: AttrValue,
    /// The title that names the exported files.
    pub file: AttrValue,
    /// Whether the chart shown alone is a misleading one (a pack's prepared chart).
    pub misleading: bool,
    /// The drawings shown.
    pub charts: Rc<Charts>,
}

fn figure(id: &'static str, title: String, file: String, drawing: &Drawing) -> Html {
    match drawing {
        Ok(drawn) => html! {
            <Figure id={id} title={title.clone()} file={file}>
                <div role="img" aria-label={title}>{ Html::from_html_unchecked(drawn.svg.clone()) }</div>
            </Figure>
        },
        Err(message) => html! { <p class="notice" role="status">{ message.clone() }</p> },
    }
}

/// The chart, or the lesson, in a region the page can focus.
#[function_component]
pub fn ChartView(props: &ChartProps) -> Html {
    let settings = use_settings();
    let title = props.title.as_str();
    // "Prêts par bibliothèque (Trompeur)", and its files `prets-par-bibliotheque-trompeur`.
    let version = |key: &str| {
        let word = settings.t(key);
        let heading = settings.t_args(
            "data-chart-version",
            &[("title", title.into()), ("version", word.as_str().into())],
        );
        (heading, file_stem(&[&props.file, &word]))
    };
    let content = match &props.charts.drawings {
        Shown::Chart(drawing) => {
            let (heading, file) = if props.misleading {
                version("data-misleading")
            } else {
                (title.to_owned(), file_stem(&[&props.file]))
            };
            figure("data-chart", heading, file, drawing)
        }
        Shown::Lesson {
            distortion,
            honest,
            misleading,
        } => {
            let (honest_title, honest_file) = version("data-honest");
            let (misleading_title, misleading_file) = version("data-misleading");
            html! {
                <div class="data-lesson">
                    <p class="data-lesson-text">{ settings.t(&format!("chart-lesson-{}-text", distortion.code())) }</p>
                    if let Some(weak) = &props.charts.weak {
                        <p class="notice data-lesson-weak">{ weak.clone() }</p>
                    }
                    <div class="data-side-by-side">
                        <div class="data-honest">
                            <h3>{ settings.t("data-honest") }</h3>
                            { figure("data-chart-honest", honest_title, honest_file, honest) }
                        </div>
                        <div class="data-misleading">
                            <h3>{ settings.t("data-misleading") }</h3>
                            { figure("data-chart-misleading", misleading_title, misleading_file, misleading) }
                        </div>
                    </div>
                </div>
            }
        }
    };
    html! {
        <section id="data-result" tabindex="-1" aria-label={props.title.clone()}>
            { content }
        </section>
    }
}
