//! Bundles the suite into the harness binary: every file of `cases/` (with its doc coverage
//! map), `fixture-app/` and `fixture-apps/` (but installed packages and build output), so that
//! an installed `harness` needs no source tree. Writes `$OUT_DIR/bundle.rs` with the files and
//! a hash of their paths and contents, which names the folder they are unpacked to.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The folders bundled, relative to the workspace root.
const FOLDERS: [&str; 3] = ["cases", "fixture-app", "fixture-apps"];
/// Folders never bundled: what `npm` and `next build` leave in a fixture app.
const SKIPPED: [&str; 2] = ["node_modules", ".next"];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for folder in FOLDERS {
        collect(&root, &root.join(folder), &mut files);
    }
    files.sort();
    // FNV-1a over each path and its bytes: a cache key, not a security measure.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut entries = String::new();
    for (relative, path) in &files {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for byte in relative.bytes().chain([0]).chain(bytes.iter().copied()) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        let _ = writeln!(entries, "    ({relative:?}, include_bytes!({:?})),", path.display().to_string());
    }
    let code = format!(
        "/// A hash of every bundled path and its bytes.\npub const HASH: &str = \"{hash:016x}\";\n\n\
         /// Every bundled file: its path below the workspace root, with `/`, and its bytes.\n\
         pub static FILES: &[(&str, &[u8])] = &[\n{entries}];\n"
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundle.rs");
    std::fs::write(out, code).expect("the bundle is written");
}

/// Adds every file below `dir` as `(path relative to root, path)`, and tells cargo to bundle
/// again when any of them, or a folder's list of entries, changes.
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let entries: Vec<_> = entries.flatten().collect();
    // Cargo watches a folder with everything below it; one holding installed packages is
    // watched file by file instead.
    let holds_skipped = entries.iter().any(|e| SKIPPED.iter().any(|s| e.file_name() == *s));
    if !holds_skipped {
        println!("cargo::rerun-if-changed={}", dir.display());
    }
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        if SKIPPED.iter().any(|s| name == *s) {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            if holds_skipped {
                println!("cargo::rerun-if-changed={}", path.display());
            }
            let relative = path.strip_prefix(root).expect("below the root").components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            out.push((relative, path));
        }
    }
}
