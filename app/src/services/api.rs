//! Talking to `briques serve` (live sessions): JSON requests with `fetch`, and event
//! streams with `EventSource`. Only this server is ever contacted.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{EventSource, MessageEvent, Request, RequestInit, Response};
use yew::prelude::*;

use crate::state::live::{read, Problem};

/// A reply: HTTP status and body text.
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Body.
    pub text: String,
}

impl Reply {
    /// Whether the status is 2xx.
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The server's `{"error": …}` message, or the body.
    pub fn error_message(&self) -> String {
        serde_json::from_str::<serde_json::Value>(&self.text)
            .ok()
            .and_then(|v| v["error"].as_str().map(str::to_owned))
            .unwrap_or_else(|| self.text.clone())
    }
}

fn js_error(value: JsValue) -> String {
    value
        .as_string()
        .or_else(|| js_sys::JSON::stringify(&value).ok().and_then(|s| s.as_string()))
        .unwrap_or_default()
}

/// Sends a request; `Err` only when the server cannot be reached.
pub async fn send(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<String>,
) -> Result<Reply, String> {
    let init = RequestInit::new();
    init.set_method(method);
    if let Some(body) = &body {
        init.set_body(&JsValue::from_str(body));
    }
    let request = Request::new_with_str_and_init(url, &init).map_err(js_error)?;
    let request_headers = request.headers();
    if body.is_some() {
        request_headers
            .set("content-type", "application/json")
            .map_err(js_error)?;
    }
    let lang = gloo::utils::document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    request_headers.set("accept-language", &lang).map_err(js_error)?;
    for (name, value) in headers {
        request_headers.set(name, value).map_err(js_error)?;
    }
    let response: Response = JsFuture::from(gloo::utils::window().fetch_with_request(&request))
        .await
        .map_err(js_error)?
        .dyn_into()
        .map_err(js_error)?;
    let text = JsFuture::from(response.text().map_err(js_error)?)
        .await
        .map_err(js_error)?;
    Ok(Reply {
        status: response.status(),
        text: text.as_string().unwrap_or_default(),
    })
}

/// Sends a request to the live API: the reply's text when the server accepts it, or
/// the [`Problem`] (server unreachable, or refused with its message).
pub async fn call(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<String>,
) -> Result<String, Problem> {
    match send(method, url, headers, body).await {
        Ok(reply) if reply.ok() => Ok(reply.text),
        Ok(reply) => Err(Problem::Refused {
            status: reply.status,
            message: reply.error_message(),
        }),
        Err(detail) => Err(Problem::Unreachable { detail }),
    }
}

/// [`call`], then reads the reply as `T` (a `briques_core::live` reply type); a reply
/// that is not one is a [`Problem::BadReply`].
pub async fn call_json<T: serde::de::DeserializeOwned>(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<String>,
) -> Result<T, Problem> {
    read(&call(method, url, headers, body).await?)
}

/// A request body from one of the `briques_core::live` body types. Serialising them
/// cannot fail (string keys only); were it to, the request goes without a body and
/// the server's refusal says so.
pub fn body<T: serde::Serialize>(value: &T) -> Option<String> {
    serde_json::to_string(value).ok()
}

/// The latest `view` event of a Server-Sent Events stream (reconnecting by itself), or
/// `None` before the first. `None` as `url` opens nothing.
#[hook]
pub fn use_event_stream(url: Option<String>) -> Option<std::rc::Rc<str>> {
    let latest = use_state(|| None::<std::rc::Rc<str>>);
    {
        let latest = latest.clone();
        use_effect_with(url, move |url| {
            let source = url.as_deref().and_then(|url| EventSource::new(url).ok());
            let listener = source.as_ref().map(|source| {
                let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                    if let Some(data) = event.data().as_string() {
                        latest.set(Some(std::rc::Rc::from(data)));
                    }
                });
                let _ = source.add_event_listener_with_callback("view", listener.as_ref().unchecked_ref());
                listener
            });
            move || {
                if let Some(source) = source {
                    source.close();
                }
                drop(listener);
            }
        });
    }
    (*latest).clone()
}

/// Fetches `lang`'s catalogue (`/locales/<lang>.ftl`) unless it is already there;
/// returns whether it is now available.
pub async fn load_catalogue(lang: briques_core::i18n::Lang) -> bool {
    use briques_core::i18n;
    if i18n::has_catalogue(lang) {
        return true;
    }
    match send("GET", &format!("/locales/{}.ftl", lang.code()), &[], None).await {
        Ok(reply) if reply.ok() => i18n::load_catalogue(lang, &reply.text),
        _ => false,
    }
}
