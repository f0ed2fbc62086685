//! The pieces of the Duplo page: fast entry, charts, cross-tab, "Qui est unique ?",
//! the responses list, the survey editor and the file panel.

pub mod charts;
pub mod crosstab;
pub mod editor;
pub mod entry;
pub mod files;
pub mod responses;
pub mod unique;

use briques_core::survey::BrickColour;
use web_sys::HtmlSelectElement;
use yew::{Callback, Event, TargetCast};

use crate::state::duplo::{DuploAction, ViewOptions};

/// CSS class of a brick colour swatch.
pub fn swatch_class(colour: BrickColour) -> String {
    format!("swatch brick-{}", colour.name())
}

/// Shortens a label for a chart axis (the full label stays in a `<title>`).
pub use briques_core::i18n::shorten as short;

/// A `<select>` change handler that edits the view settings with `change` and sends them.
pub fn view_select(
    view: &ViewOptions,
    on_action: &Callback<DuploAction>,
    change: fn(&mut ViewOptions, String),
) -> Callback<Event> {
    let view = view.clone();
    let on_action = on_action.clone();
    Callback::from(move |event: Event| {
        if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
            let mut view = view.clone();
            change(&mut view, select.value());
            on_action.emit(DuploAction::SetView(view));
        }
    })
}
