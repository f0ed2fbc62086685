//! Opening a file: the file picker inside a zone a file can be dropped on, a form for
//! an address, and where the opening is. The chosen file or the address typed goes to
//! the page, which reads it.

use web_sys::File;
use yew::prelude::*;

use super::status::load_status;
use super::value_of;
use crate::hooks::use_settings;
use crate::services::file_input;
use crate::state::data::LoadState;

/// Props of [`OpenPanel`].
#[derive(Properties, PartialEq)]
pub struct OpenProps {
    /// Where the opening of a file is.
    pub load: LoadState,
    /// A file was picked or dropped.
    pub on_file: Callback<File>,
    /// An address was submitted (as typed).
    pub on_address: Callback<String>,
}

/// The "Ouvrir un fichier" section.
#[function_component]
pub fn OpenPanel(props: &OpenProps) -> Html {
    let settings = use_settings();
    let dragging = use_state(|| false);
    let address = use_state(String::new);

    let on_pick = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = file_input::take_chosen(&e) {
                on_file.emit(file);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let (dragging, on_file) = (dragging.clone(), props.on_file.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                on_file.emit(file);
            }
        })
    };
    let on_address_input = {
        let address = address.clone();
        Callback::from(move |e: InputEvent| address.set(value_of(&e)))
    };
    let on_submit = {
        let (address, on_address) = (address.clone(), props.on_address.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_address.emit((*address).clone());
        })
    };
    html! {
        <section class="data-open" aria-labelledby="data-open-title">
            <h2 id="data-open-title">{ settings.t("data-open-title") }</h2>
            <div class={classes!("data-drop", dragging.then_some("data-drop-active"))}
                ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <label for="data-file">{ settings.t("data-pick-file") }</label>
                <input id="data-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onchange={on_pick} />
                <p class="hint">{ settings.t("data-drop-hint") }</p>
            </div>
            <form class="data-url" novalidate=true onsubmit={on_submit}>
                <label for="data-url">{ settings.t("data-url-label") }</label>
                <input id="data-url" type="url" inputmode="url" placeholder="https://" value={(*address).clone()} oninput={on_address_input} />
                <button type="submit">{ settings.t("data-url-open") }</button>
                <p class="hint">{ settings.t("data-url-hint") }</p>
            </form>
            { load_status(&settings, &props.load) }
        </section>
    }
}
