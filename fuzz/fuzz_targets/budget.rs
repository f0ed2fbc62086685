//! Fuzz target: any bytes given to the budget readers (format detected: TOTEM/CFU XML,
//! OFGL, SCDL, DGFiP CSV), then the explorer's tree and indicators of what reads, must
//! never panic. Run with `cargo +nightly fuzz run budget` from `fuzz/`.
#![no_main]

use briques_core::budget::explore::{tree, Axis, Side};
use briques_core::budget::{import, DgfipOptions};
use briques_core::i18n::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match import(bytes, None, &DgfipOptions::default()) {
        Ok(imported) => {
            for warning in &imported.warnings {
                let _ = warning.message(Lang::Fr);
            }
            for budget in &imported.budgets {
                let _ = budget.indicators();
                let _ = budget.by_category();
                for axis in [Axis::Nature, Axis::Fonction] {
                    let _ = tree(budget, Side::Depenses, axis);
                }
            }
        }
        Err(error) => {
            let _ = error.message(Lang::Fr);
        }
    }
});
