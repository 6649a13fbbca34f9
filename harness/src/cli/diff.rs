//! `harness diff`.

use super::{AppUrl, Exchange, ReportFiles, Selection, Usage, check_app_urls, finish, preflight, select};
use crate::console::progress::Progress;
use crate::diff::Pair;
use crate::evidence::shell_quote;
use crate::report::{Run, RunInfo};
use crate::runner;
use crate::target::Ranges;
use clap::Args;
use spec::Case;
use std::collections::BTreeSet;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

#[derive(Args)]
pub(super) struct DiffArgs {
    #[command(flatten)]
    selection: Selection,
    /// Base URL of the reference side, typically a real `next start`; repeat it as `APP=URL`
    /// for the other fixture apps.
    #[arg(long, value_name = "[APP=]URL", value_parser = AppUrl::parse, required = true)]
    a: Vec<AppUrl>,
    /// Base URL of the server under test; repeat it as `APP=URL` for the other fixture apps.
    #[arg(long, value_name = "[APP=]URL", value_parser = AppUrl::parse, required = true)]
    b: Vec<AppUrl>,
    /// Compare every header and body, not only what each case asserts on.
    #[arg(long)]
    everything: bool,
    /// Differences in what a case checks only as a `should` fail the run too.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    exchange: Exchange,
    #[command(flatten)]
    reports: ReportFiles,
}

pub(super) async fn diff(args: DiffArgs) -> Result<ExitCode, Usage> {
    let (cases, all) = select(&args.selection)?;
    check_app_urls("--a", &args.a, &all)?;
    check_app_urls("--b", &args.b, &all)?;
    let client = args.exchange.client()?;
    args.reports.check_writable()?;
    let side = |urls: &[AppUrl]| urls.iter().map(|u| (u.app.clone(), u.url.clone())).collect();
    let pair = Pair { a: side(&args.a), b: side(&args.b) };
    if let Some(why) = nothing_both_serve(&cases, &pair) {
        return Err(Usage(why));
    }
    let both: Vec<AppUrl> = args.a.iter().chain(&args.b).cloned().collect();
    if let Err(line) = preflight::ask_targets(&client, &both).await {
        eprintln!("{line}");
        return Ok(ExitCode::from(1));
    }
    let started_at = SystemTime::now();
    let clock = Instant::now();
    let progress = Progress::start(cases.len());
    let shared = Arc::new(pair.clone());
    let everything = args.everything;
    let results = runner::run_concurrently(&cases, args.exchange.jobs, |case, slot| {
        let (client, pair, progress) = (client.clone(), shared.clone(), progress.clone());
        async move {
            progress.started(&case.id);
            let result = crate::diff::diff_case(&client, &pair, &case, everything, slot).await;
            progress.done(&result);
            result
        }
    })
    .await;
    progress.finish();
    let sides = |option: &str, urls: &[AppUrl]| {
        urls.iter().map(|u| format!("{option} {}", shell_quote(&u.show()))).collect::<Vec<_>>().join(" ")
    };
    let mut replay = format!("harness diff {} {}", sides("--a", &args.a), sides("--b", &args.b));
    if everything {
        replay.push_str(" --everything");
    }
    if args.strict {
        replay.push_str(" --strict");
    }
    if let Some(dir) = &args.selection.cases {
        replay.push_str(&format!(" --cases {}", shell_quote(&dir.display().to_string())));
    }
    for word in args.exchange.replay_words() {
        replay.push(' ');
        replay.push_str(&word);
    }
    let info = RunInfo {
        target: format!("a = {}, b = {}", shown(&args.a), shown(&args.b)),
        next_version: None,
        capabilities: Vec::new(),
        started_at,
        duration: clock.elapsed(),
        replay,
        shard: args.selection.shard.map(|s| s.to_string()),
        strict: args.strict,
        ignored_headers: Vec::new(),
        ranges: Ranges::Informative,
    };
    finish(&args.reports, Run { info, cases: &cases, results: &results })
}

/// When no selected case requests an app both sides serve, which apps the cases request.
fn nothing_both_serve(cases: &[Case], pair: &Pair) -> Option<String> {
    if cases.iter().any(|c| pair.a.contains_key(&c.app) && pair.b.contains_key(&c.app)) {
        return None;
    }
    let apps: BTreeSet<&str> = cases.iter().map(|c| c.app.as_str()).collect();
    let apps: Vec<&str> = apps.into_iter().collect();
    Some(format!(
        "error: none of the {} selected cases requests an app both sides serve, so the diff would compare nothing; \
         they request {}: give each side as --a APP=URL and --b APP=URL",
        cases.len(),
        apps.join(", ")
    ))
}

fn shown(urls: &[AppUrl]) -> String {
    urls.iter().map(AppUrl::show).collect::<Vec<_>>().join(" ")
}
