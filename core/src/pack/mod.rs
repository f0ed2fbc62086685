//! Workshop packs: what a facilitator picks up and runs.
//!
//! A pack is a folder (`pack.toml`, guide sheets in `fiches/*.md`, the files its
//! activities use) or one shareable `.briques` file. This module works on file
//! contents given by the caller (the command line reads folders, the app reads
//! uploads), never on the file system.
//!
//! - [`Pack`], [`Activity`], [`sheet::Sheet`]: the model.
//! - [`load`]: a folder's files → a [`Pack`] and every [`Problem`] found (file, line,
//!   field, what to fix), not just the first; [`check_library`] adds duplicate slugs.
//! - [`manifest`]: `pack.toml`; [`sheet`]: front matter and timed steps;
//!   [`markdown`]: the safe Markdown reader; [`bundle`]: the `.briques` file, import
//!   without silent overwrite; [`jsonld`]: schema.org `LearningResource`.

pub mod bundle;
pub mod jsonld;
pub mod manifest;
pub mod markdown;
pub mod sheet;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::{tr, tr_args, Lang};
use crate::survey::Survey;
use sheet::{Sheet, SheetKind};

/// Licences accepted, by SPDX id, with the address of their text.
pub const LICENCES: [(&str, &str); 7] = [
    (
        "Etalab-2.0",
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    ),
    ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ("CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    (
        "CC-BY-NC-SA-4.0",
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    ),
    ("ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
    ("AGPL-3.0-or-later", "https://www.gnu.org/licenses/agpl-3.0.html"),
];

/// The default licence of a pack.
pub const DEFAULT_LICENCE: &str = "Etalab-2.0";

/// Audiences a pack can be made for (the library filters on them).
pub const AUDIENCES: [&str; 9] = [
    "grand-public",
    "adultes",
    "seniors",
    "jeunes",
    "lyceens",
    "collegiens",
    "elus",
    "agents-publics",
    "mediateurs",
];

/// Levels, easiest first.
pub const LEVELS: [&str; 3] = ["debutant", "intermediaire", "avance"];

/// Activity types, as written in `pack.toml`.
pub const ACTIVITY_TYPES: [&str; 4] = ["duplo", "budget", "si-j-etais-maire", "donnees"];

/// Chart kinds of a data-explorer preset.
pub const CHART_KINDS: [&str; 5] = ["barres", "lignes", "secteurs", "points", "aires"];

/// The misleading tricks a chart preset can demonstrate.
pub const TRICKS: [&str; 6] = [
    "axe-tronque",
    "intervalles-irreguliers",
    "periode-choisie",
    "trop-de-parts",
    "double-axe",
    "aires-disproportionnees",
];

/// The address of a licence's text, for a known SPDX id (case ignored).
pub fn licence_url(id: &str) -> Option<&'static str> {
    LICENCES
        .iter()
        .find(|(spdx, _)| spdx.eq_ignore_ascii_case(id.trim()))
        .map(|(_, url)| *url)
}

/// A workshop pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pack {
    /// Stable id: lower-case letters, digits, dashes (the folder's name by default).
    pub slug: String,
    /// Title.
    pub title: String,
    /// One or two sentences.
    pub summary: String,
    /// BCP 47 code of the content (`fr`).
    pub language: String,
    /// Codes from [`AUDIENCES`].
    pub audience: Vec<String>,
    /// A code from [`LEVELS`].
    pub level: String,
    /// Length of the full session, in minutes.
    pub duration: u32,
    /// Fewest participants.
    pub group_min: u32,
    /// Most participants.
    pub group_max: u32,
    /// Facilitators needed.
    pub facilitators: u32,
    /// Preparation time, in minutes.
    pub preparation: u32,
    /// What to bring.
    pub materials: Vec<String>,
    /// What participants will be able to do.
    pub objectives: Vec<String>,
    /// Skills worked on (e.g. the Pix / DigComp areas).
    pub skills: Vec<String>,
    /// SPDX id from [`LICENCES`].
    pub licence: String,
    /// Authors.
    pub authors: Vec<String>,
    /// The pack's own version (`1.0`).
    pub version: String,
    /// Free keywords.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The activities it launches, with their settings.
    pub activities: Vec<Activity>,
    /// The guide sheets, in reading order.
    pub sheets: Vec<Sheet>,
}

/// An activity of Briques, pre-configured by a pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
// Externally tagged (`{"duplo": {…}}`): serde reads it without buffering, which keeps
// the browser bundle smaller than an internally tagged enum would.
#[serde(rename_all = "kebab-case")]
pub enum Activity {
    /// The Duplo exercise with this survey.
    Duplo {
        /// The survey file in the pack (`questionnaire.json`, a `briques-duplo` file).
        file: String,
        /// Its survey.
        survey: Survey,
    },
    /// The budget explorer.
    Budget {
        /// `demo` (Briqueville) or an INSEE code.
        commune: String,
        /// The year shown first.
        year: Option<u32>,
        /// `depenses` or `recettes`.
        view: String,
        /// Amounts per inhabitant.
        per_inhabitant: bool,
    },
    /// "Si j'étais maire": re-allocating the budget under constraints.
    Maire {
        /// `demo` or an INSEE code.
        commune: String,
        /// The year of reference.
        year: Option<u32>,
        /// The constraints given to the groups.
        constraints: Vec<String>,
    },
    /// The data explorer on a dataset shipped in the pack, with chart presets.
    Donnees {
        /// The CSV file in the pack (`donnees/….csv`).
        file: String,
        /// The dataset's title.
        title: String,
        /// Where it comes from (and its licence).
        source: String,
        /// The CSV text.
        csv: String,
        /// Charts prepared for the lesson.
        charts: Vec<ChartPreset>,
    },
}

/// A chart prepared for the data explorer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartPreset {
    /// Title shown above it.
    pub title: String,
    /// A code from [`CHART_KINDS`].
    pub kind: String,
    /// Column on the horizontal axis (or the categories).
    pub x: String,
    /// Column(s) of values.
    pub y: Vec<String>,
    /// For a misleading chart: the trick it shows (a code from [`TRICKS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trick: Option<String>,
    /// Lowest value of the value axis (a truncated axis when above zero).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y_min: Option<i64>,
    /// Rows kept, as "first-last" values of `x` (a cherry-picked range).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<String>,
    /// What to say about it.
    #[serde(default)]
    pub note: String,
}

impl Activity {
    /// The type as written in `pack.toml`.
    pub fn code(&self) -> &'static str {
        match self {
            Activity::Duplo { .. } => "duplo",
            Activity::Budget { .. } => "budget",
            Activity::Maire { .. } => "si-j-etais-maire",
            Activity::Donnees { .. } => "donnees",
        }
    }

    /// The app page that opens the activity and its query parameters (values are
    /// limited to characters that need no escaping). For Duplo the app first loads the
    /// survey (see the Ateliers page); the data explorer reads the pack from `pack`.
    /// The budget page reads `commune` (`demo` or an INSEE code), `annee`, `onglet`
    /// (`explorer` or `maire`), `vue` (`depenses` or `recettes`) and `hab=1`.
    pub fn launch_target(&self, slug: &str) -> (&'static str, Vec<(&'static str, String)>) {
        let mut query = Vec::new();
        match self {
            Activity::Duplo { .. } => return ("/duplo", query),
            Activity::Budget {
                commune,
                year,
                view,
                per_inhabitant,
            } => {
                query.push(("commune", query_value(commune)));
                query.extend(year.map(|y| ("annee", y.to_string())));
                query.push(("onglet", "explorer".to_owned()));
                query.push(("vue", query_value(view)));
                if *per_inhabitant {
                    query.push(("hab", "1".to_owned()));
                }
            }
            Activity::Maire { commune, year, .. } => {
                query.push(("commune", query_value(commune)));
                query.extend(year.map(|y| ("annee", y.to_string())));
                query.push(("onglet", "maire".to_owned()));
            }
            Activity::Donnees { .. } => return ("/donnees", vec![("pack", query_value(slug))]),
        }
        ("/budget", query)
    }

    /// The translation key of the activity's name.
    pub fn label_key(&self) -> &'static str {
        match self {
            Activity::Duplo { .. } => "ateliers-activity-duplo",
            Activity::Budget { .. } => "ateliers-activity-budget",
            Activity::Maire { .. } => "ateliers-activity-maire",
            Activity::Donnees { .. } => "ateliers-activity-donnees",
        }
    }
}

/// Keeps only characters that need no escaping in a query value.
fn query_value(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

/// So that library functions ([`filter`], [`bundle::prepare_import`]) take packs or
/// anything holding one.
impl AsRef<Pack> for Pack {
    fn as_ref(&self) -> &Pack {
        self
    }
}

impl Pack {
    /// Lengths of the session's variants in minutes (the méthode sheets', else the
    /// pack's), shortest first.
    pub fn variants(&self) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .sheets
            .iter()
            .filter(|s| s.kind == SheetKind::Methode)
            .filter_map(|s| s.duration)
            .collect();
        if out.is_empty() {
            out.push(self.duration);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The licence's address, when known.
    pub fn licence_url(&self) -> Option<&'static str> {
        licence_url(&self.licence)
    }

    /// Every rule on the model, all problems at once. Problems on metadata name
    /// `pack.toml` and the line `lines` gives for the field (when known).
    pub fn validate(&self, lines: &BTreeMap<String, usize>) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut meta = |field: &str, kind: ProblemKind| {
            problems.push(Problem {
                file: MANIFEST.to_owned(),
                line: lines.get(field).copied(),
                field: field.to_owned(),
                kind,
            });
        };
        if !is_slug(&self.slug) {
            meta(
                "identifiant",
                ProblemKind::BadSlug {
                    value: self.slug.clone(),
                },
            );
        }
        for (field, value) in [
            ("titre", &self.title),
            ("resume", &self.summary),
            ("version", &self.version),
        ] {
            if value.trim().is_empty() {
                meta(field, ProblemKind::Empty);
            }
        }
        let lang = self.language.trim();
        if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_lowercase()) {
            meta(
                "langue",
                ProblemKind::UnknownValue {
                    value: self.language.clone(),
                    allowed: "fr, en, br, oc, …".to_owned(),
                },
            );
        }
        if self.audience.is_empty() {
            meta("public", ProblemKind::Empty);
        }
        for value in &self.audience {
            if !AUDIENCES.contains(&value.as_str()) {
                meta(
                    "public",
                    ProblemKind::UnknownValue {
                        value: value.clone(),
                        allowed: AUDIENCES.join(", "),
                    },
                );
            }
        }
        if !LEVELS.contains(&self.level.as_str()) {
            meta(
                "niveau",
                ProblemKind::UnknownValue {
                    value: self.level.clone(),
                    allowed: LEVELS.join(", "),
                },
            );
        }
        for (field, value, min, max) in [
            ("duree", self.duration, 5, 600),
            ("participants_min", self.group_min, 1, 1000),
            ("participants_max", self.group_max, 1, 1000),
            ("animateurs", self.facilitators, 1, 20),
            ("preparation", self.preparation, 0, 10_000),
        ] {
            if !(min..=max).contains(&value) {
                meta(field, ProblemKind::OutOfRange { min, max });
            }
        }
        if self.group_min > self.group_max {
            meta("participants_min", ProblemKind::GroupSize);
        }
        if licence_url(&self.licence).is_none() {
            meta(
                "licence",
                ProblemKind::UnknownLicence {
                    value: self.licence.clone(),
                },
            );
        }
        if self.authors.iter().all(|a| a.trim().is_empty()) {
            meta("auteurs", ProblemKind::Empty);
        }
        if self.objectives.is_empty() {
            meta("objectifs", ProblemKind::Empty);
        }
        if self.activities.is_empty() {
            meta("activites", ProblemKind::Empty);
        }
        for (n, activity) in self.activities.iter().enumerate() {
            activity.validate(n, lines, &mut problems);
        }
        for kind in SheetKind::REQUIRED {
            if !self.sheets.iter().any(|s| s.kind == kind) {
                problems.push(Problem {
                    file: SHEETS_DIR.to_owned(),
                    line: None,
                    field: "type".to_owned(),
                    kind: ProblemKind::MissingSheet { kind },
                });
            }
        }
        for sheet in &self.sheets {
            if sheet.title.trim().is_empty() {
                problems.push(Problem {
                    file: sheet.file.clone(),
                    line: None,
                    field: "titre".to_owned(),
                    kind: ProblemKind::Empty,
                });
            }
            if sheet.kind == SheetKind::Methode {
                sheet::check_steps(sheet, 1, 1, &mut problems);
            }
        }
        problems
    }
}

impl Activity {
    fn validate(&self, n: usize, lines: &BTreeMap<String, usize>, problems: &mut Vec<Problem>) {
        let mut at = |field: &str, kind: ProblemKind| {
            let path = format!("activites[{}].{field}", n + 1);
            problems.push(Problem {
                file: MANIFEST.to_owned(),
                line: lines
                    .get(&path)
                    .or_else(|| lines.get(&format!("activites[{}]", n + 1)))
                    .copied(),
                field: path,
                kind,
            });
        };
        if let Activity::Budget { commune, .. } | Activity::Maire { commune, .. } = self {
            let ok = commune == "demo"
                || (commune.len() == 5 && commune.chars().all(|c| c.is_ascii_alphanumeric()));
            if !ok {
                at(
                    "commune",
                    ProblemKind::UnknownValue {
                        value: commune.clone(),
                        allowed: "demo, code INSEE (5 caractères)".to_owned(),
                    },
                );
            }
        }
        match self {
            Activity::Duplo { survey, .. } => {
                for problem in survey.validate() {
                    at("questionnaire", ProblemKind::Survey(problem));
                }
            }
            Activity::Budget { view, .. } => {
                if view != "depenses" && view != "recettes" {
                    at(
                        "vue",
                        ProblemKind::UnknownValue {
                            value: view.clone(),
                            allowed: "depenses, recettes".to_owned(),
                        },
                    );
                }
            }
            // Its commune is checked above, with the budget's.
            Activity::Maire { .. } => {}
            Activity::Donnees { csv, charts, .. } => {
                let columns = csv_columns(csv);
                if columns.is_empty() {
                    at(
                        "jeu",
                        ProblemKind::Dataset {
                            detail: "aucune colonne".to_owned(),
                        },
                    );
                }
                for (c, chart) in charts.iter().enumerate() {
                    let field = |name: &str| format!("graphiques[{}].{name}", c + 1);
                    if !CHART_KINDS.contains(&chart.kind.as_str()) {
                        at(
                            &field("type"),
                            ProblemKind::UnknownValue {
                                value: chart.kind.clone(),
                                allowed: CHART_KINDS.join(", "),
                            },
                        );
                    }
                    if let Some(trick) = chart.trick.as_ref().filter(|t| !TRICKS.contains(&t.as_str())) {
                        at(
                            &field("trompeur"),
                            ProblemKind::UnknownValue {
                                value: trick.clone(),
                                allowed: TRICKS.join(", "),
                            },
                        );
                    }
                    for (name, column) in
                        std::iter::once(("x", &chart.x)).chain(chart.y.iter().map(|y| ("y", y)))
                    {
                        if !columns.is_empty() && !columns.contains(column) {
                            at(
                                &field(name),
                                ProblemKind::UnknownColumn {
                                    column: column.clone(),
                                    available: columns.join(", "),
                                },
                            );
                        }
                    }
                }
            }
        }
    }
}

/// The header of a CSV text.
pub fn csv_columns(text: &str) -> Vec<String> {
    let text = crate::csv::strip_bom(text);
    let separator = crate::csv::detect_separator(text);
    crate::csv::read_records(text, separator)
        .ok()
        .and_then(|records| records.into_iter().next())
        .map(|r| r.fields.into_iter().map(|f| f.trim().to_owned()).collect())
        .unwrap_or_default()
}

/// Whether `text` is a valid slug: 1 to 60 lower-case ASCII letters, digits, dashes.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 60
        && !text.starts_with('-')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The manifest's file name.
pub const MANIFEST: &str = "pack.toml";
/// The folder of guide sheets.
pub const SHEETS_DIR: &str = "fiches/";

/// A problem in a pack: where, which field, and what to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file inside the pack (`pack.toml`, `fiches/01-contexte.md`), or the bundle.
    pub file: String,
    /// 1-based line, where it applies.
    pub line: Option<usize>,
    /// The field (`titre`, `activites[1].type`), empty when the whole file is at fault.
    pub field: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// What is wrong (each has a message in the catalogue, `pack-error-*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not UTF-8 text.
    NotText,
    /// `pack.toml` is not valid TOML.
    Syntax {
        /// What the TOML reader said.
        detail: String,
    },
    /// A required field is absent.
    MissingField,
    /// A field has the wrong type.
    WrongType {
        /// `text`, `number`, `list`, `bool`, `table`, `minutes`.
        expected: &'static str,
    },
    /// A field nobody reads (a typo, most likely).
    UnknownField,
    /// A required field is empty.
    Empty,
    /// A number outside its range.
    OutOfRange {
        /// Lowest allowed.
        min: u32,
        /// Highest allowed.
        max: u32,
    },
    /// More participants at least than at most.
    GroupSize,
    /// A licence that is not in [`LICENCES`].
    UnknownLicence {
        /// What was written.
        value: String,
    },
    /// An activity type not in [`ACTIVITY_TYPES`].
    UnknownActivity {
        /// What was written.
        value: String,
    },
    /// A value outside its list.
    UnknownValue {
        /// What was written.
        value: String,
        /// The values allowed.
        allowed: String,
    },
    /// A slug with other characters than `a-z0-9-`.
    BadSlug {
        /// What was written.
        value: String,
    },
    /// Two packs with the same slug.
    DuplicateSlug {
        /// The slug.
        slug: String,
        /// The other pack's folder or file.
        other: String,
    },
    /// A sheet without front matter.
    FrontMatterMissing,
    /// Front matter without its closing `---`.
    FrontMatterUnclosed,
    /// A front-matter line that is not `key: value`.
    FrontMatterBadLine {
        /// The line.
        text: String,
    },
    /// No sheet of a required kind.
    MissingSheet {
        /// The kind.
        kind: SheetKind,
    },
    /// A méthode sheet without timed steps.
    NoSteps,
    /// A méthode sheet whose steps do not add up to its length.
    StepsDuration {
        /// Sum of the steps.
        total: u32,
        /// Length declared.
        declared: u32,
    },
    /// A file named by `pack.toml` is not in the pack.
    MissingFile {
        /// Its path.
        path: String,
    },
    /// The Duplo survey breaks a rule.
    Survey(crate::survey::SurveyError),
    /// The Duplo survey file cannot be read.
    SurveyFile(crate::survey::io::ImportError),
    /// The dataset cannot be read.
    Dataset {
        /// What is wrong.
        detail: String,
    },
    /// A chart preset names a column the dataset does not have.
    UnknownColumn {
        /// The column.
        column: String,
        /// The dataset's columns.
        available: String,
    },
    /// No `pack.toml` in the folder.
    NoManifest,
    /// A `.briques` file that is not JSON.
    BundleJson {
        /// 1-based line.
        line: usize,
        /// What the JSON reader said.
        detail: String,
    },
    /// JSON, but not a pack.
    NotABundle,
    /// A bundle written by a newer Briques.
    NewerBundle {
        /// Its version.
        version: u32,
    },
}

impl ProblemKind {
    /// What to fix, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProblemKind::NotText => tr(lang, "pack-error-not-text"),
            ProblemKind::Syntax { detail } => {
                tr_args(lang, "pack-error-syntax", &[("detail", detail.into())])
            }
            ProblemKind::MissingField => tr(lang, "pack-error-missing-field"),
            ProblemKind::WrongType { expected } => {
                let expected = tr(lang, &format!("pack-type-{expected}"));
                tr_args(lang, "pack-error-wrong-type", &[("expected", (&expected).into())])
            }
            ProblemKind::UnknownField => tr(lang, "pack-error-unknown-field"),
            ProblemKind::Empty => tr(lang, "pack-error-empty"),
            ProblemKind::OutOfRange { min, max } => tr_args(
                lang,
                "pack-error-out-of-range",
                &[("min", (*min as usize).into()), ("max", (*max as usize).into())],
            ),
            ProblemKind::GroupSize => tr(lang, "pack-error-group-size"),
            ProblemKind::UnknownLicence { value } => {
                let allowed = LICENCES.map(|(id, _)| id).join(", ");
                tr_args(
                    lang,
                    "pack-error-unknown-licence",
                    &[("value", value.into()), ("allowed", (&allowed).into())],
                )
            }
            ProblemKind::UnknownActivity { value } => {
                let allowed = ACTIVITY_TYPES.join(", ");
                tr_args(
                    lang,
                    "pack-error-unknown-activity",
                    &[("value", value.into()), ("allowed", (&allowed).into())],
                )
            }
            ProblemKind::UnknownValue { value, allowed } => tr_args(
                lang,
                "pack-error-unknown-value",
                &[("value", value.into()), ("allowed", allowed.into())],
            ),
            ProblemKind::BadSlug { value } => {
                tr_args(lang, "pack-error-bad-slug", &[("value", value.into())])
            }
            ProblemKind::DuplicateSlug { slug, other } => tr_args(
                lang,
                "pack-error-duplicate-slug",
                &[("slug", slug.into()), ("other", other.into())],
            ),
            ProblemKind::FrontMatterMissing => tr(lang, "pack-error-front-matter-missing"),
            ProblemKind::FrontMatterUnclosed => tr(lang, "pack-error-front-matter-unclosed"),
            ProblemKind::FrontMatterBadLine { text } => {
                tr_args(lang, "pack-error-front-matter-line", &[("text", text.into())])
            }
            ProblemKind::MissingSheet { kind } => {
                tr_args(lang, "pack-error-missing-sheet", &[("kind", kind.code().into())])
            }
            ProblemKind::NoSteps => tr(lang, "pack-error-no-steps"),
            ProblemKind::StepsDuration { total, declared } => tr_args(
                lang,
                "pack-error-steps-duration",
                &[
                    ("total", (*total as usize).into()),
                    ("declared", (*declared as usize).into()),
                ],
            ),
            ProblemKind::MissingFile { path } => {
                tr_args(lang, "pack-error-missing-file", &[("path", path.into())])
            }
            ProblemKind::Survey(error) => {
                let detail = error.message(lang);
                tr_args(lang, "pack-error-survey", &[("detail", (&detail).into())])
            }
            ProblemKind::SurveyFile(error) => {
                let detail = error.message(lang);
                tr_args(lang, "pack-error-survey", &[("detail", (&detail).into())])
            }
            ProblemKind::Dataset { detail } => {
                tr_args(lang, "pack-error-dataset", &[("detail", detail.into())])
            }
            ProblemKind::UnknownColumn { column, available } => tr_args(
                lang,
                "pack-error-unknown-column",
                &[("column", column.into()), ("available", available.into())],
            ),
            ProblemKind::NoManifest => tr(lang, "pack-error-no-manifest"),
            ProblemKind::BundleJson { line, detail } => tr_args(
                lang,
                "pack-error-bundle-json",
                &[("line", (*line).into()), ("detail", detail.into())],
            ),
            ProblemKind::NotABundle => tr(lang, "pack-error-not-bundle"),
            ProblemKind::NewerBundle { version } => tr_args(
                lang,
                "pack-error-newer-bundle",
                &[("version", (*version as usize).into())],
            ),
        }
    }
}

impl Problem {
    /// `file:line: field: what to fix`, in `lang` (the form `briques pack check` prints).
    pub fn message(&self, lang: Lang) -> String {
        let mut out = self.file.clone();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        out.push_str(": ");
        if !self.field.is_empty() {
            out.push_str(&self.field);
            out.push_str(": ");
        }
        out.push_str(&self.kind.message(lang));
        out
    }
}

/// The files of one pack folder: paths relative to the folder (with `/`), and bytes.
#[derive(Clone, Debug, Default)]
pub struct PackFiles {
    /// The folder's name (the default slug).
    pub dir_name: String,
    /// Path → content.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Reads a pack folder's files into a [`Pack`], with every problem found. The pack is
/// `None` only when `pack.toml` is missing or is not TOML; otherwise it is returned
/// (possibly incomplete) so that callers can show what was understood.
pub fn load(files: &PackFiles) -> (Option<Pack>, Vec<Problem>) {
    let Some(bytes) = files.files.get(MANIFEST) else {
        return (
            None,
            vec![Problem {
                file: MANIFEST.to_owned(),
                line: None,
                field: String::new(),
                kind: ProblemKind::NoManifest,
            }],
        );
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return (None, vec![not_text(MANIFEST)]);
    };
    let (pack, mut problems, lines) = manifest::parse(text, files);
    let Some(mut pack) = pack else {
        return (None, problems);
    };
    for (path, bytes) in &files.files {
        if !(path.starts_with(SHEETS_DIR) && path.ends_with(".md")) {
            continue;
        }
        let Ok(text) = std::str::from_utf8(bytes) else {
            problems.push(not_text(path));
            continue;
        };
        let (sheet, sheet_problems) = sheet::parse_sheet(path, text);
        problems.extend(sheet_problems);
        pack.sheets.extend(sheet);
    }
    // Problems already reported with their line are not repeated by the model's rules.
    for problem in pack.validate(&lines) {
        let known = problems
            .iter()
            .any(|p| p.file == problem.file && field_within(&p.field, &problem.field));
        if !known {
            problems.push(problem);
        }
    }
    (Some(pack), problems)
}

/// Whether `field` is `parent` or one of its parts (`activites[1].type` is within
/// `activites`).
fn field_within(field: &str, parent: &str) -> bool {
    field == parent
        || field
            .strip_prefix(parent)
            .is_some_and(|rest| rest.starts_with(['[', '.']))
}

fn not_text(file: &str) -> Problem {
    Problem {
        file: file.to_owned(),
        line: None,
        field: String::new(),
        kind: ProblemKind::NotText,
    }
}

/// Problems across several packs: two packs with the same slug. `packs` are the
/// packs with the name of their folder or file.
pub fn check_library(packs: &[(String, &Pack)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (place, pack) in packs {
        match seen.get(pack.slug.as_str()) {
            Some(first) => problems.push(Problem {
                file: format!("{place}/{MANIFEST}"),
                line: None,
                field: "identifiant".to_owned(),
                kind: ProblemKind::DuplicateSlug {
                    slug: pack.slug.clone(),
                    other: (*first).to_owned(),
                },
            }),
            None => {
                seen.insert(&pack.slug, place);
            }
        }
    }
    problems
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
mod tests;

impl ChartPreset {
    /// The data explorer's chart for this preset: kind, columns, title and source, and
    /// for a misleading preset its distortion, truncated axis and chosen rows (`range`:
    /// `first-last` keeps that stretch of `x`; a list `a,b,c` keeps those values only).
    pub fn to_spec(&self, source: &str) -> crate::chart::ChartSpec {
        use crate::chart::{ChartKind, ChartSpec, Distortion};
        use crate::dataset::transform::{Aggregate, Filter, FilterOp};
        let kind = match self.kind.as_str() {
            "lignes" | "aires" => ChartKind::Line,
            "secteurs" => ChartKind::Pie,
            "points" => ChartKind::Scatter,
            _ => ChartKind::Bar,
        };
        let mut spec = ChartSpec::new(kind);
        spec.x = Some(self.x.clone());
        spec.y = self.y.first().cloned();
        spec.y2 = self.y.get(1).cloned();
        spec.aggregate = if spec.y.is_some() {
            Aggregate::Sum
        } else {
            Aggregate::Count
        };
        spec.title = self.title.clone();
        spec.source = source.to_owned();
        spec.distortion = match self.trick.as_deref() {
            Some("axe-tronque") => Some(Distortion::TruncatedAxis),
            Some("intervalles-irreguliers") => Some(Distortion::UnevenIntervals),
            Some("periode-choisie") => Some(Distortion::CherryPicked),
            Some("trop-de-parts") => Some(Distortion::TooManySlices),
            Some("double-axe") => Some(Distortion::DualAxes),
            _ => None,
        };
        if let Some(min) = self.y_min {
            spec.axis.y_from_zero = false;
            spec.axis.y_min = Some(min as f64);
        }
        let filter = |op, value: &str| Filter {
            column: self.x.clone(),
            op,
            value: value.trim().to_owned(),
        };
        match self.range.as_deref() {
            Some(range) if range.contains(',') => {
                // Values kept one by one: everything else is filtered out below.
                let kept: Vec<&str> = range.split(',').map(str::trim).collect();
                spec.filters = kept
                    .windows(2)
                    .filter_map(|w| Some((w[0].parse::<i64>().ok()?, w[1].parse::<i64>().ok()?)))
                    .flat_map(|(a, b)| (a + 1..b).map(|gap| filter(FilterOp::Ne, &gap.to_string())))
                    .collect();
                if let (Some(first), Some(last)) = (kept.first(), kept.last()) {
                    spec.filters.push(filter(FilterOp::Ge, first));
                    spec.filters.push(filter(FilterOp::Le, last));
                }
            }
            Some(range) => {
                if let Some((first, last)) = range.split_once('-') {
                    spec.filters.push(filter(FilterOp::Ge, first));
                    spec.filters.push(filter(FilterOp::Le, last));
                }
            }
            None => {}
        }
        spec
    }
}
