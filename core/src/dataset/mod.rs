//! Open data files for the data explorer: any CSV a French portal publishes, read into
//! typed columns ([`Dataset`]), profiled in plain language ([`profile`]) and transformed
//! for charts ([`transform`]).
//!
//! Reading survives French open data: UTF-8 with or without a byte-order mark or
//! Windows-1252 ([`crate::csv::decode`]), `;` `,` tab or `|`, quoted fields with
//! newlines, decimal commas and thousands separators, percentages, dates, `NA`-like
//! markers ([`values`]). Ragged rows are warnings with their line numbers; an empty file,
//! a file without a header, a spreadsheet or a binary file is a [`DatasetError`].
//!
//! [`Importer`] reads a file in slices so that the browser can show progress and stay
//! responsive between them; [`import`] reads it in one go.

pub mod profile;
pub mod secrecy;
pub mod transform;
pub mod values;

#[cfg(test)]
mod tests;

#[cfg(all(test, feature = "national", not(target_family = "wasm")))]
mod polars_check;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::csv::{decode_owned, sniff, unprotect_cell, CsvWarning, Fields, RecordReader, TextFile};
use crate::i18n::{display_from_message, tr, tr_args, Lang};
use values::{decimal_mark, is_missing_trimmed, parse_date, parse_number, DecimalMark};

/// A file that cannot be opened as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetError {
    /// Nothing in the file (or only blank lines).
    Empty,
    /// The first line looks like data (numbers or dates), not column names.
    NoHeader,
    /// A header line and no data row.
    NoRows,
    /// A zip archive (xlsx, ods) or an old Excel file.
    Spreadsheet,
    /// NUL bytes: not text.
    Binary,
    /// Text in another script's encoding (refused rather than misread).
    OtherEncoding(crate::csv::Script),
}

impl DatasetError {
    /// The message shown to the user: what the file is and what to do.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DatasetError::Empty => tr(lang, "data-error-empty"),
            DatasetError::NoHeader => tr(lang, "data-error-no-header"),
            DatasetError::NoRows => tr(lang, "data-error-no-rows"),
            DatasetError::Spreadsheet => tr(lang, "data-error-spreadsheet"),
            DatasetError::Binary => tr(lang, "data-error-binary"),
            DatasetError::OtherEncoding(script) => script.message(lang),
        }
    }
}

display_from_message!(DatasetError);

/// Something worth telling about a file that was read anyway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportWarning {
    /// A row with more or fewer cells than the header (missing cells are empty, extra
    /// cells are dropped).
    RaggedRow {
        /// 1-based line where the row starts.
        line: usize,
        /// Cells found.
        found: usize,
        /// Cells in the header.
        expected: usize,
    },
    /// A column without a name was given one (`colonne 3`).
    UnnamedColumn {
        /// 1-based position of the column.
        position: usize,
    },
    /// Two columns had the same name; the later one got a suffix.
    DuplicateName {
        /// The name as written.
        name: String,
    },
    /// More ragged rows than listed.
    MoreRaggedRows {
        /// How many were not listed.
        count: usize,
    },
    /// Title or note lines before the header, left out.
    TitleLines {
        /// How many.
        count: usize,
    },
    /// Lines repeating the header inside the data (concatenated exports), left out.
    RepeatedHeaders {
        /// How many.
        count: usize,
    },
    /// A line with irregular quotes, read anyway.
    Irregular(CsvWarning),
    /// More irregular lines than listed.
    MoreIrregular {
        /// How many were not listed.
        count: usize,
    },
}

impl ImportWarning {
    /// The 1-based line the warning is about, when it is about one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ImportWarning::RaggedRow { line, .. } => Some(*line),
            ImportWarning::Irregular(warning) => Some(warning.line),
            _ => None,
        }
    }

    /// The warning in plain language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportWarning::RaggedRow {
                line,
                found,
                expected,
            } => tr_args(
                lang,
                "data-warning-ragged",
                &[
                    ("line", (*line).into()),
                    ("found", (*found).into()),
                    ("expected", (*expected).into()),
                ],
            ),
            ImportWarning::UnnamedColumn { position } => {
                tr_args(lang, "data-warning-unnamed", &[("position", (*position).into())])
            }
            ImportWarning::DuplicateName { name } => {
                tr_args(lang, "data-warning-duplicate", &[("name", name.as_str().into())])
            }
            ImportWarning::MoreRaggedRows { count } => {
                tr_args(lang, "data-warning-more-ragged", &[("count", (*count).into())])
            }
            ImportWarning::TitleLines { count } => {
                tr_args(lang, "csv-title-lines", &[("count", (*count).into())])
            }
            ImportWarning::RepeatedHeaders { count } => {
                tr_args(lang, "csv-repeated-headers", &[("count", (*count).into())])
            }
            ImportWarning::Irregular(warning) => warning.message(lang),
            ImportWarning::MoreIrregular { count } => {
                tr_args(lang, "csv-more-irregular", &[("count", (*count).into())])
            }
        }
    }
}

/// Rows read before the raw columns reserve room for the whole file.
const RESERVE_AFTER: usize = 1000;

/// Ragged rows listed one by one before they are only counted.
const MAX_RAGGED_LISTED: usize = 20;

/// What a column holds, as detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnKind {
    /// Numbers.
    Number,
    /// Numbers written with `%`.
    Percent,
    /// Dates without a time.
    Date,
    /// Dates with a time.
    DateTime,
    /// Anything else (names, codes, categories).
    Text,
    /// No value at all.
    Empty,
}

impl ColumnKind {
    /// Stable identifier (`number`, `percent`, `date`, `datetime`, `text`, `empty`), used in
    /// JSON output.
    pub fn code(self) -> &'static str {
        match self {
            ColumnKind::Number => "number",
            ColumnKind::Percent => "percent",
            ColumnKind::Date => "date",
            ColumnKind::DateTime => "datetime",
            ColumnKind::Text => "text",
            ColumnKind::Empty => "empty",
        }
    }

    /// Translated name of the kind.
    pub fn label(self, lang: Lang) -> String {
        tr(lang, &format!("data-type-{}", self.code()))
    }

    /// Whether values can be added up and placed on a numeric axis.
    pub fn is_numeric(self) -> bool {
        matches!(self, ColumnKind::Number | ColumnKind::Percent)
    }

    /// Whether values are points in time.
    pub fn is_temporal(self) -> bool {
        matches!(self, ColumnKind::Date | ColumnKind::DateTime)
    }
}

/// How the numbers of a column read: years (`2012`, never `2 012,0`), whole numbers
/// (no decimals), or any number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumberStyle {
    /// Whole numbers from 1000 to 2200 in a column whose name says years (`an`, or a
    /// name with `année`, `exer`cice, `year`, `millésime`, `date`): written without a
    /// thousands separator.
    Year,
    /// Whole numbers.
    Whole,
    /// Any number.
    #[default]
    Decimal,
}

impl NumberStyle {
    /// The style of the values of a column named `name`.
    pub fn of(name: &str, values: impl Iterator<Item = f64>) -> NumberStyle {
        let (mut whole, mut years) = (true, true);
        for v in values {
            whole &= v.fract() == 0.0;
            years &= (1000.0..=2200.0).contains(&v);
            if !whole {
                return NumberStyle::Decimal;
            }
        }
        let name = name.to_lowercase();
        let year_word = name == "an"
            || ["année", "annee", "year", "exer", "millésime", "millesime", "date"]
                .iter()
                .any(|w| name.contains(w));
        if years && year_word {
            NumberStyle::Year
        } else {
            NumberStyle::Whole
        }
    }

    /// `value` written in this style: years plainly, whole values without decimals,
    /// others with `decimals` digits.
    pub fn format(self, lang: Lang, value: f64, decimals: usize) -> String {
        let decimals = if self != NumberStyle::Decimal && value.fract() == 0.0 {
            0
        } else {
            decimals
        };
        match self {
            NumberStyle::Year => format!("{value:.decimals$}"),
            _ => crate::i18n::format_number(lang, value, decimals),
        }
    }
}

/// The values of a column, typed.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnData {
    /// Numbers (`None` = missing).
    Number(Vec<Option<f64>>),
    /// Seconds since 1970-01-01, no time zone (`None` = missing).
    Date(Vec<Option<i64>>),
    /// Text, dictionary-encoded: each row is an index into `labels` (`None` = missing).
    Text {
        /// Row values as indices into `labels`.
        codes: Vec<Option<u32>>,
        /// The distinct values, in order of first appearance.
        labels: Vec<String>,
    },
}

/// One column: its name, its kind and its values.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The name from the header.
    pub name: String,
    /// What it holds.
    pub kind: ColumnKind,
    /// The values.
    pub data: ColumnData,
}

impl Column {
    /// Number of rows.
    pub fn len(&self) -> usize {
        match &self.data {
            ColumnData::Number(v) => v.len(),
            ColumnData::Date(v) => v.len(),
            ColumnData::Text { codes, .. } => codes.len(),
        }
    }

    /// Whether the column has no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the value at `row` is missing (or `row` is out of range).
    pub fn is_missing(&self, row: usize) -> bool {
        match &self.data {
            ColumnData::Number(v) => v.get(row).copied().flatten().is_none(),
            ColumnData::Date(v) => v.get(row).copied().flatten().is_none(),
            ColumnData::Text { codes, .. } => codes.get(row).copied().flatten().is_none(),
        }
    }

    /// The value at `row` as a number: numbers as they are, dates as seconds.
    pub fn number(&self, row: usize) -> Option<f64> {
        match &self.data {
            ColumnData::Number(v) => v.get(row).copied().flatten(),
            ColumnData::Date(v) => v.get(row).copied().flatten().map(|s| s as f64),
            ColumnData::Text { .. } => None,
        }
    }

    /// How its numbers read ([`NumberStyle::Decimal`] for text and dates).
    pub fn number_style(&self) -> NumberStyle {
        match &self.data {
            ColumnData::Number(v) => NumberStyle::of(&self.name, v.iter().flatten().copied()),
            _ => NumberStyle::Decimal,
        }
    }

    /// The value at `row` as text: numbers plainly (`12.5`), dates in ISO form.
    pub fn text(&self, row: usize) -> Option<String> {
        match &self.data {
            ColumnData::Number(v) => v.get(row).copied().flatten().map(values::plain_number),
            ColumnData::Date(v) => v
                .get(row)
                .copied()
                .flatten()
                .map(|s| values::format_date(s, self.kind == ColumnKind::DateTime)),
            ColumnData::Text { codes, labels } => codes
                .get(row)
                .copied()
                .flatten()
                .and_then(|c| labels.get(c as usize).cloned()),
        }
    }
}

/// A table read from a file, with what was learnt while reading it.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// `UTF-8` or `windows-1252`.
    pub encoding: &'static str,
    /// The separator found.
    pub delimiter: char,
    /// The columns, in file order, all of the same length.
    pub columns: Vec<Column>,
    /// Number of data rows (the header excluded).
    pub rows: usize,
    /// Ragged rows, renamed columns.
    pub warnings: Vec<ImportWarning>,
    /// Total number of ragged rows (only the first ones are listed in `warnings`).
    pub ragged_rows: usize,
    /// 1-based line of the header in the file.
    pub header_line: usize,
    /// Non-blank lines before the header (titles, notes), left out.
    pub skipped_lines: usize,
}

impl Dataset {
    /// The column named `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// One sentence on the file: encoding, separator, rows and columns.
    pub fn summary(&self, lang: Lang) -> String {
        let delimiter = match self.delimiter {
            '\t' => tr(lang, "data-cli-tab"),
            c => c.to_string(),
        };
        tr_args(
            lang,
            "data-cli-summary",
            &[
                ("encoding", self.encoding.into()),
                ("delimiter", delimiter.as_str().into()),
                ("rows", self.rows.into()),
                ("columns", self.columns.len().into()),
            ],
        )
    }

    /// The table as CSV (`;`, decimal commas, CRLF, UTF-8 with a byte-order mark) that
    /// French spreadsheet software opens correctly.
    pub fn to_csv(&self) -> String {
        let names: Vec<&str> = self.columns.iter().map(|c| c.name.as_str()).collect();
        let rows = (0..self.rows).map(|row| {
            self.columns
                .iter()
                .map(|c| match c.number(row) {
                    Some(n) if c.kind == ColumnKind::Percent => {
                        format!("{} %", values::plain_number(n).replace('.', ","))
                    }
                    Some(n) if c.kind.is_numeric() => values::plain_number(n).replace('.', ","),
                    _ => c.text(row).unwrap_or_default(),
                })
                .collect::<Vec<_>>()
        });
        table_to_csv(&names, rows)
    }
}

/// Writes a table as CSV for French spreadsheets (`;`, CRLF, UTF-8 with a byte-order mark).
pub fn table_to_csv<S: AsRef<str>>(header: &[S], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    crate::csv::write_record(&mut out, header, ';');
    for row in rows {
        crate::csv::write_record(&mut out, &row, ';');
    }
    out
}

/// The raw cells of one column while the file is read: one buffer and where each cell ends.
#[derive(Debug, Default)]
struct RawColumn {
    text: String,
    ends: Vec<usize>,
}

impl RawColumn {
    fn push(&mut self, cell: &str) {
        // Most cells have nothing to trim: a first and last byte that are ASCII and not
        // white space (`str::trim` also removes vertical tabs, 0x0B; Unicode spaces start
        // with a byte above 0x7F) spare the full trim.
        let plain =
            |b: Option<&u8>| b.is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace() && *b != 0x0b);
        let bytes = cell.as_bytes();
        let cell = if plain(bytes.first()) && plain(bytes.last()) {
            cell
        } else {
            cell.trim()
        };
        self.text.push_str(cell);
        self.ends.push(self.text.len());
    }

    fn cells(&self) -> impl Iterator<Item = &str> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let cell = self.text.get(start..end).unwrap_or("");
            start = end;
            cell
        })
    }
}

/// Progress of an import: bytes of decoded text while reading, columns while typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes read so far.
    pub done: usize,
    /// Bytes in all.
    pub total: usize,
}

/// Reads a file in slices: [`Importer::new`] decodes it and reads the header,
/// [`Importer::step`] reads some rows, [`Importer::finish`] types the columns.
#[derive(Debug)]
pub struct Importer {
    text: String,
    encoding: &'static str,
    delimiter: char,
    reader: RecordReader,
    fields: Fields,
    header: Vec<String>,
    raw: Vec<RawColumn>,
    rows: usize,
    warnings: Vec<ImportWarning>,
    ragged: usize,
    header_line: usize,
    skipped_lines: usize,
    /// The header's cells as written (trimmed), to recognise a repeated header line.
    header_cells: Vec<String>,
    repeated_headers: usize,
}

impl Importer {
    /// Decodes the bytes (taking them, so that UTF-8 text is not copied), finds the
    /// separator and reads the header.
    pub fn new(bytes: Vec<u8>) -> Result<Importer, DatasetError> {
        let (text, encoding) = match decode_owned(bytes) {
            TextFile::Spreadsheet => return Err(DatasetError::Spreadsheet),
            TextFile::Binary => return Err(DatasetError::Binary),
            TextFile::OtherEncoding { script } => return Err(DatasetError::OtherEncoding(script)),
            TextFile::Text { text, encoding } => (text, encoding),
        };
        if text.trim().is_empty() {
            return Err(DatasetError::Empty);
        }
        // The separator is guessed from the body and the header is the first line from
        // which the records are consistent: title lines before it are left out.
        let layout = sniff(&text);
        let delimiter = layout.separator;
        let mut reader = RecordReader::at(delimiter, layout.header_pos, layout.header_line)
            .with_backslash_escapes(layout.backslash_escapes);
        let mut fields = Fields::default();
        let Some(header_line) = reader.next_record(&text, &mut fields) else {
            return Err(DatasetError::Empty);
        };
        let cells: Vec<&str> = fields.iter(&text).map(str::trim).collect();
        let looks_like_data = cells
            .iter()
            .filter(|c| !c.is_empty())
            .all(|c| parse_number(c, values::DecimalMark::Comma).is_some() || parse_date(c).is_some());
        if looks_like_data {
            return Err(DatasetError::NoHeader);
        }
        let mut warnings = Vec::new();
        if layout.skipped_lines > 0 {
            warnings.push(ImportWarning::TitleLines {
                count: layout.skipped_lines,
            });
        }
        let header_cells: Vec<String> = cells.iter().map(|c| (*c).to_owned()).collect();
        let mut header: Vec<String> = Vec::with_capacity(cells.len());
        for (i, cell) in cells.iter().enumerate() {
            let mut name = if cell.is_empty() {
                warnings.push(ImportWarning::UnnamedColumn { position: i + 1 });
                format!("colonne {}", i + 1)
            } else {
                (*cell).to_owned()
            };
            if header.contains(&name) {
                warnings.push(ImportWarning::DuplicateName { name: name.clone() });
                let base = name.clone();
                let mut n = 2;
                while header.contains(&name) {
                    name = format!("{base} ({n})");
                    n += 1;
                }
            }
            header.push(name);
        }
        let raw = header.iter().map(|_| RawColumn::default()).collect();
        Ok(Importer {
            text,
            encoding,
            delimiter,
            reader,
            fields,
            header,
            raw,
            rows: 0,
            warnings,
            ragged: 0,
            header_line,
            skipped_lines: layout.skipped_lines,
            header_cells,
            repeated_headers: 0,
        })
    }

    /// How far the reading is.
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.reader.position().min(self.text.len()),
            total: self.text.len(),
        }
    }

    /// Reads up to `max_rows` rows. Returns `true` when the whole file is read.
    pub fn step(&mut self, max_rows: usize) -> Result<bool, DatasetError> {
        let width = self.header.len();
        for _ in 0..max_rows {
            let Some(line) = self.reader.next_record(&self.text, &mut self.fields) else {
                return Ok(true);
            };
            // A line repeating the header (concatenated exports, perhaps with their
            // byte-order mark) is not data; a line of separators only is a blank line.
            if self.fields.len() == width
                && self
                    .fields
                    .iter(&self.text)
                    .zip(&self.header_cells)
                    .all(|(cell, name)| cell.trim_start_matches('\u{feff}').trim() == name)
            {
                self.repeated_headers += 1;
                continue;
            }
            if self.fields.iter(&self.text).all(|cell| cell.trim().is_empty()) {
                continue;
            }
            if self.rows == RESERVE_AFTER {
                self.reserve();
            }
            if self.fields.len() != width {
                self.ragged += 1;
                if self.ragged <= MAX_RAGGED_LISTED {
                    self.warnings.push(ImportWarning::RaggedRow {
                        line,
                        found: self.fields.len(),
                        expected: width,
                    });
                }
            }
            for (i, raw) in self.raw.iter_mut().enumerate() {
                raw.push(self.fields.get(&self.text, i).unwrap_or(""));
            }
            self.rows += 1;
        }
        Ok(false)
    }

    /// Makes room in the raw columns for the whole file, extrapolated from the rows read so
    /// far, so that they do not grow (and get copied) again and again.
    fn reserve(&mut self) {
        let Progress { done, total } = self.progress();
        if done == 0 {
            return;
        }
        // In u64: usize is 32 bits in the browser, where `n * total` would overflow.
        let scale = |n: usize| {
            let estimate = n as u64 * total as u64 / done as u64 + n as u64 / 16;
            usize::try_from(estimate).unwrap_or(usize::MAX)
        };
        for raw in &mut self.raw {
            raw.text
                .reserve(scale(raw.text.len()).saturating_sub(raw.text.len()));
            raw.ends
                .reserve(scale(raw.ends.len()).saturating_sub(raw.ends.len()));
        }
    }

    /// Reads what is left, then returns the step that types the columns.
    pub fn into_typing(mut self) -> Result<Typing, DatasetError> {
        while !self.step(usize::MAX)? {}
        if self.rows == 0 {
            return Err(DatasetError::NoRows);
        }
        let mut warnings = self.warnings;
        if self.ragged > MAX_RAGGED_LISTED {
            warnings.push(ImportWarning::MoreRaggedRows {
                count: self.ragged - MAX_RAGGED_LISTED,
            });
        }
        if self.repeated_headers > 0 {
            warnings.push(ImportWarning::RepeatedHeaders {
                count: self.repeated_headers,
            });
        }
        warnings.extend(
            self.reader
                .warnings()
                .iter()
                .copied()
                .map(ImportWarning::Irregular),
        );
        let unlisted = self.reader.irregular_lines() - self.reader.warnings().len();
        if unlisted > 0 {
            warnings.push(ImportWarning::MoreIrregular { count: unlisted });
        }
        // The decoded text (`self.text`) is freed on return: the raw columns hold what is needed.
        let columns = Vec::with_capacity(self.header.len());
        Ok(Typing {
            dataset: Dataset {
                encoding: self.encoding,
                delimiter: self.delimiter,
                columns,
                rows: self.rows,
                warnings,
                ragged_rows: self.ragged,
                header_line: self.header_line,
                skipped_lines: self.skipped_lines,
            },
            pending: self.header.into_iter().zip(self.raw).collect(),
        })
    }

    /// Types the columns and returns the table.
    pub fn finish(self) -> Result<Dataset, DatasetError> {
        Ok(self.into_typing()?.finish())
    }
}

/// The last stage of an import: deciding each column's kind and converting its cells, one
/// column per [`Typing::step`] so that the browser can breathe between them.
#[derive(Debug)]
pub struct Typing {
    dataset: Dataset,
    pending: std::collections::VecDeque<(String, RawColumn)>,
}

impl Typing {
    /// Types one column. Returns `true` when every column is typed.
    pub fn step(&mut self) -> bool {
        if let Some((name, raw)) = self.pending.pop_front() {
            self.dataset.columns.push(type_column(name, raw));
        }
        self.pending.is_empty()
    }

    /// Columns typed so far, and in all.
    pub fn progress(&self) -> Progress {
        let done = self.dataset.columns.len();
        Progress {
            done,
            total: done + self.pending.len(),
        }
    }

    /// The table, every column typed.
    pub fn finish(mut self) -> Dataset {
        while !self.step() {}
        self.dataset
    }
}

/// Reads a whole file.
pub fn import(bytes: &[u8]) -> Result<Dataset, DatasetError> {
    Importer::new(bytes.to_vec())?.finish()
}

/// Whether a cell is a code with a meaningful leading zero (`01`, `07500`): such
/// columns (départements, INSEE codes, postcodes) stay text.
fn leading_zero_code(cell: &str) -> bool {
    let bytes = cell.as_bytes();
    bytes.len() > 1 && bytes[0] == b'0' && bytes[1].is_ascii_digit() && bytes.iter().all(u8::is_ascii_digit)
}

/// FNV-1a: a fast hash for the dictionary of text values (no untrusted-key flooding
/// concern: the table is the user's own file, processed on their device).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// Decides a column's kind from all its cells and converts them: dates when every
/// present cell is a date, numbers when every one is a number (and none is a code with a
/// leading zero), text otherwise. A kind is tried only when the first present cell has
/// it, and each is parsed in one pass that stops at the first cell that does not fit.
fn type_column(name: String, raw: RawColumn) -> Column {
    let Some(first) = raw.cells().find(|c| !is_missing_trimmed(c)) else {
        return Column {
            name,
            kind: ColumnKind::Empty,
            data: ColumnData::Text {
                codes: vec![None; raw.ends.len()],
                labels: Vec::new(),
            },
        };
    };
    if parse_date(first).is_some() {
        let mut with_time = false;
        let dates: Option<Vec<Option<i64>>> = raw
            .cells()
            .map(|c| {
                if is_missing_trimmed(c) {
                    return Some(None);
                }
                let (seconds, time) = parse_date(c)?;
                with_time |= time;
                Some(Some(seconds))
            })
            .collect();
        if let Some(values) = dates {
            let kind = if with_time {
                ColumnKind::DateTime
            } else {
                ColumnKind::Date
            };
            return Column {
                name,
                kind,
                data: ColumnData::Date(values),
            };
        }
    }
    let may_be_number = parse_number(first, DecimalMark::Comma).is_some()
        || parse_number(first, DecimalMark::Point).is_some();
    if may_be_number {
        let mark = decimal_mark(raw.cells().filter(|c| !is_missing_trimmed(c)));
        let mut all_percent = true;
        let numbers: Option<Vec<Option<f64>>> = raw
            .cells()
            .map(|c| {
                if is_missing_trimmed(c) {
                    return Some(None);
                }
                if leading_zero_code(c) {
                    return None;
                }
                let (value, percent) = parse_number(c, mark)?;
                all_percent &= percent;
                Some(Some(value))
            })
            .collect();
        if let Some(values) = numbers {
            let kind = if all_percent {
                ColumnKind::Percent
            } else {
                ColumnKind::Number
            };
            return Column {
                name,
                kind,
                data: ColumnData::Number(values),
            };
        }
    }
    let mut index: HashMap<&str, u32, BuildHasherDefault<Fnv>> = HashMap::default();
    let mut labels: Vec<String> = Vec::new();
    let codes = raw
        .cells()
        .map(|c| {
            if is_missing_trimmed(c) {
                return None;
            }
            let c = unprotect_cell(c);
            if let Some(code) = index.get(c) {
                return Some(*code);
            }
            let code = u32::try_from(labels.len()).ok()?;
            index.insert(c, code);
            labels.push(c.to_owned());
            Some(code)
        })
        .collect();
    Column {
        name,
        kind: ColumnKind::Text,
        data: ColumnData::Text { codes, labels },
    }
}
