//! Fuzz target: any bytes given to the data explorer's importer, then what the page
//! does with a file that opens (profile, the suggested chart drawn to SVG), must never
//! panic. Run with `cargo +nightly fuzz run import` from `fuzz/`.
#![no_main]

use briques_core::chart::draw::render_svg;
use briques_core::chart::lessons::{lesson, suggest};
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
    let l = lesson(&spec, Distortion::TruncatedAxis);
    let _ = render_svg(&l.misleading, &dataset, Lang::Fr);
});
