//! Long work in the page without freezing it: yielding to the browser between slices
//! (a message-channel task, which runs after the browser has had a chance to paint and
//! handle input, without the 4 ms clamp of nested zero timeouts), and reading a file
//! from an address with `fetch`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Resolves in a new task, letting the browser paint and handle events first.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let sent = (|| -> Result<(), JsValue> {
            let channel = web_sys::MessageChannel::new()?;
            let port = channel.port2();
            let resolve = resolve.clone();
            let onmessage = Closure::once_into_js(move || {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            });
            channel.port1().set_onmessage(Some(onmessage.unchecked_ref()));
            port.post_message(&JsValue::NULL)
        })();
        if sent.is_err() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The bytes at `url`, fetched without cookies. `Err(Some(status))` when the server
/// answered with an error, `Err(None)` when the request could not be made (offline,
/// unreachable, or refused by the remote site's cross-origin rules).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, Option<u16>> {
    let init = web_sys::RequestInit::new();
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| None)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| None)?;
    if !response.ok() {
        return Err(Some(response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| None)?)
        .await
        .map_err(|_| None)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
