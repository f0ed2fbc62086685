//! Layouts shared by every chart of Briques, whoever draws it (the chart module's
//! plotters drawing, the budget page's treemap and evolution): the one treemap layout
//! ([`squarify`]) and the one choice of round axis ticks ([`nice_step`], [`ticks`],
//! [`nice_bounds`]).

/// Most ticks an axis ever gets, whatever the range it is given.
pub const MAX_TICKS: usize = 50;

/// A rectangle of the treemap, in the caller's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// Squarified treemap layout (Bruls, Huizing, van Wijk): one rectangle per value, in
/// the same order, tiling `area` with areas proportional to the values. Values should be
/// sorted largest first; zero, negative and non-finite values get an empty rectangle.
pub fn squarify(values: &[f64], area: Rect) -> Vec<Rect> {
    let mut out = vec![
        Rect {
            x: area.x,
            y: area.y,
            w: 0.0,
            h: 0.0
        };
        values.len()
    ];
    let clean: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite() && **v > 0.0)
        .map(|(i, v)| (i, *v))
        .collect();
    let total: f64 = clean.iter().map(|(_, v)| v).sum();
    if total <= 0.0 || area.w <= 0.0 || area.h <= 0.0 {
        return out;
    }
    let scale = area.w * area.h / total;
    let items: Vec<(usize, f64)> = clean.into_iter().map(|(i, v)| (i, v * scale)).collect();
    let mut free = area;
    let mut start = 0;
    while start < items.len() {
        let side = free.w.min(free.h);
        let worst = |row: &[(usize, f64)]| {
            let sum: f64 = row.iter().map(|(_, a)| a).sum();
            let (min, max) = row
                .iter()
                .fold((f64::MAX, 0.0_f64), |(lo, hi), (_, a)| (lo.min(*a), hi.max(*a)));
            let s2 = side * side;
            (s2 * max / (sum * sum)).max(sum * sum / (s2 * min))
        };
        let mut end = start + 1;
        while end < items.len() && worst(&items[start..=end]) <= worst(&items[start..end]) {
            end += 1;
        }
        let row = &items[start..end];
        let sum: f64 = row.iter().map(|(_, a)| a).sum();
        if free.w >= free.h {
            // A column on the left.
            let width = if end == items.len() { free.w } else { sum / free.h };
            let mut y = free.y;
            for (i, a) in row {
                let h = a / width;
                out[*i] = Rect {
                    x: free.x,
                    y,
                    w: width,
                    h,
                };
                y += h;
            }
            free = Rect {
                x: free.x + width,
                w: (free.w - width).max(0.0),
                ..free
            };
        } else {
            // A row at the top.
            let height = if end == items.len() { free.h } else { sum / free.w };
            let mut x = free.x;
            for (i, a) in row {
                let w = a / height;
                out[*i] = Rect {
                    x,
                    y: free.y,
                    w,
                    h: height,
                };
                x += w;
            }
            free = Rect {
                y: free.y + height,
                h: (free.h - height).max(0.0),
                ..free
            };
        }
        start = end;
    }
    out
}

/// A round step giving about `intervals` intervals over `span`: 1, 2, 2.5 or 5 times a
/// power of ten. `None` for an empty, negative or non-finite span.
pub fn nice_step(span: f64, intervals: usize) -> Option<f64> {
    if !span.is_finite() || span <= 0.0 {
        return None;
    }
    let raw = span / intervals.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    (step.is_finite() && step > 0.0).then_some(step)
}

/// The round values within `lo..=hi` at the [`nice_step`] for about `intervals`
/// intervals (never more than [`MAX_TICKS`]); just `lo` when the range is empty.
pub fn ticks(lo: f64, hi: f64, intervals: usize) -> Vec<f64> {
    let Some(step) = nice_step(hi - lo, intervals) else {
        return vec![lo];
    };
    let first = (lo / step).ceil();
    let last = (hi / step).floor();
    if !(first.is_finite() && last.is_finite()) {
        return vec![lo];
    }
    (0..MAX_TICKS)
        .map(|k| (first + k as f64) * step)
        .take_while(|v| *v <= last * step + step * 1e-9)
        .collect()
}

/// `lo` and `hi` widened to multiples of the [`nice_step`] for about `intervals`
/// intervals (a span of at least `min_span`), with that step: an axis whose ends are
/// labelled.
pub fn nice_bounds(lo: f64, hi: f64, intervals: usize, min_span: f64) -> (f64, f64, f64) {
    let step = nice_step((hi - lo).max(min_span), intervals).unwrap_or(1.0);
    let low = (lo / step).floor() * step;
    let high = ((hi / step).ceil() * step).max(low + step);
    (low, high, step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ticks_are_round_and_bounded() {
        assert_eq!(ticks(0.0, 100.0, 4), [0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(ticks(0.0, 10.0, 6), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(3.0, 3.0, 6), [3.0]);
        assert_eq!(ticks(f64::NAN, 1.0, 6).len(), 1);
        assert!(ticks(-1e300, 1e300, 6).len() <= MAX_TICKS);
        assert!(ticks(0.0, 1e-300, 6).len() <= MAX_TICKS);
        assert_eq!(ticks(0.0, 1.0, 1_000_000).len(), MAX_TICKS);
        assert_eq!(nice_bounds(12.0, 987.0, 4, 1.0), (0.0, 1000.0, 250.0));
        assert_eq!(nice_bounds(-30.0, 70.0, 4, 1.0), (-50.0, 75.0, 25.0));
    }

    proptest! {
        #[test]
        fn squarify_tiles_the_area_in_proportion(
            mut values in proptest::collection::vec(0.0f64..1e7, 0..40),
            w in 10.0f64..2000.0,
            h in 10.0f64..2000.0,
        ) {
            crate::sorting::sort_by(&mut values, |a, b| b.total_cmp(a));
            let area = Rect { x: 3.0, y: 5.0, w, h };
            let rects = squarify(&values, area);
            prop_assert_eq!(rects.len(), values.len());
            let total: f64 = values.iter().filter(|v| **v > 0.0).sum();
            let mut covered = 0.0;
            for (v, r) in values.iter().zip(&rects) {
                prop_assert!(r.w >= 0.0 && r.h >= 0.0);
                prop_assert!(r.x >= area.x - 1e-6 && r.y >= area.y - 1e-6);
                prop_assert!(r.x + r.w <= area.x + w + 1e-6 * w && r.y + r.h <= area.y + h + 1e-6 * h);
                if total > 0.0 {
                    let expected = v / total * w * h;
                    prop_assert!((r.w * r.h - expected).abs() <= 1e-6 * w * h + 1e-9);
                }
                covered += r.w * r.h;
            }
            if total > 0.0 {
                prop_assert!((covered - w * h).abs() <= 1e-6 * w * h);
            }
        }
    }
}
