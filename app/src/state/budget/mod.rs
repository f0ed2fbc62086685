//! State of the budget explorer: the view (which lives in the URL, [`BudgetView`]), the
//! budgets and whether they are loading, the notice, the national search, the population
//! typed for a file that lacks it, and which file read is the latest. Pure: fetching,
//! reading files, the URL and storage are the page's effects, which dispatch
//! [`BudgetAction`]s with what they got.
//!
//! `loaded.rs`: the budgets of one commune and how a file becomes them. `present.rs`:
//! what the page shows as text (amounts, labels, indicator cards, the drill-down's table
//! and its CSV, the evolution's series, the notices). `view.rs`: the view and its URL.

mod loaded;
mod present;
mod view;

use std::rc::Rc;

use briques_core::budget::explore::{Axis, Side};
use yew::Reducible;

pub use loaded::*;
pub use present::*;
pub use view::*;

/// Larger files are national or regional files: `briques budget prepare` is for them.
pub const MAX_FILE_BYTES: f64 = 200.0 * 1024.0 * 1024.0;

/// Whether a file of `size` bytes is read in the browser (else the notice says what to
/// do with it instead).
pub fn fits(size: f64) -> bool {
    size <= MAX_FILE_BYTES
}

/// The budgets the page holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    /// Being fetched (the demo commune or a commune of the national files).
    Loading,
    /// Budgets to explore.
    Ready(Budgets),
    /// Nothing could be loaded (the message says why; empty when no budget was found).
    Failed(String),
}

/// A message about the source of the budgets, shown in a live region.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The file is too big for the browser (size in bytes).
    TooBig { file: String, size: f64 },
    /// The file is being read (size in bytes).
    Reading { file: String, size: f64 },
    /// The file is read and being analysed.
    Analysing { file: String },
    /// The file was imported: the commune, its years, and budgets of the file not shown.
    Imported {
        file: String,
        name: String,
        years: usize,
        left_out: usize,
    },
    /// The file could not be imported: the core's reason, or `None` when it has no budget.
    ImportFailed { file: String, reason: Option<String> },
    /// A commune is being fetched (the budgets shown stay meanwhile).
    Opening,
    /// The commune asked for could not be had (the message says why); the budgets shown
    /// before stay.
    OpenFailed { message: String },
}

/// The budget page's state.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetState {
    /// What is shown (mirrored in the URL).
    pub view: BudgetView,
    /// The budgets.
    pub data: Data,
    /// Bumped to fetch the same source again (the demo button on the demo).
    pub reloads: u32,
    /// How many loads have finished (`data-budget-loads`, which the browser tests wait on).
    pub loads: u32,
    /// The last notice about the source.
    pub notice: Option<Notice>,
    /// The communes kept on this device (fetched from the open-data APIs).
    pub saved: Shared<Vec<crate::services::saved_communes::Listed>>,
    /// The commune shown is being fetched again from the APIs (not from this device).
    pub refresh: bool,
    /// While another commune is fetched, the view of the budgets still shown, to come
    /// back to if it cannot be had.
    pub back: Option<BudgetView>,
    /// The population typed for budgets whose file does not give it.
    pub population: Option<u64>,
    /// A file is being read.
    pub busy: bool,
    /// The number of the latest file read: results of earlier reads are dropped, so a
    /// large file chosen first cannot replace a small one chosen after it.
    pub latest_read: u32,
    /// The width of the page in CSS pixels, which the charts are drawn for (measured by
    /// the page; 800 until then).
    pub width: f64,
}

/// Everything the budget page can do.
#[derive(Clone, Debug, PartialEq)]
pub enum BudgetAction {
    /// Open the demo commune (again, when it is already open).
    OpenDemo,
    /// Open a commune (national files, this device, or the open-data APIs).
    OpenCommune { insee: String },
    /// Fetch the commune shown again from the open-data APIs.
    Refresh,
    /// The communes kept on this device.
    SavedList {
        list: Vec<crate::services::saved_communes::Listed>,
    },
    /// The budgets of `source` arrived (or could not be fetched).
    Loaded {
        source: Source,
        result: Result<Loaded, String>,
    },
    /// A file too big for the browser was chosen (size in bytes).
    TooBig { file: String, size: f64 },
    /// Read number `read` of a chosen file started (size in bytes).
    Reading { read: u32, file: String, size: f64 },
    /// Read number `read` finished; the file is being analysed.
    Analysing { read: u32, file: String },
    /// Read number `read` failed (the browser's reason).
    ReadFailed {
        read: u32,
        file: String,
        message: String,
    },
    /// The file of read number `read` was imported: budgets and how many are not shown.
    Imported {
        read: u32,
        file: String,
        result: Result<(Loaded, usize), String>,
    },
    /// Show another collectivité of the imported file.
    ChooseCollectivite { name: String },
    /// Show another year (`None`: the latest).
    ChooseYear { year: Option<i32> },
    /// Switch between the explorer and "Si j'étais maire".
    ChooseTab { tab: Tab },
    /// Show spending or revenue (back to the top of the drill-down).
    ChooseSide { side: Side },
    /// Group by nature or by fonction (keeping the section).
    ChooseAxis { axis: Axis },
    /// Turn amounts per inhabitant on or off.
    TogglePerInhabitant,
    /// Go to this drill-down path.
    Open { path: Vec<String> },
    /// The population field was typed.
    PopulationTyped { text: String },
    /// The page is shown this many CSS pixels wide (on load, and when the window changes).
    Width { px: f64 },
}

impl BudgetState {
    /// The state for the view of an address, before anything is fetched.
    pub fn new(view: BudgetView) -> BudgetState {
        BudgetState {
            view,
            data: Data::Loading,
            reloads: 0,
            loads: 0,
            notice: None,
            saved: Shared::default(),
            refresh: false,
            back: None,
            population: None,
            busy: false,
            latest_read: 0,
            width: 800.0,
        }
    }

    /// The budgets and the one of the year shown, once loaded.
    pub fn shown(&self) -> Option<(&Budgets, &briques_core::budget::Budget)> {
        match &self.data {
            Data::Ready(loaded) => Some((loaded, loaded.budget(self.view.year)?)),
            _ => None,
        }
    }

    /// Opens `view` (a new commune): budgets are fetched again when its source differs.
    /// Budgets already shown stay until the new ones arrive (and stay if they cannot).
    fn open(&mut self, view: BudgetView) {
        if view.source != self.view.source {
            if matches!(self.data, Data::Ready(_)) {
                self.back = Some(self.view.clone());
                self.notice = Some(Notice::Opening);
            } else {
                self.data = Data::Loading;
            }
        }
        self.view = view;
    }

    /// Applies an action; returns `None` when nothing changed.
    fn apply(&self, action: BudgetAction) -> Option<BudgetState> {
        let mut next = self.clone();
        match action {
            BudgetAction::OpenDemo => {
                if self.view.source == Source::Demo {
                    // The source does not change, so ask for it again (the budgets shown
                    // stay until the new ones arrive).
                    next.reloads = self.reloads.wrapping_add(1);
                }
                next.open(BudgetView::default());
            }
            BudgetAction::OpenCommune { insee } => {
                let view = BudgetView {
                    source: Source::Insee(insee),
                    ..BudgetView::default()
                };
                if view == self.view {
                    return None;
                }
                next.open(view);
            }
            BudgetAction::Loaded { source, result } => {
                // A commune opened meanwhile (or a file) wins over a late answer.
                if source != self.view.source {
                    return None;
                }
                next.refresh = false;
                next.back = None;
                if next.notice == Some(Notice::Opening) {
                    next.notice = None;
                }
                next.data = match result {
                    Ok(loaded) if !loaded.budgets.is_empty() => Data::Ready(Budgets::new(loaded)),
                    // Another commune could not be had: the one shown stays, with why.
                    Ok(_) | Err(_) if self.back.is_some() => {
                        let message = result.err().unwrap_or_default();
                        next.view = self.back.clone().unwrap_or_default();
                        next.notice = Some(Notice::OpenFailed { message });
                        next.loads = self.loads.wrapping_add(1);
                        return Some(next);
                    }
                    Ok(_) => Data::Failed(String::new()),
                    // Reloading the budgets shown failed: keep them.
                    Err(_) if matches!(self.data, Data::Ready(_)) => {
                        if !self.refresh {
                            return None;
                        }
                        // Fetching them again was asked: say why it did not work.
                        next.notice = Some(Notice::OpenFailed {
                            message: result.err().unwrap_or_default(),
                        });
                        return Some(next);
                    }
                    Err(message) => Data::Failed(message),
                };
                next.loads = self.loads.wrapping_add(1);
            }
            BudgetAction::Refresh => {
                if !matches!(self.view.source, Source::Insee(_)) || self.refresh {
                    return None;
                }
                // The budgets shown stay until the new ones arrive.
                next.refresh = true;
                next.reloads = self.reloads.wrapping_add(1);
            }
            BudgetAction::SavedList { list } => {
                if *self.saved == list {
                    return None;
                }
                next.saved = Shared::new(list);
            }
            BudgetAction::TooBig { file, size } => next.notice = Some(Notice::TooBig { file, size }),
            BudgetAction::Reading { read, file, size } => {
                next.latest_read = read;
                next.busy = true;
                next.notice = Some(Notice::Reading { file, size });
            }
            BudgetAction::Analysing { read, file } => {
                if read != self.latest_read {
                    return None;
                }
                next.notice = Some(Notice::Analysing { file });
            }
            BudgetAction::ReadFailed { read, file, message } => {
                if read != self.latest_read {
                    return None;
                }
                next.busy = false;
                next.notice = Some(Notice::ImportFailed {
                    file,
                    reason: Some(message),
                });
            }
            BudgetAction::Imported { read, file, result } => {
                if read != self.latest_read {
                    return None;
                }
                next.busy = false;
                match result {
                    Ok((loaded, left_out)) if !loaded.budgets.is_empty() => {
                        next.notice = Some(Notice::Imported {
                            file,
                            name: loaded.name.clone(),
                            years: loaded.budgets.len(),
                            left_out,
                        });
                        next.population = None;
                        next.data = Data::Ready(Budgets::new(loaded));
                        next.view = BudgetView {
                            source: Source::File,
                            ..BudgetView::default()
                        };
                        next.loads = self.loads.wrapping_add(1);
                    }
                    // The budget shown stays.
                    Ok(_) => next.notice = Some(Notice::ImportFailed { file, reason: None }),
                    Err(message) => {
                        next.notice = Some(Notice::ImportFailed {
                            file,
                            reason: Some(message),
                        })
                    }
                }
            }
            BudgetAction::ChooseCollectivite { name } => {
                let Data::Ready(loaded) = &self.data else {
                    return None;
                };
                if name == loaded.name || !loaded.collectivites.contains(&name) {
                    return None;
                }
                next.data = Data::Ready(Budgets::new(loaded.choose(&name)));
                next.view.year = None;
                next.view.path.clear();
            }
            BudgetAction::Width { px } => {
                if px <= 0.0 || px == self.width {
                    return None;
                }
                next.width = px;
            }
            BudgetAction::PopulationTyped { text } => {
                let population = parse_population(&text);
                if population == self.population {
                    return None;
                }
                next.population = population;
            }
            view @ (BudgetAction::ChooseYear { .. }
            | BudgetAction::ChooseTab { .. }
            | BudgetAction::ChooseSide { .. }
            | BudgetAction::ChooseAxis { .. }
            | BudgetAction::TogglePerInhabitant
            | BudgetAction::Open { .. }) => next.view = self.view.apply(view)?,
        }
        Some(next)
    }
}

impl BudgetView {
    /// The view after a view action; `None` when it does not change (or the action is
    /// not about the view).
    fn apply(&self, action: BudgetAction) -> Option<BudgetView> {
        let mut next = self.clone();
        match action {
            BudgetAction::ChooseYear { year } => next.year = year,
            BudgetAction::ChooseTab { tab } => next.tab = tab,
            BudgetAction::ChooseSide { side } => {
                next.side = side;
                next.path.clear();
            }
            BudgetAction::ChooseAxis { axis } => {
                next.axis = axis;
                // The section stays; groups and accounts differ between the axes.
                next.path.truncate(1);
            }
            BudgetAction::TogglePerInhabitant => next.per_inhabitant = !self.per_inhabitant,
            BudgetAction::Open { path } => next.path = path,
            _ => return None,
        }
        (next != *self).then_some(next)
    }
}

/// The population typed: its digits (spaces and separators ignored), when more than zero.
pub fn parse_population(text: &str) -> Option<u64> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|p: &u64| *p > 0)
}

impl Reducible for BudgetState {
    type Action = BudgetAction;

    fn reduce(self: Rc<Self>, action: BudgetAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            // Same Rc: Yew skips the re-render.
            None => self,
        }
    }
}

#[cfg(test)]
mod tests;
