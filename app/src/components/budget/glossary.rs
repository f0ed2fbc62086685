//! The glossary of the budget explorer (about thirty terms written by the project, in
//! the catalogue as `glossary-<id>` and `glossary-<id>-def`) and the links that open an
//! entry from wherever its term appears.

use wasm_bindgen::JsCast;
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::hooks::use_settings;

/// The glossary entries, in reading order.
pub const GLOSSARY: [&str; 32] = [
    "budget-primitif",
    "decision-modificative",
    "compte-administratif",
    "compte-financier-unique",
    "section-fonctionnement",
    "section-investissement",
    "operations-reelles",
    "operations-ordre",
    "epargne-gestion",
    "epargne-brute",
    "epargne-nette",
    "autofinancement",
    "capacite-desendettement",
    "encours-dette",
    "emprunt",
    "dgf",
    "fctva",
    "taxe-fonciere",
    "attribution-compensation",
    "intercommunalite",
    "chapitre",
    "compte-nature",
    "fonction",
    "nomenclature",
    "restes-a-realiser",
    "resultat-reporte",
    "virement-section",
    "amortissement",
    "subvention",
    "charges-personnel",
    "depenses-equipement",
    "strate",
];

fn anchor(id: &str) -> String {
    format!("glossaire-{id}")
}

/// Opens the glossary entry `id` (the link's default action then scrolls to it).
pub fn open_entry(id: &str) {
    if let Some(details) = gloo::utils::document()
        .get_element_by_id(&anchor(id))
        .and_then(|e| e.dyn_into::<HtmlDetailsElement>().ok())
    {
        details.set_open(true);
    }
}

/// Props of [`Term`].
#[derive(Properties, PartialEq)]
pub struct TermProps {
    /// The glossary id.
    pub id: AttrValue,
    /// The text of the link; the glossary's term when empty.
    #[prop_or_default]
    pub children: Html,
}

/// A term linked to its glossary entry.
#[function_component]
pub fn Term(props: &TermProps) -> Html {
    let settings = use_settings();
    let id = props.id.clone();
    let onclick = Callback::from(move |_: MouseEvent| open_entry(&id));
    let text = if props.children == Html::default() {
        html! { settings.t(&format!("glossary-{}", props.id)) }
    } else {
        props.children.clone()
    };
    html! {
        <a class="term" href={format!("#{}", anchor(&props.id))} {onclick}
            title={settings.t("budget-glossary-link")}>{ text }</a>
    }
}

/// The whole glossary, each entry folded.
#[function_component]
pub fn Glossary() -> Html {
    let settings = use_settings();
    html! {
        <section class="glossary" aria-labelledby="glossaire">
            <h2 id="glossaire">{ settings.t("budget-glossary-title") }</h2>
            <p>{ settings.t("budget-glossary-intro") }</p>
            <div class="glossary-entries">
                { for GLOSSARY.iter().map(|id| html! {
                    <details id={anchor(id)} class="glossary-entry">
                        <summary>{ settings.t(&format!("glossary-{id}")) }</summary>
                        <p>{ settings.t(&format!("glossary-{id}-def")) }</p>
                    </details>
                }) }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_glossary_entry_has_a_term_and_a_definition() {
        for id in super::GLOSSARY {
            for key in [format!("glossary-{id}"), format!("glossary-{id}-def")] {
                assert!(
                    briques_core::i18n::has_key(&key),
                    "{key} missing from the catalogue"
                );
            }
        }
    }
}
