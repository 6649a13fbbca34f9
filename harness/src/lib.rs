//! Runs the Next.js conformance cases against a target and reports what it answered.
//!
//! Data flows one way: `spec` loads the cases; [`runner`] sends each case's requests to a
//! [`Target`] through the [`client`] and compares the answers with the case's matchers,
//! producing a [`CaseResult`] per case; [`expectations`] turn known failures into
//! expected ones; [`console`] and [`report`] show the results. The embedded reference server
//! is just one target ([`embedded`]); nothing here special-cases it.
//!
//! Layout:
//! - [`target`]: a base URL plus the Next.js version and capabilities it claims.
//! - [`client`]: sends one request over http or https (no redirects followed, bodies capped, a
//!   timeout), with the headers every request carries, paced by [`pace`];
//!   [`verbatim`] sends a request-target a URL parser would rewrite as written, over a
//!   connection of its own; [`tls`] sets up https for both.
//! - [`eventually`]: sends a step once, or again until it matches when it says `eventually`;
//!   [`settling`] is how it settled.
//! - [`evidence`]: the request sent and response received, and the `curl` that replays it.
//! - [`outcome`]: pass, warn, fail, expected-fail, unexpected-pass, n/a, error, flaky.
//! - [`runner`]: runs cases concurrently, keeping their order.
//! - [`steps`]: a case's steps as they ran (every one that can, after a failed one too) and the
//!   outcome, message and evidence they come to.
//! - [`waits`]: how a case waits before a step: it sleeps, or moves on the clock of a target
//!   that lets the harness drive it; either way without holding a `--jobs` slot.
//! - [`diff`]: sends each case to two servers and compares their answers by meaning.
//! - [`fuzz`]: sends generated requests to two servers and shrinks each difference found.
//! - [`filter`]: `--filter` globs over case ids.
//! - [`faults`]: a proxy that breaks answers in named ways, to measure the suite's sensitivity.
//! - [`expectations`]: `expectations/<target>.toml`, known failures with reasons.
//! - [`shard`]: `--shard I/N`, a deterministic part of the selected cases.
//! - [`console`]: progress bar, failure details (colored on a terminal), the end of a run: the
//!   failing ids, how to rerun them, where the reports went, the verdict and summary line.
//! - [`report`]: report files (JSON, JUnit, Markdown, HTML) and merging them into one report
//!   or a matrix of targets; each written whole or not at all.
//! - [`embedded`]: the reference server started in-process on `127.0.0.1:0`, on a clock the
//!   harness may drive.
//! - [`coverage`]: the doc coverage map printed per page, with what is still open.
//! - [`bundle`]: the cases and fixture apps built into the binary, unpacked into a cache folder,
//!   so that an installed `harness` needs no source tree.
//! - [`cli`]: the `harness` command line.

pub mod bundle;
pub mod cli;
pub mod client;
pub mod console;
pub mod coverage;
pub mod diff;
pub mod embedded;
mod error_chain;
pub mod eventually;
pub mod evidence;
pub mod expectations;
pub mod faults;
pub mod filter;
pub mod fuzz;
pub mod outcome;
pub mod pace;
pub mod report;
pub mod runner;
pub mod settling;
pub mod shard;
pub mod steps;
pub mod target;
pub mod tls;
pub mod verbatim;
pub mod waits;

pub use outcome::{CaseResult, Outcome, Summary};
pub use target::Target;

/// The bundled `cases/` folder (see [`bundle`]), unpacked.
///
/// # Panics
/// When the bundle cannot be unpacked (the cache folder cannot be written); the command line
/// says so as an error instead.
pub fn default_cases_dir() -> std::path::PathBuf {
    bundle::root().unwrap_or_else(|e| panic!("{e}")).join(bundle::CASES)
}
