//! `briques survey stats <responses.csv|session.json> [--quasi COL,…] [--json]`: the
//! Duplo analyses of `briques_core::survey` for scripts and for a quick look.
//!
//! Glue only: read the file, pick the questions, call the core, print. Messages come
//! from the translation catalogue in the language of the environment (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`; French by default).

use std::path::PathBuf;

use anyhow::{anyhow, bail, Context as _};
use serde::Serialize;

use briques_core::csv::{decode, TextFile};
use briques_core::i18n::{format_percent, shorten, tr, tr_args, Lang};
use briques_core::survey::analysis::{self, Uniqueness};
use briques_core::survey::{io, Session};

/// `briques survey …`
#[derive(clap::Subcommand, Debug)]
pub enum SurveyCommand {
    /// Tallies, cross-tab of the first two quasi-identifiers and "qui est unique ?".
    Stats(StatsArgs),
}

/// Arguments of `briques survey stats`.
#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    /// Réponses en CSV (en-tête = questions, une ligne par participant) ou session JSON.
    pub file: PathBuf,
    /// Quasi-identifiants à croiser, dans l'ordre (noms de colonnes ou identifiants),
    /// séparés par des virgules. Par défaut : ceux de la session, ou toutes les colonnes.
    #[arg(long, value_delimiter = ',')]
    pub quasi: Vec<String>,
    /// Un objet JSON sur la sortie standard, pour les scripts.
    #[arg(long)]
    pub json: bool,
}

/// Runs a `survey` subcommand.
pub fn run(command: SurveyCommand) -> anyhow::Result<()> {
    match command {
        SurveyCommand::Stats(args) => stats(args),
    }
}

/// Reads a session from a JSON session file or a CSV of responses.
fn load(path: &PathBuf, lang: Lang) -> anyhow::Result<(Session, bool)> {
    let bytes = std::fs::read(path).with_context(|| crate::cannot_read(lang, path))?;
    let text = match decode(&bytes) {
        TextFile::Text { text, .. } => text,
        TextFile::Spreadsheet => bail!(tr(lang, "cli-spreadsheet-file")),
        TextFile::Binary => bail!(tr(lang, "cli-binary-file")),
        TextFile::OtherEncoding { script } => bail!(script.message(lang)),
    };
    let looks_json = text.trim_start().starts_with('{');
    let result = if looks_json {
        io::from_json(&text)
    } else {
        io::session_from_any_csv(&text)
    };
    let session = result.map_err(|e| anyhow!(e.message(lang)))?;
    Ok((session, looks_json))
}

#[derive(Serialize)]
struct StatsJson {
    respondents: usize,
    questions: Vec<String>,
    quasi_identifiers: Vec<String>,
    unique_respondents: usize,
    unique_share: f64,
    k_anonymity: usize,
    classes: usize,
    progression: Vec<StepJson>,
    most_identifying_next: Option<NextJson>,
    tallies: Vec<TallyJson>,
    crosstab: Option<CrossTabJson>,
}

#[derive(Serialize)]
struct StepJson {
    questions: Vec<String>,
    unique: usize,
    k_anonymity: usize,
    classes: usize,
}

#[derive(Serialize)]
struct NextJson {
    question: String,
    unique: usize,
}

#[derive(Serialize)]
struct TallyJson {
    question: String,
    choices: Vec<String>,
    counts: Vec<usize>,
    missing: usize,
}

#[derive(Serialize)]
struct CrossTabJson {
    rows: String,
    columns: String,
    row_labels: Vec<String>,
    column_labels: Vec<String>,
    counts: Vec<Vec<usize>>,
    total: usize,
}

fn stats(args: StatsArgs) -> anyhow::Result<()> {
    let lang = crate::env_lang();
    let (session, from_json) = load(&args.file, lang)?;
    let survey = &session.survey;
    let label = |id: &str| {
        survey
            .question(id)
            .map(|q| q.label.clone())
            .unwrap_or_else(|| id.to_owned())
    };

    // The questions to cross: as given, or the session's quasi-identifiers, or every column.
    let quasi: Vec<String> = if args.quasi.is_empty() {
        let marked = survey.quasi_identifiers();
        if from_json && !marked.is_empty() {
            marked
        } else {
            survey.questions.iter().map(|q| q.id.clone()).collect()
        }
    } else {
        let mut ids = Vec::new();
        for wanted in &args.quasi {
            let wanted_trim = wanted.trim().to_lowercase();
            let question = survey
                .questions
                .iter()
                .find(|q| q.id.to_lowercase() == wanted_trim || q.label.trim().to_lowercase() == wanted_trim)
                .ok_or_else(|| {
                    let known: Vec<&str> = survey.questions.iter().map(|q| q.label.as_str()).collect();
                    anyhow!(tr_args(
                        lang,
                        "cli-unknown-quasi",
                        &[
                            ("name", wanted.as_str().into()),
                            ("known", known.join(", ").as_str().into())
                        ]
                    ))
                })?;
            ids.push(question.id.clone());
        }
        ids
    };
    if quasi.is_empty() {
        bail!(tr(lang, "cli-no-question"));
    }

    let tallies = analysis::tallies(&session);
    let steps = analysis::progression(&session, &quasi)?;
    let overall = steps.last().cloned().unwrap_or(Uniqueness {
        questions: Vec::new(),
        respondents: session.responses.len(),
        classes: 0,
        unique: 0,
        k_anonymity: 0,
    });
    let crosstab = match quasi.as_slice() {
        [a, b, ..] => Some(analysis::crosstab(&session, a, b)?),
        _ => None,
    };
    let next = analysis::most_identifying_next(&session, &quasi)?;

    if args.json {
        let choices = |id: &str| {
            survey
                .question(id)
                .map(|q| q.choices.iter().map(|c| c.label.clone()).collect())
                .unwrap_or_default()
        };
        let out = StatsJson {
            respondents: overall.respondents,
            questions: survey.questions.iter().map(|q| q.label.clone()).collect(),
            quasi_identifiers: quasi.iter().map(|id| label(id)).collect(),
            unique_respondents: overall.unique,
            unique_share: overall.unique_share(),
            k_anonymity: overall.k_anonymity,
            classes: overall.classes,
            progression: steps
                .iter()
                .map(|s| StepJson {
                    questions: s.questions.iter().map(|id| label(id)).collect(),
                    unique: s.unique,
                    k_anonymity: s.k_anonymity,
                    classes: s.classes,
                })
                .collect(),
            most_identifying_next: next.map(|(id, unique)| NextJson {
                question: label(&id),
                unique,
            }),
            tallies: tallies
                .iter()
                .map(|t| TallyJson {
                    question: label(&t.question),
                    choices: choices(&t.question),
                    counts: t.counts.clone(),
                    missing: t.missing,
                })
                .collect(),
            crosstab: crosstab.as_ref().map(|x| CrossTabJson {
                rows: label(&x.row_question),
                columns: label(&x.col_question),
                row_labels: choices(&x.row_question),
                column_labels: choices(&x.col_question),
                counts: x.counts.clone(),
                total: x.total,
            }),
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }

    // Human-readable report.
    let mut out = String::new();
    let line = |out: &mut String, text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(
        &mut out,
        tr_args(lang, "cli-respondents", &[("count", overall.respondents.into())]),
    );
    line(&mut out, String::new());
    line(&mut out, tr(lang, "cli-tallies"));
    for t in &tallies {
        let Some(q) = survey.question(&t.question) else {
            continue;
        };
        line(&mut out, format!("  {}", q.label));
        let answered = t.answered();
        let width = q
            .choices
            .iter()
            .map(|c| c.label.chars().count())
            .max()
            .unwrap_or(0)
            .max(12);
        for (choice, count) in q.choices.iter().zip(&t.counts) {
            let share = if answered > 0 {
                format_percent(lang, *count as f64 / answered as f64, 0)
            } else {
                "—".to_owned()
            };
            line(
                &mut out,
                format!("    {:<width$}  {:>5}  {:>6}", choice.label, count, share),
            );
        }
        if t.missing > 0 {
            line(
                &mut out,
                format!("    {:<width$}  {:>5}", tr(lang, "cli-no-answer"), t.missing),
            );
        }
    }
    if let Some(x) = &crosstab {
        line(&mut out, String::new());
        line(
            &mut out,
            tr_args(
                lang,
                "cli-crosstab",
                &[
                    ("rows", label(&x.row_question).as_str().into()),
                    ("columns", label(&x.col_question).as_str().into()),
                ],
            ),
        );
        let rows = survey
            .question(&x.row_question)
            .map(|q| q.choices.clone())
            .unwrap_or_default();
        let cols = survey
            .question(&x.col_question)
            .map(|q| q.choices.clone())
            .unwrap_or_default();
        let width = rows
            .iter()
            .map(|c| c.label.chars().count())
            .max()
            .unwrap_or(0)
            .max(8);
        let mut header = format!("    {:<width$}", "");
        for c in &cols {
            header.push_str(&format!("  {:>10}", shorten(&c.label, 10)));
        }
        header.push_str(&format!("  {:>8}", tr(lang, "cli-total")));
        line(&mut out, header);
        for (r, choice) in rows.iter().enumerate() {
            let mut row = format!("    {:<width$}", choice.label);
            for n in &x.counts[r] {
                row.push_str(&format!("  {:>10}", n));
            }
            row.push_str(&format!("  {:>8}", x.row_totals[r]));
            line(&mut out, row);
        }
    }
    line(&mut out, String::new());
    line(&mut out, tr(lang, "cli-unique-title"));
    for (i, step) in steps.iter().enumerate() {
        let added = label(&quasi[i]);
        line(
            &mut out,
            format!(
                "  {}{}",
                if i == 0 { "" } else { "+ " },
                tr_args(
                    lang,
                    "cli-unique-step",
                    &[
                        ("question", added.as_str().into()),
                        ("unique", step.unique.into()),
                        ("respondents", step.respondents.into()),
                        (
                            "share",
                            format_percent(lang, step.unique_share(), 0).as_str().into()
                        ),
                        ("k", step.k_anonymity.into()),
                    ],
                )
            ),
        );
    }
    line(
        &mut out,
        tr_args(
            lang,
            "cli-unique-summary",
            &[
                ("unique", overall.unique.into()),
                ("respondents", overall.respondents.into()),
                ("k", overall.k_anonymity.into()),
                ("classes", overall.classes.into()),
            ],
        ),
    );
    if let Some((id, unique)) = next {
        line(
            &mut out,
            tr_args(
                lang,
                "cli-next-question",
                &[
                    ("question", label(&id).as_str().into()),
                    ("unique", unique.into()),
                ],
            ),
        );
    }
    print!("{out}");
    Ok(())
}
