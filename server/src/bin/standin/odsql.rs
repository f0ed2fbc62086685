//! The part of Opendatasoft's query language (ODSQL, Explore API v2.1) the stand-in
//! understands, really parsed: `where` (conditions joined by `and`), `select` (fields,
//! aliases, one-group aggregates) and `order_by`. Anything else is refused with the
//! portal's own error shapes, so a client that relies on more learns it from a 400.

use serde_json::{Map, Value};

/// A field's type, as the portal's dataset metadata names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    Text,
    Int,
    Double,
    /// A year-precision date (`exer`): rendered `"2023"`, compared only through `year()`.
    Date,
}

impl Type {
    pub fn name(self) -> &'static str {
        match self {
            Type::Text => "text",
            Type::Int => "int",
            Type::Double => "double",
            Type::Date => "date",
        }
    }
}

/// One field of a dataset: API name, label (`use_labels=true`), type.
pub struct Field {
    pub name: &'static str,
    pub label: &'static str,
    pub ty: Type,
}

/// One cell of a row, typed by its field.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Int(i64),
    Num(f64),
    Year(i32),
}

impl Cell {
    /// Reads a CSV cell as a field of this type (an empty or unreadable cell is null).
    pub fn parse(text: &str, ty: Type) -> Cell {
        let text = text.trim();
        if text.is_empty() {
            return Cell::Null;
        }
        match ty {
            Type::Text => Cell::Text(text.to_owned()),
            Type::Int => text
                .parse::<i64>()
                .ok()
                .or_else(|| text.parse::<f64>().ok().map(|f| f.round() as i64))
                .map_or(Cell::Null, Cell::Int),
            Type::Double => text.parse::<f64>().map_or(Cell::Null, Cell::Num),
            Type::Date => text
                .get(..4)
                .and_then(|y| y.parse().ok())
                .map_or(Cell::Null, Cell::Year),
        }
    }

    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Int(i) => Some(*i as f64),
            Cell::Num(f) => Some(*f),
            Cell::Year(y) => Some(f64::from(*y)),
            _ => None,
        }
    }

    pub fn to_json(&self) -> Value {
        match self {
            Cell::Null => Value::Null,
            Cell::Text(s) => Value::String(s.clone()),
            Cell::Int(i) => Value::from(*i),
            Cell::Num(f) => number_json(*f),
            // The portal renders year-precision dates as the year's text.
            Cell::Year(y) => Value::String(y.to_string()),
        }
    }

    /// The cell as the portal writes it in CSV exports: `.` decimals, full precision,
    /// a double always with a decimal part (`0.0`), empty for null.
    pub fn to_csv(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Num(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.1}"),
            Cell::Num(f) => f.to_string(),
            Cell::Year(y) => y.to_string(),
        }
    }
}

pub fn number_json(f: f64) -> Value {
    serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
}

/// An error answered as the portal does: status, `error_code`, `message`.
#[derive(Debug, PartialEq)]
pub struct OdsError {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

impl OdsError {
    pub fn malformed(detail: impl std::fmt::Display, clause: &str) -> OdsError {
        OdsError {
            status: 400,
            code: "ODSQLError",
            message: format!(
                "ODSQL query is malformed: {detail} Clause(s) containing the error(s): {clause}."
            ),
        }
    }
    pub fn rest(message: String) -> OdsError {
        OdsError {
            status: 400,
            code: "InvalidRESTParameterError",
            message,
        }
    }
    fn incompatible(field: &str, ty: Type, literal: &Literal) -> OdsError {
        // The real message text was never recorded; the code is what clients see.
        OdsError {
            status: 400,
            code: "IncompatibleTypesInComparisonFilter",
            message: format!(
                "Incompatible types in comparison filter: {field} (type {}) compared with {}",
                ty.name(),
                literal.describe()
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Ident(String),
    Str(String),
    Num(f64, String),
    Op(&'static str),
    LParen,
    RParen,
    Comma,
    Star,
}

fn tokenize(text: &str, clause: &str) -> Result<Vec<Token>, OdsError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                tokens.push(Token::LParen);
                i += 1;
            }
            ')' => {
                tokens.push(Token::RParen);
                i += 1;
            }
            ',' => {
                tokens.push(Token::Comma);
                i += 1;
            }
            '*' => {
                tokens.push(Token::Star);
                i += 1;
            }
            '"' | '\'' => {
                // Strings in either quote, with backslash escapes (`\"`, `\\`).
                let quote = c;
                let mut value = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err(OdsError::malformed("unterminated string", clause)),
                        Some('\\') => {
                            let Some(next) = chars.get(i + 1) else {
                                return Err(OdsError::malformed("unterminated string", clause));
                            };
                            value.push(*next);
                            i += 2;
                        }
                        Some(ch) if *ch == quote => {
                            i += 1;
                            break;
                        }
                        Some(ch) => {
                            value.push(*ch);
                            i += 1;
                        }
                    }
                }
                tokens.push(Token::Str(value));
            }
            '`' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&ch| ch == '`')
                    .ok_or_else(|| OdsError::malformed("unterminated back-quoted name", clause))?;
                tokens.push(Token::Ident(chars[i + 1..i + 1 + end].iter().collect()));
                i += end + 2;
            }
            '=' => {
                tokens.push(Token::Op("="));
                i += 1;
            }
            '!' | '<' | '>' => {
                let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
                let op = match two.as_str() {
                    "!=" => "!=",
                    "<>" => "!=",
                    "<=" => "<=",
                    ">=" => ">=",
                    _ if c == '<' => "<",
                    _ if c == '>' => ">",
                    _ => return Err(OdsError::malformed(format!("unexpected character '{c}'"), clause)),
                };
                i += if op.len() == 2 || two == "<>" { 2 } else { 1 };
                tokens.push(Token::Op(op));
            }
            c if c.is_ascii_digit() || c == '-' || c == '.' => {
                let start = i;
                i += 1;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                let raw: String = chars[start..i].iter().collect();
                let value = raw
                    .parse()
                    .map_err(|_| OdsError::malformed(format!("invalid number '{raw}'"), clause))?;
                tokens.push(Token::Num(value, raw));
            }
            c if c.is_alphanumeric() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                tokens.push(Token::Ident(chars[start..i].iter().collect()));
            }
            other => {
                return Err(OdsError::malformed(
                    format!("unexpected character '{other}'"),
                    clause,
                ))
            }
        }
    }
    Ok(tokens)
}

/// A literal on the right of a comparison.
#[derive(Clone, Debug, PartialEq)]
enum Literal {
    Str(String),
    Num(f64, String),
}

impl Literal {
    fn describe(&self) -> String {
        match self {
            Literal::Str(s) => format!("text \"{s}\""),
            Literal::Num(_, raw) => format!("number {raw}"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Op::Eq => ordering == Equal,
            Op::Ne => ordering != Equal,
            Op::Lt => ordering == Less,
            Op::Le => ordering != Greater,
            Op::Gt => ordering == Greater,
            Op::Ge => ordering != Less,
        }
    }
}

/// One comparison, its types already checked.
#[derive(Debug)]
struct Condition {
    field: usize,
    year_of: bool,
    op: Op,
    value: Literal,
}

/// A parsed `where`: all conditions must hold.
#[derive(Debug, Default)]
pub struct Filter {
    conditions: Vec<Condition>,
}

fn field_index(fields: &[Field], name: &str, clause: &str) -> Result<usize, OdsError> {
    fields
        .iter()
        .position(|f| f.name == name)
        .ok_or_else(|| OdsError::malformed(format!("Unknown field: {name}"), clause))
}

impl Filter {
    /// Parses one `where` parameter and adds its conditions (several `where` are ANDed).
    pub fn add(&mut self, text: &str, fields: &[Field]) -> Result<(), OdsError> {
        const CLAUSE: &str = "where";
        let tokens = tokenize(text, CLAUSE)?;
        if tokens.is_empty() {
            return Ok(());
        }
        let mut pos = 0;
        loop {
            // operand: field | year(field)
            let (field, year_of) = match (tokens.get(pos), tokens.get(pos + 1)) {
                (Some(Token::Ident(f)), Some(Token::LParen)) if f.eq_ignore_ascii_case("year") => {
                    let Some(Token::Ident(name)) = tokens.get(pos + 2) else {
                        return Err(OdsError::malformed("year() expects a field name", CLAUSE));
                    };
                    if tokens.get(pos + 3) != Some(&Token::RParen) {
                        return Err(OdsError::malformed("missing ')' after year(", CLAUSE));
                    }
                    let index = field_index(fields, name, CLAUSE)?;
                    if fields[index].ty != Type::Date {
                        return Err(OdsError::malformed(
                            format!(
                                "year() expects a date field, {name} is {}",
                                fields[index].ty.name()
                            ),
                            CLAUSE,
                        ));
                    }
                    pos += 4;
                    (index, true)
                }
                (Some(Token::Ident(f)), Some(Token::LParen)) => {
                    return Err(OdsError::malformed(
                        format!("{f}() is not supported by the stand-in"),
                        CLAUSE,
                    ))
                }
                (Some(Token::Ident(name)), _) => {
                    pos += 1;
                    (field_index(fields, name, CLAUSE)?, false)
                }
                (other, _) => {
                    return Err(OdsError::malformed(
                        format!("expected a field name, found {}", describe(other)),
                        CLAUSE,
                    ))
                }
            };
            let op = match tokens.get(pos) {
                Some(Token::Op("=")) => Op::Eq,
                Some(Token::Op("!=")) => Op::Ne,
                Some(Token::Op("<")) => Op::Lt,
                Some(Token::Op("<=")) => Op::Le,
                Some(Token::Op(">")) => Op::Gt,
                Some(Token::Op(">=")) => Op::Ge,
                other => {
                    return Err(OdsError::malformed(
                        format!("expected a comparison operator, found {}", describe(other)),
                        CLAUSE,
                    ))
                }
            };
            pos += 1;
            let value = match tokens.get(pos) {
                Some(Token::Str(s)) => Literal::Str(s.clone()),
                Some(Token::Num(n, raw)) => Literal::Num(*n, raw.clone()),
                other => {
                    return Err(OdsError::malformed(
                        format!("expected a value, found {}", describe(other)),
                        CLAUSE,
                    ))
                }
            };
            pos += 1;
            let name = fields[field].name;
            let ty = if year_of { Type::Int } else { fields[field].ty };
            match (ty, &value) {
                (Type::Date, _) => return Err(OdsError::incompatible(name, ty, &value)),
                (Type::Int | Type::Double, Literal::Str(_)) => {
                    let shown = if year_of {
                        format!("year({name})")
                    } else {
                        name.to_owned()
                    };
                    return Err(OdsError::incompatible(&shown, ty, &value));
                }
                _ => {}
            }
            self.conditions.push(Condition {
                field,
                year_of,
                op,
                value,
            });
            match tokens.get(pos) {
                None => return Ok(()),
                Some(Token::Ident(word)) if word.eq_ignore_ascii_case("and") => pos += 1,
                Some(Token::Ident(word))
                    if word.eq_ignore_ascii_case("or") || word.eq_ignore_ascii_case("not") =>
                {
                    return Err(OdsError::malformed(
                        format!("'{word}' is not supported by the stand-in (only 'and')"),
                        CLAUSE,
                    ))
                }
                other => {
                    return Err(OdsError::malformed(
                        format!("expected 'and' or the end, found {}", describe(other)),
                        CLAUSE,
                    ))
                }
            }
        }
    }

    pub fn matches(&self, row: &[Cell]) -> bool {
        self.conditions.iter().all(|c| {
            let cell = &row[c.field];
            let ordering = match (&c.value, cell) {
                (_, Cell::Null) => return false,
                (Literal::Num(n, _), Cell::Year(y)) if c.year_of => f64::from(*y).partial_cmp(n),
                (Literal::Num(n, _), Cell::Int(_) | Cell::Num(_)) => {
                    cell.number().and_then(|v| v.partial_cmp(n))
                }
                (Literal::Str(s), Cell::Text(t)) => Some(t.as_str().cmp(s.as_str())),
                // A number against a text field compares the texts, as `siren=213101355`
                // is reported to work on the real portal.
                (Literal::Num(_, raw), Cell::Text(t)) => Some(t.as_str().cmp(raw.as_str())),
                _ => None,
            };
            ordering.is_some_and(|o| c.op.holds(o))
        })
    }
}

fn describe(token: Option<&Token>) -> String {
    match token {
        None => "the end".to_owned(),
        Some(Token::Ident(s)) => format!("'{s}'"),
        Some(Token::Str(s)) => format!("\"{s}\""),
        Some(Token::Num(_, raw)) => raw.clone(),
        Some(Token::Op(op)) => format!("'{op}'"),
        Some(Token::LParen) => "'('".to_owned(),
        Some(Token::RParen) => "')'".to_owned(),
        Some(Token::Comma) => "','".to_owned(),
        Some(Token::Star) => "'*'".to_owned(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Aggregate {
    Count,
    Min,
    Max,
    Avg,
    Sum,
    /// `percentile(f, p)`; `median(f)` is `percentile(f, 50)`.
    Percentile(f64),
}

#[derive(Debug)]
enum Expr {
    Field(usize),
    Agg(Aggregate, Option<usize>),
}

/// One `select` item and the key it has in results (its alias, or the expression).
#[derive(Debug)]
pub struct Item {
    expr: Expr,
    pub key: String,
}

/// A parsed `select`.
#[derive(Debug)]
pub struct Select {
    pub items: Vec<Item>,
}

impl Select {
    /// Every field, as without `select`.
    pub fn all(fields: &[Field]) -> Select {
        Select {
            items: fields
                .iter()
                .enumerate()
                .map(|(i, f)| Item {
                    expr: Expr::Field(i),
                    key: f.name.to_owned(),
                })
                .collect(),
        }
    }

    pub fn parse(text: &str, fields: &[Field]) -> Result<Select, OdsError> {
        const CLAUSE: &str = "select";
        let tokens = tokenize(text, CLAUSE)?;
        let mut items = Vec::new();
        for part in tokens.split(|t| *t == Token::Comma) {
            // Commas inside percentile(f, p) split the item: glue them back.
            items.push(part.to_vec());
        }
        let mut glued: Vec<Vec<Token>> = Vec::new();
        for part in items {
            let open = |p: &Vec<Token>| {
                p.iter().filter(|t| **t == Token::LParen).count()
                    > p.iter().filter(|t| **t == Token::RParen).count()
            };
            match glued.last_mut() {
                Some(last) if open(last) => {
                    last.push(Token::Comma);
                    last.extend(part);
                }
                _ => glued.push(part),
            }
        }
        let mut select = Select { items: Vec::new() };
        for part in glued {
            select.push_item(&part, fields)?;
        }
        let aggregates = select
            .items
            .iter()
            .filter(|i| matches!(i.expr, Expr::Agg(..)))
            .count();
        if aggregates > 0 && aggregates < select.items.len() {
            return Err(OdsError::malformed(
                "a field selected with aggregates must be in group_by (group_by is not supported by the stand-in)",
                CLAUSE,
            ));
        }
        Ok(select)
    }

    fn push_item(&mut self, part: &[Token], fields: &[Field]) -> Result<(), OdsError> {
        const CLAUSE: &str = "select";
        let (expr_tokens, alias) = match part {
            [rest @ .., Token::Ident(kw), Token::Ident(alias)] if kw.eq_ignore_ascii_case("as") => {
                (rest, Some(alias.clone()))
            }
            _ => (part, None),
        };
        match expr_tokens {
            [] => Err(OdsError::malformed("empty select item", CLAUSE)),
            [Token::Star] if alias.is_none() => {
                self.items.extend(Select::all(fields).items);
                Ok(())
            }
            [Token::Ident(name)] => {
                let index = field_index(fields, name, CLAUSE)?;
                self.items.push(Item {
                    expr: Expr::Field(index),
                    key: alias.unwrap_or_else(|| name.clone()),
                });
                Ok(())
            }
            [Token::Ident(function), Token::LParen, args @ .., Token::RParen] => {
                let lower = function.to_ascii_lowercase();
                let numeric = |name: &str| -> Result<usize, OdsError> {
                    let index = field_index(fields, name, CLAUSE)?;
                    match fields[index].ty {
                        Type::Int | Type::Double => Ok(index),
                        ty => Err(OdsError::malformed(
                            format!("{lower}() expects a numeric field, {name} is {}", ty.name()),
                            CLAUSE,
                        )),
                    }
                };
                let (aggregate, field, key) = match (lower.as_str(), args) {
                    ("count", [Token::Star]) => (Aggregate::Count, None, "count(*)".to_owned()),
                    ("min" | "max" | "avg" | "sum" | "median", [Token::Ident(name)]) => {
                        let aggregate = match lower.as_str() {
                            "min" => Aggregate::Min,
                            "max" => Aggregate::Max,
                            "avg" => Aggregate::Avg,
                            "sum" => Aggregate::Sum,
                            _ => Aggregate::Percentile(50.0),
                        };
                        (aggregate, Some(numeric(name)?), format!("{lower}({name})"))
                    }
                    ("percentile", [Token::Ident(name), Token::Comma, Token::Num(p, raw)]) => {
                        if !(0.0..=100.0).contains(p) {
                            return Err(OdsError::malformed(
                                "Percentile must be a decimal value between 0 and 100",
                                CLAUSE,
                            ));
                        }
                        (
                            Aggregate::Percentile(*p),
                            Some(numeric(name)?),
                            format!("percentile({name}, {raw})"),
                        )
                    }
                    _ => {
                        return Err(OdsError::malformed(
                            format!("{function}() with these arguments is not supported"),
                            CLAUSE,
                        ))
                    }
                };
                self.items.push(Item {
                    expr: Expr::Agg(aggregate, field),
                    key: alias.unwrap_or(key),
                });
                Ok(())
            }
            _ => Err(OdsError::malformed("unsupported select expression", CLAUSE)),
        }
    }

    pub fn is_aggregate(&self) -> bool {
        self.items.iter().any(|i| matches!(i.expr, Expr::Agg(..)))
    }

    /// One result row of plain fields.
    pub fn project(&self, row: &[Cell]) -> Vec<Cell> {
        self.items
            .iter()
            .map(|i| match i.expr {
                Expr::Field(f) => row[f].clone(),
                Expr::Agg(..) => Cell::Null,
            })
            .collect()
    }

    /// The one group's result over all matching rows (no `group_by`): `count(*)` is 0
    /// and every statistic null over zero rows.
    pub fn aggregate(&self, rows: &[&Vec<Cell>]) -> Vec<Cell> {
        self.items
            .iter()
            .map(|item| {
                let Expr::Agg(aggregate, field) = item.expr else {
                    return Cell::Null;
                };
                let mut values: Vec<f64> = match field {
                    Some(f) => rows.iter().filter_map(|r| r[f].number()).collect(),
                    None => Vec::new(),
                };
                let stat = match aggregate {
                    Aggregate::Count => return Cell::Int(rows.len() as i64),
                    _ if values.is_empty() => None,
                    Aggregate::Min => values.iter().copied().reduce(f64::min),
                    Aggregate::Max => values.iter().copied().reduce(f64::max),
                    Aggregate::Sum => Some(values.iter().sum()),
                    Aggregate::Avg => Some(values.iter().sum::<f64>() / values.len() as f64),
                    Aggregate::Percentile(p) => {
                        values.sort_by(f64::total_cmp);
                        Some(percentile(&values, p))
                    }
                };
                stat.map_or(Cell::Null, Cell::Num)
            })
            .collect()
    }

    pub fn to_object(&self, cells: Vec<Cell>) -> Value {
        let mut object = Map::new();
        for (item, cell) in self.items.iter().zip(cells) {
            object.insert(item.key.clone(), cell.to_json());
        }
        Value::Object(object)
    }
}

/// The exact percentile `p` (0–100) of sorted values, by linear interpolation between
/// the closest ranks: rank h = (n − 1)·p/100 counted from 0, value = x⌊h⌋ + (h − ⌊h⌋)·
/// (x⌈h⌉ − x⌊h⌋) (Hyndman & Fan's type 7, the default of R, NumPy and spreadsheets'
/// PERCENTILE.INC). The real portal's method is undocumented (likely approximate).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p / 100.0;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// A parsed `order_by`: fields with their direction.
pub struct Order {
    keys: Vec<(usize, bool)>,
}

impl Order {
    pub fn parse(text: &str, fields: &[Field]) -> Result<Order, OdsError> {
        const CLAUSE: &str = "order_by";
        let tokens = tokenize(text, CLAUSE)?;
        let mut keys = Vec::new();
        for part in tokens.split(|t| *t == Token::Comma) {
            let (name, descending) = match part {
                [Token::Ident(name)] => (name, false),
                [Token::Ident(name), Token::Ident(dir)] if dir.eq_ignore_ascii_case("asc") => (name, false),
                [Token::Ident(name), Token::Ident(dir)] if dir.eq_ignore_ascii_case("desc") => (name, true),
                _ => return Err(OdsError::malformed("expected 'field [asc|desc]'", CLAUSE)),
            };
            keys.push((field_index(fields, name, CLAUSE)?, descending));
        }
        Ok(Order { keys })
    }

    pub fn compare(&self, a: &[Cell], b: &[Cell]) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        for &(field, descending) in &self.keys {
            let ordering = match (&a[field], &b[field]) {
                (Cell::Null, Cell::Null) => Ordering::Equal,
                (Cell::Null, _) => Ordering::Less,
                (_, Cell::Null) => Ordering::Greater,
                (Cell::Text(x), Cell::Text(y)) => x.cmp(y),
                (x, y) => x.number().unwrap_or(0.0).total_cmp(&y.number().unwrap_or(0.0)),
            };
            let ordering = if descending { ordering.reverse() } else { ordering };
            if ordering != Ordering::Equal {
                return ordering;
            }
        }
        Ordering::Equal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: &[Field] = &[
        Field {
            name: "exer",
            label: "Exercice",
            ty: Type::Date,
        },
        Field {
            name: "insee",
            label: "Code",
            ty: Type::Text,
        },
        Field {
            name: "ptot",
            label: "Population",
            ty: Type::Int,
        },
    ];

    fn filter(text: &str) -> Result<Filter, OdsError> {
        let mut f = Filter::default();
        f.add(text, FIELDS).map(|()| f)
    }

    #[test]
    fn conditions_are_parsed_and_typed() {
        let row = vec![Cell::Year(2023), Cell::Text("56\"046".into()), Cell::Int(3423)];
        assert!(
            filter(r#"year(exer) = 2023 AND insee = "56\"046" and ptot >= 3000"#)
                .unwrap()
                .matches(&row)
        );
        assert!(!filter("ptot < 3423").unwrap().matches(&row));
        assert_eq!(
            filter(r#"exer = "2023""#).unwrap_err().code,
            "IncompatibleTypesInComparisonFilter"
        );
        assert_eq!(
            filter("exer = 2023").unwrap_err().code,
            "IncompatibleTypesInComparisonFilter"
        );
        assert_eq!(
            filter("ptot = '3423'").unwrap_err().code,
            "IncompatibleTypesInComparisonFilter"
        );
        assert_eq!(filter("nope = 1").unwrap_err().code, "ODSQLError");
        assert_eq!(filter("insee = ").unwrap_err().code, "ODSQLError");
        assert_eq!(
            filter("insee = 'a' or insee = 'b'").unwrap_err().code,
            "ODSQLError"
        );
    }

    #[test]
    fn percentiles_interpolate_between_closest_ranks() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&v, 25.0), 1.75);
        assert_eq!(percentile(&v, 50.0), 2.5);
        assert_eq!(percentile(&[7.0], 75.0), 7.0);
    }
}
