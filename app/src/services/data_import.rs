//! Opening a data file on the Données page without freezing it: the bytes are read as
//! `dataset::Importer` slices of [`ROWS_PER_SLICE`] rows, then each column is typed and
//! then profiled in a step of its own, yielding to the browser between steps so that it
//! paints the progress bar and handles input. Each step is reported to the caller, which
//! answers whether the import is still wanted (a file chosen since makes it stop).

use briques_core::dataset::profile::{profile_column, Profile};
use briques_core::dataset::{Dataset, DatasetError, Importer};

use crate::services::tasks;
use crate::state::data::DataAction;

/// Rows read between two paints of the progress bar.
pub const ROWS_PER_SLICE: usize = 25_000;

/// Reads `bytes` (the file `name`) in slices, then types and profiles the columns.
/// `report` is given each step as an action and answers whether to go on. `Ok(None)`
/// when it said not to; `Err` when the bytes are not a table.
pub async fn import(
    bytes: Vec<u8>,
    name: &str,
    report: impl Fn(DataAction) -> bool,
) -> Result<Option<(Dataset, Profile)>, DatasetError> {
    let reading = |percent| {
        report(DataAction::Reading {
            name: name.to_owned(),
            percent,
        })
    };
    let analysing = |done, total| {
        report(DataAction::Analysing {
            name: name.to_owned(),
            done,
            total,
        })
    };
    if !reading(0) {
        return Ok(None);
    }
    tasks::yield_to_browser().await;
    let mut importer = Importer::new(bytes)?;
    while !importer.step(ROWS_PER_SLICE)? {
        let progress = importer.progress();
        if !reading(progress.done * 100 / progress.total.max(1)) {
            return Ok(None);
        }
        tasks::yield_to_browser().await;
    }
    // Each column is typed, then profiled, in a step of its own.
    let mut typing = importer.into_typing()?;
    let total = typing.progress().total * 2;
    loop {
        if !analysing(typing.progress().done, total) {
            return Ok(None);
        }
        tasks::yield_to_browser().await;
        if typing.step() {
            break;
        }
    }
    let dataset = typing.finish();
    let mut columns = Vec::with_capacity(dataset.columns.len());
    for column in &dataset.columns {
        if !analysing(dataset.columns.len() + columns.len(), total) {
            return Ok(None);
        }
        tasks::yield_to_browser().await;
        columns.push(profile_column(column));
    }
    let profile = Profile {
        encoding: dataset.encoding,
        delimiter: dataset.delimiter,
        rows: dataset.rows,
        columns,
    };
    Ok(Some((dataset, profile)))
}
