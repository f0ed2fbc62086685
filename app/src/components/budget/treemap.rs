//! The treemap of the budget explorer: one rectangle per part of the current node,
//! areas proportional to amounts (squarified layout from `briques_core`). Clicking a
//! part opens it; keyboard users open parts from the table beside it, which holds the
//! same information.

use briques_core::chart::layout::{squarify, Rect};
use briques_core::i18n::shorten;
use yew::prelude::*;

use super::PALETTE;
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
}

const W: f64 = 800.0;
const H: f64 = 440.0;

/// The treemap.
#[function_component]
pub fn Treemap(props: &TreemapProps) -> Html {
    let values: Vec<f64> = props.parts.iter().map(|p| p.amount).collect();
    let rects = squarify(
        &values,
        Rect {
            x: 0.0,
            y: 0.0,
            w: W,
            h: H,
        },
    );
    let cells = props.parts.iter().zip(rects).enumerate().filter(|(_, (_, r))| r.w > 0.0 && r.h > 0.0).map(
        |(i, (part, r))| {
            let (fill, ink) = PALETTE[i % PALETTE.len()];
            let onclick = {
                let on_open = props.on_open.clone();
                let key = part.key.clone();
                Callback::from(move |_: MouseEvent| on_open.emit(key.clone()))
            };
            // Text only where it fits: about 8.8 units per character of bold 14-unit text.
            let chars = ((r.w - 12.0) / 8.8).floor().max(0.0) as usize;
            let big = r.h >= 44.0 && chars >= 6;
            html! {
                <g class="tm-cell tm-opens" {onclick}>
                    <title>{ format!("{} : {}", part.label, part.shown) }</title>
                    <rect x={format!("{:.1}", r.x)} y={format!("{:.1}", r.y)}
                        width={format!("{:.1}", (r.w - 2.0).max(0.5))} height={format!("{:.1}", (r.h - 2.0).max(0.5))}
                        fill={fill} rx="3" />
                    if big {
                        <text x={format!("{:.1}", r.x + 6.0)} y={format!("{:.1}", r.y + 19.0)} fill={ink}
                            font-size="14" font-weight="600">{ shorten(&part.label, chars) }</text>
                        <text x={format!("{:.1}", r.x + 6.0)} y={format!("{:.1}", r.y + 37.0)} fill={ink}
                            font-size="13">{ shorten(&part.shown, chars) }</text>
                    }
                </g>
            }
        },
    );
    html! {
        <svg class="treemap" viewBox={format!("0 0 {W} {H}")} role="img" aria-label={props.label.clone()}
            font-family="system-ui, sans-serif">
            <rect x="0" y="0" width={W.to_string()} height={H.to_string()} fill="#ffffff" />
            { for cells }
        </svg>
    }
}
