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

/// CSS class of a brick colour swatch.
pub fn swatch_class(colour: BrickColour) -> String {
    format!("swatch brick-{}", colour.name())
}

/// Shortens a label for a chart axis (the full label stays in a `<title>`).
pub fn short(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut out: String = label.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}
