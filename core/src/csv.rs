//! A small RFC 4180 CSV reader and writer for text already decoded to UTF-8: separator
//! detection (`;`, `,`, tab, `|`), quoted fields with embedded separators, quotes and
//! newlines, CRLF or LF line ends, a leading byte-order mark.
//!
//! The writer protects spreadsheet users: a cell starting with `=`, `+`, `-`, `@`, a tab
//! or a carriage return is prefixed with `'`, so that LibreOffice or Excel shows it as
//! text instead of running it as a formula; [`unprotect_cell`] undoes this on import.

/// The separators Briques recognises, most likely first for French files.
pub const SEPARATORS: [char; 4] = [';', ',', '\t', '|'];

use crate::i18n::{display_from_message, tr_args, Lang};

/// A CSV file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field is never closed.
    UnclosedQuote {
        /// 1-based line where the quoted field starts.
        line: usize,
    },
    /// Text follows a closing quote inside a field.
    TextAfterQuote {
        /// 1-based line of the problem.
        line: usize,
    },
}

impl CsvError {
    /// The message in `lang`, with the line.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CsvError::UnclosedQuote { line } => {
                tr_args(lang, "csv-error-unclosed-quote", &[("line", (*line).into())])
            }
            CsvError::TextAfterQuote { line } => {
                tr_args(lang, "csv-error-text-after-quote", &[("line", (*line).into())])
            }
        }
    }
}

display_from_message!(CsvError);

/// One record with the 1-based line where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Line number of the record's first character.
    pub line: usize,
    /// The fields, unquoted.
    pub fields: Vec<String>,
}

/// What a file's bytes turned out to be, before any CSV parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextFile {
    /// Text, decoded; with the name of the encoding found (`UTF-8` or `windows-1252`).
    Text {
        /// The decoded text (a UTF-8 byte-order mark removed).
        text: String,
        /// `UTF-8` or `windows-1252`.
        encoding: &'static str,
    },
    /// A zip archive: an `.xlsx` or `.ods` spreadsheet, most likely.
    Spreadsheet,
    /// Binary content (it holds NUL bytes).
    Binary,
}

/// Decodes a text file: UTF-8 (with or without a byte-order mark) when valid,
/// otherwise Windows-1252 (the superset of Latin-1 used by French spreadsheets).
/// Spreadsheets and binary files are recognised so callers can say what to do.
pub fn decode(bytes: &[u8]) -> TextFile {
    decode_owned(bytes.to_vec())
}

/// [`decode`] taking the bytes: UTF-8 text becomes the `String` in place, without a copy
/// (a large file is then in memory once, not twice).
pub fn decode_owned(bytes: Vec<u8>) -> TextFile {
    if let Some(other) = not_text(&bytes) {
        return other;
    }
    let with_bom = bytes.starts_with(BOM);
    match String::from_utf8(bytes) {
        Ok(mut text) if with_bom || !reads_better_as_windows_1252(&text) => {
            if with_bom {
                text.drain(..BOM.len());
            }
            TextFile::Text {
                text,
                encoding: "UTF-8",
            }
        }
        Ok(text) => TextFile::Text {
            text: decode_windows_1252(text.as_bytes()),
            encoding: "windows-1252",
        },
        Err(error) => {
            let bytes = error.as_bytes();
            TextFile::Text {
                text: decode_windows_1252(bytes.strip_prefix(BOM).unwrap_or(bytes)),
                encoding: "windows-1252",
            }
        }
    }
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// What a file is when it is not text: a spreadsheet (zip or old Excel) or binary.
fn not_text(bytes: &[u8]) -> Option<TextFile> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xd0\xcf\x11\xe0") {
        return Some(TextFile::Spreadsheet);
    }
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Some(TextFile::Binary);
    }
    None
}

/// Whether `c` is a character of French text outside ASCII.
const fn is_french(c: char) -> bool {
    matches!(
        c,
        'à' | 'â'
            | 'ä'
            | 'ç'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'î'
            | 'ï'
            | 'ô'
            | 'ö'
            | 'ù'
            | 'û'
            | 'ü'
            | 'ÿ'
            | 'œ'
            | 'æ'
            | 'À'
            | 'Â'
            | 'Ä'
            | 'Ç'
            | 'É'
            | 'È'
            | 'Ê'
            | 'Ë'
            | 'Î'
            | 'Ï'
            | 'Ô'
            | 'Ö'
            | 'Ù'
            | 'Û'
            | 'Ü'
            | 'Ÿ'
            | 'Œ'
            | 'Æ'
            | '€'
            | '«'
            | '»'
            | '’'
            | '‘'
            | '“'
            | '”'
            | '–'
            | '—'
            | '…'
            | '°'
            | '\u{a0}'
            | '\u{202f}'
    )
}

/// For each byte, whether it is a French character when read as Windows-1252.
const FRENCH_1252: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = is_french(windows_1252(byte as u8));
        byte += 1;
    }
    table
};

/// Whether text that is valid UTF-8 is more likely Windows-1252 whose bytes happen to
/// form UTF-8 sequences (`Éœ` written in Windows-1252 reads as `ɜ`). Counts, byte for
/// byte, the non-ASCII characters that French text uses, under each reading; UTF-8 wins
/// ties. Real UTF-8 (`é` is `Ã©` in Windows-1252) is never switched. Runs of ASCII are
/// skipped eight bytes at a time.
fn reads_better_as_windows_1252(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut as_utf8, mut as_1252) = (0usize, 0usize);
    let mut at = 0;
    while at < bytes.len() {
        at += ascii_prefix(&bytes[at..]);
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let end = at + c.len_utf8();
        if is_french(c) {
            as_utf8 += c.len_utf8();
        }
        as_1252 += bytes[at..end]
            .iter()
            .filter(|b| FRENCH_1252[usize::from(**b)])
            .count();
        at = end;
    }
    as_1252 > as_utf8
}

/// Windows-1252 to UTF-8: each run of ASCII is found eight bytes at a time and copied
/// at once, each other byte becomes its character.
fn decode_windows_1252(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut start = 0;
    while start < bytes.len() {
        let end = start + ascii_prefix(&bytes[start..]);
        // ASCII is valid UTF-8.
        text.push_str(std::str::from_utf8(&bytes[start..end]).unwrap_or_default());
        if let Some(&byte) = bytes.get(end) {
            text.push(windows_1252(byte));
        }
        start = end + 1;
    }
    text
}

/// Length of the ASCII run at the start of `bytes`.
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut length = 0;
    for word in words.by_ref() {
        let word = u64::from_le_bytes(word.try_into().unwrap_or([0x80; 8]));
        let high = word & 0x8080_8080_8080_8080;
        if high != 0 {
            return length + (high.trailing_zeros() / 8) as usize;
        }
        length += 8;
    }
    length + words.remainder().iter().take_while(|b| b.is_ascii()).count()
}

const fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

/// Strips a UTF-8 byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Guesses the separator from the first line (outside quotes): the candidate that
/// appears most often; `,` when none appears.
pub fn detect_separator(text: &str) -> char {
    let text = strip_bom(text);
    let mut counts = [0usize; SEPARATORS.len()];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => break,
            _ if !in_quotes => {
                if let Some(i) = SEPARATORS.iter().position(|s| *s == c) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let (best, count) = counts
        .iter()
        .enumerate()
        .max_by_key(|(i, n)| (**n, usize::MAX - i))
        .unwrap_or((1, &0));
    if *count == 0 {
        ','
    } else {
        SEPARATORS[best]
    }
}

/// The fields of one record, without copying: each is a span of the text being read,
/// except quoted fields with doubled quotes (`""`), whose unescaped text is kept in
/// `owned`. Reading a large file therefore allocates nothing per field.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    owned: String,
    spans: Vec<Span>,
}

/// Where a field's text is: `start..end` of the text read, or of `Fields::owned`.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    owned: bool,
}

impl Fields {
    /// Number of fields.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the record has no field.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The field at `index`, if any; `text` is the text the record was read from.
    pub fn get<'a>(&'a self, text: &'a str, index: usize) -> Option<&'a str> {
        let span = self.spans.get(index)?;
        let source = if span.owned { self.owned.as_str() } else { text };
        source.get(span.start..span.end)
    }

    /// The fields in order; `text` is the text the record was read from.
    pub fn iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        (0..self.len()).filter_map(move |i| self.get(text, i))
    }

    fn clear(&mut self) {
        self.owned.clear();
        self.spans.clear();
    }

    fn push(&mut self, start: usize, end: usize, owned: bool) {
        self.spans.push(Span { start, end, owned });
    }

    /// Whether the record is one empty field (a blank line).
    fn is_blank(&self) -> bool {
        matches!(self.spans.as_slice(), [span] if span.start == span.end)
    }
}

/// Reads records one at a time from a position in a text, so that a large file can be
/// read in slices (the browser yields between them) without keeping every record.
/// Blank lines are skipped. Works on bytes: separators and quotes are ASCII, so fields
/// split there are whole UTF-8 text, given as spans of it ([`Fields`]).
#[derive(Debug, Clone)]
pub struct RecordReader {
    separator: u8,
    pos: usize,
    line: usize,
}

impl RecordReader {
    /// A reader at the start of `text` (after a byte-order mark, if any).
    pub fn new(text: &str, separator: char) -> Self {
        let separator = if separator.is_ascii() {
            separator as u8
        } else {
            b','
        };
        let pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
        RecordReader {
            separator,
            pos,
            line: 1,
        }
    }

    /// Byte offset of the next record.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Reads the next record of `text` (the same text on every call) into `fields`.
    /// Returns the 1-based line where it starts, or `None` at the end of the text.
    pub fn next_record(&mut self, text: &str, fields: &mut Fields) -> Option<Result<usize, CsvError>> {
        let bytes = text.as_bytes();
        loop {
            if self.pos >= bytes.len() {
                return None;
            }
            fields.clear();
            let record_line = self.line;
            match self.read_one(text, fields) {
                Err(e) => {
                    // Stop for good: the rest of the file cannot be split reliably.
                    self.pos = bytes.len();
                    return Some(Err(e));
                }
                Ok(()) => {
                    if !fields.is_blank() {
                        return Some(Ok(record_line));
                    }
                }
            }
        }
    }

    fn read_one(&mut self, text: &str, fields: &mut Fields) -> Result<(), CsvError> {
        let bytes = text.as_bytes();
        let sep = self.separator;
        let mut i = self.pos;
        loop {
            // Start of a field.
            if bytes.get(i) == Some(&b'"') {
                let quote_line = self.line;
                i += 1;
                // The field is a span of the text until a doubled quote needs unescaping;
                // from then on its pieces are copied into `owned`.
                let content = i;
                let mut piece = i;
                let mut owned_from: Option<usize> = None;
                loop {
                    let Some(offset) = bytes[i.min(bytes.len())..]
                        .iter()
                        .position(|b| *b == b'"' || *b == b'\n')
                    else {
                        self.pos = bytes.len();
                        return Err(CsvError::UnclosedQuote { line: quote_line });
                    };
                    let at = i + offset;
                    if bytes[at] == b'\n' {
                        self.line += 1;
                        i = at + 1;
                    } else if bytes.get(at + 1) == Some(&b'"') {
                        owned_from.get_or_insert(fields.owned.len());
                        fields.owned.push_str(text.get(piece..=at).unwrap_or(""));
                        i = at + 2;
                        piece = i;
                    } else {
                        match owned_from {
                            Some(from) => {
                                fields.owned.push_str(text.get(piece..at).unwrap_or(""));
                                fields.push(from, fields.owned.len(), true);
                            }
                            None => fields.push(content, at, false),
                        }
                        i = at + 1;
                        break;
                    }
                }
                match bytes.get(i) {
                    None => {
                        self.pos = i;
                        return Ok(());
                    }
                    Some(b) if *b == sep => {
                        i += 1;
                        continue;
                    }
                    Some(b'\n') => {
                        self.line += 1;
                        self.pos = i + 1;
                        return Ok(());
                    }
                    Some(b'\r') => {
                        self.line += 1;
                        i += 1;
                        if bytes.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                        self.pos = i;
                        return Ok(());
                    }
                    Some(_) => return Err(CsvError::TextAfterQuote { line: self.line }),
                }
            }
            // Unquoted field: up to the separator or the end of the line.
            let offset = bytes[i.min(bytes.len())..]
                .iter()
                .position(|b| *b == sep || *b == b'\n' || *b == b'\r');
            let end = offset.map_or(bytes.len(), |o| i + o);
            fields.push(i, end, false);
            match bytes.get(end) {
                None => {
                    self.pos = end;
                    return Ok(());
                }
                Some(b) if *b == sep => i = end + 1,
                Some(b'\r') => {
                    self.line += 1;
                    i = end + 1;
                    if bytes.get(i) == Some(&b'\n') {
                        i += 1;
                    }
                    self.pos = i;
                    return Ok(());
                }
                Some(_) => {
                    self.line += 1;
                    self.pos = end + 1;
                    return Ok(());
                }
            }
        }
    }
}

/// Reads every record. Blank lines are skipped. The separator is one of [`SEPARATORS`]
/// (what [`detect_separator`] gives).
pub fn read_records(text: &str, separator: char) -> Result<Vec<Record>, CsvError> {
    let mut reader = RecordReader::new(text, separator);
    let mut fields = Fields::default();
    let mut records = Vec::new();
    while let Some(line) = reader.next_record(text, &mut fields) {
        records.push(Record {
            line: line?,
            fields: fields.iter(text).map(str::to_owned).collect(),
        });
    }
    Ok(records)
}

/// Whether a spreadsheet would treat a cell starting like this as a formula.
fn looks_like_formula(cell: &str) -> bool {
    matches!(cell.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// Whether a cell gets the protective `'`: it looks like a formula once any leading
/// apostrophes are set aside (so that protecting is undone exactly, whatever the cell).
fn needs_protection(cell: &str) -> bool {
    looks_like_formula(cell.trim_start_matches('\''))
}

/// Makes a cell safe for spreadsheets (see the module documentation).
pub fn protect_cell(cell: &str) -> String {
    if needs_protection(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// Undoes [`protect_cell`].
pub fn unprotect_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_protection(rest) => rest,
        _ => cell,
    }
}

/// Appends one record to `out`, quoting fields as needed, ending with CRLF.
pub fn write_record<S: AsRef<str>>(out: &mut String, fields: &[S], separator: char) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        let field = protect_cell(field.as_ref());
        // Quoting every candidate separator (not only the one in use) keeps separator
        // detection right when the file is read back.
        let needs_quotes = field.contains(SEPARATORS)
            || field.contains(['"', '\n', '\r'])
            || field.starts_with(' ')
            || field.ends_with(' ');
        if needs_quotes {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A character-by-character reader, the reference the byte reader is tested against.
    fn read_records_chars(text: &str, separator: char) -> Result<Vec<Record>, CsvError> {
        let text = strip_bom(text);
        let mut records = Vec::new();
        let mut fields: Vec<String> = Vec::new();
        let mut field = String::new();
        let mut line = 1usize;
        let mut record_line = 1usize;
        let mut chars = text.chars().peekable();
        // State: at the start of a field, inside unquoted text, inside quotes, after quotes.
        #[derive(PartialEq)]
        enum State {
            Start,
            Plain,
            Quoted,
            AfterQuote,
        }
        let mut state = State::Start;
        let mut quote_line = 1usize;
        let end_record =
            |fields: &mut Vec<String>, field: &mut String, records: &mut Vec<Record>, at: usize| {
                fields.push(std::mem::take(field));
                let is_blank = fields.len() == 1 && fields[0].is_empty();
                if !is_blank {
                    records.push(Record {
                        line: at,
                        fields: std::mem::take(fields),
                    });
                } else {
                    fields.clear();
                }
            };
        while let Some(c) = chars.next() {
            match state {
                State::Quoted => {
                    if c == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            field.push('"');
                        } else {
                            state = State::AfterQuote;
                        }
                    } else {
                        if c == '\n' {
                            line += 1;
                        }
                        field.push(c);
                    }
                }
                _ if c == separator => {
                    fields.push(std::mem::take(&mut field));
                    state = State::Start;
                }
                _ if c == '\r' && chars.peek() == Some(&'\n') => {}
                _ if c == '\n' || c == '\r' => {
                    end_record(&mut fields, &mut field, &mut records, record_line);
                    line += 1;
                    record_line = line;
                    state = State::Start;
                }
                State::Start if c == '"' => {
                    state = State::Quoted;
                    quote_line = line;
                }
                State::AfterQuote => return Err(CsvError::TextAfterQuote { line }),
                _ => {
                    field.push(c);
                    state = State::Plain;
                }
            }
        }
        if state == State::Quoted {
            return Err(CsvError::UnclosedQuote { line: quote_line });
        }
        if !(fields.is_empty() && field.is_empty() && state == State::Start) {
            end_record(&mut fields, &mut field, &mut records, record_line);
        }
        Ok(records)
    }

    fn fields(records: &[Record]) -> Vec<Vec<&str>> {
        records
            .iter()
            .map(|r| r.fields.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn reads_quotes_newlines_and_crlf() {
        let text = "\u{feff}a;b\r\n\"x;1\";\"dit \"\"oui\"\"\"\r\n\"deux\nlignes\";z\r\n\r\n";
        let records = read_records(text, ';').unwrap();
        assert_eq!(
            fields(&records),
            vec![
                vec!["a", "b"],
                vec!["x;1", "dit \"oui\""],
                vec!["deux\nlignes", "z"]
            ]
        );
        assert_eq!(records[2].line, 3);
    }

    #[test]
    fn decodes_utf8_latin1_and_recognises_other_files() {
        assert_eq!(
            decode(b"\xef\xbb\xbfcaf\xc3\xa9"),
            TextFile::Text {
                text: "café".into(),
                encoding: "UTF-8"
            }
        );
        assert_eq!(
            decode(b"caf\xe9 \x80"),
            TextFile::Text {
                text: "café €".into(),
                encoding: "windows-1252"
            }
        );
        // Windows-1252 bytes that happen to be valid UTF-8 (`É` `œ` = C9 9C = `ɜ`).
        assert_eq!(
            decode(b"\xc9\x9c"),
            TextFile::Text {
                text: "Éœ".into(),
                encoding: "windows-1252"
            }
        );
        for french in ["é", "à la", "l’été", "Œuvre, 12 € « oui »", "façade"] {
            assert_eq!(
                decode(french.as_bytes()),
                TextFile::Text {
                    text: french.into(),
                    encoding: "UTF-8"
                }
            );
        }
        assert_eq!(decode(b"PK\x03\x04rest"), TextFile::Spreadsheet);
        assert_eq!(decode(b"a\x00b"), TextFile::Binary);
    }

    #[test]
    fn detects_the_separator_outside_quotes() {
        assert_eq!(detect_separator("a;b;c\n1,5;2;3"), ';');
        assert_eq!(detect_separator("\"a;b\",c,d\n"), ',');
        assert_eq!(detect_separator("a\tb\n"), '\t');
        assert_eq!(detect_separator("seul\n"), ',');
    }

    #[test]
    fn reports_broken_quotes_with_their_line() {
        assert_eq!(
            read_records("a\n\"b\nc", ','),
            Err(CsvError::UnclosedQuote { line: 2 })
        );
        assert_eq!(
            read_records("a\n\"b\"c", ','),
            Err(CsvError::TextAfterQuote { line: 2 })
        );
    }

    #[test]
    fn formulas_are_neutralised_and_restored() {
        let mut out = String::new();
        write_record(&mut out, &["=SOMME(A1)", "@cmd", "-18 ans", "'=déjà", "ok"], ';');
        assert_eq!(out, "'=SOMME(A1);'@cmd;'-18 ans;''=déjà;ok\r\n");
        let back = read_records(&out, ';').unwrap();
        let restored: Vec<&str> = back[0].fields.iter().map(|f| unprotect_cell(f)).collect();
        assert_eq!(restored, vec!["=SOMME(A1)", "@cmd", "-18 ans", "'=déjà", "ok"]);
    }

    proptest! {

        /// The byte-wise encoding guess counts as the plain character-by-character one.
        #[test]
        fn the_encoding_guess_counts_every_character(text in "[a-z ;éèàçœÉ€’«»ɜ\u{a0}Ã©ÂŒ\u{2014}\u{202f}]{0,60}") {
            const FRENCH: &str = "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ€«»’‘“”–—…°\u{a0}\u{202f}";
            let (mut as_utf8, mut as_1252) = (0usize, 0usize);
            for c in text.chars().filter(|c| !c.is_ascii()) {
                if FRENCH.contains(c) {
                    as_utf8 += c.len_utf8();
                }
                let mut buffer = [0u8; 4];
                as_1252 += c.encode_utf8(&mut buffer).bytes().filter(|b| FRENCH.contains(windows_1252(*b))).count();
            }
            prop_assert_eq!(reads_better_as_windows_1252(&text), as_1252 > as_utf8);
        }

        /// Windows-1252 decoding by runs gives the character of every byte.
        #[test]
        fn windows_1252_decodes_byte_by_byte(bytes in prop::collection::vec(prop_oneof![32u8..127, any::<u8>()], 0..200)) {
            let expected: String = bytes.iter().map(|b| windows_1252(*b)).collect();
            prop_assert_eq!(decode_windows_1252(&bytes), expected);
        }

        #[test]
        fn the_byte_reader_agrees_with_the_character_reader(text in "[a;,\"\r\n é]{0,40}", sep_index in 0usize..4) {
            let separator = SEPARATORS[sep_index];
            prop_assert_eq!(read_records(&text, separator), read_records_chars(&text, separator));
        }

        #[test]
        fn any_table_round_trips(
            rows in prop::collection::vec(prop::collection::vec("[a-z;,\"' =+\\-@\n\té]{0,8}", 1..5), 1..6),
            sep_index in 0usize..4,
        ) {
            let separator = SEPARATORS[sep_index];
            let width = rows[0].len();
            let rows: Vec<Vec<String>> = rows.into_iter().map(|mut r| { r.resize(width, String::new()); r }).collect();
            // A record made of one empty field is a blank line, which readers skip.
            prop_assume!(!(width == 1 && rows.iter().any(|r| r[0].is_empty())));
            let mut text = String::new();
            for row in &rows {
                write_record(&mut text, row, separator);
            }
            let back = read_records(&text, separator).unwrap();
            let back: Vec<Vec<String>> = back.iter().map(|r| r.fields.iter().map(|f| unprotect_cell(f).to_owned()).collect()).collect();
            prop_assert_eq!(back, rows);
        }
    }
}
