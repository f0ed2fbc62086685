//! TOTEM / DocumentBudgetaire XML (budget primitif, compte administratif, …) and the
//! compte financier unique (root `doccfu:CompteFinancierUnique`, which holds a
//! `DocumentComptable` in the `doccomptable` namespace, then a `DocumentBudgetaire` in the
//! `docbudgetaire` namespace, then an anomaly report `ano:DocumentRapport`). Values are in
//! `V` attributes: `<Nature V="6332"/>`.
//!
//! Only elements of the DocumentBudgetaire namespace (or of none, as many editors write
//! them) are read: the accounting part and the report, with their own `Budget` elements,
//! are not budget lines. Lines the CFU's enrichment computes (`calculated="true"`: chapter
//! and group totals) are left out, so that nothing is counted twice; so are older
//! enrichment totals whose nature is the chapter code itself, beside detailed lines.
//! Lines without `ContNat` (Berger-Levrault, CIRIL, JVS) get their chapter from the
//! nature. The encours de dette is the capital still owed on the collectivité's own loans
//! (`CodTypEmpr` 01, or none given), not on the annex's computed totals.

use std::collections::{BTreeMap, BTreeSet};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::NsReader;

use super::{
    parse_amount, Budget, BudgetError, BudgetKind, Collectivite, Direction, DocumentKind, FieldProblem,
    Imported, Line, Warning, WarningKind,
};

type Fields = BTreeMap<String, String>;

#[derive(Default)]
struct RawBudget {
    header: Fields,
    lines: Vec<Fields>,
    /// Capital still owed at the end of the year, summed over the debt annex's own loans.
    debt_end: Option<f64>,
}

/// A loan of the debt annex being read.
#[derive(Default)]
struct Loan {
    /// A total the CFU's enrichment computed, not a loan.
    calculated: bool,
    /// `CodTypEmpr`: 01 the collectivité's own loan (09 a guaranteed one, …).
    kind: Option<String>,
    /// `MtCapitalRestDu_31_12`.
    owed: Option<f64>,
}

/// The namespace of the DocumentBudgetaire.
const DOCBUDGETAIRE: &[u8] = b"http://www.minefi.gouv.fr/cp/demat/docbudgetaire";

/// Whether an element is part of the DocumentBudgetaire: in its namespace, or in none.
fn ours(ns: &ResolveResult<'_>) -> bool {
    match ns {
        ResolveResult::Unbound => true,
        ResolveResult::Bound(Namespace(uri)) => *uri == DOCBUDGETAIRE,
        ResolveResult::Unknown(_) => false,
    }
}

/// Whether an element carries `calculated="true"` (the CFU's enrichment).
fn is_calculated(start: &BytesStart<'_>) -> bool {
    start
        .attributes()
        .flatten()
        .any(|a| a.key.local_name().as_ref() == b"calculated" && a.value.as_ref() == b"true")
}

/// Chapters whose code is also an account (carried-over results, transfers between
/// sections, unforeseen spending): a line with such a nature is a real line.
const CHAPTER_ACCOUNTS: [&str; 7] = ["001", "002", "020", "021", "022", "023", "024"];

fn local_name(start: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(start.local_name().as_ref()).into_owned()
}

fn value_of(start: &BytesStart<'_>) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"V")
        .and_then(|a| a.unescape_value().ok().map(|v| v.trim().to_owned()))
}

/// Where the parser is.
#[derive(Default)]
struct State {
    /// Open elements: local name, and whether it is of the DocumentBudgetaire.
    path: Vec<(String, bool)>,
    root: Option<String>,
    document: Fields,
    budgets: Vec<RawBudget>,
    budget: Option<RawBudget>,
    line: Option<Fields>,
    loan: Option<Loan>,
    /// Lines of the CFU's enrichment left out.
    calculated: usize,
}

impl State {
    /// An element opens (`<X>`), or stands alone (`<X V="…"/>`).
    fn open(&mut self, start: &BytesStart<'_>, ours: bool) {
        let name = local_name(start);
        self.root.get_or_insert_with(|| name.clone());
        if !ours {
            return;
        }
        let parent = self
            .path
            .last()
            .filter(|(_, ours)| *ours)
            .map_or("", |(p, _)| p.as_str());
        match name.as_str() {
            "Budget" => self.budget = Some(RawBudget::default()),
            "LigneBudget" => {
                let mut line = Fields::new();
                if is_calculated(start) {
                    line.insert("calculated".to_owned(), "true".to_owned());
                }
                self.line = Some(line);
            }
            "EMPRUNT" if self.budget.is_some() => {
                self.loan = Some(Loan {
                    calculated: is_calculated(start),
                    ..Loan::default()
                })
            }
            _ => {
                let Some(value) = value_of(start) else { return };
                if let Some(line) = self.line.as_mut() {
                    line.entry(name).or_insert(value);
                } else if let (Some(loan), "EMPRUNT") = (self.loan.as_mut(), parent) {
                    match name.as_str() {
                        "MtCapitalRestDu_31_12" => loan.owed = super::parse_amount(&value),
                        "CodTypEmpr" => loan.kind = Some(value),
                        _ => {}
                    }
                } else if let Some(budget) = self.budget.as_mut() {
                    if matches!(parent, "EnTeteBudget" | "BlocBudget") {
                        budget.header.entry(name).or_insert(value);
                    }
                } else if parent == "EnTeteDocBudgetaire" {
                    self.document.entry(name).or_insert(value);
                }
            }
        }
    }

    fn close(&mut self, name: &str, ours: bool) {
        if !ours {
            return;
        }
        match name {
            "LigneBudget" => {
                if let (Some(line), Some(budget)) = (self.line.take(), self.budget.as_mut()) {
                    if line.contains_key("calculated") {
                        self.calculated += 1;
                    } else {
                        budget.lines.push(line);
                    }
                }
            }
            "EMPRUNT" => {
                if let (Some(loan), Some(budget)) = (self.loan.take(), self.budget.as_mut()) {
                    let own = loan.kind.as_deref().is_none_or(|k| k.trim() == "01");
                    if let (false, true, Some(owed)) = (loan.calculated, own, loan.owed) {
                        *budget.debt_end.get_or_insert(0.0) += owed;
                    }
                }
            }
            "Budget" => {
                if let Some(budget) = self.budget.take() {
                    self.budgets.push(budget);
                }
            }
            _ => {}
        }
    }
}

/// Reads a DocumentBudgetaire or a CompteFinancierUnique.
pub fn read_totem(text: &str) -> Result<Imported, BudgetError> {
    let mut reader = NsReader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut state = State::default();
    loop {
        let xml_error = |reader: &NsReader<&[u8]>, detail: String| BudgetError::Xml {
            position: reader.buffer_position(),
            detail,
        };
        match reader.read_resolved_event() {
            Err(e) => return Err(xml_error(&reader, e.to_string())),
            Ok((ns, Event::Start(start))) => {
                let ours = ours(&ns);
                state.open(&start, ours);
                state.path.push((local_name(&start), ours));
            }
            Ok((ns, Event::Empty(start))) => {
                let ours = ours(&ns);
                state.open(&start, ours);
                // An empty element opens and closes (`<Budget/>`, `<EMPRUNT/>`).
                state.close(&local_name(&start), ours);
            }
            Ok((_, Event::End(_))) => {
                let (name, ours) = state.path.pop().unwrap_or_default();
                state.close(&name, ours);
            }
            Ok((_, Event::Eof)) => {
                if let Some((open, _)) = state.path.last() {
                    return Err(BudgetError::TruncatedXml {
                        element: open.clone(),
                    });
                }
                break;
            }
            Ok(_) => {}
        }
    }
    let cfu = match state.root.as_deref() {
        Some("DocumentBudgetaire") => false,
        Some("CompteFinancierUnique") => true,
        _ => return Err(BudgetError::UnknownFormat),
    };
    let mut imported = Imported::default();
    if state.calculated > 0 {
        imported.warnings.push(Warning {
            line: None,
            kind: WarningKind::ChapterTotalsSkipped {
                count: state.calculated,
            },
        });
    }
    for raw in state.budgets {
        imported
            .budgets
            .push(convert(raw, &state.document, cfu, &mut imported.warnings)?);
    }
    if imported.budgets.iter().all(|b| b.lines.is_empty()) {
        return Err(BudgetError::NoLine);
    }
    Ok(imported)
}

fn convert(
    raw: RawBudget,
    document: &Fields,
    cfu: bool,
    warnings: &mut Vec<Warning>,
) -> Result<Budget, BudgetError> {
    let header = &raw.header;
    let exercice = header
        .get("Exer")
        .ok_or_else(|| BudgetError::MissingElement {
            element: "BlocBudget/Exer".into(),
        })?
        .parse::<i32>()
        .map_err(|_| BudgetError::BadField {
            line: 0,
            field: "Exer".into(),
            problem: FieldProblem::Year,
        })?;
    let siret = header.get("IdEtab").or_else(|| document.get("IdColl")).cloned();
    let nom = document
        .get("LibelleColl")
        .or_else(|| header.get("LibelleEtab"))
        .cloned()
        .unwrap_or_default();
    let document_kind = if cfu {
        DocumentKind::CompteFinancierUnique
    } else {
        header
            .get("NatDec")
            .and_then(|c| DocumentKind::from_code(c))
            .unwrap_or(DocumentKind::BudgetPrimitif)
    };
    let budget_kind = match header.get("CodTypBud").map(String::as_str) {
        Some("P") | None => BudgetKind::Principal,
        Some(_) => BudgetKind::Annexe,
    };

    // Chapters that have detailed lines: a line whose nature is the chapter code itself
    // is then an enrichment total.
    let detailed: BTreeSet<&str> = raw
        .lines
        .iter()
        .filter_map(|l| Some((l.get("ContNat")?.as_str(), l.get("Nature")?.as_str())))
        .filter(|(chapter, nature)| chapter != nature)
        .map(|(chapter, _)| chapter)
        .collect();
    let mut skipped_totals = 0;
    let mut skipped_broken = 0;
    let mut lines = Vec::with_capacity(raw.lines.len());
    for fields in &raw.lines {
        let (Some(nature), Some(rd)) = (fields.get("Nature"), fields.get("CodRD")) else {
            skipped_broken += 1;
            continue;
        };
        let chapitre = fields.get("ContNat").cloned();
        if chapitre.as_deref() == Some(nature.as_str())
            && !CHAPTER_ACCOUNTS.contains(&nature.as_str())
            && detailed.contains(nature.as_str())
        {
            skipped_totals += 1;
            continue;
        }
        let direction = match rd.as_str() {
            "D" => Direction::Depense,
            "R" => Direction::Recette,
            _ => {
                skipped_broken += 1;
                continue;
            }
        };
        let amount = |names: &[&str]| {
            names
                .iter()
                .find_map(|n| fields.get(*n))
                .and_then(|v| parse_amount(v))
        };
        lines.push(Line {
            compte: nature.clone(),
            chapitre,
            fonction: fields.get("Fonction").cloned().filter(|f| !f.is_empty()),
            direction,
            // 0 réel; 1 ordre; T the enrichment's totals. None given: réel.
            reel: fields.get("OpBudg").is_none_or(|o| o == "0"),
            realise: amount(&["MtReal"]),
            // The vote (not MtBudgPrec, the previous budget stage).
            prevu: amount(&["MtPrev"]),
            credits_ouverts: amount(&["CredOuv", "MtCredOuv"]),
        });
    }
    if skipped_totals > 0 {
        warnings.push(Warning {
            line: None,
            kind: WarningKind::ChapterTotalsSkipped {
                count: skipped_totals,
            },
        });
    }
    if skipped_broken > 0 {
        warnings.push(Warning {
            line: None,
            kind: WarningKind::IncompleteLinesSkipped {
                count: skipped_broken,
            },
        });
    }
    let siren = siret
        .as_deref()
        .filter(|s| s.len() >= 9)
        .map(|s| s[..9].to_owned());
    Ok(Budget {
        collectivite: Collectivite {
            nom,
            siren,
            siret,
            insee: None,
            population: None,
        },
        exercice,
        nomenclature: header.get("Nomenclature").cloned().unwrap_or_default(),
        document: document_kind,
        budget_kind,
        libelle: header.get("LibelleEtab").cloned(),
        lines,
        aggregates: raw
            .debt_end
            .map(|debt| BTreeMap::from([("Encours de dette".to_owned(), debt)]))
            .unwrap_or_default(),
        principal: BTreeMap::new(),
    })
}
