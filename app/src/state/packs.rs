//! The pack library as the Ateliers page sees it: bundled packs and this device's
//! packs merged (a pack edited or re-imported here shadows the bundled one of the same
//! slug), and small formatting helpers. Pure: no browser access.

use std::rc::Rc;

use briques_core::i18n::{tr, tr_args, Lang};
use briques_core::pack::Pack;

/// Where a pack of the library comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Shipped with Briques.
    Bundled,
    /// Imported on this device.
    Imported,
    /// A bundled pack edited (or replaced by an import) on this device.
    Modified,
}

impl Origin {
    /// The translation key of the badge that says where the pack comes from (none for
    /// a bundled pack).
    pub fn badge_key(self) -> Option<&'static str> {
        match self {
            Origin::Bundled => None,
            Origin::Imported => Some("ateliers-origin-imported"),
            Origin::Modified => Some("ateliers-origin-modified"),
        }
    }

    /// The translation key of the button that removes this device's version: "remove"
    /// for an imported pack, "restore" (the bundled one) for a modified pack, none for
    /// a bundled pack.
    pub fn remove_key(self) -> Option<&'static str> {
        match self {
            Origin::Bundled => None,
            Origin::Imported => Some("ateliers-remove"),
            Origin::Modified => Some("ateliers-restore"),
        }
    }
}

/// A pack of the library. The pack is shared: cloning an entry (props, memoised lists)
/// does not copy it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The pack.
    pub pack: Rc<Pack>,
    /// Where it comes from.
    pub origin: Origin,
}

impl AsRef<Pack> for Entry {
    fn as_ref(&self) -> &Pack {
        &self.pack
    }
}

/// Bundled packs first (in their order), replaced by this device's version when there
/// is one, then the packs only this device has.
pub fn merge(bundled: &[Pack], local: &[Pack]) -> Vec<Entry> {
    let mut entries: Vec<Entry> = bundled
        .iter()
        .map(|b| match local.iter().find(|l| l.slug == b.slug) {
            Some(l) => Entry {
                pack: Rc::new(l.clone()),
                origin: Origin::Modified,
            },
            None => Entry {
                pack: Rc::new(b.clone()),
                origin: Origin::Bundled,
            },
        })
        .collect();
    entries.extend(
        local
            .iter()
            .filter(|l| !bundled.iter().any(|b| b.slug == l.slug))
            .map(|l| Entry {
                pack: Rc::new(l.clone()),
                origin: Origin::Imported,
            }),
    );
    entries
}

/// `90` → "1 h 30", `45` → "45 min", `120` → "2 h".
pub fn minutes(lang: Lang, minutes: u32) -> String {
    let (h, m) = ((minutes / 60) as usize, (minutes % 60) as usize);
    match (h, m) {
        (0, m) => tr_args(lang, "ateliers-minutes", &[("minutes", m.into())]),
        (h, 0) => tr_args(lang, "ateliers-hours", &[("hours", h.into())]),
        (h, m) => tr_args(
            lang,
            "ateliers-hours-minutes",
            &[
                ("hours", h.into()),
                ("minutes", format!("{m:02}").as_str().into()),
            ],
        ),
    }
}

/// The lengths of a pack's variants, longest first: "1 h 30 · 45 min".
pub fn durations(lang: Lang, pack: &Pack) -> String {
    let variants: Vec<String> = pack.variants().iter().rev().map(|m| minutes(lang, *m)).collect();
    variants.join(" · ")
}

/// Lines of a text area as a list (blank lines dropped).
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(slug: &str, title: &str) -> Pack {
        let text = format!(
            "{{\"format\":\"briques-pack\",\"version\":1,\"pack\":{}}}",
            serde_json::json!({
                "slug": slug, "title": title, "summary": "s", "language": "fr", "audience": ["adultes"],
                "level": "debutant", "duration": 60, "group_min": 1, "group_max": 9, "facilitators": 1,
                "preparation": 0, "materials": [], "objectives": ["o"], "skills": [], "licence": "Etalab-2.0",
                "authors": ["a"], "version": "1", "activities": [], "sheets": []
            })
        );
        let value: serde_json::Value = serde_json::from_str(&text).expect("the test pack is JSON");
        serde_json::from_value(value["pack"].clone()).expect("the test pack is a pack")
    }

    #[test]
    fn local_packs_shadow_bundled_ones_and_extra_ones_follow() {
        let bundled = [pack("a", "A"), pack("b", "B")];
        let local = [pack("c", "C"), pack("a", "A modifié")];
        let merged = merge(&bundled, &local);
        let summary: Vec<(&str, Origin)> = merged.iter().map(|e| (e.pack.title.as_str(), e.origin)).collect();
        assert_eq!(
            summary,
            vec![
                ("A modifié", Origin::Modified),
                ("B", Origin::Bundled),
                ("C", Origin::Imported)
            ]
        );
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(minutes(Lang::Fr, 90), "1 h 30");
        assert_eq!(minutes(Lang::Fr, 45), "45 min");
        assert_eq!(minutes(Lang::Fr, 120), "2 h");
        assert_eq!(lines(" a \n\n b"), vec!["a", "b"]);
    }

    #[test]
    fn a_pack_card_names_its_variants_and_origin() {
        assert_eq!(durations(Lang::Fr, &pack("a", "A")), "1 h");
        assert_eq!(Origin::Bundled.badge_key(), None);
        assert_eq!(Origin::Imported.badge_key(), Some("ateliers-origin-imported"));
        assert_eq!(Origin::Modified.remove_key(), Some("ateliers-restore"));
    }
}

/// When a pack is written in another language than the page's, the sentence that says so
/// (with the language's name, in the page's language); `None` when they are the same or
/// the pack's language has no name in the catalogue.
pub fn language_note(page: Lang, pack_language: &str) -> Option<String> {
    let language = Lang::from_code(pack_language)?;
    (language != page).then(|| {
        let name = tr(page, &format!("ateliers-language-{}", language.code()));
        tr_args(page, "ateliers-written-in", &[("language", name.as_str().into())])
    })
}

#[cfg(test)]
mod language_tests {
    use super::*;

    #[test]
    fn a_french_pack_says_so_on_an_english_page_only() {
        assert_eq!(language_note(Lang::Fr, "fr"), None);
        let note = language_note(Lang::En, "fr").expect("a note for a French pack on an English page");
        assert!(note.contains("French"), "{note}");
        assert_eq!(language_note(Lang::En, "br"), None);
    }
}
