//! The glossary of the budget explorer (about thirty terms written by the project, in
//! the catalogue as `glossary-<id>` and `glossary-<id>-def`) and the terms that open
//! their definition where they appear, as a note under the term (no jump down the page).

use yew::prelude::*;

use crate::hooks::use_settings;

/// The glossary entries, in reading order.
pub const GLOSSARY: [&str; 33] = [
    "budget-primitif",
    "decision-modificative",
    "compte-administratif",
    "compte-financier-unique",
    "exercice",
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

thread_local! {
    /// Numbers the term notes of the page, so that each has its own id.
    static NOTES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Props of [`Term`].
#[derive(Properties, PartialEq)]
pub struct TermProps {
    /// The glossary id.
    pub id: AttrValue,
    /// The text of the button; the glossary's term when empty.
    #[prop_or_default]
    pub children: Html,
}

/// A term that opens its definition where it is: a button and, right after it, the
/// definition as a popover (the browser's: anchored under the term, closed by the button
/// again, by Escape or a tap elsewhere, with the expanded state told to screen readers).
/// The reader stays where they are.
#[function_component]
pub fn Term(props: &TermProps) -> Html {
    let settings = use_settings();
    // The note's number, given once.
    let n = use_mut_ref(|| {
        NOTES.with(|c| {
            c.set(c.get().wrapping_add(1));
            c.get()
        })
    });
    let note = format!("note-terme-{}", *n.borrow());
    let text = if props.children == Html::default() {
        html! { settings.t(&format!("glossary-{}", props.id)) }
    } else {
        props.children.clone()
    };
    html! {
        <>
            <button type="button" class="term" popovertarget={note.clone()}>{ text }</button>
            <span id={note} class="term-note" popover="auto">
                { settings.t(&format!("glossary-{}-def", props.id)) }
            </span>
        </>
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
