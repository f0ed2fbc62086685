//! The pack model: [`Pack`], its [`Activity`]s and their vocabularies ([`ActivityKind`],
//! [`Level`], audiences and licences).

use serde::{Deserialize, Serialize};

use super::preset::ChartPreset;
use super::sheet::{Sheet, SheetKind};
use crate::budget::explore::Side;
use crate::survey::Survey;
use crate::vocabulary::codes;

/// Licences accepted, by SPDX id, with the address of their text.
pub const LICENCES: [(&str, &str); 7] = [
    (
        "Etalab-2.0",
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    ),
    ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ("CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    (
        "CC-BY-NC-SA-4.0",
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    ),
    ("ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
    ("AGPL-3.0-or-later", "https://www.gnu.org/licenses/agpl-3.0.html"),
];

/// The default licence of a pack.
pub const DEFAULT_LICENCE: &str = "Etalab-2.0";

/// Audiences a pack can be made for (the library filters on them).
pub const AUDIENCES: [&str; 9] = [
    "grand-public",
    "adultes",
    "seniors",
    "jeunes",
    "lyceens",
    "collegiens",
    "elus",
    "agents-publics",
    "mediateurs",
];

/// How much a pack expects of its participants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Level {
    /// No prior knowledge.
    #[default]
    Debutant,
    /// Some practice.
    Intermediaire,
    /// Used to the subject.
    Avance,
}

// Easiest first; the codes end the `pack-level-…` translation keys.
codes!(Level {
    Debutant => "debutant",
    Intermediaire => "intermediaire",
    Avance => "avance",
});

/// The activities of Briques a pack can launch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActivityKind {
    /// The Duplo exercise.
    Duplo,
    /// The budget explorer.
    Budget,
    /// "Si j'étais maire".
    Maire,
    /// The data explorer with chart presets.
    Donnees,
    /// A « débat mouvant » on statements (played live only).
    Debat,
}

// As written in `pack.toml` (`type = "…"`); the codes end the `ateliers-activity-…` keys.
codes!(ActivityKind {
    Duplo => "duplo",
    Budget => "budget",
    Maire => "si-j-etais-maire",
    Donnees => "donnees",
    Debat => "debat-mouvant",
});

impl ActivityKind {
    /// The translation key of the activity's name.
    pub fn label_key(self) -> String {
        format!("ateliers-activity-{}", self.code())
    }
}

/// The address of a licence's text, for a known SPDX id (case ignored).
pub fn licence_url(id: &str) -> Option<&'static str> {
    LICENCES
        .iter()
        .find(|(spdx, _)| spdx.eq_ignore_ascii_case(id.trim()))
        .map(|(_, url)| *url)
}

/// A workshop pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pack {
    /// Stable id: lower-case letters, digits, dashes (the folder's name by default).
    pub slug: String,
    /// Title.
    pub title: String,
    /// One or two sentences.
    pub summary: String,
    /// BCP 47 code of the content (`fr`).
    pub language: String,
    /// Codes from [`AUDIENCES`].
    pub audience: Vec<String>,
    /// How much it expects of participants.
    pub level: Level,
    /// Length of the full session, in minutes.
    pub duration: u32,
    /// Fewest participants.
    pub group_min: u32,
    /// Most participants.
    pub group_max: u32,
    /// Facilitators needed.
    pub facilitators: u32,
    /// Preparation time, in minutes.
    pub preparation: u32,
    /// What to bring.
    pub materials: Vec<String>,
    /// What participants will be able to do.
    pub objectives: Vec<String>,
    /// Skills worked on (e.g. the Pix / DigComp areas).
    pub skills: Vec<String>,
    /// SPDX id from [`LICENCES`].
    pub licence: String,
    /// Authors.
    pub authors: Vec<String>,
    /// The pack's own version (`1.0`).
    pub version: String,
    /// Free keywords.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The activities it launches, with their settings.
    pub activities: Vec<Activity>,
    /// The guide sheets, in reading order.
    pub sheets: Vec<Sheet>,
}

/// An activity of Briques, pre-configured by a pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
// Externally tagged (`{"duplo": {…}}`): serde reads it without buffering, which keeps
// the browser bundle smaller than an internally tagged enum would. The tags are the
// [`ActivityKind`] codes.
#[serde(rename_all = "kebab-case")]
pub enum Activity {
    /// The Duplo exercise with this survey.
    Duplo {
        /// The survey file in the pack (`questionnaire.json`, a `briques-duplo` file).
        file: String,
        /// Its survey.
        survey: Survey,
    },
    /// The budget explorer.
    Budget {
        /// `demo` (Briqueville) or an INSEE code.
        commune: String,
        /// The year shown first.
        year: Option<u32>,
        /// Spending or revenue.
        view: Side,
        /// Amounts per inhabitant.
        per_inhabitant: bool,
    },
    /// "Si j'étais maire": re-allocating the budget under constraints.
    // Bundles written before the tag was the activity's code say `maire`.
    #[serde(rename = "si-j-etais-maire", alias = "maire")]
    Maire {
        /// `demo` or an INSEE code.
        commune: String,
        /// The year of reference.
        year: Option<u32>,
        /// The constraints given to the groups.
        constraints: Vec<String>,
    },
    /// The data explorer on a dataset shipped in the pack, with chart presets.
    Donnees {
        /// The CSV file in the pack (`donnees/….csv`).
        file: String,
        /// The dataset's title.
        title: String,
        /// Where it comes from (and its licence).
        source: String,
        /// The CSV text.
        csv: String,
        /// Charts prepared for the lesson.
        charts: Vec<ChartPreset>,
    },
    /// A « débat mouvant »: the room takes sides on each statement before and after
    /// discussing it (live, phones or printed cards).
    #[serde(rename = "debat-mouvant")]
    Debat {
        /// The statements, in the order they are debated.
        statements: Vec<Statement>,
    },
}

/// Most statements of a débat mouvant.
pub const MAX_STATEMENTS: usize = 12;

/// One statement of a débat mouvant, with what the facilitator prepares.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// The statement read to the room (300 characters at most).
    pub text: String,
    /// Arguments expected from those who agree.
    #[serde(default)]
    pub agree: Vec<String>,
    /// Arguments expected from those who disagree.
    #[serde(default)]
    pub disagree: Vec<String>,
    /// The landmark for the debrief (a legal text, a fact, its source; 600 characters
    /// at most), shown once the facilitator reveals the results.
    #[serde(default)]
    pub landmark: String,
}

impl Activity {
    /// Which activity it is.
    pub fn kind(&self) -> ActivityKind {
        match self {
            Activity::Duplo { .. } => ActivityKind::Duplo,
            Activity::Budget { .. } => ActivityKind::Budget,
            Activity::Maire { .. } => ActivityKind::Maire,
            Activity::Donnees { .. } => ActivityKind::Donnees,
            Activity::Debat { .. } => ActivityKind::Debat,
        }
    }

    /// The app page that opens the activity and its query parameters (values are
    /// limited to characters that need no escaping). For Duplo the app first loads the
    /// survey (see the Ateliers page); the data explorer reads the pack from `pack`.
    /// The budget page reads `commune` (`demo` or an INSEE code), `annee`, `onglet`
    /// (`explorer` or `maire`), `vue` (`depenses` or `recettes`) and `hab=1`.
    pub fn launch_target(&self, slug: &str) -> (&'static str, Vec<(&'static str, String)>) {
        let mut query = Vec::new();
        match self {
            Activity::Duplo { .. } => return ("/duplo", query),
            Activity::Budget {
                commune,
                year,
                view,
                per_inhabitant,
            } => {
                query.push(("commune", query_value(commune)));
                query.extend(year.map(|y| ("annee", y.to_string())));
                query.push(("onglet", "explorer".to_owned()));
                query.push(("vue", view.code().to_owned()));
                if *per_inhabitant {
                    query.push(("hab", "1".to_owned()));
                }
            }
            Activity::Maire { commune, year, .. } => {
                query.push(("commune", query_value(commune)));
                query.extend(year.map(|y| ("annee", y.to_string())));
                query.push(("onglet", "maire".to_owned()));
            }
            Activity::Donnees { .. } => return ("/donnees", vec![("pack", query_value(slug))]),
            // Played live only: the pack's « Lancer tout l'atelier en direct ».
            Activity::Debat { .. } => return ("/direct", query),
        }
        ("/budget", query)
    }
}

/// Keeps only characters that need no escaping in a query value.
fn query_value(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

/// So that library functions ([`super::filter`], [`super::bundle::prepare_import`]) take
/// packs or anything holding one.
impl AsRef<Pack> for Pack {
    fn as_ref(&self) -> &Pack {
        self
    }
}

impl Pack {
    /// Lengths of the session's variants in minutes (the méthode sheets', else the
    /// pack's), shortest first.
    pub fn variants(&self) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .sheets
            .iter()
            .filter(|s| s.kind == SheetKind::Methode)
            .filter_map(|s| s.duration)
            .collect();
        if out.is_empty() {
            out.push(self.duration);
        }
        crate::sorting::sort(&mut out);
        out.dedup();
        out
    }

    /// The licence's address, when known.
    pub fn licence_url(&self) -> Option<&'static str> {
        licence_url(&self.licence)
    }
}
