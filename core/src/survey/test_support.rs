//! Sessions for the tests of the survey modules: written by hand, or drawn by proptest.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::{Response, Session, Survey};
use crate::i18n::Lang;

/// A session of the French default survey from rows of choice ids ("" = no answer), in
/// the survey's question order: cheese/dessert, sweet/salty, gender, town.
pub fn session(rows: &[[&str; 4]]) -> Session {
    let survey = Survey::default_for(Lang::Fr, None);
    let ids: Vec<String> = survey.questions.iter().map(|q| q.id.clone()).collect();
    let mut session = Session::new(survey);
    for row in rows {
        let answers: BTreeMap<String, String> = ids
            .iter()
            .zip(row)
            .filter(|(_, c)| !c.is_empty())
            .map(|(q, c)| (q.clone(), (*c).to_owned()))
            .collect();
        session.add_response(answers).unwrap();
    }
    session
}

/// Owned ids.
pub fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Up to 60 responses to the default survey, any of them skipping any question.
pub fn arbitrary_session() -> impl Strategy<Value = Session> {
    let row = prop::collection::vec(0usize..4, 4);
    prop::collection::vec(row, 0..60).prop_map(|rows| {
        let survey = Survey::default_for(Lang::Fr, None);
        let responses = rows
            .into_iter()
            .enumerate()
            .map(|(i, codes)| Response {
                participant: i as u32 + 1,
                answers: survey
                    .questions
                    .iter()
                    .zip(codes)
                    // A code past the last choice means "no answer".
                    .filter_map(|(q, code)| q.choices.get(code).map(|c| (q.id.clone(), c.id.clone())))
                    .collect(),
            })
            .collect();
        Session { survey, responses }
    })
}

/// Question ids of the default survey from their positions.
pub fn questions_at(session: &Session, positions: &[usize]) -> Vec<String> {
    positions
        .iter()
        .map(|i| session.survey.questions[*i].id.clone())
        .collect()
}
