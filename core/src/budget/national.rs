//! National preparation (native only, feature `national`): turns a national DGFiP
//! balances file (≈7 million rows, ≈1 GB) into what the app loads without polars:
//!
//! - `communes/<département>.jsonl`: each commune's main budget as a [`Budget`] in JSON,
//!   one per line (one line per account and flow: real and ordre, dépense and recette;
//!   encours de dette); a hundred files rather than 35,000 keeps writing fast and steady;
//! - `index.json`: every commune with its INSEE code, SIREN, name, population, strate and
//!   where its budget is (file, byte offset, length);
//! - `strates.json`: per population strate, the quartiles of the key indicators per
//!   inhabitant, for "communes of the same size" comparisons.
//!
//! The format of these files (with their format name and version) is
//! [`super::prepared`]'s. This module does no file-system work of its own: the caller
//! gives the national file as [`Balances`] (its first bytes, a reader, and the path
//! polars' streaming scan opens) and the folder as an [`Output`] (`briques budget
//! prepare` writes files on disk; the tests keep them in memory).
//!
//! Polars does the heavy part lazily with its streaming engine: reading only the needed
//! columns, keeping main budgets (CBUDG 1), and summing flows per commune × account.
//! The per-commune budgets are the same model [`super::read_dgfip`] builds from a
//! commune's rows, so indicators agree (a test checks it).

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufWriter, Write};
use std::sync::Arc;

use polars::prelude::*;
use serde::Serialize;

pub use super::explore::strate;
use super::explore::{Quartiles, Strate};
use super::prepared::{
    communes_header, strate_label, write_index, write_strates, IndexEntry, COMMUNES_DIR, INDEX_FILE,
    STRATES_FILE,
};
use super::{Budget, BudgetKind, Collectivite, Direction, DocumentKind, Line};
use crate::csv::{decode, TextFile};
use crate::i18n::{display_from_message, tr, tr_args, Lang};

/// Why the preparation failed.
#[derive(Debug)]
pub enum NationalError {
    /// Reading the national file or writing the folder.
    Io(std::io::Error),
    /// The query engine refused the file.
    Polars(PolarsError),
    /// A column the preparation needs is missing.
    MissingColumn(String),
    /// The populations file cannot be read.
    Populations(PopulationsProblem),
}

/// What is wrong with a populations file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PopulationsProblem {
    /// Not text.
    Binary,
    /// No `COM` column (the INSEE code).
    NoCode,
}

impl NationalError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NationalError::Io(error) => {
                let detail = error.to_string();
                tr_args(lang, "budget-prepare-io", &[("detail", (&detail).into())])
            }
            NationalError::Polars(error) => {
                let detail = error.to_string();
                tr_args(lang, "budget-prepare-polars", &[("detail", (&detail).into())])
            }
            NationalError::MissingColumn(column) => {
                tr_args(lang, "budget-error-missing-column", &[("column", column.into())])
            }
            NationalError::Populations(problem) => {
                let detail = match problem {
                    PopulationsProblem::Binary => tr(lang, "budget-error-binary"),
                    PopulationsProblem::NoCode => tr(lang, "budget-populations-no-code"),
                };
                tr_args(
                    lang,
                    "budget-populations-unreadable",
                    &[("detail", (&detail).into())],
                )
            }
        }
    }
}

display_from_message!(NationalError);

impl From<std::io::Error> for NationalError {
    fn from(error: std::io::Error) -> Self {
        NationalError::Io(error)
    }
}

impl From<PolarsError> for NationalError {
    fn from(error: PolarsError) -> Self {
        NationalError::Polars(error)
    }
}

/// The national balances file, as the caller gives it (the server opens it).
pub struct Balances<R> {
    /// Its first bytes: the header and enough rows to tell the decimal mark (64 KiB).
    pub head: Vec<u8>,
    /// A reader from its start, read once beside polars for the budgets' identities.
    pub reader: R,
    /// The path polars' streaming reader scans: the one file polars opens itself.
    pub scan_path: String,
}

/// Where the prepared folder is written.
pub trait Output: Sync {
    /// Creates (or empties) the file at `path`, relative to the folder (`index.json`,
    /// `communes/075.jsonl`), creating the folders it needs.
    fn create(&self, path: &str) -> std::io::Result<Box<dyn Write + Send>>;
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

/// The header (upper case, without a byte-order mark) and whether decimals are commas,
/// from the file's first bytes.
fn header(head: &[u8]) -> Result<(Vec<String>, bool), NationalError> {
    let text = match decode(head) {
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

/// The populations file's bytes (INSEE layout: `COM` and `PTOT`, or `PMUN`), by INSEE
/// code.
pub fn read_populations(bytes: &[u8]) -> Result<HashMap<String, u64>, NationalError> {
    let TextFile::Text { text, .. } = decode(bytes) else {
        return Err(NationalError::Populations(PopulationsProblem::Binary));
    };
    let separator = crate::csv::detect_separator(&text);
    let records = crate::csv::read_records(&text, separator);
    let mut records = records.into_iter();
    let header: Vec<String> = records
        .next()
        .map(|r| r.fields)
        .unwrap_or_default()
        .iter()
        .map(|h| h.trim().to_uppercase())
        .collect();
    let find = |name: &str| header.iter().position(|h| h == name);
    let com = find("COM").ok_or(NationalError::Populations(PopulationsProblem::NoCode))?;
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

/// Who a budget belongs to, from its first main-budget row.
#[derive(Default)]
struct Identity {
    nom: String,
    ndept: String,
    insee: String,
    nomen: String,
    siren: String,
}

/// The identity of each budget by IDENT, read with Briques' own decoder (polars reads
/// Latin-1 lossily): one pass over the file's bytes, first row of each main budget.
/// Keeping these text columns out of polars' group-by makes it sum numbers only.
fn identities(
    mut reader: impl BufRead,
    header: &[String],
) -> Result<HashMap<String, Identity>, NationalError> {
    let col = |name: &str| header.iter().position(|h| h == name);
    let Some(ident) = col("IDENT") else {
        return Ok(HashMap::new());
    };
    let [lbudg, ndept, insee, nomen, siren, cbudg] =
        ["LBUDG", "NDEPT", "INSEE", "NOMEN", "SIREN", "CBUDG"].map(col);
    let last = [lbudg, ndept, insee, nomen, siren, cbudg]
        .into_iter()
        .flatten()
        .chain([ident])
        .max()
        .unwrap_or(ident);
    let mut line = Vec::new();
    let mut found: HashMap<String, Identity> = HashMap::new();
    let text = |bytes: &[u8]| match std::str::from_utf8(bytes) {
        Ok(s) => s.trim().to_owned(),
        Err(_) => bytes
            .iter()
            .map(|b| *b as char)
            .collect::<String>()
            .trim()
            .to_owned(),
    };
    reader.read_until(b'\n', &mut line)?;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        // On the stack: no allocation per row (DGFiP files have 29 columns).
        let mut cells: [&[u8]; 64] = [b""; 64];
        for (slot, value) in cells.iter_mut().zip(line.split(|b| *b == b';').take(last + 1)) {
            *slot = value;
        }
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).copied().unwrap_or(b"");
        if cbudg.is_some() && cell(cbudg).trim_ascii() != b"1" {
            continue;
        }
        let Some(id) = cells.get(ident) else { continue };
        let id = std::str::from_utf8(id.trim_ascii()).unwrap_or("");
        if found.contains_key(id) {
            continue;
        }
        found.insert(
            id.to_owned(),
            Identity {
                nom: text(cell(lbudg)),
                ndept: text(cell(ndept)),
                insee: text(cell(insee)),
                nomen: text(cell(nomen)),
                siren: text(cell(siren)),
            },
        );
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

/// The grouped rows, column by column (text borrowed from polars' buffers).
struct Columns<'a> {
    ident: Vec<&'a str>,
    compte: Vec<&'a str>,
    exer: Vec<i64>,
    /// RD, RR, OD, OR (real and ordre flows), SD, SC (closing balances).
    amounts: Vec<Vec<f64>>,
}

fn strings<'a>(frame: &'a DataFrame, name: &str) -> Result<Vec<&'a str>, NationalError> {
    Ok(frame
        .column(name)?
        .str()?
        .iter()
        .map(|v| v.unwrap_or(""))
        .collect())
}

fn numbers(frame: &DataFrame, name: &str) -> Result<Vec<f64>, NationalError> {
    Ok(frame
        .column(name)?
        .f64()?
        .iter()
        .map(|v| v.unwrap_or(0.0))
        .collect())
}

/// One commune written: what the index and the strate statistics need.
struct Built {
    file_name: String,
    /// The département file, offset and length of the budget's JSON.
    fichier: String,
    debut: u64,
    longueur: u64,
    collectivite: Collectivite,
    exercice: i32,
    lines: usize,
    /// Strate and per-inhabitant indicators, when the population is known.
    stats: Option<(u8, Vec<(&'static str, f64)>)>,
}

/// What each writing thread reads.
struct Context<'a> {
    columns: &'a Columns<'a>,
    identities: &'a HashMap<String, Identity>,
    populations: &'a HashMap<String, u64>,
    out: &'a dyn Output,
}

/// A writing thread's open département files and their lengths so far.
type Files = HashMap<String, (BufWriter<Box<dyn Write + Send>>, u64)>;

/// The file of a département (`02A`, `075`, `971`…), `000` when not given.
fn departement(ndept: &str) -> String {
    let code: String = ndept
        .trim()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(3)
        .collect();
    if code.is_empty() {
        "000".to_owned()
    } else {
        code
    }
}

impl Context<'_> {
    /// The département file a run goes to.
    fn departement(&self, (start, _): (usize, usize)) -> String {
        departement(
            self.identities
                .get(self.columns.ident[start])
                .map_or("", |i| i.ndept.as_str()),
        )
    }

    /// Builds the budget of the rows `start..end` and appends it as one line to
    /// `communes/<département>.jsonl`.
    fn write(&self, (start, end): (usize, usize), files: &mut Files) -> Result<Built, NationalError> {
        let c = self.columns;
        let id = c.ident[start];
        let identity = self.identities.get(id);
        let field = |get: fn(&Identity) -> &String| identity.map(get).cloned().unwrap_or_default();
        let code = super::tabular::insee_code(&field(|i| &i.ndept), &field(|i| &i.insee));
        let population = code.as_ref().and_then(|c| self.populations.get(c)).copied();
        let nom = field(|i| &i.nom);
        let mut budget = Budget {
            collectivite: Collectivite {
                nom: nom.clone(),
                siren: Some(field(|i| &i.siren)).filter(|s| !s.is_empty()),
                siret: Some(id.to_owned()),
                insee: code.clone(),
                population,
            },
            exercice: c.exer[start] as i32,
            nomenclature: field(|i| &i.nomen),
            document: DocumentKind::Comptes,
            budget_kind: BudgetKind::Principal,
            libelle: identity.map(|_| nom),
            lines: Vec::new(),
            aggregates: BTreeMap::new(),
            principal: BTreeMap::new(),
        };
        let [rd, rr, od, or, sd, sc] = [0, 1, 2, 3, 4, 5].map(|k| &c.amounts[k]);
        let mut encours = 0.0;
        for row in start..end {
            let account = c.compte[row];
            for (direction, reel, value) in [
                (Direction::Depense, true, rd[row]),
                (Direction::Recette, true, rr[row]),
                (Direction::Depense, false, od[row]),
                (Direction::Recette, false, or[row]),
            ] {
                if value != 0.0 {
                    budget.lines.push(Line {
                        compte: account.to_owned(),
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
        let file_name = code.unwrap_or_else(|| id.to_owned());
        let dept = self.departement((start, end));
        let (writer, length) = match files.entry(dept.clone()) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let file = self.out.create(&format!("{COMMUNES_DIR}{dept}.jsonl"))?;
                let mut writer = BufWriter::with_capacity(1 << 16, file);
                // Each file opens with its format and version; offsets count that line.
                let header = communes_header();
                writer.write_all(&header)?;
                e.insert((writer, header.len() as u64))
            }
        };
        let json = serde_json::to_vec(&budget).map_err(std::io::Error::other)?;
        writer.write_all(&json)?;
        writer.write_all(b"\n")?;
        let debut = *length;
        *length += json.len() as u64 + 1;
        let stats = population.filter(|p| *p > 0).map(|p| {
            let i = budget.indicators();
            let per_head = |v: f64| v / p as f64;
            let values = [
                "recettes_reelles_fonctionnement",
                "depenses_reelles_fonctionnement",
                "epargne_brute",
                "epargne_nette",
                "depenses_equipement",
                "encours_dette",
            ]
            .into_iter()
            .filter_map(|name| i.get(name).map(|v| (name, per_head(v))))
            .collect();
            (strate(p), values)
        });
        Ok(Built {
            file_name,
            fichier: format!("{COMMUNES_DIR}{dept}.jsonl"),
            debut,
            longueur: json.len() as u64,
            lines: budget.lines.len(),
            collectivite: budget.collectivite,
            exercice: budget.exercice,
            stats,
        })
    }
}

/// Prepares the national file into `out` (see the module documentation), with the
/// populations file's bytes when given.
pub fn prepare<R: BufRead + Send>(
    balances: Balances<R>,
    populations: Option<&[u8]>,
    out: &dyn Output,
) -> Result<Report, NationalError> {
    let Balances {
        head,
        reader,
        scan_path,
    } = balances;
    // `BRIQUES_TIMINGS=1` prints the time of each stage on stderr (for benchmarks).
    let started = std::time::Instant::now();
    let timings = std::env::var_os("BRIQUES_TIMINGS").is_some();
    let stage = |name: &str| {
        if timings {
            eprintln!("{name}: {:.2} s", started.elapsed().as_secs_f64());
        }
    };
    let (columns, decimal_comma) = header(&head)?;
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
    let mut lazy = LazyCsvReader::new(PlRefPath::new(scan_path.as_str()))
        .with_separator(b';')
        .with_has_header(true)
        .with_schema(Some(Arc::new(schema)))
        .with_decimal_comma(decimal_comma)
        .with_encoding(CsvEncoding::LossyUtf8)
        .finish()?;
    if has("CBUDG") {
        lazy = lazy.filter(col("CBUDG").eq(lit("1")));
    }
    let amount_or_zero = |name: &str| {
        if has(name) {
            col(name).sum()
        } else {
            lit(0.0).alias(name)
        }
    };
    // The byte pass over the file for the budgets' identities runs beside polars.
    let (grouped, identities) = std::thread::scope(|scope| {
        let identities = scope.spawn(|| identities(reader, &columns));
        let grouped = lazy
            .group_by([col("IDENT"), col("EXER"), col("COMPTE")])
            .agg([
                (col("OBNETDEB") - col("OOBDEB")).sum().alias("RD"),
                (col("OBNETCRE") - col("OOBCRE")).sum().alias("RR"),
                col("OOBDEB").sum().alias("OD"),
                col("OOBCRE").sum().alias("OR"),
                amount_or_zero("SD"),
                amount_or_zero("SC"),
            ])
            .sort(["IDENT", "EXER"], Default::default())
            .collect_with_engine(Engine::Streaming)
            .map(|frame| frame.unwrap_single());
        let identities = identities
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("identities").into()));
        (grouped, identities)
    });
    let (grouped, identities) = (grouped?, identities?);
    stage("polars scan and group-by, budget identities");

    let populations = match populations {
        Some(bytes) => read_populations(bytes)?,
        None => HashMap::new(),
    };

    let columns = Columns {
        ident: strings(&grouped, "IDENT")?,
        compte: strings(&grouped, "COMPTE")?,
        exer: grouped
            .column("EXER")?
            .i64()?
            .iter()
            .map(|v| v.unwrap_or(0))
            .collect(),
        amounts: ["RD", "RR", "OD", "OR", "SD", "SC"]
            .map(|name| numbers(&grouped, name))
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?,
    };
    // Rows come sorted by commune: each run of one IDENT and EXER is one budget.
    let mut runs = Vec::new();
    let mut start = 0;
    while start < columns.ident.len() {
        let mut end = start + 1;
        while end < columns.ident.len()
            && columns.ident[end] == columns.ident[start]
            && columns.exer[end] == columns.exer[start]
        {
            end += 1;
        }
        runs.push((start, end));
        start = end;
    }
    // Building and writing ~35,000 files is split between the cores.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let context = Context {
        columns: &columns,
        identities: &identities,
        populations: &populations,
        out,
    };
    // Each thread owns whole départements, so each file has one writer.
    let mut parts: Vec<Vec<(usize, usize)>> = vec![Vec::new(); threads];
    for run in &runs {
        let dept = context.departement(*run);
        let slot = dept
            .bytes()
            .fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(usize::from(b)))
            % threads;
        parts[slot].push(*run);
    }
    let built: Vec<Built> = std::thread::scope(|scope| {
        let workers: Vec<_> = parts
            .iter()
            .map(|part| {
                let context = &context;
                scope.spawn(move || {
                    let mut files = Files::new();
                    let built = part
                        .iter()
                        .map(|run| context.write(*run, &mut files))
                        .collect::<Result<Vec<_>, _>>()?;
                    for (writer, _) in files.values_mut() {
                        writer.flush()?;
                    }
                    Ok(built)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err(std::io::Error::other("thread").into()))
            })
            .collect::<Result<Vec<Vec<Built>>, NationalError>>()
    })?
    .into_iter()
    .flatten()
    .collect();

    let mut report = Report {
        communes: 0,
        lines: 0,
        with_population: 0,
    };
    let mut index = Vec::new();
    let mut per_strate: BTreeMap<u8, BTreeMap<&'static str, Vec<f64>>> = BTreeMap::new();
    for b in built {
        report.communes += 1;
        report.lines += b.lines;
        if let Some((s, values)) = b.stats {
            report.with_population += 1;
            let stats = per_strate.entry(s).or_default();
            for (name, value) in values {
                stats.entry(name).or_default().push(value);
            }
        }
        index.push((
            b.file_name,
            b.collectivite,
            b.exercice,
            b.fichier,
            b.debut,
            b.longueur,
        ));
    }
    stage("per-commune budgets written");
    index.sort_by(|a, b| a.1.nom.cmp(&b.1.nom));
    let entries: Vec<IndexEntry> = index
        .into_iter()
        .map(|(file, c, exercice, fichier, debut, longueur)| IndexEntry {
            insee: file,
            strate: c.population.map(strate),
            siren: c.siren,
            nom: c.nom,
            population: c.population,
            exercice,
            fichier,
            debut,
            longueur,
        })
        .collect();
    out.create(INDEX_FILE)?.write_all(&write_index(&entries))?;
    let strates: BTreeMap<String, Strate> = per_strate
        .into_iter()
        .map(|(s, stats)| {
            let communes = stats.values().map(Vec::len).max().unwrap_or(0);
            let per_inhabitant = stats
                .into_iter()
                .filter_map(|(name, values)| {
                    quartiles(values).map(|[q1, median, q3]| (name.to_owned(), Quartiles { q1, median, q3 }))
                })
                .collect();
            let strate = Strate {
                label: strate_label(Lang::Fr, s),
                communes,
                per_inhabitant,
            };
            (s.to_string(), strate)
        })
        .collect();
    out.create(STRATES_FILE)?.write_all(&write_strates(&strates))?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::budget::prepared::{check_communes_header, read_budget, read_index, read_strates};

    /// The prepared folder kept in memory: each file's bytes by path, stored when its
    /// writer is dropped.
    #[derive(Default)]
    struct Memory(Arc<Mutex<BTreeMap<String, Vec<u8>>>>);

    struct MemoryFile {
        path: String,
        bytes: Vec<u8>,
        folder: Arc<Mutex<BTreeMap<String, Vec<u8>>>>,
    }

    impl Write for MemoryFile {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Drop for MemoryFile {
        fn drop(&mut self) {
            if let Ok(mut folder) = self.folder.lock() {
                folder.insert(self.path.clone(), std::mem::take(&mut self.bytes));
            }
        }
    }

    impl Output for Memory {
        fn create(&self, path: &str) -> std::io::Result<Box<dyn Write + Send>> {
            Ok(Box::new(MemoryFile {
                path: path.to_owned(),
                bytes: Vec::new(),
                folder: self.0.clone(),
            }))
        }
    }

    impl Memory {
        fn file(&self, path: &str) -> Vec<u8> {
            self.0.lock().unwrap().get(path).cloned().unwrap_or_default()
        }
    }

    fn fixture(name: &str) -> std::path::PathBuf {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/budget")
            .join(name)
    }

    fn balances(path: &std::path::Path) -> Balances<std::io::Cursor<Vec<u8>>> {
        let bytes = std::fs::read(path).unwrap();
        Balances {
            head: bytes.iter().copied().take(64 * 1024).collect(),
            reader: std::io::Cursor::new(bytes),
            scan_path: path.to_string_lossy().into_owned(),
        }
    }

    #[test]
    fn prepared_communes_give_the_same_indicators_as_a_direct_import() {
        for file in [
            "briqueville-2023-dgfip-api.csv",
            "briqueville-2023-dgfip-brut.csv",
        ] {
            let out = Memory::default();
            let pops = b"COM;Commune;PTOT\n99042;Briqueville;3012\n";
            let report = prepare(balances(&fixture(file)), Some(pops), &out).unwrap();
            assert_eq!(
                (report.communes, report.with_population),
                (1, 1),
                "{file}: the annex budget is left out"
            );

            // Found through the index as the server finds it.
            let index = read_index(&out.file(INDEX_FILE)).unwrap();
            let entry = index.iter().find(|e| e.insee == "99042").expect("in the index");
            assert_eq!((entry.strate, entry.population), (Some(4), Some(3012)));
            let communes = out.file(&entry.fichier);
            let first_line = communes.split(|b| *b == b'\n').next().unwrap();
            assert_eq!(check_communes_header(&entry.fichier, first_line), Ok(()));
            let at = entry.debut as usize;
            let prepared = read_budget(&entry.fichier, &communes[at..at + entry.longueur as usize]).unwrap();

            let direct =
                super::super::import(&std::fs::read(fixture(file)).unwrap(), None, &Default::default())
                    .unwrap();
            let direct = &direct.budgets[0];
            assert_eq!(prepared.indicators(), direct.indicators(), "{file}");
            assert_eq!(prepared.totals(), direct.totals(), "{file}");
            assert_eq!(prepared.collectivite.nom, "BRIQUEVILLE");
            assert_eq!(prepared.collectivite.population, Some(3012));

            let strates = read_strates(&out.file(STRATES_FILE)).unwrap();
            let median = strates["4"].per_inhabitant["epargne_brute"].median;
            assert!((median - 144_499.75 / 3012.0).abs() < 1e-6);
            assert_eq!(strates["4"].label, "2 000 à 3 499 habitants");
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
        let populations = read_populations(&std::fs::read(&path).unwrap()).unwrap();
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
