//! Fuzz target: any bytes given to the data explorer's importer, then what the page
//! does with a file that opens (profile, the suggested chart drawn to SVG, each lesson's
//! two versions and why its trick barely shows), must never panic. Run with `cargo +nightly fuzz run import` from `fuzz/`.
#![no_main]

use briques_core::chart::data::compute;
use briques_core::chart::draw::render_svg;
use briques_core::chart::lessons::{lesson, suggest, weak_effect};
use briques_core::chart::Distortion;
use briques_core::dataset::{import, profile::profile};
use briques_core::i18n::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(dataset) = import(bytes) else {
        return;
    };
    let p = profile(&dataset);
    for column in &p.columns {
        let _ = column.sentence(Lang::Fr, p.rows);
    }
    let spec = suggest(&dataset);
    let _ = render_svg(&spec, &dataset, Lang::Fr);
    for &distortion in Distortion::ALL {
        let l = lesson(&spec, distortion, &dataset);
        let _ = render_svg(&l.misleading, &dataset, Lang::Fr);
        if let (Ok(honest), Ok(misleading)) = (
            compute(&l.honest, &dataset, Lang::Fr),
            compute(&l.misleading, &dataset, Lang::Fr),
        ) {
            let _ = weak_effect(distortion, &honest, &misleading, Lang::Fr);
        }
    }
});
