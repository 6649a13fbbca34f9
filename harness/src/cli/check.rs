//! `harness check [PATTERN]...`: checks cases as the project's tests do, so that a new case
//! needs one command: every selected case against the reference server in every Next.js
//! version it mimics ([`reference_server::CHECKED_NEXT_VERSIONS`], and the release before each
//! minor that changed a behaviour, [`reference_server::BEFORE_A_MINOR_CHANGE`]), where a step sent until it
//! matches (`eventually`) must match at the first try, and the doc coverage map (when the
//! folder has one) against the cases. A case that fails in another version than the default
//! shows as `ID@VERSION`.

use super::run::{Servers, run_each};
use super::{AppUrl, Finish, RUNNER, ReportFiles, Selection, Usage, cases_dir, finish, select};
use crate::client::{Client, Settings};
use crate::outcome::{CaseResult, Outcome};
use crate::report::{Run, RunInfo};
use crate::runner;
use crate::target::{Ranges, Target};
use clap::Args;
use spec::Capability;
use std::collections::BTreeSet;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

#[derive(Args)]
pub(super) struct CheckArgs {
    /// Only cases whose id matches, as `-f` takes it: a glob or a word [default: every case]
    #[arg(value_name = "PATTERN")]
    patterns: Vec<String>,
    #[command(flatten)]
    selection: Selection,
    /// How many cases run at once.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 8, help_heading = RUNNER)]
    jobs: usize,
    /// Stop starting cases after the first that fails.
    #[arg(long, help_heading = RUNNER)]
    fail_fast: bool,
}

pub(super) async fn check(mut args: CheckArgs) -> Result<ExitCode, Usage> {
    if args.jobs == 0 {
        return Err(Usage::new("--jobs must be at least 1"));
    }
    args.selection.filters.append(&mut args.patterns);
    let (cases, all) = select(&args.selection)?;
    let dir = cases_dir(args.selection.cases.as_deref())?;
    // A folder of one's own cases may have no doc coverage map; the suite's has one.
    let has_map = dir.join(spec::coverage::MAP_DIR).is_dir();
    let map_problems = if has_map { super::coverage::map_problems(&dir, &all)? } else { Vec::new() };
    for problem in &map_problems {
        println!("{problem}\n");
    }
    let client = Client::new(Settings::default()).map_err(|e| Usage::new(format!("cannot make an HTTP client: {e}")))?;
    let started_at = SystemTime::now();
    let clock = Instant::now();
    let (mut checked, mut results, mut servers, mut not_run) = (Vec::new(), Vec::new(), Vec::new(), 0);
    let every_version = || reference_server::CHECKED_NEXT_VERSIONS.into_iter().chain(reference_server::BEFORE_A_MINOR_CHANGE);
    for version in every_version() {
        let version: semver::Version = version.parse().expect("a checked version is valid");
        let apps: BTreeSet<&str> = cases.iter().map(|c| c.app.as_str()).collect();
        let mut urls: Vec<AppUrl> = apps.into_iter().map(|app| AppUrl { app: app.to_owned(), url: String::new() }).collect();
        let plan = Servers { fixture_app: None, next_version: version.clone(), fault: None, trust: Vec::new() };
        let started = plan.start(&mut urls, &client).await?;
        let target = Target {
            apps: urls.iter().map(|u| (u.app.clone(), u.url.clone())).collect(),
            next_version: version.clone(),
            capabilities: Capability::ALL.into_iter().collect(),
            ignored_headers: Vec::new(),
            time: started.time.clone(),
            ranges: Ranges::Enforced,
        };
        let shared = Arc::new(target);
        let ran = run_each(&cases, args.jobs, args.fail_fast, |case, slot| {
            let (client, target) = (client.clone(), shared.clone());
            async move { at_first_try(runner::run_case_in(&client, &target, &case, slot).await) }
        })
        .await;
        servers.extend(started.stop().await);
        not_run += ran.not_run;
        let suffix = if version.to_string() == reference_server::DEFAULT_NEXT_VERSION { String::new() } else { format!("@{version}") };
        for (mut case, mut result) in ran.cases.into_iter().zip(ran.results) {
            case.id.push_str(&suffix);
            result.id.push_str(&suffix);
            checked.push(case);
            results.push(result);
        }
        if args.fail_fast && results.iter().any(|r: &CaseResult| r.fails_run(false)) {
            break;
        }
    }
    let versions = every_version().collect::<Vec<_>>().join(", ");
    let replay = match &args.selection.cases {
        Some(dir) => format!("harness check --cases {}", crate::evidence::shell_quote(&dir.display().to_string())),
        None => "harness check".to_owned(),
    };
    let info = RunInfo {
        target: format!("the reference server as Next.js {versions}"),
        next_version: None,
        capabilities: Vec::new(),
        started_at,
        duration: clock.elapsed(),
        replay,
        shard: args.selection.shard.map(|s| s.to_string()),
        strict: false,
        ranges: Ranges::Enforced,
        diff: false,
        ignored_headers: Vec::new(),
        servers,
    };
    let reports = ReportFiles::default();
    let code = finish(Finish { reports: &reports, not_run }, Run { info, cases: &checked, results: &results })?;
    if !map_problems.is_empty() {
        println!("the doc coverage map has {} problem(s), shown above; `cargo test` fails on them too", map_problems.len());
        return Ok(ExitCode::from(1));
    }
    Ok(code)
}

/// The reference server is `next start` on an idle machine: a step sent until it matches must
/// match at once there, or the case waits for what it should not.
fn at_first_try(mut result: CaseResult) -> CaseResult {
    if result.outcome != Outcome::Pass {
        return result;
    }
    if let Some(late) = result.settling.iter().find(|s| s.attempts > 1 || !s.matched) {
        result.outcome = Outcome::Fail;
        result.message = Some(format!("{late}: the reference server must match at the first try"));
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settling::Settling;

    #[test]
    fn a_pass_that_needed_several_tries_on_the_reference_server_fails() {
        let mut late = CaseResult::ended("a/b", Instant::now(), Outcome::Pass, None, Vec::new());
        late.settling = vec![Settling { step: 2, attempts: 3, elapsed_ms: 40, matched: true }];
        let checked = at_first_try(late);
        assert_eq!(checked.outcome, Outcome::Fail);
        assert_eq!(checked.message.as_deref(), Some("step 2 matched after 3 tries in 40 ms: the reference server must match at the first try"));
        let on_time = CaseResult::ended("a/b", Instant::now(), Outcome::Pass, None, Vec::new());
        assert_eq!(at_first_try(on_time).outcome, Outcome::Pass);
    }
}
