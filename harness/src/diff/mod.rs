//! Differential mode: every step of every case is sent to two servers, and their answers are
//! compared by meaning rather than byte for byte (see [`compare`]). Typical use: `a` is a real
//! `next start`, `b` the platform under test.

pub mod compare;

use crate::client::Client;
use crate::evidence::{DiffEvidence, Evidence, ReceivedResponse, SentRequest, Side, curl_command};
use crate::outcome::{CaseResult, Outcome};
use compare::Scope;
use spec::{Case, Mismatch, Response};
use std::time::Instant;

/// The two servers compared.
#[derive(Debug, Clone)]
pub struct Pair {
    pub a: String,
    pub b: String,
}

/// Compares one case's answers from the two servers; it passes when they agree at every step.
pub async fn diff_case(client: &Client, pair: &Pair, case: &Case, everything: bool) -> CaseResult {
    let started = Instant::now();
    let result = |outcome, message, evidence| CaseResult::ended(&case.id, started, outcome, message, evidence);
    for (index, step) in case.steps.iter().enumerate() {
        let request_a = Client::prepare(&pair.a, &step.request);
        let request_b = Client::prepare(&pair.b, &step.request);
        let (answer_a, answer_b) = tokio::join!(client.send(&request_a), client.send(&request_b));
        let scope = if everything { Scope::Everything } else { Scope::asserted_by(&step.expect) };
        let (outcome, differences) = match (&answer_a, &answer_b) {
            (Ok(a), Ok(b)) => {
                let differences = compare::compare(a, b, &scope, &pair.a, &pair.b);
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

fn side(request: SentRequest, response: Option<&Response>) -> Side {
    Side { curl: curl_command(&request), request, response: response.map(ReceivedResponse::from) }
}
