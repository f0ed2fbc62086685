//! `pack.toml`: the pack's metadata and activities, read field by field with the line
//! of every value so that each problem says where it is. Field names are French, for
//! the teachers who write them (documented in `workshops/README.md`).

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::{
    Activity, ActivityKind, ChartPreset, Level, Pack, PackFiles, Period, Problem, ProblemKind, Statement,
    DEFAULT_LICENCE, MANIFEST,
};
use crate::budget::explore::Side;
use crate::chart::{ChartKind, Distortion};
use crate::survey::io as survey_io;

/// Top-level fields, in the order they are documented.
pub const FIELDS: [&str; 19] = [
    "identifiant",
    "titre",
    "resume",
    "langue",
    "public",
    "niveau",
    "duree",
    "participants_min",
    "participants_max",
    "animateurs",
    "preparation",
    "materiel",
    "objectifs",
    "competences",
    "licence",
    "auteurs",
    "version",
    "mots_cles",
    "activites",
];

/// A vocabulary as the reader checks it: its `from_code` and the codes allowed.
type Vocabulary<'v, T> = (fn(&str) -> Option<T>, &'v [&'v str]);

struct Reader<'a> {
    text: &'a str,
    problems: Vec<Problem>,
    lines: BTreeMap<String, usize>,
}

impl Reader<'_> {
    fn line(&self, span: std::ops::Range<usize>) -> usize {
        let end = span.start.min(self.text.len());
        self.text.get(..end).map_or(1, |t| t.matches('\n').count() + 1)
    }

    fn problem(&mut self, line: Option<usize>, field: &str, kind: ProblemKind) {
        self.problems.push(Problem {
            file: MANIFEST.to_owned(),
            line,
            field: field.to_owned(),
            kind,
        });
    }

    /// The value of `key` in `table`, recording its line under `path`; a missing
    /// required field is reported at `table_line`.
    fn get<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
        path: &str,
        required: bool,
        table_line: Option<usize>,
    ) -> Option<&'t Spanned<DeValue<'i>>> {
        match table.get(key) {
            Some(value) => {
                let line = self.line(value.span());
                self.lines.insert(path.to_owned(), line);
                Some(value)
            }
            None => {
                if required {
                    self.problem(table_line, path, ProblemKind::MissingField);
                }
                None
            }
        }
    }

    fn text(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        path: &str,
        required: bool,
        at: Option<usize>,
    ) -> Option<String> {
        let value = self.get(table, key, path, required, at)?;
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                let line = self.line(value.span());
                self.problem(Some(line), path, ProblemKind::WrongType { expected: "text" });
                None
            }
        }
    }

    fn number(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        path: &str,
        required: bool,
        at: Option<usize>,
    ) -> Option<u32> {
        let value = self.get(table, key, path, required, at)?;
        let n = integer(value.get_ref(), u32::from_str_radix);
        if n.is_none() {
            let line = self.line(value.span());
            self.problem(Some(line), path, ProblemKind::WrongType { expected: "number" });
        }
        n
    }

    /// A text that must be one of a vocabulary's codes, read by `from_code`; another
    /// value is a problem at its line naming the codes allowed.
    fn coded<T>(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        path: &str,
        required: bool,
        at: Option<usize>,
        (from_code, allowed): Vocabulary<'_, T>,
    ) -> Option<T> {
        let text = self.text(table, key, path, required, at)?;
        let value = from_code(text.trim());
        if value.is_none() {
            let line = self.lines.get(path).copied();
            self.problem(
                line,
                path,
                ProblemKind::UnknownValue {
                    value: text,
                    allowed: allowed.join(", "),
                },
            );
        }
        value
    }

    fn boolean(&mut self, table: &DeTable<'_>, key: &str, path: &str) -> Option<bool> {
        let value = self.get(table, key, path, false, None)?;
        let b = value.get_ref().as_bool();
        if b.is_none() {
            let line = self.line(value.span());
            self.problem(Some(line), path, ProblemKind::WrongType { expected: "bool" });
        }
        b
    }

    /// A list of texts; a single text is accepted as a list of one.
    fn texts(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        path: &str,
        required: bool,
        at: Option<usize>,
    ) -> Vec<String> {
        let Some(value) = self.get(table, key, path, required, at) else {
            return Vec::new();
        };
        let line = self.line(value.span());
        match value.get_ref() {
            DeValue::String(s) => vec![s.to_string()],
            DeValue::Array(items) => {
                let texts: Option<Vec<String>> = items
                    .iter()
                    .map(|v| v.get_ref().as_str().map(str::to_owned))
                    .collect();
                texts.unwrap_or_else(|| {
                    self.problem(Some(line), path, ProblemKind::WrongType { expected: "list" });
                    Vec::new()
                })
            }
            _ => {
                self.problem(Some(line), path, ProblemKind::WrongType { expected: "list" });
                Vec::new()
            }
        }
    }

    fn unknown_fields(&mut self, table: &DeTable<'_>, known: &[&str], prefix: &str) {
        for (key, _) in table.iter() {
            if !known.contains(&key.get_ref().as_ref()) {
                let line = self.line(key.span());
                let field = format!("{prefix}{}", key.get_ref());
                self.problem(Some(line), &field, ProblemKind::UnknownField);
            }
        }
    }
}

/// Reads `pack.toml`. Returns the pack (without sheets; `None` when the text is not
/// TOML), the problems, and the line of each field (`titre`, `activites[1].type`).
/// The slug defaults to the folder's name (`files.dir_name`); the activities' files are
/// read from `files`.
pub fn parse(text: &str, files: &PackFiles) -> (Option<Pack>, Vec<Problem>, BTreeMap<String, usize>) {
    let text = crate::csv::strip_bom(text);
    let mut r = Reader {
        text,
        problems: Vec::new(),
        lines: BTreeMap::new(),
    };
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(error) => {
            let line = error.span().map(|s| r.line(s));
            r.problem(
                line,
                "",
                ProblemKind::Syntax {
                    detail: error.message().trim().to_owned(),
                },
            );
            return (None, r.problems, r.lines);
        }
    };
    let t = root.get_ref();
    let top = Some(1);
    r.unknown_fields(t, &FIELDS, "");
    let slug = r
        .text(t, "identifiant", "identifiant", false, top)
        .unwrap_or_else(|| files.dir_name.clone());
    let mut pack = Pack {
        slug,
        title: r.text(t, "titre", "titre", true, top).unwrap_or_default(),
        summary: r.text(t, "resume", "resume", true, top).unwrap_or_default(),
        language: r
            .text(t, "langue", "langue", false, top)
            .unwrap_or_else(|| "fr".to_owned()),
        audience: r.texts(t, "public", "public", true, top),
        level: r
            .coded(t, "niveau", "niveau", true, top, (Level::from_code, Level::CODES))
            .unwrap_or_default(),
        duration: r.number(t, "duree", "duree", true, top).unwrap_or(0),
        group_min: r
            .number(t, "participants_min", "participants_min", true, top)
            .unwrap_or(1),
        group_max: r
            .number(t, "participants_max", "participants_max", true, top)
            .unwrap_or(1),
        facilitators: r.number(t, "animateurs", "animateurs", false, top).unwrap_or(1),
        preparation: r.number(t, "preparation", "preparation", false, top).unwrap_or(0),
        materials: r.texts(t, "materiel", "materiel", true, top),
        objectives: r.texts(t, "objectifs", "objectifs", true, top),
        skills: r.texts(t, "competences", "competences", false, top),
        licence: r
            .text(t, "licence", "licence", false, top)
            .unwrap_or_else(|| DEFAULT_LICENCE.to_owned()),
        authors: r.texts(t, "auteurs", "auteurs", true, top),
        version: r.text(t, "version", "version", true, top).unwrap_or_default(),
        keywords: r.texts(t, "mots_cles", "mots_cles", false, top),
        activities: Vec::new(),
        sheets: Vec::new(),
    };
    if let Some(value) = r.get(t, "activites", "activites", true, top) {
        let line = r.line(value.span());
        match value.get_ref().as_array() {
            Some(items) => {
                for (n, item) in items.iter().enumerate() {
                    let path = format!("activites[{}]", n + 1);
                    let item_line = r.line(item.span());
                    r.lines.insert(path.clone(), item_line);
                    match item.get_ref().as_table() {
                        Some(table) => {
                            if let Some(activity) = activity(&mut r, table, &path, Some(item_line), files) {
                                pack.activities.push(activity);
                            }
                        }
                        None => r.problem(
                            Some(item_line),
                            &path,
                            ProblemKind::WrongType { expected: "table" },
                        ),
                    }
                }
            }
            None => r.problem(
                Some(line),
                "activites",
                ProblemKind::WrongType { expected: "table" },
            ),
        }
    }
    (Some(pack), r.problems, r.lines)
}

/// An integer as written (`1_000`, `0x10`), read by `parse` (`u32::from_str_radix`, …);
/// `None` for another type of value or a number `parse` refuses.
fn integer<T, E>(value: &DeValue<'_>, parse: fn(&str, u32) -> Result<T, E>) -> Option<T> {
    let i = value.as_integer()?;
    parse(&i.as_str().replace('_', ""), i.radix()).ok()
}

fn activity(
    r: &mut Reader<'_>,
    t: &DeTable<'_>,
    path: &str,
    at: Option<usize>,
    files: &PackFiles,
) -> Option<Activity> {
    let field = |name: &str| format!("{path}.{name}");
    let code = r.text(t, "type", &field("type"), true, at)?;
    let Some(kind) = ActivityKind::from_code(&code) else {
        let line = r.lines.get(&field("type")).copied();
        r.problem(line, &field("type"), ProblemKind::UnknownActivity { value: code });
        return None;
    };
    let known: &[&str] = match kind {
        ActivityKind::Duplo => &["type", "questionnaire"],
        ActivityKind::Budget => &["type", "commune", "annee", "vue", "par_habitant"],
        ActivityKind::Maire => &["type", "commune", "annee", "contraintes"],
        ActivityKind::Donnees => &["type", "jeu", "titre", "source", "graphiques"],
        ActivityKind::Debat => &["type", "affirmations"],
    };
    r.unknown_fields(t, known, &format!("{path}."));
    let commune = |r: &mut Reader<'_>| {
        r.text(t, "commune", &field("commune"), false, at)
            .unwrap_or_else(|| "demo".to_owned())
    };
    match kind {
        ActivityKind::Duplo => {
            let file = r.text(t, "questionnaire", &field("questionnaire"), true, at)?;
            let line = r.lines.get(&field("questionnaire")).copied();
            let text = read_file(r, files, &file, &field("questionnaire"), line)?;
            match survey_io::from_json(&text) {
                Ok(session) => Some(Activity::Duplo {
                    file,
                    survey: session.survey,
                }),
                Err(error) => {
                    r.problems.push(Problem {
                        file: file.clone(),
                        line: None,
                        field: String::new(),
                        kind: ProblemKind::SurveyFile(error),
                    });
                    None
                }
            }
        }
        ActivityKind::Budget => Some(Activity::Budget {
            commune: commune(r),
            year: r.number(t, "annee", &field("annee"), false, at),
            view: r
                .coded(t, "vue", &field("vue"), false, at, (Side::from_code, Side::CODES))
                .unwrap_or_default(),
            per_inhabitant: r
                .boolean(t, "par_habitant", &field("par_habitant"))
                .unwrap_or(false),
        }),
        ActivityKind::Maire => Some(Activity::Maire {
            commune: commune(r),
            year: r.number(t, "annee", &field("annee"), false, at),
            constraints: r.texts(t, "contraintes", &field("contraintes"), false, at),
        }),
        ActivityKind::Donnees => {
            let file = r.text(t, "jeu", &field("jeu"), true, at)?;
            let line = r.lines.get(&field("jeu")).copied();
            let title = r.text(t, "titre", &field("titre"), true, at).unwrap_or_default();
            let source = r
                .text(t, "source", &field("source"), true, at)
                .unwrap_or_default();
            let csv = read_file(r, files, &file, &field("jeu"), line)?;
            let mut charts = Vec::new();
            if let Some(value) = r.get(t, "graphiques", &field("graphiques"), false, at) {
                let line = r.line(value.span());
                match value.get_ref().as_array() {
                    Some(items) => {
                        for (n, item) in items.iter().enumerate() {
                            let path = format!("{path}.graphiques[{}]", n + 1);
                            let item_line = Some(r.line(item.span()));
                            match item.get_ref().as_table() {
                                Some(table) => charts.extend(chart(r, table, &path, item_line)),
                                None => {
                                    r.problem(item_line, &path, ProblemKind::WrongType { expected: "table" })
                                }
                            }
                        }
                    }
                    None => r.problem(
                        Some(line),
                        &field("graphiques"),
                        ProblemKind::WrongType { expected: "table" },
                    ),
                }
            }
            Some(Activity::Donnees {
                file,
                title,
                source,
                csv,
                charts,
            })
        }
        ActivityKind::Debat => {
            let value = r.get(t, "affirmations", &field("affirmations"), true, at)?;
            let line = r.line(value.span());
            let Some(items) = value.get_ref().as_array() else {
                r.problem(
                    Some(line),
                    &field("affirmations"),
                    ProblemKind::WrongType { expected: "table" },
                );
                return None;
            };
            let mut statements = Vec::new();
            for (n, item) in items.iter().enumerate() {
                let path = format!("{path}.affirmations[{}]", n + 1);
                let item_line = Some(r.line(item.span()));
                r.lines.insert(path.clone(), r.line(item.span()));
                match item.get_ref().as_table() {
                    Some(table) => statements.extend(statement(r, table, &path, item_line)),
                    None => r.problem(item_line, &path, ProblemKind::WrongType { expected: "table" }),
                }
            }
            Some(Activity::Debat { statements })
        }
    }
}

fn statement(r: &mut Reader<'_>, t: &DeTable<'_>, path: &str, at: Option<usize>) -> Option<Statement> {
    let field = |name: &str| format!("{path}.{name}");
    r.unknown_fields(t, &["texte", "pour", "contre", "repere"], &format!("{path}."));
    let text = r.text(t, "texte", &field("texte"), true, at);
    let agree = r.texts(t, "pour", &field("pour"), false, at);
    let disagree = r.texts(t, "contre", &field("contre"), false, at);
    let landmark = r
        .text(t, "repere", &field("repere"), false, at)
        .unwrap_or_default();
    Some(Statement {
        text: text?,
        agree,
        disagree,
        landmark,
    })
}

fn chart(r: &mut Reader<'_>, t: &DeTable<'_>, path: &str, at: Option<usize>) -> Option<ChartPreset> {
    let field = |name: &str| format!("{path}.{name}");
    r.unknown_fields(
        t,
        &[
            "titre",
            "type",
            "x",
            "y",
            "trompeur",
            "y_min",
            "periode",
            "explication",
        ],
        &format!("{path}."),
    );
    let y_min = r
        .get(t, "y_min", &field("y_min"), false, at)
        .and_then(|v| integer(v.get_ref(), i64::from_str_radix));
    let kinds: Vec<&str> = ChartKind::ALL.iter().map(|k| k.pack_code()).collect();
    let tricks: Vec<&str> = Distortion::ALL.iter().map(|d| d.pack_code()).collect();
    let title = r.text(t, "titre", &field("titre"), true, at);
    let kind = r.coded(
        t,
        "type",
        &field("type"),
        true,
        at,
        (ChartKind::from_pack_code, &kinds),
    );
    let x = r.text(t, "x", &field("x"), true, at);
    let y = r.texts(t, "y", &field("y"), true, at);
    let trick = r.coded(
        t,
        "trompeur",
        &field("trompeur"),
        false,
        at,
        (Distortion::from_pack_code, &tricks),
    );
    let range = r
        .text(t, "periode", &field("periode"), false, at)
        .and_then(|text| {
            Period::parse(&text)
                .map_err(|error| {
                    let line = r.lines.get(&field("periode")).copied();
                    r.problem(line, &field("periode"), ProblemKind::BadPeriod(error));
                })
                .ok()
        });
    let note = r
        .text(t, "explication", &field("explication"), false, at)
        .unwrap_or_default();
    Some(ChartPreset {
        title: title?,
        kind: kind?,
        x: x?,
        y,
        trick,
        y_min,
        range,
        note,
    })
}

fn read_file(
    r: &mut Reader<'_>,
    files: &PackFiles,
    path: &str,
    field: &str,
    line: Option<usize>,
) -> Option<String> {
    let path = path.trim_start_matches("./");
    match files.files.get(path) {
        Some(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) => Some(crate::csv::strip_bom(text).to_owned()),
            Err(_) => {
                r.problems.push(super::load::not_text(path));
                None
            }
        },
        None => {
            r.problem(
                line,
                field,
                ProblemKind::MissingFile {
                    path: path.to_owned(),
                },
            );
            None
        }
    }
}
