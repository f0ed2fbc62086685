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

/// Why a request got no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoAnswer {
    /// Offline, unreachable, or refused by the remote site's cross-origin rules.
    Unreachable,
    /// No whole answer within the time given.
    Timeout,
}

/// The status and bytes at `url`, fetched without cookies, given up after `timeout_ms`
/// (`0`: no limit).
pub async fn fetch_answer(url: &str, timeout_ms: u32) -> Result<(u16, Vec<u8>), NoAnswer> {
    let init = web_sys::RequestInit::new();
    init.set_credentials(web_sys::RequestCredentials::Omit);
    // An AbortController stopped by a timer (AbortSignal.timeout is missing from older
    // browsers); the flag tells a cut from any other failure, while the request waits
    // for the headers as while it reads the body.
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let _timer = match web_sys::AbortController::new() {
        Ok(controller) if timeout_ms > 0 => {
            init.set_signal(Some(&controller.signal()));
            let timed_out = timed_out.clone();
            Some(gloo::timers::callback::Timeout::new(timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            }))
        }
        _ => None,
    };
    let failed = |_: JsValue| {
        if timed_out.get() {
            NoAnswer::Timeout
        } else {
            NoAnswer::Unreachable
        }
    };
    let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(failed)?;
    let response: web_sys::Response = response.dyn_into().map_err(failed)?;
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok((response.status(), js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// The bytes at `url`, fetched without cookies. `Err(Some(status))` when the server
/// answered with an error, `Err(None)` when the request could not be made (offline,
/// unreachable, or refused by the remote site's cross-origin rules).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, Option<u16>> {
    match fetch_answer(url, 0).await {
        Ok((status, bytes)) if (200..300).contains(&status) => Ok(bytes),
        Ok((status, _)) => Err(Some(status)),
        Err(_) => Err(None),
    }
}
