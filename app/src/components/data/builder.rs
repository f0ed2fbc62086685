//! The chart builder form, step by step: what to show (kind, columns, aggregate,
//! colours), order and grouping, filters, words (title, source, licence), and the
//! misleading version to show side by side. Which fields appear and which columns they
//! offer come from the core (`ChartKind::uses_colour`, `ColumnChoices`); each change is
//! sent as one action.

use std::rc::Rc;

use briques_core::chart::{ChartKind, ChartSpec, Distortion};
use briques_core::dataset::transform::{Aggregate, SortOrder};
use yew::prelude::*;

use super::filters::Filters;
use super::{column_choice, on_value, option};
use crate::hooks::use_settings;
use crate::state::data::{parse_top, ChartText, DataAction, FilterDraft, Loaded};

/// Props of [`ChartForm`].
#[derive(Properties, PartialEq)]
pub struct FormProps {
    /// The file shown (its columns).
    pub loaded: Rc<Loaded>,
    /// The chart.
    pub spec: ChartSpec,
    /// The lesson shown side by side, if any.
    pub lesson: Option<Distortion>,
    /// The filter being written.
    pub filter: FilterDraft,
    /// Where actions go.
    pub on_action: Callback<DataAction>,
}

/// The builder form.
#[function_component]
pub fn ChartForm(props: &FormProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let spec = &props.spec;
    let columns = &props.loaded.columns;
    let on_action = &props.on_action;
    let names = |names: &[String], selected: &Option<String>| {
        names
            .iter()
            .map(|name| option(name, name.clone(), selected.as_ref() == Some(name)))
            .collect::<Html>()
    };
    html! {
        <form class="data-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <fieldset>
                <legend>{ settings.t("data-step-what") }</legend>
                <label for="chart-kind">{ settings.t("data-chart-kind") }</label>
                <select id="chart-kind" onchange={on_value(on_action, |v| ChartKind::from_code(&v).map(|kind| DataAction::SetKind { kind }))}>
                    { for ChartKind::ALL.iter().map(|k| option(k.code(), settings.t(&format!("chart-kind-{}", k.code())), spec.kind == *k)) }
                </select>
                <label for="chart-x">{ settings.t("data-chart-x") }</label>
                <select id="chart-x" onchange={on_value(on_action, |v| Some(DataAction::SetX { column: column_choice(v) }))}>
                    { option("", settings.t("data-choose"), spec.x.is_none()) }
                    { for columns.all.iter().map(|(name, kind)| option(name,
                        settings.t_args("data-column-option", &[("name", name.into()), ("kind", kind.label(lang).as_str().into())]),
                        spec.x.as_ref() == Some(name))) }
                </select>
                <label for="chart-y">{ settings.t("data-chart-y") }</label>
                <select id="chart-y" onchange={on_value(on_action, |v| Some(DataAction::SetMeasure { column: column_choice(v) }))}>
                    { option("", settings.t("data-count-rows"), spec.y.is_none()) }
                    { names(&columns.measures, &spec.y) }
                </select>
                if spec.y.is_some() {
                    <label for="chart-aggregate">{ settings.t("data-chart-aggregate") }</label>
                    <select id="chart-aggregate" onchange={on_value(on_action, |v| Aggregate::from_code(&v).map(|aggregate| DataAction::SetAggregate { aggregate }))}>
                        { for Aggregate::OF_VALUES.iter().map(|a| option(a.code(), settings.t(&format!("data-agg-{}", a.code())), spec.aggregate == *a)) }
                    </select>
                }
                if spec.kind.uses_colour() {
                    <label for="chart-colour">{ settings.t("data-chart-colour") }</label>
                    <select id="chart-colour" onchange={on_value(on_action, |v| Some(DataAction::SetColour { column: column_choice(v) }))}>
                        { option("", settings.t("data-none"), spec.colour.is_none()) }
                        { names(&columns.series, &spec.colour) }
                    </select>
                }
            </fieldset>
            <fieldset>
                <legend>{ settings.t("data-step-order") }</legend>
                <label for="chart-sort">{ settings.t("data-chart-sort") }</label>
                <select id="chart-sort" onchange={on_value(on_action, |v| SortOrder::from_code(&v).map(|order| DataAction::SetSort { order }))}>
                    { for SortOrder::ALL.iter().map(|o| option(o.code(), settings.t(&format!("data-sort-{}", o.code())), spec.sort == *o)) }
                </select>
                <label for="chart-top">{ settings.t("data-chart-top") }</label>
                <input id="chart-top" type="number" min="1" max="40" value={spec.top.map(|t| t.to_string()).unwrap_or_default()}
                    onchange={on_value(on_action, |v| Some(DataAction::SetTop { top: parse_top(&v) }))} />
            </fieldset>
            <Filters loaded={props.loaded.clone()} filters={spec.filters.clone()} draft={props.filter.clone()}
                on_action={on_action.clone()} />
            <fieldset>
                <legend>{ settings.t("data-step-words") }</legend>
                <label for="chart-title">{ settings.t("data-chart-title") }</label>
                <input id="chart-title" type="text" value={spec.title.clone()}
                    onchange={on_value(on_action, |text| Some(DataAction::SetText { field: ChartText::Title, text }))} />
                <label for="chart-subtitle">{ settings.t("data-chart-subtitle") }</label>
                <input id="chart-subtitle" type="text" value={spec.subtitle.clone()}
                    onchange={on_value(on_action, |text| Some(DataAction::SetText { field: ChartText::Subtitle, text }))} />
                <label for="chart-source">{ settings.t("data-chart-source") }</label>
                <input id="chart-source" type="text" value={spec.source.clone()}
                    onchange={on_value(on_action, |text| Some(DataAction::SetText { field: ChartText::Source, text }))} />
                <label for="chart-licence">{ settings.t("data-chart-licence") }</label>
                <input id="chart-licence" type="text" value={spec.licence.clone()}
                    onchange={on_value(on_action, |text| Some(DataAction::SetText { field: ChartText::Licence, text }))} />
            </fieldset>
            <fieldset>
                <legend>{ settings.t("data-step-lesson") }</legend>
                <label for="chart-lesson">{ settings.t("data-chart-lesson") }</label>
                <select id="chart-lesson" onchange={on_value(on_action, |v| Some(DataAction::ChooseLesson { distortion: Distortion::from_code(&v) }))}>
                    { option("", settings.t("data-lesson-none"), props.lesson.is_none()) }
                    { for Distortion::ALL.iter().map(|d| option(d.code(), settings.t(&format!("chart-lesson-{}-title", d.code())), props.lesson == Some(*d))) }
                </select>
                if props.lesson.is_some_and(Distortion::uses_second_measure) {
                    <label for="chart-y2">{ settings.t("data-chart-y2") }</label>
                    <select id="chart-y2" onchange={on_value(on_action, |v| Some(DataAction::SetSecondMeasure { column: column_choice(v) }))}>
                        { option("", settings.t("data-choose"), spec.y2.is_none()) }
                        { names(&columns.measures, &spec.y2) }
                    </select>
                }
            </fieldset>
        </form>
    }
}
