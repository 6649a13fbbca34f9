//! Runs cases against a target: each case's steps in order (each sent once, or until it
//! matches when it says `eventually`), cases concurrently.

use crate::client::Client;
use crate::eventually;
use crate::settling::Settling;
use crate::evidence::{CheckEvidence, Evidence, curl_command};
use crate::outcome::{CaseResult, Outcome};
use crate::steps::StepLog;
use crate::target::Target;
use spec::capture::Captured;
use spec::verdict::check_step;
use spec::{Case, Response, Step};
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// Runs one case: n/a when it does not apply, otherwise every step it can run (see
/// [`crate::steps`]).
pub async fn run_case(client: &Client, target: &Target, case: &Case) -> CaseResult {
    let started = Instant::now();
    let base_url = match (target.not_applicable(case), target.base_url_for(case)) {
        (None, Some(url)) => url,
        (reason, _) => {
            return CaseResult::ended(&case.id, started, Outcome::NotApplicable, reason.map(|r| r.to_string()), Vec::new());
        }
    };
    let mut captured = Captured::new();
    let mut log = StepLog::default();
    let mut settling = Vec::new();
    for (index, step) in case.steps.iter().enumerate() {
        let number = index + 1;
        if let Some(reason) = log.blocker(step) {
            log.not_run(number, step, &reason);
            continue;
        }
        wait_before(step).await;
        let request = client.prepare(base_url, &step.request.filled(&captured));
        let evidence = |response: Option<&spec::Response>, mismatches, captured: &Captured, settling: Option<Settling>| {
            Evidence::Check(CheckEvidence {
                step: number,
                curl: curl_command(&request),
                request: request.excerpt(),
                response: response.map(Into::into),
                expected: step.expect.clone(),
                should: step.should.clone(),
                capture: step.capture.clone(),
                captured: values_of(step, captured),
                eventually: settling,
                mismatches,
            })
        };
        // Once the case has failed, a step is not sent again: waiting cannot make it pass.
        let resent = step.eventually.filter(|_| !log.failed());
        let check = |response: &Response, captured: &mut Captured| {
            check_step(step, case.severity, response, captured, &target.ignored_headers)
        };
        let tried = eventually::send(client, resent, number, &request, &captured, check).await;
        captured = tried.captured;
        if let Some(settled) = &tried.settling {
            if !settled.matched && settled.attempts > 1 && tried.answer.is_ok() {
                log.note(settled.to_string());
            }
            settling.push(settled.clone());
        }
        match tried.answer {
            Err(error) => {
                let message = format!("{} {}: {error}", request.method, request.url);
                log.no_answer(number, step, &message, evidence(None, Vec::new(), &captured, tried.settling));
            }
            Ok(response) => {
                let kept = || evidence(Some(&response), tried.mismatches.clone(), &captured, tried.settling.clone());
                log.checked(number, step, &tried.mismatches, kept, |name| captured.contains_key(name));
            }
        }
    }
    let (outcome, message, evidence) = log.finish();
    CaseResult { settling, ..CaseResult::ended(&case.id, started, outcome, message, evidence) }
}

/// The values `step` captures or compares, as captured so far.
fn values_of(step: &Step, captured: &Captured) -> BTreeMap<String, String> {
    let compared = [Some(&step.expect.captures), step.should.as_ref().map(|s| &s.captures)].into_iter().flatten().flatten();
    let names = step.capture.keys().map(String::as_str).chain(compared.flat_map(|(name, c)| [name.as_str(), c.other()]));
    names.filter_map(|name| Some((name.to_owned(), captured.get(name)?.clone()))).collect()
}

/// Waits as long as the step says before its request is sent.
pub async fn wait_before(step: &Step) {
    if step.wait_ms > 0 {
        tokio::time::sleep(Duration::from_millis(step.wait_ms)).await;
    }
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
