//! `/direct`'s join form: the code shown on the projector.

use yew::prelude::*;

use crate::hooks::use_settings;

/// Props of [`JoinForm`].
#[derive(Properties, PartialEq)]
pub struct JoinFormProps {
    /// The code as typed.
    pub code: AttrValue,
    /// The field changed.
    pub on_input: Callback<String>,
    /// The form was sent.
    pub on_submit: Callback<()>,
}

/// The join form: the code shown on the projector.
#[function_component]
pub fn JoinForm(props: &JoinFormProps) -> Html {
    let settings = use_settings();
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_input.emit(input.value());
            }
        })
    };
    let onsubmit = props
        .on_submit
        .reform(|event: SubmitEvent| event.prevent_default());
    html! {
        <section class="panel" aria-labelledby="join-title">
            <h2 id="join-title">{ settings.t("live-join-title") }</h2>
            <form {onsubmit} class="join-form">
                <label for="join-code">{ settings.t("live-code-label") }</label>
                <input id="join-code" type="text" inputmode="text" autocomplete="off" autocapitalize="characters"
                    maxlength="9" value={props.code.clone()} {oninput} class="code-input" />
                <button type="submit" class="primary">{ settings.t("live-join") }</button>
            </form>
        </section>
    }
}
