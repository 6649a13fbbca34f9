//! The case model of the Next.js conformance suite.
//!
//! A case is one TOML file under `cases/` that states one behaviour of the Next.js server: the
//! doc it comes from, the Next.js versions it holds for, and one or more request/expectation
//! steps. This crate turns those files into typed, validated [`Case`]s and owns the matchers
//! that compare a [`Response`] with a step's expectations. It does no I/O beyond reading case
//! files; sending requests is the harness's job.
//!
//! Layout:
//! - [`case`]: the typed case as written in a file (`Case`, `Doc`, `Step`, `RequestSpec`).
//! - [`load`]: finds `**/*.toml` below a folder, derives ids from paths, collects diagnostics.
//! - [`locate`]: the line of each check of a step, so a mismatch points into its case file.
//! - [`diagnostic`]: file:line:col errors, printed like rustc with the offending line.
//! - [`suggest`]: did-you-mean hints for unknown keys and values.
//! - [`capability`]: what a target may declare and a case may need.
//! - [`versions`]: the Next.js versions a case holds for (`next`), with `||` alternatives.
//! - [`capture`]: values a step takes from its response and compares with earlier ones.
//! - [`eventually`]: a step sent again until it matches, for regeneration in the background.
//! - [`response`]: a target's answer as the matchers see it.
//! - [`matchers`]: a step's `expect` and `should` tables: status, header and body checks, and
//!   shapes for volatile values.
//! - [`severity`]: must and should; a should's mismatch is a warning.
//! - [`mismatch`]: one difference found, with its severity.
//! - [`verdict`]: every mismatch of one step's answer, its captures taken and compared.
//! - [`coverage`]: the doc coverage map: each doc statement with the cases that assert it.
//! - `token`: HTTP token syntax (method and header names), below the case and the matchers.

pub mod capability;
pub mod capture;
pub mod case;
pub mod coverage;
pub mod diagnostic;
pub mod eventually;
pub mod load;
pub mod locate;
pub mod matchers;
pub mod mismatch;
pub mod response;
pub mod severity;
pub mod suggest;
mod token;
pub mod verdict;
pub mod versions;

pub use capability::Capability;
pub use case::{Basis, Case, Doc, RequestSpec, Step};
pub use diagnostic::Diagnostic;
pub use load::{load_dir, load_dir_with, parse_case};
pub use matchers::{Expect, Should};
pub use mismatch::{Mismatch, Subject};
pub use severity::Severity;
pub use response::Response;
pub use token::header_name;
pub use versions::Versions;
