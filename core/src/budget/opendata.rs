//! Budgets of any commune from the official open-data APIs, without a prepared national
//! folder: the requests to send and how to read their answers (no I/O here: the browser
//! fetches with `fetch`, the command line with its HTTP client, both through these
//! functions, so both paths give the same budgets).
//!
//! Three sources, each an [Opendatasoft Explore API v2.1][ods] portal but data.gouv.fr:
//!
//! - **OFGL** (`https://data.ofgl.fr`, no key, Licence Ouverte 2.0), dataset
//!   `ofgl-base-communes-consolidee`: one row per commune × exercice × agrégat, fields
//!   `exer` (a date field: filtered with `year(exer)=2023`, never `exer="2023"`), `insee`,
//!   `com_name`, `siren`, `agregat`, `montant` (budget principal and annexes,
//!   consolidated: BP + BA − flows between them), `ptot` (the exercice's population),
//!   `euros_par_habitant` (`montant / ptot`), `categ` (`Commune`, `PARIS`), `montant_bp`
//!   (the budget principal alone). Field names
//!   as in the dataset's schema (the portal's *Informations* tab) and in its label-header
//!   export (`Exercice;…;Agrégat;Montant BP;Montant BA;…`), which
//!   [`super::read_ofgl`] reads too. [`aggregates_url`] asks for a commune's every year
//!   at once (`exports/json`: a bare JSON array, no paging); [`quartiles_url`] asks for
//!   the quartiles of one agrégat per inhabitant among the communes of one population
//!   strate and year (`records` with aggregates in `select` and no `group_by`: one
//!   result), so that the comparison with similar communes needs neither a national file
//!   nor 35,000 rows.
//! - **DGFiP** balances (`https://data.economie.gouv.fr`), one dataset per year,
//!   `balances-comptables-des-communes-en-{YYYY}`: one row per budget × compte, lower-case
//!   fields (`exer;ident;ndept;lbudg;insee;cbudg;…;compte;…;obnetdeb;obnetcre;…`), filtered
//!   on `siren` (its `insee` field holds only the commune's last three digits) and
//!   `cbudg="1"` (the budget principal). The CSV export (`;`, UTF-8 with BOM, `.` decimals)
//!   is read by [`super::read_dgfip`], so the drill-down reaches the compte. A year not
//!   published yet has no dataset: 404.
//! - **data.gouv.fr** (`https://www.data.gouv.fr`, [API v1][udata]):
//!   `GET /api/1/datasets/?q=…&geozone=fr:commune:56046&page_size=…` gives
//!   `{"data": [...], "total": n, …}`, each dataset with its organisation, date and
//!   resources (format, address, size).
//!
//! Errors follow the portals' documentation: 400 with `{"error_code", "message"}`, 429
//! when the anonymous quota is spent (`{"errorcode": 10005, "error": …}`, with
//! `X-RateLimit-Reset`), 404 for a dataset that does not exist; each becomes an
//! [`OpenDataError`] with a message in the user's language.
//!
//! The base addresses are settings ([`Apis`]): tests point them at a local stand-in,
//! mirrors and a future change of address need no code change.
//!
//! [ods]: https://help.opendatasoft.com/apis/ods-explore-v2/
//! [udata]: https://doc.data.gouv.fr/api/reference/

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::explore::{Quartiles, Strate, STRATES};
use super::{import, Budget, BudgetKind, Collectivite, DgfipOptions, DocumentKind};
use crate::i18n::{display_from_message, tr, tr_args, Lang};

/// The real OFGL portal.
pub const OFGL_URL: &str = "https://data.ofgl.fr";
/// The real portal of the DGFiP balances.
pub const DGFIP_URL: &str = "https://data.economie.gouv.fr";
/// The real data.gouv.fr.
pub const DATAGOUV_URL: &str = "https://www.data.gouv.fr";

/// The OFGL dataset of commune accounts (budget principal and annexes consolidated).
pub const OFGL_DATASET: &str = "ofgl-base-communes-consolidee";

/// Where the APIs are: origins (scheme, host, optional port and path prefix), without a
/// trailing slash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Apis {
    /// OFGL's Opendatasoft portal.
    pub ofgl: String,
    /// The DGFiP balances' Opendatasoft portal.
    pub dgfip: String,
    /// data.gouv.fr.
    pub datagouv: String,
}

impl Default for Apis {
    fn default() -> Apis {
        Apis {
            ofgl: OFGL_URL.to_owned(),
            dgfip: DGFIP_URL.to_owned(),
            datagouv: DATAGOUV_URL.to_owned(),
        }
    }
}

impl Apis {
    /// The same addresses without trailing slashes (as people type them in settings).
    pub fn trimmed(self) -> Apis {
        let trim = |s: String| s.trim().trim_end_matches('/').to_owned();
        Apis {
            ofgl: trim(self.ofgl),
            dgfip: trim(self.dgfip),
            datagouv: trim(self.datagouv),
        }
    }

    /// The origins a page must be allowed to connect to (`scheme://host[:port]`), for a
    /// Content-Security-Policy's `connect-src`.
    pub fn origins(&self) -> Vec<String> {
        let mut origins: Vec<String> = [&self.ofgl, &self.dgfip, &self.datagouv]
            .into_iter()
            .filter_map(|url| origin(url))
            .collect();
        origins.dedup();
        origins
    }
}

/// `scheme://host[:port]` of an address, `None` when it is not http(s).
pub fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (!host.is_empty() && !host.contains(['\'', '"', ' ', ';', ','])).then(|| format!("{scheme}://{host}"))
}

/// Which API a request went to (named by the messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// data.ofgl.fr.
    Ofgl,
    /// data.economie.gouv.fr (DGFiP balances).
    Dgfip,
    /// data.gouv.fr.
    Datagouv,
}

impl Source {
    fn key(self) -> &'static str {
        match self {
            Source::Ofgl => "opendata-source-ofgl",
            Source::Dgfip => "opendata-source-dgfip",
            Source::Datagouv => "opendata-source-datagouv",
        }
    }
}

/// Why an API's data could not be had.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenDataError {
    /// No network (or the address does not answer, or a page may not read it).
    Unreachable {
        /// The API.
        source: Source,
    },
    /// No answer in time.
    Timeout {
        /// The API.
        source: Source,
    },
    /// The quota of requests is spent (429).
    RateLimited {
        /// The API.
        source: Source,
    },
    /// The year's dataset does not exist yet (404 on a yearly dataset).
    NotPublished {
        /// The API.
        source: Source,
        /// The exercice.
        year: i32,
    },
    /// The API has no row for this commune.
    NoData {
        /// The API.
        source: Source,
    },
    /// Another HTTP error.
    Status {
        /// The API.
        source: Source,
        /// HTTP status.
        status: u16,
        /// The API's own message, when its body has one.
        detail: String,
    },
    /// An answer that is not what the documentation describes.
    Unexpected {
        /// The API.
        source: Source,
        /// What was wrong.
        detail: String,
    },
}

impl OpenDataError {
    /// The API that failed.
    pub fn source(&self) -> Source {
        match self {
            OpenDataError::Unreachable { source }
            | OpenDataError::Timeout { source }
            | OpenDataError::RateLimited { source }
            | OpenDataError::NotPublished { source, .. }
            | OpenDataError::NoData { source }
            | OpenDataError::Status { source, .. }
            | OpenDataError::Unexpected { source, .. } => *source,
        }
    }

    /// What went wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let name = tr(lang, self.source().key());
        let source = ("source", name.as_str().into());
        let (key, extra) = match self {
            OpenDataError::Unreachable { .. } => ("opendata-unreachable", Vec::new()),
            OpenDataError::Timeout { .. } => ("opendata-timeout", Vec::new()),
            OpenDataError::RateLimited { .. } => ("opendata-rate-limited", Vec::new()),
            OpenDataError::NotPublished { year, .. } => {
                ("opendata-not-published", vec![("year", year.to_string())])
            }
            OpenDataError::NoData { .. } => ("opendata-no-data", Vec::new()),
            OpenDataError::Status { status, detail, .. } => (
                "opendata-status",
                vec![("status", status.to_string()), ("detail", detail.clone())],
            ),
            OpenDataError::Unexpected { detail, .. } => {
                ("opendata-unexpected", vec![("detail", detail.clone())])
            }
        };
        let mut args = vec![source];
        args.extend(extra.iter().map(|(k, v)| (*k, v.as_str().into())));
        tr_args(lang, key, &args)
    }

    /// Whether trying again later may work (network, time, quota), as opposed to an
    /// answer that will not change.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            OpenDataError::Unreachable { .. }
                | OpenDataError::Timeout { .. }
                | OpenDataError::RateLimited { .. }
        )
    }
}

display_from_message!(OpenDataError);

/// Reads an HTTP answer's status: `Ok` for 2xx, else the error it means. `year` names the
/// exercice of a yearly dataset (its 404 means "not published yet").
pub fn check_status(
    source: Source,
    status: u16,
    body: &[u8],
    year: Option<i32>,
) -> Result<(), OpenDataError> {
    match status {
        200..=299 => Ok(()),
        429 => Err(OpenDataError::RateLimited { source }),
        404 if year.is_some() => Err(OpenDataError::NotPublished {
            source,
            year: year.unwrap_or_default(),
        }),
        _ => {
            // Opendatasoft: {"error_code", "message"} (400) or {"errorcode", "error"} (429);
            // data.gouv.fr: {"message"}. Other bodies (HTML pages of proxies) are not shown.
            #[derive(Deserialize)]
            struct Said {
                message: Option<String>,
                error: Option<String>,
            }
            let detail = serde_json::from_slice::<Said>(body)
                .ok()
                .and_then(|said| said.message.or(said.error))
                .map(|m| m.chars().take(200).collect())
                .unwrap_or_default();
            Err(OpenDataError::Status {
                source,
                status,
                detail,
            })
        }
    }
}

/// Percent-encodes a query parameter's value (as JavaScript's `encodeURIComponent`).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3 / 2);
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// An ODSQL string literal: double quotes, with backslash escapes.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn explore(base: &str, dataset: &str, endpoint: &str, params: &[(&str, String)]) -> String {
    let query: Vec<String> = params
        .iter()
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect();
    format!(
        "{base}/api/explore/v2.1/catalog/datasets/{dataset}/{endpoint}?{}",
        query.join("&")
    )
}

/// The fields asked of OFGL for a commune's agrégats.
const AGGREGATE_FIELDS: &str = "exer,insee,com_name,siren,categ,agregat,montant,montant_bp,ptot";

/// Every year's agrégats of the commune with this INSEE code (one request, no paging).
pub fn aggregates_url(apis: &Apis, insee: &str) -> String {
    explore(
        &apis.ofgl,
        OFGL_DATASET,
        "exports/json",
        &[
            ("select", AGGREGATE_FIELDS.to_owned()),
            ("where", format!("insee={}", quoted(insee))),
            ("order_by", "exer,agregat".to_owned()),
        ],
    )
}

#[derive(Deserialize)]
struct AggregateRow {
    #[serde(deserialize_with = "exercice")]
    exer: Option<i32>,
    #[serde(default)]
    insee: Option<String>,
    #[serde(default)]
    com_name: Option<String>,
    #[serde(default)]
    siren: Option<String>,
    agregat: String,
    montant: Option<f64>,
    #[serde(default)]
    montant_bp: Option<f64>,
    #[serde(default)]
    ptot: Option<f64>,
}

/// The year of an `exer` value: `"2023"`, `"2023-01-01"`, `"2023-01-01T00:00:00+00:00"`
/// or `2023` (the documentation shows the first; the others are how date fields also
/// come out of the platform); `None` for anything else.
fn exercice<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<i32>, D::Error> {
    struct Year;
    impl serde::de::Visitor<'_> for Year {
        type Value = Option<i32>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an exercice")
        }
        fn visit_str<E>(self, s: &str) -> Result<Option<i32>, E> {
            Ok(s.get(..4).and_then(|y| y.parse().ok()).filter(plausible))
        }
        fn visit_u64<E>(self, n: u64) -> Result<Option<i32>, E> {
            Ok(i32::try_from(n).ok().filter(plausible))
        }
        fn visit_i64<E>(self, n: i64) -> Result<Option<i32>, E> {
            Ok(i32::try_from(n).ok().filter(plausible))
        }
        fn visit_f64<E>(self, _: f64) -> Result<Option<i32>, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Option<i32>, E> {
            Ok(None)
        }
    }
    fn plausible(year: &i32) -> bool {
        (1900..=2200).contains(year)
    }
    deserializer.deserialize_any(Year)
}

/// Reads OFGL's answer to [`aggregates_url`]: one budget per exercice, oldest first,
/// with its agrégats (euros) and the exercice's population. No row at all is
/// [`OpenDataError::NoData`].
pub fn read_aggregates(body: &[u8]) -> Result<Vec<Budget>, OpenDataError> {
    let unexpected = |detail: String| OpenDataError::Unexpected {
        source: Source::Ofgl,
        detail,
    };
    let rows: Vec<AggregateRow> = serde_json::from_slice(body).map_err(|e| unexpected(e.to_string()))?;
    let mut budgets: BTreeMap<i32, Budget> = BTreeMap::new();
    for row in rows {
        let year = row
            .exer
            .ok_or_else(|| unexpected(format!("exer ({})", row.agregat)))?;
        let budget = budgets.entry(year).or_insert_with(|| Budget {
            collectivite: Collectivite {
                nom: row.com_name.clone().unwrap_or_default(),
                siren: row.siren.clone(),
                siret: None,
                insee: row.insee.clone(),
                population: row.ptot.filter(|p| *p >= 0.0).map(|p| p as u64),
            },
            exercice: year,
            nomenclature: String::new(),
            document: DocumentKind::Comptes,
            budget_kind: BudgetKind::Principal,
            libelle: None,
            lines: Vec::new(),
            aggregates: BTreeMap::new(),
            principal: BTreeMap::new(),
        });
        if let Some(amount) = row.montant_bp.filter(|m| m.is_finite()) {
            budget.principal.insert(row.agregat.clone(), amount);
        }
        if let Some(amount) = row.montant.filter(|m| m.is_finite()) {
            budget.aggregates.insert(row.agregat, amount);
        }
    }
    if budgets.is_empty() {
        return Err(OpenDataError::NoData { source: Source::Ofgl });
    }
    Ok(budgets.into_values().collect())
}

/// The indicators compared with similar communes, with the OFGL agrégat that measures
/// each (the same six `briques budget prepare` computes from the national file).
pub const COMPARED: [(&str, &str); 6] = [
    ("recettes_reelles_fonctionnement", "Recettes de fonctionnement"),
    ("depenses_reelles_fonctionnement", "Dépenses de fonctionnement"),
    ("epargne_brute", "Epargne brute"),
    ("epargne_nette", "Epargne nette"),
    ("depenses_equipement", "Dépenses d'équipement"),
    ("encours_dette", "Encours de dette"),
];

/// Population bounds of a strate of [`STRATES`]: from, and below (`None`: no upper bound).
pub fn strate_bounds(strate: u8) -> Option<(u64, Option<u64>)> {
    let i = STRATES.iter().position(|(s, _)| *s == strate)?;
    Some((STRATES[i].1, STRATES.get(i + 1).map(|(_, from)| *from)))
}

/// The quartiles of `agregat` per inhabitant among the communes of `strate` (Briques'
/// strates, by the exercice's population `ptot`, so that both paths use the same bands)
/// for one exercice; Paris (`categ="PARIS"`) is left out.
pub fn quartiles_url(apis: &Apis, exercice: i32, agregat: &str, strate: u8) -> String {
    let (from, below) = strate_bounds(strate).unwrap_or((0, None));
    let mut filter = format!(
        "year(exer)={exercice} and agregat={} and categ=\"Commune\" and ptot>={from}",
        quoted(agregat)
    );
    if let Some(below) = below {
        filter.push_str(&format!(" and ptot<{below}"));
    }
    explore(
        &apis.ofgl,
        OFGL_DATASET,
        "records",
        &[
            (
                "select",
                "count(*) as n, percentile(euros_par_habitant, 25) as q1, \
                 median(euros_par_habitant) as q2, percentile(euros_par_habitant, 75) as q3"
                    .to_owned(),
            ),
            ("where", filter),
        ],
    )
}

#[derive(Deserialize)]
struct Records<T> {
    results: Vec<T>,
}

#[derive(Deserialize)]
struct QuartileRow {
    n: Option<f64>,
    q1: Option<f64>,
    q2: Option<f64>,
    q3: Option<f64>,
}

/// Reads the answer to [`quartiles_url`]: how many communes and their quartiles, `None`
/// when no commune of the strate has the agrégat that year (no result, or nulls).
pub fn read_quartiles(body: &[u8]) -> Result<Option<(usize, Quartiles)>, OpenDataError> {
    let records: Records<QuartileRow> =
        serde_json::from_slice(body).map_err(|e| OpenDataError::Unexpected {
            source: Source::Ofgl,
            detail: e.to_string(),
        })?;
    Ok(records.results.into_iter().next().and_then(|row| {
        let n = row.n.filter(|n| *n >= 1.0)? as usize;
        let q = Quartiles {
            q1: row.q1?,
            median: row.q2?,
            q3: row.q3?,
        };
        [q.q1, q.median, q.q3]
            .iter()
            .all(|v| v.is_finite())
            .then_some((n, q))
    }))
}

/// The strate statistics built from the answers to [`quartiles_url`] (indicator name →
/// answer), in the shape `budget prepare` writes, `None` when no indicator has any.
pub fn strate_from(strate: u8, answers: Vec<(&str, (usize, Quartiles))>) -> Option<Strate> {
    let communes = answers.iter().map(|(_, (n, _))| *n).max()?;
    Some(Strate {
        label: crate::budget::prepared::strate_label(Lang::Fr, strate),
        communes,
        per_inhabitant: answers
            .into_iter()
            .map(|(name, (_, q))| (name.to_owned(), q))
            .collect(),
    })
}

/// The yearly DGFiP balances dataset.
pub fn balance_dataset(exercice: i32) -> String {
    format!("balances-comptables-des-communes-en-{exercice}")
}

/// The budget principal's balance of the commune with this SIREN, one exercice (CSV).
pub fn balance_url(apis: &Apis, exercice: i32, siren: &str) -> String {
    explore(
        &apis.dgfip,
        &balance_dataset(exercice),
        "exports/csv",
        &[("where", format!("siren={} and cbudg=\"1\"", quoted(siren)))],
    )
}

/// Reads the answer to [`balance_url`]: the budget principal of that exercice, `None`
/// when the export has no row (the commune has no balance that year).
pub fn read_balance(body: &[u8], lang: Lang) -> Result<Option<Budget>, OpenDataError> {
    if body.iter().all(u8::is_ascii_whitespace) || !body.contains(&b'\n') {
        return Ok(None);
    }
    let imported = match import(body, Some(super::Format::Dgfip), &DgfipOptions::default()) {
        Ok(imported) => imported,
        // A header and no row: the commune has no balance that year.
        Err(super::BudgetError::NoLine) => return Ok(None),
        Err(e) => {
            return Err(OpenDataError::Unexpected {
                source: Source::Dgfip,
                detail: e.message(lang),
            })
        }
    };
    Ok(imported
        .budgets
        .into_iter()
        .find(|b| b.budget_kind == BudgetKind::Principal))
}

/// One budget per exercice: the OFGL agrégats, with the DGFiP balance's lines (and
/// nomenclature) of the same exercice when there is one; names and population from OFGL.
pub fn merge(aggregates: Vec<Budget>, balances: Vec<Budget>) -> Vec<Budget> {
    let mut by_year: BTreeMap<i32, Budget> = aggregates.into_iter().map(|b| (b.exercice, b)).collect();
    for balance in balances {
        match by_year.get_mut(&balance.exercice) {
            Some(budget) => {
                budget.lines = balance.lines;
                budget.nomenclature = balance.nomenclature;
                budget.libelle = balance.libelle;
                budget.collectivite.siret = balance.collectivite.siret;
            }
            None => {
                by_year.insert(balance.exercice, balance);
            }
        }
    }
    by_year.into_values().collect()
}

/// A territory to search data.gouv.fr for (its `geozone` identifiers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Zone {
    /// A commune, by INSEE code.
    Commune(String),
    /// A département, by code.
    Departement(String),
}

/// How many datasets one search shows.
pub const SEARCH_PAGE_SIZE: usize = 20;

/// Datasets of data.gouv.fr matching `words`, about `zone` when given.
pub fn datagouv_search_url(apis: &Apis, words: &str, zone: Option<&Zone>) -> String {
    let mut url = format!(
        "{}/api/1/datasets/?q={}&page=1&page_size={SEARCH_PAGE_SIZE}",
        apis.datagouv,
        encode(words.trim())
    );
    if let Some(zone) = zone {
        let geozone = match zone {
            Zone::Commune(code) => format!("fr:commune:{code}"),
            Zone::Departement(code) => format!("fr:departement:{code}"),
        };
        url.push_str(&format!("&geozone={}", encode(&geozone)));
    }
    url
}

/// A dataset found on data.gouv.fr.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Dataset {
    /// Title.
    pub title: String,
    /// Its page on data.gouv.fr.
    #[serde(default)]
    pub page: Option<String>,
    /// Who publishes it.
    #[serde(default)]
    pub organization: Option<Organization>,
    /// Last modified (ISO 8601).
    #[serde(default)]
    pub last_modified: Option<String>,
    /// Its files.
    #[serde(default)]
    pub resources: Vec<Resource>,
}

/// A dataset's publisher.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Organization {
    /// Name.
    pub name: String,
}

/// A file of a dataset.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Resource {
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Format as declared (`csv`, `json`, `pdf`…).
    #[serde(default)]
    pub format: Option<String>,
    /// Address.
    pub url: String,
    /// Declared size in bytes.
    #[serde(default)]
    pub filesize: Option<u64>,
}

/// The largest file a browser is asked to read (as the budget page's limit): larger
/// ones are national files, for the command line.
pub const MAX_RESOURCE_BYTES: u64 = 200 * 1024 * 1024;

impl Resource {
    /// Whether its declared size is over [`MAX_RESOURCE_BYTES`].
    pub fn too_large(&self) -> bool {
        self.filesize.is_some_and(|size| size > MAX_RESOURCE_BYTES)
    }

    /// Whether the resource says it is CSV (format, else the address's extension).
    pub fn is_csv(&self) -> bool {
        let format = self.format.as_deref().unwrap_or("").trim().to_ascii_lowercase();
        format == "csv"
            || (format.is_empty() && {
                let path = self.url.split(['?', '#']).next().unwrap_or("");
                path.to_ascii_lowercase().ends_with(".csv")
            })
    }
}

impl Dataset {
    /// The publisher's name, when given.
    pub fn producer(&self) -> Option<&str> {
        self.organization.as_ref().map(|o| o.name.as_str())
    }

    /// The CSV resources.
    pub fn csv_resources(&self) -> impl Iterator<Item = &Resource> {
        self.resources.iter().filter(|r| r.is_csv())
    }

    /// The last modification's date (`2024-03-05`).
    pub fn date(&self) -> Option<&str> {
        self.last_modified.as_deref().and_then(|d| d.get(..10))
    }
}

/// One page of a search.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SearchPage {
    /// The datasets.
    pub data: Vec<Dataset>,
    /// How many match in all.
    #[serde(default)]
    pub total: u64,
}

/// Reads the answer to [`datagouv_search_url`].
pub fn read_search(body: &[u8]) -> Result<SearchPage, OpenDataError> {
    serde_json::from_slice(body).map_err(|e| OpenDataError::Unexpected {
        source: Source::Datagouv,
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests;
