//! Workshop packs: what a facilitator picks up and runs.
//!
//! A pack is a folder (`pack.toml`, guide sheets in `fiches/*.md`, the files its
//! activities use) or one shareable `.briques` file. This module works on file
//! contents given by the caller (the command line reads folders, the app reads
//! uploads), never on the file system.
//!
//! - [`model`]: [`Pack`], [`Activity`] and their vocabularies ([`ActivityKind`],
//!   [`Level`]); [`preset`]: the data activity's [`ChartPreset`]s and their [`Period`].
//! - [`load`](load::load): a folder's files → a [`Pack`] and every [`Problem`] found
//!   (file, line, field, what to fix), not just the first; [`check_library`] adds
//!   duplicate slugs. [`problem`]: the problems and their messages; [`validate`]: the
//!   rules on a pack once read.
//! - [`manifest`]: `pack.toml`; [`sheet`]: front matter and timed steps;
//!   [`markdown`]: the safe Markdown reader; [`bundle`]: the `.briques` file, import
//!   without silent overwrite; [`jsonld`]: schema.org `LearningResource`.

pub mod bundle;
pub mod jsonld;
pub mod load;
pub mod manifest;
pub mod markdown;
pub mod model;
pub mod preset;
pub mod problem;
pub mod sheet;
pub mod validate;

pub use load::{check_library, load, PackFiles};
pub use model::{
    licence_url, Activity, ActivityKind, Level, Pack, Statement, AUDIENCES, DEFAULT_LICENCE, LICENCES,
    MAX_STATEMENTS,
};
pub use preset::{ChartPreset, Period, PeriodError};
pub use problem::{Problem, ProblemKind};
pub use validate::csv_columns;

/// The manifest's file name.
pub const MANIFEST: &str = "pack.toml";
/// The folder of guide sheets.
pub const SHEETS_DIR: &str = "fiches/";

/// Whether `text` is a valid slug: 1 to 60 lower-case ASCII letters, digits, dashes.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 60
        && !text.starts_with('-')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Packs whose audience includes `audience` (all when `None`) and that have a
/// variant no longer than `max_minutes` (all when `None`). `packs` may be packs or
/// anything holding one (the app's library entries), returned as given.
pub fn filter<'a, P: AsRef<Pack>>(
    packs: &'a [P],
    audience: Option<&str>,
    max_minutes: Option<u32>,
) -> Vec<&'a P> {
    packs
        .iter()
        .filter(|p| audience.is_none_or(|a| p.as_ref().audience.iter().any(|x| x == a)))
        .filter(|p| max_minutes.is_none_or(|m| p.as_ref().variants().first().is_some_and(|v| *v <= m)))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests;
