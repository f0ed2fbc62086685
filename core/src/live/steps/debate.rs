//! « Débat mouvant »: a statement, the room takes sides once before the discussion
//! (phase « avant ») and once after it (phase « après »); the facilitator moves the
//! phase. Each participant's input holds both answers: a phone sends the answer of the
//! open phase only, and the server keeps the other one ([`merge`]). The results count
//! each side before and after, and, once revealed, how many went from one side to
//! another: counts only, never who.

use serde::{Deserialize, Serialize};

use super::{text_ok, Input, StepProblem, MAX_TEXT};
use crate::survey::ParticipantId;

/// One statement of a débat mouvant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Debate {
    /// « Je n'ai rien à cacher, donc la surveillance ne me concerne pas. »
    pub statement: String,
    /// The debrief's landmark (a legal text, a fact, with its source): sent to phones
    /// only once revealed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A side of the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// D'accord.
    Agree,
    /// Pas d'accord.
    Disagree,
    /// Sans avis (the middle of the room).
    Undecided,
}

impl Stance {
    /// Every side, in the order of the results' counts.
    pub const ALL: [Stance; 3] = [Stance::Agree, Stance::Disagree, Stance::Undecided];

    /// The code (`agree`, `disagree`, `undecided`), which ends the `debate-stance-…` keys.
    pub fn code(self) -> &'static str {
        match self {
            Stance::Agree => "agree",
            Stance::Disagree => "disagree",
            Stance::Undecided => "undecided",
        }
    }

    /// Position in [`Stance::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The phase a debate step is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// Before the discussion.
    #[default]
    Before,
    /// After it.
    After,
}

impl Debate {
    /// Checks the definition at launch (the statement is checked as every question).
    pub fn check(&self) -> Result<(), &'static str> {
        if text_ok(&self.note, 2 * MAX_TEXT) {
            Ok(())
        } else {
            Err("step-error-text")
        }
    }
}

/// Checks a phone's answer: exactly one phase answered.
pub fn accept(before: Option<Stance>, after: Option<Stance>) -> Result<Input, StepProblem> {
    match (before, after) {
        (Some(_), None) | (None, Some(_)) => Ok(Input::Debate { before, after }),
        _ => Err(StepProblem::OutOfBounds),
    }
}

/// Whether `input` answers the phase that is open (`Some(true)`), another phase
/// (`Some(false)`), or is not a debate answer (`None`).
pub fn answers_phase(input: &Input, phase: Phase) -> Option<bool> {
    match input {
        Input::Debate { before, after } => Some(match phase {
            Phase::Before => before.is_some() && after.is_none(),
            Phase::After => after.is_some() && before.is_none(),
        }),
        _ => None,
    }
}

/// A participant's input once a new answer is recorded: a debate answer keeps the
/// other phase's answer from `previous`; any other input replaces it.
pub fn merge(previous: Option<&Input>, input: Input) -> Input {
    match (previous, input) {
        (
            Some(Input::Debate {
                before: b0,
                after: a0,
            }),
            Input::Debate { before, after },
        ) => Input::Debate {
            before: before.or(*b0),
            after: after.or(*a0),
        },
        (_, input) => input,
    }
}

/// A debate's results: the sides before and after (in [`Stance::ALL`] order) and, once
/// revealed, the moves (`moves[from][to]`: participants who answered `from` before and
/// `to` after; the diagonal are those who stayed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebateResults {
    /// Answers per side before the discussion.
    pub before: [usize; 3],
    /// Answers per side after it.
    pub after: [usize; 3],
    /// Participants who answered both times.
    pub both: usize,
    /// The moves, when revealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moves: Option<[[usize; 3]; 3]>,
}

impl DebateResults {
    /// Participants who changed sides (revealed results only).
    pub fn changed(&self) -> Option<usize> {
        let moves = self.moves?;
        Some(
            (0..3)
                .flat_map(|from| (0..3).map(move |to| (from, to)))
                .filter(|(from, to)| from != to)
                .map(|(from, to)| moves[from][to])
                .sum(),
        )
    }
}

/// Counts the answers of a debate step (hidden participants left out).
pub fn results<'a>(
    inputs: impl IntoIterator<Item = (&'a ParticipantId, &'a Input)>,
    revealed: bool,
) -> DebateResults {
    let mut out = DebateResults {
        before: [0; 3],
        after: [0; 3],
        both: 0,
        moves: None,
    };
    let mut moves = [[0; 3]; 3];
    for (_, input) in inputs {
        if let Input::Debate { before, after } = input {
            if let Some(b) = before {
                out.before[b.index()] += 1;
            }
            if let Some(a) = after {
                out.after[a.index()] += 1;
            }
            if let (Some(b), Some(a)) = (before, after) {
                out.both += 1;
                moves[b.index()][a.index()] += 1;
            }
        }
    }
    if revealed {
        out.moves = Some(moves);
    }
    out
}

#[cfg(test)]
mod tests;
