//! Reading one cell of French open data: missing markers (`NA`, `-`, `n.d.`…), numbers
//! with a decimal comma or point and thousands separators (space, no-break spaces, dot),
//! percentages, and dates (`dd/mm/yyyy`, ISO, with or without a time). Also dates
//! written back as text, in ISO form for files and in words for people ([`date_text`]).

use crate::i18n::{tr, tr_args, Lang};

/// Whether a cell means "no value": empty, or a marker such as `NA`, `N/A`, `-`, `n.d.`.
pub fn is_missing(cell: &str) -> bool {
    is_missing_trimmed(cell.trim())
}

/// [`is_missing`] for a cell already trimmed (the importer trims every cell once).
pub(crate) fn is_missing_trimmed(cell: &str) -> bool {
    const MARKERS: [&str; 15] = [
        "", "na", "n/a", "#n/a", "nan", "null", "none", "-", "–", "—", "nd", "n.d.", "n.d", "?", ".",
    ];
    match cell.as_bytes().first() {
        None => true,
        // Every marker starts with one of these bytes (`–` and `—` with 0xE2): most cells,
        // digits and words, stop here.
        Some(b'n' | b'N' | b'#' | b'-' | b'?' | b'.' | 0xe2) => {
            cell.len() <= 5 && MARKERS.iter().any(|m| m.eq_ignore_ascii_case(cell))
        }
        Some(_) => false,
    }
}

/// How a column writes its decimals, decided once for the whole column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    /// `12,5` (thousands: space, no-break space, narrow no-break space, dot).
    Comma,
    /// `12.5` (thousands: space, no-break spaces, comma when grouped by three).
    Point,
}

/// The digits-only part of a number's text and whether it ended with `%`.
fn strip_number(cell: &str) -> Option<(&str, bool)> {
    let cell = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{202f}');
    let (cell, percent) = match cell.strip_suffix('%') {
        Some(rest) => (
            rest.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{202f}'),
            true,
        ),
        None => (cell, false),
    };
    if cell.is_empty() {
        return None;
    }
    Some((cell, percent))
}

fn is_group_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{202f}'
}

/// A number's ASCII text on the stack (numbers longer than 60 characters are not numbers).
struct Buffer {
    bytes: [u8; 64],
    len: usize,
}

impl Default for Buffer {
    fn default() -> Self {
        Buffer {
            bytes: [0; 64],
            len: 0,
        }
    }
}

impl Buffer {
    fn push(&mut self, c: char) {
        if let (true, Some(slot)) = (c.is_ascii(), self.bytes.get_mut(self.len)) {
            *slot = c as u8;
            self.len += 1;
        }
    }

    fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.bytes.get(..self.len)?).ok()
    }
}

/// Parses a number written with `mark` as its decimal separator. Returns the value and
/// whether it was a percentage (`12,5 %` gives 12.5, flagged).
pub fn parse_number(cell: &str, mark: DecimalMark) -> Option<(f64, bool)> {
    if let Some(value) = plain_decimal(cell.as_bytes(), mark) {
        return Some((value, false));
    }
    parse_number_in_full(cell, mark)
}

/// The common shape, `-?[0-9]+([mark][0-9]+)?` with at most 15 digits, read without
/// copying: the digits make an exact integer below 2^53 and the power of ten is exact,
/// so one division gives the correctly rounded value, the same as [`str::parse`].
/// `None` for any other shape (which the full reading then handles).
fn plain_decimal(bytes: &[u8], mark: DecimalMark) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let decimal = match mark {
        DecimalMark::Comma => b',',
        DecimalMark::Point => b'.',
    };
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    if digits.is_empty() || digits.len() > 16 {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut count = 0usize;
    let mut fraction: Option<usize> = None;
    for (i, &b) in digits.iter().enumerate() {
        if b.is_ascii_digit() {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            count += 1;
        } else if b == decimal && fraction.is_none() && i > 0 && i + 1 < digits.len() {
            fraction = Some(digits.len() - i - 1);
        } else {
            return None;
        }
    }
    if count > 15 {
        return None;
    }
    let value = mantissa as f64 / POWERS.get(fraction.unwrap_or(0)).copied()?;
    Some(if negative { -value } else { value })
}

/// [`parse_number`] for every accepted shape: signs, thousands separators, percentages,
/// scientific notation.
fn parse_number_in_full(cell: &str, mark: DecimalMark) -> Option<(f64, bool)> {
    let (body, percent) = strip_number(cell)?;
    let (negative, body) = match body.chars().next()? {
        '-' | '−' => (true, body.get(body.chars().next()?.len_utf8()..)?),
        '+' => (false, body.get(1..)?),
        _ => (false, body),
    };
    let (decimal, group) = match mark {
        DecimalMark::Comma => (',', '.'),
        DecimalMark::Point => ('.', ','),
    };
    if body.len() > 60 {
        return None;
    }
    let mut clean = Buffer::default();
    let mut digits_in_group = 0usize;
    let mut seen_group = false;
    let mut seen_decimal = false;
    let mut digits = 0usize;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            clean.push(c);
            digits += 1;
            digits_in_group += 1;
        } else if c == decimal && !seen_decimal {
            if seen_group && digits_in_group != 3 {
                return None;
            }
            seen_decimal = true;
            clean.push('.');
            digits_in_group = 0;
        } else if (c == group || is_group_space(c)) && !seen_decimal {
            // A thousands separator sits between digits and is followed by exactly three.
            if digits == 0 || (seen_group && digits_in_group != 3) || digits_in_group > 3 {
                return None;
            }
            if !chars.peek().is_some_and(char::is_ascii_digit) {
                return None;
            }
            seen_group = true;
            digits_in_group = 0;
        } else if (c == 'e' || c == 'E') && digits > 0 && !seen_group {
            // Scientific notation, as exported by some tools.
            clean.push('e');
            if let Some(sign @ ('-' | '+')) = chars.peek().copied() {
                clean.push(sign);
                chars.next();
            }
            let mut exponent_digits = 0;
            for c in chars.by_ref() {
                if !c.is_ascii_digit() {
                    return None;
                }
                clean.push(c);
                exponent_digits += 1;
            }
            if exponent_digits == 0 {
                return None;
            }
        } else {
            return None;
        }
    }
    if digits == 0 || (seen_group && !seen_decimal && digits_in_group != 3) {
        return None;
    }
    let value: f64 = clean.as_str()?.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    Some((if negative { -value } else { value }, percent))
}

/// Which decimal mark a column's cells use. A comma wins as soon as one cell has a comma
/// after its last point (`1,5`, `1.234,5`, and `1,234` too: French files mean a decimal
/// comma), or several points (`1.234.567`); a point otherwise.
pub fn decimal_mark<'a>(cells: impl Iterator<Item = &'a str>) -> DecimalMark {
    for cell in cells {
        let (mut comma, mut point, mut points) = (None, None, 0usize);
        for (i, b) in cell.bytes().enumerate() {
            match b {
                b',' => comma = Some(i),
                b'.' => {
                    point = Some(i);
                    points += 1;
                }
                _ => {}
            }
        }
        match (comma, point) {
            (Some(comma), Some(point)) if comma > point => return DecimalMark::Comma,
            (Some(_), None) => return DecimalMark::Comma,
            (None, Some(_)) if points > 1 => return DecimalMark::Comma,
            _ => {}
        }
    }
    DecimalMark::Point
}

/// Days from 1970-01-01 to a civil date (proleptic Gregorian), or `None` if invalid.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

/// The civil date of a day count from 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn number<T: std::str::FromStr>(text: &str, min_len: usize, max_len: usize) -> Option<T> {
    if text.len() < min_len || text.len() > max_len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A date or date-time as seconds since 1970-01-01 (no time zone), and whether a time
/// was written. Accepts `dd/mm/yyyy`, `dd-mm-yyyy`, `yyyy-mm-dd`, `yyyy/mm/dd`, each
/// optionally followed by ` HH:MM[:SS]` or `THH:MM[:SS]` (fractions and `Z` ignored).
pub fn parse_date(cell: &str) -> Option<(i64, bool)> {
    fixed_date(cell.as_bytes()).or_else(|| parse_date_in_full(cell))
}

/// The common shapes at fixed positions, read without splitting: `dd/mm/yyyy`,
/// `yyyy-mm-dd` (either separator), optionally followed by ` HH:MM` or ` HH:MM:SS` (or
/// `T`). `None` for any other shape, which the full reading then handles.
fn fixed_date(b: &[u8]) -> Option<(i64, bool)> {
    fn digits(b: &[u8], from: usize, count: usize) -> Option<u32> {
        b.get(from..from + count)?.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    }
    let separator = |i: usize| matches!(b.get(i), Some(b'/' | b'-'));
    let (year, month, day) = if separator(2) && separator(5) {
        (digits(b, 6, 4)?, digits(b, 3, 2)?, digits(b, 0, 2)?)
    } else if separator(4) && separator(7) {
        (digits(b, 0, 4)?, digits(b, 5, 2)?, digits(b, 8, 2)?)
    } else {
        return None;
    };
    let days = days_from_civil(i64::from(year), month, day)?;
    let seconds = days * 86_400;
    let time = match b.len() {
        10 => return Some((seconds, false)),
        16 | 19 if matches!(b[10], b' ' | b'T') && b[13] == b':' => {
            let (h, m) = (digits(b, 11, 2)?, digits(b, 14, 2)?);
            let s = if b.len() == 19 {
                if b[16] != b':' {
                    return None;
                }
                digits(b, 17, 2)?
            } else {
                0
            };
            if h > 23 || m > 59 || s > 60 {
                return None;
            }
            i64::from(h * 3600 + m * 60 + s)
        }
        _ => return None,
    };
    Some((seconds + time, true))
}

/// [`parse_date`] for every accepted shape.
fn parse_date_in_full(cell: &str) -> Option<(i64, bool)> {
    let cell = cell.trim();
    if cell.len() < 8 || cell.len() > 32 {
        return None;
    }
    let (date, time) = match cell.find(['T', ' ']) {
        Some(at) => (cell.get(..at)?, Some(cell.get(at + 1..)?.trim())),
        None => (cell, None),
    };
    let mut parts = date.split(['/', '-']);
    let (Some(a), Some(b), Some(c), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let (year, month, day) = if a.len() == 4 {
        (
            number::<i64>(a, 4, 4)?,
            number::<u32>(b, 1, 2)?,
            number::<u32>(c, 1, 2)?,
        )
    } else {
        (
            number::<i64>(c, 4, 4)?,
            number::<u32>(b, 1, 2)?,
            number::<u32>(a, 1, 2)?,
        )
    };
    let days = days_from_civil(year, month, day)?;
    let mut seconds = days * 86_400;
    let Some(time) = time else {
        return Some((seconds, false));
    };
    let time = time.trim_end_matches('Z');
    let time = time.split(['+', '.']).next().unwrap_or(time);
    let mut hms = time.split(':');
    let (h, m, s) = match (hms.next(), hms.next(), hms.next(), hms.next()) {
        (Some(h), Some(m), None, None) => (number::<i64>(h, 1, 2)?, number::<i64>(m, 2, 2)?, 0),
        (Some(h), Some(m), Some(s), None) => (
            number::<i64>(h, 1, 2)?,
            number::<i64>(m, 2, 2)?,
            number::<i64>(s, 2, 2)?,
        ),
        _ => return None,
    };
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    seconds += h * 3600 + m * 60 + s;
    Some((seconds, true))
}

/// ISO text of a date (`2024-03-01`) or date-time (`2024-03-01 08:30`).
pub fn format_date(seconds: i64, with_time: bool) -> String {
    let days = seconds.div_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    if with_time {
        let rest = seconds.rem_euclid(86_400);
        let (h, min, s) = (rest / 3600, rest % 3600 / 60, rest % 60);
        if s == 0 {
            format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}")
        } else {
            format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}:{s:02}")
        }
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// How much of a date a text shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// `janv. 2023`.
    Month,
    /// `1 janv. 2023`.
    Day,
    /// `1 janv. 2023 08:30`.
    Minute,
}

impl DateForm {
    /// The form that shows every one of `dates` (seconds) without losing what differs:
    /// the month when all are firsts of months, the minute when one has a time.
    pub fn of(dates: impl Iterator<Item = f64>, with_time: bool) -> DateForm {
        let mut form = DateForm::Month;
        for t in dates {
            let t = t as i64;
            if with_time && t.rem_euclid(86_400) != 0 {
                return DateForm::Minute;
            }
            if civil_from_days(t.div_euclid(86_400)).2 != 1 {
                form = DateForm::Day;
            }
        }
        form
    }
}

/// A date as French or English text (`1 janv. 2023`, `Jan 1, 2023`), for sentences and
/// chart labels; the catalogue gives the months' names and the order of the parts.
pub fn date_text(lang: Lang, seconds: i64, form: DateForm) -> String {
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    let year = y.to_string();
    let months = tr(lang, "date-months");
    let month = months.split('|').nth(m as usize - 1).unwrap_or_default();
    let day = d.to_string();
    let text = tr_args(
        lang,
        "date",
        &[
            ("day", day.as_str().into()),
            ("month", month.into()),
            ("year", year.as_str().into()),
            (
                "form",
                if form == DateForm::Month { "month" } else { "day" }.into(),
            ),
        ],
    );
    if form == DateForm::Minute {
        let rest = seconds.rem_euclid(86_400);
        format!("{text} {:02}:{:02}", rest / 3600, rest % 3600 / 60)
    } else {
        text
    }
}

/// A number as plain text for keys and CSV output: no thousands separator, a point,
/// no trailing zeros (`12.5`, `3`).
pub fn plain_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        let text = format!("{value}");
        text
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// The shortcut for plain decimals gives what the full reading gives, to the bit.
        #[test]
        fn plain_decimals_read_as_in_full(
            cell in "-?[0-9]{0,17}([.,][0-9]{0,8})?([.,][0-9]{0,3})?",
            comma in any::<bool>(),
        ) {
            let mark = if comma { DecimalMark::Comma } else { DecimalMark::Point };
            let fast = parse_number(&cell, mark).map(|(v, p)| (v.to_bits(), p));
            let full = parse_number_in_full(&cell, mark).map(|(v, p)| (v.to_bits(), p));
            prop_assert_eq!(fast, full, "{:?}", cell);
        }

        /// The shortcut for fixed-position dates gives what the full reading gives.
        #[test]
        fn fixed_dates_read_as_in_full(
            cell in "[0-9]{1,4}[/.-][0-9]{1,3}[/-][0-9]{1,4}([ T][0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,3})?)?Z?",
        ) {
            prop_assert_eq!(parse_date(&cell), parse_date_in_full(&cell), "{:?}", cell);
        }

        /// The same for any short text.
        #[test]
        fn any_cell_reads_as_in_full(cell in "[0-9/: T,.%-]{0,20}") {
            prop_assert_eq!(parse_date(&cell), parse_date_in_full(&cell));
            for mark in [DecimalMark::Comma, DecimalMark::Point] {
                let fast = parse_number(&cell, mark).map(|(v, p)| (v.to_bits(), p));
                let full = parse_number_in_full(&cell, mark).map(|(v, p)| (v.to_bits(), p));
                prop_assert_eq!(fast, full, "{:?}", cell);
            }
        }
    }

    #[test]
    fn french_numbers() {
        let c = DecimalMark::Comma;
        assert_eq!(parse_number("12,5", c), Some((12.5, false)));
        assert_eq!(parse_number("1 234,5", c), Some((1234.5, false)));
        assert_eq!(parse_number("1\u{a0}234\u{a0}567", c), Some((1234567.0, false)));
        assert_eq!(parse_number("1\u{202f}234,25", c), Some((1234.25, false)));
        assert_eq!(parse_number("1.234.567,8", c), Some((1234567.8, false)));
        assert_eq!(parse_number("-3,5", c), Some((-3.5, false)));
        assert_eq!(parse_number("−3", c), Some((-3.0, false)));
        assert_eq!(parse_number("12,5 %", c), Some((12.5, true)));
        assert_eq!(parse_number("7%", c), Some((7.0, true)));
        assert_eq!(parse_number("12 34", c), None);
        assert_eq!(parse_number("abc", c), None);
        assert_eq!(parse_number("1,2,3", c), None);
        assert_eq!(parse_number("", c), None);
        assert_eq!(parse_number("%", c), None);
        let p = DecimalMark::Point;
        assert_eq!(parse_number("12.5", p), Some((12.5, false)));
        assert_eq!(parse_number("1,234.5", p), Some((1234.5, false)));
        assert_eq!(parse_number("1e3", p), Some((1000.0, false)));
        assert_eq!(parse_number("1.2.3", p), None);
    }

    #[test]
    fn the_decimal_mark_of_a_column() {
        assert_eq!(decimal_mark(["12", "3,5"].into_iter()), DecimalMark::Comma);
        assert_eq!(decimal_mark(["12", "3.5"].into_iter()), DecimalMark::Point);
        assert_eq!(decimal_mark(["1,234.5"].into_iter()), DecimalMark::Point);
        assert_eq!(decimal_mark(["1.234,5"].into_iter()), DecimalMark::Comma);
    }

    #[test]
    fn dates_in_every_french_form() {
        let day = days_from_civil(2024, 3, 1).unwrap() * 86_400;
        assert_eq!(parse_date("01/03/2024"), Some((day, false)));
        assert_eq!(parse_date("1/3/2024"), Some((day, false)));
        assert_eq!(parse_date("2024-03-01"), Some((day, false)));
        assert_eq!(
            parse_date("2024-03-01T08:30:00Z"),
            Some((day + 8 * 3600 + 1800, true))
        );
        assert_eq!(
            parse_date("01/03/2024 08:30"),
            Some((day + 8 * 3600 + 1800, true))
        );
        assert_eq!(parse_date("31/02/2024"), None);
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("12/5"), None);
        assert_eq!(format_date(day + 8 * 3600 + 1800, true), "2024-03-01 08:30");
        assert_eq!(
            format_date(days_from_civil(1969, 12, 31).unwrap() * 86_400, false),
            "1969-12-31"
        );
        for days in [-800_000i64, -1, 0, 59, 19_782, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), Some(days));
        }
    }

    #[test]
    fn missing_markers() {
        for cell in ["", " ", "NA", "n/a", "N/A", "-", "—", "n.d.", "NULL", "nan"] {
            assert!(is_missing(cell), "{cell:?}");
        }
        for cell in ["0", "Nantes", "non", "NAF"] {
            assert!(!is_missing(cell), "{cell:?}");
        }
    }
}
