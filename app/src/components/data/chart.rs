//! The chart, drawn by the core's plotters module, or a lesson's honest and misleading
//! versions side by side with the paragraph that explains the trick (and, when the
//! trick barely shows on this table, why). Each drawing is an SVG figure that exports
//! as SVG and PNG under a name that says which chart it is, or the reason it cannot be
//! drawn. The whole is the place the page brings on screen when a chart is chosen.

use std::rc::Rc;

use briques_core::chart::data::{compute, ChartData, PeopleTable};
use briques_core::chart::draw::{render_data_svg, render_data_svg_titled};
use briques_core::chart::file_stem;
use briques_core::chart::hand::{blank_axes_svg, hand_axes, hand_scale, HandScale, HAND_STEPS};
use briques_core::chart::lessons::weak_effect;
use briques_core::chart::ChartSpec;
use briques_core::dataset::secrecy::THRESHOLD;
use briques_core::dataset::transform::Aggregate;
use briques_core::dataset::Dataset;
use briques_core::i18n::format_number;
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

/// Statistical secrecy on the charts shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Secrecy {
    /// The chart is not said to count people.
    Off,
    /// It is, but the rule does not cover this chart (a mean, points, bins).
    NotApplicable,
    /// The counts of the chart whose data is exported, masked (every chart shown is).
    Masked(Rc<PeopleTable>),
}

/// What drawing the exported chart by hand needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Hand {
    /// The suggested scale.
    pub scale: HandScale,
    /// The blank axes (SVG markup, every text escaped by the core).
    pub svg: AttrValue,
    /// The values to place: a header and rows, as written.
    pub values: Rc<(Vec<String>, Vec<Vec<String>>)>,
}

/// The charts shown, drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Charts {
    /// Each chart drawn.
    pub drawings: Shown<Drawing>,
    /// For a lesson whose trick barely shows on this table: why.
    pub weak: Option<String>,
    /// Statistical secrecy.
    pub secrecy: Secrecy,
    /// The blank axes of the exported chart, when it has something to draw.
    pub hand: Option<Hand>,
}

/// Whether statistical secrecy covers a chart: counts of rows, or sums of counts.
fn counts(spec: &ChartSpec) -> bool {
    matches!(spec.aggregate, Aggregate::Count | Aggregate::Sum)
}

/// The values a participant places by hand: the masked table when there is one, else
/// one row per category or x value, one column per series.
fn hand_values(
    data: &ChartData,
    x_name: &str,
    people: Option<&PeopleTable>,
    lang: Lang,
) -> (Vec<String>, Vec<Vec<String>>) {
    if let Some(table) = people {
        return (table.header.clone(), table.rows.clone());
    }
    let number = |v: f64| format_number(lang, v, if v.fract() == 0.0 { 0 } else { 2 });
    match data {
        ChartData::Categories { labels, series, .. } => {
            let mut header = vec![x_name.to_owned()];
            header.extend(series.iter().map(|s| s.name.clone()));
            let rows = labels
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let mut row = vec![label.clone()];
                    row.extend(
                        series
                            .iter()
                            .map(|s| s.values.get(i).copied().flatten().map(number).unwrap_or_default()),
                    );
                    row
                })
                .collect();
            (header, rows)
        }
        ChartData::Points { .. } | ChartData::Bins { .. } => {
            let Some((labels, _)) = hand_axes(data) else {
                return (Vec::new(), Vec::new());
            };
            let (names, columns): (Vec<String>, Vec<Vec<(f64, f64)>>) = match data {
                ChartData::Points { series, .. } => {
                    series.iter().map(|s| (s.name.clone(), s.points.clone())).unzip()
                }
                ChartData::Bins { edges, counts, .. } => (
                    vec![String::new()],
                    vec![edges.iter().copied().zip(counts.iter().copied()).collect()],
                ),
                ChartData::Categories { .. } => (Vec::new(), Vec::new()),
            };
            let mut xs: Vec<f64> = columns.iter().flatten().map(|p| p.0).collect();
            xs.sort_by(f64::total_cmp);
            xs.dedup();
            let mut header = vec![x_name.to_owned()];
            header.extend(names);
            let rows = labels
                .into_iter()
                .zip(xs)
                .map(|(label, x)| {
                    let mut row = vec![label];
                    row.extend(columns.iter().map(|c| {
                        c.iter()
                            .find(|p| p.0 == x)
                            .map(|p| number(p.1))
                            .unwrap_or_default()
                    }));
                    row
                })
                .collect();
            (header, rows)
        }
    }
}

/// Draws the charts shown from the table. On wasm32 plotters measures text with the
/// page's canvas, so this runs on the main thread, in the page's memo, never in a
/// reducer. In workshop mode a chart is drawn under its own (neutral) title, without
/// the word « Trompeur »; when the chart counts people, small counts are masked in
/// the drawing and the CSV alike.
pub fn draw(shown: &Shown<ChartSpec>, ds: &Dataset, lang: Lang, workshop: bool, people: bool) -> Charts {
    let mut masked = None;
    let computed = shown.map(|spec| {
        compute(spec, ds, lang)
            .map(|mut data| {
                let table = (people && counts(spec))
                    .then(|| data.mask_people(spec.x.as_deref().unwrap_or(""), THRESHOLD, lang))
                    .flatten()
                    .map(Rc::new);
                (spec.clone(), data, table)
            })
            .map_err(|e| e.message(lang))
    });
    if let Ok((_, _, table)) = computed.exported() {
        masked = table.clone();
    }
    let secrecy = match (people, masked) {
        (false, _) => Secrecy::Off,
        (true, Some(table)) => Secrecy::Masked(table),
        (true, None) => Secrecy::NotApplicable,
    };
    let hand = computed.exported().as_ref().ok().and_then(|(spec, data, table)| {
        let (labels, max) = hand_axes(data)?;
        let scale = hand_scale(max, HAND_STEPS)?;
        let x_name = spec.x.clone().unwrap_or_default();
        let value = spec
            .y
            .clone()
            .unwrap_or_else(|| briques_core::i18n::tr(lang, "data-agg-count"));
        Some(Hand {
            scale,
            svg: blank_axes_svg(scale, &labels, &value, &x_name, lang).into(),
            values: Rc::new(hand_values(data, &x_name, table.as_deref(), lang)),
        })
    });
    let weak = match &computed {
        Shown::Lesson {
            distortion,
            honest: Ok((_, honest, _)),
            misleading: Ok((_, misleading, _)),
        } => weak_effect(*distortion, honest, misleading, lang),
        _ => None,
    };
    let drawings = computed.map(|result| {
        let (spec, data, table) = result.as_ref().map_err(Clone::clone)?;
        let svg = if workshop {
            render_data_svg_titled(spec, data, lang, &spec.title)
        } else {
            render_data_svg(spec, data, lang)
        }
        .map_err(|e| e.message(lang))?;
        let csv = match table {
            Some(table) => table.to_csv(),
            None => data.to_csv(spec.x.as_deref().unwrap_or(""), lang),
        };
        Ok(Drawn {
            svg: svg.into(),
            csv: csv.into(),
        })
    });
    Charts {
        drawings,
        weak,
        secrecy,
        hand,
    }
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
