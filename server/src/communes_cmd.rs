//! `briques communes search <text> [--limit N] [--json]`: the commune directory's search
//! from the command line, best match first. Glue only: the directory and its search are
//! `briques_core::communes`; the directory file (`www/communes/communes.tsv`) is
//! compiled into the binary, so the command needs neither the network nor the app.

use std::io::Write as _;

use anyhow::anyhow;
use serde_json::{json, Value};

use briques_core::communes::{normalise, Commune, Directory};
use briques_core::i18n::{tr, tr_args, Lang};

use crate::env_lang;

/// The directory as committed (written by `scripts/make-communes`).
const DIRECTORY: &str = include_str!("../../www/communes/communes.tsv");

/// How many matches are printed when `--limit` is not given.
const DEFAULT_LIMIT: usize = 10;

/// `briques communes …`
#[derive(clap::Subcommand, Debug)]
pub enum CommunesCommand {
    /// Cherche une commune comme on la tape : nom (accents, tirets, « st », articles ignorés), code postal, code INSEE, SIREN, numéro de département (« saint denis 93 »).
    Search(SearchArgs),
}

/// Arguments of `briques communes search`.
#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// Le texte cherché, entre guillemets ou en plusieurs mots.
    pub text: Vec<String>,
    /// Le nombre de communes affichées au plus (10 par défaut).
    // A negative number is taken as the value, to be refused with the French message.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub limit: Option<String>,
    /// Une liste JSON sur la sortie standard.
    #[arg(long)]
    pub json: bool,
}

/// Runs a `communes` subcommand.
pub fn run(command: CommunesCommand) -> anyhow::Result<()> {
    match command {
        CommunesCommand::Search(args) => search(args),
    }
}

/// The directory compiled into the binary. A damaged one is a build problem, reported
/// with the core's located message rather than a panic.
pub(crate) fn directory(lang: Lang) -> anyhow::Result<Directory> {
    Directory::parse(DIRECTORY).map_err(|e| anyhow!(e.message(lang)))
}

/// `--limit`, read here rather than by clap so that a bad value gets a French message.
fn limit(value: Option<&str>, lang: Lang) -> anyhow::Result<usize> {
    let Some(text) = value else {
        return Ok(DEFAULT_LIMIT);
    };
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|&n| n >= 1)
        .ok_or_else(|| anyhow!(tr_args(lang, "communes-cli-bad-limit", &[("value", text.into())])))
}

fn search(args: SearchArgs) -> anyhow::Result<()> {
    let lang = env_lang();
    let query = args.text.join(" ");
    if normalise(&query).is_empty() {
        return Err(anyhow!(tr(lang, "communes-cli-empty-query")));
    }
    let limit = limit(args.limit.as_deref(), lang)?;
    let directory = directory(lang)?;
    let found = directory.search(&query, limit);
    let mut out = String::new();
    if args.json {
        let list: Vec<Value> = found.iter().map(|c| commune_json(&directory, c)).collect();
        out.push_str(&serde_json::to_string_pretty(&list)?);
        out.push('\n');
    } else {
        if found.is_empty() {
            eprintln!(
                "{}",
                tr_args(lang, "communes-cli-none", &[("query", query.as_str().into())])
            );
        }
        for commune in &found {
            out.push_str(&directory.describe(commune, lang));
            out.push('\n');
        }
    }
    print(&out)
}

/// One match as the JSON contract gives it: the codes as strings (INSEE codes and
/// postal codes have leading zeros), `null` for what the directory does not know.
fn commune_json(directory: &Directory, c: &Commune) -> Value {
    let departement = directory.departement(&c.departement);
    json!({
        "insee": c.insee,
        "nom": c.nom,
        "type": c.kind.code(),
        "departement": c.departement,
        "departement_nom": departement.map(|d| d.nom.as_str()),
        "region": departement.map(|d| d.region.as_str()),
        "codes_postaux": c.codes_postaux,
        "population": c.population,
        "siren": c.siren,
        "epci": c.epci,
        "epci_nom": c.epci.as_deref().and_then(|s| directory.epci(s)).map(|e| e.nom.as_str()),
        "rattachement": c.rattachement,
    })
}

/// Writes to standard output; a reader that stopped reading (`| head -1`) is not an
/// error, where `println!` would panic.
fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
