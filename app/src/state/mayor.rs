//! State of "Si j'étais maire": the group's choices, the proposals saved on this device,
//! the group name being typed and the last notice. Pure: the component writes the
//! proposals to local storage in an effect when [`MayorState::writes`] changes, and
//! dispatches what the browser said ([`MayorAction::Written`]); a proposal that could not
//! be saved stays on screen.

use std::rc::Rc;

use briques_core::budget::explore::{Imprevu, MayorBase, MayorChoices, Poste, TOKENS};
use briques_core::i18n::{tr, tr_args, Lang};
use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::services::storage::SaveError;

/// A group name is cut to this many characters.
pub const GROUP_MAX_CHARS: usize = 60;

/// A group's saved proposal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// The group's name.
    pub group: String,
    /// Commune and year the proposal is about.
    pub commune: String,
    /// Exercice.
    pub exercice: i32,
    /// The choices.
    pub choices: MayorChoices,
}

/// What was written last, so the answer of the storage can be told.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Write {
    /// A group's proposal.
    Proposal { group: String },
    /// The proposals of a commune and year were cleared.
    Clear,
}

/// A message after saving or clearing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MayorNotice {
    /// The group has no name.
    GroupMissing,
    /// The proposal is saved on this device.
    Saved { group: String },
    /// The proposal is shown but could not be saved.
    NotSaved { group: String, error: SaveError },
    /// The proposals are cleared on screen but the stored list could not be rewritten.
    NotCleared { error: SaveError },
}

impl MayorNotice {
    /// Whether the notice tells of a failure (an assertive live region announces it).
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            MayorNotice::NotSaved { .. } | MayorNotice::NotCleared { .. }
        )
    }

    /// The notice's text.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            MayorNotice::GroupMissing => tr(lang, "mayor-group-missing"),
            MayorNotice::Saved { group } => tr_args(lang, "mayor-group-saved", &[("group", group.into())]),
            MayorNotice::NotSaved { group, error } => tr_args(
                lang,
                "mayor-group-not-saved",
                &[
                    ("group", group.into()),
                    ("reason", tr(lang, error.message_key()).as_str().into()),
                ],
            ),
            MayorNotice::NotCleared { error } => tr(lang, error.message_key()),
        }
    }
}

/// The game's state.
#[derive(Clone, Debug, PartialEq)]
pub struct MayorState {
    /// The group's choices.
    pub choices: MayorChoices,
    /// Every proposal saved on this device (all communes and years).
    pub proposals: Rc<Vec<Proposal>>,
    /// The group name as typed.
    pub group: String,
    /// The last notice.
    pub notice: Option<MayorNotice>,
    /// Bumped each time the proposals must be written to storage.
    pub writes: u32,
    written: Option<Write>,
}

/// Everything the game can do.
#[derive(Clone, Debug, PartialEq)]
pub enum MayorAction {
    /// Start again from the actual budget (a new commune or year, or the reset button).
    Reset { base: Rc<MayorBase> },
    /// Lay `tokens` on a line.
    Tokens { poste: Poste, tokens: u32 },
    /// Raise the local taxes by `tokens`.
    Tax { tokens: u32 },
    /// The unforeseen card drawn (none: `None`).
    Card { card: Option<Imprevu> },
    /// The group name was typed.
    NameGroup { name: String },
    /// Save the group's proposal for this commune and year.
    Save { commune: String, exercice: i32 },
    /// Clear the proposals of this commune and year (the user confirmed).
    Clear { commune: String, exercice: i32 },
    /// What the storage said about the last write.
    Written { result: Result<(), SaveError> },
}

impl MayorState {
    /// The actual budget's choices and the proposals read from storage.
    pub fn new(base: &MayorBase, proposals: Vec<Proposal>) -> MayorState {
        MayorState {
            choices: MayorChoices::actual(base),
            proposals: Rc::new(proposals),
            group: String::new(),
            notice: None,
            writes: 0,
            written: None,
        }
    }

    /// The proposals about this commune and year, in the order they were saved.
    pub fn proposals_for<'a>(
        &'a self,
        commune: &'a str,
        exercice: i32,
    ) -> impl Iterator<Item = &'a Proposal> {
        self.proposals
            .iter()
            .filter(move |p| p.commune == commune && p.exercice == exercice)
    }

    fn write(&mut self, written: Write) {
        self.written = Some(written);
        self.writes = self.writes.wrapping_add(1);
    }

    /// Applies an action; returns `None` when nothing changed.
    fn apply(&self, action: MayorAction) -> Option<MayorState> {
        let mut next = self.clone();
        // More than twice the whole budget on one line is a typing slip, not a choice.
        let clamp = |tokens: u32| tokens.min(2 * TOKENS);
        let choices = &mut next.choices;
        match action {
            MayorAction::Reset { base } => *choices = MayorChoices::actual(&base),
            MayorAction::Tokens { poste, tokens } => {
                choices.jetons.insert(poste, clamp(tokens));
            }
            MayorAction::Tax { tokens } => choices.impot = clamp(tokens),
            MayorAction::Card { card } => choices.imprevu = card,
            MayorAction::NameGroup { name } => {
                if name == self.group {
                    return None;
                }
                next.group = name;
                return Some(next);
            }
            MayorAction::Save { commune, exercice } => {
                let group: String = self.group.trim().chars().take(GROUP_MAX_CHARS).collect();
                if group.is_empty() {
                    return next.tell(MayorNotice::GroupMissing);
                }
                let list = Rc::make_mut(&mut next.proposals);
                list.retain(|p| !(p.group == group && p.commune == commune && p.exercice == exercice));
                list.push(Proposal {
                    group: group.clone(),
                    commune,
                    exercice,
                    choices: self.choices.clone(),
                });
                next.write(Write::Proposal { group });
                return Some(next);
            }
            MayorAction::Clear { commune, exercice } => {
                Rc::make_mut(&mut next.proposals)
                    .retain(|p| !(p.commune == commune && p.exercice == exercice));
                next.write(Write::Clear);
                return Some(next);
            }
            MayorAction::Written { result } => {
                let notice = match (self.written.as_ref()?, result) {
                    (Write::Proposal { group }, Ok(())) => MayorNotice::Saved { group: group.clone() },
                    (Write::Proposal { group }, Err(error)) => MayorNotice::NotSaved {
                        group: group.clone(),
                        error,
                    },
                    (Write::Clear, Ok(())) => return None,
                    (Write::Clear, Err(error)) => MayorNotice::NotCleared { error },
                };
                return next.tell(notice);
            }
        }
        // The choices changed, unless a line went back to where it was.
        (next.choices != self.choices).then_some(next)
    }

    /// This state with `notice`, or `None` when it is already the one shown.
    fn tell(mut self, notice: MayorNotice) -> Option<MayorState> {
        if self.notice.as_ref() == Some(&notice) {
            return None;
        }
        self.notice = Some(notice);
        Some(self)
    }
}

impl Reducible for MayorState {
    type Action = MayorAction;

    fn reduce(self: Rc<Self>, action: MayorAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            // Same Rc: Yew skips the re-render.
            None => self,
        }
    }
}

/// The tokens `choices` lay on `poste` (its actual tokens when untouched).
pub fn tokens(base: &MayorBase, choices: &MayorChoices, poste: Poste) -> u32 {
    choices
        .jetons
        .get(&poste)
        .copied()
        .unwrap_or_else(|| base.reel(poste))
}

/// The comparison of the actual budget with the groups' proposals: column headings (the
/// actual budget first) and one row per line (label, one cell per column).
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The columns after the line labels.
    pub columns: Vec<String>,
    /// Each row: its label and its cells.
    pub rows: Vec<(String, Vec<String>)>,
}

/// Compares the groups' `proposals` with the actual budget, in tokens.
pub fn comparison<'a>(
    lang: Lang,
    base: &MayorBase,
    proposals: impl IntoIterator<Item = &'a Proposal>,
) -> Comparison {
    let actual = MayorChoices::actual(base);
    let all: Vec<(String, &MayorChoices)> = std::iter::once((tr(lang, "mayor-actual"), &actual))
        .chain(proposals.into_iter().map(|p| (p.group.clone(), &p.choices)))
        .collect();
    let outcomes: Vec<_> = all.iter().map(|(_, c)| base.evaluate(c)).collect();
    let mut rows: Vec<(String, Vec<String>)> = base
        .postes
        .iter()
        .map(|(poste, ..)| {
            let cells = all
                .iter()
                .map(|(_, c)| {
                    let t = tokens(base, c, *poste);
                    let moved = i64::from(t) - i64::from(base.reel(*poste));
                    if moved == 0 {
                        t.to_string()
                    } else {
                        format!("{t} ({moved:+})")
                    }
                })
                .collect();
            (tr(lang, &poste.key()), cells)
        })
        .collect();
    rows.push((
        tr(lang, "game-tax"),
        all.iter().map(|(_, c)| format!("+{}", c.impot)).collect(),
    ));
    rows.push((
        tr(lang, "game-card"),
        all.iter()
            .map(|(_, c)| {
                c.imprevu
                    .map_or_else(|| "—".to_owned(), |card| tr(lang, &card.key()))
            })
            .collect(),
    ));
    rows.push((
        tr(lang, "mayor-rules"),
        outcomes
            .iter()
            .map(|o| {
                if o.problems.is_empty() {
                    tr(lang, "mayor-rules-ok")
                } else {
                    tr_args(lang, "mayor-rules-broken", &[("count", o.problems.len().into())])
                }
            })
            .collect(),
    ));
    Comparison {
        columns: all.into_iter().map(|(name, _)| name).collect(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use briques_core::budget::Budget;

    use super::*;
    use crate::state::budget::Loaded;

    fn base() -> Rc<MayorBase> {
        let bytes = include_bytes!("../../../www/demo/briqueville-ca-2024.xml");
        let (loaded, _) = Loaded::from_file(bytes, Lang::Fr).expect("the demo commune imports");
        let budget: &Budget = loaded.budget(None).expect("a budget");
        Rc::new(MayorBase::from_budget(budget))
    }

    fn fresh() -> Rc<MayorState> {
        Rc::new(MayorState::new(&base(), Vec::new()))
    }

    fn save(state: Rc<MayorState>, group: &str) -> Rc<MayorState> {
        state
            .reduce(MayorAction::NameGroup { name: group.into() })
            .reduce(MayorAction::Save {
                commune: "Briqueville".into(),
                exercice: 2024,
            })
    }

    #[test]
    fn a_saved_proposal_is_written_then_announced() {
        let state = fresh().reduce(MayorAction::Tokens {
            poste: Poste::Ecole,
            tokens: 900,
        });
        assert_eq!(state.choices.jetons[&Poste::Ecole], 2 * TOKENS, "clamped");
        let state = save(state, "  Les Bleus ");
        assert_eq!(state.writes, 1, "the effect writes the list");
        assert_eq!(state.proposals[0].group, "Les Bleus");
        assert_eq!(state.notice, None, "told once the storage has answered");
        let state = state.reduce(MayorAction::Written { result: Ok(()) });
        let notice = state.notice.clone().expect("a notice");
        assert!(!notice.is_failure());
        assert_eq!(
            notice.text(Lang::Fr),
            "Proposition du groupe « Les Bleus » enregistrée sur cet appareil."
        );
        // Saving again under the same name replaces the proposal.
        let state = save(state, "Les Bleus");
        assert_eq!(state.proposals.len(), 1);
        assert_eq!(state.writes, 2);
    }

    #[test]
    fn a_proposal_that_cannot_be_saved_stays_on_screen_and_says_why() {
        let state = save(fresh(), "Les Verts").reduce(MayorAction::Written {
            result: Err(SaveError::Full),
        });
        assert_eq!(
            state.proposals_for("Briqueville", 2024).count(),
            1,
            "still compared"
        );
        let notice = state.notice.clone().expect("a notice");
        assert!(notice.is_failure());
        assert_eq!(
            notice.text(Lang::Fr),
            "La proposition du groupe « Les Verts » est affichée mais n'a pas pu être enregistrée : \
             le stockage du navigateur est plein. Rien n'est perdu à l'écran : exportez ou notez ce \
             qui compte avant de fermer la page."
        );
        let table = comparison(Lang::Fr, &base(), state.proposals_for("Briqueville", 2024));
        assert_eq!(table.columns, vec!["Budget réel", "Les Verts"]);
    }

    #[test]
    fn a_group_needs_a_name_and_clearing_keeps_other_communes() {
        let state = save(fresh(), "   ");
        assert_eq!(state.notice, Some(MayorNotice::GroupMissing));
        assert_eq!(state.writes, 0);
        let other = Proposal {
            group: "Ailleurs".into(),
            commune: "Tourville".into(),
            exercice: 2024,
            choices: MayorChoices::actual(&base()),
        };
        let state = Rc::new(MayorState::new(&base(), vec![other]));
        let state = save(state, "Les Bleus").reduce(MayorAction::Clear {
            commune: "Briqueville".into(),
            exercice: 2024,
        });
        assert_eq!(state.proposals.len(), 1);
        assert_eq!(state.proposals[0].commune, "Tourville");
        let same = state.clone().reduce(MayorAction::Written { result: Ok(()) });
        assert!(Rc::ptr_eq(&state, &same), "a cleared list says nothing");
        let failed = state.reduce(MayorAction::Written {
            result: Err(SaveError::Unavailable),
        });
        assert!(failed.notice.as_ref().is_some_and(MayorNotice::is_failure));
    }

    #[test]
    fn reset_goes_back_to_the_actual_budget() {
        let state = fresh()
            .reduce(MayorAction::Tax { tokens: 2 })
            .reduce(MayorAction::Card {
                card: Some(Imprevu::Classe),
            });
        assert_eq!(state.choices.impot, 2);
        let state = state.reduce(MayorAction::Reset { base: base() });
        assert_eq!(state.choices, MayorChoices::actual(&base()));
        let same = state.clone().reduce(MayorAction::Reset { base: base() });
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn the_comparison_reads_each_line_for_each_group() {
        let base = base();
        let mut choices = MayorChoices::actual(&base);
        let school = base.reel(Poste::Ecole);
        choices.jetons.insert(Poste::Ecole, school + 2);
        choices.impot = 2;
        let proposal = Proposal {
            group: "Les Verts".into(),
            commune: "Briqueville".into(),
            exercice: 2024,
            choices,
        };
        let table = comparison(Lang::Fr, &base, [&proposal]);
        let labels: Vec<&str> = table.rows.iter().map(|(label, _)| label.as_str()).collect();
        assert_eq!(labels.len(), base.postes.len() + 3);
        assert_eq!(labels[0], "École et périscolaire");
        assert!(
            labels.iter().all(|l| !l.contains('-')),
            "every label is in the catalogue: {labels:?}"
        );
        assert_eq!(
            table.rows[0].1,
            vec![school.to_string(), format!("{} (+2)", school + 2)]
        );
        let rules = &table.rows.last().expect("the rules row").1;
        assert_eq!(rules, &vec!["respectées".to_owned(), "respectées".to_owned()]);
        let tax = &table.rows[base.postes.len()].1;
        assert_eq!(tax, &vec!["+0".to_owned(), "+2".to_owned()]);
    }
}
