//! The budgets the explorer holds: one commune's budgets, one per year, and how a file
//! read on the device becomes them (a file may hold several collectivités and several
//! budgets per year). Pure: `services::budget_data` fetches, this arranges.

use std::collections::BTreeMap;
use std::rc::Rc;

use briques_core::budget::explore::Strate;
use briques_core::budget::{import, Budget, BudgetKind, DgfipOptions};
use briques_core::i18n::Lang;

/// Budgets of one commune, ready to explore.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The commune's name as the files give it.
    pub name: String,
    /// One budget per year, oldest first.
    pub budgets: Vec<Budget>,
    /// Statistics of communes of the same size, by strate number, when served.
    pub strates: Option<BTreeMap<String, Strate>>,
    /// What the import noticed (already in the user's language where it could be).
    pub warnings: Vec<String>,
    /// Every budget of an imported file, when it holds several collectivités.
    pub file_budgets: Rc<Vec<Budget>>,
    /// The collectivités of an imported file, in file order (empty otherwise).
    pub collectivites: Vec<String>,
    /// Where a commune's budgets came from.
    pub origin: Origin,
}

/// Where a commune's budgets came from (said on the page).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Origin {
    /// The demo commune, a file, or the server's prepared files.
    #[default]
    Here,
    /// The open-data APIs, just now; kept on this device, or why not.
    Apis {
        /// Why it could not be kept, when it could not.
        not_saved: Option<crate::services::storage::SaveError>,
    },
    /// This device, where it was kept on this date.
    Device {
        /// `2026-12-01`.
        date: String,
    },
}

impl Loaded {
    /// The main budgets of one collectivité (the first of `budgets`), without warnings or
    /// a choice of collectivités: what the demo and the national files give.
    pub fn of(budgets: Vec<Budget>, strates: Option<BTreeMap<String, Strate>>) -> Loaded {
        let (name, budgets, _) = arrange(budgets, None);
        Loaded {
            name,
            budgets,
            strates,
            warnings: Vec::new(),
            file_budgets: Rc::default(),
            collectivites: Vec::new(),
            origin: Origin::Here,
        }
    }

    /// A file read on the device, in any format the core reads, with how many budgets of
    /// the file are not shown; the error is the core's message in `lang`.
    pub fn from_file(bytes: &[u8], lang: Lang) -> Result<(Loaded, usize), String> {
        let imported = import(bytes, None, &DgfipOptions::default()).map_err(|e| e.message(lang))?;
        let warnings = imported.warnings.iter().map(|w| w.message(lang)).collect();
        let names = collectivites(&imported.budgets);
        let several = names.len() > 1;
        let file_budgets = if several {
            Rc::new(imported.budgets.clone())
        } else {
            Rc::default()
        };
        let (name, budgets, left_out) = arrange(imported.budgets, None);
        let loaded = Loaded {
            name,
            budgets,
            strates: None,
            warnings,
            collectivites: if several { names } else { Vec::new() },
            file_budgets,
            origin: Origin::Here,
        };
        Ok((loaded, left_out))
    }

    /// The budget of `year`, or the latest.
    pub fn budget(&self, year: Option<i32>) -> Option<&Budget> {
        year.and_then(|y| self.budgets.iter().find(|b| b.exercice == y))
            .or_else(|| self.budgets.last())
    }

    /// Another collectivité of the same imported file.
    pub fn choose(&self, name: &str) -> Loaded {
        let (name, budgets, _) = arrange(self.file_budgets.to_vec(), Some(name));
        Loaded {
            name,
            budgets,
            ..self.clone()
        }
    }
}

/// Data the page holds and its sections receive (the budgets, the communes found):
/// shared, and compared by identity, since it changes only by being replaced (a new load,
/// another collectivité, a new search) and comparing every budget line on each render
/// would cost more than drawing again.
#[derive(Debug, Default)]
pub struct Shared<T>(Rc<T>);

/// The budgets as the page holds them.
pub type Budgets = Shared<Loaded>;

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// Keeps the main budgets of one collectivité (the first when `name` is `None`), one per
/// year (the latest document of a year wins), oldest first; also says how many budgets
/// of the file are left out.
pub fn arrange(mut budgets: Vec<Budget>, name: Option<&str>) -> (String, Vec<Budget>, usize) {
    let name = name
        .map(str::to_owned)
        .or_else(|| {
            budgets
                .iter()
                .find(|b| b.budget_kind == BudgetKind::Principal)
                .or(budgets.first())
                .map(|b| b.collectivite.nom.clone())
        })
        .unwrap_or_default();
    let total = budgets.len();
    budgets.retain(|b| b.collectivite.nom == name);
    if budgets.iter().any(|b| b.budget_kind == BudgetKind::Principal) {
        budgets.retain(|b| b.budget_kind == BudgetKind::Principal);
    }
    briques_core::sorting::sort_by_key(&mut budgets, |b| b.exercice);
    budgets.dedup_by(|later, earlier| {
        let same = later.exercice == earlier.exercice;
        if same {
            std::mem::swap(later, earlier);
        }
        same
    });
    let left_out = total - budgets.len();
    (name, budgets, left_out)
}

/// The collectivités of a file, in order of first appearance.
fn collectivites(budgets: &[Budget]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for budget in budgets {
        if !names.contains(&budget.collectivite.nom) {
            names.push(budget.collectivite.nom.clone());
        }
    }
    names
}
