//! The budget page's reducer and what it shows, without a browser: the demo commune's
//! files are imported as a file read on the device would be.

use std::collections::BTreeMap;
use std::rc::Rc;

use briques_core::budget::explore::{Axis, Quartiles, Side, Strate};
use briques_core::i18n::Lang;

use super::*;

const CA_2022: &[u8] = include_bytes!("../../../../www/demo/briqueville-ca-2022.xml");
const CA_2023: &[u8] = include_bytes!("../../../../www/demo/briqueville-ca-2023.xml");

fn file(bytes: &[u8]) -> (Loaded, usize) {
    Loaded::from_file(bytes, Lang::Fr).expect("the demo commune imports")
}

/// Two years of the demo commune (M14 then M57), 3 000 inhabitants.
fn two_years() -> Loaded {
    let budgets = [CA_2022, CA_2023]
        .into_iter()
        .flat_map(|bytes| file(bytes).0.budgets)
        .map(|mut b| {
            b.collectivite.population = Some(3000);
            b
        })
        .collect();
    Loaded::of(budgets, None)
}

fn ready(loaded: Loaded) -> Rc<BudgetState> {
    Rc::new(BudgetState::new(BudgetView::default())).reduce(BudgetAction::Loaded {
        source: Source::Demo,
        result: Ok(loaded),
    })
}

fn reduce(state: &Rc<BudgetState>, action: BudgetAction) -> Rc<BudgetState> {
    state.clone().reduce(action)
}

#[test]
fn the_address_says_what_to_fetch_and_a_late_answer_for_another_commune_is_dropped() {
    let state = Rc::new(BudgetState::new(BudgetView::from_query(
        "?commune=99042&annee=2023",
    )));
    assert_eq!(state.data, Data::Loading);
    assert_eq!(state.view.source, Source::Insee("99042".into()));
    // The user opens the demo before the national answer arrives.
    let state = reduce(&state, BudgetAction::OpenDemo);
    assert_eq!(state.view, BudgetView::default());
    assert_eq!(state.reloads, 0, "a new source is fetched by its own change");
    let late = reduce(
        &state,
        BudgetAction::Loaded {
            source: Source::Insee("99042".into()),
            result: Ok(two_years()),
        },
    );
    assert!(Rc::ptr_eq(&state, &late));
    let state = reduce(
        &state,
        BudgetAction::Loaded {
            source: Source::Demo,
            result: Ok(two_years()),
        },
    );
    assert!(matches!(state.data, Data::Ready(_)));
    assert_eq!(state.loads, 1);
    assert_eq!(
        state.shown().map(|(_, b)| b.exercice),
        Some(2023),
        "the latest year"
    );
}

#[test]
fn a_failed_load_says_why_but_a_failed_reload_keeps_the_budgets_shown() {
    let state = Rc::new(BudgetState::new(BudgetView::default()));
    let failed = reduce(
        &state,
        BudgetAction::Loaded {
            source: Source::Demo,
            result: Err("hors ligne".into()),
        },
    );
    assert_eq!(failed.data, Data::Failed("hors ligne".into()));
    assert_eq!(failed.loads, 1);
    let empty = reduce(
        &state,
        BudgetAction::Loaded {
            source: Source::Demo,
            result: Ok(Loaded::of(Vec::new(), None)),
        },
    );
    assert_eq!(empty.data, Data::Failed(String::new()));

    let state = reduce(&ready(two_years()), BudgetAction::ChooseYear { year: Some(2022) });
    let again = reduce(&state, BudgetAction::OpenDemo);
    assert_eq!(again.reloads, 1, "the demo on the demo is fetched again");
    assert!(
        matches!(again.data, Data::Ready(_)),
        "shown until the new budgets arrive"
    );
    assert_eq!(again.view.year, None);
    let kept = reduce(
        &again,
        BudgetAction::Loaded {
            source: Source::Demo,
            result: Err("hors ligne".into()),
        },
    );
    assert!(Rc::ptr_eq(&again, &kept));
}

#[test]
fn the_last_file_chosen_wins_and_replaces_the_commune() {
    let state = reduce(
        &ready(two_years()),
        BudgetAction::PopulationTyped { text: "1 234".into() },
    );
    assert_eq!(state.population, Some(1234));
    let reading = |state: &Rc<BudgetState>, read: u32, name: &str| {
        reduce(
            state,
            BudgetAction::Reading {
                read,
                file: name.into(),
                size: 2048.0,
            },
        )
    };
    let state = reading(&state, 1, "gros.xml");
    let state = reading(&state, 2, "petit.xml");
    assert!(state.busy);
    let stale = reduce(
        &state,
        BudgetAction::Imported {
            read: 1,
            file: "gros.xml".into(),
            result: Ok(file(CA_2022)),
        },
    );
    assert!(Rc::ptr_eq(&state, &stale), "an earlier read is dropped");
    let state = reduce(
        &state,
        BudgetAction::Analysing {
            read: 2,
            file: "petit.xml".into(),
        },
    );
    assert_eq!(
        notice_text(Lang::Fr, state.notice.as_ref().expect("a notice")),
        "Analyse de « petit.xml »…"
    );
    let state = reduce(
        &state,
        BudgetAction::Imported {
            read: 2,
            file: "petit.xml".into(),
            result: Ok(file(CA_2023)),
        },
    );
    assert!(!state.busy);
    assert_eq!(state.view.source, Source::File);
    assert_eq!(
        state.population, None,
        "the population typed was for the other commune"
    );
    assert_eq!(state.loads, 2);
    let (loaded, budget) = state.shown().expect("the file is shown");
    assert_eq!((loaded.name.as_str(), budget.exercice), ("BRIQUEVILLE", 2023));
    assert_eq!(
        notice_text(Lang::Fr, state.notice.as_ref().expect("a notice")),
        "« petit.xml » importé : BRIQUEVILLE, un exercice."
    );
}

#[test]
fn a_broken_or_empty_file_leaves_the_budget_shown_and_says_why() {
    let shown = reduce(
        &ready(two_years()),
        BudgetAction::Reading {
            read: 1,
            file: "casse.xml".into(),
            size: 40.0,
        },
    );
    let broken = Loaded::from_file(b"<DocumentBudgetaire><Budget><LigneBudget>", Lang::Fr);
    let state = reduce(
        &shown,
        BudgetAction::Imported {
            read: 1,
            file: "casse.xml".into(),
            result: broken,
        },
    );
    assert_eq!(state.data, shown.data);
    assert!(!state.busy);
    let text = notice_text(Lang::Fr, state.notice.as_ref().expect("a notice"));
    assert!(
        text.starts_with("« casse.xml » n'a pas pu être importé : "),
        "{text}"
    );
    assert!(text.ends_with("Le budget affiché reste inchangé."), "{text}");

    let empty = Notice::ImportFailed {
        file: "vide.csv".into(),
        reason: None,
    };
    assert!(notice_text(Lang::Fr, &empty).contains("le fichier ne contient aucune ligne budgétaire"));
    let failed = reduce(
        &shown,
        BudgetAction::ReadFailed {
            read: 1,
            file: "parti.xml".into(),
            message: "NotFoundError".into(),
        },
    );
    assert!(!failed.busy);
    assert!(notice_text(Lang::Fr, failed.notice.as_ref().expect("a notice")).contains("NotFoundError"));
}

#[test]
fn every_notice_reads_as_a_sentence() {
    let notices = [
        Notice::TooBig {
            file: "france.csv".into(),
            size: 350e6,
        },
        Notice::Reading {
            file: "a.xml".into(),
            size: 10240.0,
        },
        Notice::Imported {
            file: "a.csv".into(),
            name: "TOURVILLE".into(),
            years: 2,
            left_out: 3,
        },
        Notice::OpenFailed {
            message: "Pas de réseau.".into(),
        },
    ];
    let texts: Vec<String> = notices.iter().map(|n| notice_text(Lang::Fr, n)).collect();
    assert!(texts[0].starts_with("« france.csv » pèse 350 Mo"), "{}", texts[0]);
    assert_eq!(texts[1], "Lecture de « a.xml » (10 Ko)…");
    assert_eq!(
        texts[2],
        "« a.csv » importé : TOURVILLE, 2 exercices. 3 autres budgets du fichier (budgets annexes \
         ou autres collectivités) ne sont pas affichés."
    );
    assert_eq!(
        texts[3],
        "Cette commune n'a pas pu être chargée ; le budget affiché reste là. Pas de réseau."
    );
    for (notice, text) in notices.iter().zip(&texts) {
        assert!(!text.contains("budget-"), "{notice:?} shows a raw key: {text}");
    }
    assert!(fits(MAX_FILE_BYTES) && !fits(MAX_FILE_BYTES + 1.0));
}

#[test]
fn another_commune_replaces_the_one_shown_only_once_it_arrives() {
    let shown = reduce(&ready(two_years()), BudgetAction::ChooseYear { year: Some(2022) });
    let opening = reduce(
        &shown,
        BudgetAction::OpenCommune {
            insee: "56046".into(),
        },
    );
    assert_eq!(opening.view.to_query(), "?commune=56046");
    assert!(
        matches!(opening.data, Data::Ready(_)),
        "shown until the new budgets arrive"
    );
    assert_eq!(opening.notice, Some(Notice::Opening));
    // It cannot be had: the budgets shown stay, with their view, and the page says why.
    let failed = reduce(
        &opening,
        BudgetAction::Loaded {
            source: Source::Insee("56046".into()),
            result: Err("L'OFGL ne répond pas.".into()),
        },
    );
    assert_eq!(failed.view, shown.view);
    assert_eq!(failed.data, shown.data);
    assert_eq!(
        failed.notice,
        Some(Notice::OpenFailed {
            message: "L'OFGL ne répond pas.".into()
        })
    );
    assert_eq!(failed.back, None);
    // It arrives: it replaces them.
    let arrived = reduce(
        &opening,
        BudgetAction::Loaded {
            source: Source::Insee("56046".into()),
            result: Ok(two_years()),
        },
    );
    assert_eq!(arrived.notice, None);
    assert_eq!(arrived.back, None);
    assert_eq!(arrived.loads, shown.loads + 1);
    // From an empty page, a commune that cannot be had says why in place of budgets.
    let empty = Rc::new(BudgetState::new(BudgetView::default()));
    let state = reduce(
        &empty,
        BudgetAction::OpenCommune {
            insee: "56046".into(),
        },
    );
    assert_eq!(state.data, Data::Loading);
}

#[test]
fn a_commune_kept_on_the_device_can_be_fetched_again_and_the_list_follows() {
    use crate::services::saved_communes::Listed;
    let state = Rc::new(BudgetState::new(BudgetView::from_query("?commune=56046")));
    let state = reduce(
        &state,
        BudgetAction::Loaded {
            source: Source::Insee("56046".into()),
            result: Ok(two_years()),
        },
    );
    let refreshing = reduce(&state, BudgetAction::Refresh);
    assert!(refreshing.refresh);
    assert_eq!(refreshing.reloads, state.reloads + 1);
    assert!(Rc::ptr_eq(
        &refreshing,
        &reduce(&refreshing, BudgetAction::Refresh)
    ));
    // Fetching again failed: the copy shown stays, and the page says why.
    let failed = reduce(
        &refreshing,
        BudgetAction::Loaded {
            source: Source::Insee("56046".into()),
            result: Err("Hors ligne.".into()),
        },
    );
    assert!(!failed.refresh);
    assert!(matches!(failed.data, Data::Ready(_)));
    assert!(matches!(failed.notice, Some(Notice::OpenFailed { .. })));
    // The demo has nothing to fetch again.
    let demo = ready(two_years());
    assert!(Rc::ptr_eq(&demo, &reduce(&demo, BudgetAction::Refresh)));

    let list = vec![Listed {
        insee: "56046".into(),
        nom: "Crach".into(),
        date: "2026-12-01".into(),
    }];
    let listed = reduce(&state, BudgetAction::SavedList { list: list.clone() });
    assert_eq!(*listed.saved, list);
    assert!(Rc::ptr_eq(
        &listed,
        &reduce(&listed, BudgetAction::SavedList { list })
    ));
}

#[test]
fn view_actions_follow_the_drill_down_rules_and_change_nothing_when_already_there() {
    let state = ready(two_years());
    let deep = reduce(
        &state,
        BudgetAction::Open {
            path: vec!["F".into(), "012".into(), "64111".into()],
        },
    );
    let by_fonction = reduce(&deep, BudgetAction::ChooseAxis { axis: Axis::Fonction });
    assert_eq!(by_fonction.view.path, vec!["F".to_owned()], "the section stays");
    let revenue = reduce(&deep, BudgetAction::ChooseSide { side: Side::Recettes });
    assert!(revenue.view.path.is_empty());
    let same = reduce(&state, BudgetAction::ChooseSide { side: Side::Depenses });
    assert!(Rc::ptr_eq(&state, &same));
    let same = reduce(&state, BudgetAction::ChooseTab { tab: Tab::Explorer });
    assert!(Rc::ptr_eq(&state, &same));
    let per_head = reduce(&state, BudgetAction::TogglePerInhabitant);
    assert_eq!(per_head.view.to_query(), "?commune=demo&hab=1");
    let same = reduce(&state, BudgetAction::PopulationTyped { text: "zéro".into() });
    assert!(Rc::ptr_eq(&state, &same));
    let same = reduce(&state, BudgetAction::ChooseCollectivite { name: "X".into() });
    assert!(Rc::ptr_eq(&state, &same), "not a collectivité of a file");
}

#[test]
fn another_collectivite_of_the_file_starts_at_its_latest_year() {
    let (one, _) = file(CA_2023);
    let mut other = one.budgets.clone();
    for budget in &mut other {
        budget.collectivite.nom = "TOURVILLE".into();
        budget.exercice = 2022;
    }
    let all: Vec<_> = one.budgets.iter().cloned().chain(other).collect();
    let loaded = Loaded {
        file_budgets: Rc::new(all),
        collectivites: vec!["BRIQUEVILLE".into(), "TOURVILLE".into()],
        ..one
    };
    let state = reduce(
        &ready(loaded),
        BudgetAction::Open {
            path: vec!["F".into()],
        },
    );
    let state = reduce(
        &state,
        BudgetAction::ChooseCollectivite {
            name: "TOURVILLE".into(),
        },
    );
    let (loaded, budget) = state.shown().expect("shown");
    assert_eq!((loaded.name.as_str(), budget.exercice), ("TOURVILLE", 2022));
    assert!(state.view.path.is_empty());
    assert_eq!(loaded.collectivites.len(), 2, "the choice stays offered");
}

#[test]
fn amounts_show_per_inhabitant_only_with_a_population() {
    assert_eq!(
        Money::new(Lang::Fr, Some(3000), true).show(3_000_000.0),
        "1\u{202f}000\u{a0}€ par habitant"
    );
    assert_eq!(
        Money::new(Lang::Fr, None, true).show(1234.4),
        "1\u{202f}234\u{a0}€"
    );
    assert_eq!(Money::new(Lang::Fr, Some(0), true).per, None);
    assert_eq!(Money::new(Lang::Fr, Some(3000), false).per, None);
    assert_eq!(parse_population("3 012 hab."), Some(3012));
    assert_eq!(parse_population("0"), None);
}

#[test]
fn the_drill_down_table_is_what_the_csv_exports() {
    let loaded = two_years();
    let budget = loaded.budget(None).expect("a budget");
    let money = Money::new(Lang::Fr, None, false);
    let root = drill(&loaded.name, budget, &BudgetView::default(), money);
    assert_eq!(root.depth(), 0);
    assert_eq!(root.current(), "Dépenses");
    assert_eq!(root.table.caption, "Détail de « Dépenses »");
    assert_eq!(root.table.rows[0].cells[0], "Fonctionnement");
    assert_eq!(root.table.rows[0].opens.as_deref(), Some("F"));
    assert!(
        root.csv_name.starts_with("budget-briqueville-2023-"),
        "{}",
        root.csv_name
    );
    let file = csv(&root.table);
    assert!(
        file.starts_with("\u{feff}Poste;Montant réalisé;Part\r\nFonctionnement;"),
        "{file}"
    );
    assert_eq!(file.lines().count(), 1 + root.parts.len());

    let view = BudgetView {
        path: vec!["F".into(), "012".into(), "64111".into(), "x".into()],
        ..BudgetView::default()
    };
    let account = drill(&loaded.name, budget, &view, money);
    assert!(account.last_level);
    assert_eq!(account.depth(), 3, "the path stops at the account");
    assert!(account.parts.is_empty());
    assert_eq!(account.table.header[0], "Compte");
    // One row per line of the account: the demo spreads salaries over the fonctions
    // where the agents work, one line each (counted in the XML's text).
    let written = String::from_utf8_lossy(CA_2023)
        .split("<LigneBudget>")
        .filter(|l| l.contains("<Nature V=\"64111\"/>") && l.contains("<CodRD V=\"D\"/>"))
        .count();
    assert!(written > 1);
    assert_eq!(account.table.rows.len(), written);
    assert!(account.table.rows.iter().all(|r| r.opens.is_none()));
    assert_eq!(account.crumbs[1].label, "Fonctionnement");
    assert_eq!(account.crumbs[1].path, vec!["F".to_owned()]);
    assert!(account.crumbs[2].label.starts_with("012 · Charges de personnel"));
    assert!(csv(&account.table).starts_with("\u{feff}Compte;Libellé;Chapitre;Fonction;Montant prévu;"));
}

#[test]
fn indicator_cards_compare_with_the_strate_when_it_is_served() {
    let mut loaded = two_years();
    let budget = loaded.budget(None).expect("a budget").clone();
    let money = Money::new(Lang::Fr, Some(3000), false);
    let cards = indicator_cards(&loaded, &budget, Some(3000), money);
    assert_eq!(cards[0].label_key, "indicator-rrf");
    assert_eq!(cards[0].term, "operations-reelles");
    assert!(cards.iter().all(|c| c.comparison.is_none()));
    assert!(
        !comparison_missing(&loaded, Some(3000)),
        "nothing served, nothing to say"
    );
    let years = cards
        .iter()
        .find(|c| c.label_key == "indicator-desendettement")
        .expect("the demo has a debt");
    assert!(years.shown.ends_with(" ans"), "{}", years.shown);

    let drf = budget.indicators().depenses_reelles_fonctionnement / 3000.0;
    let q = Quartiles {
        q1: drf - 200.0,
        median: drf,
        q3: drf + 200.0,
    };
    let stats = Strate {
        label: "2 000 à 3 499 habitants".into(),
        communes: 10,
        per_inhabitant: BTreeMap::from([("depenses_reelles_fonctionnement".to_owned(), q)]),
    };
    loaded.strates = Some(BTreeMap::from([("4".to_owned(), stats)]));
    let cards = indicator_cards(&loaded, &budget, Some(3000), money);
    let compared: Vec<&str> = cards.iter().filter_map(|c| c.comparison.as_deref()).collect();
    assert_eq!(compared.len(), 1);
    assert!(
        compared[0].starts_with("Environ 50 % des communes de 2 000 à 3 499 habitants"),
        "{}",
        compared[0]
    );
    assert!(comparison_missing(&loaded, None));
    assert!(comparison_missing(&loaded, Some(100)), "strate 1 is not served");
}

#[test]
fn the_evolution_marks_the_m57_change_and_divides_by_each_years_population() {
    let mut loaded = two_years();
    assert_eq!(
        evolution(&Loaded::of(loaded.budgets[..1].to_vec(), None), false),
        None
    );
    let totals = evolution(&loaded, false).expect("two years");
    assert_eq!(totals.years, vec![2022, 2023]);
    assert_eq!(totals.change_at, Some(1));
    assert_eq!(totals.series[0].0, "indicator-rrf");
    loaded.budgets[0].collectivite.population = None;
    let per_head = evolution(&loaded, true).expect("two years");
    assert_eq!(
        per_head.series[1].1[0], totals.series[1].1[0],
        "no population that year"
    );
    assert!((per_head.series[1].1[1] - totals.series[1].1[1] / 3000.0).abs() < 1e-9);
}

#[test]
fn the_heading_names_the_commune_the_document_and_the_nomenclature() {
    let loaded = two_years();
    let budget = loaded.budget(Some(2022)).expect("2022");
    assert_eq!(
        heading_title(Lang::Fr, &loaded.name, budget),
        "BRIQUEVILLE · compte administratif 2022"
    );
    assert_eq!(nomenclature_name(budget), "M14");
    assert_eq!(
        population(budget, Some(12)),
        Some(3000),
        "the file's population first"
    );
}

#[test]
fn every_text_of_the_tree_and_the_evolution_is_in_the_catalogue() {
    let loaded = two_years();
    let budget = loaded.budget(None).expect("a budget");
    let money = Money::new(Lang::Fr, None, false);
    let view = BudgetView {
        side: Side::Recettes,
        axis: Axis::Fonction,
        path: vec!["I".into()],
        ..BudgetView::default()
    };
    let revenue = drill(&loaded.name, budget, &view, money);
    let labels: Vec<&str> = revenue.crumbs.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Recettes", "Investissement"]);
    let unknown = briques_core::budget::explore::Node {
        key: "f-".into(),
        level: briques_core::budget::explore::Level::Fonction,
        label: None,
        label_from: None,
        amount: 0.0,
        children: Vec::new(),
    };
    assert_eq!(
        node_label(Lang::Fr, Side::Depenses, &unknown),
        "Fonction non précisée"
    );
    let view = BudgetView {
        path: vec!["F".into(), "012".into(), "64111".into()],
        ..BudgetView::default()
    };
    let account = drill(&loaded.name, budget, &view, money);
    assert!(account.table.caption.starts_with("Lignes du budget : 64111"));
    let evolution = evolution(&loaded, false).expect("two years");
    for (key, _) in &evolution.series {
        assert!(
            briques_core::i18n::has_key(key),
            "{key} missing from the catalogue"
        );
    }
}

#[test]
fn an_account_with_its_parent_label_says_whose_it_is_and_documents_have_their_term() {
    assert_eq!(
        account_label(Lang::Fr, "Rémunération principale", None),
        "Rémunération principale"
    );
    assert_eq!(
        account_label(Lang::Fr, "Rémunération principale", Some("64111")),
        "Rémunération principale (libellé du compte 64111 : ce compte ne figure pas dans le plan de comptes)"
    );
    use briques_core::budget::DocumentKind;
    assert_eq!(
        document_term(DocumentKind::CompteAdministratif),
        Some("compte-administratif")
    );
    assert_eq!(document_term(DocumentKind::Comptes), None);
}

#[test]
fn the_page_width_is_kept_for_the_charts_and_nonsense_is_ignored() {
    let state = Rc::new(BudgetState::new(BudgetView::default()));
    assert_eq!(state.width, 800.0, "until measured");
    let state = state.reduce(BudgetAction::Width { px: 328.0 });
    assert_eq!(state.width, 328.0);
    let same = state.clone().reduce(BudgetAction::Width { px: 328.0 });
    assert!(Rc::ptr_eq(&state, &same));
    let hidden = state.clone().reduce(BudgetAction::Width { px: 0.0 });
    assert!(Rc::ptr_eq(&state, &hidden), "a page not laid out yet says 0");
}
