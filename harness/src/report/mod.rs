//! Report files. Each is rendered whole in memory, written to a temporary file beside the
//! destination and renamed over it, so a report is complete or absent, never partial.

pub mod json;

use crate::outcome::CaseResult;
use spec::Case;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// What a report says about the run as a whole.
#[derive(Debug, Clone)]
pub struct RunInfo {
    pub target: String,
    /// The Next.js version the target claims (none in differential mode).
    pub next_version: Option<semver::Version>,
    pub capabilities: Vec<String>,
    pub started_at: SystemTime,
    pub duration: Duration,
}

/// A finished run: its cases with their results, in the same order.
pub struct Run<'a> {
    pub info: RunInfo,
    pub cases: &'a [Case],
    pub results: &'a [CaseResult],
}

/// Writes `contents` to `path` atomically.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "report".into());
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::write(&temporary, contents).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}
