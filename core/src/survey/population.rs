//! From the room to the population: "dans la salle, vous êtes 1 sur 1 ; et dans votre
//! commune ?". For the quasi-identifiers whose distribution in the population is
//! published — genre (women, men), age band, living in the commune — how many people of a
//! commune share a combination of answers, and the classic made local: how many of the
//! commune's inhabitants are the only ones with their full date of birth and sex
//! (Sweeney's 87 % of the United States population on date of birth, sex and 5-digit ZIP
//! code, an estimate; Golle, 2006, found 63 % on the 2000 census).
//!
//! The distribution is INSEE's: **POP1B — Population par sexe et âge en 2018, France
//! entière** (recensement de la population 2018, exploitation principale, géographie au
//! 1er janvier 2021, published 30 June 2021,
//! <https://www.insee.fr/fr/statistiques/5397445?geo=FE-1&sommaire=5397467>; INSEE
//! statistics are free to reuse with their source, Licence Ouverte). Assumptions, said on
//! the page in one sentence: the commune has France's age and sex structure; ages are
//! spread evenly within each five-year band (100 and over as 100–104); birthdays evenly
//! over the year; answers are independent of each other (the commune's own figure, from
//! the commune directory, scales everything linearly).

use serde::Serialize;

use super::analysis::equivalence_classes;
use super::{QuestionKind, Session, SurveyError};

/// Men and women by five-year age band (from, men, women), France entière, RP2018
/// (INSEE POP1B). The last band is 100 and over.
pub const FRANCE_2018: [(u32, u64, u64); 21] = [
    (0, 1_912_032, 1_834_890),
    (5, 2_103_205, 2_012_989),
    (10, 2_118_169, 2_023_976),
    (15, 2_121_599, 2_007_360),
    (20, 1_891_915, 1_841_407),
    (25, 1_894_988, 1_939_465),
    (30, 1_977_553, 2_080_811),
    (35, 2_047_307, 2_132_161),
    (40, 2_078_773, 2_131_118),
    (45, 2_230_818, 2_280_135),
    (50, 2_193_469, 2_277_705),
    (55, 2_090_242, 2_218_884),
    (60, 1_947_372, 2_136_018),
    (65, 1_861_206, 2_079_172),
    (70, 1_406_107, 1_625_770),
    (75, 962_304, 1_216_917),
    (80, 758_101, 1_125_544),
    (85, 464_287, 871_288),
    (90, 180_987, 463_804),
    (95, 36_409, 135_150),
    (100, 3_736, 17_392),
];

/// Width of each band in years (the last one taken as 100–104).
const BAND_YEARS: u32 = 5;
/// Days in a year, on average.
const DAYS: f64 = 365.25;

/// France's population in the table (both sexes).
pub fn total() -> u64 {
    FRANCE_2018.iter().map(|(_, m, f)| m + f).sum()
}

/// A sex, as published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Sex {
    /// Men.
    Men,
    /// Women.
    Women,
}

/// An age range, in whole years: from, and below (`None`: no upper bound).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AgeRange {
    /// First age of the range.
    pub from: u32,
    /// First age above the range.
    pub below: Option<u32>,
}

impl AgeRange {
    /// The range a choice names, from its id or label: "moins-de-18", "18-29",
    /// "60-et-plus", "30 à 59 ans", "Moins de 30 ans", "75 ans et plus".
    pub fn parse(text: &str) -> Option<AgeRange> {
        let lower = text.to_lowercase();
        let numbers: Vec<u32> = lower
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        let open_end = lower.contains("plus") || lower.contains('+');
        match numbers.as_slice() {
            [n] if lower.contains("moins") => Some(AgeRange {
                from: 0,
                below: Some(*n),
            }),
            [n] if open_end => Some(AgeRange {
                from: *n,
                below: None,
            }),
            [a, b] if a <= b => Some(AgeRange {
                from: *a,
                below: Some(b + 1),
            }),
            _ => None,
        }
    }

    /// The share of a band `[from, from + 5)` in this range (bands are spread evenly).
    fn overlap(&self, band_from: u32) -> f64 {
        let band_below = band_from + BAND_YEARS;
        let lo = self.from.max(band_from);
        let hi = self.below.unwrap_or(u32::MAX).min(band_below);
        if hi <= lo {
            0.0
        } else {
            f64::from(hi - lo) / f64::from(BAND_YEARS)
        }
    }
}

/// The share of France's population of `sex` (both when `None`) in `range` (all ages
/// when `None`).
pub fn share(sex: Option<Sex>, range: Option<AgeRange>) -> f64 {
    let counted: f64 = FRANCE_2018
        .iter()
        .map(|(from, men, women)| {
            let people = match sex {
                Some(Sex::Men) => *men,
                Some(Sex::Women) => *women,
                None => men + women,
            } as f64;
            people * range.map_or(1.0, |r| r.overlap(*from))
        })
        .sum();
    counted / total() as f64
}

/// How many of `population` people share the combination of `share`.
pub fn people_sharing(population: u64, share: f64) -> f64 {
    population as f64 * share
}

/// The expected share of `population` people who are the only ones with their date of
/// birth and sex: Σ over (sex, day of birth) cells of p × (1 − p)^(population − 1),
/// each cell's p from the table spread over its band's days.
pub fn unique_by_birth_date_and_sex(population: u64) -> f64 {
    if population == 0 {
        return 0.0;
    }
    let total = total() as f64;
    let others = (population - 1) as f64;
    FRANCE_2018
        .iter()
        .flat_map(|(_, men, women)| [*men, *women])
        .map(|people| {
            let band = people as f64 / total;
            let cell = band / (f64::from(BAND_YEARS) * DAYS);
            // (1 - p)^n as exp(n ln(1 - p)), exact enough for tiny p.
            band * (others * (-cell).ln_1p()).exp()
        })
        .sum()
}

/// What one answer says about the population, for the estimate.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Known {
    /// A sex.
    Sex(Sex),
    /// An age range.
    Age(AgeRange),
    /// Lives in the commune: the commune's population is the base.
    InCommune,
}

/// What a choice of a question says, when the table can weigh it; `None` when it cannot
/// ("Autre ou ne se prononce pas", "Non" to living here, an opinion).
fn known(session: &Session, question: &str, choice: usize) -> Option<Known> {
    let q = session.survey.question(question)?;
    let c = q.choices.get(choice)?;
    let text = format!("{} {}", c.id, c.label).to_lowercase();
    let id = q.id.to_lowercase();
    let label = q.label.to_lowercase();
    if q.kind == QuestionKind::AgeBand || id.contains("age") || label.contains("âge") {
        return AgeRange::parse(&c.id)
            .or_else(|| AgeRange::parse(&c.label))
            .map(Known::Age);
    }
    if id.contains("genre") || id.contains("sexe") || label.contains("genre") || label.contains("sexe") {
        return if text.contains("femme") || text.contains("woman") || text.contains("women") {
            Some(Known::Sex(Sex::Women))
        } else if text.contains("homme") || text.contains("man") {
            Some(Known::Sex(Sex::Men))
        } else {
            None
        };
    }
    if id.contains("commune") || label.contains("commune") {
        return (c.id == "oui" || c.label.to_lowercase() == "oui").then_some(Known::InCommune);
    }
    None
}

/// A combination of answers in the room, and what the population says of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Estimate {
    /// The answers (choice index, `None` for no answer), one per quasi-identifier.
    pub answers: Vec<Option<usize>>,
    /// People in the room with them.
    pub in_room: usize,
    /// The share of the commune's population with them, when the table can weigh every
    /// answer; `None` otherwise.
    pub share: Option<f64>,
    /// People of the commune with them (`share` × population).
    pub in_commune: Option<f64>,
}

/// For each combination of `quasi` answers in the room (people alone first, then the
/// smallest groups), how many of the commune's `population` share it.
pub fn estimates(session: &Session, quasi: &[String], population: u64) -> Result<Vec<Estimate>, SurveyError> {
    let mut classes = equivalence_classes(session, quasi)?;
    crate::sorting::sort_by_key(&mut classes, |c| c.participants.len());
    Ok(classes
        .into_iter()
        .map(|class| {
            let mut sex = None;
            let mut age = None;
            let mut weighable = true;
            for (question, answer) in quasi.iter().zip(&class.answers) {
                match answer.and_then(|a| known(session, question, a)) {
                    Some(Known::Sex(s)) => sex = Some(s),
                    Some(Known::Age(r)) => age = Some(r),
                    Some(Known::InCommune) => {}
                    None => weighable = false,
                }
            }
            let share = weighable.then(|| share(sex, age));
            Estimate {
                answers: class.answers,
                in_room: class.participants.len(),
                share,
                in_commune: share.map(|s| people_sharing(population, s)),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests;
