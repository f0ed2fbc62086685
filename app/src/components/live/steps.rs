//! A live step's results as the projected screen and the presenter show them: the
//! guesses as a histogram with the median and, once revealed, the real figure; the
//! votes beside the two charts, the right one and the explanation once revealed; the
//! words as a cloud (most frequent largest); the groups' budgets side by side with the
//! actual one and their average, and the rules each breaks. Figures come from
//! `briques_core::live::steps::results`; this module only draws them (bars are SVG:
//! the page's policy allows no inline style).

use std::rc::Rc;

use briques_core::i18n::{format_number, Lang};
use briques_core::live::steps::{Allocation, Bin, Guess, MayorStep, Vote, WordCount};
use briques_core::live::{Step, StepResults};
use yew::prelude::*;

use crate::hooks::{use_settings, SettingsHandle};

/// The charts of a vote, drawn (SVG from plotters, which escapes every text), or why not.
pub type VoteCharts = Option<Result<Rc<Vec<AttrValue>>, String>>;

/// Props of [`StepView`].
#[derive(Properties, PartialEq)]
pub struct StepViewProps {
    /// The step.
    pub step: Step,
    /// Its results (`None` for a Duplo step).
    pub results: Option<StepResults>,
    /// A vote's charts, drawn by the page.
    #[prop_or_default]
    pub charts: VoteCharts,
    /// Prefix of element ids (the screen and the presenter differ).
    pub id: AttrValue,
}

fn value(lang: Lang, v: f64, unit: &str) -> String {
    let decimals = usize::from(v.fract().abs() > 1e-9);
    let number = format_number(lang, v, decimals);
    if unit.is_empty() {
        number
    } else {
        format!("{number}\u{a0}{unit}")
    }
}

/// One step's live view.
#[function_component]
pub fn StepView(props: &StepViewProps) -> Html {
    let settings = use_settings();
    let id = props.id.as_str();
    match (&props.step, &props.results) {
        (
            Step::Guess(g),
            Some(StepResults::Guess {
                count,
                median,
                bins,
                answer,
            }),
        ) => guess(&settings, id, g, *count, *median, bins, *answer),
        (Step::Vote(v), Some(StepResults::Vote { counts, correct })) => {
            vote(&settings, id, v, counts, *correct, &props.charts)
        }
        (Step::Words(w), Some(StepResults::Words { words, count })) => html! {
            <section class="step-view" aria-labelledby={format!("{id}-q")}>
                <h2 id={format!("{id}-q")} class="step-question">{ &w.question }</h2>
                <p class="step-count">{ settings.t_args("step-answers", &[("count", (*count).into())]) }</p>
                { cloud(&settings, words) }
            </section>
        },
        (
            Step::Mayor(m),
            Some(StepResults::Mayor {
                actual,
                average,
                groups,
            }),
        ) => mayor(&settings, id, m, actual, average.as_ref(), groups),
        (Step::Debate(d), Some(StepResults::Debate(r))) => super::debate::debate(&settings, id, d, r),
        _ => Html::default(),
    }
}

fn guess(
    settings: &SettingsHandle,
    id: &str,
    g: &Guess,
    count: usize,
    median: Option<f64>,
    bins: &[Bin],
    answer: Option<f64>,
) -> Html {
    let lang = settings.lang();
    let max = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let (width, height, gap) = (60.0, 200.0, 8.0);
    let total_width = bins.len() as f64 * width;
    let holds = |b: &Bin, v: f64| v >= b.from && (v < b.to || (v <= b.to && (b.to - g.max).abs() < 1e-9));
    html! {
        <section class="step-view" aria-labelledby={format!("{id}-q")}>
            <h2 id={format!("{id}-q")} class="step-question">{ &g.question }</h2>
            <p class="step-count">{ settings.t_args("step-answers", &[("count", count.into())]) }
                if let Some(m) = median {
                    { " · " }{ settings.t_args("step-median", &[("value", value(lang, m, &g.unit).as_str().into())]) }
                }
            </p>
            <figure class="histogram">
                <svg viewBox={format!("0 0 {total_width} {}", height + 40.0)} role="img"
                    aria-labelledby={format!("{id}-hist")}>
                    <title id={format!("{id}-hist")}>{ settings.t("step-histogram") }</title>
                    { for bins.iter().enumerate().map(|(i, b)| {
                        let h = b.count as f64 / max as f64 * (height - 20.0);
                        let x = i as f64 * width;
                        let is_answer = answer.is_some_and(|a| holds(b, a));
                        let label = settings.t_args("step-bin", &[
                            ("from", value(lang, b.from, "").as_str().into()),
                            ("to", value(lang, b.to, "").as_str().into()),
                        ]);
                        html! {
                            <g class={classes!("bin", is_answer.then_some("answer"))}>
                                <title>{ format!("{label} : {}", b.count) }</title>
                                <rect x={(x + gap / 2.0).to_string()} y={(height - h).to_string()}
                                    width={(width - gap).to_string()} height={h.to_string()} />
                                if b.count > 0 {
                                    <text x={(x + width / 2.0).to_string()} y={(height - h - 4.0).to_string()}
                                        text-anchor="middle">{ b.count }</text>
                                }
                                <text x={(x + width / 2.0).to_string()} y={(height + 18.0).to_string()} text-anchor="middle"
                                    class="axis">{ value(lang, b.from, "") }</text>
                            </g>
                        }
                    }) }
                </svg>
            </figure>
            if let Some(a) = answer {
                <p class="step-answer">{ settings.t_args("step-real", &[("value", value(lang, a, &g.unit).as_str().into())]) }</p>
                if !g.source.is_empty() {
                    <p class="hint">{ settings.t_args("step-source", &[("source", g.source.as_str().into())]) }</p>
                }
            }
        </section>
    }
}

fn vote(
    settings: &SettingsHandle,
    id: &str,
    v: &Vote,
    counts: &[usize],
    correct: Option<usize>,
    charts: &VoteCharts,
) -> Html {
    let total: usize = counts.iter().sum();
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let charts_html = match charts {
        _ if v.charts.is_empty() => Html::default(),
        None => html! { <p class="notice" role="status">{ settings.t("step-chart-loading") }</p> },
        Some(Err(detail)) => html! {
            <p class="notice" role="status">{ settings.t_args("step-chart-missing", &[("detail", detail.as_str().into())]) }</p>
        },
        Some(Ok(svgs)) => html! {
            <div class="vote-charts">
                { for svgs.iter().enumerate().map(|(i, svg)| {
                    let letter = char::from(b'A' + i as u8).to_string();
                    let name = settings.t_args("step-chart", &[("letter", letter.as_str().into())]);
                    html! {
                        <figure class={classes!("vote-chart", (correct == Some(i)).then_some("right"))}>
                            <figcaption>{ name.clone() }</figcaption>
                            <div role="img" aria-label={name}>{ Html::from_html_unchecked(svg.clone()) }</div>
                        </figure>
                    }
                }) }
            </div>
        },
    };
    html! {
        <section class="step-view" aria-labelledby={format!("{id}-q")}>
            <h2 id={format!("{id}-q")} class="step-question">{ &v.question }</h2>
            { charts_html }
            <p class="step-count">{ settings.t_args("step-answers", &[("count", total.into())]) }</p>
            <ul class="vote-bars" aria-label={settings.t("step-votes")}>
                { for v.choices.iter().zip(counts).enumerate().map(|(i, (choice, n))| {
                    let right = correct == Some(i);
                    html! {
                        <li class={classes!(right.then_some("right"))}>
                            <span class="vote-choice">{ choice }
                                if right { <strong>{ " ✓ " }{ settings.t("step-right") }</strong> }
                            </span>
                            <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" class="vote-bar">
                                <rect x="0" y="0" height="10" width={(*n as f64 / max as f64 * 100.0).to_string()} />
                            </svg>
                            <span class="vote-count">{ n }</span>
                        </li>
                    }
                }) }
            </ul>
            if correct.is_some() && !v.explanation.is_empty() {
                <p class="step-answer">{ &v.explanation }</p>
            }
        </section>
    }
}

fn cloud(settings: &SettingsHandle, words: &[WordCount]) -> Html {
    let Some(top) = words.first().map(|w| w.count) else {
        return html! { <p class="hint">{ settings.t("step-words-empty") }</p> };
    };
    // Five sizes, by the share of the most frequent form; the list stays in rank order
    // (the most frequent first), which a screen reader reads as a ranking.
    html! {
        <ol class="word-cloud">
            { for words.iter().take(40).map(|w| {
                let size = 1 + (w.count * 4).div_ceil(top.max(1)).min(4);
                html! {
                    <li class={format!("w{size}")}>
                        { &w.text }<span class="word-count">{ format!(" ({})", w.count) }</span>
                    </li>
                }
            }) }
        </ol>
    }
}

fn mayor(
    settings: &SettingsHandle,
    id: &str,
    m: &MayorStep,
    actual: &Allocation,
    average: Option<&Allocation>,
    groups: &[briques_core::live::steps::Proposal],
) -> Html {
    let lang = settings.lang();
    let columns: Vec<(String, &Allocation)> = std::iter::once((settings.t("step-mayor-actual"), actual))
        .chain(average.map(|a| (settings.t("step-mayor-average"), a)))
        .chain(groups.iter().map(|g| (g.group.clone(), &g.allocation)))
        .collect();
    // Tokens, with one decimal for the average.
    let tokens = |t: f64| format_number(lang, t, if t.fract() == 0.0 { 0 } else { 1 });
    let row = |label: String, cell: &dyn Fn(&Allocation) -> String| {
        html! {
            <tr>
                <th scope="row">{ label }</th>
                { for columns.iter().map(|(_, a)| html! { <td>{ cell(a) }</td> }) }
            </tr>
        }
    };
    html! {
        <section class="step-view" aria-labelledby={format!("{id}-q")}>
            <h2 id={format!("{id}-q")} class="step-question">{ &m.commune }</h2>
            if groups.is_empty() {
                <p class="hint">{ settings.t("step-mayor-no-groups") }</p>
            }
            <div class="table-scroll">
                <table class="mayor-compare">
                    <thead>
                        <tr>
                            <th scope="col">{ settings.t("step-mayor-line") }</th>
                            { for columns.iter().map(|(name, _)| html! { <th scope="col">{ name }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for actual.jetons.iter().enumerate().map(|(i, (poste, _))| {
                            row(settings.t(&poste.key()), &|a: &Allocation| {
                                a.jetons.get(i).map(|d| tokens(d.1)).unwrap_or_default()
                            })
                        }) }
                        { row(settings.t("step-mayor-taxes"), &|a: &Allocation| format!("+{}", tokens(a.impot))) }
                        { row(settings.t("step-mayor-card"), &|a: &Allocation| {
                            a.imprevu.map_or_else(|| "—".to_owned(), |c| settings.t(&c.key()))
                        }) }
                        <tr>
                            <th scope="row">{ settings.t("step-mayor-rules") }</th>
                            <td>{ "—" }</td>
                            if average.is_some() { <td>{ "—" }</td> }
                            { for groups.iter().map(|g| html! {
                                <td class={classes!(if g.problems.is_empty() { "rule-ok" } else { "rule-broken" })}>
                                    if g.problems.is_empty() {
                                        { "✓ " }{ settings.t("step-mayor-ok") }
                                    } else {
                                        { for g.problems.iter().map(|p| html! {
                                            <span class="rule">{ "✗ " }{ settings.t(&format!("step-problem-{p}")) }</span>
                                        }) }
                                    }
                                </td>
                            }) }
                        </tr>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
