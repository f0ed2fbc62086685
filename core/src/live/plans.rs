//! Workshops launched live: the steps a pack's activities become, and those of a
//! commune's budget (the budget page launches "Si j'étais maire" by groups with the
//! commune it has loaded: the demo, a file, or any commune of France).
//!
//! Every text of a generated step comes from the catalogue (`plan-*` keys), in the
//! language the facilitator uses.

use crate::budget::explore::mayor::MayorBase;
use crate::budget::explore::tree::{tree, Axis, Side};
use crate::budget::Budget;
use crate::chart::lessons::lesson;
use crate::dataset;
use crate::i18n::{tr, tr_args, Lang};
use crate::pack::model::{Activity, Pack, Statement};
use crate::survey::Survey;

use super::steps::{Debate, Guess, MayorStep, Step, Vote, Words};

/// What launching a pack live needs: its survey (for its Duplo step), its steps, and
/// whether it plays a commune's budget (launched from the budget page, which has the
/// commune: see [`budget_steps`]).
#[derive(Clone, Debug, PartialEq)]
pub struct PackPlan {
    /// The pack's survey, if it has a Duplo activity.
    pub survey: Option<Survey>,
    /// The steps, in the pack's order, ending with the debrief word.
    pub steps: Vec<Step>,
    /// The pack has a budget or "Si j'étais maire" activity.
    pub plays_budget: bool,
}

/// The closing step of every workshop: one word for the debrief.
pub fn closing_words(lang: Lang) -> Step {
    Step::Words(Words {
        question: tr(lang, "plan-words-question"),
    })
}

/// A pack's activities as live steps: its first Duplo questionnaire as itself; each misleading chart of a data
/// activity as a vote between it and its honest version (neutral titles, the
/// misleading one alternately second and first), explained by the pack's note; each
/// statement of a débat mouvant as a debate step; the budget activities are left to
/// [`budget_steps`]; a closing word.
pub fn pack_steps(pack: &Pack, lang: Lang) -> PackPlan {
    let mut plan = PackPlan {
        survey: None,
        steps: Vec::new(),
        plays_budget: false,
    };
    for activity in &pack.activities {
        match activity {
            // A session has one survey: a pack's other questionnaires (a variant for
            // another audience) are launched from the Duplo page.
            Activity::Duplo { survey, .. } => {
                if plan.survey.is_none() {
                    plan.survey = Some(survey.clone());
                    plan.steps.push(Step::Duplo);
                }
            }
            Activity::Budget { .. } | Activity::Maire { .. } => plan.plays_budget = true,
            Activity::Debat { statements } => plan.steps.extend(debate_steps(statements)),
            Activity::Donnees {
                file,
                source,
                csv,
                charts,
                ..
            } => {
                let Ok(ds) = dataset::import(csv.as_bytes()) else {
                    continue;
                };
                let misleading = charts.iter().filter_map(|c| Some((c, c.trick?)));
                for (i, (preset, trick)) in misleading.enumerate() {
                    let mut bad = preset.to_spec(source);
                    let mut good = lesson(&bad, trick, &ds).honest;
                    for spec in [&mut bad, &mut good] {
                        spec.title.clear();
                        spec.subtitle.clear();
                    }
                    let bad_second = i % 2 == 0;
                    let charts = if bad_second {
                        vec![good, bad]
                    } else {
                        vec![bad, good]
                    };
                    plan.steps.push(Step::Vote(Vote {
                        question: tr(lang, "plan-vote-question"),
                        choices: vec![
                            tr(lang, "plan-vote-a"),
                            tr(lang, "plan-vote-b"),
                            tr(lang, "plan-vote-neither"),
                        ],
                        charts,
                        data: format!("{}/{file}", pack.slug),
                        correct: Some(usize::from(bad_second)),
                        explanation: preset.note.clone(),
                    }));
                }
            }
        }
    }
    plan.steps.push(closing_words(lang));
    plan
}

/// A débat mouvant's statements as steps, one each (the arguments stay in the sheets;
/// the landmark is shown once revealed).
pub fn debate_steps(statements: &[Statement]) -> impl Iterator<Item = Step> + '_ {
    statements.iter().map(|s| {
        Step::Debate(Debate {
            statement: s.text.clone(),
            note: s.landmark.clone(),
        })
    })
}

/// The share of real spending (both sections) a budget gives to teaching (fonction 2),
/// per 100 €; `None` when fewer than 9 euros in 10 of its spending carry a fonction
/// (the figure would say more about the file than about the commune).
pub fn schools_per_hundred(budget: &Budget) -> Option<f64> {
    let root = tree(budget, Side::Depenses, Axis::Fonction);
    if root.amount <= 0.0 {
        return None;
    }
    let by = |key: &str| -> f64 {
        root.children
            .iter()
            .flat_map(|section| section.children.iter())
            .filter(|g| g.key == key)
            .map(|g| g.amount)
            .sum()
    };
    let unknown = by("f-");
    if unknown > root.amount / 10.0 {
        return None;
    }
    Some(by("f2") * 100.0 / (root.amount - unknown))
}

/// The budget activities live, for the commune `name` and its `budget`: guess what
/// 100 € fund for schools (when the file says), then "Si j'étais maire" by groups.
pub fn budget_steps(budget: &Budget, name: &str, lang: Lang) -> Vec<Step> {
    // A year, not a number: no thousands separator.
    let year = budget.exercice.to_string();
    let mut steps = Vec::new();
    if let Some(share) = schools_per_hundred(budget) {
        steps.push(Step::Guess(Guess {
            question: tr(lang, "plan-guess-schools"),
            unit: "€".to_owned(),
            min: 0.0,
            max: 100.0,
            answer: Some((share * 10.0).round() / 10.0),
            source: tr_args(
                lang,
                "plan-guess-schools-source",
                &[("commune", name.into()), ("year", year.as_str().into())],
            ),
        }));
    }
    steps.push(Step::Mayor(MayorStep {
        commune: tr_args(
            lang,
            "plan-mayor-commune",
            &[("commune", name.into()), ("year", year.as_str().into())],
        ),
        base: MayorBase::from_budget(budget),
    }));
    steps
}

#[cfg(test)]
mod tests;
