//! Files the user brings: the file chosen in an `<input type="file">`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The file chosen in the input that sent `event`, if any. The input is cleared so that
/// choosing the same file again (after fixing it) fires a new change.
pub fn take_chosen(event: &Event) -> Option<gloo::file::File> {
    let input = event.target_dyn_into::<HtmlInputElement>()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file.map(gloo::file::File::from)
}
