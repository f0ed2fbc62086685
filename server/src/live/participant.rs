//! The participant's page, `/live/{code}`: what a phone opens from the QR code. Not the
//! app (no WebAssembly, no site menu): a page the server renders, one small script and
//! one small style sheet, for phones of 2018 on a crowded Wi-Fi.
//!
//! - The HTML holds the session's title, the code, the language switch and, in a JSON
//!   block (`<script type="application/json">`, not executable), what the script needs
//!   to draw the first question at once: the session's current [`PublicView`] (core's
//!   serde type, as the event stream sends it), the texts of the chosen language from the
//!   catalogue (patterns: the script puts the values in place of `{$name}`), the number
//!   format, the labels of the budget categories, the limits of the steps and the
//!   local-storage keys (`core::site`).
//! - The script (`participant.js`, plain ES2017) and the style sheet (`participant.css`)
//!   are compiled into the binary and served at addresses that carry a hash of their
//!   content, cached for a year; the page itself is revalidated on each visit. Both are
//!   served outside the per-address request limit, like the app's files.
//! - The language is `?lang=` when given, else the browser's `Accept-Language`, French by
//!   default; the script reloads the page in the language chosen on this device earlier
//!   (local storage, shared with the app) when the address does not name one.
//! - Everything the session's creator or a participant typed (titles, choices, words,
//!   group names) is escaped here (`core::html`) or put in the DOM as text by the script.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;

use briques_core::budget::explore::mayor::{IMPREVUS, MAX_CUT, POSTES, TOKENS};
use briques_core::html::escape;
use briques_core::i18n::{catalogue_keys, tr, tr_args, Lang, Value};
use briques_core::live::steps::{MAX_GROUP, MAX_WORDS};
use briques_core::live::{PublicView, Step};
use briques_core::site::{storage_live_token, STORAGE_LANG};

/// The page's script: plain ES2017 (no `?.`, no `??`), no module, no framework.
const SCRIPT: &str = include_str!("participant.js");
/// The page's style sheet.
const STYLE: &str = include_str!("participant.css");

/// The catalogue messages the script shows (its `t('…')` calls; a test checks the two
/// lists agree). None has a plural selector that the values used would need: the
/// script fills placeholders, it does not choose variants (`duplo-masked-note` takes
/// its `other` form, right for every threshold a session may have, 2 to 20).
pub const TEXTS: &[&str] = &[
    "debate-landmark",
    "debate-phase-after",
    "debate-phase-before",
    "debate-stance-agree",
    "debate-stance-disagree",
    "debate-stance-undecided",
    "duplo-hidden-explained",
    "duplo-masked-explained",
    "duplo-masked-note",
    "game-card",
    "game-card-none",
    "game-laid",
    "game-less",
    "game-more",
    "game-phone-reel",
    "game-problem-autofinancement",
    "game-problem-baisse",
    "game-problem-equilibre-over",
    "game-problem-equilibre-under",
    "game-problem-impot",
    "game-problem-imprevu",
    "game-problem-interets",
    "game-table-caption",
    "game-tax",
    "game-tax-help",
    "live-change",
    "live-connecting",
    "live-ended",
    "live-phone-answered",
    "live-phone-bin",
    "live-phone-closed",
    "live-phone-count",
    "live-phone-debate-after",
    "live-phone-debate-before",
    "live-phone-debate-changed",
    "live-phone-debate-was",
    "live-phone-gone",
    "live-phone-guess-answer",
    "live-phone-guess-invalid",
    "live-phone-guess-label",
    "live-phone-guess-median",
    "live-phone-guess-range",
    "live-phone-guess-source",
    "live-phone-mayor-intro",
    "live-phone-mayor-room",
    "live-phone-mayor-send",
    "live-phone-mayor-sent",
    "live-phone-mayor-yours",
    "live-phone-offline",
    "live-phone-reconnecting",
    "live-phone-send",
    "live-phone-step-of",
    "live-phone-unique",
    "live-phone-vote-correct",
    "live-phone-waiting",
    "live-phone-words-empty",
    "live-phone-words-label",
    "live-phone-words-results",
    "live-phone-your-answer",
    "live-previous",
    "live-question-of",
    "live-results",
    "live-results-later",
    "live-saved",
    "live-skip",
    "live-thanks",
    "live-token-not-saved",
    "live-you-are",
    "mayor-balanced",
    "mayor-group",
    "mayor-group-missing",
    "mayor-outcome",
    "mayor-title",
    "step-problem-autofinancement",
    "step-problem-baisse",
    "step-problem-equilibre",
    "step-problem-impot",
    "step-problem-imprevu",
    "step-problem-interets",
    "storage-error-full",
    "storage-error-unavailable",
];

/// A file of the page, with its versioned address and its compressed forms (made once,
/// at the best settings: the files are small and sent to every phone).
struct Asset {
    path: String,
    body: &'static str,
    mime: &'static str,
    gzip: Vec<u8>,
    brotli: Vec<u8>,
}

impl Asset {
    fn new(name: &str, ext: &str, body: &'static str, mime: &'static str) -> Asset {
        use sha2::Digest as _;
        use std::io::Write as _;
        let digest = sha2::Sha256::digest(body.as_bytes());
        let mut hash = String::new();
        for byte in &digest[..6] {
            let _ = write!(hash, "{byte:02x}");
        }
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let gzip = gzip
            .write_all(body.as_bytes())
            .and_then(|()| gzip.finish())
            .unwrap_or_default();
        let mut brotli = Vec::new();
        {
            let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
            if writer.write_all(body.as_bytes()).is_err() {
                writer.into_inner().clear();
            }
        }
        Asset {
            path: format!("/{name}.{hash}.{ext}"),
            body,
            mime,
            gzip,
            brotli,
        }
    }

    /// The file in the best encoding the browser accepts (`Accept-Encoding`).
    fn response(&self, headers: &HeaderMap) -> Response {
        let accepted = |name: &str| {
            headers
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|part| {
                    let mut fields = part.split(';').map(str::trim);
                    let refused = fields.clone().skip(1).any(|f| {
                        f.strip_prefix("q=")
                            .and_then(|q| q.parse::<f32>().ok())
                            .is_some_and(|q| q <= 0.0)
                    });
                    fields.next().is_some_and(|n| n.eq_ignore_ascii_case(name)) && !refused
                })
        };
        let (encoding, body): (Option<&'static str>, Body) = if accepted("br") && !self.brotli.is_empty() {
            (Some("br"), Body::from(self.brotli.clone()))
        } else if accepted("gzip") && !self.gzip.is_empty() {
            (Some("gzip"), Body::from(self.gzip.clone()))
        } else {
            (None, Body::from(self.body))
        };
        let mut response = (
            [(header::CONTENT_TYPE, HeaderValue::from_static(self.mime))],
            body,
        )
            .into_response();
        let headers = response.headers_mut();
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if let Some(encoding) = encoding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        response
    }
}

/// The script or style sheet as sent: without its comment lines, blank lines and
/// indentation (a quarter of the script's weight; one statement or rule per line).
/// Lines inside strings or regular expressions never start with `//` or `/*` here.
fn minified(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_comment = false;
    for line in source.lines().map(str::trim) {
        if in_comment || line.starts_with("/*") {
            in_comment = !line.contains("*/");
        } else if !line.is_empty() && !line.starts_with("//") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

static ASSETS: LazyLock<[Asset; 2]> = LazyLock::new(|| {
    let script: &'static str = minified(SCRIPT).leak();
    let style: &'static str = minified(STYLE).leak();
    [
        Asset::new("participant", "js", script, "text/javascript; charset=utf-8"),
        Asset::new("participant", "css", style, "text/css; charset=utf-8"),
    ]
});

/// Whether `path` is one of the page's files (cached for a year: its address changes
/// with its content).
pub fn is_asset(path: &str) -> bool {
    ASSETS.iter().any(|a| a.path == path)
}

/// The page's script and style sheet, at their versioned addresses, compressed once.
pub fn assets() -> Router {
    ASSETS.iter().fold(Router::new(), |router, asset| {
        router.route(
            &asset.path,
            get(move |headers: HeaderMap| async move { asset.response(&headers) }),
        )
    })
}

/// The texts of one language: key → pattern, with `{$name}` where a value goes.
fn texts(lang: Lang) -> &'static BTreeMap<&'static str, String> {
    static TEXTS_BY_LANG: LazyLock<[BTreeMap<&'static str, String>; 2]> =
        LazyLock::new(|| Lang::ALL.map(patterns));
    &TEXTS_BY_LANG[if lang == Lang::Fr { 0 } else { 1 }]
}

fn patterns(lang: Lang) -> BTreeMap<&'static str, String> {
    let variables: BTreeMap<String, Vec<String>> = catalogue_keys(lang).into_iter().collect();
    TEXTS
        .iter()
        .map(|key| {
            let names = variables.get(*key).cloned().unwrap_or_default();
            let markers: Vec<String> = names.iter().map(|n| format!("{{${n}}}")).collect();
            let args: Vec<(&str, Value<'_>)> = names
                .iter()
                .zip(&markers)
                .map(|(n, m)| (n.as_str(), Value::Str(m)))
                .collect();
            (*key, tr_args(lang, key, &args))
        })
        .collect()
}

/// How the script writes numbers (`core::i18n::format_number`'s separators).
#[derive(Serialize)]
struct NumberFormat {
    group: char,
    decimal: char,
    percent: &'static str,
}

/// The bounds the script checks before sending (the server checks them again).
#[derive(Serialize)]
struct Limits {
    words: usize,
    group: usize,
    /// Rule 4 of the budget game: the largest cut of a line in a year.
    cut: u32,
    /// Tokens in the budget game.
    tokens: u32,
}

/// The JSON block of the page.
#[derive(Serialize)]
struct PageData<'a> {
    lang: &'static str,
    code: &'a str,
    /// Local-storage key of the participant's token (`core::site`).
    token_key: String,
    /// Local-storage key of the language chosen on this device (shared with the app).
    lang_key: &'static str,
    langs: Vec<&'static str>,
    view: &'a PublicView,
    texts: &'static BTreeMap<&'static str, String>,
    number: NumberFormat,
    /// Line of the budget game (its code in `MayorBase`) → label.
    postes: BTreeMap<&'static str, String>,
    /// Unforeseen card (its code) → title.
    cards: BTreeMap<&'static str, String>,
    limits: Limits,
}

/// JSON that can sit in an HTML `<script>` element: no `<`, `>` or `&` (escaped as
/// `\u003c`…, which JSON reads back unchanged), so no text can close the element.
fn json_in_html<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned());
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The first screen as the script draws it (the same elements, attributes and texts;
/// a browser test compares them), so that the question shows as soon as the page and
/// its style sheet have arrived; the script then draws in its place. Only a Duplo
/// question is drawn here (the other steps wait for the script).
fn first_screen(view: &PublicView, lang: Lang) -> String {
    let mut html = String::new();
    let steps = view.steps.len().max(1);
    if steps > 1 {
        let step_of = tr_args(
            lang,
            "live-phone-step-of",
            &[("n", (view.state.step + 1).into()), ("total", steps.into())],
        );
        let _ = write!(html, "<p class=\"hint\">{}</p>", escape(&step_of));
    }
    let duplo = matches!(view.steps.get(view.state.step), None | Some(Step::Duplo));
    if view.state.ended || !duplo {
        return html;
    }
    let open: Vec<_> = view
        .survey
        .questions
        .iter()
        .filter(|q| view.state.open.contains(&q.id))
        .collect();
    match open.first() {
        None => {
            let _ = write!(
                html,
                "<p class=\"lead\">{}</p>",
                escape(&tr(lang, "live-phone-waiting"))
            );
        }
        Some(question) => {
            let of = tr_args(
                lang,
                "live-question-of",
                &[("n", 1usize.into()), ("total", open.len().into())],
            );
            let _ = write!(
                html,
                "<section class=\"card\" aria-labelledby=\"step-title\"><p class=\"hint\">{}</p>\
<h2 id=\"step-title\" tabindex=\"-1\">{}</h2><div class=\"choices\">",
                escape(&of),
                escape(&question.label)
            );
            for choice in &question.choices {
                let _ = write!(
                    html,
                    "<button type=\"button\" class=\"choice\" aria-pressed=\"false\">\
<span class=\"swatch brick-{}\" aria-hidden=\"true\"></span>{}</button>",
                    choice.colour.name(),
                    escape(&choice.label)
                );
            }
            let _ = write!(
                html,
                "</div><div class=\"row\"><button type=\"button\" disabled=\"\">{}</button>\
<button type=\"button\">{}</button></div></section>",
                escape(&tr(lang, "live-previous")),
                escape(&tr(lang, "live-skip"))
            );
        }
    }
    if view.results.is_none() {
        let _ = write!(
            html,
            "<p class=\"hint\">{}</p>",
            escape(&tr(lang, "live-results-later"))
        );
    }
    html
}

/// The participant's page of the session whose view is `view`, in `lang`.
pub fn page(view: &PublicView, lang: Lang) -> String {
    let (group, decimal) = lang.number_separators();
    let postes = POSTES.iter().map(|p| (p.code(), tr(lang, &p.key()))).collect();
    let cards = IMPREVUS.iter().map(|c| (c.code(), tr(lang, &c.key()))).collect();
    let data = PageData {
        lang: lang.code(),
        code: &view.code,
        token_key: storage_live_token(&view.code),
        lang_key: STORAGE_LANG,
        langs: Lang::ALL.iter().map(|l| l.code()).collect(),
        view,
        texts: texts(lang),
        number: NumberFormat {
            group,
            decimal,
            percent: lang.percent_suffix(),
        },
        postes,
        cards,
        limits: Limits {
            words: MAX_WORDS,
            group: MAX_GROUP,
            cut: MAX_CUT,
            tokens: TOKENS,
        },
    };
    let title = match view.survey.title.trim() {
        "" => tr(lang, "live-title"),
        title => title.to_owned(),
    };
    let other = Lang::ALL.into_iter().find(|l| *l != lang).unwrap_or_default();
    let [script, style] = &*ASSETS;
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{page_title}</title>\n<link rel=\"icon\" href=\"data:,\">\n\
<link rel=\"stylesheet\" href=\"{style}\">\n<script src=\"{script}\" defer></script>\n</head>\n<body>\n\
<header class=\"top\"><p id=\"who\">{who}</p>\
<nav aria-label=\"{lang_label}\"><a href=\"?lang={other}\" hreflang=\"{other}\" lang=\"{other}\">{other_name}</a></nav></header>\n\
<main id=\"main\">\n<h1>{title}</h1>\n<p id=\"status\" role=\"status\">{connecting}</p>\n\
<p id=\"problem\" role=\"alert\"></p>\n<p id=\"token-problem\" role=\"alert\"></p>\n<div id=\"screen\">{screen}</div>\n\
<noscript><p>{noscript}</p></noscript>\n</main>\n\
<script type=\"application/json\" id=\"briques-data\">{data}</script>\n</body>\n</html>\n",
        lang = lang.code(),
        page_title = escape(&tr_args(lang, "page-title", &[("page", title.as_str().into())])),
        style = style.path,
        script = script.path,
        who = escape(&tr_args(lang, "live-code-is", &[("code", view.code.as_str().into())])),
        lang_label = escape(&tr(lang, "lang-label")),
        other = other.code(),
        other_name = escape(&tr(other, &format!("lang-{}", other.code()))),
        title = escape(&title),
        connecting = escape(&tr(lang, "live-connecting")),
        noscript = escape(&tr(lang, "live-phone-noscript")),
        screen = first_screen(view, lang),
        data = json_in_html(&data),
    )
}

/// The page as a response: HTML that depends on `Accept-Language`.
pub fn response(view: &PublicView, lang: Lang) -> Response {
    let mut response = axum::response::Html(page(view, lang)).into_response();
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-language"));
    response
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use briques_core::i18n::{format_number, has_key};
    use briques_core::live::{public_view, LiveState};
    use briques_core::survey::{Session, Survey};

    use super::*;

    /// The catalogue keys the script names: the texts between two single quotes that
    /// are keys (every pair of consecutive quotes, so that an apostrophe in a comment
    /// cannot hide one).
    fn keys_in_script() -> BTreeSet<String> {
        SCRIPT
            .split('\'')
            .skip(1)
            .filter(|s| has_key(s))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_script_shows_exactly_the_texts_the_page_sends() {
        let sent: BTreeSet<String> = TEXTS.iter().map(|k| (*k).to_owned()).collect();
        assert_eq!(keys_in_script(), sent);
        for lang in Lang::ALL {
            let keys: BTreeSet<String> = catalogue_keys(lang).into_iter().map(|(k, _)| k).collect();
            for key in TEXTS {
                assert!(keys.contains(*key), "{key} missing in {lang:?}");
            }
        }
    }

    #[test]
    fn filling_a_pattern_gives_the_catalogue_message() {
        // What the script does (values put in place of `{$name}`) is what `tr_args`
        // renders, for the numbers the page shows: no plural selector is skipped.
        for lang in Lang::ALL {
            let variables: BTreeMap<String, Vec<String>> = catalogue_keys(lang).into_iter().collect();
            for (key, pattern) in texts(lang) {
                let names = &variables[*key];
                // The masking threshold is 2 to 20 (`live::MASK_K`).
                let numbers: &[f64] = if *key == "duplo-masked-note" {
                    &[2.0, 3.0, 20.0]
                } else {
                    &[0.0, 1.0, 2.0, 3.0, 21.0]
                };
                for n in numbers {
                    let args: Vec<(&str, Value<'_>)> =
                        names.iter().map(|v| (v.as_str(), Value::Num(*n))).collect();
                    let mut filled = pattern.clone();
                    for name in names {
                        filled = filled.replace(&format!("{{${name}}}"), &format_number(lang, *n, 0));
                    }
                    assert_eq!(filled, tr_args(lang, key, &args), "{key} with {n} in {lang:?}");
                    assert!(!filled.contains("{$"), "{key}: {filled}");
                }
            }
        }
    }

    #[test]
    fn the_files_go_in_the_best_encoding_the_browser_accepts() {
        use std::io::Read as _;
        let encoding = |accept: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(accept).unwrap());
            let response = ASSETS[0].response(&headers);
            response
                .headers()
                .get(header::CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap().to_owned())
        };
        assert_eq!(encoding("gzip, deflate, br, zstd").as_deref(), Some("br"));
        assert_eq!(encoding("br;q=0, gzip").as_deref(), Some("gzip"));
        assert_eq!(encoding("GZIP;q=0.5").as_deref(), Some("gzip"));
        assert_eq!(encoding("identity"), None);
        for asset in &*ASSETS {
            let mut text = String::new();
            flate2::read::GzDecoder::new(&asset.gzip[..])
                .read_to_string(&mut text)
                .unwrap();
            assert_eq!(text, asset.body);
            text.clear();
            brotli::Decompressor::new(&asset.brotli[..], 4096)
                .read_to_string(&mut text)
                .unwrap();
            assert_eq!(text, asset.body);
            let sizes = (asset.body.len(), asset.gzip.len(), asset.brotli.len());
            assert!(
                sizes.2 < sizes.1 && sizes.1 * 2 < sizes.0,
                "{}: {sizes:?}",
                asset.path
            );
        }
    }

    #[test]
    fn the_script_is_plain_es2017() {
        // What phones of 2018 do not read (ES2018 and later), as written in this script.
        for later in [
            "?.",
            "??",
            "{...",
            "catch {",
            ".finally(",
            "Object.fromEntries",
            ".flat(",
            ".flatMap(",
            "replaceAll(",
            "matchAll(",
            "globalThis",
            "this.#",
            "static {",
            "allSettled",
            ".at(",
            "Object.hasOwn(",
            "structuredClone",
            "import ",
            "export ",
            "\\p{",
            "(?<",
        ] {
            assert!(!SCRIPT.contains(later), "participant.js uses {later:?}");
        }
        assert!(
            !SCRIPT.contains("innerHTML"),
            "text goes into the DOM as text only"
        );
    }

    fn view_titled(title: &str) -> PublicView {
        let mut survey = Survey::default_for(Lang::Fr, None);
        survey.title = title.to_owned();
        let session = Session::new(survey.clone());
        public_view("ACDEFG", &session, &LiveState::opening(&survey), 3, 1)
    }

    #[test]
    fn the_page_escapes_what_was_typed_and_names_its_files() {
        let hostile = "</script><script>alert(1)</script> & \u{2028}<!--";
        let page = page(&view_titled(hostile), Lang::Fr);
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(page
            .contains("<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; \u{2028}&lt;!--</h1>"));
        assert!(!page.contains("<!--"), "{page}");
        assert_eq!(
            page.matches("</script>").count(),
            2,
            "the script's and the data's: {page}"
        );
        let start = page.find("id=\"briques-data\">").unwrap() + "id=\"briques-data\">".len();
        let end = page[start..].find("</script>").unwrap() + start;
        let data: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
        assert_eq!(data["view"]["survey"]["title"], hostile);
        assert_eq!(data["token_key"], "briques.live.token.ACDEFG");
        assert_eq!(data["texts"]["live-question-of"], "Question {$n} sur {$total}");
        assert_eq!(data["postes"]["ecole"], tr(Lang::Fr, "game-poste-ecole"));
        assert_eq!(data["cards"]["dotation"], tr(Lang::Fr, "game-card-dotation"));
        for asset in &*ASSETS {
            assert!(page.contains(&asset.path), "{}", asset.path);
            assert!(is_asset(&asset.path));
        }
        let english = super::page(&view_titled(""), Lang::En);
        assert!(english.contains("<html lang=\"en\">"));
        assert!(english.contains("<h1>Live session</h1>"), "{english}");
        assert!(english.contains("href=\"?lang=fr\" hreflang=\"fr\" lang=\"fr\">Français</a>"));
    }
}
