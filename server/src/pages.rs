//! Pages rendered by the server itself (not by the app): the 404 page. Every string
//! comes from the translation catalogue; anything from the request is HTML-escaped.

use briques_core::i18n::{tr, tr_args, Lang};

use briques_core::html::escape as escape_html;

/// A page with a title and one paragraph, plus a link home (for errors the server
/// explains itself, such as an unknown live session).
pub fn message(title: &str, text: &str) -> String {
    let lang = Lang::Fr;
    format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{page_title}</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n\
<header class=\"site-header\"><a class=\"brand\" href=\"/\">{app}</a></header>\n\
<main id=\"main\" class=\"page\">\n<h1>{title}</h1>\n<p>{text}</p>\n\
<p><a href=\"/\">{back}</a></p>\n</main>\n</body>\n</html>\n",
        code = lang.code(),
        page_title = escape_html(&tr_args(lang, "page-title", &[("page", title.into())])),
        app = escape_html(&tr(lang, "app-name")),
        title = escape_html(title),
        text = escape_html(text),
        back = escape_html(&tr(lang, "not-found-back")),
    )
}

/// The 404 page for `path`, in French (the server does not know the app's language
/// choice, which lives in the browser; French is the default).
pub fn not_found(path: &str) -> String {
    let lang = Lang::Fr;
    message(
        &tr(lang, "not-found-title"),
        &tr_args(lang, "not-found-text", &[("path", path.into())]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_404_page_is_french_and_escapes_the_path() {
        let page = not_found("/<script>alert(1)</script>");
        assert!(page.contains("<html lang=\"fr\">"));
        assert!(page.contains("Page introuvable"));
        assert!(page.contains("&lt;script&gt;"));
        assert!(!page.contains("<script>"));
    }
}
