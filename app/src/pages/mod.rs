//! One module per route.

pub mod data;
pub mod duplo;
pub mod home;
pub mod live;
pub mod not_found;
pub mod soon;
