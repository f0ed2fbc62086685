//! The cross-tab heatmap: two questions chosen from menus, counts and row percentages,
//! with small cells masked unless the facilitator reveals them for the lesson. Masking
//! is the live sessions' (`live::MaskedCrossTab`), so both pages say the same: "< k"
//! where fewer than k people are, "masqué" where a cell only protects a neighbour.

use std::rc::Rc;

use briques_core::i18n::format_percent;
use briques_core::live::{MaskedCell, MaskedCrossTab};
use briques_core::survey::analysis;
use briques_core::survey::Session;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{fit, short, view_select};
use crate::components::figure::Figure;
use crate::hooks::{use_settings, SettingsHandle};
use crate::state::duplo::{DuploAction, ViewOptions};

const CELL_H: f64 = 56.0;
const HEAD_H: f64 = 40.0;
/// Width of a 14-pixel bold character, about, to fit the labels.
const CHAR_W: f64 = 8.6;

/// The five heat levels (light to dark) for a cell's share of the largest cell; text
/// stays dark, so each meets contrast on all of them.
const HEAT: [&str; 5] = ["#f4f7fb", "#d6e4f5", "#b3cdee", "#8fb5e6", "#6c9ddd"];

/// What a cell of a masked cross-tab says: its count, "< k" or "masqué"; `explained`
/// adds what the last two mean, for the tables (read by screen readers, which read a
/// "<" badly, and "masqué" needs its reason).
pub fn cell_words(settings: &SettingsHandle, cell: MaskedCell, k: usize, explained: bool) -> String {
    match (cell, explained) {
        (MaskedCell::Count(n), _) => n.to_string(),
        (MaskedCell::Small, false) => settings.t_args("duplo-masked", &[("k", k.into())]),
        (MaskedCell::Small, true) => settings.t_args("duplo-masked-explained", &[("k", k.into())]),
        (MaskedCell::Hidden, false) => settings.t("duplo-hidden"),
        (MaskedCell::Hidden, true) => settings.t("duplo-hidden-explained"),
    }
}

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
    let masked = MaskedCrossTab::new(&table, if props.view.reveal { 1 } else { k });
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
    let cell_text = |r: usize, c: usize, explained: bool| -> (String, Option<String>) {
        let cell = masked.cell(r, c);
        let share = matches!(cell, MaskedCell::Count(_))
            .then(|| table.row_share(r, c).map(|s| format_percent(lang, s, 0)))
            .flatten();
        (cell_words(&settings, cell, k, explained), share)
    };

    // Columns and the row labels are as wide as their longest label needs, within bounds.
    let (head_w, row_chars) = fit(
        rows_q.choices.iter().map(|c| c.label.as_str()),
        CHAR_W,
        170.0,
        320.0,
    );
    let head_w = head_w + 12.0;
    let (cell_w, col_chars) = fit(
        cols_q.choices.iter().map(|c| c.label.as_str()),
        CHAR_W,
        104.0,
        224.0,
    );
    let cell_w = cell_w + 16.0;
    let width = head_w + cols_q.choices.len() as f64 * cell_w;
    let height = HEAD_H + rows_q.choices.len() as f64 * CELL_H;
    let title = format!("{} × {}", rows_q.label, cols_q.label);
    let mut cells = Vec::new();
    for (c, choice) in cols_q.choices.iter().enumerate() {
        let x = head_w + c as f64 * cell_w + cell_w / 2.0;
        cells.push(html! {
            <text x={x.to_string()} y="26" text-anchor="middle" font-size="14" font-weight="700" fill="currentColor">
                <title>{ &choice.label }</title>{ short(&choice.label, col_chars) }
            </text>
        });
    }
    for (r, choice) in rows_q.choices.iter().enumerate() {
        let y = HEAD_H + r as f64 * CELL_H;
        cells.push(html! {
            <text x={(head_w - 10.0).to_string()} y={(y + CELL_H / 2.0 + 5.0).to_string()} text-anchor="end"
                font-size="14" font-weight="700" fill="currentColor"><title>{ &choice.label }</title>{ short(&choice.label, row_chars) }</text>
        });
        #[allow(clippy::needless_range_loop)] // r and c index three tables at once
        for c in 0..cols_q.choices.len() {
            let x = head_w + c as f64 * cell_w;
            let hidden = masked.cells[r][c].is_none();
            let level = if hidden {
                0
            } else {
                (table.counts[r][c] * (HEAT.len() - 1)).div_ceil(max)
            };
            let (count, share) = cell_text(r, c, false);
            cells.push(html! {
                <g>
                    <rect x={x.to_string()} y={y.to_string()} width={cell_w.to_string()} height={CELL_H.to_string()}
                        fill={if hidden { "#e0e0e0" } else { HEAT[level.min(HEAT.len() - 1)] }}
                        stroke="#ffffff" stroke-width="2" />
                    <text x={(x + cell_w / 2.0).to_string()} y={(y + if share.is_some() { 26.0 } else { 34.0 }).to_string()} text-anchor="middle"
                        font-size="18" font-weight="700" fill="#1b1b1f">{ count }</text>
                    if let Some(share) = share {
                        <text x={(x + cell_w / 2.0).to_string()} y={(y + 46.0).to_string()} text-anchor="middle"
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
                                    let (count, share) = cell_text(r, c, true);
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
