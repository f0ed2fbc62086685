//! The pieces of the Données page: opening a file (picker, drop zone, address) and where
//! it is, a workshop pack's presets, the file's summary and profile cards, the chart
//! builder form and its filters, the chart or the honest/misleading lesson, and the
//! exports. Each gets what it shows as props and sends `DataAction`s through a callback.

pub mod builder;
pub mod chart;
pub mod exports;
pub mod filters;
pub mod open;
pub mod pack;
pub mod people;
pub mod profile;
pub mod search;
pub mod status;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::data::DataAction;

/// The value of the `<input>` or `<select>` that sent `event`.
pub fn value_of<E: TargetCast>(event: &E) -> String {
    if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
        return input.value();
    }
    event
        .target_dyn_into::<HtmlSelectElement>()
        .map(|select| select.value())
        .unwrap_or_default()
}

/// A handler that reads the control's value and sends the action `make` builds from
/// it, if any. `make` is a plain function, so that every control shares one handler's
/// code (the bundle is measured).
pub fn on_value<E: TargetCast + 'static>(
    on_action: &Callback<DataAction>,
    make: fn(String) -> Option<DataAction>,
) -> Callback<E> {
    let on_action = on_action.clone();
    Callback::from(move |event: E| {
        if let Some(action) = make(value_of(&event)) {
            on_action.emit(action);
        }
    })
}

/// A column chosen in a select whose empty option means none.
pub fn column_choice(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}

/// An `<option>`.
pub fn option(value: &str, label: String, selected: bool) -> Html {
    html! { <option value={value.to_owned()} {selected}>{ label }</option> }
}
