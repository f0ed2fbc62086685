//! "Si j'étais maire": a group re-allocates the loaded commune's spending with sliders,
//! under the real constraints (each section balanced, the capital repaid covered by
//! savings, a limit on new loans), sees at once what breaks, and saves its proposal;
//! the facilitator shows every group beside the actual budget. Proposals stay on the
//! device (local storage, `services::mayor_store`), per commune and year; the game's
//! state and the comparison table are `state::mayor`.

use std::rc::Rc;

use briques_core::budget::explore::{MayorBase, Problem, MAYOR_CATEGORIES, MAYOR_RANGE};
use briques_core::i18n::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::euros;
use super::glossary::Term;
use crate::hooks::{use_settings, SettingsHandle};
use crate::services::{dialog, mayor_store};
use crate::state::mayor::{
    change, comparison, loan_shown, spent, years, MayorAction, MayorState, GROUP_MAX_CHARS,
};

fn problem_text(settings: &SettingsHandle, lang: Lang, problem: &Problem) -> String {
    let (key, amount) = match problem {
        Problem::FonctionnementDesequilibre { manque } => ("mayor-problem-fonctionnement", manque),
        Problem::RemboursementNonCouvert { manque } => ("mayor-problem-remboursement", manque),
        Problem::InvestissementNonFinance { manque } => ("mayor-problem-investissement", manque),
        Problem::EmpruntTropEleve { limite } => ("mayor-problem-emprunt", limite),
    };
    settings.t_args(key, &[("amount", euros(lang, *amount).as_str().into())])
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

/// A slider of −30 % to +30 % of the actual amount.
fn slider(settings: &SettingsHandle, id: &str, label: String, value: i32, on_change: Callback<i32>) -> Html {
    let oninput = Callback::from(move |event: InputEvent| {
        if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
            if let Ok(v) = input.value().parse::<i32>() {
                on_change.emit(v);
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
    let state = {
        let base = props.base.clone();
        use_reducer(move || MayorState::new(&base, mayor_store::load()))
    };
    let on_action = state.dispatcher().to_callback();
    // A new commune or year starts from its actual budget.
    use_effect_with(props.base.clone(), {
        let on_action = on_action.clone();
        move |base| on_action.emit(MayorAction::Reset { base: base.clone() })
    });
    // Each change of the proposals is written to the device; what the browser says is
    // told to the group (a proposal that could not be saved stays on screen).
    use_effect_with(state.writes, {
        let on_action = on_action.clone();
        let proposals = state.proposals.clone();
        move |writes| {
            if *writes > 0 {
                let result = mayor_store::save(&proposals);
                on_action.emit(MayorAction::Written { result });
            }
        }
    });
    let choices = &state.choices;
    let outcome = props.base.evaluate(choices);

    let sliders = MAYOR_CATEGORIES.iter().map(|category| {
        let category = *category;
        let on_change = on_action.reform(move |percent| MayorAction::Change { category, percent });
        let id = format!("maire-{}", category.key());
        html! {
            <li>
                { slider(&settings, &id, settings.t(category.key()), change(choices, category), on_change) }
                <p class="mayor-amount">{ euros(lang, spent(&outcome, category)) }</p>
            </li>
        }
    });
    let on_impots = on_action.reform(|percent| MayorAction::Taxes { percent });
    let on_equipement = on_action.reform(|percent| MayorAction::Equipment { percent });
    let text_input = |make: fn(String) -> MayorAction| {
        let on_action = on_action.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                on_action.emit(make(input.value()));
            }
        })
    };
    let on_emprunt = text_input(|text| MayorAction::Loan { text });
    let on_emprunt_done = on_action.reform(|_: Event| MayorAction::LoanDone);
    let loan_value = state
        .loan_text
        .clone()
        .unwrap_or_else(|| loan_shown(lang, choices.emprunt));
    let loan_help = if state.loan_refused {
        "maire-emprunt-erreur maire-emprunt-aide"
    } else {
        "maire-emprunt-aide"
    };
    let on_group = text_input(|name| MayorAction::NameGroup { name });
    let on_reset = {
        let base = props.base.clone();
        on_action.reform(move |_: MouseEvent| MayorAction::Reset { base: base.clone() })
    };
    let on_save = {
        let commune = props.commune.to_string();
        let exercice = props.exercice;
        on_action.reform(move |event: SubmitEvent| {
            event.prevent_default();
            MayorAction::Save {
                commune: commune.clone(),
                exercice,
            }
        })
    };
    let on_clear = {
        let on_action = on_action.clone();
        let commune = props.commune.to_string();
        let exercice = props.exercice;
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| {
            if dialog::confirm(&settings.t("mayor-clear-confirm")) {
                on_action.emit(MayorAction::Clear {
                    commune: commune.clone(),
                    exercice,
                });
            }
        })
    };
    let mut mine = state.proposals_for(&props.commune, props.exercice).peekable();
    let has_proposals = mine.peek().is_some();
    let table = comparison(lang, &props.base, mine);
    // A failure is announced at once (alert); other notices wait their turn (status).
    let (failure, notice) = match &state.notice {
        Some(n) if n.is_failure() => (Some(n.text(lang)), None),
        Some(n) => (None, Some(n.text(lang))),
        None => (None, None),
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
                        <span class="mayor-loan">
                            <input id="maire-emprunt" type="text" inputmode="decimal" autocomplete="off"
                                value={loan_value} oninput={on_emprunt} onchange={on_emprunt_done}
                                aria-invalid={state.loan_refused.to_string()} aria-describedby={loan_help} />
                            <span aria-hidden="true">{ "€" }</span>
                        </span>
                        if state.loan_refused {
                            <p id="maire-emprunt-erreur" class="error" role="alert">
                                { settings.t_args("mayor-loan-invalid", &[
                                    ("amount", euros(lang, choices.emprunt).as_str().into()),
                                ]) }
                            </p>
                        }
                        <p id="maire-emprunt-aide" class="hint">
                            { settings.t_args("mayor-loan-limit", &[("amount", euros(lang, outcome.limite_emprunt).as_str().into())]) }
                            { " " }
                            { settings.t(if props.base.encours.is_some() { "mayor-loan-limit-debt" } else { "mayor-loan-limit-equipment" }) }
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
                <input id="maire-groupe" type="text" maxlength={GROUP_MAX_CHARS.to_string()}
                    value={state.group.clone()} oninput={on_group} />
                <button type="submit">{ settings.t("mayor-save") }</button>
                if let Some(text) = failure {
                    <p class="notice" role="alert">{ text }</p>
                }
                <p class="notice" role="status">{ notice }</p>
            </form>
            <h3 id="maire-comparaison">{ settings.t("mayor-compare") }</h3>
            if !has_proposals {
                <p>{ settings.t("mayor-compare-empty") }</p>
            } else {
                <div class="table-scroll">
                    <table class="mayor-table" aria-labelledby="maire-comparaison">
                        <thead><tr>
                            <th scope="col">{ settings.t("mayor-line") }</th>
                            { for table.columns.iter().map(|name| html! { <th scope="col">{ name.clone() }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for table.rows.into_iter().map(|(label, cells)| html! {
                                <tr><th scope="row">{ label }</th>{ for cells.into_iter().zip(&table.columns).map(|(c, column)| html! {
                                    <td data-label={column.clone()}>{ c }</td>
                                }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <button type="button" onclick={on_clear}>{ settings.t("mayor-clear") }</button>
            }
        </section>
    }
}

/// Props of [`LiveGroups`].
#[derive(Properties, PartialEq)]
pub struct LiveGroupsProps {
    /// The commune's steps (the guess on schools when the file says, the game).
    pub steps: Rc<Vec<briques_core::live::Step>>,
}

/// "Play it live, in groups": one session whose steps are this commune's guess and game
/// and a closing word; each group's device joins with the code and submits its budget,
/// the projector compares them.
#[function_component]
pub fn LiveGroups(props: &LiveGroupsProps) -> Html {
    let settings = use_settings();
    let problem = use_state(|| None::<String>);
    let onclick = {
        let (steps, settings, problem) = (props.steps.clone(), settings.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let lang = settings.lang();
            let mut all = (*steps).clone();
            all.push(briques_core::live::plans::closing_words(lang));
            let request = briques_core::live::CreateSession {
                survey: briques_core::survey::Survey::default_for(lang, None),
                mask_k: None,
                steps: all,
            };
            let (settings, problem) = (settings.clone(), problem.clone());
            problem.set(Some(settings.t("ateliers-live-starting")));
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(p) = crate::services::live_start::start(request).await {
                    problem.set(Some(crate::components::live::problem_text(&settings, &p)));
                }
            });
        })
    };
    html! {
        <section class="panel" aria-labelledby="mayor-live-title">
            <h3 id="mayor-live-title">{ settings.t("mayor-live-title") }</h3>
            <p>{ settings.t("mayor-live-text") }</p>
            <button type="button" class="primary" {onclick}>{ settings.t("mayor-live-start") }</button>
            <p class="notice" role="status">{ (*problem).clone().unwrap_or_default() }</p>
        </section>
    }
}
