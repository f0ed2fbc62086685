//! Commune budgets: one model for every French source, and the indicators citizens
//! ask about.
//!
//! - [`Budget`]: a collectivité's budget for one exercice and one document (budget
//!   primitif, compte administratif, …), as detailed [`Line`]s (TOTEM, SCDL, DGFiP
//!   balances) or as published aggregates (OFGL).
//! - [`import`]: reads any supported file (format detected from its content) into
//!   budgets, plus warnings about what was odd but readable.
//! - [`Budget::totals`] and [`Budget::indicators`]: real operations of the year by section,
//!   épargne de gestion / brute / nette, dépenses d'équipement, encours and capacité de
//!   désendettement, each with a one-sentence French definition ([`INDICATORS`]).
//!
//! - [`nomenclature`]: M14/M57 labels, fonctions and their crosswalk, citizen categories.
//!
//! Conventions: amounts are euros (`f64`); "real" operations exclude ordre operations
//! (OpBudg 1); a line belongs to fonctionnement when its account is in class 6 or 7 and to
//! investissement in class 1 or 2; the carried-over results 001/002 and third-party works
//! (45xx) are not operations of the year.

pub mod explore;
#[cfg(all(feature = "national", not(target_family = "wasm")))]
pub mod national;
pub mod nomenclature;
pub mod opendata;
pub mod prepared;
mod tabular;
mod totem;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::csv::TextFile;
use crate::i18n::{display_from_message, tr, tr_args, Lang};
use crate::vocabulary::codes;

pub use tabular::{read_dgfip, read_ofgl, read_scdl, DgfipOptions};
pub use totem::read_totem;

/// The collectivité a budget belongs to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Collectivite {
    /// Name as published.
    pub nom: String,
    /// SIREN (9 digits), when known.
    pub siren: Option<String>,
    /// SIRET of the budget (14 digits), when known.
    pub siret: Option<String>,
    /// INSEE code of the commune (5 characters), when known.
    pub insee: Option<String>,
    /// Population used for per-inhabitant figures, when known.
    pub population: Option<u64>,
}

/// Kind of budget document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// Budget primitif (voted amounts).
    BudgetPrimitif,
    /// Budget supplémentaire.
    BudgetSupplementaire,
    /// Décision modificative.
    DecisionModificative,
    /// Compte administratif (realised amounts).
    CompteAdministratif,
    /// Compte financier unique (realised amounts, replaces the CA from 2024).
    CompteFinancierUnique,
    /// Published accounts of another kind (OFGL aggregates, DGFiP balances).
    Comptes,
}

impl DocumentKind {
    /// Whether the document's amounts are realised (not forecast).
    pub fn is_realised(self) -> bool {
        matches!(
            self,
            DocumentKind::CompteAdministratif | DocumentKind::CompteFinancierUnique | DocumentKind::Comptes
        )
    }

    /// From a TOTEM `NatDec` code or an SCDL `BGT_NATDEC` label.
    pub fn from_code(code: &str) -> Option<DocumentKind> {
        let c = code.trim().to_lowercase();
        match c.as_str() {
            "01" | "budget primitif" | "primitif" => Some(DocumentKind::BudgetPrimitif),
            // NatDec codes of the DocumentBudgetaire schema: 01 BP, 02 DM, 03 BS, 09 CA,
            // 10 CFU (also in the reference TOTEM→SCDL converter's stylesheet).
            "03" | "budget supplémentaire" | "budget supplementaire" => {
                Some(DocumentKind::BudgetSupplementaire)
            }
            "02" | "décision modificative" | "decision modificative" => {
                Some(DocumentKind::DecisionModificative)
            }
            "09" | "compte administratif" => Some(DocumentKind::CompteAdministratif),
            "10" | "compte financier unique" => Some(DocumentKind::CompteFinancierUnique),
            _ => None,
        }
    }

    /// The translation key of the document's name (`budget-doc-bp`, …).
    pub fn key(self) -> &'static str {
        match self {
            DocumentKind::BudgetPrimitif => "budget-doc-bp",
            DocumentKind::BudgetSupplementaire => "budget-doc-bs",
            DocumentKind::DecisionModificative => "budget-doc-dm",
            DocumentKind::CompteAdministratif => "budget-doc-ca",
            DocumentKind::CompteFinancierUnique => "budget-doc-cfu",
            DocumentKind::Comptes => "budget-doc-comptes",
        }
    }
}

/// Principal or annex budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BudgetKind {
    /// The main budget.
    Principal,
    /// An annex budget (water, transport, …).
    Annexe,
}

/// Fonctionnement or investissement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// Day-to-day running: accounts of classes 6 and 7.
    Fonctionnement,
    /// Assets and debt: accounts of classes 1 and 2.
    Investissement,
}

/// Spending or revenue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Dépense.
    Depense,
    /// Recette.
    Recette,
}

/// One budget line: an account (nature), maybe a fonction, its amounts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// Compte (nature), e.g. `64111`.
    pub compte: String,
    /// Chapitre, when the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chapitre: Option<String>,
    /// Fonction, when the budget is voted or presented by fonction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fonction: Option<String>,
    /// Dépense or recette.
    pub direction: Direction,
    /// Real operation (false: ordre operation).
    pub reel: bool,
    /// Realised amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realise: Option<f64>,
    /// Voted amount (budget primitif or total prévu).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prevu: Option<f64>,
    /// Crédits ouverts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits_ouverts: Option<f64>,
}

impl Line {
    /// The section from the account's class; `None` for other classes (0, 3, 4, 5).
    pub fn section(&self) -> Option<Section> {
        match self.compte.chars().next()? {
            '6' | '7' => Some(Section::Fonctionnement),
            '1' | '2' => Some(Section::Investissement),
            _ => None,
        }
    }

    /// The carried-over results 001 and 002.
    pub fn is_carried_over(&self) -> bool {
        self.compte == "001" || self.compte == "002"
    }
}

/// A budget of one collectivité, one exercice, one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Budget {
    /// Who.
    pub collectivite: Collectivite,
    /// The year.
    pub exercice: i32,
    /// Nomenclature code as published (`M14-M14_COM_SUP3500`, `M57`, `M57A`, …).
    pub nomenclature: String,
    /// Which document.
    pub document: DocumentKind,
    /// Principal or annexe.
    pub budget_kind: BudgetKind,
    /// The budget's own name (`BUDGET PRINCIPAL MONTREUIL`), when given.
    pub libelle: Option<String>,
    /// Detailed lines (TOTEM, SCDL, DGFiP).
    pub lines: Vec<Line>,
    /// Published aggregates by name (OFGL), in euros: budget principal and annex budgets
    /// consolidated (OFGL's `montant`).
    pub aggregates: BTreeMap<String, f64>,
    /// The same agrégats for the budget principal alone (OFGL's `montant_bp`), when
    /// published.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub principal: BTreeMap<String, f64>,
}

/// Dépenses and recettes of a section.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Flow {
    /// Dépenses.
    pub depenses: f64,
    /// Recettes.
    pub recettes: f64,
}

/// Real operations of the year by section.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// Classes 6 and 7.
    pub fonctionnement: Flow,
    /// Classes 1 and 2.
    pub investissement: Flow,
}

/// The key indicators (euros; years for the capacité de désendettement).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Indicators {
    /// Recettes réelles de fonctionnement.
    pub recettes_reelles_fonctionnement: f64,
    /// Dépenses réelles de fonctionnement.
    pub depenses_reelles_fonctionnement: f64,
    /// Épargne de gestion.
    pub epargne_gestion: Option<f64>,
    /// Épargne brute.
    pub epargne_brute: f64,
    /// Remboursements d'emprunts (capital).
    pub remboursement_emprunts: Option<f64>,
    /// Épargne nette.
    pub epargne_nette: Option<f64>,
    /// Dépenses d'équipement.
    pub depenses_equipement: Option<f64>,
    /// Encours de dette au 31 décembre.
    pub encours_dette: Option<f64>,
    /// Capacité de désendettement, in years.
    pub capacite_desendettement: Option<f64>,
}

impl Indicators {
    /// The indicator of this name (as in [`INDICATORS`]); `None` when the budget does not
    /// give it or the name is unknown.
    pub fn get(&self, name: &str) -> Option<f64> {
        match name {
            "recettes_reelles_fonctionnement" => Some(self.recettes_reelles_fonctionnement),
            "depenses_reelles_fonctionnement" => Some(self.depenses_reelles_fonctionnement),
            "epargne_gestion" => self.epargne_gestion,
            "epargne_brute" => Some(self.epargne_brute),
            "remboursement_emprunts" => self.remboursement_emprunts,
            "epargne_nette" => self.epargne_nette,
            "depenses_equipement" => self.depenses_equipement,
            "encours_dette" => self.encours_dette,
            "capacite_desendettement" => self.capacite_desendettement,
            _ => None,
        }
    }
}

/// An indicator's value as people read it: the capacité de désendettement in years
/// (`3,8 ans`), every other indicator as an amount written by `amount`.
pub fn indicator_text(lang: Lang, name: &str, value: f64, amount: impl Fn(f64) -> String) -> String {
    if name == "capacite_desendettement" {
        let years = crate::i18n::format_number(lang, value, 1);
        tr_args(lang, "budget-years", &[("years", years.as_str().into())])
    } else {
        amount(value)
    }
}

/// Indicator names with the translation keys of their label and one-sentence definition.
pub const INDICATORS: [(&str, &str, &str); 9] = [
    (
        "recettes_reelles_fonctionnement",
        "indicator-rrf",
        "indicator-rrf-def",
    ),
    (
        "depenses_reelles_fonctionnement",
        "indicator-drf",
        "indicator-drf-def",
    ),
    (
        "epargne_gestion",
        "indicator-epargne-gestion",
        "indicator-epargne-gestion-def",
    ),
    (
        "epargne_brute",
        "indicator-epargne-brute",
        "indicator-epargne-brute-def",
    ),
    (
        "remboursement_emprunts",
        "indicator-remboursement",
        "indicator-remboursement-def",
    ),
    (
        "epargne_nette",
        "indicator-epargne-nette",
        "indicator-epargne-nette-def",
    ),
    (
        "depenses_equipement",
        "indicator-equipement",
        "indicator-equipement-def",
    ),
    ("encours_dette", "indicator-encours", "indicator-encours-def"),
    (
        "capacite_desendettement",
        "indicator-desendettement",
        "indicator-desendettement-def",
    ),
];

impl Budget {
    /// The amount of a line that this document reports: realised for accounts, voted
    /// (or else open credits) for budgets.
    pub fn amount(&self, line: &Line) -> f64 {
        if self.document.is_realised() {
            line.realise.unwrap_or(0.0)
        } else {
            line.prevu.or(line.credits_ouverts).unwrap_or(0.0)
        }
    }

    fn sum(&self, keep: impl Fn(&Line) -> bool) -> f64 {
        self.lines
            .iter()
            .filter(|l| l.reel && keep(l))
            .map(|l| self.amount(l))
            .sum()
    }

    /// Whether the budget carries OFGL's published agrégats (not only an amount a
    /// reader worked out, like the DGFiP balance's encours).
    pub fn has_published_aggregates(&self) -> bool {
        self.aggregates.contains_key("Recettes de fonctionnement")
    }

    fn aggregate(&self, name: &str) -> Option<f64> {
        self.aggregates.get(name).copied()
    }

    /// Real operations of the year by section (001/002 and third-party works excluded).
    pub fn totals(&self) -> Totals {
        if self.lines.is_empty() && !self.aggregates.is_empty() {
            let get = |name: &str| self.aggregate(name).unwrap_or(0.0);
            return Totals {
                fonctionnement: Flow {
                    depenses: get("Dépenses de fonctionnement"),
                    recettes: get("Recettes de fonctionnement"),
                },
                investissement: Flow {
                    depenses: get("Dépenses d'investissement"),
                    recettes: get("Recettes d'investissement"),
                },
            };
        }
        let flow = |section: Section| Flow {
            depenses: self.sum(|l| l.section() == Some(section) && l.direction == Direction::Depense),
            recettes: self.sum(|l| l.section() == Some(section) && l.direction == Direction::Recette),
        };
        Totals {
            fonctionnement: flow(Section::Fonctionnement),
            investissement: flow(Section::Investissement),
        }
    }

    /// The key indicators. From OFGL's published agrégats when the budget has them
    /// (alone, or with a DGFiP balance's lines for the drill-down: OFGL's consolidated
    /// figures are then the ones the strate statistics compare), else from the lines.
    pub fn indicators(&self) -> Indicators {
        if self.has_published_aggregates() || (self.lines.is_empty() && !self.aggregates.is_empty()) {
            let get = |name: &str| self.aggregate(name);
            let rrf = get("Recettes de fonctionnement").unwrap_or(0.0);
            let drf = get("Dépenses de fonctionnement").unwrap_or(0.0);
            let brute = get("Epargne brute").unwrap_or(rrf - drf);
            let encours = get("Encours de dette");
            return Indicators {
                recettes_reelles_fonctionnement: rrf,
                depenses_reelles_fonctionnement: drf,
                epargne_gestion: get("Epargne de gestion"),
                epargne_brute: brute,
                remboursement_emprunts: get("Remboursements d'emprunts hors GAD"),
                epargne_nette: get("Epargne nette"),
                depenses_equipement: get("Dépenses d'équipement"),
                encours_dette: encours,
                capacite_desendettement: encours.and_then(|e| (brute > 0.0).then(|| e / brute)),
            };
        }
        let totals = self.totals();
        let rrf = totals.fonctionnement.recettes;
        let drf = totals.fonctionnement.depenses;
        let brute = rrf - drf;
        let starts = |l: &Line, prefixes: &[&str]| prefixes.iter().any(|p| l.compte.starts_with(p));
        // Interest on debt (6611) is what separates épargne de gestion from épargne brute.
        let interets = self.sum(|l| l.direction == Direction::Depense && starts(l, &["6611"]));
        // Capital repaid: chapter 16 spending, without revolving and refinancing flows
        // (16449, 166) nor deposits received (165).
        let remboursement = self.sum(|l| {
            l.direction == Direction::Depense && starts(l, &["16"]) && !starts(l, &["16449", "166", "165"])
        });
        // Équipement: chapters 20 (without 204, subsidies paid to others), 21 and 23.
        let equipement = self.sum(|l| {
            l.direction == Direction::Depense && starts(l, &["20", "21", "23"]) && !starts(l, &["204"])
        });
        let encours = self.aggregate("Encours de dette");
        Indicators {
            recettes_reelles_fonctionnement: rrf,
            depenses_reelles_fonctionnement: drf,
            epargne_gestion: Some(brute + interets),
            epargne_brute: brute,
            remboursement_emprunts: Some(remboursement),
            epargne_nette: Some(brute - remboursement),
            depenses_equipement: Some(equipement),
            encours_dette: encours,
            capacite_desendettement: encours.and_then(|e| (brute > 0.0).then(|| e / brute)),
        }
    }

    /// Real operations of the year by citizen category (dépenses, recettes), largest
    /// first; empty for budgets known only by aggregates.
    pub fn by_category(&self) -> Vec<(nomenclature::Category, Flow)> {
        if !self.communal_nomenclature() {
            return Vec::new();
        }
        let mut flows: BTreeMap<nomenclature::Category, Flow> = BTreeMap::new();
        for line in self.lines.iter().filter(|l| l.reel) {
            if let Some(category) = nomenclature::category(line) {
                let flow = flows.entry(category).or_default();
                match line.direction {
                    Direction::Depense => flow.depenses += self.amount(line),
                    Direction::Recette => flow.recettes += self.amount(line),
                }
            }
        }
        let mut flows: Vec<_> = flows.into_iter().collect();
        crate::sorting::sort_by(&mut flows, |a, b| {
            (b.1.depenses + b.1.recettes).total_cmp(&(a.1.depenses + a.1.recettes))
        });
        flows
    }

    /// Whether the budget follows a nomenclature of communes (M14, M57; or none given, as
    /// in OFGL, SCDL and DGFiP files of communes), whose chapter labels and citizen
    /// categories Briques knows. Other budgets (M4x services, M52 départements, M71
    /// régions, M22 social) are read with their totals by section only.
    pub fn communal_nomenclature(&self) -> bool {
        let code = self.nomenclature.trim();
        code.is_empty() || nomenclature::Family::from_code(code).is_some()
    }

    /// Per-inhabitant value of an amount, when the population is known.
    pub fn per_inhabitant(&self, amount: f64) -> Option<f64> {
        self.collectivite
            .population
            .filter(|p| *p > 0)
            .map(|p| amount / p as f64)
    }
}

/// The formats Briques reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// OFGL exports (data.ofgl.fr), field-name or label headers.
    Ofgl,
    /// TOTEM / DocumentBudgetaire XML, and the compte financier unique.
    Totem,
    /// SCDL budget CSV (schema.data.gouv.fr, scdl/budget).
    Scdl,
    /// DGFiP balances comptables des communes.
    Dgfip,
}

impl Format {
    /// From a command-line name.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "ofgl" => Some(Format::Ofgl),
            "totem" | "xml" | "cfu" => Some(Format::Totem),
            "scdl" => Some(Format::Scdl),
            "dgfip" | "balances" => Some(Format::Dgfip),
            _ => None,
        }
    }
}

/// Something odd but readable in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line, when it applies.
    pub line: Option<usize>,
    /// What was odd.
    pub kind: WarningKind,
}

/// What was odd (each has its message in the catalogue, `budget-warning-*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// The exercice of an OFGL row cannot be read: the row is left out.
    UnreadableYear,
    /// The amount of an OFGL aggregate cannot be read: it is left out.
    UnreadableAmount {
        /// The aggregate.
        aggregate: String,
    },
    /// An SCDL SIRET without its 14 digits (a spreadsheet rounded it): the collectivité is
    /// identified by its name.
    BadSiret {
        /// What the file holds.
        siret: String,
    },
    /// DGFiP rows of annex budgets left out (read with `--annexes`).
    AnnexesSkipped {
        /// How many rows.
        count: usize,
    },
    /// TOTEM chapter totals added by the CFU enrichment, left out.
    ChapterTotalsSkipped {
        /// How many lines.
        count: usize,
    },
    /// TOTEM lines without `Nature` or `CodRD`, left out.
    IncompleteLinesSkipped {
        /// How many lines.
        count: usize,
    },
    /// A field the SCDL schema requires, empty on some rows: derived from the nature
    /// account (chapter, section) or left unknown (labels).
    EmptyRequired {
        /// The field.
        field: String,
        /// Rows where it is empty.
        count: usize,
        /// The first of their lines.
        lines: Vec<usize>,
    },
    /// Title or note lines before a CSV file's header, left out.
    TitleLines {
        /// How many.
        count: usize,
    },
    /// A CSV line with irregular quotes, read anyway.
    IrregularLine(crate::csv::Irregularity),
    /// More irregular CSV lines than listed.
    MoreIrregularLines {
        /// How many were not listed.
        count: usize,
    },
}

impl Warning {
    /// What was odd, in `lang`, without the line (see [`Warning::message`]).
    pub fn text(&self, lang: Lang) -> String {
        match &self.kind {
            WarningKind::UnreadableYear => tr(lang, "budget-warning-year"),
            WarningKind::UnreadableAmount { aggregate } => {
                tr_args(lang, "budget-warning-amount", &[("aggregate", aggregate.into())])
            }
            WarningKind::BadSiret { siret } => {
                tr_args(lang, "budget-warning-siret", &[("siret", siret.into())])
            }
            WarningKind::AnnexesSkipped { count } => {
                tr_args(lang, "budget-warning-annexes", &[("count", (*count).into())])
            }
            WarningKind::ChapterTotalsSkipped { count } => {
                tr_args(lang, "budget-warning-totals", &[("count", (*count).into())])
            }
            WarningKind::IncompleteLinesSkipped { count } => {
                tr_args(lang, "budget-warning-incomplete", &[("count", (*count).into())])
            }
            WarningKind::EmptyRequired { field, count, lines } => {
                let mut listed = lines.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
                if *count > lines.len() {
                    listed.push_str(", …");
                }
                tr_args(
                    lang,
                    "budget-warning-empty-required",
                    &[
                        ("field", field.into()),
                        ("count", (*count).into()),
                        ("lines", (&listed).into()),
                    ],
                )
            }
            WarningKind::TitleLines { count } => {
                tr_args(lang, "csv-title-lines", &[("count", (*count).into())])
            }
            WarningKind::IrregularLine(kind) => tr(lang, &format!("csv-irregular-{}", kind.code())),
            WarningKind::MoreIrregularLines { count } => {
                tr_args(lang, "csv-more-irregular", &[("count", (*count).into())])
            }
        }
    }

    /// The warning in `lang`, with its line when it has one.
    pub fn message(&self, lang: Lang) -> String {
        let text = self.text(lang);
        match self.line {
            Some(line) => tr_args(
                lang,
                "budget-warning-at-line",
                &[("line", line.into()), ("text", (&text).into())],
            ),
            None => text,
        }
    }
}

/// What is wrong with a field of a budget file's row (each has its message in the
/// catalogue, `budget-field-*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    /// A required value is empty.
    Missing,
    /// The year cannot be read.
    Year,
    /// Not a document kind (budget primitif, …).
    Document,
    /// Neither dépense nor recette.
    Direction,
    /// Neither réel nor ordre.
    Operation,
    /// An amount that cannot be read (text, or a scientific notation that lost digits).
    Amount,
}

codes!(FieldProblem {
    Missing => "missing",
    Year => "year",
    Document => "document",
    Direction => "direction",
    Operation => "operation",
    Amount => "amount",
});

/// Why a budget file cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum BudgetError {
    /// Not a format Briques reads.
    UnknownFormat,
    /// A spreadsheet workbook.
    Spreadsheet,
    /// Binary content.
    Binary,
    /// Text in another script's encoding.
    OtherEncoding(crate::csv::Script),
    /// Nothing in it.
    Empty,
    /// The XML is broken.
    Xml {
        /// Byte offset.
        position: u64,
        /// What the parser said.
        detail: String,
    },
    /// The XML ends before an element is closed.
    TruncatedXml {
        /// The element left open.
        element: String,
    },
    /// A required XML element is missing.
    MissingElement {
        /// Its path.
        element: String,
    },
    /// A required column is missing.
    MissingColumn {
        /// Its name.
        column: String,
    },
    /// A required field is empty or wrong on a row.
    BadField {
        /// 1-based line.
        line: usize,
        /// Field name.
        field: String,
        /// What is wrong.
        problem: FieldProblem,
    },
    /// The file has no budget line.
    NoLine,
}

impl BudgetError {
    /// The message in `lang`, saying what is wrong, where, and what to do.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BudgetError::UnknownFormat => tr(lang, "budget-error-unknown-format"),
            BudgetError::Spreadsheet => tr(lang, "cli-spreadsheet-file"),
            BudgetError::Binary => tr(lang, "budget-error-binary"),
            BudgetError::OtherEncoding(script) => script.message(lang),
            BudgetError::Empty => tr(lang, "import-error-empty"),
            BudgetError::Xml { position, detail } => tr_args(
                lang,
                "budget-error-xml",
                &[("position", (*position as f64).into()), ("detail", detail.into())],
            ),
            BudgetError::TruncatedXml { element } => {
                tr_args(lang, "budget-error-truncated-xml", &[("element", element.into())])
            }
            BudgetError::MissingElement { element } => tr_args(
                lang,
                "budget-error-missing-element",
                &[("element", element.into())],
            ),
            BudgetError::MissingColumn { column } => {
                tr_args(lang, "budget-error-missing-column", &[("column", column.into())])
            }
            BudgetError::BadField { line, field, problem } => {
                let problem = tr(lang, &format!("budget-field-{}", problem.code()));
                tr_args(
                    lang,
                    "budget-error-bad-field",
                    &[
                        ("line", (*line).into()),
                        ("field", field.into()),
                        ("problem", (&problem).into()),
                    ],
                )
            }
            BudgetError::NoLine => tr(lang, "budget-error-no-line"),
        }
    }
}

display_from_message!(BudgetError);

/// What an import gives: the budgets found and warnings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// One per collectivité × budget × exercice × document.
    pub budgets: Vec<Budget>,
    /// Odd but readable things.
    pub warnings: Vec<Warning>,
}

/// Guesses the format from the text.
pub fn detect(text: &str) -> Option<Format> {
    let head: String = text.chars().take(4096).collect();
    if head.trim_start().starts_with('<') {
        return (head.contains("DocumentBudgetaire") || head.contains("CompteFinancierUnique"))
            .then_some(Format::Totem);
    }
    let first = crate::csv::strip_bom(text)
        .lines()
        .next()
        .unwrap_or("")
        .to_uppercase();
    if first.contains("BGT_NATDEC") || first.contains("BGT_NATURE") {
        Some(Format::Scdl)
    } else if first.contains("OBNETDEB") || (first.contains("COMPTE") && first.contains("NDEPT")) {
        Some(Format::Dgfip)
    } else if first.contains("AGREGAT") || first.contains("AGRÉGAT") {
        Some(Format::Ofgl)
    } else {
        None
    }
}

/// The `encoding` an XML prolog declares (`<?xml version="1.0" encoding="ISO-8859-1"?>`).
fn xml_encoding(bytes: &[u8]) -> Option<&str> {
    let head = bytes.get(..bytes.len().min(200))?;
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let end = head.windows(2).position(|w| w == b"?>")?;
    let prolog = std::str::from_utf8(head.get(..end)?).ok()?;
    let prolog = prolog.trim_start().strip_prefix("<?xml")?;
    let after = &prolog[prolog.find("encoding")? + "encoding".len()..];
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let value = &after[1..];
    value.find(quote).map(|end| &value[..end])
}

/// Reads a budget file of any supported format (or the one given).
pub fn import(bytes: &[u8], format: Option<Format>, options: &DgfipOptions) -> Result<Imported, BudgetError> {
    // An XML document says its encoding in its prolog: honour it (ISO-8859-1 files whose
    // bytes happen to be valid UTF-8 must not be read as UTF-8).
    let declared = xml_encoding(bytes).and_then(|label| crate::csv::decode_declared(bytes, label));
    let text = match declared.unwrap_or_else(|| crate::csv::decode(bytes)) {
        TextFile::Text { text, .. } => text,
        TextFile::Spreadsheet => return Err(BudgetError::Spreadsheet),
        TextFile::Binary => return Err(BudgetError::Binary),
        TextFile::OtherEncoding { script } => return Err(BudgetError::OtherEncoding(script)),
    };
    if text.trim().is_empty() {
        return Err(BudgetError::Empty);
    }
    match format
        .or_else(|| detect(&text))
        .ok_or(BudgetError::UnknownFormat)?
    {
        Format::Totem => read_totem(&text),
        Format::Ofgl => read_ofgl(&text),
        Format::Scdl => read_scdl(&text),
        Format::Dgfip => read_dgfip(&text, options),
    }
}

/// Reads an amount written with `.` or `,` decimals and optional spaces. Excel's
/// scientific notation (`2,00054E+13`) is refused: it has lost digits.
pub fn parse_amount(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if cleaned.is_empty() || cleaned.contains(['e', 'E']) {
        return None;
    }
    cleaned
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests;
