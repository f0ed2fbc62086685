//! Where the money goes (or comes from): spending or revenue, by nature or by fonction,
//! per inhabitant; the breadcrumb; the treemap of the current node's parts and the table
//! of the same figures (which opens parts from the keyboard, and at the last level lists
//! the account's lines; stacked on phones, each cell with its column's name), exported
//! as CSV. Opening a part moves focus to the breadcrumb's current step.

use std::rc::Rc;

use briques_core::budget::explore::{Axis, Side};
use yew::prelude::*;

use super::glossary::Term;
use super::treemap::Treemap;
use crate::components::figure::Figure;
use crate::hooks::use_settings;
use crate::services::download;
use crate::state::budget::{csv, drill, BudgetAction, BudgetView, Budgets, Money};

/// Props of [`DrillDown`].
#[derive(Properties, PartialEq)]
pub struct DrillProps {
    /// The budgets.
    pub loaded: Budgets,
    /// The view (year, side, axis, path, per inhabitant).
    pub view: BudgetView,
    /// The commune's population (the file's, else the one typed).
    pub population: Option<u64>,
    /// Changes the side, the axis, per inhabitant, or the path.
    pub on_action: Callback<BudgetAction>,
    /// The width the charts are drawn at, in CSS pixels (the page's).
    pub width: f64,
}

/// The drill-down section.
#[function_component]
pub fn DrillDown(props: &DrillProps) -> Html {
    let settings = use_settings();
    let view = &props.view;
    // After a part is opened (from the table, the treemap or the breadcrumb), focus goes
    // to the breadcrumb's current step, which brings it into view and is read out,
    // instead of staying on whatever row is now under the pointer or the keyboard.
    let current_ref = use_node_ref();
    let shown = use_mut_ref(|| (view.side, view.axis, view.path.clone()));
    use_effect_with((view.side, view.axis, view.path.clone()), {
        let current_ref = current_ref.clone();
        move |now: &(Side, Axis, Vec<String>)| {
            let opened = {
                let mut shown = shown.borrow_mut();
                let opened = shown.0 == now.0 && shown.1 == now.1 && shown.2 != now.2;
                *shown = now.clone();
                opened
            };
            if let Some(current) = current_ref.cast::<web_sys::HtmlElement>().filter(|_| opened) {
                let _ = current.focus();
            }
        }
    });
    let Some(budget) = props.loaded.budget(view.year) else {
        return html! {};
    };
    let money = Money::new(settings.lang(), props.population, view.per_inhabitant);
    let drill = Rc::new(drill(&props.loaded.name, budget, view, money));
    let pressed = |on: bool| on.to_string();
    let on_side = |side: Side| {
        props
            .on_action
            .reform(move |_: MouseEvent| BudgetAction::ChooseSide { side })
    };
    let on_axis = |axis: Axis| {
        props
            .on_action
            .reform(move |_: MouseEvent| BudgetAction::ChooseAxis { axis })
    };
    let open = |path: Vec<String>| {
        props
            .on_action
            .reform(move |_: MouseEvent| BudgetAction::Open { path: path.clone() })
    };
    let on_open = {
        let drill = drill.clone();
        props.on_action.reform(move |key: String| BudgetAction::Open {
            path: drill.child(&key),
        })
    };
    let on_csv = {
        let drill = drill.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = download::text(&drill.csv_name, "text/csv;charset=utf-8", &csv(&drill.table));
        })
    };
    let current = drill.current().to_owned();
    let depth = drill.depth();
    let table = &drill.table;
    html! {
        <section aria-labelledby="budget-drill-title" data-budget-depth={depth.to_string()}>
            <h2 id="budget-drill-title">{ settings.t(match view.side { Side::Depenses => "budget-where-goes", Side::Recettes => "budget-where-comes" }) }</h2>
            <div class="budget-controls" role="group" aria-label={settings.t("budget-view-options")}>
                <div class="segmented" role="group" aria-label={settings.t("budget-side")}>
                    <button type="button" aria-pressed={pressed(view.side == Side::Depenses)}
                        onclick={on_side(Side::Depenses)}>{ settings.t("budget-side-depenses") }</button>
                    <button type="button" aria-pressed={pressed(view.side == Side::Recettes)}
                        onclick={on_side(Side::Recettes)}>{ settings.t("budget-side-recettes") }</button>
                </div>
                <div class="segmented" role="group" aria-label={settings.t("budget-axis")}>
                    <button type="button" aria-pressed={pressed(view.axis == Axis::Nature)}
                        onclick={on_axis(Axis::Nature)}>{ settings.t("budget-axis-nature") }</button>
                    <button type="button" aria-pressed={pressed(view.axis == Axis::Fonction)}
                        onclick={on_axis(Axis::Fonction)}>{ settings.t("budget-axis-fonction") }</button>
                </div>
                <button type="button" aria-pressed={pressed(view.per_inhabitant)} disabled={props.population.is_none()}
                    onclick={props.on_action.reform(|_: MouseEvent| BudgetAction::TogglePerInhabitant)}>{ settings.t("budget-per-head") }</button>
            </div>
            <nav class="breadcrumb" aria-label={settings.t("budget-breadcrumb")}>
                <ol>
                    { for drill.crumbs.iter().enumerate().map(|(i, crumb)| if i == depth {
                        html! { <li><span aria-current="location" tabindex="-1" id="budget-drill-current"
                            ref={current_ref.clone()}>{ crumb.label.clone() }</span></li> }
                    } else {
                        html! { <li><button type="button" class="link" onclick={open(crumb.path.clone())}>{ crumb.label.clone() }</button></li> }
                    }) }
                </ol>
            </nav>
            if drill.last_level {
                <p>{ settings.t("budget-last-level") }</p>
            } else {
                <Figure id="budget-treemap" title={settings.t_args("budget-treemap-title", &[("name", current.as_str().into())])}>
                    <Treemap width={props.width} parts={drill.parts.clone()} on_open={on_open} format={Callback::from(move |v| money.show(v))}
                        label={settings.t_args("budget-treemap-label", &[("name", current.as_str().into())])} />
                </Figure>
            }
            <div class="table-scroll">
                <table class="budget-table" aria-describedby={drill.last_level.then_some("budget-drill-title")}>
                    <caption>{ table.caption.clone() }</caption>
                    <thead><tr>{ for table.header.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                    <tbody>
                        { for table.rows.iter().map(|row| html! {
                            <tr>{ for row.cells.iter().zip(&table.header).enumerate().map(|(i, (cell, head))| match (i, &row.opens) {
                                (0, Some(key)) => html! {
                                    <th scope="row"><button type="button" class="link"
                                        onclick={open(drill.child(key))}>{ cell.clone() }</button></th>
                                },
                                (0, None) => html! { <th scope="row">{ cell.clone() }</th> },
                                _ => html! { <td data-label={head.clone()}>{ cell.clone() }</td> },
                            }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <button type="button" onclick={on_csv}>{ settings.t("budget-export-csv") }</button>
            <p class="hint">
                <Term id="section-fonctionnement" />{ " · " }<Term id="section-investissement" />{ " · " }
                <Term id="chapitre" />{ " · " }<Term id="fonction" />{ " · " }<Term id="operations-reelles" />
            </p>
        </section>
    }
}
