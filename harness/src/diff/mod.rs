//! Differential mode: every step of every case is sent to two servers, and their answers are
//! compared by meaning rather than byte for byte (see [`compare`]). Typical use: `a` is a real
//! `next start`, `b` the platform under test. What a step checks decides what is compared: the
//! headers and body it names, every header when it asks for a complete answer; a difference in
//! what only its `should` table (or a `should` case) checks is a warning.

pub mod compare;

use crate::client::Client;
use crate::evidence::{DiffEvidence, Evidence, ReceivedResponse, SentRequest, Side, curl_command};
use crate::eventually;
use crate::outcome::{CaseResult, Outcome};
use crate::steps::StepLog;
use crate::waits::{Slot, Time};
use compare::Scope;
use spec::capture::{self, Captured};
use spec::verdict::check_step;
use spec::{Case, Mismatch, Response, Severity, Step, Subject};
use std::collections::BTreeMap;
use std::time::Instant;

/// The two sides compared: each side's base URL by fixture app (see [`crate::Target::apps`]).
#[derive(Debug, Clone)]
pub struct Pair {
    pub a: BTreeMap<String, String>,
    pub b: BTreeMap<String, String>,
}

impl Pair {
    /// Two servers of the default fixture app.
    pub fn new(a: &str, b: &str) -> Pair {
        let side = |url: &str| BTreeMap::from([(spec::case::DEFAULT_APP.to_owned(), url.trim_end_matches('/').to_owned())]);
        Pair { a: side(a), b: side(b) }
    }
}

/// Compares one case's answers from the two servers; it passes when they agree at every step.
/// Every step runs as in [`crate::steps`]; a value counts as captured when both sides captured it.
/// The case holds `slot` but while it waits; its waits pass on `time`, the two servers' clock.
pub async fn diff_case(client: &Client, pair: &Pair, time: &Time, case: &Case, everything: bool, slot: Slot) -> CaseResult {
    let started = Instant::now();
    let (Some(base_a), Some(base_b)) = (pair.a.get(&case.app), pair.b.get(&case.app)) else {
        let reason = format!("requests the fixture app `{}`, which the two sides do not both serve", case.app);
        return CaseResult::ended(&case.id, started, Outcome::NotApplicable, Some(reason), Vec::new());
    };
    let (mut captured_a, mut captured_b) = (Captured::new(), Captured::new());
    let mut log = StepLog::default();
    let mut waits = time.start(slot).await;
    for (index, step) in case.steps.iter().enumerate() {
        let number = index + 1;
        if let Some(reason) = log.blocker(step) {
            log.not_run(number, step, &reason);
            continue;
        }
        waits.before(step).await;
        let request_a = client.prepare(base_a, &step.request.filled(&captured_a));
        let request_b = client.prepare(base_b, &step.request.filled(&captured_b));
        // A side that must settle (`eventually`) is sent again until it meets the case, so a
        // slower regeneration is not reported as a difference. (How long it took is not
        // recorded: a diff compares answers; reports of runs say how long a target took.)
        let meets_the_case = |response: &Response, captured: &mut Captured| check_step(step, case.severity, response, captured, &[]);
        let sides = [(&request_a, &captured_a), (&request_b, &captured_b)];
        let [tried_a, tried_b] = eventually::send_each(client, step.eventually, number, sides, meets_the_case, Some(&mut waits)).await;
        let (answer_a, answer_b) = (tried_a.answer, tried_b.answer);
        let evidence = |differences| {
            let a = side(&request_a, answer_a.as_ref().ok());
            Evidence::Diff(DiffEvidence { step: number, a, b: side(&request_b, answer_b.as_ref().ok()), differences })
        };
        let (a, b) = match (&answer_a, &answer_b) {
            (Ok(a), Ok(b)) => (a, b),
            _ => {
                let errors: Vec<Mismatch> = [("a", &answer_a), ("b", &answer_b)]
                    .into_iter()
                    .filter_map(|(label, answer)| answer.as_ref().err().map(|e| Mismatch::new(Subject::Server(label.to_owned()), e.clone())))
                    .collect();
                let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
                let message = format!("{} {}: {}", step.request.method, step.request.path, lines.join("; "));
                log.no_answer(number, step, &message, evidence(errors));
                continue;
            }
        };
        let scope = if everything { Scope::Everything } else { Scope::asserted_by(step) };
        let mut differences = compare::compare(a, b, &scope, base_a, base_b);
        differences.extend(compare_captures(step, (a, &mut captured_a), (b, &mut captured_b)));
        differences = differences.into_iter().map(|m| {
            let line = step.lines.of(&m.subject, m.severity);
            m.at(line)
        }).collect();
        if case.severity == Severity::Should {
            differences = differences.into_iter().map(|m| m.of(Severity::Should)).collect();
        }
        let kept = || evidence(differences.clone());
        log.checked(number, step, &differences, kept, |name| captured_a.contains_key(name) && captured_b.contains_key(name));
    }
    let (outcome, message, evidence) = log.finish();
    CaseResult::ended(&case.id, started, outcome, message, evidence)
}

/// Whether the step's captures and comparisons hold on one server only (a value that was cached
/// on one and rendered anew on the other); `should` comparisons are warnings.
fn compare_captures(step: &Step, a: (&Response, &mut Captured), b: (&Response, &mut Captured)) -> Vec<Mismatch> {
    let should = step.should.as_ref().map(|s| &s.captures);
    let verdict = |(response, captured): (&Response, &mut Captured)| {
        let taken = capture::capture(&step.capture, response, captured);
        let must = taken.iter().chain(&capture::compare(&step.expect.captures, captured)).map(ToString::to_string).collect::<Vec<_>>();
        let warned = should.map(|c| capture::compare(c, captured)).unwrap_or_default();
        (must.join("; "), warned.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
    };
    let ((must_a, should_a), (must_b, should_b)) = (verdict(a), verdict(b));
    let found = [(must_a, must_b, Severity::Must), (should_a, should_b, Severity::Should)];
    found
        .into_iter()
        .filter_map(|(a, b, severity)| Some(Mismatch::new(Subject::Captures, compare::one_sided("meets the case's captures", &a, &b)?).of(severity)))
        .collect()
}

fn side(request: &SentRequest, response: Option<&Response>) -> Side {
    Side { curl: curl_command(request), request: request.excerpt(), response: response.map(ReceivedResponse::from) }
}
