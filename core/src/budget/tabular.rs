//! The CSV sources: OFGL aggregates, SCDL budget lines, DGFiP balances comptables.
//! Columns are found by name (any case, accents or not), never by position.

use std::collections::BTreeMap;

use super::{
    parse_amount, Budget, BudgetError, BudgetKind, Collectivite, Direction, DocumentKind, FieldProblem,
    Imported, Line, Warning, WarningKind,
};
use crate::csv;

/// Lower case, no accents, single spaces: how column names are compared.
fn normalise(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        let c = crate::i18n::fold_accent(c);
        for lower in c.to_lowercase() {
            if lower.is_whitespace() || lower == '_' {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            } else {
                out.push(lower);
            }
        }
    }
    out.trim().to_owned()
}

struct Table {
    header: Vec<String>,
    rows: Vec<csv::Record>,
    /// Irregular lines of the file (read anyway), as budget warnings.
    warnings: Vec<Warning>,
}

impl Table {
    fn read(text: &str) -> Result<Table, BudgetError> {
        let layout = csv::sniff(text);
        let mut reader = csv::RecordReader::at(layout.separator, layout.header_pos, layout.header_line)
            .with_backslash_escapes(layout.backslash_escapes);
        let mut fields = csv::Fields::default();
        let mut records = Vec::new();
        while let Some(line) = reader.next_record(text, &mut fields) {
            records.push(csv::Record {
                line,
                fields: fields.iter(text).map(str::to_owned).collect(),
            });
        }
        let mut warnings: Vec<Warning> = reader
            .warnings()
            .iter()
            .map(|w| Warning {
                line: Some(w.line),
                kind: WarningKind::IrregularLine(w.kind),
            })
            .collect();
        let unlisted = reader.irregular_lines() - reader.warnings().len();
        if unlisted > 0 {
            warnings.push(Warning {
                line: None,
                kind: WarningKind::MoreIrregularLines { count: unlisted },
            });
        }
        if layout.skipped_lines > 0 {
            warnings.insert(
                0,
                Warning {
                    line: None,
                    kind: WarningKind::TitleLines {
                        count: layout.skipped_lines,
                    },
                },
            );
        }
        let mut records = records.into_iter();
        let header = records
            .next()
            .ok_or(BudgetError::Empty)?
            .fields
            .iter()
            .map(|h| normalise(h))
            .collect();
        Ok(Table {
            header,
            warnings,
            rows: records.collect(),
        })
    }

    /// The first column whose normalised name satisfies `matches`.
    fn find(&self, matches: impl Fn(&str) -> bool) -> Option<usize> {
        self.header.iter().position(|h| matches(h))
    }

    fn exact(&self, names: &[&str]) -> Option<usize> {
        self.find(|h| names.contains(&h))
    }

    fn require(&self, names: &[&str]) -> Result<usize, BudgetError> {
        self.exact(names).ok_or_else(|| BudgetError::MissingColumn {
            column: names[0].to_uppercase(),
        })
    }
}

fn cell(record: &csv::Record, column: Option<usize>) -> &str {
    column
        .and_then(|c| record.fields.get(c))
        .map(|s| s.trim())
        .unwrap_or("")
}

// ---------------------------------------------------------------------------
// OFGL

/// Reads an OFGL export (one row per collectivité × exercice × agrégat), with field-name
/// headers (`exer;…;agregat;montant;…;ptot`) or label headers (`Exercice;…;Agrégat;Montant;
/// …;Population totale`, years inside labels). Consolidated amounts (`montant`) are used.
pub fn read_ofgl(text: &str) -> Result<Imported, BudgetError> {
    let table = Table::read(text)?;
    let exer = table
        .find(|h| h == "exer" || h == "exercice")
        .ok_or(BudgetError::MissingColumn {
            column: "exer".into(),
        })?;
    let agregat = table.require(&["agregat"])?;
    let montant = table.require(&["montant"])?;
    let montant_bp = table.exact(&["montant bp"]);
    // Names and codes: the commune's when present, else the EPCI's, département's or region's.
    let name = table
        .exact(&["com name"])
        .or_else(|| table.find(|h| h.starts_with("nom ") && h.ends_with(" commune")))
        .or_else(|| table.exact(&["epci name", "dep name", "reg name", "lbudg"]))
        .or_else(|| {
            table.find(|h| h.starts_with("nom ") && (h.ends_with(" epci") || h.ends_with(" departement")))
        })
        .or_else(|| table.exact(&["libelle budget"]));
    let insee = table
        .exact(&["insee", "code insee collectivite", "com code"])
        .or_else(|| table.find(|h| h.starts_with("code insee ") && h.ends_with(" commune")));
    let siren = table.exact(&["siren", "code siren collectivite"]);
    let population = table.exact(&["ptot", "population totale"]);
    let budget_label = table.exact(&["lbudg", "libelle budget"]);

    let mut budgets: BTreeMap<(String, i32), Budget> = BTreeMap::new();
    let mut warnings = table.warnings.clone();
    for record in &table.rows {
        let Ok(year) = cell(record, Some(exer)).parse::<i32>() else {
            warnings.push(Warning {
                line: Some(record.line),
                kind: WarningKind::UnreadableYear,
            });
            continue;
        };
        let name_value = cell(record, name).to_owned();
        let key_id = [cell(record, siren), cell(record, insee), name_value.as_str()]
            .into_iter()
            .find(|s| !s.is_empty())
            .unwrap_or("")
            .to_owned();
        let budget = budgets.entry((key_id, year)).or_insert_with(|| Budget {
            collectivite: Collectivite {
                nom: name_value.clone(),
                siren: Some(cell(record, siren).to_owned()).filter(|s| !s.is_empty()),
                siret: None,
                insee: Some(cell(record, insee).to_owned()).filter(|s| !s.is_empty()),
                population: cell(record, population).parse::<f64>().ok().map(|p| p as u64),
            },
            exercice: year,
            nomenclature: String::new(),
            document: DocumentKind::Comptes,
            budget_kind: BudgetKind::Principal,
            libelle: Some(cell(record, budget_label).to_owned()).filter(|s| !s.is_empty()),
            lines: Vec::new(),
            aggregates: BTreeMap::new(),
            principal: BTreeMap::new(),
        });
        if let Some(amount) = montant_bp.and_then(|c| parse_amount(cell(record, Some(c)))) {
            budget
                .principal
                .insert(cell(record, Some(agregat)).to_owned(), amount);
        }
        match parse_amount(cell(record, Some(montant))) {
            Some(amount) => {
                budget
                    .aggregates
                    .insert(cell(record, Some(agregat)).to_owned(), amount);
            }
            None => warnings.push(Warning {
                line: Some(record.line),
                kind: WarningKind::UnreadableAmount {
                    aggregate: cell(record, Some(agregat)).to_owned(),
                },
            }),
        }
    }
    if budgets.is_empty() {
        return Err(BudgetError::NoLine);
    }
    Ok(Imported {
        budgets: budgets.into_values().collect(),
        warnings,
    })
}

// ---------------------------------------------------------------------------
// SCDL

/// SCDL budget fields the schema requires (scdl/budget v0.8.3).
pub const SCDL_REQUIRED: [&str; 11] = [
    "BGT_NATDEC",
    "BGT_ANNEE",
    "BGT_SIRET",
    "BGT_NOM",
    "BGT_CONTNAT",
    "BGT_CONTNAT_LABEL",
    "BGT_NATURE",
    "BGT_NATURE_LABEL",
    "BGT_SECTION",
    "BGT_OPBUDG",
    "BGT_CODRD",
];

/// Of [`SCDL_REQUIRED`], those Briques cannot do without: the others are empty on some
/// rows of real files (and of the reference TOTEM→SCDL converter's output), or absent
/// from portals' layouts, and the nomenclature gives them (the chapter and section from
/// the nature account; the labels from the plan de comptes).
const SCDL_ESSENTIAL: [&str; 5] = ["BGT_NATDEC", "BGT_ANNEE", "BGT_NATURE", "BGT_OPBUDG", "BGT_CODRD"];

/// Rows listed, per field, in the warning about required cells left empty.
const EMPTY_LINES_LISTED: usize = 10;

/// Reads an SCDL budget file, row by row: required fields the nomenclature can give are
/// derived when empty (with a warning listing the lines), the others must be there.
pub fn read_scdl(text: &str) -> Result<Imported, BudgetError> {
    let table = Table::read(text)?;
    let column = |name: &str| table.exact(&[normalise(name).as_str()]);
    let mut columns = BTreeMap::new();
    for name in SCDL_REQUIRED {
        match column(name) {
            Some(at) => {
                columns.insert(name, at);
            }
            None if SCDL_ESSENTIAL.contains(&name) => {
                return Err(BudgetError::MissingColumn { column: name.into() })
            }
            None => {}
        }
    }
    if !columns.contains_key("BGT_SIRET") && !columns.contains_key("BGT_NOM") {
        return Err(BudgetError::MissingColumn {
            column: "BGT_SIRET".into(),
        });
    }
    let fonction = column("BGT_FONCTION");
    let mtreal = column("BGT_MTREAL");
    let mtprev = column("BGT_MTPREV");
    let credouv = column("BGT_CREDOUV");

    let mut budgets: BTreeMap<(String, i32, String), Budget> = BTreeMap::new();
    let mut warnings = table.warnings.clone();
    // Required cells left empty, by field: how many rows and the first lines.
    let mut empty: BTreeMap<&str, (usize, Vec<usize>)> = BTreeMap::new();
    for record in &table.rows {
        let get = |name: &str| cell(record, columns.get(name).copied());
        for name in SCDL_REQUIRED {
            if !get(name).is_empty() {
                continue;
            }
            if SCDL_ESSENTIAL.contains(&name) {
                return Err(BudgetError::BadField {
                    line: record.line,
                    field: name.into(),
                    problem: FieldProblem::Missing,
                });
            }
            if columns.contains_key(name) {
                let (count, lines) = empty.entry(name).or_default();
                *count += 1;
                if lines.len() < EMPTY_LINES_LISTED {
                    lines.push(record.line);
                }
            }
        }
        let bad = |field: &str, problem: FieldProblem| BudgetError::BadField {
            line: record.line,
            field: field.into(),
            problem,
        };
        let year: i32 = get("BGT_ANNEE")
            .parse()
            .map_err(|_| bad("BGT_ANNEE", FieldProblem::Year))?;
        let document = DocumentKind::from_code(get("BGT_NATDEC"))
            .ok_or_else(|| bad("BGT_NATDEC", FieldProblem::Document))?;
        let direction = match normalise(get("BGT_CODRD")).as_str() {
            "depense" | "d" => Direction::Depense,
            "recette" | "r" => Direction::Recette,
            _ => return Err(bad("BGT_CODRD", FieldProblem::Direction)),
        };
        let reel = match normalise(get("BGT_OPBUDG")).as_str() {
            "reel" | "0" => true,
            "ordre" | "1" => false,
            _ => return Err(bad("BGT_OPBUDG", FieldProblem::Operation)),
        };
        let mut siret = get("BGT_SIRET").to_owned();
        let bad_siret = siret.len() != 14 || !siret.bytes().all(|b| b.is_ascii_digit());
        if bad_siret && !siret.is_empty() {
            warnings.push(Warning {
                line: Some(record.line),
                kind: WarningKind::BadSiret { siret: siret.clone() },
            });
        }
        if bad_siret {
            siret.clear();
        }
        let amount = |column: Option<usize>, field: &str| -> Result<Option<f64>, BudgetError> {
            let text = cell(record, column);
            if text.is_empty() {
                return Ok(None);
            }
            parse_amount(text)
                .map(Some)
                .ok_or_else(|| bad(field, FieldProblem::Amount))
        };
        let line = Line {
            compte: get("BGT_NATURE").to_owned(),
            // Empty: derived from the nature account where the tree needs it.
            chapitre: Some(get("BGT_CONTNAT").to_owned()).filter(|c| !c.is_empty()),
            fonction: Some(cell(record, fonction).to_owned()).filter(|f| !f.is_empty()),
            direction,
            reel,
            realise: amount(mtreal, "BGT_MTREAL")?,
            prevu: amount(mtprev, "BGT_MTPREV")?,
            credits_ouverts: amount(credouv, "BGT_CREDOUV")?,
        };
        let key = (
            if siret.is_empty() {
                get("BGT_NOM").to_owned()
            } else {
                siret.clone()
            },
            year,
            get("BGT_NATDEC").to_lowercase(),
        );
        let budget = budgets.entry(key).or_insert_with(|| Budget {
            collectivite: Collectivite {
                nom: get("BGT_NOM").to_owned(),
                siren: (!siret.is_empty()).then(|| siret[..9].to_owned()),
                siret: (!siret.is_empty()).then(|| siret.clone()),
                insee: None,
                population: None,
            },
            exercice: year,
            nomenclature: String::new(),
            document,
            budget_kind: BudgetKind::Principal,
            libelle: None,
            lines: Vec::new(),
            aggregates: BTreeMap::new(),
            principal: BTreeMap::new(),
        });
        budget.lines.push(line);
    }
    for (field, (count, lines)) in empty {
        warnings.push(Warning {
            line: None,
            kind: WarningKind::EmptyRequired {
                field: field.to_owned(),
                count,
                lines,
            },
        });
    }
    if budgets.is_empty() {
        return Err(BudgetError::NoLine);
    }
    Ok(Imported {
        budgets: budgets.into_values().collect(),
        warnings,
    })
}

// ---------------------------------------------------------------------------
// DGFiP

/// Options of the DGFiP reader.
#[derive(Clone, Debug, Default)]
pub struct DgfipOptions {
    /// Also read annex budgets (CBUDG 2 and 3); by default only main budgets (CBUDG 1).
    pub include_annexes: bool,
}

/// The INSEE code from DGFiP's NDEPT (3 characters: `093`, `02A`, `971`) and INSEE (the
/// commune's last 3 digits).
pub fn insee_code(ndept: &str, insee: &str) -> Option<String> {
    let (ndept, insee) = (ndept.trim(), insee.trim());
    if ndept.is_empty() || insee.is_empty() {
        return None;
    }
    let insee = format!("{insee:0>3}");
    if ndept.starts_with("97") {
        // Overseas: département 971…976, commune code 97101 = "97" + "101".
        Some(format!("97{insee}"))
    } else {
        let dept = if ndept.len() == 3 {
            ndept.trim_start_matches('0')
        } else {
            ndept
        };
        Some(format!("{dept:0>2}{insee}"))
    }
}

/// Reads a DGFiP balances comptables file (current or older layouts, any column order,
/// upper- or lower-case headers, `.` or `,` decimals). Real flows are
/// OBNETDEB − OOBDEB and OBNETCRE − OOBCRE; ordre flows are kept as ordre lines. The
/// encours de dette is the credit balance of chapter 16 (without 16449 and 1688).
pub fn read_dgfip(text: &str, options: &DgfipOptions) -> Result<Imported, BudgetError> {
    let table = Table::read(text)?;
    let exer = table.require(&["exer"])?;
    let ident = table.require(&["ident"])?;
    let compte = table.require(&["compte"])?;
    let obnetdeb = table.require(&["obnetdeb"])?;
    let obnetcre = table.require(&["obnetcre"])?;
    let oobdeb = table.require(&["oobdeb"])?;
    let oobcre = table.require(&["oobcre"])?;
    let (ndept, insee, lbudg, cbudg, nomen, siren, fonction, sd, sc) = (
        table.exact(&["ndept"]),
        table.exact(&["insee"]),
        table.exact(&["lbudg"]),
        table.exact(&["cbudg"]),
        table.exact(&["nomen"]),
        table.exact(&["siren"]),
        table.exact(&["fonction"]),
        table.exact(&["sd"]),
        table.exact(&["sc"]),
    );

    let mut budgets: BTreeMap<(String, i32), Budget> = BTreeMap::new();
    let mut warnings = Vec::new();
    let mut skipped_annexes = 0usize;
    for record in &table.rows {
        let kind = cell(record, cbudg);
        if !options.include_annexes && !kind.is_empty() && kind != "1" {
            skipped_annexes += 1;
            continue;
        }
        let bad = |field: &str, problem: FieldProblem| BudgetError::BadField {
            line: record.line,
            field: field.into(),
            problem,
        };
        let year: i32 = cell(record, Some(exer))
            .parse()
            .map_err(|_| bad("EXER", FieldProblem::Year))?;
        let amount = |column: usize, field: &str| -> Result<f64, BudgetError> {
            let text = cell(record, Some(column));
            if text.is_empty() {
                return Ok(0.0);
            }
            parse_amount(text).ok_or_else(|| bad(field, FieldProblem::Amount))
        };
        let (deb, cre, odeb, ocre) = (
            amount(obnetdeb, "OBNETDEB")?,
            amount(obnetcre, "OBNETCRE")?,
            amount(oobdeb, "OOBDEB")?,
            amount(oobcre, "OOBCRE")?,
        );
        let id = cell(record, Some(ident)).to_owned();
        let account = cell(record, Some(compte)).to_owned();
        let budget = budgets.entry((id.clone(), year)).or_insert_with(|| Budget {
            collectivite: Collectivite {
                nom: cell(record, lbudg).to_owned(),
                siren: Some(cell(record, siren).to_owned()).filter(|s| !s.is_empty()),
                siret: Some(id.clone()).filter(|s| !s.is_empty()),
                insee: insee_code(cell(record, ndept), cell(record, insee)),
                population: None,
            },
            exercice: year,
            nomenclature: cell(record, nomen).to_owned(),
            document: DocumentKind::Comptes,
            budget_kind: if kind == "3" {
                BudgetKind::Annexe
            } else {
                BudgetKind::Principal
            },
            libelle: Some(cell(record, lbudg).to_owned()).filter(|s| !s.is_empty()),
            lines: Vec::new(),
            aggregates: BTreeMap::new(),
            principal: BTreeMap::new(),
        });
        let fonction = Some(cell(record, fonction).to_owned()).filter(|f| !f.is_empty());
        let mut push = |direction, reel, value: f64| {
            if value != 0.0 {
                budget.lines.push(Line {
                    compte: account.clone(),
                    chapitre: None,
                    fonction: fonction.clone(),
                    direction,
                    reel,
                    realise: Some(value),
                    prevu: None,
                    credits_ouverts: None,
                });
            }
        };
        push(Direction::Depense, true, deb - odeb);
        push(Direction::Recette, true, cre - ocre);
        push(Direction::Depense, false, odeb);
        push(Direction::Recette, false, ocre);
        if account.starts_with("16") && !account.starts_with("16449") && !account.starts_with("1688") {
            let balance =
                parse_amount(cell(record, sc)).unwrap_or(0.0) - parse_amount(cell(record, sd)).unwrap_or(0.0);
            *budget
                .aggregates
                .entry("Encours de dette".to_owned())
                .or_insert(0.0) += balance;
        }
    }
    if skipped_annexes > 0 {
        warnings.push(Warning {
            line: None,
            kind: WarningKind::AnnexesSkipped {
                count: skipped_annexes,
            },
        });
    }
    if budgets.is_empty() {
        return Err(BudgetError::NoLine);
    }
    Ok(Imported {
        budgets: budgets.into_values().collect(),
        warnings,
    })
}
