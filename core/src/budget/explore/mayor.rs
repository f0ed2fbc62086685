//! "Si j'étais maire": one game on paper, on screen and live. 100 tokens stand for the
//! year's real operating revenue; they are first laid as the commune actually used them,
//! by purpose (the budget's fonctions, in ten lines a room understands, with the interest
//! on debt and the money put aside for investment), and a group moves them under the
//! rules below. The printed token sheet ([`MayorBase::sheet_markdown`]), the budget
//! page's game and the live groups' step all use this model, so a group's sheet can be
//! typed into the app and compared at the projector.
//!
//! The rules, checked by [`MayorBase::evaluate`]:
//! 1. balance (law: art. L1612-4 CGCT): the tokens laid equal the tokens available, 100
//!    plus a tax rise minus an "unforeseen" card's lost revenue;
//! 2. the interest on debt is a compulsory expense (law: art. L2321-2 CGCT): its tokens
//!    do not move;
//! 3. the money put aside (autofinancement, the épargne brute) covers at least the capital
//!    repaid this year (law: art. L1612-4 CGCT, the capital is repaid from own
//!    resources);
//! 4. no spending line loses more than [`MAX_CUT`] tokens in a year (game rule: half the
//!    spending is the pay of staff in post);
//! 5. the tax rise is at most a tenth of what the local taxes bring (game rule);
//! 6. an unforeseen card, when drawn, is absorbed: its line gets the tokens it asks for.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::budget::explore::tree::family;
use crate::budget::nomenclature::{Category, Family};
use crate::budget::{Budget, Direction, Line, Section};
use crate::i18n::{format_number, tr, tr_args, Lang};

/// Tokens in the game: 1 token = 1 % of the year's operating revenue.
pub const TOKENS: u32 = 100;

/// Rule 4: a spending line loses at most this many tokens in a year.
pub const MAX_CUT: u32 = 3;

/// A line of the game, in the order of the sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Poste {
    /// Schools and out-of-school care (fonction 2).
    Ecole,
    /// General administration (fonction 0 but fêtes and associations).
    Administration,
    /// Roads, lighting, town planning, transport.
    Voirie,
    /// Sport and youth.
    Sport,
    /// Culture, fêtes and associations.
    Culture,
    /// Social action and the elderly.
    Social,
    /// Security (municipal police, the fire service's contribution).
    Securite,
    /// Environment and local economy.
    Environnement,
    /// Spending the file does not assign to a purpose.
    NonReparti,
    /// Interest on debt (rule 2).
    Interets,
    /// Money put aside for investment: the épargne brute (rule 3).
    Autofinancement,
}

/// Every line, in the order of the sheet.
pub const POSTES: [Poste; 11] = [
    Poste::Ecole,
    Poste::Administration,
    Poste::Voirie,
    Poste::Sport,
    Poste::Culture,
    Poste::Social,
    Poste::Securite,
    Poste::Environnement,
    Poste::NonReparti,
    Poste::Interets,
    Poste::Autofinancement,
];

impl Poste {
    /// Its code in files and on the wire (`ecole`, `non-reparti`, …).
    pub fn code(self) -> &'static str {
        match self {
            Poste::Ecole => "ecole",
            Poste::Administration => "administration",
            Poste::Voirie => "voirie",
            Poste::Sport => "sport",
            Poste::Culture => "culture",
            Poste::Social => "social",
            Poste::Securite => "securite",
            Poste::Environnement => "environnement",
            Poste::NonReparti => "non-reparti",
            Poste::Interets => "interets",
            Poste::Autofinancement => "autofinancement",
        }
    }

    /// Its name in the catalogue (`game-poste-ecole`); what it covers is under
    /// `game-poste-ecole-detail`.
    pub fn key(self) -> String {
        format!("game-poste-{}", self.code())
    }

    /// Whether it is spending a group may cut (rule 4): not the interest, which does not
    /// move, nor the money put aside, whose floor is rule 3.
    pub fn is_spending(self) -> bool {
        !matches!(self, Poste::Interets | Poste::Autofinancement)
    }
}

/// The line of a real operating expense, from its account and fonction.
pub fn poste(fam: Family, line: &Line) -> Poste {
    if line.compte.starts_with("66") {
        return Poste::Interets;
    }
    let Some(f) = line.fonction.as_deref().map(str::trim).filter(|f| !f.is_empty()) else {
        return Poste::NonReparti;
    };
    let starts = |p: &str| f.starts_with(p);
    if starts("024") || starts("025") {
        // Fêtes et cérémonies, aides aux associations: the same codes in M14 and M57.
        return Poste::Culture;
    }
    match (fam, f.as_bytes()[0]) {
        (_, b'0') => Poste::Administration,
        (_, b'1') => Poste::Securite,
        (_, b'2') => Poste::Ecole,
        (Family::M57, b'3') if starts("31") || starts("30") => Poste::Culture,
        (Family::M57, b'3') => Poste::Sport,
        (Family::M57, b'4') => Poste::Social,
        (Family::M57, b'5' | b'8') => Poste::Voirie,
        (Family::M57, b'6' | b'7') => Poste::Environnement,
        (Family::M14, b'3') => Poste::Culture,
        (Family::M14, b'4') => Poste::Sport,
        (Family::M14, b'5' | b'6') => Poste::Social,
        // M14 8: collecte (812), propreté (813), espaces verts (823), environnement (83).
        (Family::M14, b'8') if starts("812") || starts("813") || starts("823") || starts("83") => {
            Poste::Environnement
        }
        (Family::M14, b'7' | b'8') => Poste::Voirie,
        (Family::M14, b'9') => Poste::Environnement,
        _ => Poste::NonReparti,
    }
}

/// An unforeseen card, drawn half-way through (rule 6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Imprevu {
    /// A cold winter and dear energy: the heating of buildings costs 3 tokens more.
    Energie,
    /// The State lowers its grant: 2 tokens of revenue less.
    Dotation,
    /// A new class opens: the school needs 2 tokens more.
    Classe,
}

/// Every card, in the order of the sheet.
pub const IMPREVUS: [Imprevu; 3] = [Imprevu::Energie, Imprevu::Dotation, Imprevu::Classe];

impl Imprevu {
    /// Its code (`energie`, `dotation`, `classe`).
    pub fn code(self) -> &'static str {
        match self {
            Imprevu::Energie => "energie",
            Imprevu::Dotation => "dotation",
            Imprevu::Classe => "classe",
        }
    }

    /// Its title in the catalogue (`game-card-energie`); its text is under
    /// `game-card-energie-text`.
    pub fn key(self) -> String {
        format!("game-card-{}", self.code())
    }

    /// The line that must get more tokens, and how many.
    pub fn cost(self) -> Option<(Poste, u32)> {
        match self {
            Imprevu::Energie => Some((Poste::Administration, 3)),
            Imprevu::Classe => Some((Poste::Ecole, 2)),
            Imprevu::Dotation => None,
        }
    }

    /// Revenue lost, in tokens.
    pub fn lost(self) -> u32 {
        match self {
            Imprevu::Dotation => 2,
            _ => 0,
        }
    }
}

/// The actual budget as the starting point of the game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MayorBase {
    /// The year.
    pub exercice: i32,
    /// Population, when known.
    pub population: Option<u64>,
    /// Euros per token: the year's real operating revenue (or spending, when larger)
    /// divided by 100.
    pub jeton: f64,
    /// Each line's actual euros and tokens (tokens add up to [`TOKENS`]), in [`POSTES`]
    /// order; "non réparti" only when the file leaves spending without a purpose.
    pub postes: Vec<(Poste, f64, u32)>,
    /// Capital repaid this year, euros (rule 3).
    pub remboursement: f64,
    /// What the local taxes bring, euros (rule 5).
    pub impots_locaux: f64,
}

impl MayorBase {
    /// The starting point from a budget: its real operating spending by line, from its
    /// lines (a budget known only by totals is all "non réparti").
    pub fn from_budget(budget: &Budget) -> MayorBase {
        let indicators = budget.indicators();
        let fam = family(budget);
        let mut euros: BTreeMap<Poste, f64> = BTreeMap::new();
        let operating = |l: &&Line| {
            l.reel && l.direction == Direction::Depense && l.section() == Some(Section::Fonctionnement)
        };
        let mut detailed = 0.0;
        for line in budget.lines.iter().filter(operating) {
            let amount = budget.amount(line);
            detailed += amount;
            *euros.entry(poste(fam, line)).or_default() += amount;
        }
        let drf = indicators.depenses_reelles_fonctionnement;
        if drf - detailed > 0.5 {
            *euros.entry(Poste::NonReparti).or_default() += drf - detailed;
        }
        let spent: f64 = euros.values().sum();
        let rrf = indicators.recettes_reelles_fonctionnement;
        euros.insert(Poste::Autofinancement, (rrf - spent).max(0.0));
        let total = rrf.max(spent);
        let jeton = total / f64::from(TOKENS);
        let lines: Vec<(Poste, f64)> = POSTES
            .iter()
            .filter_map(|p| {
                let e = euros.get(p).copied().unwrap_or(0.0);
                (*p != Poste::NonReparti || e > 0.5).then_some((*p, e))
            })
            .collect();
        let tokens = largest_remainder(&lines.iter().map(|(_, e)| *e).collect::<Vec<_>>(), TOKENS);
        let impots_locaux = budget
            .by_category()
            .into_iter()
            .find(|(c, _)| *c == Category::ImpotsLocaux)
            .map_or(0.0, |(_, f)| f.recettes);
        MayorBase {
            exercice: budget.exercice,
            population: budget.collectivite.population.filter(|p| *p > 0),
            jeton,
            postes: lines
                .into_iter()
                .zip(tokens)
                .map(|((p, e), t)| (p, e, t))
                .collect(),
            remboursement: indicators.remboursement_emprunts.unwrap_or(0.0),
            impots_locaux,
        }
    }

    /// The outcome of the actual budget (no change).
    pub fn actual(&self) -> Outcome {
        self.evaluate(&MayorChoices::actual(self))
    }

    /// The actual tokens of a line (0 when the budget has none).
    pub fn reel(&self, poste: Poste) -> u32 {
        self.postes
            .iter()
            .find(|(p, ..)| *p == poste)
            .map_or(0, |(.., t)| *t)
    }

    /// Rule 3: the fewest tokens put aside, those of the capital repaid (rounded up).
    pub fn autofinancement_min(&self) -> u32 {
        if self.jeton <= 0.0 {
            return 0;
        }
        // Up to a cent below a whole number of tokens counts as that number.
        let tokens = ((self.remboursement / self.jeton - 1e-6).ceil().max(0.0) as u32).min(TOKENS);
        // A commune whose savings cover its repayments keeps a floor its actual
        // budget meets, whatever the rounding of its tokens.
        let (actual_euros, actual) = self
            .postes
            .iter()
            .find(|(p, ..)| *p == Poste::Autofinancement)
            .map_or((0.0, 0), |(_, e, t)| (*e, *t));
        if actual_euros + 0.5 >= self.remboursement {
            tokens.min(actual)
        } else {
            tokens
        }
    }

    /// Rule 5: the most tokens a tax rise may bring, a tenth of the local taxes.
    pub fn impot_max(&self) -> u32 {
        if self.jeton <= 0.0 {
            return 0;
        }
        ((self.impots_locaux / 10.0 / self.jeton).floor().max(0.0) as u32).min(TOKENS)
    }

    /// Euros per inhabitant and per year of one token, when the population is known.
    pub fn jeton_par_habitant(&self) -> Option<f64> {
        self.population.map(|p| self.jeton / p as f64)
    }

    /// What a set of choices gives, and which rules it breaks.
    pub fn evaluate(&self, choices: &MayorChoices) -> Outcome {
        let jetons: Vec<(Poste, u32)> = self
            .postes
            .iter()
            .map(|(p, _, reel)| (*p, choices.jetons.get(p).copied().unwrap_or(*reel).min(1000)))
            .collect();
        let get = |poste: Poste| jetons.iter().find(|(p, _)| *p == poste).map_or(0, |(_, t)| *t);
        let poses: u32 = jetons.iter().map(|(_, t)| t).sum();
        let impot = choices.impot.min(1000);
        let lost = choices.imprevu.map_or(0, Imprevu::lost);
        let disponibles = (TOKENS + impot).saturating_sub(lost);
        let mut problems = Vec::new();
        if poses != disponibles {
            problems.push(Problem::Equilibre {
                ecart: i64::from(poses) - i64::from(disponibles),
            });
        }
        if get(Poste::Interets) != self.reel(Poste::Interets) {
            problems.push(Problem::Interets {
                jetons: self.reel(Poste::Interets),
            });
        }
        let min = self.autofinancement_min();
        if get(Poste::Autofinancement) < min {
            problems.push(Problem::Autofinancement { min });
        }
        for (poste, _, reel) in &self.postes {
            if poste.is_spending() && get(*poste) + MAX_CUT < *reel {
                problems.push(Problem::Baisse {
                    poste: *poste,
                    jetons: reel - get(*poste),
                });
            }
        }
        if impot > self.impot_max() {
            problems.push(Problem::Impot {
                max: self.impot_max(),
            });
        }
        if let Some((poste, cost)) = choices.imprevu.and_then(Imprevu::cost) {
            let needed = self.reel(poste) + cost;
            if get(poste) < needed {
                problems.push(Problem::Imprevu {
                    poste,
                    manque: needed - get(poste),
                });
            }
        }
        Outcome {
            jetons,
            impot,
            disponibles,
            poses,
            problems,
        }
    }

    /// The token sheet a group fills in, in Markdown: what a token is worth, each line
    /// with its actual tokens and an empty column, the tax rise, the card and the
    /// priority. The pack's example sheet prints it for the demo commune (a test keeps
    /// them the same); the budget page prints it for any commune.
    pub fn sheet_markdown(&self, commune: &str, lang: Lang) -> String {
        let year = self.exercice.to_string();
        let money = |v: f64| format!("{}\u{a0}€", format_number(lang, v.round(), 0));
        let total = money(self.jeton * f64::from(TOKENS));
        let token = money((self.jeton / 100.0).round() * 100.0);
        let intro = match self.jeton_par_habitant() {
            Some(per) => tr_args(
                lang,
                "game-sheet-intro-per",
                &[
                    ("commune", commune.into()),
                    ("year", year.as_str().into()),
                    ("amount", total.as_str().into()),
                    ("token", token.as_str().into()),
                    (
                        "per",
                        format!("{}\u{a0}€", format_number(lang, per, 2)).as_str().into(),
                    ),
                ],
            ),
            None => tr_args(
                lang,
                "game-sheet-intro",
                &[
                    ("commune", commune.into()),
                    ("year", year.as_str().into()),
                    ("amount", total.as_str().into()),
                    ("token", token.as_str().into()),
                ],
            ),
        };
        let mut out = format!(
            "{intro}\n\n| {} | {} | {} |\n|---|---|---|\n",
            tr(lang, "game-sheet-poste"),
            tr_args(lang, "game-sheet-reel", &[("year", year.as_str().into())]),
            tr(lang, "game-sheet-choix"),
        );
        for (poste, _, tokens) in &self.postes {
            let key = poste.key();
            let fixed = if *poste == Poste::Interets {
                tokens.to_string()
            } else {
                String::new()
            };
            out.push_str(&format!(
                "| {} ({}) | {tokens} | {fixed} |\n",
                tr(lang, &key),
                tr(lang, &format!("{key}-detail")),
            ));
        }
        out.push_str(&format!(
            "| **{}** | **{TOKENS}** | **{}** |\n\n",
            tr(lang, "game-sheet-total"),
            tr(lang, "game-sheet-total-choix"),
        ));
        for line in [
            tr_args(lang, "game-sheet-impot", &[("max", self.impot_max().into())]),
            tr(lang, "game-sheet-imprevu"),
            tr(lang, "game-sheet-priorite"),
        ] {
            out.push_str(&line);
            out.push_str("\n\n");
        }
        out.trim_end().to_owned() + "\n"
    }

    /// The rules with this commune's figures, one sentence each, in order.
    pub fn rules(&self, lang: Lang) -> Vec<String> {
        let money = |v: f64| format!("{}\u{a0}€", format_number(lang, v.round(), 0));
        let impot = match self.jeton_par_habitant() {
            Some(per) => tr_args(
                lang,
                "game-rule-impot-per",
                &[
                    ("max", self.impot_max().into()),
                    (
                        "per",
                        format!("{}\u{a0}€", format_number(lang, per, 2)).as_str().into(),
                    ),
                ],
            ),
            None => tr_args(lang, "game-rule-impot", &[("max", self.impot_max().into())]),
        };
        vec![
            tr_args(lang, "game-rule-equilibre", &[("tokens", TOKENS.into())]),
            tr_args(
                lang,
                "game-rule-interets",
                &[("tokens", self.reel(Poste::Interets).into())],
            ),
            tr_args(
                lang,
                "game-rule-autofinancement",
                &[
                    ("min", self.autofinancement_min().into()),
                    ("amount", money(self.remboursement).as_str().into()),
                ],
            ),
            tr_args(lang, "game-rule-baisse", &[("max", MAX_CUT.into())]),
            impot,
            tr(lang, "game-rule-imprevu"),
            tr(lang, "game-rule-priorite"),
        ]
    }

    /// The rules as a numbered Markdown list (the pack's tool sheet prints them).
    pub fn rules_markdown(&self, lang: Lang) -> String {
        self.rules(lang)
            .iter()
            .enumerate()
            .map(|(i, r)| format!("{}. {r}\n", i + 1))
            .collect()
    }
}

/// The unforeseen cards as a Markdown list (title in bold, then the text).
pub fn cards_markdown(lang: Lang) -> String {
    IMPREVUS
        .iter()
        .map(|c| {
            let key = c.key();
            format!(
                "- **{}** : {}\n",
                tr(lang, &key),
                tr(lang, &format!("{key}-text"))
            )
        })
        .collect()
}

/// Rounds `values` to whole numbers adding up to `total`, proportionally (largest
/// remainder method; ties go to the earlier value). All zero when the values add up to
/// nothing.
pub fn largest_remainder(values: &[f64], total: u32) -> Vec<u32> {
    let sum: f64 = values.iter().map(|v| v.max(0.0)).sum();
    if sum <= 0.0 || values.is_empty() {
        return vec![0; values.len()];
    }
    let exact: Vec<f64> = values
        .iter()
        .map(|v| v.max(0.0) * f64::from(total) / sum)
        .collect();
    let mut out: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
    let given: u32 = out.iter().sum();
    let mut order: Vec<usize> = (0..values.len()).collect();
    crate::sorting::sort_by(&mut order, |a, b| {
        (exact[*b] - exact[*b].floor())
            .total_cmp(&(exact[*a] - exact[*a].floor()))
            .then(a.cmp(b))
    });
    for i in order.into_iter().take(total.saturating_sub(given) as usize) {
        out[i] += 1;
    }
    out
}

/// A group's choices: tokens by line (a line left out keeps its actual tokens), the tax
/// rise in tokens and the unforeseen card drawn.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MayorChoices {
    /// Tokens by line.
    #[serde(default)]
    pub jetons: BTreeMap<Poste, u32>,
    /// Tax rise, tokens.
    #[serde(default)]
    pub impot: u32,
    /// The card drawn, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imprevu: Option<Imprevu>,
}

impl MayorChoices {
    /// The choices that reproduce the actual budget.
    pub fn actual(base: &MayorBase) -> MayorChoices {
        MayorChoices {
            jetons: base.postes.iter().map(|(p, _, t)| (*p, *t)).collect(),
            ..MayorChoices::default()
        }
    }
}

/// A broken rule of "Si j'étais maire".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Rule 1: tokens laid minus tokens available (positive: too many laid).
    Equilibre {
        /// The difference.
        ecart: i64,
    },
    /// Rule 2: the interest moved; it stays at this many tokens.
    Interets {
        /// The actual tokens.
        jetons: u32,
    },
    /// Rule 3: less put aside than the capital repaid.
    Autofinancement {
        /// The floor, tokens.
        min: u32,
    },
    /// Rule 4: a line lost more than [`MAX_CUT`] tokens.
    Baisse {
        /// The line.
        poste: Poste,
        /// Tokens it lost.
        jetons: u32,
    },
    /// Rule 5: the tax rise is above its ceiling.
    Impot {
        /// The ceiling, tokens.
        max: u32,
    },
    /// Rule 6: the card's line did not get its tokens.
    Imprevu {
        /// The line.
        poste: Poste,
        /// Tokens missing.
        manque: u32,
    },
}

impl Problem {
    /// The rule's code (`equilibre`, `interets`, `autofinancement`, `baisse`, `impot`,
    /// `imprevu`), for the projector and exports.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Equilibre { .. } => "equilibre",
            Problem::Interets { .. } => "interets",
            Problem::Autofinancement { .. } => "autofinancement",
            Problem::Baisse { .. } => "baisse",
            Problem::Impot { .. } => "impot",
            Problem::Imprevu { .. } => "imprevu",
        }
    }

    /// What is wrong, in a sentence.
    pub fn message(&self, lang: Lang) -> String {
        let name = |p: &Poste| tr(lang, &p.key());
        match self {
            Problem::Equilibre { ecart } if *ecart > 0 => {
                tr_args(lang, "game-problem-equilibre-over", &[("count", (*ecart).into())])
            }
            Problem::Equilibre { ecart } => tr_args(
                lang,
                "game-problem-equilibre-under",
                &[("count", (ecart.unsigned_abs() as f64).into())],
            ),
            Problem::Interets { jetons } => {
                tr_args(lang, "game-problem-interets", &[("tokens", (*jetons).into())])
            }
            Problem::Autofinancement { min } => {
                tr_args(lang, "game-problem-autofinancement", &[("min", (*min).into())])
            }
            Problem::Baisse { poste, jetons } => tr_args(
                lang,
                "game-problem-baisse",
                &[
                    ("poste", name(poste).as_str().into()),
                    ("tokens", (*jetons).into()),
                    ("max", MAX_CUT.into()),
                ],
            ),
            Problem::Impot { max } => tr_args(lang, "game-problem-impot", &[("max", (*max).into())]),
            Problem::Imprevu { poste, manque } => tr_args(
                lang,
                "game-problem-imprevu",
                &[
                    ("poste", name(poste).as_str().into()),
                    ("tokens", (*manque).into()),
                ],
            ),
        }
    }
}

/// The result of a set of choices.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Tokens by line, in the base's order.
    pub jetons: Vec<(Poste, u32)>,
    /// Tax rise, tokens.
    pub impot: u32,
    /// Tokens available: 100, plus the tax rise, minus a card's lost revenue.
    pub disponibles: u32,
    /// Tokens laid.
    pub poses: u32,
    /// Broken rules; empty when the budget holds.
    pub problems: Vec<Problem>,
}

/// An amount in euros as typed: digits, with spaces between thousands, an optional
/// decimal comma or point (two decimals at most) and an optional "€"; `None` for
/// anything else (letters, signs, several separators), which is refused rather than
/// read as zero. At most 10¹² €.
pub fn parse_euros(text: &str) -> Option<f64> {
    let text = text.trim().trim_end_matches('€');
    let kept: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let (units, decimals) = kept.split_once('.').unwrap_or((&kept, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if units.is_empty() || !digits(units) || !digits(decimals) || decimals.len() > 2 {
        return None;
    }
    kept.parse::<f64>().ok().filter(|v| *v <= 1e12)
}

#[cfg(test)]
mod tests;
