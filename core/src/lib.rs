//! `briques-core`: the domain of Briques, shared by the browser app and the server.
//!
//! - [`i18n`]: the translation catalogue (French first, English), used for every
//!   user-visible string by the app, the server pages and the command line.
//! - [`survey`]: the Duplo exercise — survey model, responses, tallies, cross-tabs,
//!   brick towers, re-identification ("qui est unique ?"), JSON and CSV files.
//! - [`budget`]: commune budgets — one model for OFGL, TOTEM/CFU, SCDL and DGFiP files,
//!   and the indicators (épargne brute, nette, capacité de désendettement, …).
//! - [`live`]: live sessions — join codes, what the facilitator controls, and the
//!   aggregate-only view participants receive.
//! - [`pack`]: workshop packs — `pack.toml` and guide sheets, validation with every
//!   problem located, the `.briques` file, schema.org JSON-LD, safe Markdown.
//! - [`communes`]: the directory of every French commune (codes, département,
//!   population) and the search people use as they type.
//! - [`chart`]: chart specs (versioned), the plotters drawing module and the
//!   misleading-chart lessons.
//! - [`dataset`]: open data files for the data explorer — typed columns, profiles,
//!   transformations for charts.
//! - [`csv`]: a small CSV reader and writer shared by the importers.
//! - [`html`]: the one HTML escaper (server pages, tests).
//! - [`site`]: facts about the web app that both the app and the server must agree on
//!   (its routes, its storage keys).
//!
//! Architecture invariant: this crate knows nothing about the browser, the network or
//! the file system. Inputs are bytes, strings and structs; outputs are values and
//! typed errors. It builds for native targets and for `wasm32-unknown-unknown`.
#![deny(missing_docs)]

// First: the macro that gives each vocabulary enum its codes.
mod vocabulary;

pub mod budget;
pub mod chart;
pub mod communes;
pub mod csv;
pub mod dataset;
pub mod html;
pub mod i18n;
pub mod live;
pub mod pack;
pub mod site;
pub mod sorting;
pub mod survey;
