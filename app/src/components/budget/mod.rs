//! Pieces of the budget explorer: the treemap, the glossary and its term links, the
//! evolution and "100 €" charts, and "Si j'étais maire".

pub mod charts;
pub mod glossary;
pub mod mayor;
pub mod treemap;

use briques_core::i18n::{format_number, Lang};

/// An amount in euros, rounded to the euro ("1 234 567 €").
pub fn euros(lang: Lang, amount: f64) -> String {
    format!("{}\u{a0}€", format_number(lang, amount.round(), 0))
}

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
