//! Runs cases against a target: each case's steps in order, cases concurrently.

use crate::client::Client;
use crate::evidence::{CheckEvidence, Evidence, ReceivedResponse, curl_command};
use crate::outcome::{CaseResult, Outcome};
use crate::target::Target;
use spec::capture::{self, Captured};
use spec::{Case, Mismatch, Response, Step};
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// Runs one case: n/a when it does not apply, otherwise its steps until one fails.
pub async fn run_case(client: &Client, target: &Target, case: &Case) -> CaseResult {
    let started = Instant::now();
    let result = |outcome, message, evidence| CaseResult::ended(&case.id, started, outcome, message, evidence);
    let base_url = match (target.not_applicable(case), target.base_url_for(case)) {
        (None, Some(url)) => url,
        (reason, _) => return result(Outcome::NotApplicable, reason, None),
    };
    let mut captured = Captured::new();
    for (index, step) in case.steps.iter().enumerate() {
        wait_before(step).await;
        let request = Client::prepare(base_url, &step.request.filled(&captured));
        let evidence = |response: Option<ReceivedResponse>, mismatches| {
            Evidence::Check(CheckEvidence {
                step: index + 1,
                curl: curl_command(&request),
                request: request.excerpt(),
                response,
                expected: step.expect.clone(),
                mismatches,
            })
        };
        match client.send(&request).await {
            Err(error) => {
                let message = format!("step {}: {} {}: {error}", index + 1, request.method, request.url);
                return result(Outcome::Error, Some(message), Some(evidence(None, Vec::new())));
            }
            Ok(response) => {
                let mismatches = check_step(step, &response, &mut captured);
                if !mismatches.is_empty() {
                    let lines: Vec<String> = mismatches.iter().map(ToString::to_string).collect();
                    let message = format!("step {}: {}", index + 1, lines.join("\n"));
                    return result(Outcome::Fail, Some(message), Some(evidence(Some((&response).into()), mismatches)));
                }
            }
        }
    }
    result(Outcome::Pass, None, None)
}

/// Waits as long as the step says before its request is sent.
pub async fn wait_before(step: &Step) {
    if step.wait_ms > 0 {
        tokio::time::sleep(Duration::from_millis(step.wait_ms)).await;
    }
}

/// Every difference between the step's expectations and `response`, after taking the step's
/// captures into `captured` and comparing them with earlier ones.
pub fn check_step(step: &Step, response: &Response, captured: &mut Captured) -> Vec<Mismatch> {
    let mut mismatches = step.expect.check(response);
    mismatches.extend(capture::capture(&step.capture, response, captured));
    mismatches.extend(capture::compare(&step.expect.captures, captured));
    mismatches
}

/// Runs `cases` against `target` with at most `jobs` at once; results keep the cases' order.
pub async fn run_cases(client: &Client, target: &Target, cases: &[Case], jobs: usize) -> Vec<CaseResult> {
    let (client, target) = (client.clone(), Arc::new(target.clone()));
    run_concurrently(cases, jobs, move |case| {
        let (client, target) = (client.clone(), target.clone());
        async move { run_case(&client, &target, &case).await }
    })
    .await
}

/// Calls `run` on every case, at most `jobs` at once; results come back in the cases' order.
pub async fn run_concurrently<F, Fut>(cases: &[Case], jobs: usize, run: F) -> Vec<CaseResult>
where
    F: Fn(Case) -> Fut,
    Fut: Future<Output = CaseResult> + Send + 'static,
{
    let permits = Arc::new(Semaphore::new(jobs.max(1)));
    let mut tasks = JoinSet::new();
    for (index, case) in cases.iter().enumerate() {
        let (permits, work) = (permits.clone(), run(case.clone()));
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await.expect("the semaphore is never closed");
            (index, work.await)
        });
    }
    let mut results: Vec<Option<CaseResult>> = vec![None; cases.len()];
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok((index, result)) => results[index] = Some(result),
            Err(panic) => std::panic::resume_unwind(panic.into_panic()),
        }
    }
    results.into_iter().map(|r| r.expect("every case ran")).collect()
}
