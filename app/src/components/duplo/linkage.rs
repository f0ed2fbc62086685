//! The linkage round: a "published" file of named people joined with the room's answers
//! on the quasi-identifiers both have (the project's fictional register, or a CSV the
//! facilitator chooses); the big number is how many rows of the room now carry a name.
//! Counted on this device, nothing kept (`survey::linkage`).

use std::rc::Rc;

use briques_core::csv::{decode, TextFile};
use briques_core::i18n::{tr, Lang};
use briques_core::survey::linkage::link;
use briques_core::survey::Session;
use yew::prelude::*;

use crate::hooks::use_settings;
use crate::services::{file_input, tasks};
use crate::state::duplo::ViewOptions;

/// The fictional register shipped with the app.
const REGISTER: &str = "/duplo/registre-fictif.csv";
/// Its name as shown.
const REGISTER_NAME: &str = "registre-fictif.csv";

/// Props of [`LinkagePanel`].
#[derive(Properties, PartialEq)]
pub struct LinkageProps {
    /// The session.
    pub session: Rc<Session>,
    /// View settings (which questions are combined).
    pub view: ViewOptions,
}

/// The linkage section.
#[function_component]
pub fn LinkagePanel(props: &LinkageProps) -> Html {
    let settings = use_settings();
    // The published file's name and text, or why it could not be read.
    let published = use_state(|| None::<Result<(String, String), String>>);
    let lang = settings.lang();
    let on_register = {
        let (published, failed) = (published.clone(), settings.t("linkage-register-failed"));
        Callback::from(move |_: MouseEvent| {
            let (published, failed) = (published.clone(), failed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                published.set(Some(match tasks::fetch_bytes(REGISTER).await {
                    Ok(bytes) => text_of(&bytes, lang).map(|text| (REGISTER_NAME.to_owned(), text)),
                    Err(_) => Err(failed),
                }));
            });
        })
    };
    let on_file = {
        let published = published.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = file_input::take_chosen(&e) {
                let (published, name) = (published.clone(), file.name());
                file_input::read_bytes(&file, move |result| {
                    published.set(Some(
                        result
                            .and_then(|bytes| text_of(&bytes, lang))
                            .map(|text| (name, text)),
                    ));
                });
            }
        })
    };
    let survey = &props.session.survey;
    let quasi = props.view.quasi_identifiers(survey);
    let result = match &*published {
        None => html! {},
        Some(Err(message)) => html! { <p class="error" role="alert">{ message.clone() }</p> },
        Some(Ok((name, text))) => match link(&props.session, &quasi, text) {
            Err(e) => html! { <p class="error" role="alert">{ format!("{name} : {}", e.message(lang)) }</p> },
            Ok(linked) => {
                let columns = linked
                    .questions
                    .iter()
                    .filter_map(|id| survey.question(id))
                    .map(|q| q.label.clone())
                    .collect::<Vec<_>>()
                    .join(" · ");
                html! {
                    <>
                        <p class="unique-big" data-named={linked.named.len().to_string()}>
                            <strong class="big-number">{ linked.named.len() }</strong>
                            <span>{ settings.t_args("linkage-named", &[("room", linked.room.into())]) }</span>
                        </p>
                        <p>{ settings.t_args("linkage-details", &[
                            ("file", name.as_str().into()),
                            ("published", linked.published.into()),
                            ("columns", columns.as_str().into()),
                            ("narrowed", linked.narrowed.into()),
                            ("unmatched", linked.unmatched.into()),
                        ]) }</p>
                    </>
                }
            }
        },
    };
    html! {
        <section class="panel linkage" aria-labelledby="linkage-title">
            <h2 id="linkage-title">{ settings.t("linkage-title") }</h2>
            <p class="explain">{ settings.t("linkage-explain") }</p>
            <div class="linkage-source">
                <button type="button" onclick={on_register}>{ settings.t("linkage-register") }</button>
                <label for="linkage-file">{ settings.t("linkage-file") }</label>
                <input id="linkage-file" type="file" accept=".csv,text/csv" onchange={on_file} />
            </div>
            <div aria-live="polite">{ result }</div>
        </section>
    }
}

/// The text of a file, or why it is not a table.
fn text_of(bytes: &[u8], lang: Lang) -> Result<String, String> {
    match decode(bytes) {
        TextFile::Text { text, .. } => Ok(text),
        TextFile::OtherEncoding { script } => Err(script.message(lang)),
        TextFile::Spreadsheet | TextFile::Binary => Err(tr(lang, "linkage-not-csv")),
    }
}
