//! Helpers shared by the server's integration tests (`mod common;`).

pub mod standin;
