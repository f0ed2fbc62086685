//! One module per route.

pub mod budget;
pub mod data;
pub mod duplo;
pub mod home;
pub mod live;
pub mod not_found;
pub mod workshops;
