//! The treemap of the budget explorer: one rectangle per part of the current node,
//! areas proportional to amounts (squarified layout from `briques_core`), drawn for the
//! width it is shown at so that its text stays legible and its cells can be tapped.
//! Parts too small for a 44-pixel cell are grouped in one "other parts" cell, which
//! opens them in the treemap. Clicking a part opens it; keyboard users open parts from
//! the table beside it, which holds the same information.

use briques_core::chart::layout::{squarify, Rect};
use briques_core::i18n::shorten;
use yew::prelude::*;

use super::PALETTE;
use crate::hooks::use_settings;
use crate::state::budget::Part;

/// Props of [`Treemap`].
#[derive(Properties, PartialEq)]
pub struct TreemapProps {
    /// The parts, largest first.
    pub parts: Vec<Part>,
    /// Accessible name of the drawing.
    pub label: AttrValue,
    /// Opens a part.
    pub on_open: Callback<String>,
    /// Shows an amount as the parts show theirs (for the grouped cell).
    pub format: Callback<f64, String>,
    /// The width the charts are drawn at, in CSS pixels (the page's).
    pub width: f64,
}

/// The smallest side of a cell, in pixels (a finger).
pub const MIN_CELL: f64 = 46.0;

/// The treemap's height for a width: wide screens get a landscape drawing, phones a
/// squarer one so that cells keep room.
pub fn height_for(width: f64) -> f64 {
    (width * 0.55).clamp(300.0, 440.0)
}

/// How many of the largest `values` are drawn on their own, and the cells: theirs, then
/// (when some are left) one for the sum of the others. As many parts as possible get
/// their own cell while every cell keeps both sides of at least `min` pixels; when not
/// even one part and the others fit, the largest part and the others are drawn anyway.
pub fn fit(values: &[f64], area: Rect, min: f64) -> (usize, Vec<Rect>) {
    let n = values.len();
    let layout = |k: usize| {
        let mut shown: Vec<f64> = values[..k].to_vec();
        if k < n {
            shown.push(values[k..].iter().filter(|v| **v > 0.0).sum());
        }
        let rects = squarify(&shown, area);
        let fits = shown
            .iter()
            .zip(&rects)
            .all(|(v, r)| *v <= 0.0 || (r.w >= min && r.h >= min));
        (rects, fits)
    };
    for k in (1..=n).rev() {
        let (rects, fits) = layout(k);
        if fits {
            return (k, rects);
        }
    }
    (n.min(1), layout(n.min(1)).0)
}

/// The treemap.
#[function_component]
pub fn Treemap(props: &TreemapProps) -> Html {
    let settings = use_settings();
    // The first part drawn (the parts before it are in the cells the user came from),
    // for the node it was chosen in, named by the drawing's label: another node starts
    // from its first part.
    let start = use_state_eq(|| (props.label.clone(), 0usize));
    let start_at = if start.0 == props.label {
        start.1.min(props.parts.len())
    } else {
        0
    };
    let go = |first: usize| {
        let (start, label) = (start.clone(), props.label.clone());
        Callback::from(move |_: MouseEvent| start.set((label.clone(), first)))
    };
    let parts = &props.parts[start_at..];
    let (w, h) = (props.width, height_for(props.width));
    let values: Vec<f64> = parts.iter().map(|p| p.amount).collect();
    let (alone, rects) = fit(&values, Rect { x: 0.0, y: 0.0, w, h }, MIN_CELL);
    let others: f64 = values[alone..].iter().filter(|v| **v > 0.0).sum();
    let others_label = settings.t_args(
        "budget-treemap-others",
        &[("count", (parts.len() - alone).into())],
    );
    let cell = |i: usize, r: &Rect, label: &str, shown: &str, onclick: Callback<MouseEvent>| {
        let (fill, ink) = PALETTE[i % PALETTE.len()];
        // Text only where it fits: about 8.8 pixels per character of bold 14-pixel text.
        let chars = ((r.w - 12.0) / 8.8).floor().max(0.0) as usize;
        let big = r.h >= 44.0 && chars >= 6;
        html! {
            <g class="tm-cell tm-opens" {onclick}>
                <title>{ format!("{label} : {shown}") }</title>
                <rect x={format!("{:.1}", r.x)} y={format!("{:.1}", r.y)}
                    width={format!("{:.1}", (r.w - 2.0).max(0.5))} height={format!("{:.1}", (r.h - 2.0).max(0.5))}
                    fill={fill} rx="3" />
                if big {
                    <text x={format!("{:.1}", r.x + 6.0)} y={format!("{:.1}", r.y + 19.0)} fill={ink}
                        font-size="14" font-weight="600">{ shorten(label, chars) }</text>
                    <text x={format!("{:.1}", r.x + 6.0)} y={format!("{:.1}", r.y + 37.0)} fill={ink}
                        font-size="14">{ shorten(shown, chars) }</text>
                }
            </g>
        }
    };
    let cells = parts
        .iter()
        .zip(&rects)
        .take(alone)
        .enumerate()
        .filter(|(_, (_, r))| r.w > 0.0 && r.h > 0.0)
        .map(|(i, (part, r))| {
            let on_open = props.on_open.clone();
            let key = part.key.clone();
            cell(
                i + start_at,
                r,
                &part.label,
                &part.shown,
                Callback::from(move |_| on_open.emit(key.clone())),
            )
        });
    let grouped = rects
        .get(alone)
        .filter(|r| alone < parts.len() && r.w > 0.0)
        .map(|r| {
            let shown = props.format.emit(others);
            cell(PALETTE.len() - 1, r, &others_label, &shown, go(start_at + alone))
        });
    html! {
        <div class="treemap-box">
            if start_at > 0 {
                <button type="button" onclick={go(0)}>
                    { settings.t("budget-treemap-all") }</button>
            }
            <svg class="treemap" viewBox={format!("0 0 {w:.0} {h:.0}")} role="img" aria-label={props.label.clone()}
                font-family="system-ui, sans-serif">
                <rect x="0" y="0" width={format!("{w:.0}")} height={format!("{h:.0}")} fill="#ffffff" />
                { for cells }
                { for grouped }
            </svg>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_parts_are_grouped_so_that_every_cell_can_be_tapped() {
        let area = Rect {
            x: 0.0,
            y: 0.0,
            w: 328.0,
            h: height_for(328.0),
        };
        let values = [500.0, 300.0, 100.0, 50.0, 20.0, 10.0, 5.0, 3.0, 1.0, 1.0];
        let (alone, rects) = fit(&values, area, MIN_CELL);
        assert!(alone < values.len(), "some parts are grouped");
        assert_eq!(rects.len(), alone + 1, "one cell for the others");
        assert!(
            rects.iter().all(|r| r.w >= MIN_CELL && r.h >= MIN_CELL),
            "{rects:?}"
        );
        // Wide enough, every part gets its own cell.
        let wide = Rect {
            w: 2000.0,
            h: 2000.0,
            ..area
        };
        assert_eq!(fit(&values[..4], wide, MIN_CELL).0, 4);
        assert_eq!(fit(&[], area, MIN_CELL), (0, Vec::new()));
        // One part almost everything: drawn with the others all the same.
        assert_eq!(fit(&[1000.0, 1.0, 1.0], area, MIN_CELL).1.len(), 2);
    }
}
