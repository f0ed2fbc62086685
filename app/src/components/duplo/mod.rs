//! The pieces of the Duplo page: fast entry, charts, cross-tab, "Qui est unique ?",
//! the responses list, the survey editor and the file panel.

pub mod charts;
pub mod crosstab;
pub mod editor;
pub mod entry;
pub mod files;
pub mod linkage;
pub mod population;
pub mod protect;
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

/// Room for the longest of `labels` at `char_w` units a character, kept between `min`
/// and `max`: the width to give them, and how many characters that holds (a longer
/// label is shortened; its full text stays in a `<title>`).
pub fn fit<'a>(labels: impl Iterator<Item = &'a str>, char_w: f64, min: f64, max: f64) -> (f64, usize) {
    let longest = labels.map(|l| l.chars().count()).max().unwrap_or(0);
    let width = (longest as f64 * char_w).clamp(min, max);
    (width, (width / char_w) as usize)
}

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

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn label_columns_grow_with_the_longest_label_within_bounds() {
        let labels = ["Femme", "Homme", "Autre ou ne se prononce pas"];
        let (width, chars) = fit(labels.into_iter(), 8.0, 100.0, 300.0);
        assert_eq!((width, chars), (216.0, 27), "the longest label is not cut");
        assert_eq!(fit(["Oui"].into_iter(), 8.0, 100.0, 300.0), (100.0, 12));
        assert_eq!(fit([labels[2]; 1].into_iter(), 8.0, 100.0, 160.0), (160.0, 20));
    }
}
