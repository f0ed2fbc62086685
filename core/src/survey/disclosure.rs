//! Attribute disclosure (ℓ-diversity): nobody needs to be unique for an answer to be
//! given away. When everyone who shares the same quasi-identifiers also gave the same
//! opinion ("toutes les femmes de la commune ont répondu dessert"), knowing that someone
//! belongs to the group is enough to know their opinion.
//!
//! Groups are the equivalence classes of [`analysis::equivalence_classes`]: a missing
//! quasi-identifier answer is a value of its own there, as in the k-anonymity (someone
//! who skipped "Genre" is told apart by that too). A missing *opinion* answer is not an
//! answer: it adds no diversity to its group, since it hides nothing of what the others
//! said. So, for one opinion question and one group of at least 2 people, ℓ is the number
//! of distinct answers given by its members; a group where nobody answered reveals
//! nothing and is left out; the question's ℓ is the smallest over the groups, `None`
//! when no group is left. A group is *homogeneous* when its members who answered all gave
//! the same answer (ℓ = 1); its sentence says how many did not answer.
//!
//! The work is one pass over the responses per question: memory grows with the number of
//! responses and questions only (a fixed 256-bit set per group for distinct answers).

use std::collections::BTreeMap;

use serde::Serialize;

use super::analysis::{coded, MISSING};
use super::{Role, Session, Survey, SurveyError};
use crate::i18n::{tr, tr_args, Lang};

/// The smallest ℓ of one opinion question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diversity {
    /// The opinion question's id.
    pub question: String,
    /// The smallest number of distinct answers in a group of at least 2 people where
    /// someone answered; `None` when there is no such group.
    pub l: Option<usize>,
}

/// A group of at least 2 people sharing their quasi-identifiers whose members who
/// answered one opinion question all gave the same answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HomogeneousGroup {
    /// The group's quasi-identifier answers (choice index, `None` for no answer), one per
    /// quasi-identifier in the order given.
    pub quasi: Vec<Option<usize>>,
    /// The opinion question's id.
    pub question: String,
    /// The index of the one answer given.
    pub answer: usize,
    /// Number of people in the group.
    pub size: usize,
    /// Of them, how many answered the question (the others skipped it).
    pub answered: usize,
}

/// What the opinions give away once the quasi-identifiers are known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Disclosure {
    /// The quasi-identifiers, in order.
    pub quasi: Vec<String>,
    /// One entry per opinion question, in the order asked.
    pub diversity: Vec<Diversity>,
    /// Every homogeneous group: by question, then largest group first, then by answers.
    pub homogeneous: Vec<HomogeneousGroup>,
}

/// The questions whose answers could be given away by `quasi`: the opinion questions
/// not among `quasi`, in survey order. A survey that marks no question as an opinion (a
/// CSV read by [`super::io::session_from_any_csv`], which cannot tell) gets every
/// question not among `quasi`.
pub fn sensitive_questions(survey: &Survey, quasi: &[String]) -> Vec<String> {
    let any_opinion = survey.questions.iter().any(|q| q.role == Role::Opinion);
    survey
        .questions
        .iter()
        .filter(|q| !quasi.contains(&q.id))
        .filter(|q| !any_opinion || q.role == Role::Opinion)
        .map(|q| q.id.clone())
        .collect()
}

/// A set of answer codes (0 to 254; [`MISSING`] is never added).
#[derive(Clone, Copy, Default)]
struct Answers([u64; 4]);

impl Answers {
    fn insert(&mut self, code: u8) {
        self.0[(code / 64) as usize] |= 1 << (code % 64);
    }

    fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    fn first(&self) -> Option<usize> {
        self.0
            .iter()
            .enumerate()
            .find(|(_, w)| **w != 0)
            .map(|(i, w)| i * 64 + w.trailing_zeros() as usize)
    }
}

/// The ℓ-diversity of each of `sensitive` against `quasi` combined, and the homogeneous
/// groups (see the module documentation for the rules).
pub fn attribute_disclosure(
    session: &Session,
    quasi: &[String],
    sensitive: &[String],
) -> Result<Disclosure, SurveyError> {
    let quasi_columns: Vec<Vec<u8>> = quasi
        .iter()
        .map(|q| coded(session, q).map(|(_, c)| c))
        .collect::<Result<_, _>>()?;
    let mut groups: BTreeMap<Vec<u8>, Vec<usize>> = BTreeMap::new();
    for row in 0..session.responses.len() {
        let key = quasi_columns.iter().map(|col| col[row]).collect();
        groups.entry(key).or_default().push(row);
    }
    // Groups of at least 2, largest first then by answers, as the equivalence classes.
    let mut groups: Vec<(Vec<u8>, Vec<usize>)> =
        groups.into_iter().filter(|(_, rows)| rows.len() >= 2).collect();
    crate::sorting::sort_by(&mut groups, |a, b| {
        b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0))
    });

    let mut diversity = Vec::with_capacity(sensitive.len());
    let mut homogeneous = Vec::new();
    for question in sensitive {
        let (_, codes) = coded(session, question)?;
        let mut smallest: Option<usize> = None;
        for (key, rows) in &groups {
            let mut answers = Answers::default();
            let mut answered = 0;
            for &row in rows {
                if codes[row] != MISSING {
                    answers.insert(codes[row]);
                    answered += 1;
                }
            }
            let l = answers.len();
            if l == 0 {
                continue;
            }
            smallest = Some(smallest.map_or(l, |s| s.min(l)));
            if let (1, Some(answer)) = (l, answers.first()) {
                homogeneous.push(HomogeneousGroup {
                    quasi: key
                        .iter()
                        .map(|&c| (c != MISSING).then_some(c as usize))
                        .collect(),
                    question: question.clone(),
                    answer,
                    size: rows.len(),
                    answered,
                });
            }
        }
        diversity.push(Diversity {
            question: question.clone(),
            l: smallest,
        });
    }
    Ok(Disclosure {
        quasi: quasi.to_vec(),
        diversity,
        homogeneous,
    })
}

/// The label of a choice of question `id`, or "sans réponse" for `None`.
/// The label of choice `choice` of question `id` ("sans réponse" for `None`).
pub fn choice_label(survey: &Survey, id: &str, choice: Option<usize>, lang: Lang) -> String {
    let question = survey.question(id);
    match choice {
        Some(c) => question
            .and_then(|q| q.choices.get(c))
            .map_or_else(|| c.to_string(), |c| c.label.clone()),
        None => tr(lang, "duplo-no-answer"),
    }
}

fn question_label(survey: &Survey, id: &str) -> String {
    survey
        .question(id)
        .map_or_else(|| id.to_owned(), |q| q.label.clone())
}

impl HomogeneousGroup {
    /// The group's quasi-identifier values as labels ("sans réponse" for a skipped one),
    /// `quasi` being the ids given to [`attribute_disclosure`].
    pub fn quasi_labels(&self, survey: &Survey, quasi: &[String], lang: Lang) -> Vec<String> {
        quasi
            .iter()
            .zip(&self.quasi)
            .map(|(id, choice)| choice_label(survey, id, *choice, lang))
            .collect()
    }

    /// The label of the answer everyone gave.
    pub fn answer_label(&self, survey: &Survey, lang: Lang) -> String {
        choice_label(survey, &self.question, Some(self.answer), lang)
    }

    /// « Les 3 personnes « Femme · Oui » ont toutes répondu « Dessert » à « Fromage ou
    /// dessert ? » », saying so when some of them did not answer.
    pub fn sentence(&self, survey: &Survey, quasi: &[String], lang: Lang) -> String {
        let quasi = self.quasi_labels(survey, quasi, lang).join(" · ");
        let answer = self.answer_label(survey, lang);
        let question = question_label(survey, &self.question);
        let skipped = self.size - self.answered;
        let key = if skipped == 0 {
            "survey-homogeneous"
        } else {
            "survey-homogeneous-skipped"
        };
        tr_args(
            lang,
            key,
            &[
                ("size", self.size.into()),
                ("quasi", quasi.as_str().into()),
                ("answer", answer.as_str().into()),
                ("question", question.as_str().into()),
                ("skipped", skipped.into()),
            ],
        )
    }
}

impl Diversity {
    /// « « Fromage ou dessert ? » : ℓ = 1 … », or that no group of 2 answered.
    pub fn sentence(&self, survey: &Survey, lang: Lang) -> String {
        let question = question_label(survey, &self.question);
        match self.l {
            Some(l) => tr_args(
                lang,
                "survey-l-diversity",
                &[("question", question.as_str().into()), ("l", l.into())],
            ),
            None => tr_args(
                lang,
                "survey-l-diversity-none",
                &[("question", question.as_str().into())],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::survey::test_support::{arbitrary_session, ids, session};

    #[test]
    fn the_opinions_are_the_questions_not_crossed() {
        let s = session(&[]);
        assert_eq!(
            sensitive_questions(&s.survey, &ids(&["genre", "commune"])),
            ["fromage-dessert", "sucre-sale"]
        );
        assert_eq!(
            sensitive_questions(&s.survey, &ids(&["genre", "fromage-dessert"])),
            ["sucre-sale"],
            "a quasi-identifier of another role is not an opinion"
        );
        let mut csv = s.survey.clone();
        for q in &mut csv.questions {
            q.role = Role::QuasiIdentifier;
        }
        assert_eq!(
            sensitive_questions(&csv, &ids(&["genre"])),
            ["fromage-dessert", "sucre-sale", "commune"],
            "a survey without opinions (a CSV) treats every other column as one"
        );
    }

    #[test]
    fn l_diversity_by_hand() {
        // Groups on gender × town:
        //   femme·oui  = 1, 2, 3 → cheese/dessert: dessert, dessert, dessert (ℓ 1);
        //                          sweet/salty: sucré, salé, sucré (ℓ 2)
        //   homme·non  = 4, 5    → dessert, fromage (ℓ 2); sucré, (none) (ℓ 1, 1 skipped)
        //   autre·oui  = 6       → alone: not a group
        //   (none)·oui = 7, 8    → (none), (none): nobody answered, left out;
        //                          salé, salé (ℓ 1)
        // So ℓ(cheese/dessert) = min(1, 2) = 1, ℓ(sweet/salty) = min(2, 1, 1) = 1.
        let s = session(&[
            ["dessert", "sucre", "femme", "oui"],
            ["dessert", "sale", "femme", "oui"],
            ["dessert", "sucre", "femme", "oui"],
            ["dessert", "sucre", "homme", "non"],
            ["fromage", "", "homme", "non"],
            ["fromage", "sale", "autre", "oui"],
            ["", "sale", "", "oui"],
            ["", "sale", "", "oui"],
        ]);
        let quasi = ids(&["genre", "commune"]);
        let d = attribute_disclosure(&s, &quasi, &sensitive_questions(&s.survey, &quasi)).unwrap();
        let ls: Vec<Option<usize>> = d.diversity.iter().map(|d| d.l).collect();
        assert_eq!(ls, vec![Some(1), Some(1)]);
        let group = |quasi: Vec<Option<usize>>, question: &str, answer, size, answered| HomogeneousGroup {
            quasi,
            question: question.to_owned(),
            answer,
            size,
            answered,
        };
        assert_eq!(
            d.homogeneous,
            vec![
                group(vec![Some(0), Some(0)], "fromage-dessert", 1, 3, 3),
                // Sizes tie at 2: (none)·oui sorts after homme·non (a missing code is 255).
                group(vec![Some(1), Some(1)], "sucre-sale", 0, 2, 1),
                group(vec![None, Some(0)], "sucre-sale", 1, 2, 2),
            ]
        );
        assert_eq!(
            d.homogeneous[0].sentence(&s.survey, &quasi, Lang::Fr),
            "Les 3 personnes « Femme · Oui » ont toutes répondu « Dessert » à « Fromage ou dessert ? »"
        );
        assert_eq!(
            d.homogeneous[1].sentence(&s.survey, &quasi, Lang::Fr),
            "Les 2 personnes « Homme · Non » ont répondu « Sucré » à « Sucré ou salé ? » ou n'y ont pas \
             répondu (1 sans réponse)"
        );
        assert_eq!(
            d.homogeneous[2].sentence(&s.survey, &quasi, Lang::En),
            "The 2 people “no answer · Oui” all answered “Salé” to “Sucré ou salé ?”"
        );
        assert_eq!(
            d.diversity[0].sentence(&s.survey, Lang::Fr),
            "« Fromage ou dessert ? » : ℓ = 1, au moins un groupe a donné une seule et même réponse"
        );
    }

    #[test]
    fn diverse_groups_and_no_group_at_all() {
        // femme = 1, 2: fromage, dessert → ℓ 2; homme = 3: alone.
        let s = session(&[
            ["fromage", "sucre", "femme", ""],
            ["dessert", "sale", "femme", ""],
            ["dessert", "sale", "homme", ""],
        ]);
        let d = attribute_disclosure(&s, &ids(&["genre"]), &ids(&["fromage-dessert", "sucre-sale"])).unwrap();
        assert_eq!(d.diversity[0].l, Some(2));
        assert!(d.homogeneous.is_empty());
        assert_eq!(
            d.diversity[0].sentence(&s.survey, Lang::Fr),
            "« Fromage ou dessert ? » : ℓ = 2, chaque groupe a donné au moins 2 réponses différentes"
        );
        // Everyone alone on gender × cheese/dessert: nobody to hide among.
        let alone =
            attribute_disclosure(&s, &ids(&["genre", "fromage-dessert"]), &ids(&["sucre-sale"])).unwrap();
        assert_eq!(alone.diversity[0].l, None);
        assert_eq!(
            alone.diversity[0].sentence(&s.survey, Lang::Fr),
            "« Sucré ou salé ? » : aucun groupe d'au moins 2 personnes n'y a répondu, ℓ n'est pas défini"
        );
        assert!(matches!(
            attribute_disclosure(&s, &ids(&["nope"]), &[]),
            Err(SurveyError::UnknownQuestion { .. })
        ));
        let empty = attribute_disclosure(&session(&[]), &ids(&["genre"]), &ids(&["sucre-sale"])).unwrap();
        assert_eq!(empty.diversity[0].l, None);
    }

    #[test]
    fn the_answer_set_holds_every_code() {
        let mut set = Answers::default();
        for code in [254, 3, 64, 3] {
            set.insert(code);
        }
        assert_eq!((set.len(), set.first()), (3, Some(3)));
        assert_eq!(Answers::default().first(), None);
    }

    proptest! {
        #[test]
        fn l_never_exceeds_the_number_of_choices(s in arbitrary_session(), quasi in prop::sample::subsequence(vec![0usize, 1, 2, 3], 0..=3)) {
            let quasi: Vec<String> = quasi.iter().map(|i| s.survey.questions[*i].id.clone()).collect();
            let sensitive: Vec<String> = s.survey.questions.iter().map(|q| q.id.clone()).filter(|q| !quasi.contains(q)).collect();
            let d = attribute_disclosure(&s, &quasi, &sensitive).unwrap();
            for (div, question) in d.diversity.iter().zip(&sensitive) {
                let choices = s.survey.question(question).unwrap().choices.len();
                if let Some(l) = div.l {
                    prop_assert!((1..=choices).contains(&l));
                }
            }
            for g in &d.homogeneous {
                prop_assert!(g.size >= 2 && g.answered >= 1 && g.answered <= g.size);
                prop_assert_eq!(d.diversity.iter().find(|x| x.question == g.question).unwrap().l, Some(1));
            }
        }
    }
}
