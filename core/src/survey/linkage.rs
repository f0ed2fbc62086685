//! The linkage round: a "published" file of named people (for the workshop, a fictional
//! one made by the project: `www/duplo/registre-fictif.csv`) joined with the room's
//! answers on the quasi-identifiers both have. A row of the room that matches exactly one
//! named person now carries a name — without anyone in the room having given theirs.
//!
//! Columns are matched to questions by label or id (case and spaces ignored), cells to
//! choices by label or id; the name column is "Nom" (or "Name"). A person who skipped a
//! question matches any value there. Nothing is kept: the join is counted, not stored.

use serde::Serialize;

use super::io::{read_table, same, ImportError};
use super::{ParticipantId, Session};
use crate::i18n::{display_from_message, tr, Lang};

/// What the join gives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Linkage {
    /// The questions joined on (ids), in the file's column order.
    pub questions: Vec<String>,
    /// Named people in the file.
    pub published: usize,
    /// People of the room.
    pub room: usize,
    /// Of them, those who match exactly one named person.
    pub named: Vec<ParticipantId>,
    /// Those left with 2 to 5 possible names.
    pub narrowed: usize,
    /// Those who match nobody in the file.
    pub unmatched: usize,
}

/// Why a file cannot be joined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkageError {
    /// Not a readable CSV table.
    Import(ImportError),
    /// No column "Nom".
    NoNameColumn,
    /// No column matches a quasi-identifier of the survey.
    NoSharedColumn,
}

impl LinkageError {
    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LinkageError::Import(e) => e.message(lang),
            LinkageError::NoNameColumn => tr(lang, "linkage-no-name"),
            LinkageError::NoSharedColumn => tr(lang, "linkage-no-shared"),
        }
    }
}

display_from_message!(LinkageError);

/// Joins the room's answers on `quasi` (question ids) with the published file `text`.
pub fn link(session: &Session, quasi: &[String], text: &str) -> Result<Linkage, LinkageError> {
    let table = read_table(text).map_err(LinkageError::Import)?;
    let name = table
        .header
        .iter()
        .position(|h| same(h, "nom") || same(h, "name"))
        .ok_or(LinkageError::NoNameColumn)?;
    // (column, question index) for each column that is a quasi-identifier of the survey.
    let survey = &session.survey;
    let joined: Vec<(usize, usize)> = table
        .header
        .iter()
        .enumerate()
        .filter(|(c, _)| *c != name)
        .filter_map(|(c, h)| {
            let q = survey
                .questions
                .iter()
                .position(|q| quasi.contains(&q.id) && (same(h, &q.label) || same(h, &q.id)))?;
            Some((c, q))
        })
        .collect();
    if joined.is_empty() {
        return Err(LinkageError::NoSharedColumn);
    }
    // Each named row as choice indexes (None: a value no choice has, which matches nobody).
    let rows: Vec<Vec<Option<usize>>> = table
        .rows
        .iter()
        .filter(|(_, cells)| !cells[name].trim().is_empty())
        .map(|(_, cells)| {
            joined
                .iter()
                .map(|(c, q)| {
                    survey.questions[*q]
                        .choices
                        .iter()
                        .position(|choice| same(&cells[*c], &choice.label) || same(&cells[*c], &choice.id))
                })
                .collect()
        })
        .collect();
    let mut named = Vec::new();
    let (mut narrowed, mut unmatched) = (0, 0);
    for response in &session.responses {
        let answers: Vec<Option<usize>> = joined
            .iter()
            .map(|(_, q)| {
                let question = &survey.questions[*q];
                response
                    .answers
                    .get(&question.id)
                    .and_then(|a| question.choice_index(a))
            })
            .collect();
        let candidates = rows
            .iter()
            .filter(|row| {
                answers
                    .iter()
                    .zip(row.iter())
                    .all(|(answer, cell)| answer.is_none() || (cell.is_some() && answer == cell))
            })
            .count();
        match candidates {
            0 => unmatched += 1,
            1 => named.push(response.participant),
            2..=5 => narrowed += 1,
            _ => {}
        }
    }
    Ok(Linkage {
        questions: joined
            .iter()
            .map(|(_, q)| survey.questions[*q].id.clone())
            .collect(),
        published: rows.len(),
        room: session.responses.len(),
        named,
        narrowed,
        unmatched,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::test_support::{ids, session};

    #[test]
    fn a_row_matching_one_named_person_carries_a_name() {
        // Default survey: cheese/dessert, sweet/salty, gender, town (choice ids).
        let room = session(&[
            ["fromage", "sucre", "femme", "oui"],
            ["dessert", "sale", "homme", "oui"],
            ["dessert", "sale", "homme", "non"],
            ["fromage", "sale", "autre", ""],
        ]);
        let file = "Nom;Genre;Habitez-vous Briqueville ?;Âge\n\
                    Alice Fictive;Femme;Oui;40\n\
                    Bruno Fictif;Homme;Oui;50\n\
                    Carl Fictif;Homme;Oui;60\n\
                    Dina Fictive;Autre ou ne se prononce pas;Non;30\n\
                    Eve Fictive;Autre ou ne se prononce pas;Oui;20\n";
        let quasi = ids(&["genre", "commune"]);
        let mut s = room.clone();
        // The default survey's town question says "Habitez-vous Briqueville ?".
        s.survey.questions[3].label = "Habitez-vous Briqueville ?".into();
        let linked = link(&s, &quasi, file).unwrap();
        assert_eq!(linked.questions, ["genre", "commune"]);
        assert_eq!(linked.published, 5);
        assert_eq!(linked.room, 4);
        // Femme·Oui: Alice only. Homme·Oui: two. Homme·Non: nobody. Autre·(skipped): two.
        assert_eq!(linked.named, [1]);
        assert_eq!(linked.narrowed, 2);
        assert_eq!(linked.unmatched, 1);
        // Without a name column, or without a shared column: said.
        assert_eq!(
            link(&s, &quasi, "Genre;Oui\nFemme;x\n"),
            Err(LinkageError::NoNameColumn)
        );
        assert_eq!(
            link(&s, &quasi, "Nom;Couleur\nA;bleu\n"),
            Err(LinkageError::NoSharedColumn)
        );
        assert!(matches!(link(&s, &quasi, ""), Err(LinkageError::Import(_))));
        assert!(!LinkageError::NoNameColumn.message(Lang::Fr).contains("linkage-"));
    }
}
