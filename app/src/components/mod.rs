//! Small leaf components shared by pages.

pub mod header;
