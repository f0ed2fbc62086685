//! Problems found in a pack: where ([`Problem`]: file, line, field) and what to fix
//! ([`ProblemKind`], each with its catalogue message).

use super::model::{ActivityKind, LICENCES};
use super::preset::PeriodError;
use super::sheet::SheetKind;
use crate::i18n::{tr, tr_args, Lang};

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
    /// A text longer than allowed.
    TooLong {
        /// Most characters allowed.
        max: usize,
    },
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
    /// An activity type that is not an [`ActivityKind`] code.
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
    /// A sheet names a button the app does not have (no such label in the catalogue).
    UnknownButton {
        /// The label as the sheet writes it.
        label: String,
    },
    /// A sheet mentions an activity of the app (`page Budget`, « Si j'étais maire »)
    /// that the pack does not declare in its `[[activites]]`.
    UndeclaredActivity {
        /// The words as the sheet writes them (`page Budget`).
        mention: String,
        /// The activity they name.
        activity: ActivityKind,
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
    /// The dataset has no header to read columns from.
    NoColumns,
    /// A commune that is neither `demo` nor an INSEE code.
    BadCommune {
        /// What was written.
        value: String,
    },
    /// A chart preset's `periode` that cannot be used.
    BadPeriod(PeriodError),
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
            ProblemKind::TooLong { max } => tr_args(lang, "pack-error-too-long", &[("max", (*max).into())]),
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
                let allowed = ActivityKind::CODES.join(", ");
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
            ProblemKind::UnknownButton { label } => {
                tr_args(lang, "pack-error-unknown-button", &[("label", label.into())])
            }
            ProblemKind::UndeclaredActivity { mention, activity } => tr_args(
                lang,
                "pack-error-undeclared-activity",
                &[("mention", mention.into()), ("activity", activity.code().into())],
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
            ProblemKind::NoColumns => tr(lang, "pack-error-no-columns"),
            ProblemKind::BadCommune { value } => {
                tr_args(lang, "pack-error-bad-commune", &[("value", value.into())])
            }
            ProblemKind::BadPeriod(error) => {
                let detail = error.message(lang);
                tr_args(lang, "pack-error-period", &[("detail", (&detail).into())])
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
