//! "Si j'étais maire": a group re-allocates the loaded commune's spending with sliders,
//! under the real constraints (each section balanced, the capital repaid covered by
//! savings, a limit on new loans), sees at once what breaks, and saves its proposal;
//! the facilitator shows every group beside the actual budget. Proposals stay on the
//! device (local storage), per commune and year.

use std::rc::Rc;

use briques_core::budget::explore::{
    MayorBase, MayorChoices, Outcome, Problem, MAYOR_CATEGORIES, MAYOR_RANGE,
};
use briques_core::i18n::{format_number, Lang};
use briques_core::site::STORAGE_MAYOR_GROUPS;
use serde::{Deserialize, Serialize};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::euros;
use super::glossary::Term;
use crate::hooks::{use_settings, SettingsHandle};
use crate::services::storage;

/// A change a slider makes to the choices.
type Edit = dyn Fn(&mut MayorChoices, i32);

/// A group's saved proposal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// The group's name.
    pub group: String,
    /// Commune and year the proposal is about.
    pub commune: String,
    /// Exercice.
    pub exercice: i32,
    /// The choices.
    pub choices: MayorChoices,
}

fn load_proposals() -> Vec<Proposal> {
    storage::read(STORAGE_MAYOR_GROUPS)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn save_proposals(proposals: &[Proposal]) -> Result<(), storage::SaveError> {
    storage::save_json(STORAGE_MAYOR_GROUPS, proposals)
}

fn problem_text(settings: &SettingsHandle, lang: Lang, problem: &Problem) -> String {
    let (key, amount) = match problem {
        Problem::FonctionnementDesequilibre { manque } => ("mayor-problem-fonctionnement", manque),
        Problem::RemboursementNonCouvert { manque } => ("mayor-problem-remboursement", manque),
        Problem::InvestissementNonFinance { manque } => ("mayor-problem-investissement", manque),
        Problem::EmpruntTropEleve { limite } => ("mayor-problem-emprunt", limite),
    };
    settings.t_args(key, &[("amount", euros(lang, *amount).as_str().into())])
}

fn years(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format_number(lang, v, 1))
}

/// Props of [`Mayor`].
#[derive(Properties, PartialEq)]
pub struct MayorProps {
    /// The starting point (the actual budget).
    pub base: Rc<MayorBase>,
    /// Commune name.
    pub commune: AttrValue,
    /// Exercice.
    pub exercice: i32,
}

fn slider(settings: &SettingsHandle, id: &str, label: String, value: i32, on_change: Callback<i32>) -> Html {
    let oninput = Callback::from(move |event: InputEvent| {
        if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
            if let Ok(v) = input.value().parse::<i32>() {
                on_change.emit(v.clamp(-MAYOR_RANGE, MAYOR_RANGE));
            }
        }
    });
    let shown = format!("{value:+}\u{a0}%");
    html! {
        <div class="mayor-slider">
            <label for={id.to_owned()}>{ label }</label>
            <input id={id.to_owned()} type="range" min={(-MAYOR_RANGE).to_string()} max={MAYOR_RANGE.to_string()}
                step="1" value={value.to_string()} {oninput}
                aria-valuetext={settings.t_args("mayor-change-valuetext", &[("value", shown.as_str().into())])} />
            <output for={id.to_owned()}>{ shown }</output>
        </div>
    }
}

/// The "Si j'étais maire" game.
#[function_component]
pub fn Mayor(props: &MayorProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let base = props.base.clone();
    let choices = use_state(|| MayorChoices::actual(&base));
    let proposals = use_state(load_proposals);
    let group = use_state(String::new);
    let notice = use_state(String::new);
    {
        // A new commune or year starts from its actual budget.
        let choices = choices.clone();
        use_effect_with(props.base.clone(), move |base| {
            choices.set(MayorChoices::actual(base));
        });
    }
    let outcome: Outcome = props.base.evaluate(&choices);
    let actual = props.base.actual();

    let set = |edit: Rc<Edit>| {
        let choices = choices.clone();
        Callback::from(move |v: i32| {
            let mut next = (*choices).clone();
            edit(&mut next, v);
            choices.set(next);
        })
    };
    let sliders = MAYOR_CATEGORIES.iter().map(|category| {
        let c = *category;
        let value = choices.changes.get(&c).copied().unwrap_or(0);
        let on_change = set(Rc::new(move |ch: &mut MayorChoices, v| {
            ch.changes.insert(c, v);
        }));
        let amount = outcome
            .depenses
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(0.0, |(_, a)| *a);
        html! {
            <li>
                { slider(&settings, &format!("maire-{}", c.key()), settings.t(c.key()), value, on_change) }
                <p class="mayor-amount">{ euros(lang, amount) }</p>
            </li>
        }
    });
    let on_impots = set(Rc::new(|ch: &mut MayorChoices, v| ch.impots = v));
    let on_equipement = set(Rc::new(|ch: &mut MayorChoices, v| ch.equipement = v));
    let on_emprunt = {
        let choices = choices.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                let text: String = input.value().chars().filter(|c| c.is_ascii_digit()).collect();
                let mut next = (*choices).clone();
                next.emprunt = text.parse::<f64>().unwrap_or(0.0).min(1e12);
                choices.set(next);
            }
        })
    };
    let on_reset = {
        let choices = choices.clone();
        let base = props.base.clone();
        Callback::from(move |_: MouseEvent| choices.set(MayorChoices::actual(&base)))
    };
    let on_group = {
        let group = group.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                group.set(input.value());
            }
        })
    };
    let on_save = {
        let proposals = proposals.clone();
        let group = group.clone();
        let choices = choices.clone();
        let notice = notice.clone();
        let settings = settings.clone();
        let commune = props.commune.to_string();
        let exercice = props.exercice;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let name = group.trim().to_owned();
            if name.is_empty() {
                notice.set(settings.t("mayor-group-missing"));
                return;
            }
            let mut list = (*proposals).clone();
            list.retain(|p| !(p.group == name && p.commune == commune && p.exercice == exercice));
            list.push(Proposal {
                group: name.chars().take(60).collect(),
                commune: commune.clone(),
                exercice,
                choices: (*choices).clone(),
            });
            // Shown either way: a proposal that could not be saved stays on screen.
            let saved = save_proposals(&list);
            proposals.set(list);
            notice.set(match saved {
                Ok(()) => settings.t_args("mayor-group-saved", &[("group", name.as_str().into())]),
                Err(error) => settings.t_args(
                    "mayor-group-not-saved",
                    &[
                        ("group", name.as_str().into()),
                        ("reason", settings.t(error.message_key()).as_str().into()),
                    ],
                ),
            });
        })
    };
    let mine: Vec<Proposal> = proposals
        .iter()
        .filter(|p| p.commune == props.commune.as_str() && p.exercice == props.exercice)
        .cloned()
        .collect();
    let on_clear = {
        let proposals = proposals.clone();
        let notice = notice.clone();
        let commune = props.commune.to_string();
        let exercice = props.exercice;
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| {
            let confirmed = gloo::utils::window()
                .confirm_with_message(&settings.t("mayor-clear-confirm"))
                .unwrap_or(false);
            if confirmed {
                let mut list = (*proposals).clone();
                list.retain(|p| !(p.commune == commune && p.exercice == exercice));
                // Cleared on screen either way; the stored list may still hold them.
                if let Err(error) = save_proposals(&list) {
                    notice.set(settings.t(error.message_key()));
                }
                proposals.set(list);
            }
        })
    };

    let status = if outcome.problems.is_empty() {
        html! { <p class="mayor-ok">{ settings.t("mayor-balanced") }</p> }
    } else {
        html! {
            <ul class="mayor-problems">
                { for outcome.problems.iter().map(|p| html! { <li>{ problem_text(&settings, lang, p) }</li> }) }
            </ul>
        }
    };
    let outcomes: Vec<(String, Outcome, Option<&MayorChoices>)> =
        std::iter::once((settings.t("mayor-actual"), actual.clone(), None))
            .chain(
                mine.iter()
                    .map(|p| (p.group.clone(), props.base.evaluate(&p.choices), Some(&p.choices))),
            )
            .collect();
    let pct = |c: Option<&MayorChoices>, get: &dyn Fn(&MayorChoices) -> i32| {
        c.map_or_else(|| "—".to_owned(), |c| format!("{:+}\u{a0}%", get(c)))
    };
    let rows: Vec<(String, Vec<String>)> = {
        let mut rows: Vec<(String, Vec<String>)> = MAYOR_CATEGORIES
            .iter()
            .map(|category| {
                (
                    settings.t(category.key()),
                    outcomes
                        .iter()
                        .map(|(_, o, c)| {
                            let amount = o
                                .depenses
                                .iter()
                                .find(|(k, _)| k == category)
                                .map_or(0.0, |(_, a)| *a);
                            let change = pct(*c, &|c| c.changes.get(category).copied().unwrap_or(0));
                            format!("{} ({change})", euros(lang, amount))
                        })
                        .collect(),
                )
            })
            .collect();
        rows.push((
            settings.t("category-impots-locaux"),
            outcomes.iter().map(|(_, _, c)| pct(*c, &|c| c.impots)).collect(),
        ));
        rows.push((
            settings.t("category-equipement"),
            outcomes
                .iter()
                .map(|(_, o, _)| euros(lang, o.equipement))
                .collect(),
        ));
        rows.push((
            settings.t("category-emprunts"),
            outcomes.iter().map(|(_, o, _)| euros(lang, o.emprunt)).collect(),
        ));
        rows.push((
            settings.t("indicator-epargne-brute"),
            outcomes
                .iter()
                .map(|(_, o, _)| euros(lang, o.epargne_brute))
                .collect(),
        ));
        rows.push((
            settings.t("indicator-epargne-nette"),
            outcomes
                .iter()
                .map(|(_, o, _)| euros(lang, o.epargne_nette))
                .collect(),
        ));
        rows.push((
            settings.t("indicator-desendettement"),
            outcomes
                .iter()
                .map(|(_, o, _)| years(lang, o.capacite_desendettement))
                .collect(),
        ));
        rows.push((
            settings.t("mayor-rules"),
            outcomes
                .iter()
                .map(|(_, o, _)| {
                    if o.problems.is_empty() {
                        settings.t("mayor-rules-ok")
                    } else {
                        settings.t_args("mayor-rules-broken", &[("count", o.problems.len().into())])
                    }
                })
                .collect(),
        ));
        rows
    };

    html! {
        <section class="mayor" aria-labelledby="maire-titre">
            <h2 id="maire-titre">{ settings.t("mayor-title") }</h2>
            <p>{ settings.t_args("mayor-intro", &[("commune", props.commune.as_str().into()), ("year", props.exercice.to_string().as_str().into())]) }</p>
            <details class="mayor-rules-help">
                <summary>{ settings.t("mayor-rules-title") }</summary>
                <ul>
                    <li>{ settings.t("mayor-rule-1") }{" "}<Term id="section-fonctionnement" /></li>
                    <li>{ settings.t("mayor-rule-2") }{" "}<Term id="epargne-nette" /></li>
                    <li>{ settings.t("mayor-rule-3") }{" "}<Term id="section-investissement" /></li>
                    <li>{ settings.t("mayor-rule-4") }{" "}<Term id="capacite-desendettement" /></li>
                </ul>
            </details>
            <div class="mayor-grid">
                <fieldset>
                    <legend>{ settings.t("mayor-spending") }</legend>
                    <ul class="mayor-list">{ for sliders }</ul>
                    <p class="mayor-fixed">{ settings.t_args("mayor-interest-fixed", &[("amount", euros(lang, props.base.interets).as_str().into())]) }</p>
                </fieldset>
                <fieldset>
                    <legend>{ settings.t("mayor-levers") }</legend>
                    { slider(&settings, "maire-impots", settings.t("mayor-taxes"), choices.impots, on_impots) }
                    { slider(&settings, "maire-equipement", settings.t("mayor-equipment"), choices.equipement, on_equipement) }
                    <p class="mayor-amount">{ euros(lang, outcome.equipement) }</p>
                    <div class="field">
                        <label for="maire-emprunt">{ settings.t("mayor-loan") }</label>
                        <input id="maire-emprunt" type="text" inputmode="numeric"
                            value={format!("{:.0}", choices.emprunt)} oninput={on_emprunt}
                            aria-describedby="maire-emprunt-aide" />
                        <p id="maire-emprunt-aide" class="hint">
                            { settings.t_args("mayor-loan-limit", &[("amount", euros(lang, outcome.limite_emprunt).as_str().into())]) }
                        </p>
                    </div>
                    <button type="button" onclick={on_reset}>{ settings.t("mayor-reset") }</button>
                </fieldset>
            </div>
            <div class="mayor-outcome" role="status" aria-live="polite">
                <h3>{ settings.t("mayor-outcome") }</h3>
                <dl class="mayor-figures">
                    <div><dt><Term id="epargne-brute" /></dt><dd>{ euros(lang, outcome.epargne_brute) }</dd></div>
                    <div><dt><Term id="epargne-nette" /></dt><dd>{ euros(lang, outcome.epargne_nette) }</dd></div>
                    <div><dt>{ settings.t("mayor-left") }</dt><dd>{ euros(lang, outcome.fonds_de_roulement) }</dd></div>
                    <div><dt><Term id="capacite-desendettement" /></dt><dd>{ years(lang, outcome.capacite_desendettement) }</dd></div>
                </dl>
                { status }
            </div>
            <form class="mayor-save" onsubmit={on_save}>
                <label for="maire-groupe">{ settings.t("mayor-group") }</label>
                <input id="maire-groupe" type="text" maxlength="60" value={(*group).clone()} oninput={on_group} />
                <button type="submit">{ settings.t("mayor-save") }</button>
                <p class="notice" role="status">{ (*notice).clone() }</p>
            </form>
            <h3 id="maire-comparaison">{ settings.t("mayor-compare") }</h3>
            if mine.is_empty() {
                <p>{ settings.t("mayor-compare-empty") }</p>
            } else {
                <div class="table-scroll">
                    <table class="mayor-table" aria-labelledby="maire-comparaison">
                        <thead><tr>
                            <th scope="col">{ settings.t("mayor-line") }</th>
                            { for outcomes.iter().map(|(name, ..)| html! { <th scope="col">{ name.clone() }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for rows.into_iter().map(|(label, cells)| html! {
                                <tr><th scope="row">{ label }</th>{ for cells.into_iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <button type="button" onclick={on_clear}>{ settings.t("mayor-clear") }</button>
            }
        </section>
    }
}
