//! The Duplo charts, drawn as SVG by Yew from the core's analyses: brick towers,
//! bars per question and 100 % stacked bars. Colours are SVG attributes (the
//! Content-Security-Policy forbids inline styles) so exports look like the screen.
//! Each brick colour also has its own pattern (stripes, dots, grid…), so towers and
//! their legend read without colour, on screen and printed; "no answer" stays plain.

use std::rc::Rc;

use briques_core::i18n::{format_percent, Lang};
use briques_core::survey::analysis::{self, Tally};
use briques_core::survey::{BrickColour, Question, Session};
use yew::prelude::*;

use super::{fit, short};
use crate::hooks::use_settings;

const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
/// At most this many bricks are drawn per tower; above, one brick stands for several people.
pub const MAX_BRICKS: usize = 24;
const BRICK_W: f64 = 64.0;
const BRICK_H: f64 = 16.0;
const GAP: f64 = 28.0;
const INK: &str = "#1b1b1f";
/// A brick without an answer: plain light grey with a dashed outline, no pattern.
const NO_ANSWER: &str = "#DADCE0";
const NO_ANSWER_DASH: &str = "3 2";

/// The id of a colour's pattern in the towers' `<defs>` (one towers chart per page).
pub fn pattern_id(colour: BrickColour) -> String {
    format!("brick-pattern-{}", colour.name())
}

/// The marks over a colour in its 8 × 8 tile: each colour its own, so no two bricks
/// need colour to be told apart (dark marks, light ones on the dark blue).
fn pattern_marks(colour: BrickColour) -> Html {
    let ink = if colour.wants_light_text() { "#ffffff" } else { INK };
    let rising = "M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6";
    let falling = "M-2,6 L2,10 M0,0 L8,8 M6,-2 L10,2";
    match colour {
        BrickColour::Orange => html! { <path d={rising} stroke={ink} stroke-width="1.5" /> },
        BrickColour::Vermillion => html! { <path d={falling} stroke={ink} stroke-width="1.5" /> },
        BrickColour::Yellow => html! {
            <path d={format!("{rising} {falling}")} stroke={ink} stroke-width="0.9" />
        },
        BrickColour::SkyBlue => html! { <circle cx="4" cy="4" r="1.7" fill={ink} /> },
        BrickColour::BluishGreen => html! { <path d="M0,4 H8" stroke={ink} stroke-width="2" /> },
        BrickColour::Blue => html! { <path d="M4,0 V8" stroke={ink} stroke-width="2" /> },
        BrickColour::ReddishPurple => html! {
            <path d="M0,0 H4 V4 H0 Z M4,4 H8 V8 H4 Z" fill={ink} fill-opacity="0.45" />
        },
        BrickColour::Grey => html! { <path d="M4,0 V8 M0,4 H8" stroke={ink} stroke-width="1" /> },
    }
}

/// The patterns of every brick colour, for `fill="url(#…)"`.
fn pattern_defs() -> Html {
    html! {
        <defs>
            { for BrickColour::ALL.into_iter().map(|c| html! {
                <pattern id={pattern_id(c)} patternUnits="userSpaceOnUse" width="8" height="8">
                    <rect width="8" height="8" fill={c.hex()} />
                    { pattern_marks(c) }
                </pattern>
            }) }
        </defs>
    }
}

/// A brick's fill (its colour's pattern, or plain for no answer) and outline dashes.
fn brick_fill(colour: Option<BrickColour>) -> (String, Option<&'static str>) {
    match colour {
        Some(c) => (format!("url(#{})", pattern_id(c)), None),
        None => (NO_ANSWER.to_owned(), Some(NO_ANSWER_DASH)),
    }
}

/// People per brick so that the tallest tower has at most [`MAX_BRICKS`] bricks.
pub fn people_per_brick(tallest: usize) -> usize {
    tallest.div_ceil(MAX_BRICKS).max(1)
}

fn text_colour(colour: Option<BrickColour>) -> &'static str {
    match colour {
        Some(c) if c.wants_light_text() => "#ffffff",
        _ => INK,
    }
}

/// Props of [`Towers`].
#[derive(Properties, PartialEq)]
pub struct TowersProps {
    /// The session.
    pub session: Rc<Session>,
    /// The question whose choices make the towers.
    pub question: AttrValue,
    /// The question whose answers colour the bricks, if any.
    #[prop_or_default]
    pub colour_by: Option<AttrValue>,
}

/// The size of the towers chart: `choices` towers `pitch` apart, the tallest `rows`
/// bricks high (at least a few, so an empty session still shows the ground and the
/// labels).
pub fn towers_size(choices: usize, rows: usize, pitch: f64) -> (f64, f64) {
    (
        GAP + choices as f64 * pitch,
        40.0 + rows.max(4) as f64 * BRICK_H + 50.0,
    )
}

/// One tower of bricks per choice, like the physical exercise.
#[function_component]
pub fn Towers(props: &TowersProps) -> Html {
    let settings = use_settings();
    let survey = &props.session.survey;
    let (Some(question), Ok(towers)) = (
        survey.question(&props.question),
        analysis::towers(&props.session, &props.question, props.colour_by.as_deref()),
    ) else {
        return html! {};
    };
    let colour_q = props.colour_by.as_deref().and_then(|id| survey.question(id));
    let tallest = towers.iter().map(|t| t.height).max().unwrap_or(0);
    let unit = people_per_brick(tallest);
    // Towers stand further apart when their labels need it.
    let (label_w, chars) = fit(
        question.choices.iter().map(|c| c.label.as_str()),
        7.8,
        84.0,
        220.0,
    );
    let pitch = label_w + 8.0;
    let (width, height) = towers_size(question.choices.len(), tallest.div_ceil(unit), pitch);
    let base = height - 50.0;
    let summary = towers
        .iter()
        .zip(&question.choices)
        .map(|(t, c)| format!("{} : {}", c.label, t.height))
        .collect::<Vec<_>>()
        .join(", ");
    let title = settings.t_args("duplo-towers-of", &[("question", question.label.as_str().into())]);
    let mut bricks = Vec::new();
    for (i, tower) in towers.iter().enumerate() {
        let x = GAP + i as f64 * pitch + (pitch - BRICK_W - GAP) / 2.0;
        let mut level = 0.0;
        for (segment, people) in &tower.segments {
            let colour = match colour_q {
                Some(cq) => segment.and_then(|s| cq.choices.get(s)).map(|c| c.colour),
                None => question.choices.get(i).map(|c| c.colour),
            };
            let (fill, dash) = brick_fill(colour);
            let plain = colour.map(BrickColour::hex).unwrap_or(NO_ANSWER);
            // Whole bricks when each is one person; otherwise a block of proportional height.
            let pieces: Vec<f64> = if unit == 1 {
                vec![1.0; *people]
            } else {
                vec![*people as f64 / unit as f64]
            };
            for size in pieces {
                let h = size * BRICK_H;
                let y = base - level - h;
                bricks.push(html! {
                    <g>
                        <rect x={x.to_string()} y={y.to_string()} width={BRICK_W.to_string()} height={h.to_string()}
                            rx="2" fill={fill.clone()} stroke={INK} stroke-width="1" stroke-dasharray={dash} class="brick" />
                        if unit == 1 {
                            <rect x={(x + 10.0).to_string()} y={(y - 3.0).to_string()} width="14" height="3" fill={plain} stroke={INK} stroke-width="0.8" stroke-dasharray={dash} />
                            <rect x={(x + 40.0).to_string()} y={(y - 3.0).to_string()} width="14" height="3" fill={plain} stroke={INK} stroke-width="0.8" stroke-dasharray={dash} />
                        }
                    </g>
                });
                level += h;
            }
        }
        bricks.push(html! {
            <text x={(x + BRICK_W / 2.0).to_string()} y={(base - level - 8.0).to_string()} text-anchor="middle"
                font-size="16" font-weight="700" fill="currentColor" class="tower-count"
                data-choice={question.choices.get(i).map(|c| c.label.clone())}>
                { tower.height }
            </text>
        });
        if let Some(choice) = question.choices.get(i) {
            bricks.push(html! {
                <text x={(x + BRICK_W / 2.0).to_string()} y={(base + 22.0).to_string()} text-anchor="middle"
                    font-size="14" fill="currentColor">
                    <title>{ &choice.label }</title>
                    { short(&choice.label, chars) }
                </text>
            });
        }
    }
    let unit_note = (unit > 1).then(|| settings.t_args("duplo-brick-unit", &[("count", unit.into())]));
    html! {
        <>
            <svg viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                role="img" aria-labelledby="towers-svg-title towers-svg-desc" font-family={FONT} class="chart-svg">
                <title id="towers-svg-title">{ &title }</title>
                <desc id="towers-svg-desc">{ &summary }</desc>
                { pattern_defs() }
                <line x1="0" x2={width.to_string()} y1={base.to_string()} y2={base.to_string()} stroke="currentColor" stroke-width="2" />
                { for bricks }
            </svg>
            if let Some(note) = unit_note { <p class="hint">{ note }</p> }
            if let Some(cq) = colour_q { <Legend question={cq.clone()} with_missing=true /> }
        </>
    }
}

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The question whose colours are explained.
    pub question: Question,
    /// Also explain plain grey bricks (no answer).
    #[prop_or_default]
    pub with_missing: bool,
}

/// A legend's brick: the towers' pattern (their `<defs>` are on the same page) or the
/// plain no-answer brick.
fn legend_brick(colour: Option<BrickColour>) -> Html {
    let (fill, dash) = brick_fill(colour);
    html! {
        <svg class="legend-brick" width="22" height="16" viewBox="0 0 22 16" aria-hidden="true" focusable="false">
            <rect x="0.5" y="0.5" width="21" height="15" rx="2" fill={fill} stroke={INK} stroke-width="1" stroke-dasharray={dash} />
        </svg>
    }
}

/// A colour legend (colour is never the only cue: each brick has its pattern, and
/// labels go with it). Shown with the towers, whose `<defs>` hold the patterns.
#[function_component]
pub fn Legend(props: &LegendProps) -> Html {
    let settings = use_settings();
    html! {
        <ul class="legend" aria-label={settings.t_args("duplo-legend", &[("question", props.question.label.as_str().into())])}>
            { for props.question.choices.iter().map(|c| html! {
                <li>{ legend_brick(Some(c.colour)) }{ &c.label }</li>
            }) }
            if props.with_missing {
                <li>{ legend_brick(None) }{ settings.t("duplo-no-answer") }</li>
            }
        </ul>
    }
}

/// Geometry of the bar charts.
const BAR_LABEL_W: f64 = 190.0;
const BAR_W: f64 = 380.0;
const BAR_H: f64 = 22.0;
const BAR_GAP: f64 = 6.0;
const GROUP_GAP: f64 = 30.0;

/// Width of a 13-pixel character, about, to fit labels.
const CHAR_W: f64 = 7.2;

/// The bars' label column: wide enough for the longest choice label (within reason),
/// and how many characters it holds.
fn bar_labels(session: &Session) -> (f64, usize) {
    let labels = session.survey.questions.iter().flat_map(|q| &q.choices);
    let (width, chars) = fit(
        labels.map(|c| c.label.as_str()),
        CHAR_W,
        BAR_LABEL_W - 16.0,
        284.0,
    );
    (width + 16.0, chars)
}

fn bars_size(session: &Session, label_w: f64) -> (f64, f64) {
    let rows: usize = session.survey.questions.iter().map(|q| q.choices.len()).sum();
    let groups = session.survey.questions.len();
    (
        label_w + BAR_W + 110.0,
        10.0 + groups as f64 * GROUP_GAP + rows as f64 * (BAR_H + BAR_GAP),
    )
}

fn bar_value(lang: Lang, count: usize, total: usize) -> String {
    if total == 0 {
        count.to_string()
    } else {
        format!(
            "{count} ({})",
            format_percent(lang, count as f64 / total as f64, 0)
        )
    }
}

/// Props of the bar charts.
#[derive(Properties, PartialEq)]
pub struct BarsProps {
    /// The session.
    pub session: Rc<Session>,
}

/// One group of horizontal bars per question: how many gave each answer.
#[function_component]
pub fn Bars(props: &BarsProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let tallies = analysis::tallies(&props.session);
    let max = tallies
        .iter()
        .flat_map(|t| t.counts.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let (label_w, chars) = bar_labels(&props.session);
    let (width, height) = bars_size(&props.session, label_w);
    let mut y = 10.0;
    let mut parts = Vec::new();
    for (question, tally) in props.session.survey.questions.iter().zip(&tallies) {
        parts.push(html! {
            <text x="0" y={(y + 14.0).to_string()} font-size="15" font-weight="700" fill="currentColor">
                <title>{ &question.label }</title>{ short(&question.label, 60) }
            </text>
        });
        y += GROUP_GAP - 6.0;
        let answered = tally.answered();
        for (choice, count) in question.choices.iter().zip(&tally.counts) {
            let w = BAR_W * *count as f64 / max as f64;
            parts.push(html! {
                <g>
                    <text x={(label_w - 8.0).to_string()} y={(y + BAR_H * 0.72).to_string()} text-anchor="end"
                        font-size="13" fill="currentColor"><title>{ &choice.label }</title>{ short(&choice.label, chars) }</text>
                    <rect x={label_w.to_string()} y={y.to_string()} width={w.max(1.0).to_string()} height={BAR_H.to_string()}
                        fill={choice.colour.hex()} stroke={INK} stroke-width="1" />
                    <text x={(label_w + w + 6.0).to_string()} y={(y + BAR_H * 0.72).to_string()} font-size="14"
                        fill="currentColor">{ bar_value(lang, *count, answered) }</text>
                </g>
            });
            y += BAR_H + BAR_GAP;
        }
        y += 6.0;
    }
    let summary = summary(&props.session, &tallies);
    html! {
        <svg viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
            role="img" aria-labelledby="bars-svg-title bars-svg-desc" font-family={FONT} class="chart-svg">
            <title id="bars-svg-title">{ settings.t("duplo-bars") }</title>
            <desc id="bars-svg-desc">{ summary }</desc>
            { for parts }
        </svg>
    }
}

fn summary(session: &Session, tallies: &[Tally]) -> String {
    session
        .survey
        .questions
        .iter()
        .zip(tallies)
        .map(|(q, t)| {
            let parts: Vec<String> = q
                .choices
                .iter()
                .zip(&t.counts)
                .map(|(c, n)| format!("{} {n}", c.label))
                .collect();
            format!("{} : {}", q.label, parts.join(", "))
        })
        .collect::<Vec<_>>()
        .join(". ")
}

/// Height of one stacked bar and the line of labels under it.
const STACK_ROW: f64 = BAR_H * 2.0 + 34.0;

fn stacked_size(session: &Session, label_w: f64) -> (f64, f64) {
    (
        label_w + BAR_W + 20.0,
        10.0 + session.survey.questions.len() as f64 * STACK_ROW,
    )
}

/// What a segment `width` wide shows inside: its answer and share (`full`, "Dessert
/// 49 %") when they fit, else the share alone when it fits, else nothing.
fn segment_label<'a>(full: &'a str, percent: &'a str, width: f64) -> Option<&'a str> {
    [full, percent]
        .into_iter()
        .find(|text| text.chars().count() as f64 * CHAR_W + 8.0 <= width)
}

/// One 100 % bar per question, split by answer; each segment names its answer and
/// share, inside the bar or, when it is too narrow, on the line under it.
#[function_component]
pub fn StackedBars(props: &BarsProps) -> Html {
    let settings = use_settings();
    let lang = settings.lang();
    let tallies = analysis::tallies(&props.session);
    let questions = props.session.survey.questions.iter();
    let (label_w, chars) = fit(
        questions.map(|q| q.label.as_str()),
        7.8,
        BAR_LABEL_W - 16.0,
        300.0,
    );
    let label_w = label_w + 16.0;
    let (width, height) = stacked_size(&props.session, label_w);
    let mut parts = Vec::new();
    let bar_h = BAR_H * 2.0;
    for (i, (question, tally)) in props.session.survey.questions.iter().zip(&tallies).enumerate() {
        let y = 10.0 + i as f64 * STACK_ROW;
        parts.push(html! {
            <text x={(label_w - 8.0).to_string()} y={(y + bar_h * 0.62).to_string()} text-anchor="end"
                font-size="13" font-weight="700" fill="currentColor"><title>{ &question.label }</title>{ short(&question.label, chars) }</text>
        });
        let answered = tally.answered();
        let mut x = label_w;
        let mut under = Vec::new();
        for (choice, count) in question.choices.iter().zip(&tally.counts) {
            if *count == 0 || answered == 0 {
                continue;
            }
            let share = *count as f64 / answered as f64;
            let w = BAR_W * share;
            let percent = format_percent(lang, share, 0);
            let full = format!("{} {percent}", choice.label);
            let inside = segment_label(&full, &percent, w).map(str::to_owned);
            if inside.as_ref() != Some(&full) {
                under.push(full);
            }
            parts.push(html! {
                <g>
                    <rect x={x.to_string()} y={y.to_string()} width={w.to_string()} height={bar_h.to_string()}
                        fill={choice.colour.hex()} stroke={INK} stroke-width="1">
                        <title>{ format!("{} : {}", choice.label, bar_value(lang, *count, answered)) }</title>
                    </rect>
                    if let Some(label) = inside {
                        <text x={(x + w / 2.0).to_string()} y={(y + bar_h * 0.62).to_string()} text-anchor="middle"
                            font-size="13" fill={text_colour(Some(choice.colour))}>{ label }</text>
                    }
                </g>
            });
            x += w;
        }
        if !under.is_empty() {
            parts.push(html! {
                <text x={label_w.to_string()} y={(y + bar_h + 18.0).to_string()} font-size="13" fill="currentColor">
                    { short(&under.join(" · "), 52) }
                </text>
            });
        }
    }
    html! {
        <svg viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
            role="img" aria-labelledby="stacked-svg-title stacked-svg-desc" font-family={FONT} class="chart-svg">
            <title id="stacked-svg-title">{ settings.t("duplo-stacked") }</title>
            <desc id="stacked-svg-desc">{ summary(&props.session, &tallies) }</desc>
            { for parts }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_segments_keep_a_label() {
        assert_eq!(segment_label("Dessert 49 %", "49 %", 186.0), Some("Dessert 49 %"));
        let other = "Autre ou ne se prononce pas 28 %";
        assert_eq!(
            segment_label(other, "28 %", 106.0),
            Some("28 %"),
            "the name goes under the bar"
        );
        assert_eq!(
            segment_label("Autre 7 %", "7 %", 26.6),
            None,
            "7 % of the bar: all under it"
        );
    }

    #[test]
    fn bricks_stand_for_several_people_only_when_needed() {
        assert_eq!(people_per_brick(0), 1);
        assert_eq!(people_per_brick(24), 1);
        assert_eq!(people_per_brick(25), 2);
        assert_eq!(people_per_brick(1000), 42);
    }
}
