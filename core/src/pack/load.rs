//! Reading a pack folder's files ([`PackFiles`]) into a [`Pack`] with every problem
//! found ([`load`]), and the checks across packs of a library ([`check_library`]).

use std::collections::BTreeMap;

use super::model::Pack;
use super::problem::{Problem, ProblemKind};
use super::{manifest, sheet, MANIFEST, SHEETS_DIR};

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
        if let Some(sheet) = &sheet {
            // The body's first line comes right after the front matter's `---`.
            let before_body = text.len().saturating_sub(sheet.body.len());
            let end_line = text.get(..before_body).map_or(0, |t| t.matches('\n').count());
            let declared: Vec<_> = pack.activities.iter().map(|a| a.kind()).collect();
            sheet::check_activities(sheet, end_line, &declared, &mut problems);
        }
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

pub(super) fn not_text(file: &str) -> Problem {
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
