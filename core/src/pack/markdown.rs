//! A small, safe Markdown reader for guide sheets: headings, paragraphs, bullet and
//! numbered lists (task boxes `- [ ]` included), block quotes, rules, tables, and
//! inline emphasis, strong, code and links.
//!
//! Sheets are untrusted once imported, so the output is a tree of [`Block`]s and
//! [`Inline`]s holding plain text: the app turns it into DOM nodes (text is escaped by
//! construction); the tests render it with `to_html`, which escapes every character
//! that matters, to check that hostile input stays text. Raw HTML is never passed
//! through: `<script>` is text. Links keep their target only when
//! [`safe_href`] accepts it (http, https, mailto, same-site paths and anchors).

use serde::{Deserialize, Serialize};

/// A block of a sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// `#` to `####`.
    Heading {
        /// 1 to 4.
        level: u8,
        /// The heading's text.
        text: Vec<Inline>,
    },
    /// Lines of text separated from others by a blank line.
    Paragraph(Vec<Inline>),
    /// `-`/`*` or `1.` items.
    List {
        /// Numbered list.
        ordered: bool,
        /// One entry per item.
        items: Vec<Item>,
    },
    /// `>` lines.
    Quote(Vec<Inline>),
    /// `---` (outside front matter) or `***`.
    Rule,
    /// A pipe table: header row then rows.
    Table {
        /// Header cells.
        header: Vec<Vec<Inline>>,
        /// Body rows.
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

/// A list item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// `Some(checked)` for a task item `- [ ]` / `- [x]`.
    pub task: Option<bool>,
    /// The item's text.
    pub text: Vec<Inline>,
    /// Items indented under this one (one level of nesting).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Item>,
    /// Whether the children are numbered.
    #[serde(default)]
    pub children_ordered: bool,
}

/// Text inside a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `*…*` or `_…_`.
    Em(Vec<Inline>),
    /// `**…**`.
    Strong(Vec<Inline>),
    /// `` `…` ``.
    Code(String),
    /// `[text](href)` with a target [`safe_href`] accepted.
    Link {
        /// The checked target.
        href: String,
        /// The link's text.
        text: Vec<Inline>,
    },
}

/// The link targets kept: web and mail addresses, paths on this site, anchors.
/// Anything else (`javascript:`, `data:`, protocol-relative `//host`) gives `None`.
pub fn safe_href(href: &str) -> Option<String> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    let ok = lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || (href.starts_with('/') && !href.starts_with("//"))
        || href.starts_with('#');
    let clean = !href
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<');
    (ok && clean && !href.is_empty()).then(|| href.to_owned())
}

/// Reads a sheet's Markdown body.
pub fn parse(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines.get(i).copied().unwrap_or("");
        let trimmed = line.trim();
        if trimmed.is_empty() {
            i += 1;
            continue;
        }
        if let Some((level, rest)) = heading(trimmed) {
            blocks.push(Block::Heading {
                level,
                text: inlines(rest),
            });
            i += 1;
            continue;
        }
        if is_rule(trimmed) {
            blocks.push(Block::Rule);
            i += 1;
            continue;
        }
        if trimmed.starts_with('>') {
            let mut text = String::new();
            while let Some(l) = lines.get(i).map(|l| l.trim()).filter(|l| l.starts_with('>')) {
                push_line(&mut text, l.trim_start_matches('>').trim());
                i += 1;
            }
            blocks.push(Block::Quote(inlines(&text)));
            continue;
        }
        if trimmed.starts_with('|') && lines.get(i + 1).is_some_and(|l| is_table_rule(l.trim())) {
            let header = cells(trimmed);
            i += 2;
            let mut rows = Vec::new();
            while let Some(l) = lines.get(i).map(|l| l.trim()).filter(|l| l.starts_with('|')) {
                rows.push(cells(l));
                i += 1;
            }
            blocks.push(Block::Table { header, rows });
            continue;
        }
        if let Some((ordered, _)) = list_marker(trimmed) {
            // (task, text, children as (task, text), children numbered)
            type Raw = (Option<bool>, String, Vec<(Option<bool>, String)>, bool);
            let mut items: Vec<Raw> = Vec::new();
            while let Some(l) = lines.get(i) {
                let t = l.trim();
                if t.is_empty() || heading(t).is_some() {
                    break;
                }
                let indented = l.len() - l.trim_start().len() >= 2;
                match (list_marker(t), items.last_mut()) {
                    // An indented item nests under the previous one.
                    (Some((o, rest)), Some(last)) if indented => {
                        let (task, rest) = task_box(rest);
                        if last.2.is_empty() {
                            last.3 = o;
                        }
                        last.2.push((task, rest.to_owned()));
                    }
                    (Some((o, rest)), _) if o == ordered => {
                        let (task, rest) = task_box(rest);
                        items.push((task, rest.to_owned(), Vec::new(), false));
                    }
                    (Some(_), _) => break,
                    // A plain line continues the item (lazy continuation).
                    (None, Some(last)) => match last.2.last_mut() {
                        Some((_, text)) if indented => push_line(text, t),
                        _ => push_line(&mut last.1, t),
                    },
                    (None, None) => break,
                }
                i += 1;
            }
            let item = |task, text: &str, children: Vec<Item>, children_ordered| Item {
                task,
                text: inlines(text),
                children,
                children_ordered,
            };
            blocks.push(Block::List {
                ordered,
                items: items
                    .into_iter()
                    .map(|(task, text, children, children_ordered)| {
                        let children = children
                            .iter()
                            .map(|(t, x)| item(*t, x, Vec::new(), false))
                            .collect();
                        item(task, &text, children, children_ordered)
                    })
                    .collect(),
            });
            continue;
        }
        let mut text = String::new();
        while let Some(l) = lines.get(i) {
            let t = l.trim();
            let starts_other = heading(t).is_some()
                || is_rule(t)
                || t.starts_with('>')
                || list_marker(t).is_some()
                || (t.starts_with('|') && lines.get(i + 1).is_some_and(|n| is_table_rule(n.trim())));
            if t.is_empty() || (!text.is_empty() && starts_other) {
                break;
            }
            push_line(&mut text, t);
            i += 1;
        }
        blocks.push(Block::Paragraph(inlines(&text)));
    }
    blocks
}

fn push_line(text: &mut String, line: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(line);
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    let rest = line.get(hashes..)?;
    ((1..=4).contains(&hashes) && rest.starts_with(' ')).then(|| (hashes as u8, rest.trim()))
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3 && (line.chars().all(|c| c == '-') || line.chars().all(|c| c == '*'))
}

fn is_table_rule(line: &str) -> bool {
    line.starts_with('|') && line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn cells(line: &str) -> Vec<Vec<Inline>> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| inlines(c.trim())).collect()
}

/// `- `, `* `, `+ ` or `1. ` / `1) ` at the start of a line.
fn list_marker(line: &str) -> Option<(bool, &str)> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some((false, rest.trim_start()));
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = line.get(digits..)?;
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((true, rest.trim_start()));
        }
    }
    None
}

fn task_box(text: &str) -> (Option<bool>, &str) {
    for (prefix, done) in [("[ ] ", false), ("[x] ", true), ("[X] ", true)] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return (Some(done), rest);
        }
    }
    (None, text)
}

/// Reads inline markup. Unclosed markers stay as text.
pub fn inlines(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    let mut finder = Finder::default();
    let mut find = |chars: &[char], from: usize, pattern: &[char]| finder.find(chars, from, pattern);
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    let flush = |plain: &mut String, out: &mut Vec<Inline>| {
        if !plain.is_empty() {
            out.push(Inline::Text(std::mem::take(plain)));
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() {
            plain.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '`' {
            if let Some(end) = find(&chars, i + 1, &['`']) {
                flush(&mut plain, &mut out);
                out.push(Inline::Code(chars[i + 1..end].iter().collect()));
                i = end + 1;
                continue;
            }
        }
        if c == '*' && chars.get(i + 1) == Some(&'*') {
            if let Some(end) = find(&chars, i + 2, &['*', '*']) {
                if end > i + 2 {
                    flush(&mut plain, &mut out);
                    let inner: String = chars[i + 2..end].iter().collect();
                    out.push(Inline::Strong(inlines(&inner)));
                    i = end + 2;
                    continue;
                }
            }
        }
        if (c == '*' || c == '_') && chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) {
            // `_` only opens emphasis at a word start (snake_case stays text).
            let word_start = i == 0 || !chars[i - 1].is_alphanumeric();
            if c == '*' || word_start {
                if let Some(end) = find(&chars, i + 1, &[c]) {
                    let word_end = c == '*' || chars.get(end + 1).is_none_or(|n| !n.is_alphanumeric());
                    if end > i + 1 && word_end {
                        flush(&mut plain, &mut out);
                        let inner: String = chars[i + 1..end].iter().collect();
                        out.push(Inline::Em(inlines(&inner)));
                        i = end + 1;
                        continue;
                    }
                }
            }
        }
        if c == '[' {
            if let Some(close) = find(&chars, i + 1, &[']', '(']) {
                if let Some(end) = find(&chars, close + 2, &[')']) {
                    let label: String = chars[i + 1..close].iter().collect();
                    let href: String = chars[close + 2..end].iter().collect();
                    flush(&mut plain, &mut out);
                    match safe_href(&href) {
                        Some(href) => out.push(Inline::Link {
                            href,
                            text: inlines(&label),
                        }),
                        // An unsafe target: the text is kept, the link is dropped.
                        None => out.extend(inlines(&label)),
                    }
                    i = end + 1;
                    continue;
                }
            }
        }
        plain.push(c);
        i += 1;
    }
    flush(&mut plain, &mut out);
    out
}

/// Finds where a marker next starts, remembering each marker's last answer: a search
/// from a later start up to that answer has the same answer (and after a failure, none),
/// so that a line of many unclosed markers (`[[[[…`) is read in linear time, not
/// quadratic: a sheet is untrusted text and must never freeze the page.
#[derive(Default)]
struct Finder {
    /// Per marker: searched from, and what was found (`None`: nothing after).
    memo: Vec<(Vec<char>, usize, Option<usize>)>,
}

impl Finder {
    /// The index where `pattern` next starts at or after `from`.
    fn find(&mut self, chars: &[char], from: usize, pattern: &[char]) -> Option<usize> {
        if let Some((_, start, found)) = self.memo.iter().find(|(p, ..)| p.as_slice() == pattern) {
            if from >= *start && found.is_none_or(|at| from <= at) {
                return *found;
            }
        }
        let found = (from..chars.len()).find(|&at| chars.get(at..at + pattern.len()) == Some(pattern));
        match self.memo.iter_mut().find(|(p, ..)| p.as_slice() == pattern) {
            Some(slot) => *slot = (pattern.to_vec(), from, found),
            None => self.memo.push((pattern.to_vec(), from, found)),
        }
        found
    }
}

/// The plain text of inlines (for titles, search, timelines).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Em(i) | Inline::Strong(i) | Inline::Link { text: i, .. } => out.push_str(&plain_text(i)),
        }
    }
    out
}

/// The blocks as HTML, every piece of text escaped (for the tests; the app builds DOM
/// nodes from the same tree).
#[cfg(test)]
pub(crate) fn to_html(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading { level, text } => {
                out.push_str(&format!("<h{level}>{}</h{level}>\n", inline_html(text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", inline_html(text))),
            Block::Quote(text) => out.push_str(&format!(
                "<blockquote><p>{}</p></blockquote>\n",
                inline_html(text)
            )),
            Block::Rule => out.push_str("<hr>\n"),
            Block::List { ordered, items } => list_html(&mut out, *ordered, items),
            Block::Table { header, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for cell in header {
                    out.push_str(&format!("<th scope=\"col\">{}</th>", inline_html(cell)));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str(&format!("<td>{}</td>", inline_html(cell)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
    out
}

#[cfg(test)]
fn list_html(out: &mut String, ordered: bool, items: &[Item]) {
    let tag = if ordered { "ol" } else { "ul" };
    out.push_str(&format!("<{tag}>\n"));
    for item in items {
        let mark = match item.task {
            Some(true) => "☑ ",
            Some(false) => "☐ ",
            None => "",
        };
        out.push_str(&format!("<li>{mark}{}", inline_html(&item.text)));
        if !item.children.is_empty() {
            list_html(out, item.children_ordered, &item.children);
        }
        out.push_str("</li>\n");
    }
    out.push_str(&format!("</{tag}>\n"));
}

#[cfg(test)]
fn inline_html(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(&crate::html::escape(t)),
            Inline::Code(t) => out.push_str(&format!("<code>{}</code>", crate::html::escape(t))),
            Inline::Em(i) => out.push_str(&format!("<em>{}</em>", inline_html(i))),
            Inline::Strong(i) => out.push_str(&format!("<strong>{}</strong>", inline_html(i))),
            Inline::Link { href, text } => {
                out.push_str(&format!(
                    "<a href=\"{}\">{}</a>",
                    crate::html::escape(href),
                    inline_html(text)
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_inlines() {
        let blocks = parse(
            "# Titre\n\nUn *petit* **texte**\nsur deux lignes.\n\n- un\n- [ ] deux\n  suite\n\n1. a\n2. b\n\n> citation\n\n---\n\n| A | B |\n|---|---|\n| 1 | `x` |\n",
        );
        assert_eq!(blocks.len(), 7, "{blocks:?}");
        assert_eq!(
            blocks[1],
            Block::Paragraph(vec![
                Inline::Text("Un ".into()),
                Inline::Em(vec![Inline::Text("petit".into())]),
                Inline::Text(" ".into()),
                Inline::Strong(vec![Inline::Text("texte".into())]),
                Inline::Text(" sur deux lignes.".into()),
            ])
        );
        let Block::List {
            ordered: false,
            items,
        } = &blocks[2]
        else {
            panic!()
        };
        assert_eq!(items[1].task, Some(false));
        assert_eq!(plain_text(&items[1].text), "deux suite");
        let nested = parse("- a :\n  - b\n  - c\n    suite\n- d\n");
        let Block::List { items, .. } = &nested[0] else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].children.len(), 2);
        assert_eq!(plain_text(&items[0].children[1].text), "c suite");
        assert!(to_html(&nested).contains("<li>a :<ul>\n<li>b</li>"));
        assert!(matches!(blocks[3], Block::List { ordered: true, .. }));
        assert!(matches!(blocks[6], Block::Table { .. }));
    }

    #[test]
    fn hostile_input_is_neutralised() {
        let html = to_html(&parse(
            "<script>alert(1)</script>\n\n[clic](javascript:alert(1)) [x](data:text/html,hi) \
             [ok](https://example.org/a?b=1&c=2) [y](//evil.example) [z](https://a\" onclick=\"x)\n\n\
             <img src=x onerror=alert(1)> **<b>**",
        ));
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(!html.contains("//evil"), "{html}");
        assert!(!html.contains("onclick=\""), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">ok</a>"),
            "{html}"
        );
        assert!(html.contains("clic"), "the label of a dropped link stays: {html}");
    }

    #[test]
    fn unclosed_markers_and_odd_input_stay_text() {
        assert_eq!(
            plain_text(&inlines("2 * 3 = 6, a_b_c, [x](")),
            "2 * 3 = 6, a_b_c, [x]("
        );
        for odd in [
            "**",
            "*",
            "[",
            "`",
            "|",
            "| a |\n|--|",
            "1.",
            "#",
            "- ",
            "\\",
            "é*è*",
        ] {
            let _ = to_html(&parse(odd));
        }
    }

    /// Regression: each unclosed `[` searched to the end of the line, so a long line of
    /// them took quadratic time (a sheet could freeze the page).
    #[test]
    fn a_long_line_of_unclosed_markers_is_read_in_linear_time() {
        for line in [
            format!("{}](x", "[".repeat(200_000)),
            "*_`".repeat(70_000),
            format!("{}**", "a ** ".repeat(50_000)),
        ] {
            let blocks = parse(&line);
            assert_eq!(blocks.len(), 1);
            assert!(
                plain_text(match &blocks[0] {
                    Block::Paragraph(inlines) => inlines,
                    other => panic!("{other:?}"),
                })
                .len()
                    > 100_000
            );
        }
    }
}
