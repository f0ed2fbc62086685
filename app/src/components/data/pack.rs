//! A workshop pack's panel: its dataset, and a button per prepared chart (the first is
//! open when the file is).

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_settings;
use crate::state::data::{DataAction, PackData};

/// Props of [`PackPanel`].
#[derive(Properties, PartialEq)]
pub struct PackProps {
    /// The pack's data activity.
    pub pack: Rc<PackData>,
    /// Where actions go.
    pub on_action: Callback<DataAction>,
}

/// The "Atelier « … »" section.
#[function_component]
pub fn PackPanel(props: &PackProps) -> Html {
    let settings = use_settings();
    let data = &props.pack;
    let buttons = data.presets.iter().enumerate().map(|(index, preset)| {
        let onclick = props
            .on_action
            .reform(move |_: MouseEvent| DataAction::ChoosePreset { index });
        html! {
            <li>
                <button type="button" {onclick}>{ preset.spec.title.clone() }</button>
                if !preset.note.is_empty() { <p class="hint">{ preset.note.clone() }</p> }
            </li>
        }
    });
    html! {
        <section class="data-pack" aria-labelledby="data-pack-title">
            <h2 id="data-pack-title">{ settings.t_args("data-pack-title", &[("pack", data.pack.as_str().into())]) }</h2>
            <p>{ settings.t_args("data-pack-dataset", &[("title", data.title.as_str().into()), ("source", data.source.as_str().into())]) }</p>
            <p>{ settings.t("data-pack-presets") }</p>
            <ul class="data-presets">{ for buttons }</ul>
        </section>
    }
}
