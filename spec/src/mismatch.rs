//! One difference between what a step checks and what came back, with the severity of the
//! check that found it.

use crate::severity::Severity;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mismatch {
    /// What was compared: `status`, ``header `allow` ``, `body`.
    pub subject: String,
    /// Why it differs, with both sides.
    pub problem: String,
    /// A `should` mismatch is a warning; absent in JSON for a `must`.
    #[serde(default, skip_serializing_if = "Severity::is_must")]
    pub severity: Severity,
}

impl Mismatch {
    /// A mismatch of a `must` check.
    pub fn new(subject: impl Into<String>, problem: impl Into<String>) -> Mismatch {
        Mismatch { subject: subject.into(), problem: problem.into(), severity: Severity::Must }
    }

    /// This mismatch, found by a check of `severity`.
    pub fn of(self, severity: Severity) -> Mismatch {
        Mismatch { severity, ..self }
    }

    /// The header a mismatch is about, lower-case, if it is about one.
    pub fn header(&self) -> Option<&str> {
        self.subject.strip_prefix("header `")?.strip_suffix('`')
    }
}

/// `subject: problem`, and `subject (should): problem` for a warning.
impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.severity {
            Severity::Must => write!(f, "{}: {}", self.subject, self.problem),
            Severity::Should => write!(f, "{} (should): {}", self.subject, self.problem),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_says_it_is_a_should() {
        let mismatch = Mismatch::new("reason phrase", "expected `Invalid JSON`, got `Bad Request`");
        assert_eq!(mismatch.to_string(), "reason phrase: expected `Invalid JSON`, got `Bad Request`");
        assert_eq!(mismatch.of(Severity::Should).to_string(), "reason phrase (should): expected `Invalid JSON`, got `Bad Request`");
    }
}
