//! The data.gouv.fr catalogue stand-in (API v1 `datasets`): `q` as an AND of words
//! (accents and case ignored, a word matches the start of a word of the title,
//! description or tags), `geozone` as an exact zone of `spatial.zones`, and the paging
//! envelope with full `next_page`/`previous_page` addresses.

use serde_json::{json, Value};

/// Lower case without accents, as the search folds both sides.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' => out.push('i'),
            'ô' | 'ö' | 'ó' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ç' => out.push('c'),
            'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            c => out.push(c),
        }
    }
    out
}

fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn matches_words(dataset: &Value, query: &[String]) -> bool {
    let mut text = String::new();
    for key in ["title", "description"] {
        text.push_str(dataset[key].as_str().unwrap_or(""));
        text.push(' ');
    }
    for tag in dataset["tags"].as_array().into_iter().flatten() {
        text.push_str(tag.as_str().unwrap_or(""));
        text.push(' ');
    }
    let have = words(&text);
    query
        .iter()
        .all(|q| have.iter().any(|w| w.starts_with(q.as_str())))
}

fn in_zone(dataset: &Value, zone: &str) -> bool {
    dataset["spatial"]["zones"]
        .as_array()
        .is_some_and(|zones| zones.iter().any(|z| z == zone))
}

/// Percent-encodes a query value.
pub fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `GET /api/1/datasets/`: the page, or a 400 `{"message", "status"}`.
pub fn search(datasets: &[Value], params: &[(String, String)], base: &str) -> Result<Value, String> {
    let get = |name: &str| {
        params
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let number = |name: &str, default: usize| -> Result<usize, String> {
        match get(name) {
            None | Some("") => Ok(default),
            Some(v) => v
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| format!("{name}: invalid literal for int() with base 10: '{v}'")),
        }
    };
    let page = number("page", 1)?;
    let page_size = number("page_size", 20)?.min(1000);
    let query = words(get("q").unwrap_or(""));
    let zone = get("geozone").filter(|z| !z.is_empty());
    let found: Vec<&Value> = datasets
        .iter()
        .filter(|d| matches_words(d, &query) && zone.is_none_or(|z| in_zone(d, z)))
        .collect();
    let total = found.len();
    let data: Vec<Value> = found
        .into_iter()
        .skip((page - 1).saturating_mul(page_size))
        .take(page_size)
        .cloned()
        .collect();
    let link = |p: usize| {
        let mut url = format!("{base}/datagouv/api/1/datasets/?");
        for (name, value) in params.iter().filter(|(n, _)| n != "page") {
            url.push_str(&format!("{}={}&", encode(name), encode(value)));
        }
        url.push_str(&format!("page={p}"));
        Value::String(url)
    };
    Ok(json!({
        "data": data,
        "page": page,
        "page_size": page_size,
        "total": total,
        "next_page": if page * page_size < total { link(page + 1) } else { Value::Null },
        "previous_page": if page > 1 { link(page - 1) } else { Value::Null },
    }))
}

/// `GET /api/1/datasets/{id-or-slug}/`.
pub fn one<'a>(datasets: &'a [Value], id: &str) -> Option<&'a Value> {
    datasets.iter().find(|d| d["id"] == id || d["slug"] == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_accents_and_case() {
        assert_eq!(
            words("Équipements sportifs de CAZÈRES"),
            ["equipements", "sportifs", "de", "cazeres"]
        );
    }
}
