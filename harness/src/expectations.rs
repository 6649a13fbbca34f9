//! Known differences of a target, kept outside the cases with a reason each:
//!
//! ```toml
//! [fails]
//! "app-router/route-handlers/methods/auto-head" = "answers HEAD with 405 where Next.js runs GET"
//!
//! [warns]
//! "pages-router/api-routes/errors/status-text-of-invalid-json" = "the status line says `Bad Request`"
//! ```
//!
//! `fails` lists cases where a must does not hold; `warns` cases where every must holds and
//! only a should does not (a warning, which needs no listing unless the run is `--strict`).
//! A listed case that fails is an expected failure; one listed in `warns` that warns stays a
//! warning, known, so `--strict` does not count it. A listed case that does better than its
//! list says (a `fails` case that passes or only warns, a `warns` case that passes) is an
//! unexpected pass: the list is stale and must shrink. An id that names no case, or is listed
//! twice, is an error.

use crate::outcome::{CaseResult, Outcome};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// How an expected failure's message starts, before the listed reason.
const KNOWN_FAILURE: &str = "known failure: ";
/// How a known warning's message starts, before the listed reason.
const KNOWN_WARNING: &str = "known warning: ";

/// The listed reason in an expected failure's or a known warning's message.
pub fn reason_of(message: &str) -> Option<&str> {
    let first = message.lines().next()?;
    first.strip_prefix(KNOWN_FAILURE).or_else(|| first.strip_prefix(KNOWN_WARNING))
}

#[derive(Debug, Clone, Default)]
pub struct Expectations {
    fails: BTreeMap<String, String>,
    warns: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    fails: BTreeMap<String, String>,
    #[serde(default)]
    warns: BTreeMap<String, String>,
}

impl Expectations {
    /// Reads an expectations file; every listed id must be one of `known_ids`.
    pub fn load(path: &Path, known_ids: &[&str]) -> Result<Expectations, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file: File = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        for (id, reason) in file.fails.iter().chain(&file.warns) {
            if !known_ids.contains(&id.as_str()) {
                return Err(format!("{}: `{id}` is not a case id", path.display()));
            }
            if reason.trim().is_empty() {
                return Err(format!("{}: `{id}` needs a reason", path.display()));
            }
        }
        if let Some(id) = file.fails.keys().find(|id| file.warns.contains_key(*id)) {
            return Err(format!("{}: `{id}` is listed in both `fails` and `warns`", path.display()));
        }
        Ok(Expectations { fails: file.fails, warns: file.warns })
    }

    /// Turns a listed case's fail into expected-fail, marks its known warning, and turns what
    /// does better than listed into unexpected-pass.
    pub fn apply(&self, result: &mut CaseResult) {
        if let Some(reason) = self.fails.get(&result.id) {
            result.listed = Some(reason.clone());
            match result.outcome {
                Outcome::Fail => {
                    result.outcome = Outcome::ExpectedFail;
                    let detail = result.message.take().unwrap_or_default();
                    result.message = Some(format!("{KNOWN_FAILURE}{reason}\n{detail}"));
                }
                Outcome::Pass => {
                    result.outcome = Outcome::UnexpectedPass;
                    result.message = Some(format!("listed as a known failure ({reason}) but passed: remove it from the list"));
                }
                Outcome::Warn => {
                    result.outcome = Outcome::UnexpectedPass;
                    let detail = result.message.take().unwrap_or_default();
                    result.message = Some(format!(
                        "listed as a known failure ({reason}) but only a should differs: move it to `warns`, or remove it\n{detail}"
                    ));
                }
                _ => {}
            }
        } else if let Some(reason) = self.warns.get(&result.id) {
            result.listed = Some(reason.clone());
            match result.outcome {
                Outcome::Warn => {
                    let detail = result.message.take().unwrap_or_default();
                    result.message = Some(format!("{KNOWN_WARNING}{reason}\n{detail}"));
                }
                Outcome::Pass => {
                    result.outcome = Outcome::UnexpectedPass;
                    result.message = Some(format!("listed as a known warning ({reason}) but passed: remove it from the list"));
                }
                Outcome::Fail => {
                    let detail = result.message.take().unwrap_or_default();
                    result.message = Some(format!("listed as a known warning ({reason}), but a must fails\n{detail}"));
                }
                _ => {}
            }
        }
    }
}
