//! Files the user brings: the file chosen in an `<input type="file">` (or dropped), and
//! its bytes.

use std::cell::RefCell;
use std::rc::Rc;

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

/// [`read_bytes`] where the last file chosen wins: each read takes the next number of
/// `latest`, and its result is dropped when another read (or import) has taken a number
/// since, so a large file chosen first cannot replace a small one chosen after it.
pub fn read_latest(
    latest: &Rc<RefCell<u32>>,
    file: &File,
    done: impl FnOnce(Result<Vec<u8>, String>) + 'static,
) {
    let mine = next(latest);
    let latest = latest.clone();
    read_bytes(file, move |result| {
        if *latest.borrow() == mine {
            done(result);
        }
    });
}

/// Takes the next number of `latest`.
pub fn next(latest: &Rc<RefCell<u32>>) -> u32 {
    let mut number = latest.borrow_mut();
    *number = number.wrapping_add(1);
    *number
}
