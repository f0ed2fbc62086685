//! Browser services: what touches local storage and the document.

pub mod storage;
