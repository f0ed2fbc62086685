//! Sentences the facilitator can read aloud on "Qui est unique ?", computed from the
//! room's answers. They speak of combinations of answers and of counts, never of a
//! person: no sentence names an answer, so none can say which combination is held by
//! one person (the k-anonymity lesson, applied to what is said in the room).
//!
//! - [`AloneCombinations`](Aloud::AloneCombinations): how many combinations nobody else
//!   shares, with how few questions.
//! - [`EveryoneShares`](Aloud::EveryoneShares): nobody is alone, and the table's k.
//! - [`FewestToIsolate`](Aloud::FewestToIsolate): the fewest answers that, well chosen
//!   among the questions crossed, already leave someone alone, and how many.

use super::analysis::uniqueness;
use super::{Session, SurveyError};
use crate::i18n::{tr_args, Lang};

/// The search for the fewest answers that isolate someone stops at this many questions
/// (few enough that trying every set stays quick whatever the survey: at most
/// C(30, 3) = 4 060 sets).
pub const MAX_SUBSET: usize = 3;

/// One sentence to read aloud, with the figures it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Aloud {
    /// `unique` combinations of answers, on the `questions` crossed, are held by one
    /// person each: `unique` rows out of `respondents` point at a single person.
    AloneCombinations {
        /// Combinations held by one person (as many as the people alone).
        unique: usize,
        /// Questions crossed.
        questions: usize,
        /// Rows of the table.
        respondents: usize,
    },
    /// Every combination is shared by at least `k` people (k ≥ 2).
    EveryoneShares {
        /// Questions crossed.
        questions: usize,
        /// The smallest group of identical answers.
        k: usize,
    },
    /// Knowing `answers` answers (to the right questions among those crossed) is
    /// enough to leave `isolated` people out of `respondents` alone; fewer answers leave
    /// nobody alone. Said only when it takes fewer questions than are crossed.
    FewestToIsolate {
        /// How many answers.
        answers: usize,
        /// People alone with the best such set of questions.
        isolated: usize,
        /// Rows of the table.
        respondents: usize,
    },
}

impl Aloud {
    /// The sentence in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        match *self {
            Aloud::AloneCombinations {
                unique,
                questions,
                respondents,
            } => tr_args(
                lang,
                "aloud-alone-combinations",
                &[
                    ("unique", unique.into()),
                    ("questions", questions.into()),
                    ("respondents", respondents.into()),
                ],
            ),
            Aloud::EveryoneShares { questions, k } => tr_args(
                lang,
                "aloud-everyone-shares",
                &[("questions", questions.into()), ("k", k.into())],
            ),
            Aloud::FewestToIsolate {
                answers,
                isolated,
                respondents,
            } => tr_args(
                lang,
                "aloud-fewest-to-isolate",
                &[
                    ("answers", answers.into()),
                    ("isolated", isolated.into()),
                    ("respondents", respondents.into()),
                ],
            ),
        }
    }
}

/// Every set of `size` indexes below `n`, in lexicographic order, passed to `visit`.
fn each_subset(
    n: usize,
    size: usize,
    visit: &mut dyn FnMut(&[usize]) -> Result<(), SurveyError>,
) -> Result<(), SurveyError> {
    if size == 0 || size > n {
        return Ok(());
    }
    let mut picked: Vec<usize> = (0..size).collect();
    loop {
        visit(&picked)?;
        // The rightmost index that can still move right, then everything after it.
        let Some(i) = (0..size).rev().find(|&i| picked[i] < n - size + i) else {
            return Ok(());
        };
        picked[i] += 1;
        for j in i + 1..size {
            picked[j] = picked[j - 1] + 1;
        }
    }
}

/// The sentences for the room's answers on `questions` crossed, in the order to read
/// them; none with fewer than 2 responses or no question (there is nothing to say).
pub fn sentences(session: &Session, questions: &[String]) -> Result<Vec<Aloud>, SurveyError> {
    let respondents = session.responses.len();
    if respondents < 2 || questions.is_empty() {
        return Ok(Vec::new());
    }
    let all = uniqueness(session, questions)?;
    let mut out = Vec::new();
    if all.unique > 0 {
        out.push(Aloud::AloneCombinations {
            unique: all.unique,
            questions: questions.len(),
            respondents,
        });
    } else {
        out.push(Aloud::EveryoneShares {
            questions: questions.len(),
            k: all.k_anonymity,
        });
        return Ok(out);
    }
    // Someone is alone on every question: find the fewest that already do it.
    for size in 1..questions.len().min(MAX_SUBSET + 1) {
        let mut best = 0;
        each_subset(questions.len(), size, &mut |picked| {
            let subset: Vec<String> = picked.iter().map(|&i| questions[i].clone()).collect();
            best = best.max(uniqueness(session, &subset)?.unique);
            Ok(())
        })?;
        if best > 0 {
            out.push(Aloud::FewestToIsolate {
                answers: size,
                isolated: best,
                respondents,
            });
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::survey::test_support::{arbitrary_session, ids, questions_at, session};

    const ALL: [&str; 4] = ["fromage-dessert", "sucre-sale", "genre", "commune"];

    /// Six people: (fromage, sucré, femme, oui) twice, (dessert, salé, homme, non)
    /// twice, and two alone: (fromage, salé, homme, oui) and (dessert, sucré, femme,
    /// non). No single answer isolates anyone (every answer is given 3 times); the pairs
    /// fromage/dessert + sucré/salé, fromage/dessert + genre, sucré/salé + commune and
    /// genre + commune each leave those 2 alone.
    fn six() -> Session {
        session(&[
            ["fromage", "sucre", "femme", "oui"],
            ["fromage", "sucre", "femme", "oui"],
            ["fromage", "sale", "homme", "oui"],
            ["dessert", "sale", "homme", "non"],
            ["dessert", "sale", "homme", "non"],
            ["dessert", "sucre", "femme", "non"],
        ])
    }

    #[test]
    fn combinations_alone_and_the_fewest_answers_by_hand() {
        let s = six();
        assert_eq!(
            sentences(&s, &ids(&ALL)).unwrap(),
            vec![
                Aloud::AloneCombinations {
                    unique: 2,
                    questions: 4,
                    respondents: 6
                },
                Aloud::FewestToIsolate {
                    answers: 2,
                    isolated: 2,
                    respondents: 6
                },
            ]
        );
        // On two questions that isolate, it takes both: the second sentence would
        // repeat the first.
        assert_eq!(
            sentences(&s, &ids(&["genre", "commune"])).unwrap(),
            vec![Aloud::AloneCombinations {
                unique: 2,
                questions: 2,
                respondents: 6
            }]
        );
        // Fromage/dessert with commune: (fromage, oui) 3 and (dessert, non) 3.
        assert_eq!(
            sentences(&s, &ids(&["fromage-dessert", "commune"])).unwrap(),
            vec![Aloud::EveryoneShares { questions: 2, k: 3 }]
        );
    }

    #[test]
    fn one_answer_can_be_enough() {
        // "Autre" given once: genre alone isolates 1 of 4.
        let s = session(&[
            ["fromage", "sucre", "femme", "oui"],
            ["fromage", "sucre", "femme", "oui"],
            ["fromage", "sucre", "autre", "oui"],
            ["dessert", "sucre", "femme", "non"],
        ]);
        let said = sentences(&s, &ids(&ALL)).unwrap();
        assert_eq!(
            said,
            vec![
                // (f, su, F, o) twice; (f, su, A, o) and (d, su, F, n) alone.
                Aloud::AloneCombinations {
                    unique: 2,
                    questions: 4,
                    respondents: 4
                },
                // One answer: genre isolates 1 ("autre"), fromage/dessert 1, commune 1.
                Aloud::FewestToIsolate {
                    answers: 1,
                    isolated: 1,
                    respondents: 4
                },
            ]
        );
    }

    #[test]
    fn the_teen_questionnaire_by_hand() {
        // The pack's questionnaire for teenagers: the birthday's quarter replaces the age.
        let json = include_str!("../../../workshops/donnees-en-duplo/questionnaire-ados.json");
        let mut s = crate::survey::io::from_json(json).unwrap();
        // Choice numbers per question (0 = no answer), as the browser test types them.
        let rows = [
            [1, 1, 1, 1, 1],
            [1, 1, 1, 1, 1],
            [1, 2, 2, 1, 2],
            [2, 2, 2, 1, 2],
            [2, 2, 2, 1, 2],
            [2, 1, 1, 2, 3],
            [1, 1, 1, 1, 4],
            [2, 2, 1, 1, 0usize],
        ];
        for row in rows {
            let answers = s
                .survey
                .questions
                .iter()
                .zip(row)
                .filter(|(_, k)| *k > 0)
                .map(|(q, k)| (q.id.clone(), q.choices[k - 1].id.clone()))
                .collect();
            s.add_response(answers).unwrap();
        }
        let all: Vec<String> = s.survey.questions.iter().map(|q| q.id.clone()).collect();
        assert_eq!(all.last().map(String::as_str), Some("anniversaire"));
        // Rows 1-2 and 4-5 are pairs; 3, 6, 7 and 8 are alone. The birthday alone: the
        // third and fourth quarters and "no answer" are given once each.
        assert_eq!(
            sentences(&s, &all).unwrap(),
            vec![
                Aloud::AloneCombinations {
                    unique: 4,
                    questions: 5,
                    respondents: 8
                },
                Aloud::FewestToIsolate {
                    answers: 1,
                    isolated: 3,
                    respondents: 8
                },
            ]
        );
    }

    #[test]
    fn nothing_to_say_without_two_people_or_a_question() {
        let one = session(&[["fromage", "sucre", "femme", "oui"]]);
        assert!(sentences(&one, &ids(&ALL)).unwrap().is_empty());
        assert!(sentences(&six(), &[]).unwrap().is_empty());
        assert!(matches!(
            sentences(&six(), &ids(&["nope"])),
            Err(SurveyError::UnknownQuestion { .. })
        ));
    }

    #[test]
    fn the_sentences_read_as_written() {
        let s = six();
        let said = sentences(&s, &ids(&ALL)).unwrap();
        let fr: Vec<String> = said.iter().map(|a| a.sentence(Lang::Fr)).collect();
        assert_eq!(
            fr,
            [
                "2 combinaisons de réponses ne sont partagées avec personne : avec seulement 4 questions, 2 lignes du tableau sur 6 désignent chacune une seule personne.",
                "Dans ce groupe, connaître 2 réponses suffit pour isoler 2 participants sur 6.",
            ]
        );
        let en: Vec<String> = said.iter().map(|a| a.sentence(Lang::En)).collect();
        assert_eq!(
            en,
            [
                "2 combinations of answers are shared with nobody: with only 4 questions, 2 rows of the table out of 6 each point to a single person.",
                "In this group, knowing 2 answers is enough to single out 2 participants out of 6.",
            ]
        );
        assert_eq!(
            Aloud::AloneCombinations {
                unique: 1,
                questions: 1,
                respondents: 5
            }
            .sentence(Lang::Fr),
            "1 combinaison de réponses n'est partagée avec personne : avec une seule question, 1 ligne du tableau sur 5 désigne une seule personne."
        );
        assert_eq!(
            Aloud::EveryoneShares { questions: 2, k: 3 }.sentence(Lang::Fr),
            "Avec ces 2 questions, chaque combinaison de réponses est partagée par au moins 3 personnes : personne n'est seul dans sa case."
        );
        assert_eq!(
            Aloud::FewestToIsolate {
                answers: 1,
                isolated: 1,
                respondents: 4
            }
            .sentence(Lang::En),
            "In this group, knowing 1 answer is enough to single out 1 participant out of 4."
        );
    }

    #[test]
    fn subsets_are_every_combination_once() {
        let mut seen = Vec::new();
        each_subset(4, 2, &mut |p| {
            seen.push(p.to_vec());
            Ok(())
        })
        .unwrap();
        assert_eq!(
            seen,
            vec![
                vec![0, 1],
                vec![0, 2],
                vec![0, 3],
                vec![1, 2],
                vec![1, 3],
                vec![2, 3]
            ]
        );
        let mut count = 0;
        each_subset(30, 3, &mut |_| {
            count += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(count, 4060);
        each_subset(2, 3, &mut |_| panic!("no set of 3 among 2")).unwrap();
    }

    proptest! {
        #[test]
        fn no_sentence_names_an_answer_and_the_figures_hold(
            s in arbitrary_session(),
            positions in prop::sample::subsequence(vec![0usize, 1, 2, 3], 1..=4),
        ) {
            let questions = questions_at(&s, &positions);
            let said = sentences(&s, &questions).unwrap();
            let labels: Vec<&str> = s.survey.questions.iter()
                .flat_map(|q| std::iter::once(q.label.as_str()).chain(q.choices.iter().map(|c| c.label.as_str())))
                .collect();
            for aloud in &said {
                for lang in [Lang::Fr, Lang::En] {
                    let text = aloud.sentence(lang);
                    for label in &labels {
                        prop_assert!(!text.contains(label), "{text} names {label}");
                    }
                }
                if let Aloud::FewestToIsolate { answers, isolated, .. } = *aloud {
                    // Brute force: no set of fewer answers isolates anyone, and no set
                    // of `answers` isolates more.
                    let n = questions.len();
                    for mask in 1u32..(1 << n) {
                        let subset: Vec<String> = (0..n).filter(|i| mask & (1 << i) != 0).map(|i| questions[i].clone()).collect();
                        let unique = uniqueness(&s, &subset).unwrap().unique;
                        match subset.len().cmp(&answers) {
                            std::cmp::Ordering::Less => prop_assert_eq!(unique, 0),
                            std::cmp::Ordering::Equal => prop_assert!(unique <= isolated),
                            std::cmp::Ordering::Greater => {}
                        }
                    }
                    prop_assert!(answers < n);
                }
            }
        }
    }
}
