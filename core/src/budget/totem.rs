//! TOTEM / DocumentBudgetaire XML (budget primitif, compte administratif, …) and the
//! compte financier unique (root `CompteFinancierUnique`, which embeds a
//! DocumentBudgetaire). Values are in `V` attributes: `<Nature V="6332"/>`.
//!
//! Lines that the compte financier unique's enrichment adds to repeat a chapter's total
//! (their nature is the chapter code itself, beside the chapter's detailed lines) are
//! left out, with a warning, so that nothing is counted twice.

use std::collections::{BTreeMap, BTreeSet};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{
    parse_amount, Budget, BudgetError, BudgetKind, Collectivite, Direction, DocumentKind, FieldProblem,
    Imported, Line, Warning, WarningKind,
};

type Fields = BTreeMap<String, String>;

#[derive(Default)]
struct RawBudget {
    header: Fields,
    lines: Vec<Fields>,
    /// Capital still owed at the end of the year, summed over the debt annex's loans.
    debt_end: Option<f64>,
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
    path: Vec<String>,
    root: Option<String>,
    document: Fields,
    budgets: Vec<RawBudget>,
    budget: Option<RawBudget>,
    line: Option<Fields>,
}

impl State {
    /// An element opens (`<X>`), or stands alone (`<X V="…"/>`).
    fn open(&mut self, start: &BytesStart<'_>) {
        let name = local_name(start);
        self.root.get_or_insert_with(|| name.clone());
        let parent = self.path.last().map(String::as_str).unwrap_or("");
        match name.as_str() {
            "Budget" => self.budget = Some(RawBudget::default()),
            "LigneBudget" => self.line = Some(Fields::new()),
            _ => {
                let Some(value) = value_of(start) else { return };
                if let Some(line) = self.line.as_mut() {
                    line.entry(name).or_insert(value);
                } else if let Some(budget) = self.budget.as_mut() {
                    if parent == "EMPRUNT" && name == "MtCapitalRestDu_31_12" {
                        if let Some(amount) = super::parse_amount(&value) {
                            *budget.debt_end.get_or_insert(0.0) += amount;
                        }
                    } else if matches!(parent, "EnTeteBudget" | "BlocBudget") {
                        budget.header.entry(name).or_insert(value);
                    }
                } else if parent == "EnTeteDocBudgetaire" {
                    self.document.entry(name).or_insert(value);
                }
            }
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "LigneBudget" => {
                if let (Some(line), Some(budget)) = (self.line.take(), self.budget.as_mut()) {
                    budget.lines.push(line);
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
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut state = State::default();
    loop {
        let xml_error = |reader: &Reader<&[u8]>, detail: String| BudgetError::Xml {
            position: reader.buffer_position(),
            detail,
        };
        match reader.read_event() {
            Err(e) => return Err(xml_error(&reader, e.to_string())),
            Ok(Event::Start(start)) => {
                state.open(&start);
                state.path.push(local_name(&start));
            }
            Ok(Event::Empty(start)) => state.open(&start),
            Ok(Event::End(_)) => {
                let name = state.path.pop().unwrap_or_default();
                state.close(&name);
            }
            Ok(Event::Eof) => {
                if let Some(open) = state.path.last() {
                    return Err(xml_error(
                        &reader,
                        format!("document tronqué : <{open}> n'est jamais fermé"),
                    ));
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
        .ok_or_else(|| BudgetError::MissingColumn {
            column: "BlocBudget/Exer".into(),
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
            reel: fields.get("OpBudg").map(String::as_str) != Some("1"),
            realise: amount(&["MtReal"]),
            prevu: amount(&["MtPrev", "MtBudgPrec"]),
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
    })
}
