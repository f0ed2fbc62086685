# Shared by scripts/run, scripts/test and .ci/run: locate the repository and install,
# only when missing, the tools the build needs. Every tool comes from crates.io,
# npm or Debian; nothing is downloaded from anywhere else.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
DIST="$ROOT/dist"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@";
  elif command -v sudo >/dev/null 2>&1; then sudo "$@";
  else
    echo "Il faut les droits d'administration pour : $* (lancez en root ou installez sudo)." >&2
    return 1
  fi
}

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# rustfmt and clippy come with the toolchain rustup installs; add them if a minimal
# profile left them out.
ensure_rust_tools() {
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "Installation de $component (rustup)"
      rustup component add "$component"
    fi
  done
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Installation de la cible wasm32-unknown-unknown (rustup)"
    rustup target add wasm32-unknown-unknown
  fi
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in
# Cargo.lock (pinned with `=` in Cargo.toml), or the generated glue does not match.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_bindgen() {
  local want; want="$(wasm_bindgen_version)"
  if [ -z "$want" ]; then echo "Cargo.lock ne cite pas wasm-bindgen" >&2; return 1; fi
  if command -v wasm-bindgen >/dev/null 2>&1 && [ "$(wasm-bindgen --version | awk '{print $2}')" = "$want" ]; then
    return 0
  fi
  say "Installation de wasm-bindgen-cli $want (crates.io, environ 3 minutes)"
  # Not --locked: one dependency locked by wasm-bindgen-cli is missing from the registry
  # mirror; the resolved versions work.
  cargo install wasm-bindgen-cli --version "$want"
}

# PostgreSQL (Debian's package), for the live tests on a shared store.
ensure_postgresql() {
  if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then return 0; fi
  say "Installation de PostgreSQL (paquet Debian postgresql)"
  apt_install postgresql
}

ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  say "Installation de Chromium (paquets Debian chromium et chromium-driver)"
  apt_install chromium chromium-driver
}

ensure_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then return 0; fi
  say "Installation de Node.js (paquets Debian)"
  apt_install nodejs npm
}

# wasm-opt from npm's binaryen (pinned in tools/package.json): Debian's is too old for
# the wasm Rust emits. Optional: the build works without it, only bigger.
ensure_wasm_opt() {
  ensure_node
  local dir="$ROOT/tools"
  local stamp="$dir/node_modules/.briques-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    say "Installation de wasm-opt (binaryen, npm)"
    if (cd "$dir" && npm ci --no-audit --no-fund); then
      cp "$dir/package-lock.json" "$stamp"
    fi
  fi
}

ensure_npm_packages() {
  ensure_node
  local dir="$ROOT/tests/e2e"
  local stamp="$dir/node_modules/.briques-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    say "Installation des paquets npm des tests (playwright-core, axe-core)"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
