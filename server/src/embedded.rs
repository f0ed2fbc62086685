//! The app compiled into the binary (feature `embed`, see `build.rs`): unpacked once
//! into `<data>/app-<version>` (a new build, a new folder; older ones are removed) and
//! served from there like `dist/`.

use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// Whether this binary carries the app.
pub fn present() -> bool {
    !FILES.is_empty()
}

/// Unpacks the app into `data` (once per version) and returns its folder.
pub fn unpack(data: &Path) -> std::io::Result<PathBuf> {
    let dir = data.join(format!("app-{VERSION}"));
    if !dir.join(".complete").is_file() {
        let partial = data.join(format!("app-{VERSION}.partial"));
        let _ = std::fs::remove_dir_all(&partial);
        for (rel, bytes) in FILES {
            let path = partial.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, bytes)?;
        }
        std::fs::write(partial.join(".complete"), VERSION)?;
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::rename(&partial, &dir)?;
    }
    // Earlier versions' folders go.
    if let Ok(entries) = std::fs::read_dir(data) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("app-") && name != format!("app-{VERSION}") {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    Ok(dir)
}
