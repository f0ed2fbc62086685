//! Files the user brings: the file chosen in an `<input type="file">` (or dropped), and
//! its bytes.

use wasm_bindgen_futures::JsFuture;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

/// The file chosen in the input that sent `event`, if any. The input is cleared so that
/// choosing the same file again (after fixing it) fires a new change.
pub fn take_chosen(event: &Event) -> Option<File> {
    let input = event.target_dyn_into::<HtmlInputElement>()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// Reads `file` and calls `done` with its bytes, or with the browser's reason when it
/// cannot be read (removed, unreadable).
pub fn read_bytes(file: &File, done: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    let promise = file.array_buffer();
    wasm_bindgen_futures::spawn_local(async move {
        let result = JsFuture::from(promise)
            .await
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
            .map_err(|error| {
                js_sys::Error::from(error)
                    .message()
                    .as_string()
                    .unwrap_or_default()
            });
        done(result);
    });
}
