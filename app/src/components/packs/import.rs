//! Importing a `.briques` file. A pack that does not read lists its problems; a pack
//! whose slug is already in the library is never replaced silently: the facilitator
//! chooses to replace it, keep both (the new one gets a fresh slug) or cancel.

use std::rc::Rc;

use briques_core::pack::bundle::{self, Conflict, ImportPlan, Resolution};
use briques_core::pack::Pack;
use yew::prelude::*;

use crate::hooks::use_settings;
use crate::services::file_input;
use crate::state::packs::Entry;

/// Props of [`ImportPanel`].
#[derive(Properties, PartialEq)]
pub struct ImportProps {
    /// Every pack of the library (bundled and this device's).
    pub library: Rc<Vec<Entry>>,
    /// A pack to keep on this device (new, replacing, or renamed).
    pub on_import: Callback<Pack>,
}

#[derive(Clone, PartialEq)]
enum Stage {
    Idle,
    Problems(Vec<String>),
    Conflict(Box<Conflict>),
    Done(String),
}

/// The import control and its conflict question.
#[function_component]
pub fn ImportPanel(props: &ImportProps) -> Html {
    let settings = use_settings();
    let stage = use_state(|| Stage::Idle);
    let latest = use_mut_ref(|| 0u32);

    let on_file = {
        let stage = stage.clone();
        let library = props.library.clone();
        let on_import = props.on_import.clone();
        let settings = settings.clone();
        Callback::from(move |event: Event| {
            let Some(file) = file_input::take_chosen(&event) else {
                return;
            };
            let name = file.name();
            let stage = stage.clone();
            let library = library.clone();
            let on_import = on_import.clone();
            let settings = settings.clone();
            file_input::read_latest(&latest, &file, move |result| {
                let lang = settings.lang();
                let text = match result {
                    Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                    Err(_) => return stage.set(Stage::Problems(vec![settings.t("ateliers-read-failed")])),
                };
                let pack = match bundle::from_json(&name, &text) {
                    Ok(pack) => pack,
                    Err(problems) => {
                        return stage.set(Stage::Problems(
                            problems.iter().map(|p| p.message(lang)).collect(),
                        ))
                    }
                };
                match bundle::prepare_import(&library, pack) {
                    ImportPlan::New(pack) => {
                        let title = pack.title.clone();
                        on_import.emit(*pack);
                        stage.set(Stage::Done(
                            settings.t_args("ateliers-imported", &[("title", title.as_str().into())]),
                        ));
                    }
                    ImportPlan::Conflict(conflict) if conflict.identical => {
                        stage.set(Stage::Done(settings.t_args(
                            "ateliers-import-identical",
                            &[("title", conflict.existing.title.as_str().into())],
                        )))
                    }
                    ImportPlan::Conflict(conflict) => stage.set(Stage::Conflict(conflict)),
                }
            });
        })
    };

    let resolve = |resolution: Resolution| {
        let stage = stage.clone();
        let library = props.library.clone();
        let on_import = props.on_import.clone();
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| {
            if let Stage::Conflict(conflict) = &*stage {
                let Some(pack) = bundle::resolve(conflict, resolution, &library) else {
                    return;
                };
                let title = pack.title.clone();
                on_import.emit(pack);
                stage.set(Stage::Done(
                    settings.t_args("ateliers-imported", &[("title", title.as_str().into())]),
                ));
            }
        })
    };
    let cancel = {
        let stage = stage.clone();
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| stage.set(Stage::Done(settings.t("ateliers-import-cancelled"))))
    };

    html! {
        <section class="panel pack-import" aria-labelledby="import-title">
            <h2 id="import-title">{ settings.t("ateliers-import-title") }</h2>
            <p>
                <label for="pack-import">{ settings.t("ateliers-import") }</label>
                <input id="pack-import" type="file" accept=".briques,application/json" onchange={on_file} />
            </p>
            <p class="hint">{ settings.t("ateliers-import-hint") }</p>
            <div role="status">
                { match &*stage {
                    Stage::Idle => html! {},
                    Stage::Done(message) => html! { <p class="notice">{ message }</p> },
                    Stage::Problems(problems) => html! {
                        <div class="problems">
                            <p>{ settings.t_args("ateliers-problems", &[("count", problems.len().into())]) }</p>
                            <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                        </div>
                    },
                    Stage::Conflict(conflict) => html! {
                        <div class="conflict">
                            <p>{ settings.t_args("ateliers-conflict", &[
                                ("title", conflict.incoming.title.as_str().into()),
                                ("existing", conflict.existing.title.as_str().into()),
                            ]) }</p>
                            <div class="pack-actions">
                                <button type="button" onclick={resolve(Resolution::Replace)}>{ settings.t("ateliers-conflict-replace") }</button>
                                <button type="button" onclick={resolve(Resolution::KeepBoth)}>{ settings.t("ateliers-conflict-keep-both") }</button>
                                <button type="button" onclick={cancel}>{ settings.t("ateliers-cancel") }</button>
                            </div>
                        </div>
                    },
                } }
            </div>
        </section>
    }
}
