//! Chart presets of a pack's data activity: a [`ChartPreset`] is read into the chart
//! module's own vocabulary ([`ChartKind`], [`Distortion`]) when the pack is read, and
//! its [`Period`] is checked then, so that a preset can never ask the explorer for more
//! than it can draw.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::chart::{ChartKind, ChartSpec, Distortion};
use crate::dataset::transform::{Aggregate, Filter, FilterOp};
use crate::i18n::{tr, tr_args, Lang};

/// Years a period may name.
pub const PERIOD_YEARS: std::ops::RangeInclusive<i32> = 1000..=2200;
/// Most years a period may cover, first to last.
pub const PERIOD_MAX_SPAN: i32 = 300;

/// A chart prepared for the data explorer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartPreset {
    /// Title shown above it.
    pub title: String,
    /// The kind of chart (written with its pack word, `barres`, in files).
    #[serde(with = "kind_word")]
    pub kind: ChartKind,
    /// Column on the horizontal axis (or the categories).
    pub x: String,
    /// Column(s) of values.
    pub y: Vec<String>,
    /// For a misleading chart: the trick it shows (its pack word, `axe-tronque`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "trick_word")]
    pub trick: Option<Distortion>,
    /// Lowest value of the value axis (a truncated axis when above zero).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y_min: Option<i64>,
    /// Rows kept by their year in `x` (a cherry-picked range, or some years only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<Period>,
    /// What to say about it.
    #[serde(default)]
    pub note: String,
}

/// Years of `x` a preset keeps: `first-last`, or a list `a,b,c` that keeps those years
/// only. Only [`Period::parse`] makes one, so it always names years of [`PERIOD_YEARS`],
/// in increasing order, at most [`PERIOD_MAX_SPAN`] years from first to last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    first: i32,
    last: i32,
    /// `Some` for a list: the years kept, increasing.
    only: Option<Vec<i32>>,
}

/// Why a `periode` cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// Not `first-last` nor a list of years.
    NotYears,
    /// A year outside [`PERIOD_YEARS`].
    Implausible {
        /// The year written.
        year: i64,
    },
    /// The years do not increase.
    NotIncreasing,
    /// Too many years from first to last.
    TooLong {
        /// Years covered.
        years: i64,
    },
}

impl PeriodError {
    /// What to fix, in `lang`. Years are written as years (`2200`, not `2 200`).
    pub fn message(&self, lang: Lang) -> String {
        let (min, max) = (PERIOD_YEARS.start().to_string(), PERIOD_YEARS.end().to_string());
        match self {
            PeriodError::NotYears => tr(lang, "pack-error-period-format"),
            PeriodError::Implausible { year } => {
                let year = year.to_string();
                tr_args(
                    lang,
                    "pack-error-period-year",
                    &[
                        ("year", (&year).into()),
                        ("min", (&min).into()),
                        ("max", (&max).into()),
                    ],
                )
            }
            PeriodError::NotIncreasing => tr(lang, "pack-error-period-order"),
            PeriodError::TooLong { years } => tr_args(
                lang,
                "pack-error-period-long",
                &[
                    ("years", (*years).into()),
                    ("max", (PERIOD_MAX_SPAN as usize).into()),
                ],
            ),
        }
    }
}

impl Period {
    /// Reads `2012-2019` or `2012,2016,2020`.
    pub fn parse(text: &str) -> Result<Period, PeriodError> {
        let year = |part: &str| -> Result<i32, PeriodError> {
            let part = part.trim();
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(PeriodError::NotYears);
            }
            // Digits only: a number too long for i64 is implausible too.
            let value: i64 = part.parse().unwrap_or(i64::MAX);
            i32::try_from(value)
                .ok()
                .filter(|y| PERIOD_YEARS.contains(y))
                .ok_or(PeriodError::Implausible { year: value })
        };
        let text = text.trim();
        let (first, last, only) = if text.contains(',') {
            let years = text.split(',').map(year).collect::<Result<Vec<i32>, _>>()?;
            if years.windows(2).any(|w| w[0] >= w[1]) {
                return Err(PeriodError::NotIncreasing);
            }
            let (first, last) = (years[0], years[years.len() - 1]);
            (first, last, Some(years))
        } else {
            let (a, b) = text.split_once('-').ok_or(PeriodError::NotYears)?;
            let (first, last) = (year(a)?, year(b)?);
            if first > last {
                return Err(PeriodError::NotIncreasing);
            }
            (first, last, None)
        };
        let years = i64::from(last) - i64::from(first) + 1;
        if years > i64::from(PERIOD_MAX_SPAN) {
            return Err(PeriodError::TooLong { years });
        }
        Ok(Period { first, last, only })
    }

    /// The first and last years.
    pub fn bounds(&self) -> (i32, i32) {
        (self.first, self.last)
    }

    /// As written in a pack (`2012-2019`, `2012,2016,2020`).
    pub fn code(&self) -> String {
        match &self.only {
            Some(years) => years.iter().map(i32::to_string).collect::<Vec<_>>().join(","),
            None => format!("{}-{}", self.first, self.last),
        }
    }

    /// The years between first and last that a list leaves out (none for a stretch).
    pub fn left_out(&self) -> Vec<i32> {
        let Some(only) = &self.only else {
            return Vec::new();
        };
        // Bounded by construction; the cap holds whatever the value was made from.
        (self.first..=self.last)
            .take(PERIOD_MAX_SPAN as usize)
            .filter(|y| only.binary_search(y).is_err())
            .collect()
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Period::parse(&text)
            .map_err(|e| serde::de::Error::custom(format!("periode « {text} » : {}", e.message(Lang::Fr))))
    }
}

/// `kind` as its pack word.
mod kind_word {
    use super::*;

    pub fn serialize<S: Serializer>(kind: &ChartKind, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(kind.pack_code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ChartKind, D::Error> {
        let word = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        ChartKind::from_pack_code(&word).ok_or_else(|| serde::de::Error::unknown_variant(&word, &PACK_KINDS))
    }

    const PACK_KINDS: [&str; 9] = [
        "barres",
        "barres-groupees",
        "barres-empilees",
        "lignes",
        "secteurs",
        "anneau",
        "points",
        "histogramme",
        "carte-proportionnelle",
    ];

    #[test]
    fn the_list_of_words_is_every_kind() {
        let words: Vec<&str> = ChartKind::ALL.iter().map(|k| k.pack_code()).collect();
        assert_eq!(words, PACK_KINDS);
    }
}

/// `trick` as its pack word.
mod trick_word {
    use super::*;

    pub fn serialize<S: Serializer>(trick: &Option<Distortion>, serializer: S) -> Result<S::Ok, S::Error> {
        match trick {
            Some(d) => serializer.serialize_some(d.pack_code()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Distortion>, D::Error> {
        let Some(word) = Option::<std::borrow::Cow<'de, str>>::deserialize(deserializer)? else {
            return Ok(None);
        };
        Distortion::from_pack_code(&word)
            .map(Some)
            .ok_or_else(|| serde::de::Error::unknown_variant(&word, &PACK_TRICKS))
    }

    const PACK_TRICKS: [&str; 5] = [
        "axe-tronque",
        "intervalles-irreguliers",
        "periode-choisie",
        "trop-de-parts",
        "double-axe",
    ];

    #[test]
    fn the_list_of_words_is_every_distortion() {
        let words: Vec<&str> = Distortion::ALL.iter().map(|d| d.pack_code()).collect();
        assert_eq!(words, PACK_TRICKS);
    }
}

impl ChartPreset {
    /// The title shown in workshop mode, for the preset at `index` (from zero) of its
    /// activity: « Graphique 2 », which gives nothing away (the pack's own title often
    /// names the trick; the answer key keeps it).
    pub fn neutral_title(index: usize, lang: Lang) -> String {
        tr_args(lang, "data-workshop-chart", &[("n", (index + 1).into())])
    }

    /// The data explorer's chart for this preset: kind, columns, title and source, and
    /// for a misleading preset its distortion, truncated axis and chosen rows (a
    /// stretch of years keeps those rows; a list keeps its years only).
    pub fn to_spec(&self, source: &str) -> ChartSpec {
        let mut spec = ChartSpec::new(self.kind);
        spec.x = Some(self.x.clone());
        spec.y = self.y.first().cloned();
        spec.y2 = self.y.get(1).cloned();
        spec.aggregate = if spec.y.is_some() {
            Aggregate::Sum
        } else {
            Aggregate::Count
        };
        spec.title = self.title.clone();
        spec.source = source.to_owned();
        spec.distortion = self.trick;
        if let Some(min) = self.y_min {
            spec.axis.y_from_zero = false;
            spec.axis.y_min = Some(min as f64);
        }
        if let Some(period) = &self.range {
            let filter = |op, year: i32| Filter {
                column: self.x.clone(),
                op,
                value: year.to_string(),
            };
            spec.filters = period
                .left_out()
                .into_iter()
                .map(|y| filter(FilterOp::Ne, y))
                .collect();
            let (first, last) = period.bounds();
            spec.filters.push(filter(FilterOp::Ge, first));
            spec.filters.push(filter(FilterOp::Le, last));
        }
        spec
    }
}
