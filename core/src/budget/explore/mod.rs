//! What the budget explorer shows, computed without a browser so that it is tested
//! natively and gives the same answers in the app:
//!
//! - [`tree`]: real operations of the year as a tree, section → chapitre → compte (or
//!   section → fonction → compte), for the treemap and its drill-down; [`descend`] follows
//!   a path from the URL, stopping at the deepest part that exists;
//! - [`squarify`]: the treemap layout (areas proportional to amounts), the chart
//!   module's ([`crate::chart::layout`]);
//! - [`hundred_euros`]: what 100 € of spending funds, by citizen category;
//! - [`Strate`], [`share_above`] and [`compare`]: "how many communes of the same size
//!   spend more";
//! - [`line_rows`], [`share_of`], [`nomenclature_change`]: the drill-down's table and
//!   the evolution chart's M14 → M57 mark;
//! - [`MayorBase`], [`MayorChoices`], [`Outcome`]: "Si j'étais maire", re-allocating the
//!   spending under the real constraints of a commune budget.

//!
//! By topic: [`tree`] (the tree, the drill-down path, 100 €), [`strates`] (comparison
//! with similar communes), [`table`] (the drill-down's lines, shares, the nomenclature
//! change), [`mayor`] ("Si j'étais maire").

pub mod mayor;
pub mod strates;
pub mod table;
pub mod tree;

pub use crate::chart::layout::{squarify, Rect};
pub use mayor::*;
pub use strates::*;
pub use table::*;
pub use tree::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::nomenclature::{Category, Family};
    use crate::budget::{import, Budget, DgfipOptions, Direction, Line};

    fn demo(year: i32) -> Budget {
        let path = format!(
            "{}/../www/demo/briqueville-ca-{year}.xml",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(path).expect("the demo commune is in www/demo");
        import(&bytes, None, &DgfipOptions::default())
            .expect("the demo commune imports")
            .budgets
            .remove(0)
    }

    #[test]
    fn the_tree_adds_up_to_the_totals_on_both_axes() {
        for year in 2019..=2024 {
            let budget = demo(year);
            let totals = budget.totals();
            for axis in [Axis::Nature, Axis::Fonction] {
                let spending = tree(&budget, Side::Depenses, axis);
                let revenue = tree(&budget, Side::Recettes, axis);
                let close = |a: f64, b: f64| (a - b).abs() < 0.01;
                assert!(close(
                    spending.get("F").unwrap().amount,
                    totals.fonctionnement.depenses
                ));
                assert!(close(
                    spending.get("I").unwrap().amount,
                    totals.investissement.depenses
                ));
                assert!(close(
                    revenue.get("F").unwrap().amount,
                    totals.fonctionnement.recettes
                ));
                for section in &spending.children {
                    let sum: f64 = section.children.iter().map(|c| c.amount).sum();
                    assert!(close(sum, section.amount));
                    for group in &section.children {
                        let sum: f64 = group.children.iter().map(|c| c.amount).sum();
                        assert!(close(sum, group.amount), "{year} {axis:?} {}", group.key);
                        assert!(group.children.iter().all(|c| c.level == Level::Compte));
                    }
                }
            }
        }
    }

    #[test]
    fn demo_commune_has_realistic_magnitudes_and_the_m57_change() {
        for year in 2019..=2024 {
            let budget = demo(year);
            let i = budget.indicators();
            let per_head = i.depenses_reelles_fonctionnement / 3000.0;
            assert!((600.0..1100.0).contains(&per_head), "{year}: {per_head} €/hab");
            assert!(i.epargne_brute > 0.0 && i.epargne_nette.unwrap() > 0.0, "{year}");
            assert!(i.encours_dette.unwrap() > 1_000_000.0, "{year}: debt annex read");
            assert_eq!(
                family(&budget),
                if year >= 2023 { Family::M57 } else { Family::M14 }
            );
        }
    }

    #[test]
    fn chapters_are_labelled_and_accounts_fall_back_to_their_parent() {
        let budget = demo(2023);
        let root = tree(&budget, Side::Depenses, Axis::Nature);
        let personnel = descend(&root, &["F".into(), "012".into()]);
        assert_eq!(personnel.len(), 3);
        assert_eq!(
            personnel[2].label,
            Some("Charges de personnel et frais assimilés")
        );
        assert!(personnel[2].children.iter().all(|c| c.label.is_some()));
        let by_fonction = tree(&budget, Side::Depenses, Axis::Fonction);
        let f = by_fonction.get("F").unwrap();
        assert!(
            f.children.iter().all(|c| c.label.is_some()),
            "every fonction of the demo is labelled"
        );
    }

    /// The budget lines of a demo year as written in its XML, read from the text without
    /// the importer: (Nature, Fonction, ContNat, CodRD, OpBudg, MtReal).
    fn lines_from_xml(year: i32) -> Vec<[String; 6]> {
        let path = format!(
            "{}/../www/demo/briqueville-ca-{year}.xml",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(path).expect("the demo commune is in www/demo");
        let value = |line: &str, tag: &str| {
            let start = line.find(&format!("<{tag} V=\""))? + tag.len() + 5;
            line[start..].split('"').next().map(str::to_owned)
        };
        text.split("<LigneBudget>")
            .skip(1)
            .map(|l| {
                ["Nature", "Fonction", "ContNat", "CodRD", "OpBudg", "MtReal"]
                    .map(|tag| value(l, tag).unwrap_or_default())
            })
            .collect()
    }

    /// Real spending of the year on chapter `chapitre` (`ContNat`), summed from the demo
    /// XML by reading its text, without the importer.
    fn chapter_from_xml(year: i32, chapitre: &str) -> f64 {
        lines_from_xml(year)
            .iter()
            .filter(|[_, _, c, rd, ordre, _]| c == chapitre && rd == "D" && ordre == "0")
            .filter_map(|l| l[5].parse::<f64>().ok())
            .sum()
    }

    /// Share (in %) of the real operating spending (accounts of classes 6 and 7) of the
    /// year whose fonction starts with `digit`, from the demo XML's text.
    fn fonction_share_from_xml(year: i32, digit: char) -> f64 {
        let operating: Vec<(String, f64)> = lines_from_xml(year)
            .into_iter()
            .filter(|[nature, _, _, rd, ordre, _]| {
                rd == "D" && ordre == "0" && nature.starts_with(['6', '7'])
            })
            .map(|[_, fonction, _, _, _, real]| (fonction, real.parse::<f64>().unwrap()))
            .collect();
        let all: f64 = operating.iter().map(|(_, a)| a).sum();
        let part: f64 = operating
            .iter()
            .filter(|(f, _)| f.starts_with(digit))
            .map(|(_, a)| a)
            .sum();
        100.0 * part / all
    }

    /// DGCL, Bulletin d'information statistique n° 205, « Les dépenses par fonction des
    /// communes de plus de 3 500 habitants » (accounts 2024): share of operating spending
    /// under services généraux in communes of 3,500 to 4,999 inhabitants…
    const PUBLISHED_SERVICES_GENERAUX: f64 = 47.5;
    /// … and under enseignement, formation in the communes of 3,500 inhabitants or more.
    const PUBLISHED_ENSEIGNEMENT: f64 = 17.3;
    /// How far (in points) the demo may be from the published shares: one commune is not
    /// the average of its strate.
    const TOLERANCE: f64 = 5.0;

    #[test]
    fn the_demo_fonction_view_is_that_of_a_real_commune() {
        // Once 72.6 % under services généraux and 13.3 % for the school in 2023, when
        // every salary sat under 020.
        for year in 2019..=2024 {
            let budget = demo(year);
            let root = tree(&budget, Side::Depenses, Axis::Fonction);
            let operating = root.get("F").unwrap();
            let share = |key: &str| 100.0 * operating.get(key).unwrap().amount / operating.amount;
            for (key, digit, published) in [
                ("f0", '0', PUBLISHED_SERVICES_GENERAUX),
                ("f2", '2', PUBLISHED_ENSEIGNEMENT),
            ] {
                let shown = share(key);
                let written = fonction_share_from_xml(year, digit);
                assert!(
                    (shown - written).abs() < 1e-6,
                    "{year} {key}: {shown} vs {written}"
                );
                assert!(
                    (shown - published).abs() <= TOLERANCE,
                    "{year} {key}: {shown:.1} % against {published} % published"
                );
            }
        }
        // The first M57 year, as the workshop shows it: every digit of the axis that
        // holds spending has a part, none is the whole.
        let budget = demo(2023);
        let operating = tree(&budget, Side::Depenses, Axis::Fonction);
        let operating = operating.get("F").unwrap();
        assert!(operating.children.len() >= 6, "{:?}", operating.children.len());
        for digit in ['1', '3', '4', '5', '8'] {
            assert!(fonction_share_from_xml(2023, digit) > 1.0, "{digit}");
        }
    }

    #[test]
    fn personnel_is_chapter_012_in_the_explorer_and_the_100_euros() {
        // Chapter 012 includes 6336, the levy for the CNFPT, not only the accounts 64.
        for year in [2022, 2024] {
            let budget = demo(year);
            let expected = chapter_from_xml(year, "012");
            let explorer = descend(
                &tree(&budget, Side::Depenses, Axis::Nature),
                &["F".into(), "012".into()],
            )[2]
            .amount;
            let spending: f64 = budget.totals().fonctionnement.depenses;
            let hundred = hundred_euros(&budget)
                .into_iter()
                .find(|(c, _)| *c == Category::Personnel)
                .unwrap()
                .1;
            assert!(expected > 1_000_000.0, "{year}: {expected}");
            assert!(
                (explorer - expected).abs() < 0.005,
                "{year}: {explorer} vs {expected}"
            );
            // 100 € are over all real spending, investment included.
            let all = spending + budget.totals().investissement.depenses;
            assert!((hundred - expected * 100.0 / all).abs() < 1e-9, "{year}");
        }
        assert!((chapter_from_xml(2024, "012") - 1_295_321.75).abs() < 0.005);
    }

    #[test]
    fn a_stale_path_lands_on_the_deepest_valid_node() {
        let budget = demo(2022);
        let root = tree(&budget, Side::Depenses, Axis::Nature);
        let chain = descend(&root, &["F".into(), "999".into(), "64111".into()]);
        assert_eq!(chain.len(), 2);
        assert_eq!(chain[1].key, "F");
        let lines = lines_under(&budget, Side::Depenses, Axis::Nature, &["F", "012", "64111"]);
        // Salaries are spread over the fonctions where the agents work: one line each.
        let written = lines_from_xml(2022)
            .iter()
            .filter(|l| l[0] == "64111" && l[3] == "D")
            .count();
        assert!(written > 1);
        assert_eq!(lines.len(), written);
    }

    #[test]
    fn dgfip_lines_get_the_usual_chapter_of_their_account() {
        let line = |compte: &str, direction| Line {
            compte: compte.into(),
            chapitre: None,
            fonction: None,
            direction,
            reel: true,
            realise: Some(1.0),
            prevu: None,
            credits_ouverts: None,
        };
        assert_eq!(chapitre_of(&line("64111", Direction::Depense)), "012");
        assert_eq!(chapitre_of(&line("60612", Direction::Depense)), "011");
        assert_eq!(chapitre_of(&line("6419", Direction::Recette)), "013");
        assert_eq!(chapitre_of(&line("2041582", Direction::Depense)), "204");
        assert_eq!(chapitre_of(&line("2151", Direction::Depense)), "21");
    }

    #[test]
    fn the_last_level_lists_each_line_of_the_account() {
        let budget = demo(2023);
        let path = ["F".to_owned(), "012".to_owned(), "64111".to_owned()];
        let rows = line_rows(&budget, Side::Depenses, Axis::Nature, &path);
        let written: Vec<f64> = lines_from_xml(2023)
            .iter()
            .filter(|l| l[0] == "64111" && l[3] == "D")
            .map(|l| l[5].parse().unwrap())
            .collect();
        assert!(written.len() > 1, "salaries are spread over fonctions");
        assert_eq!(rows.len(), written.len());
        let node = descend(&tree(&budget, Side::Depenses, Axis::Nature), &path)[3].amount;
        assert!(rows.iter().all(|r| r.compte == "64111" && r.chapitre == "012"));
        assert!(rows.iter().all(|r| r.label.is_some()));
        let sum: f64 = rows.iter().map(|r| r.amount).sum();
        assert!((sum - node).abs() < 0.01);
        assert!((sum - written.iter().sum::<f64>()).abs() < 0.01);
        assert!(line_rows(&budget, Side::Depenses, Axis::Nature, &["X".to_owned()]).is_empty());
    }

    #[test]
    fn typed_loans_are_euros_or_refused() {
        assert_eq!(parse_euros("150000"), Some(150_000.0));
        assert_eq!(parse_euros(" 150 000 € "), Some(150_000.0));
        assert_eq!(parse_euros("150\u{202f}000,50"), Some(150_000.5));
        assert_eq!(parse_euros("0"), Some(0.0));
        for refused in [
            "",
            "abc",
            "12k",
            "-5",
            "1.000.000",
            "1,234",
            "€",
            "1e9",
            "10000000000000",
        ] {
            assert_eq!(parse_euros(refused), None, "{refused:?}");
        }
    }

    #[test]
    fn shares_need_a_positive_total() {
        assert_eq!(share_of(25.0, 100.0), Some(0.25));
        assert_eq!(share_of(25.0, 0.0), None);
        assert_eq!(share_of(-1.0, -4.0), None);
    }

    #[test]
    fn the_m57_change_is_found_in_a_run_of_years() {
        let budgets: Vec<Budget> = (2019..=2024).map(demo).collect();
        assert_eq!(
            nomenclature_change(&budgets),
            Some(4),
            "2023 is the first M57 year"
        );
        assert_eq!(nomenclature_change(&budgets[..4]), None);
        assert_eq!(nomenclature_change(&budgets[4..]), None);
        assert_eq!(nomenclature_change(&[]), None);
    }

    #[test]
    fn hundred_euros_sum_to_one_hundred() {
        let shares = hundred_euros(&demo(2024));
        let sum: f64 = shares.iter().map(|(_, s)| s).sum();
        assert!((sum - 100.0).abs() < 1e-9);
        assert_eq!(shares[0].0, Category::Personnel);
    }
}
