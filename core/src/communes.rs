//! The commune directory: every French commune, its codes and its population, and the
//! search people use as they type ("saint denis 93", "l abergement", "2A004", "75011").
//!
//! The directory is data, not code: `www/communes/communes.tsv` (written by
//! `scripts/make-communes` from Etalab's découpage administratif, see
//! `tools/communes/SOURCES.md`), fetched by the app at [`ASSET`] when a search first needs
//! it and compiled into the native binary for the command line. [`Directory::parse`]
//! reads it; a damaged file is a [`CommunesError`] saying which line and which field,
//! never a panic.
//!
//! # The format (`briques-communes`, version 1)
//!
//! UTF-8 text, one record per line, fields separated by tabs, no quoting (no field holds
//! a tab or a line break). The first line is `briques-communes<TAB>1`. Then, in any
//! order (the file writes them in this one):
//!
//! - `source<TAB>…`: where the data comes from and its licence, in words;
//! - `region<TAB>code<TAB>nom`;
//! - `departement<TAB>code<TAB>région<TAB>nom`;
//! - `epci<TAB>siren<TAB>nom`: the intercommunalities with their own taxation;
//! - one line per commune: `type<TAB>insee<TAB>nom<TAB>département<TAB>codes postaux
//!   (separated by spaces)<TAB>siren<TAB>epci<TAB>population<TAB>rattachement`, where
//!   `type` is INSEE's code of the kind ([`CommuneKind`]: `COM`, `ARM`, `COMD`, `COMA`),
//!   `siren` is empty, nine digits, or `=` for the usual SIREN of a commune
//!   ([`usual_siren`]: "21", the département, "0", the commune's number, a Luhn digit),
//!   `epci` is the SIREN of an `epci` line or empty, `population` a whole number or
//!   empty, and `rattachement` the commune (`COM`) an arrondissement, a delegated or an
//!   associated commune belongs to (empty for a `COM`).
//!
//! A delegated commune often keeps the INSEE code of the commune it joined: the code
//! then appears twice (`COM` and `COMD`), and [`Directory::by_insee`] gives the `COM`.
//!
//! # Search
//!
//! [`Directory::search`] normalises the query as it does names ([`normalise`]: case,
//! accents, hyphens and apostrophes, "st"/"ste" for "saint"/"sainte", articles
//! dropped), reads numbers as codes (INSEE code, postal code, SIREN, département, or the
//! number of an arrondissement: "paris 15"), and ranks: the exact name first, then names
//! that start with the query, then names whose words start with the query's words; ties
//! go to the larger population. Every keystroke costs a few binary searches in sorted
//! indexes and a check of the candidates, never a pass over the whole directory.

use std::cmp::{Ordering, Reverse};
use std::ops::Range;

use crate::i18n::{display_from_message, shorten, tr, tr_args, Lang};
use crate::vocabulary::codes;

/// The address the app fetches the directory from (`www/communes/communes.tsv`, copied
/// into `dist/` and precached by the service worker).
pub const ASSET: &str = "/communes/communes.tsv";
/// The first field of the file's first line.
pub const FORMAT: &str = "briques-communes";
/// The version written, and the newest read.
pub const VERSION: u32 = 1;
/// The largest file read, in bytes (the real one is under 2 MB).
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
/// The longest field, in bytes (the longest commune name has 45 characters).
pub const MAX_FIELD_BYTES: usize = 300;
/// The most postal codes of one commune (Paris has 21).
pub const MAX_POSTAL_CODES: usize = 64;

/// What kind of commune a line is: INSEE's codes (`TYPECOM` of the code officiel
/// géographique), as written in the file and in the command line's JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommuneKind {
    /// A commune (with its own council and budget).
    Commune,
    /// A municipal arrondissement of Paris, Lyon or Marseille.
    Arrondissement,
    /// A delegated commune: a former commune inside a commune nouvelle.
    Deleguee,
    /// An associated commune: a former commune associated with another since a merger.
    Associee,
}

codes!(CommuneKind {
    Commune => "COM",
    Arrondissement => "ARM",
    Deleguee => "COMD",
    Associee => "COMA",
});

impl CommuneKind {
    /// Its name in `lang` ("commune déléguée").
    pub fn label(self, lang: Lang) -> String {
        tr(lang, &format!("communes-kind-{}", self.code()))
    }

    /// Order among lines of equal match: communes and arrondissements, which have a
    /// population, before the former communes.
    fn rank(self) -> u8 {
        match self {
            CommuneKind::Commune => 0,
            CommuneKind::Arrondissement => 1,
            CommuneKind::Deleguee => 2,
            CommuneKind::Associee => 3,
        }
    }
}

/// A field of the directory, named by the errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// A commune's INSEE code.
    Insee,
    /// A name.
    Nom,
    /// A département code.
    Departement,
    /// A region code.
    Region,
    /// A postal code.
    CodePostal,
    /// A SIREN.
    Siren,
    /// An EPCI's SIREN.
    Epci,
    /// A population.
    Population,
    /// The commune an arrondissement or a former commune belongs to.
    Rattachement,
    /// The format's version.
    Version,
}

codes!(Field {
    Insee => "insee",
    Nom => "nom",
    Departement => "departement",
    Region => "region",
    CodePostal => "code-postal",
    Siren => "siren",
    Epci => "epci",
    Population => "population",
    Rattachement => "rattachement",
    Version => "version",
});

impl Field {
    /// Its name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        tr(lang, &format!("communes-field-{}", self.code()))
    }
}

/// Why a directory file cannot be read. Lines are counted from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommunesError {
    /// Larger than [`MAX_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// The first line is not `briques-communes<TAB>version`.
    NotADirectory,
    /// Written for a newer version of Briques.
    Newer {
        /// Its version.
        version: u32,
    },
    /// A line without the number of fields its kind has.
    FieldCount {
        /// The line.
        line: usize,
        /// The number its kind has.
        expected: usize,
        /// The number it has.
        found: usize,
    },
    /// A field longer than [`MAX_FIELD_BYTES`].
    TooLong {
        /// The line.
        line: usize,
    },
    /// A line of no known kind.
    UnknownLine {
        /// The line.
        line: usize,
        /// Its first field.
        tag: String,
    },
    /// A field whose value is not of its kind (a code of the wrong shape, a number that
    /// is not one, a text too long).
    Invalid {
        /// The line.
        line: usize,
        /// The field.
        field: Field,
        /// The value (shortened).
        value: String,
    },
    /// An empty field that must be filled.
    Missing {
        /// The line.
        line: usize,
        /// The field.
        field: Field,
    },
    /// A code that names nothing in the file (a département, region, EPCI or commune).
    Unknown {
        /// The line.
        line: usize,
        /// The field.
        field: Field,
        /// The code.
        value: String,
    },
    /// A code defined twice.
    Duplicate {
        /// The line of the second definition.
        line: usize,
        /// The field.
        field: Field,
        /// The code.
        value: String,
    },
    /// No commune at all.
    Empty,
}

impl CommunesError {
    /// What is wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let at = |line: &usize, key: &str, args: &[(&str, crate::i18n::Value<'_>)]| {
            let detail = tr_args(lang, key, args);
            tr_args(
                lang,
                "communes-error-line",
                &[("line", (*line).into()), ("detail", detail.as_str().into())],
            )
        };
        match self {
            CommunesError::TooLarge { bytes } => tr_args(
                lang,
                "communes-error-too-large",
                &[("bytes", (*bytes).into()), ("max", MAX_BYTES.into())],
            ),
            CommunesError::NotADirectory => tr(lang, "communes-error-not-directory"),
            CommunesError::Newer { version } => tr_args(
                lang,
                "communes-error-newer",
                &[("version", (*version as usize).into())],
            ),
            CommunesError::FieldCount {
                line,
                expected,
                found,
            } => at(
                line,
                "communes-error-field-count",
                &[("expected", (*expected).into()), ("found", (*found).into())],
            ),
            CommunesError::TooLong { line } => at(
                line,
                "communes-error-too-long",
                &[("max", MAX_FIELD_BYTES.into())],
            ),
            CommunesError::UnknownLine { line, tag } => {
                at(line, "communes-error-unknown-line", &[("tag", tag.into())])
            }
            CommunesError::Invalid { line, field, value } => at(
                line,
                "communes-error-invalid",
                &[
                    ("field", field.label(lang).as_str().into()),
                    ("value", value.into()),
                ],
            ),
            CommunesError::Missing { line, field } => at(
                line,
                "communes-error-missing",
                &[("field", field.label(lang).as_str().into())],
            ),
            CommunesError::Unknown { line, field, value } => at(
                line,
                "communes-error-unknown",
                &[
                    ("field", field.label(lang).as_str().into()),
                    ("value", value.into()),
                ],
            ),
            CommunesError::Duplicate { line, field, value } => at(
                line,
                "communes-error-duplicate",
                &[
                    ("field", field.label(lang).as_str().into()),
                    ("value", value.into()),
                ],
            ),
            CommunesError::Empty => tr(lang, "communes-error-empty"),
        }
    }
}

display_from_message!(CommunesError);

/// A region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    /// INSEE code (`84`, `01` for Guadeloupe, `975` for a collectivité d'outre-mer).
    pub code: String,
    /// Name.
    pub nom: String,
}

/// A département (or a collectivité d'outre-mer, which the source lists as one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Departement {
    /// Code (`01`, `2A`, `971`).
    pub code: String,
    /// Its region's code.
    pub region: String,
    /// Name.
    pub nom: String,
}

/// An intercommunality with its own taxation (communauté de communes,
/// d'agglomération, urbaine, métropole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Epci {
    /// SIREN.
    pub siren: String,
    /// Name.
    pub nom: String,
}

/// One line of the directory: a commune, an arrondissement, or a former commune.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commune {
    /// What it is.
    pub kind: CommuneKind,
    /// INSEE code (`93066`, `2A004`).
    pub insee: String,
    /// Official name.
    pub nom: String,
    /// Département code.
    pub departement: String,
    /// Postal codes (none for former communes).
    pub codes_postaux: Vec<String>,
    /// SIREN (communes only; none for a few overseas ones).
    pub siren: Option<String>,
    /// The SIREN of its EPCI, for a commune that belongs to one.
    pub epci: Option<String>,
    /// Legal population, when the source gives one (communes and arrondissements).
    pub population: Option<u32>,
    /// The INSEE code of the commune an arrondissement or a former commune belongs to.
    pub rattachement: Option<String>,
}

/// The whole directory, with the indexes its search needs.
#[derive(Clone, Debug)]
pub struct Directory {
    source: String,
    regions: Vec<Region>,
    departements: Vec<Departement>,
    epcis: Vec<Epci>,
    communes: Vec<Commune>,
    index: Index,
}

/// The usual SIREN of a commune with this INSEE code: "21", the département on two
/// digits (Corsica's 2A and 2B as 20), "0", the commune's three digits and a Luhn check
/// digit. Most communes have it; communes nouvelles and overseas communes mostly do not.
/// `None` for a code of another shape.
pub fn usual_siren(insee: &str) -> Option<String> {
    let bytes = insee.as_bytes();
    if !is_insee(insee) {
        return None;
    }
    let mut body = String::with_capacity(9);
    body.push_str("21");
    match bytes[1] {
        b'A' | b'B' => body.push_str("20"),
        _ => body.push_str(&insee[..2]),
    }
    body.push('0');
    body.push_str(&insee[2..]);
    let mut sum = 0u32;
    for (i, b) in body.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 0 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    body.push(char::from(b'0' + ((10 - sum % 10) % 10) as u8));
    Some(body)
}

/// An INSEE commune code: five digits, or 2A/2B and three digits.
fn is_insee(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5
        && b[0].is_ascii_digit()
        && (b[1].is_ascii_digit() || (b[0] == b'2' && (b[1] == b'A' || b[1] == b'B')))
        && b[2..].iter().all(u8::is_ascii_digit)
}

fn is_departement(code: &str) -> bool {
    let b = code.as_bytes();
    match b.len() {
        2 => {
            b[0].is_ascii_digit()
                && (b[1].is_ascii_digit() || (b[0] == b'2' && (b[1] == b'A' || b[1] == b'B')))
        }
        3 => b.iter().all(u8::is_ascii_digit),
        _ => false,
    }
}

fn all_digits(text: &str, len: Range<usize>) -> bool {
    len.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// Where a commune line was, to locate the problems found once the file is read.
struct Pending {
    line: usize,
}

impl Directory {
    /// Reads a directory file (the format is in the module's documentation).
    pub fn parse(text: &str) -> Result<Directory, CommunesError> {
        if text.len() > MAX_BYTES {
            return Err(CommunesError::TooLarge { bytes: text.len() });
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
        let (_, first) = lines.next().ok_or(CommunesError::NotADirectory)?;
        let mut head = first.split('\t');
        if head.next() != Some(FORMAT) {
            return Err(CommunesError::NotADirectory);
        }
        let version: u32 = match head.next().map(str::parse) {
            Some(Ok(v)) if v >= 1 => v,
            _ => {
                return Err(CommunesError::Invalid {
                    line: 1,
                    field: Field::Version,
                    value: shorten(first, 60),
                })
            }
        };
        if version > VERSION {
            return Err(CommunesError::Newer { version });
        }

        let mut source = String::new();
        let mut regions: Vec<(usize, Region)> = Vec::new();
        let mut departements: Vec<(usize, Departement)> = Vec::new();
        let mut epcis: Vec<(usize, Epci)> = Vec::new();
        let mut communes: Vec<Commune> = Vec::new();
        let mut pending: Vec<Pending> = Vec::new();

        for (line, text) in lines {
            if text.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = text.split('\t').collect();
            let tag = fields[0];
            let count = |expected: usize| {
                if fields.len() == expected {
                    Ok(())
                } else {
                    Err(CommunesError::FieldCount {
                        line,
                        expected,
                        found: fields.len(),
                    })
                }
            };
            for value in &fields {
                if value.len() > MAX_FIELD_BYTES {
                    return Err(CommunesError::TooLong { line });
                }
            }
            let name = |value: &str| {
                let value = value.trim();
                if value.is_empty() {
                    Err(CommunesError::Missing {
                        line,
                        field: Field::Nom,
                    })
                } else {
                    Ok(value.to_owned())
                }
            };
            let code = |value: &str, field: Field, valid: &dyn Fn(&str) -> bool| {
                if value.is_empty() {
                    Err(CommunesError::Missing { line, field })
                } else if valid(value) {
                    Ok(value.to_owned())
                } else {
                    Err(CommunesError::Invalid {
                        line,
                        field,
                        value: shorten(value, 60),
                    })
                }
            };
            match tag {
                "source" => {
                    if source.is_empty() {
                        source = fields[1..].join(" — ");
                    }
                }
                "region" => {
                    count(3)?;
                    let region = Region {
                        code: code(fields[1], Field::Region, &|c| all_digits(c, 1..4))?,
                        nom: name(fields[2])?,
                    };
                    regions.push((line, region));
                }
                "departement" => {
                    count(4)?;
                    let departement = Departement {
                        code: code(fields[1], Field::Departement, &is_departement)?,
                        region: code(fields[2], Field::Region, &|c| all_digits(c, 1..4))?,
                        nom: name(fields[3])?,
                    };
                    departements.push((line, departement));
                }
                "epci" => {
                    count(3)?;
                    let epci = Epci {
                        siren: code(fields[1], Field::Epci, &|c| all_digits(c, 9..10))?,
                        nom: name(fields[2])?,
                    };
                    epcis.push((line, epci));
                }
                _ => {
                    let Some(kind) = CommuneKind::from_code(tag) else {
                        return Err(CommunesError::UnknownLine {
                            line,
                            tag: shorten(tag, 30),
                        });
                    };
                    count(9)?;
                    let insee = code(fields[1], Field::Insee, &is_insee)?;
                    let nom = name(fields[2])?;
                    let departement = code(fields[3], Field::Departement, &is_departement)?;
                    let mut codes_postaux = Vec::new();
                    for postal in fields[4].split(' ').filter(|p| !p.is_empty()) {
                        codes_postaux.push(code(postal, Field::CodePostal, &|c| all_digits(c, 5..6))?);
                    }
                    if codes_postaux.len() > MAX_POSTAL_CODES {
                        return Err(CommunesError::Invalid {
                            line,
                            field: Field::CodePostal,
                            value: shorten(fields[4], 60),
                        });
                    }
                    let siren = match fields[5] {
                        "" => None,
                        "=" => Some(usual_siren(&insee).ok_or_else(|| CommunesError::Invalid {
                            line,
                            field: Field::Siren,
                            value: "=".to_owned(),
                        })?),
                        other => Some(code(other, Field::Siren, &|c| all_digits(c, 9..10))?),
                    };
                    let epci = match fields[6] {
                        "" => None,
                        other => Some(code(other, Field::Epci, &|c| all_digits(c, 9..10))?),
                    };
                    let population = match fields[7] {
                        "" => None,
                        other => Some(
                            other
                                .parse::<u32>()
                                .ok()
                                .filter(|_| all_digits(other, 1..10))
                                .ok_or_else(|| CommunesError::Invalid {
                                    line,
                                    field: Field::Population,
                                    value: shorten(other, 60),
                                })?,
                        ),
                    };
                    let rattachement = match (kind, fields[8]) {
                        (CommuneKind::Commune, "") => None,
                        (CommuneKind::Commune, other) => {
                            return Err(CommunesError::Invalid {
                                line,
                                field: Field::Rattachement,
                                value: shorten(other, 60),
                            })
                        }
                        (_, other) => Some(code(other, Field::Rattachement, &is_insee)?),
                    };
                    communes.push(Commune {
                        kind,
                        insee,
                        nom,
                        departement,
                        codes_postaux,
                        siren,
                        epci,
                        population,
                        rattachement,
                    });
                    pending.push(Pending { line });
                }
            }
        }
        if communes.is_empty() {
            return Err(CommunesError::Empty);
        }

        // The tables, sorted by code; a code defined twice is an error at its second line.
        fn table<T>(
            mut items: Vec<(usize, T)>,
            key: impl Fn(&T) -> &str,
            field: Field,
        ) -> Result<Vec<T>, CommunesError> {
            crate::sorting::sort_by(&mut items, |a, b| key(&a.1).cmp(key(&b.1)).then(a.0.cmp(&b.0)));
            for pair in items.windows(2) {
                if key(&pair[0].1) == key(&pair[1].1) {
                    return Err(CommunesError::Duplicate {
                        line: pair[1].0,
                        field,
                        value: key(&pair[1].1).to_owned(),
                    });
                }
            }
            Ok(items.into_iter().map(|(_, item)| item).collect())
        }
        let regions = table(regions, |r| &r.code, Field::Region)?;
        let departements_lines: Vec<(usize, String, String)> = departements
            .iter()
            .map(|(line, d)| (*line, d.code.clone(), d.region.clone()))
            .collect();
        let departements = table(departements, |d| &d.code, Field::Departement)?;
        let epcis = table(epcis, |e| &e.siren, Field::Epci)?;
        for (line, _, region) in &departements_lines {
            if regions.binary_search_by(|r| r.code.as_str().cmp(region)).is_err() {
                return Err(CommunesError::Unknown {
                    line: *line,
                    field: Field::Region,
                    value: region.clone(),
                });
            }
        }

        let index = Index::build(&communes);
        let directory = Directory {
            source,
            regions,
            departements,
            epcis,
            communes,
            index,
        };
        directory.check_references(&pending)?;
        Ok(directory)
    }

    /// Every code a commune line names exists, and no kind of line is given twice for
    /// one code.
    fn check_references(&self, pending: &[Pending]) -> Result<(), CommunesError> {
        let by_insee = &self.index.by_insee;
        for pair in by_insee.windows(2) {
            let (a, b) = (&self.communes[pair[0] as usize], &self.communes[pair[1] as usize]);
            if a.insee == b.insee && a.kind == b.kind {
                let later = pair[0].max(pair[1]) as usize;
                return Err(CommunesError::Duplicate {
                    line: pending[later].line,
                    field: Field::Insee,
                    value: a.insee.clone(),
                });
            }
        }
        for (commune, at) in self.communes.iter().zip(pending) {
            let unknown = |field: Field, value: &str| CommunesError::Unknown {
                line: at.line,
                field,
                value: value.to_owned(),
            };
            if self.departement(&commune.departement).is_none() {
                return Err(unknown(Field::Departement, &commune.departement));
            }
            if let Some(epci) = &commune.epci {
                if self.epci(epci).is_none() {
                    return Err(unknown(Field::Epci, epci));
                }
            }
            if let Some(code) = &commune.rattachement {
                let parent = self.by_insee(code);
                if parent.is_none_or(|p| p.kind != CommuneKind::Commune) {
                    return Err(unknown(Field::Rattachement, code));
                }
            }
        }
        Ok(())
    }

    /// Where the data comes from and its licence, as the file says it.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Every line, in the file's order (by INSEE code).
    pub fn communes(&self) -> &[Commune] {
        &self.communes
    }

    /// The number of lines (communes, arrondissements and former communes).
    pub fn len(&self) -> usize {
        self.communes.len()
    }

    /// Whether there is no line (never, for a directory that was read).
    pub fn is_empty(&self) -> bool {
        self.communes.is_empty()
    }

    /// The regions, by code.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// The départements, by code.
    pub fn departements(&self) -> &[Departement] {
        &self.departements
    }

    /// The commune with this INSEE code (any case, surrounding spaces ignored): the
    /// commune or arrondissement when the code is shared with a delegated commune.
    pub fn by_insee(&self, code: &str) -> Option<&Commune> {
        self.all_by_insee(code).next()
    }

    /// Every line with this INSEE code, the commune first.
    pub fn all_by_insee(&self, code: &str) -> impl Iterator<Item = &Commune> {
        let code = code.trim().to_ascii_uppercase();
        let range = exact_range(&self.index.by_insee, |&i| &self.communes[i as usize].insee, &code);
        self.index.by_insee[range]
            .iter()
            .map(|&i| &self.communes[i as usize])
    }

    /// The département with this code.
    pub fn departement(&self, code: &str) -> Option<&Departement> {
        let i = self
            .departements
            .binary_search_by(|d| d.code.as_str().cmp(code))
            .ok()?;
        Some(&self.departements[i])
    }

    /// The region with this code.
    pub fn region(&self, code: &str) -> Option<&Region> {
        let i = self
            .regions
            .binary_search_by(|r| r.code.as_str().cmp(code))
            .ok()?;
        Some(&self.regions[i])
    }

    /// The region of a commune.
    pub fn region_of(&self, commune: &Commune) -> Option<&Region> {
        self.region(&self.departement(&commune.departement)?.region)
    }

    /// The EPCI with this SIREN.
    pub fn epci(&self, siren: &str) -> Option<&Epci> {
        let i = self
            .epcis
            .binary_search_by(|e| e.siren.as_str().cmp(siren))
            .ok()?;
        Some(&self.epcis[i])
    }

    /// The commune an arrondissement or a former commune belongs to.
    pub fn rattachement(&self, commune: &Commune) -> Option<&Commune> {
        self.by_insee(commune.rattachement.as_deref()?)
    }

    /// One line saying which commune this is, in `lang`: name and code, what it is when
    /// not a commune ("commune déléguée de Valserhône"), its département and population.
    /// What a search result shows.
    pub fn describe(&self, commune: &Commune, lang: Lang) -> String {
        let mut parts = vec![tr_args(
            lang,
            "communes-name-code",
            &[
                ("nom", commune.nom.as_str().into()),
                ("insee", commune.insee.as_str().into()),
            ],
        )];
        if commune.kind != CommuneKind::Commune {
            let parent = self
                .rattachement(commune)
                .map_or(commune.rattachement.as_deref().unwrap_or(""), |p| p.nom.as_str());
            parts.push(tr_args(
                lang,
                "communes-part-of",
                &[
                    ("kind", commune.kind.label(lang).as_str().into()),
                    ("parent", parent.into()),
                ],
            ));
        }
        if let Some(departement) = self.departement(&commune.departement) {
            parts.push(tr_args(
                lang,
                "communes-in-departement",
                &[
                    ("departement", departement.nom.as_str().into()),
                    ("code", departement.code.as_str().into()),
                ],
            ));
        }
        if let Some(population) = commune.population {
            parts.push(tr_args(
                lang,
                "communes-population",
                &[("n", (population as usize).into())],
            ));
        }
        parts.join(" · ")
    }

    /// The lines that match `query`, best first, at most `limit` (see the module's
    /// documentation for what matches and in which order). An empty query, or one
    /// with nothing to search, gives nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Commune> {
        let query = Query::new(query);
        if limit == 0 || query.is_empty() {
            return Vec::new();
        }
        let mut seen = vec![0u64; self.communes.len().div_ceil(64)];
        let mut found: Vec<(Rank, u32)> = Vec::new();
        let mut consider = |id: u32| {
            let (word, bit) = (id as usize / 64, 1u64 << (id % 64));
            if seen[word] & bit == 0 {
                seen[word] |= bit;
                if let Some(rank) = self.rank(id as usize, &query) {
                    found.push((rank, id));
                }
            }
        };
        for range in self.candidates(&query) {
            match range {
                Candidates::Ids(ids) => ids.iter().for_each(|&id| consider(id)),
                Candidates::Words(entries) => entries.iter().for_each(|&(id, _)| consider(id)),
                Candidates::Postal(entries) => entries.iter().for_each(|&(id, _)| consider(id)),
            }
        }
        let order = |a: &(Rank, u32), b: &(Rank, u32)| self.order(a, b);
        // One merge sort compiled once (core::sorting) rather than std's sorts, for the
        // browser bundle's size; a few thousand matches at most.
        crate::sorting::sort_by(&mut found, order);
        found.truncate(limit);
        found
            .into_iter()
            .map(|(_, id)| &self.communes[id as usize])
            .collect()
    }

    /// The best order of two matches: name quality, code quality, population, kind,
    /// then name and code so that the order never depends on the file's.
    fn order(&self, a: &(Rank, u32), b: &(Rank, u32)) -> Ordering {
        let (ca, cb) = (&self.communes[a.1 as usize], &self.communes[b.1 as usize]);
        (a.0, Reverse(ca.population), ca.kind.rank())
            .cmp(&(b.0, Reverse(cb.population), cb.kind.rank()))
            .then_with(|| self.index.keys[a.1 as usize].cmp(&self.index.keys[b.1 as usize]))
            .then_with(|| ca.insee.cmp(&cb.insee))
            .then_with(|| a.1.cmp(&b.1))
    }

    /// The smallest set of lines that holds every match: the lines reached by the most
    /// selective word or code of the query.
    fn candidates<'a>(&'a self, query: &Query) -> Vec<Candidates<'a>> {
        let ix = &self.index;
        let mut best: Option<(usize, Vec<Candidates<'a>>)> = None;
        let mut offer = |sets: Vec<Candidates<'a>>| {
            let size = sets.iter().map(Candidates::len).sum::<usize>();
            if best.as_ref().is_none_or(|(s, _)| size < *s) {
                best = Some((size, sets));
            }
        };
        if !query.words.is_empty() {
            // Every match by name has each query word at the start of one of its words,
            // or (run together) at the start of its name run together.
            let narrowest = query
                .words
                .iter()
                .map(|w| self.words_starting(w))
                .min_by_key(|s| s.len())
                .unwrap_or(&[]);
            let compact = prefix_range(&ix.by_compact, |&i| &ix.compacts[i as usize], &query.compact);
            offer(vec![
                Candidates::Words(narrowest),
                Candidates::Ids(&ix.by_compact[compact]),
            ]);
        }
        for token in &query.codes {
            let upper = token.to_ascii_uppercase();
            let mut sets = vec![
                Candidates::Ids(
                    &ix.by_insee[prefix_range(&ix.by_insee, |&i| &self.communes[i as usize].insee, &upper)],
                ),
                Candidates::Postal(
                    &ix.by_postal[prefix_range(
                        &ix.by_postal,
                        |&(i, p)| &self.communes[i as usize].codes_postaux[p as usize],
                        token,
                    )],
                ),
                Candidates::Ids(
                    &ix.by_departement[exact_range(
                        &ix.by_departement,
                        |&i| &self.communes[i as usize].departement,
                        &upper,
                    )],
                ),
                Candidates::Words(self.words_starting(token)),
            ];
            if token.len() == 9 {
                sets.push(Candidates::Ids(
                    &ix.by_siren[exact_range(
                        &ix.by_siren,
                        |&i| self.communes[i as usize].siren.as_deref().unwrap_or(""),
                        token,
                    )],
                ));
            }
            offer(sets);
        }
        best.map(|(_, sets)| sets).unwrap_or_default()
    }

    /// The entries of the word index whose word starts with `prefix`.
    fn words_starting(&self, prefix: &str) -> &[(u32, u16)] {
        let ix = &self.index;
        let range = prefix_range(&ix.words, |&(i, at)| &ix.keys[i as usize][at as usize..], prefix);
        &ix.words[range]
    }

    /// How well line `id` matches, or `None`.
    fn rank(&self, id: usize, query: &Query) -> Option<Rank> {
        let key = &*self.index.keys[id];
        let name = if query.words.is_empty() {
            0
        } else {
            let compact = &*self.index.compacts[id];
            if key == query.phrase || compact == query.compact {
                0
            } else if key.starts_with(&query.phrase) || compact.starts_with(&query.compact) {
                1
            } else if query
                .words
                .iter()
                .all(|w| key.split(' ').any(|k| k.starts_with(w.as_str())))
            {
                2
            } else {
                return None;
            }
        };
        let commune = &self.communes[id];
        let mut code = 0;
        for token in &query.codes {
            code = code.max(code_rank(commune, key, token)?);
        }
        Some(Rank { name, code })
    }
}

/// How a number of the query matches a line (lower is better), or `None`.
fn code_rank(commune: &Commune, key: &str, token: &str) -> Option<u8> {
    // Five digits are an INSEE code or a postal code, and people know the second far
    // better: "69001" is Lyon (postal code) as much as Affoux (INSEE code), and the
    // population decides.
    if commune.insee.eq_ignore_ascii_case(token)
        || commune.siren.as_deref() == Some(token)
        || commune.codes_postaux.iter().any(|p| p == token)
    {
        return Some(0);
    }
    if commune.departement.eq_ignore_ascii_case(token) {
        return Some(1);
    }
    // "paris 1" is the 1er arrondissement, before the 10e to the 19e.
    let mut best: Option<u8> = None;
    for word in key.split(' ') {
        if let Some(rest) = word.strip_prefix(token) {
            let rank = if rest.starts_with(|c: char| c.is_ascii_digit()) {
                4
            } else {
                2
            };
            best = Some(best.map_or(rank, |b| b.min(rank)));
        }
    }
    let starts = |code: &str| code.len() >= token.len() && code[..token.len()].eq_ignore_ascii_case(token);
    if starts(&commune.insee) || commune.codes_postaux.iter().any(|p| starts(p)) {
        best = Some(best.map_or(3, |b| b.min(3)));
    }
    best
}

/// How well a line matches: by its name (0 exact, 1 start, 2 words; 0 when the query
/// has no words) and by the query's numbers (0 INSEE code, postal code or SIREN,
/// 1 département, 2 arrondissement number, 3 start of a code, 4 start of a number).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    name: u8,
    code: u8,
}

enum Candidates<'a> {
    Ids(&'a [u32]),
    Words(&'a [(u32, u16)]),
    Postal(&'a [(u32, u8)]),
}

impl Candidates<'_> {
    fn len(&self) -> usize {
        match self {
            Candidates::Ids(s) => s.len(),
            Candidates::Words(s) => s.len(),
            Candidates::Postal(s) => s.len(),
        }
    }
}

/// The sorted indexes of the search, built once when the file is read.
#[derive(Clone, Debug, Default)]
struct Index {
    /// Each line's normalised name (words separated by one space, articles dropped).
    keys: Vec<Box<str>>,
    /// Each line's name run together, articles kept ("labergementclemenciat").
    compacts: Vec<Box<str>>,
    /// Every word of every key: (line, byte offset in its key), by the key's text from
    /// that word on.
    words: Vec<(u32, u16)>,
    by_compact: Vec<u32>,
    /// By INSEE code, then kind (the commune first).
    by_insee: Vec<u32>,
    /// Every postal code: (line, position in its list), by code.
    by_postal: Vec<(u32, u8)>,
    by_siren: Vec<u32>,
    by_departement: Vec<u32>,
}

impl Index {
    fn build(communes: &[Commune]) -> Index {
        let mut index = Index::default();
        let mut raw = Vec::new();
        for commune in communes {
            raw.clear();
            fold_words(&commune.nom, &mut raw);
            index.compacts.push(raw.concat().into_boxed_str());
            index.keys.push(key_of(&raw).into_boxed_str());
        }
        let ids = || 0..communes.len() as u32;
        for (id, key) in index.keys.iter().enumerate() {
            let mut at = 0;
            for word in key.split(' ') {
                if !word.is_empty() {
                    // Keys are at most a few hundred bytes (fields are bounded).
                    index.words.push((id as u32, at as u16));
                }
                at += word.len() + 1;
            }
        }
        let keys = &index.keys;
        crate::sorting::sort_by(&mut index.words, |a, b| {
            keys[a.0 as usize][a.1 as usize..].cmp(&keys[b.0 as usize][b.1 as usize..])
        });
        let compacts = &index.compacts;
        index.by_compact = ids().collect();
        crate::sorting::sort_by(&mut index.by_compact, |&a, &b| {
            compacts[a as usize].cmp(&compacts[b as usize])
        });
        index.by_insee = ids().collect();
        crate::sorting::sort_by(&mut index.by_insee, |&a, &b| {
            let (a, b) = (&communes[a as usize], &communes[b as usize]);
            (a.insee.as_str(), a.kind.rank()).cmp(&(b.insee.as_str(), b.kind.rank()))
        });
        index.by_postal = communes
            .iter()
            .enumerate()
            .flat_map(|(id, c)| (0..c.codes_postaux.len()).map(move |p| (id as u32, p as u8)))
            .collect();
        crate::sorting::sort_by(&mut index.by_postal, |a, b| {
            communes[a.0 as usize].codes_postaux[a.1 as usize]
                .cmp(&communes[b.0 as usize].codes_postaux[b.1 as usize])
        });
        index.by_siren = ids().filter(|&i| communes[i as usize].siren.is_some()).collect();
        crate::sorting::sort_by(&mut index.by_siren, |&a, &b| {
            communes[a as usize].siren.cmp(&communes[b as usize].siren)
        });
        index.by_departement = ids().collect();
        crate::sorting::sort_by(&mut index.by_departement, |&a, &b| {
            communes[a as usize]
                .departement
                .cmp(&communes[b as usize].departement)
        });
        index
    }
}

/// The items of sorted `items` whose key starts with `prefix`.
fn prefix_range<'k, T>(items: &[T], key: impl Fn(&T) -> &'k str, prefix: &str) -> Range<usize> {
    let start = items.partition_point(|item| key(item) < prefix);
    let len = items[start..].partition_point(|item| key(item).starts_with(prefix));
    start..start + len
}

/// The items of sorted `items` whose key is `wanted`.
fn exact_range<'k, T>(items: &[T], key: impl Fn(&T) -> &'k str, wanted: &str) -> Range<usize> {
    let start = items.partition_point(|item| key(item) < wanted);
    let len = items[start..].partition_point(|item| key(item) == wanted);
    start..start + len
}

/// Words that say nothing about which commune is meant: "L'Abergement" is found by
/// "abergement", "Le Mans" by "mans".
const ARTICLES: [&str; 8] = ["l", "le", "la", "les", "d", "de", "du", "des"];

/// Abbreviations people type for the words names spell out.
const ABBREVIATIONS: [(&str, &str); 4] = [
    ("st", "saint"),
    ("ste", "sainte"),
    ("sts", "saints"),
    ("stes", "saintes"),
];

/// Appends `c` to `word` in lower case without its accent (`É` → `e`, `œ` → `oe`);
/// `false` (and nothing appended) for a character that separates words.
fn fold(c: char, word: &mut String) -> bool {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
            return true;
        }
        return false;
    }
    if !c.is_alphanumeric() {
        return false;
    }
    for c in c.to_lowercase() {
        let folded = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'ç' | 'ć' | 'č' => "c",
            'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' | 'ý' => "y",
            'ñ' | 'ń' => "n",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            c => {
                word.push(c);
                continue;
            }
        };
        word.push_str(folded);
    }
    true
}

/// The words of a text, folded (lower case, no accents), abbreviations spelled out.
fn fold_words(text: &str, into: &mut Vec<String>) {
    let flush = |word: &mut String, into: &mut Vec<String>| {
        if !word.is_empty() {
            match ABBREVIATIONS.iter().find(|(short, _)| short == word) {
                Some((_, long)) => {
                    into.push((*long).to_owned());
                    word.clear();
                }
                None => into.push(std::mem::take(word)),
            }
        }
    };
    let mut word = String::new();
    for c in text.chars() {
        if !fold(c, &mut word) {
            flush(&mut word, into);
        }
    }
    flush(&mut word, into);
}

/// The words joined by a space, articles dropped (all kept when all are articles).
fn key_of(words: &[String]) -> String {
    let kept: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !ARTICLES.contains(w))
        .collect();
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}

/// A name or a query as the search compares them: lower case, no accents, words
/// separated by one space (hyphens, apostrophes and punctuation are separators),
/// "st"/"ste" spelled "saint"/"sainte", articles (l', le, la, les, d', de, du, des)
/// dropped. `normalise("L'Abergement-Clémenciat") == "abergement clemenciat"`.
pub fn normalise(text: &str) -> String {
    let mut words = Vec::new();
    fold_words(text, &mut words);
    key_of(&words)
}

/// A query, read once per search.
struct Query {
    /// The words of the name, articles dropped.
    words: Vec<String>,
    /// Those words joined by a space.
    phrase: String,
    /// The words of the name run together, articles kept.
    compact: String,
    /// The numbers: codes, a département, an arrondissement's number (lower case).
    codes: Vec<String>,
}

impl Query {
    fn new(text: &str) -> Query {
        let mut all = Vec::new();
        // Bounded: a query longer than any name and codes together finds nothing more.
        fold_words(&shorten(text, 200), &mut all);
        let (codes, names): (Vec<String>, Vec<String>) = all.into_iter().partition(|w| is_code_token(w));
        let phrase = key_of(&names);
        Query {
            words: phrase
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect(),
            compact: names.concat(),
            phrase,
            codes,
        }
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty() && self.codes.is_empty()
    }
}

/// A word of the query read as a number: up to five digits (a code, its start, a
/// département, an arrondissement), nine (a SIREN), or Corsica's 2a/2b and digits.
fn is_code_token(word: &str) -> bool {
    let b = word.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    (digits(b) && (b.len() <= 5 || b.len() == 9))
        || (b.len() >= 2 && b.len() <= 5 && b[0] == b'2' && (b[1] == b'a' || b[1] == b'b') && digits(&b[2..]))
}

#[cfg(test)]
mod tests;
