//! What the budget page shows, as text: amounts (in euros or per inhabitant), the labels
//! of the tree's nodes, the indicator cards with their comparison, the drill-down's table
//! (the same rows on screen and in the CSV export), the evolution's series and the
//! notices. Pure functions of the budgets, the view and the language; the figures come
//! from `briques_core::budget::explore`.

use briques_core::budget::explore::{
    compare, descend, line_rows, nomenclature_change, share_of, strate_of, tree, Level, Node, Side, Strate,
};
use briques_core::budget::nomenclature::Family;
use briques_core::budget::{indicator_text, Budget, DocumentKind, Indicators, INDICATORS};
use briques_core::csv::{protect_cell, write_record};
use briques_core::i18n::{format_number, format_percent, tr, tr_args, Lang};
use briques_core::survey::slug;

use super::{BudgetView, Loaded, Notice};

/// An amount in euros, rounded to the euro ("1 234 567 €").
pub fn euros(lang: Lang, amount: f64) -> String {
    format!("{}\u{a0}€", format_number(lang, amount.round(), 0))
}

/// How the page shows amounts: in euros, or per inhabitant when asked and the
/// population is known.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Money {
    /// The language of the numbers.
    pub lang: Lang,
    /// The population amounts are divided by, if any.
    pub per: Option<u64>,
}

impl Money {
    /// Amounts per inhabitant when `per_inhabitant` and the population is known.
    pub fn new(lang: Lang, population: Option<u64>, per_inhabitant: bool) -> Money {
        Money {
            lang,
            per: population.filter(|p| per_inhabitant && *p > 0),
        }
    }

    /// An amount as shown ("1 234 567 €" or "412 € par habitant").
    pub fn show(&self, amount: f64) -> String {
        match self.per {
            Some(p) => tr_args(
                self.lang,
                "budget-per-inhabitant",
                &[("amount", euros(self.lang, amount / p as f64).as_str().into())],
            ),
            None => euros(self.lang, amount),
        }
    }
}

/// The population of a budget: the file's, else the one typed.
pub fn population(budget: &Budget, typed: Option<u64>) -> Option<u64> {
    budget.collectivite.population.or(typed)
}

/// "Briqueville · compte administratif 2024".
pub fn heading_title(lang: Lang, name: &str, budget: &Budget) -> String {
    format!("{name} · {} {}", tr(lang, budget.document.key()), budget.exercice)
}

/// The glossary entry of a kind of document, when the glossary has one.
pub fn document_term(document: DocumentKind) -> Option<&'static str> {
    match document {
        DocumentKind::BudgetPrimitif => Some("budget-primitif"),
        DocumentKind::DecisionModificative => Some("decision-modificative"),
        DocumentKind::CompteAdministratif => Some("compte-administratif"),
        DocumentKind::CompteFinancierUnique => Some("compte-financier-unique"),
        DocumentKind::BudgetSupplementaire | DocumentKind::Comptes => None,
    }
}

/// The name of the budget's nomenclature family.
pub fn nomenclature_name(budget: &Budget) -> &'static str {
    match briques_core::budget::explore::family(budget) {
        Family::M14 => "M14",
        Family::M57 => "M57",
    }
}

/// The text of a notice about the source of the budgets.
pub fn notice_text(lang: Lang, notice: &Notice) -> String {
    let number = |value: f64| format_number(lang, value, 0);
    match notice {
        Notice::TooBig { file, size } => tr_args(
            lang,
            "budget-too-big",
            &[
                ("file", file.into()),
                ("size", number(size / 1e6).as_str().into()),
            ],
        ),
        Notice::Reading { file, size } => tr_args(
            lang,
            "budget-reading",
            &[
                ("file", file.into()),
                ("size", number(size / 1024.0).as_str().into()),
            ],
        ),
        Notice::Analysing { file } => tr_args(lang, "budget-analysing", &[("file", file.into())]),
        Notice::Imported {
            file,
            name,
            years,
            left_out,
        } => {
            let mut text = tr_args(
                lang,
                "budget-imported",
                &[
                    ("file", file.into()),
                    ("name", name.into()),
                    ("count", (*years).into()),
                ],
            );
            if *left_out > 0 {
                text.push(' ');
                text.push_str(&tr_args(
                    lang,
                    "budget-left-out",
                    &[("count", (*left_out).into())],
                ));
            }
            text
        }
        Notice::Opening => tr(lang, "budget-loading"),
        Notice::OpenFailed { message } => tr_args(
            lang,
            "budget-open-failed",
            &[("message", message.as_str().into())],
        ),
        Notice::ImportFailed { file, reason } => {
            let reason = match reason {
                Some(reason) => reason.clone(),
                None => tr(lang, "budget-error-no-line"),
            };
            tr_args(
                lang,
                "budget-import-failed",
                &[("file", file.into()), ("message", reason.as_str().into())],
            )
        }
    }
}

/// The label of a node of the budget tree ("012 · Charges de personnel…").
pub fn node_label(lang: Lang, side: Side, node: &Node) -> String {
    match node.level {
        Level::Root => tr(
            lang,
            match side {
                Side::Depenses => "budget-side-depenses",
                Side::Recettes => "budget-side-recettes",
            },
        ),
        Level::Section => tr(
            lang,
            if node.key == "F" {
                "budget-section-fonctionnement"
            } else {
                "budget-section-investissement"
            },
        ),
        Level::Fonction if node.key == "f-" => tr(lang, "budget-fonction-none"),
        Level::Fonction => format!(
            "{} · {}",
            node.key.trim_start_matches('f'),
            node.label.unwrap_or_default()
        ),
        Level::Chapitre | Level::Compte => match node.label {
            Some(label) => format!("{} · {}", node.key, account_label(lang, label, node.label_from)),
            None => node.key.clone(),
        },
    }
}

/// An account's official label; when it is its parent's (the account is in no plan de
/// comptes of the budget's nomenclature), says whose it is.
pub fn account_label(lang: Lang, label: &str, from: Option<&str>) -> String {
    match from {
        Some(parent) => tr_args(
            lang,
            "budget-label-parent",
            &[("label", label.into()), ("parent", parent.into())],
        ),
        None => label.to_owned(),
    }
}

/// The glossary entry of each indicator.
const INDICATOR_TERMS: [(&str, &str); 9] = [
    ("recettes_reelles_fonctionnement", "operations-reelles"),
    ("depenses_reelles_fonctionnement", "operations-reelles"),
    ("epargne_gestion", "epargne-gestion"),
    ("epargne_brute", "epargne-brute"),
    ("remboursement_emprunts", "emprunt"),
    ("epargne_nette", "epargne-nette"),
    ("depenses_equipement", "depenses-equipement"),
    ("encours_dette", "encours-dette"),
    ("capacite_desendettement", "capacite-desendettement"),
];

/// One key indicator as its card shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorCard {
    /// Its glossary entry.
    pub term: &'static str,
    /// Translation key of its name.
    pub label_key: &'static str,
    /// Translation key of its one-sentence definition.
    pub definition_key: &'static str,
    /// The value as shown.
    pub shown: String,
    /// How it compares with communes of the same size, when their statistics are served.
    pub comparison: Option<String>,
}

/// The statistics of the strate of the commune, when served and its population known.
pub fn strate_stats(loaded: &Loaded, population: Option<u64>) -> Option<&Strate> {
    strate_of(loaded.strates.as_ref()?, population?)
}

/// Whether the server gave strate statistics that cannot be used here (population
/// unknown, or no statistics for its strate): the page says so.
pub fn comparison_missing(loaded: &Loaded, population: Option<u64>) -> bool {
    loaded.strates.is_some() && strate_stats(loaded, population).is_none()
}

/// The cards of the key indicators the budget gives, in [`INDICATORS`] order.
pub fn indicator_cards(
    loaded: &Loaded,
    budget: &Budget,
    population: Option<u64>,
    money: Money,
) -> Vec<IndicatorCard> {
    let lang = money.lang;
    let indicators = budget.indicators();
    let stats = strate_stats(loaded, population);
    INDICATORS
        .iter()
        .filter_map(|(name, label_key, definition_key)| {
            let value = indicators.get(name)?;
            let shown = indicator_text(lang, name, value, |v| money.show(v));
            let comparison = stats.zip(population).and_then(|(stats, p)| {
                let c = compare(stats, name, value, p)?;
                let strate = briques_core::budget::prepared::strate_label(
                    lang,
                    briques_core::budget::explore::strate(p),
                );
                Some(tr_args(
                    lang,
                    "budget-compare",
                    &[
                        ("share", format_number(lang, c.share_above, 0).as_str().into()),
                        ("strate", strate.as_str().into()),
                        ("median", euros(lang, c.quartiles.median).as_str().into()),
                        ("q1", euros(lang, c.quartiles.q1).as_str().into()),
                        ("q3", euros(lang, c.quartiles.q3).as_str().into()),
                    ],
                ))
            });
            let term = INDICATOR_TERMS
                .iter()
                .find(|(n, _)| n == name)
                .map_or("operations-reelles", |(_, term)| term);
            Some(IndicatorCard {
                term,
                label_key,
                definition_key,
                shown,
                comparison,
            })
        })
        .collect()
}

/// One part of the current node, for the treemap.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// Key added to the path when the part is opened.
    pub key: String,
    /// Label shown in the part.
    pub label: String,
    /// Amount as shown.
    pub shown: String,
    /// The amount (sets the area).
    pub amount: f64,
}

/// One row of the drill-down's table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The key of the part the row opens (the last level's lines open nothing).
    pub opens: Option<String>,
    /// The cells; the first one heads the row.
    pub cells: Vec<String>,
}

/// The drill-down's table, as shown and as exported.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// What the table holds.
    pub caption: String,
    /// Column headings.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
}

/// A step of the breadcrumb.
#[derive(Clone, Debug, PartialEq)]
pub struct Crumb {
    /// The node's label.
    pub label: String,
    /// The path that goes back to it.
    pub path: Vec<String>,
}

/// What the drill-down shows for the view: where it is, the parts, the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Drill {
    /// The valid part of the view's path (a stale address stops at the deepest node).
    pub path: Vec<String>,
    /// From the root to the current node (the last one).
    pub crumbs: Vec<Crumb>,
    /// Whether the current node is an account, whose lines are listed.
    pub last_level: bool,
    /// The parts of the current node, largest first (empty at the last level).
    pub parts: Vec<Part>,
    /// The table beside the treemap.
    pub table: Table,
    /// The name of the table's CSV export.
    pub csv_name: String,
}

impl Drill {
    /// How deep the view is (0 at the root).
    pub fn depth(&self) -> usize {
        self.path.len()
    }

    /// The current node's label.
    pub fn current(&self) -> &str {
        self.crumbs.last().map_or("", |c| c.label.as_str())
    }

    /// The path that opens the part `key` of the current node.
    pub fn child(&self, key: &str) -> Vec<String> {
        let mut path = self.path.clone();
        path.push(key.to_owned());
        path
    }
}

/// The drill-down of `budget` (of the commune `name`) for the view.
pub fn drill(name: &str, budget: &Budget, view: &BudgetView, money: Money) -> Drill {
    let lang = money.lang;
    let t = |key: &str| tr(lang, key);
    let root = tree(budget, view.side, view.axis);
    let chain = descend(&root, &view.path);
    let path: Vec<String> = chain.iter().skip(1).map(|n| n.key.clone()).collect();
    let crumbs: Vec<Crumb> = chain
        .iter()
        .enumerate()
        .map(|(depth, node)| Crumb {
            label: node_label(lang, view.side, node),
            path: path.iter().take(depth).cloned().collect(),
        })
        .collect();
    let current = chain.last().copied().unwrap_or(&root);
    let current_label = node_label(lang, view.side, current);
    let last_level = current.level == Level::Compte;
    let parts: Vec<Part> = current
        .children
        .iter()
        .map(|child| Part {
            key: child.key.clone(),
            label: node_label(lang, view.side, child),
            shown: money.show(child.amount),
            amount: child.amount,
        })
        .collect();
    let table = if last_level {
        Table {
            caption: tr_args(
                lang,
                "budget-lines-of",
                &[("name", current_label.as_str().into())],
            ),
            header: vec![
                t("budget-col-compte"),
                t("budget-col-label"),
                t("budget-col-chapitre"),
                t("budget-col-fonction"),
                t("budget-col-prevu"),
                t("budget-col-amount"),
            ],
            rows: line_rows(budget, view.side, view.axis, &path)
                .into_iter()
                .map(|line| Row {
                    opens: None,
                    cells: vec![
                        line.compte,
                        line.label
                            .map(|label| account_label(lang, label, line.label_from))
                            .unwrap_or_default(),
                        line.chapitre,
                        line.fonction.unwrap_or_default(),
                        line.prevu.map(|p| money.show(p)).unwrap_or_default(),
                        money.show(line.amount),
                    ],
                })
                .collect(),
        }
    } else {
        Table {
            caption: tr_args(
                lang,
                "budget-parts-of",
                &[("name", current_label.as_str().into())],
            ),
            header: vec![
                t("budget-col-part"),
                t("budget-col-amount"),
                t("budget-col-share"),
            ],
            rows: parts
                .iter()
                .map(|part| Row {
                    opens: Some(part.key.clone()),
                    cells: vec![
                        part.label.clone(),
                        part.shown.clone(),
                        share_of(part.amount, current.amount)
                            .map(|share| format_percent(lang, share, 1))
                            .unwrap_or_default(),
                    ],
                })
                .collect(),
        }
    };
    let csv_name = format!(
        "budget-{}-{}-{}.csv",
        slug(name),
        budget.exercice,
        slug(&current_label)
    );
    Drill {
        path,
        crumbs,
        last_level,
        parts,
        table,
        csv_name,
    }
}

/// The table as a CSV file for spreadsheets: BOM, `;`, cells that a spreadsheet would
/// run as formulas neutralised.
pub fn csv(table: &Table) -> String {
    let mut out = String::from("\u{feff}");
    let mut record = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| protect_cell(c)).collect();
        write_record(&mut out, &cells, ';');
    };
    record(&table.header);
    for row in &table.rows {
        record(&row.cells);
    }
    out
}

/// The evolution chart's data: years, where the nomenclature changes, and the series
/// (translation key of the label, one value per year).
#[derive(Clone, Debug, PartialEq)]
pub struct Evolution {
    /// The years, oldest first.
    pub years: Vec<i32>,
    /// Index of the first year in the new nomenclature, if it changes.
    pub change_at: Option<usize>,
    /// The series.
    pub series: Vec<(&'static str, Vec<f64>)>,
}

/// The evolution of the key indicators over the years (none for a single year), per
/// inhabitant of each year when `per_inhabitant`.
pub fn evolution(loaded: &Loaded, per_inhabitant: bool) -> Option<Evolution> {
    if loaded.budgets.len() < 2 {
        return None;
    }
    let all: Vec<(Option<u64>, Indicators)> = loaded
        .budgets
        .iter()
        .map(|b| {
            let population = b.collectivite.population.filter(|p| per_inhabitant && *p > 0);
            (population, b.indicators())
        })
        .collect();
    let series = |key: &'static str, get: fn(&Indicators) -> f64| {
        let values = all
            .iter()
            .map(|(population, i)| match population {
                Some(p) => get(i) / *p as f64,
                None => get(i),
            })
            .collect();
        (key, values)
    };
    Some(Evolution {
        years: loaded.budgets.iter().map(|b| b.exercice).collect(),
        change_at: nomenclature_change(&loaded.budgets),
        series: vec![
            series("indicator-rrf", |i| i.recettes_reelles_fonctionnement),
            series("indicator-drf", |i| i.depenses_reelles_fonctionnement),
            series("indicator-epargne-brute", |i| i.epargne_brute),
        ],
    })
}
