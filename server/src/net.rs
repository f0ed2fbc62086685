//! The listener: accepts connections and serves HTTP/1.1 on each, with what keeps one
//! client from holding the server (what `axum::serve` does not do):
//!
//! - a header-read timeout, which also closes idle keep-alive connections: a
//!   connection that sends nothing, stops mid-header or idles is closed after it;
//! - a cap on open connections per address ([`crate::live::limits::address_key`]) and
//!   overall: the excess gets a short `429` or `503` JSON answer and is closed at once,
//!   before anything is read, so it holds nothing;
//! - request heads of at most [`MAX_HEAD`] bytes (hyper answers `431` beyond);
//! - the open-files limit raised to what the system allows ([`raise_open_files`]), and
//!   the connection cap kept below it, so that accepting never fails for lack of files.
//!
//! - behind a reverse proxy given by `--trusted-proxy`, the client's address is the one
//!   the proxy forwards (`X-Forwarded-For`, the last address not itself a trusted proxy),
//!   so that every per-address limit counts clients, not the proxy; from any other peer
//!   the header is ignored. A trusted proxy's connections count overall only.
//!
//! HTTP/2 is not spoken (no cleartext upgrade, no prior knowledge): a connection that
//! starts with its preface is closed.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use tower::ServiceExt as _;

use briques_core::i18n::{tr, Lang};

use crate::live::limits::{Caps, Full};

/// Largest request head (request line and headers) read, in bytes.
pub const MAX_HEAD: usize = 16 * 1024;

/// Files kept for the server's own use (SQLite, the files it serves, logs) when the
/// connection cap is derived from the open-files limit.
const FILES_KEPT: u64 = 64;

/// Refused connections being answered at once; beyond, they are closed unanswered. They
/// hold files too, so the connection cap leaves room for them.
const REFUSING_AT_ONCE: usize = 64;

/// How long a refused connection is kept to read what the client sent.
const REFUSAL_LINGER: Duration = Duration::from_millis(100);

/// Settings of the listener (from `briques serve` options).
#[derive(Clone, Debug)]
pub struct Listening {
    /// Reverse proxies whose `X-Forwarded-For` gives the client's address.
    pub trusted_proxies: Arc<Vec<std::net::IpAddr>>,
    /// Open connections overall.
    pub max_connections: usize,
    /// Open connections per address.
    pub per_address: usize,
    /// Time allowed to send a request's head, and to start the next one on a kept-alive
    /// connection.
    pub header_timeout: Duration,
}

/// The client's address a trusted proxy forwards: the last `X-Forwarded-For` entry that
/// is not itself a trusted proxy (entries before it could be written by the client).
/// `None` when the header is missing or that entry is not an address.
pub fn forwarded_client(
    headers: &hyper::HeaderMap,
    proxies: &[std::net::IpAddr],
) -> Option<std::net::IpAddr> {
    let mut entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    while let Some(last) = entries.pop() {
        let ip: std::net::IpAddr = last.parse().ok()?;
        if !proxies.contains(&ip) {
            return Some(ip);
        }
    }
    None
}

/// Raises the soft open-files limit to the hard one where the system allows it;
/// returns the limit in force.
/// On Windows sockets are handles, not descriptors counted against such a limit: `None`.
pub fn raise_open_files() -> Option<u64> {
    #[cfg(unix)]
    {
        rlimit::increase_nofile_limit(u64::MAX).ok().or_else(|| {
            rlimit::getrlimit(rlimit::Resource::NOFILE)
                .ok()
                .map(|(soft, _)| soft)
        })
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The connection cap actually used: `wanted`, kept below the open-files limit.
pub fn connection_cap(wanted: usize, open_files: Option<u64>) -> usize {
    match open_files {
        Some(limit) => {
            let room = limit.saturating_sub(FILES_KEPT + REFUSING_AT_ONCE as u64);
            wanted.min(room.max(16) as usize)
        }
        None => wanted,
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then gives open requests a
/// few seconds to end (event streams never do).
///
/// Listeners sent on `more` later (the local network opened from the presenter view)
/// are served by the same loop, under the same caps.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    settings: Listening,
    shutdown: impl Future<Output = ()>,
    mut more: tokio::sync::mpsc::UnboundedReceiver<TcpListener>,
) {
    let caps = Caps::new(settings.max_connections, settings.per_address);
    let refusing = Arc::new(AtomicUsize::new(0));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    let (forward, mut forwarded) = tokio::sync::mpsc::channel(64);
    let mut forwarders = Vec::new();
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            Some(accepted) = forwarded.recv() => accepted,
            Some(extra) = more.recv() => {
                let forward = forward.clone();
                forwarders.push(tokio::spawn(async move {
                    loop {
                        let accepted = extra.accept().await;
                        if forward.send(accepted).await.is_err() {
                            return;
                        }
                    }
                }));
                continue;
            }
            () = &mut shutdown => break,
        };
        let (stream, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(error) => {
                // Out of files or memory for a moment: wait instead of spinning.
                eprintln!("briques: accept: {error}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let trusted = settings.trusted_proxies.contains(&peer.ip());
        let taken = if trusted {
            caps.take_overall(peer.ip())
        } else {
            caps.take(peer.ip())
        };
        let held = match taken {
            Ok(held) => held,
            Err(full) => {
                if refusing.fetch_add(1, Ordering::Relaxed) < REFUSING_AT_ONCE {
                    let refusing = refusing.clone();
                    tokio::spawn(async move {
                        refuse(stream, full).await;
                        refusing.fetch_sub(1, Ordering::Relaxed);
                    });
                } else {
                    refusing.fetch_sub(1, Ordering::Relaxed);
                }
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let proxies = settings.trusted_proxies.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            let client = if trusted {
                forwarded_client(request.headers(), &proxies)
                    .map_or(peer, |ip| std::net::SocketAddr::new(ip, peer.port()))
            } else {
                peer
            };
            request.extensions_mut().insert(ConnectInfo(client));
            app.clone().oneshot(request.map(Body::new))
        });
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(settings.header_timeout)
            .max_buf_size(MAX_HEAD);
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(held);
        });
    }
    drop(listener);
    for forwarder in forwarders {
        forwarder.abort();
    }
    tokio::select! {
        () = graceful.shutdown() => {},
        () = tokio::time::sleep(Duration::from_secs(3)) => {},
    }
}

/// Answers a connection over a cap and closes it. Nothing is read first: the answer
/// is the same whatever was asked.
async fn refuse(mut stream: TcpStream, full: Full) {
    let (status, key, retry) = match full {
        Full::Address => ("429 Too Many Requests", "live-error-too-many-connections", 10),
        Full::Server => ("503 Service Unavailable", "live-error-busy", 5),
    };
    let body = serde_json::json!({ "error": tr(Lang::Fr, key) }).to_string();
    let reply = format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\nretry-after: {retry}\r\n\
         cache-control: no-store\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    );
    let answered = async {
        stream.write_all(reply.as_bytes()).await?;
        stream.shutdown().await?;
        // Read what the client sent before closing, so the close is not a reset that
        // would make the client lose the answer; briefly, so refusals hold nothing.
        let mut sink = [0u8; 4096];
        for _ in 0..16 {
            if stream.read(&mut sink).await? == 0 {
                break;
            }
        }
        Ok::<_, std::io::Error>(())
    };
    let _ = tokio::time::timeout(REFUSAL_LINGER, answered).await;
}

#[cfg(test)]
mod forwarded_tests {
    use super::*;

    #[test]
    fn the_client_is_the_last_forwarded_address_not_a_trusted_proxy() {
        let proxies: Vec<std::net::IpAddr> = vec!["10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap()];
        let headers = |values: &[&str]| {
            let mut map = hyper::HeaderMap::new();
            for v in values {
                map.append("x-forwarded-for", v.parse().unwrap());
            }
            map
        };
        let ip = |s: &str| Some(s.parse::<std::net::IpAddr>().unwrap());
        assert_eq!(
            forwarded_client(&headers(&["203.0.113.7"]), &proxies),
            ip("203.0.113.7")
        );
        // Written by the client, then the real one added by the proxy.
        assert_eq!(
            forwarded_client(&headers(&["1.2.3.4, 203.0.113.7"]), &proxies),
            ip("203.0.113.7")
        );
        // Through two trusted proxies, in one header or two.
        assert_eq!(
            forwarded_client(&headers(&["203.0.113.7, 10.0.0.2"]), &proxies),
            ip("203.0.113.7")
        );
        assert_eq!(
            forwarded_client(&headers(&["203.0.113.7", "10.0.0.2"]), &proxies),
            ip("203.0.113.7")
        );
        assert_eq!(
            forwarded_client(&headers(&["2001:db8::1"]), &proxies),
            ip("2001:db8::1")
        );
        for bad in [&[][..], &["nonsense"], &["10.0.0.1"], &["203.0.113.7, garbage"]] {
            assert_eq!(forwarded_client(&headers(bad), &proxies), None, "{bad:?}");
        }
    }
}
