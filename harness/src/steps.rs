//! A case's steps as they ran, and what the case comes to. Every step is run in order, also
//! after one that failed, so that a case reports every step that fails, not only the first;
//! a step is not run when it needs a value (a `{{name}}` in its request, or one its comparisons
//! name) that an earlier step did not capture, and no step runs after one that got no answer.
//!
//! The case's outcome is the worst of its steps: error, then fail (a must did not hold), then
//! warn (only shoulds did not), else pass. Its message has a line per mismatch, each starting
//! with its step, and its evidence one exchange per step that did not pass.

use crate::evidence::Evidence;
use crate::outcome::Outcome;
use spec::{Mismatch, Severity, Step};
use std::collections::BTreeMap;

/// The record of a case's steps so far.
#[derive(Debug, Default)]
pub struct StepLog {
    /// Each value a step should have captured and did not, with that step's number.
    missing: BTreeMap<String, usize>,
    /// The step that got no answer, after which none runs.
    no_answer: Option<usize>,
    worst: Option<Outcome>,
    lines: Vec<String>,
    evidence: Vec<Evidence>,
}

impl StepLog {
    /// Why step `step` cannot run, if it cannot.
    pub fn blocker(&self, step: &Step) -> Option<String> {
        if let Some(number) = self.no_answer {
            return Some(format!("step {number} got no answer"));
        }
        let (name, number) = step.needs().into_iter().find_map(|name| Some((name, self.missing.get(name)?)))?;
        Some(format!("it needs `{name}`, which step {number} did not capture"))
    }

    /// Records step `number`, not run for `reason`: the values it captures are missing too.
    pub fn not_run(&mut self, number: usize, step: &Step, reason: &str) {
        self.lines.push(format!("step {number}: not run: {reason}"));
        self.forget(number, step, |_| false);
    }

    /// Records step `number`'s answer: what did not hold (nothing when it passed), the exchange
    /// to keep as evidence when something did not, and which values it captured.
    pub fn checked(
        &mut self,
        number: usize,
        step: &Step,
        mismatches: &[Mismatch],
        evidence: impl FnOnce() -> Evidence,
        captured: impl Fn(&str) -> bool,
    ) {
        self.forget(number, step, captured);
        let Some(severity) = mismatches.iter().map(|m| m.severity).min() else { return };
        self.worsen(if severity == Severity::Must { Outcome::Fail } else { Outcome::Warn });
        self.lines.extend(mismatches.iter().map(|m| format!("step {number}: {m}")));
        self.evidence.push(evidence());
    }

    /// Adds a line to the message that says more about the step checked next (how long it was
    /// sent again without a match).
    pub fn note(&mut self, line: String) {
        self.lines.push(line);
    }

    /// Whether a step failed or got no answer, so the case fails whatever comes next.
    pub fn failed(&self) -> bool {
        matches!(self.worst, Some(Outcome::Fail | Outcome::Error))
    }

    /// Records step `number`, which got no answer (`message` says why).
    pub fn no_answer(&mut self, number: usize, step: &Step, message: &str, evidence: Evidence) {
        self.forget(number, step, |_| false);
        self.no_answer = Some(number);
        self.worsen(Outcome::Error);
        self.lines.push(format!("step {number}: {message}"));
        self.evidence.push(evidence);
    }

    /// The case's outcome, message (none for a pass) and evidence.
    pub fn finish(self) -> (Outcome, Option<String>, Vec<Evidence>) {
        let outcome = self.worst.unwrap_or(Outcome::Pass);
        let message = (!self.lines.is_empty()).then(|| self.lines.join("\n"));
        (outcome, message, self.evidence)
    }

    fn forget(&mut self, number: usize, step: &Step, captured: impl Fn(&str) -> bool) {
        for name in step.capture.keys().filter(|name| !captured(name)) {
            self.missing.insert(name.clone(), number);
        }
    }

    fn worsen(&mut self, outcome: Outcome) {
        let rank = |o: Outcome| [Outcome::Warn, Outcome::Fail, Outcome::Error].iter().position(|x| *x == o);
        if self.worst.is_none_or(|worst| rank(outcome) > rank(worst)) {
            self.worst = Some(outcome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::{CheckEvidence, SentRequest};
    use spec::Subject;

    fn steps() -> Vec<Step> {
        let text = "title = \"t\"\nbasis = \"observed\"\ndoc = { page = \"p\", anchor = \"a\", quote = \"q\" }\n\
                    [[step]]\nrequest = { path = \"/token\" }\ncapture.token = { header = \"x-token\" }\nexpect.status = 200\n\
                    [[step]]\nrequest = { path = \"/other\" }\nexpect.status = 200\n\
                    [[step]]\nrequest = { path = \"/use\", headers = { cookie = \"t={{token}}\" } }\nexpect.status = 200\n";
        spec::parse_case("a/t", std::path::Path::new("t.toml"), text).unwrap().steps
    }

    fn evidence(step: usize) -> Evidence {
        let request = SentRequest { method: "GET".into(), url: "http://h/".into(), headers: vec![], body: None };
        Evidence::Check(CheckEvidence {
            step,
            curl: String::new(),
            request,
            response: None,
            expected: steps()[0].expect.clone(),
            should: None,
            capture: Default::default(),
            captured: Default::default(),
            eventually: None,
            mismatches: vec![],
        })
    }

    #[test]
    fn a_step_needing_a_value_a_failed_step_did_not_capture_is_not_run() {
        let steps = steps();
        let mut log = StepLog::default();
        let missing_token = [Mismatch::new(Subject::Capture("token".into()), "header `x-token` is absent")];
        log.checked(1, &steps[0], &missing_token, || evidence(1), |_| false);
        assert_eq!(log.blocker(&steps[1]), None, "a step that needs nothing still runs");
        log.checked(2, &steps[1], &[Mismatch::new(Subject::Status, "expected 200, got 500")], || evidence(2), |_| true);
        let reason = log.blocker(&steps[2]).unwrap();
        assert_eq!(reason, "it needs `token`, which step 1 did not capture");
        log.not_run(3, &steps[2], &reason);
        let (outcome, message, evidence) = log.finish();
        assert_eq!(outcome, Outcome::Fail);
        assert_eq!(
            message.unwrap(),
            "step 1: capture `token`: header `x-token` is absent\nstep 2: status: expected 200, got 500\n\
             step 3: not run: it needs `token`, which step 1 did not capture"
        );
        assert_eq!(evidence.len(), 2);
    }

    #[test]
    fn a_failed_step_that_captured_its_value_does_not_stop_the_steps_that_need_it() {
        let steps = steps();
        let mut log = StepLog::default();
        log.checked(1, &steps[0], &[Mismatch::new(Subject::Status, "expected 200, got 201")], || evidence(1), |_| true);
        assert_eq!(log.blocker(&steps[2]), None);
    }

    #[test]
    fn only_warnings_make_a_warn() {
        let steps = steps();
        let mut log = StepLog::default();
        log.checked(1, &steps[0], &[Mismatch::new(Subject::Reason, "x").of(Severity::Should)], || evidence(1), |_| true);
        log.checked(2, &steps[1], &[], || unreachable!("a pass keeps no evidence"), |_| true);
        let (outcome, message, evidence) = log.finish();
        assert_eq!((outcome, message.as_deref(), evidence.len()), (Outcome::Warn, Some("step 1: reason phrase (should): x"), 1));
    }

    #[test]
    fn after_a_step_without_an_answer_no_step_runs() {
        let steps = steps();
        let mut log = StepLog::default();
        log.checked(1, &steps[0], &[Mismatch::new(Subject::Status, "expected 200, got 500")], || evidence(1), |_| true);
        log.no_answer(2, &steps[1], "GET http://h/other: connection refused", evidence(2));
        assert_eq!(log.blocker(&steps[2]).unwrap(), "step 2 got no answer");
        assert_eq!(log.finish().0, Outcome::Error);
    }
}
