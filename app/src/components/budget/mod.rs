//! Pieces of the budget explorer, by what they show: the source chooser (`source`), the
//! heading with the year and the tabs (`heading`), the key indicators (`indicators`), the
//! drill-down with its treemap and table (`drill`, `treemap`), "100 €" (`hundred`), the
//! evolution (`evolution`; both drawn by `charts`), "Si j'étais maire" (`mayor`), and the
//! glossary with its term links (`glossary`), OFGL's agrégats (`aggregates`). Each gets props and callbacks; the state is
//! the page's (`state::budget`), or the game's own (`state::mayor`).

pub mod aggregates;
pub mod charts;
pub mod drill;
pub mod evolution;
pub mod glossary;
pub mod heading;
pub mod hundred;
pub mod indicators;
pub mod mayor;
pub mod source;
pub mod treemap;

pub use crate::state::budget::euros;

/// Fill colours of the budget charts (Okabe–Ito, colour-blind safe) with the text colour
/// that keeps a contrast of at least 4.5:1 on each.
pub const PALETTE: [(&str, &str); 8] = [
    ("#0072B2", "#ffffff"),
    ("#E69F00", "#000000"),
    ("#009E73", "#000000"),
    ("#CC79A7", "#000000"),
    ("#56B4E9", "#000000"),
    ("#D55E00", "#000000"),
    ("#F0E442", "#000000"),
    ("#6b6b6b", "#ffffff"),
];
