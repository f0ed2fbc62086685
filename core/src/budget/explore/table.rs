//! The explorer's figures that are more than a lookup in the tree: the lines listed at
//! the last level of the drill-down, a part's share of its parent, and where a run of
//! budgets changes nomenclature (marked on the evolution chart).

use super::tree::{chapitre_of, family, lines_under, Axis, Side};
use crate::budget::{nomenclature, Budget};

/// One line of the budget as the last level of the drill-down lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct LineRow {
    /// The account.
    pub compte: String,
    /// The account's official label, when the nomenclature has it.
    pub label: Option<&'static str>,
    /// The parent account whose label is shown, when the account is in no plan de
    /// comptes of the budget's nomenclature.
    pub label_from: Option<&'static str>,
    /// Its chapter (the file's, else the usual one of the account).
    pub chapitre: String,
    /// Its fonction, when the file gives one.
    pub fonction: Option<String>,
    /// The amount planned, when the document gives it.
    pub prevu: Option<f64>,
    /// The amount of the year (realised, or planned for a budget not yet executed).
    pub amount: f64,
}

/// The lines below `path` (section, group, compte), as [`lines_under`] finds them.
pub fn line_rows(budget: &Budget, side: Side, axis: Axis, path: &[String]) -> Vec<LineRow> {
    let keys: Vec<&str> = path.iter().map(String::as_str).collect();
    lines_under(budget, side, axis, &keys)
        .into_iter()
        .map(|line| {
            let found = nomenclature::compte_label(&budget.nomenclature, budget.exercice, &line.compte);
            LineRow {
                compte: line.compte.clone(),
                label: found.map(|f| f.label),
                label_from: found.map(|f| f.code).filter(|code| *code != line.compte),
                chapitre: chapitre_of(line),
                fonction: line.fonction.clone(),
                prevu: line.prevu,
                amount: budget.amount(line),
            }
        })
        .collect()
}

/// `part` as a share of `total` (between 0 and 1); `None` when the total is not positive.
pub fn share_of(part: f64, total: f64) -> Option<f64> {
    (total > 0.0).then(|| part / total)
}

/// The index of the first budget whose nomenclature family differs from the one before
/// it (budgets oldest first), if the family changes.
pub fn nomenclature_change(budgets: &[Budget]) -> Option<usize> {
    budgets
        .windows(2)
        .position(|pair| family(&pair[0]) != family(&pair[1]))
        .map(|at| at + 1)
}
