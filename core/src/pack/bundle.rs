//! The `.briques` file: a whole pack in one versioned JSON document
//! (`{"format": "briques-pack", "version": 1, "pack": {…}}`), which the app imports
//! and exports and the command line builds. Importing never replaces a pack silently:
//! [`prepare_import`] reports a [`Conflict`] the caller must resolve with a
//! [`Resolution`] ([`resolve`]), then [`upsert`] puts the pack in the library
//! ([`apply_import`] does both).

use serde::{Deserialize, Serialize};

use super::{Pack, Problem, ProblemKind};

/// The `format` field.
pub const FORMAT: &str = "briques-pack";
/// The version written, and the newest read.
pub const VERSION: u32 = 1;
/// The file extension (without the dot).
pub const EXTENSION: &str = "briques";

#[derive(Serialize)]
struct Out<'a> {
    format: &'static str,
    version: u32,
    pack: &'a Pack,
}

/// The envelope alone, read first so that another file gets the right message.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct In {
    pack: Option<Pack>,
}

/// The pack as a `.briques` document.
pub fn to_json(pack: &Pack) -> String {
    serde_json::to_string_pretty(&Out {
        format: FORMAT,
        version: VERSION,
        pack,
    })
    .unwrap_or_default()
}

/// Reads a `.briques` document and checks the pack in it (every problem, each naming
/// `file`, the bundle's name, or the sheet inside it).
pub fn from_json(file: &str, text: &str) -> Result<Pack, Vec<Problem>> {
    let problem = |line, kind| Problem {
        file: file.to_owned(),
        line,
        field: String::new(),
        kind,
    };
    let text = crate::csv::strip_bom(text);
    let json_error = |e: serde_json::Error| {
        vec![problem(
            Some(e.line()),
            ProblemKind::BundleJson {
                line: e.line(),
                detail: e.to_string(),
            },
        )]
    };
    let header: Header = serde_json::from_str(text).map_err(json_error)?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(vec![problem(None, ProblemKind::NotABundle)]);
    }
    let version = header.version.unwrap_or(VERSION);
    if version > VERSION {
        return Err(vec![problem(None, ProblemKind::NewerBundle { version })]);
    }
    let body: In = serde_json::from_str(text).map_err(|error| {
        // A preset's wrong word or period is the pack.toml problem on its field, not a
        // JSON error.
        let presets: Vec<Problem> = preset_problems(text)
            .into_iter()
            .map(|(field, kind)| Problem {
                file: format!("{file} ({})", super::MANIFEST),
                line: None,
                field,
                kind,
            })
            .collect();
        if presets.is_empty() {
            json_error(error)
        } else {
            presets
        }
    })?;
    let pack = body
        .pack
        .ok_or_else(|| vec![problem(None, ProblemKind::NotABundle)])?;
    let problems: Vec<Problem> = pack
        .validate(&Default::default())
        .into_iter()
        .map(|mut p| {
            p.file = format!("{file} ({})", p.file);
            p
        })
        .collect();
    if problems.is_empty() {
        Ok(pack)
    } else {
        Err(problems)
    }
}

/// The presets of a bundle as written, to say which word or period is wrong when the
/// typed reading fails (everything else in the file is skipped).
#[derive(Deserialize, Default)]
#[serde(default)]
struct RawBundle {
    pack: RawPack,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawPack {
    activities: Vec<RawActivity>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawActivity {
    donnees: Option<RawDonnees>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawDonnees {
    charts: Vec<RawPreset>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawPreset {
    kind: Option<String>,
    trick: Option<String>,
    range: Option<String>,
}

/// The chart presets' wrong words and periods, each as the problem `pack.toml` gives on
/// its field.
fn preset_problems(text: &str) -> Vec<(String, ProblemKind)> {
    use crate::chart::{ChartKind, Distortion};
    let Ok(raw) = serde_json::from_str::<RawBundle>(text) else {
        return Vec::new();
    };
    let words = |codes: Vec<&str>| codes.join(", ");
    let kinds = words(ChartKind::ALL.iter().map(|k| k.pack_code()).collect());
    let tricks = words(Distortion::ALL.iter().map(|d| d.pack_code()).collect());
    let mut problems = Vec::new();
    for (n, activity) in raw.pack.activities.iter().enumerate() {
        let charts = activity.donnees.as_ref().map_or(&[][..], |d| d.charts.as_slice());
        for (c, chart) in charts.iter().enumerate() {
            let field = |name: &str| format!("activites[{}].graphiques[{}].{name}", n + 1, c + 1);
            let unknown = |value: &str, allowed: &String| ProblemKind::UnknownValue {
                value: value.to_owned(),
                allowed: allowed.clone(),
            };
            if let Some(kind) = chart
                .kind
                .as_deref()
                .filter(|k| ChartKind::from_pack_code(k).is_none())
            {
                problems.push((field("type"), unknown(kind, &kinds)));
            }
            if let Some(trick) = chart
                .trick
                .as_deref()
                .filter(|t| Distortion::from_pack_code(t).is_none())
            {
                problems.push((field("trompeur"), unknown(trick, &tricks)));
            }
            if let Some(Err(error)) = chart.range.as_deref().map(super::Period::parse) {
                problems.push((field("periode"), ProblemKind::BadPeriod(error)));
            }
        }
    }
    problems
}

/// An import that would replace a pack of the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The pack being imported.
    pub incoming: Pack,
    /// The pack with the same slug already there.
    pub existing: Pack,
    /// Whether both are identical (importing would change nothing).
    pub identical: bool,
}

/// What importing a pack into a library would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportPlan {
    /// No pack has its slug: add it.
    New(Box<Pack>),
    /// A pack has its slug: the caller must choose.
    Conflict(Box<Conflict>),
}

/// How the caller resolves a [`Conflict`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Replace the existing pack.
    Replace,
    /// Keep both: the incoming pack gets a fresh slug (`slug-2`, …).
    KeepBoth,
    /// Import nothing.
    Cancel,
}

/// Compares an incoming pack with the library (packs, or anything holding one).
pub fn prepare_import<P: AsRef<Pack>>(library: &[P], incoming: Pack) -> ImportPlan {
    match library
        .iter()
        .map(AsRef::as_ref)
        .find(|p| p.slug == incoming.slug)
    {
        None => ImportPlan::New(Box::new(incoming)),
        Some(existing) => ImportPlan::Conflict(Box::new(Conflict {
            identical: *existing == incoming,
            existing: existing.clone(),
            incoming,
        })),
    }
}

/// The pack a resolved conflict puts in `library`: the incoming pack as it is
/// (replace), or with a fresh slug (keep both); `None` when cancelled.
pub fn resolve<P: AsRef<Pack>>(conflict: &Conflict, resolution: Resolution, library: &[P]) -> Option<Pack> {
    let mut incoming = conflict.incoming.clone();
    match resolution {
        Resolution::Cancel => return None,
        Resolution::Replace => {}
        Resolution::KeepBoth => incoming.slug = fresh_slug(&incoming.slug, library),
    }
    Some(incoming)
}

/// Puts `pack` in `library`, in place of the pack with its slug if there is one, else
/// at the end. Returns its slug.
pub fn upsert(library: &mut Vec<Pack>, pack: Pack) -> String {
    let slug = pack.slug.clone();
    match library.iter_mut().find(|p| p.slug == slug) {
        Some(slot) => *slot = pack,
        None => library.push(pack),
    }
    slug
}

/// Applies a plan to `library` (for a conflict, as `resolution` says). Returns the slug
/// of the pack added or replaced, `None` when nothing changed.
pub fn apply_import(library: &mut Vec<Pack>, plan: ImportPlan, resolution: Resolution) -> Option<String> {
    match plan {
        ImportPlan::New(pack) => {
            let slug = pack.slug.clone();
            library.push(*pack);
            Some(slug)
        }
        ImportPlan::Conflict(conflict) => {
            let pack = resolve(&conflict, resolution, library)?;
            Some(upsert(library, pack))
        }
    }
}

/// `base-2`, `base-3`, … the first not used in `library`.
pub fn fresh_slug<P: AsRef<Pack>>(base: &str, library: &[P]) -> String {
    let base: String = base.chars().take(50).collect();
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !library.iter().any(|p| &p.as_ref().slug == s))
        .unwrap_or_else(|| base.clone())
}

/// A file name for a pack: `slug.briques`.
pub fn file_name(pack: &Pack) -> String {
    format!("{}.{EXTENSION}", pack.slug)
}
