//! What the budget explorer shows, computed without a browser so that it is tested
//! natively and gives the same answers in the app:
//!
//! - [`tree`]: real operations of the year as a tree, section → chapitre → compte (or
//!   section → fonction → compte), for the treemap and its drill-down; [`descend`] follows
//!   a path from the URL, stopping at the deepest part that exists;
//! - [`squarify`]: the treemap layout (areas proportional to amounts);
//! - [`hundred_euros`]: what 100 € of spending funds, by citizen category;
//! - [`Strate`] and [`share_above`]: "how many communes of the same size spend more";
//! - [`MayorBase`], [`MayorChoices`], [`Outcome`]: "Si j'étais maire", re-allocating the
//!   spending under the real constraints of a commune budget.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::nomenclature::{self, Category, Family};
use super::{Budget, Direction, Flow, Line, Section};

/// Spending or revenue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// Where the money goes.
    #[default]
    Depenses,
    /// Where the money comes from.
    Recettes,
}

impl Side {
    fn direction(self) -> Direction {
        match self {
            Side::Depenses => Direction::Depense,
            Side::Recettes => Direction::Recette,
        }
    }
}

/// How the second level of the tree groups accounts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Axis {
    /// By chapitre (what is bought or received: the nature of the operation).
    #[default]
    Nature,
    /// By fonction (what it is for: schools, roads, culture…).
    Fonction,
}

/// The level of a node in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The whole side of the budget.
    Root,
    /// Fonctionnement or investissement (key `F` or `I`).
    Section,
    /// A chapitre (key: its code).
    Chapitre,
    /// A fonction, by its first digit (key `f0` … `f9`, or `f-` when not given).
    Fonction,
    /// An account (key: its code): the last level, whose lines are listed.
    Compte,
}

/// A node of the budget tree: an amount and what it is made of, largest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Stable key within its parent (used in URLs).
    pub key: String,
    /// Which level the node is.
    pub level: Level,
    /// The official label (chapters, accounts, fonctions); sections and the root are
    /// labelled by the caller through the translation layer.
    pub label: Option<&'static str>,
    /// Sum of the real operations of the year below this node.
    pub amount: f64,
    /// Children, largest amount first.
    pub children: Vec<Node>,
}

impl Node {
    fn new(key: String, level: Level, label: Option<&'static str>) -> Node {
        Node {
            key,
            level,
            label,
            amount: 0.0,
            children: Vec::new(),
        }
    }

    fn child(&mut self, key: &str, make: impl FnOnce() -> Node) -> &mut Node {
        let at = match self.children.iter().position(|c| c.key == key) {
            Some(at) => at,
            None => {
                self.children.push(make());
                self.children.len() - 1
            }
        };
        &mut self.children[at]
    }

    fn sort(&mut self) {
        self.children
            .sort_by(|a, b| b.amount.total_cmp(&a.amount).then_with(|| a.key.cmp(&b.key)));
        for child in &mut self.children {
            child.sort();
        }
    }

    /// The child with this key.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.key == key)
    }
}

/// The nomenclature family of a budget (M14 when it cannot be told).
pub fn family(budget: &Budget) -> Family {
    Family::from_code(&budget.nomenclature).unwrap_or(if budget.nomenclature.contains("57") {
        Family::M57
    } else {
        Family::M14
    })
}

/// The chapter of a line: the one the file gives, else the usual chapter of its account
/// (DGFiP balances give accounts only).
pub fn chapitre_of(line: &Line) -> String {
    if let Some(chapitre) = line.chapitre.as_deref().filter(|c| !c.is_empty()) {
        return chapitre.to_owned();
    }
    let c = line.compte.as_str();
    let has = |prefixes: &[&str]| prefixes.iter().any(|p| c.starts_with(p));
    let chapitre = match line.direction {
        Direction::Depense if has(&["64", "621", "631", "633"]) => "012",
        Direction::Depense if has(&["60", "61", "62", "635", "637"]) => "011",
        Direction::Depense if has(&["739"]) => "014",
        Direction::Recette if has(&["6419", "6459", "6479"]) => "013",
        _ if has(&["204"]) => "204",
        _ => return c.chars().take(2).collect(),
    };
    chapitre.to_owned()
}

/// The keys of a line in the tree: its section (`F` or `I`) and its group (chapitre
/// code, or `f0` … `f9`, `f-` by fonction); `None` outside the two sections.
fn keys(line: &Line, axis: Axis) -> Option<(&'static str, String)> {
    let section = match line.section()? {
        Section::Fonctionnement => "F",
        Section::Investissement => "I",
    };
    let group = match axis {
        Axis::Nature => chapitre_of(line),
        Axis::Fonction => match line.fonction.as_deref().and_then(|f| f.chars().next()) {
            Some(digit) if digit.is_ascii_digit() => format!("f{digit}"),
            _ => "f-".to_owned(),
        },
    };
    Some((section, group))
}

/// Real operations of the year on one side, as a tree (carried-over results and
/// third-party works excluded, as in [`Budget::totals`]).
pub fn tree(budget: &Budget, side: Side, axis: Axis) -> Node {
    let family = family(budget);
    let mut root = Node::new(String::new(), Level::Root, None);
    for line in budget
        .lines
        .iter()
        .filter(|l| l.reel && l.direction == side.direction())
    {
        let Some((section_key, group_key)) = keys(line, axis) else {
            continue;
        };
        let amount = budget.amount(line);
        root.amount += amount;
        let section_node = root.child(section_key, || {
            Node::new(section_key.into(), Level::Section, None)
        });
        section_node.amount += amount;
        let group = section_node.child(&group_key, || match axis {
            Axis::Nature => {
                let label = nomenclature::chapitre_label(family, &group_key)
                    .or_else(|| nomenclature::compte_label(&group_key).map(|(_, l)| l));
                Node::new(group_key.clone(), Level::Chapitre, label)
            }
            Axis::Fonction => {
                let label = group_key
                    .strip_prefix('f')
                    .filter(|digit| *digit != "-")
                    .and_then(|digit| nomenclature::fonction_label(family, digit));
                Node::new(group_key.clone(), Level::Fonction, label)
            }
        });
        group.amount += amount;
        let compte = group.child(&line.compte, || {
            let label = nomenclature::compte_label(&line.compte).map(|(_, l)| l);
            Node::new(line.compte.clone(), Level::Compte, label)
        });
        compte.amount += amount;
    }
    root.sort();
    root
}

/// The nodes from the root along `path` (root first), stopping at the first key that
/// does not exist: a stale or hand-edited URL lands on the deepest valid view.
pub fn descend<'a>(root: &'a Node, path: &[String]) -> Vec<&'a Node> {
    let mut chain = vec![root];
    for key in path {
        match chain.last().and_then(|n| n.get(key)) {
            Some(next) => chain.push(next),
            None => break,
        }
    }
    chain
}

/// The lines of the budget below a path of the tree (section, group, compte), for the
/// last level of the drill-down.
pub fn lines_under<'a>(budget: &'a Budget, side: Side, axis: Axis, path: &[&str]) -> Vec<&'a Line> {
    budget
        .lines
        .iter()
        .filter(|l| l.reel && l.direction == side.direction())
        .filter(|l| {
            keys(l, axis).is_some_and(|(section, group)| {
                let have = [section, group.as_str(), l.compte.as_str()];
                path.iter().zip(have).all(|(want, have)| *want == have)
            })
        })
        .collect()
}

/// A rectangle of the treemap, in the caller's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// Squarified treemap layout (Bruls, Huizing, van Wijk): one rectangle per value, in
/// the same order, tiling `area` with areas proportional to the values. Values should be
/// sorted largest first; zero, negative and non-finite values get an empty rectangle.
pub fn squarify(values: &[f64], area: Rect) -> Vec<Rect> {
    let mut out = vec![
        Rect {
            x: area.x,
            y: area.y,
            w: 0.0,
            h: 0.0
        };
        values.len()
    ];
    let clean: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite() && **v > 0.0)
        .map(|(i, v)| (i, *v))
        .collect();
    let total: f64 = clean.iter().map(|(_, v)| v).sum();
    if total <= 0.0 || area.w <= 0.0 || area.h <= 0.0 {
        return out;
    }
    let scale = area.w * area.h / total;
    let items: Vec<(usize, f64)> = clean.into_iter().map(|(i, v)| (i, v * scale)).collect();
    let mut free = area;
    let mut start = 0;
    while start < items.len() {
        let side = free.w.min(free.h);
        let worst = |row: &[(usize, f64)]| {
            let sum: f64 = row.iter().map(|(_, a)| a).sum();
            let (min, max) = row
                .iter()
                .fold((f64::MAX, 0.0_f64), |(lo, hi), (_, a)| (lo.min(*a), hi.max(*a)));
            let s2 = side * side;
            (s2 * max / (sum * sum)).max(sum * sum / (s2 * min))
        };
        let mut end = start + 1;
        while end < items.len() && worst(&items[start..=end]) <= worst(&items[start..end]) {
            end += 1;
        }
        let row = &items[start..end];
        let sum: f64 = row.iter().map(|(_, a)| a).sum();
        if free.w >= free.h {
            // A column on the left.
            let width = if end == items.len() { free.w } else { sum / free.h };
            let mut y = free.y;
            for (i, a) in row {
                let h = a / width;
                out[*i] = Rect {
                    x: free.x,
                    y,
                    w: width,
                    h,
                };
                y += h;
            }
            free = Rect {
                x: free.x + width,
                w: (free.w - width).max(0.0),
                ..free
            };
        } else {
            // A row at the top.
            let height = if end == items.len() { free.h } else { sum / free.w };
            let mut x = free.x;
            for (i, a) in row {
                let w = a / height;
                out[*i] = Rect {
                    x,
                    y: free.y,
                    w,
                    h: height,
                };
                x += w;
            }
            free = Rect {
                y: free.y + height,
                h: (free.h - height).max(0.0),
                ..free
            };
        }
        start = end;
    }
    out
}

/// What 100 € of real spending funds, by citizen category, largest first (sums to 100
/// when there is any spending).
pub fn hundred_euros(budget: &Budget) -> Vec<(Category, f64)> {
    let spending: Vec<(Category, f64)> = budget
        .by_category()
        .into_iter()
        .map(|(c, flow)| (c, flow.depenses))
        .filter(|(_, d)| *d > 0.0)
        .collect();
    let total: f64 = spending.iter().map(|(_, d)| d).sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let mut out: Vec<(Category, f64)> = spending
        .into_iter()
        .map(|(c, d)| (c, d * 100.0 / total))
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out
}

/// Population strates (by inhabitants), following the DGFiP/OFGL bands where known.
pub const STRATES: [(u8, u64, &str); 10] = [
    (1, 0, "moins de 250 habitants"),
    (2, 250, "250 à 499 habitants"),
    (3, 500, "500 à 1 999 habitants"),
    (4, 2_000, "2 000 à 3 499 habitants"),
    (5, 3_500, "3 500 à 4 999 habitants"),
    (6, 5_000, "5 000 à 9 999 habitants"),
    (7, 10_000, "10 000 à 19 999 habitants"),
    (8, 20_000, "20 000 à 49 999 habitants"),
    (9, 50_000, "50 000 à 99 999 habitants"),
    (10, 100_000, "100 000 habitants et plus"),
];

/// The strate of a population.
pub fn strate(population: u64) -> u8 {
    STRATES
        .iter()
        .rev()
        .find(|(_, from, _)| population >= *from)
        .map_or(1, |(s, ..)| *s)
}

/// Quartiles of an indicator among the communes of a strate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quartiles {
    /// First quartile: a quarter of the communes are below.
    pub q1: f64,
    /// Median: half of the communes are below.
    pub median: f64,
    /// Third quartile: three quarters of the communes are below.
    pub q3: f64,
}

/// Statistics of a population strate, as written by the national preparation
/// (`strates.json`, keyed by strate number).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Strate {
    /// The strate in words ("2 000 à 3 499 habitants").
    pub label: String,
    /// How many communes the statistics cover.
    pub communes: usize,
    /// Per-inhabitant quartiles by indicator name (`depenses_reelles_fonctionnement`, …).
    pub per_inhabitant: BTreeMap<String, Quartiles>,
}

/// The approximate share (in %) of communes of the strate whose value is above `value`,
/// interpolated linearly between the quartiles (and beyond them with the nearest
/// segment's slope), kept between 1 and 99 since only quartiles are known.
pub fn share_above(q: &Quartiles, value: f64) -> f64 {
    let points = [(q.q1, 25.0), (q.median, 50.0), (q.q3, 75.0)];
    let below = |(x0, p0): (f64, f64), (x1, p1): (f64, f64)| {
        if (x1 - x0).abs() < f64::EPSILON {
            if value < x0 {
                p0
            } else {
                p1
            }
        } else {
            p0 + (value - x0) * (p1 - p0) / (x1 - x0)
        }
    };
    let pct_below = if value <= q.median {
        below(points[0], points[1])
    } else {
        below(points[1], points[2])
    };
    (100.0 - pct_below).clamp(1.0, 99.0)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::{import, DgfipOptions};
    use proptest::prelude::*;

    fn demo(year: i32) -> Budget {
        let path = format!(
            "{}/../www/demo/briqueville-ca-{year}.xml",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(path).expect("the demo commune is in www/demo");
        import(&bytes, None, &DgfipOptions::default())
            .expect("the demo commune imports")
            .budgets
            .remove(0)
    }

    #[test]
    fn the_tree_adds_up_to_the_totals_on_both_axes() {
        for year in 2019..=2024 {
            let budget = demo(year);
            let totals = budget.totals();
            for axis in [Axis::Nature, Axis::Fonction] {
                let spending = tree(&budget, Side::Depenses, axis);
                let revenue = tree(&budget, Side::Recettes, axis);
                let close = |a: f64, b: f64| (a - b).abs() < 0.01;
                assert!(close(
                    spending.get("F").unwrap().amount,
                    totals.fonctionnement.depenses
                ));
                assert!(close(
                    spending.get("I").unwrap().amount,
                    totals.investissement.depenses
                ));
                assert!(close(
                    revenue.get("F").unwrap().amount,
                    totals.fonctionnement.recettes
                ));
                for section in &spending.children {
                    let sum: f64 = section.children.iter().map(|c| c.amount).sum();
                    assert!(close(sum, section.amount));
                    for group in &section.children {
                        let sum: f64 = group.children.iter().map(|c| c.amount).sum();
                        assert!(close(sum, group.amount), "{year} {axis:?} {}", group.key);
                        assert!(group.children.iter().all(|c| c.level == Level::Compte));
                    }
                }
            }
        }
    }

    #[test]
    fn demo_commune_has_realistic_magnitudes_and_the_m57_change() {
        for year in 2019..=2024 {
            let budget = demo(year);
            let i = budget.indicators();
            let per_head = i.depenses_reelles_fonctionnement / 3000.0;
            assert!((600.0..1100.0).contains(&per_head), "{year}: {per_head} €/hab");
            assert!(i.epargne_brute > 0.0 && i.epargne_nette.unwrap() > 0.0, "{year}");
            assert!(i.encours_dette.unwrap() > 1_000_000.0, "{year}: debt annex read");
            assert_eq!(
                family(&budget),
                if year >= 2023 { Family::M57 } else { Family::M14 }
            );
        }
    }

    #[test]
    fn chapters_are_labelled_and_accounts_fall_back_to_their_parent() {
        let budget = demo(2023);
        let root = tree(&budget, Side::Depenses, Axis::Nature);
        let personnel = descend(&root, &["F".into(), "012".into()]);
        assert_eq!(personnel.len(), 3);
        assert_eq!(
            personnel[2].label,
            Some("Charges de personnel et frais assimilés")
        );
        assert!(personnel[2].children.iter().all(|c| c.label.is_some()));
        let by_fonction = tree(&budget, Side::Depenses, Axis::Fonction);
        let f = by_fonction.get("F").unwrap();
        assert!(
            f.children.iter().all(|c| c.label.is_some()),
            "every fonction of the demo is labelled"
        );
    }

    #[test]
    fn a_stale_path_lands_on_the_deepest_valid_node() {
        let budget = demo(2022);
        let root = tree(&budget, Side::Depenses, Axis::Nature);
        let chain = descend(&root, &["F".into(), "999".into(), "64111".into()]);
        assert_eq!(chain.len(), 2);
        assert_eq!(chain[1].key, "F");
        let lines = lines_under(&budget, Side::Depenses, Axis::Nature, &["F", "012", "64111"]);
        assert_eq!(lines.len(), 1);
    }

    #[test]
    fn dgfip_lines_get_the_usual_chapter_of_their_account() {
        let line = |compte: &str, direction| Line {
            compte: compte.into(),
            chapitre: None,
            fonction: None,
            direction,
            reel: true,
            realise: Some(1.0),
            prevu: None,
            credits_ouverts: None,
        };
        assert_eq!(chapitre_of(&line("64111", Direction::Depense)), "012");
        assert_eq!(chapitre_of(&line("60612", Direction::Depense)), "011");
        assert_eq!(chapitre_of(&line("6419", Direction::Recette)), "013");
        assert_eq!(chapitre_of(&line("2041582", Direction::Depense)), "204");
        assert_eq!(chapitre_of(&line("2151", Direction::Depense)), "21");
    }

    #[test]
    fn hundred_euros_sum_to_one_hundred() {
        let shares = hundred_euros(&demo(2024));
        let sum: f64 = shares.iter().map(|(_, s)| s).sum();
        assert!((sum - 100.0).abs() < 1e-9);
        assert_eq!(shares[0].0, Category::Personnel);
    }

    #[test]
    fn the_actual_budget_holds_and_breaking_it_is_reported() {
        for year in 2019..=2024 {
            let base = MayorBase::from_budget(&demo(year));
            let actual = base.actual();
            assert_eq!(actual.problems, vec![], "{year}");
            let i = demo(year).indicators();
            assert!((actual.epargne_brute - i.epargne_brute).abs() < 0.01);
            assert!((actual.epargne_nette - i.epargne_nette.unwrap()).abs() < 0.01);
            assert!((actual.encours.unwrap() - i.encours_dette.unwrap()).abs() < 0.01);
        }
        let base = MayorBase::from_budget(&demo(2023));
        let mut spend = MayorChoices::actual(&base);
        spend.changes.insert(Category::Personnel, 30);
        spend.changes.insert(Category::AchatsServices, 30);
        spend.impots = -30;
        let outcome = base.evaluate(&spend);
        assert!(matches!(
            outcome.problems[0],
            Problem::FonctionnementDesequilibre { .. }
        ));
        let borrow = MayorChoices {
            emprunt: 50_000_000.0,
            ..MayorChoices::actual(&base)
        };
        assert!(base
            .evaluate(&borrow)
            .problems
            .iter()
            .any(|p| matches!(p, Problem::EmpruntTropEleve { .. })));
        let build = MayorChoices {
            equipement: 30,
            emprunt: 0.0,
            ..MayorChoices::actual(&base)
        };
        assert!(base
            .evaluate(&build)
            .problems
            .iter()
            .any(|p| matches!(p, Problem::InvestissementNonFinance { .. })));
    }

    #[test]
    fn share_above_reads_the_quartiles() {
        let q = Quartiles {
            q1: 600.0,
            median: 800.0,
            q3: 1000.0,
        };
        assert_eq!(share_above(&q, 800.0), 50.0);
        assert_eq!(share_above(&q, 600.0), 75.0);
        assert_eq!(share_above(&q, 1000.0), 25.0);
        assert_eq!(share_above(&q, 10_000.0), 1.0);
        assert_eq!(share_above(&q, -5.0), 99.0);
    }

    proptest! {
        #[test]
        fn squarify_tiles_the_area_in_proportion(
            mut values in proptest::collection::vec(0.0f64..1e7, 0..40),
            w in 10.0f64..2000.0,
            h in 10.0f64..2000.0,
        ) {
            values.sort_by(|a, b| b.total_cmp(a));
            let area = Rect { x: 3.0, y: 5.0, w, h };
            let rects = squarify(&values, area);
            prop_assert_eq!(rects.len(), values.len());
            let total: f64 = values.iter().filter(|v| **v > 0.0).sum();
            let mut covered = 0.0;
            for (v, r) in values.iter().zip(&rects) {
                prop_assert!(r.w >= 0.0 && r.h >= 0.0);
                prop_assert!(r.x >= area.x - 1e-6 && r.y >= area.y - 1e-6);
                prop_assert!(r.x + r.w <= area.x + w + 1e-6 * w && r.y + r.h <= area.y + h + 1e-6 * h);
                if total > 0.0 {
                    let expected = v / total * w * h;
                    prop_assert!((r.w * r.h - expected).abs() <= 1e-6 * w * h + 1e-9);
                }
                covered += r.w * r.h;
            }
            if total > 0.0 {
                prop_assert!((covered - w * h).abs() <= 1e-6 * w * h);
            }
        }

        #[test]
        fn share_above_never_rises_with_the_value(a in -1e4f64..1e5, b in -1e4f64..1e5, q1 in 0.0f64..500.0, d1 in 0.0f64..500.0, d2 in 0.0f64..500.0) {
            let q = Quartiles { q1, median: q1 + d1, q3: q1 + d1 + d2 };
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(share_above(&q, lo) >= share_above(&q, hi));
        }
    }
}
