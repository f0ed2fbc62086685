//! `briques serve` over real HTTP on 127.0.0.1: the app shell on every app route,
//! file types, compression, cache and security headers, the French 404 page.

mod support;

use support::{get, request, start};

#[test]
fn app_routes_get_the_shell_with_security_headers() {
    let server = start();
    for path in briques_core::site::APP_ROUTES {
        let reply = get(&format!("{}{path}", server.base));
        assert_eq!(reply.status, 200, "{path}");
        assert!(
            reply
                .header("content-type")
                .unwrap_or("")
                .starts_with("text/html"),
            "{path}"
        );
        assert!(reply.text().contains("<title>Briques</title>"), "{path}");
        assert_eq!(reply.header("cache-control"), Some("no-cache"), "{path}");
        let csp = reply.header("content-security-policy").unwrap_or("");
        assert!(csp.contains("default-src 'self'"), "{csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
        // Nothing from another origin. Pages connect to this server and the open-data
        // APIs; only the Données page may read any address (the data file the user types
        // or picks from data.gouv.fr).
        let connect = if *path == "/donnees" {
            "connect-src 'self' http: https:"
        } else {
            "connect-src 'self' https://data.ofgl.fr https://data.economie.gouv.fr https://www.data.gouv.fr"
        };
        for directive in csp.split(';').map(str::trim) {
            if directive.starts_with("connect-src") {
                assert_eq!(directive, connect, "{path}");
            } else {
                assert!(!directive.contains("http"), "{directive} names another origin");
            }
        }
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
    }
}

#[test]
fn wasm_is_served_as_wasm_precompressed_and_cached_for_a_year() {
    let server = start();
    let url = format!("{}/pkg/app-0123_bg.wasm", server.base);
    let plain = get(&url);
    assert_eq!(plain.status, 200);
    assert_eq!(plain.header("content-type"), Some("application/wasm"));
    assert_eq!(plain.body, b"\0asm\x01\0\0\0");
    assert_eq!(
        plain.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );

    let gzipped = request("GET", &url, &[("accept-encoding", "gzip")]);
    assert_eq!(gzipped.header("content-encoding"), Some("gzip"));
    assert_eq!(gzipped.header("content-type"), Some("application/wasm"));
    assert_eq!(
        gzipped.body, b"pretend-gzip",
        "the .gz file made by the build is sent as is"
    );
}

#[test]
fn files_without_a_precompressed_copy_are_compressed_on_the_fly() {
    let server = start();
    let url = format!("{}/style.css", server.base);
    let reply = request("GET", &url, &[("accept-encoding", "br")]);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-encoding"), Some("br"));
    assert!(
        reply.body.len() < 200,
        "4.6 KB of repeated CSS compresses to {} bytes",
        reply.body.len()
    );
    let manifest = get(&format!("{}/manifest.webmanifest", server.base));
    assert_eq!(manifest.header("content-type"), Some("application/manifest+json"));
}

#[test]
fn unknown_paths_get_the_french_404_page_with_the_path_escaped() {
    let server = start();
    let reply = get(&format!("{}/nulle-part/%3Cscript%3E", server.base));
    assert_eq!(reply.status, 404);
    let body = reply.text();
    assert!(body.contains("<html lang=\"fr\">"), "{body}");
    assert!(body.contains("Page introuvable"), "{body}");
    assert!(
        body.contains("Revenir à l'accueil") || body.contains("Revenir à l&#39;accueil"),
        "{body}"
    );
    assert!(!body.contains("<script>"), "{body}");
    assert!(reply.header("content-security-policy").is_some());
}

#[test]
fn writes_to_the_app_are_refused() {
    let server = start();
    let reply = request("POST", &format!("{}/duplo", server.base), &[]);
    assert_eq!(reply.status, 405);
}

#[test]
fn missing_bundle_is_a_clear_error_not_a_panic() {
    let empty = tempfile::tempdir().unwrap();
    let output = support::briques_fr()
        .args(["serve", "--addr", "127.0.0.1:0", "--assets"])
        .arg(empty.path())
        .arg("--data")
        .arg(empty.path().join("data"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("l'application n'est pas construite"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_data_directory_is_created() {
    let assets = tempfile::tempdir().unwrap();
    support::fake_assets(assets.path());
    let data = tempfile::tempdir().unwrap();
    let nested = data.path().join("a").join("b");
    let path = assets.path().to_path_buf();
    let _server = support::start_with(&path, &nested, vec![assets]);
    assert!(nested.is_dir());
}

#[test]
fn a_bad_address_is_explained() {
    let output = support::briques_fr()
        .args(["serve", "--addr", "pas-une-adresse"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("adresse invalide"), "{stderr}");
}

#[test]
fn the_api_addresses_are_settings_the_app_reads_and_the_policy_names() {
    let server = start_with_options(&[
        "--ofgl-url",
        "http://127.0.0.1:9001/ofgl/",
        "--dgfip-url",
        "http://127.0.0.1:9001/dgfip",
        "--datagouv-url",
        "https://miroir.example/datagouv",
    ]);
    let config = get(&format!("{}/api/config", server.base));
    assert_eq!(config.status, 200);
    assert_eq!(
        config.json(),
        serde_json::json!({
            "ofgl": "http://127.0.0.1:9001/ofgl",
            "dgfip": "http://127.0.0.1:9001/dgfip",
            "datagouv": "https://miroir.example/datagouv",
        })
    );
    let csp = get(&format!("{}/budget", server.base));
    let csp = csp.header("content-security-policy").unwrap_or("");
    assert!(
        csp.contains("connect-src 'self' http://127.0.0.1:9001 https://miroir.example;"),
        "{csp}"
    );
    // An address that would smuggle a directive is not an origin: left out.
    let server = start_with_options(&["--ofgl-url", "https://x;script-src *"]);
    let reply = get(&format!("{}/budget", server.base));
    let csp = reply.header("content-security-policy").unwrap_or("");
    assert!(!csp.contains("script-src *"), "{csp}");
    assert!(
        csp.contains("connect-src 'self' https://data.economie.gouv.fr"),
        "{csp}"
    );
}

/// `briques serve` on fake assets and a fresh data directory, with these options.
fn start_with_options(options: &[&str]) -> support::Server {
    let assets = tempfile::tempdir().unwrap();
    support::fake_assets(assets.path());
    let data = tempfile::tempdir().unwrap();
    let (a, d) = (assets.path().to_path_buf(), data.path().to_path_buf());
    support::start_args(&a, &d, options, vec![assets, data])
}
