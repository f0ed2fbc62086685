//! The budget as the explorer draws it: real operations of the year as a tree (section →
//! chapitre or fonction → compte), the path of the drill-down, and what 100 € fund.

use crate::budget::nomenclature::{self, Category, Family};
use crate::budget::{Budget, Direction, Line, Section};
use crate::vocabulary::codes;

/// Spending or revenue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    /// Where the money goes.
    #[default]
    Depenses,
    /// Where the money comes from.
    Recettes,
}

// As written in addresses (`vue=`) and packs (`vue = "…"`).
codes!(Side {
    Depenses => "depenses",
    Recettes => "recettes",
});

impl Side {
    fn direction(self) -> Direction {
        match self {
            Side::Depenses => Direction::Depense,
            Side::Recettes => Direction::Recette,
        }
    }
}

/// How the second level of the tree groups accounts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Axis {
    /// By chapitre (what is bought or received: the nature of the operation).
    #[default]
    Nature,
    /// By fonction (what it is for: schools, roads, culture…).
    Fonction,
}

// As written in addresses (`axe=`).
codes!(Axis {
    Nature => "nature",
    Fonction => "fonction",
});

/// The level of a node in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The whole side of the budget.
    Root,
    /// Fonctionnement or investissement (key `F` or `I`).
    Section,
    /// A chapitre (key: its code).
    Chapitre,
    /// A fonction, by its first digit (key `f0` … `f9`, or `f-` when not given).
    Fonction,
    /// An account (key: its code): the last level, whose lines are listed.
    Compte,
}

/// A node of the budget tree: an amount and what it is made of, largest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Stable key within its parent (used in URLs).
    pub key: String,
    /// Which level the node is.
    pub level: Level,
    /// The official label (chapters, accounts, fonctions); sections and the root are
    /// labelled by the caller through the translation layer.
    pub label: Option<&'static str>,
    /// The account whose label is shown when it is not this node's own: the account is
    /// in no plan de comptes of the budget's nomenclature, so its parent's label is shown.
    pub label_from: Option<&'static str>,
    /// Sum of the real operations of the year below this node.
    pub amount: f64,
    /// Children, largest amount first.
    pub children: Vec<Node>,
}

impl Node {
    fn new(key: String, level: Level, label: Option<&'static str>) -> Node {
        Node {
            key,
            level,
            label,
            label_from: None,
            amount: 0.0,
            children: Vec::new(),
        }
    }

    /// A node for the account (or 2-digit chapter) `key`, with its official label.
    fn account(budget: &Budget, key: &str, level: Level) -> Node {
        let found = nomenclature::compte_label(&budget.nomenclature, budget.exercice, key);
        Node {
            label_from: found.map(|f| f.code).filter(|code| *code != key),
            ..Node::new(key.to_owned(), level, found.map(|f| f.label))
        }
    }

    fn child(&mut self, key: &str, make: impl FnOnce() -> Node) -> &mut Node {
        let at = match self.children.iter().position(|c| c.key == key) {
            Some(at) => at,
            None => {
                self.children.push(make());
                self.children.len() - 1
            }
        };
        &mut self.children[at]
    }

    fn sort(&mut self) {
        crate::sorting::sort_by(&mut self.children, |a, b| {
            b.amount.total_cmp(&a.amount).then_with(|| a.key.cmp(&b.key))
        });
        for child in &mut self.children {
            child.sort();
        }
    }

    /// The child with this key.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.key == key)
    }
}

/// The nomenclature family of a budget (M14 when it cannot be told).
pub fn family(budget: &Budget) -> Family {
    nomenclature::family_of(&budget.nomenclature)
}

pub use crate::budget::nomenclature::chapitre_of;

/// The keys of a line in the tree: its section (`F` or `I`) and its group (chapitre
/// code, or `f0` … `f9`, `f-` by fonction); `None` outside the two sections.
fn keys(line: &Line, axis: Axis) -> Option<(&'static str, String)> {
    let section = match line.section()? {
        Section::Fonctionnement => "F",
        Section::Investissement => "I",
    };
    let group = match axis {
        Axis::Nature => chapitre_of(line),
        Axis::Fonction => match line.fonction.as_deref().and_then(|f| f.chars().next()) {
            Some(digit) if digit.is_ascii_digit() => format!("f{digit}"),
            _ => "f-".to_owned(),
        },
    };
    Some((section, group))
}

/// Real operations of the year on one side, as a tree (carried-over results and
/// third-party works excluded, as in [`Budget::totals`]).
pub fn tree(budget: &Budget, side: Side, axis: Axis) -> Node {
    let family = family(budget);
    let mut root = Node::new(String::new(), Level::Root, None);
    for line in budget
        .lines
        .iter()
        .filter(|l| l.reel && l.direction == side.direction())
    {
        let Some((section_key, group_key)) = keys(line, axis) else {
            continue;
        };
        let amount = budget.amount(line);
        root.amount += amount;
        let section_node = root.child(section_key, || {
            Node::new(section_key.into(), Level::Section, None)
        });
        section_node.amount += amount;
        let group = section_node.child(&group_key, || match axis {
            Axis::Nature => match nomenclature::chapitre_label(family, &group_key) {
                Some(label) => Node::new(group_key.clone(), Level::Chapitre, Some(label)),
                None => Node::account(budget, &group_key, Level::Chapitre),
            },
            Axis::Fonction => {
                let label = group_key
                    .strip_prefix('f')
                    .filter(|digit| *digit != "-")
                    .and_then(|digit| nomenclature::fonction_label(family, digit));
                Node::new(group_key.clone(), Level::Fonction, label)
            }
        });
        group.amount += amount;
        let compte = group.child(&line.compte, || {
            Node::account(budget, &line.compte, Level::Compte)
        });
        compte.amount += amount;
    }
    root.sort();
    root
}

/// The nodes from the root along `path` (root first), stopping at the first key that
/// does not exist: a stale or hand-edited URL lands on the deepest valid view.
pub fn descend<'a>(root: &'a Node, path: &[String]) -> Vec<&'a Node> {
    let mut chain = vec![root];
    for key in path {
        match chain.last().and_then(|n| n.get(key)) {
            Some(next) => chain.push(next),
            None => break,
        }
    }
    chain
}

/// The lines of the budget below a path of the tree (section, group, compte), for the
/// last level of the drill-down.
pub fn lines_under<'a>(budget: &'a Budget, side: Side, axis: Axis, path: &[&str]) -> Vec<&'a Line> {
    budget
        .lines
        .iter()
        .filter(|l| l.reel && l.direction == side.direction())
        .filter(|l| {
            keys(l, axis).is_some_and(|(section, group)| {
                let have = [section, group.as_str(), l.compte.as_str()];
                path.iter().zip(have).all(|(want, have)| *want == have)
            })
        })
        .collect()
}

/// What 100 € of real spending funds, by citizen category, largest first (sums to 100
/// when there is any spending).
pub fn hundred_euros(budget: &Budget) -> Vec<(Category, f64)> {
    let spending: Vec<(Category, f64)> = budget
        .by_category()
        .into_iter()
        .map(|(c, flow)| (c, flow.depenses))
        .filter(|(_, d)| *d > 0.0)
        .collect();
    let total: f64 = spending.iter().map(|(_, d)| d).sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let mut out: Vec<(Category, f64)> = spending
        .into_iter()
        .map(|(c, d)| (c, d * 100.0 / total))
        .collect();
    crate::sorting::sort_by(&mut out, |a, b| b.1.total_cmp(&a.1));
    out
}
