//! Small leaf components shared by pages.

pub mod budget;
pub mod commune_search;
pub mod data;
pub mod duplo;
pub mod figure;
pub mod header;
pub mod live;
pub mod packs;
pub mod preview;
