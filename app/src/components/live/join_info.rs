//! How to join, for the projector: the code in big letters, a QR code and the address
//! for each of the server's network addresses, and how many answered.

use yew::prelude::*;

use crate::hooks::use_settings;

/// Props of [`JoinInfo`].
#[derive(Properties, PartialEq)]
pub struct JoinInfoProps {
    /// Join code.
    pub code: AttrValue,
    /// Participant address on each of the server's network addresses.
    pub join_urls: Vec<String>,
    /// Participants who answered something.
    pub answered: usize,
    /// Participants who joined.
    pub joined: usize,
    /// Open the server to the local network (shown when it listens on this machine only).
    pub on_open_network: Callback<()>,
}

/// The join panel of the projector page.
#[function_component]
pub fn JoinInfo(props: &JoinInfoProps) -> Html {
    let settings = use_settings();
    let code = &props.code;
    // Phones use the network's addresses; this machine's own only reaches this machine.
    let network: Vec<&String> = props
        .join_urls
        .iter()
        .filter(|u| !crate::pages::live::is_loopback_url(u))
        .collect();
    let loopback_only = network.is_empty() && !props.join_urls.is_empty();
    let shown: Vec<&String> = if loopback_only {
        props.join_urls.iter().collect()
    } else {
        network
    };
    html! {
        <section class="panel join-panel" aria-labelledby="join-info-title">
            <h2 id="join-info-title">{ settings.t("live-how-to-join") }</h2>
            <div class="join-info">
                <p class="join-code" aria-label={settings.t_args("live-code-is", &[("code", code.as_str().into())])}>
                    { code.clone() }
                </p>
                <ul class="join-urls">
                    { for shown.into_iter().map(|url| html! {
                        <li>
                            // Drawn by the server, for this session's own addresses only.
                            <img src={format!("/api/live/sessions/{code}/qr.svg?url={}", js_sys::encode_uri_component(url))}
                                alt={settings.t_args("live-qr-alt", &[("url", url.as_str().into())])} width="180" height="180" />
                            <span class="join-url">{ url }</span>
                        </li>
                    }) }
                </ul>
            </div>
            if loopback_only {
                <div class="problems" role="note">
                    <p>{ settings.t("live-loopback-only") }</p>
                    <button type="button" class="primary" onclick={props.on_open_network.reform(|_: MouseEvent| ())}>
                        { settings.t("live-open-network") }
                    </button>
                    <p class="hint">{ settings.t("live-open-network-hint") }</p>
                </div>
            }
            <p class="big-count"><strong class="big-number" id="live-count">{ props.answered }</strong>
                <span>{ settings.t_args("live-joined", &[("answered", props.answered.into()), ("joined", props.joined.into())]) }</span></p>
        </section>
    }
}
