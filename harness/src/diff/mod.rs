//! Differential mode: every step of every case is sent to two servers, and their answers are
//! compared by meaning rather than byte for byte (see [`compare`]). Typical use: `a` is a real
//! `next start`, `b` the platform under test.

pub mod compare;

use crate::client::Client;
use crate::evidence::{DiffEvidence, Evidence, ReceivedResponse, SentRequest, Side, curl_command};
use crate::outcome::{CaseResult, Outcome};
use crate::runner::wait_before;
use compare::Scope;
use spec::capture::{self, Captured};
use spec::{Case, Mismatch, Response, Step};
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
pub async fn diff_case(client: &Client, pair: &Pair, case: &Case, everything: bool) -> CaseResult {
    let started = Instant::now();
    let result = |outcome, message, evidence| CaseResult::ended(&case.id, started, outcome, message, evidence);
    let (Some(base_a), Some(base_b)) = (pair.a.get(&case.app), pair.b.get(&case.app)) else {
        let reason = format!("requests the fixture app `{}`, which the two sides do not both serve", case.app);
        return result(Outcome::NotApplicable, Some(reason), None);
    };
    let (mut captured_a, mut captured_b) = (Captured::new(), Captured::new());
    for (index, step) in case.steps.iter().enumerate() {
        wait_before(step).await;
        let request_a = Client::prepare(base_a, &step.request.filled(&captured_a));
        let request_b = Client::prepare(base_b, &step.request.filled(&captured_b));
        let (answer_a, answer_b) = tokio::join!(client.send(&request_a), client.send(&request_b));
        let scope = if everything { Scope::Everything } else { Scope::asserted_by(&step.expect) };
        let (outcome, differences) = match (&answer_a, &answer_b) {
            (Ok(a), Ok(b)) => {
                let mut differences = compare::compare(a, b, &scope, base_a, base_b);
                differences.extend(compare_captures(step, (a, &mut captured_a), (b, &mut captured_b)));
                if differences.is_empty() {
                    continue;
                }
                (Outcome::Fail, differences)
            }
            _ => {
                let errors = [("a", &answer_a), ("b", &answer_b)]
                    .into_iter()
                    .filter_map(|(label, answer)| answer.as_ref().err().map(|e| (label, e)))
                    .map(|(label, e)| Mismatch { subject: format!("server {label}"), problem: e.clone() })
                    .collect();
                (Outcome::Error, errors)
            }
        };
        let lines: Vec<String> = differences.iter().map(ToString::to_string).collect();
        let message = format!("step {}: {} {}\n{}", index + 1, step.request.method, step.request.path, lines.join("\n"));
        let evidence = DiffEvidence {
            step: index + 1,
            a: side(request_a, answer_a.as_ref().ok()),
            b: side(request_b, answer_b.as_ref().ok()),
            differences,
        };
        return result(outcome, Some(message), Some(Evidence::Diff(evidence)));
    }
    result(Outcome::Pass, None, None)
}

/// Whether the step's captures and comparisons hold on one server only (a value that was cached
/// on one and rendered anew on the other).
fn compare_captures(step: &Step, a: (&Response, &mut Captured), b: (&Response, &mut Captured)) -> Option<Mismatch> {
    let verdict = |(response, captured): (&Response, &mut Captured)| {
        let mut problems = capture::capture(&step.capture, response, captured);
        problems.extend(capture::compare(&step.expect.captures, captured));
        problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
    };
    let problem = compare::one_sided("meets the case's captures", &verdict(a), &verdict(b))?;
    Some(Mismatch { subject: "captures".into(), problem })
}

fn side(request: SentRequest, response: Option<&Response>) -> Side {
    Side { curl: curl_command(&request), request: request.excerpt(), response: response.map(ReceivedResponse::from) }
}
