//! What running a case came to.

use crate::evidence::Evidence;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pass,
    Fail,
    /// Failed, and the expectations file lists it as a known failure.
    ExpectedFail,
    /// Passed, but the expectations file lists it as a known failure: the list is stale.
    UnexpectedPass,
    /// Outside the target's version, or needs a capability it does not declare.
    NotApplicable,
    /// The target could not be reached or answered something that is not HTTP.
    Error,
}

impl Outcome {
    /// Every outcome, in the order reports list them.
    pub const ALL: [Outcome; 6] =
        [Outcome::Pass, Outcome::Fail, Outcome::ExpectedFail, Outcome::UnexpectedPass, Outcome::NotApplicable, Outcome::Error];

    /// Whether this outcome makes the run fail.
    pub fn is_unexpected(self) -> bool {
        matches!(self, Outcome::Fail | Outcome::UnexpectedPass | Outcome::Error)
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::ExpectedFail => "expected-fail",
            Outcome::UnexpectedPass => "unexpected-pass",
            Outcome::NotApplicable => "n/a",
            Outcome::Error => "error",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One case's result, with the evidence of the step that decided it.
#[derive(Debug, Clone)]
pub struct CaseResult {
    pub id: String,
    pub outcome: Outcome,
    pub duration: Duration,
    /// Why it is not a pass: the mismatches, the transport error, why it is n/a.
    pub message: Option<String>,
    /// For fail and error outcomes: what was sent and what came back.
    pub evidence: Option<Evidence>,
}

impl CaseResult {
    /// The result of case `id`, which started at `started` and ends now.
    pub fn ended(id: &str, started: Instant, outcome: Outcome, message: Option<String>, evidence: Option<Evidence>) -> Self {
        CaseResult { id: id.to_owned(), outcome, duration: started.elapsed(), message, evidence }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub pass: usize,
    pub fail: usize,
    pub expected_fail: usize,
    pub unexpected_pass: usize,
    pub not_applicable: usize,
    pub error: usize,
}

impl Summary {
    pub fn of(results: &[CaseResult]) -> Summary {
        results.iter().map(|r| r.outcome).collect()
    }

    /// Counts one more case with `outcome`.
    pub fn add(&mut self, outcome: Outcome) {
        *match outcome {
            Outcome::Pass => &mut self.pass,
            Outcome::Fail => &mut self.fail,
            Outcome::ExpectedFail => &mut self.expected_fail,
            Outcome::UnexpectedPass => &mut self.unexpected_pass,
            Outcome::NotApplicable => &mut self.not_applicable,
            Outcome::Error => &mut self.error,
        } += 1;
    }

    /// How many cases were counted.
    pub fn total(&self) -> usize {
        self.pass + self.fail + self.expected_fail + self.unexpected_pass + self.not_applicable + self.error
    }

    pub fn all_expected(&self) -> bool {
        self.fail == 0 && self.unexpected_pass == 0 && self.error == 0
    }
}

impl FromIterator<Outcome> for Summary {
    fn from_iter<I: IntoIterator<Item = Outcome>>(outcomes: I) -> Summary {
        let mut summary = Summary::default();
        for outcome in outcomes {
            summary.add(outcome);
        }
        summary
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} passed, {} failed, {} expected-fail, {} unexpected-pass, {} n/a, {} errors",
            self.pass, self.fail, self.expected_fail, self.unexpected_pass, self.not_applicable, self.error
        )
    }
}
