//! Statistical secrecy for a table that counts people: a count of 1 to 10 people is not
//! published (it is shown « < 11 »), and neither is a count from which a hidden one could
//! be recomputed.
//!
//! What a masked table publishes: its cells, and one total per line. A table of several
//! columns (categories × series) has a total per row; a table of one column (counts by
//! category) has the column's total. Every shown number is 0 or at least the threshold
//! (primary secrecy, totals included). A line whose total is shown never has exactly one
//! hidden cell: that cell would be its total minus the others, so a second cell of the
//! line is hidden too (secondary secrecy: the smallest count above zero, else the
//! smallest). Each cell belongs to one line, so hiding a second cell never uncovers
//! another line: no hidden count can be recomputed from what is shown.
//!
//! The threshold is a parameter; [`THRESHOLD`] (counts of 1 to 10 hidden) is the one
//! the Données page applies.

/// The usual threshold: counts below it (1 to 10) are hidden.
pub const THRESHOLD: f64 = 11.0;

/// A total of a masked table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Total {
    /// Its value (never shown when `hidden`).
    pub value: f64,
    /// Whether it is hidden (a count of 1 to threshold − 1).
    pub hidden: bool,
}

/// Which numbers of a table are hidden.
#[derive(Clone, Debug, PartialEq)]
pub struct Masking {
    /// The threshold applied.
    pub threshold: f64,
    /// `cells[row][column]`: hidden.
    pub cells: Vec<Vec<bool>>,
    /// `small[row][column]`: hidden because it is a count of 1 to threshold − 1 (the
    /// others hidden are larger: they are shown as secret, not as small).
    pub small: Vec<Vec<bool>>,
    /// Each row's total, when the table has more than one column.
    pub row_totals: Vec<Total>,
    /// The column's total, when the table has one column.
    pub column_total: Option<Total>,
    /// How many cells are hidden because they are small.
    pub primary: usize,
    /// How many are hidden so that the small ones cannot be recomputed.
    pub secondary: usize,
}

impl Masking {
    /// Whether the cell at `row`, `column` is hidden because it is small.
    pub fn is_small(&self, row: usize, column: usize) -> bool {
        self.small
            .get(row)
            .and_then(|r| r.get(column))
            .copied()
            .unwrap_or(false)
    }

    /// Whether the cell at `row`, `column` is hidden.
    pub fn hidden(&self, row: usize, column: usize) -> bool {
        self.cells
            .get(row)
            .and_then(|r| r.get(column))
            .copied()
            .unwrap_or(false)
    }
}

/// Whether a count is small: more than zero, below the threshold.
pub fn is_small(value: f64, threshold: f64) -> bool {
    value > 0.0 && value < threshold
}

fn total_of(values: impl Iterator<Item = Option<f64>>, threshold: f64) -> Total {
    let value: f64 = values.flatten().filter(|v| v.is_finite()).sum();
    Total {
        value,
        hidden: is_small(value, threshold),
    }
}

/// Masks `table` (`table[row][column]`, `None`: no count there, never hidden) for
/// `threshold`. Rows shorter than the longest are read as missing cells.
pub fn mask_counts(table: &[Vec<Option<f64>>], threshold: f64) -> Masking {
    let columns = table.iter().map(Vec::len).max().unwrap_or(0);
    let cell = |r: usize, c: usize| -> Option<f64> {
        table
            .get(r)
            .and_then(|row| row.get(c))
            .copied()
            .flatten()
            .filter(|v| v.is_finite())
    };
    let mut cells: Vec<Vec<bool>> = (0..table.len())
        .map(|r| {
            (0..columns)
                .map(|c| cell(r, c).is_some_and(|v| is_small(v, threshold)))
                .collect()
        })
        .collect();
    let small = cells.clone();
    let primary = cells.iter().flatten().filter(|h| **h).count();
    // The lines whose total is shown: each row of a table of several columns, or the
    // one column.
    let lines: Vec<Vec<(usize, usize)>> = if columns > 1 {
        (0..table.len())
            .map(|r| (0..columns).map(|c| (r, c)).collect())
            .collect()
    } else if columns == 1 {
        vec![(0..table.len()).map(|r| (r, 0)).collect()]
    } else {
        Vec::new()
    };
    let totals: Vec<Total> = lines
        .iter()
        .map(|line| total_of(line.iter().map(|&(r, c)| cell(r, c)), threshold))
        .collect();
    let mut secondary = 0;
    for (line, total) in lines.iter().zip(&totals) {
        if total.hidden {
            continue;
        }
        let hidden = line.iter().filter(|&&(r, c)| cells[r][c]).count();
        if hidden != 1 {
            continue;
        }
        // The smallest count above zero that is shown, else the smallest shown (a
        // zero: the line total then says only that the two add up to it).
        let candidates = line
            .iter()
            .filter(|&&(r, c)| !cells[r][c])
            .filter_map(|&(r, c)| Some(((r, c), cell(r, c)?)));
        let pick = candidates.fold(None::<((usize, usize), f64)>, |best, (at, v)| {
            let better = match best {
                None => true,
                Some((_, b)) => match (v > 0.0, b > 0.0) {
                    (true, false) => true,
                    (false, true) => false,
                    _ => v < b,
                },
            };
            if better {
                Some((at, v))
            } else {
                best
            }
        });
        if let Some(((r, c), _)) = pick {
            cells[r][c] = true;
            secondary += 1;
        }
    }
    let (row_totals, column_total) = if columns > 1 {
        (totals, None)
    } else {
        (Vec::new(), totals.into_iter().next())
    };
    Masking {
        threshold,
        cells,
        small,
        row_totals,
        column_total,
        primary,
        secondary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn table(rows: &[&[f64]]) -> Vec<Vec<Option<f64>>> {
        rows.iter()
            .map(|r| r.iter().map(|v| Some(*v)).collect())
            .collect()
    }

    #[test]
    fn small_counts_are_hidden_and_a_lone_one_gets_a_companion() {
        // Row 0: 4 is small; alone, it would be 54 − 20 − 30: the 20 is hidden too.
        // Row 1: two small counts already protect each other. Row 2: nothing small.
        let t = table(&[&[4.0, 20.0, 30.0], &[3.0, 5.0, 40.0], &[12.0, 0.0, 11.0]]);
        let m = mask_counts(&t, THRESHOLD);
        assert_eq!(
            m.cells,
            vec![
                vec![true, true, false],
                vec![true, true, false],
                vec![false, false, false]
            ]
        );
        assert_eq!((m.primary, m.secondary), (3, 1));
        assert_eq!(
            m.row_totals[0],
            Total {
                value: 54.0,
                hidden: false
            }
        );
        assert_eq!(m.column_total, None);
    }

    #[test]
    fn a_companion_is_a_count_above_zero_when_there_is_one() {
        let t = table(&[&[0.0, 7.0, 50.0, 15.0]]);
        let m = mask_counts(&t, THRESHOLD);
        assert_eq!(m.cells, vec![vec![false, true, false, true]]);
        // Only zeros beside it: a zero is hidden.
        let t = table(&[&[0.0, 7.0, 0.0]]);
        let m = mask_counts(&t, THRESHOLD);
        // The total (7) is itself small: hidden, so nothing more is needed.
        assert!(m.row_totals[0].hidden);
        assert_eq!(m.secondary, 0);
    }

    #[test]
    fn one_column_is_protected_by_its_total() {
        let t = table(&[&[120.0], &[8.0], &[35.0], &[0.0]]);
        let m = mask_counts(&t, THRESHOLD);
        assert_eq!(m.cells, vec![vec![false], vec![true], vec![true], vec![false]]);
        assert_eq!(
            m.column_total,
            Some(Total {
                value: 163.0,
                hidden: false
            })
        );
        assert!(m.row_totals.is_empty());
        // Missing cells are neither counted nor hidden.
        let m = mask_counts(&[vec![None], vec![Some(4.0)], vec![Some(30.0)]], THRESHOLD);
        assert_eq!(m.cells, vec![vec![false], vec![true], vec![true]]);
        assert!(mask_counts(&[], THRESHOLD).cells.is_empty());
    }

    /// Whether unknown `target` (a vector over the unknowns) is a combination of the
    /// equations' left-hand sides: then its value follows from what is shown.
    fn determined(equations: &[Vec<f64>], target: &[f64]) -> bool {
        // Rank of the equations, then of the equations with the target added.
        fn rank(mut m: Vec<Vec<f64>>) -> usize {
            let width = m.first().map_or(0, Vec::len);
            let mut rank = 0;
            for col in 0..width {
                let Some(p) = (rank..m.len()).find(|&i| m[i][col].abs() > 1e-9) else {
                    continue;
                };
                m.swap(rank, p);
                let pivot = m[rank].clone();
                for (i, row) in m.iter_mut().enumerate() {
                    if i != rank && row[col].abs() > 1e-9 {
                        let f = row[col] / pivot[col];
                        for (x, y) in row.iter_mut().zip(&pivot) {
                            *x -= f * y;
                        }
                    }
                }
                rank += 1;
            }
            rank
        }
        let mut with = equations.to_vec();
        with.push(target.to_vec());
        rank(equations.to_vec()) == rank(with)
    }

    proptest! {
        #[test]
        fn nothing_hidden_can_be_recomputed_and_nothing_small_is_shown(
            rows in 1usize..6,
            columns in 1usize..6,
            seed in proptest::collection::vec(prop_oneof![Just(0u32), 1u32..11, 11u32..200], 36),
        ) {
            let t: Vec<Vec<Option<f64>>> = (0..rows)
                .map(|r| (0..columns).map(|c| Some(f64::from(seed[r * columns + c]))).collect())
                .collect();
            let m = mask_counts(&t, THRESHOLD);
            // Nothing shown is a count of 1 to 10: cells and totals. A cell said small is.
            for (r, row) in t.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let v = cell.unwrap();
                    if !m.hidden(r, c) {
                        prop_assert!(v == 0.0 || v >= THRESHOLD);
                    }
                    prop_assert_eq!(m.is_small(r, c), v > 0.0 && v < THRESHOLD);
                    prop_assert!(!m.is_small(r, c) || m.hidden(r, c));
                }
            }
            // The published lines, with their totals computed here.
            let lines: Vec<(Vec<(usize, usize)>, f64)> = if columns > 1 {
                (0..rows)
                    .map(|r| ((0..columns).map(|c| (r, c)).collect(), t[r].iter().flatten().sum()))
                    .collect()
            } else {
                vec![((0..rows).map(|r| (r, 0)).collect(), t.iter().flatten().flatten().sum())]
            };
            let shown_totals: Vec<Total> = if columns > 1 { m.row_totals.clone() } else { m.column_total.into_iter().collect() };
            prop_assert_eq!(shown_totals.len(), lines.len());
            for ((_, value), total) in lines.iter().zip(&shown_totals) {
                prop_assert_eq!(*value, total.value);
                prop_assert_eq!(total.hidden, *value > 0.0 && *value < THRESHOLD);
            }
            // The unknowns: the hidden cells. Each shown total is an equation over them.
            let unknowns: Vec<(usize, usize)> = (0..rows)
                .flat_map(|r| (0..columns).map(move |c| (r, c)))
                .filter(|&(r, c)| m.hidden(r, c))
                .collect();
            let vector = |cells: &[(usize, usize)]| -> Vec<f64> {
                unknowns.iter().map(|u| if cells.contains(u) { 1.0 } else { 0.0 }).collect()
            };
            let equations: Vec<Vec<f64>> = lines
                .iter()
                .zip(&shown_totals)
                .filter(|(_, total)| !total.hidden)
                .map(|((cells, _), _)| vector(cells))
                .collect();
            for (i, u) in unknowns.iter().enumerate() {
                let mut target = vec![0.0; unknowns.len()];
                target[i] = 1.0;
                prop_assert!(!determined(&equations, &target), "cell {:?} of {:?} recomputable", u, t);
            }
            // Nor can a hidden total be recomputed from the shown cells and totals.
            for ((cells, _), total) in lines.iter().zip(&shown_totals) {
                if total.hidden {
                    let target = vector(cells);
                    prop_assert!(target.iter().any(|x| *x != 0.0));
                    prop_assert!(!determined(&equations, &target));
                }
            }
        }
    }
}
