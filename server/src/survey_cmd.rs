//! `briques survey stats <responses.csv|session.json> [--quasi COL,…] [--json]`: the
//! Duplo analyses of `briques_core::survey` for scripts and for a quick look, with the
//! attribute disclosure (ℓ-diversity) of the opinions. `briques survey generalise <file>
//! --plan plan.json [--quasi …] [--json]`: the same figures once a generalisation plan
//! (`survey::generalise::Plan`) is applied, and what it cost.
//!
//! Glue only: read the file, pick the questions, call the core, print. Messages come
//! from the translation catalogue in the language of the environment (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`; French by default).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _};
use serde::Serialize;

use briques_core::csv::{decode, TextFile};
use briques_core::i18n::{format_percent, shorten, tr, tr_args, Lang};
use briques_core::survey::analysis::{self, CrossTab, Tally, Uniqueness};
use briques_core::survey::disclosure::{self, Disclosure};
use briques_core::survey::generalise::{self, Loss, Plan};
use briques_core::survey::{io, Session};

/// `briques survey …`
#[derive(clap::Subcommand, Debug)]
pub enum SurveyCommand {
    /// Tallies, cross-tab of the first two quasi-identifiers and "qui est unique ?".
    Stats(StatsArgs),
    /// Les mêmes statistiques après un plan de généralisation (regroupements de choix,
    /// questions retirées, personnes encore uniques retirées), et ce qui a été perdu.
    Generalise(GeneraliseArgs),
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

/// Arguments of `briques survey generalise`.
#[derive(clap::Args, Debug)]
pub struct GeneraliseArgs {
    /// Réponses en CSV (en-tête = questions, une ligne par participant) ou session JSON.
    pub file: PathBuf,
    /// Le plan, en JSON : {"merge": [{"question": …, "choices": [… ], "label": …}],
    /// "drop": [questions], "remove_unique": true}. Questions et choix par identifiant
    /// ou par intitulé.
    #[arg(long)]
    pub plan: PathBuf,
    /// Quasi-identifiants à croiser, comme pour `stats` ; ceux que le plan retire sont
    /// ôtés de la liste.
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
        SurveyCommand::Generalise(args) => generalise_cmd(args),
    }
}

/// A file's text, refusing spreadsheets, binaries and other alphabets with a message.
fn read_text(path: &Path, lang: Lang) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| crate::cannot_read(lang, path))?;
    Ok(match decode(&bytes) {
        TextFile::Text { text, .. } => text,
        TextFile::Spreadsheet => bail!(tr(lang, "cli-spreadsheet-file")),
        TextFile::Binary => bail!(tr(lang, "cli-binary-file")),
        TextFile::OtherEncoding { script } => bail!(script.message(lang)),
    })
}

/// Reads a session from a JSON session file or a CSV of responses; `true` for JSON.
fn load(path: &Path, lang: Lang) -> anyhow::Result<(Session, bool)> {
    let text = read_text(path, lang)?;
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
    /// Opinion question (id, or column name for a CSV) → smallest ℓ, `null` without a
    /// group of at least 2 people who answered it.
    l_diversity: BTreeMap<String, Option<usize>>,
    homogeneous_groups: Vec<HomogeneousJson>,
}

#[derive(Serialize)]
struct HomogeneousJson {
    /// The quasi-identifier values (choice labels; `null` for no answer).
    quasi: Vec<Option<String>>,
    question: String,
    answer: String,
    size: usize,
    answered: usize,
}

#[derive(Serialize)]
struct GeneraliseJson {
    #[serde(flatten)]
    stats: StatsJson,
    lost: LossJson,
}

#[derive(Serialize)]
struct LossJson {
    answers: usize,
    merged: usize,
    suppressed: usize,
    removed: Vec<u32>,
    information_loss: f64,
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

/// The questions to cross: as given (by id or label), or the session's
/// quasi-identifiers, or every column.
fn choose_quasi(
    session: &Session,
    from_json: bool,
    wanted: &[String],
    lang: Lang,
) -> anyhow::Result<Vec<String>> {
    let survey = &session.survey;
    if wanted.is_empty() {
        let marked = survey.quasi_identifiers();
        return Ok(if from_json && !marked.is_empty() {
            marked
        } else {
            survey.questions.iter().map(|q| q.id.clone()).collect()
        });
    }
    wanted
        .iter()
        .map(|name| match generalise::find_question(survey, name) {
            Some((_, q)) => Ok(q.id.clone()),
            None => {
                let known: Vec<&str> = survey.questions.iter().map(|q| q.label.as_str()).collect();
                Err(anyhow!(tr_args(
                    lang,
                    "cli-unknown-quasi",
                    &[
                        ("name", name.as_str().into()),
                        ("known", known.join(", ").as_str().into())
                    ]
                )))
            }
        })
        .collect()
}

/// Everything `stats` reports, computed once for both outputs.
struct Figures {
    quasi: Vec<String>,
    tallies: Vec<Tally>,
    steps: Vec<Uniqueness>,
    overall: Uniqueness,
    crosstab: Option<CrossTab>,
    next: Option<(String, usize)>,
    disclosure: Disclosure,
}

fn figures(session: &Session, quasi: Vec<String>) -> anyhow::Result<Figures> {
    let tallies = analysis::tallies(session);
    let steps = analysis::progression(session, &quasi)?;
    let overall = match steps.last() {
        Some(last) => last.clone(),
        None => analysis::uniqueness(session, &[])?,
    };
    let crosstab = match quasi.as_slice() {
        [a, b, ..] => Some(analysis::crosstab(session, a, b)?),
        _ => None,
    };
    let next = analysis::most_identifying_next(session, &quasi)?;
    let sensitive = disclosure::sensitive_questions(&session.survey, &quasi);
    let disclosure = disclosure::attribute_disclosure(session, &quasi, &sensitive)?;
    Ok(Figures {
        quasi,
        tallies,
        steps,
        overall,
        crosstab,
        next,
        disclosure,
    })
}

fn stats(args: StatsArgs) -> anyhow::Result<()> {
    let lang = crate::env_lang();
    let (session, from_json) = load(&args.file, lang)?;
    let quasi = choose_quasi(&session, from_json, &args.quasi, lang)?;
    if quasi.is_empty() {
        bail!(tr(lang, "cli-no-question"));
    }
    let figures = figures(&session, quasi)?;
    if args.json {
        let out = stats_json(&session, from_json, &figures, lang);
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print!("{}", stats_text(&session, &figures, lang));
    }
    Ok(())
}

fn generalise_cmd(args: GeneraliseArgs) -> anyhow::Result<()> {
    let lang = crate::env_lang();
    let (session, from_json) = load(&args.file, lang)?;
    let quasi = choose_quasi(&session, from_json, &args.quasi, lang)?;
    let plan = Plan::from_json(&read_text(&args.plan, lang)?).map_err(|e| anyhow!(e.message(lang)))?;
    let done = generalise::apply(&session, &plan, &quasi).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
        anyhow!(lines.join("\n"))
    })?;
    let figures = figures(&done.session, done.quasi)?;
    let loss = &done.loss;
    if args.json {
        let out = GeneraliseJson {
            stats: stats_json(&done.session, from_json, &figures, lang),
            lost: LossJson {
                answers: loss.answers,
                merged: loss.merged,
                suppressed: loss.suppressed,
                removed: loss.removed.clone(),
                information_loss: loss.information_loss(),
            },
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print!("{}", stats_text(&done.session, &figures, lang));
        println!();
        println!("{}", tr(lang, "survey-loss-title"));
        println!("  {}", loss.summary(lang));
        println!("  {}", loss.figure(lang));
        println!("  {}", Loss::explanation(lang));
    }
    Ok(())
}

fn stats_json(session: &Session, from_json: bool, f: &Figures, lang: Lang) -> StatsJson {
    let survey = &session.survey;
    let label = |id: &str| {
        survey
            .question(id)
            .map(|q| q.label.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    // The contract for ℓ: a session's question ids, a CSV's column names.
    let name = |id: &str| if from_json { id.to_owned() } else { label(id) };
    let choices = |id: &str| {
        survey
            .question(id)
            .map(|q| q.choices.iter().map(|c| c.label.clone()).collect())
            .unwrap_or_default()
    };
    StatsJson {
        respondents: f.overall.respondents,
        questions: survey.questions.iter().map(|q| q.label.clone()).collect(),
        quasi_identifiers: f.quasi.iter().map(|id| label(id)).collect(),
        unique_respondents: f.overall.unique,
        unique_share: f.overall.unique_share(),
        k_anonymity: f.overall.k_anonymity,
        classes: f.overall.classes,
        progression: f
            .steps
            .iter()
            .map(|s| StepJson {
                questions: s.questions.iter().map(|id| label(id)).collect(),
                unique: s.unique,
                k_anonymity: s.k_anonymity,
                classes: s.classes,
            })
            .collect(),
        most_identifying_next: f.next.as_ref().map(|(id, unique)| NextJson {
            question: label(id),
            unique: *unique,
        }),
        tallies: f
            .tallies
            .iter()
            .map(|t| TallyJson {
                question: label(&t.question),
                choices: choices(&t.question),
                counts: t.counts.clone(),
                missing: t.missing,
            })
            .collect(),
        crosstab: f.crosstab.as_ref().map(|x| CrossTabJson {
            rows: label(&x.row_question),
            columns: label(&x.col_question),
            row_labels: choices(&x.row_question),
            column_labels: choices(&x.col_question),
            counts: x.counts.clone(),
            total: x.total,
        }),
        l_diversity: f
            .disclosure
            .diversity
            .iter()
            .map(|d| (name(&d.question), d.l))
            .collect(),
        homogeneous_groups: f
            .disclosure
            .homogeneous
            .iter()
            .map(|g| HomogeneousJson {
                quasi: g
                    .quasi_labels(survey, &f.quasi, lang)
                    .into_iter()
                    .zip(&g.quasi)
                    .map(|(text, choice)| choice.map(|_| text))
                    .collect(),
                question: name(&g.question),
                answer: g.answer_label(survey, lang),
                size: g.size,
                answered: g.answered,
            })
            .collect(),
    }
}

fn stats_text(session: &Session, f: &Figures, lang: Lang) -> String {
    let survey = &session.survey;
    let label = |id: &str| {
        survey
            .question(id)
            .map(|q| q.label.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let (tallies, steps, overall, crosstab, next, quasi) =
        (&f.tallies, &f.steps, &f.overall, &f.crosstab, &f.next, &f.quasi);
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
    for t in tallies {
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
    if let Some((id, unique)) = next.clone() {
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
    line(&mut out, String::new());
    line(&mut out, tr(lang, "survey-l-diversity-title"));
    line(&mut out, format!("  {}", tr(lang, "survey-l-diversity-explain")));
    for d in &f.disclosure.diversity {
        line(&mut out, format!("  {}", d.sentence(survey, lang)));
    }
    if f.disclosure.homogeneous.is_empty() {
        line(&mut out, format!("  {}", tr(lang, "survey-no-homogeneous")));
    }
    for g in &f.disclosure.homogeneous {
        line(&mut out, format!("  {}", g.sentence(survey, &f.quasi, lang)));
    }
    out
}
