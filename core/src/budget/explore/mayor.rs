//! "Si j'étais maire": re-allocating the spending of the actual budget under the real
//! constraints of a commune budget, and what breaks.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::budget::nomenclature::Category;
use crate::budget::{Budget, Flow};

/// The limit on borrowing in "Si j'étais maire": years of gross savings needed to repay
/// the whole debt (capacité de désendettement). 12 years is the national reference
/// ceiling for communes (loi de programmation des finances publiques 2018–2022).
pub const MAX_DESENDETTEMENT_YEARS: f64 = 12.0;

/// The operating spending a mayor can change, in display order.
pub const MAYOR_CATEGORIES: [Category; 5] = [
    Category::Personnel,
    Category::AchatsServices,
    Category::SubventionsAssociations,
    Category::AutresChargesGestion,
    Category::AutresDepensesFonctionnement,
];

/// How far a choice may move a line (per cent of the actual amount).
pub const MAYOR_RANGE: i32 = 30;

/// The actual budget as the starting point of "Si j'étais maire".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MayorBase {
    /// Real operating revenue, local taxes included.
    pub recettes_fonctionnement: f64,
    /// Local taxes (part of the revenue above).
    pub impots_locaux: f64,
    /// Operating spending the mayor can change, by category.
    pub depenses: Vec<(Category, f64)>,
    /// Interest on debt (cannot be changed this year).
    pub interets: f64,
    /// Capital repaid this year (cannot be changed: the bank must be paid).
    pub remboursement: f64,
    /// Equipment spending.
    pub equipement: f64,
    /// Other investment spending (equipment grants paid, other movements).
    pub autres_investissements: f64,
    /// Investment revenue other than loans (FCTVA, grants received, …).
    pub recettes_investissement: f64,
    /// New loans actually taken this year.
    pub emprunts: f64,
    /// Debt at the end of the year, when known.
    pub encours: Option<f64>,
}

impl MayorBase {
    /// The starting point from a budget with lines.
    pub fn from_budget(budget: &Budget) -> MayorBase {
        let categories = budget.by_category();
        let flow = |c: Category| {
            categories
                .iter()
                .find(|(k, _)| *k == c)
                .map_or_else(Flow::default, |(_, f)| *f)
        };
        let spent = |c: Category| flow(c).depenses;
        let received = |c: Category| flow(c).recettes;
        let totals = budget.totals();
        let indicators = budget.indicators();
        let remboursement = indicators.remboursement_emprunts.unwrap_or(0.0);
        let equipement = spent(Category::Equipement);
        let emprunts = received(Category::Emprunts);
        MayorBase {
            recettes_fonctionnement: totals.fonctionnement.recettes,
            impots_locaux: received(Category::ImpotsLocaux),
            depenses: MAYOR_CATEGORIES.iter().map(|c| (*c, spent(*c))).collect(),
            interets: spent(Category::InteretsDette),
            remboursement,
            equipement,
            autres_investissements: (totals.investissement.depenses - equipement - remboursement).max(0.0),
            recettes_investissement: (totals.investissement.recettes - emprunts).max(0.0),
            emprunts,
            encours: indicators.encours_dette,
        }
    }

    /// The outcome of the actual budget (no change).
    pub fn actual(&self) -> Outcome {
        self.evaluate(&MayorChoices::actual(self))
    }

    /// The limit on new loans: what keeps the capacité de désendettement within
    /// [`MAX_DESENDETTEMENT_YEARS`] given this épargne brute; without a known debt,
    /// half of the equipment spending.
    pub fn borrowing_limit(&self, epargne_brute: f64, equipement: f64) -> f64 {
        match self.debt_at_start() {
            Some(start) => {
                (MAX_DESENDETTEMENT_YEARS * epargne_brute.max(0.0) - (start - self.remboursement)).max(0.0)
            }
            None => equipement / 2.0,
        }
    }

    /// The debt at the start of the year, when known: the year-end debt without this
    /// year's new loans, with the capital repaid.
    fn debt_at_start(&self) -> Option<f64> {
        self.encours.map(|e| e - self.emprunts + self.remboursement)
    }

    /// What a set of choices gives, and which constraints it breaks.
    pub fn evaluate(&self, choices: &MayorChoices) -> Outcome {
        let pct = |p: i32| 1.0 + f64::from(p.clamp(-MAYOR_RANGE, MAYOR_RANGE)) / 100.0;
        let depenses: Vec<(Category, f64)> = self
            .depenses
            .iter()
            .map(|(c, amount)| (*c, amount * pct(choices.changes.get(c).copied().unwrap_or(0))))
            .collect();
        let recettes =
            self.recettes_fonctionnement - self.impots_locaux + self.impots_locaux * pct(choices.impots);
        let drf = depenses.iter().map(|(_, a)| a).sum::<f64>() + self.interets;
        let epargne_brute = recettes - drf;
        let epargne_nette = epargne_brute - self.remboursement;
        let equipement = self.equipement * pct(choices.equipement);
        let emprunt = choices.emprunt.max(0.0);
        let ressources = epargne_nette + self.recettes_investissement + emprunt;
        let besoin = equipement + self.autres_investissements;
        let limit = self.borrowing_limit(epargne_brute, equipement);
        let encours = self.debt_at_start().map(|s| s - self.remboursement + emprunt);
        let mut problems = Vec::new();
        if epargne_brute < 0.0 {
            problems.push(Problem::FonctionnementDesequilibre {
                manque: -epargne_brute,
            });
        } else if epargne_nette < 0.0 {
            problems.push(Problem::RemboursementNonCouvert {
                manque: -epargne_nette,
            });
        }
        if ressources + 0.5 < besoin {
            problems.push(Problem::InvestissementNonFinance {
                manque: besoin - ressources,
            });
        }
        if emprunt > limit + 0.5 {
            problems.push(Problem::EmpruntTropEleve { limite: limit });
        }
        Outcome {
            depenses,
            recettes_fonctionnement: recettes,
            depenses_fonctionnement: drf,
            epargne_brute,
            epargne_nette,
            equipement,
            emprunt,
            limite_emprunt: limit,
            fonds_de_roulement: ressources - besoin,
            encours,
            capacite_desendettement: encours.and_then(|e| (epargne_brute > 0.0).then(|| e / epargne_brute)),
            problems,
        }
    }
}

/// A group's choices, in per cent of the actual amounts (loans in euros).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MayorChoices {
    /// Change of each operating spending category, per cent.
    #[serde(default)]
    pub changes: BTreeMap<Category, i32>,
    /// Change of the local taxes, per cent.
    #[serde(default)]
    pub impots: i32,
    /// Change of the equipment spending, per cent.
    #[serde(default)]
    pub equipement: i32,
    /// New loans, euros.
    #[serde(default)]
    pub emprunt: f64,
}

impl MayorChoices {
    /// The choices that reproduce the actual budget.
    pub fn actual(base: &MayorBase) -> MayorChoices {
        MayorChoices {
            emprunt: base.emprunts,
            ..MayorChoices::default()
        }
    }
}

/// An amount in euros as typed: digits, with spaces between thousands, an optional
/// decimal comma or point (two decimals at most) and an optional "€"; `None` for
/// anything else (letters, signs, several separators), which the game refuses rather
/// than reading as zero. At most 10¹² €.
pub fn parse_euros(text: &str) -> Option<f64> {
    let text = text.trim().trim_end_matches('€');
    let kept: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let (units, decimals) = kept.split_once('.').unwrap_or((&kept, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if units.is_empty() || !digits(units) || !digits(decimals) || decimals.len() > 2 {
        return None;
    }
    kept.parse::<f64>().ok().filter(|v| *v <= 1e12)
}

/// A broken constraint of "Si j'étais maire".
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Operating spending exceeds operating revenue.
    FonctionnementDesequilibre {
        /// Missing euros.
        manque: f64,
    },
    /// Gross savings do not cover the capital repaid this year.
    RemboursementNonCouvert {
        /// Missing euros.
        manque: f64,
    },
    /// Investment spending exceeds its resources.
    InvestissementNonFinance {
        /// Missing euros.
        manque: f64,
    },
    /// More new loans than the limit allows.
    EmpruntTropEleve {
        /// The limit in euros.
        limite: f64,
    },
}

/// The result of a set of choices.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Operating spending by changeable category.
    pub depenses: Vec<(Category, f64)>,
    /// Real operating revenue.
    pub recettes_fonctionnement: f64,
    /// Real operating spending, interest included.
    pub depenses_fonctionnement: f64,
    /// Operating revenue minus operating spending.
    pub epargne_brute: f64,
    /// Gross savings minus capital repaid.
    pub epargne_nette: f64,
    /// Equipment spending.
    pub equipement: f64,
    /// New loans.
    pub emprunt: f64,
    /// The borrowing limit for these choices.
    pub limite_emprunt: f64,
    /// Resources left (positive) or missing (negative) in the investment section.
    pub fonds_de_roulement: f64,
    /// Debt at the end of the year, when known.
    pub encours: Option<f64>,
    /// Years of gross savings to repay the debt.
    pub capacite_desendettement: Option<f64>,
    /// Broken constraints; empty when the budget holds.
    pub problems: Vec<Problem>,
}
