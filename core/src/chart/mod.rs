//! Charts of the data explorer as plain data: a versioned [`ChartSpec`] (serde, the file
//! format `briques-chart` the app exports and re-imports), the numbers it draws
//! ([`data::ChartData`]), one drawing module ([`draw::render_svg`], plotters' SVG
//! backend, used by the app and the command line alike) and the misleading-chart lessons
//! ([`lessons`]): each distortion paired with its honest version and an explanation.

pub mod builder;
pub mod data;
pub mod draw;
pub mod hand;
pub mod layout;
pub mod lessons;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::vocabulary::codes;

use crate::dataset::transform::{Aggregate, Filter, SortOrder, TransformError};
use crate::i18n::{display_from_message, tr, tr_args, Lang};

/// Limits of what a chart file may ask for: a file is refused beyond them, so that no
/// value read from a file can make the app loop, allocate or draw without bound (drawing
/// also clamps its size and the data module caps categories, bins and points).
pub mod limits {
    /// Width and height, in pixels.
    pub const SIZE: std::ops::RangeInclusive<u32> = 100..=4000;
    /// Histogram bins.
    pub const BINS: std::ops::RangeInclusive<usize> = 1..=200;
    /// Categories kept before "Autres".
    pub const TOP: std::ops::RangeInclusive<usize> = 1..=1000;
    /// Filters.
    pub const FILTERS: usize = 50;
    /// Characters of a text (title, subtitle, source, licence, label, column, filter value).
    pub const TEXT: usize = 1000;
}

/// The `format` field of a chart spec file.
pub const SPEC_FORMAT: &str = "briques-chart";
/// The version this code writes; it reads this one and older ones.
pub const SPEC_VERSION: u32 = 1;

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ChartKind {
    /// Bars, one per category.
    #[default]
    Bar,
    /// Bars side by side, one per `colour` value, within each category.
    GroupedBar,
    /// Bars stacked, one segment per `colour` value.
    StackedBar,
    /// A line over time, over numbers, or across categories.
    Line,
    /// A pie.
    Pie,
    /// A pie with a hole.
    Donut,
    /// Points placed by two numeric columns (sized by `size`, coloured by `colour`).
    Scatter,
    /// How a numeric column's values spread, in bins of equal width.
    Histogram,
    /// Nested rectangles whose areas are the values.
    Treemap,
}

// The codes of chart spec files and of the `chart-kind-…` translation keys.
codes!(ChartKind {
    Bar => "bar",
    GroupedBar => "grouped_bar",
    StackedBar => "stacked_bar",
    Line => "line",
    Pie => "pie",
    Donut => "donut",
    Scatter => "scatter",
    Histogram => "histogram",
    Treemap => "treemap",
});

impl ChartKind {
    /// The word a workshop pack uses for this kind in `pack.toml` (French, for the
    /// teachers who write them; documented in `workshops/README.md`).
    pub fn pack_code(self) -> &'static str {
        match self {
            ChartKind::Bar => "barres",
            ChartKind::GroupedBar => "barres-groupees",
            ChartKind::StackedBar => "barres-empilees",
            ChartKind::Line => "lignes",
            ChartKind::Pie => "secteurs",
            ChartKind::Donut => "anneau",
            ChartKind::Scatter => "points",
            ChartKind::Histogram => "histogramme",
            ChartKind::Treemap => "carte-proportionnelle",
        }
    }

    /// The kind a pack names with this word.
    pub fn from_pack_code(code: &str) -> Option<ChartKind> {
        ChartKind::ALL.iter().copied().find(|k| k.pack_code() == code)
    }

    /// Whether this kind can split its values into series by a `colour` column (the
    /// others ignore it, so the chart builder does not offer it).
    pub fn uses_colour(self) -> bool {
        matches!(
            self,
            ChartKind::GroupedBar | ChartKind::StackedBar | ChartKind::Line | ChartKind::Scatter
        )
    }
}

/// The classic distortions a misleading-chart lesson shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Distortion {
    /// The value axis does not start at zero: small differences look huge.
    TruncatedAxis,
    /// Points unevenly spaced in time are drawn evenly spaced.
    UnevenIntervals,
    /// Only the stretch of time that tells the wanted story is shown.
    CherryPicked,
    /// A pie with many thin slices nobody can compare.
    TooManySlices,
    /// Two measures on two axes scaled so that they seem to move together.
    DualAxes,
}

// In the order of the lesson; the codes end its translation keys (`chart-lesson-…`).
codes!(Distortion {
    TruncatedAxis => "truncated_axis",
    UnevenIntervals => "uneven_intervals",
    CherryPicked => "cherry_picked",
    TooManySlices => "too_many_slices",
    DualAxes => "dual_axes",
});

impl Distortion {
    /// The word a workshop pack uses for this distortion (`trompeur = "…"`).
    pub fn pack_code(self) -> &'static str {
        match self {
            Distortion::TruncatedAxis => "axe-tronque",
            Distortion::UnevenIntervals => "intervalles-irreguliers",
            Distortion::CherryPicked => "periode-choisie",
            Distortion::TooManySlices => "trop-de-parts",
            Distortion::DualAxes => "double-axe",
        }
    }

    /// The distortion a pack names with this word.
    pub fn from_pack_code(code: &str) -> Option<Distortion> {
        Distortion::ALL.iter().copied().find(|d| d.pack_code() == code)
    }

    /// Whether the lesson draws a second measure (`y2`), which the user then chooses.
    pub fn uses_second_measure(self) -> bool {
        self == Distortion::DualAxes
    }
}

fn yes() -> bool {
    true
}

/// Axis options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AxisOptions {
    /// Label of the horizontal axis (the column name when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_label: Option<String>,
    /// Label of the value axis (the measure when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y_label: Option<String>,
    /// Start the value axis at zero (bars always should).
    #[serde(default = "yes")]
    pub y_from_zero: bool,
    /// Fixed bounds of the value axis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y_min: Option<f64>,
    /// Fixed bounds of the value axis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y_max: Option<f64>,
    /// Show each series as an index (first value = 100), so that measures of different
    /// sizes can share one axis honestly.
    #[serde(default)]
    pub index_base_100: bool,
}

impl Default for AxisOptions {
    fn default() -> Self {
        AxisOptions {
            x_label: None,
            y_label: None,
            y_from_zero: true,
            y_min: None,
            y_max: None,
            index_base_100: false,
        }
    }
}

fn default_width() -> u32 {
    800
}

fn default_height() -> u32 {
    500
}

fn format_name() -> String {
    SPEC_FORMAT.to_owned()
}

/// A chart, as data: what to draw from which columns, and how to label it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartSpec {
    /// Always `briques-chart`.
    #[serde(default = "format_name")]
    pub format: String,
    /// [`SPEC_VERSION`] when written.
    pub version: u32,
    /// What kind of chart.
    pub kind: ChartKind,
    /// Categories, time or numbers along the horizontal axis (the measured column for a
    /// histogram).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<String>,
    /// The measured column (none: count rows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<String>,
    /// A second measure (the dual-axes lesson).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y2: Option<String>,
    /// Splits into series (grouped, stacked, lines, scatter colours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// Size of scatter points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// How rows become one number per category.
    #[serde(default)]
    pub aggregate: Aggregate,
    /// Rows kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<Filter>,
    /// Order of categories.
    #[serde(default)]
    pub sort: SortOrder,
    /// Keep this many categories, the rest as "Autres".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top: Option<usize>,
    /// Bins of a histogram.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bins: Option<usize>,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Subtitle.
    #[serde(default)]
    pub subtitle: String,
    /// Where the data comes from.
    #[serde(default)]
    pub source: String,
    /// The data's licence.
    #[serde(default)]
    pub licence: String,
    /// Axis options.
    #[serde(default)]
    pub axis: AxisOptions,
    /// A distortion applied on purpose (misleading-chart lessons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distortion: Option<Distortion>,
    /// Width in pixels.
    #[serde(default = "default_width")]
    pub width: u32,
    /// Height in pixels.
    #[serde(default = "default_height")]
    pub height: u32,
}

impl ChartSpec {
    /// A spec of `kind` with defaults for the rest.
    pub fn new(kind: ChartKind) -> Self {
        ChartSpec {
            format: SPEC_FORMAT.to_owned(),
            version: SPEC_VERSION,
            kind,
            x: None,
            y: None,
            y2: None,
            colour: None,
            size: None,
            aggregate: Aggregate::Count,
            filters: Vec::new(),
            sort: SortOrder::Key,
            top: None,
            bins: None,
            title: String::new(),
            subtitle: String::new(),
            source: String::new(),
            licence: String::new(),
            axis: AxisOptions::default(),
            distortion: None,
            width: default_width(),
            height: default_height(),
        }
    }

    /// Reads a spec file.
    pub fn from_json(text: &str) -> Result<ChartSpec, ChartError> {
        // Saved by a Windows editor, a spec may start with a byte-order mark.
        let spec: ChartSpec =
            serde_json::from_str(crate::csv::strip_bom(text)).map_err(|e| ChartError::BadSpec {
                line: e.line(),
                detail: e.to_string(),
            })?;
        if spec.format != SPEC_FORMAT {
            return Err(ChartError::NotASpec);
        }
        if spec.version == 0 || spec.version > SPEC_VERSION {
            return Err(ChartError::UnsupportedVersion(spec.version));
        }
        spec.check_limits()?;
        Ok(spec)
    }

    /// Refuses a spec beyond [`limits`], naming the field.
    pub fn check_limits(&self) -> Result<(), ChartError> {
        let beyond = |field: &'static str, limit: String| Err(ChartError::BeyondLimit { field, limit });
        let range = |r: &std::ops::RangeInclusive<usize>| format!("{}–{}", r.start(), r.end());
        for (field, value) in [("width", self.width), ("height", self.height)] {
            if !limits::SIZE.contains(&value) {
                return beyond(field, format!("{}–{}", limits::SIZE.start(), limits::SIZE.end()));
            }
        }
        if self.bins.is_some_and(|b| !limits::BINS.contains(&b)) {
            return beyond("bins", range(&limits::BINS));
        }
        if self.top.is_some_and(|t| !limits::TOP.contains(&t)) {
            return beyond("top", range(&limits::TOP));
        }
        if self.filters.len() > limits::FILTERS {
            return beyond("filters", limits::FILTERS.to_string());
        }
        let texts = [
            ("title", Some(&self.title)),
            ("subtitle", Some(&self.subtitle)),
            ("source", Some(&self.source)),
            ("licence", Some(&self.licence)),
            ("x", self.x.as_ref()),
            ("y", self.y.as_ref()),
            ("y2", self.y2.as_ref()),
            ("colour", self.colour.as_ref()),
            ("size", self.size.as_ref()),
            ("x_label", self.axis.x_label.as_ref()),
            ("y_label", self.axis.y_label.as_ref()),
        ]
        .into_iter()
        .chain(
            self.filters
                .iter()
                .flat_map(|f| [("filters", Some(&f.column)), ("filters", Some(&f.value))]),
        );
        for (field, text) in texts {
            if text.is_some_and(|t| t.chars().count() > limits::TEXT) {
                return beyond(field, limits::TEXT.to_string());
            }
        }
        let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
        if !finite(self.axis.y_min) || !finite(self.axis.y_max) {
            return beyond("axis", "±1e308".to_owned());
        }
        Ok(())
    }

    /// The spec as a file (pretty JSON).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// A file name without its extension for a chart, from words that say which chart it
/// is (its title, "trompeur"): each in lower-case ASCII, words joined by hyphens
/// (`prets-par-bibliotheque-trompeur`), at most 80 characters in all. Parts without a
/// letter or digit are left out.
pub fn file_stem(parts: &[&str]) -> String {
    let mut stem = String::new();
    for c in parts.join(" ").chars().map(crate::i18n::fold_accent) {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let mut stem: String = stem.trim_end_matches('-').chars().take(80).collect();
    while stem.ends_with('-') {
        stem.pop();
    }
    stem
}

/// A chart that cannot be drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartError {
    /// The spec file is not valid JSON or misses a field.
    BadSpec {
        /// 1-based line of the problem.
        line: usize,
        /// What serde said.
        detail: String,
    },
    /// A JSON file that is not a chart spec.
    NotASpec,
    /// A spec from a newer Briques.
    UnsupportedVersion(u32),
    /// The kind needs a column that is not chosen (`x`, `y`, `y2`).
    MissingEncoding(&'static str),
    /// A column, a filter or an aggregate that does not fit.
    Transform(TransformError),
    /// Nothing left to draw (every row filtered out, or no value).
    NoData,
    /// A chart file asks for more than [`limits`] allow.
    BeyondLimit {
        /// The field.
        field: &'static str,
        /// What is allowed (`100–4000`, `50`).
        limit: String,
    },
    /// plotters failed (should not happen with the SVG backend).
    Draw(String),
}

impl ChartError {
    /// The message shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ChartError::BadSpec { line, detail } => tr_args(
                lang,
                "chart-error-bad-spec",
                &[("line", (*line).into()), ("detail", detail.as_str().into())],
            ),
            ChartError::NotASpec => tr(lang, "chart-error-not-a-spec"),
            ChartError::UnsupportedVersion(v) => {
                tr_args(lang, "chart-error-version", &[("version", (*v as usize).into())])
            }
            ChartError::MissingEncoding(which) => tr(lang, &format!("chart-error-missing-{which}")),
            ChartError::Transform(e) => e.message(lang),
            ChartError::NoData => tr(lang, "chart-error-no-data"),
            ChartError::BeyondLimit { field, limit } => tr_args(
                lang,
                "chart-error-beyond-limit",
                &[("field", (*field).into()), ("limit", limit.into())],
            ),
            ChartError::Draw(detail) => {
                tr_args(lang, "chart-error-draw", &[("detail", detail.as_str().into())])
            }
        }
    }
}

display_from_message!(ChartError);

impl From<TransformError> for ChartError {
    fn from(error: TransformError) -> Self {
        ChartError::Transform(error)
    }
}
