//! What the room looks at: tallies per question, cross-tabulations (with small-cell
//! masking for participant-facing views), brick towers as data, and the
//! re-identification analysis behind "Qui est unique ?".
//!
//! Every function reads a [`Session`] and question ids, and returns plain data; drawing
//! is the app's business. A missing answer counts as a value of its own in
//! re-identification (someone who skipped a question is told apart by that too), and is
//! left out of tallies and cross-tabs (which count answers).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Question, Session, SurveyError};

/// Code of "no answer" in a coded column.
pub(super) const MISSING: u8 = u8::MAX;

/// One question's answers as choice indexes, one per response.
pub(super) fn coded<'a>(
    session: &'a Session,
    question_id: &str,
) -> Result<(&'a Question, Vec<u8>), SurveyError> {
    let question = session
        .survey
        .question(question_id)
        .ok_or_else(|| SurveyError::UnknownQuestion {
            id: question_id.to_owned(),
        })?;
    let codes = session
        .responses
        .iter()
        .map(|r| {
            r.answers
                .get(question_id)
                .and_then(|c| question.choice_index(c))
                .map(|i| i.min(MISSING as usize - 1) as u8)
                .unwrap_or(MISSING)
        })
        .collect();
    Ok((question, codes))
}

/// How many people gave each answer to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// The question's id.
    pub question: String,
    /// Count per choice, in the question's choice order.
    pub counts: Vec<usize>,
    /// Responses without an answer to this question.
    pub missing: usize,
}

impl Tally {
    /// Responses with an answer.
    pub fn answered(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// The tally of one question.
pub fn tally(session: &Session, question_id: &str) -> Result<Tally, SurveyError> {
    let (question, codes) = coded(session, question_id)?;
    let mut counts = vec![0; question.choices.len()];
    let mut missing = 0;
    for code in codes {
        match counts.get_mut(code as usize) {
            Some(count) => *count += 1,
            None => missing += 1,
        }
    }
    Ok(Tally {
        question: question_id.to_owned(),
        counts,
        missing,
    })
}

/// The tallies of every question, in survey order.
pub fn tallies(session: &Session) -> Vec<Tally> {
    session
        .survey
        .questions
        .iter()
        .filter_map(|q| tally(session, &q.id).ok())
        .collect()
}

/// A cross-tabulation of two questions, over the responses that answered both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CrossTab {
    /// Question in rows.
    pub row_question: String,
    /// Question in columns.
    pub col_question: String,
    /// `counts[row][col]`.
    pub counts: Vec<Vec<usize>>,
    /// Sum of each row.
    pub row_totals: Vec<usize>,
    /// Sum of each column.
    pub col_totals: Vec<usize>,
    /// Responses that answered both questions.
    pub total: usize,
}

impl CrossTab {
    /// Share of the row's respondents in this cell (row percentage), `None` for an empty row.
    pub fn row_share(&self, row: usize, col: usize) -> Option<f64> {
        let total = *self.row_totals.get(row)?;
        (total > 0).then(|| self.counts[row][col] as f64 / total as f64)
    }

    /// Share of the column's respondents in this cell (column percentage).
    pub fn col_share(&self, row: usize, col: usize) -> Option<f64> {
        let total = *self.col_totals.get(col)?;
        (total > 0).then(|| self.counts[row][col] as f64 / total as f64)
    }

    /// Which cells to hide on participant-facing views so that nobody in a group
    /// smaller than `k` can be singled out: cells with `1..k` people, plus, where a
    /// row or column would otherwise have exactly one hidden cell (which its total,
    /// or the tallies shown beside it, would give away), the smallest other cell of
    /// that row or column — an empty one included, since showing a 0 next to a
    /// known total reveals the hidden count just as well. `k <= 1` hides nothing.
    pub fn small_cells(&self, k: usize) -> Vec<Vec<bool>> {
        let mut hidden: Vec<Vec<bool>> = self
            .counts
            .iter()
            .map(|row| row.iter().map(|&n| n > 0 && n < k).collect())
            .collect();
        if k <= 1 {
            return hidden;
        }
        let rows = self.counts.len();
        let cols = self.counts.first().map_or(0, Vec::len);
        // Secondary suppression: repeat until no row or column has a lone hidden cell.
        loop {
            let mut changed = false;
            let lines = (0..rows)
                .map(|r| (0..cols).map(|c| (r, c)).collect::<Vec<_>>())
                .chain((0..cols).map(|c| (0..rows).map(|r| (r, c)).collect::<Vec<_>>()));
            for line in lines {
                let hidden_here = line.iter().filter(|(r, c)| hidden[*r][*c]).count();
                if hidden_here == 1 {
                    let partner = line
                        .iter()
                        .filter(|(r, c)| !hidden[*r][*c])
                        .min_by_key(|(r, c)| self.counts[*r][*c]);
                    if let Some((r, c)) = partner {
                        hidden[*r][*c] = true;
                        changed = true;
                    }
                }
            }
            if !changed {
                return hidden;
            }
        }
    }
}

/// Cross-tabulates `row` against `col`.
pub fn crosstab(session: &Session, row: &str, col: &str) -> Result<CrossTab, SurveyError> {
    let (row_q, row_codes) = coded(session, row)?;
    let (col_q, col_codes) = coded(session, col)?;
    let mut counts = vec![vec![0; col_q.choices.len()]; row_q.choices.len()];
    for (r, c) in row_codes.iter().zip(&col_codes) {
        if let Some(cell) = counts
            .get_mut(*r as usize)
            .and_then(|line| line.get_mut(*c as usize))
        {
            *cell += 1;
        }
    }
    let row_totals: Vec<usize> = counts.iter().map(|line| line.iter().sum()).collect();
    let col_totals: Vec<usize> = (0..col_q.choices.len())
        .map(|c| counts.iter().map(|line| line[c]).sum())
        .collect();
    let total = row_totals.iter().sum();
    Ok(CrossTab {
        row_question: row.to_owned(),
        col_question: col.to_owned(),
        counts,
        row_totals,
        col_totals,
        total,
    })
}

/// One brick tower: the stack of one choice's bricks, optionally in segments coloured
/// by the answer to a second question (the physical exercise's crossing).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tower {
    /// Index of the choice this tower stands for.
    pub choice: usize,
    /// Number of bricks.
    pub height: usize,
    /// From the bottom up: (choice index of the colouring question, or `None` for no
    /// answer to it; number of bricks). Without a colouring question, one segment of
    /// `Some(choice)`.
    pub segments: Vec<(Option<usize>, usize)>,
}

/// The towers of `question`, one per choice, coloured by `colour_by` when given.
pub fn towers(session: &Session, question: &str, colour_by: Option<&str>) -> Result<Vec<Tower>, SurveyError> {
    let (q, codes) = coded(session, question)?;
    let colour_codes = colour_by.map(|id| coded(session, id)).transpose()?;
    let towers = (0..q.choices.len())
        .map(|choice| {
            let members = codes
                .iter()
                .enumerate()
                .filter(|(_, c)| **c as usize == choice)
                .map(|(i, _)| i);
            match &colour_codes {
                None => {
                    let height = members.count();
                    Tower {
                        choice,
                        height,
                        segments: vec![(Some(choice), height)],
                    }
                }
                Some((colour_q, colour)) => {
                    let mut per: BTreeMap<usize, usize> = BTreeMap::new();
                    for i in members {
                        *per.entry(colour[i] as usize).or_default() += 1;
                    }
                    let segments: Vec<(Option<usize>, usize)> = per
                        .into_iter()
                        .map(|(code, n)| ((code < colour_q.choices.len()).then_some(code), n))
                        .collect();
                    Tower {
                        choice,
                        height: segments.iter().map(|(_, n)| n).sum(),
                        segments,
                    }
                }
            }
        })
        .collect();
    Ok(towers)
}

/// How identifiable the respondents are on a list of questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Uniqueness {
    /// The questions combined, in order.
    pub questions: Vec<String>,
    /// Number of responses.
    pub respondents: usize,
    /// Number of distinct combinations of answers (equivalence classes).
    pub classes: usize,
    /// Respondents alone in their combination (k = 1).
    pub unique: usize,
    /// Size of the smallest class: the dataset is k-anonymous for this k (0 when empty).
    pub k_anonymity: usize,
}

impl Uniqueness {
    /// Share of respondents who are unique (0 when there is nobody).
    pub fn unique_share(&self) -> f64 {
        if self.respondents == 0 {
            0.0
        } else {
            self.unique as f64 / self.respondents as f64
        }
    }
}

/// An equivalence class: a combination of answers (choice index, `None` for no
/// answer, per question) and the participants who share it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EquivalenceClass {
    /// The answers, one per question in the order asked.
    pub answers: Vec<Option<usize>>,
    /// Participant numbers in the class.
    pub participants: Vec<super::ParticipantId>,
}

/// The equivalence classes on `questions`, largest first then by answers.
pub fn equivalence_classes(
    session: &Session,
    questions: &[String],
) -> Result<Vec<EquivalenceClass>, SurveyError> {
    let columns: Vec<Vec<u8>> = questions
        .iter()
        .map(|q| coded(session, q).map(|(_, c)| c))
        .collect::<Result<_, _>>()?;
    let mut groups: BTreeMap<Vec<u8>, Vec<super::ParticipantId>> = BTreeMap::new();
    for (i, response) in session.responses.iter().enumerate() {
        let key: Vec<u8> = columns.iter().map(|col| col[i]).collect();
        groups.entry(key).or_default().push(response.participant);
    }
    let mut classes: Vec<EquivalenceClass> = groups
        .into_iter()
        .map(|(key, participants)| EquivalenceClass {
            answers: key
                .into_iter()
                .map(|c| (c != MISSING).then_some(c as usize))
                .collect(),
            participants,
        })
        .collect();
    crate::sorting::sort_by(&mut classes, |a, b| {
        b.participants
            .len()
            .cmp(&a.participants.len())
            .then_with(|| a.answers.cmp(&b.answers))
    });
    Ok(classes)
}

/// The uniqueness of respondents on `questions` combined.
pub fn uniqueness(session: &Session, questions: &[String]) -> Result<Uniqueness, SurveyError> {
    let classes = equivalence_classes(session, questions)?;
    Ok(Uniqueness {
        questions: questions.to_vec(),
        respondents: session.responses.len(),
        classes: classes.len(),
        unique: classes.iter().filter(|c| c.participants.len() == 1).count(),
        k_anonymity: classes.iter().map(|c| c.participants.len()).min().unwrap_or(0),
    })
}

/// The lesson's progression: uniqueness on the first question, then the first two, …
/// up to all of `questions`.
pub fn progression(session: &Session, questions: &[String]) -> Result<Vec<Uniqueness>, SurveyError> {
    (1..=questions.len())
        .map(|n| uniqueness(session, &questions[..n]))
        .collect()
}

/// Among the survey's questions not in `current`, the one whose addition makes the most
/// people unique, with that number (ties go to the earlier question in the survey).
pub fn most_identifying_next(
    session: &Session,
    current: &[String],
) -> Result<Option<(String, usize)>, SurveyError> {
    let mut best: Option<(String, usize)> = None;
    for question in &session.survey.questions {
        if current.contains(&question.id) {
            continue;
        }
        let mut combined = current.to_vec();
        combined.push(question.id.clone());
        let unique = uniqueness(session, &combined)?.unique;
        if best.as_ref().is_none_or(|(_, b)| unique > *b) {
            best = Some((question.id.clone(), unique));
        }
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::i18n::Lang;
    use crate::survey::test_support::{ids, session};
    use crate::survey::{Response, Survey};

    #[test]
    fn tallies_count_answers_and_missing() {
        let s = session(&[
            ["fromage", "sucre", "femme", "oui"],
            ["dessert", "sucre", "homme", ""],
            ["dessert", "sale", "", "oui"],
        ]);
        let t = tally(&s, "fromage-dessert").unwrap();
        assert_eq!((t.counts.clone(), t.missing, t.answered()), (vec![1, 2], 0, 3));
        let g = tally(&s, "genre").unwrap();
        assert_eq!((g.counts, g.missing), (vec![1, 1, 0], 1));
        assert!(matches!(
            tally(&s, "nope"),
            Err(SurveyError::UnknownQuestion { .. })
        ));
    }

    #[test]
    fn crosstab_by_hand() {
        let s = session(&[
            ["fromage", "sucre", "femme", "oui"],
            ["fromage", "sale", "homme", "oui"],
            ["dessert", "sucre", "femme", "non"],
            ["dessert", "sucre", "femme", "oui"],
            ["", "sucre", "femme", "oui"],
        ]);
        let x = crosstab(&s, "fromage-dessert", "sucre-sale").unwrap();
        assert_eq!(x.counts, vec![vec![1, 1], vec![2, 0]]);
        assert_eq!(x.row_totals, vec![2, 2]);
        assert_eq!(x.col_totals, vec![3, 1]);
        assert_eq!(x.total, 4, "the response without cheese/dessert is left out");
        assert_eq!(x.row_share(1, 0), Some(1.0));
        assert_eq!(x.col_share(0, 0), Some(1.0 / 3.0));
    }

    #[test]
    fn small_cells_are_hidden_with_their_complement() {
        let x = CrossTab {
            row_question: "a".into(),
            col_question: "b".into(),
            counts: vec![vec![1, 6], vec![5, 7]],
            row_totals: vec![7, 12],
            col_totals: vec![6, 13],
            total: 19,
        };
        assert_eq!(x.small_cells(1), vec![vec![false, false], vec![false, false]]);
        let hidden = x.small_cells(3);
        // The 1 is hidden; its row and column would give it away, so the 6 and the 5
        // are hidden too, and then the 7 closes the square.
        assert_eq!(hidden, vec![vec![true, true], vec![true, true]]);
        let y = CrossTab {
            counts: vec![vec![1, 0], vec![4, 9]],
            ..x
        };
        // A shown 0 beside a known row total would give the hidden 1 away: it is hidden
        // too, and the cascade reaches the other row.
        assert_eq!(y.small_cells(3), vec![vec![true, true], vec![true, true]]);
        let z = CrossTab {
            counts: vec![vec![5, 6, 2], vec![7, 8, 9]],
            ..y
        };
        assert_eq!(
            z.small_cells(3),
            vec![vec![true, false, true], vec![true, false, true]]
        );
    }

    #[test]
    fn towers_with_and_without_colouring() {
        let s = session(&[
            ["fromage", "sucre", "femme", "oui"],
            ["fromage", "sale", "homme", "oui"],
            ["dessert", "sucre", "femme", "non"],
            ["fromage", "", "femme", "oui"],
        ]);
        let plain = towers(&s, "fromage-dessert", None).unwrap();
        assert_eq!(plain.iter().map(|t| t.height).collect::<Vec<_>>(), vec![3, 1]);
        let crossed = towers(&s, "fromage-dessert", Some("sucre-sale")).unwrap();
        assert_eq!(crossed[0].segments, vec![(Some(0), 1), (Some(1), 1), (None, 1)]);
        assert_eq!(crossed[1].segments, vec![(Some(0), 1)]);
    }

    #[test]
    fn the_lesson_with_two_questions_nobody_is_alone_with_four_some_are() {
        // 8 people: on the two opinions everybody shares their combination with
        // someone; adding gender and town singles out three of them.
        let s = session(&[
            ["fromage", "sucre", "femme", "oui"],
            ["fromage", "sucre", "femme", "oui"],
            ["fromage", "sucre", "homme", "non"],
            ["dessert", "sale", "femme", "oui"],
            ["dessert", "sale", "femme", "oui"],
            ["dessert", "sale", "autre", "oui"],
            ["fromage", "sale", "homme", "oui"],
            ["fromage", "sale", "homme", "non"],
        ]);
        let all = ids(&["fromage-dessert", "sucre-sale", "genre", "commune"]);
        let steps = progression(&s, &all).unwrap();
        let unique: Vec<usize> = steps.iter().map(|u| u.unique).collect();
        assert_eq!(unique, vec![0, 0, 2, 4]);
        let last = steps.last().unwrap();
        assert_eq!((last.respondents, last.classes, last.k_anonymity), (8, 6, 1));
        assert_eq!(last.unique_share(), 0.5);
        assert_eq!(steps[1].k_anonymity, 2);
        let next = most_identifying_next(&s, &ids(&["fromage-dessert", "sucre-sale"])).unwrap();
        // Town splits the three "cheese, sweet" and the two "cheese, savoury" apart: 3.
        assert_eq!(next, Some(("commune".to_owned(), 3)));
        let classes = equivalence_classes(&s, &ids(&["genre"])).unwrap();
        assert_eq!(classes[0].participants, vec![1, 2, 4, 5]);
        assert_eq!(classes[0].answers, vec![Some(0)]);
    }

    #[test]
    fn an_empty_session_has_nobody_unique() {
        let s = session(&[]);
        let u = uniqueness(&s, &ids(&["genre"])).unwrap();
        assert_eq!(
            (u.respondents, u.unique, u.k_anonymity, u.unique_share()),
            (0, 0, 0, 0.0)
        );
    }

    fn arbitrary_session() -> impl Strategy<Value = Session> {
        let row = prop::collection::vec(0usize..4, 4);
        prop::collection::vec(row, 0..60).prop_map(|rows| {
            let survey = Survey::default_for(Lang::Fr, None);
            let responses = rows
                .into_iter()
                .enumerate()
                .map(|(i, codes)| {
                    let answers = survey
                        .questions
                        .iter()
                        .zip(codes)
                        // A code past the last choice means "no answer".
                        .filter_map(|(q, code)| q.choices.get(code).map(|c| (q.id.clone(), c.id.clone())))
                        .collect();
                    Response {
                        participant: i as u32 + 1,
                        answers,
                    }
                })
                .collect();
            Session { survey, responses }
        })
    }

    proptest! {
        #[test]
        fn a_crosstab_sums_to_those_who_answered_both(s in arbitrary_session(), a in 0usize..4, b in 0usize..4) {
            let qa = s.survey.questions[a].id.clone();
            let qb = s.survey.questions[b].id.clone();
            let x = crosstab(&s, &qa, &qb).unwrap();
            let both = s.responses.iter().filter(|r| r.answers.contains_key(&qa) && r.answers.contains_key(&qb)).count();
            prop_assert_eq!(x.total, both);
            prop_assert_eq!(x.counts.iter().flatten().sum::<usize>(), both);
            prop_assert_eq!(x.row_totals.iter().sum::<usize>(), both);
            prop_assert_eq!(x.col_totals.iter().sum::<usize>(), both);
        }

        #[test]
        fn uniques_never_decrease_as_questions_are_added(s in arbitrary_session(), order in Just(vec![0usize, 1, 2, 3]).prop_shuffle()) {
            let questions: Vec<String> = order.iter().map(|i| s.survey.questions[*i].id.clone()).collect();
            let steps = progression(&s, &questions).unwrap();
            for pair in steps.windows(2) {
                prop_assert!(pair[1].unique >= pair[0].unique);
                prop_assert!(pair[1].classes >= pair[0].classes);
                prop_assert!(pair[1].k_anonymity <= pair[0].k_anonymity);
            }
        }

        #[test]
        fn masking_leaves_no_row_or_column_with_a_lone_hidden_cell(s in arbitrary_session(), k in 1usize..6) {
            let x = crosstab(&s, "genre", "fromage-dessert").unwrap();
            let hidden = x.small_cells(k);
            for (r, row) in x.counts.iter().enumerate() {
                for (c, n) in row.iter().enumerate() {
                    if *n > 0 && *n < k { prop_assert!(hidden[r][c]); }
                }
            }
            for row in &hidden {
                let lone = row.iter().filter(|h| **h).count() == 1;
                let has_partner = row.iter().any(|h| !*h);
                prop_assert!(!(lone && has_partner));
            }
        }

        #[test]
        fn towers_hold_every_answer(s in arbitrary_session()) {
            for q in &s.survey.questions {
                let t = towers(&s, &q.id, Some("genre")).unwrap();
                let tally = tally(&s, &q.id).unwrap();
                prop_assert_eq!(t.iter().map(|t| t.height).collect::<Vec<_>>(), tally.counts);
            }
        }
    }
}
