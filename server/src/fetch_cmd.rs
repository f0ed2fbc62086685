//! `briques budget fetch <insee|nom> [--years A-B] --out <dir> [--ofgl-url U]
//! [--dgfip-url U]`: a commune's budgets from the official open-data APIs, written as a
//! prepared folder (`index.json`, `communes/<département>.jsonl`, `strates.json`: the
//! format of `budget prepare`, so that `briques serve --budgets <dir>` serves both), for
//! a workshop without internet. Fetching into a folder that already holds communes adds
//! or replaces this one and keeps the others, so a facilitator can prepare several.
//!
//! The requests and the reading of their answers are `briques_core::budget::opendata`'s,
//! the same the browser uses: OFGL's agrégats of every year, the DGFiP balance of each
//! year (a year not published yet is said and skipped), and the quartiles of the
//! commune's strate for the latest year.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, Context as _};
use briques_core::budget::explore::{strate, Strate};
use briques_core::budget::opendata::{self, Apis, OpenDataError, Source};
use briques_core::budget::prepared::{
    communes_header, read_budget, read_index, read_strates, write_index, write_strates, IndexEntry,
    COMMUNES_DIR, INDEX_FILE, STRATES_FILE,
};
use briques_core::budget::Budget;
use briques_core::communes::Commune;
use briques_core::i18n::{tr_args, Lang};

use crate::env_lang;

/// Arguments of `briques budget fetch`.
#[derive(clap::Args, Debug)]
pub struct FetchArgs {
    /// La commune : code INSEE ou nom (le premier résultat de « briques communes search »).
    pub commune: Vec<String>,
    /// Les exercices, « 2019-2023 » ou « 2023 » (par défaut : tous ceux que publie l'OFGL).
    #[arg(long)]
    pub years: Option<String>,
    /// Le dossier préparé où écrire (créé, ou complété s'il contient déjà des communes).
    #[arg(long)]
    pub out: PathBuf,
    /// Adresse du portail de l'OFGL.
    #[arg(long, default_value = opendata::OFGL_URL)]
    pub ofgl_url: String,
    /// Adresse du portail des balances de la DGFiP.
    #[arg(long, default_value = opendata::DGFIP_URL)]
    pub dgfip_url: String,
    /// Délai d'attente de chaque requête, en secondes.
    #[arg(long, default_value_t = 60)]
    pub timeout: u64,
}

/// A range of exercices, both included.
fn years(text: Option<&str>, lang: Lang) -> anyhow::Result<Option<(i32, i32)>> {
    let Some(text) = text else { return Ok(None) };
    let bad = || anyhow!(tr_args(lang, "fetch-bad-years", &[("value", text.into())]));
    let (from, to) = text.split_once('-').unwrap_or((text, text));
    let (from, to): (i32, i32) = (
        from.trim().parse().map_err(|_| bad())?,
        to.trim().parse().map_err(|_| bad())?,
    );
    if !(1990..=2200).contains(&from) || !(from..=2200).contains(&to) {
        return Err(bad());
    }
    Ok(Some((from, to)))
}

/// GETs `url`: the body of a 2xx answer, or the error it means.
fn get(agent: &ureq::Agent, source: Source, url: &str, year: Option<i32>) -> Result<Vec<u8>, OpenDataError> {
    let mut response = agent.get(url).call().map_err(|e| match e {
        ureq::Error::Timeout(_) => OpenDataError::Timeout { source },
        _ => OpenDataError::Unreachable { source },
    })?;
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(256 * 1024 * 1024)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::Timeout(_) => OpenDataError::Timeout { source },
            other => OpenDataError::Unexpected {
                source,
                detail: other.to_string(),
            },
        })?;
    opendata::check_status(source, status, &body, year)?;
    Ok(body)
}

/// The commune named on the command line: an INSEE code, else the directory's best match.
fn commune(words: &[String], lang: Lang) -> anyhow::Result<Commune> {
    let text = words.join(" ");
    let directory = crate::communes_cmd::directory(lang)?;
    let code = text.trim().to_ascii_uppercase();
    directory
        .by_insee(&code)
        .or_else(|| directory.search(&text, 1).into_iter().next())
        .cloned()
        .ok_or_else(|| {
            anyhow!(tr_args(
                lang,
                "communes-cli-none",
                &[("query", text.as_str().into())]
            ))
        })
}

/// Runs `briques budget fetch`.
pub fn fetch(args: FetchArgs) -> anyhow::Result<()> {
    let lang = env_lang();
    let range = years(args.years.as_deref(), lang)?;
    let commune = commune(&args.commune, lang)?;
    let apis = Apis {
        ofgl: args.ofgl_url.clone(),
        dgfip: args.dgfip_url.clone(),
        datagouv: opendata::DATAGOUV_URL.to_owned(),
    }
    .trimmed();
    // The Quick start's build (`scripts/run`) has ureq without TLS: plain http:// only
    // (a local copy of the portals); the full build has the `fetch` feature.
    if !cfg!(feature = "fetch")
        && [&apis.ofgl, &apis.dgfip]
            .iter()
            .any(|url| !url.starts_with("http://"))
    {
        return Err(anyhow!(tr_args(lang, "fetch-https-not-built", &[])));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(args.timeout.max(1))))
        .http_status_as_error(false)
        .user_agent(concat!("briques/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let failed = |e: OpenDataError| anyhow!(e.message(lang));
    let say =
        |key: &str, args: &[(&str, briques_core::i18n::Value<'_>)]| eprintln!("{}", tr_args(lang, key, args));

    say(
        "fetch-commune",
        &[
            ("nom", commune.nom.as_str().into()),
            ("insee", commune.insee.as_str().into()),
        ],
    );
    let body = get(
        &agent,
        Source::Ofgl,
        &opendata::aggregates_url(&apis, &commune.insee),
        None,
    )
    .map_err(failed)?;
    let mut aggregates = opendata::read_aggregates(&body).map_err(failed)?;
    if let Some((from, to)) = range {
        aggregates.retain(|b| (from..=to).contains(&b.exercice));
    }
    let wanted: Vec<i32> = match range {
        Some((from, to)) => (from..=to).collect(),
        None => aggregates.iter().map(|b| b.exercice).collect(),
    };
    let siren = aggregates
        .iter()
        .find_map(|b| b.collectivite.siren.clone())
        .or_else(|| commune.siren.clone());

    let mut balances = Vec::new();
    if let Some(siren) = &siren {
        for &year in &wanted {
            let url = opendata::balance_url(&apis, year, siren);
            match get(&agent, Source::Dgfip, &url, Some(year)).and_then(|b| opendata::read_balance(&b, lang))
            {
                Ok(Some(budget)) => balances.push(budget),
                Ok(None) => say("fetch-no-balance", &[("year", year.to_string().as_str().into())]),
                Err(e @ OpenDataError::NotPublished { .. }) => eprintln!("{}", e.message(lang)),
                Err(e) => return Err(failed(e)),
            }
        }
    }
    let mut budgets = opendata::merge(aggregates, balances);
    if budgets.is_empty() {
        return Err(failed(OpenDataError::NoData { source: Source::Ofgl }));
    }
    for budget in &mut budgets {
        // The directory's name (with its accents) and code for the index.
        budget.collectivite.insee = Some(commune.insee.clone());
        if budget.collectivite.nom.is_empty() {
            budget.collectivite.nom = commune.nom.clone();
        }
        if budget.collectivite.siren.is_none() {
            budget.collectivite.siren = siren.clone();
        }
    }

    // The strate of the latest year, one aggregated query per indicator.
    let latest = budgets.last().map(|b| (b.exercice, b.collectivite.population));
    let mut strate_stats = None;
    if let Some((year, Some(population))) = latest {
        let number = strate(population);
        let mut answers = Vec::new();
        for (indicator, agregat) in opendata::COMPARED {
            let url = opendata::quartiles_url(&apis, year, agregat, number);
            let body = get(&agent, Source::Ofgl, &url, None).map_err(failed)?;
            if let Some(answer) = opendata::read_quartiles(&body).map_err(failed)? {
                answers.push((indicator, answer));
            }
        }
        strate_stats = opendata::strate_from(number, answers).map(|s| (number, s));
    }

    let written = write_folder(&args.out, &commune, budgets, strate_stats, lang)?;
    say(
        "fetch-done",
        &[
            ("nom", commune.nom.as_str().into()),
            ("years", written.as_str().into()),
            ("out", args.out.to_string_lossy().as_ref().into()),
        ],
    );
    Ok(())
}

/// The budgets already in the folder, but those of `insee`.
fn existing(dir: &Path, insee: &str, lang: Lang) -> anyhow::Result<Vec<Budget>> {
    let index = dir.join(INDEX_FILE);
    let Ok(bytes) = std::fs::read(&index) else {
        return Ok(Vec::new());
    };
    let entries = read_index(&bytes).map_err(|e| anyhow!(e.message(lang)))?;
    let mut budgets = Vec::new();
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for entry in entries.iter().filter(|e| e.insee != insee) {
        if !entry.file_is_inside() {
            return Err(anyhow!(crate::cannot_read(lang, &dir.join(&entry.fichier))));
        }
        if !files.contains_key(&entry.fichier) {
            let path = dir.join(&entry.fichier);
            let bytes = std::fs::read(&path).with_context(|| crate::cannot_read(lang, &path))?;
            files.insert(entry.fichier.clone(), bytes);
        }
        let file = &files[&entry.fichier];
        let (start, length) = (entry.debut as usize, entry.longueur as usize);
        let slice = file
            .get(start..start.saturating_add(length))
            .ok_or_else(|| anyhow!(crate::cannot_read(lang, &dir.join(&entry.fichier))))?;
        budgets.push(read_budget(&entry.fichier, slice).map_err(|e| anyhow!(e.message(lang)))?);
    }
    Ok(budgets)
}

/// Writes the folder: the budgets it had (but this commune's) and this commune's; the
/// strates it had, with this one's statistics replaced. Returns the years written.
fn write_folder(
    dir: &Path,
    commune: &Commune,
    budgets: Vec<Budget>,
    stats: Option<(u8, Strate)>,
    lang: Lang,
) -> anyhow::Result<String> {
    let written: Vec<String> = budgets.iter().map(|b| b.exercice.to_string()).collect();
    let mut all = existing(dir, &commune.insee, lang)?;
    all.extend(budgets);
    let mut strates = match std::fs::read(dir.join(STRATES_FILE)) {
        Ok(bytes) => read_strates(&bytes).map_err(|e| anyhow!(e.message(lang)))?,
        Err(_) => BTreeMap::new(),
    };
    if let Some((number, stats)) = stats {
        strates.insert(number.to_string(), stats);
    }

    let cannot_write = |path: &Path| {
        tr_args(
            lang,
            "chart-cli-cannot-write",
            &[("path", path.to_string_lossy().as_ref().into())],
        )
    };
    std::fs::create_dir_all(dir.join(COMMUNES_DIR)).with_context(|| cannot_write(dir))?;
    // One file per département, as `budget prepare` writes them.
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut entries = Vec::new();
    for budget in &all {
        let insee = budget.collectivite.insee.clone().unwrap_or_default();
        let dept: String = if insee.starts_with("97") {
            insee.chars().take(3).collect()
        } else {
            insee.chars().take(2).collect()
        };
        let fichier = format!("{COMMUNES_DIR}{}.jsonl", dept.to_ascii_lowercase());
        let file = files.entry(fichier.clone()).or_insert_with(communes_header);
        let json = serde_json::to_vec(budget)?;
        entries.push(IndexEntry {
            insee,
            siren: budget.collectivite.siren.clone(),
            nom: budget.collectivite.nom.clone(),
            population: budget.collectivite.population,
            strate: budget.collectivite.population.map(strate),
            exercice: budget.exercice,
            fichier,
            debut: file.len() as u64,
            longueur: json.len() as u64,
        });
        file.extend_from_slice(&json);
        file.push(b'\n');
    }
    for (name, bytes) in &files {
        let path = dir.join(name);
        write_atomically(&path, bytes).with_context(|| cannot_write(&path))?;
    }
    if !strates.is_empty() {
        let path = dir.join(STRATES_FILE);
        write_atomically(&path, &write_strates(&strates)).with_context(|| cannot_write(&path))?;
    }
    let path = dir.join(INDEX_FILE);
    write_atomically(&path, &write_index(&entries)).with_context(|| cannot_write(&path))?;
    Ok(written.join(", "))
}

/// Writes a file through a temporary one renamed over it, so that an interrupted fetch
/// leaves the previous folder readable.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = path.with_extension("tmp");
    let mut file = std::fs::File::create(&temporary)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    std::fs::rename(&temporary, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_ranges_are_read_or_refused_in_french() {
        assert_eq!(years(None, Lang::Fr).unwrap(), None);
        assert_eq!(years(Some("2019-2023"), Lang::Fr).unwrap(), Some((2019, 2023)));
        assert_eq!(years(Some(" 2023 "), Lang::Fr).unwrap(), Some((2023, 2023)));
        for bad in ["2023-2019", "deux mille", "1200", "2019-", "-5"] {
            let message = years(Some(bad), Lang::Fr).unwrap_err().to_string();
            assert!(message.contains(bad.trim()), "{bad}: {message}");
        }
    }
}
