//! The directory's reader on small hand-written files (every error located), and the
//! search on the real directory (`www/communes/communes.tsv`): hand-checked cases, then
//! every commune found by its exact name and by its INSEE code.

use std::collections::HashMap;
use std::sync::OnceLock;

use proptest::prelude::*;

use super::*;

const REAL: &str = include_str!("../../../www/communes/communes.tsv");

fn real() -> &'static Directory {
    static DIRECTORY: OnceLock<Directory> = OnceLock::new();
    DIRECTORY.get_or_init(|| Directory::parse(REAL).expect("the committed directory reads"))
}

/// The INSEE codes and kinds of the first `n` results.
fn top(query: &str, n: usize) -> Vec<String> {
    real()
        .search(query, n)
        .iter()
        .map(|c| format!("{} {}", c.kind.code(), c.insee))
        .collect()
}

/// The INSEE code of the best result.
fn first(query: &str) -> String {
    real()
        .search(query, 1)
        .first()
        .map(|c| c.insee.clone())
        .unwrap_or_default()
}

const SMALL: &str = "briques-communes\t1
source\tfait à la main pour les tests\tLicence Ouverte 2.0
region\t11\tÎle-de-France
region\t94\tCorse
departement\t2A\t94\tCorse-du-Sud
departement\t75\t11\tParis
departement\t93\t11\tSeine-Saint-Denis
epci\t200054781\tMétropole du Grand Paris
COM\t2A004\tAjaccio\t2A\t20000 20090\t=\t\t76320\t
COM\t75056\tParis\t75\t75001 75002\t217500016\t200054781\t2103778\t
ARM\t75101\tParis 1er Arrondissement\t75\t75001\t\t\t15114\t75056
COM\t93066\tSaint-Denis\t93\t93200\t929939411\t200054781\t149077\t
COMD\t93066\tSaint-Denis\t93\t\t\t\t\t93066
";

/// `SMALL` with line `line` (1-based) replaced.
fn with_line(line: usize, text: &str) -> String {
    let mut lines: Vec<&str> = SMALL.lines().collect();
    lines[line - 1] = text;
    lines.join("\n")
}

fn error(text: &str) -> CommunesError {
    Directory::parse(text).expect_err("this file is refused")
}

#[test]
fn a_small_directory_reads_with_every_field() {
    let d = Directory::parse(SMALL).unwrap();
    assert_eq!(d.len(), 5);
    assert_eq!(d.source(), "fait à la main pour les tests — Licence Ouverte 2.0");
    let ajaccio = d.by_insee("2a004").unwrap();
    assert_eq!(ajaccio.nom, "Ajaccio");
    assert_eq!(
        ajaccio.siren.as_deref(),
        Some("212000046"),
        "`=` is the usual SIREN"
    );
    assert_eq!(ajaccio.codes_postaux, ["20000", "20090"]);
    assert_eq!(ajaccio.epci, None);
    assert_eq!(d.region_of(ajaccio).unwrap().nom, "Corse");
    let paris = d.by_insee("75056").unwrap();
    assert_eq!(
        d.epci(paris.epci.as_deref().unwrap()).unwrap().nom,
        "Métropole du Grand Paris"
    );
    let first = d.by_insee("75101").unwrap();
    assert_eq!(first.kind, CommuneKind::Arrondissement);
    assert_eq!(d.rattachement(first).unwrap().nom, "Paris");
    // The code shared by a commune and its delegated commune gives the commune.
    assert_eq!(d.by_insee(" 93066 ").unwrap().kind, CommuneKind::Commune);
    let kinds: Vec<CommuneKind> = d.all_by_insee("93066").map(|c| c.kind).collect();
    assert_eq!(kinds, [CommuneKind::Commune, CommuneKind::Deleguee]);
    assert_eq!(d.by_insee("99999"), None);
}

#[test]
fn every_damage_is_an_error_at_its_line_and_field() {
    use CommunesError as E;
    assert_eq!(error(""), E::NotADirectory);
    assert_eq!(error("insee;nom\n01001;x"), E::NotADirectory);
    assert_eq!(
        error(&SMALL.replace("communes\t1", "communes\t7")),
        E::Newer { version: 7 }
    );
    assert!(matches!(
        error(&SMALL.replace("communes\t1", "communes\tun")),
        E::Invalid {
            line: 1,
            field: Field::Version,
            ..
        }
    ));
    assert_eq!(
        error(&with_line(9, "COM\t2A004\tAjaccio\t2A")),
        E::FieldCount {
            line: 9,
            expected: 9,
            found: 4
        }
    );
    assert_eq!(
        error(&with_line(9, "VILLE\t2A004")),
        E::UnknownLine {
            line: 9,
            tag: "VILLE".into()
        }
    );
    let invalid = |line: usize, text: &str, field: Field, value: &str| {
        assert_eq!(
            error(&with_line(line, text)),
            E::Invalid {
                line,
                field,
                value: value.into()
            },
            "{text}"
        );
    };
    invalid(
        9,
        "COM\t2C004\tAjaccio\t2A\t20000\t=\t\t76320\t",
        Field::Insee,
        "2C004",
    );
    invalid(
        9,
        "COM\t2A004\tAjaccio\t2A\t2000\t=\t\t76320\t",
        Field::CodePostal,
        "2000",
    );
    invalid(
        9,
        "COM\t2A004\tAjaccio\t2A\t20000\t21200004\t\t76320\t",
        Field::Siren,
        "21200004",
    );
    invalid(
        9,
        "COM\t2A004\tAjaccio\t2A\t20000\t=\t\t-5\t",
        Field::Population,
        "-5",
    );
    invalid(
        9,
        "COM\t2A004\tAjaccio\t2A\t20000\t=\t\t99999999999\t",
        Field::Population,
        "99999999999",
    );
    invalid(
        9,
        "COM\t2A004\tAjaccio\t2A\t20000\t=\t\t76320\t75056",
        Field::Rattachement,
        "75056",
    );
    invalid(6, "departement\t7\t11\tParis", Field::Departement, "7");
    assert_eq!(
        error(&with_line(9, "COM\t2A004\t \t2A\t20000\t=\t\t76320\t")),
        E::Missing {
            line: 9,
            field: Field::Nom
        }
    );
    assert_eq!(
        error(&with_line(11, "ARM\t75101\tParis 1er\t75\t75001\t\t\t15114\t")),
        E::Missing {
            line: 11,
            field: Field::Rattachement
        }
    );
    let unknown = |line: usize, text: &str, field: Field, value: &str| {
        assert_eq!(
            error(&with_line(line, text)),
            E::Unknown {
                line,
                field,
                value: value.into()
            },
            "{text}"
        );
    };
    unknown(
        9,
        "COM\t2A004\tAjaccio\t2B\t20000\t=\t\t76320\t",
        Field::Departement,
        "2B",
    );
    unknown(
        9,
        "COM\t2A004\tAjaccio\t2A\t20000\t=\t200000000\t76320\t",
        Field::Epci,
        "200000000",
    );
    unknown(
        11,
        "ARM\t75101\tParis 1er\t75\t75001\t\t\t15114\t75057",
        Field::Rattachement,
        "75057",
    );
    // An arrondissement belongs to a commune, not to another arrondissement.
    let nested = format!("{SMALL}ARM\t75102\tParis 2e\t75\t75002\t\t\t21000\t75101\n");
    assert_eq!(
        error(&nested),
        E::Unknown {
            line: 14,
            field: Field::Rattachement,
            value: "75101".into()
        }
    );
    unknown(5, "departement\t2A\t95\tCorse-du-Sud", Field::Region, "95");
    let twice = format!("{SMALL}COM\t2A004\tAjaccio bis\t2A\t\t\t\t\t\n");
    assert_eq!(
        error(&twice),
        E::Duplicate {
            line: 14,
            field: Field::Insee,
            value: "2A004".into()
        }
    );
    assert_eq!(
        error(&with_line(4, "region\t11\tCorse")),
        E::Duplicate {
            line: 4,
            field: Field::Region,
            value: "11".into()
        }
    );
    let long = format!(
        "COM\t2A004\t{}\t2A\t20000\t=\t\t76320\t",
        "a".repeat(MAX_FIELD_BYTES + 1)
    );
    assert_eq!(error(&with_line(9, &long)), E::TooLong { line: 9 });
    let communes_only: String = SMALL.lines().take(8).map(|l| format!("{l}\n")).collect();
    assert_eq!(error(&communes_only), E::Empty);
    assert_eq!(
        Directory::parse(&" ".repeat(MAX_BYTES + 1)).unwrap_err(),
        E::TooLarge { bytes: MAX_BYTES + 1 }
    );
    // Windows line ends, a byte-order mark and blank lines are fine.
    let windows = format!("\u{feff}{}\r\n\r\n", SMALL.replace('\n', "\r\n"));
    assert_eq!(Directory::parse(&windows).unwrap().len(), 5);
}

#[test]
fn errors_say_the_line_and_what_to_do_in_both_languages() {
    let e = error(&with_line(9, "COM\t2C004\tAjaccio\t2A\t20000\t=\t\t76320\t"));
    assert_eq!(
        e.to_string(),
        "Répertoire des communes, ligne 9 : code INSEE invalide « 2C004 ». Le fichier est abîmé : \
         rechargez la page, ou regénérez-le avec scripts/make-communes."
    );
    assert!(e
        .message(Lang::En)
        .starts_with("Commune directory, line 9: invalid INSEE code \"2C004\""));
}

#[test]
fn the_usual_siren_is_built_from_the_insee_code() {
    assert_eq!(usual_siren("01001").as_deref(), Some("210100012"));
    assert_eq!(usual_siren("2A004").as_deref(), Some("212000046"));
    assert_eq!(usual_siren("2B033").as_deref(), Some("212000335"));
    assert_eq!(usual_siren("2C033"), None);
    assert_eq!(usual_siren("123"), None);
}

#[test]
fn names_are_normalised_as_people_type_them() {
    assert_eq!(normalise("L'Abergement-Clémenciat"), "abergement clemenciat");
    assert_eq!(normalise("l abergement clemenciat"), "abergement clemenciat");
    assert_eq!(normalise("ST-ÉTIENNE"), "saint etienne");
    assert_eq!(normalise("Ste Foy lès Lyon"), "sainte foy lyon");
    assert_eq!(normalise("Œuilly"), "oeuilly");
    assert_eq!(normalise("L’Haÿ-les-Roses"), "hay roses");
    assert_eq!(normalise("Le"), "le", "a query of articles only keeps them");
    assert_eq!(normalise("  --  "), "");
}

#[test]
fn the_real_directory_holds_every_kind_of_commune() {
    let d = real();
    let count = |kind| d.communes().iter().filter(|c| c.kind == kind).count();
    assert!(
        count(CommuneKind::Commune) > 34_000,
        "{}",
        count(CommuneKind::Commune)
    );
    assert_eq!(count(CommuneKind::Arrondissement), 20 + 9 + 16);
    assert!(count(CommuneKind::Deleguee) > 1_000);
    assert!(count(CommuneKind::Associee) > 100);
    assert!(d.source().contains("@etalab/decoupage-administratif"));
    assert!(d.source().contains("Licence Ouverte"));
    assert_eq!(d.departements().len(), 109);
}

#[test]
fn the_brief_examples() {
    assert_eq!(top("l abergement clemenciat", 1), ["COM 01001"]);
    assert_eq!(top("L'Abergement-Clémenciat", 1), ["COM 01001"]);
    assert_eq!(
        top("labergement clem", 1),
        ["COM 01001"],
        "the article run into the name"
    );
    assert_eq!(top("saint-denis 93", 2), ["COM 93066", "COMD 93066"]);
    assert_eq!(first("st denis 93"), "93066");
    assert_eq!(first("ST-DENIS (93)"), "93066");
    assert_eq!(first("93200"), "93066", "a postal code");
    assert_eq!(first("93066"), "93066", "an INSEE code");
    assert_eq!(first("929939411"), "93066", "a SIREN");
    assert_eq!(first("2A004"), "2A004");
    assert_eq!(first("2a004"), "2A004");
    assert_eq!(first("2b033"), "2B033");
}

#[test]
fn homonyms_go_by_population_unless_a_departement_is_given() {
    // Saint-Denis de La Réunion is the larger: first without a département.
    let all = real().search("saint denis", 10);
    assert_eq!(all[0].insee, "97411");
    assert_eq!(all[1].insee, "93066");
    assert!(
        all[..5].iter().all(|c| c.nom == "Saint-Denis"),
        "the exact names come first"
    );
    let populations: Vec<u32> = all[..4].iter().map(|c| c.population.unwrap()).collect();
    assert!(populations.windows(2).all(|w| w[0] >= w[1]), "{populations:?}");
    assert_eq!(first("saint denis 974"), "97411");
    assert_eq!(first("saint denis 11"), "11339");
    assert_eq!(first("saint denis 30"), "30247");
    // A département narrows the list to it.
    let in_77 = real().search("sainte colombe 77", 10);
    assert!(!in_77.is_empty() && in_77.iter().all(|c| c.departement == "77"));
    let everywhere = real().search("sainte colombe", 50);
    assert!(everywhere.len() > 10, "Sainte-Colombe has many homonyms");
}

#[test]
fn corsica_by_name_code_and_departement() {
    assert_eq!(first("ajaccio"), "2A004");
    assert_eq!(first("bastia"), "2B033");
    assert_eq!(first("20000"), "2A004", "Ajaccio's postal code");
    let south = real().search("porto 2a", 5);
    assert!(south.iter().all(|c| c.departement == "2A"), "{south:?}");
    let north = real().search("2b", 30);
    assert_eq!(north.len(), 30);
    assert!(north.iter().all(|c| c.departement == "2B"));
    assert_eq!(
        north[0].insee, "2B033",
        "the largest commune of Haute-Corse first"
    );
}

#[test]
fn arrondissements_of_paris_lyon_and_marseille() {
    assert_eq!(top("paris", 2), ["COM 75056", "ARM 75115"]);
    assert_eq!(first("paris 15"), "75115");
    assert_eq!(first("paris 1"), "75101", "the 1er before the 10e to the 19e");
    assert_eq!(first("paris 1er"), "75101");
    assert_eq!(first("lyon 3"), "69383");
    assert_eq!(first("lyon 3e"), "69383");
    assert_eq!(first("lyon"), "69123");
    assert_eq!(first("marseille 13"), "13055");
    assert_eq!(first("marseille 1er"), "13201");
    assert_eq!(
        first("13008"),
        "13055",
        "the commune has every postal code of its arrondissements"
    );
    assert_eq!(top("13008", 2)[1], "ARM 13208");
    let d = real();
    let arrondissement = d.by_insee("69383").unwrap();
    assert_eq!(arrondissement.kind, CommuneKind::Arrondissement);
    assert_eq!(arrondissement.rattachement.as_deref(), Some("69123"));
    assert_eq!(
        d.describe(arrondissement, Lang::Fr),
        format!(
            "Lyon 3e Arrondissement (69383) · arrondissement municipal de Lyon · Rhône (69) · {} habitants",
            crate::i18n::format_number(Lang::Fr, f64::from(arrondissement.population.unwrap()), 0)
        )
    );
}

#[test]
fn a_commune_deleguee_is_found_and_marked() {
    let d = real();
    let found = d.search("bellegarde sur valserine", 1);
    let bellegarde = found[0];
    assert_eq!(bellegarde.kind, CommuneKind::Deleguee);
    assert_eq!(bellegarde.insee, "01033");
    assert_eq!(bellegarde.population, None);
    assert_eq!(bellegarde.siren, None);
    assert_eq!(d.rattachement(bellegarde).unwrap().nom, "Valserhône");
    assert_eq!(
        d.describe(bellegarde, Lang::Fr),
        "Bellegarde-sur-Valserine (01033) · commune déléguée de Valserhône · Ain (01)"
    );
    assert_eq!(
        d.describe(bellegarde, Lang::En),
        "Bellegarde-sur-Valserine (01033) · delegated commune of Valserhône · Ain (01)"
    );
    // Its code finds the commune nouvelle first.
    assert_eq!(top("01033", 2), ["COM 01033", "COMD 01033"]);
    assert_eq!(d.by_insee("01033").unwrap().nom, "Valserhône");
    let associee = d
        .communes()
        .iter()
        .find(|c| c.kind == CommuneKind::Associee)
        .unwrap();
    assert!(d.describe(associee, Lang::Fr).contains("commune associée de "));
}

#[test]
fn accents_case_articles_and_abbreviations_are_ignored() {
    assert_eq!(first("EPINAL"), "88160");
    assert_eq!(first("épinal"), "88160");
    assert_eq!(first("le mans"), "72181");
    assert_eq!(first("mans"), "72181", "the article dropped");
    assert_eq!(first("lemans"), "72181", "the article run in");
    assert_eq!(first("l'hay les roses"), "94038");
    assert_eq!(first("st etienne"), "42218");
    assert_eq!(first("ste maxime"), "83115");
}

#[test]
fn the_exact_name_then_names_that_start_with_it_then_words() {
    // "Troyes" exactly, before the communes whose name starts with it.
    let troyes = real().search("troyes", 5);
    assert_eq!(troyes[0].insee, "10387");
    // As people type: the start of a name finds it, the largest first.
    assert_eq!(first("marse"), "13055");
    assert_eq!(first("saint-den"), "97411");
    // Words in another order, or a word from the middle, after the names that start so.
    assert_eq!(first("denis saint 93"), "93066");
    let clemenciat = real().search("clemenciat", 3);
    assert_eq!(clemenciat[0].insee, "01001");
    let prefix_then_words = real().search("nancy", 40);
    let first_words = prefix_then_words
        .iter()
        .position(|c| !normalise(&c.nom).starts_with("nancy"))
        .unwrap_or(prefix_then_words.len());
    assert!(prefix_then_words[first_words..]
        .iter()
        .all(|c| !normalise(&c.nom).starts_with("nancy")));
    assert_eq!(prefix_then_words[0].insee, "54395");
}

#[test]
fn nothing_to_search_finds_nothing_and_the_limit_holds() {
    assert!(real().search("", 10).is_empty());
    assert!(real().search("  -' ", 10).is_empty());
    assert!(real().search("saint", 0).is_empty());
    assert!(real().search("zzqxw", 10).is_empty());
    assert!(real().search("99999", 10).is_empty());
    assert_eq!(real().search("saint", 25).len(), 25);
    assert_eq!(real().search("s", 10).len(), 10);
}

/// A name run together, articles kept, as the search's second key.
fn compact(name: &str) -> String {
    let mut words = Vec::new();
    fold_words(name, &mut words);
    words.concat()
}

/// How many lines an exact search for this name may rank before it: those with the
/// same normalised name or the same name run together ("Le Mans", "Lemans").
fn exact_rivals(name: &str) -> usize {
    static COUNTS: OnceLock<(HashMap<String, usize>, HashMap<String, usize>)> = OnceLock::new();
    let (keys, compacts) = COUNTS.get_or_init(|| {
        let (mut keys, mut compacts) = (HashMap::new(), HashMap::new());
        for c in real().communes() {
            *keys.entry(normalise(&c.nom)).or_insert(0) += 1;
            *compacts.entry(compact(&c.nom)).or_insert(0) += 1;
        }
        (keys, compacts)
    });
    keys.get(&normalise(name)).copied().unwrap_or(0) + compacts.get(&compact(name)).copied().unwrap_or(0)
}

#[test]
fn every_commune_is_found_by_its_exact_name_and_by_its_insee_code() {
    // Over the whole directory, not a sample: each search looks at a few candidates.
    let d = real();
    // Five digits are also a postal code: those communes may come first.
    let mut same_code: HashMap<&str, usize> = HashMap::new();
    for c in d.communes() {
        *same_code.entry(c.insee.as_str()).or_insert(0) += 1;
        for p in &c.codes_postaux {
            *same_code.entry(p.as_str()).or_insert(0) += 1;
        }
    }
    for c in d.communes() {
        let n = exact_rivals(&c.nom);
        let by_name = d.search(&c.nom, n);
        assert!(
            by_name.contains(&c),
            "{} ({}) is not in the first {n} for its name",
            c.nom,
            c.insee
        );
        // `by_insee` gives the commune (or arrondissement) of a shared code, and
        // `all_by_insee` every line with it.
        let own = d.by_insee(&c.insee).expect("every code is known");
        assert_eq!(own.insee, c.insee);
        assert!(
            own == c || (own.kind.rank() < c.kind.rank()),
            "{} ({})",
            c.nom,
            c.insee
        );
        assert!(d.all_by_insee(&c.insee.to_ascii_lowercase()).any(|x| x == c));
        let by_code = d.search(&c.insee, same_code[c.insee.as_str()]);
        assert!(
            by_code.contains(&c),
            "{} ({}) is not found by its code",
            c.nom,
            c.insee
        );
        // With its département, a homonym elsewhere no longer competes.
        let with_dep = d.search(&format!("{} {}", c.nom, c.departement), n);
        assert!(with_dep.contains(&c), "{} {}", c.nom, c.departement);
    }
}

#[test]
fn the_first_result_for_an_exact_name_has_that_name() {
    let d = real();
    for c in d.communes().iter().step_by(7) {
        let best = d.search(&c.nom, 1)[0];
        assert!(
            normalise(&best.nom) == normalise(&c.nom) || compact(&best.nom) == compact(&c.nom),
            "{} first for {}",
            best.nom,
            c.nom
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_is_read_or_refused_never_a_panic(text in "\\PC{0,400}") {
        let _ = Directory::parse(&text);
        let _ = Directory::parse(&format!("briques-communes\t1\n{text}"));
    }

    #[test]
    fn a_damaged_line_of_the_small_file_is_refused_or_read(line in 2usize..14, junk in "[\\t0-9A-Za-z=é -]{0,40}") {
        let _ = Directory::parse(&with_line(line, &junk));
    }

    #[test]
    fn any_query_gives_at_most_limit_results_that_match(query in "\\PC{0,40}", limit in 0usize..30) {
        let found = real().search(&query, limit);
        prop_assert!(found.len() <= limit);
    }

    #[test]
    fn typing_a_name_letter_by_letter_keeps_it_in_the_results_once_it_is_unique(i in 0usize..37_000) {
        let d = real();
        let c = &d.communes()[i % d.len()];
        // Every prefix is searchable; the whole name finds the commune.
        let mut typed = String::new();
        for ch in c.nom.chars() {
            typed.push(ch);
            let _ = d.search(&typed, 10);
        }
        prop_assert!(d.search(&typed, exact_rivals(&c.nom)).contains(&c));
    }
}
