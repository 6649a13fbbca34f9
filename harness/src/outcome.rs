//! What running a case came to.

use crate::settling::Settling;
use crate::evidence::Evidence;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pass,
    /// Every must held, some should did not: a warning, which fails a run only under `--strict`.
    Warn,
    Fail,
    /// Failed, and the expectations file lists it as a known failure.
    ExpectedFail,
    /// Passed, but the expectations file lists it as a known failure: the list is stale.
    UnexpectedPass,
    /// Outside the target's version, or needs a capability it does not declare.
    NotApplicable,
    /// The target could not be reached or answered something that is not HTTP.
    Error,
    /// Failed (or could not be reached), and the expectations file lists it as flaky: reported,
    /// but the run does not fail for it.
    Flaky,
}

impl Outcome {
    /// Every outcome, in the order reports list them.
    pub const ALL: [Outcome; 8] = [
        Outcome::Pass,
        Outcome::Warn,
        Outcome::Fail,
        Outcome::ExpectedFail,
        Outcome::UnexpectedPass,
        Outcome::NotApplicable,
        Outcome::Error,
        Outcome::Flaky,
    ];

    /// Whether this outcome makes the run fail (a warning does only under `--strict`, see
    /// [`CaseResult::fails_run`]).
    pub fn is_unexpected(self) -> bool {
        matches!(self, Outcome::Fail | Outcome::UnexpectedPass | Outcome::Error)
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Warn => "warn",
            Outcome::Fail => "fail",
            Outcome::ExpectedFail => "expected-fail",
            Outcome::UnexpectedPass => "unexpected-pass",
            Outcome::NotApplicable => "n/a",
            Outcome::Error => "error",
            Outcome::Flaky => "flaky",
        }
    }
}

impl Outcome {
    /// The label in a run that compares two servers (`compared`), where a case is the same or
    /// different rather than passed or failed; the other outcomes keep their labels.
    pub fn label_in(self, compared: bool) -> &'static str {
        match self {
            Outcome::Pass if compared => "same",
            Outcome::Warn if compared => "different in a should",
            Outcome::Fail if compared => "different",
            outcome => outcome.label(),
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One case's result, with the evidence of each step that did not pass.
#[derive(Debug, Clone)]
pub struct CaseResult {
    pub id: String,
    pub outcome: Outcome,
    pub duration: Duration,
    /// Why it is not a pass: the mismatches, the transport error, why it is n/a.
    pub message: Option<String>,
    /// For each step that warned, failed or got no answer: what was sent and what came back.
    pub evidence: Vec<Evidence>,
    /// What the expectations file says about this case, when it lists it.
    pub listed: Option<Listed>,
    /// How each step that may be sent again (`eventually`) settled.
    pub settling: Vec<Settling>,
}

impl CaseResult {
    /// The result of case `id`, which started at `started` and ends now.
    pub fn ended(id: &str, started: Instant, outcome: Outcome, message: Option<String>, evidence: Vec<Evidence>) -> Self {
        CaseResult { id: id.to_owned(), outcome, duration: started.elapsed(), message, evidence, listed: None, settling: Vec::new() }
    }

    /// Whether this result makes the run fail: an unexpected outcome, or under `strict` a
    /// warning the expectations file does not list.
    pub fn fails_run(&self, strict: bool) -> bool {
        fails_run(self.outcome, self.listed.is_some(), strict)
    }
}

/// Whether a case with `outcome` makes the run fail; `listed` when the expectations file
/// lists the case.
pub fn fails_run(outcome: Outcome, listed: bool, strict: bool) -> bool {
    outcome.is_unexpected() || (strict && outcome == Outcome::Warn && !listed)
}

/// What an expectations file (see [`crate::expectations`]) says about a case it lists. Written
/// there, and read back from a JSON report, as the reason alone or as a table with `reason`,
/// `link` and `flaky`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listed {
    /// Why the target differs from Next.js.
    pub reason: String,
    /// Where the platform tracks it (an issue, a doc page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The case fails only sometimes.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub flaky: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListedTable {
    reason: String,
    #[serde(default)]
    link: Option<String>,
    #[serde(default)]
    flaky: bool,
}

impl<'de> Deserialize<'de> for Listed {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ListedVisitor;
        impl<'de> Visitor<'de> for ListedVisitor {
            type Value = Listed;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a reason, or a table with `reason` and optionally `link` and `flaky`")
            }
            fn visit_str<E: de::Error>(self, reason: &str) -> Result<Listed, E> {
                Ok(Listed { reason: reason.to_owned(), link: None, flaky: false })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Listed, A::Error> {
                let ListedTable { reason, link, flaky } = ListedTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Listed { reason, link, flaky })
            }
        }
        d.deserialize_any(ListedVisitor)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub pass: usize,
    /// Absent from reports written before warnings existed.
    #[serde(default)]
    pub warn: usize,
    pub fail: usize,
    pub expected_fail: usize,
    pub unexpected_pass: usize,
    pub not_applicable: usize,
    pub error: usize,
    /// Absent from reports written before flaky entries existed.
    #[serde(default)]
    pub flaky: usize,
}

impl Summary {
    pub fn of(results: &[CaseResult]) -> Summary {
        results.iter().map(|r| r.outcome).collect()
    }

    /// Counts one more case with `outcome`.
    pub fn add(&mut self, outcome: Outcome) {
        *match outcome {
            Outcome::Pass => &mut self.pass,
            Outcome::Warn => &mut self.warn,
            Outcome::Fail => &mut self.fail,
            Outcome::ExpectedFail => &mut self.expected_fail,
            Outcome::UnexpectedPass => &mut self.unexpected_pass,
            Outcome::NotApplicable => &mut self.not_applicable,
            Outcome::Error => &mut self.error,
            Outcome::Flaky => &mut self.flaky,
        } += 1;
    }

    /// How many cases were counted.
    pub fn total(&self) -> usize {
        self.pass + self.warn + self.fail + self.expected_fail + self.unexpected_pass + self.not_applicable + self.error + self.flaky
    }

    /// How many cases were counted with `outcome`.
    pub fn count(&self, outcome: Outcome) -> usize {
        match outcome {
            Outcome::Pass => self.pass,
            Outcome::Warn => self.warn,
            Outcome::Fail => self.fail,
            Outcome::ExpectedFail => self.expected_fail,
            Outcome::UnexpectedPass => self.unexpected_pass,
            Outcome::NotApplicable => self.not_applicable,
            Outcome::Error => self.error,
            Outcome::Flaky => self.flaky,
        }
    }

}

/// The headings of the cases that fail a run and of its warnings: failures and warnings, or in
/// a run that `compared` two servers, what is different and different in a should.
pub fn sections(compared: bool) -> (&'static str, &'static str) {
    if compared { ("Different", "Different in a should") } else { ("Failures", "Warnings") }
}

impl Summary {
    /// The verdict word of a run (`PASSED`/`FAILED`, or `SAME`/`DIFFERENT` when it `compared`
    /// two servers) and its summary line.
    pub fn verdict(&self, compared: bool, failed: bool) -> (&'static str, String) {
        match (compared, failed) {
            (false, false) => ("PASSED", self.to_string()),
            (false, true) => ("FAILED", self.to_string()),
            (true, false) => ("SAME", self.compared()),
            (true, true) => ("DIFFERENT", self.compared()),
        }
    }

    /// The summary of a diff, which compares two servers: `N same, N different in a should,
    /// N different, N n/a, N errors`.
    pub fn compared(&self) -> String {
        format!(
            "{} same, {} different in a should, {} different, {} n/a, {} errors",
            self.pass, self.warn, self.fail, self.not_applicable, self.error
        )
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
            "{} passed, {} warned, {} failed, {} expected-fail, {} unexpected-pass, {} n/a, {} errors",
            self.pass, self.warn, self.fail, self.expected_fail, self.unexpected_pass, self.not_applicable, self.error
        )?;
        // Only runs with flaky entries say so, so that the line stays as CI parses it.
        if self.flaky > 0 {
            write!(f, ", {} flaky", self.flaky)?;
        }
        Ok(())
    }
}
