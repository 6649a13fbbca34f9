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
//!
//! An entry is the reason alone, or a table that may also link to where the platform tracks
//! the difference and, in `fails`, mark a case that fails only sometimes:
//!
//! ```toml
//! [fails]
//! "app-router/caching/revalidate-tag-expires-tagged-fetches" = { reason = "tags expire late under load", flaky = true, link = "https://github.com/org/platform/issues/12" }
//! ```
//!
//! A flaky case still runs: a pass (or a warning) counts as such, and a failure or an error is
//! reported as `flaky` without failing the run.

use crate::outcome::{CaseResult, Listed, Outcome};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// How an expected failure's message starts, before the listed reason.
const KNOWN_FAILURE: &str = "known failure: ";
/// How a known warning's message starts, before the listed reason.
const KNOWN_WARNING: &str = "known warning: ";
/// How a flaky failure's message starts, before the listed reason.
const FLAKY: &str = "flaky: ";

/// The listed reason in an expected failure's, a known warning's or a flaky failure's message.
pub fn reason_of(message: &str) -> Option<&str> {
    let first = message.lines().next()?;
    [KNOWN_FAILURE, KNOWN_WARNING, FLAKY].into_iter().find_map(|prefix| first.strip_prefix(prefix))
}

#[derive(Debug, Clone, Default)]
pub struct Expectations {
    fails: BTreeMap<String, Listed>,
    warns: BTreeMap<String, Listed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    fails: BTreeMap<String, Listed>,
    #[serde(default)]
    warns: BTreeMap<String, Listed>,
}

impl Expectations {
    /// Reads an expectations file; every listed id must be one of `known_ids`.
    pub fn load(path: &Path, known_ids: &[&str]) -> Result<Expectations, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Expectations::parse(&text, known_ids).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn parse(text: &str, known_ids: &[&str]) -> Result<Expectations, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        for (id, listed) in file.fails.iter().chain(&file.warns) {
            if !known_ids.contains(&id.as_str()) {
                return Err(format!("`{id}` is not a case id"));
            }
            if listed.reason.trim().is_empty() {
                return Err(format!("`{id}` needs a reason"));
            }
            if let Some(link) = &listed.link {
                let web = reqwest::Url::parse(link).is_ok_and(|url| matches!(url.scheme(), "http" | "https"));
                if !web {
                    return Err(format!("`{id}`: the link `{link}` is not an http(s) URL"));
                }
            }
        }
        if let Some(id) = file.fails.keys().find(|id| file.warns.contains_key(*id)) {
            return Err(format!("`{id}` is listed in both `fails` and `warns`"));
        }
        if let Some((id, _)) = file.warns.iter().find(|(_, listed)| listed.flaky) {
            return Err(format!("`{id}`: a warning is never flaky; list a case that fails only sometimes in `fails`"));
        }
        Ok(Expectations { fails: file.fails, warns: file.warns })
    }

    /// Turns a listed case's fail into expected-fail (or, when it is flaky, its fail or error
    /// into flaky), marks its known warning, and turns what does better than listed into
    /// unexpected-pass.
    pub fn apply(&self, result: &mut CaseResult) {
        if let Some(listed) = self.fails.get(&result.id) {
            result.listed = Some(listed.clone());
            let reason = &listed.reason;
            if listed.flaky {
                if matches!(result.outcome, Outcome::Fail | Outcome::Error) {
                    result.outcome = Outcome::Flaky;
                    let detail = result.message.take().unwrap_or_default();
                    result.message = Some(format!("{FLAKY}{reason}\n{detail}"));
                }
                return;
            }
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
        } else if let Some(listed) = self.warns.get(&result.id) {
            result.listed = Some(listed.clone());
            let reason = &listed.reason;
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    const IDS: [&str; 4] = ["a/known", "a/flaky", "a/linked", "a/warns"];

    fn listed() -> Expectations {
        let text = "[fails]\n\"a/known\" = \"answers 405\"\n\
                    \"a/flaky\" = { reason = \"late under load\", flaky = true }\n\
                    \"a/linked\" = { reason = \"no Allow\", link = \"https://example.com/issues/1\" }\n\
                    [warns]\n\"a/warns\" = { reason = \"Bad Request\", link = \"https://example.com/issues/2\" }\n";
        Expectations::parse(text, &IDS).unwrap()
    }

    fn applied(id: &str, outcome: Outcome) -> CaseResult {
        let mut result = CaseResult::ended(id, Instant::now(), outcome, Some("step 1: status".into()), Vec::new());
        listed().apply(&mut result);
        result
    }

    #[test]
    fn a_flaky_entry_reports_failures_as_flaky_and_keeps_passes() {
        let failed = applied("a/flaky", Outcome::Fail);
        assert_eq!(failed.outcome, Outcome::Flaky);
        assert_eq!(failed.message.as_deref(), Some("flaky: late under load\nstep 1: status"));
        assert_eq!(reason_of(failed.message.as_deref().unwrap()), Some("late under load"));
        assert_eq!(applied("a/flaky", Outcome::Error).outcome, Outcome::Flaky);
        let passed = applied("a/flaky", Outcome::Pass);
        assert_eq!(passed.outcome, Outcome::Pass);
        assert!(passed.listed.is_some_and(|l| l.flaky));
        assert_eq!(applied("a/flaky", Outcome::Warn).outcome, Outcome::Warn);
        assert!(!Outcome::Flaky.is_unexpected());
    }

    #[test]
    fn entries_keep_their_link_and_stale_ones_are_unexpected() {
        let failed = applied("a/linked", Outcome::Fail);
        assert_eq!(failed.outcome, Outcome::ExpectedFail);
        assert_eq!(failed.listed.unwrap().link.as_deref(), Some("https://example.com/issues/1"));
        let warned = applied("a/warns", Outcome::Warn);
        assert_eq!(warned.listed.unwrap().link.as_deref(), Some("https://example.com/issues/2"));
        assert_eq!(applied("a/known", Outcome::Pass).outcome, Outcome::UnexpectedPass);
        assert_eq!(applied("a/known", Outcome::Error).outcome, Outcome::Error);
        assert_eq!(applied("a/other", Outcome::Fail).outcome, Outcome::Fail);
    }

    #[test]
    fn bad_entries_are_refused_with_the_id() {
        let parse = |text: &str| Expectations::parse(text, &IDS).unwrap_err();
        assert!(parse("[fails]\n\"a/known\" = { reason = \"x\", link = \"not a url\" }").contains("`a/known`: the link"));
        assert!(parse("[fails]\n\"a/known\" = { reason = \"x\", flakey = true }").contains("unknown field `flakey`"));
        assert!(parse("[fails]\n\"a/known\" = { flaky = true }").contains("missing field `reason`"));
        assert!(parse("[fails]\n\"a/known\" = \" \"").contains("needs a reason"));
        assert!(parse("[fails]\n\"a/nope\" = \"x\"").contains("`a/nope` is not a case id"));
        assert!(parse("[warns]\n\"a/warns\" = { reason = \"x\", flaky = true }").contains("a warning is never flaky"));
    }
}
