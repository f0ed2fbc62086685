//! The cross-tab heatmap: two questions chosen from menus, counts and row percentages,
//! with small cells masked unless the facilitator reveals them for the lesson.

use std::rc::Rc;

use briques_core::i18n::format_percent;
use briques_core::survey::analysis;
use briques_core::survey::Session;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{short, view_select};
use crate::components::figure::Figure;
use crate::hooks::use_settings;
use crate::state::duplo::{DuploAction, ViewOptions};

const CELL_W: f64 = 120.0;
const CELL_H: f64 = 56.0;
const HEAD_W: f64 = 180.0;
const HEAD_H: f64 = 40.0;

/// The five heat levels (light to dark) for a cell's share of the largest cell; text
/// stays dark, so each meets contrast on all of them.
const HEAT: [&str; 5] = ["#f4f7fb", "#d6e4f5", "#b3cdee", "#8fb5e6", "#6c9ddd"];

/// Props of [`CrossTabView`].
#[derive(Properties, PartialEq)]
pub struct CrossTabProps {
    /// The session.
    pub session: Rc<Session>,
    /// View settings (questions, masking).
    pub view: ViewOptions,
    /// Where view changes go.
    pub on_action: Callback<DuploAction>,
}

/// Cross-tabulation of two questions.
#[function_component]
pub fn CrossTabView(props: &CrossTabProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let survey = &props.session.survey;
    let Some((rows_id, cols_id)) = props.view.cross_questions(survey) else {
        return html! { <p>{ settings.t("duplo-cross-needs-two") }</p> };
    };
    let (Some(rows_q), Some(cols_q), Ok(table)) = (
        survey.question(&rows_id),
        survey.question(&cols_id),
        analysis::crosstab(&props.session, &rows_id, &cols_id),
    ) else {
        return html! {};
    };
    let k = props.view.mask_k.max(1);
    let hidden = if props.view.reveal {
        vec![vec![false; cols_q.choices.len()]; rows_q.choices.len()]
    } else {
        table.small_cells(k)
    };
    let max = table.counts.iter().flatten().copied().max().unwrap_or(0).max(1);

    let on_rows = view_select(&props.view, &props.on_action, |v, id| v.cross_rows = Some(id));
    let on_cols = view_select(&props.view, &props.on_action, |v, id| v.cross_cols = Some(id));
    let on_k = {
        let on_action = props.on_action.clone();
        let view = props.view.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                if let Ok(k) = input.value().trim().parse::<usize>() {
                    on_action.emit(DuploAction::SetView(ViewOptions {
                        mask_k: k.clamp(1, 20),
                        ..view.clone()
                    }));
                }
            }
        })
    };
    let on_reveal = {
        let on_action = props.on_action.clone();
        let view = props.view.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(DuploAction::SetView(ViewOptions {
                reveal: !view.reveal,
                ..view.clone()
            }))
        })
    };
    let options = |selected: &str| {
        survey
            .questions
            .iter()
            .map(|q| html! { <option value={q.id.clone()} selected={q.id == selected}>{ &q.label }</option> })
            .collect::<Html>()
    };
    let cell_text = |r: usize, c: usize| -> (String, Option<String>) {
        if hidden[r][c] {
            (settings.t_args("duplo-masked", &[("k", k.into())]), None)
        } else {
            let share = table.row_share(r, c).map(|s| format_percent(lang, s, 0));
            (table.counts[r][c].to_string(), share)
        }
    };

    let width = HEAD_W + cols_q.choices.len() as f64 * CELL_W;
    let height = HEAD_H + rows_q.choices.len() as f64 * CELL_H;
    let title = format!("{} × {}", rows_q.label, cols_q.label);
    let mut cells = Vec::new();
    for (c, choice) in cols_q.choices.iter().enumerate() {
        let x = HEAD_W + c as f64 * CELL_W + CELL_W / 2.0;
        cells.push(html! {
            <text x={x.to_string()} y="26" text-anchor="middle" font-size="14" font-weight="700" fill="currentColor">
                <title>{ &choice.label }</title>{ short(&choice.label, 14) }
            </text>
        });
    }
    for (r, choice) in rows_q.choices.iter().enumerate() {
        let y = HEAD_H + r as f64 * CELL_H;
        cells.push(html! {
            <text x={(HEAD_W - 10.0).to_string()} y={(y + CELL_H / 2.0 + 5.0).to_string()} text-anchor="end"
                font-size="14" font-weight="700" fill="currentColor"><title>{ &choice.label }</title>{ short(&choice.label, 17) }</text>
        });
        #[allow(clippy::needless_range_loop)] // r and c index three tables at once
        for c in 0..cols_q.choices.len() {
            let x = HEAD_W + c as f64 * CELL_W;
            let level = if hidden[r][c] {
                0
            } else {
                (table.counts[r][c] * (HEAT.len() - 1)).div_ceil(max)
            };
            let (count, share) = cell_text(r, c);
            cells.push(html! {
                <g>
                    <rect x={x.to_string()} y={y.to_string()} width={CELL_W.to_string()} height={CELL_H.to_string()}
                        fill={if hidden[r][c] { "#e0e0e0" } else { HEAT[level.min(HEAT.len() - 1)] }}
                        stroke="#ffffff" stroke-width="2" />
                    <text x={(x + CELL_W / 2.0).to_string()} y={(y + 26.0).to_string()} text-anchor="middle"
                        font-size="18" font-weight="700" fill="#1b1b1f">{ count }</text>
                    if let Some(share) = share {
                        <text x={(x + CELL_W / 2.0).to_string()} y={(y + 46.0).to_string()} text-anchor="middle"
                            font-size="13" fill="#1b1b1f">{ share }</text>
                    }
                </g>
            });
        }
    }

    let controls = html! {
        <div class="controls">
            <label>{ settings.t("duplo-cross-rows") }
                <select onchange={on_rows}>{ options(&rows_id) }</select></label>
            <label>{ settings.t("duplo-cross-cols") }
                <select onchange={on_cols}>{ options(&cols_id) }</select></label>
            <label>{ settings.t("duplo-mask-k") }
                <input type="number" min="1" max="20" value={k.to_string()} onchange={on_k} class="narrow" /></label>
            <button type="button" aria-pressed={props.view.reveal.to_string()} onclick={on_reveal}>
                { settings.t("duplo-reveal") }
            </button>
        </div>
    };
    html! {
        <Figure id="duplo-croisement" title={settings.t("duplo-cross-title")} {controls}>
            <svg viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                role="img" aria-labelledby="cross-svg-title" class="chart-svg"
                font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif">
                <title id="cross-svg-title">{ &title }</title>
                { for cells }
            </svg>
            <p class="hint">
                { if props.view.reveal { settings.t("duplo-revealed-note") }
                  else { settings.t_args("duplo-masked-note", &[("k", k.into())]) } }
            </p>
            <details class="table-details">
                <summary>{ settings.t("duplo-show-table") }</summary>
                <table class="data-table crosstab-table">
                    <caption>{ &title }</caption>
                    <thead><tr>
                        <th scope="col">{ format!("{} \\ {}", rows_q.label, cols_q.label) }</th>
                        { for cols_q.choices.iter().map(|c| html! { <th scope="col" data-choice={c.label.clone()}>{ &c.label }</th> }) }
                        <th scope="col">{ settings.t("duplo-total") }</th>
                    </tr></thead>
                    <tbody>
                        { for rows_q.choices.iter().enumerate().map(|(r, choice)| html! {
                            <tr data-choice={choice.label.clone()}>
                                <th scope="row">{ &choice.label }</th>
                                { for (0..cols_q.choices.len()).map(|c| {
                                    let (count, share) = cell_text(r, c);
                                    html! { <td data-count={count.clone()}>{ count }{ share.map(|s| format!(" ({s})")) }</td> }
                                }) }
                                <td>{ table.row_totals[r] }</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row">{ settings.t("duplo-total") }</th>
                        { for table.col_totals.iter().map(|n| html! { <td>{ n }</td> }) }
                        <td>{ table.total }</td>
                    </tr></tfoot>
                </table>
            </details>
        </Figure>
    }
}
