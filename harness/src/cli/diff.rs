//! `harness diff`.

use super::run::run_each;
use super::{AppUrl, Exchange, Finish, ReportFiles, Selection, Usage, check_app_urls, finish, preflight, select};
use super::TARGET;
use crate::diff::Pair;
use crate::evidence::shell_quote;
use crate::report::{Run, RunInfo};
use crate::target::Ranges;
use crate::waits::Time;
use clap::Args;
use spec::Case;
use std::collections::BTreeSet;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

#[derive(Args)]
pub(super) struct DiffArgs {
    /// Base URL of the side taken as the reference (side a), typically a real `next start`;
    /// repeat it as `APP=URL` for the other fixture apps.
    #[arg(long, alias = "a", value_name = "[APP=]URL", value_parser = AppUrl::parse, required = true, help_heading = TARGET)]
    reference: Vec<AppUrl>,
    /// Base URL of the server under test (side b), as `harness run --target` takes it; repeat it
    /// as `APP=URL` for the other fixture apps.
    #[arg(long, alias = "b", value_name = "[APP=]URL", value_parser = AppUrl::parse, required = true, help_heading = TARGET)]
    target: Vec<AppUrl>,
    /// Compare every header and body, not only what each case asserts on.
    #[arg(long, help_heading = TARGET)]
    everything: bool,
    /// Differences in what a case checks only as a `should` fail the run too.
    #[arg(long, help_heading = super::VERDICT)]
    strict: bool,
    #[command(flatten)]
    selection: Selection,
    #[command(flatten)]
    exchange: Exchange,
    #[command(flatten)]
    reports: ReportFiles,
}

pub(super) async fn diff(args: DiffArgs) -> Result<ExitCode, Usage> {
    let (cases, all) = select(&args.selection)?;
    check_app_urls("--reference", &args.reference, &all)?;
    check_app_urls("--target", &args.target, &all)?;
    let client = args.exchange.client()?;
    args.reports.check_writable()?;
    let side = |urls: &[AppUrl]| urls.iter().map(|u| (u.app.clone(), u.url.clone())).collect();
    let pair = Pair { a: side(&args.reference), b: side(&args.target) };
    if let Some(why) = nothing_both_serve(&cases, &pair) {
        return Err(Usage::new(why));
    }
    let both: Vec<AppUrl> = args.reference.iter().chain(&args.target).cloned().collect();
    if let Err(line) = preflight::ask_targets(&client, &both).await {
        eprintln!("{line}");
        return Ok(ExitCode::from(1));
    }
    let started_at = SystemTime::now();
    let clock = Instant::now();
    let shared = Arc::new(pair.clone());
    let everything = args.everything;
    let ran = run_each(&cases, args.exchange.jobs, args.exchange.connection.fail_fast, |case, slot| {
        let (client, pair) = (client.clone(), shared.clone());
        async move { crate::diff::diff_case(&client, &pair, &Time::Real, &case, everything, slot).await }
    })
    .await;
    let sides = |option: &str, urls: &[AppUrl]| {
        urls.iter().map(|u| format!("{option} {}", shell_quote(&u.show()))).collect::<Vec<_>>().join(" ")
    };
    let mut replay = format!("harness diff {} {}", sides("--reference", &args.reference), sides("--target", &args.target));
    if everything {
        replay.push_str(" --everything");
    }
    if args.strict {
        replay.push_str(" --strict");
    }
    for word in args.selection.replay_words().into_iter().chain(args.exchange.replay_words()) {
        replay.push(' ');
        replay.push_str(&word);
    }
    let info = RunInfo {
        target: format!("a = {}, b = {}", shown(&args.reference), shown(&args.target)),
        next_version: None,
        capabilities: Vec::new(),
        started_at,
        duration: clock.elapsed(),
        replay,
        shard: args.selection.shard.map(|s| s.to_string()),
        strict: args.strict,
        ignored_headers: Vec::new(),
        servers: Vec::new(),
        ranges: Ranges::Informative,
        diff: true,
    };
    let how = Finish { reports: &args.reports, not_run: ran.not_run };
    finish(how, Run { info, cases: &ran.cases, results: &ran.results })
}

/// When no selected case requests an app both sides serve, which apps the cases request.
fn nothing_both_serve(cases: &[Case], pair: &Pair) -> Option<String> {
    if cases.iter().any(|c| pair.a.contains_key(&c.app) && pair.b.contains_key(&c.app)) {
        return None;
    }
    let apps: BTreeSet<&str> = cases.iter().map(|c| c.app.as_str()).collect();
    let apps: Vec<&str> = apps.into_iter().collect();
    Some(format!(
        "none of the {} selected cases requests an app both sides serve, so the diff would compare nothing; \
         they request {}: give each side as --reference APP=URL and --target APP=URL",
        cases.len(),
        apps.join(", ")
    ))
}

fn shown(urls: &[AppUrl]) -> String {
    urls.iter().map(AppUrl::show).collect::<Vec<_>>().join(" ")
}
