//! Known failures of a target, kept outside the cases with a reason each:
//!
//! ```toml
//! [fails]
//! "app-router/route-handlers/methods/auto-head" = "answers HEAD with 405 where Next.js runs GET"
//! ```
//!
//! A listed case that fails is an expected failure; one that passes is an unexpected pass (the
//! list is stale and must shrink); an id that names no case is an error.

use crate::outcome::{CaseResult, Outcome};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// How an expected failure's message starts, before the listed reason.
const KNOWN_FAILURE: &str = "known failure: ";

/// The listed reason in an expected failure's message.
pub fn reason_of(message: &str) -> Option<&str> {
    message.lines().next()?.strip_prefix(KNOWN_FAILURE)
}

#[derive(Debug, Clone, Default)]
pub struct Expectations {
    fails: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    fails: BTreeMap<String, String>,
}

impl Expectations {
    /// Reads an expectations file; every listed id must be one of `known_ids`.
    pub fn load(path: &Path, known_ids: &[&str]) -> Result<Expectations, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file: File = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        for (id, reason) in &file.fails {
            if !known_ids.contains(&id.as_str()) {
                return Err(format!("{}: `{id}` is not a case id", path.display()));
            }
            if reason.trim().is_empty() {
                return Err(format!("{}: `{id}` needs a reason", path.display()));
            }
        }
        Ok(Expectations { fails: file.fails })
    }

    /// Turns a listed case's fail into expected-fail and its pass into unexpected-pass.
    pub fn apply(&self, result: &mut CaseResult) {
        let Some(reason) = self.fails.get(&result.id) else { return };
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
            _ => {}
        }
    }
}
