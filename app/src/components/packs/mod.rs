//! The pieces of the Ateliers page: the pack library, a pack's detail (sheets,
//! timeline, launch, print, export), the editor, the import and the Markdown view.

pub mod detail;
pub mod editor;
pub mod import;
pub mod library;
pub mod markdown;

use serde::{Deserialize, Serialize};

/// The Ateliers page's query: `?pack=<slug>` opens a pack.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PackQuery {
    /// The pack's slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
}
