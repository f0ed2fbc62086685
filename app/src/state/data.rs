//! State of the Données page: where the opening of a file is, the file read and profiled
//! (its table shared by `Rc` with the preview and the charts, never copied), the chart
//! being built, a workshop pack's presets, the lesson shown side by side, the filter
//! being written and what went wrong. Pure: reading files, fetching addresses, yielding
//! to the browser and drawing happen in `pages/data.rs` and its services, which dispatch
//! [`DataAction`]s. Errors are kept as values and translated when shown.

use std::rc::Rc;

use briques_core::chart::builder::ColumnChoices;
use briques_core::chart::lessons::{lesson, suggest};
use briques_core::chart::{ChartError, ChartKind, ChartSpec, Distortion};
use briques_core::dataset::profile::Profile;
use briques_core::dataset::transform::{Aggregate, Filter, FilterOp, SortOrder};
use briques_core::dataset::{Dataset, DatasetError};
use briques_core::i18n::Lang;
use briques_core::pack::preset::ChartPreset;
use briques_core::pack::{Activity, Pack};
use yew::Reducible;

/// A file read and profiled.
#[derive(Debug)]
pub struct Loaded {
    /// File name (or address).
    pub name: String,
    /// The table (shared with the preview and the charts).
    pub dataset: Rc<Dataset>,
    /// What each column holds.
    pub profile: Profile,
    /// The columns each field of the chart builder offers.
    pub columns: ColumnChoices,
    /// The import's number: changes with each file, so that the preview restarts and
    /// memoised charts are redrawn.
    pub generation: u32,
}

impl Loaded {
    /// A file read by the import numbered `generation`.
    pub fn new(name: String, dataset: Dataset, profile: Profile, generation: u32) -> Loaded {
        Loaded {
            name,
            columns: ColumnChoices::of(&dataset),
            dataset: Rc::new(dataset),
            profile,
            generation,
        }
    }
}

/// Two loaded files are equal only when they are the same one: comparing tables cell by
/// cell on every render would cost more than it saves.
impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Why a file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// The bytes are not a table (a spreadsheet, an image, no header…).
    File(DatasetError),
    /// What was typed is not a web address.
    NotAnAddress {
        /// As typed.
        address: String,
    },
    /// The device is offline.
    Offline,
    /// The remote site answered with an error.
    Status {
        /// The HTTP status.
        status: u16,
    },
    /// No answer, or the site does not let other pages read its files.
    Blocked,
    /// The workshop pack named in the page's address is nowhere to be found.
    PackMissing {
        /// The pack's slug.
        slug: String,
    },
}

/// Where the opening of a file is.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum LoadState {
    /// Nothing under way.
    #[default]
    Idle,
    /// Reading the rows.
    Reading {
        /// File name.
        name: String,
        /// Share of the file read, 0 to 100.
        percent: usize,
    },
    /// Typing then profiling the columns: `done` of `total` steps.
    Analysing {
        /// File name.
        name: String,
        /// Steps done.
        done: usize,
        /// Steps in all.
        total: usize,
    },
    /// The last file chosen could not be opened (the one shown before stays).
    Failed {
        /// Why.
        error: OpenError,
    },
}

/// A chart prepared by a workshop pack.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// The chart, with the pack's own title (which may name the trick).
    pub spec: ChartSpec,
    /// What to say about it.
    pub note: String,
}

impl Preset {
    /// The chart as shown: in workshop mode under its neutral title (« Graphique 2 »),
    /// the pack's title staying in the answer key.
    pub fn shown(&self, index: usize, workshop: bool, lang: Lang) -> ChartSpec {
        let mut spec = self.spec.clone();
        if workshop {
            spec.title = ChartPreset::neutral_title(index, lang);
        }
        spec
    }
}

/// A workshop pack's dataset and chart presets (`/donnees?pack=<slug>`).
#[derive(Clone, Debug, PartialEq)]
pub struct PackData {
    /// The pack's title.
    pub pack: String,
    /// The dataset's title.
    pub title: String,
    /// The dataset's source.
    pub source: String,
    /// The prepared charts; the first opens with the file.
    pub presets: Vec<Preset>,
    /// The name of the pack's file (the prepared charts print from it only).
    pub file: String,
}

/// A pack's data file, as the page opens it.
#[derive(Clone, Debug, PartialEq)]
pub struct PackFile {
    /// The file's name, without its folder.
    pub name: String,
    /// Its text.
    pub csv: String,
}

impl PackData {
    /// The pack's data activity and its file, or `None` when it has none. Takes the pack
    /// so that the file's text is moved, not copied.
    pub fn from_pack(pack: Pack) -> Option<(PackData, PackFile)> {
        let title = pack.title;
        pack.activities.into_iter().find_map(|activity| match activity {
            Activity::Donnees {
                file,
                title: dataset,
                source,
                csv,
                charts,
            } => Some((
                PackData {
                    pack: title.clone(),
                    title: dataset,
                    presets: charts
                        .iter()
                        .map(|c| Preset {
                            spec: c.to_spec(&source),
                            note: c.note.clone(),
                        })
                        .collect(),
                    source,
                    file: file.rsplit('/').next().unwrap_or(&file).to_owned(),
                },
                PackFile {
                    name: file.rsplit('/').next().unwrap_or(&file).to_owned(),
                    csv,
                },
            )),
            _ => None,
        })
    }
}

/// The filter being written, before it is added to the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterDraft {
    /// The column compared.
    pub column: String,
    /// The comparison.
    pub op: FilterOp,
    /// The value typed.
    pub value: String,
}

impl Default for FilterDraft {
    fn default() -> Self {
        FilterDraft {
            column: String::new(),
            op: FilterOp::Eq,
            value: String::new(),
        }
    }
}

impl FilterDraft {
    /// A fresh draft on the table's first column.
    fn on(columns: &ColumnChoices) -> FilterDraft {
        FilterDraft {
            column: columns.first().unwrap_or_default().to_owned(),
            ..FilterDraft::default()
        }
    }
}

/// Why a chart file could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartFileError {
    /// The browser could not read the file.
    Unreadable,
    /// The file is not a chart Briques can read.
    Invalid(ChartError),
}

/// The words of a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartText {
    /// Title.
    Title,
    /// Subtitle.
    Subtitle,
    /// Where the data comes from.
    Source,
    /// The data's licence.
    Licence,
}

/// What the chart area shows: the chart, or a lesson's two versions side by side.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown<T> {
    /// The chart alone.
    Chart(T),
    /// The honest version and the misleading one.
    Lesson {
        /// The trick shown.
        distortion: Distortion,
        /// Drawn honestly.
        honest: T,
        /// Drawn with the trick.
        misleading: T,
    },
}

impl<T> Shown<T> {
    /// The same charts, each turned into something else (drawn, for instance).
    pub fn map<U>(&self, mut f: impl FnMut(&T) -> U) -> Shown<U> {
        match self {
            Shown::Chart(chart) => Shown::Chart(f(chart)),
            Shown::Lesson {
                distortion,
                honest,
                misleading,
            } => Shown::Lesson {
                distortion: *distortion,
                honest: f(honest),
                misleading: f(misleading),
            },
        }
    }

    /// The chart whose data the CSV export holds: the chart, or in a lesson the
    /// misleading version, the one the lesson is about.
    pub fn exported(&self) -> &T {
        match self {
            Shown::Chart(chart) => chart,
            Shown::Lesson { misleading, .. } => misleading,
        }
    }
}

/// The charts shown for `spec` on the table `ds`: itself, or the lesson's honest and
/// misleading versions.
pub fn shown(spec: &ChartSpec, distortion: Option<Distortion>, ds: &Dataset) -> Shown<ChartSpec> {
    match distortion {
        None => Shown::Chart(spec.clone()),
        Some(distortion) => {
            let pair = lesson(spec, distortion, ds);
            Shown::Lesson {
                distortion,
                honest: pair.honest,
                misleading: pair.misleading,
            }
        }
    }
}

/// What an action brought on screen, which the page scrolls to, focuses and announces
/// (the result of a file opened or a prepared chart chosen is far below the button).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reveal {
    /// The file just opened: its name and summary.
    File,
    /// The chart just chosen.
    Chart,
}

/// The "keep the first N" field: a positive whole number, or nothing (keep all).
pub fn parse_top(text: &str) -> Option<usize> {
    text.trim().parse().ok().filter(|n: &usize| *n > 0)
}

/// The Données page state.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DataState {
    /// Where the opening of a file is.
    pub load: LoadState,
    /// The file shown.
    pub loaded: Option<Rc<Loaded>>,
    /// The chart being built (there is one as soon as a file is shown).
    pub spec: Option<ChartSpec>,
    /// The workshop pack the page was opened with.
    pub pack: Option<Rc<PackData>>,
    /// Workshop mode (on when a pack opens the page): prepared charts under neutral
    /// titles, drawn without the word « Trompeur », explanations on demand.
    pub workshop: bool,
    /// The prepared chart shown, while it is (its title follows the workshop mode).
    pub preset: Option<usize>,
    /// The language of the neutral titles.
    pub lang: Lang,
    /// The chart counts people: statistical secrecy applies to it.
    pub people: bool,
    /// The chart the next file opens with, instead of a suggested one (a pack's preset).
    pending: Option<ChartSpec>,
    /// The lesson shown side by side, if any.
    pub lesson: Option<Distortion>,
    /// The filter being written.
    pub filter: FilterDraft,
    /// Why the last chart file could not be opened.
    pub chart_file_error: Option<ChartFileError>,
    /// The builder form's key: bumped when the chart is replaced as a whole (a file, a
    /// preset, a chart file), because a select the user has touched no longer follows
    /// its options' `selected` attributes, so the form is made anew.
    pub form: u32,
    /// What the last action brought on screen, and a count that changes with each one
    /// (choosing the same chart twice brings it back twice).
    pub reveal: Option<(Reveal, u32)>,
}

/// Everything the Données page can do.
#[derive(Clone, Debug, PartialEq)]
pub enum DataAction {
    /// The rows of a file are being read.
    Reading { name: String, percent: usize },
    /// Its columns are being typed and profiled.
    Analysing { name: String, done: usize, total: usize },
    /// The last file chosen could not be opened.
    Fail { error: OpenError },
    /// A file was read: show it, with the pending preset or a suggested chart, and bring
    /// it on screen when someone chose it (not a pack's own file, opened with the page).
    Open { loaded: Rc<Loaded>, reveal: bool },
    /// The page was opened with a workshop pack: show its presets; its file follows.
    OpenPack { pack: Rc<PackData> },
    /// Draw the pack's preset at this index.
    ChoosePreset { index: usize },
    /// Workshop mode on or off.
    SetWorkshop { on: bool },
    /// The language changed (neutral titles are in it).
    SetLang { lang: Lang },
    /// Whether the chart counts people (statistical secrecy).
    SetPeople { on: bool },
    /// The kind of chart.
    SetKind { kind: ChartKind },
    /// The column along the horizontal axis.
    SetX { column: Option<String> },
    /// The measured column (`None`: count rows), with an aggregate that fits.
    SetMeasure { column: Option<String> },
    /// How a measure's values become one number.
    SetAggregate { aggregate: Aggregate },
    /// The column whose values make series.
    SetColour { column: Option<String> },
    /// The second measure of the two-axes lesson.
    SetSecondMeasure { column: Option<String> },
    /// The order of categories.
    SetSort { order: SortOrder },
    /// Keep this many categories (`None`: all).
    SetTop { top: Option<usize> },
    /// A title, subtitle, source or licence.
    SetText { field: ChartText, text: String },
    /// Show a lesson side by side (`None`: the chart alone).
    ChooseLesson { distortion: Option<Distortion> },
    /// The column of the filter being written.
    SetFilterColumn { column: String },
    /// Its comparison.
    SetFilterOp { op: FilterOp },
    /// Its value.
    SetFilterValue { value: String },
    /// Add the filter being written to the chart.
    AddFilter,
    /// Remove the chart's filter at this index.
    RemoveFilter { index: usize },
    /// Replace the chart by the one in this chart file's text.
    ImportChart { text: String },
    /// The chart file chosen could not be read.
    ChartFileUnreadable,
}

impl DataState {
    /// The columns of the file shown.
    fn columns(&self) -> Option<&ColumnChoices> {
        self.loaded.as_ref().map(|l| &l.columns)
    }

    /// Whether `column` is absent or passes `allowed`.
    fn fits(&self, column: &Option<String>, allowed: fn(&ColumnChoices, &str) -> bool) -> bool {
        match (column, self.columns()) {
            (None, _) => true,
            (Some(name), Some(columns)) => allowed(columns, name),
            (Some(_), None) => false,
        }
    }

    /// Brings `what` on screen (again, if it already was).
    fn reveal(&mut self, what: Reveal) {
        let count = self.reveal.map_or(0, |r| r.1.wrapping_add(1));
        self.reveal = Some((what, count));
    }

    /// The prepared chart shown (or waiting for its file) takes the title of the
    /// workshop mode, unless its title was changed by hand.
    fn retitle(&mut self) {
        let (Some(index), Some(pack)) = (self.preset, self.pack.clone()) else {
            return;
        };
        let Some(preset) = pack.presets.get(index) else {
            return;
        };
        let lang = self.lang;
        let title = preset.shown(index, self.workshop, lang).title;
        let mut titles = vec![preset.spec.title.clone()];
        titles.extend(Lang::ALL.map(|l| ChartPreset::neutral_title(index, l)));
        let chart = if self.loaded.is_some() {
            self.spec.as_mut()
        } else {
            self.pending.as_mut()
        };
        if let Some(spec) = chart.filter(|s| titles.contains(&s.title) || s.title.is_empty()) {
            spec.title = title;
        }
    }

    /// A chart replacing the current one as a whole: the form is made anew, with a fresh
    /// filter draft.
    fn replace_chart(&mut self, spec: ChartSpec) {
        self.spec = Some(spec);
        self.form = self.form.wrapping_add(1);
        if let Some(draft) = self.columns().map(FilterDraft::on) {
            self.filter = draft;
        }
    }

    /// Applies an action; returns `None` when nothing changed (or the action does not
    /// fit: a column the field does not take, no chart to change).
    fn apply(&self, action: DataAction) -> Option<DataState> {
        let mut next = self.clone();
        match action {
            DataAction::Reading { name, percent } => {
                next.load = LoadState::Reading { name, percent };
            }
            DataAction::Analysing { name, done, total } => {
                next.load = LoadState::Analysing { name, done, total };
            }
            DataAction::Fail { error } => next.load = LoadState::Failed { error },
            DataAction::Open { loaded, reveal } => {
                if reveal {
                    next.reveal(Reveal::File);
                }
                next.spec = Some(next.pending.take().unwrap_or_else(|| suggest(&loaded.dataset)));
                // The filter being written stays if the new file has its column.
                if !loaded.columns.has(&next.filter.column) {
                    next.filter = FilterDraft::on(&loaded.columns);
                }
                next.form = next.form.wrapping_add(1);
                next.load = LoadState::Idle;
                next.loaded = Some(loaded);
            }
            DataAction::OpenPack { pack } => {
                next.workshop = true;
                next.pending = pack.presets.first().map(|p| p.shown(0, true, self.lang));
                next.preset = next.pending.as_ref().map(|_| 0);
                next.pack = Some(pack);
            }
            DataAction::SetWorkshop { on } => {
                next.workshop = on;
                next.retitle();
            }
            DataAction::SetLang { lang } => {
                next.lang = lang;
                next.retitle();
            }
            DataAction::SetPeople { on } => next.people = on,
            DataAction::ChoosePreset { index } => {
                let preset = self
                    .pack
                    .as_ref()?
                    .presets
                    .get(index)?
                    .shown(index, self.workshop, self.lang);
                next.preset = Some(index);
                if self.loaded.is_none() {
                    // The pack's file is still being read: it opens with this one.
                    next.pending = Some(preset);
                } else {
                    next.replace_chart(preset);
                    next.lesson = None;
                    next.chart_file_error = None;
                    next.reveal(Reveal::Chart);
                }
            }
            DataAction::SetKind { kind } => next.spec.as_mut()?.kind = kind,
            DataAction::SetX { column } => {
                if !self.fits(&column, ColumnChoices::has) {
                    return None;
                }
                next.spec.as_mut()?.x = column;
            }
            DataAction::SetMeasure { column } => {
                if !self.fits(&column, ColumnChoices::is_measure) {
                    return None;
                }
                next.spec.as_mut()?.set_measure(column);
            }
            DataAction::SetAggregate { aggregate } => {
                // Counting rows is choosing no measure; a measure has the other aggregates.
                let spec = next.spec.as_mut()?;
                if aggregate == Aggregate::Count || spec.y.is_none() {
                    return None;
                }
                spec.aggregate = aggregate;
            }
            DataAction::SetColour { column } => {
                if !self.fits(&column, ColumnChoices::is_series) {
                    return None;
                }
                next.spec.as_mut()?.colour = column;
            }
            DataAction::SetSecondMeasure { column } => {
                if !self.fits(&column, ColumnChoices::is_measure) {
                    return None;
                }
                next.spec.as_mut()?.y2 = column;
            }
            DataAction::SetSort { order } => next.spec.as_mut()?.sort = order,
            DataAction::SetTop { top } => next.spec.as_mut()?.top = top,
            DataAction::SetText { field, text } => {
                let spec = next.spec.as_mut()?;
                *match field {
                    ChartText::Title => &mut spec.title,
                    ChartText::Subtitle => &mut spec.subtitle,
                    ChartText::Source => &mut spec.source,
                    ChartText::Licence => &mut spec.licence,
                } = text;
            }
            DataAction::ChooseLesson { distortion } => next.lesson = distortion,
            DataAction::SetFilterColumn { column } => {
                if !self.columns()?.has(&column) {
                    return None;
                }
                next.filter.column = column;
            }
            DataAction::SetFilterOp { op } => next.filter.op = op,
            DataAction::SetFilterValue { value } => next.filter.value = value,
            DataAction::AddFilter => {
                if !self.columns()?.has(&self.filter.column) {
                    return None;
                }
                let typed = std::mem::take(&mut next.filter.value);
                let op = self.filter.op;
                next.spec.as_mut()?.filters.push(Filter {
                    column: self.filter.column.clone(),
                    op,
                    // A comparison without a value keeps none, even if one was typed first.
                    value: if op.needs_value() { typed } else { String::new() },
                });
            }
            DataAction::RemoveFilter { index } => {
                let filters = &mut next.spec.as_mut()?.filters;
                if index >= filters.len() {
                    return None;
                }
                filters.remove(index);
            }
            DataAction::ImportChart { text } => {
                self.spec.as_ref()?;
                match ChartSpec::from_json(&text) {
                    Ok(spec) => {
                        next.preset = None;
                        next.replace_chart(spec);
                        next.chart_file_error = None;
                    }
                    Err(error) => next.chart_file_error = Some(ChartFileError::Invalid(error)),
                }
            }
            DataAction::ChartFileUnreadable => {
                next.chart_file_error = Some(ChartFileError::Unreadable);
            }
        }
        (next != *self).then_some(next)
    }
}

impl Reducible for DataState {
    type Action = DataAction;

    fn reduce(self: Rc<Self>, action: DataAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            // Same Rc: Yew skips the re-render.
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use briques_core::dataset::import;
    use briques_core::dataset::profile::profile;
    use briques_core::pack::bundle;

    use super::*;

    const LOANS: &str = "Bibliothèque;Prêts;Mois\nCentrale;120;2024-01-01\nBibliobus;30;2024-01-01\nCentrale;140;2024-02-01\n";

    fn loaded(text: &str, generation: u32) -> Rc<Loaded> {
        let dataset = import(text.as_bytes()).expect("a table");
        let profile = profile(&dataset);
        Rc::new(Loaded::new("prets.csv".into(), dataset, profile, generation))
    }

    fn opened() -> Rc<DataState> {
        Rc::new(DataState::default()).reduce(DataAction::Open {
            loaded: loaded(LOANS, 1),
            reveal: true,
        })
    }

    fn spec(state: &DataState) -> &ChartSpec {
        state.spec.as_ref().expect("a chart")
    }

    fn unchanged(state: &Rc<DataState>, action: DataAction) {
        let same = state.clone().reduce(action.clone());
        assert!(Rc::ptr_eq(state, &same), "{action:?} changed the state");
    }

    #[test]
    fn a_file_opens_with_a_suggested_chart_and_the_wait_is_over() {
        let state = Rc::new(DataState::default()).reduce(DataAction::Reading {
            name: "prets.csv".into(),
            percent: 40,
        });
        unchanged(
            &state,
            DataAction::Reading {
                name: "prets.csv".into(),
                percent: 40,
            },
        );
        let file = loaded(LOANS, 1);
        let state = state.reduce(DataAction::Open {
            loaded: file.clone(),
            reveal: true,
        });
        assert_eq!(
            state.reveal,
            Some((Reveal::File, 0)),
            "the file is brought on screen"
        );
        assert_eq!(state.load, LoadState::Idle);
        assert_eq!(spec(&state), &suggest(&file.dataset));
        assert_eq!(
            state.filter.column, "Bibliothèque",
            "a new filter starts on the first column"
        );
        assert!(Rc::ptr_eq(
            &state.loaded.as_ref().expect("loaded").dataset,
            &file.dataset
        ));
    }

    #[test]
    fn a_failed_file_leaves_the_one_shown() {
        let state = opened().reduce(DataAction::Fail {
            error: OpenError::File(DatasetError::Spreadsheet),
        });
        assert!(state.loaded.is_some() && state.spec.is_some());
        assert_eq!(
            state.load,
            LoadState::Failed {
                error: OpenError::File(DatasetError::Spreadsheet)
            }
        );
    }

    #[test]
    fn choosing_a_measure_sums_it_and_choosing_none_counts_rows() {
        let state = opened().reduce(DataAction::SetMeasure { column: None });
        assert_eq!(
            (spec(&state).y.as_deref(), spec(&state).aggregate),
            (None, Aggregate::Count)
        );
        let state = state.reduce(DataAction::SetMeasure {
            column: Some("Prêts".into()),
        });
        assert_eq!(
            (spec(&state).y.as_deref(), spec(&state).aggregate),
            (Some("Prêts"), Aggregate::Sum)
        );
        let state = state.reduce(DataAction::SetAggregate {
            aggregate: Aggregate::Mean,
        });
        assert_eq!(spec(&state).aggregate, Aggregate::Mean);
        unchanged(
            &state,
            DataAction::SetAggregate {
                aggregate: Aggregate::Count,
            },
        );
    }

    #[test]
    fn columns_that_do_not_fit_a_field_change_nothing() {
        let state = opened();
        for action in [
            DataAction::SetMeasure {
                column: Some("Bibliothèque".into()),
            },
            DataAction::SetColour {
                column: Some("Prêts".into()),
            },
            DataAction::SetX {
                column: Some("Absente".into()),
            },
            DataAction::SetSecondMeasure {
                column: Some("Mois".into()),
            },
            DataAction::SetFilterColumn {
                column: "Absente".into(),
            },
            DataAction::RemoveFilter { index: 3 },
            DataAction::ChoosePreset { index: 0 },
            DataAction::SetKind {
                kind: spec(&state).kind,
            },
        ] {
            unchanged(&state, action);
        }
        let state = state.reduce(DataAction::SetColour {
            column: Some("Mois".into()),
        });
        assert_eq!(
            spec(&state).colour.as_deref(),
            Some("Mois"),
            "dates can colour series"
        );
        // Without a file there is no chart to change.
        let empty = Rc::new(DataState::default());
        unchanged(&empty, DataAction::SetKind { kind: ChartKind::Pie });
        unchanged(&empty, DataAction::AddFilter);
    }

    #[test]
    fn a_filter_is_written_then_added_and_removed() {
        let state = opened()
            .reduce(DataAction::SetFilterOp { op: FilterOp::Ne })
            .reduce(DataAction::SetFilterValue {
                value: "Bibliobus".into(),
            })
            .reduce(DataAction::AddFilter);
        assert_eq!(
            spec(&state).filters,
            [Filter {
                column: "Bibliothèque".into(),
                op: FilterOp::Ne,
                value: "Bibliobus".into()
            }]
        );
        assert_eq!(
            state.filter.value, "",
            "the value is cleared, the column and comparison kept"
        );
        assert_eq!(state.filter.op, FilterOp::Ne);

        let state = state
            .reduce(DataAction::SetFilterColumn {
                column: "Prêts".into(),
            })
            .reduce(DataAction::SetFilterValue { value: "12".into() })
            .reduce(DataAction::SetFilterOp {
                op: FilterOp::Missing,
            })
            .reduce(DataAction::AddFilter);
        assert_eq!(
            spec(&state).filters[1].value,
            "",
            "no value for a comparison that needs none"
        );

        let state = state.reduce(DataAction::RemoveFilter { index: 0 });
        assert_eq!(spec(&state).filters.len(), 1);
        assert_eq!(spec(&state).filters[0].column, "Prêts");
    }

    #[test]
    fn the_filter_being_written_follows_a_new_file_only_if_it_has_the_column() {
        let state = opened().reduce(DataAction::SetFilterColumn {
            column: "Prêts".into(),
        });
        let state = state.reduce(DataAction::Open {
            loaded: loaded("Prêts;Ville\n3;A\n", 2),
            reveal: true,
        });
        assert_eq!(state.filter.column, "Prêts");
        let state = state.reduce(DataAction::Open {
            loaded: loaded("Commune;Population\nA;3\n", 3),
            reveal: true,
        });
        assert_eq!(state.filter.column, "Commune");
    }

    #[test]
    fn a_chart_file_replaces_the_chart_or_says_why_not() {
        let state = opened().reduce(DataAction::ChooseLesson {
            distortion: Some(Distortion::TruncatedAxis),
        });
        let form = state.form;
        let state = state.reduce(DataAction::ImportChart {
            text: "{\"format\": \"autre\", \"version\": 1, \"kind\": \"bar\"}".into(),
        });
        assert!(matches!(
            state.chart_file_error,
            Some(ChartFileError::Invalid(ChartError::NotASpec))
        ));
        let mut wanted = ChartSpec::new(ChartKind::Pie);
        wanted.x = Some("Bibliothèque".into());
        let state = state.reduce(DataAction::ImportChart {
            text: wanted.to_json(),
        });
        assert_eq!(spec(&state), &wanted);
        assert_eq!(state.chart_file_error, None);
        assert_eq!(state.form, form + 1, "the form is made anew");
        assert_eq!(state.lesson, Some(Distortion::TruncatedAxis), "the lesson stays");
        let state = state.reduce(DataAction::ChartFileUnreadable);
        assert_eq!(state.chart_file_error, Some(ChartFileError::Unreadable));
    }

    #[test]
    fn a_lesson_shows_the_honest_and_misleading_versions() {
        let state = opened();
        let ds = &state.loaded.as_ref().expect("loaded").dataset;
        assert_eq!(shown(spec(&state), None, ds), Shown::Chart(spec(&state).clone()));
        let pair = shown(spec(&state), Some(Distortion::TooManySlices), ds);
        let Shown::Lesson {
            honest, misleading, ..
        } = &pair
        else {
            panic!("a lesson shows two charts");
        };
        assert_eq!((honest.kind, misleading.kind), (ChartKind::Bar, ChartKind::Pie));
        assert_eq!(pair.exported(), misleading);
        assert_eq!(pair.map(|s| s.kind).exported(), &ChartKind::Pie);
    }

    #[test]
    fn a_pack_opens_its_file_with_its_first_preset_then_any_preset() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../www/packs/lire-un-graphique.briques"
        );
        let text = std::fs::read_to_string(path).expect("the bundled pack");
        let pack = bundle::from_json("lire-un-graphique.briques", &text).expect("a pack");
        let (data, file) = PackData::from_pack(pack).expect("a data activity");
        assert_eq!(file.name, "mediatheque-briqueville.csv");
        assert!(data.presets.len() >= 2);
        let data = Rc::new(data);

        let state = Rc::new(DataState::default()).reduce(DataAction::OpenPack { pack: data.clone() });
        let dataset = import(file.csv.as_bytes()).expect("the pack's table");
        let profile = profile(&dataset);
        let state = state.reduce(DataAction::Open {
            loaded: Rc::new(Loaded::new(file.name, dataset, profile, 1)),
            reveal: false,
        });
        // Opened from a pack: workshop mode, the neutral title (« Graphique 1 »).
        assert!(state.workshop);
        assert_eq!(spec(&state), &data.presets[0].shown(0, true, Lang::Fr));
        assert_eq!(spec(&state).title, "Graphique 1");
        assert_eq!(
            state.reveal, None,
            "the pack's own file opens with the page, where it is"
        );

        let state = state.reduce(DataAction::ChooseLesson {
            distortion: Some(Distortion::DualAxes),
        });
        let state = state.reduce(DataAction::ChoosePreset { index: 1 });
        assert_eq!(spec(&state), &data.presets[1].shown(1, true, Lang::Fr));
        assert_eq!(state.lesson, None, "a preset is shown alone");
        assert_eq!(
            state.reveal,
            Some((Reveal::Chart, 0)),
            "the chart is brought on screen"
        );
        let again = state.clone().reduce(DataAction::ChoosePreset { index: 1 });
        assert_eq!(
            again.reveal,
            Some((Reveal::Chart, 1)),
            "and again when chosen again"
        );
        unchanged(&state, DataAction::ChoosePreset { index: 99 });

        // The next file gets a suggested chart, not the pack's preset again.
        let state = state.reduce(DataAction::Open {
            loaded: loaded(LOANS, 2),
            reveal: true,
        });
        assert_ne!(spec(&state), &data.presets[0].spec);
    }

    #[test]
    fn top_is_a_positive_whole_number_or_nothing() {
        assert_eq!(parse_top(" 12 "), Some(12));
        assert_eq!(parse_top("0"), None);
        assert_eq!(parse_top("-3"), None);
        assert_eq!(parse_top("douze"), None);
        assert_eq!(parse_top(""), None);
    }
}
