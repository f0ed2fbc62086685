//! `briques pack check|build|jsonld`: workshop packs for scripts and for authors.
//!
//! Glue only: read a pack folder (or a `.briques` file) into `briques_core::pack`, print
//! each problem as `file:line: field: what to fix`, write the bundle or the JSON-LD.
//! Messages come from the catalogue in the language of the environment.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _};

use briques_core::i18n::{tr, tr_args, Lang};
use briques_core::pack::{self, bundle, jsonld, Pack, PackFiles, Problem};

use crate::env_lang;

/// Files larger than this are not read into a pack (a pack holds text files).
const MAX_FILE: u64 = 20 * 1024 * 1024;

/// `briques pack …`
#[derive(clap::Subcommand, Debug)]
pub enum PackCommand {
    /// Vérifie un pack (dossier, dossier de packs ou fichier .briques) et affiche chaque
    /// problème : fichier:ligne: champ: quoi corriger. Code de sortie 0 si tout est valide.
    Check {
        /// Le dossier du pack, un dossier qui contient des packs, ou un fichier .briques.
        path: PathBuf,
    },
    /// Rassemble un pack en un seul fichier .briques (à importer dans l'application).
    Build {
        /// Le dossier du pack.
        dir: PathBuf,
        /// Le fichier à écrire (par défaut : <identifiant>.briques).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Affiche les métadonnées du pack en JSON-LD schema.org (LearningResource).
    Jsonld {
        /// Le dossier du pack ou un fichier .briques.
        path: PathBuf,
    },
}

/// Runs a `pack` subcommand.
pub fn run(command: PackCommand) -> anyhow::Result<()> {
    let lang = env_lang();
    match command {
        PackCommand::Check { path } => check(&path, lang),
        PackCommand::Build { dir, output } => {
            let pack = load_valid(&dir, lang)?;
            let output = output.unwrap_or_else(|| PathBuf::from(bundle::file_name(&pack)));
            let text = bundle::to_json(&pack);
            std::fs::write(&output, &text).with_context(|| {
                tr_args(
                    lang,
                    "cli-pack-cannot-write",
                    &[("path", output.display().to_string().as_str().into())],
                )
            })?;
            println!(
                "{}",
                tr_args(
                    lang,
                    "cli-pack-built",
                    &[
                        ("path", output.display().to_string().as_str().into()),
                        ("bytes", text.len().into()),
                        ("sheets", pack.sheets.len().into()),
                    ],
                )
            );
            Ok(())
        }
        PackCommand::Jsonld { path } => {
            let pack = load_valid(&path, lang)?;
            let text = serde_json::to_string_pretty(&jsonld::to_jsonld(&pack))?;
            println!("{text}");
            Ok(())
        }
    }
}

/// Packs read from a path, each with its folder or file name, and every problem found.
type Loaded = (Vec<(String, Pack)>, Vec<Problem>);

/// A pack, or the problems that keep it from being used.
fn load_any(path: &Path, lang: Lang) -> anyhow::Result<Loaded> {
    if path.is_file() {
        let bytes = read(path, lang)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        return Ok(match bundle::from_json(&name, &text) {
            Ok(pack) => (vec![(name, pack)], Vec::new()),
            Err(problems) => (Vec::new(), problems),
        });
    }
    if !path.is_dir() {
        bail!(crate::cannot_read(lang, path));
    }
    if path.join(pack::MANIFEST).is_file() {
        let (pack, problems) = pack::load(&read_dir(path, lang)?);
        let name = path.display().to_string();
        return Ok((pack.map(|p| vec![(name, p)]).unwrap_or_default(), problems));
    }
    // A folder of packs (such as workshops/): each one, then duplicate slugs.
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| crate::cannot_read(lang, path))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join(pack::MANIFEST).is_file())
        .collect();
    dirs.sort();
    if dirs.is_empty() {
        return Ok((
            Vec::new(),
            vec![Problem {
                file: path.display().to_string(),
                line: None,
                field: String::new(),
                kind: pack::ProblemKind::NoManifest,
            }],
        ));
    }
    let mut packs = Vec::new();
    let mut problems = Vec::new();
    for dir in dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (pack, found) = pack::load(&read_dir(&dir, lang)?);
        problems.extend(found.into_iter().map(|mut p| {
            p.file = format!("{name}/{}", p.file);
            p
        }));
        packs.extend(pack.map(|p| (name, p)));
    }
    let named: Vec<(String, &Pack)> = packs.iter().map(|(n, p)| (n.clone(), p)).collect();
    problems.extend(pack::check_library(&named));
    Ok((packs, problems))
}

fn check(path: &Path, lang: Lang) -> anyhow::Result<()> {
    let (packs, problems) = load_any(path, lang)?;
    for problem in &problems {
        println!("{}", problem.message(lang));
    }
    if !problems.is_empty() {
        bail!(tr_args(
            lang,
            "cli-pack-problems",
            &[("count", problems.len().into())]
        ));
    }
    for (_, pack) in &packs {
        println!(
            "{}",
            tr_args(
                lang,
                "cli-pack-valid",
                &[
                    ("title", pack.title.as_str().into()),
                    ("sheets", pack.sheets.len().into()),
                ],
            )
        );
    }
    Ok(())
}

/// The one valid pack at `path`, or an error listing its problems.
fn load_valid(path: &Path, lang: Lang) -> anyhow::Result<Pack> {
    let (mut packs, problems) = load_any(path, lang)?;
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
        return Err(anyhow!(
            "{}\n{}",
            tr_args(lang, "cli-pack-problems", &[("count", problems.len().into())]),
            lines.join("\n")
        ));
    }
    match (packs.pop(), packs.is_empty()) {
        (Some((_, pack)), true) => Ok(pack),
        _ => bail!(tr(lang, "cli-pack-one-expected")),
    }
}

fn read(path: &Path, lang: Lang) -> anyhow::Result<Vec<u8>> {
    let cannot = || crate::cannot_read(lang, path);
    let size = std::fs::metadata(path).with_context(cannot)?.len();
    if size > MAX_FILE {
        bail!(tr_args(
            lang,
            "cli-pack-too-big",
            &[("path", path.display().to_string().as_str().into())]
        ));
    }
    std::fs::read(path).with_context(cannot)
}

/// Every file of a pack folder (hidden files skipped), keyed by its path with `/`.
fn read_dir(dir: &Path, lang: Lang) -> anyhow::Result<PackFiles> {
    fn walk(
        base: &Path,
        dir: &Path,
        depth: usize,
        lang: Lang,
        into: &mut BTreeMap<String, Vec<u8>>,
    ) -> anyhow::Result<()> {
        let entries = std::fs::read_dir(dir).with_context(|| crate::cannot_read(lang, dir))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                if depth < 4 {
                    walk(base, &path, depth + 1, lang, into)?;
                }
            } else if let Ok(rel) = path.strip_prefix(base) {
                let rel: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                into.insert(rel.join("/"), read(&path, lang)?);
            }
        }
        Ok(())
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, 0, lang, &mut files)?;
    let dir_name = std::fs::canonicalize(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    Ok(PackFiles { dir_name, files })
}
