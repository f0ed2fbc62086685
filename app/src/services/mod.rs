//! Browser services: what touches local storage, the document and downloads.

pub mod api;
pub mod download;
pub mod duplo_store;
pub mod storage;
pub mod tasks;
