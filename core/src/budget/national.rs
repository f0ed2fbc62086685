//! National preparation (native only, feature `national`): turns a national DGFiP
//! balances file (≈7 million rows, ≈1 GB) into what the app loads without polars:
//!
//! - `communes/<INSEE>.json`: each commune's main budget as a [`Budget`] (one line per
//!   account and flow: real and ordre, dépense and recette; encours de dette);
//! - `index.json`: every commune with its INSEE code, SIREN, name, population and strate;
//! - `strates.json`: per population strate, the quartiles of the key indicators per
//!   inhabitant, for "communes of the same size" comparisons.
//!
//! Polars does the heavy part lazily with its streaming engine: reading only the needed
//! columns, keeping main budgets (CBUDG 1), and summing flows per commune × account.
//! The per-commune budgets are the same model [`super::read_dgfip`] builds from a
//! commune's rows, so indicators agree (a test checks it).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::sync::Arc;

use polars::prelude::*;
use serde::Serialize;

pub use super::explore::{strate, STRATES};
use super::{Budget, BudgetKind, Collectivite, Direction, DocumentKind, Line};
use crate::csv::{decode, TextFile};

/// Why the preparation failed.
#[derive(Debug, thiserror::Error)]
pub enum NationalError {
    /// Reading or writing files.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The query engine refused the file.
    #[error("{0}")]
    Polars(#[from] PolarsError),
    /// A column the preparation needs is missing.
    #[error("colonne obligatoire absente : {0}")]
    MissingColumn(String),
    /// The populations file cannot be read.
    #[error("fichier des populations illisible : {0}")]
    Populations(String),
}

/// What was written.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Communes written.
    pub communes: usize,
    /// Account × flow lines written.
    pub lines: usize,
    /// Communes with a known population (and so a strate).
    pub with_population: usize,
}

const AMOUNTS: [&str; 6] = ["OBNETDEB", "OBNETCRE", "OOBDEB", "OOBCRE", "SD", "SC"];

/// The header (upper case, without a byte-order mark) and whether decimals are commas.
fn header(path: &Path) -> Result<(Vec<String>, bool), NationalError> {
    let mut head = vec![0u8; 64 * 1024];
    let n = fs::File::open(path)?.read(&mut head)?;
    head.truncate(n);
    let text = match decode(&head) {
        TextFile::Text { text, .. } => text,
        _ => return Err(NationalError::MissingColumn("EXER".into())),
    };
    let mut lines = text.lines();
    let names: Vec<String> = lines
        .next()
        .unwrap_or("")
        .split(';')
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_uppercase())
        .collect();
    let amount_columns: Vec<usize> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| AMOUNTS.contains(&n.as_str()))
        .map(|(i, _)| i)
        .collect();
    let decimal_comma = lines.take(50).any(|line| {
        let fields: Vec<&str> = line.split(';').collect();
        amount_columns
            .iter()
            .any(|i| fields.get(*i).is_some_and(|f| f.contains(',')))
    });
    Ok((names, decimal_comma))
}

/// The populations file (INSEE layout: `COM` and `PTOT`, or `PMUN`), by INSEE code.
pub fn read_populations(path: &Path) -> Result<HashMap<String, u64>, NationalError> {
    let bytes = fs::read(path)?;
    let TextFile::Text { text, .. } = decode(&bytes) else {
        return Err(NationalError::Populations("fichier binaire".into()));
    };
    let separator = crate::csv::detect_separator(&text);
    let records =
        crate::csv::read_records(&text, separator).map_err(|e| NationalError::Populations(e.to_string()))?;
    let mut records = records.into_iter();
    let header: Vec<String> = records
        .next()
        .map(|r| r.fields)
        .unwrap_or_default()
        .iter()
        .map(|h| h.trim().to_uppercase())
        .collect();
    let find = |name: &str| header.iter().position(|h| h == name);
    let com = find("COM").ok_or_else(|| NationalError::Populations("colonne COM absente".into()))?;
    let (ptot, pmun) = (find("PTOT"), find("PMUN"));
    let mut populations = HashMap::new();
    for record in records {
        let value = |i: Option<usize>| {
            i.and_then(|i| record.fields.get(i))
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        if let (Some(code), Some(population)) = (record.fields.get(com), value(ptot).or(value(pmun))) {
            populations.insert(code.trim().to_owned(), population);
        }
    }
    Ok(populations)
}

/// Names of budgets by IDENT, read with Briques' own decoder (polars reads Latin-1
/// lossily): one pass over the file, first name of each main budget.
fn names(path: &Path, names_header: &[String]) -> Result<HashMap<String, String>, NationalError> {
    let col = |name: &str| names_header.iter().position(|h| h == name);
    let (Some(ident), Some(lbudg)) = (col("IDENT"), col("LBUDG")) else {
        return Ok(HashMap::new());
    };
    let cbudg = col("CBUDG");
    let mut reader = BufReader::with_capacity(1 << 20, fs::File::open(path)?);
    let mut line = Vec::new();
    let mut found: HashMap<String, String> = HashMap::new();
    reader.read_until(b'\n', &mut line)?;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let mut fields = line.split(|b| *b == b';');
        let wanted = ident.max(lbudg).max(cbudg.unwrap_or(0));
        let cells: Vec<&[u8]> = fields.by_ref().take(wanted + 1).collect();
        if cbudg.is_some_and(|c| cells.get(c).is_some_and(|v| *v != b"1")) {
            continue;
        }
        let (Some(id), Some(name)) = (cells.get(ident), cells.get(lbudg)) else {
            continue;
        };
        let id = String::from_utf8_lossy(id).into_owned();
        found.entry(id).or_insert_with(|| {
            let name = match std::str::from_utf8(name) {
                Ok(s) => s.to_owned(),
                Err(_) => name.iter().map(|b| *b as char).collect(),
            };
            name.trim().to_owned()
        });
    }
    Ok(found)
}

/// Quartiles of a list (linear interpolation), `None` when empty.
fn quartiles(mut values: Vec<f64>) -> Option<[f64; 3]> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let pos = q * (values.len() - 1) as f64;
        let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
        values[lo] + (values[hi] - values[lo]) * (pos - lo as f64)
    };
    Some([at(0.25), at(0.5), at(0.75)])
}

#[derive(Serialize)]
struct IndexEntry<'a> {
    insee: &'a str,
    siren: Option<&'a str>,
    nom: &'a str,
    population: Option<u64>,
    strate: Option<u8>,
    exercice: i32,
}

/// Prepares `input` into `out` (see the module documentation).
pub fn prepare(input: &Path, populations: Option<&Path>, out: &Path) -> Result<Report, NationalError> {
    // `BRIQUES_TIMINGS=1` prints the time of each stage on stderr (for benchmarks).
    let started = std::time::Instant::now();
    let timings = std::env::var_os("BRIQUES_TIMINGS").is_some();
    let stage = |name: &str| {
        if timings {
            eprintln!("{name}: {:.2} s", started.elapsed().as_secs_f64());
        }
    };
    let (columns, decimal_comma) = header(input)?;
    for needed in [
        "EXER", "IDENT", "COMPTE", "OBNETDEB", "OBNETCRE", "OOBDEB", "OOBCRE",
    ] {
        if !columns.iter().any(|c| c == needed) {
            return Err(NationalError::MissingColumn(needed.into()));
        }
    }
    let has = |name: &str| columns.iter().any(|c| c == name);
    let schema = Schema::from_iter(columns.iter().map(|name| {
        let dtype = if AMOUNTS.contains(&name.as_str()) {
            DataType::Float64
        } else if name == "EXER" {
            DataType::Int64
        } else {
            DataType::String
        };
        Field::new(name.as_str().into(), dtype)
    }));
    let path = input.to_string_lossy().into_owned();
    let mut lazy = LazyCsvReader::new(PlRefPath::new(path.as_str()))
        .with_separator(b';')
        .with_has_header(true)
        .with_schema(Some(Arc::new(schema)))
        .with_decimal_comma(decimal_comma)
        .with_encoding(CsvEncoding::LossyUtf8)
        .finish()?;
    if has("CBUDG") {
        lazy = lazy.filter(col("CBUDG").eq(lit("1")));
    }
    let text_or_empty = |name: &str| {
        if has(name) {
            col(name).first()
        } else {
            lit("").alias(name)
        }
    };
    let amount_or_zero = |name: &str| {
        if has(name) {
            col(name).sum()
        } else {
            lit(0.0).alias(name)
        }
    };
    let grouped = lazy
        .group_by([col("IDENT"), col("EXER"), col("COMPTE")])
        .agg([
            (col("OBNETDEB") - col("OOBDEB")).sum().alias("RD"),
            (col("OBNETCRE") - col("OOBCRE")).sum().alias("RR"),
            col("OOBDEB").sum().alias("OD"),
            col("OOBCRE").sum().alias("OR"),
            amount_or_zero("SD"),
            amount_or_zero("SC"),
            text_or_empty("NDEPT"),
            text_or_empty("INSEE"),
            text_or_empty("NOMEN"),
            text_or_empty("SIREN"),
        ])
        .sort(["IDENT", "EXER"], Default::default())
        .collect_with_engine(Engine::Streaming)?
        .unwrap_single();
    stage("polars scan and group-by");

    let populations = match populations {
        Some(path) => read_populations(path)?,
        None => HashMap::new(),
    };
    let names = names(input, &columns)?;
    stage("budget names");
    fs::create_dir_all(out.join("communes"))?;

    let string = |name: &str| -> Result<Vec<Option<String>>, NationalError> {
        Ok(grouped
            .column(name)?
            .str()?
            .iter()
            .map(|v| v.map(str::to_owned))
            .collect())
    };
    let number = |name: &str| -> Result<Vec<f64>, NationalError> {
        Ok(grouped
            .column(name)?
            .f64()?
            .iter()
            .map(|v| v.unwrap_or(0.0))
            .collect())
    };
    let (ident, compte, ndept, insee, nomen, siren) = (
        string("IDENT")?,
        string("COMPTE")?,
        string("NDEPT")?,
        string("INSEE")?,
        string("NOMEN")?,
        string("SIREN")?,
    );
    let exer: Vec<i64> = grouped
        .column("EXER")?
        .i64()?
        .iter()
        .map(|v| v.unwrap_or(0))
        .collect();
    let (rd, rr, od, or, sd, sc) = (
        number("RD")?,
        number("RR")?,
        number("OD")?,
        number("OR")?,
        number("SD")?,
        number("SC")?,
    );

    let mut report = Report {
        communes: 0,
        lines: 0,
        with_population: 0,
    };
    let mut index = Vec::new();
    let mut per_strate: BTreeMap<u8, BTreeMap<&'static str, Vec<f64>>> = BTreeMap::new();
    // Rows come sorted by commune: each run of one IDENT and EXER is one budget.
    let mut start = 0;
    while start < ident.len() {
        let mut end = start + 1;
        while end < ident.len() && ident[end] == ident[start] && exer[end] == exer[start] {
            end += 1;
        }
        let id = ident[start].clone().unwrap_or_default();
        let code = super::tabular::insee_code(
            ndept[start].as_deref().unwrap_or(""),
            insee[start].as_deref().unwrap_or(""),
        );
        let population = code.as_ref().and_then(|c| populations.get(c)).copied();
        let mut budget = Budget {
            collectivite: Collectivite {
                nom: names.get(&id).cloned().unwrap_or_default(),
                siren: siren[start].clone().filter(|s| !s.is_empty()),
                siret: Some(id.clone()),
                insee: code.clone(),
                population,
            },
            exercice: exer[start] as i32,
            nomenclature: nomen[start].clone().unwrap_or_default(),
            document: DocumentKind::Comptes,
            budget_kind: BudgetKind::Principal,
            libelle: names.get(&id).cloned(),
            lines: Vec::new(),
            aggregates: BTreeMap::new(),
        };
        let mut encours = 0.0;
        for row in start..end {
            let account = compte[row].clone().unwrap_or_default();
            for (direction, reel, value) in [
                (Direction::Depense, true, rd[row]),
                (Direction::Recette, true, rr[row]),
                (Direction::Depense, false, od[row]),
                (Direction::Recette, false, or[row]),
            ] {
                if value != 0.0 {
                    budget.lines.push(Line {
                        compte: account.clone(),
                        chapitre: None,
                        fonction: None,
                        direction,
                        reel,
                        realise: Some(value),
                        prevu: None,
                        credits_ouverts: None,
                    });
                }
            }
            if account.starts_with("16") && !account.starts_with("16449") && !account.starts_with("1688") {
                encours += sc[row] - sd[row];
            }
        }
        if encours != 0.0 {
            budget.aggregates.insert("Encours de dette".to_owned(), encours);
        }
        let file_name = code.clone().unwrap_or_else(|| id.clone());
        let mut writer = BufWriter::new(fs::File::create(
            out.join("communes").join(format!("{file_name}.json")),
        )?);
        serde_json::to_writer(&mut writer, &budget).map_err(std::io::Error::other)?;
        writer.flush()?;
        report.communes += 1;
        report.lines += budget.lines.len();
        if let Some(p) = population.filter(|p| *p > 0) {
            report.with_population += 1;
            let i = budget.indicators();
            let stats = per_strate.entry(strate(p)).or_default();
            let per_head = |v: f64| v / p as f64;
            for (name, value) in [
                (
                    "recettes_reelles_fonctionnement",
                    Some(i.recettes_reelles_fonctionnement),
                ),
                (
                    "depenses_reelles_fonctionnement",
                    Some(i.depenses_reelles_fonctionnement),
                ),
                ("epargne_brute", Some(i.epargne_brute)),
                ("epargne_nette", i.epargne_nette),
                ("depenses_equipement", i.depenses_equipement),
                ("encours_dette", i.encours_dette),
            ] {
                if let Some(v) = value {
                    stats.entry(name).or_default().push(per_head(v));
                }
            }
        }
        index.push((file_name, budget.collectivite, budget.exercice));
        start = end;
    }

    stage("per-commune budgets written");
    index.sort_by(|a, b| a.1.nom.cmp(&b.1.nom));
    let entries: Vec<IndexEntry<'_>> = index
        .iter()
        .map(|(file, c, exercice)| IndexEntry {
            insee: file,
            siren: c.siren.as_deref(),
            nom: &c.nom,
            population: c.population,
            strate: c.population.map(strate),
            exercice: *exercice,
        })
        .collect();
    fs::write(
        out.join("index.json"),
        serde_json::to_string(&entries).map_err(std::io::Error::other)?,
    )?;
    let strates: BTreeMap<String, serde_json::Value> = per_strate
        .into_iter()
        .map(|(s, stats)| {
            let label = STRATES.iter().find(|(n, ..)| *n == s).map_or("", |(.., l)| l);
            let communes = stats.values().map(Vec::len).max().unwrap_or(0);
            let indicators: BTreeMap<&str, serde_json::Value> = stats
                .into_iter()
                .filter_map(|(name, values)| {
                    quartiles(values).map(|[q1, median, q3]| {
                        (name, serde_json::json!({ "q1": q1, "median": median, "q3": q3 }))
                    })
                })
                .collect();
            (
                s.to_string(),
                serde_json::json!({ "label": label, "communes": communes, "per_inhabitant": indicators }),
            )
        })
        .collect();
    fs::write(
        out.join("strates.json"),
        serde_json::to_string_pretty(&strates).map_err(std::io::Error::other)?,
    )?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> std::path::PathBuf {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/budget")
            .join(name)
    }

    #[test]
    fn prepared_communes_give_the_same_indicators_as_a_direct_import() {
        for file in [
            "briqueville-2023-dgfip-api.csv",
            "briqueville-2023-dgfip-brut.csv",
        ] {
            let out =
                std::env::temp_dir().join(format!("briques-national-test-{}-{file}", std::process::id()));
            let _ = fs::remove_dir_all(&out);
            let pops = out.with_extension("pops.csv");
            fs::create_dir_all(&out).unwrap();
            fs::write(&pops, "COM;Commune;PTOT\n99042;Briqueville;3012\n").unwrap();
            let report = prepare(&fixture(file), Some(&pops), &out).unwrap();
            assert_eq!(
                (report.communes, report.with_population),
                (1, 1),
                "{file}: the annex budget is left out"
            );

            let prepared: Budget =
                serde_json::from_str(&fs::read_to_string(out.join("communes/99042.json")).unwrap()).unwrap();
            let direct =
                super::super::import(&fs::read(fixture(file)).unwrap(), None, &Default::default()).unwrap();
            let direct = &direct.budgets[0];
            assert_eq!(prepared.indicators(), direct.indicators(), "{file}");
            assert_eq!(prepared.totals(), direct.totals(), "{file}");
            assert_eq!(prepared.collectivite.nom, "BRIQUEVILLE");
            assert_eq!(prepared.collectivite.population, Some(3012));

            let index: serde_json::Value =
                serde_json::from_str(&fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
            assert_eq!(index[0]["insee"], "99042");
            assert_eq!(index[0]["strate"], 4);
            let strates: serde_json::Value =
                serde_json::from_str(&fs::read_to_string(out.join("strates.json")).unwrap()).unwrap();
            let median = strates["4"]["per_inhabitant"]["epargne_brute"]["median"]
                .as_f64()
                .unwrap();
            assert!((median - 144_499.75 / 3012.0).abs() < 1e-6);
            let _ = fs::remove_dir_all(&out);
            let _ = fs::remove_file(&pops);
        }
    }

    #[test]
    fn real_insee_populations_are_read_including_the_pmun_only_rows() {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/data/real/insee_populations_legales_communes.csv");
        if !path.exists() {
            eprintln!("skipped: {} is not there (real-data check)", path.display());
            return;
        }
        let populations = read_populations(&path).unwrap();
        assert_eq!(populations.len(), 34_973);
        assert_eq!(populations.get("01001"), Some(&848));
        // Paris, Lyon and Marseille have only the municipal population filled.
        assert!(
            populations.get("75056").is_some_and(|p| *p > 2_000_000),
            "{:?}",
            populations.get("75056")
        );
    }

    #[test]
    fn strates_and_quartiles() {
        assert_eq!(strate(0), 1);
        assert_eq!(strate(499), 2);
        assert_eq!(strate(3012), 4);
        assert_eq!(strate(2_000_000), 10);
        assert_eq!(quartiles(vec![4.0, 1.0, 3.0, 2.0, 5.0]), Some([2.0, 3.0, 4.0]));
        assert_eq!(quartiles(vec![]), None);
    }
}
