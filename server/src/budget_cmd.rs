//! `briques budget import <file> [--format …] [--json] [--annexes]`: reads a budget file
//! of any supported format and prints the collectivité, exercice, document and key
//! indicators. Warnings go to stderr. Glue only; the work is in `briques_core::budget`.

#[cfg(feature = "national")]
use std::io::{BufReader, Read, Write};
use std::path::PathBuf;

use anyhow::{anyhow, Context as _};
use serde_json::{json, Value};

#[cfg(feature = "national")]
use briques_core::budget::national::{self, Balances, Output};
use briques_core::budget::{self, Budget, DgfipOptions, Format, INDICATORS};
use briques_core::i18n::{format_number, tr, tr_args, Lang};

use crate::env_lang;

/// `briques budget …`
#[derive(clap::Subcommand, Debug)]
pub enum BudgetCommand {
    /// Lit un fichier budgétaire (OFGL, TOTEM/CFU, SCDL, balances DGFiP) et affiche les indicateurs.
    Import(ImportArgs),
    /// Prépare un fichier national de balances DGFiP : un budget par commune, un index et
    /// les statistiques par strate de population (pour `briques serve --budgets`).
    Prepare(PrepareArgs),
    /// Télécharge les budgets d'une commune depuis les API publiques (OFGL, DGFiP) dans un
    /// dossier préparé, pour un atelier sans internet (`briques serve --budgets <dossier>`).
    Fetch(crate::fetch_cmd::FetchArgs),
}

/// Arguments of `briques budget prepare`.
#[derive(clap::Args, Debug)]
pub struct PrepareArgs {
    /// Le fichier national des balances comptables des communes (CSV).
    pub file: PathBuf,
    /// Le dossier où écrire communes/, index.json et strates.json.
    #[arg(long)]
    pub out: PathBuf,
    /// Populations légales (CSV de l'INSEE : colonnes COM et PTOT) pour les montants par
    /// habitant et les strates.
    #[arg(long)]
    pub populations: Option<PathBuf>,
}

/// Arguments of `briques budget import`.
#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// Le fichier à lire.
    pub file: PathBuf,
    /// Format : auto (détecté), ofgl, totem, scdl ou dgfip.
    #[arg(long, default_value = "auto")]
    pub format: String,
    /// Un objet JSON (ou un tableau s'il y a plusieurs budgets) sur la sortie standard.
    #[arg(long)]
    pub json: bool,
    /// Balances DGFiP : lire aussi les budgets annexes.
    #[arg(long)]
    pub annexes: bool,
}

/// Runs a `budget` subcommand.
pub fn run(command: BudgetCommand) -> anyhow::Result<()> {
    match command {
        BudgetCommand::Import(args) => import(args),
        BudgetCommand::Prepare(args) => prepare(args),
        BudgetCommand::Fetch(args) => crate::fetch_cmd::fetch(args),
    }
}

/// The prepared folder on disk.
#[cfg(feature = "national")]
struct Folder(PathBuf);

#[cfg(feature = "national")]
impl Output for Folder {
    fn create(&self, path: &str) -> std::io::Result<Box<dyn Write + Send>> {
        let path = self.0.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        Ok(Box::new(std::fs::File::create(path)?))
    }
}

/// Without the `national` feature: what to build to get the command.
#[cfg(not(feature = "national"))]
fn prepare(_: PrepareArgs) -> anyhow::Result<()> {
    Err(anyhow!(tr(env_lang(), "budget-prepare-not-built")))
}

#[cfg(feature = "national")]
fn prepare(args: PrepareArgs) -> anyhow::Result<()> {
    let lang = env_lang();
    let failed = |detail: String| {
        anyhow!(tr_args(
            lang,
            "budget-prepare-failed",
            &[("detail", detail.as_str().into())]
        ))
    };
    let open = || std::fs::File::open(&args.file).with_context(|| crate::cannot_read(lang, &args.file));
    let mut head = Vec::with_capacity(64 * 1024);
    open()?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .with_context(|| crate::cannot_read(lang, &args.file))?;
    let balances = Balances {
        head,
        reader: BufReader::with_capacity(1 << 20, open()?),
        scan_path: args.file.to_string_lossy().into_owned(),
    };
    let populations = match &args.populations {
        Some(path) => Some(std::fs::read(path).with_context(|| crate::cannot_read(lang, path))?),
        None => None,
    };
    let report = national::prepare(balances, populations.as_deref(), &Folder(args.out.clone()))
        .map_err(|e| failed(e.message(lang)))?;
    println!(
        "{}",
        tr_args(
            lang,
            "budget-prepare-done",
            &[
                ("communes", report.communes.into()),
                ("lines", report.lines.into()),
                ("population", report.with_population.into()),
                ("out", args.out.display().to_string().as_str().into()),
            ],
        )
    );
    Ok(())
}

fn cents(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The indicators as (name, value) pairs, in [`INDICATORS`] order.
fn indicator_values(budget: &Budget) -> Vec<(&'static str, Option<f64>)> {
    let i = budget.indicators();
    INDICATORS
        .iter()
        .map(|(name, _, _)| (*name, i.get(name)))
        .collect()
}

fn to_json(budget: &Budget) -> Value {
    let totals = budget.totals();
    let c = &budget.collectivite;
    let indicators: serde_json::Map<String, Value> = indicator_values(budget)
        .into_iter()
        .map(|(name, v)| {
            let value = v.map(|v| {
                if name == "capacite_desendettement" {
                    (v * 100.0).round() / 100.0
                } else {
                    cents(v)
                }
            });
            (name.to_owned(), json!(value))
        })
        .collect();
    json!({
        "collectivite": { "nom": c.nom, "siren": c.siren, "siret": c.siret, "insee": c.insee, "population": c.population },
        "exercice": budget.exercice,
        "nomenclature": budget.nomenclature,
        "communal_nomenclature": budget.communal_nomenclature(),
        "document": budget.document,
        "budget": budget.budget_kind,
        "libelle": budget.libelle,
        "fonctionnement": { "depenses": cents(totals.fonctionnement.depenses), "recettes": cents(totals.fonctionnement.recettes) },
        "investissement": { "depenses": cents(totals.investissement.depenses), "recettes": cents(totals.investissement.recettes) },
        "epargne_brute": cents(budget.indicators().epargne_brute),
        "indicateurs": indicators,
        "categories": budget
            .by_category()
            .into_iter()
            .map(|(category, flow)| (category.key().trim_start_matches("category-").to_owned(), json!({ "depenses": cents(flow.depenses), "recettes": cents(flow.recettes) })))
            .collect::<serde_json::Map<String, Value>>(),
    })
}

fn import(args: ImportArgs) -> anyhow::Result<()> {
    let lang = env_lang();
    let bytes = std::fs::read(&args.file).with_context(|| crate::cannot_read(lang, &args.file))?;
    let format = match args.format.as_str() {
        "auto" => None,
        name => Some(
            Format::from_name(name)
                .ok_or_else(|| anyhow!(tr_args(lang, "budget-cli-bad-format", &[("format", name.into())])))?,
        ),
    };
    let options = DgfipOptions {
        include_annexes: args.annexes,
    };
    let imported = budget::import(&bytes, format, &options).map_err(|e| anyhow!(e.message(lang)))?;
    for warning in &imported.warnings {
        let text = warning.text(lang);
        eprintln!(
            "{}",
            match warning.line {
                Some(line) => tr_args(
                    lang,
                    "budget-cli-warning-line",
                    &[("line", line.into()), ("message", text.as_str().into())]
                ),
                None => tr_args(lang, "budget-cli-warning", &[("message", text.as_str().into())]),
            }
        );
    }
    if args.json {
        let values: Vec<Value> = imported.budgets.iter().map(to_json).collect();
        let out = if values.len() == 1 {
            values.into_iter().next().unwrap_or(Value::Null)
        } else {
            Value::Array(values)
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    for (n, budget) in imported.budgets.iter().enumerate() {
        if n > 0 {
            println!();
        }
        print_budget(budget, lang);
    }
    Ok(())
}

fn print_budget(budget: &Budget, lang: Lang) {
    let c = &budget.collectivite;
    let ids: Vec<String> = [("SIREN", &c.siren), ("INSEE", &c.insee)]
        .iter()
        .filter_map(|(name, v)| v.as_ref().map(|v| format!("{name} {v}")))
        .collect();
    println!(
        "{}{}",
        c.nom,
        if ids.is_empty() {
            String::new()
        } else {
            format!(" ({})", ids.join(", "))
        }
    );
    let year = budget.exercice.to_string();
    println!(
        "{}",
        tr_args(
            lang,
            "budget-cli-header",
            &[
                ("exercice", year.as_str().into()),
                ("document", tr(lang, budget.document.key()).as_str().into()),
                (
                    "nomenclature",
                    if budget.nomenclature.is_empty() {
                        "—"
                    } else {
                        budget.nomenclature.as_str()
                    }
                    .into()
                ),
            ],
        )
    );
    let totals = budget.totals();
    let euros = |v: f64| format!("{} €", format_number(lang, v, 2));
    for (key, flow) in [
        ("budget-section-fonctionnement", totals.fonctionnement),
        ("budget-section-investissement", totals.investissement),
    ] {
        let (section, depenses, recettes) = (tr(lang, key), euros(flow.depenses), euros(flow.recettes));
        let args = [
            ("section", section.as_str().into()),
            ("depenses", depenses.as_str().into()),
            ("recettes", recettes.as_str().into()),
        ];
        println!("{}", tr_args(lang, "budget-cli-section", &args));
    }
    for ((name, label, definition), (_, value)) in INDICATORS.iter().zip(indicator_values(budget)) {
        let Some(value) = value else { continue };
        let shown = budget::indicator_text(lang, name, value, euros);
        let per_head = budget
            .per_inhabitant(value)
            .filter(|_| *name != "capacite_desendettement")
            .map(|v| {
                format!(
                    " ({})",
                    tr_args(
                        lang,
                        "budget-per-inhabitant",
                        &[("amount", euros(v).as_str().into())]
                    )
                )
            })
            .unwrap_or_default();
        println!("  {} : {shown}{per_head}", tr(lang, label));
        println!("      {}", tr(lang, definition));
    }
    let categories = budget.by_category();
    if !budget.communal_nomenclature() {
        println!(
            "{}",
            tr_args(
                lang,
                "budget-other-nomenclature",
                &[("nomenclature", budget.nomenclature.as_str().into())]
            )
        );
    }
    if !categories.is_empty() {
        println!("{}", tr(lang, "budget-cli-categories"));
        for (category, flow) in categories {
            // One side per category, except "other investment", which may have both.
            let mut sides = Vec::new();
            if flow.depenses != 0.0 {
                sides.push(format!(
                    "{} {}",
                    euros(flow.depenses),
                    tr(lang, "budget-cli-spent")
                ));
            }
            if flow.recettes != 0.0 {
                sides.push(format!(
                    "{} {}",
                    euros(flow.recettes),
                    tr(lang, "budget-cli-received")
                ));
            }
            println!("  {} : {}", tr(lang, category.key()), sides.join(", "));
        }
    }
}
