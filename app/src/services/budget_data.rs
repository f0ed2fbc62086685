//! Where the budget explorer's budgets come from: the demo commune shipped in
//! `/demo/` (cached by the service worker, so it works offline), a file read on the
//! device, or the national files served by `briques serve --budgets` (`/api/budgets/…`).
//! Every failure is a message for the user, never a panic.

use std::collections::BTreeMap;
use std::rc::Rc;

use briques_core::budget::explore::Strate;
use briques_core::budget::{import, Budget, BudgetKind, DgfipOptions};
use briques_core::i18n::Lang;
use serde::Deserialize;

use crate::services::api;

/// Budgets of one commune, ready to explore.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The commune's name as the files give it.
    pub name: String,
    /// One budget per year, oldest first.
    pub budgets: Vec<Budget>,
    /// Statistics of communes of the same size, by strate number, when served.
    pub strates: Option<BTreeMap<String, Strate>>,
    /// What the import noticed (already in the user's language where it could be).
    pub warnings: Vec<String>,
    /// Every budget of an imported file, when it holds several collectivités.
    pub file_budgets: Rc<Vec<Budget>>,
    /// The collectivités of an imported file, in file order (empty otherwise).
    pub collectivites: Vec<String>,
}

impl Loaded {
    /// The budget of `year`, or the latest.
    pub fn budget(&self, year: Option<i32>) -> Option<&Budget> {
        year.and_then(|y| self.budgets.iter().find(|b| b.exercice == y))
            .or_else(|| self.budgets.last())
    }
}

/// One commune of the national index.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct IndexEntry {
    /// INSEE code.
    pub insee: String,
    /// Name.
    pub nom: String,
    /// Population when known.
    #[serde(default)]
    pub population: Option<u64>,
    /// Exercice of the prepared budget.
    pub exercice: i32,
}

#[derive(Deserialize)]
struct DemoFile {
    exercice: i32,
    fichier: String,
    population: Option<u64>,
}

#[derive(Deserialize)]
struct DemoManifest {
    nom: String,
    budgets: Vec<DemoFile>,
}

async fn get(url: &str) -> Result<String, String> {
    let reply = api::send("GET", url, &[], None).await?;
    if reply.ok() {
        Ok(reply.text)
    } else {
        Err(format!("{url} : {} {}", reply.status, reply.error_message()))
    }
}

/// Keeps the main budgets of one collectivité (the first when `name` is `None`), one per
/// year (the latest document of a year wins), oldest first; also says how many budgets
/// of the file are left out.
pub fn arrange(mut budgets: Vec<Budget>, name: Option<&str>) -> (String, Vec<Budget>, usize) {
    let name = name
        .map(str::to_owned)
        .or_else(|| {
            budgets
                .iter()
                .find(|b| b.budget_kind == BudgetKind::Principal)
                .or(budgets.first())
                .map(|b| b.collectivite.nom.clone())
        })
        .unwrap_or_default();
    let total = budgets.len();
    budgets.retain(|b| b.collectivite.nom == name);
    if budgets.iter().any(|b| b.budget_kind == BudgetKind::Principal) {
        budgets.retain(|b| b.budget_kind == BudgetKind::Principal);
    }
    budgets.sort_by_key(|b| b.exercice);
    budgets.dedup_by(|later, earlier| {
        let same = later.exercice == earlier.exercice;
        if same {
            std::mem::swap(later, earlier);
        }
        same
    });
    let left_out = total - budgets.len();
    (name, budgets, left_out)
}

/// The collectivités of a file, in order of first appearance.
fn collectivites(budgets: &[Budget]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for budget in budgets {
        if !names.contains(&budget.collectivite.nom) {
            names.push(budget.collectivite.nom.clone());
        }
    }
    names
}

/// Another collectivité of the same imported file.
pub fn choose(loaded: &Loaded, name: &str) -> Loaded {
    let (name, budgets, _) = arrange(loaded.file_budgets.to_vec(), Some(name));
    Loaded {
        name,
        budgets,
        ..loaded.clone()
    }
}

/// The demo commune, every year.
pub async fn demo(lang: Lang) -> Result<Loaded, String> {
    let manifest: DemoManifest =
        serde_json::from_str(&get("/demo/briqueville.json").await?).map_err(|e| e.to_string())?;
    let mut budgets = Vec::new();
    for file in manifest.budgets {
        let text = get(&format!("/demo/{}", file.fichier)).await?;
        let imported =
            import(text.as_bytes(), None, &DgfipOptions::default()).map_err(|e| e.message(lang))?;
        for mut budget in imported.budgets {
            budget.exercice = file.exercice;
            budget.collectivite.population = file.population;
            budget.collectivite.nom = manifest.nom.clone();
            budgets.push(budget);
        }
    }
    let (name, budgets, _) = arrange(budgets, None);
    Ok(Loaded {
        name,
        budgets,
        strates: None,
        warnings: Vec::new(),
        file_budgets: Rc::default(),
        collectivites: Vec::new(),
    })
}

/// Whether the server has national files (`briques serve --budgets`).
pub async fn national_available() -> bool {
    match api::send("GET", "/api/budgets/statut", &[], None).await {
        Ok(reply) if reply.ok() => serde_json::from_str::<serde_json::Value>(&reply.text)
            .ok()
            .and_then(|v| v["communes"].as_u64())
            .is_some_and(|n| n > 0),
        _ => false,
    }
}

/// Communes of the national index matching `query` (name or INSEE code).
pub async fn search(query: &str) -> Result<Vec<IndexEntry>, String> {
    let encoded: String = js_sys::encode_uri_component(query).into();
    serde_json::from_str(&get(&format!("/api/budgets/recherche?q={encoded}")).await?)
        .map_err(|e| e.to_string())
}

/// A commune of the national files, with the strate statistics.
pub async fn national(insee: &str) -> Result<Loaded, String> {
    let encoded: String = js_sys::encode_uri_component(insee).into();
    let budget: Budget = serde_json::from_str(&get(&format!("/api/budgets/communes/{encoded}")).await?)
        .map_err(|e| e.to_string())?;
    let strates = match get("/api/budgets/strates").await {
        Ok(text) => serde_json::from_str(&text).ok(),
        Err(_) => None,
    };
    let (name, budgets, _) = arrange(vec![budget], None);
    Ok(Loaded {
        name,
        budgets,
        strates,
        warnings: Vec::new(),
        file_budgets: Rc::default(),
        collectivites: Vec::new(),
    })
}

/// A file read on the device, in any format the core reads.
pub fn from_file(bytes: &[u8], lang: Lang) -> Result<(Loaded, usize), String> {
    let imported = import(bytes, None, &DgfipOptions::default()).map_err(|e| e.message(lang))?;
    let warnings = imported.warnings.iter().map(|w| w.message(lang)).collect();
    let names = collectivites(&imported.budgets);
    let file_budgets = if names.len() > 1 {
        Rc::new(imported.budgets.clone())
    } else {
        Rc::default()
    };
    let (name, budgets, left_out) = arrange(imported.budgets, None);
    Ok((
        Loaded {
            name,
            budgets,
            strates: None,
            warnings,
            collectivites: if names.len() > 1 { names } else { Vec::new() },
            file_budgets,
        },
        left_out,
    ))
}
