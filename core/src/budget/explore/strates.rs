//! Population strates and the comparison with communes of the same size ("environ 63 %
//! des communes de même taille dépensent plus").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Population strates: number and lowest population, following the DGFiP/OFGL bands
/// where known. Their names are in the catalogue (`budget-strate-4`:
/// [`crate::budget::prepared::strate_label`]).
pub const STRATES: [(u8, u64); 10] = [
    (1, 0),
    (2, 250),
    (3, 500),
    (4, 2_000),
    (5, 3_500),
    (6, 5_000),
    (7, 10_000),
    (8, 20_000),
    (9, 50_000),
    (10, 100_000),
];

/// The strate of a population.
pub fn strate(population: u64) -> u8 {
    STRATES
        .iter()
        .rev()
        .find(|(_, from)| population >= *from)
        .map_or(1, |(s, _)| *s)
}

/// Quartiles of an indicator among the communes of a strate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quartiles {
    /// First quartile: a quarter of the communes are below.
    pub q1: f64,
    /// Median: half of the communes are below.
    pub median: f64,
    /// Third quartile: three quarters of the communes are below.
    pub q3: f64,
}

/// Statistics of a population strate, as written by the national preparation
/// (`strates.json`, keyed by strate number).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Strate {
    /// The strate in words, in French ("2 000 à 3 499 habitants"), for people who read
    /// the file; pages show [`crate::budget::prepared::strate_label`] in their language.
    pub label: String,
    /// How many communes the statistics cover.
    pub communes: usize,
    /// Per-inhabitant quartiles by indicator name (`depenses_reelles_fonctionnement`, …).
    pub per_inhabitant: BTreeMap<String, Quartiles>,
}

/// The approximate share (in %) of communes of the strate whose value is above `value`,
/// interpolated linearly between the quartiles (and beyond them with the nearest
/// segment's slope), kept between 1 and 99 since only quartiles are known.
pub fn share_above(q: &Quartiles, value: f64) -> f64 {
    let points = [(q.q1, 25.0), (q.median, 50.0), (q.q3, 75.0)];
    let below = |(x0, p0): (f64, f64), (x1, p1): (f64, f64)| {
        if (x1 - x0).abs() < f64::EPSILON {
            if value < x0 {
                p0
            } else {
                p1
            }
        } else {
            p0 + (value - x0) * (p1 - p0) / (x1 - x0)
        }
    };
    let pct_below = if value <= q.median {
        below(points[0], points[1])
    } else {
        below(points[1], points[2])
    };
    (100.0 - pct_below).clamp(1.0, 99.0)
}

/// The statistics of the strate of `population`, when `strates` (keyed by strate number,
/// as `strates.json` is) has them.
pub fn strate_of(strates: &BTreeMap<String, Strate>, population: u64) -> Option<&Strate> {
    strates.get(&strate(population).to_string())
}

/// How one indicator of a commune compares with the communes of its strate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    /// Approximate share (in %, rounded to a whole number) of the strate's communes with
    /// a higher amount per inhabitant.
    pub share_above: f64,
    /// The strate's quartiles of the indicator, per inhabitant.
    pub quartiles: Quartiles,
}

/// Compares `value`, the commune's total for `indicator`, per inhabitant with the
/// strate; `None` when the strate has no statistics for that indicator or the population
/// is zero.
pub fn compare(stats: &Strate, indicator: &str, value: f64, population: u64) -> Option<Comparison> {
    if population == 0 {
        return None;
    }
    let quartiles = *stats.per_inhabitant.get(indicator)?;
    Some(Comparison {
        share_above: share_above(&quartiles, value / population as f64).round(),
        quartiles,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn share_above_reads_the_quartiles() {
        let q = Quartiles {
            q1: 600.0,
            median: 800.0,
            q3: 1000.0,
        };
        assert_eq!(share_above(&q, 800.0), 50.0);
        assert_eq!(share_above(&q, 600.0), 75.0);
        assert_eq!(share_above(&q, 1000.0), 25.0);
        assert_eq!(share_above(&q, 10_000.0), 1.0);
        assert_eq!(share_above(&q, -5.0), 99.0);
    }

    #[test]
    fn a_commune_is_compared_per_inhabitant_with_its_own_strate() {
        let q = Quartiles {
            q1: 600.0,
            median: 800.0,
            q3: 1000.0,
        };
        let stats = Strate {
            label: "2 000 à 3 499 habitants".into(),
            communes: 120,
            per_inhabitant: BTreeMap::from([("depenses_reelles_fonctionnement".to_owned(), q)]),
        };
        let strates = BTreeMap::from([("4".to_owned(), stats.clone())]);
        assert_eq!(strate_of(&strates, 3012).map(|s| s.communes), Some(120));
        assert_eq!(strate_of(&strates, 3500), None, "strate 5 is not served");
        // 2 400 000 € for 3 000 inhabitants is the median: half of the communes spend more.
        let c = compare(&stats, "depenses_reelles_fonctionnement", 2_400_000.0, 3000);
        assert_eq!(
            c,
            Some(Comparison {
                share_above: 50.0,
                quartiles: q
            })
        );
        let c = compare(&stats, "depenses_reelles_fonctionnement", 2_000_000.0, 3000);
        assert_eq!(c.map(|c| c.share_above), Some(67.0), "rounded to a whole number");
        assert_eq!(compare(&stats, "encours_dette", 1.0, 3000), None);
        assert_eq!(compare(&stats, "depenses_reelles_fonctionnement", 1.0, 0), None);
    }

    proptest! {
        #[test]
        fn share_above_never_rises_with_the_value(a in -1e4f64..1e5, b in -1e4f64..1e5, q1 in 0.0f64..500.0, d1 in 0.0f64..500.0, d2 in 0.0f64..500.0) {
            let q = Quartiles { q1, median: q1 + d1, q3: q1 + d1 + d2 };
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(share_above(&q, lo) >= share_above(&q, hi));
        }
    }
}
