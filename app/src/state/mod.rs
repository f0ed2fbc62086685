//! App state: reducers and pure logic, free of `html!` and browser calls.

pub mod budget;
pub mod duplo;
pub mod mayor;
pub mod packs;
pub mod settings;
