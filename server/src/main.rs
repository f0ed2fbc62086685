//! `briques`: the one native binary. `briques serve` serves the web app; the other
//! subcommands expose the core to scripts. This file is glue: parsing arguments and
//! turning errors into messages and exit codes. The work is in `briques-core` and in
//! the modules below.

mod budget_cmd;
mod budgets;
mod chart_cmd;
mod communes_cmd;
mod csv_cmd;
mod embedded;
mod fetch_cmd;
mod live;
mod migrate_cmd;
mod net;
mod pack_cmd;
mod pages;
mod serve;
mod survey_cmd;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use briques_core::i18n::Lang;
use clap::{Parser, Subcommand};

/// Briques : ateliers de médiation aux données.
#[derive(Parser, Debug)]
#[command(name = "briques", version, about, long_about = None)]
struct Cli {
    /// Sans commande : `serve --open` (un double-clic démarre Briques et l'ouvre dans le
    /// navigateur, sur cet ordinateur seulement).
    #[command(subcommand)]
    command: Option<Command>,
}

/// `serve`'s arguments with their defaults (and the environment's `BRIQUES_ASSETS`).
#[derive(Parser, Debug)]
struct ServeDefaults {
    #[command(flatten)]
    args: serve::ServeArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Sert l'application web et héberge les sessions en direct (les téléphones rejoignent par un code).
    Serve(Box<serve::ServeArgs>),
    /// Budgets communaux : lire un fichier, calculer les indicateurs, préparer les fichiers nationaux.
    #[command(subcommand)]
    Budget(budget_cmd::BudgetCommand),
    /// Analyses Duplo : comptages, croisements, « qui est unique ? ».
    #[command(subcommand)]
    Survey(survey_cmd::SurveyCommand),
    /// Ateliers : vérifier un pack, le rassembler en un fichier .briques, son JSON-LD.
    #[command(subcommand)]
    Pack(pack_cmd::PackCommand),
    /// Fichiers CSV de données ouvertes : décrire chaque colonne.
    #[command(subcommand)]
    Csv(csv_cmd::CsvCommand),
    /// Graphiques : dessiner un graphique exporté par l'application.
    #[command(subcommand)]
    Chart(chart_cmd::ChartCommand),
    /// Répertoire des communes de France : chercher par nom, code postal, code INSEE ou SIREN.
    #[command(subcommand)]
    Communes(communes_cmd::CommunesCommand),
    /// Sessions en direct : les copier d'une base à l'autre (SQLite vers PostgreSQL, ou l'inverse).
    MigrateStore(migrate_cmd::MigrateArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or_else(|| {
        let mut args = ServeDefaults::parse_from(["briques"]).args;
        args.open = true;
        Command::Serve(Box::new(args))
    });
    if !matches!(command, Command::Serve(_)) {
        quiet_on_closed_stdout();
    }
    let result = match command {
        Command::Serve(args) => serve::run(*args),
        Command::Survey(command) => survey_cmd::run(command),
        Command::Budget(command) => budget_cmd::run(command),
        Command::Pack(command) => pack_cmd::run(command),
        Command::Csv(command) => csv_cmd::run(command),
        Command::Chart(command) => chart_cmd::run(command),
        Command::Communes(command) => communes_cmd::run(command),
        Command::MigrateStore(args) => migrate_cmd::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let message = format!("{error:#}");
            let lang = env_lang();
            eprintln!(
                "{}",
                briques_core::i18n::tr_args(lang, "cli-error", &[("message", message.as_str().into())])
            );
            ExitCode::FAILURE
        }
    }
}

/// A script that reads only the first lines (`briques csv profile f.csv | head -1`)
/// closes the pipe while the command still prints: stop quietly, as command-line tools
/// do, instead of panicking on the next `println!`.
fn quiet_on_closed_stdout() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info.payload().downcast_ref::<String>().map_or("", String::as_str);
        if message.starts_with("failed printing to stdout") && message.contains("os error 32") {
            std::process::exit(0);
        }
        default(info)
    }));
}

/// The default address: loopback only, so that nothing is exposed to the network
/// unless the facilitator asks for it with `--addr 0.0.0.0:8080`.
pub(crate) const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// The per-user data directory: `$XDG_DATA_HOME/briques`, `~/.local/share/briques`,
/// or `%APPDATA%\briques` on Windows; `./briques-data` when none of these is known.
pub(crate) fn default_data_dir() -> PathBuf {
    let from_env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = from_env("XDG_DATA_HOME") {
        return dir.join("briques");
    }
    if let Some(dir) = from_env("APPDATA") {
        return dir.join("briques");
    }
    if let Some(home) = from_env("HOME") {
        return home.join(".local").join("share").join("briques");
    }
    PathBuf::from("briques-data")
}

/// The language of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), French when unset
/// or unsupported.
pub(crate) fn env_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::from_code(&value))
        .unwrap_or_default()
}

/// "Cannot read <path>", for the error context of a file the user named.
pub(crate) fn cannot_read(lang: Lang, path: &std::path::Path) -> String {
    briques_core::i18n::tr_args(
        lang,
        "cli-cannot-read",
        &[("path", path.display().to_string().as_str().into())],
    )
}

pub(crate) fn parse_addr(text: &str) -> Result<SocketAddr, String> {
    text.parse()
        .map_err(|_| briques_core::i18n::tr_args(env_lang(), "serve-bad-addr", &[("addr", text.into())]))
}
