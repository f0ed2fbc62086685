//! The official open-data APIs, read from the browser when the user asks (a commune
//! chosen on the budget page, a search on the Données page): the requests and the
//! reading of the answers are `briques_core::budget::opendata`'s (the command line's
//! `budget fetch` uses the same). Requests go from this device straight to the public
//! API: a shared server never sees what citizens look at. The addresses are the server's
//! settings (`GET /api/config`), the official ones when the app is hosted without
//! `briques serve`.

use std::cell::RefCell;
use std::collections::BTreeMap;

use briques_core::budget::explore::{strate, Strate};
use briques_core::budget::opendata::{self, Apis, OpenDataError, SearchPage, Source, Zone};
use briques_core::budget::Budget;
use briques_core::i18n::Lang;

use crate::services::storage;
use crate::services::tasks::{fetch_answer, NoAnswer};

/// How long one request may take (a national quartile query is the slowest).
const TIMEOUT_MS: u32 = 30_000;

thread_local! {
    static APIS: RefCell<Option<Apis>> = const { RefCell::new(None) };
}

/// The APIs' addresses: the server's settings, asked once.
pub async fn apis() -> Apis {
    if let Some(apis) = APIS.with(|a| a.borrow().clone()) {
        return apis;
    }
    // The last addresses the server gave, when it cannot be asked (offline).
    const KEY: &str = "briques.opendata.apis";
    let apis = match fetch_answer("/api/config", 5_000).await {
        Ok((200, body)) => serde_json::from_slice::<Apis>(&body)
            .map(Apis::trimmed)
            .ok()
            .inspect(|apis| {
                if let Ok(json) = serde_json::to_string(apis) {
                    storage::write_preference(KEY, &json);
                }
            }),
        _ => storage::read(KEY).and_then(|json| serde_json::from_str::<Apis>(&json).ok()),
    }
    .unwrap_or_default();
    APIS.with(|a| *a.borrow_mut() = Some(apis.clone()));
    apis
}

/// GETs `url` from `source`: the body of a 2xx answer, or what went wrong. `year` names
/// the exercice of a yearly dataset (a 404 then means "not published yet").
async fn get(source: Source, url: &str, year: Option<i32>) -> Result<Vec<u8>, OpenDataError> {
    match fetch_answer(url, TIMEOUT_MS).await {
        Ok((status, body)) => opendata::check_status(source, status, &body, year).map(|()| body),
        Err(NoAnswer::Timeout) => Err(OpenDataError::Timeout { source }),
        Err(NoAnswer::Unreachable) => Err(OpenDataError::Unreachable { source }),
    }
}

/// A commune's budgets from the APIs: OFGL's agrégats of every year, the DGFiP balance
/// of the latest published year (the drill-down), the quartiles of its strate for that
/// year. Without OFGL there is nothing to show (`Err`); the balance and the strate are
/// extras whose failure is said in the warnings.
pub async fn commune(
    insee: &str,
    lang: Lang,
) -> Result<(Vec<Budget>, Option<BTreeMap<String, Strate>>, Vec<String>), OpenDataError> {
    let apis = apis().await;
    let aggregates =
        opendata::read_aggregates(&get(Source::Ofgl, &opendata::aggregates_url(&apis, insee), None).await?)?;
    let mut warnings = Vec::new();
    let years: Vec<i32> = aggregates.iter().rev().map(|b| b.exercice).take(2).collect();
    let siren = aggregates.iter().find_map(|b| b.collectivite.siren.clone());
    let mut balances = Vec::new();
    if let Some(siren) = siren {
        // The latest year OFGL has; the one before when the DGFiP has not published it.
        for year in years {
            let url = opendata::balance_url(&apis, year, &siren);
            match get(Source::Dgfip, &url, Some(year)).await {
                Ok(body) => match opendata::read_balance(&body, lang) {
                    Ok(Some(balance)) => {
                        balances.push(balance);
                        break;
                    }
                    Ok(None) => {}
                    Err(e) => {
                        warnings.push(e.message(lang));
                        break;
                    }
                },
                Err(e @ OpenDataError::NotPublished { .. }) => warnings.push(e.message(lang)),
                Err(e) => {
                    warnings.push(e.message(lang));
                    break;
                }
            }
        }
    }
    let budgets = opendata::merge(aggregates, balances);
    let strates = match budgets.last() {
        Some(last) => match last.collectivite.population {
            Some(population) => {
                strate_of(&apis, last.exercice, strate(population), lang, &mut warnings).await
            }
            None => None,
        },
        None => None,
    };
    Ok((budgets, strates, warnings))
}

/// The quartiles of a strate for one year, one query per indicator compared.
async fn strate_of(
    apis: &Apis,
    year: i32,
    number: u8,
    lang: Lang,
    warnings: &mut Vec<String>,
) -> Option<BTreeMap<String, Strate>> {
    let mut answers = Vec::new();
    for (indicator, agregat) in opendata::COMPARED {
        let url = opendata::quartiles_url(apis, year, agregat, number);
        let answer = get(Source::Ofgl, &url, None)
            .await
            .and_then(|body| opendata::read_quartiles(&body));
        match answer {
            Ok(Some(answer)) => answers.push((indicator, answer)),
            Ok(None) => {}
            Err(e) => {
                warnings.push(e.message(lang));
                break;
            }
        }
    }
    let stats = opendata::strate_from(number, answers)?;
    Some(BTreeMap::from([(number.to_string(), stats)]))
}

/// Datasets of data.gouv.fr matching `words`, about `zone` when given.
pub async fn search(words: &str, zone: Option<&Zone>) -> Result<SearchPage, OpenDataError> {
    let apis = apis().await;
    let body = get(
        Source::Datagouv,
        &opendata::datagouv_search_url(&apis, words, zone),
        None,
    )
    .await?;
    opendata::read_search(&body)
}
