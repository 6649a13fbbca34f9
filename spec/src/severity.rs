//! How much a check matters. A `must` is the claim itself: a mismatch fails the case. A `should`
//! is a detail clients rarely rely on (a reason phrase, a charset spelling, a folded list header,
//! letter case): a mismatch is a warning, which fails a run only under `--strict`.
//!
//! A whole case is a should with `severity = "should"`; one step's checks are, in its `should`
//! table (see [`crate::matchers::Should`]).

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A mismatch fails the case.
    #[default]
    Must,
    /// A mismatch is a warning.
    Should,
}

impl Severity {
    pub fn is_must(&self) -> bool {
        *self == Severity::Must
    }

    pub fn name(self) -> &'static str {
        match self {
            Severity::Must => "must",
            Severity::Should => "should",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
