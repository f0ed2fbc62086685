use proptest::prelude::*;

use super::*;
use crate::survey::test_support::ids;

/// INSEE POP1B's "Ensemble" line: 32 280 580 men, 34 451 958 women.
const MEN: u64 = 32_280_580;
const WOMEN: u64 = 34_451_958;

#[test]
fn the_table_adds_up_to_the_published_totals() {
    // The census counts are weighted, then rounded band by band: the bands add up to the
    // published totals give or take the rounding.
    let men: u64 = FRANCE_2018.iter().map(|(_, m, _)| m).sum();
    let women: u64 = FRANCE_2018.iter().map(|(_, _, f)| f).sum();
    assert!(
        men.abs_diff(MEN) <= 3 && women.abs_diff(WOMEN) <= 3,
        "{men} {women}"
    );
    assert_eq!(total(), men + women);
    assert!(FRANCE_2018.windows(2).all(|w| w[1].0 == w[0].0 + 5));
}

#[test]
fn age_ranges_are_read_from_ids_and_labels() {
    let r = |from, below| Some(AgeRange { from, below });
    assert_eq!(AgeRange::parse("moins-de-18"), r(0, Some(18)));
    assert_eq!(AgeRange::parse("Moins de 30 ans"), r(0, Some(30)));
    assert_eq!(AgeRange::parse("18-29"), r(18, Some(30)));
    assert_eq!(AgeRange::parse("30 à 59 ans"), r(30, Some(60)));
    assert_eq!(AgeRange::parse("60-et-plus"), r(60, None));
    assert_eq!(AgeRange::parse("75 ans et plus"), r(75, None));
    for bad in ["fromage", "", "59-30", "1-2-3"] {
        assert_eq!(AgeRange::parse(bad), None, "{bad}");
    }
}

#[test]
fn shares_follow_the_table_split_evenly_within_bands() {
    assert!((share(None, None) - 1.0).abs() < 1e-12);
    let all = total() as f64;
    assert!((share(Some(Sex::Women), None) - WOMEN as f64 / all).abs() < 1e-7);
    // Under 18, both sexes: three bands and three fifths of 15–19, by hand.
    let under_18 = 1_912_032.0
        + 1_834_890.0
        + 2_103_205.0
        + 2_012_989.0
        + 2_118_169.0
        + 2_023_976.0
        + 0.6 * (2_121_599.0 + 2_007_360.0);
    let got = share(None, AgeRange::parse("moins-de-18"));
    assert!((got - under_18 / all).abs() < 1e-12, "{got}");
    // Women of 60 and over.
    let women_60: f64 = FRANCE_2018
        .iter()
        .filter(|(from, ..)| *from >= 60)
        .map(|(_, _, f)| *f as f64)
        .sum();
    let got = share(Some(Sex::Women), AgeRange::parse("60-et-plus"));
    assert!((got - women_60 / all).abs() < 1e-12);
    // The age ranges of a survey partition everyone.
    let bands = ["moins-de-18", "18-29", "30-44", "45-59", "60-74", "75-et-plus"];
    let sum: f64 = bands.iter().map(|b| share(None, AgeRange::parse(b))).sum();
    assert!((sum - 1.0).abs() < 1e-9, "{sum}");
}

proptest! {
    #[test]
    fn the_estimate_scales_linearly_with_the_population(n in 0u64..10_000_000, k in 1u64..50, s in 0.0f64..1.0) {
        let one = people_sharing(n, s);
        let scaled = people_sharing(n * k, s);
        prop_assert!((scaled - one * k as f64).abs() <= 1e-6 * scaled.max(1.0));
    }
}

/// A small deterministic generator for the simulation (xorshift64*).
struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// People drawn from the table (band by weight, then a day of the band evenly), and the
/// share alone with their (sex, day): the formula's expectation, checked by drawing.
fn simulated_unique_share(population: usize, seed: u64) -> f64 {
    let total = total() as f64;
    let cells: Vec<(f64, usize)> = FRANCE_2018
        .iter()
        .enumerate()
        .flat_map(|(band, (_, m, f))| [(*m as f64 / total, band * 2), (*f as f64 / total, band * 2 + 1)])
        .collect();
    let mut rng = Rng(seed);
    let days = (5.0 * 365.25) as usize;
    let mut counts = std::collections::HashMap::new();
    for _ in 0..population {
        let mut pick = rng.unit();
        let cell = cells
            .iter()
            .find(|(p, _)| {
                pick -= p;
                pick < 0.0
            })
            .map_or(cells.len() - 1, |(_, c)| *c);
        let day = (rng.unit() * days as f64) as usize;
        *counts.entry((cell, day)).or_insert(0usize) += 1;
    }
    counts.values().filter(|n| **n == 1).count() as f64 / population as f64
}

#[test]
fn alone_with_ones_date_of_birth_and_sex_as_a_drawing_finds() {
    assert!((unique_by_birth_date_and_sex(1) - 1.0).abs() < 1e-12);
    assert_eq!(unique_by_birth_date_and_sex(0), 0.0);
    for population in [3_423usize, 40_000, 300_000] {
        let formula = unique_by_birth_date_and_sex(population as u64);
        let drawn: f64 = (1..=3)
            .map(|seed| simulated_unique_share(population, seed * 7919))
            .sum::<f64>()
            / 3.0;
        assert!(
            (formula - drawn).abs() < 0.01,
            "{population}: formula {formula}, drawn {drawn}"
        );
    }
    // Fewer alone as the commune grows.
    let shares: Vec<f64> = [1_000u64, 10_000, 100_000, 1_000_000]
        .iter()
        .map(|n| unique_by_birth_date_and_sex(*n))
        .collect();
    assert!(shares.windows(2).all(|w| w[0] > w[1]), "{shares:?}");
}

#[test]
fn each_combination_of_the_room_gets_the_commune_s_count_when_the_table_can_weigh_it() {
    // The Duplo pack's survey: genre, lives here, age band.
    let mut s: Session = serde_json::from_str(include_str!(
        "../../../../workshops/donnees-en-duplo/questionnaire.json"
    ))
    .unwrap();
    for (genre, age, commune) in [
        ("femme", "30-59", "oui"),
        ("femme", "30-59", "oui"),
        ("homme", "60-et-plus", "oui"),
        ("autre", "moins-de-30", "oui"),
        ("femme", "moins-de-30", "non"),
    ] {
        let answers = [("genre", genre), ("age", age), ("commune", commune)]
            .into_iter()
            .map(|(q, c)| (q.to_owned(), c.to_owned()))
            .collect();
        s.add_response(answers).unwrap();
    }
    let found = estimates(&s, &ids(&["genre", "age", "commune"]), 3_423).unwrap();
    assert_eq!(found.len(), 4);
    // The people alone first.
    assert!(found.iter().take(3).all(|e| e.in_room == 1));
    let man = found
        .iter()
        .find(|e| e.answers == [Some(1), Some(2), Some(0)])
        .unwrap();
    let men_60: f64 = FRANCE_2018
        .iter()
        .filter(|(from, ..)| *from >= 60)
        .map(|(_, m, _)| *m as f64)
        .sum();
    let expected = 3_423.0 * men_60 / total() as f64;
    assert!((man.in_commune.unwrap() - expected).abs() < 1e-9);
    // "Autre" has no published distribution; someone not living here is not counted.
    for answers in [[Some(2), Some(0), Some(0)], [Some(0), Some(0), Some(1)]] {
        let e = found.iter().find(|e| e.answers == answers).unwrap();
        assert_eq!(e.share, None, "{answers:?}");
    }
}
