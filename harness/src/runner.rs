//! Runs cases against a target: each case's steps in order (each sent once, or until it
//! matches when it says `eventually`), cases concurrently, the ones that wait longest first.

use crate::client::Client;
use crate::eventually;
use crate::evidence::{CheckEvidence, Evidence, curl_command};
use crate::outcome::{CaseResult, Outcome};
use crate::steps::StepLog;
use crate::target::Target;
use crate::waits::{Slot, Slots};
use spec::capture::Captured;
use spec::verdict::check_step;
use spec::{Case, Response};
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;
use tokio::task::JoinSet;

/// Runs one case on its own: n/a when it does not apply, otherwise every step it can run (see
/// [`crate::steps`]).
pub async fn run_case(client: &Client, target: &Target, case: &Case) -> CaseResult {
    run_case_in(client, target, case, Slot::unlimited()).await
}

/// Runs one case holding `slot`, which it gives back while it waits.
pub async fn run_case_in(client: &Client, target: &Target, case: &Case, slot: Slot) -> CaseResult {
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
    let mut waits = target.time.start(slot).await;
    for (index, step) in case.steps.iter().enumerate() {
        let number = index + 1;
        if let Some(reason) = log.blocker(step) {
            log.not_run(number, step, &reason);
            continue;
        }
        waits.before(step).await;
        let request = client.prepare(base_url, &step.request.filled(&captured));
        let evidence = |response: Option<&spec::Response>, mismatches| {
            Evidence::Check(CheckEvidence {
                step: number,
                curl: curl_command(&request),
                request: request.excerpt(),
                response: response.map(Into::into),
                expected: step.expect.clone(),
                should: step.should.clone(),
                mismatches,
            })
        };
        // Once the case has failed, a step is not sent again: waiting cannot make it pass.
        let resent = step.eventually.filter(|_| !log.failed());
        let check = |response: &Response, captured: &mut Captured| {
            check_step(step, case.severity, response, captured, &target.ignored_headers)
        };
        let tried = eventually::send(client, resent, number, &request, &captured, check, Some(&mut waits)).await;
        captured = tried.captured;
        if let Some(settled) = tried.settling {
            if !settled.matched && settled.attempts > 1 && tried.answer.is_ok() {
                log.note(settled.to_string());
            }
            settling.push(settled);
        }
        match tried.answer {
            Err(error) => {
                let message = format!("{} {}: {error}", request.method, request.url);
                log.no_answer(number, step, &message, evidence(None, Vec::new()));
            }
            Ok(response) => {
                let kept = || evidence(Some(&response), tried.mismatches.clone());
                log.checked(number, step, &tried.mismatches, kept, |name| captured.contains_key(name));
            }
        }
    }
    let (outcome, message, evidence) = log.finish();
    CaseResult { settling, ..CaseResult::ended(&case.id, started, outcome, message, evidence) }
}

/// Runs `cases` against `target` with at most `jobs` at once; results keep the cases' order.
pub async fn run_cases(client: &Client, target: &Target, cases: &[Case], jobs: usize) -> Vec<CaseResult> {
    let (client, target) = (client.clone(), Arc::new(target.clone()));
    run_concurrently(cases, jobs, move |case, slot| {
        let (client, target) = (client.clone(), target.clone());
        async move { run_case_in(&client, &target, &case, slot).await }
    })
    .await
}

/// Calls `run` on every case, each with one of `jobs` slots; results come back in the cases'
/// order. The cases that wait longest start first, so that a run against a real server takes
/// about as long as its longest case.
pub async fn run_concurrently<F, Fut>(cases: &[Case], jobs: usize, run: F) -> Vec<CaseResult>
where
    F: Fn(Case, Slot) -> Fut,
    Fut: Future<Output = CaseResult> + Send + 'static,
{
    let slots = Slots::new(jobs);
    let mut order: Vec<usize> = (0..cases.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse(cases[index].steps.iter().map(|s| s.wait_ms).sum::<u64>()));
    let mut tasks = JoinSet::new();
    for index in order {
        let slot = Slot::take(&slots).await;
        let work = run(cases[index].clone(), slot);
        tasks.spawn(async move { (index, work.await) });
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
