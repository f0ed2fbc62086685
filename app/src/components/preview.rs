//! The rows of an opened file, virtualised: however long the file, only the rows in view
//! are in the document. The table sticks to the top of a scrolling region whose height
//! (a sizer below the table, sized through the CSS object model, which the page's
//! security policy allows where it forbids `style` attributes) stands for every row;
//! scrolling picks which rows the table shows. The region scrolls with the keyboard
//! (arrows, Page Up / Page Down, Home / End), buttons move by a screenful, and a field
//! goes to any row.

use std::rc::Rc;

use briques_core::dataset::{Column, ColumnKind, Dataset};
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::hooks::use_settings;

/// Rows in view at once.
pub const VISIBLE_ROWS: usize = 15;
/// Scroll distance standing for one row, in CSS pixels (the rows' height in style.css).
const ROW_PX: f64 = 32.0;
/// Browsers cap an element's height (Chromium near 33 million pixels): beyond this, each
/// pixel of scrolling stands for more than a row.
const MAX_SCROLL_PX: f64 = 8_000_000.0;

/// Properties: the table.
#[derive(Properties, Clone)]
pub struct PreviewProps {
    /// The rows to show.
    pub dataset: Rc<Dataset>,
}

impl PartialEq for PreviewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
    }
}

/// The first row shown when the region is scrolled to `top` of `max` pixels.
fn row_at(top: f64, max: f64, last_first: usize) -> usize {
    if max <= 0.0 {
        return 0;
    }
    let row = (top / max * last_first as f64).round();
    (row.max(0.0) as usize).min(last_first)
}

/// The scroll position that shows `row` first.
fn top_of(row: usize, max: f64, last_first: usize) -> f64 {
    if last_first == 0 {
        return 0.0;
    }
    (row as f64 / last_first as f64 * max).round()
}

/// The preview table.
#[function_component]
pub fn PreviewTable(props: &PreviewProps) -> Html {
    let settings = use_settings();
    let first = use_state(|| 0usize);
    let viewport = use_node_ref();
    let sizer = use_node_ref();
    let ds = &props.dataset;
    let rows = ds.rows;
    let virtual_rows = rows > VISIBLE_ROWS;
    let last_first = rows.saturating_sub(VISIBLE_ROWS);
    let first_row = (*first).min(last_first);
    let last_row = (first_row + VISIBLE_ROWS).min(rows);
    // How each column's numbers read (years as `2012`), found once: a new file makes a
    // new table (the page keys it by the file).
    let styles = {
        let ds = props.dataset.clone();
        use_memo((), move |_| {
            ds.columns.iter().map(Column::number_style).collect::<Vec<_>>()
        })
    };

    // The sizer stands for the rows below the first screenful.
    {
        let sizer = sizer.clone();
        use_effect_with(rows, move |rows| {
            if let Some(sizer) = sizer.cast::<HtmlElement>() {
                let px = (rows.saturating_sub(VISIBLE_ROWS) as f64 * ROW_PX).min(MAX_SCROLL_PX);
                let _ = sizer.style().set_property("height", &format!("{px}px"));
            }
        });
    }
    let max_scroll = {
        let viewport = viewport.clone();
        move || {
            viewport
                .cast::<HtmlElement>()
                .map(|v| f64::from(v.scroll_height() - v.client_height()))
                .unwrap_or(0.0)
        }
    };
    let on_scroll = {
        let first = first.clone();
        let viewport = viewport.clone();
        let max_scroll = max_scroll.clone();
        Callback::from(move |_: Event| {
            if let Some(v) = viewport.cast::<HtmlElement>() {
                let row = row_at(f64::from(v.scroll_top()), max_scroll(), last_first);
                if row != *first {
                    first.set(row);
                }
            }
        })
    };
    // Shows `row` first: scrolls the region there (which updates the rows) and sets the
    // rows at once, for files so long that a pixel of scrolling stands for several rows.
    let go_to = {
        let first = first.clone();
        let viewport = viewport.clone();
        move |row: usize| {
            let row = row.min(last_first);
            if let Some(v) = viewport.cast::<HtmlElement>() {
                v.set_scroll_top(top_of(row, max_scroll(), last_first) as i32);
            }
            first.set(row);
        }
    };
    let step = |delta: isize| {
        let go_to = go_to.clone();
        Callback::from(move |_: MouseEvent| {
            go_to(first_row.saturating_add_signed(delta * VISIBLE_ROWS as isize));
        })
    };
    let on_go = {
        let go_to = go_to.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if let Ok(row) = input.value().trim().parse::<usize>() {
                go_to(row.clamp(1, rows.max(1)) - 1);
            }
        })
    };

    let lang = settings.lang();
    let cell = |row: usize, i: usize, c: &Column| match c.number(row) {
        Some(n) if c.kind.is_numeric() => {
            let style = styles.get(i).copied().unwrap_or_default();
            let text = style.format(lang, n, if n.fract() == 0.0 { 0 } else { 2 });
            if c.kind == ColumnKind::Percent {
                format!("{text} %")
            } else {
                text
            }
        }
        _ => c.text(row).unwrap_or_default(),
    };
    let caption = settings.t_args(
        "data-preview-caption",
        &[
            ("first", (first_row + 1).into()),
            ("last", last_row.into()),
            ("rows", rows.into()),
        ],
    );
    html! {
        <section aria-labelledby="data-preview-title">
            <h2 id="data-preview-title">{ settings.t("data-preview-title") }</h2>
            <p id="data-preview-caption" class="data-preview-caption">{ caption }</p>
            <div ref={viewport} class={classes!("data-table-wrap", virtual_rows.then_some("data-virtual"))}
                id="data-preview-rows" role="region" aria-labelledby="data-preview-caption"
                tabindex="0" onscroll={on_scroll}>
                <table class="data-table" aria-labelledby="data-preview-title" aria-rowcount={(rows + 1).to_string()}>
                    <thead><tr aria-rowindex="1">
                        <th scope="col">{ "#" }</th>
                        { for ds.columns.iter().map(|c| html! { <th scope="col">{ c.name.clone() }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for (first_row..last_row).map(|row| html! {
                            <tr key={row} aria-rowindex={(row + 2).to_string()}>
                                <th scope="row">{ row + 1 }</th>
                                { for ds.columns.iter().enumerate().map(|(i, c)| html! {
                                    <td class={c.kind.is_numeric().then_some("num")}>{ cell(row, i, c) }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
                if virtual_rows {
                    <div ref={sizer} class="data-virtual-sizer" aria-hidden="true"></div>
                }
            </div>
            if virtual_rows {
                <div class="data-pager">
                    <button type="button" onclick={step(-1)} disabled={first_row == 0}>
                        { settings.t("data-previous-rows") }
                    </button>
                    <button type="button" onclick={step(1)} disabled={first_row >= last_first}>
                        { settings.t("data-next-rows") }
                    </button>
                    <label for="data-go-to-row">{ settings.t("data-go-to-row") }</label>
                    <input id="data-go-to-row" type="number" min="1" max={rows.to_string()}
                        inputmode="numeric" onchange={on_go} />
                </div>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_and_rows_map_both_ways() {
        let last_first = 499_985;
        let max = 8_000_000.0 - 480.0;
        for row in [0, 1, 2, 1234, 250_000, 499_984, 499_985] {
            assert_eq!(row_at(top_of(row, max, last_first), max, last_first), row);
        }
        assert_eq!(row_at(max * 2.0, max, last_first), last_first);
        assert_eq!(row_at(-5.0, max, last_first), 0);
        assert_eq!(row_at(100.0, 0.0, last_first), 0);
        assert_eq!(top_of(3, max, 0), 0.0);
    }
}
