//! "Si j'étais maire": a group lays the 100 tokens of the loaded commune's operating
//! revenue by purpose, under the rules of the one game the pack's paper sheet and the
//! live step also use (`briques_core::budget::explore::mayor`), sees at once which rule
//! breaks, and saves its proposal; the facilitator shows every group beside the actual
//! budget, and prints this commune's token sheet. Proposals stay on the device (local
//! storage, `services::mayor_store`), per commune and year; the game's state and the
//! comparison table are `state::mayor`.

use std::rc::Rc;

use briques_core::budget::explore::{cards_markdown, Imprevu, MayorBase, Poste, IMPREVUS, TOKENS};
use briques_core::i18n::{format_number, tr};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::euros;
use crate::components::packs::markdown;
use crate::hooks::{use_settings, SettingsHandle};
use crate::services::{dialog, mayor_store};
use crate::state::mayor::{comparison, tokens, MayorAction, MayorState, GROUP_MAX_CHARS};

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

/// A number of tokens with one-less and one-more buttons.
fn stepper(settings: &SettingsHandle, id: &str, label: &str, value: u32, on_change: Callback<u32>) -> Html {
    let oninput = {
        let on_change = on_change.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                if let Ok(v) = input.value().trim().parse::<u32>() {
                    on_change.emit(v);
                }
            }
        })
    };
    let less = on_change.reform(move |_: MouseEvent| value.saturating_sub(1));
    let more = on_change.reform(move |_: MouseEvent| value + 1);
    html! {
        <span class="game-stepper">
            <button type="button" onclick={less} disabled={value == 0}
                aria-label={settings.t_args("game-less", &[("poste", label.into())])}>{ "−" }</button>
            <input id={id.to_owned()} type="number" inputmode="numeric" min="0" max={(2 * TOKENS).to_string()}
                value={value.to_string()} {oninput} />
            <button type="button" onclick={more}
                aria-label={settings.t_args("game-more", &[("poste", label.into())])}>{ "+" }</button>
        </span>
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
    let sheet = use_node_ref();
    let base = &props.base;
    let choices = &state.choices;
    let outcome = base.evaluate(choices);

    let rows = base.postes.iter().map(|(poste, _, reel)| {
        let poste = *poste;
        let key = poste.key();
        let label = settings.t(&key);
        let id = format!("maire-{}", poste.code());
        let value = tokens(base, choices, poste);
        let cell = if poste == Poste::Interets {
            html! { <output id={id.clone()} aria-labelledby={format!("{id}-nom")}>{ value }</output> }
        } else {
            let on_change = on_action.reform(move |tokens| MayorAction::Tokens { poste, tokens });
            stepper(&settings, &id, &label, value, on_change)
        };
        html! {
            <tr>
                <th scope="row">
                    <label id={format!("{id}-nom")} for={id.clone()}>{ label.clone() }</label>
                    <span class="hint">{ settings.t(&format!("{key}-detail")) }</span>
                </th>
                <td class="num">{ *reel }</td>
                <td>{ cell }</td>
            </tr>
        }
    });
    let on_tax = on_action.reform(|tokens| MayorAction::Tax { tokens });
    let on_card = on_action.reform(|event: Event| {
        let code = event
            .target_dyn_into::<HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        MayorAction::Card {
            card: IMPREVUS.iter().copied().find(|c| c.code() == code),
        }
    });
    let text_input = |make: fn(String) -> MayorAction| {
        let on_action = on_action.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                on_action.emit(make(input.value()));
            }
        })
    };
    let on_group = text_input(|name| MayorAction::NameGroup { name });
    let on_reset = {
        let base = props.base.clone();
        on_action.reform(move |_: MouseEvent| MayorAction::Reset { base: base.clone() })
    };
    let on_print = {
        let sheet = sheet.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(details) = sheet.cast::<web_sys::HtmlDetailsElement>() {
                details.set_open(true);
            }
            let body = gloo::utils::body();
            let _ = body.set_attribute("data-print", "game-sheet");
            let _ = gloo::utils::window().print();
            let _ = body.remove_attribute("data-print");
        })
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
    let table = comparison(lang, base, mine);
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
                { for outcome.problems.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }
            </ul>
        }
    };
    let token_euros = euros(lang, base.jeton);
    let intro = match base.jeton_par_habitant() {
        Some(per) => settings.t_args(
            "game-intro-per",
            &[
                ("commune", props.commune.as_str().into()),
                ("year", props.exercice.to_string().as_str().into()),
                ("token", token_euros.as_str().into()),
                (
                    "per",
                    format!("{}\u{a0}€", format_number(lang, per, 2)).as_str().into(),
                ),
            ],
        ),
        None => settings.t_args(
            "game-intro",
            &[
                ("commune", props.commune.as_str().into()),
                ("year", props.exercice.to_string().as_str().into()),
                ("token", token_euros.as_str().into()),
            ],
        ),
    };
    // The printable sheet depends on the commune and the language only, not on the
    // tokens being moved: built once per commune and language.
    let sheet_blocks = use_memo(
        (props.base.clone(), props.commune.clone(), lang),
        |(base, commune, lang)| {
            let text = format!(
                "{}\n\n## {}\n\n{}\n## {}\n\n{}",
                base.sheet_markdown(commune, *lang),
                tr(*lang, "mayor-rules-title"),
                base.rules_markdown(*lang),
                tr(*lang, "game-cards-title"),
                cards_markdown(*lang),
            );
            briques_core::pack::markdown::parse(&text)
        },
    );
    let card_value = choices.imprevu.map_or("", Imprevu::code);
    html! {
        <section class="mayor" aria-labelledby="maire-titre">
            <h2 id="maire-titre">{ settings.t("mayor-title") }</h2>
            <p>{ intro }</p>
            <details class="mayor-rules-help" open=true>
                <summary>{ settings.t("mayor-rules-title") }</summary>
                <ol>{ for base.rules(lang).into_iter().map(|r| html! { <li>{ r }</li> }) }</ol>
            </details>
            <div class="table-scroll">
                <table class="game-table">
                    <caption>{ settings.t("game-table-caption") }</caption>
                    <thead><tr>
                        <th scope="col">{ settings.t("mayor-line") }</th>
                        <th scope="col">{ settings.t_args("game-sheet-reel", &[("year", props.exercice.to_string().as_str().into())]) }</th>
                        <th scope="col">{ settings.t("game-sheet-choix") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <div class="game-levers">
                <div class="field">
                    <label for="maire-impot">{ settings.t("game-tax") }</label>
                    { stepper(&settings, "maire-impot", &settings.t("game-tax"), choices.impot, on_tax) }
                    <p class="hint">{ settings.t_args("game-tax-help", &[("max", base.impot_max().into())]) }</p>
                </div>
                <div class="field">
                    <label for="maire-carte">{ settings.t("game-card") }</label>
                    <select id="maire-carte" onchange={on_card}>
                        <option value="" selected={card_value.is_empty()}>{ settings.t("game-card-none") }</option>
                        { for IMPREVUS.iter().map(|c| html! {
                            <option value={c.code()} selected={card_value == c.code()}>{ settings.t(&c.key()) }</option>
                        }) }
                    </select>
                </div>
                <button type="button" onclick={on_reset}>{ settings.t("mayor-reset") }</button>
            </div>
            <div class="mayor-outcome" role="status" aria-live="polite">
                <h3>{ settings.t("mayor-outcome") }</h3>
                <p class="game-count">{ settings.t_args("game-laid", &[("laid", outcome.poses.into()), ("available", outcome.disponibles.into())]) }</p>
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
            <details class="game-sheet" ref={sheet}>
                <summary>{ settings.t_args("game-sheet-title", &[("commune", props.commune.as_str().into())]) }</summary>
                <button type="button" class="no-print" onclick={on_print}>{ settings.t("game-print") }</button>
                <div class="game-sheet-body">{ markdown::blocks(&sheet_blocks, 2) }</div>
            </details>
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
