//! With the `embed` feature, the built app (`dist/`, or `BRIQUES_EMBED_DIR`) is compiled
//! into the binary: `embedded.rs` lists every file with `include_bytes!`, and a version
//! (a hash of the names and contents) names the folder it is unpacked into. Without the
//! feature the list is empty and the server serves `dist/` (or `--assets`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(base, &path, out);
        } else if let Ok(rel) = path.strip_prefix(base) {
            out.push((rel.to_string_lossy().replace('\\', "/"), path));
        }
    }
}

fn main() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut files = Vec::new();
    let mut code = String::from("/// The app's files compiled in: (path under the app folder, contents).\npub static FILES: &[(&str, &[u8])] = &[\n");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    if std::env::var_os("CARGO_FEATURE_EMBED").is_some() {
        let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
        let dist = std::env::var_os("BRIQUES_EMBED_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| manifest.join("..").join("dist"));
        println!("cargo:rerun-if-env-changed=BRIQUES_EMBED_DIR");
        println!("cargo:rerun-if-changed={}", dist.display());
        assert!(
            dist.join("index.html").is_file(),
            "the embed feature needs the built app in {} (scripts/build-app)",
            dist.display()
        );
        walk(&dist, &dist, &mut files);
        for (rel, path) in &files {
            println!("cargo:rerun-if-changed={}", path.display());
            let bytes = std::fs::read(path).expect("a file of the app");
            // FNV-1a over names and contents: a new build unpacks into a new folder.
            for b in rel.bytes().chain(bytes.iter().copied()) {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
            let _ = writeln!(
                code,
                "    ({rel:?}, include_bytes!({:?})),",
                path.display().to_string()
            );
        }
    }
    code.push_str("];\n");
    let _ = writeln!(
        code,
        "/// Names the folder the files are unpacked into.\npub static VERSION: &str = \"{hash:016x}\";"
    );
    std::fs::write(out_dir.join("embedded.rs"), code).expect("OUT_DIR is writable");
}
