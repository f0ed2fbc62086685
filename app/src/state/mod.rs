//! App state: reducers and pure logic, free of `html!` and browser calls.

pub mod budget;
pub mod data;
pub mod duplo;
pub mod live;
pub mod mayor;
pub mod packs;
pub mod settings;
