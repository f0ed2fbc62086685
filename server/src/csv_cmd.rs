//! `briques csv profile <file> [--json]`: what each column of a CSV holds (type, missing
//! and distinct counts, range, most frequent values) and a plain-language sentence per
//! column. Glue only; the work is in `briques_core::dataset`.

use std::path::PathBuf;

use anyhow::{anyhow, Context as _};
use serde_json::{json, Value};

use briques_core::dataset::profile::{profile, ColumnProfile};
use briques_core::dataset::{Dataset, Importer};
use briques_core::i18n::{tr_args, Lang};

use crate::env_lang;

/// `briques csv …`
#[derive(clap::Subcommand, Debug)]
pub enum CsvCommand {
    /// Décrit chaque colonne d'un fichier CSV : type, valeurs manquantes, valeurs différentes, résumé.
    Profile(ProfileArgs),
}

/// Arguments of `briques csv profile`.
#[derive(clap::Args, Debug)]
pub struct ProfileArgs {
    /// Le fichier CSV à décrire.
    pub file: PathBuf,
    /// Un objet JSON sur la sortie standard.
    #[arg(long)]
    pub json: bool,
}

/// Runs a `csv` subcommand.
pub fn run(command: CsvCommand) -> anyhow::Result<()> {
    match command {
        CsvCommand::Profile(args) => profile_cmd(args),
    }
}

/// Reads and imports a CSV file, with French messages on failure.
pub fn read_dataset(path: &std::path::Path, lang: Lang) -> anyhow::Result<Dataset> {
    let bytes = std::fs::read(path).with_context(|| crate::cannot_read(lang, path))?;
    // The importer takes the bytes: a UTF-8 file is then in memory once.
    Importer::new(bytes).and_then(Importer::finish).map_err(|e| {
        anyhow!(tr_args(
            lang,
            "data-cli-bad-file",
            &[
                ("path", path.display().to_string().as_str().into()),
                ("detail", e.message(lang).as_str().into()),
            ],
        ))
    })
}

fn column_json(c: &ColumnProfile, rows: usize, lang: Lang) -> Value {
    let mut v = json!({
        "name": c.name,
        "type": c.kind.code(),
        "missing": c.missing,
        "distinct": c.distinct,
        "sentence": c.sentence(lang, rows),
    });
    if let Some(n) = c.numbers {
        v["min"] = json!(n.min);
        v["max"] = json!(n.max);
        v["mean"] = json!(n.mean);
        v["median"] = json!(n.median);
    }
    if let Some((first, last)) = &c.range {
        v["first"] = json!(first);
        v["last"] = json!(last);
    }
    if !c.top.is_empty() {
        v["top"] = c
            .top
            .iter()
            .map(|(value, count)| json!({ "value": value, "count": count }))
            .collect();
    }
    v
}

fn profile_cmd(args: ProfileArgs) -> anyhow::Result<()> {
    let lang = env_lang();
    let ds = read_dataset(&args.file, lang)?;
    let p = profile(&ds);
    let warnings: Vec<String> = ds.warnings.iter().map(|w| w.message(lang)).collect();
    if args.json {
        let warnings: Vec<Value> = ds
            .warnings
            .iter()
            .zip(&warnings)
            .map(|(w, message)| json!({ "line": w.line(), "message": message }))
            .collect();
        let out = json!({
            "file": args.file.display().to_string(),
            "encoding": p.encoding,
            "delimiter": p.delimiter.to_string(),
            "rows": p.rows,
            "header_line": ds.header_line,
            "skipped_lines": ds.skipped_lines,
            "ragged_rows": ds.ragged_rows,
            "columns": p.columns.iter().map(|c| column_json(c, p.rows, lang)).collect::<Vec<_>>(),
            "warnings": warnings,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    for w in &warnings {
        eprintln!("{w}");
    }
    println!("{}", ds.summary(lang));
    for (i, c) in p.columns.iter().enumerate() {
        println!(
            "\n{}. {} ({})\n   {}",
            i + 1,
            c.name,
            c.kind.label(lang),
            c.sentence(lang, p.rows)
        );
    }
    Ok(())
}
