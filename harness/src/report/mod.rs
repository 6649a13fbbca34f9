//! Report files. A finished [`Run`] becomes a [`Report`] (the data every format renders and
//! the JSON file holds), so a report read back from JSON renders exactly as a fresh one; that is
//! what `harness report --merge` relies on. Each file is rendered whole in memory, written to a
//! temporary file beside the destination and renamed over it, so a report is complete or
//! absent, never partial.
//!
//! - [`model`]: the report as data, built from a run or read back from JSON.
//! - [`json`]: the JSON report, and reading it back.
//! - [`junit`]: JUnit XML for CI systems: one testsuite per area, one testcase per case.
//! - [`markdown`]: a summary table by area, then the failures with their evidence.
//! - [`html`]: one self-contained page: summary, filterable cases, evidence side by side.
//! - [`merge`]: shard reports of one target into one report, several targets into a matrix.
//! - [`matrix`]: cases × targets, as HTML and Markdown.
//! - [`timeline`]: one informative run per Next.js release, as where each case holds.
//! - [`area`]: a case's area (its id up to the last `/`) and per-area tallies.
//! - [`doc_link`]: the nextjs.org URL of a case's doc section.
//! - [`expected`]: every check of a step in words, marked where it failed, for reports that show it.
//! - [`differs`]: which parts of an answer the mismatches are about, to highlight them.
//! - [`text`]: plain-text renderings of exchanges, shared by JUnit and Markdown.
//! - [`escape`]: HTML and XML escaping.

pub mod area;
pub mod differs;
pub mod doc_link;
pub mod escape;
pub mod expected;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod matrix;
pub mod merge;
pub mod model;
pub mod text;
pub mod timeline;

pub use model::Report;

use crate::outcome::CaseResult;
use crate::target::Ranges;
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
    /// The `harness` command that repeats the run; `--filter ID` appended replays one case.
    pub replay: String,
    /// `I/N` when the run was one shard of the selected cases.
    pub shard: Option<String>,
    /// `--strict`: a warning the expectations file does not list fails the run.
    pub strict: bool,
    /// Headers a complete answer could carry unnamed (`--ignore-header`).
    pub ignored_headers: Vec<String>,
    /// The servers the run started itself, with the commands that start them again.
    pub servers: Vec<model::Served>,
    /// Whether cases outside their Next.js range ran (informative) or were n/a.
    pub ranges: Ranges,
    /// A diff: two servers compared, each case the same on both or different.
    pub diff: bool,
}

/// A finished run: its cases with their results, in the same order.
pub struct Run<'a> {
    pub info: RunInfo,
    pub cases: &'a [Case],
    pub results: &'a [CaseResult],
}

/// Whether a report can be written at `path`: its folder exists or can be made, a file can be
/// made in it, and `path` is not a folder.
pub fn check_writable(path: &Path) -> std::io::Result<()> {
    if path.is_dir() {
        return Err(std::io::Error::other("it is a folder"));
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let probe = dir.join(format!(".report-check.{}.tmp", std::process::id()));
    std::fs::write(&probe, b"")?;
    std::fs::remove_file(&probe)
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
