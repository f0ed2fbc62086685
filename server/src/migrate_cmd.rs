//! `briques migrate-store`: copies every live session from one store to another (the
//! embedded SQLite file to a shared PostgreSQL, or back), participant numbers, answers
//! and step inputs kept, secrets and tokens still hashed.

use anyhow::bail;
use briques_core::i18n::tr_args;

use crate::live::store::{self, redacted};

/// Copies the live sessions of one store into another.
#[derive(clap::Args, Debug)]
pub struct MigrateArgs {
    /// Base de départ : sqlite:DOSSIER (le dossier de données, ou son fichier
    /// briques.sqlite3) ou postgres://…
    #[arg(long)]
    pub from: String,
    /// Base d'arrivée : postgres://… ou sqlite:DOSSIER. Une session qui y porte déjà le
    /// même code est remplacée.
    #[arg(long)]
    pub to: String,
}

/// Runs `briques migrate-store`.
pub fn run(args: MigrateArgs) -> anyhow::Result<()> {
    let lang = crate::env_lang();
    if args.from.trim_end_matches('/') == args.to.trim_end_matches('/') {
        bail!(tr_args(lang, "migrate-same", &[]));
    }
    let (_, sessions) = store::open_named(&args.from)?;
    let (target, _) = store::open_named(&args.to)?;
    for session in &sessions {
        target.backend().import(session)?;
    }
    let participants: usize = sessions.iter().map(|s| s.participants.len()).sum();
    let answers: usize = sessions.iter().map(|s| s.answers.len() + s.inputs.len()).sum();
    let (from, to) = (redacted(&args.from), redacted(&args.to));
    println!(
        "{}",
        tr_args(
            lang,
            "migrate-done",
            &[
                ("sessions", sessions.len().into()),
                ("participants", participants.into()),
                ("answers", answers.into()),
                ("from", from.as_str().into()),
                ("to", to.as_str().into()),
            ]
        )
    );
    Ok(())
}
