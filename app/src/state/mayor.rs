//! State of "Si j'étais maire": the group's choices, the proposals saved on this device,
//! the group name being typed and the last notice. Pure: the component writes the
//! proposals to local storage in an effect when [`MayorState::writes`] changes, and
//! dispatches what the browser said ([`MayorAction::Written`]); a proposal that could not
//! be saved stays on screen.

use std::rc::Rc;

use briques_core::budget::explore::{
    parse_euros, MayorBase, MayorChoices, Outcome, MAYOR_CATEGORIES, MAYOR_RANGE,
};
use briques_core::budget::nomenclature::Category;
use briques_core::i18n::{format_number, tr, tr_args, Lang};
use serde::{Deserialize, Serialize};
use yew::Reducible;

use super::budget::euros;
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
    /// The new loans field holds something that is not an amount.
    LoanInvalid,
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
            MayorNotice::LoanInvalid => tr(lang, "mayor-loan-fix"),
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
    /// The new loans field as typed, while it is being typed or when it is refused
    /// (`None`: the field shows the amount of the choices, formatted).
    pub loan_text: Option<String>,
    /// Whether the text of the new loans field is refused (not an amount): the amount
    /// of the choices stays what it was, and the proposal cannot be saved.
    pub loan_refused: bool,
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
    /// Change a spending category by `percent` of its actual amount.
    Change { category: Category, percent: i32 },
    /// Change the local tax rates by `percent`.
    Taxes { percent: i32 },
    /// Change the equipment spending by `percent`.
    Equipment { percent: i32 },
    /// The new loans field was typed (euros; anything else is refused and said).
    Loan { text: String },
    /// The new loans field was left: a valid amount is shown formatted again.
    LoanDone,
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
            loan_text: None,
            loan_refused: false,
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
        let clamp = |percent: i32| percent.clamp(-MAYOR_RANGE, MAYOR_RANGE);
        let choices = &mut next.choices;
        match action {
            MayorAction::Reset { base } => {
                *choices = MayorChoices::actual(&base);
                next.loan_text = None;
                next.loan_refused = false;
            }
            MayorAction::Change { category, percent } => {
                choices.changes.insert(category, clamp(percent));
            }
            MayorAction::Taxes { percent } => choices.impots = clamp(percent),
            MayorAction::Equipment { percent } => choices.equipement = clamp(percent),
            MayorAction::Loan { text } => {
                let amount = parse_euros(&text);
                if let Some(amount) = amount {
                    choices.emprunt = amount;
                }
                next.loan_refused = amount.is_none();
                next.loan_text = Some(text);
                return Some(next);
            }
            MayorAction::LoanDone => {
                if self.loan_refused || self.loan_text.is_none() {
                    return None;
                }
                next.loan_text = None;
                return Some(next);
            }
            MayorAction::NameGroup { name } => {
                if name == self.group {
                    return None;
                }
                next.group = name;
                return Some(next);
            }
            MayorAction::Save { commune, exercice } => {
                if self.loan_refused {
                    return next.tell(MayorNotice::LoanInvalid);
                }
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
        // The choices changed, unless a slider went back to where it was (or the actual
        // budget was asked for again with nothing typed in the loans field).
        (next.choices != self.choices || self.loan_text.is_some()).then_some(next)
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

/// What `outcome` spends on `category` (0 when the budget has none).
pub fn spent(outcome: &Outcome, category: Category) -> f64 {
    outcome
        .depenses
        .iter()
        .find(|(k, _)| *k == category)
        .map_or(0.0, |(_, amount)| *amount)
}

/// How far `choices` move `category`, in per cent of the actual amount.
pub fn change(choices: &MayorChoices, category: Category) -> i32 {
    choices.changes.get(&category).copied().unwrap_or(0)
}

/// "12,5 ans", or "—" when the debt cannot be repaid from savings.
pub fn years(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(
        || "—".to_owned(),
        |v| {
            tr_args(
                lang,
                "budget-years",
                &[("years", format_number(lang, v, 1).as_str().into())],
            )
        },
    )
}

/// The new loans amount as the field shows it when not being typed ("150 000").
pub fn loan_shown(lang: Lang, amount: f64) -> String {
    format_number(lang, amount.round(), 0)
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

/// Compares the groups' `proposals` with the actual budget.
pub fn comparison<'a>(
    lang: Lang,
    base: &MayorBase,
    proposals: impl IntoIterator<Item = &'a Proposal>,
) -> Comparison {
    let outcomes: Vec<(String, Outcome, Option<&MayorChoices>)> =
        std::iter::once((tr(lang, "mayor-actual"), base.actual(), None))
            .chain(
                proposals
                    .into_iter()
                    .map(|p| (p.group.clone(), base.evaluate(&p.choices), Some(&p.choices))),
            )
            .collect();
    let percent = |c: Option<&MayorChoices>, get: &dyn Fn(&MayorChoices) -> i32| {
        c.map_or_else(|| "—".to_owned(), |c| format!("{:+}\u{a0}%", get(c)))
    };
    let row = |key: &str, cell: &dyn Fn(&Outcome, Option<&MayorChoices>) -> String| {
        (
            tr(lang, key),
            outcomes.iter().map(|(_, o, c)| cell(o, *c)).collect(),
        )
    };
    let mut rows: Vec<(String, Vec<String>)> = MAYOR_CATEGORIES
        .iter()
        .map(|category| {
            row(category.key(), &|o, c| {
                let moved = percent(c, &|c| change(c, *category));
                format!("{} ({moved})", euros(lang, spent(o, *category)))
            })
        })
        .collect();
    rows.push(row("category-impots-locaux", &|_, c| percent(c, &|c| c.impots)));
    rows.push(row("category-equipement", &|o, _| euros(lang, o.equipement)));
    rows.push(row("category-emprunts", &|o, _| euros(lang, o.emprunt)));
    rows.push(row("indicator-epargne-brute", &|o, _| {
        euros(lang, o.epargne_brute)
    }));
    rows.push(row("indicator-epargne-nette", &|o, _| {
        euros(lang, o.epargne_nette)
    }));
    rows.push(row("indicator-desendettement", &|o, _| {
        years(lang, o.capacite_desendettement)
    }));
    rows.push(row("mayor-rules", &|o, _| {
        if o.problems.is_empty() {
            tr(lang, "mayor-rules-ok")
        } else {
            tr_args(lang, "mayor-rules-broken", &[("count", o.problems.len().into())])
        }
    }));
    Comparison {
        columns: outcomes.into_iter().map(|(name, ..)| name).collect(),
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
        let state = fresh().reduce(MayorAction::Change {
            category: Category::Personnel,
            percent: 80,
        });
        assert_eq!(
            state.choices.changes[&Category::Personnel],
            MAYOR_RANGE,
            "clamped"
        );
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
    fn a_loan_that_is_not_an_amount_is_refused_and_never_saved() {
        let state = fresh().reduce(MayorAction::Loan {
            text: "150 000".into(),
        });
        assert_eq!(state.choices.emprunt, 150_000.0);
        let state = state.reduce(MayorAction::Loan {
            text: "beaucoup".into(),
        });
        assert!(state.loan_refused);
        assert_eq!(state.choices.emprunt, 150_000.0, "the last amount stays, not 0");
        assert_eq!(
            state.loan_text.as_deref(),
            Some("beaucoup"),
            "the text stays to be corrected"
        );
        let same = state.clone().reduce(MayorAction::LoanDone);
        assert!(Rc::ptr_eq(&state, &same), "a refused text stays in the field");
        let state = save(state, "Les Bleus");
        assert_eq!(state.notice, Some(MayorNotice::LoanInvalid));
        assert_eq!(state.writes, 0, "nothing saved");
        assert_eq!(
            MayorNotice::LoanInvalid.text(Lang::Fr),
            "Le montant des nouveaux emprunts n'est pas un nombre : corrigez-le avant d'enregistrer."
        );
        let state = state
            .reduce(MayorAction::Loan {
                text: "80 000 €".into(),
            })
            .reduce(MayorAction::LoanDone);
        assert!(!state.loan_refused && state.loan_text.is_none());
        assert_eq!(loan_shown(Lang::Fr, state.choices.emprunt), "80\u{202f}000");
        assert_eq!(years(Lang::Fr, Some(3.84)), "3,8 ans");
        assert_eq!(save(state, "Les Bleus").writes, 1);
    }

    #[test]
    fn the_loan_field_keeps_digits_and_reset_goes_back_to_the_actual_budget() {
        let state = fresh().reduce(MayorAction::Loan {
            text: "250 000 €".into(),
        });
        assert_eq!(state.choices.emprunt, 250_000.0);
        let state = state.reduce(MayorAction::Reset { base: base() });
        assert_eq!(state.choices, MayorChoices::actual(&base()));
        let same = state.clone().reduce(MayorAction::Reset { base: base() });
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn the_comparison_reads_each_line_for_each_group() {
        let mut choices = MayorChoices::actual(&base());
        choices.equipement = 30;
        choices.emprunt = 0.0;
        let proposal = Proposal {
            group: "Les Verts".into(),
            commune: "Briqueville".into(),
            exercice: 2024,
            choices,
        };
        let table = comparison(Lang::Fr, &base(), [&proposal]);
        let labels: Vec<&str> = table.rows.iter().map(|(label, _)| label.as_str()).collect();
        assert_eq!(labels.len(), MAYOR_CATEGORIES.len() + 7);
        assert_eq!(labels[0], "Personnel");
        assert!(
            labels.iter().all(|l| !l.contains('-')),
            "every label is in the catalogue: {labels:?}"
        );
        let rules = &table.rows.last().expect("the rules row").1;
        assert_eq!(rules[0], "respectées");
        assert!(rules[1].contains("non respectée"), "{}", rules[1]);
        let taxes = &table.rows[MAYOR_CATEGORIES.len()].1;
        assert_eq!(taxes, &vec!["—".to_owned(), "+0\u{a0}%".to_owned()]);
        assert!(table.rows[0].1[0].ends_with("€ (—)"), "{}", table.rows[0].1[0]);
    }
}
