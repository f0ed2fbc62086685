//! The stand-in's datasets: their fields (names, labels, types, in the portals' order)
//! and their rows, read from the project fixtures (`tests/standin/`) and, when present,
//! from the real OFGL export of Cazères (label headers, never copied into the repo).

use std::collections::BTreeMap;
use std::path::Path;

use super::odsql::{Cell, Field, Type};

const fn f(name: &'static str, label: &'static str, ty: Type) -> Field {
    Field { name, label, ty }
}

/// `ofgl-base-communes-consolidee`, in the order of its label-header export (research
/// README §2.2). Labels carry the publication year as `2024`.
pub const OFGL_FIELDS: &[Field] = &[
    f("exer", "Exercice", Type::Date),
    f("outre_mer", "Outre-mer", Type::Text),
    f("reg_code", "Code Insee 2024 Région", Type::Text),
    f("reg_name", "Nom 2024 Région", Type::Text),
    f("dep_code", "Code Insee 2024 Département", Type::Text),
    f("dep_name", "Nom 2024 Département", Type::Text),
    f("epci_code", "Code Siren 2024 EPCI", Type::Text),
    f("epci_name", "Nom 2024 EPCI", Type::Text),
    f("tranche_population", "Strate population 2024", Type::Text),
    f("rural", "Commune rurale", Type::Text),
    f("montagne", "Commune de montagne", Type::Text),
    f("touristique", "Commune touristique", Type::Text),
    f(
        "tranche_revenu_imposable_par_habitant",
        "Tranche revenu par habitant",
        Type::Text,
    ),
    f("qpv", "Présence QPV", Type::Text),
    f("com_code", "Code Insee 2024 Commune", Type::Text),
    f("com_name", "Nom 2024 Commune", Type::Text),
    f("categ", "Catégorie", Type::Text),
    f("siren", "Code Siren Collectivité", Type::Text),
    f("insee", "Code Insee Collectivité", Type::Text),
    f("lbudg", "Libellé Budget", Type::Text),
    f("agregat", "Agrégat", Type::Text),
    f("montant_bp", "Montant BP", Type::Double),
    f("montant_ba", "Montant BA", Type::Double),
    f("montant_flux", "Montant flux BP-BA", Type::Double),
    f("montant", "Montant", Type::Double),
    f("montant_en_millions", "Montant en millions", Type::Double),
    f("ptot", "Population totale", Type::Int),
    f("euros_par_habitant", "Montant en € par habitant", Type::Double),
    f("presence_budget", "Compte 2024 Disponible", Type::Text),
    f("ordre_analyse1_section1", "ordre_analyse1_section1", Type::Int),
    f("ordre_analyse1_section2", "ordre_analyse1_section2", Type::Int),
    f("ordre_analyse1_section3", "ordre_analyse1_section3", Type::Int),
    f("ordre_analyse2_section1", "ordre_analyse2_section1", Type::Int),
    f("ordre_analyse2_section2", "ordre_analyse2_section2", Type::Int),
    f("ordre_analyse2_section3", "ordre_analyse2_section3", Type::Int),
    f("ordre_analyse3_section1", "ordre_analyse3_section1", Type::Int),
    f("ordre_analyse3_section2", "ordre_analyse3_section2", Type::Int),
    f("ordre_analyse3_section3", "ordre_analyse3_section3", Type::Int),
    f("ordre_analyse4_section1", "ordre_analyse4_section1", Type::Int),
    f("annee_join", "annee_join", Type::Text),
    f("ptot_n", "Population totale du dernier exercice", Type::Int),
];

/// `balances-comptables-des-communes-en-{YYYY}`, lower-case names in the API's order.
pub const DGFIP_FIELDS: &[Field] = &[
    f("exer", "EXER", Type::Date),
    f("ident", "IDENT", Type::Text),
    f("ndept", "NDEPT", Type::Text),
    f("lbudg", "LBUDG", Type::Text),
    f("insee", "INSEE", Type::Text),
    f("cbudg", "CBUDG", Type::Text),
    f("ctype", "CTYPE", Type::Text),
    f("cstyp", "CSTYP", Type::Text),
    f("nomen", "NOMEN", Type::Text),
    f("siren", "siren", Type::Text),
    f("cregi", "CREGI", Type::Text),
    f("cacti", "CACTI", Type::Text),
    f("secteur", "SECTEUR", Type::Text),
    f("finess", "FINESS", Type::Text),
    f("codbud1", "CODBUD1", Type::Text),
    f("categ", "CATEG", Type::Text),
    f("bal", "BAL", Type::Text),
    f("compte", "COMPTE", Type::Text),
    f("bedeb", "BEDEB", Type::Double),
    f("becre", "BECRE", Type::Double),
    f("obnetdeb", "OBNETDEB", Type::Double),
    f("obnetcre", "OBNETCRE", Type::Double),
    f("onbdeb", "ONBDEB", Type::Double),
    f("onbcre", "ONBCRE", Type::Double),
    f("oobdeb", "OOBDEB", Type::Double),
    f("oobcre", "OOBCRE", Type::Double),
    f("sd", "SD", Type::Double),
    f("sc", "SC", Type::Double),
];

pub const OFGL_DATASET: &str = "ofgl-base-communes-consolidee";
pub const DGFIP_PREFIX: &str = "balances-comptables-des-communes-en-";

/// A dataset served by an Opendatasoft stand-in.
pub struct Dataset {
    pub id: String,
    pub fields: &'static [Field],
    pub rows: Vec<Vec<Cell>>,
}

/// Everything the ODS portals serve.
pub struct Tables {
    pub ofgl: Dataset,
    /// DGFiP balances by exercice; a year without rows is not published (404).
    pub dgfip: BTreeMap<i32, Dataset>,
}

fn index(fields: &[Field], name: &str) -> usize {
    fields
        .iter()
        .position(|f| f.name == name)
        .unwrap_or_else(|| panic!("{name} is a field"))
}

/// Splits a `;` line, with double quotes around fields that need them.
fn split(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(s) = out.last_mut() {
                    s.push('"')
                }
            }
            '"' => quoted = !quoted,
            ';' if !quoted => out.push(String::new()),
            c => {
                if let Some(s) = out.last_mut() {
                    s.push(c)
                }
            }
        }
    }
    out
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.is_empty())
}

/// A label with its publication year made generic, so any millésime's header matches.
fn generic_label(label: &str) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    for c in label.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if digits.len() == 4 {
            out.push_str("YYYY");
        } else {
            out.push_str(&digits);
        }
        digits.clear();
        out.push(c);
    }
    out.trim_end().to_owned()
}

/// Reads an OFGL CSV whose header holds field names or labels. Without an `agregat`
/// column, every column that is not a field is an agrégat and each of its cells a row
/// (the compact form of `ofgl-strates.csv`). Fields absent from the file are derived
/// where the portal's definitions allow (`euros_par_habitant` = montant / ptot, …).
pub fn read_ofgl(text: &str, source: &str, notes: &mut Vec<String>) -> Vec<Vec<Cell>> {
    let fields = OFGL_FIELDS;
    let mut lines = lines(text);
    let Some(header) = lines.next() else {
        return Vec::new();
    };
    let header = split(header);
    let mut columns: Vec<Option<usize>> = Vec::new();
    let has_agregat = header.iter().any(|h| h == "agregat" || h == "Agrégat");
    let mut agregat_columns: Vec<(usize, String)> = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let found = fields
            .iter()
            .position(|f| f.name == name || generic_label(f.label) == generic_label(name));
        if found.is_none() {
            if has_agregat {
                notes.push(format!("{source}: column {name:?} is not an OFGL field, ignored"));
            } else {
                agregat_columns.push((i, name.clone()));
            }
        }
        columns.push(found);
    }
    let present: Vec<bool> = (0..fields.len()).map(|f| columns.contains(&Some(f))).collect();
    let mut rows = Vec::new();
    for line in lines {
        let cells = split(line);
        let mut row = vec![Cell::Null; fields.len()];
        for (i, column) in columns.iter().enumerate() {
            if let (Some(f), Some(text)) = (column, cells.get(i)) {
                row[*f] = Cell::parse(text, fields[*f].ty);
            }
        }
        if has_agregat {
            rows.push(derive(row, &present));
        } else {
            for (i, name) in &agregat_columns {
                let value = Cell::parse(cells.get(*i).map_or("", |s| s), Type::Double);
                if value != Cell::Null {
                    let mut row = row.clone();
                    row[index(fields, "agregat")] = Cell::Text(name.clone());
                    row[index(fields, "montant")] = value;
                    rows.push(derive(row, &present));
                }
            }
        }
    }
    rows
}

/// Fills the fields a fixture leaves out, from the ones it has.
fn derive(mut row: Vec<Cell>, present: &[bool]) -> Vec<Cell> {
    fn i(name: &str) -> usize {
        index(OFGL_FIELDS, name)
    }
    let montant = row[i("montant")].number();
    let ptot = row[i("ptot")].number();
    let insee = match &row[i("insee")] {
        Cell::Text(insee) => Some(insee.clone()),
        _ => None,
    };
    let year = match row[i("exer")] {
        Cell::Year(y) => Some(y),
        _ => None,
    };
    let mut derived: Vec<(&str, Cell)> = vec![
        ("categ", Cell::Text("Commune".into())),
        ("presence_budget", Cell::Text("1".into())),
    ];
    if let Some(m) = montant {
        derived.push(("montant_bp", Cell::Num(m)));
        derived.push(("montant_ba", Cell::Num(0.0)));
        derived.push(("montant_flux", Cell::Num(0.0)));
        derived.push(("montant_en_millions", Cell::Num(m / 1e6)));
        if let Some(p) = ptot.filter(|p| *p > 0.0) {
            derived.push(("euros_par_habitant", Cell::Num(m / p)));
        }
    }
    if let Some(insee) = insee {
        let overseas = if insee.starts_with("97") { "Oui" } else { "Non" };
        derived.push(("outre_mer", Cell::Text(overseas.into())));
        derived.push(("com_code", Cell::Text(insee)));
    }
    if let Some(y) = year {
        derived.push(("annee_join", Cell::Text(y.to_string())));
    }
    for (name, value) in derived {
        if !present[i(name)] {
            row[i(name)] = value;
        }
    }
    row
}

/// Reads the DGFiP balances fixture (lower-case field names) into one dataset per year.
pub fn read_dgfip(text: &str, source: &str, notes: &mut Vec<String>) -> BTreeMap<i32, Dataset> {
    let fields = DGFIP_FIELDS;
    let mut lines = lines(text);
    let header = lines.next().map(split).unwrap_or_default();
    let columns: Vec<Option<usize>> = header
        .iter()
        .map(|h| {
            let found = fields.iter().position(|f| f.name.eq_ignore_ascii_case(h));
            if found.is_none() {
                notes.push(format!("{source}: column {h:?} is not a DGFiP field, ignored"));
            }
            found
        })
        .collect();
    let mut years: BTreeMap<i32, Dataset> = BTreeMap::new();
    for line in lines {
        let cells = split(line);
        let mut row = vec![Cell::Null; fields.len()];
        for (i, column) in columns.iter().enumerate() {
            if let (Some(f), Some(text)) = (column, cells.get(i)) {
                row[*f] = Cell::parse(text, fields[*f].ty);
            }
        }
        let Cell::Year(year) = row[0] else {
            notes.push(format!("{source}: a row without exer, ignored"));
            continue;
        };
        years
            .entry(year)
            .or_insert_with(|| Dataset {
                id: format!("{DGFIP_PREFIX}{year}"),
                fields,
                rows: Vec::new(),
            })
            .rows
            .push(row);
    }
    years
}

/// Loads the fixtures of `data` and the real rows of `real` (when there).
pub fn load(data: &Path, real: &Path, notes: &mut Vec<String>) -> Result<Tables, String> {
    let read = |name: &str| {
        std::fs::read_to_string(data.join(name)).map_err(|e| format!("{}: {e}", data.join(name).display()))
    };
    let mut rows = read_ofgl(&read("ofgl-crach.csv")?, "ofgl-crach.csv", notes);
    rows.extend(read_ofgl(&read("ofgl-strates.csv")?, "ofgl-strates.csv", notes));
    let cazeres = real.join("ofgl-base-communes-consolidee_cazeres_2022-2023.csv");
    match std::fs::read_to_string(&cazeres) {
        Ok(text) => {
            let real_rows = read_ofgl(&text, "real Cazères export", notes);
            notes.push(format!(
                "{} real OFGL rows read from {}",
                real_rows.len(),
                cazeres.display()
            ));
            rows.extend(real_rows);
        }
        Err(e) => notes.push(format!(
            "no real OFGL rows: {} ({e}); serving the synthetic fixtures only",
            cazeres.display()
        )),
    }
    let dgfip = read_dgfip(&read("dgfip-balances.csv")?, "dgfip-balances.csv", notes);
    Ok(Tables {
        ofgl: Dataset {
            id: OFGL_DATASET.to_owned(),
            fields: OFGL_FIELDS,
            rows,
        },
        dgfip,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_any_millesime_match() {
        assert_eq!(
            generic_label("Code Insee 2021 Commune"),
            generic_label("Code Insee 2024 Commune")
        );
        assert_ne!(generic_label("Montant"), generic_label("Montant BP"));
    }
}
