//! The rows a chart keeps: its filters, each described in words with a button to remove
//! it, and a line to write one more (column, comparison, value).

use std::rc::Rc;

use briques_core::dataset::transform::{Filter, FilterOp};
use yew::prelude::*;

use super::{on_value, option};
use crate::hooks::use_settings;
use crate::state::data::{DataAction, FilterDraft, Loaded};

/// Props of [`Filters`].
#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    /// The file shown (its columns).
    pub loaded: Rc<Loaded>,
    /// The chart's filters.
    pub filters: Vec<Filter>,
    /// The filter being written.
    pub draft: FilterDraft,
    /// Where actions go.
    pub on_action: Callback<DataAction>,
}

/// The filters fieldset.
#[function_component]
pub fn Filters(props: &FiltersProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let on_action = &props.on_action;
    let draft = &props.draft;
    html! {
        <fieldset>
            <legend>{ settings.t("data-step-filter") }</legend>
            if !props.filters.is_empty() {
                <ul class="data-filters">
                    { for props.filters.iter().enumerate().map(|(index, filter)| {
                        let text = filter.describe(lang);
                        html! {
                            <li>
                                <span>{ text.clone() }</span>
                                <button type="button" onclick={on_action.reform(move |_: MouseEvent| DataAction::RemoveFilter { index })}
                                    aria-label={settings.t_args("data-filter-remove-of", &[("filter", text.as_str().into())])}>
                                    { settings.t("data-filter-remove") }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <label for="filter-column">{ settings.t("data-filter-column") }</label>
            <select id="filter-column" onchange={on_value(on_action, |column| Some(DataAction::SetFilterColumn { column }))}>
                { for props.loaded.columns.all.iter().map(|(name, _)| option(name, name.clone(), draft.column == *name)) }
            </select>
            <label for="filter-op">{ settings.t("data-filter-op") }</label>
            <select id="filter-op" onchange={on_value(on_action, |v| FilterOp::from_code(&v).map(|op| DataAction::SetFilterOp { op }))}>
                { for FilterOp::ALL.iter().map(|o| option(o.code(), settings.t(&format!("data-op-{}", o.code())), draft.op == *o)) }
            </select>
            if draft.op.needs_value() {
                <label for="filter-value">{ settings.t("data-filter-value") }</label>
                <input id="filter-value" type="text" value={draft.value.clone()}
                    oninput={on_value(on_action, |value| Some(DataAction::SetFilterValue { value }))} />
            }
            <button type="button" onclick={on_action.reform(|_: MouseEvent| DataAction::AddFilter)}>{ settings.t("data-filter-add") }</button>
        </fieldset>
    }
}
