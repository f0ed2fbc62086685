//! Custom hooks: one per concern, each returning a handle with domain verbs.

pub mod use_settings;

pub use use_settings::{use_settings, SettingsHandle, SettingsProvider};
