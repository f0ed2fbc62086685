//! `briques serve`: serves the built app bundle (`dist/`, made by `scripts/build-app`)
//! with the headers a privacy-first, offline-capable app needs.
//!
//! - App routes (`briques_core::site::APP_ROUTES`) answer with the app shell.
//! - Other paths are files of the bundle; a missing one gets the French 404 page.
//! - Files are sent pre-compressed (`.gz` made by the build) or compressed on the fly.
//! - Content-hashed files under `/pkg/` are cached for a year; everything else is
//!   revalidated on each visit so a new version is picked up at once.
//! - The Content-Security-Policy allows only this server (plus compiling WebAssembly)
//!   and the open-data APIs the budget page reads when the user asks
//!   (`--ofgl-url`, `--dgfip-url`, `--datagouv-url`, given to the app by
//!   `GET /api/config`); only the Données page may read any address, the data file the
//!   user types or picks (see [`csp`]).
//! - The live API's answers are never stored by a browser or proxy (`no-store`): they
//!   carry secrets, tokens and rows.
//! - A path with a segment no file name can have (over 255 bytes) is a 404 at once.
//! - Connections are accepted by `crate::net` (timeouts and caps).

use std::convert::Infallible;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context as _};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::Router;
use tower::service_fn;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

use briques_core::budget::opendata::{self, Apis};
use briques_core::i18n::{tr_args, Value};
use briques_core::site::is_app_route;

use crate::budgets::{self, National};

use crate::live::hub::Hub;
use crate::live::limits::Rate;
use crate::live::{self, store, LiveApp, LiveConfig};
use crate::{net, pages};

/// Arguments of `briques serve`.
#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Adresse d'écoute (IP:PORT). Par défaut, seulement cet ordinateur ; utilisez
    /// 0.0.0.0:8080 pour accueillir les téléphones du même réseau Wi-Fi.
    #[arg(long, default_value = crate::DEFAULT_ADDR, value_parser = crate::parse_addr)]
    pub addr: SocketAddr,
    /// Dossier des données (base SQLite des sessions). Par défaut : le dossier de
    /// données de l'utilisateur (~/.local/share/briques).
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// Base PostgreSQL où garder les sessions en direct, à la place du fichier SQLite de
    /// --data (postgres://utilisateur:mot-de-passe@hôte:port/base) : plusieurs serveurs
    /// Briques reliés à la même base, derrière un même proxy inverse, partagent alors
    /// chaque session. Voir docs/deploy-shared.md.
    #[arg(long, env = "BRIQUES_DATABASE", value_name = "URL")]
    pub database: Option<String>,
    /// Dossier de l'application construite (par défaut : dist/ du dépôt, fabriqué par
    /// scripts/build-app).
    #[arg(long, env = "BRIQUES_ASSETS")]
    pub assets: Option<PathBuf>,
    /// Les sessions en direct plus anciennes sont effacées (en jours).
    #[arg(long, default_value_t = 30)]
    pub retention_days: u64,
    /// Les sessions que personne n'a rejointes sont effacées plus tôt (en jours) : elles
    /// occuperaient une place de --max-sessions pendant toute la conservation.
    #[arg(long, default_value_t = 7)]
    pub unjoined_retention_days: u64,
    /// Requêtes par seconde permises par adresse réseau (sessions en direct), hors
    /// requêtes d'un participant ou d'un animateur reconnu (comptées par participant et
    /// par session) ; rafales de 20 secondes (une salle qui arrive d'un coup).
    #[arg(long, default_value_t = 50.0)]
    pub rate_per_address: f64,
    /// Réponses par seconde permises par participant.
    #[arg(long, default_value_t = 5.0)]
    pub rate_per_participant: f64,
    /// Réponses par seconde permises par session, tous participants ensemble (rafales de
    /// 3 secondes).
    #[arg(long, default_value_t = 300.0)]
    pub rate_per_session: f64,
    /// Connexions ouvertes au plus (ramené sous la limite de fichiers ouverts du système).
    #[arg(long, default_value_t = 4096)]
    pub max_connections: usize,
    /// Connexions ouvertes au plus par adresse réseau (une adresse IPv6 compte pour son
    /// réseau /64). Une salle de 300 derrière une seule adresse (NAT, proxy) en tient
    /// environ 600 (deux par téléphone).
    #[arg(long, default_value_t = 800)]
    pub max_connections_per_address: usize,
    /// Délai pour envoyer l'en-tête d'une requête, et pour commencer la suivante sur une
    /// connexion gardée ouverte (en secondes).
    #[arg(long, default_value_t = 10)]
    pub header_timeout: u64,
    /// Flux d'événements (suivi en direct) ouverts au plus.
    #[arg(long, default_value_t = 2048)]
    pub max_streams: usize,
    /// Flux d'événements ouverts au plus par adresse réseau (un par téléphone : une salle
    /// entière derrière une seule adresse).
    #[arg(long, default_value_t = 400)]
    pub max_streams_per_address: usize,
    /// Sessions en direct gardées au plus (terminées comprises, jusqu'à leur suppression).
    #[arg(long, default_value_t = 200)]
    pub max_sessions: usize,
    /// Sessions qu'une adresse réseau peut créer par heure.
    #[arg(long, default_value_t = 20)]
    pub sessions_per_hour: u32,
    /// Participants au plus par session.
    #[arg(long, default_value_t = 300)]
    pub max_participants: usize,
    /// Nouveaux participants qu'une adresse réseau peut inscrire d'un coup (une salle
    /// entière derrière une seule adresse) ; ensuite, un par seconde.
    #[arg(long, default_value_t = 300)]
    pub joins_per_address: u32,
    /// Dossier des budgets nationaux préparés par `briques budget prepare` : l'explorateur
    /// de budget permet alors de chercher toutes les communes.
    #[arg(long)]
    pub budgets: Option<PathBuf>,
    /// Adresse d'un proxy inverse de confiance (répétable) : pour ses requêtes, l'adresse
    /// du client est celle qu'il transmet (X-Forwarded-For), et les limites par adresse
    /// comptent les clients, pas le proxy. Ailleurs, cet en-tête est ignoré.
    #[arg(long, value_name = "IP")]
    pub trusted_proxy: Vec<std::net::IpAddr>,
    /// Adresses qu'ouvre le bouton « Ouvrir aux téléphones du Wi-Fi » à la place des
    /// interfaces réseau de la machine (pour les tests, qui n'écoutent que sur 127.0.0.1).
    #[arg(long, value_name = "IP", hide = true)]
    pub network_address: Vec<std::net::IpAddr>,
    /// Ouvre l'application dans le navigateur une fois prête (c'est ce que fait
    /// `briques` lancé sans argument, d'un double-clic).
    #[arg(long)]
    pub open: bool,
    /// Adresse du portail de l'OFGL que lit la page Budget (indicateurs, strates).
    #[arg(long, default_value = opendata::OFGL_URL)]
    pub ofgl_url: String,
    /// Adresse du portail des balances de la DGFiP que lit la page Budget.
    #[arg(long, default_value = opendata::DGFIP_URL)]
    pub dgfip_url: String,
    /// Adresse de data.gouv.fr, que la page Données interroge.
    #[arg(long, default_value = opendata::DATAGOUV_URL)]
    pub datagouv_url: String,
}

/// The Content-Security-Policy of a response. `'wasm-unsafe-eval'` is what compiling
/// WebAssembly needs. Nothing is loaded from another origin; the page may connect to
/// this server and to the open-data APIs (`apis`' origins, read by the budget page and
/// the Données search only when the user asks). The Données page (`any_address`) may
/// also read any address, without cookies or referrer: the data file whose address the
/// user types, or a data.gouv.fr resource, which can be hosted anywhere. The app moves
/// to and from that page by loading it (not within the page), so every other page keeps
/// the narrow policy.
pub fn csp(apis: &Apis, any_address: bool) -> String {
    let connect = if any_address {
        "'self' http: https:".to_owned()
    } else {
        let mut sources = vec!["'self'".to_owned()];
        sources.extend(apis.origins());
        sources.join(" ")
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src {connect}; \
worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; \
form-action 'self'; frame-ancestors 'self'"
    )
}

/// Whether a path is the Données page's document (the policy that reads any address).
fn is_data_page(path: &str) -> bool {
    path == "/donnees" || path.starts_with("/donnees/")
}

/// The two policies, made once.
#[derive(Clone)]
struct Policies {
    narrow: HeaderValue,
    any_address: HeaderValue,
}

fn default_assets_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("dist")
}

/// Runs the server until Ctrl+C or SIGTERM.
pub fn run(args: ServeArgs) -> anyhow::Result<()> {
    let lang = crate::env_lang();
    let t = move |key: &str, args: &[(&str, Value<'_>)]| tr_args(lang, key, args);
    let data = args.data.clone().unwrap_or_else(crate::default_data_dir);
    let data_text = data.display().to_string();
    store::private_dir(&data).with_context(|| t("serve-data-dir", &[("path", data_text.as_str().into())]))?;
    // Listening first: a second start while Briques runs says so (and shows it) instead
    // of failing on the port.
    let listener = match std::net::TcpListener::bind(args.addr) {
        Ok(listener) => listener,
        Err(error) if error.kind() == std::io::ErrorKind::AddrInUse && already_running(args.addr) => {
            let url = format!("http://{}/", args.addr);
            println!("{}", t("serve-already-running", &[("url", url.as_str().into())]));
            if args.open {
                open_browser(&url);
            }
            return Ok(());
        }
        Err(error) => {
            let addr = args.addr.to_string();
            return Err(anyhow::Error::new(error).context(t("serve-bind", &[("addr", addr.as_str().into())])));
        }
    };
    listener.set_nonblocking(true)?;
    // The app: `--assets`, else the one compiled into this binary (unpacked into the data
    // folder), else `dist/` of the repository.
    let assets = match args.assets.clone() {
        Some(assets) => assets,
        None if crate::embedded::present() => crate::embedded::unpack(&data)
            .with_context(|| t("serve-data-dir", &[("path", data_text.as_str().into())]))?,
        None => default_assets_dir(),
    };
    let index = assets.join("index.html");
    if !index.is_file() {
        bail!(t(
            "serve-not-built",
            &[("path", index.display().to_string().as_str().into())]
        ));
    }
    // The national budget files with their folder as shown.
    let national = match &args.budgets {
        Some(dir) => {
            let path = dir.display().to_string();
            let national = National::open(dir)
                .with_context(|| t("serve-budgets-failed", &[("path", path.as_str().into())]))?;
            Some((Arc::new(national), path))
        }
        None => None,
    };
    let open_files = net::raise_open_files();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .with_context(|| t("serve-runtime", &[]))?;
    let (store, loaded, remote) = match args.database.as_deref() {
        None => store::open(None, &data)
            .with_context(|| t("serve-store", &[("path", data_text.as_str().into())]))?,
        Some(url) => {
            let shown = store::redacted(url);
            if !store::is_url(url) {
                bail!(t("serve-database-bad", &[("url", shown.as_str().into())]));
            }
            let opened = store::open(Some(url), &data)
                .with_context(|| t("serve-database", &[("url", shown.as_str().into())]))?;
            eprintln!(
                "{}",
                t("serve-database-shared", &[("url", shown.as_str().into())])
            );
            opened
        }
    };
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let bound = listener.local_addr()?;
        let config = LiveConfig {
            retention: Duration::from_secs(args.retention_days.max(1) * 86_400),
            unjoined_retention: Duration::from_secs(args.unjoined_retention_days.max(1) * 86_400),
            per_address: Rate {
                per_second: args.rate_per_address,
                burst: (args.rate_per_address * 20.0).max(10.0),
            },
            per_session: Rate {
                per_second: args.rate_per_session,
                burst: (args.rate_per_session * 3.0).max(10.0),
            },
            per_participant: Rate {
                per_second: args.rate_per_participant,
                burst: (args.rate_per_participant * 2.0).max(5.0),
            },
            max_sessions: args.max_sessions,
            creations: Rate {
                per_second: f64::from(args.sessions_per_hour) / 3600.0,
                burst: f64::from(args.sessions_per_hour),
            },
            max_participants: args.max_participants,
            joins: Rate {
                per_second: 1.0,
                burst: f64::from(args.joins_per_address),
            },
            max_streams: args.max_streams,
            streams_per_address: args.max_streams_per_address,
            ..LiveConfig::defaults(bound)
        };
        let max_connections = net::connection_cap(args.max_connections, open_files);
        if max_connections < args.max_connections {
            // Not on stdout: its first line is the address, which tests and scripts read.
            eprintln!(
                "briques: {max_connections} connexions au plus (limite de fichiers ouverts : {})",
                open_files.unwrap_or_default()
            );
        }
        let listening = net::Listening {
            trusted_proxies: Arc::new(args.trusted_proxy.clone()),
            max_connections,
            per_address: args.max_connections_per_address,
            header_timeout: Duration::from_secs(args.header_timeout.max(1)),
        };
        let live = Arc::new(LiveApp::new(Hub::new(store, loaded), config, index.clone()));
        if let Some(mut remote) = remote {
            // What the other servers sharing the store committed, in commit order.
            let live = live.clone();
            tokio::spawn(async move {
                while let Some(change) = remote.recv().await {
                    live.hub.apply_remote(change).await;
                }
            });
        }
        let (more_listeners, listeners_wanted) = tokio::sync::mpsc::unbounded_channel();
        let addresses = (!args.network_address.is_empty()).then(|| args.network_address.clone());
        live.set_network(more_listeners, addresses);
        live::spawn_purge(live.clone());
        let url = format!("http://{bound}/");
        // Tests read this line to learn the port when started with port 0.
        println!(
            "{}",
            t(
                "serve-ready",
                &[("url", url.as_str().into()), ("data", data_text.as_str().into())]
            )
        );
        if args.open {
            // Started without arguments (a double-click): what to do next, in French
            // or the system's language, and the app in the default browser.
            println!("{}", t("serve-desktop", &[]));
            open_browser(&url);
        }
        if let Some((national, path)) = &national {
            // Not println!: whoever started the server may have stopped reading.
            let _ = writeln!(
                std::io::stdout(),
                "{}",
                t(
                    "serve-budgets",
                    &[
                        ("count", national.communes().into()),
                        ("path", path.as_str().into())
                    ]
                )
            );
        }
        let apis = Apis {
            ofgl: args.ofgl_url,
            dgfip: args.dgfip_url,
            datagouv: args.datagouv_url,
        }
        .trimmed();
        net::serve(
            listener,
            app(assets, live, national.map(|(national, _)| national), apis),
            listening,
            shutdown_signal(),
            listeners_wanted,
        )
        .await;
        Ok(())
    })
}

/// Whether Briques answers on `addr` (its `/api/config`), within a second.
fn already_running(addr: SocketAddr) -> bool {
    use std::io::{Read as _, Write as _};
    let Ok(mut stream) = std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(1)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let request = format!("GET /api/config HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut reply = Vec::new();
    let _ = stream.take(64 * 1024).read_to_end(&mut reply);
    let reply = String::from_utf8_lossy(&reply);
    reply.starts_with("HTTP/1.1 200") && reply.contains("\"ofgl\"")
}

/// Opens `url` in the default browser (nothing when `BRIQUES_NO_BROWSER` is set, as in
/// tests, or when no opener is found: the address is printed anyway).
pub fn open_browser(url: &str) {
    if std::env::var_os("BRIQUES_NO_BROWSER").is_some() {
        return;
    }
    let opener: &[&str] = if cfg!(windows) {
        &["cmd", "/C", "start", ""]
    } else if cfg!(target_os = "macos") {
        &["open"]
    } else {
        &["xdg-open"]
    };
    let _ = std::process::Command::new(opener[0])
        .args(&opener[1..])
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

/// The whole HTTP application: the live API and pages, the national budget files when
/// given, the open-data APIs' addresses, then the app's files.
pub fn app(assets: PathBuf, live: Arc<LiveApp>, national: Option<Arc<National>>, apis: Apis) -> Router {
    // Origins are checked by `opendata::origin`: they make valid header values.
    let value = |any: bool| {
        HeaderValue::from_str(&csp(&apis, any))
            .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
    };
    let policies = Policies {
        narrow: value(false),
        any_address: value(true),
    };
    let config = axum::Json(apis);
    let index = assets.join("index.html");
    let fallback = service_fn(move |request: Request| {
        let index = index.clone();
        async move { Ok::<_, Infallible>(shell_or_not_found(&index, request).await) }
    });
    let files = ServeDir::new(&assets)
        .precompressed_gzip()
        .append_index_html_on_directories(true)
        .fallback(fallback);
    Router::new()
        .merge(live::router(live))
        .merge(live::participant::assets())
        .merge(budgets::router(national))
        .route(
            "/api/config",
            axum::routing::get(move || {
                let config = config.clone();
                async move { config }
            }),
        )
        .fallback_service(files)
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            policies,
            security_and_cache_headers,
        ))
}

/// App routes get the app shell; anything else is a 404 with the French page.
async fn shell_or_not_found(index: &Path, request: Request) -> Response {
    let path = request.uri().path();
    let is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    if is_read && is_app_route(path) {
        match tokio::fs::read_to_string(index).await {
            Ok(html) => return Html(html).into_response(),
            Err(error) => {
                eprintln!("briques: index.html: {error}");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        }
    }
    if !is_read {
        return (StatusCode::METHOD_NOT_ALLOWED, [(header::ALLOW, "GET, HEAD")]).into_response();
    }
    (StatusCode::NOT_FOUND, Html(pages::not_found(path))).into_response()
}

/// Longest path segment a file name can have (most file systems); a longer one cannot
/// name a file and would make opening it fail with an error instead of "not found".
const MAX_SEGMENT: usize = 255;

async fn security_and_cache_headers(
    axum::extract::State(policies): axum::extract::State<Policies>,
    request: Request,
    next: Next,
) -> Response<Body> {
    let path = request.uri().path();
    let immutable = path.starts_with("/pkg/") || live::participant::is_asset(path);
    let private = path.starts_with("/api/live/");
    let policy = if is_data_page(path) {
        policies.any_address
    } else {
        policies.narrow
    };
    // Percent-encoding only makes a segment longer than its file name, so the raw
    // length is enough to know none can match.
    let too_long = !path.starts_with("/api/") && path.split('/').any(|segment| segment.len() > MAX_SEGMENT);
    let mut response = if too_long {
        (StatusCode::NOT_FOUND, Html(pages::not_found(path))).into_response()
    } else {
        next.run(request).await
    };
    let success = response.status().is_success();
    let headers = response.headers_mut();
    let cache = if private {
        "no-store"
    } else if immutable && success {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    response
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
