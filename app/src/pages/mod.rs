//! One module per route.

pub mod budget;
pub mod duplo;
pub mod home;
pub mod live;
pub mod not_found;
pub mod soon;
pub mod workshops;
