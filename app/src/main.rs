//! Entry point of the browser app: mounts [`briques_app::App`] on `#app`.

fn main() {
    briques_app::run();
}
