//! One stable sort for every element type, compiled once.
//!
//! The standard library's sorts are fast, but each call site with its own element type
//! or comparator gets its own copy of several hundred lines of machine code (quicksort,
//! driftsort, small sorts, merges). In the browser's bundle that was about 75 KB for
//! thirty call sites. [`sort_by`] sorts a permutation of indices with a comparator
//! behind `dyn` (one copy of the merge sort in the whole program), then moves the
//! elements into place: the generic part is a few instructions per element type.
//!
//! Used where the sorted lists are short (categories, groups, series, budget lines);
//! hot paths over whole columns of numbers keep `sort_unstable_by(f64::total_cmp)`,
//! which is a single copy shared by its callers.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably (equal items keep their order), like
/// `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let items = &*items;
        sorted_order(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    permute(items, order);
}

/// Sorts `items` by a key, stably, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The indices `0..len` in the order `compare` sorts them, stably: a bottom-up merge
/// sort (n log n comparisons, one buffer of `len` indices). Not generic, so compiled
/// once.
fn sorted_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut buffer = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut buffer[start..end] {
                // Take from the left run unless the right one's head is strictly smaller:
                // equal items keep their order.
                let take_left = right >= end
                    || (left < middle && compare(order[left], order[right]) != Ordering::Greater);
                if take_left {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut buffer);
        width *= 2;
    }
    order
}

/// Puts `items[order[i]]` at position `i`, by following each cycle of the permutation
/// with swaps (no copy of the elements, no `Clone` needed).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut current = start;
        // Each position is fixed once: `order[i] == i` marks it done.
        while order[current] != start {
            let next = order[current];
            items.swap(current, next);
            order[current] = current;
            current = next;
        }
        order[current] = current;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same result as the standard library's stable sort, equal keys included.
        #[test]
        fn sorts_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            let mut theirs = items;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn by_key_and_natural_order(items in proptest::collection::vec(any::<i32>(), 0..100)) {
            let mut ours = items.clone();
            let mut theirs = items.clone();
            sort(&mut ours);
            theirs.sort();
            prop_assert_eq!(&ours, &theirs);
            let mut ours = items.clone();
            let mut theirs = items;
            sort_by_key(&mut ours, |n| n.unsigned_abs());
            theirs.sort_by_key(|n| n.unsigned_abs());
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn strings_move_without_copies() {
        let mut words = vec![
            "poire".to_owned(),
            "abricot".to_owned(),
            "figue".to_owned(),
            "abricot".to_owned(),
        ];
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["poire", "figue", "abricot", "abricot"]);
    }
}
