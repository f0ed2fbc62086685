//! A débat mouvant's results as the projected screen and the presenter show them: two
//! columns, the room's sides before and after the discussion, and, once the results are
//! revealed, a band from each side before to each side after (wider for more people:
//! who changed sides, counted, never named), with the same figures as a list for
//! screen readers and the landmark for the debrief. Figures come from
//! `briques_core::live::steps::debate::results`; this module only draws them (SVG
//! attributes and classes: the page's policy allows no inline style).

use briques_core::live::steps::{Debate, DebateResults, Stance};
use yew::prelude::*;

use crate::hooks::SettingsHandle;

const WIDTH: f64 = 640.0;
const TOP: f64 = 34.0;
const HEIGHT: f64 = 240.0;
const GAP: f64 = 10.0;
const BAR: f64 = 36.0;
const LEFT: f64 = 170.0;
const RIGHT: f64 = WIDTH - 170.0 - BAR;

fn stance(settings: &SettingsHandle, s: Stance) -> String {
    settings.t(&format!("debate-stance-{}", s.code()))
}

/// Tops of each side's block in a column, from its counts, and the height of one person.
fn tops(counts: &[usize; 3], unit: f64) -> [f64; 3] {
    let mut y = TOP;
    let mut out = [0.0; 3];
    for (i, n) in counts.iter().enumerate() {
        out[i] = y;
        y += *n as f64 * unit + GAP;
    }
    out
}

/// The step's view.
pub fn debate(settings: &SettingsHandle, id: &str, d: &Debate, r: &DebateResults) -> Html {
    let total = r.before.iter().sum::<usize>().max(r.after.iter().sum()).max(1);
    let unit = (HEIGHT - 2.0 * GAP) / total as f64;
    let (left, right) = (tops(&r.before, unit), tops(&r.after, unit));
    let column = |x: f64, counts: &[usize; 3], ys: &[f64; 3], anchor: &'static str, label_x: f64| {
        html! {
            { for Stance::ALL.iter().map(|s| {
                let i = s.index();
                let h = counts[i] as f64 * unit;
                html! {
                    <g class={format!("debate-side stance-{}", s.code())}>
                        if counts[i] > 0 {
                            <rect x={x.to_string()} y={ys[i].to_string()} width={BAR.to_string()} height={h.to_string()} />
                        }
                        <text x={label_x.to_string()} y={(ys[i] + h / 2.0 + 5.0).to_string()} text-anchor={anchor}>
                            { format!("{} ({})", stance(settings, *s), counts[i]) }
                        </text>
                    </g>
                }
            }) }
        }
    };
    // The bands: from-major on the left, and, on the right, in the same order within
    // each side, so that no two bands overlap at either end.
    let mut bands = Vec::new();
    if let Some(moves) = r.moves {
        let (mut l, mut rr) = (left, right);
        for from in Stance::ALL {
            for to in Stance::ALL {
                let n = moves[from.index()][to.index()];
                if n == 0 {
                    continue;
                }
                let h = n as f64 * unit;
                let (ly, ry) = (l[from.index()], rr[to.index()]);
                l[from.index()] += h;
                rr[to.index()] += h;
                let (x0, x1) = (LEFT + BAR, RIGHT);
                let mid = (x0 + x1) / 2.0;
                let path = format!(
                    "M{x0},{ly} C{mid},{ly} {mid},{ry} {x1},{ry} L{x1},{} C{mid},{} {mid},{} {x0},{} Z",
                    ry + h,
                    ry + h,
                    ly + h,
                    ly + h
                );
                let label = settings.t_args(
                    "debate-move",
                    &[
                        ("from", stance(settings, from).as_str().into()),
                        ("to", stance(settings, to).as_str().into()),
                        ("count", n.into()),
                    ],
                );
                bands.push(html! {
                    <path class={classes!("debate-band", format!("stance-{}", from.code()), (from != to).then_some("changed"))} d={path}>
                        <title>{ label }</title>
                    </path>
                });
            }
        }
    }
    let moves_list = r.moves.map(|moves| {
        let changed: Vec<(Stance, Stance, usize)> = Stance::ALL
            .iter()
            .flat_map(|f| Stance::ALL.iter().map(move |t| (*f, *t)))
            .filter(|(f, t)| f != t)
            .map(|(f, t)| (f, t, moves[f.index()][t.index()]))
            .filter(|(_, _, n)| *n > 0)
            .collect();
        html! {
            <ul class="debate-moves" aria-label={settings.t("debate-moves")}>
                { for changed.iter().map(|(f, t, n)| html! {
                    <li>{ settings.t_args("debate-move", &[
                        ("from", stance(settings, *f).as_str().into()),
                        ("to", stance(settings, *t).as_str().into()),
                        ("count", (*n).into()),
                    ]) }</li>
                }) }
            </ul>
        }
    });
    let heading = |x: f64, key: &str, counts: &[usize; 3]| {
        let phase = settings.t(key);
        let text = settings.t_args(
            "debate-column",
            &[
                ("phase", phase.as_str().into()),
                ("count", counts.iter().sum::<usize>().into()),
            ],
        );
        html! { <text class="debate-heading" x={(x + BAR / 2.0).to_string()} y="20" text-anchor="middle">{ text }</text> }
    };
    html! {
        <section class="step-view debate-view" aria-labelledby={format!("{id}-q")}>
            <h2 id={format!("{id}-q")} class="step-question">{ &d.statement }</h2>
            <figure class="debate-chart">
                <svg viewBox={format!("0 0 {WIDTH} {}", TOP + HEIGHT + 10.0)} role="img" aria-labelledby={format!("{id}-chart")}>
                    <title id={format!("{id}-chart")}>{ settings.t("debate-chart") }</title>
                    { for bands }
                    { heading(LEFT, "debate-phase-before", &r.before) }
                    { heading(RIGHT, "debate-phase-after", &r.after) }
                    { column(LEFT, &r.before, &left, "end", LEFT - 8.0) }
                    { column(RIGHT, &r.after, &right, "start", RIGHT + BAR + 8.0) }
                </svg>
            </figure>
            <p class="step-count">
                { settings.t_args("debate-both", &[("count", r.both.into())]) }
                if let Some(changed) = r.changed() {
                    { " · " }<strong class="debate-changed">{ settings.t_args("debate-changed", &[("count", changed.into())]) }</strong>
                }
            </p>
            { moves_list.unwrap_or_else(|| html! { <p class="hint">{ settings.t("debate-moves-later") }</p> }) }
            if r.moves.is_some() && !d.note.is_empty() {
                <p class="step-answer">{ settings.t_args("debate-landmark", &[("note", d.note.as_str().into())]) }</p>
            }
        </section>
    }
}
