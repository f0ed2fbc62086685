//! Browser services: what touches local storage, the document and downloads.

pub mod api;
pub mod budget_data;
pub mod communes;
pub mod data_import;
pub mod dialog;
pub mod download;
pub mod duplo_store;
pub mod file_input;
pub mod live_start;
pub mod mayor_store;
pub mod opendata;
pub mod pack_store;
pub mod saved_communes;
pub mod storage;
pub mod tasks;
