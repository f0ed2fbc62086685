//! The translation layer: every user-visible string of Briques comes from here.
//!
//! Catalogues are Fluent files (`core/locales/fr*.ftl`, `core/locales/en*.ftl`, one file per
//! area, concatenated), compiled
//! into the binary and parsed once on first use. The subset of Fluent understood here
//! is the one the project uses: `key = value` messages, indented continuation lines,
//! `{ $variable }` placeholders, `{ "literal" }` and plural selectors
//! (`{ $n -> [one] … *[other] … }`, with exact numeric keys such as `[0]`).
//!
//! French is the default language and the fallback: a key missing from the English
//! catalogue shows the French text; a key missing everywhere shows the key itself
//! (tests make sure neither happens).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, default first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The BCP 47 code (`fr`, `en`), as used in `<html lang>` and in storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Reads a language code such as `fr`, `en-GB` or `FR`; unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the first supported language of an HTTP `Accept-Language` header,
    /// French when none is supported.
    pub fn from_accept_language(header: &str) -> Lang {
        header
            .split(',')
            .filter_map(|part| Lang::from_code(part.split(';').next().unwrap_or("")))
            .next()
            .unwrap_or_default()
    }

    /// The catalogue compiled into this build: both languages natively; none in the
    /// browser, whose catalogues are data fetched from `/locales/<lang>.ftl` (French
    /// before the app mounts, English when chosen; see [`load_catalogue`]) and precached
    /// by the service worker, to keep the code bundle small.
    fn source(self) -> &'static str {
        #[cfg(target_family = "wasm")]
        {
            ""
        }
        #[cfg(not(target_family = "wasm"))]
        match self {
            Lang::Fr => concat!(
                include_str!("../locales/fr.ftl"),
                "\n",
                include_str!("../locales/fr-budget.ftl"),
                "\n",
                include_str!("../locales/fr-data.ftl"),
                "\n",
                include_str!("../locales/fr-packs.ftl"),
                "\n",
                include_str!("../locales/fr-communes.ftl"),
                "\n",
                include_str!("../locales/fr-live.ftl"),
            ),
            Lang::En => concat!(
                include_str!("../locales/en.ftl"),
                "\n",
                include_str!("../locales/en-budget.ftl"),
                "\n",
                include_str!("../locales/en-data.ftl"),
                "\n",
                include_str!("../locales/en-packs.ftl"),
                "\n",
                include_str!("../locales/en-communes.ftl"),
                "\n",
                include_str!("../locales/en-live.ftl"),
            ),
        }
    }

    /// The thousands separator and the decimal mark ([`format_number`]; also sent to
    /// scripts that format numbers themselves, such as the participant's page).
    pub fn number_separators(self) -> (char, char) {
        match self {
            Lang::Fr => ('\u{202f}', ','),
            Lang::En => (',', '.'),
        }
    }

    /// What follows a number to make it a percentage ([`format_percent`]).
    pub fn percent_suffix(self) -> &'static str {
        match self {
            Lang::Fr => "\u{202f}%",
            Lang::En => "%",
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::Fr => 0,
            Lang::En => 1,
        }
    }
}

/// A value given to a placeholder.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// Text, inserted as is.
    Str(&'a str),
    /// A number: formatted in the language's convention and used by plural selectors.
    Num(f64),
}

impl From<usize> for Value<'_> {
    fn from(n: usize) -> Self {
        Value::Num(n as f64)
    }
}
impl From<u32> for Value<'_> {
    fn from(n: u32) -> Self {
        Value::Num(f64::from(n))
    }
}
impl From<i64> for Value<'_> {
    fn from(n: i64) -> Self {
        Value::Num(n as f64)
    }
}
impl From<f64> for Value<'_> {
    fn from(n: f64) -> Self {
        Value::Num(n)
    }
}
impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::Str(s)
    }
}
impl<'a> From<&'a String> for Value<'a> {
    fn from(s: &'a String) -> Self {
        Value::Str(s)
    }
}

/// Translates `key` in `lang`.
pub fn tr(lang: Lang, key: &str) -> String {
    tr_args(lang, key, &[])
}

/// Translates `key` in `lang`, filling its placeholders from `args`.
pub fn tr_args(lang: Lang, key: &str, args: &[(&str, Value<'_>)]) -> String {
    let pattern = catalogue(lang)
        .and_then(|c| c.messages.get(key))
        .or_else(|| catalogue(Lang::Fr)?.messages.get(key));
    match pattern {
        Some(pattern) => {
            let mut out = String::new();
            pattern.render(lang, args, &mut out);
            out
        }
        None => key.to_owned(),
    }
}

/// Whether `key` exists in the default (French) catalogue.
pub fn has_key(key: &str) -> bool {
    catalogue(Lang::Fr).is_some_and(|c| c.messages.contains_key(key))
}

/// Formats a number with the language's separators and `decimals` digits after the
/// decimal mark (French: `1 234,5` with a narrow no-break space; English: `1,234.5`).
pub fn format_number(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let (group, decimal) = lang.number_separators();
    let text = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::new();
    if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('−');
    }
    let digits = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(frac) = frac_part {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// Formats a share (0.25 → `25 %` in French, `25%` in English) with `decimals` digits.
pub fn format_percent(lang: Lang, share: f64, decimals: usize) -> String {
    format!(
        "{}{}",
        format_number(lang, share * 100.0, decimals),
        lang.percent_suffix()
    )
}

/// A French letter without its accent (`é` → `e`, `Ç` → `C`), for comparing and making
/// identifiers; other characters are returned unchanged.
pub fn fold_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'À' | 'Â' | 'Ä' | 'Á' => 'A',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'î' | 'ï' => 'i',
        'Î' | 'Ï' => 'I',
        'ô' | 'ö' => 'o',
        'Ô' | 'Ö' => 'O',
        'ù' | 'û' | 'ü' => 'u',
        'Ù' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        c => c,
    }
}

/// Shortens a label to at most `max` characters, ending with `…` when cut (for chart
/// axes and terminal tables; the full label is shown elsewhere).
pub fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut out: String = label.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// The plural category of `n` in `lang`, as named by Fluent (`one`, `other`).
fn plural_category(lang: Lang, n: f64) -> &'static str {
    match lang {
        // French: 0 and 1 (and anything in between) are singular.
        Lang::Fr if (0.0..2.0).contains(&n.abs()) => "one",
        Lang::En if n == 1.0 => "one",
        _ => "other",
    }
}

// ---------------------------------------------------------------------------
// Catalogue parsing.

struct Catalogue {
    messages: HashMap<String, Pattern>,
}

/// One slot per language (by [`Lang::index`]), filled by whichever comes first: the
/// language's first use, from the catalogue compiled in, or [`load_catalogue`] (the
/// only way in the browser, whose build embeds none). A filled slot is never replaced.
static CATALOGUES: [OnceLock<Catalogue>; 2] = [OnceLock::new(), OnceLock::new()];

/// `lang`'s catalogue: the one compiled in, else the one loaded at run time, if any.
fn catalogue(lang: Lang) -> Option<&'static Catalogue> {
    let slot = &CATALOGUES[lang.index()];
    match lang.source() {
        "" => slot.get(),
        source => Some(slot.get_or_init(|| parse_catalogue(source).0)),
    }
}

/// Whether `lang`'s messages are available (natively always; in the browser once
/// [`load_catalogue`] has run).
pub fn has_catalogue(lang: Lang) -> bool {
    catalogue(lang).is_some_and(|c| !c.messages.is_empty())
}

/// Loads `lang`'s catalogue from its Fluent source (the concatenated `*.ftl` files the
/// build publishes as `/locales/<lang>.ftl`); a catalogue already there is never
/// replaced. Returns whether the catalogue is now available.
pub fn load_catalogue(lang: Lang, source: &str) -> bool {
    let slot = &CATALOGUES[lang.index()];
    if slot.get().is_none() {
        let (catalogue, _) = parse_catalogue(source);
        if !catalogue.messages.is_empty() {
            let _ = slot.set(catalogue);
        }
    }
    has_catalogue(lang)
}

#[derive(Debug, Clone, PartialEq)]
enum Element {
    Text(String),
    Var(String),
    Select {
        var: String,
        variants: Vec<(String, Pattern)>,
        default: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Pattern(Vec<Element>);

impl Pattern {
    fn render(&self, lang: Lang, args: &[(&str, Value<'_>)], out: &mut String) {
        let lookup = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
        for element in &self.0 {
            match element {
                Element::Text(text) => out.push_str(text),
                Element::Var(name) => match lookup(name) {
                    Some(Value::Str(s)) => out.push_str(s),
                    Some(Value::Num(n)) => {
                        let decimals = if n.fract() == 0.0 { 0 } else { 1 };
                        out.push_str(&format_number(lang, *n, decimals));
                    }
                    None => {
                        let _ = write!(out, "{{${name}}}");
                    }
                },
                Element::Select {
                    var,
                    variants,
                    default,
                } => {
                    let chosen = match lookup(var) {
                        Some(Value::Num(n)) => {
                            let exact = variants
                                .iter()
                                .position(|(key, _)| key.parse::<f64>().map(|k| k == *n).unwrap_or(false));
                            let category = plural_category(lang, *n);
                            exact.or_else(|| variants.iter().position(|(key, _)| key == category))
                        }
                        Some(Value::Str(s)) => variants.iter().position(|(key, _)| key == s),
                        None => None,
                    };
                    variants[chosen.unwrap_or(*default)].1.render(lang, args, out);
                }
            }
        }
    }

    fn variables(&self, into: &mut Vec<String>) {
        for element in &self.0 {
            match element {
                Element::Text(_) => {}
                Element::Var(name) => into.push(name.clone()),
                Element::Select { var, variants, .. } => {
                    into.push(var.clone());
                    for (_, pattern) in variants {
                        pattern.variables(into);
                    }
                }
            }
        }
    }
}

/// A problem in a catalogue file, found by the tests.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueProblem {
    /// 1-based line number in the `.ftl` file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

fn parse_catalogue(source: &str) -> (Catalogue, Vec<CatalogueProblem>) {
    let mut messages = HashMap::new();
    let mut problems = Vec::new();
    // Gather each message's lines: the `key = …` line and its indented continuations.
    let mut current: Option<(usize, String, Vec<String>)> = None;
    let finish = |entry: Option<(usize, String, Vec<String>)>,
                  messages: &mut HashMap<String, Pattern>,
                  problems: &mut Vec<CatalogueProblem>| {
        if let Some((line, key, lines)) = entry {
            let value = join_lines(&lines);
            match parse_pattern(&value) {
                Ok(pattern) => {
                    if messages.insert(key.clone(), pattern).is_some() {
                        problems.push(CatalogueProblem {
                            line,
                            message: format!("clé en double : {key}"),
                        });
                    }
                }
                Err(message) => problems.push(CatalogueProblem {
                    line,
                    message: format!("{key} : {message}"),
                }),
            }
        }
    };
    for (index, raw) in source.lines().enumerate() {
        let line_no = index + 1;
        // Indented lines continue the message; so does a select's closing brace.
        if raw.starts_with(' ') || raw.starts_with('\t') || (raw.starts_with('}') && current.is_some()) {
            match current.as_mut() {
                Some((_, _, lines)) => lines.push(raw.to_owned()),
                None if raw.trim().is_empty() => {}
                None => problems.push(CatalogueProblem {
                    line: line_no,
                    message: "ligne indentée hors d'un message".to_owned(),
                }),
            }
            continue;
        }
        if raw.trim().is_empty() || raw.starts_with('#') {
            finish(current.take(), &mut messages, &mut problems);
            continue;
        }
        finish(current.take(), &mut messages, &mut problems);
        match raw.split_once('=') {
            Some((key, value)) if is_identifier(key.trim()) => {
                current = Some((
                    line_no,
                    key.trim().to_owned(),
                    vec![value.trim_start().to_owned()],
                ));
            }
            _ => problems.push(CatalogueProblem {
                line: line_no,
                message: format!("ligne illisible : « {raw} » (attendu : clé = texte)"),
            }),
        }
    }
    finish(current.take(), &mut messages, &mut problems);
    (Catalogue { messages }, problems)
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Joins a message's lines as Fluent does: continuation lines lose their common
/// indentation and are separated by newlines; an empty first line is dropped.
fn join_lines(lines: &[String]) -> String {
    let first = lines.first().map(|s| s.trim_end()).unwrap_or("");
    let rest = &lines[1.min(lines.len())..];
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut parts: Vec<&str> = Vec::new();
    if !first.is_empty() {
        parts.push(first);
    }
    for line in rest {
        parts.push(line.get(indent..).unwrap_or("").trim_end());
    }
    while parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    parts.join("\n")
}

fn parse_pattern(text: &str) -> Result<Pattern, String> {
    let mut parser = Parser {
        chars: text.chars().collect(),
        pos: 0,
    };
    let pattern = parser.pattern(false)?;
    if parser.pos < parser.chars.len() {
        return Err(format!("« }} » inattendu en position {}", parser.pos));
    }
    Ok(pattern)
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn skip_blank(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("« {c} » attendu en position {}", self.pos))
        }
    }

    /// Text and placeholders until the end, a `}` or (inside a variant) a newline.
    fn pattern(&mut self, in_variant: bool) -> Result<Pattern, String> {
        let mut elements = Vec::new();
        let mut text = String::new();
        while let Some(c) = self.peek() {
            match c {
                '}' => break,
                '\n' if in_variant => break,
                '{' => {
                    if !text.is_empty() {
                        elements.push(Element::Text(std::mem::take(&mut text)));
                    }
                    self.pos += 1;
                    elements.push(self.placeable()?);
                }
                _ => {
                    text.push(c);
                    self.pos += 1;
                }
            }
        }
        if !text.is_empty() {
            elements.push(Element::Text(text));
        }
        Ok(Pattern(elements))
    }

    fn identifier(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self
            .peek()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        {
            name.push(c);
            self.pos += 1;
        }
        name
    }

    fn placeable(&mut self) -> Result<Element, String> {
        self.skip_blank();
        match self.peek() {
            Some('"') => {
                self.pos += 1;
                let mut literal = String::new();
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == '"' {
                        self.skip_blank();
                        self.expect('}')?;
                        return Ok(Element::Text(literal));
                    }
                    literal.push(c);
                }
                Err("littéral non terminé".to_owned())
            }
            Some('$') => {
                self.pos += 1;
                let var = self.identifier();
                if var.is_empty() {
                    return Err("nom de variable manquant après $".to_owned());
                }
                self.skip_blank();
                if self.peek() == Some('}') {
                    self.pos += 1;
                    return Ok(Element::Var(var));
                }
                self.expect('-')?;
                self.expect('>')?;
                self.select(var)
            }
            _ => Err(format!("placeholder illisible en position {}", self.pos)),
        }
    }

    fn select(&mut self, var: String) -> Result<Element, String> {
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip_blank();
            match self.peek() {
                Some('}') => {
                    self.pos += 1;
                    break;
                }
                Some('*') | Some('[') => {
                    if self.peek() == Some('*') {
                        self.pos += 1;
                        default = Some(variants.len());
                    }
                    self.expect('[')?;
                    let key = self.identifier();
                    self.expect(']')?;
                    while self.peek() == Some(' ') {
                        self.pos += 1;
                    }
                    let pattern = self.pattern(true)?;
                    variants.push((key, pattern));
                }
                _ => return Err(format!("variante attendue en position {}", self.pos)),
            }
        }
        let default = default.ok_or("une variante par défaut (*[…]) est obligatoire")?;
        Ok(Element::Select {
            var,
            variants,
            default,
        })
    }
}

/// Checks a catalogue source: parse problems, then each key's placeholders.
/// Used by the tests; returns every problem found.
pub fn check_catalogue(source: &str) -> Vec<CatalogueProblem> {
    parse_catalogue(source).1
}

/// The keys of `lang`'s catalogue with the variables each uses, sorted by key.
pub fn catalogue_keys(lang: Lang) -> Vec<(String, Vec<String>)> {
    let mut keys: Vec<(String, Vec<String>)> = catalogue(lang)
        .iter()
        .flat_map(|c| c.messages.iter())
        .map(|(key, pattern)| {
            let mut vars = Vec::new();
            pattern.variables(&mut vars);
            vars.sort();
            vars.dedup();
            (key.clone(), vars)
        })
        .collect();
    keys.sort();
    keys
}

/// Every message of `lang` that has no placeholder, as shown: the labels of buttons,
/// pages and headings (a pack's sheets are checked against them).
pub fn plain_messages(lang: Lang) -> Vec<String> {
    catalogue(lang)
        .iter()
        .flat_map(|c| c.messages.iter())
        .filter(|(_, pattern)| {
            let mut vars = Vec::new();
            pattern.variables(&mut vars);
            vars.is_empty()
        })
        .map(|(key, _)| tr(lang, key))
        .collect()
}

/// `Display` and `Error` for an error whose text is its catalogue message
/// (`message(lang)`): `Display` is the French message, for logs and the command line's
/// `?`. One text per error, never a second translation beside the catalogue's.
macro_rules! display_from_message {
    ($($ty:ty),+ $(,)?) => {
        $(
            impl std::fmt::Display for $ty {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(&self.message($crate::i18n::Lang::Fr))
                }
            }

            impl std::error::Error for $ty {}
        )+
    };
}

pub(crate) use display_from_message;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalogue_loaded_at_run_time_is_used() {
        // What the browser does with /locales/en.ftl (natively English is also compiled in).
        assert!(load_catalogue(Lang::En, Lang::En.source()));
        assert!(has_catalogue(Lang::En));
        assert_eq!(tr(Lang::En, "budget-side-recettes"), "Revenue");
    }

    #[test]
    fn catalogues_parse_without_problems() {
        for lang in Lang::ALL {
            let problems = check_catalogue(lang.source());
            assert!(problems.is_empty(), "{}: {problems:?}", lang.code());
        }
    }

    #[test]
    fn every_key_exists_in_every_language_with_the_same_placeholders() {
        let fr = catalogue_keys(Lang::Fr);
        let en = catalogue_keys(Lang::En);
        let fr_keys: Vec<_> = fr.iter().map(|(k, _)| k).collect();
        let en_keys: Vec<_> = en.iter().map(|(k, _)| k).collect();
        assert_eq!(fr_keys, en_keys, "the two catalogues must have the same keys");
        for ((key, fr_vars), (_, en_vars)) in fr.iter().zip(&en) {
            assert_eq!(fr_vars, en_vars, "placeholders differ for {key}");
        }
    }

    #[test]
    fn plural_selectors_follow_each_language() {
        let source = "n = { $count ->\n    [0] aucun\n    [one] { $count } brique\n   *[other] { $count } briques\n}\n";
        let (catalogue, problems) = parse_catalogue(source);
        assert!(problems.is_empty(), "{problems:?}");
        let pattern = &catalogue.messages["n"];
        let render = |lang, n: f64| {
            let mut out = String::new();
            pattern.render(lang, &[("count", Value::Num(n))], &mut out);
            out
        };
        assert_eq!(render(Lang::Fr, 0.0), "aucun");
        assert_eq!(render(Lang::Fr, 1.0), "1 brique");
        assert_eq!(render(Lang::Fr, 2.0), "2 briques");
        assert_eq!(render(Lang::Fr, 1500.0), "1\u{202f}500 briques");
        assert_eq!(render(Lang::En, 1500.0), "1,500 briques");
    }

    #[test]
    fn continuation_lines_and_literals() {
        let source = "a = Première ligne\n    deuxième ligne\nb = accolade { \"{\" } ici\n";
        let (catalogue, problems) = parse_catalogue(source);
        assert!(problems.is_empty(), "{problems:?}");
        let render = |key: &str| {
            let mut out = String::new();
            catalogue.messages[key].render(Lang::Fr, &[], &mut out);
            out
        };
        assert_eq!(render("a"), "Première ligne\ndeuxième ligne");
        assert_eq!(render("b"), "accolade { ici");
    }

    #[test]
    fn malformed_catalogue_lines_are_reported_with_their_line() {
        let problems = check_catalogue("ok = bien\npas une clé\nx = { $n ->\n [one] a\n}\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert_eq!(problems[1].line, 3);
    }

    #[test]
    fn missing_keys_fall_back_to_the_key_and_languages_parse() {
        assert_eq!(tr(Lang::En, "no-such-key"), "no-such-key");
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_accept_language("de-DE,en;q=0.8,fr;q=0.5"), Lang::En);
        assert_eq!(Lang::from_accept_language("de-DE"), Lang::Fr);
    }

    #[test]
    fn numbers_and_percentages_use_the_language_conventions() {
        assert_eq!(
            format_number(Lang::Fr, 1234567.891, 2),
            "1\u{202f}234\u{202f}567,89"
        );
        assert_eq!(format_number(Lang::En, 1234567.891, 2), "1,234,567.89");
        assert_eq!(format_number(Lang::Fr, -12.0, 0), "−12");
        assert_eq!(format_number(Lang::Fr, -0.0001, 0), "0");
        assert_eq!(format_percent(Lang::Fr, 0.28125, 0), "28\u{202f}%");
        assert_eq!(format_percent(Lang::En, 0.5, 1), "50.0%");
        assert_eq!(shorten("Fromage ou dessert ?", 8), "Fromage…");
        assert_eq!(shorten("Oui", 8), "Oui");
    }
}
