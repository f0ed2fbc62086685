//! The prepared budgets folder, the format `briques budget prepare` writes and
//! `briques serve --budgets` reads (plain serde, available without polars):
//!
//! - `index.json`: `{"format": "briques-budgets-index", "version": 1, "communes": [...]}`,
//!   one [`IndexEntry`] per commune, saying where its budget is;
//! - `communes/<département>.jsonl`: a first line `{"format": "briques-budgets-communes",
//!   "version": 1}`, then one [`super::Budget`] in JSON per line;
//! - `strates.json`: `{"format": "briques-strates", "version": 1, "strates": {...}}`,
//!   the [`Strate`] statistics keyed by strate number.
//!
//! Like every file Briques writes, each carries its format name and version, so that a
//! folder prepared by another version is refused with a message instead of misread.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::explore::Strate;
use crate::i18n::{display_from_message, tr, tr_args, Lang};

/// The `format` of `index.json`.
pub const INDEX_FORMAT: &str = "briques-budgets-index";
/// The `format` of the first line of each `communes/*.jsonl` file.
pub const COMMUNES_FORMAT: &str = "briques-budgets-communes";
/// The `format` of `strates.json`.
pub const STRATES_FORMAT: &str = "briques-strates";
/// The version written, and the newest read, of the three files.
pub const VERSION: u32 = 1;

/// The index file's name in the folder.
pub const INDEX_FILE: &str = "index.json";
/// The strate statistics' file name in the folder.
pub const STRATES_FILE: &str = "strates.json";
/// The folder of the budgets' JSON-lines files.
pub const COMMUNES_DIR: &str = "communes/";

/// One commune of the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// INSEE code (or the budget's SIRET when the file gives no code).
    pub insee: String,
    /// SIREN of the commune, when known.
    #[serde(default)]
    pub siren: Option<String>,
    /// Name.
    pub nom: String,
    /// Population, when known.
    #[serde(default)]
    pub population: Option<u64>,
    /// Population strate, when the population is known.
    #[serde(default)]
    pub strate: Option<u8>,
    /// Exercice.
    pub exercice: i32,
    /// The JSON-lines file holding the budget, relative to the folder
    /// (`communes/<département>.jsonl`).
    pub fichier: String,
    /// Byte offset of the budget's line in that file.
    pub debut: u64,
    /// Length of the budget's JSON, in bytes.
    pub longueur: u64,
}

impl IndexEntry {
    /// Whether `fichier` names a file of the `communes/` folder (and nothing above it),
    /// so that a hand-edited index cannot make a reader open another file.
    pub fn file_is_inside(&self) -> bool {
        self.fichier.starts_with(COMMUNES_DIR)
            && !self.fichier.contains("..")
            && !self.fichier.contains('\\')
            && self.fichier.ends_with(".jsonl")
    }
}

/// Why a prepared folder's file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreparedError {
    /// Not JSON, or not the expected shape.
    Json {
        /// The file.
        file: String,
        /// What the JSON reader said.
        detail: String,
    },
    /// A file without the format this reader expects (written by an older Briques,
    /// before the files carried their format, or another file).
    NotPrepared {
        /// The file.
        file: String,
    },
    /// A file written by a newer Briques.
    Newer {
        /// The file.
        file: String,
        /// Its version.
        version: u32,
    },
}

impl PreparedError {
    /// What is wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PreparedError::Json { file, detail } => tr_args(
                lang,
                "budget-prepared-json",
                &[("file", file.into()), ("detail", detail.into())],
            ),
            PreparedError::NotPrepared { file } => {
                tr_args(lang, "budget-prepared-not-prepared", &[("file", file.into())])
            }
            PreparedError::Newer { file, version } => tr_args(
                lang,
                "budget-prepared-newer",
                &[("file", file.into()), ("version", (*version as usize).into())],
            ),
        }
    }
}

display_from_message!(PreparedError);

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    format: String,
    version: u32,
    #[serde(flatten)]
    body: T,
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

/// Checks a file's format and version, then reads its body.
fn read<T: serde::de::DeserializeOwned>(file: &str, format: &str, bytes: &[u8]) -> Result<T, PreparedError> {
    let json = |e: serde_json::Error| PreparedError::Json {
        file: file.to_owned(),
        detail: e.to_string(),
    };
    // An array (the index before it carried its format) is "not prepared" too.
    let header: Header = match serde_json::from_slice::<serde_json::Value>(bytes).map_err(json)? {
        serde_json::Value::Object(_) => serde_json::from_slice(bytes).map_err(json)?,
        _ => Header {
            format: None,
            version: None,
        },
    };
    if header.format.as_deref() != Some(format) {
        return Err(PreparedError::NotPrepared {
            file: file.to_owned(),
        });
    }
    let version = header.version.unwrap_or(0);
    if version > VERSION {
        return Err(PreparedError::Newer {
            file: file.to_owned(),
            version,
        });
    }
    serde_json::from_slice::<Envelope<T>>(bytes)
        .map(|e| e.body)
        .map_err(json)
}

fn write<T: Serialize>(format: &str, body: T, pretty: bool) -> Vec<u8> {
    let envelope = Envelope {
        format: format.to_owned(),
        version: VERSION,
        body,
    };
    let written = if pretty {
        serde_json::to_vec_pretty(&envelope)
    } else {
        serde_json::to_vec(&envelope)
    };
    // Our own plain structs: serialising them cannot fail.
    written.unwrap_or_default()
}

#[derive(Serialize, Deserialize)]
struct IndexBody<E> {
    communes: E,
}

#[derive(Serialize, Deserialize)]
struct StratesBody<S> {
    strates: S,
}

/// `index.json` for these entries.
pub fn write_index(entries: &[IndexEntry]) -> Vec<u8> {
    write(INDEX_FORMAT, IndexBody { communes: entries }, false)
}

/// Reads `index.json`.
pub fn read_index(bytes: &[u8]) -> Result<Vec<IndexEntry>, PreparedError> {
    read::<IndexBody<Vec<IndexEntry>>>(INDEX_FILE, INDEX_FORMAT, bytes).map(|b| b.communes)
}

/// `strates.json` for these statistics (keyed by strate number).
pub fn write_strates(strates: &BTreeMap<String, Strate>) -> Vec<u8> {
    write(STRATES_FORMAT, StratesBody { strates }, true)
}

/// Reads `strates.json`.
pub fn read_strates(bytes: &[u8]) -> Result<BTreeMap<String, Strate>, PreparedError> {
    read::<StratesBody<BTreeMap<String, Strate>>>(STRATES_FILE, STRATES_FORMAT, bytes).map(|b| b.strates)
}

/// The first line of each `communes/*.jsonl` file (with its newline).
pub fn communes_header() -> Vec<u8> {
    let mut line = write(COMMUNES_FORMAT, serde_json::Map::new(), false);
    line.push(b'\n');
    line
}

/// Checks the first line of a `communes/*.jsonl` file (`file` names it in the error).
pub fn check_communes_header(file: &str, first_line: &[u8]) -> Result<(), PreparedError> {
    read::<serde_json::Map<String, serde_json::Value>>(file, COMMUNES_FORMAT, first_line).map(|_| ())
}

/// Reads one budget's JSON, as `index.json` locates it.
pub fn read_budget(file: &str, bytes: &[u8]) -> Result<super::Budget, PreparedError> {
    serde_json::from_slice(bytes).map_err(|e| PreparedError::Json {
        file: file.to_owned(),
        detail: e.to_string(),
    })
}

/// The strate statistics' label key in the catalogue (`budget-strate-4`), so that the
/// page shows them in the reader's language.
pub fn strate_label_key(strate: u8) -> String {
    format!("budget-strate-{strate}")
}

/// The strate in words, in `lang`.
pub fn strate_label(lang: Lang, strate: u8) -> String {
    tr(lang, &strate_label_key(strate))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::explore::Quartiles;

    fn entry() -> IndexEntry {
        IndexEntry {
            insee: "31135".into(),
            siren: Some("213101355".into()),
            nom: "Cazères".into(),
            population: Some(5_000),
            strate: Some(6),
            exercice: 2023,
            fichier: "communes/031.jsonl".into(),
            debut: 52,
            longueur: 1000,
        }
    }

    #[test]
    fn each_file_carries_its_format_and_version_and_round_trips() {
        let index = write_index(&[entry()]);
        let text = String::from_utf8(index.clone()).unwrap();
        assert!(
            text.starts_with(r#"{"format":"briques-budgets-index","version":1,"communes":["#),
            "{text}"
        );
        assert_eq!(read_index(&index).unwrap(), [entry()]);

        let mut strates = BTreeMap::new();
        strates.insert(
            "6".to_owned(),
            Strate {
                label: "5 000 à 9 999 habitants".into(),
                communes: 3,
                per_inhabitant: [(
                    "epargne_brute".to_owned(),
                    Quartiles {
                        q1: 1.0,
                        median: 2.0,
                        q3: 3.0,
                    },
                )]
                .into(),
            },
        );
        assert_eq!(read_strates(&write_strates(&strates)).unwrap(), strates);

        let header = communes_header();
        assert_eq!(
            header,
            b"{\"format\":\"briques-budgets-communes\",\"version\":1}\n"
        );
        assert_eq!(check_communes_header("communes/031.jsonl", &header), Ok(()));
    }

    #[test]
    fn old_other_and_newer_files_are_refused_with_a_message() {
        // The index as written before it carried its format: an array.
        let old = read_index(b"[]").unwrap_err();
        assert_eq!(
            old,
            PreparedError::NotPrepared {
                file: "index.json".into()
            }
        );
        assert!(
            old.message(Lang::Fr).contains("budget prepare"),
            "{}",
            old.message(Lang::Fr)
        );
        let other = read_strates(br#"{"format": "briques-pack", "version": 1}"#).unwrap_err();
        assert!(matches!(other, PreparedError::NotPrepared { .. }));
        let newer =
            read_index(br#"{"format": "briques-budgets-index", "version": 9, "communes": []}"#).unwrap_err();
        assert_eq!(
            newer,
            PreparedError::Newer {
                file: "index.json".into(),
                version: 9
            }
        );
        assert!(matches!(
            read_index(b"{").unwrap_err(),
            PreparedError::Json { .. }
        ));
        assert_ne!(newer.message(Lang::Fr), newer.message(Lang::En));
    }

    #[test]
    fn index_entries_only_point_inside_the_communes_folder() {
        assert!(entry().file_is_inside());
        for bad in [
            "../secret.jsonl",
            "communes/../../etc/passwd",
            "index.json",
            "communes/x.json",
            "communes\\..\\x.jsonl",
        ] {
            let e = IndexEntry {
                fichier: bad.into(),
                ..entry()
            };
            assert!(!e.file_is_inside(), "{bad}");
        }
    }

    #[test]
    fn every_strate_has_a_label_in_both_languages() {
        for (n, ..) in crate::budget::explore::STRATES {
            assert!(!strate_label(Lang::Fr, n).starts_with("budget-strate"), "{n}");
            assert_ne!(strate_label(Lang::Fr, n), strate_label(Lang::En, n), "{n}");
        }
    }
}
