//! M14 and M57 nomenclatures, written by the project: chapter labels, account labels
//! (every 2-digit account of classes 1, 2, 6 and 7, and the accounts communes use most),
//! fonction labels, the M14 → M57 fonction crosswalk with where it cannot be compared
//! directly, and the citizen-readable [`Category`] of every account.
//!
//! Labels are the official French names of public accounting (they are proper names of
//! the plans de comptes and stay in French); categories, their explanations and the
//! comparability notes go through the translation catalogue. Tests check the codes
//! against the official plans de comptes in `../shared/data/real` when present.

use serde::{Deserialize, Serialize};

use super::{Direction, Line};

/// The two nomenclature families of communes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Family {
    /// M14 (communes until 2023; M14_COM_500_3500, M14_COM_SUP3500, …).
    M14,
    /// M57 (from 2024 for all; M57 abrégée for communes under 3,500 inhabitants).
    M57,
}

impl Family {
    /// From a nomenclature code as published (`M14-M14_COM_SUP3500`, `M57`, `M57A`, `M57_A`).
    pub fn from_code(code: &str) -> Option<Family> {
        let code = code.trim().to_ascii_uppercase();
        if code.starts_with("M14") {
            Some(Family::M14)
        } else if code.starts_with("M57") {
            Some(Family::M57)
        } else {
            None
        }
    }
}

/// Whether a nomenclature code is the M57 abrégée (communes under 3,500 inhabitants).
pub fn is_abridged(code: &str) -> bool {
    let code = code.trim().to_ascii_uppercase();
    code == "M57A" || code.ends_with("M57_A") || code.ends_with("M57A")
}

/// Nature chapters: code, M14 label, M57 label (`None`: the chapter does not exist there).
pub const CHAPITRES: &[(&str, Option<&str>, Option<&str>)] = &[
    (
        "001",
        Some("Solde d'exécution de la section d'investissement reporté"),
        Some("Solde d'exécution de la section d'investissement reporté"),
    ),
    (
        "002",
        Some("Résultat de fonctionnement reporté"),
        Some("Résultat de fonctionnement reporté"),
    ),
    ("010", Some("Stocks"), None),
    (
        "011",
        Some("Charges à caractère général"),
        Some("Charges à caractère général"),
    ),
    (
        "012",
        Some("Charges de personnel et frais assimilés"),
        Some("Charges de personnel et frais assimilés"),
    ),
    (
        "013",
        Some("Atténuations de charges"),
        Some("Atténuations de charges"),
    ),
    (
        "014",
        Some("Atténuations de produits"),
        Some("Atténuations de produits"),
    ),
    ("016", None, Some("Allocation personnalisée d'autonomie (APA)")),
    ("017", None, Some("Revenu de solidarité active (RSA)")),
    ("018", None, Some("Revenu de solidarité active (RSA)")),
    ("020", Some("Dépenses imprévues"), Some("Dépenses imprévues")),
    (
        "021",
        Some("Virement de la section de fonctionnement"),
        Some("Virement de la section de fonctionnement"),
    ),
    ("022", Some("Dépenses imprévues"), Some("Dépenses imprévues")),
    (
        "023",
        Some("Virement à la section d'investissement"),
        Some("Virement à la section d'investissement"),
    ),
    (
        "024",
        Some("Produits des cessions d'immobilisations"),
        Some("Produits des cessions d'immobilisations"),
    ),
    (
        "040",
        Some("Opérations d'ordre de transfert entre sections"),
        Some("Opérations d'ordre de transfert entre sections"),
    ),
    (
        "041",
        Some("Opérations patrimoniales"),
        Some("Opérations patrimoniales"),
    ),
    (
        "042",
        Some("Opérations d'ordre de transfert entre sections"),
        Some("Opérations d'ordre de transfert entre sections"),
    ),
    (
        "043",
        Some("Opérations d'ordre à l'intérieur de la section de fonctionnement"),
        Some("Opérations d'ordre à l'intérieur de la section de fonctionnement"),
    ),
    (
        "10",
        Some("Dotations, fonds divers et réserves"),
        Some("Dotations, fonds divers et réserves"),
    ),
    (
        "13",
        Some("Subventions d'investissement"),
        Some("Subventions d'investissement"),
    ),
    (
        "16",
        Some("Emprunts et dettes assimilées"),
        Some("Emprunts et dettes assimilées"),
    ),
    (
        "18",
        Some("Compte de liaison : affectation"),
        Some("Compte de liaison : affectation"),
    ),
    (
        "20",
        Some("Immobilisations incorporelles"),
        Some("Immobilisations incorporelles"),
    ),
    (
        "204",
        Some("Subventions d'équipement versées"),
        Some("Subventions d'équipement versées"),
    ),
    (
        "21",
        Some("Immobilisations corporelles"),
        Some("Immobilisations corporelles"),
    ),
    (
        "22",
        Some("Immobilisations reçues en affectation"),
        Some("Immobilisations reçues en affectation"),
    ),
    (
        "23",
        Some("Immobilisations en cours"),
        Some("Immobilisations en cours"),
    ),
    (
        "26",
        Some("Participations et créances rattachées"),
        Some("Participations et créances rattachées"),
    ),
    (
        "27",
        Some("Autres immobilisations financières"),
        Some("Autres immobilisations financières"),
    ),
    (
        "65",
        Some("Autres charges de gestion courante"),
        Some("Autres charges de gestion courante"),
    ),
    ("656", Some("Frais de fonctionnement des groupes d'élus"), None),
    ("6586", None, Some("Frais de fonctionnement des groupes d'élus")),
    ("66", Some("Charges financières"), Some("Charges financières")),
    ("67", Some("Charges exceptionnelles"), Some("Charges spécifiques")),
    (
        "68",
        Some("Dotations aux provisions semi-budgétaires"),
        Some("Dotations aux provisions et dépréciations"),
    ),
    (
        "70",
        Some("Produits des services, du domaine et ventes diverses"),
        Some("Produits des services, du domaine et ventes diverses"),
    ),
    ("73", Some("Impôts et taxes"), Some("Impôts et taxes")),
    ("731", None, Some("Fiscalité locale")),
    (
        "74",
        Some("Dotations et participations"),
        Some("Dotations et participations"),
    ),
    (
        "75",
        Some("Autres produits de gestion courante"),
        Some("Autres produits de gestion courante"),
    ),
    ("76", Some("Produits financiers"), Some("Produits financiers")),
    ("77", Some("Produits exceptionnels"), Some("Produits spécifiques")),
    (
        "78",
        Some("Reprises sur provisions semi-budgétaires"),
        Some("Reprises sur amortissements, dépréciations et provisions"),
    ),
];

/// Account labels, shared by M14 and M57 unless they differ little: every 2-digit
/// account of classes 1, 2, 6, 7 that communal plans have, and the detailed accounts
/// communes use most.
pub const COMPTES: &[(&str, &str)] = &[
    ("10", "Dotations, fonds divers et réserves"),
    ("1022", "Fonds globalisés d'investissement"),
    ("10222", "Fonds de compensation de la TVA (FCTVA)"),
    ("10226", "Taxe d'aménagement"),
    ("1068", "Excédents de fonctionnement capitalisés"),
    ("11", "Report à nouveau"),
    ("12", "Résultat de l'exercice"),
    ("13", "Subventions d'investissement"),
    ("1321", "Subventions d'investissement de l'État"),
    ("1322", "Subventions d'investissement de la Région"),
    ("1323", "Subventions d'investissement du Département"),
    ("1341", "Dotation d'équipement des territoires ruraux (DETR)"),
    ("15", "Provisions pour risques et charges"),
    ("16", "Emprunts et dettes assimilées"),
    ("1641", "Emprunts en euros"),
    ("165", "Dépôts et cautionnements reçus"),
    ("18", "Comptes de liaison"),
    ("19", "Neutralisations et régularisations d'opérations"),
    ("20", "Immobilisations incorporelles"),
    ("202", "Frais de documents d'urbanisme"),
    ("2031", "Frais d'études"),
    ("204", "Subventions d'équipement versées"),
    ("2051", "Concessions et droits similaires (logiciels)"),
    ("21", "Immobilisations corporelles"),
    ("211", "Terrains"),
    ("212", "Agencements et aménagements de terrains"),
    ("213", "Constructions"),
    ("2151", "Réseaux de voirie"),
    ("2152", "Installations de voirie"),
    ("2158", "Autres installations, matériel et outillage techniques"),
    ("2182", "Matériel de transport"),
    ("2183", "Matériel de bureau et matériel informatique"),
    ("2184", "Mobilier"),
    ("2188", "Autres immobilisations corporelles"),
    ("22", "Immobilisations reçues en affectation"),
    ("23", "Immobilisations en cours"),
    ("2313", "Constructions en cours"),
    ("2315", "Installations, matériel et outillage techniques en cours"),
    (
        "24",
        "Immobilisations affectées, concédées ou mises à disposition",
    ),
    ("26", "Participations et créances rattachées"),
    ("27", "Autres immobilisations financières"),
    ("28", "Amortissements des immobilisations"),
    ("29", "Dépréciations des immobilisations"),
    ("60", "Achats et variations des stocks"),
    ("6061", "Fournitures non stockables (eau, énergie)"),
    ("60611", "Eau et assainissement"),
    ("60612", "Énergie, électricité"),
    ("60622", "Carburants"),
    ("60623", "Alimentation"),
    ("6064", "Fournitures administratives"),
    ("6067", "Fournitures scolaires"),
    ("61", "Services extérieurs"),
    ("611", "Contrats de prestations de services"),
    ("6132", "Locations immobilières"),
    ("615", "Entretien et réparations"),
    ("616", "Primes d'assurance"),
    ("62", "Autres services extérieurs"),
    ("6226", "Honoraires"),
    ("623", "Publicité, publications, relations publiques"),
    ("6247", "Transports collectifs"),
    ("626", "Frais postaux et de télécommunications"),
    ("63", "Impôts, taxes et versements assimilés"),
    ("64", "Charges de personnel"),
    ("6411", "Personnel titulaire"),
    ("64111", "Rémunération principale du personnel titulaire"),
    ("6413", "Personnel non titulaire"),
    ("645", "Charges de sécurité sociale et de prévoyance"),
    ("65", "Autres charges de gestion courante"),
    ("6531", "Indemnités des élus"),
    ("6553", "Service d'incendie et de secours"),
    ("657", "Subventions de fonctionnement versées"),
    (
        "6574",
        "Subventions aux associations et autres personnes de droit privé",
    ),
    ("66", "Charges financières"),
    ("6611", "Intérêts des emprunts et dettes"),
    ("66111", "Intérêts réglés à l'échéance"),
    ("67", "Charges exceptionnelles ou spécifiques"),
    ("68", "Dotations aux amortissements, dépréciations et provisions"),
    ("70", "Produits des services, du domaine et ventes diverses"),
    ("7062", "Redevances des services à caractère culturel"),
    (
        "7063",
        "Redevances des services à caractère sportif et de loisirs",
    ),
    ("7066", "Redevances des services à caractère social"),
    ("7067", "Redevances des services périscolaires et d'enseignement"),
    ("71", "Production stockée"),
    ("72", "Production immobilisée (travaux en régie)"),
    ("73", "Impôts et taxes"),
    ("7311", "Contributions directes (impôts locaux)"),
    ("73111", "Taxes foncières et d'habitation"),
    ("7321", "Attribution de compensation"),
    ("7322", "Dotation de solidarité communautaire"),
    ("7381", "Taxe additionnelle aux droits de mutation"),
    ("74", "Dotations et participations"),
    ("741", "Dotation globale de fonctionnement (DGF)"),
    ("7411", "DGF : dotation forfaitaire"),
    ("74121", "DGF : dotation de solidarité rurale"),
    ("74127", "DGF : dotation nationale de péréquation"),
    ("744", "FCTVA de fonctionnement"),
    ("747", "Participations des autres collectivités"),
    ("748", "Autres attributions et participations"),
    ("75", "Autres produits de gestion courante"),
    ("752", "Revenus des immeubles"),
    ("76", "Produits financiers"),
    ("77", "Produits exceptionnels ou spécifiques"),
    ("775", "Produits des cessions d'immobilisations"),
    ("78", "Reprises sur amortissements, dépréciations et provisions"),
    ("79", "Transferts de charges"),
];

/// M14 fonctions (first digit).
pub const FONCTIONS_M14: [&str; 10] = [
    "Services généraux des administrations publiques locales",
    "Sécurité et salubrité publiques",
    "Enseignement, formation",
    "Culture",
    "Sport et jeunesse",
    "Interventions sociales et santé",
    "Famille",
    "Logement",
    "Aménagement et services urbains, environnement",
    "Action économique",
];

/// M57 fonctions (first digit).
pub const FONCTIONS_M57: [&str; 10] = [
    "Services généraux",
    "Sécurité",
    "Enseignement, formation professionnelle et apprentissage",
    "Culture, vie sociale, jeunesse, sports et loisirs",
    "Santé et action sociale",
    "Aménagement des territoires et habitat",
    "Action économique",
    "Environnement",
    "Transports",
    "Fonction en réserve",
];

/// The label of a chapter in a family.
pub fn chapitre_label(family: Family, code: &str) -> Option<&'static str> {
    CHAPITRES
        .iter()
        .find(|(c, ..)| *c == code)
        .and_then(|(_, m14, m57)| match family {
            Family::M14 => *m14,
            Family::M57 => *m57,
        })
}

/// The label of an account: the longest known prefix of `code`, with that prefix.
pub fn compte_label(code: &str) -> Option<(&'static str, &'static str)> {
    (1..=code.len())
        .rev()
        .find_map(|n| COMPTES.iter().find(|(c, _)| *c == &code[..n]).copied())
}

/// The label of a fonction (by its first digit).
pub fn fonction_label(family: Family, code: &str) -> Option<&'static str> {
    let digit = code.chars().next()?.to_digit(10)? as usize;
    Some(match family {
        Family::M14 => FONCTIONS_M14[digit],
        Family::M57 => FONCTIONS_M57[digit],
    })
}

/// How an M14 fonction compares with the M57 ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Comparability {
    /// Same scope: a history can run across the change.
    Direct,
    /// Part of a broader M57 fonction, or split: compare with care.
    Partial,
}

/// For each M14 fonction (first digit): the M57 fonctions it went into, how comparable
/// it is, and the translation key of the note shown on histories.
pub const CROSSWALK: [(u8, &[u8], Comparability, &str); 10] = [
    (0, &[0], Comparability::Partial, "crosswalk-note-0"),
    (1, &[1], Comparability::Direct, "crosswalk-note-1"),
    (2, &[2], Comparability::Direct, "crosswalk-note-2"),
    (3, &[3], Comparability::Partial, "crosswalk-note-3"),
    (4, &[3], Comparability::Partial, "crosswalk-note-4"),
    (5, &[4], Comparability::Partial, "crosswalk-note-5"),
    (6, &[4], Comparability::Partial, "crosswalk-note-6"),
    (7, &[5], Comparability::Partial, "crosswalk-note-7"),
    (8, &[5, 7, 8], Comparability::Partial, "crosswalk-note-8"),
    (9, &[6], Comparability::Direct, "crosswalk-note-9"),
];

/// What citizens ask about: where the money goes and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Salaries and social charges (64, 012).
    Personnel,
    /// Purchases and services (60–62).
    AchatsServices,
    /// Grants to associations (6574).
    SubventionsAssociations,
    /// Other contributions and allowances (65 except 6574).
    AutresChargesGestion,
    /// Interest on debt (66).
    InteretsDette,
    /// Other operating spending (63, 67, 68, 69, 014).
    AutresDepensesFonctionnement,
    /// Local taxes (7311, 731 in M57).
    ImpotsLocaux,
    /// Other taxes and transfers from the intercommunality (73 except 7311).
    AutresImpotsTaxes,
    /// State grants: DGF and other dotations (74).
    DotationsEtat,
    /// Fees and sales of services (70).
    ServicesVentes,
    /// Other operating revenue (75–79, 013).
    AutresRecettesFonctionnement,
    /// Equipment: buildings, roads, works (20, 21, 23).
    Equipement,
    /// Equipment grants paid to others (204).
    SubventionsEquipementVersees,
    /// Loan capital repaid (16, spending).
    RemboursementDette,
    /// New loans (16, revenue).
    Emprunts,
    /// VAT refund and other investment funds (10).
    FctvaDotationsInvestissement,
    /// Investment grants received (13).
    SubventionsInvestissementRecues,
    /// Other investment movements (26, 27, …).
    AutresInvestissement,
}

impl Category {
    /// Every category, spending first.
    pub const ALL: [Category; 18] = [
        Category::Personnel,
        Category::AchatsServices,
        Category::SubventionsAssociations,
        Category::AutresChargesGestion,
        Category::InteretsDette,
        Category::AutresDepensesFonctionnement,
        Category::ImpotsLocaux,
        Category::AutresImpotsTaxes,
        Category::DotationsEtat,
        Category::ServicesVentes,
        Category::AutresRecettesFonctionnement,
        Category::Equipement,
        Category::SubventionsEquipementVersees,
        Category::RemboursementDette,
        Category::Emprunts,
        Category::FctvaDotationsInvestissement,
        Category::SubventionsInvestissementRecues,
        Category::AutresInvestissement,
    ];

    /// Translation key of the label (`…-def` for the one-sentence explanation).
    pub fn key(self) -> &'static str {
        match self {
            Category::Personnel => "category-personnel",
            Category::AchatsServices => "category-achats",
            Category::SubventionsAssociations => "category-subventions-associations",
            Category::AutresChargesGestion => "category-autres-charges",
            Category::InteretsDette => "category-interets",
            Category::AutresDepensesFonctionnement => "category-autres-depenses",
            Category::ImpotsLocaux => "category-impots-locaux",
            Category::AutresImpotsTaxes => "category-autres-impots",
            Category::DotationsEtat => "category-dotations",
            Category::ServicesVentes => "category-services",
            Category::AutresRecettesFonctionnement => "category-autres-recettes",
            Category::Equipement => "category-equipement",
            Category::SubventionsEquipementVersees => "category-subventions-equipement",
            Category::RemboursementDette => "category-remboursement",
            Category::Emprunts => "category-emprunts",
            Category::FctvaDotationsInvestissement => "category-fctva",
            Category::SubventionsInvestissementRecues => "category-subventions-recues",
            Category::AutresInvestissement => "category-autres-investissement",
        }
    }
}

/// The citizen category of a budget line; `None` outside classes 1, 2, 6 and 7. Each
/// category is on one side only: spending on revenue accounts (atténuations de produits,
/// refunds) and revenue on spending accounts (atténuations de charges) go to "other".
pub fn category(line: &Line) -> Option<Category> {
    let c = line.compte.as_str();
    let has = |prefix: &str| c.starts_with(prefix);
    let class = c.chars().next()?;
    Some(match (line.direction, class) {
        (Direction::Depense, '6') if has("64") => Category::Personnel,
        (Direction::Depense, '6') if has("60") || has("61") || has("62") => Category::AchatsServices,
        (Direction::Depense, '6') if has("6574") => Category::SubventionsAssociations,
        (Direction::Depense, '6') if has("65") => Category::AutresChargesGestion,
        (Direction::Depense, '6') if has("66") => Category::InteretsDette,
        (Direction::Depense, '6' | '7') => Category::AutresDepensesFonctionnement,
        (Direction::Recette, '7') if has("7311") => Category::ImpotsLocaux,
        (Direction::Recette, '7') if has("73") => Category::AutresImpotsTaxes,
        (Direction::Recette, '7') if has("74") => Category::DotationsEtat,
        (Direction::Recette, '7') if has("70") => Category::ServicesVentes,
        (Direction::Recette, '6' | '7') => Category::AutresRecettesFonctionnement,
        (Direction::Depense, '2') if has("204") => Category::SubventionsEquipementVersees,
        (Direction::Depense, '2') if has("20") || has("21") || has("23") => Category::Equipement,
        (Direction::Depense, '1') if has("16") => Category::RemboursementDette,
        (Direction::Recette, '1') if has("16") => Category::Emprunts,
        (Direction::Recette, '1') if has("10") => Category::FctvaDotationsInvestissement,
        (Direction::Recette, '1') if has("13") => Category::SubventionsInvestissementRecues,
        (_, '1' | '2') => Category::AutresInvestissement,
        _ => return None,
    })
}

/// Whether a category holds spending (otherwise revenue); "other investment" holds both.
pub fn is_spending(category: Category) -> Option<bool> {
    use Category::*;
    match category {
        Personnel
        | AchatsServices
        | SubventionsAssociations
        | AutresChargesGestion
        | InteretsDette
        | AutresDepensesFonctionnement
        | Equipement
        | SubventionsEquipementVersees
        | RemboursementDette => Some(true),
        ImpotsLocaux
        | AutresImpotsTaxes
        | DotationsEtat
        | ServicesVentes
        | AutresRecettesFonctionnement
        | Emprunts
        | FctvaDotationsInvestissement
        | SubventionsInvestissementRecues => Some(false),
        AutresInvestissement => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use quick_xml::events::Event;
    use quick_xml::Reader;

    use super::*;
    use crate::i18n::has_key;

    /// Codes of `<element Code="…">` in an official plan de comptes, if the file is there.
    fn official(name: &str, element: &[u8]) -> Option<BTreeSet<String>> {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/data/real")
            .join(name);
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!(
                "skipped: {} is not there (official plan de comptes)",
                path.display()
            );
            return None;
        };
        let crate::csv::TextFile::Text { text, .. } = crate::csv::decode(&bytes) else {
            return None;
        };
        let mut reader = Reader::from_str(&text);
        let mut codes = BTreeSet::new();
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == element => {
                    if let Some(code) = e.attributes().flatten().find(|a| a.key.as_ref() == b"Code") {
                        codes.insert(String::from_utf8_lossy(&code.value).into_owned());
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        Some(codes)
    }

    const PLANS: [(&str, Family); 4] = [
        ("plan-de-compte-M14-M14_COM_SUP3500-2018.xml", Family::M14),
        ("planDeCompte-M14_COM_500_3500-2022.xml", Family::M14),
        ("plan-de-compte-M57-M57-2018.xml", Family::M57),
        ("planDeCompte-M57_A-2023.xml", Family::M57),
    ];

    #[test]
    fn chapters_match_the_official_plans_both_ways() {
        for (file, family) in PLANS {
            let Some(chapters) = official(file, b"Chapitre") else {
                continue;
            };
            // Nature chapters only: functional chapters (9xx) and third-party ones (45xx) aside.
            let nature: BTreeSet<&String> = chapters
                .iter()
                .filter(|c| !c.starts_with('9') && !c.starts_with("45"))
                .collect();
            for code in &nature {
                assert!(
                    chapitre_label(family, code).is_some(),
                    "{file}: chapter {code} has no label in our table"
                );
            }
            for (code, m14, m57) in CHAPITRES {
                let ours = if family == Family::M14 { m14 } else { m57 };
                if ours.is_some() {
                    assert!(
                        nature.contains(&code.to_string()),
                        "{file}: we list chapter {code}, the plan does not"
                    );
                }
            }
        }
    }

    #[test]
    fn every_official_account_of_classes_1_2_6_7_has_a_label_and_ours_exist() {
        let mut all = BTreeSet::new();
        for (file, _) in PLANS {
            let Some(accounts) = official(file, b"Compte") else {
                return;
            };
            for code in accounts
                .iter()
                .filter(|c| matches!(c.chars().next(), Some('1' | '2' | '6' | '7')))
            {
                assert!(
                    compte_label(code).is_some(),
                    "{file}: account {code} has no label"
                );
            }
            all.extend(accounts);
        }
        for (code, _) in COMPTES {
            assert!(all.contains(*code), "our account {code} is in no official plan");
        }
    }

    #[test]
    fn fonctions_are_the_official_ones() {
        for (file, family) in PLANS {
            let Some(fonctions) = official(file, b"RefFonc") else {
                continue;
            };
            for digit in 0..10 {
                let code = digit.to_string();
                if fonctions.contains(&code) {
                    assert!(fonction_label(family, &code).is_some());
                }
            }
        }
        assert_eq!(
            fonction_label(Family::M14, "212"),
            Some("Enseignement, formation")
        );
        assert_eq!(
            fonction_label(Family::M57, "212"),
            Some("Enseignement, formation professionnelle et apprentissage")
        );
        assert_eq!(fonction_label(Family::M57, "x"), None);
    }

    #[test]
    fn families_crosswalk_and_categories_are_complete() {
        assert_eq!(Family::from_code("M14-M14_COM_SUP3500"), Some(Family::M14));
        assert_eq!(Family::from_code("M57A"), Some(Family::M57));
        assert!(is_abridged("M57_A") && is_abridged("M57A") && !is_abridged("M57"));
        assert_eq!(Family::from_code("M4"), None);
        for (m14, m57, _, note) in CROSSWALK {
            assert!(m14 < 10 && m57.iter().all(|d| *d < 10));
            assert!(has_key(note), "{note}");
        }
        for category in Category::ALL {
            assert!(has_key(category.key()), "{}", category.key());
            assert!(
                has_key(&format!("{}-def", category.key())),
                "{}-def",
                category.key()
            );
        }
        assert_eq!(
            compte_label("64111"),
            Some(("64111", "Rémunération principale du personnel titulaire"))
        );
        assert_eq!(compte_label("6419"), Some(("64", "Charges de personnel")));
        assert_eq!(compte_label("4541"), None);
    }

    #[test]
    fn every_real_montreuil_line_gets_a_category() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/data/real/montreuil_CA_2016_totem.xml");
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("skipped: {} is not there (real-data check)", path.display());
            return;
        };
        let imported = super::super::import(&bytes, None, &Default::default()).unwrap();
        let budget = &imported.budgets[0];
        let mut total = 0.0;
        for line in budget.lines.iter().filter(|l| l.section().is_some()) {
            let found = category(line);
            assert!(found.is_some(), "{}", line.compte);
            if let Some(spending) = found.and_then(is_spending) {
                assert_eq!(
                    spending,
                    line.direction == Direction::Depense,
                    "{} in {found:?}",
                    line.compte
                );
            }
            assert!(compte_label(&line.compte).is_some(), "{}", line.compte);
            total += budget.amount(line);
        }
        assert!(total > 0.0);
    }
}
