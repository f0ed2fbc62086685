//! The rules a pack must follow once read: every problem at once, each naming
//! `pack.toml` and the line of its field when known.

use std::collections::BTreeMap;

use super::model::{licence_url, Activity, Pack, AUDIENCES, MAX_STATEMENTS};
use super::problem::{Problem, ProblemKind};
use super::sheet::{self, SheetKind};
use super::{is_slug, MANIFEST, SHEETS_DIR};

impl Pack {
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
                    ProblemKind::BadCommune {
                        value: commune.clone(),
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
            // Their commune is checked above; the budget's view is a `Side`, read as one.
            Activity::Budget { .. } | Activity::Maire { .. } => {}
            Activity::Debat { statements } => {
                if statements.is_empty() || statements.len() > MAX_STATEMENTS {
                    at(
                        "affirmations",
                        ProblemKind::OutOfRange {
                            min: 1,
                            max: MAX_STATEMENTS as u32,
                        },
                    );
                }
                for (s, statement) in statements.iter().enumerate() {
                    let field = |name: &str| format!("affirmations[{}].{name}", s + 1);
                    if statement.text.trim().is_empty() {
                        at(&field("texte"), ProblemKind::Empty);
                    }
                    for (name, text, max) in [
                        ("texte", &statement.text, STATEMENT_MAX),
                        ("repere", &statement.landmark, 2 * STATEMENT_MAX),
                    ] {
                        if text.chars().count() > max {
                            at(&field(name), ProblemKind::TooLong { max });
                        }
                    }
                }
            }
            Activity::Donnees { csv, charts, .. } => {
                let columns = csv_columns(csv);
                if columns.is_empty() {
                    at("jeu", ProblemKind::NoColumns);
                }
                // Kinds, tricks and periods are typed when the pack is read; columns can
                // only be checked against the dataset.
                for (c, chart) in charts.iter().enumerate() {
                    let field = |name: &str| format!("graphiques[{}].{name}", c + 1);
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

/// Characters of a statement (a live step's question holds as many).
const STATEMENT_MAX: usize = crate::live::steps::MAX_TEXT;

/// The header of a CSV text (after any title lines).
pub fn csv_columns(text: &str) -> Vec<String> {
    let text = crate::csv::strip_bom(text);
    let layout = crate::csv::sniff(text);
    let mut reader = crate::csv::RecordReader::at(layout.separator, layout.header_pos, layout.header_line)
        .with_backslash_escapes(layout.backslash_escapes);
    let mut fields = crate::csv::Fields::default();
    match reader.next_record(text, &mut fields) {
        Some(_) => fields.iter(text).map(|f| f.trim().to_owned()).collect(),
        None => Vec::new(),
    }
}
