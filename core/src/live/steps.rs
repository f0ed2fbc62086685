//! The steps of a live workshop: one join code, a sequence of activities the facilitator
//! moves through and the phones follow. The Duplo survey is one kind of step; the others
//! are a numeric guess ("Sur 100 € dépensés…"), a vote on a chart (honest or
//! misleading?), a word or short phrase (the debrief), and "Si j'étais maire" played by
//! groups.
//!
//! Each step's definition ([`Step`]) is what the facilitator launched; what a phone
//! sends is an [`Input`] (one per participant and step, changeable while the step is
//! open); what the room and the projector see is [`StepResults`], computed here and
//! only here, from the inputs. A step's answer key (the real figure, the misleading
//! chart, the explanation) leaves the server only once the facilitator reveals it
//! ([`Step::public`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::budget::explore::mayor::{Imprevu, MayorBase, MayorChoices, Poste, POSTES, TOKENS};
use crate::chart::ChartSpec;
use crate::survey::ParticipantId;

pub mod debate;
pub use debate::{Debate, DebateResults, Phase, Stance};

/// Steps of one session, at most.
pub const MAX_STEPS: usize = 30;
/// Characters of a question, a choice, a unit, a source or an explanation.
pub const MAX_TEXT: usize = 300;
/// Characters of an answer in a words step.
pub const MAX_WORDS: usize = 80;
/// Characters of a group's name.
pub const MAX_GROUP: usize = 40;
/// Choices of a vote.
pub const MAX_CHOICES: usize = 8;
/// Bars of a guess's distribution.
pub const GUESS_BINS: usize = 10;

/// One step of a live workshop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Step {
    /// The session's Duplo survey (its questions open and close one by one).
    Duplo,
    /// Guess, then see: a number, the room's guesses, the real figure on demand.
    Guess(Guess),
    /// Honest or misleading? The room votes on charts, then the explanation.
    Vote(Vote),
    /// A word or a short phrase, grouped into a cloud; the facilitator may hide one.
    Words(Words),
    /// "Si j'étais maire" by groups: each group moves the sliders and submits.
    Mayor(MayorStep),
    /// « Débat mouvant »: a statement, sides taken before and after the discussion.
    Debate(Debate),
}

/// A numeric estimate question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Guess {
    /// "Sur 100 € dépensés par la commune, combien pour les écoles ?"
    pub question: String,
    /// Unit shown after the number ("€", "%", "habitants"); may be empty.
    #[serde(default)]
    pub unit: String,
    /// Smallest and largest guess accepted.
    pub min: f64,
    /// Largest guess accepted.
    pub max: f64,
    /// The real figure: required at launch, sent to phones only once revealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<f64>,
    /// Where the real figure comes from (shown with it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// A vote on charts: which one is misleading, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Vote {
    /// "Lequel de ces deux graphiques est trompeur ?"
    pub question: String,
    /// The answers the room chooses from (2 to 8).
    pub choices: Vec<String>,
    /// The charts the projector shows (drawn from `data`), in the order the choices
    /// name them; their titles are the neutral ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<ChartSpec>,
    /// The table the charts are drawn from: a pack's slug and the data file in it
    /// (`lire-un-graphique/donnees/mediatheque-briqueville.csv`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data: String,
    /// Index of the right choice: sent to phones only once revealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct: Option<usize>,
    /// The lesson's explanation: sent to phones only once revealed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub explanation: String,
}

/// A word or short phrase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Words {
    /// "En un mot : qu'emportez-vous de cet atelier ?"
    pub question: String,
}

/// "Si j'étais maire" for groups.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MayorStep {
    /// The commune and year played ("Briqueville (démo), 2023").
    pub commune: String,
    /// Its actual budget: the starting point and the constraints.
    pub base: MayorBase,
}

/// What a phone sends for a step other than Duplo.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Input {
    /// A guess.
    Guess {
        /// The number guessed.
        value: f64,
    },
    /// A vote: the index of a choice.
    Vote {
        /// Index in [`Vote::choices`].
        choice: usize,
    },
    /// A word or short phrase.
    Words {
        /// As typed (trimmed).
        text: String,
    },
    /// A group's proposal.
    Mayor {
        /// The group's name, chosen on the device.
        group: String,
        /// Its choices.
        choices: MayorChoices,
    },
    /// A side in a débat mouvant: a phone sends the open phase's only; the server keeps
    /// both ([`debate::merge`]).
    Debate {
        /// Before the discussion.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        before: Option<Stance>,
        /// After it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<Stance>,
    },
}

/// Why a step definition or an input is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepProblem {
    /// More than [`MAX_STEPS`] steps.
    TooManySteps,
    /// Step `n` (from 1) is not valid: what is wrong, in French, for the facilitator.
    InvalidStep {
        /// Position from 1.
        step: usize,
        /// Catalogue key of the reason.
        reason: &'static str,
    },
    /// No step has this index.
    UnknownStep,
    /// The input is not of this step's kind.
    WrongKind,
    /// The input is out of the step's bounds (value, choice, text length).
    OutOfBounds,
}

fn text_ok(text: &str, max: usize) -> bool {
    text.chars().count() <= max
}

impl Step {
    /// The step's kind as its code (`duplo`, `guess`, `vote`, `words`, `mayor`).
    pub fn kind(&self) -> &'static str {
        match self {
            Step::Duplo => "duplo",
            Step::Guess(_) => "guess",
            Step::Vote(_) => "vote",
            Step::Words(_) => "words",
            Step::Mayor(_) => "mayor",
            Step::Debate(_) => "debate",
        }
    }

    /// The step's question, for lists and exports (empty for Duplo: its survey has them).
    pub fn question(&self) -> &str {
        match self {
            Step::Duplo => "",
            Step::Guess(g) => &g.question,
            Step::Vote(v) => &v.question,
            Step::Words(w) => &w.question,
            Step::Mayor(m) => &m.commune,
            Step::Debate(d) => &d.statement,
        }
    }

    /// Checks a definition at launch; `Err` names the catalogue key of what is wrong.
    pub fn check(&self) -> Result<(), &'static str> {
        let question = self.question();
        if !matches!(self, Step::Duplo) && (question.trim().is_empty() || !text_ok(question, MAX_TEXT)) {
            return Err("step-error-question");
        }
        match self {
            Step::Duplo | Step::Words(_) => Ok(()),
            Step::Debate(d) => d.check(),
            Step::Guess(g) => {
                let answer = g.answer.ok_or("step-error-guess-answer")?;
                if !(g.min.is_finite() && g.max.is_finite() && g.min < g.max) {
                    return Err("step-error-guess-bounds");
                }
                if !(answer.is_finite() && g.min <= answer && answer <= g.max) {
                    return Err("step-error-guess-answer");
                }
                if !text_ok(&g.unit, 20) || !text_ok(&g.source, MAX_TEXT) {
                    return Err("step-error-text");
                }
                Ok(())
            }
            Step::Vote(v) => {
                if v.choices.len() < 2 || v.choices.len() > MAX_CHOICES {
                    return Err("step-error-vote-choices");
                }
                if v.choices
                    .iter()
                    .any(|c| c.trim().is_empty() || !text_ok(c, MAX_TEXT))
                {
                    return Err("step-error-text");
                }
                if v.correct.is_some_and(|c| c >= v.choices.len()) {
                    return Err("step-error-vote-correct");
                }
                if v.charts.len() > MAX_CHOICES || !text_ok(&v.explanation, 2 * MAX_TEXT) {
                    return Err("step-error-text");
                }
                // `pack slug/file in the pack`: the projector draws the charts from the
                // pack's own data.
                let data_ok = v.data.is_empty()
                    || (v.data.contains('/')
                        && !v.data.starts_with('/')
                        && !v.data.contains("..")
                        && v.data.len() <= 200
                        && v.data.bytes().all(|b| b.is_ascii_graphic()));
                if !data_ok || (!v.charts.is_empty() && v.data.is_empty()) {
                    return Err("step-error-vote-data");
                }
                Ok(())
            }
            Step::Mayor(m) => {
                let b = &m.base;
                let finite = b.jeton.is_finite()
                    && b.jeton > 0.0
                    && b.remboursement.is_finite()
                    && b.impots_locaux.is_finite()
                    && b.postes.iter().all(|(_, e, _)| e.is_finite());
                let tokens: u32 = b.postes.iter().map(|(.., t)| t).sum();
                let distinct = b
                    .postes
                    .iter()
                    .enumerate()
                    .all(|(i, (p, ..))| b.postes[..i].iter().all(|(q, ..)| q != p));
                if !finite || b.postes.len() > POSTES.len() || tokens != TOKENS || !distinct {
                    return Err("step-error-mayor-base");
                }
                Ok(())
            }
        }
    }

    /// The definition as phones may see it: the answer key only when `revealed`.
    pub fn public(&self, revealed: bool) -> Step {
        let mut step = self.clone();
        if !revealed {
            match &mut step {
                Step::Guess(g) => {
                    g.answer = None;
                    g.source.clear();
                }
                Step::Vote(v) => {
                    v.correct = None;
                    v.explanation.clear();
                }
                Step::Debate(d) => d.note.clear(),
                _ => {}
            }
        }
        step
    }

    /// Checks an input against this step; returns it normalised (trimmed text).
    pub fn accept(&self, input: Input) -> Result<Input, StepProblem> {
        match (self, input) {
            (Step::Guess(g), Input::Guess { value }) => {
                if value.is_finite() && g.min <= value && value <= g.max {
                    Ok(Input::Guess { value })
                } else {
                    Err(StepProblem::OutOfBounds)
                }
            }
            (Step::Vote(v), Input::Vote { choice }) => {
                if choice < v.choices.len() {
                    Ok(Input::Vote { choice })
                } else {
                    Err(StepProblem::OutOfBounds)
                }
            }
            (Step::Words(_), Input::Words { text }) => {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.is_empty() || !text_ok(&text, MAX_WORDS) {
                    Err(StepProblem::OutOfBounds)
                } else {
                    Ok(Input::Words { text })
                }
            }
            (Step::Mayor(m), Input::Mayor { group, choices }) => {
                let group = group.split_whitespace().collect::<Vec<_>>().join(" ");
                let known = |p: &Poste| m.base.postes.iter().any(|(q, ..)| q == p);
                let ok = !group.is_empty()
                    && text_ok(&group, MAX_GROUP)
                    && choices.jetons.iter().all(|(p, t)| known(p) && *t <= 2 * TOKENS)
                    && choices.impot <= TOKENS;
                if ok {
                    Ok(Input::Mayor { group, choices })
                } else {
                    Err(StepProblem::OutOfBounds)
                }
            }
            (Step::Debate(_), Input::Debate { before, after }) => debate::accept(before, after),
            _ => Err(StepProblem::WrongKind),
        }
    }
}

/// Checks a whole sequence at launch.
pub fn check_steps(steps: &[Step]) -> Result<(), StepProblem> {
    if steps.len() > MAX_STEPS {
        return Err(StepProblem::TooManySteps);
    }
    for (i, step) in steps.iter().enumerate() {
        step.check()
            .map_err(|reason| StepProblem::InvalidStep { step: i + 1, reason })?;
    }
    Ok(())
}

/// One bar of a guess's distribution: guesses in `[from, to)` (the last bar includes `to`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bin {
    /// Lower bound.
    pub from: f64,
    /// Upper bound.
    pub to: f64,
    /// Guesses in it.
    pub count: usize,
}

/// A word form and how many gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordCount {
    /// The form shown: the most frequent spelling in the group (the first given on a tie).
    pub text: String,
    /// Answers grouped under it.
    pub count: usize,
}

/// What a budget comes to, for the projector's side-by-side comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    /// Tokens by line, in the order of the base (an average has decimals).
    pub jetons: Vec<(Poste, f64)>,
    /// Tax rise, tokens.
    pub impot: f64,
    /// The unforeseen card the group applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imprevu: Option<Imprevu>,
}

/// One group's proposal as the room sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// The group's name.
    pub group: String,
    /// What its choices come to.
    pub allocation: Allocation,
    /// The rules it breaks (codes: `equilibre`, `interets`, `autofinancement`, `baisse`,
    /// `impot`, `imprevu`); empty when the budget holds.
    pub problems: Vec<String>,
}

/// A step's results (what the projector shows, and phones once revealed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum StepResults {
    /// The room's guesses.
    Guess {
        /// How many guessed.
        count: usize,
        /// Median guess.
        median: Option<f64>,
        /// Distribution over the step's range, [`GUESS_BINS`] bars.
        bins: Vec<Bin>,
        /// The real figure, when revealed.
        answer: Option<f64>,
    },
    /// The votes.
    Vote {
        /// Votes per choice.
        counts: Vec<usize>,
        /// The right choice, when revealed.
        correct: Option<usize>,
    },
    /// The words, most frequent first (hidden answers left out).
    Words {
        /// Grouped forms.
        words: Vec<WordCount>,
        /// Answers in all (shown ones).
        count: usize,
    },
    /// The groups' proposals beside the actual budget.
    Mayor {
        /// The actual budget.
        actual: Allocation,
        /// The average of the proposals (none yet: `None`).
        average: Option<Allocation>,
        /// Each group's latest proposal, groups in the order of their devices'
        /// participant numbers.
        groups: Vec<Proposal>,
    },
    /// A débat mouvant's sides before and after, and the moves once revealed.
    Debate(DebateResults),
}

/// The key under which French word forms are grouped: lower case, accents and
/// punctuation at the ends removed, spaces collapsed, a plural `s` or `x` dropped from
/// words of more than three letters ("Vie privée", "vie privee", "VIES PRIVÉES" group).
pub fn word_key(text: &str) -> String {
    let folded: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(crate::i18n::fold_accent)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded
        .split_whitespace()
        .map(|word| {
            let n = word.chars().count();
            match word.strip_suffix(['s', 'x']) {
                Some(stem) if n > 3 => stem,
                _ => word,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Groups answers by [`word_key`], most frequent first (ties: the first given first).
pub fn group_words<'a>(answers: impl IntoIterator<Item = &'a str>) -> Vec<WordCount> {
    // key → (first position, count, spelling → (count, first position))
    type Group<'a> = (usize, usize, BTreeMap<&'a str, (usize, usize)>);
    let mut groups: BTreeMap<String, Group<'a>> = BTreeMap::new();
    for (i, text) in answers.into_iter().enumerate() {
        let key = word_key(text);
        if key.is_empty() {
            continue;
        }
        let group = groups.entry(key).or_insert((i, 0, BTreeMap::new()));
        group.1 += 1;
        let spelling = group.2.entry(text).or_insert((0, i));
        spelling.0 += 1;
    }
    let mut out: Vec<(usize, WordCount)> = groups
        .into_values()
        .map(|(first, count, spellings)| {
            let text = spellings
                .iter()
                .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
                .map(|(s, _)| (*s).to_owned())
                .unwrap_or_default();
            (first, WordCount { text, count })
        })
        .collect();
    crate::sorting::sort_by(&mut out, |a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
    out.into_iter().map(|(_, w)| w).collect()
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// The distribution of guesses over `[min, max]` in [`GUESS_BINS`] equal bars.
pub fn guess_bins(min: f64, max: f64, values: &[f64]) -> Vec<Bin> {
    let width = (max - min) / GUESS_BINS as f64;
    let mut bins: Vec<Bin> = (0..GUESS_BINS)
        .map(|i| Bin {
            from: min + width * i as f64,
            to: if i + 1 == GUESS_BINS {
                max
            } else {
                min + width * (i + 1) as f64
            },
            count: 0,
        })
        .collect();
    for v in values {
        if !(min..=max).contains(v) || width <= 0.0 {
            continue;
        }
        let i = (((v - min) / width) as usize).min(GUESS_BINS - 1);
        bins[i].count += 1;
    }
    bins
}

fn allocation(base: &MayorBase, choices: &MayorChoices) -> (Allocation, Vec<String>) {
    let outcome = base.evaluate(choices);
    let problems = outcome.problems.iter().map(|p| p.code().to_owned()).collect();
    (
        Allocation {
            jetons: outcome.jetons.iter().map(|(p, t)| (*p, f64::from(*t))).collect(),
            impot: f64::from(outcome.impot),
            imprevu: choices.imprevu,
        },
        problems,
    )
}

/// Inputs of one step: participant → input, with those the facilitator hid.
pub struct StepInputs<'a> {
    /// Every input of the step.
    pub inputs: &'a BTreeMap<ParticipantId, Input>,
    /// Participants whose answer is hidden (words steps).
    pub hidden: &'a BTreeSet<ParticipantId>,
}

/// Computes a step's results; `revealed` adds the answer key. `None` for Duplo (its
/// results are the survey's).
pub fn results(step: &Step, inputs: StepInputs<'_>, revealed: bool) -> Option<StepResults> {
    let all = inputs.inputs.iter();
    Some(match step {
        Step::Duplo => return None,
        Step::Guess(g) => {
            let mut values: Vec<f64> = all
                .filter_map(|(_, i)| match i {
                    Input::Guess { value } => Some(*value),
                    _ => None,
                })
                .collect();
            StepResults::Guess {
                count: values.len(),
                bins: guess_bins(g.min, g.max, &values),
                median: median(&mut values),
                answer: if revealed { g.answer } else { None },
            }
        }
        Step::Vote(v) => {
            let mut counts = vec![0; v.choices.len()];
            for (_, input) in all {
                if let Input::Vote { choice } = input {
                    if let Some(n) = counts.get_mut(*choice) {
                        *n += 1;
                    }
                }
            }
            StepResults::Vote {
                counts,
                correct: if revealed { v.correct } else { None },
            }
        }
        Step::Words(_) => {
            let shown: Vec<&str> = all
                .filter(|(p, _)| !inputs.hidden.contains(p))
                .filter_map(|(_, i)| match i {
                    Input::Words { text } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            StepResults::Words {
                count: shown.len(),
                words: group_words(shown),
            }
        }
        Step::Mayor(m) => {
            // One proposal per group name (case and accents aside; of two devices under
            // one name, the higher participant number's), groups in the order of their
            // first device's participant number.
            // (key, name as last written, choices)
            let mut by_group: Vec<(String, &String, &MayorChoices)> = Vec::new();
            for (_, input) in all {
                if let Input::Mayor { group, choices } = input {
                    let key = word_key(group);
                    match by_group.iter_mut().find(|(k, ..)| *k == key) {
                        Some(slot) => (slot.1, slot.2) = (group, choices),
                        None => by_group.push((key, group, choices)),
                    }
                }
            }
            let groups: Vec<Proposal> = by_group
                .iter()
                .map(|(_, group, choices)| {
                    let (allocation, problems) = allocation(&m.base, choices);
                    Proposal {
                        group: (*group).clone(),
                        allocation,
                        problems,
                    }
                })
                .collect();
            let average = average(&groups);
            StepResults::Mayor {
                actual: allocation(&m.base, &MayorChoices::actual(&m.base)).0,
                average,
                groups,
            }
        }
        Step::Debate(_) => StepResults::Debate(debate::results(
            all.filter(|(p, _)| !inputs.hidden.contains(p)),
            revealed,
        )),
    })
}

/// The mean of the groups' allocations, line by line.
fn average(groups: &[Proposal]) -> Option<Allocation> {
    let first = &groups.first()?.allocation;
    let n = groups.len() as f64;
    let mean = |f: &dyn Fn(&Allocation) -> f64| groups.iter().map(|g| f(&g.allocation)).sum::<f64>() / n;
    Some(Allocation {
        jetons: first
            .jetons
            .iter()
            .enumerate()
            .map(|(i, (p, _))| (*p, mean(&|a: &Allocation| a.jetons.get(i).map_or(0.0, |d| d.1))))
            .collect(),
        impot: mean(&|a| a.impot),
        imprevu: None,
    })
}

#[cfg(test)]
mod tests;
